"""Held-out set n°14: sixteen files that the people of the CLSM's network keep and hand to the coordinator.

Ten files are ordinary follow-up sheets, each with everyday habits the earlier sets did not use: Excel's
automatic subtotals per month, an « X » grid of structures × meetings grouped by merged « collège » cells,
periods written « 1er trim. 2024 » and counts « 18+4 », two tables side by side on one sheet (the right one
refers to the left one by a local number), one sheet per sector with hidden columns, quarterly status codes,
percent cells, a structure merged over its services. Six are harder, each in its own way: a Notion database
export in the English locale, a traffic-light table whose status is only a cell colour, a uMap export of the
resource map (markdown descriptions, a polygon), a Microsoft Teams attendance report (UTF-16, three
sections), a SISM week planner laid out as a calendar grid, and a sheet of printed mailing labels.

No person's name, personal e-mail or individual phone number appears anywhere: names and contacts are
« [masqué] », attendance is counted per structure and role category only; addresses are only postcodes and
towns. Rows dated 2018-2020 for the sheet n°32 indicators and everything dated 2022-2026, the new partner
structures and the directory entries are test content, not facts of the council's documents.

The expected counts are computed from the rows written, against the keys of a freshly built seed
database (the SEED_* sets below), so that the manifest and the files cannot drift apart.

Usage: python make_heldout14.py OUTDIR  (writes the sixteen files and OUTDIR/manifest.json)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip
MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MASK = "[masqué]"

PRO, USA, AID, ELU, BEN = "professionnel", "usager", "aidant", "élu", "bénévole"

# Keys of a freshly built seed database (python -m clsm_data build), used to count what is new.
SEED_MEETINGS = {
    ("copil", dt.date(2017, 2, 1)), ("copil", dt.date(2018, 10, 1)), ("copil", dt.date(2020, 2, 1)),
    ("pleniere", dt.date(2017, 5, 1)), ("pleniere", dt.date(2018, 10, 1)), ("pleniere", dt.date(2019, 12, 1)),
    ("reunion-clsm", dt.date(2021, 11, 18)), ("information-partenaires", dt.date(2021, 5, 27)),
}  # fmt: skip
SEED_INSTANCES = {
    "copil", "pleniere", "reunion-clsm", "groupes-projets", "groupe-jeunes", "groupe-enfance-parentalite",
    "groupe-situations-crise", "groupe-culture-loisirs", "groupe-emploi-formation", "groupe-logement",
    "groupe-precarite", "groupe-participation-citoyennete", "information-partenaires", "rencontre-partenaires",
}  # fmt: skip
_SEED_ATTENDANCE_2021 = [
    ("departement-moselle", PRO), ("mission-locale-pays-messin", PRO), ("sumpps", PRO), ("epnak-crp-metz", PRO),
    ("adoma-pension-famille", PRO), ("gem-camille-claudel", USA), ("samely", PRO), ("adoma", PRO),
    ("unafam-moselle", AID), ("cmpp-pep57", PRO), ("medecins-du-monde-metz", PRO), ("ch-jury", PRO),
    ("gem-albatros", USA), ("eurometropole-metz", PRO), ("gem-camille-claudel", PRO), ("resam", BEN),
    ("emams", PRO), ("ch-jury-villa-relais", PRO), ("ville-metz-pole-petite-enfance", PRO),
    ("ville-metz-multi-accueil-marmousets", PRO), ("rsma", PRO), ("ddcs-moselle", PRO), ("csapa-les-wads", PRO),
]  # fmt: skip
SEED_ATTENDANCE = {("reunion-clsm", dt.date(2021, 11, 18), sid, role) for sid, role in _SEED_ATTENDANCE_2021}
# events of the seed: (kind, year, title)
SEED_EVENTS = {
    ("SISM", 2017, "Santé mentale et travail"), ("SISM", 2018, "Santé mentale et parentalité"),
    ("SISM", 2019, "Santé mentale à l'ère du numérique"), ("SISM", 2020, "Santé mentale et discriminations"),
    ("sensibilisation", 2019, "Sensibilisation en santé mentale"),
    ("sensibilisation", 2020, "Sensibilisation en santé mentale (avril et juin 2020)"),
    ("sensibilisation", 2020, "Sensibilisation en santé mentale des agents de la MDPH"),
    ("sensibilisation", 2020, "Sensibilisation en santé mentale (session en salle)"),
    ("séminaire", 2021, "Présentation du programme « Perinatal mental health » (PATH)"),
}  # fmt: skip
SEED_STRUCTURES = {
    "ch-jury", "ch-jury-pole-3", "cmp-winnicott", "ch-jury-cmp-1", "ch-jury-erah", "ch-jury-villa-relais",
    "ch-jury-empp", "ville-metz", "ville-metz-pole-petite-enfance", "ville-metz-multi-accueil-marmousets",
    "eurometropole-metz", "departement-moselle", "ars-grand-est", "drac-grand-est", "etat", "prefecture-moselle",
    "ddcs-moselle", "education-nationale", "mdph", "defenseur-des-droits", "cdad", "unafam-moselle",
    "gem-camille-claudel", "gem-albatros", "mda-moselle", "ireps-lorraine", "casa", "mgen", "rsma",
    "csapa-les-wads", "hopital-mercy", "centre-pierre-janet", "pssm-france", "medecins-du-monde-metz",
    "ccoms-lille", "emams", "carrefour-solidarites", "cmsea", "cmsea-pole-inclusion-sociale", "service-en-amont",
    "resam", "equipe-diocesaine", "pep-lorest", "samely", "cmpp-pep57", "epe-moselle", "ligue-droits-homme",
    "arelor", "amli", "adoma", "adoma-pension-famille", "residence-accueil-ban-saint-martin",
    "mission-locale-pays-messin", "pole-emploi", "cap-emploi", "epnak", "epnak-crp-metz", "cnfpt",
    "esat-charivari", "universite-lorraine", "sumpps", "iut-longwy", "espace-bernard-marie-koltes", "inserm",
    "ors-grand-est", "france-bleue",
}  # fmt: skip
SEED_ACTIONS = {
    "s20-sism", "s20-outils", "s20-logement", *(f"p22-{n:02d}" for n in range(1, 21)), "fiche-32", "fiche-15",
}  # fmt: skip
# the seed's action_partner rows (the action table's porteur_id of p22-08/13/17/18 is not one of them)
SEED_ACTION_PARTNERS = {
    ("p22-15", "ch-jury", "partenaire"), ("p22-16", "ville-metz", "partenaire"),
    ("p22-16", "cmp-winnicott", "partenaire"), ("p22-16", "education-nationale", "partenaire"),
    ("p22-16", "prefecture-moselle", "partenaire"), ("p22-19", "mda-moselle", "partenaire"),
    ("p22-20", "inserm", "partenaire"), ("p22-20", "ville-metz", "partenaire"),
    ("fiche-32", "ireps-lorraine", "partenaire principal"), ("fiche-32", "ch-jury", "porteur"),
    ("fiche-15", "ch-jury", "porteur"), ("fiche-15", "ville-metz", "partenaire principal"),
    ("fiche-15", "ars-grand-est", "partenaire principal"), ("fiche-15", "ars-grand-est", "financeur"),
    ("fiche-15", "ville-metz", "financeur"),
}  # fmt: skip
SEED_ACTION_STATUSES: set[tuple] = set()  # the seed has no dated status
SEED_INDICATORS = {"f15-proc-1", "f15-proc-2", "f15-proc-3", "f15-res-1", "f15-res-2", "f32-r1", "f32-r2"}
SEED_INDICATOR_VALUES = {("f15-proc-2", "2021"), ("f15-proc-3", "2021")}
SEED_RESOURCES = {
    "outil-lettre-information", "outil-carte-ressources", "outil-guide-sante-mentale", "outil-annuaire-structures",
    "outil-site-internet", "plateforme-formation-distance", "stopblues", "consultations-psy-mission-locale",
    "ecout-emoi", "pssm-centre-pierre-janet", "pssm-etudiants-sumpps", "pssm-france-formateurs",
    "cheques-psy-etudiants", "maison-des-bebes", "maison-droits-enfant",
}  # fmt: skip

NEW = "new"  # marks a row that the seed does not hold


def entry(tables: list[str], data_rows: int | dict[str, int], new_rows: dict[str, int], quirks: list[str]) -> dict:
    """One manifest entry."""
    return {"tables": tables, "data_rows": data_rows, "new_rows_in_fresh_seed": new_rows, "quirks": quirks}


def fill(color: str) -> PatternFill:
    """A solid background colour."""
    return PatternFill("solid", start_color=color, end_color=color)


def header_row(ws, row: int, values: list[str], start: int = 1, background: PatternFill | None = None) -> None:
    """Write a bold header row from column `start`."""
    for col, value in enumerate(values, start=start):
        cell = ws.cell(row=row, column=col, value=value)
        cell.font = BOLD
        if background is not None:
            cell.fill = background


def widths(ws, values: dict[str, float]) -> None:
    """Set column widths, the way people drag them to fit."""
    for letter, width in values.items():
        ws.column_dimensions[letter].width = width


def new_meeting_rows(meetings, attendance) -> dict[str, int]:
    """Count the meetings and attendance rows a fresh seed does not hold yet.

    meetings: iterable of (instance_id, date); attendance: iterable of (instance_id, date, structure_id,
    role, count). Counts of the same meeting × structure × role are summed into one row; zero counts
    make no row.
    """
    meetings = set(meetings)
    for instance, _ in meetings:
        assert instance in SEED_INSTANCES, instance
    new_meetings = {key for key in meetings if key not in SEED_MEETINGS}
    totals: dict[tuple, int] = {}
    for instance, day, sid, role, count in attendance:
        assert sid in SEED_STRUCTURES, sid
        assert (instance, day) in meetings, (instance, day)
        totals[(instance, day, sid, role)] = totals.get((instance, day, sid, role), 0) + count
    new_attendance = {key for key, count in totals.items() if count and key not in SEED_ATTENDANCE}
    return {"meeting": len(new_meetings), "attendance": len(new_attendance)}


def count_new(keys, seed: set) -> int:
    """How many distinct keys are new; a key written NEW is new by construction, others must be in the seed."""
    distinct = set()
    for key in keys:
        if key == NEW:
            distinct.add(object())
            continue
        assert key in seed, key
    return len(distinct)


def quarter_label(number: int, year: int, style: int) -> str:
    """A quarter written the ways people write it: « 1er trim. 2024 », « T3 2024 », « 4e trimestre 2024 »."""
    ordinal = "1er" if number == 1 else f"{number}e"
    return [f"{ordinal} trim. {year}", f"T{number} {year}", f"{ordinal} trimestre {year}"][style]


# --------------------------------------------------------------------------------------------
# Ordinary files
# --------------------------------------------------------------------------------------------


def coordinator_subtotals_by_month(out: Path) -> tuple[str, dict]:
    """The coordinator's 2026 calendar, sorted by month and run through Excel's Données > Sous-total."""
    name = "calendrier_instances_2026_sous-totaux.xlsx"
    meetings = [
        (dt.date(2026, 1, 13), "GP crise", "groupe-situations-crise", "V", "Teams", 9),
        (dt.date(2026, 1, 27), "GP jeunes", "groupe-jeunes", "P", "MDA", 11),
        (dt.date(2026, 2, 3), "CoPil", "copil", "P", "CH Jury – salle du conseil", 15),
        (dt.date(2026, 2, 17), "GP log.", "groupe-logement", "H", "AMLI + Teams", 10),
        (dt.date(2026, 3, 10), "GP précar.", "groupe-precarite", "P", "Carrefour des solidarités", 12),
        (dt.date(2026, 3, 24), "GP cult.", "groupe-culture-loisirs", "P", "Espace BMK", 8),
        (dt.date(2026, 4, 7), "GP enf./par.", "groupe-enfance-parentalite", "V", "Teams", 7),
        (dt.date(2026, 4, 21), "GP emploi", "groupe-emploi-formation", "P", "CRP Metz", 9),
        (dt.date(2026, 5, 19), "GP particip.", "groupe-participation-citoyennete", "P", "GEM L'Albatros", 10),
        (dt.date(2026, 6, 9), "GP jeunes", "groupe-jeunes", "P", "Mission locale", None),
        (dt.date(2026, 6, 18), "AP", "pleniere", "P", "Hôtel de ville – salon de Guise", None),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "2026"
    ws["A1"] = "Instances du CLSM – 2026 (réalisé et prévisionnel)"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "MAJ 20/05/2026"
    ws["A2"].font = Font(italic=True, color="808080")
    header_row(ws, 3, ["Mois", "Date", "Inst.", "Mod.", "Lieu", "Nb part."], background=fill("D9D9D9"))
    ws.sheet_properties.outlinePr.summaryBelow = True
    row = 4
    first_data = row
    month_start = row
    keys = []
    for number, (day, label, instance, mode, place, count) in enumerate(meetings):
        values = [MONTHS[day.month - 1], day, label, mode, place, count]
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value)
        ws.cell(row=row, column=2).number_format = "DD/MM/YYYY"
        ws.row_dimensions[row].outline_level = 2
        keys.append((instance, day))
        row += 1
        last_of_month = number + 1 == len(meetings) or meetings[number + 1][0].month != day.month
        if last_of_month:
            ws.cell(row=row, column=1, value=f"Total {MONTHS[day.month - 1]}").font = BOLD
            ws.cell(row=row, column=6, value=f"=SUBTOTAL(9,F{month_start}:F{row - 1})").font = BOLD
            ws.row_dimensions[row].outline_level = 1
            row += 1
            month_start = row
    ws.cell(row=row, column=1, value="Total général").font = BOLD
    ws.cell(row=row, column=6, value=f"=SUBTOTAL(9,F{first_data}:F{row - 1})").font = BOLD
    # the abbreviations, in a small box to the right of the table
    legend = [
        ("Abréviations", None), ("CoPil", "Comité de pilotage"), ("AP", "Assemblée plénière"),
        ("GP", "Groupe projets"), ("log. / précar. / cult.", "logement / précarité / culture-loisirs"),
        ("enf./par.", "enfance-parentalité"), ("particip.", "participation-citoyenneté"),
        ("P / V / H", "présentiel / visio / hybride"),
    ]  # fmt: skip
    for offset, (short, meaning) in enumerate(legend):
        ws.cell(row=3 + offset, column=8, value=short).border = BOX
        ws.cell(row=3 + offset, column=9, value=meaning).border = BOX
    ws["H3"].font = BOLD
    widths(ws, {"A": 16, "B": 12, "C": 13, "D": 6, "E": 32, "F": 9, "H": 20, "I": 36})
    wb.save(out / name)
    return name, entry(
        ["meeting"],
        len(meetings),
        {"meeting": new_meeting_rows(keys, [])["meeting"]},
        [
            "Excel's automatic subtotals (Données > Sous-total, « à chaque changement de : Mois »): a « Total janvier » row with =SUBTOTAL(9,…) after each month, a « Total général » row, outline levels 1/2",
            "a « Mois » column repeating the month word on every data row (the grouping key), beside a real date column",
            "instances abbreviated « CoPil », « AP », « GP log. », « GP enf./par. », « GP particip. », mode as one letter P / V / H",
            "the abbreviations are explained in a small bordered box to the RIGHT of the table (columns H-I), not below it: not records",
            "« Nb part. » is a head count per meeting (empty for the two planned June meetings), not attendance by structure",
        ],
    )


def housing_group_x_grid(out: Path) -> tuple[str, dict]:
    """The housing group's yearly presence grid: structures down, meetings across, one X per person."""
    name = "GT_logement_2025_grille_presences.xlsx"
    days = [dt.date(2025, 1, 21), dt.date(2025, 3, 18), dt.date(2025, 5, 20), dt.date(2025, 9, 23),
            dt.date(2025, 11, 25)]  # fmt: skip
    colleges = [
        ("Professionnels", PRO, [
            ("ERAH (CH Jury)", "ch-jury-erah", ["X", "X", "XX", "X", "X"]),
            ("ADOMA", "adoma", ["X", "", "X", "exc.", "X"]),
            ("Pension de famille ADOMA", "adoma-pension-famille", ["", "X", "X", "", "X"]),
            ("AMLI", "amli", ["XX", "X", "exc.", "X", "X"]),
            ("ARELOR", "arelor", ["X", "", "", "X", ""]),
            ("Résidence accueil du Ban-St-Martin", "residence-accueil-ban-saint-martin", ["X", "X", "X", "X", "exc."]),
            ("Service en Amont (CMSEA)", "service-en-amont", ["", "X", "", "X", "X"]),
            ("Département 57", "departement-moselle", ["X", "exc.", "X", "", "X"]),
        ]),
        ("Usagers", USA, [
            ("GEM L'Albatros", "gem-albatros", ["XX", "X", "XX", "X", "x"]),
            ("GEM Camille Claudel", "gem-camille-claudel", ["X", "", "X", "X", ""]),
        ]),
        ("Familles / aidants", AID, [("UNAFAM 57", "unafam-moselle", ["X", "X", "X", "X", "X"])]),
        ("Élus", ELU, [("Ville de Metz", "ville-metz", ["X", "", "", "X", "X"])]),
        ("Bénévoles", BEN, [("RESAM", "resam", ["", "X", "", "X", ""])]),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences 2025"
    ws["A1"] = "Groupe projets « Logement et santé mentale » – tableau des présences 2025"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = "X = une personne présente ; XX = deux personnes ; exc. = excusé(e) ; case vide = absent"
    ws["A2"].font = Font(italic=True)
    header_row(ws, 4, ["Collège", "Structure"], background=fill("E2EFDA"))
    for offset, day in enumerate(days):
        cell = ws.cell(row=4, column=3 + offset, value=day)
        cell.number_format = "DD/MM/YY"
        cell.font = BOLD
        cell.fill = fill("E2EFDA")
        cell.alignment = CENTER
    last_col = 3 + len(days)
    total_letter = chr(ord("A") + last_col - 1)
    header_row(ws, 4, ["Nb présences"], start=last_col, background=fill("E2EFDA"))
    row = 5
    rows = 0
    attendance = []
    for college, role, structures in colleges:
        first = row
        ws.cell(row=row, column=1, value=college).alignment = CENTER
        for written, sid, marks in structures:
            ws.cell(row=row, column=2, value=written)
            for offset, mark in enumerate(marks):
                cell = ws.cell(row=row, column=3 + offset, value=mark or None)
                cell.alignment = CENTER
                cell.border = BOX
                if mark.upper().startswith("X"):
                    attendance.append(("groupe-logement", days[offset], sid, role, mark.upper().count("X")))
            ws.cell(row=row, column=last_col, value=f'=COUNTIF(C{row}:G{row},"X")+2*COUNTIF(C{row}:G{row},"XX")')
            row += 1
            rows += 1
        if row - 1 > first:
            ws.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=1)
    ws.cell(row=row, column=2, value="Structures présentes").font = BOLD
    for offset in range(len(days)):
        letter = chr(ord("C") + offset)
        ws.cell(row=row, column=3 + offset, value=f'=COUNTIF({letter}5:{letter}{row - 1},"X*")').font = BOLD
    ws.cell(row=row + 2, column=1, value="Lieu : en alternance AMLI / ADOMA / CH Jury (ERAH) ; réunion de 9h30 à 11h30")
    widths(ws, {"A": 18, "B": 34, total_letter: 13})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        rows,
        new_meeting_rows([("groupe-logement", day) for day in days], attendance),
        [
            "an « X » grid: structures down, the five 2025 meetings across (real dates shown dd/mm/yy in the header), one X per person present, « XX » for two, a lower-case « x » once",
            "« exc. » (excused) and empty cells are not attendance",
            "the role category comes from a « Collège » column merged vertically over its structures (Professionnels / Usagers / Familles / aidants / Élus / Bénévoles)",
            "a « Nb présences » formula column and a « Structures présentes » COUNTIF row are derived, not data",
            "the instance is only in the title line; a note under the grid gives the usual places",
        ],
    )


