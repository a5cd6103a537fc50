"""Backups beside the database: compact, saying what they preceded, restorable across schema versions.

A backup is one zip file in `<db>.backups/`: the database file (a copy made under the writer lock
after CHECKPOINT, its log replayed) and `backup.json` (when, why, before which file, by which
role, schema version, rows). Empty DuckDB blocks compress to almost nothing: the seed database
(12 MB on disk) makes a backup of about 0.1 MB.

Why a file copy: the app's connection has external access disabled, so EXPORT DATABASE and COPY
are refused on it; a copy made after CHECKPOINT while the writer lock is held is a consistent
snapshot (every write takes the same lock). Every file written goes to a `.part` name first and
is renamed when complete; leftovers of an interrupted backup are removed by the next one.

Why restore works table by table rather than by swapping files: the app keeps one process-wide
connection and a cursor per session on the open file; a swapped file would leave them on the old,
unlinked one. Restore instead replaces the content of every data table from the backup in one
transaction on the live connection, so every session sees the restored data at once and nothing
needs to reconnect (the page only clears the cached results). The audit log, the change sets and
the accounts are kept (the restore itself is logged), and a backup of the current state is taken
first. A backup of an older schema version is migrated forward (on a temporary copy) first.
`restore_file` swaps whole files, for the command line when the current file cannot be opened.

Retention: every backup is kept unless `CLSM_BACKUP_KEEP_DAYS` is set; then backups older than
that many days are removed after each new backup, except the newest one and, for each import of
the last 30 days, the last backup taken before it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import zipfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from clsm_data.core.config import backup_dir, db_path
from clsm_data.core.errors import BackupError, WriteNotSavedError
from clsm_data.core.roles import ROLE_LABELS, Caller, require_coordinator
from clsm_data.core.tables import TABLES
from clsm_data.store import door
from clsm_data.store.db import latest_version, migrate, schema_version, table_checksums
from clsm_data.store.door import Done, db_file, writer_lock
from clsm_data.store.engine import engine

RESTORED_TABLES = [*TABLES, "build_info"]  # data tables; audit_log, change_row and app_user are kept as they are
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}(?:-\d+)?)-(?P<reason>[a-z0-9-]+)\.(?:zip|duckdb)$")
MEMBER_DB = "clsm.duckdb"
MEMBER_META = "backup.json"
KEEP_DAYS_ENV = "CLSM_BACKUP_KEEP_DAYS"
PROTECTED_DAYS = 30  # the last backup before each import of these last days is never removed


@dataclass(frozen=True)
class Backup:
    """One backup file: its path, when it was made, why, before what, by which role, and its size."""

    path: Path
    created: dt.datetime
    reason: str
    size: int
    origin: str | None = None  # the file or screen of the write it preceded
    role: str | None = None
    schema: int | None = None

    @property
    def name(self) -> str:
        return self.path.name

    def what(self) -> str:
        """'avant import de classeur.xlsx (coordination)'."""
        text = self.reason.replace("-", " ")
        if self.origin:
            text += f" de {self.origin}"
        if self.role:
            text += f" ({ROLE_LABELS.get(self.role, self.role)})"
        return text

    def size_text(self) -> str:
        """'84 ko' or '1,2 Mo'."""
        if self.size < 1024 * 1024:
            return f"{max(1, round(self.size / 1024))} ko"
        return f"{self.size / 1024 / 1024:.1f}".replace(".", ",") + " Mo"

    def label(self) -> str:
        """French one-liner: '18/11/2021 à 14:05:03 — avant import de x.xlsx (coordination) (84 ko)'."""
        return f"{self.created.strftime('%d/%m/%Y à %H:%M:%S')} — {self.what()} ({self.size_text()})"


def keep_days() -> int | None:
    """The retention in days from CLSM_BACKUP_KEEP_DAYS; None (the default) keeps every backup."""
    value = os.environ.get(KEEP_DAYS_ENV, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


def retention_text() -> str:
    """The retention rule in one French sentence (README and Administration page)."""
    days = keep_days()
    if days is None:
        return (
            "Toutes les sauvegardes sont conservées (réglage CLSM_BACKUP_KEEP_DAYS pour ne garder que celles "
            "des N derniers jours)."
        )
    return (
        f"Les sauvegardes de plus de {days} jour(s) sont supprimées (CLSM_BACKUP_KEEP_DAYS), sauf la plus récente "
        f"et la dernière prise avant chaque import des {PROTECTED_DAYS} derniers jours."
    )


def create(con: duckdb.DuckDBPyConnection, caller: Caller, reason: str = "manuelle") -> Path:
    """Make a compact, consistent backup of the database in its backup folder.

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
    with writer_lock(con):
        return create_locked(con, db, reason, caller=caller)


