import type { Money } from '../../main/contract/api.ts';
import { formatMinor } from '../../main/profiles/money.ts';

/** Exact money on screen: Intl formats the decimal string, never a float. */
export function formatMoneyIntl(m: Money, locale: 'ar' | 'en'): string {
  const nf = new Intl.NumberFormat(locale === 'ar' ? 'ar-KW' : 'en-KW', { style: 'currency', currency: m.currency });
  return nf.format(formatMinor(m.amountMinor, m.currency) as unknown as number);
}

export function formatDate(iso: string, locale: 'ar' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-KW' : 'en-GB', { dateStyle: 'long' }).format(new Date(`${iso}T12:00:00`));
}

export function formatPeriod(period: string, locale: 'ar' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-KW' : 'en-GB', { month: 'long', year: 'numeric' }).format(new Date(`${period}-15T12:00:00`));
}
