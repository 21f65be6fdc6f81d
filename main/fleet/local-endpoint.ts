import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual, createHash } from 'node:crypto';

/**
 * The technician's on-site view of the fleet status: GET /status on 127.0.0.1 with a bearer
 * token, the same JSON the kiosk publishes. Loopback only; the token keeps other local users out.
 */
export interface LocalStatusEndpoint {
  readonly url: string;
  close(): Promise<void>;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export async function startLocalStatusEndpoint(opts: { port: number; token: string; status: () => unknown }): Promise<LocalStatusEndpoint> {
  const expected = digest(`Bearer ${opts.token}`);
  const server = createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    if (!timingSafeEqual(digest(auth), expected)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer', 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
      return;
    }
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://x').pathname !== '/status') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"notFound"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(opts.status()));
  });
  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/status`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