def trainer_quarter_periods(out: Path) -> tuple[str, dict]:
    """The training officer's list of awareness sessions dated by quarter, with « 18+4 » counts and % cells."""
    name = "sensibilisations_formations_2024-2025_par_trimestre.xlsx"
    sessions = [
        (1, 2024, 0, "Module de base de sensibilisation en santé mentale", "Sensibilisation",
         "Professionnels du social", "hybride", "18+4", 0.92, ""),
        (2, 2024, 0, "Premiers secours en santé mentale (module standard)", "Formation PSSM",
         "Professionnels et bénévoles", "présentiel (2 jours)", "12", 0.96, ""),
        (3, 2024, 1, "Santé mentale et logement : repérer, orienter", "Sensibilisation",
         "Gardiens d'immeuble, bailleurs", "présentiel", "9 + 3", "88 %", "3 stagiaires venus de Woippy"),
        (4, 2024, 2, "Accueillir une personne en souffrance psychique", "sensibilisation",
         "Agents d'accueil de la Ville", "à distance", "25", 0.81, ""),
        (1, 2025, 0, "Module de base de sensibilisation en santé mentale (session 2025)", "Sensibilisation",
         "Tout professionnel", "hybride", "15+7", 0.9, ""),
        (2, 2025, 0, "PSSM jeunes (module adolescents)", "Formation PSSM", "Professionnels de la jeunesse",
         "présentiel (2 jours)", "11", None, "questionnaires non rendus"),
        (3, 2025, 1, "Santé mentale des personnes âgées isolées", "Sensibilisation", "Aides à domicile",
         "présentiel", "14", 0.85, ""),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Sessions"
    ws["A1"] = "CLSM – sensibilisations et formations 2024-2025"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Période", "Intitulé", "Type", "Public", "Modalité", "Participants (salle+distance)",
                       "Satisfaction", "Remarques"], background=fill("FFF2CC"))  # fmt: skip
    row = 4
    keys = []
    for quarter, year, style, title, kind, public, mode, participants, satisfaction, remark in sessions:
        values = [quarter_label(quarter, year, style), title, kind, public, mode, participants, satisfaction,
                  remark or None]  # fmt: skip
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value).alignment = WRAP
        if isinstance(satisfaction, float):
            ws.cell(row=row, column=7).number_format = "0%"
        keys.append(NEW)
        row += 1
    ws.cell(row=row, column=1, value="Moyenne").font = BOLD
    ws.cell(row=row, column=7, value=f"=AVERAGE(G4:G{row - 1})").number_format = "0%"
    ws.cell(row=row + 2, column=1, value="« 18+4 » : présents en salle + connectés à distance")
    ws.cell(row=row + 3, column=1, value="Satisfaction : part des répondants « satisfaits » ou « très satisfaits »")
    widths(ws, {"A": 18, "B": 52, "C": 16, "D": 30, "E": 20, "F": 16, "G": 12, "H": 30})
    wb.save(out / name)
    return name, entry(
        ["event"],
        len(sessions),
        {"event": count_new(keys, SEED_EVENTS)},
        [
            "no day: each session dated by its quarter, written « 1er trim. 2024 », « T3 2024 », « 4e trimestre 2024 » (year precision at best)",
            "participants typed as a sum « 18+4 » / « 9 + 3 » (room + remote, explained under the table): 22 and 12 people",
            "a « Satisfaction » column of percent cells (0.92 shown 92 %), one typed as text « 88 % », one empty: not event data",
            "a « Moyenne » row with an AVERAGE formula under the table (not an event); kinds « Sensibilisation » / « Formation PSSM » in mixed case",
        ],
    )


