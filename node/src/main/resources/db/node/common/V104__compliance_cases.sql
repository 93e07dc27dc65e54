-- Payments held by screening and what operators decided. A decision, once written, is never
-- changed: the writer only ever inserts a case and then sets its approval and decision once.
CREATE TABLE compliance_case (
  uetr              TEXT PRIMARY KEY,
  kind              TEXT NOT NULL,
  quote_id          TEXT,
  hits              TEXT NOT NULL,
  lists             TEXT NOT NULL,
  opened_at_millis  BIGINT NOT NULL,
  first_approver    TEXT,
  first_approved_at_millis BIGINT NOT NULL,
  decision          TEXT,
  decided_by        TEXT,
  decided_at_millis BIGINT NOT NULL
);
CREATE INDEX compliance_case_open ON compliance_case (decision);
