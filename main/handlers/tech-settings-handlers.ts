import type { Handlers } from '../bridge/dispatcher.ts';
import type { TechSettingsResult, TechSiteView } from '../contract/api.ts';
import { KioskError } from '../contract/result.ts';
import type { AuditRepo } from '../store/audit-repo.ts';
import { redact, type SettingsHistory } from '../technician/settings-history.ts';

export interface SettingsHandlerDeps {
  history: SettingsHistory;
  audit: AuditRepo;
  actor: () => string;
  /** The settings changed: re-evaluate services and hours, tell the screens. */
  applied: () => void;
  /** Identity and connection as the screen sees them (tech-site-handlers.ts). */
  site: () => TechSiteView;
  now: () => Date;
}

type SettingsMethods = 'tech.settings' | 'tech.saveSettings' | 'tech.rollback';

/** The one view of the settings every settings method answers with: live part, site part, history. */
export function settingsView(history: SettingsHistory, site: () => TechSiteView): TechSettingsResult {
  const s = site();
  return { settings: redact(history.current(), s.terminalPassword.set), versionId: history.currentId(), history: history.history(), site: s };
}

/** Settings with history: each change a version with who, when and a diff; rollback to what worked. */
export function techSettingsHandlers(d: SettingsHandlerDeps): Pick<Handlers, SettingsMethods> {
  const view = () => settingsView(d.history, d.site);
  return {
    'tech.settings': view,
    'tech.saveSettings': (p) => {
      if (p.idleWarningSeconds >= p.idleSeconds) throw new KioskError('invalidRequest', 'the warning must be shorter than the idle time');
      const at = d.now().toISOString();
      const version = d.history.change({ ...d.history.current(), ...p }, d.actor(), at);
      if (version) {
        d.audit.append({ at, actor: d.actor(), action: 'tech.settingsChanged', detail: { version: version.id, diff: version.diff } });
        d.applied();
      }
      return view();
    },
    'tech.rollback': () => {
      const at = d.now().toISOString();
      const version = d.history.rollback(d.actor(), at);
      if (!version) throw new KioskError('notFound', 'no earlier version that worked');
      d.audit.append({ at, actor: d.actor(), action: 'tech.settingsRolledBack', detail: { version: version.id, diff: version.diff } });
      d.applied();
      return view();
    },
  };
}
