"""Subcommands `journal` (the writes, with their numbers), `undo ID | --last` (revert one write) and `annee`
(a year's state, its validation by the COPIL and its reopening: a yearly closing a council's IT can script)."""

from __future__ import annotations

import argparse
from pathlib import Path

from clsm_data.core.config import database_arg
from clsm_data.core.roles import COORDINATOR, ROLE_LABELS, Caller

# Whoever runs the command line already has the database file in hand: it acts as the coordination.
CLI_CALLER = Caller("ligne-de-commande", COORDINATOR)


def register(sub) -> None:
    """Add `journal` and `undo` to `sub` (an argparse subparsers object)."""
    db_help = "fichier de base, ou adresse postgresql://… (par défaut CLSM_DB ou data/clsm.duckdb)"
    j = sub.add_parser("journal", help="lister les écritures (imports, saisies, suppressions…) avec leur numéro")
    j.add_argument("--limit", type=int, default=50, metavar="NOMBRE", help="combien d'écritures au plus (les plus récentes)")
    j.add_argument("--db", type=database_arg, default=None, metavar="FICHIER", help=db_help)
    j.set_defaults(func=_cmd_journal)

    u = sub.add_parser("undo", help="annuler une écriture du journal (elle seule ; l'annulation est journalisée)")
    which = u.add_mutually_exclusive_group(required=True)
    which.add_argument("id", nargs="?", type=int, metavar="NUMÉRO", help="numéro de l'écriture (voir journal)")
    which.add_argument("--last", action="store_true", help="la dernière écriture annulable")
    u.add_argument("--dry-run", action="store_true", help="montrer ce qui serait défait, sans rien écrire")
    u.add_argument("--avec-dependances", dest="with_dependents", action="store_true",
                   help="emporter aussi, dans la même écriture, les lignes qui renvoient à celles que l'annulation retire")
    u.add_argument("--db", type=database_arg, default=None, metavar="FICHIER", help=db_help)
    u.set_defaults(func=_cmd_undo)

    y = sub.add_parser("annee", help="l'état d'une année, sa validation par le COPIL, sa réouverture",
                       description="État d'une année (validée, non validée, rien à valider, corrections écrites "
                                   "depuis la validation), validation par le COPIL, réouverture avec une raison.")
    y.add_argument("action", choices=("etat", "valider", "rouvrir"), metavar="ACTION",
                   help="etat (lire), valider (figer les chiffres de l'année) ou rouvrir (avec --raison)")
    y.add_argument("year", type=int, metavar="ANNÉE", help="l'année, ex. 2022")
    y.add_argument("--le", dest="on", default=None, metavar="JJ/MM/AAAA",
                   help="date de la validation par le COPIL (par défaut aujourd'hui)")
    y.add_argument("--note", default=None, metavar="TEXTE", help="note gardée avec la validation")
    y.add_argument("--raison", dest="reason", default=None, metavar="TEXTE",
                   help="pourquoi l'année est rouverte (obligatoire pour rouvrir ; gardée au journal)")
    y.add_argument("--csv", type=Path, default=None, metavar="FICHIER",
                   help="écrire aussi les chiffres de l'année (validés, et ce qui a été écrit depuis) dans ce CSV")
    y.add_argument("--db", type=database_arg, default=None, metavar="FICHIER", help=db_help)
    y.set_defaults(func=_cmd_year)


