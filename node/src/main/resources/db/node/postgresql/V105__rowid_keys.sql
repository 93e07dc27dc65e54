-- SQLite's V105 makes these tables rowid tables (one B-tree write per row instead of two).
-- PostgreSQL keeps rows in a heap with the primary key as its one index: nothing to change;
-- this version exists so both dialects share one migration history.
COMMENT ON TABLE bank_message IS 'A bank''s durable inbox: references rendered to ISO 20022 on read';
