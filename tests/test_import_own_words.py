"""Action sheets written the way people write them: the plan only in the title line, statuses in their own
words, deadlines to the month or the semester, indicators named by their wording (the misses of the second
held-out set, docs/benchmarks.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from workbooks import xlsx

from clsm_data import importing as importer
from clsm_data.core.errors import DataFileError
from clsm_data.importing.cells import parse_span
from clsm_data.store.db import connect

HEADER = ["N° de fiche", "Intitulé de l'action", "État d'avancement", "Échéance"]


@pytest.fixture
def con(fresh_db):
    c = connect(fresh_db, read_only=False)
    yield c
    c.close()


def _sheet(title: str) -> bytes:
    return xlsx({"Suivi": [[title], [], HEADER,
                           [101, "Lectures publiques en médiathèques", "A lancer", "2e semestre 2022"],
                           [102, "Répertoire des lieux culturels", "terminé", "sept. 2022"]]})


def test_the_plan_named_only_in_the_title_line_is_taken_for_every_action_and_said(con):
    plan = importer.plan_import(con, _sheet("Programme d'actions 2022 – tableau de suivi (juin 2022)"), "suivi.xlsx")
    added = {r["title"]: r for r in plan.changes["action"].added}
    assert {r["plan_id"] for r in added.values()} == {"programme-2022"}
    said = " ".join(plan.messages)
    assert "le titre (« Programme d'actions 2022 – tableau de suivi (juin 2022) ») nomme le plan « Programme 2022 »" \
        in said
    # statuses in people's words, read as the list's values
    assert added["Lectures publiques en médiathèques"]["status"] == "conception"
    assert added["Répertoire des lieux culturels"]["status"] == "réalisée"
    # a deadline to the semester or the month: its last day, the words kept in the note, no start invented
    first = added["Lectures publiques en médiathèques"]
    assert first["end_date"] == dt.date(2022, 12, 31) and first.get("start_date") is None
    assert "Échéance : 2e semestre 2022" in first["note"]
    assert added["Répertoire des lieux culturels"]["end_date"] == dt.date(2022, 9, 30)
    assert "2 date(s) d'action écrite(s) au mois, au trimestre ou à l'année (« 2e semestre 2022 », « sept. 2022 »)" \
        in said
    assert added["Répertoire des lieux culturels"]["sheet_number"] == "102"  # « N° de fiche »


@pytest.mark.parametrize("title", ["Suivi des actions 2022", "Programme 2022 et CLS 2022-2026 : actions communes"])
def test_a_title_naming_no_plan_or_two_plans_leaves_the_column_asked_for(con, title):
    with pytest.raises(DataFileError) as info:
        importer.plan_import(con, _sheet(title), "suivi.xlsx")
    assert any("colonne « plan » absente" in p.message for p in info.value.problems), info.value.details()


@pytest.mark.parametrize("text, first, last", [
    ("sept. 2022", (2022, 9, 1), (2022, 9, 30)),
    ("02/2024", (2024, 2, 1), (2024, 2, 29)),
    ("2023", (2023, 1, 1), (2023, 12, 31)),
    ("1er semestre 2022", (2022, 1, 1), (2022, 6, 30)),
    ("3e trimestre 2022", (2022, 7, 1), (2022, 9, 30)),
    ("fin 2022", (2022, 10, 1), (2022, 12, 31)),
    ("début 2023", (2023, 1, 1), (2023, 3, 31)),
    ("fin mars 2023", (2023, 3, 1), (2023, 3, 31)),
])
def test_a_span_in_words_has_its_first_and_last_day(text, first, last):
    span = parse_span(text)
    assert (span, span.end, span.text, span.loose) == (dt.date(*first), dt.date(*last), text, True)


@pytest.mark.parametrize("text", ["bientôt", "5e trimestre 2022", "3e semestre 2022", "fin de l'année", "2022-2023"])
def test_what_is_not_a_span_stays_refused(text):
    assert parse_span(text) is None


def test_an_indicator_typed_by_its_wording_is_proposed_by_its_wording_never_its_code(con):
    data = xlsx({"indicateurs": [["Indicateur", "Année", "Résultat"],
                                 ["Nombre et typologie des réunions organisées", 2022, 31]]})
    with pytest.raises(DataFileError) as info:
        importer.plan_import(con, data, "ind.xlsx", table="indicator_value")
    problem = next(p for p in info.value.problems if p.column == "Indicateur")
    assert "« Nombre et typologie des réunions organisées dans le cadre du CLSM. »" in problem.message
    assert "f15-" not in problem.message
    assert problem.question.options[0] == ("f15-proc-2", "Nombre et typologie des réunions organisées dans le "
                                                         "cadre du CLSM.")
