import { z } from 'zod';
import { parseConfig, type KioskConfig } from '../config.ts';
import { gatewayUrlProblem, readTlsMaterial } from '../gateway/tls.ts';
import { ConfigError } from '../config.ts';
import { FLEET_SEGMENT_PATTERN, FLEET_URL_PATTERN, KIOSK_ID_PATTERN, KIOSK_NUMBER_MAX, KIOSK_NUMBER_MIN, LOCATION_MAX, SITE_PROFILES, URL_MAX } from '../shared/site-rules.ts';
import { credentialRecordSchema, type CredentialRecord } from './gateway-credentials.ts';

/**
 * The kiosk's identity and connection as a technician set them on site: kiosk ID and number,
 * location, country profile, gateway URL and credentials, fleet broker, terminal password.
 * The composition root builds the gateway client, the numbering and the fleet link from these,
 * so they apply at the next start: `overlayConfig` lays them over the config file's values and
 * the config schema validates the result. Each field absent = the config file's value (a
 * file edited later still counts where the technician changed nothing).
 */
export const siteOverridesSchema = z
  .object({
    kioskId: z.string().regex(KIOSK_ID_PATTERN).optional(),
    kioskNumber: z.number().int().min(KIOSK_NUMBER_MIN).max(KIOSK_NUMBER_MAX).optional(),
    location: z.object({ ar: z.string().min(1).max(LOCATION_MAX), en: z.string().min(1).max(LOCATION_MAX) }).strict().optional(),
    profile: z.enum(SITE_PROFILES).optional(),
    gatewayUrl: z.string().min(1).max(URL_MAX).optional(),
    gatewayTls: credentialRecordSchema.optional(),
    /** null: no broker, even if the config file names one. */
    fleetUrl: z.string().regex(FLEET_URL_PATTERN).max(URL_MAX).nullable().optional(),
    fleetCentre: z.string().regex(FLEET_SEGMENT_PATTERN).optional(),
    /** The payment terminal's ECR password: a secret, never sent to a screen or written in a diff. */
    terminalPassword: z.string().regex(/^\d{6}$/).optional(),
  })
  .strict();
export type SiteOverrides = z.infer<typeof siteOverridesSchema>;

/** The values in force (overrides over the file), as diffs and the screen show them. */
export interface SiteValues {
  kioskId: string;
  kioskNumber: number;
  location: { ar: string; en: string };
  profile: KioskConfig['profile'];
  /** null: the embedded demo gateway. */
  gatewayUrl: string | null;
  /** "subject · until · fingerprint" of the imported set, "(config file)", or null. */
  gatewayCredentials: string | null;
  fleetUrl: string | null;
  fleetCentre: string | null;
  terminalPassword: string;
}

/** The config file's side of things, kept for diffs, rules and the fallback at start-up. */
export interface SiteFile {
  values: SiteValues;
  /** The file's gateway.tls (paths), when it has one. */
  tls: { caFile: string; certFile: string; keyFile: string } | undefined;
  plainHttpAllowed: boolean;
  embeddedGateway: boolean;
  hasFleet: boolean;
}

export function siteFile(c: KioskConfig): SiteFile {
  const g = c.gateway;
  const tls = g.mode === 'remote' ? g.tls : undefined;
  return {
    values: {
      kioskId: c.kioskId,
      kioskNumber: c.kioskNumber,
      location: c.location,
      profile: c.profile,
      gatewayUrl: g.mode === 'remote' ? g.url : null,
      gatewayCredentials: tls ? '(config file)' : null,
      fleetUrl: c.fleet?.url ?? null,
      fleetCentre: c.fleet?.centre ?? null,
      terminalPassword: c.paymentTerminal.password,
    },
    tls,
    plainHttpAllowed: g.mode === 'remote' && g.allowPlainHttp,
    embeddedGateway: g.mode === 'embedded',
    hasFleet: c.fleet !== undefined,
  };
}

const describeTls = (r: CredentialRecord) => `${r.cert.subject} · until ${r.cert.notAfter.slice(0, 10)} · ${r.cert.fingerprint.slice(0, 17)}…`;

