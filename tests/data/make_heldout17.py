"""Held-out set n°17: sixteen plain files that the people around the CLSM's coordinator type and hand over.

Fourteen files are ordinary, the plainest everyday sheets a coordinator receives, each with ONE small
everyday habit and nothing else: the 2026 calendar of the instances under a title line, a COPIL's attendance
with a TOTAL row at the bottom, the youth group's attendance CSV with structures written by their short
names, a partners' meeting counted in one column per role category, a status point of the 2022 programme
with a « Commentaire » column, new partners under a merged title cell, the SISM 2025 programme with dates
written in words, the 2025 awareness sessions and trainings with an empty line left in the middle, the
sheet n°15 indicators with one column per year, the sheet n°32 results typed with their unit
(« 38 participants »), the resource directory with its headers in capitals without accents, who-does-what
with each action merged over its partner lines, a history of statuses dated by month in words
(« mars 2024 »), and the 2025 project groups' meetings in a CSV with two-digit years. Two are harder, each
in its own way: the coordinator's Outlook contacts exported to CSV (one line per contact person, several
per structure, a personal contact without a company) and a plenary's attendance where the categories are
written inside the count (« 2 pros + 1 élue »).

No person's name, personal e-mail or individual phone number appears anywhere: names, e-mails and phones
are « [masqué] », attendance is counted per structure and role category only. Every meeting, attendance
count, event, status, partner link, indicator value dated 2022-2026, every new structure (Logiest,
Batigère, CCAS de Metz, AIEM, MSP de Bellecroix…), new resource entry and address is test content, not a
fact of the council's documents.

The expected counts are computed from the rows written, against the keys of a freshly built seed
database (the SEED_* sets below, copied from make_heldout16.py), so that the manifest and the files
cannot drift apart.

Usage: python make_heldout17.py OUTDIR  (writes the sixteen files and OUTDIR/manifest.json)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from openpyxl import Workbook
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


def save_with_cached_values(wb: Workbook, path: Path, cached: dict[str, dict[str, float | str]]) -> None:
    """Save the workbook, then give its formula cells the cached values Excel would have stored.

    openpyxl writes formulas with an empty <v>; Excel saves the last computed value beside the formula
    (a text result is marked t="str"). cached: sheet title -> cell coordinate -> number or text.
    """
    wb.save(path)
    if not cached:
        return
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        parts = {info.filename: archive.read(info.filename) for info in infos}
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    targets = {}
    for rel in ElementTree.fromstring(parts["xl/_rels/workbook.xml.rels"]):
        target = rel.get("Target")
        targets[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    sheet_parts = {}
    for sheet in ElementTree.fromstring(parts["xl/workbook.xml"]).iter(f"{main}sheet"):
        sheet_parts[sheet.get("name")] = targets[sheet.get(f"{rel_ns}id")]
    for title, cells in cached.items():
        part = sheet_parts[title]
        xml = parts[part].decode("utf-8")
        for coordinate, value in cells.items():
            pattern = rf'<c r="{coordinate}"([^>]*)>\s*(<f>[^<]*</f>)\s*<v\s*(?:/>|></v>)'
            if isinstance(value, str):
                text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                attributes = ' t="str"'
            else:
                text = repr(value)
                attributes = ""

            def replace(match, text=text, attributes=attributes, coordinate=coordinate):
                kept = re.sub(r'\s*t="[^"]*"', "", match.group(1))
                return f'<c r="{coordinate}"{kept}{attributes}>{match.group(2)}<v>{text}</v>'

            xml, done = re.subn(pattern, replace, xml, count=1)
            assert done == 1, (title, coordinate)
        parts[part] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in infos:
            archive.writestr(info, parts[info.filename])


WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def in_words(day: dt.date) -> str:
    """« mardi 7 octobre 2025 », « mercredi 1er octobre 2025 » (the weekday is the real one)."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{WEEKDAYS[weekday(day).weekday()]} {number} {MONTHS[day.month - 1]} {day.year}"


