"""Held-out set n°10: sixteen spreadsheets typed the way people of the CLSM's network type them.

Ten ordinary files (the coordinator, a partner structure's secretary, a city employee, a volunteer
of a GEM, an intern, a hospital assistant), each with one or two everyday habits, and six harder
ones (a structure x role matrix, one sheet per instance, a web-form export, a transposed bilan
table, an action x structure matrix of letters, checkbox columns under merged headers).
No person's name, personal e-mail or phone number: attendance is counted per structure and role
category only. Structures, plans, actions and instances are the ones the council's documents
name, written the way people write them. Rows dated 2023-2026 and new partners are test content,
not facts of the council's documents.

Usage: python make_heldout10.py OUTDIR  (writes the sixteen files and OUTDIR/manifest.json)
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
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

D = dt.date
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
GREY = PatternFill("solid", fgColor="D9D9D9")
BLUE = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
DATE_FMT = "DD/MM/YYYY"

JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
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

# Action titles as the programme 2022 gives them (people copy them from the restitution document).
T_MODULE = "Module de sensibilisation en santé mentale accessible à distance"
T_SENSIB_SPE = (
    "Sensibilisations spécifiques à la santé mentale des jeunes, des enfants et des personnes en situation de précarité"
)
T_PSSM = "Promotion des Premiers secours en santé mentale (PSSM) auprès des professionnels du territoire messin"
T_OUTILS = (
    "Mise à jour des outils de coordination et de communication et consultation des partenaires sur leurs évolutions"
)
T_SISM = "Poursuite de l'organisation des Semaines d'information sur la santé mentale (SISM)"
T_GUIDE = "Version grand public du guide santé mentale"
T_DOC = "Documentaire sur l'expérience de vie avec des troubles psychiques (témoignages d'adhérents des GEM)"
T_THEATRE = "Projet d'accès au théâtre porté par l'Espace Bernard Marie Koltès"
T_BILAN_LOG = (
    "Bilan des actions réalisées avec les acteurs du logement, en particulier les bailleurs, "
    "pour envisager les perspectives"
)
T_EMPP = "Création d'une équipe mobile psychiatrie précarité (EMPP) sur le territoire messin"
T_RENCONTRE_CMP = (
    "Rencontre entre les partenaires intéressés et des représentants des CMP sur l'intervention "
    "des CMP auprès des personnes en situation de précarité"
)
T_PATH = "Action collective d'information des futurs parents (podcasts de témoignages de pères, programme PATH)"
T_MDA = "Développement des collaborations entre les acteurs locaux et la Maison des adolescents de Moselle"
T_STOPBLUES = "Communication sur les dispositifs de prévention du mal-être des jeunes (dont Stopblues)"
T_COORD = "Coordination du Conseil local de santé mentale"


# --------------------------------------------------------------------------- helpers


def long_fr(day: dt.date) -> str:
    """Write a day the way a French volunteer types it: « samedi 15 mars 2025 »."""
    return f"{JOURS[day.weekday()]} {day.day} {MOIS[day.month - 1]} {day.year}"


def fr(day: dt.date) -> str:
    """Write a day as 15/03/2025."""
    return day.strftime("%d/%m/%Y")


def put_header(ws: Worksheet, row: int, headers: list[str], fill: PatternFill = GREY) -> None:
    """Write a bold, filled, boxed header row."""
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=row, column=col, value=text)
        cell.font = BOLD
        cell.fill = fill
        cell.border = BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def put_rows(ws: Worksheet, first_row: int, rows: list[list], date_fmt: str = DATE_FMT) -> int:
    """Write rows from first_row; dates get a French display format. Returns the next free row."""
    r = first_row
    for values in rows:
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col, value=value)
            cell.border = BOX
            if isinstance(value, dt.date):
                cell.number_format = date_fmt
        r += 1
    return r


def widths(ws: Worksheet, sizes: list[int]) -> None:
    """Set column widths, as people drag them so titles stay readable."""
    for col, size in enumerate(sizes, start=1):
        ws.column_dimensions[get_column_letter(col)].width = size


def write_csv(path: Path, rows: list[list], *, delimiter: str, encoding: str, quote_all: bool = False) -> None:
    """Write a CSV the way Excel or a web tool saves it (CRLF line ends)."""
    buf = io.StringIO()
    quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    writer = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


# --------------------------------------------------------------------------- ordinary files


def o01_calendrier_instances(out: Path) -> tuple[str, dict]:
    """The coordinator's calendar of instances 2023-2024, under a title row."""
    name = "calendrier_instances_2023-2024.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Calendrier"
    ws["A1"] = "CLSM du territoire messin – Calendrier des instances 2023-2024"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:F1")
    headers = ["Instance", "Date", "Horaire", "Lieu", "Modalité", "Ordre du jour"]
    put_header(ws, 3, headers)
    rows = [
        [
            "COPIL",
            D(2023, 3, 16),
            "14h-16h",
            "Centre hospitalier de Jury",
            "Présentiel",
            "Bilan 2022 et programme 2023",
        ],
        [
            "Groupe projets jeunes",
            D(2023, 4, 11),
            "9h30-11h30",
            "Maison des adolescents",
            "Présentiel",
            "Repérage du mal-être des jeunes",
        ],
        ["Groupe projets logement", D(2023, 5, 25), "14h-15h30", "", "Visio", "Bilan avec les bailleurs"],
        [
            "Plénière",
            D(2023, 6, 22),
            "17h-19h",
            "Hôtel de Ville de Metz",
            "Présentiel",
            "Programme d'actions, SISM 2023",
        ],
        [
            "Groupe projets enfance/parentalité",
            D(2023, 9, 21),
            "10h-12h",
            "CMP Winnicott",
            "Hybride",
            "Réseau psypérinatalité",
        ],
        ["COPIL", D(2024, 3, 14), "14h-16h", "Centre hospitalier de Jury", "Hybride", "Bilan 2023 et programme 2024"],
        [
            "Groupe projets culture/loisirs",
            D(2024, 4, 16),
            "14h-16h",
            "Espace Bernard-Marie Koltès",
            "Présentiel",
            "Accès au théâtre",
        ],
        ["Plénière", D(2024, 6, 20), "17h-19h", "Hôtel de Ville de Metz", "Présentiel", "Bilan à mi-parcours du CLS"],
        [
            "Groupe projets emploi/formation",
            D(2024, 10, 8),
            "9h30-11h",
            "Mission locale du Pays Messin",
            "Visio",
            "Cartographie des acteurs",
        ],
    ]
    put_rows(ws, 4, rows)
    widths(ws, [34, 12, 12, 30, 12, 36])
    ws.freeze_panes = "A4"
    wb.save(out / name)
    return name, {
        "tables": ["meeting"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"meeting": 9},
        "quirks": [
            "title row merged over the columns, then a blank row, headers on row 3",
            "instances written short: « COPIL », « Plénière », « Groupe projets jeunes »",
            "an « Horaire » column typed as text (14h-16h) beside a real date column",
        ],
    }


