import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations as defaultMigrations } from './migrations/index.ts';

export type Db = Database.Database;

/**
 * Opens the kiosk database. WAL lets the UI read while the money path writes;
 * synchronous=FULL because a committed approval must survive a power cut.
 */
export interface OpenOptions {
  /** Runs inside each migration's transaction, after its SQL and before the commit (crash tests). */
  onMigration?: (version: number) => void;
}

export function openDatabase(file: string, migrations: readonly string[] = defaultMigrations, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // Owner-only; SQLite gives the -wal and -shm files it creates later the database file's mode.
  if (file !== ':memory:') for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db, migrations, opts.onMigration);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Each migration runs in its own transaction together with the version bump. */
export function migrate(db: Db, migrations: readonly string[], onMigration?: (version: number) => void): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`database schema version ${current} is newer than this build knows (${migrations.length})`);
  }
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
      onMigration?.(v + 1);
    })();
  }
}
