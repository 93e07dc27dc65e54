-- Bookings, packed: one row per account, value date and writer turn instead of one per posting
-- (two per settled payment, each with its index entry). The row carries its debit and credit
-- totals and entry count, which is all the day close and the console sum; the lines, one per
-- booking, "seq - first_seq TAB uetr TAB side TAB amount_minor TAB kind TAB counterparty" with
-- kind and counterparty escaped (org.rialto.node.engine.BookingPack), serve the statements.
-- last_seq is unique because booking seqs are.
CREATE TABLE booking_batch (
  last_seq      INTEGER PRIMARY KEY,
  bic           TEXT NOT NULL,
  value_date    TEXT NOT NULL,
  first_seq     BIGINT NOT NULL,
  at_millis     BIGINT NOT NULL,
  debits_minor  BIGINT NOT NULL,
  credits_minor BIGINT NOT NULL,
  entries       BIGINT NOT NULL,
  lines         TEXT NOT NULL
);
INSERT INTO booking_batch (last_seq, bic, value_date, first_seq, at_millis, debits_minor, credits_minor, entries, lines)
  SELECT seq, bic, value_date, seq, at_millis,
      CASE WHEN side = 'CRDT' THEN 0 ELSE amount_minor END, CASE WHEN side = 'CRDT' THEN amount_minor ELSE 0 END, 1,
      '0' || char(9) || uetr || char(9) || side || char(9) || amount_minor
      || char(9) || replace(replace(replace(kind, '\', '\\'), char(9), '\t'), char(10), '\n')
      || char(9) || replace(replace(replace(counterparty, '\', '\\'), char(9), '\t'), char(10), '\n')
    FROM booking;
DROP TABLE booking;
CREATE INDEX booking_batch_bic_date ON booking_batch (bic, value_date);
