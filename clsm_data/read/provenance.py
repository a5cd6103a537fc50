"""Provenance of every value: where each seeded row comes from, the readings made, and the sources of a figure.

The build fills the `provenance` table from the seed files (one row per seeded row: its document and
section, a short quote from its note; one more row per reading). Imports and edits are read from the
audit log by the view `v_provenance`. `figure_sources` answers « D'où vient ce chiffre ? » for each
headline figure and chart.
"""

from __future__ import annotations

import re

import duckdb
import pandas as pd

from clsm_data.core.tables import TABLES
from clsm_data.read.filters import Filters, action_where, counted_where, meeting_where, where

KINDS = {
    "document": "Fait écrit dans un document",
    "lecture": "Lecture (interprétation) faite à la transcription",
    "saisie": "Saisi dans l'application",
    "import": "Importé d'un fichier",
}

# Seed folders name their document: 003_fiche_32 -> doc-003.
_FOLDER = re.compile(r"(?:^|/)(\d{3})_[^/]+/")
_QUOTE = re.compile(r"«\s*([^»]{3,200}?)\s*»")
# A note that states a reading: « lu … », « lue … », « lecture », « laissé vide », « lu comme ».
_READING = re.compile(r"\b(lue?s?|lecture|laissée? vide|interpr[ée]t)", re.IGNORECASE)

# Where a table's rows sit in each document (section names as the documents write them).
SECTIONS: dict[tuple[str, str], str] = {
    ("doc-000", "plan"): "Pistes d'actions des groupes projets",
    ("doc-000", "axis"): "Axes et objectifs identifiés par thématique",
    ("doc-000", "objective"): "Axes et objectifs identifiés par thématique",
    ("doc-000", "action"): "Pistes d'actions par axe et thématique",
    ("doc-001", "plan"): "Objectifs stratégiques",
    ("doc-001", "axis"): "Objectifs stratégiques",
    ("doc-001", "objective"): "Objectifs stratégiques",
    ("doc-001", "meeting"): "Animation de la concertation",
    ("doc-001", "resource"): "Outils de coordination",
    ("doc-001", "action"): "Avancée des projets",
    ("doc-001", "action_realisation"): "Avancée des projets",
    ("doc-001", "counted_meeting"): "Logement et santé mentale",
    ("doc-002", "meeting"): "En-tête du compte rendu",
    ("doc-002", "attendance"): "Participants",
    ("doc-002", "meeting_note"): "Discussion",
    ("doc-002", "action"): "Discussion (programme d'actions 2022)",
    ("doc-002", "indicator_value"): "Groupes thématiques",
    ("doc-002", "counted_meeting"): "Discussion",
    ("doc-002", "action_realisation"): "Coordination dans le cadre du CLSM",
    ("doc-002", "resource"): "Discussion (informations)",
    ("doc-002", "event"): "Enfance/parentalité",
    ("doc-003", "action"): "Fiche 32",
    ("doc-003", "action_step"): "Fiche 32 – Descriptif",
    ("doc-003", "action_partner"): "Fiche 32 – Porteur et partenaires",
    ("doc-003", "indicator"): "Fiche 32 – Modalités d'évaluation",
    ("doc-004", "action"): "Fiche n°15",
    ("doc-004", "action_step"): "Fiche n°15 – Description",
    ("doc-004", "action_partner"): "Fiche n°15 – Porteur et partenaires",
    ("doc-004", "indicator"): "Fiche n°15 – Modalités d'évaluation",
}
_EVENT_SECTIONS = {"SISM": "Semaines d'information sur la santé mentale", "sensibilisation": "Sensibilisation en santé mentale"}
_MILESTONE_SECTIONS = {
    "historique": "Étapes de mise en œuvre",
    "logement": "Logement et santé mentale",
    "contribution": "Contributions du CLSM",
    "thématiques": "5 thématiques en réflexion (2020)",
}
# Tables that describe the app itself or the documents, not facts: no provenance row.
_SKIP = {"source_document", "council", "commune", "reading"}
_READING_KIND_WORD = {"écart": "Écart entre documents", "correction": "Correction", "lecture": "Lecture"}


