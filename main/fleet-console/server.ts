import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { z } from 'zod';
import { COMMAND_ACTIONS } from '../fleet/protocol.ts';
import type { FleetConsole } from './console.ts';
import type { Operator } from './auth.ts';
import { PERIODS } from './periods.ts';
import { GROUPS, reportCsv } from './stats-store.ts';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.json': 'application/json' };
const COOKIE = 'khidma_fleet';
const SECURITY = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const statsQuery = z.object({
  period: z.enum(PERIODS as [string, ...string[]]).default('month'),
  anchor: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  by: z.enum(GROUPS as [string, ...string[]]).default('entity'),
  country: z.string().max(64).optional(),
  centre: z.string().max(64).optional(),
  kiosk: z.string().max(64).optional(),
  lang: z.enum(['ar', 'en']).default('ar'),
});

export interface ConsoleServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The console's HTTP side: the built page and a small JSON API behind operator sessions. */
export async function startConsoleServer(c: FleetConsole, opts: { port: number; host?: string; staticDir: string; secureCookie?: boolean }): Promise<ConsoleServer> {
  const root = resolve(opts.staticDir);
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    void res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...SECURITY, ...headers }).end(JSON.stringify(body));
  const token = (req: IncomingMessage) => /(?:^|;\s*)khidma_fleet=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? '')?.[1];
  const body = async (req: IncomingMessage): Promise<unknown> => {
    // Only JSON bodies: a cross-site form cannot send one, which with SameSite=Strict closes CSRF.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new Error('json required');
    let s = '';
    for await (const chunk of req) {
      s += chunk;
      if (s.length > 10_000) throw new Error('too large');
    }
    return JSON.parse(s || '{}');
  };

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const p = url.pathname;
    if (p === '/api/login' && req.method === 'POST') {
      const b = z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(200) }).safeParse(await body(req).catch(() => null));
      if (!b.success) return json(res, 400, { error: 'invalidRequest' });
      const s = c.auth.login(b.data.name, b.data.password);
      if (!s) return json(res, 401, { error: 'badCredentials' });
      const cookie = `${COOKIE}=${s.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=28800${opts.secureCookie ? '; Secure' : ''}`;
      return json(res, 200, s.operator, { 'set-cookie': cookie });
    }
    const op: Operator | undefined = c.auth.session(token(req));
    if (!op) return json(res, 401, { error: 'unauthenticated' });
    if (p === '/api/logout' && req.method === 'POST') {
      c.auth.logout(token(req)!);
      return json(res, 200, {}, { 'set-cookie': `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` });
    }
    if (req.method === 'GET' && p === '/api/me') return json(res, 200, op);
    if (req.method === 'GET' && p === '/api/fleet') {
      const since = url.searchParams.get('since');
      const rev = c.fleet.rev;
      return json(res, 200, { rev, full: since === null, kiosks: c.fleet.list(since === null ? undefined : Number(since)), connected: c.connected, now: new Date().toISOString() });
    }
    const kioskPath = /^\/api\/kiosks\/([A-Za-z0-9_-]{1,64})(\/commands)?$/.exec(p);
    if (kioskPath && req.method === 'GET' && !kioskPath[2]) {
      const k = c.fleet.get(kioskPath[1]!);
      // Diagnostics are for supervisors only: a viewer does not even see the list.
      const diagnostics = op.role === 'supervisor' ? c.diagnostics.list(kioskPath[1]!) : null;
      return k ? json(res, 200, { ...k, ...c.fleet.history(k.k), commands: c.commands(k.k), diagnostics }) : json(res, 404, { error: 'notFound' });
    }
    const bundlePath = /^\/api\/kiosks\/([A-Za-z0-9_-]{1,64})\/diagnostics\/([0-9a-f-]{36})$/.exec(p);
    if (bundlePath && req.method === 'GET') {
      const [, kiosk, id] = bundlePath as unknown as [string, string, string];
      if (op.role !== 'supervisor') {
        c.auth.audit(op.name, 'diagnostics.forbidden', kiosk, { id });
        return json(res, 403, { error: 'forbidden' });
      }
      const b = c.diagnostics.read(kiosk, id);
      if (!b) return json(res, 404, { error: 'notFound' });
      c.auth.audit(op.name, 'diagnostics.download', kiosk, { id, bytes: b.item.bytes });
      res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': String(b.gz.length), 'content-disposition': `attachment; filename="${b.item.name}.json.gz"`, 'cache-control': 'no-store', ...SECURITY });
      return void res.end(b.gz);
    }
    if (kioskPath?.[2] && req.method === 'POST') {
      const b = z.object({ action: z.enum(COMMAND_ACTIONS) }).safeParse(await body(req).catch(() => null));
      if (!b.success) return json(res, 400, { error: 'invalidRequest' });
      const r = await c.command(op, kioskPath[1]!, b.data.action);
      return json(res, r.ok ? 202 : r.error === 'forbidden' ? 403 : r.error === 'unknownKiosk' ? 404 : 503, r);
    }
    if (req.method === 'GET' && p === '/api/alerts') return json(res, 200, c.fleet.alerts({ open: url.searchParams.get('open') === '1' }));
    if (req.method === 'GET' && (p === '/api/stats' || p === '/api/stats.csv')) {
      const q = statsQuery.safeParse(Object.fromEntries(url.searchParams));
      if (!q.success) return json(res, 400, { error: 'invalidRequest', detail: q.error.issues[0]?.message });
      const { period, anchor, by, lang, ...f } = q.data;
      const report = c.stats.report(period as (typeof PERIODS)[number], anchor, by as (typeof GROUPS)[number], f);
      if (p === '/api/stats') return json(res, 200, report);
      c.auth.audit(op.name, 'stats.export', f.kiosk, { period, anchor, by });
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="khidma-${by}-${period}-${anchor}.csv"`, ...SECURITY });
      return void res.end('\uFEFF' + reportCsv(report, lang));
    }
    if (req.method === 'GET' && p === '/api/audit') return op.role === 'supervisor' ? json(res, 200, c.auth.auditLog()) : json(res, 403, { error: 'forbidden' });
    return json(res, 404, { error: 'notFound' });
  }

  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://x');
    } catch {
      return void res.writeHead(400).end();
    }
    if (url.pathname.startsWith('/api/')) {
      api(req, res, url).catch(() => json(res, 500, { error: 'internal' }));
      return;
    }
    let rel: string;
    try {
      rel = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    } catch {
      return void res.writeHead(400).end();
    }
    const file = join(root, rel);
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404, SECURITY).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...SECURITY });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(opts.port, opts.host ?? '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}/`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
