import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createGatewayClient, GatewayError, type GatewayClient } from '../../../main/gateway/client.ts';

// A hostile gateway on loopback: answers whatever the current test sets, and records requests.
let reply: { status: number; body: string } = { status: 200, body: '{}' };
const seen: { method: string; url: string; body: string; key: string | undefined }[] = [];
let server: Server;
let baseUrl: string;

async function read(req: IncomingMessage): Promise<string> {
  let s = '';
  for await (const c of req as AsyncIterable<Buffer>) s += c.toString();
  return s;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void read(req).then((body) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body, key: req.headers['idempotency-key'] as string | undefined });
      res.writeHead(reply.status, reply.status === 304 ? {} : { 'content-type': 'application/json' });
      res.end(reply.status === 304 ? undefined : reply.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const client = () => createGatewayClient({ baseUrl, kioskId: 'KW-TEST-01', timeoutMs: 2000 });
const NID = '285031400009';
const TX = '7f1c1f43-5d42-4f3c-9d0a-3c1b2a6e9f10';
const now = new Date().toISOString();

/** Every method, called with valid arguments. */
const calls: [string, (c: GatewayClient) => Promise<unknown>][] = [
  ['health', (c) => c.health()],
  ['registerKiosk', (c) => c.registerKiosk({ kioskId: 'KW-TEST-01', kioskNumber: 1, location: { ar: 'مركز', en: 'Centre' } })],
  ['lookupBill', (c) => c.lookupBill('telephone', '24810001')],
  ['trafficFines', (c) => c.trafficFines(NID)],
  ['residencyStatus', (c) => c.residencyStatus(NID)],
  ['passportStatus', (c) => c.passportStatus(NID)],
  ['civilIdCardStatus', (c) => c.civilIdCardStatus(NID)],
  ['postPayment', (c) => c.postPayment({ transactionId: TX, kioskId: 'K', paidAt: now, amount: { amountMinor: 1, currency: 'KWD' }, items: [{ kind: 'bill', reference: 'B-1', amountMinor: 1 }], terminal: { terminalId: '1', traceNumber: 1, receiptNumber: 1, authCode: '1' } }, 'key-00000001')],
  ['verifyPayment', (c) => c.verifyPayment(TX)],
  ['submitComplaint', (c) => c.submitComplaint({ trackingNumber: 'KW-C-000001', kioskId: 'K', entityId: 'e', typeId: 't', kind: 'complaint', text: 'x', locale: 'ar', submittedAt: now }, 'key-00000002')],
  ['complaintStatus', (c) => c.complaintStatus('KW-C-000001')],
  ['issueTicket', (c) => c.issueTicket({ kioskId: 'K', serviceId: 's', counterGroup: 'A', issuedAt: now }, 'key-00000003')],
  ['fetchCatalogue', (c) => c.fetchCatalogue('KW', 3)],
];

describe('gateway client, every method', () => {
  it('implements exactly the operations of openapi.yaml', () => {
    const doc = readFileSync(new URL('../../../main/gateway/openapi.yaml', import.meta.url), 'utf8');
    const operations = [...doc.matchAll(/operationId: (\w+)/g)].map((m) => m[1]).sort();
    expect(operations).toEqual(calls.map(([name]) => name).sort());
    expect(Object.keys(client()).sort()).toEqual(operations);
  });

  it('never puts a national ID in a URL; keyed POSTs carry their idempotency key', async () => {
    reply = { status: 503, body: '{}' };
    seen.length = 0;
    for (const [, call] of calls) await call(client()).catch(() => undefined);
    expect(seen).toHaveLength(calls.length);
    for (const r of seen) expect(r.url).not.toContain(NID);
    expect(seen.filter((r) => r.body.includes(NID))).toHaveLength(4);
    expect(seen.filter((r) => r.key).map((r) => r.url)).toEqual(['/v1/payments', '/v1/complaints', '/v1/tickets']);
    expect(seen.at(-1)?.url).toBe('/v1/catalogue/KW?since=3');
  });

  it('a 304 for the catalogue is "not modified" (null)', async () => {
    reply = { status: 304, body: '' };
    expect(await client().fetchCatalogue('BH', 7)).toBeNull();
  });

  it('never crashes on fuzzed responses: each method resolves with a valid value or throws a GatewayError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...calls),
        fc.integer({ min: 200, max: 599 }),
        fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), fc.constant('{"fines":[{"fineId":"x"}]}'), fc.constant('{"status":"valid"}')),
        async ([name, call], status, body) => {
          reply = { status: status === 304 ? 200 : status, body };
          try {
            await call(client());
          } catch (err) {
            expect(err, name).toBeInstanceOf(GatewayError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
