import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseConfig } from '../../../main/config.ts';
import { openDatabase, type Db } from '../../../main/store/database.ts';
import { buildDiagnostics, type DiagnosticsInput } from '../../../main/technician/diagnostics.ts';
import { DIAGNOSTICS_MAX_BYTES, DIAGNOSTICS_MAX_MESSAGE, packDiagnostics, unpackDiagnostics, type DiagnosticsMessage } from '../../../main/fleet/diagnostics-wire.ts';
import { tempDir } from '../../support/temp-dir.ts';

/**
 * The bundle on the wire: the technician's builder (a real kiosk database and log file), the
 * caps, and every way the console refuses a message. No broker here: fleet-diagnostics.test.ts
 * sends the same messages through Mosquitto.
 */
const KIOSK = 'KW-WIRE-01';
let dir: ReturnType<typeof tempDir>;
let db: Db;
let input: Omit<DiagnosticsInput, 'now'>;
const now = new Date('2026-03-01T08:30:00.000Z');

function logLine(i: number, blob: string): string {
  return JSON.stringify({ level: 'info', t: new Date(now.getTime() - 1_000_000 + i).toISOString(), scope: 'filler', msg: `line ${i}`, blob }) + '\n';
}

beforeAll(() => {
  dir = tempDir('diag-wire');
  db = openDatabase(dir.file('kiosk.sqlite'));
  mkdirSync(dir.file('logs'));
  const config = parseConfig({
    demo: true,
    dataDir: dir.path,
    kioskId: KIOSK,
    paymentTerminal: { password: '314159' },
    fleet: { url: 'mqtts://broker.example:8883', country: 'KW', centre: 'C1', username: KIOSK, password: 'broker-password-xyz', localStatus: { port: 0, token: 'local-status-token-abcdef' } },
  });
  input = { db, config, logFile: dir.file('logs/kiosk.log'), devices: [], state: { state: 'available' }, settings: { current: { terminalPassword: { set: true } } } };
  appendFileSync(input.logFile, logLine(0, 'kiosk: started'));
});
afterAll(() => {
  db?.close();
  dir?.remove();
});

const meta = (trigger: DiagnosticsMessage['trigger'] = 'technician') => ({ kiosk: KIOSK, trigger, now });
const build = (max: number) => buildDiagnostics({ ...input, now }, { maxBytes: max });
const envelope = (p: Buffer) => JSON.parse(p.toString('utf8')) as DiagnosticsMessage;
const repack = (m: DiagnosticsMessage) => Buffer.from(JSON.stringify(m));

