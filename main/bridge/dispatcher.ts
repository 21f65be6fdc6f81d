import { methodParams, type Method, type MethodResults, type Params } from '../contract/api.ts';
import { KioskError, fail, ok, type KioskErrorShape, type Result } from '../contract/result.ts';
import type { Logger } from '../log/logger.ts';

/** Who is calling: one id per transport connection (a WebSocket, an Electron window). */
export interface CallContext {
  conn?: string;
}

/** One typed handler per method (Actual Budget style): the map must be complete. */
export type Handlers = { [M in Method]: (params: Params<M>, ctx: CallContext) => Promise<MethodResults[M]> | MethodResults[M] };

export interface Dispatcher {
  dispatch(method: unknown, params: unknown, conn?: string): Promise<Result<unknown>>;
  /** A transport connection closed (its technician session, if any, ends). */
  release?(conn: string): void;
}

/** Decides, before any handler runs, whether this connection may call this method now. */
export interface DispatchGuard {
  check(method: Method, conn: string | undefined): KioskErrorShape | undefined;
  /** After a handler answered (state that depends on calls, e.g. a visitor session starting). */
  after?(method: Method, conn: string | undefined, ok: boolean): void;
  release?(conn: string): void;
}

function isMethod(m: unknown): m is Method {
  return typeof m === 'string' && Object.hasOwn(methodParams, m);
}

/** Validates every request with zod before a handler sees it; never throws. */
export function createDispatcher(handlers: Handlers, log: Logger, guard?: DispatchGuard): Dispatcher {
  return {
    async dispatch(method, params, conn) {
      if (!isMethod(method)) return fail('unknownMethod', `unknown method: ${String(method).slice(0, 64)}`);
      const refused = guard?.check(method, conn);
      if (refused) return fail(refused.code, refused.message);
      const parsed = methodParams[method].safeParse(params ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        return fail('invalidRequest', `${method}: ${where}${issue?.message ?? 'invalid parameters'}`);
      }
      let result: Result<unknown>;
      try {
        const handler = handlers[method] as (p: unknown, ctx: CallContext) => Promise<unknown> | unknown;
        result = ok(await handler(parsed.data, conn === undefined ? {} : { conn }));
      } catch (err) {
        if (err instanceof KioskError) result = fail(err.code, err.message);
        else {
          log.error('bridge', `handler ${method} failed`, { error: String(err) });
          result = fail('internal', 'internal error');
        }
      }
      guard?.after?.(method, conn, result.ok);
      return result;
    },
    release: (conn) => guard?.release?.(conn),
  };
}
