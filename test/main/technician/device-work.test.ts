import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createKiosk, type Kiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { DEMO_TECHNICIAN } from '../../../main/technician/demo-mode.ts';
import { TechnicianSessions } from '../../../main/technician/tech-sessions.ts';
import { PortWatcher, listPorts } from '../../../main/technician/ports.ts';
import type { TechReaderResult, TechTestResult, PortInfo } from '../../../main/contract/api.ts';
import { createEscPosPrinter, EPSON_TM_T88_80MM, EscPosSimulator } from '../../../drivers/printer/index.ts';
import { createMemoryLink } from '../../../drivers/transport/memory-link.ts';
import type { Transport } from '../../../drivers/transport/transport.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { AssignmentsRepo } from '../../../main/technician/assignments-repo.ts';
import { DEMO_CIVIL, DEMO_CIVIL_ID_CARD } from '../../support/demo-documents.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const until = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('a printer that misses polls', () => {
  it('stays online through fewer than three missed polls in a row, and goes offline after three', async () => {
    const [host, device] = createMemoryLink({ name: 'printer' });
    const sim = new EscPosSimulator(device, EPSON_TM_T88_80MM);
    let muted = false;
    let lost = 0;
    // A flickering cable: while muted, the kiosk's bytes never reach the printer (each lost write is one missed poll).
    const flaky: Transport = {
      name: host.name,
      get isOpen() {
        return host.isOpen;
      },
      write: (b) => (muted ? (lost++, Promise.resolve()) : host.write(b)),
      onData: (f) => host.onData(f),
      onClose: (f) => host.onClose(f),
      close: () => host.close(),
    };
    const printer = createEscPosPrinter(flaky, EPSON_TM_T88_80MM, { pollIntervalMs: 300, statusTimeoutMs: 40, missesBeforeOffline: 3 });
    cleanups.push(async () => (await printer.close(), sim.close()));
    const states: string[] = [];
    printer.onStatus((s) => states.push(s.device));
    expect((await printer.checkStatus()).device).toBe('online');
    const requests = sim.statusRequests;
    muted = true;
    // Two polls in a row go unanswered (a poll stops at its first unanswered request)…
    await until(() => lost === 2);
    muted = false;
    expect(printer.status().device).toBe('online');
    await until(() => sim.statusRequests > requests);
    expect(states).not.toContain('offline');
    // …three in a row: offline.
    lost = 0;
    muted = true;
    await until(() => printer.status().device === 'offline', 5000);
    expect(lost).toBe(3);
    expect(printer.status().detail).toBe('noAnswer');
  });
});

