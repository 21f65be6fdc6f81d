import { afterEach, describe, expect, it } from 'vitest';
import { createKiosk, type Kiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { DEMO_TECHNICIAN } from '../../../main/technician/demo-mode.ts';
import { TechnicianAccounts } from '../../../main/technician/accounts.ts';
import { openDatabase } from '../../../main/store/database.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { join } from 'node:path';

let dir: ReturnType<typeof tempDir> | undefined;
let kiosk: Kiosk | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
  dir?.remove();
});

const demoAccounts = (dataDir: string) => {
  const db = openDatabase(join(dataDir, 'kiosk.sqlite'));
  try {
    return new TechnicianAccounts(db).list().filter((a) => a.demo);
  } finally {
    db.close();
  }
};

// The demo PIN is hashed while the kiosk opens (not before it serves): nothing may see it missing.
describe('the demo technician on a first start', () => {
  it('signs in at once after the kiosk opened, the account being made meanwhile', async () => {
    dir = tempDir('demo-tech');
    kiosk = await createKiosk(parseConfig({ demo: true, dataDir: dir.path }), { log: silentLogger });
    const login = await kiosk.dispatcher.dispatch('tech.login', { pin: DEMO_TECHNICIAN.pin }, { connection: { id: 'ws-1' } });
    expect(login).toEqual({ ok: true, value: { name: DEMO_TECHNICIAN.name, role: 'supervisor' } });
  });

  it('closing straight after opening keeps the account; leaving demo mode removes it before the kiosk serves', async () => {
    dir = tempDir('demo-tech');
    const first = await createKiosk(parseConfig({ demo: true, dataDir: dir.path }), { log: silentLogger });
    await first.close();
    expect(demoAccounts(dir.path).map((a) => a.name)).toEqual([DEMO_TECHNICIAN.name]);

    kiosk = await createKiosk(parseConfig({ dataDir: dir.path, kioskId: 'KW-TEST-11', kioskNumber: 11, gateway: { mode: 'remote', url: 'http://127.0.0.1:9' } }), { log: silentLogger });
    expect(new TechnicianAccounts(kiosk.db).list().filter((a) => a.demo)).toEqual([]);
    expect(await kiosk.dispatcher.dispatch('tech.login', { pin: DEMO_TECHNICIAN.pin }, { connection: { id: 'ws-1' } })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