def _cmd_journal(args: argparse.Namespace) -> int:
    from clsm_data.store import journal
    from clsm_data.store.db import connect

    con = connect(args.db, read_only=True)
    try:
        log = journal.change_sets(con, args.limit)
    finally:
        con.close()
    if log.empty:
        print("Le journal ne contient aucune écriture depuis la construction de la base.")
        return 0
    print(f"{'n°':>5}  {'date':<19}  {'rôle':<13} {'opération':<14} {'ajout.':>6} {'modif.':>6} {'suppr.':>6}  "
          f"{'état':<22} origine")
    for _, r in log.iterrows():
        role = ROLE_LABELS.get(r["role"], r["role"]).split(" ")[0]
        print(
            f"{int(r['audit_id']):>5}  {r['logged_at']:%d/%m/%Y %H:%M:%S}  {role:<13} {r['operation']:<14} "
            f"{int(r['rows_added']):>6} {int(r['rows_updated']):>6} {int(r['rows_deleted']):>6}  "
            f"{journal.state(r):<22} {r['origin'] or ''}"
        )
    return 0


def _print_plan(plan) -> None:
    from clsm_data.core.tables import TABLES

    for table, change in plan.changes.items():
        print(
            f"  {TABLES[table].label:<26} {len(change.deleted):>5} retirée(s) {len(change.updated):>5} remise(s) "
            f"comme avant {len(change.added):>5} rétablie(s)"
        )
    for note in plan.messages:
        print(f"  note : {note}")


def _cmd_undo(args: argparse.Namespace) -> int:
    from clsm_data.store import journal
    from clsm_data.store.db import connect

    con = connect(args.db, read_only=args.dry_run)
    try:
        audit_id = journal.last_undoable(con) if args.last else args.id
        plan = journal.plan_undo(con, audit_id, with_dependents=args.with_dependents)
        print(f"Annulation de l'écriture n°{audit_id} :")
        _print_plan(plan)
        if args.dry_run:
            print("Essai à blanc (--dry-run) : rien n'a été écrit.")
            return 0
        result = journal.undo(con, CLI_CALLER, audit_id, with_dependents=args.with_dependents)
        print(f"Écriture n°{audit_id} annulée (annulation enregistrée sous le n°{result.audit_id}, "
              "elle-même annulable).")
    finally:
        con.close()
    return 0


def _cmd_year(args: argparse.Namespace) -> int:
    import datetime as dt

    from clsm_data.core.errors import ClsmError
    from clsm_data.followup import year as followup
    from clsm_data.store.db import connect

    on = None
    if args.on:
        try:
            on = dt.datetime.strptime(args.on, "%d/%m/%Y").date()
        except ValueError as exc:
            raise ClsmError(f"Date de validation illisible : « {args.on} ».", "Écrivez-la JJ/MM/AAAA, ex. 15/03/2022.") from exc
    con = connect(args.db, read_only=args.action == "etat")
    try:
        if args.action == "valider":
            result = followup.validate_year(con, CLI_CALLER, args.year, on=on, note=args.note)
            print(f"Année {args.year} validée par le COPIL (écriture n°{result.audit_id}) : ses chiffres sont figés.")
        elif args.action == "rouvrir":
            result = followup.reopen_year(con, CLI_CALLER, args.year, args.reason or "")
            print(f"Année {args.year} rouverte (écriture n°{result.audit_id}) : ses chiffres sont de nouveau ceux "
                  "du moment, jusqu'à une nouvelle validation.")
        state = followup.year_state(con, args.year)
        if args.csv:
            from clsm_data.present.export import to_csv

            args.csv.write_bytes(to_csv(followup.year_table(con, args.year)))
            print(f"Chiffres de {args.year} écrits : {args.csv}")
    finally:
        con.close()
    if state["state"] == "validée":
        print(f"Année {args.year} : validée par le COPIL le {state['validated_on']:%d/%m/%Y}.")
        if state["corrections"]:
            print("Écrit depuis la validation (montré à part, « après validation ») :")
            for line in state["corrections"]:
                print(f"  - {line}")
        else:
            print("Rien n'a été écrit pour cette année depuis la validation.")
    elif state["state"] == "rien à valider":
        print(f"Année {args.year} : rien à valider (aucune réunion, aucun événement, aucun fait ni valeur enregistré).")
    else:
        print(f"Année {args.year} : non validée.")
    return 0
