"""« D'où vient ce chiffre ? »: the sources of a headline figure or chart, one click away."""

from __future__ import annotations

import functools
import re

import streamlit as st

from clsm_data.core.config import db_path
from clsm_data.core.roles import ROLE_LABELS
from clsm_data.core.tables import TABLES
from clsm_data.read import provenance as _provenance
from clsm_data.read.filters import Filters
from clsm_data.read.provenance import FIGURES

from . import data, fmt

LABEL = "D'où vient ce chiffre ?"
LABEL_MANY = "D'où viennent ces chiffres ?"
LEGEND = ("**Fait** : écrit tel quel dans un document source. **Lecture** : interprétation faite en transcrivant "
          "(écart entre documents, mot lu autrement, valeur déduite), avec sa raison. **Saisie** / **Import** : "
          "entré dans l'application par la coordination (date et rôle au journal).")
SHOWN = 12  # source lines in one popover before « et N autres »
_COUNTER = "_source_popovers"  # popovers drawn in this run: their keys stay stable from run to run
_WORD = {"document": "Fait", "lecture": "Lecture", "saisie": "Saisie", "import": "Import"}


# ---------------------------------------------------------------- names, never codes


@functools.cache
def _documents_query():
    return data.cached_query(_provenance.documents)


def document_titles() -> dict[str, str]:
    """source_id → the document's title, as a reader names it."""
    docs = _documents_query()()
    return {} if docs is None else {r.source_id: str(r.title) for r in docs.itertuples() if not fmt.is_missing(r.title)}


def document_title(source_id, missing: str = "") -> str:
    """The title of a document (« saisie de la coordination » and such are the caller's `missing`)."""
    if fmt.is_missing(source_id) or not str(source_id).strip():
        return missing
    return document_titles().get(str(source_id), "un document du CLSM")


def table_word(name) -> str:
    """A table's name in French words (« action » → « actions », « meeting » → « réunions »)."""
    if fmt.is_missing(name) or not str(name).strip():
        return ""
    return TABLES[name].label if name in TABLES and TABLES[name].label else str(name).replace("_", " ")


def capital(text: str) -> str:
    """First letter up, the rest as written (« étapes du CLSM » → « Étapes du CLSM », not « clsm »)."""
    return text[:1].upper() + text[1:]


def column_word(table, column) -> str:
    """A column's French label (« founding_partner » → « partenaire fondateur »); "" for none or « * »."""
    if fmt.is_missing(column) or str(column).strip() in ("", "*"):
        return ""
    cols = {c.name: c.label for c in TABLES[table].cols} if table in TABLES else {}
    return cols.get(column) or str(column).replace("_", " ")


_NAMES: dict[tuple, dict[str, str]] = {}
_ID = re.compile(r"\b\w+(?:-\w+)+\b")


def names() -> dict[str, str]:
    """Every id a text of the record may quote (documents, actions, plans, axes, themes, structures) → its name."""
    version = (str(db_path()), data.version(), data.scope())  # one council's names never shown to another
    if version not in _NAMES:
        known = {k: f"« {v} »" for k, v in document_titles().items()}
        acts = data.actions(Filters())
        if acts is not None:
            known |= {r.action_id: f"l'action « {r.title} »" for r in acts.itertuples()}
        for frame, key, label in ((data.plans(), "plan_id", "name"), (data.themes(), "theme_id", "name"),
                                  (data.structures(), "structure_id", "label"), (data.axes(None), "axis_id", "title")):
            if frame is not None and key in frame and label in frame:
                known |= {k: str(v) for k, v in zip(frame[key], frame[label], strict=True)
                          if not fmt.is_missing(v) and k not in known}
        _NAMES.clear()  # one data version at a time
        _NAMES[version] = known
    return _NAMES[version]


def words(text) -> str:
    """A text of the record with the ids it quotes (« doc-003 », « p22-11 ») replaced by names; "" for none."""
    if fmt.is_missing(text) or str(text).strip().lower() in ("", "nan", "none", "nat"):
        return ""
    known = names()
    return _ID.sub(lambda m: known.get(m.group(0), m.group(0)), str(text))


def row_name(table, key) -> str:
    """The name of one row a reading is about (an action's title…); "" for every row (« * ») or an unnamed id."""
    if fmt.is_missing(key) or str(key).strip() in ("", "*"):
        return ""
    named = names().get(str(key), "")
    return named.removeprefix("l'action ")


def role_word(role) -> str:
    return "" if fmt.is_missing(role) else ROLE_LABELS.get(str(role), str(role))