def o02_presences_copil(out: Path) -> tuple[str, dict]:
    """The secretary's head count of the COPIL of 14 March 2024, saved as « CSV (séparateur : point-virgule) »."""
    name = "presences_COPIL_14-03-2024.csv"
    header = ["Instance", "Date", "Structure", "Catégorie", "Nombre de présents"]
    counts = [
        ("CH Jury", "Professionnel", 3),
        ("Ville de Metz", "Élu", 1),
        ("Ville de Metz", "Professionnel", 2),
        ("ARS Grand Est", "Professionnel", 1),
        ("Eurométropole de Metz", "Professionnel", 1),
        ("Département de la Moselle", "Professionnel", 1),
        ("UNAFAM Moselle", "Aidant", 2),
        ("GEM Camille Claudel", "Usager", 2),
        ("GEM L'Albatros", "Usager", 1),
        ("Maison des adolescents de Moselle", "Professionnel", 1),
    ]
    rows = [header] + [["COPIL", "14/03/2024", s, c, n] for s, c, n in counts]
    rows.append(["TOTAL", "", "", "", sum(n for _, _, n in counts)])
    write_csv(out / name, rows, delimiter=";", encoding="cp1252")
    return name, {
        "tables": ["attendance", "meeting"],
        "data_rows": len(counts),
        "new_rows_in_fresh_seed": {"attendance": 10, "meeting": 1},
        "quirks": [
            "Excel « CSV point-virgule » in Windows-1252, not UTF-8",
            "a TOTAL line at the bottom (15 people), not a structure",
            "the meeting (COPIL, 14/03/2024) is only named in each row, not in the seed",
        ],
    }


def o03_sensibilisations(out: Path) -> tuple[str, dict]:
    """An intern's list of awareness sessions and trainings 2023-2024, dates typed in a Text-formatted column."""
    name = "sensibilisations_formations_2023-2024.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Sessions"
    headers = ["Type", "Date", "Intitulé", "Public", "Lieu", "Format", "Nb participants", "Remarques"]
    put_header(ws, 1, headers, BLUE)
    rows = [
        [
            "Sensibilisation",
            "12/10/2023",
            "Sensibilisation en santé mentale – module de base",
            "Professionnels du social",
            "Centre hospitalier de Jury",
            "présentiel",
            18,
            "",
        ],
        [
            "Formation PSSM",
            "23/11/2023",
            "Premiers secours en santé mentale (2 jours)",
            "Agents de la Ville de Metz",
            "Centre Pierre Janet",
            "présentiel",
            12,
            "formation sur 2 jours",
        ],
        [
            "Sensibilisation",
            "25/01/2024",
            "Santé mentale des jeunes",
            "Professionnels jeunesse",
            "Mission locale du Pays Messin",
            "présentiel",
            22,
            "",
        ],
        [
            "Sensibilisation",
            "14/03/2024",
            "Sensibilisation en santé mentale (module à distance)",
            "Bénévoles associatifs",
            "",
            "visio",
            31,
            "plateforme du CLSM",
        ],
        [
            "Formation PSSM",
            "04/06/2024",
            "PSSM module jeunes",
            "Animateurs jeunesse",
            "Centre Pierre Janet",
            "présentiel",
            14,
            "",
        ],
        [
            "Sensibilisation",
            "19/09/2024",
            "Santé mentale et précarité",
            "Intervenants sociaux",
            "Carrefour des solidarités",
            "présentiel",
            None,
            "chiffre à demander",
        ],
        [
            "Formation croisée",
            "28/11/2024",
            "Formation croisée CMP / bailleurs sociaux",
            "Bailleurs et équipes de CMP",
            "ADOMA",
            "présentiel",
            16,
            "",
        ],
    ]
    put_rows(ws, 2, rows)
    for r in range(2, 2 + len(rows)):
        ws.cell(row=r, column=2).number_format = "@"
    widths(ws, [18, 12, 50, 28, 30, 11, 15, 22])
    wb.save(out / name)
    return name, {
        "tables": ["event"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"event": 7},
        "quirks": [
            "dates are text (the column was formatted « Texte » before typing 12/10/2023)",
            "one participants count left blank with a remark « chiffre à demander »",
            "kinds as people say them: « Formation PSSM », « Formation croisée », « Sensibilisation »",
        ],
    }


