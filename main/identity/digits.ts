/**
 * Keypad and OCR input normalisation: Gulf keypads and on-screen keyboards may emit
 * Arabic-Indic (U+0660–0669) or Eastern Arabic-Indic (U+06F0–06F9) digits, and people
 * type separators. Returns ASCII with spaces, hyphens and dots removed.
 */
export function normaliseDigits(input: string): string {
  let out = '';
  for (const ch of input) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x0660 && c <= 0x0669) out += String(c - 0x0660);
    else if (c >= 0x06f0 && c <= 0x06f9) out += String(c - 0x06f0);
    else if (!/[\s\-.\u200e\u200f]/.test(ch)) out += ch;
  }
  return out;
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** UTC calendar day of `today` as 'YYYY-MM-DD' for string comparison. */
export function isoDay(today: Date): string {
  return `${today.getUTCFullYear()}-${pad2(today.getUTCMonth() + 1)}-${pad2(today.getUTCDate())}`;
}
