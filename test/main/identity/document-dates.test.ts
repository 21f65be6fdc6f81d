import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDocumentExpired, mrzDateToIso } from '../../../main/identity/index.ts';

const TODAY = new Date('2026-11-22T12:00:00Z');

describe('MRZ dates', () => {
  it('birth dates take the latest century not in the future', () => {
    expect(mrzDateToIso('740812', 'birth', TODAY)).toBe('1974-08-12');
    expect(mrzDateToIso('051231', 'birth', TODAY)).toBe('2005-12-31');
    expect(mrzDateToIso('261122', 'birth', TODAY)).toBe('2026-11-22');
    expect(mrzDateToIso('261123', 'birth', TODAY)).toBe('1926-11-23');
  });

  it('expiry dates are 20YY unless more than 50 years ahead', () => {
    expect(mrzDateToIso('350630', 'expiry', TODAY)).toBe('2035-06-30');
    expect(mrzDateToIso('120415', 'expiry', TODAY)).toBe('2012-04-15');
    expect(mrzDateToIso('950712', 'expiry', TODAY)).toBe('1995-07-12');
  });

  it('rejects non-dates', () => {
    for (const s of ['741312', '740230', '74<<<<', '7408', 'ABCDEF']) expect(mrzDateToIso(s, 'birth', TODAY)).toBeNull();
    expect(mrzDateToIso('000229', 'birth', TODAY)).toBe('2000-02-29');
  });

  it('a document is valid through its expiry day', () => {
    expect(isDocumentExpired({ expiryDate: '261122' }, TODAY)).toBe(false);
    expect(isDocumentExpired({ expiryDate: '261121' }, TODAY)).toBe(true);
    expect(isDocumentExpired({ expiryDate: '2611<<' }, TODAY)).toBeNull();
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 8 }), (s) => void mrzDateToIso(s, 'expiry', TODAY)));
  });
});
