"""Cell parsing and checks shared by the seed loader (strict) and the importer (lenient French); the database's
references (tables.py `ref=`) and attendance totals checked by code, with rows named as people name them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from clsm_data.core.config import bound_council
from clsm_data.core.tables import Col, Table

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_INT = re.compile(r"^-?\d+$")
_FLOAT = re.compile(r"^-?\d+(\.\d+)?$")
_FR_FLOAT = re.compile(r"^-?\d{1,3}(?:[  .]\d{3})*(?:,\d+)?$|^-?\d+(?:[.,]\d+)?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_FR_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
TRUE_WORDS = {"true", "oui", "vrai", "x", "1", "yes"}
FALSE_WORDS = {"false", "non", "faux", "0", "no"}
TYPE_NAMES = {
    "id": "un identifiant (lettres minuscules sans accent, chiffres et tirets)",
    "str": "un texte",
    "text": "un texte",
    "int": "un nombre entier",
    "float": "un nombre",
    "date": "une date",
    "bool": "oui ou non",
}


class CellError(ValueError):
    """A cell that cannot be read as its column expects; the message is French."""


def _date(raw: str, lenient: bool) -> dt.date:
    m = _ISO_DATE.match(raw)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    elif lenient and (m := _FR_DATE.match(raw)):
        d, mo, y = (int(x) for x in m.groups())
    else:
        expected = "une date au format JJ/MM/AAAA (par ex. 18/11/2021)" if lenient else "une date AAAA-MM-JJ"
        raise CellError(f"« {raw} » n'est pas une date : attendu {expected}")
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise CellError(f"« {raw} » n'est pas une date qui existe") from None


def parse_cell(col: Col, raw: object, *, lenient: bool = False) -> object:
    """Read one cell for its column.

    Args:
        col: the column spec.
        raw: the cell as read (text for CSV; any scalar from a spreadsheet).
        lenient: accept French office formats (dd/mm/yyyy, decimal comma, « oui »).
    Returns:
        The Python value, or None for an empty cell.
    Raises:
        CellError: with a French message saying what was expected.
    """
    if raw is None:
        value = ""
    elif isinstance(raw, float) and raw != raw:  # NaN from a spreadsheet
        value = ""
    elif isinstance(raw, dt.datetime) and col.type == "date":
        return raw.date()
    elif isinstance(raw, dt.date) and col.type == "date":
        return raw
    else:
        value = str(raw).strip() if lenient else str(raw)
    if value == "":
        if col.required:
            raise CellError("valeur obligatoire manquante")
        return None
    if not lenient and value != value.strip():
        raise CellError(f"espaces en trop autour de « {value.strip()} »")
    kind = col.type
    if kind == "id":
        if not SLUG.match(value):
            raise CellError(f"« {value} » n'est pas un identifiant valide : attendu {TYPE_NAMES['id']}")
        return value
    if kind in ("str", "text"):
        if col.choices and value not in col.choices:
            allowed = ", ".join(col.choices)
            raise CellError(f"« {value} » n'est pas une valeur prévue : attendu l'une de {allowed}")
        return value
    if kind == "int":
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and float(raw).is_integer():
            return int(raw)
        if not _INT.match(value.replace(" ", "").replace(" ", "") if lenient else value):
            raise CellError(f"« {value} » n'est pas {TYPE_NAMES['int']}")
        return int(value.replace(" ", "").replace(" ", ""))
    if kind == "float":
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return float(raw)
        if lenient and _FR_FLOAT.match(value):
            return float(value.replace(" ", "").replace(" ", "").replace(".", "").replace(",", ".")
                         if "," in value else value.replace(" ", "").replace(" ", ""))
        if not lenient and _FLOAT.match(value):
            return float(value)
        raise CellError(f"« {value} » n'est pas {TYPE_NAMES['float']}")
    if kind == "date":
        return _date(value, lenient)
    if kind == "bool":
        low = value.lower()
        if low in ("true", "false") or (lenient and low in TRUE_WORDS | FALSE_WORDS):
            return low in TRUE_WORDS
        raise CellError(f"« {value} » n'est pas {TYPE_NAMES['bool']} (attendu true ou false)")
    raise CellError(f"type de colonne inconnu : {kind}")


def check_header(table: Table, header: list[str]) -> list[tuple[int, str, str]]:
    """Problems of a header as (column number, column name, message)."""
    problems = []
    known = set(table.col_names)
    seen: set[str] = set()
    for i, name in enumerate(header, start=1):
        if name in seen:
            problems.append((i, name, "colonne en double"))
        seen.add(name)
        if name not in known and name != "council_id":
            problems.append((i, name, f"colonne inconnue pour la table {table.name}"))
    for col in table.cols:
        if col.required and col.name not in seen:
            problems.append((0, col.name, "colonne obligatoire absente de l'en-tête"))
    return problems


# ---------------------------------------------------------------- references and totals (the database as a whole)
# The schema has no foreign keys (DuckDB refuses to update a referenced row), so the references that
# tables.py declares (`ref=`) are checked here, by code: before a row goes, before a write commits, after.

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
NAME_COLUMNS = ("name", "title", "label", "short_title", "topic", "text", "comment", "reason", "date_label")
SHOWN = 8  # rows named in a message; the others are counted
THE = {"structure": "la structure", "meeting": "la réunion", "instance": "l'instance", "action": "l'action",
       "plan": "le plan", "axis": "l'axe", "theme": "la thématique", "objective": "l'objectif",
       "indicator": "l'indicateur", "event": "l'événement", "milestone": "l'étape du CLSM",
       "resource": "la ressource", "source_document": "le document source"}


def references_to(table: str) -> list[tuple[Table, Col]]:
    """The (table, column) pairs declared as pointing at `table`'s key."""
    from clsm_data.core.tables import TABLES

    return [(t, c) for t in TABLES.values() for c in t.cols if c.ref == table]


