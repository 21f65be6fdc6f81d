import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Bench } from './bench-types.ts';
import { appendHistory, changeSince, currentCommit, fmtValue, previousOf, readHistory, type HistoryRow } from './history.ts';

/**
 * `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line), prints
 * one table with each judged row's change since the last recorded run of the same row, writes the
 * rows to bench-results/latest.json and appends them to bench-results/history.jsonl.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../', import.meta.url));
const out = join(repo, 'bench-results');
const historyFile = join(out, 'history.jsonl');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const history = readHistory(historyFile);
const commit = currentCommit(repo);
const at = new Date().toISOString();
const rows: HistoryRow[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default: Bench };
  process.stderr.write(`running ${f}…\n`);
  const bench = f.replace('.bench.ts', '');
  const benchRows = (await mod.default()).map((row) => ({ bench, ...row, commit, at }));
  // Appended as each bench ends, so a crash in a later bench keeps the earlier figures.
  appendHistory(historyFile, benchRows);
  rows.push(...benchRows);
}

const header = ['bench', 'name', 'value', 'unit', 'kind', 'goal', 'met', 'change since last run'];
const table = [
  header,
  ...rows.map((r) => [r.bench, r.name, fmtValue(r.value), r.unit, r.kind, r.goal, r.met === null ? '-' : r.met ? 'yes' : 'NO', changeSince(r, previousOf(history, r.bench, r.name))]),
];
const widths = header.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
for (const [i, r] of table.entries()) {
  console.log(r.map((c, j) => c.padEnd(widths[j]!)).join('  ').trimEnd());
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.json'), JSON.stringify({ at, commit, node: process.version, rows }, null, 2));
console.log(`\n${rows.length} rows (commit ${commit}); written to bench-results/latest.json, appended to bench-results/history.jsonl`);
