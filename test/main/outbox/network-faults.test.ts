import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from '../../../main/store/database.ts';
import { OutboxRepo } from '../../../main/store/outbox-repo.ts';
import { TransactionsRepo } from '../../../main/store/transactions-repo.ts';
import { OutboxSender } from '../../../main/outbox/outbox-sender.ts';
import { createGatewayClient } from '../../../main/gateway/client.ts';
import { startDemoGateway, type DemoFault, type DemoGateway } from '../../../main/demo-gateway/server.ts';
import type { WirePosting } from '../../../main/gateway/wire.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { tempDir } from '../../support/temp-dir.ts';

const N = 1000;
const dir = tempDir('netfaults');
let db: Db;
let gw: DemoGateway;

beforeAll(async () => {
  db = openDatabase(dir.file('k.sqlite'));
  gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite') });
});
afterAll(async () => {
  await gw.close();
  db.close();
  dir.remove();
});

/** Deterministic faults (mulberry32), so a failure replays. */
function faults(seed: number): () => DemoFault {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => {
    const r = rnd();
    if (r < 0.12) return { mode: 'down' };
    if (r < 0.22) return { mode: 'error500' };
    if (r < 0.27) return { mode: 'delay', ms: 300 }; // beyond the client's timeout, before the commit
    if (r < 0.37) return { mode: 'resetAfterCommit' };
    if (r < 0.42) return { mode: 'slow', ms: 300 }; // committed, body after the client's timeout
    if (r < 0.47) return { mode: 'slow', ms: 5 }; // slow but in time
    return { mode: 'none' };
  };
}

describe('outbox under network faults', () => {
  it(`${N} postings with random faults (down, 5xx, timeout, reset after commit, slow): exactly ${N} distinct postings, none twice`, async () => {
    const outbox = new OutboxRepo(db);
    const transactions = new TransactionsRepo(db);
    const now = new Date().toISOString();
    db.transaction(() => {
      for (let i = 0; i < N; i++) {
        const id = randomUUID();
        transactions.insert({ id, kind: 'billPayment', amountMinor: 1_000 + i, currency: 'KWD', items: [], locale: 'ar', now });
        transactions.setPostingState(id, 'pending', now);
        const posting: WirePosting = {
          transactionId: id, kioskId: 'KW-TEST-01', paidAt: now, amount: { amountMinor: 1_000 + i, currency: 'KWD' },
          items: [{ kind: 'bill', reference: `NF-${i}`, amountMinor: 1_000 + i }],
          terminal: { terminalId: '52001234', traceNumber: i + 1, receiptNumber: (i % 9999) + 1, authCode: '123456' },
        };
        outbox.enqueue({ kind: 'payment', idempotencyKey: randomUUID(), transactionId: id, payload: posting, now });
      }
    })();
    gw.setFault(faults(42));
    const sender = new OutboxSender({
      db, outbox, transactions, log: silentLogger, now: () => new Date(),
      gateway: createGatewayClient({ baseUrl: gw.url, kioskId: 'KW-TEST-01', timeoutMs: 150 }),
      backoff: { baseMs: 2, capMs: 20 },
      onPostingChanged: () => undefined,
    });
    sender.wake();
    const end = Date.now() + 60_000;
    while (outbox.depth().pending > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    sender.stop();
    // Let requests still in flight on the gateway finish before counting.
    gw.setFault({ mode: 'none' });
    await new Promise((r) => setTimeout(r, 400));

    expect(outbox.depth().pending).toBe(0);
    expect(gw.store.countPostings()).toBe(N);
    expect(gw.store.distinctPostedTransactions()).toBe(N);
    expect(transactions.inState('created').every((t) => t.postingState === 'delivered')).toBe(true);
    // The faults really happened and were retried.
    const retried = (db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE attempts > 0').get() as { n: number }).n;
    expect(retried).toBeGreaterThan(N / 5);
    expect(gw.served.get(0) ?? 0).toBeGreaterThan(0);
  }, 180_000);

  it('a large backlog against a dead gateway: a handful of requests per backoff period, not the whole backlog', async () => {
    const outbox = new OutboxRepo(db);
    const now = new Date().toISOString();
    for (let i = 0; i < 200; i++) outbox.enqueue({ kind: 'ticket', idempotencyKey: randomUUID(), payload: { ticketId: randomUUID(), request: {} }, now });
    gw.served.clear();
    gw.setFault({ mode: 'down' });
    const sender = new OutboxSender({
      db, outbox, transactions: new TransactionsRepo(db), log: silentLogger, now: () => new Date(),
      gateway: createGatewayClient({ baseUrl: gw.url, kioskId: 'KW-TEST-01', timeoutMs: 150 }),
      backoff: { baseMs: 100, capMs: 100 },
      onPostingChanged: () => undefined,
    });
    sender.wake();
    await new Promise((r) => setTimeout(r, 250));
    sender.stop();
    const requests = gw.served.get(0) ?? 0;
    expect(requests).toBeGreaterThan(0);
    // The breaker trips after 8 failures in a row; a window of 8 may be in flight when it does: about 3 periods fit in 250 ms.
    expect(requests).toBeLessThanOrEqual(4 * 16);
    expect(outbox.laneDepth('ticket').pending).toBe(200);
    gw.setFault({ mode: 'none' });
  });
});
