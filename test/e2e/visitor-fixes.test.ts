import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startKioskRig, typeOnKeyboard, typeOnKeypad, type KioskRig } from '../support/kiosk-rig.ts';

/**
 * What trying the kiosk found (issue 16, items 3-5), each checked as the visitor sees it:
 * donation limits and the amount read back in words, one promised complaint date, messages
 * that fit what happened, errors that clear on edit, disabled buttons that say why.
 */
let rig: KioskRig;
beforeAll(async () => {
  rig = await startKioskRig({ ui: { idleSeconds: 3600, idleWarningSeconds: 120 }, donations: { max: 1000, maxPerFund: { orphans: 50 }, confirmAbove: 20 } });
}, 60_000);
afterAll(async () => rig?.close());

async function start(lang: 'ar' | 'en'): Promise<Page> {
  const page = await rig.newPage();
  await page.getByRole('button', { name: lang === 'ar' ? 'ابدأ بالعربية' : 'Start in English' }).tap();
  await page.getByTestId('section-payments').waitFor();
  return page;
}

describe('amount safety', () => {
  it('a fund\'s limit disables Continue and says why; the core refuses it too', async () => {
    const page = await start('en');
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-zakat').tap();
    await page.getByTestId('fund-orphans').tap();
    await typeOnKeypad(page, '60');
    expect(await page.getByTestId('donation-next').isDisabled()).toBe(true);
    expect(await page.getByTestId('donation-custom-hint').textContent()).toContain('50.000');
    expect(await page.getByTestId('donation-next').getAttribute('aria-describedby')).toBe('donation-custom-hint');
    // Straight to the core, past the screen: refused.
    const r = await rig.kiosk.dispatcher.dispatch('donation.prepare', { fundId: 'orphans', amountMinor: 60_000 });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
    await page.close();
  });

  it.each([
    ['en', '25', 'twenty-five Kuwaiti dinars'],
    ['ar', '25', 'خمسة وعشرون دينارًا كويتيًا'],
  ] as const)('above the threshold (%s): the amount read back in words before the summary', async (lang, amount, words) => {
    const page = await start(lang);
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-zakat').tap();
    await typeOnKeypad(page, amount);
    await page.getByTestId('donation-next').tap();
    await page.getByTestId('donation-confirm').waitFor();
    expect(await page.getByTestId('amount-words').textContent()).toBe(words);
    expect(await page.getByTestId('pay-summary').count()).toBe(0);
    await page.getByTestId('donation-confirm-yes').tap();
    await page.getByTestId('pay-summary').waitFor();
    await page.close();
  });

  it('at or below the threshold: no second confirmation', async () => {
    const page = await start('en');
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-zakat').tap();
    await page.getByTestId('preset-10').tap();
    await page.getByTestId('donation-next').tap();
    await page.getByTestId('pay-summary').waitFor();
    expect(await page.getByTestId('donation-confirm').count()).toBe(0);
    await page.close();
  });
});

