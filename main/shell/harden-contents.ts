import type { WebContents } from 'electron';
import { isAppUrl, isBlockedShortcut } from './rules.ts';

export type Blocked = (what: 'navigation' | 'redirect' | 'window' | 'webview' | 'shortcut', detail: Record<string, unknown>) => void;

/**
 * Applied to every WebContents the app ever creates (via `web-contents-created`), so no page,
 * frame or stray window escapes the rules: stay on our origin, open nothing, attach nothing,
 * swallow browser shortcuts and the context menu.
 */
export function hardenWebContents(contents: WebContents, onBlocked: Blocked): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    onBlocked('navigation', { scheme: schemeOf(url) });
  });
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    onBlocked('redirect', { scheme: schemeOf(url) });
  });
  // No new windows, ever; and nothing is handed to the OS (no shell.openExternal anywhere).
  contents.setWindowOpenHandler(({ url }) => {
    onBlocked('window', { scheme: schemeOf(url) });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked('webview', {});
  });
  contents.on('before-input-event', (event, input) => {
    if (!isBlockedShortcut(input)) return;
    event.preventDefault();
    onBlocked('shortcut', { key: input.key });
  });
  // Electron shows no context menu of its own; this keeps it so if a default ever appears.
  contents.on('context-menu', (event) => event.preventDefault());
}

/** Only the scheme goes to the log: a URL can carry whatever a visitor typed. */
function schemeOf(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return m ? m[1]!.toLowerCase() : 'invalid';
}
