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
  createdAt: string;
}

export interface OutboxStats {
  pending: number;
  dead: number;
  oldestCreatedAt: string | null;
  lastDeliveredAt: string | null;
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
  created_at: string;
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
  createdAt: r.created_at,
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

  /** The oldest pending row of one kind: each kind is its own FIFO lane. */
  headOf(kind: string): OutboxRow | undefined {
    const r = this.db.prepare(`SELECT * FROM outbox WHERE kind = ? AND state = 'pending' ORDER BY id LIMIT 1`).get(kind) as RawRow | undefined;
    return r && fromRaw(r);
  }

  /** The first `limit` pending rows of one kind, in order (batched draining of a large backlog). */
  pendingOf(kind: string, limit: number): OutboxRow[] {
    return (this.db.prepare(`SELECT * FROM outbox WHERE kind = ? AND state = 'pending' ORDER BY id LIMIT ?`).all(kind, limit) as RawRow[]).map(fromRaw);
  }

  /** Pending rows of one kind that are due at `nowMs`, oldest first. */
  dueOf(kind: string, nowMs: number, limit: number): OutboxRow[] {
    return (
      this.db.prepare(`SELECT * FROM outbox WHERE kind = ? AND state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?`).all(kind, nowMs, limit) as RawRow[]
    ).map(fromRaw);
  }

  /** Count of pending rows of one kind and the earliest time one of them is due. */
  laneDepth(kind: string): { pending: number; nextDueAt: number | null } {
    const r = this.db.prepare(`SELECT COUNT(*) AS n, MIN(next_attempt_at) AS due FROM outbox WHERE kind = ? AND state = 'pending'`).get(kind) as { n: number; due: number | null };
    return { pending: r.n, nextDueAt: r.due };
  }

  /** Kinds with pending rows. */
  pendingKinds(): string[] {
    return (this.db.prepare(`SELECT DISTINCT kind FROM outbox WHERE state = 'pending'`).all() as { kind: string }[]).map((r) => r.kind);
  }

  get(id: number): OutboxRow | undefined {
    const r = this.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as RawRow | undefined;
    return r && fromRaw(r);
  }

  /** Dead-lettered rows with their reason, for the technician screen (never deleted). */
  dead(): OutboxRow[] {
    return (this.db.prepare(`SELECT * FROM outbox WHERE state = 'dead' ORDER BY id`).all() as RawRow[]).map(fromRaw);
  }

  stats(): OutboxStats {
    const r = this.db
      .prepare(
        `SELECT SUM(state = 'pending') AS pending, SUM(state = 'dead') AS dead,
                MIN(CASE WHEN state = 'pending' THEN created_at END) AS oldest, MAX(delivered_at) AS last
         FROM outbox`,
      )
      .get() as { pending: number | null; dead: number | null; oldest: string | null; last: string | null };
    return { pending: r.pending ?? 0, dead: r.dead ?? 0, oldestCreatedAt: r.oldest, lastDeliveredAt: r.last };
  }

  /** Delivered; a complaint's personal text and mobile number leave the kiosk with it. */
  markDelivered(id: number, now: string): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = 'delivered', delivered_at = ?, last_error = NULL,
           payload_json = CASE WHEN kind = 'complaint' THEN json_remove(payload_json, '$.text', '$.mobile') ELSE payload_json END
         WHERE id = ?`,
      )
      .run(now, id);
  }

  recordFailure(id: number, error: string, nextAttemptAt: number, now = new Date().toISOString()): void {
    this.db
      .prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, last_attempt_at = ? WHERE id = ?')
      .run(error.slice(0, 500), nextAttemptAt, now, id);
  }

  markDead(id: number, error: string, now = new Date().toISOString()): void {
    this.db
      .prepare(`UPDATE outbox SET state = 'dead', attempts = attempts + 1, last_error = ?, last_attempt_at = ?, dead_at = ? WHERE id = ?`)
      .run(error.slice(0, 500), now, now, id);
  }

  /**
   * A dead letter back in its lane, same row and idempotency key, so the gateway still
   * deduplicates it. Returns false when the row is not dead.
   */
  requeue(id: number, now: string): boolean {
    const r = this.db
      .prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = 0, dead_at = NULL, last_error = ? WHERE id = ? AND state = 'dead'`)
      .run(`requeued at ${now}`, id);
    return r.changes === 1;
  }

  /** Per lane (kind): rows waiting, dead letters, and the oldest waiting row's creation time. */
  lanes(): { kind: string; pending: number; dead: number; oldestCreatedAt: string | null }[] {
    return this.db
      .prepare(
        `SELECT kind, SUM(state = 'pending') AS pending, SUM(state = 'dead') AS dead,
                MIN(CASE WHEN state = 'pending' THEN created_at END) AS oldestCreatedAt
         FROM outbox WHERE state <> 'delivered' GROUP BY kind ORDER BY kind`,
      )
      .all() as { kind: string; pending: number; dead: number; oldestCreatedAt: string | null }[];
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
