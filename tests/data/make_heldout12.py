"""Held-out set n°12: sixteen spreadsheets typed the way people of the CLSM's network type them.

Ten files are ordinary follow-up sheets, each kept by one kind of person (the coordinator, a partner
structure's secretary, a city employee, a volunteer, an intern, a hospital assistant, a social worker,
an ARS officer) with one or two everyday habits of their own. Six are harder, each in its own way:
what people export from other tools (a form, a calendar, a task planner, a text export) or paste
from a web page, or an annual planning grid.

No person's name, personal e-mail or individual phone number appears anywhere: attendance is counted
per structure and role category only. Structures, plans, actions and instances are named the way the
council's documents name them (sometimes abbreviated). Rows dated 2023-2026 and new partners are test
content, not facts of the council's documents.

Usage: python make_heldout12.py OUTDIR  (writes the sixteen files and OUTDIR/manifest.json)
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
from openpyxl.worksheet.datavalidation import DataValidation

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def fr_long(day: dt.date) -> str:
    """Return a date the way people write it in full: « mardi 4 février 2025 »."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def entry(tables: list[str], data_rows: int | dict[str, int], new_rows: dict[str, int], quirks: list[str]) -> dict:
    """One manifest entry."""
    return {"tables": tables, "data_rows": data_rows, "new_rows_in_fresh_seed": new_rows, "quirks": quirks}


def header_row(ws, row: int, values: list[str]) -> None:
    """Write a bold header row."""
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=value)
        cell.font = BOLD


# --------------------------------------------------------------------------------------------
# Ordinary files
# --------------------------------------------------------------------------------------------


def coordinator_follow_up_2025(out: Path) -> tuple[str, dict]:
    """The coordinator's 2025 follow-up workbook: meetings and awareness sessions, lists on a hidden sheet."""
    name = "tableau_suivi_CLSM_2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Instances 2025"
    header_row(ws, 1, ["Instance", "Date", "Modalité", "Lieu", "Ordre du jour", "Relevé de décisions"])
    meetings = [
        ("COPIL", dt.date(2025, 2, 4), "Présentiel", "CH Jury – salle du conseil",
         "Bilan 2024\nPoint d'étape du programme d'actions", "Programme 2025 validé"),
        ("Groupe projets Jeunes", dt.date(2025, 3, 11), "Présentiel + Teams", "Maison des adolescents",
         "Suite des rencontres MDA / acteurs locaux", ""),
        ("GT Enfance-parentalité", dt.date(2025, 4, 3), "Teams", "",
         "Réseau psypérinatalité : cartographie des acteurs", "Cartographie à finaliser pour juin"),
        ("Groupe projets Culture/loisirs", dt.date(2025, 5, 13), "Présentiel", "Espace Bernard-Marie Koltès",
         "Bilan du projet théâtre", ""),
        ("Assemblée plénière", dt.date(2025, 6, 12), "Présentiel", "Hôtel de ville de Metz",
         "Bilan annuel 2024\nPrésentation des nouvelles actions", "- Nouvelle édition du guide\n- Appel à contributions SISM"),
        ("Groupe projets Situations de crise", dt.date(2025, 9, 23), "Teams", "",
         "Guide de prévention et de gestion des situations de crise", ""),
        ("COPIL", dt.date(2025, 11, 27), "Présentiel + Teams", "CH Jury – salle du conseil",
         "Préparation du bilan 2025", ""),
    ]  # fmt: skip
    for row, values in enumerate(meetings, start=2):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value or None)
            cell.alignment = WRAP
        ws.cell(row=row, column=2).number_format = "dddd d mmmm yyyy"
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 26
    ws.column_dimensions["E"].width = 48

    ev = wb.create_sheet("Sensibilisations")
    header_row(ev, 1, ["Date", "Intitulé", "Public", "Format", "Nb participants", "Animé par"])
    sessions = [
        (dt.date(2025, 1, 28), "Module de base de sensibilisation en santé mentale – session 1", "Professionnels",
         "Distanciel", 18, "CLSM"),
        (dt.date(2025, 3, 20), "Sensibilisation à la santé mentale des jeunes", "Professionnels jeunesse",
         "Présentiel", 22, "CLSM / Maison des adolescents"),
        (dt.date(2025, 6, 5), "Sensibilisation santé mentale et précarité", "Intervenants sociaux, bénévoles",
         "Présentiel", 15, "CLSM / EMPP"),
        (dt.date(2025, 10, 14), "Module de base de sensibilisation en santé mentale – session 2", "Professionnels",
         "Distanciel", 25, "CLSM"),
    ]  # fmt: skip
    for row, values in enumerate(sessions, start=2):
        for col, value in enumerate(values, start=1):
            ev.cell(row=row, column=col, value=value)
        ev.cell(row=row, column=1).number_format = "dd/mm/yyyy"

    lists = wb.create_sheet("listes")
    instances = [
        "COPIL", "Assemblée plénière", "Groupe projets Jeunes", "GT Enfance-parentalité",
        "Groupe projets Situations de crise", "Groupe projets Culture/loisirs", "Groupe projets Emploi/formation",
        "Groupe projets Logement", "Groupe projets Précarité", "Groupe projets Participation/citoyenneté",
    ]  # fmt: skip
    modes = ["Présentiel", "Teams", "Présentiel + Teams"]
    for row, value in enumerate(instances, start=1):
        lists.cell(row=row, column=1, value=value)
    for row, value in enumerate(modes, start=1):
        lists.cell(row=row, column=2, value=value)
    lists.sheet_state = "hidden"
    dv_instance = DataValidation(type="list", formula1=f"listes!$A$1:$A${len(instances)}", allow_blank=True)
    dv_mode = DataValidation(type="list", formula1=f"listes!$B$1:$B${len(modes)}", allow_blank=True)
    ws.add_data_validation(dv_instance)
    ws.add_data_validation(dv_mode)
    dv_instance.add("A2:A200")
    dv_mode.add("C2:C200")
    wb.save(out / name)
    return name, entry(
        ["meeting", "event"],
        {"Instances 2025": len(meetings), "Sensibilisations": len(sessions), "listes": 0},
        {"meeting": len(meetings), "event": len(sessions)},
        [
            "a hidden 'listes' sheet feeds the drop-down lists (data validation) of the instance and mode columns; it holds no records",
            "dates are real dates shown with the long format « mardi 4 février 2025 »; visio written « Teams », hybrid « Présentiel + Teams »",
            "instances written loosely (« GT Enfance-parentalité », « Groupe projets Jeunes »); multi-line agenda/decision cells",
        ],
    )


