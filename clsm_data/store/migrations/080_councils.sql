-- 080: many councils in one database (the network edition). Every council's rows are keyed by their
-- council as well as their code: two councils may each name a structure « adoma » or a meeting « copil-2024-01 ».
-- Each table is renamed, created again with (council_id, key…) as its primary key, filled, and the old one dropped;
-- the views are dropped first (PostgreSQL keeps views bound to the tables they read) and created again with joins
-- that stay inside one council. Accounts are bound to a council.

DROP VIEW IF EXISTS v_action;
DROP VIEW IF EXISTS v_action_status_now;
DROP VIEW IF EXISTS v_action_status_record;
DROP VIEW IF EXISTS v_action_structure;
DROP VIEW IF EXISTS v_meeting;

ALTER TABLE achievement RENAME TO achievement__before_080;
CREATE TABLE achievement(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, achievement_id VARCHAR, "year" INTEGER NOT NULL, date DATE, date_precision VARCHAR, kind VARCHAR NOT NULL, title VARCHAR NOT NULL, action_id VARCHAR, event_id VARCHAR, meeting_id VARCHAR, source_id VARCHAR, "quote" VARCHAR, note VARCHAR, PRIMARY KEY(council_id, achievement_id));
INSERT INTO achievement SELECT * FROM achievement__before_080;
DROP TABLE achievement__before_080;

ALTER TABLE "action" RENAME TO action__before_080;
CREATE TABLE "action"(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, action_id VARCHAR, plan_id VARCHAR NOT NULL, axis_id VARCHAR, theme_id VARCHAR, objective_id VARCHAR, sheet_number VARCHAR, "position" INTEGER, title VARCHAR NOT NULL, origin VARCHAR, status VARCHAR, typology VARCHAR, duration VARCHAR, territory VARCHAR, publics VARCHAR, people_concerned VARCHAR, porteur_id VARCHAR, pilot VARCHAR, period_label VARCHAR, start_date DATE, end_date DATE, budget_eur DOUBLE, budget_note VARCHAR, funders VARCHAR, follow_up VARCHAR, context VARCHAR, description VARCHAR, evaluation_method VARCHAR, health_determinants VARCHAR, public_policies VARCHAR, reduces_inequalities BOOLEAN, participatory BOOLEAN, updated_on DATE, source_id VARCHAR, note VARCHAR, period_precision VARCHAR, PRIMARY KEY(council_id, action_id));
INSERT INTO "action" SELECT * FROM action__before_080;
DROP TABLE action__before_080;

ALTER TABLE action_comment RENAME TO action_comment__before_080;
CREATE TABLE action_comment(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, action_id VARCHAR, "year" INTEGER, "comment" VARCHAR NOT NULL, note VARCHAR, PRIMARY KEY(council_id, action_id, "year"));
INSERT INTO action_comment SELECT * FROM action_comment__before_080;
DROP TABLE action_comment__before_080;

ALTER TABLE action_partner RENAME TO action_partner__before_080;
CREATE TABLE action_partner(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, action_id VARCHAR, structure_id VARCHAR, "role" VARCHAR, note VARCHAR, PRIMARY KEY(council_id, action_id, structure_id, "role"));
INSERT INTO action_partner SELECT * FROM action_partner__before_080;
DROP TABLE action_partner__before_080;

ALTER TABLE action_realisation RENAME TO action_realisation__before_080;
CREATE TABLE action_realisation(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, realisation_id VARCHAR, action_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, event_id VARCHAR, milestone_id VARCHAR, resource_id VARCHAR, "year" INTEGER NOT NULL, date DATE, date_precision VARCHAR, quantity INTEGER, unit VARCHAR, status_after VARCHAR, source_id VARCHAR, "quote" VARCHAR, note VARCHAR, PRIMARY KEY(council_id, realisation_id));
INSERT INTO action_realisation SELECT * FROM action_realisation__before_080;
DROP TABLE action_realisation__before_080;

ALTER TABLE action_status RENAME TO action_status__before_080;
CREATE TABLE action_status(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, action_id VARCHAR, date DATE, date_precision VARCHAR, status VARCHAR, source_id VARCHAR, "quote" VARCHAR, note VARCHAR, PRIMARY KEY(council_id, action_id, date, status));
INSERT INTO action_status SELECT * FROM action_status__before_080;
DROP TABLE action_status__before_080;

ALTER TABLE action_step RENAME TO action_step__before_080;
CREATE TABLE action_step(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, step_id VARCHAR, action_id VARCHAR NOT NULL, "position" INTEGER, kind VARCHAR, title VARCHAR NOT NULL, how VARCHAR, who VARCHAR, planned_period VARCHAR, planned_start DATE, planned_end DATE, done_on DATE, note VARCHAR, period_precision VARCHAR, PRIMARY KEY(council_id, step_id));
INSERT INTO action_step SELECT * FROM action_step__before_080;
DROP TABLE action_step__before_080;

