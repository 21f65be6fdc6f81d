import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { BenchRow } from './bench-types.ts';
import { launchChromium } from '../support/chromium.ts';
import { tempDir } from '../support/temp-dir.ts';
import { atMost, median, now, report, round } from './kit.ts';

const RUNS = 3;
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

/** `npm start`'s launcher as a child process; resolves with its UI URL and a stop function. */
function startLauncher(configFile: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(join(repo, 'node_modules/.bin/tsx'), ['main/launcher/start.ts', '--no-window', '--config', configFile], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`launcher exited (${code}) before serving: ${out}`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Kiosk UI:\s+(\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, stop });
    });
  });
}

const frame = (p: Page) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
const attractInteractive = async (p: Page) => {
  await p.getByRole('button', { name: 'Start in English' }).waitFor();
  await p.evaluate(() => document.fonts.ready.then(() => null));
  await frame(p);
};
const loadedWithFonts = async (p: Page) => {
  await p.waitForLoadState('load');
  await p.evaluate(() => document.fonts.ready.then(() => null));
  await frame(p);
};
const newKioskPage = (b: Browser) => b.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });

/**
 * Cold start to serving: from starting the launcher (`npm start`'s, as a child process: Node, the
 * core, its demo gateway and simulated devices) with Chromium launched in parallel, to the attract
 * screen interactive — against Chromium's launch to a blank page, interleaved run by run.
 * Then, in one warm browser, the page alone against a static page with the same fonts.
 */
export default async function bench(): Promise<BenchRow[]> {
  const dir = tempDir('bench-launch');
  const stat = await staticServer({ '/fonts-static.html': staticFontsPage() });
  const kioskCold: number[] = [];
  const coreServing: number[] = [];
  const blankCold: number[] = [];
  const stops: (() => Promise<void>)[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const configFile = dir.file(`config-${i}.json`);
      writeFileSync(configFile, JSON.stringify({ dataDir: dir.file(`data-${i}`), ui: { port: 0, openBrowser: false, idleSeconds: 3600, idleWarningSeconds: 120 } }));
      const coldKiosk = async () => {
        const t0 = now();
        const [launcher, browser] = await Promise.all([startLauncher(configFile).then((l) => (coreServing.push(now() - t0), l)), launchChromium()]);
        stops.push(launcher.stop);
        try {
          const page = await newKioskPage(browser);
          await page.goto(launcher.url, { waitUntil: 'commit' });
          await attractInteractive(page);
          kioskCold.push(now() - t0);
        } finally {
          await browser.close();
          await launcher.stop();
        }
      };
      const coldBlank = async () => {
        const t0 = now();
        const browser = await launchChromium();
        try {
          const page = await newKioskPage(browser);
          await page.goto(`${stat.origin}/blank.html`, { waitUntil: 'commit' });
          await loadedWithFonts(page);
          blankCold.push(now() - t0);
        } finally {
          await browser.close();
        }
      };
      // Alternate which side goes first, so neither always meets a warmer disk cache.
      if (i % 2 === 0) await coldKiosk().then(coldBlank);
      else await coldBlank().then(coldKiosk);
    }

    // Warm browser: the page alone (the core already serving) vs a static page of the same fonts.
    const launcher = await startLauncher(dir.file('config-0.json'));
    stops.push(launcher.stop);
    const browser = await launchChromium();
    const warmKiosk: number[] = [];
    const warmStatic: number[] = [];
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
      await load(launcher.url, attractInteractive); // warm-up, not counted
      for (let i = 0; i < RUNS * 2; i++) {
        warmKiosk.push(await load(launcher.url, attractInteractive));
        warmStatic.push(await load(`${stat.origin}/fonts-static.html`, loadedWithFonts));
      }
    } finally {
      await browser.close();
    }

    const coldRatio = median(kioskCold) / median(blankCold);
    const gz = firstScreenJsGzip() / 1024;
    const lazy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).length;
    return [
      report(`cold: launcher start → attract interactive, Chromium in parallel (median of ${RUNS})`, round(median(kioskCold), 0), 'ms'),
      report(`cold: of which launcher start → core serving its URL (median of ${RUNS})`, round(median(coreServing), 0), 'ms'),
      report(`cold: Chromium launch → blank page (median of ${RUNS}, interleaved)`, round(median(blankCold), 0), 'ms'),
      atMost('cold start to serving / Chromium to blank page', round(coldRatio, 2), 'x', 1.5),
      report(`warm browser: kiosk page → attract interactive (median of ${RUNS * 2})`, round(median(warmKiosk), 0), 'ms'),
      report(`warm browser: static page, same fonts (median of ${RUNS * 2}, interleaved)`, round(median(warmStatic), 0), 'ms'),
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
