-- One row per ledger batch. The events are the ledger's input, not its results: replaying them
-- in seq order through the deterministic ledger rebuilds every balance and transfer exactly.
-- Each row's hash covers the previous row's hash, so editing, removing or reordering a row
-- breaks the chain at that row. Store owns schema versions 1-99; the node uses 100 and up.
CREATE TABLE ledger_journal (
  seq             INTEGER PRIMARY KEY,
  timestamp_nanos INTEGER NOT NULL,
  event_count     INTEGER NOT NULL,
  events          BLOB    NOT NULL,
  prev_hash       BLOB    NOT NULL,
  hash            BLOB    NOT NULL
);
