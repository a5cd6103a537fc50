"""Files of the twenty-second held-out set (records kept by administrative staff and services, written blind to the
importer: 2/16 at the first try at its one blind measure, 3/16 after one answer): a sheet per meeting dated by its
name, attendance as minutes, civil-service names, a report's filter row, weeks and weekdays, two-day trainings, a
table converted from a PDF."""

from __future__ import annotations

import datetime as dt

import pytest

from clsm_data import importing as importer


@pytest.fixture
def con(fresh_con):
    return fresh_con


def _said(plan) -> str:
    return " ".join(plan.messages)


def test_one_sheet_per_meeting_dated_only_by_its_name_with_a_two_figure_year(con):
    from workbooks import xlsx

    header = ["Structure", "Catégorie", "Nombre"]
    data = xlsx({"COPIL 25.11.25": [header, ["CH Jury", "professionnel", 4], ["Département", "professionnel", 1]],
                 "COPIL 10.02.26": [header, ["Maison des ados", "professionnel", 1]]})
    plan = importer.plan_import(con, data, "emargements_COPIL_CLSM_2025-2026.xlsx")
    assert sorted((r["instance_id"], r["date"]) for r in plan.changes["meeting"].added) == [
        ("copil", dt.date(2025, 11, 25)), ("copil", dt.date(2026, 2, 10))]
    assert sorted((r["structure_id"], r["count"]) for r in plan.changes["attendance"].added) == [
        ("ch-jury", 4), ("departement-moselle", 1), ("mda-moselle", 1)]


def test_attendance_written_as_minutes_the_excused_left_out_and_services_named_after_their_structure(con):
    from workbooks import xlsx

    data = xlsx({"Présences": [
        ["Groupe projets « Précarité » du CLSM – jeudi 12 février 2026 – Eurométropole, salle 3"],
        [None, "Nombre", "Catégorie"],
        ["Étaient présents :"],
        ["- Eurométropole de Metz – cohésion sociale", 2, "professionnel"],
        ["- EMPP (CH de Jury)", 2, "professionnel"],
        ["Étaient excusés :"],
        ["- CMSEA", 1, "professionnel"],
        ["Assistaient également :"],
        ["- CH de Jury – direction", 1, "professionnel"],
    ]})
    plan = importer.plan_import(con, data, "GT_precarite_12-02-2026_presences.xlsx")
    rows = sorted((r["structure_id"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("ch-jury", 1), ("ch-jury-empp", 2), ("eurometropole-metz", 2)]
    assert "1 ligne(s) d'excusés laissée(s) de côté (ils ne sont pas venus)" in _said(plan)


def test_civil_service_names_read_as_the_structure_they_belong_to(con):
    from workbooks import xlsx

    data = xlsx({"Présents": [
        ["Réunion partenariale enfance-parentalité – mardi 10 février 2026"],
        ["Organisme", "Catégorie", "Nombre"],
        ["CD57 / DEF / ASE", "professionnel", 2], ["DT ARS 57", "professionnel", 1],
        ["DSDEN 57 – service social en faveur des élèves", "professionnel", 1],
    ]})
    plan = importer.plan_import(con, data, "CD57_reunion_partenariale_10-02-2026.xlsx", table="attendance")
    rows = sorted(r["structure_id"] for r in plan.changes["attendance"].added)
    assert rows == ["ars-grand-est", "departement-moselle", "education-nationale"]


def test_a_reports_filter_row_and_its_action_numbers(con):
    from workbooks import xlsx

    data = xlsx({"Partenariats CLSM": [
        ["Fiche", "Action", "Organisme", "Rôle"],
        ["(Tous)", "(Tous)", "(Tous)", "(Tous)"],
        ["13", "Création d'une EMPP", "ARS Grand Est", "Financeur"],
    ]})
    plan = importer.plan_import(con, data, "Export_BO_partenariats_2026.xlsx")
    assert [(r["action_id"], r["structure_id"], r["role"], r["note"]) for r in plan.changes["action_partner"].added] \
        == [("p22-13", "ars-grand-est", "financeur", "Fiche : 13")]
    assert "ligne de filtres « (Tous) » du rapport, laissée de côté" in _said(plan)


def test_days_given_by_iso_week_and_weekday(con):
    from workbooks import xlsx

    data = xlsx({"Sessions": [
        ["Semaine", "Jour", "Intitulé", "Type"],
        ["S14 2026", "jeudi", "Sensibilisation des gardiens", "sensibilisation"],
        ["S20 2026", "mardi", "Formation PSSM", "formation"],
    ]})
    plan = importer.plan_import(con, data, "agenda_2026.xlsx")
    assert sorted(r["date"] for r in plan.changes["event"].added) == [dt.date(2026, 4, 2), dt.date(2026, 5, 12)]


def test_two_day_trainings_and_their_trainees(con):
    from workbooks import xlsx

    data = xlsx({"Plan 2026": [
        ["Plan de formation 2026 – agents de l'ASE"],
        ["Intitulé", "Organisme de formation", "Date J1", "Date J2", "Stagiaires"],
        ["PSSM module jeunes", "Centre Pierre Janet", dt.datetime(2026, 1, 22), dt.datetime(2026, 1, 29), 12],
    ]})
    plan = importer.plan_import(con, data, "CD57_ASE_plan_formation_2026.xlsx")
    [row] = plan.changes["event"].added
    assert (row["kind"], row["date"], row["participants_count"]) == ("formation", dt.date(2026, 1, 22), 12)
    assert "Date J2 : 29/01/2026" in row["note"]


def test_a_table_converted_from_a_pdf_and_sessions_during_the_sism(con):
    from workbooks import xlsx

    data = xlsx({"Table 1": [
        ["Semaines d'information sur la santé mentale 2025 – bilan des manifestations"],
        ["Date", "Manifestation", "Lieu", "Participants"],
        ["lun. 6\noct. 2025", "Conférence inaugu-\nrale « Santé mentale »", "Espace Bernard-\nMarie Koltès", "140"],
        [None, "1/2"],
        ["jeu. 9\noct. 2025", "Portes ouvertes du GEM Ca-\nmille Claudel", "GEM", "35"],
    ]})
    plan = importer.plan_import(con, data, "Bilan_SISM_2025_converti.xlsx")
    rows = sorted((r["date"], r["title"], r["participants_count"], r["kind"]) for r in plan.changes["event"].added)
    assert rows == [(dt.date(2025, 10, 6), "Conférence inaugurale « Santé mentale »", 140, "réunion publique"),
                    (dt.date(2025, 10, 9), "Portes ouvertes du GEM Camille Claudel", 35, "autre")]
    assert "Lieu : Espace Bernard-Marie Koltès" in [r["note"] for r in plan.changes["event"].added][0]
    assert "tableau converti d'un PDF" in _said(plan) and "1 numéro(s) de page laissé(s) de côté" in _said(plan)
