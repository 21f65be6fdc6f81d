import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultDecisionRule } from '../../drivers/payment/zvt/index.ts';
import { startKioskRig, typeOnKeyboard, typeOnKeypad, type KioskRig } from '../support/kiosk-rig.ts';

// Demo visitors of the demo gateway (valid Kuwaiti civil numbers; nobody real).
const WITH_TWO_FINES = '285031400009';
const WITH_ONE_FINE = '290110200001';

let rig: KioskRig;
beforeAll(async () => {
  // 13 KWD donations are declined by this terminal, to exercise the decline path.
  rig = await startKioskRig({}, { decide: (amount, cur) => (amount === 13_000 ? { approve: false, resultCode: 0x05 } : defaultDecisionRule(amount, cur)) });
}, 60_000);
afterAll(async () => rig?.close());

const WORDS = {
  ar: { start: 'ابدأ بالعربية', cont: 'متابعة', noReceipt: 'المتابعة دون إيصال', paperOut: 'نفد ورق', declined: 'رُفضت', startOver: 'البدء من جديد' },
  en: { start: 'Start in English', cont: 'Continue', noReceipt: 'Continue without a receipt', paperOut: 'out of paper', declined: 'declined', startOver: 'Start over' },
} as const;

async function outcome(page: Page) {
  const result = page.locator('main.result');
  await result.waitFor({ timeout: 20_000 });
  await expect.poll(() => page.getByTestId('payment-progress').count()).toBe(0);
  return { state: await result.getAttribute('data-state'), txId: (await page.locator('main.result').getAttribute('data-transaction-id'))! };
}

const lastJobText = () => rig.printerSim.jobs.at(-1)!.flatMap((i) => (i.kind === 'text' ? [i.text] : [])).join('\n');

