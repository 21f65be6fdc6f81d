import { z } from 'zod';

/**
 * The fleet wire protocol, shared by the kiosk reporter and the console. Topics live under
 * khidma/<country>/<centre>/<kiosk>/…; payloads are small JSON documents in the shared device
 * vocabulary (../shared/reference.md). Nothing here may carry personal data: the schemas are
 * strict so an extra field (a civil number, a name) cannot ride along unnoticed.
 */
export const TOPIC_ROOT = 'khidma';
const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

export interface KioskAddress {
  country: string;
  centre: string;
  kiosk: string;
}

export function kioskTopic(a: KioskAddress, leaf: 'status' | 'heartbeat' | 'events' | 'cmd' | 'cmdresult' | 'diagnostics' | `stats/${string}`): string {
  for (const s of [a.country, a.centre, a.kiosk]) if (!SEGMENT.test(s)) throw new RangeError(`invalid topic segment: ${JSON.stringify(s)}`);
  return `${TOPIC_ROOT}/${a.country}/${a.centre}/${a.kiosk}/${leaf}`;
}

/** Splits a fleet topic; undefined for anything that is not one of ours. */
export function parseTopic(topic: string): (KioskAddress & { leaf: string; day?: string }) | undefined {
  const p = topic.split('/');
  if (p[0] !== TOPIC_ROOT || p.length < 5) return undefined;
  const [, country, centre, kiosk, leaf, day] = p as [string, string, string, string, string, string | undefined];
  if (![country, centre, kiosk].every((s) => SEGMENT.test(s))) return undefined;
  if (leaf === 'stats') return p.length === 6 && day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? { country, centre, kiosk, leaf, day } : undefined;
  return p.length === 5 ? { country, centre, kiosk, leaf } : undefined;
}

export const APP_STATES = ['starting', 'available', 'unavailable', 'active', 'maintenance'] as const;
export const APP_REASONS = ['hardware', 'consumables', 'backend', 'internal', 'hours', 'remote', 'shutdown', 'lost'] as const;
const deviceState = z.enum(['online', 'offline', 'powerOff', 'noDevice', 'hwError', 'userError', 'busy', 'fraudAttempt']);
const media = z.enum(['present', 'notPresent', 'entering', 'jammed', 'retracted', 'unknown']);
const supply = z.enum(['full', 'low', 'out', 'jammed', 'unknown']);
const iso = z.string().max(40);
const short = z.string().max(64);

export const deviceStatusSchema = z.object({ name: short, state: deviceState, media: media.optional(), supply: supply.optional(), detail: short.optional() }).strict();

export const laneSchema = z.object({ lane: short, depth: z.number().int().min(0), oldestAgeMs: z.number().int().min(0).nullable() }).strict();

/** The retained status: a birth (online) or a death (offline, from the will or a planned shutdown). */
export const statusSchema = z
  .object({
    v: z.literal(1),
    kiosk: short,
    bdSeq: z.number().int().min(0),
    online: z.boolean(),
    at: iso.nullable(),
    app: z.object({ state: z.enum(APP_STATES), reason: z.enum(APP_REASONS).optional() }).strict(),
    devices: z.array(deviceStatusSchema).max(16),
    connectivity: z.object({ online: z.boolean(), lastSyncAt: iso.nullable(), lastReachableAt: iso.nullable() }).strict().nullable(),
    outbox: z.object({ depth: z.number().int().min(0), oldestAgeMs: z.number().int().min(0).nullable(), deadLetters: z.number().int().min(0), lanes: z.array(laneSchema).max(16) }).strict().nullable(),
    flaggedPayments: z.number().int().min(0).nullable(),
    version: short.nullable(),
    /** The kiosk's heartbeat interval: a console shows it offline after 1.5 × this much silence. */
    heartbeatS: z.number().int().min(1).max(3600).nullable(),
    uptimeS: z.number().int().min(0).nullable(),
    disk: z.object({ freeBytes: z.number().min(0), totalBytes: z.number().min(0) }).strict().nullable(),
    memory: z.object({ rssBytes: z.number().min(0), systemFreeBytes: z.number().min(0) }).strict().nullable(),
  })
  .strict();
export type FleetStatus = z.infer<typeof statusSchema>;

export const heartbeatSchema = z.object({ v: z.literal(1), bdSeq: z.number().int().min(0), seq: z.number().int().min(0), at: iso }).strict();
export type Heartbeat = z.infer<typeof heartbeatSchema>;

export const EVENT_KINDS = ['deviceAlert', 'deadLetter', 'reconciliationFlag', 'endOfDayDifference', 'technicianEntry', 'command'] as const;
export const eventSchema = z
  .object({
    v: z.literal(1),
    id: short,
    kind: z.enum(EVENT_KINDS),
    at: iso,
    /** Machine-readable code, e.g. "printer:paperOut" — never free text typed by a visitor. */
    code: short,
    severity: z.enum(['info', 'warning', 'critical']),
    data: z.record(z.string().max(32), z.union([z.string().max(64), z.number(), z.boolean(), z.null()])).optional(),
  })
  .strict();
export type FleetEvent = z.infer<typeof eventSchema>;

const bilingual = z.object({ ar: z.string().max(120), en: z.string().max(120) }).strict();
export const statsRowSchema = z.object({ service: bilingual, entity: bilingual, currency: z.string().regex(/^[A-Z]{3}$/), count: z.number().int().min(0), amountMinor: z.number().int().min(0) }).strict();
export type StatsRow = z.infer<typeof statsRowSchema>;

/** One local day's cumulative totals: the whole day each time, so a repeat changes nothing. */
export const dayStatsSchema = z.object({ v: z.literal(1), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), timeZone: short, at: iso, rows: z.array(statsRowSchema).max(500) }).strict();
export type DayStats = z.infer<typeof dayStatsSchema>;

export const COMMAND_ACTIONS = ['outOfService', 'inService', 'diagnostics'] as const;
export type CommandAction = (typeof COMMAND_ACTIONS)[number];
export const commandBodySchema = z
  .object({ id: z.string().uuid(), kiosk: short, action: z.enum(COMMAND_ACTIONS), operator: short, issuedAt: iso, expiresAt: iso })
  .strict();
export type CommandBody = z.infer<typeof commandBodySchema>;
export const signedCommandSchema = z.object({ body: commandBodySchema, sig: z.string().max(200) }).strict();
export type SignedCommand = z.infer<typeof signedCommandSchema>;

export const commandResultSchema = z.object({ v: z.literal(1), id: short, action: short, ok: z.boolean(), reason: short.optional(), at: iso }).strict();
export type CommandResult = z.infer<typeof commandResultSchema>;

/** JSON.parse + schema, as a result: a broker may hand us anything. */
export function decode<T>(schema: z.ZodType<T>, payload: Buffer | string): { ok: true; value: T } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const r = schema.safeParse(raw);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: r.error.issues[0]?.message ?? 'invalid' };
}
