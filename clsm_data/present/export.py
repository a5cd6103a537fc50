"""Exports: tables as CSV for French Excel and as .xlsx, charts as PNG and SVG, all rendered offline.

- CSV: UTF-8 with a BOM (Excel then reads the accents right), `;` between cells, decimal comma,
  dates as dd/mm/yyyy.
- No export carries a live formula: a text cell starting with = + - @ (or a tab / carriage return)
  is prefixed with an apostrophe, as OWASP advises against CSV injection; in .xlsx every text cell
  is stored as text.
- File names say what and when: `clsm-participation-2021.csv`, or the export day when no period is set.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata

import pandas as pd

from clsm_data.present import fmt
from clsm_data.read.filters import Filters, file_part
from clsm_data.read.privacy import mask_counts

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A text cell that a spreadsheet could read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _cell_csv(value: object) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and pd.isna(value):
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return fmt.moment(value)
    if isinstance(value, dt.date):
        return fmt.date(value)
    if isinstance(value, float):
        return (str(int(value)) if value.is_integer() else repr(value)).replace(".", ",")
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "item"):  # numpy scalars
        return _cell_csv(value.item())
    return str(neutralise(str(value)))


def masked_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The frame as a masked view shows it: counts of 1-10 service users and carers as « < 11 »."""
    if {"role_category", "count"} <= set(df.columns):
        out = mask_counts(df)
        out["count"] = out["shown"]
        return out.drop(columns=["shown", "masked"])
    return df


def to_csv(df: pd.DataFrame) -> bytes:
    """CSV that opens right in French Excel: UTF-8 with BOM, `;`, decimal comma, dd/mm/yyyy.

    Args:
        df: the table as shown (already masked where the view is masked).
    Returns:
        The file's bytes.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([str(neutralise(str(c))) for c in df.columns])
    for row in df.itertuples(index=False, name=None):
        writer.writerow([_cell_csv(v) for v in row])
    return "\ufeff".encode() + buf.getvalue().encode("utf-8")


def _cell_xlsx(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()
    return value


def to_xlsx(df: pd.DataFrame, sheet: str = "Données", about: dict[str, str] | None = None) -> bytes:
    """An .xlsx of the table (text cells stored as text, never as formulas) and an « À propos » sheet.

    Args:
        df: the table as shown.
        sheet: the data sheet's name (31 characters at most).
        about: lines for the second sheet (filters in words, data date, masking, source).
    Returns:
        The file's bytes.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = re.sub(r"[\[\]:*?/\\]", " ", sheet)[:31] or "Données"
    ws.append([str(c) for c in df.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in df.itertuples(index=False, name=None):
        ws.append([_cell_xlsx(v) for v in row])
    for column in ws.iter_cols():
        for cell in column:
            if isinstance(cell.value, str):
                cell.value = neutralise(cell.value)
                cell.data_type = "s"  # openpyxl would store a text starting with "=" as a formula
            elif isinstance(cell.value, dt.datetime):
                cell.number_format = "DD/MM/YYYY" if cell.value.time() == dt.time() else "DD/MM/YYYY HH:MM"
            elif isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
        width = max([len(str(c.value or "")) for c in column] + [8])
        ws.column_dimensions[column[0].column_letter].width = min(60, width + 2)
    if about:
        info = wb.create_sheet("À propos")
        for key, text in about.items():
            info.append([key, neutralise(str(text))])
            for cell in info[info.max_row]:
                cell.data_type = "s"
        info.column_dimensions["A"].width = 24
        info.column_dimensions["B"].width = 90
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def slug(text: str) -> str:
    """'Participation (réunions)' -> 'participation-reunions'."""
    t = unicodedata.normalize("NFKD", text.replace("œ", "oe")).encode("ascii", "ignore").decode().lower()
    return "-".join(p for p in re.split(r"[^a-z0-9]+", t) if p)[:60] or "export"


def file_name(name: str, f: Filters | None, ext: str, today: dt.date | None = None) -> str:
    """`clsm-participation-2021.csv` (the period's years), else `clsm-participation-au-2026-11-30.csv`."""
    return f"clsm-{slug(name)}-{file_part(f, today)}.{ext}"  # the filters' fragment: their entries say it


def about(filters_text: str, masked: bool, moment: dt.datetime | None = None, source: str = "") -> dict[str, str]:
    """The lines of the « À propos » sheet."""
    lines = {
        "Filtres": filters_text or "Sans filtre (toutes les données)",
        "Données au": (moment or dt.datetime.now()).strftime(fmt.DAY + " %H:%M"),
        "Effectifs": ("Les effectifs de 1 à 10 usagers ou aidants sont masqués (« < 11 »)." if masked
                      else "Effectifs complets (vue de la coordination)."),
    }
    if source:
        lines["Source"] = source
    return lines


def chart_png(chart, scale: float = 2.0) -> bytes:
    """An Altair chart as PNG, rendered offline by vl-convert."""
    from clsm_data.present import render

    return render.png(chart.to_json(), scale=scale)


def chart_svg(chart) -> bytes:
    """An Altair chart as SVG, rendered offline by vl-convert."""
    from clsm_data.present import render

    return render.svg(chart.to_json()).encode("utf-8")
