import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function findChromium(): string | undefined {
  const candidates = [process.env.KHIDMA_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/** Chromium in app + kiosk mode on the UI URL, with a throw-away profile. */
export function openChromiumKiosk(chromium: string, url: string): ChildProcess {
  const profile = mkdtempSync(join(tmpdir(), 'khidma-chromium-'));
  // The URL carries the bridge token: hand it over in a file only this user can read, never on
  // the command line (other local users can read every process's arguments).
  const opener = join(profile, 'open.html');
  writeFileSync(opener, `<!doctype html><meta http-equiv="refresh" content="0;url=${url.replaceAll('"', '%22')}">`, { mode: 0o600 });
  const args = [
    `--app=${pathToFileURL(opener).href}`,
    '--kiosk',
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--disable-quic',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) args.push('--headless');
  const child = spawn(chromium, args, { stdio: 'ignore' });
  // The throw-away profile goes with the window, so relaunches do not pile up folders.
  child.once('exit', () => rmSync(profile, { recursive: true, force: true }));
  return child;
}
