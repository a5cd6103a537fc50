"""Backups: compact zips saying what they preceded, restore (current state saved first, audit kept), older
schema versions migrated forward, no `.part` left by a crash, retention, CLI."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest

from clsm_data import importing as importer
from clsm_data.core.config import backup_dir
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.core.tables import TABLES
from clsm_data.store import backup
from clsm_data.store.db import connect, latest_version, schema_version, table_checksums

ROOT = Path(__file__).resolve().parent.parent
COORD = Caller("coordination", COORDINATOR)
DATA = list(TABLES)
STATUS_CSV = "identifiant;statut\nfiche-15;réalisée\n".encode()


@pytest.fixture
def con(fresh_db):
    c = connect(fresh_db, read_only=False)
    yield c
    c.close()


def _parts(db: Path) -> list[str]:
    folder = backup_dir(db)
    return sorted(p.name for p in folder.iterdir() if ".part" in p.name) if folder.exists() else []


def test_create_list_and_open(con, fresh_db):
    path = backup.create(con, COORD)
    assert path.parent == backup_dir(fresh_db) and path.exists() and path.suffix == ".zip"
    found = backup.list_backups(fresh_db)
    assert [b.path for b in found] == [path]
    assert re.match(r"^\d{2}/\d{2}/\d{4} à \d{2}:\d{2}:\d{2} — manuelle \(coordination\) \(\d+ ko\)$",
                    found[0].label())
    with backup.opened(path) as copy:
        assert table_checksums(copy, DATA) == table_checksums(con, DATA)
    assert _parts(fresh_db) == []


def test_backup_is_compact(con, fresh_db):
    path = backup.create(con, COORD)
    size, db_size = path.stat().st_size, fresh_db.stat().st_size
    print(f"\n[backup] seed database {db_size / 1024 / 1024:.1f} MB on disk; its backup {size / 1024:.0f} kB")
    assert size < 1024 * 1024
    assert size < db_size / 20


def test_backup_holds_uncheckpointed_writes(con, fresh_db):
    importer.apply_import(con, COORD, importer.plan_import(con, STATUS_CSV, "s.csv"))
    con.execute("UPDATE app_user SET failed_count = 0")  # leave something in the WAL
    path = backup.create(con, COORD)
    with backup.opened(path) as copy:
        assert copy.execute("SELECT status FROM action WHERE action_id='fiche-15'").fetchone()[0] == "réalisée"


def test_backup_says_what_it_preceded(con, fresh_db):
    result = importer.apply_import(con, COORD, importer.plan_import(con, STATUS_CSV, "statuts-2022.csv"))
    found = backup.list_backups(fresh_db)
    assert [b.path for b in found] == [result.backup]
    b = found[0]
    assert (b.reason, b.origin, b.role, b.schema) == ("avant-import", "statuts-2022.csv", COORDINATOR, latest_version())
    assert "— avant import de statuts-2022.csv (coordination) (" in b.label()
    listed = _cli(["backup", "list"], fresh_db)
    assert listed.returncode == 0 and "avant import de statuts-2022.csv (coordination)" in listed.stdout
    with zipfile.ZipFile(b.path) as zf:  # the metadata travels inside the backup
        meta = json.loads(zf.read("backup.json"))
    assert meta["origin"] == "statuts-2022.csv" and meta["rows"] > 100


def test_restore_returns_to_the_backup_and_keeps_the_log(con, fresh_db):
    original = table_checksums(con, DATA)
    first = backup.create(con, COORD)
    importer.apply_import(con, COORD, importer.plan_import(con, STATUS_CSV, "s.csv"))
    changed = table_checksums(con, DATA)
    assert changed != original
    reader = con.cursor()  # a session's cursor stays usable: no reconnect needed
    before = backup.restore(con, COORD, first.name)
    assert table_checksums(con, DATA) == original
    assert table_checksums(reader, DATA) == original
    ops = [r[0] for r in con.execute("SELECT operation FROM audit_log ORDER BY audit_id").fetchall()]
    assert ops[-2:] == ["import", "restauration"]
    with backup.opened(before) as saved:
        assert table_checksums(saved, DATA) == changed
    assert backup.list_backups(fresh_db)[0].label().endswith(
        f"avant restauration de {first.name} (coordination) ({backup.list_backups(fresh_db)[0].size_text()})")
    assert _parts(fresh_db) == []


def test_restore_refuses_a_bad_backup(con, fresh_db):
    folder = backup_dir(fresh_db)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "clsm-20240101-120000-abimee.zip").write_bytes(b"pas une base" * 100)
    newer = folder / "clsm-20240101-120001-future.duckdb"
    c = duckdb.connect(str(newer))
    c.execute("CREATE TABLE schema_version (version INTEGER, name VARCHAR, applied_at TIMESTAMP)")
    c.execute("INSERT INTO schema_version VALUES (999, '999_future.sql', now())")
    c.close()
    before = table_checksums(con, [*DATA, "audit_log"])
    with pytest.raises(backup.BackupError, match="ne s'ouvre pas"):
        backup.restore(con, COORD, "clsm-20240101-120000-abimee.zip")
    with pytest.raises(backup.BackupError, match="n'a pas le schéma attendu"):
        backup.restore(con, COORD, newer.name)
    with pytest.raises(backup.BackupError, match="introuvable"):
        backup.restore(con, COORD, "../clsm.duckdb")
    assert table_checksums(con, [*DATA, "audit_log"]) == before
    assert _parts(fresh_db) == []


def _previous_schema(db: Path) -> None:
    """Make `db` look as the previous version of the program left it: before migration 020 (change sets)."""
    c = duckdb.connect(str(db))
    try:
        c.execute("DROP TABLE change_row")
        c.execute("ALTER TABLE audit_log DROP COLUMN undoes")
        c.execute("DELETE FROM schema_version WHERE version >= 20")
        assert schema_version(c) < latest_version()
        c.execute("CHECKPOINT")
    finally:
        c.close()


def test_backup_of_the_previous_schema_is_migrated_and_restored(con, fresh_db, seed_db, tmp_path):
    # A backup as the previous program version made it: a plain copy of a file at schema N-1.
    old = tmp_path / "old.duckdb"
    shutil.copy2(seed_db, old)
    c = duckdb.connect(str(old))
    c.execute("UPDATE action SET status = 'abandonnée' WHERE action_id = 'fiche-15'")
    c.close()
    _previous_schema(old)
    folder = backup_dir(fresh_db)
    folder.mkdir(parents=True, exist_ok=True)
    name = "clsm-20250101-120000-avant-import.duckdb"
    shutil.copy2(old, folder / name)
    backup.restore(con, COORD, name)
    assert con.execute("SELECT status FROM action WHERE action_id = 'fiche-15'").fetchone()[0] == "abandonnée"
    assert schema_version(con) == latest_version()
    # The backup itself is left as it was (the migration ran on a temporary copy).
    c = duckdb.connect(str(folder / name), read_only=True)
    try:
        assert schema_version(c) < latest_version()
    finally:
        c.close()
    assert _parts(fresh_db) == []


def test_prepare_keeps_a_restorable_backup_before_migrating(tmp_path):
    from clsm_data.store.build import prepare

    db = tmp_path / "c.duckdb"
    prepare(db)
    c = duckdb.connect(str(db))
    c.execute("UPDATE action SET status = 'réalisée' WHERE action_id = 'fiche-15'")
    c.execute("INSERT INTO audit_log (audit_id, logged_at, actor, role, operation, table_name) "
              "VALUES (nextval('audit_seq'), now(), 'coordination', 'coordinator', 'modification', 'action')")
    c.close()
    _previous_schema(db)
    out = prepare(db)
    assert "copie gardée" in out
    kept = backup.list_backups(db)
    assert len(kept) == 1 and kept[0].reason == "avant-migration" and kept[0].schema < latest_version()
    assert "avant migration de base au schéma n°" in kept[0].label()
    con = connect(db, read_only=False)
    try:
        con.execute("UPDATE action SET status = 'idée' WHERE action_id = 'fiche-15'")
        backup.restore(con, COORD, kept[0].name)  # prepare's own copy restores: migrated forward
        assert con.execute("SELECT status FROM action WHERE action_id = 'fiche-15'").fetchone()[0] == "réalisée"
    finally:
        con.close()
    # --replace-file swaps in a migrated copy: the schema check of connect() passes.
    replaced = _cli(["backup", "restore", kept[0].name, "--replace-file"], db)
    assert replaced.returncode == 0, replaced.stderr
    connect(db).close()


def test_no_part_file_left_by_a_failed_or_killed_backup(con, fresh_db, monkeypatch):
    # A failure while writing the zip: an error, nothing half-written left.
    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(zipfile.ZipFile, "writestr", disk_full)
        with pytest.raises(backup.BackupError, match="n'a pas pu être faite"):
            backup.create(con, COORD)
    assert _parts(fresh_db) == [] and backup.list_backups(fresh_db) == []
    con.close()
    # A process killed (os._exit) just before its final rename leaves `.part` files behind...
    code = (
        "import os, sys\n"
        "from clsm_data.store import backup\n"
        "from clsm_data.store.db import connect\n"
        "from clsm_data.core.roles import Caller\n"
        "real = os.replace\n"
        "os.replace = lambda a, b: os._exit(9) if str(a).endswith('.part') else real(a, b)\n"
        f"c = connect({str(fresh_db)!r}, read_only=False)\n"
        "backup.create(c, Caller('x', 'coordinator'))\n"
    )
    killed = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert killed.returncode == 9, killed.stderr
    assert _parts(fresh_db) != [] and backup.list_backups(fresh_db) == []
    # ... which the next backup removes.
    c = connect(fresh_db, read_only=False)
    try:
        backup.create(c, COORD)
    finally:
        c.close()
    assert _parts(fresh_db) == [] and len(backup.list_backups(fresh_db)) == 1


def _aged(path: Path, days: float) -> Path:
    """A copy of a backup whose metadata says it was made `days` ago."""
    when = dt.datetime.now() - dt.timedelta(days=days)
    target = path.with_name(f"clsm-{when:%Y%m%d-%H%M%S}-avant-import.zip")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w") as dst:
        dst.writestr("clsm.duckdb", src.read("clsm.duckdb"))
        meta = json.loads(src.read("backup.json")) | {"created": when.replace(microsecond=0).isoformat()}
        dst.writestr("backup.json", json.dumps(meta))
    return target


def test_retention_keeps_the_last_backup_before_each_recent_import(con, fresh_db, monkeypatch):
    first = backup.create(con, COORD)
    very_old, before_import, old = _aged(first, 60), _aged(first, 20), _aged(first, 15)
    first.unlink()
    con.execute("INSERT INTO audit_log (audit_id, logged_at, actor, role, operation) "
                "VALUES (nextval('audit_seq'), ?, 'coordination', 'coordinator', 'import')",
                [dt.datetime.now() - dt.timedelta(days=18)])
    assert backup.prune(fresh_db, con) == []  # default: keep everything
    assert "Toutes les sauvegardes sont conservées" in backup.retention_text()
    monkeypatch.setenv("CLSM_BACKUP_KEEP_DAYS", "7")
    assert "sauf la plus récente et la dernière prise avant chaque import des 30 derniers jours" in (
        backup.retention_text())
    newest = backup.create(con, COORD)  # a new backup applies the rule
    left = {b.path for b in backup.list_backups(fresh_db)}
    assert left == {newest, before_import}  # the 20-day-old one preceded the import of 18 days ago
    assert not very_old.exists() and not old.exists()


def _cli(args, db):
    return subprocess.run([sys.executable, "-m", "clsm_data", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "CLSM_DB": str(db)}, timeout=120)


def test_cli_backup_create_list_restore(fresh_db):
    made = _cli(["backup", "create"], fresh_db)
    assert made.returncode == 0 and "Sauvegarde faite" in made.stdout
    listed = _cli(["backup", "list"], fresh_db)
    name = listed.stdout.split()[0]
    assert name.endswith("-manuelle.zip")
    assert "manuelle (coordination)" in listed.stdout
    restored = _cli(["backup", "restore", name], fresh_db)
    assert restored.returncode == 0, restored.stderr
    assert "restaurées" in restored.stdout
    replaced = _cli(["backup", "restore", name, "--replace-file"], fresh_db)
    assert replaced.returncode == 0, replaced.stderr
    con = connect(fresh_db)
    con.close()
    missing = _cli(["backup", "restore", "nope.duckdb"], fresh_db)
    assert missing.returncode == 1 and "introuvable" in missing.stderr
    assert _parts(fresh_db) == []
