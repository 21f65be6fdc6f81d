import type { LastTransaction } from '../../drivers/payment/terminal.ts';
import type { PaymentState } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';
import type { Db } from '../store/database.ts';
import type { AlertsRepo } from '../store/alerts-repo.ts';
import type { AuditRepo } from '../store/audit-repo.ts';
import type { OutboxRepo } from '../store/outbox-repo.ts';
import type { TransactionRow, TransactionsRepo } from '../store/transactions-repo.ts';
import type { PaymentService } from './payment-service.ts';

/** A flagged payment as the technician compares it: the kiosk's view beside the terminal's answer. */
export interface FlaggedView {
  transactionId: string;
  reference: string | null;
  amountMinor: number;
  currency: string;
  createdAt: string;
  reason: string | null;
  items: { kind: string; reference: string }[];
  terminalAnswer: LastTransaction | null;
  /** The terminal's approval is already another journaled payment's: it cannot settle this one. */
  answerTaken: boolean;
}

export interface DeadLetterView {
  rowId: number;
  kind: string;
  transactionId: string | null;
  attempts: number;
  reason: string | null;
  createdAt: string;
}

export interface LaneView {
  kind: string;
  pending: number;
  dead: number;
  oldestAgeMs: number | null;
}

/**
 * The money methods a technician uses (the technician screens call these; until a technician
 * session guards them they are reachable only from the core). Every action is audited.
 */
export class MoneyDesk {
  constructor(
    private readonly d: {
      db: Db;
      transactions: TransactionsRepo;
      outbox: OutboxRepo;
      audit: AuditRepo;
      alerts: AlertsRepo;
      payments: PaymentService;
      now: () => Date;
      wake: () => void;
      requeue: (rowId: number) => boolean;
    },
  ) {}

  flagged(): FlaggedView[] {
    return this.d.transactions.flagged().map((t) => ({
      transactionId: t.id,
      reference: t.reference,
      amountMinor: t.amountMinor,
      currency: t.currency,
      createdAt: t.createdAt,
      reason: t.declineReason,
      items: t.items.map((i) => ({ kind: i.kind, reference: i.reference })),
      terminalAnswer: t.terminalAnswer as LastTransaction | null,
      answerTaken: this.approvalOwner(t.id, t.terminalAnswer as LastTransaction | null) !== undefined,
    }));
  }

  /** Ask the terminal again; audited with who asked. */
  async retry(transactionId: string, actor: string): Promise<PaymentState> {
    const state = await this.d.payments.retryFlagged(transactionId);
    this.d.audit.append({ at: this.#now(), actor, action: 'payment.retried', detail: { transactionId, state } });
    if (state !== 'flagged') this.d.alerts.clear('payment.flagged', transactionId, this.#now());
    return state;
  }

  /**
   * A person settles a flagged payment after checking the terminal's journal: `approved` (the
   * card was charged: journaled and posted once, with the terminal's own data) or `aborted`
   * (not charged, or refunded at the terminal). The reason is required and audited.
   */
  resolve(transactionId: string, outcome: 'approved' | 'aborted', reason: string, actor: string): PaymentState {
    const tx = this.d.transactions.get(transactionId);
    if (!tx || tx.state !== 'flagged') throw new KioskError('conflict', 'payment is not flagged');
    if (reason.trim().length < 5) throw new KioskError('invalidRequest', 'a reason of at least 5 characters is required');
    const answer = tx.terminalAnswer as LastTransaction | null;
    if (outcome === 'approved' && (answer?.kind !== 'approved' || answer.receipt.amountMinor !== tx.amountMinor)) {
      throw new KioskError('conflict', "approving needs the terminal's own approval of this amount: ask the terminal again first");
    }
    const owner = outcome === 'approved' ? this.approvalOwner(tx.id, answer) : undefined;
    if (owner) {
      throw new KioskError('conflict', `that approval is already payment ${owner.reference ?? owner.id}'s: it cannot settle this one too`);
    }
    const now = this.#now();
    this.d.db.transaction(() => {
      if (outcome === 'approved' && answer?.kind === 'approved') this.d.payments.approveResolved(tx, answer.receipt, now);
      else this.d.transactions.transition(tx.id, 'flagged', 'aborted', now, { declineReason: `resolved by ${actor}: ${reason}` });
      this.d.transactions.setResolved(tx.id, { by: actor, at: now, reason, outcome });
      this.d.audit.append({ at: now, actor, action: 'payment.resolved', detail: { transactionId, outcome, reason } });
      this.d.alerts.clear('payment.flagged', transactionId, now);
    })();
    if (outcome === 'approved') this.d.wake();
    return outcome;
  }

  /** The journaled payment the terminal's approval already belongs to (same numbers, amount and time), if any. */
  approvalOwner(transactionId: string, answer: LastTransaction | null): TransactionRow | undefined {
    if (answer?.kind !== 'approved') return undefined;
    const r = answer.receipt;
    return this.d.transactions
      .approvalsWithNumbers(r.terminalId, r.traceNumber, r.receiptNumber)
      .find((t) => t.id !== transactionId && t.amountMinor === r.amountMinor && t.terminal?.dateTime === r.dateTime);
  }

  deadLetters(): DeadLetterView[] {
    return this.d.outbox.dead().map((r) => ({ rowId: r.id, kind: r.kind, transactionId: r.transactionId, attempts: r.attempts, reason: r.lastError, createdAt: r.createdAt }));
  }

  /** A dead letter back in its lane with the same idempotency key; audited with the reason. */
  requeue(rowId: number, reason: string, actor: string): void {
    const row = this.d.outbox.get(rowId);
    if (!row || row.state !== 'dead') throw new KioskError('conflict', 'outbox row is not a dead letter');
    if (reason.trim().length < 5) throw new KioskError('invalidRequest', 'a reason of at least 5 characters is required');
    const now = this.#now();
    this.d.db.transaction(() => {
      if (!this.d.requeue(rowId)) throw new KioskError('conflict', 'outbox row is not a dead letter');
      this.d.audit.append({ at: now, actor, action: 'outbox.requeued', detail: { rowId, kind: row.kind, reason } });
      this.d.alerts.clear(`${row.kind}.deadLetter`, String(rowId), now);
    })();
  }

  lanes(): LaneView[] {
    const now = this.d.now().getTime();
    return this.d.outbox.lanes().map((l) => ({ kind: l.kind, pending: l.pending, dead: l.dead, oldestAgeMs: l.oldestCreatedAt ? Math.max(0, now - Date.parse(l.oldestCreatedAt)) : null }));
  }

  #now(): string {
    return this.d.now().toISOString();
  }
}
