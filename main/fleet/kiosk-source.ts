import type { Kiosk } from '../compose.ts';
import type { PaymentView, DeviceSummary } from '../contract/api.ts';
import type { Alert } from '../store/alerts-repo.ts';
import { PROFILES } from '../profiles/profiles.ts';
import { JournalStats, localDay } from './journal-stats.ts';
import { deviceStatusSchema } from './protocol.ts';
import type { KioskStatusSnapshot, KioskStatusSource, SourceSignal } from './status-source.ts';

type Device = KioskStatusSnapshot['devices'][number];

/** Device summaries in the shared vocabulary; anything outside it is reported as unknown, not dropped. */
function toDevice(d: DeviceSummary): Device {
  const r = deviceStatusSchema.safeParse({ name: d.name, state: d.state, ...(d.supply && { supply: d.supply }), ...(d.detail && { detail: d.detail.slice(0, 64) }) });
  return r.success ? r.data : { name: d.name, state: 'hwError', detail: 'unknownState' };
}

/** An alert code per device condition that a person must act on; undefined when the device is fine. */
export function deviceCondition(d: Device): { code: string; severity: 'warning' | 'critical' } | undefined {
  if (d.supply === 'out' || d.supply === 'jammed') return { code: `${d.name}:paper${d.supply === 'out' ? 'Out' : 'Jammed'}`, severity: 'critical' };
  if (d.state !== 'online' && d.state !== 'busy') return { code: `${d.name}:${d.state}`, severity: 'critical' };
  if (d.supply === 'low') return { code: `${d.name}:paperLow`, severity: 'warning' };
  return undefined;
}

/**
 * The adapter over the composed kiosk: devices, sync status, the payment journal, the money
 * desk's lanes, the durable alerts and the event hub. When technician mode (maintenance state)
 * grows, this file is where it is read; the reporter does not change.
 */
export class ComposedKioskSource implements KioskStatusSource {
  readonly #k: Kiosk;
  readonly #stats: JournalStats;
  readonly #timeZone: string;
  readonly #listeners = new Set<(s: SourceSignal) => void>();
  readonly #off: () => void;
  readonly #poll: ReturnType<typeof setInterval>;
  #remoteOutOfService = false;
  #maintenance = false;
  #conditions = new Map<string, string | undefined>();
  #dead = 0;
  #lastKey = '';

  constructor(kiosk: Kiosk, opts: { pollMs?: number } = {}) {
    this.#k = kiosk;
    this.#timeZone = PROFILES[kiosk.config.profile].timeZone;
    this.#stats = new JournalStats(kiosk.db, this.#timeZone);
    this.#dead = kiosk.syncStatus().deadLetters;
    for (const d of kiosk.devices.summary().map(toDevice)) this.#conditions.set(d.name, deviceCondition(d)?.code);
    const offEvents = kiosk.events.subscribe((event, payload) => {
      if (event === 'devices.changed') this.#devicesChanged();
      else if (event === 'kiosk.state') this.#kioskState((payload as { state: string }).state);
      else if (event === 'connectivity') this.#emit({ kind: 'changed' });
      else if (event === 'payment.updated') this.#payment(payload as PaymentView);
    });
    // The kiosk's durable alerts (dead payment postings, end-of-day differences, overpayments) are fleet events.
    const offAlerts = kiosk.alerts.onRaised((a) => this.#alert(a));
    this.#off = () => (offEvents(), offAlerts());
    // The outbox and the journal have no events of their own: a cheap poll notices dead letters and backlog changes.
    this.#poll = setInterval(() => this.#pollOutbox(), opts.pollMs ?? 5000);
    this.#poll.unref();
  }

  #emit(s: SourceSignal): void {
    for (const fn of [...this.#listeners]) fn(s);
  }

  #devicesChanged(): void {
    for (const d of this.#k.devices.summary().map(toDevice)) {
      const now = deviceCondition(d);
      const before = this.#conditions.get(d.name);
      if (now?.code !== before) {
        if (now) this.#emit({ kind: 'event', event: { kind: 'deviceAlert', code: now.code, severity: now.severity, data: { device: d.name, state: d.state, supply: d.supply ?? null } } });
        else this.#emit({ kind: 'event', event: { kind: 'deviceAlert', code: `${d.name}:ok`, severity: 'info', data: { device: d.name, state: d.state, cleared: before ?? null } } });
        this.#conditions.set(d.name, now?.code);
      }
    }
    this.#emit({ kind: 'changed' });
  }

  #payment(v: PaymentView): void {
    if (v.state === 'flagged') this.#emit({ kind: 'event', event: { kind: 'reconciliationFlag', code: 'payment:flagged', severity: 'critical' } });
    if (v.state === 'approved' || v.state === 'flagged') {
      const row = this.#k.transactions.get(v.transactionId);
      if (row) this.#emit({ kind: 'paid', day: localDay(row.createdAt, this.#timeZone) });
      this.#emit({ kind: 'changed' });
    }
  }

