import type { Money } from '../../main/contract/api.ts';
import { formatMinor } from '../../main/shared/money.ts';

export interface Formatters {
  money(m: Money): string;
  date(iso: string): string;
  period(yyyyMm: string): string;
  number(n: number): string;
}

/**
 * Locale-aware formatting with the profile's digit choice (Arabic-Indic or Latin) and an
 * optional Hijri date beside the Gregorian one. Money is formatted from the exact decimal
 * string, never a float.
 */
export function createFormatters(locale: 'ar' | 'en', opts: { numerals: 'arab' | 'latn'; hijri: boolean; region?: string }): Formatters {
  const region = opts.region ?? 'KW';
  const tag = locale === 'ar' ? `ar-${region}-u-nu-${opts.numerals}` : `en-GB-u-nu-latn`;
  const dateFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'long' });
  const hijriFmt = new Intl.DateTimeFormat(locale === 'ar' ? `ar-SA-u-ca-islamic-umalqura-nu-${opts.numerals}` : 'en-GB-u-ca-islamic-umalqura', { dateStyle: 'long' });
  const periodFmt = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric' });
  const at = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00`);
  return {
    money: (m) => new Intl.NumberFormat(tag, { style: 'currency', currency: m.currency }).format(formatMinor(m.amountMinor, m.currency) as unknown as number),
    date: (iso) => (opts.hijri ? `${dateFmt.format(at(iso))} (${hijriFmt.format(at(iso))})` : dateFmt.format(at(iso))),
    period: (p) => periodFmt.format(new Date(`${p}-15T12:00:00`)),
    number: (n) => new Intl.NumberFormat(tag).format(n),
  };
}
