-- Append-only, hash-chained audit trail: hash = SHA-256 over the canonical fields and prev_hash.
CREATE TABLE security_audit (
  seq         INTEGER NOT NULL PRIMARY KEY,
  time_micros INTEGER NOT NULL,
  actor       TEXT    NOT NULL,
  action      TEXT    NOT NULL,
  subject     TEXT    NOT NULL,
  details     TEXT    NOT NULL,
  prev_hash   BLOB    NOT NULL,
  hash        BLOB    NOT NULL
);
-- The database itself refuses edits; the hash chain catches whoever gets around this.
CREATE TRIGGER security_audit_no_update BEFORE UPDATE ON security_audit
BEGIN SELECT RAISE(ABORT, 'security_audit is append-only'); END;
CREATE TRIGGER security_audit_no_delete BEFORE DELETE ON security_audit
BEGIN SELECT RAISE(ABORT, 'security_audit is append-only'); END;
