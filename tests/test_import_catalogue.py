"""The importer: a catalogue of bad inputs (each refused in French, nothing changed) and good files landing exactly."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from clsm_data import importing as importer
from clsm_data.core.errors import DataFileError
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.core.tables import TABLES
from clsm_data.store import audit
from clsm_data.store.backup import list_backups
from clsm_data.store.db import connect, table_checksums

ROOT = Path(__file__).resolve().parent.parent
COORD = Caller("coordination", COORDINATOR)
ALL_TABLES = [*TABLES, "audit_log", "app_user"]


def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def xlsx_bytes(sheets: dict[str, list[list]], *, merge: dict[str, str] | None = None) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        if merge and name in merge:
            ws.merge_cells(merge[name])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def fake_zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in entries.items():
            zf.writestr(name, content)
    return out.getvalue()


def _formula_without_cache() -> bytes:
    data = xlsx_bytes({"actions": [["identifiant", "statut"], ["fiche-15", "=A1"]]})
    # openpyxl writes formulas without a cached value, as a program that computes nothing would
    return data


def _bomb() -> bytes:
    return fake_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>",
                     "xl/worksheets/sheet1.xml": b"\0" * (60 * 1024 * 1024)})


GOOD_HEAD = "identifiant;intitulé;statut;plan"
TWENTY = "\n".join(f"new-{i};Action {i};idée;programme-2022" for i in range(20))
MIDDLE_BAD = "\n".join(
    f"new-{i};Action {i};{'à voir' if i == 10 else 'idée'};programme-2022" for i in range(20)
)

# (id, file bytes, file name, French message expected)
CATALOGUE = [
    ("empty-file", b"", "vide.csv", r"fichier vide : aucune ligne à importer"),
    ("blank-file", b"  \n\n", "blanc.csv", r"fichier vide"),
    ("header-only-csv", csv_bytes(GOOD_HEAD + "\n"), "entete.csv", r"aucune ligne à importer"),
    ("empty-sheet", xlsx_bytes({"actions": []}), "vide.xlsx", r"aucune ligne à importer"),
    ("header-only-sheet", xlsx_bytes({"actions": [["identifiant", "statut"]]}), "entete.xlsx",
     r"aucune ligne à importer"),
    ("xls-ole2", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "ancien.xls", r"ancien format \(\.xls\)"),
    ("encrypted-xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"EncryptedPackage" * 40, "protege.xlsx",
     r"protégé par un mot de passe"),
    ("ods", fake_zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}),
     "tableur.ods", r"classeur illisible"),  # an .ods is read like an .xlsx; a broken one is refused
    ("zip-bomb", _bomb(), "bombe.xlsx", r"classeur suspect"),
    ("zip-not-xlsx", fake_zip({"word/document.xml": b"<w/>", "[Content_Types].xml": b"<Types/>"}), "texte.xlsx",
     r"n'est pas un classeur Excel"),
    ("binary", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)), "image.csv", r"fichier binaire"),
    ("too-big", b"a" * (10 * 1024 * 1024 + 1), "gros.csv", r"trop volumineux"),
    # a text column nobody knows goes to the note at the first try (its preview says so); numbers in one are asked
    ("unknown-column", csv_bytes("identifiant;statut;chiffre perso\nfiche-15;idée;12\n"), "a.csv",
     r"colonne « chiffre perso » non reconnue pour la table actions"),
    ("duplicate-header", csv_bytes("identifiant;statut;Statut\nfiche-15;idée;idée\n"), "a.csv",
     r"colonne en double"),
    ("duplicate-rows", csv_bytes("identifiant;statut\nfiche-15;idée\nfiche-15;idée\n"), "a.csv",
     r"ligne 3 : ligne en double : même clé \(fiche-15\) qu'à la ligne 2"),
    ("impossible-date", csv_bytes("identifiant;début\nfiche-15;31/02/2021\n"), "a.csv",
     r"colonne « début » : « 31/02/2021 » n'est pas une date qui existe"),
    ("month-where-day-needed", csv_bytes("identifiant;mis à jour le\nfiche-15;mars 2022\n"), "a.csv",
     r"« mars 2022 » : cette colonne attend une date complète"),
    ("not-a-date", csv_bytes("identifiant;début\nfiche-15;bientôt\n"), "a.csv",
     r"« bientôt » n'est pas une date : attendu une date JJ/MM/AAAA"),
    ("count-nc", csv_bytes("réunion;structure;catégorie;nombre\nreunion-2021-11-18;ch-jury;professionnel;NC\n"),
     "p.csv", r"« NC » n'est pas un nombre entier"),
    ("count-dash", csv_bytes("réunion;structure;catégorie;nombre\nreunion-2021-11-18;ch-jury;professionnel;-\n"),
     "p.csv", r"« - » n'est pas un nombre entier"),
    ("count-words", csv_bytes("réunion;structure;catégorie;nombre\nreunion-2021-11-18;ch-jury;usager;12 personnes "
                              "dont 3 élus\n"),
     "p.csv", r"« 12 personnes dont 3 élus » n'est pas un nombre entier"),
    ("count-negative", csv_bytes("réunion;structure;catégorie;nombre\nreunion-2021-11-18;ch-jury;usager;-1\n"),
     "p.csv", r"ne peut pas être négatif"),
    ("count-decimal", xlsx_bytes({"présences": [["réunion", "structure", "catégorie", "nombre"],
                                                 ["reunion-2021-11-18", "ch-jury", "usager", 3.5]]}),
     "p.xlsx", r"feuille « présences », ligne 2, colonne « nombre » : « 3.5 » n'est pas un nombre entier"),
    ("count-name", csv_bytes("réunion;structure;catégorie;nombre\nreunion-2021-11-18;ch-jury;usager;Jean Dupont\n"),
     "p.csv", r"« Jean Dupont » n'est pas un nombre entier"),
    ("formula-equals",
     csv_bytes('identifiant;statut;intitulé\nfiche-15;idée;"=HYPERLINK(""http://x"";""clic"")"\n'), "a.csv",
     r"commence par « = » : une formule"),
    ("formula-at", csv_bytes("identifiant;statut;intitulé\nfiche-15;idée;@SUM(A1:A2)\n"), "a.csv",
     r"commence par « @ »"),
    ("formula-plus", csv_bytes("identifiant;statut;intitulé\nfiche-15;idée;+cmd|' /C calc'!A0\n"), "a.csv",
     r"commence par « \+ »"),
    ("unknown-structure", csv_bytes("identifiant;porteur\nfiche-15;udaf99\n"), "a.csv",
     r"« udaf99 » ne correspond à aucune ligne de la table structures"),
    ("bad-row-in-middle", csv_bytes(f"{GOOD_HEAD}\n{MIDDLE_BAD}\n"), "vingt.csv",
     r"vingt\.csv, ligne 12, colonne « statut » : « à voir » n'est pas une valeur prévue"),
    ("formula-no-cache", _formula_without_cache(), "calcul.xlsx", r"formule sans valeur calculée"),
    # merged across a data row (a cell merged down is its value on each row: read)
    ("merged-cells", xlsx_bytes({"actions": [["identifiant", "statut", "mis à jour le"], ["fiche-15", "idée", None],
                                             ["fiche-32", "", None]]},
                                merge={"actions": "B2:C2"}), "fusion.xlsx", r"cellules fusionnées \(B2:C2\)"),
    ("header-not-found", csv_bytes("foo;bar\n1;2\n"), "x.csv",
     r"aucune ligne des 10 premières lignes n'est un en-tête"),
    ("new-row-missing-required", csv_bytes("identifiant;statut;plan\nnouvelle-action;idée;Programme 2022\n"), "a.csv",
     r"colonne « intitulé » absente : elle est obligatoire pour créer une ligne de la table actions"),
    ("new-row-empty-required", csv_bytes("identifiant;statut;plan;intitulé\nnouvelle-action;idée;Programme 2022;\n"),
     "a.csv", r"ligne 2, colonne « intitulé » : valeur obligatoire manquante pour créer cette nouvelle ligne"),
    ("unknown-meeting", csv_bytes("réunion;structure;catégorie;nombre\nreunion-1999-01-01;ch-jury;usager;2\n"),
     "p.csv", r"« reunion-1999-01-01 » ne correspond à aucune ligne de la table réunions"),
    ("unknown-role-category", csv_bytes("réunion;structure;catégorie;nombre\nreunion-2021-11-18;ch-jury;médecin;2\n"),
     "p.csv", r"« médecin » n'est pas une valeur prévue"),
    ("value-without-header", csv_bytes("identifiant;statut;\nfiche-15;idée;oups\n"), "a.csv",
     r"valeur dans une colonne sans en-tête"),
    ("sheet-named-without-header", xlsx_bytes({"actions": [["foo", "bar"], [1, 2]]}), "a.xlsx",
     r"en-tête de la table actions introuvable"),
    ("unterminated-quote", csv_bytes('identifiant;statut\nfiche-15;"sans fin\nfiche-32;idée\n'), "a.csv",
     r"a\.csv, ligne 2 : CSV illisible : un guillemet ouvert ligne 2 n'est jamais refermé"),
    ("ambiguous-header", csv_bytes("identifiant;intitulé\nfiche-15;Titre\n"), "a.csv", r"en-tête ambigu"),
    ("bad-identifier", csv_bytes("identifiant;statut\nFiche 15 !;idée\n"), "a.csv", r"n'est pas un identifiant valide"),
    ("bad-boolean", csv_bytes("identifiant;démarche participative\nfiche-15;peut-être\n"), "a.csv",
     r"« peut-être » n'est pas oui ou non"),
    ("bad-number", csv_bytes("identifiant;budget (€)\nfiche-15;cinq mille euros\n"), "a.csv", r"n'est pas un nombre"),
    ("utf8-stray-byte", "identifiant;intitulé\nfiche-15;Réunion d'été\n".encode().replace(b"\xc3\xa9t", b"\xe9t"),
     "a.csv", r"a\.csv, ligne 2 : caractère illisible : le fichier est en UTF-8"),
    ("int-out-of-range", csv_bytes("réunion;structure;catégorie;nombre\nreunion-2021-11-18;ch-jury;usager;"
                                   "99999999999\n"), "p.csv", r"ligne 2, colonne « nombre » : .* hors des limites"),
    ("unknown-instance-name", csv_bytes("identifiant;instance;date\nx-1;Grp jeunes;15/03/2022\n"), "r.csv",
     r"vouliez-vous dire « Groupe projets « jeunes » » \?"),
    ("ambiguous-acronym", csv_bytes("réunion;structure;catégorie;nombre\nreunion-2021-11-18;GEM;usager;2\n"),
     "p.csv", r"« GEM » est ambigu"),
    ("axis-of-another-plan", csv_bytes("identifiant;plan;axe\nfiche-15;Programme 2022;Axe 2\n"), "a.csv",
     r"« Axe 2 » n'est pas un axe du plan « Programme 2022 »"),
]


@pytest.fixture
def con(fresh_db):
    c = connect(fresh_db, read_only=False)
    yield c
    c.close()


@pytest.mark.parametrize(("data", "name", "message"), [c[1:] for c in CATALOGUE], ids=[c[0] for c in CATALOGUE])
def test_bad_input_refused_and_nothing_changes(con, data, name, message):
    before = table_checksums(con, ALL_TABLES)
    with pytest.raises(DataFileError, match=message) as info:
        plan = importer.plan_import(con, data, name)
        importer.apply_import(con, COORD, plan)
    assert str(info.value.problems[0]).startswith(name)
    assert info.value.hint  # says what to do, in French
    assert table_checksums(con, ALL_TABLES) == before
    assert list_backups(Path(con.execute("SELECT path FROM duckdb_databases() WHERE database_name = "
                                         "current_database()").fetchone()[0])) == []


def test_catalogue_is_large_enough():
    assert len(CATALOGUE) >= 25


def test_every_problem_is_listed(con):
    data = csv_bytes("identifiant;statut;début\nfiche-15;fini;31/02/2021\nfiche-32;idée;1/1/2021\nfiche-15;x;\n")
    with pytest.raises(DataFileError) as info:
        importer.plan_import(con, data, "multi.csv")
    lines = info.value.details()
    assert any("ligne 2, colonne « statut »" in x for x in lines)
    assert any("ligne 2, colonne « début »" in x for x in lines)
    assert any("ligne 4, colonne « statut »" in x for x in lines)


# ---------------------------------------------------------------- good files

TITLE_ROWS = "Suivi des actions du CLSM;;;\nExport du 18/11/2021;;;\n;;;\n"


def _audit_rows(con) -> int:
    return con.execute("SELECT count(*) FROM audit_log WHERE operation = 'import'").fetchone()[0]


def test_good_csv_lands_exactly_and_is_idempotent(con):
    text = (
        TITLE_ROWS
        + "Identifiant ; INTITULE ;Statut;Plan;Porteur;Début;Fin;Budget (€);N° de fiche;Démarche participative\n"
        + "fiche-15;Coordination du Conseil local de santé mentale;  Réalisée ;cls-2022-2026;ch-jury;;;;;\n"
        + "atelier-2022;<b>Atelier</b> & <script>alert(1)</script>;mise en oeuvre;programme-2022;CH Jury;"
        "03/04/2022;18/11/2022;1 234,5;007;oui\n"
    )
    before = table_checksums(con, ["action"])
    plan = importer.plan_import(con, text.encode("cp1252"), "actions 2022.csv")
    assert plan.counts() == {"action": (1, 1, 0)}
    result = importer.apply_import(con, COORD, plan)
    assert (result.added, result.updated) == (1, 1)
    assert result.backup is not None and result.backup.exists()
    row = con.execute(
        "SELECT title, status, plan_id, porteur_id, start_date, end_date, budget_eur, sheet_number, participatory, "
        "council_id FROM action WHERE action_id = 'atelier-2022'"
    ).fetchone()
    assert row == ("<b>Atelier</b> & <script>alert(1)</script>", "mise en œuvre", "programme-2022", "ch-jury",
                   dt.date(2022, 4, 3), dt.date(2022, 11, 18), 1234.5, "007", True, "clsm-metz")
    assert con.execute("SELECT status FROM action WHERE action_id = 'fiche-15'").fetchone()[0] == "réalisée"
    assert table_checksums(con, ["action"])["action"][0] == before["action"][0] + 1
    log = con.execute("SELECT actor, role, operation, table_name, rows_added, rows_updated, rows_deleted, origin "
                      "FROM audit_log WHERE operation = 'import'").fetchall()
    assert log == [("coordination", "coordinator", "import", "action", 1, 1, 0, "actions 2022.csv")]
    # the same file again: nothing to do, nothing written
    after = table_checksums(con, ALL_TABLES)
    again = importer.plan_import(con, text.encode("cp1252"), "actions 2022.csv")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    result = importer.apply_import(con, COORD, again)
    assert (result.added, result.updated, result.audit_id) == (0, 0, None)
    assert table_checksums(con, ALL_TABLES) == after


def test_good_workbook_with_several_sheets(con):
    data = xlsx_bytes(
        {
            "Structures": [["Liste des structures", None, None], [None, None, None],
                           ["identifiant", "nom", "secteur", "code INSEE", "membre depuis"],
                           ["udaf57", "UDAF de la Moselle", "Usagers et aidants", "057463", 2021]],
            "réunions": [["identifiant", "instance", "date", "modalité", "lieu"],
                         ["copil-2022-03-04", "copil", dt.date(2022, 3, 4), "visio", "Metz"]],
            "Présences": [["réunion", "structure", "catégorie", "nombre"],
                          ["copil-2022-03-04", "udaf57", "aidant", 3],
                          ["copil-2022-03-04", "ch-jury", "professionnel", "4"]],
            "événements": [["identifiant", "type", "date", "intitulé", "participants"],
                           ["sism-2022", "SISM", "10/10/2022", "SISM 2022", 120]],
            "valeurs des indicateurs": [["indicateur", "période", "valeur"], ["f15-proc-2", "2022", "31"]],
        },
        merge={"Structures": "A1:C1"},
    )
    plan = importer.plan_import(con, data, "suivi.xlsx")
    assert plan.counts() == {"structure": (1, 0, 0), "meeting": (1, 0, 0), "attendance": (2, 0, 0),
                             "event": (1, 0, 0), "indicator_value": (1, 0, 0)}
    importer.apply_import(con, COORD, plan)
    assert con.execute("SELECT name, sector, insee_code, member_since FROM structure WHERE structure_id='udaf57'"
                       ).fetchone() == ("UDAF de la Moselle", "usagers et aidants", "057463", 2021)
    assert con.execute("SELECT instance_id, date, date_precision, mode, place FROM meeting "
                       "WHERE meeting_id='copil-2022-03-04'").fetchone() == (
        "copil", dt.date(2022, 3, 4), "jour", "visio", "Metz")
    assert sorted(con.execute("SELECT structure_id, role_category, count FROM attendance "
                              "WHERE meeting_id='copil-2022-03-04'").fetchall()) == [
        ("ch-jury", "professionnel", 4), ("udaf57", "aidant", 3)]
    assert con.execute("SELECT kind, year, date, participants_count FROM event WHERE event_id='sism-2022'"
                       ).fetchone() == ("SISM", 2022, dt.date(2022, 10, 10), 120)
    assert con.execute("SELECT value FROM indicator_value WHERE indicator_id='f15-proc-2' AND period_label='2022'"
                       ).fetchone() == (31.0,)
    assert _audit_rows(con) == 1
    assert importer.plan_import(con, data, "suivi.xlsx").is_noop


@pytest.mark.parametrize("sep", [",", "\t"])
def test_separators_and_bom(con, sep):
    text = sep.join(["action_id", "status"]) + "\n" + sep.join(["fiche-15", "reportée"]) + "\n"
    plan = importer.plan_import(con, b"\xef\xbb\xbf" + text.encode(), "a.csv")
    assert plan.counts() == {"action": (0, 1, 0)}


def test_partial_columns_and_empty_cells_keep_values(con):
    title, budget = con.execute("SELECT title, budget_eur FROM action WHERE action_id='fiche-15'").fetchone()
    plan = importer.plan_import(con, csv_bytes("identifiant;statut;budget (€)\nfiche-15;abandonnée;\n"), "s.csv")
    importer.apply_import(con, COORD, plan)
    assert con.execute("SELECT title, budget_eur, status FROM action WHERE action_id='fiche-15'").fetchone() == (
        title, budget, "abandonnée")


def test_ambiguous_day_month_is_always_day_first(con):
    plan = importer.plan_import(con, csv_bytes("identifiant;début\nfiche-15;03/04/2022\n"), "d.csv")
    importer.apply_import(con, COORD, plan)
    assert con.execute("SELECT start_date FROM action WHERE action_id='fiche-15'").fetchone()[0] == dt.date(2022, 4, 3)


def test_rows_absent_from_file_are_never_deleted(con):
    before = con.execute("SELECT count(*) FROM action").fetchone()[0]
    importer.apply_import(con, COORD, importer.plan_import(con, csv_bytes("identifiant;statut\nfiche-15;idée\n"),
                                                           "un.csv"))
    assert con.execute("SELECT count(*) FROM action").fetchone()[0] == before


def test_template_round_trip(con):
    import python_calamine as pc

    empty = importer.template_xlsx()
    wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(empty))
    assert wb.sheet_names == ["aide", "listes", *(TABLES[n].label for n in importer.IMPORTABLE)]
    for name in importer.IMPORTABLE:
        header = wb.get_sheet_by_name(TABLES[name].label).to_python()[0]
        assert [importer.ALIASES[name][importer.norm(h)] for h in header] == TABLES[name].col_names
    with pytest.raises(DataFileError, match="aucune ligne à importer"):
        importer.plan_import(con, empty, "modele.xlsx")
    # with the current rows (references written as names): importing it as downloaded changes nothing
    full = importer.template_for(con)
    plan = importer.plan_import(con, full, "modele-rempli.xlsx")
    assert plan.is_noop and not plan.duplicates and plan.unchanged > 100


# ---------------------------------------------------------------- command line


def _cli(args: list[str], db: Path, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "CLSM_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "clsm_data", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_cli_import_exit_codes(fresh_db, tmp_path):
    good = tmp_path / "statuts.csv"
    good.write_text("identifiant;statut\nfiche-15;réalisée\n", encoding="utf-8")
    bad = tmp_path / "mauvais.csv"
    bad.write_text("identifiant;statut\nfiche-15;idée\nfiche-32;fini\n", encoding="utf-8")

    dry = _cli(["import", str(good), "--dry-run"], fresh_db)
    assert dry.returncode == 0, dry.stderr
    assert "0 ajoutée(s)" in dry.stdout and "rien n'a été écrit" in dry.stdout

    refused = _cli(["import", str(bad)], fresh_db)
    assert refused.returncode == 2
    assert "mauvais.csv, ligne 3, colonne « statut » : « fini » n'est pas une valeur prévue" in refused.stderr
    assert "rien n'a été modifié" in refused.stderr

    done = _cli(["import", str(good)], fresh_db)
    assert done.returncode == 0, done.stderr
    assert "1 mise(s) à jour" in done.stdout and "Sauvegarde prise" in done.stdout

    again = _cli(["import", str(good)], fresh_db)
    assert again.returncode == 0 and "Rien à écrire" in again.stdout

    con = connect(fresh_db)
    try:
        assert con.execute("SELECT count(*) FROM audit_log WHERE operation='import'").fetchone()[0] == 1
        assert audit.recent(con, 1)["origin"].iloc[0] == "statuts.csv"
    finally:
        con.close()


def test_cli_import_when_app_holds_the_file(fresh_db, tmp_path):
    good = tmp_path / "statuts.csv"
    good.write_text("identifiant;statut\nfiche-15;réalisée\n", encoding="utf-8")
    holder = connect(fresh_db, read_only=False)
    try:
        busy = _cli(["import", str(good)], fresh_db)
    finally:
        holder.close()
    assert busy.returncode == 1
    assert "est utilisée par un autre programme" in busy.stderr
