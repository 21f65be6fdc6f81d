import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfigFile, parseConfig } from '../config.ts';
import { createKiosk } from '../compose.ts';
import { startUiServer } from '../server/ui-server.ts';
import { demoPanelEnabled } from '../server/demo-mode.ts';
import { findChromium, openChromiumKiosk } from './open-window.ts';
import { findElectronBinary } from '../shell/find-electron.ts';

/**
 * `npm start`: the kiosk on embedded defaults (demo gateway, simulated devices). With an
 * Electron binary it hands over to the Electron shell; otherwise it serves the UI on
 * loopback and opens Chromium in kiosk mode, or prints the URL.
 */
const { values } = parseArgs({
  options: {
    config: { type: 'string', default: process.env.KHIDMA_CONFIG ?? 'khidma.config.json' },
    port: { type: 'string' },
    'no-window': { type: 'boolean', default: false },
    browser: { type: 'boolean', default: false },
    dev: { type: 'boolean', default: false },
  },
});

const root = fileURLToPath(new URL('../../', import.meta.url));
const electron = values.browser ? undefined : findElectronBinary();
if (electron && !values['no-window']) {
  // The Electron shell runs the compiled core (dist/) in its main process: build it first.
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(electron, [root], { stdio: 'inherit', env: { ...process.env, KHIDMA_CONFIG: values.config } });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const base = loadConfigFile(values.config);
  const config = parseConfig({ ...base, ui: { ...base.ui, ...(values.port && { port: Number(values.port) }) }, log: { ...base.log, console: values.dev } });
  const kiosk = await createKiosk(config);
  const ui = await startUiServer({
    rootDir: fileURLToPath(new URL('../../dist/renderer/', import.meta.url)),
    port: config.ui.port,
    dispatcher: kiosk.dispatcher,
    events: kiosk.events,
    log: kiosk.log,
    demo: demoPanelEnabled(config),
    simulators: kiosk.devices.simulators,
    profile: config.profile,
  });
  process.stdout.write(`\nKhidma kiosk ${config.kioskId} (${config.profile}) is running.\n`);
  if (kiosk.demoGateway) process.stdout.write(`Demo gateway: ${kiosk.demoGateway.url}  (demo accounts: 100200300 … 100200307)\n`);
  process.stdout.write(`Kiosk UI:     ${ui.url}\n`);
  if (ui.demoUrl) process.stdout.write(`Virtual devices (demo): ${ui.demoUrl}\n`);
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
