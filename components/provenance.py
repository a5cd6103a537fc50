"""« D'où vient ce chiffre ? »: the sources of a headline figure or chart, one click away (issue 9)."""

from __future__ import annotations

import streamlit as st

from clsm_data.filters import Filters
from clsm_data.provenance import FIGURES

from . import data, fmt

LABEL = "D'où vient ce chiffre ?"
LABEL_MANY = "D'où viennent ces chiffres ?"
LEGEND = ("**Fait** : écrit tel quel dans un document source. **Lecture** : interprétation faite en transcrivant "
          "(écart entre documents, mot lu autrement, valeur déduite), avec sa raison. **Saisie** / **Import** : "
          "entré dans l'application par la coordination (date et rôle au journal).")
SHOWN = 12  # source lines in one popover before « et N autres »
_COUNTER = "_source_popovers"  # popovers drawn in this run: their keys stay stable from run to run
_WORD = {"document": "Fait", "lecture": "Lecture", "saisie": "Saisie", "import": "Import"}


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
        return f"- **{word}** · {where} : {fmt.md(r.reason)}"
    return f"- **{word}** · {fmt.md(r.document)} le {fmt.date(r.at)} ({fmt.md(r.reason)}, {fmt.md(r.table)})"


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
        figure: which figure or chart (see clsm_data.provenance.FIGURES).
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
    shown as exact days (issue 9).
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
