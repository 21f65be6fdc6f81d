import { FleetConsole } from '../../main/fleet-console/console.ts';
import { startConsoleServer } from '../../main/fleet-console/server.ts';
import { silentLogger } from '../../main/log/logger.ts';

/**
 * The fleet console alone in a process, so the fleet benchmark can read its own CPU and memory
 * (the simulated kiosks run in the parent). Answers {cmd:'usage'} over IPC.
 */
const o = JSON.parse(process.argv[2]!) as { dataDir: string; url: string; password: string; staticDir: string };
const c = new FleetConsole({ dataDir: o.dataDir, broker: { url: o.url, username: 'fleet-console', password: o.password, clientId: 'bench-console' }, sweepMs: 500, alerts: { staleHeartbeatMs: 60_000 }, log: silentLogger });
c.auth.setUser('bench', 'viewer', 'bench-password');
await c.start();
const server = await startConsoleServer(c, { port: 0, staticDir: o.staticDir });
process.on('message', (m: { cmd: string }) => {
  if (m.cmd === 'usage') process.send!({ cpu: process.cpuUsage(), rss: process.memoryUsage.rss(), heap: process.memoryUsage().heapUsed, counters: c.counters, kiosks: c.fleet.size, at: Date.now() });
  if (m.cmd === 'stop') void server.close().then(() => c.close()).then(() => process.exit(0));
});
process.send!({ ready: server.url });
