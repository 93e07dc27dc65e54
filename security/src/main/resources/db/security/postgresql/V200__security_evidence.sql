-- Every accepted signed message, kept with its signature for non-repudiation.
-- The primary key is the durable, forever replay check (invariant 3: a MsgId per sender once).
CREATE TABLE security_evidence (
  sender          TEXT   NOT NULL,
  message_id      TEXT   NOT NULL,
  received_micros BIGINT NOT NULL,
  signed_micros   BIGINT NOT NULL,
  alg             TEXT   NOT NULL,
  kid             TEXT   NOT NULL,
  jws             TEXT   NOT NULL,
  body_sha256     BYTEA  NOT NULL,
  body            BYTEA  NOT NULL,
  PRIMARY KEY (sender, message_id)
);
