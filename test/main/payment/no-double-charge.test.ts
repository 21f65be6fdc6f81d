import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKiosk, type Kiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import type { Bill, Payable, PaymentView } from '../../../main/contract/api.ts';
import type { Result } from '../../../main/contract/result.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { DEMO_EW_ACCOUNTS, DEMO_JUSTICE_ACCOUNTS, DEMO_PACI_ACCOUNTS, DEMO_PHONE_ACCOUNTS } from '../../../main/demo-gateway/seed.ts';
import type { WirePosting } from '../../../main/gateway/wire.ts';
import { tempDir } from '../../support/temp-dir.ts';

// Tried as a new user would: the gateway's payment endpoint fails while lookups still answer.
// Visitors keep coming back to the same bills. Not one bill may be charged twice.

let dir: ReturnType<typeof tempDir>;
let kiosk: Kiosk;

const ACCOUNTS = [
  ...DEMO_EW_ACCOUNTS.map((a) => ['electricityWater', a] as const),
  ...DEMO_PHONE_ACCOUNTS.map((a) => ['telephone', a] as const),
  ...DEMO_PACI_ACCOUNTS.map((a) => ['paciFee', a] as const),
  ...DEMO_JUSTICE_ACCOUNTS.map((a) => ['justiceFee', a] as const),
];

