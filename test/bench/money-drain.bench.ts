import { randomUUID } from 'node:crypto';
import type { BenchRow } from './bench-types.ts';
import { startDemoGateway } from '../../main/demo-gateway/server.ts';
import type { WirePosting } from '../../main/gateway/wire.ts';
import { tempDir } from '../support/temp-dir.ts';

type TempDir = ReturnType<typeof tempDir>;
import { atLeast, exactly, median, report, round, timeMs } from './kit.ts';
import { BENCH_KIOSK_ID, benchGatewayClient, openMoneyStore, outboxSender } from './money-rig.ts';

/** Postings per trial; short trials in many rounds, so a load swing on a shared machine hits both sides. */
const N = Number(process.env.KHIDMA_DRAIN_N ?? 1_000);
/** Rounds of (drain, plain) pairs; the order alternates each round so neither side always goes first. */
const ROUNDS = 10;
const WIDTH = 8;

const posting = (i: number, id: string): WirePosting => ({
  transactionId: id, kioskId: BENCH_KIOSK_ID, paidAt: new Date().toISOString(), amount: { amountMinor: 1_000 + i, currency: 'KWD' },
  items: [{ kind: 'bill', reference: `BENCH-${i}`, amountMinor: 1_000 + i }],
  terminal: { terminalId: '52001234', traceNumber: (i % 999_999) + 1, receiptNumber: (i % 9_999) + 1, authCode: '123456' },
});

interface DrainTrial { ms: number; lost: number; duplicated: number }

/** N postings queued while the gateway was down, drained by the product's outbox sender into a fresh gateway. */
async function drainTrial(dir: TempDir, round: number): Promise<DrainTrial> {
  const gw = await startDemoGateway({ dbFile: dir.file(`gw-drain-${round}.sqlite`) });
  const store = openMoneyStore(dir.file(`kiosk-${round}.sqlite`));
  try {
    const ids: string[] = [];
    store.db.transaction(() => {
      for (let i = 0; i < N; i++) {
        const id = randomUUID();
        ids.push(id);
        store.transactions.insert({ id, kind: 'billPayment', amountMinor: 1_000 + i, currency: 'KWD', items: [], locale: 'ar', now: 'now' });
        store.transactions.setPostingState(id, 'pending', 'now');
        store.outbox.enqueue({ kind: 'payment', idempotencyKey: randomUUID(), transactionId: id, payload: posting(i, id), now: new Date().toISOString() });
      }
    })();
    const sender = outboxSender(store, benchGatewayClient(gw.url), WIDTH);
    const { ms } = await timeMs(async () => {
      sender.wake();
      while (store.outbox.depth().pending > 0) await new Promise((r) => setTimeout(r, 5));
    });
    sender.stop();
    const delivered = (store.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE state = ?').get('delivered') as { n: number }).n;
    const atGateway = ids.reduce((n, id) => n + gw.store.postingsFor(id).length, 0);
    const distinct = gw.store.distinctPostedTransactions();
    return { ms, lost: N - Math.min(N, distinct, delivered), duplicated: atGateway - Math.min(atGateway, N) };
  } finally {
    store.close();
    await gw.close();
  }
}

/** The plain load client: the same gateway client, N postings, same concurrency, no journal, no outbox, fresh gateway. */
async function plainTrial(dir: TempDir, round: number): Promise<number> {
  const gw = await startDemoGateway({ dbFile: dir.file(`gw-plain-${round}.sqlite`) });
  try {
    const gateway = benchGatewayClient(gw.url);
    let next = 0;
    const { ms } = await timeMs(() =>
      Promise.all(
        Array.from({ length: WIDTH }, async () => {
          while (next < N) {
            const i = next++;
            await gateway.postPayment(posting(i, randomUUID()), randomUUID());
          }
        }),
      ),
    );
    return ms;
  } finally {
    await gw.close();
  }
}

/**
 * Drain vs the plain client, each on a fresh demo gateway of equal size (empty), interleaved over
 * ROUNDS rounds whose order alternates. Judged on the median of the rounds' paired ratios; the
 * pooled rates (N × ROUNDS / summed wall time) are reported too.
 */
export default async function moneyDrainBench(): Promise<BenchRow[]> {
  const dir = tempDir('bench-drain');
  try {
    const drains: DrainTrial[] = [];
    const plains: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2 === 0) {
        drains.push(await drainTrial(dir, r));
        plains.push(await plainTrial(dir, r));
      } else {
        plains.push(await plainTrial(dir, r));
        drains.push(await drainTrial(dir, r));
      }
    }
    const drainRate = (N * ROUNDS) / (drains.reduce((s, d) => s + d.ms, 0) / 1000);
    const plainRate = (N * ROUNDS) / (plains.reduce((s, ms) => s + ms, 0) / 1000);
    // Judged on each round's pair (run back to back), so drift in machine load cancels out.
    const paired = median(drains.map((d, r) => plains[r]! / d.ms));
    const lost = drains.reduce((s, d) => s + d.lost, 0);
    const duplicated = drains.reduce((s, d) => s + d.duplicated, 0);
    return [
      report(`outbox drain, ${N} queued postings × ${ROUNDS} rounds, rate`, round(drainRate, 0), 'postings/s'),
      report(`plain client, ${N} postings × ${ROUNDS} rounds (interleaved, fresh gateways), rate`, round(plainRate, 0), 'postings/s'),
      report('drain rate / plain client rate, pooled over all rounds', round(drainRate / plainRate, 2), 'x'),
      atLeast(`drain rate / plain client rate, median of ${ROUNDS} back-to-back pairs`, round(paired, 2), 'x', 0.8),
      exactly('postings lost (queued, not at the gateway)', lost, 'rows', 0),
      exactly('postings duplicated at the gateway', duplicated, 'rows', 0),
    ];
  } finally {
    dir.remove();
  }
}
