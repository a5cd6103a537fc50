"""Write the third held-out set of hand-typed spreadsheets (16 files + manifest.json).

Usage: python tests/data/make_heldout3.py OUTDIR

Each file imitates one real situation of the CLSM of the Metz territory: what the
coordinator or a partner types by hand in Excel, or exports from another tool. The files
are written the way people write them, not the way a parser likes them. Facts already in
the seed (data/seed/) are typed again in people's own words; new rows (2022-2023 meetings,
new partners, indicator results...) are ordinary test content, never facts of the
documents. No file holds a person's name, e-mail or phone number.

manifest.json gives, for each file, its sheets and tables, its data rows, the rows each
table should gain when the file alone is imported into a fresh database built from the
seed, and what is unusual in it.

Standard library + openpyxl only.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
DATE_FMT = "DD/MM/YYYY"

MANIFEST: dict[str, dict] = {}


# --------------------------------------------------------------------------- helpers
def excel_serial(day: dt.date) -> int:
    """The number Excel stores for a date (1900 system)."""
    return (day - dt.date(1899, 12, 30)).days


def new_book() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    return wb


def write_header(ws, row: int, labels: list[str], fill: bool = True) -> None:
    for col, label in enumerate(labels, start=1):
        cell = ws.cell(row=row, column=col, value=label)
        cell.font = BOLD
        if fill:
            cell.fill = HEADER_FILL


def write_rows(ws, first_row: int, rows: list[list], date_cols: tuple[int, ...] = ()) -> int:
    """Write rows from first_row; real date cells get a French date format. Returns next row."""
    r = first_row
    for values in rows:
        for col, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=col, value=value)
            if col in date_cols and isinstance(value, (dt.date, dt.datetime)):
                cell.number_format = DATE_FMT
        r += 1
    return r


def widths(ws, values: list[int]) -> None:
    for i, w in enumerate(values, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def register(name: str, tables: dict, data_rows, new_rows: dict, quirks: str) -> None:
    MANIFEST[name] = {
        "tables": tables,
        "data_rows": data_rows,
        "new_rows_in_fresh_seed": new_rows,
        "quirks": quirks,
    }


# --------------------------------------------------------------------------- 1 (tidy)
def f01_calendrier_2023(out: Path) -> None:
    """The coordinator's 2023 meeting calendar, typed carefully."""
    name = "calendrier_CLSM_2023.xlsx"
    wb = new_book()
    ws = wb.create_sheet("Calendrier 2023")
    header = ["Date", "Heure", "Instance", "Lieu", "Modalité", "Ordre du jour"]
    rows = [
        [dt.date(2023, 1, 12), "14h00", "Groupe projets « jeunes »", "Maison des adolescents", "présentiel",
         "Collaborations entre les acteurs locaux et la MDA"],
        [dt.date(2023, 1, 26), "10h00", "Groupe projets « enfance/parentalité »", "", "visio",
         "Réseau psypérinatalité : cartographie des acteurs"],
        [dt.date(2023, 2, 9), "14h00", "Groupe projets « situations de crise »", "CH Jury", "présentiel",
         "Premiers secours en santé mentale"],
        [dt.date(2023, 2, 16), "09h30", "Comité de pilotage", "CH Jury", "hybride",
         "Bilan 2022 et programme d'actions 2023"],
        [dt.date(2023, 3, 9), "14h00", "Groupe projets « culture/loisirs »", "Espace Bernard Marie Koltès",
         "présentiel", "Projet d'accès au théâtre"],
        [dt.date(2023, 3, 23), "17h30", "Assemblée plénière", "Hôtel de ville de Metz", "présentiel",
         "Bilan annuel 2022"],
        [dt.date(2023, 4, 6), "10h00", "Groupe projets « emploi/formation »", "", "visio",
         "Cartographie des acteurs de l'emploi et de la formation"],
        [dt.date(2023, 4, 13), "14h00", "Groupe projets « précarité »", "", "visio",
         "Collaboration avec l'EMPP"],
        [dt.date(2023, 10, 19), "09h30", "Comité de pilotage", "CH Jury", "hybride", "Point d'étape"],
    ]
    write_header(ws, 1, header)
    write_rows(ws, 2, rows, date_cols=(1,))
    widths(ws, [12, 8, 40, 30, 12, 55])
    ws.freeze_panes = "A2"
    wb.save(out / name)
    register(
        name,
        {"Calendrier 2023": "meeting"},
        len(rows),
        {"meeting": 9},
        "Tidy: header on the first line, real date cells, instance names as in the council's list "
        "with « » quotes around the group theme, an extra time column and empty places for visio meetings.",
    )


