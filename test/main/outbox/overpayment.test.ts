import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from '../../../main/store/database.ts';
import { OutboxRepo } from '../../../main/store/outbox-repo.ts';
import { TransactionsRepo } from '../../../main/store/transactions-repo.ts';
import { AuditRepo } from '../../../main/store/audit-repo.ts';
import { GatewayFlagsRepo } from '../../../main/store/gateway-flags-repo.ts';
import { AlertsRepo } from '../../../main/store/alerts-repo.ts';
import { OutboxSender } from '../../../main/outbox/outbox-sender.ts';
import { createGatewayClient } from '../../../main/gateway/client.ts';
import { startDemoGateway, type DemoGateway } from '../../../main/demo-gateway/server.ts';
import type { WirePosting } from '../../../main/gateway/wire.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { readSyncStatus } from '../../../main/connectivity/sync-status.ts';
import { tempDir } from '../../support/temp-dir.ts';

let dir: ReturnType<typeof tempDir>;
let db: Db;
let gw: DemoGateway;
let outbox: OutboxRepo;
let transactions: TransactionsRepo;
let sender: OutboxSender;

const BILL = { kind: 'bill' as const, reference: 'MOJ-2026000101-2026-08', amountMinor: 25_000 };

/** Journals an approved payment of the bill with its outbox row, as the payment service does. */
function paid(reference: string): string {
  const id = randomUUID();
  const now = new Date().toISOString();
  const posting: WirePosting = {
    transactionId: id, kioskId: 'KW-TEST-01', paidAt: now, amount: { amountMinor: 25_000, currency: 'KWD' }, items: [BILL],
    terminal: { terminalId: '52500001', traceNumber: 1, receiptNumber: 1, authCode: '123456' },
  };
  db.transaction(() => {
    transactions.insert({ id, kind: 'billPayment', amountMinor: 25_000, currency: 'KWD', items: [], locale: 'ar', now, reference });
    transactions.setPostingState(id, 'pending', now);
    outbox.enqueue({ kind: 'payment', idempotencyKey: randomUUID(), transactionId: id, payload: posting, now });
  })();
  return id;
}

beforeEach(async () => {
  dir = tempDir('overpaid');
  db = openDatabase(dir.file('k.sqlite'));
  outbox = new OutboxRepo(db);
  transactions = new TransactionsRepo(db);
  gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite') });
  sender = new OutboxSender({
    db, outbox, transactions, alerts: new AlertsRepo(db), gateway: createGatewayClient({ baseUrl: gw.url, kioskId: 'KW-TEST-01', timeoutMs: 2000 }),
    log: silentLogger, now: () => new Date(), backoff: { baseMs: 20, capMs: 100 }, onPostingChanged: () => undefined,
  });
});
afterEach(async () => {
  sender.stop();
  await gw.close();
  db.close();
  dir.remove();
});

describe('a payment the gateway flags as an overpayment', () => {
  it('is delivered, flagged durably on the transaction, audited as payment.overpaid, and listed', async () => {
    const first = paid('1001');
    const second = paid('1002');
    sender.wake();
    await expect.poll(() => outbox.depth().pending, { timeout: 10_000 }).toBe(0);
    expect(transactions.get(first)?.postingState).toBe('delivered');
    expect(transactions.get(second)?.postingState).toBe('delivered');
    expect(gw.store.credits()).toHaveLength(1);

    // Durable: another connection (a restarted kiosk) sees it.
    db.close();
    db = openDatabase(dir.file('k.sqlite'));
    const list = new GatewayFlagsRepo(db).overpaid();
    expect(list).toEqual([
      expect.objectContaining({ transactionId: second, reference: '1002', overpaidMinor: 25_000, currency: 'KWD', references: [BILL.reference], postingId: gw.store.postingsFor(second)[0]!.postingId }),
    ]);
    expect(readSyncStatus({ outbox: new OutboxRepo(db), online: true, now: new Date(), flags: new GatewayFlagsRepo(db) }).overpaidPayments).toBe(1);
    const audit = new AuditRepo(db).recent(10, 'payment.overpaid');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'gateway', detail: { transactionId: second, amountMinor: 25_000, currency: 'KWD', reason: 'alreadyPaid', references: [BILL.reference] } });
    // A refund or credit is owed: an open alert a technician and the fleet see.
    expect(new AlertsRepo(db).open()).toEqual([expect.objectContaining({ kind: 'payment.overpaid', severity: 'warning', subject: second })]);
  });

  it('an ack received again (a re-sent posting) is recorded once', () => {
    const id = paid('1003');
    const flags = new GatewayFlagsRepo(db);
    const o = { amountMinor: 25_000, reason: 'alreadyPaid' as const, references: [BILL.reference] };
    expect(flags.recordOverpayment(id, 'P-00000009', o, new Date().toISOString())).toBe(true);
    expect(flags.recordOverpayment(id, 'P-00000009', o, new Date().toISOString())).toBe(false);
    expect(flags.overpaid()).toHaveLength(1);
  });
});
