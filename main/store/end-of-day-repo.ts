import type { Db } from './database.ts';

export type EndOfDayStartedBy = 'scheduled' | 'technician';

/** One end of day as journaled: the terminal's totals beside the kiosk's for the same period. */
export interface EndOfDayRecord {
  id: number;
  at: string;
  startedBy: EndOfDayStartedBy;
  ok: boolean;
  resultCode: number | null;
  terminalId: string | null;
  terminalTotalMinor: number | null;
  terminalCount: number | null;
  /** When the period began: the previous successful end of day (null for the first one). */
  periodStart: string | null;
  fromRowid: number;
  toRowid: number;
  kioskTotalMinor: number;
  kioskCount: number;
  /** Payments of the period a technician has not settled yet: they may be in the terminal's total. */
  flaggedCount: number;
  /** Terminal minus kiosk; null when the terminal failed or sent no total. */
  differenceMinor: number | null;
  printLines: string[];
}

interface Raw {
  id: number;
  at: string;
  started_by: EndOfDayStartedBy;
  ok: 0 | 1;
  result_code: number | null;
  terminal_id: string | null;
  terminal_total_minor: number | null;
  terminal_count: number | null;
  period_start: string | null;
  from_rowid: number;
  to_rowid: number;
  kiosk_total_minor: number;
  kiosk_count: number;
  flagged_count: number;
  difference_minor: number | null;
  print_lines_json: string | null;
}

const fromRaw = (r: Raw): EndOfDayRecord => ({
  id: r.id,
  at: r.at,
  startedBy: r.started_by,
  ok: r.ok === 1,
  resultCode: r.result_code,
  terminalId: r.terminal_id,
  terminalTotalMinor: r.terminal_total_minor,
  terminalCount: r.terminal_count,
  periodStart: r.period_start,
  fromRowid: r.from_rowid,
  toRowid: r.to_rowid,
  kioskTotalMinor: r.kiosk_total_minor,
  kioskCount: r.kiosk_count,
  flaggedCount: r.flagged_count,
  differenceMinor: r.difference_minor,
  printLines: r.print_lines_json ? (JSON.parse(r.print_lines_json) as string[]) : [],
});

/** The end-of-day journal, and the kiosk's own totals over a range of the payment journal. */
export class EndOfDayRepo {
  constructor(private readonly db: Db) {}

  insert(e: Omit<EndOfDayRecord, 'id'>): number {
    const r = this.db
      .prepare(
        `INSERT INTO end_of_day (at, started_by, ok, result_code, terminal_id, terminal_total_minor, terminal_count, period_start,
           from_rowid, to_rowid, kiosk_total_minor, kiosk_count, flagged_count, difference_minor, print_lines_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        e.at, e.startedBy, e.ok ? 1 : 0, e.resultCode, e.terminalId, e.terminalTotalMinor, e.terminalCount, e.periodStart,
        e.fromRowid, e.toRowid, e.kioskTotalMinor, e.kioskCount, e.flaggedCount, e.differenceMinor,
        e.printLines.length > 0 ? JSON.stringify(e.printLines) : null,
      );
    return Number(r.lastInsertRowid);
  }

  get(id: number): EndOfDayRecord | undefined {
    const r = this.db.prepare('SELECT * FROM end_of_day WHERE id = ?').get(id) as Raw | undefined;
    return r && fromRaw(r);
  }

  /** The last end of day the terminal completed: the next period starts after it. */
  lastOk(): EndOfDayRecord | undefined {
    const r = this.db.prepare('SELECT * FROM end_of_day WHERE ok = 1 ORDER BY id DESC LIMIT 1').get() as Raw | undefined;
    return r && fromRaw(r);
  }

  recent(limit = 30): EndOfDayRecord[] {
    return (this.db.prepare('SELECT * FROM end_of_day ORDER BY id DESC LIMIT ?').all(limit) as Raw[]).map(fromRaw);
  }

  /** The journal's newest rowid: the end of the period being closed. */
  journalEnd(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(rowid), 0) AS n FROM transactions').get() as { n: number }).n;
  }

  /**
   * The kiosk's approved payments in (fromRowid, toRowid], on one terminal when its ID is known,
   * and how many payments of the range are still flagged (their charge is not known).
   */
  kioskTotals(fromRowid: number, toRowid: number, terminalId: string | null): { totalMinor: number; count: number; flagged: number } {
    const byTerminal = terminalId === null ? '' : `AND json_extract(terminal_json, '$.terminalId') = @terminalId`;
    const approved = this.db
      .prepare(`SELECT COALESCE(SUM(amount_minor), 0) AS total, COUNT(*) AS n FROM transactions WHERE rowid > @from AND rowid <= @to AND state = 'approved' ${byTerminal}`)
      .get({ from: fromRowid, to: toRowid, ...(terminalId !== null && { terminalId }) }) as { total: number; n: number };
    const flagged = this.db
      .prepare(`SELECT COUNT(*) AS n FROM transactions WHERE rowid > ? AND rowid <= ? AND state = 'flagged'`)
      .get(fromRowid, toRowid) as { n: number };
    return { totalMinor: approved.total, count: approved.n, flagged: flagged.n };
  }

  /** Whether a payment is between start and outcome: nothing else may use the terminal then. */
  paymentInProgress(): boolean {
    return this.db.prepare(`SELECT 1 FROM transactions WHERE state IN ('created', 'authorizing') LIMIT 1`).get() !== undefined;
  }
}
