import { methodParams, type Method, type MethodResults, type Params } from '../contract/api.ts';
import { KioskError, fail, ok, type KioskErrorShape, type Result } from '../contract/result.ts';
import type { Logger } from '../log/logger.ts';

/** One connection of a transport (a browser page, the Electron window): who is on the other end. */
export interface Connection {
  id: string;
  /** The visitor session this connection started: payment events and reads are scoped to it. */
  sessionId?: string;
}

/** What a handler knows about the call besides its params. */
export interface CallContext {
  connection: Connection;
}

/** One typed handler per method (Actual Budget style): the map must be complete. */
export type Handlers = { [M in Method]: (params: Params<M>, ctx: CallContext) => Promise<MethodResults[M]> | MethodResults[M] };

export interface Dispatcher {
  dispatch(method: unknown, params: unknown, ctx?: CallContext): Promise<Result<unknown>>;
  /** Resolves when no request is in flight (shutdown waits for it before closing the database). */
  idle(): Promise<void>;
  /** A transport connection closed (its technician session, if any, ends). */
  release?(conn: string): void;
}

/**
 * Decides, before any handler runs, whether this connection may call this method now. `conn` is
 * the transport connection's id; undefined for calls from the core itself.
 */
export interface DispatchGuard {
  check(method: Method, conn: string | undefined): KioskErrorShape | undefined;
  /** After a handler answered (state that depends on calls, e.g. a visitor session starting). */
  after?(method: Method, conn: string | undefined, ok: boolean): void;
  release?(conn: string): void;
}

const CORE = 'core';
/** Calls from the core itself (tests, the launcher): a connection of their own. */
export const coreContext = (): CallContext => ({ connection: { id: CORE } });

function isMethod(m: unknown): m is Method {
  return typeof m === 'string' && Object.hasOwn(methodParams, m);
}

/** Validates every request with zod before a handler sees it; never throws. */
export function createDispatcher(handlers: Handlers, log: Logger, guard?: DispatchGuard): Dispatcher {
  const inFlight = new Set<Promise<unknown>>();
  const run = async (method: Method, params: unknown, ctx: CallContext): Promise<Result<unknown>> => {
    try {
      const handler = handlers[method] as (p: unknown, c: CallContext) => Promise<unknown> | unknown;
      return ok(await handler(params, ctx));
    } catch (err) {
      if (err instanceof KioskError) return fail(err.code, err.message);
      log.error('bridge', `handler ${method} failed`, { error: String(err) });
      return fail('internal', 'internal error');
    }
  };
  return {
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async dispatch(method, params, ctx = coreContext()) {
      if (!isMethod(method)) return fail('unknownMethod', `unknown method: ${String(method).slice(0, 64)}`);
      const conn = ctx.connection.id === CORE ? undefined : ctx.connection.id;
      const refused = guard?.check(method, conn);
      if (refused) return fail(refused.code, refused.message);
      const parsed = methodParams[method].safeParse(params ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        return fail('invalidRequest', `${method}: ${where}${issue?.message ?? 'invalid parameters'}`);
      }
      const p = run(method, parsed.data, ctx);
      inFlight.add(p);
      let result: Result<unknown>;
      try {
        result = await p;
      } finally {
        inFlight.delete(p);
      }
      guard?.after?.(method, conn, result.ok);
      return result;
    },
    release: (conn) => guard?.release?.(conn),
  };
}
