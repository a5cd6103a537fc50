"""The one connection factory, and the numbered SQL migrations that make the schema."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import duckdb

from clsm_data.core.config import database
from clsm_data.core.errors import SchemaError
from clsm_data.store.engine import Connection, engine, engine_for

MIGRATIONS_PACKAGE = "clsm_data.store.migrations"
_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """Every migration as (version, file name, SQL text), in order."""
    found = []
    for entry in resources.files(MIGRATIONS_PACKAGE).iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def latest_version() -> int:
    """The schema version this code expects."""
    return migrations()[-1][0]


def connect(
    path: Path | str | None = None, read_only: bool = True, *, check_schema: bool = True
) -> Connection:
    """Open the database with the app's safety settings.

    Args:
        path: the DuckDB file, or a postgresql:// URL (the network edition); defaults to `CLSM_DB` or
            data/clsm.duckdb.
        read_only: open read-only (the default); only the write path passes False.
        check_schema: refuse a file whose schema version is not the expected one.
    Returns:
        A connection with external file access disabled and its configuration locked, so no
        query can read or write files outside the database (DuckDB); a postgres.PgConnection from the
        process's pool, shaped like DuckDB's (PostgreSQL).
    Raises:
        DatabaseMissingError: no file there (run the build command), or no such database on the server.
        DatabaseBusyError: another process holds the file for writing, or the server does not answer.
        SchemaError: the file was built by another version of the schema.
    """
    path = database(path)
    con = engine_for(path).connect(path, read_only)
    if check_schema:
        found = schema_version(con)
        if found != latest_version():
            con.close()
            raise SchemaError(
                f"La base {path.name} est au schéma n°{found}, ce programme attend le n°{latest_version()}.",
                "Reconstruisez-la avec « python -m clsm_data build --force » après une sauvegarde.",
            )
        con.execute("SELECT 1").fetchall()  # leave no open result behind: it would block a later CHECKPOINT
    return con


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the file holds a table of that name (older files lack the newer tables)."""
    return engine(con).has_table(con, name)


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """ROLLBACK after a failed write; DuckDB may already have aborted the transaction itself."""
    engine(con).rollback(con)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version recorded in the file (0 for an empty file)."""
    if not has_table(con, "schema_version"):
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply every migration the file lacks, each in its own transaction; returns the version."""
    eng = engine(con)
    eng.prelude(con)
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR, "
        "applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    current = schema_version(con)
    for version, name, sql in migrations():
        if version <= current:
            continue
        con.execute("BEGIN")
        try:
            con.execute(eng.migration_sql(sql))
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except Exception:
            rollback(con)
            raise
        current = version
    eng.secure(con)
    return current


def table_checksums(con: duckdb.DuckDBPyConnection, tables: list[str]) -> dict[str, tuple[int, int]]:
    """(row count, order-independent hash of every row) per table: equal sums, same content."""
    return engine(con).checksums(con, tables)