def _line(r) -> str:
    word = _WORD.get(r.kind, r.kind)
    section = "" if fmt.is_missing(r.section) or r.section == r.document else f" — {fmt.md(r.section)}"
    where = fmt.md(r.document) + section
    if r.kind == "document":
        quotes = [] if fmt.is_missing(r.quote) else str(r.quote).split(" · ")
        shown = " · ".join(fmt.md(q) for q in quotes[:2]) + (f" (+ {len(quotes) - 2} autre(s))" if len(quotes) > 2 else "")
        quote = f" : {shown}" if quotes else ""
        return f"- **{word}** · {where} · {fmt.number(r.rows)} ligne(s) ({fmt.md(r.table)}){quote}"
    if r.kind == "lecture":
        return f"- **{word}** · {where} : {fmt.md(words(r.reason))}"
    reason = words(r.reason)
    for code, label in ROLE_LABELS.items():  # « par le rôle coordinator » → « par le rôle coordination »
        reason = re.sub(rf"\b{code}\b", label, reason)
    return f"- **{word}** · {fmt.md(r.document)} le {fmt.date(r.at)} ({fmt.md(reason)}, {fmt.md(r.table)})"


def new_run() -> None:
    """Number this run's popovers from 1 again (views.current calls it first thing)."""
    st.session_state[_COUNTER] = 0


def _sources(figure: str, f: Filters) -> str:
    """Where `figure` comes from, as markdown lines (values escaped)."""
    src = data.figure_sources(figure, f)
    if src is None or src.empty:
        return "Aucune source enregistrée pour ce chiffre avec ces filtres (rien n'est compté)."
    lines = [_line(r) for r in src.itertuples()]
    more = len(lines) - SHOWN
    return "\n".join(lines[:SHOWN]) + (f"\n\n… et {more} autre(s) : voir la page Sources." if more > 0 else "")


def _popover(label: str, name: str, where):
    """A popover whose content is computed and sent only once opened (a click reruns the page).

    Twelve popovers filled on every run cost the overview 80 ms of queries and a browser as many
    hidden elements. Keys are numbered in drawing order, so they stay stable from run to run."""
    n = st.session_state.get(_COUNTER, 0) + 1
    st.session_state[_COUNTER] = n
    pop = (where or st).popover(label, icon=":material/help:", key=f"source-{name}-{n}", on_change="rerun")
    return None if pop.open is False else pop


def source_popover(figure: str, f: Filters, where=None) -> None:
    """A « D'où vient ce chiffre ? » button that opens the sources of `figure` (a key of FIGURES).

    Args:
        figure: which figure or chart (see clsm_data.read.provenance.FIGURES).
        f: the filters the figure was computed with.
        where: a container (a column); the page by default.
    """
    pop = _popover(LABEL, figure, where)
    if pop is None:
        return
    with pop:
        st.markdown(f"**Ce que compte ce chiffre.** {FIGURES[figure]}\n\n{_sources(figure, f)}")
        st.caption(LEGEND)


def sources_popover(figures: list[tuple[str, str]], f: Filters, where=None) -> None:
    """« D'où viennent ces chiffres ? » under a row of tiles: for each (label, figure), what it counts and its sources."""
    pop = _popover(LABEL_MANY, "tiles", where)
    if pop is None:
        return
    with pop:
        st.markdown("\n\n".join(f"#### {fmt.md(label)}\n**Ce que compte ce chiffre.** {FIGURES[figure]}\n\n"
                                  f"{_sources(figure, f)}" for label, figure in figures))
        st.caption(LEGEND)


def period_text(start, end, precision: str | None) -> str:
    """An action's or step's dates at their precision: « 2017 – 2020 », « 1er semestre 2018 », « du 03/02/2022 au … ».

    For components/sheet.py (the lead's file) and charts.gantt: a period written in years must not be
    shown as exact days.
    """
    if fmt.is_missing(start):
        return fmt.MISSING
    s, e = fmt.date(start, "jour"), fmt.date(end, "jour") if not fmt.is_missing(end) else None
    if precision == "année":
        a, b = str(start)[:4], (str(end)[:4] if e else None)
        return a if not b or a == b else f"{a} – {b}"
    if precision == "semestre":
        half = "1er" if int(str(start)[5:7]) <= 6 else "2e"
        return f"{half} semestre {str(start)[:4]}"
    if precision == "mois":
        a, b = fmt.date(start, "mois"), (fmt.date(end, "mois") if e else None)
        return a if not b or a == b else f"{a} – {b}"
    return f"du {s} au {e}" if e else f"à partir du {s}"
