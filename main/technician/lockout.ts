import type { Db } from '../store/database.ts';

export interface LockoutPolicy {
  /** Wrong PINs allowed before entry locks. */
  attempts: number;
  /** First lock; each further wrong PIN while past the limit doubles it. */
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { attempts: 5, baseMs: 60_000, maxMs: 60 * 60_000 };

export interface LockoutState {
  locked: boolean;
  /** Milliseconds until a PIN may be tried again. */
  retryInMs: number;
  attemptsLeft: number;
}

/**
 * Wrong-PIN counting in SQLite, so pulling the plug does not reset it. After `attempts`
 * wrong PINs entry locks for baseMs, and every wrong PIN after that doubles the delay.
 */
export class PinLockout {
  constructor(
    private readonly db: Db,
    private readonly policy: LockoutPolicy = DEFAULT_LOCKOUT,
  ) {}

  #row(): { failures: number; locked_until: number } {
    return this.db.prepare('SELECT failures, locked_until FROM technician_lockout WHERE id = 1').get() as { failures: number; locked_until: number };
  }

  state(nowMs: number): LockoutState {
    const r = this.#row();
    const retryInMs = Math.max(0, r.locked_until - nowMs);
    return { locked: retryInMs > 0, retryInMs, attemptsLeft: Math.max(0, this.policy.attempts - r.failures) };
  }

  failed(nowMs: number): LockoutState {
    const failures = this.#row().failures + 1;
    const over = failures - this.policy.attempts;
    const lockedUntil = over >= 0 ? nowMs + Math.min(this.policy.maxMs, this.policy.baseMs * 2 ** over) : 0;
    this.db.prepare('UPDATE technician_lockout SET failures = ?, locked_until = ? WHERE id = 1').run(failures, lockedUntil);
    return this.state(nowMs);
  }

  succeeded(): void {
    this.db.prepare('UPDATE technician_lockout SET failures = 0, locked_until = 0 WHERE id = 1').run();
  }
}
