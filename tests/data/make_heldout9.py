"""Held-out set n°9: sixteen spreadsheets typed the way people of the CLSM's network type them.

Ten ordinary follow-up sheets (a coordinator's calendar, a hospital assistant's sign-in sheet, a
city employee's indicator export, an intern's list of working-group meetings, a partner's
secretary's list of new partners...) each carry one or two everyday habits of their writer; six
harder files are what people really export or paste (a Microsoft Forms export, a workbook with a
sheet per quarter, a cross-table of attendance, a mail-merge source, an e-mail pasted into Excel,
an Outlook calendar export).

No person's name, no personal e-mail, no individual's phone number: attendance is counted per
structure and role category only, and mailboxes or signatures name a structure or a team. The
structures, plans, actions and instances are the council's own, written the way people write
them. Rows dated 2023-2026 and new partners are test content, not facts of the council's documents.

Usage: python make_heldout9.py OUTDIR  (writes 16 files and OUTDIR/manifest.json)
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FIXED_STAMP = datetime(2026, 1, 15, 9, 0, 0)

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
WEEKDAYS_ABBR = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
MONTHS_ABBR = [
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
]

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
ITALIC = Font(italic=True, size=9)
HEADER_FILL = PatternFill("solid", fgColor="BDD7EE")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

Manifest = dict[str, Any]


# --------------------------------------------------------------------------- helpers


def in_words(d: date, weekday: bool = True) -> str:
    """« mardi 17 janvier 2023 » (or « 17 janvier 2023 »)."""
    text = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{WEEKDAYS[d.weekday()]} {text}" if weekday else text


def abbreviated(d: date, year: bool = True) -> str:
    """« jeu. 9 févr. 2023 » or, without the year, « mar. 8 oct. »."""
    text = f"{WEEKDAYS_ABBR[d.weekday()]} {d.day} {MONTHS_ABBR[d.month - 1]}"
    return f"{text} {d.year}" if year else text


def new_workbook() -> tuple[Workbook, Worksheet]:
    """A workbook whose metadata names no person and does not change between runs."""
    wb = Workbook()
    wb.properties.creator = "Coordination CLSM"
    wb.properties.lastModifiedBy = "Coordination CLSM"
    wb.properties.created = FIXED_STAMP
    wb.properties.modified = FIXED_STAMP
    return wb, wb.active


def write_row(
    ws: Worksheet,
    row: int,
    values: Sequence[Any],
    font: Font | None = None,
    fill: PatternFill | None = None,
    border: bool = False,
) -> None:
    """Write values from column A of a row, with an optional style on every written cell."""
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=value)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if border:
            cell.border = BOX


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


def write_csv(
    path: Path,
    rows: Iterable[Sequence[Any]],
    delimiter: str = ";",
    encoding: str = "utf-8",
    bom: bool = False,
    quoting: int = csv.QUOTE_MINIMAL,
) -> None:
    """Write rows as a Windows-style CSV (CRLF line ends) in the given encoding."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    for row in rows:
        writer.writerow(row)
    data = buffer.getvalue().encode(encoding)
    if bom:
        data = "\ufeff".encode(encoding) + data
    path.write_bytes(data)


def entry(tables: list[str], data_rows: int | dict[str, int], new_rows: dict[str, int], quirks: list[str]) -> Manifest:
    return {"tables": tables, "data_rows": data_rows, "new_rows_in_fresh_seed": new_rows, "quirks": quirks}


# --------------------------------------------------------------------------- ordinary files


def calendrier_instances_2024(outdir: Path) -> tuple[str, Manifest]:
    """The coordinator's calendar of the 2024 meetings: Excel dates, frozen panes, a half-year label."""
    name = "calendrier_instances_2024.xlsx"
    first_half = [
        (
            "COPIL",
            date(2024, 2, 8),
            "14h-16h",
            "présentiel",
            "CH Jury – salle du conseil",
            "Bilan 2023, programme 2024",
        ),
        ("Groupe projets jeunes", date(2024, 3, 12), "10h-12h", "visio", "Teams", "Repérage, lien avec la MDA"),
        (
            "Groupe projets situations de crise",
            date(2024, 3, 26),
            "14h-16h",
            "présentiel",
            "CH Jury",
            "Guide de prévention des situations de crise",
        ),
        (
            "GP enfance/parentalité",
            date(2024, 4, 16),
            "9h30-11h30",
            "hybride",
            "CMP Winnicott + Teams",
            "Réseau psypérinatalité",
        ),
        (
            "Assemblée plénière",
            date(2024, 6, 13),
            "9h-12h",
            "présentiel",
            "Hôtel de Ville de Metz",
            "Bilan des actions, SISM 2024",
        ),
    ]
    second_half = [
        (
            "Groupe culture-loisirs",
            date(2024, 9, 19),
            "14h-16h",
            "présentiel",
            "Espace Bernard-Marie Koltès",
            "Accès au théâtre",
        ),
        ("Groupe emploi/formation", date(2024, 10, 3), "10h-12h", "visio", "Teams", "Cartographie des acteurs"),
        (
            "GP précarité",
            date(2024, 11, 14),
            "14h-16h",
            "présentiel",
            "Carrefour des solidarités",
            "Intervention de l'EMPP",
        ),
        ("COPIL", date(2024, 12, 10), "14h-16h30", "hybride", "CH Jury + Teams", "Point d'étape fiche 15"),
    ]
    wb, ws = new_workbook()
    ws.title = "2024"
    ws["A1"] = "CLSM du territoire messin – Calendrier des instances 2024"
    ws["A1"].font = TITLE
    ws["A2"] = "Mis à jour le 08/01/2025"
    ws["A2"].font = ITALIC
    header = ["Instance", "Date", "Horaire", "Modalité", "Lieu", "Ordre du jour / objet"]
    write_row(ws, 4, header, font=BOLD, fill=HEADER_FILL, border=True)
    row = 5
    for values in first_half:
        write_row(ws, row, values, border=True)
        ws.cell(row=row, column=2).number_format = "dd/mm/yyyy"
        row += 1
    row += 1  # an empty line, then a label line before the second half-year
    ws.cell(row=row, column=1, value="2e semestre").font = Font(bold=True, italic=True)
    row += 1
    for values in second_half:
        write_row(ws, row, values, border=True)
        ws.cell(row=row, column=2).number_format = "dd/mm/yyyy"
        row += 1
    ws.freeze_panes = "A5"
    set_widths(ws, [34, 12, 11, 12, 30, 44])
    wb.save(outdir / name)
    rows = len(first_half) + len(second_half)
    return name, entry(
        ["meeting"],
        rows,
        {"meeting": rows},
        [
            "coordinator's calendar: two title lines (title, 'Mis à jour le') above the header",
            "real Excel dates formatted dd/mm/yyyy; frozen panes under the header",
            "an empty line and a '2e semestre' label line inside the table",
            "instances written short: COPIL, GP précarité, Groupe culture-loisirs; mode and place in their own columns",
        ],
    )