def row_key(table: str, row: dict) -> str:
    """The key of a row as provenance stores it: key values joined by « | »."""
    return "|".join(str(row[k]) for k in TABLES[table].key)


def _section(source: str | None, table: str, row: dict) -> str | None:
    if table == "event" and source == "doc-001":
        return _EVENT_SECTIONS.get(row.get("kind"))
    if table == "milestone":
        return _MILESTONE_SECTIONS.get(row.get("category"))
    return SECTIONS.get((source, table)) if source else None


def _quote(row: dict) -> str | None:
    if row.get("quote"):
        return str(row["quote"])[:300]
    m = _QUOTE.search(str(row.get("note") or ""))
    return f"« {m.group(1)} »" if m else None


def seed_rows(data) -> list[tuple]:
    """Provenance rows for a checked seed (the result of seed.read_seed): one per seeded row, one per reading.

    Returns:
        tuples (table_name, row_key, column_name, kind, source_id, section, quote, reason, seed_file).
    """
    out: list[tuple] = []
    # A row a reading of common/reading.csv already explains gets no second reading from its note.
    explained = {(r["table_name"], r["row_key"]) for r in data["reading"].rows}
    for name, seed in data.items():
        if name in _SKIP:
            continue
        for row, (file, line) in zip(seed.rows, seed.origins, strict=True):
            folder = _FOLDER.search(file.replace("\\", "/"))
            source = row.get("source_id") or (f"doc-{folder.group(1)}" if folder else None)
            key = row_key(name, row)
            where = f"{file}, ligne {line}"
            note = str(row.get("note") or "")
            if source is None:  # common/ reference lists (themes, instances) drawn from several documents
                reason = "Liste de référence établie à la transcription à partir de plusieurs documents" + (
                    f" ; {note}" if note else "")
                out.append((name, key, "*", "lecture", None, None, _quote(row), reason[:600], where))
                continue
            out.append((name, key, "*", "document", source, _section(source, name, row), _quote(row), None, where))
            if note and _READING.search(note) and (name, key) not in explained:
                out.append((name, key, "*", "lecture", source, _section(source, name, row), _quote(row), note[:600], where))
    for row, (file, line) in zip(data["reading"].rows, data["reading"].origins, strict=True):
        reason = f"{_READING_KIND_WORD[row['kind']]} : {row['reason']}"
        out.append((row["table_name"] or "*", row["row_key"] or "*", row["column_name"] or "*", "lecture",
                    row["source_id"], row["section"], row["quote"], reason, f"{file}, ligne {line}"))
    return out