# --------------------------------------------------------------------------- 2 (moderate)
def f02_copil_2023(out: Path) -> None:
    """A COPIL attendance tally: a form-like sheet for the meeting, a wide tally by category."""
    name = "COPIL_16-02-2023_presences.xlsx"
    wb = new_book()

    ws = wb.create_sheet("Réunion")
    ws["A1"] = "Comité de pilotage du CLSM"
    ws["A1"].font = TITLE
    ws["A3"], ws["B3"] = "Date :", dt.date(2023, 2, 16)
    ws["B3"].number_format = DATE_FMT
    ws["A4"], ws["B4"] = "Horaire :", "9h30 - 12h00"
    ws["A5"], ws["B5"] = "Lieu :", "CH Jury, salle du conseil"
    ws["A6"], ws["B6"] = "Modalité :", "hybride (salle + Teams)"
    ws["A7"], ws["B7"] = "Ordre du jour :", "Bilan 2022 ; programme d'actions 2023 ; calendrier des groupes projets"
    for r in range(3, 8):
        ws.cell(row=r, column=1).font = BOLD
    widths(ws, [16, 70])

    ws = wb.create_sheet("Présences")
    ws["A1"] = "COPIL du 16/02/2023 - présences par structure (sans les noms)"
    ws["A1"].font = BOLD
    header = ["Structure", "Professionnels", "Usagers", "Aidants", "Élus", "Bénévoles", "Total"]
    # blank cells for none, as people leave them; a few typed zeros
    rows = [
        ["CH Jury", 2, None, None, None, None, 2],
        ["Ville de Metz", 1, None, None, 1, None, 2],
        ["Eurométropole de Metz", None, None, None, 1, None, 1],
        ["ARS Grand Est", 1, 0, 0, 0, 0, 1],
        ["Département 57", 1, None, None, None, None, 1],
        ["UNAFAM Moselle", None, None, 2, None, None, 2],
        ["GEM Camille Claudel", None, 1, None, None, None, 1],
        ["GEM L'Albatros", None, 1, None, None, None, 1],
        ["Maison des adolescents", 1, None, None, None, None, 1],
        ["Mission locale du Pays messin", 1, None, None, None, None, 1],
        ["CMSEA", 1, None, None, None, None, 1],
    ]
    write_header(ws, 3, header)
    nxt = write_rows(ws, 4, rows)
    total = ["TOTAL", 8, 2, 2, 2, 0, 14]
    write_rows(ws, nxt, [total])
    for c in range(1, 8):
        ws.cell(row=nxt, column=c).font = BOLD
    ws.cell(row=nxt + 2, column=1, value="Excusés : Préfecture de la Moselle, MDPH.")
    ws.cell(row=nxt + 3, column=1, value="Feuille d'émargement nominative conservée par le coordonnateur (non diffusée).")
    widths(ws, [32, 15, 10, 10, 8, 11, 8])
    wb.save(out / name)
    attendance_rows = sum(1 for r in rows for v in r[1:6] if v)
    assert attendance_rows == 12
    register(
        name,
        {"Réunion": "meeting", "Présences": "attendance"},
        {"Réunion": 1, "Présences": len(rows)},
        {"meeting": 1, "attendance": attendance_rows, "structure": 0},
        "The meeting is a label/value form (not a table) on its own sheet; attendance is a wide tally "
        "(one column per role category, blanks and some typed zeros for none) under a title line, with "
        "« Département 57 » for the Département, a Total column, a TOTAL row and footer notes naming "
        "excused structures that must not be counted.",
    )


# --------------------------------------------------------------------------- 3 (moderate, CSV)
def f03_presences_18112021(out: Path) -> None:
    """Re-import of the 18/11/2021 attendance, exported from another tool (cp1252, ';')."""
    name = "presences_reunion_18112021.csv"
    meeting = "Réunion CLSM - restitution des groupes thématiques"
    rows = [
        ("Département de la Moselle", "Professionnel", "2"),
        ("Mission Locale du Pays Messin", "Professionnel", "1"),
        ("Metz Métropole", "Professionnel", "1"),
        ("CH JURY", "Professionnel", "2"),
        ("UNAFAM 57", "Aidant", "2"),
        ("GEM Camille Claudel", "Usager", "1"),
        ("GEM Camille Claudel", "Professionnel", "1"),
        ("GEM l'Albatros", "Usager", "1"),
        ("Médecins du Monde", "Professionnel", "2"),
        ("Réseau de santé RSMA", "Professionnel", "2"),
        ("RESAM", "Bénévole", "1"),
        ("EMAMS", "Professionnel", "1"),
        ("ADOMA", "Professionnel", "1"),
        ("CMPP - Les PEP57", "Professionnel", "1"),
    ]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["Réunion", "Date", "Structure", "Catégorie", "Nombre"])
    for structure, category, count in rows:
        w.writerow([meeting, "18/11/2021", structure, category, count])
    (out / name).write_bytes(buf.getvalue().encode("cp1252"))
    register(
        name,
        {"csv": "attendance"},
        len(rows),
        {"attendance": 0, "meeting": 0, "structure": 0},
        "Windows-1252 CSV with semicolons and CRLF, every row already in the seed (meeting of 18/11/2021) "
        "typed with other names (« Metz Métropole », « CH JURY », « UNAFAM 57 », « CMPP - Les PEP57 »), "
        "capitalised categories, and the meeting named by a title instead of its instance.",
    )