describe('diagnostics bundle on the wire', () => {
  it('packs the builder’s bundle and the console unpacks the same files; secrets are not in it', async () => {
    const p = await packDiagnostics(build, meta());
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const u = unpackDiagnostics(p.payload, KIOSK);
    expect(u.ok).toBe(true);
    if (!u.ok) return;
    const same = buildDiagnostics({ ...input, now });
    expect(u.bundle.files).toEqual(same.files);
    expect(u.meta).toMatchObject({ kiosk: KIOSK, trigger: 'technician', droppedLogLines: 0, name: `khidma-diagnostics-${KIOSK}-2026-03-01T08-30-00-000Z` });
    const config = u.bundle.files['config.json'];
    for (const secret of ['314159', 'broker-password-xyz', 'local-status-token-abcdef']) expect(config).not.toContain(secret);
    expect(config).toContain('broker.example');
    expect(JSON.parse(u.bundle.files['manifest.json'])).not.toHaveProperty('trimmed');
  });

  it(`over ${DIAGNOSTICS_MAX_BYTES} bytes of logs: the oldest lines go, the newest stay, and the manifest says so`, async () => {
    // ~1.9 MiB of compressible log lines (readLogs reads at most 5000).
    for (let i = 1; i <= 4800; i++) appendFileSync(input.logFile, logLine(i, `routine status poll, all devices online, nothing to report ${'.'.repeat(300)}`));
    const p = await packDiagnostics(build, meta());
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.payload.length).toBeLessThanOrEqual(DIAGNOSTICS_MAX_MESSAGE);
    const u = unpackDiagnostics(p.payload, KIOSK);
    if (!u.ok) throw new Error(u.reason);
    expect(u.meta.bytes).toBeLessThanOrEqual(DIAGNOSTICS_MAX_BYTES);
    expect(u.meta.bytes).toBeGreaterThan(DIAGNOSTICS_MAX_BYTES * 0.9);
    const logs = u.bundle.files['logs.jsonl'].split('\n');
    expect(logs.at(-1)).toContain('line 4800');
    expect(logs[0]).not.toContain('"line 1"');
    const manifest = JSON.parse(u.bundle.files['manifest.json']) as { logLines: number; trimmed: { droppedLogLines: number; reason: string } };
    expect(manifest.trimmed.droppedLogLines).toBe(u.meta.droppedLogLines);
    expect(manifest.trimmed.droppedLogLines + manifest.logLines).toBe(4801);
    expect(manifest.logLines).toBe(logs.length);
    expect(manifest.trimmed.reason).toMatch(/oldest log lines/);
  });

  it(`logs that hardly compress are trimmed further so the message stays under ${DIAGNOSTICS_MAX_MESSAGE} bytes`, async () => {
    for (let i = 4801; i <= 6000; i++) appendFileSync(input.logFile, logLine(i, randomBytes(300).toString('base64')));
    const p = await packDiagnostics(build, meta('console'));
    if (!p.ok) throw new Error(p.error);
    expect(p.payload.length).toBeLessThanOrEqual(DIAGNOSTICS_MAX_MESSAGE);
    const u = unpackDiagnostics(p.payload, KIOSK);
    if (!u.ok) throw new Error(u.reason);
    // 240 KiB of base64 holds ~180 KiB of gzip: far less than 1 MiB of random log text.
    expect(u.meta.bytes).toBeLessThan(DIAGNOSTICS_MAX_BYTES / 2);
    expect(u.bundle.files['logs.jsonl'].split('\n').at(-1)).toContain('line 6000');
    expect(JSON.parse(u.bundle.files['manifest.json']).trimmed.droppedLogLines).toBe(u.meta.droppedLogLines);
  });

  it('refuses what does not fit, parse, match or inflate within the cap', async () => {
    const good = await packDiagnostics(build, meta());
    if (!good.ok) throw new Error(good.error);
    const m = envelope(good.payload);
    const gz = (json: unknown, extra: Partial<DiagnosticsMessage> = {}) => {
      const raw = Buffer.from(JSON.stringify(json));
      const z = gzipSync(raw);
      return repack({ ...m, bytes: raw.length, sha256: createHash('sha256').update(z).digest('hex'), gzip: z.toString('base64'), ...extra });
    };
    const content = JSON.parse(gunzipSync(Buffer.from(m.gzip, 'base64')).toString('utf8')) as { v: 1; name: string; files: Record<string, string> };
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const cases: [string, Buffer, string][] = [
      ['not JSON', Buffer.from('{"v":1,'), 'malformed'],
      ['an extra field', repack({ ...m, civilId: '123' } as DiagnosticsMessage), 'malformed'],
      ['over the message cap', Buffer.concat([good.payload, Buffer.alloc(DIAGNOSTICS_MAX_MESSAGE)]), 'tooLarge'],
      ['another kiosk’s bundle on this topic', repack({ ...m, kiosk: 'KW-OTHER-02' }), 'otherKiosk'],
      ['a wrong checksum', repack({ ...m, sha256: '0'.repeat(64) }), 'checksum'],
      ['a gzip bomb (64 MiB of zeros)', repack({ ...m, bytes: DIAGNOSTICS_MAX_BYTES, sha256: createHash('sha256').update(bomb).digest('hex'), gzip: bomb.toString('base64') }), 'bomb'],
      ['not gzip', repack({ ...m, sha256: createHash('sha256').update(Buffer.from('plain')).digest('hex'), gzip: Buffer.from('plain').toString('base64') }), 'corrupt'],
      ['a size that does not match', repack({ ...m, bytes: m.bytes + 1 }), 'sizeMismatch'],
      ['a file outside the bundle’s set', gz({ ...content, files: { ...content.files, 'visitors.json': '[]' } }), 'badBundle'],
      ['a name that is not the envelope’s', gz({ ...content, name: `khidma-diagnostics-${KIOSK}-2020-01-01T00-00-00-000Z` }), 'badBundle'],
    ];
    expect(bomb.length).toBeLessThan(DIAGNOSTICS_MAX_MESSAGE);
    for (const [what, payload, reason] of cases) expect(unpackDiagnostics(payload, KIOSK), what).toEqual({ ok: false, reason });
    expect(unpackDiagnostics(good.payload, KIOSK).ok).toBe(true);
    expect(unpackDiagnostics(gz(content, { id: randomUUID() }), KIOSK).ok).toBe(true);
  });
});