describe('fixes found while trying it', () => {
  it('the payment summary shows the bill\'s period and due date; the result shows one reference, no internal id', async () => {
    const page = await start('en');
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-electricityWater').tap();
    await typeOnKeypad(page, '100200302');
    await page.getByRole('button', { name: 'Continue' }).tap();
    const dates = await page.getByTestId('bill-dates').textContent();
    expect(dates).toMatch(/Period: \w+ \d{4}/);
    expect(dates).toMatch(/Due: \d{1,2} \w+ \d{4}/);
    await expect.poll(() => page.getByTestId('pay').isEnabled()).toBe(true);
    await page.getByTestId('pay').tap();
    const result = page.locator('main.result');
    await result.waitFor({ timeout: 30_000 });
    const txId = (await result.getAttribute('data-transaction-id'))!;
    expect(txId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await result.textContent()).not.toContain(txId);
    expect(await page.getByTestId('payment-reference').textContent()).toMatch(/^\d{16}$/);
    await page.getByTestId('finish').tap();
    await page.getByTestId('attract').waitFor();
    await page.close();
  });

  it('the language button switches the words at once, with nothing else touched', async () => {
    const page = await start('en');
    expect(await page.locator('main h1').textContent()).toBe('How can we help you?');
    await page.getByTestId('nav-language').tap();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.waitForTimeout(300);
    expect(await page.locator('main h1').textContent()).toBe('كيف يمكننا خدمتك؟');
    await page.close();
  });

  it('an error clears when the visitor edits the field; a disabled Continue says what is missing', async () => {
    const page = await start('en');
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-electricityWater').tap();
    expect(await page.getByTestId('account-value-hint').textContent()).toBe('Enter at least 4 digits');
    await typeOnKeypad(page, '999999');
    await page.getByRole('button', { name: 'Continue' }).tap();
    await page.getByTestId('error').waitFor();
    await typeOnKeypad(page, '1');
    expect(await page.getByTestId('error').count()).toBe(0);
    await page.close();
  });

  it('a wrong reprint answer has its own message, not the unknown-bill one', async () => {
    const page = await start('en');
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-reprint').tap();
    await typeOnKeypad(page, '0012633699990000');
    await typeOnKeypad(page, '1111');
    await page.getByTestId('reprint-go').tap();
    const message = await page.getByTestId('error').textContent();
    expect(message).toContain('No payment matches this reference and card');
    expect(message).not.toContain('bill');
    await page.close();
  });

  it('a complaint: one promised date at submission and on the status screen; printing it is confirmed', async () => {
    const page = await start('ar');
    await page.getByTestId('section-complaints').tap();
    await page.getByTestId('entity-moi').tap();
    await page.locator('[data-testid^=type-]').first().tap();
    await typeOnKeyboard(page, 'تأخر في الخدمة');
    await page.getByTestId('complaint-next').tap();
    await page.getByTestId('complaint-submit').tap();
    const tracking = (await page.getByTestId('tracking-number').textContent())!.trim();
    const promised = (await page.getByTestId('complaint-due').textContent())!;
    // Online: never "no connection" (delivered, or on its way).
    await expect.poll(() => page.getByTestId('net-status').getAttribute('class')).toContain('net-on');
    if (await page.getByTestId('complaint-queued').count()) expect(await page.getByTestId('complaint-queued').textContent()).not.toContain('لا يوجد اتصال');
    await page.getByTestId('complaint-print').tap();
    await expect.poll(() => page.getByTestId('complaint-printed').getAttribute('data-printed')).toBe('true');
    await page.getByTestId('finish').tap();
    await page.getByRole('button', { name: 'ابدأ بالعربية' }).tap();
    await page.getByTestId('section-complaints').tap();
    await page.getByTestId('complaint-status-link').tap();
    await typeOnKeypad(page, tracking);
    await page.getByRole('button', { name: 'متابعة' }).tap();
    const due = (await page.getByTestId('status-due').textContent())!;
    expect(promised).toContain(due);
    await page.close();
  });

  it('a fee that varies says so instead of ٠٫٠٠٠; counts are in Arabic-Indic digits', async () => {
    const page = await start('ar');
    await page.getByTestId('section-procedures').tap();
    await page.locator('[data-testid^=browse-] .muted').first().waitFor();
    const counts = await page.locator('[data-testid^=browse-] .muted').allTextContents();
    expect(counts.length).toBeGreaterThan(0);
    for (const c of counts) expect(c).not.toMatch(/[0-9]/);
    await page.locator('[data-testid^=browse-]').first().tap();
    await page.locator('[data-testid^=service-]:not([data-testid=service-list])').first().tap();
    const text = (await page.getByTestId('service-detail').textContent())!;
    expect(text).toContain('تختلف حسب المعاملة');
    expect(text).not.toContain('٠٫٠٠٠');
    await page.close();
  });
});
