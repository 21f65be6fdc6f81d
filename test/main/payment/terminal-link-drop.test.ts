import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKiosk, type Kiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import type { Bill } from '../../../main/contract/api.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { startDemoGateway, type DemoGateway } from '../../../main/demo-gateway/server.ts';
import { openSerialTransport } from '../../../drivers/transport/serial-transport.ts';
import { createZvtSimulator, type ZvtTerminalSimulator } from '../../../drivers/payment/zvt/index.ts';
import { createPtyPair, type PtyPair } from '../../support/pty-pair.ts';
import { tempDir } from '../../support/temp-dir.ts';

// The cable between kiosk and terminal is pulled right after the terminal approved, before the
// kiosk heard the result, and plugged back in: the kiosk, through its real reconnecting serial
// transport, registers again at once, asks the terminal, and ends the payment approved — once.

let dir: ReturnType<typeof tempDir>;
let pty: PtyPair;
let sim: ZvtTerminalSimulator;
let kiosk: Kiosk;
let gw: DemoGateway;

const call = async <T,>(method: string, params: unknown): Promise<T> => {
  const r = await kiosk.dispatcher.dispatch(method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
};

async function until(cond: () => boolean, ms: number, what: string): Promise<number> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - start;
}

beforeEach(async () => {
  dir = tempDir('link-drop');
  pty = await createPtyPair('terminal');
  sim = createZvtSimulator(await openSerialTransport({ path: pty.devicePath, baudRate: 9600 }), { password: '000000', delayScale: 0.2, cardWaitRepeats: 0 });
  // A serial device means a remote gateway (config rule): the demo gateway as its own server.
  gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite') });
  kiosk = await createKiosk(
    parseConfig({
      demo: true,
      kioskId: 'KW-LINKDROP-01',
      kioskNumber: 4,
      gateway: { mode: 'remote', url: gw.url },
      dataDir: dir.path,
      connectivity: { probeIntervalMs: 200 },
      outbox: { baseMs: 50, capMs: 200 },
      devices: { terminal: { link: 'serial', path: pty.hostPath, baudRate: 9600 } },
    }),
    { log: silentLogger, devices: { serialRetryMs: 300 } },
  );
  await until(() => kiosk.devices.terminal.status().device === 'online', 10_000, 'terminal registered');
});

afterEach(async () => {
  await kiosk.close();
  await sim.close();
  await gw.close();
  await pty.close();
  dir.remove();
});

describe('terminal link dropped after approval, over a real pseudo-terminal', () => {
  it('ends approved, journaled once and posted once, within seconds, without a technician', async () => {
    await call('session.start', { locale: 'ar' });
    const { bill } = await call<{ bill: Bill }>('bill.lookup', { service: 'electricityWater', account: '100200304' });
    sim.injectFault('dropAfterApproval');
    const { transactionId } = await call<{ transactionId: string }>('payment.start', { payableIds: [bill.billId] });
    await until(() => sim.journal.some((e) => e.kind === 'payment' && e.approved), 10_000, 'terminal approved');
    // The cable is pulled before the kiosk hears the result…
    await pty.drop();
    await until(() => kiosk.devices.terminal.status().device !== 'online', 5_000, 'kiosk sees the link gone');
    await new Promise((r) => setTimeout(r, 500));
    // …and plugged back in.
    await pty.replug();
    sim.attach(await openSerialTransport({ path: pty.devicePath, baudRate: 9600 }));
    const took = await until(() => kiosk.transactions.get(transactionId)?.state === 'approved', 15_000, 'payment approved');
    expect(took).toBeLessThan(15_000);
    await until(() => kiosk.transactions.get(transactionId)?.postingState === 'delivered', 10_000, 'posting delivered');

    const approvals = sim.journal.filter((e) => e.kind === 'payment' && e.approved);
    expect(approvals).toHaveLength(1);
    expect(kiosk.transactions.get(transactionId)?.terminal).toMatchObject({ traceNumber: approvals[0]!.traceNumber, receiptNumber: approvals[0]!.receiptNumber });
    expect(gw.store.postingsFor(transactionId)).toHaveLength(1);
    expect(kiosk.outbox.byTransaction(transactionId)).toHaveLength(1);
    expect(kiosk.transactions.flagged()).toEqual([]);
  });

  it('a terminal restarted on a link that stayed open: registered again at once, nothing charged, the visitor tries again', async () => {
    await call('session.start', { locale: 'en' });
    const { bill } = await call<{ bill: Bill }>('bill.lookup', { service: 'telephone', account: '24810003' });
    sim.forgetRegistration();
    const first = await call<{ transactionId: string }>('payment.start', { payableIds: [bill.billId] });
    await kiosk.payments.settled();
    expect(kiosk.transactions.get(first.transactionId)).toMatchObject({ state: 'aborted', declineReason: 'terminalNotRegistered' });
    await until(() => sim.registered && kiosk.devices.terminal.status().device === 'online', 5_000, `re-registered (sim ${sim.registered}, terminal ${JSON.stringify(kiosk.devices.terminal.status())})`);
    const again = await call<{ transactionId: string }>('payment.start', { payableIds: [bill.billId] });
    await kiosk.payments.settled();
    expect(kiosk.transactions.get(again.transactionId)?.state).toBe('approved');
    expect(sim.journal.filter((e) => e.kind === 'payment' && e.approved)).toHaveLength(1);
  });
});
