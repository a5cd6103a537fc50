"""Import the coordinator's spreadsheets (.xlsx, .csv): sniff, read, check every cell, plan, then apply.

Rules (the French messages say the same to the user):
- The content decides, not the extension: an .xlsx is a zip holding [Content_Types].xml and
  xl/workbook.xml; .xls, encrypted workbooks (OLE2), .ods and zip bombs are refused. A CSV is text
  in UTF-8 (with or without BOM) or Windows-1252, separated by `;`, `,` or tab.
- The header row is looked for among the first 10 rows (title rows above it are fine). Column
  names are matched without case, accents, spaces or underscores, by technical name or French label.
- Unknown columns are REFUSED (not ignored): a misspelt header would otherwise drop a column's
  values silently. Duplicate columns, duplicate keys and merged cells in the table are refused.
- Imports upsert by key and never delete: a row absent from the file is kept, and an empty cell does
  not erase a stored value (the "Modifier une table" editor can clear a value). An empty file,
  sheet or header-only file is refused ("aucune ligne à importer").
- Text cells starting with =, @, or + / - followed by a non-space are refused (formula injection).
  Markup is kept as plain text: pages escape it.
- One bad cell anywhere refuses the whole file: every problem is listed (file, sheet, line, column).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from .db import table_checksums
from .errors import CellProblem, DataFileError
from .roles import Caller
from .tables import LOAD_ORDER, TABLES, Col, Table
from .validate import SLUG, CellError, parse_cell
from .writes import ImportPlan, ImportResult, TableChange, apply_plan

# Tables the coordinator keeps up to date, in load order (a table after those it references).
IMPORTABLE = tuple(
    t for t in LOAD_ORDER if t in ("structure", "action", "meeting", "attendance", "event", "indicator_value")
)
MAX_BYTES = 10 * 1024 * 1024  # as server.maxUploadSize
MAX_UNZIPPED = 50 * 1024 * 1024
MAX_RATIO = 100
MAX_ENTRIES = 2000
HEADER_SCAN = 10
MAX_PROBLEMS = 50
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Extra header names accepted besides each column's name and French label.
EXTRA_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    # The first name of each entry is the template's header (accents kept; matching ignores them).
    "structure": {
        "structure_id": ("identifiant", "id", "code", "code structure"),
        "location_precision": ("précision de la localisation",),
        "website": ("site internet", "site web"),
    },
    "action": {"action_id": ("identifiant", "id"), "status": ("état",)},
    "meeting": {"meeting_id": ("identifiant", "id"), "date_precision": ("précision de la date",)},
    "attendance": {"meeting_id": ("réunion", "identifiant réunion"), "count": ("effectif",)},
    "event": {"event_id": ("identifiant", "id"), "date_precision": ("précision de la date",),
              "theme_id": ("thématique",)},
    "indicator_value": {"indicator_id": ("indicateur",), "period_start": ("début de période",),
                        "period_end": ("fin de période",)},
}
SHEET_ALIASES: dict[str, tuple[str, ...]] = {
    "structure": ("structure",),
    "action": ("action", "fiches actions"),
    "meeting": ("reunion", "meeting"),
    "attendance": ("presence", "participation"),
    "event": ("evenement",),
    "indicator_value": ("indicateurs", "valeurs indicateurs"),
}
EMPTY_HINT = "Le fichier doit contenir une ligne d'en-tête puis au moins une ligne de données."


def norm(text: object) -> str:
    """A header or sheet name without case, accents, punctuation: « N° de fiche » -> 'n de fiche'."""
    t = unicodedata.normalize("NFKD", str(text)).replace("œ", "oe").replace("Œ", "oe")
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


def header_label(table: Table, col: Col) -> str:
    """The French header of a column in templates."""
    if col.label:
        return col.label
    extra = EXTRA_ALIASES.get(table.name, {}).get(col.name)
    return extra[0] if extra else col.name


def _aliases(table: Table) -> dict[str, str]:
    out: dict[str, str] = {}
    for col in table.cols:
        names = {col.name, header_label(table, col), *EXTRA_ALIASES.get(table.name, {}).get(col.name, ())}
        if col.label:
            names.add(col.label)
        for name in names:
            key = norm(name)
            if out.get(key, col.name) != col.name:
                raise ValueError(f"alias {key!r} of {table.name} names two columns")
            out[key] = col.name
    return out


ALIASES = {name: _aliases(TABLES[name]) for name in IMPORTABLE}
SHEETS = {norm(a): name for name in IMPORTABLE for a in (name, TABLES[name].label, *SHEET_ALIASES.get(name, ()))}


# ---------------------------------------------------------------- reading


@dataclass
class _Grid:
    """One sheet (or the CSV) as rows of cells, with the number each row has in the file (1-based)."""

    sheet: str | None
    rows: list[list[object]]
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    hidden: bool = False


@dataclass
class _Block:
    """The rows of one table read from a grid: header cells by column, then (line, cells) per data row."""

    table: str
    sheet: str | None
    headers: dict[str, str]  # column name -> header text as written
    rows: list[tuple[int, dict[str, object]]]


def _refuse(
    file: str,
    message: str,
    *,
    sheet: str | None = None,
    line: int | None = None,
    column: str | None = None,
    hint: str = "",
) -> DataFileError:
    return DataFileError([CellProblem(file, line, column, message, sheet)], hint)


def sniff(data: bytes, filename: str) -> str:
    """The kind of a file by its content: "xlsx" or "csv".

    Args:
        data: the file's bytes.
        filename: its name, for messages.
    Returns:
        "xlsx" or "csv".
    Raises:
        DataFileError: empty, too big, .xls or encrypted, .ods, zip bomb, not a workbook, binary.
    """
    if not data.strip():
        raise _refuse(filename, "fichier vide : aucune ligne à importer", hint=EMPTY_HINT)
    if len(data) > MAX_BYTES:
        raise _refuse(filename, f"fichier trop volumineux ({len(data) // 1024 // 1024} Mo ; 10 Mo au plus)")
    if data.startswith(OLE2_MAGIC):
        raise _refuse(
            filename,
            "classeur Excel ancien format (.xls) ou protégé par un mot de passe : ce format n'est pas lu",
            hint="Ouvrez-le dans le tableur, retirez le mot de passe s'il y en a un et enregistrez-le au format "
            "« Classeur Excel (.xlsx) », puis réimportez.",
        )
    if data.startswith(b"PK\x03\x04"):
        _check_zip(data, filename)
        return "xlsx"
    if b"\x00" in data[:8192]:
        raise _refuse(
            filename,
            "fichier binaire : ni un classeur .xlsx ni un texte CSV",
            hint="Enregistrez le tableau au format .xlsx ou « CSV UTF-8 (délimité par des points-virgules) ».",
        )
    return "csv"


def _check_zip(data: bytes, filename: str) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse(filename, "archive abîmée : le classeur ne peut pas être ouvert") from None
    names = {i.filename for i in infos}
    if "mimetype" in names and b"opendocument" in zf.read("mimetype")[:100]:
        raise _refuse(
            filename,
            "classeur OpenDocument (.ods) : ce format n'est pas lu",
            hint="Enregistrez-le au format « Classeur Excel (.xlsx) » puis réimportez.",
        )
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if len(infos) > MAX_ENTRIES or total > MAX_UNZIPPED or total / packed > MAX_RATIO:
        raise _refuse(
            filename,
            f"classeur suspect : {total // 1024 // 1024} Mo une fois décompressé pour {len(data) // 1024} Ko "
            f"(au plus {MAX_UNZIPPED // 1024 // 1024} Mo et un taux de {MAX_RATIO})",
            hint="Enregistrez un classeur ne contenant que les tableaux à importer.",
        )
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise _refuse(filename, "ce fichier zip n'est pas un classeur Excel .xlsx")


def _decode(data: bytes, filename: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise _refuse(
            filename,
            "encodage du texte non reconnu (ni UTF-8 ni Windows-1252)",
            hint="Enregistrez-le au format « CSV UTF-8 ».",
        ) from None


def _read_csv(data: bytes, filename: str, table: str | None) -> list[_Block]:
    text = _decode(data, filename)
    best: tuple | None = None
    errors = []
    for sep in (";", ",", "\t"):
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True))
        except csv.Error as exc:
            errors.append(str(exc))
            continue
        found = _find_header(rows, table)
        if found and (best is None or found[0] > best[0][0]):
            best = (found, rows)
    if best is None:
        if errors and not table:
            raise _refuse(filename, f"CSV illisible ({errors[0]}) : guillemets mal fermés ?")
        raise _header_not_found(filename, None, table)
    (score, index, name, tied), rows = best
    if tied:
        raise _ambiguous(filename, None, tied)
    return [_block(filename, _Grid(None, rows), index, name)]


def _read_xlsx(data: bytes, filename: str, table: str | None) -> tuple[list[_Block], list[str]]:
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # calamine raises its own error types for broken or protected files
        raise _refuse(filename, "classeur illisible ou protégé : il ne peut pas être ouvert") from None
    _check_formulas(data, filename)
    blocks, notes = [], []
    visible = {m.name: str(m.visible).endswith("Visible") for m in wb.sheets_metadata}
    for name in wb.sheet_names:
        sheet = wb.get_sheet_by_name(name)
        grid = _Grid(
            name,
            sheet.to_python(skip_empty_area=False),
            list(sheet.merged_cell_ranges or []),
            hidden=not visible.get(name, True),
        )
        by_name = SHEETS.get(norm(name))
        forced = table or by_name
        if not any(any(_filled(c) for c in row) for row in grid.rows):
            notes.append(f"Feuille « {name} » vide : ignorée.")
            continue
        found = _find_header(grid.rows, forced)
        if not found:
            if forced:
                raise _header_not_found(filename, name, forced)
            notes.append(f"Feuille « {name} » ignorée : ni son nom ni ses colonnes ne correspondent à une table.")
            continue
        score, index, tname, tied = found
        if tied:
            raise _ambiguous(filename, name, tied)
        blocks.append(_block(filename, grid, index, tname))
    return blocks, notes


_CELL = re.compile(rb"<c\b([^>]*)>(.*?)</c>", re.S)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_VALUE = re.compile(rb"<v>\s*[^<\s][^<]*</v>")


def _check_formulas(data: bytes, filename: str) -> None:
    """Refuse a formula whose result the file does not hold (saved by a program that computes nothing)."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    sheets = _sheet_files(zf)
    for path, sheet in sheets.items():
        xml = zf.read(path)
        if b"<f" not in xml:
            continue
        for attrs, body in _CELL.findall(xml):
            if b"<f" in body and not _VALUE.search(body):
                ref = _REF.search(attrs)
                col, line = (ref.group(1).decode(), int(ref.group(2))) if ref else (None, None)
                raise _refuse(
                    filename,
                    "formule sans valeur calculée : le résultat n'est pas enregistré dans le fichier",
                    sheet=sheet,
                    line=line,
                    column=col,
                    hint="Ouvrez le fichier dans le tableur, enregistrez-le (les formules sont alors calculées), "
                    "ou remplacez les formules par leurs valeurs, puis réimportez.",
                )


