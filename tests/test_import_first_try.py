"""Files read at the first try (issue 19, fourth pass): what leaves no doubt is read without asking and said in
the preview (a header's one known word, a name whose words are in one row's name only, a text column kept in the
note), remembered once the import is written; indicators typed with one column per year; a sign-in sheet whose
« Fonction » gives each person's category, whose excused people are not counted and whose title gives the day;
an online form's questions as headers; an event already stored found again by its kind, day and title."""

from __future__ import annotations

import datetime as dt

import pytest
from workbooks import xlsx

from clsm_data import importing as importer
from clsm_data.core.errors import DataFileError
from clsm_data.core.roles import COORDINATOR, Caller

COORD = Caller("coordination", COORDINATOR)


@pytest.fixture
def con(rw_con):
    return rw_con


def _attendance(con, meeting: str) -> list[tuple]:
    return con.execute("SELECT structure_id, role_category, count FROM attendance WHERE meeting_id = ? "
                       "ORDER BY structure_id, role_category", [meeting]).fetchall()


def test_a_short_name_of_one_structure_is_read_said_and_remembered_once_written(con):
    data = xlsx({"Réunions": [["Date", "Instance", "Titre"], ["16/02/2023", "COPIL", "COPIL de février"]],
                 "Présences": [["Date", "Instance", "Structure", "Catégorie", "Nombre"],
                               ["16/02/2023", "COPIL", "Maison des adolescents", "professionnel", 2]]})
    with pytest.raises(DataFileError):  # asked when the caller wants every question
        importer.plan_import(con, data, "copil.xlsx", assume=False)
    plan = importer.plan_import(con, data, "copil.xlsx")
    assert plan.changes["attendance"].added[0]["structure_id"] == "mda-moselle"
    assert "« Maison des adolescents » (feuille « Présences ») lu comme « Maison des adolescents de Moselle »." \
        in plan.messages
    importer.apply_import(con, COORD, plan)
    assert [(r["Écrit"], r["Compris comme"]) for r in importer.listing(con)] == [
        ("Maison des adolescents", "Maison des adolescents de Moselle")]


def test_two_structures_a_name_could_mean_are_asked_not_guessed(con):
    data = xlsx({"Présences": [["Réunion", "Structure", "Catégorie", "Nombre"],
                               ["copil-2017-02", "Équipe mobile", "professionnel", 1]]})
    with pytest.raises(DataFileError) as info:  # the EMPP and the équipe mobile d'appui médico-social
        importer.plan_import(con, data, "p.xlsx")
    (question,) = importer.questions(info.value.problems)
    assert question.text == "Équipe mobile" and not question.sure


def test_indicators_with_one_column_per_year_are_one_row_per_indicator_and_year(con):
    data = xlsx({"Résultats": [
        ["FICHE ACTION N°32 - indicateurs de résultats"],
        ["Indicateur", "2019", "2020 (rappel)", "Commentaire"],
        ["Participants qui déclarent mieux connaître les dispositifs d'accompagnement", "71 (sur 84)", "38 / 45",
         "questionnaire"],
        ["NB : 2020 = sessions à distance.", None, None, None]]})
    plan = importer.plan_import(con, data, "f32.xlsx")
    rows = sorted((r["indicator_id"], r["period_label"], r.get("value"), r.get("value_text"))
                  for r in plan.changes["indicator_value"].added)
    # a result that is not one number is kept as written in the detail, no value made up
    assert rows == [("f32-r1", "2019", None, "71 (sur 84)"), ("f32-r1", "2020", None, "38 / 45")]
    said = " ".join(plan.messages)
    assert "écrits avec une colonne par année (2019, 2020) : lus comme une ligne par indicateur et par année ; " \
           "1 ligne(s) sans chiffre laissée(s) de côté." in said


def test_a_sign_in_sheet_counts_people_by_structure_and_category_from_their_function(con):
    data = xlsx({"Émargement": [
        ["Réunion d'information des partenaires du CLSM"],
        ["jeudi 27 mai 2021, 10h - 11h30"],
        ["N°", "Structure", "Fonction / qualité", "Présent(e)", "Signature"],
        [1, "Ville de Metz", "Adjointe au maire", "X", "signé"],
        [2, "Ville de Metz", "Chargée de mission santé", "X", "signé"],
        [3, "GEM L'Albatros", "Adhérent", "X", "signé"],
        [4, "UNAFAM 57", "Adhérente", "X", "signé"],
        [5, "CH Jury", "Psychiatre", "excusée", None],
        [None, "Total présents : 4", None, None, None]]})
    plan = importer.plan_import(con, data, "emargement.xlsx")
    got = sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"])
                 for r in plan.changes["attendance"].added)
    assert got == [("info-partenaires-2021-05-27", "gem-albatros", "usager", 1),
                   ("info-partenaires-2021-05-27", "unafam-moselle", "aidant", 1),
                   ("info-partenaires-2021-05-27", "ville-metz", "professionnel", 1),
                   ("info-partenaires-2021-05-27", "ville-metz", "élu", 1)]
    said = " ".join(plan.messages)
    assert "« excusée », personne non comptée" in said and "ligne de total" in said
    assert "la fonction n'est pas gardée" in said
    assert not any("Adjointe" in str(r.get("note")) for r in plan.changes["attendance"].added)  # no function kept


def test_an_online_forms_questions_are_read_as_the_structures_columns(con):
    data = xlsx({"Réponses au formulaire 1": [
        ["Horodateur", "Nom de votre structure", "Sigle (le cas échéant)", "Code postal + ville",
         "Votre structure relève plutôt du secteur :", "Un commentaire ?"],
        ["2023/03/02 10:14:33 UTC+1", "Foyer de jeunes travailleurs de Metz", "FJT", "57000 METZ",
         "Logement / hébergement", None],
        ["2023/03/06 16:25:12 UTC+1", "Maison de santé pluriprofessionnelle de Woippy", "MSP", "57140 WOIPPY",
         "Santé / soins", "nouvelle adhésion"]]})
    plan = importer.plan_import(con, data, "formulaire.xlsx")
    got = {r["name"]: (r["acronym"], r["commune"], r["sector"]) for r in plan.changes["structure"].added}
    assert got == {"Foyer de jeunes travailleurs de Metz": ("FJT", "Metz", "logement"),
                   "Maison de santé pluriprofessionnelle de Woippy": ("MSP", "Woippy", "soins et prévention")}
    assert "Colonne « Votre structure relève plutôt du secteur : » (feuille « Réponses au formulaire 1 ») lue comme " \
           "colonne « secteur »." in plan.messages


def test_a_stored_event_typed_again_by_a_short_title_is_that_event(con):
    data = xlsx({"Sessions": [["Sensibilisations en santé mentale - sessions réalisées"],
                              ["Date", "Session", "Format"],
                              ["oct. 2020", "Session en salle", "en salle"],
                              ["5 avril 2022", "Module de base", "en salle"]]})
    plan = importer.plan_import(con, data, "sessions.xlsx")
    assert [r["title"] for r in plan.changes["event"].added] == ["Module de base"]
    assert plan.changes["event"].added[0]["mode"] == "présentiel"
    assert not plan.duplicates
    stored = con.execute("SELECT title FROM event WHERE event_id = 'sensib-2020-10'").fetchone()[0]
    assert stored == "Sensibilisation en santé mentale (session en salle)"  # the short title does not replace it


@pytest.mark.parametrize(("typed", "value", "note"), [
    ("reporté en 2023", "reportée", "reporté en 2023"),
    ("fait en partie", "mise en œuvre", None),
    ("réalisée en partie", "mise en œuvre", None),  # a part done is under way, never « réalisée »
    ("réalisé à moitié", None, None),  # no time after the value: asked
])
def test_a_status_with_a_time_keeps_it_in_the_note_and_a_part_done_is_not_done(con, typed, value, note):
    data = xlsx({"Suivi": [["Programme d'actions 2022 – suivi"], ["N°", "Action", "Où en est-on ?"],
                           [13, "Création EMPP", typed]]})
    if value is None:
        with pytest.raises(DataFileError):
            importer.plan_import(con, data, "suivi.xlsx")
        return
    plan = importer.plan_import(con, data, "suivi.xlsx")
    (_, after), = plan.changes["action"].updated
    assert after["status"] == value
    if note:
        assert f"Où en est-on ? : {note}" in after["note"]


