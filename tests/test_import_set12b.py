"""Files of the twelfth held-out set, second part: a directory exported from Excel as « Texte Unicode » (UTF-16,
tabs) whose « Catégorie » and « Type de structure » both name the structure's type."""

from __future__ import annotations

import pytest

from clsm_data import importing as importer


@pytest.fixture
def con(fresh_con):
    return fresh_con


def _directory() -> bytes:
    lines = [["Nom", "Sigle", "Catégorie", "Type de structure", "Code postal", "Ville"],
             ["Planning familial de la Moselle", "", "Prévention / santé sexuelle", "Association", "57000", "Metz"],
             ["Centre d'information sur les droits des femmes et des familles de la Moselle", "CIDFF 57",
              "Droit et accès aux droits", "Association", "57000", "Metz"]]
    return ("\r\n".join("\t".join(cells) for cells in lines) + "\r\n").encode("utf-16")


def test_two_headers_for_one_text_field_fill_it_once_and_keep_the_other_in_the_remark(con):
    plan = importer.plan_import(con, _directory(), "annuaire_structures_export.csv")
    added = {r["name"]: r for r in plan.changes["structure"].added}
    assert set(added) == {"Planning familial de la Moselle",
                          "Centre d'information sur les droits des femmes et des familles de la Moselle"}
    cidff = added["Centre d'information sur les droits des femmes et des familles de la Moselle"]
    assert cidff["type"] == "Association"  # « Type de structure » names the field exactly
    assert "Catégorie : Droit et accès aux droits" in cidff["note"]
    said = " ".join(plan.messages)
    assert "Colonnes « Type de structure » et « Catégorie »" in said
    assert "« Catégorie » est gardée dans la remarque" in said


def _planning() -> bytes:
    from workbooks import xlsx

    months = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
    return xlsx({"2026": [
        ["Planning prévisionnel des instances du CLSM – année 2026"],
        [],
        ["Instance", *months],
        ["COPIL", None, 5, None, None, None, None, None, None, None, None, 26, None],
        ["GP Jeunes", None, None, "10 et 24", None, None, None, None, None, "22 (visio)", None, None, None],
        [],
        ["(visio) = réunion à distance ; sinon en présentiel"],
    ]})


def test_a_planning_grid_gives_one_meeting_per_day_written_under_a_month(con):
    import datetime as dt

    plan = importer.plan_import(con, _planning(), "planning_instances_CLSM_2026.xlsx")
    meetings = sorted((r["instance_id"], r["date"], r["mode"], r["note"]) for r in plan.changes["meeting"].added)
    assert [(m[0], m[1], m[2]) for m in meetings] == [
        ("copil", dt.date(2026, 2, 5), None), ("copil", dt.date(2026, 11, 26), None),
        ("groupe-jeunes", dt.date(2026, 3, 10), None), ("groupe-jeunes", dt.date(2026, 3, 24), None),
        ("groupe-jeunes", dt.date(2026, 9, 22), "visio")]
    assert {m[3] for m in meetings} == {"date prévue au planning"}
    said = " ".join(plan.messages)
    assert "Planning de l'année 2026" in said and "(5 réunion(s))" in said
    assert "« (visio) = réunion à distance ; sinon en présentiel »" in said


def _form_answers() -> bytes:
    from workbooks import xlsx

    header = ["Horodateur", "Vous participez à :", "Votre structure :", "Vous êtes :",
              "Est-ce votre première participation à une instance du CLSM ?"]
    copil, ap = "COPIL – jeudi 25 septembre 2025", "Assemblée plénière – jeudi 16 octobre 2025"
    return xlsx({"Réponses au formulaire 1": [
        header,
        ["2025-09-25 13:58:12", copil, "CH de Jury", "Professionnel(le)", "Non"],
        ["2025-09-25 14:01:40", copil, "Centre Hospitalier de Jury", "Professionnel(le)", "Non"],
        ["2025-09-25 14:03:51", copil, "Ville de Metz", "Élu(e)", "Oui"],
        ["2025-10-16 09:02:11", ap, "CH Jury", "Professionnel(le)", "Non"],
        ["2025-10-16 09:03:20", ap, "CH JURY", "Professionnel(le)", "Non"],
        ["2025-10-16 09:04:33", ap, "Mairie de Metz", "Élu(e)", "Non"],
        ["2025-10-17 08:41:22", ap, "CH Jury", "Professionnel(le)", "Non"],  # answered the next day
    ]})


