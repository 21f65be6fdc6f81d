import type { GatewayClient } from '../gateway/client.ts';
import type { WireComplaint, WirePosting, WirePostingAck, WireTicketRequest } from '../gateway/wire.ts';
import type { Db } from '../store/database.ts';
import type { AlertsRepo } from '../store/alerts-repo.ts';
import { AuditRepo } from '../store/audit-repo.ts';
import { GatewayFlagsRepo } from '../store/gateway-flags-repo.ts';
import type { OutboxRow } from '../store/outbox-repo.ts';
import type { RecordsRepo } from '../store/records-repo.ts';
import type { TransactionsRepo } from '../store/transactions-repo.ts';

/** The outbox kinds and what each carries. A ticket row names its business row. */
export type OutboxKind = 'payment' | 'complaint' | 'ticket';
export interface TicketPayload {
  ticketId: string;
  request: WireTicketRequest;
}

/**
 * How one kind is delivered: the gateway call, and the business-row updates that go in the
 * same SQLite transaction as marking the outbox row delivered (or dead).
 */
export interface Delivery {
  send(row: OutboxRow): Promise<unknown>;
  delivered(row: OutboxRow, ack: unknown, now: string): void;
  dead(row: OutboxRow, now: string): void;
  /** A technician put the dead letter back in its lane: the business row waits again. */
  requeued(row: OutboxRow, now: string): void;
}

export function createDeliveries(d: { gateway: GatewayClient; transactions: TransactionsRepo; records?: RecordsRepo; db: Db; alerts?: AlertsRepo }): Record<OutboxKind, Delivery> {
  const flags = new GatewayFlagsRepo(d.db);
  const audit = new AuditRepo(d.db);
  /** An overpayment flag is kept on the transaction and audited, in the delivered mark's SQLite transaction. */
  const overpaid = (row: OutboxRow, ack: WirePostingAck, now: string) => {
    const o = ack.overpayment;
    if (!o || !row.transactionId || !flags.recordOverpayment(row.transactionId, ack.postingId, o, now)) return;
    const currency = (row.payload as WirePosting).amount.currency;
    audit.append({ at: now, actor: 'gateway', action: 'payment.overpaid', detail: { transactionId: row.transactionId, postingId: ack.postingId, amountMinor: o.amountMinor, currency, reason: o.reason, references: o.references } });
    // A refund or credit is owed to a visitor: someone must act, so it is an alert too.
    d.alerts?.raise({ at: now, kind: 'payment.overpaid', severity: 'warning', subject: row.transactionId, detail: { amountMinor: o.amountMinor, currency, reason: o.reason } });
  };
  return {
    payment: {
      send: (row) => d.gateway.postPayment(row.payload as WirePosting, row.idempotencyKey),
      delivered: (row, ack, now) => {
        if (!row.transactionId) return;
        d.transactions.setPostingState(row.transactionId, 'delivered', now);
        overpaid(row, ack as WirePostingAck, now);
      },
      dead: (row, now) => row.transactionId && d.transactions.setPostingState(row.transactionId, 'dead', now),
      requeued: (row, now) => row.transactionId && d.transactions.setPostingState(row.transactionId, 'pending', now),
    },
    complaint: {
      send: (row) => d.gateway.submitComplaint(row.payload as WireComplaint, row.idempotencyKey),
      delivered: (row, ack, now) =>
        d.records?.setComplaintDelivery((row.payload as WireComplaint).trackingNumber, 'delivered', now, ack as Parameters<RecordsRepo['setComplaintDelivery']>[3]),
      dead: (row, now) => d.records?.setComplaintDelivery((row.payload as WireComplaint).trackingNumber, 'dead', now),
      requeued: (row, now) => d.records?.setComplaintDelivery((row.payload as WireComplaint).trackingNumber, 'pending', now),
    },
    ticket: {
      send: (row) => d.gateway.issueTicket((row.payload as TicketPayload).request, row.idempotencyKey),
      delivered: (row, ack, now) => d.records?.setTicketDelivered((row.payload as TicketPayload).ticketId, ack as Parameters<RecordsRepo['setTicketDelivered']>[1], now),
      dead: (row, now) => d.records?.setTicketDead((row.payload as TicketPayload).ticketId, now),
      requeued: (row, now) => d.records?.setTicketPending((row.payload as TicketPayload).ticketId, now),
    },
  };
}
