import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher, type Handlers } from '../../../main/bridge/dispatcher.ts';
import { EventHub } from '../../../main/bridge/event-hub.ts';
import { startUiServer, type UiServer } from '../../../main/server/ui-server.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { createMemoryLink } from '../../../drivers/transport/memory-link.ts';
import { EPSON_TM_T88_80MM, EscPosSimulator, layoutReceipt } from '../../../drivers/printer/index.ts';
import { createZvtSimulator } from '../../../drivers/payment/zvt/index.ts';
import { MrzReaderDriver, MrzReaderSimulator, READER_PROFILES } from '../../../drivers/idreader/index.ts';
import { demoPeople } from '../../../main/demo-gateway/seed.ts';
import type { Transport } from '../../../drivers/transport/transport.ts';

/** The virtual devices panel, served by the real UI server, driving real simulators over memory links. */
const root = mkdtempSync(join(tmpdir(), 'khidma-demo-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>k</title>');
const [printerHost, printerDevice] = createMemoryLink();
const [terminalHost, terminalDevice] = createMemoryLink();
const [readerHost, readerDevice] = createMemoryLink();
const printer = new EscPosSimulator(printerDevice, EPSON_TM_T88_80MM);
const terminal = createZvtSimulator(terminalDevice);
const idReader = new MrzReaderSimulator(readerDevice);
const reader = new MrzReaderDriver(readerHost, { profile: READER_PROFILES['generic-crlf'] });
const hosts: Transport[] = [printerHost, terminalHost, readerHost];
let demo: UiServer;
let plain: UiServer;

const start = (on: boolean) =>
  startUiServer({ rootDir: root, port: 0, dispatcher: createDispatcher({} as Handlers, silentLogger), events: new EventHub(), log: silentLogger, demo: on, simulators: { printer, terminal, idReader }, profile: 'KW' });

beforeAll(async () => {
  demo = await start(true);
  plain = await start(false);
});
afterAll(async () => {
  await demo.close();
  await plain.close();
  printer.close();
  await terminal.close();
  await reader.close();
  for (const h of hosts) await h.close();
});

const post = (url: string, form: Record<string, string>) => fetch(url.replace('/demo/?', '/demo/action?'), { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });

describe('virtual devices panel', () => {
  it('exists only in demo mode, and only with its key', async () => {
    expect(plain.demoUrl).toBeUndefined();
    expect((await fetch(`${plain.origin}/demo/`)).status).toBe(404);
    expect(demo.demoUrl).toMatch(/\/demo\/\?k=[\w-]{20,}$/);
    expect((await fetch(`${demo.origin}/demo/`)).status).toBe(403);
    expect((await fetch(`${demo.origin}/demo/?k=wrong`)).status).toBe(403);
    expect((await post(`${demo.origin}/demo/?k=wrong`, { device: 'printer', value: 'paperOut' })).status).toBe(403);
    expect(printer.fault).toBe('none');
    const page = await fetch(demo.demoUrl!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('Virtual devices');
  });

  it('sets printer faults and the terminal\'s next payment; unknown values are refused', async () => {
    let r = await post(demo.demoUrl!, { device: 'printer', value: 'paperOut' });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(new URL(demo.demoUrl!).pathname + new URL(demo.demoUrl!).search);
    expect(printer.fault).toBe('paperOut');
    await post(demo.demoUrl!, { device: 'printer', value: 'none' });
    expect(printer.fault).toBe('none');
    for (const next of ['decline', 'pin', 'slow', 'approve', 'linkDrop'] as const) {
      expect((await post(demo.demoUrl!, { device: 'terminal', value: next })).status).toBe(303);
      expect(terminal.nextPayment).toBe(next);
    }
    await post(demo.demoUrl!, { device: 'terminal', value: 'rules' });
    expect(terminal.nextPayment).toBeUndefined();
    r = await post(demo.demoUrl!, { device: 'printer', value: 'onFire' });
    expect(r.status).toBe(400);
    expect((await fetch(demo.demoUrl!)).status).toBe(200);
  });

  it('places a demo civil ID card on the reader: the driver reads the demo visitor\'s civil number', async () => {
    const read = new Promise<unknown>((resolve) => reader.onRead((d) => resolve(d)));
    await post(demo.demoUrl!, { device: 'reader', value: 'idCard' });
    const doc = JSON.stringify(await read);
    expect(doc).toContain(demoPeople('KW')[0]!.nationalId);
  });

  it('shows every print job as its own PNG, newest first', async () => {
    for (const text of ['first', 'second']) await printerHost.write(layoutReceipt({ direction: 'ltr', blocks: [{ kind: 'text', text }] }, EPSON_TM_T88_80MM));
    await new Promise((r) => setTimeout(r, 30));
    const html = await (await fetch(demo.demoUrl!)).text();
    const order = [...html.matchAll(/demo-receipt-(\d+)/g)].map((m) => Number(m[1]));
    expect(order).toEqual([1, 0]);
    const key = new URL(demo.demoUrl!).searchParams.get('k')!;
    const png = await fetch(`${demo.origin}/demo/receipt/1.png?k=${key}`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    expect((await fetch(`${demo.origin}/demo/receipt/7.png?k=${key}`)).status).toBe(404);
    expect((await fetch(`${demo.origin}/demo/receipt/1.png`)).status).toBe(403);
  });
});
