"""Command line: `python -m clsm_data build|check|...` (messages in French, exit codes for scripts)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from clsm_data.core.config import database_arg
from clsm_data.core.errors import ClsmError, DataFileError

# ---------------------------------------------------------------- argparse in French

# argparse's own words (it calls gettext through `argparse._` and `argparse.ngettext`), in French. The
# strings of Python 3.11 to 3.14; one missing here stays English, and tests/test_cli_french.py says so.
FRENCH = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments positionnels",
    "options": "options",
    "optional arguments": "options",  # Python before 3.10
    "subcommands": "sous-commandes",
    "show this help message and exit": "affiche ce message d'aide et quitte",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "the following arguments are required: %s": "les arguments suivants sont obligatoires : %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix invalide : %(value)r (choisir parmi %(choices)s)",
    "invalid choice: %(value)r, maybe you meant %(closest)r?": "choix invalide : %(value)r ; vouliez-vous dire %(closest)r ?",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "commande inconnue %(parser_name)r (choix : %(choices)s)",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "invalid %(type)s value: %(value)r": "valeur invalide : %(value)r",  # the metavar says what is expected
    "expected one argument": "un argument attendu",
    "expected at most one argument": "au plus un argument attendu",
    "expected at least one argument": "au moins un argument attendu",
    "expected %s argument": "%s argument attendu",
    "expected %s arguments": "%s arguments attendus",
    "ignored explicit argument %r": "argument explicite ignoré : %r",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut désigner %(matches)s",
    "unexpected option string: %s": "option inattendue : %s",
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
    "show program's version number and exit": "affiche la version du programme et quitte",
}


def _gettext(message):
    return FRENCH.get(message, message) if message is not None else None  # add_subparsers asks for _(None)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


@contextlib.contextmanager
def french_argparse():
    """argparse speaks French inside this block (only there: nothing else in the process is changed)."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class FrenchFormatter(argparse.HelpFormatter):
    """French typography: a space before the colon of section titles (« options : »)."""

    def start_section(self, heading) -> None:
        super().start_section(f"{heading} " if heading else heading)

    def _split_lines(self, text: str, width: int) -> list[str]:
        import textwrap

        # Never cut at a hyphen: « clsm-bilan-<année>.pdf », « serve-check » stay whole.
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


class _Commands(argparse._SubParsersAction):
    """Sub-commands whose own --help opens with their one-line help as description."""

    def add_parser(self, name, **kwargs):
        text = kwargs.get("help")
        if text and "description" not in kwargs:
            kwargs["description"] = text[0].upper() + text[1:] + "."
        return super().add_parser(name, **kwargs)


class FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser whose words (usage, sections, -h, errors) are French; its sub-commands are too.

    Every method that builds or prints argparse's own text runs inside `french_argparse()`.
    """

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", FrenchFormatter)
        with french_argparse():
            super().__init__(*args, **kwargs)
        self.register("action", "parsers", _Commands)  # argparse's hook for the sub-commands' action

    def add_subparsers(self, **kwargs):
        with french_argparse():
            return super().add_subparsers(**kwargs)

    def parse_known_args(self, args=None, namespace=None):
        with french_argparse():
            return super().parse_known_args(args, namespace)

    def parse_args(self, args=None, namespace=None):
        with french_argparse():
            return super().parse_args(args, namespace)

    def format_usage(self) -> str:
        with french_argparse():
            return super().format_usage()

    def format_help(self) -> str:
        with french_argparse():
            return super().format_help()

    def error(self, message: str):
        with french_argparse():
            super().error(message)


def _cmd_build(args: argparse.Namespace) -> int:
    from clsm_data.store.build import build

    report = build(args.db, args.seed, force=args.force)
    print(report.summary())
    return 0


def _cmd_prepare(args: argparse.Namespace) -> int:
    from clsm_data.store.build import prepare

    print(prepare(args.db, args.seed))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from clsm_data.store.seed import read_seed

    data = read_seed(args.seed)
    total = sum(len(s.rows) for s in data.values())
    print(f"Fichiers de données valides : {total} lignes dans {len(data)} tables.")
    return 0


def _cmd_serve_check(args: argparse.Namespace) -> int:
    """Refuse to open the app beyond this machine while nobody has to sign in."""
    from clsm_data.core.config import ROOT, db_path
    from clsm_data.store.db import connect, has_table

    if args.address in ("127.0.0.1", "localhost", "::1"):
        return 0
    con = connect(db_path(), read_only=True, check_schema=False)
    try:
        accounts = con.execute("SELECT count(*) FROM app_user").fetchone()[0] if has_table(con, "app_user") else 0
    finally:
        con.close()
    secrets = ROOT / ".streamlit" / "secrets.toml"
    oidc = secrets.exists() and "[auth]" in secrets.read_text(encoding="utf-8")
    if accounts or oidc:
        if not (args.hosts or "").split():
            print(
                f"Attention : l'application écoute sur {args.address} mais ne répond qu'aux noms de cet ordinateur "
                "(localhost, 127.0.0.1). Donnez le nom ou l'adresse par lesquels les partenaires l'ouvriront : "
                'make run ADDRESS=0.0.0.0 HOSTS="clsm.exemple.fr".',
                file=sys.stderr,
            )
        return 0
    print(
        f"Erreur : aucun compte n'est configuré ; ouvrir l'application sur {args.address} donnerait les droits "
        "de coordination à tout le réseau.\nCréez d'abord des comptes : python -m clsm_data user add NOM --role "
        "coordinator (voir README), ou laissez ADDRESS=127.0.0.1.",
        file=sys.stderr,
    )
    return 1


DB_HELP = "fichier de base, ou adresse postgresql://… (par défaut CLSM_DB ou data/clsm.duckdb)"
SEED_HELP = "dossier des fichiers de données (par défaut data/seed)"


def parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    p = FrenchParser(prog="python -m clsm_data", description="Tableau de suivi du CLSM : données.")
    sub = p.add_subparsers(dest="command", required=True, title="commandes", metavar="COMMANDE",
                           help="« python -m clsm_data COMMANDE --help » pour l'aide d'une commande")

    b = sub.add_parser("build", help="construire la base depuis les fichiers de data/seed")
    b.add_argument("--db", type=database_arg, default=None, metavar="FICHIER", help=DB_HELP)
    b.add_argument("--seed", type=Path, default=None, metavar="DOSSIER", help=SEED_HELP)
    b.add_argument("--force", action="store_true", help="écraser une base modifiée depuis sa construction")
    b.set_defaults(func=_cmd_build)

    pr = sub.add_parser("prepare", help="avant de servir : construire la base si absente, la mettre à jour sinon "
                        "(sans jamais écraser les modifications)")
    pr.add_argument("--db", type=database_arg, default=None, metavar="FICHIER", help=DB_HELP)
    pr.add_argument("--seed", type=Path, default=None, metavar="DOSSIER", help=SEED_HELP)
    pr.set_defaults(func=_cmd_prepare)

    c = sub.add_parser("check", help="vérifier les fichiers de data/seed sans rien écrire")
    c.add_argument("--seed", type=Path, default=None, metavar="DOSSIER", help=SEED_HELP)
    c.set_defaults(func=_cmd_check)

    sc = sub.add_parser("serve-check", help="vérifier qu'on peut servir l'application à cette adresse")
    sc.add_argument("--address", default="127.0.0.1", metavar="ADRESSE",
                    help="adresse d'écoute de l'application (par défaut 127.0.0.1, cet ordinateur seul)")
    sc.add_argument("--hosts", default="", metavar="NOMS", help="noms d'hôte servis en plus de ceux de cet ordinateur")
    sc.set_defaults(func=_cmd_serve_check)

    from clsm_data.cli import coordinator as cli_extra
    from clsm_data.cli import journal as cli_journal

    cli_extra.register(sub)
    cli_journal.register(sub)
    from clsm_data.cli import documents as cli_output  # deck, report

    cli_output.register(sub)
    return p


def show_error(exc: ClsmError) -> None:
    """The command line's one way to show an error (the pages' is components.errors.show_error): the message,
    the findings one per line (a file's bad cells after the first, which the message already names), the hint."""
    print(f"Erreur : {exc.message}", file=sys.stderr)
    lines = exc.details()[1:] if isinstance(exc, DataFileError) else (exc.lines if len(exc.lines) > 1 else [])
    for line in lines:
        print(f"  - {line}", file=sys.stderr)
    if exc.hint:
        print(exc.hint, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand; returns the process exit code."""
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except ClsmError as exc:
        show_error(exc)
        return 2 if isinstance(exc, DataFileError) else 1
    except KeyboardInterrupt:
        print("Interrompu : rien n'a été modifié.", file=sys.stderr)
        return 130
    except Exception as exc:  # a clear line instead of a stack trace; details with CLSM_DEBUG=1
        if os.environ.get("CLSM_DEBUG"):
            raise
        print(f"Erreur inattendue ({type(exc).__name__}) : {exc}", file=sys.stderr)
        print("Relancez avec CLSM_DEBUG=1 pour le détail technique.", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
