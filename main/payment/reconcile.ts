import type { LastTransaction, PaymentTerminal, TerminalReceipt } from '../../drivers/payment/terminal.ts';
import type { TransactionRow, TransactionsRepo } from '../store/transactions-repo.ts';

export type Reconciled =
  | { kind: 'approved'; receipt: TerminalReceipt }
  | { kind: 'aborted'; reason: string }
  /** The terminal approved something new that is not this payment's amount: to be reversed. */
  | { kind: 'mismatch'; receipt: TerminalReceipt; reason: string }
  | { kind: 'flagged'; reason: string };

export interface ReconcileOptions {
  /** Times to ask a terminal that cannot answer yet (link coming back) before flagging. */
  attempts?: number;
  retryDelayMs?: number;
}

const TRACE_MODULO = 999_999;

/** Trace numbers count 1…999999 and wrap: "newer" means ahead by less than half the circle. */
export function traceIsNewer(candidate: number, last: number): boolean {
  const ahead = (((candidate - last) % TRACE_MODULO) + TRACE_MODULO) % TRACE_MODULO;
  return ahead > 0 && ahead < TRACE_MODULO / 2;
}

/**
 * Decides what happened to a payment whose outcome we did not hear, by asking the terminal
 * about its last transaction. Never re-sends the authorization. The terminal's last approval
 * is this payment only if it is newer than every approval already journaled (receipt number
 * not in the journal, trace number ahead of the last journaled one) and the amount matches.
 */
export async function reconcile(tx: TransactionRow, terminal: PaymentTerminal, journal: TransactionsRepo, opts: ReconcileOptions = {}): Promise<Reconciled> {
  const attempts = Math.max(1, opts.attempts ?? 1);
  let last: LastTransaction = { kind: 'unavailable', reason: 'not asked' };
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, opts.retryDelayMs ?? 1000));
    last = await terminal.lastTransaction().catch((err: unknown): LastTransaction => ({ kind: 'unavailable', reason: String(err) }));
    if (last.kind !== 'unavailable') break;
  }
  // The terminal only tells its LAST transaction: once a later payment went to it, this one's is hidden.
  if (last.kind !== 'unavailable' && journal.startedAfter(tx.id) > 0) return { kind: 'flagged', reason: 'later payments hide this one on the terminal: check its journal' };
  switch (last.kind) {
    case 'approved': {
      const r = last.receipt;
      if (journal.hasApproval(r.terminalId, r.traceNumber, r.receiptNumber)) return { kind: 'aborted', reason: 'terminal last approval is an earlier payment, already journaled' };
      const lastTrace = journal.lastTrace(r.terminalId);
      // Not journaled yet older than the journal: a swapped or re-initialised terminal whose
      // counter restarted. It may be this payment's charge; only a person can tell.
      if (lastTrace !== undefined && !traceIsNewer(r.traceNumber, lastTrace)) return { kind: 'flagged', reason: 'terminal approval is not journaled but older than the journal (terminal reset?)' };
      // An earlier payment still flagged may own this approval: only a person can tell.
      if (journal.flagged().some((f) => f.id !== tx.id)) return { kind: 'flagged', reason: 'terminal approval may belong to an earlier flagged payment' };
      if (r.amountMinor !== tx.amountMinor) return { kind: 'mismatch', receipt: r, reason: 'terminal approved another amount' };
      return { kind: 'approved', receipt: r };
    }
    case 'notApproved':
      return { kind: 'aborted', reason: 'terminal reports its last transaction was not approved' };
    case 'none':
      return { kind: 'aborted', reason: 'terminal reports no transaction' };
    case 'unavailable':
      return { kind: 'flagged', reason: `terminal cannot tell: ${last.reason}` };
  }
}
