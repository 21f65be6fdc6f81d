import type { Db } from './database.ts';

export interface OutboxRow {
  id: number;
  kind: string;
  idempotencyKey: string;
  transactionId: string | null;
  payload: unknown;
  state: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

interface RawRow {
  id: number;
  kind: string;
  idempotency_key: string;
  transaction_id: string | null;
  payload_json: string;
  state: OutboxRow['state'];
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
}

const fromRaw = (r: RawRow): OutboxRow => ({
  id: r.id,
  kind: r.kind,
  idempotencyKey: r.idempotency_key,
  transactionId: r.transaction_id,
  payload: JSON.parse(r.payload_json),
  state: r.state,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
});

/** FIFO outbox (PowerSync style): rows leave the pending state only after the server's ack. */
export class OutboxRepo {
  constructor(private readonly db: Db) {}

  enqueue(row: { kind: string; idempotencyKey: string; transactionId?: string; payload: unknown; now: string }): void {
    this.db
      .prepare(
        `INSERT INTO outbox (kind, idempotency_key, transaction_id, payload_json, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(row.kind, row.idempotencyKey, row.transactionId ?? null, JSON.stringify(row.payload), row.now);
  }

  /** The oldest pending row, due or not; the sender decides whether to wait. */
  head(): OutboxRow | undefined {
    const r = this.db.prepare(`SELECT * FROM outbox WHERE state = 'pending' ORDER BY id LIMIT 1`).get() as RawRow | undefined;
    return r && fromRaw(r);
  }

  markDelivered(id: number, now: string): void {
    this.db.prepare(`UPDATE outbox SET state = 'delivered', delivered_at = ?, last_error = NULL WHERE id = ?`).run(now, id);
  }

  recordFailure(id: number, error: string, nextAttemptAt: number): void {
    this.db
      .prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?')
      .run(error.slice(0, 500), nextAttemptAt, id);
  }

  markDead(id: number, error: string): void {
    this.db.prepare(`UPDATE outbox SET state = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ?`).run(error.slice(0, 500), id);
  }

  depth(): { pending: number; oldestCreatedAt: string | null } {
    const r = this.db
      .prepare(`SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox WHERE state = 'pending'`)
      .get() as { n: number; oldest: string | null };
    return { pending: r.n, oldestCreatedAt: r.oldest };
  }

  byTransaction(transactionId: string): OutboxRow[] {
    return (this.db.prepare('SELECT * FROM outbox WHERE transaction_id = ? ORDER BY id').all(transactionId) as RawRow[]).map(fromRaw);
  }
}
