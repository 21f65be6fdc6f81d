import { methodParams, type Method, type MethodResults, type Params } from '../contract/api.ts';
import { KioskError, fail, ok, type Result } from '../contract/result.ts';
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
}

/** Calls from the core itself (tests, the launcher): a connection of their own. */
export const coreContext = (): CallContext => ({ connection: { id: 'core' } });

function isMethod(m: unknown): m is Method {
  return typeof m === 'string' && Object.hasOwn(methodParams, m);
}

/** Validates every request with zod before a handler sees it; never throws. */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatcher {
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
      const parsed = methodParams[method].safeParse(params ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        return fail('invalidRequest', `${method}: ${where}${issue?.message ?? 'invalid parameters'}`);
      }
      const p = run(method, parsed.data, ctx);
      inFlight.add(p);
      try {
        return await p;
      } finally {
        inFlight.delete(p);
      }
    },
  };
}
