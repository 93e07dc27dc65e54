-- The FX journal, packed (see the SQLite migration): one row per run of consecutive entries of a
-- writer turn; the rows written before stay in fx_event and are replayed first.
CREATE TABLE fx_journal (
  last_seq  BIGINT PRIMARY KEY,
  first_seq BIGINT NOT NULL,
  at_millis BIGINT NOT NULL,
  events    TEXT NOT NULL
);
