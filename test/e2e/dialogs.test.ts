import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startKioskRig, type KioskRig } from '../support/kiosk-rig.ts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LAYOUT_DIR, measureLayout } from './support/layout-checks.ts';

/** Panels over the screen hold the focus, close with Escape, and fit the screen with every mode on. */
let rig: KioskRig;
beforeAll(async () => {
  rig = await startKioskRig({ ui: { idleSeconds: 3600, idleWarningSeconds: 120 } });
}, 60_000);
afterAll(async () => rig?.close());

const inside = (page: Page, testId: string) => page.evaluate((id) => Boolean(document.querySelector(`[data-testid="${id}"]`)?.contains(document.activeElement)), testId);

describe('dialogs: focus held, Escape closes, they fit', () => {
  it.each([
    ['nav-a11y', 'a11y-menu'],
    ['nav-help', 'help-overlay'],
  ])('%s: Tab and Shift+Tab stay in the panel; Escape closes it and focus returns', async (opener, panel) => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-payments').waitFor();
    await page.getByTestId(opener).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId(panel).waitFor();
    // The panel takes the focus as it opens (an effect after its first paint): wait for it, then hold it.
    await expect.poll(() => inside(page, panel)).toBe(true);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await inside(page, panel), `after Tab ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inside(page, panel), `after Shift+Tab ${i + 1}`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId(panel).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(opener);
    await page.close();
  });

  it('the accessibility menu fits the screen with every mode on, in both languages and orientations', async () => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-payments').waitFor();
    await page.getByTestId('nav-a11y').tap();
    for (const m of ['largeText', 'highContrast', 'lowReach', 'speech', 'moreTime']) await page.getByTestId(`a11y-${m}`).tap();
    const problems: string[] = [];
    for (const locale of ['en', 'ar'])
      for (const vp of [
        { width: 1080, height: 1920 },
        { width: 1920, height: 1080 },
        { width: 1280, height: 1024 },
      ]) {
        await page.evaluate((l) => (window as unknown as { __khidma: { dispatch: (a: unknown) => void } }).__khidma.dispatch({ type: 'locale', locale: l }), locale);
        await page.setViewportSize(vp);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        mkdirSync(LAYOUT_DIR, { recursive: true });
        await page.screenshot({ path: join(LAYOUT_DIR, `a11y-menu-all-modes-${locale}-${vp.width}x${vp.height}.png`) });
        // The card itself: inside the viewport, and its close button reachable inside it.
        const card = await page.locator('.overlay-card').boundingBox();
        if (!card || card.y < 0 || card.y + card.height > vp.height + 1 || card.x < 0 || card.x + card.width > vp.width + 1) problems.push(`${locale} ${vp.width}x${vp.height}: card ${JSON.stringify(card)}`);
        // Every switch and Close visible at once: no scrolling inside the panel.
        const scroll = await page.locator('.overlay-card').evaluate((el) => ({ h: el.scrollHeight, c: el.clientHeight }));
        if (scroll.h > scroll.c + 1) problems.push(`${locale} ${vp.width}x${vp.height}: the panel scrolls (${scroll.h} > ${scroll.c})`);
        const fit = (await measureLayout(page, { portrait: false, arabicDigits: false })).filter((p) => p.rule === 'overflow' || p.rule === 'top-bar');
        problems.push(...fit.map((p) => `${locale} ${vp.width}x${vp.height}: ${p.rule} ${p.detail}`));
      }
    expect(problems).toEqual([]);
    await page.close();
  });
});
