"""The one write door and the storage seam (clsm_data.store.door, clsm_data.store.engine): a change lands whole
with its audit row or not at all, a check can refuse before COMMIT, and the texts saved at once are one change set."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clsm_data.access import accounts
from clsm_data.core.errors import ClsmError, ConfigError, PermissionDenied, WriteNotSavedError
from clsm_data.core.roles import COORDINATOR, PARTNER, Caller
from clsm_data.followup import texts
from clsm_data.store import door
from clsm_data.store.db import connect
from clsm_data.store.door import Done
from clsm_data.store.engine import engine

ROOT = Path(__file__).resolve().parent.parent
COORD = Caller("coordination", COORDINATOR)


def _audit_rows(con) -> int:
    return con.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def _structures(con) -> int:
    return con.execute("SELECT count(*) FROM structure").fetchone()[0]


def test_a_change_lands_with_its_audit_row(fresh_db):
    con = connect(fresh_db, read_only=False)
    before, audits = _structures(con), _audit_rows(con)

    def change(c, audit_id):
        c.execute("UPDATE structure SET commune = 'Metz' WHERE structure_id = (SELECT min(structure_id) FROM structure)")
        return Done(updated=1, table="structure", detail="essai")

    written = door.write(con, COORD, "essai", change, origin="test")
    assert written.audit_id is not None and written.done.updated == 1
    row = con.execute("SELECT operation, table_name, rows_updated, origin FROM audit_log WHERE audit_id = ?",
                      [written.audit_id]).fetchone()
    assert row == ("essai", "structure", 1, "test")
    assert _structures(con) == before and _audit_rows(con) == audits + 1
    con.close()


def test_a_failing_change_leaves_nothing_not_even_its_audit_row(fresh_db):
    con = connect(fresh_db, read_only=False)
    before, audits = _structures(con), _audit_rows(con)

    def change(c, audit_id):
        c.execute("DELETE FROM attendance")
        raise RuntimeError("panne au milieu")

    with pytest.raises(WriteNotSavedError, match="annulée"):
        door.write(con, COORD, "essai", change)
    assert con.execute("SELECT count(*) FROM attendance").fetchone()[0] > 0
    assert _structures(con) == before and _audit_rows(con) == audits
    con.close()


def test_a_check_before_commit_refuses_and_rolls_back(fresh_db):
    con = connect(fresh_db, read_only=False)
    audits = _audit_rows(con)
    n = con.execute("SELECT count(*) FROM attendance").fetchone()[0]

    def refuse(c, done):
        raise ClsmError("Écriture refusée : essai.", "Rien n'a été écrit.")

    with pytest.raises(ClsmError, match="Écriture refusée"):
        door.write(con, COORD, "essai", lambda c, _id: c.execute("DELETE FROM attendance") and None, check=refuse)
    assert con.execute("SELECT count(*) FROM attendance").fetchone()[0] == n and _audit_rows(con) == audits
    con.close()


def test_the_door_checks_the_role(fresh_db):
    con = connect(fresh_db, read_only=False)
    with pytest.raises(PermissionDenied):
        door.write(con, Caller("udaf57", PARTNER), "essai", lambda c, _id: None)
    con.close()


def test_sign_in_bookkeeping_goes_through_the_door_without_an_audit_row(fresh_db):
    con = connect(fresh_db, read_only=False)
    accounts.add_user(con, COORD, "udaf57", PARTNER, "une phrase de passe solide")
    audits = _audit_rows(con)
    with pytest.raises(ClsmError):
        accounts.authenticate(con, "udaf57", "pas le bon mot de passe")
    assert accounts.failed_count(con, "udaf57") == 1
    assert _audit_rows(con) == audits  # a failed password is no change of the council's data
    con.close()


def test_texts_saved_at_once_are_one_change_set(fresh_db):
    con = connect(fresh_db, read_only=False)
    audits = _audit_rows(con)
    result = texts.save_texts(con, COORD, 2021, {"introduction": "Une année de préparation.",
                                                 "faits": "Réunir le COPIL début 2022."})
    assert _audit_rows(con) == audits + 1 and result.audit_id is not None
    stored = dict(con.execute("SELECT section, text FROM report_text WHERE year = 2021").fetchall())
    assert stored["introduction"] == "Une année de préparation."
    assert stored["faits"] == "Réunir le COPIL début 2022."
    # one unknown section: nothing of the batch is written
    with pytest.raises(ClsmError, match="Section inconnue"):
        texts.save_texts(con, COORD, 2021, {"introduction": "Autre texte", "inconnue": "x"})
    assert con.execute("SELECT text FROM report_text WHERE year = 2021 AND section = 'introduction'"
                       ).fetchone()[0] == "Une année de préparation."
    con.close()


def test_checksums_follow_the_content(fresh_db):
    con = connect(fresh_db, read_only=False)
    eng = engine(con)
    first = eng.checksums(con, ["structure"])
    assert first == eng.checksums(con, ["structure"]) and first["structure"][0] == _structures(con)
    door.write(con, COORD, "essai", lambda c, _id: c.execute(
        "UPDATE structure SET commune = coalesce(commune, '') || ' ' WHERE structure_id = "
        "(SELECT min(structure_id) FROM structure)") and None)
    assert eng.checksums(con, ["structure"]) != first
    assert eng.data_version(con) == con.execute("SELECT max(audit_id) FROM audit_log").fetchone()[0]
    con.close()


def test_a_server_address_in_clsm_db_names_the_server_never_a_file(tmp_path, monkeypatch):
    """CLSM_DB=postgresql://… is the network edition (tests/test_postgres_store.py); a server that does not answer
    is said in French, and no file named « postgresql: » is made; another kind of server, or a password in the
    address, is refused."""
    from clsm_data.core.config import db_path

    monkeypatch.setenv("CLSM_DB", "mysql://clsm@localhost/clsm")
    with pytest.raises(ConfigError, match="serveur de base de données"):
        db_path()
    monkeypatch.setenv("CLSM_DB", "postgresql://clsm:secret@localhost/clsm")
    with pytest.raises(ConfigError, match="contient un mot de passe"):
        db_path()
    done = subprocess.run([sys.executable, "-m", "clsm_data", "build"], cwd=tmp_path, capture_output=True, text=True,
                          env={"CLSM_DB": "postgresql://clsm@127.0.0.1:9/clsm", "CLSM_LOCAL_DIR": str(tmp_path),
                               "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert done.returncode == 1 and "Le serveur PostgreSQL de la base clsm sur 127.0.0.1:9 ne répond pas" in done.stderr, \
        done.stderr
    assert list(tmp_path.iterdir()) == []  # no file named « postgresql: »


def test_the_command_line_takes_a_server_address_as_db():
    """`--db postgresql://…` reaches the server as CLSM_DB does (argparse no longer turns it into a path)."""
    from clsm_data.cli.main import parser
    from clsm_data.core.config import ServerDatabase

    args = parser().parse_args(["journal", "--db", "postgresql://clsm@localhost:5432/clsm"])
    assert isinstance(args.db, ServerDatabase) and str(args.db) == "postgresql://clsm@localhost:5432/clsm"
    args = parser().parse_args(["journal", "--db", "data/autre.duckdb"])
    assert not isinstance(args.db, ServerDatabase) and args.db.name == "autre.duckdb"


def test_a_remembered_answer_is_not_undone_from_the_journal_but_says_where(fresh_db):
    """The import memory writes through the door (one audit row) and the journal says where to take it back."""
    from clsm_data.core.errors import UndoRefused
    from clsm_data.importing import memory
    from clsm_data.importing.problems import Question
    from clsm_data.store import journal

    con = connect(fresh_db, read_only=False)
    q = Question("column", "meeting", "Lieu exact de la rencontre", [("place", "lieu"), ("-", "ignorer")])
    audit_id = memory.remember(con, COORD, [(q, "place")])
    assert con.execute("SELECT operation FROM audit_log WHERE audit_id = ?", [audit_id]).fetchone()[0] == \
        "correspondances d'import"
    with pytest.raises(UndoRefused, match="correspondance retenue par l'import") as refused:
        journal.plan_undo(con, audit_id)
    assert "Correspondances retenues" in refused.value.hint
    con.close()
