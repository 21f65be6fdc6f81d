/**
 * ICAO 9303 Part 3 check digit: weights 7,3,1 repeating over character values
 * ('<' = 0, digits = 0–9, A–Z = 10–35), sum modulo 10.
 */
const WEIGHTS = [7, 3, 1] as const;

/** Value of one MRZ character, or null when the character is outside the MRZ set. */
export function mrzCharValue(ch: string): number | null {
  if (ch === '<') return 0;
  const c = ch.charCodeAt(0);
  if (ch.length !== 1) return null;
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  return null;
}

/** The check digit (0–9) for text, or null when text holds a non-MRZ character. */
export function mrzCheckDigit(text: string): number | null {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const v = mrzCharValue(text[i] ?? '');
    if (v === null) return null;
    sum += v * (WEIGHTS[i % 3] ?? 1);
  }
  return sum % 10;
}

/** True when checkChar is the decimal digit that mrzCheckDigit(text) yields. */
export function isCheckDigitValid(text: string, checkChar: string): boolean {
  const expected = mrzCheckDigit(text);
  return expected !== null && checkChar === String(expected);
}
