import type { BenchRow } from './bench-types.ts';
import { startDemoGateway } from '../../main/demo-gateway/server.ts';
import { tempDir } from '../support/temp-dir.ts';
import { CRASH_POINTS, runCrashPoint } from '../crash/crash-run.ts';

const RUNS = 10;

/** The crash matrix, RUNS times per point: each run must keep every invariant of test/crash/. */
export default async function moneyCrashBench(): Promise<BenchRow[]> {
  const dir = tempDir('bench-crash');
  const gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite') });
  const rows: BenchRow[] = [];
  try {
    let seq = 0;
    for (const point of CRASH_POINTS) {
      let ok = 0;
      for (let i = 0; i < RUNS; i++) {
        const r = await runCrashPoint(point, gw, seq++);
        const good =
          r.crashed.signal === 'SIGKILL' && r.restarted.code === 0 && r.integrity === 'ok' && r.unjournaledApprovals === 0 &&
          r.postedOnce === r.approved && r.postedNotApproved === 0 && r.pendingOutbox === 0 && r.flagged === 0;
        if (good) ok++;
      }
      rows.push({ name: `crash at ${point}: runs keeping every invariant`, value: ok, unit: `of ${RUNS}`, goal: `${RUNS}`, met: ok === RUNS, kind: 'measured' });
    }
  } finally {
    await gw.close();
    dir.remove();
  }
  return rows;
}
