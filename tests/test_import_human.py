"""The coordinator's own spreadsheets, read at the first try: headers of their own, dates in words, amounts in
euros, « environ 620 », TOTAL rows and lines under the table; an unknown header or name answered once on the
page and remembered; six meetings on one day flagged; a stray quote named by its line. The files are made by
tests/data/make_human.py (committed with it)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import sys
from pathlib import Path

import pytest

from clsm_data import importing
from clsm_data.core.errors import DataFileError
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.core.tables import TABLES
from clsm_data.importing.cells import amount, parse_date, read_cell
from clsm_data.store.db import connect, table_checksums

ROOT = Path(__file__).resolve().parent.parent
HUMAN = ROOT / "tests" / "data" / "human"
COORD = Caller("coordination", COORDINATOR)


def _make_human():
    spec = importlib.util.spec_from_file_location("make_human", ROOT / "tests" / "data" / "make_human.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_human"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def con(fresh_db):
    c = connect(fresh_db, read_only=False)
    yield c
    c.close()


def _refused(con, name: str) -> DataFileError:
    """The questions of a file, every one asked (the page reads the sure proposals without asking: assume)."""
    with pytest.raises(DataFileError) as info:
        importing.plan_import(con, HUMAN / name, assume=False)
    return info.value


def test_the_committed_files_are_the_generator_s():
    mh = _make_human()
    for book in mh.TRAINING:
        assert (HUMAN / book.name).exists(), book.name
        if book.csv is not None:
            assert (HUMAN / book.name).read_bytes() == mh.file_bytes(book)
    assert len(mh.TRAINING) >= 8 and len(mh.HELDOUT_BOOKS) >= 6
    assert all((mh.HELDOUT / b.name).exists() for b in mh.HELDOUT_BOOKS)


def test_meetings_with_dates_in_words_and_a_signature_under_the_table(con):
    plan = importing.plan_import(con, HUMAN / "t01_reunions_dates_en_lettres.xlsx")
    assert plan.counts() == {"meeting": (4, 0, 0)}
    said = [m for m in plan.messages if "ligne écrite sous le tableau" in m]
    assert said == [
        "Ligne 9 de la feuille « Réunions 2022 » (« Source : tableau de suivi de la coordination ») : ligne écrite "
        "sous le tableau (source, signature…), laissée de côté.",
        "Ligne 10 de la feuille « Réunions 2022 » (« Marie, coordinatrice du CLSM ») : ligne écrite sous le tableau "
        "(source, signature…), laissée de côté."]
    importing.apply_import(con, COORD, plan)
    rows = con.execute("SELECT instance_id, date, date_precision, place, title, note FROM meeting "
                       "WHERE year(date) = 2022 ORDER BY date, instance_id").fetchall()
    assert rows == [
        ("groupe-logement", dt.date(2022, 3, 1), "mois", None, "Groupe logement", None),
        ("copil", dt.date(2022, 3, 15), "jour", "Hôtel de ville", "COPIL de printemps", None),
        ("pleniere", dt.date(2022, 4, 1), "jour", "Arsenal", "Plénière annuelle", "ordre du jour envoyé"),
        ("copil", dt.date(2022, 6, 21), "jour", "Metz", "COPIL d'été", None),
    ]
    assert importing.plan_import(con, HUMAN / "t01_reunions_dates_en_lettres.xlsx").is_noop


def test_approximate_counts_keep_their_precision_and_the_total_row_is_left_out(con):
    plan = importing.plan_import(con, HUMAN / "t02_evenements_approximatifs.xlsx")
    assert plan.counts() == {"event": (3, 0, 0)}
    assert "Ligne 5 de la feuille « Événements » (« TOTAL ») : ligne de total, laissée de côté." in plan.messages
    assert any(m.startswith("3 nombre(s) approximatif(s) (« environ 620 », « ~45 », « 12 env. »)")
               for m in plan.messages)
    importing.apply_import(con, COORD, plan)
    rows = dict(((t, (n, note)) for t, n, note in con.execute(
        "SELECT title, participants_count, note FROM event WHERE year = 2022").fetchall()))
    assert rows["Santé mentale et environnement"] == (620, "valeur approximative (« environ 620 »)")
    assert rows["Sensibilisation des agents"] == (45, "deux sessions ; valeur approximative (« ~45 »)")
    assert rows["Formation premiers secours en santé mentale"] == (12, "valeur approximative (« 12 env. »)")
    # the same file again: the note is not written twice
    assert importing.plan_import(con, HUMAN / "t02_evenements_approximatifs.xlsx").is_noop


def test_amounts_in_euros_an_excel_day_number_and_a_general_total(con):
    plan = importing.plan_import(con, HUMAN / "t03_actions_montants.xlsx")
    assert plan.counts() == {"action": (3, 0, 0)}
    assert "Ligne 5 de la feuille « Actions » (« Total général ») : ligne de total, laissée de côté." in plan.messages
    importing.apply_import(con, COORD, plan)
    rows = con.execute("SELECT title, porteur_id, start_date, end_date, budget_eur, status FROM action "
                       "WHERE plan_id = 'programme-2022' AND budget_eur = 1200 ORDER BY title").fetchall()
    assert rows == [
        ("Ateliers d'écriture au GEM", "gem-camille-claudel", dt.date(2022, 3, 15), dt.date(2022, 6, 30), 1200.0,
         "mise en œuvre"),
        ("Café des aidants", "unafam-moselle", dt.date(2022, 2, 1), None, 1200.0, "idée"),
        ("Forum logement", "adoma", dt.date(2022, 9, 15), None, 1200.0, "réalisée"),
    ]


def test_attendance_typed_with_names_and_an_approximate_count(con):
    plan = importing.plan_import(con, HUMAN / "t04_presences_noms.xlsx")
    importing.apply_import(con, COORD, plan)
    rows = con.execute("SELECT structure_id, role_category, count, note FROM attendance "
                       "WHERE meeting_id = 'copil-2022-05-12' ORDER BY structure_id").fetchall()
    assert rows == [("ch-jury", "professionnel", 3, None), ("mda-moselle", "professionnel", 4,
                                                            "valeur approximative (« environ 4 »)"),
                    ("unafam-moselle", "aidant", 2, None)]


def test_an_unknown_header_is_said_once_then_mapped_once_for_every_file_of_that_shape(con, fresh_db):
    refusal = _refused(con, "t05_colonne_inconnue.xlsx")
    # one problem, for the header; not « valeur obligatoire manquante » on every row
    assert [str(p) for p in refusal.problems] == [
        "t05_colonne_inconnue.xlsx, feuille « Réunions », ligne 1, colonne « Lieu exact de la rencontre » : colonne « Lieu "
        "exact de la rencontre » non reconnue pour la table réunions : proposée comme colonne « lieu »"]
    [question] = importing.questions(refusal.problems)
    assert (question.kind, question.table, question.proposed) == ("column", "meeting", "place")
    from openpyxl import load_workbook

    annotated = load_workbook(io.BytesIO(importing.annotated_workbook(
        (HUMAN / "t05_colonne_inconnue.xlsx").read_bytes(), "t05_colonne_inconnue.xlsx", refusal.problems)))
    assert "non reconnue" in annotated["Réunions"]["C1"].comment.text  # the header cell, in red
    assert ("+note", "à ajouter à la note de chaque ligne (« en-tête : valeur »)") in question.options
    # « lieu » is the header's one known word: read so at the first try, said in the preview, remembered once written
    plan = importing.plan_import(con, HUMAN / "t05_colonne_inconnue.xlsx")
    assert plan.messages[0] == "Colonne « Lieu exact de la rencontre » (feuille « Réunions ») lue comme colonne « lieu »."
    assert [(q.text, value) for q, value in plan.assumed] == [("Lieu exact de la rencontre", "place")]
    assert importing.listing(con) == []  # nothing remembered before the import is confirmed
    importing.apply_import(con, COORD, plan)
    assert con.execute("SELECT place FROM meeting WHERE meeting_id = 'copil-2022-02-07'").fetchone() == (
        "Salle des commissions",)
    # the next file of that shape passes at the first try, on the page and on the command line
    second = importing.plan_import(con, HUMAN / "t05b_colonne_inconnue_meme_forme.xlsx")
    assert second.counts() == {"meeting": (1, 0, 0)}
    assert second.changes["meeting"].added[0]["place"] == "Salle Braun"
    assert [r["Écrit"] for r in importing.listing(con)] == ["Lieu exact de la rencontre"]
    con.close()
    import os
    import subprocess

    cli = subprocess.run([sys.executable, "-m", "clsm_data", "import", str(HUMAN / "t05b_colonne_inconnue_meme_forme.xlsx"),
                          "--dry-run"], cwd=ROOT, env={**os.environ, "CLSM_DB": str(fresh_db)}, capture_output=True,
                         text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr


def test_a_short_name_is_matched_once_among_names_then_kept_as_an_alias(con):
    refusal = _refused(con, "t06_noms_courts.xlsx")
    [question] = importing.questions(refusal.problems)
    assert (question.kind, question.table, question.text, question.lines) == ("name", "instance", "Grp jeunes", [2])
    labels = [label for _, label in question.options]
    assert labels[0] == "Groupe projets « jeunes »"  # the closest first, then every instance by its name
    assert "Comité de pilotage" in labels and not any(v == label for v, label in question.options)  # names, not codes
    assert "vouliez-vous dire « Groupe projets « jeunes » »" in refusal.problems[0].message
    importing.remember(con, COORD, [(question, "groupe-jeunes")])
    plan = importing.plan_import(con, HUMAN / "t06_noms_courts.xlsx")
    assert plan.changes["meeting"].added[0]["instance_id"] == "groupe-jeunes"
    assert plan.changes["meeting"].added[0]["note"] == "Thème : Jeunes"  # no « thème » column for a meeting
    [alias] = importing.listing(con)
    assert (alias["Écrit"], alias["Compris comme"]) == ("Grp jeunes", "Groupe projets « jeunes »")
    importing.forget(con, COORD, alias["kind"], alias["target"], alias["key"])
    assert importing.listing(con) == []
    _refused(con, "t06_noms_courts.xlsx")
    assert con.execute("SELECT count(*) FROM audit_log WHERE operation LIKE 'correspondance%'").fetchone() == (2,)


def test_six_meetings_on_one_day_are_flagged_against_each_other(con):
    plan = importing.plan_import(con, HUMAN / "t07_six_reunions_meme_date.xlsx")
    assert len(plan.duplicates) == 5 and len(plan.pending) == 5
    assert {d.line for d in plan.duplicates} == {3, 4, 5, 6, 7}
    assert all(d.reason == "même instance et même date qu'à la ligne 2 du fichier" for d in plan.duplicates)
    assert plan.duplicates[0].label == "Comité de pilotage du 20/09/2022 (COPIL 1) (ligne 2)"
    assert plan.duplicates[0].row_label == "Comité de pilotage du 20/09/2022 (COPIL 2)"
    skipped = importing.plan_import(con, HUMAN / "t07_six_reunions_meme_date.xlsx", duplicates="ignorer")
    assert skipped.counts() == {"meeting": (1, 0, 0)}
    merged = importing.plan_import(con, HUMAN / "t07_six_reunions_meme_date.xlsx", duplicates="fusionner")
    assert merged.counts() == {"meeting": (1, 0, 0)}
    importing.apply_import(con, COORD, merged)
    assert con.execute("SELECT count(*) FROM meeting WHERE date = DATE '2022-09-20'").fetchone() == (1,)


def test_attendance_naming_its_meeting_by_instance_and_date(con):
    plan = importing.plan_import(con, HUMAN / "t11_presences_instance_et_date.xlsx")
    assert plan.counts() == {"meeting": (1, 0, 0), "attendance": (2, 0, 0)}
    assert sorted((r["meeting_id"], r["structure_id"], r["count"]) for r in plan.changes["attendance"].added) == [
        ("copil-2022-05-12", "ch-jury", 3), ("copil-2022-05-12", "unafam-moselle", 2)]


def test_a_csv_with_a_stray_quote_is_refused_naming_its_line(con):
    before = table_checksums(con, list(TABLES))
    refusal = _refused(con, "t08_guillemet.csv")
    assert str(refusal.problems[0]) == ("t08_guillemet.csv, ligne 3 : CSV illisible : un guillemet ouvert ligne 3 "
                                        "n'est jamais refermé")
    assert table_checksums(con, list(TABLES)) == before


def test_partners_typed_with_their_own_headers(con):
    plan = importing.plan_import(con, HUMAN / "t09_structures_sigles.xlsx")
    added = {r["name"]: r for r in plan.changes["structure"].added}
    ccas = added["Centre communal d'action sociale de Metz"]
    assert (ccas["structure_id"], ccas["acronym"], ccas["type"], ccas["commune"]) == (
        "ccas", "CCAS", "établissement public", "Metz")
    espoir = added["Association Espoir 57"]
    assert (espoir["website"], espoir["note"]) == ("www.espoir57.fr", "partenaire depuis 2022")


@pytest.mark.parametrize(("raw", "expected"), [
    ("15 mars 2022", dt.date(2022, 3, 15)), ("1er avril 2022", dt.date(2022, 4, 1)),
    ("jeudi 15 septembre 2022", dt.date(2022, 9, 15)), (44635, dt.date(2022, 3, 15)), ("44635", dt.date(2022, 3, 15)),
    ("mars 2022", dt.date(2022, 3, 1)), (2022, dt.date(2022, 1, 1)), ("15/03/2022 à 14h", dt.date(2022, 3, 15)),
    ("15 mars 2022 14:30", dt.date(2022, 3, 15)), ("15/03/2022 de 14h à 16h", dt.date(2022, 3, 15)),
    ("15/03/22", dt.date(2022, 3, 15)), ("mardi 15 mars 2022", dt.date(2022, 3, 15)),
    ("Mardi 15 Mars 2022", dt.date(2022, 3, 15)), (" 15 mars 2022 ", dt.date(2022, 3, 15)),
])
def test_dates_as_people_type_them(raw, expected):
    assert parse_date(raw, partial=True) == expected


def test_day_numbers_only_in_a_plausible_range():
    from clsm_data.core.validate import CellError

    with pytest.raises(CellError):
        parse_date(12, partial=False)  # a count typed in a date column is not a day of 1900
    with pytest.raises(CellError):
        parse_date(99999, partial=False)


@pytest.mark.parametrize(("text", "value"), [("1 200,00 €", 1200.0), ("1 200 €", 1200.0), ("1200 euros", 1200.0),
                                             ("1\u202f200 €", 1200.0), ("3.000,00 €", 3000.0), ("3.000 €", 3000.0),
                                             ("douze euros", None), ("0.125", None), ("12,5", None)])
def test_amounts(text, value):
    assert amount(text) == value  # None: not an amount, left to the ordinary number rules


@pytest.mark.parametrize(("text", "value"), [("0.125", 0.125), ("1.5", 1.5), ("12,5", 12.5), ("1 200,00 €", 1200.0)])
def test_numbers_without_a_currency_keep_their_decimal_point(text, value):
    assert read_cell(TABLES["indicator_value"].col("value"), text) == value


@pytest.mark.parametrize("text", ["environ 620", "~620", "620 env.", "env. 620", "620 environ", "≈ 620", "≈620",
                                  "près de 620", "Près de 620", "pres de 620", "à peu près 620", "620 à peu près",
                                  "± 620", "plus de 620", "au moins 620", "620 (env.)", "autour de 620"])
def test_approximate_counts_are_read_with_their_text(text):
    value = read_cell(TABLES["event"].col("participants_count"), text)
    assert (value, value.text) == (620, text)


def test_the_page_asks_a_name_once_among_names_and_previews_names_only(app_db):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    at.switch_page("pages/7_administration.py")
    at.run()
    data = (HUMAN / "t10_partenaire_court.xlsx").read_bytes()
    at.file_uploader(key="clsm_import_file").set_value(("t10_partenaire_court.xlsx", data, "application/vnd."
                                                        "openxmlformats-officedocument.spreadsheetml.sheet"))
    at.run()
    assert not at.exception
    question = next(s for s in at.selectbox if s.key.startswith("clsm_import_q_name:structure:"))
    assert "« Unafam Metz »" in question.label
    assert "UNAFAM Moselle" in question.options and "unafam-moselle" not in question.options  # names shown
    question.select("unafam-moselle")
    at.run()
    at.button(key="clsm_import_answer").click()
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    frames = [d.value for d in at.dataframe]
    cells = {str(v) for f in frames for col in f.columns for v in f[col]}
    assert {"UNAFAM Moselle", "Ville de Metz", "Assemblée plénière"} <= cells
    for code in ("unafam-moselle", "ville-metz", "pleniere", "pleniere-2022-06-02"):
        assert code not in cells
    assert not cells & {"nan", "None", "NaN", "empty", "<NA>"}
    at.button(key="clsm_import_confirm").click()
    at.run()
    assert not at.exception
    from components import data as app_data

    cur = app_data._connection(str(app_db)).cursor()  # the app holds the file: read through its connection
    assert cur.execute("SELECT structure_id, count FROM attendance WHERE meeting_id = 'pleniere-2022-06-02' "
                       "ORDER BY 1").fetchall() == [("unafam-moselle", 3), ("ville-metz", 1)]
    assert [r["Écrit"] for r in importing.listing(cur)] == ["Unafam Metz"]


def test_the_page_proposes_a_column_for_an_unknown_header_and_lists_what_it_remembers(app_db):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    at.switch_page("pages/7_administration.py")
    at.run()
    name = "t05_colonne_inconnue.xlsx"
    at.file_uploader(key="clsm_import_file").set_value((name, (HUMAN / name).read_bytes(), "application/octet-stream"))
    at.run()
    # read at the first try with « lieu », the header's one known word; changeable before confirming
    assert any("L'import a compris seul 1 colonne de ce fichier" in i.value for i in at.info)
    question = at.selectbox(key="clsm_import_q_column:meeting:lieu exact rencontre")
    assert question.label.replace("\\", "") == (  # the label is escaped markdown
        "Colonne « Lieu exact de la rencontre » (feuille « Réunions ») : que contient-elle ?")
    assert question.value == "place"  # proposed from the header's words: one click to accept
    assert "à ignorer" in question.options
    at.button(key="clsm_import_answer").click()
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    added = next(d.value for d in at.dataframe if "lieu" in d.value.columns)
    assert sorted(added["lieu"]) == ["Arsenal", "Salle des commissions"]
    assert "identifiant" not in added.columns  # the made-up code is not shown
    remembered = next(d.value for d in at.dataframe if "Compris comme" in d.value.columns)
    assert list(remembered["Écrit"]) == ["Lieu exact de la rencontre"]
    assert list(remembered["Compris comme"]) == ["colonne « lieu »"]
    at.selectbox(key="clsm_import_forget_choice").select(0)
    at.run()
    at.button(key="clsm_import_forget").click()
    at.run()
    assert not at.exception
    assert not any("Compris comme" in d.value.columns for d in at.dataframe)
    assert at.selectbox(key="clsm_import_q_column:meeting:lieu exact rencontre").value == "place"  # asked again


def test_a_sheet_whose_key_header_is_written_otherwise_is_still_read_and_asked_about(con):
    refusal = _refused(con, "t12_instance_sous_un_autre_nom.xlsx")
    [question] = importing.questions(refusal.problems)
    assert (question.table, question.text, question.proposed) == ("meeting", "Groupe concerné", "instance_id")
    # the column the codes are made from is absent: said once, pointing at the header not recognised
    assert "colonne « instance » absente : elle est obligatoire pour créer une ligne de la table réunions ; " \
           "associez-lui l'une des colonnes non reconnues (« Groupe concerné »)" in [p.message for p in refusal.problems]
    assert len(refusal.problems) == 2
    importing.remember(con, COORD, [(question, "instance_id")])
    plan = importing.plan_import(con, HUMAN / "t12_instance_sous_un_autre_nom.xlsx")
    assert sorted(r["instance_id"] for r in plan.changes["meeting"].added) == ["copil", "groupe-precarite"]


def test_previews_name_rows_and_references_and_leave_no_nan(con):
    from components.admin import _frame, updated_frame

    importing.apply_import(con, COORD, importing.plan_import(con, HUMAN / "t03_actions_montants.xlsx"))
    # a second file: one action changes carrier and status, another its end date only
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Intitulé de l'action", "Plan", "Porteur", "Date de fin", "Statut"])
    ws.append(["Forum logement", "Programme 2022", "Pension de famille (ADOMA)", None, "abandonnée"])
    ws.append(["Café des aidants", "Programme 2022", None, "30 juin 2023", None])
    path = Path(con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
                            ).fetchone()[0]).with_name("maj.xlsx")
    wb.save(path)
    plan = importing.plan_import(con, path)
    frame = updated_frame(plan, "action", plan.changes["action"].updated)
    cells = {str(v) for col in frame.columns for v in frame[col]}
    assert {"Forum logement", "Café des aidants", "ADOMA → Pension de famille (ADOMA)",
            "non renseigné → 30/06/2023"} <= cells
    assert not cells & {"nan", "None", "NaN", "empty", "<NA>", "adoma", "adoma-pension-famille", "programme-2022"}
    assert not any(c.startswith("programme-2022-") for c in cells)  # the actions' made-up codes
    unchanged = _frame("action", plan.changes["action"].unchanged, plan)
    assert unchanged.empty


def test_an_unknown_header_whose_values_are_dates_is_proposed_as_the_date(con):
    data = "Quand;Instance;Intitulé;Combien\n07/02/2022;COPIL;COPIL de février;12\n3 mars 2022;COPIL;COPIL de mars;9\n"
    with pytest.raises(DataFileError) as info:
        importing.plan_import(con, data.encode(), "quand.csv")
    asked = {q.text: q.proposed for q in importing.questions(info.value.problems)}
    assert asked == {"Quand": "date", "Combien": "+note"}  # a meeting has no count: its note, by default
    assert sum("absente" in p.message for p in info.value.problems) == 1  # the date, said once for both rows


def test_every_training_file_passes_by_the_second_try(seed_db, capsys):
    mh = _make_human()
    n, first, second = mh.measure(mh.TRAINING, mh.HUMAN, seed_db, "entraînement")
    assert (n, second) == (len([b for b in mh.TRAINING if not b.refused]), n), capsys.readouterr().out
    assert first >= n // 2


def test_rows_named_by_a_short_name_update_the_stored_row_and_the_name_is_kept(con):
    plan = importing.plan_import(con, HUMAN / "t13_structures_noms_courts.xlsx")
    # « UNAFAM », the acronym of a stored structure: that row, updated (its name kept)
    (before, after), = [(b, a) for b, a in plan.changes["structure"].updated if a["structure_id"] == "unafam-moselle"]
    assert after["commune"] == "Metz"
    # the file's remark is added to the note; the reading of the documents written there is never erased
    assert after["note"] == before["note"] + " ; permanence le mardi" and before["note"].startswith("Variantes :")
    assert "name" not in after  # the short name replaces nothing (checked in the database below)
    # « Espace Koltès »: its words are in « Espace Bernard Marie Koltès » only: that row, said, remembered once written
    assert plan.counts() == {"structure": (0, 2, 0)} and not plan.duplicates
    assert "« Espace Koltès » (feuille « Structures ») lu comme « Espace Bernard Marie Koltès »." in plan.messages
    importing.apply_import(con, COORD, plan)
    assert con.execute("SELECT name, commune FROM structure WHERE structure_id = 'espace-bernard-marie-koltes'"
                       ).fetchone() == ("Espace Bernard Marie Koltès", "Metz")
    assert con.execute("SELECT name FROM structure WHERE structure_id = 'unafam-moselle'").fetchone() == (
        "UNAFAM Moselle",)
    assert [(r["Écrit"], r["Compris comme"]) for r in importing.listing(con)] == [
        ("Espace Koltès", "Espace Bernard Marie Koltès")]
    again = importing.plan_import(con, HUMAN / "t13_structures_noms_courts.xlsx")
    assert not again.duplicates and again.is_noop


def test_an_action_named_by_the_start_of_its_title_is_read_within_its_plan(con):
    # its words in one stored action's title of that plan only: that action, said (« lu comme »), never a new one
    data = "Intitulé;Plan;Statut\nCoordination du Conseil local;CLS 2022-2026;réalisée\n".encode()
    plan = importing.plan_import(con, data, "statuts.csv")
    assert not plan.duplicates
    assert "« Coordination du Conseil local » lu comme « Coordination du Conseil local de santé mentale »." \
        in plan.messages
    assert plan.counts() == {"action": (0, 1, 0)}
    importing.apply_import(con, COORD, plan)
    assert con.execute("SELECT title, status FROM action WHERE action_id = 'fiche-15'").fetchone() == (
        "Coordination du Conseil local de santé mentale", "réalisée")
    assert importing.plan_import(con, data, "statuts.csv").is_noop


def test_an_event_sheet_without_a_type_column_gets_its_type_from_the_title(con):
    data = ("Intitulé;Date;Participants\nSISM 2023 : santé mentale et sport;octobre 2023;environ 200\n"
            "Formation PSSM des agents;14/11/2023;12\n").encode()
    plan = importing.plan_import(con, data, "evenements.csv")
    added = sorted((r["event_id"], r["kind"], r["participants_count"]) for r in plan.changes["event"].added)
    assert added == [("formation-2023-11-14", "formation", 12), ("sism-2023", "SISM", 200)]
    assert "Type d'événement déduit de l'intitulé pour 2 ligne(s) (SISM, formation)." in plan.messages


def test_a_key_column_written_otherwise_is_said_once_not_on_every_row(con):
    data = ("Rencontre;Structure;Catégorie;Nombre\ninfo-partenaires-2021-05-27;UNAFAM;aidant;2\n"
            "info-partenaires-2021-05-27;CH Jury;professionnel;3\n").encode()
    with pytest.raises(DataFileError) as info:
        importing.plan_import(con, data, "presences.csv", table="attendance", assume=False)
    assert [p.message for p in info.value.problems] == [
        "colonne « Rencontre » non reconnue pour la table présences : proposée comme colonne « réunion »",  # its values
        "colonne « réunion » absente : elle identifie chaque ligne ; associez-lui l'une des colonnes non reconnues "
        "(« Rencontre »)"]
    [question] = importing.questions(info.value.problems)
    # its values are meetings' codes: read so at the first try, said
    first = importing.plan_import(con, data, "presences.csv", table="attendance")
    assert first.counts() == {"attendance": (2, 0, 0)} and first.assumed[0][1] == "meeting_id"
    importing.remember(con, COORD, [(question, "meeting_id")])
    assert importing.plan_import(con, data, "presences.csv").counts() == {"attendance": (2, 0, 0)}


def test_a_span_or_words_instead_of_a_count_are_refused_saying_what_to_write():
    from clsm_data.core.validate import CellError
    from clsm_data.importing.cells import Spanned

    col = TABLES["event"].col("participants_count")
    # an optional count given as a range: no number made up, the words kept (the planner puts them in the note)
    assert isinstance(read_cell(col, "80 à 100"), Spanned) and read_cell(col, "80 à 100") == "80 à 100"
    with pytest.raises(CellError, match=r"« 80 à 100 » est une fourchette : écrivez un seul nombre"):
        read_cell(TABLES["attendance"].col("count"), "80 à 100")  # a count the row cannot do without: asked
    with pytest.raises(CellError, match=r"« beaucoup » n'est pas un nombre entier .*« environ 12 »"):
        read_cell(col, "beaucoup")
    about = read_cell(col, "une centaine")  # a round number in words: about 100, the words kept
    assert int(about) == 100 and about.text == "une centaine"


def test_approximate_counts_typed_otherwise_are_imported_with_their_text_in_the_note(con):
    data = _xlsx({"Événements": [["Type", "Titre", "Date", "Public"],
                                 ["SISM", "Santé mentale et sport", "10 octobre 2023", "≈ 300"],
                                 ["sensibilisation", "Sensibilisation en lycée", "18/10/2023", "près de 80"]]})
    plan = importing.plan_import(con, data, "sism.xlsx")
    added = {r["title"]: (r["participants_count"], r["note"]) for r in plan.changes["event"].added}
    assert added == {"Santé mentale et sport": (300, "valeur approximative (« ≈ 300 »)"),
                     "Sensibilisation en lycée": (80, "valeur approximative (« près de 80 »)")}


@pytest.mark.parametrize(("text", "start", "end"), [
    ("du 9 au 22 octobre 2023", dt.date(2023, 10, 9), dt.date(2023, 10, 22)),
    ("Du 9 au 22 Octobre 2023", dt.date(2023, 10, 9), dt.date(2023, 10, 22)),
    ("9-22 octobre 2023", dt.date(2023, 10, 9), dt.date(2023, 10, 22)),
    ("9 au 22 octobre 2023", dt.date(2023, 10, 9), dt.date(2023, 10, 22)),
    ("du 1er au 15 mars 2022", dt.date(2022, 3, 1), dt.date(2022, 3, 15)),
    ("du 28 septembre au 3 octobre 2023", dt.date(2023, 9, 28), dt.date(2023, 10, 3)),
    ("du 28/09 au 03/10/2023", dt.date(2023, 9, 28), dt.date(2023, 10, 3)),
    ("du 09/10/2023 au 22/10/2023", dt.date(2023, 10, 9), dt.date(2023, 10, 22)),
    ("du 28 décembre au 3 janvier 2024", dt.date(2023, 12, 28), dt.date(2024, 1, 3)),
])
def test_periods_as_people_type_them(text, start, end):
    from clsm_data.importing.cells import parse_period

    period = parse_period(text)
    assert (period, period.end, period.text) == (start, end, text)


@pytest.mark.parametrize("text", ["15/03/2022", "mars 2022", "du 22 au 9 octobre 2023", "octobre à décembre 2023",
                                  "du 29 février au 3 mars 2023"])
def test_what_is_not_a_period(text):
    from clsm_data.importing.cells import parse_period

    assert parse_period(text) is None


def test_an_event_typed_as_a_period_keeps_its_first_day_and_the_period_in_its_note(con):
    data = ("Type;Titre;Date;Participants\nSISM;SISM 2023;du 9 au 22 octobre 2023;540\n").encode()
    plan = importing.plan_import(con, data, "sism.csv")
    [row] = plan.changes["event"].added
    assert (row["date"], row["date_precision"], row["year"], row["note"]) == (
        dt.date(2023, 10, 9), "jour", 2023, "Date : du 9 au 22 octobre 2023")
    assert any(m.startswith("1 période(s) (« du 9 au 22 octobre 2023 »)") for m in plan.messages)
    importing.apply_import(con, COORD, plan)
    assert importing.plan_import(con, data, "sism.csv").is_noop  # the note is not written twice


def test_an_action_typed_with_a_period_gets_its_start_and_its_end(con):
    data = ("Intitulé;Plan;Date de début\nGroupe de parole des aidants;Programme 2022;du 1er février au 30 juin "
            "2023\n").encode()
    [row] = importing.plan_import(con, data, "actions.csv").changes["action"].added
    assert (row["start_date"], row["end_date"]) == (dt.date(2023, 2, 1), dt.date(2023, 6, 30))
    data = ("Intitulé;Plan;Début;Fin\nForum;Programme 2022;du 1er au 3 février 2023;15/02/2023\n").encode()
    [row] = importing.plan_import(con, data, "actions.csv").changes["action"].added
    assert (row["start_date"], row["end_date"]) == (dt.date(2023, 2, 1), dt.date(2023, 2, 15))  # its own end kept


def test_a_meeting_typed_as_a_period_is_refused_naming_its_first_day(con):
    data = "Date;Instance;Intitulé\ndu 9 au 10 octobre 2023;COPIL;COPIL\n".encode()
    with pytest.raises(DataFileError, match=r"« du 9 au 10 octobre 2023 » est une période \(du 09/10/2023 au "
                                            r"10/10/2023\) : cette colonne attend une seule date, par ex. le premier "
                                            r"jour \(09/10/2023\)"):
        importing.plan_import(con, data, "reunions.csv")


def test_a_month_typed_in_words_keeps_the_month_precision(con):
    data = "Date;Instance;Intitulé\nmars 2022;COPIL;COPIL de mars\n".encode()
    [row] = importing.plan_import(con, data, "reunions.csv").changes["meeting"].added
    assert (row["date"], row["date_precision"]) == (dt.date(2022, 3, 1), "mois")


def test_a_header_naming_its_table_says_which_table_the_sheet_holds(con):
    # « Groupe », « Objet » and « Obs. » are also words of actions (thème, intitulé, note): « Jour de la réunion »
    # says these are meetings (and is their date); « Groupe » is then a meeting's instance (the group that met)
    data = _xlsx({"Feuil1": [["Jour de la réunion", "Groupe", "Objet", "Obs."],
                             ["mardi 12 avril 2022", "Comité de pilotage", "Point d'étape", None],
                             ["3 mai 2022", "Groupe projets « précarité »", "Groupe précarité", "reporté"]]})
    plan = importing.plan_import(con, data, "feuil1.xlsx")
    assert sorted((r["date"], r["instance_id"], r["title"]) for r in plan.changes["meeting"].added) == [
        (dt.date(2022, 4, 12), "copil", "Point d'étape"), (dt.date(2022, 5, 3), "groupe-precarite", "Groupe précarité")]


def test_a_sheet_dressed_up_by_hand_is_read_at_the_first_try(con):
    """A title in merged cells, a blank line, headers with spaces and capitals, an empty column with a header and
    one without, names in capitals with spaces, « Total » and « TOTAL GÉNÉRAL » rows, a source under the table."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Manifestations 2023"
    ws.append(["Bilan des manifestations 2023", None, None, None, None, None])
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["  TYPE ", "Titre ", None, "DATE", "Nb Participants  ", "À compléter"])
    ws.append(["SISM ", "  Santé mentale et sport", None, "mardi 10 octobre 2023", "~25", None])
    ws.append(["formation", "PSSM des agents", None, "15/11/23", "30 env.", None])
    ws.append(["Total", None, None, None, 55, None])
    ws.append(["TOTAL GÉNÉRAL", None, None, None, 55, None])
    ws.append([])
    ws.append(["Source : tableau de la coordination"])
    out = io.BytesIO()
    wb.save(out)
    plan = importing.plan_import(con, out.getvalue(), "bilan.xlsx")
    added = sorted((r["kind"], r["title"], r["date"], r["participants_count"]) for r in plan.changes["event"].added)
    assert added == [("SISM", "Santé mentale et sport", dt.date(2023, 10, 10), 25),
                     ("formation", "PSSM des agents", dt.date(2023, 11, 15), 30)]
    said = "\n".join(plan.messages)
    for text in ("(« Total ») : ligne de total", "(« TOTAL GÉNÉRAL ») : ligne de total",
                 "(« Source : tableau de la coordination ») : ligne écrite sous le tableau",
                 "Colonne « À compléter » de la feuille « Manifestations 2023 » vide et non reconnue : ignorée."):
        assert text in said, said


def test_names_typed_with_capitals_and_spaces_are_matched(con):
    data = _xlsx({"Présences": [["  Réunion", "STRUCTURE ", "catégorie", "NOMBRE"],
                                ["comité de PILOTAGE 02/2020 ", " unafam ", "AIDANTS", 2]]})
    [row] = importing.plan_import(con, data, "p.xlsx").changes["attendance"].added
    assert (row["meeting_id"], row["structure_id"], row["role_category"]) == (
        "copil-2020-02", "unafam-moselle", "aidant")


def test_budgets_in_euros(con):
    data = _xlsx({"Actions": [["Intitulé", "Plan", "Budget"], ["Forum", "Programme 2022", "1200 euros"],
                              ["Café", "Programme 2022", "1 500 €"]]})
    added = {r["title"]: r["budget_eur"] for r in importing.plan_import(con, data, "a.xlsx").changes["action"].added}
    assert added == {"Forum": 1200.0, "Café": 1500.0}


def _xlsx(sheets: dict[str, list[list]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
