/**
 * Text normalisation for search: the same function runs over the catalogue (once, at index
 * time) and over what the visitor types, so spelling variants meet in the middle. Pure, no
 * DOM and no node: imports, so the renderer can use it for highlighting too.
 */

/** Letters people write interchangeably in everyday Arabic typing. */
const LETTER_MAP: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ة': 'ه',
  'ى': 'ي',
  'ؤ': 'و',
  'ئ': 'ي',
  // Persian keyboard layouts, common on imported devices.
  'ی': 'ي', 'ې': 'ي', 'ک': 'ك', 'ڪ': 'ك',
};

/** Tashkeel U+064B–U+065F, superscript alef U+0670, Quranic marks, tatweel U+0640, bidi controls. */
const STRIP = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C-\u200F\u061C]/g;

function mapChar(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x0660 && c <= 0x0669) return String(c - 0x0660); // Arabic-Indic digits
  if (c >= 0x06f0 && c <= 0x06f9) return String(c - 0x06f0); // Eastern Arabic-Indic digits
  return LETTER_MAP[ch] ?? ch;
}

/**
 * Canonical form of free text: presentation forms unfolded (NFKC), marks and tatweel removed,
 * letter variants merged, digits to Latin, Latin lower-cased without accents.
 */
export function normaliseText(input: string): string {
  const folded = input
    .normalize('NFKC')
    .replace(STRIP, '')
    // Seat spelling that varies by country: "شئون" (Bahrain) = "شؤون"; "قاريء" = "قارئ".
    .replace(/ئو/g, 'ؤو')
    // ئ too: it becomes ي below, and "يء" must not appear only on a second pass (idempotence).
    .replace(/[يىئ]ء(?![\p{L}])/gu, 'ئ');
  let out = '';
  for (const ch of folded) out += mapChar(ch);
  // Lower-case first (İ → i + dot), then NFD + mark removal: é → e; Arabic marks were already gone.
  return out.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** Words of already-normalised text: runs of letters and digits. */
export function tokenise(normalised: string): string[] {
  return normalised.match(/[\p{L}\p{N}]+/gu) ?? [];
}

const ARABIC = /[\u0621-\u064A]/;
export const isArabicToken = (token: string): boolean => ARABIC.test(token);

/** One way a word may be written, with how far it is from what was typed (0 = as typed). */
export interface TokenForm {
  form: string;
  cost: number;
}

/** Conjunctions and prepositions glued to the next word: و ف (and), ب ل ك (with, for, like). */
const CONJUNCTIONS = ['و', 'ف'];
const PREPOSITIONS = ['ب', 'ل', 'ك'];
/** Light suffix stemming (plural, feminine, nisba) in the spirit of Larkey's light10. */
const AR_SUFFIXES = ['ات', 'ون', 'ين', 'يه', 'ه'];

function addForm(forms: Map<string, number>, form: string, cost: number): void {
  const prev = forms.get(form);
  if (prev === undefined || cost < prev) forms.set(form, cost);
}

/**
 * Arabic variants of a normalised word. Dropping the article costs nothing ("كهرباء" is
 * "الكهرباء"); dropping a clitic or suffix costs 1, because it can also be a root letter
 * ("بطاقه" is not "ب + طاقه").
 */
function arabicForms(token: string): Map<string, number> {
  const forms = new Map<string, number>([[token, 0]]);
  const stages: TokenForm[] = [{ form: token, cost: 0 }];
  const first = token[0] ?? '';
  if (CONJUNCTIONS.includes(first) && token.length >= 4) stages.push({ form: token.slice(1), cost: 1 });
  for (const s of [...stages]) {
    const p = s.form[0] ?? '';
    if (PREPOSITIONS.includes(p) && s.form.length >= 4) {
      // "لل" is ل + the article with its alef dropped: "للكهرباء" → "كهرباء".
      if (p === 'ل' && s.form[1] === 'ل' && s.form.length >= 5) stages.push({ form: s.form.slice(2), cost: s.cost + 1 });
      else stages.push({ form: s.form.slice(1), cost: s.cost + 1 });
    }
  }
  for (const s of [...stages]) {
    if (s.form.startsWith('ال') && s.form.length >= 4) stages.push({ form: s.form.slice(2), cost: s.cost });
  }
  for (const s of stages) {
    addForm(forms, s.form, s.cost);
    // Colloquial spelling drops a final hamza: "كهربا" for "كهرباء".
    if (s.form.endsWith('ء') && s.form.length >= 4) addForm(forms, s.form.slice(0, -1), s.cost);
    for (const suffix of AR_SUFFIXES) {
      if (s.form.endsWith(suffix) && s.form.length - suffix.length >= 3) {
        addForm(forms, s.form.slice(0, -suffix.length), s.cost + 1);
        break;
      }
    }
  }
  return forms;
}

/** Minimal English stemming: plural and common verb endings; prefix matching does the rest. */
function englishForms(token: string): Map<string, number> {
  const forms = new Map<string, number>([[token, 0]]);
  const stem = (w: string): string => {
    if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
    if (w.length > 4 && /(sses|shes|ches|xes)$/.test(w)) return w.slice(0, -2);
    if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
    if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
    if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
    if (w.length > 5 && w.endsWith('al')) return w.slice(0, -2);
    return w;
  };
  const stemmed = stem(token);
  if (stemmed !== token) addForm(forms, stemmed, 1);
  return forms;
}

/** Every form of one normalised token, with its cost. */
export function tokenForms(token: string): Map<string, number> {
  return isArabicToken(token) ? arabicForms(token) : englishForms(token);
}

/** The article-free spelling used to compare whole phrases ("الكهرباء والماء" ~ "كهرباء وماء"). */
export function phraseKey(tokens: readonly string[]): string {
  return tokens
    .map((t) => {
      let w = t;
      if (isArabicToken(w) && w.startsWith('و') && w.startsWith('ال', 1) && w.length >= 5) w = w.slice(1);
      if (isArabicToken(w) && w.startsWith('ال') && w.length >= 4) w = w.slice(2);
      return w;
    })
    .join(' ');
}

/** Words that carry no meaning in a query (or in a phrase being compared). */
const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    'the', 'a', 'an', 'of', 'for', 'to', 'in', 'on', 'and', 'or', 'my', 'me', 'i', 'with', 'by', 'at', 'from',
    'is', 'how', 'what', 'do', 'can', 'please',
    'في', 'من', 'عن', 'الى', 'علي', 'مع', 'او', 'ما', 'هل', 'كيف', 'ثم', 'لو', 'ابي', 'ابغي', 'اريد',
  ].map(normaliseText),
);

/** Meaningful words of a query; a query of stop words only ("the of") has none. */
export function queryTokens(query: string): string[] {
  return tokenise(normaliseText(query)).filter((t) => !STOP_WORDS.has(t));
}