def partners_two_tables(out: Path) -> tuple[str, dict]:
    """The coordinator's sheet of actions (left) and their partners (right), joined by a local number."""
    name = "actions_et_partenaires_2025_deux_tableaux.xlsx"
    actions = [
        ("A1", "FA 15 – Coordination du CLSM", "CH Jury", "fiche-15"),
        ("A2", "FA 32 – Sensibilisation des professionnels (CLS 2017-2020)", "CH Jury", "fiche-32"),
        ("A3", "Poursuite des SISM", "—", "p22-05"),
        ("A4", "Cartographie des acteurs culture / loisirs", "—", "p22-09"),
        ("A5", "Cités éducatives (information, sensibilisation)", "—", "p22-16"),
        ("A6", "Collaborations acteurs locaux / MDA", "—", "p22-19"),
        ("A7", "Communication Stopblues et prévention du mal-être des jeunes", "—", "p22-20"),
    ]
    porteurs = {"CH Jury": "ch-jury"}
    links = [
        ("A1", "Eurométropole de Metz", "eurometropole-metz", "Partenaire principal"),
        ("A1", "Ville de Metz", "ville-metz", "Financeur"),
        ("A1", "Département 57", "departement-moselle", "Partenaire"),
        ("A2", "CNFPT", "cnfpt", "Partenaire"),
        ("A2", "IREPS", "ireps-lorraine", "Partenaire principal"),
        ("A3", "Ville de Metz", "ville-metz", "Partenaire"),
        ("A3", "UNAFAM 57", "unafam-moselle", "Partenaire"),
        ("A3", "GEM L'Albatros", "gem-albatros", "Partenaire"),
        ("A3", "Espace Koltès", "espace-bernard-marie-koltes", "Partenaire"),
        ("A4", "Espace Koltès", "espace-bernard-marie-koltes", "Partenaire"),
        ("A4", "ESAT Charivari", "esat-charivari", "Partenaire"),
        ("A5", "Éducation nationale", "education-nationale", "Partenaire"),
        ("A5", "CMP Winnicott", "cmp-winnicott", "Partenaire"),
        ("A5", "EPE 57", "epe-moselle", "Partenaire"),
        ("A6", "Maison des ados", "mda-moselle", "Partenaire"),
        ("A6", "Mission locale", "mission-locale-pays-messin", "Partenaire"),
        ("A6", "CASA", "casa", "Partenaire"),
        ("A7", "Inserm", "inserm", "Partenaire"),
        ("A7", "SUMPPS", "sumpps", "Partenaire"),
    ]  # fmt: skip
    by_ref = {ref: action for ref, _, _, action in actions}
    wb = Workbook()
    ws = wb.active
    ws.title = "Actions & partenaires"
    ws["A1"] = "Actions suivies par la coordination"
    ws["F1"] = "Partenaires associés (MAJ nov. 2025)"
    ws["A1"].font = ws["F1"].font = Font(bold=True, size=12, color="1F4E79")
    header_row(ws, 3, ["N°", "Action", "Porteur"], background=fill("DDEBF7"))
    header_row(ws, 3, ["Action n°", "Structure", "Rôle"], start=6, background=fill("FCE4D6"))
    found = set()
    for offset, (ref, title, porteur, action) in enumerate(actions):
        for col, value in enumerate([ref, title, porteur], start=1):
            ws.cell(row=4 + offset, column=col, value=value).border = BOX
        if porteur in porteurs:
            found.add((action, porteurs[porteur], "porteur"))
    for offset, (ref, written, sid, role) in enumerate(links):
        for col, value in enumerate([ref, written, role], start=6):
            ws.cell(row=4 + offset, column=col, value=value).border = BOX
        assert sid in SEED_STRUCTURES, sid
        found.add((by_ref[ref], sid, role.lower()))
    for action, _, _ in found:
        assert action in SEED_ACTIONS, action
    ws.cell(row=4 + len(links) + 1, column=6, value="N° = numéro de la ligne dans le tableau de gauche")
    widths(ws, {"A": 6, "B": 52, "C": 12, "D": 3, "E": 3, "F": 10, "G": 24, "H": 22})
    wb.save(out / name)
    return name, entry(
        ["action_partner"],
        {"Actions & partenaires": len(links)},
        {"action_partner": len(found - SEED_ACTION_PARTNERS)},
        [
            "two tables side by side on one sheet, each with its own title and header: actions in A-C, their partners in F-H (two empty columns between)",
            "the right table refers to the left one by a local number « A1 »…« A7 » (« Action n° »): the join gives the action",
            "actions by short names (« FA 15 – Coordination du CLSM », « Poursuite des SISM »); porteur « — » when none; the CH Jury porteur links of fiches 15 and 32 are in the seed",
            "roles capitalised (« Partenaire principal », « Financeur »); six links are already in the seed (fiche 15 Ville de Metz financeur, fiche 32 IREPS partenaire principal, Cités éducatives: Éducation nationale and CMP Winnicott, MDA and Inserm partenaires)",
            "the two tables have different lengths; the Espace Koltès appears for two actions",
        ],
    )


