"""Held-out set n°21: sixteen files that the PILOTS of the plan's actions send to the coordinator in January 2026.

January 2026: the coordinator prepares the 2025 bilan and the COPIL, and the pilots of the actions (the CMP 1's
nurse manager, the CCAS's social worker, the GEM L'Albatros's facilitator, the Ville de Metz's health service, a
bailleur social, the Maison des adolescents, the CMP Winnicott) and a trainee (stagiaire) who retyped paper
sign-in sheets send her their own follow-ups, each typed in its own way. Plain to moderately messy files, each
with one or two habits none of sets n°2 to n°20 has: the CMP 1's follow-up where each action is a BLOCK of lines
(« Action n°15 : rencontre CMP / précarité » on a line of its own, then its dated steps, then an italic
« Prochaine étape : … » line), the action named by its number in the 2022 programme and a shortened title; the
CCAS's status point where the status is only a percentage of completion or a word (« 50 % », « fait »,
« reporté 2026 ») beside a « Commentaire pilote »; the GEM's attendance of its members at the CLSM's meetings
saved as a LibreOffice .ods; the city's sheet n°15 indicators per half-year (« S1 2025 », « S2 2025 ») with a
« Tendance » column of arrows (« ↗ »); the city's follow-up of the three actions it pilots, ONE SHEET PER ACTION,
the action only in the sheet's name (« SISM », « Cités éducatives », « Stopblues »); the MDA's budget request for
2026 (charges and income: nothing to store, to refuse); the trainee's hybrid COPIL of January 2026 with the
people counted in two columns « Sur place » and « En visio » to be added; the MDA's awareness sessions in
schools grouped by school year (« Année scolaire 2024-2025 ») and dated by abbreviated month only
(« janv. 2026 »); a bailleur social's export from its old management tool in ISO-8859-1 (Latin-1, « oe » for
« œ ») with dates written « 20250313 »; the CCAS's new partners in an Excel table (ListObject) with a column
left under Excel's default header « Colonne1 »; the MDA's partners of its action with one COLUMN per role
(« Porteur », « Partenaires », « Financeurs ») listing the structures downwards; the crisis group's attendance
counted « présents / inscrits » (« 3/4 »); the city's youth resources whose descriptions run on into the next
row (continuation lines); the bailleur's housing-group meetings with a postponed one written in its date cell
(« 13/03/2025 reportée au 20/03/2025 »); the trainee's plenary attendance whose last lines are people whose
structure could not be read on the paper sheet; and the CMP Winnicott's 2025 bilan of the perinatal network
whose first sheet is a cover page (« Page de garde ») before the data.

No person's name, personal e-mail or individual phone number appears anywhere: names are « [masqué] »,
attendance is counted per structure and role category only, schools are named by their quarter, not by a
person. Every meeting, attendance count, event, status, partner link, indicator value dated 2025-2026, every
amount of the budget request, every new structure (CCAS de Metz, Restos du cœur de la Moselle, Secours
catholique de la Moselle, centre social de Bellecroix) and new resource entry is test content, not a fact of
the council's documents.

The expected counts are computed from the rows written, against the keys of a freshly built seed
database (the SEED_* sets below, copied from make_heldout20.py), so that the manifest and the files
cannot drift apart.

Usage: python make_heldout21.py OUTDIR  (writes the sixteen files and OUTDIR/manifest.json)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.table import Table, TableStyleInfo

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
STEP_WORDS = {
    "en préparation": "conception", "en conception": "conception", "en cours": "mise en œuvre",
    "terminé": "réalisée", "réalisé": "réalisée", "reporté": "reportée",
}  # fmt: skip


SAVED_AT = (2026, 1, 12, 9, 0, 0)  # every file is dated the same, so that two runs write the same bytes


def save_book(wb: Workbook, path: Path) -> None:
    """Save a workbook with fixed timestamps (document properties and zip members): the output is deterministic."""
    buffer = io.BytesIO()
    wb.save(buffer)
    stamp = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*SAVED_AT)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                for tag in ("dcterms:created", "dcterms:modified"):
                    start = text.index(">", text.index(f"<{tag}")) + 1
                    text = text[:start] + stamp + text[text.index(f"</{tag}>", start) :]
                data = text.encode("utf-8")
            target.writestr(zipfile.ZipInfo(item.filename, SAVED_AT), data, compress_type=zipfile.ZIP_DEFLATED)


def fr_date(day: dt.date) -> str:
    """« 06/03/2025 », as text."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def month_abbrev(day: dt.date) -> str:
    """« janv. 2026 »: the month abbreviated the French way, as text."""
    short = ["janv.", "févr.", "mars", "avril", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
    return f"{short[day.month - 1]} {day.year}"


def new_statuses(statuses) -> int:
    """How many dated statuses (action, date, status) a fresh seed does not hold yet."""
    found = set()
    for action, day, status in statuses:
        assert action in SEED_ACTIONS and status in STATUSES, (action, status)
        found.add((action, weekday(day), status))
    return len(found - SEED_ACTION_STATUSES)


# --------------------------------------------------------------------------------------------
# Actions: statuses and partners
# --------------------------------------------------------------------------------------------


def cmp1_action_blocks(out: Path) -> tuple[str, dict]:
    """The CMP 1's nurse manager's follow-up of the two actions she pilots, each action a block of lines."""
    name = "suivi_actions_pilote_CMP1_2025.xlsx"
    d = dt.date
    blocks = [
        ("p22-15", "Action n°15 : rencontre CMP / partenaires sur la précarité", [
            (d(2025, 3, 6), "Choix de la date et des intervenants avec les cadres des CMP", "en préparation"),
            (d(2025, 6, 12), "Rencontre au CMP 1 avec les partenaires du groupe précarité (22 participants)",
             "en cours"),
            (d(2025, 10, 16), "Deuxième rencontre, secteur Metz-Nord", "en cours"),
            (d(2025, 12, 4), "Bilan envoyé à la coordinatrice, fiche mémo « orienter vers un CMP » diffusée",
             "terminé"),
        ], "une rencontre par an à reconduire en 2026 (à voir au COPIL)"),
        ("p22-14", "Action n°14 : collaboration EMPP / acteurs locaux", [
            (d(2025, 2, 20), "Rédaction de la fiche action avec l'équipe de l'EMPP", "en préparation"),
            (d(2025, 9, 18), "Permanences de l'EMPP au Carrefour des solidarités tous les quinze jours", "en cours"),
        ], "évaluer les permanences avec le Carrefour en mars 2026"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Suivi 2025"
    ws["A1"] = "Suivi des actions pilotées par le CMP 1 – année 2025"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Rédigé par : cadre de santé du CMP 1 ([masqué])"
    ws["A2"].font = GREY_ITALIC
    header_row(ws, 4, ["Date", "Étape", "Avancement"], background=fill("DDEBF7"))
    row, statuses, heads, steps = 5, [], [], 0
    for action, heading, lines, nxt in blocks:
        cell = ws.cell(row=row, column=1, value=heading)
        cell.font = Font(bold=True, color="1F4E78")
        cell.fill = fill("F2F2F2")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        heads.append(row)
        row += 1
        for day, step, word in lines:
            ws.cell(row=row, column=1, value=weekday(day)).number_format = "DD/MM/YYYY"
            ws.cell(row=row, column=2, value=step).alignment = WRAP
            ws.cell(row=row, column=3, value=word)
            statuses.append((action, day, STEP_WORDS[word]))
            row += 1
            steps += 1
        ws.cell(row=row, column=2, value=f"Prochaine étape : {nxt}").font = GREY_ITALIC
        row += 2
    widths(ws, {"A": 12, "B": 70, "C": 16})
    save_book(wb, out / name)
    return name, entry(
        ["action_status"],
        steps,
        {"action_status": new_statuses(statuses)},
        [
            f"each action is a BLOCK of lines: a bold merged heading line (rows {' and '.join(map(str, heads))}: « Action n°15 : rencontre CMP / partenaires sur la précarité », « Action n°14 : collaboration EMPP / acteurs locaux ») then its dated steps (« Date », « Étape », « Avancement »), then an italic « Prochaine étape : … » line without date nor status (a plan, not data) and an empty line; the step lines do not repeat the action",
            "the actions are named by their NUMBER in the 2022 programme and a shortened title (n°15 = p22-15, n°14 = p22-14); « Avancement » in her words: « en préparation » = conception, « en cours » = mise en œuvre, « terminé » = réalisée; one dated status per step line (p22-15 is « en cours » on two dates: two rows); a title and a « Rédigé par » line above the header (row 4)",
        ],
    )


def ccas_percent_statuses(out: Path) -> tuple[str, dict]:
    """The CCAS social worker's status point of December 2025, statuses as percentages of completion or words."""
    name = "point_avancement_CCAS_15-12-2025.xlsx"
    day = weekday(dt.date(2025, 12, 15))
    # action, her title, progress as typed, status, pilot's comment
    rows = [
        ("p22-02", "Sensibilisations santé mentale / précarité", "50 %", "mise en œuvre",
         "2 sessions sur 4 faites (agents d'accueil du CCAS, bénévoles de l'épicerie sociale)"),
        ("p22-12", "Concertation logement-hébergement élargie", "20 %", "mise en œuvre",
         "premiers contacts avec le SIAO, réunion à caler"),
        ("p22-14", "EMPP et acteurs locaux", "75 %", "mise en œuvre", "permanences lancées en septembre"),
        ("p22-04", "Outils de coordination (annuaire, lettre)", "fait", "réalisée", "annuaire mis à jour en juin"),
        ("p22-11", "Bilan des actions avec les bailleurs", "100 %", "réalisée",
         "bilan présenté au groupe logement le 27/11"),
        ("p22-06", "Guide santé mentale grand public", "reporté 2026", "reportée",
         "pas de financement en 2025, à redemander"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Point au 15-12"
    ws["A1"] = f"CCAS de Metz – point d'avancement des actions CLSM au {fr_date(day)}"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Action", "Avancement", "Commentaire pilote"], background=fill("FCE4D6"))
    statuses = []
    for offset, (action, title, typed, status, comment) in enumerate(rows, start=4):
        for col, value in enumerate([title, typed, comment], start=1):
            ws.cell(row=offset, column=col, value=value).alignment = WRAP
        ws.cell(row=offset, column=2).alignment = Alignment(horizontal="center", vertical="top")
        statuses.append((action, day, status))
    widths(ws, {"A": 44, "B": 14, "C": 62})
    save_book(wb, out / name)
    return name, entry(
        ["action_status"],
        len(rows),
        {"action_status": new_statuses(statuses)},
        [
            "the status is ONLY an « Avancement » typed as a percentage of completion or a word, as TEXT: « 20 % », « 50 % », « 75 % » = started, not finished (mise en œuvre), « 100 % » and « fait » = réalisée, « reporté 2026 » = reportée; no status column",
            f"all dated by the title line (« … au {fr_date(day)} », row 1), the header in row 3; a « Commentaire pilote » column of free text (context, not a status; « 2 sessions sur 4 faites » is not a count to store); six actions of the 2022 programme by the CCAS's short titles (« Concertation logement-hébergement élargie » = p22-12, « EMPP et acteurs locaux » = p22-14 …)",
        ],
    )


def city_one_sheet_per_action(out: Path) -> tuple[str, dict]:
    """The Ville de Metz health service's follow-up of the three actions it pilots, one sheet per action."""
    name = "Ville_de_Metz_suivi_actions_CLSM_2025.xlsx"
    d = dt.date
    sheets = [
        ("SISM", "p22-05", [
            (d(2025, 3, 4), "Comité d'organisation SISM 2025 : thème et programme", "en cours"),
            (d(2025, 10, 20), "SISM 2025 tenues du 6 au 17 octobre, bilan fait", "réalisé"),
        ]),
        ("Cités éducatives", "p22-16", [
            (d(2025, 2, 13), "Réunion avec la cheffe de projet Cités éducatives (Borny)", "en conception"),
            (d(2025, 9, 23), "Première séance de concertation pluriprofessionnelle à Borny", "en cours"),
        ]),
        ("Stopblues", "p22-20", [
            (d(2025, 5, 6), "Affiches Stopblues dans les mairies de quartier", "en cours"),
            (d(2025, 11, 25), "Campagne réseaux sociaux de la Ville, à poursuivre en 2026", "en cours"),
        ]),
    ]  # fmt: skip
    wb = Workbook()
    wb.remove(wb.active)
    statuses, lines = [], 0
    for title, action, rows in sheets:
        ws = wb.create_sheet(title)
        header_row(ws, 1, ["Date", "Ce qui a été fait", "Statut"], background=fill("E2EFDA"))
        for offset, (day, what, word) in enumerate(rows, start=2):
            ws.cell(row=offset, column=1, value=weekday(day)).number_format = "DD/MM/YYYY"
            ws.cell(row=offset, column=2, value=what)
            ws.cell(row=offset, column=3, value=word)
            statuses.append((action, day, STEP_WORDS[word]))
            lines += 1
        widths(ws, {"A": 12, "B": 64, "C": 15})
    save_book(wb, out / name)
    return name, entry(
        ["action_status"],
        {title: len(rows) for title, _, rows in sheets},
        {"action_status": new_statuses(statuses)},
        [
            "ONE SHEET PER ACTION: the action is ONLY the sheet's name, a short everyday name: « SISM » = p22-05 (SISM), « Cités éducatives » = p22-16 (Cités éducatives, QPV Metz-Borny), « Stopblues » = p22-20 (communication on the youth prevention schemes); the same header « Date | Ce qui a été fait | Statut » on each sheet",
            f"{lines} dated statuses in the service's words: « en cours » = mise en œuvre, « en conception » = conception, « réalisé » = réalisée; p22-20 is « en cours » on two dates (two rows); dates are real date cells",
        ],
    )


def mda_partners_roles_as_columns(out: Path) -> tuple[str, dict]:
    """The MDA's partners of its action: one column per role, the structures listed downwards."""
    name = "MDA_action19_partenaires.xlsx"
    action = "p22-19"
    columns = [
        ("Porteur", "porteur", [("Maison des adolescents de Moselle", "mda-moselle")]),
        ("Partenaires", "partenaire", [
            ("Mission locale du Pays messin", "mission-locale-pays-messin"), ("CMSEA", "cmsea"),
            ("Service de santé universitaire (SUMPPS)", "sumpps"), ("Éducation nationale", "education-nationale"),
            ("CSAPA Les Wads", "csapa-les-wads"), ("Ville de Metz", "ville-metz"),
        ]),
        ("Financeurs", "financeur", [("ARS Grand Est", "ars-grand-est"), ("Département de la Moselle",
                                                                           "departement-moselle")]),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Partenaires"
    ws["A1"] = "Action 19 – Collaborations avec la Maison des adolescents : qui fait quoi"
    ws["A1"].font = Font(bold=True, size=12)
    ws.merge_cells("A1:C1")
    header_row(ws, 3, [label for label, _, _ in columns], background=fill("D9E1F2"))
    links = set()
    for col, (_, role, structures) in enumerate(columns, start=1):
        for offset, (typed, sid) in enumerate(structures, start=4):
            ws.cell(row=offset, column=col, value=typed).border = BOX
            assert sid in SEED_STRUCTURES, sid
            links.add((action, sid, role))
    widths(ws, {"A": 38, "B": 42, "C": 30})
    save_book(wb, out / name)
    return name, entry(
        ["action_partner"],
        len(links),
        {"action_partner": len(links - SEED_ACTION_PARTNERS)},
        [
            "ONE COLUMN PER ROLE: « Porteur » (A), « Partenaires » (B), « Financeurs » (C), each listing its structures DOWNWARDS from row 4 (1, 6 and 2 names: columns of different lengths); a row is not a record, each non-empty cell is one link action × structure × role",
            f"the action is only in the merged title (A1:C1) « Action 19 – Collaborations avec la Maison des adolescents » = p22-19; the seed has the MDA as « partenaire » of p22-19, here it is the « porteur »: {len(links - SEED_ACTION_PARTNERS)} new links",
        ],
    )


# --------------------------------------------------------------------------------------------
# Meetings and attendance
# --------------------------------------------------------------------------------------------

ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2"
  manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2"'
)


def ods_cell(value) -> str:
    """One <table:table-cell> of a LibreOffice Calc sheet: text, number or date (shown DD/MM/YYYY)."""
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, dt.date):
        shown = fr_date(value)
        return (
            f'<table:table-cell table:style-name="cedate" office:value-type="date" '
            f'office:date-value="{value.isoformat()}"><text:p>{shown}</text:p></table:table-cell>'
        )
    if isinstance(value, int):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def write_ods(path: Path, sheet: str, rows: list[list], column_widths: list[str]) -> None:
    """Write a one-sheet .ods the way LibreOffice Calc saves it (mimetype stored first, fixed times)."""
    columns = "".join(
        f'<style:style style:name="co{i}" style:family="table-column"><style:table-column-properties '
        f'style:column-width="{w}"/></style:style>'
        for i, w in enumerate(column_widths)
    )
    body = "".join("<table:table-row>" + "".join(ods_cell(v) for v in row) + "</table:table-row>" for row in rows)
    cols = "".join(f'<table:table-column table:style-name="co{i}"/>' for i in range(len(column_widths)))
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODS_NS}>'
        "<office:automatic-styles>"
        '<number:date-style style:name="N37"><number:day number:style="long"/><number:text>/</number:text>'
        '<number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/>'
        "</number:date-style>"
        '<style:style style:name="cedate" style:family="table-cell" style:data-style-name="N37"/>'
        f"{columns}</office:automatic-styles>"
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">{cols}{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    styles = f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ODS_NS}/>'
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {ODS_NS}><office:meta>'
        "<meta:generator>LibreOffice/7.6.4.1$Windows_X86_64 LibreOffice_project/e19e193f88cd6c0525a17fb7a176ed8e6a3e2aa1"
        "</meta:generator><meta:creation-date>2026-01-12T09:14:00</meta:creation-date></office:meta>"
        "</office:document-meta>"
    )
    moment = SAVED_AT
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype", moment),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        for member, text in [
            ("content.xml", content),
            ("styles.xml", styles),
            ("meta.xml", meta),
            ("META-INF/manifest.xml", ODS_MANIFEST),
        ]:
            archive.writestr(zipfile.ZipInfo(member, moment), text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)


def gem_members_ods(out: Path) -> tuple[str, dict]:
    """The GEM L'Albatros facilitator's record of its members at the CLSM's meetings in 2025, saved as .ods."""
    name = "GEM_Albatros_participation_CLSM_2025.ods"
    d = dt.date
    # date, meeting as written, place, members (usagers), facilitator (professionnel), instance
    rows = [
        (d(2025, 3, 11), "Groupe participation citoyenneté", "GEM Camille Claudel", 3, 1,
         "groupe-participation-citoyennete"),
        (d(2025, 4, 17), "Groupe culture loisirs", "Espace Koltès", 4, 0, "groupe-culture-loisirs"),
        (d(2025, 6, 26), "Plénière", "Arsenal", 5, 1, "pleniere"),
        (d(2025, 10, 9), "Groupe culture loisirs", "Espace Koltès", 2, 1, "groupe-culture-loisirs"),
        (d(2025, 11, 18), "COPIL", "Hôtel de Ville", 1, 1, "copil"),
    ]  # fmt: skip
    lines = [["Date", "Réunion CLSM", "Lieu", "Adhérents", "Animatrice"]]
    meetings, attendance = [], []
    for day, label, place, members, staff, instance in rows:
        lines.append([weekday(day), label, place, members, staff])
        meetings.append((instance, day))
        attendance.append((instance, day, "gem-albatros", USA, members))
        attendance.append((instance, day, "gem-albatros", PRO, staff))
    write_ods(out / name, "Feuille1", lines, ["2.4cm", "6.5cm", "4.5cm", "2.4cm", "2.4cm"])
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows(meetings, attendance),
        [
            "a LibreOffice Calc .ods file (OpenDocument spreadsheet, a zip of XML), one sheet « Feuille1 »; dates are real date cells shown DD/MM/YYYY, counts are numbers",
            "the GEM L'Albatros is only in the file name: « Adhérents » = its members (usager), « Animatrice » = its facilitator (professionnel); one line per meeting of 2025 (instances in the GEM's words: « Plénière », « COPIL », « Groupe culture loisirs » twice …); an « Animatrice » of 0 (17/04/2025) is no attendance row",
        ],
    )


