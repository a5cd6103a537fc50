"""Held-out set n°5: sixteen spreadsheets as the CLSM's people would type or export them.

Usage: .venv/bin/python tests/data/make_heldout5.py OUTDIR

Writes 16 files (12 .xlsx, 4 .csv) and OUTDIR/manifest.json. Every file imitates one real habit
(a coordinator's calendar, a sign-in sheet, a survey export, a shared-drive table, an older
dashboard's export...). No person's name, e-mail or phone number appears anywhere: attendance is
counted per structure and role category. Rows dated 2022-2025 are test content, not facts of the
council's documents; rows that repeat the seed (data/seed/) are typed in people's own words and
add nothing.
"""

import csv
import io
import json
import sys
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

EXCEL_EPOCH = date(1899, 12, 30)
JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]
MOIS_ABR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]


# ---------------------------------------------------------------- date habits
def serial(d):
    """Excel day number, as left behind by a copy of values without formats."""
    return (d - EXCEL_EPOCH).days


def in_words(d, weekday=False, abbrev=False):
    day = "1er" if d.day == 1 else str(d.day)
    month = MOIS_ABR[d.month - 1] if abbrev else MOIS[d.month - 1]
    text = f"{day} {month} {d.year}"
    return f"{JOURS[d.weekday()]} {text}" if weekday else text


def dotted(d):
    return d.strftime("%d.%m.%y")


def slash(d, short=False):
    return d.strftime("%d/%m/%y" if short else "%d/%m/%Y")


# ---------------------------------------------------------------- writers
def new_book():
    wb = Workbook()
    return wb, wb.active


def add_rows(ws, rows):
    for row in rows:
        ws.append(list(row))


def bold_row(ws, row_idx):
    for cell in ws[row_idx]:
        cell.font = Font(bold=True)


