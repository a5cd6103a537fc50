"""The build command: every source document lands, idempotence, refusals, bad seed files named precisely."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from clsm_data.core.config import SEED_DIR
from clsm_data.core.errors import ClsmError, DataFileError
from clsm_data.core.tables import TABLES
from clsm_data.store.build import build
from clsm_data.store.db import connect, latest_version, table_checksums

ROOT = Path(__file__).resolve().parent.parent


def one(con, sql, params=None):
    return con.execute(sql, params or []).fetchone()


@pytest.fixture(scope="module")
def con(seed_db):
    c = duckdb.connect(str(seed_db), read_only=True)
    yield c
    c.close()


def test_schema_version_recorded(con):
    assert one(con, "SELECT max(version) FROM schema_version")[0] == latest_version()


def test_every_seed_file_lands(con):
    """Each CSV's data rows all reach its table (row counts per file summed per table)."""
    import csv

    expected: dict[str, int] = {}
    for path in SEED_DIR.glob("*/*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.reader(fh)][1:]
        expected[path.stem] = expected.get(path.stem, 0) + sum(1 for r in rows if any(r))
    for table, n in expected.items():
        assert one(con, f"SELECT count(*) FROM {table}")[0] == n, table


def test_doc000_action_ideas(con):
    # issue 16: the brainstorm's ideas are proposals, never engaged actions
    assert one(con, "SELECT count(*) FROM proposal WHERE plan_id = 'pistes-2021'")[0] == 121
    assert one(con, "SELECT count(*) FROM action WHERE plan_id = 'pistes-2021'")[0] == 0
    assert one(con, "SELECT count(*) FROM axis WHERE plan_id = 'pistes-2021'")[0] == 5
    origins = dict(con.execute("SELECT origin, count(*) FROM proposal WHERE plan_id='pistes-2021' GROUP BY 1").fetchall())
    assert origins == {"partenaires": 83, "CLSM": 38}
    title = one(con, "SELECT title FROM proposal WHERE title LIKE 'Créer un centre médico-psychologique mobile%'")
    assert title is not None
    row = one(con, "SELECT ax.number, t.name FROM proposal a JOIN axis ax USING (axis_id) JOIN theme t USING (theme_id) "
                   "WHERE a.title LIKE 'Former aux premiers secours en santé mentale%'")
    assert row == (3, "Situations de crise")


def test_doc001_history_meetings_sism(con):
    copil = [r[0].isoformat() for r in con.execute(
        "SELECT date FROM meeting WHERE instance_id = 'copil' ORDER BY date").fetchall()]
    assert copil == ["2017-02-01", "2018-10-01", "2020-02-01"]
    plen = [r[0].isoformat() for r in con.execute(
        "SELECT date FROM meeting WHERE instance_id = 'pleniere' ORDER BY date").fetchall()]
    assert plen == ["2017-05-01", "2018-10-01", "2019-12-01"]
    assert one(con, "SELECT partners_count, events_count, participants_count FROM event "
                    "WHERE kind = 'SISM' AND year = 2018") == (13, 17, 800)
    assert one(con, "SELECT participants_count FROM event WHERE kind = 'SISM' AND year = 2020")[0] is None
    assert one(con, "SELECT sum(sessions_count) FROM event WHERE kind = 'sensibilisation' AND year = 2019")[0] == 5
    assert one(con, "SELECT count(*) FROM axis WHERE plan_id = 'clsm-2020'")[0] == 3
    assert one(con, "SELECT count(*) FROM resource WHERE kind = 'outil de coordination'")[0] >= 5
    assert one(con, "SELECT count(*) FROM milestone WHERE category = 'logement'")[0] == 6


def test_doc002_meeting_attendance_and_figures(con):
    assert one(con, "SELECT mode FROM meeting WHERE date = DATE '2021-11-18'")[0] == "hybride"
    assert one(con, "SELECT sum(count) FROM attendance a JOIN meeting m USING (meeting_id) "
                    "WHERE m.date = DATE '2021-11-18'")[0] == 28
    roles = dict(con.execute("SELECT role_category, sum(count) FROM attendance GROUP BY 1").fetchall())
    assert roles.get("aidant", 0) >= 2 and roles.get("usager", 0) >= 2
    assert one(con, "SELECT value FROM indicator_value WHERE indicator_id = 'f15-proc-2' AND period_label = '2021'")[0] == 26
    assert one(con, "SELECT value FROM indicator_value WHERE indicator_id = 'f15-proc-3' AND period_label = '2021'")[0] == 90
    assert one(con, "SELECT count(*) FROM meeting_note WHERE kind = 'décision'")[0] >= 2


def test_doc003_sheet_32(con):
    row = one(con, "SELECT status, porteur_id, period_label, territory FROM action WHERE sheet_number = '32'")
    assert row == ("conception", "ch-jury", "2017-2020", "Commune de Metz")
    assert one(con, "SELECT count(*) FROM action_step WHERE action_id = 'fiche-32'")[0] == 3
    assert one(con, "SELECT planned_end FROM action_step WHERE step_id = 'f32-s3'")[0].isoformat() == "2018-06-30"
    assert one(con, "SELECT count(*) FROM action_partner WHERE action_id = 'fiche-32' AND structure_id = 'ireps-lorraine'")[0] == 1


def test_doc004_sheet_15(con):
    row = one(con, "SELECT budget_eur, follow_up, territory, reduces_inequalities FROM action WHERE sheet_number = '15'")
    assert row == (5000.0, "Bilan annuel", "Intercommunal", True)
    kinds = dict(con.execute("SELECT kind, count(*) FROM indicator WHERE action_id = 'fiche-15' GROUP BY 1").fetchall())
    assert kinds == {"processus": 3, "résultat": 2}


def test_structures_have_no_invented_coordinates(con):
    assert one(con, "SELECT count(*) FROM structure")[0] >= 50
    assert one(con, "SELECT count(*) FROM structure WHERE latitude IS NOT NULL")[0] == 0
    assert one(con, "SELECT founding_partner FROM structure WHERE structure_id = 'ch-jury'")[0] is True


def test_build_is_idempotent(tmp_path):
    path = tmp_path / "a.duckdb"
    first = build(path, SEED_DIR)
    assert first.rebuilt
    c = connect(path)
    before = table_checksums(c, list(TABLES))
    c.close()
    second = build(path, SEED_DIR)
    assert not second.rebuilt and second.counts == first.counts
    c = connect(path)
    assert table_checksums(c, list(TABLES)) == before
    c.close()


def test_build_refuses_to_overwrite_changes(tmp_path):
    path = tmp_path / "a.duckdb"
    build(path, SEED_DIR)
    c = duckdb.connect(str(path))
    c.execute("UPDATE action SET status = 'réalisée' WHERE action_id = 'fiche-32'")
    c.close()
    with pytest.raises(ClsmError, match="modifications faites après sa construction"):
        build(path, SEED_DIR)
    report = build(path, SEED_DIR, force=True)
    assert report.rebuilt and report.backup is not None and report.backup.exists()
    c = connect(path)
    assert one(c, "SELECT status FROM action WHERE action_id = 'fiche-32'")[0] == "conception"
    c.close()


def test_clsm_db_points_commands_elsewhere(tmp_path):
    target = tmp_path / "autre.duckdb"
    env = {"CLSM_DB": str(target), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "clsm_data", "build"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "Base construite" in out.stdout and target.exists()


def _copy_seed(tmp_path) -> Path:
    dest = tmp_path / "seed"
    shutil.copytree(SEED_DIR, dest)
    return dest


BAD_SEEDS = [
    ("001_avancee_2020/event.csv", "SISM,2018", "SISMX,2018", r"event\.csv, ligne \d+, colonne « kind » : « SISMX »"),
    ("001_avancee_2020/meeting.csv", "2017-02-01", "2017-02-30", r"meeting\.csv, ligne 2, colonne « date » : .*n'est pas une date qui existe"),
    ("003_fiche_32/action_partner.csv", "ireps-lorraine", "ireps-inconnu", r"action_partner\.csv, ligne \d+, colonne « structure_id » : « ireps-inconnu » ne correspond"),
    ("004_fiche_15/action.csv", "5000", "5 000 €", r"action\.csv, ligne 2, colonne « budget_eur » : « 5 000 € » n'est pas un nombre"),
    ("common/theme.csv", "theme_id,name", "theme_id,nom", r"theme\.csv, ligne 1, colonne « nom » : colonne inconnue"),
]


@pytest.mark.parametrize(("rel", "old", "new", "message"), BAD_SEEDS)
def test_bad_seed_file_named_with_line_and_column(tmp_path, rel, old, new, message):
    seed = _copy_seed(tmp_path)
    path = seed / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    target = tmp_path / "x.duckdb"
    with pytest.raises(DataFileError) as err:
        build(target, seed)
    assert any(__import__("re").search(message, line) for line in err.value.details()), err.value.details()
    assert not target.exists()


def test_duplicate_key_and_bom_refused(tmp_path):
    seed = _copy_seed(tmp_path)
    theme = seed / "common" / "theme.csv"
    lines = theme.read_text(encoding="utf-8").splitlines(keepends=True)
    theme.write_text("".join(lines + [lines[1]]), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"theme\.csv, ligne \d+, colonne « theme_id » : clé \('jeunes',\) déjà présente"):
        build(tmp_path / "x.duckdb", seed)
    theme.write_bytes(b"\xef\xbb\xbf" + "".join(lines).encode())
    with pytest.raises(DataFileError, match="BOM"):
        build(tmp_path / "x.duckdb", seed)


def test_cli_reports_bad_seed_in_french(tmp_path):
    seed = _copy_seed(tmp_path)
    (seed / "common" / "council.csv").write_text("council_id,name\nclsm-metz,\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "clsm_data", "build", "--db", str(tmp_path / "x.duckdb"), "--seed",
                          str(seed)], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2
    assert "council.csv, ligne 2, colonne « name » : valeur obligatoire manquante" in out.stderr


def test_prepare_never_overwrites_changes_and_migrates_in_place(tmp_path):
    """`make run` runs `prepare`: a file with the coordinator's edits is migrated in place, never rebuilt."""
    from clsm_data.store.build import prepare

    db = tmp_path / "c.duckdb"
    assert "Base construite" in prepare(db)
    con = duckdb.connect(str(db))
    # as if built by the previous version (no accounts table yet) and then edited by the coordinator
    con.execute("DROP TABLE app_user")
    con.execute("DROP TABLE change_row")  # and no change sets yet (020)
    con.execute("ALTER TABLE audit_log DROP COLUMN undoes")
    con.execute("DROP TABLE slide_sequence")  # migration 040 (issue 10)
    con.execute("DROP TABLE report_text")
    con.execute("DELETE FROM schema_version WHERE version >= 3")
    con.execute("UPDATE action SET status = 'réalisée' WHERE action_id = 'fiche-15'")
    con.execute("INSERT INTO audit_log (audit_id, logged_at, actor, role, operation, table_name) "
                "VALUES (nextval('audit_seq'), now(), 'coordination', 'coordinator', 'modification', 'action')")
    con.close()
    out = prepare(db)
    assert f"au n°{latest_version()}" in out and "copie gardée" in out
    con = connect(db, read_only=True)  # the schema check passes again
    try:
        assert con.execute("SELECT status FROM action WHERE action_id = 'fiche-15'").fetchone()[0] == "réalisée"
        assert con.execute("SELECT count(*) FROM app_user").fetchone()[0] == 0
    finally:
        con.close()
    assert "Schéma" not in prepare(db)  # nothing more to do the second time