def secretary_sign_in_sheet(out: Path) -> tuple[str, dict]:
    """A partner's secretary counts who came to the youth project group hosted at the Mission locale."""
    name = "emargement_GP_jeunes_2024-03-12.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Emargement"
    ws["A1"] = "FEUILLE D'ÉMARGEMENT – CLSM du territoire messin"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Groupe projets « jeunes et santé mentale »"
    ws["A3"] = "Date : mardi 12 mars 2024 – 14h00"
    ws["A4"] = "Lieu : Mission locale du Pays Messin"
    ws["A6"] = "Aucun nom n'est relevé : nombre de personnes présentes par structure et par catégorie."
    ws["A6"].font = Font(italic=True)
    header_row(ws, 7, ["Structure", "Professionnels", "Usagers", "Aidants", "Élus", "Bénévoles"])
    rows = [
        ("Mission Locale du Pays Messin", 2, 0, 0, 0, 0),
        ("Maison des Adolescents 57", 2, 0, 0, 0, 0),
        ("CASA", 1, 0, 0, 0, 0),
        ("SUMPPS (Université de Lorraine)", 1, 0, 0, 0, 0),
        ("CMPP PEP 57", 1, 0, 0, 0, 0),
        ("Centre Pierre Janet", 1, 0, 0, 0, 0),
        ("GEM Camille Claudel", 1, 2, 0, 0, 0),
        ("UNAFAM 57", 0, 0, 1, 0, 0),
        ("Ville de Metz", 1, 0, 0, 1, 0),
        ("Département de la Moselle", 1, 0, 0, 0, 0),
    ]
    for row, values in enumerate(rows, start=8):
        ws.cell(row=row, column=1, value=values[0])
        for col, count in enumerate(values[1:], start=2):
            ws.cell(row=row, column=col, value=count if count else "-").alignment = Alignment(horizontal="center")
    ws.column_dimensions["A"].width = 38
    attendance = sum(1 for values in rows for count in values[1:] if count)
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        {"meeting": 1, "attendance": attendance},
        [
            "the meeting (instance, day, hour, place) is only in a header block of « Label : value » lines above the table",
            "one column per role category; an absent category is typed « - » instead of 0 or blank",
        ],
    )


def city_sism_programme_2024(out: Path) -> tuple[str, dict]:
    """A city employee lists the Metz events of the SISM 2024 and the editions' figures."""
    name = "SISM_2024_programme_Ville_de_Metz.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Programme 2024"
    ws["A1"] = "SISM 2024 – programme Ville de Metz (pôle santé)"
    ws["A1"].font = Font(bold=True, size=13)
    ws.merge_cells("A1:H1")
    ws["A2"] = "« En mouvement pour notre santé mentale » – du 7 au 20 octobre"
    header_row(ws, 3, ["Date", "Horaire", "Type d'action", "Intitulé", "Lieu", "Structure(s) organisatrice(s)",
                       "Public", "Fréquentation"])  # fmt: skip
    events = [
        (dt.date(2024, 10, 7), "18h30", "Ciné-débat", "Ciné-débat « Les Intranquilles »", "Cinéma Klub",
         "Ville de Metz, UNAFAM 57, CH Jury", "Tout public", "env. 60"),
        (dt.date(2024, 10, 9), "14h-17h", "Portes ouvertes", "Portes ouvertes du GEM L'Albatros", "GEM L'Albatros",
         "GEM L'Albatros", "Tout public", "25"),
        (dt.date(2024, 10, 10), "18h", "Conférence", "Bouger pour sa santé mentale : activité physique et bien-être psychique",
         "Médiathèque Verlaine", "Ville de Metz, CLSM", "Tout public", "45 pers."),
        (dt.date(2024, 10, 12), "10h", "Marche", "Marche solidaire autour du plan d'eau", "Plan d'eau",
         "Ville de Metz, GEM Camille Claudel", "Tout public", "~ 80"),
        (dt.date(2024, 10, 15), "14h", "Atelier", "Atelier danse et expression corporelle", "GEM Camille Claudel",
         "GEM Camille Claudel", "Adhérents et habitants", "12"),
        (dt.date(2024, 10, 17), "18h30", "Ciné-débat", "Ciné-débat « Un divan à Tunis »", "Cinéma Palace",
         "Ville de Metz, Centre Pierre Janet", "Tout public", "complet"),
    ]  # fmt: skip
    for row, values in enumerate(events, start=4):
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value)
        ws.cell(row=row, column=1).number_format = "dd/mm"
    ws.column_dimensions["D"].width = 60

    summary = wb.create_sheet("Bilans SISM")
    header_row(summary, 1, ["Édition", "Thème national", "Partenaires", "Événements", "Participants"])
    editions = [
        ("SISM 2023", "À tous les âges de la vie, ma santé mentale est un droit", 14, 11, 430),
        ("SISM 2024", "En mouvement pour notre santé mentale", 16, 12, 520),
    ]
    for row, values in enumerate(editions, start=2):
        for col, value in enumerate(values, start=1):
            summary.cell(row=row, column=col, value=value)
    wb.save(out / name)
    return name, entry(
        ["event"],
        {"Programme 2024": len(events), "Bilans SISM": len(editions)},
        {"event": len(events) + len(editions)},
        [
            "event dates are real dates displayed « dd/mm » (year only in the title and theme lines)",
            "attendance typed as text: « env. 60 », « 45 pers. », « ~ 80 », « complet » (no number)",
            "a second sheet holds the SISM editions' yearly figures (partners, events, participants)",
        ],
    )


def volunteer_gem_attendance(out: Path) -> tuple[str, dict]:
    """A GEM volunteer notes, in a plain CSV, who from the GEMs and UNAFAM went to CLSM meetings."""
    name = "presences_GEM_unafam_instances.csv"
    plenary = dt.date(2024, 6, 20)
    group = dt.date(2024, 9, 24)
    copil = dt.date(2025, 1, 23)
    rows = [
        ("assemblée plénière", plenary, "GEM L'Albatros", "usagers (adhérents)", "4"),
        ("assemblée plénière", plenary, "GEM L'Albatros", "animateur (professionnel)", "1"),
        ("assemblée plénière", plenary, "GEM Camille Claudel", "usagers (adhérents)", "3 "),
        ("groupe participation et citoyenneté", group, "GEM L'Albatros", "usagers (adhérents)", "2"),
        ("groupe participation et citoyenneté", group, "GEM Camille Claudel", "usagers (adhérents)", "2"),
        ("groupe participation et citoyenneté", group, "unafam 57", "aidant (famille)", "1"),
        ("copil", copil, "GEM L'Albatros", "usager (adhérent)", "1"),
        ("copil", copil, "unafam 57", "aidant (famille)", "1"),
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["réunion", "date", "structure", "qui", "combien"])
    for meeting, day, structure, who, count in rows:
        writer.writerow([meeting, fr_long(day), structure, who, count])
    (out / name).write_text(buffer.getvalue(), encoding="utf-8")
    return name, entry(
        ["meeting", "attendance"],
        len(rows),
        {"meeting": 3, "attendance": len(rows)},
        [
            "dates written out in words with the weekday: « jeudi 20 juin 2024 »",
            "role category written in everyday words with the category in brackets: « usagers (adhérents) », « aidant (famille) »; lower-case instance and structure names",
        ],
    )