def _sheet_files(zf: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet XML path -> sheet name, from xl/workbook.xml and its relationships."""
    try:
        book = zf.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return {}
    targets = {}
    for rel in re.findall(r"<Relationship\b[^>]*>", rels):
        rid, target = re.search(r'Id="([^"]+)"', rel), re.search(r'Target="([^"]+)"', rel)
        if rid and target:
            t = target.group(1).lstrip("/")
            targets[rid.group(1)] = t if t.startswith("xl/") else "xl/" + t
    out = {}
    for tag in re.findall(r"<sheet\b[^>]*>", book):
        name, rid = re.search(r'name="([^"]*)"', tag), re.search(r'r:id="([^"]+)"', tag)
        if name and rid and rid.group(1) in targets:
            out[targets[rid.group(1)]] = _xml_unescape(name.group(1))
    return out


def _xml_unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def _filled(cell: object) -> bool:
    return cell is not None and not (isinstance(cell, str) and cell.strip() == "")


def _find_header(rows: list[list[object]], table: str | None) -> tuple[int, int, str, list[str]] | None:
    """(score, row index, table, tied tables) of the best header among the first rows, or None."""
    best = None
    candidates = [table] if table else list(IMPORTABLE)
    for index, row in enumerate(rows[:HEADER_SCAN]):
        cells = [norm(c) for c in row if _filled(c) and isinstance(c, str)]
        if not cells:
            continue
        scores = []
        for name in candidates:
            matched = {ALIASES[name][c] for c in cells if c in ALIASES[name]}
            if set(TABLES[name].key) <= matched:
                scores.append((len(matched), name))
        if not scores:
            continue
        scores.sort(reverse=True)
        top = scores[0][0]
        tied = [n for s, n in scores if s == top]
        if best is None or top > best[0]:
            best = (top, index, tied[0], tied if len(tied) > 1 else [])
    return best


def _header_not_found(filename: str, sheet: str | None, table: str | None) -> DataFileError:
    if table:
        t = TABLES[table]
        need = ", ".join(f"« {header_label(t, t.col(k))} »" for k in t.key)
        msg = (
            f"en-tête de la table {t.label} introuvable dans les {HEADER_SCAN} premières lignes "
            f"(colonnes clés : {need})"
        )
    else:
        names = ", ".join(TABLES[n].label for n in IMPORTABLE)
        msg = f"aucune ligne des {HEADER_SCAN} premières lignes n'est un en-tête reconnu (tables importables : {names})"
    return _refuse(filename, msg, sheet=sheet, hint="Partez du modèle téléchargeable : il a les bons en-têtes.")


def _ambiguous(filename: str, sheet: str | None, tied: list[str]) -> DataFileError:
    names = " ou ".join(TABLES[n].label for n in tied)
    return _refuse(
        filename,
        f"en-tête ambigu : il peut s'agir de la table {names}",
        sheet=sheet,
        hint="Nommez la feuille comme la table (par ex. « actions ») ou, en ligne de commande, ajoutez --table.",
    )


def _block(filename: str, grid: _Grid, index: int, table: str) -> _Block:
    """Map the header row to columns and collect the data rows below it."""
    t = TABLES[table]
    header = grid.rows[index]
    line_of = index + 1  # rows are 1-based in messages, as in the spreadsheet and the text editor
    problems: list[CellProblem] = []
    columns: dict[int, str] = {}
    headers: dict[str, str] = {}
    for i, cell in enumerate(header):
        if not _filled(cell):
            continue
        text = str(cell).strip()
        name = ALIASES[table].get(norm(text))
        if name is None:
            known = ", ".join(header_label(t, c) for c in t.cols)
            problems.append(
                CellProblem(
                    filename,
                    line_of,
                    text,
                    f"colonne inconnue pour la table {t.label} (colonnes possibles : {known})",
                    grid.sheet,
                )
            )
        elif name in headers:
            problems.append(
                CellProblem(filename, line_of, text, f"colonne en double (déjà « {headers[name]} »)", grid.sheet)
            )
        else:
            columns[i] = name
            headers[name] = text
    for (r0, c0), (r1, c1) in grid.merged:
        if r1 >= index:
            problems.append(
                CellProblem(
                    filename,
                    r0 + 1,
                    _col_letter(c0),
                    f"cellules fusionnées ({_col_letter(c0)}{r0 + 1}:{_col_letter(c1)}{r1 + 1}) "
                    "dans le tableau : défusionnez-les et répétez la valeur",
                    grid.sheet,
                )
            )
    rows = []
    for offset, cells in enumerate(grid.rows[index + 1 :], start=index + 2):
        if not any(_filled(c) for c in cells):
            continue
        stray = [i for i, c in enumerate(cells) if _filled(c) and i not in columns]
        if stray:
            problems.append(
                CellProblem(filename, offset, _col_letter(stray[0]), "valeur dans une colonne sans en-tête", grid.sheet)
            )
            continue
        rows.append((offset, {columns[i]: cells[i] if i < len(cells) else None for i in columns}))
    if problems:
        raise DataFileError(problems[:MAX_PROBLEMS])
    if not rows:
        raise _refuse(
            filename,
            f"aucune ligne à importer : l'en-tête de la table {t.label} n'est suivi d'aucune ligne de données",
            sheet=grid.sheet,
            line=line_of,
            hint=EMPTY_HINT,
        )
    return _Block(table, grid.sheet, headers, rows)


def _col_letter(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


# ---------------------------------------------------------------- cells


def _formula_like(text: str) -> bool:
    return text[:1] in ("=", "@") or (text[:1] in ("+", "-") and len(text) > 1 and not text[1].isspace())


def _as_text(raw: object) -> str:
    if isinstance(raw, bool):
        return "oui" if raw else "non"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.strftime("%d/%m/%Y") if raw.time() == dt.time() else raw.strftime("%d/%m/%Y %H:%M")
    if isinstance(raw, dt.date):
        return raw.strftime("%d/%m/%Y")
    return str(raw).strip()


def _cell(col: Col, raw: object, names: dict[str, str]) -> object:
    """One cell read the lenient French way; None for an empty cell. Raises CellError (French)."""
    if not _filled(raw) or (isinstance(raw, float) and raw != raw):
        return None
    if col.type in ("str", "text", "id"):
        text = _as_text(raw)
        if _formula_like(text):
            raise CellError(
                f"« {text[:40]} » commence par « {text[0]} » : une formule ou commande de tableur ne "
                "peut pas être importée (retirez ce premier caractère)"
            )
        if col.type == "id":
            low = text.lower()
            if SLUG.match(low):
                return low
            if col.ref == "structure" and norm(text) in names:
                return names[norm(text)]
            if col.ref:
                raise CellError(f"« {text} » ne correspond à aucune ligne de la table {TABLES[col.ref].label}")
            return parse_cell(col, text, lenient=True)
        if col.choices:
            by_norm = {norm(c): c for c in col.choices}
            if norm(text) in by_norm:
                return by_norm[norm(text)]
        return parse_cell(col, text, lenient=True)
    if col.type == "int" and isinstance(raw, str):
        value = raw.strip()
        try:
            number = parse_cell(col, value, lenient=True)
        except CellError:
            raise CellError(
                f"« {value} » n'est pas un nombre entier : écrivez seulement le nombre (par ex. 12), "
                "ou laissez la cellule vide s'il n'est pas connu"
            ) from None
    else:
        number = parse_cell(col, raw, lenient=True)
    if col.type == "int" and (col.name == "count" or col.name.endswith("_count")) and number < 0:
        raise CellError(f"« {number} » : un nombre de personnes ou d'événements ne peut pas être négatif")
    return number


def _structure_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Normalised structure name or acronym -> id, for names that point to one structure only."""
    seen: dict[str, set[str]] = {}
    for sid, name, acronym in con.execute("SELECT structure_id, name, acronym FROM structure").fetchall():
        for label in (name, acronym):
            if label:
                seen.setdefault(norm(label), set()).add(sid)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


# ---------------------------------------------------------------- planning


@dataclass
class _Source:
    """Rows of one table to plan, each with where it came from (for messages)."""

    table: str
    file: str
    sheet: str | None
    headers: dict[str, str]
    rows: list[tuple[int, dict[str, object]]]


def plan_import(
    con: duckdb.DuckDBPyConnection,
    source: bytes | str | Path,
    filename: str | None = None,
    *,
    table: str | None = None,
) -> ImportPlan:
    """Read and check a file, then say what importing it would do; writes nothing.

    Args:
        con: any connection or cursor on the database (read only is enough).
        source: the file's bytes, or a path to it.
        filename: the name shown in messages and the audit log (the path's name by default).
        table: the table a CSV (or every sheet) holds, when its header is not enough to tell.
    Returns:
        ImportPlan: per table, rows added / updated / unchanged, with the rows.
    Raises:
        DataFileError: every problem found (up to 50), each naming file, sheet, line and column.
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        filename = filename or path.name
        try:
            if path.stat().st_size > MAX_BYTES:
                raise _refuse(filename, "fichier trop volumineux (10 Mo au plus)")
            data = path.read_bytes()
        except OSError:
            raise _refuse(filename, "fichier introuvable ou illisible") from None
    else:
        data = bytes(source)
        filename = filename or "fichier importé"
    if table is not None and table not in IMPORTABLE:
        names = ", ".join(IMPORTABLE)
        raise _refuse(filename, f"« {table} » n'est pas une table importable (tables : {names})")
    kind = sniff(data, filename)
    notes: list[str] = []
    if kind == "xlsx":
        blocks, notes = _read_xlsx(data, filename, table)
    else:
        blocks = _read_csv(data, filename, table)
    if not blocks:
        detail = " ; ".join(notes)
        raise _refuse(filename, "aucune ligne à importer" + (f" ({detail})" if detail else ""), hint=EMPTY_HINT)
    sources, where = [], {}
    for b in blocks:
        if b.table in where:
            raise _refuse(
                filename,
                f"la table {TABLES[b.table].label} apparaît dans deux feuilles (« {where[b.table]} » et « {b.sheet} »)",
                sheet=b.sheet,
            )
        where[b.table] = b.sheet
        sources.append(_Source(b.table, filename, b.sheet, b.headers, b.rows))
    plan = _plan(con, sources, origin=filename, empty_clears=False)
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
    Returns:
        ImportPlan.
    Raises:
        DataFileError: every bad cell, named.
    """
    return plan_tables(con, {table: rows}, origin=origin, empty_clears=empty_clears)


def plan_tables(
    con: duckdb.DuckDBPyConnection, tables: dict[str, list[dict]], *, origin: str, empty_clears: bool = False
) -> ImportPlan:
    """Like plan_rows for several tables at once (a meeting and its attendance), applied in one write.

    Args:
        con: any connection or cursor on the database.
        tables: table name -> rows (column name -> cell).
        origin: for messages and the audit log.
        empty_clears: an empty cell sets NULL instead of keeping the stored value.
    Returns:
        ImportPlan.
    Raises:
        DataFileError: every bad cell, named; also when no row is given.
    """
    sources = []
    for name, rows in tables.items():
        if name not in IMPORTABLE:
            raise _refuse(origin, f"« {name} » n'est pas une table modifiable ici")
        t = TABLES[name]
        cols = [c for c in t.col_names if any(c in r for r in rows)]
        headers = {c: header_label(t, t.col(c)) for c in cols}
        unknown = sorted({k for r in rows for k in r} - set(t.col_names) - {"council_id"})
        if unknown:
            raise _refuse(origin, f"colonne inconnue pour la table {t.label} : {', '.join(unknown)}")
        sources.append(_Source(name, origin, None, headers, [(i, dict(r)) for i, r in enumerate(rows, start=1)]))
    if not any(s.rows for s in sources):
        raise _refuse(origin, "aucune ligne à importer", hint=EMPTY_HINT)
    return _plan(con, sources, origin=origin, empty_clears=empty_clears)


def _plan(con: duckdb.DuckDBPyConnection, sources: list[_Source], *, origin: str, empty_clears: bool) -> ImportPlan:
    problems: list[CellProblem] = []
    names = _structure_names(con)
    parsed: dict[str, list[tuple[_Source, int, dict]]] = {}
    for src in sorted(sources, key=lambda s: LOAD_ORDER.index(s.table)):
        t = TABLES[src.table]
        for k in t.key:
            if k not in src.headers:
                problems.append(
                    CellProblem(
                        src.file,
                        None,
                        header_label(t, t.col(k)),
                        "colonne clé absente : elle identifie chaque ligne",
                        src.sheet,
                    )
                )
        seen: dict[tuple, int] = {}
        out = parsed.setdefault(src.table, [])
        for line, raw in src.rows:
            row = {}
            for name in src.headers:
                try:
                    row[name] = _cell(t.col(name), raw.get(name), names)
                except CellError as exc:
                    problems.append(CellProblem(src.file, line, src.headers[name], str(exc), src.sheet))
            if any(k not in row for k in t.key):
                continue
            key = tuple(row[k] for k in t.key)
            if any(v is None for v in key):
                missing = next(k for k in t.key if row[k] is None)
                problems.append(
                    CellProblem(
                        src.file,
                        line,
                        src.headers.get(missing, missing),
                        "valeur obligatoire manquante (clé de la ligne)",
                        src.sheet,
                    )
                )
            elif key in seen:
                problems.append(
                    CellProblem(
                        src.file,
                        line,
                        None,
                        f"ligne en double : même clé ({', '.join(map(str, key))}) qu'à la ligne {seen[key]}",
                        src.sheet,
                    )
                )
            else:
                seen[key] = line
                out.append((src, line, row))
    if problems:
        raise DataFileError(problems[:MAX_PROBLEMS])
    _check_refs(con, parsed, problems)
    changes = {name: _diff(con, name, rows, empty_clears, problems) for name, rows in parsed.items()}
    if problems:
        raise DataFileError(problems[:MAX_PROBLEMS])
    return ImportPlan(origin=origin, changes=changes, base=table_checksums(con, list(changes)))


def _check_refs(con, parsed: dict[str, list[tuple[_Source, int, dict]]], problems: list[CellProblem]) -> None:
    keys: dict[str, set] = {}
    for name, rows in parsed.items():
        for src, line, row in rows:
            for col in TABLES[name].cols:
                value = row.get(col.name)
                if not col.ref or value is None:
                    continue
                if col.ref not in keys:
                    ref = TABLES[col.ref]
                    keys[col.ref] = {r[0] for r in con.execute(f"SELECT {ref.key[0]} FROM {col.ref}").fetchall()}
                    keys[col.ref] |= {r[ref.key[0]] for _, _, r in parsed.get(col.ref, [])}
                if value not in keys[col.ref]:
                    label = TABLES[col.ref].label
                    problems.append(
                        CellProblem(
                            src.file,
                            line,
                            src.headers[col.name],
                            f"« {value} » ne correspond à aucune ligne de la table {label} "
                            "(ni dans la base, ni dans ce fichier)",
                            src.sheet,
                        )
                    )


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
        result = cur.execute(f"SELECT {', '.join('t.' + c for c in cols)} FROM {name} t JOIN {view} k ON {join}")
        rows = [dict(zip(cols, r, strict=True)) for r in result.fetchall()]
        cur.unregister(view)
    finally:
        if cur is not con:
            cur.close()
    return {tuple(r[k] for k in t.key): r for r in rows}


def _defaults(name: str, row: dict) -> None:
    if name == "meeting" and row.get("date_precision") is None and row.get("date") is not None:
        row["date_precision"] = "jour"
    if name == "event" and row.get("year") is None and isinstance(row.get("date"), dt.date):
        row["year"] = row["date"].year
    if name == "event" and row.get("date_precision") is None and row.get("date") is not None:
        row["date_precision"] = "jour"


def _diff(
    con, name: str, rows: list[tuple[_Source, int, dict]], empty_clears: bool, problems: list[CellProblem]
) -> TableChange:
    t = TABLES[name]
    given = [c for c in t.col_names if any(c in r for _, _, r in rows)]
    change = TableChange(name, given)
    stored = _existing(con, name, [tuple(r[k] for k in t.key) for _, _, r in rows])
    for src, line, row in rows:
        before = stored.get(tuple(row[k] for k in t.key))
        if before is None:
            full = {c: row.get(c) for c in t.col_names}
            _defaults(name, full)
            for col in t.cols:
                if col.required and full[col.name] is None:
                    label = src.headers.get(col.name) or header_label(t, col)
                    problems.append(
                        CellProblem(
                            src.file,
                            line,
                            label,
                            "valeur obligatoire manquante pour créer cette nouvelle ligne",
                            src.sheet,
                        )
                    )
            change.added.append(full)
            continue
        after = {}
        for c in given:
            value = row.get(c)
            if value is None and not empty_clears:
                value = before[c]
            if value is None and t.col(c).required:
                problems.append(
                    CellProblem(src.file, line, src.headers.get(c, c), "valeur obligatoire manquante", src.sheet)
                )
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

    Args:
        con: a read-write connection, or a cursor of the app's process connection.
        caller: must be a coordinator.
        plan: from plan_import (made on the same database).
    Returns:
        ImportResult (nothing written when the plan adds and updates nothing).
    Raises:
        PermissionDenied: the caller is not a coordinator.
        ConflictError: the data changed since the plan was made.
        WriteNotSavedError: the write was rolled back; the data is as before.
    """
    return apply_plan(con, caller, plan, backup=True)


# ---------------------------------------------------------------- template


def template_xlsx() -> bytes:
    """An .xlsx with one sheet per importable table, header row = French labels.

    Returns:
        The workbook's bytes (made in memory with openpyxl).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    wb.remove(wb.active)
    for name in IMPORTABLE:
        t = TABLES[name]
        ws = wb.create_sheet(t.label[:31])
        ws.append([header_label(t, c) for c in t.cols])
        for i, col in enumerate(t.cols, start=1):
            cell = ws.cell(row=1, column=i)
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor="0B4F8A" if col.name in t.key or col.required else "5B7A99")
            letter = _col_letter(i - 1)
            ws.column_dimensions[letter].width = max(12, min(40, len(cell.value) + 4))
            fmt = {"date": "DD/MM/YYYY", "str": "@", "text": "@", "id": "@"}.get(col.type)
            if fmt:
                for row in range(2, 502):
                    ws.cell(row=row, column=i).number_format = fmt
        ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- screens


def table_frame(con: duckdb.DuckDBPyConnection, table: str, limit: int = 2000):
    """The importable columns of a table, ordered by key, for the on-screen editor.

    Args:
        con: any connection or cursor.
        table: one of IMPORTABLE.
        limit: rows at most.
    Returns:
        A DataFrame whose columns are the table's column names.
    """
    if table not in IMPORTABLE:
        raise ValueError(table)
    t = TABLES[table]
    return con.execute(
        f"SELECT {', '.join(t.col_names)} FROM {table} ORDER BY {', '.join(t.key)} LIMIT ?", [int(limit)]
    ).df()


def reference_labels(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """id -> French label of the rows of a reference table (instances, structures) for pickers."""
    sql = {
        "instance": "SELECT instance_id, name FROM instance ORDER BY position NULLS LAST, name",
        "structure": "SELECT structure_id, coalesce(acronym || ' – ' || name, name) FROM structure ORDER BY 2",
    }[table]
    return dict(con.execute(sql).fetchall())
