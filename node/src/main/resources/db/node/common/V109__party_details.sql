-- What the bank told about its customers beyond the names (FATF Recommendation 16: account,
-- address, identification), as JSON, null when it told nothing. Kept so that a payment held for
-- compliance and released after a restart is still forwarded with them, and the creditor bank's
-- pacs.008 is rendered with them; written once with the payment, never changed.
ALTER TABLE payment ADD COLUMN debtor_details TEXT;
ALTER TABLE payment ADD COLUMN creditor_details TEXT;
