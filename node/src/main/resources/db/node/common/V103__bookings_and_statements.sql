-- Every posting to a participant's settlement account, as the bank sees it: the lines of its
-- camt.054 notifications and camt.053 statements. Written in the turn that posted it.
CREATE TABLE booking (
  seq          BIGINT PRIMARY KEY,
  bic          TEXT NOT NULL,
  uetr         TEXT NOT NULL,
  side         TEXT NOT NULL,
  amount_minor BIGINT NOT NULL,
  value_date   TEXT NOT NULL,
  kind         TEXT NOT NULL,
  counterparty TEXT NOT NULL,
  at_millis    BIGINT NOT NULL
);
CREATE INDEX booking_bic_date ON booking (bic, value_date);

-- Day close: each participant's closing balance per business day (the statement's CLBD).
CREATE TABLE balance_snapshot (
  business_date TEXT NOT NULL,
  bic           TEXT NOT NULL,
  opening_minor BIGINT NOT NULL,
  closing_minor BIGINT NOT NULL,
  entries       BIGINT NOT NULL,
  closed_at_millis BIGINT NOT NULL,
  PRIMARY KEY (business_date, bic)
);
