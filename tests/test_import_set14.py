"""Files of the fourteenth held-out set, as people typed them: an « X » grid of structures × meetings, sessions dated
by their quarter, a directory « mis à jour » by quarter, two tables side by side on one sheet."""

from __future__ import annotations

import datetime as dt

import pytest

from clsm_data import importing as importer


@pytest.fixture
def con(fresh_con):
    return fresh_con


def _x_grid() -> bytes:
    from workbooks import xlsx

    return xlsx({"Présences 2025": [
        ["Groupe projets « Logement et santé mentale » – tableau des présences 2025"],
        ["X = une personne présente ; XX = deux personnes ; exc. = excusé(e) ; case vide = absent"],
        [],
        ["Collège", "Structure", dt.datetime(2025, 1, 21), dt.datetime(2025, 3, 18), "Nb présences"],
        ["Professionnels", "ADOMA", "X", "exc.", "=COUNTIF(C5:D5,\"X\")"],
        [None, "AMLI", "XX", "X", "=COUNTIF(C6:D6,\"X\")"],
        ["Familles / aidants", "UNAFAM 57", "x", None, "=COUNTIF(C7:D7,\"X\")"],
        [None, "Structures présentes", "=COUNTIF(C5:C7,\"X*\")", "=COUNTIF(D5:D7,\"X*\")", None],
    ]})


def test_an_x_grid_counts_one_per_x_under_dates_with_the_group_in_the_title(con):
    plan = importer.plan_import(con, _x_grid(), "GT_logement_2025_grille_presences.xlsx")
    meetings = sorted((r["instance_id"], r["date"]) for r in plan.changes["meeting"].added)
    assert meetings == [("groupe-logement", dt.date(2025, 1, 21)), ("groupe-logement", dt.date(2025, 3, 18))]
    rows = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    assert rows == [("adoma", "professionnel", 1), ("amli", "professionnel", 1), ("amli", "professionnel", 2),
                    ("unafam-moselle", "aidant", 1)]  # « exc. » is no one; the formulas' line is no structure
    said = " ".join(plan.messages)
    assert "« X » une personne, « XX » deux" in said
    assert "catégorie lue dans la colonne « Collège »" in said
    assert "1 ligne(s) de formules (comptes) laissée(s) de côté" in said


def _sessions() -> bytes:
    from workbooks import xlsx

    return xlsx({"Sessions": [
        ["CLSM – sensibilisations et formations 2024-2025"],
        [],
        ["Période", "Intitulé", "Type", "Public", "Participants (salle+distance)"],
        ["1er trim. 2024", "Module de base de sensibilisation en santé mentale", "Sensibilisation",
         "Professionnels du social", "18+4"],
        ["T3 2024", "Santé mentale et logement : repérer, orienter", "Sensibilisation", "Bailleurs", "9 + 3"],
        ["Moyenne", None, None, None, 17],
    ]})


def test_sessions_dated_by_their_quarter_are_known_to_the_year_never_to_an_invented_day(con):
    plan = importer.plan_import(con, _sessions(), "sensibilisations_par_trimestre.xlsx")
    events = sorted((r["date"], r["date_precision"], r["year"], r["participants_count"])
                    for r in plan.changes["event"].added)
    assert events == [(dt.date(2024, 1, 1), "année", 2024, 22), (dt.date(2024, 7, 1), "année", 2024, 12)]
    notes = " ".join(r["note"] for r in plan.changes["event"].added)
    assert "Période : 1er trim. 2024" in notes and "Période : T3 2024" in notes
    said = " ".join(plan.messages)
    assert "daté à l'année" in said and "jamais à un jour que le fichier ne donne pas" in said
    assert "Ligne 6 de la feuille « Sessions » (« Moyenne ») : ligne de total, laissée de côté." in said


def _directory() -> bytes:
    from workbooks import xlsx

    return xlsx({"Ressources": [
        ["Service", "Structure", "Pour qui ?", "Mis à jour"],
        ["Accueil de jour « La Passerelle »", "Carrefour des solidarités", "Personnes sans domicile", "1er trim. 2026"],
    ]})


