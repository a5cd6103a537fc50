"""Held-out set n°22: sixteen files kept by ADMINISTRATIVE STAFF and SERVICES around the CLSM, spring 2026.

Spring 2026: the records do not come from the coordinator but from the services around her, each typed the
way its administration works: the secretariat of the CH de Jury's direction (which convenes the COPIL and
keeps its sign-in records), the Ville de Metz's health service (exports of its own software and of its shared
agenda), the Eurométropole's social cohesion department, the Département's PMI and ASE services, and the
ARS's local delegation (DT ARS 57, a reporting grid sent back filled). Plain to moderately messy files, each
with one or two habits none of sets n°2 to n°21 has: the direction's convocation list of the COPIL with
« Convoqué » / « Présent » / « Excusé » columns ticked by a Wingdings check mark (the cell holds the letter
« ü ») and a « Représenté(e) par » column (a deputy of the same structure, or another structure already
present); the city's shared agenda exported with WEEK NUMBERS and weekdays instead of dates (« S14 2026 »,
« jeudi »); the COPIL's relevé de décisions in the words of public administration (« acté », « validé en
COPIL », « en instruction », « arbitrage en cours », « ajourné », « abandon acté »); the DT ARS 57's reporting
grid, rows = questions grouped in sections and a « Réponse » column (oui / non / a number / « non mesuré »),
on a PROTECTED sheet with an oui/non drop-down; the city's organisation chart drawn in merged cells (nothing
to store, to refuse); an export of the city's « tiers » software whose fields are PADDED with spaces to a
fixed width (CHAR columns) and hold non-breaking spaces, the commune given by its INSEE code; the PMI's
collective sessions whose year is only in a merged cell « ANNÉE 2026 » above the table, days typed
« 13 janv. »; the ASE's partners' meeting with structures written as civil-service acronyms (« CD57 / DEF /
ASE », « DT ARS 57 », « DSDEN 57 ») and several services of one structure on separate lines (to be added);
the 2026 calendar of the instances « V3 – annule et remplace la V2 » with a « Modification » column
(« ANNULÉE », « NOUVEAU », « date modifiée (initialement le 09/06) »); the Eurométropole's Business Objects
export of the action partnerships with its prompts block (« Territoire : (Tous) ») above the table and a
filter row of « (Tous) » under the frozen header; the SISM 2025 bilan converted from PDF to Excel, words
broken by hyphens and dates broken over two lines INSIDE the cells, numbers as text, a page number row; the
precarity group's attendance laid out like minutes (« Étaient présents : », « Étaient excusés : »,
« Assistaient également : »); the Département's services to add with their place in the organisation as
a path (« CD57 > DGA Solidarités > DEF > PMI »); the ASE's training plan with two-day trainings dated « Date
J1 » / « Date J2 »; the direction's sign-in records with ONE SHEET PER MEETING, the date only in the sheet
name (« COPIL 25.11.25 »); and the city's proofreading of the resource directory with an « Action demandée »
column (« à créer », « à modifier », « inchangé », « à supprimer »).

No person's name, personal e-mail or individual phone number appears anywhere: names are « [masqué] »,
people are named by their function (« DGA Solidarités », « Délégué territorial ») only in the convocation
list and the organisation chart, attendance is counted per structure and role category only. Every meeting,
attendance count, event, status, partner link, indicator value dated 2025-2026, every answer of the ARS
grid, every new structure (CCAS de Metz, MSP de Borny, centre social de la Patrotte, épicerie sociale de
Montigny, the Département's PMI centres, ASE service and Maison du Département) and new resource entry is
test content, not a fact of the council's documents.

The expected counts are computed from the rows written, against the keys of a freshly built seed
database (the SEED_* sets below, copied from make_heldout21.py), so that the manifest and the files
cannot drift apart.

Usage: python make_heldout22.py OUTDIR  (writes the sixteen files and OUTDIR/manifest.json)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation

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


SAVED_AT = (2026, 4, 3, 9, 0, 0)  # every file is dated the same, so that two runs write the same bytes


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


DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
TICK = "ü"  # a Wingdings check mark: the cell holds the letter « ü », the font shows ✓
WINGDINGS = Font(name="Wingdings", size=12)


def in_words(day: dt.date) -> str:
    """« mardi 17 mars 2026 »."""
    return f"{DAYS[day.weekday()]} {'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"


# --------------------------------------------------------------------------------------------
# The CH de Jury direction's secretariat: convocations, decisions, calendar, sign-in records
# --------------------------------------------------------------------------------------------


def chj_copil_convocation_list(out: Path) -> tuple[str, dict]:
    """The direction's convocation list of the COPIL, ticks in Wingdings and a « Représenté(e) par » column."""
    name = "COPIL_CLSM_17-03-2026_liste_convocation_emargement.xlsx"
    instance, day = "copil", weekday(dt.date(2026, 3, 17))
    # structure typed, function convened, present, excused, represented by, structure id, role of who came
    rows = [
        ("Ville de Metz", "Adjointe au maire déléguée à la santé", True, False, None, "ville-metz", ELU),
        ("Ville de Metz", "DGA Solidarités", False, True, "Directrice de la santé publique", "ville-metz", PRO),
        ("Ville de Metz", "Service santé publique – chargée de mission CLS", True, False, None, "ville-metz", PRO),
        ("Eurométropole de Metz", "Vice-président délégué à la cohésion sociale", False, True,
         "Ville de Metz (adjointe à la santé)", None, None),
        ("Eurométropole de Metz", "DGA Cohésion sociale", True, False, None, "eurometropole-metz", PRO),
        ("CH de Jury", "Directeur", False, True, "Directrice adjointe", "ch-jury", PRO),
        ("CH de Jury", "Président de la CME", True, False, None, "ch-jury", PRO),
        ("CH de Jury", "Coordonnatrice du CLSM", True, False, None, "ch-jury", PRO),
        ("CH de Jury – Pôle 3", "Chef de pôle", True, False, None, "ch-jury-pole-3", PRO),
        ("DT ARS 57", "Délégué territorial", False, True, "Chargée de mission santé mentale DT 57",
         "ars-grand-est", PRO),
        ("Préfecture de la Moselle", "Sous-préfet chargé de la politique de la ville", False, True, None, None, None),
        ("CD 57", "DGA Solidarités", True, False, None, "departement-moselle", PRO),
        ("CD 57", "Conseillère départementale déléguée", False, True, None, None, None),
        ("DSDEN 57", "Infirmière conseillère technique", True, False, None, "education-nationale", PRO),
        ("MDA 57", "Directeur", False, False, "Psychologue coordinatrice", "mda-moselle", PRO),
        ("UNAFAM 57", "Présidente de la délégation", True, False, None, "unafam-moselle", AID),
        ("GEM Camille Claudel", "Représentant des adhérents", True, False, None, "gem-camille-claudel", USA),
        ("GEM L'Albatros", "Représentant des adhérents", False, False, None, None, None),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Convocations"
    ws["A1"] = "CENTRE HOSPITALIER DE JURY – Direction générale"
    ws["A1"].font = Font(bold=True, color="1F4E78")
    ws["A2"] = f"Comité de pilotage du CLSM – {in_words(day)} – 14h00 – salle du conseil d'administration"
    ws["A2"].font = Font(bold=True, size=12)
    ws["A3"] = "Liste des convocations et émargement (noms masqués)"
    ws["A3"].font = GREY_ITALIC
    header_row(ws, 5, ["Structure", "Fonction", "Nom", "Convoqué(e)", "Présent(e)", "Excusé(e)",
                       "Représenté(e) par"], background=fill("DDEBF7"))  # fmt: skip
    attendance = []
    for offset, (structure, function, present, excused, proxy, sid, role) in enumerate(rows, start=6):
        for col, value in enumerate([structure, function, MASK, TICK, TICK if present else None,
                                     TICK if excused else None, proxy], start=1):  # fmt: skip
            cell = ws.cell(row=offset, column=col, value=value)
            cell.border = BOX
            if 4 <= col <= 6:
                cell.font = WINGDINGS
                cell.alignment = Alignment(horizontal="center")
        if sid is not None:
            assert present or proxy, structure
            attendance.append((instance, day, sid, role, 1))
    widths(ws, {"A": 26, "B": 46, "C": 10, "D": 12, "E": 11, "F": 11, "G": 38})
    save_book(wb, out / name)
    came = len(attendance)
    return name, entry(
        ["meeting", "attendance"],
        came,
        new_meeting_rows([(instance, day)], attendance),
        [
            "the ticks are a WINGDINGS check mark: the cells of « Convoqué(e) », « Présent(e) », « Excusé(e) » hold the LETTER « ü » in the Wingdings font (shown ✓); an empty cell = no; every line is ticked « Convoqué(e) » (not a presence)",
            f"one line per convened FUNCTION (one person, name « [masqué] »): {came} people came, counted per structure and category (élu for the deputy mayor, aidant for UNAFAM, usager for the GEM's representative, professionnel otherwise); a person who is « Excusé(e) » but « Représenté(e) par » a deputy of the same structure (« Directrice adjointe », « Chargée de mission santé mentale DT 57 ») counts 1 for that structure; the MDA's director is neither present nor excused but represented: counts 1",
            "the Eurométropole's vice-president is « représenté par » the Ville de Metz's deputy mayor, who is already counted on her own line: NO extra person; excused without a representative (Préfecture, the CD 57's councillor) or absent (GEM L'Albatros): no row; « DT ARS 57 » = ARS Grand Est, « CD 57 » = Département de la Moselle, « DSDEN 57 » = Éducation nationale, « MDA 57 » = Maison des adolescents; the COPIL of Tuesday 17/03/2026 only in the title line (row 2, date in words), the header in row 5",
        ],
    )


ADMIN_WORDS = {
    "acté": "mise en œuvre", "validé en COPIL": "mise en œuvre", "en instruction (ARS)": "conception",
    "arbitrage en cours (Ville / CD 57)": "conception", "clôture actée": "réalisée", "ajourné (2027)": "reportée",
    "abandon acté": "abandonnée",
}  # fmt: skip


def chj_decisions_admin_words(out: Path) -> tuple[str, dict]:
    """The COPIL's relevé de décisions, the statuses in the words of public administration."""
    name = "COPIL_17-03-2026_releve_de_decisions.xlsx"
    day = weekday(dt.date(2026, 3, 17))
    # number, subject, sheet typed, decision, follow-up, action
    rows = [
        ("D2026-01", "Reconduction en 2026 de la rencontre CMP / partenaires sur la précarité", "Fiche 15", "acté",
         "CMP 1 – date à proposer au groupe précarité", "p22-15"),
        ("D2026-02", "Lancement de la version grand public du guide santé mentale", "Fiche 6", "validé en COPIL",
         "Coordination CLSM – comité de relecture en mai", "p22-06"),
        ("D2026-03", "Financement des sessions PSSM 2026 (demande FIR)", "Fiche 3", "en instruction (ARS)",
         "Réponse de la DT ARS 57 attendue en avril", "p22-03"),
        ("D2026-04", "Portage de l'action collective d'information des futurs parents", "Fiche 18",
         "arbitrage en cours (Ville / CD 57)", "À revoir au COPIL de juin", "p22-18"),
        ("D2026-05", "Bilan des actions avec les bailleurs sociaux", "Fiche 11", "clôture actée",
         "Bilan joint au compte rendu", "p22-11"),
        ("D2026-06", "Documentaire sur l'expérience de vie avec des troubles psychiques", "Fiche 7", "ajourné (2027)",
         "Faute de financement en 2026", "p22-07"),
        ("D2026-07", "Cartographie des acteurs de l'emploi et de la formation", "Fiche 10", "abandon acté",
         "Remplacée par le répertoire de la Mission locale", "p22-10"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Relevé de décisions"
    ws["A1"] = "Relevé de décisions"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = f"Comité de pilotage du Conseil local de santé mentale – séance du {in_words(day)}"
    ws["A3"] = "Diffusion : membres du COPIL – Réf. DG/CLSM/2026-012"
    ws["A3"].font = GREY_ITALIC
    header_row(ws, 5, ["N°", "Objet", "Fiche", "Décision", "Suite à donner / pilote"], background=fill("D9E1F2"))
    statuses = []
    for offset, (number, subject, sheet, decision, follow, action) in enumerate(rows, start=6):
        for col, value in enumerate([number, subject, sheet, decision, follow], start=1):
            ws.cell(row=offset, column=col, value=value).alignment = WRAP
        ws.cell(row=offset, column=4).font = BOLD
        statuses.append((action, day, ADMIN_WORDS[decision]))
    widths(ws, {"A": 10, "B": 58, "C": 9, "D": 30, "E": 44})
    save_book(wb, out / name)
    return name, entry(
        ["action_status"],
        len(rows),
        {"action_status": new_statuses(statuses)},
        [
            "statuses in the WORDS OF PUBLIC ADMINISTRATION in a « Décision » column: « acté » and « validé en COPIL » (a continuation or a launch decided) = mise en œuvre, « en instruction (ARS) » and « arbitrage en cours (Ville / CD 57) » (funding or carrier not decided yet) = conception, « clôture actée » = réalisée, « ajourné (2027) » = reportée, « abandon acté » = abandonnée",
            f"one decision per action of the 2022 programme, named « Fiche 15 », « Fiche 6 » … (= p22-15, p22-06 …) beside a subject in the secretariat's words; all dated by the session in the title line (« séance du {in_words(day)} », row 2), the header in row 5; « N° » (D2026-01 …) is the decision's number, not an action; « Suite à donner / pilote » is a note",
        ],
    )


def chj_calendar_v3_cancels(out: Path) -> tuple[str, dict]:
    """The 2026 calendar of the instances, version 3 « annule et remplace la V2 », with a « Modification » column."""
    name = "CLSM_calendrier_instances_2026_V3.xlsx"
    d = dt.date
    # instance typed, date, hours, place, modification, instance id (None: cancelled)
    rows = [
        ("COPIL", d(2026, 3, 17), "14h-16h", "CH de Jury, salle du CA", None, "copil"),
        ("Réunion d'information des partenaires", d(2026, 5, 21), "9h30-12h", "Hôtel de Ville",
         "ANNULÉE (regroupée avec la plénière de juillet)", None),
        ("COPIL", d(2026, 6, 16), "14h-16h", "Hôtel de Ville", "date modifiée (initialement le 09/06)", "copil"),
        ("Assemblée plénière", d(2026, 7, 2), "9h-12h30", "Arsenal – salle de l'Esplanade", "NOUVEAU", "pleniere"),
        ("COPIL", d(2026, 11, 10), "14h-16h", "CH de Jury, salle du CA", None, "copil"),
        ("Assemblée plénière", d(2026, 12, 3), "9h-12h30", "à définir", None, "pleniere"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Calendrier 2026"
    ws["A1"] = "Calendrier 2026 des instances du CLSM – V3 du 09/03/2026"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Annule et remplace la V2 du 15/01/2026"
    ws["A2"].font = Font(bold=True, color="C00000")
    header_row(ws, 4, ["Instance", "Date", "Horaire", "Lieu", "Modification (V3)"], background=fill("FFF2CC"))
    meetings = []
    for offset, (label, day, hours, place, change, instance) in enumerate(rows, start=5):
        for col, value in enumerate([label, weekday(day), hours, place, change], start=1):
            ws.cell(row=offset, column=col, value=value)
        ws.cell(row=offset, column=2).number_format = "DD/MM/YYYY"
        if change:
            for col in range(1, 6):
                ws.cell(row=offset, column=col).fill = fill("FFFF00")
        if instance is not None:
            meetings.append((instance, day))
    widths(ws, {"A": 38, "B": 12, "C": 10, "D": 32, "E": 46})
    save_book(wb, out / name)
    return name, entry(
        ["meeting"],
        len(meetings),
        {"meeting": new_meeting_rows(meetings, [])["meeting"]},
        [
            "a new VERSION of a calendar: « V3 du 09/03/2026 » and « Annule et remplace la V2 du 15/01/2026 » (rows 1-2) above the header (row 4); the changed lines are highlighted yellow with a « Modification (V3) » column: « ANNULÉE (regroupée avec la plénière de juillet) » = the partners' information meeting of 21/05/2026 will NOT take place (no meeting), « NOUVEAU » = added, « date modifiée (initialement le 09/06) » = the COPIL is on 16/06/2026 (the old date 09/06 is not a meeting)",
            "five planned meetings of 2026 (COPIL 17/03, 16/06, 10/11; plenaries 02/07 and 03/12), real date cells; the place « à définir » is no place",
        ],
    )


def chj_signin_one_sheet_per_meeting(out: Path) -> tuple[str, dict]:
    """The direction's sign-in records of two COPILs, one sheet per meeting, the date only in the sheet name."""
    name = "emargements_COPIL_CLSM_2025-2026.xlsx"
    sheets = [
        ("COPIL 25.11.25", dt.date(2025, 11, 25), [
            ("CH Jury", "professionnel", 4, "ch-jury"), ("Ville de Metz", "élu", 1, "ville-metz"),
            ("Ville de Metz", "professionnel", 2, "ville-metz"), ("Eurométropole", "professionnel", 1,
                                                                   "eurometropole-metz"),
            ("ARS (DT 57)", "professionnel", 1, "ars-grand-est"), ("Département", "professionnel", 1,
                                                                  "departement-moselle"),
            ("UNAFAM", "aidant", 1, "unafam-moselle"), ("GEM Albatros", "usager", 2, "gem-albatros"),
        ]),
        ("COPIL 10.02.26", dt.date(2026, 2, 10), [
            ("CH Jury", "professionnel", 3, "ch-jury"), ("CMP Winnicott", "professionnel", 1, "cmp-winnicott"),
            ("Ville de Metz", "élu", 1, "ville-metz"), ("Ville de Metz", "professionnel", 1, "ville-metz"),
            ("Préfecture", "professionnel", 1, "prefecture-moselle"), ("ARS (DT 57)", "professionnel", 1,
                                                                      "ars-grand-est"),
            ("Maison des ados", "professionnel", 1, "mda-moselle"), ("UNAFAM", "aidant", 2, "unafam-moselle"),
            ("GEM Camille Claudel", "usager", 1, "gem-camille-claudel"),
        ]),
    ]  # fmt: skip
    roles = {"professionnel": PRO, "élu": ELU, "aidant": AID, "usager": USA}
    wb = Workbook()
    wb.remove(wb.active)
    meetings, attendance = [], []
    for title, day, rows in sheets:
        ws = wb.create_sheet(title)
        header_row(ws, 1, ["Structure", "Catégorie", "Nombre"], background=fill("E2EFDA"))
        for offset, (structure, category, count, sid) in enumerate(rows, start=2):
            for col, value in enumerate([structure, category, count], start=1):
                ws.cell(row=offset, column=col, value=value)
            attendance.append(("copil", weekday(day), sid, roles[category], count))
        meetings.append(("copil", day))
        widths(ws, {"A": 26, "B": 15, "C": 9})
    save_book(wb, out / name)
    return name, entry(
        ["meeting", "attendance"],
        {title: len(rows) for title, _, rows in sheets},
        new_meeting_rows(meetings, attendance),
        [
            "ONE SHEET PER MEETING: the meeting is ONLY the sheet's name, « COPIL 25.11.25 » = COPIL of Tuesday 25/11/2025 and « COPIL 10.02.26 » = COPIL of Tuesday 10/02/2026 (day.month.two-digit year with dots); no title, no date in the cells",
            "each sheet a plain « Structure | Catégorie | Nombre » table from row 1; structures by short names (« CH Jury », « ARS (DT 57) » = ARS Grand Est, « Maison des ados », « GEM Albatros »); the Ville de Metz on two lines (élu and professionnel)",
        ],
    )


# --------------------------------------------------------------------------------------------
# The Ville de Metz's health service: shared agenda, software export, PDF conversion, directory, chart
# --------------------------------------------------------------------------------------------


def city_agenda_week_numbers(out: Path) -> tuple[str, dict]:
    """The health service's shared agenda exported with week numbers and weekdays instead of dates."""
    name = "Agenda_partage_service_sante_CLSM_S10-S20_2026.xlsx"
    # ISO week, ISO weekday (1 = Monday), hours, subject, place, instance
    rows = [
        (10, 4, "14h00 - 16h00", "GT Jeunes CLSM", "Maison des adolescents", "groupe-jeunes"),
        (11, 2, "9h30 - 11h30", "Groupe logement CLSM", "AMLI", "groupe-logement"),
        (12, 4, "14h00 - 16h00", "Groupe précarité CLSM", "Carrefour des solidarités", "groupe-precarite"),
        (13, 2, "14h00 - 16h30", "Groupe enfance-parentalité CLSM", "Pôle petite enfance", "groupe-enfance-parentalite"),
        (14, 4, "10h00 - 12h00", "Groupe culture-loisirs CLSM", "Espace Bernard-Marie Koltès", "groupe-culture-loisirs"),
        (16, 2, "14h00 - 16h00", "Groupe situations de crise CLSM", "CH de Jury", "groupe-situations-crise"),
        (18, 3, "14h00 - 16h00", "Groupe participation / citoyenneté CLSM", "GEM Camille Claudel",
         "groupe-participation-citoyennete"),
        (19, 2, "14h00 - 16h00", "GT Jeunes CLSM", "Mission locale du Pays messin", "groupe-jeunes"),
        (20, 2, "9h30 - 11h30", "Groupe emploi-formation CLSM", "Mission locale du Pays messin",
         "groupe-emploi-formation"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Export agenda"
    header_row(ws, 1, ["Semaine", "Jour", "Horaire", "Objet", "Lieu", "Catégorie"], background=fill("BDD7EE"))
    ws.freeze_panes = "A2"
    meetings = []
    for offset, (week, iso_day, hours, subject, place, instance) in enumerate(rows, start=2):
        day = weekday(dt.date.fromisocalendar(2026, week, iso_day))
        for col, value in enumerate([f"S{week} 2026", DAYS[iso_day - 1], hours, subject, place, "CLSM"], start=1):
            ws.cell(row=offset, column=col, value=value)
        meetings.append((instance, day))
    widths(ws, {"A": 11, "B": 10, "C": 15, "D": 40, "E": 32, "F": 11})
    save_book(wb, out / name)
    return name, entry(
        ["meeting"],
        len(rows),
        {"meeting": new_meeting_rows(meetings, [])["meeting"]},
        [
            "NO DATE: each meeting is given by its ISO WEEK NUMBER and the weekday, « S14 2026 » + « jeudi » = Thursday 02/04/2026 (week 14 of 2026 runs from Monday 30/03 to Sunday 05/04); « S10 2026 » + « jeudi » = 05/03/2026, « S20 2026 » + « mardi » = 12/05/2026; « S14 » is a week, not a semester",
            "nine meetings of the project groups in spring 2026 (the GT Jeunes twice), the group only in the « Objet » in the service's words (« GT Jeunes CLSM », « Groupe participation / citoyenneté CLSM »); a « Catégorie » column « CLSM » (the agenda's colour category) and the hours are not data; header frozen in row 1",
        ],
    )


def city_org_chart_refused(out: Path) -> tuple[str, dict]:
    """The city's organisation chart of its solidarity and health directorate, drawn in merged cells."""
    name = "Organigramme_DGA_Solidarites_Sante_Ville_de_Metz_avril_2026.xlsx"
    boxes = [
        ("E2:H3", "Directeur général des services (DGS)\n[masqué]", "1F4E78"),
        ("E6:H7", "DGA Solidarités, santé et cohésion\n[masqué]", "2E75B6"),
        ("A10:C11", "Direction de la santé publique\n[masqué]", "9DC3E6"),
        ("E10:H11", "Direction de la petite enfance\n[masqué]", "9DC3E6"),
        ("J10:L11", "CCAS (établissement public)\nDirectrice : [masqué]", "9DC3E6"),
        ("A14:C15", "Service santé publique\nMission CLS / CLSM : [masqué]", "DEEBF7"),
        ("A17:C18", "Atelier santé ville\n[masqué]", "DEEBF7"),
        ("A20:C21", "Hygiène et salubrité\n[masqué]", "DEEBF7"),
        ("E14:H15", "Pôle petite enfance\n[masqué]", "DEEBF7"),
        ("J14:L15", "Action sociale et insertion\n[masqué]", "DEEBF7"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Organigramme"
    ws["A1"] = "Organigramme – DGA Solidarités, santé et cohésion – au 1er avril 2026"
    ws["A1"].font = Font(bold=True, size=13)
    for ref, text, color in boxes:
        ws.merge_cells(ref)
        cell = ws[ref.split(":")[0]]
        cell.value = text
        cell.alignment = CENTER
        cell.fill = fill(color)
        cell.font = Font(bold=True, color="FFFFFF" if color in ("1F4E78", "2E75B6") else "000000")
        cell.border = BOX
    for ref in ("F4", "F5", "B8", "F8", "K8", "B9", "F9", "K9", "B12", "B13", "F12", "F13", "K12", "K13"):
        ws[ref] = "│"
        ws[ref].alignment = Alignment(horizontal="center")
    ws["A23"] = "Document interne – ne pas diffuser – mise à jour : DRH, avril 2026"
    ws["A23"].font = GREY_ITALIC
    ws.sheet_view.showGridLines = False
    widths(ws, {letter: 9 for letter in "ABCDEFGHIJKL"})
    save_book(wb, out / name)
    info = entry(
        [],
        0,
        {},
        [
            "an ORGANISATION CHART drawn in merged, coloured boxes with « │ » connectors, gridlines hidden: the city's DGS, its DGA Solidarités, santé et cohésion, three directions and their services (santé publique, atelier santé ville, hygiène, petite enfance, CCAS, action sociale), each with a « [masqué] » holder",
            "nothing to store: internal services of the Ville de Metz and their heads, not partner structures of the council (the Pôle petite enfance is already a structure of the seed; nothing else is asked), no meeting, no date but the chart's own, no count; a careful reader refuses the file",
        ],
    )
    info["refused"] = "organigramme interne des services de la Ville : rien à enregistrer"
    return name, info


def city_tiers_export_padded(out: Path) -> tuple[str, dict]:
    """The export of the health service's « tiers » software: fields padded to a fixed width, non-breaking spaces."""
    name = "EXPORT_TIERS_SANTE_20260402.csv"
    nbsp = "\u00a0"
    # code, name, acronym, type, postcode, INSEE, town, key
    rows = [
        ("T000412", "Centre hospitalier de Jury", "CH JURY", "ETAB. PUBLIC SANTE", "57245", "57351", "JURY",
         "ch-jury"),
        ("T000419", f"GEM{nbsp}L'Albatros", "", "ASSOCIATION", "57000", "57463", "METZ", "gem-albatros"),
        ("T000533", f"Carrefour des solidarités{nbsp}", "", "ASSOCIATION", "57000", "57463", "METZ",
         "carrefour-solidarites"),
        ("T000540", f"UNAFAM{nbsp}Moselle", "UNAFAM", "ASSOCIATION", "57000", "57463", "METZ", "unafam-moselle"),
        ("T000871", "CCAS de Metz", "CCAS", "ETAB. PUBLIC COMMUNAL", "57000", "57463", "METZ", NEW),
        ("T000874", f"Maison de santé pluriprofessionnelle{nbsp}de Borny", "MSP BORNY", "SANTE LIBERALE", "57070",
         "57463", "METZ", NEW),
        ("T000879", "Centre social de la Patrotte", "", "ASSOCIATION", "57050", "57463", "METZ", NEW),
        ("T000880", f"Épicerie sociale de Montigny{nbsp}", "", "ASSOCIATION", "57950", "57480", "MONTIGNY-LES-METZ",
         NEW),
    ]  # fmt: skip
    head = ["CODE_TIERS", "RAISON_SOCIALE", "SIGLE", "TYPE_TIERS", "CP", "CODE_INSEE", "VILLE"]
    size = [10, 50, 12, 24, 5, 10, 30]
    lines = [head] + [list(row[:-1]) for row in rows]
    text = "".join(";".join(v.ljust(w) for v, w in zip(line, size, strict=True)) + "\r\n" for line in lines)
    (out / name).write_bytes(text.encode("utf-8"))
    keys = [row[-1] for row in rows]
    return name, entry(
        ["structure"],
        len(rows),
        {"structure": count_new(keys, SEED_STRUCTURES)},
        [
            "an export of the service's old « tiers » software: every field PADDED WITH SPACES to its column's fixed width (CHAR fields: « CH JURY     », a 50-character « RAISON_SOCIALE »), headers padded too, « ; » separator, no quotes, UTF-8 without BOM, CRLF; some names hold a NON-BREAKING SPACE inside or at the end (« GEM\u00a0L'Albatros », « Carrefour des solidarités\u00a0 »), the same structures as the seed's",
            "the commune is given by « CP » (postcode) AND « CODE_INSEE » (57463 = Metz, 57480 = Montigny-lès-Metz, 57351 = Jury, the CH de Jury), the town in capitals without accents; « TYPE_TIERS » is the software's category; « CODE_TIERS » is its own number; four structures of the seed (CH de Jury, GEM L'Albatros, Carrefour des solidarités, UNAFAM Moselle) and four new (CCAS de Metz, MSP de Borny, centre social de la Patrotte, épicerie sociale de Montigny)",
        ],
    )


def city_sism_pdf_broken_lines(out: Path) -> tuple[str, dict]:
    """The SISM 2025 bilan converted from PDF to Excel: words and dates broken over two lines inside the cells."""
    name = "Bilan_SISM_2025_Ville_de_Metz_converti.xlsx"
    d = dt.date
    # date, date as converted, title as converted, place as converted, participants
    rows = [
        (d(2025, 10, 6), "lun. 6\noct. 2025", "Conférence inaugu-\nrale « Santé mentale et inclusion »", "Arsenal –\nsalle de l'Esplanade", 140),
        (d(2025, 10, 7), "mar. 7\noct. 2025", "Ciné-débat : la santé men-\ntale des jeunes", "Cinéma Le\nKlub", 62),
        (d(2025, 10, 9), "jeu. 9\noct. 2025", "Portes ouvertes du GEM Ca-\nmille Claudel", "GEM Camille\nClaudel", 35),
        (d(2025, 10, 14), "mar. 14\noct. 2025", "Sensibilisation des agents d'ac-\ncueil de la Ville", "Hôtel de\nVille", 24),
        (d(2025, 10, 16), "jeu. 16\noct. 2025", "Forum des associations de\nsanté mentale", "Place d'Armes", 210),
        (d(2025, 10, 17), "ven. 17\noct. 2025", "Théâtre-forum « Et si on en par-\nlait ? »", "Espace Bernard-\nMarie Koltès", 88),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Table 1"
    ws["A1"] = "Semaines d'information sur la santé mentale 2025 – bilan des manifestations"
    ws["A2"] = "Ville de Metz – Direction de la santé publique"
    for offset, head in enumerate(["Date", "Manifestation", "Lieu", "Participants"], start=1):
        ws.cell(row=4, column=offset, value=head)
    row = 5
    for index, (day, shown, title, place, people) in enumerate(rows):
        weekday(day)
        for col, value in enumerate([shown, title, place, str(people)], start=1):
            ws.cell(row=row, column=col, value=value).alignment = WRAP
        row += 1
        if index == 3:
            ws.cell(row=row, column=2, value="1/2")
            row += 1
    ws.cell(row=row, column=2, value="2/2")
    widths(ws, {"A": 11, "B": 34, "C": 16, "D": 12})
    save_book(wb, out / name)
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            "a PDF converted to Excel (sheet « Table 1 », no bold, no fill): line breaks INSIDE the cells where the PDF wrapped its text, words cut by a hyphen (« Conférence inaugu-\\nrale », « la santé men-\\ntale », « d'ac-\\ncueil »: read « inaugurale », « mentale », « d'accueil »; but « Ciné-débat », « Théâtre-forum » are real hyphens), the DATE broken over two lines (« lun. 6\\noct. 2025 » = 06/10/2025), places broken too",
            "the participants are numbers stored as TEXT (« 140 »); a page-number row « 1/2 » in the middle and « 2/2 » at the end (column B only) are not events; six events of the SISM 2025 (6-17 October 2025) in Metz with their participants; title lines in rows 1-2, header in row 4",
        ],
    )


def city_directory_review(out: Path) -> tuple[str, dict]:
    """The health service's proofreading of the resource directory, with an « Action demandée » per entry."""
    name = "annuaire_CLSM_relecture_service_sante_2026.xlsx"
    # resource, structure, public, what to do, remark, key (None: to delete)
    rows = [
        ("Stopblues", "Inserm", "jeunes, tout public", "inchangé", "", "stopblues"),
        ("Écout'Émoi", "Maison des adolescents de Moselle", "11-21 ans", "à modifier",
         "consultations désormais jusqu'à 25 ans", "ecout-emoi"),
        ("Maison des bébés (nom provisoire)", "CMP Winnicott", "0-3 ans et parents", "à modifier",
         "nom définitif : « Maison des bébés de Metz »", "maison-des-bebes"),
        ("Chèques psy pour les étudiants", "SUMPPS", "étudiants", "à supprimer",
         "dispositif remplacé par Mon soutien psy", None),
        ("Mon soutien psy", "Assurance maladie", "tout public dès 3 ans", "à créer",
         "12 séances remboursées chez un psychologue partenaire", NEW),
        ("Consultations de puériculture – centre de PMI de Borny", "Département de la Moselle", "0-6 ans et parents",
         "à créer", "sur rendez-vous, gratuit", NEW),
        ("Permanence psychologue du CCAS", "CCAS de Metz", "personnes accompagnées par le CCAS", "à créer",
         "mardi matin, sans rendez-vous", NEW),
    ]  # fmt: skip
    colors = {"inchangé": None, "à modifier": "FFEB9C", "à supprimer": "FFC7CE", "à créer": "C6EFCE"}
    wb = Workbook()
    ws = wb.active
    ws.title = "Relecture"
    ws["A1"] = "Annuaire des ressources du CLSM – relecture par le service santé publique (mars 2026)"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Ressource", "Structure", "Public", "Action demandée", "Précision"], background=fill("D9E1F2"))
    for offset, (resource, structure, public, todo, remark, _) in enumerate(rows, start=4):
        for col, value in enumerate([resource, structure, public, todo, remark or None], start=1):
            ws.cell(row=offset, column=col, value=value)
        if colors[todo]:
            ws.cell(row=offset, column=4).fill = fill(colors[todo])
    widths(ws, {"A": 50, "B": 34, "C": 32, "D": 16, "E": 52})
    save_book(wb, out / name)
    keys = [row[-1] for row in rows if row[-1] is not None]
    return name, entry(
        ["resource"],
        len(keys),
        {"resource": count_new(keys, SEED_RESOURCES)},
        [
            "an « Action demandée » column on each entry (coloured): « inchangé » and « à modifier » = entries of the seed (Stopblues, Écout'Émoi, the Maison des bébés), « à créer » = three new entries (Mon soutien psy, the PMI centre of Borny's consultations, the CCAS's psychologist), « à supprimer » = the students' « Chèques psy » must NOT be kept or added (the line is not a resource to store)",
            "the « Précision » says what to change (« nom définitif : « Maison des bébés de Metz » », « consultations désormais jusqu'à 25 ans ») or describes the new entry; title in row 1, header in row 3; no phone, no person",
        ],
    )


# --------------------------------------------------------------------------------------------
# The Eurométropole's social cohesion department
# --------------------------------------------------------------------------------------------


def eurometropole_bo_export_prompts(out: Path) -> tuple[str, dict]:
    """A Business Objects export of the action partnerships, its prompts block above and a « (Tous) » filter row."""
    name = "Export_BO_cohesion_sociale_CLSM_partenariats_2026.xlsx"
    # sheet number typed, action title typed, structure typed, role typed, action, structure id, role
    rows = [
        ("12", "Ouverture de la concertation logement", "Eurométropole de Metz", "Partenaire", "p22-12",
         "eurometropole-metz", "partenaire"),
        ("12", "Ouverture de la concertation logement", "AMLI", "Partenaire", "p22-12", "amli", "partenaire"),
        ("12", "Ouverture de la concertation logement", "ADOMA", "Partenaire", "p22-12", "adoma", "partenaire"),
        ("13", "Création d'une EMPP", "ARS Grand Est", "Financeur", "p22-13", "ars-grand-est", "financeur"),
        ("13", "Création d'une EMPP", "CH de Jury", "Porteur", "p22-13", "ch-jury", "porteur"),
        ("14", "Collaboration EMPP / acteurs locaux", "Carrefour des solidarités", "Partenaire", "p22-14",
         "carrefour-solidarites", "partenaire"),
        ("15", "Rencontre CMP / partenaires (précarité)", "CH de Jury", "Partenaire", "p22-15", "ch-jury",
         "partenaire"),
        ("16", "Cités éducatives – Metz-Borny", "Ville de Metz", "Partenaire", "p22-16", "ville-metz", "partenaire"),
        ("16", "Cités éducatives – Metz-Borny", "Eurométropole de Metz", "Financeur", "p22-16", "eurometropole-metz",
         "financeur"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Partenariats CLSM"
    prompts = [
        ("Rapport :", "CLSM – Partenariats par fiche action"),
        ("Invites :", None),
        ("   Année :", "2026"),
        ("   Territoire :", "(Tous)"),
        ("   Dispositif :", "CLS / CLSM"),
        ("Date d'actualisation :", "31/03/2026 06:00"),
    ]
    for offset, (label, value) in enumerate(prompts, start=1):
        ws.cell(row=offset, column=1, value=label).font = Font(bold=label.strip().endswith(":"), size=9)
        ws.cell(row=offset, column=2, value=value).font = Font(size=9)
    header = 8
    header_row(ws, header, ["Fiche", "Action", "Organisme", "Rôle"], background=fill("305496"))
    for col in range(1, 5):
        ws.cell(row=header, column=col).font = Font(bold=True, color="FFFFFF")
        ws.cell(row=header + 1, column=col, value="(Tous)").font = Font(italic=True, color="808080")
        ws.cell(row=header + 1, column=col).fill = fill("F2F2F2")
    ws.freeze_panes = f"A{header + 2}"
    links = set()
    for offset, (number, title, structure, role_typed, action, sid, role) in enumerate(rows, start=header + 2):
        for col, value in enumerate([number, title, structure, role_typed], start=1):
            ws.cell(row=offset, column=col, value=value)
        assert action in SEED_ACTIONS and sid in SEED_STRUCTURES, (action, sid)
        links.add((action, sid, role))
    ws.cell(row=header + 2 + len(rows) + 1, column=1, value="Page 1 / 1").font = Font(size=8, color="808080")
    widths(ws, {"A": 22, "B": 44, "C": 30, "D": 12})
    save_book(wb, out / name)
    return name, entry(
        ["action_partner"],
        len(rows),
        {"action_partner": len(links - SEED_ACTION_PARTNERS)},
        [
            "a BUSINESS OBJECTS report exported to Excel: a PROMPTS block above the table (« Rapport : », « Invites : », « Année : 2026 », « Territoire : (Tous) », « Dispositif : CLS / CLSM », « Date d'actualisation : 31/03/2026 06:00 », rows 1-6, small type), the header in row 8 (white on dark blue) and right under it a FILTER ROW of « (Tous) » in every column (row 9, grey italic): not data; panes frozen under it; a « Page 1 / 1 » footer line",
            "nine links action × structure × role, the action by its sheet number as text (« 12 » = p22-12 …) and a shortened title, roles capitalised (« Partenaire », « Financeur », « Porteur »); the Ville de Metz on p22-16 and the CH de Jury on p22-15 as « partenaire » are already in the seed: 7 new links",
        ],
    )


def eurometropole_minutes_sections(out: Path) -> tuple[str, dict]:
    """The precarity group's attendance laid out like minutes: present, excused, also attending."""
    name = "GT_precarite_12-02-2026_presences_Eurometropole.xlsx"
    instance, day = "groupe-precarite", weekday(dt.date(2026, 2, 12))
    roles = {"professionnel": PRO, "élu": ELU, "bénévole": BEN, "usager": USA}
    sections = [
        ("Étaient présents :", True, [
            ("Eurométropole de Metz – cohésion sociale", 2, "professionnel", "eurometropole-metz"),
            ("Eurométropole de Metz – vice-président", 1, "élu", "eurometropole-metz"),
            ("EMPP (CH de Jury)", 2, "professionnel", "ch-jury-empp"),
            ("Carrefour des solidarités", 1, "professionnel", "carrefour-solidarites"),
            ("Carrefour des solidarités", 1, "bénévole", "carrefour-solidarites"),
            ("Médecins du Monde", 1, "bénévole", "medecins-du-monde-metz"),
            ("RESAM", 1, "bénévole", "resam"),
            ("ADOMA", 1, "professionnel", "adoma"),
            ("GEM L'Albatros", 2, "usager", "gem-albatros"),
        ]),
        ("Étaient excusés :", False, [
            ("Préfecture de la Moselle", 1, "professionnel", "prefecture-moselle"),
            ("MDPH", 1, "professionnel", "mdph"),
            ("CMSEA", 1, "professionnel", "cmsea"),
        ]),
        ("Assistaient également :", True, [
            ("CCOMS de Lille (intervenant, en visio)", 1, "professionnel", "ccoms-lille"),
            ("CH de Jury – direction", 1, "professionnel", "ch-jury"),
        ]),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences"
    ws["A1"] = f"Groupe projets « Précarité » du CLSM – {in_words(day)} – Eurométropole, salle 3"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["", "Nombre", "Catégorie"])
    row, attendance, lines, heads = 4, [], 0, []
    for label, came, people in sections:
        ws.cell(row=row, column=1, value=label).font = Font(bold=True, underline="single")
        heads.append(row)
        row += 1
        for structure, count, category, sid in people:
            for col, value in enumerate([f"- {structure}", count, category], start=1):
                ws.cell(row=row, column=col, value=value)
            if came:
                attendance.append((instance, day, sid, roles[category], count))
                lines += 1
            row += 1
        row += 1
    widths(ws, {"A": 46, "B": 9, "C": 14})
    save_book(wb, out / name)
    return name, entry(
        ["meeting", "attendance"],
        lines,
        new_meeting_rows([(instance, day)], attendance),
        [
            f"laid out like MINUTES in three sections, each a bold underlined line in column A (rows {', '.join(map(str, heads))}): « Étaient présents : » (attendance), « Étaient excusés : » (three structures with a count of 1 each: they did NOT come, no row), « Assistaient également : » (guests: the CCOMS de Lille's speaker by video and the CH de Jury's direction, who DID attend: attendance rows); the structures are bulleted « - … »; the header row 3 has an empty first cell",
            "the meeting (groupe projets précarité, Thursday 12/02/2026) only in the title line; the Eurométropole on two lines (professionnels and its vice-president, élu); the Carrefour des solidarités on two lines (professionnel and bénévole)",
        ],
    )


# --------------------------------------------------------------------------------------------
# The Département's PMI and ASE services
# --------------------------------------------------------------------------------------------


def pmi_sessions_year_on_top(out: Path) -> tuple[str, dict]:
    """The PMI's collective sessions, the year only in a merged cell at the top, days typed « 13 janv. »."""
    name = "PMI_territoire_Metz_actions_collectives.xlsx"
    short = ["janv.", "févr.", "mars", "avril", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
    d = dt.date
    # date, action, type typed, place, parents
    rows = [
        (d(2026, 1, 13), "Atelier « bien-être après la naissance »", "atelier collectif", "Centre PMI de Borny", 9),
        (d(2026, 2, 5), "Groupe de parole « devenir parents »", "groupe de parole", "Centre PMI de la Patrotte", 7),
        (d(2026, 3, 17), "Sensibilisation des puéricultrices à la dépression post-natale", "sensibilisation pro",
         "Maison du Département", 16),
        (d(2026, 3, 26), "Café des parents", "atelier collectif", "Centre social de Bellecroix", 11),
        (d(2026, 4, 21), "Atelier portage et lien parent-bébé", "atelier collectif", "Centre PMI de Borny", 8),
        (d(2026, 5, 19), "Réunion d'information « la santé mentale des jeunes parents »", "réunion d'information",
         "Médiathèque Jean-Macé", 23),
        (d(2026, 6, 11), "Groupe de parole « devenir parents »", "groupe de parole", "Centre PMI de la Patrotte", 6),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Actions collectives"
    ws.merge_cells("A1:F1")
    ws["A1"] = "ANNÉE 2026"
    ws["A1"].font = Font(bold=True, size=18, color="FFFFFF")
    ws["A1"].fill = fill("C65911")
    ws["A1"].alignment = CENTER
    ws["A2"] = "Service de PMI – territoire de Metz – actions collectives en santé mentale périnatale"
    ws["A2"].font = Font(italic=True)
    header_row(ws, 4, ["Date", "Action", "Type", "Lieu", "Nb parents", "Observations"], background=fill("F8CBAD"))
    for offset, (day, action, kind, place, parents) in enumerate(rows, start=5):
        weekday(day)
        typed = f"{day.day} {short[day.month - 1]}"
        for col, value in enumerate([typed, action, kind, place, parents, None], start=1):
            ws.cell(row=offset, column=col, value=value)
    ws.cell(row=6, column=6, value="avec la sage-femme de PMI")
    widths(ws, {"A": 10, "B": 58, "C": 22, "D": 30, "E": 11, "F": 28})
    save_book(wb, out / name)
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            "the YEAR is only in a merged banner cell « ANNÉE 2026 » (A1:F1, white on orange) above the table; the dates are TEXT without year, day and abbreviated month: « 13 janv. » = 13/01/2026, « 5 févr. » = 05/02/2026, « 11 juin » = 11/06/2026",
            "seven collective sessions of the Département's PMI in the first half of 2026, its own types (« atelier collectif », « groupe de parole », « sensibilisation pro », « réunion d'information »), « Nb parents » = participants; the service in the subtitle (row 2), header in row 4; the « Observations » column is a note",
        ],
    )


def ase_meeting_acronyms(out: Path) -> tuple[str, dict]:
    """The ASE's record of the childhood group's meeting, structures as civil-service acronyms, services summed."""
    name = "CD57_DEF_reunion_partenariale_enfance-parentalite_10-02-2026.xlsx"
    instance, day = "groupe-enfance-parentalite", weekday(dt.date(2026, 2, 10))
    roles = {"pro": PRO, "aidant": AID}
    # organisation typed, count, category, structure id
    rows = [
        ("CD57 / DEF / ASE", 2, "pro", "departement-moselle"),
        ("CD57 / DEF / PMI", 1, "pro", "departement-moselle"),
        ("CD57 / DSL / MDS Metz-Borny", 1, "pro", "departement-moselle"),
        ("DT ARS 57", 1, "pro", "ars-grand-est"),
        ("DSDEN 57 – service social en faveur des élèves", 1, "pro", "education-nationale"),
        ("Ville de Metz – DGA Solid. / Pôle PE", 1, "pro", "ville-metz-pole-petite-enfance"),
        ("CMPP PEP 57", 1, "pro", "cmpp-pep57"),
        ("CMP Winnicott (CHJ)", 2, "pro", "cmp-winnicott"),
        ("EPE 57", 1, "pro", "epe-moselle"),
        ("MDA 57", 1, "pro", "mda-moselle"),
        ("UNAFAM 57", 1, "aidant", "unafam-moselle"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Présents"
    ws["A1"] = "DÉPARTEMENT DE LA MOSELLE – DGA Solidarités – Direction de l'enfance et de la famille (DEF)"
    ws["A1"].font = Font(bold=True, size=10)
    ws["A2"] = f"Réunion partenariale « enfance / parentalité » (groupe projets CLSM) du {fr_date(day)}"
    ws["A2"].font = Font(bold=True, size=12)
    header_row(ws, 4, ["Organisme", "Nombre", "Catégorie"], background=fill("E2EFDA"))
    attendance = []
    for offset, (typed, count, category, sid) in enumerate(rows, start=5):
        for col, value in enumerate([typed, count, category], start=1):
            ws.cell(row=offset, column=col, value=value)
        attendance.append((instance, day, sid, roles[category], count))
    legend = len(rows) + 6
    for offset, text in enumerate([
        "DEF : direction de l'enfance et de la famille – ASE : aide sociale à l'enfance – PMI : protection maternelle et infantile",
        "DSL : direction de la solidarité locale – MDS : maison départementale des solidarités",
    ], start=legend):  # fmt: skip
        ws.cell(row=offset, column=1, value=text).font = GREY_ITALIC
    widths(ws, {"A": 48, "B": 9, "C": 11})
    save_book(wb, out / name)
    summed = new_meeting_rows([(instance, day)], attendance)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        summed,
        [
            "structures written as CIVIL-SERVICE ACRONYMS and paths: « CD57 / DEF / ASE », « CD57 / DEF / PMI », « CD57 / DSL / MDS Metz-Borny » are three services of the Département de la Moselle (CD57 = conseil départemental), « DT ARS 57 » = ARS Grand Est (its Moselle delegation), « DSDEN 57 – … » = Éducation nationale, « Ville de Metz – DGA Solid. / Pôle PE » = the city's Pôle petite enfance, « CMP Winnicott (CHJ) », « EPE 57 », « MDA 57 », « UNAFAM 57 »; a legend of the Département's acronyms under the table",
            f"the Département's three service lines are ONE structure: their counts ADD UP (2 + 1 + 1 = 4 professionnels), so {len(rows)} lines make {summed['attendance']} attendance rows; categories abbreviated « pro » / « aidant »; the meeting (groupe projets enfance/parentalité, Tuesday 10/02/2026) only in the title line (row 2), header in row 4",
        ],
    )


def cd57_services_as_paths(out: Path) -> tuple[str, dict]:
    """The Département's services to add to the directory, their place in the organisation written as a path."""
    name = "CD57_services_a_referencer_CLSM.xlsx"
    # path, service, commune, sector, key
    rows = [
        ("CD57", "Département de la Moselle", "Metz", "collectivités et État", "departement-moselle"),
        ("CD57 > DGA Solidarités > DEF > PMI", "Centre de PMI de Metz-Borny", "Metz",
         "soins et prévention", NEW),
        ("CD57 > DGA Solidarités > DEF > PMI", "Centre de PMI de la Patrotte", "Metz", "soins et prévention", NEW),
        ("CD57 > DGA Solidarités > DEF > ASE", "Service de l'aide sociale à l'enfance – territoire de Metz", "Metz",
         "droit et protection des personnes", NEW),
        ("CD57 > DGA Solidarités > DSL", "Maison départementale des solidarités de Metz-Borny", "Metz",
         "accompagnement social et médico-social", NEW),
        ("CD57 > DGA Solidarités > Autonomie", "MDPH de la Moselle", "Metz",
         "accompagnement social et médico-social", "mdph"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Services"
    header_row(ws, 1, ["Rattachement", "Service", "Commune", "Secteur"], background=fill("DDEBF7"))
    for offset, row in enumerate(rows, start=2):
        for col, value in enumerate(row[:-1], start=1):
            ws.cell(row=offset, column=col, value=value)
    ws.cell(row=len(rows) + 3, column=1, value="DEF : enfance et famille – DSL : solidarité locale").font = GREY_ITALIC
    widths(ws, {"A": 40, "B": 56, "C": 10, "D": 38})
    save_book(wb, out / name)
    keys = [row[-1] for row in rows]
    return name, entry(
        ["structure"],
        len(rows),
        {"structure": count_new(keys, SEED_STRUCTURES)},
        [
            "each service's place in the organisation is a PATH in one cell, levels separated by « > » (« CD57 > DGA Solidarités > DEF > PMI »): the first level CD57 = the Département de la Moselle (its parent structure), the middle levels (DGA, direction) are internal divisions, not structures to create",
            "six lines: the Département itself (first line, path « CD57 ») and the MDPH are already structures of the seed; four new services (the PMI centres of Metz-Borny and of la Patrotte, the ASE's Metz territory service, the MDS of Metz-Borny), each attached to the Département; sectors in the app's words; a legend line under the table",
        ],
    )


def ase_training_plan_two_days(out: Path) -> tuple[str, dict]:
    """The ASE's 2026 training plan in mental health, two-day trainings dated « Date J1 » / « Date J2 »."""
    name = "CD57_ASE_plan_formation_sante_mentale_2026.xlsx"
    d = dt.date
    # first day, second day or None, title, trainer, trainees
    rows = [
        (d(2026, 1, 22), d(2026, 1, 29), "PSSM module jeunes", "Centre Pierre Janet", 12),
        (d(2026, 2, 3), d(2026, 2, 4), "Repérage et prise en charge de la crise suicidaire", "CH de Jury", 10),
        (d(2026, 3, 12), None, "Troubles de l'attachement et périnatalité", "CMP Winnicott", 15),
        (d(2026, 4, 9), d(2026, 4, 10), "Santé mentale des enfants confiés : sensibilisation des assistants familiaux",
         "IREPS Grand Est", 18),
        (d(2026, 5, 19), d(2026, 5, 26), "PSSM standard", "Centre Pierre Janet", 11),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan 2026"
    ws["A1"] = "Plan de formation 2026 – agents de l'ASE – volet santé mentale"
    ws["A1"].font = Font(bold=True, size=12)
    heads = ["Intitulé", "Organisme de formation", "Date J1", "Date J2", "Stagiaires"]
    header_row(ws, 3, heads, background=fill("E4DFEC"))
    for offset, (first, second, title, trainer, people) in enumerate(rows, start=4):
        weekday(first)
        if second is not None:
            weekday(second)
        for col, value in enumerate([title, trainer, first, second, people], start=1):
            ws.cell(row=offset, column=col, value=value)
        for col in (3, 4):
            ws.cell(row=offset, column=col).number_format = "DD/MM/YYYY"
    widths(ws, {"A": 70, "B": 24, "C": 12, "D": 12, "E": 11})
    save_book(wb, out / name)
    return name, entry(
        ["event"],
        len(rows),
        {"event": count_new([NEW] * len(rows), SEED_EVENTS)},
        [
            "two-day trainings dated by TWO date columns « Date J1 » and « Date J2 » (first and second day, sometimes a week apart: PSSM 22/01 and 29/01/2026): ONE event per line dated its first day, the second day is not another event; a one-day training has « Date J2 » empty",
            "five trainings (formation) of the ASE's agents in 2026, « Stagiaires » = participants; the dates come after the title and the trainer (columns C-D); title in row 1, header in row 3",
        ],
    )


# --------------------------------------------------------------------------------------------
# The ARS's local delegation
# --------------------------------------------------------------------------------------------


def ars_reporting_grid(out: Path) -> tuple[str, dict]:
    """The DT ARS 57's yearly reporting grid sent back filled: questions in rows, a « Réponse » column."""
    name = "DT_ARS_57_grille_suivi_CLSM_exercice_2025_retour.xlsx"
    # section or (number, question, answer, comment, indicator or None)
    grid = [
        "1. Gouvernance",
        ("1.1", "Le CLSM dispose-t-il d'un coordonnateur ?", "oui", "", None),
        ("1.2", "Nombre d'ETP de coordination", 1, "", None),
        ("1.3", "Le comité de pilotage s'est-il réuni au cours de l'exercice ?", "oui", "2 séances", None),
        ("1.4", "Le CLSM est-il intégré au CLS ?", "oui", "fiche n°15 du CLS 2022-2026", None),
        "2. Activité",
        ("2.1", "Nombre total de réunions organisées dans le cadre du CLSM (instances et groupes de travail)", 31,
         "dont 2 COPIL et 1 plénière", "f15-proc-2"),
        ("2.2", "Nombre de structures représentées dans les instances", 64, "", "f15-proc-3"),
        ("2.3", "Nombre d'actions du programme réalisées (sur 14 prévues)", 9, "", "f15-proc-1"),
        ("2.4", "Une SISM a-t-elle été organisée ?", "oui", "octobre 2025", None),
        "3. Résultats",
        ("3.1", "Nombre de partenaires déclarant avoir développé des collaborations (questionnaire annuel)", 38,
         "42 répondants", "f15-res-1"),
        ("3.2", "Nombre de professionnels déclarant mieux connaître l'offre en santé mentale", "non mesuré",
         "questionnaire à revoir en 2026", None),
        ("3.3", "Des difficultés ont-elles été rencontrées ?", "non", "", None),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Grille 2025"
    ws["A1"] = "AGENCE RÉGIONALE DE SANTÉ GRAND EST – Délégation territoriale de la Moselle"
    ws["A1"].font = Font(bold=True, color="1F4E78")
    ws["A2"] = "Grille de suivi annuel des CLSM – exercice 2025"
    ws["A2"].font = Font(bold=True, size=13)
    ws["A3"] = "CLSM : territoire de Metz – structure porteuse : CH de Jury – à retourner avant le 31/03/2026"
    header_row(ws, 5, ["N°", "Question", "Réponse", "Commentaire"], background=fill("BDD7EE"))
    choice = DataValidation(type="list", formula1='"oui,non"', allow_blank=True)
    ws.add_data_validation(choice)
    values, numbers = set(), 0
    for offset, item in enumerate(grid, start=6):
        if isinstance(item, str):
            ws.cell(row=offset, column=1, value=item).font = BOLD
            ws.merge_cells(start_row=offset, start_column=1, end_row=offset, end_column=4)
            ws.cell(row=offset, column=1).fill = fill("DDEBF7")
            continue
        number, question, answer, comment, indicator = item
        for col, value in enumerate([number, question, answer, comment or None], start=1):
            ws.cell(row=offset, column=col, value=value).alignment = WRAP
        answer_cell = ws.cell(row=offset, column=3)
        answer_cell.fill = fill("FFF2CC")
        answer_cell.protection = Protection(locked=False)
        if answer in ("oui", "non"):
            choice.add(answer_cell.coordinate)
        if indicator is not None:
            assert indicator in SEED_INDICATORS and isinstance(answer, int), indicator
            numbers += 1
            if (indicator, "2025") not in SEED_INDICATOR_VALUES:
                values.add((indicator, "2025"))
    ws.protection.sheet = True
    widths(ws, {"A": 6, "B": 70, "C": 12, "D": 34})
    save_book(wb, out / name)
    return name, entry(
        ["indicator_value"],
        numbers,
        {"indicator_value": len(values)},
        [
            "a REPORTING GRID: rows = questions numbered « 1.1 » … under merged section lines (« 1. Gouvernance », « 2. Activité », « 3. Résultats »), one « Réponse » column holding « oui » / « non » (a drop-down list), a number, or « non mesuré »; the sheet is PROTECTED (only the yellow answer cells are unlocked); a letterhead of three lines, header in row 5",
            "only the numeric answers to the sheet n°15 indicators are values, all for the year 2025 (« exercice 2025 »): 2.1 « Nombre total de réunions … » 31 = f15-proc-2, 2.2 « Nombre de structures représentées … » 64 = f15-proc-3, 2.3 « Nombre d'actions du programme réalisées (sur 14 prévues) » 9 = f15-proc-1, 3.1 « Nombre de partenaires déclarant avoir développé des collaborations » 38 = f15-res-1; the oui/non answers, the « 1 » ETP of coordination and the « non mesuré » (3.2, f15-res-2: no value) are not values; the comments (« dont 2 COPIL et 1 plénière », « 42 répondants ») are notes",
        ],
    )


FILES = [
    chj_copil_convocation_list,
    city_agenda_week_numbers,
    chj_decisions_admin_words,
    ars_reporting_grid,
    city_org_chart_refused,
    city_tiers_export_padded,
    pmi_sessions_year_on_top,
    ase_meeting_acronyms,
    chj_calendar_v3_cancels,
    eurometropole_bo_export_prompts,
    city_sism_pdf_broken_lines,
    eurometropole_minutes_sections,
    cd57_services_as_paths,
    ase_training_plan_two_days,
    chj_signin_one_sheet_per_meeting,
    city_directory_review,
]


def main(argv: list[str] | None = None) -> int:
    """Write the sixteen files and manifest.json into OUTDIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_heldout22.py OUTDIR", file=sys.stderr)
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
