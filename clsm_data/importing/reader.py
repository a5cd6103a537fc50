"""File to rows: sniff the content, decode text, open workbooks (.xlsx, .ods), safety checks. Knows no database.

Rules (the French messages say the same to the user):
- The content decides, not the extension: an .xlsx is a zip holding [Content_Types].xml and
  xl/workbook.xml; an .ods a zip whose `mimetype` names an OpenDocument spreadsheet; .xls,
  encrypted workbooks (OLE2) and zip bombs are refused.
- A CSV is text in UTF-8 (with or without BOM) or Windows-1252, decided per file with evidence: a file
  holding valid UTF-8 sequences and also bytes UTF-8 cannot read is refused, naming the lines (it
  would otherwise be garbled silently).
- One size limit for the page and the command line: MAX_BYTES (10 Mo, the uploader's own limit).
"""

from __future__ import annotations

import csv
import html
import io
import math
import re
import zipfile
from dataclasses import dataclass, field

from clsm_data.core.errors import CellProblem, DataFileError
from clsm_data.importing.problems import Issue

MAX_UPLOAD_MB = 10  # .streamlit/config.toml server.maxUploadSize must say the same (a test checks)
MAX_BYTES = MAX_UPLOAD_MB * 1000 * 1000  # Streamlit's uploader counts 1 Mo = 1 000 000 octets
MAX_UNZIPPED = 50 * 1024 * 1024
MAX_RATIO = 100
MAX_ENTRIES = 2000
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
SIZE_TEXT = f"{MAX_UPLOAD_MB} Mo au plus"
EMPTY_HINT = "Le fichier doit contenir une ligne d'en-tête puis au moins une ligne de données."


@dataclass
class Grid:
    """One sheet (or the CSV) as rows of cells; row i is line i + 1 of the file."""

    sheet: str | None
    rows: list[list[object]]
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    hidden: bool = False
    separators: tuple[str, ...] = ()  # CSV only: the separator this grid was read with
    parse_errors: tuple[str, ...] = ()  # CSV only: why other separators failed (unterminated quote…)
    spilled: tuple[int, ...] = ()  # CSV only: lines whose unquoted commas inside a text were put back in it
    accents: int = 0  # CSV only: accents garbled by a wrong encoding (« RÃ©sidence ») put back
    error_line: int | None = None  # CSV only: the line where the first of those failures starts
    above: str = ""  # words read above the header but no longer in its rows (a two-line header's upper label)
    indents: dict = field(default_factory=dict)  # .xlsx only: (row, col) -> the cell's indentation (Format > Retrait)
    links: dict = field(default_factory=dict)  # .xlsx only: (row, col) -> the address a cell's hyperlink points to
    fills: dict = field(default_factory=dict)  # .xlsx only: (row, col) -> the cell's background colour (« C6EFCE »)
    hidden_cols: frozenset = frozenset()  # .xlsx only: 0-based indexes of the columns the writer hid
    struck: frozenset = frozenset()  # .xlsx only: (row, col) of the cells whose text is struck through


def refuse(
    file: str,
    message: str,
    *,
    sheet: str | None = None,
    line: int | None = None,
    column: str | None = None,
    hint: str = "",
) -> DataFileError:
    """A refusal of the whole file with one problem."""
    return DataFileError([CellProblem(file, line, column, message, sheet)], hint)


def too_big(filename: str, size: int) -> DataFileError:
    """The one French message for a file over the limit (page and command line)."""
    return refuse(
        filename,
        f"fichier trop volumineux ({size / 1_000_000:.1f} Mo ; {SIZE_TEXT})".replace(".", ","),
        hint="Gardez seulement les feuilles à importer, ou coupez le fichier en plusieurs.",
    )


