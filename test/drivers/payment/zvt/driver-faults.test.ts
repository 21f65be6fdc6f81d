import { afterEach, describe, expect, it } from 'vitest';
import { ZvtTerminalSimulator } from '../../../../drivers/payment/zvt-sim/simulator.ts';
import { KWD, rig, simOptions, teardown, type Rig } from './pty-rig.ts';

/** Transport faults, reversal and end of day: driver against the simulator over a pty pair. */
const rigs: Rig[] = [];
let sim: ZvtTerminalSimulator;

async function setup(options = {}, config = {}, open = true): Promise<Rig> {
  sim = new ZvtTerminalSimulator({ ...simOptions, ...options });
  const r = await rig(sim, config);
  rigs.push(r);
  if (open) await r.driver.open();
  return r;
}

afterEach(async () => {
  for (const r of rigs.splice(0)) await teardown(r);
  await sim?.close();
});

const pay = (amountMinor: number) => ({ amountMinor, currencyNumeric: KWD, reference: `R-${amountMinor}` });

describe('ZVT link faults over a pty pair', () => {
  it('noAck on a payment: unknown, sent once, nothing journaled', async () => {
    const { driver } = await setup();
    sim.injectFault('noAck');
    const before = sim.commandsReceived;
    expect(await driver.authorize(pay(1000))).toEqual({ kind: 'unknown', reason: 'noAck' });
    expect(sim.commandsReceived).toBe(before);
    expect(sim.journal).toHaveLength(0);
    // Nothing to repeat comes as a completion without status information: missing evidence, not "nothing charged".
    expect(await driver.lastTransaction()).toEqual({ kind: 'unavailable', reason: 'noStatusInformation' });
  });

  it('noAck at registration: resent (not money), so one lost frame is survived', async () => {
    const { driver } = await setup({}, {}, false);
    sim.injectFault('noAck', { count: 2 });
    await driver.open();
    expect(driver.status()).toEqual({ device: 'online' });
  });

  it('a silent terminal fails open() and reports offline', async () => {
    const { driver } = await setup({}, {}, false);
    sim.injectFault('noAck', { count: 10 });
    await expect(driver.open()).rejects.toThrow(/noResponse/);
    expect(driver.status()).toEqual({ device: 'offline', detail: 'noResponse' });
  });

  it('NAK storm: the payment frame is refused 1 + 3 times → aborted (never reached the terminal), hwError', async () => {
    const { driver } = await setup();
    sim.injectFault('nakStorm');
    expect(await driver.authorize(pay(1000))).toEqual({ kind: 'aborted', reason: 'frameRejected' });
    expect(driver.status()).toEqual({ device: 'hwError', detail: 'linkErrors' });
    expect(sim.journal).toHaveLength(0);
    // The storm is over: the next payment goes through and the status recovers.
    expect((await driver.authorize(pay(1000))).kind).toBe('approved');
    expect(driver.status()).toEqual({ device: 'online' });
  });

  it('bad CRC from the terminal: NAKed, resent by the terminal, payment still approved', async () => {
    const { driver } = await setup();
    sim.injectFault('badCrc', { count: 2 });
    const out = await driver.authorize(pay(3000));
    expect(out.kind).toBe('approved');
  });

  it('wrong password: registration refused (84 xx) → open() rejects, hwError', async () => {
    const { driver } = await setup({ password: '123456' }, {}, false);
    await expect(driver.open()).rejects.toThrow(/refused/);
    expect(driver.status()).toEqual({ device: 'hwError', detail: 'registrationRefused' });
    expect(await driver.authorize(pay(100))).toEqual({ kind: 'aborted', reason: 'terminalNotRegistered' });
  });
});

describe('ZVT reversal and end of day over a pty pair', () => {
  it('reverses an approved payment once, then refuses a second reversal', async () => {
    const { driver } = await setup();
    const paid = await driver.authorize(pay(1500));
    if (paid.kind !== 'approved') throw new Error(`expected approval, got ${paid.kind}`);
    const rev = await driver.reverse(paid.receipt.receiptNumber);
    expect(rev.kind).toBe('approved');
    if (rev.kind !== 'approved') return;
    expect(rev.receipt.amountMinor).toBe(1500);
    expect(rev.receipt.traceNumber).toBeGreaterThan(paid.receipt.traceNumber);
    expect(rev.receipt.receiptNumber).toBeGreaterThan(paid.receipt.receiptNumber);
    expect(await driver.reverse(paid.receipt.receiptNumber)).toEqual({
      kind: 'declined', resultCode: 0xb4, reason: 'already reversed',
    });
  });

  it('end of day totals the unreversed approvals since the last one', async () => {
    const { driver } = await setup();
    await driver.authorize(pay(1000));
    await driver.authorize(pay(2500));
    await driver.authorize(pay(713)); // declined by rule
    const third = await driver.authorize(pay(400));
    if (third.kind === 'approved') await driver.reverse(third.receipt.receiptNumber);
    expect(await driver.endOfDay()).toEqual({ ok: true, totalMinor: 3500, count: 2, resultCode: 0, terminalId: '52001234' });
    expect(await driver.endOfDay()).toEqual({ ok: true, totalMinor: 0, count: 0, resultCode: 0, terminalId: '52001234' });
  });

  it('answers a status enquiry', async () => {
    const { driver } = await setup();
    expect(await driver.statusEnquiry()).toBe(true);
  });
});
