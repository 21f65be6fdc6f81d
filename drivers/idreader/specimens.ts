import { makeKuwaitCivilNumber } from './civil-number.ts';
import { buildMrz, type MrzFields } from './mrz-builder.ts';
import type { MrzErrorCode } from './reader.ts';

/**
 * Specimen documents for the simulator and tests. Names are fictional ("Fulan" is Arabic
 * for "so-and-so"); check digits and civil numbers are computed by our own code. The
 * UTOPIA ones are the published ICAO 9303 specimens, kept verbatim.
 */
export type SpecimenId =
  | 'kw-civil-id'
  | 'kw-passport'
  | 'bh-id'
  | 'qa-id'
  | 'utopia-passport'
  | 'utopia-td1'
  | 'utopia-td1-long-number'
  | 'utopia-td2'
  | 'kw-civil-id-ocr-confused'
  | 'kw-passport-damaged'
  | 'kw-civil-id-bad-civil-number'
  | 'kw-civil-id-expired';

export interface Specimen {
  id: SpecimenId;
  description: string;
  lines: readonly string[];
  /** What a correct driver reports for it. */
  expect: {
    read: 'ok' | 'corrected' | MrzErrorCode;
    /** Field named in the error, for damaged specimens. */
    field?: string;
    /** Profile and national ID nationalIdFromDocument should find (valid or not). */
    nationalId?: { profile: 'KW' | 'BH' | 'QA'; id: string; valid: boolean };
    expired: boolean;
  };
}

const FUTURE_EXPIRY = '350630';

const kwCardHolder = makeKuwaitCivilNumber('1985-03-14', 1234);
const kwPassportHolder = makeKuwaitCivilNumber('1990-07-02', 4321);
const kwExpiredHolder = makeKuwaitCivilNumber('1979-12-01', 77);

function kwCard(civilNumber: string, over: Partial<MrzFields> = {}): string[] {
  return buildMrz({
    format: 'TD1',
    documentCode: 'ID',
    issuingState: 'KWT',
    documentNumber: 'AB0123456',
    nationality: 'KWT',
    birthDate: civilNumber.slice(1, 7),
    sex: 'M',
    expiryDate: FUTURE_EXPIRY,
    surname: 'AL FULANI',
    givenNames: 'SALEM AHMAD',
    optionalData: civilNumber,
    ...over,
  });
}

/** Replaces one character (programmatic damage, so the specimen stays in step with its source). */
function damage(lines: readonly string[], line: number, column: number, ch: string): string[] {
  return lines.map((l, i) => (i === line ? l.slice(0, column) + ch + l.slice(column + 1) : l));
}

function wrongCheckDigit(civil: string): string {
  return civil.slice(0, 11) + String((Number(civil[11]) + 1) % 10);
}

const kwCardLines = kwCard(kwCardHolder);
const kwPassportLines = buildMrz({
  format: 'TD3',
  documentCode: 'P',
  issuingState: 'KWT',
  documentNumber: 'K01234567',
  nationality: 'KWT',
  birthDate: '900702',
  sex: 'F',
  expiryDate: FUTURE_EXPIRY,
  surname: 'AL FULANI',
  givenNames: 'NOURA KHALED',
  optionalData: kwPassportHolder,
});

const kw = (id: string, valid = true) => ({ profile: 'KW' as const, id, valid });