def intern_indicators(out: Path) -> tuple[str, dict]:
    """An intern fills the process and result indicators of CLS sheet n°15, one column per year."""
    name = "indicateurs_fiche15_2023-2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Indicateurs"
    ws["A1"] = "Indicateurs de suivi – Fiche n°15 CLS 2022-2026 « Coordination du CLSM »"
    ws["A1"].font = Font(bold=True)
    header_row(ws, 3, ["Indicateur", "Type", "Année 2023", "Année 2024", "2025*", "Évol. 23→24", "Source"])
    rows = [
        ("Nombre d'actions réalisées par rapport au prévisionnel", "Processus", "7 sur 12", "9 sur 14", None, None,
         "Bilan annuel"),
        ("Nombre et typologie des réunions organisées dans le cadre du CLSM", "Processus", 24, 27, 22, "=D5-C5",
         "Tableau de suivi"),
        ("Nombre et typologie des acteurs représentés dans les instances", "Processus", 58, 64, 61, "=D6-C6",
         "Feuilles d'émargement"),
        ("Nb de partenaires déclarant avoir développé des collaborations", "Résultat", None, 31, None, None,
         "Questionnaire partenaires 2024"),
    ]  # fmt: skip
    for row, values in enumerate(rows, start=4):
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value)
    ws.cell(row=9, column=1, value="* chiffres provisoires au 30/11/2025").font = Font(italic=True, size=9)
    ws.column_dimensions["A"].width = 62
    values = sum(1 for values in rows for value in values[2:5] if value is not None)
    wb.save(out / name)
    return name, entry(
        ["indicator_value"],
        len(rows),
        {"indicator_value": values},
        [
            "one column per year, headed « Année 2023 », « Année 2024 » and « 2025* » (asterisk = provisional, explained in a footnote row)",
            "indicator labels paraphrased from sheet n°15 (« Nb de partenaires déclarant… »); a ratio typed « 7 sur 12 »; a formula column with no cached value",
        ],
    )


def hospital_action_partners(out: Path) -> tuple[str, dict]:
    """A CH Jury assistant lists who carries, joins and funds some actions, several names per cell."""
    name = "partenaires_actions_CH_Jury.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Partenariats"
    header_row(ws, 1, ["Intitulé de l'action", "Structure\nporteuse", "Partenaires\nassociés", "Financeurs"])
    rows = [
        ("Module de sensibilisation en santé mentale à distance", "CH Jury", "CNFPT\nCentre Pierre Janet",
         "ARS Grand Est"),
        ("Fiche 15 – Coordination du CLSM", "Centre hospitalier de Jury", "", "ARS\nVille de Metz\nEurométropole de Metz"),
        ("Collaborations entre acteurs locaux et Maison des adolescents", "CH Jury",
         "MDA 57\nMission locale du Pays messin\nCASA", ""),
        ("Documentaire GEM (témoignages d'adhérents)", "CH Jury", "GEM Camille Claudel\nGEM L'Albatros", "Ville de Metz"),
        ("Cartographie des acteurs culture/loisirs", "", "Espace Bernard-Marie Koltès\nDrac Grand Est", ""),
    ]  # fmt: skip
    for row, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value or None).alignment = WRAP
    for col in "ABCD":
        ws.column_dimensions[col].width = 40
    # Rows already in the seed: fiche 15 carried by CH Jury and funded by the ARS and the Ville de Metz,
    # and the MDA already a partner of the youth action.
    new_links = 4 + 1 + 3 + 4 + 2
    wb.save(out / name)
    return name, entry(
        ["action_partner"],
        len(rows),
        {"action_partner": new_links},
        [
            "several structures in one cell, one per line (Alt+Entrée); header cells broken on two lines",
            "actions named by shortened titles (« Documentaire GEM », « Fiche 15 – Coordination du CLSM »); some links already in the seed",
        ],
    )


def social_worker_precarity_group(out: Path) -> tuple[str, dict]:
    """A CMSEA social worker keeps attendance of the precarity group, meeting cells filled once per block."""
    name = "GT_precarite_presences_2023-2024.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences"
    header_row(ws, 1, ["Réunion", "Date", "Lieu", "Structure", "Catégorie", "Nb"])
    blocks = [
        ("GT santé mentale et précarité", dt.date(2023, 6, 15), "Carrefour des solidarités", [
            ("Carrefour des solidarités", "professionnel·le", 2),
            ("CMSEA – Service en Amont", "professionnel·le", 1),
            ("Médecins du Monde", "professionnel·le", 1),
            ("RESAM", "bénévole", 1),
            ("Équipe diocésaine", "bénévole", 2),
            ("EMAMS", "professionnel·le", 1),
        ]),
        ("GT santé mentale et précarité", dt.date(2023, 11, 9), "Médecins du Monde", [
            ("Carrefour des solidarités", "professionnel·le", 1),
            ("CMP 1 – CH Jury", "professionnel·le", 1),
            ("ADOMA", "professionnel·le", 1),
            ("Médecins du Monde", "professionnel·le", 2),
            ("Équipe diocésaine", "bénévole", 1),
            ("GEM L'Albatros", "usager·ère", 1),
        ]),
        ("GT santé mentale et précarité", dt.date(2024, 3, 21), "CH Jury", [
            ("EMPP (CH Jury)", "professionnel·le", 2),
            ("Carrefour des solidarités", "professionnel·le", 1),
            ("AMLI", "professionnel·le", 1),
            ("CSAPA Les Wads", "professionnel·le", 1),
            ("RESAM", "bénévole", 1),
        ]),
    ]  # fmt: skip
    row = 2
    for meeting, day, place, lines in blocks:
        for index, (structure, category, count) in enumerate(lines):
            if index == 0:
                ws.cell(row=row, column=1, value=meeting)
                ws.cell(row=row, column=2, value=day).number_format = "dd/mm/yyyy"
                ws.cell(row=row, column=3, value=place)
            ws.cell(row=row, column=4, value=structure)
            ws.cell(row=row, column=5, value=category)
            ws.cell(row=row, column=6, value=count)
            row += 1
    attendance = sum(len(lines) for _, _, _, lines in blocks)
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        attendance,
        {"meeting": len(blocks), "attendance": attendance},
        [
            "meeting, date and place typed only on the first line of each meeting; the lines below are left blank (fill-down implied)",
            "role categories in inclusive writing with a middle dot: « professionnel·le », « usager·ère »; group called « GT santé mentale et précarité »",
        ],
    )


