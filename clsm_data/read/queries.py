"""Named queries: each takes a connection (or cursor) and plain arguments, returns a DataFrame."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from clsm_data.core.config import current_council
from clsm_data.core.errors import QueryError
from clsm_data.core.tables import ACTION_STATUSES, ROLE_CATEGORIES
from clsm_data.read.filters import Filters, action_where, counted_where, meeting_where
from clsm_data.read.filters import where as family_where
from clsm_data.read.privacy import SENSITIVE

STATUS_ORDER = list(ACTION_STATUSES) + ["non renseigné"]
ROLE_ORDER = list(ROLE_CATEGORIES)


def run(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pd.DataFrame:
    """Run one bound query; DuckDB errors become QueryError with a French message."""
    try:
        return con.execute(sql, params or []).df()
    except duckdb.Error as exc:
        raise QueryError(
            "La lecture des données a échoué.", "Rechargez la page ; si cela persiste, prévenez le coordinateur."
        ) from exc


def _participants(alias: str, hide_sensitive: bool) -> str:
    """SQL for a meeting's participant count; without service users and carers when they must be hidden.

    Masked views show those counts as "< 11"; a total that includes them would let a reader
    subtract them back, so masked views use totals without them (and say so).
    """
    if not hide_sensitive:
        return f"{alias}.participants"
    hidden = ", ".join(f"'{r}'" for r in SENSITIVE)  # code constants, not user input
    return (
        f"CASE WHEN {alias}.participants IS NULL THEN NULL ELSE coalesce((SELECT sum(att.count) FROM attendance att "
        f"WHERE att.council_id = {alias}.council_id AND att.meeting_id = {alias}.meeting_id "
        f"AND att.role_category NOT IN ({hidden})), 0) END"
    )


# ---------------------------------------------------------------- reference lists (filters)


def plans(con) -> pd.DataFrame:
    """Plans in display order: plan_id, name, short_name, year_start, year_end, actions."""
    return run(
        con,
        "SELECT p.plan_id, p.name, coalesce(p.short_name, p.name) AS short_name, p.year_start, p.year_end, "
        "(SELECT count(*) FROM action a WHERE a.council_id = p.council_id AND a.plan_id = p.plan_id) AS actions "
        "FROM plan p WHERE p.council_id = ? ORDER BY p.position NULLS LAST, p.name",
        [current_council()],
    )


def axes(con, plan_id: str | None = None) -> pd.DataFrame:
    """Axes (of one plan, or all): axis_id, plan_id, number, title, short_title."""
    sql = (
        "SELECT axis_id, plan_id, number, title, coalesce(short_title, title) AS short_title FROM axis "
        "WHERE council_id = ? AND (? IS NULL OR plan_id = ?) ORDER BY plan_id, number"
    )
    return run(con, sql, [current_council(), plan_id, plan_id])


def themes(con) -> pd.DataFrame:
    """Themes in display order: theme_id, name, working_group."""
    return run(con, "SELECT theme_id, name, working_group FROM theme WHERE council_id = ? ORDER BY position NULLS LAST, name",
               [current_council()])


def structures(con) -> pd.DataFrame:
    """Every structure: id, name, acronym, sector, type, commune, label (acronym or name)."""
    return run(
        con,
        "SELECT structure_id, name, acronym, sector, type, commune, parent_id, founding_partner, "
        "coalesce(acronym, name) AS label FROM structure WHERE council_id = ? ORDER BY name",
        [current_council()],
    )


def sectors(con) -> pd.DataFrame:
    """Sectors present in the structure table with their structure count."""
    return run(
        con,
        "SELECT coalesce(sector, 'non renseigné') AS sector, count(*) AS structures FROM structure WHERE council_id = ? "
        "GROUP BY 1 ORDER BY 1",
        [current_council()],
    )


# ---------------------------------------------------------------- overview


def headline(con, f: Filters, hide_sensitive: bool = False) -> dict:
    """Headline figures for the overview (participants without service users and carers if hide_sensitive).

    Returns:
        dict with actions, realised, planned (actions with a status other than idée/abandonnée),
        by_status (DataFrame), structures (involved in the filtered actions), meetings (dated) and
        participants in the period (participants None when no attendance is recorded), events,
        meetings_counted (meetings the documents count for a period without dates, never added to
        `meetings`) and counts_without_number (« plusieurs fois »). Statuses are those v_action
        shows: the latest status the record establishes (realisations, status history), else the
        sheet's own.
    """
    where, params = action_where(f)
    by_status = run(con, f"SELECT status_label AS status, count(*) AS n FROM v_action a WHERE {where} GROUP BY 1", params)
    by_status["order"] = by_status["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    by_status = by_status.sort_values("order").drop(columns="order").reset_index(drop=True)
    counts = dict(zip(by_status["status"], by_status["n"], strict=True))
    structures_n = con.execute(
        f"SELECT count(DISTINCT s.structure_id) FROM v_action_structure s WHERE s.council_id = ? "
        f"AND s.action_id IN (SELECT a.action_id FROM v_action a WHERE {where})",
        [f.council_id, *params],
    ).fetchone()[0]
    mwhere, mparams = meeting_where(f)
    meetings_n, participants = con.execute(
        f"SELECT count(*), sum({_participants('m', hide_sensitive)}) FROM v_meeting m WHERE {mwhere}", mparams
    ).fetchone()
    # The overview counts the period's events whatever their theme (the events list applies it).
    ewhere, eparams = family_where("events", f, skip=("theme",))
    events_n = con.execute(f"SELECT count(*) FROM event e WHERE {ewhere}", eparams).fetchone()[0]
    planned = sum(n for s, n in counts.items() if s in ("conception", "mise en œuvre", "réalisée", "reportée"))

    cwhere, cparams = counted_where(f)
    counted_n, uncounted_n = con.execute(
        f"SELECT coalesce(sum(c.meetings), 0), count(*) FILTER (WHERE c.meetings IS NULL) FROM counted_meeting c WHERE {cwhere}",
        cparams,
    ).fetchone()
    return {
        "actions": int(by_status["n"].sum()) if len(by_status) else 0,
        "realised": int(counts.get("réalisée", 0)),
        "planned": int(planned),
        "by_status": by_status,
        "structures": int(structures_n),
        "meetings": int(meetings_n),
        "participants": None if participants is None else int(participants),
        "events": int(events_n),
        "meetings_counted": int(counted_n),
        "counts_without_number": int(uncounted_n),
    }


def milestones(con, f: Filters | None = None) -> pd.DataFrame:
    """The council's history: category, date_label, year_start, year_end, title."""
    hwhere, params = family_where("history", f or Filters())
    return run(
        con,
        "SELECT h.milestone_id, h.category, h.date_label, h.year_start, coalesce(h.year_end, h.year_start) AS year_end, "
        f"h.date, h.title, h.note FROM milestone h WHERE {hwhere} "
        "ORDER BY h.year_start, coalesce(h.date, make_date(h.year_start, 1, 1)), h.milestone_id",
        params,
    )


