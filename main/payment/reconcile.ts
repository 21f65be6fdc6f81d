import type { LastTransaction, PaymentTerminal, TerminalReceipt } from '../../drivers/payment/terminal.ts';
import type { TransactionRow, TransactionsRepo } from '../store/transactions-repo.ts';
import { localToInstant } from './terminal-time.ts';

export type Reconciled = (
  | { kind: 'approved'; receipt: TerminalReceipt }
  | { kind: 'aborted'; reason: string }
  /** The terminal approved something new that is not this payment's amount: to be reversed. */
  | { kind: 'mismatch'; receipt: TerminalReceipt; reason: string }
  | { kind: 'flagged'; reason: string }
) & { /** What the terminal answered (kept beside a flagged payment for the technician). */ answer: LastTransaction };

export interface ReconcileOptions {
  /** Times to ask a terminal that cannot answer yet (link coming back) before flagging. */
  attempts?: number;
  retryDelayMs?: number;
  /** The terminal's clock zone (the profile's): its local date-times are read in it. */
  timeZone?: string;
  /** How far the terminal's clock may differ from the kiosk's (default 10 minutes). */
  clockSkewMs?: number;
  now?: () => Date;
}

const TRACE_MODULO = 999_999;

/** Trace numbers count 1…999999 and wrap: "newer" means ahead by less than half the circle. */
export function traceIsNewer(candidate: number, last: number): boolean {
  const ahead = (((candidate - last) % TRACE_MODULO) + TRACE_MODULO) % TRACE_MODULO;
  return ahead > 0 && ahead < TRACE_MODULO / 2;
}

/** Whether the terminal's approval happened while this payment could have been at the terminal. */
function inWindow(r: TerminalReceipt, tx: TransactionRow, o: ReconcileOptions): boolean {
  const at = localToInstant(r.dateTime, o.timeZone ?? 'Asia/Kuwait');
  const skew = o.clockSkewMs ?? 10 * 60_000;
  const now = (o.now ?? (() => new Date()))().getTime();
  return Number.isFinite(at) && at >= Date.parse(tx.createdAt) - skew && at <= now + skew;
}

/**
 * Decides what happened to a payment whose outcome we did not hear, by asking the terminal
 * about its last transaction. Never re-sends the authorization. Everything the terminal reports
 * is compared (terminal ID, trace, receipt number, amount, date-time): a terminal whose counters
 * restarted reuses numbers, so numbers alone never prove "already journaled". When in doubt, flag.
 */
export async function reconcile(tx: TransactionRow, terminal: PaymentTerminal, journal: TransactionsRepo, opts: ReconcileOptions = {}): Promise<Reconciled> {
  const attempts = Math.max(1, opts.attempts ?? 1);
  let last: LastTransaction = { kind: 'unavailable', reason: 'not asked' };
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, opts.retryDelayMs ?? 1000));
    last = await terminal.lastTransaction().catch((err: unknown): LastTransaction => ({ kind: 'unavailable', reason: String(err) }));
    if (last.kind !== 'unavailable') break;
  }
  const answer = last;
  // Missing evidence is never "nothing was charged".
  if (last.kind === 'unavailable') return { kind: 'flagged', reason: `terminal cannot tell: ${last.reason}`, answer };
  // The terminal only tells its LAST transaction: once a later payment went to it, this one's is hidden.
  if (journal.startedAfter(tx.id) > 0) return { kind: 'flagged', reason: 'later payments hide this one on the terminal: check its journal', answer };
  switch (last.kind) {
    case 'approved': {
      const r = last.receipt;
      const same = journal.approvalsWithNumbers(r.terminalId, r.traceNumber, r.receiptNumber);
      const exact = same.find((t) => t.amountMinor === r.amountMinor && t.terminal?.dateTime === r.dateTime);
      if (exact?.id === tx.id) return { kind: 'approved', receipt: r, answer };
      if (exact) return { kind: 'aborted', reason: 'terminal last approval is an earlier payment, already journaled', answer };
      // Not journaled. It is this payment's only if it happened while this payment was at the terminal.
      if (!inWindow(r, tx, opts)) {
        return { kind: 'flagged', reason: `terminal approval ${r.traceNumber}/${r.receiptNumber} is not journaled and its time (${r.dateTime}) is outside this payment's`, answer };
      }
      // An earlier flagged payment of the same amount, from the same minutes, may own it: only a person can tell.
      const rival = journal.flagged().find((f) => f.id !== tx.id && f.amountMinor === r.amountMinor && inWindow(r, f, opts));
      if (rival) return { kind: 'flagged', reason: `terminal approval may belong to the earlier flagged payment ${rival.reference ?? rival.id}`, answer };
      if (r.amountMinor !== tx.amountMinor) return { kind: 'mismatch', receipt: r, reason: 'terminal approved another amount', answer };
      return { kind: 'approved', receipt: r, answer };
    }
    case 'notApproved':
      return { kind: 'aborted', reason: 'terminal reports its last transaction was not approved', answer };
    case 'none':
      return { kind: 'aborted', reason: 'terminal reports no transaction', answer };
  }
}

/** Why a payment waits for a person, as a code a screen can say in the visitor's language. */
export type FlagReasonCode = 'terminalSilent' | 'laterPayments' | 'timeOutside' | 'rivalFlagged' | 'reversalFailed' | 'noChargeNow' | 'other';

/** Reads the code back from a stored reason (the messages above, and the reversal one in payment-service). */
export function flagReasonCode(reason: string | null): FlagReasonCode {
  if (!reason) return 'other';
  if (reason.includes('reversal of receipt')) return 'reversalFailed';
  if (reason.startsWith('terminal cannot tell')) return 'terminalSilent';
  if (reason.startsWith('later payments hide')) return 'laterPayments';
  if (/^terminal approval \d+\/\d+ is not journaled/.test(reason)) return 'timeOutside';
  if (reason.startsWith('terminal approval may belong')) return 'rivalFlagged';
  if (reason.startsWith('terminal reports no charge now')) return 'noChargeNow';
  return 'other';
}