def emargement_copil_2025(outdir: Path) -> tuple[str, Manifest]:
    """A hospital assistant retypes the COPIL sign-in sheet: meeting in the title, TOTAL row."""
    name = "emargement_COPIL_13-03-2025.xlsx"
    rows = [
        ("CH Jury", "pro", 3),
        ("ARS Grand Est", "pro", 1),
        ("Ville de Metz", "élu(e)", 1),
        ("Ville de Metz", "pro", 2),
        ("Eurométropole", "pro", 1),
        ("Département 57", "pro", 1),
        ("UNAFAM 57", "aidant(e)", 2),
        ("GEM Camille Claudel", "usager(e)", 2),
        ("GEM L'Albatros", "usager(e)", 1),
        ("MDA 57", "pro", 1),
        ("CMSEA", "pro", 1),
        ("Mission locale", "pro", 1),
    ]
    wb, ws = new_workbook()
    ws.title = "Emargement"
    ws["A1"] = "Comité de pilotage du CLSM"
    ws["A1"].font = TITLE
    ws["A2"] = "Jeudi 13 mars 2025 – 14h00 – CH Jury, salle du conseil (présentiel)"
    ws["A3"] = "Feuille d'émargement ressaisie – effectifs par structure"
    ws["A3"].font = ITALIC
    write_row(ws, 5, ["Structure", "Qualité", "Nb de présents"], font=BOLD, border=True)
    for i, values in enumerate(rows):
        write_row(ws, 6 + i, values, border=True)
    total_row = 6 + len(rows)
    write_row(ws, total_row, ["TOTAL", None, f"=SUM(C6:C{total_row - 1})"], font=BOLD, border=True)
    ws.cell(row=total_row + 2, column=1, value="pro = professionnel")
    ws.cell(row=total_row + 2, column=1).font = ITALIC
    set_widths(ws, [28, 14, 16])
    wb.save(outdir / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        {"meeting": 1, "attendance": len(rows)},
        [
            "hospital assistant's retyped sign-in sheet: the meeting (COPIL, date in words, place, mode) only in title lines",
            "role categories abbreviated or gendered: 'pro', 'élu(e)', 'usager(e)', 'aidant(e)', with a legend line below",
            "short partner names (Département 57, MDA 57, Eurométropole, Mission locale); a TOTAL row with a SUM formula",
            "Ville de Metz twice, once as élu and once as pro: two attendance rows",
        ],
    )


def bilan_sism(outdir: Path) -> tuple[str, Manifest]:
    """The coordinator's yearly SISM summary: date ranges in words, approximate counts."""
    name = "bilan_SISM_2023-2025.xlsx"
    rows = [
        (
            "SISM 2023",
            "À tous les âges de la vie, ma santé mentale est un droit",
            "du 9 au 22 octobre 2023",
            21,
            14,
            "env. 600",
            "dont 2 ciné-débats",
        ),
        (
            "SISM 2024",
            "En mouvement pour notre santé mentale",
            "7-20 oct. 2024",
            24,
            16,
            "~700",
            "marche + portes ouvertes des GEM",
        ),
        (
            "SISM 2025",
            "Pour notre santé mentale, réparons le lien social",
            "6 au 19/10/2025",
            "23",
            "15",
            "650 environ",
            "chiffres provisoires",
        ),
    ]
    wb, ws = new_workbook()
    ws.title = "SISM"
    ws["A1"] = "Semaines d'information sur la santé mentale – bilan des éditions (territoire messin)"
    ws["A1"].font = TITLE
    header = ["Édition", "Thème national", "Dates", "Partenaires", "Événements", "Participants", "Remarques"]
    write_row(ws, 3, header, font=BOLD, fill=HEADER_FILL, border=True)
    for i, values in enumerate(rows):
        write_row(ws, 4 + i, values, border=True)
    set_widths(ws, [12, 52, 24, 12, 12, 14, 34])
    wb.save(outdir / name)
    return name, entry(
        ["event"],
        len(rows),
        {"event": len(rows)},
        [
            "coordinator's summary: one title line, the edition written 'SISM 2023' (kind and year together)",
            "date ranges in words or abbreviated: 'du 9 au 22 octobre 2023', '7-20 oct. 2024', '6 au 19/10/2025'",
            "approximate participant counts: 'env. 600', '~700', '650 environ'; 2025 counts typed as text",
            "a free remarks column",
        ],
    )


def sensibilisations_2024(outdir: Path) -> tuple[str, Manifest]:
    """A city employee's list of awareness sessions and trainings: cp1252 CSV, two-digit years."""
    name = "sensibilisations_formations_2024.csv"
    header = ["Date", "Intitulé", "Type", "Public", "Format", "Lieu", "Nb participants", "Organisé avec"]
    rows = [
        [
            "05/02/24",
            "Sensibilisation en santé mentale (module de base)",
            "sensibilisation",
            "Professionnels du social",
            "en salle",
            "CH Jury",
            "14",
            "",
        ],
        [
            "19/03/24",
            "Sensibilisation santé mentale des jeunes",
            "sensibilisation",
            "Professionnels jeunesse",
            "à distance",
            "Teams",
            "22",
            "MDA 57",
        ],
        [
            "11/04/24",
            "Sensibilisation des agents MDPH",
            "sensibilisation",
            "Agents MDPH",
            "en salle",
            "MDPH Metz",
            "12",
            "CNFPT",
        ],
        [
            "06/06/24",
            "Sensibilisation santé mentale et précarité",
            "sensibilisation",
            "Intervenants sociaux",
            "en salle",
            "Carrefour des solidarités",
            "18",
            "",
        ],
        [
            "24/09/24",
            "Sensibilisation en santé mentale (module de base)",
            "sensibilisation",
            "Bénévoles associatifs",
            "hybride",
            "RESAM",
            "16",
            "RESAM",
        ],
        [
            "14-15/10/24",
            "Formation Premiers secours en santé mentale (2 jours)",
            "formation",
            "Professionnels du CLSM",
            "en salle",
            "Centre Pierre Janet",
            "12",
            "Centre Pierre Janet",
        ],
        [
            "21/11/24",
            "Sensibilisation santé mentale des enfants",
            "sensibilisation",
            "Professionnels petite enfance",
            "en salle",
            "Pôle petite enfance – Ville de Metz",
            "20",
            "Ville de Metz",
        ],
    ]
    write_csv(outdir / name, [header, *rows], delimiter=";", encoding="cp1252")
    return name, entry(
        ["event"],
        len(rows),
        {"event": len(rows)},
        [
            "city employee's CSV: semicolon-separated, Windows-1252 encoding, CRLF line ends",
            "dates with two-digit years (05/02/24) and one two-day training written '14-15/10/24'",
            "sensibilisations and a PSSM formation mixed, told apart by a 'Type' column; 'Format' says en salle / à distance / hybride",
            "empty 'Organisé avec' cells",
        ],
    )


