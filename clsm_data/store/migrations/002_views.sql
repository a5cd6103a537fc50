-- 002: views holding the joins every screen shares, so queries do not paste the same CTEs.

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
    coalesce(a.status, 'non renseigné') AS status_label,
    year(a.start_date) AS year_start,
    year(a.end_date) AS year_end
FROM action a
JOIN plan p USING (plan_id)
LEFT JOIN axis ax USING (axis_id)
LEFT JOIN theme th USING (theme_id)
LEFT JOIN structure s ON s.structure_id = a.porteur_id;

CREATE VIEW v_meeting AS
SELECT
    m.*,
    i.name AS instance_name,
    i.kind AS instance_kind,
    i.theme_id AS instance_theme_id,
    year(m.date) AS year,
    (SELECT sum(att.count) FROM attendance att WHERE att.meeting_id = m.meeting_id) AS participants,
    (SELECT count(DISTINCT att.structure_id) FROM attendance att WHERE att.meeting_id = m.meeting_id) AS structures
FROM meeting m
JOIN instance i USING (instance_id);

-- Who takes part in which action: the porteur and every listed partner, one row per pair.
CREATE VIEW v_action_structure AS
SELECT action_id, porteur_id AS structure_id, 'porteur' AS role FROM action WHERE porteur_id IS NOT NULL
UNION
SELECT action_id, structure_id, role FROM action_partner;
