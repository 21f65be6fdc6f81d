import type { CurrencyCode } from '../contract/api.ts';

const MINOR_DIGITS: Record<CurrencyCode, number> = { KWD: 3, BHD: 3, QAR: 2 };

/**
 * Formats integer minor units exactly (no floating point on the way): 12750 KWD → "12.750".
 * Locale-specific digits and the currency name are added by Intl where needed.
 */
export function formatMinor(amountMinor: number, currency: CurrencyCode): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError('amount must be an integer in minor units');
  const digits = MINOR_DIGITS[currency];
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor).toString().padStart(digits + 1, '0');
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** "12.750 KWD" / "12.750 د.ك" — Latin digits on paper, where auditors read them. */
export function formatMoney(amountMinor: number, currency: CurrencyCode, locale: 'ar' | 'en'): string {
  const symbol = locale === 'ar' ? { KWD: 'د.ك', BHD: 'د.ب', QAR: 'ر.ق' }[currency] : currency;
  return `${formatMinor(amountMinor, currency)} ${symbol}`;
}
