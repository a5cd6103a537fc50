"""Change sets through the write door (door.py): a conflict check and a backup under the lock, rows with their
before-images in one transaction, references and totals checked before COMMIT and again after it."""

from __future__ import annotations

import datetime as dt
import json

import duckdb

from clsm_data.core import validate
from clsm_data.core.errors import (  # noqa: F401 (re-exported)
    ClsmError,
    ConflictError,
    IntegrityError,
    ReferencedRows,
    WriteBusyError,
    WriteNotSavedError,
)
from clsm_data.core.roles import Caller, require_coordinator
from clsm_data.core.tables import LOAD_ORDER, TABLES, Table
from clsm_data.read import totals
from clsm_data.store import audit, door
from clsm_data.store.changeset import ImportPlan, ImportResult, TableChange
from clsm_data.store.db import table_checksums
from clsm_data.store.door import Done, db_file, writer_lock
from clsm_data.store.engine import bound_council, engine

# The change-set types live in changeset.py; re-exported here so `from clsm_data.store.writes import ImportPlan` works.
__all__ = ["ConflictError", "ImportPlan", "ImportResult", "IntegrityError", "TableChange", "WriteBusyError",
           "WriteNotSavedError"]

# The lock and the door live in door.py; re-exported for the callers that name them here.
__all__ += ["db_file", "writer_lock"]


# ---------------------------------------------------------------- apply


def apply_plan(
    con: duckdb.DuckDBPyConnection, caller: Caller, plan: ImportPlan, *, backup: bool = True
) -> ImportResult:
    """Write a planned change set in one transaction, then prove it landed.

    Args:
        con: a read-write connection, or a cursor of the app's process connection.
        caller: must be a coordinator.
        plan: from importer.plan_import / importer.plan_rows.
        backup: take a backup of the file first (imports do; small edits may skip it).
    Returns:
        ImportResult (audit_id None and nothing written when the plan changes nothing).
    Raises:
        PermissionDenied: the caller is not a coordinator.
        ConflictError: the touched tables changed since the plan was made.
        WriteBusyError: another write holds the lock.
        WriteNotSavedError: the transaction failed or was rolled back; the data is as before.
    """
    require_coordinator(caller)
    counts = {t: (len(c.added), len(c.updated)) for t, c in plan.changes.items()}
    deleted = {t: len(c.deleted) for t, c in plan.changes.items() if c.deleted}
    if plan.is_noop:
        return ImportResult(plan.origin, counts, deleted_counts=deleted)
    state: dict = {}

    def prepare(con) -> None:
        if table_checksums(con, list(plan.base)) != plan.base:
            raise ConflictError(
                "Les données ont changé depuis l'aperçu (une autre modification a été enregistrée entre-temps).",
                "Recommencez l'aperçu puis confirmez à nouveau ; rien n'a été écrit.",
            )
        if backup:
            from clsm_data.store.backup import create_locked

            state["backup"] = create_locked(con, db_file(con), reason="avant-" + _slug(plan.operation), caller=caller,
                                            origin=plan.origin)
        state["gaps"] = _totals_before(con, plan)

    def check(con, done: Done) -> None:
        _check_before_commit(con, plan, state["gaps"])

    def verify(con, done: Done, audit_id: int | None) -> None:
        _verify(con, plan, audit_id)
        problems = integrity_problems(con, plan, state["gaps"])  # the committed state, as readers now see it
        if problems:
            raise IntegrityError(
                f"L'écriture n°{audit_id} est enregistrée, mais la vérification qui suit l'enregistrement a trouvé "
                "des lignes qui ne tiennent plus ensemble — " + " ; ".join(problems) + ".",
                f"Annulez-la (Administration › Journal, ou « undo {audit_id} » en ligne de commande) : "
                "les lignes redeviennent telles qu'avant.",
                problems,
            )

    written = door.write(con, caller, plan.operation, lambda c, audit_id: _write(c, plan, audit_id),
                         origin=plan.origin, undoes=plan.undoes, prepare=prepare, check=check, verify=verify)
    return ImportResult(plan.origin, counts, audit_id=written.audit_id, backup=state.get("backup"),
                        deleted_counts=deleted)


def _slug(text: str) -> str:
    out = "".join(ch if ch.isalnum() else "-" for ch in text.lower())
    return "-".join(p for p in out.split("-") if p)[:30] or "ecriture"


