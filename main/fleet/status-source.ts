import type { FleetEvent, FleetStatus, StatsRow } from './protocol.ts';
import type { DiagnosticsBundle } from '../technician/diagnostics.ts';

/**
 * What the fleet reporter needs from the kiosk, and nothing more. Other parts of the kiosk
 * (money path, technician mode) change quickly; they plug in by implementing this interface,
 * so the reporter never reaches into their internals.
 */
export type KioskStatusSnapshot = Pick<FleetStatus, 'app' | 'devices' | 'connectivity' | 'outbox' | 'flaggedPayments'>;

/** An event as a source raises it; the reporter numbers and stamps it. */
export type SourceEvent = Pick<FleetEvent, 'kind' | 'code' | 'severity' | 'data'>;

export type SourceSignal =
  /** Something in the snapshot changed: publish a fresh status (debounced). */
  | { kind: 'changed' }
  /** A payment was journaled as paid on this local day: republish that day's statistics. */
  | { kind: 'paid'; day: string }
  | { kind: 'event'; event: SourceEvent };

export interface KioskStatusSource {
  snapshot(): KioskStatusSnapshot;
  subscribe(fn: (s: SourceSignal) => void): () => void;
  /** The whole local day's paid totals per service × entity × currency (cumulative, idempotent). */
  dayStats(day: string): StatsRow[];
  /** Local days (YYYY-MM-DD) with any paid item from `sinceDay` on, oldest first. */
  paidDays(sinceDay: string): string[];
  /** Remote out of service / back in service (a signed console command). */
  setRemoteOutOfService(on: boolean): void;
  /** The technician's diagnostics bundle (machine facts only, never personal data), at most `maxBytes`. */
  diagnostics(maxBytes: number): DiagnosticsBundle;
  close?(): void;
}
