import { createServer, type Socket } from 'node:net';
import { createRequire } from 'node:module';

/**
 * The demo's embedded broker: Aedes in this process, MQTT 3.1.1, no authentication, loopback
 * only. For `npm run fleet` without configuration; production uses Mosquitto or any MQTT 5
 * broker (packaging/mosquitto/).
 */
// Aedes is CommonJS: its factory hangs off the default export at run time.
const { createBroker } = createRequire(import.meta.url)('aedes') as { createBroker: () => { handle: (s: Socket) => void; close(cb: () => void): void } };

export async function startEmbeddedBroker(port: number): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const broker = createBroker();
  const tcp = createServer(broker.handle);
  const listen = (p: number) =>
    new Promise<number>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen(p, '127.0.0.1', () => resolve((tcp.address() as { port: number }).port));
    });
  // The usual MQTT port if it is free (a kiosk on this machine can join the demo), any port otherwise.
  const bound = await listen(port).catch(() => listen(0));
  return {
    url: `mqtt://127.0.0.1:${bound}`,
    port: bound,
    async close() {
      await new Promise<void>((r) => broker.close(() => r()));
      await new Promise<void>((r) => tcp.close(() => r()));
    },
  };
}
