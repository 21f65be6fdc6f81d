import type { InitOptions } from 'i18next';

/**
 * The i18next set-up shared by the core (receipts) and the screen: Arabic first, no fallback
 * (a missing key must show, and a test fails on it), no HTML escaping (Preact escapes).
 */
export function i18nOptions(ar: object, en: object): InitOptions {
  return {
    initImmediate: false,
    showSupportNotice: false,
    lng: 'ar',
    fallbackLng: false,
    resources: { ar: { translation: ar }, en: { translation: en } },
    interpolation: { escapeValue: false },
  };
}
