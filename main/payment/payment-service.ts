import { randomUUID } from 'node:crypto';
import type { PaymentOutcome, PaymentTerminal, TerminalReceipt } from '../../drivers/payment/terminal.ts';
import type { ReceiptDocument, ReceiptPrinter } from '../../drivers/printer/printer.ts';
import type { Events } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';
import type { Db } from '../store/database.ts';
import type { OutboxRepo } from '../store/outbox-repo.ts';
import type { ItemHold, TerminalData, TransactionRow, TransactionsRepo } from '../store/transactions-repo.ts';
import type { WirePosting } from '../gateway/wire.ts';
import type { CountryProfile } from '../profiles/profiles.ts';
import type { VisitorSessions } from '../session/visitor-session.ts';
import type { Logger } from '../log/logger.ts';
import { reconcile, type ReconcileOptions } from './reconcile.ts';
import type { CrashPoint } from './payment-states.ts';
import { AuditRepo } from '../store/audit-repo.ts';
import type { AlertsRepo } from '../store/alerts-repo.ts';
import type { PaymentState } from '../contract/api.ts';
import { toPaymentView } from './payment-view.ts';
import { heldMessage, toTerminalData } from './payment-records.ts';
import type { ReceiptContext } from '../receipt/payment-receipt.ts';
import { buildPaymentReceipt } from '../receipt/payment-receipt.ts';
import type { GuessLimiter } from './guess-limiter.ts';

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
  /** The next short payment reference (printed, and typed to reprint a receipt). */
  nextReference?: () => string;
  isOnline: () => boolean;
  /** How long a receipt waits for the gateway's ack while online, so it can say "paid" instead of "pending". */
  postingGraceMs?: number;
  /** How often to ask a terminal that cannot answer yet before flagging (default 5 × 1 s). */
  reconcile?: ReconcileOptions;
  /** Kiosk-wide limit on wrong reprint look-ups (shared with complaint status). */
  guesses?: GuessLimiter;
  /** Crash tests only: called at named points of the payment path (the child kills itself there). */
  crashPoint?: (point: CrashPoint) => void;
  /** Where flagged payments are raised for a person (the fleet and the technician see them). */
  alerts?: AlertsRepo;
}

/**
 * The payment state machine (payment-states.ts): created → authorizing → approved | declined |
 * aborted | flagged, then receipt and posting in their own columns. Each transition is one
 * SQLite transaction, and the posting's outbox row (with its idempotency key, made here, before
 * any send) is written in the same transaction as the approval.
 */
export class PaymentService {
  #active: Promise<void> | undefined;
  readonly #postingWaiters = new Map<string, () => void>();
  /** Which visitor session started each payment: only that session may read or print it. In memory only. */
  readonly #owners = new Map<string, string>();

  readonly #audit: AuditRepo;

  constructor(private readonly d: PaymentServiceDeps) {
    this.#audit = new AuditRepo(d.db);
  }

