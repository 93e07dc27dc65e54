-- One row per ledger batch. The events are the ledger's input, not its results: replaying them
-- in seq order through the deterministic ledger rebuilds every balance and transfer exactly.
-- Each row's hash covers the previous row's hash, so editing, removing or reordering a row
-- breaks the chain at that row. Store owns schema versions 1-99; the node uses 100 and up.
CREATE TABLE ledger_journal (
  seq             BIGINT  PRIMARY KEY,
  timestamp_nanos BIGINT  NOT NULL,
  event_count     INTEGER NOT NULL,
  events          BYTEA   NOT NULL,
  prev_hash       BYTEA   NOT NULL,
  hash            BYTEA   NOT NULL
);
-- The blob is already compact binary: pglz compression would cost CPU on the commit path for
-- little gain, so store it out of line uncompressed.
ALTER TABLE ledger_journal ALTER COLUMN events SET STORAGE EXTERNAL;
