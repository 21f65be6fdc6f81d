import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { BenchRow } from './bench-types.ts';
import { openDatabase } from '../../main/store/database.ts';
import { TransactionsRepo } from '../../main/store/transactions-repo.ts';
import { OutboxRepo } from '../../main/store/outbox-repo.ts';
import { tempDir } from '../support/temp-dir.ts';
import { percentile, round } from './money-stats.ts';

const N = 500;

/**
 * Durable commit of a journal transition (the approval: state, posting state and its outbox row
 * in one WAL transaction with synchronous=FULL) against a raw write+fsync of the same size on
 * the same disk in the same run. The ratio says what SQLite adds on top of the disk's flush.
 */
export default async function moneyCommitBench(): Promise<BenchRow[]> {
  const dir = tempDir('bench-commit');
  try {
    const raw: number[] = [];
    const fd = openSync(dir.file('raw.bin'), 'w');
    const block = Buffer.alloc(4096, 7);
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      writeSync(fd, block, 0, block.length, (i % 64) * 4096);
      fsyncSync(fd);
      raw.push(performance.now() - t0);
    }
    closeSync(fd);

    const db = openDatabase(dir.file('kiosk.sqlite'));
    const tx = new TransactionsRepo(db);
    const outbox = new OutboxRepo(db);
    const ids = Array.from({ length: N }, () => randomUUID());
    db.transaction(() => {
      for (const id of ids) {
        tx.insert({ id, kind: 'billPayment', amountMinor: 12_750, currency: 'KWD', items: [], locale: 'ar', now: 'now' });
        tx.transition(id, 'created', 'authorizing', 'now');
      }
    })();
    const commits: number[] = [];
    const terminal = { authCode: '123456', maskedPan: '************4242', receiptNumber: 1, traceNumber: 1, terminalId: '52001234', cardType: 'Visa', dateTime: 'now' };
    for (const id of ids) {
      const t0 = performance.now();
      db.transaction(() => {
        tx.transition(id, 'authorizing', 'approved', 'now', { terminal });
        tx.setPostingState(id, 'pending', 'now');
        outbox.enqueue({ kind: 'payment', idempotencyKey: randomUUID(), transactionId: id, payload: { transactionId: id }, now: 'now' });
      })();
      commits.push(performance.now() - t0);
    }
    db.close();

    const ratio50 = percentile(commits, 50) / percentile(raw, 50);
    const ratio99 = percentile(commits, 99) / percentile(raw, 99);
    return [
      { name: 'raw write+fsync 4 KiB, p50', value: round(percentile(raw, 50)), unit: 'ms', goal: 'report', met: null },
      { name: 'raw write+fsync 4 KiB, p99', value: round(percentile(raw, 99)), unit: 'ms', goal: 'report', met: null },
      { name: 'durable approval commit (journal + outbox), p50', value: round(percentile(commits, 50)), unit: 'ms', goal: 'report', met: null },
      { name: 'durable approval commit (journal + outbox), p99', value: round(percentile(commits, 99)), unit: 'ms', goal: 'report', met: null },
      // WAL + synchronous=FULL costs one WAL fsync per commit, so about one raw fsync is the floor.
      { name: 'commit / raw fsync ratio, p50', value: round(ratio50, 2), unit: 'x', goal: 'report', met: null },
      { name: 'commit / raw fsync ratio, p99', value: round(ratio99, 2), unit: 'x', goal: 'report', met: null },
    ];
  } finally {
    dir.remove();
  }
}
