import { randomUUID } from 'node:crypto';
import type { PaymentOutcome, PaymentTerminal, TerminalReceipt } from '../../drivers/payment/terminal.ts';
import type { ReceiptDocument, ReceiptPrinter } from '../../drivers/printer/printer.ts';
import type { Events } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';
import type { Db } from '../store/database.ts';
import type { OutboxRepo } from '../store/outbox-repo.ts';
import type { TerminalData, TransactionRow, TransactionsRepo } from '../store/transactions-repo.ts';
import type { WirePosting } from '../gateway/wire.ts';
import type { CountryProfile } from '../profiles/profiles.ts';
import type { VisitorSessions } from '../session/visitor-session.ts';
import type { Logger } from '../log/logger.ts';
import { reconcile } from './reconcile.ts';
import { toPaymentView } from './payment-view.ts';
import type { ReceiptContext } from '../receipt/payment-receipt.ts';
import { buildPaymentReceipt } from '../receipt/payment-receipt.ts';

export interface PaymentServiceDeps {
  db: Db;
  transactions: TransactionsRepo;
  outbox: OutboxRepo;
  terminal: PaymentTerminal;
  printer: ReceiptPrinter;
  sessions: VisitorSessions;
  profile: CountryProfile;
  receipt: Omit<ReceiptContext, 'postingPending'>;
  kioskId: string;
  log: Logger;
  now: () => Date;
  emit: <E extends keyof Events>(event: E, payload: Events[E]) => void;
  /** Wakes the outbox sender after a posting is enqueued. */
  onEnqueued: () => void;
  /** Whether the gateway is believed reachable (then the receipt waits briefly for the posting ack). */
  isOnline: () => boolean;
  /** How long a receipt waits for the gateway's ack while online, so it can say "paid" instead of "pending". */
  postingGraceMs?: number;
}

const toTerminalData = (r: TerminalReceipt): TerminalData => ({
  authCode: r.authCode,
  maskedPan: r.maskedPan,
  receiptNumber: r.receiptNumber,
  traceNumber: r.traceNumber,
  terminalId: r.terminalId,
  cardType: r.cardType,
  dateTime: r.dateTime,
});

/**
 * The payment state machine: created → authorizing → approved | declined | aborted | flagged,
 * then receipt and posting. Each transition is one SQLite transaction, and the posting's
 * outbox row is written in the same transaction as the approval.
 */
export class PaymentService {
  #active: Promise<void> | undefined;
  readonly #postingWaiters = new Map<string, () => void>();

  constructor(private readonly d: PaymentServiceDeps) {}

