import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  /** Path the kiosk (host) side opens. */
  hostPath: string;
  /** Path the simulator (device) side opens. */
  devicePath: string;
  /** Pulls the cable: socat ends, both ends see their port close. */
  drop(): Promise<void>;
  /** Plugs it back in: a new pair under the same two paths (as a USB adapter comes back under its name). */
  replug(): Promise<void>;
  close(): Promise<void>;
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

/**
 * A real serial link for tests: socat joins two pseudo-terminals, so both ends are
 * opened through node-serialport exactly like hardware would be.
 */
export async function createPtyPair(label = 'link'): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), `khidma-${label}-`));
  const hostPath = join(dir, 'host');
  const devicePath = join(dir, 'device');
  const start = async (): Promise<ChildProcess> => {
    const proc = spawn('socat', [`pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`], { stdio: 'ignore' });
    const deadline = Date.now() + 5000;
    while (!(existsSync(hostPath) && existsSync(devicePath))) {
      if (proc.exitCode !== null) throw new Error(`socat exited with ${proc.exitCode}: is it installed?`);
      if (Date.now() > deadline) {
        proc.kill();
        throw new Error('socat did not create the pty pair in 5 s');
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return proc;
  };
  let proc = await start();
  return {
    hostPath,
    devicePath,
    async drop() {
      await stop(proc);
      rmSync(hostPath, { force: true });
      rmSync(devicePath, { force: true });
    },
    async replug() {
      await stop(proc);
      proc = await start();
    },
    async close() {
      await stop(proc);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