def test_a_directory_updated_by_quarter_keeps_the_words_and_no_invented_day(con):
    plan = importer.plan_import(con, _directory(), "annuaire_ressources_MAJ_T1_2026.xlsx")
    [row] = plan.changes["resource"].added
    assert row.get("updated_on") is None
    assert "Mis à jour : 1er trim. 2026" in row["note"]
    assert "1 date(s) de mise à jour écrite(s) sans jour (« 1er trim. 2026 ») : laissée(s) vide(s)" in \
        " ".join(plan.messages)


def _side_by_side() -> bytes:
    from workbooks import xlsx

    return xlsx({"Indicateurs": [
        ["Fiche 15 – Coordination du CLSM (CLS 2022-2026)", None, None, None, None, None,
         "Fiche 32 – Sensibilisation des professionnels (CLS 2017-2020)", None, None],
        ["Indicateur", "2022", "2023", None, None, None, "Indicateur", "2018", "2019"],
        ["Réunions organisées (toutes instances)", 31, 28, None, None, None,
         "Participants déclarant mieux connaître les dispositifs d'accompagnement", 41, 56],
    ]})


def test_two_tables_side_by_side_are_read_each_on_its_own(con):
    plan = importer.plan_import(con, _side_by_side(), "indicateurs_cote_a_cote.xlsx")
    values = sorted((r["period_label"], r["value"]) for r in plan.changes["indicator_value"].added)
    assert values == [("2018", 41), ("2019", 56), ("2022", 31), ("2023", 28)]
    assert "2 tableaux côte à côte (colonnes A-C, G-I) : lus chacun à part" in " ".join(plan.messages)


def _numbered() -> bytes:
    from workbooks import xlsx

    return xlsx({"Actions & partenaires": [
        ["Actions suivies par la coordination", None, None, None, None, "Partenaires associés", None, None],
        ["N°", "Action", "Porteur", None, None, "Action n°", "Structure", "Rôle"],
        ["A1", "Coordination du Conseil local de santé mentale", "CH Jury", None, None, "A2", "CNFPT", "Partenaire"],
        ["A2", "Sensibilisation des professionnels à la santé mentale", "CH Jury", None, None, "A1",
         "Eurométropole de Metz", "Partenaire"],
    ]})


def test_a_right_table_numbering_the_left_ones_rows_reads_what_they_name(con):
    plan = importer.plan_import(con, _numbered(), "actions_et_partenaires.xlsx")
    assert set(plan.changes) == {"action_partner"}  # the left table only numbers the actions
    links = sorted((r["action_id"], r["structure_id"]) for r in plan.changes["action_partner"].added)
    assert links == [("fiche-15", "eurometropole-metz"), ("fiche-32", "cnfpt")]  # A1 is fiche 15, A2 fiche 32
    said = " ".join(plan.messages)
    assert "« Action n° » lu comme la colonne « Action » de gauche" in said
    assert "ce tableau-là, qui ne sert qu'à numéroter, laissé de côté" in said


def _quarterly_codes() -> bytes:
    lines = ["Programme d'actions 2022 – suivi trimestriel 2025;;;;;",
             "Action;T1 2025;T2 2025;T3 2025;T4 2025;Commentaire",
             "Module de sensibilisation à distance;MO;;R;;mis en ligne en septembre",
             "Promotion des PSSM;;;;;pas de changement",
             "Concertation logement élargie;;;;Ab;repris par le GT logement",
             ";;;;;",
             '"Légende : I = idée ; C = conception ; MO = mise en œuvre ; R = réalisée ; Rep = reportée ; '
             'Ab = abandonnée. Case vide = pas de changement depuis le trimestre précédent.";;;;;']
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_quarter_columns_of_status_codes_are_dated_statuses_decoded_by_the_legend(con):
    plan = importer.plan_import(con, _quarterly_codes(), "avancement_programme_2022_trimestres_2025.csv")
    assert not plan.changes["action"].added  # a follow-up of the programme's actions, none new
    statuses = sorted((r["action_id"], r["date"], r["status"]) for r in plan.changes["action_status"].added)
    assert statuses == [("p22-01", dt.date(2025, 3, 31), "mise en œuvre"),
                        ("p22-01", dt.date(2025, 9, 30), "réalisée"),
                        ("p22-12", dt.date(2025, 12, 31), "abandonnée")]  # « élargie »: the concertation opened
    said = " ".join(plan.messages)
    assert "un statut par période, daté de son dernier jour" in said
    assert "codes lus dans la légende (I = idée, C = conception, MO = mise en œuvre, R = réalisée" in said
    assert "« Concertation logement élargie » lu comme « Ouverture de la concertation logement" in said


