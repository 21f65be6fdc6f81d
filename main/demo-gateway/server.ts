import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { postingSchema, type WireBill } from '../gateway/wire.ts';
import { DemoStore } from './demo-store.ts';
import { EW_DESCRIPTION, EW_ENTITY } from './seed.ts';

export type DemoFault = { mode: 'none' } | { mode: 'error500' } | { mode: 'delay'; ms: number } | { mode: 'resetAfterCommit' };

export interface DemoGateway {
  readonly url: string;
  readonly port: number;
  readonly store: DemoStore;
  setFault(f: DemoFault): void;
  /** Stop listening (the network "drops"); the database stays. */
  stop(): Promise<void>;
  /** Listen again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

const MAX_BODY = 256 * 1024;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(c);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** A real HTTP server on loopback implementing the gateway API, with faults on demand. */
export async function startDemoGateway(opts: { dbFile: string; port?: number; host?: string }): Promise<DemoGateway> {
  const store = new DemoStore(opts.dbFile);
  const host = opts.host ?? '127.0.0.1';
  let fault: DemoFault = { mode: 'none' };
  const sockets = new Set<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (fault.mode === 'delay') await new Promise((r) => setTimeout(r, (fault as { ms: number }).ms));
    if (fault.mode === 'error500' && url.pathname !== '/v1/health') return send(res, 503, { error: { code: 'unavailable', message: 'demo fault' } });
    if (req.method === 'GET' && url.pathname === '/v1/health') return send(res, 200, { status: 'ok', time: new Date().toISOString() });

    const bill = /^\/v1\/bills\/([a-zA-Z]+)\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && bill) {
      const found = store.outstandingBill(bill[1]!, decodeURIComponent(bill[2]!));
      if (!found) return send(res, 404, { error: { code: 'noOutstandingBill', message: 'no outstanding bill for this account' } });
      const body: WireBill = { ...found, entity: EW_ENTITY, description: EW_DESCRIPTION };
      return send(res, 200, body);
    }

    if (req.method === 'POST' && url.pathname === '/v1/payments') {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || key.length < 8 || key.length > 128) {
        return send(res, 400, { error: { code: 'idempotencyKeyRequired', message: 'Idempotency-Key header required' } });
      }
      let parsed;
      try {
        parsed = postingSchema.safeParse(await readJson(req));
      } catch {
        return send(res, 400, { error: { code: 'badJson', message: 'body is not JSON' } });
      }
      if (!parsed.success) return send(res, 422, { error: { code: 'invalidPosting', message: parsed.error.issues[0]?.message ?? 'invalid' } });
      const ack = store.recordPosting(key, parsed.data, new Date().toISOString());
      // Simulates a connection lost after the gateway committed: the kiosk must retry with the same key.
      if (fault.mode === 'resetAfterCommit') return void req.socket.destroy();
      return send(res, ack.duplicate ? 200 : 201, ack);
    }
    send(res, 404, { error: { code: 'notFound', message: 'no such endpoint' } });
  }

  let server: Server | undefined;
  let port = opts.port ?? 0;

  async function start(): Promise<void> {
    const s = createServer((req, res) => {
      handle(req, res).catch(() => send(res, 500, { error: { code: 'internal', message: 'internal error' } }));
    });
    s.on('connection', (sock) => {
      sockets.add(sock);
      sock.on('close', () => sockets.delete(sock));
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, host, () => resolve());
    });
    port = (s.address() as AddressInfo).port;
    server = s;
  }

  async function stop(): Promise<void> {
    const s = server;
    server = undefined;
    if (!s) return;
    for (const sock of sockets) sock.destroy();
    await new Promise<void>((r) => s.close(() => r()));
  }

  await start();
  return {
    get url() {
      return `http://${host}:${port}`;
    },
    get port() {
      return port;
    },
    store,
    setFault: (f) => (fault = f),
    stop,
    start,
    async close() {
      await stop();
      store.close();
    },
  };
}
