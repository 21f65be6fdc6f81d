import type { Lang } from './strings.ts';

const DECIMALS: Record<string, number> = { KWD: 3, BHD: 3, QAR: 2 };
const locale = (lang: Lang) => (lang === 'ar' ? 'ar' : 'en-GB');
// Building an Intl formatter costs far more than using one: 5,000 tiles share these.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** Minor units to the currency's own decimals (KWD/BHD fils: 3, QAR dirham: 2). */
export function money(lang: Lang, minor: number, currency: string): string {
  const d = DECIMALS[currency] ?? 2;
  return `${cached(`money/${lang}/${d}`, () => new Intl.NumberFormat(locale(lang), { minimumFractionDigits: d, maximumFractionDigits: d })).format(minor / 10 ** d)} ${currency}`;
}
export const num = (lang: Lang, n: number) => cached(`num/${lang}`, () => new Intl.NumberFormat(locale(lang))).format(n);
export function pct(lang: Lang, v: number | null): string {
  if (v === null) return '—';
  const s = cached(`pct/${lang}`, () => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, signDisplay: 'exceptZero' })).format(v);
  return `${s}٪`.replace('٪', lang === 'ar' ? '٪' : '%');
}
export function when(lang: Lang, iso: string | null, never: string): string {
  if (!iso) return never;
  return cached(`when/${lang}`, () => new Intl.DateTimeFormat(locale(lang), { dateStyle: 'short', timeStyle: 'medium' })).format(new Date(iso));
}
export function ago(lang: Lang, iso: string | null, now: number, never: string): string {
  if (!iso) return never;
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  const rtf = cached(`ago/${lang}`, () => new Intl.RelativeTimeFormat(locale(lang), { numeric: 'auto' }));
  if (s < 60) return rtf.format(-s, 'second');
  if (s < 3600) return rtf.format(-Math.round(s / 60), 'minute');
  if (s < 86400) return rtf.format(-Math.round(s / 3600), 'hour');
  return rtf.format(-Math.round(s / 86400), 'day');
}
export const bytes = (lang: Lang, n: number) => `${cached(`bytes/${lang}`, () => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 })).format(n / 1e9)} GB`;