def test_a_count_header_over_words_is_no_count(con):
    data = xlsx({"Sessions": [["Type", "Titre", "Date", "Public", "Présents"],
                              ["sensibilisation", "Module de base", dt.date(2022, 4, 5), "travailleurs sociaux", 20],
                              ["sensibilisation", "Jeunes", dt.date(2022, 10, 5), "professionnels jeunesse", 14]]})
    plan = importer.plan_import(con, data, "s.xlsx")
    first = next(r for r in plan.changes["event"].added if r["title"] == "Module de base")
    assert first["participants_count"] == 20 and "Public : travailleurs sociaux" in first["note"]


def test_an_agenda_export_is_one_meeting_per_entry_and_keeps_no_invitee(con):
    data = ('\ufeff"Objet","Date de début","Heure de début","Date de fin","Heure de fin","Journée entière",'
            '"Participants obligatoires","Description","Emplacement"\n'
            '"GT Jeunes","25/01/2024","09:30:00","25/01/2024","11:30:00","Faux","Personne A; Personne B",'
            '"Ordre du jour :\n- Écout\'Émoi","Maison des adolescents"\n'
            '"COPIL CLSM","12/03/2024","14:00:00","12/03/2024","16:00:00","Faux","","Bilan 2023","Réunion Microsoft Teams"\n'
            ).encode("utf-8")
    plan = importer.plan_import(con, data, "agenda.csv")
    got = sorted((r["instance_id"], r["date"], r["place"], r["mode"]) for r in plan.changes["meeting"].added)
    assert got == [("copil", dt.date(2024, 3, 12), "Réunion Microsoft Teams", "visio"),
                   ("groupe-jeunes", dt.date(2024, 1, 25), "Maison des adolescents", None)]
    kept = " ".join(str(v) for r in plan.changes["meeting"].added for v in r.values())
    assert "Personne A" not in kept  # invitees are people: never read
    assert any("Export d'agenda" in m and "peuvent nommer des personnes" in m for m in plan.messages)


def test_another_tools_numbers_a_former_name_and_a_free_source_are_read_as_people_mean_them(con):
    data = ("id;nom;sigle;categorie;cp;ville\n"
            "12;Centre Hospitalier de Jury;CH Jury;Soins;57245;Jury\n"
            "30;France Travail (ex Pôle emploi);;Insertion / emploi;57000;Metz\n"
            "43;Résidence accueil de Woippy;;Logement;57140;Woippy\n").encode("utf-8")
    plan = importer.plan_import(con, data, "carte.csv")
    assert [r["name"] for r in plan.changes["structure"].added] == ["Résidence accueil de Woippy"]
    assert sorted(after["structure_id"] for _, after in plan.changes["structure"].updated) == ["ch-jury", "pole-emploi"]
    assert any("Colonne « id » : des numéros d'un autre outil" in m for m in plan.messages)


def test_indicators_by_year_with_numbers_as_headers_and_a_free_source(con):
    data = xlsx({"Indicateurs fiche 15": [
        ["Fiche n°15 – indicateurs d'évaluation"],
        ["Type", "Indicateur", 2021, 2022, "Source des données"],
        ["Processus", "Nombre et typologie des réunions organisées dans le cadre du CLSM", 26, 31, "Calendrier"]]})
    plan = importer.plan_import(con, data, "croise.xlsx")
    added = {r["period_label"]: r for r in plan.changes["indicator_value"].added}
    assert set(added) == {"2022"}  # 2021's 26 is the seed's already (f15-proc-2), unchanged
    assert added["2022"]["value"] == 31 and added["2022"]["indicator_id"] == "f15-proc-2"
    assert "Source des données : Calendrier" in added["2022"]["note"]  # no such document: a remark in the note


def test_a_date_with_a_short_weekday_and_an_action_by_its_very_title(con):
    events = xlsx({"SISM 2024": [["Date", "Type", "Manifestation"], ["mer. 9 octobre 2024", "SISM", "Marche solidaire"]]})
    plan = importer.plan_import(con, events, "sism.xlsx")
    assert plan.changes["event"].added[0]["date"] == dt.date(2024, 10, 9)
    title = con.execute("SELECT title FROM action WHERE action_id = 'p22-01'").fetchone()[0]
    follow = xlsx({"Suivi": [["Programme d'actions 2022 – suivi"], ["Action", "Où en est-on ?"], [title, "terminé"]]})
    plan = importer.plan_import(con, follow, "suivi.xlsx")
    assert not plan.changes["action"].added and not plan.duplicates
    assert [after["action_id"] for _, after in plan.changes["action"].updated] == ["p22-01"]


def test_a_workbook_with_a_sheet_per_month_is_one_table_and_an_empty_month_is_said(con):
    data = xlsx({
        "Janvier": [["Réunions CLSM – janvier 2024"], ["Date", "Réunion", "Lieu"],
                    [dt.date(2024, 1, 23), "GT précarité", "CH Jury"]],
        "Février": [["Réunions CLSM – février 2024"], ["Date", "Réunion", "Lieu"],
                    ["jeudi 22 février 2024", "Grpe logement", "ADOMA"]],
        "Mai": [["Réunions CLSM – mai 2024"], ["Date", "Réunion", "Lieu"],
                ["Pas de réunion ce mois-ci (ponts de mai)", None, None]]})
    plan = importer.plan_import(con, data, "agenda.xlsx")
    assert sorted((r["instance_id"], r["date"]) for r in plan.changes["meeting"].added) == [
        ("groupe-logement", dt.date(2024, 2, 22)), ("groupe-precarite", dt.date(2024, 1, 23))]
    said = " ".join(plan.messages)
    assert "une phrase seule sur la ligne, laissée de côté" in said
    assert "Feuille « Mai » : aucune ligne de données sous l'en-tête de la table réunions." in said


def test_a_survey_export_of_partners_actions_is_events_its_technical_columns_left_out(con):
    data = ('\ufeffID de la réponse,Date de soumission,Dernière page,Adresse IP,Votre structure,Type d\'action,'
            'Date de l\'action,Titre de l\'action,Nombre de participants (approximatif),Nombre de partenaires associés\n'
            '12,2024-04-08 09:12:44,3,192.0.2.7,GEM Camille Claudel,Ciné-débat,05/04/2024,Projection-débat,environ 60,3\n'
            '15,2024-05-21 16:40:02,3,192.0.2.8,MISSION LOCALE,Sensibilisation / information,16/05/2024,Info jeunes,≈ 25,2\n'
            ).encode("utf-8")
    plan = importer.plan_import(con, data, "questionnaire.csv")
    got = sorted((r["kind"], r["date"], r["participants_count"], r["partners_count"])
                 for r in plan.changes["event"].added)
    assert got == [("réunion publique", dt.date(2024, 4, 5), 60, 3), ("sensibilisation", dt.date(2024, 5, 16), 25, 2)]
    kept = " ".join(str(v) for r in plan.changes["event"].added for v in r.values())
    assert "192.0.2" not in kept  # an IP address is a person's: never read
    assert any("Adresse IP" in m and "donnée technique (formulaire en ligne" in m for m in plan.messages)


def test_sections_a_total_with_words_and_a_quarter_in_an_action_sheet(con):
    data = xlsx({"Suivi fiches SM": [
        ["CLS Ville de Metz 2022-2026 – Axe 2 – suivi des fiches santé mentale"],
        ["N° fiche", "Intitulé", "État d'avancement", "Démarrage", "Budget prévu"],
        ["— EN COURS —", None, None, None, None],
        [16, "Collaboration entre l'EMPP et les acteurs locaux", "en préparation", "T1 2024", "2 500 €"],
        [None, "TOTAL budget prévu", None, None, "2 500 €"]]})
    plan = importer.plan_import(con, data, "fiches.xlsx")
    (row,) = plan.changes["action"].added
    assert (row["plan_id"], row["start_date"], row["budget_eur"]) == ("cls-2022-2026", dt.date(2024, 1, 1), 2500)
    said = " ".join(plan.messages)
    assert "« — EN COURS — ») : intertitre, laissé de côté" in said and "ligne de total" in said


