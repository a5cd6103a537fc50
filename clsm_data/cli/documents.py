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

    e = sub.add_parser("etat-des-lieux", help="les indicateurs de l'état des lieux national des CLSM (CCOMS), "
                       "par conseil et pour le réseau, en CSV dans l'ordre de l'enquête")
    e.add_argument("--annee", type=int, default=None, metavar="ANNÉE",
                   help="année des instances comptées (par défaut celle des données)")
    e.add_argument("--conseil", action="append", default=None, metavar="CONSEIL",
                   help="identifiant d'un conseil (à répéter ; par défaut tous ceux de la base)")
    e.add_argument("--out", type=Path, default=None, metavar="FICHIER",
                   help="fichier CSV à écrire (par défaut clsm-etat-des-lieux-<année>.csv)")
    e.add_argument("--db", type=database_arg, default=None, metavar="FICHIER", help=DB_HELP)
    e.set_defaults(func=_cmd_survey)


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


def _cmd_survey(args: argparse.Namespace) -> int:
    from clsm_data.core.errors import ClsmError
    from clsm_data.followup import ccoms
    from clsm_data.present.export import to_csv
    from clsm_data.read.statements import data_date
    from clsm_data.store.db import connect

    con = connect(args.db, read_only=True)
    try:
        known = ccoms.councils_of(con)
        councils = args.conseil or known
        unknown = [c for c in councils if c not in known]
        if unknown:
            raise ClsmError(f"Conseil inconnu : {', '.join(unknown)}.", f"Conseils de la base : {', '.join(known)}.")
        year = args.annee or (data_date(con) or __import__("datetime").date.today()).year
        table = ccoms.indicators(con, councils, year)
    finally:
        con.close()
    out = args.out or Path(f"clsm-etat-des-lieux-{year}.csv")
    out.write_bytes(to_csv(table))
    print(f"État des lieux {year} écrit : {out} ({len(table)} indicateurs, {len(councils)} conseil(s))")
    return 0
