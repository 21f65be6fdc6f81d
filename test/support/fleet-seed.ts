import { FleetConsole } from '../../main/fleet-console/console.ts';
import { SimKiosk } from '../../main/fleet-console/sim-kiosk.ts';
import { demoDayStats } from '../../main/fleet-console/demo-fleet.ts';
import { kioskTopic } from '../../main/fleet/protocol.ts';
import { localDay } from '../../main/fleet/journal-stats.ts';
import { silentLogger } from '../../main/log/logger.ts';

/**
 * A console fed message by message (no broker): a small mixed fleet in three countries, some
 * kiosks with problems, and daily statistics for recent days and the same days a year before.
 */
export function seededConsole(dataDir: string, opts: { kiosks?: number; days?: number } = {}): FleetConsole {
  const c = new FleetConsole({ dataDir, broker: { url: 'mqtt://127.0.0.1:1' }, log: silentLogger });
  const send = (topic: string, body: unknown) => c.handle(topic, Buffer.from(JSON.stringify(body)));
  const countries = [
    ['KW', ['GOVMALL', 'JAHRA', 'AHMADI']],
    ['BH', ['ISATOWN', 'MUHARRAQ']],
    ['QA', ['DOHA']],
  ] as const;
  const n = opts.kiosks ?? 24;
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    const [country, centres] = countries[i % countries.length]!;
    const centre = centres[Math.floor(i / countries.length) % centres.length]!;
    const sim = new SimKiosk({ country, centre, kiosk: `${country}-${centre}-${String(i + 1).padStart(2, '0')}` }, {}, { keepaliveS: 30, heartbeatMs: 30_000 });
    sim.bdSeq = 3;
    if (i === 1) sim.setPaperQuietly('out');
    if (i === 2) sim.devices = sim.devices.map((d) => (d.name === 'printer' ? { ...d, supply: 'low' } : d));
    if (i === 4) sim.outboxDepth = 37;
    if (i === 5) sim.app = { state: 'maintenance' };
    if (i === 6) sim.flagged = 1;
    send(kioskTopic(sim.address, 'status'), sim.status(i !== 3));
    if (i === 1) send(kioskTopic(sim.address, 'events'), { v: 1, id: 'e1', kind: 'deviceAlert', at: new Date().toISOString(), code: 'printer:paperOut', severity: 'critical' });
    const tz = country === 'KW' ? 'Asia/Kuwait' : country === 'BH' ? 'Asia/Bahrain' : 'Asia/Qatar';
    const days = opts.days ?? 40;
    for (const back of [...Array(days).keys(), ...Array.from({ length: days }, (_, d) => 365 + d)]) {
      const day = localDay(new Date(now - back * 86_400_000), tz);
      send(kioskTopic(sim.address, `stats/${day}`), { v: 1, day, timeZone: tz, at: new Date().toISOString(), rows: demoDayStats(country, i, day, now) });
    }
  }
  return c;
}
