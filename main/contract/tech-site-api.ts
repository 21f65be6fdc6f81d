import { z } from 'zod';
import { FLEET_SEGMENT_PATTERN, FLEET_URL_PATTERN, KIOSK_ID_PATTERN, KIOSK_NUMBER_MAX, KIOSK_NUMBER_MIN, LOCATION_MAX, SITE_PROFILES, URL_MAX } from '../shared/site-rules.ts';
import type { SiteProfile } from '../shared/site-rules.ts';
import type { TechSettingsResult } from './tech-api.ts';

/**
 * Technician mode, identity and connection (issue 12, item 6): kiosk ID and number, location,
 * country profile, gateway URL and credentials, fleet broker, terminal password. These apply at
 * restart; `tech.restart` restarts the kiosk. The same rules run on the screen (main/shared/site-rules.ts).
 */
const text = (max: number) => z.string().trim().min(1, 'required').max(max);
export const techSiteParams = {
  /** Every field as the screen shows it; empty URL = the file's demo gateway / no broker. */
  'tech.saveSite': z
    .object({
      kioskId: z.string().regex(KIOSK_ID_PATTERN, 'letters, digits and - only, at most 32'),
      kioskNumber: z.number().int().min(KIOSK_NUMBER_MIN).max(KIOSK_NUMBER_MAX),
      location: z.object({ ar: text(LOCATION_MAX), en: text(LOCATION_MAX) }).strict(),
      profile: z.enum(SITE_PROFILES),
      gatewayUrl: z.string().max(URL_MAX).refine((s) => s === '' || /^https?:\/\/[^\s/]+/.test(s), 'an https:// address'),
      fleetUrl: z.string().max(URL_MAX).refine((s) => s === '' || FLEET_URL_PATTERN.test(s), 'an mqtt:// or mqtts:// address'),
      fleetCentre: z.string().refine((s) => s === '' || FLEET_SEGMENT_PATTERN.test(s), 'letters, digits, - and _ only'),
    })
    .strict(),
  /** Write-only: typed on the PIN pad, never sent back. */
  'tech.terminalPassword': z.object({ password: z.string().regex(/^\d{6}$/, 'six digits') }).strict(),
  /** Removable media holding PEM files. */
  'tech.credentialMedia': z.object({}).strict(),
  /** Must be one of the folders `tech.credentialMedia` listed. */
  'tech.importCredentials': z.object({ source: z.string().min(1).max(300) }).strict(),
  /** Closes the kiosk cleanly and starts it again (refused while a payment is with the terminal). */
  'tech.restart': z.object({}).strict(),
} as const;

export type TechSiteMethod = keyof typeof techSiteParams;

export interface TechCertView {
  subject: string;
  /** ISO date-time. */
  notAfter: string;
}

/** Identity and connection as the screen sees them: values in force, secrets only as "set". */
export interface TechSiteView {
  values: { kioskId: string; kioskNumber: number; location: { ar: string; en: string }; profile: SiteProfile; gatewayUrl: string; fleetUrl: string; fleetCentre: string };
  /** The kiosk's client certificate and the pinned CA; never the key. */
  credentials: { set: boolean; fromFile: boolean; cert?: TechCertView; ca?: TechCertView };
  terminalPassword: { set: boolean };
  /** The saved settings differ from those this kiosk started with: they apply at restart. */
  restartPending: boolean;
  /** This kiosk can restart itself (a service manager or the shell starts it again). */
  canRestart: boolean;
  /** The current version could not be applied at the last start (the kiosk runs on the last good one): why. */
  problem?: string;
  rules: { plainHttpAllowed: boolean; gatewayOptional: boolean; fleetCentreNeeded: boolean };
}

export interface TechSiteResults {
  'tech.saveSite': TechSettingsResult;
  'tech.terminalPassword': TechSettingsResult;
  'tech.credentialMedia': { sources: { path: string; files: number }[] };
  'tech.importCredentials': TechSettingsResult;
  'tech.restart': { restarting: true };
}
