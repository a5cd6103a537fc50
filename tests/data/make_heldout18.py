"""Held-out set n°18: sixteen everyday files of a coordinator's ordinary month in the CLSM.

Plain to moderately messy files, each with one or two everyday habits that set n°17 does not cover: the
project groups' autumn 2025 planning saved by LibreOffice Calc (the table starting at B2, panes frozen under
the header, the « Date » cells holding the time of the meeting), the precarity group's 2025 attendance under
abbreviated headers and categories (« Struct. », « Cat. », « Nb part. », « Us. », « Bén. »), the 2024
awareness sessions with dates typed with dots (« 16.01.2024 »), the early-childhood group's meetings dated
« le 12/03 » with the year only in the sheet name (one sheet per year), a hybrid COPIL whose counts say who
came by video (« 2 (dont 1 en visio) »), the SISM 2024 programme closed by a « Total général » line and a
« Moyenne » line, a plenary's attendance under a header spread over two rows (« Participants » merged over
« Pros | Usagers | Familles | Élus | Bénévoles »), a COPIL's list of guests with a « Présent ? » column
answered « oui » / « non », a status point with statuses in capitals (« EN COURS », « RÉALISÉ ») beside an
« Avancement » in %, the partners of five actions listed inside one cell (line breaks, « ; »), the trainings
of 2023-2025 in a Windows-1252 « ; » CSV with their « Durée » in hours (« 3h30 »), the partners' directory
with the address and the town in one cell on two lines and a « NB : » block at the bottom, the
participation group's first quarter with one sheet per month (the next month's sheet left empty), the
youth resource directory with a hidden column, the SISM editions 2022-2025 written « SISM 2023 » in one
column, and the sheet n°15 indicators with « Cible » and « Réalisé » side by side.

No person's name, personal e-mail or individual phone number appears anywhere: names and phones are
« [masqué] », attendance is counted per structure and role category only. Every meeting, attendance
count, event, status, partner link, indicator value dated 2022-2026, every new structure (Secours
populaire, PAEJ de Metz, CIDFF 57, SOS Amitié, Petits Frères des Pauvres…), new resource entry and address
is test content, not a fact of the council's documents.

The expected counts are computed from the rows written, against the keys of a freshly built seed
database (the SEED_* sets below, copied from make_heldout17.py), so that the manifest and the files
cannot drift apart.

Usage: python make_heldout18.py OUTDIR  (writes the sixteen files and OUTDIR/manifest.json)
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


def write_csv(
    path: Path, rows: list[list], delimiter: str = ";", encoding: str = "utf-8-sig", quoting: int = csv.QUOTE_MINIMAL
) -> None:
    """Write a CSV the way Excel for Windows saves it (CRLF line ends)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n", quoting=quoting)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


def rewrite_app_properties(path: Path, application: str) -> None:
    """Put the name of the application that saved the file into docProps/app.xml (LibreOffice writes its own)."""
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        parts = {info.filename: archive.read(info.filename) for info in infos}
    parts["docProps/app.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Template></Template><TotalTime>12</TotalTime><Application>{application}</Application>"
        "<AppVersion>15.0000</AppVersion></Properties>"
    ).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in infos:
            archive.writestr(info, parts[info.filename])


# --------------------------------------------------------------------------------------------
# Meetings and attendance
# --------------------------------------------------------------------------------------------