def nouveaux_partenaires_2024(outdir: Path) -> tuple[str, Manifest]:
    """A partner's secretary lists the structures that joined: coloured header, hidden column."""
    name = "nouveaux_partenaires_2024.xlsx"
    rows = [
        ("P-101", "Centre communal d'action sociale de Metz", "CCAS", "Social / médico-social", "Metz", "2024", ""),
        ("P-102", "Bibliothèques-Médiathèques de Metz", "BMM", "Culture", "Metz", "2024", "ciné-débats SISM"),
        ("P-103", "Cinéma Le Klub", "", "Culture / loisirs", "Metz", "2024", ""),
        ("P-104", "Secours populaire français – fédération de Moselle", "SPF 57", "Social", "Metz", "2024", ""),
        (
            "P-105",
            "Maison de santé pluriprofessionnelle de Montigny",
            "MSP",
            "Soins et prévention",
            "Montigny",
            "mars 2024",
            "",
        ),
        ("P-106", "Club de prévention spécialisée de Woippy", "", "Social / médico-social", "Woippy", "2024", ""),
        ("P-023", "Mission locale du Pays messin", "", "Emploi / formation", "Metz", "2019", "déjà partenaire"),
        ("P-007", "GEM Albatros", "GEM", "Usagers / aidants", "Metz", "2017", "déjà partenaire"),
    ]
    wb, ws = new_workbook()
    ws.title = "Partenaires"
    header = ["N° interne", "Nom de la structure", "Sigle", "Secteur", "Commune", "Partenaire depuis", "Remarque"]
    write_row(ws, 1, header, font=Font(bold=True, color="FFFFFF"), fill=PatternFill("solid", fgColor="1F4E78"))
    for i, values in enumerate(rows):
        fill = PatternFill("solid", fgColor="E2EFDA") if values[6] == "" else None
        write_row(ws, 2 + i, values, fill=fill)
    ws.column_dimensions["A"].hidden = True
    ws.freeze_panes = "B2"
    set_widths(ws, [10, 50, 10, 24, 12, 16, 20])
    wb.save(outdir / name)
    return name, entry(
        ["structure"],
        len(rows),
        {"structure": 6},
        [
            "secretary's list: white-on-blue header, new rows filled green, a hidden first column of internal numbers",
            "sectors written loosely ('Social / médico-social', 'Culture', 'Usagers / aidants')",
            "short town name 'Montigny' for Montigny-lès-Metz; 'Partenaire depuis' as a year or 'mars 2024'",
            "two rows are partners already in the seed (Mission locale, 'GEM Albatros'): not new",
        ],
    )


def avancement_programme_2022(outdir: Path) -> tuple[str, Manifest]:
    """The coordinator's status review of the 2022 programme: the review date in the title, colours."""
    name = "avancement_programme_2022_point_dec2023.xlsx"
    rows = [
        ("Formation", "Module de sensibilisation à distance", "Réalisé", "en ligne sur la plateforme depuis juin 2023"),
        ("Formation", "Promotion PSSM auprès des pros", "En cours", "2 sessions Centre Pierre Janet relayées"),
        (
            "Coordination",
            "MAJ outils de coordination (guide, carte, site)",
            "En cours",
            "consultation partenaires faite",
        ),
        ("Inclusion", "Guide santé mentale grand public", "Reporté", "reporté en 2024"),
        ("Inclusion", "Documentaire GEM (témoignages)", "Réalisé", "projeté pendant les SISM 2023"),
        ("Inclusion", "Projet théâtre Koltès", "Réalisé", ""),
        ("Précarité", "Création de l'EMPP", "En cours", "recrutements en cours"),
        ("Enfance/parentalité", "Podcasts PATH (futurs parents)", "Abandonné", "pas de suite donnée"),
        ("Jeunes", "Com' Stopblues / prévention du mal-être", "En cours", ""),
    ]
    colours = {"Réalisé": "C6EFCE", "En cours": "FFEB9C", "Reporté": "F8CBAD", "Abandonné": "D9D9D9"}
    wb, ws = new_workbook()
    ws.title = "Point déc 2023"
    ws["A1"] = "Programme d'actions 2022 (groupes thématiques) – état d'avancement au 15/12/2023"
    ws["A1"].font = TITLE
    write_row(ws, 3, ["Rubrique", "Action", "Statut", "Commentaire"], font=BOLD, fill=HEADER_FILL, border=True)
    for i, values in enumerate(rows):
        write_row(ws, 4 + i, values, border=True)
        ws.cell(row=4 + i, column=3).fill = PatternFill("solid", fgColor=colours[values[2]])
    legend_row = 5 + len(rows)
    ws.cell(row=legend_row, column=1, value="Vert = réalisé, jaune = en cours, orange = reporté, gris = abandonné")
    ws.cell(row=legend_row, column=1).font = ITALIC
    set_widths(ws, [20, 48, 12, 44])
    wb.save(outdir / name)
    return name, entry(
        ["action_status"],
        len(rows),
        {"action_status": len(rows)},
        [
            "coordinator's review: the date of the review (15/12/2023) only in the title line",
            "actions named by short everyday wordings ('Projet théâtre Koltès', 'Com' Stopblues', 'Création de l'EMPP')",
            "statuses in everyday words ('En cours', 'Réalisé', 'Reporté', 'Abandonné') with a colour per status and a legend line",
        ],
    )


