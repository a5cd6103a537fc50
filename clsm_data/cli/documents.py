"""Subcommands that hand documents out: the COPIL deck (.pptx) and the annual report (PDF, .docx)."""

from __future__ import annotations

import argparse
from pathlib import Path

from clsm_data.core.config import database_arg

DB_HELP = "fichier de base, ou adresse postgresql://… (par défaut CLSM_DB ou data/clsm.duckdb)"


def register(sub) -> None:
    """Add `deck` and `report` to `sub` (an argparse subparsers object)."""
    d = sub.add_parser("deck", help="une séquence de diapositives en .pptx (toujours masquée)")
    d.add_argument("--sequence", default="copil", metavar="SÉQUENCE", help="identifiant de la séquence (copil, pleniere, …)")
    d.add_argument("--out", type=Path, default=None, metavar="FICHIER", help="fichier à écrire (par défaut clsm-<séquence>.pptx)")
    d.add_argument("--db", type=database_arg, default=None, metavar="FICHIER", help=DB_HELP)
    d.set_defaults(func=_cmd_deck)

    r = sub.add_parser("report", help="le bilan annuel d'une année, en PDF ou .docx")
    r.add_argument("--year", type=int, required=True, metavar="ANNÉE", help="année du bilan (ex. 2021)")
    r.add_argument("--format", choices=("pdf", "docx"), default="pdf", help="pdf (par défaut) ou docx (Word)")
    r.add_argument("--out", type=Path, default=None, metavar="FICHIER", help="fichier à écrire (par défaut clsm-bilan-<année>.<format>)")
    r.add_argument("--masked", action="store_true", help="version des partenaires : petits effectifs masqués")
    r.add_argument("--db", type=database_arg, default=None, metavar="FICHIER", help=DB_HELP)
    r.set_defaults(func=_cmd_report)

    f = sub.add_parser("sheet", help="une fiche action en PDF ou .docx, mise en page comme les fiches du CLSM")
    f.add_argument("--action", required=True, metavar="ACTION", help="identifiant de l'action (ex. fiche-15)")
    f.add_argument("--format", choices=("pdf", "docx"), default="pdf", help="pdf (par défaut) ou docx (Word)")
    f.add_argument("--out", type=Path, default=None, metavar="FICHIER", help="fichier à écrire (par défaut clsm-<action>.<format>)")
    f.add_argument("--db", type=database_arg, default=None, metavar="FICHIER", help=DB_HELP)
    f.set_defaults(func=_cmd_sheet)


def _cmd_deck(args: argparse.Namespace) -> int:
    from clsm_data.present.deck import write
    from clsm_data.store.db import connect

    con = connect(args.db, read_only=True)
    try:
        out = write(con, args.sequence, args.out or Path(f"clsm-{args.sequence}.pptx"))
    finally:
        con.close()
    print(f"Diaporama écrit : {out}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from clsm_data.present.report import write
    from clsm_data.store.db import connect

    con = connect(args.db, read_only=True)
    try:
        out = write(con, args.year, args.format, args.out or Path(f"clsm-bilan-{args.year}.{args.format}"),
                    masked=args.masked)
    finally:
        con.close()
    print(f"Bilan annuel écrit : {out}")
    return 0


def _cmd_sheet(args: argparse.Namespace) -> int:
    from clsm_data.present.action_sheet import build_sheet
    from clsm_data.store.db import connect

    con = connect(args.db, read_only=True)
    try:
        out = args.out or Path(f"clsm-{args.action}.{args.format}")
        out.write_bytes(build_sheet(con, args.action, args.format))
    finally:
        con.close()
    print(f"Fiche action écrite : {out}")
    return 0
