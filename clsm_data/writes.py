"""The one write path: a writer lock, one transaction per change set, a check after COMMIT, one audit row."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from . import audit
from .changeset import ImportPlan, ImportResult, TableChange
from .config import DEFAULT_COUNCIL
from .db import rollback, table_checksums
from .errors import ClsmError
from .roles import Caller, require_coordinator
from .tables import LOAD_ORDER, TABLES, Table

# The change-set types live in changeset.py; re-exported here so `from clsm_data.writes import ImportPlan` works.
__all__ = ["ConflictError", "ImportPlan", "ImportResult", "TableChange", "WriteBusyError", "WriteNotSavedError"]

LOCK_TIMEOUT = 30.0  # seconds a writer waits for another one before giving up

_PROCESS_LOCK = threading.Lock()
_HELD = threading.local()


class WriteBusyError(ClsmError):
    """Another write holds the lock for too long."""


class ConflictError(ClsmError):
    """The data changed between the preview and the confirmation."""


class WriteNotSavedError(ClsmError):
    """The transaction did not land as planned (it was rolled back): nothing is reported as done."""


# ---------------------------------------------------------------- lock


def db_file(con: duckdb.DuckDBPyConnection) -> Path:
    """The file behind a connection or cursor."""
    row = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    if not row or not row[0]:
        raise ClsmError("Cette connexion n'est pas liée à un fichier de base de données.")
    return Path(row[0])


def lock_path(db: Path) -> Path:
    """The lock file beside the database (`clsm.duckdb.lock`)."""
    return db.with_name(db.name + ".lock")


@contextmanager
def writer_lock(db: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the single-writer lock: a process-wide lock, then an flock on the file beside the database.

    Re-entrant within one thread (an import takes a backup while holding it).

    Args:
        db: the database file.
        timeout: seconds to wait for another writer.
    Raises:
        WriteBusyError: another write kept the lock longer than `timeout`.
    """
    if getattr(_HELD, "depth", 0):
        _HELD.depth += 1
        try:
            yield
        finally:
            _HELD.depth -= 1
        return
    busy = WriteBusyError(
        "Une autre écriture est en cours (import, saisie ou sauvegarde).", "Patientez quelques secondes puis réessayez."
    )
    if not _PROCESS_LOCK.acquire(timeout=timeout):
        raise busy
    try:
        fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise busy from None
                    time.sleep(0.05)
            _HELD.depth = 1
            try:
                yield
            finally:
                _HELD.depth = 0
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
    finally:
        _PROCESS_LOCK.release()


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
    db = db_file(con)
    with writer_lock(db):
        now = table_checksums(con, list(plan.base))
        if now != plan.base:
            raise ConflictError(
                "Les données ont changé depuis l'aperçu (une autre modification a été enregistrée entre-temps).",
                "Recommencez l'aperçu puis confirmez à nouveau ; rien n'a été écrit.",
            )
        taken = None
        if backup:
            from .backup import create_locked

            taken = create_locked(con, db, reason="avant-" + _slug(plan.operation), caller=caller, origin=plan.origin)
        audit_id = _write(con, caller, plan)
        _verify(con, plan, audit_id)
    return ImportResult(plan.origin, counts, audit_id=audit_id, backup=taken, deleted_counts=deleted)


def _slug(text: str) -> str:
    out = "".join(ch if ch.isalnum() else "-" for ch in text.lower())
    return "-".join(p for p in out.split("-") if p)[:30] or "ecriture"


def _write(con: duckdb.DuckDBPyConnection, caller: Caller, plan: ImportPlan) -> int:
    """The one transaction of a change set: rows, their before-images (change_row) and the audit row."""
    con.execute("BEGIN TRANSACTION")
    try:
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
                cols = table.col_names
                names = (["council_id"] if table.council_scoped else []) + cols
                rows = [
                    ([r.get("council_id") or DEFAULT_COUNCIL] if table.council_scoped else []) + [r.get(c) for c in cols]
                    for r in change.added
                ]
                # An appender sends the rows in one statement at its flush (end of the `with`), each value
                # converted exactly as an executemany parameter is: same values as before, not one INSERT a row.
                with con.appender(name, columns=names) as appender:
                    appender.append_rows(rows)
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
                with con.appender(name, columns=[*table.key, *sets], action="update", key=list(table.key)) as appender:
                    appender.append_rows(rows)
        detail = {t: {"ajoutées": a, "mises à jour": u} for t, (a, u, _) in plan.counts().items()}
        for t, c in plan.changes.items():
            if c.deleted:
                detail[t]["supprimées"] = len(c.deleted)
        # The id first, so the before-images go in before the audit row, the proof checked after COMMIT.
        audit_id = int(con.execute("SELECT nextval('audit_seq')").fetchall()[0][0])
        if images:
            with con.appender("change_row") as appender:
                appender.append_rows([[audit_id, i, *image] for i, image in enumerate(images)])
        audit_id = audit.log(
            con,
            caller,
            plan.operation,
            ", ".join(plan.changes),
            added=plan.added,
            updated=plan.updated,
            deleted=plan.deleted,
            origin=plan.origin,
            detail=detail,
            undoes=plan.undoes,
            audit_id=audit_id,
        )
        con.execute("COMMIT")
    except Exception as exc:
        rollback(con)
        raise WriteNotSavedError(
            "L'écriture a échoué et a été annulée : la base est inchangée.",
            "Réessayez ; si cela persiste, restaurez la dernière sauvegarde et prévenez l'équipe technique.",
        ) from exc
    return audit_id