def _when(day: object, precision: str | None) -> str:
    """« du 18/11/2021 », « de mars 2022 », « d'avril 2022 », « de 2022 »."""
    if not isinstance(day, dt.date):
        return ""
    if precision == "année":
        return f"de {day.year}"
    if precision == "mois":
        month = MONTHS[day.month - 1]
        return ("d'" if month[0] in "ao" else "de ") + f"{month} {day.year}"
    return f"du {day:%d/%m/%Y}"


def _lookup(con, table: str, key: tuple) -> dict | None:
    """A row by key: as stored, else as the journal last kept it before it went (its before-image)."""
    import json

    from clsm_data.core.tables import TABLES

    t = TABLES[table]
    where = " AND ".join(f'"{k}" = ?' for k in t.key)
    cur = con.execute(f"SELECT * FROM {table} WHERE {where}", list(key))  # table from the TABLES allow-list
    found = cur.fetchall()
    if found:
        return dict(zip([d[0] for d in cur.description], found[0], strict=True))
    text = json.dumps([v.isoformat() if isinstance(v, dt.date) else v for v in key], ensure_ascii=False)
    try:
        before = con.execute(
            "SELECT before FROM change_row WHERE table_name = ? AND row_key = ? AND before IS NOT NULL "
            "ORDER BY audit_id DESC, position DESC LIMIT 1", [table, text]
        ).fetchall()
    except Exception:  # a database older than the journal of changes
        return None
    return json.loads(before[0][0]) if before else None


def target_label(con, table: str, code: object) -> str:
    """The name of the row a reference points at (« Comité de pilotage du 18/11/2021 », a structure's name)."""
    row = _lookup(con, table, (code,))
    if row is None:
        from clsm_data.core.tables import TABLES

        return f"ligne inconnue de la table {TABLES[table].label} (code « {code} »)"  # nothing left to name it by
    return row_label(con, table, row)


