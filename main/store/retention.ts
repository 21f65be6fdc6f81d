import type { Db } from './database.ts';
import type { KioskConfig } from '../config.ts';
import type { Logger } from '../log/logger.ts';
import { AuditRepo } from './audit-repo.ts';

export type RetentionConfig = KioskConfig['retention'];

export interface RetentionDeps {
  db: Db;
  config: RetentionConfig;
  now: () => Date;
  log: Logger;
  /** True while a payment (or an end of day) holds the terminal: the pass stops and tries later. */
  busy: () => boolean;
  /** Rows per statement (default 200): each batch is a short write, the payment path never waits long. */
  batchSize?: number;
  /** Between batches (default: one turn of the event loop, so a payment request is served first). */
  yieldBetween?: () => Promise<void>;
}

export interface RetentionReport {
  /** Rows removed (or, for `scrubbed`, cleared of personal fields) per kind. */
  outbox: number;
  audit: number;
  deviceEvents: number;
  complaints: number;
  scrubbed: number;
  tickets: number;
  journal: number;
  endOfDay: number;
  batches: number;
  /** The pass stopped because a payment started; the next one continues. */
  interrupted: boolean;
}

const DAY = 86_400_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Payments that are not settled: their audit trail stays whatever its age. */
const OPEN_PAYMENT = `SELECT 1 FROM transactions t WHERE t.id = json_extract(audit_log.detail_json, '$.transactionId')
  AND (t.state IN ('created', 'authorizing', 'flagged') OR t.posting_state IN ('pending', 'dead'))`;

/**
 * Retention: what the kiosk keeps, and for how long (README "Retention").
 * - delivered outbox rows, audit and device-event rows: `outboxDays`, `auditDays`, `deviceEventDays`;
 * - a complaint's text and mobile number: only until the gateway acknowledged it (the business row
 *   is cleared on delivery; its outbox payload here), or `complaintDays` if it never could be;
 *   delivered complaint rows after `complaintDays`; answered tickets after `ticketDays`;
 * - the terminal's cardholder receipt lines on a settled payment: `cardholderCopyDays` (reprints);
 * - the payment journal (with its end-of-day totals): `journalYears`, settled payments only;
 *   a flagged, unfinished or unposted payment, its outbox row and its audit trail are never pruned.
 * Deleted content is overwritten (secure_delete) and the WAL truncated after a pass, so pruned
 * personal data does not linger in free pages.
 */
export class Retention {
  #timer: ReturnType<typeof setInterval> | undefined;
  #running = false;

  constructor(private readonly d: RetentionDeps) {
    d.db.pragma('secure_delete = ON');
  }

