"""Undo (issue 11 item 6): each write is a change set with its before-images, reverted on its own, audited."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from clsm_data import importing as importer
from clsm_data.core.errors import ClsmError
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.core.tables import TABLES
from clsm_data.importing import edits
from clsm_data.read import queries
from clsm_data.store import backup, journal, writes
from clsm_data.store.db import connect, table_checksums

ROOT = Path(__file__).resolve().parent.parent
COORD = Caller("coordination", COORDINATOR)
DATA = list(TABLES)


def shown(markdown: str) -> str:
    """What a markdown message reads on screen (the app escapes data with backslashes)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def xlsx(sheets: dict[str, list[list]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# A coordinator's 2022 workbook: one action updated, two meetings added with their attendance.
WORKBOOK = xlsx({
    "actions": [["identifiant", "statut"], ["fiche-15", "réalisée"]],
    "réunions": [["identifiant", "instance", "date", "précision de la date", "lieu"],
                 ["copil-2022-03-15", "copil", dt.datetime(2022, 3, 15), "jour", "Hôtel de ville"],
                 ["copil-2022-10-04", "copil", dt.datetime(2022, 10, 4), "jour", None]],
    "présences": [["réunion", "structure", "catégorie", "nombre"],
                  ["copil-2022-03-15", "ville-metz", "élu", 2],
                  ["copil-2022-03-15", "gem-albatros", "usager", 4]],
})
EDIT = [{"action_id": "fiche-32", "status": "reportée"}]  # a later edit, on a row the workbook does not touch


@pytest.fixture
def con(fresh_db):
    c = connect(fresh_db, read_only=False)
    yield c
    c.close()


def _import(con, data: bytes = WORKBOOK, name: str = "classeur-2022.xlsx"):
    return importer.apply_import(con, COORD, importer.plan_import(con, data, name))


def test_import_undone_leaves_the_tables_as_before_and_a_later_edit_survives(con, fresh_db, tmp_path):
    # The reference: the same database with only the later edit applied.
    ref_path = tmp_path / "ref.duckdb"
    shutil.copy2(fresh_db, ref_path)
    ref = connect(ref_path, read_only=False)
    try:
        edits.save_edits(ref, COORD, "action", EDIT)
        expected = table_checksums(ref, DATA)
    finally:
        ref.close()
    original = table_checksums(con, DATA)
    imported = _import(con)
    assert (imported.added, imported.updated) == (4, 1)
    edits.save_edits(con, COORD, "action", EDIT)
    assert table_checksums(con, DATA) != expected

    plan = journal.plan_undo(con, imported.audit_id)
    assert {t: (len(c.deleted), len(c.updated), len(c.added)) for t, c in plan.changes.items()} == {
        "action": (0, 1, 0), "meeting": (2, 0, 0), "attendance": (2, 0, 0)}
    result = journal.undo(con, COORD, imported.audit_id)

    assert table_checksums(con, DATA) == expected  # byte for byte in every table's content
    assert table_checksums(con, DATA) != original  # the later edit is still there
    assert con.execute("SELECT status FROM action WHERE action_id = 'fiche-32'").fetchone()[0] == "reportée"
    assert con.execute("SELECT count(*) FROM meeting WHERE meeting_id LIKE 'copil-2022-%'").fetchone()[0] == 0
    log = journal.change_sets(con, 5)
    assert log.iloc[0]["operation"] == "annulation" and log.iloc[0]["undoes"] == imported.audit_id
    assert journal.state(log.set_index("audit_id").loc[imported.audit_id]) == f"annulée par n°{result.audit_id}"

    # The undo is a change set too: undoing it puts the import back.
    journal.undo(con, COORD, result.audit_id)
    assert con.execute("SELECT count(*) FROM meeting WHERE meeting_id LIKE 'copil-2022-%'").fetchone()[0] == 2
    assert con.execute("SELECT status FROM action WHERE action_id = 'fiche-15'").fetchone()[0] == "réalisée"


def test_undo_refused_when_a_later_edit_touched_the_same_rows(con):
    before = table_checksums(con, [*DATA, "audit_log"])
    imported = _import(con)
    edit = edits.save_edits(con, COORD, "action", [{"action_id": "fiche-15", "status": "reportée"}])
    title = re.escape(con.execute("SELECT title FROM action WHERE action_id = 'fiche-15'").fetchone()[0][:80])
    with pytest.raises(journal.UndoRefused, match=(
        rf"Impossible d'annuler l'écriture n°{imported.audit_id} \(import du .*classeur-2022.xlsx\) : des écritures "
        rf"plus récentes ont modifié les mêmes lignes — n°{edit.audit_id} \(modification du .*\) : actions « {title} »")):
        journal.plan_undo(con, imported.audit_id)
    # Undo the later edit first, then the import: back to the start.
    journal.undo(con, COORD, edit.audit_id)
    journal.undo(con, COORD, imported.audit_id)
    assert table_checksums(con, DATA) == {k: v for k, v in before.items() if k != "audit_log"}
    with pytest.raises(journal.UndoRefused, match="déjà annulée"):
        journal.plan_undo(con, imported.audit_id)


def test_undo_refused_after_a_restore(con):
    first = backup.create(con, COORD)
    imported = _import(con)
    backup.restore(con, COORD, first.name)
    with pytest.raises(journal.UndoRefused, match="une sauvegarde a été restaurée depuis"):
        journal.plan_undo(con, imported.audit_id)


def test_delete_a_row_then_undo_it(con):
    before = table_checksums(con, DATA)
    row = con.execute("SELECT * FROM milestone ORDER BY milestone_id LIMIT 1").fetchall()[0]
    key = con.execute("SELECT milestone_id FROM milestone ORDER BY milestone_id LIMIT 1").fetchone()[0]
    deleted = writes.delete_rows(con, COORD, "milestone", [{"milestone_id": key}])
    assert deleted.deleted == 1 and "1 supprimée(s)" in deleted.summary()
    assert con.execute("SELECT count(*) FROM milestone WHERE milestone_id = ?", [key]).fetchone()[0] == 0
    logged = journal.change_sets(con, 1).iloc[0]
    assert (logged["operation"], logged["rows_deleted"], logged["table_name"]) == ("suppression", 1, "milestone")
    journal.undo(con, COORD, deleted.audit_id)
    assert con.execute("SELECT * FROM milestone WHERE milestone_id = ?", [key]).fetchall() == [row]
    assert table_checksums(con, DATA) == before


def test_delete_refuses_a_row_still_used(con):
    before = table_checksums(con, DATA)
    with pytest.raises(ClsmError, match=r"Impossible de supprimer « Ville de Metz » \(table structures\) : d'autres "
                       r"lignes y renvoient encore — .*Partenaires des actions renvoyant à la structure « Ville de Metz »"):
        writes.delete_rows(con, COORD, "structure", [{"structure_id": "ville-metz"}])
    with pytest.raises(ClsmError, match="introuvable"):
        writes.delete_rows(con, COORD, "milestone", [{"milestone_id": "nulle-part"}])
    assert table_checksums(con, DATA) == before


def test_a_write_without_before_images_is_not_undoable(con):
    con.execute("INSERT INTO audit_log (audit_id, logged_at, actor, role, operation) "
                "VALUES (nextval('audit_seq'), now(), 'x', 'coordinator', 'compte')")
    audit_id = con.execute("SELECT max(audit_id) FROM audit_log").fetchone()[0]
    with pytest.raises(journal.UndoRefused, match="ne peut pas être annulée seule"):
        journal.plan_undo(con, audit_id)
    with pytest.raises(journal.UndoRefused, match="Aucune écriture à annuler"):
        journal.last_undoable(con)


def test_changes_since_counts_a_status_change(con):
    yesterday = dt.date.today() - dt.timedelta(days=1)
    before = queries.changes_since(con, yesterday)
    importer.apply_import(con, COORD, importer.plan_import(con, "identifiant;statut\nfiche-15;réalisée\n".encode(),
                                                           "statuts.csv"))
    after = queries.changes_since(con, yesterday)
    assert after["actions_n"] == before["actions_n"] + 1
    assert after["writes_n"] == before["writes_n"] + 1


def _cli(args, db):
    return subprocess.run([sys.executable, "-m", "clsm_data", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "CLSM_DB": str(db)}, timeout=120)


def test_cli_journal_and_undo_last(fresh_db):
    con = connect(fresh_db, read_only=False)
    try:
        imported = _import(con)
        checksums = table_checksums(con, DATA)
    finally:
        con.close()
    listed = _cli(["journal"], fresh_db)
    assert listed.returncode == 0, listed.stderr
    line = next(x for x in listed.stdout.splitlines() if x.strip().startswith(str(imported.audit_id)))
    assert "coordination" in line and "import" in line and "classeur-2022.xlsx" in line and "annulable" in line
    assert line.split()[5:8] == ["4", "1", "0"]  # added, updated, deleted
    dry = _cli(["undo", "--last", "--dry-run"], fresh_db)
    assert dry.returncode == 0 and "rien n'a été écrit" in dry.stdout
    done = _cli(["undo", "--last"], fresh_db)
    assert done.returncode == 0, done.stderr
    assert f"Écriture n°{imported.audit_id} annulée" in done.stdout
    again = _cli(["undo", str(imported.audit_id)], fresh_db)
    assert again.returncode == 1 and "déjà annulée" in again.stderr
    nothing = _cli(["undo", "--last"], fresh_db)
    assert nothing.returncode == 1 and "Aucune écriture à annuler" in nothing.stderr
    con = connect(fresh_db, read_only=True)
    try:
        assert table_checksums(con, DATA) != checksums
        assert con.execute("SELECT count(*) FROM meeting WHERE meeting_id LIKE 'copil-2022-%'").fetchone()[0] == 0
    finally:
        con.close()
    listed = _cli(["journal"], fresh_db)
    assert f"annulée par n°{imported.audit_id + 1}" in listed.stdout


def test_admin_page_deletes_a_row_then_undoes_it(app_db):
    from streamlit.testing.v1 import AppTest

    from components import data

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    at.switch_page("pages/7_administration.py")
    at.query_params["onglet"] = "Journal"  # only the open tab is drawn
    at.run()
    at.run()
    assert not at.exception
    at.selectbox(key="clsm_delete_table").select("milestone")
    at.run()
    at.selectbox(key="clsm_delete_row").select(0)
    at.run()
    cur = data._connection(str(app_db)).cursor()
    key = cur.execute("SELECT milestone_id FROM milestone ORDER BY milestone_id LIMIT 1").fetchone()[0]
    before = table_checksums(cur, DATA)
    at.button(key="clsm_delete_confirm").click()
    at.run()
    assert not at.exception
    assert any("1 supprimée(s)" in re.sub(r"\\(.)", r"\1", s.value) for s in at.success)
    assert cur.execute("SELECT count(*) FROM milestone WHERE milestone_id = ?", [key]).fetchone()[0] == 0
    journal_frame = next(d.value for d in at.dataframe if "Opération" in d.value.columns)
    assert journal_frame["Opération"][0] == "suppression"
    at.selectbox(key="clsm_undo_choice").select(int(journal_frame["N°"][0]))
    at.run()
    assert [m.value for m in at.metric if m.label == "Rétablies"] == ["1"]
    at.button(key="clsm_undo_confirm").click()
    at.run()
    assert not at.exception
    assert table_checksums(cur, DATA) == before


def test_a_partner_can_neither_undo_nor_delete(con):
    from clsm_data.core.errors import PermissionDenied
    from clsm_data.core.roles import PARTNER

    imported = _import(con)
    partner = Caller("udaf57", PARTNER)
    before = table_checksums(con, [*DATA, "audit_log", "change_row"])
    with pytest.raises(PermissionDenied):
        journal.undo(con, partner, imported.audit_id)
    with pytest.raises(PermissionDenied):
        writes.delete_rows(con, partner, "milestone", [{"milestone_id": "m20-h1"}])
    assert table_checksums(con, [*DATA, "audit_log", "change_row"]) == before


def test_admin_page_undo_with_dependents_and_nothing_ready_to_click_twice(app_db):
    """The week's incident on the page: the undo refused names the rows and offers to take them along; once
    done, the selector is empty (no entry with « Annuler cette écriture » ready to be clicked again)."""
    from streamlit.testing.v1 import AppTest

    from components import data

    epe = "École des parents et des éducateurs de Moselle"
    new = {"structure_id": "epe-57", "name": epe, "acronym": "EPE 57"}  # same name, its own code: a duplicate
    cur = data._connection(str(app_db)).cursor()
    plan = edits.save_edits(cur, COORD, "structure", [], new_rows=[new], apply=False)
    added = edits.save_edits(cur, COORD, "structure", [], new_rows=[new],
                              duplicates={plan.duplicates[0].ident: "ajouter"})
    edits.record_meeting(cur, COORD, {"instance_id": "copil", "date": dt.date(2021, 11, 18)},
                          {("epe-57", "professionnel"): 2, ("epe-57", "bénévole"): 1})

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    at.switch_page("pages/7_administration.py")
    at.query_params["onglet"] = "Journal"
    at.run()
    at.run()
    assert at.selectbox(key="clsm_undo_choice").value is None  # nothing chosen, nothing to confirm
    assert [b.key for b in at.button if b.key and b.key.startswith("clsm_undo_confirm")] == []

    at.selectbox(key="clsm_undo_choice").select(added.audit_id)
    at.run()
    assert not at.exception
    refusal = shown(at.error[0].value)
    assert f"« Comité de pilotage du 18/11/2021, {epe} (professionnel : 2) »" in refusal and "epe-57" not in refusal
    assert [b.label for b in at.button if b.key and b.key.startswith("clsm_undo_confirm")] == [
        "Annuler avec les 2 ligne(s) qui en dépendent"]
    at.button(key="clsm_undo_confirm_deps").click()
    at.run()
    assert not at.exception
    assert any(f"annulation de l'écriture n°{added.audit_id}, avec 2 ligne(s) qui en dépendent enregistré"
               in shown(s.value) for s in at.success)
    assert cur.execute("SELECT count(*) FROM attendance WHERE structure_id = 'epe-57'").fetchone()[0] == 0
    assert at.selectbox(key="clsm_undo_choice").value is None
    assert [b.key for b in at.button if b.key and b.key.startswith("clsm_undo_confirm")] == []
    log = next(d.value for d in at.dataframe if "Opération" in d.value.columns).set_index("N°")["État"]
    undo_id = added.audit_id + 2
    assert log[added.audit_id] == f"annulée par n°{undo_id}"

    # The undo undone (the structure and its rows back), then nothing selected again.
    at.selectbox(key="clsm_undo_choice").select(undo_id)
    at.run()
    at.button(key="clsm_undo_confirm").click()
    at.run()
    assert not at.exception
    assert cur.execute("SELECT count(*) FROM attendance WHERE structure_id = 'epe-57'").fetchone()[0] == 2
    assert at.selectbox(key="clsm_undo_choice").value is None
    assert [b.key for b in at.button if b.key and b.key.startswith("clsm_undo_confirm")] == []
    log = next(d.value for d in at.dataframe if "Opération" in d.value.columns).set_index("N°")["État"]
    assert log[added.audit_id] == f"annulée par n°{undo_id}, rétablie par n°{undo_id + 1}"
    assert log[undo_id] == f"annulation annulée (n°{undo_id + 1})"

    # « Supprimer une ligne »: the structure is refused with its rows named, or goes with them.
    at.selectbox(key="clsm_delete_table").select("structure")
    at.run()
    row = next(i for i, label in enumerate(at.selectbox(key="clsm_delete_row").options) if epe in label
               and "epe-57" in label)
    at.selectbox(key="clsm_delete_row").select_index(row)
    at.run()
    assert any(f"Impossible de supprimer « {epe} »" in shown(e.value) for e in at.error)
    at.button(key="clsm_delete_confirm_deps").click()
    at.run()
    assert not at.exception
    assert cur.execute("SELECT count(*) FROM structure WHERE structure_id = 'epe-57'").fetchone()[0] == 0
    assert at.selectbox(key="clsm_delete_row").value is None
    assert [b.key for b in at.button if b.key and b.key.startswith("clsm_delete_confirm")] == []


def test_cli_undo_refuses_naming_the_rows_that_point_there(fresh_db):
    epe = "École des parents et des éducateurs de Moselle"
    new = {"structure_id": "epe-57", "name": epe, "acronym": "EPE 57"}
    con = connect(fresh_db, read_only=False)
    try:
        plan = edits.save_edits(con, COORD, "structure", [], new_rows=[new],
                                 apply=False)
        added = edits.save_edits(con, COORD, "structure", [], new_rows=[new],
                                  duplicates={plan.duplicates[0].ident: "ajouter"})
        edits.record_meeting(con, COORD, {"instance_id": "copil", "date": dt.date(2021, 11, 18)},
                              {("epe-57", "professionnel"): 2})
        before = table_checksums(con, [*DATA, "audit_log"])
    finally:
        con.close()
    refused = _cli(["undo", str(added.audit_id)], fresh_db)
    assert refused.returncode == 1
    assert f"« Comité de pilotage du 18/11/2021, {epe} (professionnel : 2) »" in refused.stderr
    assert "epe-57" not in refused.stderr and f"undo {added.audit_id} --avec-dependances" in refused.stderr
    con = connect(fresh_db, read_only=True)
    try:
        assert table_checksums(con, [*DATA, "audit_log"]) == before
    finally:
        con.close()
    taken = _cli(["undo", str(added.audit_id), "--avec-dependances"], fresh_db)
    assert taken.returncode == 0, taken.stderr
    con = connect(fresh_db, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM attendance WHERE structure_id = 'epe-57'").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM structure WHERE structure_id = 'epe-57'").fetchone()[0] == 0
    finally:
        con.close()


def test_cli_year_state_validation_and_reopening(fresh_db):
    """A yearly closing scripted by the council's IT: read a year's state, validate it, reopen it with a reason."""
    assert "Année 2025 : rien à valider" in _cli(["annee", "etat", "2025"], fresh_db).stdout
    refused = _cli(["annee", "valider", "2025"], fresh_db)
    assert refused.returncode == 1 and "Rien à valider pour 2025" in refused.stderr
    assert _cli(["annee", "etat", "2021"], fresh_db).stdout.strip() == "Année 2021 : non validée."
    done = _cli(["annee", "valider", "2021", "--le", "15/02/2022"], fresh_db)
    assert done.returncode == 0, done.stderr
    assert "Année 2021 : validée par le COPIL le 15/02/2022." in done.stdout
    assert "Rien n'a été écrit pour cette année depuis la validation." in done.stdout
    again = _cli(["annee", "valider", "2021"], fresh_db)
    assert again.returncode == 1 and "déjà validée" in again.stderr
    no_reason = _cli(["annee", "rouvrir", "2021"], fresh_db)
    assert no_reason.returncode == 1 and "donnez la raison" in no_reason.stderr
    reopened = _cli(["annee", "rouvrir", "2021", "--raison", "réunion de décembre oubliée"], fresh_db)
    assert reopened.returncode == 0 and "Année 2021 : non validée." in reopened.stdout
    journal = _cli(["journal"], fresh_db).stdout
    assert "réouverture de l'année 2021 : réunion de décembre oubliée" in journal


def test_an_export_of_a_validated_year_keeps_its_figures(fresh_db, tmp_path):
    import csv

    from clsm_data import importing as importer
    from clsm_data.followup import year as followup

    assert _cli(["annee", "valider", "2021", "--le", "15/02/2022"], fresh_db).returncode == 0
    con = connect(fresh_db, read_only=False)
    try:
        data = "identifiant;instance;date\ncopil-2021-12-10;copil;10/12/2021\n".encode()
        importer.apply_import(con, COORD, importer.plan_import(con, data, "r.csv", table="meeting"))
        assert followup.year_figures(con, 2021)["meetings"] == 3
    finally:
        con.close()
    out = tmp_path / "annee-2021.csv"
    assert _cli(["annee", "etat", "2021", "--csv", str(out)], fresh_db).returncode == 0
    rows = {r["Chiffre"]: r for r in csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";")}
    dated = rows["réunions datées en 2021"]
    assert (dated["Valeur"], dated["Après validation"]) == ("2", "3")  # validated, and the correction apart
    assert dated["État de l'année"] == "validée par le COPIL le 15/02/2022"