def planning_libreoffice_datetimes(out: Path) -> tuple[str, dict]:
    """The coordinator's planning of the project groups for autumn 2025, kept in LibreOffice Calc."""
    name = "planning_groupes_projets_automne_2025.xlsx"
    t = dt.datetime
    rows = [
        ("Logement", "groupe-logement", t(2025, 9, 18, 9, 30), "AMLI", "présentiel",
         "Bilan des rencontres avec les bailleurs"),
        ("Jeunes", "groupe-jeunes", t(2025, 9, 23, 14, 0), "Maison des adolescents", "présentiel",
         "Préparation des SISM 2025"),
        ("Enfance / parentalité", "groupe-enfance-parentalite", t(2025, 10, 2, 14, 0), "CMP Winnicott", "hybride",
         "Réseau psypérinatalité : point d'étape"),
        ("Situations de crise", "groupe-situations-crise", t(2025, 11, 6, 10, 0), "CH Jury", "visio",
         "Retour d'expérience de l'EMPP"),
        ("Culture / loisirs", "groupe-culture-loisirs", t(2025, 11, 13, 14, 0), "Espace Bernard Marie Koltès",
         "présentiel", "Projet d'accès au théâtre : saison 2025-2026"),
        ("Emploi / formation", "groupe-emploi-formation", t(2025, 12, 4, 9, 30), "CRP Metz", "présentiel",
         "Cartographie des acteurs de l'emploi"),
        ("Précarité", "groupe-precarite", t(2025, 12, 9, 14, 0), "Carrefour des solidarités", "présentiel",
         "Bilan de l'année et calendrier 2026"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Feuille1"
    header_row(ws, 2, ["Groupe projets", "Date", "Lieu", "Modalité", "Ordre du jour"], start=2,
               background=fill("B4C7DC"))  # fmt: skip
    keys = []
    for offset, (group, instance, when, place, mode, agenda) in enumerate(rows, start=3):
        weekday(when.date())
        for col, value in enumerate([group, when, place, mode, agenda], start=2):
            ws.cell(row=offset, column=col, value=value).border = BOX
        ws.cell(row=offset, column=3).number_format = "DD/MM/YYYY HH:MM"
        keys.append((instance, when.date()))
    ws.freeze_panes = "A3"
    widths(ws, {"A": 3, "B": 24, "C": 18, "D": 30, "E": 12, "F": 46})
    wb.save(out / name)
    rewrite_app_properties(
        out / name, "LibreOffice/7.6.4.1$Windows_X86_64 LibreOffice_project/e19e193f88cd6c0525a17fb7a176ed8e6a3e2aa1"
    )
    return name, entry(
        ["meeting"],
        len(rows),
        {"meeting": new_meeting_rows(keys, [])["meeting"]},
        [
            "saved by LibreOffice Calc as .xlsx (sheet « Feuille1 »): row 1 and column A are left empty, the table starts at B2 (header in row 2) and the panes are frozen under the header",
            "the « Date » cells are datetimes holding the time of the meeting (« 18/09/2025 09:30 », format JJ/MM/AAAA hh:mm): the meeting's date is the day part, there is no separate « Heure » column; the groups are written by their theme under « Groupe projets » (« Logement », « Enfance / parentalité » …)",
        ],
    )


def precarity_abbreviated_headers(out: Path) -> tuple[str, dict]:
    """The precarity group's 2025 attendance, typed by a volunteer of the Carrefour with abbreviated headers."""
    name = "presences_groupe_precarite_2025.xlsx"
    instance = "groupe-precarite"
    d = dt.date
    categories = {PRO: "Pro", USA: "Us.", AID: "Aid.", ELU: "Élu", BEN: "Bén."}
    rows = [
        (d(2025, 2, 11), "Carrefour des solidarités", PRO, 2, "carrefour-solidarites"),
        (d(2025, 2, 11), "Carrefour des solidarités", BEN, 1, "carrefour-solidarites"),
        (d(2025, 2, 11), "Médecins du Monde", PRO, 1, "medecins-du-monde-metz"),
        (d(2025, 2, 11), "Médecins du Monde", BEN, 2, "medecins-du-monde-metz"),
        (d(2025, 2, 11), "EMPP", PRO, 2, "ch-jury-empp"),
        (d(2025, 2, 11), "CMSEA", PRO, 1, "cmsea"),
        (d(2025, 2, 11), "Adoma", PRO, 1, "adoma"),
        (d(2025, 2, 11), "GEM L'Albatros", USA, 2, "gem-albatros"),
        (d(2025, 2, 11), "UNAFAM", AID, 1, "unafam-moselle"),
        (d(2025, 2, 11), "RESAM", BEN, 1, "resam"),
        (d(2025, 6, 17), "Carrefour des solidarités", PRO, 1, "carrefour-solidarites"),
        (d(2025, 6, 17), "EMPP", PRO, 1, "ch-jury-empp"),
        (d(2025, 6, 17), "Médecins du Monde", BEN, 1, "medecins-du-monde-metz"),
        (d(2025, 6, 17), "AMLI", PRO, 1, "amli"),
        (d(2025, 6, 17), "Ville de Metz", ELU, 1, "ville-metz"),
        (d(2025, 6, 17), "GEM Camille Claudel", USA, 3, "gem-camille-claudel"),
        (d(2025, 6, 17), "UNAFAM", AID, 2, "unafam-moselle"),
        (d(2025, 6, 17), "Mission locale du Pays Messin", PRO, 1, "mission-locale-pays-messin"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences"
    header_row(ws, 1, ["Date", "Gr.", "Struct.", "Cat.", "Nb part."], background=fill("F8CBAD"))
    meetings, attendance = set(), []
    for offset, (day, structure, role, count, sid) in enumerate(rows, start=2):
        for col, value in enumerate([weekday(day), "Précarité", structure, categories[role], count], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
        meetings.add((instance, day))
        attendance.append((instance, day, sid, role, count))
    widths(ws, {"A": 11, "B": 9, "C": 28, "D": 6, "E": 8})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows(meetings, attendance),
        [
            "abbreviated headers: « Gr. » (groupe projets, here « Précarité »), « Struct. » (structure), « Cat. » (role category), « Nb part. » (number of participants); the categories are abbreviated too: « Pro » = professionnel, « Us. » = usager, « Aid. » = aidant, « Bén. » = bénévole, « Élu »",
            "two meetings of the groupe projets précarité (11/02/2025 and 17/06/2025, real date cells); « EMPP » is the équipe mobile psychiatrie précarité of the CH Jury, « UNAFAM » is UNAFAM Moselle",
        ],
    )


def early_childhood_year_in_sheet_name(out: Path) -> tuple[str, dict]:
    """The early-childhood group's meetings, one sheet per year, each date typed « le 12/03 » without the year."""
    name = "groupe_enfance_parentalite_reunions.xlsx"
    instance = "groupe-enfance-parentalite"
    d = dt.date
    sheets = {
        "2023": [
            (d(2023, 3, 14), "14h-16h", "CMP Winnicott", "Présentation du projet de réseau psypérinatalité"),
            (d(2023, 6, 13), "14h-16h", "Pôle petite enfance, Ville de Metz", "Repérage précoce en crèche"),
            (d(2023, 11, 21), "9h30-11h30", "EPE Moselle", "Soutien à la parentalité : les lieux d'accueil"),
        ],
        "2024": [
            (d(2024, 3, 12), "14h-16h", "CMP Winnicott", "Réseau psypérinatalité : premières rencontres"),
            (d(2024, 6, 4), "14h-16h", "Multi-accueil Les Marmousets", "Retour sur la journée petite enfance"),
            (d(2024, 10, 1), "14h-16h", "CMPP des PEP57", "Cités éducatives à Borny : point d'étape"),
            (d(2024, 12, 10), "9h30-11h30", "visio", "Bilan 2024 et programme 2025"),
        ],
    }
    wb = Workbook()
    wb.remove(wb.active)
    keys = []
    for title, meetings in sheets.items():
        ws = wb.create_sheet(title)
        header_row(ws, 1, ["Réunion", "Horaire", "Lieu", "Thème abordé"], background=fill("FFE699"))
        for offset, (day, hours, place, topic) in enumerate(meetings, start=2):
            assert str(day.year) == title, (day, title)
            typed = f"le {weekday(day).day:02d}/{day.month:02d}"
            for col, value in enumerate([typed, hours, place, topic], start=1):
                ws.cell(row=offset, column=col, value=value)
            keys.append((instance, day))
        widths(ws, {"A": 11, "B": 11, "C": 34, "D": 50})
    wb.active = len(wb.sheetnames) - 1
    wb.save(out / name)
    return name, entry(
        ["meeting"],
        len(keys),
        {"meeting": new_meeting_rows(keys, [])["meeting"]},
        [
            "the dates are text without the year, « le 12/03 » (day/month); the year is only the sheet's name: one sheet per year (« 2023 » with 3 meetings, « 2024 » with 4, the workbook opens on « 2024 »)",
            "the instance is only in the file name (groupe projets enfance/parentalité); one meeting took place « visio » (written in the « Lieu » column)",
        ],
    )


def copil_counts_with_remote(out: Path) -> tuple[str, dict]:
    """The coordinator's attendance of the hybrid November 2025 COPIL, noting who came by video inside the count."""
    name = "COPIL_18-11-2025_presences.xlsx"
    day = weekday(dt.date(2025, 11, 18))
    # structure, category typed, count typed, sid, role, count
    rows = [
        ("Ville de Metz", "Élu", "2 (dont 1 en visio)", "ville-metz", ELU, 2),
        ("Ville de Metz", "Professionnel", "1", "ville-metz", PRO, 1),
        ("Eurométropole de Metz", "Élu", "1 (en visio)", "eurometropole-metz", ELU, 1),
        ("Centre hospitalier de Jury", "Professionnel", "4 (dont 1 stagiaire)", "ch-jury", PRO, 4),
        ("ARS Grand Est", "Professionnel", "1 (en visio)", "ars-grand-est", PRO, 1),
        ("Préfecture de la Moselle", "Professionnel", "1", "prefecture-moselle", PRO, 1),
        ("Département de la Moselle", "Professionnel", "2 (dont 1 en visio)", "departement-moselle", PRO, 2),
        ("Éducation nationale", "Professionnel", "0 (excusée)", "education-nationale", PRO, 0),
        ("Maison des adolescents de Moselle", "Professionnel", "1", "mda-moselle", PRO, 1),
        ("UNAFAM Moselle", "Aidant", "2", "unafam-moselle", AID, 2),
        ("GEM L'Albatros", "Usager", "1", "gem-albatros", USA, 1),
        ("GEM Camille Claudel", "Usager", "2 (dont 1 en visio)", "gem-camille-claudel", USA, 2),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "COPIL"
    header_row(ws, 1, ["Réunion", "Date", "Structure", "Catégorie", "Présents"], background=fill("DDEBF7"))
    attendance = []
    for offset, (structure, category, typed, sid, role, count) in enumerate(rows, start=2):
        assert int(typed.split()[0]) == count, typed
        cell = int(typed) if typed.isdigit() else typed
        for col, value in enumerate(["COPIL", day, structure, category, cell], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=2).number_format = "DD/MM/YYYY"
        attendance.append(("copil", day, sid, role, count))
    widths(ws, {"A": 9, "B": 12, "C": 36, "D": 15, "E": 22})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows([("copil", day)], attendance),
        [
            "the « Présents » cells mix numbers and text with a remark in brackets: « 2 (dont 1 en visio) » = 2 present, one of them by video; « 1 (en visio) » = 1; « 4 (dont 1 stagiaire) » = 4; « 0 (excusée) » = nobody, no row",
            "a hybrid COPIL of Tuesday 18/11/2025; the video participants count as present in their category",
        ],
    )


def plenary_two_row_header(out: Path) -> tuple[str, dict]:
    """The plenary assembly's attendance of June 2024, under a header spread over two rows."""
    name = "presences_assemblee_pleniere_27-06-2024.xlsx"
    day = weekday(dt.date(2024, 6, 27))
    roles = [PRO, USA, AID, ELU, BEN]
    rows = [
        ("Ville de Metz", "ville-metz", [2, 0, 0, 3, 0]),
        ("Eurométropole de Metz", "eurometropole-metz", [1, 0, 0, 1, 0]),
        ("Centre hospitalier de Jury", "ch-jury", [6, 0, 0, 0, 0]),
        ("ARS Grand Est", "ars-grand-est", [1, 0, 0, 0, 0]),
        ("Département de la Moselle", "departement-moselle", [2, 0, 0, 0, 0]),
        ("UNAFAM Moselle", "unafam-moselle", [0, 0, 4, 0, 0]),
        ("GEM L'Albatros", "gem-albatros", [1, 5, 0, 0, 0]),
        ("GEM Camille Claudel", "gem-camille-claudel", [1, 4, 0, 0, 0]),
        ("Carrefour des solidarités", "carrefour-solidarites", [2, 0, 0, 0, 1]),
        ("RESAM", "resam", [0, 0, 0, 0, 2]),
        ("Mission locale du Pays Messin", "mission-locale-pays-messin", [1, 0, 0, 0, 0]),
        ("CMSEA", "cmsea", [2, 0, 0, 0, 0]),
        ("Maison des adolescents de Moselle", "mda-moselle", [1, 0, 0, 0, 0]),
        ("CSAPA les Wads", "csapa-les-wads", [1, 0, 0, 0, 0]),
        ("Médecins du Monde", "medecins-du-monde-metz", [1, 0, 0, 0, 2]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Plénière 27-06-2024"
    band = fill("D9E1F2")
    ws["A1"] = "Structure"
    ws.merge_cells("A1:A2")
    ws["B1"] = "Participants"
    ws.merge_cells("B1:F1")
    for coordinate in ("A1", "B1"):
        ws[coordinate].font = BOLD
        ws[coordinate].alignment = CENTER
        ws[coordinate].fill = band
    header_row(ws, 2, ["Pros", "Usagers", "Familles", "Élus", "Bénévoles"], start=2, background=band)
    attendance = []
    for offset, (structure, sid, counts) in enumerate(rows, start=3):
        ws.cell(row=offset, column=1, value=structure)
        for col, (role, count) in enumerate(zip(roles, counts, strict=True), start=2):
            ws.cell(row=offset, column=col, value=count or None).alignment = Alignment(horizontal="center")
            attendance.append(("pleniere", day, sid, role, count))
    widths(ws, {"A": 36, "B": 9, "C": 9, "D": 9, "E": 9, "F": 11})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows([("pleniere", day)], attendance),
        [
            "a header spread over two rows: « Structure » merged over A1:A2, « Participants » merged over B1:F1 and, under it in row 2, « Pros » (professionnel), « Usagers », « Familles » (aidant), « Élus », « Bénévoles »; the data start in row 3, one attendance row per non-empty cell",
            "the meeting (assemblée plénière of Thursday 27/06/2024) is only in the file name and the sheet name « Plénière 27-06-2024 »",
        ],
    )


def copil_guests_yes_no(out: Path) -> tuple[str, dict]:
    """The CH Jury direction's list of the guests of the March 2025 COPIL, with « Présent ? » oui / non."""
    name = "COPIL_11-03-2025_liste_invites.xlsx"
    day = weekday(dt.date(2025, 3, 11))
    # structure, job, category typed, present, sid, role
    rows = [
        ("Ville de Metz", "Adjointe au maire déléguée à la santé", "Élu", "oui", "ville-metz", ELU),
        ("Ville de Metz", "Conseiller municipal délégué au handicap", "Élu", "non", "ville-metz", ELU),
        ("Ville de Metz", "Cheffe du service santé publique", "Professionnel", "oui", "ville-metz", PRO),
        ("Eurométropole de Metz", "Vice-président", "Élu", "oui", "eurometropole-metz", ELU),
        ("Centre hospitalier de Jury", "Directeur", "Professionnel", "oui", "ch-jury", PRO),
        ("Centre hospitalier de Jury", "Médecin cheffe de pôle", "Professionnel", "oui", "ch-jury", PRO),
        ("Centre hospitalier de Jury", "Coordinatrice du CLSM", "Professionnel", "oui", "ch-jury", PRO),
        ("ARS Grand Est", "Chargée de mission santé mentale", "Professionnel", "non", "ars-grand-est", PRO),
        ("Préfecture de la Moselle", "Déléguée du préfet", "Professionnel", "oui", "prefecture-moselle", PRO),
        ("Département de la Moselle", "Responsable territorial", "Professionnel", "oui", "departement-moselle", PRO),
        ("Éducation nationale", "Infirmière conseillère technique", "Professionnel", "non", "education-nationale",
         PRO),
        ("UNAFAM Moselle", "Déléguée départementale", "Aidant", "oui", "unafam-moselle", AID),
        ("UNAFAM Moselle", "Bénévole de l'accueil des familles", "Aidant", "oui", "unafam-moselle", AID),
        ("GEM L'Albatros", "Adhérent", "Usager", "oui", "gem-albatros", USA),
        ("GEM L'Albatros", "Animatrice", "Professionnel", "non", "gem-albatros", PRO),
        ("GEM Camille Claudel", "Adhérente", "Usager", "oui", "gem-camille-claudel", USA),
        ("Maison des adolescents de Moselle", "Directrice", "Professionnel", "oui", "mda-moselle", PRO),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "COPIL 11-03-2025"
    header_row(ws, 1, ["Structure", "Nom", "Fonction", "Catégorie", "Présent ?"], background=fill("E2EFDA"))
    attendance = []
    for offset, (structure, job, category, present, sid, role) in enumerate(rows, start=2):
        for col, value in enumerate([structure, MASK, job, category, present], start=1):
            ws.cell(row=offset, column=col, value=value)
        attendance.append(("copil", day, sid, role, 1 if present == "oui" else 0))
    widths(ws, {"A": 34, "B": 12, "C": 42, "D": 15, "E": 10})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows([("copil", day)], attendance),
        [
            "one line per invited PERSON (name « [masqué] », function, category) with a « Présent ? » column answered « oui » / « non »: the attendance of a structure and category is the number of « oui » lines (CH Jury professionnels = 3, UNAFAM aidants = 2, Ville de Metz élus = 1 …); « non » lines make no attendance",
            "the meeting (COPIL of Tuesday 11/03/2025) is only in the file name and the sheet name « COPIL 11-03-2025 »",
        ],
    )


def participation_one_sheet_per_month(out: Path) -> tuple[str, dict]:
    """The participation group's first-quarter 2025 attendance, one sheet per month, April's sheet still empty."""
    name = "groupe_participation_citoyennete_2025_T1.xlsx"
    instance = "groupe-participation-citoyennete"
    d = dt.date
    months = {
        "Janvier": (d(2025, 1, 21), [
            ("GEM L'Albatros", "usager", 4, "gem-albatros", USA),
            ("GEM L'Albatros", "professionnel", 1, "gem-albatros", PRO),
            ("GEM Camille Claudel", "usager", 3, "gem-camille-claudel", USA),
            ("UNAFAM Moselle", "aidant", 2, "unafam-moselle", AID),
            ("Ville de Metz", "élu", 1, "ville-metz", ELU),
            ("CH Jury", "professionnel", 1, "ch-jury", PRO),
            ("RESAM", "bénévole", 1, "resam", BEN),
        ]),
        "Février": (d(2025, 2, 18), [
            ("GEM Camille Claudel", "usager", 5, "gem-camille-claudel", USA),
            ("GEM Camille Claudel", "professionnel", 1, "gem-camille-claudel", PRO),
            ("GEM L'Albatros", "usager", 2, "gem-albatros", USA),
            ("UNAFAM Moselle", "aidant", 1, "unafam-moselle", AID),
            ("CH Jury", "professionnel", 2, "ch-jury", PRO),
            ("Ville de Metz", "professionnel", 1, "ville-metz", PRO),
        ]),
        "Mars": (d(2025, 3, 18), [
            ("GEM L'Albatros", "usager", 3, "gem-albatros", USA),
            ("GEM Camille Claudel", "usager", 2, "gem-camille-claudel", USA),
            ("UNAFAM Moselle", "aidant", 1, "unafam-moselle", AID),
            ("CH Jury", "professionnel", 1, "ch-jury", PRO),
            ("Médecins du Monde", "bénévole", 1, "medecins-du-monde-metz", BEN),
            ("Eurométropole de Metz", "élu", 1, "eurometropole-metz", ELU),
        ]),
        "Avril": (None, []),
    }  # fmt: skip
    header = ["Date", "Groupe", "Structure", "Catégorie", "Nombre"]
    wb = Workbook()
    wb.remove(wb.active)
    meetings, attendance, lines = set(), [], 0
    for title, (day, rows) in months.items():
        ws = wb.create_sheet(title)
        header_row(ws, 1, header, background=fill("E4DFEC"))
        widths(ws, {"A": 12, "B": 28, "C": 28, "D": 15, "E": 9})
        for offset, (structure, category, count, sid, role) in enumerate(rows, start=2):
            assert MONTHS[day.month - 1] == title.lower(), (day, title)
            values = [weekday(day), "Participation / citoyenneté", structure, category, count]
            for col, value in enumerate(values, start=1):
                ws.cell(row=offset, column=col, value=value)
            ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
            meetings.add((instance, day))
            attendance.append((instance, day, sid, role, count))
            lines += 1
    wb.active = 2
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        lines,
        new_meeting_rows(meetings, attendance),
        [
            "one sheet per month (« Janvier », « Février », « Mars », « Avril »), the same table on each, one meeting a month (21/01, 18/02 and 18/03/2025); all the sheets must be read, not only the first or the active one (« Mars »)",
            "the last sheet « Avril » holds only the header, ready for the next meeting: no data",
        ],
    )


# --------------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------------


def awareness_sessions_dotted_dates(out: Path) -> tuple[str, dict]:
    """The 2024 awareness sessions and PSSM trainings, typed by an officer who writes dates with dots."""
    name = "sensibilisations_sante_mentale_2024.xlsx"
    d = dt.date
    rows = [
        (d(2024, 1, 16), "Sensibilisation", "Sensibilisation en santé mentale", "agents d'accueil de la Ville de Metz",
         "Hôtel de Ville", 15),
        (d(2024, 3, 7), "Formation", "Premiers secours en santé mentale (PSSM)", "professionnels du logement",
         "AMLI", 12),
        (d(2024, 4, 11), "Sensibilisation", "Sensibilisation en santé mentale", "animateurs des centres sociaux",
         "Centre social de Borny", 17),
        (d(2024, 6, 6), "Sensibilisation", "Sensibilisation en santé mentale", "bénévoles des associations",
         "RESAM", 22),
        (d(2024, 10, 3), "Formation", "Premiers secours en santé mentale (PSSM) – module jeunes",
         "professionnels de la jeunesse", "Maison des adolescents", 11),
        (d(2024, 11, 28), "Sensibilisation", "Sensibilisation en santé mentale", "conseillers de la Mission locale",
         "Mission locale du Pays Messin", 14),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "2024"
    header_row(ws, 1, ["Date", "Type", "Intitulé", "Public", "Lieu", "Participants"], background=fill("DEEAF6"))
    for offset, (day, kind, title, public, place, people) in enumerate(rows, start=2):
        values = [weekday(day).strftime("%d.%m.%Y"), kind, title, public, place, people]
        for col, value in enumerate(values, start=1):
            ws.cell(row=offset, column=col, value=value)
    widths(ws, {"A": 12, "B": 16, "C": 52, "D": 38, "E": 30, "F": 12})
    wb.save(out / name)
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            "the dates are text typed with dots, « 16.01.2024 » (day.month.year); six sessions of 2024, 4 « Sensibilisation » and 2 « Formation » (PSSM), each with its public and its number of participants; four sessions share the title « Sensibilisation en santé mentale » and differ by their date and public: four distinct events"
        ],
    )


def sism_2024_total_and_average(out: Path) -> tuple[str, dict]:
    """The city's record of the SISM 2024 events, closed by a « Total général » and a « Moyenne » line."""
    name = "SISM_2024_bilan.xlsx"
    d = dt.date
    rows = [
        (d(2024, 10, 7), "Conférence d'ouverture « En mouvement, pour notre santé mentale »", "Arsenal",
         "CLSM / Ville de Metz", 92),
        (d(2024, 10, 8), "Randonnée urbaine et atelier d'écriture", "Parc de la Seille", "GEM Camille Claudel", 28),
        (d(2024, 10, 10), "Ciné-débat sur la santé mentale des jeunes", "Cinéma Caméo Ariel", "UNAFAM Moselle", 58),
        (d(2024, 10, 11), "Atelier danse et bien-être", "Maison des adolescents", "Maison des adolescents", 19),
        (d(2024, 10, 14), "Stand d'information au marché de Borny", "Place de Borny", "CLSM", 110),
        (d(2024, 10, 16), "Portes ouvertes du CMP Winnicott", "CMP Winnicott", "CH Jury", 24),
        (d(2024, 10, 18), "Tournoi de foot inclusif", "Complexe sportif de la Grange-aux-Bois", "GEM L'Albatros", 47),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "SISM 2024"
    header_row(ws, 1, ["Date", "Manifestation", "Lieu", "Porteur", "Participants"], background=fill("E4DFEC"))
    for offset, (day, title, place, organiser, people) in enumerate(rows, start=2):
        for col, value in enumerate([weekday(day), title, place, organiser, people], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
    last = len(rows) + 1
    total, average = last + 1, last + 2
    grey = fill("D9D9D9")
    for row, label in ((total, "Total général"), (average, "Moyenne")):
        for col in range(1, 6):
            ws.cell(row=row, column=col).fill = grey
        ws.cell(row=row, column=1, value=label).font = BOLD
    ws.cell(row=total, column=2, value=f"=COUNTA(B2:B{last})").font = BOLD
    ws.cell(row=total, column=5, value=f"=SUM(E2:E{last})").font = BOLD
    ws.cell(row=average, column=5, value=f"=AVERAGE(E2:E{last})").font = BOLD
    ws.cell(row=average, column=5).number_format = "0"
    people = [row[-1] for row in rows]
    widths(ws, {"A": 14, "B": 60, "C": 38, "D": 24, "E": 12})
    save_with_cached_values(
        wb,
        out / name,
        {ws.title: {f"B{total}": len(rows), f"E{total}": sum(people), f"E{average}": sum(people) / len(people)}},
    )
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            f"right under the seven events, two grey summary lines: « Total général » (row {total}: =COUNTA(B2:B{last}) = {len(rows)} in B, =SUM(E2:E{last}) = {sum(people)} in E) and « Moyenne » (row {average}: =AVERAGE(E2:E{last}) shown rounded to {round(sum(people) / len(people))}); neither is an event",
            "each line is one event of the SISM 2024 (sheet « SISM 2024 »), dates as real date cells",
        ],
    )


def trainings_cp1252_durations(out: Path) -> tuple[str, dict]:
    """The coordinator's list of trainings and awareness sessions 2023-2025, exported from an old Excel as CSV."""
    name = "formations_sensibilisations_2023-2025.csv"
    d = dt.date
    rows = [
        (d(2023, 3, 14), "Premiers secours en santé mentale (PSSM) – module standard", "Formation", "2 jours (14h)",
         "Centre Pierre Janet", 12),
        (d(2023, 5, 25), "Sensibilisation en santé mentale – agents de la Ville", "Sensibilisation", "3h30",
         "Hôtel de Ville", 16),
        (d(2023, 11, 9), "Sensibilisation en santé mentale – bailleurs sociaux", "Sensibilisation", "3h30",
         "AMLI", 13),
        (d(2024, 2, 6), "Formation croisée « Repérer et orienter »", "Formation", "7h", "CH Jury", 18),
        (d(2024, 9, 19), "Sensibilisation en santé mentale – éducateurs de prévention", "Sensibilisation", "3h",
         "CMSEA", 10),
        (d(2025, 3, 20), "Premiers secours en santé mentale (PSSM) – module jeunes", "Formation", "2 jours (14h)",
         "Maison des adolescents", 12),
        (d(2025, 6, 12), "Sensibilisation en santé mentale – bénévoles de l'aide alimentaire", "Sensibilisation",
         "2h30", "Carrefour des solidarités", 19),
        (d(2025, 11, 27), "Sensibilisation en santé mentale – agents du Département", "Sensibilisation", "3h30",
         "Département de la Moselle", 15),
    ]  # fmt: skip
    lines = [["Date", "Intitulé", "Type", "Durée", "Lieu", "Participants"]]
    for day, title, kind, duration, place, people in rows:
        lines.append([weekday(day).strftime("%d/%m/%Y"), title, kind, duration, place, people])
    write_csv(out / name, lines, delimiter=";", encoding="cp1252")
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            "a « ; » CSV in Windows-1252 (no BOM, CRLF): the accents are single bytes (« é » = 0xE9, « – » = 0x96, « « » = 0xAB), not UTF-8",
            "a « Durée » column in hours typed as text (« 3h30 », « 7h », « 2 jours (14h) »): a length, not a time of day; eight events over 2023-2025 (3 « Formation », 5 « Sensibilisation »), the two-day PSSM trainings dated by their first day",
        ],
    )


def sism_editions_in_one_column(out: Path) -> tuple[str, dict]:
    """The coordinator's summary of the SISM editions 2022-2025 for the plenary, « SISM 2023 » in one column."""
    name = "SISM_Metz_bilan_editions_2022-2025.xlsx"
    rows = [
        ("SISM 2022", "Pour ma santé mentale, respectons mes droits", 21, 14, 640),
        ("SISM 2023", "À tous les âges de la vie, ma santé mentale est un droit", 24, 16, 720),
        ("SISM 2024", "En mouvement, pour notre santé mentale", 26, 18, 810),
        ("SISM 2025", "Pour notre santé mentale, réparons le lien social", 27, 19, 860),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Bilan SISM"
    header_row(ws, 1, ["Édition", "Thème national", "Partenaires", "Manifestations", "Participants"],
               background=fill("FCE4D6"))  # fmt: skip
    keys = []
    for offset, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            ws.cell(row=offset, column=col, value=value)
        kind, year = row[0].split()
        keys.append(("SISM", int(year), row[1]))
    assert not set(keys) & SEED_EVENTS
    widths(ws, {"A": 12, "B": 56, "C": 12, "D": 15, "E": 12})
    wb.save(out / name)
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(keys), SEED_EVENTS)},
        [
            "the kind and the year of each edition in one cell, « SISM 2023 » (kind SISM, year 2023); one line per edition 2022-2025 with its national theme as title and its counts of partners, events (« Manifestations ») and participants; no date"
        ],
    )


