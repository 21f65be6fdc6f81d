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
  },
  BH: {
    id: 'BH',
    timeZone: 'Asia/Bahrain',
    currency: 'BHD',
    currencyNumeric: 48,
    minorDigits: 3,
    name: { ar: 'مملكة البحرين', en: 'Kingdom of Bahrain' },
    nationalId: { name: { ar: 'الرقم الشخصي', en: 'CPR number' }, digits: 9 },
  },
  QA: {
    id: 'QA',
    timeZone: 'Asia/Qatar',
    currency: 'QAR',
    currencyNumeric: 634,
    minorDigits: 2,
    name: { ar: 'دولة قطر', en: 'State of Qatar' },
    nationalId: { name: { ar: 'رقم البطاقة الشخصية', en: 'QID number' }, digits: 11 },
  },
};