def _clean_parts(folder: Path) -> None:
    """Remove what an interrupted backup or restore left (the writer lock is held: nobody else writes here)."""
    for leftover in [*folder.glob("*.part"), *folder.glob("*.part.wal")]:
        leftover.unlink(missing_ok=True)


def _target(folder: Path, stem: str, reason: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stem}-{stamp}-{reason}.zip"
    n = 1
    while target.exists() or target.with_suffix(".duckdb").exists():
        target = folder / f"{stem}-{stamp}-{n}-{reason}.zip"
        n += 1
    return target


def create_locked(
    con: duckdb.DuckDBPyConnection,
    db: Path,
    reason: str,
    *,
    caller: Caller | None = None,
    origin: str | None = None,
    clean: bool = True,
) -> Path:
    """The backup itself; the caller already holds the writer lock (writes.apply_plan does).

    Args:
        con: the connection holding the file.
        db: the database file.
        reason: why ("avant-import", "manuelle"...).
        caller: who asked (its role is recorded, never more than the account name).
        origin: the file or screen of the write this backup precedes.
        clean: remove what an interrupted backup left (not while a restore holds its own temporary copy).
    """
    reason = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manuelle"
    folder = backup_dir(db)
    mine: list[Path] = []  # this backup's temporary files, removed whatever happens
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if clean:
            _clean_parts(folder)
        server = engine(con).name == "postgres"
        if not server:
            try:
                con.execute("CHECKPOINT")  # move the WAL into the file so a copy of the file has everything
            except duckdb.TransactionException:
                # Another cursor of the process holds a transaction open (DuckDB then refuses CHECKPOINT,
                # and FORCE CHECKPOINT would wait for it). The writer lock is held, so neither the file
                # nor its WAL changes: copying both gives the same consistent state.
                pass
        target = _target(folder, db.stem, reason)
        copy = folder / (target.stem + ".duckdb.part")
        mine += [copy, Path(str(copy) + ".wal"), target.with_name(target.name + ".part")]
        if server:
            _copy_server(con, copy)
        else:
            shutil.copyfile(db, copy)
            wal = Path(str(db) + ".wal")
            if wal.exists() and wal.stat().st_size > 0:  # committed writes not yet checkpointed
                shutil.copyfile(wal, Path(str(copy) + ".wal"))
        meta = {
            "created": dt.datetime.now().isoformat(),
            "reason": reason,
            "origin": origin,
            "role": caller.role if caller else None,
        }
        _pack(copy, target, meta)
    except (OSError, duckdb.Error) as exc:
        raise BackupError(
            "La sauvegarde n'a pas pu être faite.", f"Vérifiez l'espace disque et les droits du dossier {folder}."
        ) from exc
    finally:
        for leftover in mine:
            leftover.unlink(missing_ok=True)
    if clean:  # not during a restore: the backup being restored stays listed
        prune(db, con)
    return target


