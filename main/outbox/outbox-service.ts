import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database.ts';
import type { OutboxRepo, OutboxRow } from '../store/outbox-repo.ts';
import type { ComplaintRow, RecordsRepo, TicketRow } from '../store/records-repo.ts';
import type { WireComplaint, WireTicketRequest } from '../gateway/wire.ts';
import type { TicketPayload } from './deliveries.ts';

export interface OutboxServiceDeps {
  db: Db;
  outbox: OutboxRepo;
  records: RecordsRepo;
  now: () => Date;
  /** Wakes the sender after an enqueue. */
  wake: () => void;
}

/**
 * What handlers call to send complaints and queue tickets to the gateway. Each enqueue writes
 * the business row and its outbox row in ONE SQLite transaction (with an idempotency key made
 * before the first send), then wakes the sender; the gateway's answer lands on the business row.
 */
export class OutboxService {
  readonly #waiters = new Map<string, Set<() => void>>();

  constructor(private readonly d: OutboxServiceDeps) {}

  /** Stores the complaint under its kiosk-made tracking number and queues its delivery. */
  enqueueComplaint(c: WireComplaint): void {
    const now = this.d.now().toISOString();
    this.d.db.transaction(() => {
      this.d.records.insertComplaint(c, now);
      this.d.outbox.enqueue({ kind: 'complaint', idempotencyKey: randomUUID(), payload: c, now });
    })();
    this.d.wake();
  }

  /** Stores a ticket request and queues it; returns the kiosk's ticket id (see ticket()). */
  enqueueTicket(t: WireTicketRequest, ticketId: string = randomUUID()): string {
    const now = this.d.now().toISOString();
    const payload: TicketPayload = { ticketId, request: t };
    this.d.db.transaction(() => {
      this.d.records.insertTicket(ticketId, t, now);
      this.d.outbox.enqueue({ kind: 'ticket', idempotencyKey: randomUUID(), payload, now });
    })();
    this.d.wake();
    return ticketId;
  }

  complaint(trackingNumber: string): ComplaintRow | undefined {
    return this.d.records.complaint(trackingNumber);
  }

  ticket(ticketId: string): TicketRow | undefined {
    return this.d.records.ticket(ticketId);
  }

  /**
   * Waits up to `ms` for the gateway to answer a ticket (the centre's number), then returns the
   * row as it is: `ticket` null means still queued (the handler falls back to local numbering).
   */
  async waitForTicket(ticketId: string, ms: number): Promise<TicketRow | undefined> {
    const settled = () => this.ticket(ticketId)?.deliveryState !== 'pending';
    if (!settled()) await this.#wait(ticketId, ms, settled);
    return this.ticket(ticketId);
  }

  /** Same for a complaint: resolves once the gateway acknowledged it or `ms` passed. */
  async waitForComplaint(trackingNumber: string, ms: number): Promise<ComplaintRow | undefined> {
    const settled = () => this.complaint(trackingNumber)?.deliveryState !== 'pending';
    if (!settled()) await this.#wait(trackingNumber, ms, settled);
    return this.complaint(trackingNumber);
  }

  /** Wire to OutboxSender's onSettled. */
  settled(row: OutboxRow): void {
    const id = row.kind === 'ticket' ? (row.payload as TicketPayload).ticketId : row.kind === 'complaint' ? (row.payload as WireComplaint).trackingNumber : undefined;
    if (id) for (const fn of [...(this.#waiters.get(id) ?? [])]) fn();
  }

  #wait(id: string, ms: number, done: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const set = this.#waiters.get(id) ?? new Set();
      this.#waiters.set(id, set);
      const finish = (timedOut = false) => {
        if (!timedOut && !done()) return;
        clearTimeout(timer);
        set.delete(finish);
        if (set.size === 0) this.#waiters.delete(id);
        resolve();
      };
      const timer = setTimeout(() => finish(true), ms);
      set.add(finish);
    });
  }
}