def indicateurs_fiche15(outdir: Path) -> tuple[str, Manifest]:
    """A city employee's export of the CLS sheet n°15 indicators: decimal commas, percentages."""
    name = "indicateurs_fiche15_CLS.csv"
    reunions = "Nombre de réunions organisées dans le cadre du CLSM"
    acteurs = "Nombre d'acteurs représentés dans les instances du CLSM"
    actions = "Actions réalisées / prévisionnel"
    partenaires = "Nb de partenaires déclarant avoir développé des collaborations"
    header = ["Fiche", "Indicateur", "Type", "Année", "Valeur", "Commentaire"]
    rows = [
        ["15", reunions, "processus", "2021", "26", "repris du CR du 18/11/2021"],
        ["15", reunions, "processus", "2022", "29", ""],
        ["15", reunions, "processus", "2023", "33", ""],
        ["15", reunions, "processus", "2024", "35", ""],
        ["15", acteurs, "processus", "2022", "84", ""],
        ["15", acteurs, "processus", "2023", "97", ""],
        ["15", acteurs, "processus", "2024", "106", ""],
        ["15", actions, "processus", "2023", "64,7 %", "11 actions sur 17"],
        ["15", actions, "processus", "2024", "70,6 %", "12 actions sur 17"],
        ["15", partenaires, "résultat", "2024", "43", "questionnaire partenaires nov. 2024"],
    ]
    write_csv(outdir / name, [header, *rows], delimiter=";", encoding="utf-8")
    return name, entry(
        ["indicator_value"],
        len(rows),
        {"indicator_value": len(rows) - 1},
        [
            "city employee's CSV export of the CLS follow-up: semicolons, UTF-8 without BOM",
            "indicators named by shortened wordings of sheet n°15 ('Actions réalisées / prévisionnel', 'Nb de partenaires déclarant...')",
            "percentages with a decimal comma ('64,7 %')",
            "the 2021 value (26 meetings) is already in the seed: 9 new values, not 10",
        ],
    )


def reunions_groupes_projets_2023(outdir: Path) -> tuple[str, Manifest]:
    """An intern's list of the 2023 working-group meetings: dates in words, empty lines."""
    name = "reunions_groupes_projets_2023.xlsx"
    meetings = [
        ("Groupe jeunes", in_words(date(2023, 1, 17)), "Maison des adolescents", 12, ""),
        ("Groupe situations de crise", abbreviated(date(2023, 2, 9)), "CH Jury", 9, ""),
        ("Groupe enfance-parentalité", in_words(date(2023, 3, 14), weekday=False), "CMP Winnicott", 11, ""),
        ("Groupe culture/loisirs", in_words(date(2023, 4, 5)), "Espace Bernard-Marie Koltès", 8, "visite du théâtre"),
        ("Groupe emploi/formation", abbreviated(date(2023, 5, 23)), "visio", 7, ""),
        (
            "Groupe précarité",
            in_words(date(2023, 6, 20), weekday=False),
            "Carrefour des solidarités",
            14,
            "avec l'EMPP",
        ),
        ("Groupe logement", abbreviated(date(2023, 9, 28)), "AMLI", 10, ""),
        ("Groupe jeunes", in_words(date(2023, 10, 10)), "visio", 9, "annulée puis maintenue en visio"),
    ]
    wb, ws = new_workbook()
    ws.title = "Réunions 2023"
    ws["A1"] = "Réunions des groupes projets – année 2023"
    ws["A1"].font = TITLE
    write_row(ws, 2, ["Groupe", "Date", "Lieu", "Nb participants (approx.)", "Remarques"], font=BOLD)
    row = 3
    for i, values in enumerate(meetings):
        write_row(ws, row, values)
        row += 2 if i % 2 == 1 else 1  # an empty line after every second meeting
    set_widths(ws, [30, 28, 30, 24, 34])
    wb.save(outdir / name)
    return name, entry(
        ["meeting"],
        len(meetings),
        {"meeting": len(meetings)},
        [
            "intern's list: dates typed in words ('mardi 17 janvier 2023', 'jeu. 9 févr. 2023', '14 mars 2023')",
            "empty lines between pairs of meetings",
            "'Groupe jeunes' etc. for the groupes projets; place 'visio' in the place column",
            "a participant count per meeting without structures (no attendance rows) and a remarks column",
        ],
    )


def presences_pleniere_2025(outdir: Path) -> tuple[str, Manifest]:
    """A hospital assistant's CSV of the 2025 plenary attendance: ISO dates, capitalised plurals."""
    name = "presences_pleniere_2025-06-19.csv"
    header = ["date_reunion", "instance", "lieu", "modalite", "structure", "categorie", "nb"]
    counts = [
        ("CH Jury", "Professionnels", 4),
        ("ARS Grand Est", "Professionnels", 1),
        ("Ville de Metz", "Élus", 2),
        ("Ville de Metz", "Professionnels", 2),
        ("Eurométropole de Metz", "Élus", 1),
        ("Département de la Moselle", "Professionnels", 2),
        ("UNAFAM", "Aidants", 3),
        ("GEM Camille Claudel", "Usagers", 4),
        ("GEM Camille Claudel", "Professionnels", 1),
        ("GEM l'Albatros", "Usagers", 2),
        ("Maison des ados", "Professionnels", 2),
        ("Mission locale du Pays Messin", "Professionnels", 1),
        ("ADOMA", "Professionnels", 1),
        ("AMLI", "Professionnels", 1),
        ("CMSEA", "Professionnels", 2),
        ("Médecins du Monde", "Professionnels", 1),
        ("RESAM", "Bénévoles", 2),
        ("EMAMS", "Professionnels", 1),
        ("CMPP PEP 57", "Professionnels", 1),
        ("IREPS", "Professionnels", 1),
    ]
    rows = [["2025-06-19", "Plénière", "Hôtel de Ville de Metz", "présentiel", s, c, n] for s, c, n in counts]
    write_csv(outdir / name, [header, *rows], delimiter=",", encoding="utf-8", bom=True)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        {"meeting": 1, "attendance": len(rows)},
        [
            "hospital assistant's CSV: comma-separated, UTF-8 with BOM, snake_case headers without accents",
            "ISO dates repeated on every row; instance written 'Plénière'",
            "role categories capitalised and plural ('Professionnels', 'Élus', 'Bénévoles')",
            "short names: 'UNAFAM', 'Maison des ados', 'CMPP PEP 57', 'IREPS'",
        ],
    )


