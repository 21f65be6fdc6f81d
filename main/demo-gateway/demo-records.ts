import type Database from 'better-sqlite3';
import type { WireComplaint, WireComplaintStatus, WireTicket, WireTicketRequest } from '../gateway/wire.ts';

/** Minutes a complaint spends in each status before the demo moves it on. */
const COMPLAINT_STEPS: [WireComplaintStatus['status'], number][] = [
  ['received', 0],
  ['inProgress', 2],
  ['resolved', 10],
  ['closed', 60],
];
/** Demo service rate of a counter group: one visitor served every 4 minutes. */
const MINUTES_PER_VISITOR = 4;
const REPLY = { ar: 'تمت معالجة طلبكم، شكراً لتواصلكم.', en: 'Your request has been handled. Thank you for contacting us.' };

/** Complaints (status advancing with time) and queue tickets (numbered per counter group), deduplicated by key. */
export class DemoRecords {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS complaints (
        tracking_number TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, body_json TEXT NOT NULL, received_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS tickets (
        idempotency_key TEXT PRIMARY KEY, counter_group TEXT NOT NULL, seq INTEGER NOT NULL, number TEXT NOT NULL,
        body_json TEXT NOT NULL, issued_at TEXT NOT NULL, issued_ms INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS tickets_group ON tickets(counter_group, seq);`);
  }

  /** Stores a complaint once per key (and once per tracking number); returns its status. */
  recordComplaint(key: string, c: WireComplaint): { status: WireComplaintStatus; duplicate: boolean } {
    return this.db.transaction(() => {
      const seen = this.db.prepare('SELECT tracking_number FROM complaints WHERE idempotency_key = ? OR tracking_number = ?').get(key, c.trackingNumber) as
        | { tracking_number: string }
        | undefined;
      if (seen) return { status: this.complaintStatus(seen.tracking_number)!, duplicate: true };
      this.db
        .prepare('INSERT INTO complaints (tracking_number, idempotency_key, body_json, received_at) VALUES (?, ?, ?, ?)')
        .run(c.trackingNumber, key, JSON.stringify(c), this.now().toISOString());
      return { status: this.complaintStatus(c.trackingNumber)!, duplicate: false };
    })();
  }

  complaintStatus(trackingNumber: string): WireComplaintStatus | undefined {
    const r = this.db.prepare('SELECT received_at FROM complaints WHERE tracking_number = ?').get(trackingNumber) as { received_at: string } | undefined;
    if (!r) return undefined;
    const received = new Date(r.received_at);
    const minutes = (this.now().getTime() - received.getTime()) / 60_000;
    let step = COMPLAINT_STEPS[0]!;
    for (const s of COMPLAINT_STEPS) if (minutes >= s[1]) step = s;
    const due = new Date(received.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
    const updated = new Date(received.getTime() + step[1] * 60_000).toISOString();
    const done = step[0] === 'resolved' || step[0] === 'closed';
    return { trackingNumber, status: step[0], dueDate: due, updatedAt: updated, ...(done && { reply: REPLY }) };
  }

  countComplaints(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM complaints').get() as { n: number }).n;
  }

  /**
   * Issues the next number of the counter group (A001, A002 …), once per key. The wait is the
   * tickets issued in the last hour ahead of this one, at the group's demo service rate.
   */
  issueTicket(key: string, t: WireTicketRequest): { ticket: WireTicket; duplicate: boolean } {
    return this.db.transaction(() => {
      const nowMs = this.now().getTime();
      const seen = this.db.prepare('SELECT * FROM tickets WHERE idempotency_key = ?').get(key) as { counter_group: string; seq: number; number: string; issued_ms: number } | undefined;
      if (seen) return { ticket: this.#ticket(seen.counter_group, seen.seq, seen.number, seen.issued_ms), duplicate: true };
      const last = this.db.prepare('SELECT MAX(seq) AS s FROM tickets WHERE counter_group = ?').get(t.counterGroup) as { s: number | null };
      const seq = (last.s ?? 0) + 1;
      const number = `${t.counterGroup.slice(0, 3).toUpperCase()}${String(seq % 1000).padStart(3, '0')}`;
      this.db
        .prepare('INSERT INTO tickets (idempotency_key, counter_group, seq, number, body_json, issued_at, issued_ms) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(key, t.counterGroup, seq, number, JSON.stringify(t), new Date(nowMs).toISOString(), nowMs);
      return { ticket: this.#ticket(t.counterGroup, seq, number, nowMs), duplicate: false };
    })();
  }

  #ticket(group: string, seq: number, number: string, issuedMs: number): WireTicket {
    const servedSince = Math.floor((this.now().getTime() - issuedMs) / (MINUTES_PER_VISITOR * 60_000));
    const ahead = this.db.prepare('SELECT COUNT(*) AS n FROM tickets WHERE counter_group = ? AND seq < ? AND issued_ms > ?').get(group, seq, issuedMs - 3_600_000) as { n: number };
    const waitingAhead = Math.max(0, ahead.n - servedSince);
    return { number, counterGroup: group, waitingAhead, estimatedWaitMinutes: waitingAhead * MINUTES_PER_VISITOR };
  }

  countTickets(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
  }
}