# --------------------------------------------------------------------------- 4 (tidy)
def f04_annuaire(out: Path) -> None:
    """A clean extract of the partner directory: five known structures, seven new ones."""
    name = "annuaire_partenaires_extrait.xlsx"
    wb = new_book()
    ws = wb.create_sheet("Annuaire")
    header = ["Structure", "Sigle", "Secteur", "Type", "Commune"]
    rows = [
        ["Centre hospitalier de Jury", "CH Jury", "soins et prévention", "centre hospitalier", "Jury"],
        ["UNAFAM Moselle", "UNAFAM", "usagers et aidants", "association", ""],
        ["Maison des adolescents de Moselle", "MDA", "soins et prévention", "maison des adolescents", ""],
        ["Mission locale du Pays Messin", "", "emploi et formation", "mission locale", ""],
        ["Réseau de solidarité des associations messines", "RESAM",
         "accompagnement social et médico-social", "réseau associatif", ""],
        ["Centre communal d'action sociale de Metz", "CCAS", "accompagnement social et médico-social",
         "centre communal d'action sociale", "Metz"],
        ["Metz Habitat Territoire", "MHT", "logement", "bailleur social", "Metz"],
        ["Croix-Rouge française - unité locale de Metz", "", "accompagnement social et médico-social",
         "association", "Metz"],
        ["Caisse d'allocations familiales de la Moselle", "CAF", "accompagnement social et médico-social",
         "organisme de sécurité sociale", "Metz"],
        ["Bibliothèques-Médiathèques de Metz", "BMM", "culture et loisirs", "réseau de lecture publique", "Metz"],
        ["Ville de Montigny-lès-Metz", "", "collectivités et État", "collectivité", "Montigny-lès-Metz"],
        ["Centre communal d'action sociale de Woippy", "CCAS", "accompagnement social et médico-social",
         "centre communal d'action sociale", "Woippy"],
    ]
    write_header(ws, 1, header)
    write_rows(ws, 2, rows)
    widths(ws, [48, 10, 40, 32, 20])
    wb.save(out / name)
    register(
        name,
        {"Annuaire": "structure"},
        len(rows),
        {"structure": 7},
        "Tidy: header on the first line, sectors from the council's list; five rows are structures already "
        "in the seed (same names) and two new structures share the acronym CCAS (Metz and Woippy).",
    )


# --------------------------------------------------------------------------- 5 (hard)
def f05_formulaire(out: Path) -> None:
    """Export of an online sign-up form: questions as headers, a duplicate answer, old names."""
    name = "export_formulaire_adhesion.xlsx"
    wb = new_book()
    ws = wb.create_sheet("Réponses au formulaire 1")
    header = [
        "Horodateur",
        "Nom de votre structure",
        "Sigle (le cas échéant)",
        "Code postal + ville",
        "Votre structure relève plutôt du secteur :",
        "Souhaitez-vous participer à un groupe projets ?",
        "Un commentaire ?",
    ]
    rows = [
        ["2023/03/02 10:14:33 UTC+1", "FJT Metz Centre (Foyer de jeunes travailleurs)", "FJT", "57000 METZ",
         "Logement / hébergement", "Oui - jeunes", ""],
        ["2023/03/02 11:02:07 UTC+1", "Club de prévention spécialisée Metz-Borny", "", "57070 METZ",
         "Social / médico-social", "Oui - enfance/parentalité;Oui - jeunes", "Éducateurs de rue"],
        ["2023/03/03 09:40:51 UTC+1", "conseil départemental de la moselle", "CD57", "57000 Metz",
         "Collectivité", "Non", "déjà membre je crois"],
        ["2023/03/06 16:25:12 UTC+1", "Maison de santé pluriprofessionnelle de Woippy", "MSP", "57140 WOIPPY",
         "Santé / soins", "Oui - situations de crise", ""],
        ["2023/03/07 08:58:40 UTC+1", "unafam 57", "", "57000 METZ", "Usagers / familles", "Oui - précarité", ""],
        ["2023/03/09 14:31:19 UTC+1", "Comité départemental sport adapté de la Moselle", "CDSA 57",
         "57000 METZ", "Culture / loisirs / sport", "Oui - culture/loisirs", "Activités sportives adaptées"],
        ["2023/03/13 10:05:44 UTC+1", "Foyer jeunes travailleurs - Metz centre", "F.J.T.", "57000 Metz",
         "Logement / hébergement", "Oui - jeunes", "2e envoi, le premier n'était pas parti ?"],
    ]
    write_header(ws, 1, header, fill=False)
    write_rows(ws, 2, rows)
    widths(ws, [26, 48, 14, 16, 30, 40, 40])
    wb.save(out / name)
    register(
        name,
        {"Réponses au formulaire 1": "structure"},
        len(rows),
        {"structure": 4},
        "Form export: headers are the questions, a text timestamp column, postcode and town in one cell "
        "in capitals, sectors in the respondents' words; the Département typed lower-case under its old "
        "name « conseil départemental de la moselle » and « unafam 57 » are known, and the Foyer de jeunes "
        "travailleurs is answered twice with two spellings (one new structure).",
    )


