import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createMemoryLink } from '../../../drivers/transport/memory-link.ts';
import { EPSON_TM_T88_80MM, EscPosSimulator, createEscPosPrinter } from '../../../drivers/printer/index.ts';
import type { ReceiptDocument } from '../../../drivers/printer/printer.ts';
import { buildPaymentReceipt } from '../../../main/receipt/payment-receipt.ts';
import { complaintReceipt, ticketReceipt } from '../../../main/receipt/service-receipts.ts';
import { createTranslator } from '../../../main/i18n/translator.ts';
import { PROFILES } from '../../../main/profiles/profiles.ts';
import type { TransactionRow } from '../../../main/store/transactions-repo.ts';

const t = createTranslator(new URL('../../../assets/locales/', import.meta.url));
const out = new URL('../../../test-output/receipts/', import.meta.url);
mkdirSync(out, { recursive: true });
const [host, device] = createMemoryLink();
const sim = new EscPosSimulator(device, EPSON_TM_T88_80MM);
const printer = createEscPosPrinter(host, EPSON_TM_T88_80MM);
afterAll(() => printer.close());

const tx = (locale: 'ar' | 'en'): TransactionRow => ({
  id: '6f1d2c3b-4a59-4e8f-9b0a-1c2d3e4f5a6b',
  kind: 'billPayment',
  state: 'approved',
  amountMinor: 37_250,
  currency: 'KWD',
  items: [
    { kind: 'bill', reference: 'EW-100200303-2026-08', detail: '100200303', entity: { ar: 'وزارة الكهرباء والماء', en: 'Ministry of Electricity and Water' }, label: { ar: 'فاتورة الكهرباء والماء', en: 'Electricity & water bill' }, amountMinor: 29_250 },
    { kind: 'fine', reference: 'TF-400009-2', detail: 'TF-400009-2', entity: { ar: 'وزارة الداخلية - المرور', en: 'Ministry of Interior - Traffic' }, label: { ar: 'الوقوف في مكان ممنوع', en: 'No-parking zone' }, amountMinor: 8_000 },
  ],
  receiptState: 'none',
  postingState: 'pending',
  terminal: { authCode: '107919', maskedPan: '************4242', receiptNumber: 17, traceNumber: 42, terminalId: '52001234', cardType: 'Visa', dateTime: '2026-11-22T19:05:00' },
  declineReason: null,
  locale,
  reference: '0012611220017',
  terminalAnswer: null,
  resolved: null,
  createdAt: '2026-11-22T16:05:00.000Z',
  updatedAt: '2026-11-22T16:05:03.000Z',
});

const ctx = { t, profile: PROFILES.KW, kioskId: 'KW-GOVMALL-01', location: { ar: 'مجمع الوزارات الحكومي - الكويت', en: 'Government Mall - Kuwait City' }, timeZone: 'Asia/Kuwait', verifyUrl: 'https://gateway.example/verify/' };

async function printToPng(doc: ReceiptDocument, name: string) {
  const before = sim.jobs.length;
  const r = await printer.print(doc);
  expect(r.ok).toBe(true);
  await new Promise((res) => setTimeout(res, 20));
  expect(sim.jobs.length).toBe(before + 1);
  writeFileSync(new URL(`${name}.png`, out), sim.renderPng());
  return sim.jobs.at(-1)!;
}
const text = (job: ReturnType<EscPosSimulator['jobs']['at']>) => job!.flatMap((i) => (i.kind === 'text' ? [i.text] : [])).join('\n');
const images = (job: ReturnType<EscPosSimulator['jobs']['at']>) => job!.filter((i) => i.kind === 'raster').length;

describe('receipts on paper (PNG in test-output/receipts/)', () => {
  it('English payment receipt: every reference an auditor needs, as text', async () => {
    const job = await printToPng(buildPaymentReceipt(tx('en'), { ...ctx, postingPending: false }), 'payment-en');
    const s = text(job);
    for (const needle of ['0012611220017', '37.250 KWD', '29.250 KWD', '8.000 KWD', '100200303', 'TF-400009-2', '************4242', '52001234', '107919', '6f1d2c3b-4a59-4e8f-9b0a-1c2d3e4f5a6b', 'KW-GOVMALL-01', 'Paid']) {
      expect(s, needle).toContain(needle);
    }
    expect(s).not.toContain('posting pending');
    expect(job.some((i) => i.kind === 'qr')).toBe(true);
  });

  it('Arabic payment receipt: Arabic runs as shaped raster, references as text, "posting pending" when offline', async () => {
    const job = await printToPng(buildPaymentReceipt(tx('ar'), { ...ctx, postingPending: true }), 'payment-ar');
    expect(images(job)).toBeGreaterThan(5);
    const s = text(job);
    for (const needle of ['37.250 KWD', '************4242', '6f1d2c3b-4a59-4e8f-9b0a-1c2d3e4f5a6b']) expect(s, needle).toContain(needle);
    // No Arabic letter ever goes to the printer as code-page text.
    expect(s).not.toMatch(/[\u0600-\u06FF]/);
  });

  it('complaint and queue-ticket slips in both languages', async () => {
    const sctx = { t, country: PROFILES.KW.name, kioskId: 'KW-GOVMALL-01', location: ctx.location, timeZone: 'Asia/Kuwait' };
    const at = new Date('2026-11-22T16:10:00Z');
    for (const l of ['ar', 'en'] as const) {
      const c = await printToPng(
        complaintReceipt(sctx, l, { trackingNumber: '0012611220001', entity: { ar: 'وزارة الداخلية', en: 'Ministry of Interior' }, type: { ar: 'تأخر في معاملة', en: 'Delay in a transaction' }, dueDate: '2026-12-07', queued: true }, at),
        `complaint-${l}`,
      );
      expect(text(c)).toContain('0012611220001');
      const k = await printToPng(ticketReceipt(sctx, l, { number: 'A042', counterGroup: 'A', service: { ar: 'تجديد رخصة القيادة', en: 'Driving licence renewal' }, estimatedWaitMinutes: 12, offline: false }, at), `ticket-${l}`);
      expect(text(k)).toContain('A042');
    }
  });
});
