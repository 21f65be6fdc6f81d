import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startKioskRig, typeOnKeyboard, type KioskRig } from '../support/kiosk-rig.ts';

/** The on-screen keyboard types Arabic, English and digits into every text field; the OS keyboard is never summoned. */
let rig: KioskRig;
beforeAll(async () => {
  rig = await startKioskRig({ ui: { idleSeconds: 3600, idleWarningSeconds: 120 } });
}, 60_000);
afterAll(async () => rig?.close());

/** Records every element that would summon an OS keyboard, for the life of the page. */
async function watchForOsKeyboardFields(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    const check = () => {
      for (const el of document.querySelectorAll('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) {
        if (el.getAttribute('inputmode') !== 'none') seen.push(el.outerHTML.slice(0, 80));
      }
    };
    check();
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
    (window as unknown as { __osk: string[] }).__osk = seen;
  });
  return () => page.evaluate(() => (window as unknown as { __osk: string[] }).__osk);
}

async function key(page: Page, button: string) {
  await page.locator(`.osk [data-skbtn="${button}"]`).first().click();
}

describe('on-screen keyboard: Arabic, English and numbers in every text field', () => {
  it('complaint text: Arabic, then switch to English, then the numeric layout; delete works', async () => {
    const page = await rig.newPage();
    const fields = await watchForOsKeyboardFields(page);
    await page.getByRole('button', { name: 'ابدأ بالعربية' }).tap();
    await page.getByTestId('section-complaints').tap();
    await page.getByTestId('entity-moi').tap();
    await page.locator('[data-testid^=type-]').first().tap();
    await typeOnKeyboard(page, 'تأخر الدور');
    await key(page, '{lang}');
    await typeOnKeyboard(page, ' at q');
    await key(page, '{num}');
    await typeOnKeyboard(page, '12');
    await key(page, '{bksp}');
    await key(page, '{abc}');
    await typeOnKeyboard(page, 'z');
    expect(await page.getByTestId('complaint-text').textContent()).toBe('تأخر الدور at q1z');
    expect(await page.getByTestId('complaint-text').getAttribute('dir')).toBe('auto'); // mixed text isolated by its own direction
    expect(await fields()).toEqual([]);
    await page.close();
  });

  it('search: English and Arabic queries both find services', async () => {
    const page = await rig.newPage();
    const fields = await watchForOsKeyboardFields(page);
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-procedures').tap();
    await page.getByTestId('open-search').tap();
    await typeOnKeyboard(page, 'passport');
    expect(await page.getByTestId('search-query').textContent()).toBe('passport');
    await expect.poll(() => page.locator('[data-testid^=result-]').count()).toBeGreaterThan(0);
    for (let i = 0; i < 'passport'.length; i++) await key(page, '{bksp}');
    await key(page, '{lang}');
    await typeOnKeyboard(page, 'جواز');
    expect(await page.getByTestId('search-query').textContent()).toBe('جواز');
    await expect.poll(() => page.locator('[data-testid^=result-]').count()).toBeGreaterThan(0);
    expect(await fields()).toEqual([]);
    await page.close();
  });
});