def test_an_export_with_one_line_per_meeting_structure_and_category_gives_meetings_and_attendance(con):
    data = ("id;instance;date_reunion;modalite;lieu;structure;categorie;nb;saisi_par\n"
            "R2023-01;copil;2023-03-21;presentiel;Maison des adolescents;CH JURY;professionnel;3;coordination\n"
            "R2023-01;copil;2023-03-21;presentiel;Maison des adolescents;VILLE DE METZ;elu;1;coordination\n"
            "R2023-02;groupe-precarite;2023-04-13;visio;;UNAFAM 57;aidant;2;coordination\n"
            "# fin de l'export\n").encode("cp1252")
    plan = importer.plan_import(con, data, "export.csv")
    assert sorted((r["meeting_id"], r.get("place")) for r in plan.changes["meeting"].added) == [
        ("copil-2023-03-21", "Maison des adolescents"), ("groupe-precarite-2023-04-13", None)]
    assert sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"])
                  for r in plan.changes["attendance"].added) == [
        ("copil-2023-03-21", "ch-jury", "professionnel", 3), ("copil-2023-03-21", "ville-metz", "élu", 1),
        ("groupe-precarite-2023-04-13", "unafam-moselle", "aidant", 2)]
    assert any("lue comme 2 réunion(s) et leurs présences" in m and "« saisi_par »" in m for m in plan.messages)


def test_a_sign_in_sheet_with_a_marks_column_numbered_empty_lines_and_functions_that_are_not_categories(con):
    data = xlsx({"Réunion": [["Instance", "Date", "Lieu"], ["Assemblée plénière", dt.date(2024, 11, 28), "Hôtel de Ville"]],
                 "Émargement": [["N°", "NOM Prénom", "Structure", "Fonction", "Émargement"],
                                [1, "(masqué)", "CH Jury", "Directrice adjointe", "présent(e)"],
                                [2, "(masqué)", "ADOMA", "Responsable pension de famille", "présent(e)"],
                                [3, "(masqué)", "GEM L'Albatros", "Président", "présent(e)"],
                                [4, "(masqué)", "GEM L'Albatros", "Adhérent", "excusé(e)"],
                                [5, None, None, None, None], [6, None, None, None, None]]})
    plan = importer.plan_import(con, data, "emargement.xlsx")
    got = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert got == [("adoma", "professionnel", 1), ("ch-jury", "professionnel", 1), ("gem-albatros", "usager", 1)]
    assert "(masqué)" not in " ".join(str(v) for r in plan.changes["attendance"].added for v in r.values())


def test_an_interns_workbook_month_headings_weekdays_and_counts_in_words(con):
    data = xlsx({"Réunions 2023": [["BILAN D'ACTIVITÉ 2023 — RÉUNIONS"], ["Date", "Instance", "Lieu", "Nb présents"],
                                   ["JANVIER", None, None, None],
                                   ["jeu. 12/01/2023", "GP culture/loisirs", "Espace Koltès", 9],
                                   ["MAI — pas de réunion", None, None, None],
                                   ["mar. 13/06/2023", "COPIL", "CH Jury", "une trentaine"]]},
                merged={"Réunions 2023": ["A3:D3", "A5:D5"]})
    plan = importer.plan_import(con, data, "bilan.xlsx")
    assert sorted((r["instance_id"], r["date"]) for r in plan.changes["meeting"].added) == [
        ("copil", dt.date(2023, 6, 13)), ("groupe-culture-loisirs", dt.date(2023, 1, 12))]
    said = " ".join(plan.messages)
    assert "(« JANVIER ») : intertitre sur toute la largeur, laissé de côté" in said


def test_an_action_typed_as_a_vertical_form_labels_in_a_values_in_b(con):
    data = xlsx({"Fiche 18": [["CLS Ville de Metz 2022-2026 — Axe 2"], ["FICHE ACTION N°", 18],
                              ["Intitulé", "Cycle d'information des aidants"], ["Porteur", "UNAFAM 57"],
                              ["Statut (au 31/12/2024)", "en cours – deux séances faites"], ["Début", "2025"],
                              ["Budget", "non chiffré"], ["Indicateurs : voir l'onglet du tableau de bord", None]]})
    plan = importer.plan_import(con, data, "fiche18.xlsx")
    (row,) = plan.changes["action"].added
    assert (row["plan_id"], row["sheet_number"], row["porteur_id"], row["status"], row.get("budget_eur")) == (
        "cls-2022-2026", "18", "unafam-moselle", "mise en œuvre", None)
    assert "Budget : non chiffré (non renseigné)" in row["note"]  # not known: empty, never 0
    assert "en cours – deux séances faites" in row["note"]


def test_attendance_retyped_by_structure_category_and_count_under_the_meetings_title_changes_nothing(con):
    data = xlsx({"Participants": [
        ["Réunion CLSM du 18/11/2021 - participants par structure"], ["Structure", "Catégorie", "Nombre"],
        ["UNAFAM 57", "Aidants", 1], ["Unafam de Moselle", "Aidants", 1],  # one structure written two ways
        ["SUMPPS (Université de Lorraine)", "Professionnels", 1]]})
    plan = importer.plan_import(con, data, "participants.xlsx")
    stored = dict(((s, c), n) for s, c, n in _attendance(con, "reunion-2021-11-18"))
    assert stored[("unafam-moselle", "aidant")] == 2 and ("sumpps", "professionnel") in stored
    assert plan.is_noop, plan.counts()  # the two UNAFAM lines add up to the stored 2; SUMPPS is the SUMPPS
    assert any("additionnées" in m for m in plan.messages)


def test_a_websites_export_its_html_entities_and_a_date_after_le(con):
    data = ("nom;ville;mise_a_jour\nGEM L&#039;Albatros;Metz;le 30/09/2025\n"
            "Soins &amp; Répit 57;Woippy;le 01/10/2025\n").encode("utf-8")
    plan = importer.plan_import(con, data, "site.csv", table="structure")
    assert [r["name"] for r in plan.changes["structure"].added] == ["Soins & Répit 57"]
    assert [after["structure_id"] for _, after in plan.changes["structure"].updated] == ["gem-albatros"]


def test_a_sign_in_sheet_of_a_meeting_not_stored_yet_adds_it_from_its_title(con):
    data = xlsx({"Émargement": [["Assemblée plénière du CLSM – jeudi 28 novembre 2024 – Hôtel de Ville"],
                                ["N°", "Structure", "Fonction", "Présent(e)"],
                                [1, "Ville de Metz", "Adjointe au maire", "X"],
                                [2, "UNAFAM 57", "Adhérente", "X"]]})
    plan = importer.plan_import(con, data, "emargement.xlsx")
    (meeting,) = plan.changes["meeting"].added
    assert (meeting["meeting_id"], meeting["instance_id"], meeting["date"]) == (
        "pleniere-2024-11-28", "pleniere", dt.date(2024, 11, 28))
    assert sorted((r["meeting_id"], r["structure_id"], r["role_category"]) for r in plan.changes["attendance"].added) \
        == [("pleniere-2024-11-28", "unafam-moselle", "aidant"), ("pleniere-2024-11-28", "ville-metz", "élu")]
    assert any("nomme une réunion qui n'est pas encore enregistrée, « Assemblée plénière 28/11/2024 » : ajoutée avec "
               "ses présences" in m for m in plan.messages)


def test_a_grid_of_structures_by_meetings_counted_in_each_cell(con):
    data = xlsx({"Présences T1": [
        ["Groupes projets - présences du 1er trimestre 2025"], [],
        ["Structure", "GT Logement\n18/02/25", "GT Jeunes\n11/03/25"],
        ["UNAFAM 57", "1 aidant", "exc."],
        ["GEM L'Albatros", "1 pro + 2 usager", None],
        ["Ville de Metz", "1 élu", "2 pro"],
        ["Total personnes", 5, 2],
        ["pro = professionnel ; exc. = excusé (non compté)"]],
        "Réunions": [["Instance", "Date", "Lieu"],
                     ["Groupe projets « logement »", dt.datetime(2025, 2, 18), "AMLI"],
                     ["Groupe projets « jeunes »", dt.datetime(2025, 3, 11), "MDA"]]})
    plan = importer.plan_import(con, data, "grille.xlsx")
    got = sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"])
                 for r in plan.changes["attendance"].added)
    assert got == [("groupe-jeunes-2025-03-11", "ville-metz", "professionnel", 2),
                   ("groupe-logement-2025-02-18", "gem-albatros", "professionnel", 1),
                   ("groupe-logement-2025-02-18", "gem-albatros", "usager", 2),
                   ("groupe-logement-2025-02-18", "unafam-moselle", "aidant", 1),
                   ("groupe-logement-2025-02-18", "ville-metz", "élu", 1)]
    assert any("une colonne par réunion" in m and "1 cellule(s) « excusé » ne comptent personne" in m
               for m in plan.messages)


