"""One cell read the lenient French way: text that a spreadsheet would not execute, numbers within their
column's range, dates to the day, month or year. Raises CellError with a French message (and what is
accepted); knows no database."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from clsm_data.core.tables import Col
from clsm_data.core.validate import SLUG, CellError, parse_cell
from clsm_data.importing.names import match_choice
from clsm_data.importing.reader import filled
from clsm_data.importing.words import norm

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
_ADDED = re.compile(r"\d{1,4}(?:\s*\+\s*\d{1,4}){1,3}")  # « 18+4 », « 3 + 1 + 2 »: parts of one count  # DuckDB INTEGER, the type of every whole-number column

MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
}
_SPACED_DAY = re.compile(r"^(\d{1,2}) (\d{1,2}) ((?:19|20)\d\d)$")
_ISO_TIME = re.compile(r"(?<=\d)T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_DAY_MONTH_SHORT_YEAR = re.compile(r"^(\d{1,2}) ([a-z]{3,9}) (\d{2})$")  # normalised: « 13 mars 25 »
_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")
_ENGLISH_MONTHS = {m: k for k, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                                "dec"), start=1)}
_ENGLISH_DAY = re.compile(r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                          r"[a-z]*\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)(?:\s+\d{1,2}:\d{2}\s*(?:am|pm)?)?"
                          r"(?:\s*(?:→|->|-|–)\s*(?:[a-z]+\s+\d{1,2},?\s+\d{4}\s*)?\d{1,2}:\d{2}\s*(?:am|pm)?)?"
                          r"(?:\s*\((?:gmt|utc)[+-]?\d{0,2}(?::\d{2})?\))?$", re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_MONTH_NUM = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
_MONTH_WORD = re.compile(r"^([a-z]+)\.?\s+(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH_SHORT_YEAR = re.compile(r"^([^\W\d_]+)\.?-(\d{2})$")  # « févr-17 », « déc.-19 »: Excel's mmm-yy as text
# « 15 mars 2022 », « 1er avril 2022 », « mardi 12 avril 2022 » (after norm: no accent, no punctuation)
_DAY_WORD = re.compile(r"^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim)\s+)?(\d{1,2})(?:er|e)?\s+"
                       r"([a-z]+)\s+(\d{4})$")
_DAY_MONTH_WORD = re.compile(r"^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim)\s+)?"
                             r"(\d{1,2})(?:er|e)?\s+([a-z]+)$")
_TIME = re.compile(r"\s+(?:à\s+|a\s+|de\s+)?\d{1,2}\s*(?:h|:)\s*\d{0,2}(?::\d{2})?"
                   r"(?:\s*(?:-|à|a)\s*\d{1,2}\s*(?:h|:)\s*\d{0,2}(?::\d{2})?)?$", re.IGNORECASE)
# Excel's day numbers (1 = 01/01/1900; 25569 = 01/01/1970) for a date typed in a cell not formatted as a date:
# read as a date only between 1990 and 2099, a range no count or year of this council falls in.
SERIAL_MIN, SERIAL_MAX = 32874, 73050
EXCEL_EPOCH = dt.date(1899, 12, 30)
# « environ 620 », « env. 620 », « ~620 », « ≈ 300 », « près de 80 », « à peu près 50 », « plus de 80 », « 620 env. »,
# « 620 environ », « approx. 620 », « ± 40 »: the number is kept, the text goes to the row's note
_APPROX_BEFORE = (r"environ|env\.?|~|≈|±|\+/-|\+-|approx\.?|approximativement|pres de|presque|a peu pres|autour de|"
                  r"aux alentours de|dans les|quelque|plus de|au moins|\+ de")
_APPROX_AFTER = r"env\.?|environ|approx\.?|~|a peu pres|\(env\.?\)|\(environ\)|\(approx\.?\)"
_FOOTNOTED = re.compile(r"(\d[\d \u00a0\u202f]*?)\s*(?:\*{1,3}|\(\d\)|\(\*\)|[¹²³])")  # a number and a footnote's mark
_APPROX = re.compile(rf"^(?:{_APPROX_BEFORE})\s*(\d[\d \u00a0\u202f]*)$|^(\d[\d \u00a0\u202f]*?)\s*(?:{_APPROX_AFTER})$",
                     re.IGNORECASE)
_SPAN = re.compile(r"^\d+\s*(?:a|-|–|/)\s*\d+$")  # « 80 à 100 », « 80-100 »: a span of counts, not one count
_MONEY = re.compile(r"\s*(?:€|euros?|eur)\s*$", re.IGNORECASE)
_AMOUNT = re.compile(r"^-?\d{1,3}(?:[ .\u00a0\u202f]\d{3})+(?:,\d+)?$|^-?\d+(?:,\d+)?$|^-?\d+\.\d{1,2}$")
DATE_EXPECTED = "une date JJ/MM/AAAA (par ex. 15/03/2022)"
DATE_EXPECTED_PRECISION = DATE_EXPECTED + ", « mars 2022 », « 03/2022 » ou « 2022 »"


def _plain(text: str) -> str:
    """Text without accents nor case, its punctuation kept (« Près de 80 » -> 'pres de 80'): « ≈ », « ~ » matter."""
    t = unicodedata.normalize("NFKD", " ".join(text.split()))
    return "".join(ch for ch in t if not unicodedata.combining(ch)).lower()


class Approx(int):
    """A count written as approximate (« environ 620 »): the number, with the text as typed."""

    text: str

    def __new__(cls, value: int, text: str):
        obj = super().__new__(cls, value)
        obj.text = text
        return obj


class Worded(float):
    """A number typed with its unit (« 31 réunions », « 78 % », « 16 pers. »): the number, with the text as typed."""

    text: str

    def __new__(cls, value: float, text: str):
        obj = super().__new__(cls, value)
        obj.text = text
        return obj


class Spanned(str):
    """A range typed for an optional count (« 25 à 30 »): no number made up from it, the words kept in the note."""


class Remarked(str):
    """A value of a closed list typed with a remark in brackets (« en cours (poursuivi en 2019) »): the value,
    with the text as typed (the planner keeps it in the row's note)."""

    text: str

    def __new__(cls, value: str, text: str):
        obj = super().__new__(cls, value)
        obj.text = text
        return obj


_REMARK = re.compile(r"^(.+?)\s*\(([^()]+)\)\s*$")


YEAR_COLUMNS = ("year", "member_since")  # a date typed there is read as its year
_MONTH_YEAR = re.compile(r"^(0?[1-9]|1[0-2])[/.-](\d{2})$")  # « 05/23 » in a column of years: May 2023

# a remark of time after a list's value: « reporté en 2023 », « réalisée en juin 2022 », « lancée fin 2021 »
_YEAR_REMARK = re.compile(r"^(.+?)\s+\d{4}\s*$")  # « reporté 2026 »: the value, then the year it is put off to
# « 50 % », « 100% »: an action's completion as its pilot writes it; under way until done, done at 100 %
_PERCENT_DONE = re.compile(r"^\s*(\d{1,3})(?:[,.]\d+)?\s*%\s*(?:r[ée]alis[ée]e?s?|fait)?\s*$", re.IGNORECASE)
_WHEN_REMARK = re.compile(r"^(.+?)\s+(?:en|à|a|au|pour|depuis|jusqu'en|jusqu’en|d[eè]s|fin|début|debut|mi|le|du)\s+"
                          r"(?:\w+\.?\s+)?(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}|\d{2}|janv\w*|f[ée]v\w*|mars|avr\w*|mai|juin|"
                          r"juil\w*|ao[uû]t|sept\w*|oct\w*|nov\w*|d[ée]c\w*)\.?(?:\s+\d{4})?\s*$", re.IGNORECASE)

# a number followed by a unit: « % », or words without a digit (« réunions », « pers. », « jeunes orientés »)
_WORDED = re.compile(r"^(\d[\d \u00a0\u202f]*(?:[,.]\d+)?)\s*(%|[a-z][a-z' .]*)$")


_ROUNDS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
           "cinquantaine": 50, "soixantaine": 60, "centaine": 100}
