import { afterEach, describe, expect, it } from 'vitest';
import { ZvtTerminalSimulator } from '../../../../drivers/payment/zvt-sim/simulator.ts';
import { KWD, rig, simOptions, teardown, type Rig } from './pty-rig.ts';

/** The demo panel's "next payment" on the terminal simulator: one payment, then back to the rules. */
const rigs: Rig[] = [];
let sim: ZvtTerminalSimulator;

async function setup(): Promise<Rig> {
  sim = new ZvtTerminalSimulator({ ...simOptions });
  const r = await rig(sim, {});
  rigs.push(r);
  await r.driver.open();
  return r;
}

afterEach(async () => {
  for (const r of rigs.splice(0)) await teardown(r);
  await sim?.close();
});

describe('terminal simulator: the next payment chosen by hand', () => {
  it('decline, then the rules again; approve overrides a rule decline', async () => {
    const { driver } = await setup();
    sim.setNextPayment('decline');
    expect((await driver.authorize({ amountMinor: 1000, currencyNumeric: KWD, reference: 'D-1' })).kind).toBe('declined');
    expect(sim.nextPayment).toBeUndefined();
    expect((await driver.authorize({ amountMinor: 1000, currencyNumeric: KWD, reference: 'D-2' })).kind).toBe('approved');
    sim.setNextPayment('approve');
    expect((await driver.authorize({ amountMinor: 2013, currencyNumeric: KWD, reference: 'D-3' })).kind).toBe('approved');
  }, 30_000);

  it('"slow" waits longer for the card; "PIN" keeps the PIN pad up for at least twenty steps; both end approved', async () => {
    const { driver } = await setup();
    const run = async (ref: string) => {
      const seen: { code: string; at: number }[] = [];
      const out = await driver.authorize({ amountMinor: 500, currencyNumeric: KWD, reference: ref }, (p) => seen.push({ code: p.code, at: performance.now() }));
      const pinAt = seen.find((s) => s.code === 'enterPin')!.at;
      const after = seen.find((s) => s.at > pinAt && s.code !== 'enterPin')!.at;
      return { kind: out.kind, cardPrompts: seen.filter((s) => s.code === 'insertCard').length, pinMs: after - pinAt };
    };
    const plain = await run('P-0');
    sim.setNextPayment('slow');
    const slow = await run('P-1');
    sim.setNextPayment('pin');
    const pin = await run('P-2');
    expect([plain.kind, slow.kind, pin.kind]).toEqual(['approved', 'approved', 'approved']);
    expect(slow.cardPrompts).toBeGreaterThan(plain.cardPrompts);
    // A timer never fires early: twenty of the shortest step (5 ms) is a floor, whatever the load.
    expect(pin.pinMs).toBeGreaterThanOrEqual(100 - 5);
  }, 60_000);
});
