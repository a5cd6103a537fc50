"""The journal of change sets, and undo: one write reverted on its own, itself an audited change set.

Every write that goes through writes.apply_plan (import, table edit, meeting record, deletion, undo)
keeps its rows' state from before it in `change_row`. Undoing it plans the reverse change set
(rows it added removed, rows it changed or deleted put back as they were) and applies it through
the same write door, so the undo is audited and can itself be undone. It is refused, with the later
writes named, when a later change set touched the same rows, or when a restore came after it.
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pandas as pd

from .changeset import ImportPlan, ImportResult, TableChange
from .db import table_checksums
from .errors import ClsmError
from .roles import Caller, require_coordinator
from .tables import TABLES
from .writes import apply_plan, row_key, stored_rows

UNDO = "annulation"


class UndoRefused(ClsmError):
    """This change set cannot be undone on its own (named reason, in French)."""


def change_sets(con: duckdb.DuckDBPyConnection, limit: int = 200) -> pd.DataFrame:
    """The latest writes, newest first, with what an undo needs to know.

    Returns:
        audit_id, logged_at, actor, role, operation, table_name, rows_added, rows_updated, rows_deleted,
        origin, undoes, undone_by (the revert that undid it, or NULL), n_rows (before-images kept:
        0 means it cannot be undone on its own).
    """
    return con.execute(
        "SELECT a.audit_id, a.logged_at, a.actor, a.role, a.operation, a.table_name, a.rows_added, "
        "a.rows_updated, a.rows_deleted, a.origin, a.undoes, "
        "(SELECT min(u.audit_id) FROM audit_log u WHERE u.undoes = a.audit_id) AS undone_by, "
        "(SELECT count(*) FROM change_row c WHERE c.audit_id = a.audit_id) AS n_rows "
        "FROM audit_log a WHERE a.operation <> 'build' ORDER BY a.audit_id DESC LIMIT ?",
        [int(limit)],
    ).df()


def state(row) -> str:
    """What a journal row says about undo, in French."""
    if row["undone_by"] is not None and not pd.isna(row["undone_by"]):
        return f"annulée (n°{int(row['undone_by'])})"
    if not row["n_rows"]:
        return "non annulable seule"
    if row["undoes"] is not None and not pd.isna(row["undoes"]):
        return f"annule le n°{int(row['undoes'])}"
    return "annulable"


def last_undoable(con: duckdb.DuckDBPyConnection) -> int:
    """The newest write that can be undone: not an undo, not undone already, with its before-images.

    Raises:
        UndoRefused: there is none.
    """
    row = con.execute(
        "SELECT max(a.audit_id) FROM audit_log a WHERE a.undoes IS NULL "
        "AND EXISTS (SELECT 1 FROM change_row c WHERE c.audit_id = a.audit_id) "
        "AND NOT EXISTS (SELECT 1 FROM audit_log u WHERE u.undoes = a.audit_id)"
    ).fetchall()
    if not row or row[0][0] is None:
        raise UndoRefused("Aucune écriture à annuler dans le journal.", "Les écritures sont listées par « journal ».")
    return int(row[0][0])


def _describe(con, audit_id: int) -> str:
    op, when, origin = con.execute(
        "SELECT operation, logged_at, origin FROM audit_log WHERE audit_id = ?", [audit_id]
    ).fetchall()[0]
    return f"n°{audit_id} ({op} du {when:%d/%m/%Y à %H:%M:%S}" + (f", {origin}" if origin else "") + ")"


def _row_label(table: str, key: str) -> str:
    return f"{TABLES[table].label if table in TABLES else table} « {' / '.join(map(str, json.loads(key)))} »"


def _decode(con, table: str, text: str) -> dict:
    """A before-image back to the column types of the live table (JSON holds dates as text)."""
    types = dict(
        con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?", [table]
        ).fetchall()
    )
    row = json.loads(text)
    for col, value in row.items():
        if value is None:
            continue
        kind = types.get(col, "")
        if kind == "DATE":
            row[col] = dt.date.fromisoformat(value)
        elif kind.startswith("TIMESTAMP"):
            row[col] = dt.datetime.fromisoformat(value)
        elif kind in ("DOUBLE", "FLOAT", "REAL"):
            row[col] = float(value)
    return {c: v for c, v in row.items() if c in types}


def plan_undo(con: duckdb.DuckDBPyConnection, audit_id: int) -> ImportPlan:
    """The change set that reverts one write, checked, not applied (the preview).

    Args:
        con: any connection or cursor.
        audit_id: the write's number in the journal.
    Returns:
        An ImportPlan (operation "annulation", `undoes` set): rows the write added are deleted, rows it
        changed or deleted are put back as they were before it.
    Raises:
        UndoRefused: unknown write, no before-images, already undone, a restore since, or later writes
            touched the same rows (each named with its rows).
    """
    audit_id = int(audit_id)
    found = con.execute("SELECT operation FROM audit_log WHERE audit_id = ?", [audit_id]).fetchall()
    if not found:
        raise UndoRefused(f"L'écriture n°{audit_id} n'est pas au journal.", "Listez les écritures avec « journal ».")
    me = _describe(con, audit_id)
    rows = con.execute(
        "SELECT table_name, row_key, change, before FROM change_row WHERE audit_id = ? ORDER BY position", [audit_id]
    ).fetchall()
    if not rows:
        raise UndoRefused(
            f"L'écriture {me} ne peut pas être annulée seule : son état d'avant n'a pas été enregistré "
            "(construction, restauration, compte, ou écriture antérieure au journal des changements).",
            "Restaurez plutôt la sauvegarde prise avant elle (Administration › Sauvegardes).",
        )
    undone = con.execute("SELECT min(audit_id) FROM audit_log WHERE undoes = ?", [audit_id]).fetchall()[0][0]
    if undone is not None:
        raise UndoRefused(
            f"L'écriture {me} est déjà annulée par l'écriture n°{undone}.",
            f"Pour la rétablir, annulez l'annulation n°{undone}.",
        )
    restores = con.execute(
        "SELECT audit_id FROM audit_log WHERE audit_id > ? AND operation = 'restauration' ORDER BY audit_id",
        [audit_id],
    ).fetchall()
    if restores:
        raise UndoRefused(
            f"Impossible d'annuler l'écriture {me} : une sauvegarde a été restaurée depuis ("
            + ", ".join(_describe(con, r[0]) for r in restores)
            + ") ; les lignes ne sont plus celles que cette écriture a laissées.",
            "Restaurez plutôt la sauvegarde prise avant elle (Administration › Sauvegardes).",
        )
    later = con.execute(
        "SELECT DISTINCT c.audit_id, c.table_name, c.row_key FROM change_row c JOIN change_row x "
        "ON x.table_name = c.table_name AND x.row_key = c.row_key WHERE x.audit_id = ? AND c.audit_id > ? "
        "ORDER BY c.audit_id, c.table_name, c.row_key",
        [audit_id, audit_id],
    ).fetchall()
    later = _without_undone_pairs(con, audit_id, later)
    if later:
        by_write: dict[int, list[str]] = {}
        for other, table, key in later:
            by_write.setdefault(other, []).append(_row_label(table, key))
        parts = []
        for other, labels in by_write.items():
            shown = ", ".join(labels[:5]) + (f" et {len(labels) - 5} autre(s)" if len(labels) > 5 else "")
            parts.append(f"{_describe(con, other)} : {shown}")
        raise UndoRefused(
            f"Impossible d'annuler l'écriture {me} : des écritures plus récentes ont modifié les mêmes lignes — "
            + " ; ".join(parts) + ".",
            "Annulez d'abord ces écritures-là (de la plus récente à la plus ancienne), ou restaurez une sauvegarde.",
        )
    changes: dict[str, TableChange] = {}
    grouped: dict[str, list[tuple[str, str, str | None]]] = {}
    for table, key, change, before in rows:
        grouped.setdefault(table, []).append((key, change, before))
    messages = []
    for table, items in grouped.items():
        spec = TABLES[table]
        columns = [
            r[0]
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
        ]
        keys = [tuple(json.loads(k)) for k, _, _ in items]
        current = {row_key(k): row for k, row in stored_rows(con, table, _typed_keys(con, table, keys)).items()}
        tc = TableChange(table, columns)
        for key, change, before in items:
            now = current.get(key)
            if change == "added":
                if now is None:
                    messages.append(f"{_row_label(table, key)} n'existe déjà plus : rien à retirer.")
                else:
                    tc.deleted.append({k: now[k] for k in spec.key})
            else:
                old = _decode(con, table, before)
                if now is None:
                    tc.added.append(old)
                else:
                    tc.updated.append((now, old))
        changes[table] = tc
    origin = f"annulation de l'écriture n°{audit_id}"
    return ImportPlan(
        origin=origin,
        changes=changes,
        base=table_checksums(con, list(changes)),
        operation=UNDO,
        messages=messages,
        undoes=audit_id,
    )


def _without_undone_pairs(con, audit_id: int, later: list[tuple]) -> list[tuple]:
    """Leave out a later write undone by a later undo: together they changed nothing.

    Newest undo first, so that a redo (an undo of an undo) leaves the redone write in.
    """
    if not later:
        return later
    present = {r[0] for r in later}
    pairs = con.execute(
        "SELECT audit_id, undoes FROM audit_log WHERE undoes > ? ORDER BY audit_id DESC", [audit_id]
    ).fetchall()
    for undo_id, undone in pairs:
        if undo_id in present and undone in present:
            present -= {undo_id, undone}
    return [r for r in later if r[0] in present]


def _typed_keys(con, table: str, keys: list[tuple]) -> list[tuple]:
    """Key values from JSON back to the column types (a date key stored as text)."""
    spec = TABLES[table]
    sample = _decode(con, table, json.dumps(dict(zip(spec.key, keys[0], strict=True)))) if keys else {}
    if not any(isinstance(v, (dt.date, float)) for v in sample.values()):
        return keys
    out = []
    for k in keys:
        row = _decode(con, table, json.dumps(dict(zip(spec.key, k, strict=True))))
        out.append(tuple(row[c] for c in spec.key))
    return out


def undo(con: duckdb.DuckDBPyConnection, caller: Caller, audit_id: int) -> ImportResult:
    """Revert one write, through the one write door (audited; can itself be undone).

    Args:
        con: a read-write connection or a cursor of the app's process connection.
        caller: must be a coordinator.
        audit_id: the write's number in the journal.
    Returns:
        The ImportResult of the revert.
    Raises:
        PermissionDenied, UndoRefused (reason and later writes named), ConflictError, WriteNotSavedError.
    """
    require_coordinator(caller)
    return apply_plan(con, caller, plan_undo(con, audit_id), backup=False)


LABEL_COLUMNS = ("name", "title", "short_title", "label", "period", "date")


def row_choices(con: duckdb.DuckDBPyConnection, table: str, limit: int = 2000) -> list[tuple[dict, str]]:
    """Rows of a table to pick one for deletion: (key dict, French label "key — name or title").

    Args:
        con: any connection or cursor.
        table: a table of tables.TABLES.
        limit: how many rows at most (in key order).
    """
    spec = TABLES[table]
    label_col = next((c for c in LABEL_COLUMNS if c in spec.col_names and c not in spec.key), None)
    cols = [*spec.key, *([label_col] if label_col else [])]
    order = ", ".join(f'"{k}"' for k in spec.key)
    rows = con.execute(
        f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {table} ORDER BY {order} LIMIT ?", [int(limit)]
    ).fetchall()
    out = []
    for row in rows:
        key = dict(zip(spec.key, row, strict=False))
        text = " / ".join(str(v) for v in row[: len(spec.key)])
        if label_col and row[-1] is not None:
            value = row[-1]
            text += f" — {value:%d/%m/%Y}" if isinstance(value, dt.date) else f" — {value}"
        out.append((key, text))
    return out