def test_an_online_form_gives_one_person_per_line_counted_by_meeting_structure_and_category(con):
    import datetime as dt

    plan = importer.plan_import(con, _form_answers(), "reponses_formulaire_emargement_automne_2025.xlsx")
    meetings = sorted((r["instance_id"], r["date"]) for r in plan.changes["meeting"].added)
    assert meetings == [("copil", dt.date(2025, 9, 25)), ("pleniere", dt.date(2025, 10, 16))]
    counts = sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"])
                    for r in plan.changes["attendance"].added)
    assert counts == [("copil-2025-09-25", "ch-jury", "professionnel", 2),
                      ("copil-2025-09-25", "ville-metz", "élu", 1),
                      ("pleniere-2025-10-16", "ch-jury", "professionnel", 3),
                      ("pleniere-2025-10-16", "ville-metz", "élu", 1)]


def _held_out(function: str, folder, n: int = 12) -> tuple[bytes, str]:
    """A file of a held-out set, written by its own generator (tests/data/make_heldoutN.py)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(f"make_heldout{n}", Path(__file__).parent / "data" / f"make_heldout{n}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    name, _ = getattr(module, function)(folder)
    return (folder / name).read_bytes(), name


def test_a_status_point_presented_to_a_copil_dates_each_ticked_status_by_the_title(con, tmp_path):
    import datetime as dt

    content, name = _held_out("coordinator_status_checkboxes", tmp_path)
    plan = importer.plan_import(con, content, name)
    dated = plan.changes["action_status"].added
    assert len(dated) == 13
    assert {r["date"] for r in dated} == {dt.date(2025, 2, 4)}  # « présenté au COPIL du 04/02/2025 »
    assert sorted(r["status"] for r in dated).count("réalisée") == 5
    assert len(plan.changes["action"].added) == 2  # the two « Nouvelle action »


def test_a_status_per_dated_column_gives_each_action_its_dated_statuses(con):
    import datetime as dt

    text = ("Suivi CLS Metz – axe santé mentale (revue annuelle ARS);;;;\r\n"
            "Fiche;Intitulé de l'action;Avancement au 31/12/2023;Avancement au 31/12/2024;Commentaire\r\n"
            "Prog. CLSM 2022;Création d'une équipe mobile psychiatrie précarité (EMPP);En cours;Réalisée;EMPP opérationnelle\r\n"
            "CLS 2017-2020 – fiche 32;Sensibilisation des professionnels à la santé mentale;Réalisée;—;Action close\r\n")
    plan = importer.plan_import(con, text.encode("cp1252"), "ARS_revue_CLS_Metz_sante_mentale.csv")
    assert not plan.changes["action"].added
    dated = sorted((r["action_id"], r["date"], r["status"]) for r in plan.changes["action_status"].added)
    assert dated == [("fiche-32", dt.date(2023, 12, 31), "réalisée"),  # « — » in 2024 dates nothing
                     ("p22-13", dt.date(2023, 12, 31), "mise en œuvre"),
                     ("p22-13", dt.date(2024, 12, 31), "réalisée")]
    assert "un statut par date" in " ".join(plan.messages)


def _help_directory() -> bytes:
    from workbooks import xlsx

    return xlsx({"Annuaire": [
        ["OU S'ADRESSER ? Santé mentale – quartier de Borny"],
        [],
        ["Structure", "Service", "Pour qui ?", "Horaires", "Comment y aller", "Remarques"],
        ["SE SOIGNER"],
        ["CMP Winnicott", "Consultations pour enfants et parents", "Enfants 0-16 ans", "lun.-ven. 9h-17h", "Mettis A", None],
        ["Centre Pierre Janet", "Consultations de psychologues", "Tout public", "idem", "〃", "tarif selon revenus"],
        ["ECOUTE / JEUNES"],
        ["Mission locale", "RDV psy gratuits pour les 16-25 ans", "16-25 ans", "sur RDV", "Mettis A", None],
    ]})


def test_a_help_directory_is_read_as_resources_headings_and_dittos_understood(con):
    from test_import_set13 import COORD

    plan = importer.plan_import(con, _help_directory(), "ou_s_adresser_Borny.xlsx")
    added = {r["name"]: r for r in plan.changes["resource"].added}
    assert set(added) == {"Consultations pour enfants et parents", "Consultations de psychologues"}
    janet = added["Consultations de psychologues"]
    assert (janet["kind"], janet["structure_id"], janet["hours"]) == ("annuaire", "centre-pierre-janet", "lun.-ven. 9h-17h")
    assert janet["note"] == "tarif selon revenus ; Comment y aller : Mettis A"  # « idem » and « 〃 »: the line above
    # the Mission locale's free consultations, already in the directory under a longer name: updated, name kept
    said = " ".join(plan.messages)
    assert "lu comme la ressource déjà enregistrée « Consultations gratuites de psychologues pour les 16-25 ans" in said
    assert "« SE SOIGNER ») : intertitre, laissé de côté" in said
    before = con.execute("SELECT count(*) FROM resource").fetchone()[0]
    importer.apply_import(con, COORD, plan)
    assert con.execute("SELECT count(*) FROM resource").fetchone()[0] == before + 2
    assert con.execute("SELECT name FROM resource WHERE resource_id = 'consultations-psy-mission-locale'").fetchone()[0] \
        == "Consultations gratuites de psychologues pour les 16-25 ans (Mission locale du Pays Messin)"


def _webform() -> bytes:
    head = ["Numéro de série", "SID", "Heure de soumission", "Brouillon", "Adresse IP", "UID", "Nom d'utilisateur",
            "Réunion", "Structure / organisme", "Vous participez en tant que", "Nombre de personnes de votre structure",
            "Un commentaire ?"]
    gt = "GT Emploi/formation – jeudi 21 novembre 2024 (CRP Metz)"
    lines = [["Émargement – groupes projets du CLSM"] + [""] * 11, ["Détails de la soumission"] + [""] * 11, head,
             ["1", "48211", "20/11/2024 - 17:02", "Non", "", "0", "Anonyme", gt, "TEST coordination", "Professionnel·le",
              "1", "test du formulaire, ne pas compter"],
             ["2", "48212", "21/11/2024 - 14:05", "Non", "", "0", "Anonyme", gt, "Mission locale du Pays Messin",
              "Professionnel·le", "1", ""],
             ["3", "48213", "21/11/2024 - 14:06", "Non", "", "0", "Anonyme", gt, "mission locale pays messin",
              "Professionnel·le", "1", "collègue de l'antenne de Borny"],
             ["4", "48214", "21/11/2024 - 14:08", "Non", "", "0", "Anonyme", gt, "Cap emploi 57", "Professionnel·le", "1", ""],
             ["5", "48215", "21/11/2024 - 14:15", "Non", "", "0", "Anonyme", gt, "CHJ – CLSM", "Professionnel·le", "1", ""],
             ["6", "48216", "21/11/2024 - 14:20", "Oui", "", "0", "Anonyme", gt, "France Travail", "", "", ""],
             ["7", "48217", "21/11/2024 - 14:31", "Non", "", "0", "Anonyme", gt, "Université de Lorraine – SUMPPS",
              "Professionnel·le", "1", ""]]
    return ("\ufeff" + "\r\n".join(";".join(f'"{c}"' for c in line) for line in lines) + "\r\n").encode("utf-8")


def test_a_webform_export_counts_its_answers_and_leaves_out_the_test_and_the_draft(con):
    import datetime as dt

    plan = importer.plan_import(con, _webform(), "framaforms-emargement-groupes-projets-export.csv")
    meeting = plan.changes["meeting"].added
    assert [(r["date"], r["place"]) for r in meeting] == [(dt.date(2024, 11, 21), "CRP Metz")]
    counts = sorted((r["structure_id"], r["count"]) for r in plan.changes["attendance"].added)
    assert counts == [("cap-emploi", 1), ("ch-jury", 1), ("mission-locale-pays-messin", 2), ("sumpps", 1)]
    said = " ".join(plan.messages)
    assert "réponse de test (« TEST coordination »)" in said
    assert "réponse en brouillon (jamais envoyée)" in said


def _kanboard() -> bytes:
    head = ("Numéro de la tâche,Nom du projet,Statut,Catégorie,Swimlane,Colonne,Position,Titre,Date de création,"
            "Date de complétion")
    lines = [head,
             "101,CLSM – coordination,Fermé,Formation,Programme d'actions,Terminé,1,"
             "Module sensibilisation à distance (vidéos partenaires),14/03/2022 10:02,12/05/2025 16:40",
             "103,CLSM – coordination,Ouvert,Formation,Programme d'actions,En cours,2,PSSM – promotion auprès des pros,"
             "14/03/2022 10:07,",
             "112,CLSM – coordination,Fermé,Enfance,Programme d'actions,Idées,2,Podcasts pères (PATH / CCOMS),"
             "14/03/2022 10:24,14/01/2025 09:12",
             "113,CLSM – coordination,Ouvert,Jeunes,Programme d'actions,En cours,5,Collaborations acteurs locaux / MDA,"
             "14/03/2022 10:25,",
             "114,CLSM – coordination,Fermé,Coordination,Logistique,Terminé,5,Réserver salle plénière du 19/06,"
             "06/01/2025 09:00,20/01/2025 11:11"]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def test_a_task_board_export_gives_each_action_its_status_dated_and_leaves_the_chores_out(con):
    import datetime as dt

    plan = importer.plan_import(con, _kanboard(), "Kanboard_CLSM_coordination_export_2025-06-30.csv")
    assert not plan.changes["action"].added  # every task names an action of the programme: no new action
    dated = sorted((r["action_id"], r["date"], r["status"]) for r in plan.changes["action_status"].added)
    assert dated == [("p22-01", dt.date(2025, 5, 12), "réalisée"),  # the day the task was completed
                     ("p22-03", dt.date(2025, 6, 30), "mise en œuvre"),  # the export's day, in the file's name
                     ("p22-18", dt.date(2025, 1, 14), "abandonnée"),  # closed while still an idea, that day
                     ("p22-19", dt.date(2025, 6, 30), "mise en œuvre")]  # « MDA »: the Maison des adolescents
    said = " ".join(plan.messages)
    assert "1 tâche(s) de logistique laissée(s) de côté (« Réserver salle plénière du 19/06 »)" in said


def _pasted_agenda() -> bytes:
    from workbooks import xlsx

    return xlsx({"Feuil1": [[line] for line in [
        "Agenda", "Semaines d'information sur la santé mentale 2025 – Metz", "Du 6 au 19 octobre 2025", None,
        "Ciné-débat autour du documentaire réalisé avec les adhérents des GEM",
        "📅 Mardi 7 octobre 2025 · 18h30", "📍 Cinéma Klub, Metz",
        "Ciné-débat · Entrée libre · Organisé par : le GEM L'Albatros, le GEM Camille Claudel et le CH Jury",
        "En savoir plus ›", None,
        "Atelier d'écriture « Des mots pour se relier »",
        "📅 Samedi 18\u00a0octobre 2025 · 14h30", "📍 Médiathèque Verlaine, Metz",
        "Atelier · 12 places · Organisé par : les Bibliothèques-Médiathèques de Metz et le CLSM",
        "En savoir plus ›"]]})


def test_a_website_agenda_pasted_line_by_line_gives_one_event_per_block(con):
    import datetime as dt

    plan = importer.plan_import(con, _pasted_agenda(), "agenda_SISM_2025_copie_site.xlsx")
    events = {r["date"]: r for r in plan.changes["event"].added}
    assert sorted(events) == [dt.date(2025, 10, 7), dt.date(2025, 10, 18)]
    cine = events[dt.date(2025, 10, 7)]
    assert cine["title"] == "Ciné-débat autour du documentaire réalisé avec les adhérents des GEM"
    assert cine["organiser"] == "GEM L'Albatros, GEM Camille Claudel, CH Jury"
    assert "Lieu : Cinéma Klub, Metz" in cine["note"] and "Horaire : 18h30" in cine["note"]
    assert events[dt.date(2025, 10, 18)]["organiser"] == "Bibliothèques-Médiathèques de Metz, CLSM"
    assert "un événement par bloc de lignes" in " ".join(plan.messages)


def test_a_scanned_sign_in_sheet_over_two_pages_reads_its_misread_names_and_ticks(con, tmp_path):
    import datetime as dt

    content, name = _held_out("ocr_sign_in_sheet", tmp_path, 13)
    plan = importer.plan_import(con, content, name)
    (meeting,) = plan.changes["meeting"].added  # « Date : 20/11/2O25 »: the O a zero
    assert (meeting["instance_id"], meeting["date"]) == ("reunion-clsm", dt.date(2025, 11, 20))
    counts = {(r["structure_id"], r["role_category"]): r["count"] for r in plan.changes["attendance"].added}
    assert sum(counts.values()) == 21 and len(counts) == 17
    assert counts[("ch-jury", "professionnel")] == 2  # « CH Jurv » and « Centre hospitalier de Jury »
    assert counts[("unafam-moselle", "aidant")] == 2  # « UNAFAM S7 »; the carer who wrote « Bénévole » ticked Aidant
    assert counts[("gem-camille-claudel", "usager")] == 2  # one written in the function: « Adhérent GEM Camille Claudel »
    assert counts[("adoma-pension-famille", "professionnel")] == 1  # « AD0MA - pension de famille »
    said = " ".join(plan.messages)
    assert "« Vilie de Metz » (feuille « Page 1 ») lu comme « Ville de Metz »" in said
    assert "son en-tête et ses lignes de titre répétés" in said


def test_a_count_typed_as_a_sum_is_added_up_and_a_status_column_in_percent_goes_to_the_remark(con):
    from workbooks import xlsx

    sheet = xlsx({"Présences": [["Réunion", "Structure", "Catégorie", "Présents (matin+aprem)"],
                                ["copil-2020-02", "GEM Camille Claudel", "usager", "3+1"]]})
    plan = importer.plan_import(con, sheet, "presences.xlsx")
    (row,) = [r for r in plan.changes["attendance"].added] or [r for r in plan.changes["attendance"].changed]
    assert row["count"] == 4 and "3+1" in (row.get("note") or "")
    actions = xlsx({"Fiches": [["Identifiant", "Avancement", "Statut"], ["fiche-15", "60 %", "En cours"]]})
    plan = importer.plan_import(con, actions, "fiches.xlsx")
    said = " ".join(plan.messages)
    assert "Colonnes « Statut » et « Avancement »" in said and "« Avancement » est gardée dans la remarque" in said


def test_a_list_of_abbreviations_beside_the_table_is_read_for_its_names_and_values(con):
    import datetime as dt

    from workbooks import xlsx

    plan = importer.plan_import(con, xlsx({"2026": [
        ["Instances du CLSM – 2026"],
        ["Mois", "Date", "Inst.", "Mod.", "Lieu", None, "Abréviations", None],
        ["janvier", dt.date(2026, 1, 13), "CoPil", "V", "Teams", None, "CoPil", "Comité de pilotage"],
        ["janvier", dt.date(2026, 1, 27), "AP", "P", "Hôtel de ville", None, "AP", "Assemblée plénière"],
        ["Total janvier", None, None, None, None, None, "P / V / H", "présentiel / visio / hybride"],
    ]}), "calendrier_instances_2026.xlsx")
    meetings = sorted((r["instance_id"], r["date"], r["mode"]) for r in plan.changes["meeting"].added)
    assert meetings == [("copil", dt.date(2026, 1, 13), "visio"), ("pleniere", dt.date(2026, 1, 27), "présentiel")]
