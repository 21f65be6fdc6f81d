import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './bench-types.ts';
import { startUiRig } from './ui-support.ts';

const RUNS = 7;
const dist = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/** Scripts the first screen needs: the entry and its static imports (modulepreload), not lazy chunks. */
function firstScreenJsGzip(): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return srcs.reduce((n, s) => n + gzipSync(readFileSync(join(dist, s))).length, 0);
}

/**
 * Launch → attract screen interactive (its start buttons rendered and enabled), against the
 * same browser loading a blank page; median of RUNS fresh pages each.
 */
export default async function bench(): Promise<BenchRow[]> {
  const rig = await startUiRig();
  try {
    const blank: number[] = [];
    const kiosk: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const p1 = await rig.browser.newPage();
      let t = performance.now();
      await p1.goto('about:blank');
      await p1.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
      blank.push(performance.now() - t);
      await p1.close();
      const p2 = await rig.browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
      t = performance.now();
      await p2.goto(rig.ui.url);
      await p2.getByRole('button', { name: 'Start in English' }).waitFor();
      await p2.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
      kiosk.push(performance.now() - t);
      await p2.close();
    }
    const med = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
    const ratio = med(kiosk) / med(blank);
    const gz = firstScreenJsGzip() / 1024;
    const lazy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).length;
    return [
      { name: 'blank page load (median)', value: med(blank), unit: 'ms', goal: 'report', met: null },
      { name: 'launch → attract interactive (median)', value: med(kiosk), unit: 'ms', goal: 'report', met: null },
      { name: 'attract / blank ratio', value: ratio, unit: '×', goal: '<= 1.5', met: ratio <= 1.5 },
      { name: 'first-screen JS, gzip', value: gz, unit: 'KB', goal: '<= 80', met: gz <= 80 },
      { name: 'JS chunks (lazy screens split out)', value: lazy, unit: 'files', goal: 'report', met: null },
    ];
  } finally {
    await rig.close();
  }
}
