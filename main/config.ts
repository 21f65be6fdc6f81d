import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { gatewayTlsSchema } from './gateway/tls-config.ts'; // issue 14
import { fleetConfigSchema } from './fleet/fleet-config.ts';
import { KIOSK_ID_PATTERN, KIOSK_NUMBER_MAX, KIOSK_NUMBER_MIN } from './shared/site-rules.ts';

/**
 * The kiosk's typed configuration. In demo mode (`demo: true`, what `npm start` uses) every
 * field has a default, so no file is needed. Otherwise the gateway must be named, and a kiosk
 * with real (serial) devices must name a remote gateway and its own kiosk ID and number:
 * real money never reaches the embedded demo gateway (see checkMoneyRules).
 */
const serialOptions = {
  baudRate: z.number().int().positive().max(4_000_000).optional(),
  parity: z.enum(['none', 'even', 'odd']).optional(),
  stopBits: z.union([z.literal(1), z.literal(2)]).optional(),
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

/** The demo kiosk's identity: what a config without kioskId/kioskNumber gets in demo mode. */
export const DEMO_KIOSK_ID = 'KW-GOVMALL-01';
export const DEMO_KIOSK_NUMBER = 1;

const gatewaySchema = z.discriminatedUnion('mode', [
  /** The demo gateway inside the kiosk process (demo mode only). */
  z.object({ mode: z.literal('embedded'), port: z.number().int().min(0).max(65535).default(0) }).strict(),
  z.object({
    mode: z.literal('remote'),
    url: z.string().url(),
    timeoutMs: z.number().int().positive().default(8000),
    /** Mutual TLS: the kiosk's client certificate and the gateway's pinned CA. */
    tls: gatewayTlsSchema.optional(),
    /** Plain HTTP to a non-loopback gateway is refused unless a lab says so. */
    allowPlainHttp: z.boolean().default(false),
  }).strict(),
]);
const RETENTION_DEFAULTS = { outboxDays: 90, auditDays: 90, deviceEventDays: 90, complaintDays: 90, ticketDays: 30, cardholderCopyDays: 90, journalYears: 7 };
const days = z.number().int().min(1).max(3650);
const retentionSchema = z
  .object({
    /** Delivered outbox rows (payments, complaints, tickets) once acknowledged. */
    outboxDays: days.default(RETENTION_DEFAULTS.outboxDays),
    auditDays: days.default(RETENTION_DEFAULTS.auditDays),
    deviceEventDays: days.default(RETENTION_DEFAULTS.deviceEventDays),
    /** Complaint rows (tracking number and status only once delivered) and undeliverable ones. */
    complaintDays: days.default(RETENTION_DEFAULTS.complaintDays),
    ticketDays: days.default(RETENTION_DEFAULTS.ticketDays),
    /** The terminal's cardholder receipt lines on a settled payment (reprints after this omit them). */
    cardholderCopyDays: days.default(RETENTION_DEFAULTS.cardholderCopyDays),
    /** The payment journal (settled payments only; flagged or unposted ones are never pruned). */
    journalYears: z.number().int().min(1).max(30).default(RETENTION_DEFAULTS.journalYears),
  })
  .strict();

export const configSchema = z
  .object({
    /** Demo mode: embedded demo gateway allowed (and defaulted), "DEMO" shown on screen. */
    demo: z.boolean().default(false),
    dataDir: z.string().min(1).default('data'),
    kioskId: z.string().regex(KIOSK_ID_PATTERN).default(DEMO_KIOSK_ID),
    /** Unique per centre (1-999): prefixes the kiosk's own complaint and offline ticket numbers. */
    kioskNumber: z.number().int().min(KIOSK_NUMBER_MIN).max(KIOSK_NUMBER_MAX).default(DEMO_KIOSK_NUMBER),
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
    /** Required outside demo mode; in demo mode it defaults to the embedded demo gateway. */
    gateway: gatewaySchema.optional(),
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
      .object({
        password: z.string().regex(/^\d{6}$/, 'must be 6 digits').default('000000'),
        /** Local time (profile zone) of the daily end of day (ZVT 06 50), or "off" where the acquirer closes batches itself. */
        endOfDayAt: z.union([z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour, local time) or "off"'), z.literal('off')]).default('23:45'),
      })
      .strict()
      .default({ password: '000000', endOfDayAt: '23:45' }),
    /** How long records are kept (main/store/retention.ts; defaults in README "Retention"). */
    retention: retentionSchema.default(RETENTION_DEFAULTS),
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
    /** Fleet status over MQTT and the local status endpoint (absent: nothing leaves the kiosk). */
    fleet: fleetConfigSchema.optional(),
    /** Technician mode (issue 12): idle timeout, PIN lockout, extra serial paths to offer (lab pseudo-terminals). */
    technician: z
      .object({
        idleSeconds: z.number().int().min(10).max(7200).default(600),
        lockoutBaseSeconds: z.number().int().min(1).max(3600).default(60),
        extraPorts: z.array(z.string().min(1)).max(32).default([]),
        /** Where removable media are mounted (the diagnostics bundle goes to one of them). */
        mediaRoots: z.array(z.string().min(1)).max(8).default(['/media', '/run/media', '/mnt']),
      })
      .strict()
      .default({ idleSeconds: 600, lockoutBaseSeconds: 60, extraPorts: [], mediaRoots: ['/media', '/run/media', '/mnt'] }),
    log: z.object({ level: z.enum(['debug', 'info', 'warn', 'error']).default('info'), console: z.boolean().default(false) }).strict().default({ level: 'info', console: false }),
  })
  .strict();

type ParsedConfig = z.infer<typeof configSchema>;
export type KioskConfig = Omit<ParsedConfig, 'gateway'> & { gateway: z.infer<typeof gatewaySchema> };
export type KioskConfigInput = z.input<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The rules that keep real money away from fake parts, as `field: why` lines. `input` is the
 * raw object, to tell a kioskId/kioskNumber the file names from one filled in by default.
 */
function checkMoneyRules(c: ParsedConfig, input: unknown): string[] {
  const given = (key: string) => isRecord(input) && input[key] !== undefined;
  const serial = (Object.entries(c.devices) as [string, { link: string }][]).filter(([, d]) => d.link === 'serial').map(([name]) => `devices.${name}`);
  const problems: string[] = [];
  if (!c.gateway && !c.demo) problems.push('gateway: required (a remote gateway {"mode":"remote","url":…}); the embedded demo gateway needs demo mode ("demo": true or --demo)');
  if (c.gateway?.mode === 'embedded' && !c.demo) problems.push('gateway.mode: "embedded" is the demo gateway and runs only in demo mode ("demo": true or --demo)');
  if (serial.length > 0) {
    const because = `${serial.join(', ')} ${serial.length > 1 ? 'are real serial devices' : 'is a real serial device'}`;
    if (c.gateway?.mode !== 'remote') problems.push(`gateway.mode: must be "remote": ${because}, and real payments never go to the embedded demo gateway`);
    if (!given('kioskId')) problems.push(`kioskId: required (this kiosk's own ID at the gateway): ${because}`);
    else if (c.kioskId === DEMO_KIOSK_ID) problems.push(`kioskId: "${DEMO_KIOSK_ID}" is the demo kiosk's ID; give this kiosk its own: ${because}`);
    if (!given('kioskNumber')) problems.push(`kioskNumber: required (unique in the centre, 1-999): ${because}`);
  }
  return problems;
}

/** Parses a config object; a bad field gives one clear message naming its path. */
export function parseConfig(input: unknown): KioskConfig {
  const r = configSchema.safeParse(input ?? {});
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`invalid kiosk configuration:\n${lines.join('\n')}`);
  }
  const problems = checkMoneyRules(r.data, input);
  if (problems.length > 0) throw new ConfigError(`invalid kiosk configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return { ...r.data, gateway: r.data.gateway ?? { mode: 'embedded', port: 0 } };
}

export interface ConfigSource {
  /** The file to read; undefined = none. */
  path?: string | undefined;
  /**
   * Whether the file was named (--config, KHIDMA_CONFIG): then it must exist and be readable.
   * An unnamed default path that does not exist means "no file".
   */
  named?: boolean;
  /** --demo: demo mode whatever the file says. */
  demo?: boolean;
}

/** Reads a JSON config file; a named file that is missing or unreadable is an error naming it. */
export function loadConfigFile(source: ConfigSource | string | undefined): KioskConfig {
  const s: ConfigSource = typeof source === 'string' ? { path: source, named: true } : (source ?? {});
  let raw: unknown = {};
  if (s.path) {
    let text: string | undefined;
    try {
      text = readFileSync(s.path, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || s.named) {
        const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (err as Error).message})`;
        throw new ConfigError(`config file ${s.path} ${why}`);
      }
    }
    if (text !== undefined) {
      try {
        raw = JSON.parse(text);
      } catch (err) {
        throw new ConfigError(`config file ${s.path} is not valid JSON: ${(err as Error).message}`);
      }
      if (!isRecord(raw)) throw new ConfigError(`config file ${s.path} must hold a JSON object`);
    }
  }
  try {
    return parseConfig(s.demo ? { ...(raw as object), demo: true } : raw);
  } catch (err) {
    if (err instanceof ConfigError && s.path) throw new ConfigError(`${s.path}: ${err.message}`);
    throw err;
  }
}