def trainee_hybrid_copil(out: Path) -> tuple[str, dict]:
    """The trainee's attendance of the hybrid COPIL of January 2026, counts split « Sur place » / « En visio »."""
    name = "presences_COPIL_27-01-2026_hybride.xlsx"
    instance, day = "copil", weekday(dt.date(2026, 1, 27))
    # structure typed, category, on site, by video, structure id
    rows = [
        ("Ville de Metz", "Élu", 1, 0, "ville-metz"),
        ("Ville de Metz", "Professionnel", 2, 0, "ville-metz"),
        ("Eurométropole", "Élu", 0, 1, "eurometropole-metz"),
        ("CH de Jury", "Professionnel", 3, 1, "ch-jury"),
        ("ARS Grand Est", "Professionnel", 0, 1, "ars-grand-est"),
        ("Préfecture", "Professionnel", 0, 1, "prefecture-moselle"),
        ("Conseil départemental", "Professionnel", 1, 0, "departement-moselle"),
        ("UNAFAM 57", "Aidant", 1, 1, "unafam-moselle"),
        ("GEM Camille Claudel", "Usager", 2, 0, "gem-camille-claudel"),
        ("Maison des adolescents", "Professionnel", 1, 0, "mda-moselle"),
        ("CCAS", None, None, None, None),
    ]
    roles = {"Élu": ELU, "Professionnel": PRO, "Aidant": AID, "Usager": USA}
    wb = Workbook()
    ws = wb.active
    ws.title = "COPIL 27-01"
    ws["A1"] = "COPIL CLSM – mardi 27 janvier 2026 – Hôtel de Ville et Teams"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = "ressaisi d'après la feuille d'émargement et la liste Teams"
    ws["A2"].font = GREY_ITALIC
    header_row(ws, 4, ["Structure", "Catégorie", "Sur place", "En visio"], background=fill("FFF2CC"))
    attendance = []
    for offset, (structure, category, site, video, sid) in enumerate(rows, start=5):
        for col, value in enumerate([structure, category, site, video], start=1):
            ws.cell(row=offset, column=col, value=value)
        if sid is not None:
            attendance.append((instance, day, sid, roles[category], site + video))
    ws.cell(row=len(rows) + 4, column=5, value="excusé").font = GREY_ITALIC
    widths(ws, {"A": 28, "B": 15, "C": 11, "D": 11, "E": 10})
    save_book(wb, out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows) - 1,
        new_meeting_rows([(instance, day)], attendance),
        [
            "each line's people are split in TWO count columns, « Sur place » and « En visio »: the attendance count is their SUM (CH de Jury 3 + 1 = 4, UNAFAM 57 1 + 1 = 2); a 0 in one column is not an absence (Eurométropole 0 + 1 élu by video); the meeting is hybrid (title « Hôtel de Ville et Teams »)",
            "the COPIL of Tuesday 27/01/2026 is only in the title line (row 1), a grey note in row 2, the header in row 4; the last line « CCAS » has no category and no count, only « excusé » in the unnamed column E: no attendance row",
        ],
    )