  start(payableIds: string[]): { transactionId: string } {
    const session = this.d.sessions.require();
    if (this.#active) throw new KioskError('conflict', 'a payment is already in progress');
    const terminal = this.d.terminal.status().device;
    if (terminal !== 'online') throw new KioskError('deviceUnavailable', `the payment terminal is ${terminal}`);
    const payables = payableIds.map((id) => {
      const p = session.payables.get(id);
      if (!p) throw new KioskError('notFound', `item ${id} was not fetched in this session`);
      return p;
    });
    if (new Set(payableIds).size !== payableIds.length) throw new KioskError('invalidRequest', 'an item is listed twice');
    if (payables.some((p) => p.amount.currency !== this.d.profile.currency)) throw new KioskError('invalidRequest', 'item currency differs from the kiosk currency');
    const id = randomUUID();
    const amountMinor = payables.reduce((sum, p) => sum + p.amount.amountMinor, 0);
    const items = payables.map((p) => ({
      kind: p.kind,
      reference: p.reference,
      ...(p.detail && { detail: p.detail }),
      entity: p.entity,
      label: p.label,
      amountMinor: p.amount.amountMinor,
    }));
    // The check and the insert are one SQLite transaction: two payments can never both hold a bill.
    this.d.db.transaction(() => {
      const held = this.d.transactions.holds(items);
      if (held.length > 0) throw new KioskError('alreadyPaid', heldMessage(held));
      this.d.transactions.insert({
        id,
        kind: 'billPayment',
        amountMinor,
        currency: this.d.profile.currency,
        items,
        locale: session.locale,
        now: this.#now(),
        ...(this.d.nextReference && { reference: this.d.nextReference() }),
      });
    })();
    this.#owners.set(id, session.id);
    this.#active = this.#run(id, payableIds)
      .catch((err) => this.d.log.error('payment', 'payment run failed', { transactionId: id, error: String(err) }))
      .finally(() => (this.#active = undefined));
    return { transactionId: id };
  }

  /** A payment as its own visitor sees it: another session (or none) gets "not found". */
  getOwned(id: string): TransactionRow {
    const session = this.d.sessions.current;
    if (!session || this.#owners.get(id) !== session.id) throw new KioskError('notFound', 'no such transaction in this visitor session');
    return this.get(id);
  }

  /** The visitor session that started a payment (events about it go only there). */
  ownerOf(id: string): string | undefined {
    return this.#owners.get(id);
  }

  /** Which of these items a payment at this kiosk already holds (lookups show them as paid here). */
  holds(items: readonly { kind: string; reference: string }[]): ItemHold[] {
    return this.d.transactions.holds(items);
  }

  get(id: string): TransactionRow {
    const tx = this.d.transactions.get(id);
    if (!tx) throw new KioskError('notFound', 'no such transaction');
    return tx;
  }

  async cancel(id: string): Promise<void> {
    if (this.getOwned(id).state !== 'authorizing') throw new KioskError('conflict', 'payment is not waiting for the terminal');
    await this.d.terminal.abort();
  }

  /** Waits for the running payment (tests and shutdown). */
  async settled(): Promise<void> {
    await this.#active;
  }

  /**
   * Start-up recovery: resolve every payment left mid-flight by asking the terminal (never by
   * paying again). Approved payments whose receipt never printed are marked so (the visitor is gone).
   */
  async recover(): Promise<void> {
    for (const tx of this.d.transactions.inState('created')) {
      this.#transition(tx.id, 'created', 'aborted', this.#now(), { declineReason: 'interrupted before the terminal was asked' });
    }
    for (const tx of this.d.transactions.inState('authorizing')) {
      this.d.log.warn('payment', 'reconciling a payment interrupted at the terminal', { transactionId: tx.id });
      await this.#settle(tx, { kind: 'unknown', reason: 'kiosk restarted during authorization' });
    }
    for (const tx of this.d.transactions.inState('approved')) {
      if (tx.receiptState !== 'none') continue;
      // The visitor is gone: the receipt is marked not printed (reprint by reference stays possible).
      this.d.db.transaction(() => {
        this.d.transactions.setReceiptState(tx.id, 'failed', this.#now());
        this.#audit.append({ at: this.#now(), actor: 'kiosk', action: 'receipt.notPrinted', detail: { transactionId: tx.id, reason: 'kiosk restarted before printing' } });
      })();
    }
  }

  /** The terminal is in use: a payment, a technician's retry, or a re-ask after it came back. */
  busy(): boolean {
    return this.#active !== undefined;
  }

  /** Technician action: ask the terminal again about a flagged payment. Returns the new state. */
  async retryFlagged(id: string): Promise<PaymentState> {
    // One command at a time at the terminal: wait for whatever is asking it now.
    while (this.#active) await this.#active;
    const tx = this.get(id);
    if (tx.state !== 'flagged') return tx.state;
    const run = this.#settle(tx, { kind: 'unknown', reason: 'technician asked again' });
    this.#active = run.then(() => undefined).finally(() => (this.#active = undefined));
    return run;
  }

  /**
   * The terminal is back (re-registered after a link drop or a restart): a flagged payment that
   * only lacked the terminal's answer, and is still the latest, is asked about again at once.
   */
  async retryAfterTerminalReturn(): Promise<void> {
    // Only payments that lacked nothing but the terminal's answer, still the latest, and only
    // while the terminal is really back.
    const waiting = () =>
      this.d.terminal.status().device === 'online' &&
      this.d.transactions.flagged().some((tx) => !tx.resolved && this.d.transactions.startedAfter(tx.id) === 0 && (tx.terminalAnswer as { kind?: string } | null)?.kind === 'unavailable');
    // The terminal came back while a payment was still reconciling: look again once it settled.
    if (this.#active) {
      void this.#active.then(() => this.retryAfterTerminalReturn());
      return;
    }
    if (!waiting()) return;
    const run = (async () => {
      for (const tx of this.d.transactions.flagged()) {
        if (tx.resolved || this.d.transactions.startedAfter(tx.id) > 0) continue;
        if ((tx.terminalAnswer as { kind?: string } | null)?.kind !== 'unavailable') continue;
        const state = await this.#settle(tx, { kind: 'unknown', reason: 'terminal is back' });
        if (state === 'approved') await this.printReceipt(tx.id).catch(() => false);
      }
    })();
    // Counts as the running payment: no visitor payment starts while the terminal is being asked.
    this.#active = run.finally(() => (this.#active = undefined));
    await this.#active;
  }

  /** The receipt as it prints now: "posting pending" until the gateway acknowledged. */
  receiptDocument(tx: TransactionRow, postingPending = tx.postingState !== 'delivered'): ReceiptDocument {
    return buildPaymentReceipt(tx, { ...this.d.receipt, postingPending });
  }

  /** A receipt printed again by its short reference (visitor came back, or paper ran out). */
  async reprintByReference(reference: string, cardLast4: string): Promise<boolean> {
    this.d.guesses?.check();
    const tx = this.d.transactions.byReference(reference);
    // The same answer for a wrong reference and a wrong card: nothing to learn by guessing.
    if (!tx || tx.state !== 'approved' || !tx.terminal?.maskedPan.endsWith(cardLast4)) {
      this.d.guesses?.wrong();
      throw new KioskError('notFound', 'no approved payment with that reference and card');
    }
    return this.printReceipt(tx.id);
  }

  async printReceipt(id: string): Promise<boolean> {
    const tx = this.get(id);
    if (tx.state !== 'approved') throw new KioskError('conflict', 'only approved payments have a receipt');
    this.d.emit('payment.progress', { transactionId: id, code: 'printing' });
    const doc = this.receiptDocument(tx);
    const res = await this.d.printer.print(doc).catch((err) => ({ ok: false as const, code: 'error' as const, message: String(err) }));
    // A failed copy of a receipt that once printed leaves it printed (the table allows no downgrade).
    if (res.ok || this.get(id).receiptState !== 'printed') this.d.transactions.setReceiptState(id, res.ok ? 'printed' : 'failed', this.#now());
    if (!res.ok) this.d.log.warn('payment', 'receipt not printed', { transactionId: id, code: res.code });
    this.#push(id);
    return res.ok;
  }

  async #run(id: string, payableIds: readonly string[]): Promise<void> {
    const tx = this.get(id);
    // Just before the terminal is asked: nothing else may hold these items now (belt and braces).
    const held = this.d.transactions.holds(tx.items, id);
    if (held.length > 0) {
      this.#transition(id, 'created', 'aborted', this.#now(), { declineReason: `alreadyPaid: ${heldMessage(held)}` });
      this.#push(id);
      return;
    }
    this.#transition(id, 'created', 'authorizing', this.#now());
    this.#push(id);
    this.d.crashPoint?.('beforeTerminal');
    const outcome = await this.d.terminal
      .authorize({ amountMinor: tx.amountMinor, currencyNumeric: this.d.profile.currencyNumeric, reference: id }, (p) =>
        this.d.emit('payment.progress', { transactionId: id, code: p.code }),
      )
      .catch((err): PaymentOutcome => ({ kind: 'unknown', reason: String(err) }));
    if (outcome.kind === 'approved') this.d.crashPoint?.('approvedNotJournaled');
    const settled = await this.#settle(this.get(id), outcome);
    if (settled !== 'approved') return;
    // Paid: these items can no longer be paid again in this session.
    for (const p of payableIds) this.d.sessions.current?.payables.delete(p);
    this.d.crashPoint?.('journaledNotPrinted');
    if (this.d.isOnline()) await this.#waitForPosting(id, this.d.postingGraceMs ?? 2000);
    await this.printReceipt(id);
    this.d.crashPoint?.('printedNotPosted');
  }

  async #settle(tx: TransactionRow, outcome: PaymentOutcome): Promise<PaymentState> {
    const from = tx.state;
    let result = outcome;
    if (outcome.kind === 'unknown') {
      const r = await reconcile(tx, this.d.terminal, this.d.transactions, { attempts: 5, retryDelayMs: 1000, timeZone: this.d.profile.timeZone, now: this.d.now, ...this.d.reconcile });
      // Evidence is kept: an answer the terminal could not give never replaces one it gave.
      if (r.answer.kind !== 'unavailable' || !tx.terminalAnswer) this.d.transactions.setTerminalAnswer(tx.id, r.answer);
      if (r.kind === 'mismatch') return this.#reverseMismatch(tx, r.receipt, r.reason);
      if (r.kind === 'flagged') return this.#flag(tx, r.reason);
      // Asked again later, "no charge" may come from another terminal or after its end of day: a supervisor decides.
      if (from === 'flagged' && r.kind === 'aborted') return this.#flag(tx, `terminal reports no charge now (${r.reason}): a supervisor confirms`);
      this.#audit.append({ at: this.#now(), actor: 'kiosk', action: `payment.reconciled.${r.kind}`, detail: { transactionId: tx.id, why: outcome.reason, ...(r.kind === 'aborted' && { reason: r.reason }) } });
      result = r.kind === 'approved' ? r : { kind: 'aborted', reason: r.reason };
    }
    // The terminal must have charged exactly this payment; anything else is reversed, never posted.
    if (result.kind === 'approved' && (result.receipt.amountMinor !== tx.amountMinor || result.receipt.currencyNumeric !== this.d.profile.currencyNumeric)) {
      return this.#reverseMismatch(tx, result.receipt, 'terminal approved another amount or currency');
    }
    const now = this.#now();
    if (result.kind === 'approved') {
      this.#approve(tx, from, result.receipt, now);
      this.d.onEnqueued();
    } else if (result.kind === 'declined') {
      this.#transition(tx.id, from, 'declined', now, { declineReason: result.reason });
    } else {
      this.#transition(tx.id, from, 'aborted', now, { declineReason: result.reason });
    }
    this.#push(tx.id);
    return result.kind === 'approved' ? 'approved' : result.kind === 'declined' ? 'declined' : 'aborted';
  }

  /** Flagged for a technician, visibly: the state and an audit-log entry in one transaction. */
  #flag(tx: TransactionRow, reason: string): PaymentState {
    const now = this.#now();
    if (tx.state !== 'flagged') {
      this.d.db.transaction(() => {
        this.#transition(tx.id, tx.state, 'flagged', now, { declineReason: reason });
        this.#audit.append({ at: now, actor: 'kiosk', action: 'payment.flagged', detail: { transactionId: tx.id, amountMinor: tx.amountMinor, reason } });
        this.d.alerts?.raise({ at: now, kind: 'payment.flagged', severity: 'critical', subject: tx.id, detail: { reference: tx.reference, amountMinor: tx.amountMinor, currency: tx.currency, reason } });
      })();
    } else if (tx.declineReason !== reason) {
      // Asked again, still for a person, but for another reason: the technician must see the current one.
      this.d.db.transaction(() => {
        this.d.transactions.setFlagReason(tx.id, reason, now);
        this.#audit.append({ at: now, actor: 'kiosk', action: 'payment.flagReason', detail: { transactionId: tx.id, reason } });
      })();
    }
    this.d.log.error('payment', 'payment needs a technician', { transactionId: tx.id, reason });
    this.#push(tx.id);
    return 'flagged';
  }

  /**
   * The terminal approved an amount that is not this payment's: the visitor's card was charged
   * for nothing the kiosk can post, so the approval is reversed. If the reversal fails, flag it.
   */
  async #reverseMismatch(tx: TransactionRow, receipt: TerminalReceipt, reason: string): Promise<PaymentState> {
    const out = await this.d.terminal.reverse(receipt.receiptNumber).catch((err): PaymentOutcome => ({ kind: 'unknown', reason: String(err) }));
    if (out.kind !== 'approved') return this.#flag(tx, `${reason}; reversal of receipt ${receipt.receiptNumber} failed: ${out.kind}`);
    const now = this.#now();
    this.d.db.transaction(() => {
      this.#transition(tx.id, tx.state, 'aborted', now, { declineReason: `reversed: ${reason}` });
      this.#audit.append({ at: now, actor: 'kiosk', action: 'payment.reversed', detail: { transactionId: tx.id, receiptNumber: receipt.receiptNumber, traceNumber: receipt.traceNumber, amountMinor: receipt.amountMinor } });
    })();
    this.#push(tx.id);
    return 'aborted';
  }

  /** The repository enforces the transition table (a wrong move throws and is logged there). */
  #transition(id: string, from: PaymentState, to: PaymentState, now: string, extra: { terminal?: TerminalData; declineReason?: string } = {}): void {
    this.d.transactions.transition(id, from, to, now, extra);
  }

  /** A technician's approval of a flagged payment, with the terminal's own data (MoneyDesk audits it). */
  approveResolved(tx: TransactionRow, receipt: TerminalReceipt, now: string): void {
    this.#approve(tx, 'flagged', receipt, now);
    this.#push(tx.id);
  }

  /** Approval and its posting in one durable transaction: neither exists without the other. */
  #approve(tx: TransactionRow, from: PaymentState, receipt: TerminalReceipt, now: string): void {
    const posting: WirePosting = {
      transactionId: tx.id,
      kioskId: this.d.kioskId,
      paidAt: now,
      amount: { amountMinor: tx.amountMinor, currency: tx.currency },
      items: tx.items.map((i) => ({ kind: i.kind, reference: i.reference, amountMinor: i.amountMinor })),
      terminal: { terminalId: receipt.terminalId, traceNumber: receipt.traceNumber, receiptNumber: receipt.receiptNumber, authCode: receipt.authCode },
    };
    this.d.db.transaction(() => {
      this.#transition(tx.id, from, 'approved', now, { terminal: toTerminalData(receipt) });
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
