import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WirePosting } from '../../main/gateway/wire.ts';
import { startKioskRig, typeOnKeypad, type KioskRig } from '../support/kiosk-rig.ts';

// The review's reproduction, end to end in Chromium: the gateway's payment endpoint fails while
// lookups still answer; a visitor pays electricity bill EW-100200306-2026-08; the next visitor
// looks the same bill up again. It must show "paid at this kiosk, being sent", Pay must be
// impossible, and the gateway must end with exactly one posting for the bill.

let rig: KioskRig;
const BILL = 'EW-100200306-2026-08';
const shots = 'test-output/screens/double-payment';

beforeAll(async () => {
  rig = await startKioskRig();
  mkdirSync(shots, { recursive: true });
}, 60_000);
afterAll(async () => {
  await rig?.close();
});

function postingsForBill(reference: string): number {
  const rows = rig.kiosk.demoGateway!.store.db.prepare('SELECT body_json FROM postings').all() as { body_json: string }[];
  return rows.filter((r) => (JSON.parse(r.body_json) as WirePosting).items.some((i) => i.reference === reference)).length;
}

describe('a bill paid while its posting waits cannot be paid again', () => {
  it('second lookup shows it paid here and being sent; no Pay; one posting once the network returns', async () => {
    rig.kiosk.demoGateway!.setFault((path) => (path === '/v1/payments' ? { mode: 'error500' } : { mode: 'none' }));
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'ابدأ بالعربية' }).tap();
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-electricityWater').tap();
    await typeOnKeypad(page, '100200306');
    await page.getByRole('button', { name: 'متابعة' }).tap();
    await page.getByTestId('pay').tap();
    await expect.poll(() => page.getByTestId('result-title').textContent(), { timeout: 20_000 }).toBe('تم الدفع بنجاح');
    await expect.poll(() => page.getByTestId('posting-state').getAttribute('data-posting')).toBe('pending');
    await page.getByRole('button', { name: 'إنهاء' }).tap();

    // The next visitor, in English this time, looks the same bill up: the gateway still says "outstanding".
    await page.getByRole('button', { name: 'Start in English' }).tap();
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-electricityWater').tap();
    await typeOnKeypad(page, '100200306');
    await page.getByRole('button', { name: 'Continue' }).tap();
    await page.getByTestId('paid-here').waitFor();
    expect(await page.getByTestId('paid-here').textContent()).toMatch(/^Paid at this kiosk on .+ It is being sent to Ministry of Electricity and Water\.$/);
    expect(await page.getByTestId('paid-here').getAttribute('data-posting')).toBe('pending');
    expect(await page.getByTestId('pay').count()).toBe(0);
    await page.getByTestId('nothing-to-pay').waitFor();
    await page.screenshot({ path: `${shots}/paid-here-en.png` });

    // Even a hand-made request cannot pay it: the core refuses (the screen never had a payable).
    const refused = await rig.kiosk.dispatcher.dispatch('payment.start', { payableIds: [BILL] });
    expect(refused.ok).toBe(false);

    // The network returns: exactly one posting for the bill, and the next lookup shows next month's bill.
    rig.kiosk.demoGateway!.setFault({ mode: 'none' });
    await expect.poll(() => rig.kiosk.outbox.depth().pending, { timeout: 15_000 }).toBe(0);
    expect(postingsForBill(BILL)).toBe(1);
    expect(rig.terminalSim.journal.filter((e) => e.kind === 'payment' && e.approved)).toHaveLength(1);
    await page.close();
  });

  it('the Arabic screen says the same, in Arabic', async () => {
    rig.kiosk.demoGateway!.setFault((path) => (path === '/v1/payments' ? { mode: 'error500' } : { mode: 'none' }));
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'ابدأ بالعربية' }).tap();
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-telephone').tap();
    await typeOnKeypad(page, '24810001');
    await page.getByRole('button', { name: 'متابعة' }).tap();
    await page.getByTestId('pay').tap();
    await expect.poll(() => page.getByTestId('result-title').textContent(), { timeout: 20_000 }).toBe('تم الدفع بنجاح');
    await page.getByRole('button', { name: 'إنهاء' }).tap();
    await page.getByRole('button', { name: 'ابدأ بالعربية' }).tap();
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-telephone').tap();
    await typeOnKeypad(page, '24810001');
    await page.getByRole('button', { name: 'متابعة' }).tap();
    await page.getByTestId('paid-here').waitFor();
    expect(await page.getByTestId('paid-here').textContent()).toMatch(/^دُفع في هذا الجهاز بتاريخ .+، وجارٍ إرساله إلى وزارة المواصلات\.$/);
    expect(await page.getByTestId('pay').count()).toBe(0);
    await page.screenshot({ path: `${shots}/paid-here-ar.png` });
    rig.kiosk.demoGateway!.setFault({ mode: 'none' });
    await expect.poll(() => rig.kiosk.outbox.depth().pending, { timeout: 15_000 }).toBe(0);
    expect(postingsForBill('TEL-24810001-2026-08')).toBe(1);
    await page.close();
  });

  it('two visitors racing for the same bill on two pages: one charge', async () => {
    const pages = [await rig.newPage(), await rig.newPage()];
    for (const page of pages) {
      await page.getByRole('button', { name: 'ابدأ بالعربية' }).tap();
      await page.getByTestId('section-payments').tap();
      await page.getByTestId('pay-paciFee').tap();
      await typeOnKeypad(page, '700100002');
      await page.getByRole('button', { name: 'متابعة' }).tap();
      await page.getByTestId('pay').waitFor();
    }
    const jobs = rig.terminalSim.journal.length;
    // Both tap Pay at the same moment.
    await Promise.all(pages.map((p) => p.getByTestId('pay').tap()));
    await expect.poll(() => rig.kiosk.transactions.inState('approved').filter((t) => t.items.some((i) => i.reference === 'PACI-700100002-2026-08')).length, { timeout: 20_000 }).toBe(1);
    await rig.kiosk.payments.settled();
    expect(rig.terminalSim.journal.slice(jobs).filter((e) => e.kind === 'payment')).toHaveLength(1);
    await expect.poll(() => rig.kiosk.outbox.depth().pending, { timeout: 15_000 }).toBe(0);
    expect(postingsForBill('PACI-700100002-2026-08')).toBe(1);
    for (const p of pages) await p.close();
  });
});
