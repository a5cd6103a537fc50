"""The write path: one transaction, one audit row, checked after COMMIT; edits and meetings via the importer."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from clsm_data import importing as importer
from clsm_data.core.errors import DataFileError
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.core.tables import TABLES
from clsm_data.importing import edits
from clsm_data.store import audit, writes
from clsm_data.store.db import connect, table_checksums

COORD = Caller("coordination", COORDINATOR)
ALL_TABLES = [*TABLES, "audit_log", "app_user"]


def shown(markdown: str) -> str:
    """What a markdown message reads on screen: the app escapes data with backslashes (components.fmt.md)."""
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.fixture
def con(fresh_db):
    c = connect(fresh_db, read_only=False)
    yield c
    c.close()


def _plan(con, text: str = "identifiant;statut\nfiche-15;réalisée\n"):
    return importer.plan_import(con, text.encode(), "statuts.csv")


def test_commit_silently_rolled_back_is_detected(con, monkeypatch):
    """After an error inside a DuckDB transaction, COMMIT returns and rolls back: never report success."""
    real_log = audit.log

    def failing_log(c, *args, **kwargs):
        audit_id = real_log(c, *args, **kwargs)
        try:
            c.execute("INSERT INTO action (action_id, plan_id, title) VALUES ('fiche-15', 'x', 'doublon')")
        except Exception:
            pass  # swallowed on purpose: the transaction is now aborted, COMMIT will roll it back
        return audit_id

    monkeypatch.setattr(writes.audit, "log", failing_log)
    before = table_checksums(con, ALL_TABLES)
    with pytest.raises(writes.WriteNotSavedError, match="n'a pas été enregistrée comme prévu"):
        writes.apply_plan(con, COORD, _plan(con), backup=False)
    assert table_checksums(con, ALL_TABLES) == before


def test_error_inside_transaction_rolls_back(con, monkeypatch):
    def broken_log(*args, **kwargs):
        raise RuntimeError("disque plein")

    monkeypatch.setattr(writes.audit, "log", broken_log)
    before = table_checksums(con, ALL_TABLES)
    with pytest.raises(writes.WriteNotSavedError, match="a échoué et a été annulée"):
        writes.apply_plan(con, COORD, _plan(con), backup=False)
    assert table_checksums(con, ALL_TABLES) == before


def test_conflict_between_preview_and_confirmation(con):
    plan = _plan(con)
    writes.apply_plan(con, COORD, _plan(con, "identifiant;statut\nfiche-32;reportée\n"), backup=False)
    with pytest.raises(writes.ConflictError, match="ont changé depuis l'aperçu"):
        importer.apply_import(con, COORD, plan)


def test_one_audit_row_per_write(con):
    n = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    result = importer.apply_import(con, COORD, _plan(con))
    assert con.execute("SELECT count(*) FROM audit_log").fetchone()[0] == n + 1
    row = audit.recent(con, 1).iloc[0]
    assert row["audit_id"] == result.audit_id
    assert (row["actor"], row["role"], row["operation"], row["table_name"], row["rows_updated"], row["origin"]) == (
        "coordination", "coordinator", "import", "action", 1, "statuts.csv")
    assert "actions :" in result.summary()


def test_save_edits_updates_and_clears(con):
    rows = [{"action_id": "fiche-15", "status": "reportée", "budget_eur": None}]
    plan = edits.save_edits(con, COORD, "action", rows, apply=False)
    assert plan.counts() == {"action": (0, 1, 0)}
    result = edits.save_edits(con, COORD, "action", rows)
    assert result.updated == 1
    assert con.execute("SELECT status, budget_eur FROM action WHERE action_id='fiche-15'").fetchone() == (
        "reportée", None)
    assert audit.recent(con, 1)["operation"].iloc[0] == "modification"


def test_save_edits_refuses_a_bad_cell(con):
    before = table_checksums(con, ALL_TABLES)
    with pytest.raises(DataFileError, match="ligne 2, colonne « début » : « 2021-02-30 » n'est pas une date"):
        edits.save_edits(con, COORD, "action", [{"action_id": "fiche-15"}, {"action_id": "fiche-32",
                                                                              "start_date": "2021-02-30"}])
    with pytest.raises(DataFileError, match="valeur obligatoire manquante"):
        edits.save_edits(con, COORD, "action", [{"action_id": "fiche-15", "title": None}])
    assert table_checksums(con, ALL_TABLES) == before


def test_record_meeting_with_attendance(con):
    result = edits.record_meeting(
        con, COORD,
        {"instance_id": "copil", "date": dt.date(2022, 6, 30), "mode": "présentiel", "place": "Hôtel de ville"},
        {("ville-metz", "élu"): 2, ("gem-albatros", "usager"): 5, ("ch-jury", "aidant"): 0},
    )
    assert result.counts == {"meeting": (1, 0), "attendance": (2, 0)}
    assert con.execute("SELECT instance_id, date, date_precision, mode, place FROM meeting "
                       "WHERE meeting_id = 'copil-2022-06-30'").fetchone() == (
        "copil", dt.date(2022, 6, 30), "jour", "présentiel", "Hôtel de ville")
    assert sorted(con.execute("SELECT structure_id, role_category, count FROM attendance "
                              "WHERE meeting_id = 'copil-2022-06-30'").fetchall()) == [
        ("gem-albatros", "usager", 5), ("ville-metz", "élu", 2)]
    log = audit.recent(con, 1).iloc[0]
    assert (log["operation"], log["rows_added"], log["table_name"]) == ("saisie réunion", 3, "meeting, attendance")


def test_record_meeting_refuses_unknown_structure(con):
    before = table_checksums(con, ALL_TABLES)
    with pytest.raises(DataFileError, match="« nulle-part » ne correspond à aucune ligne de la table structures"):
        edits.record_meeting(con, COORD, {"instance_id": "copil", "date": dt.date(2022, 6, 30)},
                              {("nulle-part", "élu"): 1})
    assert table_checksums(con, ALL_TABLES) == before


def test_writer_lock_times_out_for_a_second_writer(con, fresh_db):
    import threading

    held, release = threading.Event(), threading.Event()

    def hold():
        with writes.writer_lock(fresh_db):
            held.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    held.wait(5)
    try:
        with pytest.raises(writes.WriteBusyError, match="Une autre écriture est en cours"):
            with writes.writer_lock(fresh_db, timeout=0.3):
                pass
    finally:
        release.set()
        t.join()


# ---------------------------------------------------------------- the Administration page (AppTest)


def open_tab(at, label: str) -> None:
    """Administration draws only its open tab (bound to the URL as « onglet »)."""
    at.query_params["onglet"] = label
    at.run()
    at.run()
    assert label in [t.label for t in at.tabs]


def test_admin_page_meeting_edit_backup_and_journal(app_db):
    from streamlit.testing.v1 import AppTest

    from components import data

    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=30)
    at.run()
    at.switch_page("pages/7_administration.py")
    at.run()
    assert not at.exception
    assert [b.label for b in at.button if b.key == "clsm_import_confirm"] == []  # nothing before an upload

    open_tab(at, "Saisir une réunion")
    at.selectbox(key="clsm_meeting_instance").select("copil")
    at.text_input(key="clsm_meeting_date").input("30/06/2022")
    at.multiselect(key="clsm_meeting_structures").select("ville-metz")
    at.run()
    at.session_state["clsm_meeting_grid"] = {"edited_rows": {0: {"élu": 2}}, "added_rows": [], "deleted_rows": []}
    at.button(key="clsm_meeting_save").click()
    at.run()
    assert not at.exception
    assert any("saisie d'une réunion enregistré" in shown(s.value) for s in at.success)
    cur = data._connection(str(app_db)).cursor()
    assert cur.execute("SELECT structure_id, role_category, count FROM attendance WHERE meeting_id = "
                       "'copil-2022-06-30'").fetchall() == [("ville-metz", "élu", 2)]

    open_tab(at, "Modifier une table")
    at.selectbox(key="clsm_edit_table").select("action")
    at.run()
    at.session_state["clsm_editor_action"] = {"edited_rows": {0: {"status": "reportée"}}, "added_rows": [],
                                              "deleted_rows": []}
    at.button(key="clsm_edit_check").click()
    at.run()
    assert [m.value for m in at.metric][:3] == ["0", "1", str(len(importer.table_frame(cur, "action")) - 1)]
    at.button(key="clsm_edit_apply").click()
    at.run()
    assert any("édition de la table actions enregistré" in shown(s.value) for s in at.success)
    first = importer.table_frame(cur, "action").iloc[0]
    assert first["status"] == "reportée"

    open_tab(at, "Sauvegardes")
    at.button(key="clsm_backup_create").click()
    at.run()
    assert any(shown(s.value).startswith("Sauvegarde faite") for s in at.success), [e.value for e in at.error]
    backups = next(d.value for d in at.dataframe if "Fichier" in d.value.columns)
    assert (backups["Motif"][0], backups["Rôle"][0], backups["Avant"][0]) == ("manuelle", "coordination",
                                                                           "non renseigné")
    assert backups["Taille"][0].endswith(" ko")
    assert any("Toutes les sauvegardes sont conservées" in c.value for c in at.caption)
    from clsm_data.store.backup import list_backups, opened

    with opened(list_backups(app_db)[0].path) as copy:  # the copy holds the writes made just before, WAL included
        assert copy.execute("SELECT count(*) FROM attendance WHERE meeting_id = 'copil-2022-06-30'").fetchone()[0] == 1
    open_tab(at, "Journal")
    journal = next(d.value for d in at.dataframe if "Opération" in d.value.columns)
    assert list(journal["Opération"][:2]) == ["modification", "saisie réunion"]
    assert list(journal["État"][:2]) == ["annulable", "annulable"]

    # « Annuler » the edit from the Journal tab: its preview, then the confirmation.
    edit_id = int(journal["N°"][0])
    at.selectbox(key="clsm_undo_choice").select(edit_id)
    at.run()
    assert "Remises comme avant" in [m.label for m in at.metric]
    at.button(key="clsm_undo_confirm").click()
    at.run()
    assert not at.exception
    assert any(f"annulation de l'écriture n°{edit_id} enregistré" in shown(s.value) for s in at.success)
    assert importer.table_frame(cur, "action").iloc[0]["status"] != "reportée"
    journal = next(d.value for d in at.dataframe if "Opération" in d.value.columns)
    assert journal["État"][1] == f"annulée par n°{edit_id + 1}"


def test_editor_duplicate_choice_names_both_rows_then_merges(app_db):
    """« Modifier une table »: a new structure with a stored structure's name waits for a choice, both names
    shown side by side; merged, no second structure is written (the week's « EPE 57 »)."""
    from streamlit.testing.v1 import AppTest

    from components import data

    epe = "École des parents et des éducateurs de Moselle"
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=30)
    at.run()
    at.switch_page("pages/7_administration.py")
    at.run()
    open_tab(at, "Modifier une table")
    at.selectbox(key="clsm_edit_table").select("structure")
    at.run()
    grid = at.session_state["clsm_editor_structure"] if "clsm_editor_structure" in at.session_state else None
    assert grid is None or not grid["edited_rows"]
    assert not [b for b in at.button if b.label in ("Add row",)]
    at.session_state["clsm_editor_new_structure_0"] = {
        "edited_rows": {0: {"structure_id": "epe-57", "name": epe, "acronym": "EPE 57", "sector": "éducation"}},
        "added_rows": [],
        "deleted_rows": []}
    at.button(key="clsm_edit_check").click()
    at.run()
    assert not at.exception
    texts = [shown(m.value) for m in at.markdown]
    assert f"**Nouvelle ligne** : {epe} (EPE 57)" in texts
    assert f"**Déjà enregistrée** : {epe}" in texts
    radio = at.radio(key="clsm_edit_dup_structure:epe-57")
    assert radio.value is None and radio.options == ["fusionner avec la ligne existante",
                                                     "ignorer la ligne du fichier", "ajouter quand même"]
    assert at.button(key="clsm_edit_apply").disabled  # nothing written until it is decided
    assert any("1 à décider" in shown(c.value) for c in at.caption)
    radio.set_value("fusionner")
    at.run()
    at.run()
    assert not at.exception
    assert [m.value for m in at.metric][:2] == ["0", "1"]  # no row added, the stored one updated
    assert not at.button(key="clsm_edit_apply").disabled
    at.button(key="clsm_edit_apply").click()
    at.run()
    assert not at.exception
    cur = data._connection(str(app_db)).cursor()
    assert cur.execute("SELECT count(*), min(acronym) FROM structure WHERE name = ?", [epe]).fetchone() == (1, "EPE 57")
    assert any("édition de la table structures enregistré" in shown(s.value) for s in at.success)


def test_editor_refusal_speaks_of_the_table_not_a_file(app_db):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=30)
    at.run()
    at.switch_page("pages/7_administration.py")
    at.run()
    open_tab(at, "Modifier une table")
    at.selectbox(key="clsm_edit_table").select("structure")
    at.run()
    at.button(key="clsm_edit_add_row").click()  # the French « Ajouter une ligne »: a second blank row
    at.run()
    at.session_state["clsm_editor_new_structure_1"] = {
        "edited_rows": {1: {"acronym": "XYZ"}}, "added_rows": [], "deleted_rows": []}
    at.button(key="clsm_edit_check").click()
    at.run()
    assert not at.exception
    error = shown(at.error[0].value)
    assert error.startswith("édition de la table structures, nouvelles lignes, ligne 2, colonne « identifiant » : "
                            "code absent"), error  # the second row of the new rows' grid; the empty first ignored
    assert all("fichier" not in shown(c.value) for c in [*at.error, *at.caption])
    assert any(shown(c.value).startswith("Corrigez les cellules signalées dans le tableau") for c in at.caption)
