"""The store on PostgreSQL (issue 18, deliver 1): the same build, reads, change sets, undo, backups and French
messages as on the DuckDB file, on a throwaway cluster (tests/pg_cluster.py), no mock of either engine."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pandas as pd
import pytest

from clsm_data.core.errors import (
    ConflictError,
    DatabaseMissingError,
    QueryError,
    SchemaError,
    UndoRefused,
    WriteBusyError,
)
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.core.tables import LOAD_ORDER, TABLES
from clsm_data.importing import edits
from clsm_data.read import queries, statements
from clsm_data.read.filters import Filters
from clsm_data.store import backup, journal, writes
from clsm_data.store.db import connect, table_checksums
from clsm_data.store.engine import engine
from tests import pg_cluster
from tests.pg_cluster import TEMPLATE

ROOT = Path(__file__).resolve().parent.parent
COORD = Caller("coordination", COORDINATOR)
# The throwaway cluster with the seed as a template, a private copy of it per test (tests/pg_cluster.py).
cluster, pg_url, pg = pg_cluster.cluster, pg_cluster.pg_url, pg_cluster.pg


def _counts(con) -> dict[str, int]:
    return {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in LOAD_ORDER}


# ---------------------------------------------------------------- build and reads


def test_build_writes_the_seed_into_the_server_not_into_a_file(cluster, seed_db, tmp_path):
    url = cluster.create_database()
    env = {**os.environ, "CLSM_DB": url, "CLSM_LOCAL_DIR": str(tmp_path / "local"), "PYTHONPATH": str(ROOT)}
    work = tmp_path / "work"
    work.mkdir()
    done = subprocess.run([sys.executable, "-m", "clsm_data", "build"], cwd=work, env=env, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert "Base construite" in done.stdout
    assert list(work.iterdir()) == []  # nothing written beside the command: the data is on the server
    con = connect(url)
    try:
        assert engine(con).name == "postgres"
        duck = connect(seed_db)
        try:
            assert _counts(con) == _counts(duck)
        finally:
            duck.close()
    finally:
        con.close()
    again = subprocess.run([sys.executable, "-m", "clsm_data", "build"], cwd=work, env=env, capture_output=True,
                           text=True, timeout=180)
    assert again.returncode == 0 and "Base déjà à jour" in again.stdout, again.stderr


READS = {
    "headline": lambda c: queries.headline(c, Filters()),
    "headline (période)": lambda c: queries.headline(c, Filters(period_start=pd.Timestamp("2021-01-01").date())),
    "progress": lambda c: queries.progress(c, Filters()),
    "progress par thème": lambda c: queries.progress(c, Filters(), "theme"),
    "actions": lambda c: queries.actions(c, Filters(), "logement"),
    "meetings": lambda c: queries.meetings(c, Filters(), hide_sensitive=True),
    "meetings_per_year": lambda c: queries.meetings_per_year(c, Filters()),
    "attendance_by_role": lambda c: queries.attendance_by_role(c, Filters()),
    "attendance_by_sector": lambda c: queries.attendance_by_sector(c, Filters()),
    "actors_typology": lambda c: queries.actors_typology(c, Filters()),
    "axes": lambda c: queries.axes(c),
    "realisations": lambda c: queries.realisations(c, f=Filters()),
    "action_sheet": lambda c: queries.action_sheet(c, "fiche-32"),
    "missing_data": lambda c: queries.missing_data(c),
    "changes_since": lambda c: queries.changes_since(c, pd.Timestamp("2021-01-01").date()),
    "plans_with_actions": lambda c: statements.plans_with_actions(c),
    "proposals": lambda c: statements.proposals(c),
}


@pytest.mark.parametrize("name", list(READS))
def test_the_pages_queries_give_the_same_figures_on_both_engines(name, pg, seed_db):
    duck = connect(seed_db)
    try:
        a, b = READS[name](duck), READS[name](pg)
    finally:
        duck.close()
    if isinstance(a, pd.DataFrame):
        keys = list(a.columns[:2])  # rows tied in the ORDER BY may come in either order, on either engine
        pd.testing.assert_frame_equal(a.sort_values(keys).reset_index(drop=True),
                                      b.sort_values(keys).reset_index(drop=True), check_dtype=False)
    else:
        assert str(a) == str(b)


# ---------------------------------------------------------------- change sets and undo


EDIT = [{"action_id": "fiche-32", "status": "reportée"}]


def test_an_edit_and_an_import_are_change_sets_undone_on_their_own(pg, pg_url, cluster):
    from clsm_data import importing as importer
    from tests.test_undo import WORKBOOK

    before = table_checksums(pg, list(TABLES))
    edit = edits.save_edits(pg, COORD, "action", EDIT)
    after_edit = table_checksums(pg, list(TABLES))
    done = importer.apply_import(pg, COORD, importer.plan_import(pg, WORKBOOK, "classeur-2022.xlsx"))
    assert done.audit_id == edit.audit_id + 1 and done.backup is not None and done.backup.exists()
    assert pg.execute("SELECT count(*) FROM meeting WHERE meeting_id LIKE 'copil-2022%'").fetchone()[0] == 2
    journal.undo(pg, COORD, done.audit_id)
    assert table_checksums(pg, list(TABLES)) == after_edit  # the import gone, the earlier edit kept
    journal.undo(pg, COORD, edit.audit_id)
    assert table_checksums(pg, list(TABLES)) == before
    log = journal.change_sets(pg)
    assert list(log["state"])[:2] == [f"annule le n°{edit.audit_id}", f"annule le n°{done.audit_id}"]


def test_undo_is_refused_when_a_later_write_touched_the_same_rows(pg):
    first = edits.save_edits(pg, COORD, "action", EDIT)
    later = edits.save_edits(pg, COORD, "action", [{"action_id": "fiche-32", "status": "réalisée"}])
    with pytest.raises(UndoRefused, match="des écritures plus récentes ont modifié les mêmes lignes") as err:
        journal.undo(pg, COORD, first.audit_id)
    assert f"n°{later.audit_id}" in str(err.value)
    assert pg.execute("SELECT status FROM action WHERE action_id = 'fiche-32'").fetchone()[0] == "réalisée"


def test_a_change_set_planned_on_older_data_is_refused_as_a_conflict(pg):
    from clsm_data.store.changeset import ImportPlan, TableChange

    row = writes.stored_rows(pg, "action", [("fiche-32",)])[("fiche-32",)]  # the preview, before another write
    change = TableChange("action", ["action_id", "status"], updated=[(row, {**row, "status": "reportée"})])
    plan = ImportPlan(origin="test", changes={"action": change}, base=table_checksums(pg, ["action"]),
                      operation="modification")
    edits.save_edits(pg, COORD, "action", [{"action_id": "fiche-15", "status": "réalisée"}])
    with pytest.raises(ConflictError, match="Les données ont changé depuis l'aperçu"):
        writes.apply_plan(pg, COORD, plan, backup=False)
    assert pg.execute("SELECT status FROM action WHERE action_id = 'fiche-32'").fetchone()[0] != "reportée"


def test_a_backup_of_the_server_restores_into_it(pg):
    before = table_checksums(pg, list(TABLES))
    made = backup.create(pg, COORD, "manuelle")
    assert made.suffix == ".zip" and made.exists()
    edits.save_edits(pg, COORD, "action", EDIT)
    assert table_checksums(pg, list(TABLES)) != before
    backup.restore(pg, COORD, made.name)
    assert table_checksums(pg, list(TABLES)) == before


# ---------------------------------------------------------------- two writers at once


WRITER = textwrap.dedent("""
    import sys
    from clsm_data.core.errors import ConflictError, WriteBusyError
    from clsm_data.core.roles import COORDINATOR, Caller
    from clsm_data.store import writes
    from clsm_data.store.changeset import ImportPlan, TableChange
    from clsm_data.store.db import connect, table_checksums

    url, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    con = connect(url, read_only=False)
    ids = [r[0] for r in con.execute("SELECT structure_id FROM structure ORDER BY structure_id").fetchall()]
    retries = 0
    for i in range(n):
        while True:  # what a coordinator does on « les données ont changé »: look again, confirm again
            sid = ids[(i * 2 + (tag == "b")) % len(ids)]
            row = writes.stored_rows(con, "structure", [(sid,)])[(sid,)]
            after = {**row, "note": (row["note"] or "") + f" [{tag}{i}]"}
            plan = ImportPlan(origin=f"écrivain {tag}", operation="modification",
                              changes={"structure": TableChange("structure", ["structure_id", "note"],
                                                                updated=[(row, after)])},
                              base=table_checksums(con, ["structure"]))
            try:
                writes.apply_plan(con, Caller(tag, COORDINATOR), plan, backup=False)
                break
            except (ConflictError, WriteBusyError):
                retries += 1
    print(retries)
