import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createMemoryLink } from '../../../drivers/transport/memory-link.ts';
import { EPSON_TM_T88_80MM, EscPosSimulator, createEscPosPrinter } from '../../../drivers/printer/index.ts';
import type { ReceiptDocument } from '../../../drivers/printer/printer.ts';
import { createMoneyCore } from '../../crash/money-core.ts';
import { zvtOverMemory } from '../../support/zvt-memory.ts';

const out = new URL('../../../test-output/receipts/', import.meta.url);
mkdirSync(out, { recursive: true });
const [host, device] = createMemoryLink();
const paper = new EscPosSimulator(device, EPSON_TM_T88_80MM);
const printer = createEscPosPrinter(host, EPSON_TM_T88_80MM);
afterAll(() => printer.close());

async function onPaper(doc: ReceiptDocument, name: string): Promise<string> {
  const before = paper.jobs.length;
  expect((await printer.print(doc)).ok).toBe(true);
  await new Promise((res) => setTimeout(res, 20));
  expect(paper.jobs.length).toBe(before + 1);
  writeFileSync(new URL(`${name}.png`, out), paper.renderPng());
  return paper.jobs.at(-1)!.flatMap((i) => (i.kind === 'text' ? [i.text] : [])).join('\n');
}

describe("the terminal's cardholder receipt on the visitor's receipt", () => {
  it('print lines sent by the terminal (06 D1) are journaled with the approval and printed, in Arabic and English (PNG)', async () => {
    const zvt = await zvtOverMemory();
    const core = createMoneyCore({ dbFile: ':memory:', terminal: zvt.terminal, gatewayUrl: 'http://127.0.0.1:9', wakeOnApproval: false });
    try {
      const id = await core.pay(13_875);
      const tx = core.transactions.get(id)!;
      expect(tx.state).toBe('approved');
      // Journaled with the terminal data: a reprint weeks later carries the same cardholder copy.
      const lines = tx.terminal!.printLines!;
      expect(lines).toEqual([...zvt.terminal.lastPrintLines]);
      expect(lines).toEqual(expect.arrayContaining(['CARDHOLDER COPY', 'AMOUNT KWD 13.875', '************4242', `AUTH CODE ${tx.terminal!.authCode}`]));
      // The visitor's receipt (as printed by the payment) holds every line.
      const printed = core.printer.printed.at(-1)!;
      const texts = printed.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
      for (const line of lines) expect(texts).toContain(line);

      const ar = await onPaper(printed, 'payment-cardholder-ar');
      const en = await onPaper(core.payments.receiptDocument({ ...tx, locale: 'en' }), 'payment-cardholder-en');
      for (const s of [ar, en]) {
        expect(s).toContain('AMOUNT KWD 13.875');
        expect(s).toContain(`TRACE ${String(tx.terminal!.traceNumber).padStart(6, '0')}`);
      }
      expect(en).toContain('Card receipt (cardholder copy)');
    } finally {
      core.close();
      await zvt.close();
    }
  }, 30_000);

  it('a terminal that sends no print lines leaves the receipt as it was', async () => {
    const zvt = await zvtOverMemory();
    const core = createMoneyCore({ dbFile: ':memory:', terminal: zvt.terminal, gatewayUrl: 'http://127.0.0.1:9', wakeOnApproval: false });
    try {
      const id = await core.pay(2_000);
      const tx = core.transactions.get(id)!;
      const doc = core.payments.receiptDocument({ ...tx, terminal: { ...tx.terminal!, printLines: [] } });
      expect(JSON.stringify(doc)).not.toContain('CARDHOLDER COPY');
      expect(JSON.stringify(core.payments.receiptDocument(tx))).toContain('CARDHOLDER COPY');
    } finally {
      core.close();
      await zvt.close();
    }
  }, 30_000);
});
