"""Held-out set n°8: sixteen spreadsheets typed the way people of the CLSM's network type them.

Ten files are ordinary follow-up sheets (a coordinator's calendar, a hospital assistant's
attendance list, a partner secretary's CSV, a city employee's partner list...), each with one or
two everyday habits. Six are harder, each in its own way: a workbook with one sheet per month, a
sign-in form, a Word table pasted into Excel, an online-survey export, a pivot table pasted as
values and an Outlook calendar export.

No person's name, personal e-mail or phone number appears: attendance is counted per structure
and role category only. Structure, plan, action and instance names are those of the council's
documents (written the way people write them). Rows dated 2023-2026 and new partners are test
content, not facts of the council's documents; a few rows repeat facts already in the seed on
purpose (they must not be counted as new).

Usage: make_heldout8.py OUTDIR  (writes 16 files and OUTDIR/manifest.json)
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

# --------------------------------------------------------------------------- helpers

JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
JOURS_ABR = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
MOIS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]

# role categories of the data model, in the order the files put their columns
ROLES = ["professionnel", "usager", "aidant", "élu", "bénévole"]

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


def fill(hex_rgb: str) -> PatternFill:
    """A solid background fill."""
    return PatternFill("solid", start_color=hex_rgb, end_color=hex_rgb)


def d(iso: str) -> dt.date:
    """A date from its ISO text (keeps the data tables short)."""
    return dt.date.fromisoformat(iso)


def abr_date(day: dt.date) -> str:
    """'mar. 16/01/2024': abbreviated weekday then the numeric date."""
    return f"{JOURS_ABR[day.weekday()]} {day:%d/%m/%Y}"


def long_date(day: dt.date, weekday: bool = True) -> str:
    """'jeudi 20 novembre 2025' (or '20 novembre 2025')."""
    text = f"{day.day} {MOIS[day.month - 1]} {day.year}"
    return f"{JOURS[day.weekday()]} {text}" if weekday else text


def nbsp_thousands(n: int) -> str:
    """1150 -> '1\xa0150', the way French Excel writes numbers into a CSV."""
    return f"{n:,}".replace(",", "\xa0")


def header_row(ws: Worksheet, row: int, labels: Iterable[str], colour: str = "D9E1F2") -> None:
    """Write a bold, filled, boxed header row starting at column A."""
    for col, label in enumerate(labels, start=1):
        cell = ws.cell(row=row, column=col, value=label)
        cell.font = BOLD
        cell.fill = fill(colour)
        cell.border = BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def widths(ws: Worksheet, *cols: float) -> None:
    """Set column widths from A onward."""
    for idx, width in enumerate(cols):
        ws.column_dimensions[chr(ord("A") + idx)].width = width


def attendance_rows(records: Iterable[tuple]) -> int:
    """Count attendance rows (meeting x structure x role category with a count > 0).

    Each record is (meeting key, structure key, role, count). The structure key is the
    structure as the seed knows it, whatever the spelling in the file, so a file never lists
    the same structure twice for one meeting and role without the test noticing.
    """
    records = list(records)
    seen: set[tuple] = set()
    for meeting, structure, role, _count in records:
        key = (meeting, structure, role)
        assert key not in seen, f"duplicate attendance key {key}"
        seen.add(key)
    return sum(1 for *_, count in records if count)


# Written name in the files -> (structure in the seed, for the uniqueness check only).
# People write short names: these are the spellings used below.
S = {
    "CH Jury": "ch-jury",
    "Ville de Metz": "ville-metz",
    "ARS": "ars-grand-est",
    "ARS Grand Est": "ars-grand-est",
    "Eurométropole": "eurometropole-metz",
    "Eurométropole de Metz": "eurometropole-metz",
    "Département 57": "departement-moselle",
    "Département de la Moselle": "departement-moselle",
    "UNAFAM 57": "unafam-moselle",
    "UNAFAM Moselle": "unafam-moselle",
    "GEM Camille Claudel": "gem-camille-claudel",
    "GEM L'Albatros": "gem-albatros",
    "GEM Albatros": "gem-albatros",
    "MDA 57": "mda-moselle",
    "Mission locale": "mission-locale-pays-messin",
    "Mission locale du Pays Messin": "mission-locale-pays-messin",
    "RSMA": "rsma",
    "Médecins du Monde": "medecins-du-monde-metz",
    "ADOMA": "adoma",
    "AMLI": "amli",
    "RESAM": "resam",
    "EMAMS": "emams",
    "CSAPA les Wads": "csapa-les-wads",
    "EMPP": "ch-jury-empp",
    "SUMPPS": "sumpps",
    "CMPP PEP 57": "cmpp-pep57",
    "CASA": "casa",
    "Éducation nationale": "education-nationale",
    "Education nationale": "education-nationale",
    "Centre Pierre Janet": "centre-pierre-janet",
    "CMP 1": "ch-jury-cmp-1",
    "CMP Winnicott": "cmp-winnicott",
    "SAMELY": "samely",
    "Urgences de Mercy": "hopital-mercy",
    "ERAH (CH Jury)": "ch-jury-erah",
    "ERAH": "ch-jury-erah",
    "Préfecture": "prefecture-moselle",
    "Pôle petite enfance": "ville-metz-pole-petite-enfance",
    "Multi-accueil Les Marmousets": "ville-metz-multi-accueil-marmousets",
    "Ecole des parents 57": "epe-moselle",
    "Résidence accueil Ban-St-Martin": "residence-accueil-ban-saint-martin",
}

Entry = dict
Builder = Callable[[Path], tuple[str, Entry]]

# --------------------------------------------------------------------------- ordinary files


def f01_calendrier_2024(out: Path) -> tuple[str, Entry]:
    """The coordinator's 2024 meeting calendar: title lines, 'mar. 16/01/2024' dates."""
    name = "calendrier_reunions_CLSM_2024.xlsx"
    meetings = [
        (
            "2024-01-16",
            "GT jeunes",
            "MDA 57 (Metz)",
            "présentiel",
            "Outils d'aide au repérage des signes de souffrance psychique",
            "",
        ),
        (
            "2024-02-13",
            "COPIL",
            "CH Jury – salle du conseil",
            "présentiel",
            "Bilan 2023 ; programme d'actions 2024",
            "",
        ),
        (
            "2024-03-05",
            "GT crise",
            "—",
            "visio",
            "Guide de prévention et de gestion des situations de crise",
            "lien Teams envoyé",
        ),
        ("2024-03-19", "GT jeunes", "Mission locale", "présentiel", "Écout'Émoi : retour d'expérience", ""),
        ("2024-03-28", "GP enfance/parentalité", "Pôle petite enfance", "mixte", "Réseau psypérinatalité", ""),
        ("2024-04-18", "GT logement", "AMLI", "présentiel", "Bilan du partenariat bailleurs / CMP", ""),
        None,  # the empty line left between the two halves of the year
        ("2024-05-14", "GT crise", "CH Jury", "présentiel", "Suite du guide crise", ""),
        ("2024-06-11", "GT jeunes", "MDA 57 (Metz)", "présentiel", "Préparation SISM 2024", "avancé d'une semaine"),
        ("2024-09-24", "GT crise", "CH Jury", "mixte", "Validation du guide", ""),
        (
            "2024-09-26",
            "GP enfance/parentalité",
            "Pôle petite enfance",
            "présentiel",
            "Cités éducatives Borny : calendrier",
            "",
        ),
        ("2024-11-07", "GT précarité", "Carrefour des solidarités", "présentiel", "Point EMPP : premier bilan", ""),
        (
            "2024-11-28",
            "Plénière",
            "Hôtel de Ville de Metz",
            "mixte",
            "Bilan 2024, projection du documentaire GEM",
            "décalée du 21/11",
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Calendrier 2024"
    ws["A1"] = "CLSM du territoire messin — Calendrier des réunions 2024"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:F1")
    ws["A2"] = "mis à jour le 02/12/2024"
    ws["A2"].font = Font(italic=True, color="808080")
    header_row(ws, 4, ["Date", "Instance", "Lieu", "Format", "Ordre du jour", "Remarques"])
    for m in meetings:
        if m is None:
            ws.append([])
            continue
        iso, instance, place, fmt, agenda, remark = m
        ws.append([abr_date(d(iso)), instance, place, fmt, agenda, remark or None])
    widths(ws, 17, 24, 28, 12, 52, 22)
    wb.save(out / name)
    n = sum(1 for m in meetings if m)
    return name, {
        "tables": ["meeting"],
        "data_rows": n,
        "new_rows_in_fresh_seed": {"meeting": n},
        "quirks": [
            "title line and 'mis à jour le' line above the header",
            "dates typed as text 'mar. 16/01/2024' (abbreviated weekday)",
            "instances abbreviated: COPIL, GT jeunes, GT crise, GP enfance/parentalité, Plénière",
            "format 'mixte' for hybride, 'visio'; place '—' when in visio",
            "an empty line in the middle of the table",
            "remarks column mostly empty",
        ],
    }


def f02_presences_instances(out: Path) -> tuple[str, Entry]:
    """A hospital assistant's attendance list: Excel dates written once per block, TOTAL row."""
    name = "presences_COPIL_plenieres_2023-2025.xlsx"
    blocks = [
        (
            "2023-03-09",
            "COPIL",
            [
                ("CH Jury", "Pro", 3),
                ("Ville de Metz", "Élu(e)", 1),
                ("Ville de Metz", "Pro", 1),
                ("ARS", "Pro", 1),
                ("Eurométropole", "Pro", 1),
                ("Département 57", "Pro", 1),
                ("UNAFAM 57", "Aidant", 2),
                ("GEM Camille Claudel", "Usager", 1),
                ("GEM Albatros", "Usager", 1),
            ],
        ),
        (
            "2023-06-22",
            "Plénière",
            [
                ("CH Jury", "Pro", 6),
                ("Ville de Metz", "Élu(e)", 2),
                ("Ville de Metz", "Pro", 2),
                ("ARS", "Pro", 1),
                ("MDA 57", "Pro", 2),
                ("Mission locale", "Pro", 1),
                ("RSMA", "Pro", 2),
                ("Médecins du Monde", "Pro", 1),
                ("ADOMA", "Pro", 2),
                ("UNAFAM 57", "Aidant", 3),
                ("GEM Camille Claudel", "Usager", 4),
                ("GEM Albatros", "Usager", 3),
                ("RESAM", "Bénévole", 1),
                ("EMAMS", "Pro", 2),
                ("CSAPA les Wads", "Pro", 1),
            ],
        ),
        (
            "2025-03-18",
            "COPIL",
            [
                ("CH Jury", "Pro", 2),
                ("ARS", "Pro", 1),
                ("Ville de Metz", "Élu(e)", 1),
                ("Eurométropole", "Élu(e)", 1),
                ("UNAFAM 57", "Aidant", 1),
                ("GEM Albatros", "Usager", 2),
                ("GEM Camille Claudel", "Usager", 1),
                ("EMPP", "Pro", 1),
            ],
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences"
    header_row(ws, 1, ["Date réunion", "Instance", "Structure", "Catégorie", "Nombre"], "FCE4D6")
    colours = ["FFFFFF", "EDEDED"]
    row = 2
    records = []
    total = 0
    for b, (iso, instance, lines) in enumerate(blocks):
        for i, (structure, role, count) in enumerate(lines):
            values = [d(iso) if i == 0 else None, instance if i == 0 else None, structure, role, count]
            for col, value in enumerate(values, start=1):
                cell = ws.cell(row=row, column=col, value=value)
                cell.fill = fill(colours[b % 2])
                if col == 1 and value is not None:
                    cell.number_format = "DD/MM/YYYY"
            records.append((iso, S[structure], role, count))
            total += count
            row += 1
    ws.cell(row=row, column=1, value="TOTAL").font = BOLD
    ws.cell(row=row, column=5, value=total).font = BOLD
    widths(ws, 14, 12, 24, 12, 9)
    wb.save(out / name)
    n_rows = sum(len(lines) for *_, lines in blocks)
    return name, {
        "tables": ["meeting", "attendance"],
        "data_rows": n_rows,
        "new_rows_in_fresh_seed": {
            "meeting": len(blocks),
            "attendance": attendance_rows(records),
        },
        "quirks": [
            "date and instance written only on the first line of each meeting block",
            "real Excel dates (format DD/MM/YYYY)",
            "role categories abbreviated: Pro, Élu(e), Aidant, Usager, Bénévole",
            "short structure names: CH Jury, ARS, UNAFAM 57, GEM Albatros, MDA 57, Département 57",
            "alternating grey fill per meeting",
            "TOTAL row at the bottom",
        ],
    }


def f03_sism_bilan_csv(out: Path) -> tuple[str, Entry]:
    """SISM editions, a cumulative table saved by French Excel as CSV (cp1252, ';')."""
    name = "SISM_bilan_2019-2025.csv"
    rows = [
        # the 2019 line repeats the seed's figures: not a new event
        ("2019", "Santé mentale à l'ère du numérique", "19", "9", "250", "chiffres bilan 2019"),
        ("2023", "À tous les âges de la vie, ma santé mentale est un droit", "21", "14", "environ 600", ""),
        ("2024", "En mouvement pour notre santé mentale", "24", "18", nbsp_thousands(1150), "dont 2 ciné-débats"),
        (
            "2025",
            "Pour notre santé mentale, réparons le lien social",
            "26",
            "16",
            "~900",
            "chiffres provisoires (bilan au 15/11)",
        ),
    ]
    with open(out / name, "w", encoding="cp1252", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow(["Année SISM", "Thème", "Partenaires", "Evènements", "Participants", "Commentaire"])
        writer.writerows(rows)
    return name, {
        "tables": ["event"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"event": 3},
        "quirks": [
            "CSV from French Excel: cp1252 encoding, ';' separator, CRLF",
            "the kind of event only in the first header ('Année SISM')",
            "participants 'environ 600', '~900', '1\u00a0150' with a non-breaking space",
            "the 2019 edition repeats the seed's figures (19 / 9 / 250): not new",
        ],
    }


def f04_sensibilisations_2024(out: Path) -> tuple[str, Entry]:
    """Awareness sessions and PSSM trainings: dates in words, registered vs present, TOTAL."""
    name = "sensibilisations_PSSM_2024.xlsx"
    rows = [
        (
            "jeudi 8 février 2024",
            "Sensibilisation en santé mentale – module de base",
            "sensibilisation",
            "à distance",
            "CLSM",
            18,
            14,
            "",
        ),
        (
            "12 mars 2024",
            "Sensibilisation à la santé mentale des jeunes",
            "sensibilisation",
            "présentiel",
            "CLSM / MDA 57",
            25,
            21,
            "",
        ),
        (
            "du 15 au 16 avril 2024",
            "PSSM standard (2 jours)",
            "formation",
            "présentiel",
            "Centre Pierre Janet",
            16,
            16,
            "complet",
        ),
        (
            "4 juin 2024",
            "Sensibilisation santé mentale et précarité",
            "sensibilisation",
            "présentiel",
            "CLSM / EMPP",
            30,
            24,
            "",
        ),
        (
            "3 octobre 2024",
            "Sensibilisation en santé mentale des agents MDPH",
            "sensibilisation",
            "à distance",
            "CLSM avec le CNFPT",
            12,
            11,
            "",
        ),
        (
            "14 et 15 novembre 2024",
            "PSSM jeunes",
            "formation",
            "présentiel",
            "SUMPPS",
            14,
            12,
            "étudiants de l'Université de Lorraine",
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "2024"
    ws["A1"] = "Sensibilisations en santé mentale et PSSM – année 2024"
    ws["A1"].font = TITLE
    header_row(ws, 3, ["Date", "Intitulé", "Type", "Format", "Organisé par", "Inscrits", "Présents", "Remarques"])
    for r in rows:
        ws.append([v if v != "" else None for v in r])
    last = 3 + len(rows)
    ws.append(["TOTAL", None, None, None, None, f"=SUM(F4:F{last})", f"=SUM(G4:G{last})"])
    for cell in ws[last + 1]:
        cell.font = BOLD
    widths(ws, 24, 48, 15, 12, 20, 9, 9, 34)
    wb.save(out / name)
    return name, {
        "tables": ["event"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"event": len(rows)},
        "quirks": [
            "title line above the header",
            "dates in words, with or without weekday: 'jeudi 8 février 2024', '12 mars 2024'",
            "two-day trainings: 'du 15 au 16 avril 2024', '14 et 15 novembre 2024'",
            "two counts: 'Inscrits' and 'Présents' (participants = présents)",
            "organiser written 'CLSM / MDA 57', 'CLSM avec le CNFPT'",
            "TOTAL row with SUM formulas (no cached value)",
        ],
    }


def f05_partenaires_2025(out: Path) -> tuple[str, Entry]:
    """A city employee's partner list: postcode and town in one cell, sector shorthand."""
    name = "liste_partenaires_MAJ_2025.xlsx"
    rows = [
        # existing in the seed (written differently): not new
        ("Maison des adolescents de Moselle", "MDA 57", "Soins / prévention", "57000 METZ", 2017, "déjà partenaire"),
        ("UNAFAM Moselle", "UNAFAM 57", "Usagers et aidants", "57000 METZ", None, None),
        ("Cap emploi 57", None, "Emploi / formation", "57000 METZ", None, None),
        # new partners (test content)
        (
            "Centre communal d'action sociale de Metz",
            "CCAS",
            "Social / médico-social",
            "57000 METZ",
            2024,
            "via le GT précarité",
        ),
        ("Metz Habitat Territoire", "MHT", "Logement", "57000 METZ", 2023, "bailleur social"),
        ("Bibliothèques-Médiathèques de Metz", "BMM", "Culture", "57000 METZ", 2025, None),
        ("Maison de la culture et des loisirs de Metz", "MCL", "Culture / loisirs", "57000 METZ", 2025, None),
        (
            "Association d'information et d'entraide mosellane",
            "AIEM",
            "Social / médico-social",
            "57000 METZ",
            2024,
            None,
        ),
        ("CCAS de Montigny-lès-Metz", None, "Social", "57950 MONTIGNY-LES-METZ", 2025, "à confirmer en COPIL"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Partenaires"
    header_row(
        ws, 1, ["Structure", "Sigle", "Secteur d'activité", "CP Ville", "Partenaire depuis", "Observations"], "E2EFDA"
    )
    for r in rows:
        ws.append(list(r))
    widths(ws, 46, 11, 24, 26, 10, 26)
    ws.freeze_panes = "A2"
    wb.save(out / name)
    return name, {
        "tables": ["structure"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"structure": 6},
        "quirks": [
            "postcode and upper-case town in one cell: '57000 METZ', '57950 MONTIGNY-LES-METZ'",
            "sector shorthand: 'Social / médico-social', 'Soins / prévention', 'Culture'",
            "three partners already in the seed, written 'MDA 57', 'UNAFAM 57', 'Cap emploi 57'",
            "two different CCAS (Metz, Montigny-lès-Metz): one has no acronym",
            "'Partenaire depuis' = member since (year)",
        ],
    }


def f06_indicateurs_fiche15(out: Path) -> tuple[str, Entry]:
    """Indicator values of sheet n°15, one column per year, '64 %' and 'n.c.' cells."""
    name = "indicateurs_fiche15_2023-2025.xlsx"
    rows = [
        (
            "Nb d'actions réalisées / prévisionnel",
            "processus",
            "64 %",
            "71 %",
            None,
            "calculé sur le programme d'actions",
        ),
        (
            "Nb de réunions organisées (toutes instances)",
            "processus",
            11,
            14,
            10,
            "2024 : dont 2 réunions d'information partenaires",
        ),
        (
            "Nb d'acteurs (structures) représentés dans les instances",
            "processus",
            74,
            81,
            "n.c.",
            "2025 : comptage en fin d'année",
        ),
        (
            "Nb de partenaires déclarant avoir développé des collaborations",
            "résultat",
            38,
            45,
            None,
            "questionnaire annuel partenaires",
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Fiche 15"
    ws["A1"] = "CLS Ville de Metz 2022-2026 – Fiche n°15 Coordination du CLSM – indicateurs"
    ws["A1"].font = TITLE
    header_row(ws, 3, ["Indicateur", "Type", 2023, 2024, "2025 (au 30/06)", "Commentaire"])
    for r in rows:
        ws.append(list(r))
    ws.append([])
    ws.append(["Source : tableau de suivi CLSM ; questionnaire annuel aux partenaires"])
    ws.cell(row=ws.max_row, column=1).font = Font(italic=True, size=9)
    widths(ws, 58, 11, 9, 9, 15, 44)
    wb.save(out / name)
    values = sum(1 for r in rows for v in r[2:5] if v is not None and v != "n.c.")
    return name, {
        "tables": ["indicator_value"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"indicator_value": values},
        "quirks": [
            "one column per year (2023 and 2024 as numbers) and a half-year '2025 (au 30/06)'",
            "indicator labels shortened ('Nb de ...'), not the sheet's exact wording",
            "percentages typed as text '64 %'",
            "'n.c.' and empty cells: no value",
            "title line and a footer 'Source : ...' line",
        ],
    }


def f07_gt_jeunes_csv(out: Path) -> tuple[str, Entry]:
    """A partner secretary's CSV: title line, one column per role category, dd/mm/yy."""
    name = "GT_jeunes_presences_2024.csv"
    cats = ["Professionnels", "Usagers", "Aidants", "Elus", "Bénévoles"]
    role_of = dict(zip(cats, ROLES, strict=True))
    lines = [
        ("2024-01-16", "MDA 57", {"Professionnels": 3}),
        ("2024-01-16", "Mission locale", {"Professionnels": 1}),
        ("2024-01-16", "SUMPPS", {"Professionnels": 1}),
        ("2024-01-16", "CMPP PEP 57", {"Professionnels": 1}),
        ("2024-01-16", "CASA", {"Professionnels": 1}),
        ("2024-01-16", "CH Jury", {"Professionnels": 1}),
        ("2024-01-16", "UNAFAM 57", {"Aidants": 1}),
        ("2024-01-16", "GEM Camille Claudel", {"Usagers": 1}),
        ("2024-03-19", "MDA 57", {"Professionnels": 2}),
        ("2024-03-19", "Mission locale", {"Professionnels": 2}),
        ("2024-03-19", "Education nationale", {"Professionnels": 2}),
        ("2024-03-19", "CH Jury", {"Professionnels": 1}),
        ("2024-03-19", "GEM L'Albatros", {"Usagers": 2}),
        ("2024-03-19", "Ville de Metz", {"Professionnels": 1, "Elus": 1}),
        ("2024-06-11", "MDA 57", {"Professionnels": 3}),
        ("2024-06-11", "Mission locale", {"Professionnels": 1}),
        ("2024-06-11", "SUMPPS", {"Professionnels": 2}),
        ("2024-06-11", "CASA", {"Professionnels": 1}),
        ("2024-06-11", "Centre Pierre Janet", {"Professionnels": 1}),
        ("2024-06-11", "UNAFAM 57", {"Aidants": 1}),
    ]
    records = []
    with open(out / name, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write("GT jeunes et santé mentale - présences 2024\n\n")
        writer = csv.writer(fh, delimiter=",", lineterminator="\n")
        writer.writerow(["Date", "Structure"] + cats)
        for iso, structure, counts in lines:
            day = d(iso)
            writer.writerow([f"{day:%d/%m/%y}", structure] + [counts.get(c, "") for c in cats])
            for c in cats:
                records.append((iso, S[structure], role_of[c], counts.get(c, 0)))
    return name, {
        "tables": ["meeting", "attendance"],
        "data_rows": len(lines),
        "new_rows_in_fresh_seed": {
            "meeting": len({iso for iso, *_ in lines}),
            "attendance": attendance_rows(records),
        },
        "quirks": [
            "title line and an empty line before the header (the instance is only there)",
            "UTF-8 with BOM, ',' separator",
            "one column per role category (wide), empty cells for none",
            "a line with two categories (Ville de Metz: 1 professionnel + 1 élu)",
            "dates dd/mm/yy ('16/01/24')",
            "header 'Elus' without accent",
        ],
    }


def f08_suivi_actions(out: Path) -> tuple[str, Entry]:
    """Status of the 2022 programme's actions at a date, colour-coded, short titles."""
    name = "suivi_actions_point_juin2025.xlsx"
    rows = [
        (
            "Formation",
            "Module de sensibilisation à distance",
            "CH Jury",
            "Terminé",
            "en ligne sur la plateforme depuis sept. 2024",
        ),
        (
            "Formation",
            "Sensibilisations spécifiques jeunes / enfants / précarité",
            "CLSM",
            "En cours",
            "3 sessions en 2024",
        ),
        ("Formation", "Promotion des PSSM auprès des pros", "CLSM", "En cours", None),
        (
            "Coordination",
            "MAJ des outils de coordination (guide, carte, site)",
            "CLSM",
            "En cours",
            "consultation des partenaires faite",
        ),
        ("Inclusion dans la cité", "Poursuite des SISM", "CLSM", "En cours", "reconduite chaque année"),
        ("Inclusion dans la cité", "Guide santé mentale version grand public", "CLSM", "Reporté", "reporté à 2026"),
        (
            "Inclusion dans la cité",
            "Documentaire GEM (témoignages d'adhérents)",
            "CLSM",
            "Terminé",
            "projeté à la plénière du 28/11/2024",
        ),
        ("Culture/loisirs", "Projet théâtre Koltès", "Espace BMK", "Abandonné", "pas de financement"),
        ("Précarité", "Création de l'EMPP", "CH Jury", "Terminé", "équipe en place"),
        ("Enfance/parentalité", "Réseau psypérinatalité (Winnicott)", "CMP Winnicott", "En cours", None),
        ("Jeunes", "Stopblues / prévention du mal-être des jeunes", "CLSM", "En cours", None),
    ]
    colour = {"Terminé": "C6EFCE", "En cours": "FFEB9C", "Reporté": "F4B084", "Abandonné": "FFC7CE"}
    wb = Workbook()
    ws = wb.active
    ws.title = "Suivi"
    ws["A1"] = "Suivi des actions du CLSM – situation au 30/06/2025"
    ws["A1"].font = TITLE
    header_row(ws, 3, ["Axe / thème", "Action", "Porteur", "Avancement", "Commentaire"])
    for r in rows:
        ws.append(list(r))
        ws.cell(row=ws.max_row, column=4).fill = fill(colour[r[3]])
    ws.append([])
    ws.append(["Légende : vert = terminé, jaune = en cours, orange = reporté, rouge = abandonné"])
    widths(ws, 22, 52, 16, 13, 42)
    wb.save(out / name)
    return name, {
        "tables": ["action"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"action": 0},
        "quirks": [
            "status update of existing actions of the 2022 programme: no new action",
            "short titles ('Projet théâtre Koltès', 'Création de l'EMPP', 'Poursuite des SISM')",
            "statuses in everyday words: Terminé, En cours, Reporté, Abandonné",
            "status cells colour-filled, with a legend line under the table",
            "status date only in the title ('situation au 30/06/2025')",
        ],
    }


def f09_cine_debats(out: Path) -> tuple[str, Entry]:
    """A culture partner's event list: mixed Excel dates and text dates, 'environ 80'."""
    name = "cine-debats_et_evenements_2023-2026.xlsx"
    rows = [
        (
            d("2023-10-12"),
            "Ciné-débat",
            "Ciné-débat SISM 2023 : santé mentale et droits",
            "Cinéma Le Klub",
            "Participation/citoyenneté",
            "4 (GEM CC, GEM Albatros, UNAFAM 57, CH Jury)",
            "environ 80",
        ),
        (
            d("2024-05-23"),
            "Journée",
            "Journée portes ouvertes des GEM",
            "GEM L'Albatros",
            "Participation/citoyenneté",
            "3",
            "env. 40",
        ),
        (
            d("2024-10-10"),
            "Ciné-débat",
            "Ciné-débat SISM 2024 : sport et santé mentale",
            "Cinéma Le Klub",
            None,
            "3",
            65,
        ),
        (
            d("2025-06-05"),
            "Lecture publique",
            "Lectures à voix haute sur la santé mentale",
            "Médiathèque Verlaine",
            "Culture/loisirs",
            "2 (BMM, GEM CC)",
            25,
        ),
        (
            long_date(d("2025-10-09")),
            "Ciné-débat",
            "Ciné-débat SISM 2025 : le lien social",
            "Cinéma Le Klub",
            "Participation/citoyenneté",
            "5",
            92,
        ),
        (d("2026-03-19"), "Ciné-débat", "Ciné-débat jeunes et écrans", "Cinéma Le Klub", "Jeunes", "3", "(prévu)"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Évènements"
    ws["A1"] = "Ciné-débats et temps forts santé mentale"
    ws["A1"].font = TITLE
    header_row(ws, 2, ["Date", "Type", "Titre", "Lieu", "Thème", "Partenaires", "Public"], "FFF2CC")
    for r in rows:
        ws.append(list(r))
        cell = ws.cell(row=ws.max_row, column=1)
        if isinstance(cell.value, dt.date):
            cell.number_format = "DD/MM/YYYY"
    ws.append([])
    ws.append(["Source : CLSM / salles partenaires – fréquentation communiquée par les lieux"])
    ws.cell(row=ws.max_row, column=1).font = Font(italic=True, size=9)
    widths(ws, 24, 16, 46, 22, 24, 40, 11)
    wb.save(out / name)
    return name, {
        "tables": ["event"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"event": len(rows)},
        "quirks": [
            "mostly Excel dates, one typed as text 'jeudi 9 octobre 2025'",
            "partners as a count followed by names in brackets: '4 (GEM CC, ...)'",
            "public 'environ 80', 'env. 40', '(prévu)' for a future event",
            "theme column partly empty",
            "title line above the header, 'Source :' footer",
        ],
    }


def f10_partenaires_par_action(out: Path) -> tuple[str, Entry]:
    """Who does what on which action: merged action cells, amounts '1 200 €'."""
    name = "partenaires_par_action_2024.xlsx"
    groups = [
        (
            "Coordination du CLSM (fiche 15)",
            [
                ("CH Jury", "porteur", None, None, False),
                ("ARS", "financeur", None, "financement pressenti", False),
                ("Eurométropole", "financeur", "2 500 €", "convention 2024", True),
            ],
        ),
        (
            "Projet théâtre Koltès",
            [
                ("GEM Camille Claudel", "partenaire", None, None, True),
                ("ARS", "financeur", "1 200 €", "demande CLS", True),
            ],
        ),
        (
            "Création de l'EMPP",
            [
                ("ARS", "financeur", None, "appel à projets", True),
            ],
        ),
        (
            "Poursuite des SISM",
            [
                ("UNAFAM 57", "partenaire", None, None, True),
                ("GEM L'Albatros", "partenaire", None, None, True),
                ("Ville de Metz", "financeur", "1 500 €", "impression programme", True),
            ],
        ),
        (
            "Documentaire GEM",
            [
                ("GEM Camille Claudel", "partenaire", None, "tournage", True),
                ("GEM L'Albatros", "partenaire", None, "tournage", True),
            ],
        ),
        (
            "Cités éducatives (QPV Borny)",
            [
                ("CMP Winnicott", "partenaire", None, None, False),
            ],
        ),
        (
            "Réseau psypérinatalité",
            [
                ("Pôle petite enfance (Ville de Metz)", "partenaire", None, None, True),
            ],
        ),
        (
            "Stopblues",
            [
                ("Inserm", "partenaire", None, None, False),
            ],
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Qui fait quoi"
    ws["A1"] = "Actions CLSM – partenaires et financements 2024"
    ws["A1"].font = TITLE
    header_row(ws, 3, ["Action", "Structure", "Rôle", "Montant", "Remarque"])
    row = 4
    for action, lines in groups:
        first = row
        for structure, role, amount, remark, _new in lines:
            ws.cell(row=row, column=1, value=action if row == first else None)
            ws.cell(row=row, column=2, value=structure)
            ws.cell(row=row, column=3, value=role)
            ws.cell(row=row, column=4, value=amount)
            ws.cell(row=row, column=5, value=remark)
            row += 1
        if row - first > 1:
            ws.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=1)
        ws.cell(row=first, column=1).alignment = Alignment(vertical="center", wrap_text=True)
    widths(ws, 32, 36, 12, 11, 24)
    wb.save(out / name)
    n_rows = sum(len(lines) for _, lines in groups)
    n_new = sum(1 for _, lines in groups for *_, new in lines if new)
    return name, {
        "tables": ["action_partner"],
        "data_rows": n_rows,
        "new_rows_in_fresh_seed": {"action_partner": n_new},
        "quirks": [
            "action cell merged vertically over its partner lines",
            "actions by short name ('Projet théâtre Koltès', 'Poursuite des SISM', 'fiche 15')",
            "amounts '2 500 €', '1 200 €' as text, mostly empty",
            "four links already in the seed (CH Jury porteur and ARS financeur of sheet 15, "
            "CMP Winnicott on Cités éducatives, Inserm on Stopblues): not new",
            "title line above the header",
        ],
    }


# --------------------------------------------------------------------------- harder files


def f11_reunions_par_mois(out: Path) -> tuple[str, Entry]:
    """One sheet per month of 2025: the day only ('mar. 21'), month/year from the sheet."""
    name = "reunions_2025_un_onglet_par_mois.xlsx"
    months = {
        "Janvier": [
            ("2025-01-21", "14h-16h", "GT culture/loisirs", "BMM – médiathèque Verlaine", "non", 9, None),
            ("2025-01-30", "9h30-12h", "GT précarité", "Carrefour des solidarités", "oui", 11, None),
        ],
        "Février": [
            ("2025-02-06", "14h-16h", "GT emploi/formation", "Cap emploi", "non", 8, None),
            ("2025-02-25", "10h-11h30", "GP enfance/parentalité", "Teams", "oui", 7, "visio uniquement"),
        ],
        "Mars": [
            ("2025-03-18", "9h30-12h", "COPIL", "CH Jury", "non", 12, None),
            ("2025-03-27", "14h-16h", "GT jeunes", "MDA 57", "non", 10, None),
        ],
        "Avril": [],
        "Mai": [
            ("2025-05-13", "14h-16h30", "GT crise", "CH Jury", "oui", 13, None),
            (
                "2025-05-22",
                "14h-16h",
                "GT participation/citoyenneté",
                "GEM L'Albatros",
                "non",
                9,
                "animé avec les adhérents",
            ),
        ],
        "Juin": [
            ("2025-06-12", "10h-12h", "GT logement", "Metz Habitat Territoire", "non", 7, None),
            ("2025-06-26", "11h-12h", "Réunion d'information partenaires (SISM 2025)", "Teams", "oui", 24, None),
        ],
    }
    wb = Workbook()
    wb.remove(wb.active)
    for month, meetings in months.items():
        ws = wb.create_sheet(month)
        ws["A1"] = f"Réunions CLSM – {month.lower()} 2025"
        ws["A1"].font = TITLE
        header_row(ws, 3, ["Jour", "Horaire", "Réunion", "Lieu", "Visio", "Nb présents", "Obs."], "DDEBF7")
        if not meetings:
            ws["A4"] = "Pas de réunion ce mois-ci (vacances de printemps)"
            ws["A4"].font = Font(italic=True)
        for iso, hours, meeting, place, visio, present, obs in meetings:
            day = d(iso)
            ws.append([f"{JOURS_ABR[day.weekday()]} {day.day}", hours, meeting, place, visio, present, obs])
        widths(ws, 10, 11, 40, 28, 7, 11, 26)
    wb.save(out / name)
    n = sum(len(v) for v in months.values())
    return name, {
        "tables": ["meeting"],
        "data_rows": {m: len(v) for m, v in months.items()},
        "new_rows_in_fresh_seed": {"meeting": n},
        "quirks": [
            "[harder] one sheet per month: the day only ('mar. 21'), month and year only in "
            "the sheet name and its title line",
            "an empty month (Avril) with a sentence instead of rows",
            "'Visio' oui/non beside a place (oui + place = hybride; oui + Teams = visio)",
            "'Nb présents' is a total of people, not attendance by structure",
            "time ranges '9h30-12h'",
        ],
    }


def f12_emargement_pleniere(out: Path) -> tuple[str, Entry]:
    """A sign-in form: header block with checkboxes, two-level column header, excused list."""
    name = "emargement_pleniere_20-11-2025.xlsx"
    day = d("2025-11-20")
    cats = ["Professionnels", "Usagers", "Aidants", "Élus", "Bénévoles"]
    role_of = dict(zip(cats, ROLES, strict=True))
    lines = [
        ("Soins et prévention", "CH Jury", {"Professionnels": 5}),
        ("Soins et prévention", "CMP 1", {"Professionnels": 1}),
        ("Soins et prévention", "EMPP", {"Professionnels": 2}),
        ("Soins et prévention", "MDA 57", {"Professionnels": 2}),
        ("Soins et prévention", "Médecins du Monde", {"Professionnels": 1, "Bénévoles": 1}),
        ("Soins et prévention", "CSAPA les Wads", {"Professionnels": 1}),
        ("Soins et prévention", "Centre Pierre Janet", {"Professionnels": 1}),
        ("Collectivités et État", "Ville de Metz", {"Professionnels": 2, "Élus": 1}),
        ("Collectivités et État", "Eurométropole de Metz", {"Élus": 1}),
        ("Collectivités et État", "ARS Grand Est", {"Professionnels": 1}),
        ("Collectivités et État", "Département de la Moselle", {"Professionnels": 2}),
        ("Accompagnement social et médico-social", "RESAM", {"Bénévoles": 2}),
        ("Emploi / formation", "Mission locale du Pays Messin", {"Professionnels": 1}),
        ("Logement", "ADOMA", {"Professionnels": 1}),
        ("Logement", "AMLI", {"Professionnels": 1}),
        ("Usagers et aidants", "UNAFAM Moselle", {"Aidants": 3}),
        ("Usagers et aidants", "GEM Camille Claudel", {"Usagers": 4, "Professionnels": 1}),
        ("Usagers et aidants", "GEM L'Albatros", {"Usagers": 3}),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Feuille de présence"
    ws["A1"] = "CONSEIL LOCAL DE SANTÉ MENTALE DU TERRITOIRE MESSIN"
    ws["A1"].font = TITLE
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A1:G1")
    ws["A2"] = "Feuille de présence – synthèse par structure (sans noms)"
    ws["A2"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A2:G2")
    form = [
        ("Instance :", "Assemblée plénière"),
        ("Date :", long_date(day)),
        ("Horaire :", "14h00 – 16h30"),
        ("Lieu :", "Maison des adolescents de Moselle, Metz"),
        ("Modalité :", "☐ Présentiel    ☐ Visio    ☒ Hybride"),
    ]
    for i, (label, value) in enumerate(form, start=4):
        ws.cell(row=i, column=1, value=label).font = BOLD
        ws.cell(row=i, column=2, value=value)
        ws.merge_cells(start_row=i, start_column=2, end_row=i, end_column=7)
    top, sub = 10, 11
    ws.cell(row=top, column=1, value="Secteur")
    ws.cell(row=top, column=2, value="Structure")
    ws.cell(row=top, column=3, value="Nombre de personnes présentes")
    ws.merge_cells(start_row=top, start_column=1, end_row=sub, end_column=1)
    ws.merge_cells(start_row=top, start_column=2, end_row=sub, end_column=2)
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=7)
    for col, cat in enumerate(cats, start=3):
        ws.cell(row=sub, column=col, value=cat)
    for r in (top, sub):
        for c in range(1, 8):
            cell = ws.cell(row=r, column=c)
            cell.font = BOLD
            cell.fill = fill("D9D9D9")
            cell.border = BOX
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    row = sub + 1
    records = []
    previous_sector = None
    for sector, structure, counts in lines:
        ws.cell(row=row, column=1, value=sector if sector != previous_sector else None)
        previous_sector = sector
        ws.cell(row=row, column=2, value=structure)
        for col, cat in enumerate(cats, start=3):
            ws.cell(row=row, column=col, value=counts.get(cat))
            records.append(("pleniere-2025-11-20", S[structure], role_of[cat], counts.get(cat, 0)))
        for c in range(1, 8):
            ws.cell(row=row, column=c).border = BOX
        row += 1
    ws.cell(row=row, column=2, value="Total").font = BOLD
    for col in range(3, 8):
        letter = chr(ord("A") + col - 1)
        ws.cell(row=row, column=col, value=f"=SUM({letter}{sub + 1}:{letter}{row - 1})")
    row += 2
    ws.cell(row=row, column=1, value="Structures excusées : Préfecture de la Moselle, Éducation nationale, IREPS")
    ws.cell(row=row + 2, column=1, value="Visa de la coordination CLSM : ____________")
    widths(ws, 30, 32, 14, 10, 10, 8, 11)
    wb.save(out / name)
    return name, {
        "tables": ["meeting", "attendance"],
        "data_rows": len(lines),
        "new_rows_in_fresh_seed": {"meeting": 1, "attendance": attendance_rows(records)},
        "quirks": [
            "[harder] a form: instance, date in words, place and mode as label/value pairs above the table",
            "mode given by checkboxes '☐ Présentiel ☐ Visio ☒ Hybride'",
            "two-level merged header: 'Nombre de personnes présentes' over five categories",
            "sector written once per group (blank below)",
            "Total row with SUM formulas; 'Structures excusées' line below: not attendance",
            "two structures with two categories on one line",
        ],
    }


def f13_copie_word_gt_crise(out: Path) -> tuple[str, Entry]:
    """Three minutes' tables pasted from Word: one block per meeting, attendance as prose."""
    name = "CR_GT_crise_2024_copie_Word.xlsx"
    blocks = [
        (
            "2024-03-05",
            "Mardi 5 mars 2024 – en visioconférence (Teams)",
            [
                ("CH Jury", "3 professionnels", [("professionnel", 3)]),
                ("EMAMS", "1 professionnelle", [("professionnel", 1)]),
                ("UNAFAM 57", "1 aidante", [("aidant", 1)]),
                ("GEM L'Albatros", "2 adhérents (usagers)", [("usager", 2)]),
                ("SAMELY", "1 pro", [("professionnel", 1)]),
                ("Urgences de Mercy", "1 professionnel", [("professionnel", 1)]),
            ],
            "Guide de prévention et de gestion des situations de crise : plan du guide",
            "Rédaction des fiches réflexes répartie entre les structures",
        ),
        (
            "2024-05-14",
            "14 mai 2024, CH Jury (salle du conseil)",
            [
                ("CH Jury", "2 professionnels", [("professionnel", 2)]),
                ("EMPP", "1 professionnel", [("professionnel", 1)]),
                ("ERAH", "1 professionnelle", [("professionnel", 1)]),
                ("Médecins du Monde", "1 professionnelle", [("professionnel", 1)]),
                ("UNAFAM 57", "2 aidants", [("aidant", 2)]),
                ("RESAM", "1 bénévole", [("bénévole", 1)]),
                ("Préfecture", "1 professionnelle", [("professionnel", 1)]),
            ],
            "Relecture des fiches réflexes",
            "Envoi de la version de travail aux partenaires avant l'été",
        ),
        (
            "2024-09-24",
            "24/09/2024 – CH Jury et en visio",
            [
                ("CH Jury", "2 professionnels", [("professionnel", 2)]),
                ("EMAMS", "2 professionnels", [("professionnel", 2)]),
                ("CMP 1", "1 infirmier", [("professionnel", 1)]),
                ("GEM Camille Claudel", "1 adhérent et 1 animatrice", [("usager", 1), ("professionnel", 1)]),
                ("ADOMA", "1 responsable de pension de famille", [("professionnel", 1)]),
            ],
            "Validation du guide",
            "Guide validé ; présentation prévue à la plénière du 28/11/2024",
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Feuil1"
    row = 1
    records = []
    for iso, when, people, agenda, decisions in blocks:
        ws.cell(row=row, column=1, value="GROUPE DE TRAVAIL « PRÉVENTION / GESTION DES SITUATIONS DE CRISE »")
        ws.cell(row=row, column=1).font = BOLD
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        row += 1
        prose = "\n".join(f"•\u00a0{s}\u00a0: {txt}" for s, txt, _ in people)
        for label, value in [
            ("Date et lieu", when),
            ("Participants", prose),
            ("Ordre du jour", agenda),
            ("Décisions", decisions),
        ]:
            a = ws.cell(row=row, column=1, value=label)
            b = ws.cell(row=row, column=2, value=value)
            for cell in (a, b):
                cell.alignment = WRAP
                cell.border = BOX
            a.font = BOLD
            row += 1
        row += 2  # Word paste leaves empty lines between the tables
        for structure, _txt, cats in people:
            for role, count in cats:
                records.append((iso, S[structure], role, count))
    widths(ws, 16, 80)
    wb.save(out / name)
    return name, {
        "tables": ["meeting", "attendance"],
        "data_rows": len(blocks),
        "new_rows_in_fresh_seed": {
            "meeting": len(blocks),
            "attendance": attendance_rows(records),
        },
        "quirks": [
            "[harder] Word tables pasted into Excel: one label/value block per meeting",
            "attendance as bulleted prose inside one cell ('•\u00a0CH Jury\u00a0: 3 "
            "professionnels'), with non-breaking spaces",
            "roles in everyday words: adhérents (usagers), aidante, infirmier, animatrice, "
            "responsable de pension de famille",
            "one line with two categories ('1 adhérent et 1 animatrice')",
            "three date styles in 'Date et lieu': 'Mardi 5 mars 2024', '14 mai 2024', '24/09/2024'",
            "the instance only in the block title",
        ],
    }


def f14_export_questionnaire(out: Path) -> tuple[str, Entry]:
    """An online-survey export (LimeSurvey style, French headers): partners' census."""
    name = "export_questionnaire_partenaires_2025.csv"
    head = [
        "ID de la réponse",
        "Date de soumission",
        "Dernière page",
        "Langue de départ",
        "Tête de série",
        "Date de lancement",
        "Date de la dernière action",
        "Nom de votre structure",
        "Sigle (le cas échéant)",
        "Secteur d'activité principal",
        "Secteur d'activité principal [Autre]",
        "Commune d'implantation",
        "Année de votre première participation au CLSM",
        "Avez-vous développé des collaborations dans le cadre du CLSM ?",
        "Connaissez-vous mieux l'offre en santé mentale du territoire ?",
        "Remarques",
    ]
    answers = [
        (
            "Centre communal d'action sociale de Metz",
            "CCAS",
            "Accompagnement social et médico-social",
            "",
            "Metz",
            "2024",
            "Oui",
            "Oui",
            "",
        ),
        (
            "CCAS Metz",
            "CCAS",
            "Accompagnement social et médico-social",
            "",
            "METZ",
            "2024",
            "Oui",
            "Non",
            "deuxième réponse de la structure (autre service)",
        ),
        ("Unafam Moselle", "UNAFAM", "Usagers et aidants", "", "Metz", "2017", "Oui", "Oui", ""),
        ("Metz Habitat Territoire", "", "Logement", "", "Metz", "2023", "Oui", "Oui", ""),
        None,  # an incomplete answer: nothing but the technical columns
        (
            "Maison de la culture et des loisirs de Metz",
            "MCL",
            "Autre",
            "Culture et loisirs",
            "Metz",
            "2025",
            "Non",
            "Oui",
            "souhaite un atelier GEM",
        ),
        (
            "Bibliothèques-Médiathèques de Metz",
            "BMM",
            "Autre",
            "culture / lecture publique",
            "Metz",
            "2025",
            "Non",
            "Non",
            "",
        ),
        ("Centre Pierre Janet", "", "Soins et prévention", "", "Metz", "2019", "Oui", "Oui", ""),
        ("CCAS de Woippy", "", "Accompagnement social et médico-social", "", "Woippy", "2025", "Non", "Oui", ""),
    ]
    with open(out / name, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=",", quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(head)
        for i, a in enumerate(answers, start=1):
            # answers trickle in during office hours over two weeks
            stamp = dt.datetime(2025, 11, 3 + (i * 3) // 2, 9 + (i * 5) % 8, (i * 17) % 60, (i * 7) % 60)
            start = f"{stamp - dt.timedelta(minutes=6):%Y-%m-%d %H:%M:%S}"
            if a is None:
                writer.writerow([str(i), "", "1", "fr", str(1234567 + 811 * i), start, start] + [""] * 9)
                continue
            writer.writerow(
                [
                    str(i),
                    f"{stamp:%Y-%m-%d %H:%M:%S}",
                    "3",
                    "fr",
                    str(1234567 + 811 * i),
                    start,
                    f"{stamp:%Y-%m-%d %H:%M:%S}",
                ]
                + list(a)
            )
    return name, {
        "tables": ["structure"],
        "data_rows": len(answers),
        "new_rows_in_fresh_seed": {"structure": 5},
        "quirks": [
            "[harder] survey export: seven technical columns first (ID, dates, last page, "
            "language, seed), then the questions as headers",
            "sector 'Autre' with the real sector in a '[Autre]' column",
            "one structure answered twice ('Centre communal d'action sociale de Metz' and "
            "'CCAS Metz'): one new structure",
            "an incomplete answer (no submit date, no name): no row",
            "two answering structures already in the seed (Unafam Moselle, Centre Pierre Janet)",
            "opinion questions (Oui/Non) that are not structure facts",
            "all fields quoted, UTF-8 without BOM",
        ],
    }


def f15_tableau_croise(out: Path) -> tuple[str, Entry]:
    """A pivot table pasted as values: structures x categories down, instance x date across."""
    name = "TCD_presences_2024.xlsx"
    # column fields: instance (alphabetical, as a pivot sorts) then date
    columns = [
        ("COPIL", ["2024-02-13"]),
        ("GP enfance/parentalité", ["2024-03-28", "2024-09-26"]),
        ("GT logement", ["2024-04-18"]),
        ("Plénière", ["2024-11-28"]),
    ]
    data = {
        "2024-02-13": {
            ("CH Jury", "professionnel"): 3,
            ("Ville de Metz", "élu"): 1,
            ("Ville de Metz", "professionnel"): 1,
            ("ARS Grand Est", "professionnel"): 1,
            ("Eurométropole", "professionnel"): 1,
            ("Département 57", "professionnel"): 1,
            ("UNAFAM 57", "aidant"): 1,
            ("GEM Camille Claudel", "usager"): 1,
            ("GEM L'Albatros", "usager"): 2,
        },
        "2024-03-28": {
            ("CMP Winnicott", "professionnel"): 2,
            ("Pôle petite enfance", "professionnel"): 2,
            ("CMPP PEP 57", "professionnel"): 1,
            ("Education nationale", "professionnel"): 1,
            ("Ecole des parents 57", "professionnel"): 1,
            ("UNAFAM 57", "aidant"): 1,
        },
        "2024-04-18": {
            ("ADOMA", "professionnel"): 2,
            ("AMLI", "professionnel"): 1,
            ("ERAH (CH Jury)", "professionnel"): 1,
            ("CH Jury", "professionnel"): 1,
            ("Résidence accueil Ban-St-Martin", "professionnel"): 1,
            ("GEM L'Albatros", "usager"): 1,
        },
        "2024-09-26": {
            ("CMP Winnicott", "professionnel"): 1,
            ("Pôle petite enfance", "professionnel"): 1,
            ("Multi-accueil Les Marmousets", "professionnel"): 1,
            ("CMPP PEP 57", "professionnel"): 1,
            ("Département 57", "professionnel"): 1,
        },
        "2024-11-28": {
            ("CH Jury", "professionnel"): 5,
            ("Ville de Metz", "élu"): 2,
            ("Ville de Metz", "professionnel"): 1,
            ("ARS Grand Est", "professionnel"): 1,
            ("Eurométropole", "élu"): 1,
            ("Département 57", "professionnel"): 1,
            ("MDA 57", "professionnel"): 2,
            ("Mission locale", "professionnel"): 1,
            ("UNAFAM 57", "aidant"): 2,
            ("GEM Camille Claudel", "usager"): 3,
            ("GEM Camille Claudel", "professionnel"): 1,
            ("GEM L'Albatros", "usager"): 3,
            ("RESAM", "bénévole"): 1,
            ("ADOMA", "professionnel"): 1,
            ("AMLI", "professionnel"): 1,
            ("CMP Winnicott", "professionnel"): 1,
            ("EMPP", "professionnel"): 2,
        },
    }
    leaves = sorted({k for cells in data.values() for k in cells}, key=lambda k: (k[0].lower(), k[1]))
    structures = sorted({s for s, _ in leaves}, key=str.lower)

    # value columns: each date, then 'Total <instance>' after each instance group
    layout: list[tuple[str, str, list[str]]] = []  # (row-4 label, row-5 value kind, dates)
    for instance, dates in columns:
        for i, iso in enumerate(dates):
            layout.append((instance if i == 0 else "", iso, [iso]))
        layout.append((f"Total {instance}", "", dates))
    all_dates = [iso for _, dates in columns for iso in dates]
    layout.append(("Total général", "", all_dates))

    wb = Workbook()
    ws = wb.active
    ws.title = "TCD présences"
    ws["A1"], ws["B1"] = "Année", 2024
    ws["A3"], ws["B3"] = "Somme de Nombre", "Étiquettes de colonnes"
    ws["A5"] = "Étiquettes de lignes"
    pivot_fill = fill("DDEBF7")
    for col, (label, iso, _dates) in enumerate(layout, start=2):
        ws.cell(row=4, column=col, value=label or None)
        if iso:
            cell = ws.cell(row=5, column=col, value=d(iso))
            cell.number_format = "DD/MM/YYYY"
    for r in (3, 4, 5):
        for c in range(1, len(layout) + 2):
            ws.cell(row=r, column=c).fill = pivot_fill
            ws.cell(row=r, column=c).font = BOLD

    def value(dates: list[str], keys: list[tuple[str, str]]) -> int | None:
        total = sum(data[iso].get(k, 0) for iso in dates for k in keys)
        return total or None

    row = 6
    for structure in structures:
        keys = [k for k in leaves if k[0] == structure]
        ws.cell(row=row, column=1, value=structure).font = BOLD
        for col, (_l, _i, dates) in enumerate(layout, start=2):
            ws.cell(row=row, column=col, value=value(dates, keys)).font = BOLD
        row += 1
        for key in keys:
            cell = ws.cell(row=row, column=1, value=key[1])
            cell.alignment = Alignment(indent=1)
            for col, (_l, _i, dates) in enumerate(layout, start=2):
                ws.cell(row=row, column=col, value=value(dates, [key]))
            row += 1
    ws.cell(row=row, column=1, value="Total général")
    for col, (_l, _i, dates) in enumerate(layout, start=2):
        ws.cell(row=row, column=col, value=value(dates, leaves))
    for c in range(1, len(layout) + 2):
        ws.cell(row=row, column=c).font = BOLD
        ws.cell(row=row, column=c).fill = pivot_fill
    ws.column_dimensions["A"].width = 32
    wb.save(out / name)

    records = [(iso, S[s], role, n) for iso, cells in data.items() for (s, role), n in cells.items()]
    return name, {
        "tables": ["meeting", "attendance"],
        "data_rows": len(leaves),
        "new_rows_in_fresh_seed": {"meeting": len(data), "attendance": attendance_rows(records)},
        "quirks": [
            "[harder] pivot table pasted as values (compact layout): structure rows with "
            "their subtotal, categories indented below",
            "two-level column header: instance on one row (written once per group), Excel dates on the next",
            "'Total <instance>' subtotal columns and 'Total général' row and column",
            "report filter 'Année 2024' above the pivot; 'Somme de Nombre', 'Étiquettes de lignes/colonnes' labels",
            "empty cells where nobody came",
        ],
    }


def f16_export_outlook(out: Path) -> tuple[str, Entry]:
    """The coordinator's Outlook calendar exported to CSV (French Outlook, ANSI)."""
    name = "export_agenda_Outlook_S1_2026.csv"
    head = [
        "Objet",
        "Début",
        "Heure de début",
        "Fin",
        "Heure de fin",
        "Journée entière",
        "Rappel actif/inactif",
        "Date du rappel",
        "Heure du rappel",
        "Organisateur d'une réunion",
        "Participants obligatoires",
        "Participants facultatifs",
        "Ressources de la réunion",
        "Facturation",
        "Catégories",
        "Description",
        "Emplacement",
        "Critère de diffusion",
        "Kilométrage",
        "Priorité",
        "Privé",
        "Sensibilité",
        "Afficher la disponibilité",
    ]
    # (subject, start, t0, end, t1, all day, category, description, place, is a meeting)
    items = [
        (
            "GT jeunes – repérage du mal-être",
            "2026-01-20",
            "14:00",
            "2026-01-20",
            "16:00",
            False,
            "CLSM;Groupes de travail",
            "Suite des outils de repérage",
            "MDA 57, Metz",
            True,
        ),
        ("Congés", "2026-02-02", "00:00", "2026-02-07", "00:00", True, "", "", "", False),
        (
            "COPIL CLSM",
            "2026-02-10",
            "09:30",
            "2026-02-10",
            "12:00",
            False,
            "CLSM;COPIL",
            "Bilan 2025, programme 2026, indicateurs fiche 15",
            "CH Jury – salle du conseil",
            True,
        ),
        (
            "Préparation COPIL",
            "2026-02-06",
            "09:00",
            "2026-02-06",
            "11:00",
            False,
            "CLSM",
            "Bloquer le créneau",
            "Bureau",
            False,
        ),
        (
            "GT participation/citoyenneté",
            "2026-03-03",
            "14:00",
            "2026-03-03",
            "16:00",
            False,
            "CLSM;Groupes de travail",
            "",
            "GEM L'Albatros",
            True,
        ),
        (
            "Réunion Teams : GT crise",
            "2026-03-17",
            "10:00",
            "2026-03-17",
            "11:30",
            False,
            "CLSM;Groupes de travail",
            "Mise à jour du guide crise",
            "Réunion Microsoft Teams",
            True,
        ),
        (
            "GP enfance-parentalité",
            "2026-04-09",
            "14:00",
            "2026-04-09",
            "16:00",
            False,
            "CLSM;Groupes de travail",
            "Réseau psypérinatalité",
            "Pôle petite enfance + Teams",
            True,
        ),
        (
            "GT emploi/formation",
            "2026-05-12",
            "14:00",
            "2026-05-12",
            "16:00",
            False,
            "CLSM;Groupes de travail",
            "",
            "Cap emploi, Metz",
            True,
        ),
        (
            "Annulé : GT logement",
            "2026-05-21",
            "10:00",
            "2026-05-21",
            "12:00",
            False,
            "CLSM;Groupes de travail",
            "Réunion annulée, reportée à septembre",
            "Metz Habitat Territoire",
            False,
        ),
        (
            "Info partenaires SISM 2026",
            "2026-06-04",
            "11:00",
            "2026-06-04",
            "12:00",
            False,
            "CLSM",
            "Présentation du programme SISM 2026",
            "Réunion Microsoft Teams",
            True,
        ),
    ]
    with open(out / name, "w", encoding="cp1252", newline="") as fh:
        writer = csv.writer(fh, delimiter=",", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(head)
        for subj, start, t0, end, t1, all_day, cat, desc, place, _meeting in items:
            s, e = d(start), d(end)
            writer.writerow(
                [
                    subj,
                    f"{s.day}/{s.month}/{s.year}",
                    f"{t0}:00",
                    f"{e.day}/{e.month}/{e.year}",
                    f"{t1}:00",
                    "Vrai" if all_day else "Faux",
                    "Faux" if all_day else "Vrai",
                    "" if all_day else f"{s.day}/{s.month}/{s.year}",
                    "" if all_day else "08:45:00",
                    "Coordination CLSM",
                    "",
                    "",
                    "",
                    "",
                    cat,
                    desc,
                    place,
                    "",
                    "",
                    "Normale",
                    "Faux",
                    "Normale",
                    "3" if all_day else "2",
                ]
            )
    n = sum(1 for *_, meeting in items if meeting)
    return name, {
        "tables": ["meeting"],
        "data_rows": len(items),
        "new_rows_in_fresh_seed": {"meeting": n},
        "quirks": [
            "[harder] Outlook calendar export: 23 columns, French headers, cp1252, all quoted",
            "dates d/m/yyyy without leading zeros, times '14:00:00' in separate columns",
            "instance only in the subject ('COPIL CLSM', 'Réunion Teams : GT crise', 'Info partenaires SISM 2026')",
            "non-meetings mixed in: 'Congés' (all day), 'Préparation COPIL', 'Annulé : GT logement'",
            "mode from the place: 'Réunion Microsoft Teams' = visio, '... + Teams' = hybride",
            "Vrai/Faux booleans, reminder columns",
        ],
    }


BUILDERS: list[Builder] = [
    f01_calendrier_2024,
    f02_presences_instances,
    f03_sism_bilan_csv,
    f04_sensibilisations_2024,
    f05_partenaires_2025,
    f06_indicateurs_fiche15,
    f07_gt_jeunes_csv,
    f08_suivi_actions,
    f09_cine_debats,
    f10_partenaires_par_action,
    f11_reunions_par_mois,
    f12_emargement_pleniere,
    f13_copie_word_gt_crise,
    f14_export_questionnaire,
    f15_tableau_croise,
    f16_export_outlook,
]


def main(argv: list[str] | None = None) -> int:
    """Write the sixteen files and manifest.json into OUTDIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_heldout8.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for build in BUILDERS:
        name, entry = build(out)
        manifest[name] = entry
    with open(out / "manifest.json", "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    print(f"{len(manifest)} files written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
