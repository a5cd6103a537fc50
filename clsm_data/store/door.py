"""The one write door: every write of the app (imports, edits, undo, restore, accounts, sign-in bookkeeping,
follow-up, report texts, sequences, import memory, the seed build, synthetic data) goes through `write`.

`write` takes the writer lock, runs what must be checked under it (`prepare`: a conflict check, a backup),
opens the transaction, runs the change, writes the audit row, runs the check that can still refuse
(`check`, before COMMIT: a failing check rolls everything back), commits, and proves the outcome
(the audit row is there, then `verify` on the committed state). Nothing outside clsm_data.store opens a
transaction or takes the lock (tests/test_layers.py fails if one does).

Sign-in bookkeeping is the one write without an audit row (`audit=False`): a failed password is not a
change of the council's data, and an audit row per sign-in would empty every cache (the data version is
the latest audit row).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clsm_data.core.errors import ClsmError, WriteBusyError, WriteNotSavedError
from clsm_data.core.roles import Caller, require_coordinator
from clsm_data.store import audit as audit_log
from clsm_data.store.engine import Connection, engine, file_lock, lock_path  # noqa: F401 (lock_path re-exported)

LOCK_TIMEOUT = 30.0  # seconds a writer waits for another one before giving up

_PROCESS_LOCK = threading.Lock()
_HELD = threading.local()


# ---------------------------------------------------------------- the lock


def db_file(con: Connection) -> Path:
    """The file behind a connection or cursor (for PostgreSQL: its stand-in path in data/)."""
    return engine(con).file(con)


@contextmanager
def writer_lock(target: Path | Connection, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the single-writer lock: a process-wide lock, then the engine's lock across processes.

    For a DuckDB file (a path, or a connection to it): an flock on the file beside the database. For a
    PostgreSQL connection: an advisory lock of the database, held by that connection's session (the one that
    then writes). Re-entrant within one thread (an import takes a backup while holding it). Only the store
    takes it.

    Args:
        target: the database file, or the connection that will write.
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
    if not _PROCESS_LOCK.acquire(timeout=timeout):
        raise WriteBusyError(
            "Une autre écriture est en cours (import, saisie ou sauvegarde).",
            "Patientez quelques secondes puis réessayez.",
        )
    try:
        held = file_lock(target, timeout) if isinstance(target, Path) else engine(target).lock(target, timeout)
        with held:
            _HELD.depth = 1
            try:
                yield
            finally:
                _HELD.depth = 0
    finally:
        _PROCESS_LOCK.release()


# ---------------------------------------------------------------- the door


@dataclass
class Done:
    """What a change did, for its audit row: counts, the tables written, a detail (dict or text), and any
    value the caller wants back (`value`)."""

    added: int = 0
    updated: int = 0
    deleted: int = 0
    table: str | None = None
    detail: dict | str | None = None
    value: Any = None


@dataclass
class Written:
    """The outcome of a write that landed: its audit row's number (None without one) and what it did."""

    audit_id: int | None
    done: Done = field(default_factory=Done)


NOT_SAVED = WriteNotSavedError(
    "L'écriture a échoué et a été annulée : la base est inchangée.",
    "Réessayez ; si cela persiste, restaurez la dernière sauvegarde et prévenez l'équipe technique.",
)


def write(
    con: Connection,
    caller: Caller,
    operation: str,
    change: Callable[[Connection, int | None], Done | None],
    *,
    origin: str | None = None,
    undoes: int | None = None,
    audit: bool = True,
    require: Callable[[Caller], None] | None = require_coordinator,
    prepare: Callable[[Connection], None] | None = None,
    check: Callable[[Connection, Done], None] | None = None,
    verify: Callable[[Connection, Done, int | None], None] | None = None,
    failed: WriteNotSavedError = NOT_SAVED,
    lock: bool = True,
) -> Written:
    """Write one change set: lock, transaction, change, audit row, check, COMMIT, proof.

    Args:
        con: a read-write connection, or a cursor of the app's process connection.
        caller: who writes (checked by `require`).
        operation: the audit row's operation, a short French phrase (« import », « compte ajouté »).
        change: runs inside the transaction; gets the connection and the audit id drawn for this change set
            (None when `audit` is False); returns a Done (counts, tables, detail) or None.
        origin: the audit row's origin (a file name, a screen).
        undoes: for an undo, the audit id of the change set it reverts.
        audit: False only for sign-in bookkeeping (see the module's docstring).
        require: the role check (None for the system: the seed build, synthetic data, sign-in bookkeeping).
        prepare: runs under the lock before the transaction (a conflict check, a backup); may raise.
        check: runs inside the transaction before COMMIT; raising rolls everything back.
        verify: runs after COMMIT on the committed state; raising says the write did not land as planned.
        failed: the error raised when the change fails unexpectedly (the data is as before).
        lock: False only for a database file nobody else can see yet (the build's temporary file).
    Returns:
        Written(audit_id, done).
    Raises:
        PermissionDenied (from `require`), WriteBusyError, WriteNotSavedError, and any ClsmError the hooks raise.
    """
    if require is not None:
        require(caller)
    with writer_lock(con) if lock else _nothing():
        if prepare is not None:
            prepare(con)
        eng = engine(con)
        eng.begin(con)
        try:
            audit_id = eng.next_audit_id(con) if audit else None
            done = change(con, audit_id) or Done()
            if audit:
                audit_log.log(
                    con, caller, operation, done.table, added=done.added, updated=done.updated,
                    deleted=done.deleted, origin=origin, detail=done.detail, undoes=undoes, audit_id=audit_id,
                )
            if check is not None:
                check(con, done)
            eng.commit(con)
        except ClsmError:
            eng.rollback(con)
            raise
        except Exception as exc:
            eng.rollback(con)
            raise failed from exc
        if verify is not None:  # first: it names what did not land (the journal row, a table)
            verify(con, done, audit_id)
        if audit and not audit_log.exists(con, audit_id):
            raise WriteNotSavedError(
                "L'écriture n'a pas été enregistrée comme prévu (transaction annulée par la base).",
                "Rien n'est considéré comme fait : rechargez la page, vérifiez les données et réessayez.",
            )
    return Written(audit_id, done)


@contextmanager
def _nothing() -> Iterator[None]:
    yield
