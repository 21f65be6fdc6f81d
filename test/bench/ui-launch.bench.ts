import { createServer, type Server } from 'node:http';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { BenchRow } from './bench-types.ts';
import { ChromiumWatchdog } from '../../main/launcher/chromium-watchdog.ts';
import { silentLogger } from '../../main/log/logger.ts';
import { launchChromium } from '../support/chromium.ts';
import { tempDir } from '../support/temp-dir.ts';
import { atMost, median, now, report, round } from './kit.ts';
import { attachPage, freePort, nextLaunchUrl, startLauncher, watchableChromium } from './launch-watch.ts';

const RUNS = 5;
const WARM_RUNS = 6;
const repo = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(repo, 'dist/renderer/');

/** Scripts the first screen needs: the entry and its static imports (modulepreload), not lazy chunks. */
function firstScreenJsGzip(): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  return srcs.reduce((n, s) => n + gzipSync(readFileSync(join(dist, s))).length, 0);
}

/** A static page with the kiosk's own font faces, preloads and bilingual text in both weights, no script. */
function staticFontsPage(): string {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const preloads = [...html.matchAll(/<link rel="preload"[^>]*>/g)].map((m) => m[0]).join('\n');
  const cssFile = /href="\.\/(assets\/index-[^"]+\.css)"/.exec(html)?.[1];
  if (!cssFile) throw new Error('ui-launch: no built style sheet in dist/renderer/index.html');
  const faces = (readFileSync(join(dist, cssFile), 'utf8').match(/@font-face\{[^}]*\}/g) ?? []).map((f) => f.replaceAll('url(./', 'url(./assets/'));
  if (faces.length === 0) throw new Error('ui-launch: no @font-face in the built style sheet');
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>fonts</title>${preloads}
<style>${faces.join('')} body{font-family:'Khidma Sans';font-size:48px} b{font-weight:700}</style></head>
<body><h1><b>خدمة</b> Khidma</h1><p>ابدأ بالعربية</p><p><b>Start in English</b></p><p>مرحبا بكم في مركز الخدمة</p></body></html>`;
}

/** A plain static file server over dist/renderer (the baselines' pages), started before any timing. */
async function staticServer(extra: Record<string, string>): Promise<{ origin: string; server: Server }> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2' };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (extra[path]) return res.writeHead(200, { 'content-type': types['.html'] }).end(extra[path]);
    let body: Buffer;
    try {
      body = readFileSync(join(dist, path));
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('ui-launch: no port');
  return { origin: `http://127.0.0.1:${addr.port}`, server };
}

const frame = (p: Page) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
/**
 * The attract screen, interactive: its start button shown, the core answering (kiosk.info has
 * put the profile's country on the screen, so a tap would reach the core), fonts in, one frame.
 * The screen draws before the core answers, so the button alone would not include the core.
 */
const attractInteractive = async (p: Page) => {
  await p.getByRole('button', { name: 'Start in English' }).waitFor({ timeout: 60_000 });
  await p.waitForFunction(() => (document.querySelector('[data-testid=country]')?.textContent ?? '') !== '', null, { timeout: 60_000 });
  await p.evaluate(() => document.fonts.ready.then(() => null));
  await frame(p);
};
const loadedWithFonts = async (p: Page) => {
  await p.waitForLoadState('load');
  await p.evaluate(() => document.fonts.ready.then(() => null));
  await frame(p);
};

/**
 * Cold start to serving: from starting `npm start`'s launcher (a child process: Node, the UI
 * server, the Chromium it launches at once through its watchdog, and the core opening meanwhile
 * with its demo gateway and simulated devices) to the attract screen interactive in that
 * Chromium — against Chromium's launch to a blank page by the same watchdog, same flags,
 * interleaved run by run. Both Chromiums carry a DevTools port so the bench can watch the page.
 * Then, in one warm browser, the page alone against a static page with the same fonts.
 */
