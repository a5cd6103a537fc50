"""Held-out set n°15: sixteen files that the people around the CLSM's coordinator keep and hand over.

Twelve files are ordinary follow-up sheets, each kept by one kind of person (the coordinator, the executive
assistant of the CH Jury's direction, a volunteer of a GEM working on a Mac, the secretary of the Maison des
adolescents in Google Sheets, the CLS officer of the Ville de Metz, a city training officer, the nurse who
coordinates the EMPP, an intern) with everyday habits the earlier sets did not use: dates computed by
formulas in an Excel table, a letterhead above the table and counts split men / women, an Excel for Mac
« CSV (Macintosh) », Google Sheets checkboxes, indicator codes decoded in a « Légende » sheet, a journal of
status changes written « avant → après », a partner table centred on the structures, a chart sheet in
front of the data, a « sep=; » line, a hierarchy shown by indentation, links hidden behind « site », a
workbook in the 1904 date system. Four are harder, each in its own way: a démarches-simplifiees.fr export of
the membership applications, a CSV typed in a text editor without quotes, a yearly recap where each cell
lists the dates a structure attended, and a Framadate poll export.

No person's name, personal e-mail or individual phone number appears anywhere: names, e-mails and contacts
are « [masqué] », attendance is counted per structure and role category only. Every meeting, attendance
count, event, status change, partner link, indicator value dated 2022-2026, every new structure, new
service and directory entry is test content, not a fact of the council's documents.

The expected counts are computed from the rows written, against the keys of a freshly built seed
database (the SEED_* sets below), so that the manifest and the files cannot drift apart.

Usage: python make_heldout15.py OUTDIR  (writes the sixteen files and OUTDIR/manifest.json)
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
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils.datetime import CALENDAR_MAC_1904, to_excel
from openpyxl.worksheet.table import Table, TableStyleInfo

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
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


def save_with_cached_values(wb: Workbook, path: Path, cached: dict[str, dict[str, float]]) -> None:
    """Save the workbook, then give its formula cells the cached values Excel would have stored.

    openpyxl writes formulas with an empty <v>; Excel saves the last computed value beside the formula.
    cached: sheet title -> cell coordinate -> number (dates as serial numbers of the workbook's epoch).
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
            pattern = rf'(<c r="{coordinate}"[^>]*>\s*<f>[^<]*</f>)\s*<v\s*(?:/>|></v>)'
            xml, done = re.subn(pattern, lambda match, v=value: f"{match.group(1)}<v>{v!r}</v>", xml, count=1)
            assert done == 1, (title, coordinate)
        parts[part] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in infos:
            archive.writestr(info, parts[info.filename])


def serial(value: dt.date | dt.datetime) -> float:
    """An Excel serial number (1900 date system), as Excel stores a date in a cell."""
    number = to_excel(value)
    return int(number) if float(number).is_integer() else float(number)


# --------------------------------------------------------------------------------------------
# Ordinary files
# --------------------------------------------------------------------------------------------


def calendar_formula_dates(out: Path) -> tuple[str, dict]:
    """The coordinator's autumn 2026 calendar: an Excel table where recurring dates are computed by formula."""
    name = "calendrier_instances_S2-2026.xlsx"
    # (label, instance, first date and hour, weeks between two meetings, number of meetings, place, mode, remark)
    series = [
        ("GT Jeunes", "groupe-jeunes", dt.datetime(2026, 9, 8, 14, 0), 5, 3, "Maison des adolescents", "Présentiel",
         "toutes les 5 semaines"),
        ("GT Logement", "groupe-logement", dt.datetime(2026, 9, 15, 9, 30), 6, 3, "AMLI", "Hybride",
         "toutes les 6 semaines, lien Teams dans l'invitation"),
        ("GT Précarité", "groupe-precarite", dt.datetime(2026, 9, 24, 9, 30), 8, 2, "Carrefour des solidarités",
         "Présentiel", "toutes les 8 semaines"),
        ("GT Crise", "groupe-situations-crise", dt.datetime(2026, 9, 29, 14, 0), 9, 2, "Teams", "Visio", ""),
        ("GT Enfance-parentalité", "groupe-enfance-parentalite", dt.datetime(2026, 10, 1, 14, 0), 8, 2,
         "CMP Winnicott", "Présentiel", ""),
        ("COPIL", "copil", dt.datetime(2026, 10, 6, 14, 30), None, 1, "CH Jury – salle du conseil", "Hybride",
         "bilan à mi-parcours du CLS"),
        ("Assemblée plénière", "pleniere", dt.datetime(2026, 12, 10, 9, 0), None, 1,
         "Hôtel de ville – salon de Guise", "Présentiel", "matinée, accueil café 8h45"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "S2 2026"
    ws["A1"] = "CLSM – calendrier des instances, 2e semestre 2026"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Les dates des groupes se recalculent à partir de la première (ne pas écraser les formules)"
    ws["A2"].font = Font(italic=True, color="808080")
    headers = ["Instance", "Date et heure", "Lieu", "Modalité", "Remarque"]
    for col, value in enumerate(headers, start=1):
        ws.cell(row=4, column=col, value=value)
    row = 5
    keys = []
    cached: dict[str, float] = {}
    for label, instance, first, weeks, count, place, mode, remark in series:
        moment = first
        for number in range(count):
            ws.cell(row=row, column=1, value=label)
            date_cell = ws.cell(row=row, column=2)
            if number == 0:
                date_cell.value = moment
            else:
                moment = moment + dt.timedelta(weeks=weeks)
                date_cell.value = f"=B{row - 1}+{7 * weeks}"
                cached[f"B{row}"] = serial(moment)
            date_cell.number_format = "ddd dd/mm/yyyy hh:mm"
            ws.cell(row=row, column=3, value=place)
            ws.cell(row=row, column=4, value=mode)
            ws.cell(row=row, column=5, value=remark if number == 0 and remark else None)
            keys.append((instance, moment.date()))
            row += 1
    table = Table(displayName="T_Instances", ref=f"A4:E{row - 1}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    ws.freeze_panes = "A5"
    widths(ws, {"A": 24, "B": 22, "C": 32, "D": 12, "E": 46})
    save_with_cached_values(wb, out / name, {ws.title: cached})
    return name, entry(
        ["meeting"],
        len(keys),
        {"meeting": new_meeting_rows(keys, [])["meeting"]},
        [
            "an Excel table (« Mettre sous forme de tableau », style Medium 2, filter buttons on the header row) named T_Instances, under a title line and an explanation line",
            "the recurring dates of each group are formulas on the row above (=B5+35, =B8+42, …) saved with their cached values as Excel does; only the first date of each series is typed",
            "date and hour in one cell (datetime shown « ddd dd/mm/yyyy hh:mm »), no separate hour column",
            "instances written « GT Jeunes », « GT Crise », « Assemblée plénière »; the remark on the first row of a series says the rhythm (« toutes les 5 semaines »), not a meeting",
        ],
    )


def copil_letterhead_men_women(out: Path) -> tuple[str, dict]:
    """The direction's assistant's attendance of a COPIL, on the hospital's letterhead, counts split H / F."""
    name = "COPIL_CLSM_09-10-2025_releve_presences.xlsx"
    day = dt.date(2025, 10, 9)
    rows = [
        ("Centre hospitalier de Jury", "Professionnel", 1, 2, "", "ch-jury", PRO),
        ("Ville de Metz", "Élu", None, 1, "adjointe santé", "ville-metz", ELU),
        ("Ville de Metz", "Professionnel", 0, 1, "", "ville-metz", PRO),
        ("Eurométropole de Metz", "Élu", 1, None, "", "eurometropole-metz", ELU),
        ("ARS Grand Est – DT 57", "Professionnel", None, 1, "", "ars-grand-est", PRO),
        ("Département de la Moselle", "Professionnel", 1, 1, "", "departement-moselle", PRO),
        ("Préfecture de la Moselle", "Professionnel", 1, 0, "", "prefecture-moselle", PRO),
        ("UNAFAM Moselle", "Aidant", 0, 2, "", "unafam-moselle", AID),
        ("GEM Camille Claudel", "Usager", 1, 1, "", "gem-camille-claudel", USA),
        ("GEM L'Albatros", "Usager", 2, None, "", "gem-albatros", USA),
        ("Maison des adolescents de Moselle", "Professionnel", None, 1, "", "mda-moselle", PRO),
        ("CMSEA", "Professionnel", 1, None, "", "cmsea", PRO),
        ("Éducation nationale", "Professionnel", None, 1, "", "education-nationale", PRO),
        ("Mission locale du Pays Messin", "Professionnel", 0, 0, "excusée", "mission-locale-pays-messin", PRO),
        ("RESAM", "Bénévole", 1, None, "", "resam", BEN),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Relevé"
    letterhead = [
        ("CENTRE HOSPITALIER DE JURY", Font(bold=True, size=14, color="1F4E79")),
        ("Direction générale – Coordination du Conseil local de santé mentale", Font(size=10, color="1F4E79")),
        ("57073 Metz Cedex 3", Font(size=10, color="1F4E79")),
        (None, None),
        (f"Affaire suivie par : {MASK}", Font(size=9)),
        ("Réf. : DG/CLSM/2025-117", Font(size=9)),
        (None, None),
        ("Objet : Comité de pilotage du CLSM du jeudi 9 octobre 2025 (14h30, salle du conseil) – relevé des présences",
         Font(bold=True, underline="single")),
    ]  # fmt: skip
    for offset, (text, font) in enumerate(letterhead, start=1):
        if text:
            ws.cell(row=offset, column=1, value=text).font = font
    header = 10
    header_row(ws, header, ["Structure", "Qualité", "H", "F", "Total", "Observations"], background=fill("DDEBF7"))
    attendance = []
    cached = {}
    for offset, (written, quality, men, women, remark, sid, role) in enumerate(rows, start=1):
        row = header + offset
        values = [written, quality, men, women, f"=SUM(C{row}:D{row})", remark or None]
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value).border = BOX
        total = (men or 0) + (women or 0)
        cached[f"E{row}"] = total
        attendance.append(("copil", day, sid, role, total))
    last = header + len(rows)
    ws.cell(row=last + 1, column=1, value="Total").font = BOLD
    for col, letter in ((3, "C"), (4, "D"), (5, "E")):
        ws.cell(row=last + 1, column=col, value=f"=SUM({letter}{header + 1}:{letter}{last})").font = BOLD
    cached[f"C{last + 1}"] = sum(men or 0 for _, _, men, *_ in rows)
    cached[f"D{last + 1}"] = sum(women or 0 for _, _, _, women, *_ in rows)
    cached[f"E{last + 1}"] = cached[f"C{last + 1}"] + cached[f"D{last + 1}"]
    ws.cell(row=last + 3, column=4, value="Pour le directeur et par délégation,")
    ws.cell(row=last + 4, column=4, value=MASK)
    widths(ws, {"A": 40, "B": 15, "C": 6, "D": 6, "E": 8, "F": 20})
    save_with_cached_values(wb, out / name, {ws.title: cached})
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows([("copil", day)], attendance),
        [
            "a letterhead above the table (hospital name, direction, postcode, « Affaire suivie par : [masqué] », « Réf. : DG/CLSM/2025-117 »); the meeting is given only by the « Objet : » line (COPIL, jeudi 9 octobre 2025)",
            "the count of each structure × role is split in two columns « H » (men) and « F » (women), blank or 0 for none; the attendance count is H + F (the « Total » column is a formula with its cached value)",
            "« Qualité » spelled in full (Professionnel, Élu, Usager, Aidant, Bénévole); the Ville de Metz on two lines (élu and professionnel)",
            "the Mission locale has 0 + 0 and « excusée »: no attendance; a « Total » row and a signature block « Pour le directeur et par délégation, [masqué] » under the table",
        ],
    )


def gem_mac_csv(out: Path) -> tuple[str, dict]:
    """A GEM volunteer's attendance of the participation group, saved by Excel for Mac as « CSV (Macintosh) »."""
    name = "presences groupe participation 2025.csv"
    instance = "groupe-participation-citoyennete"
    roles = {"adhérents": USA, "adhérent": USA, "animatrice": PRO, "animateur": PRO, "infirmier": PRO,
             "conseillère": PRO, "chargée de mission": PRO, "famille": AID, "élue": ELU, "élu": ELU,
             "bénévole": BEN, "bénévoles": BEN, "éduc": PRO}  # fmt: skip
    structures = {"gem albatros": "gem-albatros", "gem l'albatros": "gem-albatros",
                  "gem camille claudel": "gem-camille-claudel", "gem camile claudel": "gem-camille-claudel",
                  "unafam": "unafam-moselle", "ville de metz": "ville-metz", "resam": "resam",
                  "mision locale": "mission-locale-pays-messin", "ch jury": "ch-jury",
                  "medecins du monde": "medecins-du-monde-metz", "eurometropole": "eurometropole-metz",
                  "les wads": "csapa-les-wads"}  # fmt: skip
    rows = [
        ("13/02/2025", "gem albatros", "adhérents", 4), ("13/02/2025", "gem albatros", "animatrice", 1),
        ("13/02/2025", "gem camille claudel", "adhérents", 3), ("13/02/2025", "unafam", "famille", 1),
        ("13/02/2025", "ville de metz", "élue", 1), ("13/02/2025", "resam", "bénévole", 1),
        ("13/02/2025", "ch jury", "infirmier", 1),
        ("10/04/2025", "gem l'albatros", "adhérents", 5), ("10/04/2025", "gem camile claudel", "adhérents", 2),
        ("10/04/2025", "gem camile claudel", "animateur", 1), ("10/04/2025", "mision locale", "conseillère", 1),
        ("10/04/2025", "unafam", "famille", 2), ("10/04/2025", "medecins du monde", "bénévole", 1),
        ("12/06/2025", "gem albatros", "adhérents", 3), ("12/06/2025", "gem camille claudel", "adhérents", 4),
        ("12/06/2025", "eurometropole", "élu", 1), ("12/06/2025", "ch jury", "infirmier", 1),
        ("12/06/2025", "resam", "bénévoles", 2),
        ("18/09/2025", "gem albatros", "adhérents", 6), ("18/09/2025", "gem albatros", "animatrice", 1),
        ("18/09/2025", "gem camille claudel", "adhérents", 2), ("18/09/2025", "unafam", "famille", 1),
        ("18/09/2025", "ville de metz", "élue", 1), ("18/09/2025", "ville de metz", "chargée de mission", 1),
        ("20/11/2025", "gem albatros", "adhérents", 4), ("20/11/2025", "gem camille claudel", "adhérent", 3),
        ("20/11/2025", "medecins du monde", "bénévole", 1), ("20/11/2025", "mision locale", "conseillère", 1),
        ("20/11/2025", "les wads", "éduc", 1),
    ]  # fmt: skip
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r")
    writer.writerow(["groupe participation citoyenneté – présences 2025 (tenu par le GEM)", "", "", ""])
    writer.writerow(["date", "structure", "qui", "nb"])
    meetings = set()
    attendance = []
    previous = None
    for day_text, structure, who, count in rows:
        if previous is not None and day_text != previous:
            writer.writerow(["", "", "", ""])
        previous = day_text
        writer.writerow([day_text, structure, who, str(count)])
        day = dt.datetime.strptime(day_text, "%d/%m/%Y").date()
        meetings.add((instance, day))
        attendance.append((instance, day, structures[structure], roles[who], count))
    (out / name).write_bytes(buffer.getvalue().encode("mac_roman"))
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows(meetings, attendance),
        [
            "Excel for Mac « CSV (Macintosh) »: Mac Roman encoding (é = 0x8E), carriage returns only (CR, no LF) as line ends, « ; » separators",
            "a title line above the header gives the instance (groupe participation citoyenneté); the year is in every date « 13/02/2025 »; an empty line between meetings",
            "structures typed in lower case with typos: « gem camile claudel », « mision locale », « gem l'albatros » beside « gem albatros », « medecins du monde », « les wads » (the CSAPA)",
            "« qui » says who came in everyday words: « adhérents » (usagers), « animatrice », « infirmier », « conseillère », « éduc » (professionnels), « famille » (aidant), « élue », « bénévoles »",
        ],
    )


def google_sheets_checkboxes(out: Path) -> tuple[str, dict]:
    """The MDA secretary's sign-in list kept in Google Sheets: one line per invited person, checkboxes."""
    name = "Émargement GT Jeunes 20-01-2026 - Feuille 1.xlsx"
    day = dt.date(2026, 1, 20)
    # (structure typed, category, present, excused, comment, structure id)
    invited = [
        ("MDA 57", "Professionnel", True, False, "animation", "mda-moselle"),
        ("MDA 57", "Professionnel", True, False, "", "mda-moselle"),
        ("MDA 57", "Professionnel", False, True, "", "mda-moselle"),
        ("Mission locale", "Professionnel", True, False, "", "mission-locale-pays-messin"),
        ("Mission locale", "Professionnel", True, False, "", "mission-locale-pays-messin"),
        ("CH Jury", "Professionnel", True, False, "", "ch-jury"),
        ("CH Jury", "Professionnel", False, False, "", "ch-jury"),
        ("CMPP PEP 57", "Professionnel", True, False, "", "cmpp-pep57"),
        ("Éducation nationale", "Professionnel", False, True, "conseil de classe", "education-nationale"),
        ("SUMPPS", "Professionnel", True, False, "", "sumpps"),
        ("CASA", "Professionnel", True, False, "", "casa"),
        ("EPE 57", "Professionnel", False, False, "", "epe-moselle"),
        ("EPE 57", "Professionnel", False, True, "", "epe-moselle"),
        ("UNAFAM 57", "Aidant", True, False, "", "unafam-moselle"),
        ("GEM L'Albatros", "Usager", True, False, "", "gem-albatros"),
        ("GEM L'Albatros", "Usager", True, False, "", "gem-albatros"),
        ("Ville de Metz", "Élu", True, False, "", "ville-metz"),
        ("Département 57", "Professionnel", True, False, "", "departement-moselle"),
        ("Mission locale", "Professionnel", True, False, "ajoutée sur place", "mission-locale-pays-messin"),
        ("MDA 57", "Professionnel", True, False, "stagiaire, ajoutée sur place", "mda-moselle"),
    ]  # fmt: skip
    roles = {"Professionnel": PRO, "Aidant": AID, "Usager": USA, "Élu": ELU}
    wb = Workbook()
    ws = wb.active
    ws.title = "Feuille 1"
    ws["A1"] = "GT Jeunes – mardi 20/01/2026 – 14h – Maison des adolescents"
    ws["A1"].font = Font(bold=True)
    header_row(ws, 2, ["Structure", "Catégorie", "Nom Prénom", "Présent·e", "Excusé·e", "Commentaire"],
               background=fill("D9EAD3"))  # fmt: skip
    attendance = []
    for offset, (structure, category, present, excused, comment, sid) in enumerate(invited, start=3):
        values = [structure, category, MASK, present, excused, comment or None]
        for col, value in enumerate(values, start=1):
            ws.cell(row=offset, column=col, value=value)
        if present:
            attendance.append(("groupe-jeunes", day, sid, roles[category], 1))
    ws.freeze_panes = "A3"
    widths(ws, {"A": 22, "B": 16, "C": 16, "D": 11, "E": 11, "F": 30})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(invited),
        new_meeting_rows([("groupe-jeunes", day)], attendance),
        [
            "a Google Sheets sign-in list downloaded as .xlsx (sheet « Feuille 1 »): the « Présent·e » and « Excusé·e » checkboxes are real TRUE / FALSE boolean cells",
            "one line per invited person prepared before the meeting (names « [masqué] »): the attendance count is the number of TRUE in « Présent·e » per structure and category",
            "invited people who did not come have FALSE (excused or not): no attendance; two people added at the bottom on the day (« ajoutée sur place »), one of them a trainee counted as professional",
            "the meeting (GT Jeunes, mardi 20/01/2026, Maison des adolescents) is only in the first line and the file name; inclusive-writing headers « Présent·e »",
        ],
    )


def indicator_codes_legend(out: Path) -> tuple[str, dict]:
    """The CLS officer's follow-up of sheet n°15: years down, indicator codes across, a « Légende » sheet."""
    name = "suivi_indicateurs_fiche15_CLS.xlsx"
    codes = [
        ("IP1", "f15-proc-1", "Nombre d'actions réalisées par rapport au prévisionnel.", "processus"),
        ("IP2", "f15-proc-2", "Nombre et typologie des réunions organisées dans le cadre du CLSM.", "processus"),
        ("IP3", "f15-proc-3", "Nombre et typologie des acteurs représentés dans les instances du CLSM.",
         "processus"),
        ("IR1", "f15-res-1", "Nombre de partenaires qui déclarent avoir développé des collaborations dans le cadre "
         "du CLSM.", "résultat"),
        ("IR2", "f15-res-2", "Professionnels impliqués dans le CLSM qui déclarent mieux connaître l'offre et les "
         "besoins en matière de santé mentale de la population.", "résultat"),
    ]  # fmt: skip
    years = [
        ("2021", [None, 26, 90, None, None], "rappel : compte rendu du 18/11/2021"),
        ("2022", [6, 29, 94, None, None], ""),
        ("2023", [9, 31, 101, 18, 0.64], "questionnaire partenaires (28 répondants)"),
        ("2024", [11, 27, 108, None, None], ""),
        ("2025", [13, 30, 115, 23, 0.71], "questionnaire partenaires (31 répondants)"),
        ("Cible 2026", [16, 30, 120, 25, 0.75], "objectifs fixés au COPIL du 03/02/2026"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Suivi"
    ws["A1"] = "CLS Ville de Metz 2022-2026 – fiche 15 « Coordination du CLSM » – suivi des indicateurs"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Année", *(code for code, *_ in codes), "Source / commentaire"], background=fill("E2EFDA"))
    values = 0
    for offset, (year, cells, comment) in enumerate(years, start=4):
        ws.cell(row=offset, column=1, value=year)
        for col, (value, (_, indicator, *_)) in enumerate(zip(cells, codes, strict=True), start=2):
            cell = ws.cell(row=offset, column=col, value=value)
            if isinstance(value, float):
                cell.number_format = "0%"
            if value is not None and year.isdigit() and (indicator, year) not in SEED_INDICATOR_VALUES:
                assert indicator in SEED_INDICATORS, indicator
                values += 1
        ws.cell(row=offset, column=7, value=comment or None)
    for col in range(1, 8):
        ws.cell(row=9, column=col).font = Font(italic=True, color="7F7F7F")
    ws.cell(row=11, column=1, value="Voir l'onglet « Légende » pour le libellé des indicateurs.").font = Font(
        italic=True
    )
    widths(ws, {"A": 12, "B": 7, "C": 7, "D": 7, "E": 7, "F": 7, "G": 44})
    legend = wb.create_sheet("Légende")
    header_row(legend, 1, ["Code", "Indicateur (libellé de la fiche action)", "Type"], background=fill("E2EFDA"))
    for offset, (code, _, label, kind) in enumerate(codes, start=2):
        legend.cell(row=offset, column=1, value=code)
        legend.cell(row=offset, column=2, value=label).alignment = WRAP
        legend.cell(row=offset, column=3, value=kind)
    legend.cell(row=8, column=1, value="IP = indicateur de processus ; IR = indicateur de résultat")
    legend.cell(row=9, column=1, value="IR2 : part des professionnels répondants")
    widths(legend, {"A": 8, "B": 80, "C": 12})
    wb.save(out / name)
    return name, entry(
        ["indicator_value"],
        {"Suivi": len(years), "Légende": 0},
        {"indicator_value": values},
        [
            "the years are rows and the indicators are columns headed by codes « IP1 IP2 IP3 IR1 IR2 » (indicateur de processus / de résultat, in the order of sheet n°15)",
            "a second sheet « Légende » decodes the codes with the sheet's full wordings: it holds no values",
            "a « Cible 2026 » row (grey italics) gives targets, not values; the 2021 row repeats the seed (26 meetings, 90 actors)",
            "IR1 and IR2 only in the survey years (2023, 2025); IR2 as percent cells (0.64 shown 64 %); a « Source / commentaire » column",
        ],
    )


def status_change_journal(out: Path) -> tuple[str, dict]:
    """The coordinator's journal of status changes, newest first, each change written « avant → après »."""
    name = "journal_changements_statut_programme_2022.xlsx"
    changes = [
        (dt.date(2026, 2, 3), "Cartographie emploi / formation", "p22-10", "conception → mise en œuvre", "COPIL", ""),
        (dt.date(2026, 2, 3), "Guide grand public", "p22-06", "reportée → conception", "COPIL", "budget 2026 voté"),
        (dt.date(2025, 12, 16), "Module de sensibilisation à distance", "p22-01", "mise en oeuvre → réalisée",
         "coordination", "en ligne depuis le 01/12"),
        (dt.date(2025, 11, 20), "Cartographie culture / loisirs", "p22-09", "conception → mise en œuvre", "GT culture",
         ""),
        (dt.date(2025, 9, 30), "Podcasts pères (PATH)", "p22-18", "idée → abandonnée", "coordination",
         "pas de financement"),
        (dt.date(2025, 6, 24), "Concertation logement élargie", "p22-12", "idée → conception", "GT logement", ""),
        (dt.date(2025, 6, 24), "Bilan actions logement / bailleurs", "p22-11", "idée → reportée", "GT logement",
         "après l'enquête bailleurs"),
        (dt.date(2025, 5, 13), "Collaborations MDA", "p22-19", "conception → mise en œuvre", "GT jeunes", ""),
        (dt.date(2025, 3, 11), "Module de sensibilisation à distance", "p22-01", "conception → mise en oeuvre",
         "COPIL", ""),
        (dt.date(2025, 3, 11), "Création de l'EMPP", "p22-13", "conception → réalisée", "COPIL",
         "équipe en place depuis janvier"),
        (dt.date(2025, 2, 4), "Sensibilisations spécifiques jeunes / enfants / précarité", "p22-02",
         "idée → conception", "COPIL", ""),
        (dt.date(2025, 2, 4), "Guide grand public", "p22-06", "idée → reportée", "COPIL", "faute de budget"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Journal"
    ws["A1"] = "Programme d'actions 2022 – journal des changements de statut (le plus récent en haut)"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Date", "Action", "Changement de statut", "Validé par", "Commentaire"],
               background=fill("FFF2CC"))  # fmt: skip
    statuses = set()
    for offset, (day, title, action, change, who, comment) in enumerate(changes, start=4):
        values = [day, title, change, who, comment or None]
        for col, value in enumerate(values, start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
        after = change.split("→")[1].strip().replace("oeuvre", "œuvre")
        assert after in STATUSES and action in SEED_ACTIONS, (after, action)
        statuses.add((action, day, after))
    ws.auto_filter.ref = f"A3:E{3 + len(changes)}"
    widths(ws, {"A": 12, "B": 52, "C": 32, "D": 14, "E": 32})
    wb.save(out / name)
    return name, entry(
        ["action_status"],
        len(changes),
        {"action_status": len(statuses - SEED_ACTION_STATUSES)},
        [
            "a journal of changes, newest first: each line is one change « avant → après » in a single cell (« idée → conception », « mise en oeuvre → réalisée »); the dated status is the part after the arrow",
            "the status before the arrow is history, not a status at that date (the guide went « idée → reportée » in Feb. 2025, then « reportée → conception » in Feb. 2026)",
            "actions by short everyday titles (« Podcasts pères (PATH) », « Collaborations MDA »); « mise en oeuvre » typed without the ligature twice",
            "« Validé par » (COPIL, a GT, coordination) is not a structure; real date cells",
        ],
    )


def partners_by_structure(out: Path) -> tuple[str, dict]:
    """The coordinator's partner table seen from the structures: the actions are local references."""
    name = "partenaires_CLSM_par_structure_2026.xlsx"
    refs = {
        "CLS-15": ("fiche-15", "Fiche 15 – Coordination du CLSM (CLS 2022-2026)"),
        "CLS-32": ("fiche-32", "Fiche 32 – Sensibilisation des professionnels (CLS 2017-2020)"),
        "PA-01": ("p22-01", "Module de sensibilisation à distance"),
        "PA-02": ("p22-02", "Sensibilisations spécifiques (jeunes, enfants, précarité)"),
        "PA-03": ("p22-03", "Promotion des PSSM"),
        "PA-05": ("p22-05", "Poursuite des SISM"),
        "PA-06": ("p22-06", "Guide santé mentale grand public"),
        "PA-07": ("p22-07", "Documentaire GEM"),
        "PA-09": ("p22-09", "Cartographie culture / loisirs"),
        "PA-10": ("p22-10", "Cartographie emploi / formation"),
        "PA-11": ("p22-11", "Bilan logement / bailleurs"),
        "PA-12": ("p22-12", "Concertation logement élargie"),
        "PA-13": ("p22-13", "Création de l'EMPP"),
        "PA-14": ("p22-14", "Collaboration EMPP / acteurs locaux"),
        "PA-15": ("p22-15", "Rencontre partenaires / CMP"),
        "PA-16": ("p22-16", "Cités éducatives Borny"),
        "PA-17": ("p22-17", "Réseau psypérinatalité"),
        "PA-19": ("p22-19", "Collaborations avec la MDA"),
        "PA-20": ("p22-20", "Communication Stopblues"),
    }
    # (structure typed, structure id, porteur de, partenaire principal de, partenaire de, financeur de)
    rows = [
        ("Centre hospitalier de Jury", "ch-jury", "CLS-15, CLS-32", "", "PA-03, PA-14, PA-15", ""),
        ("Ville de Metz", "ville-metz", "", "CLS-15", "PA-05, PA-16, PA-20", "CLS-15, PA-05"),
        ("ARS Grand Est", "ars-grand-est", "", "CLS-15", "", "CLS-15 ; PA-13"),
        ("IREPS", "ireps-lorraine", "", "CLS-32", "PA-01", ""),
        ("CNFPT", "cnfpt", "", "", "CLS-32, PA-01", ""),
        ("UNAFAM 57", "unafam-moselle", "", "", "PA-05, PA-06", ""),
        ("GEM L'Albatros", "gem-albatros", "", "", "PA-05 et PA-07", ""),
        ("GEM Camille Claudel", "gem-camille-claudel", "", "", "PA-07", ""),
        ("Maison des ados", "mda-moselle", "", "", "PA-02, PA-19, PA-20", ""),
        ("Mission locale", "mission-locale-pays-messin", "", "", "PA-10, PA-19, PA-20", ""),
        ("Centre Pierre Janet", "centre-pierre-janet", "", "", "PA-03", ""),
        ("SUMPPS", "sumpps", "", "", "PA-03, PA-20", ""),
        ("EMPP", "ch-jury-empp", "", "", "PA-14, PA-15", ""),
        ("Carrefour des solidarités", "carrefour-solidarites", "", "", "PA-14, PA-15", ""),
        ("AMLI", "amli", "", "", "PA-11, PA-12", ""),
        ("ADOMA", "adoma", "", "", "PA-11, PA-12", ""),
        ("Cap emploi", "cap-emploi", "", "", "PA-10", ""),
        ("CRP Metz (EPNAK)", "epnak-crp-metz", "", "", "PA-10", ""),
        ("Espace Koltès", "espace-bernard-marie-koltes", "", "", "PA-09", ""),
        ("Inserm", "inserm", "", "", "PA-20", ""),
        ("CMP Winnicott", "cmp-winnicott", "", "", "PA-16", ""),
        ("Département 57", "departement-moselle", "", "", "PA-17", "PA-16"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Par structure"
    ws["A1"] = "Qui fait quoi ? Implication des structures dans les actions du CLSM (MAJ janvier 2026)"
    ws["A1"].font = Font(bold=True, size=12)
    columns = [("Porteur de", "porteur"), ("Partenaire principal de", "partenaire principal"),
               ("Partenaire de", "partenaire"), ("Financeur de", "financeur")]  # fmt: skip
    header_row(ws, 3, ["Structure", *(label for label, _ in columns)], background=fill("DDEBF7"))
    found = set()
    for offset, (written, sid, *cells) in enumerate(rows, start=4):
        ws.cell(row=offset, column=1, value=written)
        assert sid in SEED_STRUCTURES, sid
        for col, (text, (_, role)) in enumerate(zip(cells, columns, strict=True), start=2):
            ws.cell(row=offset, column=col, value=text or None)
            for ref in re.split(r"\s*(?:,|;|\bet\b)\s*", text):
                if ref:
                    action = refs[ref][0]
                    assert action in SEED_ACTIONS, action
                    found.add((action, sid, role))
    ws.cell(row=4 + len(rows) + 1, column=1, value="Références des actions : voir l'onglet « Réf. actions »")
    widths(ws, {"A": 30, "B": 18, "C": 22, "D": 26, "E": 18})
    ws.freeze_panes = "B4"
    key = wb.create_sheet("Réf. actions")
    header_row(key, 1, ["Réf.", "Action"], background=fill("DDEBF7"))
    for offset, (ref, (_, title)) in enumerate(refs.items(), start=2):
        key.cell(row=offset, column=1, value=ref)
        key.cell(row=offset, column=2, value=title)
    key.cell(row=len(refs) + 3, column=1, value="PA = programme d'actions 2022 (n° de l'action) ; CLS = fiche du CLS")
    widths(key, {"A": 9, "B": 62})
    wb.save(out / name)
    return name, entry(
        ["action_partner"],
        {"Par structure": len(rows), "Réf. actions": 0},
        {"action_partner": len(found - SEED_ACTION_PARTNERS)},
        [
            "the table is centred on the structures, not the actions: one row per structure, one column per role (« Porteur de », « Partenaire principal de », « Partenaire de », « Financeur de »)",
            "actions are the coordinator's own references listed in one cell (« PA-05, PA-16, PA-20 », once « CLS-15 ; PA-13 », once « PA-05 et PA-07 »), decoded on a second sheet « Réf. actions » (PA = programme 2022, CLS = CLS sheet)",
            "the Ville de Metz is partner and funder of the SISM (two links); thirteen of the 47 links are already in the seed (CH Jury porteur of sheets 15 and 32 and partner of the CMP meeting, the four Ville de Metz and ARS links of sheet 15, IREPS on sheet 32, Ville de Metz and CMP Winnicott on Cités éducatives, MDA on its collaborations, Inserm and Ville de Metz on Stopblues)",
            "structures in everyday short names (« Maison des ados », « Département 57 », « Espace Koltès », « EMPP »); frozen panes on the first column",
        ],
    )


def sism_chart_sheet_first(out: Path) -> tuple[str, dict]:
    """A city officer's SISM 2025 review: a chart sheet in front, the figures on a « Données » sheet."""
    name = "bilan_SISM_2025_Ville_de_Metz.xlsx"
    events = [
        (dt.datetime(2025, 10, 6, 18, 30), "Soirée d'ouverture – conférence « Santé mentale et lien social »",
         "Arsenal", "CLSM, Ville de Metz", 180),
        (dt.datetime(2025, 10, 7, 14, 0), "Portes ouvertes du GEM Camille Claudel", "GEM Camille Claudel",
         "GEM Camille Claudel", 40),
        (dt.datetime(2025, 10, 8, 20, 0), "Ciné-débat « Les Intranquilles »", "Cinéma Klub", "UNAFAM 57, CH Jury", 85),
        (dt.datetime(2025, 10, 9, 10, 0), "Stand d'information au marché couvert", "Marché couvert", "CLSM, MDA 57",
         120),
        (dt.datetime(2025, 10, 11, 10, 0), "Marche « Bouger pour sa santé mentale »", "Plan d'eau",
         "GEM L'Albatros, RESAM", 65),
        (dt.datetime(2025, 10, 14, 14, 0), "Atelier théâtre-forum", "Espace Bernard-Marie Koltès", "Espace Koltès",
         45),
        (dt.datetime(2025, 10, 16, 18, 0), "Table ronde « Jeunes et réseaux sociaux »", "Maison des adolescents",
         "MDA 57, Mission locale", 35),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Données"
    ws["A1"] = "SISM 2025 à Metz – du 6 au 19 octobre – fréquentation des manifestations"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Date et heure", "Manifestation", "Lieu", "Organisé par", "Participants"],
               background=fill("E4DFEC"))  # fmt: skip
    for offset, (moment, title, place, organiser, people) in enumerate(events, start=4):
        for col, value in enumerate([moment, title, place, organiser, people], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).number_format = "dd/mm/yyyy hh:mm"
    last = 3 + len(events)
    ws.cell(row=last + 1, column=2, value="Total").font = BOLD
    ws.cell(row=last + 1, column=5, value=f"=SUM(E4:E{last})").font = BOLD
    widths(ws, {"A": 18, "B": 60, "C": 28, "D": 26, "E": 12})
    chart = BarChart()
    chart.type = "bar"
    chart.title = "SISM 2025 – participants par manifestation"
    chart.add_data(Reference(ws, min_col=5, min_row=3, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=4, max_row=last))
    chart.legend = None
    sheet = wb.create_chartsheet("Graphique1", 0)
    sheet.add_chart(chart)
    wb.active = 0
    save_with_cached_values(wb, out / name, {"Données": {f"E{last + 1}": sum(e[-1] for e in events)}})
    keys = [NEW] * len(events)
    return name, entry(
        ["event"],
        {"Graphique1": 0, "Données": len(events)},
        {"event": count_new(keys, SEED_EVENTS)},
        [
            "the first sheet « Graphique1 » is a chart sheet (a bar chart of participants, no cells at all) and the workbook opens on it; the data are on the second sheet « Données »",
            "date and hour in one datetime cell shown « 06/10/2025 18:30 »",
            "seven manifestations of the SISM 2025 (the edition itself is not a row); the kind is only in the title line (SISM) and in the titles (conférence, ciné-débat, stand, marche, atelier)",
            "a « Total » row with a SUM formula (cached value) under the table; organisers as a comma list of short names",
        ],
    )


def trainings_sep_line_csv(out: Path) -> tuple[str, dict]:
    """The city training officer's export of the 2026 sessions, with Excel's « sep=; » first line."""
    name = "export_sessions_sante_mentale_S1-2026.csv"
    sessions = [
        ("15/01/2026", "15/01/2026", "Module de base de sensibilisation en santé mentale", "Sensibilisation",
         "Professionnels du social", "Présentiel", "3h30", "18", "16", "réalisée"),
        ("05/02/2026", "06/02/2026", "Premiers secours en santé mentale – module standard", "PSSM",
         "Tout professionnel", "Présentiel", "14h (2 j)", "14", "12", "réalisée"),
        ("12/03/2026", "12/03/2026", "Santé mentale et accueil du public", "Sensibilisation",
         "Agents d'accueil de la Ville", "Distanciel", "2h", "25", "21", "réalisée"),
        ("02/04/2026", "02/04/2026", "Santé mentale des jeunes : repérer et orienter", "Sensibilisation",
         "Animateurs jeunesse", "Présentiel", "3h", "6", "", "annulée (report au 28/05)"),
        ("28/05/2026", "28/05/2026", "Santé mentale des jeunes : repérer et orienter", "Sensibilisation",
         "Animateurs jeunesse", "Présentiel", "3h", "14", "13", "réalisée"),
        ("11/06/2026", "12/06/2026", "PSSM Jeunes", "PSSM", "Professionnels de la jeunesse", "Présentiel",
         "14h (2 j)", "12", "11", "réalisée"),
        ("25/06/2026", "25/06/2026", "Formation croisée santé mentale / logement", "Formation croisée",
         "Bailleurs et équipes de soins", "Hybride", "1 j", "22", "19", "réalisée"),
    ]  # fmt: skip
    buffer = io.StringIO(newline="")
    buffer.write("sep=;\r\n")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Date début", "Date fin", "Intitulé", "Type", "Public", "Format", "Durée", "Inscrits",
                     "Présents", "Statut"])  # fmt: skip
    keys = []
    for session in sessions:
        writer.writerow(session)
        if not session[-1].startswith("annulée"):
            keys.append(NEW)
    (out / name).write_text(buffer.getvalue(), encoding="utf-8")
    return name, entry(
        ["event"],
        len(sessions),
        {"event": count_new(keys, SEED_EVENTS)},
        [
            "the first line is Excel's separator hint « sep=; » (not a header, not data), then the header; UTF-8 without BOM, « ; », CRLF",
            "start and end dates in two columns (two-day PSSM trainings); durations « 3h30 », « 14h (2 j) », « 1 j »",
            "« Inscrits » (registered) beside « Présents » (the participants)",
            "one session « annulée (report au 28/05) » with no one present is not an event; its postponed twin of 28/05 is",
        ],
    )


def directory_indented_hierarchy(out: Path) -> tuple[str, dict]:
    """An intern's partner directory where services are indented under their establishment."""
    name = "annuaire_structures_et_services_2026.xlsx"
    # (level, name, acronym, sector, commune, member since, key)
    rows = [
        (0, "Centre hospitalier de Jury", "CHJ", "Soins", "Jury", "2016", "ch-jury"),
        (1, "CMP 1", None, "Soins", "Metz", None, "ch-jury-cmp-1"),
        (1, "ERAH", "ERAH", "Soins", "Metz", None, "ch-jury-erah"),
        (1, "Équipe mobile psychiatrie précarité", "EMPP", "Soins", "Metz", "2025", "ch-jury-empp"),
        (1, "La Villa relais", None, "Soins", "Metz", None, "ch-jury-villa-relais"),
        (1, "CATTP de Borny", "CATTP", "Soins", "Metz", "2026", NEW),
        (1, "Centre d'accueil et de crise", "CAC", "Urgence", "Metz", "2026", NEW),
        (0, "Ville de Metz", None, "Collectivité", "Metz", "2016", "ville-metz"),
        (1, "Pôle petite enfance", None, "Collectivité", "Metz", None, "ville-metz-pole-petite-enfance"),
        (2, "Multi-accueil Les Marmousets", None, "Petite enfance", "Metz", None,
         "ville-metz-multi-accueil-marmousets"),
        (1, "Centre communal d'action sociale", "CCAS", "Social", "Metz", "2026", NEW),
        (1, "Direction de la santé publique", None, "Collectivité", "Metz", "2026", NEW),
        (0, "CMSEA", "CMSEA", "Social / médico-social", "Metz", None, "cmsea"),
        (1, "Service en Amont", None, "Social / médico-social", "Metz", None, "service-en-amont"),
        (1, "Pôle inclusion sociale", None, "Social / médico-social", "Metz", None, "cmsea-pole-inclusion-sociale"),
        (0, "EPNAK", "EPNAK", "Emploi / formation", None, None, "epnak"),
        (1, "CRP de Metz", "CRP", "Emploi / formation", "Metz", None, "epnak-crp-metz"),
        (0, "ADOMA", None, "Logement", "Metz", None, "adoma"),
        (1, "Pension de famille", None, "Logement", "Metz", None, "adoma-pension-famille"),
        (1, "Résidence sociale de Metz-Borny", None, "Logement", "Metz", "2026", NEW),
        (0, "Département de la Moselle", "CD57", "Collectivité", "Metz", "2016", "departement-moselle"),
        (1, "Maison du Département de Metz", "MDD", "Social", "Metz", "2026", NEW),
        (0, "UDAF de la Moselle", "UDAF 57", "Droit / protection", "Metz", "2026", NEW),
        (1, "Service mandataire judiciaire à la protection des majeurs", "MJPM", "Droit / protection", "Metz",
         "2026", NEW),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Annuaire"
    ws["A1"] = "Annuaire des partenaires du CLSM – établissements et services (MAJ mars 2026)"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Structure / service", "Sigle", "Secteur", "Commune", "Adhésion"], background=fill("BDD7EE"))
    for offset, (level, title, acronym, sector, commune, since, _) in enumerate(rows, start=4):
        cell = ws.cell(row=offset, column=1, value=title)
        if level == 0:
            cell.font = BOLD
        else:
            cell.alignment = Alignment(indent=2 * level)
        for col, value in enumerate([acronym, sector, commune, since], start=2):
            ws.cell(row=offset, column=col, value=value)
    ws.cell(row=5 + len(rows), column=1, value="Les services sont en retrait sous l'établissement dont ils dépendent.")
    widths(ws, {"A": 58, "B": 10, "C": 24, "D": 12, "E": 10})
    wb.save(out / name)
    keys = [key for *_, key in rows]
    return name, entry(
        ["structure"],
        len(rows),
        {"structure": count_new(keys, SEED_STRUCTURES)},
        [
            "the hierarchy is shown only by the cell's indentation (Format > Alignement > Retrait): establishments in bold at level 0, their services indented below, the Marmousets at level 2 under the Pôle petite enfance",
            "services named without their establishment (« CMP 1 », « Pension de famille », « Pôle inclusion sociale », « CRP de Metz »): the parent is the bold row above",
            "sixteen rows are structures already in the seed; eight are new (CATTP de Borny, centre d'accueil et de crise, CCAS, direction de la santé publique, résidence sociale, Maison du Département, UDAF and its MJPM service, the last one under a new parent)",
            "« Adhésion » a year typed as text or empty; sectors in the intern's words (« Soins », « Collectivité », « Droit / protection »)",
        ],
    )


def resources_hyperlinks_dots(out: Path) -> tuple[str, dict]:
    """The coordinator's directory of resources: publics as dots in a grid, links hidden behind « site »."""
    name = "ressources_sante_mentale_par_public.xlsx"
    publics = ["Enfants", "Ados", "16-25 ans", "Adultes", "Familles / proches", "Professionnels"]
    # (resource, carried by, publics ticked, access, link text, url, key)
    rows = [
        ("Écout'Émoi", "MDA 57", {"Ados", "16-25 ans"}, "gratuit, sur RDV", "site", "https://www.mda57.fr",
         "ecout-emoi"),
        ("Consultations psy gratuites", "Mission locale du Pays Messin", {"16-25 ans"}, "via le conseiller",
         "fiche", "https://example.org/clsm-metz/annuaire/consultations-mission-locale",
         "consultations-psy-mission-locale"),
        ("Stopblues", "Inserm", {"Ados", "16-25 ans", "Adultes"}, "en ligne, anonyme", "site",
         "https://www.stopblues.fr", "stopblues"),
        ("PSSM pour les étudiants", "SUMPPS", {"16-25 ans"}, "sur inscription", "site",
         "https://example.org/universite/sumpps/pssm", "pssm-etudiants-sumpps"),
        ("Maison des droits de l'enfant", "EPE 57", {"Enfants", "Ados", "Familles / proches"}, "accueil libre",
         "fiche", "https://example.org/clsm-metz/annuaire/maison-droits-enfant", "maison-droits-enfant"),
        ("3114 – numéro national de prévention du suicide", None,
         {"Ados", "16-25 ans", "Adultes", "Familles / proches", "Professionnels"}, "24h/24, gratuit", "site",
         "https://3114.fr", NEW),
        ("Fil Santé Jeunes", None, {"Ados", "16-25 ans"}, "tchat et téléphone, anonyme", "site",
         "https://www.filsantejeunes.com", NEW),
        ("Consultation jeunes consommateurs (CJC)", "CSAPA Les Wads", {"Ados", "16-25 ans", "Familles / proches"},
         "gratuit, sur RDV", "fiche", "https://example.org/clsm-metz/annuaire/cjc-les-wads", NEW),
        ("Groupe de parole des familles", "UNAFAM 57", {"Familles / proches"}, "un jeudi par mois", "fiche",
         "https://example.org/clsm-metz/annuaire/unafam-groupe-parole", NEW),
        ("Accueil du GEM", "GEM L'Albatros", {"Adultes"}, "après-midi en semaine", "fiche",
         "https://example.org/clsm-metz/annuaire/gem-albatros", NEW),
        ("Permanence de l'EMPP", "CH Jury – EMPP", {"Adultes", "Professionnels"}, "mardi matin, sans RDV", "fiche",
         "https://example.org/clsm-metz/annuaire/empp", NEW),
        ("Consultations de psychologues en PMI", "Département de la Moselle", {"Enfants", "Familles / proches"},
         "sur RDV", "fiche", "https://example.org/clsm-metz/annuaire/pmi", NEW),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Ressources"
    ws["A1"] = "Où s'adresser ? Ressources en santé mentale par public – Metz"
    ws["A1"].font = Font(bold=True, size=12)
    header = ["Ressource", "Porté par", *publics, "Accès", "En savoir +"]
    header_row(ws, 3, header, background=fill("FCE4D6"))
    for col in range(3, 3 + len(publics)):
        ws.cell(row=3, column=col).alignment = Alignment(text_rotation=90, horizontal="center")
    ws.row_dimensions[3].height = 95
    for offset, (title, carrier, ticked, access, link, url, _) in enumerate(rows, start=4):
        ws.cell(row=offset, column=1, value=title)
        ws.cell(row=offset, column=2, value=carrier or "—")
        for col, public in enumerate(publics, start=3):
            cell = ws.cell(row=offset, column=col, value="●" if public in ticked else None)
            cell.alignment = CENTER
        ws.cell(row=offset, column=3 + len(publics), value=access)
        cell = ws.cell(row=offset, column=4 + len(publics), value=link)
        cell.hyperlink = url
        cell.style = "Hyperlink"
    ws.cell(
        row=5 + len(rows), column=1, value="● = public accueilli ; cliquer sur « site » ou « fiche » pour le détail"
    )
    widths(ws, {"A": 46, "B": 30, "C": 5, "D": 5, "E": 5, "F": 5, "G": 5, "H": 5, "I": 28, "J": 12})
    wb.save(out / name)
    keys = [key for *_, key in rows]
    return name, entry(
        ["resource"],
        len(rows),
        {"resource": count_new(keys, SEED_RESOURCES)},
        [
            "the web address of each entry is only the target of a hyperlink; the cell shows « site » or « fiche »",
            "publics as a grid of « ● » dots under six rotated column headers (Enfants, Ados, 16-25 ans, Adultes, Familles / proches, Professionnels)",
            "« Porté par » is « — » for the two national helplines (3114, Fil Santé Jeunes); structures in short names (« MDA 57 », « EPE 57 », « CH Jury – EMPP »)",
            "five entries are already in the seed's directory (Écout'Émoi, the Mission locale's consultations, Stopblues, the students' PSSM, the Maison des droits de l'enfant): seven new",
        ],
    )


def mac_1904_meetings(out: Path) -> tuple[str, dict]:
    """The EMPP nurse coordinator's list of meetings, kept in an old Excel for Mac workbook (1904 dates)."""
    name = "reunions_precarite_EMPP_2024-2025.xlsx"
    rows = [
        (dt.date(2024, 9, 12), "GT précarité", "groupe-precarite", "Carrefour des solidarités", "sur place",
         "présentation de l'EMPP"),
        (dt.date(2024, 11, 14), "Rencontre partenaires / CMP", "rencontre-partenaires", "CMP 1", "sur place",
         "reportée du 07/11"),
        (dt.date(2025, 1, 16), "GT précarité", "groupe-precarite", "Teams", "visio", ""),
        (dt.date(2025, 3, 20), "Rencontre partenaires / CMP", "rencontre-partenaires", "Médecins du Monde",
         "sur place", "CR envoyé le 27/03"),
        (dt.date(2025, 5, 15), "GT précarité", "groupe-precarite", "Carrefour des solidarités", "sur place + Teams",
         ""),
        (dt.date(2025, 6, 26), "Rencontre partenaires / CMP", "rencontre-partenaires", "CMP 1", "sur place",
         "bilan de l'année"),
        (dt.date(2025, 9, 18), "GT précarité", "groupe-precarite", "Carrefour des solidarités", "sur place",
         "nouvelle animatrice"),
    ]  # fmt: skip
    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Réunions"
    header_row(ws, 1, ["Date", "Réunion", "Lieu", "Format"])
    keys = []
    for offset, (day, label, instance, place, mode, note) in enumerate(rows, start=2):
        ws.cell(row=offset, column=1, value=day).number_format = "d/m/yy"
        ws.cell(row=offset, column=2, value=label)
        ws.cell(row=offset, column=3, value=place)
        ws.cell(row=offset, column=4, value=mode)
        ws.cell(row=offset, column=5, value=note or None).font = Font(italic=True, color="C00000")
        keys.append((instance, day))
    widths(ws, {"A": 10, "B": 28, "C": 28, "D": 18, "E": 30})
    wb.save(out / name)
    return name, entry(
        ["meeting"],
        len(rows),
        {"meeting": new_meeting_rows(keys, [])["meeting"]},
        [
            "the workbook uses the 1904 date system (Excel for Mac option « Utiliser le calendrier depuis 1904 »): the stored day numbers are 1 462 lower than in the 1900 system; dates shown « 12/9/24 »",
            "no title: the header is on the first row; the mode is in a column headed « Format » (« sur place », « visio », « sur place + Teams » = hybride)",
            "notes typed in red italics in column E, which has no header (« reportée du 07/11 », « CR envoyé le 27/03 »): their dates are not meetings",
            "two instances: « GT précarité » (groupe projets précarité) and « Rencontre partenaires / CMP » (rencontres entre partenaires)",
        ],
    )


# --------------------------------------------------------------------------------------------
# Harder files
# --------------------------------------------------------------------------------------------


def demarches_simplifiees_export(out: Path) -> tuple[str, dict]:
    """The city's export of the démarches-simplifiees.fr procedure « Adhésion à la charte du CLSM »."""
    name = "dossiers_adhesion-charte-clsm-metz_2026-03-02_09-41.xlsx"
    moment = dt.datetime
    # (id, state, deposited, instructed, decided, motivation, structure, acronym, type, sector, postcode, town,
    #  groups, key)
    files = [
        (18734502, "Accepté", moment(2026, 1, 8, 10, 12), moment(2026, 1, 12, 9, 0), moment(2026, 1, 20, 16, 4), "",
         "Centre communal d'action sociale de Metz", "CCAS", "Établissement public", "Social / médico-social",
         "57000", "METZ", "Précarité, Logement", NEW),
        (18734531, "Accepté", moment(2026, 1, 9, 14, 40), moment(2026, 1, 12, 9, 2), moment(2026, 1, 20, 16, 6), "",
         "Secours catholique – Caritas France, délégation de Moselle", "", "Association", "Social", "57000", "METZ",
         "Précarité", NEW),
        (18734577, "Refusé", moment(2026, 1, 13, 11, 3), moment(2026, 1, 14, 8, 50), moment(2026, 1, 20, 16, 9),
         "Le pôle est déjà représenté au CLSM par le CH de Jury (membre fondateur).", "Pôle 3 – CH de Jury", "",
         "Établissement de santé", "Santé", "57073", "METZ CEDEX 3", "Situations de crise", "ch-jury-pole-3"),
        (18734588, "En construction", None, None, None, "", "Foyer de jeunes travailleurs", "FJT", "", "", "", "",
         "", None),
        (18734602, "Accepté", moment(2026, 1, 21, 9, 30), moment(2026, 1, 22, 10, 0), moment(2026, 1, 27, 15, 12),
         "Renouvellement de l'adhésion (charte 2026).", "UNAFAM Moselle", "UNAFAM 57", "Association",
         "Usagers et aidants", "57000", "METZ", "Logement, Participation / citoyenneté", "unafam-moselle"),
        (18734610, "Accepté", moment(2026, 1, 26, 16, 55), moment(2026, 1, 27, 9, 14), moment(2026, 2, 3, 11, 0),
         "", "Metz Habitat Territoire", "MHT", "Bailleur social", "Logement", "57000", "METZ", "Logement", NEW),
        (18734655, "En instruction", moment(2026, 2, 10, 8, 47), moment(2026, 2, 11, 9, 30), None, "",
         "Croix-Rouge française – unité locale de Metz", "CRF", "Association", "Social", "57000", "METZ",
         "Précarité", None),
        (18734671, "Accepté", moment(2026, 2, 12, 13, 20), moment(2026, 2, 13, 9, 0), moment(2026, 2, 24, 17, 31),
         "", "Maison de santé pluriprofessionnelle de Borny", "MSP Borny", "Maison de santé", "Santé", "57070",
         "METZ", "Situations de crise, Précarité", NEW),
        (18734690, "Classé sans suite", moment(2026, 2, 16, 10, 2), moment(2026, 2, 17, 9, 5),
         moment(2026, 2, 17, 9, 6), "Doublon du dossier n° 18734531.", "Secours Catholique Moselle", "",
         "Association", "Social", "57000", "METZ", "Précarité", None),
        (18734702, "Accepté", moment(2026, 2, 19, 15, 48), moment(2026, 2, 20, 9, 0), moment(2026, 2, 27, 10, 22),
         "", "Centre social et culturel de Bellecroix", "", "Association", "Social", "57070", "METZ",
         "Jeunes, Enfance / parentalité", NEW),
    ]  # fmt: skip
    header = [
        "ID", "Email", "FranceConnect ?", "Civilité", "Nom", "Prénom", "Dépôt pour un tiers", "Archivé",
        "État du dossier", "Dernière mise à jour le", "Déposé le", "Passé en instruction le", "Traité le",
        "Motivation de la décision", "Instructeurs", "Nom de la structure", "Sigle (le cas échéant)",
        "Statut juridique / type de structure", "Secteur d'intervention principal", "Code postal", "Commune",
        "Personne référente pour le CLSM (nom, fonction, téléphone)",
        "Groupes projets auxquels la structure souhaite participer", "J'ai pris connaissance de la charte du CLSM",
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Dossiers"
    for col, value in enumerate(header, start=1):
        ws.cell(row=1, column=col, value=value)
    keys = []
    for offset, row in enumerate(files, start=2):
        number, state, deposited, instructed, decided, motivation, structure, acronym, kind, sector, postcode, town, \
            groups, key = row  # fmt: skip
        updated = decided or instructed or deposited or moment(2026, 2, 28, 18, 2)
        values = [number, MASK, False, MASK, MASK, MASK, False, False, state, updated, deposited, instructed, decided,
                  motivation or None, MASK if instructed else None, structure, acronym or None, kind or None,
                  sector or None, postcode or None, town or None, MASK if deposited else None, groups or None,
                  "Oui" if deposited else None]  # fmt: skip
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=offset, column=col, value=value)
            if isinstance(value, dt.datetime):
                cell.number_format = "dd/mm/yyyy hh:mm"
        if state == "Accepté":
            keys.append(key)
    notices = wb.create_sheet("Avis")
    header_row(notices, 1, ["Dossier ID", "Introduction", "Réponse", "Question", "Réponse à la question",
                            "Créé le", "Répondu le", "Instructeur", "Expert"])  # fmt: skip
    opinions = [
        (18734502, "Avis favorable, le CCAS participe déjà au GT précarité.", moment(2026, 1, 15, 10, 0)),
        (18734610, "Favorable : bailleur associé à la concertation logement.", moment(2026, 1, 30, 14, 20)),
        (18734655, "Attente de la délibération du bureau de l'unité locale.", None),
    ]
    for offset, (number, answer, answered) in enumerate(opinions, start=2):
        values = [number, "Merci de donner votre avis sur cette adhésion.", answer, None, None,
                  moment(2026, 1, 13, 9, 0), answered, MASK, MASK]  # fmt: skip
        for col, value in enumerate(values, start=1):
            notices.cell(row=offset, column=col, value=value)
    wb.save(out / name)
    return name, entry(
        ["structure"],
        {"Dossiers": len(files), "Avis": 0},
        {"structure": count_new(keys, SEED_STRUCTURES)},
        [
            "[harder] démarches-simplifiees.fr export of the procedure « Adhésion à la charte du CLSM »: a « Dossiers » sheet whose first fifteen columns are the platform's (ID, Email, FranceConnect ?, Civilité, Nom, Prénom, Archivé, État du dossier, dates, Motivation, Instructeurs), then the form's questions as headers",
            "only the « Accepté » files are partners that joined: « Refusé », « En construction » (a draft with no deposit date), « En instruction » and « Classé sans suite » (a duplicate of the Secours catholique) add no structure",
            "one accepted file is a structure already in the seed (UNAFAM Moselle renewing its membership), and so is the refused one (the CH Jury's pôle 3); five accepted files are new (CCAS, Secours catholique, Metz Habitat Territoire, MSP Borny, centre social de Bellecroix)",
            "the applicant and the referent person are « [masqué] »; booleans FALSE for FranceConnect / Archivé; postcode and town in capitals in two columns (« 57073 », « METZ CEDEX 3 »)",
            "a second sheet « Avis » holds the instructors' opinions: no records",
        ],
    )


def hand_typed_unquoted_csv(out: Path) -> tuple[str, dict]:
    """A UNAFAM volunteer's list of actions typed in Notepad as « CSV », commas in the text, no quotes."""
    name = "unafam57_actions_2025-2026.csv"
    lines = [
        "date,type,titre,lieu,public,partenaires",
        "16/01/2025,ciné-débat,Ciné-débat « Les Intranquilles »,Cinéma Klub,62,GEM Albatros",
        "13/03/2025,sensibilisation,Sensibilisation des bénévoles, accueil et écoute,RESAM,18,RESAM, CH Jury",
        "05/06/2025,conférence,Conférence « Être parent d'un proche malade psychique »,Médiathèque Verlaine,45,",
        "09/10/2025,stand SISM,Stand d'information (SISM 2025),Marché couvert,env. 100,GEM Camille Claudel, MDA, CLSM",
        "20/11/2025,formation,Prospect, atelier d'entraide pour les familles,local UNAFAM,12,",
        "",
        "15/01/2026,ciné-débat,Ciné-débat « Une place pour Pierrot »,Cinéma Palace,70,Ville de Metz, GEM Albatros",
        "12/03/2026,sensibilisation,Sensibilisation santé mentale, agents d'accueil de la MDPH,MDPH,15,MDPH",
    ]
    events = [line for line in lines[1:] if line]
    (out / name).write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return name, entry(
        ["event"],
        len(events),
        {"event": count_new([NEW] * len(events), SEED_EVENTS)},
        [
            "[harder] typed by hand in a text editor as comma-separated values, with no quotes at all: titles and partner lists that contain commas spill into extra fields",
            "the header has six fields; five of the seven lines have seven or eight (« Sensibilisation des bénévoles, accueil et écoute », « Prospect, atelier d'entraide pour les familles », partners « RESAM, CH Jury », « GEM Camille Claudel, MDA, CLSM »)",
            "a human reads each line from both ends: date and type first, then the title, the place, the head count (« 62 », « env. 100 ») and the partners last; two lines end with an empty partner field",
            "lower-case types (ciné-débat, sensibilisation, conférence, stand SISM, formation); an empty line between 2025 and 2026; UTF-8 without BOM, CRLF",
        ],
    )


def recap_dates_per_structure(out: Path) -> tuple[str, dict]:
    """The pilot's yearly recap of the parenthood group: for each structure, the dates it attended in one cell."""
    name = "GT_enfance-parentalite_recap_presences_2025.xlsx"
    instance = "groupe-enfance-parentalite"
    days = [dt.date(2025, 1, 21), dt.date(2025, 3, 18), dt.date(2025, 5, 20), dt.date(2025, 6, 17),
            dt.date(2025, 9, 23), dt.date(2025, 11, 25)]  # fmt: skip
    short = {day: day.strftime("%d/%m") for day in days}
    everyone = {day: 1 for day in days}
    # (structure typed, category typed, text typed, {day: count}, structure id, role)
    rows = [
        ("CMP Winnicott", "pro", "toutes (2 pers.)", {day: 2 for day in days}, "cmp-winnicott", PRO),
        ("Pôle petite enfance – Ville de Metz", "pro", "21/01, 20/05, 23/09",
         {days[0]: 1, days[2]: 1, days[4]: 1}, "ville-metz-pole-petite-enfance", PRO),
        ("Multi-accueil Les Marmousets", "pro", "18/03 (x2), 17/06", {days[1]: 2, days[3]: 1},
         "ville-metz-multi-accueil-marmousets", PRO),
        ("CMPP PEP 57", "pro", "toutes sauf 17/06", {day: 1 for day in days if day != days[3]}, "cmpp-pep57", PRO),
        ("EPE 57", "pro", ", ".join(short[day] for day in days), dict(everyone), "epe-moselle", PRO),
        ("Département 57 (PMI)", "pro", "18/03 – 23/09 (x2) – 25/11", {days[1]: 1, days[4]: 2, days[5]: 1},
         "departement-moselle", PRO),
        ("Éducation nationale", "pro", "20/05", {days[2]: 1}, "education-nationale", PRO),
        ("UNAFAM 57", "aidant", "21/01 ; 25/11", {days[0]: 1, days[5]: 1}, "unafam-moselle", AID),
        ("GEM Camille Claudel", "usager", "17/06 (x3)", {days[3]: 3}, "gem-camille-claudel", USA),
        ("Ville de Metz", "élue", "23/09", {days[4]: 1}, "ville-metz", ELU),
        ("CCOMS (programme PATH)", "pro", "18/03 (visio)", {days[1]: 1}, "ccoms-lille", PRO),
        ("Maison des ados", "pro", "aucune (excusée)", {}, "mda-moselle", PRO),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Récap 2025"
    ws["A1"] = "Groupe projets « enfance et parentalité » – récapitulatif des présences 2025"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = ("Réunions : " + " – ".join(short[day] for day in days)
                + " (CMP Winnicott, sauf 18/03 en visio)")  # fmt: skip
    header_row(ws, 4, ["Structure", "Qualité", "Présente aux réunions du…", "Nb de présences"],
               background=fill("E2EFDA"))  # fmt: skip
    meetings = {(instance, day) for day in days}
    attendance = []
    for offset, (structure, category, text, counts, sid, role) in enumerate(rows, start=5):
        total = sum(counts.values())
        for col, value in enumerate([structure, category, text, total], start=1):
            ws.cell(row=offset, column=col, value=value).border = BOX
        for day, count in counts.items():
            assert day in days
            attendance.append((instance, day, sid, role, count))
    last = 4 + len(rows)
    ws.cell(row=last + 2, column=1, value="(x2) = deux personnes de la structure ; « toutes » = les six réunions")
    widths(ws, {"A": 38, "B": 10, "C": 44, "D": 16})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows(meetings, attendance),
        [
            "[harder] one row per structure and category; the meetings it attended are listed in ONE cell as days without the year (« 21/01, 20/05, 23/09 », « 18/03 – 23/09 (x2) – 25/11 », « 21/01 ; 25/11 »); the year is only in the title",
            "« (x2) », « (x3) » or « (2 pers.) » give the number of people; « (visio) » is not a count",
            "« toutes (2 pers.) » means two people at each of the six meetings listed in line 2; « toutes sauf 17/06 » means the five others; « aucune (excusée) » means none",
            "the six meetings of 2025 are only in line 2 (« Réunions : 21/01 – 18/03 – … ») and in the dates of the cells; « Nb de présences » is a total of person-meetings, not a count for one meeting",
            "categories typed « pro », « aidant », « usager », « élue »",
        ],
    )


def framadate_poll(out: Path) -> tuple[str, dict]:
    """The Framadate poll that fixed the March 2026 housing group meeting, exported to CSV by the coordinator."""
    name = "framadate_GT_logement_mars_2026.csv"
    slots = [("lundi 09/03/2026", "14h00"), ("jeudi 12/03/2026", "09h30"), ("mardi 17/03/2026", "09h30"),
             ("jeudi 19/03/2026", "14h00")]  # fmt: skip
    answers = [
        ("AMLI ([masqué])", ["Non", "Oui", "Oui", "Si nécessaire"]),
        ("Adoma – pension de famille", ["Oui", "Oui", "Non", "Non"]),
        ("ERAH CHJ", ["Si nécessaire", "Oui", "Oui", "Oui"]),
        (f"{MASK} – UNAFAM", ["Oui", "Oui", "Non", "Oui"]),
        ("GEM Albatros (2 pers.)", ["Non", "Oui", "Si nécessaire", "Non"]),
        ("Ville de Metz / santé", ["Oui", "Si nécessaire", "Oui", "Non"]),
        ("CD57", ["Non", "Oui", "Non", "Oui"]),
        ("Résidence accueil BSM", ["Oui", "Oui", "Oui", "Non"]),
        ("ARELOR", ["Non", "Non", "Oui", "Oui"]),
    ]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=",", lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(["", *(day for day, _ in slots)])
    writer.writerow(["", *(hour for _, hour in slots)])
    for who, votes in answers:
        writer.writerow([who, *votes])
    buffer.write("\n")
    writer.writerow(
        ["Date retenue : jeudi 12/03/2026 à 9h30 chez AMLI (7 oui, 1 si nécessaire) – invitation envoyée le 02/03"]
    )
    (out / name).write_text(buffer.getvalue(), encoding="utf-8")
    return name, entry(
        ["meeting"],
        len(answers),
        {"meeting": new_meeting_rows([("groupe-logement", dt.date(2026, 3, 12))], [])["meeting"]},
        [
            "[harder] a Framadate poll exported to CSV: the first line holds the four proposed days (« jeudi 12/03/2026 »), the second line their hours, then one line per respondent with « Oui », « Non » or « Si nécessaire »; every field quoted",
            "the respondents are people typed as their structure (« AMLI ([masqué]) », « ERAH CHJ », « CD57 », « GEM Albatros (2 pers.) »): answers are availabilities, not attendance",
            "only one meeting results from the file: the coordinator added a last line « Date retenue : jeudi 12/03/2026 à 9h30 chez AMLI … » after an empty line; the three other days are not meetings",
            "the instance (groupe logement) is only in the file name",
        ],
    )


FILES = [
    calendar_formula_dates,
    copil_letterhead_men_women,
    gem_mac_csv,
    google_sheets_checkboxes,
    indicator_codes_legend,
    status_change_journal,
    partners_by_structure,
    sism_chart_sheet_first,
    trainings_sep_line_csv,
    directory_indented_hierarchy,
    resources_hyperlinks_dots,
    mac_1904_meetings,
    demarches_simplifiees_export,
    hand_typed_unquoted_csv,
    recap_dates_per_structure,
    framadate_poll,
]


def main(argv: list[str] | None = None) -> int:
    """Write the sixteen files and manifest.json into OUTDIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_heldout15.py OUTDIR", file=sys.stderr)
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
