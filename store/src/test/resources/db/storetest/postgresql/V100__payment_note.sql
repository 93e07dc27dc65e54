CREATE TABLE payment_note (
  transfer_low BIGINT PRIMARY KEY,
  result       TEXT   NOT NULL
);
