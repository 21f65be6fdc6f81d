import * as electron from 'electron';
import { fileURLToPath } from 'node:url';
import { loadConfigFile } from '../config.ts';
import { openShellCore } from './core-adapter.ts';
import { startShell } from './kiosk-shell.ts';

/**
 * The Electron entry point: the only folder that imports `electron`. Everything it does is in
 * kiosk-shell.ts (wiring) and rules.ts (decisions), both tested without the binary.
 */
process.umask(0o077); // the data folder and its files: the kiosk user's only

void startShell(electron, {
  loadConfig: () => loadConfigFile(process.env.KHIDMA_CONFIG),
  openCore: openShellCore,
  rendererDir: fileURLToPath(new URL('../../renderer/', import.meta.url)),
  preload: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
  // KHIDMA_POINTER=visible keeps the mouse pointer (test benches, non-touch screens).
  hidePointer: process.env.KHIDMA_POINTER !== 'visible',
  process,
  log: (level, msg, data) => process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level, scope: 'shell', msg, ...data }) + '\n'),
});
