import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { openDatabase, type Db } from '../../../main/store/database.ts';
import { TransactionsRepo, type TerminalData } from '../../../main/store/transactions-repo.ts';
import { OutboxRepo } from '../../../main/store/outbox-repo.ts';
import { RecordsRepo } from '../../../main/store/records-repo.ts';
import { AuditRepo } from '../../../main/store/audit-repo.ts';
import { DeviceEventsRepo } from '../../../main/store/device-events-repo.ts';
import { EndOfDayRepo } from '../../../main/store/end-of-day-repo.ts';
import { Retention } from '../../../main/store/retention.ts';
import { parseConfig } from '../../../main/config.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { tempDir } from '../../support/temp-dir.ts';

const NOW = new Date('2026-06-01T09:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const terminal: TerminalData = { authCode: '107919', maskedPan: '************4242', receiptNumber: 1, traceNumber: 1, terminalId: '52001234', cardType: 'Visa', dateTime: '2019-01-01T10:00:00', printLines: ['CARDHOLDER COPY', 'A CARDHOLDER-NAME-5f20'] };
/** Text a visitor typed: it must not survive in the file once its purpose is over. */
const SECRET_TEXT = 'Tariq-complaint-text-7f3a9c';
const SECRET_MOBILE = '+96599887766';

let dir: ReturnType<typeof tempDir>;
let db: Db;
afterEach(() => {
  db?.close();
  dir?.remove();
});

function seed(db: Db) {
  const tx = new TransactionsRepo(db);
  const outbox = new OutboxRepo(db);
  const records = new RecordsRepo(db);
  const payment = (id: string, at: string, end: 'approved' | 'flagged' | 'declined', posting: 'delivered' | 'pending' | 'none') => {
    tx.insert({ id, kind: 'billPayment', amountMinor: 1_000, currency: 'KWD', items: [], locale: 'ar', now: at });
    tx.transition(id, 'created', 'authorizing', at);
    tx.transition(id, 'authorizing', end, at, end === 'approved' ? { terminal } : { declineReason: 'x' });
    if (posting === 'none') return;
    tx.setPostingState(id, 'pending', at);
    if (posting === 'delivered') tx.setPostingState(id, 'delivered', at);
    outbox.enqueue({ kind: 'payment', idempotencyKey: `k-${id}`, transactionId: id, payload: { id }, now: at });
    const row = outbox.byTransaction(id)[0]!;
    if (posting === 'delivered') outbox.markDelivered(row.id, at);
  };
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  payment(id(1), ago(8 * 365), 'approved', 'delivered'); // settled, older than 7 years: goes
  payment(id(2), ago(8 * 365), 'flagged', 'none'); // nobody settled it: stays
  payment(id(3), ago(8 * 365), 'approved', 'pending'); // never posted: stays
  payment(id(4), ago(8 * 365), 'declined', 'none'); // goes
  payment(id(5), ago(100), 'approved', 'delivered'); // journal stays; its delivered outbox row goes (90 days)
  payment(id(6), ago(10), 'approved', 'delivered'); // all stays

  const complaint = (n: string, at: string, state: 'delivered' | 'dead' | 'pending') => {
    const c = { trackingNumber: n, kioskId: 'K', entityId: 'moi', typeId: 't', kind: 'complaint' as const, text: SECRET_TEXT, mobile: SECRET_MOBILE, locale: 'ar' as const, submittedAt: at };
    records.insertComplaint(c, at);
    outbox.enqueue({ kind: 'complaint', idempotencyKey: `c-${n}`, payload: c, now: at });
    const row = outbox.headOf('complaint')!;
    if (state === 'delivered') outbox.markDelivered(row.id, at);
    if (state === 'dead') outbox.markDead(row.id, 'gone', at);
    if (state !== 'pending') records.setComplaintDelivery(n, state, at);
  };
  complaint('0012512010001111', ago(100), 'delivered'); // row goes after 90 days
  complaint('0012605250001222', ago(7), 'delivered'); // row stays, text already gone
  complaint('0012512010002333', ago(120), 'dead'); // never deliverable: text goes, number stays
  complaint('0012605310003444', ago(1), 'pending'); // still to deliver: untouched

  records.insertTicket('t-old', { kioskId: 'K', serviceId: 's', counterGroup: 'A', issuedAt: ago(40) }, ago(40));
  records.setTicketDelivered('t-old', { number: 'A1', counterGroup: 'A', waitingAhead: 0, estimatedWaitMinutes: 0 }, ago(40));
  records.insertTicket('t-new', { kioskId: 'K', serviceId: 's', counterGroup: 'A', issuedAt: ago(2) }, ago(2));

  const audit = new AuditRepo(db);
  audit.append({ at: ago(200), actor: 'kiosk', action: 'payment.reconciled.approved', detail: { transactionId: id(5) } });
  audit.append({ at: ago(8 * 365), actor: 'kiosk', action: 'payment.flagged', detail: { transactionId: id(2) } }); // open: stays
  audit.append({ at: ago(5), actor: 'kiosk', action: 'receipt.notPrinted', detail: { transactionId: id(6) } });
  const events = new DeviceEventsRepo(db);
  for (let i = 0; i < 1_000; i++) events.record({ at: ago(91 + (i % 50)), device: 'printer', state: i % 2 ? 'online' : 'paperOut' });
  events.record({ at: ago(3), device: 'printer', state: 'online' });
  const eod = new EndOfDayRepo(db);
  const eodRow = { startedBy: 'scheduled' as const, ok: true, resultCode: 0, terminalId: '52001234', terminalTotalMinor: 0, terminalCount: 0, periodStart: null, fromRowid: 0, toRowid: 0, kioskTotalMinor: 0, kioskCount: 0, flaggedCount: 0, differenceMinor: 0, printLines: [] };
  eod.insert({ ...eodRow, at: ago(8 * 365) });
  eod.insert({ ...eodRow, at: ago(1) });
  return { id };
}

const count = (db: Db, table: string, where = '1') => (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

describe('retention on a real SQLite file with seeded old rows', () => {
  it('prunes by age in batches, keeps every unsettled charge and its trail, and leaves nothing personal past its purpose', async () => {
    dir = tempDir('retention');
    db = openDatabase(dir.file('kiosk.sqlite'));
    const { id } = seed(db);
    const config = parseConfig({ demo: true }).retention;
    expect(config).toEqual({ outboxDays: 90, auditDays: 90, deviceEventDays: 90, complaintDays: 90, ticketDays: 30, cardholderCopyDays: 90, journalYears: 7 });
    let yields = 0;
    const r = new Retention({ db, config, now: () => NOW, log: silentLogger, busy: () => false, batchSize: 100, yieldBetween: async () => void yields++ });
    const report = await r.run();

    expect(report).toMatchObject({ journal: 2, deviceEvents: 1_000, audit: 1, tickets: 1, complaints: 1, endOfDay: 1, interrupted: false });
    // Outbox: the two old payments' rows with their journal rows, id 5's delivered row, the old delivered complaint's.
    expect(report.outbox).toBe(3);
    expect(report.batches).toBeGreaterThanOrEqual(10); // 1,000 device events in batches of 100
    expect(yields).toBe(report.batches);

    const tx = new TransactionsRepo(db);
    expect([1, 2, 3, 4, 5, 6].map((n) => tx.get(id(n))?.state ?? 'pruned')).toEqual(['pruned', 'flagged', 'approved', 'pruned', 'approved', 'approved']);
    expect(new OutboxRepo(db).byTransaction(id(3))).toHaveLength(1); // the unposted payment's posting stays
    // Cardholder receipt lines: gone from the settled 100-day-old payment, kept on the recent and the unposted one.
    expect(tx.get(id(5))?.terminal).toMatchObject({ maskedPan: '************4242' });
    expect(tx.get(id(5))?.terminal?.printLines).toBeUndefined();
    expect(tx.get(id(6))?.terminal?.printLines).toHaveLength(2);
    expect(tx.get(id(3))?.terminal?.printLines).toHaveLength(2);
    expect(new OutboxRepo(db).byTransaction(id(5))).toHaveLength(0);
    expect(new OutboxRepo(db).byTransaction(id(6))).toHaveLength(1);
    expect(new AuditRepo(db).recent(10).map((a) => a.action)).toEqual(['retention.pruned', 'receipt.notPrinted', 'payment.flagged']);
    expect(count(db, 'device_events')).toBe(1);
    expect(count(db, 'tickets')).toBe(1);
    expect(count(db, 'end_of_day')).toBe(1);
    const records = new RecordsRepo(db);
    expect(records.complaint('0012512010001111')).toBeUndefined();
    expect(records.complaint('0012605250001222')?.complaint.text).toBeUndefined();
    expect(records.complaint('0012512010002333')).toMatchObject({ deliveryState: 'dead', trackingNumber: '0012512010002333' });
    expect(records.complaint('0012512010002333')?.complaint.text).toBeUndefined();
    expect(records.complaint('0012605310003444')?.complaint.text).toBe(SECRET_TEXT); // still to deliver

    // Nothing personal lingers in the file's free pages or the WAL (read while the kiosk has it open,
    // as it always does), except the one complaint still to deliver.
    const bytes = Buffer.concat([dir.file('kiosk.sqlite'), `${dir.file('kiosk.sqlite')}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    const occurrences = (s: string) => bytes.toString('latin1').split(s).length - 1;
    expect(occurrences(SECRET_TEXT)).toBe(2); // the pending complaint's row and its outbox payload
    expect(occurrences(SECRET_MOBILE)).toBe(2);
    expect(occurrences('CARDHOLDER-NAME-5f20')).toBe(2); // payments 3 (unposted) and 6 (recent)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // A second pass finds nothing more to do.
    const again = await new Retention({ db, config, now: () => NOW, log: silentLogger, busy: () => false }).run();
    expect(again).toMatchObject({ outbox: 0, audit: 0, deviceEvents: 0, complaints: 0, scrubbed: 0, tickets: 0, journal: 0, endOfDay: 0 });
  });

  it('stops between batches when a payment starts, and the next pass finishes the work', async () => {
    dir = tempDir('retention-busy');
    db = openDatabase(dir.file('kiosk.sqlite'));
    seed(db);
    let busy = false;
    let batches = 0;
    const r = new Retention({
      db, config: parseConfig({ demo: true }).retention, now: () => NOW, log: silentLogger, busy: () => busy, batchSize: 100,
      yieldBetween: async () => {
        // A visitor starts paying while the third batch of device events is being pruned.
        if (++batches === 3) busy = true;
      },
    });
    const first = await r.run();
    expect(first.interrupted).toBe(true);
    expect(first.batches).toBe(3);
    expect(count(db, 'device_events')).toBeGreaterThan(1);
    busy = false;
    const second = await r.run();
    expect(second.interrupted).toBe(false);
    expect(count(db, 'device_events')).toBe(1);
    expect(count(db, 'transactions')).toBe(4);
  });

  it('the payment journal keep is configurable in years; ages are validated', () => {
    expect(parseConfig({ demo: true, retention: { journalYears: 10 } }).retention).toMatchObject({ journalYears: 10, outboxDays: 90 });
    expect(() => parseConfig({ demo: true, retention: { auditDays: 0 } })).toThrow(/retention.auditDays/);
    expect(() => parseConfig({ demo: true, retention: { keepForever: true } })).toThrow(/retention/);
  });
});
