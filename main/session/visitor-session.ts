import { randomUUID } from 'node:crypto';
import type { Bill, Locale } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';

interface SessionData {
  id: string;
  locale: Locale;
  startedAt: number;
  /** Bills fetched for this visitor; payments may only use these (the renderer cannot invent amounts). */
  bills: Map<string, Bill>;
}

/**
 * The current visitor, in memory only. Everything personal the kiosk learns lives here and
 * is dropped on end(): session end, idle reset and restart all go through it.
 */
export class VisitorSessions {
  #current: SessionData | undefined;

  start(locale: Locale): string {
    this.#current = { id: randomUUID(), locale, startedAt: Date.now(), bills: new Map() };
    return this.#current.id;
  }

  require(): SessionData {
    if (!this.#current) throw new KioskError('noSession', 'no visitor session: start one first');
    return this.#current;
  }

  get current(): Readonly<SessionData> | undefined {
    return this.#current;
  }

  setLocale(locale: Locale): void {
    this.require().locale = locale;
  }

  rememberBill(bill: Bill): void {
    this.require().bills.set(bill.billId, bill);
  }

  end(): void {
    this.#current?.bills.clear();
    this.#current = undefined;
  }
}
