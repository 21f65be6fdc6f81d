import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as referenceParse } from 'mrz';
import { parseMrz } from '../../../drivers/idreader/mrz-parser.ts';
import { buildMrz, type MrzFields } from '../../../drivers/idreader/mrz-builder.ts';
import { LAYOUTS } from '../../../drivers/idreader/mrz-layout.ts';
import { resolveChecks } from '../../../drivers/idreader/resolve-checks.ts';
import type { MrzFormat, ReadResult } from '../../../drivers/idreader/reader.ts';

const ICAO_TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const ICAO_TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const ICAO_TD1_LONG = ['I<UTOD23145890<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'];
const ICAO_TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];

function ok(r: ReadResult) {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r;
}

function setChar(lines: readonly string[], line: number, col: number, ch: string): string[] {
  return lines.map((l, i) => (i === line ? l.slice(0, col) + ch + l.slice(col + 1) : l));
}

describe('parseMrz on the ICAO 9303 specimens', () => {
  it('TD3 passport (Part 4)', () => {
    const r = ok(parseMrz(ICAO_TD3));
    expect(r.corrected).toBe(false);
    expect(r.document).toEqual({
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'UTO',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      birthDate: '740812',
      sex: 'F',
      expiryDate: '120415',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      optionalData: 'ZE184226B',
    });
  });

  it('TD1 card (Part 5)', () => {
    const d = ok(parseMrz(ICAO_TD1)).document;
    expect(d).toMatchObject({ format: 'TD1', documentCode: 'I', documentNumber: 'D23145890', birthDate: '740812' });
    expect(d).toMatchObject({ surname: 'ERIKSSON', givenNames: 'ANNA MARIA', optionalData: '', optionalData2: '' });
  });

  it('TD1 with a long document number continued in the optional data', () => {
    const d = ok(parseMrz(ICAO_TD1_LONG)).document;
    expect(d.documentNumber).toBe('D23145890734');
    expect(d.optionalData).toBe('');
    expect(d).toMatchObject({ sex: 'M', birthDate: '340712', surname: 'STEVENSON', givenNames: 'PETER JOHN' });
  });

  it('TD2 card (Part 6)', () => {
    const d = ok(parseMrz(ICAO_TD2)).document;
    expect(d).toMatchObject({ format: 'TD2', documentNumber: 'D23145890', nationality: 'UTO', expiryDate: '120415' });
  });

  it('accepts one string with line breaks and surrounding spaces', () => {
    expect(ok(parseMrz(` ${ICAO_TD3[0]}\r\n${ICAO_TD3[1]} \n`)).document.documentNumber).toBe('L898902C3');
  });
});

const nameArb = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1, maxLength: 8 });
const digitsArb = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const alnumArb = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: min, maxLength: max });

