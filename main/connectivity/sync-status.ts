import type { OutboxRepo } from '../store/outbox-repo.ts';
import type { GatewayFlagsRepo } from '../store/gateway-flags-repo.ts';

/** What the fleet status reports about the kiosk's link to the gateway. */
export interface SyncStatus {
  online: boolean;
  /** Rows waiting to be delivered (all kinds). */
  outboxDepth: number;
  /** Rows parked for a person (never deleted, never blocking). */
  deadLetters: number;
  /** Age of the oldest waiting row, ms; null when nothing waits. */
  oldestPendingAgeMs: number | null;
  /** Last gateway acknowledgement of an outbox row (persisted, survives restarts). */
  lastSuccessfulSyncAt: string | null;
  /** Last time the gateway answered anything, probe included (this run only). */
  lastReachableAt: string | null;
  /** Payments the gateway flagged as paying something already paid: a refund or credit is owed. */
  overpaidPayments?: number;
}

export function readSyncStatus(d: { outbox: OutboxRepo; online: boolean; lastReachableAt?: Date; now: Date; flags?: GatewayFlagsRepo }): SyncStatus {
  const s = d.outbox.stats();
  return {
    online: d.online,
    outboxDepth: s.pending,
    deadLetters: s.dead,
    oldestPendingAgeMs: s.oldestCreatedAt ? Math.max(0, d.now.getTime() - Date.parse(s.oldestCreatedAt)) : null,
    lastSuccessfulSyncAt: s.lastDeliveredAt,
    lastReachableAt: d.lastReachableAt?.toISOString() ?? null,
    ...(d.flags && { overpaidPayments: d.flags.overpaidCount() }),
  };
}
