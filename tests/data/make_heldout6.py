"""Held-out set n°6: sixteen spreadsheets as the CLSM's people type them, never seen by the importer's authors.

Usage: python tests/data/make_heldout6.py OUTDIR

Writes 12 .xlsx and 4 .csv files plus OUTDIR/manifest.json. Ten files are ordinary (one or two habits
each), six are harder, each in its own way. Rows that retype the seed (data/seed/) add nothing; every other
row (2022-2025 meetings, sessions, new partners, results) is test content, not a fact of the documents.
No person's name, e-mail address or phone number appears anywhere.
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
GREY = PatternFill("solid", fgColor="DDDDDD")


def in_words(d: date, weekday: bool = True) -> str:
    """« jeudi 9 février 2023 », « jeudi 1er juin 2023 »."""
    day = "1er" if d.day == 1 else str(d.day)
    text = f"{day} {MONTHS[d.month - 1]} {d.year}"
    return f"{DAYS[d.weekday()]} {text}" if weekday else text


def short_day(d: date) -> str:
    """« jeu. 12/01/2023 »."""
    return f"{DAYS[d.weekday()][:3]}. {d:%d/%m/%Y}"


def put(ws, row: int, values, col: int = 1, bold: bool = False, fill=None) -> None:
    for j, value in enumerate(values):
        if value is None or value == "":
            continue
        cell = ws.cell(row=row, column=col + j, value=value)
        if isinstance(value, (date, datetime)):
            cell.number_format = "DD/MM/YYYY"
        if bold:
            cell.font = BOLD
        if fill is not None:
            cell.fill = fill


def widths(ws, *sizes: int) -> None:
    for j, size in enumerate(sizes):
        ws.column_dimensions[chr(ord("A") + j)].width = size


def write_csv(path: Path, rows, sep: str, encoding: str) -> None:
    with open(path, "w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle, delimiter=sep, quoting=csv.QUOTE_MINIMAL)
        writer.writerows(rows)


# --------------------------------------------------------------------------------------------- ordinary files

def o1_calendar(out: Path) -> dict:
    """The year's meeting calendar, typed at the start of 2024 and completed as it went."""
    rows = [
        ("COPIL", date(2024, 3, 14), "14h-16h", "CH Jury – salle du conseil", "présentiel", "Bilan 2023, programme 2024"),
        ("Groupe projets jeunes", date(2024, 4, 11), "9h30-12h", "Maison des adolescents", "présentiel",
         "Point Écout'Émoi, relais Stopblues"),
        ("Groupe projets enfance/parentalité", date(2024, 4, 23), "14h", "Pôle petite enfance", "présentiel",
         "Réseau psypérinatalité"),
        ("GP situations de crise", date(2024, 5, 16), "10h-12h", "Teams", "visio", "Retour d'expérience EMPP"),
        ("Groupe projets culture/loisirs", date(2024, 6, 6), "14h", "Espace Koltès", "présentiel",
         "Programmation SISM 2024"),
        ("Groupe projets précarité", "20/06/2024", "9h30", "Carrefour des solidarités", "présentiel",
         "Accès aux CMP des personnes sans domicile"),
        ("Groupe projets emploi/formation", "19 sept. 2024", "14h-16h", "CRP Metz", "hybride",
         "Cartographie des acteurs de l'emploi"),
        ("COPIL", date(2024, 10, 10), "14h-16h", "CH Jury – salle du conseil", "présentiel",
         "Préparation de la plénière"),
        ("Assemblée plénière", date(2024, 11, 28), "17h-19h30", "Hôtel de Ville de Metz", "présentiel",
         "Bilan des groupes projets, SISM 2024, perspectives 2025"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Réunions 2024"
    ws["A1"] = "Calendrier des réunions du CLSM – année 2024"
    ws["A1"].font = TITLE
    put(ws, 3, ["Instance", "Date", "Horaire", "Lieu", "Format", "Objet"], bold=True, fill=GREY)
    for i, row in enumerate(rows):
        put(ws, 4 + i, row)
    widths(ws, 34, 14, 12, 30, 12, 50)
    wb.save(out / "calendrier_reunions_CLSM_2024.xlsx")
    return {"calendrier_reunions_CLSM_2024.xlsx": {
        "tables": ["meeting"], "data_rows": len(rows), "new_rows_in_fresh_seed": {"meeting": len(rows)},
        "quirks": "Title line and blank row above the header, an extra « Horaire » column, two dates typed as "
                  "text (« 20/06/2024 », « 19 sept. 2024 ») among date cells, instances written « GP situations de crise »."}}


def o2_sism_csv(out: Path) -> dict:
    """The coordinator's running list of SISM editions, saved from Excel as CSV (Windows, semicolons)."""
    rows = [
        ["Événement", "Année", "Thème national", "Nb partenaires", "Nb événements", "Participants", "Remarques"],
        ["SISM", "2019", "Santé mentale à l'ère du numérique", "19", "9", "250", "chiffres repris du bilan nov. 2020"],
        ["SISM", "2020", "Santé mentale et discriminations", "", "", "", "diffusion en direct (covid), pas de comptage"],
        ["SISM", "2021", "Pour ma santé mentale, respectons mes droits", "15", "8", "environ 300", ""],
        ["SISM", "2022", "Pour notre santé mentale, agissons pour notre environnement", "17", "11", "420", ""],
        ["SISM", "2023", "À tous les âges de la vie, ma santé mentale est un droit", "21", "14", "environ 620",
         "dont 2 ciné-débats"],
        ["SISM", "2024", "En mouvement pour notre santé mentale", "23", "16", "680", ""],
        ["SISM", "2025", "Pour notre santé mentale, réparons le lien social", "", "", "", "en préparation – chiffres à venir"],
    ]
    write_csv(out / "SISM_editions_2019-2025.csv", rows, ";", "cp1252")
    return {"SISM_editions_2019-2025.csv": {
        "tables": ["event"], "data_rows": len(rows) - 1, "new_rows_in_fresh_seed": {"event": 5},
        "quirks": "Windows-1252 CSV with semicolons; the 2019 and 2020 editions retype the seed (no new row) and two "
                  "participant counts are « environ … »."}}


def o3_partners(out: Path) -> dict:
    """New partners of 2025, listed by the coordinator after the plenary."""
    rows = [
        ("Centre communal d'action sociale de Metz", "CCAS", "social", "établissement public", "Metz", 2025,
         "rejoint le GP précarité"),
        ("Metz Habitat Territoire", "MHT", "logement", "bailleur social", "Metz", "janv. 2025", ""),
        ("Maison de santé pluri-pro de Borny", "MSP Borny", "soins", "maison de santé", "Metz", 2025, ""),
        ("Bibliothèques-Médiathèques de Metz", "BMM", "culture", "service municipal", "Metz", "mars 2025",
         "partenaire des SISM"),
        ("Centre social de Woippy", "", "social", "centre social", "Woippy", 2025, ""),
        ("UNAFAM 57", "", "usagers et aidants", "association", "Metz", "", "déjà partenaire (pour info)"),
        ("Mission locale", "", "emploi", "mission locale", "Metz", "", "déjà partenaire"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Partenaires"
    put(ws, 1, ["Nom de la structure", "Sigle", "Secteur", "Type", "Commune", "Adhésion au CLSM", "Remarques"],
        bold=True)
    for i, row in enumerate(rows):
        put(ws, 2 + i, row)
    widths(ws, 42, 12, 18, 22, 12, 16, 30)
    wb.save(out / "nouveaux_partenaires_2025.xlsx")
    return {"nouveaux_partenaires_2025.xlsx": {
        "tables": ["structure"], "data_rows": len(rows), "new_rows_in_fresh_seed": {"structure": 5},
        "quirks": "Shortened names (« UNAFAM 57 », « Mission locale » are seed structures, no new row), sectors in one "
                  "word (« social », « soins », « culture »), membership as a year or « janv. 2025 »."}}


COPIL_2024_TALLY = [
    # structure as typed, professionnels, usagers, aidants, élus
    ("CH Jury", 3, 0, 0, 0),
    ("ARS Grand Est", 1, 0, 0, 0),
    ("Ville de Metz", 1, 0, 0, 1),
    ("Eurométropole de Metz", 0, 0, 0, 1),
    ("Département 57", 1, 0, 0, 0),
    ("UNAFAM Moselle", 0, 0, 2, 0),
    ("GEM Camille Claudel", 1, 2, 0, 0),
    ("GEM L'Albatros", 0, 1, 0, 0),
    ("Maison des adolescents", 1, 0, 0, 0),
]


def o4_copil_attendance(out: Path) -> dict:
    """A COPIL: the meeting on one sheet, who came (counted per structure) on the other."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Réunion"
    put(ws, 1, ["Instance", "Date", "Lieu", "Format", "Ordre du jour"], bold=True)
    put(ws, 2, ["COPIL", date(2024, 3, 14), "CH Jury – salle du conseil", "présentiel",
                "Bilan 2023 ; programme 2024 ; calendrier des groupes projets"])
    widths(ws, 12, 14, 28, 12, 60)
    ws2 = wb.create_sheet("Présences")
    ws2["A1"] = "COPIL du 14 mars 2024 – présents par structure"
    ws2["A1"].font = TITLE
    put(ws2, 3, ["Structure", "Professionnels", "Usagers", "Aidants", "Élus", "Total"], bold=True, fill=GREY)
    r = 4
    sums = [0, 0, 0, 0]
    pairs = 0
    for name, *counts in COPIL_2024_TALLY:
        put(ws2, r, [name] + [c or "" for c in counts] + [sum(counts)])
        sums = [a + b for a, b in zip(sums, counts, strict=True)]
        pairs += sum(1 for c in counts if c)
        r += 1
    put(ws2, r, ["TOTAL"] + sums + [sum(sums)], bold=True)
    widths(ws2, 26, 15, 10, 10, 8, 8)
    wb.save(out / "COPIL_14-03-2024_presences.xlsx")
    return {"COPIL_14-03-2024_presences.xlsx": {
        "tables": ["meeting", "attendance"], "data_rows": {"Réunion": 1, "Présences": len(COPIL_2024_TALLY)},
        "new_rows_in_fresh_seed": {"meeting": 1, "attendance": pairs},
        "quirks": "Attendance as a tally (one column per category, empty for none) under a title line, with a "
                  "row-total column and a TOTAL row; « Département 57 » for the Département de la Moselle."}}


P22 = {
    1: "Module de sensibilisation en santé mentale accessible à distance",
    3: "Promotion des Premiers secours en santé mentale (PSSM) auprès des professionnels du territoire messin",
    5: "Poursuite de l'organisation des Semaines d'information sur la santé mentale (SISM)",
    6: "Version grand public du guide santé mentale",
    13: "Création d'une équipe mobile psychiatrie précarité (EMPP) sur le territoire messin",
    20: "Communication sur les dispositifs de prévention du mal-être des jeunes (dont Stopblues)",
}


def o5_programme_followup(out: Path) -> dict:
    """End-of-year follow-up of the 2022 programme; the plan is only named in the title line."""
    rows = [
        (1, "Formation en santé mentale", P22[1], "en cours", "janv. 2022", "", "", "module testé par 2 groupes"),
        (3, "Formation en santé mentale", P22[3], "en cours", "", "", "", ""),
        (5, "Inclusion dans la cité", P22[5], "terminé", date(2022, 10, 3), date(2022, 10, 16), "1 500 €",
         "SISM 2022 réalisées"),
        (6, "Inclusion dans la cité", P22[6], "A lancer", "", "2023", "", "reporté faute de temps"),
        (13, "Situations de précarité", P22[13], "en cours", "", "", "", "réponse de l'ARS attendue"),
        (20, "Jeunes", P22[20], "terminé", "", "", "", ""),
        ("", "Inclusion dans la cité", "Ciné-débat annuel autour de la santé mentale", "en préparation",
         "2e semestre 2022", "", "800 €", "avec un cinéma du centre-ville"),
        ("", "Coordination dans le cadre du CLSM", "Rencontres d'information des aidants avec l'UNAFAM", "A lancer",
         "", "fin 2023", "1 200,00 €", "nouvelle action proposée en COPIL"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Suivi"
    ws["A1"] = "Programme d'actions 2022 – suivi au 15/12/2022"
    ws["A1"].font = TITLE
    put(ws, 3, ["N°", "Rubrique", "Intitulé de l'action", "Statut", "Début", "Échéance", "Budget", "Commentaire"],
        bold=True, fill=GREY)
    for i, row in enumerate(rows):
        put(ws, 4 + i, row)
    widths(ws, 5, 30, 70, 14, 16, 12, 12, 34)
    wb.save(out / "suivi_programme_actions_2022.xlsx")
    return {"suivi_programme_actions_2022.xlsx": {
        "tables": ["action"], "data_rows": len(rows), "new_rows_in_fresh_seed": {"action": 2},
        "quirks": "No plan column (the title line names the 2022 programme), statuses in words (« terminé », « A lancer »), "
                  "spans as dates (« 2e semestre 2022 », « fin 2023 ») and budgets « 1 200,00 € »; six rows retype seed titles."}}


def o6_awareness(out: Path) -> dict:
    """The awareness sessions of 2023, one line per session."""
    rows = [
        ("Sensibilisation", "Sensibilisation santé mentale – agents d'accueil du CCAS", date(2023, 1, 26), "CCAS Metz",
         "présentiel", "agents d'accueil", "CLSM", 14),
        ("Sensibilisation", "Sensibilisation santé mentale – bailleurs sociaux", date(2023, 3, 9),
         "Metz Habitat Territoire", "présentiel", "gardiens, chargés de clientèle", "CLSM + IREPS", "18 pers."),
        ("Sensibilisation", "Module à distance – session de printemps", "avril 2023", "plateforme du CLSM",
         "distanciel", "professionnels", "CLSM", "env. 30"),
        ("Sensibilisation", "Sensibilisation santé mentale – conseillers Mission locale", date(2023, 5, 22),
         "Mission locale", "présentiel", "conseillers", "CLSM", 11),
        ("Sensibilisation", "Sensibilisation santé mentale des jeunes – animateurs", date(2023, 6, 20),
         "Centre social de Borny", "présentiel", "animateurs jeunesse", "CLSM + MDA", 16),
        ("Sensibilisation", "Sensibilisation santé mentale – bénévoles associatifs", date(2023, 10, 12), "RESAM",
         "présentiel", "bénévoles", "CLSM", 20),
        ("Sensibilisation", "Sensibilisation santé mentale – agents MDPH", date(2023, 11, 16), "visio", "distanciel",
         "agents", "CLSM avec le CNFPT", 9),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Sensibilisations 2023"
    put(ws, 1, ["Type", "Intitulé", "Date", "Lieu", "Format", "Public", "Animé par", "Nb participants"], bold=True)
    for i, row in enumerate(rows):
        put(ws, 2 + i, row)
    put(ws, 2 + len(rows), ["TOTAL", "", "", "", "", "", "", 118], bold=True)
    widths(ws, 16, 55, 12, 24, 12, 28, 20, 14)
    wb.save(out / "sensibilisations_2023.xlsx")
    return {"sensibilisations_2023.xlsx": {
        "tables": ["event"], "data_rows": len(rows), "new_rows_in_fresh_seed": {"event": len(rows)},
        "quirks": "Counts with units or approximate (« 18 pers. », « env. 30 »), one date to the month (« avril 2023 ») "
                  "and a TOTAL row under the table."}}


def o7_indicators(out: Path) -> dict:
    """The process and result indicators of action sheet n°15, one column per year."""
    rows = [
        ("Nombre d'actions réalisées par rapport au prévisionnel", "processus", "", "60 %", "70 %", "75 %",
         "bilan annuel"),
        ("Nombre et typologie des réunions organisées", "processus", 26, "31 réunions", "28 réunions", 33,
         "bilan annuel"),
        ("Nombre et typologie des acteurs représentés dans les instances", "processus", 90, 95, "102 pers.", 110,
         "listes d'émargement"),
        ("Nombre de partenaires qui déclarent avoir développé des collaborations", "résultat", "", "", 41, 47,
         "questionnaire partenaires"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Indicateurs"
    ws["A1"] = "Fiche action n°15 – Coordination du CLSM : indicateurs de suivi"
    ws["A1"].font = TITLE
    put(ws, 2, ["(2021 : chiffres du compte rendu du 18/11/2021)"])
    put(ws, 4, ["Indicateur", "Type", 2021, 2022, 2023, 2024, "Source"], bold=True, fill=GREY)
    cells = 0
    for i, row in enumerate(rows):
        put(ws, 5 + i, row)
        cells += sum(1 for v in row[2:6] if v != "")
    widths(ws, 70, 12, 8, 14, 14, 8, 26)
    wb.save(out / "indicateurs_fiche15_2021-2024.xlsx")
    return {"indicateurs_fiche15_2021-2024.xlsx": {
        "tables": ["indicator_value"], "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"indicator_value": cells - 2},
        "quirks": "One column per year with shortened indicator labels, values with units (« 31 réunions », « 70 % », "
                  "« 102 pers. »); the two 2021 values retype the seed."}}


GT_JEUNES_2023 = [
    (date(2023, 2, 9), "Maison des ados", "présentiel", "Tour de table, dispositifs de prévention du mal-être",
     "avril"),
    (date(2023, 4, 4), "Mission locale", "présentiel", "Consultations psy 16-25 ans : premiers retours",
     "début juin"),
    (date(2023, 6, 1), "", "visio", "Préparation SISM (volet jeunes)", "septembre, date à caler"),
    (date(2023, 9, 14), "Maison des ados", "présentiel", "Programme SISM, relais Stopblues", "décembre"),
    (date(2023, 12, 5), "CRP Metz", "présentiel", "Bilan de l'année, pistes 2024", "janvier 2024"),
]


def o8_youth_group(out: Path) -> dict:
    """The youth group's own list of its 2023 meetings, dates written out."""
    wb = Workbook()
    ws = wb.active
    ws.title = "GT jeunes"
    ws["A1"] = "Groupe projets « jeunes » – réunions 2023"
    ws["A1"].font = BOLD
    put(ws, 2, ["Date", "Groupe", "Lieu", "Présentiel/visio", "Points abordés", "Prochaine réunion"], bold=True)
    for i, (d, place, mode, topics, nxt) in enumerate(GT_JEUNES_2023):
        put(ws, 3 + i, [in_words(d), "GT jeunes", place, mode, topics, nxt])
    widths(ws, 28, 12, 18, 16, 50, 24)
    wb.save(out / "GT_jeunes_reunions_2023.xlsx")
    n = len(GT_JEUNES_2023)
    return {"GT_jeunes_reunions_2023.xlsx": {
        "tables": ["meeting"], "data_rows": n, "new_rows_in_fresh_seed": {"meeting": n},
        "quirks": "Dates in words with the weekday (« jeudi 1er juin 2023 »), the instance as « GT jeunes » on every row."}}


def o9_cine(out: Path) -> dict:
    """Film-debates of the 2024-2025 season, with a note beside the table."""
    rows = [
        ("Ciné-débat", "Sur l'Adamant", date(2024, 3, 12), "Caméo Ariel", "UNAFAM, GEM Albatros", "env. 60", "Culture"),
        ("Ciné-débat", "Les Intranquilles", date(2024, 5, 21), "Klub", "UNAFAM 57, CH Jury", 85, ""),
        ("Ciné-débat", "Vice-versa 2", "mardi 8 octobre 2024", "Caméo Ariel", "MDA, Mission locale", 110, "Jeunes"),
        ("Ciné-débat", "La Machine à écrire et autres sources de tracas", date(2025, 1, 28), "Klub",
         "GEM Camille Claudel", "45", "Culture/loisirs"),
        ("Ciné-débat", "Les Invisibles", date(2025, 3, 18), "Caméo Ariel", "Médecins du Monde, CCAS", "env. 70",
         "Précarité"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Ciné-débats"
    ws["A1"] = "Ciné-débats santé mentale – saison 2024-2025"
    ws["A1"].font = TITLE
    put(ws, 3, ["Type", "Film", "Date", "Cinéma", "Partenaires", "Spectateurs", "Thème"], bold=True, fill=GREY)
    ws["I3"] = "NB : fréquentation = entrées comptées par le cinéma"
    ws["I4"] = "Débat animé à chaque fois par un binôme pro / usager"
    for i, row in enumerate(rows):
        put(ws, 4 + i, row)
    widths(ws, 12, 46, 22, 14, 28, 12, 16, 4, 50)
    wb.save(out / "cine-debats_2024-2025.xlsx")
    return {"cine-debats_2024-2025.xlsx": {
        "tables": ["event"], "data_rows": len(rows), "new_rows_in_fresh_seed": {"event": len(rows)},
        "quirks": "Notes typed beside the table (column I), partners as a list of short names, approximate audiences "
                  "« env. 60 », one date in words."}}


SEED_ATTENDANCE_2021 = [
    ("Département de la Moselle", "Professionnels", 2),
    ("Mission locale du Pays Messin", "Professionnel", 1),
    ("SUMPPS", "Professionnel", 1),
    ("CRP Metz (EPNAK)", "Professionnel", 1),
    ("Pension de famille ADOMA", "Professionnel", 1),
    ("GEM Camille Claudel", "Usager", 1),
    ("SAMELY", "Professionnel", 1),
    ("ADOMA", "Professionnel", 1),
    ("UNAFAM 57", "Aidants", 2),
    ("CMPP PEP57", "Professionnel", 1),
    ("Médecins du Monde", "Professionnels", 2),
    ("CH Jury", "Professionnels", 2),
    ("GEM L'Albatros", "Usager", 1),
    ("Eurométropole de Metz (ex Metz Métropole)", "Professionnel", 1),
    ("GEM Camille Claudel", "Professionnel", 1),
    ("RESAM", "Bénévole", 1),
    ("EMAMS", "Professionnel", 1),
    ("La villa relais (CH Jury)", "Professionnel", 1),
    ("Pôle petite enfance Ville de Metz", "Professionnel", 1),
    ("Multi-accueil Les Marmousets", "Professionnel", 1),
    ("RSMA", "Professionnels", 2),
    ("DDCS 57", "Professionnel", 1),
    ("CSAPA les Wads", "Professionnel", 1),
]


def o10_attendance_2021(out: Path) -> dict:
    """The 18/11/2021 meeting's attendance retyped from the minutes (it is all in the seed already)."""
    rows = [["Réunion", "Structure", "Catégorie", "Nombre"]]
    for name, cat, n in SEED_ATTENDANCE_2021:
        rows.append(["Réunion CLSM du 18/11/2021", name, cat, str(n)])
    rows.append(["Total", "", "", str(sum(n for _, _, n in SEED_ATTENDANCE_2021))])
    write_csv(out / "presences_reunion_18-11-2021.csv", rows, ";", "utf-8")
    return {"presences_reunion_18-11-2021.csv": {
        "tables": ["attendance"], "data_rows": len(SEED_ATTENDANCE_2021),
        "new_rows_in_fresh_seed": {"attendance": 0},
        "quirks": "Retypes the seed attendance of the 18/11/2021 meeting in the minutes' words (plural categories, "
                  "« ex Metz Métropole », « DDCS 57 ») with a Total line: nothing should change."}}


# ----------------------------------------------------------------------------------------------- harder files

# (structure as written, function as written, present?, category the function means: never written)
PLENARY_2024 = [
    ("Ville de Metz", "Adjointe au maire chargée de la santé", True, "élu"),
    ("Ville de Metz", "Chargée de mission santé", True, "professionnel"),
    ("Eurométropole de Metz", "Vice-président", True, "élu"),
    ("ARS Grand Est", "Chargée de mission santé mentale", True, "professionnel"),
    ("CH JURY", "Coordonnateur CLSM", True, "professionnel"),
    ("CH JURY", "Directrice adjointe", True, "professionnel"),
    ("CH Jury – CMP 1", "Infirmier", True, "professionnel"),
    ("EMPP", "Psychologue", True, "professionnel"),
    ("UNAFAM 57", "Adhérente", True, "aidant"),
    ("UNAFAM 57", "Adhérent", True, "aidant"),
    ("GEM Camille Claudel", "Adhérent", True, "usager"),
    ("GEM Camille Claudel", "Adhérente", True, "usager"),
    ("GEM Camille Claudel", "Animatrice", True, "professionnel"),
    ("GEM L'Albatros", "Président", True, "usager"),
    ("GEM L'Albatros", "Adhérent", False, "usager"),
    ("Maison des ados", "Psychologue", True, "professionnel"),
    ("Mission locale du Pays Messin", "Conseillère référente santé", True, "professionnel"),
    ("Département de la Moselle", "Travailleuse sociale", True, "professionnel"),
    ("Département de la Moselle", "Conseillère départementale", True, "élu"),
    ("ADOMA", "Responsable pension de famille", True, "professionnel"),
    ("Médecins du Monde", "Bénévole", True, "bénévole"),
    ("Médecins du Monde", "Coordinatrice", True, "professionnel"),
    ("RSMA", "Coordinatrice paramédicale", True, "professionnel"),
    ("CSAPA les Wads", "Chef de service", True, "professionnel"),
    ("EMAMS", "Coordinatrice", False, "professionnel"),
    ("IREPS", "Chargée de projets", True, "professionnel"),
    ("Espace Koltès", "Chargée des relations publiques", True, "professionnel"),
    ("Éducation nationale", "Infirmière scolaire", True, "professionnel"),
    ("CMPP - Les PEP57", "Directrice", True, "professionnel"),
    ("SUMPPS", "Infirmière", True, "professionnel"),
]
# structure as written -> seed structure_id (for the expected counts only)
PLENARY_IDS = {
    "Ville de Metz": "ville-metz", "Eurométropole de Metz": "eurometropole-metz", "ARS Grand Est": "ars-grand-est",
    "CH JURY": "ch-jury", "CH Jury – CMP 1": "ch-jury-cmp-1", "EMPP": "ch-jury-empp", "UNAFAM 57": "unafam-moselle",
    "GEM Camille Claudel": "gem-camille-claudel", "GEM L'Albatros": "gem-albatros", "Maison des ados": "mda-moselle",
    "Mission locale du Pays Messin": "mission-locale-pays-messin", "Département de la Moselle": "departement-moselle",
    "ADOMA": "adoma", "Médecins du Monde": "medecins-du-monde-metz", "RSMA": "rsma", "CSAPA les Wads": "csapa-les-wads",
    "EMAMS": "emams", "IREPS": "ireps-lorraine", "Espace Koltès": "espace-bernard-marie-koltes",
    "Éducation nationale": "education-nationale", "CMPP - Les PEP57": "cmpp-pep57", "SUMPPS": "sumpps",
}


def h1_signin(out: Path) -> dict:
    """A plenary's sign-in sheet, one line per person, names blanked before it was sent."""
    d = date(2024, 11, 28)
    wb = Workbook()
    ws = wb.active
    ws.title = "Réunion"
    put(ws, 1, ["Instance", "Date", "Lieu", "Format", "Ordre du jour"], bold=True)
    put(ws, 2, ["Assemblée plénière", d, "Hôtel de Ville de Metz", "présentiel",
                "Bilan des groupes projets ; SISM 2024 ; perspectives 2025"])
    widths(ws, 20, 14, 26, 12, 60)
    ws2 = wb.create_sheet("Émargement")
    ws2["A1"] = f"Assemblée plénière du CLSM – {in_words(d)} – Hôtel de Ville de Metz"
    ws2["A1"].font = TITLE
    ws2["A2"] = "Feuille d'émargement (noms masqués avant transmission)"
    put(ws2, 4, ["N°", "NOM Prénom", "Structure", "Fonction", "Émargement", "Signature"], bold=True, fill=GREY)
    for i, (struct, function, present, _cat) in enumerate(PLENARY_2024):
        put(ws2, 5 + i, [i + 1, "(masqué)", struct, function, "présent(e)" if present else "excusé(e)",
                         "signé" if present else ""])
    last = 5 + len(PLENARY_2024)
    for j in range(3):
        put(ws2, last + j, [last - 4 + j, "", "", "", "", ""])
    widths(ws2, 5, 14, 32, 40, 14, 12)
    wb.save(out / "emargement_pleniere_28-11-2024.xlsx")
    pairs = {(PLENARY_IDS[s], cat) for s, _f, present, cat in PLENARY_2024 if present}
    return {"emargement_pleniere_28-11-2024.xlsx": {
        "tables": ["meeting", "attendance"],
        "data_rows": {"Réunion": 1, "Émargement": len(PLENARY_2024)},
        "new_rows_in_fresh_seed": {"meeting": 1, "attendance": len(pairs)},
        "quirks": "Sign-in sheet, one row per person: the category only in « Fonction » (élus, GEM members, UNAFAM "
                  "carers, a volunteer), two « excusé(e) » rows, blanked name column, numbered empty rows at the end."}}


OUTLOOK_2025 = [
    ("COPIL CLSM", date(2025, 3, 13), "14:00:00", "16:00:00", "CH Jury - salle du conseil",
     "Ordre du jour :\n- bilan 2024\n- programme 2025", "Liste COPIL CLSM"),
    ("CLSM - GP situations de crise", date(2025, 3, 25), "09:30:00", "11:30:00", "Réunion Microsoft Teams",
     "Réunion Microsoft Teams\nRejoindre la réunion : (lien retiré)", "Liste GP crise"),
    ("GT enfance / parentalité", date(2025, 4, 8), "14:00:00", "16:00:00", "Pôle petite enfance - Ville de Metz",
     "Réseau psypérinatalité : suite", "Liste GP enfance-parentalité"),
    ("Groupe projets jeunes (CLSM)", date(2025, 5, 15), "09:30:00", "12:00:00", "Maison des ados",
     "", "Liste GP jeunes"),
    ("CLSM : groupe précarité", date(2025, 6, 12), "09:30:00", "11:30:00", "Carrefour des solidarités",
     "Accès aux soins des personnes à la rue", "Liste GP précarité"),
    ("Groupe culture-loisirs CLSM", date(2025, 7, 3), "14:00:00", "16:00:00", "Espace Koltès",
     "Programmation SISM 2025", "Liste GP culture"),
    ("COPIL CLSM", date(2025, 10, 2), "14:00:00", "16:00:00", "CH Jury - salle du conseil",
     "Reporté du 18/09 (indisponibilité de la salle)", "Liste COPIL CLSM"),
    ("Assemblée plénière CLSM 2025", date(2025, 11, 27), "17:00:00", "19:30:00", "Hôtel de Ville de Metz",
     "Invitation envoyée à tous les partenaires.\nBuffet offert par la Ville.", "Liste partenaires CLSM"),
]


def h2_outlook(out: Path) -> dict:
    """The coordination mailbox's calendar, exported from Outlook (French, Windows-1252, commas)."""
    header = ["Objet", "Date de début", "Heure de début", "Date de fin", "Heure de fin", "Journée entière",
              "Rappel actif/inactif", "Date de rappel", "Heure de rappel", "Organisateur d'une réunion",
              "Participants obligatoires", "Participants facultatifs", "Ressources de la réunion", "Catégories",
              "Description", "Emplacement", "Privé", "Sensibilité", "Disponibilité"]
    rows = [header]
    for subject, d, start, end, place, desc, invitees in OUTLOOK_2025:
        day = f"{d:%d/%m/%Y}"
        rows.append([subject, day, start, day, end, "Faux", "Vrai", day, "13:45:00" if start == "14:00:00" else "",
                     "Coordination CLSM", invitees, "", "", "CLSM", desc.replace("\n", "\r\n"), place, "Faux",
                     "Normale", "Occupé(e)"])
    write_csv(out / "export_agenda_Outlook_CLSM_2025.csv", rows, ",", "cp1252")
    return {"export_agenda_Outlook_CLSM_2025.csv": {
        "tables": ["meeting"], "data_rows": len(OUTLOOK_2025), "new_rows_in_fresh_seed": {"meeting": len(OUTLOOK_2025)},
        "quirks": "A French Outlook calendar export (Windows-1252, 19 columns, line breaks inside quoted descriptions): "
                  "the instance only in the subject (« GT enfance / parentalité », « CLSM : groupe précarité »), "
                  "invitees as distribution lists."}}


MONTH_BLOCKS_2023 = [
    ("JANVIER", [(date(2023, 1, 12), "GP culture/loisirs", "Espace Koltès", "présentiel", 9, "")]),
    ("FÉVRIER", [(date(2023, 2, 7), "COPIL", "CH Jury", "présentiel", 14, ""),
                 (date(2023, 2, 9), "GP jeunes", "MDA", "présentiel", "~12", "")]),
    ("MARS", [(date(2023, 3, 14), "GP précarité", "visio", "visio", 11, "")]),
    ("AVRIL", [(date(2023, 4, 6), "GP enfance-parentalité", "Pôle petite enfance", "présentiel", 8,
                "dont 1 aidante")]),
    ("MAI — pas de réunion (ponts)", []),
    ("JUIN", [(date(2023, 6, 13), "GP situations de crise", "CH Jury + visio", "hybride", "12 (dont 2 usagers)", "")]),
    ("SEPTEMBRE", [(date(2023, 9, 21), "COPIL", "CH Jury", "présentiel", 13, "validation programme SISM")]),
    ("NOVEMBRE", [(date(2023, 11, 30), "Plénière", "Hôtel de Ville", "présentiel", "env. 70", "")]),
]


def h3_intern_report(out: Path) -> dict:
    """The intern's workbook for the 2023 annual report: a read-me, meetings in month blocks, a two-row header."""
    wb = Workbook()
    ws0 = wb.active
    ws0.title = "Lisez-moi"
    for i, line in enumerate([
        "Bilan d'activité 2023 – saisie stagiaire (master santé publique)",
        "",
        "Onglet « Réunions 2023 » : toutes les réunions des instances, classées par mois.",
        "Onglet « Événements 2023 » : SISM, journées, formations.",
        "Les nombres de présents viennent des listes d'émargement (approximatifs quand la liste manquait).",
        "À vérifier par la coordination avant import.",
    ]):
        ws0.cell(row=1 + i, column=1, value=line)
    ws0.column_dimensions["A"].width = 90

    ws = wb.create_sheet("Réunions 2023")
    ws["A1"] = "BILAN D'ACTIVITÉ 2023 — RÉUNIONS DES INSTANCES DU CLSM"
    ws["A1"].font = TITLE
    ws["A2"] = "(saisie stagiaire, à vérifier)"
    put(ws, 4, ["Date", "Instance", "Lieu", "Format", "Nb présents", "Commentaires"], bold=True, fill=GREY)
    r = 5
    meetings = 0
    for month, items in MONTH_BLOCKS_2023:
        ws.cell(row=r, column=1, value=month).font = BOLD
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        ws.cell(row=r, column=1).alignment = Alignment(horizontal="center")
        r += 1
        for d, inst, place, mode, n, comment in items:
            put(ws, r, [short_day(d), inst, place, mode, n, comment])
            r += 1
            meetings += 1
    put(ws, r + 1, [f"{meetings} réunions en 2023 (hors réunions bilatérales)"])
    widths(ws, 18, 26, 22, 12, 20, 30)

    ws2 = wb.create_sheet("Événements 2023")
    ws2["A1"] = "BILAN 2023 — ÉVÉNEMENTS"
    ws2["A1"].font = TITLE
    put(ws2, 3, ["Événement", "", "Quand", "Chiffres clés", "", ""], bold=True, fill=GREY)
    ws2.merge_cells("A3:B3")
    ws2.merge_cells("D3:F3")
    put(ws2, 4, ["Type", "Intitulé", "Date", "Partenaires", "Actions", "Participants"], bold=True, fill=GREY)
    events = [
        ("SISM", "À tous les âges de la vie, ma santé mentale est un droit", "du 9 au 22 octobre 2023", 21, 14, "≈ 700"),
        ("Journée", "Journée logement et santé mentale", date(2023, 6, 15), 8, 1, 65),
        ("Formation", "Formation PSSM standard – session de printemps", "mars 2023", 1, "", "12 stagiaires"),
        ("Forum", "Forum santé mentale étudiante (campus du Saulcy)", date(2023, 10, 5), 6, "", "plus de 150"),
    ]
    for i, row in enumerate(events):
        put(ws2, 5 + i, row)
    put(ws2, 5 + len(events), ["TOTAL", "", "", 36, 15, "≈ 927"], bold=True)
    widths(ws2, 12, 58, 24, 12, 10, 14)
    wb.save(out / "bilan_activite_2023_stagiaire.xlsx")
    return {"bilan_activite_2023_stagiaire.xlsx": {
        "tables": ["meeting", "event"],
        "data_rows": {"Lisez-moi": 0, "Réunions 2023": meetings, "Événements 2023": len(events)},
        "new_rows_in_fresh_seed": {"meeting": meetings, "event": len(events)},
        "quirks": "Read-me sheet first; meetings in merged month-header blocks (one « MAI — pas de réunion » line), "
                  "dates « jeu. 12/01/2023 », counts « ~12 », « 12 (dont 2 usagers) » in a column no table has; "
                  "events under a two-row merged header with a TOTAL row."}}


FICHES = [
    ("Fiche 15", [
        ("FICHE ACTION N°", 15),
        ("Intitulé", "Coordination du Conseil local de santé mentale"),
        ("Porteur", "CH Jury"),
        ("Statut (au 31/12/2024)", "en cours – instances réunies comme prévu"),
        ("Période", "2022-2026"),
        ("Budget", "5 000 €"),
        ("Financeurs", "ARS, Ville de Metz"),
        ("Dernière mise à jour", date(2025, 1, 15)),
    ]),
    ("Fiche 17", [
        ("FICHE ACTION N°", 17),
        ("Intitulé", "Prévention du mal-être des jeunes dans les quartiers prioritaires"),
        ("Porteur", "Maison des ados"),
        ("Statut (au 31/12/2024)", "en préparation"),
        ("Début", "sept. 2023"),
        ("Fin", "fin 2026"),
        ("Budget", "3 500,00 €"),
        ("Financeurs", "ARS Grand Est"),
        ("Dernière mise à jour", "15/01/25"),
    ]),
    ("Fiche 18", [
        ("FICHE ACTION N°", 18),
        ("Intitulé", "Cycle d'information des aidants avec l'UNAFAM"),
        ("Porteur", "UNAFAM 57"),
        ("Statut (au 31/12/2024)", "A lancer"),
        ("Début", "2025"),
        ("Budget", "non chiffré"),
        ("Dernière mise à jour", "15/01/25"),
    ]),
]


def h4_sheets(out: Path) -> dict:
    """The CLS action sheets kept as forms: one sheet per fiche, labels in A and values in B."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, fields in FICHES:
        ws = wb.create_sheet(name)
        ws["A1"] = "CLS Ville de Metz 2022-2026 — Axe 2 : Promouvoir le bien-être psychique"
        ws["A1"].font = TITLE
        for i, (label, value) in enumerate(fields):
            ws.cell(row=3 + i, column=1, value=label).font = BOLD
            cell = ws.cell(row=3 + i, column=2, value=value)
            if isinstance(value, date):
                cell.number_format = "DD/MM/YYYY"
        ws.cell(row=4 + len(fields), column=1, value="Indicateurs : voir l'onglet du tableau de bord").font = \
            Font(italic=True)
        widths(ws, 26, 70)
    wb.save(out / "fiches_actions_CLS_2022-2026_MAJ_2025.xlsx")
    return {"fiches_actions_CLS_2022-2026_MAJ_2025.xlsx": {
        "tables": ["action"], "data_rows": {name: 1 for name, _ in FICHES},
        "new_rows_in_fresh_seed": {"action": 2},
        "quirks": "Each action is a vertical form (labels in column A, values in B, one sheet per fiche, plan and axis only "
                  "in the title line); fiche 15 retypes the seed, budgets « 3 500,00 € » and « non chiffré », spans "
                  "« sept. 2023 » / « fin 2026 »."}}


FORM_2024 = [
    ("15/02/2024 10:42:11", "Sensibilisation santé mentale", "Sensibilisation – professionnels de la petite enfance",
     "06/02/2024", "Pôle petite enfance, Ville de Metz", "En présentiel", "22", "Auxiliaires de puériculture", ""),
    ("04/04/2024 17:03:55", "Formation PSSM", "PSSM standard – session d'avril", "du 2 au 3 avril 2024", "CH Jury",
     "En présentiel", "12", "Professionnels du social", "2 jours complets"),
    ("30/05/2024 09:15:02", "Sensibilisation santé mentale", "Sensibilisation – agents d'accueil du CCAS",
     "28/05/2024", "CCAS de Metz", "Visio", "une trentaine", "Agents d'accueil", ""),
    ("19/10/2024 11:20:40", "Sensibilisation santé mentale", "Soirées SISM grand public", "du 7 au 18 octobre 2024",
     "Médiathèques de Metz (3 lieux)", "En présentiel", "plus de 80", "Grand public", "3 soirées pendant les SISM"),
    ("26/11/2024 14:48:09", "Formation PSSM", "PSSM jeunes – session de novembre", "21 et 22 novembre 2024",
     "Maison des adolescents", "En présentiel", "≈ 14", "Professionnels jeunesse", ""),
    ("10/12/2024 08:59:30", "Sensibilisation santé mentale", "Sensibilisation – étudiants relais santé", "05/12/2024",
     "Campus du Saulcy", "Hybride", "35 (dont 10 à distance)", "Étudiants", "merci pour la salle !"),
]


def h5_form(out: Path) -> dict:
    """Answers of the online form the trainers fill after each session (export with a BOM)."""
    header = ["Horodateur", "Type d'intervention", "Intitulé de la session", "Date(s) de la session",
              "Lieu / structure d'accueil", "Format", "Nombre de participants (approximatif si besoin)",
              "Public", "Un commentaire ?"]
    write_csv(out / "reponses_formulaire_sessions_2024.csv", [header, *map(list, FORM_2024)], ",", "utf-8-sig")
    return {"reponses_formulaire_sessions_2024.csv": {
        "tables": ["event"], "data_rows": len(FORM_2024), "new_rows_in_fresh_seed": {"event": len(FORM_2024)},
        "quirks": "An online form's export (UTF-8 with BOM, questions as headers, a timestamp column): periods in the "
                  "date column (« du 2 au 3 avril 2024 », « 21 et 22 novembre 2024 ») and counts « une trentaine », "
                  "« plus de 80 », « ≈ 14 », « 35 (dont 10 à distance) »."}}


CITY_ROWS = [
    # id, raison sociale, sigle, type, CP, INSEE, catégorie DSP, secteur CLSM, partenaire depuis, new?, old code
    (1041, "VILLE DE METZ - Pôle Petite Enfance", "", "service municipal", "57000", 57463, "Petite enfance",
     "collectivités et État", "", False, "SM-008"),
    (1042, "Multi-accueil Les Marmousets", "", "multi-accueil", "57000", 57463, "Petite enfance",
     "collectivités et État", "", False, "SM-009"),
    (1107, "Centre Communal d'Action Sociale", "CCAS", "établissement public", "57000", 57463, "Solidarités",
     "accompagnement social et médico-social", 2019, True, "SM-031"),
    (1110, "Centre social Bellecroix", "", "centre social", "57070", 57463, "Solidarités",
     "accompagnement social et médico-social", "", True, ""),
    (1123, "France Travail (ex Pôle emploi)", "", "service public de l'emploi", "57000", 57463, "Emploi",
     "emploi et formation", "", False, "SM-040"),
    (1130, "Metz Habitat Territoire", "MHT", "bailleur social", "57000", 57463, "Logement", "logement", 2021, True,
     "SM-044"),
    (1131, "Médiathèque de Borny", "", "équipement culturel", "57070", 57463, "Culture", "culture et loisirs", "",
     True, ""),
    (1140, "ARS Grand Est", "ARS", "service de l'État", "", "", "Partenaires institutionnels",
     "collectivités et État", "", False, "SM-001"),
    (1152, "Maison des Ados 57", "MDA", "maison des adolescents", "57000", 57463, "Jeunesse", "soins et prévention",
     2017, False, "SM-012"),
    (1160, "Espace Koltès", "", "théâtre", "57070", 57463, "Culture", "culture et loisirs", "", False, "SM-050"),
    (1171, "Maison de santé pluriprofessionnelle de Borny", "MSP", "maison de santé", "57070", 57463, "Santé",
     "soins et prévention", 2024, True, ""),
]


def h6_city_export(out: Path) -> dict:
    """The city's health department extracts its partner file: metadata lines, a two-row header, a hidden column."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Extraction"
    ws["A1"] = "VILLE DE METZ – Direction de la santé publique"
    ws["A1"].font = TITLE
    ws["A2"] = "Extraction fichier partenaires – thématique santé mentale – 03/02/2025"
    put(ws, 4, ["Réf.", "Identification", "", "", "Adresse", "", "", "Classement", "", "Suivi", ""], bold=True,
        fill=GREY)
    ws.merge_cells("B4:D4")
    ws.merge_cells("E4:G4")
    ws.merge_cells("H4:I4")
    put(ws, 5, ["id", "Raison sociale", "Sigle", "Type", "Adresse", "CP", "Commune (code INSEE)", "Catégorie DSP",
                "Secteur CLSM", "Partenaire CLSM depuis", "Ancien code"], bold=True, fill=GREY)
    for i, (ref, name, acr, kind, cp, insee, cat, sector, since, _new, old) in enumerate(CITY_ROWS):
        put(ws, 6 + i, [ref, name, acr, kind, "", cp, insee, cat, sector, since, old])
    end = 6 + len(CITY_ROWS)
    put(ws, end + 1, ["Source : fichier partenaires DSP – usage interne, ne pas diffuser"])
    put(ws, end + 2, [f"{len(CITY_ROWS)} enregistrement(s)"])
    widths(ws, 7, 44, 8, 24, 14, 8, 12, 24, 36, 12, 10)
    ws.column_dimensions["K"].hidden = True
    ws.freeze_panes = "C6"
    wb.save(out / "DSP_Metz_extraction_partenaires_sante_mentale.xlsx")
    new = sum(1 for row in CITY_ROWS if row[9])
    return {"DSP_Metz_extraction_partenaires_sante_mentale.xlsx": {
        "tables": ["structure"], "data_rows": len(CITY_ROWS), "new_rows_in_fresh_seed": {"structure": new},
        "quirks": "Another tool's extraction: two metadata lines, a merged group header above the real one, an « id » "
                  "column, INSEE codes in the commune column, a hidden « Ancien code » column, a source line and a "
                  "record count under the table; six rows are seed structures under other names (« France Travail (ex "
                  "Pôle emploi) », « Maison des Ados 57 », « Espace Koltès »)."}}


BUILDERS = [o1_calendar, o2_sism_csv, o3_partners, o4_copil_attendance, o5_programme_followup, o6_awareness,
            o7_indicators, o8_youth_group, o9_cine, o10_attendance_2021,
            h1_signin, h2_outlook, h3_intern_report, h4_sheets, h5_form, h6_city_export]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: make_heldout6.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict = {}
    for build in BUILDERS:
        manifest.update(build(out))
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(manifest)} files written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