def cine_debats(outdir: Path) -> tuple[str, Manifest]:
    """A partner association's list of film debates: amounts in €, a total line, a footer."""
    name = "cine-debats_2024-2025.xlsx"
    rows = [
        (
            date(2024, 3, 21),
            "Ciné-débat « Les Intranquilles »",
            "Cinéma Le Klub",
            "UNAFAM 57, GEM Camille Claudel",
            58,
            "150 €",
        ),
        (
            date(2024, 10, 10),
            "Ciné-débat « Sur l'Adamant » (SISM)",
            "Cinéma Le Klub",
            "UNAFAM 57, GEM L'Albatros, CH Jury",
            92,
            "150 €",
        ),
        (
            date(2025, 1, 23),
            "Ciné-débat « Hors normes »",
            "Médiathèque de Borny",
            "BMM, Mission locale",
            41,
            "0 €",
        ),
        (
            date(2025, 5, 15),
            "Ciné-débat « Presque »",
            "Cinéma Le Klub",
            "UNAFAM 57, GEM Camille Claudel",
            63,
            "150,00 €",
        ),
        (
            date(2025, 10, 9),
            "Ciné-débat « La Forêt de mon père » (SISM)",
            "Cinéma Le Klub",
            "UNAFAM 57, CH Jury, GEM L'Albatros",
            110,
            "180 €",
        ),
    ]
    wb, ws = new_workbook()
    ws.title = "Ciné-débats"
    ws["A1"] = "UNAFAM Moselle – ciné-débats santé mentale sur le territoire messin"
    ws["A1"].font = TITLE
    header = ["Date", "Séance", "Lieu", "Partenaires", "Entrées", "Coût location salle"]
    write_row(ws, 3, header, font=BOLD, fill=PatternFill("solid", fgColor="FCE4D6"), border=True)
    for i, values in enumerate(rows):
        write_row(ws, 4 + i, values, border=True)
        ws.cell(row=4 + i, column=1).number_format = "dd/mm/yyyy"
    total_row = 4 + len(rows)
    write_row(ws, total_row, ["Total", None, None, None, f"=SUM(E4:E{total_row - 1})", "630 €"], font=BOLD)
    ws.cell(
        row=total_row + 2,
        column=1,
        value="Tableau tenu par le secrétariat de la délégation – à compléter après chaque séance",
    )
    ws.cell(row=total_row + 2, column=1).font = ITALIC
    set_widths(ws, [12, 46, 30, 38, 10, 20])
    wb.save(outdir / name)
    return name, entry(
        ["event"],
        len(rows),
        {"event": len(rows)},
        [
            "partner's secretary's list of ciné-débats: the kind only inside the title ('Ciné-débat « ... »')",
            "Excel dates; amounts with '€' in a cost column ('150 €', '150,00 €')",
            "a Total line (SUM formula and a typed amount) and a footer line under the table",
            "partners as a comma-separated list of short names",
        ],
    )


# --------------------------------------------------------------------------- harder files


def forms_emargement_janvier_2025(outdir: Path) -> tuple[str, Manifest]:
    """A Microsoft Forms sign-in export, one answer per respondent, for two January meetings."""
    name = "MS_Forms_emargement_GP_janvier2025.xlsx"
    crise = "Groupe projets Situations de crise – 23/01/2025 (visio)"
    jeunes = "Groupe projets Jeunes – 30/01/2025 (visio)"
    answers = [
        (crise, datetime(2025, 1, 23, 14, 2, 11), "Centre hospitalier de Jury", "Professionnel(le)", 1, ""),
        (crise, datetime(2025, 1, 23, 14, 3, 40), "ch jury", "Professionnel(le)", 1, "connexion tardive"),
        (crise, datetime(2025, 1, 23, 14, 4, 5), "EMAMS", "Professionnel(le)", 1, ""),
        (crise, datetime(2025, 1, 23, 14, 4, 58), "Médecins du monde", "Professionnel(le)", 1, ""),
        (crise, datetime(2025, 1, 23, 14, 6, 12), "UNAFAM Moselle", "Proche / aidant(e)", 1, ""),
        (
            crise,
            datetime(2025, 1, 23, 14, 7, 30),
            "GEM L'albatros",
            "Personne concernée / usager(e)",
            2,
            "connectés à deux sur un poste",
        ),
        (crise, datetime(2025, 1, 23, 14, 9, 1), "Carrefour des Solidarités", "Professionnel(le)", 1, ""),
        (crise, datetime(2025, 1, 23, 14, 15, 44), "Hôpital de Mercy (urgences)", "Professionnel(le)", 1, ""),
        (jeunes, datetime(2025, 1, 30, 10, 1, 9), "Maison des adolescents", "Professionnel(le)", 2, ""),
        (jeunes, datetime(2025, 1, 30, 10, 2, 26), "Mission Locale Metz", "Professionnel(le)", 1, ""),
        (jeunes, datetime(2025, 1, 30, 10, 2, 51), "SUMPPS (Université de Lorraine)", "Professionnel(le)", 1, ""),
        (jeunes, datetime(2025, 1, 30, 10, 3, 33), "CASA", "Professionnel(le)", 1, ""),
        (jeunes, datetime(2025, 1, 30, 10, 5, 2), "CMPP - PEP57", "Professionnel(le)", 1, ""),
        (jeunes, datetime(2025, 1, 30, 10, 6, 47), "UNAFAM 57", "Proche / aidant(e)", 1, ""),
        (jeunes, datetime(2025, 1, 30, 10, 8, 20), "Ville de Metz", "Élu(e)", 1, ""),
    ]
    wb, ws = new_workbook()
    ws.title = "Sheet1"
    header = [
        "ID",
        "Heure de début",
        "Heure de fin",
        "Adresse de messagerie",
        "Nom",
        "À quelle réunion participez-vous ?",
        "Votre structure",
        "Vous participez en tant que :",
        "Combien de personnes de votre structure suivent la réunion sur ce poste ?",
        "Un commentaire ?",
    ]
    write_row(ws, 1, header, font=BOLD)
    for i, (meeting, start, structure, role, count, comment) in enumerate(answers, start=1):
        end = start + timedelta(seconds=35 + 4 * i)
        write_row(ws, 1 + i, [i, start, end, "anonymous", None, meeting, structure, role, count, comment or None])
        ws.cell(row=1 + i, column=2).number_format = "m/d/yy h:mm:ss"
        ws.cell(row=1 + i, column=3).number_format = "m/d/yy h:mm:ss"
    set_widths(ws, [5, 18, 18, 22, 8, 52, 32, 30, 20, 30])
    wb.save(outdir / name)
    return name, entry(
        ["meeting", "attendance"],
        len(answers),
        {"meeting": 2, "attendance": 14},
        [
            "[harder] a Microsoft Forms export: ID, start/end timestamps, 'anonymous' e-mail and empty Nom columns before the answers",
            "questions as headers ('Vous participez en tant que :', 'Combien de personnes ... sur ce poste ?')",
            "two meetings in one form: instance, date and mode packed in one answer ('Groupe projets Jeunes – 30/01/2025 (visio)')",
            "structures typed freely by respondents ('ch jury', 'Mission Locale Metz', 'CMPP - PEP57'); roles as form choices ('Proche / aidant(e)')",
            "two answers from CH Jury as professionals at the same meeting: one attendance row counting 2 (15 answers, 14 rows)",
        ],
    )


