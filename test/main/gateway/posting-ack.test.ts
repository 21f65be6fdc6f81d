import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type Db } from '../../../main/store/database.ts';
import { OutboxRepo } from '../../../main/store/outbox-repo.ts';
import { TransactionsRepo } from '../../../main/store/transactions-repo.ts';
import { OutboxSender } from '../../../main/outbox/outbox-sender.ts';
import { createGatewayClient, GatewayError } from '../../../main/gateway/client.ts';
import type { WirePosting, WirePostingAck } from '../../../main/gateway/wire.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { postingAckMismatch } from '../../../main/gateway/posting-ack.ts';
import fc from 'fast-check';
import { tempDir } from '../../support/temp-dir.ts';

/**
 * A hostile gateway on real loopback HTTP: answers each payment with whatever the test sets,
 * and counts the bytes it managed to write (to see a huge answer cut off).
 */
type Answer = (req: IncomingMessage, res: ServerResponse, body: WirePosting, key: string) => void;
let answer: Answer;
let written = 0;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => answer(req, res, (raw ? JSON.parse(raw) : undefined) as WirePosting, String(req.headers['idempotency-key'])));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const echo = (p: WirePosting, key: string, extra: Partial<WirePostingAck> = {}): WirePostingAck => ({
  postingId: 'P-00000001', duplicate: false, idempotencyKey: key, transactionId: p.transactionId, amount: p.amount, items: p.items, ...extra,
});
/** 100 MB of JSON-looking bytes, written with backpressure until the client hangs up. */
const huge: Answer = (_req, res) => {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const total = 100 * 1024 * 1024;
  res.writeHead(201, { 'content-type': 'application/json' });
  res.write('{"postingId":"P-1","pad":"');
  const pump = () => {
    while (written < total) {
      written += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end('"}');
  };
  res.on('close', () => undefined);
  pump();
};

function posting(): WirePosting {
  return {
    transactionId: randomUUID(), kioskId: 'KW-TEST-01', paidAt: new Date().toISOString(), amount: { amountMinor: 13_875, currency: 'KWD' },
    items: [{ kind: 'bill', reference: 'EW-100200300-2026-09', amountMinor: 13_875 }],
    terminal: { terminalId: '52500001', traceNumber: 1, receiptNumber: 1, authCode: '123456' },
  };
}
const client = () => createGatewayClient({ baseUrl, kioskId: 'KW-TEST-01', timeoutMs: 10_000 });

describe('payment acknowledgements must be about the posting sent', () => {
  it('accepts an ack that echoes key, transaction, amount and items (with an overpayment flag of its own items)', async () => {
    answer = (_q, res, p, key) => json(res, 201, echo(p, key, { overpayment: { amountMinor: 13_875, reason: 'alreadyPaid', references: ['EW-100200300-2026-09'] } }));
    const p = posting();
    expect(await client().postPayment(p, 'key-00000001')).toMatchObject({ idempotencyKey: 'key-00000001', overpayment: { amountMinor: 13_875 } });
  });

  it('refuses, as invalidResponse, an ack for another key, transaction, amount or items, and the bare old-style ack', async () => {
    const cases: [string, Answer, RegExp][] = [
      ['bare', (_q, res) => json(res, 200, { postingId: 'P-00000001', duplicate: true }), /did not match the contract/],
      ['key', (_q, res, p) => json(res, 200, echo(p, 'key-someone-else', { duplicate: true })), /idempotency key differs/],
      ['tx', (_q, res, p, key) => json(res, 201, echo(p, key, { transactionId: randomUUID() })), /transactionId differs/],
      ['amount', (_q, res, p, key) => json(res, 201, echo(p, key, { amount: { amountMinor: 1, currency: 'KWD' } })), /amount differs/],
      ['items', (_q, res, p, key) => json(res, 201, echo(p, key, { items: [{ kind: 'bill', reference: 'EW-1-2026-09', amountMinor: 13_875 }] })), /items differs/],
      ['overpayment', (_q, res, p, key) => json(res, 201, echo(p, key, { overpayment: { amountMinor: 5, reason: 'alreadyPaid', references: ['OTHER-1'] } })), /overpayment differs/],
    ];
    for (const [name, a, message] of cases) {
      answer = a;
      const err = await client().postPayment(posting(), 'key-00000002').catch((e: unknown) => e);
      expect(err, name).toBeInstanceOf(GatewayError);
      expect(err, name).toMatchObject({ kind: 'invalidResponse', message: expect.stringMatching(message) });
    }
  });

  it('cuts off a 100 MB answer at the 1 MiB cap with a clear error, without reading the rest', async () => {
    answer = huge;
    written = 0;
    const before = process.memoryUsage().rss;
    const err = await client().postPayment(posting(), 'key-00000003').catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'invalidResponse', message: 'gateway response to POST /v1/payments exceeds the 1048576 byte limit: cut off' });
    // The server could not write the whole body: the kiosk hung up (socket buffers hold a few MB at most).
    await new Promise((r) => setTimeout(r, 200));
    expect(written).toBeLessThan(32 * 1024 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('a declared Content-Length above the cap is refused before reading', async () => {
    answer = (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(5 * 1024 * 1024) });
      res.write('{');
    };
    const c = createGatewayClient({ baseUrl, kioskId: 'KW-TEST-01', timeoutMs: 10_000 });
    await expect(c.health()).rejects.toMatchObject({ kind: 'invalidResponse', message: /GET \/v1\/health exceeds the 1048576 byte limit/ });
  });
});

