import i18next, { type i18n } from 'i18next';
import ar from '../../assets/locales/ar.json';
import en from '../../assets/locales/en.json';

export type Locale = 'ar' | 'en';

/** One i18next instance for the screen; locale files are the same the core prints from. */
export function createI18n(): i18n {
  const inst = i18next.createInstance();
  void inst.init({
    initImmediate: false,
    showSupportNotice: false,
    lng: 'ar',
    fallbackLng: false,
    resources: { ar: { translation: ar }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return inst;
}

export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = locale === 'ar' ? 'rtl' : 'ltr';
}
