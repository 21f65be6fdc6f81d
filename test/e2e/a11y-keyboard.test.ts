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
  await page.locator(`.osk [data-key="${button}"]`).first().click();
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
    expect(await page.getByTestId('complaint-text').inputValue()).toBe('تأخر الدور at q1z');
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
    expect(await page.getByTestId('search-query').inputValue()).toBe('passport');
    await expect.poll(() => page.locator('[data-testid^=result-]').count()).toBeGreaterThan(0);
    for (let i = 0; i < 'passport'.length; i++) await key(page, '{bksp}');
    await key(page, '{lang}');
    await typeOnKeyboard(page, 'جواز');
    expect(await page.getByTestId('search-query').inputValue()).toBe('جواز');
    await expect.poll(() => page.locator('[data-testid^=result-]').count()).toBeGreaterThan(0);
    expect(await fields()).toEqual([]);
    await page.close();
  });

  it('the keys are buttons with names, reachable by Tab; the field is a real text box that keeps its caret', async () => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-procedures').tap();
    await page.getByTestId('open-search').tap();
    const field = page.getByRole('textbox', { name: 'Type the name of the service' });
    await field.waitFor();
    const keys = page.locator('.osk [data-key]');
    expect(await keys.count()).toBeGreaterThan(30);
    expect(await keys.evaluateAll((els) => els.filter((e) => e.tagName !== 'BUTTON').length)).toBe(0);
    await page.getByRole('button', { name: 'Delete', exact: true }).waitFor();
    await page.locator('.osk').getByRole('button', { name: 'العربية' }).waitFor();
    // The field has the focus, and tapping keys leaves it there (the caret stays visible).
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-query');
    await typeOnKeyboard(page, 'pasport');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-query');
    // A key goes in at the caret: move it after "pas" and add the missing "s".
    await field.evaluate((el: HTMLInputElement) => el.setSelectionRange(3, 3));
    await typeOnKeyboard(page, 's');
    expect(await field.inputValue()).toBe('passport');
    expect(await field.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe(4);
    // Keyboard and switch users: Tab reaches the keys, Enter presses one.
    await field.evaluate((el: HTMLInputElement) => el.setSelectionRange(8, 8));
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('.osk') !== null && document.activeElement?.tagName);
    expect(focused).toBe('BUTTON');
    const keyName = await page.evaluate(() => document.activeElement!.getAttribute('data-key')!);
    await page.keyboard.press('Enter');
    expect(await field.inputValue()).toBe(keyName === '{bksp}' ? 'passpor' : `passport${keyName}`);
    await page.close();
  });

  it('a long press on delete removes a whole word; a tap removes one letter', async () => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-procedures').tap();
    await page.getByTestId('open-search').tap();
    await typeOnKeyboard(page, 'civil id card');
    const del = page.locator('.osk [data-key="{bksp}"]');
    await del.click();
    expect(await page.getByTestId('search-query').inputValue()).toBe('civil id car');
    const box = (await del.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await expect.poll(() => page.getByTestId('search-query').inputValue()).toBe('civil id ');
    await page.mouse.up();
    expect(await page.getByTestId('search-query').inputValue()).toBe('civil id ');
    await page.close();
  });

  it('Arabic keyboard as on keyboards and phones: ض at the left end of the top letter row, with آ; keys 60 px or more, larger in large text', async () => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'ابدأ بالعربية' }).tap();
    await page.getByTestId('section-procedures').tap();
    await page.getByTestId('open-search').tap();
    const x = (k: string) => page.locator(`.osk [data-key="${k}"]`).boundingBox().then((b) => b!.x);
    expect(await x('ض')).toBeLessThan(await x('ص'));
    expect(await x('ص')).toBeLessThan(await x('د'));
    expect(await x('ش')).toBeLessThan(await x('ط'));
    await page.locator('.osk [data-key="آ"]').waitFor();
    const sizes = () => page.locator('.osk [data-key]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height })));
    const normal = await sizes();
    expect(Math.min(...normal.map((s) => s.w))).toBeGreaterThanOrEqual(60);
    expect(Math.min(...normal.map((s) => s.h))).toBeGreaterThanOrEqual(60);
    await page.evaluate(() => (window as unknown as { __khidma: { dispatch: (a: unknown) => void } }).__khidma.dispatch({ type: 'a11y', modes: { largeText: true } }));
    await expect.poll(async () => Math.min(...(await sizes()).map((s) => s.h))).toBeGreaterThan(Math.min(...normal.map((s) => s.h)));
    expect(Math.min(...(await sizes()).map((s) => s.w))).toBeGreaterThanOrEqual(60);
    await page.close();
  });
});
