"""Backups beside the database: consistent copies (CHECKPOINT then copy, under the writer lock), listed, restorable.

Why a file copy: the app's connection has external access disabled, so EXPORT DATABASE and COPY
are refused on it; a copy made after CHECKPOINT while the writer lock is held is a consistent
snapshot (every write takes the same lock).

Why restore works table by table rather than by swapping files: the app keeps one process-wide
connection and a cursor per session on the open file; a swapped file would leave them on the old,
unlinked one. Restore instead replaces the content of every data table from the backup in one
transaction on the live connection, so every session sees the restored data at once and nothing
needs to reconnect (the page only clears the cached results). The audit log and the accounts are
kept (the restore itself is logged), and a backup of the current state is taken first.
`restore_file` swaps whole files, for the command line when the current file cannot be opened.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from . import audit
from .config import backup_dir, db_path
from .db import latest_version, rollback, schema_version, table_checksums
from .errors import ClsmError
from .roles import Caller, require_coordinator
from .tables import TABLES
from .writes import WriteNotSavedError, db_file, writer_lock

RESTORED_TABLES = [*TABLES, "build_info"]  # data tables; audit_log and app_user are kept as they are
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}(?:-\d+)?)-(?P<reason>[a-z0-9-]+)\.duckdb$")


class BackupError(ClsmError):
    """A backup cannot be made, found or restored."""


@dataclass(frozen=True)
class Backup:
    """One backup file: its path, when it was made, why, and its size."""

    path: Path
    created: dt.datetime
    reason: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name

    def label(self) -> str:
        """French one-liner: '18/11/2021 à 14:05 — avant import (1,2 Mo)'."""
        size = f"{self.size / 1024 / 1024:.1f}".replace(".", ",")
        when = self.created.strftime("%d/%m/%Y à %H:%M:%S")
        return f"{when} — {self.reason.replace('-', ' ')} ({size} Mo)"


def create(con: duckdb.DuckDBPyConnection, caller: Caller, reason: str = "manuelle") -> Path:
    """Make a consistent copy of the database file in its backup folder.

    Args:
        con: a read-write connection or a cursor of the app's process connection.
        caller: must be a coordinator.
        reason: a short word kept in the file name ("manuelle", "avant-import", ...).
    Returns:
        The backup's path.
    Raises:
        PermissionDenied: the caller is not a coordinator.
        WriteBusyError: another write holds the lock.
        BackupError: the copy could not be made or does not open.
    """
    require_coordinator(caller)
    db = db_file(con)
    with writer_lock(db):
        return create_locked(con, db, reason)


def create_locked(con: duckdb.DuckDBPyConnection, db: Path, reason: str) -> Path:
    """The copy itself; the caller already holds the writer lock (writes.apply_plan does)."""
    reason = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manuelle"
    folder = backup_dir(db)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            con.execute("CHECKPOINT")  # move the WAL into the file so a copy of the file has everything
        except duckdb.TransactionException:
            # Another cursor of the process holds a transaction open (DuckDB then refuses CHECKPOINT,
            # and FORCE CHECKPOINT would wait for it). The writer lock is held, so neither the file
            # nor its WAL changes: copying both gives the same consistent state.
            pass
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"{db.stem}-{stamp}-{reason}.duckdb"
        n = 1
        while target.exists():
            target = folder / f"{db.stem}-{stamp}-{n}-{reason}.duckdb"
            n += 1
        part = target.with_name(target.name + ".part")
        shutil.copyfile(db, part)
        wal = Path(str(db) + ".wal")
        if wal.exists() and wal.stat().st_size > 0:  # committed writes not yet checkpointed
            shutil.copyfile(wal, Path(str(target) + ".wal"))
        os.replace(part, target)
    except (OSError, duckdb.Error) as exc:
        raise BackupError(
            "La sauvegarde n'a pas pu être faite.", f"Vérifiez l'espace disque et les droits du dossier {folder}."
        ) from exc
    check = _open_checked(target)
    check.close()
    return target


def list_backups(db: Path | None = None) -> list[Backup]:
    """Backups of a database, newest first.

    Args:
        db: the database file; `CLSM_DB` or data/clsm.duckdb by default.
    Returns:
        A list of Backup (empty when there is none).
    """
    folder = backup_dir(Path(db) if db else db_path())
    out = []
    for path in folder.glob("*.duckdb") if folder.exists() else []:
        m = _NAME.match(path.name)
        stamp = m.group("stamp")[:15] if m else None
        try:
            created = dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S") if stamp else None
        except ValueError:
            created = None
        stat = path.stat()
        out.append(
            Backup(
                path,
                created or dt.datetime.fromtimestamp(stat.st_mtime),
                m.group("reason") if m else "copie",
                stat.st_size,
            )
        )
    return sorted(out, key=lambda b: (b.created, b.name), reverse=True)


def _find(db: Path, name: str) -> Path:
    for b in list_backups(db):
        if b.name == name:
            return b.path
    raise BackupError(f"Sauvegarde « {name} » introuvable.", "Choisissez un nom dans la liste des sauvegardes.")


def _open_checked(path: Path) -> duckdb.DuckDBPyConnection:
    """Open a backup read-only and check it holds this schema version and every data table."""
    try:
        con = duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})
    except duckdb.Error as exc:
        raise BackupError(
            f"La sauvegarde {path.name} ne s'ouvre pas : fichier abîmé.", "Choisissez une autre sauvegarde."
        ) from exc
    try:
        version = schema_version(con)
        present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    except duckdb.Error as exc:
        con.close()
        raise BackupError(f"La sauvegarde {path.name} est illisible.", "Choisissez une autre sauvegarde.") from exc
    missing = [t for t in RESTORED_TABLES if t not in present]
    if version != latest_version() or missing:
        con.close()
        raise BackupError(
            f"La sauvegarde {path.name} n'a pas le schéma attendu (n°{version}, attendu n°{latest_version()}"
            + (f" ; tables absentes : {', '.join(missing)}" if missing else "")
            + ").",
            "Elle vient d'une autre version du programme : choisissez une sauvegarde plus récente.",
        )
    return con


def restore(con: duckdb.DuckDBPyConnection, caller: Caller, name: str) -> Path:
    """Put the data of a backup back into the live database, in one transaction.

    Args:
        con: a read-write connection or a cursor of the app's process connection.
        caller: must be a coordinator.
        name: the backup's file name (from list_backups).
    Returns:
        The path of the backup of the current state taken just before.
    Raises:
        PermissionDenied: the caller is not a coordinator.
        BackupError: no such backup, or it does not open or has another schema.
        WriteNotSavedError: the restore was rolled back; the data is as before.
    """
    require_coordinator(caller)
    db = db_file(con)
    source = _open_checked(_find(db, name))
    try:
        expected = table_checksums(source, RESTORED_TABLES)
        with writer_lock(db):
            before = create_locked(con, db, "avant-restauration")
            counts = table_checksums(con, RESTORED_TABLES)
            con.execute("BEGIN TRANSACTION")
            try:
                for table in RESTORED_TABLES:
                    cols = [
                        r[0]
                        for r in con.execute(
                            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                            "ORDER BY ordinal_position",
                            [table],
                        ).fetchall()
                    ]
                    source.execute("SELECT 1").fetchall()  # finish the pending result (DuckDB 2 refuses .sql otherwise)
                    data = source.sql(f"SELECT {', '.join(cols)} FROM {table}").to_arrow_table()
                    con.execute(f"DELETE FROM {table}")
                    con.register("_restore_source", data)
                    con.execute(
                        f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM _restore_source"
                    )
                    con.unregister("_restore_source")
                audit_id = audit.log(
                    con,
                    caller,
                    "restauration",
                    "toutes les tables",
                    added=sum(n for n, _ in expected.values()),
                    deleted=sum(n for n, _ in counts.values()),
                    origin=name,
                    detail={"sauvegarde avant restauration": before.name},
                )
                con.execute("COMMIT")
            except Exception as exc:
                rollback(con)
                raise WriteNotSavedError(
                    "La restauration a échoué et a été annulée : la base est inchangée.",
                    "Réessayez ou choisissez une autre sauvegarde.",
                ) from exc
            if table_checksums(con, RESTORED_TABLES) != expected or not audit.exists(con, audit_id):
                raise WriteNotSavedError(
                    "La restauration n'a pas été enregistrée comme prévu.",
                    f"La base d'avant est conservée dans {before.name}.",
                )
    finally:
        source.close()
    return before


def restore_file(db: Path, name: str) -> Path:
    """Swap a backup in place of the database file (command line, app stopped, current file unusable).

    Args:
        db: the database file (must not be open anywhere).
        name: the backup's file name.
    Returns:
        Where the replaced file was moved (in the backup folder).
    Raises:
        BackupError: no such backup, or it does not open or has another schema.
        WriteBusyError: another write holds the lock.
    """
    source = _find(db, name)
    _open_checked(source).close()
    with writer_lock(db):
        folder = backup_dir(db)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = folder / f"{db.stem}-{stamp}-remplacee.duckdb"
        tmp = db.with_name(db.name + ".restoring")
        shutil.copyfile(source, tmp)
        source_wal = Path(str(source) + ".wal")
        wal = Path(str(db) + ".wal")
        if db.exists():
            shutil.copyfile(db, kept)
        if wal.exists():
            shutil.copyfile(wal, Path(str(kept) + ".wal"))
        wal.unlink(missing_ok=True)  # a log of the old file must never replay onto this one
        os.replace(tmp, db)
        if source_wal.exists():  # the backup's own committed, not yet checkpointed writes, after the swap
            shutil.copyfile(source_wal, wal)
    return kept
