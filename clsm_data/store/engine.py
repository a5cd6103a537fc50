"""The storage seam: what the store needs of a database engine; the DuckDB file, and PostgreSQL (postgres.py).

Everything engine-specific lives here and in postgres.py: opening a connection, transactions, the audit
sequence, row checksums, writing many rows at once, the writer lock, the file behind a connection, read
snapshots, the schema's dialect. The rest of the app speaks SQL that DuckDB and PostgreSQL both speak (no
`GROUP BY ALL`, no `hash()` outside this module; PostgreSQL gets a prelude of DuckDB's functions the app uses),
so the network edition on PostgreSQL is a second implementation of `Engine`, not a port.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

import duckdb

from clsm_data.core.config import bound_council, is_server_url  # noqa: F401 (bound_council: the write side reads it here)
from clsm_data.core.errors import ClsmError, DatabaseBusyError, DatabaseMissingError, WriteBusyError

# A connection (or cursor) of the engine in use: DB-API shaped (`execute`, `fetchone`, `fetchall`).
Connection = Any
# What a failing statement raises, whatever the engine: PostgreSQL's errors come through postgres.PgConnection as
# postgres.PostgresError, a subclass, so every `except duckdb.Error` above the store holds on both engines.
DatabaseError = duckdb.Error


class Engine(Protocol):
    """What the store asks of a database engine."""

    name: str

    def connect(self, target: Path, read_only: bool) -> Connection:
        """Open the database with the app's safety settings (no access to files outside it)."""

    def file(self, con: Connection) -> Path:
        """The file (or, for a server, its stand-in path in data/: backups beside it) behind a connection."""

    def lock(self, con: Connection, timeout: float) -> AbstractContextManager[None]:
        """The lock every writer of this database takes (across processes), held until the block ends.

        Raises WriteBusyError when another writer keeps it longer than `timeout` seconds."""

    def prelude(self, con: Connection) -> None:
        """What the schema needs before the first migration (PostgreSQL: DuckDB's functions the SQL uses)."""

    def migration_sql(self, sql: str) -> str:
        """A migration's text (DuckDB's dialect) as this engine runs it."""

    def secure(self, con: Connection) -> None:
        """After the migrations: what keeps one council's rows from another's connections (PostgreSQL: RLS)."""

    def begin(self, con: Connection) -> None: ...

    def commit(self, con: Connection) -> None: ...

    def rollback(self, con: Connection) -> None:
        """End a failed transaction; quiet when the engine already ended it."""

    def next_audit_id(self, con: Connection) -> int:
        """Draw the next change-set number from the audit sequence."""

    def checksums(self, con: Connection, tables: Sequence[str]) -> dict[str, tuple[int, int]]:
        """(row count, order-independent hash of every row) per table: equal pairs, same content."""

    def insert_rows(self, con: Connection, table: str, columns: list[str], rows: list[list]) -> None:
        """Insert many rows in one go (values converted as query parameters are)."""

    def update_rows(self, con: Connection, table: str, key: list[str], columns: list[str], rows: list[list]) -> None:
        """Update many rows by key: each row is the key's values then the columns' values."""

    def has_table(self, con: Connection, name: str) -> bool: ...

    def data_version(self, con: Connection) -> int:
        """The data's version: the latest change set's number (every write adds one), for the pages' caches."""

    @contextmanager
    def snapshot(self, con: Connection) -> Iterator[Connection]:
        """A read transaction: every statement inside sees the same committed state."""


