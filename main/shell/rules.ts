import type { BrowserWindowConstructorOptions } from 'electron';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * The Electron shell's security and kiosk rules as plain functions: unit-tested without the
 * Electron binary, and the only place these decisions are made (the wiring just applies them).
 */

/** The renderer is served from this privileged standard scheme, never from file://. */
export const APP_SCHEME = 'khidma';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The kiosk page talks to the core over IPC only: no network origin at all, not even loopback. */
export function shellContentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Preact writes style attributes (progress bars, positions): inline style, never inline script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'none'",
    "worker-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Trusted = the app's own scheme and host, decided on the parsed URL (never a prefix match). */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The file a khidma:// request maps to, inside the renderer folder only; undefined otherwise. */
export function resolveAppFile(rendererDir: string, raw: string): { path: string; type: string } | undefined {
  if (!isAppUrl(raw)) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(raw).pathname);
  } catch {
    return undefined;
  }
  const root = resolve(rendererDir);
  const path = normalize(join(root, pathname === '/' || pathname === '' ? 'index.html' : pathname));
  if (!path.startsWith(root + sep)) return undefined;
  return { path, type: TYPES[extname(path)] ?? 'application/octet-stream' };
}

/** Headers on every khidma:// response, the error page included. */
export function appResponseHeaders(type: string): Record<string, string> {
  return {
    'content-type': type,
    'content-security-policy': shellContentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };
}

/** Electron's security checklist, as window options. */
export function windowOptions(o: { preload: string; devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    fullscreen: true,
    kiosk: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    show: false,
    webPreferences: {
      preload: o.preload,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: undefined,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: o.devTools,
      safeDialogs: true,
      disableDialogs: true,
      autoplayPolicy: 'no-user-gesture-required', // spoken guidance starts without a tap
    },
  };
}

/** Chromium switches for touch kiosks: touch on, pinch zoom and swipe-back navigation off. */
export const SHELL_SWITCHES: readonly (readonly [string, string?])[] = [
  ['touch-events', 'enabled'],
  ['disable-pinch'],
  ['overscroll-history-navigation', '0'],
  ['disable-features', 'TouchpadOverscrollHistoryNavigation,Translate,HardwareMediaKeyHandling'],
  ['disable-background-networking'],
  ['disable-component-update'],
];

/** Page CSS in touch mode: no selection outside inputs, no callouts, no overscroll, optional hidden pointer. */
export function touchModeCss(o: { hidePointer: boolean }): string {
  return [
    'html, body { overscroll-behavior: none; touch-action: pan-x pan-y; -webkit-user-select: none; user-select: none; -webkit-touch-callout: none; -webkit-user-drag: none; }',
    'input, textarea, [contenteditable="true"] { -webkit-user-select: text; user-select: text; }',
    o.hidePointer ? '*, *::before, *::after { cursor: none !important; }' : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The subset of Electron's before-input-event Input the rules read. */
export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
}

/** Keys that would leave, reload, zoom, print or inspect the kiosk page. Staff use technician mode. */
export const BLOCKED_SHORTCUTS: readonly string[] = [
  'Alt+F4', 'Alt+Tab', 'Alt+Left', 'Alt+Right', 'Alt+Home', 'Ctrl+W', 'Ctrl+Shift+W', 'Ctrl+Q', 'Ctrl+R', 'Ctrl+Shift+R',
  'Ctrl+N', 'Ctrl+T', 'Ctrl+P', 'Ctrl+S', 'Ctrl+O', 'Ctrl+L', 'Ctrl+F', 'Ctrl+U', 'Ctrl+Shift+I', 'Ctrl+Shift+J',
  'Ctrl+Shift+C', 'Ctrl++', 'Ctrl+-', 'Ctrl+=', 'Ctrl+0', 'F1', 'F3', 'F5', 'F7', 'F11', 'F12', 'BrowserBack', 'BrowserForward',
  'BrowserRefresh', 'BrowserHome',
];

const FUNCTION_KEY = /^F\d{1,2}$/;
const BROWSER_KEY = /^(Browser|Launch|Media|AudioVolume|Zoom|Print|Close|Open|Save|New)/;

/**
 * Function keys, browser/OS media keys and every Ctrl/Alt/Meta chord (the on-screen keyboards
 * never send one) are swallowed. Tab, arrows, Enter, Space and Escape stay: keyboard-only
 * accessibility needs them.
 */
export function isBlockedShortcut(i: KeyInput): boolean {
  if (i.type !== 'keyDown' && i.type !== 'rawKeyDown') return false;
  return FUNCTION_KEY.test(i.key) || BROWSER_KEY.test(i.key) || i.control || i.alt || i.meta;
}

/** What the IPC handler knows about a caller (Electron's IpcMainInvokeEvent, reduced). */
export interface IpcCaller {
  senderId: number;
  frame: { url: string; isMainFrame: boolean } | null;
}

/** Only our window's own top frame, showing our own page, may call the core. */
export function isTrustedIpcCaller(caller: IpcCaller, windowContentsId: number | undefined): boolean {
  return windowContentsId !== undefined && caller.senderId === windowContentsId && !!caller.frame && caller.frame.isMainFrame && isAppUrl(caller.frame.url);
}

/** The one answer to every permission request and check: no camera, mic, geolocation, USB… */
export function permissionAllowed(_permission: string): false {
  return false;
}

/** Requests the page may make at all: its own scheme, inline data (icons); DevTools only when enabled. */
export function isAllowedRequest(raw: string, o: { devTools: boolean }): boolean {
  if (isAppUrl(raw) || raw.startsWith('data:')) return true;
  return o.devTools && raw.startsWith('devtools:');
}

/** sysexits EX_CONFIG: systemd's unit does not restart on it (a restart cannot fix a config file). */
export const EXIT_CONFIG_ERROR = 78;
