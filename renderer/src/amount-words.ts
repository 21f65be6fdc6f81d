/**
 * A whole amount of money in words, for the confirmation a visitor reads before a large
 * donation: "one hundred and fifty Kuwaiti dinars", "مئة وخمسون دينارًا كويتيًا". Whole units
 * from 1 to 999,999 (donations are whole units); the counted noun follows Arabic number
 * agreement (2: dual, 3-10: plural, 11-99: singular accusative, otherwise singular).
 */
export type Currency = 'KWD' | 'BHD' | 'QAR';

const EN_ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_CURRENCY: Record<Currency, [string, string]> = { KWD: ['Kuwaiti dinar', 'Kuwaiti dinars'], BHD: ['Bahraini dinar', 'Bahraini dinars'], QAR: ['Qatari riyal', 'Qatari riyals'] };

function enBelow1000(n: number): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  const rest = r < 20 ? EN_ONES[r]! : EN_TENS[Math.floor(r / 10)]! + (r % 10 ? `-${EN_ONES[r % 10]}` : '');
  if (!h) return rest;
  return `${EN_ONES[h]} hundred${r ? ` and ${rest}` : ''}`;
}

export function englishNumber(n: number): string {
  if (n === 0) return 'zero';
  const th = Math.floor(n / 1000);
  const r = n % 1000;
  const parts = [th ? `${enBelow1000(th)} thousand` : '', r ? (th && r < 100 ? `and ${enBelow1000(r)}` : enBelow1000(r)) : ''];
  return parts.filter(Boolean).join(' ');
}

const AR_ONES = ['', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة'];
const AR_TEENS = ['عشرة', 'أحد عشر', 'اثنا عشر', 'ثلاثة عشر', 'أربعة عشر', 'خمسة عشر', 'ستة عشر', 'سبعة عشر', 'ثمانية عشر', 'تسعة عشر'];
const AR_TENS = ['', '', 'عشرون', 'ثلاثون', 'أربعون', 'خمسون', 'ستون', 'سبعون', 'ثمانون', 'تسعون'];
const AR_HUNDREDS = ['', 'مئة', 'مئتان', 'ثلاثمئة', 'أربعمئة', 'خمسمئة', 'ستمئة', 'سبعمئة', 'ثمانمئة', 'تسعمئة'];

function arBelow100(n: number): string {
  if (n <= 10) return AR_ONES[n]!;
  if (n < 20) return AR_TEENS[n - 10]!;
  const u = n % 10;
  return u ? `${AR_ONES[u]} و${AR_TENS[Math.floor(n / 10)]}` : AR_TENS[Math.floor(n / 10)]!;
}

function arBelow1000(n: number): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  return [AR_HUNDREDS[h], r ? arBelow100(r) : ''].filter(Boolean).join(' و');
}

/** The counted noun after an Arabic number n: [singular, dual, plural, accusative singular]. */
function arCounted(n: number, forms: readonly [string, string, string, string]): string {
  const r = n % 100;
  if (n === 2) return forms[1];
  if (r >= 3 && r <= 10) return forms[2];
  if (r >= 11) return forms[3];
  return forms[0];
}

const AR_THOUSAND = ['ألف', 'ألفان', 'آلاف', 'ألفًا'] as const;

export function arabicNumber(n: number): string {
  if (n === 0) return 'صفر';
  const th = Math.floor(n / 1000);
  const r = n % 1000;
  let thousands = '';
  if (th === 1) thousands = AR_THOUSAND[0];
  else if (th === 2) thousands = AR_THOUSAND[1];
  else if (th) thousands = `${arBelow1000(th)} ${arCounted(th, AR_THOUSAND)}`;
  return [thousands, r ? arBelow1000(r) : ''].filter(Boolean).join(' و');
}

const AR_CURRENCY: Record<Currency, readonly [string, string, string, string]> = {
  KWD: ['دينار كويتي', 'ديناران كويتيان', 'دنانير كويتية', 'دينارًا كويتيًا'],
  BHD: ['دينار بحريني', 'ديناران بحرينيان', 'دنانير بحرينية', 'دينارًا بحرينيًا'],
  QAR: ['ريال قطري', 'ريالان قطريان', 'ريالات قطرية', 'ريالًا قطريًا'],
};

/** A whole amount in words with its currency, in the visitor's language. */
export function amountInWords(major: number, currency: Currency, locale: 'ar' | 'en'): string {
  const n = Math.trunc(major);
  if (n < 0 || n > 999_999) throw new RangeError(`amount out of range: ${major}`);
  if (locale === 'en') return `${englishNumber(n)} ${EN_CURRENCY[currency][n === 1 ? 0 : 1]}`;
  const forms = AR_CURRENCY[currency];
  if (n === 1) return `${forms[0]} واحد`;
  if (n === 2) return forms[1];
  return `${arabicNumber(n)} ${arCounted(n, forms)}`;
}
