import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  /** Path the kiosk (host) side opens. */
  hostPath: string;
  /** Path the simulator (device) side opens. */
  devicePath: string;
  close(): Promise<void>;
}

/**
 * A real serial link for tests: socat joins two pseudo-terminals, so both ends are
 * opened through node-serialport exactly like hardware would be.
 */
export async function createPtyPair(label = 'link'): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), `khidma-${label}-`));
  const hostPath = join(dir, 'host');
  const devicePath = join(dir, 'device');
  const proc: ChildProcess = spawn(
    'socat',
    [`pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 5000;
  while (!(existsSync(hostPath) && existsSync(devicePath))) {
    if (proc.exitCode !== null) throw new Error(`socat exited with ${proc.exitCode}: is it installed?`);
    if (Date.now() > deadline) {
      proc.kill();
      throw new Error('socat did not create the pty pair in 5 s');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    hostPath,
    devicePath,
    async close() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