# --------------------------------------------------------------------------- 6 (moderate)
def f06_sism(out: Path) -> None:
    """The SISM editions since 2017: title, TOTAL, approximations, footnotes."""
    name = "SISM_bilan_depuis_2017.xlsx"
    wb = new_book()
    ws = wb.create_sheet("SISM")
    ws["A1"] = "Semaines d'information sur la santé mentale - bilan des éditions"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:F1")
    ws["A1"].alignment = Alignment(horizontal="center")
    header = ["Année", "Thème", "Partenaires", "Événements", "Participants", "Remarques"]
    rows = [
        [2017, "Santé mentale et travail", 7, 6, 200, ""],
        [2018, "Santé mentale et parentalité", 13, 17, 800, ""],
        [2019, "Santé mentale à l'ère du numérique", 19, 9, 250, "(*)"],
        [2020, "Santé mentale et discriminations", "-", "-", "-", "diffusion en direct (crise sanitaire)"],
        [2021, "Santé mentale et respect des droits", 14, 11, "env. 350", ""],
        [2022, "Pour ma santé mentale, agissons pour notre environnement", 21, 16, 620, ""],
        [2023, "À tous les âges de la vie, ma santé mentale est un droit", 18, "14", "~500",
         "chiffres provisoires"],
    ]
    write_header(ws, 3, header)
    nxt = write_rows(ws, 4, rows)
    write_rows(ws, nxt, [["TOTAL", "", 92, 73, "≈ 2 720", ""]])
    for c in range(1, 7):
        ws.cell(row=nxt, column=c).font = BOLD
    ws.cell(row=nxt + 2, column=1, value="(*) 2019 : le bilan de nov. 2020 écrit « 250 partenaires », lu comme participants.")
    ws.cell(row=nxt + 3, column=1, value="Source : bilans SISM du CLSM.")
    widths(ws, [8, 55, 12, 12, 13, 38])
    wb.save(out / name)
    register(
        name,
        {"SISM": "event"},
        len(rows),
        {"event": 3},
        "Merged title line and a blank line above the header, 2017-2020 editions already in the seed "
        "(2020 with « - » for no figures), 2021-2023 new with « env. 350 », « ~500 » and a count typed as "
        "text, a TOTAL row with an approximate sum, and footnotes under the table.",
    )


# --------------------------------------------------------------------------- 7 (hard)
def f07_sensibilisations(out: Path) -> None:
    """Awareness sessions typed over three years: every date in a different form."""
    name = "sensibilisations_sante_mentale_2020-2023.xlsx"
    wb = new_book()
    ws = wb.create_sheet("Sessions")
    ws["A1"] = "Sensibilisations en santé mentale - sessions réalisées"
    ws["A1"].font = TITLE
    ws["A2"] = "(mise à jour juin 2023)"
    header = ["Date", "Session", "Format", "Public", "Inscrits", "Présents", "Avec"]
    rows = [
        ["sept. 2020", "Session pour les agents MDPH", "à distance", "agents de la MDPH", None, None, "CNFPT"],
        ["oct-20", "Session en salle", "en salle", "professionnels", None, None, ""],
        [dt.date(2021, 6, 10), "Module de base", "visio", "professionnels", 18, 15, ""],
        ["5 avril 2022", "Module de base", "en salle", "travailleurs sociaux", 22, "20 pers.", "CMSEA"],
        ["05/10/22", "Santé mentale des jeunes", "en salle", "professionnels jeunesse", 16, 14,
         "Mission locale"],
        [excel_serial(dt.date(2023, 2, 7)), "Santé mentale et précarité", "présentiel",
         "bénévoles associatifs", 25, "~20", "RESAM"],
        ["juin 2023", "Module à distance (plateforme)", "distanciel", "tous publics", "45 inscrits", None,
         "en auto-inscription"],
    ]
    write_header(ws, 4, header)
    nxt = write_rows(ws, 5, rows, date_cols=(1,))
    ws.cell(row=nxt + 1, column=1, value="2019 : 5 sessions, 100 participants (voir bilan 2020).")
    ws.cell(row=nxt + 2, column=1, value="Les sessions d'avril et juin 2020 à distance ne sont pas reprises ici.")
    widths(ws, [14, 34, 12, 26, 12, 10, 20])
    wb.save(out / name)
    register(
        name,
        {"Sessions": "event"},
        len(rows),
        {"event": 5},
        "Two title lines and a blank line above the header; dates as « sept. 2020 », « oct-20 », a real date "
        "cell, « 5 avril 2022 », « 05/10/22 », a bare Excel serial number and « juin 2023 »; the two 2020 "
        "sessions (MDPH in September, in a room in October) are already in the seed; counts like « 20 pers. », "
        "« ~20 », « 45 inscrits » with registered and present in separate columns; footer lines carry "
        "figures (2019) that are not rows.",
    )