def directory_sheet_per_sector(out: Path) -> tuple[str, dict]:
    """A city officer's partner directory: one sheet per sector (the sector is only the sheet name)."""
    name = "annuaire_partenaires_2026_par_secteur.xlsx"
    sheets = [
        ("Soins & prévention", [
            ("CH de Jury", "CHJ", "Metz", "déjà partenaire", "ch-jury"),
            ("Maison des adolescents de la Moselle", "MDA 57", "Metz", "déjà partenaire", "mda-moselle"),
            ("Point accueil écoute jeunes de Metz", "PAEJ", "Metz", "2026", NEW),
            ("Maison de santé pluriprofessionnelle du Sablon", "MSP Sablon", "Metz", "janv. 26", NEW),
        ]),
        ("Social - médico-social", [
            ("EMAMS", None, "Metz", "déjà partenaire", "emams"),
            ("Croix-Rouge française – unité locale de Metz", "CRF", "Metz", "2026", NEW),
            ("Centre social de Bellecroix", None, "Metz", "févr. 26", NEW),
            ("Secours catholique – délégation de Moselle", None, "Metz", "2026", NEW),
        ]),
        ("Logement", [
            ("AMLI", "AMLI", "Metz", "déjà partenaire", "amli"),
            ("Résidence accueil du Ban-Saint-Martin", None, "Le Ban-Saint-Martin", "déjà partenaire",
             "residence-accueil-ban-saint-martin"),
            ("Metz Habitat Territoire", "MHT", "Metz", "2026", NEW),
        ]),
        ("Culture & loisirs", [
            ("Espace Bernard-Marie Koltès", "EBMK", "Metz", "déjà partenaire", "espace-bernard-marie-koltes"),
            ("Musée de La Cour d'Or", None, "Metz", "2026", NEW),
            ("Conservatoire à rayonnement régional Gabriel Pierné", "CRR", "Metz", "mars 26", NEW),
        ]),
        ("Emploi & formation", [
            ("Cap emploi 57", None, "Metz", "déjà partenaire", "cap-emploi"),
            ("CRP Metz – EPNAK", "CRP", "Metz", "déjà partenaire", "epnak-crp-metz"),
            ("Groupement d'employeurs pour l'insertion et la qualification de Moselle", "GEIQ 57", "Metz", "2026",
             NEW),
        ]),
    ]  # fmt: skip
    wb = Workbook()
    wb.remove(wb.active)
    data_rows = {}
    keys = []
    for sheet, rows in sheets:
        ws = wb.create_sheet(sheet)
        header_row(ws, 1, ["Structure", "Sigle", "Commune", "Référent(e)", "Tél. référent", "Adhésion CLSM"],
                   background=fill("BDD7EE"))  # fmt: skip
        for offset, (structure, acronym, commune, since, key) in enumerate(rows):
            values = [structure, acronym, commune, MASK, MASK, since]
            for col, value in enumerate(values, start=1):
                ws.cell(row=2 + offset, column=col, value=value)
            keys.append(key)
        ws.column_dimensions["D"].hidden = True
        ws.column_dimensions["E"].hidden = True
        widths(ws, {"A": 60, "B": 12, "C": 20, "F": 16})
        ws.freeze_panes = "A2"
        data_rows[sheet] = len(rows)
    wb.save(out / name)
    return name, entry(
        ["structure"],
        data_rows,
        {"structure": count_new(keys, SEED_STRUCTURES)},
        [
            "one sheet per sector (« Soins & prévention », « Social - médico-social », « Logement », « Culture & loisirs », « Emploi & formation »): the sector is only the sheet's name",
            "two hidden columns (« Référent(e) », « Tél. référent ») holding « [masqué] »: personal data, never a structure field",
            "« Adhésion CLSM » written « 2026 », « janv. 26 », « mars 26 » or « déjà partenaire »",
            "seven rows are structures already in the seed, spelled their own way (« CH de Jury », « Maison des adolescents de la Moselle », « Cap emploi 57 », « CRP Metz – EPNAK », « Espace Bernard-Marie Koltès »)",
        ],
    )


def indicators_side_by_side(out: Path) -> tuple[str, dict]:
    """The intern's indicator sheet: sheet n°15 on the left, sheet n°32 on the right, with percent cells."""
    name = "indicateurs_FA15_et_FA32_cote_a_cote.xlsx"
    left_years = ["2022", "2023", "2024", "2025"]
    left = [
        ("f15-proc-1", "Actions réalisées / prévues", [0.44, 0.55, 0.62, 0.7]),
        ("f15-proc-2", "Réunions organisées (toutes instances)", [31, 28, 34, 29]),
        ("f15-proc-3", "Acteurs représentés dans les instances", [96, 104, 112, "n.c."]),
        ("f15-res-1", "Partenaires ayant développé des collaborations", ["n.c.", 21, "n.c.", 27]),
        ("f15-res-2", "Pros déclarant mieux connaître l'offre et les besoins", ["n.c.", 0.68, "n.c.", "74 %"]),
    ]  # fmt: skip
    right_years = ["2018", "2019", "2020"]
    right = [
        ("f32-r1", "Participants déclarant mieux connaître les dispositifs d'accompagnement", [41, 56, "—"]),
        ("f32-r2", "Participants déclarant mieux connaître les missions des professionnels", [38, 49, "—"]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Indicateurs"
    ws["A1"] = "Fiche 15 – Coordination du CLSM (CLS 2022-2026)"
    ws["H1"] = "Fiche 32 – Sensibilisation des professionnels (CLS 2017-2020)"
    ws["A1"].font = ws["H1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Indicateur", *left_years], background=fill("FCE4D6"))
    header_row(ws, 3, ["Indicateur", *right_years], start=8, background=fill("E2EFDA"))
    values = 0
    for offset, (indicator, label, cells) in enumerate(left):
        ws.cell(row=4 + offset, column=1, value=label)
        for col, (year, value) in enumerate(zip(left_years, cells, strict=True), start=2):
            cell = ws.cell(row=4 + offset, column=col, value=value)
            if isinstance(value, float):
                cell.number_format = "0%"
            if value not in ("n.c.", "—") and (indicator, year) not in SEED_INDICATOR_VALUES:
                values += 1
    for offset, (indicator, label, cells) in enumerate(right):
        ws.cell(row=4 + offset, column=8, value=label)
        for col, (year, value) in enumerate(zip(right_years, cells, strict=True), start=9):
            ws.cell(row=4 + offset, column=col, value=value)
            if value not in ("n.c.", "—") and (indicator, year) not in SEED_INDICATOR_VALUES:
                values += 1
    for indicator, *_ in left + right:
        assert indicator in SEED_INDICATORS, indicator
    ws.cell(row=10, column=1, value="n.c. = non connu (pas de questionnaire cette année-là)").font = Font(italic=True)
    ws.cell(row=7, column=8, value="2020 : sessions à distance, pas de questionnaire").font = Font(italic=True)
    widths(ws, {"A": 50, "B": 9, "C": 9, "D": 9, "E": 9, "F": 4, "G": 4, "H": 66, "I": 9, "J": 9, "K": 9})
    wb.save(out / name)
    return name, entry(
        ["indicator_value"],
        len(left) + len(right),
        {"indicator_value": values},
        [
            "two tables side by side on one sheet: sheet n°15 (years 2022-2025) in A-E, sheet n°32 (years 2018-2020) in H-K, each with its own title line and header",
            "indicators named by shortened paraphrases of the sheets' wordings, never their codes",
            "ratios and shares as percent cells (0.44 shown 44 %), one typed as text « 74 % »",
            "« n.c. » and « — » mean not measured; a note under each table",
        ],
    )


def cls_actions_progress(out: Path) -> tuple[str, dict]:
    """The CLS officer's action sheets with quarters for dates and a % progress column."""
    name = "fiches_actions_CLS_avancement_2025.xlsx"
    rows = [
        ("15", "Coordination du Conseil local de santé mentale", "CLS 22-26", "CH Jury", "1er trim. 2022",
         "fin 2026", 0.6, "mise en œuvre", "5 000 €", "fiche-15"),
        ("20", "Repérage de la souffrance psychique des seniors isolés", "CLS 22-26", "Ville de Metz",
         "2e trim. 2025", "2026", 0.1, "conception", "2 000 €", NEW),
        ("21", "Ateliers de déstigmatisation en milieu scolaire", "CLS 22-26", "Maison des ados",
         "sept. 2025", "juin 2026", 0.25, "mise en œuvre", None, NEW),
        ("22", "Accès aux soins somatiques des personnes suivies en psychiatrie", "CLS 22-26", "CH Jury",
         "3e trim. 2025", "fin 2026", 0, "idée", "non chiffré", NEW),
        ("23", "Pair-aidance dans les GEM du territoire", "CLS 22-26", "GEM L'Albatros", "1er trim. 2024",
         "4e trim. 2025", "100 %", "réalisée", "1 500 €", NEW),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Fiches"
    ws["A1"] = "Contrat local de santé de la Ville de Metz 2022-2026 – axe santé mentale – point d'avancement"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["N° fiche", "Fiche action", "Plan", "Porteur", "Démarrage", "Échéance", "Avancement",
                       "Statut", "Budget"], background=fill("D9E1F2"))  # fmt: skip
    keys = []
    for offset, (*values, key) in enumerate(rows):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=4 + offset, column=col, value=value)
            if col == 7 and isinstance(value, (int, float)):
                cell.number_format = "0%"
        keys.append(key)
    ws.cell(row=10, column=1, value="Avancement : estimation du porteur, en % des étapes prévues").font = Font(
        italic=True
    )
    widths(ws, {"A": 9, "B": 58, "C": 11, "D": 16, "E": 15, "F": 14, "G": 12, "H": 15, "I": 12})
    wb.save(out / name)
    return name, entry(
        ["action"],
        len(rows),
        {"action": count_new(keys, SEED_ACTIONS)},
        [
            "start and end written by quarter or loosely: « 1er trim. 2022 », « 3e trim. 2025 », « 4e trim. 2025 », « fin 2026 », « sept. 2025 », a bare year",
            "an « Avancement » column of percent cells (0.6 shown 60 %), one typed « 100 % »: no field of the action",
            "the plan written « CLS 22-26 »; fiche 15 is already in the seed (retyped with a status and its 5 000 €), fiches 20-23 are new",
            "budgets « 2 000 € », « non chiffré », or empty",
        ],
    )


