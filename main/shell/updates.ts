import type { AppUpdater } from 'electron-updater';

/**
 * Updates through electron-updater's generic provider (any HTTPS server the operator runs).
 * Each centre has its own channel: the server holds `<channel>.yml` (and `<channel>-linux.yml`)
 * per centre, so a release is promoted centre by centre, and within a centre by the
 * `stagingPercentage` in that file (electron-updater's staged rollout, decided per kiosk from a
 * stable random ID). Downloads run in the background; an update is installed only when the
 * kiosk quits or restarts, never in the middle of a visitor's payment.
 */
export interface UpdateFeed {
  url: string;
  channel: string;
}

const CHANNEL = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** From /etc/khidma/update.env: KHIDMA_UPDATE_URL (https only) and KHIDMA_UPDATE_CHANNEL (the centre). */
export function updateFeedFromEnv(env: Record<string, string | undefined>): { feed?: UpdateFeed; problem?: string } {
  const raw = env.KHIDMA_UPDATE_URL;
  if (!raw) return {}; // no feed configured: updates are off
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: 'KHIDMA_UPDATE_URL is not a URL' };
  }
  if (url.protocol !== 'https:') return { problem: 'KHIDMA_UPDATE_URL must be https' };
  const channel = env.KHIDMA_UPDATE_CHANNEL ?? 'latest';
  if (!CHANNEL.test(channel)) return { problem: 'KHIDMA_UPDATE_CHANNEL must be lower-case letters, digits and dashes' };
  return { feed: { url: url.href, channel } };
}

export type UpdaterLike = Pick<AppUpdater, 'setFeedURL' | 'checkForUpdates' | 'on' | 'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'allowPrerelease' | 'channel'>;

export function configureUpdater(
  u: UpdaterLike,
  feed: UpdateFeed,
  o: { log: (level: 'info' | 'warn', msg: string, data?: Record<string, unknown>) => void; everyMs?: number; setInterval?: (fn: () => void, ms: number) => unknown },
): void {
  u.setFeedURL({ provider: 'generic', url: feed.url, channel: feed.channel });
  u.channel = feed.channel;
  // Setting a channel turns downgrades on; a kiosk never goes back to an older build on its own.
  u.allowDowngrade = false;
  u.allowPrerelease = false;
  u.autoDownload = true;
  u.autoInstallOnAppQuit = true;
  u.on('error', (err) => o.log('warn', 'update check failed', { error: String(err) }));
  u.on('update-downloaded', (info) => o.log('info', 'update downloaded; installs at the next restart', { version: info.version }));
  const check = () => void u.checkForUpdates().catch((err: unknown) => o.log('warn', 'update check failed', { error: String(err) }));
  check();
  (o.setInterval ?? setInterval)(check, o.everyMs ?? 6 * 3600_000);
}