def row_key(key: tuple) -> str:
    """A row's key as stored in change_row (JSON list): the same text for the same row, whoever wrote it."""
    return json.dumps([v.isoformat() if isinstance(v, dt.date) else v for v in key], ensure_ascii=False)


def _to_json(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, default=lambda v: v.isoformat())


def _key_join(table: Table) -> tuple[str, str]:
    """(sub-select of the key lists zipped into rows, join condition on alias t and v)."""
    keys = ", ".join(f"unnest(?) AS {_q(k)}" for k in table.key)
    on = " AND ".join(f"t.{_q(k)} = v.{_q(k)}" for k in table.key)
    return f"(SELECT {keys})", on


def stored_rows(con: duckdb.DuckDBPyConnection, name: str, keys: list[tuple]) -> dict[tuple, dict]:
    """The whole stored rows (every column, council_id included) of these keys, by key; absent keys left out."""
    if not keys:
        return {}
    table = TABLES[name]
    sub, on = _key_join(table)
    cur = con.execute(
        f"SELECT t.* FROM {name} AS t JOIN {sub} AS v ON {on}", [[k[i] for k in keys] for i in range(len(table.key))]
    )
    cols = [d[0] for d in cur.description]
    out = {}
    for values in cur.fetchall():
        row = dict(zip(cols, values, strict=True))
        out[tuple(row[k] for k in table.key)] = row
    return out


def _delete(con: duckdb.DuckDBPyConnection, table: Table, keys: list[tuple]) -> None:
    if not keys:
        return
    sub, on = _key_join(table)
    con.execute(
        f"DELETE FROM {table.name} AS t USING {sub} AS v WHERE {on}",
        [[k[i] for k in keys] for i in range(len(table.key))],
    ).fetchall()  # finish the result: DuckDB 2 refuses an appender while one is pending


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
    sub, on = _key_join(table)
    stored = con.execute(
        f"SELECT {', '.join('t.' + _q(c) for c in read)} FROM {table.name} AS t JOIN {sub} AS v ON {on}",
        [[row[k] for row in written] for k in key],
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


def save_edits(
    con: duckdb.DuckDBPyConnection, caller: Caller, table: str, rows: list[dict], *, apply: bool = True
) -> ImportPlan | ImportResult:
    """Check rows edited on screen (a data editor) through the importer's rules, then write them.

    Args:
        con: a cursor of the app's process connection (or a read-write connection).
        caller: must be a coordinator.
        table: one of importer.IMPORTABLE.
        rows: dicts of column name -> cell (as the editor returns them).
        apply: False to only return the plan (the preview).
    Returns:
        The ImportPlan when apply is False, else the ImportResult.
    Raises:
        PermissionDenied, DataFileError (a bad cell, named), ConflictError, WriteNotSavedError.
    """
    require_coordinator(caller)
    from .importer import plan_rows

    plan = plan_rows(con, table, rows, origin=f"édition de la table {TABLES[table].label}", empty_clears=True)
    plan.operation = "modification"
    return apply_plan(con, caller, plan, backup=False) if apply else plan


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
    from .importer import plan_tables

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


def delete_rows(
    con: duckdb.DuckDBPyConnection, caller: Caller, table: str, keys: list[dict], *, apply: bool = True
) -> ImportPlan | ImportResult:
    """Delete rows by key, as one audited change set that keeps the whole rows (so it can be undone).

    Args:
        con: a cursor of the app's process connection (or a read-write connection).
        caller: must be a coordinator.
        table: a table of the data model (tables.TABLES).
        keys: one dict of key column -> value per row to delete.
        apply: False to only return the plan (the preview).
    Returns:
        The ImportPlan when apply is False, else the ImportResult.
    Raises:
        PermissionDenied; ClsmError: unknown table or row, or a row other rows still refer to (named);
        ConflictError, WriteNotSavedError.
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
    _refuse_if_referenced(con, spec, list(stored))
    origin = f"suppression dans la table {spec.label} : " + ", ".join(" / ".join(map(str, k)) for k in stored)
    plan = ImportPlan(
        origin=origin,
        changes={table: TableChange(table, list(stored[wanted[0]]), deleted=list(stored.values()))},
        base=table_checksums(con, [table]),
        operation="suppression",
    )
    return apply_plan(con, caller, plan, backup=False) if apply else plan


def _refuse_if_referenced(con: duckdb.DuckDBPyConnection, spec: Table, keys: list[tuple]) -> None:
    """Refuse to delete a row that rows of another table still name (a structure with attendance counts...)."""
    if len(spec.key) != 1:
        return
    values = [k[0] for k in keys]
    uses = []
    for other in TABLES.values():
        for col in other.cols:
            if col.ref == spec.name:
                n = con.execute(
                    f"SELECT count(*) FROM {other.name} WHERE {_q(col.name)} IN (SELECT unnest(?))", [values]
                ).fetchall()[0][0]
                if n:
                    uses.append(f"{n} ligne(s) de la table {other.label} (colonne {col.label or col.name})")
    if uses:
        raise ClsmError(
            f"Impossible de supprimer : cette ligne de la table {spec.label} est encore utilisée par "
            + " ; ".join(uses) + ".",
            "Supprimez ou modifiez d'abord ces lignes-là.",
        )
