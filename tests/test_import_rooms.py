"""The coordinator gets through the door: names instead of codes, every problem at once, duplicates
caught, document text kept, values checked before the preview, .ods read, one size limit."""

from __future__ import annotations

import datetime as dt
import io
import tomllib
from pathlib import Path

import pytest
from openpyxl import load_workbook
from workbooks import ATTENDANCE_2022, MEETINGS_2022, bad_sheets, ods, sheets_2022, xlsx

from clsm_data import importing as importer
from clsm_data.core.errors import DataFileError
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.core.tables import TABLES
from clsm_data.importing import AmbiguousTableError, annotated_workbook, formula_like, print_lines
from clsm_data.store.db import connect, table_checksums

ROOT = Path(__file__).resolve().parent.parent
COORD = Caller("coordination", COORDINATOR)


@pytest.fixture
def con(fresh_db):
    c = connect(fresh_db, read_only=False)
    yield c
    c.close()


def _meetings_2022(con):
    return con.execute("SELECT meeting_id, instance_id, date, date_precision, title FROM meeting "
                       "WHERE year(date) = 2022 ORDER BY date, meeting_id").fetchall()


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_the_2022_workbook_typed_with_names_is_accepted_at_first_try(con, kind):
    data = xlsx(sheets_2022()) if kind == "xlsx" else ods(sheets_2022())
    plan = importer.plan_import(con, data, f"annee-2022.{kind}")
    assert plan.counts() == {"action": (1, 1, 0), "meeting": (12, 0, 0), "attendance": (6, 0, 0),
                             "event": (1, 0, 0)}
    assert not plan.duplicates and not plan.pending
    assert any("Feuil3" in m and "vide" in m for m in plan.messages)
    assert "Dates connues seulement en partie (3 au mois) : enregistrées avec cette précision." in plan.messages
    importer.apply_import(con, COORD, plan)
    meetings = _meetings_2022(con)
    assert len(meetings) == 12
    by_title = {m[4]: m for m in meetings}
    # names and acronyms resolved to the app's codes; codes made from instance and date
    assert by_title["Comité de pilotage de printemps"][:4] == ("copil-2022-03-15", "copil", dt.date(2022, 3, 15),
                                                               "jour")
    assert by_title["Comité de pilotage d'automne"][:2] == ("copil-2022-10-04", "copil")
    assert by_title["Groupe jeunes de janvier"][1:4] == ("groupe-jeunes", dt.date(2022, 1, 12), "jour")
    assert by_title["Groupe précarité de février"][1] == "groupe-precarite"
    # « mars 2022 » is kept to the month
    assert by_title["Assemblée plénière 2022"][:4] == ("pleniere-2022-03", "pleniere", dt.date(2022, 3, 1), "mois")
    assert by_title["Groupe culture"][3] == "mois"
    att = con.execute("SELECT meeting_id, structure_id, role_category, count FROM attendance "
                      "WHERE meeting_id LIKE '%2022%' ORDER BY 1, 2, 3").fetchall()
    assert att == sorted([
        ("copil-2022-03-15", "unafam-moselle", "aidant", 2), ("copil-2022-03-15", "ars-grand-est", "professionnel", 1),
        ("copil-2022-03-15", "cmp-winnicott", "professionnel", 3),
        ("copil-2022-03-15", "gem-camille-claudel", "usager", 4),
        ("groupe-jeunes-2022-04-05", "mda-moselle", "professionnel", 2),
        ("groupe-jeunes-2022-04-05", "mda-moselle", "élu", 1)])
    assert len(ATTENDANCE_2022) == 6 and len(MEETINGS_2022) == 12
    action = con.execute("SELECT action_id, plan_id, axis_id, theme_id, status, porteur_id, start_date FROM action "
                         "WHERE title = 'Ateliers bien-être au lycée'").fetchone()
    assert action == ("cls-2022-2026-ateliers-bien-etre-au-lycee", "cls-2022-2026", "cls22-a2", "jeunes", "mise en œuvre",
                      "ville-metz", dt.date(2022, 3, 15))
    assert con.execute("SELECT status FROM action WHERE action_id = 'p22-03'").fetchone() == ("réalisée",)
    event = con.execute("SELECT event_id, year, date, date_precision, theme_id, participants_count, note FROM event "
                        "WHERE title = 'Santé mentale et environnement'").fetchone()
    assert event == ("sism-2022", 2022, dt.date(2022, 10, 1), "mois", "culture-loisirs", 180,
                     "+33 3 87 55 55 55 (standard de la mairie)")  # a phone number is text, not a formula
    # the same workbook again changes nothing
    assert importer.plan_import(con, data, f"annee-2022.{kind}").is_noop


