import type { z } from 'zod';
import { type BillService, billSchema, errorBodySchema, healthSchema, postingAckSchema, type WireBill, type WirePosting, type WirePostingAck } from './wire.ts';

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
}

export interface GatewayClient {
  health(): Promise<void>;
  lookupBill(service: BillService, account: string): Promise<WireBill>;
  postPayment(posting: WirePosting, idempotencyKey: string): Promise<WirePostingAck>;
}

export function createGatewayClient(opts: GatewayClientOptions): GatewayClient {
  const timeoutMs = opts.timeoutMs ?? 8000;

  async function request<T>(path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(new URL(path, opts.baseUrl), {
        ...init,
        headers: { 'content-type': 'application/json', 'x-kiosk-id': opts.kioskId, ...init.headers },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      opts.onOutcome?.(false);
      const why = err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : 'unreachable';
      throw new GatewayError('transient', `gateway ${why}`);
    }
    opts.onOutcome?.(res.status < 500);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new GatewayError(res.ok ? 'invalidResponse' : 'transient', `gateway answered ${res.status} without JSON`, res.status);
    }
    if (!res.ok) {
      const err = errorBodySchema.safeParse(body);
      const code = err.success ? err.data.error.code : undefined;
      const message = err.success ? err.data.error.message : `HTTP ${res.status}`;
      if (res.status >= 500 || res.status === 429 || res.status === 408) throw new GatewayError('transient', message, res.status, code);
      if (res.status === 404) throw new GatewayError('notFound', message, res.status, code);
      throw new GatewayError('permanent', message, res.status, code);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new GatewayError('invalidResponse', `gateway response did not match the contract: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }

  return {
    async health() {
      await request('/v1/health', healthSchema);
    },
    lookupBill(service, account) {
      return request(`/v1/bills/${service}/${encodeURIComponent(account)}`, billSchema);
    },
    postPayment(posting, idempotencyKey) {
      return request('/v1/payments', postingAckSchema, {
        method: 'POST',
        headers: { 'idempotency-key': idempotencyKey },
        body: JSON.stringify(posting),
      });
    },
  };
}
