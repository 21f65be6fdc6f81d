import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFile, parseConfig, type KioskConfig } from '../config.ts';
import { join, resolve } from 'node:path';
import { createKioskLogger } from '../log/kiosk-log.ts';
import { findChromium } from './open-window.ts';
import { ChromiumWatchdog } from './chromium-watchdog.ts';
import { startBrowserShell, type BrowserShell } from './browser-shell.ts';
import type { Kiosk } from '../kiosk.ts';
import { demoPanelEnabled } from '../server/demo-mode.ts';
import type { DemoSimulators } from '../server/demo-panel.ts';
import { findElectronBinary } from '../shell/find-electron.ts';

/**
 * `npm start` (= `--demo`): the kiosk in demo mode on embedded defaults (demo gateway, simulated
 * devices). Without --demo a configuration naming a remote gateway is required. With an
 * Electron binary it hands over to the Electron shell; otherwise it serves the UI on
 * loopback and opens Chromium in kiosk mode, or writes the URL to a file, while the core opens.
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
// So does a core that fails to open, after the browser started beside it was stopped.
function exitOnError(err: unknown): never {
  process.stderr.write(err instanceof ConfigError ? `Khidma cannot start: ${err.message}\n` : `${(err instanceof Error && err.stack) || String(err)}\n`);
  process.exit(err instanceof ConfigError ? 78 : 1);
}
process.on('uncaughtException', exitOnError);
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
  const fileConfig = parseConfig({ ...base, ui: { ...base.ui, ...(values.port && { port: Number(values.port) }) }, log: { ...base.log, console: values.dev } });
  // The UI server and the logger start before the core reads the technician's settings: they use
  // the file's values (data folder, port, demo mode; none of these can be set on screen).
  const config = fileConfig;
  const log = createKioskLogger(config);
  // After a technician's restart: not 0 (a plain stop), not 78 (a configuration error, which
  // systemd's RestartPreventExitStatus keeps down): khidma-core.service starts the kiosk again.
  const EXIT_RESTART = 75;
  let closing: Promise<void> | undefined;
  const shutdown = (code = 0, reason?: string): Promise<void> => {
    closing ??= (async () => {
      if (reason) process.stdout.write(`Restart requested (${reason}): closing, then exiting ${code} for the service manager to start the kiosk again.\n`);
      // Only called once the shell has started (a technician's restart, a signal handler set below).
      await shell.close();
      process.exit(code);
    })();
    return closing;
  };
  const launchFile = join(resolve(config.dataDir), 'launch-url');
  const chromium = config.ui.openBrowser && !values['no-window'] ? findChromium() : undefined;
  // The demo panel reads these at each request: filled in once the core has opened the devices.
  const simulators: DemoSimulators = {};
  // The UI server and Chromium start first; the core opens while the page loads (main/launcher/browser-shell.ts).
  const shell: BrowserShell<Kiosk> = await startBrowserShell({
    ui: {
      // From source (tsx) the renderer is in dist/renderer; compiled, next to dist/main.
      rootDir: fileURLToPath(new URL(import.meta.url.endsWith('.js') ? '../../renderer/' : '../../dist/renderer/', import.meta.url)),
      port: config.ui.port,
      log,
      demo: demoPanelEnabled(config),
      simulators,
      profile: config.profile,
    },
    launchFile,
    // Restarted with backoff when it exits or its page stops answering.
    startBrowser: chromium
      ? (launchUrl) => {
          const watchdog = new ChromiumWatchdog({ chromium, launchUrl, log });
          watchdog.start();
          return watchdog;
        }
      : undefined,
    // Imported here rather than above, so Chromium is already starting while the core's modules load.
    // A technician's restart (settings that apply at start-up): close cleanly, exit for systemd to start us again.
    // Only under systemd (it sets INVOCATION_ID) is there someone to start the kiosk again after exit 75.
    openCore: async () => (await import('../compose.ts')).createKiosk(fileConfig, { log, ...(process.env.INVOCATION_ID && { requestRestart: (reason: string) => void shutdown(EXIT_RESTART, reason) }) }),
  }).catch(exitOnError);
  Object.assign(simulators, shell.core.devices.simulators);
  process.stdout.write(`\nKhidma kiosk ${shell.core.config.kioskId} (${shell.core.config.profile})${config.demo ? ' in DEMO mode' : ''} is running.\n`);
  if (shell.core.demoGateway) process.stdout.write(`Demo gateway: ${shell.core.demoGateway.url}  (demo accounts: 100200300 … 100200307)\n`);
  if (shell.ui.demoUrl) process.stdout.write(`Virtual devices (demo): ${shell.ui.demoUrl}\n`);
  if (chromium) process.stdout.write(`Opened ${chromium} in kiosk mode.\n`);
  else {
    // The URL carries a launch token: stdout ends up in the system journal, so it goes to a
    // file only the kiosk user can read, and we print where that file is.
    process.stdout.write(`Kiosk UI:     the URL in ${launchFile} (readable by this user only; each URL works once)\n`);
    process.stdout.write('Open it in Chromium, e.g. chromium --app="$(cat FILE)" --kiosk\n');
  }
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
