import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createDispatcher, type Handlers } from '../../../main/bridge/dispatcher.ts';
import { EventHub } from '../../../main/bridge/event-hub.ts';
import { startUiServer, type UiServer } from '../../../main/server/ui-server.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { KioskError } from '../../../main/contract/result.ts';

// Only the methods this test calls; the bridge itself is what is under test.
const handlers = {
  'session.start': ({ locale }) => ({ sessionId: `s-${locale}` }),
  'bill.lookup': ({ account }) => {
    throw new KioskError('notFound', `no bill for ${account}`);
  },
  'kiosk.info': () => {
    throw new Error('boom with secret detail');
  },
} as Partial<Handlers> as Handlers;

let ui: UiServer;
const events = new EventHub();
const warnings: { msg: string; data?: Record<string, unknown> }[] = [];
const log = { ...silentLogger, warn: (_s: string, msg: string, data?: Record<string, unknown>) => void warnings.push({ msg, data }) };

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'khidma-ui-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>k</title>');
  writeFileSync(join(root, 'app.js'), 'export {};');
  ui = await startUiServer({ rootDir: root, port: 0, dispatcher: createDispatcher(handlers, silentLogger), events, log });
});
afterAll(() => ui.close());

const tokenOf = (launchUrl: string) => new URLSearchParams(new URL(launchUrl).hash.slice(1)).get('token')!;
const freshToken = () => tokenOf(ui.launchUrl());

interface Opened {
  ws: WebSocket;
  setCookie: string | undefined;
}

