-- 050 (issue 16): the ideas of the 2021 brainstorm are proposals, not engaged actions. They get their own
-- table (columns mirror clsm_data/tables.py) and leave `action`, so that no total, chart or sentence adds
-- them to actions. A database built before keeps its ideas: they move here in place, with their provenance.

CREATE TABLE IF NOT EXISTS proposal (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    proposal_id VARCHAR NOT NULL,
    plan_id VARCHAR NOT NULL,
    axis_id VARCHAR,
    theme_id VARCHAR,
    objective_id VARCHAR,
    position INTEGER,
    title VARCHAR NOT NULL,
    origin VARCHAR,
    action_id VARCHAR,
    source_id VARCHAR,
    note VARCHAR,
    PRIMARY KEY (proposal_id)
);

INSERT INTO proposal (council_id, proposal_id, plan_id, axis_id, theme_id, objective_id, position, title, origin,
                      source_id, note)
SELECT council_id, action_id, plan_id, axis_id, theme_id, objective_id, position, title, origin, source_id, note
FROM action
WHERE status = 'idée' AND plan_id IN (SELECT plan_id FROM plan WHERE kind = 'programme des groupes projets')
  AND action_id NOT IN (SELECT proposal_id FROM proposal);

UPDATE provenance SET table_name = 'proposal'
WHERE table_name = 'action' AND row_key IN (SELECT proposal_id FROM proposal);

DELETE FROM action WHERE action_id IN (SELECT proposal_id FROM proposal);

-- What the documents report as done in a year, with its words (the bilan's « faits marquants »).
CREATE TABLE IF NOT EXISTS achievement (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    achievement_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    date DATE,
    date_precision VARCHAR,
    kind VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    action_id VARCHAR,
    event_id VARCHAR,
    meeting_id VARCHAR,
    source_id VARCHAR,
    quote VARCHAR,
    note VARCHAR,
    PRIMARY KEY (achievement_id)
);
