import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCheckDigitValid, mrzCharValue, mrzCheckDigit } from '../../../drivers/idreader/check-digit.ts';

describe('ICAO 9303 check digit', () => {
  it('matches the check digits printed on the ICAO specimens', () => {
    // From P<UTO specimen line 2 "L898902C36UTO7408122F1204159ZE184226B<<<<<10".
    expect(mrzCheckDigit('L898902C3')).toBe(6);
    expect(mrzCheckDigit('740812')).toBe(2);
    expect(mrzCheckDigit('120415')).toBe(9);
    expect(mrzCheckDigit('ZE184226B<<<<<')).toBe(1);
    // TD1 long document number "D23145890<7349": number D23145890734, check 9.
    expect(mrzCheckDigit('D23145890734')).toBe(9);
  });

  it('values characters as ICAO says', () => {
    expect(mrzCharValue('<')).toBe(0);
    expect(mrzCharValue('7')).toBe(7);
    expect(mrzCharValue('A')).toBe(10);
    expect(mrzCharValue('Z')).toBe(35);
    expect(mrzCharValue('a')).toBeNull();
    expect(mrzCharValue('')).toBeNull();
    expect(mrzCheckDigit('AB#')).toBeNull();
    expect(isCheckDigitValid('AB#', '0')).toBe(false);
  });

  it('detects every single-digit change in a numeric field (weights 7,3,1 are coprime to 10)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (digits, pos, delta) => {
          const i = pos % digits.length;
          const changed = digits.slice(0, i) + String((Number(digits[i]) + delta) % 10) + digits.slice(i + 1);
          expect(mrzCheckDigit(changed)).not.toBe(mrzCheckDigit(digits));
        },
      ),
    );
  });
});
