import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { createKiosk, type Kiosk } from '../../main/compose.ts';
import { parseConfig } from '../../main/config.ts';
import { silentLogger } from '../../main/log/logger.ts';
import { startUiServer, type UiServer } from '../../main/server/ui-server.ts';
import { launchChromium } from '../support/chromium.ts';
import { tempDir } from '../support/temp-dir.ts';

const dir = tempDir('bridge-session');
let kiosk: Kiosk;
let ui: UiServer;
let browser: Browser;
beforeAll(async () => {
  kiosk = await createKiosk(parseConfig({ demo: true, dataDir: dir.path }), { log: silentLogger });
  ui = await startUiServer({ rootDir: fileURLToPath(new URL('../../dist/renderer/', import.meta.url)), port: 0, dispatcher: kiosk.dispatcher, events: kiosk.events, log: silentLogger });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await ui?.close();
  await kiosk?.close();
  dir.remove();
});

describe('bridge session in a real browser', () => {
  it('the kiosk page survives a reload on its session cookie; the spent launch URL opens nothing elsewhere', async () => {
    const url = ui.launchUrl();
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const page = await context.newPage();
    // The UI server's CSP must not break the kiosk: any violation is collected and fails the test.
    const violations: string[] = [];
    await page.exposeBinding('__reportViolation', (_s, v: string) => void violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (ev) => (window as unknown as { __reportViolation: (v: string) => void }).__reportViolation(`${ev.violatedDirective} ${ev.blockedURI}`)),
    );
    await page.goto(url);
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-inquiries').waitFor();
    expect(kiosk.sessions.current).toBeDefined();

    // A crash-reload of the kiosk page: same tab, token already spent, the cookie lets it back in.
    await page.reload();
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-inquiries').waitFor();
    expect(violations).toEqual([]);

    // Someone who copied the launch URL gets a page that cannot reach the core.
    const other = await browser.newContext();
    const thief = await other.newPage();
    const refused = new Promise<number>((resolve) => thief.on('websocket', (ws) => ws.on('socketerror', () => resolve(401))));
    await thief.goto(url);
    expect(await Promise.race([refused, new Promise<number>((r) => setTimeout(() => r(0), 10_000))])).toBe(401);
    await thief.getByRole('button', { name: 'Start in English' }).tap({ timeout: 5000 }).catch(() => undefined);
    expect(await thief.getByTestId('section-inquiries').count()).toBe(0);
    await other.close();
    await context.close();
  }, 90_000);
});
