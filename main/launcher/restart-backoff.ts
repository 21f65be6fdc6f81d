/**
 * Delays between restarts of something that keeps failing (the kiosk page, Chromium, the
 * core): quick at first so a one-off crash costs a second, doubling to a cap so a crash
 * loop does not spin the CPU. A run that stayed up for `stableMs` starts the count afresh.
 */
export class RestartBackoff {
  #attempt = 0;
  #lastAt = -Infinity;

  constructor(
    private readonly o: { baseMs: number; capMs: number; stableMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** The delay before the next restart; call once per failure. */
  next(): number {
    const t = this.now();
    if (t - this.#lastAt >= this.o.stableMs) this.#attempt = 0;
    this.#lastAt = t;
    return Math.min(this.o.capMs, this.o.baseMs * 2 ** Math.min(this.#attempt++, 30));
  }

  /** Failures in the current streak. */
  get attempts(): number {
    return this.#attempt;
  }
}
