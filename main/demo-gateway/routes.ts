import type { IncomingMessage } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { billService, complaintSchema, kioskRegistrationSchema, nationalIdBody, postingSchema, ticketRequestSchema, type WireBill } from '../gateway/wire.ts';
import type { DemoStore } from './demo-store.ts';
import { SERVICE_TEXT } from './seed.ts';

export interface Reply {
  status: number;
  body?: unknown;
}

export interface RouteContext {
  store: DemoStore;
  now: () => Date;
  catalogueDir: string;
  /** Entity names and descriptions of the seeded country. */
  serviceText: typeof SERVICE_TEXT;
  /** After a keyed commit: false when the connection was cut on purpose (no reply then). */
  afterCommit(kind: 'payment' | 'complaint' | 'ticket', key: string): Promise<boolean>;
}

const MAX_BODY = 256 * 1024;
const error = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message } } });

export async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(c);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Reads and validates a JSON body; a Reply when it is not acceptable. */
async function body<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; reply: Reply }> {
  let raw: unknown;
  try {
    raw = await readJson(req);
  } catch {
    return { ok: false, reply: error(400, 'badJson', 'body is not JSON') };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, reply: error(422, 'invalidBody', parsed.error.issues[0]?.message ?? 'invalid') };
  return { ok: true, value: parsed.data };
}

function idempotencyKey(req: IncomingMessage): string | undefined {
  const key = req.headers['idempotency-key'];
  return typeof key === 'string' && key.length >= 8 && key.length <= 128 ? key : undefined;
}

const KEY_REQUIRED = error(400, 'idempotencyKeyRequired', 'Idempotency-Key header required');

/** The catalogue's version: its own `version` field, else the file's modification time in seconds. */
function catalogue(dir: string, profile: string): { version: number; catalogue: unknown } | undefined {
  const file = join(dir, `${profile}.json`);
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const own = typeof data === 'object' && data !== null && 'version' in data ? (data as { version: unknown }).version : undefined;
  const version = typeof own === 'number' && Number.isInteger(own) && own >= 0 ? own : Math.floor(statSync(file).mtimeMs / 1000);
  return { version, catalogue: data };
}

/** One handler per operation of openapi.yaml; undefined = the reply was cut on purpose. */
export async function route(req: IncomingMessage, url: URL, ctx: RouteContext): Promise<Reply | undefined> {
  const { store } = ctx;
  const path = url.pathname;
  const get = req.method === 'GET';
  const post = req.method === 'POST';
  if (get && path === '/v1/health') return { status: 200, body: { status: 'ok', time: ctx.now().toISOString() } };

  if (post && path === '/v1/kiosks/register') {
    const b = await body(req, kioskRegistrationSchema);
    if (!b.ok) return b.reply;
    const r = store.registerKiosk(b.value, ctx.now().toISOString());
    if (!r) return error(409, 'kioskNumberTaken', `kiosk number ${b.value.kioskNumber} is registered to another kiosk in this centre`);
    return { status: 200, body: r };
  }

  const bill = /^\/v1\/bills\/([a-zA-Z]+)\/([^/]+)$/.exec(path);
  if (get && bill) {
    const service = billService.safeParse(bill[1]);
    if (!service.success) return error(404, 'unknownService', 'no such bill service');
    const found = store.outstandingBill(service.data, decodeURIComponent(bill[2]!));
    if (!found) return error(404, 'noOutstandingBill', 'no outstanding bill for this account');
    const text = ctx.serviceText[service.data];
    const reply: WireBill = { ...found, entity: text.entity, description: text.description };
    return { status: 200, body: reply };
  }

  const personal = { '/v1/traffic-fines/query': 'fines', '/v1/residency/status': 'residency', '/v1/passport/status': 'passport', '/v1/civil-id-card/status': 'civilIdCard' } as const;
  if (post && path in personal) {
    const b = await body(req, nationalIdBody);
    if (!b.ok) return b.reply;
    const person = store.person(b.value.nationalId);
    const what = personal[path as keyof typeof personal];
    if (what === 'fines') {
      const paid = store.paidFines();
      return { status: 200, body: { fines: (person?.fines ?? []).filter((f) => !paid.has(f.fineId)) } };
    }
    // Unknown people have no records, which is an answer, not an error.
    return { status: 200, body: person ? person[what] : { status: 'none' } };
  }

  if (post && path === '/v1/payments') {
    const key = idempotencyKey(req);
    if (!key) return KEY_REQUIRED;
    const b = await body(req, postingSchema);
    if (!b.ok) return b.reply;
    const ack = store.recordPosting(key, b.value, ctx.now().toISOString());
    if ('refused' in ack) return error(422, ack.refused.code, ack.refused.message);
    if (!(await ctx.afterCommit('payment', key))) return undefined;
    return { status: ack.duplicate ? 200 : 201, body: ack };
  }
  const verify = /^\/v1\/payments\/([0-9a-fA-F-]{36})$/.exec(path);
  if (get && verify) {
    const v = store.verification(verify[1]!);
    return v ? { status: 200, body: v } : error(404, 'unknownPayment', 'no posting for this transaction');
  }

  if (post && path === '/v1/complaints') {
    const key = idempotencyKey(req);
    if (!key) return KEY_REQUIRED;
    const b = await body(req, complaintSchema);
    if (!b.ok) return b.reply;
    const r = store.records.recordComplaint(key, b.value);
    if (!(await ctx.afterCommit('complaint', key))) return undefined;
    return { status: r.duplicate ? 200 : 201, body: r.status };
  }
  const complaint = /^\/v1\/complaints\/([A-Z0-9-]{6,32})$/.exec(path);
  if (get && complaint) {
    const s = store.records.complaintStatus(complaint[1]!);
    return s ? { status: 200, body: s } : error(404, 'unknownComplaint', 'no complaint with this tracking number');
  }

  if (post && path === '/v1/tickets') {
    const key = idempotencyKey(req);
    if (!key) return KEY_REQUIRED;
    const b = await body(req, ticketRequestSchema);
    if (!b.ok) return b.reply;
    const r = store.records.issueTicket(key, b.value);
    if (!(await ctx.afterCommit('ticket', key))) return undefined;
    return { status: r.duplicate ? 200 : 201, body: r.ticket };
  }

  const cat = /^\/v1\/catalogue\/(KW|BH|QA)$/.exec(path);
  if (get && cat) {
    const since = Number(url.searchParams.get('since') ?? '0');
    const c = catalogue(ctx.catalogueDir, cat[1]!);
    if (!c) return error(404, 'noCatalogue', 'no catalogue for this profile');
    if (Number.isFinite(since) && since >= c.version) return { status: 304 };
    return { status: 200, body: c };
  }
  return error(404, 'notFound', 'no such endpoint');
}