def row_label(con, table: str, row: dict) -> str:
    """A row as a person names it, never by its code: a meeting by its instance and date, a structure by its
    name, an attendance count by its meeting, structure and category; for a row of a link table, the names
    of the rows it links.

    Args:
        con: any connection or cursor (names of referenced rows are read; a row gone is named from the journal).
        table: a table of tables.TABLES.
        row: the row (at least its key columns).
    """
    from clsm_data.core.tables import TABLES

    t = TABLES[table]
    if any(c.name not in row for c in t.cols) and all(k in row for k in t.key):
        full = _lookup(con, table, tuple(row[k] for k in t.key))
        if full:
            row = {**full, **row}
    if table == "meeting":
        instance = row.get("instance_id")
        name = target_label(con, "instance", instance) if instance else "Réunion"
        day = row.get("date")
        if isinstance(day, str):
            day = dt.date.fromisoformat(day[:10])
        return f"{name} {_when(day, row.get('date_precision'))}".strip()
    if table == "attendance":
        meeting = target_label(con, "meeting", row.get("meeting_id"))
        structure = target_label(con, "structure", row.get("structure_id"))
        count = row.get("count")
        return f"{meeting}, {structure} ({row.get('role_category')} : {count if count is not None else '?'})"
    if len(t.key) == 1:
        for col in NAME_COLUMNS:
            if col in t.col_names and row.get(col):
                text = " ".join(str(row[col]).split())
                return text if len(text) <= 90 else text[:89] + "…"
    parts = []
    for k in t.key:
        col = t.col(k)
        value = row.get(k)
        if col.ref and value is not None:
            parts.append(target_label(con, col.ref, value))
        elif isinstance(value, dt.date):
            parts.append(f"{value:%d/%m/%Y}")
        elif value is not None:
            parts.append(str(value))
    return ", ".join(parts) or t.label


def name_rows(con, table: str, rows: list[dict], shown: int = SHOWN) -> str:
    """« « a », « b » et 3 autre(s) »: the first rows by name, the rest counted."""
    names = [f"« {row_label(con, table, r)} »" for r in rows[:shown]]
    more = f" et {len(rows) - shown} autre(s)" if len(rows) > shown else ""
    return ", ".join(names) + more


@dataclass
class Dependents:
    """The rows that point at rows about to go: `direct` ones would be orphaned; taking them along deletes
    the rows whose reference is required or part of their key (and, in turn, theirs) and empties an
    optional reference (an action keeps its sheet when its porteur goes)."""

    deleted: dict[str, list[dict]] = field(default_factory=dict)  # table -> whole rows that go with them
    cleared: dict[str, list[tuple[dict, dict]]] = field(default_factory=dict)  # table -> (row, row emptied)
    direct: list[tuple[str, dict, str]] = field(default_factory=list)  # (table, row, column) pointing at a row gone

    def __bool__(self) -> bool:
        return bool(self.direct)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.deleted.values()) + sum(len(v) for v in self.cleared.values())

    def sentence(self, con) -> str:
        """Per table, the rows that would go or lose a reference, by name."""
        parts = []
        for table, rows in self.deleted.items():
            parts.append(f"{_table_label(table)} supprimées : {name_rows(con, table, rows)}")
        for table, pairs in self.cleared.items():
            parts.append(f"{_table_label(table)} dont la référence serait vidée : "
                         f"{name_rows(con, table, [before for before, _ in pairs])}")
        return " ; ".join(parts)


def _table_label(table: str) -> str:
    from clsm_data.core.tables import TABLES

    return TABLES[table].label.capitalize()


def dependents(con, removed: dict[str, list[tuple]], *, cascade: bool = True) -> Dependents:
    """The rows that still point at rows about to be removed, and what taking them along would do.

    Args:
        con: any connection or cursor (read before anything is written).
        removed: table -> keys of the rows that go (rows listed here are not their own dependents).
        cascade: follow the rows that would be deleted along, and theirs.
    Returns:
        Dependents (false when nothing points at the removed rows).
    """
    from clsm_data.core.tables import TABLES

    gone: dict[str, set[tuple]] = {t: set(map(tuple, keys)) for t, keys in removed.items()}
    out = Dependents()
    cleared: dict[str, dict[tuple, tuple[dict, dict]]] = {}
    queue = [(t, list(keys), True) for t, keys in gone.items() if keys]  # True: the rows asked for
    while queue:
        table, keys, asked = queue.pop(0)
        if len(TABLES[table].key) != 1:
            continue  # no table points at a table with a composite key
        values = sorted({k[0] for k in keys}, key=str)
        for other, col in references_to(table):
            order = ", ".join(f'"{k}"' for k in other.key)
            mine, council = _council_clause(con, other)
            cur = con.execute(
                f'SELECT * FROM {other.name} WHERE "{col.name}" IN (SELECT unnest(?)){mine} ORDER BY {order}',
                [values, *council])
            names = [d[0] for d in cur.description]
            for found in cur.fetchall():
                row = dict(zip(names, found, strict=True))
                key = tuple(row[k] for k in other.key)
                if key in gone.get(other.name, set()):
                    continue
                if asked:
                    out.direct.append((other.name, row, col.name))
                if col.required or col.name in other.key:
                    gone.setdefault(other.name, set()).add(key)
                    out.deleted.setdefault(other.name, []).append(row)
                    if cascade:
                        queue.append((other.name, [key], False))
                else:
                    before, after = cleared.setdefault(other.name, {}).get(key, (row, dict(row)))
                    after[col.name] = None
                    cleared[other.name][key] = (before, after)
    for table, rows in cleared.items():
        kept = [pair for key, pair in rows.items() if key not in gone.get(table, set())]
        if kept:
            out.cleared[table] = kept
    return out