def sniff(data: bytes, filename: str) -> str:
    """The kind of a file by its content: "xlsx", "ods" or "csv".

    Raises:
        DataFileError: empty, too big, .xls or encrypted, zip bomb, not a workbook, binary.
    """
    if not data.strip():
        raise refuse(filename, "fichier vide : aucune ligne à importer", hint=EMPTY_HINT)
    if len(data) > MAX_BYTES:
        raise too_big(filename, len(data))
    if data.startswith(OLE2_MAGIC):
        raise refuse(
            filename,
            "classeur Excel ancien format (.xls) ou protégé par un mot de passe : ce format n'est pas lu",
            hint="Ouvrez-le dans le tableur, retirez le mot de passe s'il y en a un et enregistrez-le au format "
            "« Classeur Excel (.xlsx) » ou « Classeur OpenDocument (.ods) », puis réimportez.",
        )
    if data.startswith(b"PK\x03\x04"):
        return _check_zip(data, filename)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "csv"  # Excel's « Texte Unicode »: UTF-16 with its byte-order mark, read by decode()
    if b"\x00" in data[:8192]:
        raise refuse(
            filename,
            "fichier binaire : ni un classeur .xlsx ou .ods ni un texte CSV",
            hint="Enregistrez le tableau au format .xlsx, .ods ou « CSV UTF-8 (délimité par des points-virgules) ».",
        )
    return "csv"


def _check_zip(data: bytes, filename: str) -> str:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise refuse(filename, "archive abîmée : le classeur ne peut pas être ouvert") from None
    names = {i.filename for i in infos}
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if len(infos) > MAX_ENTRIES or total > MAX_UNZIPPED or total / packed > MAX_RATIO:
        raise refuse(
            filename,
            f"classeur suspect : {total // 1024 // 1024} Mo une fois décompressé pour {len(data) // 1024} Ko "
            f"(au plus {MAX_UNZIPPED // 1024 // 1024} Mo et un taux de {MAX_RATIO})",
            hint="Enregistrez un classeur ne contenant que les tableaux à importer.",
        )
    if "mimetype" in names and zf.read("mimetype")[:100].strip() == ODS_MIME:
        if "content.xml" not in names:
            raise refuse(filename, "classeur OpenDocument incomplet (content.xml absent)")
        return "ods"
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise refuse(
            filename,
            "ce fichier zip n'est pas un classeur Excel (.xlsx) ni OpenDocument (.ods)",
            hint="Enregistrez le tableau au format .xlsx ou .ods, puis réimportez.",
        )
    return "xlsx"


# ---------------------------------------------------------------- text