describe('postingAckMismatch', () => {
  it('accepts exactly the echo; any change to key, transaction, amount or an item is caught', () => {
    const item = fc.record({ kind: fc.constantFrom('bill' as const, 'fine' as const, 'donation' as const), reference: fc.stringMatching(/^[A-Z0-9-]{1,12}$/), amountMinor: fc.integer({ min: 1, max: 1e9 }) });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), fc.nat({ max: 5 }), fc.integer({ min: 1, max: 1e6 }), (items, which, delta) => {
        const p: WirePosting = { ...posting(), items, amount: { amountMinor: items.reduce((n, i) => n + i.amountMinor, 0), currency: 'KWD' } };
        const ok = echo(p, 'key-00000009');
        expect(postingAckMismatch(p, 'key-00000009', ok)).toBeUndefined();
        const i = which % items.length;
        const changed = [
          { ...ok, idempotencyKey: 'key-00000010' },
          { ...ok, transactionId: randomUUID() },
          { ...ok, amount: { ...ok.amount, amountMinor: ok.amount.amountMinor + delta } },
          { ...ok, items: ok.items.map((x, k) => (k === i ? { ...x, amountMinor: x.amountMinor + delta } : x)) },
          { ...ok, items: ok.items.map((x, k) => (k === i ? { ...x, reference: `${x.reference}X` } : x)) },
          { ...ok, items: ok.items.slice(1).length ? ok.items.slice(1) : [...ok.items, ...ok.items] },
        ][which]!;
        expect(postingAckMismatch(p, 'key-00000009', changed)).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('the outbox keeps a posting pending on a wrong or oversized answer', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let outbox: OutboxRepo;
  let transactions: TransactionsRepo;
  let sender: OutboxSender;

  beforeEach(() => {
    dir = tempDir('ack');
    db = openDatabase(dir.file('k.sqlite'));
    outbox = new OutboxRepo(db);
    transactions = new TransactionsRepo(db);
    sender = new OutboxSender({
      db, outbox, transactions, gateway: client(), log: silentLogger, now: () => new Date(),
      backoff: { baseMs: 60_000, capMs: 60_000 }, onPostingChanged: () => undefined,
    });
  });
  afterEach(() => {
    sender.stop();
    db.close();
    dir.remove();
  });

  async function sendOne(): Promise<string> {
    const p = posting();
    const now = new Date().toISOString();
    db.transaction(() => {
      transactions.insert({ id: p.transactionId, kind: 'billPayment', amountMinor: 13_875, currency: 'KWD', items: [], locale: 'ar', now });
      transactions.setPostingState(p.transactionId, 'pending', now);
      outbox.enqueue({ kind: 'payment', idempotencyKey: randomUUID(), transactionId: p.transactionId, payload: p, now });
    })();
    sender.wake();
    await expect.poll(() => outbox.head()?.attempts ?? 0, { timeout: 15_000 }).toBe(1);
    return p.transactionId;
  }

  it('an ack for another key: not delivered, pending, retried later', async () => {
    answer = (_q, res) => json(res, 200, { postingId: 'P-00000001', duplicate: true });
    const tx = await sendOne();
    expect(transactions.get(tx)?.postingState).toBe('pending');
    expect(outbox.depth().pending).toBe(1);
    expect(outbox.head()?.lastError).toMatch(/did not match the contract/);
    answer = (_q, res, p) => json(res, 200, echo(p, 'key-of-another-posting', { duplicate: true }));
    outbox.recordFailure(outbox.head()!.id, 'x', 0);
    sender.wake();
    await expect.poll(() => outbox.head()?.lastError, { timeout: 15_000 }).toMatch(/idempotency key differs/);
    expect(transactions.get(tx)?.postingState).toBe('pending');
  });

  it('a 100 MB answer: cut off, clear error, the posting stays pending', async () => {
    answer = huge;
    written = 0;
    const tx = await sendOne();
    expect(transactions.get(tx)?.postingState).toBe('pending');
    expect(outbox.depth()).toMatchObject({ pending: 1 });
    expect(outbox.head()?.lastError).toBe('gateway response to POST /v1/payments exceeds the 1048576 byte limit: cut off');
  });
});
