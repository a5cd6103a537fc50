"""Subcommands for the coordinator's work: accounts (user), import, backups, the import template."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from clsm_data.core.roles import COORDINATOR, ROLE_LABELS, ROLES, Caller

# Whoever runs the command line already has the database file in hand: it acts as the coordination.
CLI_CALLER = Caller("ligne-de-commande", COORDINATOR)


def register(sub) -> None:
    """Add the subcommands of the other modules to `sub` (an argparse subparsers object)."""
    db_help = "fichier de base (par défaut CLSM_DB ou data/clsm.duckdb)"

    u = sub.add_parser("user", help="gérer les comptes de connexion (mot de passe demandé, jamais en argument)")
    usub = u.add_subparsers(dest="user_command", required=True, title="sous-commandes", metavar="SOUS-COMMANDE")
    ua = usub.add_parser("add", help="créer un compte")
    ua.add_argument("name", metavar="NOM", help="identifiant, par ex. coordination ou udaf57 (pas de nom de personne)")
    ua.add_argument("--role", required=True, choices=ROLES, metavar="RÔLE",
                    help="coordinator (coordination) ou partner (lecture)")
    ur = usub.add_parser("remove", help="supprimer un compte")
    ur.add_argument("name", metavar="NOM", help="identifiant du compte à supprimer (voir user list)")
    usub.add_parser("list", help="lister les comptes")
    up = usub.add_parser("passwd", help="changer le mot de passe d'un compte (remet ses échecs à zéro)")
    up.add_argument("name", metavar="NOM", help="identifiant du compte (voir user list)")
    for p in (ua, ur, up, usub.choices["list"]):
        p.add_argument("--db", type=Path, default=None, metavar="FICHIER", help=db_help)
    u.set_defaults(func=_cmd_user)

    i = sub.add_parser("import", help="importer un classeur .xlsx ou un fichier .csv (sauvegarde faite avant)")
    i.add_argument("file", type=Path, metavar="FICHIER", help="classeur .xlsx ou .ods, ou fichier .csv à importer")
    i.add_argument("--dry-run", action="store_true", help="vérifier et montrer ce qui changerait, sans rien écrire")
    i.add_argument("--table", default=None, metavar="TABLE", help="table d'un CSV dont l'en-tête ne suffit pas à la reconnaître")
    i.add_argument("--doublons", choices=("fusionner", "ignorer", "ajouter"), default=None, metavar="CHOIX",
                   help="que faire des lignes qui ressemblent à des lignes déjà enregistrées (doublons probables) : "
                   "fusionner, ignorer ou ajouter")
    i.add_argument("--remplacer-textes-sources", action="store_true", dest="replace_source",
                   help="remplacer aussi les textes venus des documents (par défaut ils sont gardés)")
    i.add_argument("--db", type=Path, default=None, metavar="FICHIER", help=db_help)
    i.set_defaults(func=_cmd_import)

    b = sub.add_parser("backup", help="sauvegardes de la base")
    bsub = b.add_subparsers(dest="backup_command", required=True, title="sous-commandes", metavar="SOUS-COMMANDE")
    bc = bsub.add_parser("create", help="faire une sauvegarde maintenant")
    bl = bsub.add_parser("list", help="lister les sauvegardes")
    br = bsub.add_parser("restore", help="remettre les données d'une sauvegarde (l'état actuel est sauvegardé avant)")
    br.add_argument("name", metavar="NOM", help="nom du fichier de sauvegarde (voir backup list)")
    br.add_argument(
        "--replace-file",
        action="store_true",
        help="remplacer le fichier entier (quand la base actuelle ne s'ouvre plus)",
    )
    for p in (bc, bl, br):
        p.add_argument("--db", type=Path, default=None, metavar="FICHIER", help=db_help)
    b.set_defaults(func=_cmd_backup)

    t = sub.add_parser("template", help="écrire le modèle d'import .xlsx (aide, une feuille par table, listes)")
    t.add_argument("--output", type=Path, default=Path("modele-import-clsm.xlsx"), metavar="FICHIER",
                   help="fichier à écrire (par défaut modele-import-clsm.xlsx)")
    t.add_argument("--vide", action="store_true", help="sans les lignes actuelles de la base")
    t.add_argument("--db", type=Path, default=None, metavar="FICHIER", help=db_help)
    t.set_defaults(func=_cmd_template)


def _read_password(confirm: bool) -> str:
    """From a prompt on a terminal, else one line of standard input; never from an argument."""
    if sys.stdin.isatty():
        first = getpass.getpass("Mot de passe : ")
        if confirm and getpass.getpass("Mot de passe (confirmation) : ") != first:
            from clsm_data.access.accounts import AccountError

            raise AccountError("Les deux mots de passe diffèrent.", "Relancez la commande.")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _cmd_user(args: argparse.Namespace) -> int:
    from clsm_data.access import accounts
    from clsm_data.store.db import connect

    action = args.user_command
    if action in ("add", "passwd"):
        password = _read_password(confirm=True)
    con = connect(args.db, read_only=action == "list")
    try:
        if action == "add":
            accounts.add_user(con, CLI_CALLER, args.name, args.role, password)
            print(f"Compte « {args.name.strip().lower()} » créé ({ROLE_LABELS[args.role]}).")
        elif action == "passwd":
            accounts.set_password(con, CLI_CALLER, args.name, password)
            print(f"Mot de passe de « {args.name.strip().lower()} » changé.")
        elif action == "remove":
            accounts.remove_user(con, CLI_CALLER, args.name)
            print(f"Compte « {args.name.strip().lower()} » supprimé.")
        else:
            users = accounts.list_users(con, CLI_CALLER)
            if not users:
                print(
                    "Aucun compte : l'application s'ouvre sans connexion, en coordination, "
                    "sur cet ordinateur seulement."
                )
            for u in users:
                state = " (désactivé)" if u["disabled"] else ""
                if u["failed_count"]:
                    state += f" ({u['failed_count']} échec(s) de connexion depuis la dernière réussie)"
                print(f"{u['username']:<24} {ROLE_LABELS[u['role']]:<28} créé le {u['created_at']:%d/%m/%Y}{state}")
    finally:
        con.close()
    return 0


def _print_plan(plan) -> None:
    from clsm_data.core.tables import TABLES

    for table, (added, updated, unchanged) in plan.counts().items():
        print(
            f"  {TABLES[table].label:<26} {added:>5} ajoutée(s) {updated:>5} mise(s) à jour {unchanged:>5} inchangée(s)"
        )
    for note in plan.messages:
        print(f"  note : {note}")
    for d in getattr(plan, "duplicates", []):
        where = f"feuille « {d.sheet} », " if d.sheet else ""
        choice = f" → {d.choice}" if d.choice else " → à décider (--doublons)"
        print(f"  doublon probable : {where}ligne {d.line} ({d.row_label or d.key[0]}) ressemble à {d.label} : {d.reason}{choice}")
    for c in getattr(plan, "source_text", []):
        kept = "remplacé" if c.replace else "gardé (--remplacer-textes-sources pour le remplacer)"
        print(f"  texte d'un document, ligne {c.line}, {c.column} de {c.key[0]} : {kept}")
        print(f"      document : {c.old}")
        print(f"      fichier  : {c.new}")


def _print_refusal(exc, file) -> int:
    """The command line's one rendering of a refused import: grouped by sheet and column, then the hint."""
    from clsm_data.importing import print_lines

    print(f"Erreur : {file} refusé, {len(exc.problems)} problème(s) :", file=sys.stderr)
    for line in print_lines(exc):
        print(line, file=sys.stderr)
    choices = getattr(exc, "choices", None)
    if choices:
        from clsm_data.core.tables import TABLES

        for sheet, tables in choices.items():
            names = ", ".join(f"{t} ({TABLES[t].label})" for t in tables)
            print(f"  {('feuille « ' + sheet + ' » : ') if sheet else ''}--table {names}", file=sys.stderr)
    if exc.hint:
        print(exc.hint, file=sys.stderr)
    return 2


