"""Files of the nineteenth held-out set (what the partners send the coordinator, written blind to the importer: 2/16
at the first try at its one blind measure): a structure's own record named only by its file, days under month
headings, an association's sessions and its web tool's export, an intern's indicators by code, a letterhead over a
directory, the template's example row, a list of grants."""

from __future__ import annotations

import datetime as dt

import pytest

from clsm_data import importing as importer


@pytest.fixture
def con(fresh_con):
    return fresh_con


def test_a_structures_own_record_named_only_by_its_file(con):
    from workbooks import xlsx

    data = xlsx({"Albatros 2025": [
        ["Date", "Réunion", "Lieu", "Adhérents", "Animatrice"],
        [dt.datetime(2025, 1, 21), "Groupe participation / citoyenneté", "GEM Camille Claudel", 4, "x"],
        [dt.datetime(2025, 6, 5), "Groupe culture / loisirs", "Espace Koltès", "-", "x"],
    ]})
    plan = importer.plan_import(con, data, "GEM_Albatros_participation_reunions_CLSM_2025.xlsx")
    rows = sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"])
                  for r in plan.changes["attendance"].added)
    assert rows == [("groupe-culture-loisirs-2025-06-05", "gem-albatros", "professionnel", 1),
                    ("groupe-participation-citoyennete-2025-01-21", "gem-albatros", "professionnel", 1),
                    ("groupe-participation-citoyennete-2025-01-21", "gem-albatros", "usager", 4)]


def test_days_under_month_headings_take_the_heading_s_month(con):
    from workbooks import xlsx

    data = xlsx({"Agenda": [
        ["Jour", "Horaire", "Manifestation", "Lieu", "Type"],
        ["SEPTEMBRE 2025", None, None, None, None],
        ["mer. 10", "10h-16h", "Journée mondiale de prévention du suicide", "Hôtel de Ville", "journée"],
        ["OCTOBRE 2025", None, None, None, None],
        ["jeu. 16", "20h", "Ciné-débat « Vivre avec »", "Cinéma Le Klub", "SISM"],
    ]}, merged={"Agenda": ["A2:E2", "A4:E4"]})
    plan = importer.plan_import(con, data, "agenda_sante_mentale_automne_2025.xlsx")
    assert sorted((r["date"], r["kind"]) for r in plan.changes["event"].added) == [
        (dt.date(2025, 9, 10), "journée"), (dt.date(2025, 10, 16), "SISM")]
    assert "lu dans le mois de l'intertitre au-dessus (« SEPTEMBRE 2025 ») : 10/09/2025" in " ".join(plan.messages)


def test_an_association_s_sessions_kind_from_the_file_dates_as_excel_shows_them(con):
    lines = ["Date;Action;Public;Lieu;Nb participants",
             "13-mars-25;Sensibilisation « Mieux comprendre les troubles psychiques »;proches et aidants;Metz;14",
             "20-mai-25;Atelier d'entraide Prospect Famille;familles;UNAFAM, Metz;9",
             "20-nov.-25;Conférence « Frères et sœurs face aux troubles psychiques »;grand public;Arsenal;41",
             "05-févr.-26;Sensibilisation « Mieux comprendre les troubles psychiques »;proches;Montigny-lès-Metz;11"]
    plan = importer.plan_import(con, ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"),
                                "UNAFAM57_sensibilisations_2025-2026.csv")
    rows = sorted((r["date"], r["kind"], r["participants_count"]) for r in plan.changes["event"].added)
    assert rows == [(dt.date(2025, 3, 13), "sensibilisation", 14), (dt.date(2025, 5, 20), "sensibilisation", 9),
                    (dt.date(2025, 11, 20), "réunion publique", 41), (dt.date(2026, 2, 5), "sensibilisation", 11)]
    assert all("Public : " in r["note"] for r in plan.changes["event"].added)


