"""The audit log: exactly one row per write (who, when, what, how many rows, from which file)."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pandas as pd

from clsm_data.core.roles import Caller
from clsm_data.store.engine import bound_council


def log(
    con: duckdb.DuckDBPyConnection,
    caller: Caller,
    operation: str,
    table_name: str | None,
    *,
    added: int = 0,
    updated: int = 0,
    deleted: int = 0,
    origin: str | None = None,
    detail: dict | str | None = None,
    undoes: int | None = None,
    audit_id: int | None = None,
) -> int:
    """Write one audit row inside the caller's open transaction.

    Args:
        con: the connection or cursor holding the write transaction.
        caller: who acts (account name and role).
        operation: a short French verb phrase, e.g. "import", "modification", "saisie réunion".
        table_name: the table written, or several names joined by ", ".
        added, updated, deleted: row counts of the write.
        origin: the file name or screen the write came from.
        detail: per-table counts or a note; a dict is stored as JSON.
        undoes: for a revert, the audit_id of the change set it undoes.
        audit_id: an id already drawn from audit_seq (the change set's rows were written under it).
    Returns:
        The new audit_id (used to check, after COMMIT, that the write really landed).
    """
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str) if isinstance(detail, dict) else detail
    row = con.execute(
        "INSERT INTO audit_log (audit_id, logged_at, actor, role, operation, table_name, rows_added, rows_updated, "
        "rows_deleted, origin, detail, undoes, council_id) "
        "VALUES (coalesce(?, nextval('audit_seq')), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING audit_id",
        [
            audit_id,
            dt.datetime.now().replace(microsecond=0),
            caller.name,
            caller.role,
            operation,
            table_name,
            int(added),
            int(updated),
            int(deleted),
            origin,
            text,
            undoes,
            bound_council(con),
        ],
    ).fetchone()
    return int(row[0])


def exists(con: duckdb.DuckDBPyConnection, audit_id: int) -> bool:
    """True when the audit row is in the committed database (the proof a write landed)."""
    return con.execute("SELECT count(*) FROM audit_log WHERE audit_id = ?", [audit_id]).fetchone()[0] == 1


def recent(con: duckdb.DuckDBPyConnection, limit: int = 200) -> pd.DataFrame:
    """The latest audit rows, newest first.

    Args:
        con: any connection or cursor.
        limit: how many rows at most.
    Returns:
        audit_id, logged_at, actor, role, operation, table_name, rows_added, rows_updated, rows_deleted,
        origin, detail.
    """
    return con.execute(
        "SELECT audit_id, logged_at, actor, role, operation, table_name, rows_added, rows_updated, rows_deleted, "
        "origin, detail FROM audit_log ORDER BY audit_id DESC LIMIT ?",
        [int(limit)],
    ).df()
