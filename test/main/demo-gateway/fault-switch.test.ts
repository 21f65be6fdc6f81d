import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startDemoGateway, type DemoGateway } from '../../../main/demo-gateway/server.ts';
import { createGatewayClient } from '../../../main/gateway/client.ts';
import { createKiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { launchChromium } from '../../support/chromium.ts';
import { tempDir } from '../../support/temp-dir.ts';

const TOKEN = 'fault-switch-test-token';
const dir = tempDir('fault');
let gw: DemoGateway;
let noSwitch: DemoGateway;
beforeAll(async () => {
  gw = await startDemoGateway({ dbFile: dir.file('gw.sqlite'), faultToken: TOKEN });
  noSwitch = await startDemoGateway({ dbFile: dir.file('gw2.sqlite') });
});
afterAll(async () => {
  await gw.close();
  await noSwitch.close();
  dir.remove();
});

const billWorks = async (g: DemoGateway) => {
  const c = createGatewayClient({ baseUrl: g.url, kioskId: 'KW-T', timeoutMs: 2000 });
  return c.lookupBill('electricityWater', '100200300').then(() => true, () => false);
};
const post = (g: DemoGateway, headers: Record<string, string>, body: string) => fetch(`${g.url}/demo/fault`, { method: 'POST', headers, body });

describe('demo gateway fault switch', () => {
  it('needs the token and a JSON content type; anything else changes nothing', async () => {
    const down = JSON.stringify({ mode: 'down' });
    expect((await post(gw, { 'content-type': 'application/x-www-form-urlencoded' }, 'mode=down')).status).toBe(415);
    expect((await post(gw, { 'content-type': 'text/plain', 'x-demo-token': TOKEN }, down)).status).toBe(415);
    expect((await post(gw, { 'content-type': 'application/json' }, down)).status).toBe(403);
    expect((await post(gw, { 'content-type': 'application/json', 'x-demo-token': 'wrong' }, down)).status).toBe(403);
    expect(await billWorks(gw)).toBe(true);
    expect((await post(gw, { 'content-type': 'application/json; charset=utf-8', 'x-demo-token': TOKEN }, JSON.stringify({ mode: 'error500' }))).status).toBe(200);
    expect(await billWorks(gw)).toBe(false);
    expect((await post(gw, { 'content-type': 'application/json', 'x-demo-token': TOKEN }, JSON.stringify({ mode: 'none' }))).status).toBe(200);
    expect(await billWorks(gw)).toBe(true);
  });

  it('a gateway started without a token (not in demo mode) has no switch at all', async () => {
    expect((await post(noSwitch, { 'content-type': 'application/json', 'x-demo-token': TOKEN }, JSON.stringify({ mode: 'down' }))).status).toBe(404);
    expect(await billWorks(noSwitch)).toBe(true);
  });

  it('a cross-origin form POST from a real browser does nothing', async () => {
    // A page on another origin auto-submits forms at the switch, in both encodings a form has
    // that could carry JSON-looking text.
    const evil: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html>
<form id=a method=post action="${gw.url}/demo/fault" enctype="text/plain" target=f1><input name='{"mode":"down","x":"' value='"}'></form>
<form id=b method=post action="${gw.url}/demo/fault" target=f2><input name=mode value=down></form>
<iframe name=f1></iframe><iframe name=f2></iframe>
<script>document.getElementById('a').submit(); document.getElementById('b').submit();</script>`);
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
    const browser = await launchChromium();
    try {
      const before = gw.served.get(415) ?? 0;
      const page = await browser.newPage();
      await page.goto(`http://localhost:${(evil.address() as AddressInfo).port}/`);
      await expect.poll(() => (gw.served.get(415) ?? 0) - before, { timeout: 15_000 }).toBe(2); // both arrived, both refused
      expect(await billWorks(gw)).toBe(true);
    } finally {
      await browser.close();
      evil.close();
    }
  }, 60_000);

  it('the embedded demo gateway gets a fresh token in an owner-only file', async () => {
    const data = tempDir('fault-kiosk');
    try {
      const kiosk = await createKiosk(parseConfig({ demo: true, dataDir: data.path }), { log: silentLogger });
      try {
        const file = join(data.path, 'demo-fault-token');
        expect(statSync(file).mode & 0o777).toBe(0o600);
        const token = readFileSync(file, 'utf8').trim();
        const g = kiosk.demoGateway!;
        expect((await post(g, { 'content-type': 'application/json' }, JSON.stringify({ mode: 'none' }))).status).toBe(403);
        expect((await post(g, { 'content-type': 'application/json', 'x-demo-token': token }, JSON.stringify({ mode: 'none' }))).status).toBe(200);
      } finally {
        await kiosk.close();
      }
    } finally {
      data.remove();
    }
  });
});
