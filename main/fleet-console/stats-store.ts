import type { Db } from '../store/database.ts';
import type { KioskAddress, StatsRow } from '../fleet/protocol.ts';
import { changePct, dayNumber, dayString, lastYearRange, periodRange, previousRange, type DayRange, type Period } from './periods.ts';

export type GroupBy = 'kiosk' | 'centre' | 'entity' | 'service';
export const GROUPS: readonly GroupBy[] = ['kiosk', 'centre', 'entity', 'service'];

export interface Figures {
  count: number;
  amountMinor: number;
}
export interface StatsLine extends Figures {
  key: string;
  label: { ar: string; en: string };
  currency: string;
  previous: Figures;
  lastYear: Figures;
  countChangePct: number | null;
  amountChangePct: number | null;
  countYoyPct: number | null;
  amountYoyPct: number | null;
}
export interface StatsReport {
  period: Period;
  by: GroupBy;
  range: DayRange;
  previousRange: DayRange;
  lastYearRange: DayRange;
  lines: StatsLine[];
  totals: StatsLine[];
  /** Amount per day of the current period and of the same period last year, per currency. */
  series: { currency: string; days: { day: string; amountMinor: number; lastYearAmountMinor: number }[] }[];
}
export interface StatsFilter {
  country?: string;
  centre?: string;
  kiosk?: string;
}

/** Which table answers a query: the narrowest rollup that still has the grouping and filters asked for. */
function source(level: 'raw' | 'centre' | 'country'): { raw: boolean; from: string } {
  if (level === 'raw') return { raw: true, from: 'stats_daily t JOIN kiosk_ids k ON k.id = t.kiosk_id' };
  return { raw: false, from: level === 'centre' ? 'stats_centre_daily t' : 'stats_country_daily t' };
}

/**
 * Per-day statistics: raw rows per kiosk × day × service × entity, plus per-centre and per-country rollups kept
 * in the same transaction. A day arrives whole (cumulative) and replaces what was there, so a
 * repeated or re-ordered message never counts twice.
 */
export class StatsStore {
  readonly #names = new Map<string, number>();
  readonly #kiosks = new Map<string, number>();

  constructor(private readonly db: Db) {}

