import { describe, expect, it } from 'vitest';
import { chmodSync, lstatSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { secureDataDir } from '../../../main/store/data-dir.ts';
import { createKiosk } from '../../../main/compose.ts';
import { parseConfig } from '../../../main/config.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { tolerantFileLogger } from '../../support/tolerant-logger.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return lstatSync(p).isDirectory() ? [p, ...walk(p)] : [p];
  });
}
const mode = (p: string) => lstatSync(p).mode & 0o777;

describe('the data folder is readable by the kiosk user only', () => {
  it('tightens a tree an older build left world-readable, without following links out of it', () => {
    const dir = tempDir('perm');
    const outside = tempDir('perm-outside');
    try {
      const data = join(dir.path, 'data');
      mkdirSync(join(data, 'logs'), { recursive: true, mode: 0o755 });
      writeFileSync(join(data, 'kiosk.sqlite'), 'x', { mode: 0o644 });
      writeFileSync(join(data, 'logs', 'kiosk.log'), 'x', { mode: 0o666 });
      writeFileSync(join(outside.path, 'elsewhere'), 'x', { mode: 0o644 });
      symlinkSync(join(outside.path, 'elsewhere'), join(data, 'link'));
      chmodSync(data, 0o755);
      secureDataDir(data);
      expect(mode(data)).toBe(0o700);
      expect(mode(join(data, 'logs'))).toBe(0o700);
      expect(mode(join(data, 'kiosk.sqlite'))).toBe(0o600);
      expect(mode(join(data, 'logs', 'kiosk.log'))).toBe(0o600);
      expect(mode(join(outside.path, 'elsewhere'))).toBe(0o644);
    } finally {
      dir.remove();
      outside.remove();
    }
  });

  it('a kiosk that has run writes every file 0600 and every folder 0700 (database with WAL, log, caches)', async () => {
    const dir = tempDir('perm-kiosk');
    const data = join(dir.path, 'data');
    try {
      // The real file logger, so the log file is among what is checked.
      const kiosk = await createKiosk(parseConfig({ demo: true, dataDir: data }), { log: tolerantFileLogger(join(data, 'logs', 'kiosk.log')) });
      const r = await kiosk.dispatcher.dispatch('session.start', { locale: 'ar' });
      expect(r.ok).toBe(true);
      await expect.poll(() => kiosk.syncStatus().online, { timeout: 15_000 }).toBe(true);
      const files = walk(data);
      for (const f of files) expect({ f, mode: mode(f).toString(8) }).toEqual({ f, mode: lstatSync(f).isDirectory() ? '700' : '600' });
      await kiosk.close();
      for (const f of ['kiosk.sqlite', 'kiosk.sqlite-wal', join('logs', 'kiosk.log')]) expect(files).toContain(join(data, f));
      expect(mode(data)).toBe(0o700);
      for (const f of walk(data)) expect({ f, mode: mode(f).toString(8) }).toEqual({ f, mode: lstatSync(f).isDirectory() ? '700' : '600' });
    } finally {
      dir.remove();
    }
  });
});
