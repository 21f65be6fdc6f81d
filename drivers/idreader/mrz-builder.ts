import { mrzCheckDigit } from './check-digit.ts';
import type { MrzFormat } from './reader.ts';

/** Field values for generating an MRZ (specimens, simulator, tests). */
export interface MrzFields {
  format: MrzFormat;
  /** e.g. 'P', 'ID', 'I'. */
  documentCode: string;
  issuingState: string;
  /** Up to 9 characters for TD3; longer numbers use the TD1/TD2 extension rule. */
  documentNumber: string;
  nationality: string;
  birthDate: string;
  sex: 'M' | 'F' | '<';
  expiryDate: string;
  surname: string;
  givenNames: string;
  /** TD1 line 1 optional data, TD2 optional data, TD3 personal number. */
  optionalData?: string;
  /** TD1 line 2 optional data. */
  optionalData2?: string;
}

/** Upper-cases, turns spaces into fillers, pads with '<' and truncates to width. */
export function mrzField(text: string, width: number): string {
  const body = text.toUpperCase().replace(/[\s-]+/g, '<');
  return (body + '<'.repeat(width)).slice(0, width);
}

function digit(text: string): string {
  const d = mrzCheckDigit(text);
  if (d === null) throw new Error('mrz-builder: field holds characters outside the MRZ set');
  return String(d);
}

function names(f: MrzFields, width: number): string {
  return mrzField(`${f.surname.replace(/\s+/g, '<')}<<${f.givenNames}`, width);
}

/** Document number field (9) + check digit, and what spills into the optional data. */
function documentNumberParts(num: string): { field: string; check: string; spill: string } {
  if (num.length <= 9) return { field: mrzField(num, 9), check: digit(mrzField(num, 9)), spill: '' };
  return { field: num.slice(0, 9), check: '<', spill: `${num.slice(9)}${digit(num)}<` };
}

/**
 * Builds MRZ lines with every check digit computed (ICAO 9303 Parts 4–6). Throws only on
 * programmer error (non-MRZ characters), never used on data read from a device.
 */
export function buildMrz(f: MrzFields): string[] {
  const code = mrzField(f.documentCode, 2);
  const issuer = mrzField(f.issuingState, 3);
  const nat = mrzField(f.nationality, 3);
  const birth = `${f.birthDate}${digit(f.birthDate)}`;
  const expiry = `${f.expiryDate}${digit(f.expiryDate)}`;
  if (f.format === 'TD1') {
    const doc = documentNumberParts(f.documentNumber);
    const l1 = `${code}${issuer}${doc.field}${doc.check}${mrzField(doc.spill + (f.optionalData ?? ''), 15)}`;
    const l2head = `${birth}${f.sex}${expiry}${nat}${mrzField(f.optionalData2 ?? '', 11)}`;
    const composite = digit(l1.slice(5, 30) + l2head.slice(0, 7) + l2head.slice(8, 15) + l2head.slice(18, 29));
    return [l1, l2head + composite, names(f, 30)];
  }
  if (f.format === 'TD2') {
    const doc = documentNumberParts(f.documentNumber);
    const head = `${doc.field}${doc.check}${nat}${birth}${f.sex}${expiry}${mrzField(doc.spill + (f.optionalData ?? ''), 7)}`;
    const composite = digit(head.slice(0, 10) + head.slice(13, 20) + head.slice(21, 35));
    return [`${code}${issuer}${names(f, 31)}`, head + composite];
  }
  if (f.documentNumber.length > 9) throw new Error('mrz-builder: TD3 document numbers are at most 9 characters');
  const doc = documentNumberParts(f.documentNumber);
  const personal = mrzField(f.optionalData ?? '', 14);
  const personalCheck = /^<+$/.test(personal) ? '<' : digit(personal);
  const head = `${doc.field}${doc.check}${nat}${birth}${f.sex}${expiry}${personal}${personalCheck}`;
  const composite = digit(head.slice(0, 10) + head.slice(13, 20) + head.slice(21, 43));
  return [`${code}${issuer}${names(f, 39)}`, head + composite];
}
