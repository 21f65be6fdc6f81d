import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  kuwaitCivilCheckDigit,
  makeKuwaitCivilNumber,
  normaliseDigits,
  validateNationalId,
  qidNationalityCode,
} from '../../../main/identity/index.ts';

const TODAY = new Date('2026-11-22T00:00:00Z');
const opts = { today: TODAY };
const W = [2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2, 1];

/** The published identity form: Σ wᵢ·cᵢ (i = 1..11) + c₁₂ ≡ 0 (mod 11). */
const satisfiesIdentity = (n: string) => [...n].reduce((s, c, i) => s + Number(c) * (W[i] ?? 0), 0) % 11 === 0;

/** Valid civil numbers: any birth date 1900-01-01 … today, any starting serial. */
const civilArb = fc
  .record({ t: fc.integer({ min: Date.UTC(1900, 0, 1), max: TODAY.getTime() }), serial: fc.integer({ min: 0, max: 9999 }) })
  .map(({ t, serial }) => makeKuwaitCivilNumber(new Date(t).toISOString().slice(0, 10), serial));

describe('Kuwait civil number', () => {
  it('accepts generated numbers, which satisfy the published identity, with their birth date', () => {
    fc.assert(
      fc.property(civilArb, (n) => {
        expect(satisfiesIdentity(n)).toBe(true);
        const r = validateNationalId('KW', n, opts);
        expect(r.ok).toBe(true);
        const century = n[0] === '2' ? '19' : '20';
        expect(r.ok && r.birthDate).toBe(`${century}${n.slice(1, 3)}-${n.slice(3, 5)}-${n.slice(5, 7)}`);
      }),
    );
  });

  it.each([
    ['28503141234', 'length'],
    ['2850314123412', 'length'],
    ['28503141234X', 'format'],
    ['185031412341', 'format'],
    ['485031412341', 'format'],
    ['285133141234', 'date'], // month 13
    ['290023012346', 'date'], // 30 Feb
    ['330010112342', 'date'], // 2033: born in the future
  ])('%s → %s', (input, code) => {
    const r = validateNationalId('KW', input, opts);
    expect(!r.ok && r.code).toBe(code);
  });

  it('a wrong check digit is reported as checkDigit', () => {
    const good = makeKuwaitCivilNumber('1985-03-14', 1234);
    const bad = good.slice(0, 11) + String((Number(good[11]) + 1) % 10);
    const r = validateNationalId('KW', bad, opts);
    expect(!r.ok && r.code).toBe('checkDigit');
    expect(!r.ok && r.message).not.toContain(bad);
  });

  it('first 11 digits whose check would be 10 or 11 have no valid completion', () => {
    let seen = 0;
    for (let serial = 0; serial < 200; serial++) {
      const head = `2850314${String(serial).padStart(4, '0')}`;
      if (kuwaitCivilCheckDigit(head) !== null) continue;
      seen++;
      for (let d = 0; d <= 9; d++) expect(validateNationalId('KW', head + d, opts).ok).toBe(false);
    }
    expect(seen).toBeGreaterThan(0);
  });

  /*
   * Changing one digit: for digits 1–11 the weighted sum moves by wᵢ·δ with wᵢ ∈ 1..10 and
   * δ ∈ ±1..9, never a multiple of the prime 11, so the required check digit changes (or
   * becomes 10/11) while the 12th digit stays: invalid. Changing the 12th digit against a
   * fixed required value: invalid. So a single-digit change never keeps a number valid; it
   * "changes nothing" only when the new digit equals the old one.
   */
  it('property: changing any single digit makes a valid number invalid, unless it is the same digit', () => {
    fc.assert(
      fc.property(civilArb, fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 9 }), (n, pos, d) => {
        const changed = n.slice(0, pos) + String(d) + n.slice(pos + 1);
        expect(validateNationalId('KW', changed, opts).ok).toBe(changed === n);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: swapping two adjacent different digits is always detected (adjacent weights differ mod 11)', () => {
    fc.assert(
      fc.property(civilArb, fc.integer({ min: 0, max: 10 }), (n, i) => {
        if (n[i] === n[i + 1]) return;
        const swapped = n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2);
        expect(validateNationalId('KW', swapped, opts).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts keypad input with Arabic-Indic digits and separators', () => {
    const n = makeKuwaitCivilNumber('1990-07-02', 4321);
    const arabic = [...n].map((c) => String.fromCodePoint(0x0660 + Number(c))).join('');
    const persian = [...n].map((c) => String.fromCodePoint(0x06f0 + Number(c))).join('');
    for (const input of [arabic, persian, `${n.slice(0, 4)} ${n.slice(4, 8)}-${n.slice(8)}`]) {
      const r = validateNationalId('KW', input, opts);
      expect(r.ok && r.id).toBe(n);
    }
    expect(normaliseDigits('١٢ ٣-4')).toBe('1234');
  });
});

describe('Bahrain CPR (format and birth month only: no public check-digit rule)', () => {
  it('accepts YYMM + serial + digit and infers the century', () => {
    expect(validateNationalId('BH', '880512345', opts)).toEqual({ ok: true, profile: 'BH', id: '880512345', birthDate: '1988-05' });
    expect(validateNationalId('BH', '050112345', opts)).toMatchObject({ ok: true, birthDate: '2005-01' });
    expect(validateNationalId('BH', '261112345', opts)).toMatchObject({ ok: true, birthDate: '2026-11' });
    expect(validateNationalId('BH', '261212345', opts)).toMatchObject({ ok: true, birthDate: '1926-12' });
  });

  it.each([
    ['88051234', 'length'],
    ['8805123456', 'length'],
    ['88O512345', 'format'],
    ['880012345', 'date'],
    ['881312345', 'date'],
  ])('%s → %s', (input, code) => {
    const r = validateNationalId('BH', input, opts);
    expect(!r.ok && r.code).toBe(code);
  });

  it('documents the limitation: the 9th digit is not verified', () => {
    for (let d = 0; d <= 9; d++) expect(validateNationalId('BH', `88051234${d}`, opts).ok).toBe(true);
  });
});

describe('Qatar QID (format only)', () => {
  it('accepts century + YY + nationality + serial', () => {
    expect(validateNationalId('QA', '29263400123', opts)).toEqual({ ok: true, profile: 'QA', id: '29263400123', birthDate: '1992' });
    expect(validateNationalId('QA', '30535600001', opts)).toMatchObject({ ok: true, birthDate: '2005' });
    expect(qidNationalityCode('29263400123')).toBe('634');
  });

  it.each([
    ['2926340012', 'length'],
    ['292634001234', 'length'],
    ['19263400123', 'format'],
    ['49263400123', 'format'],
    ['29200000123', 'format'],
    ['2926340012A', 'format'],
    ['33063400123', 'date'], // 2030
  ])('%s → %s', (input, code) => {
    const r = validateNationalId('QA', input, opts);
    expect(!r.ok && r.code).toBe(code);
  });
});

describe('validateNationalId never throws', () => {
  it('on any string for any profile', () => {
    fc.assert(
      fc.property(fc.constantFrom('KW' as const, 'BH' as const, 'QA' as const), fc.string({ maxLength: 30 }), (p, s) => {
        const r = validateNationalId(p, s, opts);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
    expect(validateNationalId('XX' as never, '1').ok).toBe(false);
    expect(validateNationalId('KW', undefined as never).ok).toBe(false);
  });
});
