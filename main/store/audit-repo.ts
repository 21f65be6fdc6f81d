import type { Db } from './database.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown> | null;
}

/** Append-only audit log: what the kiosk decided about money on its own, for the technician. */
export class AuditRepo {
  constructor(private readonly db: Db) {}

  append(e: { at: string; actor: string; action: string; detail?: Record<string, unknown> }): void {
    this.db
      .prepare('INSERT INTO audit_log (at, actor, action, detail_json) VALUES (?, ?, ?, ?)')
      .run(e.at, e.actor, e.action, e.detail ? JSON.stringify(e.detail) : null);
  }

  recent(limit = 100, action?: string): AuditEntry[] {
    const rows = (
      action
        ? this.db.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT ?').all(action, limit)
        : this.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit)
    ) as { id: number; at: string; actor: string; action: string; detail_json: string | null }[];
    return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, detail: r.detail_json ? (JSON.parse(r.detail_json) as Record<string, unknown>) : null }));
  }
}