def finish(wb, path):
    """Date cells shown the French way; a little width so the file looks used."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, (date, datetime)):
                    cell.number_format = "DD/MM/YYYY"
        for col in "ABCDEFGHIJKL":
            ws.column_dimensions[col].width = 18
    wb.save(path)


def write_csv(path, rows, sep, encoding):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, quotechar='"', lineterminator="\r\n")
    for row in rows:
        writer.writerow(row)
    Path(path).write_bytes(buf.getvalue().encode(encoding))


def distinct(pairs):
    return len(set(pairs))


# ================================================================ 1. calendar of the instances (ordinary)
def f_reunions_instances(out):
    name = "reunions_instances_2022-2025.xlsx"
    rows = [
        ("Comité de pilotage", date(2022, 3, 15), "Présentiel", "CH Jury", "Validation du programme d'actions 2022", ""),
        ("Assemblée plénière", date(2022, 6, 23), "Hybride", "Hôtel de Ville de Metz", "Présentation du programme 2022 aux partenaires", ""),
        ("Comité de pilotage", date(2022, 12, 6), "Visio", "", "Bilan 2022, préparation du programme 2023", ""),
        ("Comité de pilotage", date(2023, 3, 21), "Présentiel", "Maison des adolescents", "Bilan annuel 2022, fiches du CLS", ""),
        ("Assemblée plénière", date(2023, 11, 16), "Présentiel", "Hôtel de Ville de Metz", "Bilan des groupes projets 2023", ""),
        ("Comité de pilotage", date(2024, 2, 13), "Hybride", "CH Jury", "Bilan 2023, indicateurs de la fiche 15", ""),
        ("Réunion CLSM – restitution des groupes thématiques", date(2024, 6, 20), "Présentiel", "Maison des adolescents",
         "Restitution des groupes projets du 1er semestre", ""),
        ("Comité de pilotage", date(2025, 3, 18), "Visio", "", "Bilan 2024 et suites du CLS", ""),
        ("Comité de pilotage", "février 2020", "", "", "", "repris du document « Avancée des projets » de nov. 2020"),
        ("Assemblée plénière", "décembre 2019", "", "", "", "repris du document « Avancée des projets » de nov. 2020"),
    ]
    wb, ws = new_book()
    ws.title = "Réunions"
    add_rows(ws, [("CLSM du territoire messin – calendrier des instances",), ()])
    add_rows(ws, [("Instance", "Date", "Modalité", "Lieu", "Ordre du jour", "Remarques")])
    bold_row(ws, 3)
    add_rows(ws, rows)
    finish(wb, out / name)
    return name, {
        "tables": ["meeting"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"meeting": 8},
        "quirks": "Plain calendar with a title line and real date cells; the last two rows retype the COPIL of Feb. 2020 and the plenary of Dec. 2019 as month words.",
    }


# ================================================================ 2. plenary + attendance tally (ordinary)
def f_pleniere_presences(out):
    name = "pleniere_2024-11-14_presences.xlsx"
    # structure as typed, then pro, usagers, aidants, élus, bénévoles (None = left blank)
    tally = [
        ("Centre hospitalier de Jury", 4, None, None, None, None),
        ("Ville de Metz", 2, None, None, 1, None),
        ("Eurométropole de Metz", 1, None, None, 1, None),
        ("Agence régionale de santé Grand Est", 1, None, None, None, None),
        ("Département de la Moselle", 2, None, None, None, None),
        ("UNAFAM Moselle", 0, 0, 3, 0, 0),
        ("GEM Camille Claudel", 1, 4, None, None, None),
        ("GEM L'Albatros", 1, 3, None, None, None),
        ("Maison des adolescents de Moselle", 2, None, None, None, None),
        ("Mission locale du Pays Messin", 1, None, None, None, None),
        ("CMSEA", 2, None, None, None, None),
        ("RESAM", None, None, None, None, 2),
        ("Médecins du Monde - Mission France - Metz", 1, None, None, None, 1),
        ("ADOMA", 1, None, None, None, None),
        ("Centre Pierre Janet", 1, None, None, None, None),
    ]
    wb, ws = new_book()
    ws.title = "Réunion"
    add_rows(ws, [("Instance", "Date", "Modalité", "Lieu", "Titre"),
                  ("Assemblée plénière", date(2024, 11, 14), "Présentiel", "Hôtel de Ville de Metz", "Assemblée plénière 2024")])
    bold_row(ws, 1)
    ws2 = wb.create_sheet("Présences")
    add_rows(ws2, [("Assemblée plénière du 14/11/2024 – présences par structure",), ()])
    add_rows(ws2, [("Structure", "Professionnels", "Usagers", "Aidants", "Élus", "Bénévoles", "Total")])
    bold_row(ws2, 3)
    sums = [0] * 5
    for row in tally:
        counts = [c or 0 for c in row[1:]]
        sums = [a + b for a, b in zip(sums, counts, strict=True)]
        ws2.append(list(row) + [sum(counts)])
    ws2.append(["TOTAL"] + sums + [sum(sums)])
    bold_row(ws2, ws2.max_row)
    finish(wb, out / name)
    cells = sum(1 for row in tally for c in row[1:] if c)
    return name, {
        "tables": ["meeting", "attendance"],
        "data_rows": {"Réunion": 1, "Présences": len(tally)},
        "new_rows_in_fresh_seed": {"meeting": 1, "attendance": cells},
        "quirks": "Tally with one column per role category, the meeting named in the title line, blanks and zeros for none, a Total column and a TOTAL row.",
    }


# ================================================================ 3. new partners (ordinary)
def f_partenaires(out):
    name = "partenaires_nouveaux_2024.xlsx"
    rows = [
        ("Centre communal d'action sociale de Metz", "CCAS", "accompagnement social et médico-social", "CCAS", "Metz", 2023, ""),
        ("Metz Habitat Territoire", "MHT", "logement", "bailleur social", "Metz", 2024, ""),
        ("Caisse d'allocations familiales de la Moselle", "CAF", "accompagnement social et médico-social", "organisme de sécurité sociale", "Metz", 2024, ""),
        ("Bibliothèques-Médiathèques de Metz", "", "culture et loisirs", "réseau de bibliothèques", "Metz", 2023, ""),
        ("Croix-Rouge française – unité locale de Metz", "", "accompagnement social et médico-social", "association", "Metz", 2024, ""),
        ("Cité musicale-Metz", "", "culture et loisirs", "établissement culturel", "Metz", 2024, ""),
        ("Union départementale des associations familiales de la Moselle", "UDAF 57", "droit et protection des personnes",
         "association (protection des majeurs)", "Metz", 2023, ""),
        ("Mutualité française Grand Est", "", "soins et prévention", "mutuelle", "", 2024, ""),
        ("Maison des adolescents de Moselle", "MDA", "soins et prévention", "maison des adolescents", "", "", ""),
        ("UNAFAM Moselle", "UNAFAM", "usagers et aidants", "association", "", "", ""),
    ]
    wb, ws = new_book()
    ws.title = "Structures"
    add_rows(ws, [("Nom de la structure", "Sigle", "Secteur", "Type", "Commune", "Membre depuis", "Site internet")])
    bold_row(ws, 1)
    add_rows(ws, rows)
    finish(wb, out / name)
    return name, {
        "tables": ["structure"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"structure": 8},
        "quirks": "Clean list of partners who joined in 2023-2024 with the dashboard's sector words; the last two rows (MDA, UNAFAM) already exist and an empty website column is left in.",
    }


# ================================================================ 4. events of 2023, CSV ; UTF-8 (ordinary)
def f_evenements_2023(out):
    name = "evenements_2023.csv"
    rows = [
        ("Sensibilisation", "16/03/2023", "Sensibilisation en santé mentale – agents du CCAS de Metz", "", "Présentiel", "CLSM", "1", "", "14"),
        ("Formation", "04/05/2023", "Formation Premiers secours en santé mentale (PSSM) – session de mai 2023", "",
         "Présentiel", "Centre Pierre Janet", "2", "", "12"),
        ("Sensibilisation", "13/06/2023", "Sensibilisation à la santé mentale des jeunes – conseillers de la Mission locale",
         "Jeunes", "Présentiel", "CLSM", "1", "", "18"),
        ("Journée", "28/09/2023", "Journée d'échanges logement et santé mentale", "Logement", "Présentiel", "CLSM", "", "6", "45"),
        ("Séminaire", "23/11/2023", "Rencontre régionale des CLSM du Grand Est", "", "Visio", "", "", "", "30"),
        ("Sensibilisation", "07/12/2023", "Sensibilisation en santé mentale – module à distance, session de décembre 2023", "",
         "Visio", "CLSM", "1", "", "22"),
    ]
    header = ("Type", "Date", "Intitulé", "Thématique", "Modalité", "Organisateur", "Nb séances", "Nb partenaires", "Nb participants")
    write_csv(out / name, [header, *rows], ";", "utf-8")
    return name, {
        "tables": ["event"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"event": len(rows)},
        "quirks": "Semicolon CSV in UTF-8 as Excel saves it, dates as dd/mm/yyyy text, counts only where known.",
    }


# ================================================================ 5. follow-up of the 2022 programme (ordinary)
def f_suivi_programme_2022(out):
    name = "suivi_programme_2022.xlsx"
    rows = [
        ("Programme 2022", "Formation en santé mentale", "", "Module de sensibilisation en santé mentale accessible à distance",
         "mise en œuvre", date(2022, 3, 1), None, "", "", "module ouvert en auto-inscription"),
        ("Programme 2022", "Formation en santé mentale", "",
         "Promotion des Premiers secours en santé mentale (PSSM) auprès des professionnels du territoire messin",
         "mise en œuvre", None, None, "", "", "deux sessions au Centre Pierre Janet"),
        ("Programme 2022", "Coordination dans le cadre du CLSM", "",
         "Mise à jour des outils de coordination et de communication et consultation des partenaires sur leurs évolutions",
         "réalisée", date(2022, 1, 10), date(2022, 12, 15), "", "", ""),
        ("Programme 2022", "Inclusion dans la cité", "",
         "Poursuite de l'organisation des Semaines d'information sur la santé mentale (SISM)", "réalisée", None, None, "", "", "SISM d'octobre 2022"),
        ("Programme 2022", "Inclusion dans la cité", "Culture/loisirs", "Projet d'accès au théâtre porté par l'Espace Bernard Marie Koltès",
         "mise en œuvre", date(2022, 9, 1), None, "3 500,00 €", "Espace Bernard Marie Koltès", ""),
        ("Programme 2022", "Situations de précarité", "Précarité",
         "Création d'une équipe mobile psychiatrie précarité (EMPP) sur le territoire messin", "mise en œuvre", None, None, "", "CH Jury", ""),
        ("Programme 2022", "Situations de précarité", "Précarité",
         "Rencontre entre les partenaires intéressés et des représentants des CMP sur l'intervention des CMP auprès des personnes en situation de précarité",
         "réalisée", None, date(2022, 5, 19), "", "", ""),
        ("Programme 2022", "Jeunes", "Jeunes", "Groupe de parole pour les proches de jeunes adultes en souffrance psychique",
         "conception", date(2022, 10, 1), None, "", "UNAFAM Moselle", "nouvelle action proposée par le groupe jeunes"),
        ("Programme 2022", "Inclusion dans la cité", "Culture/loisirs", "Ciné-débat santé mentale pendant les SISM",
         "réalisée", date(2022, 10, 13), date(2022, 10, 13), "800 €", "", "nouvelle action"),
    ]
    wb, ws = new_book()
    ws.title = "Suivi 2022"
    add_rows(ws, [("Programme d'actions 2022 – suivi au 31/12/2022",), ()])
    add_rows(ws, [("Plan", "Axe", "Thématique", "Intitulé de l'action", "Statut", "Date de début", "Date de fin",
                   "Budget", "Porteur", "Commentaire")])
    bold_row(ws, 3)
    add_rows(ws, rows)
    finish(wb, out / name)
    return name, {
        "tables": ["action"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"action": 2},
        "quirks": "Status follow-up of the 2022 programme: seven titles copied from the programme (updates only) and two new actions, one budget written « 3 500,00 € ».",
    }


# ================================================================ 6. indicator values, long form (ordinary)
def f_indicateurs_fiche15(out):
    name = "indicateurs_fiche15_2022-2024.xlsx"
    reunions = "Nombre et typologie des réunions organisées dans le cadre du CLSM."
    acteurs = "Nombre et typologie des acteurs représentés dans les instances du CLSM."
    actions = "Nombre d'actions réalisées par rapport au prévisionnel."
    collab = "Nombre de partenaires qui déclarent avoir développé des collaborations dans le cadre du CLSM."
    rows = [
        (reunions, "2021", 26, "26 réunions des groupes thématiques", "compte rendu du 18/11/2021"),
        (reunions, "2022", 31, "", "bilan annuel 2022"),
        (reunions, "2023", 29, "", "bilan annuel 2023"),
        (reunions, "2024", 34, "", "bilan annuel 2024"),
        (acteurs, "2021", 90, "90 professionnels et représentants d'usagers et d'aidants", "compte rendu du 18/11/2021"),
        (acteurs, "2022", 104, "", ""),
        (acteurs, "2023", 112, "", ""),
        (acteurs, "2024", 118, "", ""),
        (actions, "2022", 7, "7 actions réalisées sur 20 prévues", ""),
        (actions, "2023", 11, "11 actions réalisées sur 22 prévues", ""),
        (collab, "2023", 38, "", "questionnaire partenaires de décembre 2023"),
    ]
    wb, ws = new_book()
    ws.title = "Indicateurs"
    add_rows(ws, [("Indicateur", "Période", "Valeur", "Précision", "Commentaire")])
    bold_row(ws, 1)
    add_rows(ws, rows)
    finish(wb, out / name)
    return name, {
        "tables": ["indicator_value"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"indicator_value": 9},
        "quirks": "One row per indicator and year with the sheet n°15 labels in full; the two 2021 rows repeat the minutes of 18/11/2021.",
    }


# ================================================================ 7. SISM editions recap, CSV , cp1252 (ordinary)
def f_sism_bilan(out):
    name = "sism_bilan_editions.csv"
    rows = [
        ("SISM", "2017", "Santé mentale et travail", "7", "6", "200", ""),
        ("SISM", "2018", "Santé mentale et parentalité", "13", "17", "800", ""),
        ("SISM", "2019", "Santé mentale à l'ère du numérique", "19", "9", "250", ""),
        ("SISM", "2020", "Santé mentale et discriminations", "", "", "", "diffusion en direct, pas de décompte"),
        ("SISM", "2021", "Santé mentale et respect des droits", "15", "11", "environ 300", ""),
        ("SISM", "2022", "Pour ma santé mentale, agissons pour notre environnement", "17", "12", "420", ""),
        ("SISM", "2023", "À tous les âges de la vie, ma santé mentale est un droit", "21", "14", "510", ""),
        ("SISM", "2024", "En mouvement pour notre santé mentale", "24", "16", "près de 600", "chiffre provisoire"),
    ]
    header = ("Type", "Année", "Thème national", "Nb partenaires", "Nb événements", "Nb participants", "Remarque")
    write_csv(out / name, [header, *rows], ",", "cp1252")
    return name, {
        "tables": ["event"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"event": 4},
        "quirks": "Comma CSV saved in Windows-1252 with a year column and no dates; 2017-2020 retype the seed editions, counts « environ 300 » and « près de 600 ».",
    }


# ================================================================ 8. housing group, meetings + long attendance (ordinary)
def f_gt_logement(out):
    name = "gt_logement_2023.xlsx"
    meetings = [
        (date(2023, 2, 14), "Pension de famille ADOMA", "Présentiel", "Bilan des actions menées avec les bailleurs"),
        (date(2023, 5, 16), "", "Visio", "Résidence accueil du Ban-Saint-Martin : point d'étape"),
        (date(2023, 9, 19), "CCAS de Metz", "Présentiel", "Ouverture de la concertation aux acteurs de l'hébergement"),
        (date(2023, 12, 5), "CH Jury", "Hybride", "Bilan 2023 et perspectives"),
    ]
    pres = [
        (0, "ADOMA", "Professionnel", 2), (0, "Pension de famille (ADOMA)", "Professionnel", 1),
        (0, "AMLI", "Professionnel", 1), (0, "ERAH", "Professionnel", 2), (0, "UNAFAM Moselle", "Aidant", 1),
        (1, "AMLI", "Professionnel", 1), (1, "ARELOR", "Professionnel", 1),
        (1, "Résidence accueil du Ban-Saint-Martin", "Professionnel", 1), (1, "ERAH", "Professionnel", 1),
        (2, "ADOMA", "Professionnel", 1), (2, "ARELOR", "Professionnel", 1), (2, "Ville de Metz", "Élu", 1),
        (2, "GEM L'Albatros", "Usager", 2), (2, "Carrefour des solidarités", "Professionnel", 1),
        (3, "Centre hospitalier de Jury", "Professionnel", 2), (3, "ADOMA", "Professionnel", 1),
        (3, "AMLI", "Professionnel", 1), (3, "UNAFAM Moselle", "Aidant", 2),
    ]
    wb, ws = new_book()
    ws.title = "Réunions"
    add_rows(ws, [("Groupe", "Date", "Lieu", "Modalité", "Sujet")])
    bold_row(ws, 1)
    for d, place, mode, topic in meetings:
        ws.append(["Groupe projets logement", d, place, mode, topic])
    ws2 = wb.create_sheet("Présences")
    add_rows(ws2, [("Réunion", "Structure", "Catégorie", "Nombre")])
    bold_row(ws2, 1)
    for i, struct, cat, n in pres:
        ws2.append([f"Groupe projets logement {slash(meetings[i][0])}", struct, cat, n])
    finish(wb, out / name)
    return name, {
        "tables": ["meeting", "attendance"],
        "data_rows": {"Réunions": len(meetings), "Présences": len(pres)},
        "new_rows_in_fresh_seed": {"meeting": len(meetings), "attendance": distinct((i, s, c) for i, s, c, _ in pres)},
        "quirks": "Two sheets: the housing group's 2023 meetings, then attendance one row per meeting, structure and category, the meeting named « Groupe projets logement dd/mm/yyyy ».",
    }


# ================================================================ 9. sign-in sheet, one row per person (hard)
def f_emargement_gt_jeunes(out):
    name = "emargement_gt_jeunes_12-03-24.xlsx"
    day = date(2024, 3, 12)
    # (structure as written, canonical structure, quality as written, canonical category, job)
    people = [
        ("MDA 57", "mda-moselle", "Professionnelle", "professionnel", "psychologue"),
        ("MDA 57", "mda-moselle", "Professionnel", "professionnel", "éducateur spécialisé"),
        ("Mission Locale Pays Messin", "mission-locale-pays-messin", "Professionnelle", "professionnel", "conseillère"),
        ("Mission locale", "mission-locale-pays-messin", "professionnel", "professionnel", "conseiller référent santé"),
        ("CH JURY", "ch-jury", "Professionnelle", "professionnel", "infirmière"),
        ("CASA", "casa", "Professionnel", "professionnel", "médecin"),
        ("UNAFAM 57", "unafam-moselle", "Aidante", "aidant", "bénévole"),
        ("Unafam 57", "unafam-moselle", "Aidant", "aidant", ""),
        ("GEM L'Albatros", "gem-albatros", "Usager", "usager", "adhérent"),
        ("GEM l'albatros", "gem-albatros", "Usagère", "usager", "adhérente"),
        ("SUMPPS", "sumpps", "Professionnelle", "professionnel", "infirmière"),
        ("Ville de Metz", "ville-metz", "Élue", "élu", "élue municipale"),
        ("Maison des Ados de Moselle", "mda-moselle", "Professionnel", "professionnel", "chef de service"),
        ("École des parents et des éducateurs 57", "epe-moselle", "Professionnelle", "professionnel", "animatrice"),
        ("PEP Lorest", "pep-lorest", "Professionnel", "professionnel", "coordinateur"),
        ("CMSEA", "cmsea", "Professionnelle", "professionnel", "éducatrice"),
        ("CH Jury", "ch-jury", "Pro", "professionnel", "pédopsychiatre"),
    ]
    wb, ws = new_book()
    ws.title = "Réunion"
    add_rows(ws, [("Groupe", "Date", "Lieu", "Modalité"), ("GT jeunes", dotted(day), "MDA", "présentiel")])
    bold_row(ws, 1)
    ws2 = wb.create_sheet("Émargement")
    add_rows(ws2, [
        ("Groupe projets « jeunes et santé mentale »",),
        (f"Réunion du {in_words(day, weekday=True)} – 14h00-16h00 – Maison des ados",),
        ("FEUILLE D'ÉMARGEMENT",),
        (),
        ("N°", "Nom", "Prénom", "Structure", "Qualité", "Fonction", "Signature"),
    ])
    bold_row(ws2, 5)
    for n, (written, _, quality, _, job) in enumerate(people, start=1):
        ws2.append([n, "(anonymisé)", None, written, quality, job, None])
    add_rows(ws2, [(), (None, "Nombre de présents : 17"), (None, "Document interne – les noms ont été retirés avant transmission")])
    finish(wb, out / name)
    return name, {
        "tables": ["meeting", "attendance"],
        "data_rows": {"Réunion": 1, "Émargement": len(people)},
        "new_rows_in_fresh_seed": {"meeting": 1, "attendance": distinct((p[1], p[3]) for p in people)},
        "quirks": "Sign-in sheet one row per person (name columns blanked), structures shortened or in capitals, feminine and abbreviated qualities (« Usagère », « Pro »), date « 12.03.24 », a footer with the head count.",
    }


# ================================================================ 10. one sheet per month (hard)
def f_agenda_par_mois(out):
    name = "agenda_reunions_2024_par_mois.xlsx"
    months = {
        "Janvier": [("GT précarité", date(2024, 1, 25), "CH Jury", "non", ""),
                    ("GT enfance / parentalité", date(2024, 1, 30), "CMP Winnicott", "non", "")],
        "Février": [("Copil", date(2024, 2, 13), "CH Jury", "les deux", "bilan 2023"),
                    ("Grpe logement", date(2024, 2, 22), "ADOMA", "non", "")],
        "Mars": [("GT jeunes", date(2024, 3, 12), "MDA", "non", ""),
                 ("GP participation-citoyenneté", date(2024, 3, 28), "GEM Camille Claudel", "non", "")],
        "Avril": [("GT précarité", date(2024, 4, 9), "", "oui", ""),
                  ("GT culture-loisirs", date(2024, 4, 25), "Espace Koltès", "non", "")],
        "Mai": [],
        "Juin": [("GT jeunes", date(2024, 6, 4), "Mission locale", "non", ""),
                 ("GT emploi/formation", date(2024, 6, 11), "CRP Metz", "non", ""),
                 ("Réunion CLSM – restitution des groupes", date(2024, 6, 20), "MDA", "non", "restitution du semestre")],
        "Septembre": [("Grpe logement", date(2024, 9, 17), "", "oui", ""),
                      ("GT enfance / parentalité", date(2024, 9, 24), "Multi-accueil Les Marmousets", "non", "")],
        "Octobre": [("GT précarité", date(2024, 10, 15), "Carrefour des solidarités", "non", "pendant les SISM")],
    }
    habit = {  # how each month's dates ended up in the cells
        "Janvier": serial,
        "Février": lambda d: in_words(d, weekday=True),
        "Mars": lambda d: d.isoformat(),
        "Avril": dotted,
        "Juin": lambda d: d,
        "Septembre": lambda d: in_words(d, abbrev=True),
        "Octobre": lambda d: slash(d, short=True),
    }
    wb, first = new_book()
    data_rows = {}
    for i, (month, meetings) in enumerate(months.items()):
        ws = first if i == 0 else wb.create_sheet(month)
        ws.title = month
        add_rows(ws, [(f"Réunions CLSM – {month.lower()} 2024",), ()])
        add_rows(ws, [("Date", "Réunion", "Lieu", "Visio ?", "Observations")])
        bold_row(ws, 3)
        if not meetings:
            ws.append(["Pas de réunion ce mois-ci (ponts de mai)"])
        for inst, d, place, visio, obs in meetings:
            ws.append([habit[month](d), inst, place, visio, obs])
        data_rows[month] = len(meetings)
    finish(wb, out / name)
    return name, {
        "tables": ["meeting"],
        "data_rows": data_rows,
        "new_rows_in_fresh_seed": {"meeting": sum(data_rows.values())},
        "quirks": "One sheet per month with its own date habit (Excel day numbers, weekday words, ISO text, « 09.04.24 », « 17 sept. 2024 », « 15/10/24 »), group nicknames (« Grpe logement », « GP … »), a « Visio ? » oui/non/les deux column and an empty May sheet with a sentence in it.",
    }


# ================================================================ 11. survey tool export, CSV , UTF-8 BOM (hard)
def f_questionnaire(out):
    name = "export_questionnaire_actions_2024.csv"
    header = ("ID de la réponse", "Date de soumission", "Dernière page", "Langue de départ", "Votre structure",
              "Type d'action", "Si autre, précisez", "Date de l'action", "Titre de l'action", "Public visé",
              "Nombre de participants (approximatif)", "Nombre de partenaires associés", "Thématique principale",
              "Commentaires libres")
    rows = [
        ("12", "2024-04-08 09:12:44", "3", "fr", "GEM Camille Claudel", "Ciné-débat", "", "05/04/2024",
         "Projection-débat « Les Intranquilles »", "Grand public", "environ 60", "3", "Culture/loisirs", ""),
        ("15", "2024-05-21 16:40:02", "3", "fr", "MISSION LOCALE", "Sensibilisation / information", "", "16/05/2024",
         "Info santé mentale pour les jeunes accompagnés", "Jeunes 16-25 ans", "≈ 25", "2", "Jeunes", ""),
        ("17", "2024-06-20 11:03:57", "3", "fr", "UNAFAM 57", "Formation", "", "du 13 au 14 juin 2024",
         "Formation Prospect familles", "Aidants", "12", "1", "", "2 jours"),
        ("21", "2024-09-30 08:55:10", "3", "fr", "Maison des ados", "Journée / forum", "", "21 septembre 2024",
         "Forum santé mentale des ados", "Adolescents et parents", "plus de 80", "7", "Jeunes", "beaucoup de monde l'après-midi"),
        ("24", "2024-10-14 18:22:31", "3", "fr", "UNAFAM 57", "Autre", "Café-rencontre", "10/10/2024",
         "Café des aidants – SISM 2024", "Aidants", "± 15", "", "", ""),
        ("29", "2024-12-02 10:41:22", "3", "fr", "Médecins du Monde Metz", "Sensibilisation / information", "", "26/11/2024",
         "Santé mentale et précarité : repérer et orienter", "Bénévoles et travailleurs sociaux", "près de 40", "2", "Précarité", ""),
    ]
    write_csv(out / name, [header, *rows], ",", "utf-8-sig")
    return name, {
        "tables": ["event"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"event": len(rows)},
        "quirks": "Online-survey export (BOM, question texts as headers, response id, timestamp, last page and language columns nobody needs), kinds from the survey's choice list plus « Autre / précisez », a two-day period and approximate counts « ≈ 25 », « plus de 80 », « ± 15 ».",
    }


# ================================================================ 12. shared-drive table of CLS sheets (hard)
def f_tableau_partage_cls(out):
    name = "tableau_partage_fiches_CLS_2022-2026.xlsx"
    rows = [
        (15, "Coordination du Conseil local de santé mentale", "en cours", "2022", "2026", "5000 €", "ARS / Ville de Metz", None,
         "CH Jury", "", "vert"),
        (16, "Collaboration entre l'EMPP et les acteurs locaux de la précarité", "en préparation", "T1 2024", "fin 2025",
         "2,5 k€", "ARS", None, "CH Jury", "", "orange"),
        (17, "Sensibilisation des professionnels de la culture et des loisirs à la santé mentale", "A lancer", "sept. 2024",
         "2e semestre 2025", "2500 euros", "Ville de Metz", None, "CH Jury", "attente du devis", "orange"),
        (18, "Formation croisée des acteurs du CLSM", "terminé", "01/02/2023", "30/11/2023", "1 200,00 €", "", None,
         "CH Jury", "3 sessions", "vert"),
        (19, "Relais de Stopblues auprès des jeunes et de leurs proches", "suspendu", "T2 2023", "", "", "", None,
         "MDA", "suspendu (attente de la version jeunes de l'Inserm)", "rouge"),
        (20, "Accès au théâtre pour les personnes vivant avec un trouble psychique", "en cours (poursuivi en 2025)",
         "janv. 2023", "déc. 2025", "3 000 €", "CLS / DRAC", None, "Espace Koltès", "", "vert"),
    ]
    wb, ws = new_book()
    ws.title = "Suivi fiches SM"
    add_rows(ws, [
        ("CLS Ville de Metz 2022-2026 – Axe 2 « Promouvoir le bien-être psychique » – suivi des fiches santé mentale",),
        ("MAJ 03/2025 – tableau partagé du drive CLSM, merci de ne pas trier",),
        (),
        (None, None, None, "Calendrier", None, "Financement", None, None, None, None, None),
        ("N° fiche", "Intitulé", "État d'avancement", "Démarrage", "Échéance", "Budget prévu", "Financeurs", None,
         "Porteur", "Commentaires", "Couleur"),
    ])
    ws.merge_cells("D4:E4")
    ws.merge_cells("F4:G4")
    for r in (4, 5):
        bold_row(ws, r)
    ws["D4"].alignment = Alignment(horizontal="center")
    add_rows(ws, rows)
    add_rows(ws, [(None, "TOTAL budget prévu", None, None, None, "14 200 €"), (),
                  ("Légende : vert = dans les temps, orange = en retard, rouge = à l'arrêt",)])
    bold_row(ws, ws.max_row - 2)
    finish(wb, out / name)
    return name, {
        "tables": ["action"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"action": 5},
        "quirks": "Shared-drive table with the plan only in its title line, a merged two-row header, an empty column, statuses in people's words (« A lancer », « terminé », « suspendu (…) »), spans « T1 2024 », « fin 2025 », « 2e semestre 2025 », budgets « 2,5 k€ », « 2500 euros », a TOTAL line and a colour column; sheet 15 already exists.",
    }


# ================================================================ 13. older dashboard export, CSV ; cp1252 (hard)
def f_ancien_tableau(out):
    name = "export_ancien_tableau_de_bord_2023.csv"
    meetings = {
        "R2023-01": ("copil", "2023-03-21", "presentiel", "Maison des adolescents"),
        "R2023-02": ("groupe-precarite", "2023-04-13", "visio", ""),
        "R2023-03": ("groupe-enfance-parentalite", "2023-06-08", "presentiel", "Multi-accueil Les Marmousets"),
        "R2023-04": ("pleniere", "2023-11-16", "presentiel", "Hôtel de Ville"),
    }
    # (meeting, structure as exported, canonical, category, count)
    lines = [
        ("R2023-01", "CH JURY", "ch-jury", "professionnel", 3), ("R2023-01", "VILLE DE METZ", "ville-metz", "elu", 1),
        ("R2023-01", "VILLE DE METZ", "ville-metz", "professionnel", 1), ("R2023-01", "ARS", "ars-grand-est", "professionnel", 1),
        ("R2023-01", "DEPARTEMENT 57", "departement-moselle", "professionnel", 1),
        ("R2023-01", "METZ METROPOLE", "eurometropole-metz", "professionnel", 1),
        ("R2023-01", "UNAFAM 57", "unafam-moselle", "aidant", 1),
        ("R2023-02", "CH JURY", "ch-jury", "professionnel", 2), ("R2023-02", "MEDECINS DU MONDE", "medecins-du-monde-metz", "professionnel", 2),
        ("R2023-02", "CARREFOUR DES SOLIDARITES", "carrefour-solidarites", "professionnel", 1),
        ("R2023-02", "EMAMS", "emams", "professionnel", 1), ("R2023-02", "RESAM", "resam", "benevole", 2),
        ("R2023-02", "GEM L'ALBATROS", "gem-albatros", "usager", 2),
        ("R2023-03", "CMP WINNICOTT", "cmp-winnicott", "professionnel", 2),
        ("R2023-03", "VILLE DE METZ - POLE PETITE ENFANCE", "ville-metz-pole-petite-enfance", "professionnel", 2),
        ("R2023-03", "MULTI-ACCUEIL LES MARMOUSETS", "ville-metz-multi-accueil-marmousets", "professionnel", 1),
        ("R2023-03", "CMPP PEP57", "cmpp-pep57", "professionnel", 1), ("R2023-03", "UNAFAM 57", "unafam-moselle", "aidant", 1),
        ("R2023-04", "CH JURY", "ch-jury", "professionnel", 4), ("R2023-04", "VILLE DE METZ", "ville-metz", "elu", 2),
        ("R2023-04", "ARS", "ars-grand-est", "professionnel", 1), ("R2023-04", "GEM CAMILLE CLAUDEL", "gem-camille-claudel", "usager", 5),
        ("R2023-04", "GEM CAMILLE CLAUDEL", "gem-camille-claudel", "professionnel", 1),
        ("R2023-04", "UNAFAM 57", "unafam-moselle", "aidant", 3), ("R2023-04", "MDA", "mda-moselle", "professionnel", 2),
        ("R2023-04", "MISSION LOCALE", "mission-locale-pays-messin", "professionnel", 1),
    ]
    header = ("id", "instance", "date_reunion", "modalite", "lieu", "structure", "categorie", "nb", "saisi_par", "date_saisie")
    out_rows = [header]
    for mid, struct, _, cat, n in lines:
        inst, d, mode, place = meetings[mid]
        out_rows.append((mid, inst, d, mode, place, struct, cat, str(n), "coordination", f"{d} 17:30:00"))
    out_rows.append((f"# {len(lines)} lignes exportées le 2024-01-08",))
    write_csv(out / name, out_rows, ";", "cp1252")
    return name, {
        "tables": ["meeting", "attendance"],
        "data_rows": len(lines),
        "new_rows_in_fresh_seed": {"meeting": len(meetings), "attendance": distinct((m, c, k) for m, _, c, k, _ in lines)},
        "quirks": "Denormalised export of an older tool (one line per meeting × structure × category, the meeting repeated on each line), instance codes, ISO dates, ASCII categories « elu », « benevole », structures in capitals with old names (« METZ METROPOLE », « DEPARTEMENT 57 »), a bookkeeping column pair and a « # » footer.",
    }


# ================================================================ 14. two tables in one sheet (hard)
def f_recap_deux_tableaux(out):
    name = "recap_groupes_S2_2023.xlsx"
    meetings = [
        ("GT culture/loisirs", date(2023, 9, 12), "12 sept. 2023", "Espace Bernard-Marie Koltès", 9),
        ("GT emploi-formation", date(2023, 10, 3), "03/10/2023", "CRP Metz", 7),
        ("GT participation/citoyenneté", date(2023, 11, 21), date(2023, 11, 21), "GEM Camille Claudel", 11),
    ]
    # (meeting index, structure as written, canonical, pro, usagers, aidants, élus)
    tally = [
        (0, "Espace Koltès", "espace-bernard-marie-koltes", 2, None, None, None),
        (0, "GEM Albatros", "gem-albatros", 1, 3, None, None),
        (0, "CH Jury", "ch-jury", 1, None, None, None),
        (0, "Ville de Metz", "ville-metz", 1, None, None, 1),
        (1, "EPNAK - CRP Metz", "epnak-crp-metz", 2, None, None, None),
        (1, "Cap emploi", "cap-emploi", 1, None, None, None),
        (1, "Pôle emploi", "pole-emploi", 1, None, None, None),
        (1, "Mission locale", "mission-locale-pays-messin", 1, None, None, None),
        (1, "GEM Camille Claudel", "gem-camille-claudel", None, 2, None, None),
        (2, "GEM Camille Claudel", "gem-camille-claudel", 1, 5, None, None),
        (2, "GEM L'Albatros", "gem-albatros", None, 2, None, None),
        (2, "UNAFAM", "unafam-moselle", None, None, 2, None),
        (2, "CH Jury", "ch-jury", 1, None, None, None),
    ]
    wb, ws = new_book()
    ws.title = "Récap S2 2023"
    add_rows(ws, [("1. Réunions des groupes projets – 2nd semestre 2023",),
                  ("Groupe", "Date", "Lieu", "Nb présents")])
    bold_row(ws, 2)
    for inst, _, written, place, n in meetings:
        ws.append([inst, written, place, n])
    add_rows(ws, [(), (), ("2. Présences par structure",),
                  ("Groupe", "Date", "Structure", "Pro", "Usagers", "Aidants", "Élus")])
    bold_row(ws, ws.max_row)
    for i, (inst, d, _, _, _) in enumerate(meetings):
        sub = [0, 0, 0, 0]
        for m, written, _, *counts in tally:
            if m != i:
                continue
            ws.append([inst, slash(d), written, *counts])
            sub = [a + (b or 0) for a, b in zip(sub, counts, strict=True)]
        ws.append([f"Sous-total {inst}", None, None, *sub])
        bold_row(ws, ws.max_row)
    finish(wb, out / name)
    cells = sum(1 for m, _, c, *counts in tally for n in counts if n)
    return name, {
        "tables": ["meeting", "attendance"],
        "data_rows": {"Récap S2 2023": len(meetings) + len(tally)},
        "new_rows_in_fresh_seed": {"meeting": len(meetings), "attendance": cells},
        "quirks": "Two numbered tables stacked in one sheet (meetings with a head count, then a tally by structure with the meeting in two columns), dates written differently in each, a sub-total row after each group.",
    }


# ================================================================ 15. partner directory from the shared drive (hard)
def f_annuaire_drive(out):
    name = "annuaire_partenaires_drive.xlsx"
    # None = a section row; else (name, acronym, category, cp_ville, since, founder, remark, is_new)
    rows = [
        "— SANITAIRE —",
        ("CENTRE HOSPITALIER DE JURY", "CH JURY", "Sanitaire", "57245 JURY", "", "OUI", "porteur du CLSM", False),
        ("MAISON DES ADOS DE MOSELLE", "MDA 57", "Sanitaire", "57000 METZ", "", "", "", False),
        ("CMP WINNICOTT", "", "Sanitaire", "", "", "", "pédopsychiatrie", False),
        ("MAISON DE SANTE PLURIPROFESSIONNELLE DE BORNY", "MSP BORNY", "Sanitaire", "57070 METZ", "2024", "NON", "", True),
        ("CENTRE HOSPITALIER REGIONAL METZ-THIONVILLE", "CHR", "Sanitaire", "57530 ARS LAQUENEXY", "2023", "NON", "urgences", True),
        None,
        "— SOCIAL / MEDICO-SOCIAL —",
        ("C.M.S.E.A.", "", "Social / médico-social", "57000 METZ", "", "", "", False),
        ("CARREFOUR DES SOLIDARITES", "", "Social", "57000 METZ", "", "", "", False),
        ("SECOURS POPULAIRE FRANCAIS - FEDERATION DE MOSELLE", "SPF 57", "Social", "57000 METZ", "2024", "NON", "", True),
        ("CCAS DE MONTIGNY-LES-METZ", "", "Social", "57950 MONTIGNY LES METZ", "2023", "NON", "", True),
        None,
        "— USAGERS / FAMILLES —",
        ("UNAFAM 57", "", "Usagers / familles", "", "", "", "", False),
        ("GEM L'ALBATROS", "", "Usagers / familles", "57000 METZ", "", "", "", False),
        ("GEM LA PASSERELLE", "", "Usagers / familles", "57140 WOIPPY", "2025", "NON", "nouveau GEM", True),
        None,
        "— INSTITUTIONS —",
        ("CONSEIL DEPARTEMENTAL 57", "CD57", "Institution", "57000 METZ", "", "OUI", "", False),
        ("METZ METROPOLE", "", "Institution", "57000 METZ", "", "", "devenue Eurométropole", False),
        ("ARS GRAND EST", "ARS", "Institution", "", "", "", "financeur", False),
        None,
        "— EMPLOI / INSERTION —",
        ("FRANCE TRAVAIL (EX POLE EMPLOI)", "", "Emploi / insertion", "57000 METZ", "", "", "", False),
        ("CAP EMPLOI 57", "", "Emploi / insertion", "", "", "", "", False),
    ]
    wb, ws = new_book()
    ws.title = "ANNUAIRE"
    add_rows(ws, [("ANNUAIRE DES PARTENAIRES CLSM – extraction du drive partagé",), ()])
    add_rows(ws, [("STRUCTURE", None, "SIGLE", "Catégorie", "CP Ville", "Partenaire depuis", "Fondateur ?", "Observations")])
    bold_row(ws, 3)
    records = []
    for row in rows:
        if row is None:
            ws.append([])
        elif isinstance(row, str):
            ws.append([row])
            bold_row(ws, ws.max_row)
        else:
            records.append(row)
            nm, acr, cat, cpv, since, founder, remark, _ = row
            ws.append([nm, None, acr, cat, cpv, since, founder, remark])
    add_rows(ws, [(), ("Extraction du 05/02/2025 – 19 lignes",)])
    finish(wb, out / name)
    return name, {
        "tables": ["structure"],
        "data_rows": len(records),
        "new_rows_in_fresh_seed": {"structure": sum(1 for r in records if r[-1])},
        "quirks": "Directory in capitals without accents, an empty column B, section rows (« — SANITAIRE — ») and blank rows between groups, « CP Ville » cells like « 57950 MONTIGNY LES METZ », own category words, OUI/NON, old or new names of known partners (« METZ METROPOLE », « CONSEIL DEPARTEMENTAL 57 », « FRANCE TRAVAIL (EX POLE EMPLOI) »), a footer whose count is wrong.",
    }


# ================================================================ 16. indicators, years as columns (hard)
def f_indicateurs_croise(out):
    name = "indicateurs_copil_2025_tableau_croise.xlsx"
    years = ["2021", "2022", "2023", "2024"]
    rows = [
        ("Nombre d'actions réalisées par rapport au prévisionnel", "processus", None, "7 / 20", "11 / 22", "65 %", "", ""),
        ("Nombre et typologie des réunions organisées dans le cadre du CLSM", "processus", 26, "31 réunions", 29, "≈ 34", "", "2024 : décompte provisoire"),
        ("Nombre et typologie des acteurs représentés dans les instances du CLSM", "processus", 90, 104, 112, 118, "", ""),
        ("Nombre de partenaires qui déclarent avoir développé des collaborations dans le cadre du CLSM", "résultat",
         None, None, 38, None, "", "questionnaire 2024 non exploité"),
        ("Professionnels impliqués dans le CLSM qui déclarent mieux connaître l'offre et les besoins en matière de santé mentale de la population",
         "résultat", None, None, None, "78 %", "", "questionnaire de décembre 2024"),
    ]
    wb, ws = new_book()
    ws.title = "Indicateurs fiche 15"
    add_rows(ws, [("Fiche n°15 – Coordination du CLSM – indicateurs (présentation COPIL du 18/03/2025)",), ()])
    add_rows(ws, [("Indicateur", "Type", *years, "Cible 2026", "Commentaire")])
    bold_row(ws, 3)
    add_rows(ws, rows)
    add_rows(ws, [(), ("Source : bilans annuels du CLSM ; 2021 : compte rendu du 18/11/2021",)])
    finish(wb, out / name)
    seed_2021 = {"Nombre et typologie des réunions organisées dans le cadre du CLSM",
                 "Nombre et typologie des acteurs représentés dans les instances du CLSM"}
    new = sum(1 for r in rows for y, v in zip(years, r[2:6], strict=True)
              if v not in (None, "") and not (y == "2021" and r[0] in seed_2021))
    return name, {
        "tables": ["indicator_value"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"indicator_value": new},
        "quirks": "Cross table with one column per year, values with units or ratios (« 31 réunions », « 7 / 20 », « 65 % », « ≈ 34 »), a target column, labels without their final full stop, 2021 equal to the seed.",
    }


BUILDERS = [
    f_reunions_instances, f_pleniere_presences, f_partenaires, f_evenements_2023, f_suivi_programme_2022,
    f_indicateurs_fiche15, f_sism_bilan, f_gt_logement, f_emargement_gt_jeunes, f_agenda_par_mois,
    f_questionnaire, f_tableau_partage_cls, f_ancien_tableau, f_recap_deux_tableaux, f_annuaire_drive,
    f_indicateurs_croise,
]


def main(argv):
    if len(argv) != 2:
        print("usage: make_heldout5.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for build in BUILDERS:
        name, entry = build(out)
        manifest[name] = entry
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(manifest)} files written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
