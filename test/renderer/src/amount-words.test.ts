import { describe, expect, it } from 'vitest';
import { amountInWords } from '../../../renderer/src/amount-words.ts';

describe('an amount read back in words', () => {
  it.each([
    [1, 'دينار كويتي واحد', 'one Kuwaiti dinar'],
    [2, 'ديناران كويتيان', 'two Kuwaiti dinars'],
    [5, 'خمسة دنانير كويتية', 'five Kuwaiti dinars'],
    [11, 'أحد عشر دينارًا كويتيًا', 'eleven Kuwaiti dinars'],
    [25, 'خمسة وعشرون دينارًا كويتيًا', 'twenty-five Kuwaiti dinars'],
    [100, 'مئة دينار كويتي', 'one hundred Kuwaiti dinars'],
    [250, 'مئتان وخمسون دينارًا كويتيًا', 'two hundred and fifty Kuwaiti dinars'],
    [1500, 'ألف وخمسمئة دينار كويتي', 'one thousand five hundred Kuwaiti dinars'],
    [3000, 'ثلاثة آلاف دينار كويتي', 'three thousand Kuwaiti dinars'],
    [12_005, 'اثنا عشر ألفًا وخمسة دنانير كويتية', 'twelve thousand and five Kuwaiti dinars'],
  ])('%i KWD', (n, ar, en) => {
    expect(amountInWords(n, 'KWD', 'ar')).toBe(ar);
    expect(amountInWords(n, 'KWD', 'en')).toBe(en);
  });
  it('names the profile currency', () => {
    expect(amountInWords(3, 'QAR', 'ar')).toBe('ثلاثة ريالات قطرية');
    expect(amountInWords(20, 'BHD', 'en')).toBe('twenty Bahraini dinars');
  });
  it('refuses what it cannot say', () => {
    expect(() => amountInWords(1_000_000, 'KWD', 'en')).toThrow(RangeError);
  });
});
