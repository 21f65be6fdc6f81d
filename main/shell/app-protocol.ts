import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_ENTRY, APP_ORIGIN, APP_SCHEME, appResponseHeaders, resolveAppFile, touchModeCss } from './rules.ts';

/** Before `ready`: our scheme behaves like https (standard, secure, fetch and CORS for fonts and modules). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

/**
 * Serves the built renderer on khidma://app/ with the strict CSP on every response. While a
 * configuration error is being shown, every request gets the error page instead.
 */
export interface AppSchemeOptions {
  rendererDir: string;
  errorPage: () => string | undefined;
  hidePointer: boolean;
}

export function handleAppScheme(protocol: Pick<Protocol, 'handle'>, o: AppSchemeOptions): void {
  protocol.handle(APP_SCHEME, (request) => serveApp(request.url, o));
}

/** The shell's own touch-mode style sheet, linked into the entry page (no insertCSS needed). */
export const TOUCH_CSS_PATH = '/__shell/touch.css';
export const TOUCH_CSS_URL = `${APP_ORIGIN}${TOUCH_CSS_PATH}`;

export async function serveApp(url: string, o: AppSchemeOptions): Promise<Response> {
  const error = o.errorPage();
  if (error !== undefined) return new Response(error, { status: 200, headers: appResponseHeaders('text/html; charset=utf-8') });
  if (url === TOUCH_CSS_URL) return new Response(touchModeCss({ hidePointer: o.hidePointer }), { status: 200, headers: appResponseHeaders('text/css; charset=utf-8') });
  const file = resolveAppFile(o.rendererDir, url);
  if (!file) return new Response('not found', { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8') });
  try {
    const body = await readFile(file.path);
    if (file.path !== resolveAppFile(o.rendererDir, APP_ENTRY)?.path) return new Response(body, { status: 200, headers: appResponseHeaders(file.type) });
    const html = body.toString('utf8').replace('</head>', `<link rel="stylesheet" href="${TOUCH_CSS_PATH}"></head>`);
    return new Response(html, { status: 200, headers: appResponseHeaders(file.type) });
  } catch {
    return new Response('not found', { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8') });
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The screen a misconfigured kiosk shows before it exits: what is wrong, in both languages. */
export function configErrorPage(message: string): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>Khidma</title>
<style>body{font-family:sans-serif;margin:0;padding:6vh 6vw;background:#fff;color:#1a1a1a}h1{font-size:3.2rem;margin-block:0 1rem}
p{font-size:1.8rem}pre{direction:ltr;text-align:start;font-size:1.4rem;white-space:pre-wrap;background:#f4f4f4;padding:1.5rem;border-radius:8px}</style></head>
<body><h1>هذا الجهاز غير مهيأ بشكل صحيح</h1><p>يرجى الاتصال بالفني المسؤول. الجهاز خارج الخدمة.</p>
<h1 lang="en" dir="ltr">This kiosk is not configured correctly</h1><p lang="en" dir="ltr">Please call a technician. The kiosk is out of service.</p>
<pre lang="en">${escapeHtml(message)}</pre></body></html>`;
}
