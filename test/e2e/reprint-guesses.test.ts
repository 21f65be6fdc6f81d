import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { startKioskRig, typeOnKeypad, type KioskRig } from '../support/kiosk-rig.ts';

const out = new URL('../../test-output/screens/', import.meta.url);
mkdirSync(out, { recursive: true });
const locales = {
  ar: JSON.parse(readFileSync(new URL('../../assets/locales/ar.json', import.meta.url), 'utf8')) as { errors: Record<string, string>; visitor: Record<string, string> },
  en: JSON.parse(readFileSync(new URL('../../assets/locales/en.json', import.meta.url), 'utf8')) as { errors: Record<string, string>; visitor: Record<string, string> },
};
const START = { ar: 'ابدأ بالعربية', en: 'Start in English' } as const;

let rig: KioskRig;
beforeAll(async () => {
  rig = await startKioskRig();
}, 60_000);
afterAll(async () => rig?.close());

describe.each(['en', 'ar'] as const)('guessing receipt references on the screen (%s)', (lang) => {
  it('wrong references are refused, then the kiosk says to wait; nothing is printed (screenshot)', async () => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: START[lang] }).tap();
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-reprint').tap();
    const jobs = rig.printerSim.jobs.length;
    const seen: string[] = [];
    const answered = () => {
      const s = rig.kiosk.upkeep.guesses.stats();
      return s.failures + s.refused;
    };
    for (let i = 0; i < 8 && !seen.includes(locales[lang].errors.tooManyAttempts!); i++) {
      // Back to an empty reference: clear the card digits, step back (delete), clear the reference.
      for (const key of ['clear', 'delete', 'clear']) await page.locator(`.keypad [data-key="${key}"]`).tap();
      await typeOnKeypad(page, `99926${String(i).padStart(11, '0')}`);
      await typeOnKeypad(page, '1234');
      const before = answered();
      await page.getByTestId('reprint-go').tap();
      await expect.poll(answered).toBe(before + 1);
      await page.getByTestId('error').waitFor();
      seen.push((await page.getByTestId('error').textContent())!.trim());
    }
    expect(seen).toContain(locales[lang].errors.tooManyAttempts);
    if (lang === 'en') expect(seen[0]).toBe(locales.en.visitor.reprintNotFound);
    expect(rig.printerSim.jobs.length).toBe(jobs);
    await page.screenshot({ path: new URL(`reprint-too-many-${lang}.png`, out).pathname });
    await page.close();
  }, 120_000);
});
