import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startKioskRig, typeOnKeyboard, type KioskRig } from '../support/kiosk-rig.ts';
import { signInTechnician } from '../support/technician.ts';
import { openSerialTransport } from '../../drivers/transport/serial-transport.ts';
import type { Bill } from '../../main/contract/api.ts';
import { AuditRepo } from '../../main/store/audit-repo.ts';
import { DEMO_TECHNICIAN } from '../../main/technician/demo-mode.ts';

// The money desk by touch, in Chromium against the real core over pseudo-terminals: a posting
// the entity refused is requeued and delivered once; a payment the kiosk could not settle
// (the terminal's clock is in UTC, so its approval falls outside the payment's minutes) is
// settled by a supervisor beside the terminal's answer, with an audit row; then the day is closed.

async function until(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('technician money desk', () => {
  let rig: KioskRig;
  let page: Page;
  let deadTx: string;
  let flaggedTx: string;
  const visitor = { connection: { id: 'ws-visitor' } };
  const must = async <T,>(method: string, params: unknown): Promise<T> => {
    const r = await rig.kiosk.dispatcher.dispatch(method, params, visitor);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const startPayment = async (account: string): Promise<string> => {
    await must('session.start', { locale: 'en' });
    const { bill } = await must<{ bill: Bill }>('bill.lookup', { service: 'electricityWater', account });
    return (await must<{ transactionId: string }>('payment.start', { payableIds: [bill.billId] })).transactionId;
  };

  beforeAll(async () => {
    // A terminal whose clock runs on UTC instead of Kuwait time (a real misconfiguration).
    rig = await startKioskRig({}, { timeZone: 'UTC' });
    const gw = rig.kiosk.demoGateway!;
    const tx = (id: string) => rig.kiosk.transactions.get(id);

    // 1. The entity refuses the posting: a dead letter.
    gw.setFault((path) => (path.startsWith('/v1/payments') ? { mode: 'reject' } : { mode: 'none' }));
    deadTx = await startPayment('100200301');
    await until(() => tx(deadTx)?.postingState === 'dead', 'posting dead');
    await rig.kiosk.payments.settled();
    gw.setFault({ mode: 'none' });
    await must('session.end', {});

    // 2. Approved at the terminal, then the cable is pulled before the kiosk hears it.
    const sim = rig.terminalSim;
    sim.injectFault('dropAfterApproval');
    flaggedTx = await startPayment('100200302');
    await until(() => sim.journal.some((e) => e.kind === 'payment' && e.approved && e.amountMinor === tx(flaggedTx)?.amountMinor), 'terminal approved');
    await rig.terminalPty.drop();
    await until(() => tx(flaggedTx)?.state === 'flagged', 'flagged while the terminal is gone');
    await must('session.end', {});
    await rig.terminalPty.replug();
    sim.attach(await openSerialTransport({ path: rig.terminalPty.devicePath, baudRate: 9600 }));
    // Back, the terminal is asked again on its own: its approval's time (UTC) is not this payment's, so it stays for a person.
    await until(() => rig.kiosk.desk.flagged()[0]?.terminalAnswer?.kind === 'approved', 'terminal asked again');
    expect(tx(flaggedTx)?.state).toBe('flagged');
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('shows the lanes, the dead letter and the flagged payment beside the terminal answer, in both languages', async () => {
    page = await rig.newPage();
    // From the attract screen (the only place the gesture works), in Arabic; then English.
    await signInTechnician(page, DEMO_TECHNICIAN.pin);
    await page.getByTestId('tech-tab-money').tap();
    await expect.poll(() => page.getByTestId('money-lane-payment').textContent()).toContain('عملية واحدة تعذّر إرسالها');
    await page.screenshot({ path: 'test-output/tech-money-ar.png', fullPage: true });
    await page.getByTestId('tech-language').tap();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    const lane = page.getByTestId('money-lane-payment');
    await expect.poll(() => lane.getAttribute('data-dead')).toBe('1');
    expect(await lane.textContent()).toContain('1 could not be sent');
    expect(await page.getByTestId('money-dead-reason').textContent()).toMatch(/refused/);

    const card = page.getByTestId('money-flagged');
    expect(await card.getAttribute('data-transaction')).toBe(flaggedTx);
    expect(await card.getByTestId('money-terminal-answer').getAttribute('data-kind')).toBe('approved');
    expect(await card.getByTestId('money-terminal-amount').textContent()).toBe(await card.getByTestId('money-kiosk-amount').textContent());
    expect(await card.getByTestId('money-flag-reason').getAttribute('data-code')).toBe('timeOutside');
    expect(await card.getByTestId('money-flag-reason').textContent()).toMatch(/check the terminal's clock/);
    const text = (await page.getByTestId('tech-root').textContent()) ?? '';
    for (const secret of ['100200301', '100200302', '4242']) expect(text).not.toContain(secret);
    await page.screenshot({ path: 'test-output/tech-money-en.png', fullPage: true });
  }, 60_000);

  it('requeues the dead letter with a reason typed on the on-screen keyboard: delivered once, audited', async () => {
    const gw = rig.kiosk.demoGateway!;
    const key = rig.kiosk.outbox.byTransaction(deadTx)[0]!.idempotencyKey;
    await page.getByTestId('money-requeue').tap();
    const confirm = page.getByTestId('money-reason-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await typeOnKeyboard(page, 'entity fixed');
    await confirm.tap();
    await expect.poll(() => page.getByTestId('money-note').textContent()).toContain('Back in its queue');
    await until(() => rig.kiosk.transactions.get(deadTx)?.postingState === 'delivered', 'delivered');
    expect(gw.store.postingsFor(deadTx)).toEqual([expect.objectContaining({ idempotencyKey: key })]);
    expect(new AuditRepo(rig.kiosk.db).recent(5, 'outbox.requeued')[0]).toMatchObject({ actor: DEMO_TECHNICIAN.name, detail: { reason: 'entity fixed' } });
    await expect.poll(() => page.getByTestId('money-no-dead').isVisible()).toBe(true);
  }, 60_000);

  it('a supervisor settles the flagged payment as charged, with the reason audited; posted once', async () => {
    const gw = rig.kiosk.demoGateway!;
    await page.getByTestId('money-resolve-approved').tap();
    await typeOnKeyboard(page, 'slip trace matches');
    await page.getByTestId('money-reason-confirm').tap();
    await expect.poll(() => page.getByTestId('money-note').textContent()).toContain('Settled as charged');
    expect(rig.kiosk.transactions.get(flaggedTx)).toMatchObject({ state: 'approved', resolved: { by: DEMO_TECHNICIAN.name, outcome: 'approved', reason: 'slip trace matches' } });
    expect(new AuditRepo(rig.kiosk.db).recent(5, 'payment.resolved')[0]).toMatchObject({ actor: DEMO_TECHNICIAN.name, detail: { transactionId: flaggedTx, outcome: 'approved', reason: 'slip trace matches' } });
    await until(() => rig.kiosk.transactions.get(flaggedTx)?.postingState === 'delivered', 'delivered');
    expect(gw.store.postingsFor(flaggedTx)).toHaveLength(1);
    await expect.poll(() => page.getByTestId('money-no-flagged').isVisible()).toBe(true);
    // Two approvals at the terminal, two payments in the journal.
    expect(rig.terminalSim.journal.filter((e) => e.kind === 'payment' && e.approved)).toHaveLength(2);
  }, 60_000);

  it('closes the day: the terminal and kiosk totals side by side, the report printed', async () => {
    await page.getByTestId('money-eod-run').tap();
    const row = page.getByTestId('money-eod').first();
    await expect.poll(() => row.getAttribute('data-verdict'), { timeout: 20_000 }).toBe('match');
    expect(await row.getByTestId('money-eod-terminal-total').textContent()).toBe(await row.getByTestId('money-eod-kiosk-total').textContent());
    const [eod] = rig.kiosk.upkeep.endOfDay.repo.recent(1);
    expect(eod).toMatchObject({ startedBy: 'technician', kioskCount: 2, terminalCount: 2, differenceMinor: 0 });
    const cuts = rig.printerSim.cuts;
    await row.getByTestId('money-eod-print').tap();
    await expect.poll(() => page.getByTestId('money-eod-note').textContent()).toContain('Report printed');
    expect(rig.printerSim.cuts).toBe(cuts + 1);
    await page.screenshot({ path: 'test-output/tech-money-settled-en.png', fullPage: true });
  }, 60_000);
});
