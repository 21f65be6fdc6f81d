import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKiosk, type Kiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import type { Bill, TechMoneyView } from '../../../main/contract/api.ts';
import type { Result } from '../../../main/contract/result.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { AuditRepo } from '../../../main/store/audit-repo.ts';
import { TechnicianAccounts } from '../../../main/technician/accounts.ts';
import { DEMO_TECHNICIAN } from '../../../main/technician/demo-mode.ts';
import { DEFAULT_SIM_CARD } from '../../../drivers/payment/zvt-sim/rules.ts';
import { tempDir } from '../../support/temp-dir.ts';

// The technician's money methods through the dispatcher and its guard, over the product's
// composition (real SQLite file, demo gateway on loopback, simulated terminal).

let dir: ReturnType<typeof tempDir>;
let kiosk: Kiosk;
const TECH_PIN = '135790';

const on = (conn: string) => ({ connection: { id: conn } });
const call = <T,>(method: string, params: unknown, conn = 'ws-tech'): Promise<Result<T>> => kiosk.dispatcher.dispatch(method, params, on(conn)) as Promise<Result<T>>;
async function must<T>(method: string, params: unknown, conn = 'ws-tech'): Promise<T> {
  const r = await call<T>(method, params, conn);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
async function until(cond: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A visitor pays one demo electricity bill; returns the transaction. */
async function payBill(account: string): Promise<string> {
  await must('session.start', { locale: 'en' }, 'ws-visitor');
  const { bill } = await must<{ bill: Bill }>('bill.lookup', { service: 'electricityWater', account }, 'ws-visitor');
  const { transactionId } = await must<{ transactionId: string }>('payment.start', { payableIds: [bill.billId] }, 'ws-visitor');
  await kiosk.payments.settled();
  await must('session.end', {}, 'ws-visitor');
  return transactionId;
}

beforeEach(async () => {
  dir = tempDir('tech-money');
  kiosk = await createKiosk(parseConfig({ demo: true, dataDir: dir.path, connectivity: { probeIntervalMs: 100 }, outbox: { baseMs: 50, capMs: 200 } }), {
    log: silentLogger,
    devices: { terminalSimulator: { delayScale: 0, cardWaitRepeats: 0 } },
  });
  await new TechnicianAccounts(kiosk.db).add('Tech One', 'technician', TECH_PIN);
});
afterEach(async () => {
  await kiosk.close();
  dir.remove();
});

describe('technician money methods', () => {
  it('need a technician session', async () => {
    expect(await call('tech.money', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call('tech.requeue', { rowId: 1, reason: 'fixed upstream' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('a dead posting is listed with its lane and requeued by a technician with a reason: delivered once, audited', async () => {
    // Only the payment postings are refused (the entity's validation), lookups work.
    kiosk.demoGateway!.setFault((path) => (path.startsWith('/v1/payments') ? { mode: 'reject' } : { mode: 'none' }));
    const id = await payBill('100200301');
    await until(() => kiosk.transactions.get(id)?.postingState === 'dead', 'posting dead');

    await must('tech.login', { pin: TECH_PIN });
    const view = await must<TechMoneyView>('tech.money', {});
    expect(view.canResolve).toBe(false);
    expect(view.lanes).toEqual([expect.objectContaining({ kind: 'payment', pending: 0, dead: 1 })]);
    const [dead] = view.deadLetters;
    expect(dead).toMatchObject({ kind: 'payment', transactionId: id, attempts: expect.any(Number), reason: expect.stringContaining('refused') });
    expect(dead!.localTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    kiosk.demoGateway!.setFault({ mode: 'none' });
    expect(await call('tech.requeue', { rowId: dead!.rowId, reason: 'no' })).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
    expect(await call('tech.requeue', { rowId: dead!.rowId, reason: 'entity fixed its validation' })).toEqual({ ok: true, value: null });
    await until(() => kiosk.transactions.get(id)?.postingState === 'delivered', 'delivered');
    expect(kiosk.demoGateway!.store.postingsFor(id)).toHaveLength(1);
    expect(new AuditRepo(kiosk.db).recent(5, 'outbox.requeued')[0]).toMatchObject({ actor: 'Tech One', detail: { rowId: dead!.rowId, reason: 'entity fixed its validation' } });
    expect(await call('tech.requeue', { rowId: dead!.rowId, reason: 'entity fixed its validation' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await must<TechMoneyView>('tech.money', {})).deadLetters).toEqual([]);
  }, 60_000);

  it("a flagged payment: the terminal's answer shown without card data; only a supervisor resolves it, a technician's attempt is refused and audited", async () => {
    // The terminal approves, then the link drops before it says so: the kiosk cannot tell.
    kiosk.devices.simulators.terminal!.injectFault('dropAfterApproval');
    const id = await payBill('100200302');
    await until(() => kiosk.transactions.get(id)?.state === 'flagged', 'flagged');

    await must('tech.login', { pin: TECH_PIN });
    const view = await must<TechMoneyView>('tech.money', {});
    const [f] = view.flagged;
    expect(f).toMatchObject({ transactionId: id, currency: 'KWD', reasonCode: 'terminalSilent', items: [{ kind: 'bill' }], terminalAnswer: { kind: 'unavailable' } });
    expect(JSON.stringify(view)).not.toContain('100200302');
    expect(JSON.stringify(view)).not.toContain(DEFAULT_SIM_CARD.maskedPan);

    expect(await call('tech.resolveFlagged', { transactionId: id, outcome: 'aborted', reason: 'journal shows no charge' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(kiosk.transactions.get(id)?.state).toBe('flagged');
    expect(new AuditRepo(kiosk.db).recent(5, 'payment.resolveRefused')[0]).toMatchObject({ actor: 'Tech One', detail: { transactionId: id, role: 'technician' } });
    // The terminal still cannot answer: asked again, it stays flagged (audited).
    expect(await must('tech.retryFlagged', { transactionId: id })).toEqual({ state: 'flagged' });
    expect(new AuditRepo(kiosk.db).recent(5, 'payment.retried')[0]).toMatchObject({ actor: 'Tech One' });
    await must('tech.logout', {});

    await must('tech.login', { pin: DEMO_TECHNICIAN.pin });
    expect((await must<TechMoneyView>('tech.money', {})).canResolve).toBe(true);
    // "Charged" needs the terminal's own approval of this amount; it has not given one.
    expect(await call('tech.resolveFlagged', { transactionId: id, outcome: 'approved', reason: 'visitor shows a slip' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await must('tech.resolveFlagged', { transactionId: id, outcome: 'aborted', reason: 'terminal journal shows no charge' })).toEqual({ state: 'aborted' });
    expect(new AuditRepo(kiosk.db).recent(5, 'payment.resolved')[0]).toMatchObject({ actor: DEMO_TECHNICIAN.name, detail: { transactionId: id, outcome: 'aborted', reason: 'terminal journal shows no charge' } });
    expect((await must<TechMoneyView>('tech.money', {})).flagged).toEqual([]);
    expect(await call('tech.retryFlagged', { transactionId: id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  }, 60_000);

  it('end of day on demand: compared with the journal, recorded, audited, and its report printed in the chosen language', async () => {
    await payBill('100200303');
    await must('tech.login', { pin: TECH_PIN });
    const eod = await must<TechMoneyView['endOfDay'][number]>('tech.endOfDay', {});
    expect(eod).toMatchObject({ ok: true, startedBy: 'technician', kioskCount: 1, terminalCount: 1, differenceMinor: 0, verdict: 'match' });
    expect(eod.terminalTotalMinor).toBe(eod.kioskTotalMinor);
    expect((await must<TechMoneyView>('tech.money', {})).endOfDay[0]).toEqual(eod);
    const printer = kiosk.devices.simulators.printer!;
    expect(await must('tech.printEndOfDay', { id: eod.id, locale: 'en' })).toEqual({ printed: true });
    expect(printer.decodedText().join('\n')).toMatch(/End of day/);
    expect(new AuditRepo(kiosk.db).recent(5, 'endOfDay.run')[0]).toMatchObject({ actor: 'Tech One', detail: { id: eod.id, ok: true, differenceMinor: 0 } });
    expect(await call('tech.printEndOfDay', { id: 9999, locale: 'ar' })).toMatchObject({ ok: false, error: { code: 'notFound' } });
  }, 60_000);
});