_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode(data: bytes, filename: str) -> str:
    """Text of a CSV: UTF-8 (BOM or not) or Windows-1252, decided with evidence for the whole file.

    Raises:
        DataFileError: a UTF-8 file with bytes UTF-8 cannot read (lines named), or neither encoding.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")  # Excel's « Texte Unicode » (tab-separated), whatever its name says
        except UnicodeDecodeError:
            raise refuse(filename, "texte Unicode (UTF-16) illisible : des octets ne forment pas de caractères",
                         hint="Enregistrez le tableau au format .xlsx ou « CSV UTF-8 ».") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        bom = True
    else:
        bom = False
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    bad_lines = _bad_utf8_lines(data)
    if bom or _UTF8_MULTI.search(data):
        # Evidence of UTF-8 (a BOM, or accents written the UTF-8 way) and bytes it cannot read:
        # reading it as Windows-1252 would garble every accent; reading it as UTF-8 would lose these bytes.
        shown = ", ".join(str(n) for n in bad_lines[:10]) + (" …" if len(bad_lines) > 10 else "")
        raise DataFileError(
            [CellProblem(filename, n, None, "caractère illisible : le fichier est en UTF-8 mais cette ligne contient "
                         "un octet d'un autre encodage (Windows-1252 ?)") for n in bad_lines[:50]],
            f"Le fichier mélange deux encodages (lignes {shown}). Retapez les caractères accentués de ces lignes "
            "dans le tableur, puis enregistrez au format « CSV UTF-8 ».",
        )
    texts = []
    for encoding in ("cp1252", "mac_roman"):  # « CSV (Macintosh) » of Excel for Mac: Mac Roman, lines ended by CR
        try:
            texts.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if not texts:
        raise refuse(
            filename,
            "encodage du texte non reconnu (ni UTF-8, ni Windows-1252, ni Mac)",
            hint="Enregistrez-le au format « CSV UTF-8 ».",
        )
    return max(texts, key=_french_letters)  # the reading whose accents are French letters, not « Ž » or « ‡ »


_MOJIBAKE = re.compile("(?:[\u00c2-\u00c3\u00c5][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                       "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
                       "|\u00e2\u20ac[\u0080-\u00bf\u2018-\u201e\u2013\u2014\u2022\u2026\u2122\u0153\u02dc\u0161\u017e])+")


def _mojibake_undone(text: str) -> str:
    """UTF-8 read once as Windows-1252 and saved again (« RÃ©sidence », « â€“ »): each such run of characters put back
    as the accent it was; a text without such runs is returned as it is."""
    if len(_MOJIBAKE.findall(text)) < 2:
        return text

    def fixed(m: re.Match) -> str:
        try:
            return m.group(0).encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return m.group(0)
    return _MOJIBAKE.sub(fixed, text)


_FRENCH = set("éèêëàâäçîïôöùûüÉÈÊÀÂÇÎÏÔÙÛ«»’œŒ°€")
_GARBLED = set("ŽŠƒ„†‡ˆ‰‹›šžŸ¡¢£¤¥¦§¨©ª¬®¯±²³´µ¶·¸¹º¼½¾¿ÃÅÆÐÑÒÓÕ×ØÝÞßãåæðñòóõ÷øýþÿ∞≠≤≥∂∑∏π∫Ωƒ√≈∆◊ı˜¯˘˙˚¸˝˛ˇ")


def _french_letters(text: str) -> int:
    """How French a decoded text reads: its accented letters and quotes, less the signs a wrong encoding makes."""
    return sum(1 for c in text if c in _FRENCH) - 3 * sum(1 for c in text if c in _GARBLED)


def _bad_utf8_lines(data: bytes) -> list[int]:
    out = []
    for n, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            out.append(n)
    return out


def csv_grids(data: bytes, filename: str) -> list[Grid]:
    """One grid per separator that parses (`;`, `,`, tab); the caller keeps the one whose header fits best.

    Raises:
        DataFileError: bad encoding; no separator parses (a stray quote: its line is named).
    """
    text = decode(data, filename)
    accents = len(_MOJIBAKE.findall(text))
    text = _mojibake_undone(text)
    accents = accents if accents >= 2 else 0
    if _ENTITY.search(text):  # « L&#039;Albatros » from a website: read as written, before its « ; » splits a field
        text = re.sub(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);", _unescaped, text)
    grids, errors, lines = [], [], []
    for sep in (";", ",", "\t", *(("|",) if "|" in text else ())):  # « | »: some tools' exports
        rows, error, line = _parse_csv(text, sep)
        if error:
            errors.append(error)
            lines.append(line)
            continue
        spilled: list[int] = []
        if sep == "," and '"' not in text:
            rows = _commas_put_back(rows, spilled)
        grids.append(Grid(None, rows, separators=(sep,), spilled=tuple(spilled), accents=accents))
    if not grids:
        line = min((n for n in lines if n), default=None)
        raise refuse(filename, errors[lines.index(line)] if line in lines else errors[0], line=line,
                     hint="Vérifiez les guillemets de cette ligne (un guillemet ouvert doit être refermé, ou retirez-le), "
                     "ou enregistrez le tableau au format .xlsx.")
    for g in grids:
        g.parse_errors = tuple(errors)
        g.error_line = next((n for n in lines if n), None)
    return grids


def _parse_csv(text: str, sep: str) -> tuple[list[list[str]], str | None, int | None]:
    """(rows, None, None), or ([], why, line where the bad record starts) for a stray quote.

    A quote opened and never closed makes the rest of the file one cell (an error at the end); a quote
    closed far below swallows whole lines into one cell: both are refused, naming the line of the quote.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    rows: list[list[str]] = []
    done = 0  # last physical line of the last record read
    try:
        for row in reader:
            start = done + 1
            width = max(1, len(rows[0]) - 1) if rows else 1
            for cell in row:
                inner = cell.split("\n")
                # a line inside one cell that holds a whole row's separators: a row swallowed by a stray quote
                if len(inner) > 1 and any(part.count(sep) >= width for part in inner[1:]):
                    return [], (f"CSV illisible : la cellule qui commence ligne {start} par « {_cut(inner[0])} » "
                                "avale les lignes suivantes (guillemet mal placé)"), start
            rows.append(row)
            done = reader.line_num
    except csv.Error as exc:
        start = done + 1
        if "end of data" in str(exc) or "EOF" in str(exc):
            return [], f"CSV illisible : un guillemet ouvert ligne {start} n'est jamais refermé", start
        if reader.line_num > start:  # the quoted cell opened on an earlier line and ran on
            return [], (f"CSV illisible : un guillemet ouvert ligne {start} court jusqu'à la ligne {reader.line_num} "
                        "(guillemet mal placé)"), start
        return [], f"CSV illisible : guillemet mal placé ligne {start} ({exc})", start
    return rows, None, None