def o04_cine_debats(out: Path) -> tuple[str, dict]:
    """A GEM volunteer's list of film debates 2025, long French dates, lower-case headers."""
    name = "cine-debats_2025.csv"
    header = ["type", "date", "film / thème", "lieu", "organisé par", "nb partenaires", "nombre de spectateurs"]
    rows = [
        [
            "ciné-débat",
            long_fr(D(2025, 3, 15)),
            "Ciné-débat : la schizophrénie, parlons-en",
            "Cinéma Klub, Metz",
            "GEM Camille Claudel",
            3,
            64,
        ],
        [
            "ciné-débat",
            long_fr(D(2025, 5, 22)),
            "Ciné-débat : isolement et santé mentale des jeunes",
            "Cinéma Palace, Metz",
            "GEM L'Albatros",
            2,
            41,
        ],
        [
            "ciné-débat",
            long_fr(D(2025, 10, 9)),
            "Ciné-débat SISM 2025 : réparons le lien social",
            "Cinéma Klub, Metz",
            "GEM Camille Claudel et UNAFAM Moselle",
            4,
            87,
        ],
        [
            "ciné-débat",
            long_fr(D(2025, 11, 27)),
            "Ciné-débat : vivre avec un trouble bipolaire",
            "Cinéma Klub, Metz",
            "GEM L'Albatros",
            2,
            35,
        ],
    ]
    write_csv(out / name, [header] + rows, delimiter=",", encoding="utf-8")
    return name, {
        "tables": ["event"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"event": 4},
        "quirks": [
            "comma-separated UTF-8 with quoted fields holding commas (« Cinéma Klub, Metz »)",
            "dates written out in French: « samedi 15 mars 2025 »",
            "lower-case headers with a slash: « film / thème »",
        ],
    }


def o05_suivi_statuts(out: Path) -> tuple[str, dict]:
    """The coordinator's December 2024 status point on programme 2022 actions."""
    name = "suivi_actions_2024.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Suivi 2024"
    headers = ["Action", "État d'avancement", "Date du point"]
    put_header(ws, 1, headers)
    day = D(2024, 12, 10)
    rows = [
        [T_MODULE, "Mise en oeuvre", day],
        [T_PSSM, "réalisée", day],
        [T_GUIDE, "Conception", day],
        ["Documentaire sur l'expérience de vie avec des troubles psychiques", "réalisée", day],
        [T_THEATRE, "Mise en oeuvre", day],
        [T_EMPP, "Mise en oeuvre", day],
        [T_PATH, "reportée", day],
    ]
    put_rows(ws, 2, rows)
    widths(ws, [90, 20, 14])
    wb.save(out / name)
    return name, {
        "tables": ["action_status"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"action_status": 7},
        "quirks": [
            "« Mise en oeuvre » typed without the œ ligature; statuses in mixed case",
            "the documentary's title cut before its parenthesis",
            "status column headed « État d'avancement », one dated point per row",
        ],
    }


def o06_partenaires_actions(out: Path) -> tuple[str, dict]:
    """A partner secretary's list of who does what on actions, Excel « CSV UTF-8 » with empty trailing columns."""
    name = "partenaires_actions_2025.csv"
    theatre = "Projet d’accès au théâtre porté par l’Espace Bernard Marie Koltès"
    rows = [
        ["Action", "Structure", "Rôle", "", ""],
        [theatre, "Espace Bernard-Marie Koltès", "Porteur", "", ""],
        [theatre, "GEM Camille Claudel", "Partenaire", "", ""],
        [theatre, "GEM L'Albatros", "Partenaire", "", ""],
        [theatre, "DRAC Grand Est", "Financeur", "", ""],
        [T_EMPP, "CH Jury", "Porteur", "", ""],
        [T_EMPP, "ARS Grand Est", "Financeur", "", ""],
        [T_EMPP, "Médecins du Monde", "Partenaire", "", ""],
        [T_EMPP, "RESAM", "Partenaire", "", ""],
        [T_COORD, "Centre hospitalier de Jury", "Porteur", "", ""],
        [T_COORD, "Ville de Metz", "Financeur", "", ""],
        [T_COORD, "UNAFAM Moselle", "Partenaire", "", ""],
        [T_MDA, "Maison des adolescents de Moselle", "Partenaire", "", ""],
        [T_MDA, "Mission locale du Pays Messin", "Partenaire", "", ""],
    ]
    write_csv(out / name, rows, delimiter=";", encoding="utf-8-sig")
    return name, {
        "tables": ["action_partner"],
        "data_rows": len(rows) - 1,
        "new_rows_in_fresh_seed": {"action_partner": 10},
        "quirks": [
            "UTF-8 with BOM, semicolons, two empty trailing columns (« ;; » on every line)",
            "typographic apostrophes (’) in the theatre action's title, pasted from Word",
            "3 of the 13 links already in the seed (fiche 15 porteur and financeur, MDA partenaire)",
        ],
    }


