import type { DeviceName, DeviceSummary } from '../contract/api.ts';

/** What a visitor service needs to be served (CUSS "required components"). */
export type Requirement = DeviceName | 'network';
export type ServiceId = 'payBills' | 'payFines' | 'donation' | 'reprint' | 'inquiries' | 'complaints' | 'ticket';
/** Why something is not available (reference: kiosk application state reasons). */
/** `remote`: the operations centre put the kiosk out of service (a signed fleet command). */
export type UnavailableReason = 'hardware' | 'consumables' | 'backend' | 'internal' | 'hours' | 'remote';

export interface FailedRequirement {
  requirement: Requirement;
  /** The device state or supply that failed it, e.g. "offline", "paperOut"; for the technician. */
  state: string;
  reason: UnavailableReason;
}

export interface ServiceAvailability {
  id: ServiceId;
  available: boolean;
  reason?: UnavailableReason;
  failed: FailedRequirement[];
}

/**
 * Every visitor service declares what it needs. A payment needs the terminal; not the
 * printer (the visitor is warned before paying and decides whether to go on without a
 * receipt) and not the network (postings queue in the outbox). Reprints and tickets need the
 * printer; inquiries need the gateway; complaints queue in the outbox, so they need nothing.
 */
export const SERVICE_REQUIREMENTS: Readonly<Record<ServiceId, readonly Requirement[]>> = {
  payBills: ['terminal'],
  payFines: ['terminal'],
  donation: ['terminal'],
  reprint: ['printer'],
  inquiries: ['network'],
  complaints: [],
  ticket: ['printer'],
};

/** Which contract methods start or continue which service (the core refuses them when unavailable). */
export const METHOD_SERVICES: Readonly<Record<string, readonly ServiceId[]>> = {
  'payment.start': ['payBills', 'payFines', 'donation'],
  'receipt.reprint': ['reprint'],
  'ticket.issue': ['ticket'],
};

const USABLE = new Set(['online', 'busy']);

function failure(r: Requirement, devices: readonly DeviceSummary[], online: boolean): FailedRequirement | undefined {
  if (r === 'network') return online ? undefined : { requirement: r, state: 'offline', reason: 'backend' };
  const d = devices.find((x) => x.name === r);
  if (!d) return { requirement: r, state: 'noDevice', reason: 'hardware' };
  if (d.supply === 'out' || d.supply === 'jammed') return { requirement: r, state: `paper-${d.supply}`, reason: 'consumables' };
  if (!USABLE.has(d.state)) return { requirement: r, state: d.detail ? `${d.state}:${d.detail}` : d.state, reason: d.state === 'userError' ? 'consumables' : 'hardware' };
  return undefined;
}

/** Evaluates every service against the devices' and the network's state now. */
export function evaluateServices(devices: readonly DeviceSummary[], online: boolean, closed?: boolean): ServiceAvailability[] {
  return (Object.keys(SERVICE_REQUIREMENTS) as ServiceId[]).map((id) => {
    if (closed) return { id, available: false, reason: 'hours', failed: [] };
    const failed = SERVICE_REQUIREMENTS[id].flatMap((r) => failure(r, devices, online) ?? []);
    return failed.length === 0 ? { id, available: true, failed } : { id, available: false, reason: failed[0]!.reason, failed };
  });
}
