import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createCoreGate } from '../../../main/bridge/core-gate.ts';
import { createDispatcher, type Handlers } from '../../../main/bridge/dispatcher.ts';
import { EventHub } from '../../../main/bridge/event-hub.ts';
import { createKiosk, type Kiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { startBrowserShell, type BrowserShell, type OpenedCore } from '../../../main/launcher/browser-shell.ts';
import { ChromiumWatchdog } from '../../../main/launcher/chromium-watchdog.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dir = tempDir('browser-shell');
beforeAll(() => {
  writeFileSync(dir.file('index.html'), '<!doctype html><title>k</title>');
});
afterAll(() => dir.remove());

const tokenOf = (launchUrl: string) => new URLSearchParams(new URL(launchUrl).hash.slice(1)).get('token')!;

/** A core stand-in: a real dispatcher over one handler, a real hub; its close is recorded. */
function standInCore(order: string[]): OpenedCore & { events: EventHub } {
  const handlers = { 'catalogue.get': () => ({ version: 3, catalogue: {} }) } as Partial<Handlers> as Handlers;
  return { dispatcher: createDispatcher(handlers, silentLogger), events: new EventHub(), close: async () => void order.push('core closed') };
}

/** The page's side of the bridge: connects with the launch URL's token, as the renderer does. */
async function pageBridge(launchUrl: string) {
  const url = new URL(launchUrl);
  const ws = new WebSocket(`ws://${url.host}/bridge?token=${tokenOf(launchUrl)}`, { origin: url.origin });
  const messages: unknown[] = [];
  ws.on('message', (d) => void messages.push(JSON.parse(String(d))));
  await once(ws, 'open');
  return { ws, messages };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('browser shell start-up: browser and core in parallel (real UI server on loopback)', () => {
  it('the browser starts and the page is served while the core is still opening; a bridge call made meanwhile is answered once it opens', async () => {
    const order: string[] = [];
    const opening = deferred<OpenedCore>();
    const gate = createCoreGate();
    let launchUrl: (() => string) | undefined;
    const starting = startBrowserShell({
      ui: { rootDir: dir.path, port: 0, log: silentLogger },
      launchFile: dir.file('unused-launch-url'),
      gate,
      startBrowser: (url) => {
        order.push('browser started');
        launchUrl = url;
        return { stop: async () => void order.push('browser stopped') };
      },
      openCore: () => (order.push('core opening'), opening.promise),
    });
    await expect.poll(() => order).toEqual(['browser started', 'core opening']);

    // What the browser does meanwhile: loads the page, connects the bridge, calls.
    const url = launchUrl!();
    const res = await fetch(new URL(url).origin + '/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>k</title>');
    const page = await pageBridge(url);
    page.ws.send(JSON.stringify({ id: 1, method: 'catalogue.get', params: {} }));
    await expect.poll(() => gate.waiting).toBe(1);
    expect(page.messages).toEqual([]);
    expect(gate.state).toBe('opening');

    const core = standInCore(order);
    opening.resolve(core);
    const shell = await starting;
    expect(shell.core).toBe(core);
    await expect.poll(() => page.messages).toEqual([{ id: 1, result: { ok: true, value: { version: 3, catalogue: {} } } }]);
    // The page's subscription, made before the core was there, now carries the core's events.
    core.events.emit('connectivity', { online: false });
    await expect.poll(() => page.messages.length).toBe(2);
    expect(page.messages[1]).toEqual({ event: 'connectivity', payload: { online: false } });

    page.ws.close();
    await shell.close();
    expect(order).toEqual(['browser started', 'core opening', 'browser stopped', 'core closed']);
  });

  it('a core that fails to open: the browser is stopped, the server closed, and the error passed on', async () => {
    const order: string[] = [];
    let origin = '';
    const starting = startBrowserShell({
      ui: { rootDir: dir.path, port: 0, log: silentLogger },
      launchFile: dir.file('unused-launch-url'),
      startBrowser: (url) => {
        origin = new URL(url()).origin;
        order.push('browser started');
        return { stop: async () => void order.push('browser stopped') };
      },
      openCore: async () => {
        order.push('core opening');
        throw new Error('database is locked');
      },
    });
    await expect(starting).rejects.toThrow('database is locked');
    expect(order).toEqual(['browser started', 'core opening', 'browser stopped']);
    await expect(fetch(origin + '/')).rejects.toThrow();
  });

  it('headless (--no-window): the owner-only launch file holds an unspent URL before the core opens, and the next one once it is spent', async () => {
    const file = dir.file('launch-url');
    const opening = deferred<OpenedCore>();
    const order: string[] = [];
    const starting = startBrowserShell({ ui: { rootDir: dir.path, port: 0, log: silentLogger }, launchFile: file, startBrowser: undefined, openCore: () => opening.promise });
    await expect.poll(() => existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const first = readFileSync(file, 'utf8').trim();
    const page = await pageBridge(first);
    await expect.poll(() => readFileSync(file, 'utf8').trim()).not.toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    opening.resolve(standInCore(order));
    const shell: BrowserShell<OpenedCore> = await starting;
    expect(shell.browser).toBeUndefined();
    page.ws.close();
    await shell.close();
    expect(order).toEqual(['core closed']);
  });
});

const chromium = process.env.KHIDMA_CHROMIUM ?? '/usr/bin/chromium';
const renderer = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));
const ON_ATTRACT = "document.body.innerText.includes('Start in English')";
const COUNTRY = "document.querySelector('[data-testid=country]')?.textContent ?? ''";

describe.skipIf(!existsSync(chromium) || !existsSync(renderer))('browser shell with real Chromium and a real core that opens late', () => {
  const data = tempDir('browser-shell-core');
  let shell: BrowserShell<Kiosk> | undefined;
  afterAll(async () => {
    await shell?.close();
    data.remove();
  });

  it('the page is up on the attract screen, its first calls waiting, before the core opens; once open, the core answers them', async () => {
    const gate = createCoreGate();
    let dog: ChromiumWatchdog | undefined;
    const evaluate = (expr: string) => dog!.evaluate(expr, 3000).catch(() => undefined);
    shell = await startBrowserShell({
      ui: { rootDir: renderer, port: 0, log: silentLogger },
      launchFile: data.file('unused-launch-url'),
      gate,
      startBrowser: (launchUrl) => {
        dog = new ChromiumWatchdog({ chromium, launchUrl, log: silentLogger, headless: true, startupGraceMs: 60_000 });
        dog.start();
        return dog;
      },
      openCore: async () => {
        // The core holds back until the browser has the page up and calling.
        await expect.poll(() => evaluate(ON_ATTRACT), { timeout: 60_000, interval: 250 }).toBe(true);
        await expect.poll(() => gate.waiting, { timeout: 30_000, interval: 100 }).toBeGreaterThan(0);
        expect(await evaluate(COUNTRY)).toBe('');
        return createKiosk(parseConfig({ demo: true, dataDir: data.path }), { log: silentLogger });
      },
    });
    // kiosk.info answered by the core: the profile's country name is on the attract screen.
    await expect.poll(() => evaluate(COUNTRY), { timeout: 30_000, interval: 250 }).toMatch(/Kuwait/);
    expect(dog!.launches).toBe(1);
  }, 120_000);
});
