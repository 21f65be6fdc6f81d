import { describe, expect, it } from 'vitest';
import { startKioskRig, typeOnKeypad } from '../support/kiosk-rig.ts';

/** Bahrain and Qatar are chosen by config alone: currency, IDs, catalogue, entities, branding. */
describe('country profiles by configuration', () => {
  it('Bahrain: BHD with 3 decimals, a CPR inquiry, Bahraini entities and catalogue', { timeout: 90_000 }, async () => {
    const rig = await startKioskRig({ profile: 'BH', kioskId: 'BH-EKIOSK-01' });
    try {
      const page = await rig.newPage();
      await expect.poll(() => page.getByTestId('country').textContent()).toContain('Bahrain');
      await page.getByRole('button', { name: 'Start in English' }).tap();
      await page.getByTestId('section-payments').tap();
      await page.getByTestId('pay-electricityWater').tap();
      await typeOnKeypad(page, '100200301');
      await page.getByRole('button', { name: 'Continue' }).tap();
      await expect.poll(() => page.getByTestId('bill-amount').textContent()).toMatch(/BHD\s?18\.250/);
      expect(await page.getByTestId('pay-summary').textContent()).toContain('Electricity and Water Authority');
      await page.getByTestId('pay').tap();
      await page.getByTestId('result-title').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('result-title').textContent()).toBe('Payment successful');
      const tx = rig.kiosk.transactions.get((await page.locator('main.result').getAttribute('data-transaction-id'))!)!;
      expect(tx).toMatchObject({ currency: 'BHD', amountMinor: 18_250 });

      await page.getByRole('button', { name: 'Finish' }).tap();
      await page.getByRole('button', { name: 'Start in English' }).tap();
      await page.getByTestId('section-inquiries').tap();
      await page.getByTestId('inquiry-residency').tap();
      await typeOnKeypad(page, '850312345');
      await page.getByTestId('identify-continue').tap();
      await expect.poll(() => page.getByTestId('status-result').getAttribute('data-status')).toBe('valid');
      expect(rig.kiosk.config.profile).toBe('BH');
      await page.close();
    } finally {
      await rig.close();
    }
  });

  it('Qatar: QAR with 2 decimals, QID validation, Arabic screens with Arabic-Indic digits', { timeout: 90_000 }, async () => {
    const rig = await startKioskRig({ profile: 'QA', kioskId: 'QA-HUKOOMI-01' });
    try {
      const page = await rig.newPage();
      await page.getByRole('button', { name: 'ابدأ بالعربية' }).tap();
      await page.getByTestId('section-payments').tap();
      await page.getByTestId('pay-telephone').tap();
      await typeOnKeypad(page, '24810002');
      await page.getByRole('button', { name: 'متابعة' }).tap();
      // 11500 dirham = 115.00 QAR, in Arabic-Indic digits.
      await expect.poll(() => page.getByTestId('bill-amount').textContent()).toContain('١١٥٫٠٠');
      expect(await page.getByTestId('pay-summary').textContent()).toContain('أوريدو');
      await page.getByTestId('pay').tap();
      await page.getByTestId('result-title').waitFor({ timeout: 20_000 });
      const tx = rig.kiosk.transactions.get((await page.locator('main.result').getAttribute('data-transaction-id'))!)!;
      expect(tx).toMatchObject({ currency: 'QAR', amountMinor: 11_500, state: 'approved' });
      expect(rig.printerSim.decodedText().join('\n')).toContain('115.00 QAR');

      await page.getByRole('button', { name: 'إنهاء' }).tap();
      await page.getByRole('button', { name: 'ابدأ بالعربية' }).tap();
      await page.getByTestId('section-inquiries').tap();
      await page.getByTestId('inquiry-passport').tap();
      await typeOnKeypad(page, '1856340012'); // 10 digits: refused before the gateway is asked
      expect(await page.getByTestId('identify-continue').isDisabled()).toBe(true);
      await typeOnKeypad(page, '3');
      await page.getByTestId('identify-continue').tap();
      await expect.poll(() => page.getByTestId('error').textContent()).toBeTruthy();
      await page.locator('.keypad [data-key="clear"]').tap();
      await typeOnKeypad(page, '28563400123');
      await page.getByTestId('identify-continue').tap();
      await expect.poll(() => page.getByTestId('status-result').getAttribute('data-status')).toBe('readyForCollection');
      await page.close();
    } finally {
      await rig.close();
    }
  });
});
