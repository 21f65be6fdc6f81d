import type { Db } from './database.ts';

export type AlertSeverity = 'info' | 'warning' | 'critical';

export interface Alert {
  id: number;
  at: string;
  kind: string;
  severity: AlertSeverity;
  /** What it is about (a transaction id, an outbox row, a device): never personal data. */
  subject: string | null;
  detail: Record<string, unknown> | null;
  clearedAt: string | null;
}

interface RawAlert {
  id: number;
  at: string;
  kind: string;
  severity: AlertSeverity;
  subject: string | null;
  detail_json: string | null;
  cleared_at: string | null;
}

const fromRaw = (r: RawAlert): Alert => ({
  id: r.id,
  at: r.at,
  kind: r.kind,
  severity: r.severity,
  subject: r.subject,
  detail: r.detail_json ? (JSON.parse(r.detail_json) as Record<string, unknown>) : null,
  clearedAt: r.cleared_at,
});

/**
 * Things a person must act on (a dead payment posting, a flagged payment, an end-of-day
 * difference): durable rows, not log lines, and pushed to whoever listens (fleet, technician).
 */
export class AlertsRepo {
  readonly #listeners = new Set<(a: Alert) => void>();

  constructor(private readonly db: Db) {}

  /** Raises an alert once per open (kind, subject): a repeat of an open alert is not a new one. */
  raise(a: { at: string; kind: string; severity: AlertSeverity; subject?: string; detail?: Record<string, unknown> }): Alert {
    const open = this.db.prepare('SELECT * FROM alerts WHERE kind = ? AND subject IS ? AND cleared_at IS NULL').get(a.kind, a.subject ?? null) as RawAlert | undefined;
    if (open) return fromRaw(open);
    const id = this.db
      .prepare('INSERT INTO alerts (at, kind, severity, subject, detail_json) VALUES (?, ?, ?, ?, ?)')
      .run(a.at, a.kind, a.severity, a.subject ?? null, a.detail ? JSON.stringify(a.detail) : null).lastInsertRowid;
    const alert = fromRaw(this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as RawAlert);
    for (const fn of [...this.#listeners]) fn(alert);
    return alert;
  }

  /** Clears the open alert of a kind about a subject (the condition is gone); it stays in history. */
  clear(kind: string, subject: string | undefined, at: string): void {
    this.db.prepare('UPDATE alerts SET cleared_at = ? WHERE kind = ? AND subject IS ? AND cleared_at IS NULL').run(at, kind, subject ?? null);
  }

  open(): Alert[] {
    return (this.db.prepare('SELECT * FROM alerts WHERE cleared_at IS NULL ORDER BY id').all() as RawAlert[]).map(fromRaw);
  }

  recent(limit = 100): Alert[] {
    return (this.db.prepare('SELECT * FROM alerts ORDER BY id DESC LIMIT ?').all(limit) as RawAlert[]).map(fromRaw);
  }

  onRaised(fn: (a: Alert) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
}
