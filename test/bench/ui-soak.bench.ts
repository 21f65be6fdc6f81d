import type { BenchRow } from './bench-types.ts';
import { cdp, heapAfterGc, startUiRig } from './ui-support.ts';
import { now } from './kit.ts';

const SESSIONS = Number(process.env.KHIDMA_SOAK_SESSIONS ?? 5000);

/**
 * Soak: SESSIONS short visitor sessions in one renderer without reload (start, a few screens,
 * a panel, start over), driven inside the page through the real UI (clicks on its buttons) so
 * 5,000 fit in minutes. Heap after GC, DOM nodes and the core's RSS at start and end.
 */
export default async function bench(): Promise<BenchRow[]> {
  const rig = await startUiRig();
  try {
    const page = await rig.newPage();
    const session = await cdp(page);
    await page.getByRole('button', { name: 'Start in English' }).waitFor();
    // A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
    const script = (n: number) => `(async () => {
      const frame = () => new Promise((r) => setTimeout(r, 0));
      const until = async (sel) => {
        for (let i = 0; i < 500; i++) {
          const el = document.querySelector(sel);
          if (el) return el;
          await frame();
        }
        throw new Error('never appeared: ' + sel);
      };
      const tap = async (sel) => (await until(sel)).click();
      for (let i = 0; i < ${n}; i++) {
        await tap(i % 2 ? 'button[lang="en"].btn-huge' : 'button[lang="ar"].btn-huge');
        await tap('[data-testid="section-payments"]');
        await tap('[data-testid="pay-zakat"]');
        await tap('[data-testid="preset-25"]');
        await tap('[data-testid="nav-help"]');
        await tap('[data-testid="help-close"]');
        await tap('[data-testid="nav-back"]');
        await tap('[data-testid="nav-back"]');
        await tap('[data-testid="section-awareness"]');
        await until('[data-testid="awareness"]');
        await tap('[data-testid="nav-start-over"]');
        await until('[data-testid="attract"]');
      }
    })()`;
    const run = (n: number) => page.evaluate(script(n));
    // Warm up (lazy chunks, caches) before the baseline.
    await run(20);
    const dom = () => page.evaluate(() => document.getElementsByTagName('*').length);
    const heap0 = await heapAfterGc(session);
    const dom0 = await dom();
    const rss0 = process.memoryUsage().rss;
    const t0 = now();
    for (let done = 0; done < SESSIONS; done += 250) await run(Math.min(250, SESSIONS - done));
    const wall = (now() - t0) / 1000;
    const heap1 = await heapAfterGc(session);
    const dom1 = await dom();
    global.gc?.();
    const rss1 = process.memoryUsage().rss;
    const mb = (b: number) => b / 1024 / 1024;
    return [
      { name: 'sessions', value: SESSIONS, unit: 'sessions', goal: 'report', met: null, kind: 'measured' },
      { name: 'wall time', value: wall, unit: 's', goal: 'report', met: null, kind: 'measured' },
      { name: 'JS heap after GC, start', value: mb(heap0), unit: 'MB', goal: 'report', met: null, kind: 'measured' },
      { name: 'JS heap after GC, end', value: mb(heap1), unit: 'MB', goal: 'report', met: null, kind: 'measured' },
      { name: 'JS heap growth', value: mb(heap1 - heap0), unit: 'MB', goal: '<= 2', met: mb(heap1 - heap0) <= 2, kind: 'measured' },
      { name: 'DOM nodes start → end', value: dom1 - dom0, unit: 'nodes', goal: '= 0 (flat)', met: dom1 === dom0, kind: 'measured' },
      { name: 'core RSS growth', value: mb(rss1 - rss0), unit: 'MB', goal: '<= 10', met: mb(rss1 - rss0) <= 10, kind: 'measured' },
    ];
  } finally {
    await rig.close();
  }
}
