import type { CallContext, Handlers } from '../bridge/dispatcher.ts';
import type { TechMethod } from '../contract/tech-api.ts';
import type { DeviceSummary, KioskInfo } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';
import type { PaymentService } from '../payment/payment-service.ts';
import { toPaymentView } from '../payment/payment-view.ts';
import type { VisitorSessions } from '../session/visitor-session.ts';
import type { IdentityService } from '../session/identity-service.ts';
import { visitorHandlers, type VisitorHandlerDeps } from './visitor-handlers.ts';
import { serviceHandlers, type ServiceHandlerDeps } from './service-handlers.ts';

export interface HandlerDeps {
  info: () => Omit<KioskInfo, 'online' | 'devices'>;
  isOnline: () => boolean;
  devices: () => DeviceSummary[];
  sessions: VisitorSessions;
  /** Ends the visitor session and drops their queued print jobs (idle reset, start over). */
  endSession: () => void;
  identity: IdentityService;
  payments: PaymentService;
  visitor: VisitorHandlerDeps;
  services: ServiceHandlerDeps;
  /** Why this kiosk refuses payments now, if it does (gateway registration). */
  paymentsRefused?: () => KioskInfo['paymentsRefused'];
  /** Technician mode's methods and `kiosk.state` (main/technician/). */
  technician: Pick<Handlers, TechMethod | 'kiosk.state'>;
}

/** The one typed handler map behind both transports. */
export function createHandlers(d: HandlerDeps): Handlers {
  /** A payment of the current visitor session, asked for from the connection that holds it. */
  const owned = (transactionId: string, ctx: CallContext) => {
    const session = d.sessions.current;
    if (!session || (ctx.connection.id !== 'core' && ctx.connection.sessionId !== session.id)) throw new KioskError('notFound', 'no such transaction in this visitor session');
    return d.payments.getOwned(transactionId);
  };
  return {
    'kiosk.info': () => {
      const refused = d.paymentsRefused?.();
      return { ...d.info(), online: d.isOnline(), devices: d.devices(), ...(refused && { paymentsRefused: refused }) };
    },
    'session.start': ({ locale }, ctx) => {
      const sessionId = d.sessions.start(locale);
      // This connection now owns the visitor session: payment events and reads are scoped to it.
      ctx.connection.sessionId = sessionId;
      return { sessionId };
    },
    'session.setLocale': ({ locale }) => {
      d.sessions.setLocale(locale);
      return null;
    },
    'session.end': () => {
      d.endSession();
      return null;
    },
    'payment.start': ({ payableIds }) => {
      const refused = d.paymentsRefused?.();
      if (refused) throw new KioskError('paymentsRefused', refused.message);
      return d.payments.start(payableIds);
    },
    // Scoped to the current visitor session: a later visitor (or another connection) gets "not found".
    'payment.get': ({ transactionId }, ctx) => toPaymentView(owned(transactionId, ctx)),
    'payment.cancel': async ({ transactionId }, ctx) => {
      owned(transactionId, ctx);
      await d.payments.cancel(transactionId);
      return null;
    },
    'receipt.print': async ({ transactionId }, ctx) => ({ printed: await d.payments.printReceipt(owned(transactionId, ctx).id) }),
    'receipt.reprint': async ({ reference, cardLast4 }) => ({ printed: await d.payments.reprintByReference(reference, cardLast4) }),
    ...visitorHandlers(d.visitor),
    ...serviceHandlers(d.services),
    ...d.technician,
  };
}
