import i18next, { type i18n } from 'i18next';
import ar from '../../assets/locales/ar.json';
import en from '../../assets/locales/en.json';
import { i18nOptions } from '../../main/shared/i18n-options.ts';

export type Locale = 'ar' | 'en';

/** One i18next instance for the screen; locale files are the same the core prints from. */
export function createI18n(): i18n {
  const inst = i18next.createInstance();
  void inst.init(i18nOptions(ar, en));
  return inst;
}

export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = locale === 'ar' ? 'rtl' : 'ltr';
}
