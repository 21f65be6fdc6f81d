import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFile, parseConfig, type KioskConfig } from '../config.ts';
import { createKiosk } from '../compose.ts';
import { startUiServer } from '../server/ui-server.ts';
import { findChromium, openChromiumKiosk } from './open-window.ts';
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
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
}
// A bad configuration is refused here, with its message, before anything starts.
const base = loadOrExit();
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
  const config = parseConfig({ ...base, ui: { ...base.ui, ...(values.port && { port: Number(values.port) }) }, log: { ...base.log, console: values.dev } });
  const kiosk = await createKiosk(config);
  const ui = await startUiServer({
    rootDir: fileURLToPath(new URL('../../dist/renderer/', import.meta.url)),
    port: config.ui.port,
    dispatcher: kiosk.dispatcher,
    events: kiosk.events,
    log: kiosk.log,
  });
  process.stdout.write(`\nKhidma kiosk ${config.kioskId} (${config.profile})${config.demo ? ' in DEMO mode' : ''} is running.\n`);
  if (kiosk.demoGateway) process.stdout.write(`Demo gateway: ${kiosk.demoGateway.url}  (demo accounts: 100200300 … 100200307)\n`);
  process.stdout.write(`Kiosk UI:     ${ui.url}\n`);
  const chromium = findChromium();
  if (config.ui.openBrowser && !values['no-window'] && chromium) {
    openChromiumKiosk(chromium, ui.url);
    process.stdout.write(`Opened ${chromium} in kiosk mode.\n`);
  } else {
    process.stdout.write('Open the URL above in Chromium (e.g. chromium --app=URL --kiosk).\n');
  }
  const shutdown = async () => {
    await ui.close();
    await kiosk.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
