"""The import's questions answered from the command line (issue 19): --colonne « EN-TÊTE=COLONNE » and --nom
« NOM=LIGNE », or at the prompt in a terminal; the answers are remembered as the page remembers them, so the
next file of that shape passes at once; a --dry-run reads them without storing anything."""

from __future__ import annotations

import builtins
import sys
from pathlib import Path

import pytest

from clsm_data import importing
from clsm_data.cli.main import main
from clsm_data.core.tables import TABLES
from clsm_data.store.db import connect, table_checksums

ROOT = Path(__file__).resolve().parent.parent
HUMAN = ROOT / "tests" / "data" / "human"
PLACE = HUMAN / "t05_colonne_inconnue.xlsx"  # « Lieu exact de la rencontre »: the meetings' place
SAME_SHAPE = HUMAN / "t05b_colonne_inconnue_meme_forme.xlsx"
SHORT_NAME = HUMAN / "t06_noms_courts.xlsx"  # « Grp jeunes »: the instance « Groupe projets « jeunes » »


def _cli(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["import", *args, "--db", str(db)])
    out = capsys.readouterr()
    return code, out.out, out.err


def _checksums(db: Path) -> dict:
    con = connect(db)
    try:
        return table_checksums(con, list(TABLES))
    finally:
        con.close()


def _remembered(db: Path) -> list[tuple[str, str]]:
    con = connect(db)
    try:
        return [(r["Écrit"], r["Compris comme"]) for r in importing.listing(con)]
    finally:
        con.close()


def _places(db: Path) -> list[tuple]:
    con = connect(db)
    try:
        return con.execute("SELECT title, place FROM meeting WHERE title IN ('COPIL de février', "
                           "'Plénière de février', 'COPIL de mai (bis)') ORDER BY title").fetchall()
    finally:
        con.close()


def test_a_refusal_with_questions_says_the_options_that_answer_them(fresh_db, capsys, tmp_path):
    # « Nb de stands », a number sharing « nombre » with three counts: a doubt, asked (not read without asking)
    events = tmp_path / "seances.csv"
    events.write_text("Type;Titre;Date;Nb de stands\nsensibilisation;Atelier en lycée;12/10/2023;4\n", encoding="utf-8")
    before = _checksums(fresh_db)
    code, out, err = _cli(capsys, fresh_db, str(events))
    assert code == 2
    assert "colonne « Nb de stands » non reconnue" in err
    assert '--colonne "Nb de stands=' in err
    assert _remembered(fresh_db) == [] and _checksums(fresh_db) == before


def test_a_header_sharing_its_one_word_with_a_column_is_read_so_said_and_remembered(fresh_db, capsys):
    code, out, err = _cli(capsys, fresh_db, str(PLACE))
    assert code == 0, err
    assert "note : Colonne « Lieu exact de la rencontre » (feuille « Réunions ») lue comme colonne « lieu »." in out
    assert _places(fresh_db)[0][1] is not None
    assert _remembered(fresh_db) == [("Lieu exact de la rencontre", "colonne « lieu »")]


def test_a_column_answered_on_the_command_line_is_imported_and_remembered(fresh_db, capsys):
    code, out, err = _cli(capsys, fresh_db, str(PLACE), "--colonne", "Lieu exact de la rencontre=lieu")
    assert code == 0, err
    assert "Réponse : colonne « Lieu exact de la rencontre » (feuille « Réunions », table réunions) → colonne " \
           "« lieu »." in out
    assert "1 correspondance(s) retenue(s)" in out
    assert _places(fresh_db) == [("COPIL de février", "Salle des commissions"), ("Plénière de février", "Arsenal")]
    assert _remembered(fresh_db) == [("Lieu exact de la rencontre", "colonne « lieu »")]
    # the next file of that shape passes at once, with no option
    code, out, err = _cli(capsys, fresh_db, str(SAME_SHAPE))
    assert code == 0, err
    assert ("COPIL de mai (bis)", "Salle Braun") in _places(fresh_db)


@pytest.mark.parametrize("answer", ["place", "LIEU", "lieu de la réunion", "Salle"])
def test_a_column_may_be_named_by_its_code_its_header_or_a_header_the_import_knows(fresh_db, capsys, answer):
    code, _, err = _cli(capsys, fresh_db, str(PLACE), "--colonne", f"lieu exact de la rencontre ={answer}")
    assert code == 0, err
    assert _remembered(fresh_db) == [("Lieu exact de la rencontre", "colonne « lieu »")]


@pytest.mark.parametrize(("answer", "meant", "note"), [
    ("+note", "ajoutée à la note de chaque ligne", "Lieu exact de la rencontre : Arsenal"),
    ("ajouter à la note", "ajoutée à la note de chaque ligne", "Lieu exact de la rencontre : Arsenal"),
    ("note", "colonne « note »", "Arsenal"),  # « note » alone: the note column itself
    ("ignorer", "ignorée", None)])
def test_a_column_may_go_to_the_note_or_be_ignored(fresh_db, capsys, answer, meant, note):
    code, _, err = _cli(capsys, fresh_db, str(PLACE), "--colonne", f"Lieu exact de la rencontre={answer}")
    assert code == 0, err
    assert _remembered(fresh_db) == [("Lieu exact de la rencontre", meant)]
    con = connect(fresh_db)
    assert con.execute("SELECT note FROM meeting WHERE title = 'Plénière de février'").fetchone() == (note,)
    con.close()