_NUMBERISH = re.compile(r"^\s*(?:env\.?|environ|~|≈)?\s*\d[\d\s.,]*\s*(?:€|%)?\s*$", re.IGNORECASE)
_DATEISH = re.compile(r"^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*$")


def _kind(text: str) -> str:
    return "" if not text.strip() else "date" if _DATEISH.match(text) else "number" if _NUMBERISH.match(text) else "text"


def _commas_put_back(rows: list[list[str]], spilled: list[int]) -> list[list[str]]:
    """A CSV typed without quotes (« Sensibilisation des bénévoles, accueil et écoute »): a line with more fields than
    its header read from both ends, its extra commas put back inside the texts they split. Each way of grouping the
    fields is scored: each column's kind (date, number, text) as on the lines of the right length, and a comma
    followed by a space being inside a text, one without a separator. Only a way that wins clearly is taken (its
    line noted in `spilled`); any other line is left as it is (refused where it is read)."""
    from itertools import combinations

    head = next((k for k, r in enumerate(rows) if sum(1 for c in r if c.strip()) >= 3), None)
    if head is None:
        return rows
    width = len(rows[head])
    while width and not rows[head][width - 1].strip():
        width -= 1
    good = [r for r in rows[head + 1:] if len(r) == width]
    long = [k for k in range(head + 1, len(rows)) if len(rows[k]) > width and len(rows[k]) - width <= 4]
    if not long or len(good) < 2 or len(long) > 500 or math.comb(width + 3, 4) > 20000:
        return rows  # a line far too long, or too many of them: left as they are (a few ways each, never thousands)
    kinds = []
    for j in range(width):
        seen = [_kind(r[j]) for r in good if r[j].strip()]
        kinds.append(max(set(seen), key=seen.count) if seen else "")
    texty = {j for j in range(width) if kinds[j] in ("text", "")}
    out = list(rows)
    for k in long:
        fields = rows[k]
        n = len(fields)
        ranked = []
        for cuts in combinations(range(1, n), width - 1):
            bounds = [0, *cuts, n]
            groups = [fields[bounds[j]:bounds[j + 1]] for j in range(width)]
            if any(len(g) > 1 and j not in texty for j, g in enumerate(groups)):
                continue
            score = 0
            for j, g in enumerate(groups):
                joined = ",".join(g)
                score += 1 if _kind(joined) in (kinds[j], "") or not kinds[j] else -2
                score -= sum(1 for part in g[1:] if not part.startswith(" "))  # « ,RESAM »: a separator
            score -= sum(2 for b in cuts if fields[b].startswith(" "))  # «, accueil »: inside a text
            ranked.append((score, groups))
        ranked.sort(key=lambda t: -t[0])
        if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]) and ranked[0][0] >= width - 1:
            out[k] = [",".join(g) for g in ranked[0][1]]
            spilled.append(k + 1)
    return out


