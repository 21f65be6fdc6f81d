import type { Bilingual, DonationLimits } from '../contract/api.ts';
import type { KioskConfig } from '../config.ts';

/** Donation funds the kiosk offers (Zakat House's online donation, as on the Kuwait portal). */
export const DONATION_FUNDS: Readonly<Record<string, { entity: Bilingual; label: Bilingual }>> = {
  zakat: { entity: { ar: 'بيت الزكاة', en: 'Zakat House' }, label: { ar: 'زكاة المال', en: 'Zakat on wealth' } },
  sadaqa: { entity: { ar: 'بيت الزكاة', en: 'Zakat House' }, label: { ar: 'صدقة عامة', en: 'General charity (sadaqa)' } },
  orphans: { entity: { ar: 'بيت الزكاة', en: 'Zakat House' }, label: { ar: 'كفالة الأيتام', en: 'Orphan sponsorship' } },
};

/** The configured limits (whole units) for every fund, in the profile's minor units. */
export function donationLimits(config: KioskConfig['donations'], minorDigits: number): DonationLimits {
  const unit = 10 ** minorDigits;
  const maxMinor = Object.fromEntries(Object.keys(DONATION_FUNDS).map((id) => [id, (config.maxPerFund[id] ?? config.max) * unit]));
  return { maxMinor, confirmAboveMinor: config.confirmAbove * unit };
}
