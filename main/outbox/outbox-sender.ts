import type { Db } from '../store/database.ts';
import type { OutboxRepo, OutboxRow } from '../store/outbox-repo.ts';
import type { TransactionsRepo } from '../store/transactions-repo.ts';
import type { RecordsRepo } from '../store/records-repo.ts';
import type { AlertsRepo } from '../store/alerts-repo.ts';
import { GatewayError, type GatewayClient } from '../gateway/client.ts';
import type { Logger } from '../log/logger.ts';
import { backoffDelay } from './backoff.ts';
import { createDeliveries, type Delivery } from './deliveries.ts';

export interface OutboxSenderDeps {
  db: Db;
  outbox: OutboxRepo;
  transactions: TransactionsRepo;
  /** Complaints and tickets (their rows are updated on delivery); optional for payment-only set-ups. */
  records?: RecordsRepo;
  gateway: GatewayClient;
  log: Logger;
  now: () => Date;
  backoff: { baseMs: number; capMs: number };
  /** Random source of the backoff jitter (tests make it deterministic). */
  random?: () => number;
  /**
   * When a lane's backlog reaches this many rows, up to this many rows are in flight at once
   * (default 8); below it the lane sends strictly one at a time, in order.
   */
  batchSize?: number;
  /** Called after a row's transaction changes posting state. */
  onPostingChanged: (transactionId: string) => void;
  /** Where an owed refund or credit (overpayment) is raised for a person. */
  alerts?: AlertsRepo;
  /** Called after any row left the pending state (delivered or dead). */
  onSettled?: (row: OutboxRow, state: 'delivered' | 'dead') => void;
}

type SendResult = { left: true } | { left: false; nextAttemptAt: number };
interface Acked {
  row: OutboxRow;
  delivery: Delivery;
  ack: unknown;
}

/**
 * Delivers outbox rows, one sender at a time. Each kind is its own FIFO lane and lanes run
 * side by side, so a slow kind never holds up another. A row is marked delivered only after
 * the gateway acknowledged it; the gateway deduplicates on the idempotency key, so re-sending
 * after a lost response is safe (at-least-once sending, exactly-once effect). Permanent
 * failures are parked as dead letters with their reason and never block the rows behind.
 */
export class OutboxSender {
  #running = false;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  readonly #deliveries: Record<string, Delivery>;

  constructor(private readonly d: OutboxSenderDeps) {
    this.#deliveries = createDeliveries(d);
  }

  /** Whether a drain is in progress (for status screens and tests). */
  get busy(): boolean {
    return this.#running;
  }

