"""Held-out set n°20: sixteen files of a NEW coordinator's first year (September 2025 - 2026), and a few of her colleagues'.

Plain to moderately messy files, each with one or two habits of the coordinator who just arrived and keeps
things her own way, or of a colleague, none of them covered by sets n°17, n°18 and n°19: her own tracking
workbook with one sheet per table under sheet names of her own (« Mes réunions », « Qui était là », and a
« Pense-bête » of to-dos), the attendance referring to the meetings by the numbers she gave them (« R1 » …
« R5 ») and the dates typed year first with dots (« 2025.09.30 »); a COPIL's attendance whose categories
are initials (« P », « U », « A », « E », « B ») explained in a note above the table; the youth group's
attendance as a cross table with the structures in columns and the categories in rows; her agenda where the
instance is only a code at the head of the subject line (« GT-LOG : … ») among appointments that are no
meetings of the council; the 2026 calendar in two half-years side by side on one sheet; the precarity
group's meetings where one meeting is typed twice, once with a wrong date that the remark corrects; a Google
Forms export of a plenary's satisfaction survey (answers of people, no attendance: to refuse, nothing to
store); her awareness sessions with the dates typed with spaces (« 16 10 2025 »); the SISM 2025 events with
estimated numbers of participants (« 25 à 30 », « ~80 », « une vingtaine »); the former coordinator's
handover list of 2025 events where the cancelled ones are struck through; new partners whose sector is
written in capitals and abbreviated (« SANITAIRE », « MEDICO-SOC. », « LOGT »); the resource directory with
the phone column masked and a « Gratuit ? » oui / non column; a status follow-up where the status is a number
1-5 with its legend on the same sheet to the right; who works on which action in a CSV separated by « | »;
the sheet n°15 indicators of 2025 with their sources and caveats in Excel notes (comments) on the cells; and
the culture group's attendance where the date and the place are written only on the first line of each
meeting.

No person's name, personal e-mail or individual phone number appears anywhere: phones and e-mails are
« [masqué] », attendance is counted per structure and role category only. Every meeting, attendance count,
event, status, partner link, indicator value dated 2022-2026, every new structure (MSP de Metz-Borny, CPTS
du Pays messin, SAMSAH de Metz, SIAO de la Moselle, Habitat et Humanisme Moselle), new resource entry and
survey answer is test content, not a fact of the council's documents.

The expected counts are computed from the rows written, against the keys of a freshly built seed
database (the SEED_* sets below, copied from make_heldout19.py), so that the manifest and the files
cannot drift apart.

Usage: python make_heldout20.py OUTDIR  (writes the sixteen files and OUTDIR/manifest.json)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
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
STATUSES = {"idée", "conception", "mise en œuvre", "réalisée", "reportée", "abandonnée"}


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


def weekday(day: dt.date) -> dt.date:
    """Check that a meeting or an event falls on a working day (Monday-Friday), and return it."""
    assert day.weekday() < 5, day
    return day


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
        assert role in (PRO, USA, AID, ELU, BEN), role
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


def write_csv(
    path: Path,
    rows: list[list],
    delimiter: str = ";",
    encoding: str = "utf-8-sig",
    quoting: int = csv.QUOTE_MINIMAL,
    line_end: str = "\r\n",
) -> None:
    """Write a CSV the way Excel for Windows saves it (CRLF line ends), or the way a web tool exports it."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=line_end, quoting=quoting)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


GREY_ITALIC = Font(italic=True, color="808080")
STRUCK = Font(strike=True, color="808080")
NOTE_AUTHOR = "Coordination CLSM"


def dotted_ymd(day: dt.date) -> str:
    """« 2025.09.30 »: year first, with dots, as text."""
    return f"{day.year}.{day.month:02d}.{day.day:02d}"


def spaced_dmy(day: dt.date) -> str:
    """« 16 10 2025 »: day, month, year separated by spaces, as text."""
    return f"{day.day:02d} {day.month:02d} {day.year}"


# --------------------------------------------------------------------------------------------
# Meetings and attendance
# --------------------------------------------------------------------------------------------