def plenary_morning_afternoon_csv(out: Path) -> tuple[str, dict]:
    """The plenary's attendance retyped by a secretary in Excel, saved as CSV: counts « matin+après-midi »."""
    name = "presences_AP_12-06-2025.csv"
    day = dt.date(2025, 6, 12)
    rows = [
        ("CH Jury", "ch-jury", "pro", PRO, "3+1", ""),
        ("Ville de Metz", "ville-metz", "élu", ELU, "2", "dont l'adjointe à la santé"),
        ("Ville de Metz", "ville-metz", "pro", PRO, "1+1", ""),
        ("Eurométropole", "eurometropole-metz", "élu", ELU, "1", "matin seulement"),
        ("Département 57", "departement-moselle", "pro", PRO, "1", ""),
        ("ARS", "ars-grand-est", "pro", PRO, "1+0", ""),
        ("UNAFAM 57", "unafam-moselle", "aidant", AID, "2+2", ""),
        ("GEM L'Albatros", "gem-albatros", "usager", USA, "4", ""),
        ("GEM Camille Claudel", "gem-camille-claudel", "usager", USA, "3+2", ""),
        ("GEM Camille Claudel", "gem-camille-claudel", "pro", PRO, "1", "animatrice"),
        ("MDA 57", "mda-moselle", "pro", PRO, "0+2", "ateliers de l'après-midi"),
        ("Mission locale", "mission-locale-pays-messin", "pro", PRO, "0+1", ""),
        ("CMSEA", "cmsea", "pro", PRO, "2", ""),
        ("Médecins du Monde", "medecins-du-monde-metz", "bénévole", BEN, "1+1", ""),
        ("RESAM", "resam", "bénévole", BEN, "1", ""),
    ]  # fmt: skip
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["AP 2025 – Assemblée plénière du CLSM – jeudi 12 juin 2025 – Hôtel de ville", "", "", ""])
    writer.writerow(["matin : séance plénière ; après-midi : ateliers", "", "", ""])
    writer.writerow(["Structure", "Catégorie", "Présents (matin+aprem)", "Remarque"])
    attendance = []
    total = 0
    for written, sid, category, role, counts, remark in rows:
        writer.writerow([written, category, counts, remark])
        number = sum(int(part) for part in counts.split("+"))
        total += number
        attendance.append(("pleniere", day, sid, role, number))
    writer.writerow(["TOTAL", "", str(total), ""])
    writer.writerow(["« 3+1 » = 3 personnes le matin + 1 personne venue seulement aux ateliers de l'après-midi", "", "",
                     ""])  # fmt: skip
    (out / name).write_bytes(buffer.getvalue().encode("cp1252"))
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows([("pleniere", day)], attendance),
        [
            "Excel « CSV (séparateur : point-virgule) » in Windows-1252; two title lines give the meeting (« AP 2025 – Assemblée plénière … jeudi 12 juin 2025 ») above the header",
            "counts typed as sums « 3+1 », « 0+2 », « 1+0 » (morning + afternoon-only people, explained in the last line): the count is the sum",
            "categories abbreviated « pro », « élu », « aidant », « usager », « bénévole »; Ville de Metz and GEM Camille Claudel each on two lines (two categories)",
            "a TOTAL line and an explanation line at the bottom; a « Remarque » column",
        ],
    )


def resources_merged_structure(out: Path) -> tuple[str, dict]:
    """A directory update where each structure's name is merged vertically over its services."""
    name = "annuaire_ressources_MAJ_T1_2026.xlsx"
    groups = [
        ("Maison des adolescents (MDA 57)", [
            ("Écout'Émoi", "Jeunes en mal-être", "sur RDV, sans ordonnance", "O", "ecout-emoi"),
            ("Permanence d'accueil sans rendez-vous", "11-25 ans et leurs parents", "mercredi après-midi", "O", NEW),
        ]),
        ("Mission locale du Pays Messin", [
            ("Consultations psy gratuites (16-25 ans)", "Jeunes suivis par la Mission locale", "via le conseiller",
             "O", "consultations-psy-mission-locale"),
            ("Atelier « bien-être et confiance en soi »", "16-25 ans", "sur inscription, 4 séances", "O", NEW),
        ]),
        ("Centre Pierre Janet", [
            ("Formation PSSM (module standard)", "Tout public", "inscription en ligne", "N",
             "pssm-centre-pierre-janet"),
            ("Consultations de psychologues à tarif adapté", "Adultes", "sur RDV", "N (selon revenus)", NEW),
        ]),
        ("SUMPPS – Université de Lorraine", [
            ("Formation PSSM pour les étudiants", "Étudiants", "sur inscription", "O", "pssm-etudiants-sumpps"),
            ("Consultations psychologiques sur le campus", "Étudiants", "sur RDV", "O", NEW),
        ]),
        ("UNAFAM 57", [
            ("Groupe de parole des familles", "Familles, proches", "un jeudi par mois, sur inscription",
             "O (adhésion)", NEW),
            ("Accueil individuel des familles", "Familles, proches", "sur RDV", "O", NEW),
        ]),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Ressources"
    ws["A1"] = "Annuaire santé mentale – mise à jour 1er trim. 2026"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Structure", "Service / dispositif", "Pour qui", "Accès", "Gratuit (O/N)", "Mis à jour"],
               background=fill("FFE699"))  # fmt: skip
    row = 4
    keys = []
    for structure, services in groups:
        first = row
        ws.cell(row=row, column=1, value=structure).alignment = CENTER
        for service, public, access, free, key in services:
            values = [service, public, access, free, "1er trim. 2026"]
            for col, value in enumerate(values, start=2):
                ws.cell(row=row, column=col, value=value).border = BOX
            keys.append(key)
            row += 1
        ws.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=1)
    ws.cell(row=row + 1, column=1, value="Contacts : par l'accueil de chaque structure (voir guide santé mentale)")
    widths(ws, {"A": 30, "B": 46, "C": 32, "D": 32, "E": 16, "F": 14})
    wb.save(out / name)
    return name, entry(
        ["resource"],
        len(keys),
        {"resource": count_new(keys, SEED_RESOURCES)},
        [
            "the structure's name is merged vertically over its two services (one merged cell per structure)",
            "« Gratuit (O/N) » answered « O », « N », « N (selon revenus) », « O (adhésion) »",
            "« Mis à jour » written « 1er trim. 2026 » on every row",
            "four services are already in the seed's directory (Écout'Émoi, the Mission locale's free consultations, the PSSM training of the Centre Pierre Janet, the students' PSSM of the SUMPPS): six new",
        ],
    )


def quarterly_status_codes_csv(out: Path) -> tuple[str, dict]:
    """The coordinator's quarterly review of the 2022 programme: status codes per quarter, blank = no change."""
    name = "avancement_programme_2022_trimestres_2025.csv"
    codes = {"I": "idée", "C": "conception", "MO": "mise en œuvre", "R": "réalisée", "Rep": "reportée",
             "Ab": "abandonnée"}  # fmt: skip
    rows = [
        ("Module de sensibilisation à distance", "p22-01", ["MO", "", "R", ""], "mis en ligne en septembre"),
        ("Sensibilisations spécifiques jeunes / enfants / précarité", "p22-02", ["", "MO", "", ""], ""),
        ("Promotion des PSSM", "p22-03", ["", "", "", ""], "pas de changement"),
        ("MAJ des outils de coordination", "p22-04", ["MO", "", "", "R"], "nouveau guide diffusé en décembre"),
        ("Guide santé mentale grand public", "p22-06", ["", "Rep", "", ""], "reporté en 2026 (budget)"),
        ("Documentaire GEM", "p22-07", ["R", "", "", ""], ""),
        ("Projet théâtre Koltès", "p22-08", ["", "MO", "", "R"], ""),
        ("Cartographie culture / loisirs", "p22-09", ["", "", "MO", ""], ""),
        ("Concertation logement élargie", "p22-12", ["", "", "", "Ab"], "repris par le GT logement"),
        ("Création de l'EMPP", "p22-13", ["R", "", "", ""], ""),
        ("Réseau psypérinatalité", "p22-17", ["", "MO", "", ""], ""),
        ("Podcasts pères (CCOMS)", "p22-18", ["", "", "Ab", ""], "pas de financement"),
    ]  # fmt: skip
    quarters = ["T1 2025", "T2 2025", "T3 2025", "T4 2025"]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow(["Programme d'actions 2022 – suivi trimestriel 2025", "", "", "", "", ""])
    writer.writerow(["Action", *quarters, "Commentaire"])
    statuses = set()
    for title, action, cells, comment in rows:
        writer.writerow([title, *cells, comment])
        assert action in SEED_ACTIONS, action
        for quarter, code in zip(quarters, cells, strict=True):
            if code:
                statuses.add((action, quarter, codes[code]))
    writer.writerow(["", "", "", "", "", ""])
    writer.writerow(["Légende : I = idée ; C = conception ; MO = mise en œuvre ; R = réalisée ; Rep = reportée ; "
                     "Ab = abandonnée. Case vide = pas de changement depuis le trimestre précédent.",
                     "", "", "", "", ""])  # fmt: skip
    (out / name).write_text(buffer.getvalue(), encoding="utf-8")
    return name, entry(
        ["action_status"],
        len(rows),
        {"action_status": len(statuses - SEED_ACTION_STATUSES)},
        [
            "LibreOffice CSV, UTF-8 without BOM, « ; » separators, LF line ends; a title line above the header",
            "one column per quarter (« T1 2025 » … « T4 2025 »): each filled cell is one dated status (date = the quarter)",
            "statuses as codes « I », « C », « MO », « R », « Rep », « Ab », decoded by a legend line at the bottom; an empty cell means no change",
            "actions by short everyday titles of the 2022 programme; one row (PSSM) has no change at all",
        ],
    )


# --------------------------------------------------------------------------------------------
# Harder files
# --------------------------------------------------------------------------------------------


def _notion_date(moment: dt.datetime, zone: str | None = None, end: dt.datetime | None = None) -> str:
    """A date as Notion prints it in the English locale: « February 4, 2025 2:30 PM (GMT+1) »."""

    def clock(value: dt.datetime) -> str:
        hour = value.hour % 12 or 12
        return f"{hour}:{value.minute:02d} {'AM' if value.hour < 12 else 'PM'}"

    text = f"{MONTHS_EN[moment.month - 1]} {moment.day}, {moment.year} {clock(moment)}"
    if end is not None:
        text += f" → {clock(end)}"
    if zone:
        text += f" ({zone})"
    return text