def ars_cls_review(out: Path) -> tuple[str, dict]:
    """An ARS officer's yearly review of CLS actions: one status column per review date, saved as CSV."""
    name = "ARS_revue_CLS_Metz_sante_mentale.csv"
    rows = [
        ("CLS 2022-2026 – fiche 15", "Coordination du Conseil local de santé mentale", "En cours", "En cours",
         "Financement ARS reconduit"),
        ("Prog. CLSM 2022", "Création d'une équipe mobile psychiatrie précarité (EMPP)", "En cours", "Réalisée",
         "EMPP opérationnelle"),
        ("Prog. CLSM 2022", "Collaboration entre l'EMPP et les acteurs locaux", "En conception", "En cours", ""),
        ("Prog. CLSM 2022", "Module de sensibilisation en santé mentale accessible à distance", "Réalisé", "",
         "Plateforme en ligne"),
        ("CLS 2017-2020 – fiche 32", "Sensibilisation des professionnels à la santé mentale", "Réalisée", "—",
         "Action close, relayée par le module à distance"),
    ]  # fmt: skip
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Suivi CLS Metz – axe santé mentale (revue annuelle ARS)", "", "", "", ""])
    writer.writerow(
        ["Fiche", "Intitulé de l'action", "Avancement au 31/12/2023", "Avancement au 31/12/2024", "Commentaire"]
    )
    for values in rows:
        writer.writerow(values)
    (out / name).write_bytes(buffer.getvalue().encode("cp1252"))
    statuses = sum(1 for values in rows for value in values[2:4] if value not in ("", "—"))
    return name, entry(
        ["action_status", "action"],
        len(rows),
        {"action": 0, "action_status": statuses},
        [
            "status days are in the column headers (« Avancement au 31/12/2023 », « … au 31/12/2024 »): one status per cell",
            "Excel CSV (cp1252, ';', CRLF) whose first line is a title padded with empty separators; statuses « En cours », « Réalisé(e) », « En conception », « — »",
        ],
    )


def intern_new_partners(out: Path) -> tuple[str, dict]:
    """An intern lists structures that joined the CLSM, postcode and town in two columns."""
    name = "nouveaux_partenaires_CLSM_2023-2025.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Partenaires"
    header_row(ws, 1, ["Structure", "Sigle", "Secteur", "Type", "CP", "Ville", "Adhésion au CLSM", "Remarques"])
    rows = [
        ("Centre communal d'action sociale de Metz", "CCAS", "Social", "Établissement public communal", 57000, "METZ", 2023, ""),
        ("Metz Habitat Territoire", "MHT", "Logement", "Bailleur social (OPH)", 57000, "Metz", 2023, "Convention CMP/bailleurs"),
        ("Bibliothèques-Médiathèques de Metz", "BMM", "Culture", "Réseau de médiathèques", 57000, "Metz", "sept. 2024", "SISM"),
        ("SOS Amitié Metz-Lorraine", "", "Santé / écoute", "Association d'écoute", 57000, "Metz", 2024, ""),
        ("CHR Metz-Thionville", "CHR", "Urgence médicale", "Centre hospitalier régional", 57530, "Ars-Laquenexy", 2023, "Hôpital de Mercy"),
        ("Mutualité Française Grand Est", "", "Prévention", "Mutuelle – promotion de la santé", 57000, "Metz", 2025, ""),
        ("Ville de Montigny-lès-Metz", "", "Collectivité", "Commune", 57950, "MONTIGNY-LES-METZ", "janv. 2025", ""),
        ("GEM L'Albatros", "GEM", "Usagers", "GEM", 57000, "Metz", None, "déjà partenaire – adresse à jour"),
        ("UNAFAM 57", "UNAFAM", "Usagers et aidants", "Association", 57000, "Metz", None, "déjà partenaire"),
    ]  # fmt: skip
    for row, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value if value != "" else None)
    wb.save(out / name)
    return name, entry(
        ["structure"],
        len(rows),
        {"structure": 7},
        [
            "postcode and town in two columns, town sometimes in capitals without accents (« MONTIGNY-LES-METZ »); postcode typed as a number",
            "sector typed loosely (« Social », « Santé / écoute », « Collectivité »); joining date a year or « sept. 2024 »; two rows are structures already in the seed",
        ],
    )


def coordinator_status_checkboxes(out: Path) -> tuple[str, dict]:
    """The coordinator's progress point for the COPIL: one checkbox column per status, day in the title."""
    name = "point_etape_programme_2022_COPIL.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Point d'étape"
    ws["A1"] = "Programme d'actions 2022 du CLSM – point d'étape présenté au COPIL du 04/02/2025"
    ws["A1"].font = Font(bold=True, size=13)
    statuses = ["Idée", "Conception", "Mise en œuvre", "Réalisée", "Reportée", "Abandonnée"]
    header_row(ws, 3, ["Rubrique", "Action", *statuses, "Commentaire"])
    rows = [
        ("Formation en santé mentale", "Sensibilisations spécifiques (jeunes, enfants, précarité)", "Mise en œuvre", ""),
        ("Formation en santé mentale", "Promotion des PSSM auprès des professionnels", "Réalisée", "3 sessions relayées"),
        ("Coordination dans le cadre du CLSM", "Mise à jour des outils de coordination et de communication", "Réalisée", ""),
        ("Inclusion dans la cité", "Guide santé mentale – version grand public", "Conception", ""),
        ("Inclusion dans la cité", "Projet théâtre – Espace Bernard-Marie Koltès", "Réalisée", ""),
        ("Inclusion dans la cité", "Cartographie des acteurs de l'emploi et de la formation", "Abandonnée", "Faute de relais"),
        ("Inclusion dans la cité", "Bilan des actions logement avec les bailleurs", "Réalisée", ""),
        ("Inclusion dans la cité", "Ouverture de la concertation logement à l'hébergement", "Reportée", "Reporté à 2026"),
        ("Situations de précarité", "Rencontre partenaires / CMP sur la précarité", "Réalisée", ""),
        ("Enfance/parentalité", "Podcasts de témoignages de pères (programme PATH)", "Abandonnée", ""),
        ("Jeunes", "Communication prévention du mal-être des jeunes (Stopblues)", "Mise en œuvre", ""),
        ("Coordination dans le cadre du CLSM", "Charte éthique et déontologique du CLSM", "Idée", "Nouvelle action"),
        ("Formation en santé mentale",
         "Guide de prévention et de gestion des situations de crise pour les intervenants sociaux et médico-sociaux",
         "Conception", "Nouvelle action"),
    ]  # fmt: skip
    fill = PatternFill("solid", fgColor="DDEBF7")
    for row, (rubric, action, status, comment) in enumerate(rows, start=4):
        ws.cell(row=row, column=1, value=rubric)
        ws.cell(row=row, column=2, value=action).alignment = WRAP
        for col, label in enumerate(statuses, start=3):
            cell = ws.cell(row=row, column=col, value="☒" if label == status else "☐")
            cell.alignment = Alignment(horizontal="center")
            if label == status:
                cell.fill = fill
        ws.cell(row=row, column=9, value=comment or None)
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 60
    wb.save(out / name)
    return name, entry(
        ["action", "action_status"],
        len(rows),
        {"action": 2, "action_status": len(rows)},
        [
            "status given by ticked Word-style checkbox glyphs ☒ / ☐, one column per status (as on the action sheets)",
            "the status day and the plan are only in the title line (« …point d'étape présenté au COPIL du 04/02/2025 »); two rows are new actions",
        ],
    )


