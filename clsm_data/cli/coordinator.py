"""Subcommands for the coordinator's work: accounts (user), import, backups, the import template."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from clsm_data.core.config import database_arg
from clsm_data.core.roles import COORDINATOR, ROLE_LABELS, ROLES, Caller

# Whoever runs the command line already has the database file in hand: it acts as the coordination.
CLI_CALLER = Caller("ligne-de-commande", COORDINATOR)


def register(sub) -> None:
    """Add the subcommands of the other modules to `sub` (an argparse subparsers object)."""
    db_help = "fichier de base, ou adresse postgresql://… (par défaut CLSM_DB ou data/clsm.duckdb)"

    u = sub.add_parser("user", help="gérer les comptes de connexion (mot de passe demandé, jamais en argument)")
    usub = u.add_subparsers(dest="user_command", required=True, title="sous-commandes", metavar="SOUS-COMMANDE")
    ua = usub.add_parser("add", help="créer un compte")
    ua.add_argument("name", metavar="NOM", help="identifiant, par ex. coordination ou udaf57 (pas de nom de personne)")
    ua.add_argument("--role", required=True, choices=ROLES, metavar="RÔLE",
                    help="coordinator (coordination) ou partner (lecture)")
    ua.add_argument("--conseil", action="append", default=None, metavar="CONSEIL",
                    help="conseil auquel le compte est lié, dans une base de plusieurs conseils (par défaut le conseil "
                         "de la base) : il n'en lit et n'en écrit que les données ; à répéter pour un compte qui lit "
                         "plusieurs conseils (une agence régionale), un à la fois, le premier étant le sien")
    ur = usub.add_parser("remove", help="supprimer un compte")
    ur.add_argument("name", metavar="NOM", help="identifiant du compte à supprimer (voir user list)")
    usub.add_parser("list", help="lister les comptes")
    up = usub.add_parser("passwd", help="changer le mot de passe d'un compte (remet ses échecs à zéro)")
    up.add_argument("name", metavar="NOM", help="identifiant du compte (voir user list)")
    for p in (ua, ur, up, usub.choices["list"]):
        p.add_argument("--db", type=database_arg, default=None, metavar="FICHIER", help=db_help)
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
    i.add_argument("--colonne", action="append", default=[], metavar="EN-TÊTE=COLONNE",
                   help="répondre à « colonne non reconnue » : l'en-tête du fichier et la colonne qu'il désigne (son "
                   "nom, par ex. date, lieu, instance), ou +note (ajouté à la note de chaque ligne, après l'en-tête) "
                   "ou ignorer ; "
                   "répétable ; la réponse est retenue pour les prochains fichiers, comme sur la page d'import. "
                   "Ex. : --colonne \"Date de réunion=date\"")
    i.add_argument("--nom", action="append", default=[], metavar="NOM=LIGNE",
                   help="répondre à « ne correspond à aucune ligne » : le nom écrit dans le fichier et le nom (ou le "
                   "code) de la ligne existante qu'il désigne ; répétable ; retenu pour les prochains fichiers. "
                   "Ex. : --nom \"Grp jeunes=Groupe projets « jeunes »\"")
    i.add_argument("--sans-questions", action="store_true", dest="no_prompt",
                   help="ne pas poser les questions au clavier (elles le sont quand la commande est lancée dans un "
                   "terminal) : un fichier qui en a est refusé, avec les options --colonne / --nom à ajouter")
    i.add_argument("--db", type=database_arg, default=None, metavar="FICHIER", help=db_help)
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
        p.add_argument("--db", type=database_arg, default=None, metavar="FICHIER", help=db_help)
    b.set_defaults(func=_cmd_backup)

    t = sub.add_parser("template", help="écrire le modèle d'import .xlsx (aide, une feuille par table, listes)")
    t.add_argument("--output", type=Path, default=Path("modele-import-clsm.xlsx"), metavar="FICHIER",
                   help="fichier à écrire (par défaut modele-import-clsm.xlsx)")
    t.add_argument("--vide", action="store_true", help="sans les lignes actuelles de la base")
    t.add_argument("--db", type=database_arg, default=None, metavar="FICHIER", help=db_help)
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
            councils = args.conseil or []
            known = {r[0] for r in con.execute("SELECT council_id FROM council").fetchall()}
            if unknown := [c for c in councils if c not in known]:
                raise accounts.AccountError(f"Conseil inconnu de la base : {', '.join(unknown)}.",
                                            f"Conseils de la base : {', '.join(sorted(known))}.")
            accounts.add_user(con, CLI_CALLER, args.name, args.role, password,
                              council=councils[0] if councils else None, also=councils[1:])
            print(f"Compte « {args.name.strip().lower()} » créé ({ROLE_LABELS[args.role]}"
                  + (f", conseil(s) {', '.join(councils)}" if councils else "") + ").")
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


def below_the_pages() -> None:
    """An import from the command line runs below the app's priority (nice +10, where the system has it): while it
    reads, plans and writes during a plenary, the visitors' pages get the cores first; on an idle machine it takes
    as long as before. Called by `python -m clsm_data import` only (a test calling main() keeps its priority).
    Measured in docs/benchmarks.md (« 2 processes + import »)."""
    try:
        os.nice(10)
    except (AttributeError, OSError):  # no nice (Windows), or not allowed: the import runs as it is
        pass


def _cmd_import(args: argparse.Namespace) -> int:
    from clsm_data import importing
    from clsm_data.core.errors import ClsmError, DataFileError
    from clsm_data.store.db import connect

    try:
        given = _given_answers(args)
    except ClsmError as exc:
        print(f"Erreur : {exc.message}\n{exc.hint}", file=sys.stderr)
        return 2
    con = connect(args.db, read_only=args.dry_run)
    try:
        trial: list = []  # answers of a --dry-run: read as if remembered, never stored
        answered: set[str] = set()
        for _ in range(MAX_ROUNDS):  # an answer may bring another question (a column mapped, then its names)
            try:
                # answers typed on the line come first; once each has met its question, the proposals that leave
                # no doubt are read as the page reads them (each said in the plan, « lu comme … »)
                plan = importing.plan_import(con, args.file, table=args.table, duplicates=args.doublons,
                                             replace_source=args.replace_source, answers=trial,
                                             assume=all(g.used for g in given))
                break
            except importing.AmbiguousTableError as exc:
                return _print_refusal(exc, args.file.name)
            except DataFileError as exc:
                asked = [q for q in importing.questions(exc.problems) if q.ident not in answered]
                chosen, wrong = _answers_for(asked, given, prompt=sys.stdin.isatty() and not args.no_prompt)
                if wrong:
                    for line in wrong:
                        print(f"Erreur : {line}", file=sys.stderr)
                    print("Rien n'a été écrit ni retenu.", file=sys.stderr)
                    return 2
                if not chosen:
                    code = _print_refusal(exc, args.file.name)
                    _print_how_to_answer(asked)
                    return code
                answered |= {q.ident for q, _ in chosen}
                for q, value in chosen:
                    print(f"Réponse : {_said(q, value)}.")
                if args.dry_run:
                    trial += chosen
                else:
                    importing.remember(con, CLI_CALLER, chosen)
                    print(f"  {len(chosen)} correspondance(s) retenue(s) pour les prochains fichiers (voir la page "
                          "d'import, « Correspondances retenues », pour en retirer une).")
        else:
            print("Erreur : les réponses n'ont pas suffi, le fichier pose encore des questions.", file=sys.stderr)
            return 2
        _warn_unused(given)
        print(f"Fichier {args.file.name} vérifié :")
        _print_plan(plan)
        from clsm_data.followup.year import touched_words, validated_years_touched

        for said in touched_words(validated_years_touched(con, plan)):
            print(f"  attention : {said}")
        if args.dry_run:
            print("Essai à blanc (--dry-run) : rien n'a été écrit" + (" ni retenu." if trial else "."))
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


MAX_ROUNDS = 4
SHOWN_OPTIONS = 9  # options numbered at the prompt; any other one can be typed by its name


@dataclass
class _Given:
    """One --colonne or --nom answer as typed, and whether a question of the file used it."""

    kind: str  # "column" or "name"
    text: str
    answer: str
    option: str
    used: bool = False


def _given_answers(args: argparse.Namespace) -> list[_Given]:
    """The --colonne / --nom answers, split at their last « = ».

    Raises:
        ClsmError: an answer without « = » or with an empty side.
    """
    from clsm_data.core.errors import ClsmError

    out = []
    for kind, option, values in (("column", "--colonne", args.colonne), ("name", "--nom", args.nom)):
        for raw in values:
            text, sep, answer = raw.rpartition("=")
            if not sep or not text.strip() or not answer.strip():
                example = "\"Date de réunion=date\"" if kind == "column" else "\"Grp jeunes=Groupe projets « jeunes »\""
                raise ClsmError(f"{option} « {raw} » : attendu {'EN-TÊTE=COLONNE' if kind == 'column' else 'NOM=LIGNE'}.",
                                f"Par exemple : {option} {example}")
            out.append(_Given(kind, text.strip(), answer.strip(), option))
    return out


def _answers_for(questions: list, given: list[_Given], *, prompt: bool) -> tuple[list, list[str]]:
    """(question, value) for each question answered by an option or at the prompt; and the answers that name
    no option of their question (said, nothing is then stored)."""
    from clsm_data.importing import header_key, norm, option_for

    chosen, wrong = [], []
    for q in questions:
        same = [g for g in given if g.kind == q.kind and (
            header_key(g.text) == header_key(q.text) if q.kind == "column" else norm(g.text) == norm(q.text))]
        if same:
            g = same[-1]
            g.used = True
            value = option_for(q, g.answer)
            if value is None:
                wrong.append(f"{g.option} « {g.text}={g.answer} » : « {g.answer} » n'est pas une réponse possible "
                             f"pour « {q.text} » ({_where(q)}) ; réponses possibles : {_options_text(q)}")
            else:
                chosen.append((q, value))
        elif prompt:
            value = _prompt(q)
            if value is not None:
                chosen.append((q, value))
    return chosen, wrong


def _where(q) -> str:
    from clsm_data.core.tables import TABLES

    table, _, column = q.table.partition(".")
    t = TABLES.get(table)
    where = f"table {t.label}" if t else q.table
    if column and t and column in t.col_names:
        from clsm_data.importing import header_label

        where += f", colonne « {header_label(t, t.col(column))} »"
    if q.sheet:
        where = f"feuille « {q.sheet} », {where}"
    if q.lines:
        where += ", ligne(s) " + ", ".join(str(n) for n in q.lines[:5]) + (" …" if len(q.lines) > 5 else "")
    return where


def _short_answer(q, value: str) -> str:
    """What to type after « = » for this option: a column's French header, « note », « ignorer », a name."""
    from clsm_data.core.tables import TABLES
    from clsm_data.importing import header_label

    if q.kind == "column":
        if value == "+note":
            return "+note"
        if value == "-":
            return "ignorer"
        t = TABLES[q.table]
        return header_label(t, t.col(value)) if value in t.col_names else value
    return dict(q.options).get(value, value)


