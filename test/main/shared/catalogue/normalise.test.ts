import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseText, phraseKey, queryTokens, tokenForms, tokenise } from '../../../../main/shared/catalogue/normalise.ts';

describe('normaliseText', () => {
  it.each([
    ['أإآٱا', 'ااااا'],
    ['إقامة', 'اقامه'],
    ['مستشفى', 'مستشفي'],
    ['مسؤول', 'مسوول'],
    ['مسئول', 'مسوول'],
    ['شئون', 'شوون'],
    ['هيئة', 'هييه'],
    ['قاريء', 'قاري'],
    ['قارئ', 'قاري'],
    ['إِقَامَة', 'اقامه'],
    ['كـهـربـاء', 'كهرباء'],
    ['الْكَهْرَبَاءُ', 'الكهرباء'],
    ['٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹', '0123456789 0123456789'],
    ['ﻻ ﷲ', 'لا الله'], // presentation forms unfolded
    ['کهربای', 'كهرباي'], // Persian kaf and yeh
    ['Électricité BILL', 'electricite bill'],
    ['passe\u200Fport', 'passeport'],
    ['ئء', 'ي'], // a seat before hamza at a word's end, found by the idempotence property
  ])('%s → %s', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it('is idempotent on Arabic and Latin text', () => {
    const text = fc.string({ unit: fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةىـًٌٍَُِّْٰ٠١٢۳ abcÉéXYZ019-،.'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(text, (s) => {
        expect(normaliseText(normaliseText(s))).toBe(normaliseText(s));
      }),
    );
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      expect(typeof normaliseText(s)).toBe('string');
    }));
  });
});

describe('tokens and forms', () => {
  it('splits on punctuation in both scripts', () => {
    expect(tokenise(normaliseText('الكهرباء، والماء - electricity/water'))).toEqual(['الكهرباء', 'والماء', 'electricity', 'water']);
  });

  it('strips the article for free and clitics at a cost', () => {
    const forms = tokenForms('بالكهرباء');
    expect(forms.get('بالكهرباء')).toBe(0);
    expect(forms.get('كهرباء')).toBe(1);
    expect(tokenForms('الكهرباء').get('كهرباء')).toBe(0);
    expect(tokenForms('للكهرباء').get('كهرباء')).toBe(1);
    expect(tokenForms('والماء').get('ماء')).toBe(1);
    // Short words keep their first letter: "بلد" is not ب + "لد".
    expect([...tokenForms('بلد').keys()]).toEqual(['بلد']);
  });

  it('stems plurals and feminine endings lightly', () => {
    expect(tokenForms('مخالفات').get('مخالف')).toBe(1);
    expect(tokenForms('مخالفه').get('مخالف')).toBe(1);
    expect(tokenForms('fines').get('fine')).toBe(1);
    expect(tokenForms('penalties').get('penalty')).toBe(1);
    expect(tokenForms('renewal').get('renew')).toBe(1);
    expect(tokenForms('address').get('addres')).toBeUndefined();
  });

  it('drops stop words', () => {
    expect(queryTokens('the passport of my son')).toEqual(['passport', 'son']);
    expect(queryTokens('الاستعلام عن المخالفات')).toEqual(['الاستعلام', 'المخالفات']);
    expect(queryTokens('the of')).toEqual([]);
  });

  it('compares phrases without the article', () => {
    expect(phraseKey(['الكهرباء', 'والماء'])).toBe(phraseKey(['كهرباء', 'ماء']));
  });
});
