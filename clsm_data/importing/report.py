"""Import problems shown: grouped for reading, printed for the command line, and written back into the
coordinator's own workbook (bad cells highlighted, a comment on each). The problem types themselves live in
problems.py. No database, no Streamlit."""

from __future__ import annotations

import io
from collections import defaultdict

from clsm_data.core.errors import CellProblem, DataFileError
from clsm_data.importing.layout import locate_columns
from clsm_data.importing.reader import read_grids


def grouped(problems: list[CellProblem]) -> dict[tuple[str, str], list[CellProblem]]:
    """Problems by (sheet, column), in the order they were met; '' where a problem has no sheet or column."""
    out: dict[tuple[str, str], list[CellProblem]] = defaultdict(list)
    for p in problems:
        out[(p.sheet or "", p.column or "")].append(p)
    return dict(out)


def rows_for_table(problems: list[CellProblem]) -> list[dict]:
    """One dict per problem for an on-screen table, sorted by sheet, column, line (French headers)."""
    out = []
    for (sheet, column), items in grouped(problems).items():
        for p in items:
            found = getattr(p, "found", None)
            out.append(
                {
                    "Feuille": sheet or "",
                    "Colonne": column or "",
                    "Ligne": p.line,
                    "Trouvé": "" if found is None else str(found),
                    "Problème": p.message,
                    "Accepté": getattr(p, "expected", "") or "",
                }
            )
    return out


def print_lines(exc: DataFileError) -> list[str]:
    """The command line's rendering: a title per sheet and column, then one line per problem."""
    lines = []
    for (sheet, column), items in grouped(exc.problems).items():
        head = []
        if sheet:
            head.append(f"feuille « {sheet} »")
        if column:
            head.append(f"colonne « {column} »")
        if head and len(items) > 1:
            lines.append(", ".join(head).capitalize() + f" : {len(items)} problème(s)")
        for p in items:
            text = "  - " + str(p)
            expected = getattr(p, "expected", "")
            if expected and expected not in p.message:
                text += f" (accepté : {expected})"
            lines.append(text)
    return lines


def annotated_workbook(data: bytes, filename: str, problems: list[CellProblem]) -> bytes | None:
    """The file as an .xlsx with each bad cell filled red and a comment saying what is wrong.

    An .xlsx is annotated in place (its formatting kept); a CSV or .ods is copied cell by cell into a
    new workbook first. Returns None when the file cannot be read back (the problem is then the file).
    """
    from openpyxl import Workbook, load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    try:
        kind, grids = read_grids(data, filename)
    except DataFileError:
        return None
    if kind == "xlsx":
        try:
            wb = load_workbook(io.BytesIO(data))
        except Exception:  # openpyxl cannot open every file calamine reads
            wb = None
    else:
        wb = None
    if wb is None:
        wb = Workbook()
        wb.remove(wb.active)
        grids = grids[:1] if kind == "csv" else grids
        for g in grids:
            ws = wb.create_sheet((g.sheet or "données")[:31])
            for row in g.rows:
                ws.append([c if not isinstance(c, float) or c == c else None for c in row])
    columns = locate_columns(grids)
    fill = PatternFill("solid", fgColor="F4B6B6")
    notes: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    for p in problems:
        sheet_name = p.sheet if p.sheet in wb.sheetnames else wb.sheetnames[0]
        col = getattr(p, "col_index", None)
        if col is None and p.column:
            col = columns.get((p.sheet, p.column))
        if p.line is None:
            continue
        text = p.message
        expected = getattr(p, "expected", "")
        if expected and expected not in text:
            text += f" — accepté : {expected}"
        notes[(sheet_name, p.line, (col or 0) + 1)].append(text)
    for (sheet_name, line, col), texts in notes.items():
        cell = wb[sheet_name].cell(row=line, column=col)
        cell.fill = fill
        comment = Comment("\n".join(texts)[:30000], "Import CLSM")
        comment.width, comment.height = 320, 60 + 40 * len(texts)
        cell.comment = comment
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
