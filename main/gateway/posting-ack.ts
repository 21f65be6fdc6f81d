import type { WirePosting, WirePostingAck } from './wire.ts';

/**
 * Whether a payment acknowledgement is about this posting: same idempotency key, transaction,
 * amount and items (in order), and an overpayment only of this posting's own items. Returns
 * what differs, or undefined. The client turns a difference into `invalidResponse` (a proxy's
 * cached answer, another posting's ack, a server that answers without recording): the posting
 * stays pending and is sent again.
 */
export function postingAckMismatch(posting: WirePosting, key: string, ack: WirePostingAck): string | undefined {
  if (ack.idempotencyKey !== key) return 'idempotency key';
  if (ack.transactionId !== posting.transactionId) return 'transactionId';
  if (ack.amount.amountMinor !== posting.amount.amountMinor || ack.amount.currency !== posting.amount.currency) return 'amount';
  const sameItems =
    ack.items.length === posting.items.length &&
    ack.items.every((a, i) => {
      const p = posting.items[i]!;
      return a.kind === p.kind && a.reference === p.reference && a.amountMinor === p.amountMinor;
    });
  if (!sameItems) return 'items';
  const o = ack.overpayment;
  if (o) {
    const refs = new Set(posting.items.map((i) => i.reference));
    if (o.amountMinor > posting.amount.amountMinor || !o.references.every((r) => refs.has(r))) return 'overpayment';
  }
  return undefined;
}
