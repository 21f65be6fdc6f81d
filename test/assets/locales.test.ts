import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (f: string) => JSON.parse(readFileSync(join(root, 'assets/locales', f), 'utf8')) as Record<string, unknown>;
/** The main file and the technician screens' own (loaded with those screens), merged as i18next merges them. */
const load = (l: string) => merge(read(`${l}.json`), read(`technician/${l}.json`));
function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = prev && v && typeof prev === 'object' && typeof v === 'object' ? merge(prev as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

function flatten(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Plural forms differ by language (Arabic has six); compare the base keys. */
const baseKeys = (l: string) => new Set(flatten(load(l)).map((k) => k.replace(PLURAL, '')));

function sources(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p, ext) : ext.test(n) ? [p] : [];
  });
}

describe('locales', () => {
  it('Arabic and English have the same keys', () => {
    const ar = baseKeys('ar');
    const en = baseKeys('en');
    expect([...ar].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !ar.has(k))).toEqual([]);
  });

  it('Arabic plurals have all six forms wherever English has a plural', () => {
    const ar = new Set(flatten(load('ar')));
    const enPlurals = flatten(load('en')).filter((k) => k.endsWith('_other')).map((k) => k.replace(/_other$/, ''));
    expect(enPlurals.length).toBeGreaterThan(3);
    for (const base of enPlurals) for (const f of ['zero', 'one', 'two', 'few', 'many', 'other']) expect(ar.has(`${base}_${f}`), `${base}_${f}`).toBe(true);
  });

  it('every literal key the renderer and the core translate exists in both languages', () => {
    const ar = baseKeys('ar');
    const en = baseKeys('en');
    const files = [...sources(join(root, 'renderer/src'), /\.tsx?$/), ...sources(join(root, 'main'), /\.ts$/)];
    const used = new Set<string>();
    for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z_]+\.[a-zA-Z_.]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !ar.has(k) || !en.has(k))).toEqual([]);
  });

  it('no visible text is written in the screens themselves: it all comes from the locale files', () => {
    const offenders: string[] = [];
    for (const f of sources(join(root, 'renderer/src'), /\.tsx$/)) {
      const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const visit = (n: ts.Node) => {
        if (ts.isJsxText(n) && /\p{L}/u.test(n.text)) offenders.push(`${f.slice(root.length)}: ${n.text.trim()}`);
        if (ts.isJsxAttribute(n) && ['aria-label', 'title', 'alt', 'placeholder'].includes(n.name.getText()) && n.initializer && ts.isStringLiteral(n.initializer) && /\p{L}/u.test(n.initializer.text)) {
          offenders.push(`${f.slice(root.length)}: ${n.name.getText()}="${n.initializer.text}"`);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    expect(offenders).toEqual([]);
  });

  it('the screens a visitor can reach use only the main files; technician strings load with the technician screens', () => {
    const main = new Set(flatten(read('ar.json')).map((k) => k.replace(PLURAL, '')));
    const tech = flatten(read('technician/ar.json'));
    // No key in both: the technician file adds, it never overrides.
    expect(tech.filter((k) => main.has(k.replace(PLURAL, '')))).toEqual([]);
    const lazy = sources(join(root, 'renderer/src/screens/tech'), /\.tsx?$/).filter((f) => !/(pin-pad|out-of-service|use-technician-mode|corner-gesture|availability-context)\.tsx?$/.test(f));
    const eager = [...sources(join(root, 'renderer/src'), /\.tsx?$/)].filter((f) => !lazy.includes(f));
    const used = new Set<string>();
    for (const f of eager) for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'(tech(?:Site)?\.[a-zA-Z_.]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((k) => !main.has(k))).toEqual([]);
  });
});
