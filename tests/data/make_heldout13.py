"""Held-out set n°13: sixteen files that the CLSM's coordinator receives from the network and tries to import.

Ten files are ordinary follow-up sheets, each typed by one kind of person (the coordinator, the secretary
of a partner structure, a city employee, a volunteer of a GEM, an intern, a hospital assistant, a social
worker, an elected official's assistant, a health mediator, the CLS officer of the Eurométropole) with one
or two everyday habits of their own. Six are harder, each in its own way: a Framaforms sign-in export, a
LimeSurvey export of the yearly partners' questionnaire, a Kanboard task export, a table copied out of a
PDF report, an e-mail thread pasted into a sheet and a paper sign-in sheet read back by OCR.

No person's name, personal e-mail or individual phone number appears anywhere: attendance is counted
per structure and role category only; senders and signatures are services, never people. Structures,
plans, actions and instances are named the way the council's documents name them (often abbreviated).
Rows dated 2023-2026, the figures of the SISM editions after 2020, the indicator values after 2021, the
survey answers and the new partner structures are test content, not facts of the council's documents.

The expected counts are computed from the rows written, against the keys of a freshly built seed
database (the SEED_* sets below), so that the manifest and the files cannot drift apart.

Usage: python make_heldout13.py OUTDIR  (writes the sixteen files and OUTDIR/manifest.json)
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

PRO, USA, AID, ELU, BEN = "professionnel", "usager", "aidant", "élu", "bénévole"
ROLES = (PRO, USA, AID, ELU, BEN)

# Keys of a freshly built seed database (python -m clsm_data build), used to count what is new.
SEED_MEETINGS = {
    ("reunion-clsm", dt.date(2021, 11, 18)),
    ("information-partenaires", dt.date(2021, 5, 27)),
}  # the six COPIL/plénière meetings of 2017-2020 are month-precision and none of the files touches them
_SEED_ATTENDANCE_2021 = [
    ("departement-moselle", PRO), ("mission-locale-pays-messin", PRO), ("sumpps", PRO), ("epnak-crp-metz", PRO),
    ("adoma-pension-famille", PRO), ("gem-camille-claudel", USA), ("samely", PRO), ("adoma", PRO),
    ("unafam-moselle", AID), ("cmpp-pep57", PRO), ("medecins-du-monde-metz", PRO), ("ch-jury", PRO),
    ("gem-albatros", USA), ("eurometropole-metz", PRO), ("gem-camille-claudel", PRO), ("resam", BEN),
    ("emams", PRO), ("ch-jury-villa-relais", PRO), ("ville-metz-pole-petite-enfance", PRO),
    ("ville-metz-multi-accueil-marmousets", PRO), ("rsma", PRO), ("ddcs-moselle", PRO), ("csapa-les-wads", PRO),
]  # fmt: skip
SEED_ATTENDANCE = {("reunion-clsm", dt.date(2021, 11, 18), sid, role) for sid, role in _SEED_ATTENDANCE_2021}
SEED_EVENTS = {("SISM", 2017), ("SISM", 2018), ("SISM", 2019), ("SISM", 2020)}
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
# action_partner rows of the seed, plus the porteur already written on the action itself (action.porteur_id)
SEED_ACTION_PARTNERS = {
    ("p22-15", "ch-jury", "partenaire"), ("p22-16", "ville-metz", "partenaire"),
    ("p22-16", "cmp-winnicott", "partenaire"), ("p22-16", "education-nationale", "partenaire"),
    ("p22-16", "prefecture-moselle", "partenaire"), ("p22-19", "mda-moselle", "partenaire"),
    ("p22-20", "inserm", "partenaire"), ("p22-20", "ville-metz", "partenaire"),
    ("fiche-32", "ireps-lorraine", "partenaire principal"), ("fiche-32", "ch-jury", "porteur"),
    ("fiche-15", "ch-jury", "porteur"), ("fiche-15", "ville-metz", "partenaire principal"),
    ("fiche-15", "ars-grand-est", "partenaire principal"), ("fiche-15", "ars-grand-est", "financeur"),
    ("fiche-15", "ville-metz", "financeur"),
    ("p22-08", "espace-bernard-marie-koltes", "porteur"), ("p22-13", "ch-jury", "porteur"),
    ("p22-17", "cmp-winnicott", "porteur"), ("p22-18", "ccoms-lille", "porteur"),
}  # fmt: skip
SEED_INDICATOR_VALUES = {("f15-proc-2", "2021"), ("f15-proc-3", "2021")}
SEED_RESOURCES = {
    "outil-lettre-information", "outil-carte-ressources", "outil-guide-sante-mentale", "outil-annuaire-structures",
    "outil-site-internet", "plateforme-formation-distance", "stopblues", "consultations-psy-mission-locale",
    "ecout-emoi", "pssm-centre-pierre-janet", "pssm-etudiants-sumpps", "pssm-france-formateurs",
    "cheques-psy-etudiants", "maison-des-bebes", "maison-droits-enfant",
}  # fmt: skip


def fr_long(day: dt.date) -> str:
    """Return a date the way people write it in full: « mardi 4 février 2025 »."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def entry(tables: list[str], data_rows: int | dict[str, int], new_rows: dict[str, int], quirks: list[str]) -> dict:
    """One manifest entry."""
    return {"tables": tables, "data_rows": data_rows, "new_rows_in_fresh_seed": new_rows, "quirks": quirks}


def header_row(ws, row: int, values: list[str], fill: PatternFill | None = None) -> None:
    """Write a bold header row."""
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=value)
        cell.font = BOLD
        if fill is not None:
            cell.fill = fill


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
    new_meetings = {key for key in meetings if key not in SEED_MEETINGS}
    totals: dict[tuple, int] = {}
    for instance, day, sid, role, count in attendance:
        assert sid in SEED_STRUCTURES, sid
        totals[(instance, day, sid, role)] = totals.get((instance, day, sid, role), 0) + count
    new_attendance = {key for key, count in totals.items() if count and key not in SEED_ATTENDANCE}
    return {"meeting": len(new_meetings), "attendance": len(new_attendance)}


def fill(color: str) -> PatternFill:
    """A solid background colour."""
    return PatternFill("solid", start_color=color, end_color=color)


# --------------------------------------------------------------------------------------------
# Ordinary files
# --------------------------------------------------------------------------------------------


def coordinator_instances_2025(out: Path) -> tuple[str, dict]:
    """The coordinator's 2025 follow-up: one block of structure lines per meeting, totals, a sheet of acronyms."""
    name = "CLSM_suivi_instances_2025.xlsx"
    blocks = [
        (dt.date(2025, 2, 4), "COPIL", "copil", "Présentiel", "CHJ – salle du conseil", [
            ("CHJ", "ch-jury", {PRO: 2}),
            ("Ville de Metz (cabinet)", "ville-metz", {PRO: 1}),
            ("EMM", "eurometropole-metz", {PRO: 1}),
            ("ARS GE", "ars-grand-est", {PRO: 1}),
            ("CD57", "departement-moselle", {PRO: 1}),
            ("UNAFAM 57", "unafam-moselle", {AID: 1}),
            ("GEM Albatros", "gem-albatros", {USA: 1}),
            ("GEM C. Claudel", "gem-camille-claudel", {USA: 1}),
        ]),
        (dt.date(2025, 3, 13), "GT Logement", "groupe-logement", "Visio (Teams)", "", [
            ("ERAH (CHJ)", "ch-jury-erah", {PRO: 2}),
            ("ADOMA", "adoma", {PRO: 1}),
            ("Pension de famille ADOMA", "adoma-pension-famille", {PRO: 1}),
            ("AMLI", "amli", {PRO: 1}),
            ("ARELOR", "arelor", {PRO: 1}),
            ("Résidence accueil BSM", "residence-accueil-ban-saint-martin", {PRO: 1}),
            ("UNAFAM 57", "unafam-moselle", {AID: 1}),
            ("CHJ", "ch-jury", {PRO: 1}),
        ]),
        (dt.date(2025, 3, 27), "GT Culture/loisirs", "groupe-culture-loisirs", "Présentiel", "Espace BMK", [
            ("Espace BMK", "espace-bernard-marie-koltes", {PRO: 1}),
            ("GEM Albatros", "gem-albatros", {USA: 3, PRO: 1}),
            ("GEM C. Claudel", "gem-camille-claudel", {USA: 2}),
            ("ESAT Charivari", "esat-charivari", {PRO: 1}),
            ("RESAM", "resam", {BEN: 1}),
            ("CHJ", "ch-jury", {PRO: 1}),
        ]),
        (dt.date(2025, 4, 10), "GT Enfance/parentalité", "groupe-enfance-parentalite", "Hybride", "MDA 57 + Teams", [
            ("CMP Winnicott", "cmp-winnicott", {PRO: 2}),
            ("Ville de Metz – pôle PE", "ville-metz-pole-petite-enfance", {PRO: 1}),
            ("CMPP PEP57", "cmpp-pep57", {PRO: 1}),
            ("EPE 57", "epe-moselle", {PRO: 1}),
            ("Éduc. nat.", "education-nationale", {PRO: 1}),
            ("UNAFAM 57", "unafam-moselle", {AID: 1}),
            ("CHJ", "ch-jury", {PRO: 1}),
        ]),
        (dt.date(2025, 6, 19), "Plénière", "pleniere", "Présentiel", "Hôtel de Ville – salon de Guise", [
            ("CHJ", "ch-jury", {PRO: 3}),
            ("Ville de Metz", "ville-metz", {ELU: 2, PRO: 2}),
            ("EMM", "eurometropole-metz", {ELU: 1}),
            ("CD57", "departement-moselle", {PRO: 1}),
            ("ARS GE", "ars-grand-est", {PRO: 1}),
            ("UNAFAM 57", "unafam-moselle", {AID: 3}),
            ("GEM Albatros", "gem-albatros", {USA: 4, PRO: 1}),
            ("GEM C. Claudel", "gem-camille-claudel", {USA: 3, PRO: 1}),
            ("MDA 57", "mda-moselle", {PRO: 2}),
            ("Mission locale", "mission-locale-pays-messin", {PRO: 1}),
            ("CMSEA", "cmsea", {PRO: 1}),
            ("MdM", "medecins-du-monde-metz", {BEN: 2}),
            ("RESAM", "resam", {BEN: 1}),
            ("EMAMS", "emams", {PRO: 1}),
            ("RSMA", "rsma", {PRO: 1}),
            ("Équipe diocésaine", "equipe-diocesaine", {BEN: 1}),
        ]),
        (dt.date(2025, 9, 25), "GT Jeunes", "groupe-jeunes", "Présentiel", "MDA 57", [
            ("MDA 57", "mda-moselle", {PRO: 2}),
            ("Mission locale", "mission-locale-pays-messin", {PRO: 2}),
            ("CASA", "casa", {PRO: 1}),
            ("SUMPPS", "sumpps", {PRO: 1}),
            ("MGEN", "mgen", {PRO: 1}),
            ("UNAFAM 57", "unafam-moselle", {AID: 1}),
            ("CHJ", "ch-jury", {PRO: 1}),
        ]),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Réunions 2025"
    ws["A1"] = "Suivi des instances du CLSM – année 2025"
    ws["A1"].font = Font(bold=True, size=14)
    header_row(ws, 3, ["Date", "Instance", "Modalité", "Lieu", "Structure", "Pro", "Usagers", "Aidants", "Élus",
                       "Bénévoles", "Total"], fill("D9E1F2"))  # fmt: skip
    row = 4
    lines = 0
    meetings, attendance = [], []
    for day, label, instance, mode, place, structures in blocks:
        meetings.append((instance, day))
        first = row
        for position, (written, sid, counts) in enumerate(structures):
            if position == 0:
                ws.cell(row=row, column=1, value=day).number_format = "DD/MM/YYYY"
                ws.cell(row=row, column=2, value=label)
                ws.cell(row=row, column=3, value=mode)
                ws.cell(row=row, column=4, value=place or None)
            ws.cell(row=row, column=5, value=written)
            for offset, role in enumerate(ROLES):
                if counts.get(role):
                    ws.cell(row=row, column=6 + offset, value=counts[role])
                    attendance.append((instance, day, sid, role, counts[role]))
            ws.cell(row=row, column=11, value=f"=SUM(F{row}:J{row})")
            row += 1
            lines += 1
        ws.cell(row=row, column=5, value="Total réunion").font = BOLD
        for col in "FGHIJK":
            cell = ws[f"{col}{row}"]
            cell.value = f"=SUM({col}{first}:{col}{row - 1})"
            cell.font = BOLD
        row += 2  # one blank line between meetings
    widths(ws, {"A": 12, "B": 22, "C": 14, "D": 30, "E": 28})
    ws.freeze_panes = "A4"
    sigles = wb.create_sheet("Sigles")
    header_row(sigles, 1, ["Sigle", "Signification"])
    for number, pair in enumerate([
        ("CHJ", "Centre hospitalier de Jury"), ("EMM", "Eurométropole de Metz"), ("CD57", "Département de la Moselle"),
        ("ARS GE", "Agence régionale de santé Grand Est"), ("BSM", "Ban-Saint-Martin"),
        ("Espace BMK", "Espace Bernard Marie Koltès"), ("ERAH", "Équipe réseau des alternatives à l'hospitalisation"),
        ("MdM", "Médecins du Monde"), ("EPE 57", "École des parents et des éducateurs de Moselle"),
        ("pôle PE", "Pôle petite enfance"), ("GT", "Groupe de travail (= groupe projets)"),
    ], start=2):  # fmt: skip
        sigles.cell(row=number, column=1, value=pair[0])
        sigles.cell(row=number, column=2, value=pair[1])
    widths(sigles, {"A": 12, "B": 50})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        lines,
        new_meeting_rows(meetings, attendance),
        [
            "one block per meeting: date, instance, mode and place only on the block's first line, blank below (fill-down)",
            "a bold « Total réunion » line with SUM formulas closes each block, then a blank line; a per-line Total column is a formula too",
            "counts per role category in columns (Pro / Usagers / Aidants / Élus / Bénévoles), an empty cell means nobody",
            "structures abbreviated (CHJ, EMM, CD57, ARS GE, MdM, Espace BMK…); a second sheet « Sigles » explains them and holds no records",
            "instances written « GT Logement », « GT Jeunes » for the groupes projets",
        ],
    )


