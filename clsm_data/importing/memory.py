"""What the import remembers of the coordinator's answers: a header mapped to a column (per table and header
text) and a name matched to a row (an alias), so that the next file of that shape passes at the first try.

Stored in import_column_memory and import_name_alias (migration 060). These are not rows of TABLES, so
apply_plan cannot write them: they are written here the way accounts are, under the single writer lock, in
one transaction with its audit row, checked after COMMIT.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from clsm_data.core.config import bound_council
from clsm_data.core.errors import (
    ClsmError,
    MemoryNotSavedError,  # noqa: F401 (re-exported)
)
from clsm_data.core.roles import Caller, require_coordinator
from clsm_data.core.tables import TABLES
from clsm_data.importing.layout import IGNORED, TO_NOTE, column_for, header_label
from clsm_data.importing.names import Names
from clsm_data.importing.problems import Question
from clsm_data.importing.words import header_key, norm
from clsm_data.store import door
from clsm_data.store.db import has_table
from clsm_data.store.door import Done


def mappings(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    """table -> header_key -> column (or '+note' / '-'), as the coordinator chose them."""
    if not has_table(con, "import_column_memory"):
        return {}
    out: dict[str, dict[str, str]] = {}
    for table, key, column in con.execute(
        "SELECT table_name, header_key, column_name FROM import_column_memory WHERE council_id = ?", [bound_council(con)]
    ).fetchall():
        out.setdefault(table, {})[key] = column
    return out


def aliases(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    """target (a table, or 'table.column' for a closed list) -> normalised name -> row id (or list value)."""
    if not has_table(con, "import_name_alias"):
        return {}
    out: dict[str, dict[str, str]] = {}
    for target, key, row_id in con.execute("SELECT target, alias_key, row_id FROM import_name_alias WHERE council_id = ?",
                                               [bound_council(con)]).fetchall():
        out.setdefault(target, {})[key] = row_id
    return out


def option_for(question: Question, typed: str) -> str | None:
    """The option of a question that a typed answer names (the command line's --colonne / --nom), or None.

    A column is named by its code, its French header or any header the import knows for it (« date de
    réunion »), or by « +note » / « ajouter à la note » (added to each row's note, after its header) or
    « ignorer »; a row by the name shown or its code;
    a value of a closed list by itself. Case, accents and punctuation do not matter.
    """
    key = norm(typed)
    values = {value for value, _ in question.options}
    if question.kind == "column" and typed.strip().replace(" ", "").lower() == TO_NOTE and TO_NOTE in values:
        return TO_NOTE  # « +note »; « note » alone is the note column, where the table has one
    for value, label in question.options:
        if key and key in (norm(value), norm(label)):
            return value
    if question.kind == "column" and question.table in TABLES:
        if key in ("a la note", "ajouter a la note", "dans la note", "note de chaque ligne") and TO_NOTE in values:
            return TO_NOTE
        if key in ("ignorer", "ignoree", "a ignorer", "aucune") and IGNORED in values:
            return IGNORED
        t = TABLES[question.table]
        for value in values & set(t.col_names):
            if key == norm(header_label(t, t.col(value))):
                return value
        known = column_for(question.table, typed)
        if known in values:
            return known
    return None


def with_answers(
    remembered: dict[str, dict[str, str]], answers: list[tuple[Question, str]] | None, kind: str
) -> dict[str, dict[str, str]]:
    """The remembered mappings (kind "column") or aliases (kind "name") with answers not stored yet laid over
    them, keyed as `remember` stores them: a trial (--dry-run) reads a file as it will be read once they are."""
    out = {target: dict(keys) for target, keys in remembered.items()}
    for q, value in answers or []:
        if q.kind == kind:
            out.setdefault(q.table, {})[header_key(q.text) if kind == "column" else norm(q.text)] = value
    return out


def remember(con: duckdb.DuckDBPyConnection, caller: Caller, answers: list[tuple[Question, str]]) -> int | None:
    """Store the coordinator's answers (a column for a header, a row for a name) for the next files.

    Args:
        con: a read-write connection, or a cursor of the app's process connection.
        caller: must be a coordinator.
        answers: (question from a refusal, the value chosen among its options).
    Returns:
        The audit id of the write, or None when there was nothing to store.
    Raises:
        PermissionDenied: the caller is not a coordinator.
        ClsmError: an answer that is not one of its question's options.
        MemoryNotSavedError: the write did not land.
    """
    require_coordinator(caller)
    columns, names = [], []
    for q, value in answers:
        if value not in {v for v, _ in q.options}:
            raise ClsmError(f"« {value} » n'est pas une réponse proposée pour « {q.text} ».",
                            "Choisissez l'une des réponses de la liste.")
        if q.kind == "column":
            columns.append([q.table, header_key(q.text), q.text.strip(), value])
        else:
            names.append([q.table, norm(q.text), q.text.strip(), value])
    if not columns and not names:
        return None
    now = dt.datetime.now().replace(microsecond=0)

    def change(con, audit_id) -> Done:
        for row in columns:
            con.execute("INSERT INTO import_column_memory (council_id, table_name, header_key, header, column_name, "
                        "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (council_id, table_name, header_key) DO UPDATE SET "
                        "header = excluded.header, column_name = excluded.column_name, created_at = excluded.created_at, "
                        "created_by = excluded.created_by", [bound_council(con), *row, now, caller.name])
        for row in names:
            con.execute("INSERT INTO import_name_alias (council_id, target, alias_key, alias, row_id, created_at, "
                        "created_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (council_id, target, alias_key) DO UPDATE SET alias = excluded.alias, "
                        "row_id = excluded.row_id, created_at = excluded.created_at, created_by = excluded.created_by",
                        [bound_council(con), *row, now, caller.name])
        return Done(added=len(columns) + len(names), table="import_column_memory, import_name_alias",
                    detail={"colonnes": [f"{r[2]} -> {r[3]}" for r in columns],
                            "noms": [f"{r[2]} -> {r[3]}" for r in names]})

    written = door.write(con, caller, "correspondances d'import", change, origin="page d'import", failed=MemoryNotSavedError(
        "Les correspondances n'ont pas été enregistrées : rien n'a changé.", "Réessayez."))
    return written.audit_id


def forget(con: duckdb.DuckDBPyConnection, caller: Caller, kind: str, target: str, key: str) -> None:
    """Remove one remembered mapping (kind "column": table, header_key) or alias (kind "name": target, key).

    Raises:
        PermissionDenied: the caller is not a coordinator.
        MemoryNotSavedError: the write did not land.
    """
    require_coordinator(caller)
    table, column = ("import_column_memory", "table_name = ? AND header_key = ?") if kind == "column" else \
        ("import_name_alias", "target = ? AND alias_key = ?")

    def change(con, audit_id) -> Done:
        con.execute(f"DELETE FROM {table} WHERE council_id = ? AND {column}",  # names from the two above
                    [bound_council(con), target, key])
        return Done(deleted=1, table=table, detail=f"{target} : {key}")

    door.write(con, caller, "correspondance d'import retirée", change, origin="page d'import",
               failed=MemoryNotSavedError("La correspondance n'a pas été retirée.", "Réessayez."))


def listing(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every remembered mapping and alias, in French, names and labels (never codes) for the page.

    Returns:
        Dicts of kind ("column"/"name"), target, key (to forget it), and « Sorte », « Dans », « Écrit »,
        « Compris comme » to show.
    """
    out = []
    if has_table(con, "import_column_memory"):
        for table, key, header, column in con.execute(
            "SELECT table_name, header_key, header, column_name FROM import_column_memory WHERE council_id = ? "
            "ORDER BY table_name, header", [bound_council(con)]
        ).fetchall():
            t = TABLES.get(table)
            if column == TO_NOTE:
                meant = "ajoutée à la note de chaque ligne"
            elif column == IGNORED:
                meant = "ignorée"
            else:
                meant = f"colonne « {header_label(t, t.col(column))} »" if t and column in t.col_names else column
            out.append({"kind": "column", "target": table, "key": key, "Sorte": "colonne",
                        "Dans": t.label if t else table, "Écrit": header, "Compris comme": meant})
    if has_table(con, "import_name_alias"):
        rows = con.execute(
            "SELECT target, alias_key, alias, row_id FROM import_name_alias WHERE council_id = ? ORDER BY target, alias",
            [bound_council(con)]).fetchall()
        names = Names.load(con) if rows else None
        for target, key, alias, row_id in rows:
            if "." in target:
                table, col = target.split(".", 1)
                where = f"{TABLES[table].label}, {header_label(TABLES[table], TABLES[table].col(col))}" \
                    if table in TABLES else target
                meant = row_id
            else:
                where = TABLES[target].label if target in TABLES else target
                meant = names.display[target].get(row_id, row_id) if names else row_id
            out.append({"kind": "name", "target": target, "key": key, "Sorte": "nom", "Dans": where,
                        "Écrit": alias, "Compris comme": meant})
    return out