def test_a_fiche_action_header_is_the_title_of_the_action(con):
    from workbooks import xlsx

    data = xlsx({"Fiches": [
        ["Contrat local de santé de la Ville de Metz 2022-2026 – point d'avancement"],
        ["N° fiche", "Fiche action", "Plan", "Porteur", "Statut"],
        ["20", "Repérage de la souffrance psychique des seniors isolés", "CLS 22-26", "Ville de Metz", "conception"],
    ]})
    plan = importer.plan_import(con, data, "fiches_actions_CLS_avancement_2025.xlsx")
    [row] = plan.changes["action"].added
    assert (row["title"], row["plan_id"], row["status"]) == (
        "Repérage de la souffrance psychique des seniors isolés", "cls-2022-2026", "conception")


def _teams_report() -> bytes:
    lines = ["1. Résumé", "Titre de la réunion\tGT situations de crise (CLSM)", "Participants\t4",
             "Heure de début\t14/10/2025 13:58:21", "Heure de fin\t14/10/2025 16:07:45", "",
             "2. Participants",
             "Nom\tPremière jointure\tDernier départ\tDurée de la réunion\tE-mail\tID de participant (UPN)\tRôle\t"
             "Structure\tCatégorie",
             "[masqué]\t14/10/2025 13:58:21\t14/10/2025 16:07:45\t2 h 9 min\t[masqué]\t[masqué]\tOrganisateur\t"
             "CH Jury – coordination CLSM\tpro",
             "[masqué]\t14/10/2025 14:00:02\t14/10/2025 16:05:10\t2 h 5 min\t[masqué]\t[masqué]\tParticipant\t"
             "EMPP (CH Jury)\tpro",
             "[masqué]\t14/10/2025 14:01:40\t14/10/2025 16:06:30\t2 h 2 min\t[masqué]\t[masqué]\tParticipant\t"
             "EMPP (CH Jury)\tpro",
             "[masqué] (Invité)\t14/10/2025 14:00:15\t14/10/2025 15:15:20\t1 h 15 min\t[masqué]\t\tParticipant\t"
             "ARS – DT57\tpro",
             "", "3. Activités en réunion", "Nom\tHeure de jointure\tHeure de départ\tDurée\tE-mail\tRôle",
             "[masqué]\t14/10/2025 14:01:40\t14/10/2025 14:37:12\t35 min 32 s\t[masqué]\tParticipant",
             "[masqué]\t14/10/2025 14:39:05\t14/10/2025 16:06:30\t1 h 27 min\t[masqué]\tParticipant"]
    return ("\r\n".join(lines) + "\r\n").encode("utf-16")


def test_a_teams_attendance_report_counts_each_person_once_at_the_meeting_of_its_summary(con):
    plan = importer.plan_import(con, _teams_report(), "Rapport de présence - GT situations de crise 14-10-2025.csv")
    [meeting] = plan.changes["meeting"].added
    assert (meeting["instance_id"], meeting["date"]) == ("groupe-situations-crise", dt.date(2025, 10, 14))
    rows = sorted((r["structure_id"], r["role_category"], r["count"]) for r in plan.changes["attendance"].added)
    # the EMPP nurse who reconnected (section 3) is one person; the Teams role « Organisateur » is no category
    assert rows == [("ars-grand-est", "professionnel", 1), ("ch-jury", "professionnel", 1),
                    ("ch-jury-empp", "professionnel", 2)]
    said = " ".join(plan.messages)
    assert "rapport de présence Teams ; réunion lue dans son résumé (« GT situations de crise (CLSM) » du 14/10/2025)" \
        in said
    assert "partie « Activités » (une ligne par connexion) laissées de côté" in said
    assert "« ARS – DT57 » lu comme « Agence régionale de santé Grand Est »" in said


