"""The yearly follow-up of each action: dated status history, a comment per year, and the years the COPIL validated.

A validated year is a dated snapshot of that year's figures (JSON in `year_validation`): imports and
edits never touch that table (it is not importable nor editable), so the annual report and the
presentations read the same figures whatever is written later. Every write goes through
`writes.apply_plan`: the writer lock, one transaction, one audit row, a check after COMMIT.
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb

from clsm_data.core.config import current_council
from clsm_data.core.errors import (
    AlreadyValidatedError,  # noqa: F401 (re-exported)
    ClsmError,
)
from clsm_data.core.roles import Caller, require_coordinator
from clsm_data.core.tables import ACTION_STATUSES, TABLES
from clsm_data.read import queries
from clsm_data.read.filters import Filters
from clsm_data.store.db import table_checksums
from clsm_data.store.writes import ImportPlan, ImportResult, TableChange, apply_plan


def _apply(con, caller: Caller, operation: str, origin: str, changes: dict[str, tuple[list[dict], list[tuple[dict, dict]]]]
           ) -> ImportResult:
    """Plan rows added / updated per table and write them through the one write door."""
    plan = ImportPlan(
        origin=origin,
        changes={
            name: TableChange(name, TABLES[name].col_names, added=added, updated=updated)
            for name, (added, updated) in changes.items()
        },
        base=table_checksums(con, list(changes)),
        operation=operation,
    )
    return apply_plan(con, caller, plan, backup=False)


def _row(con, table: str, where: str, params: list) -> dict | None:
    cols = TABLES[table].col_names
    got = con.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE council_id = ? AND ({where})",
                      [current_council(), *params]).fetchone()
    return dict(zip(cols, got, strict=True)) if got else None


# ---------------------------------------------------------------- status history and comments


def set_status(con, caller: Caller, action_id: str, status: str, on: dt.date | None = None, note: str | None = None
               ) -> ImportResult:
    """Record an action's status at a date (the history keeps every earlier one) and write it on the action.

    Args:
        con: a read-write connection or a cursor of the app's process connection.
        caller: must be a coordinator.
        action_id: the action.
        status: one of ACTION_STATUSES.
        on: the date the status holds from (today by default).
        note: why (free text).
    Returns:
        ImportResult (one audit row « suivi : statut »).
    Raises:
        PermissionDenied, ClsmError (unknown action or status), ConflictError, WriteNotSavedError.
    """
    require_coordinator(caller)
    if status not in ACTION_STATUSES:
        raise ClsmError(f"« {status} » n'est pas un statut connu.", "Statuts : " + ", ".join(ACTION_STATUSES) + ".")
    before = _row(con, "action", "action_id = ?", [action_id])
    if before is None:
        raise ClsmError(f"L'action « {action_id} » n'existe pas.")
    on = on or dt.date.today()
    history = {"action_id": action_id, "date": on, "date_precision": "jour", "status": status, "source_id": None,
               "quote": None, "note": note}
    if _row(con, "action_status", "action_id = ? AND date = ? AND status = ?", [action_id, on, status]):
        raise ClsmError(f"Ce statut est déjà enregistré pour cette action au {on.strftime('%d/%m/%Y')}.")
    changes: dict = {"action_status": ([history], [])}
    if before["status"] != status:
        changes["action"] = ([], [(before, before | {"status": status})])
    return _apply(con, caller, "suivi : statut", "suivi annuel des actions", changes)


def set_comment(con, caller: Caller, action_id: str, year: int, comment: str) -> ImportResult:
    """Write (or replace) the short comment of an action for a year.

    Raises:
        PermissionDenied, AlreadyValidatedError (the year is validated: its comments are frozen),
        ClsmError (empty comment, unknown action), ConflictError, WriteNotSavedError.
    """
    require_coordinator(caller)
    comment = (comment or "").strip()
    if not comment:
        raise ClsmError("Le commentaire est vide.", "Écrivez une ou deux phrases sur l'année de cette action.")
    if _row(con, "action", "action_id = ?", [action_id]) is None:
        raise ClsmError(f"L'action « {action_id} » n'existe pas.")
    if validated_year(con, year) is not None:
        raise AlreadyValidatedError(f"L'année {year} est validée par le COPIL : ses commentaires sont figés.")
    row = {"action_id": action_id, "year": int(year), "comment": comment, "note": None}
    before = _row(con, "action_comment", "action_id = ? AND year = ?", [action_id, int(year)])
    changes = {"action_comment": ([], [(before, row)]) if before else ([row], [])}
    return _apply(con, caller, "suivi : commentaire", "suivi annuel des actions", changes)


def add_realisation(con, caller: Caller, action_id: str, *, year: int, event_id: str | None = None,
                    milestone_id: str | None = None, resource_id: str | None = None, date: dt.date | None = None,
                    quantity: int | None = None, unit: str | None = None, status_after: str | None = None,
                    note: str | None = None) -> ImportResult:
    """Link an action to what realises it (one event, milestone or resource), entered in the app.

    Raises:
        PermissionDenied, ClsmError (unknown action or reference, not exactly one reference, bad
        status), ConflictError, WriteNotSavedError.
    """
    require_coordinator(caller)
    refs = {"event": event_id, "milestone": milestone_id, "resource": resource_id}
    given = {k: v for k, v in refs.items() if v}
    if len(given) != 1:
        raise ClsmError("Une réalisation renvoie à un seul événement, une seule étape ou une seule ressource.",
                        "Choisissez l'un des trois.")
    (table, ref), = given.items()
    if _row(con, "action", "action_id = ?", [action_id]) is None:
        raise ClsmError(f"L'action « {action_id} » n'existe pas.")
    if _row(con, table, f"{table}_id = ?", [ref]) is None:
        raise ClsmError(f"« {ref} » ne correspond à aucune ligne de la table {TABLES[table].label}.")
    if status_after is not None and status_after not in ACTION_STATUSES:
        raise ClsmError(f"« {status_after} » n'est pas un statut connu.")
    kind = {"event": "événement", "milestone": "jalon", "resource": "ressource"}[table]
    n = con.execute("SELECT count(*) FROM action_realisation WHERE council_id = ? AND action_id = ?",
                    [current_council(), action_id]).fetchone()[0]
    row = {c: None for c in TABLES["action_realisation"].col_names} | {
        "realisation_id": f"r-{action_id}-saisie-{n + 1}", "action_id": action_id, "kind": kind,
        f"{table}_id": ref, "year": int(year), "date": date, "date_precision": "jour" if date else None,
        "quantity": quantity, "unit": unit or None, "status_after": status_after, "note": note or None,
    }
    while _row(con, "action_realisation", "realisation_id = ?", [row["realisation_id"]]):
        n += 1
        row["realisation_id"] = f"r-{action_id}-saisie-{n + 1}"
    return _apply(con, caller, "suivi : réalisation", "suivi annuel des actions", {"action_realisation": ([row], [])})


# ---------------------------------------------------------------- the figures of a year, and their validation


def year_figures(con, year: int) -> dict:
    """The figures of one year as they stand now (what a validation freezes).

    Returns:
        dict: year, actions / realised / planned / structures / meetings (dated) / meetings_counted /
        participants / events (the overview's headline for that year), by_status {status: n},
        meetings_by_instance {instance: n}, counted_meetings [...], indicators [{indicator_id, label,
        value, value_text}], realisations [{action_id, what, quantity, unit}], comments {action_id: text}.
    """
    f = Filters(period_start=dt.date(year, 1, 1), period_end=dt.date(year, 12, 31))
    h = queries.headline(con, f)
    out = {k: h[k] for k in ("actions", "realised", "planned", "structures", "meetings", "meetings_counted",
                             "participants", "events")}
    out["year"] = int(year)
    out["by_status"] = {str(s): int(n) for s, n in zip(h["by_status"]["status"], h["by_status"]["n"], strict=True)}
    per = queries.meetings_per_year(con, f)
    out["meetings_by_instance"] = {str(r.instance_name): int(r.meetings) for r in per.itertuples()}
    counted = queries.counted_meetings(con, f)
    out["counted_meetings"] = [
        {"instance": r.instance_name, "period": r.period_label, "meetings": None if r.meetings != r.meetings else int(r.meetings),
         "text": r.count_text} for r in counted.itertuples()
    ]
    vals = con.execute(
        "SELECT v.indicator_id, i.label, v.value, v.value_text FROM indicator_value v "
        "JOIN indicator i USING (council_id, indicator_id) "
        "WHERE v.council_id = ? AND (v.period_label = ? OR year(v.period_start) = ?) ORDER BY v.indicator_id",
        [f.council_id, str(year), year],
    ).fetchall()
    out["indicators"] = [{"indicator_id": a, "label": b, "value": c, "value_text": d} for a, b, c, d in vals]
    real = con.execute(
        "SELECT r.action_id, coalesce(e.title, m.title, res.name), r.quantity, r.unit FROM action_realisation r "
        "LEFT JOIN event e USING (council_id, event_id) LEFT JOIN milestone m USING (council_id, milestone_id) "
        "LEFT JOIN resource res USING (council_id, resource_id) "
        "WHERE r.council_id = ? AND r.year = ? ORDER BY r.action_id, r.realisation_id",
        [f.council_id, year],
    ).fetchall()
    out["realisations"] = [{"action_id": a, "what": b, "quantity": c, "unit": d} for a, b, c, d in real]
    out["comments"] = dict(con.execute(
        "SELECT action_id, comment FROM action_comment WHERE council_id = ? AND year = ? ORDER BY action_id",
        [f.council_id, year]).fetchall())
    # The figures the bilan and the overview state for a year, each over one plan or the year
    from clsm_data.read import statements

    inst = statements.instances(con, year, f.council_id)
    full = queries.meetings(con, f, False)["participants"].dropna()
    out["instances"] = int(inst.figure)
    out["participants_all"] = int(full.sum()) if len(full) else None
    out["facts"] = int(len(statements.achievements(con, year, f.council_id)))
    out["plans"] = {}
    for p in statements.plans_with_actions(con, f.council_id).itertuples():
        said = statements.realised(con, Filters(council_id=f.council_id, plan_id=p.plan_id, period_start=f.period_start,
                                                period_end=f.period_end))
        if said is not None and said.details["planned"]:
            out["plans"][p.plan_id] = {"text": said.text, "planned": said.details["planned"],
                                       "realised": said.details["realised"]}
    return out


# What a later write may change in a validated year, in words (the « après validation » lines).
FROZEN_WORDS = {
    "meetings": ("réunion datée", "réunions datées"),
    "meetings_counted": ("réunion comptée sans date", "réunions comptées sans date"),
    "participants_all": ("participant", "participants"),
    "events": ("événement", "événements"),
    "instances": ("réunion d'instance", "réunions d'instance"),
    "facts": ("fait marquant", "faits marquants"),
}


def has_data(con, year: int) -> bool:
    """Whether anything is recorded for `year` (a meeting, an event, a count, a fact, a value, a dated action)."""
    return bool(con.execute(
        "SELECT (SELECT count(*) FROM meeting WHERE council_id = $c AND year(date) = $y) "
        "+ (SELECT count(*) FROM event WHERE council_id = $c AND year = $y) "
        "+ (SELECT count(*) FROM counted_meeting WHERE council_id = $c AND year = $y) "
        "+ (SELECT count(*) FROM achievement WHERE council_id = $c AND year = $y) "
        "+ (SELECT count(*) FROM action_realisation WHERE council_id = $c AND year = $y) "
        "+ (SELECT count(*) FROM indicator_value WHERE council_id = $c AND year(period_start) = $y) "
        "+ (SELECT count(*) FROM action_status WHERE council_id = $c AND year(date) = $y)",
        {"c": current_council(), "y": year}).fetchone()[0])


def corrections(con, year: int) -> list[str]:
    """What changed in a validated year since its validation, in words (« +1 réunion datée »); [] if none or not validated."""
    frozen = validated_year(con, year)
    if frozen is None:
        return []
    now = year_figures(con, year)
    out = []
    for key, (one, many) in FROZEN_WORDS.items():
        before, after = frozen.get(key), now.get(key)
        if before is None and after is None or before == after or key not in frozen:
            continue
        if isinstance(before, int) and isinstance(after, int):
            d = after - before
            out.append(f"{'+' if d > 0 else '−'}{abs(d)} {one if abs(d) < 2 else many} (validé : {before}, "
                       f"aujourd'hui : {after})")
        else:
            out.append(f"{many} : validé {before if before is not None else 'non renseigné'}, aujourd'hui "
                       f"{after if after is not None else 'non renseigné'}")
    for pid, plan in now.get("plans", {}).items():
        was = frozen.get("plans", {}).get(pid)
        if was and was["text"] != plan["text"]:
            out.append(f"{plan['text']} (validé : {was['text']})")
    return out


def written_after_validation(con, year: int, table: str) -> set[str]:
    """Keys of `table` rows added or changed by writes made after `year` was validated (shown « après validation »)."""
    got = con.execute(
        "SELECT max(audit_id) FROM change_row WHERE council_id = ? AND table_name = 'year_validation' "
        "AND change = 'added' AND row_key LIKE ?", [current_council(), f"%annee-{int(year)}%"]).fetchone()
    if validated_year(con, year) is None or not got or got[0] is None:
        return set()
    rows = con.execute("SELECT DISTINCT row_key FROM change_row WHERE council_id = ? AND audit_id > ? "
                       "AND table_name = ? AND change IN ('added', 'updated')",
                       [current_council(), got[0], table]).fetchall()
    return {r[0].strip('[]"') for r in rows}


# Where a row of each table says its year (an import or an edit says when it touches a validated year).
_YEAR_OF = {
    "meeting": lambda con, r: _year(r.get("date")),
    "event": lambda con, r: r.get("year"),
    "counted_meeting": lambda con, r: r.get("year"),
    "action_realisation": lambda con, r: r.get("year"),
    "action_status": lambda con, r: _year(r.get("date")),
    "action_comment": lambda con, r: r.get("year"),
    "achievement": lambda con, r: r.get("year"),
    "indicator_value": lambda con, r: _year(r.get("period_start")) or _int(r.get("period_label")),
    "attendance": lambda con, r: _year((con.execute("SELECT date FROM meeting WHERE council_id = ? AND meeting_id = ?",
                                                    [current_council(), r.get("meeting_id")]).fetchone() or [None])[0]),
}


def _year(value) -> int | None:
    if value is None or (not isinstance(value, str) and value != value):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]).year
    except ValueError:
        return None


def _int(value) -> int | None:
    try:
        return int(str(value)[:4])
    except (TypeError, ValueError):
        return None


def validated_years_touched(con, plan) -> dict[int, dict]:
    """The validated years a change set writes into: {year: {"validated_on": date, "rows": n}}. Its rows will be
    shown apart, « après validation », never mixed into the validated figures."""
    done = {r["year"]: r for r in validated_years(con)}
    if not done:
        return {}
    out: dict[int, dict] = {}
    for table, change in plan.changes.items():
        year_of = _YEAR_OF.get(table)
        if year_of is None:
            continue
        for row in [*change.added, *(after for _, after in change.updated), *change.deleted]:
            y = year_of(con, row)
            if y in done:
                out.setdefault(int(y), {"validated_on": done[y]["validated_on"], "rows": 0})["rows"] += 1
    return out


def touched_words(touched: dict[int, dict]) -> list[str]:
    """The preview's sentences for `validated_years_touched`."""
    return [f"Cette écriture touche l'année {y}, validée par le COPIL le {v['validated_on']:%d/%m/%Y} "
            f"({v['rows']} ligne{'s' if v['rows'] > 1 else ''}) : les chiffres validés ne changent pas ; ces lignes "
            "seront montrées à part, « après validation », jusqu'à ce que l'année soit rouverte."
            for y, v in sorted(touched.items())]


def year_table(con, year: int):
    """A year's figures as an export reads them: « Chiffre », « Validé par le COPIL » (the frozen value, or empty when
    the year is not validated) and « Écrit depuis (après validation) » (only where the current value differs)."""
    import pandas as pd

    frozen = validated_year(con, year) or {}
    now = year_figures(con, year)
    rows = []
    for key, (_, many) in FROZEN_WORDS.items():
        shown = frozen.get(key, now.get(key)) if frozen else now.get(key)
        later = now.get(key) if frozen and now.get(key) != frozen.get(key) else None
        rows.append({"Chiffre": f"{many} en {year}", "Valeur": shown, "Après validation": later})
    for pid in {**now.get("plans", {}), **frozen.get("plans", {})}:
        was, cur = frozen.get("plans", {}).get(pid), now.get("plans", {}).get(pid)
        rows.append({"Chiffre": (was or cur)["text"].split(" : ")[0] + " : réalisées / prévues",
                     "Valeur": f"{(was or cur)['realised']} / {(was or cur)['planned']}",
                     "Après validation": (f"{cur['realised']} / {cur['planned']}" if was and cur and cur != was else None)})
    state = (f"validée par le COPIL le {frozen['validated_on']:%d/%m/%Y}" if frozen else
             "non validée" if has_data(con, year) else "rien à valider")
    return pd.DataFrame(rows).assign(**{"État de l'année": state})


def year_state(con, year: int) -> dict:
    """A year's state for the page and the command line: « validée » (on, by, note), « non validée » or
    « rien à valider », and the corrections written since a validation."""
    v = validated_year(con, year)
    if v is not None:
        return {"year": year, "state": "validée", "validated_on": v["validated_on"], "validated_by": v["validated_by"],
                "corrections": corrections(con, year)}
    if not has_data(con, year):
        return {"year": year, "state": "rien à valider", "corrections": []}
    return {"year": year, "state": "non validée", "corrections": []}


def reopen_year(con, caller: Caller, year: int, reason: str) -> ImportResult:
    """The coordinator reopens a validated year, with a reason: the snapshot is removed through the write door
    (audited, undoable), and the year's figures are the current ones again until it is validated anew.

    Raises:
        PermissionDenied, ClsmError (not validated, or no reason), ConflictError, WriteNotSavedError.
    """
    require_coordinator(caller)
    if not (reason or "").strip():
        raise ClsmError(f"Pour rouvrir l'année {year}, donnez la raison.",
                        "La raison est gardée au journal des écritures (ex. « correction demandée par le COPIL »).")
    row = _row(con, "year_validation", "year = ?", [int(year)])
    if row is None:
        raise ClsmError(f"L'année {year} n'est pas validée : il n'y a rien à rouvrir.", "Consultez l'état de l'année.")
    plan = ImportPlan(
        origin=f"réouverture de l'année {year} : {reason.strip()}",
        changes={"year_validation": TableChange("year_validation", TABLES["year_validation"].col_names, deleted=[row])},
        base=table_checksums(con, ["year_validation"]),
        operation="réouverture de l'année",
    )
    return apply_plan(con, caller, plan, backup=False)


def validate_year(con, caller: Caller, year: int, on: dt.date | None = None, note: str | None = None) -> ImportResult:
    """The COPIL validates a year: its figures are frozen as a dated snapshot that later writes cannot change.

    Raises:
        PermissionDenied, AlreadyValidatedError (a year is validated once), ConflictError, WriteNotSavedError.
    """
    require_coordinator(caller)
    if not has_data(con, year):
        raise ClsmError(f"Rien à valider pour {year} : aucune réunion, aucun événement, aucun fait ni valeur n'y est "
                        "enregistré.", "Choisissez une année dont les documents donnent des chiffres.")
    if validated_year(con, year) is not None:
        raise AlreadyValidatedError(
            f"L'année {year} est déjà validée : ses chiffres sont figés.",
            "Une année validée ne se revalide pas ; les corrections ultérieures restent visibles dans les chiffres courants.",
        )
    figures = year_figures(con, year)
    row = {
        "validation_id": f"annee-{int(year)}",
        "year": int(year),
        "validated_on": on or dt.date.today(),
        "validated_by": f"{caller.name} ({caller.role})",
        "figures": json.dumps(figures, ensure_ascii=False, sort_keys=True, default=str),
        "note": note,
    }
    return _apply(con, caller, "validation de l'année", f"validation de l'année {year} par le COPIL",
                  {"year_validation": ([row], [])})


def validated_year(con: duckdb.DuckDBPyConnection, year: int) -> dict | None:
    """The frozen figures of a validated year, as the annual report reads them (None if not validated).

    Returns:
        the dict of `year_figures` at validation time, plus validated_on (date) and validated_by.
    """
    got = con.execute(
        "SELECT figures, validated_on, validated_by FROM year_validation WHERE council_id = ? AND year = ?",
        [current_council(), int(year)]
    ).fetchone()
    if got is None:
        return None
    return json.loads(got[0]) | {"validated_on": got[1], "validated_by": got[2]}


def validated_years(con) -> list[dict]:
    """Every validated year: year, validated_on, validated_by, note."""
    rows = con.execute("SELECT year, validated_on, validated_by, note FROM year_validation WHERE council_id = ? "
                       "ORDER BY year", [current_council()]).fetchall()
    return [dict(zip(("year", "validated_on", "validated_by", "note"), r, strict=True)) for r in rows]
