import { describe, expect, it } from 'vitest';
import { SimJournal } from '../../../../drivers/payment/zvt-sim/journal.ts';
import { DEFAULT_SIM_CARD, defaultDecisionRule } from '../../../../drivers/payment/zvt-sim/rules.ts';

describe('simulator journal and rules', () => {
  it('declines amounts whose minor units end in 13, approves the rest', () => {
    expect(defaultDecisionRule(1013, 414)).toEqual({ approve: false, resultCode: 5 });
    expect(defaultDecisionRule(1012, 414)).toEqual({ approve: true });
  });

  it('numbers traces for every transaction and receipts for approvals only, wrapping like a terminal', () => {
    const j = new SimJournal({ firstTrace: 999_999, firstReceipt: 9_999 });
    const a = j.recordPayment(100, 414, DEFAULT_SIM_CARD, 0);
    const d = j.recordPayment(113, 414, DEFAULT_SIM_CARD, 5);
    const b = j.recordPayment(200, 414, DEFAULT_SIM_CARD, 0);
    expect([a.traceNumber, d.traceNumber, b.traceNumber]).toEqual([999_999, 1, 2]);
    expect([a.receiptNumber, d.receiptNumber, b.receiptNumber]).toEqual([9_999, undefined, 1]);
    expect(j.findPayment(9_999)).toBe(a);
    expect(j.findPayment(1)).toBe(b);
  });
});
