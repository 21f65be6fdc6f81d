import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function findChromium(): string | undefined {
  const candidates = [process.env.KHIDMA_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/** Chromium in app + kiosk mode on the UI URL, with a throw-away profile. */
export function openChromiumKiosk(chromium: string, url: string): ChildProcess {
  const profile = mkdtempSync(join(tmpdir(), 'khidma-chromium-'));
  const args = [
    `--app=${url}`,
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
