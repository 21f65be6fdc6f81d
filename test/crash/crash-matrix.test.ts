import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoGateway, type DemoGateway } from '../../main/demo-gateway/server.ts';
import { tempDir } from '../support/temp-dir.ts';
import { CRASH_POINTS, runCrashPoint } from './crash-run.ts';

const dir = tempDir('crash-gw');
let gw: DemoGateway;
beforeAll(async () => {
  gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite') });
});
afterAll(async () => {
  await gw.close();
  dir.remove();
});

describe('crash matrix: the core killed with SIGKILL at each point of the payment path', () => {
  it.each(CRASH_POINTS.map((p, i) => [p, i] as const))('%s: after restart every approval is journaled and posted exactly once', async (point, i) => {
    const r = await runCrashPoint(point, gw, i);
    expect(r.crashed.signal, r.crashed.stderr).toBe('SIGKILL');
    expect(r.restarted.code, r.restarted.stderr).toBe(0);
    expect(r.integrity).toBe('ok');
    expect(r.unjournaledApprovals).toBe(0);
    expect(r.postedOnce).toBe(r.approved);
    expect(r.postedNotApproved).toBe(0);
    expect(r.pendingOutbox).toBe(0);
    expect(r.flagged).toBe(0);
    // The restart's own payment, plus the crashed one when the terminal had approved it.
    const terminalApproved = point !== 'migration' && point !== 'beforeTerminal';
    expect(r.approved).toBe(terminalApproved ? 2 : 1);
    if (point !== 'migration') expect(r.states.declined).toBe(1);
  });
});
