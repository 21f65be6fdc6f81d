import { describe, expect, it } from 'vitest';
import { openConsoleDb } from '../../../main/fleet-console/schema.ts';
import { StatsStore, reportCsv } from '../../../main/fleet-console/stats-store.ts';
import { lastYearRange, periodRange, previousRange } from '../../../main/fleet-console/periods.ts';
import type { StatsRow } from '../../../main/fleet/protocol.ts';

const MOI = { ar: 'وزارة الداخلية', en: 'Ministry of Interior' };
const MEW = { ar: 'وزارة الكهرباء والماء', en: 'Ministry of Electricity and Water' };
const FINES = { ar: 'المخالفات المرورية', en: 'Traffic fines' };
const BILL = { ar: 'فاتورة الكهرباء والماء', en: 'Electricity & water bill' };
const row = (entity: typeof MOI, service: typeof FINES, count: number, amountMinor: number): StatsRow => ({ entity, service, currency: 'KWD', count, amountMinor });
const K1 = { country: 'KW', centre: 'GOVMALL', kiosk: 'KW-GOVMALL-01' };
const K2 = { country: 'KW', centre: 'JAHRA', kiosk: 'KW-JAHRA-01' };

/**
 * Seeded with the Tasdeed figures the portal published (seed 000): Q1 2014 114,841 payments,
 * about KD 6.370 million; Q1 2013 57,365 payments. Split over two kiosks, two entities and
 * several days; the expected changes below are computed by hand.
 */
function seeded(): StatsStore {
  const s = new StatsStore(openConsoleDb(':memory:'));
  // Q1 2013: MoI 40,000 / KD 2,000,000.000; MEW 17,365 / KD 1,317,708.333
  s.applyDay(K1, '2013-01-10', [row(MOI, FINES, 25_000, 1_250_000_000), row(MEW, BILL, 10_000, 700_000_000)]);
  s.applyDay(K2, '2013-03-31', [row(MOI, FINES, 15_000, 750_000_000), row(MEW, BILL, 7_365, 617_708_333)]);
  // Q4 2013 (the previous quarter): MoI 60,000 / KD 3,000,000.000; MEW 40,000 / KD 2,000,000.000
  s.applyDay(K1, '2013-10-01', [row(MOI, FINES, 60_000, 3_000_000_000)]);
  s.applyDay(K2, '2013-12-31', [row(MEW, BILL, 40_000, 2_000_000_000)]);
  // Q1 2014: MoI 80,000 / KD 4,400,000.000; MEW 34,841 / KD 1,970,000.000
  s.applyDay(K1, '2014-01-01', [row(MOI, FINES, 50_000, 2_750_000_000), row(MEW, BILL, 20_000, 1_200_000_000)]);
  s.applyDay(K2, '2014-02-15', [row(MOI, FINES, 30_000, 1_650_000_000), row(MEW, BILL, 14_841, 770_000_000)]);
  // Outside every range asked below (must not leak in).
  s.applyDay(K1, '2014-04-01', [row(MOI, FINES, 999, 999_000)]);
  return s;
}

