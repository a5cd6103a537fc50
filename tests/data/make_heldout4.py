"""Held-out set n°4: 16 hand-typed or exported spreadsheets for the CLSM import.

Usage: python tests/data/make_heldout4.py OUTDIR

Each file imitates what the coordinator or a partner of the CLSM of the Metz territory types in
Excel, or exports from another tool, to bring data into the dashboard. About half are ordinary
(what a careful coordinator types); the others each carry their own quirks (serial dates, merged
headers, a tally, a sign-in sheet, a calendar export, a map export, spans of dates, TOTAL rows...).
No person's name, e-mail or phone number appears anywhere. Rows dated 2022-2024 are test content,
not facts of the council's documents. OUTDIR/manifest.json says, per file, which tables it feeds,
how many data rows it holds and how many rows each table gains when the file alone is imported
into a fresh database built from data/seed/.

Standard library + openpyxl only.
"""

import csv
import datetime as dt
import json
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

NBSP = "\u00a0"
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
GROUP_FILL = PatternFill("solid", fgColor="B4C6E7")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")

MANIFEST = {}


def d(y, m, day):
    return dt.date(y, m, day)


def serial(day):
    """Excel day number (1900 system) of a date."""
    return (day - dt.date(1899, 12, 30)).days


def title(ws, row, text, ncols, size=13, bold=True, merge=True):
    ws.cell(row=row, column=1, value=text).font = Font(bold=bold, size=size)
    if merge and ncols > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)


def header(ws, row, names, fill=HEAD_FILL):
    for i, name in enumerate(names, start=1):
        c = ws.cell(row=row, column=i, value=name)
        c.font = Font(bold=True)
        c.fill = fill
        c.border = BOX
        c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


def put_row(ws, row, values, date_fmt="DD/MM/YYYY", fill=None, bold=False):
    for i, v in enumerate(values, start=1):
        if v is None:
            c = ws.cell(row=row, column=i)
        else:
            c = ws.cell(row=row, column=i, value=v)
        if isinstance(v, (dt.date, dt.datetime)):
            c.number_format = date_fmt
        c.border = BOX
        if fill:
            c.fill = fill
        if bold:
            c.font = Font(bold=True)


def widths(ws, cols):
    for letter, w in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", cols, strict=False):
        ws.column_dimensions[letter].width = w


def record(name, tables, data_rows, new_rows, quirks):
    MANIFEST[name] = {
        "tables": tables,
        "data_rows": data_rows,
        "new_rows_in_fresh_seed": new_rows,
        "quirks": quirks,
    }


def write_csv(path, rows, sep, encoding, quoting=csv.QUOTE_MINIMAL, eol="\r\n"):
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, delimiter=sep, quoting=quoting, lineterminator=eol)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])


