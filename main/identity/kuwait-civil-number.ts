import { isoDay, isValidCalendarDate, pad2 } from './digits.ts';
import { invalid, type NationalIdResult, type ValidateOptions } from './national-id-types.ts';
import { kuwaitCivilCheckDigit, makeKuwaitCivilNumber } from '../../drivers/idreader/civil-number.ts';

// The check digit and the specimen generator live with the reader's specimens (drivers import nothing from main).
export { kuwaitCivilCheckDigit, makeKuwaitCivilNumber };

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