def test_statuses_given_by_colour_are_read_through_the_colour_legend_and_dated_by_the_title(con):
    import io

    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    def paint(cell, rgb):
        cell.fill = PatternFill("solid", start_color=rgb, end_color=rgb)

    wb = Workbook()
    ws = wb.active
    ws.title = "Programme 2022"
    ws.append(["Programme d'actions 2022 – état au 31/12/2025 (COPIL du 03/02/2026)"])
    ws.append([])
    ws.append(["N°", "Action", "Thème", "État", "Commentaire"])
    ws.append([1, "Module de sensibilisation à distance", "Inclusion", None, "en ligne depuis sept. 2025"])
    ws.append([2, "Poursuite des SISM", "Inclusion", None, None])
    ws.append([3, "Promotion PSSM", "Inclusion", None, None])
    paint(ws["D4"], "C6EFCE")
    paint(ws["D5"], "FFEB9C")  # row 6 is white: no point this year
    ws.append([])
    ws.append([None, "Légende de la colonne « État » :"])
    for row, (rgb, word) in enumerate([("C6EFCE", "réalisée"), ("FFEB9C", "en cours (mise en œuvre)"),
                                       ("BDD7EE", "en conception")], start=9):
        paint(ws.cell(row=row, column=4), rgb)
        ws.cell(row=row, column=5, value=word)
    out = io.BytesIO()
    wb.save(out)
    plan = importer.plan_import(con, out.getvalue(), "tableau_de_bord_actions_couleurs_COPIL_02-2026.xlsx")
    statuses = sorted((r["action_id"], r["date"], r["status"]) for r in plan.changes["action_status"].added)
    assert statuses == [("p22-01", dt.date(2025, 12, 31), "réalisée"),
                        ("p22-05", dt.date(2025, 12, 31), "mise en œuvre")]
    said = " ".join(plan.messages)
    assert "2 statut(s) donné(s) par la couleur de la cellule, lu(s) dans la légende des couleurs" in said
    assert "thème(s) ou secteur(s) qui ne sont pas ceux de la liste du CLSM (« Inclusion »)" in said


def test_a_notion_export_in_english_dates_and_a_page_without_instance(con):
    lines = ["Name,Date,Instance,Mode,Status,Comments,Created by,Created time",
             'COPIL février,"February 4, 2025 2:30 PM (GMT+1)",COPIL,Présentiel,Done,,Coordination CLSM,'
             '"January 6, 2025 9:14 AM"',
             'GT Culture – bilan théâtre,"March 13, 2025 2:00 PM (GMT+1)",GT Culture/loisirs,Présentiel,Canceled,'
             '"Canceled – rescheduled to March 27, 2025",Coordination CLSM,"January 6, 2025 9:25 AM"',
             'GT Logement,"April 8, 2025 9:30 AM (GMT+2)",,Visio,Done,,Coordination CLSM,"January 6, 2025 9:31 AM"',
             'Plénière 2025,"June 19, 2025 9:30 AM → 12:30 PM (GMT+2)",Plénière,Présentiel,Done,,Coordination CLSM,'
             '"January 6, 2025 9:40 AM"']
    plan = importer.plan_import(con, ("\r\n".join(lines) + "\r\n").encode("utf-8"),
                                "Réunions CLSM 2025 1c9e4b7a2f3d4e8b9a0c6d5e4f3a2b1c_all.csv")
    meetings = sorted((r["instance_id"], r["date"]) for r in plan.changes["meeting"].added)
    assert meetings == [("copil", dt.date(2025, 2, 4)), ("groupe-logement", dt.date(2025, 4, 8)),
                        ("pleniere", dt.date(2025, 6, 19))]  # the cancelled one is no meeting
    said = " ".join(plan.messages)
    assert "1 réunion(s) sans instance, lue(s) dans leur intitulé (« GT Logement »)" in said
    assert "Colonne « Created time » : donnée technique" in said
