import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { current, initialState, reducer, type Action, type AppState } from '../../../renderer/src/state.ts';

const screens = [{ name: 'home' }, { name: 'payMenu' }, { name: 'complaint' }, { name: 'search' }, { name: 'inquiryMenu' }] as const;
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.constantFrom(...screens).map((screen) => ({ type: 'go' as const, screen })),
  fc.constant({ type: 'back' as const }),
  fc.constant({ type: 'home' as const }),
  fc.constantFrom('ar' as const, 'en' as const).map((locale) => ({ type: 'locale' as const, locale })),
  fc.record({ largeText: fc.boolean(), highContrast: fc.boolean(), lowReach: fc.boolean(), speech: fc.boolean(), moreTime: fc.boolean() }).map((modes) => ({ type: 'a11y' as const, modes })),
  fc.constantFrom('help' as const, 'a11y' as const, undefined).map((overlay) => ({ type: 'overlay' as const, overlay })),
  fc.constant({ type: 'identity' as const, identity: { present: true as const, masked: '2••••••••009', source: 'scan' as const, documentExpired: false } }),
  fc.constant({ type: 'error' as const, error: 'generic' }),
  fc.boolean().map((online) => ({ type: 'online' as const, online })),
);

describe('renderer state', () => {
  it('reset leaves nothing of the visitor: screens, identity, modes, panels, errors, language', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
        const before = actions.reduce<AppState>(reducer, { ...initialState, stack: [{ name: 'home' }] });
        const after = reducer(before, { type: 'reset' });
        expect(after).toEqual({ ...initialState, online: before.online, devices: before.devices });
      }),
    );
  });

  it('back never goes below the home screen, and never leaves a payment in progress', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
        const s = actions.reduce<AppState>(reducer, { ...initialState, stack: [{ name: 'home' }] });
        expect(s.stack[0]).toEqual({ name: 'home' });
      }),
    );
    const paying: AppState = { ...initialState, stack: [{ name: 'home' }, { name: 'paying', transactionId: 't', progress: 'connecting' }] };
    expect(current(reducer(paying, { type: 'back' })).name).toBe('paying');
  });

  it('moving to another screen closes a panel; modes stay for the session', () => {
    let s: AppState = { ...initialState, stack: [{ name: 'home' }] };
    s = reducer(s, { type: 'a11y', modes: { largeText: true } });
    s = reducer(s, { type: 'overlay', overlay: 'help' });
    s = reducer(s, { type: 'go', screen: { name: 'payMenu' } });
    expect(s.overlay).toBeUndefined();
    expect(s.a11y.largeText).toBe(true);
    s = reducer(s, { type: 'back' });
    expect(current(s).name).toBe('home');
  });
});
