-- 040 (issue 10): the slideshow's named sequences and the coordinator's texts of the annual report.
-- A sequence is an ordered list of slide ids of the catalogue (clsm_data/figures.py), comma-separated;
-- the two default sequences live in code (clsm_data/sequences.py) until the coordinator saves their own.
-- Both tables are written only through clsm_data.writes (lock, transaction, audit row, check).

CREATE TABLE IF NOT EXISTS slide_sequence (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    sequence_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    slides VARCHAR NOT NULL,
    position INTEGER,
    note VARCHAR,
    PRIMARY KEY (sequence_id)
);

CREATE TABLE IF NOT EXISTS report_text (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    year INTEGER NOT NULL,
    section VARCHAR NOT NULL,
    text VARCHAR,
    note VARCHAR,
    PRIMARY KEY (section, year)
);
