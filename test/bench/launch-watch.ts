import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * What the launch bench needs to watch a Chromium it did not start itself (the launcher's, kept
 * by its watchdog over a private pipe), and the launcher as the process `npm start` runs.
 */

const repo = fileURLToPath(new URL('../../', import.meta.url));
const realChromium = process.env.KHIDMA_CHROMIUM ?? '/usr/bin/chromium';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port free a moment ago (for the DevTools port of the next Chromium). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Debian's Chromium with one flag more, a DevTools port, so the bench can see the page. Both
 * sides of the comparison run through it: the launcher's kiosk Chromium (as KHIDMA_CHROMIUM)
 * and the blank-page baseline, so they differ only in the page.
 */
export function watchableChromium(dir: string, port: number): string {
  const file = join(dir, `chromium-${port}.sh`);
  writeFileSync(file, `#!/bin/sh\nexec ${realChromium} --remote-debugging-port=${port} "$@"\n`);
  chmodSync(file, 0o700);
  return file;
}

/** Attaches to the Chromium on `port` as soon as it listens, and finds its page once it is on an http: URL. */
export async function attachPage(port: number, timeoutMs = 60_000): Promise<{ browser: Browser; page: Page }> {
  const deadline = performance.now() + timeoutMs;
  const endpoint = `http://127.0.0.1:${port}`;
  for (;;) {
    if (performance.now() > deadline) throw new Error(`no Chromium answered on ${endpoint}`);
    const up = await fetch(`${endpoint}/json/version`).then((r) => r.ok, () => false);
    if (up) break;
    await pause(20);
  }
  const browser = await chromium.connectOverCDP(endpoint);
  for (;;) {
    // The opener file (file:) hands over to the page (http:) by a meta refresh.
    const page = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith('http:'));
    if (page) return { browser, page };
    if (performance.now() > deadline) throw new Error('Chromium never reached an http: page');
    await pause(20);
  }
}

const LAUNCHER = ['node', '--import', 'tsx', 'main/launcher/start.ts'];

export interface LauncherProcess {
  /** Resolves once the launcher printed that the kiosk is running (the core open). */
  readonly running: Promise<void>;
  readonly stdout: () => string;
  stop(): Promise<void>;
}

/**
 * `npm start`'s launcher as a child process, as its script runs it after the renderer build
 * (`node --import tsx main/launcher/start.ts --demo`); --browser only makes sure no Electron
 * binary takes over.
 */
export function startLauncher(args: string[], env: Record<string, string> = {}): LauncherProcess {
  const npmStart = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  if (!npmStart.endsWith(`&& ${LAUNCHER.join(' ')} --demo`)) throw new Error(`ui-launch: npm start (${npmStart}) no longer runs the launcher this bench starts`);
  const child = spawn(process.execPath, [...LAUNCHER.slice(1), '--demo', '--browser', ...args], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let out = '';
  const running = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`launcher exited (${code}) before running: ${out}`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(' is running.')) resolve();
    });
  });
  running.catch(() => undefined); // a caller that stops early need not await it
  return {
    running,
    stdout: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The headless launcher's launch file, once it holds a URL other than `spent` (each URL works once). */
export async function nextLaunchUrl(file: string, spent: string | undefined, timeoutMs = 30_000): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const url = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
    if (url && url !== spent) return url;
    if (performance.now() > deadline) throw new Error(`no fresh launch URL in ${file}`);
    await pause(20);
  }
}
