import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  APP_ENTRY,
  BLOCKED_SHORTCUTS,
  appResponseHeaders,
  isAllowedRequest,
  isAppUrl,
  isBlockedShortcut,
  isTrustedIpcCaller,
  permissionAllowed,
  resolveAppFile,
  shellContentSecurityPolicy,
  touchModeCss,
  windowOptions,
  type KeyInput,
} from '../../../main/shell/rules.ts';
import { serveApp, configErrorPage } from '../../../main/shell/app-protocol.ts';
import { RestartBackoff } from '../../../main/launcher/restart-backoff.ts';

/** "Ctrl+Shift+I" → the Input Electron would report for that chord. */
function press(name: string): KeyInput {
  const parts = name.split(/\+(?!$)/);
  const key = parts.pop()!;
  return { type: 'keyDown', key, control: parts.includes('Ctrl'), alt: parts.includes('Alt'), shift: parts.includes('Shift'), meta: parts.includes('Meta') };
}

describe('shell rules', () => {
  it('the CSP is strict: own scheme only, no plugins, no base, no framing, no eval or inline script', () => {
    const csp = shellContentSecurityPolicy();
    for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'"]) expect(csp).toContain(d);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*|https?:|ws:/);
    expect(appResponseHeaders('text/html')).toMatchObject({ 'content-security-policy': csp, 'x-content-type-options': 'nosniff' });
  });

  it('trusts a URL by its parsed scheme and host, never by prefix', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(isAppUrl('khidma://app/assets/x.js?v=1#top')).toBe(true);
    for (const bad of ['khidma://app.evil.com/', 'khidma://evil/app', 'khidma://user:pw@app/', 'https://app/', 'file:///app/index.html', 'khidma:app', 'javascript:alert(1)', '', 'not a url', 'KHIDMA://APP.evil/'])
      expect([bad, isAppUrl(bad)]).toEqual([bad, false]);
    fc.assert(fc.property(fc.string(), (s) => typeof isAppUrl(s) === 'boolean'));
    fc.assert(fc.property(fc.webUrl(), (u) => !isAppUrl(u)));
  });

  it('maps khidma:// paths into the renderer folder only', () => {
    const root = '/srv/khidma/renderer';
    expect(resolveAppFile(root, 'khidma://app/')).toEqual({ path: `${root}/index.html`, type: 'text/html; charset=utf-8' });
    expect(resolveAppFile(root, 'khidma://app/assets/a.woff2')?.type).toBe('font/woff2');
    for (const bad of ['khidma://app/..%2f..%2fetc/passwd', 'khidma://app/%', 'khidma://other/index.html'])
      expect(resolveAppFile(root, bad)).toBeUndefined();
    // The URL parser resolves dot segments first: this one lands inside the folder.
    expect(resolveAppFile(root, 'khidma://app/%2e%2e/%2e%2e/etc/passwd')?.path).toBe(`${root}/etc/passwd`);
    fc.assert(fc.property(fc.string(), (s) => {
      const r = resolveAppFile(root, `khidma://app/${s}`);
      return r === undefined || r.path.startsWith(`${root}/`);
    }));
  });

  it('serves files and an escaped, bilingual config-error page with the CSP', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'khidma-rules-'));
    writeFileSync(join(dir, 'index.html'), 'hello');
    expect(await (await serveApp(APP_ENTRY, { rendererDir: dir, errorPage: () => undefined, hidePointer: false })).text()).toBe('hello');
    expect((await serveApp('khidma://app/missing.js', { rendererDir: dir, errorPage: () => undefined, hidePointer: false })).status).toBe(404);
    const page = configErrorPage('kioskId: <script>alert(1)</script>');
    expect(page).not.toContain('<script>');
    expect(page).toContain('&#60;script&#62;');
    expect(page).toContain('غير مهيأ');
    const r = await serveApp('khidma://app/anything', { rendererDir: dir, errorPage: () => page, hidePointer: false });
    expect(await r.text()).toBe(page);
    expect(r.headers.get('content-security-policy')).toBe(shellContentSecurityPolicy());
  });

  it('window options follow the checklist; devtools only when asked', () => {
    const w = windowOptions({ preload: '/p.cjs', devTools: false });
    expect(w.webPreferences).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, contextIsolation: true, sandbox: true, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, devTools: false, experimentalFeatures: false });
    expect(windowOptions({ preload: '/p.cjs', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('every listed escape shortcut is blocked; typing, Tab, arrows, Enter and Escape are not', () => {
    for (const s of BLOCKED_SHORTCUTS) expect([s, isBlockedShortcut(press(s))]).toEqual([s, true]);
    for (const k of ['a', '7', 'ش', 'Tab', 'Enter', ' ', 'Escape', 'ArrowLeft', 'Backspace', 'Shift+A'])
      expect([k, isBlockedShortcut(press(k))]).toEqual([k, false]);
    expect(isBlockedShortcut({ ...press('F5'), type: 'keyUp' })).toBe(false);
  });

  it('touch CSS: no selection outside inputs, no overscroll; the pointer hidden only when configured', () => {
    expect(touchModeCss({ hidePointer: true })).toMatch(/cursor: none/);
    expect(touchModeCss({ hidePointer: false })).not.toMatch(/cursor/);
    expect(touchModeCss({ hidePointer: false })).toMatch(/input, textarea[^{]*\{[^}]*user-select: text/);
    expect(touchModeCss({ hidePointer: false })).toMatch(/overscroll-behavior: none/);
  });

  it('IPC callers: our window, top frame, our page', () => {
    const frame = { url: APP_ENTRY, isMainFrame: true };
    expect(isTrustedIpcCaller({ senderId: 3, frame }, 3)).toBe(true);
    expect(isTrustedIpcCaller({ senderId: 4, frame }, 3)).toBe(false);
    expect(isTrustedIpcCaller({ senderId: 3, frame: { ...frame, isMainFrame: false } }, 3)).toBe(false);
    expect(isTrustedIpcCaller({ senderId: 3, frame: { ...frame, url: 'https://x/' } }, 3)).toBe(false);
    expect(isTrustedIpcCaller({ senderId: 3, frame: null }, 3)).toBe(false);
    expect(isTrustedIpcCaller({ senderId: 3, frame }, undefined)).toBe(false);
  });

  it('permissions are always refused; requests only to our scheme and data:', () => {
    expect(permissionAllowed('media')).toBe(false);
    expect(isAllowedRequest('khidma://app/x.js', { devTools: false })).toBe(true);
    expect(isAllowedRequest('devtools://devtools/x', { devTools: false })).toBe(false);
    expect(isAllowedRequest('devtools://devtools/x', { devTools: true })).toBe(true);
    expect(isAllowedRequest('http://127.0.0.1/', { devTools: true })).toBe(false);
  });

  it('restart backoff doubles to its cap and starts afresh after a stable run', () => {
    let t = 0;
    const b = new RestartBackoff({ baseMs: 500, capMs: 4000, stableMs: 60_000 }, () => t);
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([500, 1000, 2000, 4000, 4000]);
    t += 60_000;
    expect(b.next()).toBe(500);
  });
});

describe('nothing is handed to the operating system', () => {
  it('no source file calls shell.openExternal (or opens paths/items through the OS)', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const files = ['main', 'renderer/src'].flatMap((d) => walk(join(root, d))).filter((f) => /\.(c|m)?tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => /\b(openExternal|openPath|showItemInFolder)\s*\(/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});
