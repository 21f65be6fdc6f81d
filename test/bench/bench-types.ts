/** One row of `npm run bench`: printed as a table and written to bench-results/. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** Human-readable goal, e.g. "<= 50 ms" or "report". */
  goal: string;
  /** Whether the goal is met; null when the row is informational. */
  met: boolean | null;
  /** 'measured': timed or counted in this run; 'computed': derived from byte counts or sizes, no clock. */
  kind: 'measured' | 'computed';
}

/** Every file test/bench/*.bench.ts default-exports one of these. */
export type Bench = () => Promise<BenchRow[]>;
