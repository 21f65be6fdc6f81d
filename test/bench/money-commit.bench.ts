import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { BenchRow } from './bench-types.ts';
import { tempDir } from '../support/temp-dir.ts';
import { atMost, percentile, report, round, timeSyncMs } from './kit.ts';
import { openMoneyStore } from './money-rig.ts';

const N = 500;

/** Bytes this process has handed to write(2) so far (Linux /proc/self/io "wchar"). */
function bytesWritten(): number {
  const m = /^wchar:\s+(\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
  if (!m) throw new Error('money-commit bench: /proc/self/io has no wchar line');
  return Number(m[1]);
}

/**
 * Durable commit of a payment approval (journal state, posting state and its outbox row in one
 * WAL transaction, synchronous=FULL) against the disk doing the same amount of work: appending
 * exactly the bytes that commit wrote (counted by the kernel) to a file and fsyncing it.
 * Interleaved commit by commit, same directory, same run.
 */
export default async function moneyCommitBench(): Promise<BenchRow[]> {
  const dir = tempDir('bench-commit');
  const store = openMoneyStore(dir.file('kiosk.sqlite'));
  const fd = openSync(dir.file('append.bin'), 'a');
  try {
    const { db, transactions: tx, outbox } = store;
    const ids = Array.from({ length: N }, () => randomUUID());
    db.transaction(() => {
      for (const id of ids) {
        tx.insert({ id, kind: 'billPayment', amountMinor: 12_750, currency: 'KWD', items: [], locale: 'ar', now: 'now' });
        tx.transition(id, 'created', 'authorizing', 'now');
      }
    })();
    const terminal = { authCode: '123456', maskedPan: '************4242', receiptNumber: 1, traceNumber: 1, terminalId: '52001234', cardType: 'Visa', dateTime: 'now' };
    const approve = db.transaction((id: string) => {
      tx.transition(id, 'authorizing', 'approved', 'now', { terminal });
      tx.setPostingState(id, 'pending', 'now');
      outbox.enqueue({ kind: 'payment', idempotencyKey: randomUUID(), transactionId: id, payload: { transactionId: id }, now: 'now' });
    });
    const commits: number[] = [];
    const appends: number[] = [];
    const sizes: number[] = [];
    for (const id of ids) {
      const before = bytesWritten();
      commits.push(timeSyncMs(() => approve(id)).ms);
      const bytes = bytesWritten() - before;
      sizes.push(bytes);
      const buf = Buffer.alloc(bytes, 7);
      appends.push(timeSyncMs(() => (writeSync(fd, buf), fsyncSync(fd))).ms);
    }
    const r50 = percentile(commits, 50) / percentile(appends, 50);
    const r99 = percentile(commits, 99) / percentile(appends, 99);
    return [
      report('bytes written per approval commit, p50', percentile(sizes, 50), 'bytes'),
      report('bytes written per approval commit, max (a checkpoint, if any)', Math.max(...sizes), 'bytes'),
      report('baseline: append same bytes + fsync, p50', round(percentile(appends, 50)), 'ms'),
      report('baseline: append same bytes + fsync, p99', round(percentile(appends, 99)), 'ms'),
      report('durable approval commit (journal + outbox), p50', round(percentile(commits, 50)), 'ms'),
      report('durable approval commit (journal + outbox), p99', round(percentile(commits, 99)), 'ms'),
      atMost('commit / append+fsync, p50', round(r50, 2), 'x', 1.5),
      atMost('commit / append+fsync, p99', round(r99, 2), 'x', 2),
    ];
  } finally {
    closeSync(fd);
    store.close();
    dir.remove();
  }
}
