import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { demoSecrets, privacySweep } from './privacy-sweep.ts';
import { DEMO_CIVIL } from './demo-documents.ts';
import { tempDir } from './temp-dir.ts';

describe('privacy sweep helper', () => {
  it('knows the demo civil numbers (all three countries), names and card numbers, and labels them masked', () => {
    const s = demoSecrets();
    const values = s.map((x) => x.value);
    expect(values).toContain(DEMO_CIVIL);
    expect(values).toEqual(expect.arrayContaining(['SALEM AHMAD', 'AL FULANI', 'AL<FULANI<<SALEM<AHMAD', '850312345', '28563400123', '4242424242424242']));
    for (const x of s) expect(x.label).not.toContain(x.value);
  });

  it('finds a secret in any file under the folders, in the encodings it could take, and in messages', () => {
    const dir = tempDir('sweep');
    try {
      mkdirSync(dir.file('logs'));
      writeFileSync(dir.file('clean.log'), '{"msg":"payment approved","ref":"KW-001-0042"}\n');
      writeFileSync(dir.file('logs/a.log'), `civil ${DEMO_CIVIL.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!)}`);
      writeFileSync(dir.file('cache.bin'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from('Salem Ahmad', 'utf16le')]));
      writeFileSync(dir.file('receipt.txt'), 'CARD 4242 4242 4242 4242');
      const r = privacySweep({ dirs: [dir.path], messages: [{ event: 'identity', payload: { name: 'salem ahmad' } }, 'nothing here'] });
      expect(r.files).toHaveLength(4);
      expect(r.findings.map((f) => [f.where.split('/').pop(), f.encoding])).toEqual(
        expect.arrayContaining([
          ['a.log', 'arabic-indic digits'],
          ['cache.bin', 'utf-16le'],
          ['receipt.txt', 'grouped digits'],
          ['message #0', 'utf-8'],
        ]),
      );
      expect(r.findings.some((f) => f.where.endsWith('clean.log') || f.where === 'message #1')).toBe(false);
      expect(privacySweep({ dirs: [dir.path], exclude: (f) => !f.endsWith('clean.log') }).findings).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  it('reads raw database bytes: a deleted row still in a free page is found', () => {
    const dir = tempDir('sweep-db');
    try {
      const db = new Database(dir.file('k.sqlite'));
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE t (v TEXT)');
      db.prepare('INSERT INTO t VALUES (?)').run(`visitor ${DEMO_CIVIL}`);
      db.exec('DELETE FROM t');
      db.pragma('wal_checkpoint(FULL)');
      db.close();
      expect(privacySweep({ dirs: [dir.path] }).findings.length).toBeGreaterThan(0);
    } finally {
      dir.remove();
    }
  });
});
