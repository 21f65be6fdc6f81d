import { describe, expect, it } from 'vitest';
import { nationalIdFromDocument, makeKuwaitCivilNumber } from '../../../main/identity/index.ts';
import { parseMrz } from '../../../drivers/idreader/mrz-parser.ts';
import { buildMrz, type MrzFields } from '../../../drivers/idreader/mrz-builder.ts';
import type { MrzDocument } from '../../../drivers/idreader/reader.ts';

const opts = { today: new Date('2026-11-22T00:00:00Z') };

function read(f: Partial<MrzFields> & Pick<MrzFields, 'format' | 'issuingState'>): MrzDocument {
  const r = parseMrz(
    buildMrz({
      documentCode: f.format === 'TD3' ? 'P' : 'ID',
      documentNumber: 'X12345678',
      nationality: f.issuingState,
      birthDate: '850314',
      sex: 'M',
      expiryDate: '300101',
      surname: 'TESTER',
      givenNames: 'SAMPLE',
      ...f,
    }),
  );
  if (!r.ok) throw new Error(r.error.message);
  return r.document;
}

describe('nationalIdFromDocument', () => {
  const civil = makeKuwaitCivilNumber('1985-03-14', 10);

  it('finds the civil number in TD1 optional data and the TD3 personal number', () => {
    for (const doc of [
      read({ format: 'TD1', issuingState: 'KWT', optionalData: civil }),
      read({ format: 'TD3', issuingState: 'KWT', optionalData: civil }),
    ]) {
      expect(nationalIdFromDocument('KW', doc, opts)).toEqual({ ok: true, profile: 'KW', id: civil, birthDate: '1985-03-14' });
    }
  });

  it('rejects a civil number whose birth date differs from the MRZ birth date', () => {
    const other = makeKuwaitCivilNumber('1986-03-14', 10);
    const r = nationalIdFromDocument('KW', read({ format: 'TD1', issuingState: 'KWT', optionalData: other }), opts);
    expect(!r.ok && r.code).toBe('date');
  });

  it('notFound for other issuers and for documents without the number', () => {
    const foreign = read({ format: 'TD3', issuingState: 'IND', optionalData: civil });
    expect(nationalIdFromDocument('KW', foreign, opts)).toMatchObject({ ok: false, code: 'notFound' });
    const none = read({ format: 'TD3', issuingState: 'KWT' });
    expect(nationalIdFromDocument('KW', none, opts)).toMatchObject({ ok: false, code: 'notFound' });
    const wrongLength = read({ format: 'TD1', issuingState: 'KWT', optionalData: civil.slice(0, 11) });
    expect(nationalIdFromDocument('KW', wrongLength, opts)).toMatchObject({ ok: false, code: 'notFound' });
  });

  it('Bahrain and Qatar: optional data first, then the document number', () => {
    const bh = read({ format: 'TD1', issuingState: 'BHR', documentNumber: '880512345' });
    expect(nationalIdFromDocument('BH', bh, opts)).toMatchObject({ ok: true, id: '880512345' });
    const qa = read({ format: 'TD1', issuingState: 'QAT', optionalData: '29263400123' });
    expect(nationalIdFromDocument('QA', qa, opts)).toMatchObject({ ok: true, id: '29263400123', birthDate: '1992' });
    const badQa = read({ format: 'TD1', issuingState: 'QAT', optionalData: '19263400123' });
    expect(nationalIdFromDocument('QA', badQa, opts)).toMatchObject({ ok: false, code: 'format' });
  });

  it('picks the valid candidate when several digit runs fit (QID fits TD1 line-2 optional data)', () => {
    const doc = read({ format: 'TD1', issuingState: 'QAT', optionalData: '19263400123', optionalData2: '29263400123' });
    expect(nationalIdFromDocument('QA', doc, opts)).toMatchObject({ ok: true, id: '29263400123' });
    const onlyBad: MrzDocument = { ...doc, optionalData2: '' };
    expect(nationalIdFromDocument('QA', onlyBad, opts)).toMatchObject({ ok: false, code: 'format' });
  });
});
