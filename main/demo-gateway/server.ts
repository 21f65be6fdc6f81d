import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DemoStore } from './demo-store.ts';
import { SERVICE_TEXT_BY_PROFILE, type DemoProfile } from './seed.ts';
import { z } from 'zod';
import { readJson, route, type Reply, type RouteContext } from './routes.ts';
import { createServer as createHttpsServer, type Server as HttpsServer, type ServerOptions as HttpsOptions } from 'node:https'; // issue 14: TLS
import { faultSwitchRefusal } from './fault-switch.ts'; // issue 14: fault switch guard

/**
 * Faults on demand, for tests and demos. down: the connection is cut before any answer;
 * error500: 503 on everything but health; delay: wait before handling; resetAfterCommit: commit
 * a keyed POST, then cut the connection (the kiosk must retry with the same key); slow: answer
 * headers at once and the body after `ms`.
 */
export type DemoFault =
  | { mode: 'none' }
  | { mode: 'down' }
  | { mode: 'error500' }
  /** The entity refuses the content (422): the kiosk parks the posting as a dead letter. */
  | { mode: 'reject' }
  | { mode: 'delay'; ms: number }
  | { mode: 'resetAfterCommit' }
  | { mode: 'slow'; ms: number };

export interface DemoGatewayOptions {
  dbFile: string;
  /** Country whose demo data (currency, IDs, entities) to seed; default KW. */
  profile?: DemoProfile;
  port?: number;
  host?: string;
  /** Folder of `<profile>.json` catalogues; default assets/catalogue/. */
  catalogueDir?: string;
  now?: () => Date;
  /** Called after a keyed POST committed and before it is answered (crash tests hold or observe it here). */
  onCommit?: (kind: 'payment' | 'complaint' | 'ticket', key: string) => void | Promise<void>;
  /** Issue 14: serve HTTPS (key, cert, and ca + requestCert for client certificates). */
  tls?: HttpsOptions;
  /** Issue 14: enables POST /demo/fault for requests carrying this token (demo mode only). */
  faultToken?: string;
}

export interface DemoGateway {
  readonly url: string;
  readonly port: number;
  readonly store: DemoStore;
  /** A fixed fault, or a picker asked once per request (random fault mixes). */
  setFault(f: DemoFault | ((path: string) => DemoFault)): void;
  /** Replaces the onCommit hook (crash tests arm it per run). */
  setCommitHook(fn: DemoGatewayOptions['onCommit']): void;
  /** Requests answered, by HTTP status (faults that cut the connection count as 0). */
  readonly served: Map<number, number>;
  /** Stop listening (the network "drops"); the database stays. */
  stop(): Promise<void>;
  /** Listen again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Body of POST /demo/fault: lets a demo operator (or a shell script) switch faults without code. */
const faultSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.enum(['none', 'down', 'error500', 'resetAfterCommit']) }),
  z.object({ mode: z.enum(['delay', 'slow']), ms: z.number().int().min(0).max(120_000) }),
]);

const DEFAULT_CATALOGUES = fileURLToPath(new URL('../../assets/catalogue/', import.meta.url));

/** A real HTTP server on loopback implementing openapi.yaml, with faults on demand. */
export async function startDemoGateway(opts: DemoGatewayOptions): Promise<DemoGateway> {
  const now = opts.now ?? (() => new Date());
  const store = new DemoStore(opts.dbFile, { now, ...(opts.profile && { profile: opts.profile }) });
  const host = opts.host ?? '127.0.0.1';
  let fault: DemoFault | ((path: string) => DemoFault) = { mode: 'none' };
  let onCommit = opts.onCommit;
  const sockets = new Set<Socket>();
  const served = new Map<number, number>();
  const count = (status: number) => served.set(status, (served.get(status) ?? 0) + 1);

  function send(res: ServerResponse, reply: Reply, slowMs = 0): void {
    count(reply.status);
    if (reply.status === 304) {
      res.writeHead(304);
      res.end();
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    const body = JSON.stringify(reply.body);
    if (slowMs <= 0) return void res.end(body);
    // Headers now, body later: the client's timeout must cover the whole body.
    res.flushHeaders();
    const timer = setTimeout(() => res.end(body), slowMs);
    res.on('close', () => clearTimeout(timer));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway');
    // Not part of openapi.yaml: the demo's own control, outside /v1 and never faulted itself.
    if (req.method === 'POST' && url.pathname === '/demo/fault') {
      const refusal = faultSwitchRefusal(req, opts.faultToken); // issue 14
      if (refusal) return send(res, refusal); // issue 14
      const parsed = faultSchema.safeParse(await readJson(req).catch(() => undefined));
      if (!parsed.success) return send(res, { status: 422, body: { error: { code: 'invalidFault', message: 'mode: none | down | error500 | resetAfterCommit | delay{ms} | slow{ms}' } } });
      fault = parsed.data;
      return send(res, { status: 200, body: { fault: parsed.data } });
    }
    const f = typeof fault === 'function' ? fault(url.pathname) : fault;
    if (f.mode === 'down') {
      count(0);
      return void req.socket.destroy();
    }
    if (f.mode === 'delay') await new Promise((r) => setTimeout(r, f.ms));
    if (f.mode === 'error500' && url.pathname !== '/v1/health') return send(res, { status: 503, body: { error: { code: 'unavailable', message: 'demo fault' } } });
    if (f.mode === 'reject' && req.method === 'POST') return send(res, { status: 422, body: { error: { code: 'rejected', message: 'demo fault: the entity refused this posting' } } });
    const ctx: RouteContext = {
      store,
      now,
      catalogueDir: opts.catalogueDir ?? DEFAULT_CATALOGUES,
      serviceText: SERVICE_TEXT_BY_PROFILE[opts.profile ?? 'KW'],
      afterCommit: async (kind, key) => {
        await onCommit?.(kind, key);
        // Simulates a connection lost after the gateway committed: the kiosk must retry with the same key.
        if (f.mode === 'resetAfterCommit') {
          count(0);
          req.socket.destroy();
          return false;
        }
        return true;
      },
    };
    const reply = await route(req, url, ctx);
    if (reply && !req.socket.destroyed) send(res, reply, f.mode === 'slow' ? f.ms : 0);
  }

  let server: Server | HttpsServer | undefined; // issue 14: or HTTPS
  let port = opts.port ?? 0;

  async function start(): Promise<void> {
    const listener = (req: IncomingMessage, res: ServerResponse) => {
      handle(req, res).catch(() => {
        if (!res.headersSent && !req.socket.destroyed) send(res, { status: 500, body: { error: { code: 'internal', message: 'internal error' } } });
      });
    };
    const s = opts.tls ? createHttpsServer(opts.tls, listener) : createServer(listener); // issue 14: TLS
    s.keepAliveTimeout = 1000;
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
      return `${opts.tls ? 'https' : 'http'}://${host}:${port}`; // issue 14: TLS
    },
    get port() {
      return port;
    },
    store,
    served,
    setFault: (f) => (fault = f),
    setCommitHook: (fn) => (onCommit = fn),
    stop,
    start,
    async close() {
      await stop();
      store.close();
    },
  };
}
