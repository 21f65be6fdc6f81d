import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LastTransaction, PaymentOutcome, PaymentTerminal, TerminalReceipt } from '../../../drivers/payment/terminal.ts';
import { startDemoGateway, type DemoGateway } from '../../../main/demo-gateway/server.ts';
import { TransitionError } from '../../../main/store/transactions-repo.ts';
import { instantToLocal } from '../../../main/payment/terminal-time.ts';
import { flagReasonCode } from '../../../main/payment/reconcile.ts';
import { createMoneyCore, type MoneyCore } from '../../crash/money-core.ts';
import { tempDir } from '../../support/temp-dir.ts';

// The technician's money methods over the product's money path, a real SQLite file and the
// demo gateway on loopback: dead letters requeued and delivered once, flagged payments resolved
// with an audit row, lanes, alerts, and the transition tables enforced where rows change.

let dir: ReturnType<typeof tempDir>;
let gw: DemoGateway;
let core: MoneyCore;
let last: LastTransaction;
let outcome: PaymentOutcome;

const receipt = (amountMinor: number, trace: number): TerminalReceipt => ({
  amountMinor, currencyNumeric: 414, traceNumber: trace, receiptNumber: trace, terminalId: '52001234', cardType: 'Visa', maskedPan: '************4242', authCode: '654321', dateTime: instantToLocal(Date.now(), 'Asia/Kuwait'),
});

const terminal: PaymentTerminal = {
  open: async () => undefined,
  authorize: async () => outcome,
  abort: async () => undefined,
  lastTransaction: async () => last,
  reverse: async () => ({ kind: 'aborted', reason: 'n/a' }),
  endOfDay: async () => ({ ok: true }),
  status: () => ({ device: 'online' }),
  onStatus: () => () => undefined,
  close: async () => undefined,
};

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeEach(async () => {
  dir = tempDir('desk');
  gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite') });
  core = createMoneyCore({ dbFile: dir.file('kiosk.sqlite'), terminal, gatewayUrl: gw.url, reconcile: { attempts: 1 } });
  outcome = { kind: 'approved', receipt: receipt(4_000, 7) };
  last = { kind: 'unavailable', reason: 'linkLost' };
});
afterEach(async () => {
  core.close();
  await gw.close();
  dir.remove();
});