def groupes_projets_2025_par_trimestre(outdir: Path) -> tuple[str, Manifest]:
    """The working-group meetings of 2025 kept in one sheet per quarter, plus a summary sheet."""
    name = "groupes_projets_2025_par_trimestre.xlsx"
    quarters: dict[str, list[tuple[str, date | str, str, str, int]]] = {
        "T1 2025": [
            ("GP situations de crise", date(2025, 1, 23), "14h-16h", "visio", 9),
            ("GP jeunes", date(2025, 1, 30), "10h-12h", "visio", 8),
            ("GP enfance/parentalité", date(2025, 3, 11), "9h30-11h30", "CMP Winnicott", 10),
        ],
        "T2 2025": [
            ("GP culture/loisirs", date(2025, 4, 8), "14h-16h", "Espace B.-M. Koltès", 7),
            ("GP précarité", date(2025, 5, 15), "14h-16h", "Carrefour des solidarités", 13),
            ("GP emploi/formation", date(2025, 6, 24), "10h-12h", "CRP Metz (EPNAK)", 6),
        ],
        "T3 2025": [
            ("GP logement", "11/09/2025", "14h-16h", "AMLI", 9),
            ("GP jeunes", "25/09/2025", "10h-12h", "Maison des ados", 11),
        ],
        "T4 2025": [
            ("GP situations de crise", date(2025, 10, 14), "14h-16h", "CH Jury + Teams (hybride)", 12),
            ("GP participation/citoyenneté", date(2025, 11, 6), "14h-16h", "GEM Camille Claudel", 15),
            ("GP enfance/parentalité", date(2025, 12, 9), "9h30-11h30", "visio", 8),
        ],
    }
    wb, first = new_workbook()
    wb.remove(first)
    summary = wb.create_sheet("Synthèse")
    summary["A1"] = "Groupes projets 2025 – synthèse"
    summary["A1"].font = TITLE
    write_row(summary, 3, ["Trimestre", "Nb de réunions", "Participants cumulés"], font=BOLD, border=True)
    labels = {
        "T1 2025": "1er trimestre",
        "T2 2025": "2e trimestre",
        "T3 2025": "3e trimestre",
        "T4 2025": "4e trimestre",
    }
    for i, (sheet, meetings) in enumerate(quarters.items()):
        ws = wb.create_sheet(sheet)
        ws["A1"] = f"Groupes projets – {labels[sheet]} 2025"
        ws["A1"].font = TITLE
        write_row(
            ws,
            3,
            ["Groupe", "Date", "Horaire", "Lieu / visio", "Participants"],
            font=BOLD,
            fill=HEADER_FILL,
            border=True,
        )
        for j, values in enumerate(meetings):
            write_row(ws, 4 + j, values, border=True)
            if isinstance(values[1], date):
                ws.cell(row=4 + j, column=2).number_format = "dd/mm/yyyy"
        set_widths(ws, [30, 12, 12, 30, 12])
        last = 3 + len(meetings)
        write_row(
            summary,
            4 + i,
            [labels[sheet], f"=COUNTA('{sheet}'!A4:A{last})", f"=SUM('{sheet}'!E4:E{last})"],
            border=True,
        )
    total = 4 + len(quarters)
    write_row(
        summary, total, ["Total 2025", f"=SUM(B4:B{total - 1})", f"=SUM(C4:C{total - 1})"], font=BOLD, border=True
    )
    set_widths(summary, [18, 16, 22])
    wb.active = 0
    wb.save(outdir / name)
    data_rows = {"Synthèse": 0, **{sheet: len(m) for sheet, m in quarters.items()}}
    count = sum(len(m) for m in quarters.values())
    return name, entry(
        ["meeting"],
        data_rows,
        {"meeting": count},
        [
            "[harder] one sheet per quarter (T1 2025 … T4 2025), each with its own title line and header",
            "a first 'Synthèse' sheet of formulas over the other sheets (counts per quarter, a total): no data rows",
            "the T3 sheet has dates typed as text (11/09/2025), the others real Excel dates",
            "mode folded into the place column ('visio', 'CH Jury + Teams (hybride)'); 'GP' for groupe projets",
        ],
    )


def restitution_tableau_croise(outdir: Path) -> tuple[str, Manifest]:
    """Attendance of the 2023 restitution meeting as a structure × role cross-table with totals."""
    name = "presences_restitution_16-11-2023_tableau_croise.xlsx"
    roles = ["Professionnels", "Usagers", "Aidants", "Élus", "Bénévoles"]
    table: list[tuple[str, list[int | None]]] = [
        ("CH Jury", [3, None, None, None, None]),
        ("Ville de Metz", [1, None, None, 1, None]),
        ("Eurométropole de Metz", [1, 0, 0, 0, 0]),
        ("Département 57", [2, None, None, None, None]),
        ("ARS", [1, None, None, None, None]),
        ("GEM Camille Claudel", [1, 3, None, None, None]),
        ("GEM L'Albatros", [None, 2, None, None, None]),
        ("UNAFAM 57", [None, None, 2, None, None]),
        ("RESAM", [None, None, None, None, 1]),
        ("Mission locale", [1, None, None, None, None]),
        ("MDA 57", [2, None, None, None, None]),
        ("CMP Winnicott", [1, None, None, None, None]),
        ("Pôle petite enfance (Ville de Metz)", [1, None, None, None, None]),
        ("Médecins du Monde", [1, None, None, None, 1]),
        ("ADOMA", [1, None, None, None, None]),
        ("Équipe diocésaine", [None, None, None, None, 2]),
    ]
    wb, ws = new_workbook()
    ws.title = "Présences"
    ws["A1"] = "Réunion CLSM – restitution des groupes thématiques"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:G1")
    ws["A2"] = "16 novembre 2023 – Maison des adolescents et en visioconférence"
    ws.merge_cells("A2:G2")
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"].alignment = Alignment(horizontal="center")
    write_row(ws, 4, ["Structure", *roles, "Total"], font=BOLD, fill=HEADER_FILL, border=True)
    for i, (structure, counts) in enumerate(table):
        row = 5 + i
        write_row(ws, row, [structure, *counts, f"=SUM(B{row}:F{row})"], border=True)
    total_row = 5 + len(table)
    totals = [f"=SUM({get_column_letter(c)}5:{get_column_letter(c)}{total_row - 1})" for c in range(2, 8)]
    write_row(ws, total_row, ["Total", *totals], font=BOLD, border=True)
    set_widths(ws, [36, 15, 10, 10, 8, 11, 8])
    wb.save(outdir / name)
    attendance = sum(1 for _, counts in table for n in counts if n)
    return name, entry(
        ["meeting", "attendance"],
        len(table),
        {"meeting": 1, "attendance": attendance},
        [
            "[harder] a cross-table: structures down, role categories across (plural column headers), one count per cell",
            "the meeting (restitution des groupes thématiques, date in words, place, hybrid mode) only in two merged title lines",
            "empty cells for nobody, and one row with explicit zeros (Eurométropole): only non-zero cells are attendance rows",
            "a Total column and a Total row of SUM formulas; two rows carry two categories (Ville de Metz, Médecins du Monde)",
        ],
    )


