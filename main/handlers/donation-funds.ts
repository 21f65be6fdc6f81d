import type { Bilingual } from '../contract/api.ts';

/** Donation funds the kiosk offers (Zakat House's online donation, as on the Kuwait portal). */
export const DONATION_FUNDS: Readonly<Record<string, { entity: Bilingual; label: Bilingual }>> = {
  zakat: { entity: { ar: 'بيت الزكاة', en: 'Zakat House' }, label: { ar: 'زكاة المال', en: 'Zakat on wealth' } },
  sadaqa: { entity: { ar: 'بيت الزكاة', en: 'Zakat House' }, label: { ar: 'صدقة عامة', en: 'General charity (sadaqa)' } },
  orphans: { entity: { ar: 'بيت الزكاة', en: 'Zakat House' }, label: { ar: 'كفالة الأيتام', en: 'Orphan sponsorship' } },
};
