import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cornerTapDetector, CORNER_GESTURE } from '../../../../renderer/src/screens/tech/corner-gesture.ts';

describe('the hidden corner gesture', () => {
  it('five taps in the corner within three seconds open it; four, or a tap elsewhere between, do not', () => {
    const d = cornerTapDetector();
    expect([0, 400, 800, 1200].map((t) => d.tap(10, 10, t))).toEqual([false, false, false, false]);
    expect(d.tap(30, 40, 1600)).toBe(true);
    const e = cornerTapDetector();
    for (const t of [0, 300, 600, 900]) e.tap(10, 10, t);
    expect(e.tap(500, 900, 1000)).toBe(false); // the visitor touched the screen proper
    expect(e.tap(10, 10, 1100)).toBe(false);
  });

  it('slow taps never add up', () => {
    const d = cornerTapDetector();
    expect([0, 1000, 2000, 3000, 4000, 5000, 6000].some((t) => d.tap(5, 5, t))).toBe(false);
  });

  it('random taps anywhere but the corner never open it', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.integer({ min: CORNER_GESTURE.size + 1, max: 1080 }), y: fc.integer({ min: 0, max: 1920 }), dt: fc.integer({ min: 0, max: 500 }) }), { maxLength: 200 }), (taps) => {
        const d = cornerTapDetector();
        let t = 0;
        return taps.every((p) => !d.tap(p.x, p.y, (t += p.dt)));
      }),
    );
  });
});
