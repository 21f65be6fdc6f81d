import { randomUUID } from 'node:crypto';
import type { BenchRow } from './bench-types.ts';
import { openDatabase } from '../../main/store/database.ts';
import { TransactionsRepo } from '../../main/store/transactions-repo.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';
import { OutboxSender } from '../../main/outbox/outbox-sender.ts';
import { createGatewayClient } from '../../main/gateway/client.ts';
import { startDemoGateway } from '../../main/demo-gateway/server.ts';
import type { WirePosting } from '../../main/gateway/wire.ts';
import { silentLogger } from '../../main/log/logger.ts';
import { tempDir } from '../support/temp-dir.ts';
import { round } from './money-stats.ts';

const N = 10_000;
const WIDTH = 8;

const posting = (i: number, id = randomUUID()): WirePosting => ({
  transactionId: id, kioskId: 'KW-BENCH-01', paidAt: new Date().toISOString(), amount: { amountMinor: 1_000 + i, currency: 'KWD' },
  items: [{ kind: 'bill', reference: `BENCH-${i}`, amountMinor: 1_000 + i }],
  terminal: { terminalId: '52001234', traceNumber: (i % 999_999) + 1, receiptNumber: (i % 9_999) + 1, authCode: '123456' },
});

/**
 * 10,000 postings queued while the gateway was down, drained once it is back, against a plain
 * load client that posts 10,000 others to the same gateway with the same concurrency. Losses
 * and duplicates are counted at the gateway.
 */
export default async function moneyDrainBench(): Promise<BenchRow[]> {
  const dir = tempDir('bench-drain');
  const gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite') });
  const db = openDatabase(dir.file('kiosk.sqlite'));
  try {
    const outbox = new OutboxRepo(db);
    const transactions = new TransactionsRepo(db);
    const ids: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < N; i++) {
        const id = randomUUID();
        ids.push(id);
        transactions.insert({ id, kind: 'billPayment', amountMinor: 1_000 + i, currency: 'KWD', items: [], locale: 'ar', now: 'now' });
        transactions.setPostingState(id, 'pending', 'now');
        outbox.enqueue({ kind: 'payment', idempotencyKey: randomUUID(), transactionId: id, payload: posting(i, id), now: new Date().toISOString() });
      }
    })();
    const gateway = createGatewayClient({ baseUrl: gw.url, kioskId: 'KW-BENCH-01', timeoutMs: 5000 });
    const sender = new OutboxSender({
      db, outbox, transactions, gateway, log: silentLogger, now: () => new Date(), backoff: { baseMs: 50, capMs: 500 }, batchSize: WIDTH, onPostingChanged: () => undefined,
    });
    const t0 = performance.now();
    sender.wake();
    while (outbox.depth().pending > 0) await new Promise((r) => setTimeout(r, 5));
    const drainMs = performance.now() - t0;
    sender.stop();

    const counted = db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE state = ?').get('delivered') as { n: number };
    const atGateway = ids.reduce((n, id) => n + gw.store.postingsFor(id).length, 0);
    const distinct = gw.store.distinctPostedTransactions();

    // The plain load client: the same gateway, the same concurrency, no journal, no outbox.
    let next = 0;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: WIDTH }, async () => {
        while (next < N) {
          const i = next++;
          await gateway.postPayment(posting(i), randomUUID());
        }
      }),
    );
    const plainMs = performance.now() - t1;
    const ratio = drainMs / plainMs;
    return [
      { name: `drain ${N} queued postings, wall time`, value: round(drainMs / 1000, 2), unit: 's', goal: 'report', met: null },
      { name: `plain load client, ${N} postings, wall time`, value: round(plainMs / 1000, 2), unit: 's', goal: 'report', met: null },
      { name: 'drain / plain client ratio', value: round(ratio, 2), unit: 'x', goal: '<= 2x', met: ratio <= 2 },
      { name: 'postings lost (queued, not at the gateway)', value: N - Math.min(N, distinct, counted.n), unit: 'rows', goal: '0', met: N - Math.min(N, distinct, counted.n) === 0 },
      { name: 'postings duplicated at the gateway', value: atGateway - N, unit: 'rows', goal: '0', met: atGateway === N },
    ];
  } finally {
    db.close();
    await gw.close();
    dir.remove();
  }
}
