"""« Modifier une table »: the grid's English search is replaced by a French search box above it."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.test_writes import open_tab

ROOT = Path(__file__).resolve().parent.parent


def test_french_search_keeps_the_rows_holding_the_words_and_edits_them(app_db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    at.switch_page("pages/7_administration.py")
    at.run()
    open_tab(at, "Modifier une table")
    at.selectbox(key="clsm_edit_table").select("structure")
    at.run()
    everything = len(at.dataframe[0].value) if at.dataframe else None
    box = at.text_input(key="clsm_edit_search_structure")
    assert box.label == "Rechercher dans la table"
    box.input("UNAFAM").run()  # case ignored: UNAFAM Moselle, and MGEN whose row mentions the UNAFAM
    assert not at.exception
    assert any(c.value.startswith("2 lignes contiennent « UNAFAM » (sur 66)") for c in at.caption), \
        [c.value for c in at.caption]
    box.input("unafam  MOSELLE").run()  # every word, in any column
    assert any(c.value.startswith("1 ligne contient « unafam  MOSELLE » (sur 66)") for c in at.caption)
    box.input("ecole des parents").run()  # accents ignored: « École des parents et des éducateurs de Moselle »
    assert any(c.value.startswith("1 ligne contient") for c in at.caption), [c.value for c in at.caption]
    box.input("aucune structure ne porte ce nom").run()
    assert any(c.value.startswith("0 ligne contient") for c in at.caption), [c.value for c in at.caption]
    box.input("").run()
    assert not any("contient" in c.value for c in at.caption)
    assert everything is None or len(at.dataframe[0].value) == everything


def test_the_partners_of_actions_are_edited_by_names(app_db):
    # a table made importable: the editor shows the actions' and structures' names, never their codes
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    at.switch_page("pages/7_administration.py")
    at.run()
    open_tab(at, "Modifier une table")
    at.selectbox(key="clsm_edit_table").select("action_partner")
    at.run()
    assert not at.exception
    grid = at.dataframe[0].value
    assert "Coordination du Conseil local de santé mentale" in set(grid["action_id"])
    assert not any(str(v).startswith(("fiche-", "p22-")) for v in grid["action_id"])
    box = at.text_input(key="clsm_edit_search_action_partner")
    box.input("Inserm").run()  # a structure's name: found by it, as shown
    assert not at.exception
    assert any(c.value.startswith("1 ligne contient « Inserm »") for c in at.caption), [c.value for c in at.caption]


def test_every_table_shown_by_names_in_the_editor_saves_back_as_it_is(app_db):
    # the references the editor shows as names read back to the same rows: saving the untouched grid changes nothing
    from clsm_data import importing as importer
    from clsm_data.core.roles import COORDINATOR, Caller
    from clsm_data.importing import edits
    from clsm_data.store.db import connect
    from components.admin_edit import _records

    con = connect(app_db, read_only=False)
    try:
        for table in importer.IMPORTABLE:
            frame = importer.table_frame(con, table, 2000, named=True)
            plan = edits.save_edits(con, Caller("coordination", COORDINATOR), table, _records(frame), apply=False)
            assert plan.counts() == {table: (0, 0, len(frame))}, table
        shown = importer.table_frame(con, "attendance", 2000, named=True)
        assert "Centre hospitalier de Jury" in set(shown["structure_id"]) or "CH Jury" in set(shown["structure_id"])
        assert not shown["meeting_id"].str.match(r"^[a-z0-9-]+$").any()  # « Réunion CLSM … 18/11/2021 », no code
    finally:
        con.close()
