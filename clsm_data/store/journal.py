"""The journal of change sets, and undo: one write reverted on its own, itself an audited change set.

Every write that goes through writes.apply_plan (import, table edit, meeting record, deletion, undo)
keeps its rows' state from before it in `change_row`. Undoing it plans the reverse change set
(rows it added removed, rows it changed or deleted put back as they were) and applies it through
the same write door, so the undo is audited and can itself be undone. It is refused, with the later
writes named, when a later change set touched the same rows, or when a restore came after it; and, with
the rows named, when it would remove a row that other rows still point at (unless they are taken along,
in the same change set) or put back a row that points at a row gone since.

An undo undone puts its write back in effect: the journal reads « annulée par n°13, rétablie par n°14 »,
and the undo itself « annulation annulée (n°14) ».
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pandas as pd

from clsm_data.core import validate
from clsm_data.core.config import bound_council
from clsm_data.core.errors import (
    UndoRefused,  # noqa: F401 (re-exported)
)
from clsm_data.core.roles import Caller, require_coordinator
from clsm_data.core.tables import TABLES
from clsm_data.store.changeset import ImportPlan, ImportResult, TableChange
from clsm_data.store.db import table_checksums
from clsm_data.store.writes import add_dependents, apply_plan, row_key, stored_rows

UNDO = "annulation"
# The import memory's writes (clsm_data.importing.memory): answers remembered or forgotten, no data of the follow-up.
MEMORY_OPERATIONS = ("correspondances d'import", "correspondance d'import retirée")


def _undo_links(con) -> dict[int, list[int]]:
    """write -> the undos that reverted it, oldest first."""
    children: dict[int, list[int]] = {}
    for audit_id, undoes in con.execute(
        "SELECT audit_id, undoes FROM audit_log WHERE undoes IS NOT NULL ORDER BY audit_id"
    ).fetchall():
        children.setdefault(int(undoes), []).append(int(audit_id))
    return children


def _undone_by(audit_id: int, children: dict[int, list[int]], memo: dict[int, int | None]) -> int | None:
    """The undo that keeps this write reverted now (the newest undo still in effect), or None: in effect."""
    if audit_id not in memo:
        memo[audit_id] = None
        for undo_id in reversed(children.get(audit_id, [])):
            if _undone_by(undo_id, children, memo) is None:
                memo[audit_id] = undo_id
                break
    return memo[audit_id]


def _story(audit_id: int, undoes: int | None, children: dict[int, list[int]]) -> str:
    """What became of a write, as a person reads it: « annulée par n°13, rétablie par n°14 »; for an undo
    that was undone, « annulation annulée (n°14) ». Empty when nothing happened to it."""
    events: list[tuple[int, int]] = []

    def walk(node: int, depth: int) -> None:
        for child in children.get(node, []):
            events.append((child, depth))
            walk(child, depth + 1)

    walk(audit_id, 1)
    if not events:
        return ""
    events.sort()
    is_undo = undoes is not None
    words = []
    for undo_id, depth in events:  # odd depth: it is reverted again; even: back in effect
        if not is_undo:
            words.append(f"{'annulée' if depth % 2 else 'rétablie'} par n°{undo_id}")
        elif depth % 2:
            words.append(f"annulation annulée (n°{undo_id})")
        else:
            words.append(f"annulation rétablie (n°{undo_id})")
    return ", ".join(words)


def change_sets(con: duckdb.DuckDBPyConnection, limit: int = 200) -> pd.DataFrame:
    """The latest writes, newest first, with what an undo needs to know.

    Returns:
        audit_id, logged_at, actor, role, operation, table_name, rows_added, rows_updated, rows_deleted,
        origin, undoes, undone_by (the undo that keeps it reverted now, or NULL: in effect, an undo undone
        counting as not there), n_rows (before-images kept: 0 means it cannot be undone on its own),
        state (what the journal says of it, in French).
    """
    log = con.execute(
        "SELECT a.audit_id, a.logged_at, a.actor, a.role, a.operation, a.table_name, a.rows_added, "
        "a.rows_updated, a.rows_deleted, a.origin, a.undoes, "
        "(SELECT count(*) FROM change_row c WHERE c.audit_id = a.audit_id) AS n_rows "
        "FROM audit_log a WHERE a.council_id = ? AND a.operation <> 'build' ORDER BY a.audit_id DESC LIMIT ?",
        [bound_council(con), int(limit)],
    ).df()
    children = _undo_links(con)
    parents = {u: w for w, us in children.items() for u in us}
    memo: dict[int, int | None] = {}
    undone = [_undone_by(int(a), children, memo) for a in log["audit_id"]]
    log.insert(log.columns.get_loc("n_rows"), "undone_by", pd.array(undone, dtype="Int64"))
    log["state"] = [
        _state_text(int(r.audit_id), None if pd.isna(r.undoes) else int(r.undoes), int(r.n_rows), children, parents)
        for r in log.itertuples()
    ]
    return log


def _state_text(audit_id: int, undoes: int | None, n_rows: int, children, parents) -> str:
    story = _story(audit_id, undoes, children)
    if story:
        return story
    if not n_rows:
        return "non annulable seule"
    if undoes is not None:
        if undoes in parents:  # an undo of an undo: the write it put back
            return f"rétablit le n°{parents[undoes]} (annule l'annulation n°{undoes})"
        return f"annule le n°{undoes}"
    return "annulable"


def state(row) -> str:
    """What a journal row (of change_sets) says about undo, in French."""
    return row["state"]


def last_undoable(con: duckdb.DuckDBPyConnection) -> int:
    """The newest write that can be undone: not an undo, not undone already, with its before-images.

    Raises:
        UndoRefused: there is none.
    """
    children = _undo_links(con)
    memo: dict[int, int | None] = {}
    for (audit_id,) in con.execute(
        "SELECT a.audit_id FROM audit_log a WHERE a.undoes IS NULL "
        "AND EXISTS (SELECT 1 FROM change_row c WHERE c.audit_id = a.audit_id) ORDER BY a.audit_id DESC"
    ).fetchall():
        if _undone_by(int(audit_id), children, memo) is None:
            return int(audit_id)
    raise UndoRefused("Aucune écriture à annuler dans le journal.", "Les écritures sont listées par « journal ».")


def _describe(con, audit_id: int) -> str:
    op, when, origin = con.execute(
        "SELECT operation, logged_at, origin FROM audit_log WHERE audit_id = ?", [audit_id]
    ).fetchall()[0]
    return f"n°{audit_id} ({op} du {when:%d/%m/%Y à %H:%M:%S}" + (f", {origin}" if origin else "") + ")"


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
        kind = types.get(col, "").upper()  # DuckDB says DATE, PostgreSQL date or double precision
        if kind == "DATE":
            row[col] = dt.date.fromisoformat(value)
        elif kind.startswith("TIMESTAMP"):
            row[col] = dt.datetime.fromisoformat(value)
        elif kind in ("DOUBLE", "FLOAT", "REAL", "DOUBLE PRECISION"):
            row[col] = float(value)
    return {c: v for c, v in row.items() if c in types}


def _row_label(con, table: str, key: str) -> str:
    """A row of change_row (its key as JSON) by the name a person knows it by, never its code."""
    spec = TABLES.get(table)
    if spec is None:
        return f"{table} « {' / '.join(map(str, json.loads(key)))} »"
    values = _typed_keys(con, table, [tuple(json.loads(key))])[0]
    return f"{spec.label} « {validate.row_label(con, table, dict(zip(spec.key, values, strict=True)))} »"


def plan_undo(con: duckdb.DuckDBPyConnection, audit_id: int, *, with_dependents: bool = False) -> ImportPlan:
    """The change set that reverts one write, checked, not applied (the preview).

    Args:
        con: any connection or cursor.
        audit_id: the write's number in the journal.
        with_dependents: also take the rows that still point at the rows the undo removes (deleted with
            them, or their optional reference emptied), in the same change set.
    Returns:
        An ImportPlan (operation "annulation", `undoes` set): rows the write added are deleted, rows it
        changed or deleted are put back as they were before it.
    Raises:
        UndoRefused: unknown write, no before-images, already undone, a restore since, later writes touched
            the same rows (each named with its rows), a row put back would point at a row gone since, or
            rows still point at a row it removes (named; `dependents` set, unless with_dependents).
    """
    audit_id = int(audit_id)
    # A council's writes only: another council's number is not in this council's journal.
    found = con.execute("SELECT operation FROM audit_log WHERE council_id = ? AND audit_id = ?",
                        [bound_council(con), audit_id]).fetchall()
    if not found:
        raise UndoRefused(f"L'écriture n°{audit_id} n'est pas au journal.", "Listez les écritures avec « journal ».")
    me = _describe(con, audit_id)
    rows = con.execute(
        "SELECT table_name, row_key, change, before FROM change_row WHERE audit_id = ? ORDER BY position", [audit_id]
    ).fetchall()
    if not rows and found[0][0] in MEMORY_OPERATIONS:
        raise UndoRefused(
            f"L'écriture {me} est une correspondance retenue par l'import (une colonne ou un nom compris) : elle ne "
            "change aucune donnée du suivi et ne s'annule pas depuis le journal.",
            "Retirez-la dans Administration › Importer, « Correspondances retenues » (bouton « Retirer »), ou en "
            "ligne de commande en répondant autrement à la question (--colonne, --nom).",
        )
    if not rows:
        raise UndoRefused(
            f"L'écriture {me} ne peut pas être annulée seule : son état d'avant n'a pas été enregistré "
            "(construction, restauration, compte, ou écriture antérieure au journal des changements).",
            "Restaurez plutôt la sauvegarde prise avant elle (Administration › Sauvegardes).",
        )
    undone = _undone_by(audit_id, _undo_links(con), {})
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
        "ON x.council_id = c.council_id AND x.table_name = c.table_name AND x.row_key = c.row_key "
        "WHERE x.audit_id = ? AND c.audit_id > ? "
        "ORDER BY c.audit_id, c.table_name, c.row_key",
        [audit_id, audit_id],
    ).fetchall()
    later = _without_undone_pairs(con, audit_id, later)
    if later:
        by_write: dict[int, list[str]] = {}
        for other, table, key in later:
            by_write.setdefault(other, []).append(_row_label(con, table, key))
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
                    messages.append(f"{_row_label(con, table, key)} n'existe déjà plus : rien à retirer.")
                else:
                    tc.deleted.append(now)  # the whole row: the preview and the messages name it
            else:
                old = _decode(con, table, before)
                if now is None:
                    tc.added.append(old)
                else:
                    tc.updated.append((now, old))
        changes[table] = tc
    _refuse_broken_returns(con, me, changes)
    origin = f"annulation de l'écriture n°{audit_id}"
    removed = {t: [tuple(r[k] for k in TABLES[t].key) for r in c.deleted] for t, c in changes.items() if c.deleted}
    deps = validate.dependents(con, removed) if removed else validate.Dependents()
    if deps and not with_dependents:
        raise UndoRefused(
            f"Impossible d'annuler l'écriture {me} : elle retirerait des lignes auxquelles d'autres lignes "
            "renvoient encore — " + validate.orphan_sentence(con, deps.direct).replace(", qui n'existe plus", "")
            + _written_by(con, deps.direct) + ".",
            "Annulez d'abord ces écritures-là (de la plus récente à la plus ancienne), ou annulez avec les lignes "
            f"qui en dépendent ({deps.count} ligne(s) — {deps.sentence(con)}) : tout part en une seule écriture, "
            f"elle-même annulable (Administration › Journal, ou « undo {audit_id} --avec-dependances »).",
            dependents=deps,
        )
    if deps:
        add_dependents(changes, deps)
        origin += f", avec {deps.count} ligne(s) qui en dépendent"
        messages.append(f"Avec les lignes qui en dépendent : {deps.sentence(con)}.")
    return ImportPlan(
        origin=origin,
        changes=changes,
        base=table_checksums(con, list(changes)),
        operation=UNDO,
        messages=messages,
        undoes=audit_id,
    )


def _refuse_broken_returns(con, me: str, changes: dict[str, TableChange]) -> None:
    """Rows an undo puts back (or back as they were) must point at rows that exist, or come back with them."""
    coming = {t: {tuple(r[k] for k in TABLES[t].key) for r in c.added} for t, c in changes.items()}
    bad = []
    for table, change in changes.items():
        found = validate.unresolved(con, table, change.added)
        for now, old in change.updated:
            moved = [c for c in old if c in TABLES[table].col_names and old[c] != now.get(c)]
            found += validate.unresolved(con, table, [old], moved)
        for row, column, value in found:
            if (value,) not in coming.get(TABLES[table].col(column).ref, set()):
                bad.append((table, row, column))
    if bad:
        raise UndoRefused(
            f"Impossible d'annuler l'écriture {me} : elle remettrait des lignes qui renvoient à des lignes "
            "supprimées depuis — " + validate.orphan_sentence(con, bad) + ".",
            "Rétablissez d'abord ces lignes-là (annulez l'écriture qui les a supprimées), ou restaurez une sauvegarde.",
        )


def _written_by(con, items: list[tuple[str, dict, str]]) -> str:
    """« (écrites par n°13 (import du …)) »: the writes that last wrote the rows still pointing there."""
    ids = set()
    for table, row, _ in items:
        key = row_key(tuple(row[k] for k in TABLES[table].key))
        found = con.execute("SELECT max(audit_id) FROM change_row WHERE council_id = ? AND table_name = ? "
                            "AND row_key = ?", [bound_council(con), table, key]).fetchone()[0]
        if found is not None:
            ids.add(int(found))
    if not ids:
        return ""
    return " — lignes écrites par l'écriture " + ", ".join(_describe(con, i) for i in sorted(ids))


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


def undo(
    con: duckdb.DuckDBPyConnection, caller: Caller, audit_id: int, *, with_dependents: bool = False
) -> ImportResult:
    """Revert one write, through the one write door (audited; can itself be undone).

    Args:
        con: a read-write connection or a cursor of the app's process connection.
        caller: must be a coordinator.
        audit_id: the write's number in the journal.
        with_dependents: take along, in the same change set, the rows that still point at what it removes.
    Returns:
        The ImportResult of the revert.
    Raises:
        PermissionDenied, UndoRefused (reason, later writes and rows named), ConflictError, IntegrityError,
        WriteNotSavedError.
    """
    require_coordinator(caller)
    return apply_plan(con, caller, plan_undo(con, audit_id, with_dependents=with_dependents), backup=False)


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
    mine = " WHERE council_id = ?" if spec.council_scoped else ""
    rows = con.execute(
        f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {table}{mine} ORDER BY {order} LIMIT ?",
        [*([bound_council(con)] if mine else []), int(limit)],
    ).fetchall()
    out = []
    for row in rows:
        key = dict(zip(spec.key, row, strict=False))
        if len(rows) <= 300:  # a person picks a row by its name, never its code
            out.append((key, validate.row_label(con, table, dict(key))))
            continue
        text = " / ".join(str(v) for v in row[: len(spec.key)])  # a long table: the quick label, code first
        if label_col and row[-1] is not None:
            value = row[-1]
            text += f" — {value:%d/%m/%Y}" if isinstance(value, dt.date) else f" — {value}"
        out.append((key, text))
    if len(rows) <= 300:  # two rows of the same name are told apart by their code, only then
        seen: dict[str, int] = {}
        for _, text in out:
            seen[text] = seen.get(text, 0) + 1
        out = [(k, f"{t} ({' / '.join(str(v) for v in k.values())})" if seen[t] > 1 else t) for k, t in out]
    return out