def coordinator_workbook_own_sheets(out: Path) -> tuple[str, dict]:
    """The new coordinator's own tracking workbook: her sheet names, meetings numbered « R1 » …, dates « 2025.09.30 »."""
    name = "suivi_coordo_CLSM_2025-2026.xlsx"
    d = dt.date
    # number, date, what (her words), where, how, instance
    meetings = [
        ("R1", d(2025, 9, 30), "Groupe participation-citoyenneté", "GEM Camille Claudel", "présentiel",
         "groupe-participation-citoyennete"),
        ("R2", d(2025, 10, 14), "GT crise", "CH Jury, salle du conseil", "hybride", "groupe-situations-crise"),
        ("R3", d(2025, 11, 20), "Groupe emploi-formation", "CRP Metz", "présentiel", "groupe-emploi-formation"),
        ("R4", d(2025, 12, 11), "Rencontre CMP / partenaires précarité", "CMP 1", "présentiel",
         "rencontre-partenaires"),
        ("R5", d(2026, 1, 27), "GT enfance-parentalité", "", "visio", "groupe-enfance-parentalite"),
    ]  # fmt: skip
    # meeting number, structure as she writes it, category, count, structure id
    present = [
        ("R1", "GEM Camille Claudel", "usager", 4, "gem-camille-claudel"),
        ("R1", "GEM Camille Claudel", "professionnel", 1, "gem-camille-claudel"),
        ("R1", "GEM L'Albatros", "usager", 3, "gem-albatros"),
        ("R1", "UNAFAM", "aidant", 1, "unafam-moselle"),
        ("R1", "CH Jury", "professionnel", 1, "ch-jury"),
        ("R1", "Ville de Metz", "élu", 1, "ville-metz"),
        ("R2", "CH Jury", "professionnel", 3, "ch-jury"),
        ("R2", "EMPP", "professionnel", 1, "ch-jury-empp"),
        ("R2", "Hôpital de Mercy", "professionnel", 1, "hopital-mercy"),
        ("R2", "EMAMS", "professionnel", 1, "emams"),
        ("R2", "Mission locale", "professionnel", 1, "mission-locale-pays-messin"),
        ("R2", "UNAFAM", "aidant", 1, "unafam-moselle"),
        ("R3", "CRP Metz (EPNAK)", "professionnel", 2, "epnak-crp-metz"),
        ("R3", "Mission locale", "professionnel", 1, "mission-locale-pays-messin"),
        ("R3", "Cap emploi", "professionnel", 1, "cap-emploi"),
        ("R3", "ESAT Charivari", "professionnel", 1, "esat-charivari"),
        ("R3", "GEM L'Albatros", "usager", 2, "gem-albatros"),
        ("R4", "CMP 1 (CH Jury)", "professionnel", 2, "ch-jury-cmp-1"),
        ("R4", "Carrefour des solidarités", "professionnel", 1, "carrefour-solidarites"),
        ("R4", "Médecins du Monde", "bénévole", 1, "medecins-du-monde-metz"),
        ("R4", "CMSEA", "professionnel", 1, "cmsea"),
        ("R4", "ADOMA", "professionnel", 1, "adoma"),
        ("R5", "CMP Winnicott", "professionnel", 2, "cmp-winnicott"),
        ("R5", "Pôle petite enfance (Ville)", "professionnel", 1, "ville-metz-pole-petite-enfance"),
        ("R5", "EPE Moselle", "professionnel", 1, "epe-moselle"),
        ("R5", "CMPP des PEP57", "professionnel", 1, "cmpp-pep57"),
    ]
    roles = {"professionnel": PRO, "usager": USA, "aidant": AID, "élu": ELU, "bénévole": BEN}
    wb = Workbook()
    ws = wb.active
    ws.title = "Mes réunions"
    header_row(ws, 1, ["N°", "Date", "Quoi", "Où", "Comment"], background=fill("F4B084"))
    by_number = {}
    for offset, (number, day, what, place, mode, instance) in enumerate(meetings, start=2):
        for col, value in enumerate([number, dotted_ymd(weekday(day)), what, place or None, mode], start=1):
            ws.cell(row=offset, column=col, value=value)
        by_number[number] = (instance, day)
    widths(ws, {"A": 6, "B": 12, "C": 40, "D": 28, "E": 12})
    who = wb.create_sheet("Qui était là")
    header_row(who, 1, ["Réunion", "Structure", "Catégorie", "Combien"], background=fill("F4B084"))
    attendance = []
    for offset, (number, structure, category, count, sid) in enumerate(present, start=2):
        for col, value in enumerate([number, structure, category, count], start=1):
            who.cell(row=offset, column=col, value=value)
        attendance.append((*by_number[number], sid, roles[category], count))
    widths(who, {"A": 9, "B": 30, "C": 15, "D": 10})
    notes = wb.create_sheet("Pense-bête")
    for offset, text in enumerate([
        "relancer le CMSEA pour la feuille de présence de R4 (vérifier le nombre)",
        "préparer l'ordre du jour du COPIL de mars",
        "demander les chiffres des SISM 2025 au service santé de la Ville",
        "mettre à jour l'annuaire des ressources avant la plénière",
    ], start=1):  # fmt: skip
        notes.cell(row=offset, column=1, value=f"- {text}")
    widths(notes, {"A": 80})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        {"meeting": len(meetings), "attendance": len(present)},
        new_meeting_rows(by_number.values(), attendance),
        [
            "one sheet per table under sheet names of her own: « Mes réunions » (the meetings: « N° », « Date », « Quoi », « Où », « Comment » = mode) and « Qui était là » (the attendance: « Réunion », « Structure », « Catégorie », « Combien »); a third sheet « Pense-bête » is a to-do list, not data",
            "the attendance refers to each meeting by the number she gave it in « Mes réunions » (« R1 » … « R5 »): R1 = groupe projets participation/citoyenneté of 30/09/2025, R2 = « GT crise » (groupe situations de crise) of 14/10/2025, R3 = groupe emploi/formation of 20/11/2025, R4 = « Rencontre CMP / partenaires précarité » (a rencontre entre partenaires) of 11/12/2025, R5 = « GT enfance-parentalité » of 27/01/2026 (visio, no place); the dates are TEXT typed year first with dots, « 2025.09.30 » = 30/09/2025",
        ],
    )


def copil_category_initials_note(out: Path) -> tuple[str, dict]:
    """The coordinator's attendance of the March 2026 COPIL, categories as initials explained in a note above the table."""
    name = "COPIL_17-03-2026_presences.xlsx"
    day = weekday(dt.date(2026, 3, 17))
    initials = {"P": PRO, "U": USA, "A": AID, "E": ELU, "B": BEN}
    rows = [
        ("Ville de Metz", "E", 2, "ville-metz"),
        ("Ville de Metz", "P", 1, "ville-metz"),
        ("Eurométropole de Metz", "E", 1, "eurometropole-metz"),
        ("Centre hospitalier de Jury", "P", 4, "ch-jury"),
        ("ARS Grand Est", "P", 1, "ars-grand-est"),
        ("Préfecture de la Moselle", "P", 1, "prefecture-moselle"),
        ("Département de la Moselle", "P", 1, "departement-moselle"),
        ("Maison des adolescents de Moselle", "P", 1, "mda-moselle"),
        ("UNAFAM Moselle", "A", 2, "unafam-moselle"),
        ("GEM L'Albatros", "U", 1, "gem-albatros"),
        ("GEM Camille Claudel", "U", 2, "gem-camille-claudel"),
        ("GEM Camille Claudel", "P", 1, "gem-camille-claudel"),
        ("Carrefour des solidarités", "P", 1, "carrefour-solidarites"),
        ("RESAM", "B", 1, "resam"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "COPIL mars 2026"
    ws["A1"] = "COPIL du CLSM – mardi 17 mars 2026, Hôtel de Ville"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = "Catégories : P = professionnel, U = usager, A = aidant (famille, proche), E = élu, B = bénévole"
    ws["A2"].font = Font(italic=True)
    header = 4
    header_row(ws, header, ["Structure", "Catégorie", "Nombre"], background=fill("DDEBF7"))
    attendance = []
    for offset, (structure, initial, count, sid) in enumerate(rows, start=header + 1):
        for col, value in enumerate([structure, initial, count], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=2).alignment = Alignment(horizontal="center")
        attendance.append(("copil", day, sid, initials[initial], count))
    widths(ws, {"A": 36, "B": 11, "C": 9})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows([("copil", day)], attendance),
        [
            f"a title line (row 1: the COPIL of Tuesday 17/03/2026 at the Hôtel de Ville) and, ABOVE the table in row 2, a note explaining the categories typed as one-letter initials: « P » = professionnel, « U » = usager, « A » = aidant, « E » = élu, « B » = bénévole; row 3 empty, the header in row {header}",
            "« A » is aidant and « E » is élu here (not absent / excusé): every line is people who came; the same structure appears on two lines when two categories came (Ville de Metz 2 E + 1 P, GEM Camille Claudel 2 U + 1 P)",
        ],
    )


def youth_group_cross_table(out: Path) -> tuple[str, dict]:
    """The MDA's attendance of the November 2025 youth group, structures in columns and categories in rows."""
    name = "presences_GT_jeunes_04-11-2025.xlsx"
    instance = "groupe-jeunes"
    day = weekday(dt.date(2025, 11, 4))
    structures = [
        ("MDA", "mda-moselle"), ("Mission locale", "mission-locale-pays-messin"), ("SUMPPS", "sumpps"),
        ("CMSEA", "cmsea"), ("CSAPA les Wads", "csapa-les-wads"), ("CASA", "casa"),
        ("Éducation nationale", "education-nationale"), ("Ville de Metz", "ville-metz"), ("UNAFAM", "unafam-moselle"),
        ("GEM L'Albatros", "gem-albatros"),
    ]  # fmt: skip
    categories = [("Professionnels", PRO), ("Usagers", USA), ("Aidants", AID), ("Élus", ELU), ("Bénévoles", BEN)]
    counts = {
        "mda-moselle": {PRO: 2}, "mission-locale-pays-messin": {PRO: 1}, "sumpps": {PRO: 1}, "cmsea": {PRO: 1},
        "csapa-les-wads": {PRO: 1}, "casa": {PRO: 1}, "education-nationale": {PRO: 1},
        "ville-metz": {PRO: 1, ELU: 1}, "unafam-moselle": {AID: 1}, "gem-albatros": {USA: 2},
    }  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Feuil1"
    corner = ws.cell(row=1, column=1, value="GT jeunes 04/11/2025")
    corner.font = BOLD
    corner.fill = fill("E2EFDA")
    for col, (label, _) in enumerate(structures, start=2):
        cell = ws.cell(row=1, column=col, value=label)
        cell.font = BOLD
        cell.fill = fill("E2EFDA")
        cell.alignment = CENTER
    attendance, cells = [], 0
    for row, (label, role) in enumerate(categories, start=2):
        ws.cell(row=row, column=1, value=label).font = BOLD
        for col, (_, sid) in enumerate(structures, start=2):
            count = counts[sid].get(role)
            cell = ws.cell(row=row, column=col, value=count)
            cell.alignment = Alignment(horizontal="center")
            cell.border = BOX
            if count:
                attendance.append((instance, day, sid, role, count))
                cells += 1
    widths(ws, {"A": 22, **{chr(ord("B") + i): 13 for i in range(len(structures))}})
    ws.row_dimensions[1].height = 32
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        cells,
        new_meeting_rows([(instance, day)], attendance),
        [
            "a CROSS TABLE the other way round: ONE COLUMN PER STRUCTURE (row 1: « MDA », « Mission locale », « SUMPPS », … « GEM L'Albatros ») and ONE ROW PER CATEGORY (column A: « Professionnels », « Usagers », « Aidants », « Élus », « Bénévoles »); each non-empty cell is one attendance row (structure × category), empty cells are 0; the « Bénévoles » row is empty",
            f"the meeting is only in the corner cell A1, « GT jeunes 04/11/2025 » (groupe projets jeunes, Tuesday 04/11/2025), and in the file name; {cells} attendance rows (the Ville de Metz has a professionnel and an élu)",
        ],
    )