@pytest.mark.parametrize("answer", ["Groupe projets « jeunes »", "groupe projets jeunes", "groupe-jeunes"])
def test_a_name_answered_on_the_command_line_is_matched_and_remembered(fresh_db, capsys, answer):
    code, out, err = _cli(capsys, fresh_db, str(SHORT_NAME), "--nom", f"Grp jeunes={answer}")
    assert code == 0, err
    assert "Réponse : nom « Grp jeunes »" in out and "→ Groupe projets « jeunes »." in out
    assert _remembered(fresh_db) == [("Grp jeunes", "Groupe projets « jeunes »")]
    con = connect(fresh_db)
    assert con.execute("SELECT instance_id FROM meeting WHERE date = '2022-03-03'").fetchall() == [("groupe-jeunes",)]
    con.close()


def test_a_wrong_answer_is_refused_naming_the_possible_ones_and_nothing_is_written(fresh_db, capsys):
    before = _checksums(fresh_db)
    code, out, err = _cli(capsys, fresh_db, str(SHORT_NAME), "--nom", "Grp jeunes=Groupe des anciens")
    assert code == 2
    assert "Erreur : --nom « Grp jeunes=Groupe des anciens » : « Groupe des anciens » n'est pas une réponse possible " \
           "pour « Grp jeunes »" in err
    assert "réponses possibles : « Groupe projets « jeunes » »" in err
    assert "Rien n'a été écrit ni retenu." in err
    assert _checksums(fresh_db) == before


@pytest.mark.parametrize("bad", ["Grp jeunes", "=groupe-jeunes", "Grp jeunes= "])
def test_an_answer_without_its_two_sides_is_refused_with_an_example(fresh_db, capsys, bad):
    code, _, err = _cli(capsys, fresh_db, str(SHORT_NAME), "--nom", bad)
    assert code == 2
    assert f"--nom « {bad} » : attendu NOM=LIGNE." in err and '--nom "Grp jeunes=Groupe projets « jeunes »"' in err


def test_a_trial_run_reads_the_answers_but_stores_nothing(fresh_db, capsys):
    before = _checksums(fresh_db)
    code, out, err = _cli(capsys, fresh_db, str(PLACE), "--dry-run", "--colonne", "Lieu exact de la rencontre=lieu")
    assert code == 0, err
    assert "2 ajoutée(s)" in out and "Essai à blanc (--dry-run) : rien n'a été écrit ni retenu." in out
    assert _checksums(fresh_db) == before
    assert _remembered(fresh_db) == []


def test_an_answer_no_question_needed_is_said(fresh_db, capsys):
    code, out, _ = _cli(capsys, fresh_db, str(PLACE), "--colonne", "Lieu exact de la rencontre=lieu",
                        "--nom", "Grp ados=Groupe projets « jeunes »")
    assert code == 0
    assert "remarque : --nom « Grp ados=Groupe projets « jeunes » » : aucune question de ce fichier ne porte sur " \
           "ce nom (rien de retenu)." in out


def test_in_a_terminal_the_questions_are_asked_at_the_prompt(fresh_db, capsys, monkeypatch):
    typed = iter(["12", "n'importe quoi", "1"])  # 12: no option numbered so; then a name of no option; then 1
    prompts = []

    def fake_input(prompt=""):
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(builtins, "input", fake_input)
    code, out, err = _cli(capsys, fresh_db, str(SHORT_NAME))
    assert code == 0, err
    assert "« Grp jeunes » ne correspond à aucune ligne connue (feuille « Réunions », table instances, ligne(s) 2)" in out
    assert "  1. Groupe projets « jeunes »   (proposée)" in out
    assert "« 12 » n'est pas une des réponses possibles." in out
    assert "« n'importe quoi » n'est pas une des réponses possibles." in out
    assert len(prompts) == 3 and "Entrée : ne pas répondre" in prompts[0]
    assert _remembered(fresh_db) == [("Grp jeunes", "Groupe projets « jeunes »")]


def test_at_the_prompt_enter_skips_and_the_file_is_refused(fresh_db, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(builtins, "input", lambda prompt="": "")
    code, _, err = _cli(capsys, fresh_db, str(SHORT_NAME))
    assert code == 2 and '--nom "Grp jeunes=Groupe projets « jeunes »"' in err
    assert _remembered(fresh_db) == []


def test_without_questions_nothing_is_asked_even_in_a_terminal(fresh_db, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(builtins, "input", lambda prompt="": pytest.fail("asked"))
    code, _, err = _cli(capsys, fresh_db, str(SHORT_NAME), "--sans-questions")
    assert code == 2 and "--nom" in err


def test_the_help_is_in_french(capsys):
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    assert "--colonne EN-TÊTE=COLONNE" in out and "--nom NOM=LIGNE" in out and "retenu" in out


def test_an_import_by_the_command_line_runs_below_the_pages_priority(tmp_path):
    """`python -m clsm_data import` lowers its own priority (nice +10) so that the pages of a plenary's visitors
    get the cores first; the same process's other commands, and main() called in a test, keep theirs."""
    import subprocess

    probe = ("import os, runpy, sys; from clsm_data.cli import coordinator as c; "
             "c._cmd_import = lambda args: print('nice', os.nice(0)) or 0; "
             "sys.argv = ['clsm_data'] + sys.argv[1:]; runpy.run_module('clsm_data', run_name='__main__')")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    start = int(subprocess.run([sys.executable, "-c", "import os; print(os.nice(0))"], capture_output=True,
                               text=True, env=env).stdout)
    got = subprocess.run([sys.executable, "-c", probe, "import", str(PLACE), "--db", str(tmp_path / "x.duckdb")],
                         capture_output=True, text=True, env=env, cwd=ROOT)
    assert f"nice {min(start + 10, 19)}" in got.stdout, got.stderr
    other = subprocess.run([sys.executable, "-c", probe.replace("_cmd_import", "_cmd_template"), "template", "--help"],
                           capture_output=True, text=True, env=env, cwd=ROOT)
    assert "nice" not in other.stdout and other.returncode == 0
