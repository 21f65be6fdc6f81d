import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, type Db } from '../store/database.ts';

/**
 * The console's own database. It is a cache of the fleet plus history: everything current can be
 * rebuilt from the broker's retained messages, so synchronous=NORMAL is enough (not money).
 */
const MIGRATIONS = [
  `CREATE TABLE kiosks (
     kiosk TEXT PRIMARY KEY, country TEXT NOT NULL, centre TEXT NOT NULL,
     online INTEGER NOT NULL DEFAULT 0, bd_seq INTEGER NOT NULL DEFAULT -1,
     status_json TEXT, status_at TEXT, last_seen TEXT, heartbeat_at TEXT, diagnostics_json TEXT, first_seen TEXT NOT NULL
   );
   CREATE TABLE events (
     id INTEGER PRIMARY KEY, event_id TEXT UNIQUE, kiosk TEXT NOT NULL, at TEXT NOT NULL, received_at TEXT NOT NULL,
     kind TEXT NOT NULL, code TEXT NOT NULL, severity TEXT NOT NULL, data_json TEXT
   );
   CREATE INDEX events_kiosk ON events (kiosk, id);
   CREATE TABLE device_history (
     id INTEGER PRIMARY KEY, kiosk TEXT NOT NULL, at TEXT NOT NULL, device TEXT NOT NULL, state TEXT NOT NULL, supply TEXT, detail TEXT
   );
   CREATE INDEX device_history_kiosk ON device_history (kiosk, id);
   CREATE TABLE alerts (
     id INTEGER PRIMARY KEY, kiosk TEXT NOT NULL, rule TEXT NOT NULL, severity TEXT NOT NULL, detail TEXT,
     opened_at TEXT NOT NULL, cleared_at TEXT
   );
   CREATE UNIQUE INDEX alerts_open ON alerts (kiosk, rule) WHERE cleared_at IS NULL;
   CREATE INDEX alerts_kiosk ON alerts (kiosk, id);
   CREATE TABLE names (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, en TEXT NOT NULL, ar TEXT NOT NULL, UNIQUE (kind, en));
   CREATE TABLE kiosk_ids (id INTEGER PRIMARY KEY, kiosk TEXT NOT NULL UNIQUE, country TEXT NOT NULL, centre TEXT NOT NULL);
   -- One kiosk's local day, replaced whole by each retained message: a repeat changes nothing.
   CREATE TABLE stats_daily (
     kiosk_id INTEGER NOT NULL, day INTEGER NOT NULL, service_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, currency TEXT NOT NULL,
     count INTEGER NOT NULL, amount_minor INTEGER NOT NULL,
     PRIMARY KEY (kiosk_id, day, service_id, entity_id, currency)
   ) WITHOUT ROWID;
   -- Rollup per centre, kept in the same transaction: period queries read this, not the raw rows.
   CREATE TABLE stats_centre_daily (
     country TEXT NOT NULL, centre TEXT NOT NULL, day INTEGER NOT NULL, service_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, currency TEXT NOT NULL,
     count INTEGER NOT NULL, amount_minor INTEGER NOT NULL,
     PRIMARY KEY (day, country, centre, service_id, entity_id, currency)
   ) WITHOUT ROWID;
   -- Rollup per country: fleet-wide reports by entity or service read a few thousand rows a quarter.
   CREATE TABLE stats_country_daily (
     country TEXT NOT NULL, day INTEGER NOT NULL, service_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, currency TEXT NOT NULL,
     count INTEGER NOT NULL, amount_minor INTEGER NOT NULL,
     PRIMARY KEY (day, country, service_id, entity_id, currency)
   ) WITHOUT ROWID;
   CREATE TABLE users (name TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('viewer', 'supervisor')), salt TEXT NOT NULL, hash TEXT NOT NULL);
   CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
   CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL, kiosk TEXT, detail_json TEXT);
   CREATE TABLE commands (
     id TEXT PRIMARY KEY, kiosk TEXT NOT NULL, action TEXT NOT NULL, operator TEXT NOT NULL, issued_at TEXT NOT NULL,
     result TEXT, reason TEXT, result_at TEXT
   );`,
  // Diagnostics bundles received from kiosks: the gzip itself is a file beside the database.
  `CREATE TABLE diagnostics (
     id TEXT PRIMARY KEY, kiosk TEXT NOT NULL, name TEXT NOT NULL, at TEXT NOT NULL, received_at TEXT NOT NULL,
     trigger TEXT NOT NULL, command_id TEXT, bytes INTEGER NOT NULL, gz_bytes INTEGER NOT NULL, dropped_log_lines INTEGER NOT NULL
   );
   CREATE INDEX diagnostics_kiosk ON diagnostics (kiosk, received_at);`,
];

export function openConsoleDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db, MIGRATIONS);
  return db;
}
