import type { CallContext } from '../bridge/dispatcher.ts';
import type { MethodResults, Params, TechSiteView } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';
import { ConfigError } from '../config.ts';
import type { Logger } from '../log/logger.ts';
import type { AuditRepo } from '../store/audit-repo.ts';
import type { SettingsHistory, SettingsVersion } from '../technician/settings-history.ts';
import type { SiteStart } from '../technician/site-start.ts';
import { diffSite, overlayConfig, siteOverridesSchema, siteValues, type SiteOverrides } from '../technician/site-settings.ts';
import { certFileInfo, credentialSources, CredentialImportError, importGatewayCredentials } from '../technician/gateway-credentials.ts';
import { siteProblems, siteRefusal, siteRefusalOf, type SiteField, type SiteInput, type SiteRules } from '../shared/site-rules.ts';
import { settingsView } from './tech-settings-handlers.ts';

export interface SiteHandlerDeps {
  history: SettingsHistory;
  /** What this kiosk started with (the config file, the overrides in force). */
  start: SiteStart;
  audit: AuditRepo;
  actor: () => string;
  now: () => Date;
  log: Logger;
  /** Where imported credentials are kept. */
  dataDir: string;
  mediaRoots: readonly string[];
  /** Records of this kiosk the gateway has not yet taken (pending or dead outbox rows). */
  undelivered: () => number;
  /** True while a visitor's payment is with the terminal. */
  paymentInFlight: () => boolean;
  /** Closes the kiosk and has it started again (the launcher or the shell); absent = cannot. */
  requestRestart: ((reason: string) => void) | undefined;
}

type SiteMethods = 'tech.saveSite' | 'tech.terminalPassword' | 'tech.credentialMedia' | 'tech.importCredentials' | 'tech.restart';
/** All answer at once (no device or network work), which the handler map's type allows. */
type SiteHandlers = { [M in SiteMethods]: (params: Params<M>, ctx: CallContext) => MethodResults[M] };
/** Long enough for the answer to reach the screen before the kiosk closes its connections. */
const RESTART_AFTER_MS = 300;

/** The screen's fields as overrides of the config file (a field equal to the file's is not kept). */
function overridesFrom(p: SiteInput, start: SiteStart, prev: SiteOverrides): SiteOverrides {
  const f = start.file.values;
  const fleetUrl = p.fleetUrl === '' ? null : p.fleetUrl;
  return siteOverridesSchema.parse({
    ...(prev.gatewayTls && { gatewayTls: prev.gatewayTls }),
    ...(prev.terminalPassword && { terminalPassword: prev.terminalPassword }),
    ...(p.kioskId !== f.kioskId && { kioskId: p.kioskId }),
    ...(p.kioskNumber !== f.kioskNumber && { kioskNumber: p.kioskNumber }),
    ...((p.location.ar !== f.location.ar || p.location.en !== f.location.en) && { location: p.location }),
    ...(p.profile !== f.profile && { profile: p.profile }),
    ...(p.gatewayUrl !== (f.gatewayUrl ?? '') && { gatewayUrl: p.gatewayUrl }),
    ...(fleetUrl !== f.fleetUrl && { fleetUrl }),
    ...(p.fleetCentre !== '' && p.fleetCentre !== f.fleetCentre && { fleetCentre: p.fleetCentre }),
  });
}

/** Which field a configuration refusal is about, as near as its message says. */
const fieldOf = (message: string): SiteField =>
  /kioskNumber/.test(message) ? 'kioskNumber' : /kioskId/.test(message) ? 'kioskId' : /gateway\.tls/.test(message) ? 'credentials' : /fleet/.test(message) ? 'fleetUrl' : /location/.test(message) ? 'locationEn' : 'gatewayUrl';

