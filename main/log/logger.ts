import { pino, type DestinationStream } from 'pino';
import { RotatingFile } from './rotating-file.ts';

export type Level = 'debug' | 'info' | 'warn' | 'error';

/** Structured logger. Callers never pass personal data (civil IDs, names, card data). */
export interface Logger {
  debug(scope: string, msg: string, data?: Record<string, unknown>): void;
  info(scope: string, msg: string, data?: Record<string, unknown>): void;
  warn(scope: string, msg: string, data?: Record<string, unknown>): void;
  error(scope: string, msg: string, data?: Record<string, unknown>): void;
}

/**
 * Keys that would carry personal data or secrets if a caller ever slipped: pino's redaction
 * replaces their values, at the top level and one level down, before a line is written.
 */
const PERSONAL_KEYS = [
  'nationalId', 'civilId', 'civilNumber', 'cpr', 'qid', 'name', 'surname', 'givenNames', 'fullName', 'birthDate',
  'pan', 'cardNumber', 'track2', 'mobile', 'phone', 'text', 'mrz', 'lines', 'pin', 'password', 'token', 'secret',
];
export const REDACT_PATHS = PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`]);
export const REDACTED = '[redacted]';

/**
 * pino, writing JSON lines {level, t, scope, msg, …} to a size-rotated file (for technicians
 * and the diagnostics bundle) and, optionally, to stderr.
 */
export function createLogger(opts: { file?: string; level?: Level; console?: boolean; maxBytes?: number; keep?: number }): Logger {
  const echo = opts.console ? (line: string) => void process.stderr.write(line) : undefined;
  const dest: DestinationStream = opts.file
    ? new RotatingFile(opts.file, opts.maxBytes ?? 10 * 1024 * 1024, opts.keep ?? 5, echo)
    : { write: (line: string) => echo?.(line) };
  const p = pino(
    {
      level: opts.level ?? 'info',
      base: undefined,
      messageKey: 'msg',
      timestamp: () => `,"t":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
    },
    dest,
  );
  const at = (level: Level) => (scope: string, msg: string, data?: Record<string, unknown>) => p[level]({ ...data, scope }, msg);
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
