"""The coordinator's on-screen writes checked by the importer's rules: rows edited in a table (with the same
merge / skip / add choice for probable duplicates as an import) and a meeting recorded with its attendance.
Both end in the store's write door (clsm_data.store.writes.apply_plan)."""

from __future__ import annotations

import datetime as dt

import duckdb

from clsm_data.core.errors import ClsmError, DataFileError
from clsm_data.core.roles import Caller, require_coordinator
from clsm_data.core.tables import TABLES
from clsm_data.importing.planner import DUPLICATE_CHOICES, MERGE, SKIP, CheckedImport, plan_rows, plan_tables
from clsm_data.store.changeset import ImportPlan, ImportResult
from clsm_data.store.writes import apply_plan, stored_rows

EDIT_HINT = ("Corrigez les cellules signalées dans le tableau, puis cliquez à nouveau sur « Vérifier les "
             "modifications » ; rien n'a été enregistré.")


def save_edits(
    con: duckdb.DuckDBPyConnection,
    caller: Caller,
    table: str,
    rows: list[dict],
    *,
    apply: bool = True,
    new_rows: list[dict] | None = None,
    duplicates: dict[str, str] | None = None,
) -> ImportPlan | ImportResult:
    """Check rows edited on screen (a data editor) through the importer's rules, then write them.

    Probable duplicates among the new rows (same name as a stored structure, same instance and date as a
    stored meeting…) wait for a choice, as in an import: merge into the stored row (its non-empty cells
    are written there), skip the new row, or add it anyway.

    Args:
        con: a cursor of the app's process connection (or a read-write connection).
        caller: must be a coordinator.
        table: one of importer.IMPORTABLE.
        rows: dicts of column name -> cell of the stored rows as edited (line n of a message is row n).
        apply: False to only return the plan (the preview).
        new_rows: rows typed in the « new rows » grid; rows left entirely empty are ignored.
        duplicates: Duplicate.ident -> "fusionner" / "ignorer" / "ajouter"; undecided ones stay pending.
    Returns:
        The plan when apply is False (its `duplicates` and `pending` say what is left to decide), else the
        ImportResult.
    Raises:
        PermissionDenied, DataFileError (a bad cell, named by its row in the table, never « the file »),
        ClsmError (duplicates left undecided), ConflictError, IntegrityError, WriteNotSavedError.
    """
    require_coordinator(caller)
    origin = f"édition de la table {TABLES[table].label}"
    typed = [i for i, r in enumerate(new_rows or []) if any(v is not None and str(v).strip() for v in r.values())]
    new = [dict(new_rows[i]) for i in typed]  # an empty row (one too many in the grid) is no row
    stored = [dict(r) for r in rows]

    def plan_for(old: list[dict], added: list[dict]):
        try:
            return plan_rows(con, table, old + added, origin=origin, empty_clears=True)
        except DataFileError as exc:
            raise _edit_refusal(exc, origin, len(old), typed) from None

    plan = plan_for(stored, new)
    found = list(getattr(plan, "duplicates", []))
    for d in found:
        pick = (duplicates or {}).get(d.ident)
        d.choice = pick if pick in DUPLICATE_CHOICES else None
    if any(d.choice in (MERGE, SKIP) for d in found):
        old, added = _settle_duplicates(con, table, stored, new, found, MERGE)
        plan = plan_for(old, added) if old or added else CheckedImport(origin=origin, changes={}, base={})
    if found:
        plan.duplicates = found
        todo = sum(1 for d in found if d.choice is None)
        plan.messages = [m for m in plan.messages if "doublons probables" not in m]
        plan.messages.append(
            f"{len(found)} nouvelle(s) ligne(s) ressemblent à des lignes déjà enregistrées (doublons probables) : "
            + (f"{todo} à décider (fusionner, ignorer ou ajouter)." if todo else "choix faits.")
        )
    plan.operation = "modification"
    if not apply:
        return plan
    if getattr(plan, "pending", []):
        raise ClsmError(
            f"{len(plan.pending)} doublon(s) probable(s) à décider avant d'enregistrer.",
            "Pour chacun : fusionner avec la ligne existante, ignorer la nouvelle ligne ou l'ajouter quand même.",
        )
    return apply_plan(con, caller, plan, backup=False)


def _edit_refusal(exc: DataFileError, origin: str, stored: int, typed: list[int]) -> DataFileError:
    """The importer's refusal said of the table on screen (« …, nouvelles lignes, ligne 2 », the row of the new
    rows' grid), never « the file »."""
    for problem in exc.problems:
        if problem.line is not None and problem.line > stored:
            at = problem.line - stored - 1
            problem.line = typed[at] + 1 if at < len(typed) else at + 1
            problem.file = f"{origin}, nouvelles lignes"
    return DataFileError(exc.problems, EDIT_HINT)


def _settle_duplicates(con, table: str, stored: list[dict], new: list[dict], found: list, merge: str):
    """The rows once the choices are applied: a skipped new row is left out; a merged one is left out too,
    its non-empty cells (but its name) written into the stored row it resembles."""
    spec = TABLES[table]
    key = spec.key[0]
    every = stored + new
    extra: list[dict] = []  # stored rows beyond the editor's rows, merged into
    drop: set[int] = set()
    for d in found:
        if d.choice is None or d.line is None or d.choice not in ("fusionner", "ignorer"):
            continue
        index = d.line - 1
        drop.add(index)
        if d.choice != merge:
            continue
        target = next((r for i, r in enumerate(every + extra) if r.get(key) == d.existing[0] and i not in drop),
                      None)
        if target is None:
            row = stored_rows(con, table, [tuple(d.existing)]).get(tuple(d.existing), {})
            target = {c: row.get(c) for c in spec.col_names}
            extra.append(target)
        for col, value in every[index].items():
            # the stored row keeps its own name (the new row's may be a short or close form of it)
            if col not in (key, "name", "title") and value is not None and str(value).strip():
                target[col] = value
    old = [r for i, r in enumerate(stored) if i not in drop] + extra
    added = [r for i, r in enumerate(new, start=len(stored)) if i not in drop]
    return old, added


def record_meeting(
    con: duckdb.DuckDBPyConnection,
    caller: Caller,
    meeting: dict,
    attendance: dict[tuple[str, str], int],
) -> ImportResult:
    """Record a meeting and its attendance counts (structure × role category; no names) in one write.

    Args:
        con: a cursor of the app's process connection (or a read-write connection).
        caller: must be a coordinator.
        meeting: instance_id, date, mode, place, and optionally title, agenda, meeting_id.
        attendance: {(structure_id, role_category): count}; zero counts are left out.
    Returns:
        ImportResult with one audit row ("saisie réunion").
    Raises:
        PermissionDenied, DataFileError (a bad value, named), ConflictError, WriteNotSavedError.
    """
    require_coordinator(caller)
    row = dict(meeting)
    day = row.get("date")
    if not row.get("meeting_id") and row.get("instance_id") and isinstance(day, dt.date):
        row["meeting_id"] = f"{row['instance_id']}-{day.isoformat()}"
    row.setdefault("date_precision", "jour")
    counts = [
        {"meeting_id": row.get("meeting_id"), "structure_id": s, "role_category": r, "count": n}
        for (s, r), n in sorted(attendance.items())
        if n not in (None, 0, "", "0")
    ]
    tables = {"meeting": [row]} | ({"attendance": counts} if counts else {})
    plan = plan_tables(con, tables, origin="saisie d'une réunion")
    plan.operation = "saisie réunion"
    return apply_plan(con, caller, plan, backup=False)
