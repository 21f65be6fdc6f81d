import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { DEMO_TECHNICIAN } from '../../../main/technician/demo-mode.ts';
import { tempDir } from '../../support/temp-dir.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = tempDir('launcher-restart');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  dir.remove();
});

/** What systemd runs (khidma-core.service): the launcher, no window, the config file named. */
function launch(config: string): { child: ChildProcess; out: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/launcher/start.ts', '--no-window', '--browser', '--config', config], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INVOCATION_ID: 'khidma-test' } });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b));
  child.stderr!.on('data', (b: Buffer) => (out += b));
  return { child, out: () => out, exited: new Promise((r) => child.once('exit', (code) => r(code))) };
}

/** The bridge as the kiosk page uses it: one WebSocket, requests {id, method, params}. */
async function bridge(data: string): Promise<{ call: (method: string, params: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>; ws: WebSocket }> {
  const url = readFileSync(join(data, 'launch-url'), 'utf8').trim();
  const origin = new URL(url).origin;
  const token = new URLSearchParams(new URL(url).hash.slice(1)).get('token')!;
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/bridge?token=${token}`, { origin });
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  let next = 0;
  const call = (method: string, params: unknown) =>
    new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve) => {
      const id = ++next;
      const onMessage = (raw: WebSocket.RawData) => {
        const msg = JSON.parse(String(raw)) as { id?: number; result?: { ok: boolean } };
        if (msg.id !== id) return;
        ws.off('message', onMessage);
        resolve(msg.result!);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method, params }));
    });
  return { call, ws };
}

describe('a technician restarts the kiosk (settings that apply at start-up)', () => {
  it('the launcher closes the kiosk cleanly and exits 75, which systemd restarts on; started again, the new identity is in force', async () => {
    const data = join(dir.path, 'data');
    const config = join(dir.path, 'khidma.config.json');
    writeFileSync(config, JSON.stringify({ demo: true, dataDir: data }));
    const first = launch(config);
    await expect.poll(first.out, { timeout: 60_000, interval: 200 }).toContain('Open it in Chromium');
    expect(first.out()).toContain('Khidma kiosk KW-GOVMALL-01 (KW)');

    const { call, ws } = await bridge(data);
    expect(await call('tech.login', { pin: DEMO_TECHNICIAN.pin })).toMatchObject({ ok: true });
    const form = { kioskId: 'KW-AVENUES-07', kioskNumber: 7, location: { ar: 'الأفنيوز', en: 'The Avenues' }, profile: 'KW', gatewayUrl: '', fleetUrl: '', fleetCentre: '' };
    expect(await call('tech.saveSite', form)).toMatchObject({ ok: true, value: { site: { restartPending: true, canRestart: true } } });
    expect(await call('tech.restart', {})).toEqual({ ok: true, value: { restarting: true } });
    expect(await first.exited).toBe(75);
    ws.terminate();
    expect(first.out()).toContain('Restart requested (technician)');

    // What systemd does next (Restart=always; only 78 is kept down): start it again.
    const second = launch(config);
    await expect.poll(second.out, { timeout: 60_000, interval: 200 }).toContain('Open it in Chromium');
    expect(second.out()).toContain('Khidma kiosk KW-AVENUES-07 (KW)');
    const again = await bridge(data);
    expect(await again.call('kiosk.info', {})).toMatchObject({ ok: true, value: { kioskId: 'KW-AVENUES-07', location: { en: 'The Avenues' } } });
    again.ws.terminate();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    // The unit that runs the launcher on kiosk hardware does start it again after 75.
    const unit = readFileSync(join(root, 'packaging/linux/khidma-core.service'), 'utf8');
    expect(unit).toMatch(/^Restart=always$/m);
    expect(/^RestartPreventExitStatus=(.*)$/m.exec(unit)?.[1]?.split(/\s+/)).not.toContain('75');
  }, 150_000);
});
