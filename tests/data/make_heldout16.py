"""Held-out set n°16: sixteen files that the people around the CLSM's coordinator type and hand over.

Twelve files are ordinary follow-up sheets, each kept by one kind of person (the CLSM's secretariat at the
CH Jury, a nurse manager of the ERAH, the secretary of the deputy mayor's office, the coordinator sharing a
workbook in Teams, an intern, the coordinator filling the CLS review template, a project officer of the
IREPS, the coordinator's resource directory, GEM volunteers in LibreOffice and Excel) with one or
two everyday habits the earlier sets did not use: a planned date beside the effective date and start / end
hours as time cells, the structure and its category in one cell with counts shown « 2 pers. » by a custom
number format, a pre-numbered sign-in template with its TOTAL row on top, statuses prefixed with emojis,
SIRET numbers shown in scientific notation and GPS coordinates pasted from a map in one cell, years headed
« N-2 / N-1 / N » with N given once, the day, month and year of an event in three columns and counts typed
as sums of constants (=12+9), opening hours spread over weekday columns, structure names fetched by a
VLOOKUP formula from a code, axes and actions numbered in Roman numerals (« II.3 »), a tab-separated CSV,
and a programme sent with an autofilter left on (rows hidden by the filter). Four are harder, each in its
own way: a HelloAsso ticketing export, a CSV whose accents were garbled by a wrong encoding round trip
(« RÃ©sidence »), a history of statuses written as dated lines in one cell, and a CSV saved by an Excel in
the English (United States) locale with month/day/year dates.

No person's name, personal e-mail or individual phone number appears anywhere: names, e-mails and contacts
are « [masqué] », attendance is counted per structure and role category only. Every meeting, attendance
count, event, ticket, status, partner link, indicator value dated 2022-2026, every new structure, new
action, SIRET number, address, GPS point and directory entry is test content, not a fact of the council's
documents.

The expected counts are computed from the rows written, against the keys of a freshly built seed
database (the SEED_* sets below), so that the manifest and the files cannot drift apart.

Usage: python make_heldout16.py OUTDIR  (writes the sixteen files and OUTDIR/manifest.json)
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
from openpyxl.utils.datetime import to_excel

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


def serial(value: dt.date | dt.datetime) -> float:
    """An Excel serial number (1900 date system), as Excel stores a date in a cell."""
    number = to_excel(value)
    return int(number) if float(number).is_integer() else float(number)


# --------------------------------------------------------------------------------------------
# Ordinary files
# --------------------------------------------------------------------------------------------


def planned_and_effective_dates(out: Path) -> tuple[str, dict]:
    """The CLSM secretariat's 2025 follow-up of the groups: a planned date beside the effective date."""
    name = "suivi_reunions_groupes_projets_2025_prevu-realise.xlsx"
    d = dt.date
    # (group typed, instance, planned, effective (date or text or None), start, end, place, remark)
    rows = [
        ("GT Jeunes", "groupe-jeunes", d(2025, 1, 14), d(2025, 1, 14), (14, 0), (16, 0), "Maison des adolescents",
         ""),
        ("GT Logement", "groupe-logement", d(2025, 1, 23), d(2025, 1, 30), (9, 30), (11, 30), "AMLI",
         "décalée d'une semaine (grève des transports)"),
        ("GT Culture-loisirs", "groupe-culture-loisirs", d(2025, 2, 6), d(2025, 2, 6), (14, 0), (16, 0),
         "Espace Bernard-Marie Koltès", ""),
        ("GT Emploi-formation", "groupe-emploi-formation", d(2025, 3, 13), "annulée", (9, 30), (11, 30),
         "CRP Metz", "pas assez d'inscrits, reportée en juin"),
        ("GT Situations de crise", "groupe-situations-crise", d(2025, 3, 25), d(2025, 4, 1), (14, 0), (16, 30),
         "CH Jury", "salle indisponible le 25/03"),
        ("GT Jeunes", "groupe-jeunes", d(2025, 5, 13), d(2025, 5, 13), (14, 0), (16, 0), "Mission locale", ""),
        ("GT Enfance-parentalité", "groupe-enfance-parentalite", d(2025, 6, 5), d(2025, 6, 12), (14, 0), (16, 0),
         "CMP Winnicott", ""),
        ("GT Emploi-formation", "groupe-emploi-formation", d(2025, 6, 19), d(2025, 6, 19), (9, 30), (12, 0),
         "CRP Metz", "report de la réunion de mars"),
        ("GT Logement", "groupe-logement", d(2025, 10, 2), d(2025, 10, 2), (9, 30), (11, 30), "Adoma", ""),
        ("GT Participation-citoyenneté", "groupe-participation-citoyennete", d(2025, 10, 16), d(2025, 10, 16),
         (14, 0), (16, 0), "GEM L'Albatros", ""),
        ("GT Situations de crise", "groupe-situations-crise", d(2025, 11, 20), None, (14, 0), (16, 30), "CH Jury",
         "à reprogrammer en 2026"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "2025"
    ws["A1"] = "CLSM – réunions des groupes projets 2025 : prévu / réalisé"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Groupe", "Date prévue", "Date effective", "Début", "Fin", "Lieu", "Observations"],
               background=fill("DDEBF7"))  # fmt: skip
    keys = []
    for offset, (label, instance, planned, effective, start, end, place, remark) in enumerate(rows, start=4):
        values = [label, weekday(planned), effective, dt.time(*start), dt.time(*end), place, remark or None]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=offset, column=col, value=value)
            cell.border = BOX
            if col in (2, 3) and isinstance(value, dt.date):
                cell.number_format = "DD/MM/YYYY"
            elif col in (4, 5):
                cell.number_format = "hh:mm"
        if isinstance(effective, dt.date):
            keys.append((instance, weekday(effective)))
    widths(ws, {"A": 30, "B": 13, "C": 15, "D": 8, "E": 8, "F": 30, "G": 44})
    ws.freeze_panes = "A4"
    wb.save(out / name)
    return name, entry(
        ["meeting"],
        len(rows),
        {"meeting": new_meeting_rows(keys, [])["meeting"]},
        [
            "two date columns « Date prévue » and « Date effective »: the meeting took place on the effective date; three were moved (30/01 instead of 23/01, 01/04 instead of 25/03, 12/06 instead of 05/06), so their planned date is not a meeting",
            "one effective cell typed « annulée » (the March employment group, held instead on 19/06 on a row of its own) and one left empty (« à reprogrammer en 2026 »): neither is a meeting, 9 meetings for 11 rows",
            "start and end hours as real Excel time cells (« 14:00 », « 16:30 ») in two columns « Début » and « Fin »",
            "groups written « GT Jeunes », « GT Participation-citoyenneté »; the places are in a « Lieu » column",
        ],
    )