# --------------------------------------------------------------------------- 8 (moderate)
def f08_suivi_programme_2022(out: Path) -> None:
    """The COPIL follow-up table of the 2022 action programme, statuses in own words."""
    name = "suivi_programme_2022.xlsx"
    wb = new_book()
    ws = wb.create_sheet("Suivi 2022")
    ws["A1"] = "Programme d'actions 2022 - tableau de suivi (COPIL)"
    ws["A1"].font = TITLE
    header = ["N°", "Rubrique", "Action", "Où en est-on ?", "Commentaires"]
    rows = [
        [1, "Formation", "Module de sensibilisation à distance", "en cours",
         "module de base filmé, mise en ligne sur la plateforme"],
        [3, "Formation", "Promotion des PSSM auprès des pros", "en cours", "relais des sessions du Centre Pierre Janet"],
        [4, "Coordination", "Mise à jour des outils (site, guide, carte, annuaire, lettre)", "fait en partie",
         "site et carte à jour, guide en 2023"],
        [5, "Inclusion dans la cité", "SISM", "fait", "édition d'octobre"],
        [7, "Inclusion dans la cité", "Documentaire témoignages GEM", "en cours", "tournage terminé"],
        [8, "Culture/loisirs", "Projet théâtre (Espace Koltès)", "démarré", ""],
        [13, "Précarité", "Création EMPP", "en attente", "réponse ARS attendue"],
        [15, "Précarité", "Rencontre partenaires / CMP", "reporté en 2023", ""],
        [16, "Enfance/parentalité", "Cités éducatives Borny", "en cours", "calendrier fixé avec les parties prenantes"],
        [19, "Jeunes", "Collaborations avec la MDA", "en cours", ""],
        [None, "Inclusion dans la cité", "Ciné-débat autour du documentaire (SISM 2023)", "idée",
         "proposé en groupe culture/loisirs"],
        [None, "Jeunes", "Présentation du dispositif Écout'Émoi aux partenaires", "à programmer",
         "nouvelle action"],
    ]
    write_header(ws, 3, header)
    write_rows(ws, 4, rows)
    widths(ws, [5, 22, 55, 18, 45])
    wb.save(out / name)
    register(
        name,
        {"Suivi 2022": "action"},
        len(rows),
        {"action": 2},
        "Title line above the header; ten actions of the 2022 programme already in the seed, named by their "
        "number and a short title in the coordinator's words with statuses like « en cours », « fait en "
        "partie », « reporté en 2023 », « en attente »; two new actions at the bottom have no number.",
    )


# --------------------------------------------------------------------------- 9 (tidy)
def f09_fiche15_2022(out: Path) -> None:
    """Indicator results of action sheet 15, one line per indicator and period."""
    name = "fiche15_indicateurs_2022.xlsx"
    wb = new_book()
    ws = wb.create_sheet("Indicateurs")
    header = ["Indicateur", "Type", "Période", "Valeur", "Unité", "Source / commentaire"]
    proc1 = "Nombre d'actions réalisées par rapport au prévisionnel."
    proc2 = "Nombre et typologie des réunions organisées dans le cadre du CLSM."
    proc3 = "Nombre et typologie des acteurs représentés dans les instances du CLSM."
    res1 = "Nombre de partenaires qui déclarent avoir développé des collaborations dans le cadre du CLSM."
    res2 = ("Professionnels impliqués dans le CLSM qui déclarent mieux connaître l'offre et les besoins "
            "en matière de santé mentale de la population.")
    rows = [
        [proc2, "processus", "2021", 26, "réunions", "Compte rendu du 18/11/2021"],
        [proc3, "processus", "2021", 90, "acteurs", "Compte rendu du 18/11/2021"],
        [proc1, "processus", "2022", 12, "actions", "12 actions réalisées sur 20 prévues"],
        [proc2, "processus", "2022", 31, "réunions", "Tableau de suivi des réunions"],
        [proc3, "processus", "2022", 104, "acteurs", "Tableau de suivi des réunions"],
        [res1, "résultat", "2022", 38, "partenaires", "Questionnaire annuel aux partenaires"],
        [res2, "résultat", "2022", 72, "%", "Questionnaire annuel aux partenaires (53 réponses)"],
    ]
    write_header(ws, 1, header)
    write_rows(ws, 2, rows)
    widths(ws, [80, 11, 9, 8, 12, 48])
    wb.save(out / name)
    register(
        name,
        {"Indicateurs": "indicator_value"},
        len(rows),
        {"indicator_value": 5},
        "Tidy: indicator labels copied from sheet n°15, periods typed as text years, the two 2021 values "
        "already in the seed, and one value given as a percentage with « % » in the unit column.",
    )


# --------------------------------------------------------------------------- 10 (hard)
def f10_fiche32(out: Path) -> None:
    """Results of sheet 32's questionnaires, laid out wide with years as columns."""
    name = "Fiche 32 - résultats questionnaires.xlsx"
    wb = new_book()
    ws = wb.create_sheet("Résultats")
    ws["A1"] = "FICHE ACTION N°32 - SENSIBILISATION DES PROFESSIONNELS À LA SANTÉ MENTALE"
    ws["A1"].font = TITLE
    ws.merge_cells("A1:D1")
    ws["A2"] = "Indicateurs de résultats (questionnaires de fin de session)"
    ws["A2"].font = Font(italic=True)
    ws.merge_cells("A2:D2")
    header = ["Indicateur", "2019", "2020", "Commentaire"]
    rows = [
        ["Participants qui déclarent mieux connaître les dispositifs d'accompagnement",
         "71 (sur 84 répondants)", "38 / 45", "CMP, GEM, MDA, UNAFAM, EMAMS les plus cités"],
        ["Participants qui déclarent mieux connaître le champ d'intervention des pros de la santé mentale",
         "66 (sur 84)", "35 / 45", ""],
    ]
    write_header(ws, 4, header)
    nxt = write_rows(ws, 5, rows)
    for r in range(5, nxt):
        ws.cell(row=r, column=1).alignment = Alignment(wrap_text=True)
    ws.cell(row=nxt + 1, column=1,
            value="NB : 2020 = sessions à distance + session en salle d'octobre, questionnaire en ligne.")
    ws.cell(row=nxt + 2, column=1, value="Typologie détaillée dans le bilan annuel.")
    widths(ws, [60, 22, 12, 44])
    wb.save(out / name)
    register(
        name,
        {"Résultats": "indicator_value"},
        len(rows),
        {"indicator_value": 4},
        "Two merged title lines, a wide layout with years as column headers (typed as text), shortened "
        "indicator labels, values written « 71 (sur 84 répondants) » and « 38 / 45 » (the first number is "
        "the value), and footnotes under the table.",
    )


