import type { CancellationToken } from 'electron-updater';
import type { IncomingMessage, OutgoingHttpHeaders, RequestOptions } from 'node:http';

/**
 * The release signature of a deb update: the release step signs each deb with
 * `openssl dgst -sha256 -sign release-key.pem -out <deb>.sig <deb>` and uploads `<deb>.sig` beside
 * it (README "Updates."). The shell only carries it into the cache next to the deb; the root
 * helper verifies it against the public key only root can write. Nothing here is a security check:
 * the kiosk user's process is not trusted with that.
 */

/** At most this many bytes (the helper's limit too): an RSA-4096 signature is 512. */
export const SIGNATURE_MAX_BYTES = 16 * 1024;

/** `<deb URL>.sig`, any query the feed URL carries kept after it. */
export function signatureUrl(deb: URL): URL {
  const url = new URL(deb.href);
  url.pathname += '.sig';
  url.hash = '';
  return url;
}

/**
 * The one method of electron-updater's HTTP client (builder-util-runtime's HttpExecutor) used
 * here; the client is @internal to electron-updater's types. Going through it gives the signature
 * the deb's own session, proxy, headers and redirect handling.
 */
export interface UpdaterHttp {
  doDownload(
    requestOptions: RequestOptions,
    options: {
      destination: null;
      options: { headers?: OutgoingHttpHeaders | null; cancellationToken: CancellationToken };
      onCancel: (cancel: () => void) => void;
      callback: (error: Error | null) => void;
      responseHandler: (response: IncomingMessage, callback: (error: Error | null) => void) => void;
    },
    redirectCount: number,
  ): void;
}

/** A small file into memory, as the client's own downloadToBuffer does, but refused past maxBytes instead of 500 MB. */
export function downloadSmall(
  http: UpdaterHttp,
  url: URL,
  o: { headers: OutgoingHttpHeaders | null; cancellationToken: CancellationToken },
  maxBytes: number,
): Promise<Buffer> {
  return o.cancellationToken.createPromise<Buffer>((resolve, reject, onCancel) => {
    // As builder-util-runtime's configureRequestUrl and configureRequestOptions set them.
    const requestOptions: RequestOptions & { redirect: 'manual' } = {
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: url.port } : {}),
      path: url.pathname + url.search,
      headers: { ...o.headers, 'User-Agent': o.headers?.['User-Agent'] ?? 'electron-builder', 'Cache-Control': 'no-cache' },
      // Electron's net follows redirects itself unless told not to; the client handles them.
      redirect: 'manual',
    };
    const chunks: Buffer[] = [];
    let received = 0;
    http.doDownload(
      requestOptions,
      {
        destination: null,
        options: o,
        onCancel,
        callback: (error) => (error ? reject(error) : resolve(Buffer.concat(chunks))),
        responseHandler: (response, callback) => {
          response.on('data', (chunk: Buffer) => {
            received += chunk.length;
            if (received > maxBytes) {
              response.destroy();
              callback(new Error(`${url.href} is larger than ${maxBytes} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          response.on('end', () => callback(null));
        },
      },
      0,
    );
  });
}
