import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../../drivers/status.ts';
import type { PaymentProgressCode } from '../../../../drivers/payment/terminal.ts';
import { ZvtPaymentTerminal } from '../../../../drivers/payment/zvt/driver.ts';
import { ZvtTerminalSimulator } from '../../../../drivers/payment/zvt-sim/simulator.ts';
import { FAST, KWD, ptyLink, rig, simOptions, teardown, type Rig } from './pty-rig.ts';

/** Driver against the terminal simulator over a real pseudo-terminal pair (socat). */
const rigs: Rig[] = [];
let sim: ZvtTerminalSimulator;

async function setup(options = {}, config = {}): Promise<Rig> {
  sim = new ZvtTerminalSimulator({ ...simOptions, ...options });
  const r = await rig(sim, config);
  rigs.push(r);
  await r.driver.open();
  return r;
}

afterEach(async () => {
  for (const r of rigs.splice(0)) await teardown(r);
  await sim?.close();
});

describe('ZVT driver ↔ simulator over a pty pair', () => {
  it('registers, then approves a payment with the receipt data from 04 0F', async () => {
    const { driver } = await setup();
    expect(driver.status()).toEqual({ device: 'online' });
    expect(driver.terminalId).toBe('52001234');
    const progress: PaymentProgressCode[] = [];
    const statuses: DeviceStatus['device'][] = [];
    driver.onStatus((s) => statuses.push(s.device));
    const out = await driver.authorize({ amountMinor: 1250, currencyNumeric: KWD, reference: 'K-1' }, (p) => progress.push(p.code));
    const entry = sim.journal.at(-1)!;
    expect(out).toEqual({
      kind: 'approved',
      receipt: {
        amountMinor: 1250, currencyNumeric: KWD, traceNumber: entry.traceNumber, receiptNumber: entry.receiptNumber,
        terminalId: '52001234', cardType: 'Visa', maskedPan: '************4242', authCode: entry.authCode,
        dateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
        printLines: expect.arrayContaining(['CARDHOLDER COPY', 'AMOUNT KWD 1.250', '************4242']),
      },
    });
    // The cardholder copy the terminal sent (06 D1) travels with the approval, for the kiosk's receipt.
    if (out.kind === 'approved') expect(out.receipt.printLines).toEqual([...driver.lastPrintLines]);
    expect(progress).toEqual(['insertCard', 'insertCard', 'enterPin', 'processing', 'removeCard']);
    expect(statuses).toEqual(['busy', 'online']);
    expect(driver.lastPrintLines.join('\n')).toContain(`RCPT ${String(entry.receiptNumber).padStart(4, '0')}`);
  });

  it('declines by rule (minor units ending in 13) with the result code and reason', async () => {
    const { driver } = await setup();
    const out = await driver.authorize({ amountMinor: 2013, currencyNumeric: KWD, reference: 'K-2' });
    expect(out).toEqual({ kind: 'declined', resultCode: 5, reason: 'declined by authorisation host (5)' });
    expect(await driver.lastTransaction()).toEqual({ kind: 'notApproved', traceNumber: sim.journal.at(-1)!.traceNumber, resultCode: 5 });
  });

  it('aborts on the visitor cancel (06 B0 in answer to an intermediate status)', async () => {
    const { driver } = await setup({ cardWaitRepeats: 50 });
    let asked = false;
    const out = await driver.authorize({ amountMinor: 900, currencyNumeric: KWD, reference: 'K-3' }, (p) => {
      if (p.code === 'insertCard' && !asked) {
        asked = true;
        void driver.abort();
      }
    });
    expect(out).toEqual({ kind: 'aborted', reason: 'abort via timeout or abort key' });
    expect(sim.journal).toHaveLength(0);
    expect(driver.status().device).toBe('online');
  });

  it('reports an abort made on the terminal (06 1E 6C)', async () => {
    const { driver } = await setup();
    sim.injectFault('visitorAbort');
    const out = await driver.authorize({ amountMinor: 900, currencyNumeric: KWD, reference: 'K-4' });
    expect(out.kind).toBe('aborted');
  });

  it('returns unknown when the terminal falls silent, and does not resend the payment', async () => {
    const { driver } = await setup();
    sim.injectFault('timeout');
    const before = sim.commandsReceived;
    const out = await driver.authorize({ amountMinor: 500, currencyNumeric: KWD, reference: 'K-5' });
    expect(out).toEqual({ kind: 'unknown', reason: 'completionTimeout' });
    expect(sim.commandsReceived - before).toBe(1);
  });

  it('link drop after approval → unknown; over a fresh link lastTransaction() finds the approval', async () => {
    const { driver } = await setup();
    sim.injectFault('dropAfterApproval');
    const before = sim.commandsReceived;
    const out = await driver.authorize({ amountMinor: 4750, currencyNumeric: KWD, reference: 'K-6' });
    // A pty (like a pulled RS-232 cable) may not report the drop: then T4 expires instead.
    expect(out).toEqual({ kind: 'unknown', reason: expect.stringMatching(/^(linkLost|completionTimeout)$/) });
    expect(sim.commandsReceived - before).toBe(1);
    const approved = sim.journal.at(-1)!;
    expect(approved).toMatchObject({ kind: 'payment', approved: true, amountMinor: 4750 });

    // Reconnect: a fresh pty pair, the same terminal (journal kept), a new driver instance.
    const fresh = await ptyLink();
    sim.attach(fresh.device);
    const again = new ZvtPaymentTerminal(fresh.host, { password: '000000', currencyNumeric: KWD, timeouts: FAST });
    rigs.push({ ...fresh, driver: again });
    await again.open();
    const last = await again.lastTransaction();
    expect(last.kind).toBe('approved');
    if (last.kind !== 'approved') return;
    expect(last.receipt).toMatchObject({
      amountMinor: 4750, traceNumber: approved.traceNumber, receiptNumber: approved.receiptNumber, currencyNumeric: KWD,
    });
    // Reconciliation asked; it never paid again.
    expect(sim.journal.filter((e) => e.kind === 'payment')).toHaveLength(1);
  });
});
