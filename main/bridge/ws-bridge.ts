import type { IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Connection, Dispatcher } from './dispatcher.ts';
import type { EventSource } from './event-hub.ts';
import type { Logger } from '../log/logger.ts';
import type { BridgeAuth } from './bridge-auth.ts';

export const BRIDGE_PATH = '/bridge';
const MAX_MESSAGE_BYTES = 64 * 1024;

/** Wire format: requests {id, method, params}; responses {id, result}; pushes {event, payload}. */
export interface WireRequest {
  id: number | string;
  method: string;
  params?: unknown;
}

/**
 * The loopback WebSocket transport over the shared dispatcher. Origin and token (or the
 * session cookie a token was exchanged for) are checked at the HTTP upgrade, so a client
 * without them never gets a socket at all.
 */
export function attachWsBridge(server: Server, opts: { auth: BridgeAuth; dispatcher: Dispatcher; events: EventSource; log: Logger }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const cookies = new WeakMap<IncomingMessage, string>();
  wss.on('headers', (headers, req) => {
    const cookie = cookies.get(req);
    if (cookie) headers.push(`Set-Cookie: ${cookie}`);
  });

  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    socket.on('error', () => socket.destroy()); // a reset mid-handshake is the client's problem
    let url: URL | undefined;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      url = undefined;
    }
    const admission = url?.pathname === BRIDGE_PATH
      ? opts.auth.admit({ origin: req.headers.origin, token: url.searchParams.get('token'), cookie: req.headers.cookie })
      : ({ ok: false, reason: 'token' } as const);
    if (!admission.ok) {
      // Never log the token itself: only why the door stayed shut.
      opts.log.warn('bridge', 'refused a bridge connection', { reason: admission.reason });
      socket.end(`HTTP/1.1 ${admission.reason === 'origin' ? '403 Forbidden' : '401 Unauthorized'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    if (admission.setCookie) cookies.set(req, admission.setCookie);
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  function serve(ws: WebSocket): void {
    const connection: Connection = { id: randomUUID() };
    // Without this listener one oversized or non-UTF-8 frame throws out of the socket and takes
    // the whole core down. ws closes the connection itself (1009/1007); we log and go on.
    ws.on('error', (err: Error & { code?: string }) => {
      opts.log.warn('bridge', 'closed a bridge connection after a bad frame', { code: err.code ?? 'unknown' });
    });
    const unsubscribe = opts.events.subscribe((event, payload, scope) => {
      // A visitor's payment events go only to the connection whose session started the payment.
      if (scope && scope.sessionId !== connection.sessionId) return;
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
    });
    ws.on('close', () => (unsubscribe(), opts.dispatcher.release?.(connection.id)));
    ws.on('message', async (raw) => {
      let msg: Partial<WireRequest>;
      try {
        msg = JSON.parse(String(raw)) as Partial<WireRequest>;
        if (typeof msg !== 'object' || msg === null) throw new Error('not an object');
      } catch {
        ws.send(JSON.stringify({ id: null, result: { ok: false, error: { code: 'malformed', message: 'request is not a JSON object' } } }));
        return;
      }
      const id = typeof msg.id === 'number' || typeof msg.id === 'string' ? msg.id : null;
      const result =
        id === null
          ? { ok: false, error: { code: 'malformed', message: 'request needs an id (number or string)' } }
          : await opts.dispatcher.dispatch(msg.method, msg.params, { connection });
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }));
    });
  }

  return {
    close(): void {
      for (const c of wss.clients) c.terminate();
      wss.close();
    },
  };
}
