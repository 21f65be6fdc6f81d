import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDemoGateway, type DemoGateway } from '../../../main/demo-gateway/server.ts';
import { createGatewayClient, GatewayError } from '../../../main/gateway/client.ts';
import { createKiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import type { KioskInfo } from '../../../main/contract/api.ts';
import type { Logger } from '../../../main/log/logger.ts';
import { tempDir } from '../../support/temp-dir.ts';

let dir: ReturnType<typeof tempDir>;
let gw: DemoGateway;
const mall = { ar: 'مجمع الوزارات', en: 'Government Mall' };
const avenues = { ar: 'الأفنيوز', en: 'The Avenues' };

beforeEach(async () => {
  dir = tempDir('registration');
  gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite') });
});
afterEach(async () => {
  await gw.close();
  dir.remove();
});

describe('kiosk registration at the demo gateway', () => {
  it('refuses a kiosk number another kiosk ID holds in the same centre (409 kioskNumberTaken)', async () => {
    const client = createGatewayClient({ baseUrl: gw.url, kioskId: 'x', timeoutMs: 2000 });
    expect(await client.registerKiosk({ kioskId: 'KW-MALL-01', kioskNumber: 7, location: mall })).toMatchObject({ kioskId: 'KW-MALL-01', kioskNumber: 7 });
    // The same kiosk again: fine (every start registers).
    await client.registerKiosk({ kioskId: 'KW-MALL-01', kioskNumber: 7, location: mall });
    const err = await client.registerKiosk({ kioskId: 'KW-MALL-02', kioskNumber: 7, location: mall }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ status: 409, code: 'kioskNumberTaken' });
    // Numbers are per centre; a kiosk that takes another number frees its old one.
    await client.registerKiosk({ kioskId: 'KW-AVN-01', kioskNumber: 7, location: avenues });
    await client.registerKiosk({ kioskId: 'KW-MALL-01', kioskNumber: 8, location: mall });
    await client.registerKiosk({ kioskId: 'KW-MALL-02', kioskNumber: 7, location: mall });
  });
});

describe('a kiosk whose number is taken', () => {
  it('refuses payments with a clear reason in kiosk.info, the payment.start error and the log', async () => {
    const client = createGatewayClient({ baseUrl: gw.url, kioskId: 'x', timeoutMs: 2000 });
    await client.registerKiosk({ kioskId: 'KW-MALL-01', kioskNumber: 4, location: mall });
    const logged: string[] = [];
    const log: Logger = { debug() {}, info() {}, warn() {}, error: (scope, msg) => logged.push(`${scope}: ${msg}`) };
    const kiosk = await createKiosk(
      parseConfig({ dataDir: dir.path, kioskId: 'KW-MALL-02', kioskNumber: 4, location: mall, gateway: { mode: 'remote', url: gw.url }, connectivity: { probeIntervalMs: 200 } }),
      { log },
    );
    try {
      const info = async () => ((await kiosk.dispatcher.dispatch('kiosk.info', {})) as { value: KioskInfo }).value;
      await expect.poll(async () => (await info()).paymentsRefused?.code, { timeout: 10_000 }).toBe('kioskNumberTaken');
      expect((await info()).paymentsRefused?.message).toMatch(/kiosk number 4 is already registered to another kiosk/);
      expect((await info()).demo).toBe(false);
      expect(logged.some((l) => /^registration: kiosk number 4 is already registered/.test(l))).toBe(true);

      await kiosk.dispatcher.dispatch('session.start', { locale: 'en' });
      const found = await kiosk.dispatcher.dispatch('bill.lookup', { service: 'electricityWater', account: '100200300' });
      expect(found.ok).toBe(true);
      const r = await kiosk.dispatcher.dispatch('payment.start', { payableIds: ['EW-100200300-2026-08'] });
      expect(r).toMatchObject({ ok: false, error: { code: 'paymentsRefused', message: expect.stringMatching(/kioskNumber is corrected/) } });
      expect(kiosk.transactions.inState('created')).toEqual([]);
    } finally {
      await kiosk.close();
    }
  });

  it('a kiosk with its own number registers and takes payments', async () => {
    const kiosk = await createKiosk(parseConfig({ dataDir: dir.path, kioskId: 'KW-MALL-03', kioskNumber: 5, gateway: { mode: 'remote', url: gw.url } }), {
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });
    try {
      await expect.poll(() => gw.store.db.prepare("SELECT kiosk_id FROM kiosks WHERE kiosk_number = 5").get(), { timeout: 10_000 }).toEqual({ kiosk_id: 'KW-MALL-03' });
      const info = (await kiosk.dispatcher.dispatch('kiosk.info', {})) as { value: KioskInfo };
      expect(info.value.paymentsRefused).toBeUndefined();
    } finally {
      await kiosk.close();
    }
  });
});
