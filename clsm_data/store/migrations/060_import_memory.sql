-- 060: what the import remembers from the coordinator's answers, so that the next file of the same shape
-- is read at the first try: a header mapped to a column of a table, and a name matched to a row (an alias).
-- Internal tables (not data of the council's follow-up): written only by clsm_data.importing.memory, under
-- the writer lock, in one transaction with its audit row, checked after COMMIT.

CREATE TABLE IF NOT EXISTS import_column_memory (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    table_name VARCHAR NOT NULL,   -- the importable table the sheet holds (meeting, event…)
    header_key VARCHAR NOT NULL,   -- the header reduced by importing.fmt.header_key
    header VARCHAR NOT NULL,       -- the header as first written
    column_name VARCHAR NOT NULL,  -- a column of table_name, '+note' (added to the note) or '-' (ignored)
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    created_by VARCHAR,
    PRIMARY KEY (table_name, header_key)
);

CREATE TABLE IF NOT EXISTS import_name_alias (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    target VARCHAR NOT NULL,       -- a referenced table (instance, structure…) or a closed list ('event.kind')
    alias_key VARCHAR NOT NULL,    -- the name as typed, normalised by importing.fmt.norm
    alias VARCHAR NOT NULL,        -- the name as typed
    row_id VARCHAR NOT NULL,       -- the row (or the list's value) it names
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    created_by VARCHAR,
    PRIMARY KEY (target, alias_key)
);
