import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startKioskRig, typeOnKeyboard, typeOnKeypad, type KioskRig } from '../support/kiosk-rig.ts';
import { auditAllModes, type Finding } from '../renderer/support/axe-audit.ts';

/**
 * axe-core (WCAG 2.2 A/AA) on every screen of the real kiosk, in Arabic and English, in the
 * default, large-text, high-contrast and low-reach modes: zero violations. One rig, one browser.
 */
const CIVIL_WITH_FINES = '285031400009';
let rig: KioskRig;
const covered = new Map<string, number>();

beforeAll(async () => {
  // Long idle so no warning interrupts the sweep (the warning itself is audited in idle-reset.test.ts).
  // A slow terminal keeps the payment-progress screen up long enough to audit it.
  rig = await startKioskRig({ ui: { idleSeconds: 3600, idleWarningSeconds: 120 } }, { delayScale: 8, cardWaitRepeats: 4 });
}, 60_000);
afterAll(async () => rig?.close());

async function audit(page: Page, screen: string, testId?: string, opts: { still?: string } = {}): Promise<Finding[]> {
  if (testId) await page.getByTestId(testId).first().waitFor();
  const { findings, runs } = await auditAllModes(page, screen, opts);
  covered.set(screen, runs);
  return findings;
}

async function startIn(page: Page, lang: 'ar' | 'en') {
  await page.getByRole('button', { name: lang === 'ar' ? 'ابدأ بالعربية' : 'Start in English' }).tap();
  await page.getByTestId('section-payments').waitFor();
}

const report = (f: Finding[]) => f.map((x) => `${x.screen} [${x.locale}/${x.mode}] ${x.rule} (${x.impact}): ${x.targets.join(' | ')}`);

