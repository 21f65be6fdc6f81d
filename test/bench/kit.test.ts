import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { atLeast, atMost, exactly, median, percentile, report } from './kit.ts';
import { appendHistory, changeSince, previousOf, readHistory, type HistoryRow } from './history.ts';

describe('bench kit', () => {
  it('percentile is nearest-rank over unsorted samples', () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(xs, 50)).toBe(5);
    expect(percentile(xs, 90)).toBe(9);
    expect(percentile(xs, 99)).toBe(10);
    expect(percentile(xs, 100)).toBe(10);
    expect(percentile(xs, 0)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([], 50)).toBeNaN();
    expect(xs[0]).toBe(5); // the samples are not sorted in place
    // p98 of 300: the 294th smallest.
    expect(percentile(Array.from({ length: 300 }, (_, i) => i + 1), 98)).toBe(294);
  });

  it('rows carry their goal, verdict and kind', () => {
    expect(atMost('a', 1.6, 'x', 1.5)).toEqual({ name: 'a', value: 1.6, unit: 'x', goal: '<= 1.5 x', met: false, kind: 'measured' });
    expect(atLeast('b', 0.8, 'x', 0.8).met).toBe(true);
    expect(exactly('c', 0, 'rows', 0).met).toBe(true);
    expect(report('d', 3, 'KB', 'computed')).toEqual({ name: 'd', value: 3, unit: 'KB', goal: 'report', met: null, kind: 'computed' });
  });
});

describe('bench history', () => {
  const row = (bench: string, name: string, value: number, met: boolean | null, commit: string): HistoryRow => ({
    bench, name, value, unit: 'ms', goal: '<= 50 ms', met, kind: 'measured', commit, at: '2026-01-01T00:00:00Z',
  });

  it('appends rows and finds the last run of the same row', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khidma-bench-history-'));
    try {
      const file = join(dir, 'sub', 'history.jsonl');
      expect(readHistory(file)).toEqual([]);
      appendHistory(file, [row('ui-inp', 'p98', 40, true, 'aaa'), row('ui-inp', 'p50', 20, null, 'aaa')]);
      appendHistory(file, [row('ui-inp', 'p98', 44, true, 'bbb')]);
      appendFileSync(file, '{"torn line');
      const h = readHistory(file);
      expect(h).toHaveLength(3);
      expect(previousOf(h, 'ui-inp', 'p98')?.commit).toBe('bbb');
      expect(previousOf(h, 'ui-inp', 'nope')).toBeUndefined();
      writeFileSync(file, '');
      expect(readHistory(file)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the change of judged rows since the previous run', () => {
    const prev = row('ui-inp', 'p98', 40, true, 'aaa');
    expect(changeSince(row('ui-inp', 'p98', 50, true, 'x'), prev)).toBe('+25.0% (was 40 @aaa)');
    expect(changeSince(row('ui-inp', 'p98', 60, false, 'x'), prev)).toBe('+50.0% (was 40 @aaa, NOW MISSED)');
    expect(changeSince(row('ui-inp', 'p98', 30, true, 'x'), undefined)).toBe('new');
    expect(changeSince(row('ui-inp', 'p50', 30, null, 'x'), prev)).toBe('');
  });
});