def test_a_web_tool_s_export_of_events(con):
    lines = ['"id","titre","type","date_debut","date_fin","lieu","en_ligne","nb_inscrits","nb_presents","statut"',
             '412,"Sensibilisation des bénévoles – session 1","formation","2025-02-04T14:00:00","2025-02-04T17:00:00",'
             '"RESAM, Metz","false",18,15,"terminé"',
             '427,"Webinaire « Santé mentale et bénévolat »","webinaire","2025-03-20T18:00:00","2025-03-20T20:00:00",'
             '"","true",46,31,"terminé"']
    plan = importer.plan_import(con, ("\n".join(lines) + "\n").encode("utf-8"), "export_agenda_resam_2025.csv")
    rows = sorted((r["date"], r["kind"], r["participants_count"]) for r in plan.changes["event"].added)
    assert rows == [(dt.date(2025, 2, 4), "formation", 15), (dt.date(2025, 3, 20), "autre", 31)]


def test_an_intern_s_indicators_by_code_spelt_out_in_a_legend_sheet_nc_is_no_value(con):
    from workbooks import xlsx

    label = con.execute("SELECT label FROM indicator WHERE indicator_id = 'f15-proc-2'").fetchone()[0]
    data = xlsx({
        "Valeurs": [["Code", "Année", "Valeur", "Source"], ["F15-P2", 2022, 24, "bilan annuel 2022"],
                    ["F15-P2", 2023, "n.c.", "bilan annuel 2023"]],
        "Légende": [["Code", "Fiche", "Indicateur"], ["F15-P2", "Fiche 15", label]],
    })
    plan = importer.plan_import(con, data, "stage_M1_indicateurs_CLSM_2021-2025.xlsx")
    assert [(r["indicator_id"], r["period_label"], r["value"]) for r in plan.changes["indicator_value"].added] == [
        ("f15-proc-2", "2022", 24)]
    assert "1 ligne(s) d'indicateur sans résultat (ligne(s) 3)" in " ".join(plan.messages)


def test_the_template_s_example_row_is_left_out_and_an_acronym_in_a_stored_name_s_brackets(con):
    from workbooks import xlsx

    data = xlsx({"Présences": [
        ["Date", "Groupe / instance", "Structure", "Catégorie", "Nombre de personnes"],
        [None] * 5,
        ["exemple", "Groupe projets logement", "CH Jury", "professionnel", 2],
        [dt.datetime(2026, 1, 15), "Groupe projets logement", "CH Jury", "professionnel", 2],
        [dt.datetime(2026, 1, 15), "Groupe projets logement", "ERAH (CH Jury)", "professionnel", 1],
    ]})
    plan = importer.plan_import(con, data, "fiche_presence_groupe_logement_15-01-2026.xlsx")
    rows = sorted((r["structure_id"], r["count"]) for r in plan.changes["attendance"].added)
    erah = con.execute("SELECT structure_id FROM structure WHERE name LIKE '%(ERAH)%'").fetchone()[0]
    assert rows == sorted([("ch-jury", 2), (erah, 1)])
    assert "la ligne d'exemple du modèle, laissée de côté" in " ".join(plan.messages)


def test_a_list_of_grants_is_the_funders_of_the_actions_one_link_over_two_years(con):
    from workbooks import xlsx

    data = xlsx({"Subventions": [
        ["Exercice", "Action", "Financeur", "Montant attribué"],
        [2024, "SISM 2024", "Ville de Metz", "1\u202f500\xa0€"],
        [2025, "SISM 2025", "Ville de Metz", "1\u202f800\xa0€"],
        [2025, "SISM 2025", "ARS Grand Est (FIR)", "1\u202f000\xa0€"],
        [2025, "Fiche 15 – Coordination du CLSM", "Eurométropole de Metz", "2\u202f000\xa0€"],
    ]})
    plan = importer.plan_import(con, data, "subventions_CLS_sante_mentale_2024-2025.xlsx")
    rows = sorted((r["action_id"], r["structure_id"], r["role"]) for r in plan.changes["action_partner"].added)
    assert rows == [("fiche-15", "eurometropole-metz", "financeur"), ("p22-05", "ars-grand-est", "financeur"),
                    ("p22-05", "ville-metz", "financeur")]
    [sism] = [r for r in plan.changes["action_partner"].added if r["structure_id"] == "ville-metz"]
    assert sism["note"] == "Exercice : 2024 ; Montant attribué : 1 500 € ; Exercice : 2025 ; Montant attribué : 1 800 €"
    assert "un seul lien" in " ".join(plan.messages)


