import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { attachWsBridge } from '../bridge/ws-bridge.ts';
import type { Dispatcher } from '../bridge/dispatcher.ts';
import type { EventHub } from '../bridge/event-hub.ts';
import type { Logger } from '../log/logger.ts';
import type { DemoProfile } from '../demo-gateway/seed.ts';
import { createDemoPanel, type DemoSimulators } from './demo-panel.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

export interface UiServer {
  /** Open this to get the kiosk UI; carries the per-launch token in the fragment (never sent to the server in logs). */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** The virtual devices panel, when the server was started with `demo: true`. */
  readonly demoUrl: string | undefined;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the WebSocket bridge on 127.0.0.1 only. The token is fresh
 * per launch and travels in the URL fragment, which browsers do not send in requests.
 */
export async function startUiServer(opts: {
  rootDir: string;
  port: number;
  dispatcher: Dispatcher;
  events: EventHub;
  log: Logger;
  /** Demo mode: serve the virtual devices panel at /demo/ beside the kiosk, driving these simulators. */
  demo?: boolean;
  simulators?: DemoSimulators;
  profile?: DemoProfile;
}): Promise<UiServer> {
  const token = randomBytes(24).toString('base64url');
  const root = resolve(opts.rootDir); // no trailing separator, so the prefix check below holds
  const panel = opts.demo ? createDemoPanel(opts.simulators ?? {}, opts.profile ?? 'KW') : undefined;
  const server: Server = createServer((req, res) => {
    let path: string;
    let query: URLSearchParams;
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      path = decodeURIComponent(url.pathname);
      query = url.searchParams;
    } catch {
      // A malformed URL is the client's problem, never the kiosk's.
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    if (panel?.handle(req, res, path, query)) return;
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      // The kiosk page may only talk to this server.
      'content-security-policy': "default-src 'self'; connect-src 'self' ws://127.0.0.1:*; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
    });
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  const bridge = attachWsBridge(server, { token, dispatcher: opts.dispatcher, events: opts.events, log: opts.log });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/#token=${token}`,
    token,
    demoUrl: panel && `${origin}${panel.path}`,
    async close() {
      bridge.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