  #name(kind: 'service' | 'entity', n: { ar: string; en: string }): number {
    const key = `${kind}\u0000${n.en}`;
    let id = this.#names.get(key);
    if (id === undefined) {
      this.db.prepare('INSERT INTO names (kind, en, ar) VALUES (?, ?, ?) ON CONFLICT (kind, en) DO UPDATE SET ar = excluded.ar').run(kind, n.en, n.ar);
      id = (this.db.prepare('SELECT id FROM names WHERE kind = ? AND en = ?').get(kind, n.en) as { id: number }).id;
      this.#names.set(key, id);
    }
    return id;
  }

  kioskId(a: KioskAddress): number {
    let id = this.#kiosks.get(a.kiosk);
    if (id === undefined) {
      this.db.prepare('INSERT INTO kiosk_ids (kiosk, country, centre) VALUES (?, ?, ?) ON CONFLICT (kiosk) DO UPDATE SET country = excluded.country, centre = excluded.centre').run(a.kiosk, a.country, a.centre);
      id = (this.db.prepare('SELECT id FROM kiosk_ids WHERE kiosk = ?').get(a.kiosk) as { id: number }).id;
      this.#kiosks.set(a.kiosk, id);
    }
    return id;
  }

  /** Replaces one kiosk's day; returns whether anything changed. */
  applyDay(a: KioskAddress, day: string, rows: readonly StatsRow[]): boolean {
    return this.db.transaction(() => {
      const kid = this.kioskId(a);
      const d = dayNumber(day);
      const next = new Map<string, { s: number; e: number; c: string; count: number; amount: number }>();
      for (const r of rows) {
        const s = this.#name('service', r.service);
        const e = this.#name('entity', r.entity);
        const k = `${s}/${e}/${r.currency}`;
        const prev = next.get(k);
        next.set(k, { s, e, c: r.currency, count: (prev?.count ?? 0) + r.count, amount: (prev?.amount ?? 0) + r.amountMinor });
      }
      const old = this.db.prepare('SELECT service_id s, entity_id e, currency c, count, amount_minor amount FROM stats_daily WHERE kiosk_id = ? AND day = ?').all(kid, d) as { s: number; e: number; c: string; count: number; amount: number }[];
      const same = old.length === next.size && old.every((o) => {
        const n = next.get(`${o.s}/${o.e}/${o.c}`);
        return n && n.count === o.count && n.amount === o.amount;
      });
      if (same) return false;
      const centre = this.db.prepare(
        `INSERT INTO stats_centre_daily (country, centre, day, service_id, entity_id, currency, count, amount_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET count = count + excluded.count, amount_minor = amount_minor + excluded.amount_minor`,
      );
      const country = this.db.prepare(
        `INSERT INTO stats_country_daily (country, day, service_id, entity_id, currency, count, amount_minor) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET count = count + excluded.count, amount_minor = amount_minor + excluded.amount_minor`,
      );
      const roll = { run: (co: string, ce: string, day: number, sv: number, en: number, cur: string, count: number, amount: number) => {
        centre.run(co, ce, day, sv, en, cur, count, amount);
        country.run(co, day, sv, en, cur, count, amount);
      } };
      for (const o of old) roll.run(a.country, a.centre, d, o.s, o.e, o.c, -o.count, -o.amount);
      this.db.prepare('DELETE FROM stats_daily WHERE kiosk_id = ? AND day = ?').run(kid, d);
      const ins = this.db.prepare('INSERT INTO stats_daily (kiosk_id, day, service_id, entity_id, currency, count, amount_minor) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const n of next.values()) {
        ins.run(kid, d, n.s, n.e, n.c, n.count, n.amount);
        roll.run(a.country, a.centre, d, n.s, n.e, n.c, n.count, n.amount);
      }
      return true;
    })();
  }

  #sum(by: GroupBy, range: DayRange, f: StatsFilter): Map<string, Figures & { label: { ar: string; en: string }; currency: string; key: string }> {
    const src = source(by === 'kiosk' || f.kiosk !== undefined ? 'raw' : by === 'centre' || f.centre !== undefined ? 'centre' : 'country');
    const raw = src.raw;
    const where: string[] = ['t.day >= ?', 't.day < ?'];
    const args: (string | number)[] = [dayNumber(range.from), dayNumber(range.to)];
    const country = raw ? 'k.country' : 't.country';
    const centre = raw ? 'k.centre' : 't.centre';
    if (f.country) {
      where.push(`${country} = ?`);
      args.push(f.country);
    }
    if (f.centre) {
      where.push(`${centre} = ?`);
      args.push(f.centre);
    }
    if (f.kiosk) {
      where.push('k.kiosk = ?');
      args.push(f.kiosk);
    }
    const keyExpr = { kiosk: 'k.kiosk', centre: `${country} || '/' || ${centre}`, entity: 'n.en', service: 'n.en' }[by];
    const nameJoin = by === 'entity' ? 'JOIN names n ON n.id = t.entity_id' : by === 'service' ? 'JOIN names n ON n.id = t.service_id' : '';
    const labelAr = by === 'entity' || by === 'service' ? 'n.ar' : keyExpr;
    const from = src.from;
    const rows = this.db
      .prepare(`SELECT ${keyExpr} AS key, ${labelAr} AS ar, t.currency AS currency, SUM(t.count) AS count, SUM(t.amount_minor) AS amount
                FROM ${from} ${nameJoin} WHERE ${where.join(' AND ')} GROUP BY 1, 3`)
      .all(...args) as { key: string; ar: string; currency: string; count: number; amount: number }[];
    return new Map(rows.map((r) => [`${r.key}\u0000${r.currency}`, { key: r.key, label: { ar: r.ar, en: r.key }, currency: r.currency, count: r.count, amountMinor: r.amount }]));
  }

  #series(range: DayRange, ly: DayRange, f: StatsFilter): StatsReport['series'] {
    const src = source(f.kiosk !== undefined ? 'raw' : f.centre !== undefined ? 'centre' : 'country');
    const raw = src.raw;
    const q = (r: DayRange) => {
      const where = ['t.day >= ?', 't.day < ?'];
      const args: (string | number)[] = [dayNumber(r.from), dayNumber(r.to)];
      if (f.country) {
      where.push(raw ? 'k.country = ?' : 't.country = ?');
      args.push(f.country);
    }
      if (f.centre) {
      where.push(raw ? 'k.centre = ?' : 't.centre = ?');
      args.push(f.centre);
    }
      if (f.kiosk) {
      where.push('k.kiosk = ?');
      args.push(f.kiosk);
    }
      const from = src.from;
      return this.db.prepare(`SELECT t.day AS day, t.currency AS currency, SUM(t.amount_minor) AS amount FROM ${from} WHERE ${where.join(' AND ')} GROUP BY 1, 2`).all(...args) as { day: number; currency: string; amount: number }[];
    };
    const out = new Map<string, Map<number, { amountMinor: number; lastYearAmountMinor: number }>>();
    const start = dayNumber(range.from);
    const lyStart = dayNumber(ly.from);
    const slot = (c: string, i: number) => {
      const m = out.get(c) ?? new Map();
      out.set(c, m);
      const v = m.get(i) ?? { amountMinor: 0, lastYearAmountMinor: 0 };
      m.set(i, v);
      return v;
    };
    for (const r of q(range)) slot(r.currency, r.day - start).amountMinor += r.amount;
    for (const r of q(ly)) slot(r.currency, r.day - lyStart).lastYearAmountMinor += r.amount;
    const len = dayNumber(range.to) - start;
    return [...out].map(([currency, m]) => ({
      currency,
      days: Array.from({ length: len }, (_, i) => ({ day: dayString(start + i), amountMinor: m.get(i)?.amountMinor ?? 0, lastYearAmountMinor: m.get(i)?.lastYearAmountMinor ?? 0 })),
    }));
  }

  report(period: Period, anchor: string, by: GroupBy, f: StatsFilter = {}): StatsReport {
    const range = periodRange(period, anchor);
    const prev = previousRange(period, anchor);
    const ly = lastYearRange(period, anchor);
    const cur = this.#sum(by, range, f);
    const before = this.#sum(by, prev, f);
    const lastYear = this.#sum(by, ly, f);
    const zero = { count: 0, amountMinor: 0 };
    const line = (base: { key: string; label: { ar: string; en: string }; currency: string }, c: Figures, p: Figures, y: Figures): StatsLine => ({
      key: base.key,
      label: base.label,
      currency: base.currency,
      count: c.count,
      amountMinor: c.amountMinor,
      previous: p,
      lastYear: y,
      countChangePct: changePct(c.count, p.count),
      amountChangePct: changePct(c.amountMinor, p.amountMinor),
      countYoyPct: changePct(c.count, y.count),
      amountYoyPct: changePct(c.amountMinor, y.amountMinor),
    });
    const keys = new Set([...cur.keys(), ...before.keys(), ...lastYear.keys()]);
    const lines = [...keys]
      .map((k) => {
        const base = cur.get(k) ?? before.get(k) ?? lastYear.get(k)!;
        const fig = (m: typeof cur) => ({ count: m.get(k)?.count ?? 0, amountMinor: m.get(k)?.amountMinor ?? 0 });
        return line(base, fig(cur), fig(before), fig(lastYear));
      })
      .sort((a, b) => a.currency.localeCompare(b.currency) || b.amountMinor - a.amountMinor || a.key.localeCompare(b.key));
    const totals = [...new Set(lines.map((l) => l.currency))].map((currency) => {
      const of = (pick: (l: StatsLine) => Figures) =>
        lines.filter((l) => l.currency === currency).reduce((s, l) => ({ count: s.count + pick(l).count, amountMinor: s.amountMinor + pick(l).amountMinor }), { ...zero });
      return line({ key: 'total', label: { ar: 'المجموع', en: 'Total' }, currency }, of((l) => l), of((l) => l.previous), of((l) => l.lastYear));
    });
    return { period, by, range, previousRange: prev, lastYearRange: ly, lines, totals, series: this.#series(range, ly, f) };
  }
}

/** CSV (RFC 4180) of a report: one line per group and currency, amounts in minor units. */
export function reportCsv(r: StatsReport, lang: 'ar' | 'en'): string {
  const esc = (v: string | number | null) => {
    let s = v === null ? '' : String(v);
    // A label a spreadsheet would run as a formula is quoted as text.
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && Number.isNaN(Number(s))) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const pct = (v: number | null) => (v === null ? null : v.toFixed(1));
  const head = ['group', 'label', 'currency', 'from', 'to', 'count', 'amount_minor', 'previous_count', 'previous_amount_minor', 'count_change_pct', 'amount_change_pct', 'last_year_count', 'last_year_amount_minor', 'count_yoy_pct', 'amount_yoy_pct'];
  const rows = [...r.lines, ...r.totals].map((l) => [
    l.key, l.label[lang], l.currency, r.range.from, r.range.to, l.count, l.amountMinor, l.previous.count, l.previous.amountMinor, pct(l.countChangePct), pct(l.amountChangePct), l.lastYear.count, l.lastYear.amountMinor, pct(l.countYoyPct), pct(l.amountYoyPct),
  ]);
  return [head, ...rows].map((row) => row.map(esc).join(',')).join('\r\n') + '\r\n';
}