describe('accessibility: axe-core on every screen × {ar, en} × {default, large text, high contrast, low reach}', () => {
  it('attract, its accessibility menu and help; home, help and accessibility menu', async () => {
    const page = await rig.newPage();
    const f: Finding[] = [];
    f.push(...(await audit(page, 'attract', 'carousel')));
    await page.getByTestId('nav-a11y').tap();
    f.push(...(await audit(page, 'a11y menu (attract)', 'a11y-menu')));
    await page.getByTestId('a11y-close').tap();
    await page.getByTestId('nav-help').tap();
    f.push(...(await audit(page, 'help (attract)', 'help-overlay')));
    await page.getByTestId('help-close').tap();
    await startIn(page, 'en');
    f.push(...(await audit(page, 'home', 'section-payments')));
    await page.getByTestId('nav-help').tap();
    f.push(...(await audit(page, 'help', 'help-overlay')));
    await page.getByTestId('help-close').tap();
    await page.getByTestId('nav-a11y').tap();
    f.push(...(await audit(page, 'a11y menu', 'a11y-menu')));
    await page.close();
    expect(report(f)).toEqual([]);
  });

  it('payments: pay menu, account entry, summary, progress, result; donation', async () => {
    const page = await rig.newPage();
    const f: Finding[] = [];
    await startIn(page, 'ar');
    await page.getByTestId('section-payments').tap();
    f.push(...(await audit(page, 'pay menu', 'pay-electricityWater')));
    await page.getByTestId('pay-electricityWater').tap();
    f.push(...(await audit(page, 'account entry', 'account-value')));
    await typeOnKeypad(page, '100200301');
    await page.getByRole('button', { name: 'متابعة' }).tap();
    await page.getByTestId('pay-summary').waitFor();
    await expect.poll(() => page.getByTestId('pay').isEnabled()).toBe(true);
    f.push(...(await audit(page, 'pay summary', 'pay')));
    await page.getByTestId('pay').tap();
    // Transient: audited for as long as the slow terminal keeps it on screen.
    await page.getByTestId('payment-progress').waitFor();
    f.push(...(await audit(page, 'payment progress', 'payment-progress', { still: '[data-testid="payment-progress"]' })));
    await page.getByTestId('result-title').waitFor({ timeout: 60_000 });
    f.push(...(await audit(page, 'result', 'result-title')));
    await page.getByTestId('nav-start-over').tap();
    await startIn(page, 'en');
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-zakat').tap();
    f.push(...(await audit(page, 'donation', 'donation')));
    await typeOnKeypad(page, '250');
    await page.getByTestId('donation-next').tap();
    f.push(...(await audit(page, 'donation: amount in words', 'donation-confirm')));
    await page.getByTestId('donation-confirm-change').tap();
    await page.getByTestId('nav-back').tap();
    await page.getByTestId('pay-reprint').tap();
    f.push(...(await audit(page, 'reprint', 'reprint')));
    await page.close();
    expect(covered.get('payment progress'), 'combinations audited while the terminal worked').toBeGreaterThan(0);
    expect(report(f)).toEqual([]);
  }, 120_000);

  it('inquiries: menu, identify, result with fines', async () => {
    const page = await rig.newPage();
    const f: Finding[] = [];
    await startIn(page, 'en');
    await page.getByTestId('section-inquiries').tap();
    f.push(...(await audit(page, 'inquiry menu', 'inquiry-trafficFines')));
    await page.getByTestId('inquiry-trafficFines').tap();
    await expect.poll(() => page.getByTestId('reader-state').getAttribute('data-state')).toBe('online');
    f.push(...(await audit(page, 'identify', 'identify')));
    await typeOnKeypad(page, CIVIL_WITH_FINES);
    await page.getByTestId('identify-continue').tap();
    f.push(...(await audit(page, 'inquiry result', 'fines')));
    await page.close();
    expect(report(f)).toEqual([]);
  });

  it('complaints: every step, done, and status by tracking number', async () => {
    const page = await rig.newPage();
    const f: Finding[] = [];
    await startIn(page, 'en');
    await page.getByTestId('section-complaints').tap();
    f.push(...(await audit(page, 'complaint: entity', 'complaint-step-entity')));
    await page.getByTestId('entity-moi').tap();
    f.push(...(await audit(page, 'complaint: type', 'complaint-step-type')));
    await page.locator('[data-testid^=type-]').first().tap();
    await typeOnKeyboard(page, 'slow service');
    f.push(...(await audit(page, 'complaint: text', 'complaint-step-text')));
    await page.getByTestId('complaint-next').tap();
    f.push(...(await audit(page, 'complaint: mobile', 'complaint-step-mobile')));
    await page.getByTestId('complaint-submit').tap();
    f.push(...(await audit(page, 'complaint: done', 'tracking-number')));
    const tracking = (await page.getByTestId('tracking-number').textContent())!.trim();
    await page.getByTestId('nav-start-over').tap();
    await startIn(page, 'ar');
    await page.getByTestId('section-complaints').tap();
    await page.getByTestId('complaint-status-link').tap();
    await typeOnKeypad(page, tracking);
    await page.getByRole('button', { name: 'متابعة' }).tap();
    f.push(...(await audit(page, 'complaint status', 'complaint-status-result')));
    await page.close();
    expect(report(f)).toEqual([]);
  });

  it('queue ticket: entity, service, ticket', async () => {
    const page = await rig.newPage();
    const f: Finding[] = [];
    await startIn(page, 'en');
    await page.getByTestId('section-ticket').tap();
    f.push(...(await audit(page, 'ticket: entity', 'ticket')));
    await page.locator('[data-testid^=ticket-entity-]').first().tap();
    f.push(...(await audit(page, 'ticket: service', 'ticket')));
    await page.locator('[data-testid^=ticket-service-]').first().tap();
    f.push(...(await audit(page, 'ticket: issued', 'ticket-number')));
    await page.close();
    expect(report(f)).toEqual([]);
  });

  it('catalogue, service list, service detail, search, awareness', async () => {
    const page = await rig.newPage();
    const f: Finding[] = [];
    await startIn(page, 'en');
    await page.getByTestId('section-procedures').tap();
    f.push(...(await audit(page, 'catalogue', 'open-search')));
    await page.locator('[data-testid^=browse-]').first().tap();
    f.push(...(await audit(page, 'service list', 'service-list')));
    await page.locator('[data-testid^=service-]:not([data-testid=service-list])').first().tap();
    f.push(...(await audit(page, 'service detail', 'service-detail')));
    await page.getByTestId('nav-back').tap();
    await page.getByTestId('nav-back').tap();
    await page.getByTestId('open-search').tap();
    await typeOnKeyboard(page, 'residency');
    await expect.poll(() => page.locator('[data-testid^=result-]').count()).toBeGreaterThan(0);
    f.push(...(await audit(page, 'search', 'search')));
    await page.getByTestId('nav-start-over').tap();
    await startIn(page, 'ar');
    await page.getByTestId('section-awareness').tap();
    f.push(...(await audit(page, 'awareness', 'awareness')));
    await page.close();
    expect(report(f)).toEqual([]);
  });

  it('the sweep is not vacuous: a nameless button is caught, and each mode really applies', async () => {
    const page = await rig.newPage();
    await page.getByTestId('carousel').waitFor();
    await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('button'), { id: 'planted' })));
    const { findings } = await auditAllModes(page, 'planted');
    expect(findings.filter((x) => x.rule === 'button-name').map((x) => `${x.locale}/${x.mode}`)).toHaveLength(8);
    await page.evaluate(() => (window as unknown as { __khidma: { dispatch: (a: unknown) => void } }).__khidma.dispatch({ type: 'a11y', modes: { largeText: true, highContrast: true, lowReach: true } }));
    // Classes are applied in an effect, after the render's paint.
    await expect.poll(() => page.evaluate(() => document.documentElement.className.split(' ').sort())).toEqual(['a11y-contrast', 'a11y-large', 'a11y-low']);
    await page.close();
  });

  it('covered every screen in all eight combinations (payment progress: as long as it lasted)', () => {
    const full = [...covered].filter(([s]) => s !== 'payment progress');
    expect(full.length).toBeGreaterThanOrEqual(24);
    for (const [screen, runs] of full) expect(runs, screen).toBe(8);
  });
});