def changes_since(
    con, since: dt.date, council_id: str | None = None, hide_sensitive: bool = False, rows: int = 200
) -> dict:
    """What changed after `since`: counts, and the first `rows` meetings held.

    Returns:
        dict with meetings (DataFrame, at most `rows`), and the counts meetings_n, events_n,
        actions_n (actions added, changed or deleted by a write after `since`, from the change sets
        of the audit log, or whose sheet says it was updated after `since`), writes_n (imports and
        edits in the audit log).
    """
    council = council_id or Filters().council_id
    meetings = run(
        con,
        f"SELECT date, date_precision, instance_name, title, {_participants('m', hide_sensitive)} AS participants "
        "FROM v_meeting m WHERE council_id = ? AND date > ? ORDER BY date, meeting_id LIMIT ?",
        [council, since, rows],
    )
    counts = con.execute(
        "SELECT (SELECT count(*) FROM v_meeting WHERE council_id = ? AND date > ?), "
        "(SELECT count(*) FROM event WHERE council_id = ? AND coalesce(date, make_date(year, 12, 31)) > ?), "
        # A status changed by an import or an edit counts even without a typed « mis à jour le ».
        "(SELECT count(*) FROM (SELECT action_id FROM action WHERE council_id = ? AND updated_on > ? UNION "
        "SELECT json_extract_string(c.row_key, '$[0]') FROM change_row c JOIN audit_log a USING (audit_id) "
        "WHERE c.council_id = ? AND c.table_name = 'action' AND a.logged_at > ?) AS changed), "
        "(SELECT count(*) FROM audit_log WHERE council_id = ? AND operation <> 'build' AND logged_at > ?)",
        [council, since, council, since, council, since, council, since, council, since],
    ).fetchone()
    return {"meetings": meetings} | dict(zip(("meetings_n", "events_n", "actions_n", "writes_n"), counts, strict=True))


