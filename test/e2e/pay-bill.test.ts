import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLink } from '../../drivers/transport/memory-link.ts';
import { EPSON_TM_T88_80MM, EscPosSimulator, layoutReceipt } from '../../drivers/printer/index.ts';
import type { PrintedImage } from '../../drivers/printer/index.ts';
import type { ReceiptDocument } from '../../drivers/printer/printer.ts';
import { startKioskRig, typeOnKeypad, type KioskRig } from '../support/kiosk-rig.ts';

let rig: KioskRig;

beforeAll(async () => {
  rig = await startKioskRig();
}, 60_000);
afterAll(async () => {
  await rig?.close();
});

/** What a printer shows for a document: decode the driver's bytes for it in a second simulator. */
async function expectedImages(doc: ReceiptDocument): Promise<PrintedImage[]> {
  const [host, device] = createMemoryLink();
  const sim = new EscPosSimulator(device, EPSON_TM_T88_80MM);
  await host.write(layoutReceipt(doc, EPSON_TM_T88_80MM));
  await new Promise((r) => setTimeout(r, 50));
  const images = sim.images();
  sim.close();
  return images;
}

const pixels = (images: PrintedImage[]) => images.map((i) => `${i.bitmap.width}x${i.bitmap.height}:${Buffer.from(i.bitmap.data).toString('base64')}`);

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('a visitor pays an electricity & water bill (Arabic, real serial links, Chromium)', () => {
  it('attract → Arabic → bill → keypad → pay → receipt printed, journaled, posted once', async () => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'ابدأ بالعربية' }).tap();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-electricityWater').tap();
    await typeOnKeypad(page, '100200303');
    await page.getByRole('button', { name: 'متابعة' }).tap();
    await expect.poll(() => page.getByTestId('bill-amount').textContent()).toContain('٢٩٫٢٥٠');
    const jobsBefore = rig.printerSim.jobs.length;
    await page.getByRole('button', { name: /^ادفع/ }).tap();

    // A visible progress state while the terminal works.
    await page.getByTestId('payment-progress').waitFor();
    await expect.poll(() => page.getByTestId('result-title').textContent(), { timeout: 20_000 }).toBe('تم الدفع بنجاح');
    const txId = (await page.locator('main.result').getAttribute('data-transaction-id'))!;

    // The SQLite journal row.
    const row = rig.kiosk.transactions.get(txId)!;
    expect(row).toMatchObject({ state: 'approved', amountMinor: 29_250, currency: 'KWD', receiptState: 'printed', locale: 'ar' });
    expect(row.items).toMatchObject([{ kind: 'bill', reference: 'EW-100200303-2026-08', detail: '100200303', amountMinor: 29_250 }]);
    expect(row.terminal?.authCode).toBeTruthy();

    // What the printer received over the pty, decoded: Latin references as text, Arabic as
    // shaped bitmaps identical to the ones our layout makes for this receipt.
    expect(rig.printerSim.jobs.length).toBe(jobsBefore + 1);
    const text = rig.printerSim.decodedText().join('\n');
    expect(text).toContain('29.250 KWD');
    expect(text).toContain(txId);
    expect(text).toContain(row.terminal!.maskedPan);
    expect(rig.printerSim.qrCodes().at(-1)).toContain(txId);
    // Online, the receipt waited for the gateway's ack and says "paid" (not "posting pending").
    const expected = pixels(await expectedImages(rig.kiosk.payments.receiptDocument(row, false)));
    expect(pixels(rig.printerSim.images().slice(-expected.length))).toEqual(expected);

    // Delivered to the gateway exactly once, and the screen says so.
    await expect.poll(() => page.getByTestId('posting-state').getAttribute('data-posting'), { timeout: 10_000 }).toBe('delivered');
    expect(rig.kiosk.demoGateway!.store.postingsFor(txId)).toHaveLength(1);
    expect(rig.kiosk.outbox.byTransaction(txId)).toMatchObject([{ state: 'delivered' }]);
    await page.close();
  });

  it('with the gateway stopped: the payment completes, screen and receipt say posting pending, delivered once after restart', { timeout: 60_000 }, async () => {
    const page = await rig.newPage();
    await page.getByRole('button', { name: 'ابدأ بالعربية' }).tap();
    await page.getByTestId('section-payments').tap();
    await page.getByTestId('pay-electricityWater').tap();
    await typeOnKeypad(page, '100200304');
    await page.getByRole('button', { name: 'متابعة' }).tap();
    await page.getByTestId('bill-amount').waitFor();

    const gateway = rig.kiosk.demoGateway!;
    await gateway.stop();
    await expect.poll(() => page.getByTestId('net-status').textContent(), { timeout: 5000 }).toBe('غير متصل');
    await page.getByRole('button', { name: /^ادفع/ }).tap();
    await expect.poll(() => page.getByTestId('result-title').textContent(), { timeout: 20_000 }).toBe('تم الدفع بنجاح');
    const txId = (await page.locator('main.result').getAttribute('data-transaction-id'))!;
    expect(await page.getByTestId('posting-state').getAttribute('data-posting')).toBe('pending');
    expect(await page.getByTestId('posting-state').textContent()).toContain('فور عودة الاتصال');

    const row = rig.kiosk.transactions.get(txId)!;
    expect(row).toMatchObject({ state: 'approved', postingState: 'pending', receiptState: 'printed' });
    // The receipt printed the "paid, posting pending" status (and not the plain "paid" one).
    const pendingImages = pixels(await expectedImages(rig.kiosk.payments.receiptDocument(row, true)));
    const deliveredImages = pixels(await expectedImages(rig.kiosk.payments.receiptDocument(row, false)));
    expect(pendingImages).not.toEqual(deliveredImages);
    expect(pixels(rig.printerSim.images().slice(-pendingImages.length))).toEqual(pendingImages);
    await until(() => (rig.kiosk.outbox.byTransaction(txId)[0]?.attempts ?? 0) >= 1);
    expect(gateway.store.postingsFor(txId)).toHaveLength(0);

    await gateway.start();
    await expect.poll(() => page.getByTestId('posting-state').getAttribute('data-posting'), { timeout: 15_000 }).toBe('delivered');
    expect(gateway.store.postingsFor(txId)).toHaveLength(1);
    expect(rig.kiosk.transactions.get(txId)!.postingState).toBe('delivered');
    // Later wake-ups must not post it again.
    await new Promise((r) => setTimeout(r, 600));
    expect(gateway.store.postingsFor(txId)).toHaveLength(1);
    await page.close();
  });
});
