"""Backups: consistent copies, French listing, restore (current state saved first, audit kept), CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from clsm_data import backup, importer
from clsm_data.config import backup_dir
from clsm_data.db import connect, table_checksums
from clsm_data.roles import COORDINATOR, Caller
from clsm_data.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
COORD = Caller("coordination", COORDINATOR)
DATA = list(TABLES)


@pytest.fixture
def con(fresh_db):
    c = connect(fresh_db, read_only=False)
    yield c
    c.close()


def test_create_list_and_open(con, fresh_db):
    path = backup.create(con, COORD)
    assert path.parent == backup_dir(fresh_db) and path.exists()
    found = backup.list_backups(fresh_db)
    assert [b.path for b in found] == [path]
    assert re.match(r"^\d{2}/\d{2}/\d{4} à \d{2}:\d{2}:\d{2} — manuelle \(\d+,\d Mo\)$", found[0].label())
    copy = duckdb.connect(str(path), read_only=True)
    try:
        assert table_checksums(copy, DATA) == table_checksums(con, DATA)
    finally:
        copy.close()


def test_backup_holds_uncheckpointed_writes(con, fresh_db):
    importer.apply_import(con, COORD, importer.plan_import(con, "identifiant;statut\nfiche-15;réalisée\n".encode(),
                                                           "s.csv"))
    con.execute("UPDATE app_user SET failed_count = 0")  # leave something in the WAL
    path = backup.create(con, COORD)
    copy = duckdb.connect(str(path), read_only=True)
    try:
        assert copy.execute("SELECT status FROM action WHERE action_id='fiche-15'").fetchone()[0] == "réalisée"
    finally:
        copy.close()


def test_restore_returns_to_the_backup_and_keeps_the_log(con, fresh_db):
    original = table_checksums(con, DATA)
    first = backup.create(con, COORD)
    plan = importer.plan_import(con, "identifiant;statut\nfiche-15;réalisée\n".encode(), "s.csv")
    importer.apply_import(con, COORD, plan)
    changed = table_checksums(con, DATA)
    assert changed != original
    reader = con.cursor()  # a session's cursor stays usable: no reconnect needed
    before = backup.restore(con, COORD, first.name)
    assert table_checksums(con, DATA) == original
    assert table_checksums(reader, DATA) == original
    ops = [r[0] for r in con.execute("SELECT operation FROM audit_log ORDER BY audit_id").fetchall()]
    assert ops[-2:] == ["import", "restauration"]
    saved = duckdb.connect(str(before), read_only=True)
    try:
        assert table_checksums(saved, DATA) == changed
    finally:
        saved.close()


def test_restore_refuses_a_bad_backup(con, fresh_db):
    folder = backup_dir(fresh_db)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "clsm-20240101-120000-abimee.duckdb").write_bytes(b"pas une base" * 100)
    old = folder / "clsm-20240101-120001-ancienne.duckdb"
    c = duckdb.connect(str(old))
    c.execute("CREATE TABLE schema_version (version INTEGER, name VARCHAR, applied_at TIMESTAMP)")
    c.execute("INSERT INTO schema_version VALUES (1, '001_schema.sql', now())")
    c.close()
    before = table_checksums(con, [*DATA, "audit_log"])
    with pytest.raises(backup.BackupError, match="ne s'ouvre pas"):
        backup.restore(con, COORD, "clsm-20240101-120000-abimee.duckdb")
    with pytest.raises(backup.BackupError, match="n'a pas le schéma attendu"):
        backup.restore(con, COORD, old.name)
    with pytest.raises(backup.BackupError, match="introuvable"):
        backup.restore(con, COORD, "../clsm.duckdb")
    assert table_checksums(con, [*DATA, "audit_log"]) == before


def _cli(args, db):
    return subprocess.run([sys.executable, "-m", "clsm_data", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "CLSM_DB": str(db)}, timeout=120)


def test_cli_backup_create_list_restore(fresh_db):
    made = _cli(["backup", "create"], fresh_db)
    assert made.returncode == 0 and "Sauvegarde faite" in made.stdout
    listed = _cli(["backup", "list"], fresh_db)
    name = listed.stdout.split()[0]
    assert name.endswith("-manuelle.duckdb")
    restored = _cli(["backup", "restore", name], fresh_db)
    assert restored.returncode == 0, restored.stderr
    assert "restaurées" in restored.stdout
    replaced = _cli(["backup", "restore", name, "--replace-file"], fresh_db)
    assert replaced.returncode == 0, replaced.stderr
    con = connect(fresh_db)
    con.close()
    missing = _cli(["backup", "restore", "nope.duckdb"], fresh_db)
    assert missing.returncode == 1 and "introuvable" in missing.stderr