describe('money desk', () => {
  it('a dead payment posting raises a critical alert; requeued with its reason it is delivered once, with the same key', async () => {
    gw.setFault({ mode: 'reject' });
    const id = await core.pay(4_000);
    await until(() => core.transactions.get(id)?.postingState === 'dead');
    const [dead] = core.desk.deadLetters();
    expect(dead).toMatchObject({ kind: 'payment', transactionId: id, reason: expect.stringContaining('refused') });
    expect(core.alerts.open()).toEqual([expect.objectContaining({ kind: 'payment.deadLetter', severity: 'critical', subject: String(dead!.rowId) })]);
    expect(core.desk.lanes()).toEqual([expect.objectContaining({ kind: 'payment', pending: 0, dead: 1 })]);
    const key = core.outbox.get(dead!.rowId)!.idempotencyKey;

    gw.setFault({ mode: 'none' });
    expect(() => core.desk.requeue(dead!.rowId, 'no', 'tech-1')).toThrow(/reason/);
    core.desk.requeue(dead!.rowId, 'entity fixed its validation', 'tech-1');
    await until(() => core.transactions.get(id)?.postingState === 'delivered');
    expect(gw.store.postingsFor(id)).toEqual([expect.objectContaining({ idempotencyKey: key })]);
    expect(core.audit.recent(5, 'outbox.requeued')[0]).toMatchObject({ actor: 'tech-1', detail: { rowId: dead!.rowId, reason: 'entity fixed its validation' } });
    expect(core.alerts.open()).toEqual([]);
    expect(core.alerts.recent()).toHaveLength(1);
    expect(() => core.desk.requeue(dead!.rowId, 'again please', 'tech-1')).toThrow(/not a dead letter/);
  });

  it("a flagged payment is listed with the terminal's answer, and resolved only with a reason, audited", async () => {
    outcome = { kind: 'unknown', reason: 'linkLost' };
    const id = await core.pay(5_500);
    expect(core.transactions.get(id)?.state).toBe('flagged');
    expect(core.desk.flagged()).toEqual([expect.objectContaining({ transactionId: id, amountMinor: 5_500, terminalAnswer: { kind: 'unavailable', reason: 'linkLost' } })]);
    expect(core.alerts.open()[0]).toMatchObject({ kind: 'payment.flagged', subject: id });

    // Approving needs the terminal's own approval of this amount.
    expect(() => core.desk.resolve(id, 'approved', 'journal shows it', 'sup-1')).toThrow(/terminal's own approval/);
    // The terminal answers now: asked again, it is this payment's approval.
    last = { kind: 'approved', receipt: receipt(5_500, 9) };
    expect(await core.desk.retry(id, 'tech-2')).toBe('approved');
    await core.drained();
    expect(gw.store.postingsFor(id)).toHaveLength(1);
    expect(core.audit.recent(5, 'payment.retried')[0]).toMatchObject({ actor: 'tech-2', detail: { transactionId: id, state: 'approved' } });
    expect(core.alerts.open()).toEqual([]);
  });

  it('a flagged payment resolved as not charged, with who and why', async () => {
    outcome = { kind: 'unknown', reason: 'linkLost' };
    const id = await core.pay(6_000);
    expect(() => core.desk.resolve(id, 'aborted', '', 'sup-1')).toThrow(/reason/);
    expect(core.desk.resolve(id, 'aborted', 'terminal journal shows no charge', 'sup-1')).toBe('aborted');
    expect(core.transactions.get(id)).toMatchObject({ state: 'aborted', resolved: { by: 'sup-1', reason: 'terminal journal shows no charge', outcome: 'aborted' } });
    expect(core.audit.recent(5, 'payment.resolved')[0]).toMatchObject({ actor: 'sup-1', detail: { transactionId: id, outcome: 'aborted' } });
    expect(() => core.desk.resolve(id, 'aborted', 'twice is wrong', 'sup-1')).toThrow(/not flagged/);
  });

  it('the journal refuses transitions its tables do not declare', async () => {
    const id = await core.pay(4_000);
    expect(core.transactions.get(id)?.state).toBe('approved');
    expect(() => core.transactions.transition(id, 'approved', 'aborted', 'now')).toThrow(TransitionError);
    expect(() => core.transactions.transition(id, 'authorizing', 'approved', 'now')).toThrow(TransitionError);
    expect(() => core.transactions.setPostingState(id, 'none', 'now')).toThrow(TransitionError);
    await core.drained();
    expect(() => core.transactions.setPostingState(id, 'dead', 'now')).toThrow(/posting cannot become dead from delivered/);
    expect(() => core.transactions.setReceiptState(id, 'failed', 'now')).toThrow(/receipt cannot become failed from printed/);
  });

  it("settling as charged is refused when the terminal's approval is already another payment's; it is shown so", async () => {
    outcome = { kind: 'unknown', reason: 'linkLost' };
    const a = await core.pay(4_250);
    expect(core.transactions.get(a)?.state).toBe('flagged');
    // A later payment of the same amount is approved normally: the terminal's last approval is now that one.
    const taken = receipt(4_250, 21);
    outcome = { kind: 'approved', receipt: taken };
    const b = await core.pay(4_250);
    expect(core.transactions.get(b)?.state).toBe('approved');
    last = { kind: 'approved', receipt: taken };
    expect(await core.desk.retry(a, 'tech-1')).toBe('flagged');
    const [f] = core.desk.flagged();
    expect(f).toMatchObject({ transactionId: a, answerTaken: true, terminalAnswer: { kind: 'approved' } });
    expect(flagReasonCode(f!.reason)).toBe('laterPayments');
    expect(() => core.desk.resolve(a, 'approved', 'slip shows 4.250', 'sup-1')).toThrow(/already payment/);
    await core.drained();
    expect(gw.store.postingsFor(a)).toEqual([]);
    expect(gw.store.postingsFor(b)).toHaveLength(1);
  });

  it('asked again, a terminal that now reports no charge settles nothing alone; a supervisor does; its earlier answer is kept if it cannot answer', async () => {
    outcome = { kind: 'unknown', reason: 'linkLost' };
    const id = await core.pay(3_300);
    // Its time is hours off: the approval stays for a person, and the answer is stored.
    last = { kind: 'approved', receipt: { ...receipt(3_300, 30), dateTime: instantToLocal(Date.now() - 5 * 3600_000, 'Asia/Kuwait') } };
    expect(await core.desk.retry(id, 'tech-1')).toBe('flagged');
    expect(core.desk.flagged()[0]?.terminalAnswer).toMatchObject({ kind: 'approved' });
    // The terminal cannot answer now: the approval it gave stays beside the payment.
    last = { kind: 'unavailable', reason: 'busy' };
    expect(await core.desk.retry(id, 'tech-1')).toBe('flagged');
    expect(core.desk.flagged()[0]?.terminalAnswer).toMatchObject({ kind: 'approved' });
    // Another terminal (or the same after its end of day) has nothing: still flagged, for a supervisor.
    last = { kind: 'none' };
    expect(await core.desk.retry(id, 'tech-1')).toBe('flagged');
    expect(flagReasonCode(core.transactions.get(id)!.declineReason)).toBe('noChargeNow');
    expect(core.audit.recent(5, 'payment.flagReason')[0]).toMatchObject({ actor: 'kiosk', detail: { transactionId: id } });
    expect(core.desk.resolve(id, 'aborted', 'terminal journal shows no charge', 'sup-1')).toBe('aborted');
  });
});

