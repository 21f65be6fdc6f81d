/**
 * The rules for a kiosk's identity and connection settings (kiosk ID and number, location,
 * country profile, gateway, fleet broker), shared by the core (config schema, contract, the
 * technician's handlers) and the technician screen, which checks before it sends. Pure code: no
 * zod, no Node built-ins, so the screen runs it too.
 */
export const KIOSK_ID_PATTERN = /^[A-Za-z0-9-]{1,32}$/;
export const KIOSK_NUMBER_MIN = 1;
export const KIOSK_NUMBER_MAX = 999;
export const LOCATION_MAX = 120;
export const URL_MAX = 300;
/** As the fleet section of the config has them. */
export const FLEET_URL_PATTERN = /^mqtts?:\/\/[^\s/]+/;
export const FLEET_SEGMENT_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const SITE_PROFILES = ['KW', 'BH', 'QA'] as const;

export type SiteProfile = (typeof SITE_PROFILES)[number];

/** What the technician's screen sends: every field, as text where typed (empty = none). */
export interface SiteInput {
  kioskId: string;
  kioskNumber: number;
  location: { ar: string; en: string };
  profile: SiteProfile;
  /** Empty: the config file's gateway (allowed only when that is the embedded demo gateway). */
  gatewayUrl: string;
  /** Empty: no fleet broker (the local status endpoint still runs if the config has one). */
  fleetUrl: string;
  /** The centre's topic segment; needed with a broker when the config file names none. */
  fleetCentre: string;
}

/** What the rules depend on besides the input (from the config file and the settings in force). */
export interface SiteRules {
  /** A lab's config allows plain HTTP to a remote gateway (gateway.allowPlainHttp). */
  plainHttpAllowed: boolean;
  /** The config file's gateway is the embedded demo one: an empty URL keeps it. */
  gatewayOptional: boolean;
  /** Gateway client certificate, key and CA are set (imported or in the config file). */
  credentialsSet: boolean;
  /** The config file has no fleet section, so a broker needs a centre. */
  fleetCentreNeeded: boolean;
}

export type SiteField = 'kioskId' | 'kioskNumber' | 'locationAr' | 'locationEn' | 'profile' | 'gatewayUrl' | 'fleetUrl' | 'fleetCentre' | 'terminalPassword' | 'credentials';
export type SiteProblemCode =
  | 'kioskId'
  | 'kioskNumber'
  | 'locationEmpty'
  | 'locationLong'
  | 'gatewayUrl'
  | 'gatewayRequired'
  | 'gatewayHttps'
  | 'gatewayCredentials'
  | 'fleetUrl'
  | 'fleetCentre'
  | 'terminalPassword'
  /** Records of this kiosk not yet delivered: its ID or country cannot change under them. */
  | 'undelivered'
  /** The whole configuration was refused (the message says why). */
  | 'config';
export interface SiteProblem {
  field: SiteField;
  code: SiteProblemCode;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The gateway URL rule: https (with credentials); http only to loopback or in a lab. */
export function gatewayUrlCode(raw: string, r: SiteRules): SiteProblemCode | undefined {
  if (raw === '') return r.gatewayOptional ? undefined : 'gatewayRequired';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'gatewayUrl';
  }
  if (raw.length > URL_MAX || !url.hostname) return 'gatewayUrl';
  if (url.protocol === 'https:') return r.credentialsSet ? undefined : 'gatewayCredentials';
  if (url.protocol === 'http:' && (LOOPBACK.has(url.hostname) || r.plainHttpAllowed)) return undefined;
  return 'gatewayHttps';
}

const locationCode = (s: string): SiteProblemCode | undefined => (s.trim() === '' ? 'locationEmpty' : [...s].length > LOCATION_MAX ? 'locationLong' : undefined);

/** Every problem with the input, field by field (empty: fine). */
export function siteProblems(s: SiteInput, r: SiteRules): SiteProblem[] {
  const out: SiteProblem[] = [];
  const add = (field: SiteField, code: SiteProblemCode | undefined) => code && out.push({ field, code });
  add('kioskId', KIOSK_ID_PATTERN.test(s.kioskId) ? undefined : 'kioskId');
  add('kioskNumber', Number.isInteger(s.kioskNumber) && s.kioskNumber >= KIOSK_NUMBER_MIN && s.kioskNumber <= KIOSK_NUMBER_MAX ? undefined : 'kioskNumber');
  add('locationAr', locationCode(s.location.ar));
  add('locationEn', locationCode(s.location.en));
  add('gatewayUrl', gatewayUrlCode(s.gatewayUrl, r));
  add('fleetUrl', s.fleetUrl === '' || (FLEET_URL_PATTERN.test(s.fleetUrl) && s.fleetUrl.length <= URL_MAX) ? undefined : 'fleetUrl');
  const centreNeeded = s.fleetUrl !== '' && r.fleetCentreNeeded;
  add('fleetCentre', s.fleetCentre === '' ? (centreNeeded ? 'fleetCentre' : undefined) : FLEET_SEGMENT_PATTERN.test(s.fleetCentre) ? undefined : 'fleetCentre');
  return out;
}

/** A refusal crosses the bridge as "site:<field>:<code>[: detail]" so the screen can say it in its language. */
export const siteRefusalOf = (field: SiteField, code: string, detail?: string) => `site:${field}:${code}${detail ? `: ${detail}` : ''}`;
export const siteRefusal = (p: SiteProblem, detail?: string) => siteRefusalOf(p.field, p.code, detail);
/** The field and code of a refusal (a SiteProblemCode, or an import problem for `credentials`). */
export function parseSiteRefusal(message: string): { field: SiteField; code: string; detail?: string } | undefined {
  const m = /^site:(\w+):(\w+)(?:: (.*))?$/s.exec(message);
  if (!m) return undefined;
  return { field: m[1] as SiteField, code: m[2]!, ...(m[3] !== undefined && { detail: m[3] }) };
}
