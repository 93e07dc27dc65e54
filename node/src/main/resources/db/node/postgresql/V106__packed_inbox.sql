-- A bank's inbox, packed: one row per bank per writer turn instead of one per message (a
-- settled domestic payment gives four messages, and each row had its own index entry). The
-- messages keep their ids (the writer's global sequence); `messages` holds one line per message,
-- "id - first_id TAB kind TAB uetr [TAB detail]", detail with backslash, tab and newline escaped
-- (org.rialto.node.engine.InboxPack). last_id is unique because ids are.
CREATE TABLE bank_inbox (
  last_id           BIGINT PRIMARY KEY,
  bic               TEXT NOT NULL,
  first_id          BIGINT NOT NULL,
  created_at_millis BIGINT NOT NULL,
  messages          TEXT NOT NULL
);
INSERT INTO bank_inbox (last_id, bic, first_id, created_at_millis, messages)
  SELECT id, bic, id, created_at_millis, '0' || chr(9) || kind || chr(9) || COALESCE(uetr, '')
      || CASE WHEN detail IS NULL THEN ''
         ELSE chr(9) || replace(replace(replace(detail, '\', '\\'), chr(9), '\t'), chr(10), '\n') END
    FROM bank_message;
DROP TABLE bank_message;
CREATE INDEX bank_inbox_bic ON bank_inbox (bic, last_id);
