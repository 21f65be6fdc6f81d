import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync, accessSync, constants } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Db } from '../store/database.ts';
import type { KioskConfig } from '../config.ts';
import { readLogs } from '../log/log-reader.ts';

export interface DiagnosticsInput {
  db: Db;
  config: KioskConfig;
  logFile: string;
  devices: unknown;
  state: unknown;
  settings: unknown;
  now: Date;
}

/** The files of a bundle, always these names (the console re-checks them on receipt). */
export const DIAGNOSTICS_FILES = ['manifest.json', 'config.json', 'devices.json', 'state.json', 'settings.json', 'outbox.json', 'journal.json', 'audit.json', 'logs.jsonl'] as const;
export type DiagnosticsFile = (typeof DIAGNOSTICS_FILES)[number];

export interface DiagnosticsBundle {
  /** khidma-diagnostics-<kiosk>-<time>: the folder on a stick, the file name at the console. */
  name: string;
  files: Record<DiagnosticsFile, string>;
  /** UTF-8 bytes of all files together. */
  bytes: number;
  /** Oldest log lines left out to stay under the size cap (the manifest says so too). */
  droppedLogLines: number;
}

/**
 * Removable media a bundle may be written to: writable folders mounted under the configured
 * roots (/media/<user>/<stick>, /run/media/…, /mnt/…). The screen picks one of these; it can
 * never name a path of its own.
 */
export function mediaTargets(roots: readonly string[]): string[] {
  const out: string[] = [];
  const writable = (p: string) => {
    try {
      accessSync(p, constants.W_OK);
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  for (const root of roots) {
    if (!existsSync(root)) continue;
    for (const a of readdirSync(root)) {
      const p = join(root, a);
      if (!writable(p)) continue;
      const inner = readdirSync(p).map((b) => join(p, b)).filter(writable);
      // /media/<user>/<stick> has one more level than /mnt/<stick>.
      out.push(...(inner.length > 0 && root.endsWith('media') ? inner : [p]));
    }
  }
  return out.map((p) => resolve(p)).sort();
}

/** Digit runs as long as a national ID or a card number, masked: defence in depth on top of the logger's redaction. */
const LONG_DIGITS = /\d{9,19}/g;
export const scrubDigits = (s: string) => s.replace(LONG_DIGITS, (m) => `[${m.length} digits]`);

/** Field names that hold a secret (terminal and broker passwords, tokens, keys), whatever section they are in. */
const SECRET_FIELD = /passw(or)?d|passphrase|token|secret|private|credential|api.?key/i;

/** A deep copy with every secret field's value replaced: the bundle leaves the kiosk, secrets never do. */
export function withoutSecrets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutSecrets);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, SECRET_FIELD.test(k) && x !== null && typeof x !== 'object' ? '(secret)' : withoutSecrets(x)]));
}

const size = (files: Record<string, string>) => Object.values(files).reduce((n, s) => n + Buffer.byteLength(s), 0);

/**
 * The diagnostics bundle, the one builder for both ways out (a USB stick, the fleet console):
 * summaries only (counts, states, ages), logs re-scrubbed, config without secrets, so no civil
 * number, name or card number can be in it. With `maxBytes`, the oldest log lines are left out
 * until the whole fits, and the manifest says how many.
 */
export function buildDiagnostics(d: DiagnosticsInput, opts: { maxBytes?: number } = {}): DiagnosticsBundle {
  const q = <T>(sql: string) => d.db.prepare(sql).all() as T[];
  const fixed: Omit<Record<DiagnosticsFile, string>, 'manifest.json' | 'logs.jsonl'> = {
    'config.json': JSON.stringify(withoutSecrets(d.config), null, 2),
    'devices.json': JSON.stringify(d.devices, null, 2),
    'state.json': JSON.stringify(d.state, null, 2),
    'settings.json': JSON.stringify(withoutSecrets(d.settings), null, 2),
    'outbox.json': JSON.stringify(q('SELECT kind, state, COUNT(*) AS count, MIN(created_at) AS oldest, MAX(attempts) AS maxAttempts FROM outbox GROUP BY kind, state'), null, 2),
    'journal.json': JSON.stringify(
      q('SELECT state, receipt_state AS receiptState, posting_state AS postingState, currency, COUNT(*) AS count, SUM(amount_minor) AS totalMinor FROM transactions GROUP BY 1, 2, 3, 4'),
      null,
      2,
    ),
    'audit.json': JSON.stringify(q('SELECT action, COUNT(*) AS count, MAX(at) AS last FROM audit_log GROUP BY action'), null, 2),
  };
  // Oldest first, so trimming drops from the front.
  const lines = readLogs(d.logFile, { level: 'debug', limit: 5000 })
    .reverse()
    .map((e) => scrubDigits(JSON.stringify(e)));
  const manifest = (dropped: number) =>
    JSON.stringify(
      {
        kioskId: d.config.kioskId,
        createdAt: d.now.toISOString(),
        versions: { node: process.versions.node, sqlite: process.versions.sqlite ?? null, schema: d.db.pragma('user_version', { simple: true }), platform: `${process.platform}-${process.arch}` },
        logLines: lines.length - dropped,
        ...(dropped > 0 && { trimmed: { droppedLogLines: dropped, reason: `size cap of ${opts.maxBytes} bytes: the oldest log lines were left out` } }),
      },
      null,
      2,
    );
  const assemble = (dropped: number): Record<DiagnosticsFile, string> => ({ 'manifest.json': manifest(dropped), ...fixed, 'logs.jsonl': lines.slice(dropped).join('\n') });
  let dropped = 0;
  let files = assemble(0);
  const max = opts.maxBytes ?? Infinity;
  // Drop just enough of the oldest lines to cover the excess; the manifest's own note may cost a few bytes more, hence the loop.
  for (let excess = size(files) - max; excess > 0 && dropped < lines.length; excess = size(files) - max) {
    while (excess > 0 && dropped < lines.length) excess -= Buffer.byteLength(lines[dropped++]!) + 1;
    files = assemble(dropped);
  }
  const stamp = d.now.toISOString().replace(/[:.]/g, '-');
  return { name: `khidma-diagnostics-${d.config.kioskId}-${stamp}`, files, bytes: size(files), droppedLogLines: dropped };
}

/** The bundle as a folder of JSON files a technician carries away on a USB stick. */
export function writeDiagnostics(target: string, d: DiagnosticsInput): { folder: string; files: string[]; bytes: number } {
  const b = buildDiagnostics(d);
  const folder = join(target, b.name);
  mkdirSync(folder, { recursive: true });
  for (const [name, body] of Object.entries(b.files)) writeFileSync(join(folder, name), body);
  return { folder, files: Object.keys(b.files), bytes: b.bytes };
}
