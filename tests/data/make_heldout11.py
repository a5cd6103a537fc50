"""Held-out set n°11: sixteen spreadsheets typed the way people of the CLSM's network type them.

Ten "ordinary" files, each with one or two everyday habits of the person who keeps it (the
coordinator, the executive assistant of the CH Jury direction, a volunteer of a GEM or of the
UNAFAM, the secretary of the Maison des adolescents, a city employee, an intern, a departmental
officer), and six harder ones, each hard in its own way (an Outlook calendar export, a Google
Forms sign-in export, a pivot table pasted as values, action sheets typed as forms with
checkboxes, minutes pasted from Word, one sheet per year with stacked tables).

No person's name, no personal e-mail, no phone number: attendance is counted per structure and
role category only. Structure, plan, action and instance names are the ones of the council's
documents (sometimes abbreviated the way people write them). Rows dated 2023-2026 and new
partners are test content, not facts of the council's documents.

Usage: python tests/data/make_heldout11.py OUTDIR  (writes 16 files and OUTDIR/manifest.json)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
GREY = PatternFill("solid", fgColor="D9D9D9")
WRAP = Alignment(wrap_text=True, vertical="top")
NBSP = "\u00a0"

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def long_french_date(day: dt.date) -> str:
    """'jeudi 8 février 2024', as typed in a calendar."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def header_row(ws: Worksheet, row: int, labels: list[str], fill: bool = True) -> None:
    """Write a bold (and grey) header line."""
    for col, label in enumerate(labels, start=1):
        cell = ws.cell(row=row, column=col, value=label)
        cell.font = BOLD
        if fill:
            cell.fill = GREY


def set_widths(ws: Worksheet, widths: list[int]) -> None:
    """Column widths, the way someone drags them so the text shows."""
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


def date_cell(ws: Worksheet, row: int, col: int, day: dt.date) -> None:
    """A true Excel date shown as 18/11/2021."""
    cell = ws.cell(row=row, column=col, value=day)
    cell.number_format = "DD/MM/YYYY"