  start(intervalMs = 60 * 60_000): void {
    this.stop();
    this.#timer = setInterval(() => void this.run(), intervalMs);
    this.#timer.unref?.();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** One pass over every kind, in small batches; stops early (interrupted) when a payment starts. */
  async run(): Promise<RetentionReport> {
    const report: RetentionReport = { outbox: 0, audit: 0, deviceEvents: 0, complaints: 0, scrubbed: 0, tickets: 0, journal: 0, endOfDay: 0, batches: 0, interrupted: false };
    if (this.#running) return { ...report, interrupted: true };
    this.#running = true;
    try {
      const c = this.d.config;
      const now = this.d.now().getTime();
      const before = (days: number) => new Date(now - days * DAY).toISOString();
      const journalCutoff = new Date(now - c.journalYears * 365.25 * DAY).toISOString();
      const steps: [keyof RetentionReport, string, unknown[]][] = [
        // Personal fields of complaints the gateway has (rows delivered before markDelivered cleared them).
        ['scrubbed', `UPDATE outbox SET payload_json = json_remove(payload_json, '$.text', '$.mobile') WHERE id IN (
            SELECT id FROM outbox WHERE kind = 'complaint' AND state = 'delivered'
              AND (json_type(payload_json, '$.text') IS NOT NULL OR json_type(payload_json, '$.mobile') IS NOT NULL) LIMIT @n)`, []],
        // Never deliverable, and kept long enough for a technician to requeue: the text goes, the number stays.
        ['scrubbed', `UPDATE outbox SET payload_json = json_remove(payload_json, '$.text', '$.mobile') WHERE id IN (
            SELECT id FROM outbox WHERE kind = 'complaint' AND state = 'dead' AND created_at < ?
              AND (json_type(payload_json, '$.text') IS NOT NULL OR json_type(payload_json, '$.mobile') IS NOT NULL) LIMIT @n)`, [before(c.complaintDays)]],
        ['scrubbed', `UPDATE complaints SET body_json = json_remove(body_json, '$.text', '$.mobile') WHERE rowid IN (
            SELECT rowid FROM complaints WHERE delivery_state <> 'pending' AND created_at < ?
              AND (json_type(body_json, '$.text') IS NOT NULL OR json_type(body_json, '$.mobile') IS NOT NULL) LIMIT @n)`, [before(c.complaintDays)]],
        ['complaints', `DELETE FROM complaints WHERE rowid IN (SELECT rowid FROM complaints WHERE delivery_state = 'delivered' AND created_at < ? LIMIT @n)`, [before(c.complaintDays)]],
        ['tickets', `DELETE FROM tickets WHERE rowid IN (SELECT rowid FROM tickets WHERE delivery_state <> 'pending' AND created_at < ? LIMIT @n)`, [before(c.ticketDays)]],
        ['outbox', `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE state = 'delivered' AND delivered_at < ? LIMIT @n)`, [before(c.outboxDays)]],
        ['deviceEvents', `DELETE FROM device_events WHERE id IN (SELECT id FROM device_events WHERE at < ? LIMIT @n)`, [before(c.deviceEventDays)]],
        ['audit', `DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < ? AND NOT EXISTS (${OPEN_PAYMENT}) LIMIT @n)`, [before(c.auditDays)]],
        // The terminal's receipt lines may name the cardholder on some schemes: kept for reprints only.
        ['scrubbed', `UPDATE transactions SET terminal_json = json_remove(terminal_json, '$.printLines') WHERE rowid IN (
            SELECT rowid FROM transactions WHERE created_at < ? AND state IN ('approved', 'declined', 'aborted') AND posting_state IN ('none', 'delivered')
              AND json_type(terminal_json, '$.printLines') IS NOT NULL LIMIT @n)`, [before(c.cardholderCopyDays)]],
        ['endOfDay', `DELETE FROM end_of_day WHERE id IN (SELECT id FROM end_of_day WHERE at < ? LIMIT @n)`, [journalCutoff]],
      ];
      for (const [kind, sql, args] of steps) {
        if (!(await this.#batches(sql, args, report, kind))) return report;
      }
      if (!(await this.#journal(journalCutoff, report))) return report;
      return report;
    } finally {
      this.#running = false;
      this.#finish(report);
    }
  }

  /** Runs one statement batch after batch until it changes fewer rows than a batch; false if interrupted. */
  async #batches(sql: string, args: unknown[], report: RetentionReport, kind: keyof RetentionReport): Promise<boolean> {
    const n = this.d.batchSize ?? 200;
    const stmt = this.d.db.prepare(sql.replaceAll('@n', String(n)));
    for (;;) {
      if (this.#stopFor(report)) return false;
      const changes = stmt.run(...args).changes;
      report.batches++;
      (report[kind] as number) += changes;
      await (this.d.yieldBetween ?? nextTurn)();
      if (changes < n) return true;
    }
  }

  /** Settled payments older than the journal's keep: their outbox rows first (foreign key), then them. */
  async #journal(cutoff: string, report: RetentionReport): Promise<boolean> {
    const n = this.d.batchSize ?? 200;
    const pick = this.d.db.prepare(
      `SELECT id FROM transactions WHERE created_at < ? AND state IN ('approved', 'declined', 'aborted') AND posting_state IN ('none', 'delivered') LIMIT ${n}`,
    );
    const dropOutbox = this.d.db.prepare('DELETE FROM outbox WHERE transaction_id = ?');
    const dropTx = this.d.db.prepare('DELETE FROM transactions WHERE id = ?');
    const drop = this.d.db.transaction((ids: string[]) => {
      for (const id of ids) {
        report.outbox += dropOutbox.run(id).changes;
        report.journal += dropTx.run(id).changes;
      }
    });
    for (;;) {
      if (this.#stopFor(report)) return false;
      const ids = (pick.all(cutoff) as { id: string }[]).map((r) => r.id);
      drop(ids);
      report.batches++;
      await (this.d.yieldBetween ?? nextTurn)();
      if (ids.length < n) return true;
    }
  }

  #stopFor(report: RetentionReport): boolean {
    if (this.d.busy()) report.interrupted = true;
    return report.interrupted;
  }

  #finish(report: RetentionReport): void {
    const { outbox, audit, deviceEvents, complaints, scrubbed, tickets, journal, endOfDay, interrupted } = report;
    const counts = { outbox, audit, deviceEvents, complaints, scrubbed, tickets, journal, endOfDay };
    if (Object.values(counts).some((n) => n > 0)) {
      new AuditRepo(this.d.db).append({ at: this.d.now().toISOString(), actor: 'kiosk', action: 'retention.pruned', detail: { ...counts, interrupted } });
      this.d.log.info('retention', 'pruned', { ...counts, interrupted });
    }
    // Old page images (pruned rows, complaint texts cleared on delivery) live in the WAL until it
    // is checkpointed and truncated: done every pass, never while a payment is in progress.
    if (!this.d.busy()) this.d.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
