import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createKiosk, type Kiosk } from '../../main/compose.ts';
import { parseConfig } from '../../main/config.ts';
import { startUiServer, type UiServer } from '../../main/server/ui-server.ts';
import { silentLogger } from '../../main/log/logger.ts';
import { demoPanelEnabled } from '../../main/server/demo-mode.ts';
import { launchChromium } from '../support/chromium.ts';
import { tempDir } from '../support/temp-dir.ts';

/**
 * A newcomer plays every device from the panel, beside the kiosk, as `npm start` serves them:
 * the embedded simulators, the demo gateway, the panel in a second page.
 */
let kiosk: Kiosk;
let ui: UiServer;
let browser: Browser;
const dir = tempDir('demo-panel');
const OUT = join(process.cwd(), 'test-output', 'demo');

beforeAll(async () => {
  const config = parseConfig({ demo: true, dataDir: dir.path, ui: { idleSeconds: 3600, idleWarningSeconds: 120 }, connectivity: { probeIntervalMs: 200 } });
  expect(demoPanelEnabled(config)).toBe(true);
  kiosk = await createKiosk(config, { log: silentLogger });
  ui = await startUiServer({
    rootDir: fileURLToPath(new URL('../../dist/renderer/', import.meta.url)),
    port: 0,
    dispatcher: kiosk.dispatcher,
    events: kiosk.events,
    log: silentLogger,
    demo: demoPanelEnabled(config),
    simulators: kiosk.devices.simulators,
    profile: config.profile,
  });
  browser = await launchChromium();
  mkdirSync(OUT, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await ui?.close();
  await kiosk?.close();
  dir.remove();
});

describe('virtual devices panel beside the kiosk', () => {
  it('decline from the panel, an ID card placed from the panel, receipts shown newest first', async () => {
    const screen = await browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const panel = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await screen.goto(`${ui.launchUrl()}&debug=1`);
    await panel.goto(ui.demoUrl!);

    // The terminal will decline the next payment.
    await panel.getByTestId('demo-terminal-decline').click();
    await expect.poll(() => panel.getByTestId('demo-next').textContent()).toContain('decline');
    await screen.getByRole('button', { name: 'Start in English' }).tap();
    await screen.getByTestId('section-payments').tap();
    await screen.getByTestId('pay-zakat').tap();
    await screen.getByTestId('preset-5').tap();
    await screen.getByTestId('donation-next').tap();
    await expect.poll(() => screen.getByTestId('pay').isEnabled()).toBe(true);
    await screen.getByTestId('pay').tap();
    await expect.poll(() => screen.locator('main.result').getAttribute('data-state'), { timeout: 30_000 }).toBe('declined');
    await screen.getByTestId('finish').tap();

    // Then it approves again, and the receipt appears in the panel.
    await screen.getByRole('button', { name: 'Start in English' }).tap();
    await screen.getByTestId('section-payments').tap();
    await screen.getByTestId('pay-zakat').tap();
    await screen.getByTestId('preset-10').tap();
    await screen.getByTestId('donation-next').tap();
    await expect.poll(() => screen.getByTestId('pay').isEnabled()).toBe(true);
    await screen.getByTestId('pay').tap();
    await expect.poll(() => screen.locator('main.result').getAttribute('data-state'), { timeout: 30_000 }).toBe('approved');
    await panel.reload();
    await panel.getByTestId('demo-receipt-0').waitFor();
    await screen.getByTestId('finish').tap();

    // A civil ID card placed on the reader from the panel runs the fines inquiry.
    await screen.getByRole('button', { name: 'Start in English' }).tap();
    await screen.getByTestId('section-inquiries').tap();
    await screen.getByTestId('inquiry-trafficFines').tap();
    await expect.poll(() => screen.getByTestId('reader-state').getAttribute('data-state')).toBe('online');
    await panel.getByTestId('demo-reader-idCard').click();
    await screen.getByTestId('inquiry-result').waitFor({ timeout: 15_000 });

    // A ticket prints too: newest first in the panel.
    await screen.getByTestId('nav-start-over').tap();
    await screen.getByRole('button', { name: 'Start in English' }).tap();
    await screen.getByTestId('section-ticket').tap();
    await screen.locator('[data-testid^=ticket-entity-]').first().tap();
    await screen.locator('[data-testid^=ticket-service-]').first().tap();
    await screen.getByTestId('ticket-number').waitFor();
    await panel.getByTestId('demo-printer-paperOut').click();
    await expect.poll(() => panel.getByTestId('demo-fault').textContent()).toContain('paperOut');
    const order = await panel.locator('[data-testid^=demo-receipt-]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-testid')!.split('-').pop())));
    expect(order.length).toBeGreaterThanOrEqual(2);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    await panel.screenshot({ path: join(OUT, 'panel.png'), fullPage: true });
    await screen.screenshot({ path: join(OUT, 'kiosk.png') });
    await panel.close();
    await screen.close();
  }, 180_000);
});
