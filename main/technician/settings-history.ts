import { z } from 'zod';
import type { Db } from '../store/database.ts';
import type { KioskConfig } from '../config.ts';
import type { ServiceId } from '../availability/requirements.ts';
import { diffSite, siteOverridesSchema, type SiteFile } from './site-settings.ts';

const SERVICE_IDS = ['payBills', 'payFines', 'donation', 'reprint', 'inquiries', 'complaints', 'ticket'] as const satisfies readonly ServiceId[];
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** What a technician may change on site; versioned in SQLite. All but `site` apply live. */
export const settingsSchema = z
  .object({
    idleSeconds: z.number().int().min(5).max(3600),
    idleWarningSeconds: z.number().int().min(3).max(120),
    enabledServices: z.array(z.enum(SERVICE_IDS)).max(SERVICE_IDS.length),
    /** Local opening hours, the same every day; absent = always open. Outside them: out of service. */
    openingHours: z.object({ open: hhmm, close: hhmm }).strict().nullable(),
    /** Identity and connection (site-settings.ts): applied at the next start, over the config file. */
    site: siteOverridesSchema.default({}),
  })
  .strict();
export type KioskSettings = z.infer<typeof settingsSchema>;
export const SETTINGS_SERVICES = SERVICE_IDS;

export interface SettingsChange {
  path: string;
  /** Secrets: "(secret)" on both sides, only whether it changed is kept. */
  from: unknown;
  to: unknown;
}
export interface SettingsVersion {
  id: number;
  changedBy: string;
  changedAt: string;
  worked: boolean;
  diff: SettingsChange[];
}

/** The live settings from the config file; the site part starts empty (= all from the file). */
export function settingsFromConfig(c: KioskConfig): KioskSettings {
  return { idleSeconds: c.ui.idleSeconds, idleWarningSeconds: c.ui.idleWarningSeconds, enabledServices: [...SERVICE_IDS], openingHours: null, site: {} };
}

const LIVE_KEYS = ['idleSeconds', 'idleWarningSeconds', 'enabledServices', 'openingHours'] as const;

/** Field-by-field difference, secrets redacted; site fields as the values in force (needs the file's). */
export function diffSettings(a: KioskSettings, b: KioskSettings, file?: SiteFile): SettingsChange[] {
  const live = LIVE_KEYS.flatMap((k) => (JSON.stringify(a[k]) === JSON.stringify(b[k]) ? [] : [{ path: k, from: a[k] ?? null, to: b[k] ?? null }]));
  return [...live, ...(file ? diffSite(file, a.site, b.site) : [])];
}

/** The live settings a screen may see; the terminal password only as whether it is set. */
export function redact(s: KioskSettings, filePasswordSet = true): Omit<KioskSettings, 'site'> & { terminalPassword: { set: boolean } } {
  const { site, ...live } = s;
  return { ...live, terminalPassword: { set: site.terminalPassword !== undefined || filePasswordSet } };
}

/** A stored version: older rows kept the password at the top (the file's, never set by hand). */
function readStored(json: string): KioskSettings | undefined {
  const { terminalPassword: _legacy, ...raw } = JSON.parse(json) as Record<string, unknown>;
  const parsed = settingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Whether the kiosk may call the current version "worked" after being servable under it: not
 * while it still runs on other identity and connection settings (a restart is pending), and a
 * change of those must also have reached the gateway (a wrong gateway URL leaves the kiosk
 * offline, and must not become the version a rollback returns to).
 */
export function mayMarkWorked(s: { servable: boolean; restartPending: boolean; online: boolean; siteChanged: boolean }): boolean {
  return s.servable && !s.restartPending && (s.online || !s.siteChanged);
}

/** Minutes since midnight in the kiosk's time zone. */
function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

export function isOpen(hours: KioskSettings['openingHours'], at: Date, timeZone: string): boolean {
  if (!hours) return true;
  const m = localMinutes(at, timeZone);
  const [o, c] = [hours.open, hours.close].map((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3)));
  // Hours past midnight (e.g. 16:00-02:00) wrap.
  return o! <= c! ? m >= o! && m < c! : m >= o! || m < c!;
}

