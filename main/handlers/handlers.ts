import type { Handlers } from '../bridge/dispatcher.ts';
import type { TechMethod } from '../contract/tech-api.ts';
import type { DeviceSummary, KioskInfo } from '../contract/api.ts';
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
  /** Technician mode's methods and `kiosk.state` (main/technician/). */
  technician: Pick<Handlers, TechMethod | 'kiosk.state'>;
}

/** The one typed handler map behind both transports. */
export function createHandlers(d: HandlerDeps): Handlers {
  return {
    'kiosk.info': () => ({ ...d.info(), online: d.isOnline(), devices: d.devices() }),
    'session.start': ({ locale }) => ({ sessionId: d.sessions.start(locale) }),
    'session.setLocale': ({ locale }) => {
      d.sessions.setLocale(locale);
      return null;
    },
    'session.end': () => {
      d.endSession();
      return null;
    },
    'payment.start': ({ payableIds }) => d.payments.start(payableIds),
    'payment.get': ({ transactionId }) => toPaymentView(d.payments.get(transactionId)),
    'payment.cancel': async ({ transactionId }) => {
      await d.payments.cancel(transactionId);
      return null;
    },
    'receipt.print': async ({ transactionId }) => ({ printed: await d.payments.printReceipt(transactionId) }),
    'receipt.reprint': async ({ reference, cardLast4 }) => ({ printed: await d.payments.reprintByReference(reference, cardLast4) }),
    ...visitorHandlers(d.visitor),
    ...serviceHandlers(d.services),
    ...d.technician,
  };
}