function fieldsArb(format: MrzFormat): fc.Arbitrary<MrzFields> {
  const optMax = format === 'TD1' ? 15 : format === 'TD2' ? 7 : 14;
  return fc.record({
    format: fc.constant(format),
    documentCode: fc.constantFrom(...(format === 'TD3' ? ['P', 'PK'] : ['I', 'ID', 'AC'])),
    issuingState: fc.constantFrom('KWT', 'BHR', 'QAT', 'UTO', 'D'),
    // Short numbers only: long-number spill would eat the optional data generated below.
    documentNumber: alnumArb(1, 9),
    nationality: fc.constantFrom('KWT', 'BHR', 'QAT', 'IND', 'EGY'),
    birthDate: digitsArb(6),
    sex: fc.constantFrom('M' as const, 'F' as const, '<' as const),
    expiryDate: digitsArb(6),
    surname: nameArb,
    givenNames: fc.array(nameArb, { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
    optionalData: alnumArb(0, optMax),
    optionalData2: format === 'TD1' ? alnumArb(0, 11) : fc.constant(undefined),
  }) as fc.Arbitrary<MrzFields>;
}

describe('generated documents round-trip', () => {
  for (const format of ['TD1', 'TD2', 'TD3'] as const) {
    it(`${format}: every generated MRZ parses back to its fields, and the mrz library agrees on the check digits`, () => {
      fc.assert(
        fc.property(fieldsArb(format), (f) => {
          const lines = buildMrz(f);
          const d = ok(parseMrz(lines)).document;
          expect(d.format).toBe(format);
          expect(d.documentNumber).toBe(f.documentNumber);
          expect([d.birthDate, d.expiryDate, d.sex, d.nationality]).toEqual([f.birthDate, f.expiryDate, f.sex, f.nationality]);
          expect(d.optionalData).toBe(f.optionalData ?? '');
          if (format === 'TD1') expect(d.optionalData2).toBe(f.optionalData2 ?? '');
          // Names are truncated to the field width; the full name fits when short enough.
          if (f.surname.length + f.givenNames.length + 2 <= (format === 'TD1' ? 30 : format === 'TD2' ? 31 : 39)) {
            expect([d.surname, d.givenNames]).toEqual([f.surname, f.givenNames]);
          }
          const ref = referenceParse([...lines]);
          const checkFields = ref.details.filter((x) => x.field?.endsWith('CheckDigit'));
          expect(checkFields.length).toBeGreaterThan(0);
          for (const c of checkFields) expect(c.valid, `${c.field} per mrz library`).toBe(true);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('builds TD1 long document numbers exactly as the ICAO specimen does', () => {
    const lines = buildMrz({
      format: 'TD1',
      documentCode: 'I',
      issuingState: 'UTO',
      documentNumber: 'D23145890734',
      nationality: 'UTO',
      birthDate: '340712',
      sex: 'M',
      expiryDate: '950712',
      surname: 'STEVENSON',
      givenNames: 'PETER JOHN',
    });
    expect(lines).toEqual(ICAO_TD1_LONG);
  });
});

describe('check-digit failures are reported precisely', () => {
  const docs = { TD1: ICAO_TD1, TD1_LONG: ICAO_TD1_LONG, TD2: ICAO_TD2, TD3: ICAO_TD3 };
  for (const [name, lines] of Object.entries(docs)) {
    const layout = LAYOUTS.find((l) => l.lineLength === lines[0]?.length);
    if (!layout) throw new Error('layout');
    const { checks } = resolveChecks(lines, layout);
    for (const check of checks) {
      it(`${name}: a wrong ${check.field} check digit names ${check.field}`, () => {
        const d = Number(lines[check.digit.line]?.[check.digit.start]);
        const bad = setChar(lines, check.digit.line, check.digit.start, String((d + 1) % 10));
        const r = parseMrz(bad);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error.code).toBe('badCheckDigit');
        expect(r.error.field).toBe(check.field);
        expect(r.error.message).toContain(`${check.field} (line ${check.digit.line + 1}, column ${check.digit.start + 1})`);
      });
      // Composite data overlaps the other fields; its own case is the optional-data test below.
      if (check.field === 'composite') continue;
      it(`${name}: a misread digit inside ${check.field} names ${check.field}`, () => {
        const span = check.data.find((sp) => /[0-9]/.test((lines[sp.line] ?? '').slice(sp.start, sp.end)));
        if (!span) throw new Error('specimen field without digits');
        const line = lines[span.line] ?? '';
        const col = span.start + line.slice(span.start, span.end).search(/[0-9]/);
        const r = parseMrz(setChar(lines, span.line, col, String((Number(line[col]) + 1) % 10)));
        expect(!r.ok && r.error.field).toBe(check.field);
      });
    }
  }

  it('damage visible only to the composite check is reported as composite', () => {
    // TD1 optional data 2 is covered by the composite only.
    const r = parseMrz(setChar(ICAO_TD1, 1, 20, 'X'));
    expect(!r.ok && [r.error.code, r.error.field]).toEqual(['badCheckDigit', 'composite']);
  });

  it('lists every failing check but never field values (personal data)', () => {
    const bad = setChar(setChar(ICAO_TD3, 1, 19, '3'), 1, 27, '0');
    const r = parseMrz(bad);
    if (r.ok) throw new Error('expected failure');
    expect(r.error.message).toMatch(/birthDate.*expiryDate.*composite/);
    for (const secret of ['ERIKSSON', 'ANNA', 'L898902C3', '740812', 'ZE184226B']) expect(r.error.message).not.toContain(secret);
  });

  it('accepts a filler or zero personal-number check digit only when the personal number is empty', () => {
    const passport = (personal: string) =>
      buildMrz({ ...{ format: 'TD3', documentCode: 'P', issuingState: 'UTO', documentNumber: 'X1234567', nationality: 'UTO' },
        birthDate: '800101', sex: 'M', expiryDate: '300101', surname: 'DOE', givenNames: 'JO', optionalData: personal });
    const empty = passport('');
    expect(empty[1]?.[42]).toBe('<');
    expect(parseMrz(empty).ok).toBe(true);
    const filled = passport('AB12');
    const withFiller = setChar(filled, 1, 42, '<');
    expect(!parseMrz(withFiller).ok && (parseMrz(withFiller) as { error: { field?: string } }).error.field).toBe('optionalData');
  });
});

describe('format errors', () => {
  it.each([
    [[], 'unreadable'],
    [['', '  '], 'unreadable'],
    [[ICAO_TD1[0], ICAO_TD1[1]], 'badLength'],
    [[ICAO_TD3[0]], 'badLength'],
    [[...ICAO_TD2, ICAO_TD2[1]], 'badLength'],
    [[ICAO_TD3[0], ICAO_TD1[1]], 'badLength'],
    [['A'.repeat(40), 'B'.repeat(40)], 'unknownFormat'],
    [['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', ICAO_TD3[1]], 'unknownFormat'],
    [[ICAO_TD3[0], ICAO_TD3[1]?.toLowerCase()], 'unreadable'],
    [[ICAO_TD3[0], ICAO_TD3[1]?.replace('<', '«')], 'unreadable'],
  ] as [string[], string][])('%j → %s', (lines, code) => {
    const r = parseMrz(lines);
    expect(!r.ok && r.error.code).toBe(code);
  });
});

describe('parser fuzz (never throws, never hangs)', () => {
  const mrzChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<');
  it('arbitrary strings and line arrays', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.string({ maxLength: 60 }), { maxLength: 5 })), (input) => {
        const r = parseMrz(input);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('MRZ-shaped noise of every format: ok results really pass all their checks', () => {
    const shaped = fc.constantFrom([3, 30], [2, 36], [2, 44]).chain(([n, len]) =>
      fc.array(fc.string({ unit: mrzChar, minLength: len, maxLength: len }), { minLength: n, maxLength: n }),
    );
    fc.assert(
      fc.property(shaped, (lines) => {
        const r = parseMrz(lines);
        if (r.ok) expect(parseMrz(lines, { ocrFix: false }).ok || r.corrected).toBe(true);
        else expect(['unreadable', 'badLength', 'badCheckDigit', 'unknownFormat']).toContain(r.error.code);
      }),
      { numRuns: 2000 },
    );
  });

  it('random single-character corruption of a valid MRZ is never silently accepted in checked numeric fields', () => {
    fc.assert(
      fc.property(fc.constantFrom(ICAO_TD1, ICAO_TD2, ICAO_TD3), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 9 }), (lines, l, c, delta) => {
        const line = l % lines.length;
        const text = lines[line] ?? '';
        const col = c % text.length;
        const ch = text[col] ?? '';
        if (!/[0-9]/.test(ch)) return;
        const r = parseMrz(setChar(lines, line, col, String((Number(ch) + delta) % 10)));
        // Digits outside every checked span (none in these specimens' TD1 line 3) could pass; all others fail.
        if (r.ok) expect(line).toBe(2);
        else expect(r.error.code).toBe('badCheckDigit');
      }),
      { numRuns: 1000 },
    );
  });
});
