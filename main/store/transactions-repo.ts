import type { Db } from './database.ts';
import type { CurrencyCode, PaymentState, PostingState, ReceiptState } from '../contract/api.ts';
import { PAYMENT_TRANSITIONS, POSTING_TRANSITIONS, RECEIPT_TRANSITIONS } from '../payment/payment-states.ts';

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
  /** For a flagged payment: what the terminal answered when asked (the technician compares). */
  terminalAnswer: unknown;
  /** A person's resolution of a flagged payment: who, when, why. */
  resolved: { by: string; at: string; reason: string; outcome: PaymentState } | null;
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
  terminal_answer_json: string | null;
  resolved_json: string | null;
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
  terminalAnswer: r.terminal_answer_json ? (JSON.parse(r.terminal_answer_json) as unknown) : null,
  resolved: r.resolved_json ? (JSON.parse(r.resolved_json) as TransactionRow['resolved']) : null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** A payment, receipt or posting moved from a state its table does not allow: a bug, never data. */
export class TransitionError extends Error {
  override name = 'TransitionError';
}

/** States in which a payment holds its items: being paid, paid, or waiting for a person. */
const HOLDING: readonly PaymentState[] = ['created', 'authorizing', 'approved', 'flagged'];

/** The payment (if any) that already holds an item: nobody may pay it again at this kiosk. */
export interface ItemHold {
  kind: string;
  reference: string;
  transactionId: string;
  state: PaymentState;
  postingState: PostingState;
  /** When the hold began (approval time for approved payments). */
  at: string;
}

/**
 * The payment journal. Every method is one statement; callers compose them in db.transaction.
 * The declared transition tables (payment-states.ts) are enforced here, where the rows change:
 * a move from the wrong state throws a TransitionError (and is reported through `onViolation`).
 */
export class TransactionsRepo {
  constructor(
    private readonly db: Db,
    private readonly onViolation: (message: string) => void = () => undefined,
  ) {}

