import { describe, expect, it } from 'vitest';
import type { LastTransaction, PaymentOutcome, PaymentTerminal, TerminalReceipt } from '../../../drivers/payment/terminal.ts';
import { createMoneyCore } from '../../crash/money-core.ts';
import { instantToLocal } from '../../../main/payment/terminal-time.ts';
import { flagReasonCode } from '../../../main/payment/reconcile.ts';

const receipt = (over: Partial<TerminalReceipt>): TerminalReceipt => ({
  amountMinor: 2_000, currencyNumeric: 414, traceNumber: 10, receiptNumber: 5, terminalId: '52001234', cardType: 'Visa', maskedPan: '************4242', authCode: '123456', dateTime: instantToLocal(Date.now(), 'Asia/Kuwait'), ...over,
});

/** A terminal whose authorization outcome is lost and whose last transaction is given. */
function terminal(last: LastTransaction, reverse: PaymentOutcome, calls: string[]): PaymentTerminal {
  return {
    open: async () => undefined,
    authorize: async () => (calls.push('authorize'), { kind: 'unknown', reason: 'linkLost' }),
    abort: async () => undefined,
    lastTransaction: async () => (calls.push('last'), last),
    reverse: async (n) => (calls.push(`reverse ${n}`), reverse),
    endOfDay: async () => ({ ok: true }),
    status: () => ({ device: 'online' }),
    onStatus: () => () => undefined,
    close: async () => undefined,
  };
}

function core(last: LastTransaction, reverse: PaymentOutcome = { kind: 'approved', receipt: receipt({ receiptNumber: 6 }) }) {
  const calls: string[] = [];
  return { calls, core: createMoneyCore({ dbFile: ':memory:', terminal: terminal(last, reverse, calls), gatewayUrl: 'http://127.0.0.1:9', wakeOnApproval: false, reconcile: { attempts: 1 } }) };
}

describe('reconciliation of an unknown outcome', () => {
  it('an approval of another amount is reversed, recorded aborted with an audit entry, never posted', async () => {
    const { core: c, calls } = core({ kind: 'approved', receipt: receipt({ amountMinor: 9_999 }) });
    const id = await c.pay(2_000);
    expect(c.transactions.get(id)).toMatchObject({ state: 'aborted', declineReason: expect.stringMatching(/^reversed/) });
    expect(calls).toEqual(['authorize', 'last', 'reverse 5']);
    expect(c.audit.recent(5, 'payment.reversed')[0]?.detail).toMatchObject({ transactionId: id, receiptNumber: 5 });
    expect(c.outbox.byTransaction(id)).toHaveLength(0);
    c.close();
  });

  it('a failed reversal leaves the payment flagged for a technician', async () => {
    const { core: c } = core({ kind: 'approved', receipt: receipt({ amountMinor: 9_999 }) }, { kind: 'unknown', reason: 'linkLost' });
    const id = await c.pay(2_000);
    expect(c.transactions.get(id)?.state).toBe('flagged');
    expect(c.audit.recent(5, 'payment.flagged')).toHaveLength(1);
    c.close();
  });

  it('an approval already in the journal (same trace and receipt) is not claimed twice', async () => {
    const r = receipt({});
    const calls: string[] = [];
    let first = true;
    const t = terminal({ kind: 'approved', receipt: r }, { kind: 'aborted', reason: 'x' }, calls);
    t.authorize = async () => (first ? ((first = false), { kind: 'approved', receipt: r }) : { kind: 'unknown', reason: 'linkLost' });
    const c = createMoneyCore({ dbFile: ':memory:', terminal: t, gatewayUrl: 'http://127.0.0.1:9', wakeOnApproval: false, reconcile: { attempts: 1 } });
    const a = await c.pay(2_000);
    const b = await c.pay(2_000);
    expect(c.transactions.get(a)?.state).toBe('approved');
    expect(c.transactions.get(b)).toMatchObject({ state: 'aborted', declineReason: expect.stringMatching(/already journaled/) });
    c.close();
  });

  it('a terminal that says nothing was approved: aborted, without re-sending the payment', async () => {
    const { core: c, calls } = core({ kind: 'notApproved', traceNumber: 11 });
    const id = await c.pay(2_000);
    expect(c.transactions.get(id)?.state).toBe('aborted');
    expect(calls.filter((x) => x === 'authorize')).toHaveLength(1);
    c.close();
  });
});

describe('why a payment waits, as a code a screen can say', () => {
  const flaggedReason = async (last: LastTransaction, reverse?: PaymentOutcome, dateTime?: string) => {
    const { core: c } = core(last.kind === 'approved' && dateTime ? { ...last, receipt: { ...last.receipt, dateTime } } : last, reverse);
    const id = await c.pay(2_000);
    const tx = c.transactions.get(id)!;
    c.close();
    expect(tx.state).toBe('flagged');
    return flagReasonCode(tx.declineReason);
  };
  it('each of the kiosk reasons maps to its own code', async () => {
    expect(await flaggedReason({ kind: 'unavailable', reason: 'linkLost' })).toBe('terminalSilent');
    // An approval of this amount from hours ago: its time is not this payment's.
    expect(await flaggedReason({ kind: 'approved', receipt: receipt({}) }, undefined, instantToLocal(Date.now() - 3 * 3600_000, 'Asia/Kuwait'))).toBe('timeOutside');
    expect(await flaggedReason({ kind: 'approved', receipt: receipt({ amountMinor: 9_999 }) }, { kind: 'declined', resultCode: 5, reason: 'no' })).toBe('reversalFailed');
    // Two payments of the same amount at the same minutes, one approval the terminal reports: only a person can tell whose.
    let last: LastTransaction = { kind: 'unavailable', reason: 'linkLost' };
    const t = terminal({ kind: 'none' }, { kind: 'aborted', reason: 'n/a' }, []);
    const c = createMoneyCore({ dbFile: ':memory:', terminal: { ...t, lastTransaction: async () => last }, gatewayUrl: 'http://127.0.0.1:9', wakeOnApproval: false, reconcile: { attempts: 1 } });
    const first = await c.pay(2_000);
    last = { kind: 'approved', receipt: receipt({ traceNumber: 77, receiptNumber: 41 }) };
    const second = await c.pay(2_000);
    expect(c.transactions.get(first)?.state).toBe('flagged');
    expect(flagReasonCode(c.transactions.get(second)!.declineReason)).toBe('rivalFlagged');
    c.close();
    expect(flagReasonCode(null)).toBe('other');
    expect(flagReasonCode('something new')).toBe('other');
  });
});