def structure_and_category_in_one_cell(out: Path) -> tuple[str, dict]:
    """An ERAH nurse manager's attendance of the crisis group: « Structure (qualité) », counts shown « 2 pers. »."""
    name = "GT crise 01-04-2025 presences.xlsx"
    day = weekday(dt.date(2025, 4, 1))
    rows = [
        ("CH Jury – ERAH (pro)", 2, "animation", "ch-jury-erah", PRO),
        ("CH Jury – CMP 1 (pro)", 1, "", "ch-jury-cmp-1", PRO),
        ("CH Jury – EMPP (pro)", 1, "", "ch-jury-empp", PRO),
        ("Hôpital de Mercy – urgences (pro)", 1, "", "hopital-mercy", PRO),
        ("Ville de Metz (élue)", 1, "adjointe santé", "ville-metz", ELU),
        ("Ville de Metz (pro)", 1, "", "ville-metz", PRO),
        ("UNAFAM 57 (famille)", 2, "", "unafam-moselle", AID),
        ("GEM Camille Claudel (adhérents)", 2, "", "gem-camille-claudel", USA),
        ("GEM Camille Claudel (animatrice)", 1, "", "gem-camille-claudel", PRO),
        ("Préfecture de la Moselle (pro)", 1, "", "prefecture-moselle", PRO),
        ("Médecins du Monde (bénévole)", 1, "", "medecins-du-monde-metz", BEN),
        ("CMSEA – Service en Amont (pro)", 1, "", "service-en-amont", PRO),
        ("Éducation nationale (pro)", 0, "excusée", "education-nationale", PRO),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences"
    ws["A1"] = (
        "Groupe projets « situations de crise » – réunion du mardi 1er avril 2025, 14h, CH Jury (salle du conseil)"
    )
    ws["A1"].font = BOLD
    header_row(ws, 3, ["Structure (qualité)", "Présents", "Remarque"], background=fill("E2EFDA"))
    attendance = []
    for offset, (written, count, remark, sid, role) in enumerate(rows, start=4):
        ws.cell(row=offset, column=1, value=written)
        cell = ws.cell(row=offset, column=2, value=count)
        cell.number_format = '0" pers."'
        cell.alignment = Alignment(horizontal="right")
        ws.cell(row=offset, column=3, value=remark or None)
        attendance.append(("groupe-situations-crise", day, sid, role, count))
    widths(ws, {"A": 40, "B": 11, "C": 20})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows([("groupe-situations-crise", day)], attendance),
        [
            "structure and category in ONE cell, the category in brackets at the end: « Ville de Metz (élue) », « UNAFAM 57 (famille) », « GEM Camille Claudel (adhérents) » / « (animatrice) », « CH Jury – EMPP (pro) »",
            'the counts are plain numbers shown « 2 pers. » by a custom number format (0" pers."); the Éducation nationale has 0 (« 0 pers. », excusée): no attendance',
            "services written after a dash (« CH Jury – ERAH », « CH Jury – CMP 1 », « CMSEA – Service en Amont »); the Ville de Metz and the GEM Camille Claudel on two lines each (two categories)",
            "the meeting (groupe situations de crise, mardi 1er avril 2025) is only in the title line and the file name",
        ],
    )


def prenumbered_total_on_top(out: Path) -> tuple[str, dict]:
    """The deputy mayor's secretary's sign-in template of the 2026 plenary: rows numbered 1-30, TOTAL on top."""
    name = "Emargement_AP_CLSM_18-06-2026.xlsx"
    day = weekday(dt.date(2026, 6, 18))
    rows = [
        ("Ville de Metz", "Élu", 3, "ville-metz", ELU),
        ("Ville de Metz", "Professionnel", 2, "ville-metz", PRO),
        ("Eurométropole de Metz", "Élu", 1, "eurometropole-metz", ELU),
        ("Centre hospitalier de Jury", "Professionnel", 4, "ch-jury", PRO),
        ("ARS Grand Est", "Professionnel", 1, "ars-grand-est", PRO),
        ("Département de la Moselle", "Professionnel", 2, "departement-moselle", PRO),
        ("UNAFAM Moselle", "Aidant", 3, "unafam-moselle", AID),
        ("GEM L'Albatros", "Usager", 4, "gem-albatros", USA),
        ("GEM Camille Claudel", "Usager", 3, "gem-camille-claudel", USA),
        ("Maison des adolescents", "Professionnel", 2, "mda-moselle", PRO),
        ("Mission locale du Pays Messin", "Professionnel", 1, "mission-locale-pays-messin", PRO),
        ("CMSEA", "Professionnel", 2, "cmsea", PRO),
        ("AMLI", "Professionnel", 1, "amli", PRO),
        ("Adoma", "Professionnel", 1, "adoma", PRO),
        ("Carrefour des solidarités", "Bénévole", 2, "carrefour-solidarites", BEN),
        ("RESAM", "Bénévole", 1, "resam", BEN),
        ("Médecins du Monde", "Professionnel", 1, "medecins-du-monde-metz", PRO),
        ("IREPS", "Professionnel", 1, "ireps-lorraine", PRO),
        ("CMPP PEP 57", "Professionnel", 1, "cmpp-pep57", PRO),
    ]  # fmt: skip
    slots = 30
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences"
    ws["A1"] = "Assemblée plénière du CLSM – jeudi 18 juin 2026 – 9h00 – Hôtel de Ville, salon de Guise"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = "Une ligne par structure et par qualité (Professionnel, Élu, Usager, Aidant, Bénévole)"
    ws["A2"].font = Font(italic=True, color="808080")
    header_row(ws, 4, ["N°", "Structure", "Qualité", "Nombre"], background=fill("FCE4D6"))
    first, last = 6, 5 + slots
    ws.cell(row=5, column=2, value="TOTAL").font = BOLD
    ws.cell(row=5, column=4, value=f"=SUM(D{first}:D{last})").font = BOLD
    for col in range(1, 5):
        ws.cell(row=5, column=col).fill = fill("FFF2CC")
    attendance = []
    for number in range(1, slots + 1):
        row = first + number - 1
        ws.cell(row=row, column=1, value=number).border = BOX
        for col in range(2, 5):
            ws.cell(row=row, column=col).border = BOX
        if number <= len(rows):
            written, quality, count, sid, role = rows[number - 1]
            ws.cell(row=row, column=2, value=written)
            ws.cell(row=row, column=3, value=quality)
            ws.cell(row=row, column=4, value=count)
            attendance.append(("pleniere", day, sid, role, count))
    ws.freeze_panes = "A6"
    widths(ws, {"A": 5, "B": 34, "C": 16, "D": 10})
    save_with_cached_values(wb, out / name, {ws.title: {"D5": sum(row[2] for row in rows)}})
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows([("pleniere", day)], attendance),
        [
            "a template prepared before the meeting: the « N° » column is numbered 1 to 30 with borders on every line; only 19 lines are filled, lines 20-30 hold just their number",
            "the TOTAL row is ON TOP, right under the header (row 5, a SUM formula over rows 6-35 with its cached value 36), so it stays visible while typing; it is not a structure",
            "the meeting (assemblée plénière, jeudi 18 juin 2026) is only in the title line; an explanation line in grey italics under it",
            "« Qualité » in full words; the Ville de Metz on two lines (élus and professionnels)",
        ],
    )


def emoji_statuses(out: Path) -> tuple[str, dict]:
    """The coordinator's status board of the 2022 programme in a workbook shared on Teams: emoji statuses."""
    name = "Tableau de bord actions CLSM (Teams).xlsx"
    d = dt.date
    emoji = {"réalisée": "✅ Réalisée", "mise en œuvre": "🔄 En cours", "conception": "🛠️ En préparation",
             "idée": "💡 Idée", "reportée": "⏸️ Reportée", "abandonnée": "❌ Abandonnée"}  # fmt: skip
    rows = [
        ("p22-01", "Module de sensibilisation à distance", "GT formation", "réalisée", d(2025, 12, 9),
         "en ligne sur la plateforme"),
        ("p22-02", "Sensibilisations jeunes / enfants / précarité", "GT formation", "mise en œuvre", d(2025, 11, 18),
         ""),
        ("p22-03", "Promotion des PSSM", "GT formation", "mise en œuvre", d(2025, 10, 7), "4 sessions en 2025"),
        ("p22-04", "Mise à jour des outils de coordination", "Coordination", "mise en œuvre", d(2025, 9, 16), ""),
        ("p22-05", "SISM", "Coordination", "réalisée", d(2025, 10, 21), "édition 2025 terminée"),
        ("p22-06", "Guide santé mentale grand public", "GT inclusion", "reportée", d(2025, 6, 24), "budget 2026"),
        ("p22-07", "Documentaire GEM", "GT inclusion", "réalisée", d(2025, 5, 20), "projection le 20/05"),
        ("p22-08", "Accès au théâtre (Espace Koltès)", "GT culture-loisirs", "mise en œuvre", d(2025, 9, 30), ""),
        ("p22-09", "Cartographie culture / loisirs", "GT culture-loisirs", "conception", d(2025, 11, 20), ""),
        ("p22-10", "Cartographie emploi / formation", "GT emploi-formation", "conception", d(2025, 6, 19), ""),
        ("p22-11", "Bilan des actions logement / bailleurs", "GT logement", "idée", d(2025, 10, 2), ""),
        ("p22-12", "Concertation logement élargie", "GT logement", "conception", d(2025, 10, 2), ""),
        ("p22-13", "Création de l'EMPP", "GT précarité", "réalisée", d(2025, 3, 11), "équipe en place"),
        ("p22-14", "Collaboration EMPP / acteurs locaux", "GT précarité", "mise en œuvre", d(2025, 9, 18), ""),
        ("p22-15", "Rencontre partenaires / CMP", "GT précarité", "réalisée", d(2025, 6, 26), ""),
        ("p22-16", "Cités éducatives Borny", "GT enfance-parentalité", "mise en œuvre", d(2025, 11, 25), ""),
        ("p22-17", "Réseau psypérinatalité", "GT enfance-parentalité", "conception", d(2025, 6, 12), ""),
        ("p22-18", "Podcasts de pères (PATH)", "GT enfance-parentalité", "abandonnée", d(2025, 9, 30),
         "pas de financement"),
        ("p22-19", "Collaborations avec la MDA", "GT jeunes", "mise en œuvre", d(2025, 5, 13), ""),
        ("p22-20", "Communication Stopblues", "GT jeunes", "mise en œuvre", d(2025, 4, 15), ""),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Suivi"
    ws["A1"] = "Programme d'actions 2022 – où en est-on ? (fichier partagé dans l'équipe Teams « CLSM Metz »)"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Action", "Groupe référent", "Statut", "Mis à jour le", "Commentaire"],
               background=fill("E4DFEC"))  # fmt: skip
    statuses = set()
    for offset, (action, title, group, status, day, comment) in enumerate(rows, start=4):
        for col, value in enumerate([title, group, emoji[status], day, comment or None], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=4).number_format = "DD/MM/YYYY"
        assert action in SEED_ACTIONS and status in STATUSES, (action, status)
        statuses.add((action, day, status))
    ws.auto_filter.ref = f"A3:E{3 + len(rows)}"
    widths(ws, {"A": 44, "B": 24, "C": 20, "D": 14, "E": 30})
    wb.save(out / name)
    return name, entry(
        ["action_status"],
        len(rows),
        {"action_status": len(statuses - SEED_ACTION_STATUSES)},
        [
            "statuses typed with an emoji in front, as in Teams / Planner habits: « ✅ Réalisée », « 🔄 En cours » (mise en œuvre), « 🛠️ En préparation » (conception), « 💡 Idée », « ⏸️ Reportée », « ❌ Abandonnée »",
            "each status is dated by its own « Mis à jour le » cell (a real date); actions by short everyday titles of the 2022 programme; « Groupe référent » is a working group, not a structure",
        ],
    )


