-- 081: the journal and the record of where each seeded value comes from belong to a council too, so that on a
-- database of several councils a council's connections read only its own journal, before-images and quotes
-- (PostgreSQL's row-level security covers every table holding a council_id).

ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS council_id VARCHAR DEFAULT 'clsm-metz';
ALTER TABLE change_row ADD COLUMN IF NOT EXISTS council_id VARCHAR DEFAULT 'clsm-metz';
ALTER TABLE provenance ADD COLUMN IF NOT EXISTS council_id VARCHAR DEFAULT 'clsm-metz';