export function siteValues(file: SiteFile, o: SiteOverrides): SiteValues {
  const f = file.values;
  return {
    kioskId: o.kioskId ?? f.kioskId,
    kioskNumber: o.kioskNumber ?? f.kioskNumber,
    location: o.location ?? f.location,
    profile: o.profile ?? f.profile,
    gatewayUrl: o.gatewayUrl ?? f.gatewayUrl,
    gatewayCredentials: o.gatewayTls ? describeTls(o.gatewayTls) : f.gatewayCredentials,
    fleetUrl: o.fleetUrl === undefined ? f.fleetUrl : o.fleetUrl,
    fleetCentre: o.fleetCentre ?? f.fleetCentre,
    terminalPassword: o.terminalPassword ?? f.terminalPassword,
  };
}

export interface SiteChange {
  path: string;
  from: unknown;
  to: unknown;
}

/** Field-by-field difference of the values in force; the terminal password only as "changed". */
export function diffSite(file: SiteFile, a: SiteOverrides, b: SiteOverrides): SiteChange[] {
  const x = siteValues(file, a);
  const y = siteValues(file, b);
  const flat = (v: SiteValues): [string, unknown][] => [
    ['kioskId', v.kioskId],
    ['kioskNumber', v.kioskNumber],
    ['location.ar', v.location.ar],
    ['location.en', v.location.en],
    ['profile', v.profile],
    ['gatewayUrl', v.gatewayUrl],
    ['gatewayCredentials', v.gatewayCredentials],
    ['fleetUrl', v.fleetUrl],
    ['fleetCentre', v.fleetCentre],
    ['terminalPassword', v.terminalPassword],
  ];
  const before = new Map(flat(x));
  return flat(y).flatMap(([path, to]) => {
    const from = before.get(path);
    if (JSON.stringify(from) === JSON.stringify(to)) return [];
    return [path === 'terminalPassword' ? { path, from: '(secret)', to: '(secret, changed)' } : { path, from, to }];
  });
}

function overlayGateway(g: KioskConfig['gateway'], o: SiteOverrides): KioskConfig['gateway'] {
  const url = o.gatewayUrl ?? (g.mode === 'remote' ? g.url : undefined);
  if (url === undefined) return g;
  const tls = o.gatewayTls ? { caFile: o.gatewayTls.caFile, certFile: o.gatewayTls.certFile, keyFile: o.gatewayTls.keyFile } : g.mode === 'remote' ? g.tls : undefined;
  const base = g.mode === 'remote' ? g : { mode: 'remote' as const, timeoutMs: 8000, allowPlainHttp: false };
  return { ...base, url, ...(tls && { tls }) };
}

function overlayFleet(f: KioskConfig['fleet'], o: SiteOverrides, profile: KioskConfig['profile']): unknown {
  const url = o.fleetUrl === undefined ? f?.url : (o.fleetUrl ?? undefined);
  if (!f && !url) return undefined;
  const { url: _url, ...rest } = f ?? { country: profile, centre: o.fleetCentre };
  // The fleet's topic follows the country the technician chose.
  return { ...rest, ...(url && { url }), ...(o.fleetCentre && { centre: o.fleetCentre }), ...(o.profile && { country: o.profile }) };
}

/**
 * The config file with the technician's settings laid over it, through the same schema and
 * rules as the file (a kiosk ID the money rules refuse is refused here too), plus what the
 * gateway transport would refuse at start-up (https without credentials, unreadable files).
 * Throws ConfigError saying why.
 */
export function overlayConfig(file: KioskConfig, o: SiteOverrides): KioskConfig {
  const profile = o.profile ?? file.profile;
  const config = parseConfig({
    ...file,
    kioskId: o.kioskId ?? file.kioskId,
    kioskNumber: o.kioskNumber ?? file.kioskNumber,
    location: o.location ?? file.location,
    profile,
    gateway: overlayGateway(file.gateway, o),
    fleet: overlayFleet(file.fleet, o, profile),
    paymentTerminal: { ...file.paymentTerminal, ...(o.terminalPassword && { password: o.terminalPassword }) },
  });
  const g = config.gateway;
  if (g.mode === 'remote') {
    const problem = gatewayUrlProblem(g.url, { tls: !!g.tls, allowPlainHttp: g.allowPlainHttp });
    if (problem) throw new ConfigError(`gateway: ${problem}`);
    try {
      if (g.tls) readTlsMaterial(g.tls);
    } catch (err) {
      throw new ConfigError((err as Error).message);
    }
  }
  return config;
}