describe('statistics: periods and their changes', () => {
  it('quarter by entity with previous-quarter and year-on-year change matches the hand computation', () => {
    const r = seeded().report('quarter', '2014-02-20', 'entity');
    expect(r.range).toEqual({ from: '2014-01-01', to: '2014-04-01' });
    const moi = r.lines.find((l) => l.key === 'Ministry of Interior')!;
    const mew = r.lines.find((l) => l.key === 'Ministry of Electricity and Water')!;
    expect(moi).toMatchObject({ count: 80_000, amountMinor: 4_400_000_000, previous: { count: 60_000 }, lastYear: { count: 40_000 } });
    expect(moi.countYoyPct).toBeCloseTo(100, 6); // (80,000 − 40,000) / 40,000
    expect(moi.amountYoyPct).toBeCloseTo(120, 6); // (4.4 M − 2.0 M) / 2.0 M
    expect(moi.countChangePct).toBeCloseTo(33.333333, 4); // (80,000 − 60,000) / 60,000
    expect(mew.countYoyPct).toBeCloseTo(100.639216, 4); // (34,841 − 17,365) / 17,365
    expect(mew.countChangePct).toBeCloseTo(-12.8975, 4); // (34,841 − 40,000) / 40,000
    const total = r.totals[0]!;
    expect(total).toMatchObject({ count: 114_841, amountMinor: 6_370_000_000, lastYear: { count: 57_365, amountMinor: 3_317_708_333 } });
    expect(total.countYoyPct).toBeCloseTo(100.193498, 4); // 57,476 / 57,365: the portal's "+100 %"
    expect(total.amountYoyPct).toBeCloseTo(91.999, 2); // the portal's "+92 %"
    expect(total.amountChangePct).toBeCloseTo(27.4, 6); // (6.37 M − 5.0 M) / 5.0 M
  });

  it('by kiosk and by centre read the same totals; a kiosk filter narrows them', () => {
    const s = seeded();
    const byKiosk = s.report('quarter', '2014-01-15', 'kiosk');
    expect(byKiosk.lines.map((l) => [l.key, l.count])).toEqual([
      ['KW-GOVMALL-01', 70_000],
      ['KW-JAHRA-01', 44_841],
    ]);
    expect(s.report('quarter', '2014-01-15', 'centre').totals).toEqual(byKiosk.totals);
    expect(s.report('month', '2014-02-01', 'service', { kiosk: 'KW-JAHRA-01' }).totals[0]!.count).toBe(44_841);
  });

  it('a repeated day changes nothing; a corrected day replaces the old figures (nothing counted twice)', () => {
    const s = seeded();
    expect(s.applyDay(K1, '2014-01-01', [row(MOI, FINES, 50_000, 2_750_000_000), row(MEW, BILL, 20_000, 1_200_000_000)])).toBe(false);
    expect(s.report('quarter', '2014-01-01', 'entity').totals[0]!.count).toBe(114_841);
    expect(s.applyDay(K1, '2014-01-01', [row(MOI, FINES, 50_001, 2_750_005_000), row(MEW, BILL, 20_000, 1_200_000_000)])).toBe(true);
    expect(s.report('quarter', '2014-01-01', 'entity').totals[0]!.count).toBe(114_842);
    expect(s.report('quarter', '2014-01-01', 'centre').totals[0]!.count).toBe(114_842);
  });

  it('daily series carry this period and the same period last year', () => {
    const r = seeded().report('quarter', '2014-02-20', 'entity');
    const days = r.series[0]!.days;
    expect(days).toHaveLength(90);
    expect(days[0]).toEqual({ day: '2014-01-01', amountMinor: 3_950_000_000, lastYearAmountMinor: 0 });
    expect(days[9]).toMatchObject({ day: '2014-01-10', lastYearAmountMinor: 1_950_000_000 });
  });

  it('CSV export has a header, one line per group and totals; formula-like labels are quoted as text', () => {
    const s = new StatsStore(openConsoleDb(':memory:'));
    s.applyDay(K1, '2026-11-02', [row({ ar: '=HYPERLINK("x")', en: '=HYPERLINK("x")' }, FINES, 2, 10_000)]);
    const csv = reportCsv(s.report('day', '2026-11-02', 'entity'), 'en').split('\r\n');
    expect(csv[0]).toMatch(/^group,label,currency,from,to,count,amount_minor,/);
    expect(csv[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv[2]).toMatch(/^total,Total,KWD,2026-11-02,2026-11-03,2,10000,0,0,,,0,0,,$/);
  });
});

describe('period arithmetic', () => {
  it('weeks start on Sunday; months and quarters are calendar ones; ranges are half-open', () => {
    expect(periodRange('week', '2026-12-02')).toEqual({ from: '2026-11-29', to: '2026-12-06' });
    expect(periodRange('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(periodRange('quarter', '2026-11-15')).toEqual({ from: '2026-10-01', to: '2027-01-01' });
    expect(previousRange('quarter', '2026-01-15')).toEqual({ from: '2025-10-01', to: '2026-01-01' });
    expect(previousRange('day', '2026-03-01')).toEqual({ from: '2026-02-28', to: '2026-03-01' });
  });
  it('the same period last year keeps weekdays for weeks and clamps 29 February', () => {
    expect(lastYearRange('week', '2026-12-02')).toEqual({ from: '2025-11-30', to: '2025-12-07' });
    expect(lastYearRange('day', '2024-02-29')).toEqual({ from: '2023-02-28', to: '2023-03-01' });
    expect(lastYearRange('month', '2024-02-29')).toEqual({ from: '2023-02-01', to: '2023-03-01' });
  });
});