def write_csv(
    path: Path, rows: list[list], delimiter: str = ";", encoding: str = "utf-8-sig", quoting: int = csv.QUOTE_MINIMAL
) -> None:
    """Write a CSV the way Excel for Windows saves it (CRLF line ends)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n", quoting=quoting)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


# --------------------------------------------------------------------------------------------
# Ordinary files: one everyday habit each
# --------------------------------------------------------------------------------------------


def calendar_title_line(out: Path) -> tuple[str, dict]:
    """The coordinator's 2026 calendar of the instances, under a title line."""
    name = "calendrier_instances_CLSM_2026.xlsx"
    d = dt.date
    rows = [
        ("COPIL", "copil", d(2026, 3, 10), "14h00", "Hôtel de Ville, salle des commissions", "présentiel"),
        ("Rencontre entre partenaires", "rencontre-partenaires", d(2026, 4, 9), "8h30", "CH Jury", "présentiel"),
        ("Réunion d'information des partenaires", "information-partenaires", d(2026, 5, 21), "14h00", "Teams", "visio"),
        ("Assemblée plénière", "pleniere", d(2026, 6, 25), "9h00", "Arsenal, salle de l'Esplanade", "présentiel"),
        ("COPIL", "copil", d(2026, 10, 6), "14h00", "Hôtel de Ville, salle des commissions", "hybride"),
        ("Rencontre entre partenaires", "rencontre-partenaires", d(2026, 11, 19), "8h30", "Maison des adolescents",
         "présentiel"),
        ("COPIL", "copil", d(2026, 12, 8), "14h00", "Hôtel de Ville, salle des commissions", "présentiel"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Calendrier 2026"
    ws["A1"] = "CLSM de Metz – calendrier des instances 2026"
    ws["A1"].font = Font(bold=True, size=14)
    header_row(ws, 3, ["Instance", "Date", "Heure", "Lieu", "Modalité"], background=fill("DDEBF7"))
    keys = []
    for offset, (label, instance, day, hour, place, mode) in enumerate(rows, start=4):
        for col, value in enumerate([label, weekday(day), hour, place, mode], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=2).number_format = "DD/MM/YYYY"
        keys.append((instance, day))
    widths(ws, {"A": 38, "B": 12, "C": 8, "D": 38, "E": 12})
    wb.save(out / name)
    return name, entry(
        ["meeting"],
        len(rows),
        {"meeting": new_meeting_rows(keys, [])["meeting"]},
        ["a title line « CLSM de Metz – calendrier des instances 2026 » in A1, an empty line, the header in row 3"],
    )


def copil_total_row(out: Path) -> tuple[str, dict]:
    """The CH Jury direction's assistant's attendance of the March 2026 COPIL, with a TOTAL row at the bottom."""
    name = "presences_COPIL_10-03-2026.xlsx"
    day = weekday(dt.date(2026, 3, 10))
    rows = [
        ("Ville de Metz", "Élu", 2, "ville-metz", ELU),
        ("Ville de Metz", "Professionnel", 1, "ville-metz", PRO),
        ("Eurométropole de Metz", "Élu", 1, "eurometropole-metz", ELU),
        ("Centre hospitalier de Jury", "Professionnel", 3, "ch-jury", PRO),
        ("ARS Grand Est", "Professionnel", 1, "ars-grand-est", PRO),
        ("Préfecture de la Moselle", "Professionnel", 1, "prefecture-moselle", PRO),
        ("Département de la Moselle", "Professionnel", 1, "departement-moselle", PRO),
        ("Éducation nationale", "Professionnel", 1, "education-nationale", PRO),
        ("Maison des adolescents de Moselle", "Professionnel", 1, "mda-moselle", PRO),
        ("UNAFAM Moselle", "Aidant", 1, "unafam-moselle", AID),
        ("GEM L'Albatros", "Usager", 1, "gem-albatros", USA),
        ("GEM Camille Claudel", "Usager", 1, "gem-camille-claudel", USA),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences"
    header_row(ws, 1, ["Instance", "Date", "Structure", "Catégorie", "Nombre"], background=fill("E2EFDA"))
    attendance = []
    for offset, (structure, role, count, sid, role_id) in enumerate(rows, start=2):
        for col, value in enumerate(["COPIL", day, structure, role, count], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=2).number_format = "DD/MM/YYYY"
        attendance.append(("copil", day, sid, role_id, count))
    total = len(rows) + 2
    ws.cell(row=total, column=1, value="TOTAL").font = BOLD
    ws.cell(row=total, column=5, value=f"=SUM(E2:E{total - 1})").font = BOLD
    widths(ws, {"A": 10, "B": 12, "C": 36, "D": 15, "E": 9})
    save_with_cached_values(wb, out / name, {ws.title: {f"E{total}": sum(row[2] for row in rows)}})
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows([("copil", day)], attendance),
        [
            f"a TOTAL row under the table (row {total}: « TOTAL » in A, =SUM(E2:E{total - 1}) in E with its cached value {sum(row[2] for row in rows)}): not a structure"
        ],
    )


def youth_group_short_names_csv(out: Path) -> tuple[str, dict]:
    """The MDA secretary's attendance of the youth group in 2025, structures written by their short names."""
    name = "presences_groupe_jeunes_2025.csv"
    instance = "groupe-jeunes"
    rows = [
        ("04/02/2025", "MDA", "Professionnel", 2, "mda-moselle", PRO),
        ("04/02/2025", "ML", "Professionnel", 2, "mission-locale-pays-messin", PRO),
        ("04/02/2025", "SUMPPS", "Professionnel", 1, "sumpps", PRO),
        ("04/02/2025", "EN", "Professionnel", 1, "education-nationale", PRO),
        ("04/02/2025", "CSAPA", "Professionnel", 1, "csapa-les-wads", PRO),
        ("04/02/2025", "UNAFAM", "Aidant", 1, "unafam-moselle", AID),
        ("17/06/2025", "MDA", "Professionnel", 1, "mda-moselle", PRO),
        ("17/06/2025", "ML", "Professionnel", 1, "mission-locale-pays-messin", PRO),
        ("17/06/2025", "CHJ", "Professionnel", 2, "ch-jury", PRO),
        ("17/06/2025", "CMSEA", "Professionnel", 1, "cmsea", PRO),
        ("17/06/2025", "EPE 57", "Professionnel", 1, "epe-moselle", PRO),
        ("17/06/2025", "GEM CC", "Usager", 2, "gem-camille-claudel", USA),
        ("14/10/2025", "MDA", "Professionnel", 2, "mda-moselle", PRO),
        ("14/10/2025", "ML", "Professionnel", 1, "mission-locale-pays-messin", PRO),
        ("14/10/2025", "SUMPPS", "Professionnel", 1, "sumpps", PRO),
        ("14/10/2025", "CHJ", "Professionnel", 1, "ch-jury", PRO),
        ("14/10/2025", "VDM", "Élu", 1, "ville-metz", ELU),
    ]  # fmt: skip
    lines = [["Date", "Instance", "Structure", "Catégorie", "Nombre"]]
    meetings, attendance = set(), []
    for day_text, structure, role, count, sid, role_id in rows:
        lines.append([day_text, "Groupe projets jeunes", structure, role, count])
        day = weekday(dt.datetime.strptime(day_text, "%d/%m/%Y").date())
        meetings.add((instance, day))
        attendance.append((instance, day, sid, role_id, count))
    write_csv(out / name, lines)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows(meetings, attendance),
        [
            "structures written by the short names people use: « MDA » (Maison des adolescents de Moselle), « ML » (Mission locale du Pays Messin), « EN » (Éducation nationale), « CHJ » (CH Jury), « CSAPA » (CSAPA les Wads), « EPE 57 » (École des parents et des éducateurs), « GEM CC » (GEM Camille Claudel), « VDM » (Ville de Metz); otherwise a plain « ; » CSV UTF-8 with BOM, three meetings"
        ],
    )


def partners_meeting_one_column_per_role(out: Path) -> tuple[str, dict]:
    """The coordinator's count of the November 2025 partners' meeting: one column per role category."""
    name = "presences_rencontre_partenaires_20-11-2025.xlsx"
    day = weekday(dt.date(2025, 11, 20))
    roles = [PRO, USA, AID, ELU, BEN]
    # structure, sid, counts per role (professionnel, usager, aidant, élu, bénévole)
    rows = [
        ("Centre hospitalier de Jury", "ch-jury", [3, 0, 0, 0, 0]),
        ("Carrefour des solidarités", "carrefour-solidarites", [1, 0, 0, 0, 2]),
        ("Médecins du Monde", "medecins-du-monde-metz", [1, 0, 0, 0, 1]),
        ("Adoma", "adoma", [1, 0, 0, 0, 0]),
        ("AMLI", "amli", [2, 0, 0, 0, 0]),
        ("GEM L'Albatros", "gem-albatros", [1, 3, 0, 0, 0]),
        ("UNAFAM Moselle", "unafam-moselle", [0, 0, 2, 0, 0]),
        ("Ville de Metz", "ville-metz", [1, 0, 0, 1, 0]),
        ("CMSEA", "cmsea", [2, 0, 0, 0, 0]),
        ("RESAM", "resam", [0, 0, 0, 0, 1]),
        ("Mission locale du Pays Messin", "mission-locale-pays-messin", [1, 0, 0, 0, 0]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences"
    header_row(ws, 1, ["Date", "Instance", "Structure", "Professionnels", "Usagers", "Aidants", "Élus", "Bénévoles"],
               background=fill("FCE4D6"))  # fmt: skip
    attendance = []
    for offset, (structure, sid, counts) in enumerate(rows, start=2):
        ws.cell(row=offset, column=1, value=day).number_format = "DD/MM/YYYY"
        ws.cell(row=offset, column=2, value="Rencontre entre partenaires")
        ws.cell(row=offset, column=3, value=structure)
        for col, (role, count) in enumerate(zip(roles, counts, strict=True), start=4):
            ws.cell(row=offset, column=col, value=count or None)
            attendance.append(("rencontre-partenaires", day, sid, role, count))
    widths(ws, {"A": 12, "B": 28, "C": 34, "D": 15, "E": 9, "F": 9, "G": 7, "H": 10})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows([("rencontre-partenaires", day)], attendance),
        [
            "one column per role category (« Professionnels », « Usagers », « Aidants », « Élus », « Bénévoles »), a count in each, empty cells where nobody came: one attendance row per non-empty cell"
        ],
    )


def status_point_remark_column(out: Path) -> tuple[str, dict]:
    """The coordinator's January 2026 status point of the 2022 programme, with a « Commentaire » column."""
    name = "point_statuts_programme_2022_janvier_2026.xlsx"
    day = weekday(dt.date(2026, 1, 13))
    titles = {
        "p22-01": "Module de sensibilisation en santé mentale accessible à distance",
        "p22-03": "Promotion des Premiers secours en santé mentale (PSSM) auprès des professionnels du territoire messin",
        "p22-05": "Poursuite de l'organisation des Semaines d'information sur la santé mentale (SISM)",
        "p22-06": "Version grand public du guide santé mentale",
        "p22-07": "Documentaire sur l'expérience de vie avec des troubles psychiques (témoignages d'adhérents des GEM)",
        "p22-09": "Cartographie des acteurs de la culture et des loisirs, puis actions d'information et de "
                  "sensibilisation de leurs professionnels",
        "p22-11": "Bilan des actions réalisées avec les acteurs du logement, en particulier les bailleurs, pour "
                  "envisager les perspectives",
        "p22-13": "Création d'une équipe mobile psychiatrie précarité (EMPP) sur le territoire messin",
        "p22-18": "Action collective d'information des futurs parents (podcasts de témoignages de pères, programme "
                  "PATH)",
        "p22-20": "Communication sur les dispositifs de prévention du mal-être des jeunes (dont Stopblues)",
    }  # fmt: skip
    rows = [
        ("p22-01", "réalisée", "module en ligne depuis décembre"),
        ("p22-03", "mise en œuvre", "4 sessions prévues en 2026"),
        ("p22-05", "mise en œuvre", ""),
        ("p22-06", "reportée", "attente du budget 2026"),
        ("p22-07", "réalisée", "diffusé lors des SISM 2025"),
        ("p22-09", "conception", ""),
        ("p22-11", "idée", "à rediscuter en GT logement"),
        ("p22-13", "réalisée", "EMPP en fonctionnement"),
        ("p22-18", "abandonnée", "pas de financement"),
        ("p22-20", "mise en œuvre", ""),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Statuts"
    header_row(ws, 1, ["Action", "Statut", "Date du point", "Commentaire"], background=fill("E4DFEC"))
    statuses = set()
    for offset, (action, status, remark) in enumerate(rows, start=2):
        for col, value in enumerate([titles[action], status, day, remark or None], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=3).number_format = "DD/MM/YYYY"
        assert action in SEED_ACTIONS and status in STATUSES, (action, status)
        statuses.add((action, day, status))
    widths(ws, {"A": 90, "B": 15, "C": 13, "D": 34})
    wb.save(out / name)
    return name, entry(
        ["action_status"],
        len(rows),
        {"action_status": len(statuses - SEED_ACTION_STATUSES)},
        [
            "a free « Commentaire » column beside the status, empty on some lines; actions by their full titles, statuses in the council's words, one date of the point (13/01/2026) on every line"
        ],
    )


def new_partners_merged_title(out: Path) -> tuple[str, dict]:
    """A city employee's list of partners to add, under a title merged across the table."""
    name = "nouveaux_partenaires_CLSM_2025.xlsx"
    rows = [
        ("Centre communal d'action sociale de Metz", "CCAS", "accompagnement social et médico-social",
         "établissement public", "rue du Grand Cerf", "57000", "Metz", 2025, NEW),
        ("Maison de santé pluriprofessionnelle de Bellecroix", "MSP Bellecroix", "soins et prévention",
         "maison de santé", "rue de Toulouse", "57070", "Metz", 2025, NEW),
        ("Association d'information et d'entraide mosellane", "AIEM", "accompagnement social et médico-social",
         "association", "rue du Cambout", "57000", "Metz", 2025, NEW),
        ("Logiest", None, "logement", "bailleur social", "rue de Sarre", "57000", "Metz", 2025, NEW),
        ("Conservatoire à rayonnement régional Gabriel Pierné", "CRR", "culture et loisirs", "établissement culturel",
         "rue Paul Chevreux", "57000", "Metz", 2025, NEW),
        ("CSAPA les Wads", "CSAPA", "soins et prévention", "association", "rue des Jardins", "57000", "Metz", 2019,
         "csapa-les-wads"),
        ("ARELOR", "ARELOR", "logement", "association", None, "57000", "Metz", 2018, "arelor"),
    ]  # fmt: skip
    header = ["Nom", "Sigle", "Secteur", "Type", "Adresse", "Code postal", "Commune", "Membre depuis"]
    wb = Workbook()
    ws = wb.active
    ws.title = "Partenaires"
    ws["A1"] = "Structures à ajouter à l'annuaire du CLSM (adhésions 2025)"
    ws["A1"].font = Font(bold=True, size=12, color="FFFFFF")
    ws["A1"].fill = fill("2F5597")
    ws["A1"].alignment = CENTER
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    header_row(ws, 2, header, background=fill("D9E1F2"))
    for offset, row in enumerate(rows, start=3):
        for col, value in enumerate(row[:-1], start=1):
            ws.cell(row=offset, column=col, value=value)
    widths(ws, {"A": 50, "B": 15, "C": 38, "D": 22, "E": 22, "F": 12, "G": 10, "H": 14})
    wb.save(out / name)
    keys = [row[-1] for row in rows]
    return name, entry(
        ["structure"],
        len(rows),
        {"structure": count_new(keys, SEED_STRUCTURES)},
        [
            "a title merged across A1:H1 (white on blue) above the header in row 2; two structures are already in the seed (CSAPA les Wads, ARELOR), five are new"
        ],
    )


def sism_dates_in_words(out: Path) -> tuple[str, dict]:
    """A city employee's list of the SISM 2025 events in Metz, the dates written in words."""
    name = "SISM_2025_Metz_manifestations.xlsx"
    d = dt.date
    rows = [
        (d(2025, 10, 6), "Conférence d'ouverture « Réparons le lien social »", "Arsenal", "CLSM / Ville de Metz", 85),
        (d(2025, 10, 7), "Portes ouvertes du GEM L'Albatros", "GEM L'Albatros", "GEM L'Albatros", 32),
        (d(2025, 10, 9), "Ciné-débat « Les Intranquilles »", "Cinéma Caméo Ariel", "UNAFAM Moselle", 64),
        (d(2025, 10, 13), "Stand d'information place Saint-Louis", "Place Saint-Louis", "CLSM", 120),
        (d(2025, 10, 15), "Atelier « Prendre soin de soi » pour les étudiants", "Campus du Saulcy", "SUMPPS", 27),
        (d(2025, 10, 17), "Marche solidaire et pique-nique", "Plan d'eau", "GEM Camille Claudel", 45),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "SISM 2025"
    header_row(ws, 1, ["Date", "Manifestation", "Lieu", "Organisateur", "Participants", "Cadre"],
               background=fill("E4DFEC"))  # fmt: skip
    for offset, (day, title, place, organiser, people) in enumerate(rows, start=2):
        for col, value in enumerate([in_words(day), title, place, organiser, people, "SISM 2025"], start=1):
            ws.cell(row=offset, column=col, value=value)
    widths(ws, {"A": 26, "B": 52, "C": 24, "D": 22, "E": 12, "F": 11})
    wb.save(out / name)
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            "the dates are text written in words with the weekday: « lundi 6 octobre 2025 », « mercredi 15 octobre 2025 »; each line is one SISM 2025 event (« Cadre » = « SISM 2025 »)"
        ],
    )


def sessions_blank_line(out: Path) -> tuple[str, dict]:
    """The coordinator's 2025 awareness sessions and trainings, with an empty line left between spring and autumn."""
    name = "sensibilisations_formations_2025.xlsx"
    d = dt.date
    rows = [
        (d(2025, 1, 23), "Sensibilisation", "Sensibilisation en santé mentale – agents d'accueil de la Ville",
         "Hôtel de Ville", 14),
        (d(2025, 3, 11), "Formation", "Premiers secours en santé mentale (PSSM) – module standard",
         "Centre Pierre Janet", 12),
        (d(2025, 4, 3), "Sensibilisation", "Sensibilisation en santé mentale – bailleurs sociaux", "AMLI", 16),
        (d(2025, 5, 22), "Sensibilisation", "Sensibilisation en santé mentale – animateurs périscolaires",
         "Centre social de Borny", 18),
        None,
        (d(2025, 9, 16), "Formation", "Premiers secours en santé mentale (PSSM) – module jeunes",
         "Maison des adolescents", 11),
        (d(2025, 10, 2), "Sensibilisation", "Sensibilisation en santé mentale – conseillers de France Travail",
         "Mission locale du Pays Messin", 15),
        (d(2025, 11, 13), "Sensibilisation", "Sensibilisation en santé mentale – bénévoles des associations",
         "RESAM", 21),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "2025"
    header_row(ws, 1, ["Date", "Type", "Intitulé", "Lieu", "Participants"], background=fill("DEEAF6"))
    for offset, row in enumerate(rows, start=2):
        if row is None:
            continue
        day, kind, title, place, people = row
        for col, value in enumerate([weekday(day), kind, title, place, people], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
    widths(ws, {"A": 12, "B": 16, "C": 66, "D": 30, "E": 12})
    wb.save(out / name)
    events = [row for row in rows if row is not None]
    return name, entry(
        ["event"],
        len(events),
        {"event": count_new([NEW] * len(events), SEED_EVENTS)},
        [
            "an empty line (row 6) left between the spring sessions and the autumn ones; the table goes on below it (seven sessions in all, 5 « Sensibilisation » and 2 « Formation »)"
        ],
    )


def indicators_years_as_columns(out: Path) -> tuple[str, dict]:
    """The CLS officer's sheet n°15 indicators, one column per year."""
    name = "indicateurs_fiche15_2022-2025.xlsx"
    years = [2022, 2023, 2024, 2025]
    rows = [
        ("f15-proc-1", "Nombre d'actions réalisées par rapport au prévisionnel.", [8, 11, 13, 15]),
        ("f15-proc-2", "Nombre et typologie des réunions organisées dans le cadre du CLSM.", [24, 29, 31, 30]),
        ("f15-proc-3", "Nombre et typologie des acteurs représentés dans les instances du CLSM.", [92, 101, 110, 116]),
        ("f15-res-1", "Nombre de partenaires qui déclarent avoir développé des collaborations dans le cadre du CLSM.",
         [None, 19, None, 23]),
        ("f15-res-2", "Professionnels impliqués dans le CLSM qui déclarent mieux connaître l'offre et les besoins en "
         "matière de santé mentale de la population.", [None, 31, None, 38]),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Fiche 15"
    header_row(ws, 1, ["Indicateur", *[str(year) for year in years]], background=fill("E2EFDA"))
    values = 0
    for offset, (indicator, label, cells) in enumerate(rows, start=2):
        assert indicator in SEED_INDICATORS, indicator
        ws.cell(row=offset, column=1, value=label).alignment = WRAP
        for col, (year, value) in enumerate(zip(years, cells, strict=True), start=2):
            ws.cell(row=offset, column=col, value=value)
            if value is not None and (indicator, str(year)) not in SEED_INDICATOR_VALUES:
                values += 1
    widths(ws, {"A": 80, "B": 8, "C": 8, "D": 8, "E": 8})
    wb.save(out / name)
    return name, entry(
        ["indicator_value"],
        len(rows),
        {"indicator_value": values},
        [
            "one column per year (« 2022 » … « 2025 »), the indicators of sheet n°15 down by their full wording; the result indicators are filled every other year only (empty cells are no values)"
        ],
    )


def indicator_values_with_units(out: Path) -> tuple[str, dict]:
    """The IREPS officer's sheet n°32 results, each value typed with its unit (« 38 participants »)."""
    name = "resultats_fiche32_2023-2025.xlsx"
    labels = {
        "f32-r1": "Nombre de participants qui déclarent mieux connaitre les dispositifs d’accompagnement à la santé "
                  "mentale",
        "f32-r2": "Nombre de participants qui déclarent mieux connaitre le champ d’intervention des professionnels de "
                  "la santé mentale et leurs missions",
    }  # fmt: skip
    rows = [
        ("f32-r1", "2023", "38 participants"),
        ("f32-r2", "2023", "31 participants"),
        ("f32-r1", "2024", "52 participants"),
        ("f32-r2", "2024", "47 participants"),
        ("f32-r1", "2025", "61 participants"),
        ("f32-r2", "2025", "55 participants"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Fiche 32"
    header_row(ws, 1, ["Indicateur", "Année", "Résultat"], background=fill("FFF2CC"))
    values = set()
    for offset, (indicator, year, value) in enumerate(rows, start=2):
        assert indicator in SEED_INDICATORS, indicator
        for col, cell in enumerate([labels[indicator], int(year), value], start=1):
            ws.cell(row=offset, column=col, value=cell)
        if (indicator, year) not in SEED_INDICATOR_VALUES:
            values.add((indicator, year))
    widths(ws, {"A": 95, "B": 8, "C": 18})
    wb.save(out / name)
    return name, entry(
        ["indicator_value"],
        len(rows),
        {"indicator_value": len(values)},
        [
            "each result typed as text with its unit: « 38 participants » (the value is 38); the two result indicators of sheet n°32 by their wording without the final « et typologie … »"
        ],
    )


def directory_upper_case_headers(out: Path) -> tuple[str, dict]:
    """The coordinator's update of the resource directory, headers typed in capitals without accents."""
    name = "annuaire_ressources_maj_2026.xlsx"
    rows = [
        ("Stopblues", "Inserm", "jeunes et leur entourage", "en ligne", "24h/24", MASK, "https://www.stopblues.fr",
         "stopblues"),
        ("Chèques psy pour les étudiants", "Service universitaire de médecine et de promotion de la santé",
         "étudiants", "Metz", "sur RDV", MASK, None, "cheques-psy-etudiants"),
        ("Groupe de parole des familles", "UNAFAM Moselle", "familles et proches", "Metz",
         "un jeudi par mois, 18h-20h", MASK, None, NEW),
        ("Consultation jeunes consommateurs", "CSAPA les Wads", "12-25 ans et entourage", "Metz",
         "mardi et mercredi 14h-19h", MASK, None, NEW),
        ("Accueil de jour", "Carrefour des solidarités", "personnes sans domicile", "Metz",
         "du lundi au vendredi 8h30-12h", MASK, None, NEW),
        ("Permanence de l'équipe mobile psychiatrie précarité", "CH Jury – EMPP", "personnes en situation de précarité",
         "Metz", "mardi 9h-12h", MASK, None, NEW),
        ("Point écoute étudiants", "Service universitaire de médecine et de promotion de la santé", "étudiants",
         "Metz", "lundi au vendredi 9h-17h", MASK, None, NEW),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Annuaire"
    header_row(ws, 1, ["RESSOURCE", "STRUCTURE", "PUBLIC", "COMMUNE", "HORAIRES", "CONTACT", "SITE INTERNET"],
               background=fill("FCE4D6"))  # fmt: skip
    for offset, row in enumerate(rows, start=2):
        for col, value in enumerate(row[:-1], start=1):
            ws.cell(row=offset, column=col, value=value)
    widths(ws, {"A": 48, "B": 50, "C": 34, "D": 10, "E": 28, "F": 12, "G": 26})
    wb.save(out / name)
    keys = [row[-1] for row in rows]
    return name, entry(
        ["resource"],
        len(rows),
        {"resource": count_new(keys, SEED_RESOURCES)},
        [
            "headers typed in capitals without accents (« RESSOURCE », « STRUCTURE », « PUBLIC », « HORAIRES », « SITE INTERNET »); two entries already in the seed's directory (Stopblues, Chèques psy pour les étudiants), five new ones of structures of the seed; contacts masked"
        ],
    )


def who_does_what_merged_actions(out: Path) -> tuple[str, dict]:
    """The coordinator's who-does-what: each action merged vertically over its partner lines."""
    name = "qui_fait_quoi_actions_2025.xlsx"
    actions = [
        ("p22-08", "Projet d'accès au théâtre porté par l'Espace Bernard Marie Koltès", [
            ("Espace Bernard Marie Koltès", "espace-bernard-marie-koltes", "porteur"),
            ("GEM L'Albatros", "gem-albatros", "partenaire"),
            ("GEM Camille Claudel", "gem-camille-claudel", "partenaire"),
            ("Drac Grand Est", "drac-grand-est", "financeur"),
        ]),
        ("p22-13", "Création d'une équipe mobile psychiatrie précarité (EMPP) sur le territoire messin", [
            ("Centre hospitalier de Jury", "ch-jury", "porteur"),
            ("ARS Grand Est", "ars-grand-est", "financeur"),
            ("Carrefour des solidarités", "carrefour-solidarites", "partenaire"),
            ("Médecins du Monde", "medecins-du-monde-metz", "partenaire"),
        ]),
        ("p22-16", "Actions d'information, de sensibilisation et de concertation pluriprofessionnelle « Cités "
                   "éducatives » au QPV Metz-Borny", [
            ("Ville de Metz", "ville-metz", "partenaire"),
            ("Éducation nationale", "education-nationale", "partenaire"),
            ("École des parents et des éducateurs de Moselle", "epe-moselle", "partenaire"),
        ]),
        ("fiche-32", "Sensibilisation des professionnels à la santé mentale", [
            ("Centre hospitalier de Jury", "ch-jury", "porteur"),
            ("IREPS Lorraine", "ireps-lorraine", "partenaire principal"),
            ("CNFPT", "cnfpt", "partenaire"),
        ]),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Qui fait quoi"
    header_row(ws, 1, ["Action", "Structure", "Rôle"], background=fill("DDEBF7"))
    row = 2
    found = set()
    lines = 0
    for action, title, partners in actions:
        assert action in SEED_ACTIONS, action
        top = row
        ws.cell(row=row, column=1, value=title).alignment = Alignment(vertical="center", wrap_text=True)
        for structure, sid, role in partners:
            ws.cell(row=row, column=2, value=structure)
            ws.cell(row=row, column=3, value=role)
            assert sid in SEED_STRUCTURES, sid
            found.add((action, sid, role))
            row += 1
            lines += 1
        ws.merge_cells(start_row=top, start_column=1, end_row=row - 1, end_column=1)
    widths(ws, {"A": 60, "B": 44, "C": 20})
    wb.save(out / name)
    return name, entry(
        ["action_partner"],
        lines,
        {"action_partner": len(found - SEED_ACTION_PARTNERS)},
        [
            "the action's title is ONE cell merged vertically over its partner lines (A2:A5, A6:A9, …): every line below the first has the same action; four of the 14 links are already in the seed (Ville de Metz and Éducation nationale on « Cités éducatives », CH Jury porteur and IREPS partenaire principal of sheet 32)"
        ],
    )


def statuses_month_in_words(out: Path) -> tuple[str, dict]:
    """The coordinator's history of statuses for a few actions, each dated only by a month written in words."""
    name = "historique_statuts_actions_2023-2025.xlsx"
    rows = [
        ("p22-01", "Module de sensibilisation à distance", 2023, 9, "conception"),
        ("p22-01", "Module de sensibilisation à distance", 2024, 3, "mise en œuvre"),
        ("p22-01", "Module de sensibilisation à distance", 2025, 12, "réalisée"),
        ("p22-07", "Documentaire GEM", 2023, 1, "mise en œuvre"),
        ("p22-07", "Documentaire GEM", 2024, 11, "réalisée"),
        ("p22-09", "Cartographie culture / loisirs", 2024, 6, "conception"),
        ("p22-11", "Bilan logement / bailleurs", 2024, 2, "idée"),
        ("p22-11", "Bilan logement / bailleurs", 2025, 11, "reportée"),
        ("p22-17", "Réseau psypérinatalité", 2023, 10, "conception"),
        ("p22-17", "Réseau psypérinatalité", 2025, 5, "mise en œuvre"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Historique"
    header_row(ws, 1, ["Action", "Mois", "Statut"], background=fill("E2EFDA"))
    statuses = set()
    for offset, (action, title, year, month, status) in enumerate(rows, start=2):
        for col, value in enumerate([title, f"{MONTHS[month - 1]} {year}", status], start=1):
            ws.cell(row=offset, column=col, value=value)
        assert action in SEED_ACTIONS and status in STATUSES, (action, status)
        statuses.add((action, dt.date(year, month, 1), status))
    widths(ws, {"A": 40, "B": 16, "C": 16})
    wb.save(out / name)
    return name, entry(
        ["action_status"],
        len(rows),
        {"action_status": len(statuses - SEED_ACTION_STATUSES)},
        [
            "each status dated only by a month written in words as text (« septembre 2023 », « mars 2024 »): a date precise to the month; actions by short everyday titles of the 2022 programme (« Documentaire GEM » = p22-07, « Réseau psypérinatalité » = p22-17)"
        ],
    )


def group_meetings_two_digit_years_csv(out: Path) -> tuple[str, dict]:
    """An intern's list of the project groups' 2025 meetings, saved as CSV with two-digit years."""
    name = "reunions_groupes_projets_2025.csv"
    d = dt.date
    rows = [
        ("Groupe projets logement", "groupe-logement", d(2025, 1, 16), "9h30", "AMLI", "présentiel"),
        ("Groupe projets précarité", "groupe-precarite", d(2025, 2, 11), "14h00", "Carrefour des solidarités",
         "présentiel"),
        ("Groupe projets culture/loisirs", "groupe-culture-loisirs", d(2025, 3, 6), "14h00",
         "Espace Bernard Marie Koltès", "présentiel"),
        ("Groupe projets emploi/formation", "groupe-emploi-formation", d(2025, 4, 8), "9h30", "CRP Metz", "hybride"),
        ("Groupe projets enfance/parentalité", "groupe-enfance-parentalite", d(2025, 5, 15), "14h00", "CMP Winnicott",
         "présentiel"),
        ("Groupe projets participation/citoyenneté", "groupe-participation-citoyennete", d(2025, 9, 11), "14h00",
         "GEM Camille Claudel", "présentiel"),
        ("Groupe projets situations de crise", "groupe-situations-crise", d(2025, 10, 7), "14h00", "CH Jury", "visio"),
        ("Groupe projets précarité", "groupe-precarite", d(2025, 11, 25), "14h00", "Médecins du Monde", "présentiel"),
    ]  # fmt: skip
    lines = [["Groupe", "Date", "Heure", "Lieu", "Modalité"]]
    keys = []
    for label, instance, day, hour, place, mode in rows:
        lines.append([label, weekday(day).strftime("%d/%m/%y"), hour, place, mode])
        keys.append((instance, day))
    write_csv(out / name, lines)
    return name, entry(
        ["meeting"],
        len(rows),
        {"meeting": new_meeting_rows(keys, [])["meeting"]},
        [
            "dates with two-digit years « 16/01/25 » (day/month/year, all in 2025); otherwise a plain « ; » CSV UTF-8 with BOM, groups written « Groupe projets … » as in the council's documents"
        ],
    )


# --------------------------------------------------------------------------------------------
# Harder files
# --------------------------------------------------------------------------------------------


def outlook_contacts_export(out: Path) -> tuple[str, dict]:
    """The coordination mailbox's contacts exported by Outlook to CSV, to list the partner structures."""
    name = "contacts_CLSM_export_Outlook.csv"
    header = [
        "Titre", "Prénom", "Deuxième prénom", "Nom", "Suffixe", "Société", "Service", "Fonction",
        "Rue (bureau)", "Rue (bureau) 2", "Ville (bureau)", "Dép/Région (bureau)", "Code postal (bureau)",
        "Pays/Région (bureau)", "Téléphone (bureau)", "Téléphone mobile", "Adresse de messagerie",
        "Nom complet de l'adresse de messagerie", "Catégories", "Notes", "Page Web",
    ]  # fmt: skip
    # (company, service, job, street, town, postcode, categories, notes, web page, key)
    contacts = [
        ("Centre hospitalier de Jury", "Direction", "Directeur adjoint", "1 rue Maurice Barrès", "Jury", "57245",
         "CLSM;COPIL", "", "", "ch-jury"),
        ("Centre hospitalier de Jury", "Secrétariat de direction", "Assistante", "1 rue Maurice Barrès", "Jury",
         "57245", "CLSM", "", "", "ch-jury"),
        ("Logiest", "Gestion locative", "Responsable de secteur", "rue de Sarre", "Metz", "57000",
         "CLSM;Logement", "Rencontré au GT logement du 16/01/2025", "", NEW),
        ("Logiest", "Accompagnement social", "Conseillère sociale", "rue de Sarre", "Metz", "57000",
         "CLSM;Logement", "", "", NEW),
        ("Batigère", "Agence de Metz", "Chargé de clientèle", "rue de Toul", "Metz", "57000", "CLSM;Logement", "",
         "", NEW),
        ("CCAS de Metz", "Action sociale", "Responsable", "rue du Grand Cerf", "Metz", "57000", "CLSM;Précarité",
         "Adhésion charte 2025", "", NEW),
        ("CCAS de Metz", "Accueil", "Agent d'accueil", "rue du Grand Cerf", "Metz", "57000", "CLSM;Précarité", "",
         "", NEW),
        ("AIEM", "Pôle hébergement", "Cheffe de service", "rue du Cambout", "Metz", "57000", "CLSM;Précarité", "",
         "", NEW),
        ("AMLI", "", "Directrice", "rue du Pont Rouge", "Metz", "57000", "CLSM;Logement", "", "", "amli"),
        ("UNAFAM Moselle", "Délégation 57", "Déléguée départementale", "", "Metz", "57000", "CLSM;Familles", "",
         "https://www.unafam.org/moselle", "unafam-moselle"),
        ("", "", "", "", "", "", "Personnel", "[masqué]", "", None),
    ]  # fmt: skip
    lines = [header]
    for company, service, job, street, town, postcode, categories, notes, web, _ in contacts:
        lines.append([
            "", MASK, "", MASK, "", company, service, job, street, "", town, "", postcode,
            "France" if company else "", MASK, MASK if company else "", MASK, MASK, categories, notes, web,
        ])  # fmt: skip
    write_csv(out / name, lines, delimiter=",", encoding="cp1252", quoting=csv.QUOTE_ALL)
    keys = {key for *_, key in contacts if key is not None and key != NEW}
    new = {company for company, *_, key in contacts if key == NEW}
    assert keys <= SEED_STRUCTURES, keys
    return name, entry(
        ["structure"],
        len(contacts),
        {"structure": len(new)},
        [
            "[harder] Outlook « Exporter > Fichier CSV » of the coordination's contacts (French Outlook, Windows-1252, « , » separator, every field quoted, CRLF): 21 columns, mostly empty, in Outlook's order (« Titre », « Prénom », « Nom », « Société », « Service », « Fonction », « Rue (bureau) », « Code postal (bureau) » …); names, phones and e-mails are « [masqué] »",
            "one line per contact PERSON, not per structure: the structure is the « Société » column; the CH Jury, Logiest and the CCAS de Metz have two contacts each (the same structure twice, with two « Service » values that are not structures of their own)",
            "the last line is a personal contact with no « Société » (Catégories « Personnel »): not a structure; 11 lines give 7 distinct structures, 3 already in the seed (CH Jury, AMLI, UNAFAM Moselle) and 4 new (Logiest, Batigère, CCAS de Metz, AIEM)",
        ],
    )


def categories_inside_counts(out: Path) -> tuple[str, dict]:
    """The plenary's attendance noted by the coordinator, the categories written inside the count cell."""
    name = "AP_CLSM_26-06-2025_presents.xlsx"
    day = weekday(dt.date(2025, 6, 26))
    # structure typed, count cell typed, remark, sid, {role: count}
    rows = [
        ("Ville de Metz", "2 élus + 2 pros", "", "ville-metz", {ELU: 2, PRO: 2}),
        ("Eurométropole de Metz", "1 élue", "", "eurometropole-metz", {ELU: 1}),
        ("CH Jury", "5 pros", "dont la direction", "ch-jury", {PRO: 5}),
        ("ARS Grand Est", "1", "", "ars-grand-est", {PRO: 1}),
        ("Département de la Moselle", "1 pro", "", "departement-moselle", {PRO: 1}),
        ("UNAFAM Moselle", "3 familles", "", "unafam-moselle", {AID: 3}),
        ("GEM L'Albatros", "4 adhérents + 1 animatrice", "", "gem-albatros", {USA: 4, PRO: 1}),
        ("GEM Camille Claudel", "3 adhérents, 1 animateur", "", "gem-camille-claudel", {USA: 3, PRO: 1}),
        ("Carrefour des solidarités", "1 pro et 2 bénévoles", "", "carrefour-solidarites", {PRO: 1, BEN: 2}),
        ("Médecins du Monde", "2 bénévoles", "", "medecins-du-monde-metz", {BEN: 2}),
        ("Mission locale du Pays Messin", "2", "", "mission-locale-pays-messin", {PRO: 2}),
        ("Maison des adolescents", "1 pro", "", "mda-moselle", {PRO: 1}),
        ("AMLI", "1 pro", "", "amli", {PRO: 1}),
        ("Éducation nationale", "0", "excusée", "education-nationale", {}),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Présents"
    ws["A1"] = "Assemblée plénière du CLSM – jeudi 26 juin 2025 – Arsenal"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Structure", "Présents", "Remarque"], background=fill("FFF2CC"))
    attendance = []
    for offset, (structure, typed, remark, sid, counts) in enumerate(rows, start=4):
        ws.cell(row=offset, column=1, value=structure)
        ws.cell(row=offset, column=2, value=int(typed) if typed.isdigit() else typed)
        ws.cell(row=offset, column=3, value=remark or None)
        for role, count in counts.items():
            attendance.append(("pleniere", day, sid, role, count))
    widths(ws, {"A": 34, "B": 28, "C": 20})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows([("pleniere", day)], attendance),
        [
            "[harder] the role categories are written INSIDE the count cell, in the coordinator's words: « 2 élus + 2 pros », « 4 adhérents + 1 animatrice », « 3 adhérents, 1 animateur », « 1 pro et 2 bénévoles », « 3 familles »: one attendance row per category named (adhérents of a GEM = usager, animatrice/animateur = professionnel, familles = aidant)",
            "three cells hold a bare number (« 1 » for the ARS, « 2 » for the Mission locale, « 0 » for the Éducation nationale, excusée): a bare number of an institution's staff counts as professionnels; 0 makes no row",
            "the meeting (assemblée plénière, jeudi 26 juin 2025, Arsenal) is only in the title line",
        ],
    )


FILES = [
    calendar_title_line,
    copil_total_row,
    youth_group_short_names_csv,
    partners_meeting_one_column_per_role,
    status_point_remark_column,
    new_partners_merged_title,
    sism_dates_in_words,
    sessions_blank_line,
    indicators_years_as_columns,
    indicator_values_with_units,
    directory_upper_case_headers,
    who_does_what_merged_actions,
    statuses_month_in_words,
    group_meetings_two_digit_years_csv,
    outlook_contacts_export,
    categories_inside_counts,
]


def main(argv: list[str] | None = None) -> int:
    """Write the sixteen files and manifest.json into OUTDIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_heldout17.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for make in FILES:
        name, info = make(out)
        assert name not in manifest, name
        manifest[name] = info
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(manifest)} files written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
