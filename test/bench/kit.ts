import type { BenchRow } from './bench-types.ts';

/**
 * The one measuring kit of test/bench/: one percentile, one clock, one way to make a row. Every
 * bench uses these, so a p99 or a "median" means the same thing in every row.
 */

/** Nearest-rank percentile (p in 0–100) of unsorted samples: the smallest sample with at least p% at or below it. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** The one clock: monotonic milliseconds. */
export const now = (): number => performance.now();

/** Times one call (sync or async) in milliseconds. */
export async function timeMs<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = now();
  const value = await fn();
  return { ms: now() - t0, value };
}

/** Times a synchronous call without an await in between (for sub-millisecond work). */
export function timeSyncMs<T>(fn: () => T): { ms: number; value: T } {
  const t0 = now();
  const value = fn();
  return { ms: now() - t0, value };
}

export const round = (v: number, digits = 3): number => +v.toFixed(digits);

type Kind = BenchRow['kind'];

/** An informational row (no goal). */
export function report(name: string, value: number, unit: string, kind: Kind = 'measured'): BenchRow {
  return { name, value, unit, goal: 'report', met: null, kind };
}

/** A judged row: value must be at most `limit`. */
export function atMost(name: string, value: number, unit: string, limit: number, kind: Kind = 'measured'): BenchRow {
  return { name, value, unit, goal: `<= ${limit} ${unit}`, met: value <= limit, kind };
}

/** A judged row: value must be at least `limit`. */
export function atLeast(name: string, value: number, unit: string, limit: number, kind: Kind = 'measured'): BenchRow {
  return { name, value, unit, goal: `>= ${limit} ${unit}`, met: value >= limit, kind };
}

/** A judged row: value must equal `expected` (counts: losses, duplicates, runs kept). */
export function exactly(name: string, value: number, unit: string, expected: number, kind: Kind = 'measured'): BenchRow {
  return { name, value, unit, goal: `= ${expected}`, met: value === expected, kind };
}