describe.each(['en', 'ar'] as const)('every visitor journey in Chromium (%s)', (lang) => {
  const w = WORDS[lang];
  async function open(): Promise<Page> {
    const page = await rig.newPage();
    await page.getByRole('button', { name: w.start }).tap();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
    return page;
  }

  it('traffic fines by civil number: pay one of two; receipt and posting name that fine', async () => {
    const page = await open();
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-trafficFines').tap();
    await typeOnKeypad(page, lang === 'en' ? WITH_TWO_FINES : WITH_ONE_FINE);
    await page.getByTestId('identify-continue').tap();
    await page.getByTestId('fines').waitFor();
    const boxes = page.getByRole('checkbox');
    const count = await boxes.count();
    expect(count).toBe(lang === 'en' ? 2 : 1);
    if (count === 2) await boxes.nth(1).tap(); // deselect the second fine
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(1);
    await page.getByTestId('pay-fines').tap();
    await page.getByTestId('pay').tap();
    const r = await outcome(page);
    expect(r.state).toBe('approved');
    const row = rig.kiosk.transactions.get(r.txId)!;
    expect(row.items).toHaveLength(1);
    expect(row.items[0]).toMatchObject({ kind: 'fine', amountMinor: lang === 'en' ? 20_000 : 50_000 });
    expect(lastJobText()).toContain(row.items[0]!.reference);
    await expect.poll(() => rig.kiosk.demoGateway!.store.postingsFor(r.txId).length).toBe(1);
    expect(rig.kiosk.demoGateway!.store.postingsFor(r.txId)[0]!.body.items).toEqual([{ kind: 'fine', reference: row.items[0]!.reference, amountMinor: row.items[0]!.amountMinor }]);
    await page.close();
  });

  it('telephone, PACI and Ministry of Justice bills, and a Zakat House donation', async () => {
    const cases = [
      { tile: 'pay-telephone', account: lang === 'en' ? '24810001' : '24810002' },
      { tile: 'pay-paciFee', account: lang === 'en' ? '700100001' : '700100002' },
      { tile: 'pay-justiceFee', account: lang === 'en' ? '2026000101' : '2026000102' },
    ];
    for (const c of cases) {
      const page = await open();
      await page.getByTestId('section-payments').tap();
      await page.getByTestId(c.tile).tap();
      await typeOnKeypad(page, c.account);
      await page.getByRole('button', { name: w.cont }).tap();
      await page.getByTestId('pay').tap();
      const r = await outcome(page);
      expect(r.state, c.tile).toBe('approved');
      expect(lastJobText()).toContain(c.account);
      await page.close();
    }
    const page = await open();
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-zakat').tap();
    await page.getByTestId('preset-25').tap();
    await page.getByTestId('donation-next').tap();
    await page.getByTestId('pay').tap();
    const r = await outcome(page);
    expect(r.state).toBe('approved');
    expect(rig.kiosk.transactions.get(r.txId)).toMatchObject({ amountMinor: 25_000, items: [{ kind: 'donation', reference: 'zakat' }] });
    expect(lastJobText()).toContain('25.000 KWD');
    await page.close();
  });

  it('a declined card: honest message, nothing journaled as paid, nothing posted', async () => {
    const page = await open();
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-zakat').tap();
    await typeOnKeypad(page, '13');
    await page.getByTestId('donation-next').tap();
    await page.getByTestId('pay').tap();
    const r = await outcome(page);
    expect(r.state).toBe('declined');
    expect(await page.getByTestId('result-title').textContent()).toContain(w.declined);
    expect(rig.kiosk.transactions.get(r.txId)?.state).toBe('declined');
    expect(rig.kiosk.outbox.byTransaction(r.txId)).toEqual([]);
    expect(rig.kiosk.demoGateway!.store.postingsFor(r.txId)).toEqual([]);
    await page.close();
  });

  it('printer out of paper before payment: the visitor is told and decides to go on without a receipt', async () => {
    rig.printerSim.setFault('paperOut');
    try {
      const page = await open();
      await page.getByTestId('section-payments').tap();
      await page.getByTestId('pay-electricityWater').tap();
      await typeOnKeypad(page, lang === 'en' ? '100200305' : '100200306');
      await page.getByRole('button', { name: w.cont }).tap();
      await page.getByTestId('printer-warning').waitFor();
      expect(await page.getByTestId('printer-warning').textContent()).toContain(w.paperOut);
      expect(await page.getByTestId('pay').isDisabled()).toBe(true);
      await page.getByRole('button', { name: w.noReceipt }).tap();
      await page.getByTestId('pay').tap();
      const r = await outcome(page);
      expect(r.state).toBe('approved');
      expect(await page.getByTestId('receipt-state').getAttribute('data-receipt')).toBe('failed');
      expect(rig.kiosk.transactions.get(r.txId)).toMatchObject({ state: 'approved', receiptState: 'failed' });
      const reference = (await page.getByTestId('payment-reference').textContent())!;
      expect(reference).toMatch(/^\d{16}$/);

      // Paper refilled: the visitor has the receipt printed by its reference.
      rig.printerSim.setFault('none');
      await page.getByRole('button', { name: w.startOver }).tap();
      await page.getByRole('button', { name: w.start }).tap();
      await page.getByTestId('section-payments').tap();
      await page.getByTestId('pay-reprint').tap();
      await typeOnKeypad(page, reference);
      await typeOnKeypad(page, '4241'); // not the card paid with: refused like an unknown reference
      await page.getByTestId('reprint-go').tap();
      await page.getByTestId('error').waitFor();
      await page.locator('.keypad [data-key="clear"]').tap();
      await typeOnKeypad(page, '4242');
      await page.getByTestId('reprint-go').tap();
      await expect.poll(() => page.getByTestId('reprint-result').getAttribute('data-printed')).toBe('true');
      expect(lastJobText()).toContain(r.txId);
      expect(lastJobText()).toContain(reference);
      expect(rig.kiosk.transactions.get(r.txId)?.receiptState).toBe('printed');
      await page.close();
    } finally {
      rig.printerSim.setFault('none');
    }
  });

  it('a complaint on the on-screen keyboard while offline: tracking number shown and printed, delivered once, status by tracking number', async () => {
    const gateway = rig.kiosk.demoGateway!;
    const page = await open();
    await gateway.stop();
    try {
      await page.getByTestId('section-complaints').tap();
      await page.getByTestId('entity-moi').tap();
      await page.locator('[data-testid^=type-]').first().tap();
      const text = lang === 'en' ? 'slow service' : 'تأخر في الخدمة';
      await typeOnKeyboard(page, text);
      expect(await page.getByTestId('complaint-text').inputValue()).toBe(text);
      await page.getByTestId('complaint-next').tap();
      await page.getByTestId('complaint-submit').tap();
      const tracking = (await page.getByTestId('tracking-number').textContent())!;
      expect(tracking).toMatch(/^\d{16}$/);
      await page.getByTestId('complaint-queued').waitFor();
      expect(lastJobText()).toContain(tracking);
    } finally {
      await gateway.start();
    }
    const tracking = (await page.getByTestId('tracking-number').textContent())!;
    await expect.poll(() => rig.kiosk.outboxService.complaint(tracking)?.deliveryState, { timeout: 15_000 }).toBe('delivered');
    expect(gateway.store.db.prepare('SELECT COUNT(*) AS n FROM complaints WHERE tracking_number = ?').get(tracking)).toEqual({ n: 1 });

    await page.getByRole('button', { name: w.startOver }).tap();
    await page.getByRole('button', { name: w.start }).tap();
    await page.getByTestId('section-complaints').tap();
    await page.getByTestId('complaint-status-link').tap();
    await typeOnKeypad(page, tracking);
    await page.getByRole('button', { name: w.cont }).tap();
    await expect.poll(() => page.getByTestId('complaint-status-result').getAttribute('data-status')).toBe('received');
    await page.close();
  });

  it('queue tickets: the centre\'s number online, the kiosk\'s own numbering offline, both printed', async () => {
    const page = await open();
    await page.getByTestId('section-ticket').tap();
    await page.locator('[data-testid^=ticket-entity-]').first().tap();
    await page.locator('[data-testid^=ticket-service-]').first().tap();
    const number = (await page.getByTestId('ticket-number').textContent())!;
    expect(number).not.toMatch(/^K/);
    expect(lastJobText()).toContain(number);
    await page.close();

    const gateway = rig.kiosk.demoGateway!;
    await gateway.stop();
    try {
      const offline = await open();
      await expect.poll(() => offline.getByTestId('net-status').getAttribute('class')).toContain('net-off');
      await offline.getByTestId('section-ticket').tap();
      await offline.locator('[data-testid^=ticket-entity-]').first().tap();
      await offline.locator('[data-testid^=ticket-service-]').first().tap();
      const local = (await offline.getByTestId('ticket-number').textContent())!;
      expect(local).toMatch(/^K1-[A-Z]+\d{3}$/);
      await offline.getByTestId('ticket-offline').waitFor();
      expect(lastJobText()).toContain(local);
      await offline.close();
    } finally {
      await gateway.start();
    }
  });

  it('service procedures: search as people type, details with forms as QR codes, and start the service', async () => {
    const page = await open();
    await page.getByTestId('section-procedures').tap();
    await page.getByTestId('open-search').tap();
    await typeOnKeyboard(page, lang === 'ar' ? 'اقامه' : 'residency');
    await expect.poll(() => page.locator('[data-testid^=result-]').count()).toBeGreaterThan(0);
    await page.locator('[data-testid^=result-]').first().tap();
    await page.getByTestId('service-detail').waitFor();
    expect(await page.getByTestId('service-detail').textContent()).toContain(lang === 'ar' ? 'الإقامة' : 'esidency');
    await page.getByTestId('start-service').tap();
    await page.getByTestId('identify').waitFor();
    await page.close();
  });

  it('residency, passport and civil ID card inquiries by civil number', async () => {
    for (const [kind, status] of [
      ['residency', 'expiringSoon'],
      ['passport', 'inProgress'],
      ['civilIdCard', 'readyForCollection'],
    ] as const) {
      const page = await open();
      await page.getByTestId('section-inquiries').tap();
      await page.getByTestId(`inquiry-${kind}`).tap();
      await typeOnKeypad(page, WITH_ONE_FINE);
      await page.getByTestId('identify-continue').tap();
      await expect.poll(() => page.getByTestId('status-result').getAttribute('data-status'), { message: kind }).toBe(status);
      await page.close();
    }
  });
});

describe('printer faults are seen on screen before the visitor pays', () => {
  it.each(['coverOpen', 'unplugged', 'cutterError', 'paperOut'] as const)('%s: warning, and Pay waits for the visitor\'s decision', async (fault) => {
    rig.printerSim.setFault(fault);
    try {
      const page = await rig.newPage();
      await page.getByRole('button', { name: 'Start in English' }).tap();
      await page.getByTestId('section-payments').tap();
      await page.getByTestId('pay-zakat').tap();
      await page.getByTestId('preset-5').tap();
      await page.getByTestId('donation-next').tap();
      await page.getByTestId('printer-warning').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('pay').isDisabled()).toBe(true);
      await page.close();
    } finally {
      rig.printerSim.setFault('none');
    }
  });
});