def publipostage_lettre_info(outdir: Path) -> tuple[str, Manifest]:
    """The mail-merge source of the 2026 paper newsletter: upper-case fields, addresses, new partners."""
    name = "publipostage_lettre_info_2026.xlsx"
    header = ["RAISON_SOCIALE", "SERVICE", "A_L_ATTENTION_DE", "ADR1", "ADR2", "CP", "VILLE", "SECTEUR_CLSM", "NB_EX"]
    rows = [
        (
            "CENTRE HOSPITALIER DE JURY",
            "DIRECTION DES AFFAIRES GENERALES",
            "Direction",
            "1 RUE DE L'HOPITAL",
            "",
            "57245",
            "JURY",
            "SOINS ET PREVENTION",
            3,
        ),
        (
            "UNAFAM MOSELLE",
            "",
            "Présidence de la délégation",
            "MAISON DES ASSOCIATIONS",
            "",
            "57000",
            "METZ",
            "USAGERS ET AIDANTS",
            5,
        ),
        ("GEM CAMILLE CLAUDEL", "", "Équipe d'animation", "", "", "57000", "METZ", "USAGERS ET AIDANTS", 10),
        ("MAISON DES ADOLESCENTS DE MOSELLE", "", "Direction", "", "", "57000", "METZ", "SOINS ET PREVENTION", 5),
        (
            "CMSEA",
            "POLE INCLUSION SOCIALE",
            "Direction du pôle",
            "",
            "",
            "57000",
            "METZ",
            "ACCOMPAGNEMENT SOCIAL ET MEDICO-SOCIAL",
            2,
        ),
        (
            "RESIDENCE ACCUEIL DU BAN ST MARTIN",
            "",
            "Responsable de la résidence",
            "",
            "",
            "57050",
            "LE BAN ST MARTIN",
            "LOGEMENT",
            1,
        ),
        (
            "VILLE DE METZ",
            "POLE PETITE ENFANCE",
            "Chargée de mission parentalité",
            "HOTEL DE VILLE",
            "BP 21025",
            "57036",
            "METZ CEDEX 1",
            "COLLECTIVITES ET ETAT",
            2,
        ),
        (
            "UDAF DE LA MOSELLE",
            "SERVICE DES MANDATAIRES JUDICIAIRES",
            "Direction",
            "",
            "",
            "57000",
            "METZ",
            "DROIT ET PROTECTION DES PERSONNES",
            2,
        ),
        (
            "CROIX-ROUGE FRANCAISE",
            "UNITE LOCALE DE METZ",
            "Présidence de l'unité locale",
            "",
            "",
            "57000",
            "METZ",
            "ACCOMPAGNEMENT SOCIAL ET MEDICO-SOCIAL",
            1,
        ),
        (
            "CAF DE LA MOSELLE",
            "ACTION SOCIALE",
            "Service action sociale",
            "",
            "",
            "57000",
            "METZ",
            "ACCOMPAGNEMENT SOCIAL ET MEDICO-SOCIAL",
            1,
        ),
        ("SOS AMITIE METZ LORRAINE", "", "Présidence", "", "", "57000", "METZ", "SOINS ET PREVENTION", 1),
        (
            "METZ HABITAT TERRITOIRE",
            "GESTION LOCATIVE",
            "Direction de la gestion locative",
            "",
            "",
            "57000",
            "METZ",
            "LOGEMENT",
            2,
        ),
        ("LOGIEST", "AGENCE DE METZ", "Responsable d'agence", "", "", "57000", "METZ", "LOGEMENT", 1),
    ]
    wb, ws = new_workbook()
    ws.title = "Fusion"
    write_row(ws, 1, header)
    for i, values in enumerate(rows):
        write_row(ws, 2 + i, values)
    for i in range(len(rows)):
        ws.cell(row=2 + i, column=6).number_format = "@"
    set_widths(ws, [36, 34, 30, 26, 12, 8, 20, 40, 7])
    wb.save(outdir / name)
    return name, entry(
        ["structure"],
        len(rows),
        {"structure": 6},
        [
            "[harder] a mail-merge data source: upper-case field names with underscores, no title, every value in capitals without accents",
            "the addressee as a function ('Direction', 'Chargée de mission parentalité'), never a person; a number-of-copies column",
            "towns as the post writes them ('LE BAN ST MARTIN', 'METZ CEDEX 1') with a postal code, not an INSEE code",
            "seven structures already in the seed (CH Jury, UNAFAM, GEM, MDA, CMSEA, résidence accueil, pôle petite enfance): six new (UDAF, Croix-Rouge, CAF, SOS Amitié, Metz Habitat Territoire, LogiEst)",
        ],
    )


def copie_mail_gem_sism2024(outdir: Path) -> tuple[str, Manifest]:
    """A partner's e-mail pasted into Excel: header lines, greeting, a table, a signature."""
    name = "copie_mail_GEM_SISM2024.xlsx"
    events = [
        (abbreviated(date(2024, 10, 8), year=False), "Portes ouvertes du GEM", "GEM Camille Claudel", "35 pers."),
        (abbreviated(date(2024, 10, 10), year=False), "Ciné-débat « Sur l'Adamant »", "Cinéma Le Klub", "92"),
        (
            abbreviated(date(2024, 10, 12), year=False),
            "Marche « En mouvement pour notre santé mentale »",
            "Plan d'eau de Metz",
            "une cinquantaine",
        ),
        (abbreviated(date(2024, 10, 15), year=False), "Café-débat santé mentale et sport", "GEM L'Albatros", "20"),
        (
            abbreviated(date(2024, 10, 18), year=False),
            "Exposition des ateliers d'art du GEM",
            "Médiathèque de Borny",
            "~60 visiteurs",
        ),
    ]
    before = [
        "De : GEM Camille Claudel",
        "Envoyé : lundi 4 novembre 2024 10:12",
        "À : Coordination CLSM",
        "Objet : RE: SISM 2024 - bilan de nos animations",
        None,
        "Bonjour,",
        "Comme convenu, voici le bilan de nos animations pendant les SISM 2024 "
        "(« En mouvement pour notre santé mentale ») :",
        None,
    ]
    after = [
        None,
        "Le ciné-débat a été co-organisé avec l'UNAFAM 57, la marche avec le GEM L'Albatros.",
        "Belle journée,",
        "L'équipe d'animation du GEM",
        "GEM Camille Claudel – Metz",
        None,
        "> Le 28 oct. 2024, Coordination CLSM a écrit :",
        "> Pourriez-vous m'envoyer le nombre de participants à vos animations SISM ?",
    ]
    wb, ws = new_workbook()
    ws.title = "Feuil1"
    row = 1
    for line in before:
        ws.cell(row=row, column=1, value=line)
        row += 1
    write_row(ws, row, ["Date", "Animation", "Lieu", "Participants"], font=BOLD, border=True)
    row += 1
    for values in events:
        write_row(ws, row, values, border=True)
        row += 1
    for line in after:
        ws.cell(row=row, column=1, value=line)
        row += 1
    set_widths(ws, [22, 48, 26, 18])
    wb.save(outdir / name)
    return name, entry(
        ["event"],
        len(events),
        {"event": len(events)},
        [
            "[harder] an e-mail copied into Excel: From/Sent/To/Subject lines, a greeting and a sentence above the pasted table",
            "dates without a year ('mar. 8 oct.'): the year (2024) and the SISM edition only in the subject and the sentence",
            "participant counts in words or approximate ('35 pers.', 'une cinquantaine', '~60 visiteurs')",
            "a signature naming the team, not a person, and a quoted earlier message below the table",
        ],
    )


