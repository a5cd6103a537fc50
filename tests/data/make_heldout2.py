"""Second held-out set of "human" spreadsheets for the import (written without reading the importer).

Sixteen files (14 .xlsx, 2 .csv) typed the way a CLSM coordinator or a partner's secretary types
them: their own headers, abbreviations (GT, COPIL, SISM, CMP, UDAF…), dates in words or with the
weekday, approximate counts, amounts in euros, a title above the table, TOTAL rows, footnotes,
merged cells, an empty column, trailing spaces, mixed case. Facts come from the five seed documents
(../shared/seeds); figures the documents do not give are plausible small counts, and such files
carry « test » in their name.

    .venv/bin/python -m tests.data.make_heldout2 [FOLDER]      # default /tmp/heldout2
    .venv/bin/python tests/data/make_heldout2.py [FOLDER]

Writes the files and manifest.json (per file: the table of each sheet, its data rows, the rows a
fresh copy of the seed should gain, and its quirks), prints the manifest, then reopens every
workbook with openpyxl as a check.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"]

MANIFEST: dict[str, dict] = {}


def en_lettres(y: int, m: int, d: int, jour: bool = True) -> str:
    """« mardi 15 mars 2022 » (the weekday is the real one)."""
    date = dt.date(y, m, d)
    txt = f"{'1er' if d == 1 else d} {MOIS[m - 1]} {y}"
    return f"{JOURS[date.weekday()]} {txt}" if jour else txt


def put(ws, row: int, values, col: int = 1, bold: bool = False):
    for i, v in enumerate(values):
        if v is None:
            continue
        c = ws.cell(row=row, column=col + i, value=v)
        if bold:
            c.font = Font(bold=True)
        if isinstance(v, (dt.date, dt.datetime)):
            c.number_format = "dd/mm/yyyy"


def title(ws, text: str, ncols: int, row: int = 1, col: int = 1, merge: bool = True):
    ws.cell(row=row, column=col, value=text).font = Font(bold=True, size=13)
    if merge and ncols > 1:
        ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + ncols - 1)
        ws.cell(row=row, column=col).alignment = Alignment(horizontal="center")


def widths(ws, *w):
    for i, x in enumerate(w):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = x


def record(name, tables, rows, new, quirks):
    MANIFEST[name] = {"tables": tables, "data_rows": rows, "new_rows_in_fresh_seed": new,
                      "quirks": quirks}


# --------------------------------------------------------------------------- meetings
def h01(out: Path):
    name = "h01_calendrier_reunions_2022_test.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Réunions 2022"
    head = ["Date de la réunion", "Instance ", "Intitulé", "Lieu", "Modalité", "Observations"]
    rows = [
        [en_lettres(2022, 1, 24), "GT Jeunes ", "Collaborations avec la Maison des ados",
         "visio", "Visio", ""],
        [en_lettres(2022, 2, 8), "GT enfance / parentalité", "Réseau psypérinatalité",
         "CMP Winnicott ", "présentiel", "avec le pôle petite enfance Ville de Metz"],
        [en_lettres(2022, 2, 10), "GT précarité", "Rencontre partenaires / CMP",
         "Carrefour des solidarités", "Présentiel", "suite décision CR du 18/11/21"],
        [en_lettres(2022, 3, 15), "COPIL", "Comité de pilotage du CLSM",
         "CH Jury - salle du conseil", "présentiel", "validation programme 2022 "],
        [en_lettres(2022, 4, 7), "Plénière", "Assemblée plénière 2022", "Maison des adolescents",
         "hybride", ""],
        [en_lettres(2022, 5, 20), "groupe culture-loisirs", "Projet théâtre Espace Koltès",
         "Espace Bernard Marie Koltès", "présentiel", ""],
        [en_lettres(2022, 6, 14), "GT Emploi/Formation ", "Cartographie des acteurs de l'emploi",
         "Mission locale du Pays Messin", "", "CR à diffuser"],
    ]
    title(ws, "CLSM de Metz – calendrier des réunions 2022", len(head))
    put(ws, 3, head, bold=True)          # row 2 left blank
    for i, r in enumerate(rows):
        put(ws, 4 + i, r)
    ws.cell(row=4 + len(rows) + 1, column=1, value="Source : agenda de la coordination CLSM")
    widths(ws, 26, 24, 38, 30, 12, 40)
    wb.save(out / name)
    record(name, {"Réunions 2022": "meeting"}, len(rows), {"meeting": len(rows)},
           "merged title line + blank line above the header; dates typed with the weekday "
           "(« mardi 15 mars 2022 »); instances as « COPIL », « Plénière », « GT Jeunes », "
           "« groupe culture-loisirs »; trailing spaces in header and cells; "
           "footer « Source : … » under the table")


def h02(out: Path):
    name = "h02_instances_2017_2020.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Feuil1"
    head = ["INSTANCE", "Mois", "Remarques"]
    rows = [
        ["copil", "fév. 2017", "1er COPIL après la convention"],
        ["Plénière", "mai 2017", ""],
        ["COPIL", "oct. 2018", "même mois que la plénière"],
        ["PLENIERE", "oct 2018", "diffusion étude ORS"],
        ["Assemblée Plénière", "déc. 2019", ""],
        ["Copil", "févr. 2020", "noté « COPIE » dans le doc de nov. 2020"],
    ]
    put(ws, 1, head, col=2, bold=True)   # table starts in column B, column A empty
    for i, r in enumerate(rows):
        put(ws, 2 + i, r, col=2)
    widths(ws, 4, 22, 14, 40)
    wb.save(out / name)
    record(name, {"Feuil1": "meeting"}, len(rows), {"meeting": 0},
           "the 6 COPIL/plenary meetings of doc 001, all already in the seed (dates to the month): "
           "re-import should add nothing; upper/lower/mixed case instances, « PLENIERE » without "
           "accent; months abbreviated « fév. », « févr. », « oct » without dot, « déc. »; "
           "table starts in column B; sheet named Feuil1")


def h15(out: Path):
    name = "h15_groupes_projets_2022_presents_test.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "GT 2022"
    head = ["Groupe", "Date", "Horaire", None, "Nombre de présents", "Compte rendu"]
    rows = [
        ["GT Jeunes", dt.datetime(2022, 9, 13), "14h-16h", None, 8, "oui"],
        ["GT Jeunes", dt.datetime(2022, 11, 22), "14h - 16h", None, "~10", "à faire"],
        ["Groupe Culture & Loisirs", dt.datetime(2022, 9, 29), "10h", None, "12", "oui"],
        ["GT Enfance-Parentalité", 44844, "9h30-12h", None, "env. 15", "oui"],  # 10/10/2022 as a bare Excel day number
        ["GT logement", "03/10/2022", "14h", None, 6, "non"],
        ["GT Précarité ", dt.datetime(2022, 10, 18), "", None, "6 + 2 en visio", "oui"],
        ["participation / citoyenneté", dt.datetime(2022, 12, 6), "17h30", None, 9, ""],
    ]
    put(ws, 1, head, bold=True)
    for i, r in enumerate(rows):
        put(ws, 2 + i, r)
    put(ws, 2 + len(rows), ["Total", None, None, None, "≈ 68", None], bold=True)
    widths(ws, 28, 12, 10, 4, 18, 14)
    wb.save(out / name)
    record(name, {"GT 2022": "meeting"}, len(rows), {"meeting": len(rows)},
           "no title; empty column D (no header) between « Horaire » and « Nombre de présents »; "
           "dates as real Excel date cells, one as a bare day number (44844 = 10/10/2022) and one "
           "typed as text « 03/10/2022 »; « Nombre de présents » is not a meeting column "
           "(« ~10 », « env. 15 », « 6 + 2 en visio »); « Horaire » and « Compte rendu » unknown "
           "columns; groups as « GT Jeunes », « Groupe Culture & Loisirs », « participation / "
           "citoyenneté »; a « Total » row (« ≈ 68 »)")


def h12_csv(out: Path):
    name = "h12_gt_reunions_2021_test.csv"
    head = ["Date", "Groupe de travail", "Objet", "Lieu", "Participants"]
    rows = [
        ["12/01/2021", "GT Jeunes", "Lancement du groupe ; tour de table", "Visio (Teams)", "9"],
        ["26/01/2021", "GT Enfance/Parentalité", "Besoins des professionnels de la petite enfance",
         "Visio", "11"],
        ["04/02/2021", "GT Situations de crise", "Charte éthique – premières pistes", "CH Jury", "7"],
        ["10/02/2021", "GT Culture/Loisirs", "Pistes d'actions", "visio", "env 12"],
        ["23/02/2021", "GT Emploi/Formation", "Pistes d'actions ; formations à distance",
         "Mission locale", "8"],
        ["16/03/2021", "GT Jeunes", "Présentation Écout'Émoi", "Maison des ados", "10"],
        ["06/04/2021", "GT Précarité", "Projet EMPP", "Carrefour des solidarités", "13"],
        ["18/05/2021", "GT Enfance/Parentalité", "Cités éducatives Metz-Borny", "Visio", "9"],
        ["08/06/2021", "GT Culture/Loisirs", "Projet théâtre (appel à projets ARS/DRAC)",
         "Espace B.-M. Koltès", "6"],
        ["21/09/2021", "GT Situations de crise", "Prévention des situations de crise", "CH Jury", "8"],
    ]
    with open(out / name, "w", encoding="cp1252", newline="") as f:
        w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        w.writerow(head)
        w.writerows(rows)
    record(name, {"(csv)": "meeting"}, len(rows), {"meeting": len(rows)},
           "CSV in Windows-1252 with « ; » separator and French accents; cells holding « ; » are "
           "quoted; groups as « GT … » abbreviations; « Participants » count is not a meeting "
           "column (« env 12 » without dot); « Objet » for the title")


# --------------------------------------------------------------------------- attendance
def h03(out: Path):
    name = "h03_copil_15mars2022_presents_test.xlsx"
    wb = openpyxl.Workbook()
    ws0 = wb.active
    ws0.title = "Réunion"
    put(ws0, 1, ["Instance", "Date", "Lieu", "Ordre du jour"], bold=True)
    put(ws0, 2, ["Comité de pilotage", dt.datetime(2022, 3, 15), "CH Jury",
                 "Bilan 2021, programme 2022, SISM 2022"])
    widths(ws0, 22, 12, 12, 45)
    ws = wb.create_sheet("Présents")
    head = ["Structure", "Professionnels", "Usagers", "Aidants", "Élus", "Total"]
    rows = [
        ["CH Jury", 3, None, None, None],
        ["ARS Grand Est", 1, None, None, None],
        ["Ville de Metz", 1, None, None, 1],
        ["Eurométropole de Metz", 1, None, None, 1],
        ["Département de la Moselle", 1, None, None, None],
        ["Préfecture (DDCS)", 1, None, None, None],
        ["GEM Camille Claudel", None, 2, None, None],
        ["GEM L'Albatros", None, 1, None, None],
        ["UNAFAM 57", None, None, 2, None],
        ["MDA", 1, None, None, None],
    ]
    title(ws, "Comité de pilotage du 15/03/2022 – présents", len(head))
    put(ws, 2, head, bold=True)
    for i, r in enumerate(rows):
        put(ws, 3 + i, r + [sum(x or 0 for x in r[1:])])
    tot = [sum(r[j] or 0 for r in rows) for j in range(1, 5)]
    put(ws, 3 + len(rows), ["TOTAL"] + tot + [sum(tot)], bold=True)
    widths(ws, 28, 15, 10, 10, 8, 8)
    wb.save(out / name)
    pairs = sum(1 for r in rows for x in r[1:] if x)
    record(name, {"Réunion": "meeting", "Présents": "attendance"},
           {"Réunion": 1, "Présents": len(rows)}, {"meeting": 1, "attendance": pairs},
           "two sheets: the meeting (real date cell) and its attendance in WIDE form, one column "
           "per role category (Professionnels / Usagers / Aidants / Élus), empty cell = 0, a row "
           "Total column and a TOTAL row; the meeting is named only in the merged title line "
           "« Comité de pilotage du 15/03/2022 – présents »; structures as « UNAFAM 57 », "
           "« MDA », « Préfecture (DDCS) »")


def h04(out: Path):
    name = "h04_pleniere_2022_emargement_test.xlsx"
    wb = openpyxl.Workbook()
    ws0 = wb.active
    ws0.title = "Réunion"
    put(ws0, 1, ["Réunion", "Date", "Lieu", "Format"], bold=True)
    put(ws0, 2, ["Plénière CLSM", "07/04/22", "Maison des adolescents", "Hybride (présentiel + visio)"])
    widths(ws0, 18, 12, 26, 28)
    ws = wb.create_sheet("Emargement")
    head = ["N°", "Structure", "Fonction", "Qualité"]
    people = [
        ["Centre hospitalier de Jury", "Directrice adjointe", "Professionnelle"],
        ["CH Jury", "Coordonnateur CLSM", "Professionnel"],
        ["CH Jury – La villa relais", "Éducatrice spécialisée", "professionnelle"],
        ["Ville de Metz", "Adjointe au maire", "Élue"],
        ["Ville de Metz", "Chargée de mission parentalité", "Professionnelle"],
        ["Metz Métropole", "Chargée de mission", "Professionnelle"],
        ["Mission Locale du Pays Messin", "Conseillère référente santé", "Professionnelle"],
        ["GEM Camille Claudel", "Adhérent", "Usager"],
        ["GEM Camille Claudel", "Adhérente", "Usagère"],
        ["GEM l'Albatros", "Président", "Usager"],
        ["Unafam Moselle", "Adhérente", "Aidante"],
        ["RESAM", "Adhérent", "Bénévole"],
        ["Médecins du Monde", "Correspondante de missions", "Bénévole"],
        ["EMAMS", "Coordinatrice d'aide et de soutien", "Professionnelle"],
    ]
    put(ws, 1, head, bold=True)
    for i, p in enumerate(people):
        put(ws, 2 + i, [i + 1] + p)
    widths(ws, 5, 32, 34, 16)
    ws2 = wb.create_sheet("Notes")
    ws2["A1"] = "Feuille d'émargement recopiée sans les noms (RGPD)."
    ws2["A2"] = "Une ligne par personne présente. Excusés : ARS, UDAF 57."
    wb.save(out / name)
    record(name, {"Réunion": "meeting", "Emargement": "attendance", "Notes": "(notes, no table)"},
           {"Réunion": 1, "Emargement": len(people)},
           {"meeting": 1, "attendance": "12 structure x category lines for 14 people (11 if « CH Jury "
                                           "– La villa relais » is read as CH Jury rather than the seed's "
                                           "« La villa relais (CH Jury) »)"},
           "a sign-in sheet with no names: one row per PERSON (no count column: each row = 1), "
           "role category in « Qualité » typed in the feminine (« Professionnelle », « Élue », "
           "« Usagère », « Aidante »); « Fonction » column to drop; meeting in its own sheet with "
           "a 2-digit-year date « 07/04/22 » and « Plénière CLSM »; a « N° » column; a third "
           "sheet « Notes » with free text; « Metz Métropole » for the Eurométropole; "
           "« CH Jury – La villa relais »")


def h16_csv(out: Path):
    name = "h16_presences_info_partenaires_27mai2021_test.csv"
    head = ["Réunion", "Structure", "Catégorie", "Nb"]
    m = "Réunion d'information partenaires 27/05/2021"
    rows = [
        [m, "Mission locale du Pays Messin", "Professionnel(le)", "2"],
        [m, "Maison des ados", "pro", "1"],
        [m, "SUMPPS", "Professionnel", "1"],
        [m, "Ville de Metz", "professionnel", "1"],
        [m, "INSERM", "Professionnel", "1"],
        [m, "CH Jury (coordination CLSM)", "Professionnel", "1"],
        [m, "GEM L'Albatros", "usagers", "2"],
        [m, "UNAFAM", "aidante", "1"],
    ]
    with open(out / name, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=",")
        w.writerow(head)
        w.writerows(rows)
    record(name, {"(csv)": "attendance"}, len(rows), {"attendance": len(rows)},
           "UTF-8 with BOM, comma separator; attendance of the seed meeting of 27/05/2021 named "
           "« Réunion d'information partenaires 27/05/2021 »; categories « pro », "
           "« Professionnel(le) », « usagers », « aidante »; « Nb » for the count; "
           "« Maison des ados », « INSERM », « CH Jury (coordination CLSM) »")


# --------------------------------------------------------------------------- actions
def h05(out: Path):
    name = "h05_programme_2022_suivi_test.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Suivi"
    head = ["N°", "Intitulé de l'action", "Thématique", "Structure porteuse", "Partenaires",
            "État d'avancement", "Échéance", "Observations"]
    rows = [
        [1, "Lectures publiques en médiathèques", "Culture/loisirs", "Ville de Metz",
         "GEM Camille Claudel, GEM L'Albatros", "A lancer", "2e semestre 2022", ""],
        [2, "Interview des adhérents des GEM sur France Bleue ", "culture / loisirs",
         "GEM Camille Claudel", "France Bleu Lorraine", "en cours", "juin 2022", "date à confirmer"],
        [3, "Répertoire des structures culturelles accueillantes", "Culture-Loisirs", "CLSM",
         "", "en projet", "fin 2022", ""],
        [4, "Relais du dispositif Écout'Émoi auprès des médecins généralistes", "Jeunes", "MDA 57",
         "", "En cours", "sept. 2022", ""],
        [5, "Consultations psy gratuites pour les 16-25 ans (3 RDV)", "JEUNES",
         "Mission locale", "Centre Pierre Janet", "réalisé", "2022", "~40 jeunes orientés"],
        [6, "Intervention de l'ERAH à la résidence accueil du Ban-Saint-Martin", "Logement",
         "AMLI", "CH Jury (ERAH)", "En cours", "", "convention signée"],
        [7, "Présentation de la Maison des bébés aux partenaires", "Enfance / parentalité",
         "Ville de Metz - Pôle petite enfance", "CMP Winnicott", "reporté", "2023", ""],
    ]
    title(ws, "Programme d'actions 2022 – tableau de suivi (mise à jour juin 2022)", len(head))
    put(ws, 3, head, bold=True)
    for i, r in enumerate(rows):
        put(ws, 4 + i, r)
    ws.cell(row=5 + len(rows), column=1,
            value="NB : les actions du CR du 18/11/2021 sont suivies dans un autre onglet.")
    widths(ws, 5, 55, 18, 30, 30, 16, 16, 26)
    wb.save(out / name)
    record(name, {"Suivi": "action"}, len(rows), {"action": len(rows)},
           "NO plan column: the plan (« Programme 2022 ») is only in the merged title line; blank "
           "line under the title; statuses in own words (« A lancer », « en cours », « en projet », "
           "« réalisé », « reporté »); deadlines « 2e semestre 2022 », « fin 2022 », « sept. 2022 »; "
           "themes « culture / loisirs », « Culture-Loisirs », « JEUNES »; porteurs « MDA 57 », "
           "« Mission locale »; a « N° » column; « NB : … » footnote under the table")


def h06(out: Path):
    name = "h06_fiches_cls_2022_2026_budgets_test.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Axe 2"
    head = ["Fiche n°", "Axe", "Titre de la fiche", "Porteur", "Pilote", "Budget prévisionnel",
            "Financeurs", "Durée", "Public"]
    rows = [
        ["15", "Axe 2", "Coordination du Conseil local de santé mentale", "CH Jury", "CLSM",
         "5 000,00 €", "ARS / Ville de Metz", "pluriannuelle", "Professionnels"],
        ["16", "axe 2 - santé mentale", "Collaboration entre l'EMPP et les acteurs locaux",
         "Centre hospitalier de Jury", "CLSM", "12 500 €", "ARS", "pluriannuelle",
         "Personnes en situation de précarité"],
        ["17", "2", "Sensibilisation en santé mentale (module à distance)", "CH Jury", "CLSM",
         "1200 euros", "Ville de Metz", "annuelle", "Professionnels, bénévoles, élus"],
        ["18", "Axe 2", "Accès au théâtre des personnes concernées", "Espace Bernard-Marie Koltès",
         "CLSM", "3 000 €", "ARS, DRAC Grand Est", "expérimentale", "Usagers des GEM"],
        ["19", "Axe 2 ", "Santé mentale des jeunes : collaborations avec la MDA",
         "Maison des Adolescents", "CLSM", "non chiffré", "", "pluriannuelle", "Jeunes 16-25 ans"],
    ]
    title(ws, "CLS Ville de Metz 2022-2026 – Axe 2 : Promouvoir le bien-être psychique", len(head))
    put(ws, 2, head, bold=True)
    for i, r in enumerate(rows):
        put(ws, 3 + i, r)
    put(ws, 3 + len(rows), [None, None, None, None, "TOTAL", "21 700 €"], bold=True)
    ws.cell(row=5 + len(rows), column=1, value="Source : fiches actions CLS, version déc. 2021")
    widths(ws, 8, 20, 50, 28, 8, 18, 22, 14, 30)
    wb.save(out / name)
    record(name, {"Axe 2": "action"}, len(rows), {"action": len(rows) - 1},
           "plan only in the merged title (« CLS Ville de Metz 2022-2026 »); fiche 15 is the "
           "seed's (budget 5 000,00 € = its 5000 €, so unchanged or updated), fiches 16-19 "
           "invented; fiche numbers as text; axis typed « Axe 2 », « axe 2 - santé mentale », "
           "« 2 », « Axe 2 » with trailing space; amounts « 5 000,00 € », « 12 500 € », "
           "« 1200 euros », « non chiffré »; TOTAL row (label in the Pilote column); "
           "« Source : » footer")


def h14(out: Path):
    name = "h14_actions_logement_2017_2021.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Logement"
    head = ["Action", "Plan", "Axe", "Thématique", "Porteur", "Partenaires", "Début", "Statut",
            "Source"]
    rows = [
        ["Partenariat bailleurs sociaux / CH Jury", "Plan stratégique 2020",
         "Axe 1 - Inclusion dans la cité", "Logement", "CH Jury", "bailleurs sociaux",
         "sept. 2017", "en cours (poursuivi en 2019)", "Avancée des projets, nov. 2020"],
        ["Convention pour l'accès à 20 logements accompagnés", "CLSM 2020", "Axe 1", "logement",
         "CH Jury", "État, ARELOR, AMLI, Metz Métropole", "nov. 2018", "Réalisée",
         "Avancée des projets, nov. 2020"],
        ["Convention de collaboration CMP / bailleurs sociaux", "Axes stratégiques 2020",
         "Inclusion dans la cité", "Logement ", "Centre Hospitalier de Jury", "bailleurs sociaux",
         "févr. 2020", "réalisé", "Avancée des projets, nov. 2020"],
        ["Commission d'aide pour les personnes en situation difficile", "Plan stratégique 2020",
         "Axe 1", "Logement", "", "", "2020", "en réflexion", "Avancée des projets, nov. 2020"],
        ["Résidence accueil du Ban-Saint-Martin : intervention de l'ERAH", "Plan stratégique 2020",
         "Axe 1", "Logement", "AMLI", "ERAH (CH Jury)", "fin 2021", "en projet",
         "CR réunion CLSM 18/11/2021"],
    ]
    put(ws, 1, head, bold=True)
    for i, r in enumerate(rows):
        put(ws, 2 + i, r)
    widths(ws, 55, 22, 28, 12, 26, 34, 12, 26, 30)
    wb.save(out / name)
    record(name, {"Logement": "action"}, len(rows), {"action": len(rows)},
           "facts of docs 001/002 (housing timeline); plan written three ways (« Plan stratégique "
           "2020 », « CLSM 2020 », « Axes stratégiques 2020 »); axis as « Axe 1 - Inclusion dans "
           "la cité », « Axe 1 », or its title alone; start dates « sept. 2017 », « nov. 2018 », "
           "« févr. 2020 », « 2020 », « fin 2021 »; statuses « en cours (poursuivi en 2019) », "
           "« Réalisée », « réalisé », « en réflexion », « en projet »; partners as a "
           "comma list; « Metz Métropole »")


# --------------------------------------------------------------------------- events
def h07(out: Path):
    name = "h07_bilan_sism_2017_2022_test.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SISM"
    head = ["Année", "Thème", "Nb partenaires", "Nb d'événements", "Participants", "Remarques"]
    rows = [
        [2017, "Santé mentale et travail", 7, 6, "environ 200", ""],
        [2018, "SANTÉ MENTALE ET PARENTALITÉ", 13, 17, "~800", ""],
        [2019, "Santé mentale à l'ère du numérique", 19, 9, "250 env.",
         "noté « 250 partenaires » dans le bilan nov. 2020"],
        [2020, "Santé mentale et discriminations", None, None, None, "diffusion en direct (COVID)"],
        [2021, "Pour ma santé mentale, respectons mes droits", 15, 11, "1 200", "dont visio"],
        [2022, "Santé mentale et environnement ", 17, 14, "450 environ", ""],
    ]
    title(ws, "Semaines d'information sur la santé mentale (SISM) – bilan", len(head))
    put(ws, 3, head, bold=True)
    for i, r in enumerate(rows):
        put(ws, 4 + i, r)
    put(ws, 4 + len(rows), ["TOTAL", None, 71, 57, "≈ 2 900", None], bold=True)
    ws.cell(row=6 + len(rows), column=1,
            value="Source : bilans SISM (coordination CLSM) – chiffres 2021-2022 provisoires")
    widths(ws, 8, 44, 15, 16, 14, 44)
    wb.save(out / name)
    record(name, {"SISM": "event"}, len(rows), {"event": 2},
           "no type column (all SISM, said in the title); 2017-2020 are the seed's (counts typed "
           "« environ 200 », « ~800 », « 250 env. »: same numbers, maybe flagged approximate), "
           "2021-2022 invented; « 1 200 » with a space; theme in capitals; empty counts for 2020; "
           "TOTAL row with « ≈ 2 900 »; merged title + blank line; « Source : » footer")


def h08(out: Path):
    name = "h08_sensibilisations_formations_2021_2022_test.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sessions"
    head = ["Date", None, "Type", "Action", "Organisé par", "Nb de sessions", "Nb de participants",
            "Lieu / format"]
    rows = [
        [dt.datetime(2021, 3, 16), None, "Sensibilisation",
         "Module de sensibilisation santé mentale (à distance)", "CLSM", 1, 12, "à distance"],
        ["avril 2021", None, "Formation PSSM", "Premiers secours en santé mentale",
         "Centre Pierre Janet", 2, "~15", "Metz, en salle"],
        ["12/10/2021", None, "formation", "PSSM étudiants", "SUMPPS", 1, "16 pers.",
         "Université de Lorraine"],
        [en_lettres(2021, 11, 9), None, "sensib.", "Sensibilisation des agents MDPH",
         "CNFPT / CLSM", 1, "environ 30", "visio"],
        [dt.datetime(2022, 2, 3), None, "Sensibilisation",
         "Santé mentale des jeunes", "CLSM + MDA", 1, 8, "Maison des adolescents"],
        ["15/03/22", None, "Sensibilisation ", "Santé mentale et précarité", "CLSM", 1, "11",
         "Carrefour des solidarités"],
    ]
    put(ws, 1, head, bold=True)
    for i, r in enumerate(rows):
        put(ws, 2 + i, r)
    widths(ws, 24, 3, 16, 48, 20, 14, 18, 24)
    wb.save(out / name)
    record(name, {"Sessions": "event"}, len(rows), {"event": len(rows)},
           "empty column B with no header; dates mixed: real date cells, « avril 2021 », "
           "« 12/10/2021 », « mardi 9 novembre 2021 », « 15/03/22 »; kinds typed « Sensibilisation », "
           "« Formation PSSM », « formation », « sensib. »; participants « ~15 », « 16 pers. », "
           "« environ 30 », a number as text; organisers « CNFPT / CLSM », « CLSM + MDA »; the "
           "« Lieu / format » column mixes place and mode (« à distance », « visio »)")


def h13(out: Path):
    name = "h13_contributions_evenements_2019_2021.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Contributions"
    head = ["Date", "Type", "Intitulé", "Organisateur / partenaires", "Participation du CLSM"]
    rows = [
        ["oct. 2019", "Journée", "Journée de lutte contre les discriminations en santé", "",
         "animation d'un atelier"],
        ["avril 2020", "Séminaire",
         "« Migrants, psychotraumatisme et insertion sociale »",
         "Projet de centre ressource en psycho-traumatisme", "participation à l'organisation"],
        [en_lettres(2021, 10, 20), "séminaire (visio)",
         "Présentation du programme Perinatal mental health (PATH)", "CCOMS de Lille",
         "avec d'autres CLSM"],
        [en_lettres(2021, 11, 26), "Inauguration",
         "Maison départementale des droits de l'enfant, de l'adolescent et du jeune adulte",
         "EPE 57, Défenseur des droits, LDH, MDA57, CDAD", "information des partenaires"],
    ]
    put(ws, 1, head, bold=True)
    for i, r in enumerate(rows):
        put(ws, 2 + i, r)
    widths(ws, 26, 18, 60, 40, 30)
    ws2 = wb.create_sheet("Notes")
    ws2["A1"] = "Contributions du CLSM hors SISM (d'après Avancée des projets nov. 2020 et CR du 18/11/2021)."
    ws2["A2"] = "PATH : déjà saisi ?"
    wb.save(out / name)
    record(name, {"Contributions": "event", "Notes": "(notes, no table)"}, len(rows),
           {"event": 3},
           "facts of docs 001/002, no invented figure; PATH (20/10/2021) is already in the seed; "
           "no year column (year from the date); dates « oct. 2019 », « avril 2020 », "
           "« mercredi 20 octobre 2021 »; kinds « Journée », « séminaire (visio) », "
           "« Inauguration » (not in the list); title in « » quotes; organisers as a list of "
           "acronyms; a second sheet of notes")


# --------------------------------------------------------------------------- structures
def h09(out: Path):
    name = "h09_nouveaux_partenaires_2022_test.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Nouveaux partenaires"
    head = ["Nom de la structure", "Sigle", "Secteur d'activité", "Ville", "Adhésion",
            "Rattachée à", "Site web"]
    rows = [
        ["Union départementale des associations familiales de la Moselle", "UDAF 57",
         "Protection des majeurs / familles", "METZ", 2022, "", "www.udaf57.fr"],
        ["Centre communal d'action sociale de Metz", "CCAS", "social", "Metz", "2022",
         "Ville de Metz", ""],
        ["Maison des bébés", "", "Petite enfance", "Metz", "2022",
         "Ville de Metz – pôle petite enfance", ""],
        ["Maison départementale des droits de l'enfant, de l'adolescent et du jeune adulte", "",
         "Droit / accès aux droits", "Metz", "nov. 2021", "EPE 57", ""],
        ["Maison des assistantes maternelles", "MAM", "petite enfance", "Metz ", 2022, "", ""],
        ["Cité éducative Metz-Borny", "", "Éducation", "Metz - Borny", 2021, "Ville de Metz", ""],
        ["Unité de pédopsychiatrie périnatale et petite enfance", "", "Soins",
         "Metz", 2022, "CMP Winnicott", ""],
    ]
    title(ws, "Nouveaux partenaires du CLSM – 2022", len(head))
    put(ws, 2, head, bold=True)
    for i, r in enumerate(rows):
        put(ws, 3 + i, r)
    widths(ws, 60, 10, 30, 14, 10, 34, 16)
    wb.save(out / name)
    record(name, {"Nouveaux partenaires": "structure"}, len(rows), {"structure": len(rows)},
           "merged title; sectors in own words not in the list (« Protection des majeurs / "
           "familles », « social », « Petite enfance », « Droit / accès aux droits », « Soins »); "
           "town « METZ », « Metz - Borny », trailing space; « Adhésion » year as number, text or "
           "« nov. 2021 »; parent typed « Ville de Metz – pôle petite enfance », « EPE 57 », "
           "« CMP Winnicott »; « Site web » without scheme")


def h10(out: Path):
    name = "h10_annuaire_partenaires_extrait.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Annuaire"
    head = ["Structure", "Sigle", "Commune", "Partenaire fondateur", "Structure de rattachement"]
    rows = [
        ["Centre Hospitalier de Jury", "CH JURY", "Jury", "X", ""],
        ["Ville de Metz", "", "Metz", "X", ""],
        ["Département de la Moselle", "CD 57", "Metz", "x", ""],
        ["Unafam 57", "UNAFAM", "Metz", "", ""],
        ["GEM Camille Claudel", "GEM", "Metz", "", ""],
        ["GEM l'Albatros", "GEM", "Metz", "", ""],
        ["Maison des Ados de Moselle", "MDA 57", "Metz", "", ""],
        ["CSAPA Les Wads", "CSAPA", "Metz", "", "CMSEA"],
        ["CMP Winnicott", "CMP", "Metz", "", "CH de Jury"],
        ["ERAH", "ERAH", "", "", "CH Jury"],
    ]
    put(ws, 1, head, bold=True)
    for i, r in enumerate(rows):
        put(ws, 2 + i, r)
    ws.cell(row=3 + len(rows), column=1,
            value="X = partenaire de la phase de préfiguration 2015-2016")
    widths(ws, 34, 10, 12, 20, 26)
    wb.save(out / name)
    record(name, {"Annuaire": "structure"}, len(rows), {"structure": 0},
           "every structure is already in the seed, typed with variants (« Centre Hospitalier de "
           "Jury », « Unafam 57 », « GEM l'Albatros », « Maison des Ados de Moselle », « ERAH » "
           "alone): should update, not add; founding partner as « X »/« x »/empty; acronyms "
           "« CH JURY », « CD 57 », « MDA 57 » differ from the seed's; parent « CH de Jury »; "
           "legend line under the table")


# --------------------------------------------------------------------------- indicator values
def h11(out: Path):
    name = "h11_indicateurs_fiche15_test.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Indicateurs"
    head = ["Indicateur", "Année", "Résultat", "Commentaire"]
    rows = [
        ["Nombre et typologie des réunions organisées", 2021, "26",
         "groupes thématiques, au 18/11/2021"],
        ["Nombre et typologie des réunions organisées", 2022, "31 réunions",
         "dont 1 COPIL et 1 plénière"],
        ["Nombre et typologie des acteurs représentés", 2021, 90,
         "professionnels, usagers et aidants venus au moins une fois"],
        ["Nombre et typologie des acteurs représentés", "2022", "~95", ""],
        ["Nb d'actions réalisées / prévisionnel", 2022, "12 / 20", "voir tableau de suivi"],
        ["Partenaires déclarant avoir développé des collaborations", 2022, "environ 40",
         "questionnaire annuel"],
        ["Fiche 32 – participants qui connaissent mieux les dispositifs", "2019", "78 %",
         "questionnaire fin de session"],
    ]
    title(ws, "Fiche action n°15 – Coordination du CLSM : indicateurs", len(head), merge=False)
    put(ws, 3, head, bold=True)
    for i, r in enumerate(rows):
        put(ws, 4 + i, r)
    widths(ws, 58, 8, 14, 50)
    wb.save(out / name)
    record(name, {"Indicateurs": "indicator_value"}, len(rows), {"indicator_value": 5},
           "indicators named by a shortened LABEL, never a code (« Nb d'actions réalisées / "
           "prévisionnel »), one of fiche 32 in the same sheet (« Fiche 32 – … »); the two 2021 "
           "rows are the seed's (26, 90); values « 31 réunions », « ~95 », « 12 / 20 », "
           "« environ 40 », « 78 % »; year as number or text; unmerged title + blank line")


WRITERS = [h01, h02, h03, h04, h05, h06, h07, h08, h09, h10, h11, h12_csv, h13, h14, h15, h16_csv]


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0] if argv else "/tmp/heldout2")
    out.mkdir(parents=True, exist_ok=True)
    MANIFEST.clear()
    for w in WRITERS:
        w(out)
    (out / "manifest.json").write_text(json.dumps(MANIFEST, ensure_ascii=False, indent=2),
                                       encoding="utf-8")
    # check: every workbook reopens, every CSV decodes
    for name in MANIFEST:
        p = out / name
        if p.suffix == ".xlsx":
            wb = openpyxl.load_workbook(p)
            assert wb.sheetnames, name
        else:
            enc = "cp1252" if name.startswith("h12") else "utf-8-sig"
            p.read_text(encoding=enc)
    print(json.dumps(MANIFEST, ensure_ascii=False, indent=2))
    n_x = sum(1 for n in MANIFEST if n.endswith(".xlsx"))
    n_c = sum(1 for n in MANIFEST if n.endswith(".csv"))
    print(f"{n_x} .xlsx + {n_c} .csv + manifest.json écrits dans {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
