import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a secret (the kiosk's launch URL) where only this user can read it. The old file is
 * removed first so a looser mode from an earlier file never carries over, and 'wx' refuses a
 * file (or link) someone slipped in between.
 */
export function writePrivateFile(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  rmSync(path, { force: true });
  writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
}
