-- No query reads payments through these indexes: the only one that names debtor_bic or
-- creditor_bic is the console's search by bank, one OR of LIKE prefixes over sender_bic (never
-- indexed), debtor_bic and creditor_bic, which is a table scan with or without them. Each index
-- kept twenty insertion points (one per bank) that every group commit dirtied: together about
-- 700 bytes of WAL per payment on SQLite, more than the payment row itself.
DROP INDEX payment_debtor;
DROP INDEX payment_creditor;
