import type { Db } from '../store/database.ts';
import type { DeviceLinkConfig, KioskConfig } from '../config.ts';
import type { DeviceRole } from '../contract/api.ts';

/**
 * The technician's device assignments, kept in SQLite so a re-assigned printer is still
 * on its new port after a restart; they override the config file's `devices`.
 */
export class AssignmentsRepo {
  constructor(private readonly db: Db) {}

  all(): Partial<Record<DeviceRole, DeviceLinkConfig>> {
    const rows = this.db.prepare('SELECT role, link_json FROM device_assignments').all() as { role: DeviceRole; link_json: string }[];
    return Object.fromEntries(rows.map((r) => [r.role, JSON.parse(r.link_json) as DeviceLinkConfig]));
  }

  set(role: DeviceRole, link: DeviceLinkConfig, by: string, at: string, profile?: string): void {
    this.db
      .prepare(
        'INSERT INTO device_assignments (role, link_json, profile, updated_by, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(role) DO UPDATE SET link_json = excluded.link_json, profile = excluded.profile, updated_by = excluded.updated_by, updated_at = excluded.updated_at',
      )
      .run(role, JSON.stringify(link), profile ?? null, by, at);
  }

  /** The driver profile the technician chose for a role, if any. */
  profile(role: DeviceRole): string | undefined {
    const r = this.db.prepare('SELECT profile FROM device_assignments WHERE role = ?').get(role) as { profile: string | null } | undefined;
    return r?.profile ?? undefined;
  }
}

/** The devices section of the config with the technician's assignments applied. */
export function assignedDevices(db: Db, devices: KioskConfig['devices']): KioskConfig['devices'] {
  return { ...devices, ...new AssignmentsRepo(db).all() };
}
