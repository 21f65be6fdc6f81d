import type { Page } from 'playwright-core';

/**
 * Types any text on one on-screen keyboard by touch, switching its layers as a person would:
 * "123" for digits and symbols, back to letters, shift for a capital. Fails if a character is
 * on no layer of the keyboard's current language.
 */
export async function typeOnKioskKeyboard(page: Page, keyboardTestId: string, text: string): Promise<void> {
  const kb = page.getByTestId(keyboardTestId);
  const key = (k: string) => kb.locator(`[data-key=${JSON.stringify(k)}]`);
  for (const ch of text) {
    const want = ch === ' ' ? '{space}' : ch;
    for (let tries = 0; (await key(want).count()) === 0; tries++) {
      if (tries === 4) throw new Error(`"${ch}" is on no layer of ${keyboardTestId}`);
      // Letters: back from the symbols, or shift (one-shot) on and off; anything else: the symbols.
      const next = /\p{L}/u.test(ch) ? ((await key('{abc}').count()) ? '{abc}' : '{shift}') : (await key('{num}').count()) ? '{num}' : '{abc}';
      if ((await key(next).count()) === 0) throw new Error(`"${ch}" is on no layer of ${keyboardTestId}`);
      await key(next).tap();
    }
    await key(want).first().tap();
  }
}