describe('technician sessions and ports', () => {
  it('the session ends by itself after the idle time, and any call keeps it alive', async () => {
    const ended: string[] = [];
    const s = new TechnicianSessions({ idleMs: 120, onEnd: (_a, why) => ended.push(why) });
    s.begin('ws-1', { id: 1, name: 'T', role: 'technician', demo: false });
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 60));
      s.touch();
    }
    expect(s.active).toBe(true);
    await until(() => !s.active, 1000);
    expect(ended).toEqual(['idle']);
  });

  it('a port that appears is reported within seconds (hot-plug)', async () => {
    const dir = tempDir('ports');
    cleanups.push(() => dir.remove());
    const seen: PortInfo[][] = [];
    const watcher = new PortWatcher(listPorts([dir.file('ttyUSB9')]), (p) => seen.push(p), 200);
    cleanups.push(() => watcher.stop());
    watcher.start();
    await until(() => seen.length >= 1);
    const t0 = Date.now();
    writeFileSync(dir.file('ttyUSB9'), '');
    await until(() => seen.some((list) => list.some((p) => p.path === dir.file('ttyUSB9'))));
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('per-device tests through the technician contract (embedded simulators)', () => {
  let dir: ReturnType<typeof tempDir>;
  let kiosk: Kiosk;
  const call = async <T>(method: string, params: unknown): Promise<T> => {
    const r = await kiosk.dispatcher.dispatch(method, params, { connection: { id: 'ws-tech' } });
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };

  it('printer test page (both languages, QR, cut, the simulated paper), status; terminal status enquiry and end of day printed; ID reader read masked', async () => {
    dir = tempDir('tech-devices');
    kiosk = await createKiosk(parseConfig({ demo: true, dataDir: dir.path }), { log: silentLogger });
    cleanups.push(async () => (await kiosk.close(), dir.remove()));
    await call('tech.login', { pin: DEMO_TECHNICIAN.pin });
    const sim = kiosk.devices.simulators.printer!;

    const page = await call<TechTestResult>('tech.printerTest', { kind: 'page' });
    expect(page).toMatchObject({ ok: true, code: 'printed' });
    expect(page.png).toMatch(/^data:image\/png;base64,/);
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/tech-test-page.png', Buffer.from(page.png!.split(',')[1]!, 'base64'));
    expect(sim.cuts).toBe(1);
    expect(sim.qrCodes()[0]).toMatch(/^KHIDMA-TEST KW-GOVMALL-01 /);
    expect(sim.images().length).toBeGreaterThan(2); // Arabic lines shaped into raster
    expect(await call<TechTestResult>('tech.printerTest', { kind: 'status' })).toMatchObject({ ok: true, status: { name: 'printer', state: 'online' } });

    expect(await call<TechTestResult>('tech.terminalTest', { kind: 'status' })).toMatchObject({ ok: true, code: 'answered' });
    // The real end of day: compared with the journal (no payments yet: both zero), recorded, printed.
    const eod = await call<TechTestResult>('tech.terminalTest', { kind: 'endOfDay', locale: 'en' });
    expect(eod).toMatchObject({ ok: true, code: 'totalsMatch', lines: ['terminal 0 / 0', 'kiosk 0 / 0'] });
    expect(kiosk.upkeep.endOfDay.repo.recent(1)[0]).toMatchObject({ startedBy: 'technician', ok: true, differenceMinor: 0 });
    expect(sim.decodedText().join('\n')).toMatch(/End of day/);
    expect(sim.cuts).toBe(2);
    expect(await call<TechTestResult>('tech.terminalTest', { kind: 'diagnosis' })).toMatchObject({ ok: true, code: 'diagnosed' });

    const reading = call<TechReaderResult>('tech.readerTest', { waitMs: 10_000 });
    await new Promise((r) => setTimeout(r, 50));
    await kiosk.devices.simulators.idReader!.presentLines(DEMO_CIVIL_ID_CARD);
    const read = await reading;
    expect(read).toMatchObject({ read: true, document: { format: 'TD1', issuingState: 'KWT', documentType: 'ID', number: '•••••••56', name: '••••' } });
    for (const secret of [DEMO_CIVIL, 'FULANI', 'SALEM', 'AB0123456']) expect(JSON.stringify(read)).not.toContain(secret);
  }, 60_000);

  it('a printer profile the technician chose is applied again after a restart', async () => {
    dir = tempDir('tech-profile');
    cleanups.push(() => dir.remove());
    kiosk = await createKiosk(parseConfig({ demo: true, dataDir: dir.path }), { log: silentLogger });
    expect(kiosk.devices.printerProfile()).toBe('epson-tm-t88-80mm');
    new AssignmentsRepo(kiosk.db).set('printer', { link: 'simulator' }, 'T', 'now', 'generic-58mm');
    await kiosk.close();
    kiosk = await createKiosk(parseConfig({ demo: true, dataDir: dir.path }), { log: silentLogger });
    cleanups.push(() => kiosk.close());
    expect(kiosk.devices.printerProfile()).toBe('generic-58mm');
    await call('tech.login', { pin: DEMO_TECHNICIAN.pin });
    const overview = await call<{ devices: { role: string; profile: string }[]; profiles: { role: string; ids: string[] }[] }>('tech.overview', {});
    expect(overview.devices.find((d) => d.role === 'printer')!.profile).toBe('generic-58mm');
    expect(overview.profiles.find((p) => p.role === 'printer')!.ids).toEqual(['epson-tm-t88-80mm', 'generic-58mm']);
  }, 60_000);
});