def notion_meetings_export(out: Path) -> tuple[str, dict]:
    """The coordinator's Notion database of meetings, exported to CSV with the workspace in English."""
    name = "Réunions CLSM 2025 1c9e4b7a2f3d4e8b9a0c6d5e4f3a2b1c_all.csv"
    moment = dt.datetime
    rows = [
        ("COPIL février", moment(2025, 2, 4, 14, 30), None, "GMT+1", "COPIL", "Présentiel",
         "CH Jury – salle du conseil", "Done", "", moment(2025, 1, 6, 9, 14), "copil"),
        ("GT Jeunes", moment(2025, 3, 11, 14, 0), None, "GMT+1", "GT Jeunes", "Hybride", "MDA", "Done",
         "Duplicated from GT Jeunes (template)", moment(2025, 1, 6, 9, 20), "groupe-jeunes"),
        ("GT Culture – bilan théâtre", moment(2025, 3, 13, 14, 0), None, "GMT+1", "GT Culture/loisirs",
         "Présentiel", "Espace Koltès", "Canceled", "Canceled – rescheduled to March 27, 2025",
         moment(2025, 1, 6, 9, 25), None),
        ("GT Culture – bilan théâtre", moment(2025, 3, 27, 14, 0), None, "GMT+1", "GT Culture/loisirs",
         "Présentiel", "Espace Koltès", "Done", "Rescheduled from March 13, 2025", moment(2025, 3, 10, 16, 2),
         "groupe-culture-loisirs"),
        ("GT Logement", moment(2025, 4, 8, 9, 30), None, "GMT+2", "", "Visio", "Teams", "Done", "",
         moment(2025, 1, 6, 9, 31), "groupe-logement"),
        ("Plénière 2025", moment(2025, 6, 19, 9, 30), moment(2025, 6, 19, 12, 30), "GMT+2", "Plénière",
         "Présentiel", "Hôtel de Ville – salon de Guise", "Done", "Recurring: yearly", moment(2025, 1, 6, 9, 40),
         "pleniere"),
        ("GT Précarité", moment(2025, 9, 25, 9, 30), None, "GMT+2", "GT Précarité", "Présentiel",
         "Carrefour des solidarités", "Done", "", moment(2025, 6, 30, 11, 5), "groupe-precarite"),
        ("COPIL bilan", moment(2025, 11, 27, 14, 30), None, "GMT+1", "COPIL", "Hybride", "CH Jury + Teams",
         "Not started", "Reminder: 1 day before", moment(2025, 9, 2, 10, 48), "copil"),
    ]  # fmt: skip
    header = ["Name", "Date", "Instance", "Mode", "Lieu", "Status", "Comments", "Created by", "Created time",
              "Last edited time", "Tags"]  # fmt: skip
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=",", lineterminator="\n")
    writer.writerow(header)
    keys = []
    for title, start, end, zone, instance_text, mode, place, status, comment, created, instance in rows:
        edited = max(created, start + dt.timedelta(days=1)) if status == "Done" else created
        writer.writerow([title, _notion_date(start, zone, end), instance_text, mode, place, status, comment,
                         "Coordination CLSM", _notion_date(created), _notion_date(edited), "CLSM, Instances"])  # fmt: skip
        if instance is not None:
            keys.append((instance, start.date()))
    (out / name).write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")
    return name, entry(
        ["meeting"],
        len(rows),
        {"meeting": new_meeting_rows(keys, [])["meeting"]},
        [
            "[harder] Notion database exported to CSV with the workspace in English: the file name carries Notion's 32-hex id and « _all », UTF-8 with a BOM, comma separators",
            "dates in the English format « February 4, 2025 2:30 PM (GMT+1) », one range « June 19, 2025 9:30 AM → 12:30 PM (GMT+2) »; « Created time » / « Last edited time » are not meeting dates",
            "English status and system comments (« Done », « Not started », « Canceled – rescheduled to March 27, 2025 », « Duplicated from … (template) »): the canceled meeting of 13 March is not a meeting, its rescheduled twin is",
            "the « Instance » select is empty on one row (GT Logement): the instance is only in « Name »",
            "« Created by » is the shared account « Coordination CLSM »; « Tags » is a multi-select « CLSM, Instances »",
        ],
    )


