import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_CIVIL, DEMO_CIVIL_ID_CARD } from '../support/demo-documents.ts';
import { startKioskRig, typeOnKeyboard, typeOnKeypad, type KioskRig } from '../support/kiosk-rig.ts';
import { auditAllModes } from '../renderer/support/axe-audit.ts';

const CIVIL = DEMO_CIVIL;
const card = DEMO_CIVIL_ID_CARD;
const HALF_COMPLAINT = 'the queue was very lo';

type Debug = { state: { stack: { name: string }[]; identity: unknown; a11y: Record<string, boolean>; overlay: unknown; error: unknown } };
const debugState = (page: Page) => page.evaluate(() => (window as unknown as { __khidma: Debug }).__khidma.state);

describe('idle reset: a visitor who walks away leaves nothing behind', () => {
  let rig: KioskRig;
  beforeAll(async () => {
    rig = await startKioskRig({ ui: { idleSeconds: 5, idleWarningSeconds: 10 } });
  }, 60_000);
  afterAll(async () => rig?.close());

  it('scanned ID, fines, half a complaint, a mode on; then the warning (audited), and a full reset', async () => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-inquiries').tap();
    await page.getByTestId('inquiry-trafficFines').tap();
    await expect.poll(() => page.getByTestId('reader-state').getAttribute('data-state')).toBe('online');
    await rig.kiosk.devices.simulators.idReader!.presentLines(card);
    await page.getByTestId('fines').waitFor();
    expect(await page.getByTestId('fines').textContent()).toContain('Speeding');

    // On to a complaint in the same session: the identity stays in the core meanwhile.
    await page.getByTestId('nav-back').tap();
    await page.getByTestId('nav-back').tap();
    await page.getByTestId('section-complaints').tap();
    await page.getByTestId('entity-moi').tap();
    await page.locator('[data-testid^=type-]').first().tap();
    await typeOnKeyboard(page, HALF_COMPLAINT);
    expect(await page.getByTestId('complaint-text').inputValue()).toBe(HALF_COMPLAINT);
    await page.getByTestId('nav-a11y').tap();
    await page.getByTestId('a11y-largeText').tap();
    await page.getByTestId('a11y-close').tap();
    expect(rig.kiosk.sessions.current?.identity?.nationalId).toBe(CIVIL);
    expect((await debugState(page)).a11y.largeText).toBe(true);

    // Walks away: "Are you still there?" with a visible countdown, itself accessible.
    await page.getByTestId('idle-warning').waitFor({ timeout: 10_000 });
    // The warning takes the focus, so a screen reader or switch user is on "I'm still here".
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('idle-stay');
    const left = Number(await page.getByTestId('idle-count').getAttribute('data-left'));
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(10);
    const { findings, runs } = await auditAllModes(page, 'idle warning', { still: '[data-testid="idle-warning"]' });
    expect(findings).toEqual([]);
    expect(runs).toBe(8);

    await page.getByTestId('attract').waitFor({ timeout: 15_000 });
    // The DOM: no fines, no masked number, no half-typed text, no mode.
    const html = await page.content();
    for (const trace of ['Speeding', '••••', CIVIL.slice(-3) + '<', HALF_COMPLAINT, 'complaint-text', 'fines']) expect(html, trace).not.toContain(trace);
    expect(await page.evaluate(() => document.documentElement.className)).toBe('');
    // The renderer state: back to the initial state.
    const state = await debugState(page);
    expect(state.stack).toEqual([{ name: 'attract' }]);
    expect(state.identity).toEqual({ present: false });
    expect(Object.values(state.a11y).some(Boolean)).toBe(false);
    expect(state.overlay).toBeUndefined();
    expect(state.error).toBeUndefined();
    // The core session: gone, with the identity in it.
    await expect.poll(() => rig.kiosk.sessions.current).toBeUndefined();

    // The next visitor starts a complaint from the first step, with an empty text.
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-complaints').tap();
    await page.getByTestId('complaint-step-entity').waitFor();
    expect(rig.kiosk.sessions.current?.identity).toBeUndefined();
    await page.close();
  }, 60_000);

  it('"I need more time" doubles the countdown and the idle time for the rest of the session', async () => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('idle-warning').waitFor({ timeout: 10_000 });
    await page.getByTestId('idle-more-time').tap();
    await expect.poll(() => page.getByTestId('idle-warning').count()).toBe(0);
    expect((await debugState(page)).a11y.moreTime).toBe(true);
    const t0 = Date.now();
    await page.getByTestId('idle-warning').waitFor({ timeout: 15_000 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(9_000); // 2 × 5 s, not 5 s
    expect(Number(await page.getByTestId('idle-count').getAttribute('data-left'))).toBeGreaterThan(10); // 2 × 10 s
    await page.getByTestId('idle-stay').tap();
    await expect.poll(() => page.getByTestId('idle-warning').count()).toBe(0);
    await page.close();
  }, 60_000);
});

describe('idle reset never interrupts a payment: the terminal governs then', () => {
  let rig: KioskRig;
  beforeAll(async () => {
    // A slow terminal: each step takes 0.75 to 3 s and the card is asked for several times.
    rig = await startKioskRig({ ui: { idleSeconds: 5, idleWarningSeconds: 3 } }, { delayScale: 15, cardWaitRepeats: 5 });
  }, 60_000);
  afterAll(async () => rig?.close());

  it('no warning and no reset on the paying screen, however long the terminal takes; the guard returns after', async () => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-electricityWater').tap();
    await typeOnKeypad(page, '100200302');
    await page.getByRole('button', { name: 'Continue' }).tap();
    await expect.poll(() => page.getByTestId('pay').isEnabled()).toBe(true);
    await page.getByTestId('pay').tap();
    await page.getByTestId('payment-progress').waitFor();
    const t0 = Date.now();
    const session = rig.kiosk.sessions.current?.id;
    // Longer than idle + warning (8 s) without a touch: the progress stays, no warning.
    let sawWarning = false;
    while (Date.now() - t0 < 10_000 && (await page.getByTestId('payment-progress').count()) > 0) {
      if ((await page.getByTestId('idle-warning').count()) > 0) sawWarning = true;
      await page.waitForTimeout(250);
    }
    const paidFor = Date.now() - t0;
    expect(sawWarning).toBe(false);
    expect(paidFor, 'the slow terminal must outlast the idle time for this to prove anything').toBeGreaterThanOrEqual(10_000);
    expect(rig.kiosk.sessions.current?.id).toBe(session);
    await page.getByTestId('result-title').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('result-title').textContent()).toBe('Payment successful');
    // On the result screen the guard is back: the visitor who leaves now is reset.
    await page.getByTestId('idle-warning').waitFor({ timeout: 10_000 });
    await page.getByTestId('attract').waitFor({ timeout: 10_000 });
    await expect.poll(() => rig.kiosk.sessions.current).toBeUndefined();
    await page.close();
  }, 120_000);
});
