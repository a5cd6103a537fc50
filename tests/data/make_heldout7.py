"""Held-out set n°7: sixteen spreadsheets typed the way people of the CLSM's network type them.

Usage: python tests/data/make_heldout7.py OUTDIR

Writes 16 files (12 .xlsx, 4 .csv) and OUTDIR/manifest.json. Ten files are ordinary (one or two
habits each), six are harder, each in its own way. No person's name, e-mail address or phone number
appears anywhere: attendance is counted per structure and role category. Rows dated 2024-2026 and
new partners are test content, not facts of the council's documents.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
GREY = PatternFill("solid", fgColor="DDDDDD")

MANIFEST: dict[str, dict] = {}


def note(name, tables, data_rows, new_rows, quirks):
    MANIFEST[name] = {
        "tables": tables,
        "data_rows": data_rows,
        "new_rows_in_fresh_seed": new_rows,
        "quirks": quirks,
    }


def put(ws, row, values, col=1, font=None, fmt=None, fill=None):
    """Write one line of cells starting at (row, col); dates get a French date format."""
    for offset, value in enumerate(values):
        if value is None:
            continue
        cell = ws.cell(row=row, column=col + offset, value=value)
        if isinstance(value, date):
            cell.number_format = fmt or "DD/MM/YYYY"
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill


def widths(ws, *values):
    for index, width in enumerate(values):
        ws.column_dimensions[chr(ord("A") + index)].width = width


def write_csv(path: Path, rows, sep=";", encoding="utf-8", quote_all=False, bom=False):
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=sep,
        lineterminator="\r\n",
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    for row in rows:
        writer.writerow(row)
    data = buffer.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


# --------------------------------------------------------------------------------------------
# 1. Ordinary: the coordinator's calendar of the 2025 instances (title lines, an « Horaire » column)
# --------------------------------------------------------------------------------------------
MEETINGS_2025 = [
    ("COPIL", date(2025, 2, 4), "14h - 16h", "CH Jury - salle du conseil", "présentiel",
     "Bilan 2024, programme d'actions 2025", ""),
    ("Groupe projets jeunes", date(2025, 3, 11), "9h30 - 12h", "Maison des adolescents",
     "hybride (salle + Teams)", "Repérage du mal-être des jeunes, relais de Stopblues", ""),
    ("Groupe projets précarité", date(2025, 3, 25), "14h - 16h", "", "visio",
     "Point sur l'EMPP, interventions des CMP", "lien envoyé la veille"),
    ("Groupe projets logement", date(2025, 4, 8), "10h - 12h", "Pension de famille ADOMA",
     "présentiel", "Bilan de la concertation logement", ""),
    ("Assemblée plénière", date(2025, 6, 17), "14h - 16h30", "Hôtel de Ville de Metz",
     "présentiel", "Bilan à mi-parcours du CLS, préparation des SISM 2025", "env. 70 présents"),
    ("Groupe projets enfance/parentalité", date(2025, 9, 16), "9h30 - 11h30", "CMP Winnicott",
     "présentiel", "Réseau psypérinatalité : carte des acteurs", ""),
    ("Groupe projets culture/loisirs", date(2025, 10, 2), "14h - 16h", "", "visio",
     "Ciné-débats de la saison, programme SISM", ""),
    ("COPIL", date(2025, 12, 2), "14h - 16h", "CH Jury - salle du conseil", "présentiel",
     "Bilan 2025, calendrier 2026", "validation du bilan en janvier"),
]


def f01(out: Path):
    name = "calendrier_instances_2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Réunions 2025"
    put(ws, 1, ["CLSM du territoire messin - Calendrier des instances 2025"], font=TITLE)
    put(ws, 2, ["(mis à jour le 05/01/2026)"])
    put(ws, 4, ["Instance", "Date", "Horaire", "Lieu", "Modalité", "Ordre du jour", "Remarques"],
        font=BOLD, fill=GREY)
    for i, row in enumerate(MEETINGS_2025):
        put(ws, 5 + i, list(row))
    widths(ws, 34, 12, 14, 30, 24, 52, 30)
    wb.save(out / name)
    note(name, ["meeting"], len(MEETINGS_2025), {"meeting": len(MEETINGS_2025)},
         "Two title lines above the header and an « Horaire » column the meeting table does not have.")


# --------------------------------------------------------------------------------------------
# 2. Ordinary: SISM editions since 2017 (cp1252, ';', « environ », a TOTAL line)
# --------------------------------------------------------------------------------------------
SISM = [
    (2017, "Santé mentale et travail", 7, 6, "200", ""),
    (2018, "Santé mentale et parentalité", 13, 17, "800", ""),
    (2019, "Santé mentale à l'ère du numérique", 19, 9, "250", "chiffre du bilan 2020 à vérifier"),
    (2020, "Santé mentale et discriminations", None, None, "", "diffusion en direct (crise sanitaire)"),
    (2021, "Pour ma santé mentale, respectons mes droits", 15, 11, "environ 300", ""),
    (2022, "Santé mentale et environnement", 21, 14, "420", ""),
    (2023, "À tout âge de la vie, ma santé mentale est un droit", 24, 18, "environ 500", ""),
    (2024, "En mouvement pour notre santé mentale", 22, 16, "460", ""),
    (2025, "Pour notre santé mentale, réparons le lien social", 26, 19, "530", "chiffres provisoires"),
]


def f02(out: Path):
    name = "SISM_bilan_2017-2025.csv"
    rows = [["Evènement", "Année", "Thème national", "Nb de partenaires", "Nb d'évènements",
             "Nb de participants", "Remarques"]]
    for year, theme, partners, events, people, remark in SISM:
        rows.append(["SISM", year, theme, "" if partners is None else partners,
                     "" if events is None else events, people, remark])
    total_p = sum(r[2] or 0 for r in SISM)
    total_e = sum(r[3] or 0 for r in SISM)
    total_n = sum(int(r[4].split()[-1]) for r in SISM if r[4])
    rows.append(["TOTAL", "", "", total_p, total_e, total_n, ""])
    write_csv(out / name, rows, sep=";", encoding="cp1252")
    new = sum(1 for r in SISM if r[0] > 2020)
    note(name, ["event"], len(SISM), {"event": new},
         "Windows-1252 with ';', the 2017-2020 editions of the seed typed again, « environ 300 » "
         "counts and a TOTAL line at the bottom.")


# --------------------------------------------------------------------------------------------
# 3. Ordinary: new partners to add (some names in capitals, two already known)
# --------------------------------------------------------------------------------------------
PARTNERS = [
    # name, acronym, sector, type, commune, member since, remark, already in the seed
    ("CENTRE COMMUNAL D'ACTION SOCIALE DE METZ", "CCAS", "accompagnement social et médico-social",
     "CCAS", "Metz", 2024, "", False),
    ("UDAF de la Moselle", "UDAF 57", "usagers et aidants", "association", "Metz", 2024,
     "mandataire judiciaire + soutien aux familles", False),
    ("France Travail (ex Pôle emploi)", "", "emploi et formation", "service public de l'emploi",
     "Metz", None, "nouveau nom depuis janvier 2024", True),
    ("CINEMA LE KLUB", "", "culture et loisirs", "cinéma", "Metz", 2024,
     "accueille les ciné-débats", False),
    ("Bibliothèques-Médiathèques de Metz", "BMM", "culture et loisirs", "service municipal",
     "Metz", 2025, "", False),
    ("Centre social et culturel de Borny", "", "accompagnement social et médico-social",
     "centre social", "Metz", 2025, "QPV Metz-Borny", False),
    ("GEM l'Albatros", "GEM", "usagers et aidants", "GEM", "", None, "déjà partenaire ?", True),
    ("Psycom", "", "recherche et information", "organisme national d'information", "", 2025,
     "ressources documentaires", False),
]


def f03(out: Path):
    name = "nouveaux_partenaires_2024-2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Partenaires"
    put(ws, 1, ["Nom de la structure", "Sigle", "Secteur", "Type", "Commune", "Membre depuis",
                "Remarques"], font=BOLD)
    for i, row in enumerate(PARTNERS):
        put(ws, 2 + i, list(row[:7]))
    widths(ws, 44, 10, 38, 30, 12, 14, 40)
    wb.save(out / name)
    new = sum(1 for row in PARTNERS if not row[7])
    note(name, ["structure"], len(PARTNERS), {"structure": new},
         "Names partly in capitals, a former name « (ex Pôle emploi) » and a GEM already listed, "
         "typed again with a question mark.")


# --------------------------------------------------------------------------------------------
# 4. Ordinary: COPIL tally, one column per category, a TOTAL line
# --------------------------------------------------------------------------------------------
COPIL_TALLY = [
    # structure, professionnels, usagers, aidants, élus, bénévoles
    ("CH Jury", 3, 0, 0, 0, 0),
    ("ARS Grand Est", 1, 0, 0, 0, 0),
    ("Ville de Metz", 1, 0, 0, 1, 0),
    ("Eurométropole de Metz", 0, 0, 0, 1, 0),
    ("Département de la Moselle", 1, 0, 0, 0, 0),
    ("UNAFAM 57", 0, 0, 1, 0, 0),
    ("GEM Camille Claudel", 0, 1, 0, 0, 0),
    ("Maison des Ados de Moselle", 1, 0, 0, 0, 0),
    ("Mission locale du Pays Messin", 1, 0, 0, 0, 0),
]


def f04(out: Path):
    name = "presences_COPIL_04-02-2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Réunion"
    put(ws, 1, ["Instance", "Date", "Lieu", "Modalité"], font=BOLD)
    put(ws, 2, ["Comité de pilotage", date(2025, 2, 4), "CH Jury - salle du conseil", "présentiel"])
    widths(ws, 22, 12, 30, 12)
    ws2 = wb.create_sheet("Présences")
    put(ws2, 1, ["COPIL du mardi 4 février 2025 - présents par structure"], font=TITLE)
    put(ws2, 3, ["Structure", "Professionnels", "Usagers", "Aidants", "Élus", "Bénévoles"],
        font=BOLD, fill=GREY)
    for i, row in enumerate(COPIL_TALLY):
        # zero counts left empty, as people do, except a few typed 0
        cells = [row[0]] + [c if c else (0 if i % 3 == 0 else None) for c in row[1:]]
        put(ws2, 4 + i, cells)
    last = 4 + len(COPIL_TALLY)
    totals = [sum(r[k] for r in COPIL_TALLY) for k in range(1, 6)]
    put(ws2, last, ["TOTAL"] + totals, font=BOLD)
    widths(ws2, 34, 15, 10, 10, 8, 11)
    wb.save(out / name)
    pairs = sum(1 for r in COPIL_TALLY for c in r[1:] if c)
    note(name, ["meeting", "attendance"], {"Réunion": 1, "Présences": len(COPIL_TALLY)},
         {"meeting": 1, "attendance": pairs},
         "Tally with one column per role category, zeros sometimes typed and sometimes left blank, "
         "« Maison des Ados » and a TOTAL line.")


# --------------------------------------------------------------------------------------------
# 5. Ordinary: awareness sessions and trainings (dates in several forms, « 16 pers. », « env. »)
# --------------------------------------------------------------------------------------------
SESSIONS = [
    (date(2024, 3, 14), "Sensibilisation", "Sensibilisation en santé mentale - module de base",
     "Travailleurs sociaux", "CCAS de Metz", "présentiel", 1, 14, "CLSM", ""),
    ("23/05/2024", "Formation PSSM", "Premiers secours en santé mentale (module standard)",
     "Professionnels du territoire", "Centre Pierre Janet", "présentiel", 2, "24", "Centre Pierre Janet",
     "2 jours"),
    ("juin 2024", "Sensibilisation", "Santé mentale des jeunes", "Animateurs jeunesse", "",
     "distanciel", 1, "16 pers.", "CLSM", "date exacte à retrouver"),
    (date(2024, 10, 10), "Sensibilisation", "Sensibilisation des agents d'accueil de la MDPH",
     "Agents d'accueil", "MDPH", "distanciel", 1, 11, "CLSM", ""),
    ("21/11/24", "Formation", "Formation croisée psychiatrie / social", "Professionnels CLSM",
     "CH Jury", "présentiel", 1, "env. 25", "CLSM et CH Jury", "1re session"),
    (date(2025, 2, 6), "Sensibilisation", "Santé mentale et précarité",
     "Bénévoles associatifs", "RESAM", "présentiel", 1, 18, "CLSM", ""),
    ("03/2025", "Formation PSSM", "PSSM module jeunes", "Professionnels jeunesse",
     "Mission locale", "présentiel", 1, "12", "Centre Pierre Janet", ""),
]


def f05(out: Path):
    name = "sensibilisations_formations_2024-2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Sessions"
    put(ws, 1, ["Sensibilisations et formations en santé mentale - 2024 / 2025"], font=TITLE)
    put(ws, 3, ["Date", "Type d'action", "Intitulé", "Public visé", "Lieu", "Modalité",
                "Nb de sessions", "Nb de participants", "Organisateur", "Remarques"], font=BOLD)
    for i, row in enumerate(SESSIONS):
        put(ws, 4 + i, list(row))
    widths(ws, 12, 18, 50, 26, 20, 12, 10, 12, 22, 24)
    wb.save(out / name)
    note(name, ["event"], len(SESSIONS), {"event": len(SESSIONS)},
         "Dates as date cells, « 23/05/2024 », « 21/11/24 », « juin 2024 » and « 03/2025 »; counts "
         "« 16 pers. » and « env. 25 ».")


# --------------------------------------------------------------------------------------------
# 6. Ordinary: follow-up of the 2022 programme (no plan column, statuses in people's words)
# --------------------------------------------------------------------------------------------
FOLLOW_UP_2022 = [
    (1, "Module de sensibilisation en santé mentale accessible à distance", "en cours",
     "01/03/2022", "", "tournage des interventions au printemps", True),
    (3, "Promotion des Premiers secours en santé mentale (PSSM) auprès des professionnels du "
        "territoire messin", "terminé", "01/01/2022", "31/12/2022", "", True),
    (5, "Poursuite de l'organisation des Semaines d'information sur la santé mentale (SISM)",
     "terminé", "", "23/10/2022", "SISM du 10 au 23 octobre", True),
    (6, "Version grand public du guide santé mentale", "A lancer", "", "", "", True),
    (13, "Création d'une équipe mobile psychiatrie précarité (EMPP) sur le territoire messin",
     "reporté en 2023", "", "", "réponse de l'ARS attendue", True),
    (17, "Appui du CLSM à la mise en place d'un réseau psypérinatalité (Centre psychothérapeutique "
         "Winnicott)", "fait en partie", "sept. 2022", "", "cartographie faite, réunion à caler", True),
    (20, "Communication sur les dispositifs de prévention du mal-être des jeunes (dont Stopblues)",
     "en cours", "", "", "", True),
    (21, "Ciné-débat santé mentale au cinéma (action ajoutée en cours d'année)", "terminé",
     "13/10/2022", "13/10/2022", "ajout groupe culture/loisirs", False),
]


def f06(out: Path):
    name = "suivi_programme_2022.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Suivi"
    put(ws, 1, ["Programme d'actions 2022 - suivi au 15/12/2022"], font=TITLE)
    put(ws, 3, ["N°", "Intitulé de l'action", "Statut", "Date de début", "Échéance",
                "Commentaire"], font=BOLD, fill=GREY)
    for i, row in enumerate(FOLLOW_UP_2022):
        put(ws, 4 + i, list(row[:6]))
        ws.cell(row=4 + i, column=2).alignment = Alignment(wrap_text=True)
    widths(ws, 5, 70, 16, 13, 13, 40)
    wb.save(out / name)
    new = sum(1 for row in FOLLOW_UP_2022 if not row[6])
    note(name, ["action"], len(FOLLOW_UP_2022), {"action": new},
         "No plan column (the plan is in the title line), statuses « en cours », « A lancer », "
         "« reporté en 2023 », « fait en partie », and one action added during the year.")


# --------------------------------------------------------------------------------------------
# 7. Ordinary: sheet n°15 indicators, one column per year, units in the cells
# --------------------------------------------------------------------------------------------
INDICATORS = [
    # label, type, {year: value}, years already in the seed with the same value
    ("Nombre d'actions réalisées par rapport au prévisionnel", "processus",
     {2022: "12 / 20", 2023: "14 / 18", 2024: "15 / 19"}, set()),
    ("Nombre et typologie des réunions organisées dans le cadre du CLSM", "processus",
     {2021: 26, 2022: "31 réunions", 2023: 28, 2024: 34, 2025: 30}, {2021}),
    ("Nombre et typologie des acteurs représentés dans les instances", "processus",
     {2021: 90, 2022: 104, 2023: 97, 2024: 112, 2025: "environ 120"}, {2021}),
    ("Nb de partenaires qui déclarent avoir développé des collaborations", "résultat",
     {2023: 38, 2024: 42}, set()),
    ("Professionnels qui déclarent mieux connaître l'offre et les besoins", "résultat",
     {2024: "78 %"}, set()),
]


def f07(out: Path):
    name = "indicateurs_fiche15_2021-2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Indicateurs"
    put(ws, 1, ["CLS Ville de Metz 2022-2026 - Fiche action n°15 (coordination du CLSM) : "
                "indicateurs"], font=TITLE)
    years = [2021, 2022, 2023, 2024, 2025]
    put(ws, 3, ["Indicateur", "Type"] + years + ["Source"], font=BOLD, fill=GREY)
    for i, (label, kind, values, _seed) in enumerate(INDICATORS):
        put(ws, 4 + i, [label, kind] + [values.get(y) for y in years] + ["bilans annuels du CLSM"])
    put(ws, 5 + len(INDICATORS), ["2025 : chiffres arrêtés au 31/12/2025"])
    widths(ws, 62, 11, 10, 12, 10, 10, 13, 24)
    wb.save(out / name)
    new = sum(len(set(v) - s) for _l, _k, v, s in INDICATORS)
    note(name, ["indicator_value"], len(INDICATORS), {"indicator_value": new},
         "One column per year, values « 31 réunions », « 78 % », « environ 120 » and « 12 / 20 », "
         "indicator labels shortened, a line under the table.")


# --------------------------------------------------------------------------------------------
# 8. Ordinary: an online form's export (questions as headers, Horodateur)
# --------------------------------------------------------------------------------------------
FORM = [
    ("16/01/2025 11:02:37", "Groupe projets « précarité »", "14/01/2025", "En visioconférence", "",
     "Dossier EMPP, accès aux CMP pour les personnes à la rue",
     "Rencontre avec les CMP à organiser", "11/03/2025"),
    ("29/01/2025 17:45:10", "Groupe projets « participation/citoyenneté »", "28/01/2025",
     "En présentiel", "GEM L'Albatros", "Place des usagers dans les instances",
     "Deux adhérents de GEM invités au COPIL", ""),
    ("19/02/2025 09:12:55", "Groupe projets « logement »", "18/02/2025", "En présentiel",
     "AMLI - salle de réunion", "Résidence accueil, bilan avec les bailleurs", "", "08/04/2025"),
    ("14/05/2025 16:30:02", "Groupe projets « jeunes »", "13/05/2025", "Les deux (hybride)",
     "Maison des adolescents", "Préparation SISM 2025 côté jeunes",
     "Stand commun MDA / Mission locale au forum", ""),
    ("12/06/2025 10:05:48", "Groupe projets « enfance/parentalité »", "10/06/2025", "En présentiel",
     "CMP Winnicott", "Réseau psypérinatalité", "", "16/09/2025"),
    ("01/10/2025 08:58:21", "Comité de pilotage", "30/09/2025", "En présentiel", "CH Jury",
     "Point d'étape CLS, SISM 2025", "Bilan à présenter en décembre", "02/12/2025"),
]


def f08(out: Path):
    name = "formulaire_compte_rendu_reunions.csv"
    rows = [["Horodateur", "Quelle instance s'est réunie ?", "Date de la réunion",
             "La réunion s'est tenue…", "Lieu (si présentiel)", "Principaux sujets abordés",
             "Décisions prises", "Date de la prochaine réunion"]]
    rows.extend(list(r) for r in FORM)
    write_csv(out / name, rows, sep=",", encoding="utf-8")
    note(name, ["meeting"], len(FORM), {"meeting": len(FORM)},
         "Export of an online form: the questions are the headers, a « Horodateur » column and "
         "modes answered « En visioconférence » or « Les deux (hybride) ».")


# --------------------------------------------------------------------------------------------
# 9. Ordinary: the culture/loisirs group's ciné-débats (approximate audiences)
# --------------------------------------------------------------------------------------------
CINE = [
    (date(2024, 10, 15), "Ciné-débat", "Ciné-débat « Sur l'Adamant »", "Cinéma Le Klub",
     "GEM Camille Claudel, CMP", "environ 60", ""),
    (date(2024, 11, 26), "Ciné-débat", "Ciné-débat « Les Intranquilles »", "Cinéma Le Klub",
     "UNAFAM 57", "45", ""),
    (date(2025, 1, 28), "Ciné-débat", "Ciné-débat « Vol au-dessus d'un nid de coucou »",
     "Médiathèque du Pontiffroy", "CLSM", "75 (complet)", "salle de 75 places"),
    (date(2025, 3, 25), "Ciné-débat", "Ciné-débat « Le Monde de Charlie »", "Cinéma Le Klub",
     "Maison des adolescents", "38", "public lycéen"),
    (date(2025, 5, 13), "Ciné-débat", "Ciné-débat « Patients »", "Cinéma Le Klub",
     "GEM L'Albatros", "près de 80", ""),
]


def f09(out: Path):
    name = "cine-debats_saison_2024-2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Ciné-débats"
    put(ws, 1, ["Cycle ciné-débats « Regards sur la santé mentale » - saison 2024-2025"], font=TITLE)
    put(ws, 2, ["Groupe projets culture/loisirs"])
    put(ws, 4, ["Date", "Type", "Intitulé", "Lieu", "Débat animé par", "Nb de spectateurs",
                "Observations", "Thème"], font=BOLD)
    for i, row in enumerate(CINE):
        put(ws, 5 + i, list(row) + ["Culture"], fmt="D MMMM YYYY")
    widths(ws, 18, 12, 48, 22, 26, 16, 22, 10)
    wb.save(out / name)
    note(name, ["event"], len(CINE), {"event": len(CINE)},
         "Audiences « environ 60 », « 75 (complet) », « près de 80 »; a theme typed « Culture »; "
         "dates shown as « 15 octobre 2024 ».")


# --------------------------------------------------------------------------------------------
# 10. Ordinary: the 18/11/2021 attendance typed again by a secretary (nothing new)
# --------------------------------------------------------------------------------------------
RETYPED_2021 = [
    ("Département de la Moselle", "Professionnels", 2),
    ("Mission locale du pays messin", "Professionnels", 1),
    ("SUMPPS (Université de Lorraine)", "Professionnels", 1),
    ("CRP Metz (EPNAK)", "Professionnels", 1),
    ("Pension de famille ADOMA", "Professionnels", 1),
    ("ADOMA", "Professionnels", 1),
    ("GEM Camille Claudel", "Usagers", 1),
    ("GEM Camille Claudel", "Professionnels", 1),
    ("GEM L'Albatros", "Usagers", 1),
    ("SAMELY", "Professionnels", 1),
    ("UNAFAM 57", "Aidants", 2),
    ("CMPP des PEP57", "Professionnels", 1),
    ("Médecins du Monde Metz", "Professionnels", 2),
    ("CH Jury", "Professionnels", 2),
    ("CH Jury - La villa relais", "Professionnels", 1),
    ("Eurométropole de Metz", "Professionnels", 1),
    ("RESAM", "Bénévoles", 1),
    ("EMAMS", "Professionnels", 1),
    ("Ville de Metz - Pôle petite enfance", "Professionnels", 1),
    ("Multi-accueil Les Marmousets", "Professionnels", 1),
    ("RSMA", "Professionnels", 2),
    ("DDCS", "Professionnels", 1),
    ("CSAPA les Wads", "Professionnels", 1),
]


def f10(out: Path):
    name = "participants_reunion_CLSM_18-11-2021.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Participants"
    put(ws, 1, ["Réunion CLSM du 18/11/2021 (Maison des adolescents et visio) - participants par "
                "structure"], font=BOLD)
    put(ws, 2, ["Structure", "Catégorie", "Nombre"], font=BOLD, fill=GREY)
    for i, row in enumerate(RETYPED_2021):
        put(ws, 3 + i, list(row))
    put(ws, 3 + len(RETYPED_2021), ["Total", None, sum(r[2] for r in RETYPED_2021)], font=BOLD)
    widths(ws, 40, 16, 9)
    wb.save(out / name)
    assert sum(r[2] for r in RETYPED_2021) == 28
    note(name, ["attendance"], len(RETYPED_2021), {"attendance": 0},
         "The seed meeting of 18/11/2021 named only in the title line, its 28 participants typed "
         "again with shortened structure names and plural categories, and a Total line.")


# --------------------------------------------------------------------------------------------
# 11. Harder: an Outlook calendar export (cp1252, every field quoted, multi-line descriptions)
# --------------------------------------------------------------------------------------------
OUTLOOK_HEADER = [
    "Objet", "Date de début", "Heure de début", "Date de fin", "Heure de fin", "Journée entière",
    "Rappel actif/inactif", "Date de rappel", "Heure de rappel", "Organisateur d'une réunion",
    "Participants obligatoires", "Participants facultatifs", "Ressources de la réunion",
    "Afficher la disponibilité", "Catégories", "Critère de diffusion", "Description", "Emplacement",
    "Facturation", "Informations facturation", "Kilométrage", "Priorité", "Privé", "Sensibilité",
]
OUTLOOK = [
    ("COPIL CLSM", "13/01/2026", "14:00:00", "16:00:00", "CH Jury - salle du conseil",
     "Ordre du jour :\r\n- bilan 2025\r\n- programme 2026\r\n- point fiche 15 du CLS"),
    ("CLSM - GT Logement", "20/01/2026", "10:00:00", "12:00:00", "Réunion Microsoft Teams",
     "Suite de la concertation logement.\r\nLien Teams dans l'invitation."),
    ("[CLSM] Groupe projets Jeunes", "03/02/2026", "09:30:00", "12:00:00",
     "Maison des adolescents, Metz", "Préparation des actions jeunes 2026"),
    ("GT précarité (CLSM)", "10/02/2026", "14:00:00", "16:00:00", "Carrefour des solidarités",
     "Interventions des CMP : retour d'expérience"),
    ("CLSM : GT Culture/loisirs", "24/03/2026", "14:00:00", "16:00:00", "Réunion Microsoft Teams",
     "Ciné-débats 2026"),
    ("CLSM - GT participation citoyenneté", "31/03/2026", "14:00:00", "16:00:00",
     "GEM Camille Claudel", "Place des personnes concernées dans les instances"),
    ("Plénière CLSM 2026", "18/06/2026", "14:00:00", "16:30:00", "Hôtel de Ville de Metz",
     "Assemblée plénière annuelle.\r\nInvitation envoyée à l'ensemble des partenaires."),
]


def f11(out: Path):
    name = "export_agenda_Outlook_CLSM_2026.csv"
    rows = [OUTLOOK_HEADER]
    for subject, day, start, end, place, description in OUTLOOK:
        row = {h: "" for h in OUTLOOK_HEADER}
        row.update({
            "Objet": subject, "Date de début": day, "Heure de début": start, "Date de fin": day,
            "Heure de fin": end, "Journée entière": "Faux", "Rappel actif/inactif": "Vrai",
            "Date de rappel": day, "Heure de rappel": "09:00:00",
            "Organisateur d'une réunion": "Coordination CLSM", "Afficher la disponibilité": "2",
            "Catégories": "CLSM", "Critère de diffusion": "Normal", "Description": description,
            "Emplacement": place, "Priorité": "Normale", "Privé": "Faux", "Sensibilité": "Normal",
        })
        rows.append([row[h] for h in OUTLOOK_HEADER])
    write_csv(out / name, rows, sep=",", encoding="cp1252", quote_all=True)
    note(name, ["meeting"], len(OUTLOOK), {"meeting": len(OUTLOOK)},
         "Outlook's French calendar export: 24 quoted columns in Windows-1252, the instance only in "
         "the subject (« GT Logement », « Plénière CLSM 2026 »), descriptions over several lines.")


# --------------------------------------------------------------------------------------------
# 12. Harder: a plenary sign-in sheet, names blanked, categories from « Fonction », excused rows
# --------------------------------------------------------------------------------------------
SIGN_IN = [
    # structure as written, function, signature column, seed structure, category (None: excused)
    ("CH JURY", "Directeur adjoint", "présent", "ch-jury", "professionnel"),
    ("CH JURY", "Psychiatre, chef de pôle", "présente", "ch-jury", "professionnel"),
    ("CH JURY", "Coordinatrice du CLSM", "présente", "ch-jury", "professionnel"),
    ("CH Jury - CMP 1", "Infirmier", "présent", "ch-jury-cmp-1", "professionnel"),
    ("Ville de Metz", "Adjointe au maire déléguée à la santé", "présente", "ville-metz", "élu"),
    ("Ville de Metz", "Conseiller municipal délégué", "excusé", "ville-metz", None),
    ("Ville de Metz - Pôle petite enfance", "Responsable de pôle", "présente",
     "ville-metz-pole-petite-enfance", "professionnel"),
    ("Eurométropole", "Vice-président", "présent", "eurometropole-metz", "élu"),
    ("ARS Grand Est", "Chargée de mission santé mentale", "présente", "ars-grand-est",
     "professionnel"),
    ("Département de la Moselle", "Travailleuse sociale", "présente", "departement-moselle",
     "professionnel"),
    ("UNAFAM 57", "Adhérente", "présente", "unafam-moselle", "aidant"),
    ("UNAFAM 57", "Adhérent", "présent", "unafam-moselle", "aidant"),
    ("GEM L'Albatros", "Adhérent", "présent", "gem-albatros", "usager"),
    ("GEM L'Albatros", "Animatrice", "présente", "gem-albatros", "professionnel"),
    ("GEM Camille Claudel", "Adhérente", "présente", "gem-camille-claudel", "usager"),
    ("GEM Camille Claudel", "Adhérent", "présent", "gem-camille-claudel", "usager"),
    ("MDA 57", "Psychologue", "présente", "mda-moselle", "professionnel"),
    ("Mission Locale du Pays Messin", "Conseillère référente santé", "présente",
     "mission-locale-pays-messin", "professionnel"),
    ("Médecins du Monde", "Bénévole", "présent", "medecins-du-monde-metz", "bénévole"),
    ("RESAM", "Bénévole", "présente", "resam", "bénévole"),
    ("Centre Pierre Janet", "Psychologue", "excusée", "centre-pierre-janet", None),
    ("ADOMA", "Responsable développement social", "présent", "adoma", "professionnel"),
    ("EMAMS", "Infirmière", "présente", "emams", "professionnel"),
    ("Préfecture de la Moselle", "Chargé de mission", "excusé", "prefecture-moselle", None),
    ("CMSEA", "Éducateur spécialisé", "présent", "cmsea", "professionnel"),
]


def f12(out: Path):
    name = "emargement_pleniere_17-06-2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Emargement"
    put(ws, 1, ["CONSEIL LOCAL DE SANTÉ MENTALE DU TERRITOIRE MESSIN"], font=TITLE)
    put(ws, 2, ["Assemblée plénière - mardi 17 juin 2025 - 14h00 / 16h30"], font=BOLD)
    put(ws, 3, ["Lieu : Hôtel de Ville de Metz, grand salon"])
    put(ws, 5, ["N°", "NOM", "Prénom", "Structure", "Fonction", "Émargement"], font=BOLD, fill=GREY)
    for i, (structure, function, sign, _sid, _cat) in enumerate(SIGN_IN):
        put(ws, 6 + i, [i + 1, None, None, structure, function, sign])
    end = 6 + len(SIGN_IN)
    put(ws, end + 1, ["Noms et prénoms retirés avant transmission à la coordination (RGPD)."])
    put(ws, end + 2, [f"{sum(1 for r in SIGN_IN if r[4])} présents, "
                      f"{sum(1 for r in SIGN_IN if not r[4])} excusés"])
    widths(ws, 5, 14, 14, 36, 40, 13)
    wb.save(out / name)
    pairs = {(r[3], r[4]) for r in SIGN_IN if r[4]}
    note(name, ["meeting", "attendance"], len(SIGN_IN),
         {"meeting": 1, "attendance": len(pairs)},
         "A sign-in sheet (one row per person, NOM/Prénom emptied) whose meeting is only in the "
         "title lines; the category comes from « Fonction », excused people and two footer lines.")


# --------------------------------------------------------------------------------------------
# 13. Harder: action sheets laid out label | value, one sheet per sheet, ticked boxes
# --------------------------------------------------------------------------------------------
FICHES = {
    "Fiche 15": (False, [
        ("Fiche action n°", 15),
        ("Intitulé de l'action", "Coordination du Conseil local de santé mentale"),
        ("Axe", "Axe 2 - Promouvoir le bien-être psychique"),
        ("Porteur", "CH de Jury"),
        ("Phase", "☐ Phase de conception   ☒ Phase de mise en œuvre"),
        ("Durée", "☐ Annuelle   ☒ Pluriannuelle"),
        ("Date de début", date(2022, 1, 1)),
        ("Date de fin", "31/12/2026"),
        ("Budget prévisionnel", "5 000,00 €"),
        ("Financeurs", "ARS, Ville de Metz"),
        ("Mise à jour", "le 30/09/2025"),
        ("Commentaire", "module numérique en ligne depuis 2023"),
    ]),
    "Fiche 21": (True, [
        ("Fiche action n°", 21),
        ("Intitulé de l'action",
         "Premiers secours en santé mentale pour les agents d'accueil de la Ville de Metz"),
        ("Axe", "Axe 2 - Promouvoir le bien-être psychique"),
        ("Porteur", "Ville de Metz"),
        ("Phase", "☐ Phase de conception   ☒ Phase de mise en œuvre"),
        ("Typologie", "☒ Nouvelle action   ☐ Action expérimentale   ☐ Action reconduite"),
        ("Durée", "☒ Annuelle   ☐ Pluriannuelle"),
        ("Date de début", "janv. 2025"),
        ("Date de fin", "déc. 2025"),
        ("Budget prévisionnel", "3 200 € TTC"),
        ("Financeurs", "Ville de Metz"),
        ("Mise à jour", "le 30/09/2025"),
        ("Commentaire", "2 sessions faites sur 4 prévues, formateurs du Centre Pierre Janet"),
    ]),
    "Fiche 22": (True, [
        ("Fiche action n°", 22),
        ("Intitulé de l'action",
         "Repérage de la souffrance psychique des personnes âgées isolées"),
        ("Axe", "Axe 2 - Promouvoir le bien-être psychique"),
        ("Porteur", "Ville de Metz"),
        ("Phase", "☒ Phase de conception   ☐ Phase de mise en œuvre"),
        ("Typologie", "☒ Nouvelle action   ☐ Action expérimentale   ☐ Action reconduite"),
        ("Durée", "☐ Annuelle   ☒ Pluriannuelle"),
        ("Date de début", "2e semestre 2025"),
        ("Date de fin", "fin 2026"),
        ("Budget prévisionnel", "non chiffré"),
        ("Financeurs", ""),
        ("Mise à jour", "le 30/09/2025"),
        ("Commentaire", "groupe de travail à constituer avec les acteurs du maintien à domicile"),
    ]),
}


def f13(out: Path):
    name = "fiches_actions_CLS_2022-2026_MAJ_sept2025.xlsx"
    wb = Workbook()
    wb.remove(wb.active)
    for sheet, (_new, lines) in FICHES.items():
        ws = wb.create_sheet(sheet)
        put(ws, 1, ["CONTRAT LOCAL DE SANTÉ - VILLE DE METZ 2022-2026"], font=TITLE)
        put(ws, 2, ["Fiche de suivi des actions (mise à jour septembre 2025)"])
        for i, (label, value) in enumerate(lines):
            put(ws, 4 + i, [label], font=BOLD, fill=GREY)
            put(ws, 4 + i, [value], col=2)
        widths(ws, 26, 80)
    wb.save(out / name)
    new = sum(1 for is_new, _l in FICHES.values() if is_new)
    note(name, ["action"], {sheet: 1 for sheet in FICHES}, {"action": new},
         "Each action sheet laid out label | value on its own sheet, phase, typology and duration "
         "as ticked boxes (☒/☐), dates « janv. 2025 », « 2e semestre 2025 », « fin 2026 », budget "
         "« 3 200 € TTC » or « non chiffré »; no plan column (the plan is in the title).")


# --------------------------------------------------------------------------------------------
# 14. Harder: attendance cross-table, structures x meetings, cells « 1 pro + 1 usager »
# --------------------------------------------------------------------------------------------
GT_MEETINGS = [
    # header as typed, instance, date, place, mode
    ("GT Précarité\n14/01/25", "Groupe projets « précarité »", date(2025, 1, 14), "", "visio"),
    ("GT Participation\n28/01/25", "Groupe projets « participation/citoyenneté »",
     date(2025, 1, 28), "GEM L'Albatros", "présentiel"),
    ("GT Logement\n18/02/25", "Groupe projets « logement »", date(2025, 2, 18), "AMLI",
     "présentiel"),
    ("GT Jeunes\n11/03/25", "Groupe projets « jeunes »", date(2025, 3, 11),
     "Maison des adolescents", "hybride"),
]
ABBR = {"professionnel": "pro", "usager": "usager", "aidant": "aidant", "élu": "élu",
        "bénévole": "bén."}
GT_GRID = [
    # structure as typed, one entry per meeting: list of (count, category), or "exc."
    ("CH Jury (ERAH, CMP)", [[(2, "professionnel")], [(1, "professionnel")],
                             [(2, "professionnel")], [(1, "professionnel")]]),
    ("Maison des ados", [[], [], [], [(2, "professionnel")]]),
    ("Mission locale", [[], [(1, "professionnel")], [], [(1, "professionnel")]]),
    ("EMAMS", [[(1, "professionnel")], [], "exc.", []]),
    ("Médecins du Monde", [[(1, "professionnel"), (1, "bénévole")], [], [], []]),
    ("Carrefour des solidarités", [[(1, "professionnel")], [], [], []]),
    ("GEM L'Albatros", [[(1, "usager")], [(1, "professionnel"), (2, "usager")], [],
                        [(1, "usager")]]),
    ("GEM Camille Claudel", [[], [(3, "usager")], [], []]),
    ("UNAFAM 57", [[], [(1, "aidant")], [(1, "aidant")], [(1, "aidant")]]),
    ("ADOMA", [[], [], [(2, "professionnel")], []]),
    ("AMLI", [[], [], [(1, "professionnel")], []]),
    ("Ville de Metz", [[], [(1, "élu")], [(1, "professionnel")], "exc."]),
    ("RESAM", [[(1, "bénévole")], [(1, "bénévole")], [], []]),
    ("SUMPPS", [[], [], [], [(1, "professionnel")]]),
]


def cell_text(entry):
    if isinstance(entry, str):
        return entry
    if not entry:
        return None
    return " + ".join(f"{n} {ABBR[cat]}" for n, cat in entry)


def f14(out: Path):
    name = "presences_groupes_projets_T1_2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences T1"
    put(ws, 1, ["Groupes projets - présences du 1er trimestre 2025 (nombre de personnes par "
                "structure et par réunion)"], font=BOLD)
    put(ws, 3, ["Structure"] + [m[0] for m in GT_MEETINGS], font=BOLD, fill=GREY)
    for col in range(2, 2 + len(GT_MEETINGS)):
        ws.cell(row=3, column=col).alignment = Alignment(wrap_text=True, horizontal="center")
    for i, (structure, cells) in enumerate(GT_GRID):
        put(ws, 4 + i, [structure] + [cell_text(c) for c in cells])
    end = 4 + len(GT_GRID)
    totals = []
    for k in range(len(GT_MEETINGS)):
        totals.append(sum(n for _s, cells in GT_GRID if not isinstance(cells[k], str)
                          for n, _c in cells[k]))
    put(ws, end, ["Total personnes"] + totals, font=BOLD)
    put(ws, end + 2, ["pro = professionnel ; bén. = bénévole ; exc. = excusé (non compté)"])
    widths(ws, 28, 18, 22, 18, 18)
    ws2 = wb.create_sheet("Réunions")
    put(ws2, 1, ["Instance", "Date", "Lieu", "Modalité"], font=BOLD)
    for i, (_h, instance, day, place, mode) in enumerate(GT_MEETINGS):
        put(ws2, 2 + i, [instance, day, place, mode])
    widths(ws2, 44, 12, 24, 12)
    wb.save(out / name)
    pairs = sum(len(c) for _s, cells in GT_GRID for c in cells if not isinstance(c, str))
    note(name, ["meeting", "attendance"],
         {"Présences T1": len(GT_GRID), "Réunions": len(GT_MEETINGS)},
         {"meeting": len(GT_MEETINGS), "attendance": pairs},
         "Attendance as a cross-table: one column per meeting headed « GT Logement\\n18/02/25 », "
         "cells « 1 pro + 2 usager » or « exc. », a legend and a total line; the meetings are "
         "listed on a second sheet.")


# --------------------------------------------------------------------------------------------
# 15. Harder: the website directory's export (ids, HTML entities, capitals, empty contact columns)
# --------------------------------------------------------------------------------------------
DIRECTORY = [
    # id, title, acronym, category, address, postcode, town, lat, lon, site, seed?
    (101, "Centre Hospitalier de Jury", "CH Jury", "Soin &amp; prévention", "", "57245", "JURY",
     "49.0697", "6.2526", "", True),
    (104, "Unafam 57", "UNAFAM", "Usagers &amp; familles", "", "57000", "METZ", "49.1191", "6.1727",
     "", True),
    (117, "Groupe d&#039;entraide mutuelle Camille Claudel", "GEM", "Usagers &amp; familles", "",
     "57000", "METZ", "49.1160", "6.1790", "", True),
    (122, "Maison des Adolescents de Moselle", "MDA57", "Soin &amp; prévention", "", "57000",
     "METZ", "49.1120", "6.1750", "", True),
    (130, "Mission Locale du Pays Messin", "", "Emploi / insertion", "", "57000", "METZ",
     "49.1205", "6.1690", "", True),
    (138, "Médecins du Monde - Mission France - Metz", "", "Accès aux droits &amp; précarité", "",
     "57000", "METZ", "49.1180", "6.1820", "", True),
    (145, "AMLI", "AMLI", "Logement &amp; hébergement", "", "57000", "METZ", "49.1100", "6.1700",
     "", True),
    (146, "ADOMA", "", "Logement &amp; hébergement", "", "57000", "METZ", "49.1300", "6.1800", "",
     True),
    (160, "Point Accueil Écoute Jeunes de Metz", "PAEJ", "Soin &amp; prévention", "", "57000",
     "METZ", "49.1170", "6.1760", "", False),
    (161, "SOS Amitié Metz-Lorraine", "", "Soin &amp; prévention", "", "57000", "METZ", "", "", "",
     False),
    (163, "Croix-Rouge française - Unité locale de Metz", "", "Accompagnement social", "", "57000",
     "METZ", "49.1050", "6.1840", "", False),
    (170, "CIDFF de la Moselle", "CIDFF", "Accès aux droits &amp; précarité", "", "57000", "METZ",
     "49.1210", "6.1740", "", False),
]


def f15(out: Path):
    name = "annuaire_site_export_structures.csv"
    rows = [["id", "post_title", "acronyme", "categorie", "adresse", "code_postal", "ville",
             "latitude", "longitude", "telephone", "courriel", "site_web", "post_status",
             "post_modified"]]
    for i, d in enumerate(DIRECTORY):
        rows.append([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], "", "", d[9],
                     "publish", f"2025-0{1 + i % 9}-1{i % 10} 10:1{i % 10}:00"])
    write_csv(out / name, rows, sep=";", encoding="utf-8", bom=True)
    new = sum(1 for d in DIRECTORY if not d[10])
    note(name, ["structure"], len(DIRECTORY), {"structure": new},
         "A website plugin's export: English technical headers (post_title, categorie…), the "
         "plugin's ids, HTML entities (&amp;, &#039;), towns in capitals with postcodes, empty "
         "phone and e-mail columns, the website's own sector categories.")


# --------------------------------------------------------------------------------------------
# 16. Harder: a GEM volunteer's SISM 2025 programme and figures (week blocks, no year in dates)
# --------------------------------------------------------------------------------------------
SISM_2025 = [
    ("Semaine 1 (6 - 12 octobre)", None),
    ("lundi 6 oct.", ("18h", "Soirée d'ouverture : conférence-débat « Le lien social, ça se "
                      "soigne ? »", "Hôtel de Ville", "CLSM + Ville de Metz", "conférence",
                      "une centaine")),
    ("mer. 8/10", ("14h-17h", "Portes ouvertes du GEM L'Albatros", "locaux du GEM",
                   "GEM L'Albatros", "portes ouvertes", "30 personnes")),
    ("jeudi 9 octobre", ("20h", "Ciné-débat « Les Intranquilles »", "Cinéma Le Klub",
                         "UNAFAM 57 + CMP", "ciné-débat", "≈ 65")),
    ("sam. 11/10", ("10h-17h", "Forum « Prendre soin du lien »", "Place d'Armes",
                    "CLSM et 18 partenaires", "forum", "env. 250 (passages)")),
    ("", None),
    ("Semaine 2 (13 - 19 octobre)", None),
    ("mardi 14 oct.", ("14h", "Atelier d'écriture ouvert à tous", "Médiathèque",
                       "GEM Camille Claudel", "atelier", "12")),
    ("mer. 15/10", ("9h-12h", "Sensibilisation santé mentale des agents d'accueil", "Hôtel de Ville",
                    "CLSM", "sensibilisation", "15 (18 inscrits)")),
    ("ven. 17 oct.", ("14h", "Marche « Bouger pour sa santé mentale »", "Plan d'eau",
                      "Médecins du Monde + GEM", "balade", "?")),
    ("dim. 19/10", ("15h", "Exposition de clôture : œuvres des adhérents des GEM", "Arsenal (hall)",
                    "GEM Camille Claudel et GEM L'Albatros", "exposition", "non compté")),
]


def f16(out: Path):
    name = "SISM2025_programme_et_chiffres_GEM.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "SISM 2025"
    put(ws, 1, ["SISM 2025 « Pour notre santé mentale, réparons le lien social »"], font=TITLE)
    put(ws, 2, ["du 6 au 19 octobre 2025 - Metz et alentours"])
    put(ws, 3, ["Tableau tenu par les bénévoles du GEM pour la coordination"])
    put(ws, 5, ["Jour", "Heure", "Quoi ?", "Où ?", "Qui organise", "Type", "Public (nb)"],
        font=BOLD, fill=GREY)
    row = 6
    events = 0
    for day, detail in SISM_2025:
        if detail is None:
            if day:
                put(ws, row, [day], font=Font(bold=True, italic=True))
                ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
        else:
            put(ws, row, [day] + list(detail))
            events += 1
        row += 1
    put(ws, row + 1, ["Bilan provisoire : environ 530 participants sur les deux semaines, "
                      "26 partenaires"])
    put(ws, row + 2, ["Chiffres à confirmer par la coordination - transmis le 24/10/2025"])
    widths(ws, 16, 9, 62, 18, 34, 16, 20)
    wb.save(out / name)
    note(name, ["event"], events, {"event": events},
         "A volunteer's programme in week blocks (merged heading rows, a blank row), days without "
         "the year (« mer. 8/10 », « jeudi 9 octobre », year only in the title), counts « une "
         "centaine », « ≈ 65 », « 15 (18 inscrits) », « ? », « non compté », and a provisional "
         "summary under the table that is no row.")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: make_heldout7.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for make in (f01, f02, f03, f04, f05, f06, f07, f08, f09, f10, f11, f12, f13, f14, f15, f16):
        make(out)
    (out / "manifest.json").write_text(
        json.dumps(MANIFEST, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(MANIFEST)} files written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