def test_the_same_year_typed_by_a_colleague_is_flagged_as_duplicates(con):
    importer.apply_import(con, COORD, importer.plan_import(con, xlsx(sheets_2022()), "annee-2022.xlsx"))
    before = table_checksums(con, list(TABLES))
    # a colleague's copy of the same meetings, with codes of their own
    sheets = {"réunions": [["identifiant", "instance", "date", "intitulé"],
                           ["cs22-copil-mars", "Comité de pilotage", "15/03/2022", "COPIL mars"],
                           ["cs22-pleniere", "Assemblée plénière", "mars 2022", "Plénière"],
                           ["cs22-copil-dec", "Comité de pilotage", "13/12/2022", "COPIL de décembre"]],
              "présences": [["réunion", "structure", "catégorie", "nombre"],
                            ["cs22-copil-mars", "UNAFAM", "aidant", 2]]}
    data = xlsx(sheets)
    plan = importer.plan_import(con, data, "copie-collegue.xlsx")
    flagged = {d.key[0]: d for d in plan.duplicates}
    assert set(flagged) == {"cs22-copil-mars", "cs22-pleniere"}
    assert flagged["cs22-copil-mars"].existing == ("copil-2022-03-15",)
    assert "même date et même instance" in flagged["cs22-copil-mars"].reason
    assert len(plan.pending) == 2
    with pytest.raises(DataFileError, match="doublon probable"):
        importer.apply_import(con, COORD, plan)
    assert table_checksums(con, list(TABLES)) == before
    # skip: only the new December meeting is added; the attendance of a skipped meeting goes with it
    skip = importer.plan_import(con, data, "copie-collegue.xlsx", duplicates="ignorer")
    assert skip.counts() == {"meeting": (1, 0, 0)}
    # merge: the copy updates the meeting already there, its attendance lands on it (no doubled figures)
    merge = importer.plan_import(con, data, "copie-collegue.xlsx",
                                 duplicates={d.ident: "fusionner" for d in plan.duplicates})
    assert merge.counts()["meeting"] == (1, 2, 0)
    assert merge.counts()["attendance"] == (0, 0, 1)
    importer.apply_import(con, COORD, merge)
    assert con.execute("SELECT count(*) FROM meeting WHERE date = DATE '2022-03-15'").fetchone() == (1,)
    assert con.execute("SELECT sum(count) FROM attendance WHERE meeting_id = 'copil-2022-03-15' "
                       "AND structure_id = 'unafam-moselle'").fetchone() == (2,)