def o07_nouveaux_partenaires(out: Path) -> tuple[str, dict]:
    """A city employee's list of structures to add to the directory, postcode and upper-case town apart."""
    name = "annuaire_nouveaux_partenaires_2024.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Structures"
    headers = ["Structure", "Sigle", "Secteur", "Type", "Adresse", "CP", "Ville"]
    put_header(ws, 1, headers)
    rows = [
        [
            "Centre communal d'action sociale de Metz",
            "CCAS",
            "Accompagnement social et médico-social",
            "CCAS",
            "22-24 rue du Wad Billy",
            "57000",
            "METZ",
        ],
        ["Bibliothèques-Médiathèques de Metz", "BMM", "Culture", "Réseau de lecture publique", "", "57000", "METZ"],
        ["Metz Habitat Territoire", "MHT", "Logement", "Bailleur social", "", "57000", "METZ"],
        [
            "Croix-Rouge française – unité locale de Metz",
            "",
            "Accompagnement social et médico-social",
            "Association",
            "",
            "57000",
            "METZ",
        ],
        [
            "Secours populaire français – fédération de la Moselle",
            "SPF 57",
            "Accompagnement social et médico-social",
            "Association",
            "",
            "57000",
            "METZ",
        ],
        [
            "CCAS de Montigny-lès-Metz",
            "",
            "Accompagnement social et médico-social",
            "CCAS",
            "",
            "57950",
            "MONTIGNY-LES-METZ",
        ],
        ["AMLI", "", "Logement", "Association", "", "57000", "METZ"],
    ]
    put_rows(ws, 2, rows)
    widths(ws, [52, 10, 38, 26, 24, 8, 22])
    wb.save(out / name)
    return name, {
        "tables": ["structure"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"structure": 6},
        "quirks": [
            "postcode and town in two columns, town in capitals without accents (MONTIGNY-LES-METZ)",
            "sectors written short (« Culture », « Logement »)",
            "AMLI is already a partner of the seed: 7 rows, 6 new",
        ],
    }


def o08_indicateurs(out: Path) -> tuple[str, dict]:
    """A hospital assistant's long table of the fiche 15 indicators, one row per indicator and year."""
    name = "indicateurs_fiche15_2021-2024.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Indicateurs"
    headers = ["Fiche", "Indicateur", "Période", "Valeur", "Source"]
    put_header(ws, 1, headers)
    p1 = "Nombre d'actions réalisées par rapport au prévisionnel"
    p2 = "Nombre et typologie des réunions organisées dans le cadre du CLSM"
    p3 = "Nombre et typologie des acteurs représentés dans les instances du CLSM"
    r1 = "Nombre de partenaires qui déclarent avoir développé des collaborations dans le cadre du CLSM"
    rows = [
        ["Fiche 15", p2, "Année 2021", 26, "compte rendu du 18/11/2021"],
        ["Fiche 15", p1, "Année 2022", 9, "bilan annuel 2022"],
        ["Fiche 15", p2, "Année 2022", 24, "bilan annuel 2022"],
        ["Fiche 15", p3, "Année 2022", 84, "bilan annuel 2022"],
        ["Fiche 15", p1, "Année 2023", 12, "bilan annuel 2023"],
        ["Fiche 15", p2, "Année 2023", 27, "bilan annuel 2023"],
        ["Fiche 15", p3, "Année 2023", 96, "bilan annuel 2023"],
        ["Fiche 15", p1, "Année 2024", 14, "bilan annuel 2024"],
        ["Fiche 15", p2, "Année 2024", 31, "bilan annuel 2024"],
        ["Fiche 15", p3, "Année 2024", 102, "bilan annuel 2024"],
        ["Fiche 15", r1, "Année 2024", 38, "questionnaire partenaires 2024"],
    ]
    put_rows(ws, 2, rows)
    widths(ws, [10, 80, 12, 8, 30])
    wb.save(out / name)
    return name, {
        "tables": ["indicator_value"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"indicator_value": 10},
        "quirks": [
            "indicator labels copied without their final full stop",
            "periods typed « Année 2023 » instead of 2023",
            "the 2021 meetings value (26) is already in the seed: 11 rows, 10 new",
        ],
    }