ALTER TABLE attendance RENAME TO attendance__before_080;
CREATE TABLE attendance(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, meeting_id VARCHAR, structure_id VARCHAR, role_category VARCHAR, count INTEGER NOT NULL, note VARCHAR, PRIMARY KEY(council_id, meeting_id, structure_id, role_category));
INSERT INTO attendance SELECT * FROM attendance__before_080;
DROP TABLE attendance__before_080;

ALTER TABLE axis RENAME TO axis__before_080;
CREATE TABLE axis(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, axis_id VARCHAR, plan_id VARCHAR NOT NULL, number INTEGER, title VARCHAR NOT NULL, short_title VARCHAR, source_id VARCHAR, note VARCHAR, PRIMARY KEY(council_id, axis_id));
INSERT INTO axis SELECT * FROM axis__before_080;
DROP TABLE axis__before_080;

ALTER TABLE counted_meeting RENAME TO counted_meeting__before_080;
CREATE TABLE counted_meeting(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, count_id VARCHAR, instance_id VARCHAR NOT NULL, "year" INTEGER NOT NULL, period_label VARCHAR NOT NULL, period_start DATE, period_end DATE, meetings INTEGER, count_text VARCHAR, participants INTEGER, source_id VARCHAR, "quote" VARCHAR, note VARCHAR, PRIMARY KEY(council_id, count_id));
INSERT INTO counted_meeting SELECT * FROM counted_meeting__before_080;
DROP TABLE counted_meeting__before_080;

ALTER TABLE "event" RENAME TO event__before_080;
CREATE TABLE "event"(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, event_id VARCHAR, kind VARCHAR NOT NULL, "year" INTEGER NOT NULL, date DATE, date_precision VARCHAR, title VARCHAR, theme_id VARCHAR, "mode" VARCHAR, organiser VARCHAR, sessions_count INTEGER, partners_count INTEGER, events_count INTEGER, participants_count INTEGER, source_id VARCHAR, note VARCHAR, PRIMARY KEY(council_id, event_id));
INSERT INTO "event" SELECT * FROM event__before_080;
DROP TABLE event__before_080;

ALTER TABLE import_column_memory RENAME TO import_column_memory__before_080;
CREATE TABLE import_column_memory(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, table_name VARCHAR, header_key VARCHAR, "header" VARCHAR NOT NULL, column_name VARCHAR NOT NULL, created_at TIMESTAMP DEFAULT(current_timestamp) NOT NULL, created_by VARCHAR, PRIMARY KEY(council_id, table_name, header_key));
INSERT INTO import_column_memory SELECT * FROM import_column_memory__before_080;
DROP TABLE import_column_memory__before_080;

ALTER TABLE import_name_alias RENAME TO import_name_alias__before_080;
CREATE TABLE import_name_alias(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, "target" VARCHAR, alias_key VARCHAR, alias VARCHAR NOT NULL, row_id VARCHAR NOT NULL, created_at TIMESTAMP DEFAULT(current_timestamp) NOT NULL, created_by VARCHAR, PRIMARY KEY(council_id, "target", alias_key));
INSERT INTO import_name_alias SELECT * FROM import_name_alias__before_080;
DROP TABLE import_name_alias__before_080;

ALTER TABLE indicator RENAME TO indicator__before_080;
CREATE TABLE indicator(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, indicator_id VARCHAR, action_id VARCHAR, kind VARCHAR NOT NULL, "position" INTEGER, "label" VARCHAR NOT NULL, unit VARCHAR, "target" DOUBLE, note VARCHAR, PRIMARY KEY(council_id, indicator_id));
INSERT INTO indicator SELECT * FROM indicator__before_080;
DROP TABLE indicator__before_080;

ALTER TABLE indicator_value RENAME TO indicator_value__before_080;
CREATE TABLE indicator_value(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, indicator_id VARCHAR, period_label VARCHAR, period_start DATE, period_end DATE, "value" DOUBLE, value_text VARCHAR, source_id VARCHAR, note VARCHAR, PRIMARY KEY(council_id, indicator_id, period_label));
INSERT INTO indicator_value SELECT * FROM indicator_value__before_080;
DROP TABLE indicator_value__before_080;

ALTER TABLE instance RENAME TO instance__before_080;
CREATE TABLE instance(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, instance_id VARCHAR, "name" VARCHAR NOT NULL, kind VARCHAR NOT NULL, theme_id VARCHAR, "position" INTEGER, note VARCHAR, PRIMARY KEY(council_id, instance_id));
INSERT INTO instance SELECT * FROM instance__before_080;
DROP TABLE instance__before_080;