def test_every_error_of_a_bad_workbook_is_listed_in_one_pass(con):
    data = xlsx(bad_sheets())
    with pytest.raises(DataFileError) as info:
        importer.plan_import(con, data, "mauvais.xlsx")
    found = {(p.sheet, p.line, p.column): p for p in info.value.problems}
    assert set(found) >= {
        ("Réunions", 2, "Instance"), ("Réunions", 3, "Date"), ("Réunions", 4, "Modalité"),
        ("Présences", 2, "Structure"), ("Présences", 3, "Catégorie"), ("Présences", 3, "Nombre"),
        ("Présences", 4, "Structure"), ("Présences", 4, "Nombre"),
        ("Actions", 2, "Statut"), ("Actions", 2, "Plan"),
    }
    assert "vouliez-vous dire « Groupe projets « jeunes » » ?" in found[("Réunions", 2, "Instance")].message
    assert "ambigu" in found[("Présences", 2, "Structure")].message
    assert "vouliez-vous dire « GEM Camille Claudel » ou « GEM L'Albatros » ?" in found[("Présences", 2, "Structure")].message
    assert "GEM Camille Claudel" in found[("Présences", 2, "Structure")].expected
    assert "« aidnat » n'est pas une valeur prévue : vouliez-vous dire « aidant » ?" in found[("Présences", 3, "Catégorie")].message
    assert "aidant" in found[("Présences", 3, "Catégorie")].expected
    assert "hors des limites" in found[("Présences", 3, "Nombre")].message  # 99999999999 in an INTEGER column
    assert "Programme 2022" in found[("Actions", 2, "Plan")].message
    assert found[("Actions", 2, "Statut")].found == "à voir"
    # grouped by sheet and column for the command line
    lines = print_lines(info.value)
    assert any(line.startswith("  - mauvais.xlsx, feuille « Réunions », ligne 2, colonne « Instance »")
               for line in lines)
    # the same workbook back, bad cells highlighted with a comment on each
    wb = load_workbook(io.BytesIO(annotated_workbook(data, "mauvais.xlsx", info.value.problems)))
    cell = wb["Réunions"]["A2"]
    assert cell.fill.fgColor.rgb.endswith("F4B6B6")
    assert "Groupe projets « jeunes »" in cell.comment.text
    assert wb["Présences"]["D3"].comment is not None and "hors des limites" in wb["Présences"]["D3"].comment.text
    assert wb["Réunions"]["B2"].comment is None  # a good cell is left alone


def test_a_utf8_file_with_one_stray_byte_is_refused_naming_its_line(con):
    text = "identifiant;instance;date;intitulé\n" + "".join(
        f"reu-{i};copil;0{i}/03/2022;Réunion d'été {i}\n" for i in range(1, 6))
    data = text.encode("utf-8").replace("été 4".encode(), "ét".encode() + b"\xe9 4")  # one stray byte
    before = table_checksums(con, ["meeting"])
    with pytest.raises(DataFileError, match="ligne 5") as info:
        importer.plan_import(con, data, "reunions.csv")
    assert "encodage" in info.value.hint or "UTF-8" in info.value.message
    assert table_checksums(con, ["meeting"]) == before
    # the whole file in Windows-1252 is still read as such
    plan = importer.plan_import(con, text.encode("cp1252"), "reunions.csv")
    assert plan.changes["meeting"].added[0]["title"] == "Réunion d'été 1"


def test_out_of_range_count_named_with_row_and_column(con):
    data = "réunion;structure;catégorie;nombre\nreunion-2021-11-18;UNAFAM;aidant;99999999999\n".encode()
    with pytest.raises(DataFileError, match=r"p\.csv, ligne 2, colonne « nombre » : « 99999999999 » est hors des"):
        importer.plan_import(con, data, "p.csv")


@pytest.mark.parametrize(("text", "formula"), [
    ("+33 3 87 55 55 55", False), ("-12", False), ("- réunion annulée", False), ("+33 (0)3 87 55", False),
    ("=1+1", True), ("=HYPERLINK(\"x\")", True), ("+cmd|' /C calc'!A0", True), ("-2+3+cmd|x", True),
    ("@SUM(A1:A2)", True), ("+A1", True), ("@ la mairie", False), ("Metz", False),
    ("+33 3 87 55 55 55 (standard de la mairie)", False), ("-SOMME(A1)", True), ("+Feuil1!B2", True),
])
def test_formula_is_decided_by_what_a_spreadsheet_would_execute(text, formula):
    assert formula_like(text) is formula


def test_hidden_sheet_is_named_in_the_preview(con):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "actions"
    ws.append(["identifiant", "statut"])
    ws.append(["p22-03", "réalisée"])
    hidden = wb.create_sheet("présences")
    hidden.append(["réunion", "structure", "catégorie", "nombre"])
    hidden.append(["reunion-2021-11-18", "UNAFAM", "aidant", 1])
    hidden.sheet_state = "hidden"
    out = io.BytesIO()
    wb.save(out)
    plan = importer.plan_import(con, out.getvalue(), "masque.xlsx")
    assert any("« présences » masquée" in m for m in plan.messages)


