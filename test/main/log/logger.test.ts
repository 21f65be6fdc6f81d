import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createLogger } from '../../../main/log/logger.ts';
import { tempDir } from '../../support/temp-dir.ts';

let dir: ReturnType<typeof tempDir>;
afterEach(() => dir.remove());

describe('file logger', () => {
  it('writes JSON lines and rotates at the size limit, keeping one previous file', () => {
    dir = tempDir('log');
    const file = dir.file('logs/kiosk.log');
    const log = createLogger({ file, maxBytes: 2000 });
    for (let i = 0; i < 100; i++) log.info('test', 'line', { i });
    expect(statSync(file).size).toBeLessThanOrEqual(2000);
    expect(existsSync(`${file}.1`)).toBe(true);
    const last = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { i: number; level: string });
    expect(last.at(-1)).toMatchObject({ i: 99, level: 'info' });
  });

  it('pino redacts personal keys (top level and one down) and keeps several rotated files', () => {
    dir = tempDir('log');
    const file = dir.file('k.log');
    const log = createLogger({ file, maxBytes: 600, keep: 3 });
    log.info('identity', 'read', { nationalId: '285031400009', doc: { surname: 'AL FULANI', format: 'TD1' }, pan: '4111111111111111' });
    const first = JSON.parse(readFileSync(file, 'utf8').trim()) as Record<string, unknown>;
    expect(first).toMatchObject({ level: 'info', scope: 'identity', msg: 'read', nationalId: '[redacted]', doc: { surname: '[redacted]', format: 'TD1' }, pan: '[redacted]' });
    for (let i = 0; i < 60; i++) log.warn('x', 'line', { i });
    expect([1, 2, 3].map((n) => existsSync(`${file}.${n}`))).toEqual([true, true, true]);
    expect(existsSync(`${file}.4`)).toBe(false);
  });

  it('drops lines below the level', () => {
    dir = tempDir('log');
    const file = dir.file('k.log');
    const log = createLogger({ file, level: 'warn' });
    log.info('s', 'quiet');
    log.warn('s', 'loud');
    expect(readFileSync(file, 'utf8')).not.toContain('quiet');
    expect(readFileSync(file, 'utf8')).toContain('loud');
  });
});
