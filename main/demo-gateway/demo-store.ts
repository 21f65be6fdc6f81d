import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WireBill, WirePosting } from '../gateway/wire.ts';
import { demoBills } from './seed.ts';

/** The demo gateway's own database: bills it issues and postings it accepted. */
export class DemoStore {
  readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS bills (
        bill_id TEXT PRIMARY KEY, service TEXT NOT NULL, account TEXT NOT NULL, period TEXT NOT NULL,
        due_date TEXT NOT NULL, amount_minor INTEGER NOT NULL, currency TEXT NOT NULL, paid_by TEXT
      );
      CREATE TABLE IF NOT EXISTS postings (
        posting_id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, transaction_id TEXT NOT NULL,
        body_json TEXT NOT NULL, received_at TEXT NOT NULL
      );`);
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO bills (bill_id, service, account, period, due_date, amount_minor, currency)
       VALUES (@billId, @service, @account, @period, @dueDate, @amountMinor, @currency)`,
    );
    this.db.transaction(() => demoBills().forEach((b) => insert.run(b)))();
  }

  outstandingBill(service: string, account: string): Omit<WireBill, 'entity'> | undefined {
    const r = this.db
      .prepare(`SELECT * FROM bills WHERE service = ? AND account = ? AND paid_by IS NULL ORDER BY period LIMIT 1`)
      .get(service, account) as
      | { bill_id: string; service: WireBill['service']; account: string; period: string; due_date: string; amount_minor: number; currency: WireBill['amount']['currency'] }
      | undefined;
    if (!r) return undefined;
    return {
      billId: r.bill_id,
      service: r.service,
      account: r.account,
      period: r.period,
      dueDate: r.due_date,
      amount: { amountMinor: r.amount_minor, currency: r.currency },
    };
  }

  /**
   * Records a posting once per idempotency key, in one transaction with marking the bills
   * paid. Returns the existing posting when the key was seen before.
   */
  recordPosting(key: string, posting: WirePosting, now: string): { postingId: string; duplicate: boolean } {
    return this.db.transaction(() => {
      const seen = this.db.prepare('SELECT posting_id FROM postings WHERE idempotency_key = ?').get(key) as { posting_id: string } | undefined;
      if (seen) return { postingId: seen.posting_id, duplicate: true };
      const postingId = `P-${(this.countPostings() + 1).toString().padStart(8, '0')}`;
      this.db
        .prepare('INSERT INTO postings (posting_id, idempotency_key, transaction_id, body_json, received_at) VALUES (?, ?, ?, ?, ?)')
        .run(postingId, key, posting.transactionId, JSON.stringify(posting), now);
      const pay = this.db.prepare('UPDATE bills SET paid_by = ? WHERE bill_id = ? AND paid_by IS NULL');
      for (const item of posting.items) if (item.kind === 'bill') pay.run(posting.transactionId, item.reference);
      return { postingId, duplicate: false };
    })();
  }

  countPostings(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM postings').get() as { n: number }).n;
  }

  postingsFor(transactionId: string): { postingId: string; idempotencyKey: string; body: WirePosting }[] {
    const rows = this.db.prepare('SELECT * FROM postings WHERE transaction_id = ?').all(transactionId) as {
      posting_id: string;
      idempotency_key: string;
      body_json: string;
    }[];
    return rows.map((r) => ({ postingId: r.posting_id, idempotencyKey: r.idempotency_key, body: JSON.parse(r.body_json) as WirePosting }));
  }

  close(): void {
    this.db.close();
  }
}
