import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Bench, BenchRow } from './bench-types.ts';

/**
 * `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line),
 * prints one table and writes the same rows to bench-results/latest.json.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows: (BenchRow & { bench: string })[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default: Bench };
  process.stderr.write(`running ${f}…\n`);
  for (const row of await mod.default()) rows.push({ bench: f.replace('.bench.ts', ''), ...row });
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 10 ? 3 : 1));
const table = [['bench', 'name', 'value', 'unit', 'goal', 'met'], ...rows.map((r) => [r.bench, r.name, fmt(r.value), r.unit, r.goal, r.met === null ? '-' : r.met ? 'yes' : 'NO'])];
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
for (const [i, r] of table.entries()) {
  console.log(r.map((c, j) => c.padEnd(widths[j]!)).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}

const out = fileURLToPath(new URL('../../bench-results/', import.meta.url));
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2));
console.log(`\n${rows.length} rows; written to bench-results/latest.json`);
