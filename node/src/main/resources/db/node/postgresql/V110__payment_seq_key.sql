-- The payment row is keyed by a node sequence, as on SQLite (see the SQLite migration: there the
-- random UETR index cost a WAL page per payment and is gone). PostgreSQL keeps a unique index on
-- the UETR: its B-tree and WAL work differently, and the index costs it far less; the node's
-- writes and reads are the same SQL on both (by seq, with the UETR-to-row map in memory).
ALTER TABLE payment ADD COLUMN seq BIGINT;
UPDATE payment SET seq = n.seq FROM (SELECT uetr, ROW_NUMBER() OVER (ORDER BY received_at_millis, uetr) AS seq FROM payment) n
  WHERE payment.uetr = n.uetr;
ALTER TABLE payment ALTER COLUMN seq SET NOT NULL;
ALTER TABLE payment DROP CONSTRAINT payment_pkey;
ALTER TABLE payment ADD PRIMARY KEY (seq);
ALTER TABLE payment ADD CONSTRAINT payment_uetr UNIQUE (uetr);
