"""Workbooks typed the way the coordinator types them (headers of their own, dates in words, amounts with €,
« environ 620 », a TOTAL row, a source line under the table…), written as small .xlsx/.csv files under
tests/data/human/ (training: the tests use them) and tests/data/human/heldout/ (never used while tuning the
importer: only measured).

    .venv/bin/python -m tests.data.make_human            # write the files that are missing (--write: all)
    .venv/bin/python -m tests.data.make_human --measure  # share read at the first and at the second try
    .venv/bin/python -m tests.data.make_human --measure --folder /tmp/heldout2   # another set, by its manifest

The measure imports each file into a fresh copy of the seed database: « first try » is a plan made with no
question (no refusal, no probable duplicate to decide); « second try » is a plan made after the coordinator
answered each question once (a column mapped, a name matched, the duplicates decided), choosing the answer
written in the workbook's spec among the options offered. Both also require the rows added per table to be
the expected ones. A file that must be refused (a stray quote) is left out of the shares.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
HUMAN = HERE / "human"
HELDOUT = HUMAN / "heldout"


@dataclass
class Book:
    """One file as typed, what it should add, and the answers a coordinator gives to its questions."""

    name: str
    sheets: dict[str, list[list]] | None = None
    csv: str | None = None
    added: dict[str, int] = field(default_factory=dict)
    # ("column", table, header) -> column name, "+note" or "-"; ("name", ref table, text) -> row id
    answers: dict[tuple, str] = field(default_factory=dict)
    duplicates: str | None = None  # the answer to probable duplicates, if the file has some
    refused: str = ""  # a file that must be refused (this text in its first problem): not measured
    # a set whose manifest gives no answers: the coordinator takes the option the page proposes for each question
    take_proposed: bool = False


D = dt.datetime

TRAINING = [
    Book("t01_reunions_dates_en_lettres.xlsx", {"Réunions 2022": [
        ["Suivi des réunions du CLSM — 2022"],
        [],
        ["Date de réunion", "Instance", "Lieu", "Titre", "Remarques"],
        ["15 mars 2022", "Comité de pilotage", "Hôtel de ville", "COPIL de printemps", None],
        ["1er avril 2022", "Assemblée plénière", "Arsenal", "Plénière annuelle", "ordre du jour envoyé"],
        [D(2022, 6, 21), "COPIL", "Metz", "COPIL d'été", None],
        ["mars 2022", "Groupe projets « logement »", None, "Groupe logement", None],
        [],
        ["Source : tableau de suivi de la coordination"],
        ["Marie, coordinatrice du CLSM"],
    ]}, added={"meeting": 4}),
    Book("t02_evenements_approximatifs.xlsx", {"Événements": [
        ["Type", "Titre", "Date", "Thème", "Nb participants", "Commentaire"],
        ["SISM", "Santé mentale et environnement", "octobre 2022", "Culture/loisirs", "environ 620", None],
        ["sensibilisation", "Sensibilisation des agents", "15 novembre 2022", None, "~45", "deux sessions"],
        ["formation", "Formation premiers secours en santé mentale", "1er décembre 2022", None, "12 env.", None],
        ["TOTAL", None, None, None, 677, None],
    ]}, added={"event": 3}),
    Book("t03_actions_montants.xlsx", {"Actions": [
        ["Intitulé de l'action", "Plan", "Porteur", "Date début", "Date de fin", "Budget", "Statut"],
        ["Ateliers d'écriture au GEM", "Programme 2022", "GEM Camille Claudel", 44635, "30 juin 2022", "1 200,00 €",
         "mise en oeuvre"],
        ["Café des aidants", "Programme 2022", "UNAFAM", "1er février 2022", None, "1200 euros", "idée"],
        ["Forum logement", "Programme 2022", "ADOMA", "15/09/2022", None, "1 200 €", "réalisée"],
        ["Total général", None, None, None, None, "3 600 €", None],
    ]}, added={"action": 3}),
    Book("t04_presences_noms.xlsx", {
        "Réunions": [["Date", "Instance", "Titre"], ["12 mai 2022", "COPIL", "COPIL de mai"]],
        "Présences": [["Réunion", "Structure", "Catégorie", "Nombre de participants"],
                      ["COPIL de mai", "UNAFAM", "aidants", 2],
                      ["COPIL de mai", "CH Jury", "professionnels", 3],
                      ["COPIL de mai", "MDA", "professionnel", "environ 4"]],
    }, added={"meeting": 1, "attendance": 3}),
    Book("t05_colonne_inconnue.xlsx", {"Réunions": [
        ["Date", "Instance", "Lieu exact de la rencontre", "Intitulé"],
        ["07/02/2022", "Comité de pilotage", "Salle des commissions", "COPIL de février"],
        ["14/02/2022", "Assemblée plénière", "Arsenal", "Plénière de février"],
    ]}, added={"meeting": 2}, answers={("column", "meeting", "Lieu exact de la rencontre"): "place"}),
    Book("t05b_colonne_inconnue_meme_forme.xlsx", {"Réunions": [
        ["Date", "Instance", "Lieu exact de la rencontre", "Intitulé"],
        ["09/05/2022", "Comité de pilotage", "Salle Braun", "COPIL de mai (bis)"],
    ]}, added={"meeting": 1}, answers={("column", "meeting", "Lieu exact de la rencontre"): "place"}),
    Book("t06_noms_courts.xlsx", {"Réunions": [
        ["Date", "Instance", "Thème", "Remarques"],
        ["03/03/2022", "Grp jeunes", "Jeunes", None],
        ["10/03/2022", "Comité de pilotage", None, None],
    ]}, added={"meeting": 2}, answers={("name", "instance", "Grp jeunes"): "groupe-jeunes"}),
    Book("t07_six_reunions_meme_date.xlsx", {"Réunions": [
        ["Date", "Instance", "Intitulé"],
        *[["20/09/2022", "Comité de pilotage", f"COPIL {i}"] for i in range(1, 7)],
    ]}, added={"meeting": 1}, duplicates="ignorer"),
    Book("t08_guillemet.csv", csv=(
        "Date;Instance;Intitulé\n"
        "04/10/2022;Comité de pilotage;COPIL d'octobre\n"
        '11/10/2022;Assemblée plénière;"Plénière d\'automne\n'
        "18/10/2022;Comité de pilotage;COPIL bis\n"
    ), refused="ligne 3"),
    Book("t09_structures_sigles.xlsx", {"Partenaires": [
        ["Structure", "Sigle", "Catégorie", "Commune", "Site web", "Observations"],
        ["Centre communal d'action sociale de Metz", "CCAS", "établissement public", "Metz", None, None],
        ["Association Espoir 57", None, "association", "Woippy", "www.espoir57.fr", "partenaire depuis 2022"],
    ]}, added={"structure": 2}),
    Book("t10_partenaire_court.xlsx", {
        "Réunions": [["Date", "Instance", "Titre"], ["02/06/2022", "Assemblée plénière", "Plénière de juin"]],
        "Présences": [["Réunion", "Structure", "Catégorie", "Nombre"],
                      ["Plénière de juin", "Unafam Metz", "aidant", 3],
                      ["Plénière de juin", "Ville de Metz", "élu", 1]],
    }, added={"meeting": 1, "attendance": 2}, answers={("name", "structure", "Unafam Metz"): "unafam-moselle"}),
    Book("t11_presences_instance_et_date.xlsx", {
        "Réunions": [["Date", "Instance", "Titre"], ["12/05/2022", "COPIL", "COPIL de mai"]],
        "Présences": [["Date", "Instance", "Structure", "Catégorie", "Nombre"],
                      ["12/05/2022", "COPIL", "UNAFAM", "aidant", 2],
                      ["12 mai 2022", "Comité de pilotage", "CH Jury", "professionnel", 3]],
    }, added={"meeting": 1, "attendance": 2}),
    Book("t12_instance_sous_un_autre_nom.xlsx", {"Suivi": [
        ["Date", "Groupe concerné", "Lieu", "Compte rendu"],
        ["17/01/2022", "Groupe projets « précarité »", "CCAS", "envoyé le 20/01"],
        ["24/01/2022", "Comité de pilotage", "Hôtel de ville", None],
    ]}, added={"meeting": 2}, answers={("column", "meeting", "Groupe concerné"): "instance_id"}),
    Book("t13_structures_noms_courts.xlsx", {"Structures": [
        ["Nom", "Sigle", "Commune", "Remarques"],
        ["UNAFAM", "UNAFAM", "Metz", "permanence le mardi"],
        ["Espace Koltès", None, "Metz", None],
    ]}, added={}, duplicates="fusionner"),
]

# Held out: written otherwise, never used while the importer was tuned; only measured.
HELDOUT_BOOKS = [
    Book("h01_reunions_jour.xlsx", {"Feuil1": [
        ["Jour de la réunion", "Groupe", "Adresse", "Objet", "Obs."],
        ["mardi 12 avril 2022", "Comité de pilotage", "Hôtel de ville", "Point d'étape", None],
        ["3 mai 2022", "Groupe projets « précarité »", "CCAS", "Groupe précarité", "reporté une fois"],
        ["17 mai 2022", "Plénière", "Arsenal", "Assemblée de mai", None],
    ]}, added={"meeting": 3},
        answers={("column", "meeting", "Jour de la réunion"): "date", ("column", "meeting", "Groupe"): "instance_id",
                 ("column", "meeting", "Adresse"): "place", ("column", "meeting", "Objet"): "title",
                 ("column", "meeting", "Obs."): "note", ("name", "instance", "Plénière"): "pleniere"}),
    Book("h02_sism_public.xlsx", {"SISM": [
        ["Type", "Intitulé", "Date", "Public accueilli", "Remarque"],
        ["SISM", "Santé mentale et sport", "10 octobre 2023", "≈ 300", None],
        ["sensibilisation", "Sensibilisation en lycée", "18/10/2023", "près de 80", "deux classes"],
        ["Total", None, None, 380, None],
        [],
        ["Source : bilan des SISM 2023"],
    ]}, added={"event": 2}, answers={("column", "event", "Public accueilli"): "participants_count"}),
    Book("h03_actions_programme.xlsx", {"Fiches actions": [
        ["Nom de l'action", "Programme", "Structure porteuse", "Démarrage", "Échéance", "Coût prévisionnel",
         "Avancement"],
        ["Groupe de parole des aidants", "Programme 2022", "UNAFAM", "1er février 2023", "30/06/2023", "2 500 €",
         "mise en œuvre"],
        ["Journée portes ouvertes du GEM", "Programme 2022", "GEM L'Albatros", "15 mars 2023", None, "3.000,00 €",
         "idée"],
    ]}, added={"action": 2},
        answers={("column", "action", "Nom de l'action"): "title", ("column", "action", "Démarrage"): "start_date",
                 ("column", "action", "Échéance"): "end_date", ("column", "action", "Coût prévisionnel"): "budget_eur",
                 ("column", "action", "Avancement"): "status", ("column", "action", "Programme"): "plan_id",
                 ("column", "action", "Structure porteuse"): "porteur_id"}),
    Book("h04_presences_seance.xlsx", {
        "Réunions": [["Date", "Instance", "Intitulé"], ["22/11/2022", "Comité de pilotage", "COPIL de novembre"]],
        "Présences": [["Séance", "Organisme", "Profil", "Effectif"],
                      ["COPIL de novembre", "ARS", "Professionnel", 1],
                      ["COPIL de novembre", "Maison des ados", "Professionnels", 2]],
    }, added={"meeting": 1, "attendance": 2},
        answers={("column", "attendance", "Séance"): "meeting_id", ("column", "attendance", "Organisme"): "structure_id",
                 ("column", "attendance", "Profil"): "role_category", ("column", "attendance", "Effectif"): "count",
                 ("name", "structure", "Maison des ados"): "mda-moselle"}),
    Book("h05_reunions_signees.csv", csv=(
        "Date;Instance;Lieu;Titre;Commentaires\n"
        "15 mars 2023;COPIL;Hôtel de ville;COPIL de mars;\n"
        "5 avril 2023;Assemblée plénière;Arsenal;Plénière 2023;ordre du jour joint\n"
        ";;;;\n"
        "Fait à Metz le 3 janvier 2024;;;;\n"
        "La coordinatrice;;;;\n"
    ), added={"meeting": 2}),
    Book("h06_structures_abreviation.xlsx", {"Structures": [
        ["Partenaire", "Abréviation", "Secteur d'activité", "Ville"],
        ["Union départementale des associations familiales de la Moselle", "UDAF 57", "usagers et aidants", "Metz"],
        ["Centre social Le Lierre", None, "accompagnement social et médico-social", "Thionville"],
    ]}, added={"structure": 2},
        answers={("column", "structure", "Partenaire"): "name", ("column", "structure", "Abréviation"): "acronym",
                 ("column", "structure", "Secteur d'activité"): "sector", ("column", "structure", "Ville"): "commune"}),
    Book("h07_gt_logement.xlsx", {"Réunions GT": [
        ["Date", "Instance", "Titre", "Nombre de participants"],
        ["08/06/2022", "GT logement", "Logement : juin", 9],
        ["13/09/2022", "GT précarité", "Précarité : septembre", 11],
    ]}, added={"meeting": 2},
        answers={("name", "instance", "GT logement"): "groupe-logement",
                 ("name", "instance", "GT précarité"): "groupe-precarite",
                 ("column", "meeting", "Nombre de participants"): "+note"}),
    Book("h08_evenements_numeros_de_serie.xlsx", {"Événements": [
        ["Type", "Titre", "Date", "Nombre de personnes"],
        ["journée", "Journée santé mentale et logement", 44849, 95],
        ["séminaire", "Séminaire des partenaires", 44900, "120 environ"],
    ]}, added={"event": 2}, answers={("column", "event", "Nombre de personnes"): "participants_count"}),
]

# A second held-out set, written after the first was measured (02:31 UTC) and measured once, as it is.
HELDOUT_BOOKS += [
    Book("hb1_seances_titre_en_haut.xlsx", {"2023": [
        ["CLSM de Metz"],
        ["Tableau des séances 2023"],
        [],
        ["Date de la séance", "Instance", "Salle", "Intitulé", "Nb de présents"],
        [D(2023, 1, 17), "Comité de pilotage", "Salle Braun", "COPIL de janvier", 14],
        [D(2023, 3, 9), "Assemblée plénière", "Arsenal", "Plénière 2023", 63],
        ["Sous-total", None, None, None, 77],
    ]}, added={"meeting": 2},
        answers={("column", "meeting", "Date de la séance"): "date", ("column", "meeting", "Salle"): "place",
                 ("column", "meeting", "Nb de présents"): "+note"}),
    Book("hb2_reunions_virgules.csv", csv=(
        'date,instance,lieu,titre\n'
        '12.01.2023,COPIL,"Hôtel de ville, salle 3",COPIL de rentrée\n'
        '26.01.2023,"Groupe projets « jeunes »",MDA,"Groupe jeunes, janvier"\n'
    ), added={"meeting": 2}),
    Book("hb3_manifestations.xlsx", {"Manifestations": [
        ["Manifestation", "Type", "Quand", "Thème", "Participants"],
        ["Ciné-débat santé mentale", "réunion publique", "7 février 2023", None, "environ 1 200"],
        ["SISM 2023", "SISM", "du 9 au 22 octobre 2023", "Culture/loisirs", 540],
    ]}, added={"event": 2},
        answers={("column", "event", "Manifestation"): "title", ("column", "event", "Quand"): "date"}),
    Book("hb4_presences_qualite.xlsx", {
        "Réunions": [["Date", "Instance", "Intitulé"], ["14/03/2023", "Comité de pilotage", "COPIL de mars"]],
        "Présences": [["Date", "Instance", "Partenaire", "Qualité", "Nb"],
                      ["14/03/2023", "Comité de pilotage", "ARS", "Professionnel", 1],
                      ["14/03/2023", "Comité de pilotage", "UNAFAM", "Famille", 2],
                      ["14/03/2023", "Comité de pilotage", "Ville de Metz", "Élue", 1]],
    }, added={"meeting": 1, "attendance": 3}),
    Book("hb5_structures_nom_complet.xlsx", {"Annuaire": [
        ["Nom complet", "Acronyme", "Type de structure", "Ville", "Site"],
        ["Groupe d'entraide mutuelle Les Ailes", "GEM Les Ailes", "association", "Metz", "gem-lesailes.fr"],
        ["Service d'accompagnement à la vie sociale de Metz", "SAVS", "service médico-social", "Metz", None],
    ]}, added={"structure": 2}, answers={("column", "structure", "Nom complet"): "name"}),
    Book("hb6_fiches_etat.xlsx", {"Suivi des fiches": [
        ["N° de fiche", "Identifiant", "État d'avancement", "Date de mise à jour"],
        ["15", "fiche-15", "en cours", "12 janvier 2023"],
        ["32", "fiche-32", "Réalisée", "12 janvier 2023"],
    ]}, added={}),
]


def file_bytes(book: Book) -> bytes:
    """The file as the coordinator saved it (.xlsx made with openpyxl, or a UTF-8 CSV)."""
    if book.csv is not None:
        return book.csv.encode("utf-8")
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for sheet, rows in (book.sheets or {}).items():
        ws = wb.create_sheet(sheet)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def write_all(*, again: bool = False) -> list[Path]:
    """Write the training and held-out files that are missing (every one with `again`); returns their paths.

    An .xlsx holds its creation time: files already committed are left as they are unless asked.
    """
    written = []
    for folder, books in ((HUMAN, TRAINING), (HELDOUT, HELDOUT_BOOKS)):
        folder.mkdir(parents=True, exist_ok=True)
        for book in books:
            path = folder / book.name
            if again or not path.exists():
                path.write_bytes(file_bytes(book))
            written.append(path)
    return written


# Rows the importer derives from the typed ones rather than reads: an action's status given with its day is also
# a dated status (« Statut daté »); the porteur, partners and funders an action's form names are also partners of
# that action. A set written before those readings does not name those tables: not compared there.
DERIVED = ("action_status", "action_partner")


def _fits(got: dict[str, int], added: dict) -> bool:
    """The rows added per table are the expected ones (an expected value may be a tuple of accepted counts)."""
    for table in (set(got) | set(added)) - {t for t in DERIVED if t not in added}:
        expected = added.get(table, 0)
        if got.get(table, 0) not in (expected if isinstance(expected, tuple) else (expected,)):
            return False
    return True


def _answer(question, book: Book):
    """The coordinator's answer to one question, if the right one is among the options offered."""
    key = (question.kind, question.table, question.text)
    wanted = book.answers.get(key)
    if wanted is None and book.take_proposed:
        wanted = question.proposed
    if wanted is None:
        return None
    return wanted if wanted in [value for value, _ in question.options] else None