def secretary_mda_sign_ins(out: Path) -> tuple[str, dict]:
    """The MDA secretary's sign-in summaries of the youth working group: one sheet per meeting."""
    name = "GT_jeunes_emargements_2024.xlsx"
    meetings = [
        (dt.date(2024, 3, 12), "14h00", [
            ("Maison des ados (MDA 57)", "mda-moselle", "Professionnel(le)", 2),
            ("Mission Locale", "mission-locale-pays-messin", "Professionnel(le)", 1),
            ("CASA", "casa", "Professionnel(le)", 1),
            ("SUMPPS (université)", "sumpps", "Professionnel(le)", 1),
            ("Ville de Metz", "ville-metz", "Professionnel(le)", 1),
            ("CH Jury – coordination CLSM", "ch-jury", "Professionnel(le)", 1),
            ("UNAFAM 57", "unafam-moselle", "Parent / proche", 1),
        ], "Éducation nationale, MGEN"),
        (dt.date(2024, 6, 4), "14h00", [
            ("Maison des ados (MDA 57)", "mda-moselle", "Professionnel(le)", 2),
            ("Mission Locale", "mission-locale-pays-messin", "Professionnel(le)", 1),
            ("Centre P. Janet", "centre-pierre-janet", "Professionnel(le)", 1),
            ("Éduc. nat. (infirmière scolaire)", "education-nationale", "Professionnel(le)", 1),
            ("EPE 57", "epe-moselle", "Professionnel(le)", 1),
            ("CH Jury – coordination CLSM", "ch-jury", "Professionnel(le)", 1),
            ("UNAFAM 57", "unafam-moselle", "Parent / proche", 1),
        ], "CASA"),
        (dt.date(2024, 10, 8), "9h30", [
            ("Maison des ados (MDA 57)", "mda-moselle", "Professionnel(le)", 1),
            ("Mission Locale", "mission-locale-pays-messin", "Professionnel(le)", 2),
            ("SUMPPS (université)", "sumpps", "Professionnel(le)", 1),
            ("CASA", "casa", "Professionnel(le)", 1),
            ("MGEN", "mgen", "Professionnel(le)", 1),
            ("Ville de Metz", "ville-metz", "Élu(e)", 1),
            ("CH Jury – coordination CLSM", "ch-jury", "Professionnel(le)", 1),
        ], "Centre Pierre Janet, UNAFAM 57"),
        (dt.date(2024, 12, 10), "14h00", [
            ("Maison des ados (MDA 57)", "mda-moselle", "Professionnel(le)", 2),
            ("Mission Locale", "mission-locale-pays-messin", "Professionnel(le)", 1),
            ("Centre P. Janet", "centre-pierre-janet", "Professionnel(le)", 1),
            ("CASA", "casa", "Professionnel(le)", 1),
            ("EPE 57", "epe-moselle", "Professionnel(le)", 1),
            ("CH Jury – coordination CLSM", "ch-jury", "Professionnel(le)", 1),
            ("UNAFAM 57", "unafam-moselle", "Parent / proche", 1),
        ], "Éducation nationale"),
    ]  # fmt: skip
    roles = {"Professionnel(le)": PRO, "Parent / proche": AID, "Élu(e)": ELU}
    wb = Workbook()
    template = wb.active
    template.title = "Modèle"
    template["A1"] = "Maison des adolescents de Moselle"
    template["A2"] = "Groupe projets « Jeunes et santé mentale » – CLSM"
    template["A3"] = "Date : "
    template["A4"] = "Lieu : "
    header_row(template, 6, ["Structure", "Qualité", "Nombre"])
    template["A20"] = "Total : "
    template["A21"] = "Excusés : "
    rows = 0
    keys, attendance = [], []
    for day, hour, present, excused in meetings:
        ws = wb.create_sheet(day.strftime("%d-%m-%y"))
        ws["A1"] = "Maison des adolescents de Moselle"
        ws["A1"].font = Font(bold=True, size=13, color="7030A0")
        ws.merge_cells("A1:C1")
        ws["A2"] = "Groupe projets « Jeunes et santé mentale » – CLSM"
        ws["A3"] = f"Date : {fr_long(day)} à {hour}"
        ws["A4"] = "Lieu : MDA, salle de réunion du 1er étage"
        header_row(ws, 6, ["Structure", "Qualité", "Nombre"], fill("E4DFEC"))
        row = 7
        for written, sid, quality, count in present:
            ws.cell(row=row, column=1, value=written).border = BOX
            ws.cell(row=row, column=2, value=quality).border = BOX
            ws.cell(row=row, column=3, value=count).border = BOX
            attendance.append(("groupe-jeunes", day, sid, roles[quality], count))
            row += 1
            rows += 1
        total = sum(count for *_, count in present)
        ws.cell(row=row + 1, column=1, value=f"Total : {total} personnes").font = BOLD
        ws.cell(row=row + 2, column=1, value=f"Excusés : {excused}").font = Font(italic=True)
        widths(ws, {"A": 34, "B": 20, "C": 10})
        keys.append(("groupe-jeunes", day))
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        rows,
        new_meeting_rows(keys, attendance),
        [
            "one sheet per meeting named « 12-03-24 »; the date is in a sentence above the table (« Date : mardi 12 mars 2024 à 14h00 »)",
            "the instance is only in the heading « Groupe projets « Jeunes et santé mentale » – CLSM », the same on every sheet",
            "role written as « Qualité »: « Professionnel(le) », « Parent / proche » (a carer), « Élu(e) »",
            "« Total : 11 personnes » and « Excusés : Éducation nationale, MGEN » under each table: excused structures did not attend",
            "a first sheet « Modèle » is the empty template (no records)",
        ],
    )