def test_a_total_and_what_it_counts_of_each_category_the_rest_professionals(con):
    from workbooks import xlsx

    data = xlsx({"Rencontre 22-05-2025": [
        ["Date", "Réunion", "Structure", "Nombre de participants", "dont élus", "dont usagers", "dont bénévoles"],
        [dt.datetime(2025, 5, 22), "Rencontre entre partenaires", "Ville de Metz", 2, 1, None, None],
        [dt.datetime(2025, 5, 22), "Rencontre entre partenaires", "GEM Camille Claudel", 3, None, 2, None],
        [dt.datetime(2025, 5, 22), "Rencontre entre partenaires", "RESAM", 1, None, None, 1],
    ]})
    plan = importer.plan_import(con, data, "rencontre_partenaires_CMSEA_22-05-2025.xlsx")
    rows = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("gem-camille-claudel", "professionnel", 1), ("gem-camille-claudel", "usager", 2),
                    ("resam", "bénévole", 1), ("ville-metz", "professionnel", 1), ("ville-metz", "élu", 1)]
    assert "le reste du total compté comme professionnels" in " ".join(plan.messages)


def test_records_typed_as_in_a_word_processor_one_event_each(con):
    from workbooks import xlsx

    data = xlsx({"Feuil1": [
        ["Conférence « Écrans et sommeil des enfants »"], ["Date : 14/01/2025"], ["Lieu : Médiathèque, Metz-Borny"],
        ["Participants : 34"], [None],
        ["Café des parents « Quand mon ado va mal »"], ["Date : 13/03/2025"], ["Lieu : Maison des adolescents"],
        ["Participants : 12"], [None],
        ["Conférence « L'anxiété des enfants » (SISM 2025)"], ["Date : 07/10/2025"], ["Lieu : Centre social"],
        ["Participants : 52"],
    ]})
    plan = importer.plan_import(con, data, "EPE57_actions_parentalite_2025.xlsx")
    rows = sorted((r["date"], r["kind"], r["participants_count"]) for r in plan.changes["event"].added)
    assert rows == [(dt.date(2025, 1, 14), "réunion publique", 34), (dt.date(2025, 3, 13), "autre", 12),
                    (dt.date(2025, 10, 7), "réunion publique", 52)]  # a conference during the SISM is no edition
    said = " ".join(plan.messages)
    assert "3 fiche(s) écrite(s) comme dans un traitement de texte" in said
    assert "1 événement(s) dont ni le fichier ni l'intitulé ne disent le type" in said


def test_a_teams_report_whose_third_part_is_activites_de_la_reunion(con):
    lines = ["1. Résumé", "Titre de la réunion\tRéunion d'information des partenaires du CLSM",
             "Heure de début\t20/05/2025 13:58:12", "",
             "2. Participants",
             "Nom\tPremière participation\tDernier départ\tE-mail\tID du participant (UPN)\tRôle\tStructure\tCatégorie",
             "[masqué]\t20/05/2025 13:58:12\t20/05/2025 16:02:47\t[masqué]\t[masqué]\tOrganisateur\tCH Jury\tprofessionnel",
             "[masqué]\t20/05/2025 14:00:06\t20/05/2025 16:02:12\t[masqué]\t[masqué]\tParticipant\tUNAFAM Moselle\taidant",
             "", "3. Activités de la réunion", "Nom\tHeure de participation\tHeure de départ\tRôle",
             "[masqué]\t20/05/2025 13:58:12\t20/05/2025 15:00:00\tOrganisateur",
             "[masqué]\t20/05/2025 15:05:00\t20/05/2025 16:02:47\tOrganisateur"]
    data = ("\r\n".join(lines) + "\r\n").encode("utf-16")
    plan = importer.plan_import(con, data, "meetingAttendanceReport_information_partenaires_20-05-2025.csv")
    rows = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("ch-jury", "professionnel", 1), ("unafam-moselle", "aidant", 1)]
    assert "[masqué]" not in repr(plan.changes)
