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
        importer.plan_import(con, data, "ind.xlsx", table="indicator_value", assume=False)
    problem = next(p for p in info.value.problems if p.column == "Indicateur")
    assert "« Nombre et typologie des réunions organisées dans le cadre du CLSM. »" in problem.message
    assert "f15-" not in problem.message
    assert problem.question.options[0] == ("f15-proc-2", "Nombre et typologie des réunions organisées dans le "
                                                         "cadre du CLSM.")
    # every word typed is in that one indicator's wording: read at the first try, the preview naming it in full
    plan = importer.plan_import(con, data, "ind.xlsx", table="indicator_value")
    assert plan.changes["indicator_value"].added[0]["indicator_id"] == "f15-proc-2"
    assert "« Nombre et typologie des réunions organisées » (feuille « indicateurs ») lu comme « Nombre et " \
           "typologie des réunions organisées dans le cadre du CLSM. »." in plan.messages
    assert not any("f15-" in m for m in plan.messages)


def test_numbers_with_their_unit_are_read_and_the_words_kept(con):
    data = xlsx({"Indicateurs": [["Indicateur", "Année", "Résultat"],
                                 ["f15-proc-2", "2022", "31 réunions"],
                                 ["f32-r1", "2019", "78 %"],
                                 ["f15-proc-1", "2022", "12 / 20"],
                                 ["f15-res-1", "2022", "environ 40"]]})
    plan = importer.plan_import(con, data, "ind.xlsx", table="indicator_value")
    got = {r["indicator_id"]: r for r in plan.changes["indicator_value"].added}
    assert got["f15-proc-2"]["value"] == 31 and "Résultat : 31 réunions" in got["f15-proc-2"]["note"]
    assert got["f32-r1"]["value"] == 78 and "Résultat : 78 %" in got["f32-r1"]["note"]
    # a ratio is not one number: kept as written in the detail, no value made up
    assert got["f15-proc-1"].get("value") is None and got["f15-proc-1"]["value_text"] == "12 / 20"
    assert got["f15-res-1"]["value"] == 40 and "valeur approximative (« environ 40 »)" in got["f15-res-1"]["note"]
    said = " ".join(plan.messages)
    assert "2 nombre(s) écrit(s) avec une unité ou en date (« 31 réunions », « 78 % »)" in said
    assert "1 résultat(s) d'indicateur qui ne sont pas un nombre (« 12 / 20 »)" in said


def test_a_count_in_persons_a_remote_session_an_abbreviated_kind_and_a_month_of_joining(con):
    events = xlsx({"Sessions": [["Type", "Intitulé", "Date", "Nb de participants", "Modalité"],
                                ["sensib.", "Sensibilisation des agents", "09/11/2021", "16 pers.", "à distance"]]})
    plan = importer.plan_import(con, events, "sessions.xlsx", table="event")
    (row,) = plan.changes["event"].added
    assert (row["kind"], row["mode"]) == ("sensibilisation", "distanciel")  # an event's list
    assert row["participants_count"] == 16 and "16 pers." in row["note"]
    partners = xlsx({"Partenaires": [["Nom", "Secteur", "Adhésion"], ["Association témoin", "soins et prévention",
                                                                      "nov. 2021"]]})
    plan = importer.plan_import(con, partners, "partenaires.xlsx", table="structure")
    (row,) = plan.changes["structure"].added
    assert row["member_since"] == 2021 and "Adhésion : nov. 2021" in row["note"]


def test_events_without_a_type_column_take_the_kind_their_title_line_names(con):
    data = xlsx({"Bilan": [["Semaines d'information sur la santé mentale (SISM) – bilan"], [],
                           ["Année", "Intitulé", "Nb d'événements"],
                           [2016, "Santé mentale et santé physique", 5],
                           [2016, "Formation des bénévoles", 1]]})
    plan = importer.plan_import(con, data, "sism.xlsx")
    kinds = {r["title"]: r["kind"] for r in plan.changes["event"].added}
    # the title line's kind for a row saying none; a row's own title wins
    assert kinds == {"Santé mentale et santé physique": "SISM", "Formation des bénévoles": "formation"}
    assert any("Pas de colonne « type » (feuille « Bilan ») : le titre (« Semaines d'information sur la santé "
               "mentale (SISM) – bilan ») dit « SISM »" in m for m in plan.messages), plan.messages


