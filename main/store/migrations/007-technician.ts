/**
 * Technician mode (issue 12): accounts with scrypt PIN hashes, the PIN lockout that must
 * survive a restart, and versioned kiosk settings with who/when. Self-contained: it touches
 * no table of the money path, so it can be renumbered at merge.
 */
export const sql = `
CREATE TABLE technicians (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL UNIQUE,
  role        TEXT NOT NULL CHECK (role IN ('technician','supervisor')),
  pin_hash    TEXT NOT NULL,
  demo        INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
);

CREATE TABLE technician_lockout (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  failures      INTEGER NOT NULL DEFAULT 0,
  locked_until  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO technician_lockout (id) VALUES (1);

CREATE TABLE device_assignments (
  role          TEXT PRIMARY KEY CHECK (role IN ('printer','terminal','idReader')),
  link_json     TEXT NOT NULL,
  profile       TEXT,
  updated_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE config_versions (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  config_json   TEXT NOT NULL,
  diff_json     TEXT NOT NULL,
  changed_by    TEXT NOT NULL,
  changed_at    TEXT NOT NULL,
  worked        INTEGER NOT NULL DEFAULT 0
);
`;
