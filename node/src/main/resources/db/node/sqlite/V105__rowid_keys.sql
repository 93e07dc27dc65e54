-- The append-only node tables keyed by a number the writer assigns (inbox id, history seq,
-- booking seq, FX journal seq, outbox id) become rowid tables: "BIGINT PRIMARY KEY" is not a rowid alias in SQLite, so
-- each row was written twice (the table, then a separate unique index on the key). Same
-- columns, same values, same order; one B-tree append per row instead of two.
CREATE TABLE bank_message_v105 (
  id                INTEGER PRIMARY KEY,
  bic               TEXT NOT NULL,
  kind              TEXT NOT NULL,
  uetr              TEXT,
  detail            TEXT,
  created_at_millis BIGINT NOT NULL
);
INSERT INTO bank_message_v105 (id, bic, kind, uetr, detail, created_at_millis)
  SELECT id, bic, kind, uetr, detail, created_at_millis FROM bank_message;
DROP TABLE bank_message;
ALTER TABLE bank_message_v105 RENAME TO bank_message;
CREATE INDEX bank_message_bic ON bank_message (bic, id);

CREATE TABLE payment_event_v105 (
  seq       INTEGER PRIMARY KEY,
  uetr      TEXT NOT NULL,
  at_millis BIGINT NOT NULL,
  state     TEXT NOT NULL,
  step      TEXT NOT NULL,
  detail    TEXT
);
INSERT INTO payment_event_v105 (seq, uetr, at_millis, state, step, detail)
  SELECT seq, uetr, at_millis, state, step, detail FROM payment_event;
DROP TABLE payment_event;
ALTER TABLE payment_event_v105 RENAME TO payment_event;
CREATE INDEX payment_event_uetr ON payment_event (uetr);

CREATE TABLE booking_v105 (
  seq          INTEGER PRIMARY KEY,
  bic          TEXT NOT NULL,
  uetr         TEXT NOT NULL,
  side         TEXT NOT NULL,
  amount_minor BIGINT NOT NULL,
  value_date   TEXT NOT NULL,
  kind         TEXT NOT NULL,
  counterparty TEXT NOT NULL,
  at_millis    BIGINT NOT NULL
);
INSERT INTO booking_v105 (seq, bic, uetr, side, amount_minor, value_date, kind, counterparty, at_millis)
  SELECT seq, bic, uetr, side, amount_minor, value_date, kind, counterparty, at_millis FROM booking;
DROP TABLE booking;
ALTER TABLE booking_v105 RENAME TO booking;
CREATE INDEX booking_bic_date ON booking (bic, value_date);

CREATE TABLE fx_event_v105 (
  seq       INTEGER PRIMARY KEY,
  at_millis BIGINT NOT NULL,
  kind      TEXT NOT NULL,
  body      TEXT NOT NULL
);
INSERT INTO fx_event_v105 (seq, at_millis, kind, body) SELECT seq, at_millis, kind, body FROM fx_event;
DROP TABLE fx_event;
ALTER TABLE fx_event_v105 RENAME TO fx_event;

CREATE TABLE peer_outbox_v105 (
  id                INTEGER PRIMARY KEY,
  peer_node         TEXT NOT NULL,
  uetr              TEXT NOT NULL,
  body              TEXT NOT NULL,
  created_at_millis BIGINT NOT NULL,
  done_at_millis    BIGINT
);
INSERT INTO peer_outbox_v105 (id, peer_node, uetr, body, created_at_millis, done_at_millis)
  SELECT id, peer_node, uetr, body, created_at_millis, done_at_millis FROM peer_outbox;
DROP TABLE peer_outbox;
ALTER TABLE peer_outbox_v105 RENAME TO peer_outbox;
CREATE INDEX peer_outbox_open ON peer_outbox (done_at_millis, id);
