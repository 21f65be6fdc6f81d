import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoGateway, type DemoGateway } from '../../main/demo-gateway/server.ts';
import { openDatabase } from '../../main/store/database.ts';
import { TransactionsRepo } from '../../main/store/transactions-repo.ts';
import { openSerialTransport } from '../../drivers/transport/serial-transport.ts';
import { ZvtTerminalSimulator } from '../../drivers/payment/zvt-sim/simulator.ts';
import { createPtyPair } from '../support/pty-pair.ts';
import { tempDir } from '../support/temp-dir.ts';
import { runChild } from './crash-run.ts';

// Tried as a new user would: the terminal was replaced (or re-initialised) and its trace and
// receipt counters started again at 1, so its next approval carries the same numbers as an old,
// journaled one. The kiosk is killed right after that approval. After the restart the payment
// must end approved (or flagged for a person) — never aborted while the terminal holds the charge.

const dir = tempDir('crash-reset');
let gw: DemoGateway;
beforeAll(async () => {
  gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite') });
});
afterAll(async () => {
  await gw.close();
  dir.remove();
});

const fastSim = () => new ZvtTerminalSimulator({ delayScale: 0, cardWaitRepeats: 0, ecrReplyTimeoutMs: 1000, ackTimeoutMs: 400 });

describe('a terminal whose counters restarted, then a kill at approval', () => {
  it('ends approved and posted once, not mistaken for the old approval with the same numbers', async () => {
    const pty = await createPtyPair('reset');
    let sim = fastSim();
    sim.attach(await openSerialTransport({ path: pty.devicePath, baudRate: 9600 }));
    const env = { KHIDMA_CRASH_DB: dir.file('kiosk.sqlite'), KHIDMA_CRASH_TERMINAL: pty.hostPath, KHIDMA_CRASH_GATEWAY: gw.url };
    try {
      const before = await runChild({ ...env, KHIDMA_CRASH_AMOUNTS: '2250,2350' });
      expect(before.code, before.stderr).toBe(0);
      const oldFirst = sim.journal.find((e) => e.kind === 'payment' && e.approved)!;

      // The terminal is swapped: a new one, counters from 1.
      await sim.close();
      sim = fastSim();
      sim.attach(await openSerialTransport({ path: pty.devicePath, baudRate: 9600 }));
      const crashed = await runChild({ ...env, KHIDMA_CRASH_POINT: 'approvedNotJournaled', KHIDMA_CRASH_AMOUNTS: '2450' });
      expect(crashed.signal).toBe('SIGKILL');
      const charge = sim.journal.find((e) => e.kind === 'payment' && e.approved)!;
      expect([charge.traceNumber, charge.receiptNumber]).toEqual([oldFirst.traceNumber, oldFirst.receiptNumber]);

      const restarted = await runChild({ ...env, KHIDMA_CRASH_AMOUNTS: '' });
      expect(restarted.code, restarted.stderr).toBe(0);
      const db = openDatabase(dir.file('kiosk.sqlite'));
      const tx = new TransactionsRepo(db).inState('approved').concat(new TransactionsRepo(db).inState('flagged'), new TransactionsRepo(db).inState('aborted')).find((t) => t.amountMinor === 2450)!;
      db.close();
      expect(tx.state).not.toBe('aborted');
      expect(tx.state).toBe('approved');
      expect(tx.terminal).toMatchObject({ traceNumber: charge.traceNumber, receiptNumber: charge.receiptNumber });
      expect(gw.store.postingsFor(tx.id)).toHaveLength(1);
    } finally {
      await sim.close();
      await pty.close();
    }
  });
});