""")


def test_two_coordinators_writing_at_once_never_lose_a_write(pg_url, pg):
    """Two processes (two app servers) write the same table at once: every write lands or is refused as a conflict
    and made again; none is lost (the advisory lock around the conflict check and the transaction)."""
    n = 8
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, pg_url, tag, str(n)], env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for tag in ("a", "b")]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1][-2000:] for o in outs]
    notes = " ".join(r[0] or "" for r in pg.execute("SELECT note FROM structure").fetchall())
    lost = [f"[{t}{i}]" for t in "ab" for i in range(n) if f"[{t}{i}]" not in notes]
    assert not lost, f"writes lost: {lost}"
    assert pg.execute("SELECT count(*) FROM audit_log WHERE origin LIKE 'écrivain %'").fetchone()[0] == 2 * n


def test_the_writer_lock_is_one_for_every_connection_to_the_database(pg_url):
    from clsm_data.store.postgres import POSTGRES

    a, b = connect(pg_url, read_only=False), connect(pg_url, read_only=False)
    try:
        with POSTGRES.lock(a, timeout=1):
            with pytest.raises(WriteBusyError, match="Une autre écriture est en cours"):
                with POSTGRES.lock(b, timeout=0.3):
                    pass
        with POSTGRES.lock(b, timeout=1):  # released with the block
            pass
    finally:
        a.close()
        b.close()


def test_a_write_that_bypassed_the_lock_could_not_lose_another_serializable(pg_url):
    """Write transactions are SERIALIZABLE: two read-modify-writes of one row, interleaved without the lock,
    cannot both commit; PostgreSQL aborts the second one."""
    from clsm_data.store.postgres import POSTGRES, SerializationFailure

    a, b = connect(pg_url, read_only=False), connect(pg_url, read_only=False)
    sql_read = "SELECT count FROM attendance ORDER BY meeting_id, structure_id, role_category LIMIT 1"
    sql_write = ("UPDATE attendance SET count = ? WHERE (meeting_id, structure_id, role_category) = "
                 "(SELECT meeting_id, structure_id, role_category FROM attendance "
                 "ORDER BY meeting_id, structure_id, role_category LIMIT 1)")
    try:
        start = a.execute(sql_read).fetchone()[0]
        POSTGRES.begin(a)
        POSTGRES.begin(b)
        seen_a, seen_b = a.execute(sql_read).fetchone()[0], b.execute(sql_read).fetchone()[0]
        a.execute(sql_write, [seen_a + 1])
        POSTGRES.commit(a)
        with pytest.raises(SerializationFailure, match="could not serialize"):
            b.execute(sql_write, [seen_b + 1])
        POSTGRES.rollback(b)
        assert a.execute(sql_read).fetchone()[0] == start + 1
    finally:
        a.close()
        b.close()


def test_snapshots_see_one_committed_state_while_a_write_lands(pg_url, pg):
    reader = connect(pg_url)
    try:
        with engine(reader).snapshot(reader) as snap:
            n = snap.execute("SELECT count(*) FROM audit_log").fetchone()[0]
            t = threading.Thread(target=lambda: edits.save_edits(pg, COORD, "action", EDIT))
            t.start()
            t.join(60)
            assert snap.execute("SELECT count(*) FROM audit_log").fetchone()[0] == n
        assert reader.execute("SELECT count(*) FROM audit_log").fetchone()[0] == n + 1
    finally:
        reader.close()


# ---------------------------------------------------------------- French messages


def test_the_messages_are_french_on_postgres_too(cluster):
    with pytest.raises(DatabaseMissingError, match="n'existe pas sur le serveur PostgreSQL"):
        connect(cluster.url("absente"))
    empty = cluster.create_database()
    with pytest.raises(SchemaError, match="au schéma n°0"):
        connect(empty)
    with pytest.raises(QueryError, match="La lecture des données a échoué"):
        queries.run(connect(cluster.url(TEMPLATE)), "SELECT * FROM table_absente")
