"""French formatting of numbers and dates for labels, tables and charts."""

from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd

MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]
MISSING = "non renseigné"


def is_missing(value) -> bool:
    """True for None, NaN and NaT."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def number(value, decimals: int = 0, missing: str = MISSING) -> str:
    """1234.5 -> '1 234,5' (narrow no-break space between thousands)."""
    if is_missing(value):
        return missing
    value = float(value)
    if decimals == 0 or float(value).is_integer():
        text = f"{round(value):,}".replace(",", "\u202f")
    else:
        text = f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")
    return text


def percent(value, decimals: int = 0) -> str:
    """0.256 -> '26 %'."""
    if is_missing(value) or (isinstance(value, float) and math.isinf(value)):
        return MISSING
    return number(value * 100, decimals) + "\u00a0%"


def euros(value) -> str:
    """5000 -> '5 000 €'."""
    return MISSING if is_missing(value) else number(value) + "\u00a0€"


def date(value, precision: str | None = "jour", missing: str = MISSING) -> str:
    """A date as 18/11/2021, 'novembre 2021' (month precision) or '2021' (year precision)."""
    if is_missing(value):
        return missing
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if isinstance(value, pd.Timestamp):
        value = value.date()
    if precision == "mois":
        return f"{MONTHS[value.month - 1]} {value.year}"
    if precision == "année":
        return str(value.year)
    return value.strftime("%d/%m/%Y")


def text(value, missing: str = MISSING) -> str:
    """A text cell, or 'non renseigné'."""
    return missing if is_missing(value) or str(value).strip() == "" else str(value)


_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:&\"'=")


def md(value) -> str:
    """Text from the data, safe inside Streamlit markdown (st.markdown, captions, messages, titles).

    Every ASCII punctuation character that markdown, Streamlit's :shortcodes: or LaTeX could read is
    escaped with a backslash, so an imported « ![x](http://…) » or « :red[…] » shows as typed and
    never becomes an image, a link, a colour or a formula. Missing values give "non renseigné".
    """
    raw = text(value)
    # GitHub-flavoured markdown turns bare "http://", "www." and e-mail addresses into links even when
    # escaped: a zero-width space keeps the text as read while breaking the link.
    raw = re.sub(r"(?i)\b(https?|ftp|www)(?=[:.])", "\\1\u200b", raw).replace("@", "@\u200b")
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in raw).replace("\n", " ")
