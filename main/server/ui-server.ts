import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { attachWsBridge } from '../bridge/ws-bridge.ts';
import { createBridgeAuth } from '../bridge/bridge-auth.ts';
import { uiHeaders } from './security-headers.ts';
import type { Dispatcher } from '../bridge/dispatcher.ts';
import type { EventSource } from '../bridge/event-hub.ts';
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
  /**
   * A fresh URL to open the kiosk UI in one browser launch. Its token sits in the fragment
   * (never sent in requests) and is single-use: the first bridge connection exchanges it for
   * a session cookie. Never print or log it.
   */
  launchUrl(): string;
  readonly origin: string;
  /** The virtual devices panel, when the server was started with `demo: true`. */
  readonly demoUrl: string | undefined;
  close(): Promise<void>;
}

/** Serves the built renderer and the WebSocket bridge on 127.0.0.1 only. */
export interface UiServerOptions {
  rootDir: string;
  port: number;
  dispatcher: Dispatcher;
  events: EventSource;
  log: Logger;
  /** A launch token was just exchanged for a session (the headless launcher then issues the next one). */
  onLaunchTokenSpent?: () => void;
  /** Demo mode: serve the virtual devices panel at /demo/ beside the kiosk, driving these simulators. */
  demo?: boolean;
  simulators?: DemoSimulators;
  profile?: DemoProfile;
}

export async function startUiServer(opts: UiServerOptions): Promise<UiServer> {
  let origin = '';
  const root = resolve(opts.rootDir); // no trailing separator, so the prefix check below holds
  const panel = opts.demo ? createDemoPanel(opts.simulators ?? {}, opts.profile ?? 'KW') : undefined;
  const server: Server = createServer((req, res) => {
    // DNS rebinding: a page on evil.example that re-resolves to 127.0.0.1 still sends its own Host.
    if (req.headers.host !== new URL(origin).host) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('misdirected request');
      return;
    }
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
    res.writeHead(200, uiHeaders(origin, { type: TYPES[extname(file)] ?? 'application/octet-stream', isEntryPage: file === join(root, 'index.html') }));
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  // Cookies ignore ports: the name carries it, so two kiosks on one machine stay apart.
  const auth = createBridgeAuth({ origin, cookieName: `khidma-bridge-${port}`, onTokenSpent: opts.onLaunchTokenSpent });
  const bridge = attachWsBridge(server, { auth, dispatcher: opts.dispatcher, events: opts.events, log: opts.log });
  return {
    origin,
    launchUrl: () => `${origin}/#token=${auth.issueLaunchToken()}`,
    demoUrl: panel && `${origin}${panel.path}`,
    async close() {
      bridge.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
