import type { Db } from './database.ts';

export interface DeviceEvent {
  id: number;
  at: string;
  device: string;
  state: string;
  detail: string | null;
}

/** Device state changes (paper out, terminal offline …) kept for the fleet and the technician. */
export class DeviceEventsRepo {
  constructor(private readonly db: Db) {}

  record(e: { at: string; device: string; state: string; detail?: string }): void {
    this.db.prepare('INSERT INTO device_events (at, device, state, detail) VALUES (?, ?, ?, ?)').run(e.at, e.device, e.state, e.detail?.slice(0, 500) ?? null);
  }

  /** Records the devices whose state differs from the last one recorded (compared in the table, not in memory). */
  recordChanges(summaries: readonly { name: string; state: string; detail?: string }[], at: string): void {
    const last = this.db.prepare('SELECT state FROM device_events WHERE device = ? ORDER BY id DESC LIMIT 1');
    this.db.transaction(() => {
      for (const s of summaries) {
        const prev = last.get(s.name) as { state: string } | undefined;
        if (prev?.state !== s.state) this.record({ at, device: s.name, state: s.state, ...(s.detail && { detail: s.detail }) });
      }
    })();
  }

  recent(device: string, limit = 50): DeviceEvent[] {
    return this.db.prepare('SELECT * FROM device_events WHERE device = ? ORDER BY id DESC LIMIT ?').all(device, limit) as DeviceEvent[];
  }
}
