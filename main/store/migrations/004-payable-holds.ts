/**
 * What each payment pays, one row per item, so "is this bill already being paid or paid here?"
 * is one indexed query (and one transaction with the payment's own insert). Also: the terminal's
 * answer kept beside a flagged payment, and alerts a person must see.
 * Earlier migrations are never edited (kiosks in the field have them).
 */
export const sql = `
CREATE TABLE transaction_items (
  transaction_id TEXT NOT NULL REFERENCES transactions(id),
  kind           TEXT NOT NULL,
  reference      TEXT NOT NULL,
  PRIMARY KEY (transaction_id, kind, reference)
);
CREATE INDEX transaction_items_ref ON transaction_items(kind, reference);
INSERT OR IGNORE INTO transaction_items (transaction_id, kind, reference)
  SELECT t.id, json_extract(i.value, '$.kind'), json_extract(i.value, '$.reference')
  FROM transactions t, json_each(t.items_json) i;

ALTER TABLE transactions ADD COLUMN terminal_answer_json TEXT;
ALTER TABLE transactions ADD COLUMN resolved_json TEXT;

CREATE TABLE alerts (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  kind        TEXT NOT NULL,
  severity    TEXT NOT NULL CHECK (severity IN ('info','warning','critical')),
  subject     TEXT,
  detail_json TEXT,
  cleared_at  TEXT
);
CREATE INDEX alerts_open ON alerts(cleared_at, id);
`;