def traffic_light_statuses(out: Path) -> tuple[str, dict]:
    """A COPIL traffic-light table: the status of each action is only the colour of its « État » cell."""
    name = "tableau_de_bord_actions_couleurs_COPIL_02-2026.xlsx"
    colours = {
        "réalisée": ("C6EFCE", "réalisée"),
        "mise en œuvre": ("FFEB9C", "en cours (mise en œuvre)"),
        "conception": ("BDD7EE", "en conception"),
        "reportée": ("D9D9D9", "reportée"),
        "abandonnée": ("FFC7CE", "abandonnée"),
    }
    rows = [
        ("Module de sensibilisation à distance", "Inclusion", "réalisée", "en ligne depuis sept. 2025", "p22-01"),
        ("Sensibilisations spécifiques (jeunes, enfants, précarité)", "Inclusion", "mise en œuvre", "", "p22-02"),
        ("Promotion PSSM", "Inclusion", "mise en œuvre", "3 sessions en 2025", "p22-03"),
        ("MAJ outils de coordination", "Coordination", "réalisée", "", "p22-04"),
        ("Poursuite des SISM", "Inclusion", "mise en œuvre", "édition 2025 : 22 partenaires", "p22-05"),
        ("Guide grand public", "Inclusion", "reportée", "budget 2026", "p22-06"),
        ("Documentaire GEM", "Culture/loisirs", "réalisée", "", "p22-07"),
        ("Projet théâtre Koltès", "Culture/loisirs", "réalisée", "", "p22-08"),
        ("Cartographie culture/loisirs", "Culture/loisirs", "conception", "", "p22-09"),
        ("Cartographie emploi/formation", "Emploi/formation", None, "", "p22-10"),
        ("Bilan actions logement / bailleurs", "Logement", None, "à voir avec le GT", "p22-11"),
        ("Concertation logement élargie", "Logement", "abandonnée", "repris par le GT logement", "p22-12"),
        ("Création de l'EMPP", "Précarité", "réalisée", "", "p22-13"),
        ("Collaboration EMPP / acteurs locaux", "Précarité", "mise en œuvre", "", "p22-14"),
        ("Rencontre partenaires / CMP", "Précarité", "réalisée", "", "p22-15"),
        ("Cités éducatives", "Enfance/parentalité", "mise en œuvre", "", "p22-16"),
        ("Réseau psypérinatalité", "Enfance/parentalité", "mise en œuvre", "", "p22-17"),
        ("Podcasts pères", "Enfance/parentalité", "abandonnée", "pas de financement", "p22-18"),
        ("Collaborations MDA", "Jeunes", None, "", "p22-19"),
        ("Com' Stopblues", "Jeunes", "réalisée", "", "p22-20"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Programme 2022"
    ws["A1"] = "Programme d'actions 2022 – état au 31/12/2025 (COPIL du 03/02/2026)"
    ws["A1"].font = Font(bold=True, size=13)
    header_row(ws, 3, ["N°", "Action", "Thème", "État", "Commentaire"], background=fill("808080"))
    for col in range(1, 6):
        ws.cell(row=3, column=col).font = Font(bold=True, color="FFFFFF")
    statuses = set()
    for offset, (title, theme, status, comment, action) in enumerate(rows):
        row = 4 + offset
        for col, value in enumerate([offset + 1, title, theme, None, comment or None], start=1):
            ws.cell(row=row, column=col, value=value).border = BOX
        if status is not None:
            ws.cell(row=row, column=4).fill = fill(colours[status][0])
            statuses.add((action, dt.date(2025, 12, 31), status))
        assert action in SEED_ACTIONS, action
    legend_row = 4 + len(rows) + 2
    ws.cell(row=legend_row, column=2, value="Légende de la colonne « État » :").font = BOLD
    for offset, (color, label) in enumerate(colours.values(), start=1):
        ws.cell(row=legend_row + offset, column=4).fill = fill(color)
        ws.cell(row=legend_row + offset, column=4).border = BOX
        ws.cell(row=legend_row + offset, column=5, value=label)
    ws.cell(row=legend_row + len(colours) + 1, column=4).border = BOX
    ws.cell(row=legend_row + len(colours) + 1, column=5, value="blanc : pas de point cette année")
    widths(ws, {"A": 5, "B": 52, "C": 20, "D": 8, "E": 34})
    wb.save(out / name)
    return name, entry(
        ["action_status"],
        len(rows),
        {"action_status": len(statuses - SEED_ACTION_STATUSES)},
        [
            "[harder] the status is only the background colour of an empty « État » cell (green, yellow, blue, grey, red), no word in the cell",
            "the colours are decoded by a legend of coloured cells under the table (« réalisée », « en cours (mise en œuvre) », « en conception », « reportée », « abandonnée »); a white cell means no point this year: no status",
            "the date of every status is only in the title line (« état au 31/12/2025 »)",
            "actions by short titles (« Com' Stopblues », « Podcasts pères »), a running « N° » 1-20 in the programme's order, a « Thème » column; white-on-grey header",
        ],
    )


def umap_resource_export(out: Path) -> tuple[str, dict]:
    """The resource map kept on uMap (OpenStreetMap), exported to CSV."""
    name = "umap_carte_ressources_sante_mentale_metz.csv"
    markers = [
        ("CJC – Consultation jeunes consommateurs", "Addictions / jeunes",
         "**Public :** 12-25 ans et leur entourage\n**Quand :** mercredi 13h30-18h, sur RDV\n*Gratuit et anonyme* – CSAPA Les Wads",
         49.1186, 6.1702, "Orange", NEW),
        ("Permanence EMPP au Carrefour des solidarités", "Précarité",
         "**Public :** personnes à la rue ou en grande précarité\n**Quand :** mardi 9h30-12h, sans RDV\nÉquipe mobile psychiatrie précarité (CH Jury)",
         49.1147, 6.1789, "Red", NEW),
        ("Écout'Émoi", "Addictions / jeunes",
         "Consultations gratuites avec un psychologue pour les jeunes en mal-être\n[[https://www.mda57.fr|Maison des adolescents]]",
         49.1203, 6.1735, "Orange", "ecout-emoi"),
        ("Groupe de parole des familles (UNAFAM 57)", "Familles / proches",
         "**Quand :** un jeudi par mois, 18h-20h\nSur inscription auprès de la délégation",
         49.1092, 6.1751, "Green", NEW),
        ("GEM Camille Claudel – accueil", "Entraide",
         "Accueil et activités pour adultes concernés par les troubles psychiques\n**Quand :** lun.-ven. 13h30-17h30\n{{https://example.org/gem-cc.jpg}}",
         49.1161, 6.1668, "Blue", NEW),
        ("GEM L'Albatros – accueil", "Entraide",
         "Accueil, sorties, ateliers\n**Quand :** après-midi en semaine\nAdhésion symbolique",
         49.1072, 6.2014, "Blue", NEW),
        ("Formation PSSM – Centre Pierre Janet", "Formation",
         "Premiers secours en santé mentale, module standard en 2 jours\nInscription en ligne",
         49.1218, 6.1660, "Purple", "pssm-centre-pierre-janet"),
        ("Stopblues", "Addictions / jeunes",
         "Site et appli de prévention du mal-être et du suicide (Inserm)\n[[https://www.stopblues.fr|stopblues.fr]]",
         None, None, "Orange", "stopblues"),
        ("Point écoute étudiants – SUMPPS", "Addictions / jeunes",
         "**Public :** étudiants de l'Université de Lorraine\n**Quand :** sur RDV au service de santé",
         49.1229, 6.1647, "Orange", NEW),
    ]  # fmt: skip
    polygon = (
        "Périmètre du CLSM (Eurométropole de Metz)",
        "Zones",
        "Territoire couvert par le CLSM : les communes de l'Eurométropole",
    )
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=",", lineterminator="\n")
    writer.writerow(["name", "description", "datalayer", "_umap_options", "Latitude", "Longitude", "geometry"])
    keys = []
    for title, layer, description, lat, lon, colour, key in markers:
        options = json.dumps({"color": colour, "iconClass": "Drop"})
        geometry = f"POINT ({lon} {lat})" if lat is not None else ""
        writer.writerow([title, description, layer, options, "" if lat is None else str(lat),
                         "" if lon is None else str(lon), geometry])  # fmt: skip
        keys.append(key)
    writer.writerow([polygon[0], polygon[2], polygon[1], json.dumps({"color": "DarkSlateGray", "weight": 2}), "", "",
                     "POLYGON ((6.09 49.06, 6.27 49.06, 6.27 49.17, 6.09 49.17, 6.09 49.06))"])  # fmt: skip
    (out / name).write_text(buffer.getvalue(), encoding="utf-8")
    return name, entry(
        ["resource"],
        len(markers) + 1,
        {"resource": count_new(keys, SEED_RESOURCES)},
        [
            "[harder] uMap (OpenStreetMap) export of the resource map: lower-case technical headers (name, description, datalayer, _umap_options), a JSON style object in one column, WKT « POINT (lon lat) » geometry besides Latitude/Longitude",
            "descriptions in uMap's markdown over several lines in one quoted field: « **Public :** », « *Gratuit et anonyme* », links « [[url|texte]] », an image « {{url}} »; the structure only inside the description",
            "the map layer (« Addictions / jeunes », « Entraide », « Familles / proches ») is the category; the coordinates use a decimal point",
            "one row is not a resource: the polygon of the CLSM's perimeter (layer « Zones », no point); Stopblues has no coordinates (an online service)",
            "three markers are already in the seed's directory (Écout'Émoi, the PSSM training of the Centre Pierre Janet, Stopblues)",
        ],
    )


def teams_attendance_report(out: Path) -> tuple[str, dict]:
    """A Microsoft Teams attendance report of a crisis-group visio, completed by hand with structures."""
    name = "Rapport de présence - GT situations de crise 14-10-2025.csv"
    day = dt.date(2025, 10, 14)
    people = [
        # (Teams role, guest?, structure typed, category typed, role, structure id, joins [(in, out)])
        ("Organisateur", False, "CH Jury – coordination CLSM", "pro", PRO, "ch-jury", [("13:58:21", "16:07:45")]),
        ("Participant", False, "EMPP (CH Jury)", "pro", PRO, "ch-jury-empp", [("14:00:02", "16:05:10")]),
        ("Participant", False, "EMPP (CH Jury)", "pro", PRO, "ch-jury-empp",
         [("14:01:40", "14:37:12"), ("14:39:05", "16:06:30")]),
        ("Participant", False, "CMP 1 – CHJ", "pro", PRO, "ch-jury-cmp-1", [("14:03:55", "16:01:00")]),
        ("Participant", False, "ERAH", "pro", PRO, "ch-jury-erah", [("14:02:18", "15:30:41")]),
        ("Participant", True, "Hôpital de Mercy – urgences", "pro", PRO, "hopital-mercy", [("14:10:12", "15:02:00")]),
        ("Participant", True, "UNAFAM 57", "aidant", AID, "unafam-moselle", [("13:59:47", "16:07:40")]),
        ("Présentateur", True, "GEM Camille Claudel", "usager", USA, "gem-camille-claudel",
         [("14:00:30", "16:04:00")]),
        ("Participant", True, "GEM Camille Claudel", "usager", USA, "gem-camille-claudel",
         [("14:00:31", "16:04:02")]),
        ("Participant", True, "Ville de Metz", "élue", ELU, "ville-metz", [("14:20:00", "14:22:10")]),
        ("Participant", True, "Ville de Metz – santé publique", "pro", PRO, "ville-metz", [("14:01:10", "16:00:00")]),
        ("Participant", True, "Service en Amont – CMSEA", "pro", PRO, "service-en-amont",
         [("14:05:33", "16:07:00")]),
        ("Participant", True, "EMAMS", "pro", PRO, "emams", [("14:00:50", "15:45:00")]),
        ("Participant", True, "CD57", "pro", PRO, "departement-moselle", [("14:12:03", "16:07:30")]),
        ("Participant", True, "ARS – DT57", "pro", PRO, "ars-grand-est", [("14:00:15", "15:15:20")]),
    ]  # fmt: skip

    def seconds(clock: str) -> int:
        hours, minutes, secs = (int(part) for part in clock.split(":"))
        return hours * 3600 + minutes * 60 + secs

    def duration(total: int) -> str:
        hours, rest = divmod(total, 3600)
        minutes, secs = divmod(rest, 60)
        return (f"{hours} h " if hours else "") + f"{minutes} min" + ("" if hours else f" {secs} s")

    stamp = day.strftime("%d/%m/%Y")
    lines = [
        ["1. Résumé"],
        ["Titre de la réunion", "GT situations de crise (CLSM)"],
        ["Participants", str(len(people))],
        ["Heure de début", f"{stamp} 13:58:21"],
        ["Heure de fin", f"{stamp} 16:07:45"],
        ["Durée de la réunion", "2 h 9 min"],
        ["Durée moyenne de présence", "1 h 46 min"],
        [],
        ["2. Participants"],
        ["Nom", "Première jointure", "Dernier départ", "Durée de la réunion", "E-mail", "ID de participant (UPN)",
         "Rôle", "Structure", "Catégorie"],
    ]  # fmt: skip
    attendance = []
    for teams_role, guest, structure, category, role, sid, joins in people:
        total = sum(seconds(leave) - seconds(join) for join, leave in joins)
        lines.append([f"{MASK} (Invité)" if guest else MASK, f"{stamp} {joins[0][0]}", f"{stamp} {joins[-1][1]}",
                      duration(total), MASK, MASK if not guest else "", teams_role, structure, category])  # fmt: skip
        attendance.append(("groupe-situations-crise", day, sid, role, 1))
    lines += [
        [],
        ["3. Activités en réunion"],
        ["Nom", "Heure de jointure", "Heure de départ", "Durée", "E-mail", "Rôle"],
    ]
    for teams_role, guest, *_, joins in people:
        for join, leave in joins:
            lines.append([f"{MASK} (Invité)" if guest else MASK, f"{stamp} {join}", f"{stamp} {leave}",
                          duration(seconds(leave) - seconds(join)), MASK, teams_role])  # fmt: skip
    text = "\r\n".join("\t".join(line) for line in lines) + "\r\n"
    (out / name).write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    return name, entry(
        ["meeting", "attendance"],
        len(people),
        new_meeting_rows([("groupe-situations-crise", day)], attendance),
        [
            "[harder] Microsoft Teams attendance report as downloaded: UTF-16 LE with a BOM, tab-separated, CRLF; three sections « 1. Résumé », « 2. Participants », « 3. Activités en réunion », each with its own header",
            "the meeting is only in the summary (« Titre de la réunion : GT situations de crise (CLSM) », « Heure de début : 14/10/2025 13:58:21 »)",
            "one line per person in section 2 (names, e-mails and UPNs masked « [masqué] », guests suffixed « (Invité) »); the coordinator added « Structure » and « Catégorie » columns by hand at the right",
            "section 3 repeats the people once per connection (an EMPP nurse reconnected): counting it would double people",
            "Teams roles (Organisateur / Présentateur / Participant) are not role categories; an elected official stayed 2 minutes and still counts",
            "structures typed with a service (« Ville de Metz – santé publique », « ARS – DT57 », « CD57 », « CMP 1 – CHJ »); EMPP and GEM Camille Claudel have two people each",
        ],
    )


def sism_week_planner(out: Path) -> tuple[str, dict]:
    """The SISM 2026 programme drawn as a week planner: weekdays across, half-days down."""
    name = "SISM_2026_planning_semaines.xlsx"
    week_starts = [dt.date(2026, 10, 5), dt.date(2026, 10, 12)]
    slots = ["Matin", "Après-midi", "Soir"]
    # (first day, last day, slot, text)
    events = [
        (dt.date(2026, 10, 5), None, "Soir", "Soirée d'ouverture des SISM\nHôtel de ville – grand salon\n~120 pers."),
        (dt.date(2026, 10, 6), None, "Après-midi", "Portes ouvertes du GEM L'Albatros\nGEM L'Albatros\n35 visiteurs"),
        (dt.date(2026, 10, 7), dt.date(2026, 10, 10), "Après-midi",
         "Exposition « Regards croisés » (GEM C. Claudel)\nMédiathèque Verlaine\nentrée libre"),
        (dt.date(2026, 10, 8), None, "Soir", "Ciné-débat « Les Intranquilles »\nCinéma Klub\n80 pers. (complet)"),
        (dt.date(2026, 10, 10), None, "Matin", "Marche « Bouger pour sa santé mentale »\nPlan d'eau\nune centaine"),
        (dt.date(2026, 10, 13), None, "Après-midi", "Café-rencontre des familles\nUNAFAM 57\n15 pers."),
        (dt.date(2026, 10, 14), None, "Matin", "Sensibilisation santé mentale des jeunes\nMission locale\n18 pers."),
        (dt.date(2026, 10, 15), None, "Soir", "Conférence « Santé mentale et lien social »\nArsenal\n≈ 200"),
        (dt.date(2026, 10, 16), None, "Après-midi", "Atelier théâtre-forum\nEspace Koltès\n40 pers."),
    ]  # fmt: skip
    short_days = ["Lun.", "Mar.", "Mer.", "Jeu.", "Ven.", "Sam.", "Dim."]
    wb = Workbook()
    ws = wb.active
    ws.title = "Planning"
    ws["A1"] = "SISM 2026 – programme messin"
    ws["A1"].font = Font(bold=True, size=14, color="7030A0")
    ws["A2"] = "« Santé mentale : ensemble » – du 5 au 18 octobre 2026 – programme provisoire"
    row = 4
    placed = 0
    for start in week_starts:
        end = start + dt.timedelta(days=6)
        ws.cell(row=row, column=1, value=f"Semaine du {start.day} au {end.day} octobre").font = Font(bold=True)
        row += 1
        for offset in range(7):
            day = start + dt.timedelta(days=offset)
            cell = ws.cell(row=row, column=2 + offset, value=f"{short_days[offset]} {day.day}/{day.month:02d}")
            cell.font = BOLD
            cell.fill = fill("E4DFEC")
            cell.alignment = CENTER
        header = row
        row += 1
        for slot in slots:
            ws.cell(row=row, column=1, value=slot).font = BOLD
            for offset in range(7):
                ws.cell(row=row, column=2 + offset).border = BOX
            for first, last, when, text in events:
                if when != slot or not (start <= first <= end):
                    continue
                col = 2 + (first - start).days
                ws.cell(row=row, column=col, value=text).alignment = WRAP
                if last is not None:
                    ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=2 + (last - start).days)
                placed += 1
            ws.row_dimensions[row].height = 62
            row += 1
        assert header
        row += 1
    assert placed == len(events)
    ws.cell(row=row, column=1, value="Programme complet sur le site du CLSM – entrée libre sauf mention")
    widths(ws, {"A": 14, **{chr(ord("B") + offset): 24 for offset in range(7)}})
    wb.save(out / name)
    return name, entry(
        ["event"],
        len(events),
        {"event": count_new([NEW] * len(events), SEED_EVENTS)},
        [
            "[harder] a week planner, not a list: two week blocks (« Semaine du 5 au 11 octobre »), weekdays across written « Mar. 6/10 » without the year, « Matin / Après-midi / Soir » down",
            "each event is one cell of three lines (title, place, audience « ~120 pers. », « 80 pers. (complet) », « une centaine », « ≈ 200 », « entrée libre »); empty cells are free slots",
            "an exhibition runs over four days: one cell merged across Wednesday-Saturday (one event)",
            "the year and the SISM edition are only in the title lines; the edition itself is not a row of the planner (nine events of the SISM 2026 programme)",
        ],
    )


