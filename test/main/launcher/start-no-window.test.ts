import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { tempDir } from '../../support/temp-dir.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = tempDir('no-window');
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  dir.remove();
});

function opens(url: string, origin: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => (ws.close(), resolve(101)));
    ws.once('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(0));
  });
}

describe('npm start -- --no-window', () => {
  it('never prints the launch token: it writes the URL to an owner-only file and prints its path; SIGTERM exits cleanly', async () => {
    const config = join(dir.path, 'khidma.config.json');
    const data = join(dir.path, 'data');
    writeFileSync(config, JSON.stringify({ demo: true, dataDir: data }));
    // What `npm start` runs after its renderer build (the build prints no token either).
    child = spawn(process.execPath, ['--import', 'tsx', 'main/launcher/start.ts', '--no-window', '--browser', '--config', config], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (b: Buffer) => (out += b));
    child.stderr!.on('data', (b: Buffer) => (out += b));
    await expect.poll(() => out, { timeout: 60_000, interval: 200 }).toContain('Open it in Chromium');

    const file = join(data, 'launch-url');
    expect(out).toContain(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const url = readFileSync(file, 'utf8').trim();
    const token = new URLSearchParams(new URL(url).hash.slice(1)).get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(out).not.toContain(token);
    expect(out).not.toContain('#token=');

    // The URL works, once.
    const origin = new URL(url).origin;
    const bridge = `${origin.replace('http', 'ws')}/bridge?token=${token}`;
    expect(await opens(bridge, origin)).toBe(101);
    expect(await opens(bridge, origin)).toBe(401);
    // The file now holds the next unspent URL (for the next browser launch), still owner-only.
    await expect.poll(() => readFileSync(file, 'utf8').trim(), { timeout: 5000 }).not.toBe(url);
    const next = new URLSearchParams(new URL(readFileSync(file, 'utf8').trim()).hash.slice(1)).get('token')!;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await opens(`${origin.replace('http', 'ws')}/bridge?token=${next}`, origin)).toBe(101);
    expect(out).not.toContain(next);

    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = undefined;
    for (const name of readdirSync(join(data, 'logs'))) expect(readFileSync(join(data, 'logs', name), 'utf8')).not.toContain(token);
  }, 90_000);

  it('a configuration error is said plainly and exits 78 (systemd does not restart on it)', async () => {
    const config = join(dir.path, 'bad.config.json');
    writeFileSync(config, JSON.stringify({ demo: true, dataDir: join(dir.path, 'bad'), kioskNumber: 5000 }));
    const bad = spawn(process.execPath, ['--import', 'tsx', 'main/launcher/start.ts', '--no-window', '--browser', '--config', config], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    bad.stderr.on('data', (b: Buffer) => (err += b));
    const code = await new Promise<number | null>((r) => bad.once('exit', r));
    expect(code).toBe(78);
    expect(err).toMatch(/^Khidma cannot start: .*bad.config.json: invalid kiosk configuration/);
    expect(err).toContain('kioskNumber');
  }, 60_000);
});
