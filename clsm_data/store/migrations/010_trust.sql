-- 010 (issue 9): figures a COPIL can trust. Realised work linked to actions, counts without dates,
-- the readings and clashes of the documents, provenance of every seeded value, the yearly follow-up.
-- Written to be re-runnable (IF NOT EXISTS, OR REPLACE): a file migrated in place may meet it twice in tests.

ALTER TABLE action ADD COLUMN IF NOT EXISTS period_precision VARCHAR;
ALTER TABLE action_step ADD COLUMN IF NOT EXISTS period_precision VARCHAR;

CREATE TABLE IF NOT EXISTS action_realisation (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    realisation_id VARCHAR NOT NULL,
    action_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    event_id VARCHAR,
    milestone_id VARCHAR,
    resource_id VARCHAR,
    year INTEGER NOT NULL,
    date DATE,
    date_precision VARCHAR,
    quantity INTEGER,
    unit VARCHAR,
    status_after VARCHAR,
    source_id VARCHAR,
    quote VARCHAR,
    note VARCHAR,
    PRIMARY KEY (realisation_id)
);

CREATE TABLE IF NOT EXISTS counted_meeting (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    count_id VARCHAR NOT NULL,
    instance_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    period_label VARCHAR NOT NULL,
    period_start DATE,
    period_end DATE,
    meetings INTEGER,
    count_text VARCHAR,
    participants INTEGER,
    source_id VARCHAR,
    quote VARCHAR,
    note VARCHAR,
    PRIMARY KEY (count_id)
);

CREATE TABLE IF NOT EXISTS reading (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    reading_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    table_name VARCHAR,
    row_key VARCHAR,
    column_name VARCHAR,
    source_id VARCHAR,
    other_source_id VARCHAR,
    section VARCHAR,
    quote VARCHAR,
    reason VARCHAR NOT NULL,
    note VARCHAR,
    PRIMARY KEY (reading_id)
);

CREATE TABLE IF NOT EXISTS action_status (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    action_id VARCHAR NOT NULL,
    date DATE NOT NULL,
    date_precision VARCHAR,
    status VARCHAR NOT NULL,
    source_id VARCHAR,
    quote VARCHAR,
    note VARCHAR,
    PRIMARY KEY (action_id, date, status)
);

CREATE TABLE IF NOT EXISTS action_comment (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    action_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    comment VARCHAR NOT NULL,
    note VARCHAR,
    PRIMARY KEY (action_id, year)
);

CREATE TABLE IF NOT EXISTS year_validation (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    validation_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    validated_on DATE NOT NULL,
    validated_by VARCHAR NOT NULL,
    figures VARCHAR NOT NULL,
    note VARCHAR,
    PRIMARY KEY (validation_id),
    UNIQUE (council_id, year)
);

-- Where each stored value comes from: written by the build from the seed files (kind document or
-- lecture); imports and edits are read from the audit log by v_provenance. Not a data table: it is
-- derived, so backups and checksums leave it out.
CREATE TABLE IF NOT EXISTS provenance (
    table_name VARCHAR NOT NULL,
    row_key VARCHAR NOT NULL,
    column_name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    source_id VARCHAR,
    section VARCHAR,
    quote VARCHAR,
    reason VARCHAR,
    seed_file VARCHAR
);

CREATE OR REPLACE VIEW v_provenance AS
SELECT table_name, row_key, column_name, kind, source_id, section, quote, reason,
       NULL::TIMESTAMP AS logged_at, NULL AS role, seed_file AS origin
FROM provenance
UNION ALL
SELECT trim(t.name) AS table_name, '*' AS row_key, '*' AS column_name,
       CASE WHEN a.operation = 'import' THEN 'import' ELSE 'saisie' END AS kind,
       NULL AS source_id, a.operation AS section, NULL AS quote, a.detail AS reason,
       a.logged_at, a.role, a.origin
FROM audit_log a, unnest(string_split(a.table_name, ',')) AS t(name)
WHERE a.operation NOT IN ('build') AND a.table_name IS NOT NULL AND trim(t.name) <> 'app_user';

-- What the record says of an action's status: the dated status history and the realisations
-- that establish a status; the latest one wins over the status written on the sheet.
CREATE OR REPLACE VIEW v_action_status_record AS
SELECT action_id, status_after AS status, coalesce(date, make_date(year, 12, 31)) AS on_date,
       date_precision, 'réalisation' AS origin, realisation_id AS ref, source_id, quote, note
FROM action_realisation WHERE status_after IS NOT NULL
UNION ALL
SELECT action_id, status, date AS on_date, date_precision, 'historique' AS origin, NULL AS ref, source_id, quote, note
FROM action_status;

CREATE OR REPLACE VIEW v_action_status_now AS
SELECT action_id, arg_max(status, on_date) AS status, max(on_date) AS on_date,
       arg_max(origin, on_date) AS origin
FROM v_action_status_record GROUP BY action_id;

CREATE OR REPLACE VIEW v_action AS
SELECT
    a.*,
    p.name AS plan_name,
    p.short_name AS plan_short,
    p.position AS plan_position,
    ax.number AS axis_number,
    ax.title AS axis_title,
    coalesce(ax.short_title, ax.title) AS axis_short,
    th.name AS theme_name,
    th.position AS theme_position,
    s.name AS porteur_name,
    coalesce(sn.status, a.status, 'non renseigné') AS status_label,
    year(a.start_date) AS year_start,
    year(a.end_date) AS year_end,
    CASE WHEN sn.status IS NOT NULL THEN sn.origin WHEN a.status IS NOT NULL THEN 'fiche' END AS status_origin,
    (SELECT count(*) FROM action_realisation r WHERE r.action_id = a.action_id) AS realisations
FROM action a
JOIN plan p USING (plan_id)
LEFT JOIN axis ax USING (axis_id)
LEFT JOIN theme th USING (theme_id)
LEFT JOIN structure s ON s.structure_id = a.porteur_id
LEFT JOIN v_action_status_now sn ON sn.action_id = a.action_id;