def test_document_text_is_kept_unless_the_coordinator_says_so(con):
    title = con.execute("SELECT title FROM action WHERE action_id = 'p22-05'").fetchone()[0]
    data = "identifiant;intitulé;statut\np22-05;SISM;réalisée\n".encode()
    plan = importer.plan_import(con, data, "court.csv")
    [change] = plan.source_text
    assert (change.column, change.old, change.new, change.replace) == ("title", title, "SISM", False)
    importer.apply_import(con, COORD, plan)
    assert con.execute("SELECT title, status FROM action WHERE action_id = 'p22-05'").fetchone() == (title, "réalisée")
    plan = importer.plan_import(con, data, "court.csv", replace_source={change.ident})
    importer.apply_import(con, COORD, plan)
    assert con.execute("SELECT title FROM action WHERE action_id = 'p22-05'").fetchone() == ("SISM",)


def test_ambiguous_table_says_which_tables_and_can_be_chosen(con):
    data = "identifiant;intitulé\np22-03;Titre\n".encode()
    with pytest.raises(AmbiguousTableError) as info:
        importer.plan_import(con, data, "a.csv")
    assert set(info.value.choices[None]) >= {"action", "meeting"}
    plan = importer.plan_import(con, data, "a.csv", table="action")
    assert set(plan.changes) == {"action"}


def test_one_size_limit_for_page_and_command_line(con, tmp_path):
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * 1_000_000 == importer.MAX_BYTES == 10_000_000
    big = tmp_path / "gros.csv"
    big.write_bytes(b"a" * (importer.MAX_BYTES + 1))
    with pytest.raises(DataFileError, match=r"trop volumineux \(10,0 Mo ; 10 Mo au plus\)"):
        importer.plan_import(con, big)
    with pytest.raises(DataFileError, match=r"10 Mo au plus"):
        importer.plan_import(con, big.read_bytes(), "gros.csv")


def test_the_template_guides(con):
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(importer.template_for(con)))
    assert wb.sheetnames[:2] == ["aide", "listes"] and wb["listes"].sheet_state == "hidden"
    help_rows = [[c.value for c in row] for row in wb["aide"].iter_rows(min_row=5)]
    assert ["réunions", "instance", "instance (liste déroulante)", "Comité de pilotage", "oui (nouvelle ligne)"] \
        in help_rows
    meetings = wb["réunions"]
    header = [c.value for c in meetings[1]]
    rows = [[c.value for c in r] for r in meetings.iter_rows(min_row=2, max_row=meetings.max_row)]
    assert any(r[header.index("instance")] == "Comité de pilotage" for r in rows)  # names, not codes
    lists = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1
             for dv in meetings.data_validations.dataValidation}
    assert lists[chr(ord("A") + header.index("instance"))].startswith("=listes!")
    listed = {c.value for c in wb["listes"]["A"]} | {c.value for row in wb["listes"].iter_cols() for c in row}
    assert {"Comité de pilotage", "UNAFAM Moselle", "professionnel", "réalisée"} <= listed
    date_col = header.index("date") + 1
    assert meetings.cell(row=2, column=date_col).number_format == "DD/MM/YYYY"
    assert isinstance(meetings.cell(row=2, column=date_col).value, dt.datetime)
    attendance = wb["présences"]
    att_header = [c.value for c in attendance[1]]
    letter = chr(ord("A") + att_header.index("catégorie"))
    assert any(str(dv.sqref).startswith(letter) for dv in attendance.data_validations.dataValidation)


def test_cli_lists_problems_grouped_and_asks_about_duplicates(fresh_db, tmp_path):
    import os
    import subprocess
    import sys

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "clsm_data", *args], cwd=ROOT,
                              env={**os.environ, "CLSM_DB": str(fresh_db)}, capture_output=True, text=True, timeout=120)

    bad = tmp_path / "mauvais.xlsx"
    bad.write_bytes(xlsx(bad_sheets()))
    refused = cli("import", str(bad))
    assert refused.returncode == 2
    assert "10 problème(s)" in refused.stderr
    assert "vouliez-vous dire « Groupe projets « jeunes » » ?" in refused.stderr
    year = tmp_path / "annee-2022.xlsx"
    year.write_bytes(xlsx(sheets_2022()))
    assert cli("import", str(year)).returncode == 0
    copy = tmp_path / "copie.csv"
    copy.write_text("identifiant;instance;date;intitulé\ncs22-copil;COPIL;15/03/2022;COPIL mars\n", encoding="utf-8")
    asked = cli("import", str(copy))
    assert asked.returncode == 2 and "doublon probable" in asked.stdout and "--doublons" in asked.stderr
    skipped = cli("import", str(copy), "--doublons", "ignorer")
    assert skipped.returncode == 0 and "Rien à écrire" in skipped.stdout


