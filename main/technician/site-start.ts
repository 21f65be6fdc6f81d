import type { Db } from '../store/database.ts';
import type { KioskConfig } from '../config.ts';
import type { Logger } from '../log/logger.ts';
import { SettingsHistory, settingsFromConfig } from './settings-history.ts';
import { diffSite, overlayConfig, siteFile, type SiteFile, type SiteOverrides } from './site-settings.ts';

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
export function startWithSiteSettings(db: Db, fileConfig: KioskConfig, log: Logger): SiteStart {
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
