import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSearchIndex, type SearchLocale } from '../../../../main/shared/catalogue/search.ts';
import { parseCatalogue } from '../../../../main/shared/catalogue/schema.ts';
import { bundledCatalogue } from '../../catalogue/fixtures.ts';

const kw = createSearchIndex(bundledCatalogue('KW'));
const bh = createSearchIndex(bundledCatalogue('BH'));
const qa = createSearchIndex(bundledCatalogue('QA'));
const first = (index: typeof kw, query: string, locale: SearchLocale = 'ar') => index.search(query, locale)[0]?.serviceId;
const ids = (index: typeof kw, query: string, locale: SearchLocale = 'ar') => index.search(query, locale).map((r) => r.serviceId);

describe('Arabic search finds the right service first', () => {
  it.each([
    // Hamza on alef or not, and with full diacritics.
    ['انتهاء الاقامة', 'kw-moi-residency-expiry'],
    ['انتهاء الإقامة', 'kw-moi-residency-expiry'],
    ['اِنْتِهَاء الإِقَامَة', 'kw-moi-residency-expiry'],
    ['تجديد اقامة', 'kw-moi-residency-renewal'],
    ['تجديد إقامه', 'kw-moi-residency-renewal'],
    // Taa marbuta written as haa.
    ['مخالفة', 'kw-moi-traffic-fines-pay'],
    ['مخالفه', 'kw-moi-traffic-fines-pay'],
    ['استعلام مخالفات', 'kw-moi-traffic-fines-inquiry'],
    // Alef maqsura written as yaa.
    ['شكوى', 'kw-cait-complaint'],
    ['شكوي', 'kw-cait-complaint'],
    ['القوى العاملة', 'kw-pam-work-permit-inquiry'],
    ['القوي العامله', 'kw-pam-work-permit-inquiry'],
    // Tatweel, article, clitics, colloquial final hamza.
    ['كـهـربـاء', 'kw-mew-bill-pay'],
    ['كهرباء', 'kw-mew-bill-pay'],
    ['الكهرباء', 'kw-mew-bill-pay'],
    ['فاتورة كهربا', 'kw-mew-bill-pay'],
    ['جواز', 'kw-moi-passport-status'],
    ['جواز السفر', 'kw-moi-passport-status'],
    ['البطاقة المدنية', 'kw-paci-civil-id-status'],
    ['بطاقه مدنيه', 'kw-paci-civil-id-status'],
    ['زكاة', 'kw-zakat-pay'],
    ['تبرع', 'kw-zakat-donate'],
    ['منع سفر', 'kw-moj-travel-ban-inquiry'],
    ['هاتف', 'kw-moc-phone-bill-pay'],
    ['توكيل', 'kw-moj-power-of-attorney'],
    // Prefixes while typing.
    ['كهر', 'kw-mew-bill-pay'],
    ['جوا', 'kw-moi-passport-status'],
  ])('KW: "%s" → %s', (query, expected) => {
    expect(first(kw, query)).toBe(expected);
  });

  it('treats spelling variants as the same query', () => {
    const variants = [['اقامة', 'إقامة', 'إِقَامَة', 'اقامه', 'الإقامة'], ['مخالفة', 'مخالفه'], ['كهرباء', 'كـهـربـاء', 'الكهرباء', 'الكَهْرَبَاء']];
    for (const group of variants) {
      const expected = ids(kw, group[0]!);
      expect(expected.length).toBeGreaterThan(0);
      for (const q of group) expect(ids(kw, q), q).toEqual(expected);
    }
  });

  it('tolerates the prefixes و ب ل ف and the article after them', () => {
    for (const q of ['والكهرباء', 'بالكهرباء', 'للكهرباء', 'فالكهرباء']) {
      expect(ids(kw, q).slice(0, 2), q).toEqual(expect.arrayContaining(['kw-mew-bill-pay']));
    }
  });

  it('reads Arabic-Indic digits and Persian keyboard letters', () => {
    expect(first(kw, 'ک‌هرباء')).toBe('kw-mew-bill-pay'); // Persian kaf + ZWNJ
    const withDigits = createSearchIndex(bundledCatalogue('KW'));
    expect(withDigits.search('مادة ٢٢', 'ar')[0]?.serviceId).toBe('kw-moi-residency-renewal');
  });

  it.each([
    [bh, 'مخالفات', 'bh-traffic-fines-pay'],
    [bh, 'تواصل', 'bh-tawasul-complaint'],
    [bh, 'شهادة راتب', 'bh-csb-salary-certificate'],
    [bh, 'صندوق بريد', 'bh-post-po-box'],
    [bh, 'تتبع طرد', 'bh-post-tracking'],
    [qa, 'تصريح سفر', 'qa-moi-travel-permit'],
    [qa, 'القومسيون الطبي', 'qa-moph-medical-commission'],
    [qa, 'قومسيون', 'qa-moph-medical-commission'],
    [qa, 'حساب الدخل', 'qa-customs-income-calculation'],
    [qa, 'كهرماء', 'qa-kahramaa-bill-pay'],
  ])('BH/QA: %#', (index, query, expected) => {
    expect(first(index, query)).toBe(expected);
  });

  it('spells "شئون" and "شؤون" alike (both are used in Bahrain)', () => {
    const a = ids(bh, 'شئون الجوازات');
    expect(a[0]).toMatch(/^bh-npra-/);
    expect(ids(bh, 'شؤون الجوازات')).toEqual(a);
  });
});

