import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayClient, GatewayError } from '../../../main/gateway/client.ts';

// A hostile gateway on loopback: answers whatever the current test sets.
let reply: { status: number; body: string } = { status: 200, body: '{}' };
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(reply.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const client = () => createGatewayClient({ baseUrl, kioskId: 'KW-TEST-01', timeoutMs: 2000 });

describe('gateway client', () => {
  it('classifies failures: 5xx and 429 transient, 404 notFound, 4xx permanent, bad shape invalidResponse', async () => {
    const cases: [number, string, GatewayError['kind']][] = [
      [503, '{"error":{"code":"down","message":"maintenance"}}', 'transient'],
      [429, '{}', 'transient'],
      [404, '{"error":{"code":"noOutstandingBill","message":"none"}}', 'notFound'],
      [422, '{"error":{"code":"invalid","message":"bad amount"}}', 'permanent'],
      [200, '{"billId":"x"}', 'invalidResponse'],
      [200, 'not json', 'invalidResponse'],
    ];
    for (const [status, body, kind] of cases) {
      reply = { status, body };
      const err = await client().lookupBill('electricityWater', '100200300').catch((e: unknown) => e);
      expect(err, `${status} ${body}`).toBeInstanceOf(GatewayError);
      expect((err as GatewayError).kind, `${status} ${body}`).toBe(kind);
    }
  });

  it('never dead-letters a delivery for credentials or routing trouble: only 400/422 are permanent for keyed posts', async () => {
    const posting = {
      transactionId: '6f1d2c3b-4a59-4e8f-9b0a-1c2d3e4f5a6b',
      kioskId: 'KW-TEST-01',
      paidAt: '2026-11-22T16:05:00.000Z',
      amount: { amountMinor: 1000, currency: 'KWD' as const },
      items: [{ kind: 'bill' as const, reference: 'EW-1', amountMinor: 1000 }],
      terminal: { terminalId: '1', traceNumber: 1, receiptNumber: 1, authCode: 'A' },
    };
    for (const [status, kind] of [
      [401, 'transient'],
      [403, 'transient'],
      [404, 'transient'],
      [409, 'transient'],
      [400, 'permanent'],
      [422, 'permanent'],
    ] as const) {
      reply = { status, body: '{"error":{"code":"x","message":"y"}}' };
      const err = await client().postPayment(posting, 'key-00000001').catch((e: unknown) => e);
      expect((err as GatewayError).kind, String(status)).toBe(kind);
    }
  });

  it('reports an unreachable gateway as transient', async () => {
    const c = createGatewayClient({ baseUrl: 'http://127.0.0.1:1', kioskId: 'K', timeoutMs: 500 });
    await expect(c.health()).rejects.toMatchObject({ kind: 'transient' });
  });

  it('never crashes on fuzzed responses: a valid bill or a GatewayError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200, max: 599 }),
        fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v))),
        async (status, body) => {
          reply = { status, body };
          try {
            const bill = await client().lookupBill('electricityWater', '100200300');
            expect(typeof bill.amount.amountMinor).toBe('number');
          } catch (err) {
            expect(err).toBeInstanceOf(GatewayError);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
