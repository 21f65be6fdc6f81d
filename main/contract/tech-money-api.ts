import { z } from 'zod';
import type { CurrencyCode } from './types.ts';

/**
 * Technician mode's money desk (issue 12, item 5): flagged payments beside the terminal's
 * answer, retry, resolve (supervisor only), dead letters and requeue, lanes, end of day.
 * Nothing here carries a card number, civil number or name: items go by kind only (a bill's
 * reference holds an account number), and the terminal's answer comes without the masked card number.
 */
const transactionId = z.string().min(1).max(64);
const reason = z.string().trim().min(5, 'a reason of at least 5 characters is required').max(200);

export const techMoneyMethodParams = {
  'tech.money': z.object({}).strict(),
  'tech.retryFlagged': z.object({ transactionId }).strict(),
  /** Supervisor only: `approved` = the card was charged (needs the terminal's own approval), `aborted` = not charged. */
  'tech.resolveFlagged': z.object({ transactionId, outcome: z.enum(['approved', 'aborted']), reason }).strict(),
  'tech.requeue': z.object({ rowId: z.number().int().positive(), reason }).strict(),
  'tech.endOfDay': z.object({}).strict(),
  'tech.printEndOfDay': z.object({ id: z.number().int().positive(), locale: z.enum(['ar', 'en']) }).strict(),
} as const;

export type TechMoneyMethod = keyof typeof techMoneyMethodParams;

/** What the terminal said when it was last asked about a flagged payment. */
export type TerminalAnswerView =
  | { kind: 'approved'; amountMinor: number; traceNumber: number; receiptNumber: number; terminalId: string; authCode: string; cardType: string; localTime: string }
  | { kind: 'notApproved'; traceNumber?: number; resultCode?: number }
  | { kind: 'none' }
  | { kind: 'unavailable'; reason: string };

export interface TechFlaggedPayment {
  transactionId: string;
  reference: string | null;
  amountMinor: number;
  currency: CurrencyCode;
  /** When the kiosk started the payment, in the kiosk's local time ("YYYY-MM-DD HH:MM:SS"). */
  localTime: string;
  /** Why it waits, for the screen to say in its language; `reason` is the kiosk's own words (support). */
  reasonCode: 'terminalSilent' | 'laterPayments' | 'timeOutside' | 'rivalFlagged' | 'reversalFailed' | 'noChargeNow' | 'other';
  reason: string | null;
  items: { kind: string }[];
  /** Null until the terminal has been asked. */
  terminalAnswer: TerminalAnswerView | null;
  /** That approval is already another payment's (same terminal numbers, amount and time): "charged" is refused. */
  answerTaken: boolean;
}

export interface TechDeadLetter {
  rowId: number;
  kind: string;
  transactionId: string | null;
  attempts: number;
  reason: string | null;
  localTime: string;
}

export interface TechLane {
  kind: string;
  pending: number;
  dead: number;
  oldestAgeMs: number | null;
}

export interface TechEndOfDayView {
  id: number;
  localTime: string;
  startedBy: string;
  ok: boolean;
  resultCode: number | null;
  terminalTotalMinor: number | null;
  terminalCount: number | null;
  kioskTotalMinor: number;
  kioskCount: number;
  flaggedCount: number;
  differenceMinor: number | null;
  /** match: totals and counts agree; mismatch: they differ (an alert was raised); failed: the terminal refused. */
  verdict: 'match' | 'mismatch' | 'failed';
}

export interface TechMoneyView {
  currency: CurrencyCode;
  /** Only a supervisor may resolve a flagged payment; the screen hides what the core would refuse. */
  canResolve: boolean;
  flagged: TechFlaggedPayment[];
  deadLetters: TechDeadLetter[];
  lanes: TechLane[];
  endOfDay: TechEndOfDayView[];
}

export interface TechMoneyMethodResults {
  'tech.money': TechMoneyView;
  'tech.retryFlagged': { state: string };
  'tech.resolveFlagged': { state: string };
  'tech.requeue': null;
  'tech.endOfDay': TechEndOfDayView;
  'tech.printEndOfDay': { printed: boolean };
}