def export_outlook_2026(outdir: Path) -> tuple[str, Manifest]:
    """The coordination mailbox's calendar exported from Outlook (French CSV export, cp1252)."""
    name = "export_agenda_Outlook_CLSM_2026.csv"
    header = [
        "Objet",
        "Début",
        "Heure de début",
        "Fin",
        "Heure de fin",
        "Journée entière",
        "Rappel actif/inactif",
        "Date de rappel",
        "Heure de rappel",
        "Organisateur d'une réunion",
        "Participants obligatoires",
        "Participants facultatifs",
        "Ressources de la réunion",
        "Catégories",
        "Description",
        "Emplacement",
        "Kilométrage",
        "Priorité",
        "Privé",
        "Sensibilité",
        "Afficher la disponibilité",
    ]
    entries = [
        (
            "GT Jeunes (Teams)",
            date(2026, 1, 20),
            time(10),
            time(12),
            "MDA 57;Mission locale;SUMPPS",
            "Suite du travail sur le repérage.",
            "Réunion Microsoft Teams",
        ),
        (
            "COPIL CLSM",
            date(2026, 2, 5),
            time(14),
            time(16),
            "CH Jury;ARS Grand Est;Ville de Metz;UNAFAM 57",
            "1. Bilan 2025\n2. Programme 2026\n3. Questions diverses",
            "CH Jury - salle du conseil",
        ),
        (
            "Groupe projets enfance-parentalité",
            date(2026, 3, 3),
            time(9, 30),
            time(11, 30),
            "CMP Winnicott;Pôle petite enfance",
            "Réseau psypérinatalité : point d'étape",
            "CMP Winnicott",
        ),
        (
            "GP Situations de crise",
            date(2026, 3, 17),
            time(14),
            time(16),
            "EMAMS;Médecins du Monde",
            "Guide de prévention et de gestion des situations de crise",
            "Maison des adolescents + Teams",
        ),
        (
            "GT Précarité - rencontre avec les CMP",
            date(2026, 4, 9),
            time(14),
            time(16),
            "Carrefour des solidarités",
            "Intervention des CMP auprès des personnes en situation de précarité",
            "Carrefour des solidarités",
        ),
        (
            "GT Culture / loisirs",
            date(2026, 5, 12),
            time(14),
            time(16),
            "Espace Bernard-Marie Koltès;BMM",
            "",
            "Médiathèque de Borny",
        ),
        (
            "Annulé : GT Emploi formation",
            date(2026, 5, 26),
            time(10),
            time(12),
            "CRP Metz;Cap emploi",
            "Réunion annulée, reportée à l'automne.",
            "Réunion Microsoft Teams",
        ),
        (
            "Plénière CLSM 2026",
            date(2026, 6, 11),
            time(9),
            time(12),
            "Tous les partenaires du CLSM",
            "Assemblée plénière annuelle",
            "Hôtel de Ville de Metz - Grand salon",
        ),
    ]
    rows: list[list[str]] = [header]
    for subject, day, start, end, attendees, description, place in entries:
        reminder = datetime.combine(day, start) - timedelta(minutes=15)
        rows.append(
            [
                subject,
                f"{day:%d/%m/%Y}",
                f"{start:%H:%M:%S}",
                f"{day:%d/%m/%Y}",
                f"{end:%H:%M:%S}",
                "Faux",
                "Vrai",
                f"{reminder:%d/%m/%Y}",
                f"{reminder:%H:%M:%S}",
                "Coordination CLSM",
                attendees,
                "",
                "",
                "CLSM",
                description,
                place,
                "",
                "Normale",
                "Faux",
                "Normal",
                "3",
            ]
        )
    write_csv(outdir / name, rows, delimiter=",", encoding="cp1252", quoting=csv.QUOTE_ALL)
    new = sum(1 for e in entries if not e[0].startswith("Annulé"))
    return name, entry(
        ["meeting"],
        len(entries),
        {"meeting": new},
        [
            "[harder] an Outlook calendar export (French headers, every field quoted, Windows-1252): 21 columns, most of them noise",
            "the instance only inside the subject ('COPIL CLSM', 'GT Jeunes (Teams)', 'Plénière CLSM 2026'); the mode only in the location",
            "a multi-line description (agenda) inside one quoted field",
            "one cancelled meeting ('Annulé : GT Emploi formation') that should not become a meeting: 7 new, not 8",
            "attendees as structure names separated by ';', organiser a team mailbox name",
        ],
    )


# --------------------------------------------------------------------------- main

GENERATORS: list[Callable[[Path], tuple[str, Manifest]]] = [
    calendrier_instances_2024,
    emargement_copil_2025,
    bilan_sism,
    sensibilisations_2024,
    nouveaux_partenaires_2024,
    avancement_programme_2022,
    indicateurs_fiche15,
    reunions_groupes_projets_2023,
    presences_pleniere_2025,
    cine_debats,
    forms_emargement_janvier_2025,
    groupes_projets_2025_par_trimestre,
    restitution_tableau_croise,
    publipostage_lettre_info,
    copie_mail_gem_sism2024,
    export_outlook_2026,
]


def main(argv: list[str] | None = None) -> int:
    """Write the sixteen files and manifest.json into the directory given on the command line."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_heldout9.py OUTDIR", file=sys.stderr)
        return 2
    outdir = Path(args[0])
    outdir.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Manifest] = {}
    for generate in GENERATORS:
        name, info = generate(outdir)
        manifest[name] = info
    (outdir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(manifest)} files and manifest.json written to {outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
