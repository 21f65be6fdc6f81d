import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKiosk, type Kiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import { silentLogger } from '../../../main/log/logger.ts';
import { FleetConsole } from '../../../main/fleet-console/console.ts';
import { startDemoFleet, type DemoFleet } from '../../../main/fleet-console/demo-fleet.ts';
import { startEmbeddedBroker } from '../../../main/fleet-console/embedded-broker.ts';
import { localDay } from '../../../main/fleet/journal-stats.ts';
import { waitFor } from '../../support/fleet-rig.ts';
import { tempDir } from '../../support/temp-dir.ts';

/**
 * What `npm run fleet` gives a newcomer with no configuration: the embedded Aedes broker, the
 * demo fleet, the console; and a real kiosk (npm start with a fleet section) joining it.
 */
let dir: ReturnType<typeof tempDir>;
let broker: Awaited<ReturnType<typeof startEmbeddedBroker>>;
let demo: DemoFleet;
let c: FleetConsole;
let kiosk: Kiosk;

beforeAll(async () => {
  dir = tempDir('fleet-demo');
  broker = await startEmbeddedBroker(0);
  c = new FleetConsole({ dataDir: dir.file('console'), broker: { url: broker.url, protocolVersion: 4 }, log: silentLogger });
  await c.start();
  demo = await startDemoFleet({ host: '127.0.0.1', port: broker.port }, { historyDays: 3 });
  kiosk = await createKiosk(
    parseConfig({ demo: true, dataDir: dir.file('kiosk'), kioskId: 'KW-GOVMALL-99', fleet: { url: broker.url, country: 'KW', centre: 'GOVMALL', protocolVersion: 4, heartbeatMs: 1000 } }),
    { log: silentLogger },
  );
}, 120_000);

afterAll(async () => {
  await kiosk?.close();
  demo?.close();
  await c?.close();
  await broker?.close();
  dir?.remove();
});

describe('npm run fleet with no configuration', () => {
  it('shows a living demo fleet with problems to look at and takings for every country', async () => {
    await waitFor(() => c.fleet.size >= demo.kiosks.length, 30_000, 'demo fleet');
    const list = c.fleet.list();
    expect(new Set(list.map((k) => k.co))).toEqual(new Set(['KW', 'BH', 'QA']));
    await waitFor(() => c.fleet.list().some((k) => k.al.includes('paperOut')), 10_000, 'a paper-out kiosk');
    const day = localDay(new Date(), 'Asia/Kuwait');
    const r = await waitFor(() => {
      const x = c.stats.report('day', day, 'entity');
      return x.totals.length === 3 && x;
    }, 20_000, 'statistics in three currencies');
    expect(r.totals.map((t) => t.currency).sort()).toEqual(['BHD', 'KWD', 'QAR']);
  });

  it('a real kiosk joins it with its devices', async () => {
    const k = await waitFor(() => c.fleet.get('KW-GOVMALL-99')?.on && c.fleet.get('KW-GOVMALL-99'), 30_000, 'real kiosk');
    expect(k.status?.devices.map((d) => d.name).sort()).toEqual(['idReader', 'printer', 'terminal']);
    expect(k.status?.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
