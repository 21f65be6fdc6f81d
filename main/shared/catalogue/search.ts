import type { Catalogue } from './schema.ts';
import { normaliseText, phraseKey, queryTokens, tokenForms, tokenise } from './normalise.ts';

/**
 * Arabic-aware service search. Everything the catalogue says is normalised and tokenised once,
 * when the index is built; a query then costs a few thousand map look-ups. Pure: the renderer
 * can import it and search as the visitor types.
 */

export type SearchLocale = 'ar' | 'en';

export interface SearchResult {
  serviceId: string;
  score: number;
}

export interface SearchIndex {
  /** Best first; ties keep catalogue order, so the data lists popular services first. */
  search(query: string, locale: SearchLocale, limit?: number): SearchResult[];
}

/**
 * Points for a query word found as a whole word / as the start of a word, per field. The order
 * is the product rule: name > keyword > entity > category > description, and a word prefix in
 * the name still beats an exact keyword.
 */
const FIELD_WEIGHTS = {
  name: { exact: 40, prefix: 28 },
  keyword: { exact: 20, prefix: 14 },
  entity: { exact: 16, prefix: 11 },
  category: { exact: 10, prefix: 7 },
  description: { exact: 6, prefix: 4 },
} as const;
type FieldKind = keyof typeof FIELD_WEIGHTS;

/** Whole-phrase bonuses on top of the word scores. */
const NAME_EXACT = 100;
const NAME_PREFIX = 50;
/** Only a tie-breaker: a whole keyword must not lift a service above a word prefix in a name. */
const KEYWORD_PHRASE = 5;
/** A field in the other language than the screen's still counts, a little less. */
const OTHER_LOCALE = 0.9;
/** Queries longer than this are not something a visitor typed; cut rather than scan. */
const MAX_QUERY_CHARS = 200;
const DEFAULT_LIMIT = 10;

interface Field {
  kind: FieldKind;
  lang: SearchLocale;
  /** Every form of every word in the field, with its cheapest cost. */
  forms: Map<string, number>;
}

interface Entry {
  id: string;
  names: Record<SearchLocale, string>;
  keywordPhrases: Set<string>;
  fields: Field[];
}

function fieldOf(kind: FieldKind, lang: SearchLocale, texts: readonly string[]): Field {
  const forms = new Map<string, number>();
  for (const text of texts) {
    for (const token of tokenise(normaliseText(text))) {
      for (const [form, cost] of tokenForms(token)) {
        const prev = forms.get(form);
        if (prev === undefined || cost < prev) forms.set(form, cost);
      }
    }
  }
  return { kind, lang, forms };
}

const key = (text: string): string => phraseKey(queryTokens(text));

function buildEntries(catalogue: Catalogue): Entry[] {
  const entities = new Map(catalogue.entities.map((e) => [e.id, e]));
  const categories = new Map(catalogue.categories.map((c) => [c.id, c]));
  return catalogue.services.map((s) => {
    const entity = entities.get(s.entityId);
    const category = categories.get(s.categoryId);
    const fields: Field[] = [];
    for (const lang of ['ar', 'en'] as const) {
      fields.push(fieldOf('name', lang, [s.name[lang]]));
      fields.push(fieldOf('keyword', lang, s.keywords[lang]));
      if (entity) fields.push(fieldOf('entity', lang, [entity.name[lang], entity.shortName[lang]]));
      if (category) fields.push(fieldOf('category', lang, [category.name[lang]]));
      fields.push(fieldOf('description', lang, [s.description[lang]]));
    }
    const keywordPhrases = new Set([...s.keywords.ar, ...s.keywords.en].map(key).filter((k) => k.length > 0));
    return { id: s.id, names: { ar: key(s.name.ar), en: key(s.name.en) }, keywordPhrases, fields };
  });
}

/** Shorter forms would match half the catalogue by prefix. */
const minPrefixLength = (cost: number): number => (cost === 0 ? 2 : 3);
const costFactor = (cost: number): number => 1 / (1 + 0.25 * cost);

/** Best score of one query word (all its forms) against one field. */
function matchField(queryForms: Map<string, number>, field: Field): number {
  const w = FIELD_WEIGHTS[field.kind];
  let best = 0;
  for (const [qForm, qCost] of queryForms) {
    const exactCost = field.forms.get(qForm);
    if (exactCost !== undefined) best = Math.max(best, w.exact * costFactor(qCost + exactCost));
    if (qForm.length < minPrefixLength(qCost) || w.prefix * costFactor(qCost) <= best) continue;
    for (const [form, cost] of field.forms) {
      if (form.length > qForm.length && form.startsWith(qForm)) {
        best = Math.max(best, w.prefix * costFactor(qCost + cost));
      }
    }
  }
  return best;
}

function scoreEntry(entry: Entry, words: Map<string, number>[], phrase: string, locale: SearchLocale): number {
  let total = 0;
  let matched = 0;
  for (const forms of words) {
    let best = 0;
    for (const field of entry.fields) {
      const s = matchField(forms, field) * (field.lang === locale ? 1 : OTHER_LOCALE);
      if (s > best) best = s;
    }
    if (best > 0) matched++;
    total += best;
  }
  // Half the words must be found: forgiving of a stray word, strict enough that noise finds nothing.
  if (matched === 0 || matched * 2 < words.length) return 0;
  for (const lang of ['ar', 'en'] as const) {
    const name = entry.names[lang];
    const factor = lang === locale ? 1 : OTHER_LOCALE;
    if (name === phrase) total += NAME_EXACT * factor;
    else if (phrase.length >= 2 && name.startsWith(phrase)) total += NAME_PREFIX * factor;
  }
  if (entry.keywordPhrases.has(phrase)) total += KEYWORD_PHRASE;
  return total * (matched / words.length);
}

export function createSearchIndex(catalogue: Catalogue): SearchIndex {
  const entries = buildEntries(catalogue);
  return {
    search(query: string, locale: SearchLocale, limit = DEFAULT_LIMIT): SearchResult[] {
      if (typeof query !== 'string' || !(limit > 0)) return [];
      const tokens = queryTokens(query.slice(0, MAX_QUERY_CHARS));
      if (tokens.length === 0) return [];
      const words = tokens.map(tokenForms);
      const phrase = phraseKey(tokens);
      const scored: { serviceId: string; score: number; order: number }[] = [];
      entries.forEach((entry, order) => {
        const score = scoreEntry(entry, words, phrase, locale);
        if (score > 0) scored.push({ serviceId: entry.id, score: Math.round(score * 100) / 100, order });
      });
      scored.sort((a, b) => b.score - a.score || a.order - b.order);
      return scored.slice(0, Math.floor(limit)).map(({ serviceId, score }) => ({ serviceId, score }));
    },
  };
}
