import type { Db } from '../store/database.ts';
import type { OutboxRepo, OutboxRow } from '../store/outbox-repo.ts';
import type { TransactionsRepo } from '../store/transactions-repo.ts';
import { GatewayError, type GatewayClient } from '../gateway/client.ts';
import type { WirePosting } from '../gateway/wire.ts';
import type { Logger } from '../log/logger.ts';
import { backoffDelay } from './backoff.ts';

export interface OutboxSenderDeps {
  db: Db;
  outbox: OutboxRepo;
  transactions: TransactionsRepo;
  gateway: GatewayClient;
  log: Logger;
  now: () => Date;
  backoff: { baseMs: number; capMs: number };
  /** Called after a row's transaction changes posting state. */
  onPostingChanged: (transactionId: string) => void;
}

/**
 * Delivers outbox rows in FIFO order, one sender at a time. A row is marked delivered only
 * after the gateway acknowledged it; the gateway deduplicates on the idempotency key, so
 * re-sending after a lost response is safe.
 */
export class OutboxSender {
  #running = false;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(private readonly d: OutboxSenderDeps) {}

  /** Wake the sender (on enqueue, on reconnect). Safe to call any time. */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = true;
    void this.#drain().finally(() => {
      this.#running = false;
      if (this.#again) {
        this.#again = false;
        this.wake();
      }
    });
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  async #drain(): Promise<void> {
    for (;;) {
      if (this.#stopped) return;
      const row = this.d.outbox.head();
      if (!row) return;
      const wait = row.nextAttemptAt - this.d.now().getTime();
      if (wait > 0) {
        this.#timer = setTimeout(() => this.wake(), wait);
        return;
      }
      const delivered = await this.#send(row);
      if (!delivered) {
        // Transient failure: the head stays where it is (FIFO); wait for its next attempt.
        const next = this.d.outbox.head();
        if (next) this.#timer = setTimeout(() => this.wake(), Math.max(0, next.nextAttemptAt - this.d.now().getTime()));
        return;
      }
    }
  }

  /** Returns true when the row left the head (delivered or dead-lettered). */
  async #send(row: OutboxRow): Promise<boolean> {
    const now = () => this.d.now().toISOString();
    try {
      const ack = await this.d.gateway.postPayment(row.payload as WirePosting, row.idempotencyKey);
      this.d.db.transaction(() => {
        this.d.outbox.markDelivered(row.id, now());
        if (row.transactionId) this.d.transactions.setPostingState(row.transactionId, 'delivered', now());
      })();
      this.d.log.info('outbox', 'delivered', { row: row.id, postingId: ack.postingId, duplicate: ack.duplicate });
    } catch (err) {
      const e = err instanceof GatewayError ? err : new GatewayError('transient', String(err));
      if (e.kind === 'permanent' || e.kind === 'notFound') {
        this.d.db.transaction(() => {
          this.d.outbox.markDead(row.id, e.message);
          if (row.transactionId) this.d.transactions.setPostingState(row.transactionId, 'dead', now());
        })();
        this.d.log.error('outbox', 'parked in dead letter', { row: row.id, status: e.status, error: e.message });
      } else {
        const next = this.d.now().getTime() + backoffDelay(row.attempts, this.d.backoff);
        this.d.outbox.recordFailure(row.id, e.message, next);
        this.d.log.warn('outbox', 'delivery failed, will retry', { row: row.id, attempts: row.attempts + 1, error: e.message });
        return false;
      }
    }
    if (row.transactionId) this.d.onPostingChanged(row.transactionId);
    return true;
  }
}
