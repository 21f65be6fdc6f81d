import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startKioskRig, typeOnKeyboard, typeOnKeypad, type KioskRig } from '../support/kiosk-rig.ts';
import { shootAndMeasure, VIEWPORTS, type ViewportName } from './support/layout-checks.ts';

/**
 * Every screen, in Arabic and English, at 1080×1920, 1920×1080 and 1280×1024: a PNG of each in
 * test-output/layout/, and measured (see layout-checks.ts). Then the modes that stress the
 * layout: large text and low reach, in portrait and landscape.
 */
const WITH_FINES = '285031400009';
let rig: KioskRig;
beforeAll(async () => {
  // A slow terminal keeps the payment screen up long enough to photograph it three times.
  rig = await startKioskRig({ ui: { idleSeconds: 3600, idleWarningSeconds: 120 } }, { delayScale: 12, cardWaitRepeats: 6 });
}, 60_000);
afterAll(async () => rig?.close());

const SIZES: ViewportName[] = ['portrait', 'landscape', 'square'];
const WORDS = { ar: { start: 'ابدأ بالعربية', cont: 'متابعة' }, en: { start: 'Start in English', cont: 'Continue' } } as const;

type Modes = Partial<Record<'largeText' | 'highContrast' | 'lowReach' | 'speech', boolean>>;
const setModes = (page: Page, modes: Modes) =>
  page.evaluate((m) => (window as unknown as { __khidma: { dispatch: (a: unknown) => void } }).__khidma.dispatch({ type: 'a11y', modes: { largeText: false, highContrast: false, lowReach: false, speech: false, ...m } }), modes);

/** Shoots the current screen at every size (and in the stress modes when asked). */
async function every(page: Page, screen: string, lang: string, problems: string[], opts: { modes?: boolean } = {}) {
  for (const vp of SIZES) problems.push(...(await shootAndMeasure(page, screen, lang, vp)));
  if (!opts.modes) return;
  for (const [mode, m] of [
    ['large', { largeText: true }],
    ['low', { lowReach: true }],
    ['large-low', { largeText: true, lowReach: true }],
    // Spoken guidance adds "Read aloud" to the top bar: its longest row.
    ['large-speech', { largeText: true, speech: true }],
  ] as const) {
    await setModes(page, m);
    for (const vp of ['portrait', 'landscape'] as const) problems.push(...(await shootAndMeasure(page, screen, lang, vp, mode)));
  }
  await setModes(page, {});
  await page.setViewportSize(VIEWPORTS.portrait);
}

async function open(lang: 'ar' | 'en'): Promise<Page> {
  const page = await rig.newPage();
  await page.getByRole('button', { name: WORDS[lang].start }).waitFor();
  return page;
}

