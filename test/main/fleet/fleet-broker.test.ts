import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import mqtt from 'mqtt';
import { createKiosk, type Kiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { AuditRepo } from '../../../main/store/audit-repo.ts';
import { generateCommandKeys, signCommand } from '../../../main/fleet/commands.ts';
import { localDay } from '../../../main/fleet/journal-stats.ts';
import { statusSchema, decode } from '../../../main/fleet/protocol.ts';
import { unpackDiagnostics } from '../../../main/fleet/diagnostics-wire.ts';
import type { FleetConsole } from '../../../main/fleet-console/console.ts';
import { demoPeople } from '../../../main/demo-gateway/seed.ts';
import { DEMO_CIVIL } from '../../support/demo-documents.ts';
import { startMosquitto, type Broker } from '../../support/mosquitto.ts';
import { kioskFleetConfig, recordAll, startConsole, waitFor } from '../../support/fleet-rig.ts';
import { tempDir } from '../../support/temp-dir.ts';

/**
 * The fleet end to end on a real Mosquitto (the repo's production config and ACL, TLS, per-kiosk
 * passwords): a real composed kiosk with its simulators, a second kiosk in its own process to
 * stop and kill, the console, and a recorder that keeps every message for the privacy scan.
 */
const A = 'KW-GOVMALL-01';
const B = 'KW-GOVMALL-02';
const C = 'KW-GOVMALL-03';
const KEEPALIVE_S = 2;

let dir: ReturnType<typeof tempDir>;
let broker: Broker;
let recorder: Awaited<ReturnType<typeof recordAll>>;
let fleetConsole: FleetConsole;
let kiosk: Kiosk;
let kioskClosed = false;
let child: ChildProcess | undefined;
const supervisor = { name: 'sara', role: 'supervisor' as const };

async function call<T>(k: Kiosk, method: string, params: unknown): Promise<T> {
  const r = await k.dispatcher.dispatch(method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function pay(k: Kiosk, payableId: string): Promise<void> {
  const { transactionId } = await call<{ transactionId: string }>(k, 'payment.start', { payableIds: [payableId] });
  await waitFor(() => k.transactions.get(transactionId)?.state === 'approved', 30_000, 'approval');
  await k.payments.settled();
}

function startChild(dataDir: string): Promise<{ proc: ChildProcess; bdSeq: number }> {
  const config = { dataDir, kioskId: B, connectivity: { probeIntervalMs: 1000 }, fleet: kioskFleetConfig(broker, dir.path, B, { centre: 'GOVMALL' }) };
  const proc = spawn(process.execPath, ['--import', 'tsx', new URL('./kiosk-child.ts', import.meta.url).pathname, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready (\d+)/.exec(out);
      if (m) resolve({ proc, bdSeq: Number(m[1]) });
    });
    proc.once('exit', (code) => reject(new Error(`kiosk child exited ${code}`)));
  });
}

beforeAll(async () => {
  dir = tempDir('fleet');
  broker = await startMosquitto({ dir: dir.file('broker'), users: ['fleet-console', A, B, C] });
  recorder = await recordAll(broker);
  fleetConsole = await startConsole(broker, dir.file('console'));
  kiosk = await createKiosk(
    parseConfig({
      demo: true,
      dataDir: dir.file('kiosk-a'),
      kioskId: A,
      connectivity: { probeIntervalMs: 200 },
      outbox: { baseMs: 50, capMs: 200 },
      fleet: { ...kioskFleetConfig(broker, dir.path, A), localStatus: { port: 0, token: 'technician-token-0123456789' } },
    }),
    { log: silentLogger },
  );
}, 120_000);

afterAll(async () => {
  child?.kill('SIGKILL');
  if (!kioskClosed) await kiosk?.close();
  await recorder?.client.endAsync();
  await fleetConsole?.close();
  await broker?.stop();
  dir?.remove();
});

describe('fleet status over MQTT, on Mosquitto with TLS and the ACL', () => {
  it('a real kiosk appears in the console with its devices, backlog and app state', async () => {
    const k = await waitFor(() => fleetConsole.fleet.get(A)?.on && fleetConsole.fleet.get(A), 30_000, 'kiosk online');
    expect(k.status?.devices.map((d) => d.name).sort()).toEqual(['idReader', 'printer', 'terminal']);
    expect(k.status?.outbox).toMatchObject({ depth: expect.any(Number), deadLetters: 0 });
    expect(k.status?.app.state).toBe('available');
    expect(k.h).toBe('green');
  });

  it('printer paper out in the simulator raises an alert; paper back clears it, and both stay in the history', async () => {
    kiosk.devices.simulators.printer!.setFault('paperOut');
    await kiosk.devices.printer.checkStatus().catch(() => undefined);
    await waitFor(() => fleetConsole.fleet.get(A)?.al.includes('paperOut'), 20_000, 'paperOut alert');
    expect(fleetConsole.fleet.get(A)!.h).toBe('red');

    kiosk.devices.simulators.printer!.setFault('none');
    await kiosk.devices.printer.checkStatus().catch(() => undefined);
    await waitFor(() => !fleetConsole.fleet.get(A)?.al.includes('paperOut'), 20_000, 'alert cleared');
    const history = fleetConsole.fleet.history(A).alerts as { rule: string; clearedAt: string | null }[];
    expect(history.find((a) => a.rule === 'paperOut')?.clearedAt).toEqual(expect.any(String));
    await waitFor(() => (fleetConsole.fleet.history(A).events as { code: string }[]).some((e) => e.code === 'printer:paperOut'), 10_000, 'paperOut event');
  });

  it('payments made through the kiosk appear per service, entity and local day', async () => {
    await call(kiosk, 'session.start', { locale: 'en' });
    await call(kiosk, 'bill.lookup', { service: 'electricityWater', account: '100200301' });
    await pay(kiosk, 'EW-100200301-2026-08');
    await call(kiosk, 'session.end', {});
    await call(kiosk, 'session.start', { locale: 'ar' });
    const person = demoPeople('KW')[0]!;
    await call(kiosk, 'identity.enter', { nationalId: person.nationalId });
    await call(kiosk, 'inquiry.run', { kind: 'trafficFines' });
    await pay(kiosk, person.fines[0]!.fineId);
    await call(kiosk, 'session.end', {});

    const day = localDay(new Date(), 'Asia/Kuwait');
    const byService = await waitFor(() => {
      const r = fleetConsole.stats.report('day', day, 'service', { kiosk: A });
      return r.lines.length === 2 && r;
    }, 20_000, 'statistics');
    expect(byService.lines.map((l) => [l.key, l.count, l.amountMinor, l.currency]).sort()).toEqual([
      ['Electricity & water bill', 1, 18_250, 'KWD'],
      ['Traffic fines', 1, person.fines[0]!.amount.amountMinor, 'KWD'],
    ]);
    const byEntity = fleetConsole.stats.report('day', day, 'entity', { country: 'KW', centre: 'GOVMALL' });
    expect(byEntity.lines.map((l) => l.key).sort()).toEqual(['Ministry of Electricity and Water', 'Ministry of Interior - Traffic']);
    expect(byEntity.totals[0]).toMatchObject({ count: 2, amountMinor: 18_250 + person.fines[0]!.amount.amountMinor });
  });

  it("the ACL refuses a kiosk publishing under another kiosk's topic (and on a command topic)", async () => {
    const c = await mqtt.connectAsync(broker.url, { username: C, password: broker.password(C), ca: broker.ca!, protocolVersion: 5, clientId: `khidma-${C}` });
    try {
      await expect(c.publishAsync(`khidma/KW/GOVMALL/${A}/status`, 'forged-by-C', { qos: 1, retain: true })).rejects.toThrow(/not authorized/i);
      await expect(c.publishAsync(`khidma/KW/GOVMALL/${A}/cmd`, 'forged-by-C', { qos: 1 })).rejects.toThrow(/not authorized/i);
      await c.publishAsync(`khidma/KW/GOVMALL/${C}/heartbeat`, JSON.stringify({ v: 1, bdSeq: 0, seq: 0, at: new Date().toISOString() }), { qos: 1 });
      await waitFor(() => recorder.messages.some((m) => m.topic.endsWith(`${C}/heartbeat`)), 10_000, 'own topic delivered');
      expect(recorder.messages.some((m) => m.payload === 'forged-by-C')).toBe(false);
      expect(fleetConsole.fleet.get(A)?.on).toBe(true);
    } finally {
      await c.endAsync();
    }
  });

  it('a forged remote command is refused by the kiosk; a signed one runs once and is audited at both ends', async () => {
    const auditAt = new AuditRepo(kiosk.db);
    const cmdClient = await mqtt.connectAsync(broker.url, { username: 'fleet-console', password: broker.password('fleet-console'), ca: broker.ca!, protocolVersion: 5, clientId: 'forger' });
    try {
      const now = new Date();
      const forged = signCommand(
        { id: crypto.randomUUID(), kiosk: A, action: 'outOfService', operator: 'mallory', issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 60_000).toISOString() },
        generateCommandKeys().privateKeyPem,
      );
      await cmdClient.publishAsync(`khidma/KW/GOVMALL/${A}/cmd`, JSON.stringify(forged), { qos: 1 });
      await waitFor(() => fleetConsole.auth.auditLog().some((e) => e.action === 'command.refused' && e.detail?.commandId === forged.body.id), 15_000, 'refusal');
      expect(fleetConsole.auth.auditLog().find((e) => e.detail?.commandId === forged.body.id)?.detail?.reason).toBe('badSignature');
      expect(auditAt.recent(10, 'fleet.command.outOfService')[0]?.detail).toMatchObject({ commandId: forged.body.id, outcome: 'refused:badSignature' });
      // A visitor session from an earlier test may still be reported as active until the kiosk's next status.
      await waitFor(() => fleetConsole.fleet.get(A)?.app === 'available', 15_000, 'available, the forged command did nothing');

      const sent = await fleetConsole.command(supervisor, A, 'outOfService');
      expect(sent.ok).toBe(true);
      await waitFor(() => fleetConsole.fleet.get(A)?.why === 'remote', 15_000, 'out of service');
      // The kiosk itself refuses visitors while it is out of service (its screens show out of service).
      const page = { connection: { id: 'page-remote' } };
      expect(await kiosk.dispatcher.dispatch('session.start', { locale: 'ar' }, page)).toMatchObject({ ok: false, error: { code: 'unavailable', message: 'remote' } });
      expect(fleetConsole.fleet.get(A)?.al).toContain('outOfService');
      const id = (sent as { id: string }).id;
      await waitFor(() => fleetConsole.auth.auditLog().some((e) => e.action === 'command.done' && e.detail?.commandId === id), 10_000, 'done audited');
      expect(fleetConsole.auth.auditLog().some((e) => e.action === 'command.sent' && e.user === 'sara' && e.detail?.commandId === id)).toBe(true);
      expect(auditAt.recent(10, 'fleet.command.outOfService')[0]).toMatchObject({ actor: 'fleet:sara', detail: { commandId: id, outcome: 'accepted' } });

      // The same signed message again (captured off the wire) is a replay.
      const wire = recorder.messages.find((m) => m.topic.endsWith(`${A}/cmd`) && m.payload.includes(id))!;
      await cmdClient.publishAsync(wire.topic, wire.payload, { qos: 1 });
      await waitFor(() => auditAt.recent(10, 'fleet.command.outOfService').some((e) => e.detail?.outcome === 'refused:replayed'), 10_000, 'replay refused');

      const viewer = await fleetConsole.command({ name: 'vic', role: 'viewer' }, A, 'inService');
      expect(viewer).toEqual({ ok: false, error: 'forbidden' });
      await fleetConsole.command(supervisor, A, 'inService');
      await waitFor(() => fleetConsole.fleet.get(A)?.app === 'available', 15_000, 'back in service');
      expect(await kiosk.dispatcher.dispatch('session.start', { locale: 'ar' }, page)).toMatchObject({ ok: true });
      await kiosk.dispatcher.dispatch('session.end', {}, page);
      const asked = await fleetConsole.command(supervisor, A, 'diagnostics');
      await waitFor(() => fleetConsole.diagnostics.list(A).some((d) => asked.ok && d.commandId === asked.id), 15_000, 'diagnostics bundle');
    } finally {
      await cmdClient.endAsync();
    }
  });

  it('the local status endpoint serves the same JSON to a bearer token only', async () => {
    const url = kiosk.fleet!.localStatus!.url;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-000000000' } })).status).toBe(401);
    const r = await fetch(url, { headers: { authorization: 'Bearer technician-token-0123456789' } });
    expect(r.status).toBe(200);
    const body = statusSchema.parse(await r.json());
    expect(body).toMatchObject({ kiosk: A, online: true, bdSeq: kiosk.fleet!.reporter!.bdSeq });
  });

  it(`a hung kiosk shows offline within 1.5 × keepalive (${KEEPALIVE_S} s); killed and restarted, it is online and its old will does not win`, async () => {
    const first = await startChild(dir.file('kiosk-b'));
    child = first.proc;
    await waitFor(() => fleetConsole.fleet.get(B)?.on, 30_000, 'B online');
    child.kill('SIGSTOP');
    const stoppedAt = Date.now();
    await waitFor(() => fleetConsole.fleet.get(B)?.on === false, 15_000, 'B offline');
    const shownAfterMs = Date.now() - stoppedAt;
    // Broker: 1.5 × keepalive; plus the console's own refresh and a 2-core CI's slack.
    expect(shownAfterMs).toBeLessThanOrEqual(1.5 * KEEPALIVE_S * 1000 + 3000);
    expect(fleetConsole.fleet.get(B)?.al).toContain('offline');

    child.kill('SIGKILL');
    await once(child, 'exit');
    const second = await startChild(dir.file('kiosk-b'));
    child = second.proc;
    expect(second.bdSeq).toBeGreaterThan(first.bdSeq);
    await waitFor(() => fleetConsole.fleet.get(B)?.on, 20_000, 'B online again');

    // A late will from the first connection arrives after the new birth: it must not win.
    const late = await mqtt.connectAsync(broker.url, { username: B, password: broker.password(B), ca: broker.ca!, protocolVersion: 5, clientId: 'late-will' });
    const stale = { v: 1, kiosk: B, bdSeq: first.bdSeq, online: false, at: null, app: { state: 'unavailable', reason: 'lost' }, devices: [], connectivity: null, outbox: null, flaggedPayments: null, version: null, heartbeatS: null, uptimeS: null, disk: null, memory: null };
    await late.publishAsync(`khidma/KW/GOVMALL/${B}/status`, JSON.stringify(stale), { qos: 1, retain: true });
    await late.endAsync();
    await new Promise((r) => setTimeout(r, 1500));
    expect(fleetConsole.fleet.get(B)?.on).toBe(true);
    // …and the retained status a new console would read is the newer birth again.
    const fresh = await mqtt.connectAsync(broker.url, { username: 'fleet-console', password: broker.password('fleet-console'), ca: broker.ca!, protocolVersion: 5, clientId: 'fresh-reader' });
    const retained = new Promise<Buffer>((resolve) => fresh.on('message', (_t, p) => resolve(p)));
    await fresh.subscribeAsync(`khidma/KW/GOVMALL/${B}/status`, { qos: 1 });
    const d = decode(statusSchema, await retained);
    await fresh.endAsync();
    expect(d.ok && d.value).toMatchObject({ online: true, bdSeq: second.bdSeq });

    // Killed outright: the broker sees the connection drop and publishes the will.
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    const killedAt = Date.now();
    await waitFor(() => fleetConsole.fleet.get(B)?.on === false, 15_000, 'B offline after SIGKILL');
    expect(Date.now() - killedAt).toBeLessThanOrEqual(1.5 * KEEPALIVE_S * 1000 + 3000);
    await exited;
    const third = await startChild(dir.file('kiosk-b'));
    child = third.proc;
    expect(third.bdSeq).toBeGreaterThan(second.bdSeq);
    await waitFor(() => fleetConsole.fleet.get(B)?.on && !fleetConsole.fleet.get(B)?.al.includes('offline'), 20_000, 'B online, offline alert cleared');
  }, 180_000);

  it('broker restarted (persistence) and console restarted: same state and statistics, nothing counted twice', async () => {
    const day = localDay(new Date(), 'Asia/Kuwait');
    const before = fleetConsole.stats.report('quarter', day, 'entity');
    expect(before.totals[0]!.count).toBe(2);
    await fleetConsole.close();
    await broker.stop();
    await broker.start();
    fleetConsole = await startConsole(broker, dir.file('console')); // same database
    const rebuilt = await startConsole(broker, dir.file('console-fresh')); // empty database: from retained messages alone
    try {
      for (const c of [fleetConsole, rebuilt]) {
        await waitFor(() => c.fleet.get(A)?.on && c.fleet.get(B)?.on, 60_000, 'kiosks back');
        await waitFor(() => c.stats.report('quarter', day, 'entity').totals[0]?.count === 2, 20_000, 'statistics');
      }
      // Kiosks republished on reconnect (more retained copies of the same day): still counted once.
      await new Promise((r) => setTimeout(r, 1500));
      for (const c of [fleetConsole, rebuilt]) {
        const after = c.stats.report('quarter', day, 'entity');
        expect(after.lines).toEqual(before.lines);
        expect(after.totals).toEqual(before.totals);
        expect(c.fleet.get(A)?.h).toBe('green');
      }
    } finally {
      await rebuilt.close();
    }
  }, 180_000);

  it('a planned shutdown publishes its own death before disconnecting', async () => {
    await kiosk.close();
    kioskClosed = true;
    await waitFor(() => fleetConsole.fleet.get(A)?.on === false, 15_000, 'A offline');
    expect(fleetConsole.fleet.get(A)?.why).toBe('shutdown');
    const deaths = recorder.messages.filter((m) => m.topic === `khidma/KW/GOVMALL/${A}/status` && m.payload.includes('"online":false'));
    expect(deaths.at(-1)?.payload).toContain('"reason":"shutdown"');
  });

  it('no message on the fleet carries a demo civil number, name, document or card number', () => {
    expect(recorder.messages.length).toBeGreaterThan(20);
    const forbidden = [
      DEMO_CIVIL,
      ...(['KW', 'BH', 'QA'] as const).flatMap((p) => demoPeople(p).flatMap((x) => [x.nationalId, ...x.fines.map((f) => f.fineId)])),
      'AL FULANI',
      'SALEM',
      'AB0123456',
      '************4242',
      'maskedPan',
      'authCode',
      '100200301', // the bill account paid above
    ];
    // A diagnostics bundle travels gzipped: it is scanned as the console reads it.
    const readable = recorder.messages.map((m) => {
      if (!m.topic.endsWith('/diagnostics')) return m;
      const u = unpackDiagnostics(Buffer.from(m.payload, 'utf8'), m.topic.split('/')[3]!);
      return { topic: m.topic, payload: u.ok ? JSON.stringify(u.bundle) : m.payload };
    });
    expect(readable.some((m) => m.topic.endsWith('/diagnostics') && m.payload.includes('logs.jsonl'))).toBe(true);
    const hits = readable.flatMap((m) => forbidden.filter((f) => m.topic.includes(f) || m.payload.includes(f)).map((f) => `${m.topic}: ${f}`));
    expect(hits).toEqual([]);
  });
});
