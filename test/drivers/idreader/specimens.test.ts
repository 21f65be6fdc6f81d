import { describe, expect, it } from 'vitest';
import { SPECIMENS, SPECIMEN_IDS } from '../../../drivers/idreader/specimens.ts';
import { parseMrz } from '../../../drivers/idreader/mrz-parser.ts';
import { isDocumentExpired, nationalIdFromDocument } from '../../../main/identity/index.ts';

const TODAY = new Date('2026-11-22T10:00:00Z');

describe('specimen documents', () => {
  it('cover every country profile, each format, damaged and expired cases', () => {
    const parsed = SPECIMEN_IDS.map((id) => parseMrz(SPECIMENS[id].lines, { ocrFix: false }));
    const formats = new Set(parsed.flatMap((r) => (r.ok ? [r.document.format] : [])));
    expect([...formats].sort()).toEqual(['TD1', 'TD2', 'TD3']);
    const states = new Set(parsed.flatMap((r) => (r.ok ? [r.document.issuingState] : [])));
    for (const s of ['KWT', 'BHR', 'QAT', 'UTO']) expect(states).toContain(s);
    expect(SPECIMEN_IDS.filter((id) => SPECIMENS[id].expect.read !== 'ok').length).toBeGreaterThanOrEqual(2);
    expect(SPECIMEN_IDS.some((id) => id.startsWith('kw') && SPECIMENS[id].expect.expired)).toBe(true);
  });

  for (const id of SPECIMEN_IDS) {
    const s = SPECIMENS[id];
    it(`${id}: reads as expected (${s.expect.read})`, () => {
      const r = parseMrz(s.lines);
      if (s.expect.read === 'ok' || s.expect.read === 'corrected') {
        if (!r.ok) throw new Error(r.error.message);
        expect(r.corrected).toBe(s.expect.read === 'corrected');
        expect(isDocumentExpired(r.document, TODAY)).toBe(s.expect.expired);
        const nid = s.expect.nationalId;
        if (nid) {
          const found = nationalIdFromDocument(nid.profile, r.document, { today: TODAY });
          expect(found.ok).toBe(nid.valid);
          if (found.ok) expect(found.id).toBe(nid.id);
        }
      } else {
        expect(!r.ok && [r.error.code, r.error.field]).toEqual([s.expect.read, s.expect.field]);
      }
    });
  }

  it('the OCR-confused specimen really differs from the clean card and reads back to it', () => {
    const clean = SPECIMENS['kw-civil-id'];
    const confused = SPECIMENS['kw-civil-id-ocr-confused'];
    expect(confused.lines).not.toEqual(clean.lines);
    const a = parseMrz(clean.lines);
    const b = parseMrz(confused.lines);
    expect(b.ok && a.ok && b.document).toEqual(a.ok && a.document);
  });

  it('is frozen shared data', () => {
    expect(Object.isFrozen(SPECIMENS)).toBe(true);
    expect(Object.isFrozen(SPECIMENS['kw-civil-id'])).toBe(true);
  });
});
