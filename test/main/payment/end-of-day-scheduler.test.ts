import { describe, expect, it } from 'vitest';
import { EndOfDayScheduler, latestSlot } from '../../../main/payment/end-of-day-scheduler.ts';
import { silentLogger } from '../../../main/log/logger.ts';

/** A scheduler over an injected clock; `run` journals an "end of day" at the clock's time. */
function rig(at: string, start: string, timeZone = 'Asia/Kuwait', outcomes: boolean[] = []) {
  const clock = { t: Date.parse(start) };
  const runs: string[] = [];
  let lastOk: string | undefined;
  let busy = false;
  const s = new EndOfDayScheduler({
    at, timeZone, now: () => new Date(clock.t), lastOkAt: () => lastOk, busy: () => busy, log: silentLogger,
    run: async () => {
      const ok = outcomes.shift() ?? true;
      runs.push(`${new Date(clock.t).toISOString()}${ok ? '' : ' failed'}`);
      if (ok) lastOk = new Date(clock.t).toISOString();
      return { ok };
    },
  });
  const at_ = async (iso: string) => ((clock.t = Date.parse(iso)), s.tick());
  return { s, runs, at: at_, setBusy: (b: boolean) => (busy = b), clock };
}

describe('end-of-day scheduler (local time, injected clock)', () => {
  it('runs at 23:45 Kuwait time (20:45 UTC), once, and again the next local evening', async () => {
    const r = rig('23:45', '2026-03-31T12:00:00Z');
    expect(await r.at('2026-03-31T20:30:00Z')).toBe('notDue'); // 23:30 local
    expect(await r.at('2026-03-31T20:45:00Z')).toBe('ran'); // 23:45 local
    expect(await r.at('2026-03-31T20:50:00Z')).toBe('notDue');
    expect(await r.at('2026-03-31T21:30:00Z')).toBe('notDue'); // 00:30 local, 1 April: the day turned, the slot is tonight's
    expect(await r.at('2026-04-01T20:44:00Z')).toBe('notDue');
    expect(await r.at('2026-04-01T20:45:30Z')).toBe('ran');
    expect(r.runs).toEqual(['2026-03-31T20:45:00.000Z', '2026-04-01T20:45:30.000Z']);
  });

  it('a slot just after local midnight falls on the previous UTC day: 00:15 Kuwait is 21:15 UTC', async () => {
    const r = rig('00:15', '2026-03-31T12:00:00Z');
    expect(latestSlot(new Date('2026-03-31T21:30:00Z'), '00:15', 'Asia/Kuwait').toISOString()).toBe('2026-03-31T21:15:00.000Z');
    expect(await r.at('2026-03-31T21:10:00Z')).toBe('notDue'); // 00:10 local, 1 April
    expect(await r.at('2026-03-31T21:30:00Z')).toBe('ran'); // 00:30 local
    expect(await r.at('2026-04-01T00:15:00Z')).toBe('notDue'); // 00:15 UTC means nothing here
    expect(r.runs).toEqual(['2026-03-31T21:30:00.000Z']);
    // Qatar and Bahrain are UTC+3 too; the slot is the zone's, whatever the process's zone is.
    expect(latestSlot(new Date('2026-03-31T21:30:00Z'), '00:15', 'Asia/Qatar').toISOString()).toBe('2026-03-31T21:15:00.000Z');
    expect(latestSlot(new Date('2026-03-31T21:30:00Z'), '00:15', 'UTC').toISOString()).toBe('2026-03-31T00:15:00.000Z');
  });

  it('waits while a payment holds the terminal, then runs', async () => {
    const r = rig('23:45', '2026-03-31T12:00:00Z');
    r.setBusy(true);
    expect(await r.at('2026-03-31T20:46:00Z')).toBe('busy');
    r.setBusy(false);
    expect(await r.at('2026-03-31T20:46:30Z')).toBe('ran');
  });

  it('a failure is retried after the retry wait, at most four times per slot', async () => {
    const r = rig('23:45', '2026-03-31T12:00:00Z', 'Asia/Kuwait', [false, false, false, false, true]);
    expect(await r.at('2026-03-31T20:45:00Z')).toBe('failed');
    expect(await r.at('2026-03-31T20:50:00Z')).toBe('waitingToRetry');
    expect(await r.at('2026-03-31T21:00:00Z')).toBe('failed');
    expect(await r.at('2026-03-31T21:15:00Z')).toBe('failed');
    expect(await r.at('2026-03-31T21:30:00Z')).toBe('failed');
    expect(await r.at('2026-03-31T21:45:00Z')).toBe('gaveUp');
    expect(await r.at('2026-04-01T20:45:00Z')).toBe('ran'); // the next evening's slot starts afresh
  });

  it('a slot missed while the kiosk was off is caught up at the next start; a new kiosk waits for its first slot', async () => {
    const r = rig('23:45', '2026-03-30T12:00:00Z');
    expect(await r.at('2026-03-30T20:45:00Z')).toBe('ran');
    // Off from before the 31 March slot until 08:00 local on 1 April.
    expect(await r.at('2026-04-01T05:00:00Z')).toBe('ran');
    expect(await r.at('2026-04-01T05:01:00Z')).toBe('notDue');
    const fresh = rig('23:45', '2026-04-01T05:00:00Z');
    expect(await fresh.at('2026-04-01T05:00:00Z')).toBe('notDue');
    expect(() => rig('24:00', '2026-04-01T05:00:00Z')).toThrow(/HH:MM/);
  });
});
