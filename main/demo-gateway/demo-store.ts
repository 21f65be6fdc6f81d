import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WireBill, WireKioskRegistration, WirePaymentVerification, WirePosting, WirePostingAck } from '../gateway/wire.ts';
import { demoBills, demoPeople, type DemoPerson, type DemoProfile } from './seed.ts';
import { DemoRecords } from './demo-records.ts';

/** The acknowledgement's echo of a recorded posting. */
const echo = (postingId: string, key: string, p: WirePosting): WirePostingAck => ({
  postingId,
  duplicate: false,
  idempotencyKey: key,
  transactionId: p.transactionId,
  amount: p.amount,
  items: p.items.map((i) => ({ kind: i.kind, reference: i.reference, amountMinor: i.amountMinor })),
});

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
      CREATE TABLE IF NOT EXISTS fines (
        fine_id TEXT PRIMARY KEY, amount_minor INTEGER NOT NULL, currency TEXT NOT NULL, paid_by TEXT
      );
      CREATE TABLE IF NOT EXISTS credits (
        posting_id TEXT NOT NULL, reference TEXT NOT NULL, amount_minor INTEGER NOT NULL, reason TEXT NOT NULL,
        PRIMARY KEY (posting_id, reference)
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
    // People are seed data: replaced, so a demo database follows seed changes (e.g. opaque fine IDs).
    const person = this.db.prepare('INSERT OR REPLACE INTO people (national_id, body_json) VALUES (?, ?)');
    const fine = this.db.prepare('INSERT OR IGNORE INTO fines (fine_id, amount_minor, currency) VALUES (?, ?, ?)');
    // Demo databases made before acknowledgements echoed the posting lack this column.
    const columns = this.db.prepare('PRAGMA table_info(postings)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'ack_json')) this.db.exec('ALTER TABLE postings ADD COLUMN ack_json TEXT');
    this.db.transaction(() => {
      demoBills(opts.profile).forEach((b) => insert.run(b));
      for (const p of demoPeople(opts.profile)) {
        person.run(p.nationalId, JSON.stringify(p));
        for (const f of p.fines) fine.run(f.fineId, f.amount.amountMinor, f.amount.currency);
      }
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
   * Records a posting once per idempotency key, in one transaction with marking its bills and
   * fines paid, and answers with an acknowledgement echoing what was recorded. A key seen
   * before gets the first answer again. Refused (nothing recorded): an amount that is not the
   * sum of the items, or an item whose amount or currency is not the bill's or fine's. A bill
   * or fine already paid by another transaction is accepted and recorded as a credit owed
   * (overpayment, reason alreadyPaid), never merged into the first payment. References this
   * gateway does not issue (another biller's, donations) are recorded unchecked.
   */
  recordPosting(key: string, posting: WirePosting, now: string): WirePostingAck | { refused: { code: 'amountMismatch'; message: string } } {
    return this.db.transaction(() => {
      const seen = this.db.prepare('SELECT * FROM postings WHERE idempotency_key = ?').get(key) as { posting_id: string; body_json: string; ack_json: string | null } | undefined;
      if (seen) {
        const first = seen.ack_json ? (JSON.parse(seen.ack_json) as WirePostingAck) : echo(seen.posting_id, key, JSON.parse(seen.body_json) as WirePosting);
        return { ...first, duplicate: true };
      }
      const refuse = (message: string) => ({ refused: { code: 'amountMismatch' as const, message } });
      const sum = posting.items.reduce((n, i) => n + i.amountMinor, 0);
      if (sum !== posting.amount.amountMinor) return refuse(`posting amount ${posting.amount.amountMinor} is not the sum of its items (${sum})`);
      const alreadyPaid: { reference: string; amountMinor: number }[] = [];
      const held: { table: 'bills' | 'fines'; reference: string }[] = [];
      for (const item of posting.items) {
        if (item.kind === 'donation') continue;
        const table = item.kind === 'bill' ? 'bills' : 'fines';
        const id = item.kind === 'bill' ? 'bill_id' : 'fine_id';
        const row = this.db.prepare(`SELECT amount_minor, currency, paid_by FROM ${table} WHERE ${id} = ?`).get(item.reference) as
          | { amount_minor: number; currency: string; paid_by: string | null }
          | undefined;
        if (!row) continue;
        if (row.amount_minor !== item.amountMinor || row.currency !== posting.amount.currency) {
          return refuse(`${item.kind} ${item.reference}: paid ${item.amountMinor} ${posting.amount.currency}, outstanding ${row.amount_minor} ${row.currency}`);
        }
        if (row.paid_by !== null && row.paid_by !== posting.transactionId) alreadyPaid.push(item);
        else held.push({ table, reference: item.reference });
      }
      const postingId = `P-${(this.countPostings() + 1).toString().padStart(8, '0')}`;
      const overpaid = alreadyPaid.reduce((n, i) => n + i.amountMinor, 0);
      const ack: WirePostingAck = {
        ...echo(postingId, key, posting),
        ...(alreadyPaid.length > 0 && { overpayment: { amountMinor: overpaid, reason: 'alreadyPaid' as const, references: alreadyPaid.map((i) => i.reference) } }),
      };
      this.db
        .prepare('INSERT INTO postings (posting_id, idempotency_key, transaction_id, body_json, received_at, ack_json) VALUES (?, ?, ?, ?, ?, ?)')
        .run(postingId, key, posting.transactionId, JSON.stringify(posting), now, JSON.stringify(ack));
      for (const h of held) this.db.prepare(`UPDATE ${h.table} SET paid_by = ? WHERE ${h.table === 'bills' ? 'bill_id' : 'fine_id'} = ? AND paid_by IS NULL`).run(posting.transactionId, h.reference);
      const credit = this.db.prepare("INSERT INTO credits (posting_id, reference, amount_minor, reason) VALUES (?, ?, ?, 'alreadyPaid')");
      for (const i of alreadyPaid) credit.run(postingId, i.reference, i.amountMinor);
      return ack;
    })();
  }

  /** Credits owed for payments of items already paid (what the entity must refund or credit). */
  credits(): { postingId: string; reference: string; amountMinor: number; reason: string }[] {
    const rows = this.db.prepare('SELECT * FROM credits ORDER BY posting_id').all() as { posting_id: string; reference: string; amount_minor: number; reason: string }[];
    return rows.map((r) => ({ postingId: r.posting_id, reference: r.reference, amountMinor: r.amount_minor, reason: r.reason }));
  }

  /** Fine IDs that are paid (the fines query no longer lists them). */
  paidFines(): Set<string> {
    return new Set((this.db.prepare('SELECT fine_id FROM fines WHERE paid_by IS NOT NULL').all() as { fine_id: string }[]).map((r) => r.fine_id));
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
