import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { startDemoGateway, type DemoGateway } from '../../../main/demo-gateway/server.ts';
import { createGatewayClient, type GatewayClient } from '../../../main/gateway/client.ts';
import { demoPeople, DEMO_JUSTICE_ACCOUNTS, DEMO_PACI_ACCOUNTS, DEMO_PHONE_ACCOUNTS } from '../../../main/demo-gateway/seed.ts';
import { validateKuwaitCivilNumber } from '../../../main/identity/index.ts';
import { tempDir } from '../../support/temp-dir.ts';

let dir: ReturnType<typeof tempDir>;
let gw: DemoGateway;
let client: GatewayClient;
let clock = new Date('2026-11-22T08:00:00Z');

beforeEach(async () => {
  dir = tempDir('demo-gw');
  mkdirSync(dir.file('cat'));
  clock = new Date('2026-11-22T08:00:00Z');
  gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite'), catalogueDir: dir.file('cat'), now: () => clock, faultToken: 'demo-token' });
  client = createGatewayClient({ baseUrl: gw.url, kioskId: 'KW-TEST-01', timeoutMs: 500 });
});
afterEach(async () => {
  await gw.close();
  dir.remove();
});

describe('demo gateway', () => {
  it('serves bills for all four services', async () => {
    expect((await client.lookupBill('electricityWater', '100200300')).amount.amountMinor).toBe(12_750);
    expect((await client.lookupBill('telephone', DEMO_PHONE_ACCOUNTS[0]!)).entity.en).toBe('Ministry of Communications');
    expect((await client.lookupBill('paciFee', DEMO_PACI_ACCOUNTS[1]!)).service).toBe('paciFee');
    expect((await client.lookupBill('justiceFee', DEMO_JUSTICE_ACCOUNTS[2]!)).billId).toMatch(/^MOJ-/);
    await expect(client.lookupBill('telephone', '99999999')).rejects.toMatchObject({ kind: 'notFound' });
  });

  it('knows its demo people by valid civil numbers; unknown people have no records', async () => {
    const [a, b] = demoPeople();
    expect(validateKuwaitCivilNumber(a!.nationalId).ok).toBe(true);
    expect(await client.trafficFines(a!.nationalId)).toHaveLength(2);
    expect((await client.residencyStatus(b!.nationalId)).status).toBe('expiringSoon');
    expect((await client.passportStatus(a!.nationalId)).status).toBe('readyForCollection');
    expect((await client.civilIdCardStatus(b!.nationalId)).status).toBe('readyForCollection');
    expect(await client.trafficFines('123456789012')).toEqual([]);
  });

  it('deduplicates postings by key and verifies a posted payment', async () => {
    const tx = randomUUID();
    const posting = { transactionId: tx, kioskId: 'K', paidAt: clock.toISOString(), amount: { amountMinor: 6_000, currency: 'KWD' as const }, items: [{ kind: 'bill' as const, reference: 'TEL-24810001-2026-08', amountMinor: 6_000 }], terminal: { terminalId: '1', traceNumber: 1, receiptNumber: 1, authCode: '1' } };
    const first = await client.postPayment(posting, 'key-aaaaaaaa');
    const again = await client.postPayment(posting, 'key-aaaaaaaa');
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ ...first, duplicate: true });
    expect(first).toMatchObject({ idempotencyKey: 'key-aaaaaaaa', transactionId: tx, amount: posting.amount, items: posting.items });
    expect((await client.verifyPayment(tx)).postingId).toBe(first.postingId);
    // The paid bill is no longer the outstanding one.
    expect((await client.lookupBill('telephone', '24810001')).period).toBe('2026-09');
  });

  it('complaint status advances over time', async () => {
    const c = { trackingNumber: 'KW-C-000042', kioskId: 'K', entityId: 'e', typeId: 't', kind: 'complaint' as const, text: 'x', locale: 'ar' as const, submittedAt: clock.toISOString() };
    expect((await client.submitComplaint(c, 'key-cccccccc')).status).toBe('received');
    clock = new Date(clock.getTime() + 3 * 60_000);
    expect((await client.complaintStatus('KW-C-000042')).status).toBe('inProgress');
    clock = new Date(clock.getTime() + 30 * 60_000);
    const done = await client.complaintStatus('KW-C-000042');
    expect(done.status).toBe('resolved');
    expect(done.reply?.en).toBeTruthy();
  });

  it('serves the catalogue with 304 when not newer', async () => {
    await expect(client.fetchCatalogue('QA', 0)).rejects.toMatchObject({ kind: 'notFound' });
    writeFileSync(dir.file('cat/QA.json'), JSON.stringify({ version: 5, services: [] }));
    expect(await client.fetchCatalogue('QA', 0)).toMatchObject({ version: 5 });
    expect(await client.fetchCatalogue('QA', 5)).toBeNull();
  });

  it('injects faults: down, 5xx, delay beyond the timeout, slow body, reset after commit', async () => {
    gw.setFault({ mode: 'down' });
    await expect(client.health()).rejects.toMatchObject({ kind: 'transient' });
    gw.setFault({ mode: 'error500' });
    await expect(client.lookupBill('electricityWater', '100200300')).rejects.toMatchObject({ kind: 'transient', status: 503 });
    gw.setFault({ mode: 'delay', ms: 700 });
    await expect(client.health()).rejects.toMatchObject({ kind: 'transient', message: /timed out/ });
    gw.setFault({ mode: 'slow', ms: 700 });
    await expect(client.health()).rejects.toMatchObject({ kind: 'transient', message: /timed out/ });
    gw.setFault({ mode: 'resetAfterCommit' });
    const t = { kioskId: 'K', serviceId: 's', counterGroup: 'A', issuedAt: clock.toISOString() };
    await expect(client.issueTicket(t, 'key-tttttttt')).rejects.toMatchObject({ kind: 'transient' });
    gw.setFault({ mode: 'none' });
    expect((await client.issueTicket(t, 'key-tttttttt')).number).toBe('A001');
    expect(gw.store.records.countTickets()).toBe(1);
  });

  it('a demo operator switches faults over HTTP (POST /demo/fault), and bad requests are refused', async () => {
    const post = (body: unknown) => fetch(`${gw.url}/demo/fault`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-demo-token': 'demo-token' }, body: JSON.stringify(body) });
    expect((await post({ mode: 'error500' })).status).toBe(200);
    await expect(client.lookupBill('electricityWater', '100200300')).rejects.toMatchObject({ status: 503 });
    expect((await post({ mode: 'slow' })).status).toBe(422);
    expect((await post({ mode: 'none' })).status).toBe(200);
    expect((await client.lookupBill('electricityWater', '100200300')).billId).toBe('EW-100200300-2026-08');
  });
});