def test_days_without_their_year_under_a_title_naming_one_and_kinds_the_list_has_not(con):
    data = xlsx({"SISM 2025": [
        ["SISM 2025 « réparons le lien social »"], ["du 6 au 19 octobre 2025 - Metz"], [],
        ["Jour", "Heure", "Quoi ?", "Où ?", "Qui organise", "Type", "Public (nb)"],
        ["mer. 8/10", "14h-17h", "Portes ouvertes du GEM", "locaux du GEM", "GEM L'Albatros", "balade", "30"],
        ["jeudi 9 octobre", "20h", "Ciné-débat « Les Intranquilles »", "Le Klub", "UNAFAM 57", "ciné-débat", "≈ 65"],
        ["sam. 11 oct.", "10h", "Forum « Prendre soin du lien »", "Place d'Armes", "CLSM", "forum",
         "env. 250 (passages)"],
        ["dim. 19/10", "15h", "Exposition de clôture", "Arsenal", "GEM", "exposition", "non compté"]]})
    plan = importer.plan_import(con, data, "sism.xlsx")
    rows = {r["date"]: r for r in plan.changes["event"].added}
    assert sorted(rows) == [dt.date(2025, 10, 8), dt.date(2025, 10, 9), dt.date(2025, 10, 11), dt.date(2025, 10, 19)]
    assert [rows[d]["kind"] for d in sorted(rows)] == ["autre", "réunion publique", "journée", "autre"]
    assert rows[dt.date(2025, 10, 11)]["participants_count"] == 250
    assert rows[dt.date(2025, 10, 19)]["participants_count"] is None  # « non compté »: never 0
    assert "Type : balade" in rows[dt.date(2025, 10, 8)]["note"]
    assert rows[dt.date(2025, 10, 8)]["organiser"] == "GEM L'Albatros"
    assert any("4 date(s) écrite(s) sans l'année" in m and "2025" in m for m in plan.messages)


def test_a_website_directory_export_its_post_title_and_a_name_with_its_initials(con):
    data = ("id;post_title;acronyme;ville;post_status;post_modified\n"
            "117;Groupe d&#039;entraide mutuelle Camille Claudel;GEM;METZ;publish;2025-03-12 10:12:00\n"
            "170;SOS Amitié Metz-Lorraine;;METZ;publish;2025-01-19 10:19:00\n").encode()
    plan = importer.plan_import(con, data, "annuaire.csv")
    assert [r["name"] for r in plan.changes["structure"].added] == ["SOS Amitié Metz-Lorraine"]
    assert [after["structure_id"] for _, after in plan.changes["structure"].updated] == ["gem-camille-claudel"]
    assert any("« post_status »" in m and "laissée de côté" in m for m in plan.messages)


def test_action_sheets_with_ticked_boxes_a_field_left_empty_and_the_plan_in_a_capital_title(con):
    sheet = [["CONTRAT LOCAL DE SANTÉ - VILLE DE METZ 2022-2026"], [],
             ["Fiche action n°", 22],
             ["Intitulé de l'action", "Repérage de la souffrance psychique des personnes âgées isolées"],
             ["Porteur", "Ville de Metz"],
             ["Phase", "☒ Phase de conception   ☐ Phase de mise en œuvre"],
             ["Typologie", "☒ Nouvelle action   ☐ Action expérimentale   ☐ Action reconduite"],
             ["Financeurs", None],
             ["Date de fin", "fin 2026"]]
    plan = importer.plan_import(con, xlsx({"Fiche 22": sheet}), "fiches.xlsx")
    (row,) = plan.changes["action"].added
    assert (row["plan_id"], row["typology"], row["funders"]) == ("cls-2022-2026", "nouvelle", None)
    assert "Phase : Phase de conception" in row["note"]


def test_attendance_naming_meetings_not_stored_written_on_their_first_line_only(con):
    data = xlsx({"Présences": [["Date réunion", "Instance", "Structure", "Catégorie", "Nombre"],
                               [dt.datetime(2023, 3, 9), "COPIL", "CH Jury", "Pro", 3],
                               [None, None, "Eurométropole", "Pro", 1],
                               [None, None, "UNAFAM 57", "Aidant", 2],
                               [dt.datetime(2023, 6, 22), "Plénière", "CH Jury", "Pro", 6],
                               ["TOTAL", None, None, None, 12]]})
    plan = importer.plan_import(con, data, "presences.xlsx")
    assert sorted(r["meeting_id"] for r in plan.changes["meeting"].added) == ["copil-2023-03-09", "pleniere-2023-06-22"]
    got = sorted((r["meeting_id"], r["structure_id"], r["count"]) for r in plan.changes["attendance"].added)
    assert got == [("copil-2023-03-09", "ch-jury", 3), ("copil-2023-03-09", "eurometropole-metz", 1),
                   ("copil-2023-03-09", "unafam-moselle", 2), ("pleniere-2023-06-22", "ch-jury", 6)]
    assert any("reprise pour les 2 ligne(s) en dessous" in m for m in plan.messages)
    assert any("2 réunion(s) nommée(s) par les présences et pas encore enregistrée(s)" in m for m in plan.messages)


def test_a_tally_by_category_with_a_date_column_under_the_groups_title(con):
    data = ("GT jeunes et santé mentale - présences 2024\n\n"
            "Date,Structure,Professionnels,Usagers,Aidants\n"
            "16/01/24,MDA 57,3,,\n16/01/24,UNAFAM 57,,,1\n19/03/24,MDA 57,2,,\n").encode()
    plan = importer.plan_import(con, data, "gt_jeunes.csv")
    assert sorted(r["meeting_id"] for r in plan.changes["meeting"].added) == ["groupe-jeunes-2024-01-16",
                                                                           "groupe-jeunes-2024-03-19"]
    assert len(plan.changes["attendance"].added) == 3


def test_a_sheet_per_month_days_alone_a_visio_column_and_the_title_settling_the_table(con):
    month = [["Réunions CLSM – janvier 2025"], [], ["Jour", "Réunion", "Lieu", "Visio", "Nb présents"],
             ["mar. 21", "GT culture/loisirs", "BMM", "non", 9], ["jeu. 30", "COPIL", "Teams", "oui", 11]]
    empty = [["Réunions CLSM – avril 2025"], [], ["Jour", "Réunion", "Lieu", "Visio", "Nb présents"],
             ["Pas de réunion ce mois-ci (vacances de printemps)"]]
    plan = importer.plan_import(con, xlsx({"Janvier": month, "Avril": empty}), "reunions_2025.xlsx")
    got = sorted((r["date"], r["instance_id"], r["mode"]) for r in plan.changes["meeting"].added)
    assert got == [(dt.date(2025, 1, 21), "groupe-culture-loisirs", "présentiel"), (dt.date(2025, 1, 30), "copil", "visio")]


def test_indicators_by_year_with_a_partial_year_and_a_result_not_known(con):
    data = xlsx({"Fiche 15": [["CLS – Fiche n°15 – indicateurs"], [],
                              ["Indicateur", "Type", 2024, "2025 (au 30/06)"],
                              ["Nb de réunions organisées (toutes instances)", "processus", 14, 10],
                              ["Nb d'acteurs (structures) représentés dans les instances", "processus", 81, "n.c."]]})
    plan = importer.plan_import(con, data, "indicateurs.xlsx")
    got = sorted((r["indicator_id"], r["period_label"], r["value"], r["period_end"])
                 for r in plan.changes["indicator_value"].added)
    assert got == [("f15-proc-2", "2024", 14.0, None), ("f15-proc-2", "2025", 10.0, dt.date(2025, 6, 30)),
                   ("f15-proc-3", "2024", 81.0, None)]  # « n.c. »: no row, never 0
    assert any("1 résultat(s) non connu(s) (« n.c. ») laissé(s) vide(s)" in m for m in plan.messages)