def o09_groupe_precarite(out: Path) -> tuple[str, dict]:
    """A volunteer's workbook of the precarity group 2025: one sheet of meetings, one of attendance."""
    name = "groupe_precarite_2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Réunions"
    put_header(ws, 1, ["Groupe", "Date", "Lieu", "Format"])
    meetings = [
        ["Précarité", D(2025, 1, 14), "Carrefour des solidarités", "Présentiel"],
        ["Précarité", D(2025, 4, 8), "Médecins du Monde, Metz", "Présentiel"],
        ["Précarité", D(2025, 10, 7), "", "Visio"],
    ]
    put_rows(ws, 2, meetings)
    widths(ws, [14, 12, 30, 12])
    ws2 = wb.create_sheet("Présences")
    put_header(ws2, 1, ["Groupe", "Date de la réunion", "Structure", "Catégorie", "Nb"])
    m1, m2, m3 = D(2025, 1, 14), D(2025, 4, 8), D(2025, 10, 7)
    presences = [
        [m1, "Médecins du Monde", "Professionnels", 2],
        [m1, "RESAM", "Bénévoles", 2],
        [m1, "Carrefour des solidarités", "Professionnels", 1],
        [m1, "EMAMS", "Professionnels", 1],
        [m1, "EMPP", "Professionnels", 2],
        [m1, "GEM L'Albatros", "Usagers", 1],
        [m2, "Médecins du Monde", "Professionnels", 1],
        [m2, "RESAM", "Bénévoles", 1],
        [m2, "EMPP", "Professionnels", 2],
        [m2, "Équipe diocésaine", "Bénévoles", 2],
        [m2, "ADOMA", "Professionnels", 1],
        [m3, "Carrefour des solidarités", "Professionnels", 2],
        [m3, "EMPP", "Professionnels", 1],
        [m3, "CMSEA", "Professionnels", 1],
        [m3, "UNAFAM Moselle", "Aidants", 1],
        [m3, "GEM L'Albatros", "Usagers", 2],
    ]
    put_rows(ws2, 2, [["Précarité", *p] for p in presences])
    widths(ws2, [14, 18, 30, 16, 6])
    wb.save(out / name)
    return name, {
        "tables": ["meeting", "attendance"],
        "data_rows": {"Réunions": len(meetings), "Présences": len(presences)},
        "new_rows_in_fresh_seed": {"meeting": 3, "attendance": 16},
        "quirks": [
            "the group is named by its theme only: « Précarité » (groupe projets précarité)",
            "role categories in the plural with a capital: « Professionnels », « Bénévoles », « Aidants »",
            "two sheets: meetings, then attendance keyed by group and date",
        ],
    }


def o10_fiches_cls(out: Path) -> tuple[str, dict]:
    """A city health-service employee's list of new CLS 2022-2026 mental-health sheets."""
    name = "fiches_CLS_2022-2026_axe2.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Axe 2"
    headers = [
        "Plan",
        "Axe",
        "N° fiche",
        "Intitulé de l'action",
        "Thématique",
        "Statut",
        "Début",
        "Fin",
        "Budget prévisionnel",
    ]
    put_header(ws, 1, headers)
    plan = "CLS Ville de Metz 2022-2026"
    rows = [
        [
            plan,
            "Axe 2",
            16,
            "Collaboration entre l'équipe mobile psychiatrie précarité et les acteurs locaux",
            "Précarité",
            "Mise en œuvre",
            2023,
            2026,
            "",
        ],
        [
            plan,
            "Axe 2",
            17,
            "Sensibilisation à la santé mentale des professionnels intervenant auprès des jeunes",
            "Jeunes",
            "Mise en œuvre",
            2022,
            2026,
            "3\u00a0000 €",
        ],
        [
            plan,
            "Axe 2",
            18,
            "Réseau psypérinatalité et soutien à la parentalité au QPV Metz-Borny",
            "Enfance/parentalité",
            "conception",
            2024,
            2026,
            "non chiffré",
        ],
    ]
    put_rows(ws, 2, rows)
    widths(ws, [28, 8, 9, 70, 20, 15, 8, 8, 20])
    wb.save(out / name)
    return name, {
        "tables": ["action"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"action": 3},
        "quirks": [
            "budget typed as text with a non-breaking space and the euro sign (« 3 000 € »), or « non chiffré »",
            "axis written « Axe 2 », start and end as bare years",
        ],
    }


# --------------------------------------------------------------------------- harder files


