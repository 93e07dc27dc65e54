-- Node tables live beside the ledger journal and are written in the same transaction as the
-- journal batch they belong to, so a payment's state and its money never disagree on disk.
CREATE TABLE participant (
  bic               TEXT PRIMARY KEY,
  name              TEXT NOT NULL,
  country           TEXT NOT NULL,
  account_high      BIGINT NOT NULL,
  account_low       BIGINT NOT NULL,
  credit_line_minor BIGINT NOT NULL,
  created_at_millis BIGINT NOT NULL
);

CREATE TABLE payment (
  uetr               TEXT PRIMARY KEY,
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
  remittance         TEXT
);
CREATE INDEX payment_state ON payment (state);
CREATE INDEX payment_debtor ON payment (debtor_bic);
CREATE INDEX payment_creditor ON payment (creditor_bic);

-- Idempotency of whole messages: (sender, MsgId) answered once, forever.
CREATE TABLE inbound_message (
  sender_bic        TEXT NOT NULL,
  msg_id            TEXT NOT NULL,
  content_hash      TEXT NOT NULL,
  response          TEXT NOT NULL,
  received_at_millis BIGINT NOT NULL,
  PRIMARY KEY (sender_bic, msg_id)
);

-- A bank's durable inbox. Rows are small references; the ISO 20022 body is rendered from the
-- payment on read, deterministically, so a redelivery is byte-identical.
CREATE TABLE bank_message (
  id                BIGINT PRIMARY KEY,
  bic               TEXT NOT NULL,
  kind              TEXT NOT NULL,
  uetr              TEXT,
  detail            TEXT,
  created_at_millis BIGINT NOT NULL
);
CREATE INDEX bank_message_bic ON bank_message (bic, id);

-- Every step of every payment, for operators.
CREATE TABLE payment_event (
  seq       BIGINT PRIMARY KEY,
  uetr      TEXT NOT NULL,
  at_millis BIGINT NOT NULL,
  state     TEXT NOT NULL,
  step      TEXT NOT NULL,
  detail    TEXT
);
CREATE INDEX payment_event_uetr ON payment_event (uetr);