def _write(con, plan: ImportPlan, audit_id: int) -> Done:
    """The change of a change set, inside the door's transaction: rows and their before-images (change_row)
    under the change set's number; the door adds the audit row, the check before COMMIT and the proof after."""
    eng = engine(con)
    images: list[tuple[str, str, str, str | None]] = []  # (table, key, change, row before as JSON)
    for name in reversed(LOAD_ORDER):
        change = plan.changes.get(name)
        if change is None or not change.deleted:
            continue
        table = TABLES[name]
        stored = stored_rows(con, name, [tuple(r[k] for k in table.key) for r in change.deleted])
        for key, row in stored.items():
            images.append((name, row_key(key), "deleted", _to_json(row)))
        _delete(con, table, list(stored))
    for name in LOAD_ORDER:
        change = plan.changes.get(name)
        if change is None:
            continue
        table = TABLES[name]
        if change.added:
            council = bound_council(con)
            cols = table.col_names
            names = (["council_id"] if table.council_scoped else []) + cols
            rows = [
                ([r.get("council_id") or council] if table.council_scoped else []) + [r.get(c) for c in cols]
                for r in change.added
            ]
            eng.insert_rows(con, name, names, rows)
            images += [(name, row_key(tuple(r[k] for k in table.key)), "added", None) for r in change.added]
        # One UPDATE per set of changed columns, joined on the key, instead of one per row.
        groups: dict[tuple[str, ...], list[list[object]]] = {}
        changed_keys = []
        for before, after in change.updated:
            sets = tuple(c for c in after if c not in table.key and after[c] != before.get(c))
            if sets:
                groups.setdefault(sets, []).append([after[c] for c in (*table.key, *sets)])
                changed_keys.append(tuple(after[k] for k in table.key))
        if changed_keys:  # the whole stored rows before the update: what an undo puts back
            for key, row in stored_rows(con, name, changed_keys).items():
                images.append((name, row_key(key), "updated", _to_json(row)))
        for sets, rows in groups.items():
            if table.council_scoped:  # the key within the council the connection writes for
                council = bound_council(con)
                eng.update_rows(con, name, ["council_id", *table.key], list(sets), [[council, *r] for r in rows])
            else:
                eng.update_rows(con, name, list(table.key), list(sets), rows)
    detail = {t: {"ajoutées": a, "mises à jour": u} for t, (a, u, _) in plan.counts().items()}
    for t, c in plan.changes.items():
        if c.deleted:
            detail[t]["supprimées"] = len(c.deleted)
    if images:  # before the audit row, which the door writes last: the proof checked after COMMIT
        council = bound_council(con)
        eng.insert_rows(con, "change_row", ["audit_id", "position", "table_name", "row_key", "change", "before",
                                            "council_id"],
                        [[audit_id, i, *image, council] for i, image in enumerate(images)])
    return Done(added=plan.added, updated=plan.updated, deleted=plan.deleted, table=", ".join(plan.changes),
                detail=detail)


TOTALS_TABLES = {"attendance", "structure", "meeting"}  # the tables Participation › Présences adds up


def _totals_before(con: duckdb.DuckDBPyConnection, plan: ImportPlan) -> dict | None:
    """The attendance totals' gaps before a write that can move them (None when it cannot)."""
    return _gaps(con) if TOTALS_TABLES & set(plan.changes) else None


