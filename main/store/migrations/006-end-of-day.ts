/**
 * The terminal's end-of-day (ZVT 06 50) journal: its totals beside the kiosk's own for the same
 * period. The period is a range of the payment journal's rowids (its own monotonic order, never
 * wall-clock time): from the previous successful end of day (exclusive) to this one (inclusive).
 */
export const sql = `
CREATE TABLE end_of_day (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  at                   TEXT NOT NULL,
  started_by           TEXT NOT NULL CHECK (started_by IN ('scheduled','technician')),
  ok                   INTEGER NOT NULL CHECK (ok IN (0, 1)),
  result_code          INTEGER,
  terminal_id          TEXT,
  terminal_total_minor INTEGER,
  terminal_count       INTEGER,
  period_start         TEXT,
  from_rowid           INTEGER NOT NULL,
  to_rowid             INTEGER NOT NULL,
  kiosk_total_minor    INTEGER NOT NULL,
  kiosk_count          INTEGER NOT NULL,
  flagged_count        INTEGER NOT NULL DEFAULT 0,
  difference_minor     INTEGER,
  print_lines_json     TEXT
);
CREATE INDEX end_of_day_ok ON end_of_day(ok, id);
`;
