import { KioskError } from '../contract/result.ts';

export interface GuessLimiterOptions {
  /** Milliseconds clock (injected in tests). */
  now: () => number;
  /** Wrong answers tolerated before any wait: a visitor's typos cost nothing. */
  freeFailures?: number;
  /** The first wait; each further wrong answer doubles it. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A wrong answer older than this no longer counts. */
  forgetAfterMs?: number;
  /** Told when a wrong answer starts a wait (for the log; never the values typed). */
  onSlowDown?: (info: { failures: number; waitMs: number }) => void;
}

export const GUESS_DEFAULTS = { freeFailures: 3, baseDelayMs: 5_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 6 * 60 * 60_000 } as const;

/**
 * One limiter for the whole kiosk, shared by every look-up that a guess could satisfy (receipt
 * reprint by reference, complaint status by tracking number). Wrong answers earn a growing wait;
 * during a wait every look-up is refused without being evaluated, so a guess that happens to be
 * right learns nothing either. Right answers add nothing: a visitor who types correctly never waits.
 */
export class GuessLimiter {
  readonly #o: Required<Omit<GuessLimiterOptions, 'onSlowDown'>> & Pick<GuessLimiterOptions, 'onSlowDown'>;
  #failures: number[] = [];
  #blockedUntil = 0;
  #refused = 0;

  constructor(o: GuessLimiterOptions) {
    this.#o = { ...GUESS_DEFAULTS, ...o };
  }

  /** Throws `tooManyAttempts` (with the wait in seconds) while a wait runs; call before a look-up. */
  check(): void {
    const wait = this.waitMs();
    if (wait <= 0) return;
    this.#refused++;
    throw new KioskError('tooManyAttempts', `too many wrong attempts at this kiosk: try again in ${Math.ceil(wait / 1000)} s`);
  }

  /** Records a wrong answer; returns the wait it imposes before the next look-up. */
  wrong(): number {
    const now = this.#o.now();
    this.#forget(now);
    this.#failures.push(now);
    const over = this.#failures.length - this.#o.freeFailures;
    if (over <= 0) return 0;
    const wait = Math.min(this.#o.maxDelayMs, this.#o.baseDelayMs * 2 ** Math.min(over - 1, 30));
    this.#blockedUntil = now + wait;
    this.#o.onSlowDown?.({ failures: this.#failures.length, waitMs: wait });
    return wait;
  }

  /** Milliseconds until the next look-up is allowed (0 when allowed now). */
  waitMs(): number {
    return Math.max(0, this.#blockedUntil - this.#o.now());
  }

  /** For the technician screen and tests: wrong answers still counting, look-ups refused so far. */
  stats(): { failures: number; refused: number } {
    this.#forget(this.#o.now());
    return { failures: this.#failures.length, refused: this.#refused };
  }

  #forget(now: number): void {
    const cutoff = now - this.#o.forgetAfterMs;
    while (this.#failures.length > 0 && this.#failures[0]! <= cutoff) this.#failures.shift();
  }
}
