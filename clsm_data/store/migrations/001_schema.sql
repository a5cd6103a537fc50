-- 001: the data model of DESIGN.md. Columns mirror clsm_data/tables.py (a test keeps them in step).
-- References are checked by the loader and the importer, not by FOREIGN KEY constraints,
-- because DuckDB refuses updates of referenced rows that imports need.

CREATE TABLE source_document (
    source_id VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    published VARCHAR,
    note VARCHAR,
    PRIMARY KEY (source_id)
);

CREATE TABLE council (
    council_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    territory VARCHAR,
    carrier VARCHAR,
    note VARCHAR,
    PRIMARY KEY (council_id)
);

CREATE TABLE theme (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    theme_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    working_group VARCHAR,
    position INTEGER,
    note VARCHAR,
    PRIMARY KEY (theme_id)
);

CREATE TABLE structure (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    structure_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    acronym VARCHAR,
    sector VARCHAR,
    type VARCHAR,
    commune VARCHAR,
    insee_code VARCHAR,
    address VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    location_precision VARCHAR,
    founding_partner BOOLEAN,
    member_since INTEGER,
    parent_id VARCHAR,
    website VARCHAR,
    source_id VARCHAR,
    note VARCHAR,
    PRIMARY KEY (structure_id)
);

CREATE TABLE plan (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    plan_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    short_name VARCHAR,
    kind VARCHAR,
    year_start INTEGER,
    year_end INTEGER,
    published VARCHAR,
    position INTEGER,
    source_id VARCHAR,
    note VARCHAR,
    PRIMARY KEY (plan_id)
);

CREATE TABLE axis (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    axis_id VARCHAR NOT NULL,
    plan_id VARCHAR NOT NULL,
    number INTEGER,
    title VARCHAR NOT NULL,
    short_title VARCHAR,
    source_id VARCHAR,
    note VARCHAR,
    PRIMARY KEY (axis_id)
);

CREATE TABLE objective (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    objective_id VARCHAR NOT NULL,
    plan_id VARCHAR NOT NULL,
    axis_id VARCHAR,
    theme_id VARCHAR,
    level VARCHAR NOT NULL,
    parent_id VARCHAR,
    position INTEGER,
    text VARCHAR NOT NULL,
    source_id VARCHAR,
    note VARCHAR,
    PRIMARY KEY (objective_id)
);

CREATE TABLE action (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    action_id VARCHAR NOT NULL,
    plan_id VARCHAR NOT NULL,
    axis_id VARCHAR,
    theme_id VARCHAR,
    objective_id VARCHAR,
    sheet_number VARCHAR,
    position INTEGER,
    title VARCHAR NOT NULL,
    origin VARCHAR,
    status VARCHAR,
    typology VARCHAR,
    duration VARCHAR,
    territory VARCHAR,
    publics VARCHAR,
    people_concerned VARCHAR,
    porteur_id VARCHAR,
    pilot VARCHAR,
    period_label VARCHAR,
    start_date DATE,
    end_date DATE,
    budget_eur DOUBLE,
    budget_note VARCHAR,
    funders VARCHAR,
    follow_up VARCHAR,
    context VARCHAR,
    description VARCHAR,
    evaluation_method VARCHAR,
    health_determinants VARCHAR,
    public_policies VARCHAR,
    reduces_inequalities BOOLEAN,
    participatory BOOLEAN,
    updated_on DATE,
    source_id VARCHAR,
    note VARCHAR,
    PRIMARY KEY (action_id)
);

CREATE TABLE action_partner (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    action_id VARCHAR NOT NULL,
    structure_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    note VARCHAR,
    PRIMARY KEY (action_id, structure_id, role)
);

CREATE TABLE action_step (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    step_id VARCHAR NOT NULL,
    action_id VARCHAR NOT NULL,
    position INTEGER,
    kind VARCHAR,
    title VARCHAR NOT NULL,
    how VARCHAR,
    who VARCHAR,
    planned_period VARCHAR,
    planned_start DATE,
    planned_end DATE,
    done_on DATE,
    note VARCHAR,
    PRIMARY KEY (step_id)
);