def last_meeting_date(con, kind: str = "copil", council_id: str | None = None) -> dt.date | None:
    """Date of the latest meeting of an instance kind (the last COPIL by default)."""
    row = con.execute(
        "SELECT max(date) FROM v_meeting WHERE instance_kind = ? AND council_id = ?",
        [kind, council_id or Filters().council_id],
    ).fetchone()
    return row[0] if row else None


# ---------------------------------------------------------------- progress


def progress(con, f: Filters, by: str = "axis") -> pd.DataFrame:
    """Actions per axis (or theme) and status, with the share of each status in its group.

    Args:
        by: "axis" or "theme".
    Returns:
        group_id, group_label, group_order, status, n, total, share (0..1).
    """
    if by not in ("axis", "theme"):
        raise ValueError(by)
    where, params = action_where(f)
    if by == "axis" and f.plan_id is None:
        # Several plans: axis numbers repeat across them, so each axis says its plan.
        gid = "a.axis_id"
        label = ("a.plan_short || ' · ' || coalesce('Axe ' || a.axis_number || ' – ' || a.axis_short, "
                 "'Rubrique ' || a.axis_short, 'sans axe')")
        order = "a.plan_position * 100000 + coalesce(a.axis_number * 1000, a.position, 99999)"
    elif by == "axis":
        gid, label, order = "a.axis_id", ("coalesce('Axe ' || a.axis_number || ' – ' || a.axis_short, 'Rubrique ' || a.axis_short, 'Sans axe')"), (
            "coalesce(a.axis_number * 1000, a.position, 99999)")
    else:
        gid, label, order = "a.theme_id", "coalesce(a.theme_name, 'Sans thématique')", "a.theme_position"
    sql = (
        f"SELECT {gid} AS group_id, {label} AS group_label, min({order}) AS group_order, "
        f"a.status_label AS status, count(*) AS n FROM v_action a WHERE {where} GROUP BY 1, 2, 4"
    )
    df = run(con, sql, params)
    if df.empty:
        return df.assign(total=pd.Series(dtype="int64"), share=pd.Series(dtype="float64"))
    df["total"] = df.groupby("group_label")["n"].transform("sum")
    df["share"] = df["n"] / df["total"]
    df["status_order"] = df["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    return df.sort_values(["group_order", "group_label", "status_order"]).drop(columns="status_order").reset_index(drop=True)


def actions(con, f: Filters, search: str | None = None, limit: int = 2000) -> pd.DataFrame:
    """Actions matching the filters and an optional text (title, sheet number, porteur, partner)."""
    where, params = action_where(f)
    if search:
        needle = f"%{search.strip().lower()}%"
        where += (
            " AND (lower(a.title) LIKE ? OR lower(coalesce(a.sheet_number, '')) = ? OR lower(coalesce(a.porteur_name, '')) LIKE ?"
            " OR lower(coalesce(a.theme_name, '')) LIKE ? OR a.action_id IN (SELECT vs.action_id FROM v_action_structure vs "
            "JOIN structure s USING (council_id, structure_id) WHERE vs.council_id = a.council_id "
            "AND (lower(s.name) LIKE ? OR lower(coalesce(s.acronym, '')) LIKE ?)))"
        )
        params += [needle, search.strip().lower().lstrip("n°").strip(), needle, needle, needle, needle]
    sql = (
        "SELECT a.action_id, a.sheet_number, a.title, a.plan_short, a.axis_number, a.axis_short, a.theme_name, "
        "a.origin, a.status_label AS status, a.porteur_name, a.start_date, a.end_date, a.period_label "
        f"FROM v_action a WHERE {where} ORDER BY a.plan_position, a.axis_number NULLS LAST, a.position NULLS LAST, a.action_id LIMIT ?"
    )
    return run(con, sql, params + [limit])


def timeline(con, f: Filters) -> pd.DataFrame:
    """Dated actions for a Gantt chart: action_id, label, status, start_date, end_date, plan."""
    where, params = action_where(f)
    return run(
        con,
        "SELECT a.action_id, coalesce('Fiche ' || a.sheet_number || ' – ', '') || a.title AS label, a.status_label AS status, "
        "a.start_date, a.end_date, a.plan_short FROM v_action a "
        f"WHERE {where} AND a.start_date IS NOT NULL AND a.end_date IS NOT NULL ORDER BY a.start_date, a.action_id LIMIT 500",
        params,
    )


def action_sheet(con, action_id: str) -> dict:
    """Everything about one action: the sheet, objectives, steps, partners, indicators and values."""
    council = current_council()
    sheet = run(con, "SELECT * FROM v_action WHERE council_id = ? AND action_id = ?", [council, action_id])
    if sheet.empty:
        return {}
    row = sheet.iloc[0].to_dict()
    objectives = run(
        con,
        "WITH RECURSIVE up(objective_id, parent_id, level, text, depth) AS ("
        " SELECT objective_id, parent_id, level, text, 0 FROM objective WHERE council_id = ? AND objective_id = ?"
        " UNION ALL SELECT o.objective_id, o.parent_id, o.level, o.text, up.depth + 1 FROM objective o"
        " JOIN up ON o.objective_id = up.parent_id WHERE o.council_id = ?) SELECT level, text FROM up ORDER BY depth DESC",
        [council, row.get("objective_id"), council],
    )
    operational = run(
        con,
        "SELECT text FROM objective WHERE council_id = ? AND parent_id = ? AND level = 'opérationnel' "
        "ORDER BY position, objective_id",
        [council, row.get("objective_id")],
    )
    steps = run(
        con,
        "SELECT position, kind, title, how, who, planned_period, planned_start, planned_end, done_on, note "
        "FROM action_step WHERE council_id = ? AND action_id = ? ORDER BY position NULLS LAST, step_id",
        [council, action_id],
    )
    partners = run(
        con,
        "SELECT s.structure_id, s.name, s.acronym, s.sector, vs.role FROM v_action_structure vs "
        "JOIN structure s USING (council_id, structure_id) WHERE vs.council_id = ? AND vs.action_id = ? "
        "ORDER BY vs.role = 'porteur' DESC, s.name, vs.role",
        [council, action_id],
    )
    indicators = run(
        con,
        "SELECT indicator_id, kind, label, unit, target FROM indicator WHERE council_id = ? AND action_id = ? "
        "ORDER BY kind, position",
        [council, action_id],
    )
    values = run(
        con,
        "SELECT v.indicator_id, i.label, v.period_label, v.period_start, v.value, v.value_text, v.source_id "
        "FROM indicator_value v JOIN indicator i USING (council_id, indicator_id) WHERE i.council_id = ? AND i.action_id = ? "
        "ORDER BY v.indicator_id, v.period_start",
        [council, action_id],
    )
    return {
        "action": row,
        "objectives": objectives,
        "operational": operational,
        "steps": steps,
        "partners": partners,
        "indicators": indicators,
        "values": values,
    }


# ---------------------------------------------------------------- participation


def meetings(con, f: Filters, hide_sensitive: bool = False) -> pd.DataFrame:
    """Meetings matching the filters: date, precision, instance, mode, place, title, participants."""
    where, params = meeting_where(f)
    return run(
        con,
        "SELECT meeting_id, date, date_precision, instance_id, instance_name, instance_kind, mode, place, title, "
        f"{_participants('m', hide_sensitive)} AS participants, structures FROM v_meeting m WHERE {where} ORDER BY date, meeting_id",
        params,
    )


COUNTED_SUFFIX = ", comptées sans date"


def meetings_per_year(con, f: Filters) -> pd.DataFrame:
    """Meetings per year and instance: dated meetings, and counts for a period without dates.

    Returns:
        year, instance_name, instance_kind, meetings, counted (False: dated meetings counted one by
        one; True: a number the documents give for a period, e.g. « En 2021, 26 réunions », its
        series named « Réunions de groupes, comptées sans date »). A count without a number (« plusieurs fois ») is
        left out here: see `counted_meetings`.
    """

    where, params = meeting_where(f)
    cwhere, cparams = counted_where(f)
    counted_name = "CASE WHEN i.kind = 'groupe' THEN 'Réunions de groupes' ELSE i.name END"
    return run(
        con,
        "SELECT year, CASE WHEN counted THEN instance_name || ? ELSE instance_name END AS instance_name, instance_kind, "
        "meetings, counted FROM ("
        "SELECT m.year, m.instance_name, m.instance_kind, count(*) AS meetings, false AS counted FROM v_meeting m "
        f"WHERE {where} GROUP BY m.year, m.instance_name, m.instance_kind "
        f"UNION ALL SELECT c.year, {counted_name}, i.kind, sum(c.meetings)::BIGINT, true FROM counted_meeting c "
        f"JOIN instance i USING (council_id, instance_id) WHERE {cwhere} AND c.meetings IS NOT NULL GROUP BY c.year, {counted_name}, i.kind"
        ") per ORDER BY year, counted, instance_name",
        [COUNTED_SUFFIX, *params, *cparams],
    )


def attendance_by_role(con, f: Filters) -> pd.DataFrame:
    """Attendance summed per role category over the filtered meetings: role_category, count."""
    where, params = meeting_where(f)
    df = run(
        con,
        "SELECT att.role_category, sum(att.count) AS count, count(DISTINCT att.meeting_id) AS meetings FROM attendance att "
        f"JOIN v_meeting m USING (council_id, meeting_id) WHERE {where} GROUP BY 1",
        params,
    )
    df["order"] = df["role_category"].map({r: i for i, r in enumerate(ROLE_ORDER)})
    return df.sort_values("order").drop(columns="order").reset_index(drop=True)


def attendance_by_sector(con, f: Filters, hide_sensitive: bool = False) -> pd.DataFrame:
    """Attendance per sector of the structures present: sector, structures, count.

    With hide_sensitive, service users and carers are left out (their counts are masked elsewhere,
    and per-sector sums would give them back).
    """
    where, params = meeting_where(f)
    if hide_sensitive:
        where += " AND att.role_category NOT IN (" + ", ".join("?" for _ in SENSITIVE) + ")"
        params = [*params, *SENSITIVE]
    return run(
        con,
        "SELECT coalesce(s.sector, 'non renseigné') AS sector, count(DISTINCT att.structure_id) AS structures, "
        "sum(att.count) AS count FROM attendance att JOIN v_meeting m USING (council_id, meeting_id) "
        f"JOIN structure s USING (council_id, structure_id) WHERE {where} GROUP BY 1 ORDER BY count DESC, sector",
        params,
    )


def attendance_detail(con, meeting_id: str) -> pd.DataFrame:
    """One meeting's attendance: structure, sector, role_category, count."""
    return run(
        con,
        "SELECT coalesce(s.acronym, s.name) AS structure, s.sector, att.role_category, att.count FROM attendance att "
        "JOIN structure s USING (council_id, structure_id) WHERE att.council_id = ? AND att.meeting_id = ? "
        "ORDER BY s.sector, structure, att.role_category",
        [current_council(), meeting_id],
    )


def events(con, f: Filters, kind: str | None = None) -> pd.DataFrame:
    """Events (SISM editions, awareness sessions…) of the period, optionally of one kind."""
    ewhere, params = family_where("events", f)
    if kind:
        ewhere += " AND e.kind = ?"
        params.append(kind)
    return run(
        con,
        "SELECT event_id, kind, year, date, date_precision, title, theme_id, mode, organiser, sessions_count, "
        f"partners_count, events_count, participants_count, note FROM event e WHERE {ewhere} "
        "ORDER BY e.year, e.date NULLS FIRST, e.event_id",
        params,
    )


def indicator_values(con, indicator_ids: list[str]) -> pd.DataFrame:
    """Values of the given indicators: indicator_id, label, period_label, value, value_text, source."""
    return run(
        con,
        "SELECT i.indicator_id, i.label, i.kind, v.period_label, v.period_start, v.value, v.value_text, v.source_id "
        "FROM indicator i LEFT JOIN indicator_value v USING (council_id, indicator_id) "
        "WHERE i.council_id = ? AND list_contains(?, i.indicator_id) ORDER BY i.position, v.period_start",
        [current_council(), indicator_ids],
    )


def actors_typology(con, f: Filters) -> pd.DataFrame:
    """Distinct structures present in meetings per sector and instance kind (sheet n°15 indicator)."""
    where, params = meeting_where(f)
    return run(
        con,
        "SELECT m.instance_name, coalesce(s.sector, 'non renseigné') AS sector, count(DISTINCT att.structure_id) AS structures "
        f"FROM attendance att JOIN v_meeting m USING (council_id, meeting_id) JOIN structure s USING (council_id, structure_id) WHERE {where} "
        "GROUP BY m.instance_name, coalesce(s.sector, 'non renseigné') ORDER BY structures DESC",
        params,
    )


# ---------------------------------------------------------------- partners and resources


def structure_points(con, f: Filters) -> pd.DataFrame:
    """Structures with a known place: own coordinates, else their commune's (precision says which)."""
    sql = (
        "SELECT s.structure_id, s.name, coalesce(s.acronym, s.name) AS label, coalesce(s.sector, 'non renseigné') AS sector, "
        "s.type, s.commune, coalesce(s.latitude, c.latitude) AS latitude, coalesce(s.longitude, c.longitude) AS longitude, "
        "CASE WHEN s.latitude IS NOT NULL THEN coalesce(s.location_precision, 'adresse') "
        "WHEN c.latitude IS NOT NULL THEN 'commune' END AS precision, "
        "(SELECT count(DISTINCT vs.action_id) FROM v_action_structure vs WHERE vs.council_id = s.council_id "
        "AND vs.structure_id = s.structure_id) AS actions "
        "FROM structure s LEFT JOIN commune c ON c.insee_code = s.insee_code OR (s.insee_code IS NULL AND lower(c.name) = lower(s.commune)) "
        "WHERE {where} ORDER BY s.name"
    )
    swhere, params = family_where("structures", f)
    return run(con, sql.format(where=swhere), params)


def communes(con) -> pd.DataFrame:
    """Communes with coordinates (the offline base layer of the maps)."""
    return run(
        con,
        "SELECT insee_code, name, epci, latitude, longitude FROM commune WHERE latitude IS NOT NULL ORDER BY name",
    )


def collaborations(con, f: Filters) -> pd.DataFrame:
    """Pairs of structures working on the same actions: a, b, labels, sectors, shared, actions."""
    where, params = action_where(f)
    return run(
        con,
        "WITH pairs AS (SELECT x.structure_id AS a, y.structure_id AS b, x.action_id FROM v_action_structure x "
        "JOIN v_action_structure y ON x.council_id = y.council_id AND x.action_id = y.action_id "
        "AND x.structure_id < y.structure_id "
        f"WHERE x.council_id = ? AND x.action_id IN (SELECT a.action_id FROM v_action a WHERE {where})) "
        "SELECT p.a, p.b, coalesce(sa.acronym, sa.name) AS a_label, coalesce(sb.acronym, sb.name) AS b_label, "
        "sa.sector AS a_sector, sb.sector AS b_sector, count(DISTINCT p.action_id) AS shared, "
        "string_agg(DISTINCT coalesce('Fiche ' || ac.sheet_number, ac.action_id), ', ') AS actions "
        "FROM pairs p JOIN structure sa ON sa.council_id = ? AND sa.structure_id = p.a "
        "JOIN structure sb ON sb.council_id = ? AND sb.structure_id = p.b "
        "JOIN action ac ON ac.council_id = ? AND ac.action_id = p.action_id "
        "GROUP BY p.a, p.b, coalesce(sa.acronym, sa.name), coalesce(sb.acronym, sb.name), "
        "sa.sector, sb.sector ORDER BY shared DESC, a_label, b_label LIMIT 2000",
        [f.council_id, *params, f.council_id, f.council_id, f.council_id],
    )


def resources(
    con, search: str | None = None, public: str | None = None, theme_id: str | None = None, commune: str | None = None,
    kind: str | None = None, council_id: str | None = None,
) -> pd.DataFrame:
    """The resource directory and coordination tools, searchable by text, public, theme and commune."""
    rwhere, params = family_where("resources", Filters(council_id=council_id or Filters().council_id, theme_id=theme_id or None))
    clauses = [rwhere]
    if search:
        needle = f"%{search.strip().lower()}%"
        clauses.append(
            "(lower(r.name) LIKE ? OR lower(coalesce(r.description, '')) LIKE ? OR lower(coalesce(s.name, '')) LIKE ? "
            "OR lower(coalesce(r.publics, '')) LIKE ?)"
        )
        params += [needle] * 4
    if public:
        clauses.append("lower(coalesce(r.publics, '')) LIKE ?")
        params.append(f"%{public.strip().lower()}%")
    if commune:
        clauses.append("coalesce(r.commune, s.commune) = ?")
        params.append(commune)
    if kind:
        clauses.append("r.kind = ?")
        params.append(kind)
    return run(
        con,
        "SELECT r.resource_id, r.kind, r.name, r.description, r.publics, t.name AS theme, coalesce(s.acronym, s.name) AS structure, "
        "coalesce(r.commune, s.commune) AS commune, r.url, r.contact, r.hours, r.created_year, r.updated_on, "
        "coalesce(s.latitude, c.latitude) AS latitude, coalesce(s.longitude, c.longitude) AS longitude "
        "FROM resource r LEFT JOIN structure s USING (council_id, structure_id) LEFT JOIN theme t ON t.council_id = r.council_id "
        "AND t.theme_id = r.theme_id "
        "LEFT JOIN commune c ON lower(c.name) = lower(coalesce(r.commune, s.commune)) "
        f"WHERE {' AND '.join(clauses)} ORDER BY r.kind, r.name",
        params,
    )


def build_info(con) -> dict[str, str]:
    """When and from what the file was built."""
    return dict(con.execute("SELECT key, value FROM build_info").fetchall())


# ---------------------------------------------------------------- realised work, counts without dates


def realisations(con, action_id: str | None = None, f: Filters | None = None) -> pd.DataFrame:
    """What realises each action: one row per realisation (event, milestone, resource) with its date and quote.

    Args:
        action_id: one action, or None for every action matching `f`.
    Returns:
        realisation_id, action_id, action_label, kind, ref_label (the event, milestone or resource),
        year, date, date_precision, quantity, unit, status_after, source_id, quote, note.
    """
    f = f or Filters()
    where, params = action_where(f)
    return run(
        con,
        "SELECT r.realisation_id, r.action_id, coalesce('Fiche ' || a.sheet_number || ' – ', '') || a.title AS action_label, "
        "r.kind, coalesce(e.title || ' (' || e.kind || ')', m.title, res.name) AS ref_label, r.year, r.date, r.date_precision, "
        "r.quantity, r.unit, r.status_after, r.source_id, r.quote, r.note FROM action_realisation r "
        "JOIN v_action a ON a.council_id = r.council_id AND a.action_id = r.action_id "
        "LEFT JOIN event e ON e.council_id = r.council_id AND e.event_id = r.event_id "
        "LEFT JOIN milestone m ON m.council_id = r.council_id AND m.milestone_id = r.milestone_id "
        "LEFT JOIN resource res ON res.council_id = r.council_id AND res.resource_id = r.resource_id "
        f"WHERE (? IS NULL OR r.action_id = ?) AND {where} "
        "ORDER BY a.plan_position, a.action_id, coalesce(r.date, make_date(r.year, 12, 31)), r.realisation_id",
        [action_id, action_id, *params],
    )


def counted_meetings(con, f: Filters | None = None) -> pd.DataFrame:
    """Meetings known only by a count for a period (no dates): year, instance_name, period_label, meetings,
    count_text, participants, source_id, quote, note. `meetings` is empty when the document gives no number."""

    f = f or Filters()
    where, params = counted_where(f)
    return run(
        con,
        "SELECT c.count_id, c.year, i.name AS instance_name, c.period_label, c.meetings, c.count_text, c.participants, "
        f"c.source_id, c.quote, c.note FROM counted_meeting c JOIN instance i USING (council_id, instance_id) WHERE {where} "
        "ORDER BY c.year, c.count_id",
        params,
    )


def status_history(con, action_id: str) -> pd.DataFrame:
    """An action's statuses over time: on_date, status, origin (réalisation / historique), source, quote, note."""
    return run(
        con,
        "SELECT on_date, date_precision, status, origin, source_id, quote, note FROM v_action_status_record "
        "WHERE council_id = ? AND action_id = ? ORDER BY on_date",
        [current_council(), action_id],
    )


def missing_data(con, council_id: str | None = None) -> dict:
    """What is missing, as work the coordinator can do: one frame per kind of gap, and the totals.

    Returns:
        dict with structures (no commune), meetings (no attendance), actions (no status), indicators
        (no value), events (no participant count), each a DataFrame, and totals {kind: rows of that table}.
    """
    council = council_id or Filters().council_id
    out = {
        "structures": run(
            con, "SELECT structure_id, name, sector FROM structure WHERE council_id = ? AND commune IS NULL "
                 "AND insee_code IS NULL ORDER BY name", [council]),
        "meetings": run(
            con, "SELECT meeting_id, date, date_precision, instance_name, title FROM v_meeting m WHERE council_id = ? "
                 "AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.council_id = m.council_id AND a.meeting_id = m.meeting_id) "
                 "ORDER BY date, meeting_id", [council]),
        "actions": run(
            con, "SELECT action_id, sheet_number, title, plan_short FROM v_action WHERE council_id = ? "
                 "AND status_label = 'non renseigné' ORDER BY plan_position, action_id", [council]),
        "indicators": run(
            con, "SELECT i.indicator_id, i.kind, i.label, a.sheet_number FROM indicator i LEFT JOIN action a USING (council_id, action_id) "
                 "WHERE i.council_id = ? AND NOT EXISTS (SELECT 1 FROM indicator_value v WHERE v.council_id = i.council_id "
                 "AND v.indicator_id = i.indicator_id "
                 "AND (v.value IS NOT NULL OR v.value_text IS NOT NULL)) ORDER BY a.sheet_number, i.position", [council]),
        "events": run(
            con, "SELECT event_id, kind, year, title FROM event WHERE council_id = ? AND participants_count IS NULL "
                 "ORDER BY year, event_id", [council]),
    }
    totals = con.execute(
        "SELECT (SELECT count(*) FROM structure WHERE council_id = $c), (SELECT count(*) FROM meeting WHERE council_id = $c), "
        "(SELECT count(*) FROM action WHERE council_id = $c), (SELECT count(*) FROM indicator WHERE council_id = $c), "
        "(SELECT count(*) FROM event WHERE council_id = $c)",
        {"c": council},
    ).fetchone()
    out["totals"] = dict(zip(("structures", "meetings", "actions", "indicators", "events"), totals, strict=True))
    return out


def realisation_targets(con, council_id: str | None = None) -> dict[str, dict[str, str]]:
    """What a realisation may point to, for the coordinator's form: {kind: {id: label}}."""
    council = council_id or Filters().council_id
    ev = con.execute("SELECT event_id, year || ' · ' || kind || ' · ' || coalesce(title, '') FROM event "
                     "WHERE council_id = ? ORDER BY year DESC, event_id", [council]).fetchall()
    ms = con.execute("SELECT milestone_id, date_label || ' · ' || title FROM milestone WHERE council_id = ? "
                     "ORDER BY year_start DESC, milestone_id", [council]).fetchall()
    rs = con.execute("SELECT resource_id, kind || ' · ' || name FROM resource WHERE council_id = ? ORDER BY kind, name",
                     [council]).fetchall()
    return {"événement": dict(ev), "étape du CLSM": dict(ms), "ressource": dict(rs)}


def proposals(con, f: Filters) -> pd.DataFrame:
    """The proposals of a brainstorm (« pistes ») matching the plan, axis and theme filters: never actions.

    Returns:
        proposal_id, title, origin, plan_short, axis_number, axis_short, theme_name, became (the action it became).
    """
    pwhere, params = family_where("proposals", f)
    return run(
        con,
        "SELECT p.proposal_id, p.title, p.origin, pl.short_name AS plan_short, ax.number AS axis_number, "
        "coalesce(ax.short_title, ax.title) AS axis_short, th.name AS theme_name, a.title AS became "
        "FROM proposal p JOIN plan pl USING (council_id, plan_id) LEFT JOIN axis ax USING (council_id, axis_id) LEFT JOIN theme th USING (council_id, theme_id) "
        f"LEFT JOIN action a ON a.council_id = p.council_id AND a.action_id = p.action_id WHERE {pwhere} "
        "ORDER BY ax.number NULLS LAST, p.position NULLS LAST, p.proposal_id",
        params,
    )


def council_names(con) -> dict[str, str]:
    """council id -> name, of every council of the database, by name (names are no council's secret)."""
    return dict(con.execute("SELECT council_id, name FROM council ORDER BY name, council_id").fetchall())