# --------------------------------------------------------------------------- 11 (hard)
def f11_emargement(out: Path) -> None:
    """A sign-in sheet recopied without names: one line per person, roles to deduce."""
    name = "emargement_reunion_info_27mai2021.xlsx"
    wb = new_book()
    ws = wb.create_sheet("Émargement")
    ws["A1"] = "Réunion d'information des partenaires du CLSM"
    ws["A1"].font = TITLE
    ws["A2"] = "Stopblues - appel à consultation de l'Inserm (version jeunes)"
    ws["A3"] = "jeudi 27 mai 2021, 10h - 11h30"
    header = ["N°", "Structure", "Fonction / qualité", "Présent(e)", "Signature"]
    rows = [
        [1, "Mission locale du Pays Messin", "Conseillère référente santé", "X", "signé"],
        [2, "Mission Locale", "Conseillère en insertion", "X", "signé"],
        [3, "MDA 57", "Psychologue", "X", "signé"],
        [4, "Maison des adolescents", "Infirmière", "X", "signé"],
        [5, "Université de Lorraine - SUMPPS", "Infirmière", "X", "signé"],
        [6, "Ville de Metz", "Adjointe au maire", "X", "signé"],
        [7, "Ville de Metz", "Chargée de mission santé", "X", "signé"],
        [8, "CH Jury", "Coordonnateur CLSM", "X", "signé"],
        [9, "GEM L'Albatros", "Adhérent", "X", "signé"],
        [10, "UNAFAM 57", "Adhérente", "X", "signé"],
        [11, "CMSEA", "Éducateur spécialisé", "X", "signé"],
        [12, "Inserm", "Chargée de recherche (en visio)", "X", ""],
        [13, "Préfecture de la Moselle - DDCS", "Chargée de mission santé", "excusée", ""],
    ]
    write_header(ws, 5, header)
    nxt = write_rows(ws, 6, rows)
    ws.cell(row=nxt, column=2, value="Total présents : 12").font = BOLD
    ws.cell(row=nxt + 2, column=1, value="Colonne « Nom, prénom » retirée avant diffusion.")
    widths(ws, [5, 36, 34, 11, 10])
    wb.save(out / name)
    register(
        name,
        {"Émargement": "attendance"},
        len(rows),
        {"attendance": 10, "meeting": 0, "structure": 0},
        "One line per person for a meeting already in the seed (partners' information meeting of 27/05/2021, "
        "named only in three title lines): counts must be summed per structure and the role category deduced "
        "from the function (adjointe au maire = élu, GEM adhérent = usager, UNAFAM adhérente = aidant); the "
        "same structures appear under two spellings (« Mission Locale », « MDA 57 » / « Maison des adolescents »), "
        "one excused person must not be counted, and a total line and a footer sit under the table.",
    )


# --------------------------------------------------------------------------- 12 (hard, CSV)
def f12_historique_instances(out: Path) -> None:
    """History of the council's meetings, exported from an older tracking sheet (UTF-8 BOM)."""
    name = "historique_instances_export.csv"
    rows = [
        ("COPIL", "févr-17", "", "", ""),
        ("PLENIERE", "mai-17", "", "", ""),
        ("COPIL", "oct-18", "", "", ""),
        ("Plénière", "oct-18", "", "", ""),
        ("plénière", "déc-19", "", "", ""),
        ("COPIL", "févr-20", "", "", "écrit COPIE dans le bilan 2020"),
        ("Réunion CLSM (restitution groupes thématiques)", "18/11/2021", "Maison des adolescents + visio", "28", ""),
        ("Réunion info partenaires Stopblues", "27/05/21", "", "", ""),
        ("COPIL", "10/02/2022", "CH Jury", "~15", ""),
        ("Assemblée plénière", "24/03/2022", "Metz", "env. 60", "bilan 2021"),
    ]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\n")
    w.writerow(["Type d'instance", "Date", "Lieu", "Nb participants", "Commentaire"])
    w.writerows(rows)
    (out / name).write_bytes(buf.getvalue().encode("utf-8-sig"))
    register(
        name,
        {"csv": "meeting"},
        len(rows),
        {"meeting": 2},
        "UTF-8 CSV with BOM and semicolons; eight meetings already in the seed, six of them known only to the "
        "month and written the way Excel shows « mmm-yy » (« févr-17 », « déc-19 »), instance names in varying "
        "case and abbreviations, one date as « 27/05/21 »; participant counts like « ~15 » and « env. 60 » "
        "with no structure (no attendance rows).",
    )


