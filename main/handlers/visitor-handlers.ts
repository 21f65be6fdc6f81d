import { randomUUID } from 'node:crypto';
import type { Handlers } from '../bridge/dispatcher.ts';
import type { Fine, InquiryResult, Money, PaidHere, Payable } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';
import type { GatewayClient } from '../gateway/client.ts';
import type { IdentityService } from '../session/identity-service.ts';
import type { VisitorSessions } from '../session/visitor-session.ts';
import type { CountryProfile } from '../profiles/profiles.ts';
import type { ItemHold } from '../store/transactions-repo.ts';
import { fromGateway } from './gateway-errors.ts';
import { DONATION_FUNDS } from './donation-funds.ts';

export interface VisitorHandlerDeps {
  /** What the local journal already holds: an item paid (or being paid) here is never payable again. */
  holds: (items: readonly { kind: string; reference: string }[]) => ItemHold[];
  sessions: VisitorSessions;
  identity: IdentityService;
  gateway: GatewayClient;
  profile: CountryProfile;
  /** The most one donation may be, per fund, in minor units. */
  donationMaxMinor?: Readonly<Record<string, number>>;
}

/** The entity fines are paid to (shown on the summary and the receipt). */
const TRAFFIC = { ar: 'وزارة الداخلية - المرور', en: 'Ministry of Interior - Traffic' };

type VisitorMethods = 'bill.lookup' | 'identity.enter' | 'identity.get' | 'identity.clear' | 'inquiry.run' | 'donation.prepare';

/** The journal's hold on an item, as the screen shows it ("paid at this kiosk on …, being sent"). */
function paidHere(h: ItemHold | undefined): PaidHere | undefined {
  if (!h) return undefined;
  return { state: h.state === 'approved' ? 'paid' : 'inProgress', at: h.at, posting: h.postingState };
}

/**
 * Lookups and inquiries: everything fetched becomes a session payable, never trusted from the
 * screen — unless the local journal already holds it: the gateway may not know yet (its posting
 * waits in the outbox), so the kiosk's own journal decides, and such an item is shown, not payable.
 */
export function visitorHandlers(d: VisitorHandlerDeps): Pick<Handlers, VisitorMethods> {
  const offer = (p: Payable): Payable => {
    const held = paidHere(d.holds([p])[0]);
    if (held) return { ...p, paidHere: held };
    d.sessions.rememberPayable(p);
    return p;
  };

  async function inquire(kind: InquiryResult['kind']): Promise<InquiryResult> {
    const nid = d.identity.requireNationalId();
    switch (kind) {
      case 'trafficFines': {
        const wire = await d.gateway.trafficFines(nid).catch(fromGateway);
        const fines: Fine[] = wire.map((f) => ({
          payableId: f.fineId,
          ...f,
          payable: offer({ payableId: f.fineId, kind: 'fine', reference: f.fineId, detail: f.fineId, entity: TRAFFIC, label: f.violation, amount: f.amount }),
        }));
        // What is still to pay: fines already paid here are shown but not counted.
        const total: Money = { amountMinor: fines.reduce((s, f) => s + (f.payable.paidHere ? 0 : f.amount.amountMinor), 0), currency: d.profile.currency };
        return { kind, fines, total };
      }
      case 'residency': {
        const r = await d.gateway.residencyStatus(nid).catch(fromGateway);
        return { kind, status: r.status, ...(r.expiryDate && { expiryDate: r.expiryDate }), ...(r.kind && { residencyKind: r.kind }) };
      }
      case 'passport': {
        const r = await d.gateway.passportStatus(nid).catch(fromGateway);
        return { kind, status: r.status, ...(r.updatedAt && { updatedAt: r.updatedAt }), ...(r.collectionPoint && { collectionPoint: r.collectionPoint }) };
      }
      case 'civilIdCard': {
        const r = await d.gateway.civilIdCardStatus(nid).catch(fromGateway);
        return { kind, status: r.status, ...(r.updatedAt && { updatedAt: r.updatedAt }), ...(r.collectionPoint && { collectionPoint: r.collectionPoint }) };
      }
    }
  }

  return {
    'bill.lookup': async ({ service, account }) => {
      d.sessions.require();
      const bill = await d.gateway.lookupBill(service, account).catch(fromGateway);
      const payable = offer({
        payableId: bill.billId,
        kind: 'bill',
        reference: bill.billId,
        detail: bill.account,
        entity: bill.entity,
        label: bill.description ?? bill.entity,
        amount: bill.amount,
      });
      return { bill, payable };
    },
    'identity.enter': ({ nationalId }) => d.identity.enter(nationalId),
    'identity.get': () => d.identity.view(),
    'identity.clear': () => {
      d.identity.clear();
      return null;
    },
    'inquiry.run': ({ kind }) => inquire(kind),
    'donation.prepare': ({ fundId, amountMinor }) => {
      d.sessions.require();
      const fund = DONATION_FUNDS[fundId];
      if (!fund) throw new KioskError('notFound', 'no such donation fund');
      const max = d.donationMaxMinor?.[fundId];
      if (max !== undefined && amountMinor > max) throw new KioskError('invalidRequest', 'donation above the fund limit');
      const payable = {
        payableId: `DON-${randomUUID()}`,
        kind: 'donation' as const,
        reference: fundId,
        entity: fund.entity,
        label: fund.label,
        amount: { amountMinor, currency: d.profile.currency },
      };
      d.sessions.rememberPayable(payable);
      return payable;
    },
  };
}
