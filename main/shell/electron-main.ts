import * as electron from 'electron';
import { fileURLToPath } from 'node:url';
import { loadConfigFile } from '../config.ts';
import { openShellCore } from './core-adapter.ts';
import { startShell } from './kiosk-shell.ts';
import { configureUpdater, HelperDebUpdater, isDebBuild, runSync, updateFeedFromEnv } from './updates.ts';
import electronUpdater from 'electron-updater';

/**
 * The Electron entry point: the only folder that imports `electron`. Everything it does is in
 * kiosk-shell.ts (wiring) and rules.ts (decisions), both tested without the binary.
 */
process.umask(0o077); // the data folder and its files: the kiosk user's only

const log = (level: string, msg: string, data?: Record<string, unknown>) =>
  process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level, scope: 'shell', msg, ...data }) + '\n');

const shell = startShell(electron, {
  loadConfig: () => {
    // A file named in KHIDMA_CONFIG must exist; demo mode only when the launcher said so.
    const named = process.env.KHIDMA_CONFIG || undefined;
    return loadConfigFile({ path: named ?? 'khidma.config.json', named: named !== undefined, demo: process.env.KHIDMA_DEMO === '1' });
  },
  openCore: openShellCore,
  rendererDir: fileURLToPath(new URL('../../renderer/', import.meta.url)),
  preload: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
  // KHIDMA_POINTER=visible keeps the mouse pointer (test benches, non-touch screens).
  hidePointer: process.env.KHIDMA_POINTER !== 'visible',
  process,
  log,
});

// Updates only for installed builds with a feed in /etc/khidma/update.env.
void shell.then((handle) => {
  if (!handle?.supervisor || !electron.app.isPackaged) return;
  const { feed, problem } = updateFeedFromEnv(process.env);
  if (problem) log('warn', `updates off: ${problem}`);
  if (!feed) return;
  // The deb installs through the root-owned helper polkit allows; the AppImage replaces itself.
  const updater = isDebBuild(process.resourcesPath) ? new HelperDebUpdater(runSync) : electronUpdater.autoUpdater;
  configureUpdater(updater, feed, { log });
});