def write_csv(path: Path, rows: list[list[object]], *, delimiter: str, encoding: str,
              quoting: int = csv.QUOTE_MINIMAL, lineterminator: str = "\r\n") -> None:
    """Write a CSV the way a given tool saves it (separator, encoding, line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator=lineterminator)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


# ---------------------------------------------------------------------------
# ordinary files
# ---------------------------------------------------------------------------


def calendrier_instances_2024(out: Path) -> dict:
    """Coordinator: the year's meeting calendar, title lines on top, dates typed in full."""
    name = "calendrier_instances_2024_coordo.xlsx"
    meetings = [
        ("COPIL", dt.date(2024, 2, 8), "14h00-16h00", "Présentiel", "CH Jury, salle du conseil",
         "Bilan 2023, programme d'actions 2024"),
        ("Groupe projets jeunes", dt.date(2024, 4, 18), "10h-12h", "Visio (Teams)", "Teams",
         "Collaborations entre la MDA et les acteurs locaux"),
        ("Groupe projets précarité", dt.date(2024, 5, 14), "14h-16h", "Présentiel",
         "Carrefour des solidarités", "Point d'étape EMPP"),
        ("Groupe projets enfance/parentalité", dt.date(2024, 6, 13), "9h30-11h30", "Hybride",
         "CMP Winnicott + Teams", "Réseau psypérinatalité"),
        ("Assemblée plénière", dt.date(2024, 6, 27), "9h30-12h00", "Présentiel",
         "Hôtel de Ville de Metz", "Présentation du bilan annuel 2023"),
        ("Groupe projets culture/loisirs", dt.date(2024, 9, 24), "14h-16h", "Présentiel",
         "Espace Bernard Marie Koltès", "Projet d'accès au théâtre"),
        ("Groupe projets emploi/formation", dt.date(2024, 10, 17), "10h-12h", "Visio (Teams)", "Teams",
         "Cartographie des acteurs de l'emploi et de la formation"),
        ("COPIL", dt.date(2024, 12, 3), "14h-16h", "Présentiel", "CH Jury",
         "Préparation du programme 2025"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Calendrier 2024"
    ws["A1"] = "CLSM du territoire messin — Calendrier des instances 2024"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:F1")
    ws["A2"] = "Mis à jour le 08/01/2025"
    ws["A2"].font = Font(italic=True)
    header_row(ws, 4, ["Instance", "Date", "Horaire", "Modalité", "Lieu", "Ordre du jour"])
    for i, (instance, day, hours, mode, place, agenda) in enumerate(meetings, start=5):
        for col, value in enumerate(
            [instance, long_french_date(day), hours, mode, place, agenda], start=1
        ):
            ws.cell(row=i, column=col, value=value)
    set_widths(ws, [34, 26, 14, 14, 30, 50])
    wb.save(out / name)
    return {name: {
        "tables": ["meeting"],
        "data_rows": len(meetings),
        "new_rows_in_fresh_seed": {"meeting": 8},
        "quirks": [
            "two title lines (merged title, 'Mis à jour le …') and a blank line above the header",
            "dates typed as text in full with the weekday ('jeudi 8 février 2024'), hours in a separate 'Horaire' column ('14h00-16h00')",
            "instances abbreviated ('COPIL', 'Groupe projets jeunes'), mode written 'Visio (Teams)'",
        ],
    }}


def emargement_copil_2025(out: Path) -> dict:
    """CH Jury executive assistant: one COPIL, a key/value block, one column per role category."""
    name = "emargement_copil_06-02-2025.xlsx"
    rows = [
        ("Centre hospitalier de Jury", 3, None, None, None),
        ("Ville de Metz", 1, None, None, 1),
        ("Eurométropole de Metz", None, None, None, 1),
        ("ARS Grand Est", 1, None, None, None),
        ("Département de la Moselle", 1, None, None, None),
        ("UNAFAM Moselle", None, None, 2, None),
        ("GEM Camille Claudel", 1, 2, None, None),
        ("GEM L'Albatros", None, 1, None, None),
        ("Maison des adolescents de Moselle", 1, None, None, None),
        ("CMSEA", 1, None, None, None),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Emargement"
    ws["A1"] = "Centre hospitalier de Jury — Direction des affaires générales"
    ws["A1"].font = BOLD
    ws["A3"], ws["B3"] = "Instance :", "Comité de pilotage du CLSM"
    ws["A4"] = "Date :"
    date_cell(ws, 4, 2, dt.date(2025, 2, 6))
    ws["A5"], ws["B5"] = "Lieu :", "CH Jury, salle du conseil (présentiel)"
    for r in (3, 4, 5):
        ws.cell(row=r, column=1).font = BOLD
    header_row(ws, 7, ["Structure", "Professionnels", "Usagers", "Aidants", "Élus", "Total"])
    row = 8
    for structure, *counts in rows:
        ws.cell(row=row, column=1, value=structure)
        for col, value in enumerate(counts, start=2):
            if value:
                ws.cell(row=row, column=col, value=value)
        ws.cell(row=row, column=6, value=sum(v or 0 for v in counts))
        row += 1
    ws.cell(row=row, column=1, value="TOTAL").font = BOLD
    for col in range(2, 7):
        if col < 6:
            total = sum(r[col - 1] or 0 for r in rows)
        else:
            total = sum(sum(v or 0 for v in r[1:]) for r in rows)
        ws.cell(row=row, column=col, value=total).font = BOLD
    set_widths(ws, [36, 15, 10, 10, 8, 8])
    wb.save(out / name)
    cells = sum(1 for r in rows for v in r[1:] if v)
    return {name: {
        "tables": ["meeting", "attendance"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"meeting": 1, "attendance": cells},
        "quirks": [
            "meeting given once in a key/value block above the table ('Instance :', 'Date :', 'Lieu :')",
            "one column per role category (Professionnels / Usagers / Aidants / Élus), empty cell = nobody",
            "a 'Total' column and a 'TOTAL' line at the bottom",
        ],
    }}


def gem_presences_participation(out: Path) -> dict:
    """GEM volunteer: semicolon CSV saved by Excel in Windows-1252, role written loosely."""
    name = "gem_albatros_presences_groupe_participation.csv"
    lines = [
        ["Date", "Réunion", "Lieu", "Structure", "Qui", "Nombre"],
        ["11/04/2024", "groupe participation citoyenneté", "local du GEM L'Albatros", "GEM L'Albatros", "adhérents usagers", "4"],
        ["11/04/2024", "groupe participation citoyenneté", "local du GEM L'Albatros", "GEM Camille Claudel", "usagers", "3"],
        ["11/04/2024", "groupe participation citoyenneté", "local du GEM L'Albatros", "UNAFAM 57", "aidants", "2"],
        ["11/04/2024", "groupe participation citoyenneté", "local du GEM L'Albatros", "CH Jury", "pro", "1"],
        ["11/04/2024", "groupe participation citoyenneté", "local du GEM L'Albatros", "RESAM", "bénévoles", "1"],
        ["11/04/2024", "groupe participation citoyenneté", "local du GEM L'Albatros", "GEM Camille Claudel", "pro", "1"],
        ["03/10/2024", "groupe participation citoyenneté", "GEM Camille Claudel", "GEM L'Albatros", "usagers", "5"],
        ["03/10/2024", "groupe participation citoyenneté", "GEM Camille Claudel", "GEM Camille Claudel", "usagers", "2"],
        ["03/10/2024", "groupe participation citoyenneté", "GEM Camille Claudel", "GEM Camille Claudel", "pro", "1"],
        ["03/10/2024", "groupe participation citoyenneté", "GEM Camille Claudel", "UNAFAM 57", "aidants", "1"],
        ["03/10/2024", "groupe participation citoyenneté", "GEM Camille Claudel", "CH Jury", "pro", "1"],
        ["03/10/2024", "groupe participation citoyenneté", "GEM Camille Claudel", "Ville de Metz", "élus", "1"],
    ]
    write_csv(out / name, lines, delimiter=";", encoding="cp1252")
    return {name: {
        "tables": ["meeting", "attendance"],
        "data_rows": len(lines) - 1,
        "new_rows_in_fresh_seed": {"meeting": 2, "attendance": 12},
        "quirks": [
            "CSV saved by Excel: ';' separator, Windows-1252 encoding, CRLF line ends",
            "role category typed loosely in the plural or abbreviated ('pro', 'usagers', 'adhérents usagers', 'élus', 'bénévoles')",
            "instance written without the group's official wording ('groupe participation citoyenneté')",
        ],
    }}


def mda_presences_groupe_jeunes(out: Path) -> dict:
    """MDA secretary: instance in the title line only, date and place merged over each meeting."""
    name = "mda_groupe_jeunes_presences_2025.xlsx"
    meetings = [
        (dt.date(2025, 1, 16), "MDA 57 (présentiel)", [
            ("Maison des adolescents de Moselle", "professionnel", 2),
            ("Mission locale du Pays Messin", "professionnel", 1),
            ("CASA", "professionnel", 1),
            ("SUMPPS – Université de Lorraine", "professionnel", 1),
            ("Éducation nationale", "professionnel", 2),
            ("UNAFAM Moselle", "aidant", 1),
            ("CMSEA", "professionnel", 1),
        ]),
        (dt.date(2025, 5, 15), "MDA 57 (présentiel)", [
            ("Maison des adolescents de Moselle", "professionnel", 2),
            ("Mission locale du Pays Messin", "professionnel", 2),
            ("Centre Pierre Janet", "professionnel", 1),
            ("Ville de Metz", "élu", 1),
            ("Ville de Metz", "professionnel", 1),
            ("GEM Camille Claudel", "usager", 1),
        ]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences GT jeunes"
    ws["A1"] = "Groupe projets « Jeunes et santé mentale » — feuille de présence 2025"
    ws["A1"].font = TITLE
    header_row(ws, 3, ["Date de la réunion", "Lieu", "Structure", "Catégorie", "Nb de personnes", "Remarque"])
    row = 4
    for day, place, lines in meetings:
        first = row
        date_cell(ws, row, 1, day)
        ws.cell(row=row, column=2, value=place)
        for structure, category, count in lines:
            ws.cell(row=row, column=3, value=structure)
            ws.cell(row=row, column=4, value=category)
            ws.cell(row=row, column=5, value=count)
            row += 1
        ws.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=1)
        ws.merge_cells(start_row=first, start_column=2, end_row=row - 1, end_column=2)
        ws.cell(row=first, column=1).alignment = Alignment(vertical="center")
        ws.cell(row=first, column=2).alignment = Alignment(vertical="center")
    ws.cell(row=14, column=6, value="dont une élue adjointe")
    set_widths(ws, [18, 22, 38, 15, 16, 28])
    wb.save(out / name)
    return {name: {
        "tables": ["meeting", "attendance"],
        "data_rows": sum(len(m[2]) for m in meetings),
        "new_rows_in_fresh_seed": {"meeting": 2, "attendance": 13},
        "quirks": [
            "the instance is only in the title line ('Groupe projets « Jeunes et santé mentale »'), not in a column",
            "date and place merged vertically over all the rows of a meeting (value only in the first row)",
        ],
    }}


def ville_sism_bilans(out: Path) -> dict:
    """City employee: SISM editions, numbers typed with a non-breaking thousands space."""
    name = "ville_metz_sism_bilans_2019-2025.xlsx"
    rows = [
        (2019, "« Santé mentale à l'ère du numérique »", 19, 9, "250", "rappel (édition déjà au bilan)"),
        (2023, "« À tous les âges de la vie, ma santé mentale est un droit »", 21, 14, f"1{NBSP}150", ""),
        (2024, "« En mouvement pour notre santé mentale »", 24, 18, f"1{NBSP}320", "dont course solidaire"),
        (2025, "« Pour notre santé mentale, réparons le lien social »", 26, 19, f"1{NBSP}480", "chiffres au 31/10"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "SISM"
    header_row(ws, 1, ["Édition", "Thème national", "Nb partenaires", "Nb d'événements", "Nb de participants", "Commentaire"])
    for year, theme, partners, events, participants, comment in rows:
        ws.append([f"SISM {year}", theme, partners, events, participants, comment or None])
    set_widths(ws, [12, 58, 15, 16, 18, 30])
    wb.save(out / name)
    return {name: {
        "tables": ["event"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"event": 3},
        "quirks": [
            "participants typed as text with a non-breaking thousands space ('1 150')",
            "year only inside the edition label ('SISM 2024'), theme between French quotes « »",
            "first line recalls the 2019 edition already in the seed (not new)",
        ],
    }}


def stagiaire_suivi_actions(out: Path) -> dict:
    """Intern: action statuses, default sheet name, dotted dates typed as text, no accents."""
    name = "suivi_actions_stagiaire_janv2025.xlsx"
    rows = [
        ("Module de sensibilisation en santé mentale accessible à distance", "mise en oeuvre", "12.06.2023", "ouverture de la plateforme"),
        ("Module de sensibilisation en santé mentale accessible à distance", "realisee", "15.01.2025", ""),
        ("Promotion des Premiers secours en santé mentale (PSSM) auprès des professionnels", "mise en oeuvre", "15.01.2025", "2 sessions en 2024"),
        ("Version grand public du guide santé mentale", "reportee", "15.01.2025", "attente maj du guide"),
        ("Documentaire sur l'expérience de vie avec des troubles psychiques", "realise", "20.11.2024", "projection pendant les SISM"),
        ("Projet d'accès au théâtre porté par l'Espace Bernard Marie Koltès", "abandonnee", "15.01.2025", ""),
        ("Création d'une équipe mobile psychiatrie précarité (EMPP)", "realisee", "02.09.2024", "équipe constituée"),
        ("Appui du CLSM à la mise en place d'un réseau psypérinatalité", "conception", "15.01.2025", ""),
        ("Communication sur les dispositifs de prévention du mal-être des jeunes (Stopblues)", "mise en oeuvre", "15.01.2025", ""),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Feuil1"  # Excel FR's default name, never renamed
    header_row(ws, 1, ["Action", "Statut", "Date de mise à jour", "Commentaire"], fill=False)
    for action, status, day, comment in rows:
        ws.append([action, status, day, comment or None])
    set_widths(ws, [80, 16, 20, 32])
    wb.save(out / name)
    return {name: {
        "tables": ["action_status"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"action_status": 9, "action": 0},
        "quirks": [
            "default sheet name 'Feuil1', plain unformatted header",
            "dates typed as text with dots ('15.01.2025'), the Alsace-Moselle habit",
            "statuses without accents or agreement ('mise en oeuvre', 'realisee', 'realise', 'reportee', 'abandonnee')",
            "action titles shortened or paraphrased; the same action appears twice with two dated statuses",
        ],
    }}


def unafam_sensibilisations(out: Path) -> dict:
    """UNAFAM volunteer: comma CSV from LibreOffice, two-digit years, free event kinds."""
    name = "unafam57_sensibilisations_cine-debats.csv"
    lines = [
        ["date", "type", "titre", "lieu", "nb partenaires", "nb participants"],
        ["14/03/24", "ciné-débat", "Ciné-débat « Les Intranquilles », échange avec les familles", "Metz", "3", "85"],
        ["21/03/24", "sensibilisation", "Mieux comprendre les troubles psychiques (familles et proches)", "Metz", "2", "18"],
        ["10/10/24", "ciné-débat", "Ciné-débat SISM 2024 « En mouvement pour notre santé mentale »", "Montigny-lès-Metz", "4", "110"],
        ["05/02/25", "formation", "Atelier Prospect Famille de l'UNAFAM", "Metz", "1", "12"],
        ["18/03/25", "sensibilisation", "Sensibilisation en santé mentale des bénévoles du RESAM", "Metz", "2", "22"],
    ]
    write_csv(out / name, lines, delimiter=",", encoding="utf-8", lineterminator="\n")
    return {name: {
        "tables": ["event"],
        "data_rows": len(lines) - 1,
        "new_rows_in_fresh_seed": {"event": 5},
        "quirks": [
            "comma CSV in UTF-8 from LibreOffice, lowercase headers",
            "two-digit years ('14/03/24')",
            "event kind as the volunteer calls it ('ciné-débat', 'sensibilisation', 'formation')",
        ],
    }}


def departement_annuaire_partenaires(out: Path) -> dict:
    """Departmental officer: structure directory, postcode and town in one upper-case cell."""
    name = "departement57_annuaire_partenaires_clsm.xlsx"
    rows = [
        ("Département de la Moselle", "CD57", "Collectivités et État", "Collectivité", "57000 METZ", "Oui", 2015),
        ("Centre hospitalier de Jury", "CH Jury", "Soins et prévention", "Centre hospitalier", "57245 JURY", "Oui", 2015),
        ("Ville de Metz", "", "Collectivités et État", "Collectivité", "57000 METZ", "Oui", 2015),
        ("UNAFAM Moselle", "UNAFAM 57", "Usagers et aidants", "Association", "57000 METZ", "Non", 2017),
        ("Mission locale du Pays Messin", "", "Emploi / formation", "Mission locale", "57000 METZ", "Non", 2019),
        ("Centre communal d'action sociale de Metz", "CCAS", "Accompagnement social et médico-social", "Établissement public", "57000 METZ", "Non", 2023),
        ("Bibliothèques-Médiathèques de Metz", "BMM", "Culture", "Service municipal", "57000 METZ", "Non", 2024),
        ("Centre d'information et d'orientation de Metz", "CIO", "Éducation", "Service de l'État", "57000 METZ", "Non", 2024),
        ("Foyer de jeunes travailleurs de Montigny-lès-Metz", "FJT", "Logement", "Association", "57950 MONTIGNY-LES-METZ", "Non", 2024),
        ("Maison de santé pluriprofessionnelle de Woippy", "MSP", "Soins et prévention", "Maison de santé", "57140 WOIPPY", "Non", 2025),
        ("Cité musicale-Metz", "", "Culture", "Établissement culturel", "57000 METZ", "Non", 2025),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Partenaires CLSM"
    header_row(ws, 1, ["Structure", "Sigle", "Secteur", "Type", "CP Ville", "Partenaire fondateur", "Membre depuis"])
    for r in rows:
        ws.append([v if v != "" else None for v in r])
    ws.auto_filter.ref = f"A1:G{len(rows) + 1}"
    ws.freeze_panes = "A2"
    set_widths(ws, [48, 12, 38, 24, 26, 20, 15])
    wb.save(out / name)
    return {name: {
        "tables": ["structure"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"structure": 6},
        "quirks": [
            "postcode and town in one upper-case cell without accents ('57950 MONTIGNY-LES-METZ')",
            "founding partner as 'Oui'/'Non', sector in the officer's own wording ('Emploi / formation', 'Culture')",
            "first five structures already in the seed (acronym written differently, e.g. 'CD57', 'UNAFAM 57'): not new",
        ],
    }}


def indicateurs_fiche15(out: Path) -> dict:
    """CH Jury direction: fiche 15 indicators, one column per year, a gap not yet measured."""
    name = "indicateurs_fiche15_2023-2025.xlsx"
    rows = [
        ("Nombre et typologie des réunions organisées dans le cadre du CLSM", "Processus", 29, 31, 27),
        ("Nombre et typologie des acteurs représentés dans les instances du CLSM", "Processus", 96, 104, 112),
        ("Nombre de partenaires qui déclarent avoir développé des collaborations dans le cadre du CLSM", "Résultat", 38, 45, None),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Indicateurs"
    ws["A1"] = "CLS Ville de Metz 2022-2026 — Fiche n°15 Coordination du CLSM"
    ws["A1"].font = TITLE
    header_row(ws, 3, ["Indicateur", "Type", "2023", "2024", "2025", "Source"])
    for i, (label, kind, v23, v24, v25) in enumerate(rows, start=4):
        for col, value in enumerate([label, kind, v23, v24, v25, "tableau de suivi / questionnaire"], start=1):
            ws.cell(row=i, column=col, value=value)
    ws.cell(row=8, column=1, value="Questionnaire partenaires 2025 : exploitation en cours.").font = Font(italic=True)
    set_widths(ws, [80, 12, 8, 8, 8, 32])
    wb.save(out / name)
    return {name: {
        "tables": ["indicator_value"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"indicator_value": 8},
        "quirks": [
            "one column per year (headers '2023', '2024', '2025' typed as text), indicator labels as in the sheet",
            "an empty 2025 cell (not yet measured) and a note line under the table",
        ],
    }}


def partenaires_des_actions(out: Path) -> dict:
    """Coordinator: partners of actions, the action written once then left blank below."""
    name = "partenaires_des_actions_2024.xlsx"
    groups = [
        ("Projet d'accès au théâtre porté par l'Espace Bernard Marie Koltès", [
            ("Espace Bernard Marie Koltès", "Porteur"),
            ("GEM Camille Claudel", "Partenaire"),
            ("Ville de Metz", "Financeur"),
            ("ARS Grand Est", "Financeur"),
        ]),
        ("Création d'une équipe mobile psychiatrie précarité (EMPP) sur le territoire messin", [
            ("CH Jury", "Porteur"),
            ("ARS Grand Est", "Financeur"),
            ("Carrefour des solidarités", "Partenaire"),
            ("Médecins du Monde", "Partenaire"),
        ]),
        ("Coordination du Conseil local de santé mentale (fiche 15)", [
            ("Centre hospitalier de Jury", "Porteur"),
            ("Ville de Metz", "Financeur"),
            ("Eurométropole de Metz", "Partenaire"),
        ]),
        ("Développement des collaborations entre les acteurs locaux et la Maison des adolescents", [
            ("Maison des adolescents de Moselle", "Partenaire"),
            ("Mission locale du Pays Messin", "Partenaire"),
            ("CASA", "Partenaire"),
        ]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Partenaires actions"
    header_row(ws, 1, ["Action", "Structure", "Rôle"])
    for action, partners in groups:
        for i, (structure, role) in enumerate(partners):
            ws.append([action if i == 0 else None, structure, role])
    set_widths(ws, [80, 34, 12])
    wb.save(out / name)
    return {name: {
        "tables": ["action_partner"],
        "data_rows": sum(len(p) for _, p in groups),
        "new_rows_in_fresh_seed": {"action_partner": 11},
        "quirks": [
            "action title written on the first row of its group only, the rows below left blank (not merged)",
            "roles capitalised ('Porteur', 'Partenaire', 'Financeur'); short structure names ('CH Jury', 'Médecins du Monde')",
            "three pairs already in the seed (fiche 15: CH Jury porteur, Ville de Metz financeur; MDA partner of the MDA action): not new",
        ],
    }}


# ---------------------------------------------------------------------------
# harder files
# ---------------------------------------------------------------------------


def outlook_calendar_export(out: Path) -> dict:
    """Outlook 'Exporter vers un fichier CSV' of the coordination mailbox's calendar."""
    name = "export_calendrier_outlook_clsm.csv"
    head = [
        "Objet", "Date de début", "Heure de début", "Date de fin", "Heure de fin", "Journée entière",
        "Rappel actif/inactif", "Date du rappel", "Heure du rappel", "Organisateur de la réunion",
        "Participants obligatoires", "Participants facultatifs", "Ressources de la réunion",
        "Afficher la disponibilité", "Catégories", "Critère de diffusion", "Description", "Emplacement",
        "Kilométrage", "Priorité", "Privé", "Respect de la vie privée", "Facturation",
    ]
    events = [
        ("CLSM – COPIL", dt.date(2025, 2, 6), "14:00:00", "16:00:00", "CH Jury - salle du conseil",
         "Ordre du jour :\r\n1. Bilan 2024\r\n2. Programme d'actions 2025"),
        ("ANNULÉ : CLSM - Groupe projets culture/loisirs", dt.date(2025, 5, 20), "14:00:00", "16:00:00",
         "Espace Bernard Marie Koltès", "Réunion annulée, reportée à l'automne."),
        ("CLSM : Plénière annuelle", dt.date(2025, 6, 24), "09:30:00", "12:00:00",
         "Hôtel de Ville de Metz + Teams", "Assemblée plénière du CLSM.\r\nLien Teams dans l'invitation."),
        ("GT situations de crise (CLSM)", dt.date(2025, 9, 23), "10:00:00", "12:00:00",
         "CMP 1 / Teams", "Guide de prévention et de gestion des situations de crise"),
        ("[CLSM] Groupe projets logement", dt.date(2025, 10, 2), "14:00:00", "16:00:00",
         "Réunion Microsoft Teams", "Ouverture de la concertation aux acteurs de l'hébergement"),
        ("CLSM – COPIL", dt.date(2025, 12, 4), "14:00:00", "16:00:00", "CH Jury",
         "Préparation du programme 2026"),
        ("Groupe projets précarité – CLSM", dt.date(2026, 1, 22), "09:30:00", "11:30:00",
         "Carrefour des solidarités", "Bilan de la première année de l'EMPP"),
        ("CLSM - groupe enfance/parentalité", dt.date(2026, 2, 12), "14:00:00", "16:00:00",
         "Réunion Microsoft Teams", "Réseau psypérinatalité : suite"),
    ]
    lines: list[list[object]] = [head]
    for subject, day, start, end, place, description in events:
        d = day.strftime("%d/%m/%Y")
        reminder = (day - dt.timedelta(days=1)).strftime("%d/%m/%Y")
        lines.append([
            subject, d, start, d, end, "Faux", "Vrai", reminder, start, "", "", "", "",
            "3", "CLSM", "Normal", description, place, "", "Normale", "Faux", "Normal", "",
        ])
    write_csv(out / name, lines, delimiter=",", encoding="cp1252", quoting=csv.QUOTE_ALL)
    return {name: {
        "tables": ["meeting"],
        "data_rows": len(events),
        "new_rows_in_fresh_seed": {"meeting": 7},
        "quirks": [
            "[harder] Outlook calendar export: 23 columns, every field quoted, Windows-1252, French Outlook headers ('Objet', 'Date de début', 'Heure de début', 'Journée entière' Vrai/Faux …)",
            "the instance is buried in the subject with prefixes/suffixes ('CLSM – COPIL', '[CLSM] Groupe projets logement', 'GT situations de crise (CLSM)')",
            "a cancelled meeting ('ANNULÉ : …') that must not become a meeting",
            "mode only inferable from the place ('Réunion Microsoft Teams', 'Hôtel de Ville de Metz + Teams'); multi-line descriptions inside quotes",
        ],
    }}


def google_forms_emargement(out: Path) -> dict:
    """Google Forms sign-in sheet exported as CSV: one line per person, counts to aggregate."""
    name = "reponses_formulaire_emargement_pleniere_2024.csv"
    meeting = "Assemblée plénière du CLSM – jeudi 27 juin 2024"
    pro, usager, aidant = "Professionnel(le)", "Usager / personne concernée", "Proche / aidant(e)"
    elu, benevole = "Élu(e)", "Bénévole associatif(ve)"
    answers = [
        ("27/06/2024 09:02:11", "CH Jury", pro),
        ("27/06/2024 09:03:40", "Centre Hospitalier de Jury", pro),
        ("27/06/2024 09:05:02", "Ville de Metz", pro),
        ("27/06/2024 09:05:58", "UNAFAM 57", aidant),
        ("27/06/2024 09:06:31", "GEM l'Albatros", usager),
        ("27/06/2024 09:06:55", "GEM l'Albatros", usager),
        ("27/06/2024 09:07:20", "Gem Albatros", usager),
        ("27/06/2024 09:08:03", "GEM Camille Claudel", usager),
        ("27/06/2024 09:08:47", "GEM Camille Claudel", pro),
        ("27/06/2024 09:10:12", "Maison des Ados 57", pro),
        ("27/06/2024 09:11:29", "Mission Locale du Pays Messin", pro),
        ("27/06/2024 09:12:05", "Adoma", pro),
        ("27/06/2024 09:12:44", "AMLI", pro),
        ("27/06/2024 09:13:18", "RESAM", benevole),
        ("27/06/2024 09:14:00", "Mairie de Metz", elu),
        ("27/06/2024 09:14:36", "CHS Jury", pro),
        ("27/06/2024 09:15:10", "Département de la Moselle", pro),
        ("27/06/2024 09:16:42", "EMAMS", pro),
        ("27/06/2024 09:17:15", "Médecins du monde", pro),
        ("27/06/2024 09:18:01", "Eurométropole de Metz", elu),
        ("27/06/2024 09:21:33", "Unafam Moselle", aidant),
        ("27/06/2024 09:24:09", "ville de metz ", pro),
        ("27/06/2024 09:31:50", "CD57", pro),
        ("27/06/2024 10:05:27", "MDA 57", pro),
        ("28/06/2024 08:47:12", "ch jury ", pro),
    ]
    head = ["Horodateur", "Réunion", "Votre structure", "Vous êtes", "J'accepte que ma présence soit comptée (sans nom) dans le bilan du CLSM"]
    lines = [head] + [[ts, meeting, structure, role, "Oui"] for ts, structure, role in answers]
    write_csv(out / name, lines, delimiter=",", encoding="utf-8", lineterminator="\n")
    groups = {(_canon_forms(s), r) for _, s, r in answers}
    return {name: {
        "tables": ["meeting", "attendance"],
        "data_rows": len(answers),
        "new_rows_in_fresh_seed": {"meeting": 1, "attendance": len(groups)},
        "quirks": [
            "[harder] Google Forms export: one line per respondent, attendance counts must be aggregated per structure × role category (25 answers → 16 rows)",
            "structure typed freely with variants, case and trailing spaces ('CH Jury', 'CHS Jury', 'ch jury ', 'Mairie de Metz', 'CD57', 'Maison des Ados 57')",
            "meeting date only in the answer label ('… – jeudi 27 juin 2024'); the timestamp of one late answer is the next day",
            "role category as an inclusive-writing choice label ('Professionnel(le)', 'Proche / aidant(e)', 'Élu(e)')",
        ],
    }}


_FORMS_ALIASES = {
    "ch jury": "ch-jury", "centre hospitalier de jury": "ch-jury", "chs jury": "ch-jury",
    "ville de metz": "ville-metz", "mairie de metz": "ville-metz",
    "unafam 57": "unafam", "unafam moselle": "unafam",
    "gem l'albatros": "albatros", "gem albatros": "albatros",
    "maison des ados 57": "mda", "mda 57": "mda",
    "département de la moselle": "cd57", "cd57": "cd57",
}


def _canon_forms(structure: str) -> str:
    """Who a free-typed answer means (for counting the expected rows only)."""
    key = structure.strip().lower()
    return _FORMS_ALIASES.get(key, key)


def pivot_table_presences(out: Path) -> dict:
    """A pivot table (compact form) pasted as values: subtotal rows, indented categories."""
    name = "TCD_presences_groupes_projets_2025.xlsx"
    columns = ["GT précarité – 11/03/2025", "GT logement – 08/04/2025", "GT situations de crise – 20/05/2025"]
    data = [
        ("CH Jury", [("professionnel", (2, 1, 3))]),
        ("ADOMA", [("professionnel", (1, 1, None))]),
        ("AMLI", [("professionnel", (None, 2, None))]),
        ("Carrefour des solidarités", [("bénévole", (1, None, None)), ("professionnel", (2, None, 1))]),
        ("Équipe diocésaine", [("bénévole", (2, None, None))]),
        ("EMAMS", [("professionnel", (1, None, 1))]),
        ("GEM L'Albatros", [("usager", (1, None, 2))]),
        ("Hôpital de Mercy", [("professionnel", (None, None, 1))]),
        ("Médecins du Monde", [("professionnel", (1, None, 1))]),
        ("UNAFAM Moselle", [("aidant", (1, 1, 1))]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "TCD"
    ws["A1"], ws["B1"] = "Année", 2025
    ws["A3"], ws["B3"] = "Somme de Nombre", "Étiquettes de colonnes"
    header_row(ws, 4, ["Étiquettes de lignes", *columns, "Total général"], fill=False)
    row = 5

    def put(r: int, label: str, values: list[int | None], bold: bool) -> None:
        cell = ws.cell(row=r, column=1, value=label)
        cell.font = Font(bold=bold)
        for c, v in enumerate(values, start=2):
            if v:
                ws.cell(row=r, column=c, value=v).font = Font(bold=bold)
        ws.cell(row=r, column=len(values) + 2, value=sum(v or 0 for v in values)).font = Font(bold=bold)

    grand = [0, 0, 0]
    leaves = 0
    for structure, cats in data:
        sub = [sum(c[1][i] or 0 for c in cats) for i in range(3)]
        put(row, structure, [v or None for v in sub], True)
        row += 1
        for cat, values in cats:
            put(row, cat, list(values), False)
            ws.cell(row=row, column=1).alignment = Alignment(indent=1)
            row += 1
            leaves += sum(1 for v in values if v)
        grand = [g + s for g, s in zip(grand, sub, strict=True)]
    put(row, "Total général", grand, True)
    set_widths(ws, [28, 26, 26, 34, 14])
    wb.save(out / name)
    return {name: {
        "tables": ["meeting", "attendance"],
        "data_rows": sum(len(c) for _, c in data),
        "new_rows_in_fresh_seed": {"meeting": 3, "attendance": leaves},
        "quirks": [
            "[harder] an Excel pivot table (compact form) pasted as values: 'Somme de Nombre', 'Étiquettes de lignes/colonnes', a page-filter line 'Année 2025'",
            "structure rows carry subtotals, the role categories are indented rows under them in the same column",
            "one column per meeting, instance and date together in the label ('GT logement – 08/04/2025'), a 'Total général' column and line",
        ],
    }}


def fiches_actions_formulaire(out: Path) -> dict:
    """Action sheets typed as a form: label/value pairs, checkboxes, multi-line partner cells."""
    name = "fiches_actions_bilan_fevrier_2025.xlsx"
    statuses = ["Idée", "Conception", "Mise en œuvre", "Réalisée", "Reportée", "Abandonnée"]
    sheets = [
        ("PSSM", "Programme d'actions 2022 — Formation en santé mentale",
         "Promotion des Premiers secours en santé mentale (PSSM) auprès des professionnels du territoire messin",
         "Mise en œuvre", "Centre hospitalier de Jury",
         "Centre Pierre Janet\nSUMPPS (Université de Lorraine)\nPSSM France",
         "ARS Grand Est", "Deux sessions de deux jours organisées en 2024."),
        ("Psypérinatalité", "Programme d'actions 2022 — Enfance/parentalité",
         "Appui du CLSM à la mise en place d'un réseau psypérinatalité (Centre psychothérapeutique Winnicott)",
         "Réalisée", "CMP Winnicott (pôle 3 du CH Jury)",
         "Pôle petite enfance de la Ville de Metz\nÉcole des parents et des éducateurs de Moselle\nDépartement de la Moselle (PMI)",
         "—", "Cartographie des acteurs réalisée, première réunion du réseau tenue."),
        ("Emploi-formation", "Programme d'actions 2022 — Inclusion dans la cité",
         "Cartographie des acteurs de l'emploi et de la formation, puis actions d'information et de sensibilisation de leurs professionnels",
         "Reportée", "Centre hospitalier de Jury (coordination CLSM)",
         "Cap emploi ; France Travail (ex-Pôle emploi) ; EPNAK – CRP Metz ; Mission locale du Pays Messin",
         "", "Reportée à 2026 faute de disponibilité des partenaires."),
    ]
    wb = Workbook()
    wb.remove(wb.active)
    partners = 0
    for sheet, plan, title, status, porteur, partner_cell, funders, comment in sheets:
        ws = wb.create_sheet(sheet)
        ws["A1"] = plan
        ws["A1"].font = TITLE
        ws.merge_cells("A1:D1")
        boxes = "   ".join(("☒ " if s == status else "☐ ") + s for s in statuses)
        pairs = [
            (3, "TITRE DE L'ACTION", title),
            (5, "État d'avancement", boxes),
            (6, "Date de mise à jour", dt.date(2025, 2, 14)),
            (8, "Porteur de l'action (structure)", porteur),
            (9, "Partenaires de mise en œuvre", partner_cell),
            (10, "Financeurs", funders or None),
            (12, "Commentaire / bilan", comment),
        ]
        for r, label, value in pairs:
            ws.cell(row=r, column=1, value=label).font = BOLD
            ws.cell(row=r, column=1).fill = GREY
            ws.cell(row=r, column=2, value=value).alignment = WRAP
            if isinstance(value, dt.date):
                ws.cell(row=r, column=2).number_format = "DD/MM/YYYY"
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=4)
        ws.row_dimensions[9].height = 60
        set_widths(ws, [34, 40, 30, 30])
        names = [p for p in partner_cell.replace(" ; ", "\n").split("\n") if p.strip()]
        partners += 1 + len(names) + (1 if funders and funders != "—" else 0)
    wb.save(out / name)
    return {name: {
        "tables": ["action_status", "action_partner"],
        "data_rows": {s[0]: 1 for s in sheets},
        "new_rows_in_fresh_seed": {"action_status": 3, "action_partner": partners},
        "quirks": [
            "[harder] one action per sheet typed as a form (label in column A, value in merged B:D), no table header at all",
            "the status is the ticked box of a line of checkboxes ('☐ Conception   ☒ Mise en œuvre   ☐ Réalisée …')",
            "several partners in one cell, separated by line breaks on two sheets and by ' ; ' on the third; an empty financeur cell or a dash",
            "structures written with a parenthesis ('CMP Winnicott (pôle 3 du CH Jury)', 'Département de la Moselle (PMI)') and a renamed one ('France Travail (ex-Pôle emploi)')",
        ],
    }}


def compte_rendu_colle_word(out: Path) -> dict:
    """Minutes pasted from Word into column A: attendance written as prose."""
    name = "CR_pleniere_24-06-2025_participants.xlsx"
    lines = [
        "COMPTE RENDU – Assemblée plénière du CLSM",
        "Mardi 24 juin 2025, 9h30 – Hôtel de Ville de Metz et en visioconférence",
        "",
        "PARTICIPANTS (36) :",
        "• Centre hospitalier de Jury : 5 professionnels",
        "• Ville de Metz : 3 (dont 2 élus)",
        "• Eurométropole de Metz : 1 élue",
        "• ARS Grand Est : 1 professionnelle",
        "• Département de la Moselle : 2 professionnels",
        "• UNAFAM Moselle : 3 aidants",
        "• GEM L'Albatros : 4 usagers et 1 animateur (professionnel)",
        "• GEM Camille Claudel : 3 usagers",
        "• Maison des adolescents de Moselle, Mission locale du Pays Messin, CASA : 1 professionnel chacun",
        "• ADOMA et AMLI : 2 professionnels chacun",
        "• RESAM : 2 bénévoles",
        "• Médecins du Monde : 1 professionnelle, 1 bénévole",
        "• CSAPA les Wads (CMSEA) : 2 professionnels",
        "",
        "EXCUSÉS : Préfecture de la Moselle, Éducation nationale.",
        "",
        "ORDRE DU JOUR",
        "1. Bilan 2024 du CLSM et chiffres clés",
        "2. Présentation de l'EMPP du territoire messin",
        "3. Programme d'actions 2025-2026",
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Feuil1"
    for i, text in enumerate(lines, start=1):
        if text:
            ws.cell(row=i, column=1, value=text)
    ws["A1"].font = BOLD
    ws["A4"].font = BOLD
    set_widths(ws, [110])
    wb.save(out / name)
    return {name: {
        "tables": ["meeting", "attendance"],
        "data_rows": 13,
        "new_rows_in_fresh_seed": {"meeting": 1, "attendance": 19},
        "quirks": [
            "[harder] minutes pasted from Word into column A: no table, meeting day and mode in a sentence ('Mardi 24 juin 2025, 9h30 – … et en visioconférence')",
            "counts and categories in prose: '3 (dont 2 élus)' = 2 élus + 1 professionnel, '4 usagers et 1 animateur (professionnel)', feminine forms ('1 élue')",
            "one line for several structures ('MDA, Mission locale, CASA : 1 professionnel chacun', 'ADOMA et AMLI : 2 professionnels chacun')",
            "an 'EXCUSÉS' line naming structures that were absent (no attendance), and an agenda below",
        ],
    }}


def bilan_annuel_chiffres_cles(out: Path) -> dict:
    """One sheet per year, three stacked tables with their own headers, footnote marks."""
    name = "bilan_annuel_chiffres_cles_2023-2025.xlsx"
    years = {
        2023: {
            "indicators": [("Réunions organisées dans le cadre du CLSM", 29, "dont 21 réunions des groupes projets"),
                           ("Acteurs représentés dans les instances du CLSM", 96, "")],
            "sism": ("« À tous les âges de la vie, ma santé mentale est un droit »", 21, 14, 1150),
            "sensib": [("2023", "Sensibilisation en santé mentale – module à distance", "à distance", 4, 63),
                       ("16/11/2023", "Sensibilisation des agents d'accueil de la Ville de Metz", "en salle", 1, 14)],
        },
        2024: {
            "indicators": [("Réunions organisées dans le cadre du CLSM", 31, ""),
                           ("Acteurs représentés dans les instances du CLSM", 104, "")],
            "sism": ("« En mouvement pour notre santé mentale »", 24, 18, 1320),
            "sensib": [("mars et oct. 2024", "Formation PSSM des professionnels du territoire messin", "en salle", 2, 28),
                       ("12/12/2024", "Sensibilisation à la santé mentale des jeunes (avec la MDA)", "en salle", 1, 19)],
        },
        2025: {
            "indicators": [("Réunions organisées dans le cadre du CLSM", "27*", ""),
                           ("Acteurs représentés dans les instances du CLSM", "112*", "")],
            "sism": ("« Pour notre santé mentale, réparons le lien social »", 26, 19, 1480),
            "sensib": [("09/10/2025", "Sensibilisation santé mentale et précarité", "en salle", 1, 21)],
        },
    }
    wb = Workbook()
    wb.remove(wb.active)
    data_rows: dict[str, int] = {}
    for year, block in years.items():
        ws = wb.create_sheet(str(year))
        ws["A1"] = f"CLSM messin – chiffres clés {year}"
        ws["A1"].font = TITLE
        row = 3
        ws.cell(row=row, column=1, value="INDICATEURS DE SUIVI (fiche 15)").font = BOLD
        header_row(ws, row + 1, ["Indicateur", "Valeur", "Commentaire"])
        row += 2
        for label, value, comment in block["indicators"]:
            for col, v in enumerate([label, value, comment or None], start=1):
                ws.cell(row=row, column=col, value=v)
            row += 1
        row += 1
        ws.cell(row=row, column=1, value="SEMAINES D'INFORMATION SUR LA SANTÉ MENTALE").font = BOLD
        header_row(ws, row + 1, ["Thème", "Partenaires", "Événements", "Participants"])
        row += 2
        for col, v in enumerate(block["sism"], start=1):
            ws.cell(row=row, column=col, value=v)
        row += 2
        ws.cell(row=row, column=1, value="SENSIBILISATIONS / FORMATIONS").font = BOLD
        header_row(ws, row + 1, ["Date", "Intitulé", "Modalité", "Sessions", "Participants"])
        row += 2
        for values in block["sensib"]:
            for col, v in enumerate(values, start=1):
                ws.cell(row=row, column=col, value=v)
            row += 1
        if year == 2025:
            ws.cell(row=row + 1, column=1, value="* chiffres provisoires au 15/12/2025").font = Font(italic=True)
        set_widths(ws, [52, 58, 14, 12, 14])
        data_rows[str(year)] = len(block["indicators"]) + 1 + len(block["sensib"])
    wb.save(out / name)
    n_events = sum(1 + len(b["sensib"]) for b in years.values())
    n_values = sum(len(b["indicators"]) for b in years.values())
    return {name: {
        "tables": ["indicator_value", "event"],
        "data_rows": data_rows,
        "new_rows_in_fresh_seed": {"indicator_value": n_values, "event": n_events},
        "quirks": [
            "[harder] one sheet per year, the year only in the sheet name and title ('2024', 'chiffres clés 2024')",
            "three tables stacked on each sheet, each with its own section line and header (indicators, SISM, sensibilisations)",
            "indicator labels shortened from the fiche ('Réunions organisées dans le cadre du CLSM'); 2025 values with a footnote mark ('27*') explained under the table",
            "event dates of varying precision ('2023', 'mars et oct. 2024', '16/11/2023'), the SISM line has no date nor year column",
        ],
    }}


# ---------------------------------------------------------------------------


BUILDERS = [
    calendrier_instances_2024,
    emargement_copil_2025,
    gem_presences_participation,
    mda_presences_groupe_jeunes,
    ville_sism_bilans,
    stagiaire_suivi_actions,
    unafam_sensibilisations,
    departement_annuaire_partenaires,
    indicateurs_fiche15,
    partenaires_des_actions,
    outlook_calendar_export,
    google_forms_emargement,
    pivot_table_presences,
    fiches_actions_formulaire,
    compte_rendu_colle_word,
    bilan_annuel_chiffres_cles,
]


def main(argv: list[str] | None = None) -> int:
    """Write the sixteen files and manifest.json into OUTDIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_heldout11.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, dict] = {}
    for build in BUILDERS:
        manifest.update(build(out))
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(manifest)} files written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
