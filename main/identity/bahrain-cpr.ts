import { isoDay, pad2 } from './digits.ts';
import { invalid, type NationalIdResult, type ValidateOptions } from './national-id-types.ts';

/**
 * Bahrain CPR (personal number): 9 digits, YYMM of birth + 4-digit serial + check digit.
 * The check-digit algorithm is not published by the Information & eGovernment Authority
 * and we could not confirm one from public sources, so only the format and birth month
 * are validated; the 9th digit is accepted as is.
 */
export function validateBahrainCpr(digits: string, options: ValidateOptions = {}): NationalIdResult {
  if (!/^\d*$/.test(digits)) return invalid('format', 'a CPR number has digits only');
  if (digits.length !== 9) return invalid('length', `a CPR number has 9 digits, got ${digits.length}`);
  const yy = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  if (month < 1 || month > 12) return invalid('date', 'digits 3–4 are not a birth month');
  const today = options.today ?? new Date();
  // Two-digit year: the latest century that does not put the birth month in the future.
  const thisYear = today.getUTCFullYear();
  let year = thisYear - (thisYear % 100) + yy;
  if (`${year}-${pad2(month)}` > isoDay(today).slice(0, 7)) year -= 100;
  return { ok: true, profile: 'BH', id: digits, birthDate: `${year}-${pad2(month)}` };
}
