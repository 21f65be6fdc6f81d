import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { A11Y_MODES, anyModeOn, defaultModes, idleTiming, modeClasses, type A11yModes } from '../../../../renderer/src/a11y/modes.ts';

const modesArb = fc.record(Object.fromEntries(A11Y_MODES.map((m) => [m, fc.boolean()])) as Record<keyof A11yModes, fc.Arbitrary<boolean>>);

describe('accessibility modes', () => {
  it('defaults are all off', () => {
    expect(anyModeOn(defaultModes)).toBe(false);
    expect(modeClasses(defaultModes)).toEqual([]);
  });

  it('each visual mode maps to exactly its class', () => {
    fc.assert(
      fc.property(modesArb, (m) => {
        const c = modeClasses(m);
        expect(c.includes('a11y-large')).toBe(m.largeText);
        expect(c.includes('a11y-contrast')).toBe(m.highContrast);
        expect(c.includes('a11y-low')).toBe(m.lowReach);
        expect(anyModeOn(m)).toBe(Object.values(m).some(Boolean));
      }),
    );
  });

  it('"more time" doubles the idle time and the countdown, and nothing else does', () => {
    fc.assert(
      fc.property(modesArb, fc.integer({ min: 5, max: 3600 }), fc.integer({ min: 3, max: 120 }), (m, seconds, warningSeconds) => {
        const f = m.moreTime ? 2 : 1;
        expect(idleTiming({ seconds, warningSeconds }, m)).toEqual({ seconds: seconds * f, warningSeconds: warningSeconds * f });
      }),
    );
  });
});