def test_a_total_lines_formulas_without_results_and_an_outlook_export_with_what_is_no_meeting(con):
    import io

    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "2024"
    for row in (["Date", "Intitulé", "Type", "Présents"], ["12/03/2024", "Sensibilisation jeunes", "sensibilisation", 21],
                ["04/06/2024", "Lecture publique à la médiathèque", "Lecture publique", "(prévu)"],
                ["TOTAL", None, None, "=SUM(D2:D3)"]):
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    plan = importer.plan_import(con, buffer.getvalue(), "sensib.xlsx")
    kinds = sorted((r["kind"], r["participants_count"]) for r in plan.changes["event"].added)
    assert kinds == [("autre", None), ("sensibilisation", 21)]  # « Lecture publique » is no « réunion publique »
    agenda = ('"Objet","Début","Heure de début","Fin","Journée entière","Emplacement"\n'
              '"GT jeunes – repérage du mal-être","20/1/2026","14:00:00","20/1/2026","Faux","MDA 57"\n'
              '"Congés","2/2/2026","00:00:00","7/2/2026","Vrai",""\n'
              '"Préparation COPIL","6/2/2026","09:00:00","6/2/2026","Faux","Bureau"\n'
              '"Annulé : GT logement","21/5/2026","14:00:00","21/5/2026","Faux",""\n'
              '"Réunion Teams : GT crise","17/3/2026","10:00:00","17/3/2026","Faux","Réunion Microsoft Teams"\n').encode()
    plan = importer.plan_import(con, agenda, "agenda.csv")
    got = sorted((r["instance_id"], r["date"], r["mode"], r["title"]) for r in plan.changes["meeting"].added)
    assert got == [("groupe-jeunes", dt.date(2026, 1, 20), None, "repérage du mal-être"),
                   ("groupe-situations-crise", dt.date(2026, 3, 17), "visio", None)]
    assert any("3 rendez-vous qui ne sont pas des réunions tenues" in m for m in plan.messages)


def test_a_survey_export_its_questions_its_other_answers_and_an_unfinished_answer(con):
    data = ('"ID de la réponse","Date de soumission","Tête de série","Nom de votre structure","Secteur d\'activité '
            'principal","Secteur d\'activité principal [Autre]","Commune d\'implantation","Avez-vous développé des '
            'collaborations dans le cadre du CLSM ?"\n'
            '"1","2025-11-04 14:17:07","1235378","Metz Habitat Territoire","Logement","","Metz","Oui"\n'
            '"2","","1236189","","","","",""\n'
            '"3","2025-11-12 15:42:42","1239433","Maison de la culture et des loisirs de Metz","Autre",'
            '"Culture et loisirs","Metz","Non"\n').encode()
    plan = importer.plan_import(con, data, "questionnaire.csv")
    got = sorted((r["name"], r["sector"], r["commune"]) for r in plan.changes["structure"].added)
    assert got == [("Maison de la culture et des loisirs de Metz", "culture et loisirs", "Metz"),
                   ("Metz Habitat Territoire", "logement", "Metz")]
    assert all("Avez-vous développé des collaborations dans le cadre du CLSM ? : " in r["note"]
               for r in plan.changes["structure"].added)


def test_a_sign_in_summary_with_its_meeting_as_fields_and_a_header_on_two_lines(con):
    rows = [["CONSEIL LOCAL DE SANTÉ MENTALE"], [], ["Instance :", "Assemblée plénière"],
            ["Date :", "jeudi 20 novembre 2025"], [],
            ["Secteur", "Structure", "Nombre de personnes présentes", None, None],
            [None, None, "Professionnels", "Usagers", "Élus"],
            ["Soins et prévention", "CH Jury", 5, None, None],
            ["Collectivités et État", "Ville de Metz", 2, None, 1],
            [None, "GEM L'Albatros", None, 3, None],
            [None, "Total", 7, 3, 1]]
    data = xlsx({"Feuille de présence": rows}, merged={"Feuille de présence": ["A1:E1", "A6:A7", "B6:B7", "C6:E6"]})
    plan = importer.plan_import(con, data, "emargement.xlsx")
    assert [r["meeting_id"] for r in plan.changes["meeting"].added] == ["pleniere-2025-11-20"]
    got = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert got == [("ch-jury", "professionnel", 5), ("gem-albatros", "usager", 3), ("ville-metz", "professionnel", 2),
                   ("ville-metz", "élu", 1)]


def test_a_pivot_table_pasted_as_values_structures_then_their_categories(con):
    d = dt.datetime
    rows = [["Année", 2024], [], ["Somme de Nombre", "Étiquettes de colonnes"],
            [None, "COPIL", "Total COPIL", "GT logement", None, "Total GT logement", "Total général"],
            ["Étiquettes de lignes", d(2024, 2, 13), None, d(2024, 4, 18), d(2024, 9, 26), None, None],
            ["Ville de Metz", 2, 2, None, 1, 1, 3], ["professionnel", 1, 1, None, 1, 1, 2], ["élu", 1, 1, None, None, None, 1],
            ["Résidence accueil Ban-St-Martin", None, None, 1, None, 1, 1], ["professionnel", None, None, 1, None, 1, 1],
            ["Total général", 2, 2, 1, 1, 2, 4]]
    plan = importer.plan_import(con, xlsx({"TCD présences": rows}), "tcd.xlsx")
    assert sorted(r["meeting_id"] for r in plan.changes["meeting"].added) == [
        "copil-2024-02-13", "groupe-logement-2024-04-18", "groupe-logement-2024-09-26"]
    got = sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"])
                 for r in plan.changes["attendance"].added)
    assert got == [("copil-2024-02-13", "ville-metz", "professionnel", 1), ("copil-2024-02-13", "ville-metz", "élu", 1),
                   ("groupe-logement-2024-04-18", "residence-accueil-ban-saint-martin", "professionnel", 1),
                   ("groupe-logement-2024-09-26", "ville-metz", "professionnel", 1)]


def test_partners_of_actions_an_action_merged_down_over_its_partners_and_named_short(con):
    rows = [["Actions CLSM – partenaires et financements 2024"], [],
            ["Action", "Structure", "Rôle", "Montant"],
            ["Création de l'EMPP", "ARS", "financeur", None],
            [None, "Eurométropole", "financeur", "2 500 €"],
            ["Stopblues", "Inserm", "partenaire", None]]
    plan = importer.plan_import(con, xlsx({"Qui fait quoi": rows}, merged={"Qui fait quoi": ["A4:A5"]}), "qui.xlsx")
    got = sorted((r["action_id"], r["structure_id"], r["role"]) for r in plan.changes["action_partner"].added)
    assert ("p22-13", "eurometropole-metz", "financeur") in got and ("p22-13", "ars-grand-est", "financeur") in got
    assert any("fusionnée(s) sur plusieurs lignes" in m for m in plan.messages)
    assert any("Montant : 2 500 €" in (r["note"] or "") for r in plan.changes["action_partner"].added)


def test_a_status_point_of_a_plan_short_titles_read_and_statuses_dated_from_the_title(con):
    rows = [["Programme d'actions 2022 (groupes thématiques) – état d'avancement au 15/12/2023"], [],
            ["Action", "Statut", "Commentaire"],
            ["Projet théâtre Koltès", "Réalisé", None],
            ["MAJ outils de coordination (guide, carte, site)", "En cours", "consultation faite"],
            ["Com' Stopblues / prévention du mal-être", "En cours", None]]
    plan = importer.plan_import(con, xlsx({"Point déc 2023": rows}), "avancement.xlsx")
    assert "action" not in {t for t, c in plan.changes.items() if c.added}  # no new action made of a short title
    got = sorted((r["action_id"], r["date"], r["status"]) for r in plan.changes["action_status"].added)
    assert got == [("p22-04", dt.date(2023, 12, 15), "mise en œuvre"), ("p22-08", dt.date(2023, 12, 15), "réalisée"),
                   ("p22-20", dt.date(2023, 12, 15), "mise en œuvre")]
    assert "« Projet théâtre Koltès » (feuille « Point déc 2023 ») lu comme « Projet d'accès au théâtre porté par " \
           "l'Espace Bernard Marie Koltès »." in plan.messages
    importer.apply_import(con, COORD, plan)
    assert con.execute("SELECT status FROM action WHERE action_id = 'p22-08'").fetchone()[0] == "réalisée"
    assert importer.plan_import(con, xlsx({"Point déc 2023": rows}), "avancement.xlsx").is_noop


