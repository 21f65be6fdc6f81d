import { createHash, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import { z } from 'zod';
import { DIAGNOSTICS_FILES, type DiagnosticsBundle, type DiagnosticsFile } from '../technician/diagnostics.ts';

/**
 * A diagnostics bundle on the fleet: the technician's bundle (the same builder as the USB stick),
 * gzipped, base64 in a strict JSON envelope on khidma/…/<kiosk>/diagnostics, QoS 1, not retained.
 * Both ends live here: the kiosk packs, the console unpacks and checks everything again.
 */

/** The bundle itself (JSON, before compression): the oldest log lines go first to stay under it. */
export const DIAGNOSTICS_MAX_BYTES = 1024 * 1024;
/**
 * The whole MQTT message. The broker refuses packets over 256 KiB (max_packet_size in
 * packaging/mosquitto/mosquitto.conf); this leaves room for the topic and the properties.
 */
export const DIAGNOSTICS_MAX_MESSAGE = 240 * 1024;

const NAME = /^khidma-diagnostics-[A-Za-z0-9_-]{1,64}-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;
const uuid = z.string().uuid();

export const diagnosticsMessageSchema = z
  .object({
    v: z.literal(1),
    id: uuid,
    kiosk: z.string().max(64),
    at: z.string().max(40),
    /** A technician on site pressed the button, or the console asked with a signed command. */
    trigger: z.enum(['technician', 'console']),
    commandId: uuid.optional(),
    name: z.string().regex(NAME),
    /** Bytes of the bundle JSON once gunzipped: checked exactly on receipt. */
    bytes: z.number().int().min(2).max(DIAGNOSTICS_MAX_BYTES),
    droppedLogLines: z.number().int().min(0).max(1_000_000),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    gzip: z.string().max(DIAGNOSTICS_MAX_MESSAGE).regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict();
export type DiagnosticsMessage = z.infer<typeof diagnosticsMessageSchema>;
export type DiagnosticsMeta = Omit<DiagnosticsMessage, 'gzip'>;

/** What the gzip holds: the bundle's fixed set of files, nothing else. */
const filesShape = Object.fromEntries(DIAGNOSTICS_FILES.map((f) => [f, z.string()])) as Record<DiagnosticsFile, z.ZodString>;
export const bundleContentSchema = z.object({ v: z.literal(1), name: z.string().regex(NAME), files: z.object(filesShape).strict() }).strict();

const gzipAsync = promisify(gzip);

export type PackResult = { ok: true; payload: Buffer; meta: DiagnosticsMeta; gzBytes: number } | { ok: false; error: 'tooLarge' };

/**
 * Builds (through `build`, the one bundle builder) and packs a bundle that fits both caps: the
 * JSON under DIAGNOSTICS_MAX_BYTES and the message under DIAGNOSTICS_MAX_MESSAGE. Usually the
 * first build fits; when the newest log lines hardly compress, a binary search finds the
 * largest cap whose message fits (a dozen builds at most). Compression runs off the main
 * thread, so a kiosk serving a visitor is not held up for long.
 */
export async function packDiagnostics(
  build: (maxBytes: number) => DiagnosticsBundle,
  meta: { kiosk: string; trigger: DiagnosticsMessage['trigger']; commandId?: string; now: Date },
): Promise<PackResult> {
  type Packed = { payload: Buffer; meta: DiagnosticsMeta; gzBytes: number };
  const attempt = async (cap: number): Promise<{ over: number } | Packed> => {
    const b = build(cap);
    const json = Buffer.from(JSON.stringify({ v: 1, name: b.name, files: b.files }), 'utf8');
    if (json.length > DIAGNOSTICS_MAX_BYTES) return { over: json.length - DIAGNOSTICS_MAX_BYTES };
    const gz = await gzipAsync(json, { level: 9 });
    const m: DiagnosticsMeta = {
      v: 1,
      id: randomUUID(),
      kiosk: meta.kiosk,
      at: meta.now.toISOString(),
      trigger: meta.trigger,
      ...(meta.commandId && { commandId: meta.commandId }),
      name: b.name,
      bytes: json.length,
      droppedLogLines: b.droppedLogLines,
      sha256: createHash('sha256').update(gz).digest('hex'),
    };
    return { payload: Buffer.from(JSON.stringify({ ...m, gzip: gz.toString('base64') }), 'utf8'), meta: m, gzBytes: gz.length };
  };
  const fitting = (r: { over: number } | Packed): Packed | undefined => ('over' in r || r.payload.length > DIAGNOSTICS_MAX_MESSAGE ? undefined : r);
  // JSON escaping (log lines are JSON inside a string) costs bytes the builder did not count.
  let cap = DIAGNOSTICS_MAX_BYTES;
  let r = await attempt(cap);
  for (let i = 0; 'over' in r && i < 4; i++) r = await attempt((cap -= r.over + 1024));
  if ('over' in r) return { ok: false, error: 'tooLarge' };
  if (fitting(r)) return { ok: true, ...r };
  let best: Packed | undefined;
  let lo = 0;
  let hi = cap;
  let probe = Math.floor((cap * DIAGNOSTICS_MAX_MESSAGE) / r.payload.length);
  for (let i = 0; i < 12 && hi - lo > 4096; i++, probe = Math.floor((lo + hi) / 2)) {
    const t = fitting(await attempt(probe));
    if (t) [best, lo] = [t, probe];
    else hi = probe;
  }
  best ??= fitting(await attempt(0));
  return best ? { ok: true, ...best } : { ok: false, error: 'tooLarge' };
}

export type UnpackRefusal = 'tooLarge' | 'malformed' | 'otherKiosk' | 'checksum' | 'bomb' | 'corrupt' | 'sizeMismatch' | 'badBundle';
export type UnpackResult = { ok: true; meta: DiagnosticsMeta; gz: Buffer; bundle: z.infer<typeof bundleContentSchema> } | { ok: false; reason: UnpackRefusal };

/**
 * The console's check of a received message: size first (before parsing), then the envelope's
 * schema, the sender, the checksum, a gunzip that stops at the cap (a small bomb cannot
 * inflate into memory), the exact size and the content's schema.
 */
export function unpackDiagnostics(payload: Buffer, topicKiosk: string): UnpackResult {
  if (payload.length > DIAGNOSTICS_MAX_MESSAGE) return { ok: false, reason: 'tooLarge' };
  let raw: unknown;
  try {
    raw = JSON.parse(payload.toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const env = diagnosticsMessageSchema.safeParse(raw);
  if (!env.success) return { ok: false, reason: 'malformed' };
  const { gzip, ...meta } = env.data;
  if (meta.kiosk !== topicKiosk) return { ok: false, reason: 'otherKiosk' };
  const gz = Buffer.from(gzip, 'base64');
  if (createHash('sha256').update(gz).digest('hex') !== meta.sha256) return { ok: false, reason: 'checksum' };
  let json: Buffer;
  try {
    json = gunzipSync(gz, { maxOutputLength: DIAGNOSTICS_MAX_BYTES });
  } catch (err) {
    return { ok: false, reason: (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'bomb' : 'corrupt' };
  }
  if (json.length !== meta.bytes) return { ok: false, reason: 'sizeMismatch' };
  let content: unknown;
  try {
    content = JSON.parse(json.toString('utf8'));
  } catch {
    return { ok: false, reason: 'badBundle' };
  }
  const bundle = bundleContentSchema.safeParse(content);
  if (!bundle.success || bundle.data.name !== meta.name) return { ok: false, reason: 'badBundle' };
  return { ok: true, meta, gz, bundle: bundle.data };
}