def test_gt_names_small_words_inclusive_writing_a_month_column_and_documents_by_title(con):
    meetings = xlsx({"Réunions": [["Mois", "Instance", "Intitulé", "Source"],
                                  ["mars 2022", "GT Emploi/Formation", "Cartographie", "Avancée des projets, nov. 2020"]]})
    plan = importer.plan_import(con, meetings, "gt.xlsx")
    (row,) = plan.changes["meeting"].added
    assert (row["instance_id"], row["date"], row["date_precision"], row["source_id"]) == (
        "groupe-emploi-formation", dt.date(2022, 3, 1), "mois", "doc-001")
    attendance = xlsx({"Présences": [["Réunion", "Structure", "Catégorie", "Nombre"],
                                     ["Réunion d'information partenaires 27/05/2021", "UNAFAM", "Professionnel(le)", 1],
                                     ["Réunion d'information partenaires 27/05/2021", "UNAFAM", "élu·e", 1]]})
    plan = importer.plan_import(con, attendance, "presents.xlsx")
    got = {(r["meeting_id"], r["role_category"]) for r in plan.changes["attendance"].added
           + [after for _, after in plan.changes["attendance"].updated]}
    meeting = con.execute("SELECT meeting_id FROM meeting WHERE date = DATE '2021-05-27'").fetchone()[0]
    assert got == {(meeting, "professionnel"), (meeting, "élu")}


def test_a_source_typed_by_a_title_no_document_has_is_a_remark_kept_in_the_note_never_a_code(con):
    data = xlsx({"Réunions": [["Date", "Instance", "Source"], ["15/03/2022", "COPIL", "CR du COPIL"]]})
    plan = importer.plan_import(con, data, "r.xlsx")  # none of the council's documents: not asked, not lost
    (row,) = plan.changes["meeting"].added
    assert row["source_id"] is None and "Source : CR du COPIL" in row["note"]
    assert "1 source(s) qui ne sont pas des documents du CLSM (« CR du COPIL »…) : gardée(s) dans la note de la " \
           "ligne." in plan.messages
    assert not any("doc-" in m for m in plan.messages)


def test_attendance_as_a_tally_one_column_per_category_with_the_meeting_in_the_title(con):
    data = xlsx({"Présents": [["Réunion d'information des partenaires du 27/05/2021 – présents"],
                              ["Structure", "Professionnels", "Usagers", "Aidants", "Élus", "Total"],
                              ["UNAFAM", None, None, 2, None, 2],
                              ["Ville de Metz", 1, None, None, 1, 2],
                              ["TOTAL", 1, None, 2, 1, 4]]})
    meeting = ("info-partenaires-2021-05-27",)
    plan = importer.plan_import(con, data, "presents.xlsx")
    change = plan.changes["attendance"]
    rows = change.added + [after for _, after in change.updated] + change.unchanged
    got = sorted((r["structure_id"], r["role_category"], r["count"]) for r in rows)
    assert got == [("unafam-moselle", "aidant", 2), ("ville-metz", "professionnel", 1), ("ville-metz", "élu", 1)]
    assert {r["meeting_id"] for r in rows} == {meeting[0]}
    said = " ".join(plan.messages)
    assert "présences en tableau croisé" in said and "« Réunion d'information des partenaires 27/05/2021 »" in said
    assert "colonne(s) « Total » laissée(s) de côté" in said and "ligne de total, laissée de côté" in said


def test_a_sign_in_sheet_one_row_per_person_is_counted_per_structure_and_category_for_the_files_one_meeting(con):
    data = xlsx({"Réunion": [["Instance", "Date"], ["Comité de pilotage", "07/04/2022"]],
                 "Emargement": [["N°", "Structure", "Fonction", "Qualité"],
                                [1, "UNAFAM", "Adhérente", "Aidante"],
                                [2, "UNAFAM", "Adhérent", "aidant"],
                                [3, "Ville de Metz", "Adjointe au maire", "Élue"]]})
    plan = importer.plan_import(con, data, "emargement.xlsx")
    (meeting,) = plan.changes["meeting"].added
    got = sorted((r["meeting_id"], r["structure_id"], r["role_category"], r["count"], r.get("note"))
                 for r in plan.changes["attendance"].added)
    assert got == [(meeting["meeting_id"], "unafam-moselle", "aidant", 2, None),
                   (meeting["meeting_id"], "ville-metz", "élu", 1, None)]  # no one's « Fonction » kept
    said = " ".join(plan.messages)
    assert "les présences sont celles de la seule réunion du fichier, « Comité de pilotage 07/04/2022 »" in said
    assert "une ligne par personne présente, comptée une fois (3 ligne(s) -> 2 ligne(s)" in said
    assert "Colonne « Fonction » de la feuille « Emargement » : elle décrit une personne" in said
    assert "Colonne « N° » de la feuille « Emargement » : numéro de ligne, laissée de côté." in said