def test_formulas_without_results_matter_only_where_a_cell_is_read(con):
    # written by openpyxl, which computes nothing: the formulas hold no result, as a program's export may
    data = xlsx({
        "Synthèse": [["Trimestre", "Nb de réunions"], ["1er trimestre", "=COUNTA('T1 2025'!A4:A6)"]],
        "T1 2025": [["Groupes projets – 1er trimestre 2025"], [],
                    ["Groupe", "Date", "Lieu"], ["GP jeunes", dt.datetime(2025, 1, 30), "MDA"],
                    ["2e semestre"], ["GP logement", "11/09/2025", "AMLI"]]})
    plan = importer.plan_import(con, data, "trimestres.xlsx")
    assert sorted(r["meeting_id"] for r in plan.changes["meeting"].added) == ["groupe-jeunes-2025-01-30",
                                                                           "groupe-logement-2025-09-11"]
    assert any("« 2e semestre »" in m and "intertitre" in m for m in plan.messages)
    tally = xlsx({"Présences": [["Réunion CLSM – restitution des groupes thématiques"], ["16 novembre 2023"], [],
                                          ["Structure", "Professionnels", "Élus", "Total"],
                                          ["CH Jury", 3, None, "=SUM(B5:C5)"], ["Ville de Metz", 1, 1, "=SUM(B6:C6)"]]})
    plan = importer.plan_import(con, tally, "restitution.xlsx")  # the Total column's sums are never read
    assert len(plan.changes["attendance"].added) == 3
    read = xlsx({"Réunions": [["Instance", "Date", "Nombre de présents"], ["COPIL", "13/03/2025", "=B2*2"]]})
    with pytest.raises(DataFileError, match="formule sans valeur calculée"):  # a read cell: refused, named
        importer.plan_import(con, read, "copil.xlsx")


def test_an_attendance_form_export_and_a_mail_merge_list(con):
    d = dt.datetime
    form = [["ID", "Heure de début", "Adresse de messagerie", "Nom", "À quelle réunion participez-vous ?",
             "Votre structure", "Vous participez en tant que :", "Combien de personnes de votre structure suivent "
             "la réunion sur ce poste ?"],
            [1, d(2025, 1, 23, 14, 2), "anonymous", None, "Groupe projets Situations de crise – 23/01/2025 (visio)",
             "Centre hospitalier de Jury", "Professionnel(le)", 1],
            [2, d(2025, 1, 23, 14, 3), "anonymous", None, "Groupe projets Situations de crise – 23/01/2025 (visio)",
             "UNAFAM Moselle", "Proche / aidant(e)", 1],
            [3, d(2025, 1, 23, 14, 4), "anonymous", None, "Groupe projets Situations de crise – 23/01/2025 (visio)",
             "GEM L'albatros", "Personne concernée / usager(e)", 2]]
    plan = importer.plan_import(con, xlsx({"Sheet1": form}), "forms.xlsx")
    got = sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"])
                 for r in plan.changes["attendance"].added)
    assert got == [("groupe-situations-crise-2025-01-23", "ch-jury", "professionnel", 1),
                   ("groupe-situations-crise-2025-01-23", "gem-albatros", "usager", 2),
                   ("groupe-situations-crise-2025-01-23", "unafam-moselle", "aidant", 1)]
    merge = [["RAISON_SOCIALE", "SERVICE", "A_L_ATTENTION_DE", "ADR1", "CP", "VILLE", "SECTEUR_CLSM", "NB_EX"],
             ["RESIDENCE ACCUEIL DU BAN ST MARTIN", None, "Responsable", None, "57050", "LE BAN ST MARTIN", "LOGEMENT", 1],
             ["LOGIEST", "AGENCE DE METZ", "Responsable d'agence", None, "57000", "METZ", "LOGEMENT", 1]]
    plan = importer.plan_import(con, xlsx({"Fusion": merge}), "publipostage.xlsx")
    assert [r["name"] for r in plan.changes["structure"].added] == ["LOGIEST"]
    assert [after["structure_id"] for _, after in plan.changes["structure"].updated] == ["residence-accueil-ban-saint-martin"]
    assert any("« A_L_ATTENTION_DE »" in m and "laissée de côté" in m for m in plan.messages)


def test_an_email_pasted_in_a_sheet_events_during_the_sism_are_not_its_editions(con):
    rows = [["De : GEM Camille Claudel"], ["Envoyé : lundi 4 novembre 2024 10:12"],
            ["Objet : RE: SISM 2024 - bilan de nos animations"], [], ["Bonjour,"], [],
            ["Date", "Animation", "Lieu", "Participants"],
            ["mar. 8 oct.", "Portes ouvertes du GEM", "GEM Camille Claudel", "35 pers."],
            ["jeu. 10 oct.", "Ciné-débat « Sur l'Adamant »", "Cinéma Le Klub", "92"],
            ["ven. 18 oct.", "Exposition des ateliers d'art du GEM", "Médiathèque de Borny", "~60 visiteurs"],
            [], ["Belle journée,"], ["L'équipe d'animation du GEM"]]
    plan = importer.plan_import(con, xlsx({"Feuil1": rows}), "mail.xlsx")
    got = sorted((r["date"], r["kind"], r["participants_count"]) for r in plan.changes["event"].added)
    assert got == [(dt.date(2024, 10, 8), "autre", 35), (dt.date(2024, 10, 10), "réunion publique", 92),
                   (dt.date(2024, 10, 18), "autre", 60)]  # none of them a « SISM » edition of 2024


def test_a_status_list_without_plan_whose_actions_are_all_of_one_plan(con):
    rows = [["Suivi des actions du CLSM – situation au 30/06/2025"], [],
            ["Action", "Porteur", "Avancement"],
            ["Module de sensibilisation à distance", "CH Jury", "Terminé"],
            ["MAJ des outils de coordination (guide, carte, site)", "CLSM", "En cours"],
            ["Projet théâtre Koltès", "Espace BMK", "Abandonné"],
            ["Création de l'EMPP", "CH Jury", "Terminé"]]
    plan = importer.plan_import(con, xlsx({"Suivi": rows}), "suivi.xlsx")
    assert not plan.changes["action"].added  # no new action: each is the Programme 2022's own
    got = sorted((after["action_id"], after["status"]) for _, after in plan.changes["action"].updated)
    assert ("p22-04", "mise en œuvre") in got and ("p22-08", "abandonnée") in got
    assert any("toutes du plan « Programme 2022 »" in m for m in plan.messages)
    assert "« Espace BMK » (feuille « Suivi ») lu comme « Espace Bernard Marie Koltès »." in plan.messages
    assert len(plan.changes["action_status"].added) == 4  # each status dated 30/06/2025


def test_a_web_form_of_attendance_two_answers_of_one_structure_and_a_service_of_the_university(con):
    data = ('"Horodateur","Réunion à laquelle vous avez participé","Nom de votre structure","Vous participez en tant '
            'que","Nombre de personnes de votre structure présentes (vous compris)","Commentaire libre"\n'
            '"18/03/2025 11:42:07","Groupe projets Jeunes - 18/03/2025","CH Jury","Professionnel(le)","2",""\n'
            '"18/03/2025 11:44:51","Groupe projets Jeunes - 18/03/2025","SUMPPS - Université de Lorraine",'
            '"Professionnel(le)","1",""\n'
            '"18/03/2025 11:47:13","Groupe projets Jeunes - 18/03/2025","CH Jury","Professionnel(le)","1","deux postes"\n'
            ).encode()
    plan = importer.plan_import(con, data, "formulaire.csv")
    got = sorted((r["structure_id"], r["count"]) for r in plan.changes["attendance"].added)
    assert got == [("ch-jury", 3), ("sumpps", 1)]  # two answers of one structure: added up; the service, not its university
    assert any("une autre réponse au formulaire : additionnées" in m for m in plan.messages)


def test_a_sheet_per_instance_and_partners_roles_as_the_council_writes_them(con):
    copil = [["Date", "Lieu"], [dt.datetime(2025, 3, 11), "CH Jury"], [dt.datetime(2025, 6, 17), "Hôtel de Ville"]]
    jeunes = [["Date", "Lieu"], [dt.datetime(2025, 2, 4), "MDA"]]
    plan = importer.plan_import(con, xlsx({"Sommaire": [["Réunions 2025, une feuille par instance"]], "COPIL": copil,
                                           "GP Jeunes": jeunes}), "reunions.xlsx")
    assert sorted(r["meeting_id"] for r in plan.changes["meeting"].added) == [
        "copil-2025-03-11", "copil-2025-06-17", "groupe-jeunes-2025-02-04"]
    roles = "Action;Structure;Rôle\nCoordination du Conseil local de santé mentale;ARS Grand Est;Financeur\n".encode()
    plan = importer.plan_import(con, roles, "roles.csv")  # « Financeur » is the stored « financeur »: nothing new
    assert not plan.changes.get("action_partner") or not plan.changes["action_partner"].added


