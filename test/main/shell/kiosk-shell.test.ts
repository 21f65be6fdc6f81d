import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startShell, type ShellDeps } from '../../../main/shell/kiosk-shell.ts';
import type { ShellCore } from '../../../main/shell/core-supervisor.ts';
import { EventHub } from '../../../main/bridge/event-hub.ts';
import { ConfigError, parseConfig } from '../../../main/config.ts';
import { RestartBackoff } from '../../../main/launcher/restart-backoff.ts';
import { IPC_CALL, IPC_EVENT } from '../../../main/shell/ipc-channels.ts';
import { APP_ENTRY, EXIT_CONFIG_ERROR, shellContentSecurityPolicy } from '../../../main/shell/rules.ts';
import { TOUCH_CSS_PATH, TOUCH_CSS_URL } from '../../../main/shell/app-protocol.ts';
import { createFakeElectron, type FakeWindow } from './fake-electron.ts';

function fakeCore(): ShellCore & { audits: [string, Record<string, unknown>][]; closes: number } {
  const core = {
    audits: [] as [string, Record<string, unknown>][],
    closes: 0,
    dispatcher: { dispatch: vi.fn(async (method: unknown) => ({ ok: true as const, value: `answered ${String(method)}` })), idle: async () => undefined },
    events: new EventHub(),
    audit: (action: string, detail: Record<string, unknown>) => void core.audits.push([action, detail]),
    close: async () => void core.closes++,
  };
  return core;
}

