import { existsSync } from 'node:fs';

export function findChromium(): string | undefined {
  const candidates = [process.env.KHIDMA_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/**
 * Chromium flags for the browser shell: app + kiosk mode on a throw-away profile, touch on,
 * pinch and swipe-back navigation off, nothing that phones home, no dialogs or bubbles to tap
 * through, no translate bar, extensions or print preview. The debugging interface is the
 * private pipe to the watchdog (never a port).
 */
export function chromiumKioskArgs(o: { profile: string; openerUrl: string; headless: boolean; root: boolean }): string[] {
  const args = [
    `--app=${o.openerUrl}`,
    '--kiosk',
    `--user-data-dir=${o.profile}`,
    '--remote-debugging-pipe',
    '--no-first-run',
    '--no-default-browser-check',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--disable-infobars',
    '--disable-extensions',
    '--disable-print-preview',
    '--disable-translate',
    '--disable-notifications',
    '--deny-permission-prompts',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-pinch',
    '--touch-events=enabled',
    '--overscroll-history-navigation=0',
    '--disable-features=Translate,TranslateUI,OverscrollHistoryNavigation,TouchpadOverscrollHistoryNavigation,MediaRouter',
    '--autoplay-policy=no-user-gesture-required', // spoken guidance starts without a tap
    '--check-for-update-interval=31536000',
    '--ozone-platform-hint=auto', // Wayland under cage, X11 on a desktop
  ];
  if (o.root) args.push('--no-sandbox'); // Chromium refuses to run as root with its sandbox
  if (o.headless) args.push('--headless', '--disable-gpu', o.openerUrl);
  return args;
}
