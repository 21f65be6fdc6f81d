import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPtyPair, type PtyPair } from '../support/pty-pair.ts';
import { tempDir } from '../support/temp-dir.ts';
import { openSerialTransport } from '../../drivers/transport/serial-transport.ts';
import { createEscPosPrinter, EPSON_TM_T88_80MM, sampleReceipt } from '../../drivers/printer/index.ts';
import { createZvtTerminal } from '../../drivers/payment/zvt/index.ts';
import { MrzReaderDriver, READER_PROFILES, type ReadResult } from '../../drivers/idreader/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const running: { proc: ChildProcess; pty: PtyPair }[] = [];

async function simulate(kind: string, extra: string[] = []): Promise<PtyPair & { stdin: NodeJS.WritableStream }> {
  const pty = await createPtyPair(`sim-${kind}`);
  const proc = spawn(process.execPath, ['--import', 'tsx', 'drivers/simulate.ts', kind, pty.devicePath, ...extra], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  running.push({ proc, pty });
  // Ready once it says so on stdout.
  await new Promise<void>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (b: Buffer) => (out += b.toString()).includes('simulating on') && resolve());
    proc.once('exit', (code) => reject(new Error(`simulator exited ${code}`)));
  });
  return { ...pty, stdin: proc.stdin! };
}

afterEach(async () => {
  for (const { proc, pty } of running.splice(0)) {
    if (proc.exitCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
    await pty.close();
  }
});

describe('npm run simulate: each simulator as its own process on a serial port', () => {
  it('printer: the kiosk driver prints over the port and the simulator keeps a PNG of the job', async () => {
    const out = tempDir('sim-paper');
    const pty = await simulate('printer', ['--baud', '115200', '--out', out.path]);
    const printer = createEscPosPrinter(await openSerialTransport({ path: pty.hostPath, baudRate: 115_200 }), EPSON_TM_T88_80MM);
    expect((await printer.checkStatus()).device).toBe('online');
    expect(await printer.print(sampleReceipt())).toMatchObject({ ok: true });
    const file = `${out.path}/job-0001.png`;
    const end = Date.now() + 15_000;
    while (!existsSync(file) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    expect(readdirSync(out.path)).toEqual(['job-0001.png']);
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    await printer.close();
    out.remove();
  }, 60_000);

  it('terminal: the kiosk driver registers with the simulated ZVT terminal over the port', async () => {
    const pty = await simulate('terminal');
    const terminal = createZvtTerminal(await openSerialTransport({ path: pty.hostPath, baudRate: 9600 }), { password: '000000', currencyNumeric: 414 });
    await terminal.open();
    expect(terminal.status().device).toBe('online');
    await terminal.close();
  }, 60_000);

  it('reader: a document presented on the simulator stdin is read by the kiosk driver over the port', async () => {
    const pty = await simulate('reader');
    const reader = new MrzReaderDriver(await openSerialTransport({ path: pty.hostPath, baudRate: 9600 }), { profile: READER_PROFILES['generic-crlf'] });
    const read = new Promise<ReadResult>((resolve) => reader.onRead(resolve));
    pty.stdin.write('present kw-civil-id\n');
    const r = await read;
    expect(r.ok && r.document.format).toBe('TD1');
    await reader.close();
  }, 60_000);
});
