import { describe, expect, it } from 'vitest';
import { terminalDateTime, toTerminalReceipt } from '../../../../drivers/payment/zvt/receipt.ts';

describe('receipt mapping', () => {
  const now = new Date(2026, 0, 1, 0, 5, 0); // 1 Jan 2026, 00:05 local

  it('completes MMDD with the current year, or last year across New Year', () => {
    expect(terminalDateTime({ date: '0101', time: '000412' }, now)).toBe('2026-01-01T00:04:12');
    expect(terminalDateTime({ date: '1231', time: '235959' }, now)).toBe('2025-12-31T23:59:59');
    expect(terminalDateTime({ dateWithYear: '251231', time: '120000' }, now)).toBe('2025-12-31T12:00:00');
  });

  it('needs amount, trace and receipt number; masks the PAN whatever was sent', () => {
    expect(toTerminalReceipt({ amountMinor: 5, traceNumber: 1 }, now, 414)).toBeUndefined();
    const r = toTerminalReceipt(
      { amountMinor: 5, traceNumber: 1, receiptNumber: 2, pan: '4111111111111111', cardType: 6, date: '0101', time: '000000' },
      now,
      634,
    );
    expect(r).toMatchObject({ maskedPan: '************1111', cardType: 'Mastercard', currencyNumeric: 634 });
  });
});