def agenda_instance_codes(out: Path) -> tuple[str, dict]:
    """The coordinator's agenda extract of her first months, the instance only as a code heading the subject line."""
    name = "agenda_coordo_sept2025-fev2026.xlsx"
    d = dt.date
    # date, hour, subject, place, instance (None: not a meeting of the council)
    rows = [
        (d(2025, 9, 18), "9h30", "GT-LOG : bilan des rencontres avec les bailleurs", "AMLI", "groupe-logement"),
        (d(2025, 9, 25), "14h", "RDV ARS – dossier FIR 2026", "ARS, Metz", None),
        (d(2025, 10, 2), "14h", "GT-PREC : accès aux soins des personnes à la rue", "Carrefour des solidarités",
         "groupe-precarite"),
        (d(2025, 10, 16), "14h", "GT-JEU : préparation des sensibilisations jeunes", "Maison des adolescents",
         "groupe-jeunes"),
        (d(2025, 11, 6), "10h", "GT-CRISE : retour d'expérience de l'EMPP", "CH Jury", "groupe-situations-crise"),
        (d(2025, 11, 17), "9h", "Réunion de service du pôle (CH)", "CH Jury", None),
        (d(2025, 11, 27), "14h", "GT-CULT : saison 2025-2026 de l'Espace Koltès", "Espace Bernard Marie Koltès",
         "groupe-culture-loisirs"),
        (d(2026, 1, 15), "9h30", "GT-LOG : ouverture de la concertation à l'hébergement", "ADOMA",
         "groupe-logement"),
        (d(2026, 2, 5), "14h", "GT-EMPLOI : cartographie des acteurs de l'emploi", "CRP Metz",
         "groupe-emploi-formation"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Agenda"
    header_row(ws, 1, ["Date", "Heure", "Objet", "Lieu"], background=fill("D9D9D9"))
    keys = []
    for offset, (day, hour, subject, place, instance) in enumerate(rows, start=2):
        for col, value in enumerate([weekday(day), hour, subject, place], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
        if instance is not None:
            assert subject.startswith("GT-"), subject
            keys.append((instance, day))
    widths(ws, {"A": 12, "B": 8, "C": 58, "D": 30})
    wb.save(out / name)
    return name, entry(
        ["meeting"],
        len(keys),
        {"meeting": new_meeting_rows(keys, [])["meeting"]},
        [
            "the instance is given ONLY by a code at the head of the « Objet » (subject line), before « : » and the topic: « GT-LOG » = groupe projets logement, « GT-PREC » = précarité, « GT-JEU » = jeunes, « GT-CRISE » = situations de crise, « GT-CULT » = culture/loisirs, « GT-EMPLOI » = emploi/formation (GT = groupe de travail); no legend, no colour",
            f"two lines without a GT code are appointments of hers, not meetings of an instance of the CLSM (« RDV ARS – dossier FIR 2026 », « Réunion de service du pôle (CH) »): nothing to store; {len(keys)} meetings, the groupe logement twice (18/09/2025 and 15/01/2026); dates are real date cells, the hour in its own text column",
        ],
    )


def calendar_2026_two_halves(out: Path) -> tuple[str, dict]:
    """The coordinator's 2026 calendar of the instances, the two half-years side by side on one sheet."""
    name = "calendrier_instances_CLSM_2026.xlsx"
    d = dt.date
    halves = [
        ("JANVIER – JUIN 2026", [
            (d(2026, 1, 20), "Groupe projets participation / citoyenneté", "GEM L'Albatros", "14h-16h",
             "groupe-participation-citoyennete"),
            (d(2026, 2, 10), "Groupe projets précarité", "Carrefour des solidarités", "14h-16h", "groupe-precarite"),
            (d(2026, 3, 17), "Comité de pilotage", "Hôtel de Ville", "10h-12h", "copil"),
            (d(2026, 4, 9), "Groupe projets logement", "AMLI", "9h30-11h30", "groupe-logement"),
            (d(2026, 5, 19), "Réunion d'information des partenaires", "visio", "14h-15h30",
             "information-partenaires"),
            (d(2026, 6, 25), "Assemblée plénière", "Arsenal", "9h-16h30", "pleniere"),
        ]),
        ("JUILLET – DÉCEMBRE 2026", [
            (d(2026, 9, 8), "Groupe projets jeunes", "Maison des adolescents", "14h-16h", "groupe-jeunes"),
            (d(2026, 10, 1), "Groupe projets situations de crise", "CH Jury", "10h-12h", "groupe-situations-crise"),
            (d(2026, 11, 5), "Groupe projets culture / loisirs", "Espace Bernard Marie Koltès", "14h-16h",
             "groupe-culture-loisirs"),
            (d(2026, 11, 17), "Comité de pilotage", "Hôtel de Ville", "10h-12h", "copil"),
            (d(2026, 12, 8), "Groupe projets enfance / parentalité", "CMP Winnicott", "14h-16h",
             "groupe-enfance-parentalite"),
        ]),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "2026"
    keys = []
    for start, (title, rows) in zip((1, 7), halves, strict=True):
        cell = ws.cell(row=1, column=start, value=title)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.alignment = CENTER
        cell.fill = fill("548235")
        ws.merge_cells(start_row=1, start_column=start, end_row=1, end_column=start + 3)
        header_row(ws, 2, ["Date", "Instance", "Lieu", "Horaire"], start=start, background=fill("C6E0B4"))
        for offset, (day, label, place, hours, instance) in enumerate(rows, start=3):
            for col, value in enumerate([weekday(day), label, place, hours], start=start):
                ws.cell(row=offset, column=col, value=value).border = BOX
            ws.cell(row=offset, column=start).number_format = "DD/MM/YYYY"
            keys.append((instance, day))
    widths(ws, {"A": 12, "B": 42, "C": 28, "D": 11, "E": 3, "F": 3, "G": 12, "H": 42, "I": 28, "J": 11})
    wb.save(out / name)
    return name, entry(
        ["meeting"],
        len(keys),
        {"meeting": new_meeting_rows(keys, [])["meeting"]},
        [
            "TWO TABLES SIDE BY SIDE on one sheet: the first half-year in A-D (« JANVIER – JUIN 2026 » merged over A1:D1, 6 meetings) and the second in G-J (« JUILLET – DÉCEMBRE 2026 » merged over G1:J1, 5 meetings), columns E-F empty between them; the same header « Date | Instance | Lieu | Horaire » in row 2 on both sides",
            "each row of the sheet holds up to TWO meetings (one left, one right): 11 meetings in all, not 6; instances by their full names (two COPILs, a plenary on 25/06/2026, a réunion d'information des partenaires held « visio »); dates are real date cells",
        ],
    )


def precarity_meeting_typed_twice(out: Path) -> tuple[str, dict]:
    """The Carrefour des solidarités' list of the precarity group's meetings, one meeting typed twice with a wrong date."""
    name = "reunions_groupe_precarite_2025-2026.xlsx"
    instance = "groupe-precarite"
    d = dt.date
    wrong, right = d(2025, 11, 14), d(2025, 11, 4)
    # date typed, place, topic, remark, real meeting date
    rows = [
        (d(2025, 9, 9), "Carrefour des solidarités", "Rentrée : priorités de l'année", None, d(2025, 9, 9)),
        (wrong, "Médecins du Monde", "Accès aux soins des personnes sans domicile",
         "erreur de date : c'est la réunion du 04/11/2025, ressaisie plus bas", right),
        (d(2025, 12, 9), "EMPP (CH Jury)", "Présentation de l'EMPP", None, d(2025, 12, 9)),
        (right, "Médecins du Monde", "Accès aux soins des personnes sans domicile", "bonne date", right),
        (d(2026, 2, 10), "Carrefour des solidarités", "Hébergement d'urgence et santé mentale", None,
         d(2026, 2, 10)),
        (d(2026, 4, 14), "ADOMA", "Bilan des maraudes de l'hiver", None, d(2026, 4, 14)),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Réunions"
    header_row(ws, 1, ["Date", "Groupe", "Lieu", "Thème", "Remarque"], background=fill("F8CBAD"))
    keys = []
    for offset, (typed, place, topic, remark, day) in enumerate(rows, start=2):
        for col, value in enumerate([typed, "Précarité", place, topic, remark], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
        keys.append((instance, weekday(day)))
    widths(ws, {"A": 12, "B": 11, "C": 28, "D": 46, "E": 60})
    wb.save(out / name)
    assert len(set(keys)) == len(rows) - 1
    return name, entry(
        ["meeting"],
        len(rows),
        {"meeting": new_meeting_rows(keys, [])["meeting"]},
        [
            "the SAME meeting is typed twice: row 3 dated 14/11/2025 with the remark « erreur de date : c'est la réunion du 04/11/2025, ressaisie plus bas », and row 5 dated 04/11/2025 (same place, same topic, remark « bonne date »): ONE meeting on Tuesday 04/11/2025, no meeting on 14/11/2025",
            "six lines, five meetings of the groupe projets précarité (09/09/2025, 04/11/2025, 09/12/2025, 10/02/2026, 14/04/2026); the group is written « Précarité » in « Groupe »; dates are real date cells",
        ],
    )


def culture_group_date_on_first_line(out: Path) -> tuple[str, dict]:
    """The Espace Koltès mediator's attendance of the culture group, date and place only on each meeting's first line."""
    name = "presences_groupe_culture_loisirs_2025-2026.xlsx"
    instance = "groupe-culture-loisirs"
    d = dt.date
    meetings = [
        (d(2025, 10, 9), "Espace Bernard Marie Koltès", [
            ("Espace Bernard Marie Koltès", "professionnel", 2, "espace-bernard-marie-koltes", PRO),
            ("GEM L'Albatros", "usager", 3, "gem-albatros", USA),
            ("GEM Camille Claudel", "usager", 2, "gem-camille-claudel", USA),
            ("GEM Camille Claudel", "professionnel", 1, "gem-camille-claudel", PRO),
            ("CH Jury", "professionnel", 1, "ch-jury", PRO),
            ("Ville de Metz", "professionnel", 1, "ville-metz", PRO),
        ]),
        (d(2026, 1, 22), "GEM L'Albatros", [
            ("Espace Bernard Marie Koltès", "professionnel", 1, "espace-bernard-marie-koltes", PRO),
            ("GEM L'Albatros", "usager", 4, "gem-albatros", USA),
            ("GEM L'Albatros", "professionnel", 1, "gem-albatros", PRO),
            ("ESAT Charivari", "professionnel", 1, "esat-charivari", PRO),
            ("UNAFAM Moselle", "aidant", 1, "unafam-moselle", AID),
        ]),
        (d(2026, 4, 23), "Espace Bernard Marie Koltès", [
            ("Espace Bernard Marie Koltès", "professionnel", 2, "espace-bernard-marie-koltes", PRO),
            ("GEM Camille Claudel", "usager", 3, "gem-camille-claudel", USA),
            ("GEM L'Albatros", "usager", 2, "gem-albatros", USA),
            ("CH Jury", "professionnel", 2, "ch-jury", PRO),
            ("Ville de Metz", "élu", 1, "ville-metz", ELU),
            ("RESAM", "bénévole", 1, "resam", BEN),
        ]),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences"
    header_row(ws, 1, ["Date", "Lieu", "Structure", "Catégorie", "Nombre de personnes"], background=fill("FFE699"))
    row, attendance, lines, first_rows = 2, [], 0, []
    for day, place, structures in meetings:
        first_rows.append(row)
        for index, (structure, category, count, sid, role) in enumerate(structures):
            if index == 0:
                ws.cell(row=row, column=1, value=weekday(day)).number_format = "DD/MM/YYYY"
                ws.cell(row=row, column=2, value=place)
            for col, value in enumerate([structure, category, count], start=3):
                ws.cell(row=row, column=col, value=value)
            attendance.append((instance, day, sid, role, count))
            row += 1
            lines += 1
    widths(ws, {"A": 12, "B": 28, "C": 30, "D": 15, "E": 20})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        lines,
        new_meeting_rows({(instance, day) for day, _, _ in meetings}, attendance),
        [
            f"the « Date » and « Lieu » are written only on the FIRST line of each meeting (rows {', '.join(map(str, first_rows))}) and left EMPTY (not merged) on the lines under it: an empty date means the date of the line above; three meetings (09/10/2025, 22/01/2026, 23/04/2026)",
            "the group (groupe projets culture/loisirs) is only in the file name; one line per structure and category with a count",
        ],
    )


def plenary_satisfaction_google_forms(out: Path) -> tuple[str, dict]:
    """The Google Forms export of the satisfaction survey sent after the June 2025 plenary: nothing to store."""
    name = "Evaluation_pleniere_26-06-2025_reponses.xlsx"
    t = dt.datetime
    questions = [
        "Horodateur",
        "Vous êtes :",
        "Globalement, êtes-vous satisfait(e) de cette assemblée plénière ?",
        "Les ateliers de l'après-midi vous ont-ils été utiles ?",
        "Qu'avez-vous appris ou retenu ?",
        "Quels thèmes aimeriez-vous voir abordés à la prochaine plénière ?",
        "Adresse e-mail (facultatif, si vous souhaitez recevoir le compte rendu)",
    ]
    answers = [
        (t(2025, 6, 26, 17, 42, 10), "Professionnel(le)", 4, "Oui", "Les missions de l'EMPP",
         "Le logement", MASK),
        (t(2025, 6, 26, 17, 58, 33), "Usager / personne concernée", 5, "Oui", "Qu'on peut venir au GEM sans RDV",
         "Le travail", None),
        (t(2025, 6, 26, 18, 5, 2), "Proche / aidant", 4, "Plutôt oui", "Les coordonnées de l'UNAFAM", "", None),
        (t(2025, 6, 26, 19, 21, 47), "Professionnel(le)", 3, "Plutôt non", "", "Les situations de crise", MASK),
        (t(2025, 6, 27, 8, 47, 15), "Élu(e)", 4, "Oui", "Le bilan des SISM", "Les jeunes", None),
        (t(2025, 6, 27, 9, 12, 58), "Professionnel(le)", 5, "Oui", "Stopblues", "La parentalité", MASK),
        (t(2025, 6, 27, 10, 30, 4), "Bénévole", 4, "Oui", "Comment orienter une personne en détresse", "", None),
        (t(2025, 6, 27, 14, 2, 39), "Professionnel(le)", 2, "Non",
         "Trop de présentations, pas assez d'échanges", "La précarité", None),
        (t(2025, 6, 30, 9, 55, 21), "Usager / personne concernée", 5, "Oui", "", "La culture", None),
        (t(2025, 7, 1, 11, 18, 6), "Professionnel(le)", 4, "Plutôt oui", "Le réseau psypérinatalité",
         "Les addictions", MASK),
        (t(2025, 7, 3, 16, 40, 52), "Proche / aidant", 3, "Plutôt oui", "", "", None),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Réponses au formulaire 1"
    for col, question in enumerate(questions, start=1):
        cell = ws.cell(row=1, column=col, value=question)
        cell.font = BOLD
        cell.alignment = WRAP
    for offset, answer in enumerate(answers, start=2):
        for col, value in enumerate(answer, start=1):
            ws.cell(row=offset, column=col, value=value if value != "" else None)
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY HH:MM:SS"
    ws.freeze_panes = "A2"
    widths(ws, {"A": 20, "B": 28, "C": 24, "D": 22, "E": 42, "F": 36, "G": 30})
    wb.save(out / name)
    return name, entry(
        [],
        0,
        {},
        [
            f"a Google Forms export (sheet « Réponses au formulaire 1 », the questions as headers, an « Horodateur » with the time of each answer): the {len(answers)} answers of individual people to a SATISFACTION SURVEY after the plenary of 26/06/2025 (mark out of 5, usefulness of the workshops, free text, an optional e-mail « [masqué] »)",
            "it is NOT an attendance list (no structure, only the people who chose to answer, some days later) and no table of the dashboard holds opinions of a meeting (no indicator of the plans measures the plenary's satisfaction): a careful reader refuses the file or stores nothing; the plenary itself is not to be created from a survey named in a file name; « Vous êtes : » is who answered, not attendance by category",
        ],
    )


# --------------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------------


def awareness_sessions_spaced_dates(out: Path) -> tuple[str, dict]:
    """The coordinator's awareness sessions and trainings of her first year, dates typed « 16 10 2025 »."""
    name = "sensibilisations_2025-2026.xlsx"
    d = dt.date
    rows = [
        (d(2025, 10, 16), "Sensibilisation", "Sensibilisation en santé mentale", "agents d'accueil du CCAS",
         "Hôtel de Ville", 14),
        (d(2025, 11, 13), "Sensibilisation", "Sensibilisation en santé mentale", "animateurs périscolaires",
         "Centre social de la Patrotte", 18),
        (d(2025, 12, 4), "Sensibilisation", "Sensibilisation en santé mentale", "bénévoles de l'aide alimentaire",
         "RESAM", 16),
        (d(2026, 1, 22), "Formation", "Premiers secours en santé mentale (PSSM) – module standard",
         "professionnels du secteur social", "Centre Pierre Janet", 12),
        (d(2026, 3, 12), "Sensibilisation", "Sensibilisation en santé mentale", "gardiens d'immeubles des bailleurs",
         "AMLI", 11),
        (d(2026, 5, 7), "Sensibilisation", "Sensibilisation en santé mentale", "agents des médiathèques",
         "Médiathèque Verlaine", 13),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Sessions"
    header_row(ws, 1, ["Date", "Type", "Intitulé", "Public", "Lieu", "Participants"], background=fill("DEEAF6"))
    for offset, (day, kind, title, public, place, people) in enumerate(rows, start=2):
        for col, value in enumerate([spaced_dmy(weekday(day)), kind, title, public, place, people], start=1):
            ws.cell(row=offset, column=col, value=value)
    widths(ws, {"A": 12, "B": 16, "C": 56, "D": 36, "E": 30, "F": 12})
    wb.save(out / name)
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            "the dates are TEXT typed with SPACES, day month year: « 16 10 2025 » = 16/10/2025, « 04 12 2025 » = 04/12/2025, « 07 05 2026 » = 07/05/2026",
            "six events of 2025-2026 (5 « Sensibilisation », 1 « Formation » PSSM); five share the title « Sensibilisation en santé mentale » and differ by date and public: six distinct events, each with its number of participants",
        ],
    )


def sism_2025_estimated_participants(out: Path) -> tuple[str, dict]:
    """The coordinator's record of the SISM 2025 events, the participants estimated the way people say it."""
    name = "SISM_2025_manifestations_frequentation.xlsx"
    d = dt.date
    rows = [
        (d(2025, 10, 6), "Conférence d'ouverture « Réparons le lien social »", "CLSM / Ville de Metz", "Arsenal",
         "~80"),
        (d(2025, 10, 7), "Marche bleue autour du plan d'eau", "GEM L'Albatros", "Plan d'eau", "une vingtaine"),
        (d(2025, 10, 9), "Ciné-débat « Vivre avec »", "UNAFAM Moselle", "Cinéma Caméo Ariel", 45),
        (d(2025, 10, 10), "Portes ouvertes du GEM", "GEM Camille Claudel", "GEM Camille Claudel", "25 à 30"),
        (d(2025, 10, 14), "Atelier « Mieux dormir, mieux vivre »", "Maison des adolescents", "Médiathèque Verlaine",
         12),
        (d(2025, 10, 16), "Forum des acteurs de la santé mentale", "CLSM", "Hôtel de Ville, grand salon",
         "env. 150"),
        (d(2025, 10, 17), "Concert solidaire de clôture", "ESAT Charivari", "Les Trinitaires", "une centaine"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "SISM 2025"
    header_row(ws, 1, ["Date", "Manifestation", "Porteur", "Lieu", "Participants"], background=fill("E4DFEC"))
    estimated = []
    for offset, (day, title, organiser, place, people) in enumerate(rows, start=2):
        for col, value in enumerate([weekday(day), title, organiser, place, people], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
        ws.cell(row=offset, column=5).alignment = Alignment(horizontal="right")
        if not isinstance(people, int):
            estimated.append(people)
    widths(ws, {"A": 12, "B": 56, "C": 26, "D": 30, "E": 14})
    wb.save(out / name)
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            "the « Participants » cells are estimates typed as people say them: "
            + ", ".join(f"« {text} »" for text in estimated)
            + "; only two are plain numbers (45, 12): an estimate is no exact count (a range « 25 à 30 » is not 2530 nor 55; « une vingtaine » ≈ 20, « une centaine » ≈ 100, « ~80 » and « env. 150 » ≈ 80 and 150): kept as approximate or left empty, never invented",
            "seven events of the SISM 2025 (6-17 October 2025), dates as real date cells; every line is one event whatever its count",
        ],
    )


def handover_events_struck_through(out: Path) -> tuple[str, dict]:
    """The former coordinator's handover list of the 2025 events, the cancelled ones struck through."""
    name = "passation_evenements_2025.xlsx"
    d = dt.date
    # date, title, kind, place, participants, cancelled
    rows = [
        (d(2025, 1, 23), "Sensibilisation en santé mentale – agents de la MDPH", "sensibilisation", "MDPH", 15,
         False),
        (d(2025, 3, 13), "Formation PSSM – professionnels du logement", "formation", "AMLI", 12, False),
        (d(2025, 5, 15), "Café-débat « Santé mentale au travail »", "rencontre", "Bibliothèque-médiathèque",
         None, True),
        (d(2025, 6, 12), "Sensibilisation en santé mentale – bénévoles des associations", "sensibilisation",
         "RESAM", 17, False),
        (d(2025, 9, 11), "Journée portes ouvertes du CMP Winnicott", "journée", "CMP Winnicott", None, True),
        (d(2025, 10, 2), "Webinaire partenaires : présentation de l'EMPP", "webinaire", "visio", 38, False),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Événements 2025"
    header_row(ws, 1, ["Date", "Événement", "Type", "Lieu", "Participants"], background=fill("D9E1F2"))
    kept, struck_rows = 0, []
    for offset, (day, title, kind, place, people, cancelled) in enumerate(rows, start=2):
        for col, value in enumerate([weekday(day), title, kind, place, people], start=1):
            cell = ws.cell(row=offset, column=col, value=value)
            if cancelled:
                cell.font = STRUCK
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
        if cancelled:
            struck_rows.append(offset)
        else:
            kept += 1
    note_row = len(rows) + 3
    ws.cell(row=note_row, column=1, value="(lignes barrées = annulées)").font = GREY_ITALIC
    widths(ws, {"A": 12, "B": 60, "C": 16, "D": 26, "E": 12})
    wb.save(out / name)
    return name, entry(
        ["event"],
        kept,
        {"event": count_new([NEW] * kept, SEED_EVENTS)},
        [
            f"the former coordinator's handover list: rows {' and '.join(map(str, struck_rows))} are STRUCK THROUGH (font strikethrough, grey, no participants): events that were cancelled, not events; the italic line « (lignes barrées = annulées) » under the table (row {note_row}) says so and is not data",
            f"{kept} events of 2025 took place (two awareness sessions, a PSSM training, a webinar held « visio »); types in lower case in « Type »; dates as real date cells",
        ],
    )


# --------------------------------------------------------------------------------------------
# Actions: statuses and partners
# --------------------------------------------------------------------------------------------


def status_numbers_with_legend(out: Path) -> tuple[str, dict]:
    """The coordinator's December 2025 status point of the 2022 programme, statuses as numbers 1-5, legend to the right."""
    name = "point_actions_decembre_2025.xlsx"
    day = weekday(dt.date(2025, 12, 9))
    legend = {1: "idée", 2: "conception", 3: "mise en œuvre", 4: "reportée", 5: "réalisée"}
    typed_legend = ["1 = idée", "2 = en conception", "3 = en cours", "4 = en pause / reportée", "5 = terminée"]
    rows = [
        ("p22-01", "Module de sensibilisation à distance", 3),
        ("p22-03", "Promotion des PSSM", 3),
        ("p22-04", "Mise à jour des outils de coordination", 5),
        ("p22-15", "Rencontre CMP / partenaires précarité", 5),
        ("p22-06", "Guide santé mentale grand public", 1),
        ("p22-07", "Documentaire avec les adhérents des GEM", 4),
        ("p22-09", "Cartographie culture et loisirs", 2),
        ("p22-11", "Bilan des actions avec les bailleurs", 2),
        ("p22-16", "Cités éducatives Borny", 3),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Point actions"
    header_row(ws, 1, ["Action", "Statut", "Date du point"], background=fill("C6E0B4"))
    statuses = set()
    for offset, (action, title, number) in enumerate(rows, start=2):
        for col, value in enumerate([title, number, day], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=2).alignment = Alignment(horizontal="center")
        ws.cell(row=offset, column=3).number_format = "DD/MM/YYYY"
        assert action in SEED_ACTIONS and legend[number] in STATUSES, (action, number)
        statuses.add((action, day, legend[number]))
    ws.cell(row=1, column=5, value="Légende statut").font = BOLD
    for offset, text in enumerate(typed_legend, start=2):
        ws.cell(row=offset, column=5, value=text).border = BOX
    widths(ws, {"A": 46, "B": 8, "C": 14, "D": 4, "E": 24})
    wb.save(out / name)
    return name, entry(
        ["action_status"],
        len(rows),
        {"action_status": len(statuses - SEED_ACTION_STATUSES)},
        [
            "the « Statut » is a NUMBER from 1 to 5 explained by a legend on the SAME sheet to the right of the table (E1 « Légende statut », E2:E6): « 1 = idée », « 2 = en conception » (conception), « 3 = en cours » (mise en œuvre), « 4 = en pause / reportée » (reportée), « 5 = terminée » (réalisée); the legend cells are not actions; column D is empty between the table and the legend",
            "nine actions of the 2022 programme by her short titles (« Module de sensibilisation à distance » = p22-01, « Promotion des PSSM » = p22-03, « Rencontre CMP / partenaires précarité » = p22-15, « Documentaire avec les adhérents des GEM » = p22-07, « Cités éducatives Borny » = p22-16 …), all dated by « Date du point » 09/12/2025",
        ],
    )


def partners_pipe_csv(out: Path) -> tuple[str, dict]:
    """The coordinator's who-works-on-what, exported from LibreOffice as a CSV separated by « | »."""
    name = "partenaires_par_action_2026.csv"
    titles = {
        "fiche-15": "Coordination du CLSM (fiche 15 du CLS)",
        "p22-03": "Promotion des Premiers secours en santé mentale (PSSM)",
        "p22-07": "Documentaire « Vivre avec des troubles psychiques » (GEM)",
        "p22-09": "Cartographie des acteurs de la culture et des loisirs, puis sensibilisation",
        "p22-19": "Collaborations avec la Maison des adolescents",
    }
    # action, structure typed, role, structure id
    rows = [
        ("fiche-15", "Centre hospitalier de Jury", "porteur", "ch-jury"),
        ("fiche-15", "Ville de Metz", "financeur", "ville-metz"),
        ("fiche-15", "Eurométropole de Metz", "partenaire", "eurometropole-metz"),
        ("p22-03", "Centre Pierre Janet", "partenaire", "centre-pierre-janet"),
        ("p22-03", "SUMPPS", "partenaire", "sumpps"),
        ("p22-03", "ARS Grand Est", "financeur", "ars-grand-est"),
        ("p22-07", "GEM L'Albatros", "partenaire", "gem-albatros"),
        ("p22-07", "GEM Camille Claudel", "partenaire", "gem-camille-claudel"),
        ("p22-09", "Espace Bernard Marie Koltès", "partenaire", "espace-bernard-marie-koltes"),
        ("p22-09", "RESAM", "partenaire", "resam"),
        ("p22-19", "Maison des adolescents de Moselle", "partenaire", "mda-moselle"),
        ("p22-19", "Mission locale du Pays Messin", "partenaire", "mission-locale-pays-messin"),
    ]
    lines = [["Action", "Structure", "Rôle"]]
    found = set()
    for action, structure, role, sid in rows:
        assert action in SEED_ACTIONS and sid in SEED_STRUCTURES, (action, sid)
        lines.append([titles[action], structure, role])
        found.add((action, sid, role))
    write_csv(out / name, lines, delimiter="|", encoding="utf-8")
    seed_links = found & SEED_ACTION_PARTNERS
    return name, entry(
        ["action_partner"],
        len(rows),
        {"action_partner": len(found - SEED_ACTION_PARTNERS)},
        [
            "a CSV whose separator is the PIPE « | » (« Action|Structure|Rôle »), UTF-8 without BOM, CRLF, no quotes; a title holds a comma (« … culture et des loisirs, puis sensibilisation »): the comma is text, not a separator",
            f"one line per link, the role in « Rôle » (porteur / partenaire / financeur); {len(rows)} links of five actions by her titles (« Coordination du CLSM (fiche 15 du CLS) » = fiche-15, « Promotion des … (PSSM) » = p22-03, « Documentaire … (GEM) » = p22-07, « Cartographie des acteurs de la culture et des loisirs, puis sensibilisation » = p22-09, « Collaborations avec la Maison des adolescents » = p22-19), {len(seed_links)} already in the seed (CH Jury porteur and Ville de Metz financeur of sheet n°15, the MDA partenaire of p22-19)",
        ],
    )


# --------------------------------------------------------------------------------------------
# Structures, resources, indicators
# --------------------------------------------------------------------------------------------


def new_partners_sector_capitals(out: Path) -> tuple[str, dict]:
    """The coordinator's list of the partners who joined in her first year, sectors in capitals and abbreviated."""
    name = "nouveaux_partenaires_2025-2026.xlsx"
    sectors = {
        "SANITAIRE": "soins et prévention", "MEDICO-SOC.": "accompagnement social et médico-social",
        "SOCIAL": "accompagnement social et médico-social", "LOGT": "logement", "EMPLOI-FORM.": "emploi et formation",
    }  # fmt: skip
    rows = [
        ("Maison de santé pluriprofessionnelle de Metz-Borny", "MSP", "SANITAIRE", "maison de santé", "Metz", 2025,
         NEW),
        ("CPTS du Pays messin", "CPTS", "SANITAIRE", "communauté professionnelle territoriale de santé", "Metz",
         2026, NEW),
        ("SAMSAH de Metz", "SAMSAH", "MEDICO-SOC.", "service médico-social", "Metz", 2025, NEW),
        ("SIAO de la Moselle", "SIAO", "SOCIAL", "service intégré d'accueil et d'orientation", "Metz", 2026, NEW),
        ("Habitat et Humanisme Moselle", None, "LOGT", "association", "Metz", 2026, NEW),
        ("France Travail (ex-Pôle emploi)", None, "EMPLOI-FORM.", "service public de l'emploi", "Metz", 2025,
         "pole-emploi"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Nouveaux partenaires"
    header_row(ws, 1, ["Structure", "Sigle", "Secteur", "Type", "Commune", "Membre depuis"], background=fill("FFF2CC"))
    for offset, row in enumerate(rows, start=2):
        for col, value in enumerate(row[:-1], start=1):
            ws.cell(row=offset, column=col, value=value)
        assert row[2] in sectors, row
    widths(ws, {"A": 52, "B": 9, "C": 14, "D": 46, "E": 10, "F": 15})
    wb.save(out / name)
    keys = [row[-1] for row in rows]
    return name, entry(
        ["structure"],
        len(rows),
        {"structure": count_new(keys, SEED_STRUCTURES)},
        [
            "the « Secteur » is typed in CAPITALS without accents and abbreviated, the medico-social way: « SANITAIRE » = soins et prévention, « MEDICO-SOC. » and « SOCIAL » = accompagnement social et médico-social, « LOGT » = logement, « EMPLOI-FORM. » = emploi et formation",
            "six structures with acronym, type, commune (Metz) and the year they joined the CLSM (« Membre depuis » 2025 / 2026); « France Travail (ex-Pôle emploi) » is the seed's Pôle emploi under its new name: already a structure, 5 new",
        ],
    )


def resources_free_yes_no(out: Path) -> tuple[str, dict]:
    """The coordinator's update of the resource directory, phones masked and a « Gratuit ? » oui / non column."""
    name = "annuaire_ressources_maj_2026.xlsx"
    rows = [
        ("Chèques psy pour les étudiants", "Service de santé universitaire", "étudiants", "Metz", "oui",
         "cheques-psy-etudiants"),
        ("Stopblues", "Inserm", "tout public, en ligne", "en ligne", "oui", "stopblues"),
        ("Formation Premiers secours en santé mentale (PSSM)", "Centre Pierre Janet", "tout public, adultes", "Metz",
         "non", "pssm-centre-pierre-janet"),
        ("Groupe de parole des proches", "UNAFAM Moselle", "familles et proches", "Metz", "oui", NEW),
        ("Programme de psychoéducation Profamille", "CH Jury", "familles de personnes vivant avec une schizophrénie",
         "Jury", "non", NEW),
        ("Accueil de jour", "Carrefour des solidarités", "personnes sans domicile ou en grande précarité", "Metz",
         "oui", NEW),
        ("Atelier d'écriture ouvert à tous", "GEM Camille Claudel", "adultes", "Metz", "oui", NEW),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Annuaire"
    header_row(ws, 1, ["Ressource", "Structure", "Public", "Commune", "Téléphone", "Gratuit ?"],
               background=fill("FCE4D6"))  # fmt: skip
    for offset, (resource, structure, public, town, free, _) in enumerate(rows, start=2):
        for col, value in enumerate([resource, structure, public, town, MASK, free], start=1):
            ws.cell(row=offset, column=col, value=value).alignment = WRAP
        ws.cell(row=offset, column=6).alignment = Alignment(horizontal="center")
    widths(ws, {"A": 50, "B": 32, "C": 44, "D": 10, "E": 12, "F": 10})
    wb.save(out / name)
    keys = [row[-1] for row in rows]
    return name, entry(
        ["resource"],
        len(rows),
        {"resource": count_new(keys, SEED_RESOURCES)},
        [
            "a « Gratuit ? » column answered « oui » / « non »: whether the resource is free of charge, an attribute of the entry (not a presence, not a count); the « Téléphone » column is entirely « [masqué] »",
            "seven entries of the resource directory, three already in the seed (the students' chèques psy, Stopblues, the Centre Pierre Janet's PSSM training, « non » = paying), four new (UNAFAM's carers' group, the CH Jury's Profamille, the Carrefour's day centre, the GEM's writing workshop)",
        ],
    )


def indicators_with_cell_notes(out: Path) -> tuple[str, dict]:
    """The coordinator's sheet n°15 indicators for 2025, sources and caveats in Excel notes on the cells."""
    name = "indicateurs_fiche15_2025.xlsx"
    # indicator, wording, value, note on the value cell
    rows = [
        ("f15-proc-1", "Nombre d'actions réalisées par rapport au prévisionnel.", 11,
         "11 actions réalisées sur 15 prévues au programme"),
        ("f15-proc-2", "Nombre et typologie des réunions organisées dans le cadre du CLSM.", 31,
         "dont 4 réunions en visio ; chiffre arrêté au 31/12/2025"),
        ("f15-proc-3", "Nombre et typologie des acteurs représentés dans les instances du CLSM.", 104,
         "compté d'après les feuilles de présence, doublons retirés"),
        ("f15-res-1", "Nombre de partenaires qui déclarent avoir développé des collaborations dans le cadre du CLSM.",
         None, "questionnaire partenaires envoyé en janvier 2026 : résultats en attente"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Fiche 15 – 2025"
    header_row(ws, 1, ["Indicateur", "2025"], background=fill("E2EFDA"))
    values = set()
    for offset, (indicator, wording, value, note) in enumerate(rows, start=2):
        assert indicator in SEED_INDICATORS, indicator
        ws.cell(row=offset, column=1, value=wording).alignment = WRAP
        cell = ws.cell(row=offset, column=2, value=value)
        comment = Comment(f"{NOTE_AUTHOR} :\n{note}", NOTE_AUTHOR)
        comment.width, comment.height = 240, 80
        cell.comment = comment
        if value is not None and (indicator, "2025") not in SEED_INDICATOR_VALUES:
            values.add((indicator, "2025"))
    widths(ws, {"A": 80, "B": 10})
    wb.save(out / name)
    return name, entry(
        ["indicator_value"],
        len(rows),
        {"indicator_value": len(values)},
        [
            "each value cell carries an Excel NOTE (comment, the small red triangle) with its source or a caveat (« 11 actions réalisées sur 15 prévues … », « dont 4 réunions en visio ; chiffre arrêté au 31/12/2025 », « compté d'après les feuilles de présence … »): a note is context (a source), not a value; the value is the cell's number",
            f"the year is the header of the value column, « 2025 »; four indicators of sheet n°15 by their full wording; the partners' collaborations indicator has an EMPTY cell whose note says the results are pending: no value; {len(values)} new values",
        ],
    )


FILES = [
    coordinator_workbook_own_sheets,
    copil_category_initials_note,
    youth_group_cross_table,
    agenda_instance_codes,
    calendar_2026_two_halves,
    precarity_meeting_typed_twice,
    culture_group_date_on_first_line,
    plenary_satisfaction_google_forms,
    awareness_sessions_spaced_dates,
    sism_2025_estimated_participants,
    handover_events_struck_through,
    status_numbers_with_legend,
    partners_pipe_csv,
    new_partners_sector_capitals,
    resources_free_yes_no,
    indicators_with_cell_notes,
]


def main(argv: list[str] | None = None) -> int:
    """Write the sixteen files and manifest.json into OUTDIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_heldout20.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for make in FILES:
        name, info = make(out)
        assert name not in manifest, name
        manifest[name] = info
    assert len(manifest) == 16, len(manifest)
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(manifest)} files written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