def h01_matrice_presences_pleniere(out: Path) -> tuple[str, dict]:
    """A sign-in sheet counted into a structure x role-category matrix; the meeting is only in the title."""
    name = "emargement_pleniere_juin2024.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Émargement"
    ws["A1"] = "Assemblée plénière du CLSM – jeudi 20 juin 2024 – Hôtel de Ville de Metz"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:G1")
    ws["A2"] = "Nombre de présents par structure et par qualité (relevé de la feuille d'émargement)"
    ws["A2"].font = Font(italic=True)
    cats = ["Professionnels", "Usagers", "Aidants", "Élus", "Bénévoles"]
    put_header(ws, 4, ["Structure", *cats, "Total"], BLUE)
    # structure: {category index: count}
    matrix = [
        ("Centre hospitalier de Jury", {0: 6}),
        ("Ville de Metz", {0: 3, 3: 2}),
        ("Eurométropole de Metz", {0: 1, 3: 1}),
        ("Département de la Moselle", {0: 2}),
        ("ARS Grand Est", {0: 1}),
        ("UNAFAM Moselle", {2: 4}),
        ("GEM Camille Claudel", {0: 1, 1: 5}),
        ("GEM L'Albatros", {1: 3}),
        ("Maison des adolescents de Moselle", {0: 2}),
        ("Mission locale du Pays Messin", {0: 1}),
        ("Médecins du Monde", {0: 1, 4: 2}),
        ("RESAM", {4: 2}),
        ("ADOMA", {0: 1}),
        ("CMSEA", {0: 2}),
        ("MDPH", {0: 1}),
        ("Centre Pierre Janet", {0: 1}),
    ]
    rows = []
    for i, (structure, counts) in enumerate(matrix):
        # Some cells were left blank, others got a dash: both mean nobody.
        empty = "-" if i % 3 == 0 else None
        rows.append([structure, *[counts.get(k, empty) for k in range(5)], sum(counts.values())])
    next_row = put_rows(ws, 5, rows)
    totals = [sum(c.get(k, 0) for _, c in matrix) for k in range(5)]
    put_rows(ws, next_row, [["TOTAL", *totals, sum(totals)]])
    for col in range(1, 8):
        ws.cell(row=next_row, column=col).font = BOLD
    widths(ws, [36, 15, 10, 10, 8, 11, 8])
    wb.save(out / name)
    n_cells = sum(len(c) for _, c in matrix)
    return name, {
        "tables": ["attendance", "meeting"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"attendance": n_cells, "meeting": 1},
        "quirks": [
            "[harder] structure x role-category matrix (one column per category), not one row per count",
            "the meeting (plénière, 20/06/2024) is given only in the merged title cell above the table",
            "empty cells and « - » both mean nobody; a Total column and a TOTAL row to leave out",
        ],
    }


def h02_une_feuille_par_instance(out: Path) -> tuple[str, dict]:
    """The 2025 meetings kept one sheet per instance: the instance is only the sheet's name."""
    name = "reunions_2025_par_instance.xlsx"
    wb = Workbook()
    summary = wb.active
    summary.title = "Sommaire"
    summary["A1"] = "Réunions 2025 – un onglet par instance"
    summary["A1"].font = TITLE
    sheets = {
        "COPIL": [
            [D(2025, 3, 13), "Centre hospitalier de Jury", "Hybride", "Bilan 2024, validation du programme 2025"]
        ],
        "Plénière": [[D(2025, 6, 19), "Hôtel de Ville de Metz", "Présentiel", "Programme SISM 2025"]],
        "GP Jeunes": [
            [D(2025, 3, 18), "Maison des adolescents", "Présentiel", "Repérage et orientation"],
            [D(2025, 6, 17), "Maison des adolescents", "Présentiel", "Outil d'aide au repérage"],
            [D(2025, 11, 25), "", "Visio", "Bilan de l'année"],
        ],
        "GP Culture-loisirs": [
            [D(2025, 2, 6), "Espace Bernard-Marie Koltès", "Présentiel", "Cartographie des acteurs culturels"],
            [D(2025, 9, 11), "Bibliothèques-Médiathèques de Metz", "Présentiel", "Lectures publiques"],
        ],
        "GT Logement": [
            [D(2025, 5, 15), "ADOMA", "Présentiel", "Maintien dans le logement"],
            [D(2025, 12, 4), "", "Visio", "Collaboration bailleurs / CMP"],
        ],
    }
    for i, sheet_name in enumerate(sheets, start=3):
        summary.cell(row=i, column=1, value=sheet_name)
        summary.cell(row=i, column=2, value=f"{len(sheets[sheet_name])} réunion(s)")
    widths(summary, [24, 16])
    for sheet_name, rows in sheets.items():
        ws = wb.create_sheet(sheet_name)
        put_header(ws, 1, ["Date", "Lieu", "Mode", "Objet"])
        put_rows(ws, 2, rows)
        widths(ws, [12, 34, 12, 44])
    wb.save(out / name)
    n = sum(len(r) for r in sheets.values())
    return name, {
        "tables": ["meeting"],
        "data_rows": {k: len(v) for k, v in sheets.items()},
        "new_rows_in_fresh_seed": {"meeting": n},
        "quirks": [
            "[harder] the instance is only the sheet's name (« COPIL », « GP Jeunes », « GT Logement »), no instance column",
            "a first « Sommaire » sheet with no data (sheet names and counts)",
            "« / » is not allowed in a sheet name, so « GP Culture-loisirs »; « GT » (groupe de travail) for the logement group",
        ],
    }