/**
 * Every change is a new row (who, when, the full settings, the diff to the previous one).
 * A version is marked "worked" once the kiosk served (or could serve) under it; rollback
 * writes a new version equal to the last one that worked, so history is never rewritten.
 */
export class SettingsHistory {
  constructor(
    private readonly db: Db,
    private readonly initial: KioskSettings,
    /** The config file's identity and connection, for diffs in values rather than overrides. */
    private readonly file?: SiteFile,
  ) {
    if (!this.db.prepare('SELECT 1 FROM config_versions LIMIT 1').get()) {
      this.db
        .prepare('INSERT INTO config_versions (config_json, diff_json, changed_by, changed_at, worked) VALUES (?, ?, ?, ?, 1)')
        .run(JSON.stringify(initial), '[]', 'config-file', new Date().toISOString());
    }
  }

  #latest(): { id: number; config_json: string; worked: number } {
    return this.db.prepare('SELECT id, config_json, worked FROM config_versions ORDER BY id DESC LIMIT 1').get() as { id: number; config_json: string; worked: number };
  }

  current(): KioskSettings {
    return readStored(this.#latest().config_json) ?? this.initial;
  }

  /** The newest version that worked (the current one included), if any. */
  lastWorked(): KioskSettings | undefined {
    const row = this.db.prepare('SELECT config_json FROM config_versions WHERE worked = 1 ORDER BY id DESC LIMIT 1').get() as { config_json: string } | undefined;
    return row && readStored(row.config_json);
  }

  /** The current version changes identity or connection against the last one that worked. */
  siteChangedSinceWorked(): boolean {
    const worked = this.lastWorked();
    return !worked || JSON.stringify(worked.site) !== JSON.stringify(this.current().site);
  }

  currentId(): number {
    return this.#latest().id;
  }

  change(next: KioskSettings, by: string, at: string): SettingsVersion | undefined {
    const diff = diffSettings(this.current(), next, this.file);
    if (diff.length === 0) return undefined;
    const r = this.db.prepare('INSERT INTO config_versions (config_json, diff_json, changed_by, changed_at) VALUES (?, ?, ?, ?)').run(JSON.stringify(next), JSON.stringify(diff), by, at);
    return { id: Number(r.lastInsertRowid), changedBy: by, changedAt: at, worked: false, diff };
  }

  markWorked(): void {
    this.db.prepare('UPDATE config_versions SET worked = 1 WHERE id = ?').run(this.currentId());
  }

  /** Back to the newest earlier version that worked; undefined when there is none. */
  rollback(by: string, at: string): SettingsVersion | undefined {
    const good = this.db.prepare('SELECT config_json FROM config_versions WHERE worked = 1 AND id < ? ORDER BY id DESC LIMIT 1').get(this.currentId()) as { config_json: string } | undefined;
    const settings = good && readStored(good.config_json);
    if (!settings) return undefined;
    const version = this.change(settings, by, at);
    // The restored settings worked before: they count as working again.
    if (version) this.markWorked();
    return version && { ...version, worked: true };
  }

  history(limit = 20): SettingsVersion[] {
    const rows = this.db.prepare('SELECT id, diff_json, changed_by, changed_at, worked FROM config_versions ORDER BY id DESC LIMIT ?').all(limit) as {
      id: number;
      diff_json: string;
      changed_by: string;
      changed_at: string;
      worked: number;
    }[];
    return rows.map((r) => ({ id: r.id, changedBy: r.changed_by, changedAt: r.changed_at, worked: r.worked === 1, diff: JSON.parse(r.diff_json) as SettingsChange[] }));
  }
}