def test_a_persons_name_in_an_attendance_sheet_is_never_read(con):
    data = xlsx({"Présences": [["Réunion", "Nom", "Prénom", "Structure", "Catégorie", "Nombre", "Courriel"],
                               ["copil-2017-02", "Témoin", "Alice", "UNAFAM", "aidant", 1, "alice@example.org"]]})
    plan = importer.plan_import(con, data, "p.xlsx")
    (row,) = plan.changes["attendance"].added
    assert "Témoin" not in repr(row) and "Alice" not in repr(row) and "example.org" not in repr(row)
    said = " ".join(plan.messages)
    for header in ("Nom", "Prénom", "Courriel"):
        assert f"Colonne « {header} » de la feuille « Présences » : elle décrit une personne" in said


def test_structures_by_acronym_and_place_by_57_and_in_another_word_order_but_never_a_date_swapped(con):
    from clsm_data.importing.names import Names

    names = Names.load(con)
    assert names.resolve("structure", "ARS Grand Est") == "ars-grand-est"
    assert names.resolve("structure", "UNAFAM 57") == "unafam-moselle"
    assert names.resolve("structure", "MDA 57") == "mda-moselle"
    assert names.resolve("structure", "Ville de Metz - Pôle petite enfance") == "ville-metz-pole-petite-enfance"
    assert names.resolve("meeting", "Réunion d'information partenaires 27/05/2021") == "info-partenaires-2021-05-27"
    with pytest.raises(Exception, match="ne correspond à aucune ligne"):
        names.resolve("meeting", "Réunion d'information partenaires 05/27/2021")
    with pytest.raises(Exception, match="ne correspond à aucune ligne"):
        names.resolve("structure", "MDA Bretagne")  # the acronym, but a word its name does not have


def test_a_directory_typed_with_variants_updates_the_stored_structures_and_adds_none(con):
    data = xlsx({"Annuaire": [["Structure", "Sigle", "Commune"],
                              ["Unafam 57", "UNAFAM", "Metz"],
                              ["Maison des Ados de Moselle", "MDA 57", "Metz"]]})
    plan = importer.plan_import(con, data, "annuaire.xlsx")
    change = plan.changes["structure"]
    assert change.added == []
    assert sorted(after["structure_id"] for _, after in change.updated) == ["mda-moselle", "unafam-moselle"]
    assert all("name" not in after or after["name"] != "Unafam 57" for _, after in change.updated)  # names kept


def test_a_list_value_with_a_remark_feminine_categories_and_the_councils_instances_by_its_name(con):
    from clsm_data.importing.names import Names

    data = xlsx({"Actions": [["Identifiant", "Statut"], ["fiche-15", "en cours (poursuivi en 2023)"]]})
    plan = importer.plan_import(con, data, "a.xlsx")
    ((_, after),) = plan.changes["action"].updated
    assert after["status"] == "mise en œuvre" and "Statut : en cours (poursuivi en 2023)" in after["note"]
    assert any("1 valeur(s) de liste écrite(s) avec une remarque ou d'autres mots" in m for m in plan.messages)
    with pytest.raises(DataFileError, match="« bientôt \\(peut-être\\) » n'est pas une valeur prévue"):
        importer.plan_import(con, xlsx({"Actions": [["Identifiant", "Statut"], ["fiche-15", "bientôt (peut-être)"]]}),
                             "b.xlsx")
    people = xlsx({"Présences": [["Réunion", "Structure", "Qualité", "Nombre"],
                                 ["copil-2017-02", "UNAFAM", "Professionnelle", 1],
                                 ["copil-2017-02", "UNAFAM", "Usagère", 1]]})
    got = {r["role_category"] for r in importer.plan_import(con, people, "p.xlsx").changes["attendance"].added}
    assert got == {"professionnel", "usager"}
    names = Names.load(con)
    assert names.resolve("instance", "Plénière CLSM") == "pleniere"
    assert names.resolve("instance", "Comité de pilotage du CLSM") == "copil"


