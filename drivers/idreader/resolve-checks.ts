import { cut, type CheckSpec, type MrzLayout, type Span } from './mrz-layout.ts';

/**
 * TD1/TD2 long document numbers (ICAO 9303 Part 5/6, note j): when the document-number
 * check digit position holds '<', the number continues in the optional data field, ends
 * with its check digit, and is terminated by '<'. Returns the checks with the
 * document-number check rewritten to the real spans, plus where optional data starts.
 */
export interface ResolvedChecks {
  checks: CheckSpec[];
  /** Extra document-number characters found in the optional data (empty for short numbers). */
  documentNumberExtension: Span | null;
  /** The optional data field after any document-number extension. */
  optionalData: Span;
}

export function resolveChecks(lines: readonly string[], layout: MrzLayout): ResolvedChecks {
  const checks = [...layout.checks];
  const docCheck = checks.find((c) => c.field === 'documentNumber');
  const unchanged = { checks, documentNumberExtension: null, optionalData: layout.optionalData };
  if (layout.format === 'TD3' || !docCheck || cut(lines, docCheck.digit) !== '<') return unchanged;

  const opt = layout.optionalData;
  const text = cut(lines, opt);
  const end = text.indexOf('<');
  const extLength = end === -1 ? text.length : end;
  // Need at least one character besides the check digit, else it is just an empty field.
  if (extLength < 2) return unchanged;
  const extension: Span = { line: opt.line, start: opt.start, end: opt.start + extLength - 1 };
  const digit: Span = { line: opt.line, start: extension.end, end: extension.end + 1 };
  const rewritten: CheckSpec = { ...docCheck, data: [layout.documentNumber, extension], digit };
  return {
    checks: checks.map((c) => (c === docCheck ? rewritten : c)),
    documentNumberExtension: extension,
    optionalData: { line: opt.line, start: Math.min(opt.end, opt.start + extLength + 1), end: opt.end },
  };
}
