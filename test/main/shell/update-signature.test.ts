import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import electronUpdater from 'electron-updater';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { downloadSmall, SIGNATURE_MAX_BYTES, signatureUrl, type UpdaterHttp } from '../../../main/shell/update-signature.ts';
import { LoopbackHttp } from './loopback-http.ts';

describe('update signature URL and size', () => {
  it('is the deb URL with .sig appended to its path, any query kept after it', () => {
    expect(signatureUrl(new URL('https://u.example/khidma/khidma_0.2.0_amd64.deb')).href).toBe('https://u.example/khidma/khidma_0.2.0_amd64.deb.sig');
    expect(signatureUrl(new URL('https://u.example/k/khidma_0.2.0_amd64.deb?token=a#x')).href).toBe('https://u.example/k/khidma_0.2.0_amd64.deb.sig?token=a');
  });

  it('the shell takes no larger signature than the root helper accepts', () => {
    const helper = readFileSync(fileURLToPath(new URL('../../../packaging/linux/khidma-install-update', import.meta.url)), 'utf8');
    expect(helper).toContain(`\nSIGNATURE_MAX_BYTES=${SIGNATURE_MAX_BYTES}\n`);
  });
});

describe('downloadSmall (electron-updater\'s HTTP client, capped)', () => {
  let server: Server;
  let base: string;
  const seen: IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      const size = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('size'));
      if (req.url?.startsWith('/hang')) return void res.write('a'); // never ends
      res.end(Buffer.alloc(size, 7));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())));
  // As HelperDebUpdater reaches it: the method is protected in the client's types.
  const client = () => new LoopbackHttp() as unknown as UpdaterHttp;
  const o = (cancellationToken = new electronUpdater.CancellationToken()) => ({ headers: { authorization: 'Bearer feed-token' }, cancellationToken });

  it('returns up to maxBytes with the feed\'s request headers, and refuses one byte more', async () => {
    const http = client();
    expect(await downloadSmall(http, new URL(`${base}/s?size=100`), o(), 100)).toEqual(Buffer.alloc(100, 7));
    expect(seen.at(-1)).toMatchObject({ authorization: 'Bearer feed-token', 'cache-control': 'no-cache' });
    await expect(downloadSmall(http, new URL(`${base}/s?size=101`), o(), 100)).rejects.toThrow(`${base}/s?size=101 is larger than 100 bytes`);
  });

  it('stops when the update download is cancelled', async () => {
    const token = new electronUpdater.CancellationToken();
    const pending = downloadSmall(client(), new URL(`${base}/hang`), o(token), 100);
    setImmediate(() => token.cancel());
    await expect(pending).rejects.toThrow(/cancelled/);
  });
});
