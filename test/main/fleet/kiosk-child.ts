import { createKiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import { silentLogger } from '../../../main/log/logger.ts';

/** A real composed kiosk in its own process, so a test can SIGSTOP or SIGKILL it. */
const kiosk = await createKiosk(parseConfig({ demo: true, ...(JSON.parse(process.argv[2]!) as object) }), { log: silentLogger });
const started = Date.now();
const ready = setInterval(() => {
  if (kiosk.fleet?.reporter?.connected) {
    clearInterval(ready);
    process.stdout.write(`ready ${kiosk.fleet.reporter.bdSeq}\n`);
  } else if (Date.now() - started > 60_000) process.exit(3);
}, 50);
process.on('SIGTERM', () => void kiosk.close().then(() => process.exit(0)));