def test_a_table_written_sideways_statuses_ticked_by_column_and_a_matrix_of_partners(con):
    sideways = [["Semaines d'information sur la santé mentale – bilan des éditions"], [],
                [None, "2023", "2024"],
                ["Édition", "SISM 2023", "SISM 2024"],
                ["Dates", "du 9 au 22 octobre 2023", "du 7 au 20 octobre 2024"],
                ["Nombre de partenaires", 24, 27],
                ["Nombre de participants", 1150, 1420],
                [], ["Source : bilans annuels du CLSM"]]
    plan = importer.plan_import(con, xlsx({"SISM": sideways}), "sism.xlsx")
    got = sorted((r["year"], r["kind"], r["partners_count"], r["participants_count"])
                 for r in plan.changes["event"].added)
    assert got == [(2023, "SISM", 24, 1150), (2024, "SISM", 27, 1420)]
    ticks = [["Action", "État d'avancement au 30/06/2025", None, None],
             [None, "Conception", "Mise en œuvre", "Réalisée"],
             ["FORMATION EN SANTÉ MENTALE", None, None, None],
             ["Module de sensibilisation en santé mentale accessible à distance", None, None, "X"],
             ["Version grand public du guide santé mentale", "X", None, None]]
    plan = importer.plan_import(con, xlsx({"Avancement": ticks}, merged={"Avancement": ["A1:A2", "B1:D1", "A3:D3"]}),
                                "avancement.xlsx")
    got = sorted((r["action_id"], r["date"], r["status"]) for r in plan.changes["action_status"].added)
    assert got == [("p22-01", dt.date(2025, 6, 30), "réalisée"), ("p22-06", dt.date(2025, 6, 30), "conception")]
    matrix = [["Action", "CH Jury", "Ville de Metz", "GEM L'Albatros"],
              ["Version grand public du guide santé mentale", "P", "X / F", None],
              [], ["Légende : P = porteur ; X = partenaire ; F = financeur"]]
    plan = importer.plan_import(con, xlsx({"Matrice": matrix}), "matrice.xlsx")
    got = sorted((r["structure_id"], r["role"]) for r in plan.changes["action_partner"].added)
    assert ("ville-metz", "financeur") in got and ("ville-metz", "partenaire") in got


def test_a_meeting_named_by_attendance_one_slip_away_from_a_stored_one_is_asked_not_added(con):
    # the seed holds the restitution meeting of 18/11/2021: « 18/11/2022 » is more likely a slip than a new meeting
    stored = con.execute("SELECT instance_id, date FROM meeting WHERE date_precision = 'jour' ORDER BY date "
                         "LIMIT 1").fetchone()
    name = con.execute("SELECT name FROM instance WHERE instance_id = ?", [stored[0]]).fetchone()[0]
    slip = stored[1].replace(year=stored[1].year + 1)
    data = xlsx({"Présences": [["Réunion", "Structure", "Catégorie", "Nombre"],
                               [f"{name} {slip:%d/%m/%Y}", "CH Jury", "professionnel", 2]]})
    with pytest.raises(DataFileError, match="ne correspond à aucune ligne de la table réunions"):
        importer.plan_import(con, data, "presences.xlsx")


def test_minutes_pasted_from_a_word_processor_meetings_and_their_participants(con):
    rows = [["GROUPE DE TRAVAIL « PRÉVENTION / GESTION DES SITUATIONS DE CRISE »", None],
            ["Date et lieu", "Mardi 5 mars 2024 – en visioconférence (Teams)"],
            ["Participants", "•\u00a0CH Jury\u00a0: 3 professionnels\n•\u00a0UNAFAM 57\u00a0: 1 aidante\n"
                             "•\u00a0GEM L'Albatros\u00a0: 2 adhérents (usagers)\n•\u00a0GEM Camille Claudel\u00a0: "
                             "1 adhérent et 1 animatrice"],
            ["Ordre du jour", "Guide de prévention et de gestion des situations de crise"],
            ["Décisions", "Fiches réflexes réparties entre les structures"]]
    plan = importer.plan_import(con, xlsx({"Feuil1": rows}, merged={"Feuil1": ["A1:B1"]}), "cr.xlsx")
    (meeting,) = plan.changes["meeting"].added
    assert (meeting["instance_id"], meeting["date"]) == ("groupe-situations-crise", dt.date(2024, 3, 5))
    assert meeting["agenda"] == "Guide de prévention et de gestion des situations de crise"
    got = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert got == [("ch-jury", "professionnel", 3), ("gem-albatros", "usager", 2),
                   ("gem-camille-claudel", "professionnel", 1), ("gem-camille-claudel", "usager", 1),
                   ("unafam-moselle", "aidant", 1)]


def test_attendance_by_group_and_day_an_action_at_two_dates_and_partners_under_their_action(con):
    csv_text = ("Date;Réunion;Structure;Qui;Nombre\n"
                "11/04/2024;groupe participation citoyenneté;GEM L'Albatros;adhérents usagers;4\n"
                "11/04/2024;groupe participation citoyenneté;CH Jury;pro;1\n").encode("cp1252")
    plan = importer.plan_import(con, csv_text, "gem.csv")
    got = sorted((r["meeting_id"], r["structure_id"], r["role_category"]) for r in plan.changes["attendance"].added)
    assert got == [("groupe-participation-citoyennete-2024-04-11", "ch-jury", "professionnel"),
                   ("groupe-participation-citoyennete-2024-04-11", "gem-albatros", "usager")]
    history = [["Action", "Statut", "Date de mise à jour"],
               ["Module de sensibilisation en santé mentale accessible à distance", "mise en oeuvre", "12.06.2023"],
               ["Module de sensibilisation en santé mentale accessible à distance", "realisee", "15.01.2025"]]
    plan = importer.plan_import(con, xlsx({"Feuil1": history}), "suivi.xlsx")
    assert [after["status"] for _, after in plan.changes["action"].updated] == ["réalisée"]  # the latest
    assert sorted((r["date"], r["status"]) for r in plan.changes["action_status"].added) == [
        (dt.date(2023, 6, 12), "mise en œuvre"), (dt.date(2025, 1, 15), "réalisée")]
    partners = [["Action", "Structure", "Rôle"],
                ["Création d'une équipe mobile psychiatrie précarité (EMPP) sur le territoire messin", "CH Jury", "Porteur"],
                [None, "Carrefour des solidarités", "Partenaire"]]
    plan = importer.plan_import(con, xlsx({"Partenaires": partners}), "partenaires.xlsx")
    assert ("p22-13", "carrefour-solidarites", "partenaire") in {
        (r["action_id"], r["structure_id"], r["role"]) for r in plan.changes["action_partner"].added}


def test_minutes_in_one_column_a_pivot_with_named_columns_and_a_google_form_of_one_meeting(con):
    prose = [["COMPTE RENDU – Assemblée plénière du CLSM"],
             ["Mardi 24 juin 2025, 9h30 – Hôtel de Ville de Metz et en visioconférence"], [],
             ["PARTICIPANTS (9) :"],
             ["• Ville de Metz : 3 (dont 2 élus)"],
             ["• GEM L'Albatros : 2 usagers et 1 animateur (professionnel)"],
             ["• ADOMA et AMLI : 1 professionnel chacun"],
             ["• Médecins du Monde : 1 bénévole"], [],
             ["EXCUSÉS : Préfecture de la Moselle."]]
    plan = importer.plan_import(con, xlsx({"Feuil1": prose}), "cr.xlsx")
    got = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert got == [("adoma", "professionnel", 1), ("amli", "professionnel", 1), ("gem-albatros", "professionnel", 1),
                   ("gem-albatros", "usager", 2), ("medecins-du-monde-metz", "bénévole", 1),
                   ("ville-metz", "professionnel", 1), ("ville-metz", "élu", 2)]
    assert sum(c for *_, c in got) == 9
    pivot = [["Somme de Nombre", "Étiquettes de colonnes"],
             ["Étiquettes de lignes", "GT précarité – 11/03/2025", "GT logement – 08/04/2025", "Total général"],
             ["CH Jury", 2, 1, 3], ["professionnel", 2, 1, 3], ["Total général", 2, 1, 3]]
    plan = importer.plan_import(con, xlsx({"TCD": pivot}), "tcd.xlsx")
    assert sorted(r["meeting_id"] for r in plan.changes["attendance"].added) == [
        "groupe-logement-2025-04-08", "groupe-precarite-2025-03-11"]
    form = ("Horodateur,Réunion,Votre structure,Vous êtes,J'accepte que ma présence soit comptée (sans nom)\n"
            "27/06/2024 09:02:11,Assemblée plénière du CLSM – jeudi 27 juin 2024,CHS Jury,Professionnel(le),Oui\n"
            "27/06/2024 09:05:02,Assemblée plénière du CLSM – jeudi 27 juin 2024,Mairie de Metz,Bénévole associatif(ve),"
            "Oui\n").encode()
    plan = importer.plan_import(con, form, "formulaire.csv")
    assert [r["meeting_id"] for r in plan.changes["meeting"].added] == ["pleniere-2024-06-27"]
    assert sorted((r["structure_id"], r["role_category"]) for r in plan.changes["attendance"].added) == [
        ("ch-jury", "professionnel"), ("ville-metz", "bénévole")]


