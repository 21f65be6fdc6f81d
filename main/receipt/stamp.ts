import type { Locale } from '../contract/api.ts';

/** Date and time on paper: 24-hour, Latin digits in both languages, in the kiosk's zone. */
export function receiptStamp(at: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
}