class DuckDBEngine:
    """One embedded DuckDB file: one writing process, readers through its cursors."""

    name = "duckdb"

    def connect(self, target: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
        if not target.exists():
            raise DatabaseMissingError(
                f"La base de données {target.name} n'existe pas encore.",
                "Construisez-la avec « python -m clsm_data build » (ou lancez « make run »).",
            )
        try:
            # External file access disabled and the configuration locked: no query can read or write files
            # outside the database.
            return duckdb.connect(str(target), read_only=read_only,
                                  config={"enable_external_access": False, "lock_configuration": True})
        except duckdb.IOException as exc:
            raise DatabaseBusyError(
                f"La base de données {target.name} est utilisée par un autre programme.",
                "Fermez l'application ou l'import en cours, puis réessayez.",
            ) from exc

    def file(self, con: duckdb.DuckDBPyConnection) -> Path:
        row = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
        if not row or not row[0]:
            raise ClsmError("Cette connexion n'est pas liée à un fichier de base de données.")
        return Path(row[0])

    def lock(self, con: duckdb.DuckDBPyConnection, timeout: float) -> AbstractContextManager[None]:
        return file_lock(self.file(con), timeout)

    def prelude(self, con: duckdb.DuckDBPyConnection) -> None:
        pass

    def migration_sql(self, sql: str) -> str:
        return sql

    def secure(self, con: duckdb.DuckDBPyConnection) -> None:
        pass  # one file, one process: no roles to bind (the queries scope by council)

    def begin(self, con: duckdb.DuckDBPyConnection) -> None:
        con.execute("BEGIN TRANSACTION")

    def commit(self, con: duckdb.DuckDBPyConnection) -> None:
        con.execute("COMMIT")

    def rollback(self, con: duckdb.DuckDBPyConnection) -> None:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # DuckDB may already have aborted the transaction itself

    def next_audit_id(self, con: duckdb.DuckDBPyConnection) -> int:
        return int(con.execute("SELECT nextval('audit_seq')").fetchall()[0][0])

    def checksums(self, con: duckdb.DuckDBPyConnection, tables: Sequence[str]) -> dict[str, tuple[int, int]]:
        out = {}
        for name in tables:
            # Names come from the TABLES allow-list, never from a user.
            count, digest = con.execute(f"SELECT count(*), coalesce(bit_xor(hash(t)), 0) FROM {name} t").fetchone()
            out[name] = (int(count), int(digest))
        return out

    def insert_rows(self, con: duckdb.DuckDBPyConnection, table: str, columns: list[str], rows: list[list]) -> None:
        # An appender sends the rows in one statement at its flush (end of the `with`), each value
        # converted exactly as an executemany parameter is: same values, not one INSERT a row.
        with con.appender(table, columns=columns) as appender:
            appender.append_rows(rows)

    def update_rows(self, con: duckdb.DuckDBPyConnection, table: str, key: list[str], columns: list[str],
                    rows: list[list]) -> None:
        with con.appender(table, columns=[*key, *columns], action="update", key=list(key)) as appender:
            appender.append_rows(rows)

    def has_table(self, con: duckdb.DuckDBPyConnection, name: str) -> bool:
        return bool(con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0])

    def data_version(self, con: duckdb.DuckDBPyConnection) -> int:
        return int(con.execute("SELECT coalesce(max(audit_id), 0) FROM audit_log").fetchone()[0])

    @contextmanager
    def snapshot(self, con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        finally:
            self.rollback(con)  # read only: nothing to keep, and it ends the snapshot


def lock_path(db: Path) -> Path:
    """The lock file beside the database (`clsm.duckdb.lock`)."""
    return db.with_name(db.name + ".lock")


@contextmanager
def file_lock(db: Path, timeout: float) -> Iterator[None]:
    """An flock on the file beside a DuckDB database: one writing process at a time.

    Raises:
        WriteBusyError: another process kept it longer than `timeout` seconds.
    """
    fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WriteBusyError(
                        "Une autre écriture est en cours (import, saisie ou sauvegarde).",
                        "Patientez quelques secondes puis réessayez.",
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


DUCKDB = DuckDBEngine()


def engine(con: Connection | None = None) -> Engine:
    """The engine behind a connection: PostgreSQL for a postgres.PgConnection, else the DuckDB file."""
    if getattr(con, "clsm_engine", None) == "postgres":
        from clsm_data.store.postgres import POSTGRES

        return POSTGRES
    return DUCKDB


def engine_for(target: Path | str) -> Engine:
    """The engine of a database named by CLSM_DB or --db: PostgreSQL for a postgresql:// URL, else DuckDB."""
    if is_server_url(target) or is_server_url(str(target)):
        from clsm_data.store.postgres import POSTGRES  # psycopg is imported only by the network edition

        return POSTGRES
    return DUCKDB
