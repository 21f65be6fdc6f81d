/** Journal, outbox and audit log: the money path's durable core. */
export const sql = `
CREATE TABLE transactions (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('created','authorizing','approved','declined','aborted','flagged')),
  amount_minor    INTEGER NOT NULL CHECK (amount_minor > 0),
  currency        TEXT NOT NULL,
  items_json      TEXT NOT NULL,
  receipt_state   TEXT NOT NULL DEFAULT 'none' CHECK (receipt_state IN ('none','printed','failed')),
  posting_state   TEXT NOT NULL DEFAULT 'none' CHECK (posting_state IN ('none','pending','delivered','dead')),
  terminal_json   TEXT,
  decline_reason  TEXT,
  locale          TEXT NOT NULL DEFAULT 'ar',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX transactions_state ON transactions(state);

CREATE TABLE outbox (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  kind             TEXT NOT NULL,
  idempotency_key  TEXT NOT NULL UNIQUE,
  transaction_id   TEXT REFERENCES transactions(id),
  payload_json     TEXT NOT NULL,
  state            TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','delivered','dead')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT,
  created_at       TEXT NOT NULL,
  delivered_at     TEXT
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at, id);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  detail_json TEXT
);
`;
