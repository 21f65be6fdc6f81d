import { fork, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Bench, BenchRow } from './bench-types.ts';
import { startMosquitto } from '../support/mosquitto.ts';
import { tempDir } from '../support/temp-dir.ts';
import { launchChromium } from '../support/chromium.ts';
import { SimKiosk } from '../../main/fleet-console/sim-kiosk.ts';

/**
 * 5,000 lightweight simulated kiosks (raw MQTT sockets, one process) on a real Mosquitto with the
 * repo's ACL and per-kiosk passwords, and the console in its own process. Figures are from a
 * shared 2-core machine: noisy. TLS is off for this run (5,000 handshakes would measure the
 * bench process, not the console); the ACL and password checks are on.
 */
const N = Number(process.env.KHIDMA_BENCH_FLEET_KIOSKS ?? 5000);
const KEEPALIVE_S = 10;
const HEARTBEAT_MS = 10_000;
const STEADY_MS = 30_000;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Usage = { cpu: { user: number; system: number }; rss: number; heap: number; counters: Record<string, number>; kiosks: number; at: number };

function procCpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, at 100 Hz
}

const bench: Bench = async () => {
  if (!existsSync(`${ROOT}dist/fleet/index.html`)) execFileSync('npx', ['vite', 'build', '-c', 'vite.fleet.config.ts', '--logLevel', 'warn'], { cwd: ROOT });
  const dir = tempDir('bench-fleet');
  const kioskIds = Array.from({ length: N }, (_, i) => `KW-C${String(i % 100).padStart(3, '0')}-${String(i).padStart(5, '0')}`);
  const broker = await startMosquitto({ dir: dir.file('broker'), users: ['fleet-console', ...kioskIds], tls: false });
  const mosquittoPid = Number(execFileSync('pgrep', ['-f', `${dir.file('broker')}/mosquitto.conf`]).toString().trim().split('\n')[0]);
  const child = fork(fileURLToPath(new URL('./fleet-console-child.ts', import.meta.url)), [JSON.stringify({ dataDir: dir.file('console'), url: broker.url, password: broker.password('fleet-console'), staticDir: `${ROOT}dist/fleet` })], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((r) => child.once('message', (m: { ready: string }) => r(m.ready)));
  const usage = () => new Promise<Usage>((r) => (child.once('message', (m: Usage) => r(m)), child.send({ cmd: 'usage' })));
  const rows: BenchRow[] = [];
  const sims = kioskIds.map((kiosk) => new SimKiosk({ country: 'KW', centre: kiosk.split('-')[1]!, kiosk }, { username: kiosk, password: broker.password(kiosk) }, { keepaliveS: KEEPALIVE_S, heartbeatMs: HEARTBEAT_MS }));
  const login = await fetch(`${url}api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench', password: 'bench-password' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const kioskOnline = async (k: string) => ((await (await fetch(`${url}api/kiosks/${k}`, { headers: { cookie } })).json()) as { on: boolean }).on;
  const clock = setInterval(() => {
    const now = Date.now();
    for (const s of sims) s.tick(now);
  }, 250);
  try {
    // 1. The whole fleet connects (200 at a time) and publishes its births.
    const t0 = Date.now();
    for (let i = 0; i < sims.length; i += 200) await Promise.all(sims.slice(i, i + 200).map((s) => s.connect({ host: '127.0.0.1', port: broker.port })));
    for (;;) {
      const u = await usage();
      if (u.counters.status! >= N) break;
      if (Date.now() - t0 > 180_000) throw new Error(`console saw ${u.counters.status} births of ${N}`);
      await sleep(200);
    }
    rows.push({ name: `${N} kiosks connected and shown online`, value: (Date.now() - t0) / 1000, unit: 's', goal: 'report', kind: 'measured', met: null });

    // 2. Steady state: heartbeats every 10 s from every kiosk (3x the production rate).
    await sleep(HEARTBEAT_MS);
    const a = await usage();
    const ma = procCpuMs(mosquittoPid);
    await sleep(STEADY_MS);
    const b = await usage();
    const mb = procCpuMs(mosquittoPid);
    const wall = b.at - a.at;
    const cores = (b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system) / 1000 / wall;
    const handled = b.counters.heartbeat! - a.counters.heartbeat!;
    rows.push({ name: `console CPU, ${N} kiosks, heartbeat ${HEARTBEAT_MS / 1000} s`, value: cores, unit: 'cores', goal: '<= 0.5', kind: 'measured', met: cores <= 0.5 });
    rows.push({ name: 'console memory (RSS)', value: b.rss / 1e6, unit: 'MB', goal: 'report', kind: 'measured', met: null });
    rows.push({ name: 'messages handled by the console', value: (handled / wall) * 1000, unit: 'msg/s', goal: 'report', kind: 'measured', met: null });
    rows.push({ name: 'Mosquitto CPU', value: (mb - ma) / wall, unit: 'cores', goal: 'report', kind: 'measured', met: null });

    // 3. Death to shown: five kiosks hang (socket open, silent); the broker's keepalive must notice.
    const victims = [7, 1234, 2500, 3333, 4999].filter((i) => i < N).map((i) => sims[i]!);
    const died = Date.now();
    for (const v of victims) v.freeze();
    const shown: number[] = [];
    await Promise.all(
      victims.map(async (v) => {
        while (await kioskOnline(v.address.kiosk)) await sleep(100);
        shown.push(Date.now() - died);
      }),
    );
    const worst = Math.max(...shown) / 1000;
    rows.push({ name: `death to shown offline (keepalive ${KEEPALIVE_S} s, worst of ${victims.length})`, value: worst, unit: 's', goal: `<= ${1.5 * KEEPALIVE_S + 1}`, kind: 'measured', met: worst <= 1.5 * KEEPALIVE_S + 1 });

    // 4. The page with the whole fleet: navigation to the whole fleet drawn, in Chromium.
    const browser = await launchChromium();
    try {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await ctx.addCookies([{ name: 'khidma_fleet', value: cookie.split('=')[1]!, url }]);
      const page = await ctx.newPage();
      const loads: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = Date.now();
        await page.goto(`${url}?lang=ar`);
        // Drawn: the counters account for every kiosk and every centre is on the page (healthy kiosks folded per centre).
        await page.waitForFunction((n) => document.querySelector('.counter .n')?.textContent === String(n) && document.querySelectorAll('.centre').length >= Math.min(100, n), N, { polling: 20, timeout: 60_000 });
        loads.push(Date.now() - start);
      }
      const median = loads.sort((x, y) => x - y)[1]!;
      rows.push({ name: `page load with ${N} kiosks (median of 3)`, value: median, unit: 'ms', goal: '<= 1000', kind: 'measured', met: median <= 1000 });
    } finally {
      await browser.close();
    }

    // 5. How far it goes: every kiosk changes its status at once; the console's drain rate.
    const before = await usage();
    const burstAt = Date.now();
    for (const s of sims) if (s.connected) s.publishStatus();
    let after = before;
    while (after.counters.status! - before.counters.status! < N - victims.length && Date.now() - burstAt < 120_000) {
      await sleep(100);
      after = await usage();
    }
    const drained = after.counters.status! - before.counters.status!;
    const rate = drained / ((after.at - burstAt) / 1000);
    rows.push({ name: `status burst: ${drained} changes drained`, value: rate, unit: 'msg/s', goal: 'report', kind: 'measured', met: null });
    rows.push({ name: `largest fleet kept up with (measured)`, value: N, unit: 'kiosks', goal: 'report', kind: 'measured', met: null });
    // A kiosk costs one heartbeat per 30 s plus about one status change a minute in production.
    rows.push({ name: 'fleet one console could carry at that drain rate (estimate, heartbeat 30 s + 1 status/min)', value: Math.floor(rate / (1 / 30 + 1 / 60)), unit: 'kiosks', goal: 'report', kind: 'measured', met: null });
  } finally {
    clearInterval(clock);
    for (const s of sims) s.kill();
    child.send({ cmd: 'stop' });
    await new Promise((r) => child.once('exit', r));
    await broker.stop();
    dir.remove();
  }
  return rows;
};
export default bench;