def crisis_group_present_of_registered(out: Path) -> tuple[str, dict]:
    """The ERAH nurse's attendance of the crisis group in 2025, counts typed « présents/inscrits » (« 3/4 »)."""
    name = "GT_situations_de_crise_presences_2025.xlsx"
    instance = "groupe-situations-crise"
    d = dt.date
    # date, structure typed, category, present, registered, structure id
    rows = [
        (d(2025, 6, 5), "ERAH (CH Jury)", "professionnel", 3, 4, "ch-jury-erah"),
        (d(2025, 6, 5), "EMPP", "professionnel", 2, 2, "ch-jury-empp"),
        (d(2025, 6, 5), "Hôpital de Mercy (urgences)", "professionnel", 1, 2, "hopital-mercy"),
        (d(2025, 6, 5), "EMAMS", "professionnel", 1, 1, "emams"),
        (d(2025, 6, 5), "UNAFAM", "aidant", 2, 2, "unafam-moselle"),
        (d(2025, 6, 5), "Préfecture (bureau des hospitalisations)", "professionnel", 0, 1, "prefecture-moselle"),
        (d(2025, 11, 13), "ERAH (CH Jury)", "professionnel", 2, 3, "ch-jury-erah"),
        (d(2025, 11, 13), "EMPP", "professionnel", 1, 2, "ch-jury-empp"),
        (d(2025, 11, 13), "Hôpital de Mercy (urgences)", "professionnel", 1, 1, "hopital-mercy"),
        (d(2025, 11, 13), "Médecins du Monde", "bénévole", 1, 1, "medecins-du-monde-metz"),
        (d(2025, 11, 13), "GEM Camille Claudel", "usager", 2, 3, "gem-camille-claudel"),
        (d(2025, 11, 13), "UNAFAM", "aidant", 0, 1, "unafam-moselle"),
    ]  # fmt: skip
    roles = {"professionnel": PRO, "aidant": AID, "bénévole": BEN, "usager": USA}
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences 2025"
    header_row(ws, 1, ["Date", "Structure", "Catégorie", "Présents/inscrits"], background=fill("F8CBAD"))
    attendance = []
    for offset, (day, structure, category, present, registered, sid) in enumerate(rows, start=2):
        for col, value in enumerate([weekday(day), structure, category, f"{present}/{registered}"], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
        ws.cell(row=offset, column=4).alignment = Alignment(horizontal="center")
        attendance.append((instance, day, sid, roles[category], present))
    widths(ws, {"A": 12, "B": 40, "C": 15, "D": 17})
    save_book(wb, out / name)
    meetings = {(instance, day) for day, *_ in rows}
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows(meetings, attendance),
        [
            "the count is typed « présents/inscrits » as TEXT: « 3/4 » = 3 people came out of 4 registered; the count is the number BEFORE the slash (not a date, not a fraction 0,75); « 0/1 » = nobody came: no attendance row (two such lines)",
            "two meetings of the groupe projets situations de crise (05/06/2025 and 13/11/2025), the group only in the file name; dates are real date cells",
        ],
    )


