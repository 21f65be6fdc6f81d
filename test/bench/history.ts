import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { BenchRow } from './bench-types.ts';

/** One line of bench-results/history.jsonl: a row of one run, with the commit and date it ran on. */
export interface HistoryRow extends BenchRow {
  bench: string;
  commit: string;
  at: string;
}

/** The commit the bench ran on; "+dirty" when the worktree had uncommitted changes (outside bench-results/). */
export function currentCommit(cwd: string): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short=10', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    // bench-results/ itself (the history this run appends to) does not make the tree dirty.
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench-results'], { cwd, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha}+dirty` : sha;
  } catch {
    return 'unknown';
  }
}

export function readHistory(file: string): HistoryRow[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as HistoryRow];
      } catch {
        return []; // a torn last line from an interrupted run: skip it, keep the rest
      }
    });
}

export function appendHistory(file: string, rows: readonly HistoryRow[]): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

/** The last recorded run of the same row (same bench, same name), if any. */
export function previousOf(history: readonly HistoryRow[], bench: string, name: string): HistoryRow | undefined {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.bench === bench && history[i]!.name === name) return history[i];
  return undefined;
}

/** "+12.5% (was 8.0 @abc1234)", "new" when never recorded, "" for informational rows. */
export function changeSince(row: BenchRow, prev: HistoryRow | undefined): string {
  if (row.met === null) return '';
  if (!prev) return 'new';
  const was = `was ${fmtValue(prev.value)} @${prev.commit}`;
  if (prev.value === 0) return row.value === 0 ? `±0 (${was})` : `(${was})`;
  const pct = ((row.value - prev.value) / Math.abs(prev.value)) * 100;
  const metFlip = prev.met !== row.met ? (row.met ? ', now met' : ', NOW MISSED') : '';
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}% (${was}${metFlip})`;
}

export const fmtValue = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 10 ? 3 : 1));
