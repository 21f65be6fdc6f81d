import { isCheckDigitValid } from './check-digit.ts';
import { cut, type CheckSpec, type Span } from './mrz-layout.ts';

/**
 * Letters OCR engines commonly read in place of digits (OCR-B glyph confusions).
 * Only applied to positions that must be numeric, and only kept when the check digit
 * confirms the repaired value.
 */
export const LETTER_TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  G: '6',
  B: '8',
};

export interface OcrFixResult {
  lines: string[];
  corrected: boolean;
  /** Fields whose repair was confirmed by their check digit. */
  fixedFields: string[];
}

function replaceSpan(lines: string[], span: Span, text: string): void {
  const line = lines[span.line] ?? '';
  lines[span.line] = line.slice(0, span.start) + text + line.slice(span.end);
}

function toDigits(text: string, keepFillers: boolean): string {
  let out = '';
  for (const ch of text) out += (keepFillers && ch === '<') || (ch >= '0' && ch <= '9') ? ch : (LETTER_TO_DIGIT[ch] ?? ch);
  return out;
}

function joinData(lines: readonly string[], spans: readonly Span[]): string {
  return spans.map((sp) => cut(lines, sp)).join('');
}

/**
 * Repairs letter/digit confusions in numeric positions (date fields and every check digit)
 * check by check, keeping a repair only when that check digit then validates. The composite
 * check runs last over the already repaired lines, so it confirms nothing it cannot see.
 */
export function fixOcrConfusions(input: readonly string[], checks: readonly CheckSpec[]): OcrFixResult {
  const lines = [...input];
  const fixedFields: string[] = [];
  for (const check of checks) {
    const digitRaw = cut(lines, check.digit);
    const digitFixed = digitRaw === '<' ? digitRaw : toDigits(digitRaw, false);
    const dataSpans = check.numericData ? check.data : [];
    const dataFixed = dataSpans.map((sp) => toDigits(cut(lines, sp), true));
    const changed = digitFixed !== digitRaw || dataFixed.some((t, i) => t !== cut(lines, dataSpans[i] as Span));
    if (!changed) continue;
    const trial = [...lines];
    dataSpans.forEach((sp, i) => replaceSpan(trial, sp, dataFixed[i] ?? ''));
    replaceSpan(trial, check.digit, digitFixed);
    if (isCheckDigitValid(joinData(trial, check.data), digitFixed)) {
      trial.forEach((l, i) => (lines[i] = l));
      fixedFields.push(check.field);
    }
  }
  return { lines, corrected: fixedFields.length > 0, fixedFields };
}
