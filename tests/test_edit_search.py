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
