import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export type Level = 'debug' | 'info' | 'warn' | 'error';

/** Structured logger. Callers never pass personal data (civil IDs, names, card data). */
export interface Logger {
  debug(scope: string, msg: string, data?: Record<string, unknown>): void;
  info(scope: string, msg: string, data?: Record<string, unknown>): void;
  warn(scope: string, msg: string, data?: Record<string, unknown>): void;
  error(scope: string, msg: string, data?: Record<string, unknown>): void;
}

const order: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * JSON lines to a file (for technicians) and, optionally, to stderr. The file rotates at
 * `maxBytes` (one previous file kept as .1), so months of uptime cannot fill the disk.
 */
export function createLogger(opts: { file?: string; level?: Level; console?: boolean; maxBytes?: number }): Logger {
  const min = order[opts.level ?? 'info'];
  const maxBytes = opts.maxBytes ?? 10 * 1024 * 1024;
  if (opts.file) mkdirSync(dirname(opts.file), { recursive: true, mode: 0o700 });
  let written = opts.file && existsSync(opts.file) ? statSync(opts.file).size : 0;
  const write = (level: Level, scope: string, msg: string, data?: Record<string, unknown>) => {
    if (order[level] < min) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level, scope, msg, ...data });
    if (opts.file) {
      if (written + line.length > maxBytes && written > 0) {
        renameSync(opts.file, `${opts.file}.1`);
        written = 0;
      }
      appendFileSync(opts.file, line + '\n', { mode: 0o600 }); // owner-only
      written += Buffer.byteLength(line) + 1;
    }
    if (opts.console) process.stderr.write(line + '\n');
  };
  return {
    debug: (s, m, d) => write('debug', s, m, d),
    info: (s, m, d) => write('info', s, m, d),
    warn: (s, m, d) => write('warn', s, m, d),
    error: (s, m, d) => write('error', s, m, d),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
