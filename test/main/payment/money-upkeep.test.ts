import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKiosk, type Kiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import type { Bill } from '../../../main/contract/api.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { AuditRepo } from '../../../main/store/audit-repo.ts';
import { tempDir } from '../../support/temp-dir.ts';

// The housekeeping as the product wires it (compose.ts): embedded terminal and printer simulators.
let dir: ReturnType<typeof tempDir>;
let kiosk: Kiosk;

async function call<T>(method: string, params: unknown): Promise<T> {
  const r = await kiosk.dispatcher.dispatch(method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

beforeEach(async () => {
  dir = tempDir('upkeep');
  kiosk = await createKiosk(parseConfig({ demo: true, dataDir: dir.path, connectivity: { probeIntervalMs: 200 }, outbox: { baseMs: 50, capMs: 200 } }), { log: silentLogger });
});
afterEach(async () => {
  await kiosk.close();
  dir.remove();
});

async function payBill(account: string): Promise<string> {
  await call('session.start', { locale: 'en' });
  const { bill } = await call<{ bill: Bill }>('bill.lookup', { service: 'electricityWater', account });
  const { transactionId } = await call<{ transactionId: string }>('payment.start', { payableIds: [bill.billId] });
  await kiosk.payments.settled();
  await call('session.end', {});
  return transactionId;
}

describe('money upkeep in the composed kiosk', () => {
  it('a payment, its cardholder copy on paper, the reprint by reference, guesses refused, then an end of day that matches', async () => {
    const id = await payBill('100200301');
    const tx = kiosk.transactions.get(id)!;
    expect(tx.state).toBe('approved');
    expect(tx.reference).toMatch(/^\d{16}$/);
    const paper = kiosk.devices.simulators.printer!.decodedText().join('\n');
    expect(paper).toContain('CARDHOLDER COPY');
    expect(paper).toContain('AMOUNT KWD 18.250');

    // The visitor's reprint works; a stranger's guesses are slowed down kiosk-wide.
    expect(await call('receipt.reprint', { reference: tx.reference, cardLast4: tx.terminal!.maskedPan.slice(-4) })).toEqual({ printed: true });
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      // Another kiosk number, so never the real reference by chance.
      const guess = `9${tx.reference!.slice(1, 12)}${String(i).padStart(4, '0')}`;
      const r = await kiosk.dispatcher.dispatch('receipt.reprint', { reference: guess, cardLast4: '0000' });
      if (!r.ok) codes.push(r.error.code);
    }
    expect(codes.slice(0, 3)).toEqual(['notFound', 'notFound', 'notFound']);
    expect(codes.slice(4)).toEqual(['tooManyAttempts', 'tooManyAttempts']);
    const status = await kiosk.dispatcher.dispatch('complaint.status', { trackingNumber: '0019999999999999' });
    expect(status).toMatchObject({ ok: false, error: { code: 'tooManyAttempts', message: expect.stringMatching(/try again in \d+ s/) } });

    const eod = await kiosk.upkeep.endOfDay.run('technician');
    expect(eod).toMatchObject({ ok: true, terminalTotalMinor: 18_250, kioskTotalMinor: 18_250, differenceMinor: 0, kioskCount: 1 });
    expect(new AuditRepo(kiosk.db).recent(50).filter((a) => a.action.startsWith('alert.'))).toEqual([]);
    expect(await kiosk.upkeep.endOfDay.print(eod.id, 'ar')).toBe(true);
  }, 60_000);

  it('the end-of-day time and retention come from the config; "off" turns the schedule off', () => {
    expect(parseConfig({ demo: true }).paymentTerminal).toEqual({ password: '000000', endOfDayAt: '23:45' });
    expect(parseConfig({ demo: true, paymentTerminal: { endOfDayAt: 'off' } }).paymentTerminal.endOfDayAt).toBe('off');
    expect(() => parseConfig({ demo: true, paymentTerminal: { endOfDayAt: '7pm' } })).toThrow(/paymentTerminal.endOfDayAt/);
  });
});