def test_an_unknown_header_over_names_of_instances_is_proposed_as_the_instance(con):
    data = xlsx({"Réunions": [["Rencontre", "Date"], ["Plénière CLSM", "07/04/2022"], ["COPIL", "15/03/2022"]]})
    with pytest.raises(DataFileError) as info:
        importer.plan_import(con, data, "r.xlsx", assume=False)
    (question,) = importer.questions(info.value.problems)
    assert (question.text, question.proposed, question.sure) == ("Rencontre", "instance_id", True)
    plan = importer.plan_import(con, data, "r.xlsx")  # every value names an instance: read so, said
    assert {r["instance_id"] for r in plan.changes["meeting"].added} == {"pleniere", "copil"}
    assert "Colonne « Rencontre » (feuille « Réunions ») lue comme colonne « instance »." in plan.messages


def test_a_question_proposes_only_a_close_answer_never_the_first_of_a_list(con):
    data = xlsx({"Sessions": [["Type", "Intitulé", "Date"],
                              ["Inauguration", "Maison des droits de l'enfant", "26/11/2021"],
                              ["Formation-action PSSM", "Premiers secours", "12/10/2021"]]})
    with pytest.raises(DataFileError) as info:
        importer.plan_import(con, data, "s.xlsx", table="event", assume=False)
    asked = {q.text: q.proposed for q in importer.questions(info.value.problems)}
    assert asked == {"Formation-action PSSM": "formation"}
    # « Inauguration », a kind the list has not and no value is close to: « autre », the word kept in the note
    plan = importer.plan_import(con, data, "s.xlsx", table="event")
    kinds = {r["title"]: (r["kind"], r["note"]) for r in plan.changes["event"].added}
    assert kinds["Maison des droits de l'enfant"] == ("autre", "Type : Inauguration")
    assert kinds["Premiers secours"][0] == "formation"
    assert any("type que la liste n'a pas (« Inauguration »)" in m for m in plan.messages)
    porteur = xlsx({"Actions": [["Identifiant", "Porteur"], ["fiche-15", "CLSM"], ["fiche-32", "CH Jury (coordination)"]]})
    with pytest.raises(DataFileError) as info:
        importer.plan_import(con, porteur, "p.xlsx", assume=False)
    asked = {q.text: q.proposed for q in importer.questions(info.value.problems)}
    assert asked == {"CH Jury (coordination)": "ch-jury"}
    # « CLSM » is the council itself, no partner structure (« CMP Winnicott » is no answer to it): left empty, said
    plan = importer.plan_import(con, porteur, "p.xlsx")
    assert any("« CLSM », le conseil lui-même" in m for m in plan.messages)


def test_an_unknown_header_sharing_a_word_with_half_of_a_meetings_name_is_asked_not_a_crash(con):
    # « Date d'envoi » shares « date » with the meeting's date, which attendance reads as half of a meeting's name
    data = xlsx({"Présences": [["Réunion", "Structure", "Catégorie", "Nombre", "Date d'envoi"],
                               ["copil-2017-02", "UNAFAM", "aidant", 1, "03/03/2017"]]})
    with pytest.raises(DataFileError) as info:
        importer.plan_import(con, data, "p.xlsx", assume=False)
    (question,) = importer.questions(info.value.problems)
    assert question.text == "Date d'envoi" and question.proposed != "@date"
    plan = importer.plan_import(con, data, "p.xlsx")  # a date no column takes: kept in the note, said
    assert "Date d'envoi : 03/03/2017" in (plan.changes["attendance"].added[0]["note"] or "")


