"""Command line: `python -m clsm_data build|check|...` (messages in French, exit codes for scripts)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .errors import ClsmError, DataFileError


def _cmd_build(args: argparse.Namespace) -> int:
    from .build import build

    report = build(args.db, args.seed, force=args.force)
    print(report.summary())
    return 0


def _cmd_prepare(args: argparse.Namespace) -> int:
    from .build import prepare

    print(prepare(args.db, args.seed))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from .seed import read_seed

    data = read_seed(args.seed)
    total = sum(len(s.rows) for s in data.values())
    print(f"Fichiers de données valides : {total} lignes dans {len(data)} tables.")
    return 0


def _cmd_serve_check(args: argparse.Namespace) -> int:
    """Refuse to open the app beyond this machine while nobody has to sign in."""
    from .config import ROOT, db_path
    from .db import connect, has_table

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


def parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    p = argparse.ArgumentParser(prog="python -m clsm_data", description="Tableau de suivi du CLSM : données.")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="construire la base depuis les fichiers de data/seed")
    b.add_argument("--db", type=Path, default=None, help="fichier de base (par défaut CLSM_DB ou data/clsm.duckdb)")
    b.add_argument("--seed", type=Path, default=None, help="dossier des fichiers de données (data/seed)")
    b.add_argument("--force", action="store_true", help="écraser une base modifiée depuis sa construction")
    b.set_defaults(func=_cmd_build)

    pr = sub.add_parser("prepare", help="avant de servir : construire la base si absente, la mettre à jour sinon "
                        "(sans jamais écraser les modifications)")
    pr.add_argument("--db", type=Path, default=None)
    pr.add_argument("--seed", type=Path, default=None)
    pr.set_defaults(func=_cmd_prepare)

    c = sub.add_parser("check", help="vérifier les fichiers de data/seed sans rien écrire")
    c.add_argument("--seed", type=Path, default=None)
    c.set_defaults(func=_cmd_check)

    sc = sub.add_parser("serve-check", help="vérifier qu'on peut servir l'application à cette adresse")
    sc.add_argument("--address", default="127.0.0.1")
    sc.add_argument("--hosts", default="", help="noms d'hôte servis en plus de ceux de cet ordinateur")
    sc.set_defaults(func=_cmd_serve_check)

    from . import cli_extra, cli_journal

    cli_extra.register(sub)
    cli_journal.register(sub)
    from . import cli_output  # issue 10: deck, report

    cli_output.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand; returns the process exit code."""
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except DataFileError as exc:
        print(f"Erreur : {exc.message}", file=sys.stderr)
        for line in exc.details()[1:]:
            print(f"  - {line}", file=sys.stderr)
        if exc.hint:
            print(exc.hint, file=sys.stderr)
        return 2
    except ClsmError as exc:
        print(f"Erreur : {exc.message}", file=sys.stderr)
        if exc.hint:
            print(exc.hint, file=sys.stderr)
        return 1
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
