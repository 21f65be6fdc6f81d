import { readFileSync } from 'node:fs';
import type { BenchRow } from './bench-types.ts';
import { now, percentile } from './kit.ts';
import { parseCatalogue, type Catalogue } from '../../main/shared/catalogue/schema.ts';
import { createSearchIndex, type SearchLocale } from '../../main/shared/catalogue/search.ts';

const BUNDLED = new URL('../../assets/catalogue/', import.meta.url);

function load(profile: 'KW' | 'BH' | 'QA'): Catalogue {
  const r = parseCatalogue(JSON.parse(readFileSync(new URL(`${profile}.json`, BUNDLED), 'utf8')));
  if (!r.ok) throw new Error(`bundled ${profile} invalid`);
  return r.catalogue;
}

/**
 * 1000 queries shaped like kiosk typing: every prefix of real service names and keywords
 * (as the visitor types them), spelling variants, English, and nonsense. Deterministic.
 */
function queries(cat: Catalogue): { q: string; locale: SearchLocale }[] {
  const out: { q: string; locale: SearchLocale }[] = [];
  const words = cat.services.flatMap((s) => [s.name.ar, s.name.en, ...s.keywords.ar, ...s.keywords.en]);
  const variants = ['إقامة', 'اقامه', 'إِقَامَة', 'مخالفه', 'كـهـربـاء', 'شكوي', 'بالكهرباء', 'electricity bill', 'passport', 'fines', 'xqzvbn', 'ضصثقفغ'];
  let i = 0;
  while (out.length < 1000) {
    const text = i % 4 === 3 ? variants[i % variants.length]! : words[(i * 7919) % words.length]!;
    const cut = 2 + ((i * 31) % Math.max(1, text.length - 1));
    out.push({ q: text.slice(0, cut), locale: /[a-z]/i.test(text) ? 'en' : 'ar' });
    i++;
  }
  return out;
}

export default async function catalogueSearchBench(): Promise<BenchRow[]> {
  const kw = load('KW');
  const t0 = now();
  const rawText = readFileSync(new URL('KW.json', BUNDLED), 'utf8');
  for (let k = 0; k < 20; k++) parseCatalogue(JSON.parse(rawText));
  const parseMs = (now() - t0) / 20;

  const t1 = now();
  for (let k = 0; k < 20; k++) createSearchIndex(kw);
  const buildMs = (now() - t1) / 20;

  const index = createSearchIndex(kw);
  const qs = queries(kw);
  for (const { q, locale } of qs.slice(0, 200)) index.search(q, locale); // warm-up
  const times: number[] = [];
  let hits = 0;
  for (const { q, locale } of qs) {
    const s = now();
    const r = index.search(q, locale);
    times.push(now() - s);
    if (r.length > 0) hits++;
  }
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  return [
    { name: 'catalogue: KW parse + validate (35 services)', value: +parseMs.toFixed(3), unit: 'ms', goal: 'report', met: null, kind: 'measured' },
    { name: 'catalogue: KW search index build', value: +buildMs.toFixed(3), unit: 'ms', goal: 'report', met: null, kind: 'measured' },
    { name: 'catalogue: search p50 (1000 typed queries)', value: +p50.toFixed(4), unit: 'ms', goal: 'report', met: null, kind: 'measured' },
    { name: 'catalogue: search p99 (1000 typed queries)', value: +p99.toFixed(4), unit: 'ms', goal: '< 2 ms', met: p99 < 2, kind: 'measured' },
    { name: 'catalogue: search max', value: +Math.max(...times).toFixed(4), unit: 'ms', goal: 'report', met: null, kind: 'measured' },
    { name: 'catalogue: queries with results', value: hits, unit: 'of 1000', goal: 'report', met: null, kind: 'measured' },
  ];
}
