import type { Db } from '../store/database.ts';
import type { TransactionItem } from '../store/transactions-repo.ts';
import type { StatsRow } from './protocol.ts';

/**
 * Daily statistics read straight from the payment journal (read-only: the journal is the money
 * path's, this module never writes it). A day is the kiosk's local calendar day in its country's
 * time zone. Only approved payments count; references and details (which can carry a national
 * ID) are never read out.
 */
const FINES = { ar: 'المخالفات المرورية', en: 'Traffic fines' };

export function localDay(iso: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(typeof iso === 'string' ? new Date(iso) : iso);
}

const shiftDay = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export class JournalStats {
  constructor(
    private readonly db: Db,
    private readonly timeZone: string,
  ) {}

  /** Approved rows whose local day may be `from`..`to` (a day of margin either side covers any UTC offset). */
  #rows(fromDay: string, toDay: string): { created_at: string; currency: string; items_json: string }[] {
    return this.db
      .prepare(`SELECT created_at, currency, items_json FROM transactions WHERE state = 'approved' AND created_at >= ? AND created_at < ? ORDER BY created_at`)
      .all(`${shiftDay(fromDay, -1)}T00:00:00`, `${shiftDay(toDay, 2)}T00:00:00`) as { created_at: string; currency: string; items_json: string }[];
  }

  dayStats(day: string): StatsRow[] {
    const acc = new Map<string, StatsRow>();
    for (const r of this.#rows(day, day)) {
      if (localDay(r.created_at, this.timeZone) !== day) continue;
      for (const it of JSON.parse(r.items_json) as TransactionItem[]) {
        const service = it.kind === 'fine' ? FINES : { ar: it.label.ar, en: it.label.en };
        const key = `${service.en}\u0000${it.entity.en}\u0000${r.currency}`;
        const row = acc.get(key) ?? { service, entity: { ar: it.entity.ar, en: it.entity.en }, currency: r.currency, count: 0, amountMinor: 0 };
        row.count += 1;
        row.amountMinor += it.amountMinor;
        acc.set(key, row);
      }
    }
    return [...acc.values()].sort((a, b) => a.service.en.localeCompare(b.service.en) || a.entity.en.localeCompare(b.entity.en));
  }

  paidDays(sinceDay: string): string[] {
    const days = new Set<string>();
    for (const r of this.db
      .prepare(`SELECT created_at FROM transactions WHERE state = 'approved' AND created_at >= ? ORDER BY created_at`)
      .all(`${shiftDay(sinceDay, -1)}T00:00:00`) as { created_at: string }[]) {
      const d = localDay(r.created_at, this.timeZone);
      if (d >= sinceDay) days.add(d);
    }
    return [...days];
  }
}
