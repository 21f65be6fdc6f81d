import { readFileSync } from 'node:fs';
import type { Agent, fetch as undiciFetch } from 'undici';
import type { GatewayTlsConfig } from './tls-config.ts';
import { ConfigError } from '../config.ts';

/**
 * How the kiosk reaches a remote gateway: mutual TLS. The kiosk presents its own client
 * certificate (one per kiosk, issued by the operator's CA), and trusts only the pinned gateway
 * CA — not the machine's public CA store, so a certificate bought elsewhere for the gateway's
 * name is still refused. Plain HTTP goes nowhere but loopback unless a lab explicitly allows it.
 */
export interface GatewayTlsMaterial {
  ca: string | Buffer;
  cert: string | Buffer;
  key: string | Buffer;
}

export class GatewayTransportError extends Error {
  override name = 'GatewayTransportError';
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The rule for a gateway URL: https with TLS material; http only on loopback (the embedded demo
 * gateway) or with `allowPlainHttp` for a lab. Returns why not, or undefined when fine.
 */
export function gatewayUrlProblem(raw: string, o: { tls: boolean; allowPlainHttp: boolean }): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'gateway URL is not a URL';
  }
  if (url.protocol === 'https:') return o.tls ? undefined : 'an https gateway needs gateway.tls (pinned CA, client certificate and key)';
  if (url.protocol !== 'http:') return `gateway URL must be https (not ${url.protocol})`;
  if (LOOPBACK.has(url.hostname) || o.allowPlainHttp) return undefined;
  return 'plain HTTP to a remote gateway is refused: use https with gateway.tls, or set gateway.allowPlainHttp for a lab';
}

export function readTlsMaterial(c: GatewayTlsConfig): GatewayTlsMaterial {
  const read = (what: string, file: string) => {
    try {
      return readFileSync(file);
    } catch (err) {
      throw new GatewayTransportError(`gateway.tls.${what}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  return { ca: read('caFile', c.caFile), cert: read('certFile', c.certFile), key: read('keyFile', c.keyFile) };
}

/** A fetch that speaks mutual TLS with the pinned CA only (for GatewayClientOptions.fetch). */
export function mutualTlsFetch(m: GatewayTlsMaterial): typeof fetch {
  // undici loads at the first request, not at start-up (a large part of the core's load time).
  let client: Promise<{ agent: Agent; fetch: typeof undiciFetch }> | undefined;
  const open = async () => {
    const { Agent, fetch } = await import('undici');
    return { agent: new Agent({ connect: { ca: m.ca, cert: m.cert, key: m.key, rejectUnauthorized: true, minVersion: 'TLSv1.2' } }), fetch };
  };
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const u = await (client ??= open());
    return u.fetch(input as Parameters<typeof u.fetch>[0], { ...(init as Parameters<typeof u.fetch>[1]), dispatcher: u.agent });
  }) as unknown as typeof fetch;
}

/**
 * The transport for a remote gateway from its config: mutual TLS when gateway.tls is set; a
 * configuration error (error screen, exit 78) for plain HTTP off loopback without the lab
 * switch, https without TLS material, or unreadable certificate files.
 */
export function remoteGatewayTransport(g: { url: string; tls?: GatewayTlsConfig; allowPlainHttp: boolean }): { fetch?: typeof fetch } {
  const problem = gatewayUrlProblem(g.url, { tls: !!g.tls, allowPlainHttp: g.allowPlainHttp });
  if (problem) throw new ConfigError(`gateway: ${problem}`);
  if (!g.tls || new URL(g.url).protocol !== 'https:') return {};
  try {
    return { fetch: mutualTlsFetch(readTlsMaterial(g.tls)) };
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}
