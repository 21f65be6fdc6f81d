import { statSync, existsSync } from 'node:fs';
import type { Bench, BenchRow } from './bench-types.ts';
import { tempDir } from '../support/temp-dir.ts';
import { openConsoleDb } from '../../main/fleet-console/schema.ts';
import { StatsStore } from '../../main/fleet-console/stats-store.ts';
import { dayNumber, dayString, lastYearRange, periodRange, previousRange } from '../../main/fleet-console/periods.ts';
import { prng } from '../../main/fleet-console/demo-fleet.ts';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * Statistics at fleet scale: two years of daily aggregates for 5,000 kiosks × 20 services
 * (73 million rows) in the console's own SQLite schema, then the quarter-by-entity report with
 * its previous-quarter and year-on-year change. The rollup (per centre, kept by the console in
 * the same transaction as the raw day) is compared with the same report computed from the raw
 * rows, in the same run; the per-centre rollup is timed too. The alternative store, an embedded
 * analytical engine (DuckDB, one thread like SQLite), holds the same number of raw rows and
 * answers the same report without any rollup: its time and size are the comparison. Shared machine: noisy figures.
 */
const KIOSKS = Number(process.env.KHIDMA_BENCH_STATS_KIOSKS ?? 5000);
const DAYS = 730;
const SERVICES = 20; // 10 entities × 2 services each
const CENTRES = 100;
const COUNTRIES = ['KW', 'BH', 'QA'] as const;
const CURRENCY = { KW: 'KWD', BH: 'BHD', QA: 'QAR' } as const;

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function timed<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