def test_a_follow_up_by_number_updates_the_plans_actions_and_adds_only_the_new_ones(con):
    data = xlsx({"Suivi": [["Programme d'actions 2022 - tableau de suivi"], [],
                           ["N°", "Action", "Où en est-on ?"],
                           [13, "Création EMPP", "en cours"],
                           [19, "Collaborations avec la MDA", "en cours"],
                           [None, "Ciné-débat autour du documentaire", "idée"]]})
    plan = importer.plan_import(con, data, "suivi.xlsx")
    change = plan.changes["action"]
    assert sorted(after["action_id"] for _, after in change.updated) == ["p22-13", "p22-19"]
    assert [r["title"] for r in change.added] == ["Ciné-débat autour du documentaire"]
    assert all(after.get("title") is None or not after["title"].startswith("Création EMPP")
               for _, after in change.updated)  # the stored titles are kept
    # a « N° » counting the rows 1, 2, 3 is a row number, not the actions' numbers
    rows = xlsx({"Suivi": [["Programme d'actions 2022"], ["N°", "Action", "État"], [1, "Atelier A", "idée"],
                           [2, "Atelier B", "idée"]]})
    added = importer.plan_import(con, rows, "r.xlsx").changes["action"].added
    assert [r.get("position") for r in added] == [None, None]


def test_a_sism_summary_is_events_titled_by_their_theme_and_a_dash_is_not_known(con):
    data = xlsx({"SISM": [["Semaines d'information sur la santé mentale - bilan"], [],
                          ["Année", "Thème", "Partenaires", "Événements", "Participants"],
                          [2024, "Santé mentale et sport", 12, "-", "env. 300"]]})
    plan = importer.plan_import(con, data, "sism.xlsx")
    (row,) = plan.changes["event"].added
    assert (row["kind"], row["year"], row["title"], row["partners_count"]) == ("SISM", 2024, "Santé mentale et sport", 12)
    assert row.get("events_count") is None and "Événements : - (non renseigné)" in row["note"]  # never 0
    said = " ".join(plan.messages)
    assert "Colonne « Thème » (feuille « SISM ») : ses valeurs ne sont pas des thématiques du CLSM" in said


def test_a_files_remark_is_added_to_a_stored_note_never_replacing_it(con):
    before = con.execute("SELECT note FROM structure WHERE structure_id = 'unafam-moselle'").fetchone()[0]
    data = xlsx({"Structures": [["Nom", "Remarques"], ["UNAFAM Moselle", "permanence le jeudi"]]})
    ((_, after),) = importer.plan_import(con, data, "s.xlsx").changes["structure"].updated
    assert after["note"] == f"{before} ; permanence le jeudi"


def test_a_stored_meeting_typed_again_by_its_instance_and_month_is_that_meeting(con):
    data = "Type d'instance;Date;Lieu\nCOPIL;févr-17;\nPLENIERE;mai-17;\nCOPIL;10/02/2022;CH Jury\n".encode("utf-8-sig")
    plan = importer.plan_import(con, data, "historique.csv")
    change = plan.changes["meeting"]
    assert [r["meeting_id"] for r in change.added] == ["copil-2022-02-10"]
    assert sorted(r["meeting_id"] for r in change.unchanged + [a for _, a in change.updated]) == [
        "copil-2017-02", "pleniere-2017-05"]  # « févr-17 »: Excel's month-year, to the month, as stored
    assert any("2 réunion(s) sans code reconnue(s) à leur instance et leur date" in m for m in plan.messages)


def test_a_meeting_typed_as_a_form_under_its_instance_with_its_tally(con):
    data = xlsx({"Réunion": [["Comité de pilotage du CLSM", None], [None, None],
                             ["Date :", "16/02/2023"], ["Horaire :", "9h30 - 12h00"], ["Lieu :", "CH Jury"],
                             ["Modalité :", "hybride (salle + Teams)"]],
                 "Présences": [["COPIL du 16/02/2023 - présences par structure"], [],
                               ["Structure", "Professionnels", "Élus"],
                               ["Département 57", 1, None], ["Ville de Metz", 1, 1]]})
    plan = importer.plan_import(con, data, "copil.xlsx")
    (meeting,) = plan.changes["meeting"].added
    assert (meeting["instance_id"], meeting["date"], meeting["mode"], meeting["place"]) == (
        "copil", dt.date(2023, 2, 16), "hybride", "CH Jury")
    got = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert got == [("departement-moselle", "professionnel", 1), ("ville-metz", "professionnel", 1),
                   ("ville-metz", "élu", 1)]
    said = " ".join(plan.messages)
    assert "Feuille « Réunion » écrite comme un formulaire (« Date : … ») : lue comme une ligne." in said
    assert "le titre (« Comité de pilotage du CLSM ») nomme l'instance « Comité de pilotage »" in said
