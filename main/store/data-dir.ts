import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * The kiosk's data folder is readable by the kiosk's user only: the database, logs and caches
 * hold the centre's takings and audit trail. Creates it if missing and tightens anything an
 * older build (or a library with its own umask) left group- or world-readable.
 */
export function secureDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir);
}

function tighten(path: string): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return; // never follow a link out of the folder
  if (st.isDirectory()) {
    if ((st.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(path, PRIVATE_DIR_MODE);
    for (const name of readdirSync(path)) tighten(join(path, name));
  } else if ((st.mode & 0o077) !== 0) {
    chmodSync(path, st.mode & PRIVATE_FILE_MODE);
  }
}
