import type { Db } from '../store/database.ts';
import type { FleetEvent, FleetStatus, Heartbeat, KioskAddress } from '../fleet/protocol.ts';
import { DEFAULT_ALERT_SETTINGS, evaluate, healthOf, type AlertSettings, type Health, type Severity } from './alerts.ts';
import type { KioskSummary } from '../shared/fleet-summary.ts';

export type { KioskSummary };

export interface OpenAlert {
  rule: string;
  severity: Severity;
  detail: string;
  since: string;
}
interface KioskState extends KioskAddress {
  online: boolean;
  bdSeq: number;
  status: FleetStatus | null;
  lastSeenMs: number | null;
  silent: boolean;
  alerts: Map<string, OpenAlert>;
  rev: number;
}

const HEALTH_ORDER: Record<Health, number> = { red: 0, amber: 1, green: 2 };

/**
 * The console's live view of the fleet: one in-memory state per kiosk (fast pages, cheap
 * heartbeats) written through to SQLite for history and restarts. Births and deaths obey the
 * bdSeq rule: a death older than the newest birth is ignored (a late will never wins).
 */
export class FleetStore {
  readonly #k = new Map<string, KioskState>();
  readonly #dirtySeen = new Set<string>();
  #rev = 0;
  readonly settings: AlertSettings;