/** Timers the test runs by hand: no test here waits on real time. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let id = 0;
  return {
    pending,
    setTimeout: (fn: () => void, ms: number) => (pending.set(++id, { fn, ms }), id),
    clearTimeout: (h: unknown) => void pending.delete(h as number),
    runAll() {
      const all = [...pending.values()];
      pending.clear();
      for (const t of all) t.fn();
    },
  };
}

const rendererDir = mkdtempSync(join(tmpdir(), 'khidma-shell-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>kiosk</title></head><body></body></html>');

async function boot(over: Partial<ShellDeps> = {}, fake = createFakeElectron()) {
  const cores: ReturnType<typeof fakeCore>[] = [];
  const proc = new EventEmitter();
  const timers = manualTimers();
  const logs: string[] = [];
  const handle = await startShell(fake.electron, {
    loadConfig: () => parseConfig({ demo: true }),
    openCore: async () => {
      const c = fakeCore();
      cores.push(c);
      return c;
    },
    rendererDir,
    preload: '/app/dist/main/shell/preload.cjs',
    hidePointer: true,
    process: proc,
    log: (_l, msg) => void logs.push(msg),
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    coreBackoff: new RestartBackoff({ baseMs: 0, capMs: 0, stableMs: 1 }),
    ...over,
  });
  const win = fake.rec.windows[0] as FakeWindow;
  return { ...fake, handle, cores, proc, timers, logs, win };
}

const invoke = (s: Awaited<ReturnType<typeof boot>>, event: unknown, ...args: unknown[]) => s.rec.ipc.get(IPC_CALL)!(event, ...args);
const mainFrameEvent = (id: number, url = APP_ENTRY, parent: unknown = null) => ({ sender: { id }, senderFrame: { url, parent } });

describe('the Electron shell wiring (fake electron module)', () => {
  it('registers every handler of the security checklist before showing the page', async () => {
    const s = await boot();
    const { rec, win } = s;
    expect(rec.singleInstanceLock).toBe(true);
    expect(rec.sandboxEnabled).toBe(true);
    expect(rec.privilegedSchemes).toEqual([{ scheme: 'khidma', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect([...rec.handlers.keys()]).toEqual(['khidma']);
    expect(rec.switches).toEqual(expect.arrayContaining([['touch-events', 'enabled'], ['disable-pinch', undefined], ['overscroll-history-navigation', '0']]));
    expect(rec.permissionRequest && rec.permissionCheck && rec.devicePermission && rec.beforeRequest).toBeTruthy();
    expect([...rec.ipc.keys()]).toEqual([IPC_CALL]);
    expect(rec.powerSave.started).toHaveLength(1);
    expect(rec.windows).toHaveLength(1);
    expect(win.options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, devTools: false, preload: '/app/dist/main/shell/preload.cjs' },
    });
    expect(win.loads).toEqual([APP_ENTRY]);
    expect(win.webContents.windowOpenHandler).toBeTypeOf('function');
    // Touch mode: the entry page links the shell's style sheet; zoom is pinned once loaded.
    const serve = rec.handlers.get('khidma')!;
    expect(await (await serve({ url: APP_ENTRY })).text()).toContain(`<link rel="stylesheet" href="${TOUCH_CSS_PATH}"></head>`);
    const css = await (await serve({ url: TOUCH_CSS_URL })).text();
    expect(css).toMatch(/cursor: none/);
    expect(css).toMatch(/user-select: none/);
    win.webContents.emit('did-finish-load');
    expect(win.webContents.zoomLimits).toEqual([1, 1]);
    // The session-wide header carries exactly the shell's policy.
    let headers: Record<string, string[]> = {};
    rec.headersReceived!({ responseHeaders: { 'x-a': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'x-a': ['1'], 'Content-Security-Policy': [shellContentSecurityPolicy()] });
  });

  it('devtools stay available in an unpackaged (developer) run only', async () => {
    const s = await boot({}, createFakeElectron({ packaged: false }));
    expect(s.win.options).toMatchObject({ webPreferences: { devTools: true } });
  });

  it('navigation and redirects to another origin are cancelled and audited; our own pages pass', async () => {
    const s = await boot();
    const wc = s.win.webContents;
    expect(wc.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.fire('will-navigate', 'khidma://app.evil.example/index.html')).toBe(true);
    expect(wc.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(wc.fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(wc.fire('will-navigate', 'khidma://app/index.html#/pay')).toBe(false);
    expect(s.cores[0]!.audits.map(([a]) => a)).toEqual(['shell.blocked.navigation', 'shell.blocked.navigation', 'shell.blocked.navigation', 'shell.blocked.redirect']);
    // The audit keeps the scheme only, never the URL (it could hold what a visitor typed).
    expect(JSON.stringify(s.cores[0]!.audits)).not.toContain('evil');
  });

  it('window.open is denied, webviews are refused, and escape shortcuts are swallowed', async () => {
    const s = await boot();
    const wc = s.win.webContents;
    expect(wc.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: APP_ENTRY })).toEqual({ action: 'deny' });
    expect(wc.fire('will-attach-webview', {}, {})).toBe(true);
    const key = (k: Partial<{ key: string; control: boolean; alt: boolean; meta: boolean; shift: boolean }>) =>
      wc.fire('before-input-event', { type: 'keyDown', key: 'a', control: false, alt: false, meta: false, shift: false, ...k });
    expect(key({ key: 'F4', alt: true })).toBe(true);
    expect(key({ key: 'w', control: true })).toBe(true);
    expect(key({ key: 'F5' })).toBe(true);
    expect(key({ key: 'F11' })).toBe(true);
    expect(key({ key: 'BrowserBack' })).toBe(true);
    expect(key({ key: '5' })).toBe(false);
    expect(key({ key: 'Tab' })).toBe(false);
    expect(wc.fire('context-menu', {})).toBe(true);
  });

  it('every permission request and check is denied; only our scheme and inline data may load', async () => {
    const { rec } = await boot();
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'serial', 'fullscreen']) {
      const cb = vi.fn();
      rec.permissionRequest!({}, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(rec.permissionCheck!({}, p, 'khidma://app')).toBe(false);
    }
    expect(rec.devicePermission!({})).toBe(false);
    const cancelled = (url: string) => {
      let r: boolean | undefined;
      rec.beforeRequest!({ url }, (x) => (r = x.cancel));
      return r;
    };
    expect(cancelled('https://tracker.example/x.js')).toBe(true);
    expect(cancelled('ws://127.0.0.1:9000/bridge')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('khidma://app/assets/index.js')).toBe(false);
    expect(cancelled('data:image/svg+xml,<svg/>')).toBe(false);
  });

  it('the khidma:// scheme serves the renderer with the strict CSP on every response', async () => {
    const { rec } = await boot();
    const serve = rec.handlers.get('khidma')!;
    const ok = await serve({ url: 'khidma://app/index.html' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<title>kiosk</title>');
    const missing = await serve({ url: 'khidma://app/../../etc/passwd' });
    expect(missing.status).toBe(404);
    for (const r of [ok, missing]) {
      expect(r.headers.get('content-security-policy')).toMatch(/object-src 'none'.*base-uri 'none'/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('IPC answers only our window\'s top frame on our own page', async () => {
    const s = await boot();
    const id = s.win.webContents.id;
    expect(await invoke(s, mainFrameEvent(id), 'kiosk.info', {})).toEqual({ ok: true, value: 'answered kiosk.info' });
    expect(await invoke(s, mainFrameEvent(id + 1), 'kiosk.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await invoke(s, mainFrameEvent(id, APP_ENTRY, { url: APP_ENTRY }), 'kiosk.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await invoke(s, mainFrameEvent(id, 'https://evil.example/'), 'kiosk.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await invoke(s, { sender: { id }, senderFrame: null }, 'kiosk.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(s.cores[0]!.dispatcher.dispatch).toHaveBeenCalledTimes(1);
    // Core events reach the page.
    s.cores[0]!.events.emit('connectivity', { online: false });
    expect(s.win.webContents.sent).toContainEqual([IPC_EVENT, 'connectivity', { online: false }]);
  });

  it('a crashed page is audited and reloaded on the attract screen after a backoff; a hung one is killed unless it recovers', async () => {
    const s = await boot();
    const wc = s.win.webContents;
    wc.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(s.cores[0]!.audits).toContainEqual(['shell.page.gone', { reason: 'crashed', exitCode: 139 }]);
    expect(s.win.loads).toEqual([APP_ENTRY]); // not at once: after the backoff
    expect([...s.timers.pending.values()][0]!.ms).toBeGreaterThan(0);
    s.timers.runAll();
    expect(s.win.loads).toEqual([APP_ENTRY, APP_ENTRY]);

    wc.emit('unresponsive');
    wc.emit('responsive');
    s.timers.runAll();
    expect(wc.crashes).toBe(0);
    wc.emit('unresponsive');
    s.timers.runAll();
    expect(wc.crashes).toBe(1);
    expect(s.cores[0]!.audits.filter(([a]) => a === 'shell.page.unresponsive')).toHaveLength(2);
  });

  it('SIGTERM and SIGINT quit through before-quit, which closes the core exactly once first', async () => {
    const s = await boot();
    s.proc.emit('SIGTERM');
    expect(s.rec.quit).toBe(false); // held until the core has closed
    await vi.waitFor(() => expect(s.rec.quit).toBe(true));
    expect(s.cores[0]!.closes).toBe(1);
    expect(s.rec.powerSave.stopped).toEqual(s.rec.powerSave.started);
    s.proc.emit('SIGINT');
    expect(s.cores[0]!.closes).toBe(1);

    const t = await boot();
    t.proc.emit('SIGINT');
    await vi.waitFor(() => expect(t.rec.quit).toBe(true));
    expect(t.cores[0]!.closes).toBe(1);
  });

  it('a failure in the core closes it, starts a fresh one (audited) and reloads the page onto it', async () => {
    const s = await boot();
    s.proc.emit('uncaughtException', new TypeError('boom'));
    await vi.waitFor(() => expect(s.cores).toHaveLength(2));
    expect(s.cores[0]!.closes).toBe(1);
    expect(s.cores[0]!.audits).toContainEqual(['core.restart', { reason: 'TypeError' }]);
    await vi.waitFor(() => expect(s.win.loads).toEqual([APP_ENTRY, APP_ENTRY]));
    expect(await invoke(s, mainFrameEvent(s.win.webContents.id), 'kiosk.info', {})).toEqual({ ok: true, value: 'answered kiosk.info' });
    expect(s.cores[1]!.dispatcher.dispatch).toHaveBeenCalledTimes(1);
  });

  it('a configuration error shows a clear error screen and exits non-zero; no core is started', async () => {
    const s = await boot({
      loadConfig: () => {
        throw new ConfigError('invalid kiosk configuration:\n  kioskNumber: Too big: expected number to be <=999');
      },
    });
    expect(s.cores).toHaveLength(0);
    expect(s.win.loads).toEqual([APP_ENTRY]);
    const page = await (await s.rec.handlers.get('khidma')!({ url: APP_ENTRY })).text();
    expect(page).toContain('This kiosk is not configured correctly');
    expect(page).toContain('kioskNumber');
    expect(s.rec.exitCode).toBeUndefined(); // the screen stays up for a while…
    s.timers.runAll();
    expect(s.rec.exitCode).toBe(EXIT_CONFIG_ERROR); // …then the process exits non-zero
  });

  it('a configuration error found by the core (not the file) gets the same screen; SIGTERM during a slow start quits cleanly', async () => {
    const s = await boot({ openCore: () => Promise.reject(new ConfigError('gateway: plain HTTP to a remote gateway is refused')) });
    expect(await (await s.rec.handlers.get('khidma')!({ url: APP_ENTRY })).text()).toContain('plain HTTP to a remote gateway is refused');
    s.timers.runAll();
    expect(s.rec.exitCode).toBe(EXIT_CONFIG_ERROR);

    let release: (c: ShellCore) => void = () => {};
    const slowCore = fakeCore();
    const fake = createFakeElectron();
    const booting = boot({ openCore: () => new Promise<ShellCore>((r) => (release = r)) }, fake);
    await vi.waitFor(() => expect(fake.rec.windows).toHaveLength(1));
    fake.app.emit('before-quit', { preventDefault: () => {} }); // SIGTERM → app.quit() while the core starts
    release(slowCore);
    const t = await booting;
    await vi.waitFor(() => expect(slowCore.closes).toBe(1)); // the core that arrived late is closed, not leaked
    expect(t.rec.exitCode).toBeUndefined();
    await vi.waitFor(() => expect(t.rec.quit).toBe(true));
  });

  it('a second instance quits at once without a window; the first one is focused', async () => {
    const first = await boot();
    first.app.emit('second-instance');
    expect(first.win.focused).toBe(1);
    const second = await boot({}, createFakeElectron({ lock: false }));
    expect(second.handle).toBeUndefined();
    expect(second.rec.windows).toHaveLength(0);
    expect(second.rec.quit).toBe(true);
    expect(second.cores).toHaveLength(0);
  });
});

describe('the shell over the real core', () => {
  it('a page crash lands in the kiosk\'s audit log; SIGTERM closes the real core', async () => {
    const { openShellCore } = await import('../../../main/shell/core-adapter.ts');
    const Database = (await import('better-sqlite3')).default;
    const { tempDir } = await import('../../support/temp-dir.ts');
    const dir = tempDir('shell-core');
    try {
      const config = parseConfig({ demo: true, dataDir: dir.path });
      const { tolerantFileLogger } = await import('../../support/tolerant-logger.ts');
      const s = await boot({ loadConfig: () => config, openCore: (c) => openShellCore(c, { log: tolerantFileLogger(join(dir.path, 'logs', 'kiosk.log')) }) });
      const id = s.win.webContents.id;
      expect(await invoke(s, mainFrameEvent(id), 'kiosk.info', {})).toMatchObject({ ok: true, value: { kioskId: config.kioskId } });
      s.win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 9 });
      s.proc.emit('SIGTERM');
      await vi.waitFor(() => expect(s.rec.quit).toBe(true), { timeout: 15_000 });
      // Closed: the database is no longer held, and the audit entry was committed.
      const db = new Database(join(dir.path, 'kiosk.sqlite'), { readonly: true });
      const rows = db.prepare("SELECT actor, action, detail_json FROM audit_log WHERE action LIKE 'shell.%'").all();
      db.close();
      expect(rows).toEqual([{ actor: 'shell', action: 'shell.page.gone', detail_json: JSON.stringify({ reason: 'oom', exitCode: 9 }) }]);
      expect(await invoke(s, mainFrameEvent(id), 'kiosk.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    } finally {
      dir.remove();
    }
  });

  it('a technician\'s restart gives a fresh core on the same data, with the identity saved for start-up', async () => {
    const { openShellCore } = await import('../../../main/shell/core-adapter.ts');
    const { tempDir } = await import('../../support/temp-dir.ts');
    const { tolerantFileLogger } = await import('../../support/tolerant-logger.ts');
    const { DEMO_TECHNICIAN } = await import('../../../main/technician/demo-mode.ts');
    const dir = tempDir('shell-restart');
    try {
      const config = parseConfig({ demo: true, dataDir: dir.path });
      const s = await boot({ loadConfig: () => config, openCore: (c, o) => openShellCore(c, { ...o, log: tolerantFileLogger(join(dir.path, 'logs', 'kiosk.log')) }) });
      const call = (method: string, params: unknown) => invoke(s, mainFrameEvent(s.win.webContents.id), method, params);
      const first = s.handle!.supervisor!.current;
      expect(await call('tech.login', { pin: DEMO_TECHNICIAN.pin })).toMatchObject({ ok: true });
      const form = { kioskId: 'KW-SHELL-02', kioskNumber: 2, location: config.location, profile: 'KW', gatewayUrl: '', fleetUrl: '', fleetCentre: '' };
      expect(await call('tech.saveSite', form)).toMatchObject({ ok: true, value: { site: { restartPending: true, canRestart: true } } });
      expect(await call('tech.restart', {})).toMatchObject({ ok: true });
      await vi.waitFor(() => expect(s.handle!.supervisor!.current).not.toBe(first), { timeout: 15_000 });
      await vi.waitFor(async () => expect(await call('kiosk.info', {})).toMatchObject({ ok: true, value: { kioskId: 'KW-SHELL-02' } }), { timeout: 15_000 });
      s.proc.emit('SIGTERM');
      await vi.waitFor(() => expect(s.rec.quit).toBe(true), { timeout: 15_000 });
    } finally {
      dir.remove();
    }
  });
});
