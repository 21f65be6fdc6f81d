import type { Logger } from '../log/logger.ts';
import { localParts } from '../numbering/local-time.ts';

export interface EndOfDaySchedulerDeps {
  /** Local time of day, "HH:MM" in `timeZone` (config paymentTerminal.endOfDayAt). */
  at: string;
  timeZone: string;
  now: () => Date;
  /** When the last successful end of day ran (ISO), from the journal: a restart does not repeat it. */
  lastOkAt: () => string | undefined;
  /** Whether a payment (or an end of day) holds the terminal: then the next tick tries again. */
  busy: () => boolean;
  run: () => Promise<{ ok: boolean }>;
  log: Logger;
  /** How often the clock is looked at (default 30 s). */
  tickMs?: number;
  /** After a failed end of day, the wait before the next try (default 15 min), at most `maxTries` per day. */
  retryMs?: number;
  maxTries?: number;
}

export type TickResult = 'notDue' | 'busy' | 'waitingToRetry' | 'gaveUp' | 'ran' | 'failed';

const MINUTE = 60_000;

/**
 * The instant of the latest scheduled slot at or before `now`: today's HH:MM in the zone if it
 * has passed, else yesterday's. Wall time → instant by the zone's offset at that moment.
 */
export function latestSlot(now: Date, at: string, timeZone: string): Date {
  const [hh, mm] = at.split(':').map(Number) as [number, number];
  const p = localParts(now, timeZone);
  const slotFor = (dayOffset: number): Date => {
    const wall = Date.UTC(p.year, p.month - 1, p.day + dayOffset, hh, mm);
    // The zone's offset at (about) that wall time; read twice so a DST edge settles.
    let guess = wall;
    for (let i = 0; i < 2; i++) {
      const q = localParts(new Date(guess), timeZone);
      guess = wall - (Date.UTC(q.year, q.month - 1, q.day, q.hour, q.minute) - guess);
    }
    return new Date(guess);
  };
  const today = slotFor(0);
  return today.getTime() <= now.getTime() ? today : slotFor(-1);
}

/**
 * Runs the terminal's end of day once per local day at the configured time, catching up a slot
 * missed while the kiosk was off; waits while a payment is in progress; retries a failure a few
 * times. The clock is injected and `tick()` is public, so a day boundary is tested in no time.
 */
export class EndOfDayScheduler {
  #timer: ReturnType<typeof setInterval> | undefined;
  #ticking = false;
  #tries = new Map<number, { count: number; lastAt: number }>();
  /** A kiosk that never closed a day starts counting now: no catch-up of slots before its first start. */
  readonly #since: number;

  constructor(private readonly d: EndOfDaySchedulerDeps) {
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(d.at)) throw new RangeError(`end-of-day time must be HH:MM, got ${d.at}`);
    this.#since = d.now().getTime();
  }

  start(): void {
    this.stop();
    this.#timer = setInterval(() => void this.tick(), this.d.tickMs ?? 30_000);
    this.#timer.unref?.();
    void this.tick();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  async tick(): Promise<TickResult> {
    if (this.#ticking) return 'busy';
    const now = this.d.now();
    const slot = latestSlot(now, this.d.at, this.d.timeZone).getTime();
    const last = this.d.lastOkAt();
    if ((last === undefined ? this.#since : Date.parse(last)) >= slot) return 'notDue';
    const tries = this.#tries.get(slot) ?? { count: 0, lastAt: 0 };
    if (tries.count >= (this.d.maxTries ?? 4)) return 'gaveUp';
    if (tries.count > 0 && now.getTime() - tries.lastAt < (this.d.retryMs ?? 15 * MINUTE)) return 'waitingToRetry';
    if (this.d.busy()) return 'busy';
    this.#ticking = true;
    try {
      this.#tries.set(slot, { count: tries.count + 1, lastAt: now.getTime() });
      const r = await this.d.run().catch((err: unknown) => {
        this.d.log.error('endOfDay', 'scheduled end of day failed', { error: String(err) });
        return { ok: false };
      });
      if (r.ok) this.#tries.clear();
      else if (tries.count + 1 >= (this.d.maxTries ?? 4)) this.d.log.error('endOfDay', 'scheduled end of day gave up until the next slot', { tries: tries.count + 1 });
      return r.ok ? 'ran' : 'failed';
    } finally {
      this.#ticking = false;
    }
  }
}
