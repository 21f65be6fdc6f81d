import electronUpdater, { type AppUpdater, type UpdateDownloadedEvent } from 'electron-updater';
import type { DownloadExecutorResult, DownloadExecutorTask } from 'electron-updater/out/AppUpdater.js';
import { spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { downloadSmall, SIGNATURE_MAX_BYTES, signatureUrl, type UpdaterHttp } from './update-signature.ts';

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
  u.on('error', (err) => o.log('warn', 'update failed', { error: String(err) }));
  u.on('update-downloaded', (info) => o.log('info', 'update downloaded; installs at the next restart', { version: info.version }));
  // A failed background download (e.g. a release without its signature) is already an 'error'
  // event; its promise is electron-updater's alone, and left unhandled it would restart the core.
  const check = () =>
    void u
      .checkForUpdates()
      .then((r) => r?.downloadPromise?.catch(() => {}))
      .catch((err: unknown) => o.log('warn', 'update check failed', { error: String(err) }));
  check();
  (o.setInterval ?? setInterval)(check, o.everyMs ?? 6 * 3600_000);
}

/**
 * Installed by the deb (electron-builder.yml deb.fpm). polkit lets the kiosk user run exactly this
 * program through pkexec (packaging/linux/50-khidma-update.rules); it installs only a newer Khidma,
 * signed by the release key, from the kiosk user's update cache (packaging/linux/khidma-install-update).
 */
export const INSTALL_HELPER = '/usr/lib/khidma/khidma-install-update';

export type RunSync = (command: string, args: string[]) => { status: number | null; stderr: string; error?: Error };

/** Runs a program without a shell, waiting for it (electron-updater installs from a synchronous quit handler). */
export const runSync: RunSync = (command, args) => {
  const r = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  return { status: r.status, stderr: r.stderr ?? '', ...(r.error ? { error: r.error } : {}) };
};

/** The downloaded deb, through the helper: pkexec, the helper and the file, one argument each. */
export function installWithHelper(file: string, run: RunSync): { ok: true } | { ok: false; error: string } {
  // No internal agent: without the polkit rule pkexec fails instead of asking for a password on tty1.
  const r = run('pkexec', ['--disable-internal-agent', INSTALL_HELPER, file]);
  if (r.error) return { ok: false, error: `update install could not start pkexec: ${r.error.message}` };
  if (r.status !== 0) return { ok: false, error: `update install failed (exit ${r.status ?? 'by signal'}): ${r.stderr.trim()}` };
  return { ok: true };
}

type DebUpdaterApp = ConstructorParameters<typeof electronUpdater.DebUpdater>[1];

const isRegularFile = (path: string) => {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * electron-updater's deb updater (download, sha512 check, staged rollout, install on quit) with
 * the release signature added and its install replaced: its own runs
 * `pkexec /bin/bash -c 'dpkg -i …'`, which a polkit rule could allow only by allowing every command
 * as root. The signature (`<deb URL>.sig`, update-signature.ts) is fetched before the deb, so a
 * release without one is not downloaded at all, and written beside the deb in the cache before
 * `update-downloaded` is announced; the root helper refuses a deb without a valid one.
 */
export class HelperDebUpdater extends electronUpdater.DebUpdater {
  private readonly run: RunSync;
  /** The signature of the deb being downloaded, between fetching it and writing it beside the deb. */
  private signature: Buffer | null = null;

  constructor(run: RunSync, app?: DebUpdaterApp) {
    super(null, app);
    this.run = run;
  }

  protected override async executeDownload(task: DownloadExecutorTask): Promise<DownloadExecutorResult> {
    this.signature = null;
    const url = signatureUrl(task.fileInfo.url);
    // electron-updater's own HTTP client (@internal to its types): the deb's session, proxy and headers.
    const http = (this as unknown as { httpExecutor: UpdaterHttp | null }).httpExecutor;
    if (!http) throw new Error('no HTTP client to download the update signature');
    const o = { headers: task.downloadUpdateOptions.requestHeaders, cancellationToken: task.downloadUpdateOptions.cancellationToken };
    try {
      this.signature = await downloadSmall(http, url, o, SIGNATURE_MAX_BYTES);
    } catch (err) {
      // Kept as it is when cancelled: electron-updater reports a CancellationError as a cancel, not an error.
      if (o.cancellationToken.cancelled) throw err;
      throw new Error(`update signature ${url.href} could not be downloaded: ${err instanceof Error ? err.message : String(err)}`);
    }
    return super.executeDownload(task);
  }

  /** BaseUpdater's last step once the deb is in the cache, fresh or from an earlier launch: the signature goes beside it first. */
  protected override dispatchUpdateDownloaded(event: UpdateDownloadedEvent): void {
    const signature = this.signature;
    this.signature = null;
    // Thrown here, the download fails as a whole: an error event, no announcement, no install on quit.
    if (!signature) throw new Error('the downloaded update has no signature');
    writeFileSync(`${event.downloadedFile}.sig`, signature);
    super.dispatchUpdateDownloaded(event);
  }

  protected override doInstall(options: { isForceRunAfter: boolean }): boolean {
    // The raw path: LinuxUpdater.installerPath is backslash-escaped for a shell, and no shell runs here.
    const file = this.downloadedUpdateHelper?.file;
    if (!file) {
      this.dispatchError(new Error('no downloaded update to install'));
      return false;
    }
    if (!isRegularFile(`${file}.sig`)) {
      this.dispatchError(new Error(`no release signature beside ${file}; not installing`));
      return false;
    }
    const r = installWithHelper(file, this.run);
    if (!r.ok) {
      this.dispatchError(new Error(r.error));
      return false;
    }
    if (options.isForceRunAfter) this.app.relaunch();
    return true;
  }
}

/** Whether this build is the deb: electron-builder writes resources/package-type, as electron-updater reads it. */
export function isDebBuild(resourcesPath: string): boolean {
  try {
    return readFileSync(join(resourcesPath, 'package-type'), 'utf8').trim() === 'deb';
  } catch {
    return false;
  }
}