def _copy_server(con, copy: Path) -> None:
    """A PostgreSQL database's tables copied into a new DuckDB file, read in one snapshot.

    A backup has one format whatever the engine (a DuckDB file in a zip), so a backup of the network edition
    restores into it, and opens on any machine with the app, without a PostgreSQL server.
    """
    eng = engine(con)
    target = duckdb.connect(str(copy))
    try:
        migrate(target)
        tables = [r[0] for r in target.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
            "AND table_name <> 'schema_version' ORDER BY table_name").fetchall()]
        with eng.snapshot(con):
            for table in tables:  # names from the schema just made, not from a user
                cols = [r[0] for r in target.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                    [table]).fetchall()]
                rows = con.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {table}").fetchall()
                target.execute(f"DELETE FROM {table}")  # a migration may have written rows (none today)
                if rows:
                    with target.appender(table, columns=cols) as appender:
                        appender.append_rows([list(r) for r in rows])
            last = con.execute("SELECT coalesce(max(audit_id), 0) FROM audit_log").fetchone()[0]
        if last:  # the copy's audit sequence goes on after the last change set, as the live one does
            target.execute(f"DROP SEQUENCE audit_seq; CREATE SEQUENCE audit_seq START {int(last) + 1}")
        target.execute("CHECKPOINT")
    finally:
        target.close()