def fill(con: duckdb.DuckDBPyConnection, data) -> int:
    """Write the seed's provenance rows (inside the build's transaction). Returns how many."""
    rows = seed_rows(data)
    con.execute("DELETE FROM provenance")
    if rows:
        con.executemany("INSERT INTO provenance (table_name, row_key, column_name, kind, source_id, section, quote, reason, "
                        "seed_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def fill_existing(con: duckdb.DuckDBPyConnection, data) -> int:
    """After a migration in place (a file holding edits is never rebuilt): provenance for the seeded rows it holds.

    Rows the file lacks (added to the seed since its build) get none; imports and edits are in the audit log.
    Returns how many rows were written.
    """
    keep = []
    present: dict[str, set[str]] = {}
    for row in seed_rows(data):
        table, key = row[0], row[1]
        if key == "*" or table not in TABLES:
            keep.append(row)
            continue
        if table not in present:
            cols = " || '|' || ".join(f'CAST("{k}" AS VARCHAR)' for k in TABLES[table].key)
            present[table] = {r[0] for r in con.execute(f"SELECT {cols} FROM {table}").fetchall()}  # names from TABLES
        if key in present[table]:
            keep.append(row)
    con.execute("DELETE FROM provenance")
    if keep:
        con.executemany("INSERT INTO provenance (table_name, row_key, column_name, kind, source_id, section, quote, reason, "
                        "seed_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", keep)
    return len(keep)


# ---------------------------------------------------------------- the sources of a figure

PLANNED = ("conception", "mise en œuvre", "réalisée", "reportée")

# What each headline figure and chart of the app counts, in words (shown above its sources).
FIGURES: dict[str, str] = {
    "actions": "Les actions engagées du plan retenu (le plan choisi, sinon le plan en vigueur) ; les pistes d'un "
               "remue-méninges n'y sont jamais comptées.",
    "realised": "Les actions du plan prévues dans la période (en conception, en œuvre, réalisées ou reportées) et, parmi "
                "elles, celles au statut « réalisée » : le statut suit ce qui est enregistré comme les réalisant "
                "(sessions, éditions, outils, conventions), sinon celui écrit sur la fiche.",
    "planned": "Les actions prévues : en conception, en œuvre, réalisées ou reportées (hors idées et abandons).",
    "structures": "Les porteurs et partenaires des actions retenues.",
    "meetings": "Les réunions datées de la période (COPIL, plénières, groupes…).",
    "counted": "Les réunions connues par un décompte sur une période, sans dates : jamais ajoutées en silence aux réunions datées.",
    "participants": "Les présences comptées par structure et catégorie aux réunions datées de la période.",
    "events": "Les SISM, sessions de sensibilisation et séminaires de la période.",
    "events_since": "Les SISM, sessions de sensibilisation et séminaires datés après ce jour (un événement daté de "
                    "sa seule année compte jusqu'au 31 décembre).",
    "status_chart": "Les actions retenues, par statut.",
    "meetings_chart": "Les réunions datées par année et instance, et les décomptes sans date.",
    "sism_chart": "Les éditions des Semaines d'information sur la santé mentale.",
    "actions_updated": "Les actions ajoutées, modifiées (statut compris) ou supprimées après la date choisie, d'après "
                       "le journal, et celles dont la fiche dit « mise à jour le » après cette date.",
    "writes": "Les imports, saisies et modifications inscrits au journal (qui, quand, quel fichier).",
}
# The figures of « Ce qui a changé depuis… »: their filters start the day after the chosen date
# (app.py: period_start = since + 1 day), and they count what was written *after* that date.
SINCE = ("events_since", "actions_updated", "writes")


def _since(f: Filters):
    """The date « Ce qui a changé depuis » was asked for (its filters start the day after), or None."""
    import datetime as dt

    return f.period_start - dt.timedelta(days=1) if f.period_start is not None else None


def _planned_actions(con, f: Filters) -> pd.DataFrame:
    """The plan's actions in the period, as the headline statements count them (statements.actions, .realised):
    action_id, status, planned (engaged), realised (its record says « réalisée » within the period)."""
    from clsm_data.read import statements

    sc = statements.scope(con, f)
    if sc is None:
        return pd.DataFrame({"action_id": [], "status": [], "planned": [], "realised": []})
    df = statements._plan_actions(con, f, sc)
    df = df[statements._in_period(df, sc["start"], sc["end"])].copy()
    df["planned"] = df["status"].isin(statements.ENGAGED)
    done = statements._realised_in(con, df.loc[df["planned"], "action_id"].tolist(), sc["start"], sc["end"],
                                      f.council_id)
    df["realised"] = df["action_id"].isin(done)
    return df[["action_id", "status", "planned", "realised"]]


def _frame(table: str, keys, n=1) -> pd.DataFrame:
    keys = [str(k) for k in keys]
    return pd.DataFrame({"table_name": [table] * len(keys), "row_key": keys,
                         "n": list(n) if not isinstance(n, int) else [n] * len(keys)})


def _rowset(figure: str, f: Filters) -> tuple[str, list]:
    """SQL selecting (table_name, row_key, n) of the rows a figure counts, and its parameters: the figure is
    sum(n) (1 per row, a meeting's participants, a count's number of meetings; 0 for a row that only
    backs another). Figures counted by the headline statements (actions, realised, planned) are not SQL:
    see figure_rows."""

    aw, ap = action_where(f)
    actions = f"SELECT a.action_id FROM v_action a WHERE {aw}"
    mw, mp = meeting_where(f)
    ew, ep = where("events", f, skip=("theme",))  # as the overview counts them: whatever their theme
    events = f"SELECT e.event_id FROM event e WHERE {ew}"
    since = _since(f)
    if figure == "status_chart":  # the chart draws queries.headline / queries.progress: every action of the filters
        return f"SELECT 'action', a.action_id, 1 FROM v_action a WHERE {aw}", ap
    if figure == "structures":
        return (
            "SELECT DISTINCT 'structure', s.structure_id, 1 FROM v_action_structure s "
            f"WHERE s.council_id = ? AND s.action_id IN ({actions})",
            [f.council_id, *ap],
        )
    if figure == "meetings":
        return f"SELECT 'meeting', m.meeting_id, 1 FROM v_meeting m WHERE {mw}", mp
    if figure == "counted":  # a count row stands for its number of meetings (« 26 réunions en 2021 »)
        cw, cp = counted_where(f)
        return f"SELECT 'counted_meeting', c.count_id, coalesce(c.meetings, 0) FROM counted_meeting c WHERE {cw}", cp
    if figure == "meetings_chart":
        cw, cp = counted_where(f)
        return (
            f"SELECT 'meeting', m.meeting_id, 1 FROM v_meeting m WHERE {mw} UNION ALL "
            f"SELECT 'counted_meeting', c.count_id, c.meetings FROM counted_meeting c WHERE {cw} AND c.meetings IS NOT NULL",
            mp + cp,
        )
    if figure == "participants":  # each meeting's participants (the total the overview sums), its attendance behind it
        return (
            f"SELECT 'meeting', m.meeting_id, m.participants FROM v_meeting m WHERE {mw} AND m.participants IS NOT NULL "
            "UNION ALL SELECT 'attendance', att.meeting_id || '|' || att.structure_id || '|' || att.role_category, 0 "
            f"FROM attendance att JOIN v_meeting m USING (council_id, meeting_id) WHERE {mw} AND m.participants IS NOT NULL",
            mp + mp,
        )
    if figure == "events":
        return f"SELECT 'event', event_id, 1 FROM ({events}) ev", ep
    if figure == "events_since":  # queries.changes_since: a year-only event counts up to 31 December
        return ("SELECT 'event', e.event_id, 1 FROM event e WHERE e.council_id = ? "
                "AND (?::DATE IS NULL OR coalesce(e.date, make_date(e.year, 12, 31)) > ?::DATE)",
                [f.council_id, since, since])
    if figure == "actions_updated":  # queries.changes_since: the sheet's « mise à jour le », and the journal's change sets
        return (
            "SELECT DISTINCT 'action', action_id, 1 FROM (SELECT action_id FROM action WHERE council_id = ? "
            "AND (?::DATE IS NULL OR updated_on > ?::DATE) UNION SELECT json_extract_string(c.row_key, '$[0]') "
            "FROM change_row c JOIN audit_log a USING (audit_id) WHERE c.council_id = ? AND c.table_name = 'action' "
            "AND (?::DATE IS NULL OR a.logged_at > ?::DATE)) changed",
            [f.council_id, since, since, f.council_id, since, since],
        )
    if figure == "writes":  # queries.changes_since: every write of the journal but the build
        return (
            "SELECT 'audit_log', CAST(audit_id AS VARCHAR), 1 FROM audit_log WHERE council_id = ? AND operation <> 'build' "
            "AND (?::DATE IS NULL OR logged_at > ?::DATE)",
            [f.council_id, since, since],
        )
    if figure == "sism_chart":
        return f"SELECT 'event', event_id, 1 FROM ({events} AND e.kind = 'SISM') ev", ep
    raise ValueError(figure)


def figure_rows(con, figure: str, f: Filters | None = None) -> pd.DataFrame:
    """The rows a headline figure counts: the figure is their sum of `n`, and they are its sources.

    Args:
        figure: a key of FIGURES.
        f: the filters the figure was computed with.
    Returns:
        table_name, row_key, n (how much the row adds to the figure: 1 for a counted row, a meeting's
        participants, a count's meetings; 0 for a row shown as a source but not counted, such as a
        planned action not yet realised behind « réalisées / prévues »).
    Raises:
        ValueError: an unknown figure.
    """
    f = f or Filters()
    if figure in ("actions", "planned", "realised"):
        df = _planned_actions(con, f)
        if figure == "actions":
            return _frame("action", df["action_id"])
        df = df[df["planned"]]
        return _frame("action", df["action_id"], df["realised"].astype(int) if figure == "realised" else 1)
    sql, params = _rowset(figure, f)
    out = con.execute(f"SELECT * FROM ({sql}) x(table_name, row_key, n)", params).df()
    out["n"] = out["n"].fillna(0).astype("int64")
    return out


def figure_count(con, figure: str, f: Filters | None = None) -> int:
    """The figure `figure_rows` gives the sources of: the sum of its rows' `n`."""
    return int(figure_rows(con, figure, f)["n"].sum())


def figure_sources(con, figure: str, f: Filters | None = None) -> pd.DataFrame:
    """Where a headline figure or chart comes from.

    Args:
        figure: a key of FIGURES.
        f: the filters the figure was computed with.
    Returns:
        kind (document / lecture / saisie / import), source_id, document (title or file), section,
        quote, reason, rows (how many counted rows this source gives), at (date of a write),
        one line per document and section, per reading, per import or edit.
    """
    f = f or Filters()
    counted = figure_rows(con, figure, f)
    params = [counted["table_name"].tolist(), counted["row_key"].tolist(), *[f.council_id] * 4]
    sql = """
    WITH rows(table_name, row_key) AS (SELECT DISTINCT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])),
    docs AS (
        SELECT p.table_name, p.source_id, p.section, count(DISTINCT p.row_key) AS n,
               string_agg(DISTINCT p.quote, ' · ') FILTER (WHERE p.quote IS NOT NULL) AS quotes
        FROM provenance p JOIN rows r ON r.table_name = p.table_name AND r.row_key = p.row_key
        WHERE p.council_id = ? AND p.kind = 'document' GROUP BY p.table_name, p.source_id, p.section
    ),
    readings AS (
        SELECT DISTINCT p.table_name, p.source_id, p.section, p.quote, p.reason
        FROM provenance p
        WHERE p.council_id = ? AND p.kind = 'lecture' AND (
            (p.row_key <> '*' AND EXISTS (SELECT 1 FROM rows r WHERE r.table_name = p.table_name AND r.row_key = p.row_key))
            OR (p.row_key = '*' AND EXISTS (SELECT 1 FROM docs d WHERE d.table_name = p.table_name
                                            AND d.source_id = p.source_id)))
    ),
    writes AS (
        SELECT DISTINCT v.kind, v.table_name, v.origin, v.section, v.reason, v.logged_at, v.role
        FROM v_provenance v WHERE v.council_id = ? AND v.kind IN ('saisie', 'import')
          AND v.table_name IN (SELECT DISTINCT table_name FROM rows)
        UNION
        -- the journal's own entries (the « writes » figure counts them): each one, whatever table it wrote
        SELECT CASE WHEN a.operation = 'import' THEN 'import' ELSE 'saisie' END, trim(t.name), a.origin, a.operation,
               a.detail, a.logged_at, a.role
        FROM audit_log a, unnest(string_split(coalesce(a.table_name, ''), ',')) AS t(name)
        WHERE a.council_id = ? AND CAST(a.audit_id AS VARCHAR) IN (SELECT row_key FROM rows WHERE table_name = 'audit_log')
    )
    SELECT 'document' AS kind, d.source_id, coalesce(sd.title, d.source_id) AS document, d.section,
           d.quotes AS quote, NULL AS reason, d.n AS rows, NULL::TIMESTAMP AS at, d.table_name
    FROM docs d LEFT JOIN source_document sd USING (source_id)
    UNION ALL
    SELECT 'lecture', r.source_id, coalesce(sd.title, r.source_id), r.section, r.quote, r.reason, NULL, NULL, r.table_name
    FROM readings r LEFT JOIN source_document sd USING (source_id)
    UNION ALL
    SELECT w.kind, NULL, w.origin, w.section, NULL, 'par le rôle ' || w.role, NULL, w.logged_at, w.table_name
    FROM writes w
    ORDER BY 1, 2 NULLS LAST, 9, 4
    """
    try:
        df = con.execute(sql, params).df()
    except duckdb.Error as exc:
        from clsm_data.core.errors import QueryError

        raise QueryError("Les sources de ce chiffre n'ont pas pu être lues.", "Rechargez la page.") from exc
    df["table"] = df["table_name"].map(lambda t: TABLES[t].label if t in TABLES else t)
    return df.drop(columns="table_name")


# ---------------------------------------------------------------- the Sources page


def _council_sources() -> str:
    """SQL of the source ids a council's rows cite or its seed quotes come from (one `?`, the council, per table):
    the documents are shared by every council of a database, each council's Sources page lists its own."""
    citing = [name for name, t in TABLES.items() if t.council_scoped and any(c.ref == "source_document" for c in t.cols)]
    return " UNION ".join(f"SELECT source_id FROM {name} WHERE council_id = ?" for name in [*citing, "provenance"])


def _council_sources_params(council: str) -> list[str]:
    return [council] * (_council_sources().count("?"))


def documents(con, council_id: str | None = None) -> pd.DataFrame:
    """The council's documents with what came from each: source_id, title, published, file, rows."""
    council = council_id or Filters().council_id
    return con.execute(
        f"""
        WITH per AS (SELECT source_id, table_name, count(DISTINCT row_key) AS n FROM provenance
                     WHERE council_id = ? AND kind = 'document' GROUP BY source_id, table_name)
        SELECT sd.source_id, sd.title, sd.published, sd.file, coalesce(sum(per.n), 0)::INTEGER AS rows
        FROM source_document sd LEFT JOIN per USING (source_id)
        WHERE sd.source_id IN ({_council_sources()})
        GROUP BY sd.source_id, sd.title, sd.published, sd.file ORDER BY sd.source_id
        """, [council, *_council_sources_params(council)]
    ).df()


def counts_by_document(con, council_id: str | None = None) -> pd.DataFrame:
    """Rows per document and table: source_id, table_name, rows."""
    df = con.execute(
        "SELECT source_id, table_name, count(DISTINCT row_key) AS rows FROM provenance WHERE council_id = ? "
        "AND kind = 'document' AND source_id IS NOT NULL GROUP BY source_id, table_name "
        "ORDER BY source_id, rows DESC, table_name", [council_id or Filters().council_id]
    ).df()
    df["table"] = df["table_name"].map(lambda t: TABLES[t].label if t in TABLES else t)
    return df


def readings(con, kind: str | None = None) -> pd.DataFrame:
    """The readings, clashes and corrections recorded in the seed (table `reading`)."""
    return con.execute(
        "SELECT r.reading_id, r.kind, r.table_name, r.row_key, r.column_name, r.source_id, r.other_source_id, "
        "r.section, r.quote, r.reason FROM reading r WHERE r.council_id = ? AND (? IS NULL OR r.kind = ?) "
        "ORDER BY r.kind, r.reading_id",
        [Filters().council_id, kind, kind],
    ).df()


def note_readings(con) -> pd.DataFrame:
    """Readings stated in the notes of seeded rows, counted per document and table."""
    df = con.execute(
        "SELECT source_id, table_name, count(*) AS rows FROM provenance WHERE council_id = ? AND kind = 'lecture' "
        "AND seed_file NOT LIKE '%reading.csv%' GROUP BY source_id, table_name ORDER BY source_id, rows DESC, table_name",
        [Filters().council_id],
    ).df()
    df["table"] = df["table_name"].map(lambda t: TABLES[t].label if t in TABLES else t)
    return df


def writes(con, limit: int = 200) -> pd.DataFrame:
    """Imports and edits made in the app (from the audit log): kind, table, origin, role, at."""
    return con.execute(
        "SELECT kind, table_name, origin, section AS operation, role, logged_at FROM v_provenance "
        "WHERE council_id = ? AND kind IN ('saisie', 'import') ORDER BY logged_at DESC LIMIT ?",
        [Filters().council_id, int(limit)],
    ).df()
