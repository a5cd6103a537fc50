"""Cell parsing and checks shared by the seed loader (strict) and the importer (lenient French)."""

from __future__ import annotations

import datetime as dt
import re

from .tables import Col, Table

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