def housing_group_postponed_meeting(out: Path) -> tuple[str, dict]:
    """The bailleur social's list of the housing group's 2025 meetings, a postponed one written in its date cell."""
    name = "groupe_logement_reunions_2025_MHT.xlsx"
    instance = "groupe-logement"
    d = dt.date
    # date as typed, real date, place, agenda, minutes
    rows = [
        (d(2025, 1, 16), d(2025, 1, 16), "AMLI", "Bilan 2024, priorités 2025", "envoyé"),
        ("13/03/2025 reportée au 20/03/2025", d(2025, 3, 20), "Metz Habitat Territoire, agence de Borny",
         "Troubles de voisinage : circuit de signalement", "envoyé"),
        (d(2025, 6, 12), d(2025, 6, 12), "ADOMA", "Visite de la pension de famille", "envoyé"),
        (d(2025, 9, 25), d(2025, 9, 25), "Metz Habitat Territoire, siège", "Ouverture aux acteurs de l'hébergement",
         "envoyé"),
        (d(2025, 11, 27), d(2025, 11, 27), "CCAS de Metz", "Bilan des actions avec les bailleurs (action 11)",
         "à faire"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Réunions 2025"
    header_row(ws, 1, ["Date", "Lieu", "Ordre du jour", "CR"], background=fill("C6E0B4"))
    keys = []
    for offset, (typed, day, place, agenda, minutes) in enumerate(rows, start=2):
        for col, value in enumerate([typed, place, agenda, minutes], start=1):
            ws.cell(row=offset, column=col, value=value)
        if isinstance(typed, dt.date):
            ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
        keys.append((instance, weekday(day)))
    widths(ws, {"A": 34, "B": 40, "C": 50, "D": 9})
    save_book(wb, out / name)
    return name, entry(
        ["meeting"],
        len(rows),
        {"meeting": new_meeting_rows(keys, [])["meeting"]},
        [
            "one date cell is TEXT holding the postponement: « 13/03/2025 reportée au 20/03/2025 » = the meeting took place on Thursday 20/03/2025 (none on 13/03/2025); the other dates are real date cells",
            "five meetings of the groupe projets logement in 2025, the group only in the file name and sheet; « CR » = compte rendu « envoyé » / « à faire » (not a status of the meeting); places are partners' premises",
        ],
    )


def trainee_plenary_unreadable(out: Path) -> tuple[str, dict]:
    """The trainee's plenary attendance retyped from paper, the last lines people whose structure was unreadable."""
    name = "pleniere_04-12-2025_emargement_ressaisi.xlsx"
    instance, day = "pleniere", weekday(dt.date(2025, 12, 4))
    cats = [("Pro", PRO), ("Usagers", USA), ("Familles", AID), ("Élus", ELU), ("Bénévoles", BEN)]
    # structure typed, counts per category (pro, usager, aidant, élu, bénévole), structure id or None
    rows = [
        ("Ville de Metz", (2, 0, 0, 2, 0), "ville-metz"),
        ("Eurométropole de Metz", (1, 0, 0, 1, 0), "eurometropole-metz"),
        ("CH Jury", (6, 0, 0, 0, 0), "ch-jury"),
        ("CMP Winnicott", (2, 0, 0, 0, 0), "cmp-winnicott"),
        ("ARS", (1, 0, 0, 0, 0), "ars-grand-est"),
        ("Département de la Moselle", (2, 0, 0, 0, 0), "departement-moselle"),
        ("Mission locale", (1, 0, 0, 0, 0), "mission-locale-pays-messin"),
        ("AMLI", (1, 0, 0, 0, 0), "amli"),
        ("ADOMA", (2, 0, 0, 0, 0), "adoma"),
        ("Carrefour des solidarités", (2, 0, 0, 0, 1), "carrefour-solidarites"),
        ("GEM L'Albatros", (1, 5, 0, 0, 0), "gem-albatros"),
        ("GEM Camille Claudel", (1, 4, 0, 0, 0), "gem-camille-claudel"),
        ("UNAFAM", (0, 0, 3, 0, 1), "unafam-moselle"),
        ("RESAM", (0, 0, 0, 0, 2), "resam"),
        ("EPE 57", (1, 0, 0, 0, 0), "epe-moselle"),
        ("(structure illisible)", (1, 0, 0, 0, 0), None),
        ("(pas de structure indiquée)", (0, 2, 1, 0, 0), None),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Émargement"
    ws["A1"] = "Assemblée plénière du 04/12/2025 – ressaisie des feuilles d'émargement"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Structure", *[label for label, _ in cats]], background=fill("E4DFEC"))
    attendance, unreadable = [], []
    for offset, (structure, counts, sid) in enumerate(rows, start=4):
        ws.cell(row=offset, column=1, value=structure)
        for col, count in enumerate(counts, start=2):
            ws.cell(row=offset, column=col, value=count or None).alignment = Alignment(horizontal="center")
        if sid is None:
            ws.cell(row=offset, column=1).font = Font(italic=True)
            unreadable.append(offset)
            continue
        for (_, role), count in zip(cats, counts, strict=True):
            attendance.append((instance, day, sid, role, count))
    note = len(rows) + 5
    ws.cell(row=note, column=1, value="NB : 2 feuilles, noms non recopiés").font = GREY_ITALIC
    widths(ws, {"A": 34, "B": 8, "C": 10, "D": 10, "E": 8, "F": 11})
    save_book(wb, out / name)
    cells = sum(1 for _, counts, sid in rows if sid for c in counts if c)
    return name, entry(
        ["meeting", "attendance"],
        cells,
        new_meeting_rows([(instance, day)], attendance),
        [
            f"the last two lines (rows {' and '.join(map(str, unreadable))}, italic) are people whose structure could not be read or was not written on the paper sheet: « (structure illisible) » 1 pro, « (pas de structure indiquée) » 2 usagers + 1 famille; attendance is counted per structure, so they make NO row (no structure to invent); a « NB : » line under the table is not data",
            f"a cross table, one column per category (« Pro », « Usagers », « Familles » = aidant, « Élus », « Bénévoles »), empty cells = 0; the plenary of Thursday 04/12/2025 only in the title line, the header in row 3; {cells} attendance rows",
        ],
    )


# --------------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------------


def mda_school_years_months(out: Path) -> tuple[str, dict]:
    """The MDA's awareness sessions in schools, grouped by school year and dated by abbreviated month only."""
    name = "MDA_sensibilisations_etablissements_2024-2026.xlsx"
    d = dt.date
    years = [
        ("Année scolaire 2024-2025", [
            (d(2025, 3, 1), "Collège du quartier de Borny", "élèves de 4e", 2, 48),
            (d(2025, 5, 1), "Lycée professionnel de Metz-Nord", "élèves de seconde", 1, 22),
            (d(2025, 5, 1), "Collège de Magny", "délégués de classe", 1, 17),
        ]),
        ("Année scolaire 2025-2026", [
            (d(2025, 10, 1), "Lycée général du centre-ville", "élèves de seconde", 3, 81),
            (d(2025, 11, 1), "Collège de la Patrotte", "élèves de 3e", 2, 45),
            (d(2025, 12, 1), "Collège du quartier de Borny", "élèves de 4e", 2, 51),
            (d(2026, 1, 1), "Lycée professionnel de Metz-Nord", "internes", 1, 19),
        ]),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Sensibilisations"
    header_row(ws, 1, ["Mois", "Établissement", "Public", "Nb de classes", "Nb d'élèves"], background=fill("DEEAF6"))
    row, events, group_rows = 2, [], []
    for label, rows in years:
        cell = ws.cell(row=row, column=1, value=label)
        cell.font = BOLD
        cell.fill = fill("F2F2F2")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        group_rows.append(row)
        row += 1
        for month, school, public, classes, pupils in rows:
            for col, value in enumerate([month_abbrev(month), school, public, classes, pupils], start=1):
                ws.cell(row=row, column=col, value=value)
            events.append(NEW)
            row += 1
    widths(ws, {"A": 12, "B": 36, "C": 22, "D": 13, "E": 12})
    save_book(wb, out / name)
    return name, entry(
        ["event"],
        len(events),
        {"event": count_new(events, SEED_EVENTS)},
        [
            f"rows grouped by SCHOOL YEAR under merged grey lines « Année scolaire 2024-2025 » / « Année scolaire 2025-2026 » (rows {' and '.join(map(str, group_rows))}): the group line is a heading, not an event, and a school year runs September to August (not a calendar year)",
            "each session dated by its MONTH only, abbreviated as text: « mars 2025 », « mai 2025 », « oct. 2025 », « déc. 2025 », « janv. 2026 » (month precision, no day); awareness sessions (sensibilisation) of the MDA in schools; « Nb d'élèves » = participants, « Nb de classes » is not a count of sessions of the council nor of participants; two sessions in « mai 2025 » in two schools: two events",
        ],
    )


def bailleur_latin1_compact_dates(out: Path) -> tuple[str, dict]:
    """A bailleur social's export of its 2025 mental-health actions from an old management tool (Latin-1, 20250313)."""
    name = "EXPORT_ACTIONS_SANTE_MENTALE_2025.csv"
    d = dt.date
    # date, kind, title, place, participants
    rows = [
        (d(2025, 3, 13), "SENSIBILISATION", "Sensibilisation sante mentale - gardiens secteur Borny",
         "Agence de Borny", 12),
        (d(2025, 5, 22), "SENSIBILISATION", "Sensibilisation santé mentale - chargés de clientèle",
         "Siège", 9),
        (d(2025, 6, 19), "REUNION PUBLIQUE", "Réunion locataires : bien vivre ensemble et santé mentale",
         "Salle de quartier Bellecroix", 27),
        (d(2025, 9, 25), "FORMATION", "Formation PSSM - équipe de proximité (mise en oeuvre 2025)",
         "Centre Pierre Janet", 8),
        (d(2025, 11, 20), "SENSIBILISATION", "Sensibilisation santé mentale - gardiens secteur Patrotte",
         "Agence de la Patrotte", 11),
    ]  # fmt: skip
    lines = [["CODE_ACT", "DATE_ACT", "TYPE_ACT", "LIBELLE", "LIEU", "NB_PART", "AGENT"]]
    for number, (day, kind, title, place, people) in enumerate(rows, start=1):
        lines.append([f"SM25{number:03d}", weekday(day).strftime("%Y%m%d"), kind, title, place, people, MASK])
    text = "".join(";".join(str(v) for v in line) + "\r\n" for line in lines)
    (out / name).write_bytes(text.encode("iso-8859-1"))
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            "a CSV exported by the bailleur's old management tool: ISO-8859-1 (Latin-1, not UTF-8 nor Windows-1252: « œ » cannot be written and is typed « oe », « mise en oeuvre »; an accent is missing in « sante mentale »), « ; » separator, no quotes, CRLF, upper-case technical headers (« CODE_ACT », « DATE_ACT », « TYPE_ACT », « LIBELLE », « NB_PART », « AGENT » = « [masqué] »)",
            "the dates are COMPACT year-month-day without separators: « 20250313 » = 13/03/2025 (not a number of 20 million); types in capitals: « SENSIBILISATION » (3), « REUNION PUBLIQUE » = réunion publique, « FORMATION »; « CODE_ACT » is the tool's own number, not an identifier of the council; five events of 2025 with their participants",
        ],
    )


def winnicott_bilan_cover_page(out: Path) -> tuple[str, dict]:
    """The CMP Winnicott's 2025 bilan of the perinatal network, a cover page sheet before the data."""
    name = "bilan_2025_reseau_psyperinatalite_CMP_Winnicott.xlsx"
    d = dt.date
    # date, title, kind, place, participants
    rows = [
        (d(2025, 3, 27), "Matinée du réseau : dépression du post-partum", "séminaire", "CMP Winnicott", 34),
        (d(2025, 6, 5), "Formation repérage en maternité (sages-femmes, puéricultrices)", "formation",
         "Hôpital de Mercy", 18),
        (d(2025, 9, 25), "Café des futurs parents", "réunion publique", "Maison des familles de Borny", 15),
        (d(2025, 11, 20), "Journée annuelle du réseau psypérinatalité", "journée", "Arsenal", 96),
    ]  # fmt: skip
    wb = Workbook()
    cover = wb.active
    cover.title = "Page de garde"
    cover["B4"] = "Réseau psypérinatalité du territoire messin"
    cover["B4"].font = Font(bold=True, size=20, color="7030A0")
    cover["B6"] = "Bilan d'activité 2025"
    cover["B6"].font = Font(bold=True, size=16)
    cover["B8"] = "Action n°17 du programme CLSM – appui à la mise en place du réseau"
    cover["B10"] = "Centre psychothérapeutique Winnicott – janvier 2026"
    cover["B10"].font = Font(italic=True)
    cover.sheet_view.showGridLines = False
    widths(cover, {"A": 4, "B": 80})
    ws = wb.create_sheet("Temps forts 2025")
    header_row(ws, 1, ["Date", "Temps fort", "Type", "Lieu", "Participants"], background=fill("E4DFEC"))
    for offset, (day, title, kind, place, people) in enumerate(rows, start=2):
        for col, value in enumerate([weekday(day), title, kind, place, people], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=1).number_format = "DD/MM/YYYY"
    widths(ws, {"A": 12, "B": 60, "C": 17, "D": 30, "E": 12})
    nxt = wb.create_sheet("Perspectives 2026")
    for offset, text in enumerate([
        "Ouvrir le café des futurs parents à Bellecroix",
        "Deuxième session de formation repérage (à financer)",
        "Présenter le réseau au COPIL du CLSM",
    ], start=1):  # fmt: skip
        nxt.cell(row=offset, column=1, value=f"• {text}")
    widths(nxt, {"A": 70})
    save_book(wb, out / name)
    return name, entry(
        ["event"],
        {"Temps forts 2025": len(rows)},
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            "the FIRST sheet is a cover page « Page de garde » (big title, « Bilan d'activité 2025 », the action n°17 of the programme, the service and month, gridlines hidden): no table; the data is on the SECOND sheet « Temps forts 2025 »; a third sheet « Perspectives 2026 » is a bulleted list of plans, not data",
            "four events of 2025 of the perinatal network (p22-17) with their type in the template's words (séminaire, formation, réunion publique, journée), place and participants; dates are real date cells",
        ],
    )


# --------------------------------------------------------------------------------------------
# Indicators, structures, resources, and a file with nothing to store
# --------------------------------------------------------------------------------------------


def city_indicators_half_years(out: Path) -> tuple[str, dict]:
    """The Ville de Metz health service's sheet n°15 indicators per half-year, with a trend column of arrows."""
    name = "CLS_fiche15_indicateurs_S1-S2_2025.xlsx"
    rows = [
        ("f15-proc-1", "Actions réalisées / prévisionnel", 4, 7, "↗"),
        ("f15-proc-2", "Réunions organisées dans le cadre du CLSM", 14, 17, "↗"),
        ("f15-proc-3", "Acteurs représentés dans les instances", 68, 61, "↘"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Fiche 15"
    ws["A1"] = "CLS Ville de Metz – fiche n°15 (coordination du CLSM) – indicateurs de processus 2025"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Indicateur", "S1 2025", "S2 2025", "Tendance"], background=fill("E2EFDA"))
    values = set()
    for offset, (indicator, wording, first, second, arrow) in enumerate(rows, start=4):
        assert indicator in SEED_INDICATORS, indicator
        for col, value in enumerate([wording, first, second, arrow], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=4).alignment = Alignment(horizontal="center")
        ws.cell(row=offset, column=4).font = Font(size=14, color="548235" if arrow == "↗" else "C00000")
        for period in ("2025-S1", "2025-S2"):
            if (indicator, period) not in SEED_INDICATOR_VALUES:
                values.add((indicator, period))
    widths(ws, {"A": 46, "B": 10, "C": 10, "D": 10})
    save_book(wb, out / name)
    return name, entry(
        ["indicator_value"],
        2 * len(rows),
        {"indicator_value": len(values)},
        [
            "the periods are HALF-YEARS as column headers: « S1 2025 » = 1st semester 2025 (January-June), « S2 2025 » = July-December 2025; each number is one value of one indicator for one half-year (not the year 2025: no yearly value is given, and the two are not to be added)",
            "a « Tendance » column of arrows « ↗ » / « ↘ » (coloured) is derived from the two values, not data; the three process indicators of sheet n°15 by shortened wordings (« Actions réalisées / prévisionnel » = f15-proc-1, « Réunions organisées … » = f15-proc-2, « Acteurs représentés … » = f15-proc-3); the header in row 3 under a title line",
        ],
    )


def ccas_structures_table_colonne1(out: Path) -> tuple[str, dict]:
    """The CCAS's list of the social partners who join the CLSM, an Excel table with a « Colonne1 » left unnamed."""
    name = "CCAS_partenaires_a_ajouter_CLSM.xlsx"
    rows = [
        ("CCAS de Metz", "CCAS", "accompagnement social et médico-social", "centre communal d'action sociale",
         "Metz", None, NEW),
        ("Restos du cœur de la Moselle", None, "accompagnement social et médico-social", "association", "Metz",
         "antenne de Metz-Borny", NEW),
        ("Secours catholique de la Moselle", None, "accompagnement social et médico-social", "association",
         "Metz", None, NEW),
        ("Centre social de Bellecroix", None, "accompagnement social et médico-social", "centre social", "Metz",
         "contact pris en novembre", NEW),
        ("Carrefour des solidarités", None, "accompagnement social et médico-social", "association", "Metz",
         "déjà membre ?", "carrefour-solidarites"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Feuil1"
    headers = ["Structure", "Sigle", "Secteur", "Type", "Commune", "Colonne1"]
    header_row(ws, 1, headers)
    for offset, row in enumerate(rows, start=2):
        for col, value in enumerate(row[:-1], start=1):
            ws.cell(row=offset, column=col, value=value)
    table = Table(displayName="Tableau1", ref=f"A1:F{len(rows) + 1}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    widths(ws, {"A": 36, "B": 8, "C": 40, "D": 34, "E": 10, "F": 28})
    save_book(wb, out / name)
    keys = [row[-1] for row in rows]
    return name, entry(
        ["structure"],
        len(rows),
        {"structure": count_new(keys, SEED_STRUCTURES)},
        [
            "an Excel TABLE (Insertion > Tableau, « Tableau1 », blue banded style, filter buttons on the header) whose last column kept Excel's default header « Colonne1 »: the social worker's remarks (« antenne de Metz-Borny », « contact pris en novembre », « déjà membre ? »), a note, not a field",
            "five structures with their sector written in full; the Carrefour des solidarités is already a structure of the seed (her remark « déjà membre ? »): 4 new (CCAS de Metz, Restos du cœur, Secours catholique, centre social de Bellecroix)",
        ],
    )


def city_resources_continuation_rows(out: Path) -> tuple[str, dict]:
    """The city health service's youth resources, the descriptions running on into the next row."""
    name = "ressources_jeunes_mal-etre_Ville_2026.xlsx"
    # resource, structure, public, description lines, key
    rows = [
        ("Stopblues", "Inserm", "jeunes et tout public",
         ["Site et application de prévention du mal-être et du suicide,", "anonyme et gratuit."], "stopblues"),
        ("Écout'Émoi", "Maison des adolescents de Moselle", "11-21 ans",
         ["Consultations gratuites de psychologue sur orientation", "du médecin traitant, jusqu'à 12 séances."],
         "ecout-emoi"),
        ("Consultations psy Mission locale", "Mission locale du Pays messin", "16-25 ans",
         ["Trois rendez-vous gratuits avec un psychologue."], "consultations-psy-mission-locale"),
        ("Accueil sans rendez-vous de la MDA", "Maison des adolescents de Moselle", "11-25 ans et parents",
         ["Accueil, écoute et orientation le mercredi après-midi,", "sans rendez-vous, gratuit et confidentiel."],
         NEW),
        ("3114", "Numéro national de prévention du suicide", "tout public",
         ["Ligne d'écoute 24h/24 et 7j/7,", "répond aux personnes en détresse et à leurs proches."], NEW),
        ("Point accueil écoute jeunes (PAEJ)", "CMSEA", "12-25 ans",
         ["Écoute individuelle gratuite, anonyme.", "Permanences dans les quartiers,", "voir planning."], NEW),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Ressources jeunes"
    header_row(ws, 1, ["Dispositif", "Structure", "Public", "Description"], background=fill("DDEBF7"))
    row, continued = 2, 0
    for resource, structure, public, description, _ in rows:
        for col, value in enumerate([resource, structure, public, description[0]], start=1):
            ws.cell(row=row, column=col, value=value)
        row += 1
        for more in description[1:]:
            ws.cell(row=row, column=4, value=more)
            row += 1
            continued += 1
    widths(ws, {"A": 36, "B": 38, "C": 22, "D": 58})
    save_book(wb, out / name)
    keys = [row[-1] for row in rows]
    return name, entry(
        ["resource"],
        len(rows),
        {"resource": count_new(keys, SEED_RESOURCES)},
        [
            f"the « Description » runs on into the NEXT ROW(S): {continued} rows hold only column D (« anonyme et gratuit. », « du médecin traitant, jusqu'à 12 séances. » …), the rest of the description above them (Enter was pressed instead of Alt+Enter): they are not resources, their text belongs to the entry above",
            "six entries of the youth resource directory (the city's action p22-20): three already in the seed (Stopblues, Écout'Émoi, the Mission locale's free consultations), three new (the MDA's walk-in reception, the 3114 national line, the CMSEA's PAEJ); no phone, no person",
        ],
    )


def mda_budget_request_refused(out: Path) -> tuple[str, dict]:
    """The MDA's budget request for 2026 (charges and income): nothing the dashboard stores."""
    name = "MDA_demande_subvention_2026_budget_previsionnel.xlsx"
    charges = [
        ("Temps de psychologue (0,2 ETP)", 11200),
        ("Interventions en établissements scolaires (déplacements)", 1300),
        ("Supports de communication (affiches, flyers)", 900),
        ("Location de salle et collations", 600),
    ]
    income = [
        ("ARS Grand Est – FIR (demandé)", 8000),
        ("Ville de Metz – CLS (demandé)", 3000),
        ("Département de la Moselle", 1500),
        ("Fonds propres MDA", 1500),
    ]
    assert sum(v for _, v in charges) == sum(v for _, v in income)
    wb = Workbook()
    ws = wb.active
    ws.title = "Budget 2026"
    ws["A1"] = "Demande de subvention 2026 – budget prévisionnel"
    ws["A1"].font = Font(bold=True, size=13)
    ws.merge_cells("A1:D1")
    ws["A2"] = "Action : collaborations entre les acteurs locaux et la Maison des adolescents (fiche 19)"
    ws["A3"] = "Structure demandeuse : Maison des adolescents de Moselle – contact : [masqué]"
    header_row(ws, 5, ["Charges", "Montant (€)", "Produits", "Montant (€)"], background=fill("FFF2CC"))
    for offset, ((c_label, c_amount), (p_label, p_amount)) in enumerate(zip(charges, income, strict=True), start=6):
        for col, value in enumerate([c_label, c_amount, p_label, p_amount], start=1):
            ws.cell(row=offset, column=col, value=value)
        for col in (2, 4):
            ws.cell(row=offset, column=col).number_format = '#,##0 "€"'
    total = 6 + len(charges)
    ws.cell(row=total, column=1, value="TOTAL CHARGES").font = BOLD
    ws.cell(row=total, column=2, value=f"=SUM(B6:B{total - 1})").number_format = '#,##0 "€"'
    ws.cell(row=total, column=3, value="TOTAL PRODUITS").font = BOLD
    ws.cell(row=total, column=4, value=f"=SUM(D6:D{total - 1})").number_format = '#,##0 "€"'
    ws.cell(row=total + 2, column=1, value="Fait à Metz, le 09/01/2026").font = Font(italic=True)
    widths(ws, {"A": 52, "B": 13, "C": 34, "D": 13})
    save_book(wb, out / name)
    info = entry(
        [],
        0,
        {},
        [
            "a BUDGET REQUEST for 2026 (« Demande de subvention 2026 – budget prévisionnel »): charges and income side by side with amounts in € (« 11 200 € » of psychologist time, « ARS Grand Est – FIR (demandé) » …) and =SUM totals; amounts requested for a future year, not a fact of an action: no table of the dashboard holds a subsidy request (the action's budget is the one of its sheet, not this request)",
            "nothing to store: no meeting, no attendance, no event, no status, no partner link (the « Produits » are potential funders, not links); the action (fiche 19 = p22-19) and the MDA are only named in the title lines; a careful reader refuses the file",
        ],
    )
    info["refused"] = "demande de subvention (budget prévisionnel 2026) : rien à enregistrer"
    return name, info


FILES = [
    cmp1_action_blocks,
    ccas_percent_statuses,
    gem_members_ods,
    city_indicators_half_years,
    city_one_sheet_per_action,
    mda_budget_request_refused,
    trainee_hybrid_copil,
    mda_school_years_months,
    bailleur_latin1_compact_dates,
    ccas_structures_table_colonne1,
    mda_partners_roles_as_columns,
    crisis_group_present_of_registered,
    city_resources_continuation_rows,
    housing_group_postponed_meeting,
    trainee_plenary_unreadable,
    winnicott_bilan_cover_page,
]


def main(argv: list[str] | None = None) -> int:
    """Write the sixteen files and manifest.json into OUTDIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_heldout21.py OUTDIR", file=sys.stderr)
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
