import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SimCard } from './rules.ts';

export interface JournalEntry {
  kind: 'payment' | 'reversal' | 'endOfDay';
  approved: boolean;
  resultCode: number;
  traceNumber: number;
  /** Only approved receipts get a receipt number. */
  receiptNumber?: number;
  amountMinor: number;
  currencyNumeric: number;
  maskedPan?: string;
  cardType?: number;
  cardName?: string;
  authCode?: string;
  /** MMDD and HHMMSS as the terminal reports them. */
  date: string;
  time: string;
  /** For a reversal: the receipt it reversed. */
  originalReceipt?: number;
  originalTrace?: number;
  reversed?: boolean;
  /** Settled by an end of day. */
  settled?: boolean;
}


/**
 * The terminal's own journal: trace numbers (6 digits) and receipt numbers (4 digits) increase
 * and wrap as a real terminal's do. It survives link changes, so reconciliation has something real to ask.
 */
export class SimJournal {
  readonly #entries: JournalEntry[] = [];
  #trace: number;
  #receipt: number;
  readonly #now: () => Date;

  readonly #file: string | undefined;

  /**
   * With `file`, the journal and its counters are kept on disk across restarts, as a real
   * terminal keeps them: a restarted simulator must not reuse trace and receipt numbers.
   */
  readonly #timeZone: string;

  constructor(options: { firstTrace?: number; firstReceipt?: number; now?: () => Date; file?: string; timeZone?: string } = {}) {
    this.#timeZone = options.timeZone ?? 'Asia/Kuwait';
    this.#trace = (options.firstTrace ?? 1) - 1;
    this.#receipt = (options.firstReceipt ?? 1) - 1;
    this.#now = options.now ?? (() => new Date());
    this.#file = options.file;
    if (this.#file && existsSync(this.#file)) {
      const saved = JSON.parse(readFileSync(this.#file, 'utf8')) as { trace: number; receipt: number; entries: JournalEntry[] };
      this.#trace = saved.trace;
      this.#receipt = saved.receipt;
      this.#entries.push(...saved.entries);
    }
  }

  /** Written whole and renamed into place, so a kill mid-write leaves the previous journal. */
  #save(): void {
    if (!this.#file) return;
    const tmp = `${this.#file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ trace: this.#trace, receipt: this.#receipt, entries: this.#entries.slice(-500) }), { mode: 0o600 });
    renameSync(tmp, this.#file);
  }

  get entries(): readonly JournalEntry[] {
    return this.#entries;
  }

  last(): JournalEntry | undefined {
    return this.#entries[this.#entries.length - 1];
  }

  findPayment(receiptNumber: number): JournalEntry | undefined {
    return this.#entries.find((e) => e.kind === 'payment' && e.approved && e.receiptNumber === receiptNumber);
  }

  /** MMDD and HHMMSS on the terminal's own wall clock (its time zone, not the host's). */
  #stamp(): { date: string; time: string } {
    const f = new Intl.DateTimeFormat('en-GB', { timeZone: this.#timeZone, hourCycle: 'h23', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const p: Record<string, string> = {};
    for (const part of f.formatToParts(this.#now())) p[part.type] = part.value;
    return { date: `${p.month}${p.day}`, time: `${p.hour}${p.minute}${p.second}` };
  }

  #nextTrace(): number {
    this.#trace = (this.#trace % 999_999) + 1;
    return this.#trace;
  }

  #nextReceipt(): number {
    this.#receipt = (this.#receipt % 9_999) + 1;
    return this.#receipt;
  }

  recordPayment(amountMinor: number, currencyNumeric: number, card: SimCard, resultCode: number): JournalEntry {
    const approved = resultCode === 0;
    const traceNumber = this.#nextTrace();
    const entry: JournalEntry = {
      kind: 'payment', approved, resultCode, traceNumber, amountMinor, currencyNumeric, ...this.#stamp(),
      maskedPan: card.maskedPan, cardType: card.cardType, cardName: card.cardName,
    };
    if (approved) {
      entry.receiptNumber = this.#nextReceipt();
      entry.authCode = String(100000 + ((traceNumber * 7919) % 900000));
    }
    this.#entries.push(entry);
    this.#save();
    return entry;
  }

  recordReversal(original: JournalEntry): JournalEntry {
    original.reversed = true;
    const entry: JournalEntry = {
      kind: 'reversal', approved: true, resultCode: 0, traceNumber: this.#nextTrace(), receiptNumber: this.#nextReceipt(),
      amountMinor: original.amountMinor, currencyNumeric: original.currencyNumeric, ...this.#stamp(),
      maskedPan: original.maskedPan, cardType: original.cardType, cardName: original.cardName,
      originalReceipt: original.receiptNumber, originalTrace: original.traceNumber,
    };
    this.#entries.push(entry);
    this.#save();
    return entry;
  }

  /** Settles open payments; the totals are net of reversed ones. */
  closeDay(currencyNumeric: number): { entry: JournalEntry; count: number; firstReceipt: number; lastReceipt: number } {
    const open = this.#entries.filter((e) => e.kind === 'payment' && e.approved && !e.settled);
    const counted = open.filter((e) => !e.reversed);
    const receipts = open.map((e) => e.receiptNumber ?? 0);
    for (const e of this.#entries) if (e.kind !== 'endOfDay') e.settled = true;
    const entry: JournalEntry = {
      kind: 'endOfDay', approved: true, resultCode: 0, traceNumber: this.#nextTrace(), receiptNumber: this.#nextReceipt(),
      amountMinor: counted.reduce((n, e) => n + e.amountMinor, 0), currencyNumeric, ...this.#stamp(),
    };
    this.#entries.push(entry);
    this.#save();
    return {
      entry,
      count: counted.length,
      firstReceipt: receipts.length ? Math.min(...receipts) : 0,
      lastReceipt: receipts.length ? Math.max(...receipts) : 0,
    };
  }
}
