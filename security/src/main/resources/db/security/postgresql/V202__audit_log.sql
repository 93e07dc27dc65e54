-- Append-only, hash-chained audit trail: hash = SHA-256 over the canonical fields and prev_hash.
CREATE TABLE security_audit (
  seq         BIGINT NOT NULL PRIMARY KEY,
  time_micros BIGINT NOT NULL,
  actor       TEXT   NOT NULL,
  action      TEXT   NOT NULL,
  subject     TEXT   NOT NULL,
  details     TEXT   NOT NULL,
  prev_hash   BYTEA  NOT NULL,
  hash        BYTEA  NOT NULL
);
-- The database itself refuses edits; the hash chain catches whoever gets around this.
CREATE FUNCTION security_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'security_audit is append-only';
END $$;
CREATE TRIGGER security_audit_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON security_audit
FOR EACH STATEMENT EXECUTE FUNCTION security_audit_append_only();
