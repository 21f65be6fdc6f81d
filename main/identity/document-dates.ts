import type { MrzDocument } from '../../drivers/idreader/reader.ts';
import { isoDay, isValidCalendarDate, pad2 } from './digits.ts';

/**
 * Expands an MRZ YYMMDD date to 'YYYY-MM-DD'. Birth dates take the latest century not in
 * the future; expiry dates are taken as 20YY unless that is over 50 years ahead (documents
 * last at most ~10 years, so old 19YY expiries stay in the past). Null when not a date.
 */
export function mrzDateToIso(yymmdd: string, kind: 'birth' | 'expiry', today: Date = new Date()): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const thisYear = today.getUTCFullYear();
  let year = thisYear - (thisYear % 100) + yy;
  const iso = (y: number) => `${y}-${pad2(month)}-${pad2(day)}`;
  if (kind === 'birth' && iso(year) > isoDay(today)) year -= 100;
  if (kind === 'expiry' && year > thisYear + 50) year -= 100;
  return isValidCalendarDate(year, month, day) ? iso(year) : null;
}

/**
 * True when the document expired before `today` (a document is valid through its expiry
 * day). Null when the expiry date is unreadable, so callers decide rather than guess.
 */
export function isDocumentExpired(doc: Pick<MrzDocument, 'expiryDate'>, today: Date = new Date()): boolean | null {
  const expiry = mrzDateToIso(doc.expiryDate, 'expiry', today);
  return expiry === null ? null : expiry < isoDay(today);
}
