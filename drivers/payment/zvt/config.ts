import type { PaymentProgressCode } from '../terminal.ts';
import { DEFAULT_REG_CONFIG } from './codes.ts';

/**
 * Timeouts of the ECR side. Defaults follow the ZVT serial transport / application protocol
 * (ACK wait 5 s; command answer 80 00 00 within 5 s (T3); T4 180 s of silence at most while the
 * terminal holds master rights, restarted by every message and overridden by an intermediate
 * status that carries its own timeout byte).
 */
export interface ZvtTimeouts {
  ackMs: number;
  /** Inter-character silence inside a frame before it is dropped and NAKed. */
  charMs: number;
  commandAnswerMs: number;
  completionMs: number;
}

export const DEFAULT_TIMEOUTS: ZvtTimeouts = Object.freeze({
  ackMs: 5_000,
  charMs: 500,
  commandAnswerMs: 5_000,
  completionMs: 180_000,
});

export interface ZvtConfig {
  /** The terminal's 6-digit ZVT password. */
  password: string;
  /** ISO 4217 numeric currency sent at registration (KWD 414, BHD 48, QAR 634). */
  currencyNumeric: number;
  /** Registration config byte; default: intermediate status on, ECR prints receipts. */
  configByte?: number;
  timeouts?: Partial<ZvtTimeouts>;
  /** Resends after NAK (spec: at most 3). */
  maxResends?: number;
  /** Terminal-family quirks: 04 FF status codes that mean something else on that family. */
  progressOverrides?: ReadonlyMap<number, PaymentProgressCode>;
  /** Clock used to complete the year of the terminal's MMDD date; injectable for tests. */
  now?: () => Date;
  /** IANA zone the terminal's wall-clock dates are in (the kiosk's country); default: the process's. */
  timeZone?: string;
}

export interface ResolvedZvtConfig {
  password: string;
  currencyNumeric: number;
  configByte: number;
  timeouts: ZvtTimeouts;
  maxResends: number;
  progressOverrides?: ReadonlyMap<number, PaymentProgressCode>;
  now: () => Date;
  timeZone?: string;
}

export function resolveConfig(c: ZvtConfig): ResolvedZvtConfig {
  if (!/^\d{6}$/.test(c.password)) throw new RangeError('ZVT password must be 6 digits');
  if (!Number.isInteger(c.currencyNumeric) || c.currencyNumeric < 1 || c.currencyNumeric > 999) {
    throw new RangeError('currencyNumeric must be an ISO 4217 numeric code');
  }
  return {
    password: c.password,
    currencyNumeric: c.currencyNumeric,
    configByte: c.configByte ?? DEFAULT_REG_CONFIG,
    timeouts: { ...DEFAULT_TIMEOUTS, ...c.timeouts },
    maxResends: c.maxResends ?? 3,
    progressOverrides: c.progressOverrides,
    now: c.now ?? (() => new Date()),
    ...(c.timeZone && { timeZone: c.timeZone }),
  };
}