def attempt(con, book: Book, data: bytes) -> tuple[bool, bool, str]:
    """(passed at the first try, passed at the second try, why not) for one file on this connection."""
    from clsm_data import importing
    from clsm_data.core.errors import DataFileError
    from clsm_data.core.roles import COORDINATOR, Caller

    coordinator = Caller("coordination", COORDINATOR)

    def plan(duplicates=None):
        p = importing.plan_import(con, data, book.name, duplicates=duplicates)
        got = {t: len(c.added) for t, c in p.changes.items() if c.added}
        if p.pending:
            return None, f"doublons à décider : {len(p.pending)}"
        if not _fits(got, book.added):
            return None, f"lignes ajoutées {got}, attendu {book.added}"
        return p, ""

    try:
        first, why = plan()
        if first is not None:
            return True, True, ""
        if not book.duplicates:
            return False, False, why
        # probable duplicates to decide: a question, answered once (the spec's choice)
    except DataFileError as exc:
        questions = [p.question for p in exc.problems if getattr(p, "question", None)]
        why = "; ".join(str(p) for p in exc.problems[:3])
        if not questions or any(q is None for q in questions):
            return False, False, why
        answers = [(q, _answer(q, book)) for q in questions]
        if any(a is None for _, a in answers):
            return False, False, why + " (bonne réponse non proposée)"
        importing.remember(con, coordinator, [(q, a) for q, a in answers])
    try:
        second, why = plan(book.duplicates)
        return False, second is not None, why
    except DataFileError as exc:
        return False, False, "; ".join(str(p) for p in exc.problems[:3])