const call = <T,>(method: string, params: unknown): Promise<Result<T>> => kiosk.dispatcher.dispatch(method, params) as Promise<Result<T>>;
async function must<T>(method: string, params: unknown): Promise<T> {
  const r = await call<T>(method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** A seeded pseudo-random sequence: the same run every time. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every bill reference the gateway has a posting for, with how many postings name it. */
function postingsPerBill(): Map<string, number> {
  const rows = kiosk.demoGateway!.store.db.prepare('SELECT body_json FROM postings').all() as { body_json: string }[];
  const count = new Map<string, number>();
  for (const r of rows) for (const i of (JSON.parse(r.body_json) as WirePosting).items) if (i.kind === 'bill') count.set(i.reference, (count.get(i.reference) ?? 0) + 1);
  return count;
}

async function open(terminalSimulator: { delayScale: number; cardWaitRepeats: number }): Promise<Kiosk> {
  return createKiosk(parseConfig({ demo: true, dataDir: dir.path, connectivity: { probeIntervalMs: 100 }, outbox: { baseMs: 50, capMs: 200 } }), {
    log: silentLogger,
    devices: { terminalSimulator },
  });
}

beforeEach(async () => {
  dir = tempDir('double-charge');
  kiosk = await open({ delayScale: 0, cardWaitRepeats: 0 });
});
afterEach(async () => {
  await kiosk.close();
  dir.remove();
});

describe('no second charge for the same payable', () => {
  it('60 visitors while only the payment endpoint fails: every bill charged at most once, each posted once when the network returns', async () => {
    kiosk.demoGateway!.setFault((path) => (path === '/v1/payments' ? { mode: 'error500' } : { mode: 'none' }));
    const random = rng(20261202);
    let paid = 0;
    let refusedAsPaidHere = 0;
    for (let visitor = 0; visitor < 60; visitor++) {
      await must('session.start', { locale: visitor % 2 ? 'en' : 'ar' });
      const [service, account] = ACCOUNTS[Math.floor(random() * ACCOUNTS.length)]!;
      const { bill, payable } = await must<{ bill: Bill; payable: Payable }>('bill.lookup', { service, account });
      // The gateway still says "outstanding"; the kiosk's own journal knows better.
      const tryPay = await call<{ transactionId: string }>('payment.start', { payableIds: [bill.billId] });
      if (payable.paidHere) {
        expect(payable.paidHere).toMatchObject({ state: 'paid', posting: 'pending' });
        expect(tryPay.ok).toBe(false);
        refusedAsPaidHere++;
      } else {
        expect(tryPay.ok, JSON.stringify(tryPay)).toBe(true);
        await kiosk.payments.settled();
        if (tryPay.ok) expect(kiosk.transactions.get(tryPay.value.transactionId)?.state).toBe('approved');
        paid++;
      }
      await must('session.end', {});
    }
    // Donations are never held: money keeps flowing for them (60+ payments in all).
    for (let i = 0; i < 8; i++) {
      await must('session.start', { locale: 'ar' });
      const d = await must<Payable>('donation.prepare', { fundId: 'zakat', amountMinor: 5_000 + i });
      await must('payment.start', { payableIds: [d.payableId] });
      await kiosk.payments.settled();
      await must('session.end', {});
      paid++;
    }
    expect(refusedAsPaidHere).toBeGreaterThan(20);
    expect(paid + refusedAsPaidHere).toBeGreaterThanOrEqual(60);
    expect(kiosk.demoGateway!.store.countPostings()).toBe(0);

    // The network returns: every approval posted exactly once, no bill twice.
    kiosk.demoGateway!.setFault({ mode: 'none' });
    await until(() => kiosk.outbox.depth().pending === 0, 30_000, 'outbox drained');
    const approved = kiosk.transactions.inState('approved');
    expect(approved).toHaveLength(paid);
    expect(kiosk.demoGateway!.store.countPostings()).toBe(paid);
    expect(kiosk.demoGateway!.store.distinctPostedTransactions()).toBe(paid);
    const perBill = postingsPerBill();
    expect([...perBill.values()].filter((n) => n > 1)).toEqual([]);
    // The terminal charged exactly what the journal approved.
    const charged = kiosk.devices.simulators.terminal!.journal.filter((e) => e.kind === 'payment' && e.approved);
    expect(charged).toHaveLength(paid);
    // After delivery, the same lookup shows the next month's bill (the gateway knows now).
    await must('session.start', { locale: 'en' });
    const [service, account] = ACCOUNTS[0]!;
    const { payable } = await must<{ payable: Payable }>('bill.lookup', { service, account });
    expect(payable.paidHere === undefined || payable.paidHere.posting === 'delivered').toBe(true);
  }, 180_000);

  it('a bill being paid (at the terminal) cannot be started again by another session', async () => {
    // A terminal at demo speed, waiting for the card: the first payment is at the terminal a while.
    await kiosk.close();
    kiosk = await open({ delayScale: 1, cardWaitRepeats: 6 });
    await must('session.start', { locale: 'ar' });
    const { bill } = await must<{ bill: Bill }>('bill.lookup', { service: 'electricityWater', account: '100200305' });
    const first = await call<{ transactionId: string }>('payment.start', { payableIds: [bill.billId] });
    expect(first.ok).toBe(true);
    // Another visitor (a second session racing for the same bill) looks it up meanwhile.
    await must('session.start', { locale: 'en' });
    const again = await must<{ payable: Payable }>('bill.lookup', { service: 'electricityWater', account: '100200305' });
    expect(again.payable.paidHere?.state).toBe('inProgress');
    const second = await call('payment.start', { payableIds: [bill.billId] });
    expect(second.ok).toBe(false);
    await kiosk.payments.settled();
    expect(kiosk.devices.simulators.terminal!.journal.filter((e) => e.kind === 'payment')).toHaveLength(1);
  });

  it('the journal refuses a second hold on one bill even when both sessions fetched it first', async () => {
    await must('session.start', { locale: 'ar' });
    const { bill } = await must<{ bill: Bill }>('bill.lookup', { service: 'telephone', account: '24810002' });
    const view = await must<{ transactionId: string }>('payment.start', { payableIds: [bill.billId] });
    await kiosk.payments.settled();
    expect(kiosk.transactions.get(view.transactionId)?.state).toBe('approved');
    // The same session still holds the payable in memory only if nothing removed it: the core refuses anyway.
    kiosk.sessions.rememberPayable({ payableId: bill.billId, kind: 'bill', reference: bill.billId, entity: bill.entity, label: bill.entity, amount: bill.amount });
    const r = await call('payment.start', { payableIds: [bill.billId] });
    expect(r).toMatchObject({ ok: false, error: { code: 'alreadyPaid' } });
    expect(kiosk.devices.simulators.terminal!.journal.filter((e) => e.kind === 'payment')).toHaveLength(1);
  });

  it("one visitor sees only their own payments: after session.end another connection cannot read or print it", async () => {
    const mine = { connection: { id: 'page-1' } };
    const other = { connection: { id: 'page-2' } };
    await kiosk.dispatcher.dispatch('session.start', { locale: 'ar' }, mine);
    const found = await kiosk.dispatcher.dispatch('bill.lookup', { service: 'paciFee', account: '700100003' }, mine);
    const bill = (found as { ok: true; value: { bill: Bill } }).value.bill;
    const started = (await kiosk.dispatcher.dispatch('payment.start', { payableIds: [bill.billId] }, mine)) as { ok: true; value: { transactionId: string } };
    await kiosk.payments.settled();
    const id = started.value.transactionId;
    expect(await kiosk.dispatcher.dispatch('payment.get', { transactionId: id }, mine)).toMatchObject({ ok: true });
    // Another page, while the visitor is still there: not theirs.
    expect(await kiosk.dispatcher.dispatch('payment.get', { transactionId: id }, other)).toMatchObject({ ok: false, error: { code: 'notFound' } });
    await kiosk.dispatcher.dispatch('session.end', {}, mine);
    // A fresh connection with a new session after the visitor left: nothing to read or print.
    await kiosk.dispatcher.dispatch('session.start', { locale: 'en' }, other);
    expect(await kiosk.dispatcher.dispatch('payment.get', { transactionId: id }, other)).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(await kiosk.dispatcher.dispatch('receipt.print', { transactionId: id }, other)).toMatchObject({ ok: false, error: { code: 'notFound' } });
    const view = kiosk.transactions.get(id);
    expect(view?.state).toBe('approved');
  });

  it('payment events reach only the connection whose session started the payment', async () => {
    const seen: Record<string, string[]> = { mine: [], other: [] };
    const sessions: Record<string, string | undefined> = {};
    for (const who of ['mine', 'other'] as const) {
      kiosk.events.subscribe((event, payload, scope) => {
        if (scope && scope.sessionId !== sessions[who]) return;
        if (event === 'payment.updated') seen[who]!.push((payload as PaymentView).state);
      });
    }
    const mine = { connection: { id: 'page-1' } as { id: string; sessionId?: string } };
    await kiosk.dispatcher.dispatch('session.start', { locale: 'ar' }, mine);
    sessions.mine = mine.connection.sessionId;
    const found = (await kiosk.dispatcher.dispatch('bill.lookup', { service: 'justiceFee', account: '2026000102' }, mine)) as { ok: true; value: { bill: Bill } };
    await kiosk.dispatcher.dispatch('payment.start', { payableIds: [found.value.bill.billId] }, mine);
    await kiosk.payments.settled();
    expect(seen.mine).toContain('approved');
    expect(seen.other).toEqual([]);
  });
});