def h03_formulaire_en_ligne(out: Path) -> tuple[str, dict]:
    """The CSV a web form tool exports: timestamp, questions as headers, meeting and day in one answer."""
    name = "formulaire_presences_groupe_jeunes_2025.csv"
    header = [
        "Horodateur",
        "Réunion à laquelle vous avez participé",
        "Nom de votre structure",
        "Vous participez en tant que",
        "Nombre de personnes de votre structure présentes (vous compris)",
        "Commentaire libre",
    ]
    r1 = "Groupe projets Jeunes - 18/03/2025"
    r2 = "Groupe projets Jeunes - 17/06/2025"
    pro, usager, aidant = "Professionnel(le)", "Usager / personne concernée", "Aidant / proche"
    answers = [
        ["18/03/2025 11:42:07", r1, "Maison des Adolescents de Moselle", pro, "2", ""],
        ["18/03/2025 11:44:51", r1, "mission locale du pays messin", pro, "1", ""],
        ["18/03/2025 11:47:13", r1, "CH Jury", pro, "2", "Merci pour l'accueil"],
        ["18/03/2025 11:52:30", r1, "CMSEA", pro, "1", ""],
        ["18/03/2025 12:03:18", r1, "GEM Camille Claudel", usager, "2", ""],
        ["18/03/2025 12:05:02", r1, "UNAFAM 57", aidant, "1", ""],
        ["18/03/2025 14:20:45", r1, "SUMPPS - Université de Lorraine", pro, "1", "Rempli après la réunion"],
        ["18/03/2025 14:31:09", r1, "CH Jury", pro, "2", "envoyé deux fois, désolée"],
        ["17/06/2025 11:35:40", r2, "Maison des adolescents de Moselle", pro, "2", ""],
        ["17/06/2025 11:38:22", r2, "Mission Locale du Pays Messin", pro, "1", ""],
        ["17/06/2025 11:40:57", r2, "CASA", pro, "1", ""],
        ["17/06/2025 11:49:33", r2, "Centre Pierre Janet", pro, "1", ""],
        ["17/06/2025 12:10:14", r2, "GEM L'Albatros", usager, "2", "2 adhérents"],
    ]
    write_csv(out / name, [header] + answers, delimiter=",", encoding="utf-8", quote_all=True)
    return name, {
        "tables": ["attendance", "meeting"],
        "data_rows": len(answers),
        "new_rows_in_fresh_seed": {"attendance": 12, "meeting": 2},
        "quirks": [
            "[harder] web-form export: an « Horodateur » column, whole questions as headers, every field quoted",
            "the instance and the day share one answer: « Groupe projets Jeunes - 18/03/2025 »",
            "role categories as the form's choices: « Professionnel(le) », « Usager / personne concernée », « Aidant / proche »",
            "structure names typed freely (« mission locale du pays messin », « UNAFAM 57 », « SUMPPS - Université de Lorraine »)",
            "one answer sent twice (CH Jury, same count): 13 answers, 12 attendance rows",
        ],
    }


def h04_bilan_sism_transpose(out: Path) -> tuple[str, dict]:
    """The SISM table of the annual report: one column per edition, one row per figure."""
    name = "bilan_SISM_2023-2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "SISM"
    ws["A1"] = "Semaines d'information sur la santé mentale – bilan des éditions"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:D1")
    put_header(ws, 3, ["", "2023", "2024", "2025"], BLUE)
    rows = [
        ["Édition", "SISM 2023", "SISM 2024", "SISM 2025"],
        [
            "Thème",
            "À tous les âges de la vie, ma santé mentale est un droit",
            "En mouvement pour notre santé mentale",
            "Pour notre santé mentale, réparons le lien social",
        ],
        ["Dates", "du 9 au 22 octobre 2023", "du 7 au 20 octobre 2024", "du 6 au 19 octobre 2025"],
        ["Nombre de partenaires", 24, 27, 31],
        ["Nombre d'événements", 21, 25, 28],
        ["Nombre de participants", 1150, 1420, 1680],
    ]
    put_rows(ws, 4, rows)
    for r in range(4, 4 + len(rows)):
        ws.cell(row=r, column=1).font = BOLD
        for c in range(2, 5):
            ws.cell(row=r, column=c).alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(ws.cell(row=r, column=c).value, int):
                ws.cell(row=r, column=c).number_format = "# ##0"
    ws["A11"] = "Source : bilans annuels du CLSM"
    ws["A11"].font = Font(italic=True, size=9)
    widths(ws, [26, 32, 32, 32])
    wb.save(out / name)
    return name, {
        "tables": ["event"],
        "data_rows": 3,
        "new_rows_in_fresh_seed": {"event": 3},
        "quirks": [
            "[harder] transposed: one column per edition (2023, 2024, 2025), one row per field",
            "the dates are a span written in words (« du 9 au 22 octobre 2023 »); the year is the column header",
            "merged title above, a source note below; counts shown with a thousands space",
        ],
    }


