-- 020 (issue 11, undo): every write is a change set whose rows keep their state from before it,
-- written in the same transaction as its audit_log row (writes._write), so one change set can be
-- reverted on its own. added: the row's key only; updated and deleted: the whole row before (JSON).

CREATE TABLE IF NOT EXISTS change_row (
    audit_id BIGINT NOT NULL,
    position INTEGER NOT NULL,
    table_name VARCHAR NOT NULL,
    row_key VARCHAR NOT NULL,
    change VARCHAR NOT NULL CHECK (change IN ('added', 'updated', 'deleted')),
    before VARCHAR,
    PRIMARY KEY (audit_id, position)
);

-- The change set a revert undid (NULL for every other write).
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS undoes BIGINT;