def _gaps(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    out = {}
    for council in [bound_council(con)]:  # a write touches the rows of the council it writes for, no other
        n = totals.attendance_totals(con, council)
        out[f"{council}:people"] = (n["by_role"], n["by_sector"])
        out[f"{council}:structures"] = (n["structures"], n["structures_by_sector"])
    return out


def integrity_problems(con: duckdb.DuckDBPyConnection, plan: ImportPlan, gaps: dict | None = None) -> list[str]:
    """What a written change set broke, in French, rows named: every declared reference (tables.py `ref=`) of
    the rows it wrote resolves, no row points at a row it removed, and the attendance totals by role category
    and by sector (people, and structures counted once each) agree unless they already disagreed as much.

    Args:
        con: the connection that wrote (inside its transaction, or after COMMIT).
        plan: the change set written.
        gaps: the totals before the write (_totals_before), or None when it does not touch them.
    Returns:
        One sentence per problem; empty when the write left everything consistent.
    """
    problems: list[str] = []
    pointing: list[tuple[str, dict, str]] = []
    removed: dict[str, list[tuple]] = {}
    for name, change in plan.changes.items():
        table = TABLES[name]
        if change.added:
            pointing += [(name, row, col) for row, col, _ in validate.unresolved(con, name, change.added)]
        for before, after in change.updated:
            moved = [c for c in after if c in table.col_names and after[c] != before.get(c)]
            pointing += [(name, row, col) for row, col, _ in validate.unresolved(con, name, [after], moved)]
        back = {tuple(r[k] for k in table.key) for r in change.added}
        gone = [tuple(r[k] for k in table.key) for r in change.deleted]
        gone = [k for k in gone if k not in back]
        if gone:
            removed[name] = gone
    if pointing:
        problems.append(validate.orphan_sentence(con, pointing))
    if removed:
        left = validate.dependents(con, removed, cascade=False).direct
        if left:
            problems.append(validate.orphan_sentence(con, left))
    if gaps is not None:
        for key, (a, b) in _gaps(con).items():
            was = gaps.get(key, (0, 0))
            if a != b and abs(a - b) > abs(was[0] - was[1]):
                what = "personne(s) par catégorie" if key.endswith(":people") else "structure(s) présente(s)"
                per = "par secteur" if key.endswith(":people") else "comptée(s) par secteur (une structure, un compte)"
                problems.append(f"Participation › Présences : {a} {what} mais {b} {per}")
    return problems


def _check_before_commit(con: duckdb.DuckDBPyConnection, plan: ImportPlan, gaps: dict | None) -> None:
    """Inside the transaction, before COMMIT: a write that breaks a reference or the totals is refused."""
    try:
        problems = integrity_problems(con, plan, gaps)
    except duckdb.Error:
        # The transaction is already aborted (an error swallowed inside it): COMMIT will roll it back and
        # _verify will say so; the same check runs again after COMMIT on what did land.
        return
    if problems:
        raise IntegrityError(
            "Écriture refusée : elle laisserait des lignes qui ne tiennent plus ensemble — "
            + " ; ".join(problems) + ".",
            "Rien n'a été écrit. Supprimez ou modifiez d'abord ces lignes-là, ou faites la même opération "
            "avec les lignes qui en dépendent.",
            problems,
        )


def row_key(key: tuple) -> str:
    """A row's key as stored in change_row (JSON list): the same text for the same row, whoever wrote it."""
    return json.dumps([v.isoformat() if isinstance(v, dt.date) else v for v in key], ensure_ascii=False)


def _to_json(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, default=lambda v: v.isoformat())


def _key_join(con, table: Table, keys: list[tuple]) -> tuple[str, str, list]:
    """(sub-select of the key lists zipped into rows, join condition on alias t and v, their parameters): the
    rows of these keys in the council the connection writes for."""
    cols = ", ".join(f"unnest(?) AS {_q(k)}" for k in table.key)
    on = " AND ".join(f"t.{_q(k)} = v.{_q(k)}" for k in table.key)
    params = [[k[i] for k in keys] for i in range(len(table.key))]
    if table.council_scoped:
        on += " AND t.council_id = ?"
        params.append(bound_council(con))
    return f"(SELECT {cols})", on, params


def stored_rows(con: duckdb.DuckDBPyConnection, name: str, keys: list[tuple]) -> dict[tuple, dict]:
    """The whole stored rows (every column, council_id included) of these keys, by key; absent keys left out."""
    if not keys:
        return {}
    table = TABLES[name]
    sub, on, params = _key_join(con, table, keys)
    cur = con.execute(f"SELECT t.* FROM {name} AS t JOIN {sub} AS v ON {on}", params)
    cols = [d[0] for d in cur.description]
    out = {}
    for values in cur.fetchall():
        row = dict(zip(cols, values, strict=True))
        out[tuple(row[k] for k in table.key)] = row
    return out


def _delete(con: duckdb.DuckDBPyConnection, table: Table, keys: list[tuple]) -> None:
    if not keys:
        return
    sub, on, params = _key_join(con, table, keys)
    con.execute(f"DELETE FROM {table.name} AS t USING {sub} AS v WHERE {on}", params).fetchall()  # finish the result: DuckDB 2 refuses an appender while one is pending


def _verify(con: duckdb.DuckDBPyConnection, plan: ImportPlan, audit_id: int) -> None:
    """After an error inside a DuckDB transaction, COMMIT returns quietly and rolls back: check the outcome."""
    problems = []
    if not audit.exists(con, audit_id):
        problems.append("journal")
    for name, change in plan.changes.items():
        table = TABLES[name]
        expected = plan.base[name][0] + len(change.added) - len(change.deleted)
        if con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] != expected:
            problems.append(name)
            continue
        written = change.added + [after for _, after in change.updated]
        if written and not _landed(con, table, change.columns, written):
            problems.append(name)
        gone = [tuple(r[k] for k in table.key) for r in change.deleted]
        if gone and stored_rows(con, name, gone):
            problems.append(name)
    if problems:
        raise WriteNotSavedError(
            "L'écriture n'a pas été enregistrée comme prévu (transaction annulée par la base) : "
            f"vérification échouée pour {', '.join(problems)}.",
            "Rien n'est considéré comme fait : rechargez la page, vérifiez les données et réessayez.",
        )