def measure(books: list[Book], folder: Path, db: Path, label: str) -> tuple[int, int, int]:
    """Print one line per file and the shares; returns (files, first try, second try)."""
    import shutil
    import tempfile

    from clsm_data.store.db import connect

    first = second = 0
    books = [b for b in books if not b.refused]
    for book in books:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "clsm.duckdb"
            shutil.copy2(db, copy)
            con = connect(copy, read_only=False)
            try:
                one, two, why = attempt(con, book, (folder / book.name).read_bytes())
            finally:
                con.close()
        first += one
        second += two
        mark = "1er essai" if one else ("2e essai" if two else "refusé")
        print(f"  {label} {book.name:45} {mark}" + (f"  ({why[:160]})" if why and not one else ""))
    n = len(books)
    print(f"{label}: {n} fichiers ; lus au premier essai {first}/{n} ({100 * first / n:.0f} %), "
          f"au second essai {second}/{n} ({100 * second / n:.0f} %)")
    return n, first, second


def books_of_manifest(folder: Path) -> list[Book]:
    """The books of a folder written by another generator, from its manifest.json.

    Either a list of {"name", "added": {table: n}, "answers": [[kind, table, text, answer], …], "duplicates",
    "refused"}, or a dict name -> {"new_rows_in_fresh_seed": {table: n or a sentence naming the accepted
    counts}, "data_rows": n or {sheet: n}, …} without answers: each question is then answered with the option
    the page proposes, and probable duplicates are merged when the file adds fewer rows than it holds.
    """
    import json
    import re

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    out = []
    if isinstance(manifest, list):
        for item in manifest:
            answers = {(k, t, text): value for k, t, text, value in item.get("answers", [])}
            out.append(Book(item["name"], added=dict(item.get("added", {})), answers=answers,
                            duplicates=item.get("duplicates"), refused=item.get("refused") or ""))
        return out
    for name, item in manifest.items():
        added: dict = {}
        for table, n in item.get("new_rows_in_fresh_seed", {}).items():
            added[table] = n if isinstance(n, int) else tuple(int(x) for x in re.findall(r"\d+", str(n))
                                                              if int(x) < 10000)
        rows = item.get("data_rows", 0)
        rows = sum(rows.values()) if isinstance(rows, dict) else rows
        fewer = sum(n if isinstance(n, int) else max(n) for n in added.values()) < rows
        out.append(Book(name, added=added, duplicates="fusionner" if fewer else "ajouter", take_proposed=True))
    return out