  /** A technician coming in (or leaving) is an event the operations centre sees, never who it was. */
  #kioskState(state: string): void {
    const maintenance = state === 'maintenance';
    if (maintenance !== this.#maintenance) {
      this.#maintenance = maintenance;
      this.#emit({ kind: 'event', event: { kind: 'technicianEntry', code: maintenance ? 'technician:in' : 'technician:out', severity: 'info' } });
    }
    this.#emit({ kind: 'changed' });
  }

  #alert(a: Alert): void {
    const severity = a.severity === 'info' ? 'info' : a.severity;
    if (a.kind === 'endOfDayDifference' || a.kind === 'endOfDayFailed') {
      this.#emit({ kind: 'event', event: { kind: 'endOfDayDifference', code: `terminal:${a.kind}`, severity, data: { differenceMinor: Number(a.detail?.differenceMinor ?? 0) } } });
    } else if (a.kind === 'payment.overpaid') {
      this.#emit({ kind: 'event', event: { kind: 'reconciliationFlag', code: 'payment:overpaid', severity, data: { amountMinor: Number(a.detail?.amountMinor ?? 0) } } });
    }
    this.#emit({ kind: 'changed' });
  }

  #pollOutbox(): void {
    const s = this.#k.syncStatus();
    if (s.deadLetters > this.#dead) this.#emit({ kind: 'event', event: { kind: 'deadLetter', code: 'outbox:deadLetter', severity: 'critical', data: { total: s.deadLetters } } });
    this.#dead = s.deadLetters;
    const key = `${s.outboxDepth}/${s.deadLetters}/${s.online}/${this.#k.sessions.current ? 1 : 0}`;
    if (key !== this.#lastKey) this.#emit({ kind: 'changed' });
    this.#lastKey = key;
  }

  snapshot(): KioskStatusSnapshot {
    const devices = this.#k.devices.summary().map(toDevice);
    const s = this.#k.syncStatus();
    const lanes = this.#k.desk.lanes().map((l) => ({ lane: l.kind, depth: l.pending, oldestAgeMs: l.oldestAgeMs }));
    return {
      app: this.#appState(),
      devices,
      connectivity: { online: s.online, lastSyncAt: s.lastSuccessfulSyncAt, lastReachableAt: s.lastReachableAt },
      outbox: { depth: s.outboxDepth, oldestAgeMs: s.oldestPendingAgeMs, deadLetters: s.deadLetters, lanes },
      flaggedPayments: this.#k.transactions.flagged().length,
    };
  }

  /** The kiosk's own application state (technician mode's model: maintenance, hours, required devices). */
  #appState(): KioskStatusSnapshot['app'] {
    const v = this.#k.technician.appState.refresh();
    return v.reason ? { state: v.state, reason: v.reason } : { state: v.state };
  }

  subscribe(fn: (s: SourceSignal) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  dayStats(day: string) {
    return this.#stats.dayStats(day);
  }

  paidDays(sinceDay: string) {
    return this.#stats.paidDays(sinceDay);
  }

  setRemoteOutOfService(on: boolean): void {
    this.#remoteOutOfService = on;
    // Visitors are refused while it is on: the journeys' requirements all fail with reason "remote".
    this.#k.technician.setRemoteOutOfService(on);
    this.#emit({ kind: 'changed' });
  }

  get remoteOutOfService(): boolean {
    return this.#remoteOutOfService;
  }

  /** The same builder as the technician's USB stick: one bundle, two ways out. */
  diagnostics(maxBytes: number) {
    return this.#k.technician.diagnostics(maxBytes);
  }

  close(): void {
    clearInterval(this.#poll);
    this.#off();
  }
}
