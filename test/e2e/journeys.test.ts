import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultDecisionRule } from '../../drivers/payment/zvt/index.ts';
import { startKioskRig, typeOnKeyboard, typeOnKeypad, type KioskRig } from '../support/kiosk-rig.ts';

// Demo visitors of the demo gateway (valid Kuwaiti civil numbers; nobody real).
const WITH_TWO_FINES = '285031400009';

let rig: KioskRig;
beforeAll(async () => {
  // 13 KWD donations are declined by this terminal, to exercise the decline path.
  rig = await startKioskRig({}, { decide: (amount, cur) => (amount === 13_000 ? { approve: false, resultCode: 0x05 } : defaultDecisionRule(amount, cur)) });
}, 60_000);
afterAll(async () => rig?.close());

async function start(page: Page, lang: 'ar' | 'en') {
  await page.getByRole('button', { name: lang === 'ar' ? 'ابدأ بالعربية' : 'Start in English' }).tap();
}

async function resultOf(page: Page) {
  await page.getByTestId('result-title').waitFor({ timeout: 20_000 });
  await expect.poll(() => page.getByTestId('payment-progress').count()).toBe(0);
  return { title: await page.getByTestId('result-title').textContent(), txId: (await page.getByTestId('transaction-id').textContent())! };
}

const lastJobText = () => rig.printerSim.jobs.at(-1)!.flatMap((i) => (i.kind === 'text' ? [i.text] : [])).join('\n');

describe('every visitor journey, end to end in Chromium', () => {
  it('English: traffic fines by civil number, pay one of two; receipt and posting name that fine', async () => {
    const page = await rig.newPage();
    await start(page, 'en');
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-trafficFines').tap();
    await typeOnKeypad(page, WITH_TWO_FINES);
    await page.getByTestId('identify-continue').tap();
    await page.getByTestId('fines').waitFor();
    expect(await page.getByText('2 fines', { exact: true }).count()).toBe(1);
    await page.getByRole('checkbox', { name: /No-parking zone/ }).tap(); // deselect the 5 KWD one
    await page.getByTestId('pay-fines').tap();
    await expect.poll(() => page.getByTestId('bill-amount').textContent()).toContain('20.000');
    await page.getByTestId('pay').tap();
    const r = await resultOf(page);
    expect(r.title).toBe('Payment successful');
    const row = rig.kiosk.transactions.get(r.txId)!;
    expect(row.items).toMatchObject([{ kind: 'fine', amountMinor: 20_000 }]);
    expect(lastJobText()).toContain(row.items[0]!.reference);
    expect(lastJobText()).toContain('20.000 KWD');
    await expect.poll(() => rig.kiosk.demoGateway!.store.postingsFor(r.txId).length).toBe(1);
    expect(rig.kiosk.demoGateway!.store.postingsFor(r.txId)[0]!.body.items).toEqual([{ kind: 'fine', reference: row.items[0]!.reference, amountMinor: 20_000 }]);
    await page.close();
  });

  it('Arabic: Zakat House donation with a preset amount', async () => {
    const page = await rig.newPage();
    await start(page, 'ar');
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-zakat').tap();
    await page.getByTestId('preset-25').tap();
    await page.getByTestId('donation-next').tap();
    await page.getByTestId('pay').tap();
    const r = await resultOf(page);
    expect(r.title).toBe('تم الدفع بنجاح');
    expect(rig.kiosk.transactions.get(r.txId)).toMatchObject({ amountMinor: 25_000, state: 'approved', items: [{ kind: 'donation', reference: 'zakat' }] });
    await page.close();
  });

  it('a declined card: honest message, nothing journaled as paid, nothing posted', async () => {
    const page = await rig.newPage();
    await start(page, 'en');
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-zakat').tap();
    await typeOnKeypad(page, '13');
    await page.getByTestId('donation-next').tap();
    await page.getByTestId('pay').tap();
    const r = await resultOf(page);
    expect(r.title).toBe('Not completed: the card was declined');
    expect(rig.kiosk.transactions.get(r.txId)?.state).toBe('declined');
    expect(rig.kiosk.outbox.byTransaction(r.txId)).toEqual([]);
    expect(rig.kiosk.demoGateway!.store.postingsFor(r.txId)).toEqual([]);
    await page.close();
  });

  it('printer out of paper before payment: the visitor is told and decides to go on without a receipt', async () => {
    rig.printerSim.setFault('paperOut');
    const page = await rig.newPage();
    await start(page, 'en');
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-electricityWater').tap();
    await typeOnKeypad(page, '100200305');
    await page.getByRole('button', { name: 'Continue' }).tap();
    await page.getByTestId('printer-warning').waitFor();
    expect(await page.getByTestId('printer-warning').textContent()).toContain('out of paper');
    expect(await page.getByTestId('pay').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Continue without a receipt' }).tap();
    await page.getByTestId('pay').tap();
    const r = await resultOf(page);
    expect(r.title).toBe('Payment successful');
    expect(await page.getByTestId('receipt-state').getAttribute('data-receipt')).toBe('failed');
    expect(rig.kiosk.transactions.get(r.txId)).toMatchObject({ state: 'approved', receiptState: 'failed' });
    rig.printerSim.setFault('none');
    await page.close();
  });

  it('a complaint written on the on-screen keyboard while offline: tracking number shown and printed, delivered once when back', async () => {
    const gateway = rig.kiosk.demoGateway!;
    const page = await rig.newPage();
    await start(page, 'en');
    await gateway.stop();
    await page.getByTestId('section-complaints').tap();
    await page.getByTestId('entity-moi').tap();
    await page.locator('[data-testid^=type-]').first().tap();
    await typeOnKeyboard(page, 'slow service');
    expect(await page.getByTestId('complaint-text').textContent()).toBe('slow service');
    await page.getByTestId('complaint-next').tap();
    await page.getByTestId('complaint-submit').tap();
    const tracking = (await page.getByTestId('tracking-number').textContent())!;
    expect(tracking).toMatch(/^\d{13}$/);
    await page.getByTestId('complaint-queued').waitFor();
    expect(lastJobText()).toContain(tracking);

    await gateway.start();
    await expect.poll(() => rig.kiosk.outboxService.complaint(tracking)?.deliveryState, { timeout: 15_000 }).toBe('delivered');
    expect(gateway.store.db.prepare('SELECT COUNT(*) AS n FROM complaints WHERE tracking_number = ?').get(tracking)).toEqual({ n: 1 });
    await page.close();
  });

  it('a queue ticket for a counter-only service is printed with its number', async () => {
    const page = await rig.newPage();
    await start(page, 'ar');
    await page.getByTestId('section-ticket').tap();
    await page.locator('[data-testid^=ticket-entity-]').first().tap();
    await page.locator('[data-testid^=ticket-service-]').first().tap();
    const number = (await page.getByTestId('ticket-number').textContent())!;
    expect(number.length).toBeGreaterThan(1);
    expect(lastJobText()).toContain(number);
    await page.close();
  });

  it('Arabic search finds the service as people type it: no hamza, taa marbuta as haa', async () => {
    const page = await rig.newPage();
    await start(page, 'ar');
    await page.getByTestId('section-procedures').tap();
    await page.getByTestId('open-search').tap();
    await typeOnKeyboard(page, 'اقامه');
    await expect.poll(() => page.locator('[data-testid^=result-]').count()).toBeGreaterThan(0);
    const first = await page.locator('[data-testid^=result-]').first().textContent();
    expect(first).toContain('الإقامة');
    await page.close();
  });
});
