-- The FX journal, packed (org.rialto.node.engine.FxJournalPack): one row per run of consecutive
-- entries of a writer turn instead of one fx_event row per entry (three per cross-border payment
-- on its sending node: the quote request, the reservation, the fill). Entries keep their seqs;
-- the rows written before stay in fx_event and are replayed first. last_seq is unique because
-- seqs are.
CREATE TABLE fx_journal (
  last_seq  INTEGER PRIMARY KEY,
  first_seq BIGINT NOT NULL,
  at_millis BIGINT NOT NULL,
  events    TEXT NOT NULL
);