const bench: Bench = async () => {
  const dir = tempDir('bench-stats');
  const db = openConsoleDb(dir.file('fleet-console.sqlite'));
  const rows: BenchRow[] = [];
  try {
    // Bulk load (bench only: synchronous off); the schema, keys and rollup are the console's own.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const names = db.prepare('INSERT INTO names (kind, en, ar) VALUES (?, ?, ?)');
    for (let e = 0; e < 10; e++) names.run('entity', `Entity ${e}`, `جهة ${e}`);
    for (let s = 0; s < SERVICES; s++) names.run('service', `Service ${s}`, `خدمة ${s}`);
    const entityId = (s: number) => 1 + Math.floor(s / 2);
    const serviceId = (s: number) => 11 + s;
    const kioskRow = db.prepare('INSERT INTO kiosk_ids (id, kiosk, country, centre) VALUES (?, ?, ?, ?)');
    const centreOf = (k: number) => k % CENTRES;
    const countryOf = (k: number) => COUNTRIES[centreOf(k) % 3]!;
    db.transaction(() => {
      for (let k = 0; k < KIOSKS; k++) kioskRow.run(k + 1, `K${k}`, countryOf(k), `C${centreOf(k)}`);
    })();
    const lastDay = dayNumber(new Date().toISOString().slice(0, 10));
    const firstDay = lastDay - DAYS + 1;
    const placeholders = Array.from({ length: SERVICES }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
    const insertDay = db.prepare(`INSERT INTO stats_daily (kiosk_id, day, service_id, entity_id, currency, count, amount_minor) VALUES ${placeholders}`);
    const rollCount = new Float64Array(CENTRES * DAYS * SERVICES);
    const rollAmount = new Float64Array(CENTRES * DAYS * SERVICES);
    const rnd = prng(42);
    const args: (number | string)[] = new Array(SERVICES * 7);
    const load = timed(() => {
      for (let k = 0; k < KIOSKS; k++) {
        db.transaction(() => {
          const currency = CURRENCY[countryOf(k)];
          for (let d = 0; d < DAYS; d++) {
            const growth = 0.75 + (0.25 * d) / DAYS;
            for (let s = 0; s < SERVICES; s++) {
              const count = Math.floor(rnd() * 12 * growth);
              const amount = count * (1000 + s * 750);
              const o = s * 7;
              args[o] = k + 1;
              args[o + 1] = firstDay + d;
              args[o + 2] = serviceId(s);
              args[o + 3] = entityId(s);
              args[o + 4] = currency;
              args[o + 5] = count;
              args[o + 6] = amount;
              const r = (centreOf(k) * DAYS + d) * SERVICES + s;
              rollCount[r]! += count;
              rollAmount[r]! += amount;
            }
            insertDay.run(args);
          }
        })();
      }
      const roll = db.prepare('INSERT INTO stats_centre_daily (country, centre, day, service_id, entity_id, currency, count, amount_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      const country = db.prepare(
        `INSERT INTO stats_country_daily (country, day, service_id, entity_id, currency, count, amount_minor) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET count = count + excluded.count, amount_minor = amount_minor + excluded.amount_minor`,
      );
      db.transaction(() => {
        for (let d = 0; d < DAYS; d++)
          for (let c = 0; c < CENTRES; c++)
            for (let s = 0; s < SERVICES; s++) {
              const r = (c * DAYS + d) * SERVICES + s;
              if (rollCount[r] === 0 && rollAmount[r] === 0 && c >= KIOSKS) continue; // a centre with no kiosk
              roll.run(COUNTRIES[c % 3], `C${c}`, firstDay + d, serviceId(s), entityId(s), CURRENCY[COUNTRIES[c % 3]!], rollCount[r], rollAmount[r]);
              country.run(COUNTRIES[c % 3], firstDay + d, serviceId(s), entityId(s), CURRENCY[COUNTRIES[c % 3]!], rollCount[r], rollAmount[r]);
            }
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    });
    const raw = KIOSKS * DAYS * SERVICES;
    rows.push({ name: `bulk load ${raw.toLocaleString('en')} daily rows + rollup`, value: load.ms / 1000, unit: 's', goal: 'report', kind: 'measured', met: null });
    const file = dir.file('fleet-console.sqlite');
    const size = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
    rows.push({ name: `store size on disk (${KIOSKS} kiosks × ${DAYS} days × ${SERVICES} services)`, value: size / 1e9, unit: 'GB', goal: 'report', kind: 'measured', met: null });
    try {
      const parts = db.prepare("SELECT name, SUM(pgsize) AS bytes FROM dbstat WHERE name IN ('stats_daily', 'stats_centre_daily', 'stats_country_daily') GROUP BY name").all() as { name: string; bytes: number }[];
      for (const p of parts) rows.push({ name: `  of which ${p.name}`, value: p.bytes / 1e9, unit: 'GB', goal: 'report', kind: 'measured', met: null });
    } catch {
      // dbstat is not compiled in: the total above stands.
    }

    // The report an operator asks for: the last full quarter by entity, with both changes.
    const stats = new StatsStore(db);
    const anchor = dayString(lastDay - 120);
    const rollup = [0, 1, 2].map(() => timed(() => stats.report('quarter', anchor, 'entity')));
    const report = rollup[0]!.value;
    const byCentre = [0, 1, 2].map(() => timed(() => stats.report('quarter', anchor, 'centre')));
    rows.push({ name: 'quarter by centre with changes, from the centre rollup (median of 3)', value: median(byCentre.map((r) => r.ms)), unit: 'ms', goal: 'report', kind: 'measured', met: null });
    rows.push({ name: 'quarter by entity with previous and YoY change, from the rollup (median of 3)', value: median(rollup.map((r) => r.ms)), unit: 'ms', goal: '<= 1000', kind: 'measured', met: median(rollup.map((r) => r.ms)) <= 1000 });

    // Baseline: the same three sums straight from the raw rows (what a store without the rollup does).
    const sum = db.prepare(
      `SELECT n.en AS key, t.currency AS currency, SUM(t.count) AS count, SUM(t.amount_minor) AS amount
       FROM stats_daily t JOIN names n ON n.id = t.entity_id WHERE t.day >= ? AND t.day < ? GROUP BY 1, 2`,
    );
    const baseline = timed(() => [periodRange('quarter', anchor), previousRange('quarter', anchor), lastYearRange('quarter', anchor)].map((r) => sum.all(dayNumber(r.from), dayNumber(r.to)) as { key: string; currency: string; count: number }[]));
    rows.push({ name: 'same report from the raw daily rows (baseline, one run)', value: baseline.ms, unit: 'ms', goal: 'report', kind: 'measured', met: null });
    // Both must agree, or the timing means nothing.
    const rawTotal = baseline.value[0]!.reduce((s, r) => s + r.count, 0);
    const rollTotal = report.lines.reduce((s, l) => s + l.count, 0);
    if (rawTotal !== rollTotal) throw new Error(`rollup ${rollTotal} and raw ${rawTotal} disagree`);

    const perKiosk = [0, 1, 2].map(() => timed(() => stats.report('quarter', anchor, 'service', { kiosk: `K${Math.floor(KIOSKS / 2)}` })));
    rows.push({ name: "one kiosk's quarter by service with changes (raw rows, median of 3)", value: median(perKiosk.map((r) => r.ms)), unit: 'ms', goal: 'report', kind: 'measured', met: null });
    const ingest = timed(() => {
      for (let i = 0; i < 1000; i++) stats.applyDay({ country: 'KW', centre: 'C0', kiosk: `K${i * 3}` }, dayString(lastDay), [{ service: { ar: 'خدمة 0', en: 'Service 0' }, entity: { ar: 'جهة 0', en: 'Entity 0' }, currency: 'KWD', count: 5, amountMinor: 5000 }]);
    });
    rows.push({ name: 'ingest one retained day message (replace + rollup), mean of 1000', value: ingest.ms / 1000, unit: 'ms', goal: 'report', kind: 'measured', met: null });
    db.close();
    rows.push(...(await duckdb(dir.file('stats.duckdb'), firstDay, anchor)));
  } finally {
    if (db.open) db.close();
    dir.remove();
  }
  return rows;
};
/** The same 73 M raw rows in DuckDB (generated inside it), the same quarter report straight from them. */
async function duckdb(file: string, firstDay: number, anchor: string): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const inst = await DuckDBInstance.create(file, { threads: '1', memory_limit: '2GB' });
  const con = await inst.connect();
  try {
    await con.run('CREATE TABLE names (id INTEGER, kind VARCHAR, en VARCHAR, ar VARCHAR)');
    await con.run(`INSERT INTO names SELECT e + 1, 'entity', 'Entity ' || e, 'جهة ' || e FROM range(10) t(e)`);
    await con.run(`INSERT INTO names SELECT 11 + s, 'service', 'Service ' || s, 'خدمة ' || s FROM range(${SERVICES}) t(s)`);
    await con.run('CREATE TABLE stats_daily (kiosk_id INTEGER, day INTEGER, service_id SMALLINT, entity_id SMALLINT, currency VARCHAR, count INTEGER, amount_minor BIGINT)');
    const load = performance.now();
    // Same shape and value ranges as the SQLite rows (counts 0–11 growing over the two years).
    await con.run(
      `INSERT INTO stats_daily
       SELECT k + 1, ${firstDay} + d, 11 + s, 1 + s // 2, ['KWD', 'BHD', 'QAR'][((k % ${CENTRES}) % 3) + 1],
              c, c * (1000 + s * 750)
       FROM (SELECT k, d, s, CAST(floor((hash(k, d, s) % 1000) / 1000.0 * 12 * (0.75 + 0.25 * d / ${DAYS})) AS INTEGER) AS c
             FROM range(${KIOSKS}) a(k), range(${DAYS}) b(d), range(${SERVICES}) x(s)
             ORDER BY k, d, s)`,
    );
    await con.run('CHECKPOINT');
    out.push({ name: `DuckDB: load the same ${(KIOSKS * DAYS * SERVICES).toLocaleString('en')} rows (generated in the engine)`, value: (performance.now() - load) / 1000, unit: 's', goal: 'report', kind: 'measured', met: null });
    out.push({ name: 'DuckDB: store size on disk', value: statSync(file).size / 1e9, unit: 'GB', goal: 'report', kind: 'measured', met: null });
    const ranges = [periodRange('quarter', anchor), previousRange('quarter', anchor), lastYearRange('quarter', anchor)];
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      for (const r of ranges) {
        await con.runAndReadAll(
          `SELECT n.en, t.currency, SUM(t.count), SUM(t.amount_minor) FROM stats_daily t JOIN names n ON n.id = t.entity_id
           WHERE t.day >= ${dayNumber(r.from)} AND t.day < ${dayNumber(r.to)} GROUP BY 1, 2`,
        );
      }
      times.push(performance.now() - t);
    }
    out.push({ name: 'DuckDB: quarter by entity with previous and YoY, from raw rows, 1 thread (median of 3)', value: median(times), unit: 'ms', goal: '<= 1000', kind: 'measured', met: median(times) <= 1000 });
  } finally {
    con.closeSync();
    inst.closeSync();
  }
  return out;
}

export default bench;
