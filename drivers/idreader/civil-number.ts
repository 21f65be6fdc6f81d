/**
 * Kuwait civil numbers as the reader's specimens need them: the PACI check digit and a generator.
 * It lives in drivers/ because drivers import nothing from main/; main/identity validates with it.
 */

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
