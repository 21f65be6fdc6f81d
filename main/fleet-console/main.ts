import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createLogger } from '../log/logger.ts';
import { generateCommandKeys } from '../fleet/commands.ts';
import { FleetConsole } from './console.ts';
import { startConsoleServer } from './server.ts';
import { startDemoFleet } from './demo-fleet.ts';
import { startEmbeddedBroker } from './embedded-broker.ts';

/**
 * `npm run fleet`. With no configuration: an embedded Aedes broker, a demo fleet of simulated
 * kiosks and demo operators, so a newcomer sees a living console. With --config file.json: the
 * production broker (any MQTT 5 broker; Mosquitto set-up in packaging/mosquitto/).
 */

const configSchema = z
  .object({
    dataDir: z.string().default('data/fleet-console'),
    http: z.object({ host: z.string().default('127.0.0.1'), port: z.number().int().min(0).max(65535).default(8090), secureCookie: z.boolean().default(false) }).strict().default({ host: '127.0.0.1', port: 8090, secureCookie: false }),
    broker: z.object({ url: z.string().regex(/^mqtts?:\/\//), username: z.string().default('fleet-console'), passwordFile: z.string().optional(), caFile: z.string().optional() }).strict().optional(),
    /** Demo only (no `broker`): where the embedded Aedes broker listens, so a real kiosk can join. */
    embeddedBrokerPort: z.number().int().min(0).max(65535).default(1883),
    commandPrivateKeyFile: z.string().optional(),
    /** Run one console per country: only these countries' kiosks. */
    countries: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)).optional(),
    alerts: z.object({ backlogDepth: z.number().int().min(0), backlogAgeMs: z.number().int().min(0), staleHeartbeatMs: z.number().int().min(1000) }).partial().strict().default({}),
  })
  .strict();

const args = process.argv.slice(2);
const configPath = args[args.indexOf('--config') + 1];
const config = configSchema.parse(args.includes('--config') && configPath ? JSON.parse(readFileSync(configPath, 'utf8')) : {});
const dataDir = resolve(config.dataDir);
mkdirSync(dataDir, { recursive: true });
const log = createLogger({ file: join(dataDir, 'fleet-console.log'), level: 'info', console: true });
const staticDir = fileURLToPath(new URL('../../dist/fleet/', import.meta.url));

// The command key: the kiosks are given the public half (fleet.commandPublicKeyFile).
const keyFile = config.commandPrivateKeyFile ?? join(dataDir, 'command-key.pem');
if (!existsSync(keyFile)) {
  const k = generateCommandKeys();
  writeFileSync(keyFile, k.privateKeyPem, { mode: 0o600 });
  writeFileSync(`${keyFile}.pub`, k.publicKeyPem);
}

let stopDemo: (() => Promise<void>) | undefined;
let brokerUrl = config.broker?.url;
if (!config.broker) {
  const embedded = await startEmbeddedBroker(config.embeddedBrokerPort);
  brokerUrl = embedded.url;
  log.info('fleet-console', 'embedded Aedes broker (demo)', { url: brokerUrl });
  stopDemo = () => embedded.close();
}

const fleetConsole = new FleetConsole({
  dataDir,
  broker: {
    url: brokerUrl!,
    // Aedes speaks MQTT 3.1.1; production brokers speak MQTT 5.
    protocolVersion: config.broker ? 5 : 4,
    ...(config.broker && { username: config.broker.username }),
    ...(config.broker?.passwordFile && { password: readFileSync(config.broker.passwordFile, 'utf8').trim() }),
    ...(config.broker?.caFile && { ca: readFileSync(config.broker.caFile) }),
  },
  commandPrivateKeyPem: readFileSync(keyFile, 'utf8'),
  alerts: config.alerts,
  ...(config.countries && { countries: config.countries }),
  log,
});

if (args.includes('--add-user')) {
  const [name, role] = args.slice(args.indexOf('--add-user') + 1);
  const password = process.env.KHIDMA_FLEET_PASSWORD ?? '';
  fleetConsole.auth.setUser(z.string().min(1).parse(name), z.enum(['viewer', 'supervisor']).parse(role), password);
  console.log(`operator ${name} (${role}) saved`);
  fleetConsole.db.close();
  process.exit(0);
}
if (!config.broker && !fleetConsole.auth.hasUsers()) {
  fleetConsole.auth.setUser('viewer', 'viewer', 'viewer-demo');
  fleetConsole.auth.setUser('supervisor', 'supervisor', 'supervisor-demo');
}

await fleetConsole.start();
const server = await startConsoleServer(fleetConsole, { port: config.http.port, host: config.http.host, staticDir, secureCookie: config.http.secureCookie });
const demo = config.broker ? undefined : await startDemoFleet({ host: '127.0.0.1', port: Number(new URL(brokerUrl!).port) });
console.log(`\nKhidma fleet console: ${server.url}`);
if (demo) console.log(`demo fleet of ${demo.kiosks.length} simulated kiosks; operators viewer / viewer-demo and supervisor / supervisor-demo`);
if (!existsSync(join(staticDir, 'index.html'))) console.log('the page is not built: run `npx vite build -c vite.fleet.config.ts` (npm run fleet does it)');

const stop = async () => {
  demo?.close();
  await server.close();
  await fleetConsole.close();
  await stopDemo?.();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
