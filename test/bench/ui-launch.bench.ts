import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { BenchRow } from './bench-types.ts';
import { startUiRig } from './ui-support.ts';
import { launchChromium } from '../support/chromium.ts';

const RUNS = 5;
const dist = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/** Scripts the first screen needs: the entry and its static imports (modulepreload), not lazy chunks. */
function firstScreenJsGzip(): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return srcs.reduce((n, s) => n + gzipSync(readFileSync(join(dist, s))).length, 0);
}

const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const frame = (p: Page) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));

/**
 * Launch, as the kiosk does it: a fresh Chromium process opening the page, until the attract
 * screen is interactive (its start buttons rendered, one frame painted) — against the same
 * launch opening a blank page from the same loopback server. The core is already running, as it
 * is when the launcher opens the window; its own start-up is reported on its own row.
 */
export default async function bench(): Promise<BenchRow[]> {
  const t0 = performance.now();
  const rig = await startUiRig();
  const coreStart = performance.now() - t0;
  const open = async (url: string, ready: (p: Page) => Promise<unknown>) => {
    const t = performance.now();
    const browser: Browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await page.goto(url, { waitUntil: 'commit' });
    await ready(page);
    await frame(page);
    const ms = performance.now() - t;
    await browser.close();
    return ms;
  };
  try {
    const blank: number[] = [];
    const kiosk: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      blank.push(await open(`${rig.ui.origin}/blank.html`, (p) => p.waitForLoadState('load')));
      kiosk.push(await open(rig.ui.launchUrl(), (p) => p.getByRole('button', { name: 'Start in English' }).waitFor()));
    }
    const ratio = med(kiosk) / med(blank);
    const gz = firstScreenJsGzip() / 1024;
    const lazy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).length;
    return [
      { name: 'core start-up (database, demo gateway, devices over ptys)', value: coreStart, unit: 'ms', goal: 'report', met: null },
      { name: 'launch → blank page (median)', value: med(blank), unit: 'ms', goal: 'report', met: null },
      { name: 'launch → attract interactive (median)', value: med(kiosk), unit: 'ms', goal: 'report', met: null },
      { name: 'attract / blank ratio', value: ratio, unit: '×', goal: '<= 1.5', met: ratio <= 1.5 },
      { name: 'first-screen JS, gzip', value: gz, unit: 'KB', goal: '<= 80', met: gz <= 80 },
      { name: 'JS chunks (lazy screens split out)', value: lazy, unit: 'files', goal: 'report', met: null },
    ];
  } finally {
    await rig.close();
  }
}