  /** Inserts the payment and the items it holds. Call inside the transaction that checked `holds`. */
  insert(t: { id: string; kind: string; amountMinor: number; currency: CurrencyCode; items: TransactionItem[]; locale: 'ar' | 'en'; now: string; reference?: string }): void {
    this.db
      .prepare(
        `INSERT INTO transactions (id, kind, state, amount_minor, currency, items_json, locale, created_at, updated_at, reference)
         VALUES (?, ?, 'created', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(t.id, t.kind, t.amountMinor, t.currency, JSON.stringify(t.items), t.locale, t.now, t.now, t.reference ?? null);
    const item = this.db.prepare('INSERT OR IGNORE INTO transaction_items (transaction_id, kind, reference) VALUES (?, ?, ?)');
    for (const i of t.items) item.run(t.id, i.kind, i.reference);
  }

  /** Which of these items a payment at this kiosk already holds (donations are never held). */
  holds(items: readonly { kind: string; reference: string }[], exceptId?: string): ItemHold[] {
    const q = this.db.prepare(
      `SELECT i.kind, i.reference, t.id, t.state, t.posting_state, t.updated_at, t.created_at FROM transaction_items i
         JOIN transactions t ON t.id = i.transaction_id
       WHERE i.kind = ? AND i.reference = ? AND t.state IN (${HOLDING.map(() => '?').join(',')}) AND t.id IS NOT ?
       ORDER BY t.rowid DESC LIMIT 1`,
    );
    const out: ItemHold[] = [];
    for (const it of items) {
      if (it.kind === 'donation') continue;
      const r = q.get(it.kind, it.reference, ...HOLDING, exceptId ?? null) as
        | { kind: string; reference: string; id: string; state: PaymentState; posting_state: PostingState; updated_at: string; created_at: string }
        | undefined;
      if (r) out.push({ kind: r.kind, reference: r.reference, transactionId: r.id, state: r.state, postingState: r.posting_state, at: r.state === 'approved' ? r.updated_at : r.created_at });
    }
    return out;
  }

  byReference(reference: string): TransactionRow | undefined {
    const r = this.db.prepare('SELECT * FROM transactions WHERE reference = ?').get(reference) as RawRow | undefined;
    return r && fromRaw(r);
  }

  get(id: string): TransactionRow | undefined {
    const r = this.db.prepare('SELECT * FROM transactions WHERE id = ?').get(id) as RawRow | undefined;
    return r && fromRaw(r);
  }

  /** In the journal's own order (insertion), never wall-clock time. */
  inState(state: PaymentState): TransactionRow[] {
    return (this.db.prepare('SELECT * FROM transactions WHERE state = ? ORDER BY rowid').all(state) as RawRow[]).map(fromRaw);
  }

  #violation(message: string): never {
    this.onViolation(message);
    throw new TransitionError(message);
  }

  /** Moves state only from the expected one, so a stale writer cannot overwrite a newer state. */
  transition(id: string, from: PaymentState, to: PaymentState, now: string, extra: { terminal?: TerminalData; declineReason?: string } = {}): void {
    if (!PAYMENT_TRANSITIONS[from].includes(to)) this.#violation(`transaction ${id}: ${from} → ${to} is not a payment transition`);
    const res = this.db
      .prepare(
        `UPDATE transactions SET state = ?, updated_at = ?,
           terminal_json = COALESCE(?, terminal_json), decline_reason = COALESCE(?, decline_reason)
         WHERE id = ? AND state = ?`,
      )
      .run(to, now, extra.terminal ? JSON.stringify(extra.terminal) : null, extra.declineReason ?? null, id, from);
    if (res.changes !== 1) this.#violation(`transaction ${id}: expected state ${from} for ${to}`);
  }

  /** The receipt column, by RECEIPT_TRANSITIONS (a printed receipt is never downgraded). */
  setReceiptState(id: string, state: ReceiptState, now: string): void {
    const from = (RECEIPT_TRANSITIONS_FROM[state] ?? []) as readonly string[];
    const res = this.db
      .prepare(`UPDATE transactions SET receipt_state = ?, updated_at = ? WHERE id = ? AND receipt_state IN (${from.map(() => '?').join(',') || "''"})`)
      .run(state, now, id, ...from);
    if (res.changes !== 1) this.#violation(`transaction ${id}: receipt cannot become ${state} from ${this.get(id)?.receiptState ?? 'missing'}`);
  }

  /** The posting column, by POSTING_TRANSITIONS (delivered only after the gateway's ack). */
  setPostingState(id: string, state: PostingState, now: string): void {
    const from = (POSTING_TRANSITIONS_FROM[state] ?? []) as readonly string[];
    const res = this.db
      .prepare(`UPDATE transactions SET posting_state = ?, updated_at = ? WHERE id = ? AND posting_state IN (${from.map(() => '?').join(',') || "''"})`)
      .run(state, now, id, ...from);
    if (res.changes !== 1) this.#violation(`transaction ${id}: posting cannot become ${state} from ${this.get(id)?.postingState ?? 'missing'}`);
  }

  /** Kept beside a flagged payment: the terminal's own answer, for the technician to compare. */
  setTerminalAnswer(id: string, answer: unknown): void {
    this.db.prepare('UPDATE transactions SET terminal_answer_json = ? WHERE id = ?').run(JSON.stringify(answer), id);
  }

  /** A flagged payment asked again and still flagged: why it waits now (the answer may have changed). */
  setFlagReason(id: string, reason: string, now: string): void {
    this.db.prepare(`UPDATE transactions SET decline_reason = ?, updated_at = ? WHERE id = ? AND state = 'flagged'`).run(reason, now, id);
  }

  setResolved(id: string, resolved: NonNullable<TransactionRow['resolved']>): void {
    this.db.prepare('UPDATE transactions SET resolved_json = ? WHERE id = ?').run(JSON.stringify(resolved), id);
  }

  /**
   * Journaled approvals carrying the same terminal numbers (terminal ID, trace and receipt). A
   * terminal whose counters restarted reuses numbers, so a caller compares amount and time too.
   */
  approvalsWithNumbers(terminalId: string, traceNumber: number, receiptNumber: number): TransactionRow[] {
    return (
      this.db
        .prepare(
          `SELECT * FROM transactions WHERE json_extract(terminal_json, '$.terminalId') = ?
             AND json_extract(terminal_json, '$.receiptNumber') = ? AND json_extract(terminal_json, '$.traceNumber') = ?
           ORDER BY rowid`,
        )
        .all(terminalId, receiptNumber, traceNumber) as RawRow[]
    ).map(fromRaw);
  }

  /** The trace number of this terminal's latest journaled approval, in journal order. */
  lastTrace(terminalId: string): number | undefined {
    const r = this.db
      .prepare(`SELECT json_extract(terminal_json, '$.traceNumber') AS t FROM transactions WHERE json_extract(terminal_json, '$.terminalId') = ? ORDER BY rowid DESC LIMIT 1`)
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

  /** Payments a technician must look at, oldest first. */
  flagged(): TransactionRow[] {
    return this.inState('flagged');
  }
}

/** The tables turned around: for each target state, the states it may be reached from. */
function invert<S extends string>(table: Readonly<Record<S, readonly S[]>>): Partial<Record<S, S[]>> {
  const out: Partial<Record<S, S[]>> = {};
  for (const [from, tos] of Object.entries(table) as [S, readonly S[]][]) for (const to of tos) (out[to] ??= []).push(from);
  return out;
}
const RECEIPT_TRANSITIONS_FROM = invert(RECEIPT_TRANSITIONS);
const POSTING_TRANSITIONS_FROM = invert(POSTING_TRANSITIONS);
