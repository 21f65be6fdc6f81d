import type { Handlers } from '../bridge/dispatcher.ts';
import type { DeviceSummary, KioskInfo } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';
import { GatewayError, type GatewayClient } from '../gateway/client.ts';
import type { PaymentService } from '../payment/payment-service.ts';
import { toPaymentView } from '../payment/payment-view.ts';
import type { VisitorSessions } from '../session/visitor-session.ts';

export interface HandlerDeps {
  info: () => Omit<KioskInfo, 'online' | 'devices'>;
  isOnline: () => boolean;
  devices: () => DeviceSummary[];
  sessions: VisitorSessions;
  gateway: GatewayClient;
  payments: PaymentService;
}

/** Maps gateway failures to what the visitor can act on. */
function fromGateway(err: unknown): never {
  if (err instanceof GatewayError) {
    if (err.kind === 'notFound') throw new KioskError('notFound', err.message);
    if (err.kind === 'transient') throw new KioskError('offline', err.message);
    throw new KioskError('gatewayError', err.message);
  }
  throw err;
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
      d.sessions.end();
      return null;
    },
    'bill.lookup': async ({ service, account }) => {
      d.sessions.require();
      const bill = await d.gateway.lookupBill(service, account).catch(fromGateway);
      d.sessions.rememberPayable({
        payableId: bill.billId,
        kind: 'bill',
        reference: bill.billId,
        detail: bill.account,
        entity: bill.entity,
        label: bill.description ?? bill.entity,
        amount: bill.amount,
      });
      return bill;
    },
    'payment.start': ({ payableIds }) => d.payments.start(payableIds),
    'payment.get': ({ transactionId }) => toPaymentView(d.payments.get(transactionId)),
    'payment.cancel': async ({ transactionId }) => {
      await d.payments.cancel(transactionId);
      return null;
    },
    'receipt.print': async ({ transactionId }) => ({ printed: await d.payments.printReceipt(transactionId) }),
  };
}