# --------------------------------------------------------------------------------------------
# Harder files
# --------------------------------------------------------------------------------------------


def form_responses_sign_in(out: Path) -> tuple[str, dict]:
    """Online form answers: one line per person present, to be counted per meeting, structure and role."""
    name = "reponses_formulaire_emargement_automne_2025.xlsx"
    copil = "COPIL – jeudi 25 septembre 2025"
    plenary = "Assemblée plénière – jeudi 16 octobre 2025"
    pro, user, carer, elected, volunteer = (
        "Professionnel(le)", "Personne concernée (usager)", "Proche aidant(e)", "Élu(e)", "Bénévole associatif",
    )  # fmt: skip
    # (answered at, meeting option, structure as typed, canonical structure, role)
    answers = [
        (dt.datetime(2025, 9, 25, 13, 58, 12), copil, "CH de Jury", "CH Jury", pro),
        (dt.datetime(2025, 9, 25, 14, 1, 40), copil, "Centre Hospitalier de Jury", "CH Jury", pro),
        (dt.datetime(2025, 9, 25, 14, 2, 5), copil, "ARS Grand Est", "ARS", pro),
        (dt.datetime(2025, 9, 25, 14, 3, 51), copil, "Ville de Metz", "Ville de Metz", elected),
        (dt.datetime(2025, 9, 25, 14, 4, 17), copil, "ville de metz", "Ville de Metz", pro),
        (dt.datetime(2025, 9, 25, 14, 6, 2), copil, "Eurométropole de Metz", "Eurométropole", pro),
        (dt.datetime(2025, 9, 25, 14, 6, 44), copil, "UNAFAM 57", "UNAFAM", carer),
        (dt.datetime(2025, 9, 25, 14, 9, 30), copil, "GEM L'Albatros", "GEM Albatros", user),
        (dt.datetime(2025, 9, 25, 14, 10, 2), copil, "GEM Camille Claudel ", "GEM Camille Claudel", user),
        (dt.datetime(2025, 9, 26, 9, 12, 45), copil, "Département de la Moselle", "Département", pro),
        (dt.datetime(2025, 10, 16, 9, 2, 11), plenary, "CH Jury", "CH Jury", pro),
        (dt.datetime(2025, 10, 16, 9, 2, 58), plenary, "centre hospitalier de Jury", "CH Jury", pro),
        (dt.datetime(2025, 10, 16, 9, 3, 20), plenary, "CH JURY", "CH Jury", pro),
        (dt.datetime(2025, 10, 16, 9, 4, 1), plenary, "CMP Winnicott", "CMP Winnicott", pro),
        (dt.datetime(2025, 10, 16, 9, 4, 33), plenary, "Mairie de Metz", "Ville de Metz", elected),
        (dt.datetime(2025, 10, 16, 9, 5, 9), plenary, "Ville de Metz", "Ville de Metz", pro),
        (dt.datetime(2025, 10, 16, 9, 5, 50), plenary, "Mission Locale Pays Messin", "Mission locale", pro),
        (dt.datetime(2025, 10, 16, 9, 6, 12), plenary, "Mission locale du Pays messin", "Mission locale", pro),
        (dt.datetime(2025, 10, 16, 9, 7, 0), plenary, "MDA 57", "MDA", pro),
        (dt.datetime(2025, 10, 16, 9, 7, 41), plenary, "Maison des ados de Moselle", "MDA", pro),
        (dt.datetime(2025, 10, 16, 9, 8, 15), plenary, "Médecins du Monde", "Médecins du Monde", pro),
        (dt.datetime(2025, 10, 16, 9, 8, 59), plenary, "RESAM", "RESAM", volunteer),
        (dt.datetime(2025, 10, 16, 9, 9, 30), plenary, "Unafam", "UNAFAM", carer),
        (dt.datetime(2025, 10, 16, 9, 10, 2), plenary, "UNAFAM Moselle", "UNAFAM", carer),
        (dt.datetime(2025, 10, 16, 9, 10, 40), plenary, "GEM Camille Claudel", "GEM Camille Claudel", user),
        (dt.datetime(2025, 10, 16, 9, 11, 3), plenary, "GEM Camille Claudel", "GEM Camille Claudel", user),
        (dt.datetime(2025, 10, 16, 9, 11, 37), plenary, "GEM Camille Claudel", "GEM Camille Claudel", pro),
        (dt.datetime(2025, 10, 16, 9, 12, 10), plenary, "GEM l'albatros", "GEM Albatros", user),
        (dt.datetime(2025, 10, 16, 9, 12, 44), plenary, "GEM L'Albatros ", "GEM Albatros", user),
        (dt.datetime(2025, 10, 16, 9, 13, 20), plenary, "ADOMA", "ADOMA", pro),
        (dt.datetime(2025, 10, 16, 9, 14, 2), plenary, "AMLI", "AMLI", pro),
        (dt.datetime(2025, 10, 16, 9, 14, 48), plenary, "CSAPA Les Wads", "CSAPA", pro),
        (dt.datetime(2025, 10, 16, 9, 15, 30), plenary, "Carrefour des Solidarités", "Carrefour", pro),
        (dt.datetime(2025, 10, 16, 9, 16, 5), plenary, "Département de la Moselle", "Département", elected),
        (dt.datetime(2025, 10, 16, 9, 16, 40), plenary, "Equipe diocésaine", "Équipe diocésaine", volunteer),
        (dt.datetime(2025, 10, 17, 8, 41, 22), plenary, "CH Jury", "CH Jury", pro),
    ]
    first_time = ["Non", "Oui"]
    newsletter = ["Oui", "Déjà inscrit(e)", "Non"]
    wb = Workbook()
    ws = wb.active
    ws.title = "Réponses au formulaire 1"
    header_row(ws, 1, [
        "Horodateur", "Vous participez à :", "Votre structure :", "Vous êtes :",
        "Est-ce votre première participation à une instance du CLSM ?",
        "Souhaitez-vous recevoir la lettre d'information du CLSM ?",
    ])  # fmt: skip
    for row, (answered, meeting, typed, _canonical, role) in enumerate(answers, start=2):
        ws.cell(row=row, column=1, value=answered).number_format = "dd/mm/yyyy hh:mm:ss"
        ws.cell(row=row, column=2, value=meeting)
        ws.cell(row=row, column=3, value=typed)
        ws.cell(row=row, column=4, value=role)
        ws.cell(row=row, column=5, value=first_time[row % 5 == 0])
        ws.cell(row=row, column=6, value=newsletter[row % 3])
    attendance = len({(meeting, canonical, role) for _, meeting, _, canonical, role in answers})
    wb.save(out / name)
    return name, entry(
        ["meeting", "attendance"],
        len(answers),
        {"meeting": 2, "attendance": attendance},
        [
            "[harder] online-form export (Google Forms style): one line per person present, no count column; attendance = lines grouped by meeting × structure × role",
            "the meeting is the chosen option text (« Assemblée plénière – jeudi 16 octobre 2025 »); the Horodateur is the answer time, sometimes the next day",
            "structure typed freely by each respondent: case, trailing spaces, « Mairie de Metz » for the Ville de Metz, « Maison des ados de Moselle » / « MDA 57 »",
            "two survey questions unrelated to the data model in extra columns",
        ],
    )