describe('English search', () => {
  it('is case-insensitive and finds by prefix while typing', () => {
    const electricity = ids(kw, 'electricity', 'en');
    expect(electricity[0]).toBe('kw-mew-bill-pay');
    expect(ids(kw, 'ELECTRICITY', 'en')).toEqual(electricity);
    expect(ids(kw, 'Elec', 'en')[0]).toBe('kw-mew-bill-pay');
  });

  it.each([
    ['passport', 'kw-moi-passport-status'],
    ['Passport', 'kw-moi-passport-status'],
    ['fines', 'kw-moi-traffic-fines-pay'],
    ['traffic fines', 'kw-moi-traffic-fines-pay'],
    ['electricity bill', 'kw-mew-bill-pay'],
    ['phone bills', 'kw-moc-phone-bill-pay'],
    ['civil id', 'kw-paci-civil-id-status'],
    ['renewing residency', 'kw-moi-residency-renewal'],
    ['licence', 'kw-moi-driving-licence-renewal'],
    ['donations', 'kw-zakat-donate'],
    ['tasdeed', 'kw-mof-tasdeed'],
    ['pay tasdeed fines', 'kw-moi-traffic-fines-pay'],
  ])('KW: "%s" → %s', (query, expected) => {
    expect(first(kw, query, 'en')).toBe(expected);
  });

  it.each([
    [bh, 'fines', 'bh-traffic-fines-pay'],
    [bh, 'po box', 'bh-post-po-box'],
    [qa, 'travel permit', 'qa-moi-travel-permit'],
    [qa, 'customs', 'qa-customs-income-calculation'],
    [qa, 'medical commission', 'qa-moph-medical-commission'],
  ])('BH/QA: %#', (index, query, expected) => {
    expect(first(index, query, 'en')).toBe(expected);
  });
});

describe('nothing for nonsense', () => {
  it.each(['xqzvbn', 'ضصثقفغ', 'zz', 'ظظظ', '!!!', '   ', '', '٩٩٩٩٩', 'the of and'])('"%s" finds nothing', (q) => {
    expect(kw.search(q, 'ar')).toEqual([]);
    expect(kw.search(q, 'en')).toEqual([]);
  });
  it('a query with only one real word in four is not enough', () => {
    expect(kw.search('xqzv blorp snarf passport', 'en')).toEqual([]);
  });
});

describe('ranking rules', () => {
  /** Six services that each match "tasrih" in a different place. */
  const tiny = parseCatalogue({
    version: 1,
    profile: 'KW',
    entities: [
      { id: 'e1', name: { ar: 'الجهة الأولى', en: 'First body' }, shortName: { ar: 'الأولى', en: 'First' } },
      { id: 'e2', name: { ar: 'هيئة التصريح الموحد', en: 'Unified permit authority' }, shortName: { ar: 'التصريح', en: 'Permits' } },
    ],
    categories: [{ id: 'c', name: { ar: 'عام', en: 'General' } }],
    services: [
      ['description', 'خدمة عامة', 'General service', 'تصدر هذه الخدمة تصريح', 'e1', []],
      ['keyword', 'خدمة أخرى', 'Other service', 'وصف', 'e1', ['تصريح']],
      ['entity', 'خدمة ثالثة', 'Third service', 'وصف', 'e2', []],
      ['word-prefix', 'طلب تصريحات', 'Request', 'وصف', 'e1', []],
      ['name-prefix', 'تصريح عمل', 'Work permit', 'وصف', 'e1', []],
      ['exact', 'تصريح', 'Permit', 'وصف', 'e1', []],
    ].map(([id, ar, en, desc, entityId, kwAr]) => ({
      id, entityId, categoryId: 'c', name: { ar, en }, description: { ar: desc, en: 'Description' },
      conditions: [], steps: [{ ar: 'قدّم الطلب', en: 'Apply' }], requiredDocuments: [],
      fees: [{ label: { ar: 'مجانًا', en: 'Free' }, amountMinor: 0 }], channel: 'online', keywords: { ar: kwAr, en: [] },
    })),
  });
  if (!tiny.ok) throw new Error(tiny.errors.join('\n'));
  const index = createSearchIndex(tiny.catalogue);

  it('exact name > name prefix > word prefix in name > keyword > entity > description', () => {
    expect(index.search('تصريح', 'ar').map((r) => r.serviceId)).toEqual([
      'exact', 'name-prefix', 'word-prefix', 'keyword', 'entity', 'description',
    ]);
    const scores = index.search('تصريح', 'ar').map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(scores.length);
  });

  it('respects the limit', () => {
    expect(index.search('تصريح', 'ar', 2).map((r) => r.serviceId)).toEqual(['exact', 'name-prefix']);
    expect(index.search('تصريح', 'ar', 0)).toEqual([]);
    expect(kw.search('خدمة', 'ar').length).toBeLessThanOrEqual(10);
  });
});

describe('search never fails', () => {
  const all = new Set(bundledCatalogue('KW').services.map((s) => s.id));
  it('returns sorted, bounded, known results for any typed string', () => {
    const arabicish = fc.string({ unit: fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةىـًٌٍَُِّْ ٠١٢ abcXYZ019-'.split('')), maxLength: 30 });
    fc.assert(
      fc.property(fc.oneof(arabicish, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 300 })), fc.integer({ min: -3, max: 50 }), fc.constantFrom<SearchLocale>('ar', 'en'), (q, limit, locale) => {
        const r = kw.search(q, locale, limit);
        expect(r.length).toBeLessThanOrEqual(Math.max(0, limit));
        for (let i = 1; i < r.length; i++) expect(r[i - 1]!.score).toBeGreaterThanOrEqual(r[i]!.score);
        for (const x of r) expect(all.has(x.serviceId) && x.score > 0).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('ignores non-string queries from an untyped caller', () => {
    expect(kw.search(42 as unknown as string, 'ar')).toEqual([]);
  });
});
