import type { FleetStatus } from '../fleet/protocol.ts';

/**
 * Fleet-level alert rules: data, evaluated for every kiosk (those added later too) whenever its
 * state changes and on a sweep for time-based rules. An alert opens when its rule holds and
 * clears itself when it stops holding; both moments stay in the history.
 */
export interface AlertSettings {
  /** Outbox depth above which a kiosk's backlog is an alert. */
  backlogDepth: number;
  /** Age of the oldest queued item above which the backlog is an alert, ms. */
  backlogAgeMs: number;
  /** A heartbeat older than this (kiosk still "online") is stale, ms. */
  staleHeartbeatMs: number;
}
export const DEFAULT_ALERT_SETTINGS: AlertSettings = { backlogDepth: 20, backlogAgeMs: 30 * 60_000, staleHeartbeatMs: 90_000 };

export type Severity = 'critical' | 'warning';
export interface KioskFacts {
  online: boolean;
  /** Online by its last birth, but silent for more than 1.5 × its heartbeat interval. */
  silent: boolean;
  status: FleetStatus | null;
  /** Last heartbeat or status, ms since epoch. */
  lastSeenMs: number | null;
  nowMs: number;
}
interface Rule {
  id: string;
  severity: Severity;
  /** A short machine detail when the rule holds, false otherwise. */
  test(f: KioskFacts, s: AlertSettings): string | false;
}

const live = (f: KioskFacts) => f.online && !f.silent;
const devices = (f: KioskFacts) => (live(f) ? (f.status?.devices ?? []) : []);

export const RULES: readonly Rule[] = [
  { id: 'offline', severity: 'critical', test: (f) => (!f.online && (f.status?.app.reason ?? 'lost')) || (f.silent && 'silent') },
  { id: 'paperOut', severity: 'critical', test: (f) => devices(f).filter((d) => d.supply === 'out' || d.supply === 'jammed').map((d) => d.name).join(',') || false },
  { id: 'paperLow', severity: 'warning', test: (f) => devices(f).filter((d) => d.supply === 'low').map((d) => d.name).join(',') || false },
  {
    id: 'deviceFault',
    severity: 'critical',
    test: (f) => devices(f).filter((d) => d.state !== 'online' && d.state !== 'busy').map((d) => `${d.name}:${d.state}`).join(',') || false,
  },
  {
    id: 'backlog',
    severity: 'warning',
    test: (f, s) => {
      const o = live(f) ? f.status?.outbox : null;
      return !!o && (o.depth > s.backlogDepth || (o.oldestAgeMs ?? 0) > s.backlogAgeMs) && `depth=${o.depth}`;
    },
  },
  { id: 'deadLetters', severity: 'critical', test: (f) => (live(f) && (f.status?.outbox?.deadLetters ?? 0) > 0 ? `count=${f.status!.outbox!.deadLetters}` : false) },
  { id: 'flaggedPayment', severity: 'critical', test: (f) => (live(f) && (f.status?.flaggedPayments ?? 0) > 0 ? `count=${f.status!.flaggedPayments}` : false) },
  { id: 'maintenance', severity: 'warning', test: (f) => live(f) && f.status?.app.state === 'maintenance' && 'maintenance' },
  { id: 'outOfService', severity: 'warning', test: (f) => live(f) && f.status?.app.state === 'unavailable' && (f.status.app.reason ?? 'unknown') },
  { id: 'staleHeartbeat', severity: 'warning', test: (f, s) => f.online && f.lastSeenMs !== null && f.nowMs - f.lastSeenMs > s.staleHeartbeatMs && 'stale' },
];

export function evaluate(f: KioskFacts, s: AlertSettings): Map<string, { severity: Severity; detail: string }> {
  const out = new Map<string, { severity: Severity; detail: string }>();
  for (const r of RULES) {
    const d = r.test(f, s);
    if (d) out.set(r.id, { severity: r.severity, detail: d });
  }
  return out;
}

export type { Health } from '../shared/fleet-summary.ts';
import type { Health } from '../shared/fleet-summary.ts';
export const healthOf = (open: Iterable<{ severity: Severity }>): Health => {
  let h: Health = 'green';
  for (const a of open) {
    if (a.severity === 'critical') return 'red';
    h = 'amber';
  }
  return h;
};
