import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../support/temp-dir.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = tempDir('start-parallel');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const pid of fakesRunning()) process.kill(pid, 'SIGKILL');
  dir.remove();
});

// A stand-in for Chromium (KHIDMA_CHROMIUM): a process that runs until it is stopped.
const fakeChromium = dir.file('fake-chromium.cjs');
writeFileSync(fakeChromium, `#!${process.execPath}\nsetInterval(() => undefined, 60_000);\n`);
chmodSync(fakeChromium, 0o700);

/** Processes running the stand-in, found by their command line (so even one just spawned counts). */
function fakesRunning(): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(fakeChromium);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/** `npm start`'s launcher (browser shell, Chromium on) as its own process. */
function launch(dataDir: string) {
  const config = join(dir.path, `${Date.now()}.config.json`);
  writeFileSync(config, JSON.stringify({ demo: true, dataDir }));
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/launcher/start.ts', '--browser', '--config', config], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KHIDMA_CHROMIUM: fakeChromium },
  });
  children.push(child);
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (b: Buffer) => (out.stdout += b));
  child.stderr!.on('data', (b: Buffer) => (out.stderr += b));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out, exited };
}

const logLines = (dataDir: string) =>
  readFileSync(join(dataDir, 'logs', 'kiosk.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { scope: string; msg: string });

describe('npm start (browser shell): Chromium starts while the core opens', () => {
  it('Chromium is launched before the core has finished opening; SIGTERM stops both', async () => {
    const data = join(dir.path, 'data');
    const k = launch(data);
    await expect.poll(() => k.out.stdout, { timeout: 60_000, interval: 200 }).toContain(`Opened ${fakeChromium} in kiosk mode.`);
    // One log, in the order things happened: the browser's launch comes before the core's "started".
    const lines = logLines(data);
    const launched = lines.findIndex((l) => l.scope === 'browser' && l.msg === 'Chromium launched');
    const started = lines.findIndex((l) => l.scope === 'kiosk' && l.msg === 'started');
    expect(launched).toBeGreaterThanOrEqual(0);
    expect(started).toBeGreaterThan(launched);
    await expect.poll(fakesRunning, { timeout: 10_000 }).toHaveLength(1);

    k.child.kill('SIGTERM');
    expect(await k.exited).toBe(0);
    expect(fakesRunning()).toEqual([]);
  }, 90_000);

  it('a core that fails to open: the Chromium started beside it is stopped and the launcher exits non-zero', async () => {
    const data = join(dir.path, 'broken');
    // Its database path is a folder: the core cannot open it.
    mkdirSync(join(data, 'kiosk.sqlite'), { recursive: true });
    const k = launch(data);
    const code = await k.exited;
    expect(code).not.toBe(0);
    expect(code).not.toBe(78); // not a configuration error: systemd may restart it
    expect(k.out.stdout).not.toContain('is running');
    expect(k.out.stderr).toMatch(/database|SQLITE|directory/i);
    expect(logLines(data).filter((l) => l.msg === 'Chromium launched')).toHaveLength(1);
    expect(fakesRunning()).toEqual([]);
  }, 90_000);
});