def h05_matrice_partenaires(out: Path) -> tuple[str, dict]:
    """An action x structure matrix of letters (P porteur, X partenaire, F financeur) with a legend."""
    name = "matrice_partenaires_actions.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Matrice"
    structures = [
        "CH Jury",
        "Ville de Metz",
        "Eurométropole de Metz",
        "ARS Grand Est",
        "UNAFAM Moselle",
        "GEM Camille Claudel",
        "GEM L'Albatros",
        "Maison des adolescents",
        "Mission locale du Pays Messin",
        "IREPS Lorraine",
    ]
    put_header(ws, 1, ["Action", *structures])
    for col in range(2, len(structures) + 2):
        ws.cell(row=1, column=col).alignment = Alignment(text_rotation=90, horizontal="center")
    ws.row_dimensions[1].height = 150
    grid = [
        (
            T_SISM,
            {
                "CH Jury": "P",
                "Ville de Metz": "X / F",
                "ARS Grand Est": "F",
                "UNAFAM Moselle": "X",
                "GEM Camille Claudel": "X",
            },
        ),
        (T_GUIDE, {"CH Jury": "P", "Ville de Metz": "X", "UNAFAM Moselle": "X", "IREPS Lorraine": "X"}),
        (T_MDA, {"CH Jury": "P", "Maison des adolescents": "X", "Mission locale du Pays Messin": "X"}),
        (T_DOC, {"CH Jury": "P", "Eurométropole de Metz": "F", "GEM Camille Claudel": "X", "GEM L'Albatros": "X"}),
    ]
    rows = [[title, *[marks.get(s) for s in structures]] for title, marks in grid]
    next_row = put_rows(ws, 2, rows)
    for r in range(2, next_row):
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        for c in range(2, len(structures) + 2):
            ws.cell(row=r, column=c).alignment = Alignment(horizontal="center", vertical="center")
    ws.cell(row=next_row + 1, column=1, value="Légende : P = porteur ; X = partenaire ; F = financeur").font = Font(
        italic=True
    )
    widths(ws, [60] + [6] * len(structures))
    wb.save(out / name)
    links = sum(len(m.split("/")) for _, marks in grid for m in marks.values())
    return name, {
        "tables": ["action_partner"],
        "data_rows": len(rows),
        "new_rows_in_fresh_seed": {"action_partner": links - 1},
        "quirks": [
            "[harder] action x structure matrix: structures as (rotated) column headers, a letter in each cell",
            "letters to decode with the legend below the table: P porteur, X partenaire, F financeur",
            "one cell holds two roles « X / F » (Ville de Metz partner and funder of the SISM): two links",
            "17 links, one already in the seed (MDA partner of the collaborations action)",
        ],
    }


def h06_cases_a_cocher(out: Path) -> tuple[str, dict]:
    """A status sheet with one column per status ticked « X », merged headers, and section rows per rubric."""
    name = "etat_avancement_programme_2022_juin2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Avancement"
    statuses = ["Idée", "Conception", "Mise en œuvre", "Réalisée", "Reportée", "Abandonnée"]
    ws["A1"] = "Action"
    ws.merge_cells("A1:A2")
    ws["B1"] = "État d'avancement au 30/06/2025"
    ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=7)
    for col, text in enumerate(statuses, start=2):
        ws.cell(row=2, column=col, value=text)
    for r in (1, 2):
        for c in range(1, 8):
            cell = ws.cell(row=r, column=c)
            cell.font = BOLD
            cell.fill = GREY
            cell.border = BOX
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sections = [
        (
            "FORMATION EN SANTÉ MENTALE",
            [(T_MODULE, "Réalisée"), (T_SENSIB_SPE, "Mise en œuvre"), (T_PSSM, "Mise en œuvre")],
        ),
        ("COORDINATION DANS LE CADRE DU CLSM", [(T_OUTILS, "Réalisée")]),
        ("INCLUSION DANS LA CITÉ", [(T_GUIDE, "Conception"), (T_THEATRE, "Réalisée"), (T_BILAN_LOG, "Reportée")]),
        ("SITUATIONS DE PRÉCARITÉ", [(T_EMPP, "Réalisée"), (T_RENCONTRE_CMP, "Abandonnée")]),
        ("ENFANCE/PARENTALITÉ", [(T_PATH, "Abandonnée")]),
        ("JEUNES", [(T_STOPBLUES, "Mise en œuvre")]),
    ]
    r = 3
    n_actions = 0
    for section, actions in sections:
        ws.cell(row=r, column=1, value=section).font = BOLD
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
        ws.cell(row=r, column=1).fill = BLUE
        r += 1
        for title, status in actions:
            ws.cell(row=r, column=1, value=title).alignment = Alignment(wrap_text=True)
            for col, text in enumerate(statuses, start=2):
                cell = ws.cell(row=r, column=col, value="X" if text == status else None)
                cell.alignment = Alignment(horizontal="center")
                cell.border = BOX
            r += 1
            n_actions += 1
    widths(ws, [70, 8, 12, 14, 10, 10, 12])
    wb.save(out / name)
    return name, {
        "tables": ["action_status"],
        "data_rows": n_actions,
        "new_rows_in_fresh_seed": {"action_status": n_actions},
        "quirks": [
            "[harder] one column per status, the status ticked with « X » (the fiche-action checkbox habit)",
            "two header rows with merged cells; the day of the point only in the merged header « au 30/06/2025 »",
            "rubric rows in capitals merged across the table between actions (not actions)",
            "two actions keep the status they have in the seed (PSSM and Stopblues: mise en œuvre)",
        ],
    }


# --------------------------------------------------------------------------- main

WRITERS = [
    o01_calendrier_instances,
    o02_presences_copil,
    o03_sensibilisations,
    o04_cine_debats,
    o05_suivi_statuts,
    o06_partenaires_actions,
    o07_nouveaux_partenaires,
    o08_indicateurs,
    o09_groupe_precarite,
    o10_fiches_cls,
    h01_matrice_presences_pleniere,
    h02_une_feuille_par_instance,
    h03_formulaire_en_ligne,
    h04_bilan_sism_transpose,
    h05_matrice_partenaires,
    h06_cases_a_cocher,
]


def main(argv: list[str]) -> int:
    """Write the sixteen files and manifest.json into the directory given on the command line."""
    if len(argv) != 2:
        print("usage: python make_heldout10.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for writer in WRITERS:
        name, entry = writer(out)
        manifest[name] = entry
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(manifest)} fichiers écrits dans {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
