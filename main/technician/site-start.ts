import type { Db } from '../store/database.ts';
import type { KioskConfig } from '../config.ts';
import type { Logger } from '../log/logger.ts';
import { SettingsHistory, settingsFromConfig } from './settings-history.ts';
import { diffSite, overlayConfig, siteFile, type SiteFile, type SiteOverrides } from './site-settings.ts';
import { SettingsRepo } from '../store/settings-repo.ts';

/** What the kiosk started with: the config in force and the technician's settings behind it. */
export interface SiteStart {
  config: KioskConfig;
  /** The config file alone (settings are validated over it). */
  fileConfig: KioskConfig;
  file: SiteFile;
  /** The overrides this process runs with (the current version's, or the last good ones). */
  applied: SiteOverrides;
  /** The current version's settings could not be applied: why (the kiosk runs on `applied`). */
  problem?: string;
}

/**
 * At start-up: the current settings version's identity and connection over the config file.
 * Settings the config rules refuse (a certificate file gone, say) must not keep the kiosk from
 * starting — a technician could not reach the screen to put them right — so the kiosk starts on
 * the last version that worked (else the file alone) and says why.
 */
export function startWithSiteSettings(db: Db, fileConfig: KioskConfig, log: Logger, now = new Date()): SiteStart {
  const start = overlaySite(db, fileConfig, log);
  return keepIdentityUnderRecords(db, start, log, now);
}

/**
 * Records made under this kiosk's ID and country (postings not yet delivered, payments flagged
 * or unfinished) must go out under them. A technician's save is refused while any wait, but a
 * rollback, a power cut or an update restarts the kiosk too: so the check is made here as well.
 */
export function recordsUnderIdentity(db: Db): number {
  const outbox = (db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'dead')`).get() as { n: number }).n;
  const payments = (db.prepare(`SELECT COUNT(*) AS n FROM transactions WHERE state IN ('created', 'authorizing', 'flagged')`).get() as { n: number }).n;
  return outbox + payments;
}

const IDENTITY_KEY = 'site.identityInForce';

function keepIdentityUnderRecords(db: Db, start: SiteStart, log: Logger, now: Date): SiteStart {
  const repo = new SettingsRepo(db);
  const last = repo.get<{ kioskId: string; profile: KioskConfig['profile'] }>(IDENTITY_KEY);
  let result = start;
  const changed = last && (last.kioskId !== start.config.kioskId || last.profile !== start.config.profile);
  const waiting = changed ? recordsUnderIdentity(db) : 0;
  if (last && waiting > 0) {
    const problem = `kiosk ID and country stay ${last.kioskId} (${last.profile}) until ${waiting} record(s) made under them are sent or settled`;
    log.warn('settings', 'identity change waits for records made under the old one', { waiting });
    result = { ...start, config: { ...start.config, kioskId: last.kioskId, profile: last.profile }, problem: start.problem ? `${start.problem}; ${problem}` : problem };
  }
  repo.set(IDENTITY_KEY, { kioskId: result.config.kioskId, profile: result.config.profile }, now.toISOString());
  return result;
}

function overlaySite(db: Db, fileConfig: KioskConfig, log: Logger): SiteStart {
  const file = siteFile(fileConfig);
  const history = new SettingsHistory(db, settingsFromConfig(fileConfig), file);
  const wanted = history.current().site;
  // Nothing set on site: the config file exactly as loaded.
  if (Object.keys(wanted).length === 0) return { config: fileConfig, fileConfig, file, applied: wanted };
  try {
    const config = overlayConfig(fileConfig, wanted);
    const changed = diffSite(file, {}, wanted).map((c) => c.path);
    if (changed.length > 0) log.info('settings', 'identity and connection from the technician settings', { version: history.currentId(), fields: changed });
    return { config, fileConfig, file, applied: wanted };
  } catch (err) {
    const problem = (err as Error).message;
    log.error('settings', 'technician settings not applied; starting on the last good ones', { version: history.currentId(), problem });
    const good = history.lastWorked()?.site ?? {};
    try {
      return { config: overlayConfig(fileConfig, good), fileConfig, file, applied: good, problem };
    } catch {
      return { config: fileConfig, fileConfig, file, applied: {}, problem };
    }
  }
}
