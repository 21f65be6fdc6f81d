import { createContext } from 'preact';
import type { ServiceStatus } from '../../../../main/contract/api.ts';

export type ServiceId = ServiceStatus['id'];

/** Which visitor services can be used now (from the core's `kiosk.state`); undefined until known. */
export const AvailabilityContext = createContext<ServiceStatus[] | undefined>(undefined);

/** The first unavailable service among `ids` when none of them is available, else undefined. */
export function unavailable(services: ServiceStatus[] | undefined, ids: ServiceId | readonly ServiceId[] | undefined): ServiceStatus | undefined {
  if (!services || !ids) return undefined;
  const list = typeof ids === 'string' ? [ids] : ids;
  const mine = services.filter((s) => list.includes(s.id));
  return mine.length > 0 && mine.every((s) => !s.available) ? mine[0] : undefined;
}
