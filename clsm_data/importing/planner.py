"""The plan against the database: cells read, names resolved, codes made, probable duplicates and
changes to document text flagged, every problem collected in one pass; nothing is written until
apply_import."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from clsm_data.core.config import bound_council
from clsm_data.core.errors import CellProblem, DataFileError
from clsm_data.core.roles import Caller
from clsm_data.core.tables import LOAD_ORDER, TABLES
from clsm_data.core.validate import CellError
from clsm_data.importing.cells import (
    DATE_EXPECTED,
    DATE_EXPECTED_PRECISION,
    INT_MAX,
    MONTHS,
    Approx,
    PartialDate,
    Period,
    Remarked,
    Spanned,
    Worded,
    amount,
    parse_date,
    parse_period,
    parse_span,
    read_cell,
    serial_date,
)
from clsm_data.importing.inferred import (
    NOT_KNOWN,
    as_detail,
    events_among_meetings,
    from_title,
    kind_from_title,
    not_known,
    short_text,
    the_files_meeting,
)
from clsm_data.importing.layout import (
    ALIASES,
    GENERATED_KEYS,
    IGNORED,
    IMPORTABLE,
    TABLE_NOUNS,
    TO_NOTE,
    blocks_from_grids,
    glossaries,
    header_label,
    template_value,
    template_xlsx,
)
from clsm_data.importing.memory import MemoryNotSavedError, aliases, mappings, remember, with_answers
from clsm_data.importing.names import Names, RefError, close_choices
from clsm_data.importing.problems import MAX_PROBLEMS, Issue, Question
from clsm_data.importing.reader import EMPTY_HINT, MAX_BYTES, Uncomputed, filled, read_grids, refuse, too_big
from clsm_data.importing.words import LITTLE_WORDS, header_key, norm
from clsm_data.store.db import table_checksums
from clsm_data.store.writes import ImportPlan, ImportResult, TableChange, apply_plan

MERGE, SKIP, ADD = "fusionner", "ignorer", "ajouter"
DUPLICATE_CHOICES = {MERGE: "fusionner avec la ligne existante", SKIP: "ignorer la ligne du fichier",
                     ADD: "ajouter quand même"}
# Columns a document gave that an import does not overwrite without being asked.
# Date columns where a period typed in one cell (« du 9 au 22 octobre 2023 ») is accepted: an event keeps its first
# day, the period as typed going to its note; an action's start and end are both taken from it (the other column
# keeps its own value when it has one). A meeting is held on one day: a period there is refused, naming its first
# day; so are periods in every other date column (updated_on, period_start…).
PERIOD_COLUMNS = {"event": ("date",), "action": ("start_date", "end_date")}
NOT_PROTECTED = {"note", "source_id", "status", "updated_on", "date_precision"}


@dataclass
class Duplicate:
    """A new row of the file that looks like a row already there."""

    table: str
    key: tuple
    existing: tuple
    reason: str
    line: int | None
    sheet: str | None
    label: str  # the existing row, as shown (a name, never a code)
    choice: str | None = None
    row_label: str = ""  # the file's row, as shown
    alias: str | None = None  # the file's name when only close to the stored row's: kept as its alias on merge

    @property
    def ident(self) -> str:
        """A stable text id for choices: 'meeting:copil-2022-03-15'."""
        return f"{self.table}:{'|'.join(map(str, self.key))}"


@dataclass
class SourceTextChange:
    """A value that came from a document and that the file would replace."""

    table: str
    key: tuple
    column: str
    old: object
    new: object
    line: int | None
    sheet: str | None
    replace: bool = False

    @property
    def ident(self) -> str:
        return f"{self.table}:{'|'.join(map(str, self.key))}:{self.column}"


@dataclass
class CheckedImport(ImportPlan):
    """An ImportPlan with what the coordinator must decide before it is written."""

    duplicates: list[Duplicate] = field(default_factory=list)
    source_text: list[SourceTextChange] = field(default_factory=list)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # table -> code -> name shown (previews)
    assumed: list[tuple[Question, str]] = field(default_factory=list)  # sure proposals the file was read with

    def shown(self, table: str, code: object) -> str:
        """The name of a referenced row for the previews (the code only if the row has no name)."""
        return self.labels.get(table, {}).get(code, str(code)) if code is not None else ""

    @property
    def pending(self) -> list[Duplicate]:
        """Probable duplicates with no choice yet: the plan cannot be written until each has one."""
        return [d for d in self.duplicates if d.choice is None]


@dataclass
class _Source:
    """Rows of one table to plan, each with where it came from (for messages)."""

    table: str
    file: str
    sheet: str | None
    headers: dict[str, str]
    rows: list[tuple[int, dict[str, object]]]
    positions: dict[str, int] = field(default_factory=dict)
    unknown: list[tuple[int, str, list]] = field(default_factory=list)  # headers not recognised
    absent: set[str] = field(default_factory=set)  # required columns absent from the file, already said
    header_line: int | None = None
    title: str = ""  # the text above the header (a title line), where a plan may be named
    answers: bool = False  # an online form's export: one line per answer


def plan_import(
    con: duckdb.DuckDBPyConnection,
    source: bytes | str | Path,
    filename: str | None = None,
    *,
    table: str | dict | None = None,
    duplicates: dict[str, str] | str | None = None,
    replace_source: set[str] | bool = False,
    answers: list[tuple[Question, str]] | None = None,
    assume: bool = True,
) -> CheckedImport:
    """Read and check a file, then say what importing it would do; writes nothing.

    When every problem of the file is a question whose proposal leaves no doubt (Question.sure: a header sharing
    a word with one column, a name whose words are in one row's name only), the file is read again with those
    proposals: the plan's `assumed` lists them and its messages say each (« lu comme … »), so that the preview
    shows them before anything is written; apply_import remembers them for the next files.

    Args:
        con: any connection or cursor on the database (read only is enough).
        source: the file's bytes, or a path to it.
        filename: the name shown in messages and the audit log (the path's name by default).
        table: the table a CSV (or every sheet) holds, or sheet name -> table, when the header is not
            enough to tell.
        duplicates: for probable duplicates, Duplicate.ident -> "fusionner" / "ignorer" / "ajouter",
            or one of those for all; undecided ones are left pending.
        replace_source: SourceTextChange.ident values (or True for all) whose document text is replaced;
            by default the document's text is kept.
        answers: (question of an earlier refusal, value chosen) not remembered (yet), read as if they were
            (a trial run of the command line); remembered answers are always read.
        assume: read the file with the sure proposals when they are all it lacks (False: ask every question).
    Returns:
        CheckedImport: per table, rows added / updated / unchanged; duplicates and document text to decide.
    Raises:
        DataFileError: every problem found, each naming file, sheet, line and column.
        AmbiguousTableError: a sheet could be several tables (its `choices` say which).
    """
    assumed: list[tuple[Question, str]] = []
    first = last = None
    for _ in range(3):  # a sure answer may settle what a row's other cells depend on (its plan, then its « Axe 1 »)
        try:
            plan = _plan_file(con, source, filename, table=table, duplicates=duplicates,
                              replace_source=replace_source, answers=[*(answers or []), *assumed])
        except DataFileError as exc:
            first, last = first or exc, exc
            # one header in several sheets (a sheet per month) is one question: sure when one sheet's proposal is
            by_ident: dict[str, Question] = {}
            for q in (getattr(p, "question", None) for p in exc.problems):
                if q is not None and q.sure and q.proposed is not None:
                    by_ident.setdefault(q.ident, q)
            sure = [q for ident, q in by_ident.items() if ident not in {a.ident for a, _ in assumed}]
            if not assume or not sure:
                raise _still(first, last) from None  # the first reading to answer (its sure proposals chosen)
            assumed += [(q, q.proposed) for q in sure]
            continue
        if assumed:
            plan.assumed = assumed + plan.assumed
            # a column put in the note is said by the plan already (« la table … n'a pas de colonne pour elle »)
            plan.messages = [q.assumed() for q, value in assumed if value != TO_NOTE] + plan.messages
        return plan
    raise first


def _still(first: DataFileError, last: DataFileError) -> DataFileError:
    """The first reading's problems, less those its sure proposals settled (« GROUPE DE TRAVAIL … 05/03/2024 » names
    no meeting until its instance is read): its questions, and what the last reading still found."""
    if last is first or type(first) is not DataFileError:
        return first
    def where(p) -> tuple:
        return (getattr(p, "file", None), getattr(p, "sheet", None), getattr(p, "line", None),
                getattr(p, "column", None))

    remaining = {where(p) for p in last.problems}
    kept = [p for p in first.problems if (getattr(p, "question", None) is not None and p.question.sure)
            or where(p) in remaining]
    if not kept or len(kept) == len(first.problems):
        return first
    return DataFileError(kept, first.hint)


def _plan_file(con, source, filename, *, table, duplicates, replace_source, answers) -> CheckedImport:
    """plan_import, one reading (see there)."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        filename = filename or path.name
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise too_big(filename, size)
            data = path.read_bytes()
        except OSError:
            raise refuse(filename, "fichier introuvable ou illisible") from None
    else:
        data = bytes(source)
        filename = filename or "fichier importé"
    for t in (table.values() if isinstance(table, dict) else [table]):
        if t is not None and t not in IMPORTABLE:
            names = ", ".join(IMPORTABLE)
            raise refuse(filename, f"« {t} » n'est pas une table importable (tables : {names})")
    problems: list[CellProblem] = []
    kind, grids = read_grids(data, filename, problems)
    notes: list[str] = []
    grids = [g for g in grids if g.sheet not in ("aide", "listes")]  # the template's own help sheets
    legend, grids = glossaries(grids)  # « Sigles »: how the file's writer abbreviates names
    blocks = blocks_from_grids(filename, kind, grids, table, problems, notes,
                               with_answers(mappings(con), answers, "column"))
    if not blocks and not problems:
        detail = " ; ".join(notes)
        raise refuse(filename, "aucune ligne à importer" + (f" ({detail})" if detail else ""), hint=EMPTY_HINT)
    sources = []
    for b in blocks:  # a table may take several sheets (one per month): each is read, keys checked over all
        for header in b.to_note:
            if header.startswith("remarque (colonne "):  # a column with no header: said where it was found
                continue
            notes.append(f"Colonne « {header} »{_in_sheet(b.sheet)} : la table {TABLES[b.table].label} n'a pas de "
                         f"colonne pour elle ; sa valeur est ajoutée à la note de chaque ligne (« {header} : … »).")
        sources.append(_Source(b.table, filename, b.sheet, b.headers, b.rows, b.positions, b.unknown,
                               header_line=b.header_line, title=b.title, answers=b.answers))
    plan = _plan(con, sources, origin=filename, empty_clears=False, problems=problems,
                 duplicates=duplicates, replace_source=replace_source,
                 aliases_read=with_answers(aliases(con), answers, "name"), legend=legend)
    plan.messages = notes + plan.messages
    return plan


def plan_rows(
    con: duckdb.DuckDBPyConnection, table: str, rows: list[dict], *, origin: str, empty_clears: bool = False
) -> ImportPlan:
    """Check rows given as dicts (an on-screen editor, a form) with the import's rules and plan them.

    Args:
        con: any connection or cursor on the database.
        table: one of IMPORTABLE.
        rows: column name -> cell; line numbers in messages are the rows' positions (1-based).
        origin: what the rows come from, for messages and the audit log.
        empty_clears: an empty cell sets NULL (the editor) instead of keeping the stored value.
    Raises:
        DataFileError: every bad cell, named.
    """
    return plan_tables(con, {table: rows}, origin=origin, empty_clears=empty_clears)


def plan_tables(
    con: duckdb.DuckDBPyConnection, tables: dict[str, list[dict]], *, origin: str, empty_clears: bool = False
) -> ImportPlan:
    """Like plan_rows for several tables at once (a meeting and its attendance), applied in one write.

    Raises:
        DataFileError: every bad cell, named; also when no row is given.
    """
    sources = []
    for name, rows in tables.items():
        if name not in IMPORTABLE:
            raise refuse(origin, f"« {name} » n'est pas une table modifiable ici")
        t = TABLES[name]
        cols = [c for c in t.col_names if any(c in r for r in rows)]
        headers = {c: header_label(t, t.col(c)) for c in cols}
        unknown = sorted({k for r in rows for k in r} - set(t.col_names) - {"council_id"})
        if unknown:
            raise refuse(origin, f"colonne inconnue pour la table {t.label} : {', '.join(unknown)}")
        sources.append(_Source(name, origin, None, headers, [(i, dict(r)) for i, r in enumerate(rows, start=1)]))
    if not any(s.rows for s in sources):
        raise refuse(origin, "aucune ligne à importer", hint=EMPTY_HINT)
    # Edits on screen keep the document's text only if the person did not change it: they saw it.
    return _plan(con, sources, origin=origin, empty_clears=empty_clears, problems=[], duplicates=ADD,
                 replace_source=True, loose=False)


# ---------------------------------------------------------------- planning


def slug(text: object, limit: int = 48) -> str:
    """A code made from a name: « Comité de pilotage » -> 'comite-de-pilotage'."""
    t = unicodedata.normalize("NFKD", str(text)).replace("œ", "oe").replace("Œ", "oe")
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t[:limit].rstrip("-") or "ligne"


def _made_code(table: str, row: dict) -> str | None:
    """The code of a new row from its name and date (None when the row lacks them)."""
    date = row.get("date")
    precision = row.get("date_precision") or "jour"
    when = None
    if isinstance(date, dt.date):
        when = {"année": f"{date:%Y}", "mois": f"{date:%Y-%m}"}.get(precision, f"{date:%Y-%m-%d}")
    if table == "meeting":
        return f"{row['instance_id']}-{when}" if row.get("instance_id") and when else None
    if table == "event":
        if not row.get("kind"):
            return None
        if when and row.get("kind") != "SISM":
            return f"{slug(row['kind'], 20)}-{when}"
        year = row.get("year") or (date.year if isinstance(date, dt.date) else None)
        return f"{slug(row['kind'], 20)}-{year}" if year else None
    if table == "action":
        # the plan in the code: the same title in another plan is another action
        return slug(f"{row.get('plan_id') or ''} {row['title']}", 60) if row.get("title") else None
    if table == "structure":
        return slug(row.get("acronym") or row["name"], 40) if row.get("name") else None
    if table == "resource":
        return slug(row["name"], 50) if row.get("name") else None
    return None


def _plan(
    con,
    sources: list[_Source],
    *,
    origin: str,
    empty_clears: bool,
    problems: list[CellProblem],
    duplicates: dict[str, str] | str | None,
    replace_source: set[str] | bool,
    aliases_read: dict[str, dict[str, str]] | None = None,
    loose: bool = True,
    legend: list[tuple[str, str, str]] = (),
) -> CheckedImport:
    """The plan of sources; `loose`: a file's new rows may name stored ones loosely (Names.loose, a meeting by its
    instance and day, an action by its number); rows typed as new on screen (loose=False) only by exact names."""
    names = Names.load(con, aliases(con) if aliases_read is None else aliases_read)
    said: dict = {"approx": [], "kind": [], "loose": loose}
    if legend:
        _read_legend(names, legend, said)
    events_among_meetings(sources, names, said)
    for src in sources:
        from_title(src, names, said)
        _ask_headers(src, names, problems)
    if not any(s.table == "meeting" for s in sources):  # a sign-in sheet whose title names a meeting not stored yet
        for src, iid, day, where, text in said.get("new_meeting_title", []):
            sources.append(_Source("meeting", src.file, src.sheet, {"instance_id": f"instance ({where})",
                                                                    "date": f"date ({where})"},
                                   [(src.header_line or 1, {"instance_id": iid, "date": day})]))
            said.setdefault("meeting_added_title", []).append(
                (src.sheet, text, f"{names.display['instance'].get(iid, iid)} {day:%d/%m/%Y}", where))
    if not any(s.table == "meeting" for s in sources):
        _meetings_of_attendance(sources, names, said)
    parsed: dict[str, list[tuple[_Source, int, dict]]] = {}
    renamed: dict[tuple[str, str], str] = {}  # (table, code in the file) -> existing code (merge)
    skipped: set[tuple[str, str]] = set()  # (table, code) of rows left out (skip)
    found_dups: list[Duplicate] = []
    close_merged: set[tuple[str, str]] = set()  # (table, code) merged into a row whose name is only close
    precisions: dict[str, int] = {}
    for src in sorted(sources, key=lambda s: LOAD_ORDER.index(s.table)):
        t = TABLES[src.table]
        out = parsed.setdefault(src.table, [])
        broken: list = []
        the_files_meeting(src, parsed.get("meeting", []), names, said)
        out += _read_rows(src, names, renamed, skipped, problems, broken, precisions, said)
        _check_broken(con, src.table, broken, problems)
        # rows of this table are names for the next (a meeting, its attendance); a refused row with its code
        # too, so that the rows depending on it are not refused a second time for it
        ghosts = [(s, line, r) for s, line, r, _ in broken if all(r.get(k) is not None for k in t.key)]
        _register(names, src.table, out + ghosts)
        dups = _probable_duplicates(con, src.table, out, names)
        for dup in dups:
            choice = duplicates if isinstance(duplicates, str) else (duplicates or {}).get(dup.ident)
            dup.choice = choice if choice in DUPLICATE_CHOICES else None
            if dup.choice == MERGE:
                renamed[(src.table, dup.key[0])] = dup.existing[0]
                if dup.alias:
                    close_merged.add((src.table, dup.key[0]))
            elif dup.choice == SKIP:
                skipped.add((src.table, dup.key[0]))
        found_dups += dups
        kept, by_code = [], {}
        for item in out:
            code = item[2][t.key[0]]
            if (src.table, code) in skipped:
                continue
            target = renamed.get((src.table, code), code)
            if target != code and target in by_code:  # merged into an earlier row of the same file
                first = by_code[target][2]
                for k, v in item[2].items():
                    if first.get(k) is None:
                        first[k] = v
                continue
            if (src.table, code) in close_merged:
                item[2].pop(_NAMING_COL[src.table], None)  # a short name: the stored row keeps its own
            item[2][t.key[0]] = target
            by_code[target] = item
            kept.append(item)
        parsed[src.table] = kept
    changes, protected = {}, []
    for name, rows in parsed.items():
        if rows:
            changes[name] = _diff(con, name, rows, empty_clears, problems, protected, replace_source)
    if "action" in changes and (history := _dated_statuses(con, [*parsed["action"], *said.get("history", [])])):
        changes["action_status"] = history
        said["dated_statuses"] = history.added
    if problems:
        asked = sum(1 for p in problems if getattr(p, "question", None))
        raise DataFileError(problems[:MAX_PROBLEMS], (
            "Colonnes ou noms inconnus : sur la page d'import (Administration), choisissez une fois la colonne ou "
            "le nom qu'ils désignent ; la réponse est retenue et les prochains fichiers écrits de la même façon "
            "passeront, ici comme en ligne de commande. Corrigez le reste dans le fichier ; rien n'a été modifié."
        ) if asked else "")
    if not changes and not skipped:
        raise refuse(origin, "aucune ligne à importer", hint=EMPTY_HINT)
    plan = CheckedImport(origin=origin, changes=changes, base=table_checksums(con, list(changes)),
                         duplicates=found_dups, source_text=protected, labels=_labels(con, names))
    if said.get("period"):
        shown = ", ".join(f"« {t} »" for t in said["period"][:3]) + (" …" if len(said["period"]) > 3 else "")
        plan.messages.append(f"{len(said['period'])} période(s) ({shown}) : un événement garde son premier jour (la "
                             "période écrite dans sa note), une action son début et sa fin.")
    if said.get("span"):
        shown = ", ".join(f"« {t} »" for t in said["span"][:3]) + (" …" if len(said["span"]) > 3 else "")
        plan.messages.append(f"{len(said['span'])} date(s) d'action écrite(s) au mois, au trimestre ou à l'année "
                             f"({shown}) : un début prend le premier jour, une fin ou une échéance le dernier ; les "
                             "mots écrits sont gardés dans la note de l'action.")
    if said.get("event_span"):
        shown = ", ".join(f"« {t} »" for t in said["event_span"][:3]) + (" …" if len(said["event_span"]) > 3 else "")
        plan.messages.append(f"{len(said['event_span'])} date(s) d'événement écrite(s) au trimestre, au semestre ou "
                             f"au mois ({shown}) : l'événement est daté à l'année (au mois pour un mois), jamais à un "
                             "jour que le fichier ne donne pas ; les mots écrits sont gardés dans sa note.")
    if said.get("worded"):
        shown = ", ".join(f"« {t} »" for t in said["worded"][:3]) + (" …" if len(said["worded"]) > 3 else "")
        plan.messages.append(f"{len(said['worded'])} nombre(s) écrit(s) avec une unité ou en date ({shown}) : le "
                             "nombre est enregistré (l'année, pour une date dans une colonne d'années), le texte "
                             "écrit gardé dans la note de la ligne.")
    if said.get("remarked"):
        shown = ", ".join(f"« {t} »" for t in said["remarked"][:3]) + (" …" if len(said["remarked"]) > 3 else "")
        plan.messages.append(f"{len(said['remarked'])} valeur(s) de liste écrite(s) avec une remarque ou d'autres mots "
                             f"({shown}) : la valeur est retenue, le texte écrit gardé dans la note de la ligne.")
    if said.get("instance_of_title"):
        shown = ", ".join(dict.fromkeys(f"« {t} »" for t in said["instance_of_title"]))
        plan.messages.append(f"{len(said['instance_of_title'])} réunion(s) sans instance, lue(s) dans leur intitulé "
                             f"({shown}).")
    if said.get("no_structure"):
        plan.messages.append(f"{len(said['no_structure'])} ligne(s) sans nom de structure (ligne(s) "
                             f"{', '.join(map(str, said['no_structure'][:6]))}) : aucune structure à lire, laissée(s) "
                             "de côté.")
    if said.get("present_of"):
        shown = ", ".join(f"« {t} »" for t in said["present_of"][:3])
        plan.messages.append(f"{len(said['present_of'])} nombre(s) écrit(s) « présents/inscrits » ({shown}) : le nombre de "
                             "présents est retenu, le texte gardé dans la note.")
    if said.get("national_line"):
        shown = ", ".join(dict.fromkeys(f"« {t} »" for t in said["national_line"]))
        plan.messages.append(f"{len(said['national_line'])} ressource(s) nationale(s) ({shown} à la place de la "
                             "structure) : sans structure du conseil, le texte gardé dans la note.")
    if said.get("moved"):
        shown = ", ".join(f"« {t} »" for t in said["moved"][:3])
        plan.messages.append(f"{len(said['moved'])} date(s) déplacée(s) ({shown}) : la réunion est datée du jour où elle a "
                             "eu lieu, le texte écrit gardé dans sa note.")
    if said.get("unnamed_structure"):
        shown = ", ".join(dict.fromkeys(f"« {t} »" for _, t in said["unnamed_structure"]))
        lines = list(dict.fromkeys(n for n, _ in said["unnamed_structure"]))
        plan.messages.append(f"{len(lines)} ligne(s) de présence sans structure lisible ({shown}, "
                             f"ligne(s) {', '.join(map(str, lines[:6]))}) : la présence est comptée par structure, ces personnes ne sont pas "
                             "comptées ; laissée(s) de côté.")
    if said.get("same_structure"):
        plan.messages.append(f"{len(said['same_structure'])} ligne(s) répètent une structure déjà lue plus haut (une "
                             "ligne par contact) sans la contredire : lues comme cette structure, une seule fois.")
    if said.get("month_update"):
        shown = ", ".join(dict.fromkeys(f"« {t} »" for t in said["month_update"][:4]))
        plan.messages.append(f"{len(said['month_update'])} statut(s) daté(s) au mois seulement ({shown}) : enregistrés "
                             "dans l'historique des statuts à ce mois, sans jour inventé.")
    if said.get("no_date"):
        shown = ", ".join(dict.fromkeys(f"« {t} »" for t in said["no_date"]))
        plan.messages.append(f"{len(said['no_date'])} échéance(s) écrite(s) sans date ({shown}) : laissée(s) vide(s), "
                             "les mots gardés dans la note de l'action.")
    if said.get("nobody"):
        plan.messages.append(f"{len(said['nobody'])} ligne(s) de présence à 0 (ligne(s) "
                             f"{', '.join(map(str, said['nobody'][:6]))}) : personne de la structure n'est venu, "
                             "aucune présence enregistrée.")
    for sheet, header, role in said.get("role_of_header", []):
        plan.messages.append(f"Pas de colonne « rôle »{_in_sheet(sheet)} : l'en-tête « {header} » le dit : « {role} » "
                             "pour chaque ligne.")
    if said.get("same_link"):
        plan.messages.append(f"{len(said['same_link'])} ligne(s) qui redisent un lien déjà lu plus haut (même action, "
                             f"même structure, même rôle ; ligne(s) {', '.join(map(str, said['same_link'][:6]))}) : un "
                             "seul lien, les précisions de chaque ligne gardées dans sa note.")
    if said.get("spanned"):
        plan.messages.append(f"{len(said['spanned'])} nombre(s) écrit(s) comme une fourchette "
                             f"({', '.join(f'« {s} »' for s in said['spanned'][:3])}) : laissé(s) vide(s), aucun nombre "
                             "inventé ; les mots gardés dans la note de la ligne.")
    if said.get("unmeasured"):
        plan.messages.append(f"{len(said['unmeasured'])} ligne(s) d'indicateur sans résultat (ligne(s) "
                             f"{', '.join(map(str, said['unmeasured'][:6]))}) : pas encore mesuré, aucune valeur "
                             "enregistrée.")
    if said.get("theme_unknown"):
        shown = ", ".join(dict.fromkeys(f"« {t} »" for t in said["theme_unknown"]))
        plan.messages.append(f"{len(said['theme_unknown'])} thème(s) ou secteur(s) qui ne sont pas ceux de la liste du "
                             f"CLSM ({shown}) et n'en approchent aucun : laissé(s) vide(s), le mot gardé dans la note de "
                             "la ligne.")
    if said.get("no_ref"):
        shown = ", ".join(dict.fromkeys(f"« {t} »" for t in said["no_ref"]))
        plan.messages.append(f"{len(said['no_ref'])} nom(s) écrit(s) {shown} : lu(s) comme « aucun » (cellule vide), "
                             "le signe gardé dans la note de la ligne.")
    if said.get("not_known"):
        shown = ", ".join(dict.fromkeys(f"« {t} »" for t in said["not_known"]))
        plan.messages.append(f"{len(said['not_known'])} nombre(s) écrit(s) {shown} : lu(s) comme non renseigné(s) "
                             "(cellule vide, jamais zéro), le signe gardé dans la note de la ligne.")
    if said.get("detail"):
        shown = ", ".join(f"« {t} »" for t in said["detail"][:3]) + (" …" if len(said["detail"]) > 3 else "")
        plan.messages.append(f"{len(said['detail'])} résultat(s) d'indicateur qui ne sont pas un nombre ({shown}) : "
                             "gardés tels quels dans le détail de la valeur, sans nombre.")
    if said.get("meetings_of_attendance"):
        shown = ", ".join(f"« {t} »" for t in said["meetings_of_attendance"][:4])
        more = " …" if len(said["meetings_of_attendance"]) > 4 else ""
        plan.messages.append(f"{len(said['meetings_of_attendance'])} réunion(s) nommée(s) par les présences et pas "
                             f"encore enregistrée(s) ({shown}{more}) : ajoutée(s) avec leurs présences.")
    if said.get("dated_statuses"):
        days = sorted({r["date"] for r in said["dated_statuses"]})
        plan.messages.append(f"{len(said['dated_statuses'])} statut(s) d'action donné(s) avec leur date "
                             f"({', '.join(d.strftime('%d/%m/%Y') for d in days[:3])}{' …' if len(days) > 3 else ''}) : "
                             "chacun est aussi enregistré comme statut daté (historique des statuts de l'action).")
    if said.get("the_council"):
        plan.messages.append(f"{len(said['the_council'])} ligne(s) dont la structure est « "
                             f"{said['the_council'][0]} », le conseil lui-même et non une structure partenaire : "
                             "laissée vide, le mot gardé dans la note.")
    if said.get("no_year"):
        first_text, first_day, year = said["no_year"][0]
        years = sorted({y for *_, y in said["no_year"]})
        plan.messages.append(f"{len(said['no_year'])} date(s) écrite(s) sans l'année (« {first_text} »…) : lue(s) en "
                             + (f"{year}, l'année que nomme le titre de la feuille, son nom ou celui du fichier"
                                if len(years) == 1 else
                                f"{', '.join(map(str, years))}, l'année que nomme chaque feuille (titre ou nom)")
                             + f" (« {first_text} » : {first_day:%d/%m/%Y}).")
    if said.get("vague_update"):
        shown = ", ".join(dict.fromkeys(f"« {t} »" for t in said["vague_update"]))
        plan.messages.append(f"{len(said['vague_update'])} date(s) de mise à jour écrite(s) sans jour ({shown}) : "
                             "laissée(s) vide(s), les mots gardés dans la note de la ligne.")
    if said.get("other_kind"):
        shown = ", ".join(dict.fromkeys(f"« {t} »" for t in said["other_kind"]))
        plan.messages.append(f"{len(said['other_kind'])} événement(s) d'un type que la liste n'a pas ({shown}) : le "
                             "type que dit leur intitulé, sinon « autre » ; le mot écrit est gardé dans la note.")
    if said["approx"]:
        shown = ", ".join(f"« {t} »" for t in said["approx"][:3]) + (" …" if len(said["approx"]) > 3 else "")
        plan.messages.append(f"{len(said['approx'])} nombre(s) approximatif(s) ({shown}) : le nombre est enregistré et "
                             "la note de la ligne dit « valeur approximative (« … ») ».")
    plan.messages += said.get("legend", [])
    for sheet, title, instance, where in dict.fromkeys(said.get("instance_title", [])):
        plan.messages.append(f"Pas de colonne « instance »{_in_sheet(sheet)} : {where} (« {short_text(title)} ») "
                             f"nomme l'instance « {instance} ».")
    for sheet, header, example in said.get("theme_title", []):
        plan.messages.append(f"Colonne « {header} »{_in_sheet(sheet)} : ses valeurs ne sont pas des thématiques du "
                             f"CLSM (« {short_text(example)} »…) : lue comme l'intitulé de chaque événement.")
    for sheet, title, meeting, where in said.get("meeting_added_title", []):
        plan.messages.append(f"Pas de colonne « réunion »{_in_sheet(sheet)} : le {where} (« {short_text(title)} ») nomme "
                             f"une réunion qui n'est pas encore enregistrée, « {meeting} » : ajoutée avec ses présences.")
    for sheet, title, structure in said.get("structure_title", []):
        plan.messages.append(f"Pas de colonne « structure »{_in_sheet(sheet)} : le titre (« {short_text(title)} ») "
                             f"nomme la structure « {structure} », retenue pour chaque présence.")
    for sheet, line, text, kind in said.get("not_meetings", []):
        plan.messages.append(f"Ligne {line}{_in_sheet(sheet)} (« {short_text(text)} ») : un événement ({kind}), pas une "
                             "réunion du CLSM : laissée de côté, avec ses présences.")
    for sheet, title, meeting, where in said.get("meeting_title", []):
        plan.messages.append(f"Pas de colonne « réunion »{_in_sheet(sheet)} : le {where} (« {short_text(title)} ») "
                             f"donne le jour de la réunion, « {meeting} ».")
    if said.get("summed"):
        plan.messages.append(f"{len(said['summed'])} ligne(s) de présence pour une structure déjà comptée pour la même "
                             f"réunion et la même catégorie (« {said['summed'][0]} »…), écrite autrement ou une autre "
                             "réponse au formulaire : additionnées.")
    for sheet, header in said.get("foreign_ids", []):
        plan.messages.append(f"Colonne « {header} »{_in_sheet(sheet)} : des numéros d'un autre outil, pas des codes du "
                             "tableau de bord : laissée de côté ; chaque ligne est reconnue à son nom.")
    if said.get("source_text"):
        shown = ", ".join(f"« {t} »" for t in list(dict.fromkeys(said["source_text"]))[:3])
        plan.messages.append(f"{len(said['source_text'])} source(s) qui ne sont pas des documents du CLSM ({shown}…) : "
                             "gardée(s) dans la note de la ligne.")
    for sheet, meeting in said.get("one_meeting", []):
        plan.messages.append(f"Pas de colonne « réunion »{_in_sheet(sheet)} : les présences sont celles de la seule "
                             f"réunion du fichier, « {meeting} ».")
    for sheet, people, lines, dropped in said.get("tally", []):
        plan.messages.append(f"Pas de colonne « nombre »{_in_sheet(sheet)} : une ligne par personne présente, comptée "
                             f"une fois ({people} ligne(s) -> {lines} ligne(s) de présence par structure et catégorie)"
                             + (f" ; {', '.join(f'« {h} »' for h in dropped)} décri(ven)t une personne, pas la "
                                "structure : non gardé(s)" if dropped else "") + ".")
    for sheet, text in said.get("during_sism", []):
        plan.messages.append(f"Pas de colonne « type »{_in_sheet(sheet)} : le titre (« {short_text(text)} ») nomme la "
                             "SISM, mais les lignes sont des jours d'une même année : des événements tenus pendant la "
                             "SISM, pas ses éditions ; le type que dit leur intitulé, sinon « autre ».")
    for sheet, what, text, kind in said.get("kind_title", []):
        plan.messages.append(f"Pas de colonne « type »{_in_sheet(sheet)} : {what} (« {short_text(text)} ») dit "
                             f"« {kind} », retenu pour chaque événement dont l'intitulé ne dit pas son type.")
    for sheet, named, plan_name in said.get("plan_actions", []):
        plan.messages.append(f"Pas de colonne « plan »{_in_sheet(sheet)} : les {named} actions reconnues à leur "
                             f"intitulé sont toutes du plan « {plan_name} », retenu pour chacune.")
    for sheet, what, text, plan_name in said.get("plan_title", []):
        plan.messages.append(f"Pas de colonne « plan »{_in_sheet(sheet)} : {what} (« {short_text(text)} ») nomme "
                             f"le plan « {plan_name} », retenu pour chacune de ses actions.")
    if said.get("known_meeting"):
        plan.messages.append(f"{len(said['known_meeting'])} réunion(s) sans code reconnue(s) à leur instance et leur "
                             "date comme des réunions déjà enregistrées : mises à jour.")
    if said.get("known"):
        plan.messages.append(f"{len(said['known'])} ligne(s) sans code reconnue(s) à leur nom comme des lignes déjà "
                             "enregistrées (sigle, nom ou correspondance retenue) : mises à jour.")
    if said["kind"]:
        plan.messages.append(f"Type d'événement déduit de l'intitulé pour {len(said['kind'])} ligne(s) "
                             f"({', '.join(dict.fromkeys(said['kind']))}).")
    if said.get("kind_unsaid"):
        shown = ", ".join(f"« {short_text(x)} »" for x in said["kind_unsaid"][:3]) + (
            " …" if len(said["kind_unsaid"]) > 3 else "")
        plan.messages.append(f"{len(said['kind_unsaid'])} événement(s) dont ni le fichier ni l'intitulé ne disent le type "
                             f"({shown}) : enregistré(s) comme « autre », à préciser dans le tableau si besoin.")
    if found_dups:
        todo = sum(1 for d in found_dups if d.choice is None)
        plan.messages.append(f"{len(found_dups)} ligne(s) ressemblent à des lignes déjà enregistrées "
                             "(doublons probables)" + (f" : {todo} à décider." if todo else " : choix faits."))
    for typed, stored, sheet in dict.fromkeys(said.get("resource_known", [])):
        why = "même nom" if norm(typed) == norm(stored) else "même structure, mêmes mots"
        plan.messages.insert(0, f"« {typed} »{_in_sheet(sheet)} lu comme la ressource déjà enregistrée « {stored} » "
                                f"({why}) : mise à jour, son nom gardé.")
    for typed, row_id, sheet, table in dict.fromkeys(said.get("known_sure", [])):  # read as a stored row: said, kept
        q = Question("name", table, typed, names.candidates(table, typed), row_id, sheet, sure=True)
        if row_id not in {v for v, _ in q.options}:
            q.options = [(row_id, names.display[table].get(row_id, row_id)), *q.options]
        plan.assumed.append((q, row_id))
        plan.messages.insert(0, q.assumed())
    if precisions:
        said = " et ".join(f"{n} au {'mois' if p == 'mois' else 'an'}" for p, n in sorted(precisions.items(),
                                                                                 key=lambda x: x[0] != "mois"))
        plan.messages.append(f"Dates connues seulement en partie ({said}) : enregistrées avec cette précision.")
    if skipped:
        plan.messages.append(f"{len(skipped)} ligne(s) ignorée(s) comme doublons, avec les lignes qui en dépendent.")
    return plan


def _read_rows(
    src: _Source,
    names: Names,
    renamed: dict,
    skipped: set,
    problems: list,
    broken: list | None = None,
    precisions: dict | None = None,
    said: dict | None = None,
) -> list:
    """(source, line, row) for each good row of one table: cells read, names resolved, codes made.

    Rows depending on a row left out (a skipped duplicate) are left out too; every bad cell is added to
    `problems` and its row left out, kept in `broken` with the columns already reported (so that its
    other problems, such as a required value missing, are reported in the same pass).
    """
    t = TABLES[src.table]
    generated = GENERATED_KEYS.get(src.table)
    for k in t.key:
        if k not in src.headers and k != generated:
            _absent(src, k, problems, key=True)
    partial = "date_precision" in t.col_names
    year, month = _title_year(src)
    # keys met so far in this table, over every sheet of the file (a sheet per month: one table)
    seen: dict[tuple, int] = said.setdefault("seen", {}).setdefault(src.table, {}) if said is not None else {}
    # a sign-in sheet: attendance with no count column, one row per person (no name), each counted once
    tally = src.table == "attendance" and "count" not in src.headers and bool(src.rows)
    dropped: dict[str, None] = {}
    if tally:
        src.headers["count"] = "nombre (une ligne par personne)"
        for _, raw in src.rows:
            raw["count"] = 1
            # a person's other columns (« Fonction ») say nothing of the structure's row: not kept
            dropped.update((header, None) for header, _ in raw.pop(TO_NOTE, []))
    tallied: dict[tuple, dict] = {}
    # structures: each line's name as typed -> its row's code, for a service naming its establishment a line above
    # (an establishment new in this file, or a stored one the file calls by a shorter name)
    here: dict[str, str] = {}
    out = []
    said = said if said is not None else {"approx": [], "kind": []}
    for line, raw in src.rows:
        if src.table == "attendance" and _NO_STRUCTURE.match(norm(raw.get("structure_id") or "")):
            # « (structure illisible) », « (pas de structure indiquée) » on a retyped sign-in sheet: attendance is
            # counted per structure, and none is named; the line is left out, said with its people
            said.setdefault("unnamed_structure", []).append((line, str(raw["structure_id"]).strip()))
            continue
        row: dict = {}
        extra: list[str] = [f"{h} : {_note_text(v, h)}" for h, v in raw.get(TO_NOTE, [])]
        bad = False
        for h, v in raw.get(TO_NOTE, []):
            if isinstance(v, Uncomputed):
                problems.append(Issue(src.file, line, h, Uncomputed.MESSAGE, src.sheet, expected=Uncomputed.EXPECTED))
                bad = True
        approx: list[tuple[str, str]] = []
        orphan = False
        reported: set[str] = set()
        from_period: set[str] = set()  # columns filled from a period typed in another column
        for name in sorted(src.headers, key=t.col_names.index):  # the plan before its axis
            col = t.col(name)
            if col.ref == "structure" and norm(raw.get(name) or "") in _THE_COUNCIL:
                # « CLSM » as an action's porteur: the council itself, no partner structure; said, kept in the note
                extra.append(f"{src.headers[name]} : {str(raw[name]).strip()} (le conseil lui-même)")
                said.setdefault("the_council", []).append(str(raw[name]).strip())
                continue
            if src.table == "resource" and col.ref == "structure" and _NATIONAL_LINE.match(norm(raw.get(name) or "")):
                # « Numéro national de prévention du suicide » where the structure goes: a national line, run by no
                # partner of the council; no structure, the words kept in the note
                extra.append(f"{src.headers[name]} : {str(raw[name]).strip()}")
                said.setdefault("national_line", []).append(str(raw[name]).strip())
                continue
            if isinstance(raw.get(name), Uncomputed):  # a formula whose result the file does not hold, read here
                problems.append(Issue(src.file, line, src.headers[name], Uncomputed.MESSAGE, src.sheet,
                                      expected=Uncomputed.EXPECTED, col_index=src.positions.get(name)))
                bad = True
                reported.add(name)
                continue
            try:
                cell = raw.get(name)
                if src.table == "event" and name == "kind" and norm(cell) in ("autre", "autres", "divers"):
                    extra.append(f"{src.headers[name]} : {cell}")  # « Autre »: the title may say the kind
                    row["@other"] = True
                    cell = None
                if col.choices and filled(cell):
                    cell = names.aliases.get(f"{src.table}.{name}", {}).get(norm(cell), cell)
                    if str(cell).strip() in names.letters:  # « V » with « P / V / H = présentiel / visio / hybride »
                        cell = names.letters[str(cell).strip()]
                if col.type == "date" and isinstance(cell, str) and (moved := _MOVED_TO.match(cell.strip())):
                    # « 13/03/2025 reportée au 20/03/2025 »: held on the second day; the words kept in the note
                    extra.append(f"{src.headers[name]} : {cell.strip()}")
                    said.setdefault("moved", []).append(cell.strip())
                    cell = moved.group(1)
                if col.type == "int" and isinstance(cell, str) and _PRESENT_OF.match(norm(src.headers[name])) \
                        and (ratio := re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", cell)):
                    # « 3/4 » under « Présents/inscrits »: 3 came of 4 registered; the count is who came
                    extra.append(f"{src.headers[name]} : {cell.strip()}")
                    said.setdefault("present_of", []).append(cell.strip())
                    cell = int(ratio.group(1))
                if name == "mode" and norm(src.headers[name]).startswith("visio") and norm(cell) in _YES_NO:
                    cell = {True: "visio", False: "présentiel", None: "hybride"}[_YES_NO[norm(cell)]]  # « Visio » oui/non
                try:
                    value = read_cell(col, cell, partial_dates=partial,
                                      periods=name in PERIOD_COLUMNS.get(src.table, ()))
                except CellError:
                    if src.table == "action" and name == "updated_on" and filled(raw.get("status")) \
                            and (month := _month_only(cell)) is not None:
                        # « mars 2024 » in a status history: a status of that month (a dated status to the month);
                        # the action's own « mis à jour le » is not given a day the file does not give
                        value = month
                        row["@precision"] = "mois"
                        said.setdefault("month_update", []).append(" ".join(str(cell).split()))
                    elif src.table == "action" and name == "end_date" and isinstance(cell, str) \
                            and not re.search(r"\d", cell) and not parse_span(cell):
                        # « continu », « chaque octobre », « à définir »: no date; left empty, the words in the note
                        extra.append(f"{src.headers[name]} : {' '.join(cell.split())}")
                        said.setdefault("no_date", []).append(" ".join(cell.split()))
                        value = None
                    elif name == "updated_on" and src.table != "action" and (parse_period(cell) or parse_span(cell)):
                        # « mis à jour : 1er trim. 2026 »: no day to keep; left empty, the words in the note
                        extra.append(f"{src.headers[name]} : {' '.join(str(cell).split())}")
                        said.setdefault("vague_update", []).append(" ".join(str(cell).split()))
                        value = None
                    elif col.type == "date" and year is not None:  # « mer. 8/10 » under « SISM 2025 »
                        value = read_cell(col, cell, partial_dates=partial, year=year, month=month)
                        said.setdefault("no_year", []).append((str(cell).strip(), value, year))
                    elif src.table == "event" and name == "kind" and _sure_choice(col, str(cell)) is None and not any(
                            difflib.SequenceMatcher(None, norm(cell), norm(c)).ratio() >= 0.8
                            for c in close_choices(col, str(cell))):  # a near spelling is asked, not another word
                        # « balade », « exposition »: a kind the list has not: the title's, else « autre », the
                        # word kept in the note
                        extra.append(f"{src.headers[name]} : {cell}")
                        said.setdefault("other_kind", []).append(str(cell).strip())
                        row["@other"] = True
                        value = None
                    else:
                        raise
                if value is None and name in from_period:
                    continue
                if isinstance(value, Period):
                    said.setdefault(("event_span" if src.table == "event" else "span") if value.loose else "period",
                                    []).append(value.text)
                    value = _place_period(src, name, value, raw, row, extra, from_period)
                if isinstance(value, Approx):
                    approx.append((src.headers[name], value.text))
                    said["approx"].append(value.text)
                    value = int(value)
                if isinstance(value, Remarked):  # « en cours (poursuivi en 2019) »: the value, the text in the note
                    extra.append(f"{src.headers[name]} : {value.text}")
                    said.setdefault("remarked", []).append(value.text)
                    value = str(value)
                if isinstance(value, Spanned):  # « 25 à 30 » participants: no number made up, the words kept
                    extra.append(f"{src.headers[name]} : {value}")
                    said.setdefault("spanned", []).append(str(value))
                    value = None
                if isinstance(value, Worded):  # « 31 réunions »: the number, the words in the note
                    extra.append(f"{src.headers[name]} : {value.text}")
                    said.setdefault("worded", []).append(value.text)
                    value = int(value) if col.type == "int" else float(value)
                if value is not None and col.ref:
                    plan_ctx = None
                    if col.ref == "axis":
                        plan_ctx = row.get("plan_id") or names.action_plan.get(row.get("action_id"))
                    value = names.resolve(col.ref, value, plan=plan_ctx)
                    value = renamed.get((col.ref, value), value)
                    orphan = orphan or (col.ref, value) in skipped
                if isinstance(value, PartialDate):
                    if row.get("date_precision") is None and raw.get("date_precision") in (None, ""):
                        row["date_precision"] = value.precision
                    if precisions is not None:
                        precisions[value.precision] = precisions.get(value.precision, 0) + 1
                    value = dt.date(value.year, value.month, value.day)
                if name == "date_precision" and value is None and "date_precision" in row:
                    continue
                if src.table == "action_partner" and name == "role" and isinstance(value, str) \
                        and re.fullmatch(r"[A-ZÉÈ][a-zéèêàç-]+(?: [a-zéèêàç-]+){0,2}", value.strip()):
                    value = value.strip().lower()  # « Porteur », « Financeur »: the roles as the council writes them
                if src.table == "indicator_value" and name == "period_label" and isinstance(value, str) \
                        and (m := re.fullmatch(r"\s*(?:ann[ée]e|an|exercice)\s+((?:19|20)\d\d)\s*", value, re.I)):
                    value = m.group(1)  # « Année 2021 » is the period « 2021 »
                row[name] = value
            except CellError as exc:
                if (src.table == "indicator_value" and name == "value" and isinstance(raw.get(name), str)
                        and norm(raw[name]) in NOT_KNOWN and not filled(raw.get("value_text"))):
                    row["value"] = None  # « n.c. », « - »: no result, so no value (the line is left out below)
                    continue
                if as_detail(src, name, raw, row, said) or not_known(src, col, raw, extra, said):
                    continue
                if (src.table, name) == ("structure", "sector") and filled(raw.get(name)) \
                        and not close_choices(col, str(raw[name])) and _sure_choice(col, str(raw[name])) is None:
                    # « Écoute »: a sector the list has not and is near none of: left empty, the word in the note
                    extra.append(f"{src.headers[name]} : {_note_text(raw.get(name), src.headers[name])}")
                    said.setdefault("theme_unknown", []).append(str(raw[name]).strip())
                    continue
                if isinstance(exc, RefError) and col.ref == "theme" and not col.required and filled(raw.get(name)) \
                        and not names.close_labels("theme", str(raw[name])):
                    # « Inclusion », « Coordination »: no thematic of the council and none close: kept in the note
                    extra.append(f"{src.headers[name]} : {_note_text(raw.get(name), src.headers[name])}")
                    said.setdefault("theme_unknown", []).append(str(raw[name]).strip())
                    continue
                if src.table == "structure" and name == "parent_id" and (above := here.get(norm(raw.get(name) or ""))):
                    row[name] = above  # « Rattachée à : UDAF de la Moselle », a line of this file
                    continue
                if isinstance(exc, RefError) and col.ref == "source_document" and filled(raw.get(name)) \
                        and said.get("loose", True):
                    # « Tableau de suivi », « Questionnaire partenaires »: a source that is none of the council's
                    # documents is a remark, kept in the note (the documents are the seed's, not typed here)
                    extra.append(f"{src.headers[name]} : {_note_text(raw.get(name), src.headers[name])}")
                    said.setdefault("source_text", []).append(str(raw.get(name)).strip())
                    continue
                question = None
                if isinstance(exc, RefError) and filled(raw.get(name)):
                    question = _name_question(src, name, str(raw.get(name)).strip(), line, names,
                                              plan=row.get("plan_id"))
                problems.append(Issue(src.file, line, src.headers[name], str(exc), src.sheet,
                                      found=raw.get(name),
                                      expected=getattr(exc, "expected", "") or _expected(col, partial),
                                      col_index=src.positions.get(name), question=question))
                bad = True
                reported.add(name)
        if bad and broken is not None:
            broken.append((src, line, row, reported))
        if bad or orphan:
            continue
        if approx:
            extra += [f"valeur approximative (« {text} »)" if len(approx) == 1 else
                      f"{header} : valeur approximative (« {text} »)" for header, text in approx]
        if extra:
            row[TO_NOTE] = extra
        other = row.pop("@other", False)  # « Autre » said by the file: an event during the SISM is no SISM edition
        if src.table == "event" and row.get("kind") is None and row.get("title") and "kind" not in reported:
            kind = kind_from_title(row["title"])
            if kind == "SISM" and other:
                kind = None
            if kind:
                row["kind"] = kind
                said["kind"].append(kind)
            elif other:
                row["kind"] = "autre"
            elif "kind" not in src.headers and said.get("loose", True):
                # no type anywhere, not even in the title (« Café des parents », « Atelier … »): « autre », said
                row["kind"] = "autre"
                said.setdefault("kind_unsaid", []).append(str(row["title"]).strip())
        if generated and row.get(generated) is None and src.table in _NAMING_COL:
            known = _known_row(src.table, row, names, loose=said.get("loose", True), said=said, sheet=src.sheet)
            if known:
                row[generated] = known
                said.setdefault("known", []).append(row.get(_NAMING_COL[src.table]))
                if _norm_name(row.get(_NAMING_COL[src.table])) != _norm_name(names.display[src.table].get(known)):
                    row.pop(_NAMING_COL[src.table], None)  # named by a short name or an alias: the row keeps its own
        if (src.table == "meeting" and said.get("loose", True) and row.get("meeting_id") is None
                and row.get("instance_id") and row.get("date")):
            # the same instance on the same day is the meeting already stored (its code may differ)
            at = (row["instance_id"], row["date"], row.get("date_precision") or "jour")
            stored = {m for m in names.meeting_at.get(at, set())
                      if m in names.stored.get("meeting", set())}
            if len(stored) == 1:
                row["meeting_id"] = next(iter(stored))
                said.setdefault("known_meeting", []).append(row["meeting_id"])
        if (src.table == "event" and said.get("loose", True) and row.get("event_id") is None and row.get("kind")
                and row.get("date")):
            # the same kind of event on the same day (or month) whose titles share a word (« Session en salle »,
            # « Sensibilisation en santé mentale (session en salle) ») is the event already stored
            at = (row["kind"], row["date"], row.get("date_precision") or "jour")
            stored = {e for e in names.event_at.get(at, set()) if e in names.stored.get("event", set())}
            if len(stored) == 1 and _titles_meet(row.get("title"), names.display["event"].get(next(iter(stored))),
                                                  row["kind"]):
                row["event_id"] = next(iter(stored))
                row.pop("title", None)  # the file's short title does not replace the stored one
                said.setdefault("known", []).append(names.display["event"].get(row["event_id"]))
        if (src.table == "resource" and said.get("loose", True) and row.get("resource_id") is None
                and row.get("structure_id") and row.get("name")):
            # « RDV psy gratuits pour les 16-25 ans » of the Mission locale: the one stored resource of that
            # structure whose name shares its telling words (« gratuites », « 16-25 ») is that resource
            meets = [(rid, name) for rid, name in names.resources_of(row["structure_id"])
                     if _names_meet(row["name"], name, names.display["structure"].get(row["structure_id"]))
                     ] or names.resources_named(row["name"])
            if len(meets) == 1:
                row["resource_id"] = meets[0][0]
                said.setdefault("resource_known", []).append((str(row["name"]).strip(), meets[0][1], src.sheet))
                row.pop("name")  # the directory's wording does not replace the stored name
        if src.table == "meeting" and row.get("meeting_id") is None and row.get("instance_id") is None \
                and filled(row.get("title")) and (iid := names.sure_row("instance", str(row["title"]))):
            # « GT Logement » in the title, its instance left empty (a database page): the instance it names
            row["instance_id"] = iid
            said.setdefault("instance_of_title", []).append(str(row["title"]).strip())
        if src.table == "structure" and generated and row.get(generated) is None and filled(raw.get("name")) \
                and (prior := here.get(norm(raw["name"]))):
            row[generated] = prior  # the same new structure a line above (a contacts list): one row, merged below
        if src.table == "structure" and generated and row.get(generated) is None and not filled(row.get("name")) \
                and "name" in src.headers and not any(filled(v) for c, v in row.items()
                                                      if c in t.col_names and c != "note"):
            said.setdefault("no_structure", []).append(line)  # a contact with no organisation: no structure to read
            continue
        if generated and row.get(generated) is None:
            code = _made_code(src.table, row)
            absent = [c for c in _CODE_FROM.get(src.table, ()) if c not in src.headers and row.get(c) is None]
            if code is None and absent:
                for c in absent:
                    _absent(src, c, problems)
                continue
            if code is None:
                problems.append(Issue(src.file, line, header_label(t, t.col(generated)),
                                      "code absent, et la ligne n'a pas de quoi en faire un", src.sheet,
                                      expected=_code_needs(src.table)))
                continue
            base, n = code, 2
            while (code,) in seen:
                code, n = f"{base}-{n}", n + 1
            row[generated] = code
        if src.table == "attendance" and row.get("count") == 0 and not tally:
            said.setdefault("nobody", []).append(line)  # « 0 » (excusée): no one came, no attendance
            continue
        if (src.table == "indicator_value" and said.get("loose") and {"value", "value_text"} & set(src.headers)
                and row.get("value") is None and row.get("value_text") is None):
            said.setdefault("unmeasured", []).append(line)  # a target typed, its result not yet: no value
            continue
        if src.table == "structure" and row.get("structure_id") and filled(raw.get("name")):
            here[norm(raw["name"])] = row["structure_id"]
        if src.table == "structure" and row.get("parent_id") and row.get("structure_id") in names.stored.get(
                "structure", set()) and row["parent_id"] in names.ancestors(row["structure_id"])[1:]:
            # « Service en Amont » under « CMSEA » when it is stored under the CMSEA's pôle: the stored, finer one kept
            row.pop("parent_id")
        if any(row.get(k) is None for k in t.key):
            missing = next(k for k in t.key if row.get(k) is None)
            if missing not in src.headers:
                continue  # the whole column is absent: said once above
            problems.append(Issue(src.file, line, src.headers.get(missing, missing),
                                  "valeur obligatoire manquante (clé de la ligne)", src.sheet,
                                  expected="une valeur", col_index=src.positions.get(missing)))
            continue
        key = tuple(row[k] for k in t.key)
        if tally and key in seen and key in tallied:
            tallied[key]["count"] += 1
            continue
        written = said.setdefault("written_as", {})  # attendance: the structure as each key's first line wrote it
        if (key in seen and src.table == "attendance" and key in tallied and written.get(key) is not None
                and (written[key] != norm(raw.get("structure_id")) or src.answers) and isinstance(row.get("count"), int)
                and isinstance(tallied[key].get("count"), int)):
            # « GEM Camille Claudel » then « GEM C. Claudel »: one structure written two ways, its people added up
            tallied[key]["count"] += row["count"]
            said.setdefault("summed", []).append(str(raw.get("structure_id")).strip())
            continue
        if (key in seen and src.table == "action" and key in tallied and row.get("status")
                and isinstance(row.get("updated_on"), dt.date) and row.get("updated_on") != tallied[key].get("updated_on")):
            # one action at two dates (« mise en œuvre » in 2023, « réalisée » in 2025): its history; the latest stays
            said.setdefault("history", []).append((src, line, dict(row)))
            kept = tallied[key]
            if not isinstance(kept.get("updated_on"), dt.date) or row["updated_on"] > kept["updated_on"]:
                said["history"][-1] = (src, seen[key], dict(kept))
                kept.clear()
                kept.update(row)
            continue
        if key in seen and src.table == "structure" and key in tallied and all(
                row.get(c) in (None, "") or tallied[key].get(c) in (None, "") or _equal(row[c], tallied[key][c])
                for c in row if c in t.col_names and c not in (TO_NOTE, "note")):
            # a contacts list, one line per person: the structure's lines agree (or complete each other): one row
            kept = tallied[key]
            for c, v in row.items():
                if c == TO_NOTE:
                    kept[TO_NOTE] = list(dict.fromkeys([*(kept.get(TO_NOTE) or []), *v]))
                elif kept.get(c) in (None, "") and v not in (None, ""):
                    kept[c] = v
            said.setdefault("same_structure", []).append(line)
            continue
        if key in seen and src.table == "action_partner" and key in tallied:
            # the same funder of the same action two years running (a list of grants): one link, both lines' notes
            kept = tallied[key]
            kept[TO_NOTE] = list(dict.fromkeys([*(kept.get(TO_NOTE) or []), *(row.get(TO_NOTE) or [])]))
            if row.get("note") and row.get("note") != kept.get("note"):
                kept["note"] = " ; ".join(x for x in (kept.get("note"), row["note"]) if x)
            said.setdefault("same_link", []).append(line)
            continue
        if key in seen:
            problems.append(Issue(src.file, line, None,
                                  f"ligne en double : même clé ({', '.join(map(str, key))}) qu'à la ligne {seen[key]}",
                                  src.sheet, expected="une seule ligne par clé"))
            continue
        seen[key] = line
        tallied[key] = row
        if src.table == "attendance":
            written[key] = norm(raw.get("structure_id"))
        out.append((src, line, row))
    if tally:
        said.setdefault("tally", []).append((src.sheet, len(src.rows), len(tallied), list(dropped)))
    return out



def _check_broken(con, table: str, broken: list, problems: list) -> None:
    """Required values missing in rows refused for another cell: said now, not after the first fix."""
    if not broken:
        return
    t = TABLES[table]
    keyed = [tuple(r.get(k) for k in t.key) for _, _, r, _ in broken]
    stored = _existing(con, table, [k for k in keyed if all(v is not None for v in k)])
    for (src, line, row, reported), key in zip(broken, keyed, strict=True):
        if key in stored:
            continue  # an update: the stored row has its required values
        full = {c: row.get(c) for c in t.col_names}
        _defaults(table, full)
        if "date" in reported:
            reported = reported | {"date_precision", "year"}  # made from the date once it is read
        for col in t.cols:
            if (col.required and full[col.name] is None and col.name not in reported
                    and col.name != GENERATED_KEYS.get(table)):
                if _absent(src, col.name, problems):
                    continue
                problems.append(Issue(src.file, line, src.headers.get(col.name) or header_label(t, col),
                                      "valeur obligatoire manquante pour créer cette nouvelle ligne", src.sheet,
                                      expected="une valeur (colonne obligatoire pour une nouvelle ligne)",
                                      col_index=src.positions.get(col.name)))


_CODE_FROM = {"meeting": ("instance_id", "date"), "event": ("kind",), "action": ("title",), "structure": ("name",),
              "resource": ("name",)}
# « SISM 2022 », « Formation PSSM »…: the kind of an event whose sheet has no « type » column


















def _in_sheet(sheet: str | None) -> str:
    return f" (feuille « {sheet} »)" if sheet else ""


_RATE = re.compile(r"\btaux\b|%|pourcentage|pourcent", re.IGNORECASE)


def _note_text(value: object, header: str = "") -> str:
    """A cell as the note keeps it: a date as 18/11/2021, a number as a person reads it (« 0,86 », a rate's
    computed 0.857… as « 86 % »), never a float's sixteen digits."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        if _RATE.search(header) and 0 <= value <= 10:
            return f"{value * 100:.0f} %"
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return " ".join(str(value).split())


_PRESENT_OF = re.compile(r"^(?:nombre de |nb )?(?:presents?|presentes?|venus?|participants?) ?(?:/|sur )?(?:inscrits?|"
                         r"inscrites?|invites?|attendus?|prevus?)$")
_NATIONAL_LINE = re.compile(r"^(?:numero|ligne|plateforme|dispositif|service|site)s? (?:\w+ )?nationale?s?\b")
# « 13/03/2025 reportée au 20/03/2025 », « le 06/05 décalé au 13/05/2025 »: the day it was moved to
_MOVED_TO = re.compile(r"^(?:le\s+)?\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\s*,?\s*(?:reportée?|décalée?|decalee?|déplacée?|"
                       r"deplacee?|repoussée?|repoussee?|avancée?|avancee?)s?\s+(?:au|à|a)\s+(?:(?:lun|mar|mer|jeu|ven)"
                       r"\w*\.?\s+)?(\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\s*$", re.IGNORECASE)
# a line of a sign-in sheet whose structure could not be read or was not written
_NO_STRUCTURE = re.compile(r"^(?:structure\s+)?(?:illisible|inconnue?|non (?:lisible|indiquee|renseignee|precisee|connue)"
                           r"|pas de structure(?: indiquee| renseignee| precisee| notee)?|sans structure|aucune structure"
                           r"|structure (?:illisible|inconnue|non (?:indiquee|renseignee|precisee|lisible)))$")


def _noted(note: object, extra: list[str]) -> str | None:
    """The note with each added text once (importing the same file again adds nothing)."""
    text = str(note).strip() if note not in (None, "") else ""
    for piece in extra:
        if piece not in text:
            text = f"{text} ; {piece}" if text else piece
    return text or None


def _absent(src: _Source, column: str, problems: list, *, key: bool = False) -> bool:
    """A required column absent from the file is said once (not as a missing value on every row).

    Args:
        key: the column identifies each row (every row needs it, not only new ones).
    Returns:
        True when the column is absent from the file's headers (said now or already).
    """
    if column in src.headers:
        return False
    if column not in src.absent:
        src.absent.add(column)
        t = TABLES[src.table]
        label = header_label(t, t.col(column))
        unknown = ", ".join(f"« {h} »" for _, h, _ in src.unknown)
        hint = (f" ; associez-lui l'une des colonnes non reconnues ({unknown})" if unknown else
                " ; ajoutez cette colonne au tableau")
        need = "elle identifie chaque ligne" if key else \
            f"elle est obligatoire pour créer une ligne de la table {t.label}"
        problems.append(Issue(src.file, None, label, f"colonne « {label} » absente : {need}{hint}", src.sheet,
                              expected=f"une colonne « {label} »"))
    return True


def _place_period(src: _Source, name: str, period: Period, raw: dict, row: dict, extra: list[str],
                  from_period: set[str]) -> dt.date:
    """The value a period gives its own column (see PERIOD_COLUMNS), the other one filled or the note said."""
    start, end = dt.date(period.year, period.month, period.day), period.end
    if src.table == "action" and period.loose:  # « sept. 2022 »: its own column only, the words in the note
        extra.append(f"{src.headers[name]} : {period.text}")
        return start if name == "start_date" else end
    if src.table == "action":
        other = "end_date" if name == "start_date" else "start_date"
        if not filled(raw.get(other)):
            row[other] = end if other == "end_date" else start
            from_period.add(other)
        return start if name == "start_date" else end
    extra.append(f"{src.headers[name]} : {period.text}")  # an event: its first day, the period in its note
    if period.loose and "date_precision" in TABLES[src.table].col_names and not filled(raw.get("date_precision")):
        # « 1er trim. 2024 »: known to its month at best, else to its year; never a day it does not give
        one_month = (start.year, start.month) == (end.year, end.month)
        row["date_precision"] = "mois" if one_month else "année"
    return start


def _shape(values: list) -> str:
    """What a column's values look like: "date", "int", "float", "bool", "text" (or "" when empty)."""
    if not values:
        return ""

    def every(test) -> bool:
        for v in values:
            try:
                if not test(v):
                    return False
            except (CellError, ValueError, TypeError):
                return False
        return True

    if every(lambda v: isinstance(v, (dt.date, dt.datetime)) or serial_date(v) is not None
             or _date_or_period(v)) and not every(lambda v: isinstance(v, (int, float))
                                                                       and serial_date(v) is None):
        return "date"
    if every(lambda v: isinstance(v, int) or (isinstance(v, float) and v.is_integer())
             or (isinstance(v, str) and v.strip().isdigit())):
        return "int"
    if every(lambda v: isinstance(v, (int, float)) or (isinstance(v, str) and amount(v) is not None)):
        return "float"
    if every(lambda v: str(v).strip().lower() in ("oui", "non", "x", "vrai", "faux", "true", "false")):
        return "bool"
    return "text"


def _date_or_period(value: object) -> bool:
    try:
        return parse_date(value, partial=True) is not None
    except CellError:
        return (parse_period(value) or parse_span(value)) is not None  # « 1er trim. 2024 »: a span, a date's shape


def _column_options(t) -> list[tuple[str, str]]:
    return [(c.name, f"colonne « {header_label(t, c)} »") for c in t.cols if c.name != "source_id"] + [
        (TO_NOTE, "à ajouter à la note de chaque ligne (« en-tête : valeur »)"), (IGNORED, "à ignorer")]


def _ask_headers(src: _Source, names: Names, problems: list) -> None:
    """One problem per header not recognised, each with its question (which column is it?) and a proposal
    made from the header's words and the shape of its values."""
    t = TABLES[src.table]
    taken = set(src.headers)
    for index, header, values in src.unknown:
        proposed, sure = _propose(t, header, values, taken, names)
        if proposed not in (TO_NOTE, IGNORED):
            taken.add(proposed)
        options = _column_options(t)
        options = [o for o in options if o[0] == proposed] + [o for o in options if o[0] != proposed
                                                             and o[0] not in src.headers]
        shown = dict(options).get(proposed, "")
        problems.append(Issue(
            src.file, src.header_line, header,
            f"colonne « {header} » non reconnue pour la table {t.label}"
            + (f" : proposée comme {shown}" if proposed not in (TO_NOTE, IGNORED) else ""),
            src.sheet, found=header, col_index=index,
            expected="un en-tête du modèle, ou une correspondance choisie une fois sur la page d'import",
            question=Question("column", src.table, header, options, proposed, src.sheet, sure=sure)))


def _propose(t, header: str, values: list, taken: set[str], names: Names) -> tuple[str, bool]:
    """The column an unknown header most likely is, and whether that leaves no doubt: a column sharing a word
    with it whose type fits the values (sure); else the first free column of the values' type (all dates -> a
    date column: a guess; names of a referenced table -> that reference: sure); else the note (sure: nothing is
    lost nor put where it does not belong)."""
    shape = _shape(values)
    if shape == "text" and t.name == "attendance" and "role_category" not in taken and values:
        # « Qui » holding « pro », « usagers », « adhérents usagers »: the role category, whatever the header
        col = t.col("role_category")
        said = [v for v in values[:20] if filled(v)]
        fits = sum(1 for v in said if _reads(col, v))
        if said and 5 * fits >= 4 * len(said):
            return "role_category", True
    if shape == "text":  # names of a referenced table (« Plénière CLSM », « COPIL »): that reference, whatever the header
        for c in t.cols:
            if c.ref and c.name not in taken and all(_resolves(names, c.ref, v) for v in values[:10]):
                return c.name, True
    if header.strip().endswith("?") and {norm(v) for v in values if filled(v)} <= {"oui", "non", "ne sait pas", "nsp",
                                                                                "en partie", "plutot oui", "plutot non"}:
        return TO_NOTE, True  # a survey's yes-or-no question (« Avez-vous développé des collaborations ? »): the note
    fits = {"date": ("date",), "int": ("int", "float"), "float": ("float",), "bool": ("bool",),
            "text": ("str", "text", "id"), "": ("str", "text", "id", "date", "int", "float", "bool")}[shape]
    words = set(header_key(header).split())
    if len(words) > 1:  # « Votre structure relève du secteur » in a sheet of structures: its secteur
        words -= set(TABLE_NOUNS.get(t.name, ()))
    scores: dict[str, int] = {}
    stored_codes = names.stored.get(t.name, set())
    for key, col in ALIASES[t.name].items():
        if col == IGNORED or col in taken or col.startswith("@"):  # « @date »: half of a meeting's name, no column
            continue
        if col == GENERATED_KEYS.get(t.name) and not any(str(v).strip().lower() in stored_codes for v in values[:10]):
            continue  # « Ancien code » SM-008: another tool's codes, none of the dashboard's
        shared = len(words & set(key.split()))
        if shared and (col == TO_NOTE or (t.col(col).type in fits and _values_fit(t.col(col), values, names))):
            scores[col] = max(scores.get(col, 0), shared)
    if scores:  # a tie between a column and the note (« Lieu / format »: lieu is a note, format a mode): the note
        best = max(scores, key=lambda c: (scores[c], c == TO_NOTE, c != TO_NOTE and t.col(c).required))
        # two columns as close as each other (« Date début / fin »): the page asks
        return best, sum(1 for c in scores if scores[c] == scores[best] and c != TO_NOTE) <= 1
    free = [c for c in t.cols if c.name not in taken and c.name != "source_id" and c.type in fits
            and c.name != GENERATED_KEYS.get(t.name)]
    if shape == "text":
        for c in free:
            if c.ref and all(_resolves(names, c.ref, v) for v in values[:10]):
                return c.name, True
        free = [c for c in free if not c.ref and not c.choices]
    if shape == "int":  # a year only where the values are years (« Inscrits » 25 is no year)
        free = [c for c in free if c.name != "year" or all(1900 <= int(float(str(v).strip())) <= 2100 for v in values)]
    if shape in ("date", "int", "float") and free:
        return sorted(free, key=lambda c: not c.required)[0].name, False
    return TO_NOTE, True


def _reads(col, value) -> bool:
    try:
        return read_cell(col, value) is not None
    except CellError:
        return False


def _values_fit(col, values: list, names: Names) -> bool:
    """Could these values be the column's? A reference needs half of them to name a row, a closed list all of
    them to be its values (« animation d'un atelier » is no theme, « Metz, en salle » no mode)."""
    sample = [v for v in values[:10] if filled(v)]
    if not sample:
        return True
    if col.ref:
        return 2 * sum(_resolves(names, col.ref, v) for v in sample) >= len(sample)
    if col.choices:
        try:
            for v in sample:
                read_cell(col, v)
        except CellError:
            return False
    return True


def _resolves(names: Names, table: str, value: object) -> bool:
    try:
        names.resolve(table, str(value))
        return True
    except CellError:
        return False


def _name_question(src: _Source, column: str, text: str, line: int, names: Names, plan: str | None) -> Question:
    """Which row does this name mean? Options: the rows' names, closest first (a closed list: its values)."""
    col = TABLES[src.table].col(column)
    if col.ref:
        options = names.candidates(col.ref, text, plan=plan if col.ref == "axis" else None)
        close = set(names.close_labels(col.ref, text, plan=plan if col.ref == "axis" else None))
        target = col.ref
    else:
        target = f"{src.table}.{column}"
        options = [(c, c) for c in col.choices]
        close = set(close_choices(col, text))
        options.sort(key=lambda o: o[1] not in close)  # the close values first, then the list in its order
    # proposed only when close (« Formation PSSM » -> formation); « Inauguration » proposes nothing: the first of
    # a list is no answer
    proposed = options[0][0] if options and options[0][1] in close else None
    if col.ref and proposed is None:  # « Urgences de Mercy »: a word of one row's name only, proposed (not sure)
        rows = names.sharing_a_rare_word(col.ref, text)
        if len(rows) == 1:
            proposed = next(iter(rows))
            if proposed not in {v for v, _ in options}:
                options = [(proposed, names.display[col.ref].get(proposed) or proposed), *options]
            else:
                options.sort(key=lambda o: o[0] != proposed)
    if col.ref:  # a name whose words are in one row's name only: that row, read at the first try
        sure = names.sure_row(col.ref, text, plan=plan if col.ref == "axis" else None)
        if sure is not None:
            options = [(sure, names.display[col.ref].get(sure) or sure)] + [o for o in options if o[0] != sure]
            proposed = sure
    else:  # « Culture » for « culture et loisirs »: every word typed in one value of the list, and in it only
        sure = _sure_choice(col, text)
        if sure is not None:
            proposed = sure
    return Question("name", target, text, options, proposed, src.sheet, [line], sure=sure is not None)


def _read_legend(names: Names, legend: list[tuple[str, str, str]], said: dict) -> None:
    """A sheet of abbreviations: each one whose meaning names one stored structure (or instance) is read as that
    row in this file, unless it names another row already; said in the preview, never remembered."""
    read = []
    for _sheet, term, meaning in legend:
        names.letters[term] = meaning
        if len(term) >= 2 and norm(term) != norm(meaning):
            names.legend[term] = meaning  # written out wherever it stands in a name (Names.spelt_out)
            read.append(f"{term} = {meaning}")
        key = norm(term)
        for table in ("structure", "instance"):  # the abbreviation alone: the row its meaning is, exactly
            rows = names.by_label[table].get(norm(meaning), set())
            if len(rows) == 1 and names.by_label[table].get(key, rows) == rows:
                names.aliases.setdefault(table, {}).setdefault(key, next(iter(rows)))
                break
    sheets = sorted({s for s, _, _ in legend})
    said.setdefault("legend", []).append(
        f"Feuille{'s' if len(sheets) > 1 else ''} {', '.join(f'« {s} »' for s in sheets)} : liste de sigles, lue pour les "
        f"noms de ce fichier ({len(read)} sigle(s) : {', '.join(read[:6])}{' …' if len(read) > 6 else ''}).")


def _sure_choice(col, text: str) -> str | None:
    """The one value of a closed list holding every word typed (« Emploi » -> emploi et formation), else None."""
    typed = [w for w in norm(text).split() if w not in LITTLE_WORDS]
    if not typed:
        return None
    shortest = 3 if str(text).strip().endswith(".") else 4  # « aid. », « usag. »: cut short, and said so
    found = [c for c in col.choices if all(any(x == w or (len(w) >= shortest and x.startswith(w)) for x in norm(c).split())
                                           for w in typed)]
    if not found and col.name == "kind":  # « Formation PSSM », « Sensibilisation santé mentale »: the kind said first
        found = [c for c in col.choices if norm(text).startswith(norm(c) + " ")]
    return found[0] if len(found) == 1 else None


def _labels(con, names: Names) -> dict[str, dict[str, str]]:
    """Code -> name shown, for every referenced table and the source documents (previews show names)."""
    out = {t: dict(rows) for t, rows in names.display.items()}
    mine = [bound_council(con)]
    queries = {"source_document": ("SELECT source_id, title FROM source_document", []),
               "action": ("SELECT action_id, title FROM action WHERE council_id = ?", mine),
               "indicator": ("SELECT indicator_id, label FROM indicator WHERE council_id = ?", mine),
               "event": ("SELECT event_id, coalesce(title, kind || ' ' || year) FROM event WHERE council_id = ?", mine)}
    for table, (sql, params) in queries.items():
        try:
            out[table] = {k: v for k, v in con.execute(sql, params).fetchall() if v}
        except duckdb.Error:
            pass
    return out


_NAMING_COL = {"structure": "name", "action": "title", "event": "title"}


def _norm_name(text: object) -> str:
    return norm(text) if text else ""


def _known_row(table: str, row: dict, names: Names, *, loose: bool = True, said: dict | None = None,
               sheet: str | None = None) -> str | None:
    """The stored row a new row without a code names: by a name the coordinator matched to it earlier (an
    alias), or for a structure by its exact name, acronym or « acronym name », else loosely (Names.loose)."""
    text = row.get(_NAMING_COL[table])
    if not text:
        return None
    known = names.aliases.get(table, {}).get(norm(text))
    if known in names.ids[table]:
        return known
    if table == "structure" and (m := re.search(r"\((?:ex|anciennement|ancien nom)[.\s:-]+([^()]+)\)", str(text),
                                                  re.IGNORECASE)):
        # « France Travail (ex Pôle emploi) »: the structure stored under its former name
        former = names.by_label["structure"].get(norm(m.group(1)), set()) & names.stored.get("structure", set())
        if len(former) == 1:
            return next(iter(former))
    if table == "structure":
        found = names.by_label["structure"].get(norm(text), set()) or _by_initials(names, str(text)) or (
            names.loose("structure", norm(text)) if loose else set())
        stored = {i for i in found if i in names.stored.get("structure", set())}
        if len(stored) == 1:
            return next(iter(stored))
        if not stored and loose and (sure := names.sure_row("structure", str(text))) in names.stored.get("structure",
                                                                                                          set()):
            if said is not None:  # « Espace Koltès »: the words of one stored name only, said as « lu comme »
                said.setdefault("known_sure", []).append((str(text).strip(), sure, sheet, "structure"))
            return sure
    if table == "action" and row.get("plan_id"):  # the very title of one stored action of that plan: that action
        same = {i for i in names.by_label["action"].get(norm(text), set()) if i in names.stored.get("action", set())
                and names.action_plan.get(i) == row["plan_id"]}
        if len(same) == 1:
            return next(iter(same))
        # « Projet théâtre Koltès » in a follow-up of the Programme 2022: its words in one stored action's title only,
        # of that plan; said as « lu comme »
        sure = names.sure_row("action", str(text), plan=row["plan_id"]) if loose else None
        if sure in names.stored.get("action", set()) and names.action_plan.get(sure) == row["plan_id"]:
            if said is not None:
                said.setdefault("known_sure", []).append((str(text).strip(), sure, sheet, "action"))
            return sure
    if table == "action" and loose and not row.get("plan_id"):
        # a status list without plan (« Suivi des actions du CLSM »): the one stored action of any plan whose title
        # holds the words typed, said as « lu comme »; never a new action
        sure = names.sure_row("action", str(text))
        day = row.get("updated_on")
        if sure is None and isinstance(day, dt.date) and re.fullmatch(r"\s*[A-ZÉÈ]{3,6}\s*", str(text)):
            # « SISM » on a status dated 2025: the SISM action of the plan in force then (« SISM 2025 »)
            sure = names.sure_row("action", f"{str(text).strip()} {day.year}")
        if sure in names.stored.get("action", set()):
            if said is not None:
                said.setdefault("known_sure", []).append((str(text).strip(), sure, sheet, "action"))
            return sure
    if table == "action" and loose and row.get("plan_id") and row.get("position") is not None:
        # « N° 13 — Création EMPP » in a follow-up of the Programme 2022: its action 13, when a third of the short
        # title's words start words of the stored title (a renumbered list does not match)
        at = names.action_at.get((row["plan_id"], row["position"]))
        words = [w for w in norm(text).split() if len(w) > 2 and w not in LITTLE_WORDS]
        stored_words = set(norm(names.display["action"].get(at, "")).split())
        if at and words and 3 * sum(any(s.startswith(w) for s in stored_words) for w in words) >= len(words):
            return at
    return None


_NAMED_DAY_WORDS = re.compile(r"^(.*?)[\s,:–-]+(?:du\s+|le\s+)?((?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
                              r"\s+)?\d{1,2}(?:er)?\s+\w+\s+\d{4})(?:\s*\(([^()]*)\))?$", re.IGNORECASE)
_NAMED_DAY = re.compile(r"^(.*?)[\s,:–-]+(?:du\s+|le\s+)?(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*\([^()]*\))?$")


def _looks_mistyped(names: Names, instance: str, day: dt.date) -> bool:
    """Is there a stored meeting of that instance whose day differs from this one in one of its three parts only
    (the year, the month or the day: a slip of the keyboard)?"""
    for (iid, date, precision), _ids in names.meeting_at.items():
        if iid != instance or precision != "jour" or not isinstance(date, dt.date) or date == day:
            continue
        same = (date.day == day.day) + (date.month == day.month) + (date.year == day.year)
        if same == 2:
            return True
    return False


def _meetings_of_attendance(sources: list[_Source], names: Names, said: dict) -> None:
    """Attendance naming meetings not stored (« COPIL 09/03/2023 ») in a file without a sheet of meetings: each
    meeting whose instance is known and whose day is whole is added with its attendance, said in the preview."""
    added: dict[tuple[str, dt.date], int] = {}
    places: dict[tuple[str, dt.date], str] = {}
    for src in [s for s in sources if s.table == "attendance" and "meeting_id" in s.headers]:
        for line, raw in src.rows:
            text = raw.get("meeting_id")
            if not isinstance(text, str):
                continue
            m = _NAMED_DAY.match(" ".join(text.split()))
            words = None if m else _NAMED_DAY_WORDS.match(" ".join(text.split()))
            if not m and not words:
                continue
            try:
                names.resolve("meeting", text)
                continue
            except CellError:
                pass
            try:
                day = (dt.date(int(m.group(4)), int(m.group(3)), int(m.group(2))) if m
                       else parse_date(words.group(2), partial=False))  # « … – jeudi 27 juin 2024 »
            except (ValueError, CellError):
                continue
            said_instance = (m or words).group(1).strip()
            ids = names.by_label["instance"].get(norm(said_instance), set())
            iid = next(iter(ids)) if len(ids) == 1 else names.sure_row("instance", said_instance)
            if iid is None or _looks_mistyped(names, iid, day):
                continue  # « COPIL 15/03/2021 » beside a stored COPIL of 15/03/2022: a slip, asked, never added
            raw["meeting_id"] = f"{iid} {day:%d/%m/%Y}"
            if (iid, day) not in added:
                added[(iid, day)] = line
                if words and words.group(3):  # « GT Emploi/formation – jeudi 21 novembre 2024 (CRP Metz) »: its place
                    places[(iid, day)] = words.group(3).strip()
    if not added:
        return
    first = next(s for s in sources if s.table == "attendance")
    headers = {"instance_id": "instance (des présences)", "date": "date (des présences)"}
    if places:
        headers["place"] = "lieu (des présences)"
    sources.append(_Source("meeting", first.file, first.sheet, headers,
                           [(line, {"instance_id": iid, "date": day} | ({"place": places.get((iid, day))} if places else {}))
                            for (iid, day), line in added.items()]))
    said["meetings_of_attendance"] = [f"{names.display['instance'].get(iid, iid)} {day:%d/%m/%Y}"
                                      for iid, day in added]


_MONTH_NAMES = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
                "novembre", "decembre")
_THE_COUNCIL = {"clsm", "le clsm", "coordination clsm", "coordination du clsm", "coordinatrice clsm",
                "coordinateur clsm", "conseil local de sante mentale", "le conseil local de sante mentale"}
_YES_NO = {"oui": True, "o": True, "x": True, "vrai": True, "yes": True, "non": False, "n": False, "faux": False,
           "no": False, "les deux": None, "les 2": None, "mixte": None, "hybride": None, "en partie": None}


def _title_year(src: _Source) -> tuple[int | None, int | None]:
    """(year, month): the one year a sheet's title, else its name, else the file's name gives (« SISM 2025 », « du 6
    au 19 octobre 2025 »), for days typed without theirs; the one month its title or name gives (« Réunions CLSM –
    janvier 2025 », a sheet « Janvier »), for days typed alone. None when none or several are named."""
    year = month = None
    for text in (src.title, src.sheet or "", src.file):
        years = set(re.findall(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", text or ""))
        if len(years) == 1:
            year = int(years.pop())
            break
        if years:
            return None, None
    for text in (src.title, src.sheet or ""):
        months = {MONTHS[w] for w in norm(text or "").split() if w in _MONTH_NAMES}  # « mar. » may be a Tuesday
        if len(months) == 1:
            month = months.pop()
            break
        if months:
            break
    return year, month


def _by_initials(names: Names, text: str) -> set[str]:
    """The stored structure whose name is the typed one with its first words shortened to their initials:
    « Groupe d'entraide mutuelle Camille Claudel » is « GEM Camille Claudel »."""
    words = norm(text).split()
    for k in range(2, min(6, len(words))):
        head = [w for w in words[:k] if w not in LITTLE_WORDS]
        if len(head) < 2 or words[k - 1] in LITTLE_WORDS:
            continue
        short = " ".join(["".join(w[0] for w in head), *words[k:]])
        found = names.by_label["structure"].get(short, set()) & names.stored.get("structure", set())
        if found:
            return found
    return set()


_COMMON_WORDS = {"sante", "mentale", "session", "seance", "journee", "module", "atelier"}


def _names_meet(typed: object, stored: object, besides: object = None) -> bool:
    """Two names of one structure's service sharing two telling words (a word's first five letters: « gratuits »
    and « gratuites »; « 16-25 » counts as a word), the structure's own name aside (« … de la Mission locale »)."""
    def words(text: object) -> set[str]:
        return {w[:5] for w in re.findall(r"\d+(?:\s\d+)?|[^\W\d_]{4,}", norm(text or ""))
                if w not in LITTLE_WORDS and w not in _COMMON_WORDS}
    return len((words(typed) & words(stored)) - words(besides)) >= 2


def _titles_meet(typed: object, stored: object, kind: str) -> bool:
    """Two titles of one kind of event sharing a word that tells them apart (not the kind, « santé mentale »…);
    a row without a title meets any."""
    if not typed:
        return True
    common = _COMMON_WORDS | set(norm(kind).split())
    words = {w for w in norm(typed).split() if len(w) > 3 and w not in LITTLE_WORDS and w not in common}
    return bool(words & set(norm(stored or "").split()))


def _prepare_names(stored: list[tuple[str, str, str | None]]) -> list[tuple]:
    """Stored names made ready once for `_close_name`: (id, name, normalised name, its words, its acronyms)."""
    out = []
    for row_id, name, acronym in stored:
        full = norm(name)
        brackets = re.findall(r"\(([^)]+)\)", str(name))
        acronyms = {norm(a) for a in brackets} | ({norm(acronym)} if acronym else set())
        out.append((row_id, name, full, set(full.split()), acronyms))
    return out


def _close_name(text: str, prepared: list[tuple]) -> tuple[str, str] | None:
    """(id, name) of the one stored row whose name the typed one is a short form of (« SISM » for
    « … santé mentale (SISM) », « Unafam 57 » hardly), or None: the typed words all found in that
    name, its acronym in brackets, or a near spelling.

    `prepared` comes from `_prepare_names` (names normalised once per file, not once per row: 1 000 new rows
    against 1 000 stored took minutes). The near spelling is tried last, behind difflib's cheap upper bounds."""
    key = norm(text)
    if not key or len(key) < 3:
        return None
    typed = key.split()
    long_word = any(len(w) >= 4 for w in typed)
    matcher = difflib.SequenceMatcher(None, key)  # the typed name is fixed; only the stored one changes
    hits = []
    for row_id, name, full, words, acronyms in prepared:
        if key == full:
            continue
        if key in acronyms or (long_word and all(w in words for w in typed)):
            hits.append((row_id, name))
            continue
        if 2 * min(len(key), len(full)) < 0.88 * (len(key) + len(full)):  # ratio's ceiling from the lengths alone
            continue
        matcher.set_seq1(full)
        if matcher.quick_ratio() >= 0.88 and matcher.ratio() >= 0.88:
            hits.append((row_id, name))
        if len(hits) > 1:
            return None
    return hits[0] if len(hits) == 1 else None


def _register(names: Names, table: str, rows: list) -> None:
    """Make the file's new rows names for the tables read after them."""
    t = TABLES[table]
    inst = {i: names.display["instance"].get(i, i) for i in names.ids["instance"]}
    for _, _, row in rows:
        code = row[t.key[0]]
        if table == "meeting":
            names.add_meeting(code, row.get("instance_id"), row.get("date"), row.get("title"), inst,
                              row.get("date_precision"))
        elif len(t.key) == 1:
            names.add(table, code, row.get("name") or row.get("title"), row.get("acronym"), row.get("title"))


def _expected(col, partial: bool) -> str:
    """What a cell of this column accepts, in French, for the « accepté » column of the problems."""
    if col.type == "date":
        return DATE_EXPECTED_PRECISION if partial else DATE_EXPECTED
    if col.type == "int":
        return f"un nombre entier (0 à {INT_MAX})" if col.name == "count" or col.name.endswith("_count") \
            else "un nombre entier"
    if col.type == "float":
        return "un nombre (virgule décimale acceptée : 1 234,5)"
    if col.type == "bool":
        return "oui ou non"
    if col.type == "id":
        return "un identifiant : lettres minuscules sans accent, chiffres et tirets"
    return "un texte (sans =, @, +/- suivi d'une formule au début)"


def _code_needs(table: str) -> str:
    return {
        "meeting": "un code, ou une instance et une date",
        "event": "un code, ou un type et une année",
        "action": "un code, ou un intitulé",
        "structure": "un code, ou un nom",
    }.get(table, "un code")


def _event_year(row: dict) -> int | None:
    """An event's year: its own, else its date's."""
    if row.get("year"):
        return int(row["year"])
    day = row.get("date")
    return day.year if isinstance(day, dt.date) else None


def _probable_duplicates(con, table: str, rows, names: Names) -> list[Duplicate]:
    """New rows that look like stored rows under another code: same instance and date (meetings), same
    kind and date or title (events), same title in the same plan (actions), same name (structures)."""
    if table not in ("meeting", "event", "action", "structure") or not rows:
        return []
    t = TABLES[table]
    keyname = t.key[0]
    cur = con.execute(f"SELECT * FROM {table} WHERE council_id = ?", [bound_council(con)])  # noqa: S608 (TABLES)
    cols = [d[0] for d in cur.description]
    stored = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    ids = {r[keyname] for r in stored}
    index: dict[tuple, list[dict]] = {}

    def marks(r: dict) -> list[tuple]:
        out = []
        if table == "meeting" and r.get("date") is not None and r.get("instance_id"):
            out.append(("date", r["instance_id"], _day(r["date"])))
        if table == "event":
            if r.get("date") is not None and _day(r["date"]):
                out.append(("date", r.get("kind"), _day(r["date"])))
            if r.get("title"):
                out.append(("title", r.get("kind"), norm(r["title"])))
            if r.get("kind") == "SISM" and r.get("year"):
                out.append(("year", "SISM", int(r["year"])))
        if table == "meeting" and r.get("title") and r.get("date") is not None:
            out.append(("title", norm(r["title"]), _day(r["date"])))
        if table == "action" and r.get("title"):
            out.append(("title", r.get("plan_id"), norm(r["title"])))
        if table == "structure" and r.get("name"):
            out.append(("name", norm(r["name"])))
        return out

    for r in stored:
        for m in marks(r):
            index.setdefault(m, []).append(r)
    found = []
    reasons = {"date": "même date et même instance" if table == "meeting" else "même type et même date",
               "title": "même intitulé", "year": "même édition (année)", "name": "même nom"}
    in_file: dict[tuple, tuple[int, dict]] = {}  # same instance and day in the file itself
    prepared: dict[object, list[tuple]] = {}  # stored names made ready once per plan (actions) or year (events)
    for src, line, row in rows:
        code = row[keyname]
        if code in ids:
            continue  # an update of that very row
        shown = _row_label(table, row, names)
        hit = None
        for m in marks(row):
            hits = [r for r in index.get(m, []) if r[keyname] != code and not (
                table == "event" and m[0] == "title" and None not in (_event_year(r), _event_year(row))
                and _event_year(r) != _event_year(row))]  # a session given again another year is another event
            if hits:
                hit = (m, hits[0])
                break
        if hit:
            m, other = hit
            label = _row_label(table, other, names)
            found.append(Duplicate(table, (code,), (other[keyname],), f"{reasons[m[0]]}, code différent",
                                   line, src.sheet, label, row_label=shown))
            continue
        typed = row.get(_NAMING_COL.get(table, ""))
        # an action is compared within its plan, an event within its year (each year's edition is another)
        same = {"action": "plan_id", "event": "year"}.get(table)
        group = row.get(same) if same else None
        if typed and group not in prepared:
            prepared[group] = _prepare_names([(r[keyname], r.get(_NAMING_COL[table]), r.get("acronym")) for r in stored
                                              if r.get(_NAMING_COL[table]) and (not same or r.get(same) == group)])
        close = _close_name(typed, prepared[group]) if typed else None
        if close:
            other = next(r for r in stored if r[keyname] == close[0])
            found.append(Duplicate(table, (code,), (close[0],), f"nom proche (« {typed} »), code différent", line,
                                   src.sheet, _row_label(table, other, names), row_label=shown, alias=str(typed)))
            continue
        if table == "meeting" and row.get("date") is not None and (row.get("date_precision") or "jour") == "jour":
            mark = (row.get("instance_id"), _day(row["date"]))
            if mark in in_file:
                first_line, first = in_file[mark]
                found.append(Duplicate(table, (code,), (first[keyname],),
                                       f"même instance et même date qu'à la ligne {first_line} du fichier",
                                       line, src.sheet, f"{_row_label(table, first, names)} (ligne {first_line})",
                                       row_label=shown))
            else:
                in_file[mark] = (line, row)
        if table == "structure" and row.get("acronym"):  # « FJT » and « F.J.T. » twice in a form's answers
            mark = ("acronym", norm(row["acronym"]).replace(" ", ""))
            if mark in in_file and _one_name_within(row.get("name"), in_file[mark][1].get("name"), mark[1]):
                first_line, first = in_file[mark]
                found.append(Duplicate(table, (code,), (first[keyname],), f"même sigle qu'à la ligne {first_line} du "
                                       "fichier", line, src.sheet, f"{_row_label(table, first, names)} (ligne "
                                       f"{first_line})", row_label=shown))
            elif len(mark[1]) >= 3:
                in_file[mark] = (line, row)
    return found


def _one_name_within(a: object, b: object, acronym: str) -> bool:
    """Two names of one structure: the words of one (its acronym aside) all in the other (« Foyer jeunes
    travailleurs - Metz centre », « FJT Metz Centre (Foyer de jeunes travailleurs) »); the CCAS of Metz and the CCAS
    of Woippy are two."""
    def words(text: object) -> set[str]:
        return {w for w in norm(text or "").split() if w not in LITTLE_WORDS and w != acronym}
    first, second = words(a), words(b)
    return bool(first and second) and (first <= second or second <= first)


def _row_label(table: str, row: dict, names: Names) -> str:
    """A row as the coordinator knows it: « Comité de pilotage du 15/03/2022 (COPIL de mars) », a title, a name."""
    if table == "meeting" and row.get("date") is not None:
        inst = names.display["instance"].get(row.get("instance_id"), row.get("instance_id") or "")
        day = _day(row["date"])
        precision = row.get("date_precision") or "jour"
        when = {"mois": f"{day:%m/%Y}", "année": f"{day:%Y}"}.get(precision, f"{day:%d/%m/%Y}")
        return f"{inst} du {when}" + (f" ({row['title']})" if row.get("title") else "")
    if table == "event":
        return row.get("title") or f"{row.get('kind')} {row.get('year') or ''}".strip()
    if table == "action":
        return row.get("title") or names.display["action"].get(row.get("action_id"), "")
    if table == "structure":
        return row.get("name") or ""
    return ""


def _day(value) -> dt.date | None:
    if value is None:
        return None
    if hasattr(value, "date") and not isinstance(value, dt.date):
        value = value.date()  # pandas Timestamp
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _existing(con, name: str, keys: list[tuple]) -> dict[tuple, dict]:
    """Stored rows for these keys (looked up through a registered Arrow table: no file access needed)."""
    t = TABLES[name]
    arrays = {k: pa.array([key[i] for key in keys], pa.string()) for i, k in enumerate(t.key)}
    view = f"_import_keys_{name}"
    cur = con.cursor() if hasattr(con, "cursor") else con
    try:
        cur.register(view, pa.table(arrays))
        cols = t.col_names
        join = " AND ".join(f"t.{k} = k.{k}" for k in t.key)
        mine = " AND t.council_id = ?" if t.council_scoped else ""
        result = cur.execute(f"SELECT {', '.join('t.' + c for c in cols)} FROM {name} t JOIN {view} k ON {join}{mine}",
                             [bound_council(con)] if mine else [])
        rows = [dict(zip(cols, r, strict=True)) for r in result.fetchall()]
        cur.unregister(view)
    finally:
        if cur is not con:
            cur.close()
    return {tuple(r[k] for k in t.key): r for r in rows}


# « état au 15/12/2023 », « point d'étape présenté au COPIL du 04/02/2025 »
_TITLE_DAY = re.compile(r"\b(?:au|mis à jour le|mise à jour du|mise à jour le|point du|point au|"
                        r"(?:copil|comité de pilotage|bureau|assemblée plénière|plénière)\s+du)\s+"
                        r"(\d{1,2})/(\d{1,2})/(\d{4})\b", re.IGNORECASE)


def _month_only(cell: object) -> dt.date | None:
    """« mars 2024 », « 03/2024 »: the first day of that month, for a status known to the month; else None."""
    try:
        when = parse_date(cell, partial=True)
    except CellError:
        return None
    return dt.date(when.year, when.month, 1) if getattr(when, "precision", None) == "mois" else None


def _dated_statuses(con, rows) -> TableChange | None:
    """A status given with its day (the row's « mis à jour le », else a day its sheet's title states: « état
    d'avancement au 15/12/2023 »): a dated status of the action too, as « Statut daté » records one, so that the
    bilan knows when an action was realised. A status without a day, or already recorded that day, adds none."""
    history = []  # a status restated on a dated point (« en cours » at 15/12/2023) is a dated fact too
    for src, _line, row in rows:
        status, action = row.get("status"), row.get("action_id")
        if not status or not action:
            continue
        day = row.get("updated_on")
        if not isinstance(day, dt.date):
            m = _TITLE_DAY.search(src.title or "")
            try:
                day = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
            except ValueError:
                day = None
        if day is None:
            continue
        if con.execute("SELECT 1 FROM action_status WHERE council_id = ? AND action_id = ? AND date = ? AND status = ?",
                       [bound_council(con), action, day, status]).fetchone():
            continue
        history.append({"action_id": action, "date": day, "date_precision": row.get("@precision") or "jour",
                        "status": status,  # its remark (« avancement : 50 % », the pilot's comment): its « pourquoi »
                        "source_id": None, "quote": None, "note": _noted(row.get("note"), list(row.get(TO_NOTE) or []))})
    if not history:
        return None
    out = TableChange("action_status", TABLES["action_status"].col_names)
    out.added = history
    return out


def _defaults(name: str, row: dict) -> None:
    if name == "resource" and row.get("kind") is None:
        row["kind"] = "annuaire"  # a place to turn to: what the council's directory lists (« Où s'adresser ? »)
    if name == "meeting" and row.get("date_precision") is None and row.get("date") is not None:
        row["date_precision"] = "jour"
    if name == "event" and row.get("year") is None and isinstance(row.get("date"), dt.date):
        row["year"] = row["date"].year
    if name == "event" and row.get("date_precision") is None and row.get("date") is not None:
        row["date_precision"] = "jour"


def _protected(name: str) -> set[str]:
    t = TABLES[name]
    if "source_id" not in t.col_names:
        return set()
    return {c.name for c in t.cols if c.type in ("str", "text") and not c.choices and c.name not in NOT_PROTECTED
            and c.name not in t.key}


def _diff(con, name: str, rows, empty_clears: bool, problems: list, protected: list, replace_source) -> TableChange:
    t = TABLES[name]
    given = [c for c in t.col_names if any(c in r for _, _, r in rows)]
    if "note" in t.col_names and "note" not in given and any(TO_NOTE in r for _, _, r in rows):
        given.append("note")
    change = TableChange(name, given)
    stored = _existing(con, name, [tuple(r[k] for k in t.key) for _, _, r in rows])
    guarded = _protected(name)
    for src, line, row in rows:
        if row.get("@precision"):  # a status known to the month: no « mis à jour le » day made up for the action
            row = {**row, "updated_on": None}
        before = stored.get(tuple(row[k] for k in t.key))
        if before is None:
            full = {c: row.get(c) for c in t.col_names}
            if row.get(TO_NOTE) and "note" in full:
                full["note"] = _noted(full["note"], row[TO_NOTE])
            _defaults(name, full)
            for col in t.cols:
                if col.required and full[col.name] is None:
                    if _absent(src, col.name, problems):
                        continue
                    label = src.headers.get(col.name) or header_label(t, col)
                    problems.append(Issue(src.file, line, label,
                                          "valeur obligatoire manquante pour créer cette nouvelle ligne", src.sheet,
                                          expected="une valeur (colonne obligatoire pour une nouvelle ligne)",
                                          col_index=src.positions.get(col.name)))
            change.added.append(full)
            continue
        after = {}
        key = tuple(row[k] for k in t.key)
        for c in given:
            value = row.get(c)
            if value is None and not empty_clears:
                value = before[c]
            if c == "note" and not empty_clears:
                # a file adds to a row's note, never erases it (a reading's reason, the coordinator's remark)
                value = _noted(before["note"], ([row["note"]] if row.get("note") else []) + list(row.get(TO_NOTE) or []))
            elif c == "note" and row.get(TO_NOTE):
                value = _noted(value, row[TO_NOTE])
            if value is None and t.col(c).required:
                problems.append(Issue(src.file, line, src.headers.get(c, c), "valeur obligatoire manquante",
                                      src.sheet, expected="une valeur", col_index=src.positions.get(c)))
            if (c in guarded and before.get("source_id") and before[c] not in (None, "") and value is not None
                    and not _equal(value, before[c])):
                item = SourceTextChange(name, key, c, before[c], value, line, src.sheet)
                item.replace = replace_source is True or (isinstance(replace_source, set)
                                                          and item.ident in replace_source)
                protected.append(item)
                if not item.replace:
                    value = before[c]  # the document's text is kept unless the coordinator says otherwise
            after[c] = value
        if all(_equal(after[c], before[c]) for c in given):
            change.unchanged.append(after)
        else:
            change.updated.append(({c: before[c] for c in given}, after))
    if change.added:
        change.columns = t.col_names
    return change


def _equal(a: object, b: object) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return float(a) == float(b)
    return a == b


def apply_import(con: duckdb.DuckDBPyConnection, caller: Caller, plan: ImportPlan) -> ImportResult:
    """Write a plan made by plan_import: backup first, one transaction, a check after COMMIT, one audit row.

    Raises:
        PermissionDenied: the caller is not a coordinator.
        DataFileError: probable duplicates are still undecided (nothing written).
        ConflictError: the data changed since the plan was made.
        WriteNotSavedError: the write was rolled back; the data is as before.
    """
    pending = getattr(plan, "pending", [])
    if pending:
        raise DataFileError(
            [Issue(plan.origin, d.line, None, f"doublon probable de {d.label} ({d.reason}) : à décider", d.sheet,
                   expected="fusionner, ignorer ou ajouter") for d in pending],
            "Choisissez pour chaque doublon probable : fusionner, ignorer ou ajouter "
            "(en ligne de commande : --doublons fusionner|ignorer|ajouter). Rien n'a été écrit.",
        )
    result = apply_plan(con, caller, plan, backup=True)
    merged = [d for d in getattr(plan, "duplicates", []) if d.choice == MERGE and d.alias]
    # what the file was read with (shown in its preview) and the short names merged: the next file written so
    # passes at the first try, without a word
    known = [*getattr(plan, "assumed", []),
             *[(Question("name", d.table, d.alias, [(d.existing[0], d.label)]), d.existing[0]) for d in merged]]
    if known:
        try:
            remember(con, caller, known)
        except MemoryNotSavedError:
            pass  # the import itself landed; the short names will be asked about again next time
    return result


# ---------------------------------------------------------------- template and screens


def template_for(con: duckdb.DuckDBPyConnection | None = None) -> bytes:
    """The import template; with a connection, prefilled with the current rows (references written as
    names) and drop-down lists of the names the app shows.

    Returns:
        The workbook's bytes.
    """
    if con is None:
        return template_xlsx()
    names = Names.load(con)
    current = {}
    for table in IMPORTABLE:
        t = TABLES[table]
        cols = t.col_names
        rows = []
        for r in con.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE council_id = ? ORDER BY {', '.join(t.key)}",
                             [bound_council(con)]).fetchall():
            row = dict(zip(cols, r, strict=True))
            for c in t.cols:
                if c.ref and row.get(c.name) is not None:
                    row[c.name] = names.shown(c.ref, row[c.name])
                row[c.name] = template_value(row[c.name])
            rows.append(row)
        current[table] = rows
    lists = {ref: names.choices(ref) for ref in ("instance", "plan", "axis", "theme", "structure", "meeting",
                                                  "indicator")}
    return template_xlsx(current, lists)


def table_frame(con: duckdb.DuckDBPyConnection, table: str, limit: int = 2000, *, named: bool = False):
    """The importable columns of a table, ordered by key, for the on-screen editor.

    Args:
        named: each reference written as the name of the row it points to (« Coordination du Conseil local de
            santé mentale », « CH Jury »), one that the planner reads back to that row, as an import does; a
            code only where no name is that row's alone.
    Returns:
        A DataFrame whose columns are the table's column names.
    """
    if table not in IMPORTABLE:
        raise ValueError(table)
    t = TABLES[table]
    frame = con.execute(
        f"SELECT {', '.join(t.col_names)} FROM {table} WHERE council_id = ? ORDER BY {', '.join(t.key)} LIMIT ?",
        [bound_council(con), int(limit)]
    ).df()
    if named and not frame.empty:
        names = Names.load(con)
        for col in t.cols:
            if col.ref and col.ref in names.display and col.name in frame:
                frame[col.name] = frame[col.name].map(lambda v, ref=col.ref: names.shown(ref, v)
                                                      if isinstance(v, str) else v)
    return frame


def reference_labels(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """id -> French label of the rows of a reference table (instances, structures) for pickers."""
    sql = {
        "instance": "SELECT instance_id, name FROM instance WHERE council_id = ? ORDER BY position NULLS LAST, name",
        "structure": "SELECT structure_id, coalesce(acronym || ' – ' || name, name) FROM structure WHERE council_id = ? "
                     "ORDER BY 2",
    }[table]
    return dict(con.execute(sql, [bound_council(con)]).fetchall())
