import type { Db } from './database.ts';
import type { CurrencyCode, PaymentState, PostingState, ReceiptState } from '../contract/api.ts';

/** One paid item, as journaled: only what the receipt and the posting need. */
export interface TransactionItem {
  kind: 'bill' | 'fine' | 'donation';
  reference: string;
  detail?: string;
  entity: { ar: string; en: string };
  label: { ar: string; en: string };
  amountMinor: number;
}

export interface TerminalData {
  authCode: string;
  maskedPan: string;
  receiptNumber: number;
  traceNumber: number;
  terminalId: string;
  cardType: string;
  dateTime: string;
  /** The terminal's cardholder receipt lines, printed again on every copy of the receipt. */
  printLines?: string[];
}

export interface TransactionRow {
  id: string;
  kind: string;
  state: PaymentState;
  amountMinor: number;
  currency: CurrencyCode;
  items: TransactionItem[];
  receiptState: ReceiptState;
  postingState: PostingState;
  terminal: TerminalData | null;
  declineReason: string | null;
  locale: 'ar' | 'en';
  /** Short numeric reference printed on the receipt (null on rows older than migration 003). */
  reference: string | null;
  createdAt: string;
  updatedAt: string;
}

interface RawRow {
  id: string;
  kind: string;
  state: PaymentState;
  amount_minor: number;
  currency: CurrencyCode;
  items_json: string;
  receipt_state: ReceiptState;
  posting_state: PostingState;
  terminal_json: string | null;
  decline_reason: string | null;
  locale: 'ar' | 'en';
  reference: string | null;
  created_at: string;
  updated_at: string;
}

const fromRaw = (r: RawRow): TransactionRow => ({
  id: r.id,
  kind: r.kind,
  state: r.state,
  amountMinor: r.amount_minor,
  currency: r.currency,
  items: JSON.parse(r.items_json) as TransactionItem[],
  receiptState: r.receipt_state,
  postingState: r.posting_state,
  terminal: r.terminal_json ? (JSON.parse(r.terminal_json) as TerminalData) : null,
  declineReason: r.decline_reason,
  locale: r.locale,
  reference: r.reference ?? null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The payment journal. Every method is one statement; callers compose them in db.transaction. */
export class TransactionsRepo {
  constructor(private readonly db: Db) {}

  insert(t: { id: string; kind: string; amountMinor: number; currency: CurrencyCode; items: TransactionItem[]; locale: 'ar' | 'en'; now: string; reference?: string }): void {
    this.db
      .prepare(
        `INSERT INTO transactions (id, kind, state, amount_minor, currency, items_json, locale, created_at, updated_at, reference)
         VALUES (?, ?, 'created', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(t.id, t.kind, t.amountMinor, t.currency, JSON.stringify(t.items), t.locale, t.now, t.now, t.reference ?? null);
  }

  byReference(reference: string): TransactionRow | undefined {
    const r = this.db.prepare('SELECT * FROM transactions WHERE reference = ?').get(reference) as RawRow | undefined;
    return r && fromRaw(r);
  }

  get(id: string): TransactionRow | undefined {
    const r = this.db.prepare('SELECT * FROM transactions WHERE id = ?').get(id) as RawRow | undefined;
    return r && fromRaw(r);
  }

  inState(state: PaymentState): TransactionRow[] {
    return (this.db.prepare('SELECT * FROM transactions WHERE state = ? ORDER BY created_at').all(state) as RawRow[]).map(fromRaw);
  }

  /** Moves state only from the expected one, so a stale writer cannot overwrite a newer state. */
  transition(id: string, from: PaymentState, to: PaymentState, now: string, extra: { terminal?: TerminalData; declineReason?: string } = {}): void {
    const res = this.db
      .prepare(
        `UPDATE transactions SET state = ?, updated_at = ?,
           terminal_json = COALESCE(?, terminal_json), decline_reason = COALESCE(?, decline_reason)
         WHERE id = ? AND state = ?`,
      )
      .run(to, now, extra.terminal ? JSON.stringify(extra.terminal) : null, extra.declineReason ?? null, id, from);
    if (res.changes !== 1) throw new Error(`transaction ${id}: expected state ${from} for ${to}`);
  }

  /** Whether a terminal approval (by its receipt number) is already journaled. */
  hasReceipt(terminalId: string, receiptNumber: number): boolean {
    const r = this.db
      .prepare(
        `SELECT 1 FROM transactions WHERE json_extract(terminal_json, '$.terminalId') = ?
           AND json_extract(terminal_json, '$.receiptNumber') = ? LIMIT 1`,
      )
      .get(terminalId, receiptNumber);
    return r !== undefined;
  }

  /** The highest trace number this kiosk journaled for a terminal: anything at or below it is not new. */
  lastTrace(terminalId: string): number | undefined {
    const r = this.db
      .prepare(
        `SELECT json_extract(terminal_json, '$.traceNumber') AS t FROM transactions
         WHERE json_extract(terminal_json, '$.terminalId') = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
      )
      .get(terminalId) as { t: number } | undefined;
    return r?.t;
  }

  /** How many payments were started after this one (their terminal requests came later). */
  startedAfter(id: string): number {
    const r = this.db
      .prepare(`SELECT COUNT(*) AS n FROM transactions WHERE rowid > (SELECT rowid FROM transactions WHERE id = ?) AND state <> 'created'`)
      .get(id) as { n: number };
    return r.n;
  }

  /** Payments a technician must look at (the technician screen lists these). */
  flagged(): TransactionRow[] {
    return this.inState('flagged');
  }

  /** Whether this exact terminal approval (terminal, trace and receipt number) is journaled; receipt numbers alone wrap at 9999. */
  hasApproval(terminalId: string, traceNumber: number, receiptNumber: number): boolean {
    const r = this.db
      .prepare(
        `SELECT 1 FROM transactions WHERE json_extract(terminal_json, '$.terminalId') = ?
           AND json_extract(terminal_json, '$.receiptNumber') = ? AND json_extract(terminal_json, '$.traceNumber') = ? LIMIT 1`,
      )
      .get(terminalId, receiptNumber, traceNumber);
    return r !== undefined;
  }

  /** A printed receipt stays printed: a later failed copy does not undo it. */
  setReceiptState(id: string, state: ReceiptState, now: string): void {
    this.db.prepare(`UPDATE transactions SET receipt_state = ?, updated_at = ? WHERE id = ? AND NOT (receipt_state = 'printed' AND ? <> 'printed')`).run(state, now, id, state);
  }

  setPostingState(id: string, state: PostingState, now: string): void {
    this.db.prepare('UPDATE transactions SET posting_state = ?, updated_at = ? WHERE id = ?').run(state, now, id);
  }
}

