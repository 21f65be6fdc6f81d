import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKiosk, type Kiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { DEMO_TECHNICIAN } from '../../../main/technician/demo-mode.ts';
import { AuditRepo } from '../../../main/store/audit-repo.ts';
import { tempDir } from '../../support/temp-dir.ts';

let dir: ReturnType<typeof tempDir>;
let kiosk: Kiosk;
const call = (method: string, params: unknown, conn?: string) => kiosk.dispatcher.dispatch(method, params, conn ? { connection: { id: conn } } : undefined);

beforeEach(async () => {
  dir = tempDir('tech-guard');
  kiosk = await createKiosk(parseConfig({ demo: true, dataDir: dir.path, connectivity: { probeIntervalMs: 200 } }), { log: silentLogger });
});
afterEach(async () => {
  await kiosk.close();
  dir.remove();
});

describe('the technician session guard in the dispatcher', () => {
  it('refuses tech.* to connections without the session, binds the session to the PIN connection, and holds visitors off while in', async () => {
    expect(await call('tech.overview', {}, 'ws-1')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call('tech.overview', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call('tech.login', { pin: DEMO_TECHNICIAN.pin })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(kiosk.technician.appState.current.state).toBe('available');

    expect(await call('tech.login', { pin: DEMO_TECHNICIAN.pin }, 'ws-1')).toEqual({ ok: true, value: { name: DEMO_TECHNICIAN.name, role: 'supervisor' } });
    expect(kiosk.technician.appState.current.state).toBe('maintenance');
    expect(await call('tech.overview', {}, 'ws-1')).toMatchObject({ ok: true, value: { technician: { name: DEMO_TECHNICIAN.name } } });
    // Another connection (a second page, a visitor's) gets nothing.
    expect(await call('tech.overview', {}, 'ws-2')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call('session.start', { locale: 'ar' }, 'ws-2')).toMatchObject({ ok: false, error: { code: 'unavailable', message: 'maintenance' } });

    expect(await call('tech.logout', {}, 'ws-1')).toEqual({ ok: true, value: null });
    expect(kiosk.technician.appState.current.state).toBe('available');
    expect(await call('tech.overview', {}, 'ws-1')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call('session.start', { locale: 'ar' }, 'ws-2')).toMatchObject({ ok: true });
    expect(kiosk.technician.appState.current.state).toBe('active');
    const actions = new AuditRepo(kiosk.db).recent(10).map((a) => `${a.actor}:${a.action}`);
    expect(actions).toEqual(expect.arrayContaining([`${DEMO_TECHNICIAN.name}:tech.login`, `${DEMO_TECHNICIAN.name}:tech.logout`]));
  });

  it('ends the session when its connection closes, and counts wrong PINs', async () => {
    await call('tech.login', { pin: DEMO_TECHNICIAN.pin }, 'ws-7');
    const ended = new Promise((r) => kiosk.events.subscribe((e, p) => e === 'tech.ended' && r(p)));
    kiosk.dispatcher.release?.('ws-7');
    expect(await ended).toEqual({ reason: 'disconnect' });
    expect(kiosk.technician.appState.current.state).toBe('available');
    expect(await call('tech.login', { pin: '999999' }, 'ws-8')).toMatchObject({ ok: false, error: { code: 'unauthorized', message: '4' } });
    expect(await call('tech.entry', {}, 'ws-8')).toMatchObject({ ok: true, value: { locked: false, attemptsLeft: 4 } });
  });

  it('no technician takes over while a payment is with the terminal', async () => {
    kiosk.db
      .prepare(`INSERT INTO transactions (id, kind, state, amount_minor, currency, items_json, locale, created_at, updated_at) VALUES ('7f1c1f43-5d42-4f3c-9d0a-3c1b2a6e9f10', 'billPayment', 'authorizing', 12750, 'KWD', '[]', 'ar', 'now', 'now')`)
      .run();
    expect(await call('tech.login', { pin: DEMO_TECHNICIAN.pin }, 'ws-1')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(kiosk.technician.appState.current.state).not.toBe('maintenance');
  });
});
