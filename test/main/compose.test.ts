import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKiosk, type Kiosk } from '../../main/compose.ts';
import { parseConfig } from '../../main/config.ts';
import type { Bill, PaymentView } from '../../main/contract/api.ts';
import { silentLogger } from '../../main/log/logger.ts';
import { tempDir } from '../support/temp-dir.ts';
import { startDemoGateway } from '../../main/demo-gateway/server.ts';

let dir: ReturnType<typeof tempDir>;
let kiosk: Kiosk;

async function call<T>(method: string, params: unknown): Promise<T> {
  const r = await kiosk.dispatcher.dispatch(method, params);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

function finalView(transactionId: string): Promise<PaymentView> {
  return new Promise((resolve) => {
    const off = kiosk.events.subscribe((event, payload) => {
      const v = payload as PaymentView;
      if (event === 'payment.updated' && v.transactionId === transactionId && v.state !== 'authorizing' && v.receiptState !== 'none') {
        off();
        resolve(v);
      }
    });
  });
}

beforeEach(async () => {
  dir = tempDir('compose');
  kiosk = await createKiosk(parseConfig({ demo: true, dataDir: dir.path, connectivity: { probeIntervalMs: 200 }, outbox: { baseMs: 50, capMs: 200 } }), { log: silentLogger });
});
afterEach(async () => {
  await kiosk.close();
  dir.remove();
});

describe('the composed kiosk on embedded defaults', () => {
  it('pays a bill through the dispatcher: terminal, journal, receipt, posting', async () => {
    await call('session.start', { locale: 'ar' });
    const { bill } = await call<{ bill: Bill }>('bill.lookup', { service: 'electricityWater', account: '100200301' });
    expect(bill.amount).toEqual({ amountMinor: 18_250, currency: 'KWD' });
    const { transactionId } = await call<{ transactionId: string }>('payment.start', { payableIds: [bill.billId] });
    const view = await finalView(transactionId);
    expect(view.state).toBe('approved');
    expect(view.receiptState).toBe('printed');
    await kiosk.payments.settled();

    const row = kiosk.transactions.get(transactionId)!;
    expect(row.amountMinor).toBe(18_250);
    expect(row.terminal?.maskedPan).toMatch(/^\**\d{4}$/);
    expect(kiosk.devices.simulators.printer!.decodedText().join('\n')).toContain('18.250 KWD');
    expect(kiosk.devices.simulators.printer!.decodedText().join('\n')).toContain(transactionId);

    for (let i = 0; i < 100 && kiosk.transactions.get(transactionId)!.postingState !== 'delivered'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(kiosk.demoGateway!.store.postingsFor(transactionId)).toHaveLength(1);
    expect(kiosk.transactions.get(transactionId)!.postingState).toBe('delivered');
  });

  it('refuses to pay a bill that was not fetched in this session', async () => {
    await call('session.start', { locale: 'en' });
    const r = await kiosk.dispatcher.dispatch('payment.start', { payableIds: ['EW-100200300-2026-08'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });

  it('forgets fetched bills when the visitor session ends', async () => {
    await call('session.start', { locale: 'en' });
    const { bill } = await call<{ bill: Bill }>('bill.lookup', { service: 'electricityWater', account: '100200302' });
    await call('session.end', {});
    expect(kiosk.sessions.current).toBeUndefined();
    await call('session.start', { locale: 'en' });
    const r = await kiosk.dispatcher.dispatch('payment.start', { payableIds: [bill.billId] });
    expect(r).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });
});

describe('devices that are missing at start-up', () => {
  it('the kiosk still starts, reports them offline, and refuses to start a payment without a terminal', async () => {
    const d = tempDir('compose-missing');
    // Serial devices need a remote gateway and the kiosk's own identity (config rules).
    const gw = await startDemoGateway({ dbFile: d.file('gw.sqlite') });
    const k = await createKiosk(
      parseConfig({
        dataDir: d.path,
        kioskId: 'KW-TEST-09',
        kioskNumber: 9,
        gateway: { mode: 'remote', url: gw.url },
        devices: { printer: { link: 'serial', path: '/dev/khidma-no-such-printer' }, terminal: { link: 'serial', path: '/dev/khidma-no-such-terminal' } },
      }),
      { log: silentLogger },
    );
    try {
      const info = await k.dispatcher.dispatch('kiosk.info', {});
      expect(info.ok).toBe(true);
      const devices = (info as { value: { devices: { name: string; state: string }[] } }).value.devices;
      expect(devices.find((x) => x.name === 'printer')?.state).not.toBe('online');
      expect(devices.find((x) => x.name === 'terminal')?.state).not.toBe('online');
      await k.dispatcher.dispatch('session.start', { locale: 'en' });
      const found = await k.dispatcher.dispatch('bill.lookup', { service: 'electricityWater', account: '100200304' });
      expect(found.ok).toBe(true);
      const r = await k.dispatcher.dispatch('payment.start', { payableIds: ['EW-100200304-2026-08'] });
      expect(r).toMatchObject({ ok: false, error: { code: 'deviceUnavailable' } });
      expect(k.transactions.inState('created')).toEqual([]);
    } finally {
      await k.close();
      await gw.close();
      d.remove();
    }
  });
});
