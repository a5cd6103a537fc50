"""Held-out set n°19: sixteen files that the council's PARTNERS type in their own ways and send to the coordinator.

Plain to moderately messy files, each with one or two habits of the partner who typed it, none of them
covered by sets n°17 and n°18: the GEM L'Albatros animator's list of the CLSM meetings its members came
to (the GEM itself named only in the file and sheet names, « - » for nobody and « x » for the animator),
the city health service's autumn 2025 agenda cut by month lines (« OCTOBRE 2025 ») with days typed
« mer. 8 », the CH Jury secretary's table of its staff at the COPILs of 2024-2025 (one column per COPIL
date, « P » / « E » / « A » codes and a legend under the table), the Maison des adolescents' pilot's
status point with one column per status ticked « X », UNAFAM's awareness sessions in a CSV whose dates
came out as « 13-mars-25 », an intern's indicator values by code (« F15-P2 ») with the codes explained on
a second sheet « Légende » and « n.c. » where nothing is known, RESAM's export of its agenda from its
web tool (snake_case headers, ISO « 2025-02-04T14:00:00 », « true » / « false », a « nb_inscrits » beside
the « nb_presents »), the GEM Camille Claudel's new address as a form (one field a line, « Actuellement »
beside « À compter du 1er septembre 2025 »), the Mission locale's resources under its own letterhead of
five lines, EPE Moselle's parenting events typed as in Word (« Date : 14/01/2025 » one field a cell, a
block a record), the housing group's attendance on the coordinator's template (an empty line and a grey
« exemple » line between the header and the data), the city's subsidies to the CLS actions with amounts
written « 5 000 € », a crisis group's attendance pasted from a pivot table (« Étiquettes de lignes »,
subtotals on the date lines, « Total général »), the Département's services with the sub-structures
indented under it and towns in capitals (« METZ CEDEX 1 »), a partners' meeting counted as a total with
« dont élus / dont usagers … » columns (the professionals are the rest), and a Teams attendance report
(UTF-16, tabs, three sections) to which the secretary added « Structure » and « Catégorie ».

No person's name, personal e-mail or individual phone number appears anywhere: names, e-mails, Teams
identifiers and phones are « [masqué] », attendance is counted per structure and role category only.
Every meeting, attendance count, event, status, partner link, subsidy, indicator value dated 2022-2026,
every new structure (centres médico-sociaux of the Département, its PMI antenna), new resource entry
and address is test content, not a fact of the council's documents; the only earlier facts, the two
values of 2021 in the intern's table (26 meetings, 90 participants), are the seed's own.

The expected counts are computed from the rows written, against the keys of a freshly built seed
database (the SEED_* sets below, copied from make_heldout18.py), so that the manifest and the files
cannot drift apart.

Usage: python make_heldout19.py OUTDIR  (writes the sixteen files and OUTDIR/manifest.json)
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


WEEKDAYS_SHORT = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
# the month abbreviations of a French Excel (format « jj-mmm-aa »)
MONTHS_SHORT = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
]  # fmt: skip
GREY_ITALIC = Font(italic=True, color="808080")


def euros(amount: int) -> str:
    """« 5 000 € » as a French spreadsheet user types it (narrow no-break space between thousands)."""
    return f"{amount:,}".replace(",", "\u202f") + "\u00a0€"


def teams_duration(seconds: int) -> str:
    """« 1 h 47 min 10 s », « 52 min 3 s », the way a French Teams attendance report writes a length."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = ([f"{hours} h"] if hours else []) + ([f"{minutes} min"] if minutes or hours else []) + [f"{secs} s"]
    return " ".join(parts)


# --------------------------------------------------------------------------------------------
# Meetings and attendance
# --------------------------------------------------------------------------------------------


