import { existsSync, readFileSync } from 'node:fs';
import type { Level } from './logger.ts';

export interface LogEntry {
  t: string;
  level: Level;
  scope: string;
  msg: string;
  /** The line's other fields, as JSON (already redacted when written). */
  data: string;
}

const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const MAX_READ_BYTES = 4 * 1024 * 1024;

function tail(file: string): string[] {
  if (!existsSync(file)) return [];
  const buf = readFileSync(file);
  const text = buf.subarray(Math.max(0, buf.length - MAX_READ_BYTES)).toString('utf8');
  return text.split('\n').filter((l) => l.startsWith('{'));
}

/** The newest log lines (current file, then the previous one) at or above `level`, matching `search`. */
export function readLogs(file: string, q: { level: Level; search?: string; limit: number }): LogEntry[] {
  const needle = q.search?.trim().toLowerCase();
  const out: LogEntry[] = [];
  for (const f of [file, `${file}.1`]) {
    const lines = tail(f);
    for (let i = lines.length - 1; i >= 0 && out.length < q.limit; i--) {
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(lines[i]!) as Record<string, unknown>;
      } catch {
        continue;
      }
      const level = (typeof o.level === 'string' && o.level in ORDER ? o.level : 'info') as Level;
      if (ORDER[level] < ORDER[q.level]) continue;
      if (needle && !lines[i]!.toLowerCase().includes(needle)) continue;
      const { t, level: _l, scope, msg, ...rest } = o;
      out.push({ t: String(t ?? ''), level, scope: String(scope ?? ''), msg: String(msg ?? ''), data: Object.keys(rest).length ? JSON.stringify(rest) : '' });
    }
  }
  return out;
}
