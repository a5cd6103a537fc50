"""« D'où vient ce chiffre ? »: the sources of a headline figure or chart, one click away (issue 9)."""

from __future__ import annotations

import streamlit as st

from clsm_data.filters import Filters
from clsm_data.provenance import FIGURES

from . import data, fmt

LABEL = "D'où vient ce chiffre ?"
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


def source_popover(figure: str, f: Filters, where=None) -> None:
    """A « D'où vient ce chiffre ? » button that opens the sources of `figure` (a key of FIGURES).

    Args:
        figure: which figure or chart (see clsm_data.provenance.FIGURES).
        f: the filters the figure was computed with.
        where: a container (a column); the page by default.
    """
    where = where or st
    # Its content is computed and sent only once opened (a click reruns the page): twelve popovers
    # filled on every run cost the overview 80 ms of queries and a browser as many hidden elements.
    n = st.session_state.get(_COUNTER, 0) + 1
    st.session_state[_COUNTER] = n
    pop = where.popover(LABEL, icon=":material/help:", key=f"source-{figure}-{n}", on_change="rerun")
    if pop.open is False:
        return
    with pop:
        st.markdown(f"**Ce que compte ce chiffre.** {FIGURES[figure]}")
        src = data.figure_sources(figure, f)
        if src is None or src.empty:
            st.info("Aucune source enregistrée pour ce chiffre avec ces filtres (rien n'est compté).")
        else:
            lines = [_line(r) for r in src.itertuples()]
            more = len(lines) - SHOWN
            st.markdown("\n".join(lines[:SHOWN]) + (f"\n\n… et {more} autre(s) : voir la page Sources." if more > 0 else ""))
        st.caption(LEGEND)


def tiles(items: list[tuple[str, str, str | None, str]], f: Filters, per_row: int = 3) -> None:
    """Big figures (label, value, help, figure key), each with its « D'où vient ce chiffre ? » below it."""
    for start in range(0, len(items), per_row):
        row = items[start : start + per_row]
        cols = st.columns(per_row)
        for col, (label, value, help_, figure) in zip(cols, row, strict=False):
            col.metric(label, value, help=help_, border=True)
            source_popover(figure, f, col)


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
