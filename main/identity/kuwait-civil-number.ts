import { isoDay, isValidCalendarDate, pad2 } from './digits.ts';
import { invalid, type NationalIdResult, type ValidateOptions } from './national-id-types.ts';

/** PACI civil number weights over digits 1–11. */
const WEIGHTS = [2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * Check digit for the first 11 digits: 11 − (weighted sum mod 11). Returns null when the
 * result is 10 or 11: no valid civil number has those first 11 digits.
 */
export function kuwaitCivilCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(first11[i]) * (WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  return check >= 10 ? null : check;
}

/**
 * Kuwait civil number: century (2 → 19xx, 3 → 20xx), birth date YYMMDD, 4-digit serial,
 * check digit. Expects ASCII digits (see normaliseDigits).
 */
export function validateKuwaitCivilNumber(digits: string, options: ValidateOptions = {}): NationalIdResult {
  if (!/^\d*$/.test(digits)) return invalid('format', 'a civil number has digits only');
  if (digits.length !== 12) return invalid('length', `a civil number has 12 digits, got ${digits.length}`);
  const century = digits[0];
  if (century !== '2' && century !== '3') return invalid('format', 'the first digit (century) must be 2 or 3');
  const year = (century === '2' ? 1900 : 2000) + Number(digits.slice(1, 3));
  const month = Number(digits.slice(3, 5));
  const day = Number(digits.slice(5, 7));
  if (!isValidCalendarDate(year, month, day)) return invalid('date', 'digits 2–7 are not a valid birth date');
  const birthDate = `${year}-${pad2(month)}-${pad2(day)}`;
  if (birthDate > isoDay(options.today ?? new Date())) return invalid('date', 'the birth date is in the future');
  const check = kuwaitCivilCheckDigit(digits.slice(0, 11));
  if (check === null || String(check) !== digits[11]) return invalid('checkDigit', 'the check digit does not match');
  return { ok: true, profile: 'KW', id: digits, birthDate };
}

/**
 * Makes a valid civil number for a birth date (specimens, tests): the first serial from
 * `serialFrom` whose check digit is not 10/11. Birth date as 'YYYY-MM-DD', 1900–2099.
 */
export function makeKuwaitCivilNumber(birthDate: string, serialFrom = 0): string {
  const m = /^(19|20)(\d\d)-(\d\d)-(\d\d)$/.exec(birthDate);
  if (!m) throw new Error('makeKuwaitCivilNumber: birth date must be YYYY-MM-DD in 1900–2099');
  const head = `${m[1] === '19' ? '2' : '3'}${m[2]}${m[3]}${m[4]}`;
  for (let serial = serialFrom; serial < serialFrom + 10_000; serial++) {
    const first11 = head + String(serial % 10_000).padStart(4, '0');
    const check = kuwaitCivilCheckDigit(first11);
    if (check !== null) return first11 + String(check);
  }
  throw new Error('makeKuwaitCivilNumber: no valid serial found');
}
