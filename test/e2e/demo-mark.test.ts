import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { startKioskRig, type KioskRig } from '../support/kiosk-rig.ts';

let rig: KioskRig;
const shots = new URL('../../test-output/screenshots/', import.meta.url);

beforeAll(async () => {
  rig = await startKioskRig();
  mkdirSync(shots, { recursive: true });
}, 60_000);
afterAll(async () => {
  await rig?.close();
});

describe('demo mode says so on screen', () => {
  it.each([
    ['ar', 'ابدأ بالعربية', 'تجريبي'],
    ['en', 'Start in English', 'DEMO'],
  ])('%s: the top bar carries the DEMO mark', async (locale, start, mark) => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: start }).tap();
    const badge = page.getByTestId('demo-badge');
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe(mark);
    expect(await badge.isVisible()).toBe(true);
    // Inside the top bar, beside the connection status.
    expect(await page.locator('header.top-bar [data-testid="demo-badge"]').count()).toBe(1);
    await page.screenshot({ path: new URL(`demo-mark-${locale}.png`, shots).pathname });
    await page.close();
  });
});