def outlook_calendar_export(out: Path) -> tuple[str, dict]:
    """The coordinator's Outlook calendar exported to CSV (cp1252, every field quoted)."""
    name = "export_calendrier_Outlook_CLSM_2024.csv"
    teams_text = (
        "________________________________________________________________________________\r\n"
        "Réunion Microsoft Teams\r\n"
        "Rejoindre sur votre ordinateur, une application mobile ou un appareil de salle\r\n"
        "Cliquez ici pour rejoindre la réunion<https://teams.microsoft.com/l/meetup-join/19%3ameeting_clsm>\r\n"
        "ID de la réunion : 352 118 904 27\r\n"
        "________________________________________________________________________________"
    )
    header = [
        "Objet", "Début", "Heure de début", "Fin", "Heure de fin", "Journée entière", "Rappel activé/désactivé",
        "Date du rappel", "Heure du rappel", "Organisateur d'une réunion", "Participants obligatoires",
        "Participants facultatifs", "Ressources de la réunion", "Afficher la disponibilité", "Catégories",
        "Critère de diffusion", "Description", "Emplacement", "Informations facturation", "Kilométrage",
        "Priorité", "Privé",
    ]  # fmt: skip
    # (subject, start day, start time, end day, end time, all day, place, description)
    meetings = [
        ("CLSM - COPIL", "25/01/2024", "14:00:00", "25/01/2024", "16:00:00", False,
         "CH Jury - salle du conseil d'administration", "Ordre du jour : bilan 2023, programme 2024"),
        ("GT situations de crise (CLSM)", "15/02/2024", "09:30:00", "15/02/2024", "11:30:00", False,
         "Réunion Microsoft Teams", "Guide de prévention des situations de crise\r\n" + teams_text),
        ("CLSM – GP emploi/formation", "04/04/2024", "14:00:00", "04/04/2024", "16:00:00", False,
         "CRP Metz (EPNAK); Réunion Microsoft Teams", "Cartographie des acteurs de l'emploi\r\n" + teams_text),
        ("Assemblée plénière du CLSM", "20/06/2024", "00:00:00", "21/06/2024", "00:00:00", True,
         "Hôtel de ville de Metz", "Bilan annuel et présentation des actions"),
        ("GP logement - CLSM", "19/09/2024", "14:00:00", "19/09/2024", "16:00:00", False,
         "AMLI, Metz", "Bilan des actions avec les bailleurs"),
        ("CLSM : groupe enfance/parentalité", "28/11/2024", "10:00:00", "28/11/2024", "12:00:00", False,
         "Réunion Microsoft Teams", "Réseau psypérinatalité\r\n" + teams_text),
    ]  # fmt: skip
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header)
    for subject, start, start_time, end, end_time, all_day, place, description in meetings:
        # Outlook's default reminder: 15 minutes before; the day before at 18:00 for an all-day event.
        starts = dt.datetime.strptime(f"{start} {start_time}", "%d/%m/%Y %H:%M:%S")
        reminder = starts - (dt.timedelta(hours=6) if all_day else dt.timedelta(minutes=15))
        writer.writerow([
            subject, start, start_time, end, end_time, "Vrai" if all_day else "Faux", "Vrai",
            reminder.strftime("%d/%m/%Y"), reminder.strftime("%H:%M:%S"),
            "Coordination CLSM", "Liste de diffusion CLSM", "", "", "2", "CLSM", "Normal", description, place,
            "", "", "Normale", "Faux",
        ])  # fmt: skip
    (out / name).write_bytes(buffer.getvalue().encode("cp1252"))
    return name, entry(
        ["meeting"],
        len(meetings),
        {"meeting": len(meetings)},
        [
            "[harder] Outlook calendar export to CSV: 22 French Outlook columns, every field quoted, cp1252, CRLF; day and time in separate columns; booleans « Vrai »/« Faux »",
            "instance only inside the free subject (« CLSM - COPIL », « GT situations de crise (CLSM) », « CLSM : groupe enfance/parentalité »)",
            "mode only implied by « Emplacement » (« Réunion Microsoft Teams » = visio, place + Teams = hybride); multi-line Teams boilerplate in quoted descriptions",
            "the all-day plenary ends at 00:00:00 the next day (Outlook's convention), it is one meeting on 20/06/2024",
        ],
    )


