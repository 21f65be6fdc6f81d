import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from '../log/logger.ts';
import { CdpPipe, evaluateInPage } from './cdp-pipe.ts';
import { chromiumKioskArgs } from './open-window.ts';
import { writePrivateFile } from './private-file.ts';
import { RestartBackoff } from './restart-backoff.ts';

export interface WatchdogOptions {
  chromium: string;
  /** A fresh single-use launch URL per Chromium launch (the old one was spent). */
  launchUrl: () => string;
  log: Logger;
  headless?: boolean;
  backoff?: RestartBackoff;
  probeEveryMs?: number;
  probeTimeoutMs?: number;
  /** Consecutive unanswered probes before the browser is killed and restarted. */
  maxMisses?: number;
  /** A fresh browser's misses do not count until its page first answers or this much time passed. */
  startupGraceMs?: number;
  /** Where the throw-away profiles are made (default: the OS temp folder). */
  profilesIn?: string;
}

/**
 * The browser shell's keeper: runs Chromium in kiosk mode on a throw-away profile, restarts it
 * with backoff when it exits (Alt+F4, crash, OOM kill), and kills and restarts it when its page
 * stops answering. Each launch gets a fresh profile and a fresh launch token.
 */
export class ChromiumWatchdog {
  #child: ChildProcess | undefined;
  #cdp: CdpPipe | undefined;
  #cache: { sessionId?: string } = {};
  #stopped = false;
  #restartTimer: NodeJS.Timeout | undefined;
  #probeTimer: NodeJS.Timeout | undefined;
  #misses = 0;
  #launches = 0;
  #launchedAt = 0;
  #answered = false;
  #removing: Promise<void> = Promise.resolve();
  readonly #backoff: RestartBackoff;

  constructor(private readonly o: WatchdogOptions) {
    this.#backoff = o.backoff ?? new RestartBackoff({ baseMs: 500, capMs: 30_000, stableMs: 120_000 });
  }

  get launches(): number {
    return this.#launches;
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  start(): void {
    this.#launch();
    this.#probeTimer = setInterval(() => void this.#probe(), this.o.probeEveryMs ?? 5000);
  }

  /** Runs an expression in the kiosk page (diagnostics and tests); rejects if it does not answer. */
  evaluate(expression: string, timeoutMs = 5000): Promise<unknown> {
    if (!this.#cdp) return Promise.reject(new Error('no browser running'));
    return evaluateInPage(this.#cdp, expression, timeoutMs, this.#cache);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#probeTimer);
    clearTimeout(this.#restartTimer);
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return this.#removing;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    // The launcher exits right after: its throw-away profile must be gone by then, not left in /tmp.
    await this.#removing;
  }

  #launch(): void {
    if (this.#stopped) return;
    const profile = mkdtempSync(join(this.o.profilesIn ?? tmpdir(), 'khidma-chromium-'));
    // The URL carries a launch token: hand it over in a file only this user can read, never on
    // the command line (other local users can read every process's arguments).
    const opener = join(profile, 'open.html');
    writePrivateFile(opener, `<!doctype html><meta http-equiv="refresh" content="0;url=${this.o.launchUrl().replaceAll('"', '%22')}">`);
    const args = chromiumKioskArgs({
      profile,
      openerUrl: pathToFileURL(opener).href,
      headless: this.o.headless ?? (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY),
      root: process.getuid?.() === 0,
    });
    const child = spawn(this.o.chromium, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    this.#child = child;
    this.#cache = {};
    this.#misses = 0;
    this.#launchedAt = Date.now();
    this.#answered = false;
    this.#launches++;
    this.#cdp = new CdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
    this.o.log.info('browser', 'Chromium launched', { launch: this.#launches });
    child.once('error', (err) => this.o.log.error('browser', 'Chromium could not be started', { error: String(err) }));
    child.once('exit', (code, signal) => {
      this.#cdp?.close();
      if (!this.#stopped && this.#child === child) {
        const delay = this.#backoff.next();
        this.o.log.warn('browser', 'Chromium exited; restarting', { code, signal, inMs: delay });
        this.#restartTimer = setTimeout(() => this.#launch(), delay);
      }
      // The throw-away profile goes with the window, so relaunches do not pile up folders. Its
      // helper processes may still be writing for a moment: retry, and never let cleanup stop
      // the restart above.
      this.#removing = rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch((err: unknown) =>
        this.o.log.warn('browser', 'throw-away profile not removed', { error: String(err) }),
      );
    });
  }

  async #probe(): Promise<void> {
    const child = this.#child;
    if (this.#stopped || !child || child.exitCode !== null || child.signalCode !== null) return;
    try {
      await this.evaluate('document.readyState', this.o.probeTimeoutMs ?? 5000);
      this.#misses = 0;
      this.#answered = true;
    } catch {
      // A slow machine may take a while to show the first page: that is not a hang.
      if (!this.#answered && Date.now() - this.#launchedAt < (this.o.startupGraceMs ?? 30_000)) return;
      if (++this.#misses < (this.o.maxMisses ?? 2) || this.#child !== child) return;
      this.o.log.warn('browser', 'the kiosk page stopped answering; restarting Chromium', { misses: this.#misses });
      child.kill('SIGKILL'); // the exit handler relaunches
    }
  }
}