# --------------------------------------------------------------------------------------------
# Actions: statuses and partners
# --------------------------------------------------------------------------------------------


def statuses_in_capitals_with_progress(out: Path) -> tuple[str, dict]:
    """The coordinator's spring 2025 follow-up of the 2022 programme, statuses in capitals beside a progress %."""
    name = "suivi_actions_programme_2022_printemps_2025.xlsx"
    d = dt.date
    titles = {
        "p22-01": "Module de sensibilisation en santé mentale accessible à distance",
        "p22-02": "Sensibilisations spécifiques à la santé mentale des jeunes, des enfants et des personnes en "
                  "situation de précarité",
        "p22-03": "Promotion des Premiers secours en santé mentale (PSSM) auprès des professionnels du territoire messin",
        "p22-04": "Mise à jour des outils de coordination et de communication et consultation des partenaires sur "
                  "leurs évolutions",
        "p22-06": "Version grand public du guide santé mentale",
        "p22-10": "Cartographie des acteurs de l'emploi et de la formation, puis actions d'information et de "
                  "sensibilisation de leurs professionnels",
        "p22-12": "Ouverture de la concertation logement à l'ensemble des acteurs du logement et de l'hébergement et "
                  "extension des collaborations avec les équipes de santé mentale",
        "p22-14": "Collaboration entre la future EMPP et les acteurs locaux (fiche action proposée au Contrat local "
                  "de santé)",
        "p22-15": "Rencontre entre les partenaires intéressés et des représentants des CMP sur l'intervention des CMP "
                  "auprès des personnes en situation de précarité",
        "p22-18": "Action collective d'information des futurs parents (podcasts de témoignages de pères, programme "
                  "PATH)",
    }  # fmt: skip
    typed = {
        "EN COURS": "mise en œuvre", "RÉALISÉ": "réalisée", "EN CONCEPTION": "conception", "REPORTÉ": "reportée",
        "ABANDONNÉ": "abandonnée", "IDÉE": "idée",
    }  # fmt: skip
    rows = [
        ("p22-01", "EN COURS", 0.8, d(2025, 4, 8)),
        ("p22-02", "IDÉE", 0.0, d(2025, 4, 8)),
        ("p22-03", "EN COURS", 0.5, d(2025, 4, 8)),
        ("p22-04", "RÉALISÉ", 1.0, d(2025, 4, 8)),
        ("p22-06", "EN CONCEPTION", 0.2, d(2025, 5, 13)),
        ("p22-10", "REPORTÉ", 0.1, d(2025, 5, 13)),
        ("p22-12", "EN COURS", 0.3, d(2025, 5, 13)),
        ("p22-14", "EN COURS", 0.6, d(2025, 6, 3)),
        ("p22-15", "RÉALISÉ", 1.0, d(2025, 6, 3)),
        ("p22-18", "ABANDONNÉ", 0.0, d(2025, 6, 3)),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Suivi"
    header_row(ws, 1, ["N°", "Action", "Statut", "Avancement", "Mis à jour le"], background=fill("C6E0B4"))
    statuses = set()
    for offset, (action, status, progress, day) in enumerate(rows, start=2):
        number = int(action.split("-")[1])
        for col, value in enumerate([number, titles[action], status, progress, weekday(day)], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=2).alignment = WRAP
        ws.cell(row=offset, column=4).number_format = "0 %"
        ws.cell(row=offset, column=5).number_format = "DD/MM/YYYY"
        assert action in SEED_ACTIONS and typed[status] in STATUSES, (action, status)
        statuses.add((action, day, typed[status]))
    widths(ws, {"A": 5, "B": 80, "C": 16, "D": 12, "E": 14})
    wb.save(out / name)
    return name, entry(
        ["action_status"],
        len(rows),
        {"action_status": len(statuses - SEED_ACTION_STATUSES)},
        [
            "statuses typed in capitals, in the everyday words of a follow-up: « EN COURS » = mise en œuvre, « RÉALISÉ » = réalisée, « EN CONCEPTION » = conception, « REPORTÉ » = reportée, « ABANDONNÉ » = abandonnée, « IDÉE » = idée",
            "an « Avancement » column beside the status, numbers shown as percentages (0,8 shown « 80 % »): a progress estimate, not a status and not an indicator; each line dated by its « Mis à jour le » cell; actions of the 2022 programme by their number (« N° » 1-20 = p22-01 … p22-20) and full title",
        ],
    )


def partners_listed_in_one_cell(out: Path) -> tuple[str, dict]:
    """The coordinator's table of who works on five actions, the partners listed inside one cell."""
    name = "partenaires_par_action_2025.xlsx"
    # action, title typed, porteur, partners (line breaks), funders (« ; »)
    actions = [
        ("p22-03", "Promotion des PSSM auprès des professionnels", [("Centre Pierre Janet", "centre-pierre-janet")],
         [("PSSM France", "pssm-france"), ("SUMPPS", "sumpps"), ("CNFPT", "cnfpt")],
         [("ARS Grand Est", "ars-grand-est")]),
        ("p22-05", "Semaines d'information sur la santé mentale (SISM)", [("CH Jury", "ch-jury")],
         [("Ville de Metz", "ville-metz"), ("UNAFAM Moselle", "unafam-moselle"), ("GEM L'Albatros", "gem-albatros"),
          ("GEM Camille Claudel", "gem-camille-claudel"),
          ("Espace Bernard Marie Koltès", "espace-bernard-marie-koltes")],
         [("Ville de Metz", "ville-metz"), ("ARS Grand Est", "ars-grand-est")]),
        ("p22-16", "Cités éducatives – QPV Metz-Borny", [],
         [("Ville de Metz", "ville-metz"), ("Éducation nationale", "education-nationale"),
          ("CMP Winnicott", "cmp-winnicott"), ("École des parents et des éducateurs de Moselle", "epe-moselle")],
         [("Préfecture de la Moselle", "prefecture-moselle")]),
        ("p22-19", "Collaborations avec la Maison des adolescents",
         [("Maison des adolescents de Moselle", "mda-moselle")],
         [("Mission locale du Pays Messin", "mission-locale-pays-messin"), ("SUMPPS", "sumpps"), ("CMSEA", "cmsea"),
          ("CSAPA les Wads", "csapa-les-wads")],
         []),
        ("p22-20", "Communication sur les dispositifs de prévention du mal-être des jeunes (Stopblues)", [],
         [("Inserm", "inserm"), ("Ville de Metz", "ville-metz"), ("Mission locale du Pays Messin",
          "mission-locale-pays-messin"), ("Maison des adolescents de Moselle", "mda-moselle")],
         []),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Partenaires"
    header_row(ws, 1, ["Action", "Porteur", "Partenaires", "Financeurs"], background=fill("DDEBF7"))
    found, links = set(), 0
    for offset, (action, title, porteurs, partners, funders) in enumerate(actions, start=2):
        assert action in SEED_ACTIONS, action
        cells = [
            title,
            "\n".join(label for label, _ in porteurs) or None,
            "\n".join(label for label, _ in partners) or None,
            " ; ".join(label for label, _ in funders) or None,
        ]
        for col, value in enumerate(cells, start=1):
            ws.cell(row=offset, column=col, value=value).alignment = WRAP
        for role, group in (("porteur", porteurs), ("partenaire", partners), ("financeur", funders)):
            for _, sid in group:
                assert sid in SEED_STRUCTURES, sid
                found.add((action, sid, role))
                links += 1
    assert links == len(found)
    widths(ws, {"A": 48, "B": 30, "C": 44, "D": 30})
    wb.save(out / name)
    return name, entry(
        ["action_partner"],
        len(actions),
        {"action_partner": len(found - SEED_ACTION_PARTNERS)},
        [
            f"one line per action, its partners listed INSIDE one cell: « Partenaires » one structure per line (line breaks in the cell, wrapped), « Financeurs » separated by « ; »; the role is the column (porteur / partenaire / financeur); {links} links in 5 lines, two empty « Porteur » cells and two empty « Financeurs » cells",
            "the Ville de Metz is both partenaire and financeur of the SISM (two links); five links are already in the seed (Ville de Metz, Éducation nationale and CMP Winnicott as partenaires of « Cités éducatives », Inserm and Ville de Metz of Stopblues); actions by short titles of the 2022 programme (« Promotion des PSSM … » = p22-03, « Cités éducatives – QPV Metz-Borny » = p22-16)",
        ],
    )


# --------------------------------------------------------------------------------------------
# Structures, resources, indicators
# --------------------------------------------------------------------------------------------


def directory_address_in_one_cell_with_notes(out: Path) -> tuple[str, dict]:
    """A city employee's update of the partners' directory, address and town in one cell, notes at the bottom."""
    name = "annuaire_partenaires_maj_septembre_2025.xlsx"
    rows = [
        ("Secours populaire français – fédération de Moselle", "SPF 57", "accompagnement social et médico-social",
         "rue Mazelle\n57000 Metz", NEW),
        ("Point accueil écoute jeunes de Metz", "PAEJ", "soins et prévention", "rue des Allemands\n57000 Metz", NEW),
        ("Centre d'information sur les droits des femmes et des familles de la Moselle", "CIDFF 57",
         "droit et protection des personnes", "rue du Coëtlosquet\n57000 Metz", NEW),
        ("SOS Amitié Metz-Lorraine", None, "soins et prévention", "57000 Metz", NEW),
        ("Les Petits Frères des Pauvres – équipe de Metz", None, "accompagnement social et médico-social",
         "rue de la Chèvre\n57000 Metz", NEW),
        ("AMLI", "AMLI", "logement", "rue du Pont Rouge\n57000 Metz", "amli"),
        ("Cap emploi", None, "emploi et formation", "avenue de Nancy\n57000 Metz", "cap-emploi"),
        ("CMSEA", "CMSEA", "accompagnement social et médico-social", "rue de Verdun\n57000 Metz", "cmsea"),
    ]  # fmt: skip
    notes = [
        "NB : adresses vérifiées auprès des structures en septembre 2025.",
        "NB : les numéros de téléphone ne figurent pas dans la version diffusée aux partenaires.",
        "NB : SOS Amitié ne communique pas l'adresse de son poste d'écoute.",
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Annuaire"
    header_row(ws, 1, ["Structure", "Sigle", "Secteur", "Adresse", "Tél. standard"], background=fill("D9E1F2"))
    for offset, (structure, acronym, sector, address, _) in enumerate(rows, start=2):
        for col, value in enumerate([structure, acronym, sector, address, MASK], start=1):
            ws.cell(row=offset, column=col, value=value).alignment = WRAP
    first_note = len(rows) + 3
    for offset, note in enumerate(notes, start=first_note):
        ws.cell(row=offset, column=1, value=note).font = Font(italic=True)
    widths(ws, {"A": 58, "B": 10, "C": 38, "D": 24, "E": 14})
    wb.save(out / name)
    keys = [row[-1] for row in rows]
    return name, entry(
        ["structure"],
        len(rows),
        {"structure": count_new(keys, SEED_STRUCTURES)},
        [
            "the address is ONE cell on two lines, street then « 57000 Metz » (a line break inside the cell): the postcode and the town (Metz) are its second line; SOS Amitié has only « 57000 Metz »; street names without numbers; standard phones « [masqué] »",
            f"a block of three « NB : … » notes in column A below the table, after an empty line (rows {first_note}-{first_note + len(notes) - 1}): remarks, not structures; 8 structures, 3 already in the seed (AMLI, Cap emploi, CMSEA), 5 new",
        ],
    )


def youth_resources_hidden_column(out: Path) -> tuple[str, dict]:
    """The MDA's directory of resources for the young, with a working column hidden before sending it."""
    name = "ressources_jeunes_annuaire_2025.xlsx"
    d = dt.date
    rows = [
        ("Écout'Émoi", "Maison des adolescents de Moselle", "jeunes de 11 à 21 ans en mal-être, sur prescription",
         d(2025, 4, 2), "Metz", "sur RDV", MASK, "ecout-emoi"),
        ("Consultations gratuites de psychologues pour les 16-25 ans", "Mission locale du Pays Messin",
         "jeunes de 16 à 25 ans suivis par la Mission locale", d(2025, 4, 2), "Metz", "sur RDV", MASK,
         "consultations-psy-mission-locale"),
        ("Accueil sans rendez-vous", "Maison des adolescents de Moselle", "11-25 ans et leurs parents",
         d(2025, 4, 9), "Metz", "mercredi 13h-18h", MASK, NEW),
        ("Groupe de parole pour les frères et sœurs", "UNAFAM Moselle", "frères et sœurs de 15 à 30 ans",
         d(2025, 4, 9), "Metz", "un samedi par mois, 10h-12h", MASK, NEW),
        ("Consultations infirmières sans rendez-vous", "SUMPPS", "étudiants de l'Université de Lorraine",
         d(2025, 5, 6), "Metz (campus du Saulcy)", "du lundi au vendredi 9h-16h", MASK, NEW),
        ("Accompagnement des jeunes en rupture", "CMSEA", "jeunes de 16 à 25 ans sans solution",
         d(2025, 5, 6), "Metz", "sur orientation", MASK, NEW),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Ressources jeunes"
    header_row(ws, 1, ["Ressource", "Structure", "Public", "Vérifié le", "Commune", "Horaires", "Contact"],
               background=fill("FFF2CC"))  # fmt: skip
    for offset, row in enumerate(rows, start=2):
        for col, value in enumerate(row[:-1], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=4).number_format = "DD/MM/YYYY"
    widths(ws, {"A": 52, "B": 34, "C": 46, "D": 12, "E": 22, "F": 28, "G": 12})
    ws.column_dimensions["D"].hidden = True
    wb.save(out / name)
    keys = [row[-1] for row in rows]
    return name, entry(
        ["resource"],
        len(rows),
        {"resource": count_new(keys, SEED_RESOURCES)},
        [
            "column D « Vérifié le » (the dates the MDA checked each entry) is HIDDEN: a working column, not a field of the directory; the visible columns are Ressource, Structure, Public, Commune, Horaires, Contact",
            "two entries already in the seed's directory (Écout'Émoi, the Mission locale's free psychologist consultations for 16-25 year-olds), four new ones of structures of the seed; contacts « [masqué] »",
        ],
    )


def indicators_target_and_result(out: Path) -> tuple[str, dict]:
    """The CLS officer's sheet n°15 table: for each indicator and year, the target and the result side by side."""
    name = "indicateurs_fiche15_cible_realise_2024-2025.xlsx"
    labels = {
        "f15-proc-1": "Nombre d'actions réalisées par rapport au prévisionnel.",
        "f15-proc-2": "Nombre et typologie des réunions organisées dans le cadre du CLSM.",
        "f15-proc-3": "Nombre et typologie des acteurs représentés dans les instances du CLSM.",
        "f15-res-1": "Nombre de partenaires qui déclarent avoir développé des collaborations dans le cadre du CLSM.",
    }
    rows = [
        ("f15-proc-1", 2024, 14, 12),
        ("f15-proc-1", 2025, 15, 15),
        ("f15-proc-2", 2024, 30, 33),
        ("f15-proc-2", 2025, 30, 28),
        ("f15-proc-3", 2024, 100, 108),
        ("f15-proc-3", 2025, 110, None),
        ("f15-res-1", 2025, 25, 23),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Fiche 15"
    header_row(ws, 1, ["Indicateur", "Année", "Cible", "Réalisé", "Taux de réalisation"], background=fill("E2EFDA"))
    values, cached = set(), {}
    for offset, (indicator, year, target, result) in enumerate(rows, start=2):
        assert indicator in SEED_INDICATORS, indicator
        for col, value in enumerate([labels[indicator], year, target, result], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).alignment = WRAP
        if result is not None:
            ws.cell(row=offset, column=5, value=f"=D{offset}/C{offset}").number_format = "0%"
            cached[f"E{offset}"] = result / target
            if (indicator, str(year)) not in SEED_INDICATOR_VALUES:
                values.add((indicator, str(year)))
    widths(ws, {"A": 72, "B": 8, "C": 8, "D": 9, "E": 19})
    save_with_cached_values(wb, out / name, {ws.title: cached})
    return name, entry(
        ["indicator_value"],
        len(rows),
        {"indicator_value": len(values)},
        [
            "« Cible » (the target of the year) and « Réalisé » (the result) side by side: only « Réalisé » is a value of the indicator for that year; the « Taux de réalisation » column is a formula (=D/C, shown « 86% ») with its cached value, not a value",
            "one result not measured yet (acteurs représentés 2025: « Réalisé » empty, no formula): no value; indicators of sheet n°15 by their full wording, years as numbers in « Année »",
        ],
    )


FILES = [
    planning_libreoffice_datetimes,
    precarity_abbreviated_headers,
    early_childhood_year_in_sheet_name,
    copil_counts_with_remote,
    plenary_two_row_header,
    copil_guests_yes_no,
    participation_one_sheet_per_month,
    awareness_sessions_dotted_dates,
    sism_2024_total_and_average,
    trainings_cp1252_durations,
    sism_editions_in_one_column,
    statuses_in_capitals_with_progress,
    partners_listed_in_one_cell,
    directory_address_in_one_cell_with_notes,
    youth_resources_hidden_column,
    indicators_target_and_result,
]


def main(argv: list[str] | None = None) -> int:
    """Write the sixteen files and manifest.json into OUTDIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_heldout18.py OUTDIR", file=sys.stderr)
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