def _day(text: str) -> dt.date:
    """Read a « dd/mm/yyyy » text date."""
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


def planner_export(out: Path) -> tuple[str, dict]:
    """A Microsoft Planner plan of the CLSM's actions exported to Excel."""
    name = "Plan_actions_CLSM_export_Planner.xlsx"
    export_day = "02/12/2024"
    header = [
        "ID de tâche", "Nom de tâche", "Nom du compartiment", "Progression", "Priorité", "Affecté à", "Créé par",
        "Date de création", "Date de début", "Date d'échéance", "Est récurrent", "En retard",
        "Date d'achèvement", "Achevé par", "Éléments de la liste de contrôle terminés", "Éléments de la liste de contrôle",
        "Étiquettes", "Description",
    ]  # fmt: skip
    # (task id, name, bucket, progress, created, start, due, done on, checklist done/total, labels, description)
    tasks = [
        ("kT3vQ8mZ0EqP1aX7bN2cYwD", "Module de sensibilisation à distance", "Formation", "Terminée",
         "15/01/2024", "15/01/2024", "30/04/2024", "14/05/2024", (4, 4), "Programme 2022",
         "Mise en ligne sur la plateforme de formation du CLSM"),
        ("pL9sR4tU6vW8xY0zA1bC3dE", "Promotion PSSM auprès des pros", "Formation", "En cours",
         "15/01/2024", "01/03/2024", "31/12/2024", "", (1, 3), "Programme 2022", ""),
        ("fG5hJ7kL9mN1pQ3rS5tU7vW", "MAJ carte des ressources / guide / site", "Coordination", "Terminée",
         "22/01/2024", "01/02/2024", "30/09/2024", "30/09/2024", (3, 3), "Programme 2022;Outils", ""),
        ("xY2zA4bC6dE8fG0hJ2kL4mN", "Organisation des SISM 2024", "Inclusion dans la cité", "Terminée",
         "05/02/2024", "01/05/2024", "20/10/2024", "25/10/2024", (6, 6), "Programme 2022;SISM", "Bilan fait"),
        ("qR7sT9uV1wX3yZ5aB7cD9eF", "Documentaire GEM", "Inclusion dans la cité", "En cours",
         "05/02/2024", "01/03/2024", "30/06/2025", "", (2, 5), "Programme 2022", "Tournage terminé, montage en cours"),
        ("gH1jK3lM5nP7qR9sT1uV3wX", "Réseau psypérinatalité (Winnicott)", "Enfance/parentalité", "En cours",
         "12/02/2024", "01/04/2024", "", "", (0, 2), "Programme 2022", ""),
        ("yZ5aB7cD9eF1gH3jK5lM7nP", "Collaborations MDA / acteurs locaux", "Jeunes", "Terminée",
         "12/02/2024", "01/03/2024", "30/06/2024", "19/06/2024", (2, 2), "Programme 2022", ""),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan d'actions CLSM"
    ws["A1"], ws["B1"] = "Nom du plan", "Plan d'actions CLSM"
    ws["A2"], ws["B2"] = "ID du plan", "Wm3k8QeP2UyO5aT1cV7nLZcAB4xF"
    ws["A3"], ws["B3"] = "Date de l'exportation", export_day
    header_row(ws, 5, header)
    for row, task in enumerate(tasks, start=6):
        task_id, title, bucket, progress, created, start, due, done_on, (done, total), labels, description = task
        values = [
            task_id, title, bucket, progress, "Moyenne", "", "Coordination CLSM", created, start, due, "false",
            "true" if progress != "Terminée" and due and _day(due) < _day(export_day) else "false", done_on,
            "Coordination CLSM" if done_on else "", done, total, labels, description,
        ]  # fmt: skip
        for col, value in enumerate(values, start=1):
            ws.cell(row=row, column=col, value=value if value != "" else None)
    wb.save(out / name)
    return name, entry(
        ["action_status", "action"],
        len(tasks),
        {"action": 0, "action_status": len(tasks)},
        [
            "[harder] Microsoft Planner export: plan name / id / export date as label-value lines above the header (header on line 5), 18 Planner columns",
            "status in « Progression » (« Terminée » = réalisée on « Date d'achèvement »; « En cours » = mise en œuvre, dated by the export date 02/12/2024); the bucket is the programme's rubric",
            "actions are Planner task names, shortened (« Promotion PSSM auprès des pros », « Documentaire GEM »); dates are text « dd/mm/yyyy »; booleans « false »",
        ],
    )


def website_agenda_paste(out: Path) -> tuple[str, dict]:
    """The SISM 2025 agenda copied from the CLSM website and pasted into Excel: one event = one block of lines."""
    name = "agenda_SISM_2025_copie_site.xlsx"
    nbsp, nnbsp = "\u00a0", "\u202f"
    site = "https://www.sante-mentale-territoire-messin.fr/agenda"
    # (title, day, time, place, kind line)
    events = [
        ("Ciné-débat autour du documentaire réalisé avec les adhérents des GEM", dt.date(2025, 10, 7), "18h30",
         "Cinéma Klub, Metz", "Ciné-débat · Entrée libre · Organisé par le GEM L'Albatros, le GEM Camille Claudel et le CH Jury"),
        ("Café-rencontre « Recréer du lien dans son quartier »", dt.date(2025, 10, 9), "14h00 – 16h30",
         "Médiathèque Jean-Macé, Metz-Borny", "Rencontre · Gratuit · Organisé par la Ville de Metz et le Carrefour des solidarités"),
        ("Conférence « Isolement, solitude et santé mentale »", dt.date(2025, 10, 14), "18h00",
         "Hôtel de ville de Metz, salon de Guise", "Conférence · Sur inscription · Organisé par le CLSM et l'UNAFAM 57"),
        ("Portes ouvertes du GEM Camille Claudel", dt.date(2025, 10, 15), "10h – 17h",
         "GEM Camille Claudel, Metz", "Portes ouvertes · Tout public · Organisé par le GEM Camille Claudel"),
        ("Atelier d'écriture « Des mots pour se relier »", dt.date(2025, 10, 18), "14h30",
         "Médiathèque Verlaine, Metz", "Atelier · 12 places · Organisé par les Bibliothèques-Médiathèques de Metz et le CLSM"),
    ]  # fmt: skip
    wb = Workbook()
    ws = wb.active
    ws.title = "Feuil1"
    ws["A1"] = "Agenda"
    ws["A1"].font = Font(bold=True, size=20)
    ws["A2"] = f"Semaines d'information sur la santé mentale 2025{nbsp}– Metz"
    ws["A3"] = f"«{nbsp}Pour notre santé mentale, réparons le lien social{nbsp}»"
    ws["A4"] = f"Du 6 au 19{nbsp}octobre 2025"
    row = 6
    for title, day, time, place, kind in events:
        when = f"{WEEKDAYS[day.weekday()].capitalize()} {day.day}{nbsp}{MONTHS[day.month - 1]} {day.year} · {time}"
        cell = ws.cell(row=row, column=1, value=title)
        cell.font = Font(bold=True, color="1F4E79", underline="single", size=12)
        cell.hyperlink = site
        ws.cell(row=row + 1, column=1, value=f"📅 {when}")
        ws.cell(row=row + 2, column=1, value=f"📍 {place}")
        ws.cell(row=row + 3, column=1, value=kind.replace(" · Organisé par", f" · Organisé par{nnbsp}:"))
        ws.cell(row=row + 4, column=1, value="En savoir plus ›").hyperlink = site
        row += 6
    ws.column_dimensions["A"].width = 90
    wb.save(out / name)
    return name, entry(
        ["event"],
        len(events),
        {"event": len(events)},
        [
            "[harder] pasted from the website agenda: no header row, each event is a vertical block of five lines (title, 📅 date · time, 📍 place, kind · access · organisers, « En savoir plus ›» link) separated by a blank line",
            "date and time in one French sentence with emoji prefix and non-breaking spaces (« 📅 Mardi 7\u00a0octobre 2025 · 18h30 »); narrow no-break space before the colon",
            "edition, theme and period only in the four lines above the blocks; titles are hyperlinks with web styling",
        ],
    )


def unicode_text_directory_export(out: Path) -> tuple[str, dict]:
    """The resource directory exported with Excel's « Texte Unicode » and named .csv: UTF-16, tabs."""
    name = "annuaire_structures_export.csv"
    header = ["Nom", "Sigle", "Catégorie", "Type de structure", "Code postal", "Ville", "Latitude", "Longitude"]
    rows = [
        ("Planning familial de la Moselle", "", "Prévention / santé sexuelle", "Association", "57000", "Metz",
         "49,1164", "6,1722"),
        ("Centre d'information sur les droits des femmes et des familles de la Moselle", "CIDFF 57",
         "Droit et accès aux droits", "Association", "57000", "Metz", "49,1097", "6,1801"),
        ("Association d'information et d'entraide mosellane", "AIEM", "Social / hébergement", "Association",
         "57000", "Metz", "49,1203", "6,1689"),
        ("Les Restaurants du Cœur – Moselle", "Restos du Cœur", "Aide alimentaire", "Association", "57140",
         "Woippy", "49,1511", "6,1518"),
        ("AMLI", "AMLI", "Logement accompagné", "Association", "57000", "Metz", "49,1139", "6,1757"),
        ("Carrefour des solidarités", "", "Accueil de jour", "Structure d'accueil", "57000", "Metz",
         "49,1186", "6,1783"),
    ]  # fmt: skip
    lines = ["\t".join(header)] + ["\t".join(values) for values in rows]
    (out / name).write_bytes(b"\xff\xfe" + ("\r\n".join(lines) + "\r\n").encode("utf-16-le"))
    return name, entry(
        ["structure"],
        len(rows),
        {"structure": 4},
        [
            "[harder] Excel « Texte Unicode » saved with a .csv name: UTF-16 LE with BOM, tab-separated, CRLF",
            "coordinates with a decimal comma (« 49,1164 »); postcode and town apart; category typed loosely (« Prévention / santé sexuelle »)",
            "two of the six structures (AMLI, Carrefour des solidarités) are already in the seed",
        ],
    )


def planning_grid_2026(out: Path) -> tuple[str, dict]:
    """The coordinator's yearly planning: instances down, months across, day numbers in the cells."""
    name = "planning_instances_CLSM_2026.xlsx"
    months = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
    grid: dict[str, dict[int, int | str]] = {
        "COPIL": {2: 5, 11: 26},
        "Assemblée plénière": {6: 18},
        "GP Jeunes": {3: 10, 9: 22},
        "GP Enfance / parentalité": {1: 20, 4: 14, 10: 13},
        "GP Situations de crise": {2: "24 (visio)", 5: 19},
        "GP Culture / loisirs": {3: "5 et 26", 11: 17},
        "GP Emploi / formation": {4: 2, 10: "8 (visio)"},
        "GP Précarité": {1: 29, 5: 28, 9: 24, 12: 10},
        "GP Participation / citoyenneté": {3: 17, 10: 6},
    }
    wb = Workbook()
    ws = wb.active
    ws.title = "2026"
    ws["A1"] = "Planning prévisionnel des instances du CLSM – année 2026"
    ws["A1"].font = Font(bold=True, size=13)
    header_row(ws, 3, ["Instance", *months])
    meetings = 0
    for row, (instance, cells) in enumerate(grid.items(), start=4):
        ws.cell(row=row, column=1, value=instance)
        for month, value in cells.items():
            ws.cell(row=row, column=month + 1, value=value).alignment = Alignment(horizontal="center")
            meetings += len(str(value).split(" et "))
    legend_row = 4 + len(grid) + 1
    ws.cell(
        row=legend_row,
        column=1,
        value="(visio) = réunion à distance ; sinon en présentiel (CH Jury ou chez un partenaire)",
    )
    ws.cell(row=legend_row, column=1).font = Font(italic=True, size=9)
    ws.column_dimensions["A"].width = 32
    wb.save(out / name)
    return name, entry(
        ["meeting"],
        len(grid),
        {"meeting": meetings},
        [
            "[harder] annual planning grid: one row per instance, one column per month (« janv. » … « déc. »), the cell holds the day number(s)",
            "the year is only in the sheet name and the title; two meetings in one cell (« 5 et 26 »); mode as a suffix (« 24 (visio) ») explained by a legend line",
            "data_rows counts instance rows; each day number is one meeting",
        ],
    )


FILES = [
    coordinator_follow_up_2025,
    secretary_sign_in_sheet,
    city_sism_programme_2024,
    volunteer_gem_attendance,
    intern_indicators,
    hospital_action_partners,
    social_worker_precarity_group,
    ars_cls_review,
    intern_new_partners,
    coordinator_status_checkboxes,
    form_responses_sign_in,
    outlook_calendar_export,
    planner_export,
    website_agenda_paste,
    unicode_text_directory_export,
    planning_grid_2026,
]


def main(argv: list[str] | None = None) -> int:
    """Write the sixteen files and manifest.json into OUTDIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_heldout12.py OUTDIR", file=sys.stderr)
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