def _landed(con: duckdb.DuckDBPyConnection, table: Table, columns: list[str], written: list[dict]) -> bool:
    """Every written row is stored with every written value: one query reads them back by key.

    The values are compared in Python with `_same`, as planned (no cast to the column's type that
    could make a changed value look equal): "007" is not 7, 12 is not 12.5, NULL is only NULL.
    """
    key = list(table.key)
    read = key + [c for c in columns if c not in key]
    # The keys go in as one list parameter per key column, zipped back into rows by unnest.
    sub, on, params = _key_join(con, table, [tuple(row[k] for k in key) for row in written])
    stored = con.execute(
        f"SELECT {', '.join('t.' + _q(c) for c in read)} FROM {table.name} AS t JOIN {sub} AS v ON {on}", params,
    ).fetchall()
    by_key = {got[: len(key)]: dict(zip(read, got, strict=True)) for got in stored}
    for row in written:
        got = by_key.get(tuple(row[k] for k in key))
        if got is None or any(not _same(got[c], row[c]) for c in columns if c in row):
            return False
    return True


def _q(column: str) -> str:
    """A quoted column name (names come from the TABLES allow-list; some are SQL words: date, position)."""
    return f'"{column}"'


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, (int, float)):
        return abs(a - float(b)) < 1e-9
    if isinstance(a, dt.datetime) and isinstance(b, dt.date) and not isinstance(b, dt.datetime):
        return a.date() == b
    return a == b


# ---------------------------------------------------------------- the coordinator's screens


def delete_rows(
    con: duckdb.DuckDBPyConnection,
    caller: Caller,
    table: str,
    keys: list[dict],
    *,
    apply: bool = True,
    with_dependents: bool = False,
) -> ImportPlan | ImportResult:
    """Delete rows by key, as one audited change set that keeps the whole rows (so it can be undone).

    Args:
        con: a cursor of the app's process connection (or a read-write connection).
        caller: must be a coordinator.
        table: a table of the data model (tables.TABLES).
        keys: one dict of key column -> value per row to delete.
        apply: False to only return the plan (the preview).
        with_dependents: also delete the rows that point at them (attendance of a structure, and theirs in
            turn) and empty their optional references (an action's porteur), in the same change set.
    Returns:
        The ImportPlan when apply is False, else the ImportResult.
    Raises:
        PermissionDenied; ClsmError: unknown table or row; ReferencedRows: rows still point at them (named,
        by name) and with_dependents is False; ConflictError, IntegrityError, WriteNotSavedError.
    """
    require_coordinator(caller)
    if table not in TABLES:
        raise ClsmError(f"Table « {table} » inconnue.", "Choisissez une table de la liste.")
    spec = TABLES[table]
    wanted = [tuple(k.get(c) for c in spec.key) for k in keys]
    stored = stored_rows(con, table, wanted)
    missing = [" / ".join(map(str, k)) for k in wanted if k not in stored]
    if missing:
        raise ClsmError(
            f"Ligne introuvable dans la table {spec.label} : {', '.join(missing)}.",
            "Elle a peut-être déjà été supprimée : rechargez la page.",
        )
    named = validate.name_rows(con, table, list(stored.values()))
    deps = validate.dependents(con, {table: list(stored)})
    if deps and not with_dependents:
        raise ReferencedRows(
            f"Impossible de supprimer {named} (table {spec.label}) : d'autres lignes y renvoient encore — "
            + validate.orphan_sentence(con, deps.direct).replace(", qui n'existe plus", "") + ".",
            "Supprimez ou modifiez d'abord ces lignes-là, ou supprimez avec les lignes qui en dépendent "
            f"({deps.count} ligne(s) : {deps.sentence(con)}), en une seule écriture, elle-même annulable.",
            deps,
        )
    changes = {table: TableChange(table, list(stored[wanted[0]]), deleted=list(stored.values()))}
    origin = f"suppression dans la table {spec.label} : {named}"
    if deps:
        add_dependents(changes, deps)
        origin += f", avec {deps.count} ligne(s) qui en dépendent"
    plan = ImportPlan(origin=origin, changes=changes, base=table_checksums(con, list(changes)),
                      operation="suppression")
    return apply_plan(con, caller, plan, backup=False) if apply else plan


def add_dependents(changes: dict[str, TableChange], deps: validate.Dependents) -> None:
    """Put the rows that go along (deleted) and those that lose a reference (emptied) into a change set."""
    for name, rows in deps.deleted.items():
        change = changes.setdefault(name, TableChange(name, TABLES[name].col_names))
        change.deleted += rows
    for name, pairs in deps.cleared.items():
        change = changes.setdefault(name, TableChange(name, TABLES[name].col_names))
        change.updated += [({c: b.get(c) for c in TABLES[name].col_names}, {c: a.get(c) for c in TABLES[name].col_names})
                           for b, a in pairs]