def _pack(copy: Path, target: Path, meta: dict) -> None:
    """Replay the copy's log into it, record its schema and rows, zip it with its metadata, then rename."""
    c = duckdb.connect(str(copy))
    try:
        c.execute("CHECKPOINT")
        meta["schema_version"] = schema_version(c)
        present = {r[0] for r in c.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        counted = [f"(SELECT count(*) FROM {t})" for t in TABLES if t in present]  # names from the allow-list
        meta["rows"] = int(c.execute(f"SELECT {' + '.join(counted) or '0'}").fetchall()[0][0])
    finally:
        c.close()
    Path(str(copy) + ".wal").unlink(missing_ok=True)
    part = target.with_name(target.name + ".part")
    with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.write(copy, MEMBER_DB)
        zf.writestr(MEMBER_META, json.dumps(meta, ensure_ascii=False, indent=1))
    with open(part, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(part, target)
    copy.unlink(missing_ok=True)


def backup_closed_file(path: Path, reason: str, *, note: str | None = None) -> Path:
    """Back up a database file nobody has open (prepare before migrating, build before replacing).

    Returns:
        The backup's path.
    """
    folder = backup_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    target = _target(folder, path.stem, reason)
    copy = folder / (target.stem + ".duckdb.part")
    try:
        shutil.copyfile(path, copy)
        wal = Path(str(path) + ".wal")
        if wal.exists() and wal.stat().st_size > 0:
            shutil.copyfile(wal, Path(str(copy) + ".wal"))
        meta = {"created": dt.datetime.now().isoformat(), "reason": reason,
                "origin": note, "role": None}
        _pack(copy, target, meta)
    finally:
        for leftover in (copy, Path(str(copy) + ".wal"), target.with_name(target.name + ".part")):
            leftover.unlink(missing_ok=True)
    return target


def _read_meta(path: Path) -> dict:
    try:
        with zipfile.ZipFile(path) as zf:
            return json.loads(zf.read(MEMBER_META).decode("utf-8"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return {}


def list_backups(db: Path | None = None) -> list[Backup]:
    """Backups of a database, newest first (the zip backups and older plain .duckdb copies).

    Args:
        db: the database file; `CLSM_DB` or data/clsm.duckdb by default.
    Returns:
        A list of Backup (empty when there is none).
    """
    folder = backup_dir(Path(db) if db else db_path())
    out = []
    found = [*folder.glob("*.zip"), *folder.glob("*.duckdb")] if folder.exists() else []
    for path in found:
        m = _NAME.match(path.name)
        meta = _read_meta(path) if path.suffix == ".zip" else {}
        created = None
        try:
            if meta.get("created"):
                created = dt.datetime.fromisoformat(meta["created"])
            elif m:
                created = dt.datetime.strptime(m.group("stamp")[:15], "%Y%m%d-%H%M%S")
        except ValueError:
            created = None
        stat = path.stat()
        out.append(
            Backup(
                path,
                created or dt.datetime.fromtimestamp(stat.st_mtime),
                meta.get("reason") or (m.group("reason") if m else "copie"),
                stat.st_size,
                origin=meta.get("origin"),
                role=meta.get("role"),
                schema=meta.get("schema_version"),
            )
        )
    return sorted(out, key=lambda b: (b.created, b.name), reverse=True)


def prune(db: Path, con: duckdb.DuckDBPyConnection | None = None, *, days: int | None = None) -> list[Path]:
    """Apply the retention rule (nothing when no retention is configured).

    Args:
        db: the database file.
        con: a connection to read the imports of the last 30 days from its audit log.
        days: the retention; CLSM_BACKUP_KEEP_DAYS by default.
    Returns:
        The backups removed.
    """
    days = days if days is not None else keep_days()
    if not days:
        return []
    found = list_backups(db)
    if not found:
        return []
    now = dt.datetime.now()
    keep = {found[0].path}  # the newest, always
    imports = []
    if con is not None:
        imports = [
            r[0]
            for r in con.execute(
                "SELECT logged_at FROM audit_log WHERE operation = 'import' AND logged_at >= ?",
                [now - dt.timedelta(days=PROTECTED_DAYS)],
            ).fetchall()
        ]
    for when in imports:  # the last backup taken before each recent import
        before = [b for b in found if b.created <= when]
        if before:
            keep.add(before[0].path)
    removed = []
    for b in found:
        if b.path not in keep and b.created < now - dt.timedelta(days=days):
            b.path.unlink(missing_ok=True)
            Path(str(b.path) + ".wal").unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def _find(db: Path, name: str) -> Path:
    for b in list_backups(db):
        if b.name == name:
            return b.path
    raise BackupError(f"Sauvegarde « {name} » introuvable.", "Choisissez un nom dans la liste des sauvegardes.")


@contextmanager
def unpacked(path: Path) -> Iterator[Path]:
    """A backup unpacked to a temporary file, migrated forward to this schema version, checked, closed.

    Yields:
        The temporary file's path (deleted on exit).
    Raises:
        BackupError: the file is damaged, has a newer schema, or lacks a data table.
    """
    copy = path.parent / (path.name + ".open.part")
    try:
        try:
            if path.suffix == ".zip":
                with zipfile.ZipFile(path) as zf, zf.open(MEMBER_DB) as src, open(copy, "wb") as dst:
                    shutil.copyfileobj(src, dst)
            else:  # an older plain copy, maybe with its log
                shutil.copyfile(path, copy)
                if Path(str(path) + ".wal").exists():
                    shutil.copyfile(Path(str(path) + ".wal"), Path(str(copy) + ".wal"))
            con = duckdb.connect(str(copy))
        except (OSError, KeyError, zipfile.BadZipFile, duckdb.Error) as exc:
            raise BackupError(
                f"La sauvegarde {path.name} ne s'ouvre pas : fichier abîmé.", "Choisissez une autre sauvegarde."
            ) from exc
        try:
            _checked(con, path)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        yield copy
    finally:
        copy.unlink(missing_ok=True)
        Path(str(copy) + ".wal").unlink(missing_ok=True)


@contextmanager
def opened(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A backup opened read-only on a temporary copy migrated to this schema version (see `unpacked`)."""
    with unpacked(path) as copy:
        con = duckdb.connect(str(copy), read_only=True)
        try:
            yield con
        finally:
            con.close()


def _checked(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Migrate an older backup's copy forward; refuse a newer one or one without every data table."""
    try:
        version = schema_version(con)
        if 0 < version < latest_version():
            migrate(con)  # the backup of an older version of the program: brought to this schema
        present = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    except duckdb.Error as exc:
        raise BackupError(
            f"La sauvegarde {path.name} est illisible ou ne peut pas être mise au schéma actuel.",
            "Choisissez une autre sauvegarde.",
        ) from exc
    missing = [t for t in RESTORED_TABLES if t not in present]
    if version == 0 or version > latest_version() or missing:
        raise BackupError(
            f"La sauvegarde {path.name} n'a pas le schéma attendu (n°{version}, attendu n°{latest_version()}"
            + (" ou antérieur" if version <= latest_version() else "")
            + (f" ; tables absentes : {', '.join(missing)}" if missing else "")
            + ").",
            "Elle vient d'une version plus récente du programme, ou n'est pas une sauvegarde de cette base.",
        )


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
        BackupError: no such backup, or it does not open or has a newer schema.
        WriteNotSavedError: the restore was rolled back; the data is as before.
    """
    require_coordinator(caller)
    db = db_file(con)
    path = _find(db, name)
    state: dict = {}

    def prepare(con) -> None:
        _clean_parts(backup_dir(db))
        state["source"] = source = stack.enter_context(opened(path))
        state["expected"] = table_checksums(source, RESTORED_TABLES)
        state["counts"] = table_checksums(con, RESTORED_TABLES)
        state["before"] = create_locked(con, db, "avant-restauration", caller=caller, origin=name, clean=False)

    def change(con, audit_id) -> Done:
        source = state["source"]
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
            con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM _restore_source")
            con.unregister("_restore_source")
        return Done(added=sum(n for n, _ in state["expected"].values()),
                    deleted=sum(n for n, _ in state["counts"].values()), table="toutes les tables",
                    detail={"sauvegarde avant restauration": state["before"].name})

    def check(con, done) -> None:
        if engine(con).name != "duckdb":  # another engine's hashes: the counts, and the content as written
            state["expected"] = {t: (n, 0) for t, (n, _) in state["expected"].items()}
            state["written"] = table_checksums(con, RESTORED_TABLES)

    def verify(con, done, audit_id) -> None:
        now = table_checksums(con, RESTORED_TABLES)
        if "written" in state:  # PostgreSQL: what COMMIT kept is what the transaction wrote, as many rows
            ok = now == state["written"] and {t: (n, 0) for t, (n, _) in now.items()} == state["expected"]
        else:
            ok = now == state["expected"]
        if not ok:
            raise WriteNotSavedError(
                "La restauration n'a pas été enregistrée comme prévu.",
                f"La base d'avant est conservée dans {state['before'].name}.",
            )

    with ExitStack() as stack:
        door.write(con, caller, "restauration", change, origin=name, prepare=prepare, check=check, verify=verify,
                   failed=WriteNotSavedError("La restauration a échoué et a été annulée : la base est inchangée.",
                                             "Réessayez ou choisissez une autre sauvegarde."))
    return state["before"]


def restore_file(db: Path, name: str) -> Path:
    """Swap a backup in place of the database file (command line, app stopped, current file unusable).

    The backup is unpacked and migrated to this schema version first.

    Args:
        db: the database file (must not be open anywhere).
        name: the backup's file name.
    Returns:
        The backup of the replaced file (in the backup folder).
    Raises:
        BackupError: no such backup, or it does not open or has a newer schema.
        WriteBusyError: another write holds the lock.
    """
    source = _find(db, name)
    with writer_lock(db):
        _clean_parts(backup_dir(db))
        tmp = db.with_name(db.name + ".restoring")
        with unpacked(source) as copy:
            shutil.copyfile(copy, tmp)
        kept = backup_closed_file(db, "remplacee", note=f"remplacée par {name}") if db.exists() else None
        Path(str(db) + ".wal").unlink(missing_ok=True)  # a log of the old file must never replay onto this one
        os.replace(tmp, db)
    return kept
