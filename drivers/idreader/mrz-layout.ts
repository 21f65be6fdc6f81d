import type { MrzFormat } from './reader.ts';

/** A slice of one MRZ line: [start, end) on line `line` (0-based). */
export interface Span {
  line: number;
  start: number;
  end: number;
}

/** Fields protected by a check digit; names match MrzDocument keys where one exists. */
export type CheckedField = 'documentNumber' | 'birthDate' | 'expiryDate' | 'optionalData' | 'composite';

export interface CheckSpec {
  field: CheckedField;
  /** Concatenated in order to form the checked text. */
  data: readonly Span[];
  digit: Span;
  /** Data is numeric (dates): letters there are OCR confusions we may repair. */
  numericData: boolean;
  /** A filler '<' check digit is allowed when the data is all fillers (TD3 personal number). */
  fillerWhenEmpty?: boolean;
}

export interface MrzLayout {
  format: MrzFormat;
  lineCount: number;
  lineLength: number;
  documentCode: Span;
  issuingState: Span;
  documentNumber: Span;
  nationality: Span;
  birthDate: Span;
  sex: Span;
  expiryDate: Span;
  names: Span;
  optionalData: Span;
  optionalData2?: Span;
  /** Individual field checks first, composite last: the first failure is the most precise. */
  checks: readonly CheckSpec[];
}

const s = (line: number, start: number, end: number): Span => ({ line, start, end });

/** ICAO 9303 Part 5 (TD1: 3 × 30). */
export const TD1: MrzLayout = {
  format: 'TD1',
  lineCount: 3,
  lineLength: 30,
  documentCode: s(0, 0, 2),
  issuingState: s(0, 2, 5),
  documentNumber: s(0, 5, 14),
  optionalData: s(0, 15, 30),
  birthDate: s(1, 0, 6),
  sex: s(1, 7, 8),
  expiryDate: s(1, 8, 14),
  nationality: s(1, 15, 18),
  optionalData2: s(1, 18, 29),
  names: s(2, 0, 30),
  checks: [
    { field: 'documentNumber', data: [s(0, 5, 14)], digit: s(0, 14, 15), numericData: false },
    { field: 'birthDate', data: [s(1, 0, 6)], digit: s(1, 6, 7), numericData: true },
    { field: 'expiryDate', data: [s(1, 8, 14)], digit: s(1, 14, 15), numericData: true },
    {
      field: 'composite',
      data: [s(0, 5, 30), s(1, 0, 7), s(1, 8, 15), s(1, 18, 29)],
      digit: s(1, 29, 30),
      numericData: false,
    },
  ],
};

/** ICAO 9303 Part 6 (TD2: 2 × 36). */
export const TD2: MrzLayout = {
  format: 'TD2',
  lineCount: 2,
  lineLength: 36,
  documentCode: s(0, 0, 2),
  issuingState: s(0, 2, 5),
  names: s(0, 5, 36),
  documentNumber: s(1, 0, 9),
  nationality: s(1, 10, 13),
  birthDate: s(1, 13, 19),
  sex: s(1, 20, 21),
  expiryDate: s(1, 21, 27),
  optionalData: s(1, 28, 35),
  checks: [
    { field: 'documentNumber', data: [s(1, 0, 9)], digit: s(1, 9, 10), numericData: false },
    { field: 'birthDate', data: [s(1, 13, 19)], digit: s(1, 19, 20), numericData: true },
    { field: 'expiryDate', data: [s(1, 21, 27)], digit: s(1, 27, 28), numericData: true },
    { field: 'composite', data: [s(1, 0, 10), s(1, 13, 20), s(1, 21, 35)], digit: s(1, 35, 36), numericData: false },
  ],
};

/** ICAO 9303 Part 4 (TD3: 2 × 44, passports). */
export const TD3: MrzLayout = {
  format: 'TD3',
  lineCount: 2,
  lineLength: 44,
  documentCode: s(0, 0, 2),
  issuingState: s(0, 2, 5),
  names: s(0, 5, 44),
  documentNumber: s(1, 0, 9),
  nationality: s(1, 10, 13),
  birthDate: s(1, 13, 19),
  sex: s(1, 20, 21),
  expiryDate: s(1, 21, 27),
  optionalData: s(1, 28, 42),
  checks: [
    { field: 'documentNumber', data: [s(1, 0, 9)], digit: s(1, 9, 10), numericData: false },
    { field: 'birthDate', data: [s(1, 13, 19)], digit: s(1, 19, 20), numericData: true },
    { field: 'expiryDate', data: [s(1, 21, 27)], digit: s(1, 27, 28), numericData: true },
    { field: 'optionalData', data: [s(1, 28, 42)], digit: s(1, 42, 43), numericData: false, fillerWhenEmpty: true },
    { field: 'composite', data: [s(1, 0, 10), s(1, 13, 20), s(1, 21, 43)], digit: s(1, 43, 44), numericData: false },
  ],
};

export const LAYOUTS: readonly MrzLayout[] = [TD1, TD2, TD3];

export function cut(lines: readonly string[], span: Span): string {
  return (lines[span.line] ?? '').slice(span.start, span.end);
}
