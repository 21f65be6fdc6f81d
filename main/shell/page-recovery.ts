import type { BrowserWindow } from 'electron';
import { RestartBackoff } from '../launcher/restart-backoff.ts';
import { APP_ENTRY } from './rules.ts';

export interface RecoveryDeps {
  audit: (action: string, detail: Record<string, unknown>) => void;
  backoff?: RestartBackoff;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

/**
 * A crashed or hung kiosk page comes back on the attract screen by itself: each event goes to
 * the audit log, and reloads back off so a page that crashes on load does not spin.
 */
export function watchPage(win: BrowserWindow, d: RecoveryDeps): void {
  const backoff = d.backoff ?? new RestartBackoff({ baseMs: 500, capMs: 30_000, stableMs: 120_000 });
  const later = d.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const cancel = d.clearTimeout ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  const contents = win.webContents;
  let reloadTimer: unknown;
  let hangTimer: unknown;

  const reload = () => {
    if (reloadTimer !== undefined) return;
    reloadTimer = later(() => {
      reloadTimer = undefined;
      if (!win.isDestroyed()) void win.loadURL(APP_ENTRY).catch(() => undefined);
    }, backoff.next());
  };

  contents.on('render-process-gone', (_e, details) => {
    d.audit('shell.page.gone', { reason: details.reason, exitCode: details.exitCode });
    reload();
  });
  contents.on('unresponsive', () => {
    d.audit('shell.page.unresponsive', {});
    // A page that answers again before the grace period is left alone; otherwise it is killed,
    // and the render-process-gone above reloads it.
    hangTimer ??= later(() => {
      hangTimer = undefined;
      if (!win.isDestroyed()) contents.forcefullyCrashRenderer();
    }, backoff.next());
  });
  contents.on('responsive', () => {
    if (hangTimer !== undefined) cancel(hangTimer);
    hangTimer = undefined;
  });
}
