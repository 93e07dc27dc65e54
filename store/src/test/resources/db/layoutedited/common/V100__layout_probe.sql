-- The same text for every dialect: moved to common/ unchanged, its checksum is the same.
CREATE TABLE layout_probe (
  id   INTEGER PRIMARY KEY,
  note TEXT NOT NULL DEFAULT ''
);
