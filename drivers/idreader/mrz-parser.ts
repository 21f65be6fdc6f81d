import { isCheckDigitValid } from './check-digit.ts';
import { cut, LAYOUTS, type CheckSpec, type CheckedField, type MrzLayout } from './mrz-layout.ts';
import { fixOcrConfusions } from './ocr-fix.ts';
import type { MrzDocument, ReadResult } from './reader.ts';
import { resolveChecks } from './resolve-checks.ts';

export interface ParseOptions {
  /** Repair letter/digit confusions in numeric positions when check digits confirm (default true). */
  ocrFix?: boolean;
}

/** One check digit's outcome; positions are 1-based for technicians' eyes. */
export interface CheckOutcome {
  field: CheckedField;
  ok: boolean;
  line: number;
  column: number;
}

const MRZ_LINE = /^[A-Z0-9<]*$/;
const NUMERIC_OR_FILLER = /^[0-9<]*$/;

function fail(code: 'unreadable' | 'badLength' | 'badCheckDigit' | 'unknownFormat', message: string, field?: string): ReadResult {
  return field === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, field } };
}

/** Accepts lines or one string with line breaks; trims spaces and stray CR/LF around lines. */
export function normaliseMrzInput(input: string | readonly string[]): string[] {
  const raw = typeof input === 'string' ? input.split(/\r\n|\r|\n/) : [...input];
  return raw.map((l) => (typeof l === 'string' ? l.trim() : '')).filter((l) => l.length > 0);
}

export function detectLayout(lines: readonly string[]): MrzLayout | ReadResult {
  if (lines.length === 0) return fail('unreadable', 'no MRZ lines');
  const lengths = new Set(lines.map((l) => l.length));
  const first = lines[0] ?? '';
  const layout = LAYOUTS.find((l) => l.lineLength === first.length);
  if (lengths.size > 1) return fail('badLength', `MRZ lines differ in length (${[...lengths].join('/')})`);
  if (!layout) return fail('unknownFormat', `no ICAO format has ${first.length}-character lines`);
  if (lines.length !== layout.lineCount) {
    return fail('badLength', `${layout.format} needs ${layout.lineCount} lines, got ${lines.length}`);
  }
  // MRV-A/MRV-B visas share TD3/TD2 sizes but not their layout.
  if (first[0] === 'V') return fail('unknownFormat', 'machine readable visas are not supported');
  return layout;
}

export function runChecks(lines: readonly string[], checks: readonly CheckSpec[]): CheckOutcome[] {
  return checks.map((c) => {
    const data = c.data.map((sp) => cut(lines, sp)).join('');
    const digit = cut(lines, c.digit);
    const fillerOk = c.fillerWhenEmpty === true && /^<*$/.test(data) && (digit === '<' || digit === '0');
    return { field: c.field, ok: fillerOk || isCheckDigitValid(data, digit), line: c.digit.line + 1, column: c.digit.start + 1 };
  });
}

const clean = (text: string): string => text.replace(/<+$/, '');

function splitNames(text: string): { surname: string; givenNames: string } {
  const body = clean(text);
  const sep = body.indexOf('<<');
  const surname = sep === -1 ? body : body.slice(0, sep);
  const given = sep === -1 ? '' : body.slice(sep + 2);
  const words = (t: string) => t.split('<').filter((w) => w.length > 0).join(' ');
  return { surname: words(surname), givenNames: words(given) };
}

/**
 * Parses an ICAO 9303 TD1/TD2/TD3 MRZ and verifies every check digit. Never throws:
 * garbage yields { ok: false } with the precise reason. Error messages never carry field
 * values (personal data), only field names and positions.
 */
export function parseMrz(input: string | readonly string[], options: ParseOptions = {}): ReadResult {
  try {
    return parseUnsafe(input, options);
  } catch {
    // Defensive: a parser bug must not take the driver down; report the read as unreadable.
    return fail('unreadable', 'internal parser error');
  }
}

function parseUnsafe(input: string | readonly string[], options: ParseOptions): ReadResult {
  const lines = normaliseMrzInput(input);
  const layout = detectLayout(lines);
  if (!('format' in layout)) return layout;
  const badLine = lines.findIndex((l) => !MRZ_LINE.test(l));
  if (badLine !== -1) return fail('unreadable', `line ${badLine + 1} has characters outside the MRZ set`);

  const resolved = resolveChecks(lines, layout);
  const fixed = options.ocrFix === false ? { lines, corrected: false } : fixOcrConfusions(lines, resolved.checks);
  const mrz = fixed.lines;

  const failures = runChecks(mrz, resolved.checks).filter((o) => !o.ok);
  const first = failures[0];
  if (first) {
    const where = failures.map((f) => `${f.field} (line ${f.line}, column ${f.column})`).join(', ');
    return fail('badCheckDigit', `check digit mismatch: ${where}`, first.field);
  }
  for (const field of ['birthDate', 'expiryDate'] as const) {
    if (!NUMERIC_OR_FILLER.test(cut(mrz, layout[field]))) return fail('unreadable', `${field} is not numeric`, field);
  }

  const ext = resolved.documentNumberExtension;
  const documentNumber = clean(cut(mrz, layout.documentNumber) + (ext ? cut(mrz, ext) : '')).replace(/</g, '');
  const document: MrzDocument = {
    format: layout.format,
    documentCode: clean(cut(mrz, layout.documentCode)),
    issuingState: clean(cut(mrz, layout.issuingState)),
    documentNumber,
    nationality: clean(cut(mrz, layout.nationality)),
    birthDate: cut(mrz, layout.birthDate),
    sex: cut(mrz, layout.sex),
    expiryDate: cut(mrz, layout.expiryDate),
    ...splitNames(cut(mrz, layout.names)),
    optionalData: clean(cut(mrz, resolved.optionalData)),
  };
  if (layout.optionalData2) document.optionalData2 = clean(cut(mrz, layout.optionalData2));
  return { ok: true, document, corrected: fixed.corrected };
}
