import type { CurrencyCode, ProfileId } from '../contract/api.ts';

/** Country profiles: everything that differs between Kuwait, Bahrain and Qatar, as data. */
export interface CountryProfile {
  id: ProfileId;
  currency: CurrencyCode;
  /** ISO 4217 numeric, as the payment terminal wants it. */
  currencyNumeric: number;
  minorDigits: number;
  /** IANA zone for receipts and screens. */
  timeZone: string;
  name: { ar: string; en: string };
  nationalId: { name: { ar: string; en: string }; digits: number };
  /** Screen look per country: colours and the logo placeholder shown on the attract screen. */
  branding: Branding;
  /** Digits on screen: Arabic-Indic ('arab') or Latin ('latn'); paper always uses Latin. */
  numerals: 'arab' | 'latn';
  /** Show the Hijri date beside the Gregorian one. */
  hijri: boolean;
}

export interface Branding {
  primary: string;
  primaryInk: string;
  accent: string;
  /** Placeholder mark until the entity supplies its logo file. */
  logoText: { ar: string; en: string };
}

export const PROFILES: Readonly<Record<ProfileId, CountryProfile>> = {
  KW: {
    id: 'KW',
    timeZone: 'Asia/Kuwait',
    currency: 'KWD',
    currencyNumeric: 414,
    minorDigits: 3,
    name: { ar: 'دولة الكويت', en: 'State of Kuwait' },
    nationalId: { name: { ar: 'الرقم المدني', en: 'Civil ID number' }, digits: 12 },
    branding: { primary: '#0b5d4b', primaryInk: '#ffffff', accent: '#c8102e', logoText: { ar: 'الكويت', en: 'Kuwait' } },
    numerals: 'arab',
    hijri: true,
  },
  BH: {
    id: 'BH',
    timeZone: 'Asia/Bahrain',
    currency: 'BHD',
    currencyNumeric: 48,
    minorDigits: 3,
    name: { ar: 'مملكة البحرين', en: 'Kingdom of Bahrain' },
    nationalId: { name: { ar: 'الرقم الشخصي', en: 'CPR number' }, digits: 9 },
    branding: { primary: '#9e1b32', primaryInk: '#ffffff', accent: '#4a4a4a', logoText: { ar: 'البحرين', en: 'Bahrain' } },
    numerals: 'latn',
    hijri: false,
  },
  QA: {
    id: 'QA',
    timeZone: 'Asia/Qatar',
    currency: 'QAR',
    currencyNumeric: 634,
    minorDigits: 2,
    name: { ar: 'دولة قطر', en: 'State of Qatar' },
    nationalId: { name: { ar: 'رقم البطاقة الشخصية', en: 'QID number' }, digits: 11 },
    branding: { primary: '#6d1a36', primaryInk: '#ffffff', accent: '#8a8d8f', logoText: { ar: 'قطر', en: 'Qatar' } },
    numerals: 'arab',
    hijri: true,
  },
};
