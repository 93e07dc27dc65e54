CREATE TABLE payment_note (
  transfer_low INTEGER PRIMARY KEY,
  result       TEXT    NOT NULL
);