def gem_members_at_clsm_meetings(out: Path) -> tuple[str, dict]:
    """The GEM L'Albatros animator's list of the CLSM meetings its members came to in 2025."""
    name = "GEM_Albatros_participation_reunions_CLSM_2025.xlsx"
    sid = "gem-albatros"
    d = dt.date
    # date, meeting as the GEM writes it, place, members (0 typed « - »), animator came, remark, instance
    rows = [
        (d(2025, 1, 21), "Groupe participation / citoyenneté", "GEM Camille Claudel", 4, True, None,
         "groupe-participation-citoyennete"),
        (d(2025, 2, 11), "Groupe précarité", "Carrefour des solidarités", 2, False, None, "groupe-precarite"),
        (d(2025, 3, 11), "COPIL du CLSM", "Hôtel de Ville", 1, False, "notre président", "copil"),
        (d(2025, 3, 18), "Groupe participation / citoyenneté", "chez nous", 3, True, None,
         "groupe-participation-citoyennete"),
        (d(2025, 6, 5), "Groupe culture / loisirs", "Espace Bernard Marie Koltès", 0, True,
         "adhérents en sortie ce jour-là", "groupe-culture-loisirs"),
        (d(2025, 6, 26), "Assemblée plénière", "Arsenal", 5, True, None, "pleniere"),
        (d(2025, 11, 6), "Groupe situations de crise", "CH Jury", 2, True, None, "groupe-situations-crise"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Albatros 2025"
    header_row(ws, 1, ["Date", "Réunion", "Lieu", "Adhérents", "Animatrice", "Remarques"],
               background=fill("FFE699"))  # fmt: skip
    meetings, attendance = set(), []
    for offset, (day, meeting, place, members, animator, remark, instance) in enumerate(rows, start=2):
        values = [weekday(day), meeting, place, members or "-", "x" if animator else None, remark]
        for col, value in enumerate(values, start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
        for col in (4, 5):
            ws.cell(row=offset, column=col).alignment = Alignment(horizontal="center")
        assert members or animator, day
        meetings.add((instance, day))
        attendance.append((instance, day, sid, USA, members))
        attendance.append((instance, day, sid, PRO, 1 if animator else 0))
    widths(ws, {"A": 12, "B": 36, "C": 30, "D": 11, "E": 11, "F": 30})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows(meetings, attendance),
        [
            "the structure is the SENDER, the GEM L'Albatros, named only in the file name and the sheet name « Albatros 2025 », never in the table: every count is the GEM's; « Adhérents » = usagers of the GEM, « Animatrice » = 1 professionnel of the GEM when ticked « x », none when empty",
            "« - » in « Adhérents » means nobody (05/06/2025: only the animatrice came, the remark says why); « notre président » (COPIL of 11/03/2025) is an adhérent: 1 usager; seven meetings of six instances named the GEM's way (« COPIL du CLSM », « Groupe participation / citoyenneté », « Assemblée plénière » …), « chez nous » = at the GEM",
        ],
    )


def hospital_staff_at_copils(out: Path) -> tuple[str, dict]:
    """The CH Jury director's secretary's table of the hospital's staff at the COPILs of 2024-2025."""
    name = "CH_Jury_participation_COPIL_2024-2025.xlsx"
    d = dt.date
    copils = [d(2024, 3, 12), d(2024, 10, 15), d(2025, 3, 11), d(2025, 11, 18)]
    # job, service, one code per COPIL (P présent, E excusé, A absent, — not yet in post)
    rows = [
        ("Directeur", "Direction générale", ["P", "E", "P", "P"]),
        ("Directrice adjointe aux affaires générales", "Direction des affaires générales", ["P", "P", "E", "P"]),
        ("Président de la CME", "Commission médicale d'établissement", ["E", "P", "P", "A"]),
        ("Coordonnateur du CLSM", "Coordination du CLSM", ["P", "P", "P", "P"]),
        ("Cadre supérieure de santé", "Direction des soins", ["P", "A", "P", "E"]),
        ("Chargée de communication", "Service communication", ["—", "P", "P", "P"]),
        ("Assistante de direction", "Direction générale", ["P", "P", "P", "P"]),
    ]
    legend = "P = présent(e) ; E = excusé(e) ; A = absent(e) ; — = pas encore en poste"
    wb = Workbook()
    ws = wb.active
    ws.title = "COPIL 2024-2025"
    header_row(ws, 1, ["Nom Prénom", "Fonction", "Service"], background=fill("DDEBF7"))
    for col, day in enumerate(copils, start=4):
        cell = ws.cell(row=1, column=col, value=weekday(day))
        cell.number_format = "DD/MM/YYYY"
        cell.font = BOLD
        cell.fill = fill("DDEBF7")
        cell.alignment = Alignment(horizontal="center")
    attendance = []
    for offset, (job, service, codes) in enumerate(rows, start=2):
        for col, value in enumerate([MASK, job, service, *codes], start=1):
            ws.cell(row=offset, column=col, value=value)
        for col, (day, code) in enumerate(zip(copils, codes, strict=True), start=4):
            ws.cell(row=offset, column=col).alignment = Alignment(horizontal="center")
            assert code in ("P", "E", "A", "—"), code
            attendance.append(("copil", day, "ch-jury", PRO, 1 if code == "P" else 0))
    legend_row = len(rows) + 3
    ws.cell(row=legend_row, column=1, value=legend).font = Font(italic=True)
    widths(ws, {"A": 14, "B": 44, "C": 36, "D": 12, "E": 12, "F": 12, "G": 12})
    wb.save(out / name)
    present = {day: sum(1 for *_, codes in rows if codes[i] == "P") for i, day in enumerate(copils)}
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows([("copil", day) for day in copils], attendance),
        [
            "one line per member of the CH Jury's staff (name « [masqué] », function, service of the hospital) and ONE COLUMN PER COPIL, the header cells being the COPILs' dates (12/03/2024, 15/10/2024, 11/03/2025, 18/11/2025); each cell a code explained by the legend under the table (row "
            f"{legend_row}): « P » présent, « E » excusé, « A » absent, « — » not yet in post",
            "the attendance of each COPIL is the number of « P » in its column, all professionnels of the Centre hospitalier de Jury ("
            + ", ".join(f"{day:%d/%m/%Y}: {count}" for day, count in present.items())
            + "); the « Service » column holds services inside the hospital, not structures of their own; the legend line is not a person",
        ],
    )


def housing_group_template_with_example(out: Path) -> tuple[str, dict]:
    """The coordinator's attendance template, filled by AMLI who hosted the January 2026 housing group."""
    name = "fiche_presence_groupe_logement_15-01-2026.xlsx"
    instance = "groupe-logement"
    day = weekday(dt.date(2026, 1, 15))
    rows = [
        ("AMLI", "professionnel", 2, "amli", PRO),
        ("ADOMA", "professionnel", 1, "adoma", PRO),
        ("Pension de famille ADOMA", "professionnel", 1, "adoma-pension-famille", PRO),
        ("ARELOR", "professionnel", 1, "arelor", PRO),
        ("CH Jury", "professionnel", 2, "ch-jury", PRO),
        ("ERAH (CH Jury)", "professionnel", 1, "ch-jury-erah", PRO),
        ("Résidence accueil du Ban-Saint-Martin", "professionnel", 1, "residence-accueil-ban-saint-martin", PRO),
        ("Ville de Metz", "élu", 1, "ville-metz", ELU),
        ("UNAFAM Moselle", "aidant", 1, "unafam-moselle", AID),
        ("GEM Camille Claudel", "usager", 2, "gem-camille-claudel", USA),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences"
    header_row(ws, 1, ["Date", "Groupe / instance", "Structure",
                       "Catégorie (professionnel, usager, aidant, élu, bénévole)", "Nombre de personnes"],
               background=fill("E2EFDA"))  # fmt: skip
    for col, value in enumerate(["exemple", "Groupe projets logement", "CH Jury", "professionnel", 2], start=1):
        ws.cell(row=3, column=col, value=value).font = GREY_ITALIC
    attendance = []
    for offset, (structure, category, count, sid, role) in enumerate(rows, start=4):
        for col, value in enumerate([day, "Groupe projets logement", structure, category, count], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
        attendance.append((instance, day, sid, role, count))
    widths(ws, {"A": 12, "B": 26, "C": 38, "D": 50, "E": 20})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows([(instance, day)], attendance),
        [
            "the coordinator's template returned filled: the header in row 1, row 2 left EMPTY, row 3 a grey italic « exemple » line (« exemple | Groupe projets logement | CH Jury | professionnel | 2 ») that is not data; the data start in row 4",
            "the example's values coincide with a real line (CH Jury, professionnel, 2 in row 8): that line counts, the example does not; one meeting of the groupe projets logement on Thursday 15/01/2026, ten attendance rows; « ERAH (CH Jury) » and « Pension de famille ADOMA » are the seed's sub-structures",
        ],
    )


def crisis_group_pivot_table(out: Path) -> tuple[str, dict]:
    """The CH Jury's quality officer's 2025 attendance of the crisis group, pasted from a pivot table."""
    name = "presences_groupe_situations_crise_2025_TCD.xlsx"
    instance = "groupe-situations-crise"
    d = dt.date
    categories = [AID, PRO, USA]
    meetings = {
        d(2025, 4, 3): [
            ("CH Jury", "ch-jury", {PRO: 3}),
            ("EMPP", "ch-jury-empp", {PRO: 1}),
            ("GEM Camille Claudel", "gem-camille-claudel", {USA: 1}),
            ("Hôpital de Mercy", "hopital-mercy", {PRO: 1}),
            ("Mission locale du Pays Messin", "mission-locale-pays-messin", {PRO: 1}),
            ("UNAFAM Moselle", "unafam-moselle", {AID: 2}),
        ],
        d(2025, 10, 2): [
            ("Carrefour des solidarités", "carrefour-solidarites", {PRO: 1}),
            ("CH Jury", "ch-jury", {PRO: 2}),
            ("EMAMS", "emams", {PRO: 1}),
            ("EMPP", "ch-jury-empp", {PRO: 2}),
            ("GEM L'Albatros", "gem-albatros", {USA: 2}),
            ("UNAFAM Moselle", "unafam-moselle", {AID: 1}),
        ],
    }
    wb = Workbook()
    ws = wb.active
    ws.title = "TCD"
    pale = fill("DDEBF7")
    ws["A1"], ws["B1"] = "Groupe", "Situations de crise"
    ws["A1"].font = BOLD
    ws["A3"], ws["B3"] = "Somme de Nombre", "Étiquettes de colonnes"
    header_row(ws, 4, ["Étiquettes de lignes", *categories, "Total général"], background=pale)
    for col in range(1, 3):
        ws.cell(row=3, column=col).fill = pale
        ws.cell(row=3, column=col).font = BOLD

    def write_counts(row: int, counts: dict[str, int], bold: bool) -> None:
        for col, category in enumerate(categories, start=2):
            ws.cell(row=row, column=col, value=counts.get(category) or None).font = Font(bold=bold)
        ws.cell(row=row, column=len(categories) + 2, value=sum(counts.values())).font = Font(bold=bold)

    row = 5
    attendance, lines, grand = [], 0, {}
    for day, structures in meetings.items():
        subtotal: dict[str, int] = {}
        for _, _, counts in structures:
            for category, count in counts.items():
                subtotal[category] = subtotal.get(category, 0) + count
        date_cell = ws.cell(row=row, column=1, value=weekday(day))
        date_cell.number_format = "DD/MM/YYYY"
        date_cell.font = BOLD
        date_cell.alignment = Alignment(horizontal="left")
        write_counts(row, subtotal, bold=True)
        row += 1
        for label, sid, counts in structures:
            ws.cell(row=row, column=1, value=label).alignment = Alignment(indent=1)
            write_counts(row, counts, bold=False)
            for category, count in counts.items():
                attendance.append((instance, day, sid, category, count))
            row += 1
            lines += 1
        for category, count in subtotal.items():
            grand[category] = grand.get(category, 0) + count
    total_row = row
    ws.cell(row=total_row, column=1, value="Total général").font = BOLD
    write_counts(total_row, grand, bold=True)
    for col in range(1, len(categories) + 3):
        ws.cell(row=total_row, column=col).fill = pale
    widths(ws, {"A": 34, "B": 24, "C": 13, "D": 9, "E": 13})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        lines,
        new_meeting_rows({(instance, day) for day in meetings}, attendance),
        [
            "a pivot table (« tableau croisé dynamique ») pasted as values: report filter « Groupe | Situations de crise » in row 1, « Somme de Nombre | Étiquettes de colonnes » in row 3, the header « Étiquettes de lignes | aidant | professionnel | usager | Total général » in row 4",
            f"compact layout: each meeting's DATE is a bold line carrying the meeting's subtotals (03/04/2025 and 02/10/2025), the structures are indented under it with their counts per category (empty = 0); the « Total général » column and the last « Total général » line (row {total_row}) are sums, not attendance; {lines} attendance rows for two meetings",
        ],
    )


def partners_meeting_total_and_of_which(out: Path) -> tuple[str, dict]:
    """The CMSEA's count of the partners' meeting it hosted in May 2025: a total and « dont … » columns."""
    name = "rencontre_partenaires_CMSEA_22-05-2025.xlsx"
    instance = "rencontre-partenaires"
    day = weekday(dt.date(2025, 5, 22))
    of_which = [ELU, USA, AID, BEN]
    # structure, sid, total, {role: count} for the « dont » columns; the rest are professionnels
    rows = [
        ("CMSEA", "cmsea", 4, {}),
        ("CSAPA les Wads", "csapa-les-wads", 2, {}),
        ("Service en Amont", "service-en-amont", 1, {}),
        ("Ville de Metz", "ville-metz", 2, {ELU: 1}),
        ("Carrefour des solidarités", "carrefour-solidarites", 3, {BEN: 2}),
        ("GEM Camille Claudel", "gem-camille-claudel", 3, {USA: 2}),
        ("UNAFAM Moselle", "unafam-moselle", 1, {AID: 1}),
        ("Médecins du Monde", "medecins-du-monde-metz", 2, {BEN: 1}),
        ("Mission locale du Pays Messin", "mission-locale-pays-messin", 1, {}),
        ("Équipe diocésaine", "equipe-diocesaine", 1, {BEN: 1}),
        ("RESAM", "resam", 1, {BEN: 1}),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Rencontre 22-05-2025"
    header_row(ws, 1, ["Date", "Réunion", "Structure", "Nombre de participants", "dont élus", "dont usagers",
                       "dont familles", "dont bénévoles"], background=fill("FCE4D6"))  # fmt: skip
    attendance = []
    for offset, (structure, sid, total, counts) in enumerate(rows, start=2):
        values = [day, "Rencontre entre partenaires", structure, total, *[counts.get(role) for role in of_which]]
        for col, value in enumerate(values, start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
        assert sum(counts.values()) <= total, structure
        for role, count in counts.items():
            attendance.append((instance, day, sid, role, count))
        attendance.append((instance, day, sid, PRO, total - sum(counts.values())))
    widths(ws, {"A": 12, "B": 28, "C": 32, "D": 22, "E": 10, "F": 12, "G": 12, "H": 14})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows([(instance, day)], attendance),
        [
            "a TOTAL per structure (« Nombre de participants ») followed by « dont élus », « dont usagers », « dont familles » (aidants), « dont bénévoles »: the « dont » counts are PART of the total, and the professionnels are the rest (Carrefour des solidarités « 3, dont bénévoles 2 » = 1 professionnel + 2 bénévoles; GEM Camille Claudel « 3, dont usagers 2 » = 1 professionnel + 2 usagers; UNAFAM « 1, dont familles 1 » = 1 aidant and no professionnel)",
            "empty « dont » cells are 0; one meeting, a « Rencontre entre partenaires » of Thursday 22/05/2025 hosted by the CMSEA",
        ],
    )


def teams_attendance_report(out: Path) -> tuple[str, dict]:
    """The Teams attendance report of a partners' information meeting, with Structure and Catégorie added by hand."""
    name = "meetingAttendanceReport_information_partenaires_20-05-2025.csv"
    instance = "information-partenaires"
    day = weekday(dt.date(2025, 5, 20))
    start = dt.datetime(2025, 5, 20, 13, 58, 12)
    end = dt.datetime(2025, 5, 20, 16, 2, 47)
    # role in Teams, structure, category, sid, role, connections as (minutes after start, minutes after start)
    people = [
        ("Organisateur", "CH Jury", "professionnel", "ch-jury", PRO, [(0, 124.58)]),
        ("Présentateur", "CH Jury", "professionnel", "ch-jury", PRO, [(1.5, 124.2)]),
        ("Participant", "Maison des adolescents", "professionnel", "mda-moselle", PRO, [(2.1, 121.0)]),
        ("Participant", "Mission locale du Pays Messin", "professionnel", "mission-locale-pays-messin", PRO,
         [(3.3, 47.9), (52.4, 118.6)]),
        ("Participant", "Mission locale du Pays Messin", "professionnel", "mission-locale-pays-messin", PRO,
         [(2.8, 95.0)]),
        ("Participant", "CMSEA", "professionnel", "cmsea", PRO, [(4.0, 123.9)]),
        ("Participant", "Carrefour des solidarités", "professionnel", "carrefour-solidarites", PRO, [(2.2, 110.4)]),
        ("Participant", "Carrefour des solidarités", "bénévole", "carrefour-solidarites", BEN, [(6.7, 110.4)]),
        ("Participant", "UNAFAM Moselle", "aidant", "unafam-moselle", AID, [(1.9, 30.2), (33.0, 124.0)]),
        ("Participant", "GEM Camille Claudel", "usager", "gem-camille-claudel", USA, [(5.5, 104.3)]),
        ("Participant", "Ville de Metz", "élu", "ville-metz", ELU, [(10.2, 61.0)]),
        ("Participant", "SUMPPS", "professionnel", "sumpps", PRO, [(2.4, 122.7)]),
    ]  # fmt: skip

    def at(minutes: float) -> dt.datetime:
        moment = start + dt.timedelta(seconds=round(minutes * 60))
        assert start <= moment <= end, minutes
        return moment

    def stamp(moment: dt.datetime) -> str:
        return moment.strftime("%d/%m/%Y %H:%M:%S")

    durations = [sum(round((b - a) * 60) for a, b in connections) for *_, connections in people]
    lines = [
        ["1. Résumé"],
        ["Titre de la réunion", "Réunion d'information des partenaires du CLSM"],
        ["Participants", str(len(people))],
        ["Heure de début", stamp(start)],
        ["Heure de fin", stamp(end)],
        ["Durée de la réunion", teams_duration(int((end - start).total_seconds()))],
        ["Durée moyenne de présence", teams_duration(sum(durations) // len(people))],
        [],
        ["2. Participants"],
        ["Nom", "Première participation", "Dernier départ", "Durée de la réunion", "E-mail",
         "ID du participant (UPN)", "Rôle", "Structure", "Catégorie"],
    ]  # fmt: skip
    attendance = []
    for (teams_role, structure, category, sid, role, connections), seconds in zip(people, durations, strict=True):
        first, last = at(connections[0][0]), at(connections[-1][1])
        lines.append([MASK, stamp(first), stamp(last), teams_duration(seconds), MASK, MASK, teams_role, structure,
                      category])  # fmt: skip
        attendance.append((instance, day, sid, role, 1))
    lines += [
        [],
        ["3. Activités de la réunion"],
        ["Nom", "Heure de participation", "Heure de départ", "Durée", "E-mail", "Rôle"],
    ]
    activities = 0
    for teams_role, *_, connections in people:
        for begin, finish in connections:
            seconds = round((finish - begin) * 60)
            lines.append([MASK, stamp(at(begin)), stamp(at(finish)), teams_duration(seconds), MASK, teams_role])
            activities += 1
    text = "".join("\t".join(line) + "\r\n" for line in lines)
    (out / name).write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    return name, entry(
        ["meeting", "attendance"],
        len(people),
        new_meeting_rows([(instance, day)], attendance),
        [
            "[harder] a Microsoft Teams attendance report as Teams downloads it: UTF-16 LE with BOM, TAB-separated, CRLF, « .csv » extension; three sections one under the other: « 1. Résumé » (title « Réunion d'information des partenaires du CLSM », start « 20/05/2025 13:58:12 » …), « 2. Participants » (one line per PERSON), « 3. Activités de la réunion » (one line per connection)",
            f"only section 2 counts, where the secretary added the columns « Structure » and « Catégorie »: {len(people)} persons = one each of their structure and category (CH Jury 2 professionnels, Mission locale 2, Carrefour des solidarités 1 professionnel + 1 bénévole …); section 3 lists {activities} connections because two persons reconnected: the same persons again, not more people; names, e-mails and UPN « [masqué] »; the « Rôle » (Organisateur / Présentateur / Participant) is Teams', not a role category",
            "the meeting is a Réunion d'information des partenaires of Tuesday 20/05/2025, held by video (visio)",
        ],
    )


# --------------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------------


def city_agenda_month_lines(out: Path) -> tuple[str, dict]:
    """The city's public health service's agenda of autumn 2025, cut by month lines, days typed « mer. 8 »."""
    name = "agenda_sante_mentale_Ville_de_Metz_automne_2025.xlsx"
    d = dt.date
    rows = [
        (d(2025, 9, 10), "10h-16h", "Journée mondiale de prévention du suicide : stand d'information",
         "Hôtel de Ville, hall d'accueil", "Ville de Metz / CLSM", "journée"),
        (d(2025, 9, 25), "18h30", "Conférence « Santé mentale et logement »", "Arsenal, salle de l'Esplanade",
         "CLSM", "conférence"),
        (d(2025, 10, 6), "18h", "Ouverture des SISM 2025 : table ronde « Réparons le lien social »",
         "Hôtel de Ville, grand salon", "Ville de Metz", "SISM"),
        (d(2025, 10, 8), "14h-17h", "Après-midi jeux ouvert à tous", "GEM Camille Claudel", "GEM Camille Claudel",
         "SISM"),
        (d(2025, 10, 10), "9h-17h", "Journée mondiale de la santé mentale : village des associations",
         "Place de la République", "CLSM", "SISM"),
        (d(2025, 10, 16), "20h", "Ciné-débat « Vivre avec »", "Cinéma Le Klub", "UNAFAM Moselle", "SISM"),
        (d(2025, 11, 18), "14h-16h", "Café santé mentale", "Centre social de la Patrotte", "CLSM / centre social",
         "rencontre"),
        (d(2025, 12, 4), "9h-12h", "Sensibilisation en santé mentale des agents d'accueil", "Hôtel de Ville", "CLSM",
         "sensibilisation"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Agenda"
    header = ["Jour", "Horaire", "Manifestation", "Lieu", "Organisateur", "Type"]
    header_row(ws, 1, header, background=fill("9BC2E6"))
    row, month, month_rows = 2, None, []
    for day, hours, title, place, organiser, kind in rows:
        if (day.year, day.month) != month:
            month = (day.year, day.month)
            cell = ws.cell(row=row, column=1, value=f"{MONTHS[day.month - 1].upper()} {day.year}")
            cell.font = Font(bold=True, color="FFFFFF")
            for col in range(1, len(header) + 1):
                ws.cell(row=row, column=col).fill = fill("2F75B5")
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(header))
            month_rows.append(row)
            row += 1
        typed = f"{WEEKDAYS_SHORT[weekday(day).weekday()]} {day.day}"
        for col, value in enumerate([typed, hours, title, place, organiser, kind], start=1):
            ws.cell(row=row, column=col, value=value)
        row += 1
    widths(ws, {"A": 10, "B": 10, "C": 64, "D": 32, "E": 24, "F": 15})
    wb.save(out / name)
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            f"the table is cut by MONTH LINES merged across the row, white on blue (« SEPTEMBRE 2025 », « OCTOBRE 2025 », « NOVEMBRE 2025 », « DÉCEMBRE 2025 » in rows {', '.join(map(str, month_rows))}): they are not events, they give the month and the year of the lines below them",
            "the « Jour » cells are text, an abbreviated weekday and the day only (« mer. 10 », « lun. 6 », « jeu. 4 »): the date is that day of the month line above (mer. 10 under SEPTEMBRE 2025 = 10/09/2025); eight events, four of them of the SISM 2025 (« Type » SISM)",
        ],
    )


def unafam_sessions_month_abbreviations(out: Path) -> tuple[str, dict]:
    """UNAFAM Moselle's awareness sessions 2025-2026, saved to CSV from a sheet whose dates were « jj-mmm-aa »."""
    name = "UNAFAM57_sensibilisations_2025-2026.csv"
    d = dt.date
    rows = [
        (d(2025, 3, 13), "Sensibilisation « Mieux comprendre les troubles psychiques »", "proches et aidants",
         "Maison des associations, Metz", 14),
        (d(2025, 5, 20), "Atelier d'entraide Prospect Famille", "familles", "UNAFAM, Metz", 9),
        (d(2025, 6, 12), "Sensibilisation des professionnels de l'aide à domicile", "aides à domicile",
         "Metz", 18),
        (d(2025, 9, 25), "Sensibilisation « Mieux comprendre les troubles psychiques »", "proches et aidants",
         "Maison des associations, Metz", 12),
        (d(2025, 11, 20), "Conférence « Frères et sœurs face aux troubles psychiques »", "grand public",
         "Arsenal, Metz", 41),
        (d(2026, 2, 5), "Sensibilisation « Mieux comprendre les troubles psychiques »", "proches et aidants",
         "Montigny-lès-Metz", 11),
    ]  # fmt: skip
    lines = [["Date", "Action", "Public", "Lieu", "Nb participants"]]
    typed = []
    for day, title, public, place, people in rows:
        text = f"{weekday(day).day:02d}-{MONTHS_SHORT[day.month - 1]}-{day.year % 100:02d}"
        typed.append(text)
        lines.append([text, title, public, place, people])
    write_csv(out / name, lines)
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            "the dates as a French Excel shows the format « jj-mmm-aa », saved as text into the CSV: « 13-mars-25 », « 20-mai-25 », « 05-févr.-26 » (day, abbreviated French month WITH its dot when abbreviated, two-digit year: 2025 and 2026)",
            "a « ; » CSV UTF-8 with BOM from UNAFAM Moselle; six awareness events (sessions, a Prospect workshop, a conference), three sharing the title « Sensibilisation « Mieux comprendre les troubles psychiques » » on different dates: six distinct events",
        ],
    )


def resam_tool_export(out: Path) -> tuple[str, dict]:
    """RESAM's agenda of 2025 exported from its web tool: technical headers, ISO datetimes, booleans."""
    name = "export_agenda_resam_2025.csv"
    t = dt.datetime
    rows = [
        (412, "Sensibilisation à la santé mentale des bénévoles – session 1", "formation", t(2025, 2, 4, 14, 0),
         t(2025, 2, 4, 17, 0), "RESAM, Metz", False, 18, 15),
        (427, "Webinaire « Santé mentale et bénévolat : repérer, écouter, orienter »", "webinaire",
         t(2025, 3, 20, 18, 0), t(2025, 3, 20, 20, 0), "", True, 46, 31),
        (455, "Sensibilisation à la santé mentale des bénévoles – session 2", "formation", t(2025, 6, 10, 9, 0),
         t(2025, 6, 10, 12, 0), "Carrefour des solidarités, Metz", False, 16, 14),
        (471, "Atelier « Prendre soin de soi quand on aide les autres »", "atelier", t(2025, 9, 23, 14, 0),
         t(2025, 9, 23, 16, 30), "RESAM, Metz", False, 12, 12),
        (489, "Sensibilisation à la santé mentale des bénévoles – session 3", "formation", t(2025, 11, 18, 14, 0),
         t(2025, 11, 18, 17, 0), "RESAM, Metz", False, 20, 17),
    ]  # fmt: skip
    lines = [["id", "titre", "type", "date_debut", "date_fin", "lieu", "en_ligne", "nb_inscrits", "nb_presents",
              "statut"]]  # fmt: skip
    for ident, title, kind, begin, finish, place, online, registered, present in rows:
        weekday(begin.date())
        assert present <= registered
        lines.append([ident, title, kind, begin.isoformat(), finish.isoformat(), place, str(online).lower(),
                      registered, present, "terminé"])  # fmt: skip
    write_csv(out / name, lines, delimiter=",", encoding="utf-8", quoting=csv.QUOTE_NONNUMERIC, line_end="\n")
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            "an export from the association's web tool: « , » separator, every text quoted, UTF-8 WITHOUT BOM, LF line ends; technical snake_case headers (« date_debut », « nb_inscrits », « nb_presents », « en_ligne »), an « id » column of the tool (not a count)",
            "datetimes in ISO form « 2025-02-04T14:00:00 » (the event's date is the day part; « date_fin » the same day), « en_ligne » « true » / « false » (the webinar was online: mode visio, no place); the number of participants is « nb_presents », not « nb_inscrits »; five events of 2025, all « terminé »",
        ],
    )