function open(token: string | null, opts: { origin?: string | null; cookie?: string } = {}): Promise<Opened> {
  const url = `${ui.origin.replace('http', 'ws')}/bridge${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
  const origin = opts.origin === undefined ? ui.origin : opts.origin;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { ...(origin !== null && { origin }), headers: opts.cookie ? { cookie: opts.cookie } : {} });
    let setCookie: string | undefined;
    ws.once('upgrade', (res) => (setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0]));
    ws.once('open', () => resolve({ ws, setCookie }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** A socket opened the way the kiosk page opens it: own Origin, a fresh launch token. */
async function connect(): Promise<WebSocket> {
  return (await open(freshToken())).ws;
}

function roundTrip(ws: WebSocket, msg: unknown): Promise<{ id: unknown; result: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
  return new Promise((resolve) => {
    ws.once('message', (raw) => resolve(JSON.parse(String(raw))));
    ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  });
}

describe('WebSocket bridge', () => {
  it('serves the UI only on 127.0.0.1 and puts a fresh token in the fragment of each launch URL', () => {
    expect(ui.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const a = ui.launchUrl();
    const b = ui.launchUrl();
    expect(a).toMatch(new RegExp(`^${ui.origin}/#token=[A-Za-z0-9_-]{32}$`));
    expect(tokenOf(a)).not.toBe(tokenOf(b));
  });

  it('refuses a connection without a token or with a wrong one', async () => {
    const token = freshToken();
    await expect(open(null)).rejects.toThrow('HTTP 401');
    await expect(open('wrong')).rejects.toThrow('HTTP 401');
    await expect(open(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).rejects.toThrow('HTTP 401');
  });

  it('refuses a page from another origin, or with no Origin, even with a valid token', async () => {
    const token = freshToken();
    await expect(open(token, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(open(token, { origin: ui.origin.replace(/\d+$/, (p) => String(Number(p) + 1)) })).rejects.toThrow('HTTP 403');
    await expect(open(token, { origin: null })).rejects.toThrow('HTTP 403');
    // The refusals did not spend the token: the kiosk page itself still gets in.
    (await open(token)).ws.close();
  });

  it('the launch token works once; the session cookie it was exchanged for reconnects the page', async () => {
    const token = freshToken();
    const first = await open(token);
    expect(first.setCookie).toMatch(/^khidma-bridge-\d+=[A-Za-z0-9_-]+; Path=\/bridge; HttpOnly; SameSite=Strict$/);
    first.ws.close();
    await expect(open(token)).rejects.toThrow('HTTP 401'); // a second use of the launch token
    const cookie = first.setCookie!.split(';')[0]!;
    const again = await open(token, { cookie }); // what the page does after a reload: same URL, cookie sent
    expect(again.setCookie).toBeUndefined();
    expect((await roundTrip(again.ws, { id: 1, method: 'session.start', params: { locale: 'ar' } })).result.ok).toBe(true);
    again.ws.close();
    await expect(open(null, { cookie, origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(open(null, { cookie: cookie.replace(/=.*/, '=forged') })).rejects.toThrow('HTTP 401');
  });

  it('sends the security headers on every file, and never lets the token page be cached', async () => {
    const page = await fetch(`${ui.origin}/`);
    const csp = page.headers.get('content-security-policy')!;
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'", `connect-src 'self' ${ui.origin.replace('http', 'ws')}`]) expect(csp).toContain(d);
    expect(csp).not.toContain('*');
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const asset = await fetch(`${ui.origin}/app.js`);
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect(asset.headers.get('content-security-policy')).toBe(csp);
  });

  it('answers a valid request with {ok:true,value}', async () => {
    const ws = await connect();
    const r = await roundTrip(ws, { id: 1, method: 'session.start', params: { locale: 'en' } });
    expect(r).toEqual({ id: 1, result: { ok: true, value: { sessionId: 's-en' } } });
    ws.close();
  });

  it('gives malformed and invalid requests a clear error, before any handler runs', async () => {
    const ws = await connect();
    expect((await roundTrip(ws, 'not json')).result.error?.code).toBe('malformed');
    expect((await roundTrip(ws, { method: 'session.start' })).result.error?.code).toBe('malformed');
    const unknown = await roundTrip(ws, { id: 2, method: 'payment.refundEverything', params: {} });
    expect(unknown.result.error).toEqual({ code: 'unknownMethod', message: 'unknown method: payment.refundEverything' });
    const bad = await roundTrip(ws, { id: 3, method: 'session.start', params: { locale: 'fr' } });
    expect(bad.result.error?.code).toBe('invalidRequest');
    expect(bad.result.error?.message).toContain('locale');
    const extra = await roundTrip(ws, { id: 4, method: 'session.start', params: { locale: 'ar', admin: true } });
    expect(extra.result.error?.code).toBe('invalidRequest');
    const letters = await roundTrip(ws, { id: 5, method: 'bill.lookup', params: { service: 'electricityWater', account: '12ab' } });
    expect(letters.result.error?.message).toContain('account');
    ws.close();
  });

  it('turns handler errors into results and hides internal detail', async () => {
    const ws = await connect();
    const nf = await roundTrip(ws, { id: 6, method: 'bill.lookup', params: { service: 'electricityWater', account: '1234' } });
    expect(nf.result).toEqual({ ok: false, error: { code: 'notFound', message: 'no bill for 1234' } });
    const internal = await roundTrip(ws, { id: 7, method: 'kiosk.info', params: {} });
    expect(internal.result).toEqual({ ok: false, error: { code: 'internal', message: 'internal error' } });
    ws.close();
  });

  it('pushes core events to connected clients', async () => {
    const ws = await connect();
    const got = new Promise((resolve) => ws.once('message', (raw) => resolve(JSON.parse(String(raw)))));
    events.emit('connectivity', { online: false });
    expect(await got).toEqual({ event: 'connectivity', payload: { online: false } });
    ws.close();
  });

  it('answers only requests addressed to 127.0.0.1:<port> (no DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = (host: string) =>
      new Promise<number>((resolve) => {
        request({ host: '127.0.0.1', port: Number(new URL(ui.origin).port), path: '/', headers: { host } }, (res) => resolve(res.statusCode ?? 0)).end();
      });
    expect(await status('evil.example')).toBe(421);
    expect(await status(`evil.example:${new URL(ui.origin).port}`)).toBe(421);
    expect(await status(new URL(ui.origin).host)).toBe(200);
  });

  it('serves files from the renderer folder only', async () => {
    expect((await fetch(`${ui.origin}/`)).status).toBe(200);
    expect((await fetch(`${ui.origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });
});

describe('malformed requests never take the core down', () => {
  it('answers 400 to an undecodable path and refuses a malformed upgrade, and keeps serving', async () => {
    const { request } = await import('node:http');
    const raw = (path: string, headers: Record<string, string> = {}) =>
      new Promise<number | 'closed'>((resolve) => {
        const req = request({ host: '127.0.0.1', port: Number(new URL(ui.origin).port), path, headers }, (res) => resolve(res.statusCode ?? 0));
        req.on('error', () => resolve('closed'));
        req.on('upgrade', (res) => resolve(res.statusCode ?? 0));
        req.end();
      });
    expect(await raw('/%')).toBe(400);
    expect(await raw('//', { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' })).not.toBe(101);
    expect((await fetch(`${ui.origin}/`)).status).toBe(200);
  });
});

describe('a bad frame closes only its own connection', () => {
  function closed(ws: WebSocket): Promise<number> {
    return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
  }

  it('an oversized message and an invalid-UTF-8 text frame each close their socket; the core answers the next request', async () => {
    const bystander = await connect();

    const big = await connect();
    big.on('error', () => {}); // the client side sees the close, not a crash
    const bigClosed = closed(big);
    big.send('x'.repeat(70 * 1024));
    expect(await bigClosed).toBe(1009); // message too big

    const bad = await connect();
    bad.on('error', () => {});
    const badClosed = closed(bad);
    // A text frame whose payload is not UTF-8: ws sends the bytes as given.
    bad.send(Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0x7d]), { binary: false });
    expect(await badClosed).toBe(1007); // invalid frame payload data
    expect(warnings.map((w) => w.data?.code)).toEqual(expect.arrayContaining(['WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', 'WS_ERR_INVALID_UTF8']));

    // The core is still up: the bystander's socket and a fresh one both get answers.
    expect((await roundTrip(bystander, { id: 10, method: 'session.start', params: { locale: 'ar' } })).result).toEqual({ ok: true, value: { sessionId: 's-ar' } });
    const fresh = await connect();
    expect((await roundTrip(fresh, { id: 11, method: 'session.start', params: { locale: 'en' } })).result).toEqual({ ok: true, value: { sessionId: 's-en' } });
    bystander.close();
    fresh.close();
  });
});
