import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/database.ts';
import { OutboxRepo } from '../../../main/store/outbox-repo.ts';
import { readSyncStatus } from '../../../main/connectivity/sync-status.ts';
import { ConnectivityMonitor } from '../../../main/connectivity/connectivity-monitor.ts';
import { silentLogger } from '../../../main/log/logger.ts';

describe('fleet sync status', () => {
  it('reports outbox depth, oldest pending age, dead letters and the last acknowledged sync', () => {
    const db = openDatabase(':memory:');
    const outbox = new OutboxRepo(db);
    const now = new Date('2026-11-22T10:00:00Z');
    expect(readSyncStatus({ outbox, online: true, now })).toMatchObject({ outboxDepth: 0, oldestPendingAgeMs: null, lastSuccessfulSyncAt: null });
    outbox.enqueue({ kind: 'ticket', idempotencyKey: 'k-00000001', payload: {}, now: '2026-11-22T09:58:00.000Z' });
    outbox.enqueue({ kind: 'ticket', idempotencyKey: 'k-00000002', payload: {}, now: '2026-11-22T09:59:00.000Z' });
    outbox.enqueue({ kind: 'ticket', idempotencyKey: 'k-00000003', payload: {}, now: '2026-11-22T09:59:30.000Z' });
    outbox.markDelivered(1, '2026-11-22T09:59:10.000Z');
    outbox.markDead(3, 'invalid', '2026-11-22T09:59:40.000Z');
    expect(readSyncStatus({ outbox, online: false, now })).toEqual({
      online: false, outboxDepth: 1, deadLetters: 1, oldestPendingAgeMs: 60_000, lastSuccessfulSyncAt: '2026-11-22T09:59:10.000Z', lastReachableAt: null,
    });
    db.close();
  });

  it('the monitor pushes online/offline changes once per change and remembers the last answer', () => {
    const m = new ConnectivityMonitor(async () => undefined, 1000, silentLogger);
    const changes: boolean[] = [];
    m.onChange((o) => changes.push(o));
    m.report(true);
    m.report(false);
    m.report(false);
    m.report(true);
    expect(changes).toEqual([false, true]);
    expect(m.lastReachableAt).toBeInstanceOf(Date);
  });
});