def city_sism_editions(out: Path) -> tuple[str, dict]:
    """A city employee's recap of the SISM editions since 2017, with a two-row header and typed thousands."""
    name = "Bilan SISM Metz 2017-2025.xlsx"
    editions = [
        (2017, "13-26 mars 2017", "Santé mentale et travail", 7, 6, 200, ""),
        (2018, "12-25 mars 2018", "Santé mentale et parentalité", 13, 17, 800, ""),
        (2019, "18-31 mars 2019", "Santé mentale à l'ère du numérique", 19, 9, 250, ""),
        (2020, "10-31 oct. 2020", "Santé mentale et discriminations", None, None, None,
         "reportée (crise sanitaire) – diffusion en direct"),
        (2021, "4-17 oct. 2021", "Pour ma santé mentale, respectons mes droits", 15, 12, "env. 300", ""),
        (2022, "10-23 oct. 2022", "Pour notre santé mentale, agissons pour notre environnement", 18, 14, 420, ""),
        (2023, "9-22 oct. 2023", "À tous les âges de la vie, ma santé mentale est un droit", 21, 16, "1\u00a0050", ""),
        (2024, "7-20 oct. 2024", "En mouvement pour notre santé mentale", 24, 19, "1\u00a0180", ""),
        (2025, "6-19 oct. 2025", "Pour notre santé mentale, réparons le lien social", 22, 17, "620*",
         "chiffres provisoires"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "SISM"
    ws["A1"] = "Semaines d'information sur la santé mentale – Ville de Metz"
    ws["A1"].font = Font(bold=True, size=14, color="1F4E79")
    ws.merge_cells("A1:G1")
    ws["A2"] = "Direction de la santé publique – mise à jour oct. 2025"
    ws["A2"].font = Font(italic=True, color="808080")
    header = fill("1F4E79")
    white = Font(bold=True, color="FFFFFF")
    for col, label in zip("ABC", ["Édition", "Dates", "Thème national"], strict=True):
        ws[f"{col}4"] = label
        ws.merge_cells(f"{col}4:{col}5")
    ws["D4"] = "Chiffres Metz"
    ws.merge_cells("D4:F4")
    ws["D5"], ws["E5"], ws["F5"] = "Partenaires", "Événements", "Participants"
    ws["G4"] = "Remarques"
    ws.merge_cells("G4:G5")
    for row in ws["A4:G5"]:
        for cell in row:
            cell.fill = header
            cell.font = white
            cell.alignment = CENTER
    row = 6
    for year, dates, theme, partners, events, participants, remark in editions:
        values = [year, dates, theme, partners, events, participants, remark or None]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            cell.border = BOX
            if col in (1, 4, 5, 6):
                cell.alignment = CENTER
            if year == 2025:
                cell.font = Font(italic=True, color="808080")
        row += 1
    ws.cell(row=row, column=1, value="TOTAL").font = BOLD
    ws.cell(row=row, column=4, value=f"=SUM(D6:D{row - 1})").font = BOLD
    ws.cell(row=row, column=5, value=f"=SUM(E6:E{row - 1})").font = BOLD
    ws.cell(row=row, column=6, value="≈ 5 000").font = BOLD
    ws.cell(
        row=row + 2, column=1, value="* chiffre provisoire au 31/10/2025, bilans des partenaires en cours de réception"
    )
    ws.cell(row=row + 3, column=1, value="Source : bilans des partenaires, programme Psycom")
    widths(ws, {"A": 9, "B": 17, "C": 55, "D": 12, "E": 12, "F": 13, "G": 40})
    wb.save(out / name)
    new_events = sum(1 for year, *_ in editions if ("SISM", year) not in SEED_EVENTS)
    return name, entry(
        ["event"],
        len(editions),
        {"event": new_events},
        [
            "two-row merged header: « Chiffres Metz » spans Partenaires / Événements / Participants",
            "participants typed as text: « env. 300 », « 1 050 » with a non-breaking space, « 620* » with a footnote star",
            "the editions 2017-2020 are already in the seed with the same figures; 2020 has no figures, only a remark",
            "a TOTAL row (formulas and a rounded « ≈ 5 000 ») and two notes under the table; the provisional 2025 row is grey italics",
            "the period of each edition is written « 6-19 oct. 2025 » in one cell",
        ],
    )


def gem_volunteer_csv(out: Path) -> tuple[str, dict]:
    """A GEM volunteer's count of members at CLSM meetings, typed in LibreOffice and saved as CSV (Windows-1252)."""
    name = "participation_GEM_Albatros_2024.csv"
    rows = [
        ("6/02", "COPIL", "copil", "3 (dont le président)", 3, "oui", ""),
        ("5/03", "GT culture loisirs", "groupe-culture-loisirs", "4", 4, "oui", "au théâtre Koltès"),
        ("16/4", "GT participation citoyenneté", "groupe-participation-citoyennete", "2", 2, "non",
         "animatrice en congé, on y est allés seuls"),
        ("13/06", "Assemblée plénière", "pleniere", "5", 5, "oui", "Hôtel de ville"),
        ("24/09", "GT culture loisirs", "groupe-culture-loisirs", "3", 3, "oui", ""),
        ("15/10", "SISM ciné-débat", None, "6", 6, "oui", "pas une réunion du CLSM mais on y était"),
        ("3/12", "GT participation citoyenneté", "groupe-participation-citoyennete", "2", 2, "oui",
         "en visio depuis le GEM"),
    ]  # fmt: skip
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Participation du GEM L'Albatros aux réunions du CLSM – Année 2024", "", "", "", ""])
    writer.writerow(["", "", "", "", ""])
    writer.writerow(["Date", "Réunion", "Adhérents", "Animatrice", "Remarques"])
    meetings, attendance = [], []
    for day_text, written, instance, members_text, members, leader, remark in rows:
        writer.writerow([day_text, written, members_text, leader, remark])
        if instance is None:
            continue
        day_number, month = (int(part) for part in day_text.split("/"))
        day = dt.date(2024, month, day_number)
        meetings.append((instance, day))
        attendance.append((instance, day, "gem-albatros", USA, members))
        if leader == "oui":
            attendance.append((instance, day, "gem-albatros", PRO, 1))
    writer.writerow(["", "", "", "", ""])
    writer.writerow(["TOTAL", "", str(sum(row[4] for row in rows)), "", ""])
    (out / name).write_bytes(buffer.getvalue().encode("cp1252"))
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        new_meeting_rows(meetings, attendance),
        [
            "CSV saved by LibreOffice in Windows-1252 with « ; » separators; a title line and an empty line above the header",
            "dates without the year (« 6/02 », « 16/4 »): the year is only in the title « Année 2024 »",
            "one structure only, never named in the rows: the GEM L'Albatros; « Adhérents » are service users, the « Animatrice » column (oui/non) is one professional",
            "a count written « 3 (dont le président) »",
            "one row is a SISM film debate the members went to, not a CLSM meeting (no meeting, no attendance)",
            "a TOTAL line at the bottom",
        ],
    )


def intern_indicators(out: Path) -> tuple[str, dict]:
    """An intern's table of the sheet n°15 indicators, one column per year, with comments and an evolution formula."""
    name = "indicateurs_FA15_2021-2025_stagiaire.xlsx"
    years = ["2021", "2022", "2023", "2024", "2025"]
    indicators = [
        ("f15-proc-1", "Nb d'actions réalisées / prévues", ["NC", "5/9", "7/11", "8/12", "6/12"]),
        ("f15-proc-2", "Nb de réunions organisées (toutes instances)", [26, 31, 28, 34, 29]),
        ("f15-proc-3", "Nb d'acteurs représentés dans les instances", [90, 96, 104, 112, 118]),
        ("f15-res-1", "Partenaires déclarant avoir développé des collaborations", ["NC", "NC", 21, "NC", 27]),
        ("f15-res-2", "Pros déclarant mieux connaître l'offre et les besoins", ["NC", "NC", "NC", "NC", "NC"]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Indicateurs"
    ws["A1"] = "CLS 2022-2026 – Fiche action n°15 « Coordination du CLSM » – indicateurs de suivi"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Type", "Indicateur", *years, "Évol. 2024/2025", "Source"], fill("FCE4D6"))
    new_values = 0
    for offset, (indicator, label, values) in enumerate(indicators):
        row = 4 + offset
        ws.cell(row=row, column=1, value="Processus" if "proc" in indicator else "Résultat")
        ws.cell(row=row, column=2, value=label)
        for col, (year, value) in enumerate(zip(years, values, strict=True), start=3):
            ws.cell(row=row, column=col, value=value)
            if value != "NC" and (indicator, year) not in SEED_INDICATOR_VALUES:
                new_values += 1
        if isinstance(values[-1], int) and isinstance(values[-2], int):
            ws.cell(row=row, column=8, value=f"=(G{row}-F{row})/F{row}").number_format = "0%"
        ws.cell(row=row, column=9, value="CR + feuilles d'émargement" if "proc" in indicator else "questionnaire")
    ws["G4"].comment = Comment("6 réalisées au 30/09, à compléter en fin d'année", "stagiaire")
    ws["G5"].comment = Comment("réunions jusqu'au 30/09 seulement", "stagiaire")
    ws["C5"].comment = Comment("chiffre repris du CR du 18/11/2021", "stagiaire")
    ws.cell(row=10, column=1, value="NC = non communiqué / pas de questionnaire cette année-là").font = Font(
        italic=True
    )
    ws.cell(row=11, column=1, value="2025 : chiffres provisoires (stage terminé le 30/09)").font = Font(italic=True)
    widths(ws, {"A": 11, "B": 52, "H": 15, "I": 26})
    wb.save(out / name)
    return name, entry(
        ["indicator_value"],
        len(indicators),
        {"indicator_value": new_values},
        [
            "wide layout: one row per indicator, one column per year (2021-2025); each filled cell is one value",
            "indicators named by a paraphrase of the sheet n°15 wording (« Nb de réunions organisées (toutes instances) »), not by their label",
            "« NC » for not measured; the first indicator is written as a fraction « 7/11 » (done / planned)",
            "the 2021 values (26 meetings, 90 actors) are already in the seed",
            "an « Évol. 2024/2025 » column of formulas (percent) is derived, not data; cell comments on three values",
            "two notes under the table",
        ],
    )


def hospital_action_partners(out: Path) -> tuple[str, dict]:
    """The hospital management assistant's partners table of the actions the CH Jury follows."""
    name = "CHJ_partenaires_fiches_actions_MAJ2025.xlsx"
    actions = [
        ("CLS 22-26 – FA 15", "Coordination du Conseil local de santé mentale", "CH JURY",
         [("VILLE DE METZ", "ville-metz"), ("ARS GRAND EST", "ars-grand-est"),
          ("EUROMÉTROPOLE DE METZ", "eurometropole-metz"), ("CD 57", "departement-moselle")],
         [("ARS", "ars-grand-est"), ("Ville de Metz", "ville-metz"), ("Eurométropole", "eurometropole-metz")],
         "fiche-15"),
        ("CLS 17-20 – FA 32", "Sensibilisation des professionnels à la santé mentale", "CH JURY",
         [("IREPS LORRAINE", "ireps-lorraine"), ("CNFPT", "cnfpt")], [], "fiche-32"),
        ("Prog. 2022", "Promotion des PSSM auprès des professionnels", "",
         [("CENTRE PIERRE JANET", "centre-pierre-janet"), ("SUMPPS", "sumpps"), ("PSSM FRANCE", "pssm-france")],
         [("ARS (pressenti)", "ars-grand-est")], "p22-03"),
        ("Prog. 2022", "Création de l'EMPP du territoire messin", "CH JURY",
         [("MÉDECINS DU MONDE", "medecins-du-monde-metz"), ("RESAM", "resam"),
          ("ÉQUIPE DIOCÉSAINE", "equipe-diocesaine"), ("CARREFOUR DES SOLIDARITÉS", "carrefour-solidarites")],
         [("ARS Grand Est", "ars-grand-est")], "p22-13"),
        ("Prog. 2022", "Collaboration EMPP / acteurs locaux", "",
         [("EMAMS", "emams"), ("CMSEA", "cmsea"), ("ADOMA", "adoma")], [], "p22-14"),
        ("Prog. 2022", "Réseau psypérinatalité", "CMP WINNICOTT (PÔLE 3)",
         [("VILLE DE METZ – PÔLE PETITE ENFANCE", "ville-metz-pole-petite-enfance"), ("SAMELY (PEP LOREST)", "samely"),
          ("EPE 57", "epe-moselle")], [], "p22-17"),
    ]  # fmt: skip
    porteurs = {"CH JURY": "ch-jury", "CMP WINNICOTT (PÔLE 3)": "cmp-winnicott"}
    wb = Workbook()
    ws = wb.active
    ws.title = "Partenaires"
    ws["A1"] = "DOCUMENT DE TRAVAIL – NE PAS DIFFUSER"
    ws["A1"].font = Font(bold=True, color="C00000")
    header_row(ws, 2, ["Réf.", "Intitulé de l'action", "Porteur", "Partenaires principaux de mise en œuvre",
                       "Financeurs", "MAJ"], fill("DDEBF7"))  # fmt: skip
    links = set()
    yellow = fill("FFFF00")
    for offset, (ref, title, porteur, partners, funders, action) in enumerate(actions):
        row = 3 + offset
        values = [ref, title, porteur or "—", "\n".join(written for written, _ in partners),
                  " / ".join(written for written, _ in funders) or "—", "MAJ 03/25"]  # fmt: skip
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            cell.alignment = WRAP
            cell.border = BOX
        if action in ("p22-03", "p22-14"):
            for col in range(1, 7):
                ws.cell(row=row, column=col).fill = yellow
        if porteur:
            links.add((action, porteurs[porteur], "porteur"))
        links.update((action, sid, "partenaire principal") for _, sid in partners)
        links.update((action, sid, "financeur") for _, sid in funders)
    ws.cell(row=10, column=1, value="en jaune : à faire valider par la coordination CLSM").fill = yellow
    widths(ws, {"A": 18, "B": 44, "C": 24, "D": 40, "E": 28, "F": 11})
    wb.save(out / name)
    return name, entry(
        ["action_partner"],
        len(actions),
        {"action_partner": len(links - SEED_ACTION_PARTNERS)},
        [
            "one row per action; the partners are stacked in one cell with line breaks (Alt+Entrée), the funders separated by « / »",
            "structure names typed in capitals (« CH JURY », « CD 57 », « ÉQUIPE DIOCÉSAINE »)",
            "actions referenced as « CLS 22-26 – FA 15 » or « Prog. 2022 » with a shortened title; porteur « — » when none",
            "the porteurs written here are already known (the CLS sheets' action_partner rows, the action's porteur for the EMPP and the psypérinatalité network); fiche 15's Ville de Metz and ARS links and fiche 32's IREPS link are in the seed",
            "a funder written « ARS (pressenti) »: an expected funding, recorded as funder like the sheet n°15",
            "a red warning line above the header, two rows highlighted in yellow with a legend below",
        ],
    )


def social_worker_precarity_group(out: Path) -> tuple[str, dict]:
    """A social worker's long list of the precarity group's attendance, with a cancelled meeting struck through."""
    name = "GT précarité 2024-2025.xlsx"
    meetings = [
        (dt.date(2024, 3, 14), "Carrefour des solidarités", [
            ("CMSEA – Service en Amont", "service-en-amont", "pro", 2),
            ("Carrefour des solidarités", "carrefour-solidarites", "pro", 1),
            ("Médecins du Monde", "medecins-du-monde-metz", "bénév.", 2),
            ("RESAM", "resam", "bénév.", 1),
            ("Équipe diocésaine", "equipe-diocesaine", "bénév.", 1),
            ("EMAMS", "emams", "pro", 1),
            ("CMP 1 (CHJ)", "ch-jury-cmp-1", "pro", 1),
        ]),
        (dt.date(2024, 6, 13), "Service en Amont", [
            ("CMSEA – Service en Amont", "service-en-amont", "pro", 1),
            ("CSAPA Les Wads", "csapa-les-wads", "pro", 1),
            ("Médecins du Monde", "medecins-du-monde-metz", "pro", 1),
            ("Médecins du Monde", "medecins-du-monde-metz", "bénév.", 1),
            ("ADOMA", "adoma", "pro", 1),
            ("EMPP (CHJ)", "ch-jury-empp", "pro", 2),
            ("GEM l'Albatros", "gem-albatros", "usag.", 1),
        ]),
        (dt.date(2024, 9, 26), "Carrefour des solidarités", [
            ("CMSEA – Service en Amont", "service-en-amont", "pro", 2),
            ("EMPP (CHJ)", "ch-jury-empp", "pro", 2),
            ("Carrefour des solidarités", "carrefour-solidarites", "pro", 1),
            ("Équipe diocésaine", "equipe-diocesaine", "bénév.", 2),
            ("RESAM", "resam", "bénév.", 1),
        ]),
        (dt.date(2024, 11, 14), None, []),
        (dt.date(2025, 1, 23), "Visio", [
            ("CMSEA – Service en Amont", "service-en-amont", "pro", 1),
            ("EMPP (CHJ)", "ch-jury-empp", "pro", 1),
            ("Médecins du Monde", "medecins-du-monde-metz", "bénév.", 1),
            ("EMAMS", "emams", "pro", 1),
            ("UNAFAM 57", "unafam-moselle", "aid.", 1),
            ("CMP 1 (CHJ)", "ch-jury-cmp-1", "pro", 1),
        ]),
        (dt.date(2025, 5, 15), "Service en Amont", [
            ("CMSEA – Service en Amont", "service-en-amont", "pro", 2),
            ("EMPP (CHJ)", "ch-jury-empp", "pro", 2),
            ("CSAPA Les Wads", "csapa-les-wads", "pro", 1),
            ("Pension de famille ADOMA", "adoma-pension-famille", "pro", 1),
            ("Carrefour des solidarités", "carrefour-solidarites", "pro", 1),
            ("GEM l'Albatros", "gem-albatros", "usag.", 2),
        ]),
    ]  # fmt: skip
    roles = {"pro": PRO, "bénév.": BEN, "usag.": USA, "aid.": AID}
    short_days = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences"
    header_row(ws, 1, ["Date", "Lieu", "Structure", "Qui", "Nb", "Commentaires"], fill("C6E0B4"))
    row = 2
    data_rows = 0
    keys, attendance = [], []
    for number, (day, place, present) in enumerate(meetings):
        written_day = f"{short_days[day.weekday()]} {day.strftime('%d/%m/%y')}"
        shade = fill("DDEBF7") if number % 2 == 0 else None
        if place is None:
            for col, value in enumerate([written_day, "", "", "", "", "ANNULÉE – reportée en janvier"], start=1):
                cell = ws.cell(row=row, column=col, value=value or None)
                cell.font = Font(strike=True, color="808080")
            row += 1
            data_rows += 1
            continue
        keys.append(("groupe-precarite", day))
        for written, sid, who, count in present:
            for col, value in enumerate([written_day, place, written, who, count], start=1):
                cell = ws.cell(row=row, column=col, value=value)
                if shade is not None:
                    cell.fill = shade
            attendance.append(("groupe-precarite", day, sid, roles[who], count))
            row += 1
            data_rows += 1
    ws.cell(row=row + 1, column=1, value="pro = professionnel, bénév. = bénévole, usag. = usager, aid. = aidant")
    ws.cell(row=row + 2, column=1, value="NB : prochaine réunion à caler en septembre, salle à demander au Carrefour")
    ws.cell(row=row + 3, column=1, value="Groupe projets « santé mentale et précarité » (CLSM)")
    widths(ws, {"A": 14, "B": 26, "C": 30, "D": 8, "E": 6, "F": 32})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        data_rows,
        new_meeting_rows(keys, attendance),
        [
            "one row per structure and role: the date is repeated on every row, written « jeu. 14/03/24 » (two-digit year) as text",
            "roles abbreviated « pro », « bénév. », « usag. », « aid. », explained by a note under the table",
            "the meeting of 14/11/2024 was cancelled: one struck-through grey row « ANNULÉE – reportée en janvier » (no meeting)",
            "the instance is never in a column: only in a note under the table (groupe projets précarité)",
            "rows shaded by meeting, alternately blue and white; Médecins du Monde appears twice in a meeting (one pro, one volunteer)",
            "structures written « CMSEA – Service en Amont », « CMP 1 (CHJ) », « EMPP (CHJ) »",
        ],
    )


def elected_assistant_agenda(out: Path) -> tuple[str, dict]:
    """An elected official's assistant's agenda of CLSM meetings, year cells merged, élus counted per body."""
    name = "Agenda élus - instances CLSM.xlsx"
    meetings = [
        (dt.date(2021, 11, 18), "14h00-16h30", "Réunion CLSM (restitution des GT)", "reunion-clsm",
         "MDA + visio", None, None, None, "pas d'élu disponible"),
        (dt.date(2023, 2, 7), "14h30-16h30", "COPIL CLSM", "copil", "CH Jury", 1, None, 1, ""),
        (dt.date(2023, 6, 15), "9h30-12h00", "Assemblée plénière CLSM", "pleniere",
         "Hôtel de Ville – salon de Guise", 2, 1, None, ""),
        (dt.date(2024, 2, 6), "14h30-16h30", "COPIL CLSM", "copil", "CH Jury", 1, None, None, ""),
        (dt.date(2024, 6, 13), "9h30-12h00", "Assemblée plénière CLSM", "pleniere",
         "Hôtel de Ville – salon de Guise", 2, 1, 1, ""),
        (dt.date(2025, 2, 4), "14h30-16h30", "COPIL CLSM", "copil", "CH Jury", None, None, 1,
         "Mme l'Adjointe représentée par son collaborateur"),
        (dt.date(2025, 6, 19), "9h30-12h30", "Assemblée plénière CLSM", "pleniere",
         "Hôtel de Ville – salon de Guise", 2, 1, None, ""),
        (dt.date(2026, 2, 3), "14h30-16h30", "COPIL CLSM", "copil", "CH Jury", None, None, None,
         "à confirmer – invitation reçue"),
    ]  # fmt: skip
    months_short = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
    wb = Workbook()
    ws = wb.active
    ws.title = "CLSM"
    ws["A1"] = "Cabinet du Maire – suivi des instances du Conseil local de santé mentale"
    ws["A1"].font = Font(bold=True, size=12)
    header_row(ws, 3, ["Année", "Jour", "Horaire", "Réunion", "Lieu", "Élus Ville", "Élus Eurométropole",
                       "Cabinet", "Observations"], fill("E2EFDA"))  # fmt: skip
    row = 4
    keys, attendance = [], []
    year_start: dict[int, int] = {}
    for day, hours, label, instance, place, city, metro, cabinet, remark in meetings:
        if day.year not in year_start:
            year_start[day.year] = row
            ws.cell(row=row, column=1, value=day.year).alignment = CENTER
        day_text = f"{WEEKDAYS[day.weekday()].capitalize()} {day.day} {months_short[day.month - 1]}"
        values = [day_text, hours, label, place, city if city is not None else "—",
                  metro if metro is not None else "—", cabinet if cabinet is not None else "—", remark or None]  # fmt: skip
        if day.year == 2026:
            values[4:7] = [None, None, None]
        for col, value in enumerate(values, start=2):
            ws.cell(row=row, column=col, value=value).border = BOX
        keys.append((instance, day))
        for sid, role, count in (("ville-metz", ELU, city), ("eurometropole-metz", ELU, metro),
                                 ("ville-metz", PRO, cabinet)):  # fmt: skip
            if count:
                attendance.append((instance, day, sid, role, count))
        row += 1
    years = sorted(year_start)
    for number, year in enumerate(years):
        last = (year_start[years[number + 1]] - 1) if number + 1 < len(years) else row - 1
        if last > year_start[year]:
            ws.merge_cells(start_row=year_start[year], start_column=1, end_row=last, end_column=1)
    ws.cell(row=row + 1, column=1, value="Cabinet = collaborateur du cabinet présent à la place ou avec l'élu(e)")
    widths(ws, {"A": 8, "B": 16, "C": 13, "D": 32, "E": 30, "F": 11, "G": 18, "H": 9, "I": 42})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(meetings),
        new_meeting_rows(keys, attendance),
        [
            "the year is in its own first column, merged vertically over the rows of that year; the day is written « Mardi 7 févr. » without the year",
            "a time range « 14h30-16h30 » in its own column",
            "only the elected officials are counted: « Élus Ville » and « Élus Eurométropole » (élu), « Cabinet » (a Ville de Metz professional); « — » means nobody",
            "the first row is the meeting of 18/11/2021, already in the seed, with no elected official: nothing new",
            "the COPIL of 03/02/2026 is planned (« à confirmer »), with no counts: a new meeting without attendance",
        ],
    )


def mediator_resource_list(out: Path) -> tuple[str, dict]:
    """A health mediator's list of where to send people from Borny, in sections, with « idem » cells."""
    name = "ou_s_adresser_Borny_mediation_sante.xlsx"
    sections = [
        ("SE SOIGNER", [
            ("CH Jury", "CMP adultes du secteur (consultations psychiatre, infirmier, psychologue)", "Adultes",
             "lun.-ven. 9h-17h, sur RDV", "Mettis A", "", "new"),
            ("CMP Winnicott", "Consultations pour enfants et parents", "Enfants 0-16 ans et leurs parents",
             "idem", "Mettis A puis bus L5", "délai d'attente long", "new"),
            ("Centre Pierre Janet", "Consultations de psychologues", "Tout public", "sur RDV",
             "Mettis B arrêt Saulcy", "tarif selon revenus", "new"),
        ]),
        ("ECOUTE / JEUNES", [
            ("MDA 57", "Écout'Émoi", "Jeunes en mal-être", "sur RDV", "Mettis A", "", "ecout-emoi"),
            ("Mission locale", "RDV psy gratuits pour les 16-25 ans", "16-25 ans", "〃", "〃",
             "3 RDV avec un psy du Centre P. Janet", "consultations-psy-mission-locale"),
            ("CASA", "Consultations pour adolescents", "Ados", "〃", "〃", "", "new"),
        ]),
        ("ENTRAIDE / FAMILLES", [
            ("GEM L'Albatros", "Accueil et activités du GEM", "Adultes concernés par les troubles psychiques",
             "lun.-ven. après-midi", "bus L3", "adhésion symbolique", "new"),
            ("GEM Camille Claudel", "Accueil et activités du GEM", "idem", "idem", "centre-ville", "", "new"),
            ("UNAFAM 57", "Accueil des familles et des proches", "Familles, proches", "permanence sur RDV",
             "centre-ville", "", "new"),
        ]),
        ("SANTE ET DROITS", [
            ("Médecins du Monde", "Centre d'accueil (soins, accès aux droits)", "Personnes sans droits ouverts",
             "mar. et jeu. matin", "Mettis A", "sans RDV", "new"),
            ("Carrefour des solidarités", "Accueil de jour et permanence infirmière du CMP", "Personnes à la rue",
             "tous les matins", "centre-ville", "", "new"),
        ]),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Annuaire"
    ws["A1"] = "OU S'ADRESSER ? Santé mentale – quartier de Borny"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "liste tenue par la médiation santé, à jour sept. 2025"
    header_row(ws, 4, ["Structure", "Service", "Pour qui ?", "Horaires", "Comment y aller", "Remarques"])
    row = 5
    count = new = 0
    for title, entries in sections:
        ws.cell(row=row, column=1, value=title).font = Font(bold=True, color="FFFFFF")
        for col in range(1, 7):
            ws.cell(row=row, column=col).fill = fill("ED7D31")
        row += 1
        for *values, key in entries:
            for col, value in enumerate(values, start=1):
                ws.cell(row=row, column=col, value=value or None).alignment = WRAP
            count += 1
            if key == "new":
                new += 1
            else:
                assert key in SEED_RESOURCES, key
            row += 1
    ws.cell(
        row=row + 1,
        column=1,
        value="Contacts : passer par l'accueil de chaque structure (numéros sur le guide santé mentale)",
    )
    widths(ws, {"A": 22, "B": 42, "C": 30, "D": 22, "E": 20, "F": 30})
    wb.save(out / name)
    return name, entry(
        ["resource"],
        count,
        {"resource": new},
        [
            "orange section rows in capitals without accents (« SE SOIGNER », « ECOUTE / JEUNES ») group the entries; they are not records",
            "repeated cells written « idem » or with the ditto mark « 〃 » (hours, public, how to get there)",
            "structures abbreviated (« MDA 57 », « Mission locale »); the service is described in words",
            "Écout'Émoi (MDA) and the free psychologist appointments of the Mission locale are already in the seed's directory",
            "a « Comment y aller » column (Mettis, bus lines) that the directory has no field for; no phone numbers, a note says to go through each structure's reception",
        ],
    )


def metropole_new_partners(out: Path) -> tuple[str, dict]:
    """The Eurométropole's CLS officer's list of structures met at the 2025 mobilisation day."""
    name = "Nouveaux partenaires CLSM - journée mobilisation 2025.xlsx"
    rows = [
        ("Centre communal d'action sociale de Metz", "CCAS", "Social / MS", "établissement public communal",
         "57000 METZ", "sept. 2025", "", True),
        ("Bibliothèques-Médiathèques de Metz", "BMM", "Culture", "réseau de lecture publique", "57000 METZ",
         "sept. 2025", "", True),
        ("Cité musicale-Metz", "", "Culture", "établissement culturel", "57000 METZ", "sept. 2025", "", True),
        ("Centre d'information sur les droits des femmes et des familles de la Moselle", "CIDFF 57",
         "Droit / protection", "association", "57000 METZ", "oct. 2025", "", True),
        ("Metz Habitat Territoire", "MHT", "Logement", "bailleur social (OPH)", "57000 METZ", "sept. 2025", "", True),
        ("UDAF de la Moselle", "UDAF 57", "Droit / protection", "association (mandataire judiciaire)",
         "57000 METZ", "oct. 2025", "", True),
        ("Secours populaire français – fédération de la Moselle", "SPF 57", "Social / MS", "association",
         "57000 METZ", "2025", "", True),
        ("Maison de santé pluriprofessionnelle de Borny", "MSP Borny", "Soins / prévention", "maison de santé",
         "57070 METZ", "oct. 2025", "", True),
        ("Mission Locale du Pays Messin", "MLPM", "Emploi / formation", "mission locale", "57000 METZ", "", "oui",
         False),
        ("Maison des Adolescents de la Moselle", "MDA 57", "Soins / prévention", "maison des adolescents",
         "57000 METZ", "", "oui", False),
        ("Cap Emploi 57", "", "Emploi / formation", "service public de l'emploi", "57000 METZ", "", "oui", False),
        ("Espace Bernard-Marie Koltès (Théâtre du Saulcy)", "EBMK", "Culture", "théâtre universitaire",
         "57000 METZ", "", "oui", False),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Structures"
    ws["A1"] = "Eurométropole de Metz – Contrat local de santé"
    ws["A2"] = "Structures rencontrées lors de la journée de mobilisation du 23/09/2025 (santé mentale)"
    ws["A1"].font = Font(bold=True, size=12, color="0070C0")
    header_row(ws, 4, ["Nom de la structure", "Sigle", "Secteur", "Type", "CP / Ville", "Adhésion CLSM",
                       "Déjà partenaire ?"], fill("BDD7EE"))  # fmt: skip
    new = 0
    for offset, (*values, is_new) in enumerate(rows):
        row = 5 + offset
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value or None)
            if offset % 2 == 1:
                cell.fill = fill("F2F2F2")
        new += is_new
    ws.cell(row=5 + len(rows) + 1, column=1, value="Secteurs : Social / MS = accompagnement social et médico-social")
    ws.cell(row=5 + len(rows) + 2, column=1,
            value="« oui » = déjà dans l'annuaire du CLSM (coordonnées à vérifier seulement)")  # fmt: skip
    widths(ws, {"A": 58, "B": 11, "C": 20, "D": 34, "E": 13, "F": 14, "G": 16})
    wb.save(out / name)
    return name, entry(
        ["structure"],
        len(rows),
        {"structure": new},
        [
            "postal code and commune in one cell, in capitals: « 57070 METZ »",
            "sectors abbreviated (« Social / MS », « Droit / protection », « Soins / prévention »), explained under the table",
            "« Adhésion CLSM » written « sept. 2025 » or just « 2025 »",
            "four rows are structures already in the seed, flagged « oui » in « Déjà partenaire ? » and spelled differently (« Maison des Adolescents de la Moselle », « Cap Emploi 57 », « Espace Bernard-Marie Koltès (Théâtre du Saulcy) »)",
            "zebra shading on every other row; a two-line title above the header",
        ],
    )


# --------------------------------------------------------------------------------------------
# Harder files
# --------------------------------------------------------------------------------------------


def framaforms_sign_in_export(out: Path) -> tuple[str, dict]:
    """A Framaforms (Drupal webform) export of the online sign-in form used for two working groups."""
    name = "framaforms-emargement-groupes-projets-export.csv"
    emploi = "GT Emploi/formation – jeudi 21 novembre 2024 (CRP Metz)"
    culture = "GT Culture/loisirs – mardi 26 novembre 2024 (Espace Koltès)"
    keys = {emploi: ("groupe-emploi-formation", dt.date(2024, 11, 21)),
            culture: ("groupe-culture-loisirs", dt.date(2024, 11, 26))}  # fmt: skip
    roles = {"Professionnel·le": PRO, "Personne concernée / usager·e": USA, "Proche / aidant·e": AID,
             "Élu·e": ELU, "Bénévole": BEN}  # fmt: skip
    responses = [
        ("20/11/2024 - 17:02", "Non", emploi, "TEST coordination", "Professionnel·le", "1",
         "test du formulaire, ne pas compter", None),
        ("21/11/2024 - 14:05", "Non", emploi, "Mission locale du Pays Messin", "Professionnel·le", "1", "",
         "mission-locale-pays-messin"),
        ("21/11/2024 - 14:06", "Non", emploi, "mission locale pays messin", "Professionnel·le", "1",
         "collègue de l'antenne de Borny", "mission-locale-pays-messin"),
        ("21/11/2024 - 14:06", "Non", emploi, "CRP Metz - EPNAK", "Professionnel·le", "2", "", "epnak-crp-metz"),
        ("21/11/2024 - 14:08", "Non", emploi, "Cap emploi 57", "Professionnel·le", "1", "", "cap-emploi"),
        ("21/11/2024 - 14:10", "Non", emploi, "ESAT – Charivari", "Professionnel·le", "1", "", "esat-charivari"),
        ("21/11/2024 - 14:12", "Non", emploi, "GEM Camille Claudel", "Personne concernée / usager·e", "2", "",
         "gem-camille-claudel"),
        ("21/11/2024 - 14:15", "Non", emploi, "CH Jury (coordination CLSM)", "Professionnel·le", "1", "", "ch-jury"),
        ("21/11/2024 - 14:31", "Non", emploi, "UNAFAM", "Proche / aidant·e", "1", "arrivée en retard",
         "unafam-moselle"),
        ("21/11/2024 - 14:40", "Oui", emploi, "France Travail", "", "", "", None),
        ("26/11/2024 - 09:58", "Non", culture, "Espace Bernard-Marie Koltès", "Professionnel·le", "2", "",
         "espace-bernard-marie-koltes"),
        ("26/11/2024 - 10:01", "Non", culture, "GEM l'Albatros", "Personne concernée / usager·e", "3", "",
         "gem-albatros"),
        ("26/11/2024 - 10:01", "Non", culture, "Gem L'Albatros", "Professionnel·le", "1", "animatrice",
         "gem-albatros"),
        ("26/11/2024 - 10:03", "Non", culture, "GEM Camille-Claudel", "Personne concernée / usager·e", "2", "",
         "gem-camille-claudel"),
        ("26/11/2024 - 10:04", "Non", culture, "RESAM", "Bénévole", "1", "", "resam"),
        ("26/11/2024 - 10:06", "Non", culture, "CHJ – CLSM", "Professionnel·le", "1", "", "ch-jury"),
        ("26/11/2024 - 10:07", "Non", culture, "Ville de Metz", "Élu·e", "1", "", "ville-metz"),
        ("26/11/2024 - 10:20", "Non", culture, "Université de Lorraine – SUMPPS", "Professionnel·le", "1", "",
         "sumpps"),
    ]  # fmt: skip
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
    labels = ["Numéro de série", "SID", "Heure de soumission", "Brouillon", "Adresse IP", "UID", "Nom d'utilisateur",
              "Réunion", "Structure / organisme", "Vous participez en tant que", "Nombre de personnes de votre structure",
              "Un commentaire ?"]  # fmt: skip
    writer.writerow(["Émargement – groupes projets du CLSM", *[""] * (len(labels) - 1)])
    writer.writerow(["Détails de la soumission", "", "", "", "", "", "", *[""] * 5])
    writer.writerow(labels)
    meetings, attendance = set(), []
    for serial, (submitted, draft, meeting, structure, role, number, comment, sid) in enumerate(responses, start=1):
        writer.writerow([serial, 48210 + serial, submitted, draft, "", "0", "Anonyme", meeting, structure, role,
                         number, comment])  # fmt: skip
        if sid is None:
            continue
        meetings.add(keys[meeting])
        attendance.append((*keys[meeting], sid, roles[role], int(number)))
    (out / name).write_text(buffer.getvalue(), encoding="utf-8-sig")
    return name, entry(
        ["meeting", "attendance"],
        len(responses),
        new_meeting_rows(meetings, attendance),
        [
            "Drupal webform export: a title line, a « Détails de la soumission » group line, then the labels; technical columns (serial, SID, IP, UID, « Anonyme »)",
            "« ; » separators, every field quoted, UTF-8 with a BOM; submission times « 21/11/2024 - 14:05 »",
            "the meeting is one answer of a drop-down: « GT Emploi/formation – jeudi 21 novembre 2024 (CRP Metz) »",
            "one answer per structure and role with a count; the Mission locale answered twice (two colleagues): the counts add up to one row of 2",
            "structures typed freely (« mission locale pays messin », « Gem L'Albatros », « CHJ – CLSM »)",
            "a test answer sent by the coordination the day before (« TEST coordination », « ne pas compter ») and an unfinished draft (« Brouillon » = Oui, « France Travail », no role) are not attendance",
        ],
    )


def limesurvey_partner_survey(out: Path) -> tuple[str, dict]:
    """A LimeSurvey export of the 2025 partners' questionnaire: the result indicators are counts of answers."""
    name = "results-survey734512.csv"
    yes, no, dunno = "Oui", "Non", "Je ne sais pas"
    answers = [
        # (complete, role, sector, structure, collab, knows, copil, plénière, groupes, comment)
        (True, "Professionnel·le", "Soins et prévention", "CMP Winnicott", yes, "Plutôt oui", "", "Oui", "Oui", ""),
        (True, "Professionnel·le", "Accompagnement social et médico-social", "", yes, "Tout à fait", "", "Oui", "Oui",
         "Plus de réunions en fin de journée svp"),
        (True, "Usager·e", "Usagers et aidants", "GEM L'Albatros", yes, "Plutôt oui", "Oui", "Oui", "Oui", ""),
        (True, "Professionnel·le", "Logement", "ADOMA", no, "Plutôt oui", "", "", "Oui", ""),
        (True, "Élu·e", "Collectivités et État", "", dunno, "Plutôt oui", "Oui", "Oui", "", ""),
        (False, "Professionnel·le", "", "", "", "", "", "", "", ""),
        (True, "Professionnel·le", "Emploi et formation", "Mission locale", yes, "Tout à fait", "", "Oui", "Oui", ""),
        (True, "Aidant·e", "Usagers et aidants", "UNAFAM 57", yes, "Plutôt non", "Oui", "Oui", "Oui",
         "Associer davantage les familles aux groupes projets"),
        (True, "Professionnel·le", "Soins et prévention", "", no, "Plutôt non", "", "", "Oui", ""),
        (True, "Professionnel·le", "Culture et loisirs", "Espace Koltès", yes, "Plutôt oui", "", "", "Oui", ""),
        (True, "Bénévole", "Accompagnement social et médico-social", "RESAM", yes, "Plutôt oui", "", "Oui", "Oui", ""),
        (False, "Usager·e", "Usagers et aidants", "", "", "", "", "", "", ""),
        (True, "Professionnel·le", "Collectivités et État", "Ville de Metz", yes, "Tout à fait", "Oui", "Oui", "", ""),
        (True, "Professionnel·le", "Soins et prévention", "MDA 57", yes, "Plutôt oui", "", "Oui", "Oui", ""),
        (True, "Professionnel·le", "Accompagnement social et médico-social", "EMAMS", no, "Plutôt oui", "", "", "Oui",
         ""),
        (True, "Usager·e", "Usagers et aidants", "", yes, "Tout à fait", "", "Oui", "Oui", "Merci pour l'accueil"),
        (True, "Professionnel·le", "Logement", "", dunno, "Pas du tout", "", "", "Oui", ""),
        (True, "Professionnel·le", "Soins et prévention", "CSAPA", yes, "Plutôt oui", "", "", "Oui", ""),
        (False, "Professionnel·le", "Éducation", "", "", "", "", "", "", ""),
        (True, "Professionnel·le", "Droit et protection des personnes", "", no, "Plutôt oui", "", "Oui", "", ""),
        (True, "Professionnel·le", "Accompagnement social et médico-social", "CMSEA", yes, "Tout à fait", "", "Oui",
         "Oui", ""),
        (True, "Professionnel·le", "Emploi et formation", "CRP Metz", yes, "Plutôt oui", "", "", "Oui", ""),
        (True, "Professionnel·le", "Collectivités et État", "CD57", no, "Plutôt oui", "Oui", "Oui", "", ""),
        (True, "Professionnel·le", "Soins et prévention", "", yes, "Plutôt non", "", "", "Oui",
         "Un annuaire à jour serait utile"),
    ]  # fmt: skip
    header = [
        "id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp",
        "ROLE. Vous répondez en tant que :",
        "SECT. Secteur de votre structure :",
        "STRUCT. Nom de votre structure (facultatif)",
        "COLLAB. En 2025, avez-vous développé de nouvelles collaborations avec d'autres partenaires dans le cadre du CLSM ?",
        "CONNAIS. Depuis votre participation au CLSM, diriez-vous que vous connaissez mieux l'offre et les besoins en santé mentale du territoire ?",
        "INST[SQ001]. Quelles instances avez-vous fréquentées en 2025 ? [Comité de pilotage]",
        "INST[SQ002]. Quelles instances avez-vous fréquentées en 2025 ? [Assemblée plénière]",
        "INST[SQ003]. Quelles instances avez-vous fréquentées en 2025 ? [Groupes projets]",
        "COMM. Vos suggestions pour 2026",
    ]  # fmt: skip
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=",", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header)
    start = dt.datetime(2025, 11, 17, 9, 12, 4)
    for number, (complete, role, sector, structure, collab, knows, *rest) in enumerate(answers, start=1):
        started = start + dt.timedelta(days=number // 2, hours=(number * 3) % 8, minutes=(number * 17) % 60)
        done = started + dt.timedelta(minutes=4 + number % 5)
        stamp = (done if complete else started).strftime("%Y-%m-%d %H:%M:%S")
        writer.writerow([number, done.strftime("%Y-%m-%d %H:%M:%S") if complete else "", 3 if complete else 1, "fr",
                         1_000_000 + 7919 * number, started.strftime("%Y-%m-%d %H:%M:%S"), stamp, role, sector,
                         structure, collab, knows, *rest])  # fmt: skip
    (out / name).write_text(buffer.getvalue(), encoding="utf-8-sig")
    completes = [answer for answer in answers if answer[0]]
    collaborations = sum(1 for answer in completes if answer[4] == yes)
    knows_better = sum(
        1 for answer in completes if answer[1] == "Professionnel·le" and answer[5] in ("Tout à fait", "Plutôt oui")
    )
    return name, entry(
        ["indicator_value"],
        len(answers),
        {"indicator_value": 2},
        [
            "LimeSurvey « results-survey734512.csv »: one row per respondent, technical columns (id, submitdate, lastpage, startlanguage, seed, startdate, datestamp)",
            "headers are « CODE. question text », the multiple choice split into INST[SQ001]… columns with « Oui » or empty",
            f"{len(answers) - len(completes)} incomplete responses (empty submitdate, lastpage 1) must be left out",
            f"the file yields two values for 2025, not rows: f15-res-1 = {collaborations} « Oui » to COLLAB among {len(completes)} complete responses; f15-res-2 = {knows_better} professionals answering « Tout à fait » or « Plutôt oui » to CONNAIS",
            "comma separators, every field quoted, UTF-8 with a BOM, CRLF line ends; ISO timestamps",
        ],
    )


def kanboard_task_export(out: Path) -> tuple[str, dict]:
    """A Kanboard export of the coordination's task board: the columns of the board are the actions' statuses."""
    name = "Kanboard_CLSM_coordination_export_2025-06-30.csv"
    export_day = "30/06/2025"
    tasks = [
        # (title, column, closed, category, colour, created, modified, completed, action)
        ("Module sensibilisation à distance (vidéos partenaires)", "Terminé", True, "Formation", "Vert",
         "14/03/2022 10:02", "12/05/2025 16:40", "12/05/2025 16:40", "p22-01"),
        ("Sensibilisations spécifiques jeunes / enfants / précarité", "En cours", False, "Formation", "Bleu",
         "14/03/2022 10:05", "03/06/2025 11:15", "", "p22-02"),
        ("PSSM – promotion auprès des pros", "En cours", False, "Formation", "Bleu",
         "14/03/2022 10:07", "17/04/2025 09:30", "", "p22-03"),
        ("MAJ outils de coordination + consultation partenaires", "En préparation", False, "Coordination", "Jaune",
         "14/03/2022 10:10", "20/05/2025 14:02", "", "p22-04"),
        ("SISM – poursuite de l'organisation", "En cours", False, "Inclusion", "Bleu",
         "14/03/2022 10:12", "26/06/2025 15:21", "", "p22-05"),
        ("Guide santé mentale version grand public", "En pause / reporté", False, "Inclusion", "Gris",
         "14/03/2022 10:14", "10/02/2025 10:00", "", "p22-06"),
        ("Documentaire GEM (témoignages d'adhérents)", "Terminé", True, "Inclusion", "Vert",
         "14/03/2022 10:15", "03/10/2024 18:05", "03/10/2024 18:05", "p22-07"),
        ("Théâtre – projet Espace Koltès", "Terminé", True, "Culture/loisirs", "Vert",
         "14/03/2022 10:16", "30/06/2023 12:00", "30/06/2023 12:00", "p22-08"),
        ("Cartographie acteurs emploi/formation", "Idées", False, "Emploi/formation", "Jaune",
         "14/03/2022 10:18", "14/03/2022 10:18", "", "p22-10"),
        ("EMPP – création (dossier ARS)", "Terminé", True, "Précarité", "Vert",
         "14/03/2022 10:20", "09/01/2023 08:45", "09/01/2023 08:45", "p22-13"),
        ("Réseau psypérinatalité (Winnicott)", "En cours", False, "Enfance/parentalité", "Bleu",
         "14/03/2022 10:22", "22/05/2025 17:30", "", "p22-17"),
        ("Podcasts pères (PATH / CCOMS)", "Idées", True, "Enfance/parentalité", "Rouge",
         "14/03/2022 10:24", "14/01/2025 09:12", "14/01/2025 09:12", "p22-18"),
        ("Collaborations acteurs locaux / MDA", "En cours", False, "Jeunes", "Bleu",
         "14/03/2022 10:25", "11/06/2025 10:48", "", "p22-19"),
        ("Réserver salle plénière du 19/06", "Terminé", True, "Coordination", "Vert",
         "06/01/2025 09:00", "20/01/2025 11:11", "20/01/2025 11:11", None),
        ("Relancer les partenaires – questionnaire annuel", "En cours", False, "Coordination", "Orange",
         "02/06/2025 09:30", "27/06/2025 16:00", "", None),
        ("Lettre d'info n°14 – relecture", "En préparation", False, "Coordination", "Jaune",
         "16/06/2025 14:00", "16/06/2025 14:00", "", None),
        ("Commander kakémonos SISM 2025", "Idées", False, "Inclusion", "Jaune",
         "23/06/2025 10:30", "23/06/2025 10:30", "", None),
    ]  # fmt: skip
    header = ["Numéro de la tâche", "Nom du projet", "Statut", "Catégorie", "Swimlane", "Colonne", "Position",
              "Couleur", "Date d'échéance", "Créateur", "Nom du créateur", "Assigné", "Nom de l'assigné",
              "Complexité", "Titre", "Date de création", "Date de modification", "Date de complétion",
              "Date de début", "Temps estimé", "Temps passé", "Priorité", "Référence"]  # fmt: skip
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=",", lineterminator="\n")
    writer.writerow(header)
    positions: dict[str, int] = {}
    for number, (title, column, closed, category, colour, created, modified, completed, action) in enumerate(
        tasks, start=101
    ):
        positions[column] = positions.get(column, 0) + 1
        swimlane = "Programme d'actions" if action else "Logistique"
        writer.writerow([number, "CLSM – coordination", "Fermé" if closed else "Ouvert", category, swimlane, column,
                         positions[column], colour, "", "coordination", "Coordination CLSM", "coordination",
                         "Coordination CLSM", 0, title, created, modified, completed, "", 0, 0, 0, ""])  # fmt: skip
    (out / name).write_text(buffer.getvalue(), encoding="utf-8")
    statuses = sum(1 for task in tasks if task[-1] is not None)
    return name, entry(
        ["action_status"],
        len(tasks),
        {"action_status": statuses},
        [
            "Kanboard CSV export (French labels, comma separators, UTF-8): the status of an action is the board column (Idées / En préparation / En cours / En pause / reporté / Terminé), not the « Statut » field (Ouvert / Fermé)",
            "a task closed while still in « Idées » (the fathers' podcasts) means the action was abandoned",
            "task titles are shortened action titles of the 2022 programme (« EMPP – création (dossier ARS) », « Podcasts pères (PATH / CCOMS) »); no action reference anywhere",
            "four tasks of the « Logistique » swimlane are chores, not actions (book a room, newsletter proofreading, SISM banners): no status",
            f"date of a status: the completion date of closed tasks, else the export date {export_day} (in the file name)",
            "assignee and creator are the shared account « coordination », not a person",
        ],
    )


def pdf_table_paste(out: Path) -> tuple[str, dict]:
    """A table of the city's CLS 2024 review copied out of the PDF: one visual line per cell of column A."""
    name = "copie_bilan_CLS_2024_tableau_sensibilisations.xlsx"
    footer = "Contrat local de santé de la Ville de Metz – Bilan 2024 15"
    lines = [
        "Contrat local de santé de la Ville de Metz – Bilan 2024",
        "Axe 2 – Promouvoir le bien-être psychique",
        "Fiche n°15 – Coordination du Conseil local de santé mentale",
        "Tableau 7 – Actions de sensibilisation et de formation en santé mentale réalisées en 2024",
        "Date Intitulé Public Format Participants",
        "23/01/2024 Module de base de sensibilisation en Professionnels du social Présentiel (CH 16",
        "santé mentale et du médico-social Jury)",
        "14/03/2024 Module de base – version à distance Agents des collectivités Distanciel 21",
        "04/04/2024 Premiers secours en santé mentale Professionnels et Présentiel, 2 jours 12",
        "(PSSM) – module standard bénévoles (Centre Pierre Janet)",
        "16/05/2024 Sensibilisation spéciﬁque : santé Conseillers de la Présentiel 14",
        "mentale des jeunes Mission locale",
        "20/06/2024 Santé mentale et logement : repérer, Bailleurs sociaux, Présentiel 22",
        "orienter gardiens d'immeuble",
        "",
        footer,
        "",
        "Contrat local de santé de la Ville de Metz – Bilan 2024",
        "Tableau 7 (suite)",
        "Date Intitulé Public Format Participants",
        "26/09/2024 PSSM jeunes Professionnels de la Présentiel, 2 jours 10",
        "jeunesse",
        "17/10/2024 Santé mentale et précarité Bénévoles et salariés de Présentiel (Carrefour 15",
        "l'accueil de jour des solidarités)",
        "28/11/2024 Module de base de sensibilisation en Tout public profession- Hybride (MDA + 24",
        "santé mentale nel Teams)",
        "Total 8 sessions 134",
        "Source : CLSM du territoire messin, ﬁches d'émargement ; PSSM : Centre Pierre Janet.",
    ]
    sessions = [line for line in lines if line[:2].isdigit() and line[2] == "/"]
    assert sum(int(line.rsplit(" ", 1)[1]) for line in sessions) == 134
    wb = Workbook()
    ws = wb.active
    ws.title = "Feuil1"
    for row, line in enumerate(lines, start=1):
        if line.startswith("14/03/2024 "):
            line = line.replace(" ", "\u00a0", 1)  # the PDF's non-breaking space survives the copy
        if line:
            ws.cell(row=row, column=1, value=line)
    ws["A1"].font = Font(name="Calibri", size=11)
    widths(ws, {"A": 110})
    wb.save(out / name)
    return name, entry(
        ["event"],
        len(sessions),
        {"event": len(sessions)},
        [
            "copied from a PDF and pasted into column A: one visual line per cell, the table's columns run together with single spaces",
            "a wrapped cell continues on the next line, interleaving the ends of several columns (« santé mentale et du médico-social Jury) »)",
            "a page break in the middle: footer with the page number (« … Bilan 2024 15 »), the page header, « Tableau 7 (suite) » and the column titles repeated",
            "PDF artefacts: the ligature « ﬁ » in « spéciﬁque » and « ﬁches », a word hyphenated across lines (« profession- / nel »), a non-breaking space after one date",
            "a « Total 8 sessions 134 » line and a source line close the table; the eight sessions are awareness sessions and PSSM trainings of 2024",
        ],
    )


def email_thread_paste(out: Path) -> tuple[str, dict]:
    """An Outlook reply thread about the resource directory, pasted into a sheet, newest message first."""
    name = "mails_MAJ_annuaire_2025_copie.xlsx"
    thread = [
        ("Accueil RESAM", "lundi 27 janvier 2025 08:01", "RE: Mise à jour de l'annuaire santé mentale – vos informations pour 2025", [
            "Réponse automatique : l'accueil est fermé jusqu'au 3 février. Votre message sera traité à notre retour.",
        ]),
        ("Secrétariat CSAPA Les Wads", "vendredi 24 janvier 2025 15:47", "RE: Mise à jour de l'annuaire santé mentale – vos informations pour 2025", [
            "Bonjour,",
            "Vous pouvez ajouter notre Consultation jeunes consommateurs (CJC) : pour les 12-25 ans et leur entourage,",
            "gratuite et anonyme, sur rendez-vous, le mercredi de 13h30 à 18h dans nos locaux à Metz.",
            "Bien cordialement,",
            "Le secrétariat du CSAPA",
            "Pensez à l'environnement avant d'imprimer ce mail.",
        ]),
        ("Secrétariat EMPP – CH Jury", "mardi 21 janvier 2025 11:20", "RE: Mise à jour de l'annuaire santé mentale – vos informations pour 2025", [
            "Bonjour,",
            "L'EMPP tient une permanence au Carrefour des solidarités tous les mardis de 9h30 à 12h, sans rendez-vous,",
            "pour les personnes en situation de précarité ou à la rue (évaluation, orientation vers les soins).",
            "Merci de l'ajouter à l'annuaire.",
            "L'équipe de l'EMPP",
            "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive de ses destinataires.",
        ]),
        ("Accueil Mission locale du Pays Messin", "lundi 20 janvier 2025 09:03", "RE: Mise à jour de l'annuaire santé mentale – vos informations pour 2025", [
            "Bonjour, pas de changement pour nous, les consultations psy gratuites pour les 16-25 ans continuent comme en 2024.",
            "Cordialement",
        ]),
        ("UNAFAM Moselle", "vendredi 17 janvier 2025 18:32", "RE: Mise à jour de l'annuaire santé mentale – vos informations pour 2025", [
            "Bonsoir,",
            "Nouveau en 2025 : un groupe de parole pour les familles et les proches, un jeudi par mois de 18h à 20h,",
            "sur inscription auprès de la délégation.",
            "Bien à vous, la délégation UNAFAM 57",
            "> Bonjour à toutes et à tous,",
            "> Comme chaque année, nous mettons à jour l'annuaire des ressources du CLSM.",
        ]),
        ("Secrétariat Maison des adolescents de Moselle", "mercredi 15 janvier 2025 14:26", "RE: Mise à jour de l'annuaire santé mentale – vos informations pour 2025", [
            "Bonjour,",
            "Pour Écout'Émoi : le dispositif continue en 2025 et l'ordonnance du médecin n'est plus obligatoire,",
            "les jeunes peuvent prendre contact directement avec la MDA.",
            "Cordialement, le secrétariat",
        ]),
        ("Formation continue – Centre Pierre Janet", "vendredi 10 janvier 2025 10:55", "RE: Mise à jour de l'annuaire santé mentale – vos informations pour 2025", [
            "Bonjour,",
            "Les formations PSSM continuent en 2025 (module standard en deux jours), inscription en ligne sur notre site,",
            "tarif réduit pour les structures partenaires du CLSM.",
        ]),
        ("GEM Camille Claudel", "mercredi 8 janvier 2025 17:40", "RE: Mise à jour de l'annuaire santé mentale – vos informations pour 2025", [
            "Bonjour, le GEM est ouvert du lundi au vendredi de 13h30 à 17h30 et un samedi par mois,",
            "pour les adultes concernés par des troubles psychiques, adhésion libre.",
            "Envoyé de mon iPhone",
        ]),
        ("Coordination CLSM", "lundi 6 janvier 2025 09:15", "Mise à jour de l'annuaire santé mentale – vos informations pour 2025", [
            "Bonjour à toutes et à tous,",
            "Comme chaque année, nous mettons à jour l'annuaire des ressources du CLSM.",
            "Merci de nous indiquer les services que vous proposez (public, horaires, modalités d'accès) ou les changements par rapport à 2024.",
            "Bien cordialement,",
            "La coordination du CLSM – Centre hospitalier de Jury",
        ]),
    ]  # fmt: skip
    # resources described in the replies: (sender, new?)
    described = [
        ("Secrétariat CSAPA Les Wads", "new"),
        ("Secrétariat EMPP – CH Jury", "new"),
        ("Accueil Mission locale du Pays Messin", "consultations-psy-mission-locale"),
        ("UNAFAM Moselle", "new"),
        ("Secrétariat Maison des adolescents de Moselle", "ecout-emoi"),
        ("Formation continue – Centre Pierre Janet", "pssm-centre-pierre-janet"),
        ("GEM Camille Claudel", "new"),
    ]
    for _, key in described:
        assert key == "new" or key in SEED_RESOURCES, key
    wb = Workbook()
    ws = wb.active
    ws.title = "copie mails"
    row = 1
    for sender, sent, subject, body in thread:
        for line in (f"De : {sender}", f"Envoyé : {sent}", "À : Coordination CLSM" if sender != "Coordination CLSM"
                     else "À : Partenaires CLSM (liste de diffusion)", f"Objet : {subject}"):  # fmt: skip
            ws.cell(row=row, column=1, value=line).font = BOLD if line.startswith("De :") else Font()
            row += 1
        row += 1
        for line in body:
            ws.cell(row=row, column=1, value=line)
            row += 1
        ws.cell(row=row, column=1, value="_" * 40)
        row += 2
    widths(ws, {"A": 120})
    wb.save(out / name)
    return name, entry(
        ["resource"],
        len(described),
        {"resource": sum(1 for _, key in described if key == "new")},
        [
            "an Outlook thread pasted into column A, newest message first; each message starts with « De : / Envoyé : / À : / Objet : » lines and ends with a line of underscores",
            "each reply describes a service in prose (public, days, hours, access) that must become a directory entry",
            "senders and signatures are services (« Secrétariat CSAPA Les Wads », « L'équipe de l'EMPP »), no person and no address",
            "three replies update entries already in the seed (Écout'Émoi, the Mission locale's free consultations « pas de changement », the PSSM training of the Centre Pierre Janet)",
            "noise: an automatic out-of-office reply, the original request at the bottom, quoted lines starting with « > », a confidentiality disclaimer, « Envoyé de mon iPhone »",
        ],
    )


def ocr_sign_in_sheet(out: Path) -> tuple[str, dict]:
    """A paper sign-in sheet of the 2025 restitution meeting, scanned and read back by OCR into a workbook."""
    name = "scan_emargement_reunion_CLSM_20-11-2025_OCR.xlsx"
    day = dt.date(2025, 11, 20)
    mark_columns = [PRO, USA, AID, ELU, BEN]
    people = [
        # (structure as read, function as read, role, mark, signature noise, structure id)
        ("CH Jurv", "Coordonnateur CLSM", PRO, "X", "~", "ch-jury"),
        ("Centre hospitalier de Jury", "Directrice adjointe", PRO, "x", "J\\/", "ch-jury"),
        ("Département de la Moselie", "Déléguée de territoire", PRO, "X", "", "departement-moselle"),
        ("Vilie de Metz", "Adjointe au maire", ELU, "X", "~~", "ville-metz"),
        ("Ville de Metz - Pôle petite enfance", "Chargée de mission", PRO, "✓", "", "ville-metz-pole-petite-enfance"),
        ("Eurometropole de Metz", "Chargée de mission CLS", PRO, "X", "/", "eurometropole-metz"),
        ("UNAFAM S7", "Adhérente", AID, "X", "", "unafam-moselle"),
        ("UNAFAM 57", "Bénévole", AID, "x", "~", "unafam-moselle"),
        ("GEM l'AIbatros", "Président", USA, "X", "", "gem-albatros"),
        ("GEM l'Albatros", "Adhérent", USA, "☒", "", "gem-albatros"),
        ("GEM Camille CIaudel", "Animatrice", PRO, "X", "~", "gem-camille-claudel"),
        ("GEM Camille Claudel", "Adhérente", USA, "v", "", "gem-camille-claudel"),
        ("Mission locaie du Pays Messin", "Conseillère", PRO, "X", "", "mission-locale-pays-messin"),
        ("Maison des adolescents", "Psychologue", PRO, "X", "J", "mda-moselle"),
        (None, None, None, None, None, None),  # page break
        ("Médecins du Monda", "Bénévole", BEN, "X", "", "medecins-du-monde-metz"),
        ("RESAM", "Bénévole", BEN, "x", "~", "resam"),
        ("EMAMS", "lnfirmière", PRO, "X", "", "emams"),
        ("CMSEA - Service en Amont", "Chef de service", PRO, "X", "", "service-en-amont"),
        ("AD0MA - pension de famille", "Responsable", PRO, "✓", "", "adoma-pension-famille"),
        ("", "Adhérent GEM Camille Claudel", USA, "X", "~", "gem-camille-claudel"),
        ("EPNAK CRP Metz", "Psychologue", PRO, "X", "", "epnak-crp-metz"),
        ("", "", None, None, "~ ,", None),  # a pen stroke read as a row
    ]  # fmt: skip
    empty_box = ["☐", "☐", "", "O", "☐", "[ ]", ""]  # how the OCR read the empty boxes, row by row
    wb = Workbook()
    ws = wb.active
    ws.title = "Page 1"
    titles = ["Nom Prénom", "Structure", "Fonction", "Pro", "Usager", "Aidant", "Élu", "Bénévole", "Signature"]

    def page_header(start: int, page: int) -> int:
        ws.cell(row=start, column=1, value="FEUILLE D’ÉMARGEMENT")
        ws.cell(row=start + 1, column=1, value="Réunion CLSM — restitution des groupes projets")
        ws.cell(row=start + 2, column=1, value="Date : 20/11/2O25       Lieu : Maison des adolescents")
        ws.cell(row=start + 3, column=9, value=f"{page}/2")
        for col, title in enumerate(titles, start=1):
            ws.cell(row=start + 4, column=col, value=title)
        return start + 5

    row = page_header(1, 1)
    attendance = []
    rows = 0
    for number, (structure, function, role, mark, noise, sid) in enumerate(people):
        if structure is None:
            row = page_header(row + 1, 2)
            continue
        ws.cell(row=row, column=1, value="[masqué]" if sid else None)
        ws.cell(row=row, column=2, value=structure or None)
        ws.cell(row=row, column=3, value=function or None)
        for offset, column_role in enumerate(mark_columns):
            value = mark if column_role == role else empty_box[number % len(empty_box)]
            ws.cell(row=row, column=4 + offset, value=value or None)
        ws.cell(row=row, column=9, value=noise or None)
        if sid:
            attendance.append(("reunion-clsm", day, sid, role, 1))
            rows += 1
        row += 1
    ws.cell(row=row + 1, column=1, value="Document numérisé le 21/11/2025 – reconnaissance de caractères automatique")
    widths(ws, {"A": 12, "B": 34, "C": 30, "I": 12})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        rows,
        new_meeting_rows([("reunion-clsm", day)], attendance),
        [
            "one row per person signed in (the name column masked « [masqué] »): attendance is the count of rows per structure and ticked role",
            "OCR misreadings: « CH Jurv », « Vilie de Metz », « UNAFAM S7 », « GEM l'AIbatros » (capital I), « Mission locaie », « AD0MA » (zero), « lnfirmière », a date « 20/11/2O25 » with a letter O",
            "ticks read as « X », « x », « ✓ », « v », « ☒ »; empty boxes read as « ☐ », « O », « [ ] » or nothing",
            "the meeting (title, date, place) is only in the header lines; the page header and column titles are repeated for page 2",
            "a carer of the UNAFAM wrote « Bénévole » as her function but ticked « Aidant »: the tick gives the role",
            "one row has its structure inside the function cell (« Adhérent GEM Camille Claudel »); a last row holds only a pen stroke",
            "signature column full of noise (« ~ », « J\\/ »); a scan note under the table",
        ],
    )


FILES = [
    coordinator_instances_2025,
    secretary_mda_sign_ins,
    city_sism_editions,
    gem_volunteer_csv,
    intern_indicators,
    hospital_action_partners,
    social_worker_precarity_group,
    elected_assistant_agenda,
    mediator_resource_list,
    metropole_new_partners,
    framaforms_sign_in_export,
    limesurvey_partner_survey,
    kanboard_task_export,
    pdf_table_paste,
    email_thread_paste,
    ocr_sign_in_sheet,
]


def main(argv: list[str] | None = None) -> int:
    """Write the sixteen files and manifest.json into OUTDIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_heldout13.py OUTDIR", file=sys.stderr)
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
