-- Every accepted signed message, kept with its signature for non-repudiation.
-- The primary key is the durable, forever replay check (invariant 3: a MsgId per sender once).
CREATE TABLE security_evidence (
  sender          TEXT    NOT NULL,
  message_id      TEXT    NOT NULL,
  received_micros INTEGER NOT NULL,
  signed_micros   INTEGER NOT NULL,
  alg             TEXT    NOT NULL,
  kid             TEXT    NOT NULL,
  jws             TEXT    NOT NULL,
  body_sha256     BLOB    NOT NULL,
  body            BLOB    NOT NULL,
  PRIMARY KEY (sender, message_id)
);
