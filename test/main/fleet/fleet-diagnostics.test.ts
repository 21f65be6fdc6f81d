import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import mqtt, { type MqttClient } from 'mqtt';
import { createKiosk, type Kiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import { AuditRepo } from '../../../main/store/audit-repo.ts';
import type { FleetConsole } from '../../../main/fleet-console/console.ts';
import { startConsoleServer, type ConsoleServer } from '../../../main/fleet-console/server.ts';
import { DIAGNOSTICS_MAX_BYTES, DIAGNOSTICS_MAX_MESSAGE, unpackDiagnostics, type DiagnosticsMessage } from '../../../main/fleet/diagnostics-wire.ts';
import type { FleetLinkState, InquiryResult, IdentityView } from '../../../main/contract/api.ts';
import { DEMO_TECHNICIAN } from '../../../main/technician/demo-mode.ts';
import { DEMO_CIVIL_ID_CARD } from '../../support/demo-documents.ts';
import { privacySweep } from '../../support/privacy-sweep.ts';
import { startMosquitto, type Broker } from '../../support/mosquitto.ts';
import { kioskFleetConfig, recordAll, startConsole, waitFor } from '../../support/fleet-rig.ts';
import { tempDir } from '../../support/temp-dir.ts';

/**
 * Diagnostics bundles over the fleet, end to end on the repo's Mosquitto (TLS, ACL): a real
 * composed kiosk with its real log file, a technician who sends a bundle, a supervisor who asks
 * for one with a signed command, the console that checks, stores and serves them, and the
 * privacy scan of what travelled and what was stored.
 */
const A = 'KW-DIAG-01';
const C = 'KW-DIAG-03';
const tech = { connection: { id: 'tech-screen' } };

let dir: ReturnType<typeof tempDir>;
let broker: Broker;
let recorder: Awaited<ReturnType<typeof recordAll>>;
/** Subscribed with retain-as-published: shows whether the kiosk published a bundle retained. */
let watcher: MqttClient;
const watched: { topic: string; retain: boolean }[] = [];
let fleetConsole: FleetConsole;
let server: ConsoleServer;
let kiosk: Kiosk;
const links: FleetLinkState[] = [];

async function call<T>(method: string, params: unknown, ctx = { connection: { id: 'visitor-screen' } }): Promise<T> {
  const r = await kiosk.dispatcher.dispatch(method, params, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function signIn(name: string): Promise<(path: string) => Promise<Response>> {
  const r = await fetch(`${server.url}api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password: `${name}-password` }) });
  expect(r.status).toBe(200);
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  return (path) => fetch(`${server.url}${path.replace(/^\//, '')}`, { headers: { cookie } });
}

const wireMessages = () => recorder.messages.filter((m) => m.topic === `khidma/KW/GOVMALL/${A}/diagnostics`);
const wireMessage = (id: string) => wireMessages().find((m) => m.payload.includes(id));

beforeAll(async () => {
  dir = tempDir('fleet-diag');
  broker = await startMosquitto({ dir: dir.file('broker'), users: ['fleet-console', A, C] });
  recorder = await recordAll(broker);
  watcher = await mqtt.connectAsync(broker.url, { username: 'fleet-console', password: broker.password('fleet-console'), ca: broker.ca!, protocolVersion: 5, clientId: 'retain-watcher' });
  watcher.on('message', (topic, _p, packet) => void watched.push({ topic, retain: packet.retain }));
  await watcher.subscribeAsync('khidma/+/+/+/diagnostics', { qos: 1, rap: true });
  fleetConsole = await startConsole(broker, dir.file('console'));
  fleetConsole.auth.setUser('sara', 'supervisor', 'sara-password');
  fleetConsole.auth.setUser('vic', 'viewer', 'vic-password');
  server = await startConsoleServer(fleetConsole, { port: 0, staticDir: dir.path });
  // The real file logger (no `log` option): the bundle's logs are what the kiosk really wrote.
  kiosk = await createKiosk(
    parseConfig({ demo: true, dataDir: dir.file('kiosk-a'), kioskId: A, connectivity: { probeIntervalMs: 200 }, outbox: { baseMs: 50, capMs: 200 }, fleet: kioskFleetConfig(broker, dir.path, A) }),
  );
  kiosk.events.subscribe((event, payload) => event === 'tech.fleet' && links.push((payload as { link: FleetLinkState }).link));
  await waitFor(() => fleetConsole.fleet.get(A)?.on, 30_000, 'kiosk online');
}, 120_000);

afterAll(async () => {
  await kiosk?.close();
  await watcher?.endAsync();
  await recorder?.client.endAsync();
  await server?.close();
  await fleetConsole?.close();
  await broker?.stop();
  dir?.remove();
});

describe('diagnostics bundles over the fleet (Mosquitto, TLS, ACL)', () => {
  it('after a visitor scanned an ID and paid a fine by card, a technician sends the bundle: stored once, downloaded by a supervisor only, and no demo civil number, name or card number on the wire or on disk', async () => {
    await call('session.start', { locale: 'en' });
    await kiosk.devices.simulators.idReader!.presentLines(DEMO_CIVIL_ID_CARD);
    for (let i = 0; !(await call<IdentityView>('identity.get', {})).present; i++) {
      if (i > 400) throw new Error('the ID card was not read');
      await new Promise((r) => setTimeout(r, 50));
    }
    const fines = await call<InquiryResult & { kind: 'trafficFines' }>('inquiry.run', { kind: 'trafficFines' });
    const { transactionId } = await call<{ transactionId: string }>('payment.start', { payableIds: [fines.fines[0]!.fineId] });
    await waitFor(() => kiosk.transactions.get(transactionId)?.state === 'approved', 30_000, 'approval');
    await kiosk.payments.settled();
    await call('session.end', {});

    await call('tech.login', { pin: DEMO_TECHNICIAN.pin }, tech);
    expect((await call<{ fleet: FleetLinkState }>('tech.media', {}, tech)).fleet).toBe('connected');
    const sent = await call<{ id: string; bytes: number; sentBytes: number; droppedLogLines: number }>('tech.sendDiagnostics', {}, tech);
    expect(sent.droppedLogLines).toBe(0);
    expect(sent.sentBytes).toBeLessThanOrEqual(DIAGNOSTICS_MAX_MESSAGE);

    const stored = await waitFor(() => fleetConsole.diagnostics.list(A).find((d) => d.id === sent.id), 15_000, 'bundle stored');
    expect(stored).toMatchObject({ kiosk: A, trigger: 'technician', commandId: null, bytes: sent.bytes, droppedLogLines: 0 });
    const wire = await waitFor(() => wireMessage(sent.id), 10_000, 'bundle on the wire');
    expect(wireMessages()).toHaveLength(1);
    expect(watched.filter((w) => w.topic.endsWith(`${A}/diagnostics`))).toEqual([{ topic: `khidma/KW/GOVMALL/${A}/diagnostics`, retain: false }]);

    // The supervisor downloads exactly the gzip that travelled; a viewer sees no list and gets 403.
    const sara = await signIn('sara');
    const detail = (await (await sara(`/api/kiosks/${A}`)).json()) as { diagnostics: { id: string }[] };
    expect(detail.diagnostics.map((d) => d.id)).toEqual([sent.id]);
    const dl = await sara(`/api/kiosks/${A}/diagnostics/${sent.id}`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-disposition')).toBe(`attachment; filename="${stored.name}.json.gz"`);
    const file = Buffer.from(await dl.arrayBuffer());
    const msg = JSON.parse(wire.payload) as DiagnosticsMessage;
    expect(file.equals(Buffer.from(msg.gzip, 'base64'))).toBe(true);
    const vic = await signIn('vic');
    expect(((await (await vic(`/api/kiosks/${A}`)).json()) as { diagnostics: unknown }).diagnostics).toBeNull();
    expect((await vic(`/api/kiosks/${A}/diagnostics/${sent.id}`)).status).toBe(403);
    const consoleAudit = fleetConsole.auth.auditLog();
    expect(consoleAudit.find((e) => e.action === 'diagnostics.download')).toMatchObject({ user: 'sara', kiosk: A, detail: { id: sent.id } });
    expect(consoleAudit.find((e) => e.action === 'diagnostics.forbidden')).toMatchObject({ user: 'vic', kiosk: A });
    expect(consoleAudit.find((e) => e.action === 'diagnostics.received')).toMatchObject({ kiosk: A, detail: { id: sent.id, trigger: 'technician', bytes: sent.bytes } });
    expect(new AuditRepo(kiosk.db).recent(5, 'tech.sendDiagnostics')[0]).toMatchObject({ actor: DEMO_TECHNICIAN.name, detail: { outcome: 'sent', id: sent.id, bytes: sent.bytes, sentBytes: sent.sentBytes } });

    // The bundle holds the visitor's journey as events, and none of the visitor's data.
    const bundle = JSON.parse(gunzipSync(file).toString('utf8')) as { files: Record<string, string> };
    expect(bundle.files['logs.jsonl']).toMatch(/document read[\s\S]*delivered/);
    expect(JSON.parse(bundle.files['journal.json']!)).toEqual(expect.arrayContaining([expect.objectContaining({ state: 'approved', count: 1 })]));
    const sweep = privacySweep({ dirs: [dir.file('console/diagnostics')], messages: [wire.payload, gunzipSync(file), ...Object.values(bundle.files)] });
    expect(sweep.files.length).toBe(1);
    expect(sweep.findings).toEqual([]);
  }, 120_000);

  it('a supervisor asks from the console with a signed command: the kiosk sends a bundle, answers done, and both ends audit it', async () => {
    const asked = await fleetConsole.command({ name: 'sara', role: 'supervisor' }, A, 'diagnostics');
    if (!asked.ok) throw new Error(asked.error);
    const stored = await waitFor(() => fleetConsole.diagnostics.list(A).find((d) => d.commandId === asked.id), 15_000, 'requested bundle');
    expect(stored.trigger).toBe('console');
    await waitFor(() => (fleetConsole.commands(A) as { id: string; result: string | null }[]).find((c) => c.id === asked.id)?.result === 'done', 10_000, 'command done');
    const rows = new AuditRepo(kiosk.db).recent(10, 'fleet.command.diagnostics').filter((r) => r.detail?.commandId === asked.id);
    expect(rows.map((r) => [r.actor, r.detail?.outcome])).toEqual([
      ['fleet:sara', 'sent'],
      ['fleet:sara', 'accepted'],
    ]);
    expect(rows[0]!.detail).toMatchObject({ bytes: stored.bytes });
    expect(unpackDiagnostics(Buffer.from(wireMessage(stored.id)!.payload), A).ok).toBe(true);
    expect(fleetConsole.auth.auditLog().some((e) => e.action === 'command.sent' && e.user === 'sara' && e.detail?.commandId === asked.id)).toBe(true);
  });

  it(`logs over ${DIAGNOSTICS_MAX_BYTES} bytes, partly incompressible: the oldest lines are left out, the message fits the broker, and the bundle says so`, async () => {
    const logFile = join(dir.file('kiosk-a'), 'logs', 'kiosk.log');
    const line = (i: number, blob: string) => JSON.stringify({ level: 'info', t: new Date().toISOString(), scope: 'filler', msg: `filler ${i}`, blob }) + '\n';
    for (let i = 0; i < 4000; i++) appendFileSync(logFile, line(i, `routine poll, all devices online ${'.'.repeat(300)}`));
    for (let i = 4000; i < 4600; i++) appendFileSync(logFile, line(i, randomBytes(300).toString('base64')));
    const sent = await call<{ id: string; bytes: number; sentBytes: number; droppedLogLines: number }>('tech.sendDiagnostics', {}, tech);
    expect(sent.droppedLogLines).toBeGreaterThan(0);
    expect(sent.sentBytes).toBeLessThanOrEqual(DIAGNOSTICS_MAX_MESSAGE);
    expect(sent.bytes).toBeLessThanOrEqual(DIAGNOSTICS_MAX_BYTES);
    await waitFor(() => fleetConsole.diagnostics.list(A).find((d) => d.id === sent.id), 15_000, 'capped bundle stored');
    const b = fleetConsole.diagnostics.read(A, sent.id)!;
    const files = (JSON.parse(gunzipSync(b.gz).toString('utf8')) as { files: Record<string, string> }).files;
    expect(JSON.parse(files['manifest.json']!).trimmed).toMatchObject({ droppedLogLines: sent.droppedLogLines, reason: expect.stringMatching(/oldest log lines/) });
    expect(files['logs.jsonl']).toContain('"filler 4599"');
    expect(files['logs.jsonl']).not.toContain('"filler 0"');
  });

  it('the console refuses malformed, oversized and inflating bundles, even from the kiosk’s own credentials', async () => {
    const before = fleetConsole.diagnostics.list(A).length;
    const own = await mqtt.connectAsync(broker.url, { username: A, password: broker.password(A), ca: broker.ca!, protocolVersion: 5, clientId: `khidma-${A}-forger` });
    try {
      const good = JSON.parse(wireMessages()[0]!.payload) as DiagnosticsMessage;
      const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
      const cases: [Buffer | string, string][] = [
        ['{"v":1,', 'malformed'],
        [JSON.stringify({ ...good, id: crypto.randomUUID(), civilId: '000000000000' }), 'malformed'],
        [Buffer.alloc(DIAGNOSTICS_MAX_MESSAGE + 1024, 0x20), 'tooLarge'],
        [JSON.stringify({ ...good, id: crypto.randomUUID(), bytes: DIAGNOSTICS_MAX_BYTES, sha256: createHash('sha256').update(bomb).digest('hex'), gzip: bomb.toString('base64') }), 'bomb'],
        [JSON.stringify({ ...good, id: crypto.randomUUID(), sha256: 'f'.repeat(64) }), 'checksum'],
        [JSON.stringify({ ...good, id: crypto.randomUUID(), kiosk: C }), 'otherKiosk'],
      ];
      for (const payload of cases.map(([p]) => p)) await own.publishAsync(`khidma/KW/GOVMALL/${A}/diagnostics`, payload, { qos: 1 });
      const refused = () => fleetConsole.auth.auditLog().filter((e) => e.action === 'diagnostics.refused' && e.kiosk === A);
      await waitFor(() => refused().length >= cases.length, 15_000, 'refusals');
      expect(refused().map((e) => e.detail?.reason).sort()).toEqual(cases.map(([, r]) => r).sort());
      expect(fleetConsole.diagnostics.list(A)).toHaveLength(before);
      // Over the broker's own limit (256 KiB) a message never reaches the console: Mosquitto drops the sender.
      const big = await mqtt.connectAsync(broker.url, { username: A, password: broker.password(A), ca: broker.ca!, protocolVersion: 5, clientId: `khidma-${A}-big`, reconnectPeriod: 0 });
      const closed = new Promise<void>((resolve) => big.once('close', () => resolve()));
      void big.publishAsync(`khidma/KW/GOVMALL/${A}/diagnostics`, Buffer.alloc(300 * 1024, 0x20), { qos: 1 }).catch(() => undefined);
      await closed;
      await big.endAsync(true);
      await fleetConsole.command({ name: 'sara', role: 'supervisor' }, A, 'diagnostics');
      await waitFor(() => fleetConsole.diagnostics.list(A).length === before + 1, 15_000, 'a real bundle after the big one');
      expect(refused()).toHaveLength(cases.length);
      expect(recorder.messages.some((m) => m.payload.length > 256 * 1024)).toBe(false);
    } finally {
      await own.endAsync();
    }
  });

  it("the ACL keeps another kiosk off this kiosk's bundle topic: it can neither publish nor read there", async () => {
    const c = await mqtt.connectAsync(broker.url, { username: C, password: broker.password(C), ca: broker.ca!, protocolVersion: 5, clientId: `khidma-${C}` });
    const seen: string[] = [];
    c.on('message', (topic) => void seen.push(topic));
    try {
      await expect(c.publishAsync(`khidma/KW/GOVMALL/${A}/diagnostics`, wireMessages()[0]!.payload, { qos: 1 })).rejects.toThrow(/not authorized/i);
      await c.subscribeAsync([`khidma/KW/GOVMALL/${A}/diagnostics`, `khidma/KW/GOVMALL/${C}/cmd`], { qos: 1 });
      const sent = await call<{ id: string }>('tech.sendDiagnostics', {}, tech);
      await waitFor(() => fleetConsole.diagnostics.list(A).some((d) => d.id === sent.id), 15_000, 'console got it');
      // A message C may read, published after A's bundle, arrives after it would have: C's queue is in order.
      const probe = await mqtt.connectAsync(broker.url, { username: 'fleet-console', password: broker.password('fleet-console'), ca: broker.ca!, protocolVersion: 5, clientId: 'acl-probe' });
      await probe.publishAsync(`khidma/KW/GOVMALL/${C}/cmd`, 'probe', { qos: 1 });
      await probe.endAsync();
      await waitFor(() => seen.includes(`khidma/KW/GOVMALL/${C}/cmd`), 10_000, 'probe delivered to C');
      expect(seen).toEqual([`khidma/KW/GOVMALL/${C}/cmd`]);
    } finally {
      await c.endAsync();
    }
  });

  it('with the broker down the screen is told, and sending is refused as offline; back up, it is offered again', async () => {
    links.length = 0;
    await broker.stop();
    await waitFor(() => links.includes('offline'), 20_000, 'offline event');
    expect((await call<{ fleet: FleetLinkState }>('tech.media', {}, tech)).fleet).toBe('offline');
    const r = await kiosk.dispatcher.dispatch('tech.sendDiagnostics', {}, tech);
    expect(r).toEqual({ ok: false, error: { code: 'unavailable', message: 'offline' } });
    await broker.start();
    await waitFor(() => links.at(-1) === 'connected', 60_000, 'connected event');
    expect((await call<{ fleet: FleetLinkState }>('tech.media', {}, tech)).fleet).toBe('connected');
    await call('tech.logout', {}, tech);
  }, 120_000);
});