def _cut(text: str, limit: int = 30) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- workbooks


def workbook_grids(data: bytes, filename: str, kind: str, problems: list | None = None) -> list[Grid]:
    """Every sheet of an .xlsx or .ods (python-calamine reads both), with merged cells and visibility.

    Args:
        problems: where to add formulas whose result the file does not hold (raised at once if None).
    Raises:
        DataFileError: unreadable or protected; a formula without its result when `problems` is None.
    """
    import python_calamine as pc

    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # calamine raises its own error types for broken or protected files
        raise refuse(filename, "classeur illisible ou protégé : il ne peut pas être ouvert") from None
    formulas: list = []
    if kind == "xlsx":
        _check_formulas(data, filename, formulas)
    visible = {m.name: str(m.visible).endswith("Visible") for m in wb.sheets_metadata}
    grids = []
    for name in wb.sheet_names:
        sheet = wb.get_sheet_by_name(name)
        rows = sheet.to_python(skip_empty_area=False)
        grids.append(Grid(name, rows, list(sheet.merged_cell_ranges or []), hidden=not visible.get(name, True)))
    if kind == "xlsx":
        for grid, (indents, links, fills, hidden, struck) in zip(grids, _cell_extras(data, [g.sheet for g in grids]),
                                                                 strict=True):
            grid.indents, grid.links, grid.fills, grid.hidden_cols, grid.struck = indents, links, fills, hidden, struck
    # A formula without its result is a problem only where its cell is read: a TOTAL line's or a Total column's
    # sums, a summary sheet of formulas, are never imported. Each such cell holds an Uncomputed mark, which the
    # planner refuses where it reads one (named with its line and column, as before).
    by_sheet = {g.sheet: g for g in grids}
    for p in formulas:
        grid = by_sheet.get(p.sheet)
        if grid is None or p.line is None or p.col_index is None or _total_line(grids, p.sheet, p.line):
            continue
        while len(grid.rows) < p.line:
            grid.rows.append([])
        row = grid.rows[p.line - 1]
        row.extend([None] * (p.col_index + 1 - len(row)))
        row[p.col_index] = Uncomputed("=…")
    return grids


class Uncomputed(str):
    """A formula cell whose result the file does not hold (saved by a program that computes nothing)."""

    MESSAGE = "formule sans valeur calculée : le résultat n'est pas enregistré dans le fichier"
    EXPECTED = "une valeur, ou une formule enregistrée par un tableur (ouvrez et enregistrez le fichier)"


def _total_line(grids: list[Grid], sheet: str | None, line: int | None) -> bool:
    """Is this line of this sheet a total (« TOTAL », « Total général », « Sous-total ») by its first word?"""
    grid = next((g for g in grids if g.sheet == sheet), None)
    if grid is None or line is None or not 0 < line <= len(grid.rows):
        return False
    first = next((c for c in grid.rows[line - 1] if isinstance(c, str) and c.strip()), "")
    return bool(re.match(r"^\s*(sous[\s-]?)?tota(l|ux)\b", first, re.IGNORECASE))


_CELL = re.compile(rb"<c\b([^>]*)>(.*?)</c>", re.S)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_VALUE = re.compile(rb"<v>\s*[^<\s][^<]*</v>")


