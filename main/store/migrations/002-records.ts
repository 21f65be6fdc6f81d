/**
 * Complaints, queue tickets, settings, device events; outbox lanes and dead-letter detail.
 * 001 is never edited (kiosks in the field have it): everything new is added here.
 */
export const sql = `
ALTER TABLE outbox ADD COLUMN last_attempt_at TEXT;
ALTER TABLE outbox ADD COLUMN dead_at TEXT;
CREATE INDEX outbox_lane ON outbox(kind, state, id);

CREATE TABLE complaints (
  tracking_number TEXT PRIMARY KEY,
  entity_id       TEXT NOT NULL,
  type_id         TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('complaint','suggestion')),
  body_json       TEXT NOT NULL,
  delivery_state  TEXT NOT NULL DEFAULT 'pending' CHECK (delivery_state IN ('pending','delivered','dead')),
  gateway_status  TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

CREATE TABLE tickets (
  id              TEXT PRIMARY KEY,
  service_id      TEXT NOT NULL,
  counter_group   TEXT NOT NULL,
  local_number    TEXT,
  request_json    TEXT NOT NULL,
  delivery_state  TEXT NOT NULL DEFAULT 'pending' CHECK (delivery_state IN ('pending','delivered','dead')),
  number          TEXT,
  waiting_ahead   INTEGER,
  estimated_wait_minutes INTEGER,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE device_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  device      TEXT NOT NULL,
  state       TEXT NOT NULL,
  detail      TEXT
);
CREATE INDEX device_events_at ON device_events(device, id);

CREATE INDEX transactions_terminal_receipt ON transactions(json_extract(terminal_json, '$.terminalId'), json_extract(terminal_json, '$.receiptNumber'));
`;
