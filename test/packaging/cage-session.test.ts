import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/temp-dir.ts';

/**
 * The browser-shell deployment for real: the core as packaging/linux/khidma-core.service runs it
 * (--browser --no-window), and the kiosk session as khidma-kiosk.service runs it — cage (headless
 * wlroots backend here) running browser-session, which keeps Chromium up on the core's launch
 * URL file. Both as an unprivileged user, as on a kiosk (cage refuses to run as root).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const NOBODY = 65534;
const runnable = process.getuid?.() === 0 && existsSync('/usr/bin/cage') && existsSync('/usr/bin/Xwayland') && existsSync('/usr/bin/chromium');

const dir = tempDir('cage');
const started: ChildProcess[] = [];
afterAll(async () => {
  for (const c of started.reverse()) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    const t = setTimeout(() => c.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(t);
  }
  dir.remove();
});

function asNobody(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  return child;
}

/** Chromium browser processes (not its zygotes, renderers or GPU process) run by the session. */
function sessionBrowsers(): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
        const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
        return uid === String(NOBODY) && cmd.includes('--remote-debugging-pipe') && !cmd.includes('--type=') && cmd.includes('khidma-chromium-');
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe.skipIf(!runnable)('kiosk session under cage (packaging/linux)', () => {
  it('cage shows Chromium on the kiosk; Chromium killed → a fresh one is back on the kiosk', async () => {
    const home = dir.path;
    chownSync(home, NOBODY, NOBODY);
    const xdg = join(home, 'xdg');
    mkdirSync(xdg, { mode: 0o700 });
    chownSync(xdg, NOBODY, NOBODY);
    const data = join(home, 'data');
    writeFileSync(join(home, 'khidma.config.json'), JSON.stringify({ demo: true, dataDir: data }));
    const env = { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin' };

    // khidma-core.service
    const core = asNobody([process.execPath, '--import', 'tsx', 'main/launcher/start.ts', '--browser', '--no-window', '--config', join(home, 'khidma.config.json')], env);
    let coreOut = '';
    core.stdout!.on('data', (b: Buffer) => (coreOut += b));
    core.stderr!.on('data', (b: Buffer) => (coreOut += b));
    await expect.poll(() => coreOut, { timeout: 60_000, interval: 250 }).toContain('Open it in Chromium');
    const launchFile = join(data, 'launch-url');
    const first = readFileSync(launchFile, 'utf8');

    // khidma-kiosk.service: cage -d -- browser-session (headless wlroots backend for the test).
    const session = asNobody(['cage', '-d', '--', process.execPath, '--import', 'tsx', 'main/launcher/browser-session.ts', '--launch-url-file', launchFile], {
      ...env,
      XDG_RUNTIME_DIR: xdg,
      WLR_BACKENDS: 'headless',
      WLR_LIBINPUT_NO_DEVICES: '1',
      WLR_RENDERER: 'pixman',
    });
    let sessionOut = '';
    session.stderr!.on('data', (b: Buffer) => (sessionOut += b));

    // The kiosk page in cage connected to the core's bridge: its launch token was spent, so the
    // core wrote the next URL into the file.
    await expect.poll(() => readFileSync(launchFile, 'utf8'), { timeout: 90_000, interval: 500 }).not.toBe(first);
    const browsers = sessionBrowsers();
    expect(browsers).toHaveLength(1);

    const before = readFileSync(launchFile, 'utf8');
    const t0 = performance.now();
    process.kill(browsers[0]!, 'SIGKILL');
    await expect.poll(() => readFileSync(launchFile, 'utf8'), { timeout: 60_000, interval: 250 }).not.toBe(before);
    console.log(`cage session: Chromium killed → kiosk page connected again in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    expect(sessionBrowsers()).toHaveLength(1);
    expect(sessionOut).toContain('Chromium exited; restarting');
    // Nothing secret on either program's output (it goes to the journal).
    expect(coreOut).not.toContain('#token=');
    expect(sessionOut).not.toContain('#token=');
  }, 240_000);
});
