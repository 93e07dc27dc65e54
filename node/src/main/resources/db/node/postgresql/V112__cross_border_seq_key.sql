-- The cross-border record is keyed by its payment's row key (payment.seq), as on SQLite (see the
-- SQLite migration); nothing reads it by UETR any more, so no UETR index is kept. Every record was
-- written in the same transaction as its payment's first row, so each one finds its key.
ALTER TABLE cross_border ADD COLUMN seq BIGINT;
UPDATE cross_border SET seq = p.seq FROM payment p WHERE p.uetr = cross_border.uetr;
DELETE FROM cross_border WHERE seq IS NULL;
ALTER TABLE cross_border ALTER COLUMN seq SET NOT NULL;
ALTER TABLE cross_border DROP CONSTRAINT cross_border_pkey;
ALTER TABLE cross_border ADD PRIMARY KEY (seq);
-- No query reads the outbox through (done_at_millis, id) (see the SQLite migration).
DROP INDEX peer_outbox_open;