def siret_and_map_coordinates(out: Path) -> tuple[str, dict]:
    """An intern's list of partners with a SIRET column (scientific notation) and map coordinates in one cell."""
    name = "partenaires_CLSM_siret_gps_2026.xlsx"
    # (name, acronym, SIRET or text, sector, address, commune, « lat, lon », member since, key)
    rows = [
        ("Centre hospitalier de Jury", "CHJ", 26570013100015, "Santé", "1 rue Maurice Barrès", "Jury",
         "49.10652, 6.24418", 2016, "ch-jury"),
        ("AMLI", "AMLI", 77561823800042, "Logement", "rue du Pont Rouge", "Metz", "49.12088, 6.19377", 2018,
         "amli"),
        ("Carrefour des solidarités", None, 44821735600027, "Social", "rue du Wad Billy", "Metz", "49.11452, 6.18391",
         2019, "carrefour-solidarites"),
        ("Centre communal d'action sociale de Metz", "CCAS", 26570095200013, "Social", "rue du Grand Cerf", "Metz",
         "49.11867, 6.17344", 2026, NEW),
        ("UDAF de la Moselle", "UDAF 57", 77562047500036, "Protection des majeurs", "rue Georges Ducrocq", "Metz",
         "49.10479, 6.16918", 2026, NEW),
        ("Metz Habitat Territoire", "MHT", 27570002700019, "Logement", "rue du Cambout", "Metz", "49.11803, 6.18083",
         2026, NEW),
        ("Croix-Rouge française – unité locale de Metz", None, 77567227209875, "Social", "rue Saint-Bernard", "Metz",
         "49.12301, 6.18813", 2026, NEW),
        ("SOS Amitié Metz-Lorraine", None, "en attente", "Écoute", None, "Metz", None, 2026, NEW),
        ("Maison de santé pluriprofessionnelle de Borny", "MSP Borny", 82914357100014, "Santé",
         "boulevard de Provence", "Metz", "49.10794, 6.22135", 2026, NEW),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Partenaires"
    header_row(ws, 1, ["Structure", "Sigle", "SIRET", "Secteur", "Adresse", "Commune", "Coordonnées GPS",
                       "Adhésion CLSM"], background=fill("D9E1F2"))  # fmt: skip
    for offset, (title, acronym, siret, sector, address, commune, point, since, _) in enumerate(rows, start=2):
        values = [title, acronym, siret, sector, address, commune, point, since]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=offset, column=col, value=value)
            if col == 3 and isinstance(value, int):
                cell.value = float(value)
                cell.number_format = "0.00E+00"
    ws.cell(row=len(rows) + 3, column=1, value="Coordonnées copiées depuis Google Maps (clic droit sur le lieu)")
    widths(ws, {"A": 46, "B": 10, "C": 11, "D": 22, "E": 24, "F": 10, "G": 20, "H": 13})
    wb.save(out / name)
    keys = [row[-1] for row in rows]
    return name, entry(
        ["structure"],
        len(rows),
        {"structure": count_new(keys, SEED_STRUCTURES)},
        [
            "a « SIRET » column of 14-digit numbers stored as numbers and shown in scientific notation (« 2.66E+13 »), one typed « en attente »: not a field of the structure",
            "latitude and longitude together in ONE text cell as Google Maps copies them: « 49.10652, 6.24418 » (decimal point, comma and space between); one structure without coordinates",
            "three rows are structures already in the seed (CH Jury, AMLI, Carrefour des solidarités); six are new",
        ],
    )


