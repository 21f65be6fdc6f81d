import type { PaymentState, PostingState, ReceiptState } from '../contract/api.ts';

/**
 * The payment state machine as data. `state` is what happened to the visitor's money; the
 * receipt and the posting each have their own column because they fail independently and
 * after the money moved: an approved payment may have no paper (printer out of paper) and
 * may not be posted yet (gateway down), and neither may ever undo the approval.
 *
 *   created → authorizing → approved | declined | aborted | flagged
 *   flagged → approved | aborted   (a technician, or a later successful reconciliation)
 */
export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentState, readonly PaymentState[]>> = {
  created: ['authorizing', 'aborted'],
  authorizing: ['approved', 'declined', 'aborted', 'flagged'],
  flagged: ['approved', 'aborted'],
  approved: [],
  declined: [],
  aborted: [],
};

/** Receipt: printed or failed once the payment is approved; a failed one may be reprinted. */
export const RECEIPT_TRANSITIONS: Readonly<Record<ReceiptState, readonly ReceiptState[]>> = {
  none: ['printed', 'failed'],
  failed: ['printed', 'failed'],
  printed: ['printed'],
};

/**
 * Posting: pending from the approval's own transaction; delivered only after the gateway's ack;
 * a dead letter goes back to pending only when a technician requeues it (same idempotency key).
 */
export const POSTING_TRANSITIONS: Readonly<Record<PostingState, readonly PostingState[]>> = {
  none: ['pending'],
  pending: ['delivered', 'dead'],
  delivered: [],
  dead: ['pending'],
};

export const canTransition = (from: PaymentState, to: PaymentState): boolean => PAYMENT_TRANSITIONS[from].includes(to);
export const isFinal = (s: PaymentState): boolean => PAYMENT_TRANSITIONS[s].length === 0;

/** Named points on the payment path where crash tests stop the process (see test/crash/). */
export type CrashPoint = 'beforeTerminal' | 'approvedNotJournaled' | 'journaledNotPrinted' | 'printedNotPosted';
