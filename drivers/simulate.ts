import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { openSerialTransport } from './transport/serial-transport.ts';
import { EPSON_TM_T88_80MM, EscPosSimulator, type PrinterFault } from './printer/index.ts';
import { createZvtSimulator } from './payment/zvt/index.ts';
import { MrzReaderSimulator, READER_PROFILES, SPECIMEN_IDS, type SpecimenId } from './idreader/index.ts';

/**
 * `npm run simulate -- printer|terminal|reader /dev/ttyX`: one device simulator as its own
 * process on a real serial port (a USB-serial adapter, a null-modem cable or one end of a
 * socat pair), so a kiosk can be tested without the device. The printer keeps a PNG of each
 * job's paper; the reader presents demo documents typed on stdin; faults likewise.
 */
const USAGE = `usage: npm run simulate -- printer|terminal|reader PATH [--baud N] [--out DIR] [--password 000000]
  printer:  writes DIR/job-0001.png … per cut job (default ./sim-paper); stdin: fault paperOut|coverOpen|paperNearEnd|cutterError|none
  terminal: ZVT terminal; --password is the ECR password
  reader:   stdin: present <${SPECIMEN_IDS.join('|')}>, remove`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { baud: { type: 'string' }, out: { type: 'string', default: 'sim-paper' }, password: { type: 'string', default: '000000' } },
});
const [kind, path] = positionals;
if (!path || !['printer', 'terminal', 'reader'].includes(kind ?? '')) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const baudRate = Number(values.baud ?? (kind === 'printer' ? 38_400 : 9600));
const port = await openSerialTransport({ path, baudRate }).catch((err: Error) => {
  process.stderr.write(`cannot open ${path}: ${err.message}\n`);
  process.exit(1);
});
port.onClose((err) => {
  process.stderr.write(`${path} closed${err ? `: ${err.message}` : ''}\n`);
  process.exit(err ? 1 : 0);
});
const say = (line: string) => process.stdout.write(`${new Date().toISOString()} ${kind} ${line}\n`);
const commands = createInterface({ input: process.stdin });
let stop: () => Promise<void> | void = () => undefined;

if (kind === 'printer') {
  const sim = new EscPosSimulator(port, EPSON_TM_T88_80MM);
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  let saved = 0;
  // A job is complete at its cut: keep each one's paper as its own PNG.
  const timer = setInterval(() => {
    const done = sim.jobs.filter((j) => j.at(-1)?.kind === 'cut');
    for (; saved < done.length; saved++) {
      const file = join(out, `job-${String(saved + 1).padStart(4, '0')}.png`);
      writeFileSync(file, sim.renderJobPng(saved)!);
      say(`job ${saved + 1} cut: ${file}`);
    }
  }, 250);
  commands.on('line', (l) => {
    const [cmd, arg] = l.trim().split(/\s+/);
    if (cmd !== 'fault' || !arg) return;
    sim.setFault(arg as PrinterFault);
    say(`fault ${arg}`);
  });
  stop = () => (clearInterval(timer), sim.close());
} else if (kind === 'terminal') {
  const sim = createZvtSimulator(port, { password: values.password });
  stop = () => sim.close();
} else {
  const sim = new MrzReaderSimulator(port, { profile: READER_PROFILES['generic-crlf'] });
  commands.on('line', (l) => {
    const [cmd, arg] = l.trim().split(/\s+/);
    if (cmd === 'present' && SPECIMEN_IDS.includes(arg as SpecimenId)) void sim.present(arg as SpecimenId).then(() => say(`presented ${arg}`));
    else if (cmd === 'remove') void sim.remove().then(() => say('removed'));
    else say(`unknown command: ${l.trim()} (present <id>, remove)`);
  });
}
say(`simulating on ${path} at ${baudRate} baud`);

const shutdown = async () => {
  commands.close();
  await stop();
  await port.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
