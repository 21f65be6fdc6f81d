import type { Page } from 'playwright-core';
import { typeOnKeypad } from './kiosk-rig.ts';

/** The hidden gesture: five taps in the physical top-left corner. */
export async function cornerGesture(page: Page): Promise<void> {
  for (let i = 0; i < 5; i++) await page.touchscreen.tap(20 + i, 24);
}

/** Gesture, PIN on the on-screen keypad, sign in. */
export async function signInTechnician(page: Page, pin: string): Promise<void> {
  await cornerGesture(page);
  await page.getByTestId('tech-pin').waitFor();
  await typeOnKeypad(page, pin);
  await page.getByTestId('tech-pin-submit').tap();
}

/** From the attract screen: signs in, switches the technician screens to English, opens a tab and waits for it. */
export async function openTechnicianTab(page: Page, pin: string, tab: string, ready: string): Promise<void> {
  await page.getByTestId('attract').waitFor();
  await signInTechnician(page, pin);
  await page.getByTestId('tech-root').waitFor();
  await page.getByTestId('tech-language').tap();
  await page.getByTestId(`tech-tab-${tab}`).tap();
  await page.getByTestId(ready).waitFor();
}
