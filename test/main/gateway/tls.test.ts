import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { startDemoGateway, type DemoGateway } from '../../../main/demo-gateway/server.ts';
import { createGatewayClient } from '../../../main/gateway/client.ts';
import { gatewayUrlProblem, mutualTlsFetch, remoteGatewayTransport } from '../../../main/gateway/tls.ts';
import { ConfigError, parseConfig } from '../../../main/config.ts';
import { createKiosk } from '../../../main/compose.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { makeTestPki, type TestPki } from '../../support/test-ca.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dir = tempDir('tls');
let pki: TestPki;
let rogue: TestPki;
let gw: DemoGateway;
let rogueGw: DemoGateway;

beforeAll(async () => {
  mkdirSync(dir.file('pki'));
  pki = makeTestPki(dir.file('pki'), 'operator');
  rogue = makeTestPki(dir.file('pki'), 'rogue');
  // The demo gateway over HTTPS, asking every client for a certificate from the operator's CA.
  gw = await startDemoGateway({
    dbFile: dir.file('gw.sqlite'),
    tls: { key: pki.read(pki.serverKey), cert: pki.read(pki.serverCert), ca: pki.read(pki.caCert), requestCert: true, rejectUnauthorized: true },
  });
  // A gateway impostor: same software, certificate from another CA.
  rogueGw = await startDemoGateway({
    dbFile: dir.file('rogue.sqlite'),
    tls: { key: rogue.read(rogue.serverKey), cert: rogue.read(rogue.serverCert), ca: pki.read(pki.caCert), requestCert: true, rejectUnauthorized: true },
  });
}, 60_000);
afterAll(async () => {
  await gw?.close();
  await rogueGw?.close();
  dir.remove();
});

const kioskFetch = () => mutualTlsFetch({ ca: pki.read(pki.caCert), cert: pki.read(pki.clientCert), key: pki.read(pki.clientKey) });
const client = (baseUrl: string, fetchImpl?: typeof fetch) => createGatewayClient({ baseUrl, kioskId: 'KW-TLS-01', timeoutMs: 5000, ...(fetchImpl && { fetch: fetchImpl }) });

describe('gateway client: mutual TLS with a pinned CA (test CA generated at test time)', () => {
  it('the kiosk with its certificate talks to the HTTPS demo gateway', async () => {
    expect(gw.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const c = client(gw.url, kioskFetch());
    await c.health();
    expect((await c.lookupBill('electricityWater', '100200300')).amount.amountMinor).toBe(12_750);
  });

  it('a client without the certificate is refused by the gateway', async () => {
    const noCert = mutualTlsFetch({ ca: pki.read(pki.caCert), cert: '', key: '' });
    await expect(client(gw.url, noCert).health()).rejects.toMatchObject({ name: 'GatewayError', kind: 'transient', message: 'gateway unreachable' });
    // A certificate from another CA is no better.
    const foreign = mutualTlsFetch({ ca: pki.read(pki.caCert), cert: rogue.read(rogue.clientCert), key: rogue.read(rogue.clientKey) });
    await expect(client(gw.url, foreign).health()).rejects.toMatchObject({ kind: 'transient' });
    const before = gw.served.get(200) ?? 0;
    await expect(client(gw.url, noCert).lookupBill('electricityWater', '100200300')).rejects.toMatchObject({ kind: 'transient' });
    expect(gw.served.get(200) ?? 0).toBe(before); // nothing was answered
  });

  it('a gateway with an unknown certificate is refused by the kiosk (the CA is pinned)', async () => {
    await expect(client(rogueGw.url, kioskFetch()).health()).rejects.toMatchObject({ kind: 'transient', message: 'gateway unreachable' });
    expect(rogueGw.served.size).toBe(0);
    // The global fetch (public CA store) does not trust the operator's CA either: pinning, not the store.
    await expect(client(gw.url).health()).rejects.toMatchObject({ kind: 'transient' });
  });

  it('plain HTTP to a remote gateway is refused unless a lab allows it; https needs the TLS files', () => {
    expect(gatewayUrlProblem('http://127.0.0.1:8080', { tls: false, allowPlainHttp: false })).toBeUndefined();
    expect(gatewayUrlProblem('http://localhost:8080', { tls: false, allowPlainHttp: false })).toBeUndefined();
    expect(gatewayUrlProblem('http://gateway.gov.kw/', { tls: false, allowPlainHttp: false })).toMatch(/plain HTTP/);
    expect(gatewayUrlProblem('http://127.0.0.1.nip.io/', { tls: false, allowPlainHttp: false })).toMatch(/plain HTTP/);
    expect(gatewayUrlProblem('http://10.0.0.5/', { tls: false, allowPlainHttp: true })).toBeUndefined();
    expect(gatewayUrlProblem('https://gateway.gov.kw/', { tls: false, allowPlainHttp: false })).toMatch(/gateway.tls/);
    expect(gatewayUrlProblem('ftp://gateway.gov.kw/', { tls: true, allowPlainHttp: true })).toMatch(/https/);
    expect(() => remoteGatewayTransport({ url: 'http://gateway.gov.kw/', allowPlainHttp: false })).toThrow(ConfigError);
    expect(() => remoteGatewayTransport({ url: 'https://gateway.gov.kw/', allowPlainHttp: false, tls: { caFile: '/nope/ca.pem', certFile: pki.clientCert, keyFile: pki.clientKey } })).toThrow(/caFile: cannot read \/nope\/ca.pem/);
    expect(remoteGatewayTransport({ url: 'https://gateway.gov.kw/', allowPlainHttp: false, tls: { caFile: pki.caCert, certFile: pki.clientCert, keyFile: pki.clientKey } }).fetch).toBeTypeOf('function');
  });

  it('a kiosk configured with gateway.tls goes online against the HTTPS gateway; without the lab switch an http remote does not start', async () => {
    const data = tempDir('tls-kiosk');
    try {
      const kiosk = await createKiosk(
        parseConfig({ dataDir: data.path, connectivity: { probeIntervalMs: 200 }, gateway: { mode: 'remote', url: gw.url, tls: { caFile: pki.caCert, certFile: pki.clientCert, keyFile: pki.clientKey } } }),
        { log: silentLogger },
      );
      try {
        await expect.poll(() => kiosk.syncStatus().online, { timeout: 15_000 }).toBe(true);
        expect((await kiosk.dispatcher.dispatch('session.start', { locale: 'en' })).ok).toBe(true);
        const bill = await kiosk.dispatcher.dispatch('bill.lookup', { service: 'electricityWater', account: '100200300' });
        expect(bill).toMatchObject({ ok: true });
      } finally {
        await kiosk.close();
      }
      await expect(createKiosk(parseConfig({ dataDir: data.path, gateway: { mode: 'remote', url: 'http://gateway.example.gov/' } }), { log: silentLogger })).rejects.toThrow(ConfigError);
    } finally {
      data.remove();
    }
  });
});
