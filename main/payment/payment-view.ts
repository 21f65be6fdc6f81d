import type { PaymentView } from '../contract/api.ts';
import type { TransactionRow } from '../store/transactions-repo.ts';

/** The journal row as the renderer sees it: masked card data only. */
export function toPaymentView(t: TransactionRow): PaymentView {
  return {
    transactionId: t.id,
    ...(t.reference && { reference: t.reference }),
    state: t.state,
    amount: { amountMinor: t.amountMinor, currency: t.currency },
    items: t.items.map((i) => ({
      kind: i.kind,
      reference: i.reference,
      ...(i.detail && { detail: i.detail }),
      label: i.label,
      amount: { amountMinor: i.amountMinor, currency: t.currency },
    })),
    receiptState: t.receiptState,
    postingState: t.postingState,
    ...(t.terminal && {
      terminal: {
        authCode: t.terminal.authCode,
        maskedPan: t.terminal.maskedPan,
        receiptNumber: t.terminal.receiptNumber,
        traceNumber: t.terminal.traceNumber,
        terminalId: t.terminal.terminalId,
      },
    }),
    ...(t.declineReason && { declineReason: t.declineReason }),
    createdAt: t.createdAt,
  };
}
