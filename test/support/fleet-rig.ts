import mqtt, { type MqttClient } from 'mqtt';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskConfigInput } from '../../main/config.ts';
import { generateCommandKeys } from '../../main/fleet/commands.ts';
import { FleetConsole } from '../../main/fleet-console/console.ts';
import { silentLogger } from '../../main/log/logger.ts';
import type { Broker } from './mosquitto.ts';

/** Polls until `fn` returns a truthy value (or throws after `ms`). */
export async function waitFor<T>(fn: () => T | undefined | false | null, ms = 20_000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const keys = generateCommandKeys();

/** Writes the console's public key and the broker CA where a kiosk config can name them. */
export function kioskFleetConfig(b: Broker, dir: string, kiosk: string, extra: Partial<NonNullable<KioskConfigInput['fleet']>> = {}): NonNullable<KioskConfigInput['fleet']> {
  writeFileSync(join(dir, 'console.pub'), keys.publicKeyPem);
  writeFileSync(join(dir, 'ca.crt'), b.ca!);
  return {
    url: b.url,
    country: 'KW',
    centre: 'GOVMALL',
    username: kiosk,
    password: b.password(kiosk),
    caFile: join(dir, 'ca.crt'),
    keepaliveS: 2,
    // As in production, the heartbeat interval equals the keepalive: 50 % slack before a kiosk counts as silent.
    heartbeatMs: 2000,
    statusIntervalMs: 5000,
    commandPublicKeyFile: join(dir, 'console.pub'),
    ...extra,
  };
}

export async function startConsole(b: Broker, dataDir: string, opts: { sweepMs?: number } = {}): Promise<FleetConsole> {
  const c = new FleetConsole({
    dataDir,
    broker: { url: b.url, username: 'fleet-console', password: b.password('fleet-console'), ca: b.ca! },
    commandPrivateKeyPem: keys.privateKeyPem,
    alerts: { staleHeartbeatMs: 5000 },
    sweepMs: opts.sweepMs ?? 250,
    log: silentLogger,
  });
  await c.start();
  return c;
}

/** A second console-credentialed client that records every message on the fleet (privacy scan). */
export async function recordAll(b: Broker): Promise<{ client: MqttClient; messages: { topic: string; payload: string }[] }> {
  const messages: { topic: string; payload: string }[] = [];
  const client = await mqtt.connectAsync(b.url, { username: 'fleet-console', password: b.password('fleet-console'), ca: b.ca!, protocolVersion: 5, clientId: `recorder-${Math.random().toString(36).slice(2, 8)}` });
  client.on('message', (topic, payload) => messages.push({ topic, payload: payload.toString('utf8') }));
  await client.subscribeAsync('khidma/#', { qos: 1 });
  return { client, messages };
}
