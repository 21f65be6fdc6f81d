import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createKiosk, type Kiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import { silentLogger, type Logger } from '../../../main/log/logger.ts';
import { startUiServer, type UiServer } from '../../../main/server/ui-server.ts';
import { ChromiumWatchdog } from '../../../main/launcher/chromium-watchdog.ts';
import { chromiumKioskArgs } from '../../../main/launcher/open-window.ts';
import { RestartBackoff } from '../../../main/launcher/restart-backoff.ts';
import { tempDir } from '../../support/temp-dir.ts';

const chromium = process.env.KHIDMA_CHROMIUM ?? '/usr/bin/chromium';
const ATTRACT = "!!document.querySelector('button') && document.body.innerText.includes('Start in English')";

describe('Chromium kiosk flags', () => {
  it('app + kiosk mode, throw-away profile, private debugging pipe (no port), no escape hatches', () => {
    const args = chromiumKioskArgs({ profile: '/tmp/p', openerUrl: 'file:///tmp/p/open.html', headless: false, root: false });
    for (const a of ['--kiosk', '--app=file:///tmp/p/open.html', '--user-data-dir=/tmp/p', '--remote-debugging-pipe', '--disable-pinch', '--overscroll-history-navigation=0', '--noerrdialogs', '--disable-extensions', '--touch-events=enabled'])
      expect(args).toContain(a);
    expect(args.some((a) => a.startsWith('--remote-debugging-port'))).toBe(false);
    expect(args).not.toContain('--no-sandbox');
    expect(args.join(' ')).not.toContain('token');
    expect(chromiumKioskArgs({ profile: '/p', openerUrl: 'file:///o', headless: false, root: true })).toContain('--no-sandbox');
  });
});

describe.skipIf(!existsSync(chromium))('browser shell watchdog (real Chromium)', () => {
  const dir = tempDir('watchdog');
  let kiosk: Kiosk;
  let ui: UiServer;
  let dog: ChromiumWatchdog;
  const warnings: string[] = [];
  const log: Logger = { ...silentLogger, warn: (_s, msg) => void warnings.push(msg) };

  const profiles = dir.file('profiles');

  beforeAll(async () => {
    mkdirSync(profiles);
    kiosk = await createKiosk(parseConfig({ demo: true, dataDir: dir.path }), { log: silentLogger });
    ui = await startUiServer({ rootDir: fileURLToPath(new URL('../../../dist/renderer/', import.meta.url)), port: 0, dispatcher: kiosk.dispatcher, events: kiosk.events, log: silentLogger });
    dog = new ChromiumWatchdog({
      chromium,
      launchUrl: () => ui.launchUrl(),
      log,
      headless: true,
      backoff: new RestartBackoff({ baseMs: 300, capMs: 5000, stableMs: 60_000 }),
      probeEveryMs: 1000,
      probeTimeoutMs: 2000,
      maxMisses: 2,
      startupGraceMs: 20_000,
      profilesIn: profiles,
    });
    dog.start();
  }, 60_000);
  afterAll(async () => {
    await dog?.stop();
    await ui?.close();
    await kiosk?.close();
    dir.remove();
  });

  const onAttract = () => dog.evaluate(ATTRACT, 3000).catch(() => false);

  it('Chromium killed → a fresh one is back on the attract screen within a few seconds', async () => {
    await expect.poll(onAttract, { timeout: 45_000, interval: 250 }).toBe(true);
    const pid = dog.pid!;
    const t0 = performance.now();
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => dog.launches, { timeout: 10_000, interval: 50 }).toBe(2);
    expect(dog.pid).not.toBe(pid);
    await expect.poll(onAttract, { timeout: 30_000, interval: 250 }).toBe(true);
    const seconds = (performance.now() - t0) / 1000;
    console.log(`browser shell: killed → attract screen again in ${seconds.toFixed(1)} s`);
    expect(warnings).toContain('Chromium exited; restarting');
  }, 90_000);

  it('a page that stops answering gets its browser killed and restarted', async () => {
    const before = dog.launches;
    void dog.evaluate('for (;;) {}', 1000).catch(() => undefined); // hang the page's main thread
    await expect.poll(() => dog.launches, { timeout: 45_000, interval: 200 }).toBeGreaterThan(before);
    expect(warnings).toContain('the kiosk page stopped answering; restarting Chromium');
    await expect.poll(onAttract, { timeout: 45_000, interval: 250 }).toBe(true);
    expect(dog.launches).toBe(before + 1); // the fresh browser was given time to start, not killed again
  }, 120_000);

  it('stopped, it leaves no throw-away profile behind (the launcher exits right after stopping it)', async () => {
    // The running browser's profile; the killed ones' were removed as they exited.
    await expect.poll(() => readdirSync(profiles), { timeout: 10_000 }).toHaveLength(1);
    await dog.stop();
    expect(readdirSync(profiles)).toEqual([]);
  }, 60_000);
});