_ROUND = re.compile(r"^(?:une |environ une |a peu pres une )?(" + "|".join(_ROUNDS) + r")(?: de (?:personnes|participants))?$")
_COUNT_REMARK = re.compile(r"^(\d[\d \u00a0\u202f]*)\s*\(([^()]+)\)$")


def serial_date(raw: object) -> dt.date | None:
    """An Excel day number (44635 -> 15/03/2022) within 1990-2099, else None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str) and raw.strip().isdigit() and len(raw.strip()) == 5:
        raw = int(raw.strip())
    if isinstance(raw, (int, float)) and SERIAL_MIN <= raw <= SERIAL_MAX:
        return EXCEL_EPOCH + dt.timedelta(days=int(raw))
    return None


def amount(text: str) -> float | None:
    """« 1 200,00 € », « 1 200 € », « 1200 euros », « 3.000,00 € » -> the number; None if not an amount.

    Only text with a currency or thousands set apart by spaces is read here: « 0.125 » or « 1.5 » are left
    to the ordinary number rules (a dot between thousands is read so only before « € »).
    """
    money = bool(_MONEY.search(text))
    value = _MONEY.sub("", text.strip()).strip()
    if not value or not _AMOUNT.match(value) or not (money or re.search(r"\d[ \u00a0\u202f]\d{3}", value)):
        return None
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    elif money and re.search(r"[.]\d{3}(?:$|[ .])", value):
        value = value.replace(".", "")  # a dot between thousands: « 3.000 € »
    return float(re.sub(r"[ \u00a0\u202f]", "", value))


class PartialDate(dt.date):
    """A date known to the month or the year: the first day of that period, with its precision."""

    precision: str

    def __new__(cls, year: int, month: int, precision: str):
        obj = super().__new__(cls, year, month, 1)
        obj.precision = precision
        return obj


class Period(dt.date):
    """A period typed in one date cell (« du 9 au 22 octobre 2023 »): its first day, with its last and the text.

    `loose` marks a span named in words rather than by two days (« sept. 2022 », « 2e semestre 2022 »): an
    action's start takes its first day and its deadline its last, and neither fills the other column.
    """

    end: dt.date
    text: str
    loose: bool

    def __new__(cls, start: dt.date, end: dt.date, text: str, loose: bool = False):
        obj = super().__new__(cls, start.year, start.month, start.day)
        obj.end, obj.text, obj.loose = end, text, loose
        return obj


_ORDINAL = {"1": 1, "1er": 1, "1re": 1, "premier": 1, "2": 2, "2e": 2, "2eme": 2, "2nd": 2, "second": 2,
            "deuxieme": 2, "3": 3, "3e": 3, "3eme": 3, "troisieme": 3, "4": 4, "4e": 4, "4eme": 4, "quatrieme": 4}
_PART = re.compile(r"^([a-z0-9]+) (semestre|trimestre) (\d{4})$")
_EDGE = re.compile(r"^(debut|fin|courant|dans le courant de|au cours de) (.+)$")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def parse_span(raw: object) -> Period | None:
    """A date known only to a span, typed in words where a day is expected (an action's start or deadline).

    « sept. 2022 », « 09/2022 » (the month), « 2022 » (the year), « 2e semestre 2022 », « 3e trimestre 2022 »;
    « début 2023 » and « fin 2022 » are the first and the last quarter of the year, « fin mars 2023 » the month,
    « courant 2022 » the year. Returned as a loose Period (first and last day, the words as typed), else None.
    """
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        return None
    text = " ".join(str(int(raw) if isinstance(raw, float) and raw.is_integer() else raw).split())
    key = norm(text)
    edge = None
    if m := _EDGE.match(key):
        edge, key = m.group(1), m.group(2)
    key = re.sub(r"\b(trim|trimest)\b", "trimestre", re.sub(r"\b(sem|semest)\b", "semestre", key))  # « 1er trim. 2022 »
    if m := re.match(r"^([ts])\s?([1-4]) (\d{4})$", key):  # « T1 2024 », « S2 2023 »: a quarter, a semester
        key = f"{m.group(2)} {'trimestre' if m.group(1) == 't' else 'semestre'} {m.group(3)}"
    try:
        if m := _PART.match(key):
            n, part, year = _ORDINAL.get(m.group(1)), m.group(2), int(m.group(3))
            size = 6 if part == "semestre" else 3
            if n is None or n > 12 // size:
                return None
            first, last = dt.date(year, (n - 1) * size + 1, 1), _month_end(year, n * size)
        elif (m := _MONTH_NUM.match(text.strip())) or ((m := _MONTH_WORD.match(key)) and m.group(1) in MONTHS):
            month = int(m.group(1)) if m.group(1).isdigit() else MONTHS[m.group(1)]
            first, last = dt.date(int(m.group(2)), month, 1), _month_end(int(m.group(2)), month)
        elif _YEAR.match(key) and 1900 < int(key) < 2200:
            year = int(key)
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
            if edge == "debut":
                last = dt.date(year, 3, 31)
            elif edge == "fin":
                first = dt.date(year, 10, 1)
        else:
            return None
    except ValueError:
        return None
    return Period(first, last, text, loose=True)


# « du 9 au 22 octobre 2023 », « 9-22 octobre 2023 », « du 28 septembre au 3 octobre 2023 », « du 28/09 au
# 03/10/2023 », « du 09/10/2023 au 22/10/2023 », « 9 au 22 octobre 2023 » (on text without accents)
_PERIOD = re.compile(r"^(?:du|de|les?)?\s*(.+?)\s*(?:\bau\b|\bjusqu au\b|\ba\b|–|—|\s-\s|(?<=\d)-(?=\d)|\bet\b)\s*(.+)$")
_START_DAY = re.compile(r"^(\d{1,2})(?:er)?$")
_START_DAY_MONTH = re.compile(r"^(\d{1,2})(?:er)?\s+([a-z]+)\.?$")
_START_DAY_NUM = re.compile(r"^(\d{1,2})[/.](\d{1,2})$")


def parse_period(raw: object) -> Period | None:
    """A period typed in one cell, its first day and its last (the start takes the end's month and year when it
    leaves them out); None when the text is not a period of two days in order."""
    if not isinstance(raw, str):
        return None
    text = " ".join(raw.split())
    m = _PERIOD.match(_plain(text).replace("'", " "))
    if not m:
        return None
    first, last = m.group(1).strip(), m.group(2).strip()
    try:
        end = parse_date(last, partial=False)
    except CellError:
        return None
    inferred = True  # the start's year taken from the end's
    try:
        if a := _START_DAY.match(first):
            start = dt.date(end.year, end.month, int(a.group(1)))
        elif (a := _START_DAY_MONTH.match(first)) and a.group(2) in MONTHS:
            start = dt.date(end.year, MONTHS[a.group(2)], int(a.group(1)))
        elif a := _START_DAY_NUM.match(first):
            start = dt.date(end.year, int(a.group(2)), int(a.group(1)))
        else:
            start, inferred = parse_date(first, partial=False), False
    except (ValueError, CellError):
        return None
    if inferred and start.month > end.month:
        start = start.replace(year=end.year - 1)  # « du 28 décembre au 3 janvier 2024 »
    if start >= end:
        return None
    return Period(start, end, text)


_CALL = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*\s*\(")  # SUM(, HYPERLINK(, cmd (
_CELL_REF = re.compile(r"(?<![A-Za-z])\$?[A-Za-z]{1,3}\$?\d+(?![A-Za-z])")  # A1, $B$2, AA10


def formula_like(text: str) -> bool:
    """Would a spreadsheet execute this text if it were opened in one?

    A leading = always; @ before anything but a space; + or - followed (without a space) by a
    function call, a cell reference, a DDE pipe or a sheet reference. A phone number (« +33 3 87 … »),
    a negative number or « - une note » would not run anything and are kept as text.
    """
    if not text:
        return False
    first, rest = text[0], text[1:]
    if first == "=":
        return True
    if first == "@":
        return bool(rest) and not rest[0].isspace()
    if first in "+-":
        if not rest or rest[0].isspace():
            return False
        return bool("|" in rest or "!" in rest or _CALL.search(rest) or _CELL_REF.search(rest))
    return False


def as_text(raw: object) -> str:
    """A cell as the text a person sees in the spreadsheet."""
    if isinstance(raw, bool):
        return "oui" if raw else "non"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.strftime("%d/%m/%Y") if raw.time() == dt.time() else raw.strftime("%d/%m/%Y %H:%M")
    if isinstance(raw, dt.date):
        return raw.strftime("%d/%m/%Y")
    return str(raw).strip()


def parse_date(raw: object, *, partial: bool, year: int | None = None, month: int | None = None) -> dt.date:
    """A date cell: a real date, JJ/MM/AAAA, JJ/MM/AA (20AA), AAAA-MM-JJ; with `partial` also « mars 2022 »,
    « 03/2022 » and « 2022 » (returned as PartialDate). With `year` (the one year a sheet's title names), a day
    typed without its year: « mer. 8/10 », « jeudi 9 octobre », « 14 oct. »; with `month` too (a sheet per month,
    « Réunions CLSM – janvier 2025 »), a day alone: « mar. 21 », 21.

    Raises:
        CellError: not a date, or a date that does not exist.
    """
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if (serial := serial_date(raw)) is not None:
        return serial
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and float(raw).is_integer():
        text = str(int(raw))
    else:
        text = str(raw).strip()
    expected = DATE_EXPECTED_PRECISION if partial else DATE_EXPECTED
    text = _ISO_TIME.sub("", text)  # « 2025-02-04T14:00:00 » (a web tool's export): the day
    text = _TIME.sub("", text)  # « 15/03/2022 à 14h », « 15 mars 2022 14:30 »: the day is kept
    # « jeu. 12/01/2023 », « mardi 07/02/2023 », « le 30/09/2025 »: a weekday or « le » before a day in figures
    text = re.sub(r"^(?:le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim)"
                  r"\.?\s+)?(?=\d)", "", text, flags=re.IGNORECASE)
    if m := re.fullmatch(r"((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])", text):
        # « 20250313 »: an old tool's day, year month day without separators
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    try:
        if m := _ENGLISH_DAY.match(str(raw).strip()):  # « February 4, 2025 2:30 PM (GMT+1) »: an English export
            return dt.date(int(m.group(3)), _ENGLISH_MONTHS[m.group(1).lower()[:3]], int(m.group(2)))
        if m := _DAY.match(text):
            d, mo, y = (int(x) for x in m.groups())
            if len(m.group(3)) == 2:
                y += 2000
            return dt.date(y, mo, d)
        if m := _ISO.match(text):
            y, mo, d = (int(x) for x in m.groups())
            return dt.date(y, mo, d)
        if m := _SPACED_DAY.match(text):  # « 16 10 2025 »: the day, month and year parted by spaces
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := _DAY_WORD.match(norm(text)):
            d, month, y = m.groups()
            if month in MONTHS:
                return dt.date(int(y), MONTHS[month], int(d))
        if (m := _DAY_MONTH_SHORT_YEAR.match(norm(text))) and m.group(2) in MONTHS:
            # « 13-mars-25 », « 05-févr.-26 »: a French Excel's « jj-mmm-aa » saved as text
            return dt.date(2000 + int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
        if year is not None and month is not None and (m := _START_DAY.match(text)):
            return dt.date(year, month, int(m.group(1)))
        if year is not None and (m := _START_DAY_NUM.match(text)):
            return dt.date(year, int(m.group(2)), int(m.group(1)))
        if year is not None and (m := _DAY_MONTH_WORD.match(norm(text))) and m.group(2) in MONTHS:
            return dt.date(year, MONTHS[m.group(2)], int(m.group(1)))
        if partial and (m := _MONTH_NUM.match(text)):
            return PartialDate(int(m.group(2)), int(m.group(1)), "mois")
        if partial and (m := _MONTH_WORD.match(norm(text))) and m.group(1) in MONTHS:
            return PartialDate(int(m.group(2)), MONTHS[m.group(1)], "mois")
        if partial and (m := _MONTH_SHORT_YEAR.match(text.lower())) and norm(m.group(1)) in MONTHS:
            return PartialDate(2000 + int(m.group(2)), MONTHS[norm(m.group(1))], "mois")  # « févr-17 » (Excel)
        if partial and (m := _YEAR.match(text)) and 1900 < int(text) < 2200:
            return PartialDate(int(text), 1, "année")
    except ValueError:
        raise CellError(f"« {text} » n'est pas une date qui existe") from None
    if not partial and (_MONTH_NUM.match(text) or _YEAR.match(text) or _MONTH_WORD.match(norm(text))):
        raise CellError(f"« {text} » : cette colonne attend une date complète, au jour près ({DATE_EXPECTED})")
    raise CellError(f"« {text} » n'est pas une date : attendu {expected}")


def commune(text: str) -> str:
    """A town as people write it in an address or a form: « 57000 METZ », « Woippy (57) », « Metz, 57000 » -> the
    town's name, in its usual case (« Metz », « Montigny-lès-Metz »)."""
    town = re.sub(r"^\s*\d{5}\s*|[\s,]*\d{5}\s*$|\s*\((?:\d{2,3}|\d{5})\)\s*$", "", text).strip(" ,-") or text
    if town.isupper() and len(town) > 3:  # METZ, MONTIGNY-LES-METZ: capitals of a form
        small = {"lès", "les", "de", "du", "des", "la", "le", "sur", "en", "sous", "aux"}
        parts = re.split(r"([\s-])", town.lower())
        town = "".join(p if p in small and k else p.capitalize() for k, p in enumerate(parts))
    return town


def read_cell(col: Col, raw: object, *, partial_dates: bool = False, periods: bool = False,
              year: int | None = None, month: int | None = None) -> object:
    """One cell for its column; None for an empty cell. References are returned as text (resolved later).

    Args:
        partial_dates: the table keeps a date's precision (« mars 2022 » to the month, « 2022 » to the year).
        periods: a period typed in a date cell (« du 9 au 22 octobre 2023 ») is returned as a Period, for
            the planner to place (refused otherwise, naming its first day).
        year: the one year the sheet's title names, for days typed without theirs (« mer. 8/10 »); month: the one
            month it names, for a day typed alone (« mar. 21 »).

    Raises:
        CellError: French message saying what was found and what is accepted.
    """
    if not filled(raw):
        return None
    if col.type in ("str", "text", "id"):
        text = as_text(raw)
        if formula_like(text):
            raise CellError(
                f"« {text[:40]} » commence par « {text[0]} » : une formule ou commande de tableur ne "
                "peut pas être importée (retirez ce premier caractère)"
            )
        if col.ref:
            return text
        if col.name == "commune":
            return commune(text)
        if col.type == "id":
            low = text.lower()
            return low if SLUG.match(low) else parse_cell(col, text, lenient=True)
        if col.choices:
            try:
                return match_choice(col, text)
            except CellError as refused:
                # « en cours (poursuivi en 2019) », « Hybride (présentiel + visio) »: the value before the remark;
                # « reporté en 2023 »: the value before a time; « Social / hébergement » (a sector): the first one
                heads = [m.group(1) for m in (_REMARK.match(text), _WHEN_REMARK.match(text), _YEAR_REMARK.match(text))
                         if m]
                if col.name == "status" and (m := _PERCENT_DONE.match(text)) and 0 < int(m.group(1)) <= 100:
                    # the percentage stays in the note (« Avancement : 50 % »); 0 % says nothing of a stage: asked
                    done = "réalisée" if int(m.group(1)) == 100 else "mise en œuvre"
                    if done in col.choices:
                        return Remarked(done, text.strip())
                if re.search(r"\s[–—-]\s", text):  # « en cours – instances réunies comme prévu »
                    heads.append(re.split(r"\s[–—-]\s", text, maxsplit=1)[0])
                if col.name == "mode" and "presentiel" in norm(text) and re.search(
                        r"\b(visio|teams|zoom|distance|distanciel|en ligne)\b", norm(text)):
                    return Remarked(match_choice(col, "hybride"), text)  # « Présentiel + Teams »: both at once
                if col.name in ("sector", "kind") and "/" in text:  # « Sensibilisation / information »
                    heads.append(text.split("/")[0])
                if col.name == "kind" and len(text.split()) in (2, 3) and len(text.split()[0]) >= 5:
                    heads.append(text.split()[0])  # « sensibilisation pro », « formation interne »: the kind, then whom
                    # or how (kept in the note)
                if col.name == "role_category" and len(text.split()) > 1:  # « adhérents usagers », « bénévole
                    # associatif(ve) », « usagers (adhérents) »: the words in brackets, else its last word or its first
                    bare = re.sub(r"\([^()]*\)", " ", text).split()
                    heads += [*re.findall(r"\(([^()]+)\)", text), *(bare[-1:] + bare[:1])]
                if col.name == "role_category" and "/" in text:  # a form's « Proche / aidant(e) »: one category
                    said = set()
                    for part in text.split("/"):
                        try:
                            said.add(match_choice(col, part.strip()))
                        except CellError:
                            continue
                    if len(said) == 1:
                        return said.pop()
                for head in heads:
                    try:
                        return Remarked(match_choice(col, head), text)
                    except CellError:
                        continue
                raise refused from None
        return parse_cell(col, text, lenient=True)
    if col.type == "date":
        try:
            return parse_date(raw, partial=partial_dates, year=year, month=month)
        except CellError:
            period = parse_period(raw)
            if period is None and periods:
                # « sept. 2022 » where the table keeps no precision, « 1er trim. 2024 » where it does: a span in words
                period = parse_span(raw)
            if period is None:
                raise
            if periods:
                return period
            raise CellError(
                f"« {period.text} » est une période (du {period:%d/%m/%Y} au {period.end:%d/%m/%Y}) : cette colonne "
                f"attend une seule date, par ex. le premier jour ({period:%d/%m/%Y})"
            ) from None
    if col.type == "float" and isinstance(raw, str) and (number := amount(raw)) is not None:
        return number
    if col.name in YEAR_COLUMNS and not isinstance(raw, (bool, int, float)):
        try:  # « nov. 2021 », 15/03/2022 in a column of years: the year, the date kept in the note
            when = parse_date(raw, partial=True)
        except CellError:
            when = None
        if when is None and isinstance(raw, str) and (m := _MONTH_YEAR.match(raw.strip())):
            when = dt.date(2000 + int(m.group(2)), int(m.group(1)), 1)  # « 05/23 »: May 2023
        if when is not None and (not isinstance(raw, str) or not _YEAR.match(raw.strip())):
            shown = raw.strftime("%d/%m/%Y") if isinstance(raw, dt.date) else " ".join(str(raw).split())
            return Worded(when.year, shown)
        if isinstance(raw, str) and (m := re.fullmatch(r"\s*([^\W\d_][\w'’ -]{0,30}?)\s+((?:19|20)\d\d)\s*", raw)):
            return Worded(int(m.group(2)), " ".join(raw.split()))  # « SISM 2023 », « édition 2024 »: that year
    if col.type in ("int", "float") and isinstance(raw, str):
        raw = raw.replace("\u00a0", " ").replace("\u202f", " ")  # « 1 150 » typed with a non-breaking space
        # « env. 250 (passages) »: approximate, with a remark in brackets (kept with it in the note)
        # « ~60 visiteurs », « env. 40 personnes »: approximate, with its unit (kept with it in the note)
        if m := (_APPROX.match(_plain(raw)) or _APPROX.match(_plain(re.sub(r"\s*\([^()]*\)\s*$", "", raw)))
                 or _APPROX.match(_plain(re.sub(r"\s+[^\W\d_]+\.?$", "", raw.strip())))):
            digits = re.sub(r"[ \u00a0\u202f]", "", m.group(1) or m.group(2))
            return Approx(read_cell(col, digits), " ".join(raw.split()))
        if (m := _WORDED.match(_plain(raw.strip()))) and not _MONEY.fullmatch(" " + m.group(2)):
            digits = re.sub(r"[ \u00a0\u202f]", "", m.group(1))
            return Worded(read_cell(col, digits), " ".join(raw.split()))
        if m := _ROUND.match(norm(raw)):  # « une trentaine »: about 30
            return Approx(_ROUNDS[m.group(1)], " ".join(raw.split()))
        if m := _FOOTNOTED.fullmatch(raw.strip()):  # « 620* », « 620 (1) »: the number, its call to a footnote kept
            return Worded(read_cell(col, re.sub(r"[ \u00a0\u202f]", "", m.group(1))), " ".join(raw.split()))
        if col.type == "int" and (m := _ADDED.fullmatch(raw.strip())):
            # « 18+4 » (in the room + remote), « 3 + 1 » (morning + afternoon): the people added up, the sum as typed
            # kept in the note
            return Worded(sum(int(x) for x in re.findall(r"\d+", m.group(0))), " ".join(raw.split()))
        if (m := _COUNT_REMARK.match(raw.strip())) and not re.match(r"^\s*(sur|/)", m.group(2)):
            # « 35 (dont 10 à distance) »: the number, the words in the note; « 71 (sur 84) » is a ratio, not this
            return Worded(read_cell(col, re.sub(r"[ \u00a0\u202f]", "", m.group(1))), " ".join(raw.split()))
    if col.type == "int":
        if isinstance(raw, str):
            value = raw.strip()
            try:
                number = parse_cell(col, value, lenient=True)
            except CellError:
                if _SPAN.match(_plain(value)) and not col.required:
                    return Spanned(" ".join(value.split()))
                if _SPAN.match(_plain(value)):
                    raise CellError(f"« {value} » est une fourchette : écrivez un seul nombre, au besoin approximatif "
                                    "(par ex. « environ 90 », gardé tel quel dans la note)") from None
                raise CellError(
                    f"« {value} » n'est pas un nombre entier : écrivez seulement le nombre (par ex. 12, ou « environ "
                    "12 » s'il est approximatif), ou laissez la cellule vide s'il n'est pas connu"
                ) from None
        else:
            number = parse_cell(col, raw, lenient=True)
        if not INT_MIN <= number <= INT_MAX:
            raise CellError(
                f"« {number} » est hors des limites d'un nombre entier de cette colonne "
                f"(de {INT_MIN} à {INT_MAX}) : une faute de frappe ?"
            )
        if col.name == "count" or col.name.endswith("_count"):
            if number < 0:
                raise CellError(f"« {number} » : un nombre de personnes ou d'événements ne peut pas être négatif")
        return number
    return parse_cell(col, raw, lenient=True)