/** Identity and connection settings (applied at restart), credentials from removable media, restart. */
export function techSiteHandlers(d: SiteHandlerDeps): SiteHandlers & { siteView: () => TechSiteView } {
  const { file } = d.start;
  const credentialsSet = (o: SiteOverrides) => o.gatewayTls !== undefined || file.tls !== undefined;
  const rules = (o: SiteOverrides): SiteRules => ({ plainHttpAllowed: file.plainHttpAllowed, gatewayOptional: file.embeddedGateway, credentialsSet: credentialsSet(o), fleetCentreNeeded: !file.hasFleet });
  const pendingPaths = () => diffSite(file, d.start.applied, d.history.current().site).map((c) => c.path);

  const siteView = (): TechSiteView => {
    const o = d.history.current().site;
    const v = siteValues(file, o);
    const fromFile = !o.gatewayTls && file.tls !== undefined;
    const cert = o.gatewayTls?.cert ?? (fromFile ? certFileInfo(file.tls!.certFile) : undefined);
    const ca = o.gatewayTls?.ca ?? (fromFile ? certFileInfo(file.tls!.caFile) : undefined);
    const r = rules(o);
    return {
      values: { kioskId: v.kioskId, kioskNumber: v.kioskNumber, location: v.location, profile: v.profile, gatewayUrl: v.gatewayUrl ?? '', fleetUrl: v.fleetUrl ?? '', fleetCentre: v.fleetCentre ?? '' },
      credentials: { set: credentialsSet(o), fromFile, ...(cert && { cert: { subject: cert.subject, notAfter: cert.notAfter } }), ...(ca && { ca: { subject: ca.subject, notAfter: ca.notAfter } }) },
      terminalPassword: { set: /^\d{6}$/.test(v.terminalPassword) },
      restartPending: pendingPaths().length > 0,
      canRestart: d.requestRestart !== undefined,
      ...(d.start.problem && { problem: d.start.problem }),
      rules: { plainHttpAllowed: r.plainHttpAllowed, gatewayOptional: r.gatewayOptional, fleetCentreNeeded: r.fleetCentreNeeded },
    };
  };
  const view = () => settingsView(d.history, siteView);

  /** A new version with these site settings, audited; refused if the config rules refuse it. */
  const save = (site: SiteOverrides, extra?: Record<string, unknown>): SettingsVersion | undefined => {
    try {
      overlayConfig(d.start.fileConfig, site);
    } catch (err) {
      if (err instanceof ConfigError) throw new KioskError('invalidRequest', siteRefusalOf(fieldOf(err.message), 'config', err.message.replace(/^invalid kiosk configuration:\s*/, '')));
      throw err;
    }
    const at = d.now().toISOString();
    const version = d.history.change({ ...d.history.current(), site }, d.actor(), at);
    if (version) d.audit.append({ at, actor: d.actor(), action: 'tech.settingsChanged', detail: { version: version.id, diff: version.diff, appliesAtRestart: true, ...extra } });
    return version;
  };
  /** A new kiosk ID or country must not carry away records made under the old ones. */
  const refuseIdentityUnderRecords = (from: SiteOverrides, to: SiteOverrides) => {
    const [a, b] = [siteValues(file, from), siteValues(file, to)];
    const field = a.kioskId !== b.kioskId ? 'kioskId' : a.profile !== b.profile ? 'profile' : undefined;
    const n = field ? d.undelivered() : 0;
    if (field && n > 0) throw new KioskError('conflict', siteRefusal({ field, code: 'undelivered' }, String(n)));
  };

  return {
    siteView,
    'tech.saveSite': (p) => {
      const current = d.history.current().site;
      const problems = siteProblems(p, rules(current));
      if (problems.length > 0) throw new KioskError('invalidRequest', siteRefusal(problems[0]!));
      const next = overridesFrom(p, d.start, current);
      refuseIdentityUnderRecords(current, next);
      save(next);
      return view();
    },
    'tech.terminalPassword': ({ password }) => {
      const { terminalPassword: _old, ...rest } = d.history.current().site;
      save(password === file.values.terminalPassword ? rest : { ...rest, terminalPassword: password });
      return view();
    },
    'tech.credentialMedia': () => ({ sources: credentialSources(d.mediaRoots) }),
    'tech.importCredentials': ({ source }) => {
      if (!credentialSources(d.mediaRoots).some((s) => s.path === source)) throw new KioskError('notFound', siteRefusalOf('credentials', 'noMedium'));
      let record;
      try {
        record = importGatewayCredentials(source, d.dataDir, d.now());
      } catch (err) {
        if (err instanceof CredentialImportError) throw new KioskError('invalidRequest', siteRefusalOf('credentials', err.problem));
        throw err;
      }
      save({ ...d.history.current().site, gatewayTls: record }, { credentials: { subject: record.cert.subject, fingerprint: record.cert.fingerprint, ca: record.ca.subject } });
      d.log.info('technician', 'gateway credentials imported', { fingerprint: record.cert.fingerprint, notAfter: record.cert.notAfter });
      return view();
    },
    'tech.restart': () => {
      const restart = d.requestRestart;
      if (!restart) throw new KioskError('unavailable', 'this kiosk is not run by a service manager that would start it again');
      if (d.paymentInFlight()) throw new KioskError('conflict', 'a payment is in progress');
      refuseIdentityUnderRecords(d.start.applied, d.history.current().site);
      const pending = pendingPaths();
      d.audit.append({ at: d.now().toISOString(), actor: d.actor(), action: 'tech.restart', detail: { version: d.history.currentId(), pending } });
      d.log.info('technician', 'restart requested by a technician', { version: d.history.currentId(), pending });
      // After the answer has left: closing the kiosk waits for the requests in flight, this one too.
      setTimeout(() => restart('technician'), RESTART_AFTER_MS);
      return { restarting: true as const };
    },
  };
}
