import { invalid, type NationalIdResult, type ValidateOptions } from './national-id-types.ts';

/**
 * Qatar ID (QID): 11 digits = century (2 → 19xx, 3 → 20xx) + YY birth year + 3-digit
 * ISO 3166-1 numeric nationality + 5-digit serial. No public check digit: format only.
 */
export function validateQatarQid(digits: string, options: ValidateOptions = {}): NationalIdResult {
  if (!/^\d*$/.test(digits)) return invalid('format', 'a QID has digits only');
  if (digits.length !== 11) return invalid('length', `a QID has 11 digits, got ${digits.length}`);
  const century = digits[0];
  if (century !== '2' && century !== '3') return invalid('format', 'the first digit (century) must be 2 or 3');
  const year = (century === '2' ? 1900 : 2000) + Number(digits.slice(1, 3));
  if (year > (options.today ?? new Date()).getUTCFullYear()) return invalid('date', 'the birth year is in the future');
  if (digits.slice(3, 6) === '000') return invalid('format', 'digits 4–6 must be an ISO numeric nationality code');
  return { ok: true, profile: 'QA', id: digits, birthDate: String(year) };
}

/** The ISO 3166-1 numeric nationality code inside a QID (digits 4–6). */
export function qidNationalityCode(qid: string): string {
  return qid.slice(3, 6);
}
