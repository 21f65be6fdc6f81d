import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKiosk, type Kiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { ComposedKioskSource } from '../../../main/fleet/kiosk-source.ts';
import type { SourceSignal } from '../../../main/fleet/status-source.ts';
import { DEMO_TECHNICIAN } from '../../../main/technician/demo-mode.ts';
import { tempDir } from '../../support/temp-dir.ts';

// What the fleet reads from a real composed kiosk: the application state (maintenance included),
// the money desk's lanes and the durable alerts as events; never who the technician was.

let dir: ReturnType<typeof tempDir>;
let kiosk: Kiosk;
let source: ComposedKioskSource;
const signals: SourceSignal[] = [];

beforeEach(async () => {
  dir = tempDir('fleet-source');
  kiosk = await createKiosk(parseConfig({ demo: true, dataDir: dir.path, connectivity: { probeIntervalMs: 200 } }), { log: silentLogger });
  source = new ComposedKioskSource(kiosk, { pollMs: 60_000 });
  signals.length = 0;
  source.subscribe((s) => signals.push(s));
});
afterEach(async () => {
  source.close();
  await kiosk.close();
  dir.remove();
});

const events = () => signals.flatMap((s) => (s.kind === 'event' ? [s.event] : []));

describe('the fleet source over the composed kiosk', () => {
  it('a technician coming in puts the status in maintenance and is an event without a name', async () => {
    const tech = { connection: { id: 'page-tech' } };
    expect(await kiosk.dispatcher.dispatch('tech.login', { pin: DEMO_TECHNICIAN.pin }, tech)).toMatchObject({ ok: true });
    expect(source.snapshot().app).toEqual({ state: 'maintenance' });
    expect(events()).toContainEqual(expect.objectContaining({ kind: 'technicianEntry', code: 'technician:in' }));
    await kiosk.dispatcher.dispatch('tech.logout', {}, tech);
    expect(events()).toContainEqual(expect.objectContaining({ kind: 'technicianEntry', code: 'technician:out' }));
    expect(JSON.stringify(signals)).not.toContain(DEMO_TECHNICIAN.name);
  });

  it('remote out of service refuses visitors until back in service', async () => {
    source.setRemoteOutOfService(true);
    expect(source.snapshot().app).toEqual({ state: 'unavailable', reason: 'remote' });
    expect(await kiosk.dispatcher.dispatch('session.start', { locale: 'en' }, { connection: { id: 'p' } })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    source.setRemoteOutOfService(false);
    expect(source.snapshot().app.state).toBe('available');
  });

  it("the kiosk's alerts become fleet events; lanes come from the money desk", () => {
    kiosk.alerts.raise({ at: new Date().toISOString(), kind: 'endOfDayDifference', severity: 'critical', subject: 'd1', detail: { differenceMinor: 1_250 } });
    expect(events()).toContainEqual(expect.objectContaining({ kind: 'endOfDayDifference', severity: 'critical', data: { differenceMinor: 1_250 } }));
    kiosk.alerts.raise({ at: new Date().toISOString(), kind: 'payment.overpaid', severity: 'warning', subject: 'tx', detail: { amountMinor: 5_000 } });
    expect(events()).toContainEqual(expect.objectContaining({ kind: 'reconciliationFlag', code: 'payment:overpaid' }));
    expect(source.snapshot().outbox?.lanes).toEqual(kiosk.desk.lanes().map((l) => ({ lane: l.kind, depth: l.pending, oldestAgeMs: l.oldestAgeMs })));
  });
});
