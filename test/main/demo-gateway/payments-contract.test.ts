import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startDemoGateway, type DemoGateway } from '../../../main/demo-gateway/server.ts';
import { createGatewayClient, GatewayError, type GatewayClient } from '../../../main/gateway/client.ts';
import { demoPeople, type DemoProfile } from '../../../main/demo-gateway/seed.ts';
import type { WirePosting } from '../../../main/gateway/wire.ts';
import { tempDir } from '../../support/temp-dir.ts';

let dir: ReturnType<typeof tempDir>;
let gw: DemoGateway;
let client: GatewayClient;

beforeEach(async () => {
  dir = tempDir('gw-contract');
  gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite') });
  client = createGatewayClient({ baseUrl: gw.url, kioskId: 'KW-TEST-01', timeoutMs: 2000 });
});
afterEach(async () => {
  await gw.close();
  dir.remove();
});

const pay = (items: WirePosting['items'], amountMinor = items.reduce((n, i) => n + i.amountMinor, 0), currency: 'KWD' | 'BHD' = 'KWD'): WirePosting => ({
  transactionId: randomUUID(), kioskId: 'KW-TEST-01', paidAt: new Date().toISOString(), amount: { amountMinor, currency }, items,
  terminal: { terminalId: '52500001', traceNumber: 1, receiptNumber: 1, authCode: '123456' },
});
const refusal = (p: WirePosting) => client.postPayment(p, `key-${randomUUID()}`).catch((e: unknown) => e);

describe('the gateway checks the amount against what is outstanding', () => {
  it('refuses 1 fils against a 13.875 KWD bill (422 amountMismatch) and the bill stays outstanding', async () => {
    const bill = await client.lookupBill('electricityWater', '100200300');
    await client.postPayment(pay([{ kind: 'bill', reference: bill.billId, amountMinor: bill.amount.amountMinor }]), 'key-first-bill');
    const next = await client.lookupBill('electricityWater', '100200300');
    expect(next.amount.amountMinor).toBe(13_875);
    const err = await refusal(pay([{ kind: 'bill', reference: next.billId, amountMinor: 1 }]));
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ kind: 'permanent', status: 422, code: 'amountMismatch', message: `bill ${next.billId}: paid 1 KWD, outstanding 13875 KWD` });
    expect((await client.lookupBill('electricityWater', '100200300')).billId).toBe(next.billId);
    expect(gw.store.countPostings()).toBe(1);
  });

  it('refuses a posting whose amount is not the sum of its items, another currency, or a wrong fine amount', async () => {
    const ref = 'TEL-24810001-2026-08';
    expect(await refusal(pay([{ kind: 'bill', reference: ref, amountMinor: 6_000 }], 5_000))).toMatchObject({ status: 422, code: 'amountMismatch', message: /not the sum of its items/ });
    expect(await refusal(pay([{ kind: 'bill', reference: ref, amountMinor: 6_000 }], 6_000, 'BHD'))).toMatchObject({ status: 422, code: 'amountMismatch' });
    const [a] = demoPeople();
    const fine = a!.fines[0]!;
    expect(await refusal(pay([{ kind: 'fine', reference: fine.fineId, amountMinor: fine.amount.amountMinor - 1 }]))).toMatchObject({ status: 422, code: 'amountMismatch' });
    expect(gw.store.countPostings()).toBe(0);
  });
});

describe('a second payment of something already paid', () => {
  it('is accepted as a credit owed (overpayment alreadyPaid), never merged into the first', async () => {
    const ref = 'PACI-700100001-2026-08';
    const item = { kind: 'bill' as const, reference: ref, amountMinor: 5_000 };
    const first = await client.postPayment(pay([item]), 'key-paci-first');
    expect(first.overpayment).toBeUndefined();
    const second = pay([item, { kind: 'donation', reference: 'zakat', amountMinor: 1_000 }]);
    const ack = await client.postPayment(second, 'key-paci-second');
    expect(ack).toMatchObject({ duplicate: false, idempotencyKey: 'key-paci-second', transactionId: second.transactionId, overpayment: { amountMinor: 5_000, reason: 'alreadyPaid', references: [ref] } });
    expect(ack.postingId).not.toBe(first.postingId);
    expect(gw.store.credits()).toEqual([{ postingId: ack.postingId, reference: ref, amountMinor: 5_000, reason: 'alreadyPaid' }]);
    // The same second posting sent again (lost answer) is the same answer, not a second credit.
    expect(await client.postPayment(second, 'key-paci-second')).toEqual({ ...ack, duplicate: true });
    expect(gw.store.credits()).toHaveLength(1);
  });

  it('a paid fine leaves the fines query; paying it again is an overpayment', async () => {
    const [a] = demoPeople();
    const fine = a!.fines[1]!;
    const item = { kind: 'fine' as const, reference: fine.fineId, amountMinor: fine.amount.amountMinor };
    await client.postPayment(pay([item]), 'key-fine-first');
    expect((await client.trafficFines(a!.nationalId)).map((f) => f.fineId)).toEqual([a!.fines[0]!.fineId]);
    const again = await client.postPayment(pay([item]), 'key-fine-again');
    expect(again.overpayment).toEqual({ amountMinor: fine.amount.amountMinor, reason: 'alreadyPaid', references: [fine.fineId] });
  });
});

describe('references are never derived from a civil number', () => {
  it.each(['KW', 'BH', 'QA'] as DemoProfile[])('%s: no fine ID holds 4 or more consecutive digits of its owner’s number', (profile) => {
    for (const person of demoPeople(profile)) {
      for (const f of person.fines) {
        for (let i = 0; i + 4 <= person.nationalId.length; i++) expect(f.fineId).not.toContain(person.nationalId.slice(i, i + 4));
      }
    }
  });
});
