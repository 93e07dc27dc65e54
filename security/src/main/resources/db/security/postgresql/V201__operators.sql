-- Operator accounts; the password is an Argon2id PHC string, never the password.
CREATE TABLE security_operator (
  name                TEXT    NOT NULL PRIMARY KEY,
  role                TEXT    NOT NULL,
  password_hash       TEXT    NOT NULL,
  failed_attempts     INTEGER NOT NULL,
  locked_until_micros BIGINT  NOT NULL,
  disabled            INTEGER NOT NULL
);
-- Sessions are found by the SHA-256 of their token: a stolen table does not yield live tokens.
CREATE TABLE security_session (
  token_sha256    BYTEA    NOT NULL PRIMARY KEY,
  operator        TEXT    NOT NULL REFERENCES security_operator(name),
  csrf_sha256     BYTEA    NOT NULL,
  created_micros  BIGINT  NOT NULL,
  expires_micros  BIGINT  NOT NULL
);
-- Dual-control actions: proposed by one operator, completed or rejected by another.
CREATE TABLE security_dual_action (
  id                TEXT    NOT NULL PRIMARY KEY,
  kind              TEXT    NOT NULL,
  subject           TEXT    NOT NULL,
  details           TEXT    NOT NULL,
  proposed_by       TEXT    NOT NULL,
  proposed_micros   BIGINT  NOT NULL,
  expires_micros    BIGINT  NOT NULL,
  state             TEXT    NOT NULL,
  decided_by        TEXT,
  decided_micros    BIGINT
);
