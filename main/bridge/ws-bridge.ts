import type { IncomingMessage, Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatcher } from './dispatcher.ts';
import type { EventHub } from './event-hub.ts';
import type { Logger } from '../log/logger.ts';

export const BRIDGE_PATH = '/bridge';
const MAX_MESSAGE_BYTES = 64 * 1024;

/** Wire format: requests {id, method, params}; responses {id, result}; pushes {event, payload}. */
export interface WireRequest {
  id: number | string;
  method: string;
  params?: unknown;
}

function tokenMatches(expected: string, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The loopback WebSocket transport over the shared dispatcher. The token is checked at
 * the HTTP upgrade, so a client without it never gets a socket at all.
 */
export function attachWsBridge(server: Server, opts: { token: string; dispatcher: Dispatcher; events: EventHub; log: Logger }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    let url: URL | undefined;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      url = undefined;
    }
    if (!url || url.pathname !== BRIDGE_PATH || !tokenMatches(opts.token, url.searchParams.get('token'))) {
      opts.log.warn('bridge', 'refused a bridge connection without the right token');
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  let connections = 0;
  function serve(ws: WebSocket): void {
    const conn = `ws-${++connections}`;
    const unsubscribe = opts.events.subscribe((event, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
    });
    ws.on('close', () => (unsubscribe(), opts.dispatcher.release?.(conn)));
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
          : await opts.dispatcher.dispatch(msg.method, msg.params, conn);
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
