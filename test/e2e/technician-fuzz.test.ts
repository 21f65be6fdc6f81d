import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskRig, type KioskRig } from '../support/kiosk-rig.ts';
import { AuditRepo } from '../../main/store/audit-repo.ts';

/** mulberry32: a tiny seeded PRNG, so a failing run can be replayed tap for tap. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 0x6b1d;
const MAX_TAPS = 3000;
const BUDGET_MS = 60_000;

describe('random taps on the visitor screens never open technician mode', () => {
  let rig: KioskRig;
  beforeAll(async () => {
    rig = await startKioskRig({ ui: { idleSeconds: 20, idleWarningSeconds: 5 } });
  }, 60_000);
  afterAll(async () => rig?.close());

  it(`seed ${SEED}: up to ${MAX_TAPS} taps (a third of them near the corners) in about a minute`, async () => {
    const page = await rig.newPage();
    await page.getByTestId('attract').waitFor();
    const states = new Set<string>();
    const off = rig.kiosk.events.subscribe((e, p) => e === 'kiosk.state' && states.add((p as { state: string }).state));
    const rnd = prng(SEED);
    const corner = () => (rnd() < 0.5 ? rnd() * 160 : 1080 - rnd() * 160);
    const cornerY = () => (rnd() < 0.5 ? rnd() * 160 : 1920 - rnd() * 160);
    const started = Date.now();
    let taps = 0;
    let pinPads = 0;
    while (taps < MAX_TAPS && Date.now() - started < BUDGET_MS) {
      const near = rnd() < 0.33;
      await page.touchscreen.tap(near ? corner() : rnd() * 1080, near ? cornerY() : rnd() * 1920);
      taps++;
      if (taps % 50 === 0) {
        expect(await page.getByTestId('tech-root').count()).toBe(0);
        // A PIN pad opened by chance is closed again (it is not technician mode, but count it).
        if ((await page.getByTestId('tech-pin').count()) > 0) {
          pinPads++;
          await page.getByTestId('tech-pin-cancel').tap();
        }
      }
    }
    off();
    console.log(`technician fuzz: ${taps} taps in ${Date.now() - started} ms, PIN pads opened by chance: ${pinPads}`);
    expect(taps).toBeGreaterThanOrEqual(1000);
    expect(await page.getByTestId('tech-root').count()).toBe(0);
    expect(states.has('maintenance')).toBe(false);
    expect(rig.kiosk.technician.appState.current.state).not.toBe('maintenance');
    expect(new AuditRepo(rig.kiosk.db).recent(1000).filter((a) => a.action.startsWith('tech.'))).toEqual([]);
    expect(pinPads).toBe(0);
  }, 180_000);
});
