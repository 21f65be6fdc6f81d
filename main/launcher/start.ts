import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFile, parseConfig, type KioskConfig } from '../config.ts';
import { join, resolve } from 'node:path';
import { createKiosk } from '../compose.ts';
import { startUiServer } from '../server/ui-server.ts';
import { findChromium } from './open-window.ts';
import { ChromiumWatchdog } from './chromium-watchdog.ts';
import { writePrivateFile } from './private-file.ts';
import { demoPanelEnabled } from '../server/demo-mode.ts';
import { findElectronBinary } from '../shell/find-electron.ts';

/**
 * `npm start` (= `--demo`): the kiosk in demo mode on embedded defaults (demo gateway, simulated
 * devices). Without --demo a configuration naming a remote gateway is required. With an
 * Electron binary it hands over to the Electron shell; otherwise it serves the UI on
 * loopback and opens Chromium in kiosk mode, or prints the URL.
 */
const { values } = parseArgs({
  options: {
    config: { type: 'string' },
    demo: { type: 'boolean', default: false },
    port: { type: 'string' },
    'no-window': { type: 'boolean', default: false },
    browser: { type: 'boolean', default: false },
    dev: { type: 'boolean', default: false },
  },
});

// A file named on the command line or in KHIDMA_CONFIG must exist; the default one may be absent.
const named = values.config ?? (process.env.KHIDMA_CONFIG || undefined);
const source = { path: named ?? 'khidma.config.json', named: named !== undefined, demo: values.demo };
function loadOrExit(): KioskConfig {
  try {
    return loadConfigFile(source);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // Said plainly, exit 78 (EX_CONFIG): systemd does not restart a kiosk on a configuration error.
    process.stderr.write(`Khidma cannot start: ${err.message}\n`);
    process.exit(78);
  }
}
// A bad configuration is refused here, with its message, before anything starts.
const base = loadOrExit();
// Everything the kiosk writes is for the kiosk's user only (data folder 0700, files 0600).
process.umask(0o077);
// A configuration error is said plainly and exits 78 (EX_CONFIG): systemd does not restart on it.
process.on('uncaughtException', (err) => {
  process.stderr.write(err instanceof ConfigError ? `Khidma cannot start: ${err.message}\n` : `${err.stack ?? String(err)}\n`);
  process.exit(err instanceof ConfigError ? 78 : 1);
});
const root = fileURLToPath(new URL('../../', import.meta.url));
const electron = values.browser ? undefined : findElectronBinary();
if (electron && !values['no-window']) {
  // The Electron shell runs the compiled core (dist/) in its main process: build it first.
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const env = { ...process.env, ...(named !== undefined && { KHIDMA_CONFIG: named }), ...(values.demo && { KHIDMA_DEMO: '1' }) };
  const child = spawn(electron, [root], { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  // After a technician's restart: not 0 (a plain stop), not 78 (a configuration error, which
  // systemd's RestartPreventExitStatus keeps down): khidma-core.service starts the kiosk again.
  const EXIT_RESTART = 75;
  const fileConfig = parseConfig({ ...base, ui: { ...base.ui, ...(values.port && { port: Number(values.port) }) }, log: { ...base.log, console: values.dev } });
  // A technician's restart (settings that apply at start-up): close cleanly, exit for systemd to start us again.
  const kiosk = await createKiosk(fileConfig, { requestRestart: (reason) => void shutdown(EXIT_RESTART, reason) });
  // What the kiosk runs with: the file's values with the technician's settings over them.
  const config = kiosk.config;
  const launchFile = join(resolve(config.dataDir), 'launch-url');
  const headless = !(config.ui.openBrowser && !values['no-window'] && findChromium());
  const ui = await startUiServer({
    // From source (tsx) the renderer is in dist/renderer; compiled, next to dist/main.
    rootDir: fileURLToPath(new URL(import.meta.url.endsWith('.js') ? '../../renderer/' : '../../dist/renderer/', import.meta.url)),
    // Headless, the file always holds one unspent URL: a browser session in another process
    // (the cage kiosk session) reads it at each Chromium launch.
    onLaunchTokenSpent: () => headless && writePrivateFile(launchFile, ui.launchUrl() + '\n'),
    port: config.ui.port,
    dispatcher: kiosk.dispatcher,
    events: kiosk.events,
    log: kiosk.log,
    demo: demoPanelEnabled(config),
    simulators: kiosk.devices.simulators,
    profile: config.profile,
  });
  process.stdout.write(`\nKhidma kiosk ${config.kioskId} (${config.profile})${config.demo ? ' in DEMO mode' : ''} is running.\n`);
  if (kiosk.demoGateway) process.stdout.write(`Demo gateway: ${kiosk.demoGateway.url}  (demo accounts: 100200300 … 100200307)\n`);
  if (ui.demoUrl) process.stdout.write(`Virtual devices (demo): ${ui.demoUrl}\n`);
  const chromium = findChromium();
  let watchdog: ChromiumWatchdog | undefined;
  if (!headless && chromium) {
    // Restarted with backoff when it exits or its page stops answering.
    watchdog = new ChromiumWatchdog({ chromium, launchUrl: () => ui.launchUrl(), log: kiosk.log });
    watchdog.start();
    process.stdout.write(`Opened ${chromium} in kiosk mode.\n`);
  } else {
    // The URL carries a launch token: stdout ends up in the system journal, so it goes to a
    // file only the kiosk user can read, and we print where that file is.
    writePrivateFile(launchFile, ui.launchUrl() + '\n');
    process.stdout.write(`Kiosk UI:     the URL in ${launchFile} (readable by this user only; each URL works once)\n`);
    process.stdout.write('Open it in Chromium, e.g. chromium --app="$(cat FILE)" --kiosk\n');
  }
  let closing: Promise<void> | undefined;
  const shutdown = (code = 0, reason?: string): Promise<void> => {
    closing ??= (async () => {
      if (reason) process.stdout.write(`Restart requested (${reason}): closing, then exiting ${code} for the service manager to start the kiosk again.\n`);
      await watchdog?.stop();
      await ui.close();
      await kiosk.close();
      process.exit(code);
    })();
    return closing;
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
