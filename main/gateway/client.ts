import type { z } from 'zod';
import {
  type BillService,
  billSchema,
  catalogueEnvelopeSchema,
  civilIdCardSchema,
  complaintStatusSchema,
  errorBodySchema,
  finesSchema,
  healthSchema,
  kioskRegistrationAckSchema,
  type WireKioskRegistration,
  type WireKioskRegistrationAck,
  passportSchema,
  paymentVerificationSchema,
  postingAckSchema,
  residencySchema,
  ticketSchema,
  type WireBill,
  type WireCivilIdCard,
  type WireComplaint,
  type WireComplaintStatus,
  type WireFine,
  type WirePassport,
  type WirePaymentVerification,
  type WirePosting,
  type WirePostingAck,
  type WireResidency,
  type WireTicket,
  type WireTicketRequest,
} from './wire.ts';
import { postingAckMismatch } from './posting-ack.ts';

/**
 * Why a gateway call failed. `transient` failures (network, timeout, 5xx, 429) are retried
 * by the outbox; `permanent` ones (4xx validation) are parked for a person to look at.
 */
export class GatewayError extends Error {
  constructor(
    readonly kind: 'transient' | 'permanent' | 'notFound' | 'invalidResponse',
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

export interface GatewayClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  /** Sent as a header so the gateway knows which kiosk asks. */
  kioskId: string;
  /** Called with every request outcome (feeds the connectivity monitor). */
  onOutcome?: (reachable: boolean) => void;
  /** Largest response body read, in bytes (default 1 MiB); the catalogue has its own, larger cap. */
  maxResponseBytes?: number;
  /** Largest catalogue response, in bytes (default 16 MiB; the bundled ones are under 100 KB). */
  maxCatalogueBytes?: number;
  /** Issue 14: the transport, e.g. mutual TLS from gateway/tls.ts; default the global fetch. */
  fetch?: typeof fetch;
}

export type CatalogueProfile = 'KW' | 'BH' | 'QA';

export interface GatewayClient {
  health(): Promise<void>;
  /** At start-up; a 409 (GatewayError permanent, code kioskNumberTaken) means another kiosk holds the number. */
  registerKiosk(r: WireKioskRegistration): Promise<WireKioskRegistrationAck>;
  lookupBill(service: BillService, account: string): Promise<WireBill>;
  trafficFines(nationalId: string): Promise<WireFine[]>;
  residencyStatus(nationalId: string): Promise<WireResidency>;
  passportStatus(nationalId: string): Promise<WirePassport>;
  civilIdCardStatus(nationalId: string): Promise<WireCivilIdCard>;
  postPayment(posting: WirePosting, idempotencyKey: string): Promise<WirePostingAck>;
  verifyPayment(transactionId: string): Promise<WirePaymentVerification>;
  submitComplaint(c: WireComplaint, idempotencyKey: string): Promise<WireComplaintStatus>;
  complaintStatus(trackingNumber: string): Promise<WireComplaintStatus>;
  issueTicket(t: WireTicketRequest, idempotencyKey: string): Promise<WireTicket>;
  /** null = not modified since `sinceVersion` (HTTP 304). */
  fetchCatalogue(profile: CatalogueProfile, sinceVersion: number): Promise<{ version: number; catalogue: unknown } | null>;
}

const NOT_MODIFIED = Symbol('notModified');
const MiB = 1024 * 1024;

/**
 * Reads a response body up to `limit` bytes. Past it the body is cancelled (the connection is
 * dropped, nothing more is buffered) and the answer is `invalidResponse`: a gateway or proxy
 * gone wrong must not exhaust the kiosk's memory, and a posting answered that way stays pending.
 */
async function readLimited(res: Response, limit: number, what: string): Promise<string> {
  const tooLarge = () => new GatewayError('invalidResponse', `gateway response to ${what} exceeds the ${limit} byte limit: cut off`, res.status);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > limit) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createGatewayClient(opts: GatewayClientOptions): GatewayClient {
  const timeoutMs = opts.timeoutMs ?? 8000;

  async function request<T>(path: string, schema: z.ZodType<T>, init: RequestInit = {}, maxBytes = opts.maxResponseBytes ?? MiB): Promise<T | typeof NOT_MODIFIED> {
    let res: Response;
    let text: string;
    try {
      res = await (opts.fetch ?? fetch)(new URL(path, opts.baseUrl), { // issue 14: opts.fetch
        ...init,
        headers: { 'content-type': 'application/json', 'x-kiosk-id': opts.kioskId, ...init.headers },
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The body is read under the same timeout: a gateway that stalls mid-body is as bad as a silent one.
      text = await readLimited(res, maxBytes, `${init.method ?? 'GET'} ${path.split('?')[0]}`);
    } catch (err) {
      if (err instanceof GatewayError) {
        opts.onOutcome?.(true);
        throw err;
      }
      opts.onOutcome?.(false);
      const why = err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : 'unreachable';
      throw new GatewayError('transient', `gateway ${why}`);
    }
    opts.onOutcome?.(res.status < 500);
    if (res.status === 304) return NOT_MODIFIED;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // A proxy's HTML error page is classified by its status below; a 2xx without JSON breaks the contract.
      if (res.ok) throw new GatewayError('invalidResponse', `gateway answered ${res.status} without JSON`, res.status);
    }
    if (!res.ok) {
      const err = errorBodySchema.safeParse(body);
      const code = err.success ? err.data.error.code : undefined;
      const message = err.success ? err.data.error.message : `HTTP ${res.status}`;
      if (res.status >= 500 || res.status === 429 || res.status === 408) throw new GatewayError('transient', message, res.status, code);
      // A delivery (payment, complaint, ticket) is dead-lettered only when the gateway rejects its
      // content (400/422). Expired credentials, a firewall or a proxy mid-deployment (401/403/404/409…)
      // say nothing about the posting: keep retrying, never drop a paid posting.
      if ((init.headers as Record<string, string> | undefined)?.['idempotency-key'] && res.status !== 400 && res.status !== 422) {
        throw new GatewayError('transient', message, res.status, code);
      }
      if (res.status === 404) throw new GatewayError('notFound', message, res.status, code);
      throw new GatewayError('permanent', message, res.status, code);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new GatewayError('invalidResponse', `gateway response did not match the contract: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }

  /** Calls that cannot answer 304. */
  async function call<T>(path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
    const r = await request(path, schema, init);
    if (r === NOT_MODIFIED) throw new GatewayError('invalidResponse', 'gateway answered 304 to a request without a version', 304);
    return r;
  }

  // Personal identifiers go in POST bodies only, never in URLs (proxies and access logs keep URLs).
  const byNationalId = <T>(path: string, schema: z.ZodType<T>, nationalId: string) =>
    call(path, schema, { method: 'POST', body: JSON.stringify({ nationalId }) });
  const keyed = <T>(path: string, schema: z.ZodType<T>, body: unknown, key: string) =>
    call(path, schema, { method: 'POST', headers: { 'idempotency-key': key }, body: JSON.stringify(body) });

  return {
    async health() {
      await call('/v1/health', healthSchema);
    },
    registerKiosk: (r) => call('/v1/kiosks/register', kioskRegistrationAckSchema, { method: 'POST', body: JSON.stringify(r) }),
    lookupBill(service, account) {
      return call(`/v1/bills/${encodeURIComponent(service)}/${encodeURIComponent(account)}`, billSchema);
    },
    async trafficFines(nationalId) {
      return (await byNationalId('/v1/traffic-fines/query', finesSchema, nationalId)).fines;
    },
    residencyStatus: (nationalId) => byNationalId('/v1/residency/status', residencySchema, nationalId),
    passportStatus: (nationalId) => byNationalId('/v1/passport/status', passportSchema, nationalId),
    civilIdCardStatus: (nationalId) => byNationalId('/v1/civil-id-card/status', civilIdCardSchema, nationalId),
    async postPayment(posting, key) {
      const ack = await keyed('/v1/payments', postingAckSchema, posting, key);
      const differs = postingAckMismatch(posting, key, ack);
      if (differs) throw new GatewayError('invalidResponse', `gateway acknowledgement does not match the posting: ${differs} differs`);
      return ack;
    },
    verifyPayment: (transactionId) => call(`/v1/payments/${encodeURIComponent(transactionId)}`, paymentVerificationSchema),
    submitComplaint: (c, key) => keyed('/v1/complaints', complaintStatusSchema, c, key),
    complaintStatus: (trackingNumber) => call(`/v1/complaints/${encodeURIComponent(trackingNumber)}`, complaintStatusSchema),
    issueTicket: (t, key) => keyed('/v1/tickets', ticketSchema, t, key),
    async fetchCatalogue(profile, sinceVersion) {
      const path = `/v1/catalogue/${encodeURIComponent(profile)}?since=${Math.max(0, Math.floor(sinceVersion))}`;
      const r = await request(path, catalogueEnvelopeSchema, {}, opts.maxCatalogueBytes ?? 16 * MiB);
      return r === NOT_MODIFIED ? null : { version: r.version, catalogue: r.catalogue };
    },
  };
}