def _council_clause(con, table: Table) -> tuple[str, list[str]]:
    """(" AND council_id = ?", [the council]) for a table of the councils' rows, else nothing: a reference
    names a row of the same council, the one the connection writes for (`store.engine.bound_council`)."""
    if not table.council_scoped:
        return "", []
    return " AND council_id = ?", [bound_council(con)]


def unresolved(con, table: str, rows: list[dict], columns: list[str] | None = None) -> list[tuple[dict, str, object]]:
    """(row, column, value) for each declared reference of these rows that names no stored row.

    Args:
        columns: only these columns (the ones a write changed); all reference columns by default.
    """
    from clsm_data.core.tables import TABLES

    t = TABLES[table]
    out = []
    for col in t.cols:
        if not col.ref or (columns is not None and col.name not in columns):
            continue
        values = sorted({r[col.name] for r in rows if r.get(col.name) is not None}, key=str)
        if not values:
            continue
        target = TABLES[col.ref].key[0]
        mine, council = _council_clause(con, TABLES[col.ref])
        present = {v for (v,) in con.execute(
            f'SELECT "{target}" FROM {col.ref} WHERE "{target}" IN (SELECT unnest(?)){mine}',
            [values, *council]).fetchall()}
        out += [(r, col.name, r[col.name]) for r in rows if r.get(col.name) is not None
                and r[col.name] not in present]
    return out


def dangling(con, limit: int = 50) -> list[tuple[str, dict, str]]:
    """Every row of the database whose declared reference names no row: (table, row, column), at most `limit`."""
    from clsm_data.core.tables import TABLES

    out: list[tuple[str, dict, str]] = []
    for t in TABLES.values():
        for col in t.cols:
            if not col.ref:
                continue
            target = TABLES[col.ref].key[0]
            same = " AND y.council_id = x.council_id" if t.council_scoped and TABLES[col.ref].council_scoped else ""
            cur = con.execute(
                f'SELECT * FROM {t.name} x WHERE x."{col.name}" IS NOT NULL AND NOT EXISTS '
                f'(SELECT 1 FROM {col.ref} y WHERE y."{target}" = x."{col.name}"{same}) LIMIT ?', [limit])
            names = [d[0] for d in cur.description]
            out += [(t.name, dict(zip(names, r, strict=True)), col.name) for r in cur.fetchall()]
    return out[:limit]


def orphan_sentence(con, items: list[tuple[str, dict, str]]) -> str:
    """Rows pointing at nothing, grouped by table and by the row they point at, all by name."""
    from clsm_data.core.tables import TABLES

    groups: dict[tuple[str, str, object], list[dict]] = {}
    for table, row, column in items:
        groups.setdefault((table, column, row[column]), []).append(row)
    parts = []
    for (table, column, value), rows in groups.items():
        col = TABLES[table].col(column)
        parts.append(f"{_table_label(table)} renvoyant à {THE.get(col.ref, TABLES[col.ref].label)} "
                     f"« {target_label(con, col.ref, value)} », qui n'existe plus : {name_rows(con, table, rows)}")
    return " ; ".join(parts)
