"""The command line speaks French: every --help (argparse's own words included) and argparse's errors."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest
from conftest import ROOT

from clsm_data.cli import main as cli

ENGLISH = ("usage:", "options:", "show this help message", "positional arguments", "required", "error:",
           "invalid choice", "the following arguments", "optional arguments", "subcommands")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "clsm_data", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text.lower()]


@pytest.mark.parametrize("command", [[], ["build"], ["report"], ["user", "add"]])
def test_help_is_french(command):
    done = run(*command, "--help")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert not english_in(out), (english_in(out), out)
    assert out.startswith("utilisation : python -m clsm_data")
    assert "options :" in out and "affiche ce message d'aide et quitte" in out
    if command == ["user", "add"]:
        assert "arguments positionnels :" in out and "NOM" in out


def test_every_subcommand_help_is_french():
    """In process (one interpreter, not fifteen): each sub-command's --help, its own help line as description."""
    p = cli.parser()
    commands = [([], p)]
    while commands:
        path, parser = commands.pop()
        text = parser.format_help()
        assert not english_in(text), (path, english_in(text), text)
        assert text.startswith("utilisation : "), path
        if path:  # a sub-command opens with its description
            assert text.split("\n\n")[1].strip()[0].isupper(), (path, text)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                commands += [([*path, name], sub) for name, sub in action.choices.items()]
            elif action.help is None and action.option_strings != ["-h", "--help"]:
                pytest.fail(f"{' '.join(path)} {action.dest}: no help text")
    assert argparse._("usage: ") == "usage: ", "argparse left in French outside the parser"


def test_unknown_choice_is_a_french_error():
    done = run("report", "--year", "2021", "--format", "xls")
    assert done.returncode == 2
    assert not english_in(done.stderr), done.stderr
    assert "utilisation : python -m clsm_data report" in done.stderr
    assert "python -m clsm_data report : erreur : argument --format : choix invalide : 'xls'" in done.stderr
    assert "(choisir parmi 'pdf', 'docx')" in done.stderr


def test_unknown_command_and_missing_arguments_are_french_errors():
    done = run("construire")
    assert done.returncode == 2 and "erreur : argument COMMANDE : choix invalide : 'construire'" in done.stderr
    done = run("report")
    assert done.returncode == 2
    assert "erreur : les arguments suivants sont obligatoires : --year" in done.stderr
    assert not english_in(done.stderr), done.stderr


def test_errors_in_process(capsys):
    """main() itself: exit code 2, the French words, and argparse back to English afterwards."""
    with pytest.raises(SystemExit) as exit_:
        cli.main(["undo"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "erreur : l'un des arguments NUMÉRO --last est obligatoire" in err, err
    with pytest.raises(SystemExit):
        cli.main(["journal", "--limit", "beaucoup"])
    assert "argument --limit : valeur invalide : 'beaucoup'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["build", "--inconnu"])
    assert "erreur : arguments non reconnus : --inconnu" in capsys.readouterr().err
    assert argparse._("usage: ") == "usage: "
