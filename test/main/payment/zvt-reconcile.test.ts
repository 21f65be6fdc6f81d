import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSerialTransport } from '../../../drivers/transport/serial-transport.ts';
import type { Transport } from '../../../drivers/transport/transport.ts';
import { ZvtPaymentTerminal } from '../../../drivers/payment/zvt/driver.ts';
import { ZvtTerminalSimulator } from '../../../drivers/payment/zvt-sim/simulator.ts';
import { startDemoGateway, type DemoGateway } from '../../../main/demo-gateway/server.ts';
import { createPtyPair, type PtyPair } from '../../support/pty-pair.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { createMoneyCore, type MoneyCore } from '../../crash/money-core.ts';

// The kiosk's money path (store, payment service, outbox, demo gateway) against the real ZVT
// simulator over a real pseudo-terminal pair, both ends opened through node-serialport.
let dir: ReturnType<typeof tempDir>;
let pty: PtyPair;
let gw: DemoGateway;
let sim: ZvtTerminalSimulator;
let host: Transport;
let device: Transport;
let terminal: ZvtPaymentTerminal;
let core: MoneyCore;

beforeEach(async () => {
  dir = tempDir('zvt-reconcile');
  pty = await createPtyPair('zvt-kiosk');
  gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite') });
  sim = new ZvtTerminalSimulator({ delayRangeMs: [2, 6], cardWaitRepeats: 0, ecrReplyTimeoutMs: 1000, ackTimeoutMs: 400 });
  device = await openSerialTransport({ path: pty.devicePath, baudRate: 9600 });
  sim.attach(device);
  host = await openSerialTransport({ path: pty.hostPath, baudRate: 9600 });
  terminal = new ZvtPaymentTerminal(host, { password: '000000', currencyNumeric: 414, timeouts: { ackMs: 400, charMs: 200, commandAnswerMs: 1000, completionMs: 1500 } });
  await terminal.open();
  core = createMoneyCore({ dbFile: dir.file('kiosk.sqlite'), terminal, gatewayUrl: gw.url, reconcile: { attempts: 2, retryDelayMs: 200 } });
});

afterEach(async () => {
  core.close();
  await terminal.close();
  await sim.close();
  await device.close().catch(() => undefined);
  await gw.close();
  await pty.close();
  dir.remove();
});

/** The terminal dropped its end of the cable: plug it back in once it journaled the approval. */
async function replugAfterApproval(): Promise<void> {
  const end = Date.now() + 5000;
  while (!sim.journal.some((e) => e.kind === 'payment' && e.approved)) {
    if (Date.now() > end) throw new Error('the terminal never approved');
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, 50)); // let the simulator finish closing its port
  device = await openSerialTransport({ path: pty.devicePath, baudRate: 9600 });
  sim.attach(device);
}

describe('ZVT reconciliation through the kiosk over a real pty pair', () => {
  it('dropAfterApproval: the unknown outcome is resolved by asking the terminal; recorded approved once, posted once', async () => {
    sim.injectFault('dropAfterApproval');
    const paying = core.pay(4_750);
    await replugAfterApproval();
    const id = await paying;
    await core.drained();

    const tx = core.transactions.get(id)!;
    const approval = sim.journal.find((e) => e.kind === 'payment' && e.approved)!;
    expect(tx.state).toBe('approved');
    expect(tx.terminal).toMatchObject({ receiptNumber: approval.receiptNumber, traceNumber: approval.traceNumber });
    expect(tx.postingState).toBe('delivered');
    // Never resent: the terminal saw one payment; the gateway holds one posting of it.
    expect(sim.journal.filter((e) => e.kind === 'payment')).toHaveLength(1);
    expect(gw.store.postingsFor(id)).toHaveLength(1);
    expect(core.outbox.byTransaction(id)).toHaveLength(1);
    expect(core.audit.recent(10, 'payment.reconciled.approved')).toHaveLength(1);

    // The next visitor pays normally, and that approval is not mistaken for the earlier one.
    const next = await core.pay(1_250);
    await core.drained();
    expect(core.transactions.get(next)?.state).toBe('approved');
    expect(gw.store.countPostings()).toBe(2);
  });

  it('a terminal that hangs without approving: its last transaction is the earlier, journaled one, so aborted, nothing posted', async () => {
    expect(core.transactions.get(await core.pay(1_000))?.state).toBe('approved');
    sim.injectFault('timeout');
    const id = await core.pay(3_000);
    expect(core.transactions.get(id)?.state).toBe('aborted');
    expect(core.outbox.byTransaction(id)).toHaveLength(0);
    expect(gw.store.postingsFor(id)).toHaveLength(0);
  });

  it('a terminal with nothing to repeat gives no evidence: flagged, never taken as "nothing charged"', async () => {
    sim.injectFault('timeout');
    const id = await core.pay(3_000);
    const tx = core.transactions.get(id)!;
    expect(tx.state).toBe('flagged');
    expect(tx.terminalAnswer).toEqual({ kind: 'unavailable', reason: 'noStatusInformation' });
  });

  it('a terminal that never comes back: flagged for a technician, with an audit entry, never posted', async () => {
    sim.injectFault('dropAfterApproval');
    const id = await core.pay(6_000);
    const tx = core.transactions.get(id)!;
    expect(tx.state).toBe('flagged');
    expect(core.transactions.flagged().map((t) => t.id)).toEqual([id]);
    const [entry] = core.audit.recent(10, 'payment.flagged');
    expect(entry?.detail).toMatchObject({ transactionId: id, amountMinor: 6_000 });
    expect(core.outbox.byTransaction(id)).toHaveLength(0);

    // The technician re-plugs the terminal and asks again: now it is resolved, and posted once.
    device = await openSerialTransport({ path: pty.devicePath, baudRate: 9600 });
    sim.attach(device);
    expect(await core.payments.retryFlagged(id)).toBe('approved');
    await core.drained();
    expect(gw.store.postingsFor(id)).toHaveLength(1);
  });
});
