import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The kiosk's typed configuration. Every field has a default, so `npm start` needs no file;
 * production kiosks point `devices.*` at real serial ports and `gateway` at the real API.
 */
const serialOptions = {
  baudRate: z.number().int().positive().max(4_000_000).optional(),
  parity: z.enum(['none', 'even', 'odd']).optional(),
  rtscts: z.boolean().optional(),
};
const deviceLink = z.discriminatedUnion('link', [
  /** In-process link to the embedded device simulator (the default). */
  z.object({ link: z.literal('simulator'), baudRate: z.number().int().positive().optional() }).strict(),
  /** A real serial port (or one end of a socat pseudo-terminal pair). */
  z.object({ link: z.literal('serial'), path: z.string().min(1), ...serialOptions }).strict(),
]);
export type DeviceLinkConfig = z.infer<typeof deviceLink>;

const simulatorDefault = { link: 'simulator' as const };

export const configSchema = z
  .object({
    dataDir: z.string().min(1).default('data'),
    kioskId: z.string().regex(/^[A-Za-z0-9-]{1,32}$/).default('KW-GOVMALL-01'),
    /** Unique per centre (1-999): prefixes the kiosk's own complaint and offline ticket numbers. */
    kioskNumber: z.number().int().min(1).max(999).default(1),
    location: z
      .object({ ar: z.string().min(1), en: z.string().min(1) })
      .default({ ar: 'مجمع الوزارات الحكومي - الكويت', en: 'Government Mall - Kuwait City' }),
    profile: z.enum(['KW', 'BH', 'QA']).default('KW'),
    /** Overrides of the country profile's display choices, no code change needed. */
    display: z
      .object({ numerals: z.enum(['arab', 'latn']).optional(), hijri: z.boolean().optional() })
      .strict()
      .default({}),
    ui: z
      .object({
        host: z.literal('127.0.0.1').default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(0),
        openBrowser: z.boolean().default(true),
        /** Inactivity before "Are you still there?", and the countdown after it, in seconds. */
        idleSeconds: z.number().int().min(5).max(3600).default(60),
        idleWarningSeconds: z.number().int().min(3).max(120).default(20),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 0, openBrowser: true, idleSeconds: 60, idleWarningSeconds: 20 }),
    gateway: z
      .discriminatedUnion('mode', [
        z.object({ mode: z.literal('embedded'), port: z.number().int().min(0).max(65535).default(0) }).strict(),
        z.object({ mode: z.literal('remote'), url: z.string().url(), timeoutMs: z.number().int().positive().default(8000) }).strict(),
      ])
      .default({ mode: 'embedded', port: 0 }),
    devices: z
      .object({
        printer: deviceLink.default(simulatorDefault),
        terminal: deviceLink.default(simulatorDefault),
        idReader: deviceLink.default(simulatorDefault),
      })
      .strict()
      .default({ printer: simulatorDefault, terminal: simulatorDefault, idReader: simulatorDefault }),
    /** The payment terminal's ECR password (ZVT), from the acquirer's set-up. */
    paymentTerminal: z
      .object({ password: z.string().regex(/^\d{6}$/, 'must be 6 digits').default('000000') })
      .strict()
      .default({ password: '000000' }),
    /**
     * Donations, in whole currency units: the most one donation may be, per fund (`maxPerFund`,
     * by fund id) or for any fund (`max`); above `confirmAbove` the visitor confirms the amount
     * read back in words.
     */
    donations: z
      .object({ max: z.number().int().positive().default(1000), maxPerFund: z.record(z.string(), z.number().int().positive()).default({}), confirmAbove: z.number().int().min(0).default(100) })
      .strict()
      .default({ max: 1000, maxPerFund: {}, confirmAbove: 100 }),
    outbox: z
      .object({ baseMs: z.number().int().positive().default(1000), capMs: z.number().int().positive().default(60_000) })
      .strict()
      .default({ baseMs: 1000, capMs: 60_000 }),
    connectivity: z.object({ probeIntervalMs: z.number().int().min(100).default(5000) }).strict().default({ probeIntervalMs: 5000 }),
    log: z.object({ level: z.enum(['debug', 'info', 'warn', 'error']).default('info'), console: z.boolean().default(false) }).strict().default({ level: 'info', console: false }),
  })
  .strict();

export type KioskConfig = z.infer<typeof configSchema>;
export type KioskConfigInput = z.input<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses a config object; a bad field gives one clear message naming its path. */
export function parseConfig(input: unknown): KioskConfig {
  const r = configSchema.safeParse(input ?? {});
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ConfigError(`invalid kiosk configuration:\n${lines.join('\n')}`);
}

/** Reads a JSON config file if it exists (a missing file means all defaults). */
export function loadConfigFile(path: string | undefined): KioskConfig {
  if (!path || !existsSync(path)) return parseConfig({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`config file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseConfig(raw);
}