  /** Wake the sender (on enqueue, on reconnect). Safe to call any time. */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#running = true;
    void this.#drain()
      .catch((err) => this.d.log.error('outbox', 'drain failed', { error: String(err) }))
      .finally(() => {
        this.#running = false;
        if (this.#again) {
          this.#again = false;
          this.wake();
        }
      });
  }

  /** A dead letter back in its lane (same row, same idempotency key); false when it is not dead. */
  requeue(rowId: number): boolean {
    const row = this.d.outbox.get(rowId);
    const delivery = row && this.#deliveries[row.kind];
    if (!row || row.state !== 'dead' || !delivery) return false;
    const now = this.d.now().toISOString();
    this.d.db.transaction(() => {
      this.d.outbox.requeue(rowId, now);
      delivery.requeued(row, now);
    })();
    if (row.transactionId) this.d.onPostingChanged(row.transactionId);
    this.wake();
    return true;
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  async #drain(): Promise<void> {
    const waits = await Promise.all(this.d.outbox.pendingKinds().map((kind) => this.#lane(kind)));
    const due = waits.filter((w): w is number => w !== undefined);
    if (due.length > 0 && !this.#stopped) {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.wake(), Math.max(0, Math.min(...due)));
    }
  }

  /** Drains one kind; returns the ms until its next row is due, or undefined when empty. */
  async #lane(kind: string): Promise<number | undefined> {
    const batchSize = this.d.batchSize ?? 8;
    for (;;) {
      if (this.#stopped) return undefined;
      const depth = this.d.outbox.laneDepth(kind);
      if (depth.pending === 0) return undefined;
      if (depth.pending >= batchSize) {
        // Large backlog: up to batchSize rows in flight, taken in order among the due ones; a
        // row waiting for its retry does not hold back the rows behind it.
        const r = await this.#pool(kind, batchSize);
        if (r.pauseUntil !== undefined) return this.#until(r.pauseUntil);
        if (r.sent === 0) return this.#until(this.d.outbox.laneDepth(kind).nextDueAt);
        continue;
      }
      // Small backlog: strictly FIFO, one row at a time; a failing head waits for its retry.
      const head = this.d.outbox.headOf(kind)!;
      if (head.nextAttemptAt > this.d.now().getTime()) return this.#until(head.nextAttemptAt);
      const r = await this.#send(head);
      if (!r.left) return this.#until(r.nextAttemptAt);
    }
  }

  /**
   * Sends the due rows of a kind with at most `width` in flight. A run of `width` transient
   * failures in a row (no success between) trips the breaker: no new rows are taken and the lane
   * pauses until the last failed row's retry time, so a dead gateway sees a window of requests
   * per backoff period, not the whole backlog. Returns the pause, if any.
   */
  async #pool(kind: string, width: number): Promise<{ sent: number; pauseUntil?: number }> {
    const rows = this.d.outbox.dueOf(kind, this.d.now().getTime(), width * 8);
    let next = 0;
    let streak = 0;
    let pauseUntil: number | undefined;
    const acks: Acked[] = [];
    const worker = async () => {
      while (next < rows.length && !this.#stopped && pauseUntil === undefined) {
        const r = await this.#send(rows[next++]!, acks);
        if (acks.length >= width) this.#commitAcks(acks);
        if (r.left) streak = 0;
        else if (++streak >= width) pauseUntil = r.nextAttemptAt;
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(width, rows.length) }, worker));
    } finally {
      this.#commitAcks(acks);
    }
    return { sent: next, ...(pauseUntil !== undefined && { pauseUntil }) };
  }

  #until(at: number | null): number | undefined {
    return at === null ? undefined : Math.max(0, at - this.d.now().getTime());
  }

  /**
   * Marks acknowledged rows delivered in one SQLite transaction. Batching these marks is safe: a
   * mark lost to a crash only means the row is sent again, and the gateway deduplicates it.
   */
  #commitAcks(acks: Acked[]): void {
    const list = acks.splice(0);
    if (list.length === 0) return;
    const now = this.d.now().toISOString();
    this.d.db.transaction(() => {
      for (const a of list) {
        this.d.outbox.markDelivered(a.row.id, now);
        a.delivery.delivered(a.row, a.ack, now);
      }
    })();
    for (const a of list) {
      this.d.log.info('outbox', 'delivered', { row: a.row.id, kind: a.row.kind });
      this.#settled(a.row, 'delivered');
    }
  }

  /** Sends one row; with `acks`, its delivered mark joins a batch committed by the caller. */
  async #send(row: OutboxRow, acks?: Acked[]): Promise<SendResult> {
    const delivery = this.#deliveries[row.kind];
    const now = () => this.d.now().toISOString();
    if (!delivery) {
      this.#park(row, undefined, `no delivery for outbox kind ${row.kind}`, now());
      return { left: true };
    }
    try {
      const ack = await delivery.send(row);
      if (acks) acks.push({ row, delivery, ack });
      else this.#commitAcks([{ row, delivery, ack }]);
    } catch (err) {
      const e = err instanceof GatewayError ? err : new GatewayError('transient', String(err));
      if (e.kind === 'permanent' || e.kind === 'notFound') {
        this.#park(row, delivery, e.message, now());
        this.d.log.error('outbox', 'parked in dead letter', { row: row.id, kind: row.kind, status: e.status, error: e.message });
      } else {
        const next = this.d.now().getTime() + backoffDelay(row.attempts, this.d.backoff, this.d.random);
        this.d.outbox.recordFailure(row.id, e.message, next, now());
        // Whoever waits for this posting (a receipt deciding "sent" or "pending") need not wait longer.
        if (row.transactionId && row.attempts === 0) this.d.onPostingChanged(row.transactionId);
        this.d.log.warn('outbox', 'delivery failed, will retry', { row: row.id, kind: row.kind, attempts: row.attempts + 1, error: e.message });
        return { left: false, nextAttemptAt: next };
      }
    }
    return { left: true };
  }

  #park(row: OutboxRow, delivery: Delivery | undefined, reason: string, now: string): void {
    this.d.db.transaction(() => {
      this.d.outbox.markDead(row.id, reason, now);
      delivery?.dead(row, now);
    })();
    this.#settled(row, 'dead');
  }

  #settled(row: OutboxRow, state: 'delivered' | 'dead'): void {
    if (row.transactionId) this.d.onPostingChanged(row.transactionId);
    this.d.onSettled?.(row, state);
  }
}