# --------------------------------------------------------------------------- 13 (hard)
def f13_tdb_2022(out: Path) -> None:
    """The coordinator's 2022 working-group log: serial-number dates, nicknames for groups."""
    name = "TdB_coordination_2022.xlsx"
    wb = new_book()
    ws = wb.create_sheet("Réunions GT 2022")
    header = ["Date", "Groupe", "Lieu / visio", "Nb présents", "Nb structures"]
    rows = [
        [excel_serial(dt.date(2022, 1, 20)), "Gpe Jeunes", "visio", 9, 6],
        [excel_serial(dt.date(2022, 2, 3)), "GT enfance-parentalité", "CMP Winnicott", "12 pers.", 8],
        [excel_serial(dt.date(2022, 3, 17)), "Situations de crise", "CH Jury", "~10", 7],
        [excel_serial(dt.date(2022, 4, 7)), "Culture & loisirs", "Espace Koltès", 8, 5],
        [excel_serial(dt.date(2022, 5, 12)), "emploi/formation", "visio", 6, 5],
        [excel_serial(dt.date(2022, 6, 16)), "Précarité", "Carrefour des solidarités", 14, 10],
        [excel_serial(dt.date(2022, 9, 22)), "Gpe Jeunes", "MDA", 11, 7],
    ]
    # the header starts on row 2, after an empty first row
    write_header(ws, 2, header, fill=False)
    nxt = write_rows(ws, 3, rows)
    ws.cell(row=nxt + 1, column=1, value="TOTAL 2022")
    ws.cell(row=nxt + 1, column=2, value="7 réunions")
    ws.cell(row=nxt + 1, column=4, value="≈ 70")
    ws.cell(row=nxt + 2, column=1, value="hors COPIL et plénière")
    widths(ws, [10, 26, 28, 12, 13])

    ws = wb.create_sheet("Lisez-moi")
    ws["A1"] = "Tableau de bord de la coordination - 2022"
    ws["A1"].font = TITLE
    ws["A3"] = "Onglet « Réunions GT 2022 » : réunions des groupes projets (une ligne par réunion)."
    ws["A4"] = "Les dates s'affichent en nombres depuis le changement de poste, à corriger."
    ws["A5"] = "Le COPIL et la plénière sont suivis dans le fichier des instances."
    widths(ws, [90])
    wb.save(out / name)
    register(
        name,
        {"Réunions GT 2022": "meeting", "Lisez-moi": "(notes, no table)"},
        {"Réunions GT 2022": len(rows), "Lisez-moi": 0},
        {"meeting": 7},
        "Dates stored as bare Excel serial numbers with no date format, an empty first row, group names as "
        "nicknames (« Gpe Jeunes », « GT enfance-parentalité », « Culture & loisirs »), counts like « 12 pers. » "
        "and « ~10 » with no structure, a TOTAL line and a note under the table, and a notes-only second sheet.",
    )


# --------------------------------------------------------------------------- 14 (moderate)
def f14_nouveaux_partenaires(out: Path) -> None:
    """Partners who joined in 2023, in the coordinator's words."""
    name = "nouveaux_partenaires_2023.xlsx"
    wb = new_book()
    ws = wb.create_sheet("Nouveaux partenaires")
    ws["A1"] = "Structures ayant rejoint le CLSM en 2023"
    ws["A1"].font = BOLD
    header = ["Structure", "Domaine", "Ville", "Adhésion", "Venue par"]
    rows = [
        ["CHRS Les Tilleuls", "Social / hébergement", "57000 Metz", "mars 2023", "groupe précarité"],
        ["Maison de santé pluriprofessionnelle de Borny", "Santé", "Metz", "05/23", "SISM 2022"],
        ["Ciné-club de Montigny", "Culture", "Montigny", dt.date(2023, 6, 15), "groupe culture/loisirs"],
        ["Entreprise adaptée Moselle Avenir", "Emploi", "Woippy (57)", "sept. 2023", "groupe emploi/formation"],
        ["Médecins du monde Metz", "Santé / précarité", "Metz", "", "déjà partenaire ? (réunion nov. 2021)"],
    ]
    write_header(ws, 3, header)
    write_rows(ws, 4, rows, date_cols=(4,))
    widths(ws, [46, 22, 16, 14, 38])
    wb.save(out / name)
    register(
        name,
        {"Nouveaux partenaires": "structure"},
        len(rows),
        {"structure": 4},
        "Title line above the header, sectors in the coordinator's own words (« Social / hébergement », "
        "« Santé », « Culture »), towns as « 57000 Metz », « Montigny », « Woippy (57) », joining dates as "
        "« mars 2023 », « 05/23 » and a real date cell; « Médecins du monde Metz » is already in the seed.",
    )


