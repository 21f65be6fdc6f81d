import { afterEach, describe, expect, it } from 'vitest';
import { createKiosk, type Kiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { DEMO_TECHNICIAN } from '../../../main/technician/demo-mode.ts';
import { AuditRepo } from '../../../main/store/audit-repo.ts';
import type { DeviceAssignment, TechOverview, TechReaderResult } from '../../../main/contract/api.ts';
import { openSerialTransport } from '../../../drivers/transport/serial-transport.ts';
import { MrzReaderSimulator, READER_PROFILES } from '../../../drivers/idreader/index.ts';
import { createPtyPair } from '../../support/pty-pair.ts';
import { tempDir } from '../../support/temp-dir.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the ID reader model, chosen by the technician like the printer’s', () => {
  it('is offered from the reader profiles, applied live on a real serial link, audited, and still in force after a restart', async () => {
    const dir = tempDir('reader-profile');
    cleanups.push(() => dir.remove());
    const pty = await createPtyPair('idreader');
    cleanups.push(() => pty.close());
    const deviceEnd = await openSerialTransport({ path: pty.devicePath, baudRate: 9600 });
    cleanups.push(() => deviceEnd.close());
    // A reader configured with a header and trailer: the default generic framing does not see its documents.
    const reader = new MrzReaderSimulator(deviceEnd, { profile: READER_PROFILES['prefixed-crlf'] });
    const config = parseConfig({ demo: true, dataDir: dir.path });
    let kiosk: Kiosk = await createKiosk(config, { log: silentLogger });
    cleanups.push(() => kiosk.close());
    const call = async <T>(method: string, params: unknown): Promise<T> => {
      const r = await kiosk.dispatcher.dispatch(method, params, { connection: { id: 'ws-tech' } });
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
    await call('tech.login', { pin: DEMO_TECHNICIAN.pin });
    const overview = await call<TechOverview>('tech.overview', {});
    expect(overview.profiles.find((p) => p.role === 'idReader')!.ids).toEqual(Object.keys(READER_PROFILES));
    expect(overview.devices.find((d) => d.role === 'idReader')!.profile).toBe('generic-crlf');

    const line = { baudRate: 9600, parity: 'none', stopBits: 1, rtscts: false };
    const assigned = await call<DeviceAssignment>('tech.assign', { role: 'idReader', link: { link: 'serial', path: pty.hostPath, profile: 'prefixed-crlf', line } });
    expect(assigned).toMatchObject({ role: 'idReader', link: 'serial', path: pty.hostPath, profile: 'prefixed-crlf' });
    expect(new AuditRepo(kiosk.db).recent(1)[0]!.detail).toMatchObject({ role: 'idReader', profile: { from: 'generic-crlf', to: 'prefixed-crlf' } });
    const reading = call<TechReaderResult>('tech.readerTest', { waitMs: 10_000 });
    await expect.poll(() => kiosk.devices.summary().find((s) => s.name === 'idReader')?.state).toBe('online');
    await reader.present('utopia-passport');
    expect(await reading).toMatchObject({ read: true, document: { format: 'TD3', issuingState: 'UTO' } });

    await kiosk.close();
    kiosk = await createKiosk(config, { log: silentLogger });
    expect(kiosk.devices.readerProfile()).toBe('prefixed-crlf');
    expect(kiosk.devices.links().idReader).toMatchObject({ link: 'serial', path: pty.hostPath });
    await call('tech.login', { pin: DEMO_TECHNICIAN.pin });
    const again = call<TechReaderResult>('tech.readerTest', { waitMs: 10_000 });
    await expect.poll(() => kiosk.devices.summary().find((s) => s.name === 'idReader')?.state).toBe('online');
    await reader.present('utopia-passport');
    expect(await again).toMatchObject({ read: true });
  }, 60_000);
});