# --------------------------------------------------------------------------------------------
# 01 ordinary: the 2022 calendar of every instance, real date cells, an hours column nobody needs
# --------------------------------------------------------------------------------------------
def f01(out):
    name = "calendrier_instances_CLSM_2022.xlsx"
    rows = [
        ("COPIL", d(2022, 2, 10), "14h - 16h", "CH Jury, salle du conseil", "Présentiel",
         "Validation du programme d'actions 2022", ""),
        ("GT Jeunes", d(2022, 3, 8), "9h30 - 11h30", "Maison des adolescents", "Présentiel",
         "Collaborations avec la MDA", ""),
        ("GT Enfance / parentalité", d(2022, 3, 22), "14h - 16h", "", "Visio",
         "Cités éducatives Metz-Borny", "Lien envoyé la veille"),
        ("GT Précarité", d(2022, 4, 5), "10h - 12h", "Carrefour des solidarités", "Présentiel",
         "Projet EMPP : point d'étape", ""),
        ("GT Culture / loisirs", d(2022, 4, 28), "14h - 16h", "Espace Bernard Marie Koltès",
         "Présentiel", "Cartographie des acteurs culturels", ""),
        ("GT Emploi / formation", d(2022, 5, 12), "14h - 16h", "Mission locale du Pays messin",
         "Hybride", "Cartographie des acteurs de l'emploi", ""),
        ("GT Situations de crise", d(2022, 6, 2), "10h - 12h", "", "Visio",
         "Repérage et orientation en situation de crise", ""),
        ("Assemblée plénière", d(2022, 6, 23), "14h - 17h", "Hôtel de Ville de Metz",
         "Présentiel", "Bilan 2021, programme 2022, présentation de l'EMPP", "Environ 70 présents"),
        ("GT Logement", d(2022, 9, 15), "14h - 16h", "", "Visio",
         "Bilan des actions avec les bailleurs", ""),
        ("GT Jeunes", d(2022, 10, 4), "9h30 - 11h30", "Maison des adolescents", "Présentiel",
         "Relais Stopblues et Écout'Émoi", ""),
        ("GT Précarité", d(2022, 10, 18), "10h - 12h", "Carrefour des solidarités", "Présentiel",
         "Premiers mois de l'EMPP", ""),
        ("COPIL", d(2022, 11, 24), "14h - 16h", "CH Jury, salle du conseil", "Hybride",
         "Suivi du programme 2022, préparation 2023", "CR diffusé le 12/12"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Calendrier 2022"
    cols = ["Instance", "Date", "Horaire", "Lieu", "Modalité", "Ordre du jour", "Observations"]
    title(ws, 1, "Conseil local de santé mentale du territoire messin", len(cols))
    title(ws, 2, "Calendrier des instances – année 2022", len(cols), size=11)
    header(ws, 4, cols)
    for i, r in enumerate(rows):
        put_row(ws, 5 + i, r)
    widths(ws, [26, 12, 13, 30, 12, 46, 24])
    wb.save(out / name)
    record(name, ["meeting"], len(rows), {"meeting": len(rows)},
           "Plain 2022 calendar with a title line, real date cells and an « Horaire » column the "
           "dashboard does not keep; GT names abbreviated (« GT Culture / loisirs »).")


# --------------------------------------------------------------------------------------------
# 02 ordinary: awareness sessions 2022-2023, one row per session
# --------------------------------------------------------------------------------------------
def f02(out):
    name = "sensibilisations_sante_mentale_2022-2023.xlsx"
    rows = [
        (d(2022, 3, 17), "Sensibilisation", "Module de base – session de printemps", "Présentiel",
         "Professionnels du social", 14, "CLSM", ""),
        (d(2022, 5, 19), "Sensibilisation", "Module de base – agents municipaux", "Distanciel",
         "Agents de la Ville de Metz", 11, "CLSM avec le CNFPT", ""),
        (d(2022, 10, 13), "Sensibilisation", "Santé mentale : repères pour les bénévoles",
         "Présentiel", "Bénévoles associatifs", 18, "CLSM et RESAM", "Pendant les SISM"),
        (d(2022, 12, 8), "Sensibilisation", "Module de base – session d'hiver", "Distanciel",
         "Professionnels du territoire", 9, "CLSM", ""),
        (d(2023, 2, 16), "Sensibilisation", "Santé mentale et insertion professionnelle",
         "Présentiel", "Conseillers emploi", 12, "CLSM et Mission locale", ""),
        (d(2023, 4, 13), "Sensibilisation", "Santé mentale des jeunes", "Distanciel",
         "Professionnels jeunesse", 16, "CLSM et MDA", ""),
        (d(2023, 9, 21), "Sensibilisation", "Santé mentale et précarité", "Présentiel",
         "Travailleurs sociaux", 20, "CLSM et EMPP", "Complet, liste d'attente"),
        (d(2023, 11, 30), "Sensibilisation", "Module de base – session d'automne", "Présentiel",
         "Professionnels du territoire", 15, "CLSM", ""),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Sessions"
    cols = ["Date", "Type", "Intitulé de la session", "Modalité", "Public", "Nb de participants",
            "Organisé par", "Remarques"]
    title(ws, 1, "Sensibilisations en santé mentale – sessions 2022 et 2023", len(cols))
    header(ws, 3, cols)
    for i, r in enumerate(rows):
        put_row(ws, 4 + i, r)
    widths(ws, [12, 15, 42, 12, 28, 12, 24, 26])
    wb.save(out / name)
    record(name, ["event"], len(rows), {"event": len(rows)},
           "Ordinary list of awareness sessions with real date cells and a free-text organiser "
           "(« CLSM et MDA »).")


# --------------------------------------------------------------------------------------------
# 03 ordinary: one GT meeting and its tally of who came (one column per category)
# --------------------------------------------------------------------------------------------
def f03(out):
    name = "GT_jeunes_2023-03-07_presences.xlsx"
    cats = ["Professionnels", "Usagers", "Aidants", "Élus", "Bénévoles"]
    tally = [
        ("Maison des adolescents de Moselle", {"Professionnels": 2}),
        ("Mission locale du Pays Messin", {"Professionnels": 1}),
        ("SUMPPS", {"Professionnels": 1}),
        ("CASA", {"Professionnels": 1}),
        ("Ville de Metz", {"Professionnels": 1, "Élus": 1}),
        ("UNAFAM Moselle", {"Aidants": 1}),
        ("GEM L'Albatros", {"Usagers": 2}),
        ("Centre hospitalier de Jury", {"Professionnels": 2}),
        ("Éducation nationale", {"Professionnels": 1}),
        ("CMPP des PEP57", {"Professionnels": 1}),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Réunion"
    mcols = ["Instance", "Date", "Lieu", "Modalité", "Ordre du jour"]
    header(ws, 1, mcols)
    put_row(ws, 2, ["GT Jeunes", d(2023, 3, 7), "Maison des adolescents", "Présentiel",
                    "Écout'Émoi : premier bilan ; relais de Stopblues"])
    widths(ws, [14, 12, 26, 12, 48])
    ws2 = wb.create_sheet("Présences")
    cols = ["Structure"] + cats + ["Total"]
    title(ws2, 1, "GT Jeunes et santé mentale – réunion du 7 mars 2023", len(cols))
    title(ws2, 2, "Décompte des présents par structure", len(cols), size=11, bold=False)
    header(ws2, 4, cols)
    row = 5
    totals = {c: 0 for c in cats}
    cells = 0
    for struct, counts in tally:
        vals = [struct] + [counts.get(c) for c in cats] + [sum(counts.values())]
        put_row(ws2, row, vals)
        for c, n in counts.items():
            totals[c] += n
            cells += 1
        row += 1
    put_row(ws2, row, ["TOTAL"] + [totals[c] or None for c in cats] + [sum(totals.values())],
            fill=TOTAL_FILL, bold=True)
    ws2.cell(row=row + 2, column=1, value="Fait à Metz le 8 mars 2023")
    widths(ws2, [34, 15, 10, 10, 8, 11, 8])
    wb.save(out / name)
    record(name, ["meeting", "attendance"], {"Réunion": 1, "Présences": len(tally)},
           {"meeting": 1, "attendance": cells},
           "A meeting sheet plus its tally (one column per role category, empty cell = nobody), "
           "the meeting named in the title line, a TOTAL row and a « Fait à Metz » line.")


# --------------------------------------------------------------------------------------------
# 04 hard: the attendance of 18/11/2021 retyped from the minutes (already in the seed), cp1252
# --------------------------------------------------------------------------------------------
def f04(out):
    name = "reunion_CLSM_18-11-2021_presences_retape.csv"
    meeting = "Réunion CLSM du 18/11/2021"
    rows = [
        ("Département 57", "Professionnels", 2, ""),
        ("Mission Locale du Pays Messin", "Professionnelle", 1, "conseillère référente santé"),
        ("SUMPPS", "Professionnelle", 1, "infirmière, site IUT Longwy"),
        ("CRP Metz - EPNAK", "Professionnel", 1, ""),
        ("ADOMA - pension de famille", "Professionnelle", 1, ""),
        ("GEM Camille Claudel", "Usager", 1, "adhérent"),
        ("SAMELY", "Professionnelle", 1, ""),
        ("ADOMA", "Professionnel", 1, ""),
        ("UNAFAM 57", "Aidants", 2, ""),
        ("CMPP PEP 57", "Professionnelle", 1, ""),
        ("Médecins du Monde Metz", "Professionnels", 2, ""),
        ("CH Jury", "Professionnels", 2, "dont coordination CLSM"),
        ("GEM L'Albatros", "Usager", 1, "président"),
        ("Eurométropole de Metz", "Professionnel", 1, "écrit « Metz Métropole » dans le CR"),
        ("GEM Camille Claudel", "Professionnelle", 1, "animatrice"),
        ("RESAM", "Bénévole", 1, ""),
        ("EMAMS", "Professionnelle", 1, ""),
        ("Villa relais - CH Jury", "Professionnelle", 1, ""),
        ("Ville de Metz - Pôle petite enfance", "Professionnelle", 1, ""),
        ("Multi-accueil Les Marmousets", "Professionnelle", 1, ""),
        ("RSMA", "Professionnels", 2, ""),
        ("DDCS 57", "Professionnel", 1, ""),
        ("CSAPA les Wads", "Professionnel", 1, "chef de service"),
    ]
    total = sum(r[2] for r in rows)
    lines = [["Réunion", "Structure", "Catégorie", "Nombre", "Remarque"]]
    lines += [[meeting, s, c, n, rem] for s, c, n, rem in rows]
    lines.append(["TOTAL", "", "", total, ""])
    write_csv(out / name, lines, ";", "cp1252")
    record(name, ["attendance"], len(rows), {"attendance": 0},
           "Windows-1252 « ; » CSV retyping the 18/11/2021 attendance already in the seed (names "
           "like « Département 57 », « CMPP PEP 57 », feminine categories) with a TOTAL line: "
           "nothing new.")


# --------------------------------------------------------------------------------------------
# 05 ordinary: partner list update, 4 already known (full name or acronym), 7 new
# --------------------------------------------------------------------------------------------
def f05(out):
    name = "partenaires_CLSM_mise_a_jour_2023.xlsx"
    known = [
        ("Centre hospitalier de Jury", "CH Jury", "Soins et prévention", "Centre hospitalier",
         "Jury", 2017, "Porteur du CLSM"),
        ("UNAFAM Moselle", "UNAFAM", "Usagers et aidants", "Association", "Metz", None, ""),
        ("Maison des Adolescents de Moselle", "MDA", "Soins et prévention",
         "Maison des adolescents", "Metz", None, ""),
        ("Mission Locale du Pays Messin", "", "Emploi et formation", "Mission locale", "Metz",
         None, ""),
    ]
    new = [
        ("Union départementale des associations familiales de la Moselle", "UDAF 57",
         "Droit et protection des personnes", "Association", "Metz", 2022,
         "Protection juridique des majeurs"),
        ("Centre communal d'action sociale de Metz", "CCAS", "Accompagnement social et médico-social",
         "Établissement public communal", "Metz", 2022, ""),
        ("Maison de santé pluriprofessionnelle de Borny", "MSP Borny", "Soins et prévention",
         "Maison de santé", "Metz", 2022, ""),
        ("Service d'accompagnement à la vie sociale Les Tilleuls", "SAVS",
         "Accompagnement social et médico-social", "SAVS", "Montigny-lès-Metz", 2023, ""),
        ("Bibliothèques-Médiathèques de Metz", "BMM", "Culture et loisirs", "Service municipal",
         "Metz", 2023, "Relais SISM"),
        ("Centre social et culturel de Woippy", "", "Culture et loisirs", "Centre social",
         "Woippy", 2023, ""),
        ("Club de prévention spécialisée de Metz-Nord", "", "Accompagnement social et médico-social",
         "Association", "Metz", 2023, "Contact pris au GT Jeunes"),
    ]
    rows = known[:2] + new[:3] + known[2:] + new[3:]
    wb = Workbook()
    ws = wb.active
    ws.title = "Partenaires"
    cols = ["Structure", "Sigle", "Secteur", "Type de structure", "Commune", "Partenaire depuis",
            "Remarques"]
    title(ws, 1, "Liste des partenaires du CLSM – mise à jour septembre 2023", len(cols))
    header(ws, 3, cols)
    for i, r in enumerate(rows):
        put_row(ws, 4 + i, r)
    widths(ws, [52, 10, 36, 28, 20, 12, 30])
    wb.save(out / name)
    record(name, ["structure"], len(rows), {"structure": len(new)},
           "Partner list mixing four structures already in the seed (CH Jury, UNAFAM, MDA, Mission "
           "locale) with seven new ones, sectors written with a capital, member since as a year.")


# --------------------------------------------------------------------------------------------
# 06 ordinary: follow-up of the 2022 programme, exact titles copied from the dashboard + 2 new
# --------------------------------------------------------------------------------------------
P22 = {
    "p22-01": "Module de sensibilisation en santé mentale accessible à distance",
    "p22-03": "Promotion des Premiers secours en santé mentale (PSSM) auprès des professionnels "
              "du territoire messin",
    "p22-04": "Mise à jour des outils de coordination et de communication et consultation des "
              "partenaires sur leurs évolutions",
    "p22-05": "Poursuite de l'organisation des Semaines d'information sur la santé mentale (SISM)",
    "p22-06": "Version grand public du guide santé mentale",
    "p22-07": "Documentaire sur l'expérience de vie avec des troubles psychiques (témoignages "
              "d'adhérents des GEM)",
    "p22-08": "Projet d'accès au théâtre porté par l'Espace Bernard Marie Koltès",
    "p22-09": "Cartographie des acteurs de la culture et des loisirs, puis actions d'information "
              "et de sensibilisation de leurs professionnels",
    "p22-13": "Création d'une équipe mobile psychiatrie précarité (EMPP) sur le territoire messin",
    "p22-16": "Actions d'information, de sensibilisation et de concertation pluriprofessionnelle "
              "« Cités éducatives » au QPV Metz-Borny",
    "p22-19": "Développement des collaborations entre les acteurs locaux et la Maison des "
              "adolescents de Moselle",
    "p22-20": "Communication sur les dispositifs de prévention du mal-être des jeunes (dont "
              "Stopblues)",
}


def f06(out):
    name = "suivi_programme_actions_2022.xlsx"
    F, C, INC, P, E, J = ("Formation en santé mentale", "Coordination dans le cadre du CLSM",
                        "Inclusion dans la cité", "Situations de précarité", "Enfance/parentalité",
                        "Jeunes")
    known = [
        (F, P22["p22-01"], "", "En cours", "CH Jury", "Module testé par deux structures"),
        (F, P22["p22-03"], "", "En cours", "", "Sessions PSSM relayées dans la lettre d'info"),
        (C, P22["p22-04"], "", "Réalisé", "", "Guide et carte mis à jour en juin"),
        (INC, P22["p22-05"], "", "Réalisé", "", "SISM du 10 au 23 octobre"),
        (INC, P22["p22-06"], "", "A lancer", "", "Reporté au programme 2023"),
        (INC, P22["p22-07"], "", "En cours", "", "Tournage terminé, montage en cours"),
        (INC, P22["p22-08"], "Culture/loisirs", "Abandonné", "Espace Koltès",
         "Pas de financement obtenu"),
        (INC, P22["p22-09"], "Culture/loisirs", "En cours", "", ""),
        (P, P22["p22-13"], "Précarité", "Réalisé", "CH Jury", "EMPP en place depuis septembre"),
        (E, P22["p22-16"], "Enfance/parentalité", "En préparation", "Ville de Metz", ""),
        (J, P22["p22-19"], "Jeunes", "En cours", "MDA", ""),
        (J, P22["p22-20"], "Jeunes", "Réalisé", "", "Affiches diffusées dans les lycées"),
    ]
    new = [
        (INC, "Groupe de parole pour les proches aidants", "", "En préparation", "UNAFAM",
         "Nouvelle action proposée par l'UNAFAM"),
        (J, "Ciné-débat pour les lycéens pendant les SISM", "Jeunes", "Réalisé", "MDA",
         "Nouvelle action, 2 classes"),
    ]
    rows = known[:9] + [new[0]] + known[9:] + [new[1]]
    wb = Workbook()
    ws = wb.active
    ws.title = "Suivi 2022"
    cols = ["Rubrique", "Action", "Thématique", "Avancement", "Porteur", "Commentaires"]
    title(ws, 1, "Programme d'actions 2022 – suivi", len(cols))
    title(ws, 2, "Point d'avancement présenté au COPIL du 24 novembre 2022", len(cols), size=11,
          bold=False)
    header(ws, 4, cols)
    for i, r in enumerate(rows):
        put_row(ws, 5 + i, r)
        ws.cell(row=5 + i, column=2).alignment = Alignment(wrap_text=True)
    widths(ws, [30, 70, 20, 16, 16, 40])
    wb.save(out / name)
    record(name, ["action"], len(rows), {"action": len(new)},
           "Status follow-up of twelve 2022 actions with titles copied from the dashboard, statuses "
           "in people's words, no plan column (the title line names the programme) and two new "
           "actions typed in between.")


# --------------------------------------------------------------------------------------------
# 07 ordinary: indicator results of sheet n°15, long format, « ; » UTF-8
# --------------------------------------------------------------------------------------------
F15_LABELS = {
    "proc-1": "Nombre d'actions réalisées par rapport au prévisionnel.",
    "proc-2": "Nombre et typologie des réunions organisées dans le cadre du CLSM.",
    "proc-3": "Nombre et typologie des acteurs représentés dans les instances du CLSM.",
    "res-1": "Nombre de partenaires qui déclarent avoir développé des collaborations dans le "
             "cadre du CLSM.",
    "res-2": "Professionnels impliqués dans le CLSM qui déclarent mieux connaître l'offre et les "
             "besoins en matière de santé mentale de la population.",
}


def f07(out):
    name = "indicateurs_fiche15_2021-2023.csv"
    rows = [
        ("proc-2", 2021, "26", "Compte rendu du 18/11/2021", "Groupes thématiques", True),
        ("proc-3", 2021, "90", "Compte rendu du 18/11/2021", "", True),
        ("proc-1", 2022, "12 / 20", "Tableau de suivi", "", False),
        ("proc-2", 2022, "31 réunions", "Calendrier des instances",
         "2 COPIL, 1 plénière, 28 GT", False),
        ("proc-3", 2022, "environ 110", "Listes d'émargement", "", False),
        ("res-1", 2022, "38", "Questionnaire partenaires", "", False),
        ("proc-1", 2023, "15 / 20", "Tableau de suivi", "", False),
        ("proc-2", 2023, "29", "Calendrier des instances", "", False),
        ("proc-3", 2023, "124", "Listes d'émargement", "", False),
        ("res-1", 2023, "45", "Questionnaire partenaires", "", False),
        ("res-2", 2023, "78 %", "Questionnaire partenaires", "52 répondants", False),
    ]
    lines = [["Fiche", "Indicateur", "Année", "Résultat", "Source", "Commentaire"]]
    lines += [["15", F15_LABELS[k], y, v, s, c] for k, y, v, s, c, _ in rows]
    write_csv(out / name, lines, ";", "utf-8", eol="\n")
    record(name, ["indicator_value"], len(rows),
           {"indicator_value": sum(1 for r in rows if not r[5])},
           "Long « ; » UTF-8 list of sheet n°15 results by year, two 2021 values already in the "
           "seed, results such as « 12 / 20 », « 31 réunions », « environ 110 », « 78 % ».")


# --------------------------------------------------------------------------------------------
# 08 ordinary: one row per SISM edition, 2017-2020 retyped from the seed, 2021-2023 new
# --------------------------------------------------------------------------------------------
def f08(out):
    name = "bilan_SISM_2017-2023.xlsx"
    rows = [
        (2017, "SISM", "Santé mentale et travail", 7, 6, 200, "", True),
        (2018, "SISM", "Santé mentale et parentalité", 13, 17, 800, "", True),
        (2019, "SISM", "Santé mentale à l'ère du numérique", 19, 9, 250, "", True),
        (2020, "SISM", "Santé mentale et discriminations", None, None, None,
         "Diffusion en direct (crise sanitaire)", True),
        (2021, "SISM", "Pour ma santé mentale, respectons mes droits", 15, 8, "environ 400",
         "Plusieurs temps en visio", False),
        (2022, "SISM", "Pour notre santé mentale, agissons pour notre environnement", 21, 14, 1200,
         "", False),
        (2023, "SISM", "À tous les âges de la vie, ma santé mentale est un droit", 24, 16, 950,
         "", False),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "SISM"
    cols = ["Année", "Type", "Thème", "Partenaires", "Manifestations", "Participants",
            "Commentaires"]
    title(ws, 1, "Semaines d'information sur la santé mentale – bilan des éditions", len(cols))
    header(ws, 3, cols)
    for i, r in enumerate(rows):
        put_row(ws, 4 + i, r[:7])
        ws.cell(row=4 + i, column=6).number_format = "# ##0"
    widths(ws, [8, 8, 58, 12, 15, 13, 36])
    wb.save(out / name)
    record(name, ["event"], len(rows), {"event": sum(1 for r in rows if not r[7])},
           "One row per SISM edition by year; 2017-2020 retype the seed, the 2020 edition has no "
           "counts and 2021 says « environ 400 ».")


# --------------------------------------------------------------------------------------------
# 09 hard: history of COPIL and plenaries, month words for old ones, raw Excel serials after
# --------------------------------------------------------------------------------------------
def f09(out):
    name = "historique_COPIL_pleniere_2017-2024.xlsx"
    old = [("COPIL", "fév. 2017"), ("Plénière", "mai 2017"), ("COPIL", "oct. 2018"),
           ("Plénière", "oct. 2018"), ("Plénière", "déc. 2019"), ("COPIL", "février 2020")]
    new = [
        [("COPIL", d(2022, 2, 10), "CH Jury", 14, ""),
         ("Plénière", d(2022, 6, 23), "Hôtel de Ville", "environ 70", ""),
         ("COPIL", d(2022, 11, 24), "CH Jury", 12, "en hybride")],
        [("COPIL", d(2023, 3, 16), "CH Jury", 13, ""),
         ("Plénière", d(2023, 6, 29), "Hôtel de Ville", 31, "voir émargement"),
         ("COPIL", d(2023, 11, 23), "CH Jury", 11, "")],
        [("COPIL", d(2024, 3, 14), "CH Jury", 15, ""),
         ("Plénière", d(2024, 6, 27), "Arsenal", "", "chiffres à venir")],
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Instances"
    cols = ["Instance", "Date", "Lieu", "Nb présents", "Remarques"]
    title(ws, 1, "HISTORIQUE DES INSTANCES DU CLSM", len(cols), size=14)
    title(ws, 2, "(COPIL et assemblées plénières depuis 2017)", len(cols), size=10, bold=False)
    header(ws, 4, cols)
    row = 5
    for inst, when in old:
        put_row(ws, row, [inst, when, None, None, "d'après « Avancée des projets »"])
        row += 1
    for block in new:
        row += 1  # blank row between years
        for inst, day, place, n, rem in block:
            put_row(ws, row, [inst, serial(day), place, n, rem])
            ws.cell(row=row, column=2).number_format = "General"
            row += 1
    ws.cell(row=row + 2, column=1,
            value="NB : pas de COPIL ni de plénière en 2021 (crise sanitaire).")
    widths(ws, [14, 14, 18, 12, 34])
    wb.save(out / name)
    n_new = sum(len(b) for b in new)
    record(name, ["meeting"], len(old) + n_new, {"meeting": n_new},
           "Six 2017-2020 instances already in the seed written as « fév. 2017 »/« février 2020 », "
           "then 2022-2024 dates left as raw Excel day numbers (General format), blank rows between "
           "years, a useless « Nb présents » column and an NB line under the table.")


# --------------------------------------------------------------------------------------------
# 10 hard: plenary of 29/06/2023 and its anonymised sign-in sheet (one row per person)
# --------------------------------------------------------------------------------------------
def f10(out):
    name = "emargement_pleniere_2023-06-29.xlsx"
    # (what is typed, quality typed, structure id, role category) - ids only to count the manifest
    people = [
        ("CH Jury", "Professionnelle", "ch-jury", "professionnel"),
        ("CH Jury", "Professionnel", "ch-jury", "professionnel"),
        ("Centre Hospitalier de Jury", "Professionnelle", "ch-jury", "professionnel"),
        ("EMPP (CH Jury)", "Professionnel", "ch-jury-empp", "professionnel"),
        ("EMPP", "Professionnelle", "ch-jury-empp", "professionnel"),
        ("Ville de Metz", "Élue", "ville-metz", "élu"),
        ("Ville de Metz", "Professionnel", "ville-metz", "professionnel"),
        ("Eurométropole de Metz", "Élu", "eurometropole-metz", "élu"),
        ("ARS Grand Est", "Professionnelle", "ars-grand-est", "professionnel"),
        ("Département de la Moselle", "Professionnel", "departement-moselle", "professionnel"),
        ("UNAFAM 57", "Aidante", "unafam-moselle", "aidant"),
        ("UNAFAM 57", "Aidant", "unafam-moselle", "aidant"),
        ("UNAFAM Moselle", "Aidante", "unafam-moselle", "aidant"),
        ("GEM Camille Claudel", "Usager", "gem-camille-claudel", "usager"),
        ("GEM Camille Claudel", "Usagère", "gem-camille-claudel", "usager"),
        ("GEM L'Albatros", "Usager", "gem-albatros", "usager"),
        ("GEM L'Albatros", "Professionnelle (animatrice)", "gem-albatros", "professionnel"),
        ("Maison des Ados de Moselle", "Professionnel", "mda-moselle", "professionnel"),
        ("Mission locale du Pays messin", "Professionnelle", "mission-locale-pays-messin",
         "professionnel"),
        ("Carrefour des solidarités", "Bénévole", "carrefour-solidarites", "bénévole"),
        ("Carrefour des solidarités", "Professionnel", "carrefour-solidarites", "professionnel"),
        ("Médecins du Monde", "Bénévole", "medecins-du-monde-metz", "bénévole"),
        ("RESAM", "Bénévole", "resam", "bénévole"),
        ("ADOMA", "Professionnelle", "adoma", "professionnel"),
        ("AMLI", "Professionnel", "amli", "professionnel"),
        ("ARELOR", "Professionnelle", "arelor", "professionnel"),
        ("CMSEA", "Professionnel", "cmsea", "professionnel"),
        ("IREPS", "Professionnelle", "ireps-lorraine", "professionnel"),
        ("Espace Bernard-Marie Koltès", "Professionnel", "espace-bernard-marie-koltes",
         "professionnel"),
        ("Pôle emploi", "Professionnelle", "pole-emploi", "professionnel"),
        ("MDPH", "Professionnel", "mdph", "professionnel"),
    ]
    meals = ["Oui", "Non", "Oui", "Oui", "Non", "Non", "Oui", "Non"]
    wb = Workbook()
    ws = wb.active
    ws.title = "Réunion"
    header(ws, 1, ["Instance", "Date", "Lieu", "Modalité", "Ordre du jour"])
    put_row(ws, 2, ["Assemblée plénière", "29 juin 2023", "Hôtel de Ville de Metz – grand salon",
                    "Présentiel", "Bilan 2022 ; présentation de l'EMPP ; programme 2023"])
    widths(ws, [20, 14, 34, 12, 52])
    ws2 = wb.create_sheet("Émargement")
    cols = ["N°", "Structure / organisme", "Qualité", "Émargé", "Repas"]
    title(ws2, 1, "Assemblée plénière du CLSM – jeudi 29 juin 2023", len(cols))
    title(ws2, 2, "Liste d'émargement (noms et signatures retirés avant transmission)", len(cols),
          size=10, bold=False)
    header(ws2, 4, cols)
    for i, (typed, quality, _, _) in enumerate(people):
        put_row(ws2, 5 + i, [i + 1, typed, quality, "oui", meals[i % len(meals)]])
    ws2.cell(row=5 + len(people) + 1, column=2, value=f"Nombre de présents : {len(people)}")
    widths(ws2, [5, 34, 28, 9, 8])
    wb.save(out / name)
    pairs = {(sid, cat) for _, _, sid, cat in people}
    record(name, ["meeting", "attendance"], {"Réunion": 1, "Émargement": len(people)},
           {"meeting": 1, "attendance": len(pairs)},
           "Anonymised sign-in sheet, one row per person, the same structure written several ways "
           "(« CH Jury »/« Centre Hospitalier de Jury », « UNAFAM 57 »/« UNAFAM Moselle »), feminine "
           "qualities, a meal column and the meeting date in words on its own sheet.")


# --------------------------------------------------------------------------------------------
# 11 hard: CLS 2022-2026 sheets, two header rows with merged groups, spans of dates, « 1 200 € »
# --------------------------------------------------------------------------------------------
def f11(out):
    name = "suivi_fiches_CLS_2022-2026_axe2.xlsx"
    rows = [
        ("Axe 2", 15, "Coordination du Conseil local de santé mentale", "CH Jury",
         "Coordonnateur CLSM", "janv. 2022", "déc. 2026", f"5{NBSP}000 €", "ARS, Ville de Metz",
         "En cours", "Module numérique en ligne depuis mars 2023", True),
        ("Axe 2", 16, "Collaboration entre l'EMPP et les acteurs locaux du territoire messin",
         "CH Jury", "EMPP", "sept. 2022", "fin 2024", "1 200 €", "ARS", "En cours", "", False),
        ("Axe 2", 17, "Premiers secours en santé mentale pour les professionnels messins",
         "Centre Pierre Janet", "Coordonnateur CLSM", "2e semestre 2023", "2025",
         f"3{NBSP}500,00 €", "Ville de Metz", "En préparation", "2 sessions prévues", False),
        ("Axe 2", 18, "Prévention du mal-être des jeunes : relais des dispositifs existants",
         "MDA 57", "GT Jeunes", d(2023, 3, 1), d(2024, 12, 31), None, None, "En cours",
         "Budget à définir", False),
        ("Axe 2", 19, "Concertation logement et santé mentale avec les bailleurs", "CH Jury",
         "GT Logement", "2024", "2026", None, None, "A lancer", "", False),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Axe 2 santé mentale"
    cols = ["Axe", "N°", "Intitulé", "Porteur", "Pilote", "Début", "Échéance", "Montant",
            "Financeurs", "État", "Observations"]
    title(ws, 1, "CLS Ville de Metz 2022-2026 – Axe 2 : Promouvoir le bien-être psychique",
          len(cols))
    title(ws, 2, "Suivi des fiches actions portées ou co-animées par le CLSM – mise à jour au "
          "15/01/2024", len(cols), size=10, bold=False)
    groups = [(1, 3, "Fiche action"), (4, 5, "Responsables"), (6, 7, "Calendrier"),
              (8, 9, "Budget"), (10, 11, "Suivi")]
    for a, b, text in groups:
        c = ws.cell(row=4, column=a, value=text)
        c.font = Font(bold=True)
        c.fill = GROUP_FILL
        c.alignment = Alignment(horizontal="center")
        for col in range(a, b + 1):
            ws.cell(row=4, column=col).border = BOX
        ws.merge_cells(start_row=4, start_column=a, end_row=4, end_column=b)
    header(ws, 5, cols)
    for i, r in enumerate(rows):
        put_row(ws, 6 + i, r[:11])
        ws.cell(row=6 + i, column=3).alignment = Alignment(wrap_text=True)
    widths(ws, [7, 5, 52, 18, 20, 16, 12, 13, 20, 14, 36])
    wb.save(out / name)
    record(name, ["action"], len(rows), {"action": sum(1 for r in rows if not r[11])},
           "Two header rows (merged group cells above the column names), plan only in the title "
           "line, starts and deadlines as spans (« sept. 2022 », « 2e semestre 2023 », « fin 2024 »), "
           "amounts « 1 200 € » and « 3 500,00 € » with a no-break space; sheet n°15 already exists.")


# --------------------------------------------------------------------------------------------
# 12 hard: the same indicators as a crosstab, one column per year
# --------------------------------------------------------------------------------------------
def f12(out):
    name = "indicateurs_fiche15_tableau_croise.xlsx"
    rows = [
        ("Processus", F15_LABELS["proc-1"].rstrip("."), None, "12/20", "15/20",
         "Tableau de suivi"),
        ("Processus", F15_LABELS["proc-2"].rstrip("."), 26, 31, 29, "Calendrier des instances"),
        ("Processus", F15_LABELS["proc-3"].rstrip("."), 90, "env. 110", 124, "Émargements"),
        ("Résultat", F15_LABELS["res-1"].rstrip("."), None, 38, 45, "Questionnaire annuel"),
        ("Résultat", F15_LABELS["res-2"].rstrip("."), None, None, 0.78, "Questionnaire annuel"),
    ]
    existing_2021 = 2  # proc-2 and proc-3 for 2021 are in the seed
    wb = Workbook()
    ws = wb.active
    ws.title = "Indicateurs fiche 15"
    cols = ["Type", "Indicateur", 2021, 2022, 2023, "Source des données"]
    title(ws, 1, "Fiche n°15 – Coordination du CLSM : indicateurs d'évaluation", len(cols))
    title(ws, 2, "Bilan annuel – valeurs par année", len(cols), size=10, bold=False)
    header(ws, 4, cols)
    cells = 0
    for i, r in enumerate(rows):
        put_row(ws, 5 + i, r)
        ws.cell(row=5 + i, column=2).alignment = Alignment(wrap_text=True)
        if isinstance(r[4], float):
            ws.cell(row=5 + i, column=5).number_format = "0%"
        cells += sum(1 for v in r[2:5] if v is not None)
    widths(ws, [12, 70, 9, 9, 9, 24])
    wb.save(out / name)
    record(name, ["indicator_value"], len(rows), {"indicator_value": cells - existing_2021},
           "Crosstab with one column per year (headers 2021/2022/2023 as numbers), labels without "
           "their final full stop, « 12/20 », « env. 110 » and a 78 % stored as 0.78 in a percent "
           "cell; the 2021 values 26 and 90 are already in the seed.")


# --------------------------------------------------------------------------------------------
# 13 hard: a calendar export (French Outlook CSV) of the 2024 meetings
# --------------------------------------------------------------------------------------------
def f13(out):
    name = "export_agenda_outlook_CLSM_2024.csv"
    cols = ["Objet", "Date de début", "Heure de début", "Date de fin", "Heure de fin",
            "Journée entière", "Rappel actif/inactif", "Date de rappel", "Heure de rappel",
            "Organisateur de la réunion", "Participants obligatoires", "Participants facultatifs",
            "Ressources de la réunion", "Afficher la disponibilité", "Catégories",
            "Critère de diffusion", "Description", "Emplacement", "Informations facturation",
            "Kilométrage", "Priorité", "Privé", "Respect de la confidentialité"]
    teams = "Réunion Microsoft Teams"
    events = [
        ("GT Précarité", d(2024, 1, 16), "10:00", "12:00", "Carrefour des solidarités",
         "Ordre du jour :\n- bilan EMPP 2023\n- rencontre avec les CMP"),
        ("GT Jeunes", d(2024, 1, 25), "09:30", "11:30", "Maison des adolescents, salle 2",
         "Ordre du jour :\n- Écout'Émoi\n- préparation SISM 2024"),
        ("GT Logement", d(2024, 2, 8), "14:00", "16:00", teams,
         "Concertation avec les bailleurs"),
        ("COPIL CLSM", d(2024, 3, 14), "14:00", "16:00", "CH Jury - salle du conseil",
         "Bilan 2023 et programme 2024"),
        ("GT Enfance-parentalité", d(2024, 3, 21), "14:00", "16:00", teams,
         "Réseau psypérinatalité : point d'étape"),
        ("GT Culture et loisirs", d(2024, 4, 11), "14:00", "16:00",
         "Espace Bernard Marie Koltès", "Accès au théâtre : nouvelle piste"),
        ("GT Participation et citoyenneté", d(2024, 5, 16), "14:00", "16:30",
         "GEM Camille Claudel", "Place des usagers dans les instances"),
        ("Plénière CLSM", d(2024, 6, 27), "14:00", "17:00", "Arsenal, salle de l'Esplanade",
         "Assemblée plénière annuelle"),
        ("GT Précarité", d(2024, 9, 17), "10:00", "12:00", "Carrefour des solidarités", ""),
        ("GT Jeunes", d(2024, 10, 3), "09:30", "11:30", teams, "Bilan SISM jeunes"),
    ]
    lines = [cols]
    for subj, day, start, end, place, desc in events:
        ds = day.strftime("%d/%m/%Y")
        h, m = (int(x) for x in start.split(":"))
        remind = (dt.datetime(2000, 1, 1, h, m) - dt.timedelta(minutes=15)).strftime("%H:%M:%S")
        lines.append([subj, ds, start + ":00", ds, end + ":00", "Faux", "Vrai", ds, remind,
                      "Coordination CLSM", "", "", "", "2", "CLSM", "Normal", desc, place, "",
                      "", "Normale", "Faux", "Normal"])
    write_csv(out / name, lines, ",", "utf-8-sig", quoting=csv.QUOTE_ALL)
    record(name, ["meeting"], len(events), {"meeting": len(events)},
           "Outlook calendar export (UTF-8 with BOM, « , », every field quoted) with 23 columns, "
           "date and time split, line breaks inside descriptions and the instance only in « Objet » "
           "(« COPIL CLSM », « Plénière CLSM », « GT Enfance-parentalité »).")


# --------------------------------------------------------------------------------------------
# 14 hard: an export of the resource map tool, cp1252, decimal commas, postal codes
# --------------------------------------------------------------------------------------------
def f14(out):
    name = "carte_ressources_export_structures.csv"
    cols = ["id", "nom", "sigle", "categorie", "adresse", "cp", "ville", "latitude", "longitude",
            "site", "date_maj"]
    known = [
        (12, "Centre Hospitalier de Jury", "CH Jury", "Soins", "1 rue du Château", "57245",
         "Jury", "49,1068", "6,2428", "12/01/2024"),
        (15, "Maison des Adolescents de Moselle", "MDA 57", "Jeunesse", "", "57000", "Metz",
         "49,1172", "6,1757", "12/01/2024"),
        (21, "UNAFAM Moselle", "UNAFAM", "Usagers & familles", "", "57000", "Metz", "49,1134",
         "6,1721", "03/02/2024"),
        (22, "GEM Camille Claudel", "", "Usagers & familles", "", "57000", "Metz", "49,1098",
         "6,1802", "03/02/2024"),
        (30, "France Travail (ex Pôle emploi)", "", "Insertion / emploi", "", "57000", "Metz",
         "49,1031", "6,1874", "15/03/2024"),
        (31, "Mission Locale du Pays Messin", "", "Insertion / emploi", "", "57000", "Metz",
         "49,1205", "6,1693", "15/03/2024"),
    ]
    new = [
        (40, "Centre communal d'action sociale de Metz", "CCAS", "Social / médico-social",
         "", "57000", "Metz", "49,1190", "6,1770", "20/03/2024"),
        (41, "UDAF de la Moselle", "UDAF 57", "Protection juridique", "", "57000", "Metz",
         "49,1102", "6,1689", "20/03/2024"),
        (42, "Maison de santé pluriprofessionnelle de Borny", "MSP Borny", "Soins", "",
         "57070", "Metz", "49,1105", "6,2160", "20/03/2024"),
        (43, "Résidence accueil de Woippy", "", "Logement / hébergement", "", "57140",
         "Woippy", "49,1510", "6,1510", "02/04/2024"),
        (44, "Point accueil écoute jeunes de Montigny", "PAEJ", "Jeunesse", "", "57950",
         "Montigny-lès-Metz", "49,0985", "6,1540", "02/04/2024"),
        (45, "Centre social de Marly", "", "Culture / loisirs", "", "57155", "Marly", "49,0640",
         "6,1550", "02/04/2024"),
    ]
    lines = [cols]
    for r in known + new:
        lines.append(list(r[:9]) + [""] + [r[9]])
    write_csv(out / name, lines, ";", "cp1252")
    record(name, ["structure"], len(known) + len(new), {"structure": len(new)},
           "Windows-1252 « ; » export of the resource map: the tool's own categories instead of "
           "sectors, postal codes (not INSEE codes), coordinates with decimal commas, an empty "
           "« site » column, and Pôle emploi under its new name « France Travail (ex Pôle emploi) ».")


# --------------------------------------------------------------------------------------------
# 15 hard: SISM 2024 programme and attendance, dates in words, approximate counts, TOTAL, footer
# --------------------------------------------------------------------------------------------
def f15(out):
    name = "SISM_2024_programme_bilan.xlsx"
    rows = [
        ("du 7 au 18 octobre 2024", "SISM", "Exposition « Bouger pour son moral »",
         "Médiathèque du Pontiffroy", 3, "environ 300", "Passages estimés sur la durée"),
        ("mardi 8 octobre 2024", "SISM", "Ciné-débat « Le pas de côté »", "Cinéma, centre-ville",
         4, "près de 80", ""),
        ("mer. 9 octobre 2024", "SISM", "Marche solidaire autour du plan d'eau", "Plan d'eau", 5,
         "≈ 120", "Départ 14h"),
        ("jeudi 10 octobre 2024", "SISM", "Conférence « Activité physique et santé mentale »",
         "Campus du Saulcy", 2, 65, ""),
        ("vendredi 11 octobre 2024", "SISM", "Portes ouvertes des GEM", "GEM Camille Claudel", 2,
         35, ""),
        ("lundi 14 octobre 2024", "SISM", "Atelier danse inclusive", "Centre social", 2, 22,
         "Adhérents GEM et habitants"),
        ("mardi 15 octobre 2024", "SISM", "Ciné-débat lycéens", "Maison des adolescents", 3,
         "plus de 50", "2 classes"),
        ("jeudi 17 octobre 2024", "SISM", "Table ronde « Sport, emploi et santé mentale »",
         "Mission locale", 4, 40, ""),
        ("samedi 19 octobre 2024", "SISM", "Tournoi de foot inclusif", "Complexe sportif", 3,
         None, "Pas de comptage"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "SISM 2024"
    cols = ["Date", "Type", "Manifestation", "Lieu", "Nb partenaires", "Fréquentation",
            "Remarques"]
    title(ws, 1, "SISM 2024 – « En mouvement pour notre santé mentale »", len(cols), size=14)
    title(ws, 2, "Programme et fréquentation – territoire messin (57)", len(cols), size=11,
          bold=False)
    header(ws, 4, cols)
    for i, r in enumerate(rows):
        put_row(ws, 5 + i, r)
    t = 5 + len(rows)
    put_row(ws, t, ["TOTAL", None, f"{len(rows)} manifestations", None,
                    sum(r[4] for r in rows), "≈ 710", None], fill=TOTAL_FILL, bold=True)
    ws.cell(row=t + 3, column=1,
            value="Fait à Metz le 4 novembre 2024 – la coordination du CLSM")
    widths(ws, [26, 7, 48, 28, 14, 14, 30])
    wb.save(out / name)
    record(name, ["event"], len(rows), {"event": len(rows)},
           "One row per SISM 2024 manifestation with dates in words (« mer. 9 octobre 2024 », "
           "a span « du 7 au 18 octobre 2024 »), counts « environ 300 », « ≈ 120 », « plus de 50 », "
           "a place column the table does not keep, a TOTAL row and a « Fait à Metz » footer.")


# --------------------------------------------------------------------------------------------
# 16 ordinary: the 2023 meetings of the project groups
# --------------------------------------------------------------------------------------------
def f16(out):
    name = "reunions_groupes_projets_2023.xlsx"
    rows = [
        ("GT Précarité", d(2023, 1, 17), "Carrefour des solidarités", "Présentiel",
         "Bilan des premiers mois de l'EMPP", ""),
        ("GT Logement", d(2023, 2, 9), "", "Visio", "Concertation avec les bailleurs", ""),
        ("GT Jeunes", d(2023, 3, 7), "Maison des adolescents", "Présentiel",
         "Écout'Émoi : premier bilan", ""),
        ("GT Enfance/parentalité", d(2023, 3, 23), "Ville de Metz, pôle petite enfance",
         "Présentiel", "Réseau psypérinatalité", ""),
        ("GT Culture/loisirs", d(2023, 4, 13), "Espace Bernard Marie Koltès", "Présentiel",
         "Cartographie des acteurs culturels", ""),
        ("GT Emploi/formation", d(2023, 5, 11), "Mission locale du Pays messin", "Hybride",
         "Sensibilisation des conseillers emploi", ""),
        ("GT Situations de crise", d(2023, 5, 25), "", "Visio",
         "Fiche réflexe situations de crise", "Peu de présents"),
        ("GT Participation/citoyenneté", d(2023, 6, 15), "GEM L'Albatros", "Présentiel",
         "Place des usagers et des aidants", "Première réunion du groupe"),
        ("GT Précarité", d(2023, 9, 19), "Carrefour des solidarités", "Présentiel",
         "Intervention des CMP auprès des personnes en précarité", ""),
        ("GT Jeunes", d(2023, 10, 3), "Maison des adolescents", "Présentiel",
         "Bilan SISM et relais Stopblues", ""),
        ("GT Logement", d(2023, 11, 9), "", "Visio", "Suites de la concertation", ""),
        ("GT Enfance/parentalité", d(2023, 11, 28), "CMP Winnicott", "Présentiel",
         "Cartographie périnatalité", ""),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "GT 2023"
    cols = ["Groupe", "Date de réunion", "Lieu", "Format", "Sujets abordés", "Remarques"]
    title(ws, 1, "Groupes projets du CLSM – réunions 2023", len(cols))
    header(ws, 3, cols)
    for i, r in enumerate(rows):
        put_row(ws, 4 + i, r)
    widths(ws, [30, 14, 34, 12, 50, 26])
    wb.save(out / name)
    record(name, ["meeting"], len(rows), {"meeting": len(rows)},
           "Ordinary list of the 2023 project-group meetings, one sheet, « GT » names for the "
           "groups and real date cells.")


def main(argv):
    if len(argv) != 2:
        print("usage: make_heldout4.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for make in (f01, f02, f03, f04, f05, f06, f07, f08, f09, f10, f11, f12, f13, f14, f15,
                 f16):
        make(out)
    with open(out / "manifest.json", "w", encoding="utf-8") as fh:
        json.dump(MANIFEST, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    print(f"{len(MANIFEST)} files written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
