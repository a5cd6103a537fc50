"""Build the DuckDB file from the seed files, safely: into a temporary file, then swapped in."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from clsm_data.core.config import DEFAULT_COUNCIL, SEED_DIR, backup_dir, database, is_server_url
from clsm_data.core.errors import ClsmError
from clsm_data.core.roles import SYSTEM
from clsm_data.core.tables import LOAD_ORDER, TABLES
from clsm_data.read.provenance import fill, fill_existing
from clsm_data.store import door
from clsm_data.store.db import connect, has_table, latest_version, migrate, table_checksums
from clsm_data.store.door import Done
from clsm_data.store.seed import read_seed, seed_files


@dataclass
class BuildReport:
    """What a build did: the file, rows per table, and whether anything was rewritten."""

    path: Path
    counts: dict[str, int]
    rebuilt: bool
    backup: Path | None = None

    def summary(self) -> str:
        total = sum(self.counts.values())
        head = "Base construite" if self.rebuilt else "Base déjà à jour"
        lines = [f"{head} : {self.path} ({total} lignes)"]
        lines += [f"  {name:<16} {n:>5}" for name, n in self.counts.items()]
        if self.backup:
            lines.append(f"Ancienne base sauvegardée dans {self.backup}")
        return "\n".join(lines)


def seed_hash(seed_dir: Path) -> str:
    """A digest of every seed file's name and bytes."""
    h = hashlib.sha256()
    for path in seed_files(seed_dir):
        h.update(str(path.relative_to(seed_dir)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _data_checksum(con) -> str:
    return json.dumps(table_checksums(con, list(TABLES)), sort_keys=True)


def _existing_state(path: Path) -> tuple[str | None, bool]:
    """(seed and schema recorded at build, True when the data changed since) of an existing file."""
    con = connect(path, read_only=True, check_schema=False)
    try:
        return _state(con)
    finally:
        con.close()


def _state(con) -> tuple[str | None, bool]:
    """(seed and schema recorded at build, True when the data changed since) of a built database."""
    if not has_table(con, "build_info"):
        return None, True
    info = dict(con.execute("SELECT key, value FROM build_info").fetchall())
    # Account changes are not data changes: the accounts are carried over by a rebuild.
    writes = con.execute(
        "SELECT count(*) FROM audit_log WHERE operation <> 'build' AND coalesce(table_name, '') <> 'app_user'"
    ).fetchone()[0]
    try:
        changed = writes > 0 or info.get("data_checksum") != _data_checksum(con)
    except Exception:  # an older schema: treat as changed, the user must force
        changed = True
    return f"{info.get('seed_hash')}/{info.get('schema_version')}", changed


def build(path: Path | str | None = None, seed_dir: Path | str | None = None, *, force: bool = False) -> BuildReport:
    """Make the database file from the seed files.

    Idempotent: when the file already holds exactly this seed and nothing changed since, it is
    left as is. The new file is written beside the target and swapped in only when complete.

    Args:
        path: target file; `CLSM_DB` or data/clsm.duckdb by default.
        seed_dir: the seed folder; data/seed by default.
        force: overwrite a file that holds changes made after its build (a copy is kept).
    Returns:
        A BuildReport.
    Raises:
        DataFileError: a seed file is bad (file, line, column named); nothing was written.
        ClsmError: the target holds later changes and force is not set.
        DatabaseBusyError: the target is open in another process.
    """
    path = database(path)
    seed_dir = Path(seed_dir) if seed_dir else SEED_DIR
    data = read_seed(seed_dir)  # refuse bad seeds before touching anything
    digest = seed_hash(seed_dir)
    if is_server_url(path):
        return _build_server(path, data, digest, force)
    backup = None
    if path.exists():
        old_digest, changed = _existing_state(path)
        if changed and not force:
            raise ClsmError(
                f"La base {path} contient des modifications faites après sa construction (imports, saisies).",
                "Elles seraient perdues : sauvegardez-les ou relancez avec --force "
                "(une copie de l'ancienne base est alors conservée).",
            )
        if not changed and old_digest == f"{digest}/{latest_version()}":
            con = connect(path, read_only=True, check_schema=False)
            try:
                counts = {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in LOAD_ORDER}
            finally:
                con.close()
            return BuildReport(path, counts, rebuilt=False)
        if changed:
            folder = backup_dir(path)
            folder.mkdir(parents=True, exist_ok=True)
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup = folder / f"{path.stem}-avant-reconstruction-{stamp}.duckdb"
            shutil.copy2(path, backup)  # the file is closed and checkpointed here
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".building")
    for leftover in (tmp, Path(str(tmp) + ".wal")):
        leftover.unlink(missing_ok=True)
    accounts = _accounts(path) if path.exists() else []
    counts = _write(tmp, data, digest, accounts)
    Path(str(path) + ".wal").unlink(missing_ok=True)  # a stale log must never replay onto the new file
    os.replace(tmp, path)
    return BuildReport(path, counts, rebuilt=True, backup=backup)


def _accounts(path: Path) -> list[tuple]:
    """The sign-in accounts of an existing file, to carry over into the rebuilt one."""
    con = connect(path, read_only=True, check_schema=False)
    try:
        if not has_table(con, "app_user"):
            return []
        return con.execute(f"SELECT {', '.join(ACCOUNT_COLUMNS)} FROM app_user").fetchall()
    finally:
        con.close()


ACCOUNT_COLUMNS = ["username", "role", "password_hash", "created_at", "disabled", "failed_count", "locked_until"]


def _build_server(target, data, digest: str, force: bool) -> BuildReport:
    """The build on a PostgreSQL database: written into a schema nobody reads, then swapped in as `public` in
    one transaction under the writer lock (a backup of the old data taken first when it held later changes)."""
    from clsm_data.store.postgres import POSTGRES

    con = connect(target, read_only=False, check_schema=False)
    try:
        accounts: list[tuple] = []
        keep_old = False
        if has_table(con, "schema_version"):  # built before
            old_digest, changed = _state(con)
            if changed and not force:
                raise ClsmError(
                    f"La base {target.label} contient des modifications faites après sa construction (imports, "
                    "saisies).",
                    "Elles seraient perdues : sauvegardez-les ou relancez avec --force "
                    "(une sauvegarde de l'ancienne base est alors conservée).",
                )
            if not changed and old_digest == f"{digest}/{latest_version()}":
                counts = {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in LOAD_ORDER}
                return BuildReport(target, counts, rebuilt=False)
            if has_table(con, "app_user"):
                accounts = con.execute(f"SELECT {', '.join(ACCOUNT_COLUMNS)} FROM app_user").fetchall()
            keep_old = changed
        with POSTGRES.building(con):
            counts = _fill(con, data, digest, accounts)
        backup = None
        with door.writer_lock(con):
            if keep_old:  # a listed, restorable backup of what is replaced (a DuckDB file in a zip, as always)
                from clsm_data.store.backup import create_locked

                backup = create_locked(con, target, "avant-reconstruction", clean=False)
            POSTGRES.swap_in(con)
        return BuildReport(target, counts, rebuilt=True, backup=backup)
    finally:
        con.close()


def _write(tmp: Path, data, digest: str, accounts: list[tuple]) -> dict[str, int]:
    import duckdb

    con = duckdb.connect(str(tmp))
    try:
        counts = _fill(con, data, digest, accounts)
        con.execute("CHECKPOINT")
        return counts
    finally:
        con.close()


def _fill(con, data, digest: str, accounts: list[tuple]) -> dict[str, int]:
    """Migrate an empty database and write the seed into it, through the door (one change set)."""
    migrate(con)
    counts: dict[str, int] = {}

    def change(con, audit_id) -> Done:
        for name in LOAD_ORDER:
            seed = data[name]
            cols = seed.table.col_names
            scoped = seed.table.council_scoped
            names = (["council_id"] if scoped else []) + cols
            rows = [
                ([row.get("council_id") or DEFAULT_COUNCIL] if scoped else []) + [row[c] for c in cols]
                for row in seed.rows
            ]
            if rows:
                marks = ", ".join("?" for _ in names)
                con.executemany(f"INSERT INTO {name} ({', '.join(names)}) VALUES ({marks})", rows)
            counts[name] = len(rows)
        fill(con, data)  # where each seeded value comes from
        if accounts:
            marks = ", ".join("?" for _ in ACCOUNT_COLUMNS)
            con.executemany(f"INSERT INTO app_user ({', '.join(ACCOUNT_COLUMNS)}) VALUES ({marks})", accounts)
        info = {
            "built_at": dt.datetime.now().replace(microsecond=0).isoformat(),
            "seed_hash": digest,
            "schema_version": str(latest_version()),
            "data_checksum": _data_checksum(con),
        }
        con.executemany("INSERT INTO build_info VALUES (?, ?)", list(info.items()))
        return Done(added=sum(counts.values()), detail=f"construction depuis les fichiers de données ({digest[:12]})")

    # A file nobody sees yet: no lock to take; the system writes it (no account exists in it yet).
    door.write(con, SYSTEM, "build", change, origin="data/seed", require=None, lock=False)
    got = {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in LOAD_ORDER}
    if got != counts:
        raise ClsmError("La construction n'a pas écrit toutes les lignes attendues.", str(got))
    return counts


def prepare(path: Path | str | None = None, seed_dir: Path | str | None = None) -> str:
    """What `make run` does before serving: make the file usable without ever losing the coordinator's work.

    - no file: build it from the seed;
    - a file nobody changed since its build: `build` (rebuilt only if the seed or the schema changed);
    - a file holding imports or edits: never rebuilt; missing migrations are applied in place after
      a copy is kept, and a changed seed is reported (load it with an import, or `build --force`).

    Returns:
        One French summary for the terminal.
    """
    path = database(path)
    seed_dir = Path(seed_dir) if seed_dir else SEED_DIR
    if is_server_url(path):  # a server: built when empty, never rebuilt over changes (build says so)
        from clsm_data.store.postgres import POSTGRES

        con = connect(path, read_only=True, check_schema=False)
        try:
            built = POSTGRES.has_table(con, "build_info")
            changed = _state(con)[1] if built else False
        finally:
            con.close()
        if not changed:
            return build(path, seed_dir).summary()
        return f"Base présente, avec des modifications faites depuis sa construction : {path.label}"
    if not path.exists():
        return build(path, seed_dir).summary()
    old_digest, changed = _existing_state(path)
    if not changed:
        return build(path, seed_dir).summary()
    lines = [f"Base présente, avec des modifications faites depuis sa construction : {path}"]
    con = connect(path, read_only=True, check_schema=False)
    try:
        from clsm_data.store.db import schema_version

        version = schema_version(con)
    finally:
        con.close()
    if version < latest_version():
        from clsm_data.store.backup import backup_closed_file

        # A listed, restorable backup (restore migrates it forward): the file is closed, a copy is consistent.
        kept = backup_closed_file(path, "avant-migration", note=f"base au schéma n°{version}")
        con = connect(path, read_only=False, check_schema=False)
        try:
            migrate(con)
            if not con.execute("SELECT count(*) FROM provenance").fetchone()[0]:  # new in schema 10

                try:
                    fill_existing(con, read_seed(seed_dir))
                except ClsmError:
                    pass  # a bad seed must not stop the app from starting; `check` names the problem
            con.execute("CHECKPOINT")
        finally:
            con.close()
        lines.append(f"Schéma mis à jour du n°{version} au n°{latest_version()} (copie gardée : {kept}).")
    if old_digest and old_digest.split("/")[0] != seed_hash(seed_dir):
        lines.append(
            "Les fichiers de data/seed ont changé depuis la construction ; ils ne sont pas rechargés, pour ne "
            "rien perdre des modifications. Importez les nouvelles lignes, ou reconstruisez avec "
            "« python -m clsm_data build --force » (une copie de la base est gardée)."
        )
    return "\n".join(lines)
