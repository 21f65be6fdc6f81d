import { describe, expect, it } from 'vitest';
import { endOfDayOutcome, paymentOutcome } from '../../../../drivers/payment/zvt/outcomes.ts';
import { zvtOverMemory } from '../../../support/zvt-memory.ts';

describe('terminal print lines (ECR prints receipts)', () => {
  it('travel with an approval and an end of day, and not without lines', () => {
    const info = { resultCode: 0, amountMinor: 500, traceNumber: 3, receiptNumber: 2, date: '0331', time: '233000', terminalId: '52001234' };
    const approved = paymentOutcome({ kind: 'completed', infos: [info], completion: {}, prints: ['CARDHOLDER COPY', 'AMOUNT KWD 0.500'] }, new Date('2026-03-31T20:30:00Z'), 414, 'Asia/Kuwait');
    expect(approved).toMatchObject({ kind: 'approved', receipt: { printLines: ['CARDHOLDER COPY', 'AMOUNT KWD 0.500'], dateTime: '2026-03-31T23:30:00' } });
    const bare = paymentOutcome({ kind: 'completed', infos: [info], completion: {}, prints: [] }, new Date('2026-03-31T20:30:00Z'), 414);
    expect(bare.kind === 'approved' && 'printLines' in bare.receipt).toBe(false);
    expect(endOfDayOutcome({ kind: 'completed', infos: [{ ...info, amountMinor: 900 }], completion: {}, prints: ['TOTAL 0.900'] })).toEqual({
      ok: true, totalMinor: 900, count: undefined, resultCode: 0, terminalId: '52001234', printLines: ['TOTAL 0.900'],
    });
  });

  it('a repeated approval (reconciliation) carries the receipt copy the terminal prints', async () => {
    const zvt = await zvtOverMemory();
    try {
      const paid = await zvt.terminal.authorize({ amountMinor: 1_250, currencyNumeric: 414, reference: 'r' });
      const again = await zvt.terminal.lastTransaction();
      expect(paid.kind).toBe('approved');
      expect(again).toMatchObject({ kind: 'approved', receipt: { printLines: expect.arrayContaining(['PAYMENT APPROVED (COPY)', 'AMOUNT KWD 1.250']) } });
    } finally {
      await zvt.close();
    }
  });
});