const list: Specimen[] = [
  {
    id: 'kw-civil-id',
    description: 'Kuwaiti civil ID card (TD1), civil number in optional data',
    lines: kwCardLines,
    expect: { read: 'ok', nationalId: kw(kwCardHolder), expired: false },
  },
  {
    id: 'kw-passport',
    description: 'Kuwaiti passport (TD3), civil number in the personal number field',
    lines: kwPassportLines,
    expect: { read: 'ok', nationalId: kw(kwPassportHolder), expired: false },
  },
  {
    id: 'bh-id',
    description: 'Bahraini ID card (TD1), CPR in optional data',
    lines: buildMrz({
      format: 'TD1',
      documentCode: 'ID',
      issuingState: 'BHR',
      documentNumber: 'B98765432',
      nationality: 'BHR',
      birthDate: '880517',
      sex: 'M',
      expiryDate: FUTURE_EXPIRY,
      surname: 'BIN FULAN',
      givenNames: 'ALI HASAN',
      optionalData: '880512345',
    }),
    expect: { read: 'ok', nationalId: { profile: 'BH', id: '880512345', valid: true }, expired: false },
  },
  {
    id: 'qa-id',
    description: 'Qatari ID card (TD1), QID in optional data',
    lines: buildMrz({
      format: 'TD1',
      documentCode: 'ID',
      issuingState: 'QAT',
      documentNumber: 'Q55501234',
      nationality: 'QAT',
      birthDate: '921120',
      sex: 'F',
      expiryDate: FUTURE_EXPIRY,
      surname: 'AL FULANIYA',
      givenNames: 'MARYAM',
      optionalData: '29263400123',
    }),
    expect: { read: 'ok', nationalId: { profile: 'QA', id: '29263400123', valid: true }, expired: false },
  },
  {
    id: 'utopia-passport',
    description: 'ICAO 9303 Part 4 specimen passport (TD3), Utopia',
    lines: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
    expect: { read: 'ok', expired: true },
  },
  {
    id: 'utopia-td1',
    description: 'ICAO 9303 Part 5 specimen ID card (TD1), Utopia',
    lines: ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
    expect: { read: 'ok', expired: true },
  },
  {
    id: 'utopia-td1-long-number',
    description: 'ICAO 9303 Part 5 specimen TD1 with a 12-character document number',
    lines: ['I<UTOD23145890<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'],
    expect: { read: 'ok', expired: true },
  },
  {
    id: 'utopia-td2',
    description: 'ICAO 9303 Part 6 specimen (TD2), Utopia',
    lines: ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
    expect: { read: 'ok', expired: true },
  },
  {
    id: 'kw-civil-id-ocr-confused',
    description: 'Kuwaiti civil ID read with O for 0 and I for 1 in the birth date (repairable)',
    // Birth date 850314: column 3 '0' read as O, column 5 '1' read as I.
    lines: damage(damage(kwCardLines, 1, 2, 'O'), 1, 4, 'I'),
    expect: { read: 'corrected', nationalId: kw(kwCardHolder), expired: false },
  },
  {
    id: 'kw-passport-damaged',
    description: 'Kuwaiti passport with an expiry digit misread as another digit (not repairable)',
    lines: damage(kwPassportLines, 1, 22, kwPassportLines[1]?.[22] === '8' ? '3' : '8'),
    expect: { read: 'badCheckDigit', field: 'expiryDate', expired: false },
  },
  {
    id: 'kw-civil-id-bad-civil-number',
    description: 'Kuwaiti civil ID whose MRZ is sound but whose civil number fails its check digit',
    lines: kwCard(wrongCheckDigit(kwCardHolder), { documentNumber: 'AB0123457' }),
    expect: { read: 'ok', nationalId: kw(wrongCheckDigit(kwCardHolder), false), expired: false },
  },
  {
    id: 'kw-civil-id-expired',
    description: 'Kuwaiti civil ID that expired on 2019-01-01',
    lines: kwCard(kwExpiredHolder, { expiryDate: '190101', documentNumber: 'AB0000777', givenNames: 'FAHAD' }),
    expect: { read: 'ok', nationalId: kw(kwExpiredHolder), expired: true },
  },
];

/** Frozen: shared read-only data, no mutable module state. */
export const SPECIMENS: Readonly<Record<SpecimenId, Specimen>> = Object.freeze(
  Object.fromEntries(list.map((s) => [s.id, Object.freeze(s)])) as Record<SpecimenId, Specimen>,
);

export const SPECIMEN_IDS = Object.freeze(list.map((s) => s.id));
