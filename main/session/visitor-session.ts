import { randomUUID } from 'node:crypto';
import type { Locale, Payable } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';

interface SessionData {
  id: string;
  locale: Locale;
  startedAt: number;
  /** What this visitor may pay (fetched bills and fines, chosen donations); payments may only use these. */
  payables: Map<string, Payable>;
  /** Tracking numbers of complaints filed in this session (only these may be printed from it). */
  complaints: Set<string>;
  /** The visitor's civil number, from a scan or the keypad. Personal data: memory only. */
  identity: { nationalId: string; source: 'scan' | 'keypad'; documentExpired: boolean } | undefined;
}

/**
 * The current visitor, in memory only. Everything personal the kiosk learns lives here and
 * is dropped on end(): session end, idle reset and restart all go through it.
 */
export class VisitorSessions {
  #current: SessionData | undefined;

  start(locale: Locale): string {
    this.#current = { id: randomUUID(), locale, startedAt: Date.now(), payables: new Map(), complaints: new Set(), identity: undefined };
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

  rememberPayable(p: Payable): void {
    this.require().payables.set(p.payableId, p);
  }

  setIdentity(identity: SessionData['identity']): void {
    this.require().identity = identity;
  }

  end(): void {
    this.#current?.payables.clear();
    this.#current?.complaints.clear();
    if (this.#current) this.#current.identity = undefined;
    this.#current = undefined;
  }
}
