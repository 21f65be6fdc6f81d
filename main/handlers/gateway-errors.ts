import { KioskError } from '../contract/result.ts';
import { GatewayError } from '../gateway/client.ts';

/** Maps gateway failures to what the visitor can act on; used as `.catch(fromGateway)`. */
export function fromGateway(err: unknown): never {
  if (err instanceof GatewayError) {
    if (err.kind === 'notFound') throw new KioskError('notFound', err.message);
    if (err.kind === 'transient') throw new KioskError('offline', err.message);
    throw new KioskError('gatewayError', err.message);
  }
  throw err;
}
