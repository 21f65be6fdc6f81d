import type { Db } from './database.ts';
import type { WireComplaint, WireComplaintStatus, WireTicket, WireTicketRequest } from '../gateway/wire.ts';

export type DeliveryState = 'pending' | 'delivered' | 'dead';

export interface ComplaintRow {
  trackingNumber: string;
  /** Text and mobile are gone once the gateway acknowledged the complaint. */
  complaint: Omit<WireComplaint, 'text' | 'mobile'> & Partial<Pick<WireComplaint, 'text' | 'mobile'>>;
  deliveryState: DeliveryState;
  /** The gateway's last known status of it, when asked. */
  gatewayStatus: WireComplaintStatus | null;
  createdAt: string;
}

export interface TicketRow {
  id: string;
  request: WireTicketRequest;
  deliveryState: DeliveryState;
  /** The centre's answer once the gateway acknowledged the ticket. */
  ticket: WireTicket | null;
  createdAt: string;
}

interface RawComplaint {
  tracking_number: string;
  body_json: string;
  delivery_state: DeliveryState;
  gateway_status: string | null;
  created_at: string;
}
interface RawTicket {
  id: string;
  counter_group: string;
  request_json: string;
  delivery_state: DeliveryState;
  number: string | null;
  waiting_ahead: number | null;
  estimated_wait_minutes: number | null;
  created_at: string;
}

/** Complaints and queue tickets: the business rows the outbox delivers. One statement per method. */
export class RecordsRepo {
  constructor(private readonly db: Db) {}

  insertComplaint(c: WireComplaint, now: string): void {
    this.db
      .prepare(
        `INSERT INTO complaints (tracking_number, entity_id, type_id, kind, body_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.trackingNumber, c.entityId, c.typeId, c.kind, JSON.stringify(c), now, now);
  }

  complaint(trackingNumber: string): ComplaintRow | undefined {
    const r = this.db.prepare('SELECT * FROM complaints WHERE tracking_number = ?').get(trackingNumber) as RawComplaint | undefined;
    return (
      r && {
        trackingNumber: r.tracking_number,
        complaint: JSON.parse(r.body_json) as WireComplaint,
        deliveryState: r.delivery_state,
        gatewayStatus: r.gateway_status ? (JSON.parse(r.gateway_status) as WireComplaintStatus) : null,
        createdAt: r.created_at,
      }
    );
  }

  /**
   * Once the gateway has the complaint, the kiosk keeps only what status checks and reprints
   * need: the visitor's text and mobile number are removed.
   */
  setComplaintDelivery(trackingNumber: string, state: DeliveryState, now: string, status?: WireComplaintStatus): void {
    this.db
      .prepare(
        `UPDATE complaints SET delivery_state = ?, gateway_status = COALESCE(?, gateway_status), updated_at = ?,
           body_json = CASE WHEN ? = 'delivered' THEN json_remove(body_json, '$.text', '$.mobile') ELSE body_json END
         WHERE tracking_number = ?`,
      )
      .run(state, status ? JSON.stringify(status) : null, now, state, trackingNumber);
  }

  insertTicket(id: string, t: WireTicketRequest, now: string): void {
    this.db
      .prepare(
        `INSERT INTO tickets (id, service_id, counter_group, local_number, request_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, t.serviceId, t.counterGroup, t.localNumber ?? null, JSON.stringify(t), now, now);
  }

  ticket(id: string): TicketRow | undefined {
    const r = this.db.prepare('SELECT * FROM tickets WHERE id = ?').get(id) as RawTicket | undefined;
    if (!r) return undefined;
    const ticket: WireTicket | null =
      r.number === null
        ? null
        : { number: r.number, counterGroup: r.counter_group, waitingAhead: r.waiting_ahead ?? 0, estimatedWaitMinutes: r.estimated_wait_minutes ?? 0 };
    return { id: r.id, request: JSON.parse(r.request_json) as WireTicketRequest, deliveryState: r.delivery_state, ticket, createdAt: r.created_at };
  }

  /** Keeps the gateway's answer (the centre's ticket number) on the business row. */
  setTicketDelivered(id: string, t: WireTicket, now: string): void {
    this.db
      .prepare(
        `UPDATE tickets SET delivery_state = 'delivered', number = ?, waiting_ahead = ?, estimated_wait_minutes = ?, updated_at = ? WHERE id = ?`,
      )
      .run(t.number, t.waitingAhead, t.estimatedWaitMinutes, now, id);
  }

  setTicketDead(id: string, now: string): void {
    this.db.prepare(`UPDATE tickets SET delivery_state = 'dead', updated_at = ? WHERE id = ?`).run(now, id);
  }

  setTicketPending(id: string, now: string): void {
    this.db.prepare(`UPDATE tickets SET delivery_state = 'pending', updated_at = ? WHERE id = ?`).run(now, id);
  }
}
