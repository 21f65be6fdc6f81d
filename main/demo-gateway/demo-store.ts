import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WireBill, WireKioskRegistration, WirePaymentVerification, WirePosting } from '../gateway/wire.ts';
import { demoBills, demoPeople, type DemoPerson, type DemoProfile } from './seed.ts';
import { DemoRecords } from './demo-records.ts';

/**
 * The demo gateway's own database (a separate server: it never shares the kiosk's store):
 * bills it issues, people it knows, postings, complaints and tickets it accepted.
 */
export class DemoStore {
  readonly db: Database.Database;
  /** Complaints and queue tickets. */
  readonly records: DemoRecords;

  constructor(file: string, opts: { now?: () => Date; profile?: DemoProfile } = {}) {
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
      );
      CREATE INDEX IF NOT EXISTS postings_tx ON postings(transaction_id);
      CREATE TABLE IF NOT EXISTS people (national_id TEXT PRIMARY KEY, body_json TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS kiosks (
        centre TEXT NOT NULL, kiosk_number INTEGER NOT NULL, kiosk_id TEXT NOT NULL, registered_at TEXT NOT NULL,
        PRIMARY KEY (centre, kiosk_number)
      );`);
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO bills (bill_id, service, account, period, due_date, amount_minor, currency)
       VALUES (@billId, @service, @account, @period, @dueDate, @amountMinor, @currency)`,
    );
    const person = this.db.prepare('INSERT OR IGNORE INTO people (national_id, body_json) VALUES (?, ?)');
    this.db.transaction(() => {
      demoBills(opts.profile).forEach((b) => insert.run(b));
      demoPeople(opts.profile).forEach((p) => person.run(p.nationalId, JSON.stringify(p)));
    })();
    this.records = new DemoRecords(this.db, opts.now ?? (() => new Date()));
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
   * Registers a kiosk's number in its centre (named by its English location). Null when another
   * kiosk ID holds that number; a kiosk that changes its number gives up its old one.
   */
  registerKiosk(r: WireKioskRegistration, now: string): { kioskId: string; kioskNumber: number; registeredAt: string } | null {
    return this.db.transaction(() => {
      const centre = r.location.en;
      const holder = this.db.prepare('SELECT kiosk_id FROM kiosks WHERE centre = ? AND kiosk_number = ?').get(centre, r.kioskNumber) as { kiosk_id: string } | undefined;
      if (holder && holder.kiosk_id !== r.kioskId) return null;
      this.db.prepare('DELETE FROM kiosks WHERE centre = ? AND kiosk_id = ?').run(centre, r.kioskId);
      this.db.prepare('INSERT INTO kiosks (centre, kiosk_number, kiosk_id, registered_at) VALUES (?, ?, ?, ?)').run(centre, r.kioskNumber, r.kioskId, now);
      return { kioskId: r.kioskId, kioskNumber: r.kioskNumber, registeredAt: now };
    })();
  }

  person(nationalId: string): DemoPerson | undefined {
    const r = this.db.prepare('SELECT body_json FROM people WHERE national_id = ?').get(nationalId) as { body_json: string } | undefined;
    return r && (JSON.parse(r.body_json) as DemoPerson);
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

  /** What a receipt's verification link shows: the first posting of a kiosk transaction. */
  verification(transactionId: string): WirePaymentVerification | undefined {
    const r = this.db.prepare('SELECT * FROM postings WHERE transaction_id = ? ORDER BY received_at LIMIT 1').get(transactionId) as
      | { posting_id: string; body_json: string; received_at: string }
      | undefined;
    if (!r) return undefined;
    const body = JSON.parse(r.body_json) as WirePosting;
    return { transactionId, postingId: r.posting_id, amount: body.amount, postedAt: r.received_at };
  }

  countPostings(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM postings').get() as { n: number }).n;
  }

  /** Distinct kiosk transactions posted (a duplicate would show as count > distinct). */
  distinctPostedTransactions(): number {
    return (this.db.prepare('SELECT COUNT(DISTINCT transaction_id) AS n FROM postings').get() as { n: number }).n;
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