def _options_text(q, limit: int = 12) -> str:
    shown = [_short_answer(q, v) for v, _ in q.options[:limit]]
    return ", ".join(f"« {s} »" for s in shown) + (" …" if len(q.options) > limit else "")


def _said(q, value: str) -> str:
    what = "colonne" if q.kind == "column" else "nom"
    meant = dict(q.options).get(value, value)
    return f"{what} « {q.text} » ({_where(q)}) → {meant}"


def _prompt(q) -> str | None:
    """Ask one question at the terminal: a number among the first options, or a name typed; Entrée skips."""
    from clsm_data.importing import option_for

    if q.kind == "column":
        print(f"\nColonne « {q.text} » non reconnue ({_where(q)}) : que contient-elle ?")
    else:
        print(f"\n« {q.text} » ne correspond à aucune ligne connue ({_where(q)}) : laquelle est-ce ?")
    options = q.options[:SHOWN_OPTIONS]
    for n, (value, label) in enumerate(options, start=1):
        print(f"  {n}. {label}" + ("   (proposée)" if value == q.proposed else ""))
    more = f" ; {len(q.options) - len(options)} autre(s) : tapez son nom" if len(q.options) > len(options) else ""
    while True:
        try:
            typed = input(f"Votre choix (1 à {len(options)}, ou un nom{more} ; Entrée : ne pas répondre) : ").strip()
        except EOFError:
            return None
        if not typed:
            return None
        if typed.isdigit() and 1 <= int(typed) <= len(options):
            return options[int(typed) - 1][0]
        value = option_for(q, typed)
        if value is not None:
            return value
        print(f"  « {typed} » n'est pas une des réponses possibles.")


def _print_how_to_answer(questions: list) -> None:
    """After a refusal with questions: the options to add to the command (the page asks the same)."""
    if not questions:
        return
    print("Pour répondre en ligne de commande (la réponse est retenue pour les prochains fichiers, comme sur la "
          "page d'import), relancez avec :", file=sys.stderr)
    for q in questions:
        option = "--colonne" if q.kind == "column" else "--nom"
        answer = _short_answer(q, q.proposed) if q.proposed else "…"
        print(f"  {option} \"{q.text}={answer}\"   ({'proposée' if q.proposed else 'à choisir'} ; "
              f"réponses possibles : {_options_text(q, 6)})", file=sys.stderr)


def _warn_unused(given: list[_Given]) -> None:
    for g in given:
        if not g.used:
            what = "cet en-tête" if g.kind == "column" else "ce nom"
            print(f"  remarque : {g.option} « {g.text}={g.answer} » : aucune question de ce fichier ne porte sur "
                  f"{what} (rien de retenu).")


def _cmd_backup(args: argparse.Namespace) -> int:
    from clsm_data.core.config import db_path
    from clsm_data.store import backup
    from clsm_data.store.db import connect

    db = args.db or db_path()
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
