import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { createKiosk, type Kiosk } from '../../main/compose.ts';
import { parseConfig } from '../../main/config.ts';
import { silentLogger } from '../../main/log/logger.ts';
import { serveApp } from '../../main/shell/app-protocol.ts';
import { APP_ORIGIN, shellContentSecurityPolicy } from '../../main/shell/rules.ts';
import { launchChromium } from '../support/chromium.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * The Electron binary cannot run here, so this drives the real renderer in Chromium the way the
 * shell serves it: every response comes from the shell's khidma:// handler (strict CSP, touch
 * style sheet), and window.kiosk is the preload's contract wired to the real core. Any CSP
 * violation fails the test: the policy must not break the kiosk.
 */
const ORIGIN = 'http://khidma.test'; // stands in for khidma://app (Chromium cannot open a custom scheme)
const dir = tempDir('shell-csp');
let kiosk: Kiosk;
let browser: Browser;
beforeAll(async () => {
  kiosk = await createKiosk(parseConfig({ demo: true, dataDir: dir.path }), { log: silentLogger });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
  dir.remove();
});

describe('the renderer under the Electron shell\'s CSP', () => {
  it('runs from the khidma:// handler with no CSP violation, in both languages', async () => {
    const rendererDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const violations: string[] = [];
    await page.exposeBinding('__reportViolation', (_s, v: string) => void violations.push(v));
    await page.exposeBinding('__kioskCall', (_s, method: string, params: unknown) => kiosk.dispatcher.dispatch(method, params));
    // What preload.cts exposes, over a test binding instead of ipcRenderer.
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown> & { __kioskCall: (m: string, p: unknown) => Promise<unknown>; __reportViolation: (v: string) => void };
      const listeners = new Map<string, Set<(p: unknown) => void>>();
      w.__kioskEmit = (e: string, p: unknown) => listeners.get(e)?.forEach((fn) => fn(p));
      w.kiosk = {
        call: (m: string, p: unknown) => w.__kioskCall(m, p),
        on: (e: string, fn: (p: unknown) => void) => {
          const set = listeners.get(e) ?? new Set();
          listeners.set(e, set);
          set.add(fn);
          return () => set.delete(fn);
        },
      };
      document.addEventListener('securitypolicyviolation', (ev) => w.__reportViolation(`${ev.violatedDirective} ${ev.blockedURI}`));
    });
    kiosk.events.subscribe((event, payload) => void page.evaluate(([e, p]) => (window as unknown as { __kioskEmit: (e: string, p: unknown) => void }).__kioskEmit(e, p), [event, payload] as const).catch(() => undefined));
    let served = 0;
    await page.route(`${ORIGIN}/**`, async (route) => {
      const res = await serveApp(route.request().url().replace(ORIGIN, APP_ORIGIN), { rendererDir, errorPage: () => undefined, hidePointer: true });
      served++;
      await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
    });

    await page.goto(`${ORIGIN}/index.html`);
    expect(await page.evaluate(() => getComputedStyle(document.body).userSelect)).toBe('none'); // the shell's touch style sheet applied
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-inquiries').tap();
    await page.getByTestId('inquiry-trafficFines').waitFor();
    await page.screenshot({ path: 'test-output/shell-csp-en.png' });
    await page.goto(`${ORIGIN}/index.html`);
    await page.getByRole('button', { name: 'ابدأ بالعربية' }).tap();
    await page.getByTestId('section-inquiries').waitFor();
    await page.screenshot({ path: 'test-output/shell-csp-ar.png' });

    expect(served).toBeGreaterThan(3);
    expect(violations).toEqual([]);
    expect(shellContentSecurityPolicy()).toContain("script-src 'self'");
    await page.close();
  }, 90_000);
});