ALTER TABLE meeting RENAME TO meeting__before_080;
CREATE TABLE meeting(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, meeting_id VARCHAR, instance_id VARCHAR NOT NULL, date DATE NOT NULL, date_precision VARCHAR NOT NULL, "mode" VARCHAR, place VARCHAR, title VARCHAR, agenda VARCHAR, next_meeting VARCHAR, source_id VARCHAR, note VARCHAR, PRIMARY KEY(council_id, meeting_id));
INSERT INTO meeting SELECT * FROM meeting__before_080;
DROP TABLE meeting__before_080;

ALTER TABLE meeting_note RENAME TO meeting_note__before_080;
CREATE TABLE meeting_note(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, meeting_id VARCHAR, "position" INTEGER, topic VARCHAR NOT NULL, theme_id VARCHAR, kind VARCHAR NOT NULL, "text" VARCHAR NOT NULL, note VARCHAR, PRIMARY KEY(council_id, meeting_id, "position"));
INSERT INTO meeting_note SELECT * FROM meeting_note__before_080;
DROP TABLE meeting_note__before_080;

ALTER TABLE milestone RENAME TO milestone__before_080;
CREATE TABLE milestone(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, milestone_id VARCHAR, category VARCHAR NOT NULL, date_label VARCHAR NOT NULL, year_start INTEGER NOT NULL, year_end INTEGER, date DATE, date_precision VARCHAR, title VARCHAR NOT NULL, source_id VARCHAR, note VARCHAR, PRIMARY KEY(council_id, milestone_id));
INSERT INTO milestone SELECT * FROM milestone__before_080;
DROP TABLE milestone__before_080;

ALTER TABLE objective RENAME TO objective__before_080;
CREATE TABLE objective(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, objective_id VARCHAR, plan_id VARCHAR NOT NULL, axis_id VARCHAR, theme_id VARCHAR, "level" VARCHAR NOT NULL, parent_id VARCHAR, "position" INTEGER, "text" VARCHAR NOT NULL, source_id VARCHAR, note VARCHAR, PRIMARY KEY(council_id, objective_id));
INSERT INTO objective SELECT * FROM objective__before_080;
DROP TABLE objective__before_080;

ALTER TABLE plan RENAME TO plan__before_080;
CREATE TABLE plan(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, plan_id VARCHAR, "name" VARCHAR NOT NULL, short_name VARCHAR, kind VARCHAR, year_start INTEGER, year_end INTEGER, published VARCHAR, "position" INTEGER, source_id VARCHAR, note VARCHAR, PRIMARY KEY(council_id, plan_id));
INSERT INTO plan SELECT * FROM plan__before_080;
DROP TABLE plan__before_080;

ALTER TABLE proposal RENAME TO proposal__before_080;
CREATE TABLE proposal(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, proposal_id VARCHAR, plan_id VARCHAR NOT NULL, axis_id VARCHAR, theme_id VARCHAR, objective_id VARCHAR, "position" INTEGER, title VARCHAR NOT NULL, origin VARCHAR, action_id VARCHAR, source_id VARCHAR, note VARCHAR, PRIMARY KEY(council_id, proposal_id));
INSERT INTO proposal SELECT * FROM proposal__before_080;
DROP TABLE proposal__before_080;

ALTER TABLE reading RENAME TO reading__before_080;
CREATE TABLE reading(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, reading_id VARCHAR, kind VARCHAR NOT NULL, table_name VARCHAR, row_key VARCHAR, column_name VARCHAR, source_id VARCHAR, other_source_id VARCHAR, section VARCHAR, "quote" VARCHAR, reason VARCHAR NOT NULL, note VARCHAR, PRIMARY KEY(council_id, reading_id));
INSERT INTO reading SELECT * FROM reading__before_080;
DROP TABLE reading__before_080;

ALTER TABLE report_text RENAME TO report_text__before_080;
CREATE TABLE report_text(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, "year" INTEGER, section VARCHAR, "text" VARCHAR, note VARCHAR, PRIMARY KEY(council_id, section, "year"));
INSERT INTO report_text SELECT * FROM report_text__before_080;
DROP TABLE report_text__before_080;

ALTER TABLE "resource" RENAME TO resource__before_080;
CREATE TABLE "resource"(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, resource_id VARCHAR, kind VARCHAR NOT NULL, "name" VARCHAR NOT NULL, description VARCHAR, structure_id VARCHAR, publics VARCHAR, theme_id VARCHAR, commune VARCHAR, url VARCHAR, contact VARCHAR, "hours" VARCHAR, created_year INTEGER, updated_on DATE, source_id VARCHAR, note VARCHAR, PRIMARY KEY(council_id, resource_id));
INSERT INTO "resource" SELECT * FROM resource__before_080;
DROP TABLE resource__before_080;