def _option(argv: list[str], name: str) -> str | None:
    return argv[argv.index(name) + 1] if name in argv and argv.index(name) + 1 < len(argv) else None


def main(argv: list[str]) -> int:
    folder = _option(argv, "--folder")
    if folder and "--measure" in argv:  # another set: measured as it is, nothing written
        import tempfile

        from clsm_data.core.config import SEED_DIR
        from clsm_data.store.build import build

        with tempfile.TemporaryDirectory() as tmp:
            db = Path(_option(argv, "--db") or Path(tmp) / "seed.duckdb")
            if not db.exists():
                build(db, SEED_DIR)
            measure(books_of_manifest(Path(folder)), Path(folder), db, Path(folder).name)
        return 0
    write_all(again="--write" in argv)
    if "--measure" not in argv:
        print(f"{len(TRAINING)} fichiers d'entraînement dans {HUMAN}, {len(HELDOUT_BOOKS)} mis de côté dans {HELDOUT}")
        return 0
    import tempfile

    from clsm_data.core.config import SEED_DIR
    from clsm_data.store.build import build

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seed.duckdb"
        build(db, SEED_DIR)
        measure(TRAINING, HUMAN, db, "entraînement")
        measure(HELDOUT_BOOKS, HELDOUT, db, "mis de côté")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