def parenting_events_word_blocks(out: Path) -> tuple[str, dict]:
    """EPE Moselle's 2025 parenting events, typed in a sheet as in Word: one block of « Label : value » lines each."""
    name = "EPE57_actions_parentalite_2025.xlsx"
    d = dt.date
    blocks = [
        ("Conférence « Écrans et sommeil des enfants »", d(2025, 1, 14), "Médiathèque Jean-Macé, Metz-Borny",
         "parents d'enfants de 3 à 11 ans", 34),
        ("Café des parents « Quand mon ado va mal »", d(2025, 3, 13), "Maison des adolescents, Metz",
         "parents d'adolescents", 12),
        ("Groupe d'échange « Soutenir son enfant pendant une séparation »", d(2025, 5, 15), "EPE Moselle, Metz",
         "parents séparés", 9),
        ("Conférence « L'anxiété des enfants : comprendre et rassurer » (SISM 2025)", d(2025, 10, 7),
         "Centre social de Borny", "parents et professionnels de l'enfance", 52),
        ("Atelier « Les émotions en famille »", d(2025, 12, 2), "Multi-accueil Les Marmousets, Metz",
         "parents de jeunes enfants", 11),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Feuil1"
    row = 1
    for title, day, place, public, people in blocks:
        ws.cell(row=row, column=1, value=title).font = BOLD
        for offset, text in enumerate(
            [f"Date : {weekday(day):%d/%m/%Y}", f"Lieu : {place}", f"Public : {public}", f"Participants : {people}"],
            start=1,
        ):
            ws.cell(row=row + offset, column=1, value=text)
        row += 6
    widths(ws, {"A": 80})
    wb.save(out / name)
    return name, entry(
        ["event"],
        len(blocks),
        {"event": count_new([NEW] * len(blocks), SEED_EVENTS)},
        [
            "typed as in a Word document, everything in column A: one BLOCK per event (a bold title line, then « Date : 14/01/2025 », « Lieu : … », « Public : … », « Participants : 34 », the label and the value in the same cell as text), an empty line between blocks",
            "five events of EPE Moselle in 2025 (conferences, a parents' café, an exchange group, a workshop); the title is the block's first line; the conference of 07/10/2025 is part of the SISM 2025",
        ],
    )


# --------------------------------------------------------------------------------------------
# Actions: statuses and funders
# --------------------------------------------------------------------------------------------


def pilot_status_grid_crosses(out: Path) -> tuple[str, dict]:
    """The MDA's pilot's status point of the actions he pilots: one column per status, ticked « X »."""
    name = "point_actions_pilotees_MDA_2025-2026.xlsx"
    d = dt.date
    titles = {
        "p22-02": "Sensibilisations spécifiques à la santé mentale des jeunes",
        "p22-19": "Développement des collaborations entre les acteurs locaux et la MDA",
        "p22-20": "Communication sur Stopblues et les dispositifs de prévention du mal-être des jeunes",
    }
    columns = ["idée", "conception", "mise en œuvre", "réalisée", "reportée", "abandonnée"]
    headers = ["Idée", "Conception", "Mise en œuvre", "Réalisée", "Reportée", "Abandonnée"]
    rows = [
        ("p22-19", d(2025, 9, 16), "mise en œuvre"),
        ("p22-20", d(2025, 9, 16), "mise en œuvre"),
        ("p22-02", d(2025, 9, 16), "conception"),
        ("p22-19", d(2026, 3, 17), "mise en œuvre"),
        ("p22-20", d(2026, 3, 17), "réalisée"),
        ("p22-02", d(2026, 3, 17), "reportée"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Actions pilotées MDA"
    header_row(ws, 1, ["Point du", "Action", *headers], background=fill("C6E0B4"))
    statuses = set()
    for offset, (action, day, status) in enumerate(rows, start=2):
        ws.cell(row=offset, column=1, value=weekday(day)).number_format = "DD/MM/YYYY"
        ws.cell(row=offset, column=2, value=titles[action]).alignment = WRAP
        for col, column in enumerate(columns, start=3):
            cell = ws.cell(row=offset, column=col, value="X" if column == status else None)
            cell.alignment = Alignment(horizontal="center")
            cell.border = BOX
        assert action in SEED_ACTIONS and status in STATUSES, (action, status)
        statuses.add((action, day, status))
    widths(ws, {"A": 12, "B": 62, "C": 8, "D": 12, "E": 15, "F": 10, "G": 10, "H": 12})
    wb.save(out / name)
    return name, entry(
        ["action_status"],
        len(rows),
        {"action_status": len(statuses - SEED_ACTION_STATUSES)},
        [
            "ONE COLUMN PER STATUS (« Idée », « Conception », « Mise en œuvre », « Réalisée », « Reportée », « Abandonnée »), the status of a line being the column ticked « X », the others empty; each line dated by « Point du » (16/09/2025 and 17/03/2026)",
            "three actions of the 2022 programme that the Maison des adolescents pilots, by the pilot's own short titles (« Sensibilisations spécifiques … des jeunes » = p22-02, « … collaborations … et la MDA » = p22-19, « Communication sur Stopblues … » = p22-20), each at both points: six dated statuses (p22-19 unchanged « mise en œuvre » at both)",
        ],
    )


def city_subsidies_amounts(out: Path) -> tuple[str, dict]:
    """The city's public health service's table of the subsidies to the CLS mental-health actions, 2024-2025."""
    name = "subventions_CLS_sante_mentale_2024-2025.xlsx"
    titles = {
        "fiche-15": "Fiche 15 – Coordination du CLSM",
        "p22-01": "Module de sensibilisation en santé mentale à distance",
        "p22-05": "SISM",
        "p22-08": "Projet d'accès au théâtre (Espace Bernard Marie Koltès)",
        "p22-20": "Communication Stopblues",
    }
    funders = {
        "Ville de Metz": "ville-metz", "ARS Grand Est (FIR)": "ars-grand-est", "Drac Grand Est": "drac-grand-est",
        "Eurométropole de Metz": "eurometropole-metz",
    }  # fmt: skip
    rows = [
        (2024, "fiche-15", "Ville de Metz", 5000),
        (2024, "fiche-15", "ARS Grand Est (FIR)", 30000),
        (2024, "p22-01", "ARS Grand Est (FIR)", 4200),
        (2024, "p22-05", "Ville de Metz", 1500),
        (2024, "p22-08", "Ville de Metz", 3500),
        (2025, "fiche-15", "Ville de Metz", 5000),
        (2025, "fiche-15", "ARS Grand Est (FIR)", 30000),
        (2025, "p22-05", "Ville de Metz", 1800),
        (2025, "p22-05", "Eurométropole de Metz", 1000),
        (2025, "p22-08", "Drac Grand Est", 2000),
        (2025, "p22-20", "Ville de Metz", 800),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Subventions"
    header_row(ws, 1, ["Exercice", "Action", "Financeur", "Montant attribué"], background=fill("FFF2CC"))
    found = set()
    for offset, (year, action, funder, amount) in enumerate(rows, start=2):
        label = f"{titles[action]} {year}" if action == "p22-05" else titles[action]
        for col, value in enumerate([year, label, funder, euros(amount)], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=4).alignment = Alignment(horizontal="right")
        assert action in SEED_ACTIONS and funders[funder] in SEED_STRUCTURES, (action, funder)
        found.add((action, funders[funder], "financeur"))
    widths(ws, {"A": 10, "B": 56, "C": 24, "D": 18})
    wb.save(out / name)
    seed_links = len(found & SEED_ACTION_PARTNERS)
    return name, entry(
        ["action_partner"],
        len(rows),
        {"action_partner": len(found - SEED_ACTION_PARTNERS)},
        [
            "each line a subsidy: the « Financeur » is a financeur of the action (role financeur); the amounts are TEXT typed the French way, « 30 000 € », « 1 500 € » (a narrow no-break space between thousands, a no-break space before « € »); « ARS Grand Est (FIR) » = the ARS Grand Est (FIR: its regional intervention fund)",
            f"the same funder of the same action in 2024 and 2025 is ONE link (11 lines, {len(found)} distinct links, {seed_links} already in the seed: the Ville de Metz and the ARS as financeurs of sheet n°15 « Coordination du CLSM »); « SISM 2024 » / « SISM 2025 » = the action p22-05 (organisation of the SISM), « Projet d'accès au théâtre » = p22-08, « Module … à distance » = p22-01, « Communication Stopblues » = p22-20",
        ],
    )


# --------------------------------------------------------------------------------------------
# Structures, resources, indicators
# --------------------------------------------------------------------------------------------


def gem_new_address_form(out: Path) -> tuple[str, dict]:
    """The GEM Camille Claudel's new address for the directory, sent as a form: one field a line, before / after."""
    name = "GEM_Camille_Claudel_nouvelles_coordonnees.xlsx"
    fields = [
        ("Nom de la structure", "GEM Camille Claudel", "GEM Camille Claudel"),
        ("Adresse", "rue Haute-Seille", "rue du Wad-Billy"),
        ("Code postal", 57000, 57000),
        ("Commune", "Metz", "Metz"),
        ("Téléphone", MASK, MASK),
        ("Courriel", MASK, MASK),
        ("Jours et horaires d'ouverture", "du lundi au vendredi, 13h30-17h30",
         "du lundi au vendredi 13h-18h, samedi 14h-17h"),
        ("Public accueilli", "adultes concernés par des troubles psychiques", "inchangé"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Coordonnées"
    header_row(ws, 1, ["Information", "Actuellement", "À compter du 1er septembre 2025"], background=fill("E4DFEC"))
    for offset, row in enumerate(fields, start=2):
        for col, value in enumerate(row, start=1):
            ws.cell(row=offset, column=col, value=value).alignment = WRAP
        ws.cell(row=offset, column=1).font = BOLD
    widths(ws, {"A": 30, "B": 44, "C": 46})
    wb.save(out / name)
    keys = ["gem-camille-claudel"]
    return name, entry(
        ["structure"],
        len(keys),
        {"structure": count_new(keys, SEED_STRUCTURES)},
        [
            "ONE structure written as a form, TRANSPOSED: one field a line (« Nom de la structure », « Adresse », « Code postal », « Commune », « Téléphone », « Courriel », « Jours et horaires d'ouverture », « Public accueilli »), the values in columns, not one record a line",
            "two value columns: « Actuellement » (the old address, rue Haute-Seille) and « À compter du 1er septembre 2025 » (the NEW one, rue du Wad-Billy, 57000 Metz): the new column is the one to keep, « inchangé » = same as before; the GEM Camille Claudel is already a structure of the seed: an update, no new structure; phone and e-mail « [masqué] »",
        ],
    )


def departement_services_indented(out: Path) -> tuple[str, dict]:
    """The Département's list of its services around Metz for the directory, sub-structures indented."""
    name = "Departement57_services_territoire_messin.xlsx"
    rows = [
        ("Département de la Moselle", 0, "Hôtel du Département, rue du Pont-Moreau", 57036, "METZ CEDEX 1",
         "Collectivité", "departement-moselle"),
        ("Centre médico-social de Metz-Borny", 2, "boulevard de Provence", 57070, "METZ",
         "Action sociale de proximité", NEW),
        ("Centre médico-social de Metz-Patrotte", 2, "route de Woippy", 57050, "METZ",
         "Action sociale de proximité", NEW),
        ("Centre médico-social de Woippy", 2, "rue de Metz", 57140, "WOIPPY", "Action sociale de proximité", NEW),
        ("Protection maternelle et infantile (PMI) – antenne de Metz", 2, "rue du Pont-Moreau", 57036,
         "METZ CEDEX 1", "Santé de la mère et de l'enfant", NEW),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Services"
    header_row(ws, 1, ["Structure", "Adresse", "CP", "Ville", "Mission"], background=fill("D9E1F2"))
    for offset, (structure, indent, address, postcode, town, mission, _) in enumerate(rows, start=2):
        for col, value in enumerate([structure, address, postcode, town, mission], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).alignment = Alignment(indent=indent)
        if not indent:
            ws.cell(row=offset, column=1).font = BOLD
    widths(ws, {"A": 58, "B": 40, "C": 8, "D": 16, "E": 32})
    wb.save(out / name)
    keys = [row[-1] for row in rows]
    return name, entry(
        ["structure"],
        len(rows),
        {"structure": count_new(keys, SEED_STRUCTURES)},
        [
            "the Département de la Moselle (bold, first line, already in the seed) and, INDENTED under it (cell indentation, not spaces), four of its services: the indentation says they belong to the Département (its sub-structures), their names are the cell values; 4 new structures",
            "towns typed in capitals as on a letter, with the CEDEX: « METZ CEDEX 1 » = Metz, « WOIPPY » = Woippy; postcodes as numbers in « CP » (57036 is the Département's CEDEX code, 57070 and 57050 are Metz); street names without numbers",
        ],
    )


def mission_locale_resources_letterhead(out: Path) -> tuple[str, dict]:
    """The Mission locale's list of mental-health resources for the young, under its own letterhead."""
    name = "Mission_locale_ressources_sante_mentale_16-25_ans_2026.xlsx"
    rows = [
        ("Consultations gratuites de psychologues pour les 16-25 ans", "Mission locale du Pays Messin",
         "jeunes de 16 à 25 ans accompagnés par la Mission locale", "Metz", "sur RDV", MASK,
         "consultations-psy-mission-locale"),
        ("Écout'Émoi", "Maison des adolescents de Moselle", "jeunes de 11 à 21 ans en mal-être", "Metz",
         "sur prescription d'un médecin", MASK, "ecout-emoi"),
        ("Permanence santé : infirmière de la Mission locale", "Mission locale du Pays Messin", "16-25 ans", "Metz",
         "jeudi 9h-12h", MASK, NEW),
        ("Atelier « Gérer son stress »", "Mission locale du Pays Messin", "jeunes en contrat d'engagement jeune",
         "Metz", "un mardi par mois, 14h-16h", MASK, NEW),
        ("Aide à l'ouverture des droits santé (complémentaire santé solidaire)", "Mission locale du Pays Messin",
         "16-25 ans", "Metz", "sur RDV", MASK, NEW),
        ("Consultation jeunes consommateurs", "CSAPA les Wads", "12-25 ans et leur entourage", "Metz",
         "sur RDV", MASK, NEW),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Ressources"
    ws["A1"] = "ML"
    ws["A1"].font = Font(bold=True, size=22, color="FFFFFF")
    ws["A1"].fill = fill("1F4E78")
    ws["A1"].alignment = CENTER
    ws.merge_cells("A1:A4")
    letterhead = [
        ("MISSION LOCALE DU PAYS MESSIN", Font(bold=True, size=14, color="1F4E78")),
        ("Espace santé jeunes", Font(bold=True)),
        ("rue du Palais – 57000 Metz", Font(size=10)),
        (f"Standard : {MASK}", Font(size=10)),
        ("Ressources santé mentale pour les 16-25 ans – liste transmise au CLSM, février 2026", Font(italic=True)),
    ]
    for offset, (text, font) in enumerate(letterhead, start=1):
        ws.cell(row=offset, column=2, value=text).font = font
    header = 7
    header_row(ws, header, ["Ressource", "Structure", "Public", "Commune", "Horaires", "Contact"],
               background=fill("BDD7EE"))  # fmt: skip
    for offset, row in enumerate(rows, start=header + 1):
        for col, value in enumerate(row[:-1], start=1):
            ws.cell(row=offset, column=col, value=value).alignment = WRAP
    widths(ws, {"A": 50, "B": 36, "C": 40, "D": 10, "E": 26, "F": 12})
    ws.row_dimensions[1].height = 22
    wb.save(out / name)
    keys = [row[-1] for row in rows]
    return name, entry(
        ["resource"],
        len(rows),
        {"resource": count_new(keys, SEED_RESOURCES)},
        [
            f"the partner's LETTERHEAD above the table: a logo block « ML » (white on dark blue, merged A1:A4) and five lines in B1:B5 (« MISSION LOCALE DU PAYS MESSIN », « Espace santé jeunes », the street, « Standard : [masqué] », a subject line), row 6 empty, the header in row {header}: the letterhead is not data",
            "six entries of the resource directory; two are already in the seed's directory (the Mission locale's free psychologist consultations for 16-25 year-olds, the MDA's Écout'Émoi), four are new (three of the Mission locale, the CSAPA les Wads' consultation jeunes consommateurs); contacts « [masqué] »",
        ],
    )


def intern_indicator_codes_and_legend(out: Path) -> tuple[str, dict]:
    """A master's intern's table of indicator values 2021-2025, indicators by code, the codes on a second sheet."""
    name = "stage_M1_indicateurs_CLSM_2021-2025.xlsx"
    codes = {
        "F15-P1": ("f15-proc-1", "Fiche 15", "Nombre d'actions réalisées par rapport au prévisionnel."),
        "F15-P2": ("f15-proc-2", "Fiche 15", "Nombre et typologie des réunions organisées dans le cadre du CLSM."),
        "F15-P3": ("f15-proc-3", "Fiche 15", "Nombre et typologie des acteurs représentés dans les instances du CLSM."),
        "F15-R1": ("f15-res-1", "Fiche 15",
                   "Nombre de partenaires qui déclarent avoir développé des collaborations dans le cadre du CLSM."),
        "F15-R2": ("f15-res-2", "Fiche 15", "Professionnels impliqués dans le CLSM qui déclarent mieux connaître "
                   "l'offre et les besoins en matière de santé mentale de la population."),
        "F32-R1": ("f32-r1", "Fiche 32", "Nombre de participants qui déclarent mieux connaitre les dispositifs "
                   "d'accompagnement à la santé mentale et typologie des dispositifs"),
        "F32-R2": ("f32-r2", "Fiche 32", "Nombre de participants qui déclarent mieux connaitre le champ "
                   "d'intervention des professionnels de la santé mentale et leurs missions et typologie des missions"),
    }  # fmt: skip
    rows = [
        ("F15-P2", 2021, 26, "compte rendu du 18/11/2021"),
        ("F15-P3", 2021, 90, "compte rendu du 18/11/2021"),
        ("F15-P2", 2022, 24, "bilan annuel 2022"),
        ("F15-P3", 2022, 92, "bilan annuel 2022"),
        ("F15-P2", 2023, 29, "bilan annuel 2023"),
        ("F15-P3", 2023, "n.c.", "bilan annuel 2023"),
        ("F15-R1", 2023, 19, "questionnaire partenaires 2023"),
        ("F15-R2", 2023, "n.c.", "questionnaire partenaires 2023"),
        ("F15-P1", 2024, 13, "tableau de suivi"),
        ("F32-R1", 2024, 52, "questionnaires de fin de session"),
        ("F32-R2", 2024, 47, "questionnaires de fin de session"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Valeurs"
    header_row(ws, 1, ["Code", "Année", "Valeur", "Source"], background=fill("E2EFDA"))
    values, known = set(), 0
    for offset, (code, year, value, source) in enumerate(rows, start=2):
        for col, cell in enumerate([code, year, value, source], start=1):
            ws.cell(row=offset, column=col, value=cell)
        ws.cell(row=offset, column=3).alignment = Alignment(horizontal="right")
        indicator = codes[code][0]
        assert indicator in SEED_INDICATORS, indicator
        if isinstance(value, int):
            known += 1
            if (indicator, str(year)) not in SEED_INDICATOR_VALUES:
                values.add((indicator, str(year)))
    widths(ws, {"A": 9, "B": 8, "C": 8, "D": 34})
    legend = wb.create_sheet("Légende")
    header_row(legend, 1, ["Code", "Fiche", "Indicateur"], background=fill("E2EFDA"))
    for offset, (code, (_, sheet, label)) in enumerate(codes.items(), start=2):
        for col, cell in enumerate([code, sheet, label], start=1):
            legend.cell(row=offset, column=col, value=cell).alignment = WRAP
    widths(legend, {"A": 9, "B": 10, "C": 100})
    wb.save(out / name)
    return name, entry(
        ["indicator_value"],
        len(rows),
        {"indicator_value": len(values)},
        [
            "the indicators are written by the intern's CODES (« F15-P2 », « F32-R1 » …) on the sheet « Valeurs »; what each code means is on the second sheet « Légende » (code, sheet n°15 or n°32, full wording of the indicator): « F15-P2 » = « Nombre et typologie des réunions … » of sheet n°15, « F32-R1 » = the first result indicator of sheet n°32; the « Légende » lines are not values",
            f"« n.c. » (non communiqué) in « Valeur » is no value (2 lines); {known} values, of which the two of 2021 (26 meetings, 90 participants, from the minutes of 18/11/2021) are already in the seed: {len(values)} new values; years as numbers, a « Source » column beside",
        ],
    )


FILES = [
    gem_members_at_clsm_meetings,
    city_agenda_month_lines,
    hospital_staff_at_copils,
    pilot_status_grid_crosses,
    unafam_sessions_month_abbreviations,
    intern_indicator_codes_and_legend,
    resam_tool_export,
    gem_new_address_form,
    mission_locale_resources_letterhead,
    parenting_events_word_blocks,
    housing_group_template_with_example,
    city_subsidies_amounts,
    crisis_group_pivot_table,
    departement_services_indented,
    partners_meeting_total_and_of_which,
    teams_attendance_report,
]


def main(argv: list[str] | None = None) -> int:
    """Write the sixteen files and manifest.json into OUTDIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_heldout19.py OUTDIR", file=sys.stderr)
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