# --------------------------------------------------------------------------- 15 (tidy)
def f15_cls_axe2(out: Path) -> None:
    """The five action sheets of axis 2 of the CLS 2022-2026."""
    name = "CLS_2022-2026_axe2_fiches.xlsx"
    wb = new_book()
    ws = wb.create_sheet("Axe 2 santé mentale")
    PLAN = "CLS Ville de Metz 2022-2026"
    header = ["Plan", "N° fiche", "Intitulé", "Porteur", "Pilote", "Période", "Statut"]
    rows = [
        [PLAN, 15, "Coordination du Conseil local de santé mentale", "Centre hospitalier de Jury",
         "Conseil local de santé mentale", "2022-2026", "mise en œuvre"],
        [PLAN, 16, "Collaboration entre l'équipe mobile psychiatrie précarité (EMPP) et les acteurs locaux",
         "Centre hospitalier de Jury", "Conseil local de santé mentale", "2022-2026", "conception"],
        [PLAN, 17, "Promotion des premiers secours en santé mentale", "Centre hospitalier de Jury",
         "Conseil local de santé mentale", "2022-2026", "conception"],
        [PLAN, 18, "Repérage et accès aux soins en santé mentale des jeunes", "Maison des adolescents de Moselle",
         "Conseil local de santé mentale", "2022-2026", "conception"],
        [PLAN, 19, "Maintien dans le logement des personnes en souffrance psychique", "Centre hospitalier de Jury",
         "Conseil local de santé mentale", "2022-2026", "idée"],
    ]
    write_header(ws, 1, header)
    write_rows(ws, 2, rows)
    widths(ws, [28, 9, 80, 34, 32, 11, 15])
    wb.save(out / name)
    register(
        name,
        {"Axe 2 santé mentale": "action"},
        len(rows),
        {"action": 4},
        "Tidy: header on the first line, the plan written « CLS Ville de Metz 2022-2026 » as on the sheets; "
        "sheet n°15 is already in the seed (with a status the seed leaves empty) and sheets 16-19 are new.",
    )


# --------------------------------------------------------------------------- 16 (hard)
def f16_bilan_2023(out: Path) -> None:
    """Key figures of 2023 for the annual report: notes, a wide indicator block, an events list."""
    name = "Bilan 2023 - chiffres clés.xlsx"
    wb = new_book()

    ws = wb.create_sheet("Lisez-moi")
    ws["A1"] = "Bilan annuel 2023 du CLSM - chiffres clés"
    ws["A1"].font = TITLE
    notes = [
        "Ce classeur rassemble les chiffres présentés en COPIL pour le bilan annuel.",
        "Les indicateurs sont ceux de la fiche n°15 du CLS 2022-2026 (rappel 2021 pour comparaison).",
        "En 2023 le CLSM a réuni ses groupes projets une trentaine de fois ; détail dans le calendrier.",
        "Chiffres SISM provisoires (retours de 3 partenaires attendus).",
    ]
    for i, text in enumerate(notes, start=3):
        ws.cell(row=i, column=1, value=text)
    widths(ws, [100])

    ws = wb.create_sheet("Indicateurs fiche 15")
    ws["A1"] = "CLS 2022-2026 - fiche n°15 Coordination du CLSM - indicateurs"
    ws["A1"].font = BOLD
    ws.merge_cells("A1:D1")
    header = ["", "2021 (rappel)", "2023", "Obs."]
    rows = [
        ["Actions réalisées / prévues", None, "15 / 20", ""],
        ["Réunions organisées (nombre et type)", 26, "29 réunions", "groupes projets"],
        ["Acteurs représentés dans les instances", 90, "~95", "personnes venues au moins une fois"],
        ["Partenaires déclarant avoir développé des collaborations", None, 41, "questionnaire"],
        ["Pros déclarant mieux connaître l'offre et les besoins", None, "68 %", "questionnaire"],
    ]
    write_header(ws, 3, header)
    write_rows(ws, 4, rows)
    widths(ws, [55, 14, 14, 36])

    ws = wb.create_sheet("Événements 2023")
    header = ["Date", "Événement", "Type", "Format", "Participants"]
    rows_ev = [
        ["du 9 au 22 octobre 2023", "SISM 2023 « À tous les âges de la vie, ma santé mentale est un droit »",
         "SISM", "présentiel", "~500"],
        ["14/11/2023", "Journée d'échanges logement et santé mentale", "journée", "présentiel", 45],
        ["mai 2023", "Formation PSSM (2 jours) au Centre Pierre Janet", "formation", "présentiel", "12 pers."],
    ]
    write_header(ws, 1, header)
    write_rows(ws, 2, rows_ev)
    widths(ws, [24, 70, 12, 12, 13])
    wb.save(out / name)
    register(
        name,
        {"Lisez-moi": "(notes, no table)", "Indicateurs fiche 15": "indicator_value",
         "Événements 2023": "event"},
        {"Lisez-moi": 0, "Indicateurs fiche 15": len(rows), "Événements 2023": len(rows_ev)},
        {"indicator_value": 5, "event": 3},
        "Three sheets: notes only with figures in prose, a wide indicator block under a merged title with an "
        "empty first header cell, shortened labels, the years as column headers (the 2021 « rappel » values "
        "are in the seed) and values like « 15 / 20 », « 29 réunions », « ~95 », « 68 % »; and a 2023 events "
        "list with a date range, « mai 2023 » and « 12 pers. ».",
    )


BUILDERS = [
    f01_calendrier_2023, f02_copil_2023, f03_presences_18112021, f04_annuaire, f05_formulaire,
    f06_sism, f07_sensibilisations, f08_suivi_programme_2022, f09_fiche15_2022, f10_fiche32,
    f11_emargement, f12_historique_instances, f13_tdb_2022, f14_nouveaux_partenaires,
    f15_cls_axe2, f16_bilan_2023,
]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage : python tests/data/make_heldout3.py DOSSIER", file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    MANIFEST.clear()
    for build in BUILDERS:
        build(out)
    (out / "manifest.json").write_text(
        json.dumps(MANIFEST, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"{len(MANIFEST)} fichiers de test et manifest.json écrits dans {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
