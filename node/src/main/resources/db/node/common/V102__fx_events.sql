-- Every input to the node's FX quote book, in order: replayed at start through the same
-- deterministic book (seeded quote ids), so rates, quotes and positions survive a restart.
CREATE TABLE fx_event (
  seq       BIGINT PRIMARY KEY,
  at_millis BIGINT NOT NULL,
  kind      TEXT NOT NULL,
  body      TEXT NOT NULL
);