def _cmd_import(args: argparse.Namespace) -> int:
    from clsm_data import importing
    from clsm_data.core.errors import DataFileError
    from clsm_data.store.db import connect

    con = connect(args.db, read_only=args.dry_run)
    try:
        try:
            plan = importing.plan_import(con, args.file, table=args.table, duplicates=args.doublons,
                                         replace_source=args.replace_source)
        except DataFileError as exc:
            return _print_refusal(exc, args.file.name)
        print(f"Fichier {args.file.name} vérifié :")
        _print_plan(plan)
        from clsm_data.followup.year import touched_words, validated_years_touched

        for said in touched_words(validated_years_touched(con, plan)):
            print(f"  attention : {said}")
        if args.dry_run:
            print("Essai à blanc (--dry-run) : rien n'a été écrit.")
            return 0
        if plan.pending:
            print(f"Rien n'a été écrit : {len(plan.pending)} doublon(s) probable(s) à décider. Relancez avec "
                  "--doublons fusionner, --doublons ignorer ou --doublons ajouter.", file=sys.stderr)
            return 2
        if plan.is_noop:
            print("Rien à écrire : les données sont déjà à jour (0 ajoutée, 0 mise à jour).")
            return 0
        print("Écriture en cours…", flush=True)
        result = importing.apply_import(con, CLI_CALLER, plan)
        print(result.summary())
    finally:
        con.close()
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from clsm_data.core.config import db_path
    from clsm_data.store import backup
    from clsm_data.store.db import connect

    db = Path(args.db) if args.db else db_path()
    action = args.backup_command
    if action == "list":
        found = backup.list_backups(db)
        if not found:
            print("Aucune sauvegarde.")
        for b in found:
            print(f"{b.name}   {b.label()}")
        return 0
    if action == "restore" and args.replace_file:
        kept = backup.restore_file(db, args.name)
        print(f"Base remplacée par {args.name} ; l'ancien fichier est gardé dans {kept}.")
        return 0
    con = connect(db, read_only=False)
    try:
        if action == "create":
            path = backup.create(con, CLI_CALLER)
            print(f"Sauvegarde faite : {path}")
        else:
            before = backup.restore(con, CLI_CALLER, args.name)
            print(f"Données de {args.name} restaurées ; l'état d'avant est sauvegardé dans {before.name}.")
    finally:
        con.close()
    return 0


def _cmd_template(args: argparse.Namespace) -> int:
    from clsm_data.importing import template_for

    if args.vide:
        args.output.write_bytes(template_for(None))
    else:
        from clsm_data.core.errors import DatabaseMissingError
        from clsm_data.store.db import connect

        try:
            con = connect(args.db)
        except DatabaseMissingError:
            args.output.write_bytes(template_for(None))
            print(f"Pas encore de base : modèle vide écrit dans {args.output}")
            return 0
        try:
            args.output.write_bytes(template_for(con))
        finally:
            con.close()
    print(f"Modèle d'import écrit (avec les lignes actuelles) : {args.output}")
    return 0
