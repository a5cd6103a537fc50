-- 083: where a council sits, for the network's views (département, région, nation): an ARS officer reads the
-- councils of one région, the national resource centre every council, each grouped by its département.

ALTER TABLE council ADD COLUMN IF NOT EXISTS department VARCHAR;
ALTER TABLE council ADD COLUMN IF NOT EXISTS region VARCHAR;

-- What backs a row, per council: a council's Sources page and figure sources read its own seed quotes and writes.
DROP VIEW IF EXISTS v_provenance;
CREATE VIEW v_provenance AS
SELECT table_name, row_key, column_name, kind, source_id, section, quote, reason,
       NULL::TIMESTAMP AS logged_at, NULL AS role, seed_file AS origin, council_id
FROM provenance
UNION ALL
SELECT trim(t.name) AS table_name, '*' AS row_key, '*' AS column_name,
       CASE WHEN a.operation = 'import' THEN 'import' ELSE 'saisie' END AS kind,
       NULL AS source_id, a.operation AS section, NULL AS quote, a.detail AS reason,
       a.logged_at, a.role, a.origin, a.council_id
FROM audit_log a, unnest(string_split(a.table_name, ',')) AS t(name)
WHERE a.operation NOT IN ('build') AND a.table_name IS NOT NULL AND trim(t.name) <> 'app_user';
