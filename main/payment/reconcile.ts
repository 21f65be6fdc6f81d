import type { LastTransaction, PaymentTerminal } from '../../drivers/payment/terminal.ts';
import type { TransactionRow, TransactionsRepo } from '../store/transactions-repo.ts';

export type Reconciled =
  | { kind: 'approved'; receipt: Extract<LastTransaction, { kind: 'approved' }>['receipt'] }
  | { kind: 'aborted'; reason: string }
  | { kind: 'flagged'; reason: string };

/**
 * Decides what happened to a payment whose outcome we did not hear, by asking the terminal
 * about its last transaction. Never re-sends the authorization. An approval counts as ours
 * only if the amount matches and its receipt number is not already in our journal.
 */
export async function reconcile(tx: TransactionRow, terminal: PaymentTerminal, journal: TransactionsRepo): Promise<Reconciled> {
  let last: LastTransaction;
  try {
    last = await terminal.lastTransaction();
  } catch (err) {
    return { kind: 'flagged', reason: `terminal did not answer: ${String(err)}` };
  }
  switch (last.kind) {
    case 'approved': {
      const r = last.receipt;
      if (r.amountMinor !== tx.amountMinor) return { kind: 'aborted', reason: 'terminal last approval is for another amount' };
      if (journal.hasReceipt(r.terminalId, r.receiptNumber)) return { kind: 'aborted', reason: 'terminal last approval is already journaled' };
      return { kind: 'approved', receipt: r };
    }
    case 'notApproved':
    case 'none':
      return { kind: 'aborted', reason: 'terminal reports no approval' };
    case 'unavailable':
      return { kind: 'flagged', reason: `terminal cannot tell: ${last.reason}` };
  }
}