ALTER TABLE slide_sequence RENAME TO slide_sequence__before_080;
CREATE TABLE slide_sequence(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, sequence_id VARCHAR, "name" VARCHAR NOT NULL, slides VARCHAR NOT NULL, "position" INTEGER, note VARCHAR, PRIMARY KEY(council_id, sequence_id));
INSERT INTO slide_sequence SELECT * FROM slide_sequence__before_080;
DROP TABLE slide_sequence__before_080;

ALTER TABLE structure RENAME TO structure__before_080;
CREATE TABLE structure(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, structure_id VARCHAR, "name" VARCHAR NOT NULL, acronym VARCHAR, sector VARCHAR, "type" VARCHAR, commune VARCHAR, insee_code VARCHAR, address VARCHAR, latitude DOUBLE, longitude DOUBLE, location_precision VARCHAR, founding_partner BOOLEAN, member_since INTEGER, parent_id VARCHAR, website VARCHAR, source_id VARCHAR, note VARCHAR, PRIMARY KEY(council_id, structure_id));
INSERT INTO structure SELECT * FROM structure__before_080;
DROP TABLE structure__before_080;

ALTER TABLE theme RENAME TO theme__before_080;
CREATE TABLE theme(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, theme_id VARCHAR, "name" VARCHAR NOT NULL, working_group VARCHAR, "position" INTEGER, note VARCHAR, PRIMARY KEY(council_id, theme_id));
INSERT INTO theme SELECT * FROM theme__before_080;
DROP TABLE theme__before_080;

ALTER TABLE year_validation RENAME TO year_validation__before_080;
CREATE TABLE year_validation(council_id VARCHAR DEFAULT('clsm-metz') NOT NULL, validation_id VARCHAR, "year" INTEGER NOT NULL, validated_on DATE NOT NULL, validated_by VARCHAR NOT NULL, figures VARCHAR NOT NULL, note VARCHAR, PRIMARY KEY(council_id, validation_id), UNIQUE(council_id, "year"));
INSERT INTO year_validation SELECT * FROM year_validation__before_080;
DROP TABLE year_validation__before_080;

ALTER TABLE app_user ADD COLUMN IF NOT EXISTS council_id VARCHAR DEFAULT 'clsm-metz';

CREATE VIEW v_meeting AS
SELECT
    m.*,
    i.name AS instance_name,
    i.kind AS instance_kind,
    i.theme_id AS instance_theme_id,
    year(m.date) AS year,
    (SELECT sum(att.count) FROM attendance att
     WHERE att.council_id = m.council_id AND att.meeting_id = m.meeting_id) AS participants,
    (SELECT count(DISTINCT att.structure_id) FROM attendance att
     WHERE att.council_id = m.council_id AND att.meeting_id = m.meeting_id) AS structures
FROM meeting m
JOIN instance i ON i.council_id = m.council_id AND i.instance_id = m.instance_id;

-- Who takes part in which action: the porteur and every listed partner, one row per pair.
CREATE VIEW v_action_structure AS
SELECT action_id, porteur_id AS structure_id, 'porteur' AS role, council_id FROM action WHERE porteur_id IS NOT NULL
UNION
SELECT action_id, structure_id, role, council_id FROM action_partner;

CREATE VIEW v_action_status_record AS
SELECT action_id, status_after AS status, coalesce(date, make_date(year, 12, 31)) AS on_date,
       date_precision, 'réalisation' AS origin, realisation_id AS ref, source_id, quote, note, council_id
FROM action_realisation WHERE status_after IS NOT NULL
UNION ALL
SELECT action_id, status, date AS on_date, date_precision, 'historique' AS origin, NULL AS ref, source_id, quote, note,
       council_id
FROM action_status;

CREATE VIEW v_action_status_now AS
SELECT action_id, arg_max(status, on_date) AS status, max(on_date) AS on_date,
       arg_max(origin, on_date) AS origin, council_id
FROM v_action_status_record GROUP BY council_id, action_id;

CREATE VIEW v_action AS
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
    (SELECT count(*) FROM action_realisation r
     WHERE r.council_id = a.council_id AND r.action_id = a.action_id) AS realisations
FROM action a
JOIN plan p ON p.council_id = a.council_id AND p.plan_id = a.plan_id
LEFT JOIN axis ax ON ax.council_id = a.council_id AND ax.axis_id = a.axis_id
LEFT JOIN theme th ON th.council_id = a.council_id AND th.theme_id = a.theme_id
LEFT JOIN structure s ON s.council_id = a.council_id AND s.structure_id = a.porteur_id
LEFT JOIN v_action_status_now sn ON sn.council_id = a.council_id AND sn.action_id = a.action_id;