  start(payableIds: string[]): { transactionId: string } {
    const session = this.d.sessions.require();
    if (this.#active) throw new KioskError('conflict', 'a payment is already in progress');
    const payables = payableIds.map((id) => {
      const p = session.payables.get(id);
      if (!p) throw new KioskError('notFound', `item ${id} was not fetched in this session`);
      return p;
    });
    if (new Set(payableIds).size !== payableIds.length) throw new KioskError('invalidRequest', 'an item is listed twice');
    if (payables.some((p) => p.amount.currency !== this.d.profile.currency)) throw new KioskError('invalidRequest', 'item currency differs from the kiosk currency');
    const id = randomUUID();
    const amountMinor = payables.reduce((sum, p) => sum + p.amount.amountMinor, 0);
    this.d.transactions.insert({
      id,
      kind: 'billPayment',
      amountMinor,
      currency: this.d.profile.currency,
      items: payables.map((p) => ({
        kind: p.kind,
        reference: p.reference,
        ...(p.detail && { detail: p.detail }),
        entity: p.entity,
        label: p.label,
        amountMinor: p.amount.amountMinor,
      })),
      locale: session.locale,
      now: this.#now(),
    });
    this.#active = this.#run(id)
      .catch((err) => this.d.log.error('payment', 'payment run failed', { transactionId: id, error: String(err) }))
      .finally(() => (this.#active = undefined));
    return { transactionId: id };
  }

  get(id: string): TransactionRow {
    const tx = this.d.transactions.get(id);
    if (!tx) throw new KioskError('notFound', 'no such transaction');
    return tx;
  }

  async cancel(id: string): Promise<void> {
    if (this.get(id).state !== 'authorizing') throw new KioskError('conflict', 'payment is not waiting for the terminal');
    await this.d.terminal.abort();
  }

  /** Waits for the running payment (tests and shutdown). */
  async settled(): Promise<void> {
    await this.#active;
  }

  /** Start-up recovery: resolve every payment left mid-flight by asking the terminal. */
  async recover(): Promise<void> {
    for (const tx of this.d.transactions.inState('created')) {
      this.d.transactions.transition(tx.id, 'created', 'aborted', this.#now(), { declineReason: 'interrupted before the terminal was asked' });
    }
    for (const tx of this.d.transactions.inState('authorizing')) {
      this.d.log.warn('payment', 'reconciling a payment interrupted at the terminal', { transactionId: tx.id });
      await this.#settle(tx, { kind: 'unknown', reason: 'kiosk restarted during authorization' });
    }
  }

  /** The receipt as it prints now: "posting pending" until the gateway acknowledged. */
  receiptDocument(tx: TransactionRow, postingPending = tx.postingState !== 'delivered'): ReceiptDocument {
    return buildPaymentReceipt(tx, { ...this.d.receipt, postingPending });
  }

  async printReceipt(id: string): Promise<boolean> {
    const tx = this.get(id);
    if (tx.state !== 'approved') throw new KioskError('conflict', 'only approved payments have a receipt');
    this.d.emit('payment.progress', { transactionId: id, code: 'printing' });
    const doc = this.receiptDocument(tx);
    const res = await this.d.printer.print(doc).catch((err) => ({ ok: false as const, code: 'error' as const, message: String(err) }));
    this.d.transactions.setReceiptState(id, res.ok ? 'printed' : 'failed', this.#now());
    if (!res.ok) this.d.log.warn('payment', 'receipt not printed', { transactionId: id, code: res.code });
    this.#push(id);
    return res.ok;
  }

  async #run(id: string): Promise<void> {
    const tx = this.get(id);
    this.d.transactions.transition(id, 'created', 'authorizing', this.#now());
    this.#push(id);
    const outcome = await this.d.terminal
      .authorize({ amountMinor: tx.amountMinor, currencyNumeric: this.d.profile.currencyNumeric, reference: id }, (p) =>
        this.d.emit('payment.progress', { transactionId: id, code: p.code }),
      )
      .catch((err): PaymentOutcome => ({ kind: 'unknown', reason: String(err) }));
    const settled = await this.#settle(this.get(id), outcome);
    if (settled !== 'approved') return;
    if (this.d.isOnline()) await this.#waitForPosting(id, this.d.postingGraceMs ?? 2000);
    await this.printReceipt(id);
  }

  async #settle(tx: TransactionRow, outcome: PaymentOutcome): Promise<TransactionRow['state']> {
    const now = this.#now();
    let result = outcome;
    if (outcome.kind === 'unknown') {
      const r = await reconcile(tx, this.d.terminal, this.d.transactions);
      if (r.kind === 'flagged') {
        this.d.transactions.transition(tx.id, 'authorizing', 'flagged', now, { declineReason: r.reason });
        this.d.log.error('payment', 'payment needs a technician', { transactionId: tx.id, reason: r.reason });
        this.#push(tx.id);
        return 'flagged';
      }
      result = r.kind === 'approved' ? r : { kind: 'aborted', reason: r.reason };
    }
    if (result.kind === 'approved') {
      this.#approve(tx, result.receipt, now);
      this.d.onEnqueued();
    } else if (result.kind === 'declined') {
      this.d.transactions.transition(tx.id, 'authorizing', 'declined', now, { declineReason: result.reason });
    } else {
      this.d.transactions.transition(tx.id, 'authorizing', 'aborted', now, { declineReason: result.reason });
    }
    this.#push(tx.id);
    return result.kind === 'approved' ? 'approved' : result.kind === 'declined' ? 'declined' : 'aborted';
  }

  /** Approval and its posting in one durable transaction: neither exists without the other. */
  #approve(tx: TransactionRow, receipt: TerminalReceipt, now: string): void {
    const posting: WirePosting = {
      transactionId: tx.id,
      kioskId: this.d.kioskId,
      paidAt: now,
      amount: { amountMinor: tx.amountMinor, currency: tx.currency },
      items: tx.items.map((i) => ({ kind: i.kind, reference: i.reference, amountMinor: i.amountMinor })),
      terminal: { terminalId: receipt.terminalId, traceNumber: receipt.traceNumber, receiptNumber: receipt.receiptNumber, authCode: receipt.authCode },
    };
    this.d.db.transaction(() => {
      this.d.transactions.transition(tx.id, 'authorizing', 'approved', now, { terminal: toTerminalData(receipt) });
      this.d.transactions.setPostingState(tx.id, 'pending', now);
      this.d.outbox.enqueue({ kind: 'payment', idempotencyKey: randomUUID(), transactionId: tx.id, payload: posting, now });
    })();
  }

  #push(id: string): void {
    const tx = this.d.transactions.get(id);
    if (tx) this.d.emit('payment.updated', toPaymentView(tx));
  }

  /** Re-push after the outbox changed a posting state. */
  postingChanged(id: string): void {
    this.#postingWaiters.get(id)?.();
    this.#push(id);
  }

  #waitForPosting(id: string, ms: number): Promise<void> {
    if (this.get(id).postingState !== 'pending') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#postingWaiters.delete(id);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#postingWaiters.set(id, done);
    });
  }

  #now(): string {
    return this.d.now().toISOString();
  }
}