def mailing_labels(out: Path) -> tuple[str, dict]:
    """The secretary's sheet of address labels for the plenary invitation, three labels across."""
    name = "etiquettes_invitations_pleniere_2026.xlsx"
    labels = [
        ("CENTRE HOSPITALIER DE JURY", "DIRECTION GÉNÉRALE", "57073 METZ CEDEX 3", "ch-jury"),
        ("CENTRE HOSPITALIER DE JURY", "COORDINATION DU CLSM", "57073 METZ CEDEX 3", "ch-jury"),
        ("MAIRIE DE METZ", "CABINET DU MAIRE", "57000 METZ", "ville-metz"),
        ("UNAFAM 57", "DÉLÉGATION DE LA MOSELLE", "57000 METZ", "unafam-moselle"),
        ("GEM L'ALBATROS", "À L'ATTENTION DE L'ANIMATRICE", "57070 METZ", "gem-albatros"),
        ("MAISON DES ADOLESCENTS DE MOSELLE", "SECRÉTARIAT", "57000 METZ", "mda-moselle"),
        ("MISSION LOCALE DU PAYS MESSIN", "DIRECTION", "57000 METZ", "mission-locale-pays-messin"),
        ("CCAS DE METZ", f"À L'ATTENTION DE {MASK}", "57000 METZ", NEW),
        ("UDAF DE LA MOSELLE", "SERVICE DES MAJEURS PROTÉGÉS", "57000 METZ", NEW),
        ("CROIX-ROUGE FRANÇAISE", "UNITÉ LOCALE DE METZ", "57000 METZ", NEW),
        ("SECOURS POPULAIRE FRANÇAIS", "FÉDÉRATION DE LA MOSELLE", "57000 METZ", NEW),
        ("CIDFF DE LA MOSELLE", "À L'ATTENTION DE LA DIRECTRICE", "57000 METZ", NEW),
        ("MAISON DE SANTÉ PLURIPROFESSIONNELLE DE BORNY", "COORDINATION", "57070 METZ", NEW),
        ("CAF DE LA MOSELLE", "SERVICE ACTION SOCIALE", "57000 METZ", NEW),
        ("FRANCE BÉNÉVOLAT MOSELLE", f"À L'ATTENTION DE {MASK}", "57000 METZ", NEW),
        ("RÉSIDENCE ACCUEIL DU BAN-SAINT-MARTIN", "LE RESPONSABLE", "57050 LE BAN-SAINT-MARTIN",
         "residence-accueil-ban-saint-martin"),
        ("CMSEA", "SERVICE EN AMONT", "57000 METZ", "service-en-amont"),
        ("LOGIEST", "AGENCE DE METZ", "57000 METZ", NEW),
        ("ÉCOLE DES PARENTS ET DES ÉDUCATEURS 57", "ACCUEIL", "57000 METZ", "epe-moselle"),
        ("MÉDECINS DU MONDE", "MISSION FRANCE – METZ", "57000 METZ", "medecins-du-monde-metz"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Étiquettes"
    ws.page_setup.orientation = "portrait"
    ws.print_options.horizontalCentered = True
    columns = [1, 3, 5]  # B and D are the gutters between the labels
    for number, (line1, line2, line3, _) in enumerate(labels):
        row = 1 + number // 3
        col = columns[number % 3]
        cell = ws.cell(row=row, column=col, value=f"{line1}\n{line2}\n{line3}")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="left")
        cell.font = Font(name="Arial", size=10)
        ws.row_dimensions[row].height = 100
    widths(ws, {"A": 36, "B": 3, "C": 36, "D": 3, "E": 36})
    wb.save(out / name)
    keys = [key for *_, key in labels]
    distinct_old = {key for key in keys if key != NEW}
    return name, entry(
        ["structure"],
        len(labels),
        {"structure": count_new(keys, SEED_STRUCTURES)},
        [
            "[harder] a sheet of mailing labels laid out for printing: three labels across (columns A, C, E, with narrow empty gutters), seven rows; no header, no table",
            "each label is ONE cell of three lines: structure name in capitals, a service or « À L'ATTENTION DE … » line (a function, or « [masqué] »), then postcode and town (« 57073 METZ CEDEX 3 », « 57050 LE BAN-SAINT-MARTIN »)",
            f"{len(keys) - keys.count(NEW)} labels name structures already in the seed ({len(distinct_old)} distinct: two labels for the CH Jury, « MAIRIE DE METZ » for the Ville de Metz, « CMSEA / SERVICE EN AMONT »); nine are new (CCAS, UDAF, Croix-Rouge, Secours populaire, CIDFF, MSP Borny, CAF, France Bénévolat, LogiEst)",
            "the last row of labels is incomplete (two labels)",
        ],
    )


FILES = [
    coordinator_subtotals_by_month,
    housing_group_x_grid,
    trainer_quarter_periods,
    partners_two_tables,
    directory_sheet_per_sector,
    indicators_side_by_side,
    cls_actions_progress,
    plenary_morning_afternoon_csv,
    resources_merged_structure,
    quarterly_status_codes_csv,
    notion_meetings_export,
    traffic_light_statuses,
    umap_resource_export,
    teams_attendance_report,
    sism_week_planner,
    mailing_labels,
]


def main(argv: list[str] | None = None) -> int:
    """Write the sixteen files and manifest.json into OUTDIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_heldout14.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for make in FILES:
        name, info = make(out)
        manifest[name] = info
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(manifest)} files written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
