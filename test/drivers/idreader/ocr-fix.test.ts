import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMrz } from '../../../drivers/idreader/mrz-parser.ts';
import { LETTER_TO_DIGIT, fixOcrConfusions } from '../../../drivers/idreader/ocr-fix.ts';
import { TD3 } from '../../../drivers/idreader/mrz-layout.ts';

const TD3_LINES = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1_LINES = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];

const setChar = (lines: readonly string[], line: number, col: number, ch: string) =>
  lines.map((l, i) => (i === line ? l.slice(0, col) + ch + l.slice(col + 1) : l));

/** digit → the letters an OCR engine mistakes for it (inverse of LETTER_TO_DIGIT). */
const lookalikes = (digit: string) => Object.keys(LETTER_TO_DIGIT).filter((k) => LETTER_TO_DIGIT[k] === digit);

describe('OCR confusion repair', () => {
  const clean = parseMrz(TD3_LINES);
  if (!clean.ok) throw new Error('specimen');

  it('repairs letters in date fields when the check digit confirms, and says so', () => {
    // Birth date 740812: 0 → O, 1 → I, 2 → Z, 8 → B.
    const read = setChar(setChar(setChar(TD3_LINES, 1, 15, 'O'), 1, 16, 'B'), 1, 17, 'I');
    const r = parseMrz(read);
    expect(r.ok && r.corrected).toBe(true);
    expect(r.ok && r.document).toEqual(clean.document);
  });

  it('repairs a confused check digit itself (composite 0 read as O, birth check 2 read as Z)', () => {
    const r = parseMrz(setChar(setChar(TD3_LINES, 1, 43, 'O'), 1, 19, 'Z'));
    expect(r.ok && r.corrected).toBe(true);
  });

  it('every lookalike letter at every date position is repaired (property)', () => {
    const positions = [13, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25, 26];
    fc.assert(
      fc.property(fc.constantFrom(...positions), fc.nat(), (col, pick) => {
        const digit = TD3_LINES[1]?.[col] ?? '';
        const letters = lookalikes(digit);
        if (letters.length === 0) return;
        const r = parseMrz(setChar(TD3_LINES, 1, col, letters[pick % letters.length] ?? ''));
        expect(r.ok && r.corrected && r.document.birthDate + r.document.expiryDate).toBe('740812120415');
      }),
    );
  });

  it('does not "repair" when the check digit disagrees (B read where a 4 was printed)', () => {
    // Expiry 120415 → 120B15: B maps to 8, the check digit 9 does not confirm 120815.
    const r = parseMrz(setChar(TD3_LINES, 1, 24, 'B'));
    expect(!r.ok && [r.error.code, r.error.field]).toEqual(['badCheckDigit', 'expiryDate']);
  });

  it('a letter left in a date is unreadable even when its letter value happens to satisfy the check', () => {
    // Expiry 120415 → 1204B5: B (11) for 1 at weight 3 shifts the sum by 30, so 7-3-1 cannot
    // see it, while the repair to 8 fails the check. The date must still not be accepted.
    const r = parseMrz(setChar(TD3_LINES, 1, 25, 'B'));
    expect(!r.ok && [r.error.code, r.error.field]).toEqual(['unreadable', 'expiryDate']);
  });

  it('never touches alphanumeric fields: a confused document number stays an error', () => {
    // L898902C3 read as L898902C3 with 0 → O: alphanumeric, so O is a legal letter there.
    const r = parseMrz(setChar(TD3_LINES, 1, 4, 'O'));
    expect(!r.ok && r.error.field).toBe('documentNumber');
    const fixed = fixOcrConfusions(setChar(TD3_LINES, 1, 4, 'O'), TD3.checks);
    expect(fixed.lines[1]?.[4]).toBe('O');
  });

  it('never touches name or nationality letters', () => {
    const r = parseMrz(setChar(TD1_LINES, 2, 0, '3'));
    expect(r.ok && [r.corrected, r.document.surname]).toEqual([false, '3RIKSSON']);
  });

  it('can be switched off', () => {
    const read = setChar(TD3_LINES, 1, 15, 'O');
    const r = parseMrz(read, { ocrFix: false });
    expect(!r.ok && r.error.field).toBe('birthDate');
  });

  it('TD1: repairs the composite digit and dates, confirmed by their checks', () => {
    const r = parseMrz(setChar(setChar(TD1_LINES, 1, 29, 'G'), 1, 2, 'O'));
    expect(r.ok && r.corrected).toBe(true);
  });
});
