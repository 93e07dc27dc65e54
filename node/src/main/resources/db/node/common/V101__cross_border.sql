-- The cross-border side of payments; written with the payment row in the same transaction.
CREATE TABLE cross_border (
  uetr                TEXT PRIMARY KEY,
  role                TEXT NOT NULL,
  peer_node           TEXT NOT NULL,
  fxp_bic             TEXT NOT NULL,
  quote_id            TEXT,
  source_amount_minor BIGINT NOT NULL,
  source_currency     TEXT NOT NULL,
  target_amount_minor BIGINT NOT NULL,
  target_currency     TEXT NOT NULL,
  rate                TEXT NOT NULL,
  expires_at_millis   BIGINT NOT NULL
);

-- Transfers forwarded to peers, kept until the peer's final answer has been applied here.
CREATE TABLE peer_outbox (
  id                BIGINT PRIMARY KEY,
  peer_node         TEXT NOT NULL,
  uetr              TEXT NOT NULL,
  body              TEXT NOT NULL,
  created_at_millis BIGINT NOT NULL,
  done_at_millis    BIGINT
);
CREATE INDEX peer_outbox_open ON peer_outbox (done_at_millis, id);

-- Quotes given to banks: a payment on a quote is checked against what was actually offered.
CREATE TABLE fx_quote (
  quote_id    TEXT PRIMARY KEY,
  body        TEXT NOT NULL,
  expires_at_millis BIGINT NOT NULL
);
