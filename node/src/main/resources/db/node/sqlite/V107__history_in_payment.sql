-- A payment's history moves into its own row (org.rialto.node.engine.PaymentHistory): one line
-- per event, "seq TAB at_millis TAB state TAB step [TAB detail]" and a newline, step and detail
-- with backslash, tab and newline escaped. The payment row is written in every turn that changes
-- the payment anyway; the separate event rows (two per settled payment, indexed by the random
-- UETR) were a quarter of what the node wrote per payment. last_event_seq restores the event
-- sequence at start; settled_at_millis (the first SETTLED event) serves the console's counts.
ALTER TABLE payment ADD COLUMN history TEXT NOT NULL DEFAULT '';
ALTER TABLE payment ADD COLUMN last_event_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payment ADD COLUMN settled_at_millis BIGINT;
UPDATE payment SET
  history = COALESCE((SELECT group_concat(line, '') FROM (SELECT e.seq || char(9) || e.at_millis || char(9) || e.state
      || char(9) || replace(replace(replace(e.step, '\', '\\'), char(9), '\t'), char(10), '\n')
      || CASE WHEN e.detail IS NULL THEN ''
         ELSE char(9) || replace(replace(replace(e.detail, '\', '\\'), char(9), '\t'), char(10), '\n') END
      || char(10) AS line
    FROM payment_event e WHERE e.uetr = payment.uetr ORDER BY e.seq)), ''),
  last_event_seq = COALESCE((SELECT MAX(e.seq) FROM payment_event e WHERE e.uetr = payment.uetr), 0),
  settled_at_millis = (SELECT MIN(e.at_millis) FROM payment_event e WHERE e.uetr = payment.uetr AND e.state = 'SETTLED');
DROP TABLE payment_event;
