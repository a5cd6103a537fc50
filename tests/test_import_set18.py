"""Files of the eighteenth held-out set (everyday files written blind to the importer: 9/16 at the first try at its
one blind measure, 11/16 after one answer): headers cut short, days named without their year, a meeting named only
by its sheet or file, a list of invited people answered « oui » / « non », a target without its result, a session
given again another year, a hidden working column."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook

from clsm_data import importing as importer


@pytest.fixture
def con(fresh_con):
    return fresh_con


def test_headers_and_categories_cut_short_with_their_dot(con):
    from workbooks import xlsx

    data = xlsx({"Présences": [
        ["Date", "Gr.", "Struct.", "Cat.", "Nb part."],
        [dt.datetime(2025, 2, 11), "Précarité", "Carrefour des solidarités", "Pro", 2],
        [dt.datetime(2025, 2, 11), "Précarité", "Carrefour des solidarités", "Bén.", 1],
        [dt.datetime(2025, 2, 11), "Précarité", "GEM L'Albatros", "Us.", 3],
        [dt.datetime(2025, 2, 11), "Précarité", "UNAFAM Moselle", "Aid.", 1],
    ]})
    plan = importer.plan_import(con, data, "presences_groupe_precarite_2025.xlsx")
    rows = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("carrefour-solidarites", "bénévole", 1), ("carrefour-solidarites", "professionnel", 2),
                    ("gem-albatros", "usager", 3), ("unafam-moselle", "aidant", 1)]
    [meeting] = plan.changes["meeting"].added
    assert (meeting["instance_id"], meeting["date"]) == ("groupe-precarite", dt.date(2025, 2, 11))


def test_meetings_named_by_their_days_the_year_in_the_sheet_the_group_in_the_file(con):
    from workbooks import xlsx

    data = xlsx({
        "2023": [["Réunion", "Horaire", "Lieu"], ["le 14/03", "14h-16h", "CMP Winnicott"],
                 ["le 21/11", "9h30-11h30", "EPE Moselle"]],
        "2024": [["Réunion", "Horaire", "Lieu"], ["le 12/03", "14h-16h", "CMP Winnicott"]],
    })
    plan = importer.plan_import(con, data, "groupe_enfance_parentalite_reunions.xlsx")
    rows = sorted((r["instance_id"], r["date"], r["note"]) for r in plan.changes["meeting"].added)
    assert rows == [("groupe-enfance-parentalite", dt.date(2023, 3, 14), "Horaire : 14h-16h"),
                    ("groupe-enfance-parentalite", dt.date(2023, 11, 21), "Horaire : 9h30-11h30"),
                    ("groupe-enfance-parentalite", dt.date(2024, 3, 12), "Horaire : 14h-16h")]
    said = " ".join(plan.messages)
    assert "elle ne donne que des jours, lue comme la date de chaque réunion" in said
    assert "le nom du fichier (« groupe enfance parentalite ») nomme l'instance" in said
    assert "lue(s) en 2023, 2024, l'année que nomme chaque feuille" in said


def test_a_two_line_header_and_the_meeting_in_the_sheet_name_dashes_between_its_figures(con):
    from workbooks import xlsx

    data = xlsx({"Plénière 27-06-2024": [
        ["Structure", "Participants", None, None],
        [None, "Pros", "Usagers", "Élus"],
        ["Ville de Metz", 2, None, 3],
        ["GEM L'Albatros", 1, 4, None],
    ]}, merged={"Plénière 27-06-2024": ["A1:A2", "B1:D1"]})
    plan = importer.plan_import(con, data, "presences_assemblee_pleniere_27-06-2024.xlsx")
    [meeting] = plan.changes["meeting"].added
    assert (meeting["instance_id"], meeting["date"]) == ("pleniere", dt.date(2024, 6, 27))
    rows = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("gem-albatros", "professionnel", 1), ("gem-albatros", "usager", 4),
                    ("ville-metz", "professionnel", 2), ("ville-metz", "élu", 3)]
    assert "le nom de la feuille (« Plénière 27-06-2024 ») nomme une réunion" in " ".join(plan.messages)


def test_invited_people_answered_oui_or_non_count_those_who_came_never_a_name(con):
    from workbooks import xlsx

    data = xlsx({"COPIL 11-03-2025": [
        ["Structure", "Nom", "Fonction", "Catégorie", "Présent ?"],
        ["Ville de Metz", "[masqué]", "Adjointe au maire", "Élu", "oui"],
        ["Ville de Metz", "[masqué]", "Conseiller municipal", "Élu", "non"],
        ["Centre hospitalier de Jury", "[masqué]", "Directeur", "Professionnel", "oui"],
        ["Centre hospitalier de Jury", "[masqué]", "Médecin", "Professionnel", "oui"],
    ]})
    plan = importer.plan_import(con, data, "COPIL_11-03-2025_liste_invites.xlsx")
    rows = sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"])
                  for r in plan.changes["attendance"].added)
    assert rows == [("copil-2025-03-11", "ch-jury", "professionnel", 2), ("copil-2025-03-11", "ville-metz", "élu", 1)]
    assert "[masqué]" not in repr(plan.changes)
    assert "« non », personne non comptée" in " ".join(plan.messages)


def test_a_target_without_its_result_is_no_value_and_a_computed_rate_is_read_as_a_person_reads_it(con):
    from workbooks import xlsx

    label = con.execute("SELECT label FROM indicator WHERE indicator_id = 'f15-proc-1'").fetchone()[0]
    data = xlsx({"Fiche 15": [
        ["Indicateur", "Année", "Cible", "Réalisé", "Taux de réalisation"],
        [label, 2024, 14, 12, 12 / 14],
        [label, 2025, 15, None, None],
    ]})
    plan = importer.plan_import(con, data, "indicateurs_fiche15_cible_realise_2024-2025.xlsx")
    [row] = plan.changes["indicator_value"].added
    assert (row["period_label"], row["value"], row["note"]) == ("2024", 12, "Cible : 14 ; Taux de réalisation : 86 %")
    assert "1 ligne(s) d'indicateur sans résultat (ligne(s) 3) : pas encore mesuré" in " ".join(plan.messages)


def test_a_session_given_again_another_year_is_no_duplicate_of_the_first(con):
    from workbooks import xlsx

    title = con.execute("SELECT title FROM event WHERE event_id = 'sensib-2019'").fetchone()[0]
    data = xlsx({"2024": [
        ["Date", "Type", "Intitulé", "Participants"],
        ["16.01.2024", "Sensibilisation", title, 15],
        ["11.04.2024", "Sensibilisation", title, 17],
    ]})
    plan = importer.plan_import(con, data, "sensibilisations_sante_mentale_2024.xlsx")
    assert not plan.duplicates
    assert sorted(r["date"] for r in plan.changes["event"].added) == [dt.date(2024, 1, 16), dt.date(2024, 4, 11)]


def test_a_hidden_working_column_unknown_to_the_table_is_left_out_and_said(con):
    wb = Workbook()
    ws = wb.active
    ws.title = "Ressources jeunes"
    ws.append(["Ressource", "Structure", "Public", "Vérifié le"])
    ws.append(["Point écoute jeunes du quartier", "Maison des adolescents de Moselle", "12-25 ans", "03/09/2025"])
    ws.column_dimensions["D"].hidden = True
    out = io.BytesIO()
    wb.save(out)
    assert load_workbook(io.BytesIO(out.getvalue())).active.column_dimensions["D"].hidden
    plan = importer.plan_import(con, out.getvalue(), "ressources_jeunes_annuaire_2025.xlsx")
    [row] = plan.changes["resource"].added
    assert row["name"] == "Point écoute jeunes du quartier" and "03/09/2025" not in repr(row)
    assert "Colonne « Vérifié le » de la feuille « Ressources jeunes » : masquée dans le fichier" in \
        " ".join(plan.messages)
