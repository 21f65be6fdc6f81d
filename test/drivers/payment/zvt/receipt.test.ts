import { describe, expect, it } from 'vitest';
import { terminalDateTime, toTerminalReceipt } from '../../../../drivers/payment/zvt/receipt.ts';

describe('receipt mapping', () => {
  const now = new Date(2026, 0, 1, 0, 5, 0); // 1 Jan 2026, 00:05 local

  it('completes MMDD with the current year, or last year across New Year', () => {
    expect(terminalDateTime({ date: '0101', time: '000412' }, now)).toBe('2026-01-01T00:04:12');
    expect(terminalDateTime({ date: '1231', time: '235959' }, now)).toBe('2025-12-31T23:59:59');
    expect(terminalDateTime({ dateWithYear: '251231', time: '120000' }, now)).toBe('2025-12-31T12:00:00');
  });

  it("infers the year in the profile's zone, not the process's: 23:30 and 00:30 in Kuwait around New Year UTC", () => {
    // 2026-12-31T20:30Z is 23:30 on 31 Dec in Kuwait; 21:30Z is 00:30 on 1 Jan 2027 there (still 2026 in UTC).
    const before = new Date('2026-12-31T20:30:00Z');
    const after = new Date('2026-12-31T21:30:00Z');
    expect(terminalDateTime({ date: '1231', time: '232900' }, before, 'Asia/Kuwait')).toBe('2026-12-31T23:29:00');
    expect(terminalDateTime({ date: '1231', time: '235900' }, after, 'Asia/Kuwait')).toBe('2026-12-31T23:59:00');
    expect(terminalDateTime({ date: '0101', time: '002900' }, after, 'Asia/Kuwait')).toBe('2027-01-01T00:29:00');
    // Without a date the ECR's local day is used.
    expect(terminalDateTime({ time: '002900' }, after, 'Asia/Kuwait')).toBe('2027-01-01T00:29:00');
    expect(terminalDateTime({ time: '232900' }, before, 'Asia/Qatar')).toBe('2026-12-31T23:29:00');
    // The same instant read in UTC is still 31 Dec: the zone, not the machine, decides.
    expect(terminalDateTime({ time: '002900' }, after, 'UTC')).toBe('2026-12-31T00:29:00');
    expect(toTerminalReceipt({ amountMinor: 5, traceNumber: 1, receiptNumber: 2, date: '0101', time: '002900' }, after, 414, 'Asia/Kuwait')?.dateTime).toBe('2027-01-01T00:29:00');
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
