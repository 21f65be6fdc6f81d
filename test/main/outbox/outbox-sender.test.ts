import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from '../../../main/store/database.ts';
import { OutboxRepo } from '../../../main/store/outbox-repo.ts';
import { TransactionsRepo } from '../../../main/store/transactions-repo.ts';
import { OutboxSender } from '../../../main/outbox/outbox-sender.ts';
import { createGatewayClient } from '../../../main/gateway/client.ts';
import { startDemoGateway, type DemoGateway } from '../../../main/demo-gateway/server.ts';
import type { WirePosting } from '../../../main/gateway/wire.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { tempDir } from '../../support/temp-dir.ts';

let dir: ReturnType<typeof tempDir>;
let db: Db;
let gw: DemoGateway;
let sender: OutboxSender;
let outbox: OutboxRepo;
let transactions: TransactionsRepo;
const changed: string[] = [];

function posting(txId: string, reference = 'EW-100200300-2026-08'): WirePosting {
  return {
    transactionId: txId,
    kioskId: 'KW-TEST-01',
    paidAt: new Date().toISOString(),
    amount: { amountMinor: 12_750, currency: 'KWD' },
    items: [{ kind: 'bill', reference, amountMinor: 12_750 }],
    terminal: { terminalId: '52500001', traceNumber: 1, receiptNumber: 1, authCode: '123456' },
  };
}

function enqueue(): string {
  const id = randomUUID();
  db.transaction(() => {
    transactions.insert({ id, kind: 'billPayment', amountMinor: 12_750, currency: 'KWD', items: [], locale: 'ar', now: new Date().toISOString() });
    transactions.setPostingState(id, 'pending', 'now');
    outbox.enqueue({ kind: 'payment', idempotencyKey: randomUUID(), transactionId: id, payload: posting(id), now: new Date().toISOString() });
  })();
  return id;
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeEach(async () => {
  dir = tempDir('outbox');
  db = openDatabase(dir.file('k.sqlite'));
  outbox = new OutboxRepo(db);
  transactions = new TransactionsRepo(db);
  gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite') });
  changed.length = 0;
  sender = new OutboxSender({
    db,
    outbox,
    transactions,
    gateway: createGatewayClient({ baseUrl: gw.url, kioskId: 'KW-TEST-01', timeoutMs: 1000 }),
    log: silentLogger,
    now: () => new Date(),
    backoff: { baseMs: 20, capMs: 100 },
    onPostingChanged: (id) => changed.push(id),
  });
});

afterEach(async () => {
  sender.stop();
  await gw.close();
  db.close();
  dir.remove();
});

describe('outbox sender against the demo gateway', () => {
  it('delivers queued postings in order and marks them only after the ack', async () => {
    const ids = [enqueue(), enqueue(), enqueue()];
    sender.wake();
    await until(() => outbox.depth().pending === 0);
    expect(changed).toEqual(ids);
    expect(gw.store.countPostings()).toBe(3);
    for (const id of ids) expect(transactions.get(id)?.postingState).toBe('delivered');
  });

  it('keeps rows while the gateway is down and delivers each exactly once when it returns', async () => {
    await gw.stop();
    const ids = [enqueue(), enqueue()];
    sender.wake();
    await until(() => (outbox.head()?.attempts ?? 0) >= 2);
    expect(outbox.depth().pending).toBe(2);
    expect(outbox.head()?.lastError).toMatch(/unreachable/);
    await gw.start();
    sender.wake();
    await until(() => outbox.depth().pending === 0);
    for (const id of ids) expect(gw.store.postingsFor(id)).toHaveLength(1);
  });

  it('re-sends with the same key after a reset that followed the commit, and the gateway dedupes', async () => {
    gw.setFault({ mode: 'resetAfterCommit' });
    const id = enqueue();
    sender.wake();
    await until(() => (outbox.head()?.attempts ?? 0) >= 1);
    gw.setFault({ mode: 'none' });
    await until(() => outbox.depth().pending === 0);
    expect(gw.store.postingsFor(id)).toHaveLength(1);
    expect(outbox.byTransaction(id)[0]?.attempts).toBeGreaterThanOrEqual(1);
  });

  it('parks a posting the gateway rejects as invalid, without blocking the ones behind it', async () => {
    const bad = randomUUID();
    db.transaction(() => {
      transactions.insert({ id: bad, kind: 'billPayment', amountMinor: 1, currency: 'KWD', items: [], locale: 'ar', now: 'now' });
      transactions.setPostingState(bad, 'pending', 'now');
      outbox.enqueue({ kind: 'payment', idempotencyKey: randomUUID(), transactionId: bad, payload: { nonsense: true }, now: new Date().toISOString() });
    })();
    const good = enqueue();
    sender.wake();
    await until(() => outbox.depth().pending === 0);
    expect(outbox.byTransaction(bad)[0]?.state).toBe('dead');
    expect(outbox.byTransaction(bad)[0]?.lastError).toBeTruthy();
    expect(transactions.get(bad)?.postingState).toBe('dead');
    expect(gw.store.postingsFor(good)).toHaveLength(1);
  });
});