CREATE TABLE indicator (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    indicator_id VARCHAR NOT NULL,
    action_id VARCHAR,
    kind VARCHAR NOT NULL,
    position INTEGER,
    label VARCHAR NOT NULL,
    unit VARCHAR,
    target DOUBLE,
    note VARCHAR,
    PRIMARY KEY (indicator_id)
);

CREATE TABLE indicator_value (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    indicator_id VARCHAR NOT NULL,
    period_label VARCHAR NOT NULL,
    period_start DATE,
    period_end DATE,
    value DOUBLE,
    value_text VARCHAR,
    source_id VARCHAR,
    note VARCHAR,
    PRIMARY KEY (indicator_id, period_label)
);

CREATE TABLE instance (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    instance_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    theme_id VARCHAR,
    position INTEGER,
    note VARCHAR,
    PRIMARY KEY (instance_id)
);

CREATE TABLE meeting (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    meeting_id VARCHAR NOT NULL,
    instance_id VARCHAR NOT NULL,
    date DATE NOT NULL,
    date_precision VARCHAR NOT NULL,
    mode VARCHAR,
    place VARCHAR,
    title VARCHAR,
    agenda VARCHAR,
    next_meeting VARCHAR,
    source_id VARCHAR,
    note VARCHAR,
    PRIMARY KEY (meeting_id)
);

CREATE TABLE attendance (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    meeting_id VARCHAR NOT NULL,
    structure_id VARCHAR NOT NULL,
    role_category VARCHAR NOT NULL,
    count INTEGER NOT NULL,
    note VARCHAR,
    PRIMARY KEY (meeting_id, structure_id, role_category)
);

CREATE TABLE meeting_note (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    meeting_id VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    topic VARCHAR NOT NULL,
    theme_id VARCHAR,
    kind VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    note VARCHAR,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE event (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    event_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    date DATE,
    date_precision VARCHAR,
    title VARCHAR,
    theme_id VARCHAR,
    mode VARCHAR,
    organiser VARCHAR,
    sessions_count INTEGER,
    partners_count INTEGER,
    events_count INTEGER,
    participants_count INTEGER,
    source_id VARCHAR,
    note VARCHAR,
    PRIMARY KEY (event_id)
);

CREATE TABLE resource (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    resource_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    description VARCHAR,
    structure_id VARCHAR,
    publics VARCHAR,
    theme_id VARCHAR,
    commune VARCHAR,
    url VARCHAR,
    contact VARCHAR,
    hours VARCHAR,
    created_year INTEGER,
    updated_on DATE,
    source_id VARCHAR,
    note VARCHAR,
    PRIMARY KEY (resource_id)
);

CREATE TABLE milestone (
    council_id VARCHAR NOT NULL DEFAULT 'clsm-metz',
    milestone_id VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    date_label VARCHAR NOT NULL,
    year_start INTEGER NOT NULL,
    year_end INTEGER,
    date DATE,
    date_precision VARCHAR,
    title VARCHAR NOT NULL,
    source_id VARCHAR,
    note VARCHAR,
    PRIMARY KEY (milestone_id)
);

CREATE TABLE commune (
    insee_code VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    epci VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    note VARCHAR,
    PRIMARY KEY (insee_code)
);

CREATE TABLE audit_log (
    audit_id BIGINT PRIMARY KEY,
    logged_at TIMESTAMP NOT NULL,
    actor VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    operation VARCHAR NOT NULL,
    table_name VARCHAR,
    rows_added INTEGER NOT NULL DEFAULT 0,
    rows_updated INTEGER NOT NULL DEFAULT 0,
    rows_deleted INTEGER NOT NULL DEFAULT 0,
    origin VARCHAR,
    detail VARCHAR
);
CREATE SEQUENCE audit_seq START 1;

CREATE TABLE build_info (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);