  constructor(
    private readonly db: Db,
    opts: { alerts?: Partial<AlertSettings> } = {},
  ) {
    this.settings = { ...DEFAULT_ALERT_SETTINGS, ...opts.alerts };
    type Row = { kiosk: string; country: string; centre: string; online: number; bd_seq: number; status_json: string | null; last_seen: string | null };
    for (const r of db.prepare('SELECT kiosk, country, centre, online, bd_seq, status_json, last_seen FROM kiosks').all() as Row[]) {
      this.#k.set(r.kiosk, {
        kiosk: r.kiosk, country: r.country, centre: r.centre, online: r.online === 1, bdSeq: r.bd_seq,
        status: r.status_json ? (JSON.parse(r.status_json) as FleetStatus) : null,
        lastSeenMs: r.last_seen ? Date.parse(r.last_seen) : null, silent: false, alerts: new Map(), rev: ++this.#rev,
      });
    }
    type A = { kiosk: string; rule: string; severity: Severity; detail: string; opened_at: string };
    for (const a of db.prepare('SELECT kiosk, rule, severity, detail, opened_at FROM alerts WHERE cleared_at IS NULL').all() as A[]) {
      this.#k.get(a.kiosk)?.alerts.set(a.rule, { rule: a.rule, severity: a.severity, detail: a.detail, since: a.opened_at });
    }
  }

  get rev(): number {
    return this.#rev;
  }

  get size(): number {
    return this.#k.size;
  }

  #state(a: KioskAddress, now: string): KioskState {
    let s = this.#k.get(a.kiosk);
    if (!s) {
      s = { ...a, online: false, bdSeq: -1, status: null, lastSeenMs: null, silent: false, alerts: new Map(), rev: ++this.#rev };
      this.#k.set(a.kiosk, s);
      this.db.prepare('INSERT OR IGNORE INTO kiosks (kiosk, country, centre, first_seen) VALUES (?, ?, ?, ?)').run(a.kiosk, a.country, a.centre, now);
    }
    return s;
  }

  /** Applies a birth, a status update or a death; false when it was stale and ignored. */
  applyStatus(a: KioskAddress, st: FleetStatus, receivedAt: Date): boolean {
    const now = receivedAt.toISOString();
    const s = this.#state(a, now);
    if (st.kiosk !== a.kiosk) return false;
    // A death from an older connection than the newest birth we know is a late will: ignore it.
    if (!st.online && st.bdSeq < s.bdSeq) return false;
    // An older birth only counts when we believe the kiosk is down (e.g. its store was reset).
    if (st.online && st.bdSeq < s.bdSeq && s.online) return false;
    this.db.transaction(() => {
      this.#deviceHistory(s, st, now);
      s.online = st.online;
      s.bdSeq = st.bdSeq;
      s.status = st;
      if (st.online) s.lastSeenMs = receivedAt.getTime();
      s.rev = ++this.#rev;
      this.db
        .prepare('UPDATE kiosks SET country = ?, centre = ?, online = ?, bd_seq = ?, status_json = ?, status_at = ?, last_seen = COALESCE(?, last_seen) WHERE kiosk = ?')
        .run(a.country, a.centre, st.online ? 1 : 0, st.bdSeq, JSON.stringify(st), now, st.online ? now : null, a.kiosk);
      this.#evaluate(s, receivedAt);
    })();
    return true;
  }

  #deviceHistory(s: KioskState, st: FleetStatus, now: string): void {
    const before = new Map((s.status?.online ? s.status.devices : []).map((d) => [d.name, `${d.state}/${d.supply ?? ''}/${d.detail ?? ''}`]));
    const ins = this.db.prepare('INSERT INTO device_history (kiosk, at, device, state, supply, detail) VALUES (?, ?, ?, ?, ?, ?)');
    for (const d of st.online ? st.devices : []) {
      if (before.get(d.name) !== `${d.state}/${d.supply ?? ''}/${d.detail ?? ''}`) ins.run(s.kiosk, now, d.name, d.state, d.supply ?? null, d.detail ?? null);
    }
  }

  heartbeat(a: KioskAddress, hb: Heartbeat, receivedAt: Date): void {
    const s = this.#k.get(a.kiosk);
    if (!s || hb.bdSeq < s.bdSeq) return;
    s.lastSeenMs = receivedAt.getTime();
    this.#dirtySeen.add(a.kiosk);
    if (s.silent || s.alerts.has('staleHeartbeat')) this.#evaluate(s, receivedAt);
  }

  event(a: KioskAddress, e: FleetEvent, receivedAt: Date): void {
    this.#state(a, receivedAt.toISOString());
    this.db
      .prepare('INSERT OR IGNORE INTO events (event_id, kiosk, at, received_at, kind, code, severity, data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(`${a.kiosk}/${e.id}`, a.kiosk, e.at, receivedAt.toISOString(), e.kind, e.code, e.severity, e.data ? JSON.stringify(e.data) : null);
  }

  /** Something the kiosk's page shows changed outside its status (a diagnostics bundle came): pages reload it. */
  touch(kiosk: string): void {
    const s = this.#k.get(kiosk);
    if (s) s.rev = ++this.#rev;
  }

  /** Silent: online by its last birth, but nothing heard for 1.5 × the heartbeat interval it announced. */
  #isSilent(s: KioskState, nowMs: number): boolean {
    const hb = s.online ? s.status?.heartbeatS : null;
    return !!hb && s.lastSeenMs !== null && nowMs - s.lastSeenMs > hb * 1500;
  }

  #evaluate(s: KioskState, now: Date): void {
    const silent = this.#isSilent(s, now.getTime());
    if (silent !== s.silent) {
      s.silent = silent;
      s.rev = ++this.#rev;
    }
    const want = evaluate({ online: s.online, silent, status: s.status, lastSeenMs: s.lastSeenMs, nowMs: now.getTime() }, this.settings);
    const at = now.toISOString();
    for (const [rule, a] of want) {
      const open = s.alerts.get(rule);
      if (open && open.detail === a.detail && open.severity === a.severity) continue;
      if (open) this.db.prepare('UPDATE alerts SET detail = ?, severity = ? WHERE kiosk = ? AND rule = ? AND cleared_at IS NULL').run(a.detail, a.severity, s.kiosk, rule);
      else this.db.prepare('INSERT INTO alerts (kiosk, rule, severity, detail, opened_at) VALUES (?, ?, ?, ?, ?)').run(s.kiosk, rule, a.severity, a.detail, at);
      s.alerts.set(rule, { rule, severity: a.severity, detail: a.detail, since: open?.since ?? at });
      s.rev = ++this.#rev;
    }
    for (const rule of [...s.alerts.keys()]) {
      if (want.has(rule)) continue;
      this.db.prepare('UPDATE alerts SET cleared_at = ? WHERE kiosk = ? AND rule = ? AND cleared_at IS NULL').run(at, s.kiosk, rule);
      s.alerts.delete(rule);
      s.rev = ++this.#rev;
    }
  }

  /** Time-based rules (stale heartbeat) and the batched last-seen write. */
  sweep(now: Date): void {
    this.db.transaction(() => {
      const up = this.db.prepare('UPDATE kiosks SET last_seen = ?, heartbeat_at = ? WHERE kiosk = ?');
      for (const k of this.#dirtySeen) {
        const s = this.#k.get(k);
        if (s?.lastSeenMs) up.run(new Date(s.lastSeenMs).toISOString(), new Date(s.lastSeenMs).toISOString(), k);
      }
      this.#dirtySeen.clear();
      // Only kiosks whose time-based rules would change: cheap enough to run every half second at 5,000 kiosks.
      const nowMs = now.getTime();
      for (const s of this.#k.values()) {
        if (!s.online) continue;
        const stale = s.lastSeenMs !== null && nowMs - s.lastSeenMs > this.settings.staleHeartbeatMs;
        if (this.#isSilent(s, nowMs) !== s.silent || stale !== s.alerts.has('staleHeartbeat')) this.#evaluate(s, now);
      }
    })();
  }

  #summary(s: KioskState): KioskSummary {
    const st = s.online && !s.silent ? s.status : null;
    const supplies = (st?.devices ?? []).map((d) => d.supply).filter((x): x is NonNullable<typeof x> => !!x);
    return {
      k: s.kiosk, co: s.country, ce: s.centre, on: s.online && !s.silent, h: healthOf(s.alerts.values()),
      app: s.online && !s.silent ? (s.status?.app.state ?? 'starting') : 'offline', why: s.silent ? 'silent' : (s.status?.app.reason ?? null),
      seen: s.lastSeenMs ? new Date(s.lastSeenMs).toISOString() : null,
      paper: supplies.find((x) => x === 'out' || x === 'jammed') ?? supplies.find((x) => x === 'low') ?? supplies[0] ?? null,
      ob: st?.outbox?.depth ?? null, fl: st?.flaggedPayments ?? null, al: [...s.alerts.keys()],
    };
  }

  /** Worst first, then country, centre and kiosk. `since`: only kiosks changed after that revision. */
  list(since?: number): KioskSummary[] {
    const all = [...this.#k.values()].filter((s) => since === undefined || s.rev > since).map((s) => this.#summary(s));
    // Ids are ASCII (topic segments): plain comparison, much cheaper than localeCompare on 5,000 rows.
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    return all.sort((a, b) => HEALTH_ORDER[a.h] - HEALTH_ORDER[b.h] || cmp(a.co, b.co) || cmp(a.ce, b.ce) || cmp(a.k, b.k));
  }

  get(kiosk: string): (KioskSummary & { status: FleetStatus | null; openAlerts: OpenAlert[] }) | undefined {
    const s = this.#k.get(kiosk);
    return s && { ...this.#summary(s), status: s.status, openAlerts: [...s.alerts.values()] };
  }

  address(kiosk: string): KioskAddress | undefined {
    const s = this.#k.get(kiosk);
    return s && { country: s.country, centre: s.centre, kiosk: s.kiosk };
  }

  history(kiosk: string, limit = 50) {
    return {
      events: this.db.prepare('SELECT at, kind, code, severity, data_json AS data FROM events WHERE kiosk = ? ORDER BY id DESC LIMIT ?').all(kiosk, limit),
      devices: this.db.prepare('SELECT at, device, state, supply, detail FROM device_history WHERE kiosk = ? ORDER BY id DESC LIMIT ?').all(kiosk, limit),
      alerts: this.db.prepare('SELECT rule, severity, detail, opened_at AS openedAt, cleared_at AS clearedAt FROM alerts WHERE kiosk = ? ORDER BY id DESC LIMIT ?').all(kiosk, limit),
    };
  }

  alerts(opts: { open?: boolean; limit?: number } = {}) {
    return this.db
      .prepare(`SELECT kiosk, rule, severity, detail, opened_at AS openedAt, cleared_at AS clearedAt FROM alerts ${opts.open ? 'WHERE cleared_at IS NULL' : ''} ORDER BY id DESC LIMIT ?`)
      .all(opts.limit ?? 200) as { kiosk: string; rule: string; severity: string; detail: string; openedAt: string; clearedAt: string | null }[];
  }
}
