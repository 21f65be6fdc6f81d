import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay } from '../../../main/outbox/backoff.ts';

const opts = fc.record({ baseMs: fc.integer({ min: 1, max: 10_000 }), capMs: fc.integer({ min: 1, max: 600_000 }) });

describe('outbox backoff schedule', () => {
  it('stays within [exp/2, exp] where exp = min(cap, base·2^attempt): jittered, capped, never negative', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), opts, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, o, r) => {
        const exp = Math.min(o.capMs, o.baseMs * 2 ** Math.min(attempt, 30));
        const d = backoffDelay(attempt, o, () => r);
        expect(Number.isInteger(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(Math.floor(exp / 2));
        expect(d).toBeLessThanOrEqual(exp);
        expect(d).toBeLessThanOrEqual(o.capMs);
      }),
    );
  });

  it('the ceiling never shrinks as attempts grow (same jitter draw)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100 }), opts, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, o, r) => {
        expect(backoffDelay(attempt + 1, o, () => r)).toBeGreaterThanOrEqual(backoffDelay(attempt, o, () => r));
      }),
    );
  });

  it('jitter spreads a fleet: 1,000 kiosks at the same attempt do not retry at one instant', () => {
    const delays = new Set(Array.from({ length: 1000 }, () => backoffDelay(5, { baseMs: 1000, capMs: 60_000 })));
    expect(delays.size).toBeGreaterThan(500);
  });
});
