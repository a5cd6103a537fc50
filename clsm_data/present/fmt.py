"""French formatting of numbers, dates, plurals and missing values: one module for pages, slides, deck, bilan and exports.

No Streamlit here: components/fmt.py re-exports it for the pages. Numbers are written « 1 234 » (narrow
no-break space between thousands, decimal comma), dates « 18/11/2021 » (or at the precision the
documents give), a missing value « non renseigné ».
"""

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
NNBSP = "\u202f"  # narrow no-break space: thousands, and before ; : ! ? » in French typography
NBSP = "\u00a0"  # no-break space: before % and €
DAY = "%d/%m/%Y"


def is_missing(value) -> bool:
    """True for None, NaN and NaT."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def number(value, decimals: int = 0, missing: str = MISSING) -> str:
    """1234.5 -> '1 234,5' with decimals=1, '1 235' with decimals=0 (narrow no-break space between thousands)."""
    if is_missing(value):
        return missing
    value = float(value)
    if decimals == 0 or float(value).is_integer():
        return f"{round(value):,}".replace(",", NNBSP)
    return f"{value:,.{decimals}f}".replace(",", NNBSP).replace(".", ",")


def num(value, missing: str = MISSING) -> str:
    """1234 -> '1 234', 2.5 -> '2,5' (one decimal kept); None/NaN -> 'non renseigné'."""
    return number(value, 1, missing)


def plural(n, word: str, words: str | None = None) -> str:
    """« 1 action », « 2 actions » (number written the French way; under 2 is singular)."""
    return f"{num(n)} {word if n is not None and abs(float(n)) < 2 else (words or word + 's')}"


def percent(value, decimals: int = 0) -> str:
    """0.256 -> '26 %'."""
    if is_missing(value) or (isinstance(value, float) and math.isinf(value)):
        return MISSING
    return number(value * 100, decimals) + NBSP + "%"


def euros(value) -> str:
    """5000 -> '5 000 €'."""
    return MISSING if is_missing(value) else number(value) + NBSP + "€"


def date(value, precision: str | None = "jour", missing: str = MISSING) -> str:
    """A date as 18/11/2021, 'novembre 2021' (month precision), '1er semestre 2021' or '2021' (year precision)."""
    if is_missing(value):
        return missing
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    elif isinstance(value, pd.Timestamp) or not isinstance(value, dt.date):  # numpy datetimes too
        value = pd.Timestamp(value).date()
    if precision == "mois":
        return f"{MONTHS[value.month - 1]} {value.year}"
    if precision == "année":
        return str(value.year)
    if precision == "semestre":
        return f"{'1er' if value.month <= 6 else '2e'} semestre {value.year}"
    return value.strftime(DAY)


def day(value) -> str:
    """A date as 18/11/2021; « non renseignée » when missing (une date)."""
    return date(value, missing="non renseignée")


def moment(value) -> str:
    """A date and time as « 18/11/2021 14:05 » (the day alone at midnight)."""
    v = pd.Timestamp(value)
    return v.strftime(DAY) if (v.hour, v.minute, v.second) == (0, 0, 0) else v.strftime(DAY + " %H:%M")


def long_date(value) -> str:
    """A date as « 18 novembre 2021 » (« 1er » for the first of a month)."""
    v = pd.Timestamp(value)
    d = "1er" if v.day == 1 else str(v.day)
    return f"{d} {MONTHS[v.month - 1]} {v.year}"


def stamp(at: dt.datetime) -> str:
    """« données au 18/11/2021 14:05 »."""
    return f"données au {at.strftime(DAY + ' %H:%M')}"


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
