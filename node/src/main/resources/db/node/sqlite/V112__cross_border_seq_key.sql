-- The cross-border record is keyed by its payment's row key (payment.seq, the rowid here) instead
-- of its UETR, as the payment row itself was in V110: "uetr TEXT PRIMARY KEY" is a separate
-- unique index on a random value, so each cross-border payment, on both nodes, dirtied a random
-- leaf page of it in every group commit. Readers find the record through the payment's key
-- (org.rialto.node.engine.PaymentKeys). Every record was written in the same transaction as its
-- payment's first row, so the join finds each one.
CREATE TABLE cross_border_v112 (
  seq                 INTEGER PRIMARY KEY,
  uetr                TEXT NOT NULL,
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
INSERT INTO cross_border_v112 (seq, uetr, role, peer_node, fxp_bic, quote_id, source_amount_minor, source_currency,
    target_amount_minor, target_currency, rate, expires_at_millis)
  SELECT p.seq, cb.uetr, cb.role, cb.peer_node, cb.fxp_bic, cb.quote_id, cb.source_amount_minor, cb.source_currency,
    cb.target_amount_minor, cb.target_currency, cb.rate, cb.expires_at_millis
  FROM cross_border cb JOIN payment p ON p.uetr = cb.uetr ORDER BY p.seq;
DROP TABLE cross_border;
ALTER TABLE cross_border_v112 RENAME TO cross_border;
-- No query reads the outbox through (done_at_millis, id): the restart joins every row with its
-- payment and the console looks rows up by UETR. Its entry was written and moved for every
-- forwarded payment.
DROP INDEX peer_outbox_open;