export default async function bench(): Promise<BenchRow[]> {
  const dir = tempDir('bench-launch');
  const stat = await staticServer({ '/fonts-static.html': staticFontsPage() });
  const kioskCold: number[] = [];
  const coreOpen: number[] = [];
  const blankCold: number[] = [];
  const stops: (() => Promise<void>)[] = [];
  const config = (name: string, openBrowser: boolean) => {
    const file = dir.file(`${name}.json`);
    writeFileSync(file, JSON.stringify({ dataDir: dir.file(`data-${name}`), ui: { port: 0, openBrowser, idleSeconds: 3600, idleWarningSeconds: 120 } }));
    return file;
  };
  try {
    for (let i = 0; i < RUNS; i++) {
      const coldKiosk = async () => {
        const port = await freePort();
        const configFile = config(`cold-${i}`, true);
        const t0 = now();
        const launcher = startLauncher(['--config', configFile], { KHIDMA_CHROMIUM: watchableChromium(dir.path, port) });
        stops.push(launcher.stop);
        void launcher.running.then(() => coreOpen.push(now() - t0), () => undefined);
        try {
          const { browser, page } = await attachPage(port);
          await attractInteractive(page);
          kioskCold.push(now() - t0);
          await browser.close(); // disconnects; the launcher stops its Chromium
        } finally {
          await launcher.stop();
        }
      };
      const coldBlank = async () => {
        const port = await freePort();
        const t0 = now();
        const dog = new ChromiumWatchdog({ chromium: watchableChromium(dir.path, port), launchUrl: () => `${stat.origin}/blank.html`, log: silentLogger });
        dog.start();
        try {
          const { browser, page } = await attachPage(port);
          await loadedWithFonts(page);
          blankCold.push(now() - t0);
          await browser.close();
        } finally {
          await dog.stop();
        }
      };
      // Alternate which side goes first, so neither always meets a warmer disk cache.
      if (i % 2 === 0) await coldKiosk().then(coldBlank);
      else await coldBlank().then(coldKiosk);
    }

    // Warm browser: the page alone (the core already open) vs a static page of the same fonts.
    // The headless launcher keeps one unspent launch URL in its file: a fresh one for each load.
    const launchFile = join(dir.file('data-warm'), 'launch-url');
    const launcher = startLauncher(['--no-window', '--config', config('warm', false)]);
    stops.push(launcher.stop);
    await launcher.running;
    const browser = await launchChromium();
    const warmKiosk: number[] = [];
    const warmStatic: number[] = [];
    let spent: string | undefined;
    try {
      const load = async (url: string, ready: (p: Page) => Promise<void>) => {
        const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
        const page = await context.newPage();
        const t0 = now();
        await page.goto(url, { waitUntil: 'commit' });
        await ready(page);
        const ms = now() - t0;
        await context.close();
        return ms;
      };
      const kioskUrl = async () => (spent = await nextLaunchUrl(launchFile, spent));
      await load(await kioskUrl(), attractInteractive); // warm-up, not counted
      for (let i = 0; i < WARM_RUNS; i++) {
        warmKiosk.push(await load(await kioskUrl(), attractInteractive));
        warmStatic.push(await load(`${stat.origin}/fonts-static.html`, loadedWithFonts));
      }
    } finally {
      await browser.close();
    }

    const coldRatio = median(kioskCold) / median(blankCold);
    const gz = firstScreenJsGzip() / 1024;
    const lazy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).length;
    return [
      report(`cold: launcher start → attract interactive in the launcher's Chromium (median of ${RUNS})`, round(median(kioskCold), 0), 'ms'),
      report(`cold: of which launcher start → core open, printed "running" (median of ${RUNS})`, round(median(coreOpen), 0), 'ms'),
      report(`cold: Chromium launch → blank page, same watchdog and flags (median of ${RUNS}, interleaved)`, round(median(blankCold), 0), 'ms'),
      atMost('cold start to serving / Chromium to blank page', round(coldRatio, 2), 'x', 1.5),
      report(`warm browser: kiosk page → attract interactive (median of ${WARM_RUNS})`, round(median(warmKiosk), 0), 'ms'),
      report(`warm browser: static page, same fonts (median of ${WARM_RUNS}, interleaved)`, round(median(warmStatic), 0), 'ms'),
      report('warm browser: kiosk page / static page with the same fonts', round(median(warmKiosk) / median(warmStatic), 2), 'x'),
      atMost('first-screen JS, gzip', round(gz, 1), 'KB', 80, 'computed'),
      report('JS chunks (lazy screens split out)', lazy, 'files', 'computed'),
    ];
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
    await new Promise((r) => stat.server.close(r));
    dir.remove();
  }
}
