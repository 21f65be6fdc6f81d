import { describe, expect, it } from 'vitest';
import { LAYOUTS, layerRows } from '../../../../../renderer/src/components/keyboard/layouts.ts';

const letters = (rows: string[][]) => rows.map((r) => r.filter((k) => !k.startsWith('{')));

describe('on-screen keyboard layouts', () => {
  it('Arabic: the standard rows in their usual orientation (ض first on the top letter row), with آ', () => {
    const rows = letters(layerRows('ar', 'default'));
    expect(rows[1]).toEqual(['ض', 'ص', 'ث', 'ق', 'ف', 'غ', 'ع', 'ه', 'خ', 'ح', 'ج', 'د']);
    expect(rows[2]!.slice(0, 11)).toEqual(['ش', 'س', 'ي', 'ب', 'ل', 'ا', 'ت', 'ن', 'م', 'ك', 'ط']);
    expect(rows[3]!.slice(0, 10)).toEqual(['ئ', 'ء', 'ؤ', 'ر', 'لا', 'ى', 'ة', 'و', 'ز', 'ظ']);
    expect(rows.flat()).toContain('آ');
    expect(rows.flat()).toEqual(expect.arrayContaining(['أ', 'إ', 'ذ']));
  });

  it('every Arabic letter is on the keyboard', () => {
    const all = new Set(layerRows('ar', 'default').flat());
    for (const ch of 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة') expect(all.has(ch), ch).toBe(true);
  });

  it('English: QWERTY rows, and a shift layer with the same keys in capitals', () => {
    const rows = letters(layerRows('en', 'default'));
    expect(rows.slice(1, 4).map((r) => r.join(''))).toEqual(['qwertyuiop', 'asdfghjkl', 'zxcvbnm']);
    expect(letters(layerRows('en', 'shift')).slice(1, 4).map((r) => r.join(''))).toEqual(['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM']);
  });

  it('every layer has delete, space and the language switch, and no key twice on a layer', () => {
    for (const lang of ['ar', 'en'] as const)
      for (const layer of Object.keys(LAYOUTS[lang]) as ('default' | 'shift' | 'numbers')[]) {
        const keys = layerRows(lang, layer).flat();
        expect(keys, `${lang}/${layer}`).toEqual(expect.arrayContaining(['{bksp}', '{space}', '{lang}']));
        expect(new Set(keys).size, `${lang}/${layer}`).toBe(keys.length);
      }
  });
});
