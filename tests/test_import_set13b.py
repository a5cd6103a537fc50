"""Files of the thirteenth held-out set, second part: an agenda of the council's meetings kept by an elected
official's office, the year written once in a cell merged down over that year's rows beside days typed without it
(« Mardi 14 mars »), the people counted in columns that name a category and a structure at once (« Élus Ville »,
« Élus Eurométropole ») and the mayor's cabinet (« Cabinet »)."""

from __future__ import annotations

import datetime as dt

import pytest
from test_import_set13 import applied_count
from workbooks import xlsx

from clsm_data import importing as importer
from clsm_data.core.errors import DataFileError
from clsm_data.importing.names import Names


@pytest.fixture
def con(fresh_con):
    return fresh_con


def _agenda(title: str = "Cabinet du Maire – instances du CLSM suivies", cabinet: str = "Cabinet",
            first_day: str = "Mardi 14 mars") -> bytes:
    header = ["Année", "Jour", "Horaire", "Réunion", "Lieu", "Élus Ville", "Élus Eurométropole", cabinet, "Remarques"]
    return xlsx({"Agenda": [
        [title],
        [],
        header,
        [2023, first_day, "14h-16h", "COPIL CLSM", "CH Jury", 1, "—", 1, None],
        [None, "Jeudi 23 nov.", "9h30-12h", "Assemblée plénière CLSM", "Hôtel de Ville", 2, 1, "—", None],
        [2024, "Mardi 21 mai", "14h-16h", "COPIL CLSM", "CH Jury", "—", "—", 1, "élue excusée"],
        [None, "Jeudi 28 nov.", "9h30-12h", "Assemblée plénière CLSM", None, None, None, None, "à confirmer"],
        [],
        ["Cabinet = collaborateur présent avec l'élu ou à sa place"],
    ]}, merged={"Agenda": ["A4:A5", "A6:A7"]})


def test_days_take_the_year_of_their_merged_block_and_columns_name_category_and_structure(con):
    plan = importer.plan_import(con, _agenda(), "agenda_elus.xlsx")
    meetings = sorted((r["instance_id"], r["date"]) for r in plan.changes["meeting"].added)
    assert meetings == [("copil", dt.date(2023, 3, 14)), ("copil", dt.date(2024, 5, 21)),
                        ("pleniere", dt.date(2023, 11, 23)), ("pleniere", dt.date(2024, 11, 28))]
    attendance = sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"])
                        for r in plan.changes["attendance"].added)
    assert attendance == [
        ("copil-2023-03-14", "ville-metz", "professionnel", 1),  # « Cabinet »: the mayor's cabinet, staff of the town
        ("copil-2023-03-14", "ville-metz", "élu", 1),
        ("copil-2024-05-21", "ville-metz", "professionnel", 1),
        ("pleniere-2023-11-23", "eurometropole-metz", "élu", 1),
        ("pleniere-2023-11-23", "ville-metz", "élu", 2),
    ]  # « — » and the empty cells of the planned meeting count no one
    said = " ".join(plan.messages)
    assert "l'année est celle de la colonne « Année »" in said
    assert "une colonne par catégorie et structure" in said
    assert applied_count(con, plan, "structure_id = 'ville-metz' AND role_category = 'élu' "
                                    "AND meeting_id IN ('copil-2023-03-14', 'pleniere-2023-11-23')") == 3


def test_a_weekday_the_year_contradicts_leaves_the_day_unread(con):
    # 14 March 2023 is a Tuesday: « Lundi 14 mars » under 2023 is no day of that year to guess
    with pytest.raises(DataFileError) as refused:
        importer.plan_import(con, _agenda(first_day="Lundi 14 mars"), "agenda_elus.xlsx")
    said = [str(p) for p in refused.value.problems]
    assert any("« 14 mars » n'est pas une date" in p for p in said)
    assert not any("23 nov" in p for p in said)  # the other days of the block are read with their year


def test_a_cabinet_column_without_the_mayor_named_is_no_professional_of_the_town(con):
    plan = importer.plan_import(con, _agenda(title="Suivi des instances du CLSM"), "agenda.xlsx")
    attendance = sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"])
                        for r in plan.changes["attendance"].added)
    assert attendance == [("copil-2023-03-14", "ville-metz", "élu", 1),
                          ("pleniere-2023-11-23", "eurometropole-metz", "élu", 1),
                          ("pleniere-2023-11-23", "ville-metz", "élu", 2)]
    # whose cabinet is not written: kept as written in the meeting's note, counted for no one
    notes = {r["meeting_id"]: r.get("note") or "" for r in plan.changes["meeting"].added}
    assert "Cabinet : 1" in notes["copil-2024-05-21"]


def test_a_lone_word_is_the_one_structure_its_name_starts_with_whose_other_names_are_its_services(con):
    names = Names.load(con)
    assert names.sure_row("structure", "Ville") == "ville-metz"  # « Pôle petite enfance de la Ville de Metz » is its
    assert names.sure_row("structure", "Cabinet du maire") == "ville-metz"
    assert names.sure_row("structure", "Centre") is None  # many structures, none the others' parent
