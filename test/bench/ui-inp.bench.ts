import type { Page } from 'playwright-core';
import type { BenchRow } from './bench-types.ts';
import { cdp, startUiRig } from './ui-support.ts';
import { atMost, percentile, report } from './kit.ts';

const TAPS = 300;
/** Event Timing reports nothing faster than this (its minimum durationThreshold). */
const THRESHOLD_MS = 16;

/** Tap sequences that go somewhere and come back, so the session can loop for 300 taps. */
const LOOP = ['section-payments', 'pay-zakat', 'preset-25', 'nav-back', 'nav-back', 'section-inquiries', 'nav-back', 'section-ticket', 'nav-back', 'nav-help', 'help-close'];

interface Interaction { id: number; ms: number; screen: string; control: string }

/** Installed in the page: Event Timing entries grouped by interactionId, each with the screen it was tapped on. */
const OBSERVE = `(() => {
  const w = window;
  w.__interactions = new Map();
  w.__taps = [];
  // Entries arrive after the next paint: skip those of taps made before this observer (the start tap).
  const since = performance.now();
  // Capture phase: runs before the app's handlers change the screen.
  addEventListener('pointerdown', (e) => {
    const main = document.querySelector('main.screen');
    const dialog = document.querySelector('[role="dialog"]');
    const name = main && (main.getAttribute('data-testid') || main.className.replace('screen', '').trim() || main.querySelector('h1')?.textContent?.trim());
    const screen = (name || '?') + (dialog ? ' + dialog' : '');
    const control = e.target instanceof Element ? (e.target.closest('[data-testid]')?.getAttribute('data-testid') ?? e.target.tagName) : '?';
    w.__taps.push({ t: e.timeStamp, screen, control });
  }, { capture: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.interactionId || e.startTime < since) continue;
      const seen = w.__interactions.get(e.interactionId);
      // An interaction's latency is its longest event (pointerdown, pointerup, click share one id).
      if (!seen || e.duration > seen.ms) w.__interactions.set(e.interactionId, { id: e.interactionId, ms: e.duration, start: Math.min(e.startTime, seen ? seen.start : Infinity) });
      else seen.start = Math.min(seen.start, e.startTime);
    }
  }).observe({ type: 'event', durationThreshold: ${THRESHOLD_MS}, buffered: false });
})()`;

/**
 * Tap → next paint per interaction (Event Timing, grouped by interactionId: input delay +
 * handlers + until the next frame is presented), CPU throttled 4× over a 300-tap session.
 * Interactions under 16 ms are not reported by the browser; they count as 16 ms (an upper bound).
 */
export default async function bench(): Promise<BenchRow[]> {
  const rig = await startUiRig();
  try {
    const page: Page = await rig.newPage();
    const session = await cdp(page);
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-payments').waitFor();
    await page.evaluate(OBSERVE);
    await session.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    for (let i = 0; i < TAPS; i++) await page.getByTestId(LOOP[i % LOOP.length]!).first().tap();
    await page.waitForTimeout(1000); // let the last entries be delivered
    await session.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const { reported, taps } = await page.evaluate(() => {
      const w = window as unknown as { __interactions: Map<number, { id: number; ms: number; start: number }>; __taps: { t: number; screen: string; control: string }[] };
      return { reported: [...w.__interactions.values()], taps: w.__taps };
    });
    if (taps.length !== TAPS) throw new Error(`ui-inp: ${taps.length} pointerdowns seen for ${TAPS} taps`);
    // Each reported interaction is matched to its tap by the pointerdown's timestamp.
    const interactions: Interaction[] = reported.map((r) => {
      const tap = taps.reduce((best, t) => (Math.abs(t.t - r.start) < Math.abs(best.t - r.start) ? t : best), taps[0]!);
      return { id: r.id, ms: r.ms, screen: tap.screen, control: tap.control };
    });
    const all = [...interactions.map((x) => x.ms), ...Array<number>(Math.max(0, TAPS - interactions.length)).fill(THRESHOLD_MS)];
    const slowest = interactions.reduce<Interaction | undefined>((a, b) => (!a || b.ms > a.ms ? b : a), undefined);
    return [
      report('taps (4× CPU throttle), one interaction each', TAPS, 'taps'),
      report(`interactions reported by Event Timing (>= ${THRESHOLD_MS} ms)`, interactions.length, 'interactions'),
      report('tap → next paint per interaction, p50', percentile(all, 50), 'ms'),
      atMost('tap → next paint per interaction, p98', percentile(all, 98), 'ms', 50),
      report(`slowest interaction: tap on ${slowest ? `${slowest.control} on screen "${slowest.screen}"` : 'none over 16 ms'}`, slowest?.ms ?? 0, 'ms'),
    ];
  } finally {
    await rig.close();
  }
}