def _check_formulas(data: bytes, filename: str, found: list) -> None:
    """Refuse a formula whose result the file does not hold (saved by a program that computes nothing)."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    problems = []
    for path, sheet in _sheet_files(zf).items():
        xml = zf.read(path)
        if b"<f" not in xml:
            continue
        for attrs, body in _CELL.findall(xml):
            if b"<f" in body and not _VALUE.search(body):
                ref = _REF.search(attrs)
                col, line = (ref.group(1).decode(), int(ref.group(2))) if ref else (None, None)
                problems.append(Issue(
                    filename, line, col,
                    "formule sans valeur calculée : le résultat n'est pas enregistré dans le fichier", sheet,
                    expected="une valeur, ou une formule enregistrée par un tableur (ouvrez et enregistrez le fichier)",
                    col_index=_col_index(col) if col else None))
    found.extend(problems)


_STYLE_REF = re.compile(rb'<c\b[^>]*\br="([A-Z]+)(\d+)"[^>]*\bs="(\d+)"|<c\b[^>]*\bs="(\d+)"[^>]*\br="([A-Z]+)(\d+)"')
_HYPERLINK = re.compile(rb"<hyperlink\b[^>]*>")


def _cell_extras(data: bytes, sheets: list[str]) -> list[tuple[dict, dict, dict, frozenset]]:
    """For each sheet (by name, in order): the indentation of its indented cells, the targets of its hyperlinks,
    the cells' background colours and the hidden columns,
    read from the .xlsx's XML (calamine gives neither): a directory's services indented under their establishment,
    a « site » cell linking to the address. Empty when the file's parts cannot be read."""
    empty = [({}, {}, {}, frozenset(), frozenset()) for _ in sheets]
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        styles = zf.read("xl/styles.xml").decode("utf-8", "replace") if "xl/styles.xml" in zf.namelist() else ""
    except (zipfile.BadZipFile, KeyError):
        return empty
    xfs = re.search(r"<cellXfs\b[^>]*>(.*?)</cellXfs>", styles, re.S)
    fills_xml = re.search(r"<fills\b[^>]*>(.*?)</fills>", styles, re.S)
    colours = []  # fillId -> the solid background's colour, None for no fill
    for fill in re.findall(r"<fill\b.*?</fill>|<fill\s*/>", fills_xml.group(1), re.S) if fills_xml else []:
        solid = re.search(r'patternType="solid"', fill)
        rgb = re.search(r'<fgColor\b[^>]*\brgb="([0-9A-Fa-f]{6,8})"', fill)
        colours.append(rgb.group(1)[-6:].upper() if solid and rgb else None)
    fonts_xml = re.search(r"<fonts\b[^>]*>(.*?)</fonts>", styles, re.S)
    strikes = [bool(re.search(r'<strike\s*/>|<strike\s+val="(?:1|true)"', font))
               for font in (re.findall(r"<font\b.*?</font>|<font\s*/>", fonts_xml.group(1), re.S) if fonts_xml else [])]
    indent_of, fill_of, strike_of = {}, {}, set()
    for n, xf in enumerate(re.findall(r"<xf\b.*?(?:/>|</xf>)", xfs.group(1), re.S) if xfs else []):
        if (m := re.search(r'fontId="(\d+)"', xf)) and int(m.group(1)) < len(strikes) and strikes[int(m.group(1))]:
            strike_of.add(str(n))
        if m := re.search(r'indent="(\d+)"', xf):
            indent_of[str(n)] = int(m.group(1))
        if (m := re.search(r'fillId="(\d+)"', xf)) and int(m.group(1)) < len(colours) and colours[int(m.group(1))] \
                and colours[int(m.group(1))] not in ("FFFFFF", "000000"):
            fill_of[str(n)] = colours[int(m.group(1))]
    by_name = {name: path for path, name in _sheet_files(zf).items()}
    out = []
    for sheet in sheets:
        path = by_name.get(sheet)
        if path is None:
            out.append(({}, {}, {}, frozenset(), frozenset()))
            continue
        xml = zf.read(path)
        indents, fills, struck = {}, {}, set()
        if indent_of or fill_of or strike_of:
            for m in _STYLE_REF.finditer(xml):
                col, line, style = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(6),
                                                                                          m.group(4))
                at = (int(line) - 1, _col_index(col.decode()))
                if level := indent_of.get(style.decode()):
                    indents[at] = level
                if colour := fill_of.get(style.decode()):
                    fills[at] = colour
                if style.decode() in strike_of:
                    struck.add(at)
        links = {}
        if b"<hyperlink" in xml:
            rels_path = path.rsplit("/", 1)[0] + "/_rels/" + path.rsplit("/", 1)[1] + ".rels"
            rels = zf.read(rels_path).decode("utf-8", "replace") if rels_path in zf.namelist() else ""
            targets = {m.group(1): _xml_unescape(m.group(2)) for m in re.finditer(
                r'<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"', rels)}
            targets.update({m.group(2): _xml_unescape(m.group(1)) for m in re.finditer(
                r'<Relationship\b[^>]*\bTarget="([^"]+)"[^>]*\bId="([^"]+)"', rels)})
            for tag in _HYPERLINK.findall(xml):
                ref = re.search(rb'ref="([A-Z]+)(\d+)"', tag)
                rid = re.search(rb'r:id="([^"]+)"', tag)
                if ref and rid and rid.group(1).decode() in targets:
                    links[(int(ref.group(2)) - 1, _col_index(ref.group(1).decode()))] = targets[rid.group(1).decode()]
        hidden = set()
        for tag in re.findall(rb"<col\b[^>]*>", xml):
            if re.search(rb'\bhidden="(?:1|true)"', tag) and (lo := re.search(rb'\bmin="(\d+)"', tag)) \
                    and (hi := re.search(rb'\bmax="(\d+)"', tag)) and int(hi.group(1)) - int(lo.group(1)) < 200:
                hidden.update(range(int(lo.group(1)) - 1, int(hi.group(1))))
        out.append((indents, links, fills, frozenset(hidden), frozenset(struck)))
    return out


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


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


