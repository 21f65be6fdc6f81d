import type { i18n } from 'i18next';
import ar from '../../../../assets/locales/technician/ar.json';
import en from '../../../../assets/locales/technician/en.json';

/**
 * The technician screens' strings: loaded with those screens, so no visitor's first screen
 * carries them (the PIN pad's and the out-of-service screen's stay in the main locale files).
 */
export function addTechnicianStrings(i: i18n): void {
  i.addResourceBundle('ar', 'translation', ar, true, false);
  i.addResourceBundle('en', 'translation', en, true, false);
}