def test_an_action_form_naming_its_porteur_partners_and_funders_gives_partners_of_the_action(con):
    form = [["Programme d'actions 2022 — Emploi"], [],
            ["TITRE DE L'ACTION", "Version grand public du guide santé mentale"],
            ["État d'avancement", "☐ Idée   ☒ Conception   ☐ Réalisée"],
            ["Date de mise à jour", dt.datetime(2025, 2, 14)],
            ["Porteur de l'action (structure)", "Centre hospitalier de Jury (coordination CLSM)"],
            ["Partenaires de mise en œuvre", "GEM L'Albatros\nFrance Travail (ex-Pôle emploi)"],
            ["Financeurs", "—"]]
    plan = importer.plan_import(con, xlsx({"Guide": form}), "fiche.xlsx")
    got = sorted((r["structure_id"], r["role"]) for r in plan.changes["action_partner"].added)
    assert ("gem-albatros", "partenaire") in got and ("pole-emploi", "partenaire") in got
    assert [(r["action_id"], r["status"]) for r in plan.changes["action_status"].added] == [("p22-06", "conception")]


def test_the_twelfth_sets_everyday_habits(con):
    # « usagers (adhérents) » and « combien », a day in words, « Teams » and « Présentiel + Teams », « complet »
    data = ("réunion,date,structure,qui,combien\n"
            "assemblée plénière,jeudi 20 juin 2024,GEM L'Albatros,usagers (adhérents),4\n"
            "assemblée plénière,jeudi 20 juin 2024,GEM L'Albatros,animateur (professionnel),1\n").encode()
    plan = importer.plan_import(con, data, "gem.csv")
    assert sorted((r["role_category"], r["count"]) for r in plan.changes["attendance"].added) == [
        ("professionnel", 1), ("usager", 4)]
    meetings = xlsx({"Instances 2025": [["Instance", "Date", "Modalité", "Relevé de décisions"],
                                        ["COPIL", dt.datetime(2025, 2, 4), "Présentiel + Teams", "Bilan validé"],
                                        ["GT jeunes", dt.datetime(2025, 3, 11), "Teams", None]]})
    plan = importer.plan_import(con, meetings, "suivi.xlsx")
    assert sorted(r["mode"] for r in plan.changes["meeting"].added) == ["hybride", "visio"]
    events = xlsx({"SISM 2024": [["Date", "Intitulé", "Type", "Fréquentation"],
                                 ["10/10/2024", "Ciné-débat", "ciné-débat", "complet"]]})
    plan = importer.plan_import(con, events, "sism.xlsx")
    assert plan.changes["event"].added[0]["participants_count"] is None  # « complet »: no count made up
    years = xlsx({"Indicateurs": [["Fiche 15 – indicateurs"], [],
                                  ["Indicateur", "Année 2023", "2025*", "Évol."],
                                  ["Nb de réunions organisées (toutes instances)", 29, 12, "=C4-B4"],
                                  ["* provisoire au 30/06"]]})
    plan = importer.plan_import(con, years, "indicateurs.xlsx")
    assert sorted((r["period_label"], r["value"]) for r in plan.changes["indicator_value"].added) == [
        ("2023", 29.0), ("2025", 12.0)]
    unicode_text = "Nom\tSecteur\tCommune\nLogiEst\tLogement\tMetz\n".encode("utf-16")
    plan = importer.plan_import(con, unicode_text, "annuaire.csv")  # Excel's « Texte Unicode » named .csv
    assert [r["name"] for r in plan.changes["structure"].added] == ["LogiEst"]


def test_a_count_with_a_footnotes_mark_is_the_count_the_mark_kept(con):
    data = xlsx({"SISM": [
        ["Semaines d'information sur la santé mentale – Ville de Metz"], [],
        ["Édition", "Dates", "Thème national", "Participants", "Remarques"],
        [2024, "7-20 oct. 2024", "En mouvement pour notre santé mentale", "1\u00a0180", None],
        [2025, "6-19 oct. 2025", "Pour notre santé mentale, réparons le lien social", "620*", "chiffres provisoires"],
        [], ["* chiffre provisoire au 31/10/2025"]]})
    plan = importer.plan_import(con, data, "sism.xlsx")
    rows = {r["year"]: r for r in plan.changes["event"].added}
    assert rows[2025]["participants_count"] == 620 and rows[2024]["participants_count"] == 1180
    assert "620*" in rows[2025]["note"]


def test_meetings_in_blocks_with_their_totals_and_the_workbooks_own_list_of_abbreviations(con):
    data = xlsx({
        "Réunions 2025": [
            ["Suivi des instances du CLSM – année 2025"], [],
            ["Date", "Instance", "Modalité", "Lieu", "Structure", "Pro", "Usagers", "Aidants", "Total"],
            [dt.date(2025, 2, 4), "COPIL", "Présentiel", "CHJ", "CHJ", 2, None, None, 2],
            [None, None, None, None, "Ville de Metz (cabinet)", 1, None, None, 1],
            [None, None, None, None, "GEM C. Claudel", None, 1, None, 1],
            [None, None, None, None, "Total réunion", 3, 1, 0, 4],
            [],
            [dt.date(2025, 3, 13), "GT Logement", "Visio", None, "ERAH (CHJ)", 2, None, None, 2],
            [None, None, None, None, "Résidence accueil BSM", 1, None, None, 1],
            [None, None, None, None, "Éduc. nat.", 1, None, None, 1],
            [None, None, None, None, "Total réunion", 4, 0, 0, 4]],
        "Sigles": [["Sigle", "Signification"], ["CHJ", "Centre hospitalier de Jury"], ["BSM", "Ban-Saint-Martin"]]})
    plan = importer.plan_import(con, data, "suivi.xlsx")
    got = sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"])
                 for r in plan.changes["attendance"].added)
    assert got == [("copil-2025-02-04", "ch-jury", "professionnel", 2),
                   ("copil-2025-02-04", "gem-camille-claudel", "usager", 1),
                   ("copil-2025-02-04", "ville-metz", "professionnel", 1),
                   ("groupe-logement-2025-03-13", "ch-jury-erah", "professionnel", 2),  # the ERAH, not the hospital
                   ("groupe-logement-2025-03-13", "education-nationale", "professionnel", 1),
                   ("groupe-logement-2025-03-13", "residence-accueil-ban-saint-martin", "professionnel", 1)]
    assert sorted(r["meeting_id"] for r in plan.changes["meeting"].added) == ["copil-2025-02-04",
                                                                              "groupe-logement-2025-03-13"]
    assert any("« Sigles » : liste de sigles" in m and "BSM = Ban-Saint-Martin" in m for m in plan.messages)
    assert sum("ligne de total, laissée de côté" in m for m in plan.messages) == 2
    assert any("reprise pour les 4 ligne(s) en dessous" in m for m in plan.messages)


def test_an_attendance_list_whose_group_is_named_under_it_with_a_cancelled_meeting(con):
    data = xlsx({"Présences": [
        ["Date", "Structure", "Catégorie", "Nb", "Commentaires"],
        ["jeu. 14/03/24", "CMSEA – Service en Amont", "pro", 2, None],
        ["jeu. 14/03/24", "RESAM", "bénév.", 1, None],
        ["jeu. 14/11/24", None, None, None, "ANNULÉE – reportée en janvier"],
        ["jeu. 23/01/25", "UNAFAM 57", "aid.", 1, None],
        [], ["Groupe projets « santé mentale et précarité » (CLSM)"]]})
    plan = importer.plan_import(con, data, "gt-precarite.xlsx")
    got = sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"])
                 for r in plan.changes["attendance"].added)
    assert got == [("groupe-precarite-2024-03-14", "resam", "bénévole", 1),
                   ("groupe-precarite-2024-03-14", "service-en-amont", "professionnel", 2),  # the service of the CMSEA
                   ("groupe-precarite-2025-01-23", "unafam-moselle", "aidant", 1)]
    assert any("réunion annulée, personne n'est compté" in m for m in plan.messages)