def relative_years_n(out: Path) -> tuple[str, dict]:
    """The CLS review template of sheet n°15: years headed « N-2 », « N-1 », « N », with N typed once."""
    name = "bilan_CLS_fiche15_annee_N.xlsx"
    year_n = 2025
    rows = [
        ("f15-proc-1", "Nombre d'actions réalisées par rapport au prévisionnel", [10, 12, 14], "sur 20 actions"),
        ("f15-proc-2", "Nombre et typologie des réunions organisées dans le cadre du CLSM", [28, 31, 33],
         "toutes instances"),
        ("f15-proc-3", "Nombre et typologie des acteurs représentés dans les instances du CLSM", [97, 104, 118],
         "personnes différentes"),
        ("f15-res-1", "Nombre de partenaires qui déclarent avoir développé des collaborations dans le cadre du CLSM",
         [None, 21, None], "questionnaire tous les deux ans"),
        ("f15-res-2", "Professionnels impliqués dans le CLSM qui déclarent mieux connaître l'offre et les besoins en "
         "matière de santé mentale de la population", [None, 36, None], "idem"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Bilan N"
    ws["A1"] = "Contrat local de santé 2022-2026 – fiche 15 « Coordination du CLSM » – bilan annuel"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = "Année N :"
    ws["A2"].font = BOLD
    ws["A2"].alignment = Alignment(horizontal="right")
    ws["B2"] = year_n
    ws["B2"].fill = fill("FFF2CC")
    header_row(ws, 4, ["Indicateur", "N-2", "N-1", "N", "Commentaire"], background=fill("E2EFDA"))
    values = 0
    for offset, (indicator, label, cells, comment) in enumerate(rows, start=5):
        ws.cell(row=offset, column=1, value=label).alignment = WRAP
        assert indicator in SEED_INDICATORS, indicator
        for col, (shift, value) in enumerate(zip((2, 1, 0), cells, strict=True), start=2):
            ws.cell(row=offset, column=col, value=value)
            if value is not None and (indicator, str(year_n - shift)) not in SEED_INDICATOR_VALUES:
                values += 1
        ws.cell(row=offset, column=5, value=comment)
    ws.cell(
        row=11, column=1, value="N = année du bilan (cellule B2) ; N-1 et N-2 : les deux années précédentes."
    ).font = Font(italic=True)
    widths(ws, {"A": 70, "B": 8, "C": 8, "D": 8, "E": 30})
    wb.save(out / name)
    return name, entry(
        ["indicator_value"],
        len(rows),
        {"indicator_value": values},
        [
            "the year columns are headed « N-2 », « N-1 », « N »: the years are relative; N is given once, in cell B2 (« Année N : 2025 »), so the columns are 2023, 2024, 2025",
            "the result indicators are measured every other year: only N-1 (2024) is filled for them; empty cells are not values",
            "indicator labels are the sheet's wordings without their final full stop; a « Commentaire » column and an explanation line under the table",
        ],
    )


def day_month_year_columns(out: Path) -> tuple[str, dict]:
    """An IREPS project officer's 2025 sessions: day, month (a word) and year in three columns, sums =12+9."""
    name = "IREPS_actions_sante_mentale_Metz_2025.xlsx"
    # (day, month, year, title, kind typed, place, participants: int or list of group sizes)
    rows = [
        (18, 3, 2025, "Sensibilisation en santé mentale – professionnels de l'animation", "Sensibilisation",
         "Centre social de Borny", [12, 9]),
        (8, 4, 2025, "Premiers secours en santé mentale – module standard", "Formation", "IREPS, Metz", 12),
        (20, 5, 2025, "Sensibilisation à la santé mentale des jeunes – conseillers de la Mission locale",
         "Sensibilisation", "Mission locale du Pays Messin", [8, 7, 10]),
        (17, 6, 2025, "Journée d'échanges « Santé mentale et précarité »", "Journée", "Arsenal", 64),
        (23, 9, 2025, "Compétences psychosociales : atelier pour les éducateurs", "Formation", "CMSEA", [10, 11]),
        (25, 11, 2025, "Sensibilisation des agents d'accueil du CCAS", "Sensibilisation", "CCAS de Metz", 15),
        (9, 12, 2025, "Webinaire « Repérer la souffrance psychique au travail »", "Sensibilisation", "en ligne", 38),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Actions 2025"
    ws["A1"] = "IREPS Grand Est – antenne de Moselle : actions santé mentale sur le territoire du CLSM de Metz"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Jour", "Mois", "Année", "Intitulé", "Type", "Lieu", "Participants"], background=fill("DEEAF6"))
    cached = {}
    for offset, (day, month, year, title, kind, place, people) in enumerate(rows, start=4):
        weekday(dt.date(year, month, day))
        values = [day, MONTHS[month - 1], year, title, kind, place]
        for col, value in enumerate(values, start=1):
            ws.cell(row=offset, column=col, value=value)
        cell = ws.cell(row=offset, column=7)
        if isinstance(people, list):
            cell.value = "=" + "+".join(str(n) for n in people)
            cached[f"G{offset}"] = sum(people)
        else:
            cell.value = people
    ws.cell(
        row=5 + len(rows),
        column=1,
        value="Participants : groupes additionnés quand l'action a eu lieu en plusieurs groupes.",
    )
    widths(ws, {"A": 6, "B": 11, "C": 7, "D": 66, "E": 16, "F": 30, "G": 12})
    save_with_cached_values(wb, out / name, {ws.title: cached})
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            "the date is split over three columns « Jour » (a number), « Mois » (a word: « mars », « décembre ») and « Année »",
            "for the actions held in several groups, « Participants » is a formula of constants (=12+9, =8+7+10, =10+11) saved with its cached value (21, 25, 21)",
            "kinds typed « Sensibilisation », « Formation », « Journée »; one webinar held « en ligne »",
        ],
    )


def opening_hours_by_weekday(out: Path) -> tuple[str, dict]:
    """The coordinator's « where to go » directory with the opening hours spread over weekday columns."""
    name = "annuaire_ressources_horaires_2026.xlsx"
    days = ["Lun.", "Mar.", "Mer.", "Jeu.", "Ven.", "Sam."]
    # (resource, structure, public, hours per day, access, key)
    rows = [
        ("Écout'Émoi", "Maison des adolescents de Moselle", "12-25 ans et leurs parents",
         ["13h-18h", "13h-18h", "10h-18h", "13h-18h", "13h-17h", "fermé"], "gratuit, sur RDV ou sans RDV",
         "ecout-emoi"),
        ("Consultations gratuites de psychologues 16-25 ans", "Mission locale du Pays Messin", "16-25 ans",
         ["sur RDV", "sur RDV", "fermé", "sur RDV", "sur RDV", "fermé"], "par le conseiller",
         "consultations-psy-mission-locale"),
        ("Maison départementale des droits de l'enfant", "École des parents et des éducateurs", "enfants, jeunes, familles",
         ["9h-12h / 14h-17h", "9h-12h / 14h-17h", "9h-12h", "9h-12h / 14h-17h", "9h-12h", "fermé"],
         "accueil libre", "maison-droits-enfant"),
        ("Accueil sans rendez-vous du CMP adultes", "CH Jury – CMP 1", "adultes",
         ["9h-12h", "fermé", "9h-12h", "fermé", "9h-12h", "fermé"], "gratuit", NEW),
        ("Consultation jeunes consommateurs", "CSAPA Les Wads", "jeunes et entourage",
         ["fermé", "14h-19h", "14h-19h", "fermé", "10h-13h", "fermé"], "gratuit, anonyme", NEW),
        ("Accueil du GEM L'Albatros", "GEM L'Albatros", "adultes concernés par les troubles psychiques",
         ["14h-18h", "14h-18h", "fermé", "14h-18h", "14h-18h", "10h-16h (1 sur 2)"], "adhésion 10 € / an", NEW),
        ("Accueil du GEM Camille Claudel", "GEM Camille Claudel", "adultes",
         ["13h30-17h30", "13h30-17h30", "13h30-17h30", "fermé", "13h30-17h30", "fermé"], "adhésion", NEW),
        ("Permanence d'accueil des familles", "UNAFAM Moselle", "familles et proches",
         ["fermé", "fermé", "14h-17h", "fermé", "fermé", "10h-12h (1er du mois)"], "gratuit", NEW),
        ("Accueil de jour", "Carrefour des solidarités", "personnes sans domicile",
         ["8h30-12h", "8h30-12h", "8h30-12h", "8h30-12h", "8h30-12h", "fermé"], "sans condition", NEW),
        ("Permanence de l'équipe mobile psychiatrie précarité", "CH Jury – EMPP", "personnes en précarité, équipes",
         ["fermé", "9h-12h", "fermé", "14h-17h", "fermé", "fermé"], "sans RDV", NEW),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Où s'adresser"
    ws["A1"] = "Ressources en santé mentale à Metz – horaires d'accueil (vérifiés en janvier 2026)"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Ressource", "Structure", "Public", *days, "Accès"], background=fill("FCE4D6"))
    for col in range(4, 4 + len(days)):
        ws.cell(row=3, column=col).alignment = CENTER
    for offset, (title, structure, public, hours, access, _) in enumerate(rows, start=4):
        ws.cell(row=offset, column=1, value=title).alignment = WRAP
        ws.cell(row=offset, column=2, value=structure)
        ws.cell(row=offset, column=3, value=public)
        for col, value in enumerate(hours, start=4):
            cell = ws.cell(row=offset, column=col, value=value)
            cell.alignment = CENTER
            if value == "fermé":
                cell.font = Font(color="A6A6A6")
        ws.cell(row=offset, column=4 + len(days), value=access)
    widths(ws, {"A": 40, "B": 30, "C": 26, "D": 12, "E": 12, "F": 12, "G": 12, "H": 12, "I": 14, "J": 24})
    wb.save(out / name)
    keys = [row[-1] for row in rows]
    return name, entry(
        ["resource"],
        len(rows),
        {"resource": count_new(keys, SEED_RESOURCES)},
        [
            "opening hours spread over six weekday columns « Lun. » … « Sam. », one cell per day (« 9h-12h / 14h-17h », « sur RDV », « fermé » in grey, « 10h-12h (1er du mois) »): one entry per row, the hours are one field",
            "three entries are already in the seed's directory (Écout'Émoi, the Mission locale's free consultations, the Maison départementale des droits de l'enfant, typed shorter); seven are new",
        ],
    )


def vlookup_structure_codes(out: Path) -> tuple[str, dict]:
    """The coordinator's « who does what »: structures typed as codes, their names fetched by a VLOOKUP."""
    name = "qui_fait_quoi_actions_CLSM_2026.xlsx"
    codes = {
        "ADOMA": ("Adoma", "adoma"), "ARS": ("ARS Grand Est", "ars-grand-est"),
        "CAPE": ("Cap emploi", "cap-emploi"), "CARR": ("Carrefour des solidarités", "carrefour-solidarites"),
        "CD57": ("Département de la Moselle", "departement-moselle"), "CHJ": ("CH de Jury", "ch-jury"),
        "CPJ": ("Centre Pierre Janet", "centre-pierre-janet"), "CRP": ("CRP Metz (EPNAK)", "epnak-crp-metz"),
        "EMM": ("Eurométropole de Metz", "eurometropole-metz"), "EMPP": ("EMPP (CH Jury)", "ch-jury-empp"),
        "EN": ("Éducation nationale", "education-nationale"), "GEMA": ("GEM L'Albatros", "gem-albatros"),
        "GEMCC": ("GEM Camille Claudel", "gem-camille-claudel"), "INSERM": ("Inserm", "inserm"),
        "MDA": ("Maison des adolescents", "mda-moselle"), "MDM": ("Médecins du Monde", "medecins-du-monde-metz"),
        "ML": ("Mission locale du Pays Messin", "mission-locale-pays-messin"), "PSSM": ("PSSM France", "pssm-france"),
        "SUMPPS": ("SUMPPS", "sumpps"), "UNAF": ("UNAFAM 57", "unafam-moselle"), "VDM": ("Ville de Metz", "ville-metz"),
        "MGEN": ("MGEN", "mgen"),
    }  # fmt: skip
    actions = {
        "Coordination du CLSM (fiche 15)": "fiche-15", "Poursuite des SISM": "p22-05",
        "Promotion des PSSM": "p22-03", "Collaboration EMPP / acteurs locaux": "p22-14",
        "Collaborations avec la MDA": "p22-19", "Communication Stopblues": "p22-20",
        "Cartographie emploi / formation": "p22-10",
    }  # fmt: skip
    links = [
        ("Coordination du CLSM (fiche 15)", "CHJ", "porteur"),
        ("Coordination du CLSM (fiche 15)", "VDM", "financeur"),
        ("Coordination du CLSM (fiche 15)", "ARS", "financeur"),
        ("Coordination du CLSM (fiche 15)", "EMM", "partenaire"),
        ("Coordination du CLSM (fiche 15)", "CD57", "partenaire"),
        ("Poursuite des SISM", "VDM", "financeur"),
        ("Poursuite des SISM", "GEMA", "partenaire"),
        ("Poursuite des SISM", "GEMCC", "partenaire"),
        ("Poursuite des SISM", "UNAF", "partenaire"),
        ("Promotion des PSSM", "CPJ", "partenaire principal"),
        ("Promotion des PSSM", "SUMPPS", "partenaire"),
        ("Promotion des PSSM", "PSSM", "partenaire"),
        ("Collaboration EMPP / acteurs locaux", "EMPP", "porteur"),
        ("Collaboration EMPP / acteurs locaux", "CARR", "partenaire"),
        ("Collaboration EMPP / acteurs locaux", "MDM", "partenaire"),
        ("Collaboration EMPP / acteurs locaux", "ADOMA", "partenaire"),
        ("Collaborations avec la MDA", "MDA", "partenaire"),
        ("Collaborations avec la MDA", "ML", "partenaire"),
        ("Collaborations avec la MDA", "EN", "partenaire"),
        ("Communication Stopblues", "INSERM", "partenaire"),
        ("Communication Stopblues", "VDM", "partenaire"),
        ("Communication Stopblues", "SUMPPS", "partenaire"),
        ("Cartographie emploi / formation", "CAPE", "partenaire"),
        ("Cartographie emploi / formation", "CRP", "partenaire"),
        ("Cartographie emploi / formation", "ML", "partenaire"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Qui fait quoi"
    ws["A1"] = "Qui fait quoi ? Structures impliquées dans les actions (taper le code, le nom s'affiche)"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Action", "Code", "Structure", "Rôle"], background=fill("DDEBF7"))
    found = set()
    cached: dict[str, str] = {}
    previous = None
    for offset, (action_title, code, role) in enumerate(links, start=4):
        ws.cell(row=offset, column=1, value=action_title if action_title != previous else None)
        previous = action_title
        ws.cell(row=offset, column=2, value=code)
        ws.cell(row=offset, column=3, value=f"=VLOOKUP(B{offset},Codes!$A$2:$B${len(codes) + 1},2,FALSE)")
        ws.cell(row=offset, column=3).font = Font(color="1F4E79")
        cached[f"C{offset}"] = codes[code][0]
        ws.cell(row=offset, column=4, value=role)
        action, sid = actions[action_title], codes[code][1]
        assert action in SEED_ACTIONS and sid in SEED_STRUCTURES, (action, sid)
        found.add((action, sid, role))
    widths(ws, {"A": 38, "B": 9, "C": 32, "D": 22})
    ws.freeze_panes = "A4"
    lookup = wb.create_sheet("Codes")
    header_row(lookup, 1, ["Code", "Structure"], background=fill("DDEBF7"))
    for offset, (code, (title, _)) in enumerate(sorted(codes.items()), start=2):
        lookup.cell(row=offset, column=1, value=code)
        lookup.cell(row=offset, column=2, value=title)
    widths(lookup, {"A": 9, "B": 34})
    save_with_cached_values(wb, out / name, {ws.title: cached})
    return name, entry(
        ["action_partner"],
        {"Qui fait quoi": len(links), "Codes": 0},
        {"action_partner": len(found - SEED_ACTION_PARTNERS)},
        [
            "the structure is typed as a short code (« CHJ », « VDM », « GEMA », « CPJ »); the « Structure » column is a formula =VLOOKUP(B4,Codes!$A$2:$B$23,2,FALSE) (« RECHERCHEV » in French Excel) saved with its cached text, as Excel does",
            "a second sheet « Codes » is the lookup list of 22 codes and names, all structures of the seed: no records (MGEN's code is not used)",
            "the action title is written only on the first line of its group, blank below; six of the 25 links are already in the seed (CH Jury porteur and Ville de Metz / ARS funders of sheet 15, MDA on its collaborations, Inserm and Ville de Metz on Stopblues)",
        ],
    )


def roman_numeral_plan(out: Path) -> tuple[str, dict]:
    """The coordinator's 2026 declension of the 2020 strategic plan: axes and actions numbered in Roman numerals."""
    name = "plan_strategique_CLSM_declinaison_2026.xlsx"
    # (number, title, pilot, status typed, deadline, key)
    rows = [
        ("I.1", "Semaines d'information sur la santé mentale (SISM)", "Coordination CLSM", "en cours", "chaque octobre",
         "s20-sism"),
        ("I.2", "Logement et santé mentale", "GT logement", "en cours", "2026", "s20-logement"),
        ("I.3", "Forum « Santé mentale et emploi » avec les acteurs de l'insertion", "GT emploi-formation",
         "en préparation", "nov. 2026", NEW),
        ("II.1", "Cellule de concertation pour les situations complexes", "GT situations de crise", "en préparation",
         "juin 2026", NEW),
        ("II.2", "Protocole de liaison entre les CMP et les bailleurs sociaux", "GT logement", "idée", "2027", NEW),
        ("II.3", "Parcours des 16-25 ans : orientation entre MDA, Mission locale et CMP", "GT jeunes", "en cours",
         "déc. 2026", NEW),
        ("III.1", "Outils de coordination", "Coordination CLSM", "en cours", "continu", "s20-outils"),
        ("III.2", "Petits-déjeuners des partenaires (deux par an)", "Coordination CLSM", "en préparation", "2026", NEW),
        ("III.3", "Formation commune des coordinateurs de parcours", "GT précarité", "idée", "2027", NEW),
    ]  # fmt: skip
    axes = {"I": "Inclusion dans la cité", "II": "Amélioration des parcours", "III": "Coordination entre les acteurs"}
    wb = Workbook()
    ws = wb.active
    ws.title = "Déclinaison 2026"
    ws["A1"] = "Plan stratégique du CLSM (novembre 2020) – déclinaison opérationnelle 2026"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = "Axes : " + " ; ".join(f"{number} – {title}" for number, title in axes.items())
    ws["A2"].font = Font(italic=True)
    header_row(ws, 4, ["Axe", "N°", "Action", "Pilote", "Avancement", "Échéance"], background=fill("E2EFDA"))
    for offset, (number, title, pilot, status, deadline, _) in enumerate(rows, start=5):
        axis = number.split(".")[0]
        assert axis in axes, axis
        for col, value in enumerate([axis, number, title, pilot, status, deadline], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).alignment = Alignment(horizontal="center")
    widths(ws, {"A": 6, "B": 7, "C": 70, "D": 24, "E": 16, "F": 15})
    wb.save(out / name)
    keys = [row[-1] for row in rows]
    return name, entry(
        ["action"],
        len(rows),
        {"action": count_new(keys, SEED_ACTIONS)},
        [
            "axes numbered in Roman numerals (« I », « II », « III ») and actions numbered « axe.rang » (« II.3 »); the axes' titles are only in line 2 (« I – Inclusion dans la cité ; II – … »)",
            "the plan (plan stratégique du CLSM, nov. 2020) is only in the title line; three rows retype the plan's actions already in the seed (SISM, logement et santé mentale, outils de coordination), six are new",
            "« Avancement » in words (« en cours », « en préparation », « idée »); « Échéance » loose (« chaque octobre », « nov. 2026 », « continu »); « Pilote » is a working group, not a structure",
        ],
    )


def tab_separated_csv(out: Path) -> tuple[str, dict]:
    """A GEM volunteer's attendance of the culture group, saved by LibreOffice with a tab as separator."""
    name = "presences_groupe_culture_loisirs_2026.csv"
    instance = "groupe-culture-loisirs"
    rows = [
        ("15/01/2026", "Espace Bernard-Marie Koltès", "professionnel", 2, "espace-bernard-marie-koltes"),
        ("15/01/2026", "GEM L'Albatros", "usager", 3, "gem-albatros"),
        ("15/01/2026", "GEM L'Albatros", "professionnel", 1, "gem-albatros"),
        ("15/01/2026", "GEM Camille Claudel", "usager", 2, "gem-camille-claudel"),
        ("15/01/2026", "Ville de Metz", "professionnel", 1, "ville-metz"),
        ("15/01/2026", "UNAFAM Moselle", "aidant", 1, "unafam-moselle"),
        ("15/01/2026", "RESAM", "bénévole", 1, "resam"),
        ("15/01/2026", "ESAT Charivari", "professionnel", 1, "esat-charivari"),
        ("12/03/2026", "Espace Bernard-Marie Koltès", "professionnel", 1, "espace-bernard-marie-koltes"),
        ("12/03/2026", "GEM Camille Claudel", "usager", 4, "gem-camille-claudel"),
        ("12/03/2026", "GEM Camille Claudel", "professionnel", 1, "gem-camille-claudel"),
        ("12/03/2026", "GEM L'Albatros", "usager", 2, "gem-albatros"),
        ("12/03/2026", "Ville de Metz", "élu", 1, "ville-metz"),
        ("12/03/2026", "CH Jury", "professionnel", 1, "ch-jury"),
        ("12/03/2026", "Médecins du Monde", "bénévole", 1, "medecins-du-monde-metz"),
    ]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["Date", "Groupe", "Structure", "Catégorie", "Nombre"])
    meetings = set()
    attendance = []
    for day_text, structure, role, count, sid in rows:
        writer.writerow([day_text, "Culture et loisirs", structure, role, count])
        day = weekday(dt.datetime.strptime(day_text, "%d/%m/%Y").date())
        meetings.add((instance, day))
        attendance.append((instance, day, sid, role, count))
    (out / name).write_text(buffer.getvalue(), encoding="utf-8")
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows(meetings, attendance),
        [
            "saved by LibreOffice « Texte CSV » with the TAB character as field separator (not « ; » nor « , »), UTF-8 without BOM, LF line ends, under a .csv name",
            "the group is written « Culture et loisirs » on every line (groupe projets culture/loisirs); two meetings (15/01 and 12/03/2026)",
        ],
    )


def sism_programme_filter_left_on(out: Path) -> tuple[str, dict]:
    """The SISM 2026 programme sent by a GEM volunteer with the autofilter still on: most rows are hidden."""
    name = "programme_SISM_2026_Metz.xlsx"
    kept = {"GEM L'Albatros", "GEM Camille Claudel"}
    events = [
        (dt.datetime(2026, 10, 5, 18, 30), "Soirée d'ouverture – conférence-débat", "Arsenal", "CLSM, Ville de Metz"),
        (dt.datetime(2026, 10, 6, 14, 0), "Après-midi portes ouvertes", "GEM L'Albatros", "GEM L'Albatros"),
        (dt.datetime(2026, 10, 7, 20, 0), "Ciné-débat", "Cinéma Klub", "UNAFAM Moselle"),
        (dt.datetime(2026, 10, 8, 10, 0), "Stand d'information au marché couvert", "Marché couvert", "CLSM"),
        (dt.datetime(2026, 10, 9, 14, 0), "Atelier d'écriture ouvert à tous", "GEM Camille Claudel",
         "GEM Camille Claudel"),
        (dt.datetime(2026, 10, 12, 14, 0), "Rencontre « Santé mentale et jeunes »", "Maison des adolescents",
         "Maison des adolescents"),
        (dt.datetime(2026, 10, 13, 18, 0), "Exposition des œuvres des adhérents (vernissage)", "Médiathèque Verlaine",
         "GEM L'Albatros"),
        (dt.datetime(2026, 10, 14, 9, 30), "Matinée des professionnels : repérer la crise suicidaire",
         "CH Jury", "CH Jury"),
        (dt.datetime(2026, 10, 16, 14, 0), "Balade et pique-nique solidaire", "Plan d'eau", "GEM Camille Claudel"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Programme"
    ws["A1"] = "SISM 2026 à Metz – programme des manifestations (du 5 au 18 octobre 2026)"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Date", "Heure", "Manifestation", "Lieu", "Organisateur", "Entrée"], background=fill("E4DFEC"))
    for offset, (moment, title, place, organiser) in enumerate(events, start=4):
        weekday(moment.date())
        values = [moment.date(), moment.time(), title, place, organiser, "libre"]
        for col, value in enumerate(values, start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
        ws.cell(row=offset, column=2).number_format = "hh:mm"
        if organiser not in kept:
            ws.row_dimensions[offset].hidden = True
    last = 3 + len(events)
    ws.auto_filter.ref = f"A3:F{last}"
    ws.auto_filter.add_filter_column(4, sorted(kept))
    widths(ws, {"A": 12, "B": 7, "C": 52, "D": 26, "E": 26, "F": 8})
    wb.save(out / name)
    hidden = sum(1 for *_, organiser in events if organiser not in kept)
    return name, entry(
        ["event"],
        len(events),
        {"event": count_new([NEW] * len(events), SEED_EVENTS)},
        [
            f"an autofilter left on by the sender (column « Organisateur » = the two GEMs): {hidden} of the {len(events)} rows are hidden by the filter but are still rows of the programme, every row is a SISM 2026 event",
            "date and hour in two columns, the hour as a real time cell; the kind (SISM) and the year are in the title line",
        ],
    )


# --------------------------------------------------------------------------------------------
# Harder files
# --------------------------------------------------------------------------------------------


def helloasso_ticketing(out: Path) -> tuple[str, dict]:
    """The UNAFAM's HelloAsso ticketing export of the 2025-2026 film-debate cycle (free tickets)."""
    name = "export-billetterie-cycle-cine-debats-sante-mentale-2025-2026.csv"
    sessions = {
        "A": ("Séance du 16/10/2025 – « Les Intranquilles »", dt.date(2025, 10, 16)),
        "B": ("Séance du 27/11/2025 – « Un divan à Tunis »", dt.date(2025, 11, 27)),
        "C": ("Séance du 22/01/2026 – « Une place pour Pierrot »", dt.date(2026, 1, 22)),
        "D": ("Séance du 19/03/2026 – « Mon fils »", dt.date(2026, 3, 19)),
    }
    # orders: (reference, datetime of order, status, [(session, how the person comes)...])
    profiles = ["Professionnel(le)", "Personne concernée", "Proche / famille", "Autre"]
    orders = []
    reference = 128460311
    # per session: the number of tickets of each order, and the orders that were cancelled or refunded
    plan = [
        ("A", [2, 1, 1, 3, 2, 1, 2, 1, 1, 2, 1, 1], {3: "Annulé"}),
        ("B", [1, 2, 1, 1, 2, 1, 1, 1], {5: "Remboursé"}),
        ("C", [2, 2, 1, 1, 3, 1, 1, 2, 1, 1, 2], {}),
        ("D", [1, 1, 2, 1, 1, 2, 1], {2: "Annulé", 6: "Annulé"}),
    ]
    for session, sizes, cancelled in plan:
        # bookings open about four weeks before the session, one order every day and a bit
        moment = dt.datetime.combine(sessions[session][1], dt.time(10, 4)) - dt.timedelta(days=27)
        for number, size in enumerate(sizes):
            moment += dt.timedelta(hours=31, minutes=17)
            reference += 137
            status = cancelled.get(number, "Validé")
            tickets = [(session, profiles[(number + k) % len(profiles)]) for k in range(size)]
            orders.append((reference, moment, status, tickets))
    header = [
        "Référence commande", "Date de la commande", "Statut de la commande", "Nom participant", "Prénom participant",
        "Nom payeur", "Prénom payeur", "Email payeur", "Raison sociale", "Moyen de paiement", "Billet",
        "Numéro de billet", "Montant tarif", "Code Promo", "Montant code promo",
        "Vous venez en tant que :", "Structure (facultatif)", "Attestation fiscale",
    ]  # fmt: skip
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    counts = {key: 0 for key in sessions}
    lines = 0
    ticket = 71304210
    for reference, when, status, tickets in orders:
        for session, profile in tickets:
            ticket += 1
            structure = "Ville de Metz" if profile == "Professionnel(le)" and ticket % 3 == 0 else ""
            writer.writerow([reference, when.strftime("%d/%m/%Y %H:%M:%S"), status, MASK, MASK, MASK, MASK, MASK,
                             "", "Gratuit", sessions[session][0], ticket, "0,00", "", "", profile, structure,
                             ""])  # fmt: skip
            lines += 1
            if status == "Validé":
                counts[session] += 1
    # a free donation added to one order is a line of its own, not a ticket
    writer.writerow([orders[4][0], orders[4][1].strftime("%d/%m/%Y %H:%M:%S"), "Validé", "", "", MASK, MASK, MASK, "",
                     "Carte bancaire", "Don", "", "10,00", "", "", "", "", "Oui"])  # fmt: skip
    lines += 1
    for day in (day for _, day in sessions.values()):
        weekday(day)
    (out / name).write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    participants = ", ".join(f"{counts[key]}" for key in sessions)
    return name, entry(
        ["event"],
        lines,
        {"event": count_new([NEW] * len(sessions), SEED_EVENTS)},
        [
            "[harder] a HelloAsso ticketing export (« ; », UTF-8 with BOM, CRLF): one line per TICKET, not per event; the platform's columns (order reference, order date, order status, participant and payer names masked, payment, « Billet », ticket number, amounts « 0,00 ») then the form's questions",
            "the four events (film debates of 16/10/2025, 27/11/2025, 22/01/2026, 19/03/2026) are only the « Billet » labels (« Séance du 16/10/2025 – « Les Intranquilles » »); the cycle and the organiser are only in the file name",
            f"participants = the tickets of orders « Validé » per session ({participants}); « Annulé » and « Remboursé » orders are not participants; an order may hold several tickets (same reference)",
            "one line is a 10 € donation (« Billet » = « Don », card payment), not a ticket; the order date is the booking time, not the event date; « Vous venez en tant que : » is not attendance (events have no attendance by category)",
        ],
    )


def garbled_encoding_csv(out: Path) -> tuple[str, dict]:
    """The housing group's 2025 attendance CSV after a wrong encoding round trip: « RÃ©sidence », « Ã‰lu »."""
    name = "presences_GT_logement_2025.csv"
    instance = "groupe-logement"
    rows = [
        ("13/02/2025", "AMLI", "Professionnel", 2, "amli", PRO),
        ("13/02/2025", "Adoma – pension de famille", "Professionnel", 1, "adoma-pension-famille", PRO),
        ("13/02/2025", "Résidence accueil du Ban-Saint-Martin", "Professionnel", 1,
         "residence-accueil-ban-saint-martin", PRO),
        ("13/02/2025", "Équipe réseau (ERAH) – CH Jury", "Professionnel", 2, "ch-jury-erah", PRO),
        ("13/02/2025", "UNAFAM Moselle", "Aidant", 1, "unafam-moselle", AID),
        ("13/02/2025", "GEM L’Albatros", "Usager", 2, "gem-albatros", USA),
        ("13/02/2025", "Ville de Metz", "Élu", 1, "ville-metz", ELU),
        ("22/05/2025", "AMLI", "Professionnel", 1, "amli", PRO),
        ("22/05/2025", "ARELOR", "Professionnel", 1, "arelor", PRO),
        ("22/05/2025", "Adoma", "Professionnel", 2, "adoma", PRO),
        ("22/05/2025", "Équipe réseau (ERAH) – CH Jury", "Professionnel", 1, "ch-jury-erah", PRO),
        ("22/05/2025", "Carrefour des solidarités", "Bénévole", 1, "carrefour-solidarites", BEN),
        ("22/05/2025", "GEM Camille Claudel", "Usager", 3, "gem-camille-claudel", USA),
        ("25/09/2025", "AMLI", "Professionnel", 2, "amli", PRO),
        ("25/09/2025", "Résidence accueil du Ban-Saint-Martin", "Professionnel", 1,
         "residence-accueil-ban-saint-martin", PRO),
        ("25/09/2025", "Département de la Moselle – cohésion sociale", "Professionnel", 1, "departement-moselle",
         PRO),
        ("25/09/2025", "UNAFAM Moselle", "Aidant", 2, "unafam-moselle", AID),
        ("25/09/2025", "Équipe diocésaine", "Bénévole", 1, "equipe-diocesaine", BEN),
        ("25/09/2025", "Ville de Metz", "Élu", 1, "ville-metz", ELU),
    ]  # fmt: skip
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Date réunion", "Structure", "Catégorie", "Nombre", "Lieu"])
    places = {"13/02/2025": "AMLI", "22/05/2025": "Adoma – résidence sociale", "25/09/2025": "Hôtel de ville"}
    meetings = set()
    attendance = []
    for day_text, structure, role, count, sid, role_id in rows:
        writer.writerow([day_text, structure, role, count, places[day_text]])
        day = weekday(dt.datetime.strptime(day_text, "%d/%m/%Y").date())
        meetings.add((instance, day))
        attendance.append((instance, day, sid, role_id, count))
    text = buffer.getvalue()
    garbled = text.encode("utf-8").decode("cp1252")  # raises if a byte has no cp1252 character
    (out / name).write_bytes(b"\xef\xbb\xbf" + garbled.encode("utf-8"))
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows(meetings, attendance),
        [
            "[harder] UTF-8 text read as Windows-1252 and saved again as « CSV UTF-8 » (with BOM): every accent is doubled into two characters: « CatÃ©gorie », « RÃ©sidence », « Ã‰lu », « BÃ©nÃ©vole », « â€“ » for the dash, « Lâ€™Albatros » for the typographic apostrophe: a human reads through it",
            "« ; » separators, CRLF; one line per meeting × structure × category with the date repeated; the instance (groupe projets logement) is only in the file name",
            "three meetings (13/02, 22/05, 25/09/2025) at three places (« Lieu »); « Équipe rÃ©seau (ERAH) â€“ CH Jury » is the ERAH service, « DÃ©partement de la Moselle â€“ cohÃ©sion sociale » the Département",
        ],
    )


def status_history_in_one_cell(out: Path) -> tuple[str, dict]:
    """The coordinator's follow-up of some actions: the history is a running note, one dated line per event."""
    name = "historique_actions_CLSM_notes.xlsx"
    # (action, short title, history lines (date text, text, status or None), current status typed)
    rows = [
        ("p22-06", "Guide santé mentale grand public", [
            ("14/02/2023", "idée retenue au COPIL", "idée"),
            ("10/10/2023", "devis imprimeur demandé", None),
            ("06/02/2024", "reporté, pas de budget cette année", "reportée"),
            ("11/02/2025", "relancé : en préparation avec l'UNAFAM", "conception"),
            ("03/02/2026", "maquette validée, en cours d'impression", "mise en œuvre"),
        ], "en cours"),
        ("p22-13", "Création de l'EMPP", [
            ("15/09/2022", "dossier ARS en préparation", "conception"),
            ("30/03/2023", "financement ARS obtenu", None),
            ("02/01/2024", "équipe recrutée, démarrage de l'activité (en cours)", "mise en œuvre"),
            ("11/03/2025", "terminé : EMPP pérenne, bilan présenté au COPIL", "réalisée"),
        ], "terminé"),
        ("p22-18", "Podcasts de témoignages de pères", [
            ("07/06/2022", "idée proposée par le CCOMS (programme PATH)", "idée"),
            ("14/11/2023", "contact avec France Bleu", None),
            ("30/09/2025", "abandonné faute de financement", "abandonnée"),
        ], "abandonné"),
        ("p22-10", "Cartographie emploi / formation", [
            ("21/11/2023", "en préparation : questionnaire aux structures", "conception"),
            ("19/06/2025", "questionnaire envoyé, 23 réponses", None),
            ("03/02/2026", "en cours, première version de la carte", "mise en œuvre"),
        ], "en cours"),
        ("p22-03", "Promotion des PSSM", [
            ("05/04/2022", "en cours (deux sessions par an au Centre Pierre Janet)", "mise en œuvre"),
            ("17/10/2024", "4 sessions en 2024, 48 secouristes", None),
        ], "en cours"),
        ("p22-16", "Cités éducatives Borny", [
            ("13/09/2022", "en préparation avec la Ville", "conception"),
            ("08/03/2024", "premières actions au collège, en cours", "mise en œuvre"),
            ("25/11/2025", "réunion de bilan avec l'Éducation nationale", None),
        ], "en cours"),
        ("p22-12", "Concertation logement élargie", [
            ("24/06/2025", "en préparation (GT logement)", "conception"),
            ("02/10/2025", "réunion élargie aux bailleurs", None),
        ], "en préparation"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Suivi"
    ws["A1"] = "Suivi des actions – notes de la coordination (une ligne par étape, la plus récente en bas)"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Action", "Historique", "Statut actuel"], background=fill("FFF2CC"))
    statuses = set()
    for offset, (action, title, history, current) in enumerate(rows, start=4):
        ws.cell(row=offset, column=1, value=title).alignment = WRAP
        text = "\n".join(f"{day} : {note}" for day, note, _ in history)
        ws.cell(row=offset, column=2, value=text).alignment = WRAP
        ws.cell(row=offset, column=3, value=current).alignment = WRAP
        ws.row_dimensions[offset].height = 15 * len(history) + 4
        assert action in SEED_ACTIONS, action
        for day, _, status in history:
            if status:
                assert status in STATUSES, status
                statuses.add((action, dt.datetime.strptime(day, "%d/%m/%Y").date(), status))
    widths(ws, {"A": 34, "B": 80, "C": 16})
    wb.save(out / name)
    return name, entry(
        ["action_status"],
        len(rows),
        {"action_status": len(statuses - SEED_ACTION_STATUSES)},
        [
            "[harder] one row per action; its whole history is ONE cell of dated lines (Alt+Entrée) « 06/02/2024 : reporté, pas de budget cette année »: each line that states a status is a dated status",
            "the status is a word inside the prose: « idée », « en préparation » (conception), « en cours » / « démarrage » (mise en œuvre), « terminé » (réalisée), « reporté », « abandonné »; lines without a status (« devis imprimeur demandé », « financement ARS obtenu », « 23 réponses ») are not statuses",
            "« Statut actuel » repeats the last status without a date: no extra row; 15 dated statuses for 7 actions of the 2022 programme named by short titles",
        ],
    )


def us_locale_csv(out: Path) -> tuple[str, dict]:
    """An intern's list of the 2026 groups' meetings, saved by an Excel set to English (United States)."""
    name = "GT_meetings_S1_2026.csv"
    rows = [
        ("Groupe projets jeunes", "groupe-jeunes", dt.date(2026, 1, 20), "2:00 PM", "Maison des adolescents", False,
         14),
        ("Groupe projets logement", "groupe-logement", dt.date(2026, 2, 5), "9:30 AM", "AMLI", True, 11),
        ("Groupe projets situations de crise", "groupe-situations-crise", dt.date(2026, 2, 17), "2:00 PM",
         "CH Jury", False, 12),
        ("Groupe projets enfance / parentalité", "groupe-enfance-parentalite", dt.date(2026, 3, 12), "2:00 PM",
         "CMP Winnicott", False, 9),
        ("Groupe projets emploi / formation", "groupe-emploi-formation", dt.date(2026, 3, 24), "9:30 AM",
         "CRP Metz", True, 8),
        ("Groupe projets culture / loisirs", "groupe-culture-loisirs", dt.date(2026, 4, 9), "2:00 PM",
         "Espace Bernard-Marie Koltès", False, 10),
        ("Groupe projets précarité", "groupe-precarite", dt.date(2026, 5, 19), "9:30 AM", "Carrefour des solidarités",
         False, 13),
        ("Groupe projets participation / citoyenneté", "groupe-participation-citoyennete", dt.date(2026, 6, 4),
         "2:00 PM", "GEM Camille Claudel", False, 15),
        ("Groupe projets jeunes", "groupe-jeunes", dt.date(2026, 6, 23), "2:00 PM", "Mission locale", True, 12),
    ]  # fmt: skip
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=",", lineterminator="\r\n")
    writer.writerow(["Date", "Heure", "Groupe", "Lieu", "Teams", "Nb participants", "Taux de présence"])
    keys = []
    for label, instance, day, hour, place, teams, people in rows:
        invited = 20
        writer.writerow([f"{day.month}/{day.day}/{day.year}", hour, label, place, "TRUE" if teams else "FALSE",
                         people, f"{people / invited:.2f}"])  # fmt: skip
        keys.append((instance, weekday(day)))
    (out / name).write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    both_ways = [day.strftime("%d/%m") for _, _, day, *_ in rows if day.day <= 12]
    return name, entry(
        ["meeting"],
        len(rows),
        {"meeting": new_meeting_rows(keys, [])["meeting"]},
        [
            "[harder] « CSV UTF-8 (Comma delimited) » from an Excel set to English (United States): dates month/day/year without leading zeros (« 1/20/2026 », « 3/24/2026 »), hours « 2:00 PM » / « 9:30 AM », booleans « TRUE » / « FALSE », decimal point (« 0.70 »)",
            f"{len(both_ways)} of the {len(rows)} dates read as a valid day/month too (« 2/5/2026 » is 5 February, not 2 May; « 3/12/2026 » is 12 March, not 3 December; « 6/4/2026 » is 4 June): only the other rows (« 1/20 », « 2/17 », « 3/24 », « 5/19 », « 6/23 ») show that the column is month first",
            "French headers typed by the intern (« Groupe », « Lieu », « Nb participants »); « Teams » TRUE = hybrid; « Taux de présence » is derived, not data; « Nb participants » is a head count, not attendance by structure",
        ],
    )


FILES = [
    planned_and_effective_dates,
    structure_and_category_in_one_cell,
    prenumbered_total_on_top,
    emoji_statuses,
    siret_and_map_coordinates,
    relative_years_n,
    day_month_year_columns,
    opening_hours_by_weekday,
    vlookup_structure_codes,
    roman_numeral_plan,
    tab_separated_csv,
    sism_programme_filter_left_on,
    helloasso_ticketing,
    garbled_encoding_csv,
    status_history_in_one_cell,
    us_locale_csv,
]


def main(argv: list[str] | None = None) -> int:
    """Write the sixteen files and manifest.json into OUTDIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_heldout16.py OUTDIR", file=sys.stderr)
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
