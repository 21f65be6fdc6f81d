import type { GatewayClient } from '../gateway/client.ts';
import type { WireComplaint, WirePosting, WireTicketRequest } from '../gateway/wire.ts';
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

export function createDeliveries(d: { gateway: GatewayClient; transactions: TransactionsRepo; records?: RecordsRepo }): Record<OutboxKind, Delivery> {
  return {
    payment: {
      send: (row) => d.gateway.postPayment(row.payload as WirePosting, row.idempotencyKey),
      delivered: (row, _ack, now) => row.transactionId && d.transactions.setPostingState(row.transactionId, 'delivered', now),
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