describe.each(['ar', 'en'] as const)('kiosk layout (%s): every screen at three resolutions, measured', (lang) => {
  const w = WORDS[lang];

  it('attract, home, menus, a bill paid to the end, donation with its confirmation, reprint', async () => {
    const page = await open(lang);
    const p: string[] = [];
    await every(page, 'attract', lang, p);
    await page.getByRole('button', { name: w.start }).tap();
    await page.getByTestId('section-payments').waitFor();
    await every(page, 'home', lang, p, { modes: true });
    await page.getByTestId('section-payments').tap();
    await every(page, 'pay-menu', lang, p, { modes: true });
    await page.getByTestId('pay-electricityWater').tap();
    await typeOnKeypad(page, '1002');
    await every(page, 'account', lang, p, { modes: true });
    await typeOnKeypad(page, '00301');
    await page.getByRole('button', { name: w.cont }).tap();
    await page.getByTestId('pay-summary').waitFor();
    await expect.poll(() => page.getByTestId('pay').isEnabled()).toBe(true);
    await every(page, 'pay-summary', lang, p, { modes: true });
    await page.getByTestId('pay').tap();
    await page.getByTestId('payment-progress').waitFor();
    await every(page, 'paying', lang, p);
    await page.getByTestId('result-title').waitFor({ timeout: 60_000 });
    await every(page, 'result', lang, p, { modes: true });
    await page.getByTestId('finish').tap();

    await page.getByRole('button', { name: w.start }).tap();
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-zakat').tap();
    await every(page, 'donation', lang, p, { modes: true });
    await typeOnKeypad(page, '250');
    await page.getByTestId('donation-next').tap();
    await page.getByTestId('donation-confirm').waitFor();
    await every(page, 'donation-confirm', lang, p, { modes: true });
    await page.getByTestId('donation-confirm-change').tap();
    await page.getByTestId('nav-back').tap();
    await page.getByTestId('pay-reprint').tap();
    await every(page, 'reprint', lang, p);
    await page.close();
    expect(p).toEqual([]);
  }, 300_000);

  it('inquiries, fines, complaint steps and status, queue ticket', async () => {
    const page = await open(lang);
    const p: string[] = [];
    await page.getByRole('button', { name: w.start }).tap();
    await page.getByTestId('section-inquiries').tap();
    await every(page, 'inquiry-menu', lang, p);
    await page.getByTestId('inquiry-trafficFines').tap();
    await expect.poll(() => page.getByTestId('reader-state').getAttribute('data-state')).toBe('online');
    await every(page, 'identify', lang, p, { modes: true });
    await typeOnKeypad(page, WITH_FINES);
    await page.getByTestId('identify-continue').tap();
    await page.getByTestId('fines').waitFor();
    await every(page, 'fines', lang, p, { modes: true });
    await page.getByTestId('nav-start-over').tap();

    await page.getByRole('button', { name: w.start }).tap();
    await page.getByTestId('section-complaints').tap();
    await every(page, 'complaint-entity', lang, p);
    await page.getByTestId('entity-moi').tap();
    await every(page, 'complaint-type', lang, p);
    await page.locator('[data-testid^=type-]').first().tap();
    await typeOnKeyboard(page, lang === 'ar' ? 'تأخر الدور' : 'slow queue');
    await every(page, 'complaint-text', lang, p, { modes: true });
    await page.getByTestId('complaint-next').tap();
    await every(page, 'complaint-mobile', lang, p);
    await page.getByTestId('complaint-submit').tap();
    await page.getByTestId('tracking-number').waitFor();
    await every(page, 'complaint-done', lang, p, { modes: true });
    const tracking = (await page.getByTestId('tracking-number').textContent())!.trim();
    await page.getByTestId('finish').tap();
    await page.getByRole('button', { name: w.start }).tap();
    await page.getByTestId('section-complaints').tap();
    await page.getByTestId('complaint-status-link').tap();
    await typeOnKeypad(page, tracking);
    await page.getByRole('button', { name: w.cont }).tap();
    await page.getByTestId('complaint-status-result').waitFor();
    await every(page, 'complaint-status', lang, p);
    await page.getByTestId('finish').tap();

    await page.getByRole('button', { name: w.start }).tap();
    await page.getByTestId('section-ticket').tap();
    await every(page, 'ticket-entity', lang, p);
    await page.locator('[data-testid^=ticket-entity-]').first().tap();
    await page.locator('[data-testid^=ticket-service-]').first().tap();
    await page.getByTestId('ticket-number').waitFor();
    await every(page, 'ticket-done', lang, p, { modes: true });
    await page.close();
    expect(p).toEqual([]);
  }, 300_000);

  it('service procedures: catalogue, list, detail, search; awareness', async () => {
    const page = await open(lang);
    const p: string[] = [];
    await page.getByRole('button', { name: w.start }).tap();
    await page.getByTestId('section-procedures').tap();
    await every(page, 'catalogue', lang, p);
    await page.locator('[data-testid^=browse-]').first().tap();
    await every(page, 'service-list', lang, p);
    await page.locator('[data-testid^=service-]:not([data-testid=service-list])').first().tap();
    await page.getByTestId('service-detail').waitFor();
    await every(page, 'service-detail', lang, p, { modes: true });
    // 200 % zoom of a 1080 px screen: nothing may need sideways scrolling.
    p.push(...(await shootAndMeasure(page, 'service-detail', lang, 'zoom200')));
    await page.setViewportSize(VIEWPORTS.portrait);
    await page.getByTestId('nav-back').tap();
    await page.getByTestId('nav-back').tap();
    await page.getByTestId('open-search').tap();
    await typeOnKeyboard(page, lang === 'ar' ? 'اقامه' : 'residency');
    await expect.poll(() => page.locator('[data-testid^=result-]').count()).toBeGreaterThan(0);
    await every(page, 'search', lang, p, { modes: true });
    await page.getByTestId('nav-start-over').tap();
    await page.getByRole('button', { name: w.start }).tap();
    await page.getByTestId('section-awareness').tap();
    await every(page, 'awareness', lang, p);
    await page.close();
    expect(p).toEqual([]);
  }, 300_000);
});
