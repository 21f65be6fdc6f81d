import i18next, { type TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import type { Locale } from '../contract/api.ts';
import { i18nOptions } from '../shared/i18n-options.ts';

export type Translate = (locale: Locale, key: string, vars?: Record<string, string | number>) => string;

/** One i18next instance per core (no global singleton), loaded from assets/locales. */
export function createTranslator(localesDir: URL): Translate {
  const load = (l: Locale) => JSON.parse(readFileSync(new URL(`${l}.json`, localesDir), 'utf8')) as Record<string, unknown>;
  const inst = i18next.createInstance();
  void inst.init(i18nOptions(load('ar'), load('en')));
  const fixed: Record<Locale, TFunction> = { ar: inst.getFixedT('ar'), en: inst.getFixedT('en') };
  return (locale, key, vars) => fixed[locale](key, vars ?? {}) as string;
}