def read_grids(data: bytes, filename: str, problems: list | None = None) -> tuple[str, list[Grid]]:
    """(kind, grids) of a file: every sheet of a workbook, or the CSV parsed with each separator that works.

    Args:
        problems: where cell-level problems found while reading go (formulas without result), to be
            listed with the others; None raises them at once.

    Raises:
        DataFileError: the file itself is refused (see sniff, decode, workbook_grids).
    """
    kind = sniff(data, filename)
    grids = csv_grids(data, filename) if kind == "csv" else workbook_grids(data, filename, kind, problems)
    for grid in grids:  # « GEM L&#039;Albatros », « Soins &amp; prévention »: a website's export, as people read it
        for row in grid.rows:
            for i, cell in enumerate(row):
                if isinstance(cell, str) and "&" in cell and _ENTITY.search(cell):
                    row[i] = cell = html.unescape(cell)
                if isinstance(cell, str) and _BOX.search(cell):
                    row[i] = ticked(cell)
    return kind, grids


_CHECKED, _UNCHECKED = "☒☑✅■", "☐□"
_BOX = re.compile(f"[{_CHECKED}{_UNCHECKED}]")


def ticked(text: str) -> str | None:
    """A form's boxes (« ☐ Phase de conception ☒ Phase de mise en œuvre »): the ticked options, joined by « ; »
    (None when none is ticked); a text whose boxes are all of one kind is a list, kept as it is."""
    parts = re.split(f"([{_CHECKED}{_UNCHECKED}])", text)
    marks = parts[1::2]
    if not any(m in _CHECKED for m in marks) or not any(m in _UNCHECKED for m in marks):
        return text if any(m in _CHECKED for m in marks) or parts[0].strip() else None
    chosen = [" ".join(item.split()).strip(" ,;/") for mark, item in zip(marks, parts[2::2], strict=True)
              if mark in _CHECKED]
    head = parts[0].strip(" :")
    return (f"{head} : " if head else "") + " ; ".join(c for c in chosen if c)


_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def _unescaped(m: re.Match) -> str:
    """One HTML entity of a CSV's text, read; a separator or a quote stays written (« &quot; » would open a field)."""
    char = html.unescape(m.group(0))
    return m.group(0) if char in (";", ",", '"', "\t", "\n", "\r") else char


def filled(cell: object) -> bool:
    """A cell holding something (not None, not blank text, not NaN)."""
    if cell is None:
        return False
    if isinstance(cell, str):
        return cell.strip() != ""
    return not (isinstance(cell, float) and cell != cell)


def col_letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index: 0 -> A, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out
