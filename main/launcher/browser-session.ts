import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLogger } from '../log/logger.ts';
import { ChromiumWatchdog } from './chromium-watchdog.ts';
import { findChromium } from './open-window.ts';

/**
 * The kiosk session's program under cage (packaging/linux/khidma-kiosk.service): Chromium in
 * kiosk mode, kept alive by the watchdog, on the URL the core service keeps in its owner-only
 * launch file (one unspent single-use URL at any time). Exits when cage or systemd stops it.
 */
const { values } = parseArgs({
  options: {
    'launch-url-file': { type: 'string', default: '/var/lib/khidma/launch-url' },
    log: { type: 'string' },
  },
});
const chromium = findChromium();
if (!chromium) {
  process.stderr.write('khidma browser session: no Chromium found (install the chromium package or set KHIDMA_CHROMIUM)\n');
  process.exit(78);
}
const file = values['launch-url-file'];
const log = createLogger({ file: values.log, console: true });
const dog = new ChromiumWatchdog({
  chromium,
  launchUrl: () => readFileSync(file, 'utf8').trim(),
  log,
  headless: false,
});
dog.start();
const stop = () => void dog.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
