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

function configWithoutSecrets(c: KioskConfig): unknown {
  return { ...c, paymentTerminal: { password: '(secret)' } };
}

/**
 * The diagnostics bundle: a folder of JSON files a technician carries away on a USB stick.
 * Summaries only (counts, states, ages), logs re-scrubbed, config without secrets: no civil
 * number, name or card number can be in it.
 */
export function writeDiagnostics(target: string, d: DiagnosticsInput): { folder: string; files: string[]; bytes: number } {
  const stamp = d.now.toISOString().replace(/[:.]/g, '-');
  const folder = join(target, `khidma-diagnostics-${d.config.kioskId}-${stamp}`);
  mkdirSync(folder, { recursive: true });
  const q = <T>(sql: string) => d.db.prepare(sql).all() as T[];
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify(
      {
        kioskId: d.config.kioskId,
        createdAt: d.now.toISOString(),
        versions: { node: process.versions.node, sqlite: process.versions.sqlite ?? null, schema: d.db.pragma('user_version', { simple: true }), platform: `${process.platform}-${process.arch}` },
      },
      null,
      2,
    ),
    'config.json': JSON.stringify(configWithoutSecrets(d.config), null, 2),
    'devices.json': JSON.stringify(d.devices, null, 2),
    'state.json': JSON.stringify(d.state, null, 2),
    'settings.json': JSON.stringify(d.settings, null, 2),
    'outbox.json': JSON.stringify(q('SELECT kind, state, COUNT(*) AS count, MIN(created_at) AS oldest, MAX(attempts) AS maxAttempts FROM outbox GROUP BY kind, state'), null, 2),
    'journal.json': JSON.stringify(
      q('SELECT state, receipt_state AS receiptState, posting_state AS postingState, currency, COUNT(*) AS count, SUM(amount_minor) AS totalMinor FROM transactions GROUP BY 1, 2, 3, 4'),
      null,
      2,
    ),
    'audit.json': JSON.stringify(q('SELECT action, COUNT(*) AS count, MAX(at) AS last FROM audit_log GROUP BY action'), null, 2),
    'logs.jsonl': readLogs(d.logFile, { level: 'debug', limit: 5000 })
      .reverse()
      .map((e) => scrubDigits(JSON.stringify(e)))
      .join('\n'),
  };
  let bytes = 0;
  for (const [name, body] of Object.entries(files)) {
    writeFileSync(join(folder, name), body);
    bytes += Buffer.byteLength(body);
  }
  return { folder, files: Object.keys(files), bytes };
}
