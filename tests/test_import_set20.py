"""Files of the twentieth held-out set (a new coordinator's first year, written blind to the importer: 4/16 at the
first try at its one blind measure, 5/16 after one answer): categories by their initials, days parted by spaces,
counts given as a range, a « | » separated export."""

from __future__ import annotations

import datetime as dt

import pytest

from clsm_data import importing as importer


@pytest.fixture
def con(fresh_con):
    return fresh_con


def test_categories_by_their_initials(con):
    from workbooks import xlsx

    data = xlsx({"COPIL mars 2026": [
        ["COPIL du CLSM – mardi 17 mars 2026"],
        ["Catégories : P = professionnel, U = usager, A = aidant, E = élu, B = bénévole"],
        ["Structure", "Catégorie", "Nombre"],
        ["Ville de Metz", "E", 2], ["UNAFAM Moselle", "A", 1], ["GEM L'Albatros", "U", 2], ["RESAM", "B", 1],
        ["CH Jury", "P", 3],
    ]})
    plan = importer.plan_import(con, data, "COPIL_17-03-2026_presences.xlsx")
    rows = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("ch-jury", "professionnel", 3), ("gem-albatros", "usager", 2), ("resam", "bénévole", 1),
                    ("unafam-moselle", "aidant", 1), ("ville-metz", "élu", 2)]


def test_days_parted_by_spaces_and_a_range_of_participants_left_empty(con):
    from workbooks import xlsx

    data = xlsx({"Sessions": [
        ["Date", "Type", "Intitulé", "Participants"],
        ["16 10 2025", "Sensibilisation", "Sensibilisation des agents d'accueil", "25 à 30"],
        ["04 12 2025", "Formation", "Premiers secours en santé mentale", "une vingtaine"],
    ]})
    plan = importer.plan_import(con, data, "sensibilisations_2025-2026.xlsx")
    rows = sorted((r["date"], r["participants_count"], r["note"]) for r in plan.changes["event"].added)
    assert rows == [(dt.date(2025, 10, 16), None, "Participants : 25 à 30"),
                    (dt.date(2025, 12, 4), 20, "valeur approximative (« une vingtaine »)")]
    assert "1 nombre(s) écrit(s) comme une fourchette (« 25 à 30 ») : laissé(s) vide(s), aucun nombre inventé" in \
        " ".join(plan.messages)


def test_a_csv_parted_by_bars(con):
    lines = ["Action|Structure|Rôle",
             "Module de sensibilisation en santé mentale accessible à distance|CMSEA|partenaire",
             "Module de sensibilisation en santé mentale accessible à distance|RESAM|partenaire"]
    plan = importer.plan_import(con, ("\n".join(lines) + "\n").encode("utf-8"), "partenaires_par_action_2026.csv")
    rows = sorted((r["action_id"], r["structure_id"], r["role"]) for r in plan.changes["action_partner"].added)
    assert rows == [("p22-01", "cmsea", "partenaire"), ("p22-01", "resam", "partenaire")]
