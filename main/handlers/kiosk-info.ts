import type { KioskConfig } from '../config.ts';
import type { KioskInfo } from '../contract/api.ts';
import type { CountryProfile } from '../profiles/profiles.ts';
import { donationLimits } from './donation-funds.ts';

/** What the screen needs to know about this kiosk: country, money, display and idle settings. */
export function kioskInfo(config: KioskConfig, profile: CountryProfile): Omit<KioskInfo, 'online' | 'devices'> {
  return {
    kioskId: config.kioskId,
    profile: profile.id,
    currency: profile.currency,
    minorDigits: profile.minorDigits,
    location: config.location,
    idle: { seconds: config.ui.idleSeconds, warningSeconds: config.ui.idleWarningSeconds },
    nationalIdDigits: profile.nationalId.digits,
    branding: profile.branding,
    numerals: config.display.numerals ?? profile.numerals,
    hijri: config.display.hijri ?? profile.hijri,
    demo: config.demo,
    donations: donationLimits(config.donations, profile.minorDigits),
  };
}
