/**
 * Statistics periods on local calendar days (YYYY-MM-DD). Weeks start on Sunday, the first
 * working day in the Gulf. Each range is half-open [from, to).
 */
export type Period = 'day' | 'week' | 'month' | 'quarter';
export const PERIODS: readonly Period[] = ['day', 'week', 'month', 'quarter'];

export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
export const dayNumber = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
export const dayString = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayString(dayNumber(day) + n);
const ymd = (day: string) => day.split('-').map(Number) as [number, number, number];
const monthStart = (y: number, m: number) => dayString(Math.round(Date.UTC(y, m - 1, 1) / DAY_MS));

export function periodRange(period: Period, anchor: string): DayRange {
  const [y, m] = ymd(anchor);
  switch (period) {
    case 'day':
      return { from: anchor, to: addDays(anchor, 1) };
    case 'week': {
      const from = addDays(anchor, -new Date(`${anchor}T00:00:00Z`).getUTCDay());
      return { from, to: addDays(from, 7) };
    }
    case 'month':
      return { from: monthStart(y, m), to: monthStart(y, m + 1) };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: monthStart(y, q), to: monthStart(y, q + 3) };
    }
  }
}

/** The period just before. */
export function previousRange(period: Period, anchor: string): DayRange {
  const cur = periodRange(period, anchor);
  return periodRange(period, addDays(cur.from, -1));
}

/** The same period a year earlier: the same dates (weeks: 52 weeks back, same weekdays). */
export function lastYearRange(period: Period, anchor: string): DayRange {
  if (period === 'week') {
    const cur = periodRange('week', anchor);
    return { from: addDays(cur.from, -364), to: addDays(cur.to, -364) };
  }
  const [y, m, d] = ymd(anchor);
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  const shifted = `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return periodRange(period, shifted);
}

/** Percentage change, or null when there is nothing to compare with. */
export const changePct = (current: number, before: number): number | null => (before > 0 ? ((current - before) / before) * 100 : null);
