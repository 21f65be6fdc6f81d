import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SHELL = 'main/shell/';
const IMPORT_ELECTRON = /(?:from\s+['"]electron['"]|import\(\s*['"]electron['"]\s*\)|require\(\s*['"]electron['"]\s*\))/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(c|m)?[tj]sx?$/.test(name) ? [p] : [];
  });
}

describe('the core is plain Node', () => {
  it('no file outside main/shell/ imports electron', () => {
    const files = ['main', 'drivers', 'renderer'].flatMap((d) => sources(join(root, d)));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.map((f) => relative(root, f)).filter((f) => !f.startsWith(SHELL) && IMPORT_ELECTRON.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the shell folder is the one that does (the rule is not vacuous)', () => {
    const shell = sources(join(root, SHELL)).filter((f) => IMPORT_ELECTRON.test(readFileSync(f, 'utf8')));
    expect(shell.length).toBeGreaterThanOrEqual(2);
  });
});