def test_the_empty_template_with_one_sheet_filled_is_accepted(con):
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(importer.template_xlsx()))
    ws = wb["réunions"]
    header = [c.value for c in ws[1]]
    row = [None] * len(header)
    row[header.index("instance")] = "Assemblée plénière"
    row[header.index("date")] = dt.datetime(2022, 6, 21)
    row[header.index("intitulé")] = "Plénière de juin"
    ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    plan = importer.plan_import(con, out.getvalue(), "modele-rempli.xlsx")
    assert plan.counts() == {"meeting": (1, 0, 0)}
    assert plan.changes["meeting"].added[0]["meeting_id"] == "pleniere-2022-06-21"
    assert sum("ignorée" in m for m in plan.messages) == len(importer.IMPORTABLE) - 1


def test_a_refused_csv_comes_back_as_an_annotated_workbook(con):
    data = "identifiant;statut;début\np22-03;fini;31/02/2022\np22-04;idée;15/03/2022\n".encode("cp1252")
    with pytest.raises(DataFileError) as info:
        importer.plan_import(con, data, "statuts.csv")
    assert len(info.value.problems) == 2
    wb = load_workbook(io.BytesIO(annotated_workbook(data, "statuts.csv", info.value.problems)))
    ws = wb.active
    assert [c.value for c in ws[1]] == ["identifiant", "statut", "début"]
    assert "« fini » n'est pas une valeur prévue" in ws["B2"].comment.text
    assert "n'est pas une date qui existe" in ws["C2"].comment.text
    assert ws["B3"].comment is None and ws["A2"].comment is None


def test_no_second_wave_a_row_with_a_bad_cell_is_also_checked_for_missing_values(con):
    # a new action with a bad status and no title nor plan: the three problems at once
    data = "identifiant;statut;début\nnouvelle-action;à voir;15/03/2022\n".encode()
    with pytest.raises(DataFileError) as info:
        importer.plan_import(con, data, "a.csv")
    columns = sorted(p.column for p in info.value.problems)
    assert columns == ["intitulé", "plan", "statut"], info.value.details()


def test_rows_depending_on_a_refused_row_are_not_refused_for_it(con):
    data = xlsx({"réunions": [["identifiant", "instance", "date"], ["r-1", "COPIL", "31/02/2022"]],
                 "présences": [["réunion", "structure", "catégorie", "nombre"], ["r-1", "UNAFAM", "aidant", 2]]})
    with pytest.raises(DataFileError) as info:
        importer.plan_import(con, data, "m.xlsx")
    assert [(p.sheet, p.column) for p in info.value.problems] == [("réunions", "date")]


# The floors of clsm_data.importing, bottom first: a module imports only those before it (issue 17).
FLOORS = ["words", "problems", "reader", "names", "cells", "layout", "memory", "inferred", "planner", "report", "edits"]


def test_the_importer_modules_import_one_way_only():
    import ast

    package = ROOT / "clsm_data" / "importing"
    assert sorted(p.stem for p in package.glob("*.py") if p.stem != "__init__") == sorted(FLOORS)
    upward = []
    for name in FLOORS:
        tree = ast.parse((package / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):  # imports inside functions count too: no circle dodged that way
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("clsm_data.importing"):
                used = node.module.rpartition(".")[2] if node.module != "clsm_data.importing" else None
                used = [used] if used else [a.name for a in node.names]
                upward += [f"{name} -> {u}" for u in used if u in FLOORS and FLOORS.index(u) >= FLOORS.index(name)]
    assert upward == []
