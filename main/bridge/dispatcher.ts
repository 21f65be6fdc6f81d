import { methodParams, type Method, type MethodResults, type Params } from '../contract/api.ts';
import { KioskError, fail, ok, type Result } from '../contract/result.ts';
import type { Logger } from '../log/logger.ts';

/** One typed handler per method (Actual Budget style): the map must be complete. */
export type Handlers = { [M in Method]: (params: Params<M>) => Promise<MethodResults[M]> | MethodResults[M] };

export interface Dispatcher {
  dispatch(method: unknown, params: unknown): Promise<Result<unknown>>;
}

function isMethod(m: unknown): m is Method {
  return typeof m === 'string' && Object.hasOwn(methodParams, m);
}

/** Validates every request with zod before a handler sees it; never throws. */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatcher {
  return {
    async dispatch(method, params) {
      if (!isMethod(method)) return fail('unknownMethod', `unknown method: ${String(method).slice(0, 64)}`);
      const parsed = methodParams[method].safeParse(params ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        return fail('invalidRequest', `${method}: ${where}${issue?.message ?? 'invalid parameters'}`);
      }
      try {
        const handler = handlers[method] as (p: unknown) => Promise<unknown> | unknown;
        return ok(await handler(parsed.data));
      } catch (err) {
        if (err instanceof KioskError) return fail(err.code, err.message);
        log.error('bridge', `handler ${method} failed`, { error: String(err) });
        return fail('internal', 'internal error');
      }
    },
  };
}
