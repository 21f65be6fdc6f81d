import type { Db } from './database.ts';
import type { CurrencyCode } from '../contract/api.ts';
import type { WireOverpayment } from '../gateway/wire.ts';

/** A delivered payment the gateway flagged as (partly) paying something already paid. */
export interface OverpaidPayment {
  transactionId: string;
  /** The receipt's short reference (what the visitor holds). */
  reference: string | null;
  overpaidMinor: number;
  currency: CurrencyCode;
  /** Bill or fine references that were already paid. */
  references: string[];
  postingId: string;
  paidAt: string;
  flaggedAt: string;
}

interface GatewayFlags {
  postingId: string;
  overpayment: WireOverpayment;
  at: string;
}

/** Gateway flags on journaled payments (migration 005). */
export class GatewayFlagsRepo {
  constructor(private readonly db: Db) {}

  /** Records an overpayment once; false when it was already recorded (a re-sent posting's ack). */
  recordOverpayment(transactionId: string, postingId: string, overpayment: WireOverpayment, now: string): boolean {
    const flags: GatewayFlags = { postingId, overpayment, at: now };
    const r = this.db
      .prepare('UPDATE transactions SET overpaid_minor = ?, gateway_flags_json = ?, updated_at = ? WHERE id = ? AND overpaid_minor IS NULL')
      .run(overpayment.amountMinor, JSON.stringify(flags), now, transactionId);
    return r.changes === 1;
  }

  /** How many payments have a refund or credit owed (for the fleet status). */
  overpaidCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM transactions WHERE overpaid_minor IS NOT NULL').get() as { n: number }).n;
  }

  /** Payments with a refund or credit owed, oldest first. */
  overpaid(): OverpaidPayment[] {
    const rows = this.db
      .prepare('SELECT id, reference, currency, overpaid_minor, gateway_flags_json, created_at FROM transactions WHERE overpaid_minor IS NOT NULL ORDER BY rowid')
      .all() as { id: string; reference: string | null; currency: CurrencyCode; overpaid_minor: number; gateway_flags_json: string; created_at: string }[];
    return rows.map((r) => {
      const f = JSON.parse(r.gateway_flags_json) as GatewayFlags;
      return {
        transactionId: r.id,
        reference: r.reference,
        overpaidMinor: r.overpaid_minor,
        currency: r.currency,
        references: f.overpayment.references,
        postingId: f.postingId,
        paidAt: r.created_at,
        flaggedAt: f.at,
      };
    });
  }
}
