-- The payment row is keyed by a node sequence (the rowid) instead of its UETR. A UETR is random,
-- so its unique index took every new payment to a random leaf page: at group-commit sizes that
-- was one 4 KiB WAL page per payment, three quarters of all the node wrote per payment. The
-- UETR-to-row map lives in memory (org.rialto.node.engine.PaymentKeys, rebuilt from this table
-- at start, beside the payments the writer already keeps), and the writer's own map is what
-- refuses a second payment with the same UETR; the load at start fails on a duplicate.
-- The existing rows keep their rowids, so the order of arrival is kept.
CREATE TABLE payment_v110 (
  seq                INTEGER PRIMARY KEY,
  uetr               TEXT NOT NULL,
  sender_bic         TEXT NOT NULL,
  msg_id             TEXT NOT NULL,
  end_to_end_id      TEXT,
  debtor_bic         TEXT NOT NULL,
  creditor_bic       TEXT NOT NULL,
  amount_minor       BIGINT NOT NULL,
  currency           TEXT NOT NULL,
  priority           TEXT NOT NULL,
  state              TEXT NOT NULL,
  reason_code        TEXT,
  step               TEXT NOT NULL,
  queue_seq          BIGINT NOT NULL,
  reject_at_millis   BIGINT NOT NULL,
  value_date         TEXT,
  content_hash       TEXT NOT NULL,
  received_at_millis BIGINT NOT NULL,
  updated_at_millis  BIGINT NOT NULL,
  debtor_name        TEXT,
  creditor_name      TEXT,
  remittance         TEXT,
  history            TEXT NOT NULL DEFAULT '',
  last_event_seq     BIGINT NOT NULL DEFAULT 0,
  settled_at_millis  BIGINT,
  debtor_details     TEXT,
  creditor_details   TEXT
);
INSERT INTO payment_v110 (seq, uetr, sender_bic, msg_id, end_to_end_id, debtor_bic, creditor_bic, amount_minor, currency,
    priority, state, reason_code, step, queue_seq, reject_at_millis, value_date, content_hash, received_at_millis,
    updated_at_millis, debtor_name, creditor_name, remittance, history, last_event_seq, settled_at_millis, debtor_details,
    creditor_details)
  SELECT rowid, uetr, sender_bic, msg_id, end_to_end_id, debtor_bic, creditor_bic, amount_minor, currency,
    priority, state, reason_code, step, queue_seq, reject_at_millis, value_date, content_hash, received_at_millis,
    updated_at_millis, debtor_name, creditor_name, remittance, history, last_event_seq, settled_at_millis, debtor_details,
    creditor_details
  FROM payment ORDER BY rowid;
DROP TABLE payment;
ALTER TABLE payment_v110 RENAME TO payment;
CREATE INDEX payment_state ON payment (state);
CREATE INDEX payment_debtor ON payment (debtor_bic);
CREATE INDEX payment_creditor ON payment (creditor_bic);
