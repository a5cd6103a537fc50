"""Files of the seventeenth held-out set (written blind to the importer, plain everyday files with one habit each:
11/16 at its one blind measure): short names in capitals, a history of statuses by month, a directory naming a
stored national line with its structure, counts that say who came in words."""

from __future__ import annotations

import datetime as dt

import pytest

from clsm_data import importing as importer


@pytest.fixture
def con(fresh_con):
    return fresh_con


def test_short_names_in_capitals_are_the_initials_of_one_stored_name(con):
    lines = ["Date;Instance;Structure;Catégorie;Nombre",
             "04/02/2025;Groupe projets jeunes;ML;Professionnel;2",
             "04/02/2025;Groupe projets jeunes;EN;Professionnel;1",
             "04/02/2025;Groupe projets jeunes;VDM;Élu;1",
             "04/02/2025;Groupe projets jeunes;GEM CC;Usager;3"]
    plan = importer.plan_import(con, ("\r\n".join(lines) + "\r\n").encode("utf-8"), "presences_groupe_jeunes_2025.csv")
    rows = sorted((r["structure_id"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("education-nationale", 1), ("gem-camille-claudel", 3), ("mission-locale-pays-messin", 2),
                    ("ville-metz", 1)]
    said = " ".join(plan.messages)
    assert "« ML » lu comme « Mission locale du Pays Messin »" in said
    assert "« GEM CC » lu comme « GEM Camille Claudel »" in said


def test_a_history_of_statuses_by_month_is_dated_to_the_month_never_to_a_made_up_day(con):
    from workbooks import xlsx

    data = xlsx({"Historique": [
        ["Action", "Mois", "Statut"],
        ["Module de sensibilisation à distance", "septembre 2023", "conception"],
        ["Module de sensibilisation à distance", "mars 2024", "mise en œuvre"],
        ["Documentaire GEM", "novembre 2024", "réalisée"],
    ]})
    plan = importer.plan_import(con, data, "historique_statuts_actions_2023-2025.xlsx")
    statuses = sorted((r["action_id"], r["date"], r["date_precision"], r["status"])
                      for r in plan.changes["action_status"].added)
    assert statuses == [("p22-01", dt.date(2023, 9, 1), "mois", "conception"),
                        ("p22-01", dt.date(2024, 3, 1), "mois", "mise en œuvre"),
                        ("p22-07", dt.date(2024, 11, 1), "mois", "réalisée")]
    assert all(after.get("updated_on") is None for _, after in plan.changes["action"].updated)
    assert "statut(s) daté(s) au mois seulement" in " ".join(plan.messages)


def test_a_directory_line_of_the_same_name_as_a_stored_resource_is_that_resource(con):
    from workbooks import xlsx

    data = xlsx({"Annuaire": [
        ["RESSOURCE", "STRUCTURE", "PUBLIC", "COMMUNE"],
        ["Chèques psy pour les étudiants", "Service universitaire de médecine et de promotion de la santé",
         "étudiants", "Metz"],
    ]})
    plan = importer.plan_import(con, data, "annuaire_ressources_maj_2026.xlsx")
    assert not plan.changes["resource"].added
    [(_, after)] = plan.changes["resource"].updated
    assert after["resource_id"] == "cheques-psy-etudiants"
    assert "lu comme la ressource déjà enregistrée « Chèques psy pour les étudiants » (même nom)" in \
        " ".join(plan.messages)


def test_counts_that_say_who_came_in_words_give_one_line_per_category(con):
    from workbooks import xlsx

    data = xlsx({"Présents": [
        ["Assemblée plénière du CLSM – jeudi 26 juin 2025 – Arsenal"],
        ["Structure", "Présents", "Remarque"],
        ["Ville de Metz", "2 élus + 2 pros", None],
        ["GEM L'Albatros", "4 adhérents + 1 animatrice", None],
        ["Carrefour des solidarités", "1 pro et 2 bénévoles", None],
        ["ARS Grand Est", 1, None],
        ["Éducation nationale", 0, "excusée"],
    ]})
    plan = importer.plan_import(con, data, "AP_CLSM_26-06-2025_presents.xlsx")
    rows = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("ars-grand-est", "professionnel", 1), ("carrefour-solidarites", "bénévole", 2),
                    ("carrefour-solidarites", "professionnel", 1), ("gem-albatros", "professionnel", 1),
                    ("gem-albatros", "usager", 4), ("ville-metz", "professionnel", 2), ("ville-metz", "élu", 2)]
    assert "1 nombre(s) sans catégorie lu(s) comme les professionnels de leur structure" in " ".join(plan.messages)


def test_a_contacts_export_gives_its_organisations_and_never_a_persons_name_phone_or_address(con):
    header = ('"Titre","Prénom","Nom","Société","Service","Fonction","Rue (bureau)","Ville (bureau)",'
              '"Téléphone (bureau)","Téléphone mobile","Adresse de messagerie","Catégories","Notes"')
    lines = [header,
             '"","Camille","Durand","Logiest","Gestion locative","Chargée de clientèle","rue de Sarre","Metz",'
             '"03 87 00 00 01","06 00 00 00 01","c.durand@example.org","CLSM;Logement",""',
             '"","Dominique","Martin","Logiest","Accompagnement social","Conseiller","rue de Sarre","Metz",'
             '"03 87 00 00 02","","d.martin@example.org","CLSM",""',
             '"M.","Alex","Petit","","","","","","","06 00 00 00 03","a.petit@example.org","Personnel",""']
    data = ("\r\n".join(lines) + "\r\n").encode("cp1252")
    plan = importer.plan_import(con, data, "contacts_CLSM_export_Outlook.csv")
    [row] = plan.changes["structure"].added  # two contacts of one organisation, and a personal contact: one row
    assert (row["name"], row["address"], row["commune"]) == ("Logiest", "rue de Sarre", "Metz")
    stored = " ".join(str(v) for r in plan.changes["structure"].added for v in r.values())
    for personal in ("Camille", "Durand", "Dominique", "Martin", "Alex", "Petit", "03 87", "06 00", "@example.org",
                     "Chargée", "Conseiller"):
        assert personal not in stored
    said = " ".join(plan.messages)
    assert "« Prénom », « Nom »" in said and "jamais enregistrées" in said
    assert "1 ligne(s) sans nom de structure (ligne(s) 4)" in said
    assert "1 ligne(s) répètent une structure déjà lue plus haut (une ligne par contact)" in said
