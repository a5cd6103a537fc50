"""Shared page frame (set-up, sign-in, menu, filters) and small render helpers."""

from __future__ import annotations

import streamlit as st

from clsm_data.filters import Filters
from clsm_data.roles import Caller

from . import auth, data, fmt, nav, security
from . import filters as sidebar_filters


def current(sidebar: str = "auto") -> tuple[Filters, Caller]:
    """Set up the page for this run: who is signed in, their menu, the sidebar filters.

    Every page calls it first; it stops the run (sign-in screen) when nobody is signed in.
    `sidebar="collapsed"` opens the page with the sidebar folded (the slideshow).
    """
    st.set_page_config(page_title="CLSM – Tableau de suivi", page_icon="🧠", layout="wide",
                       initial_sidebar_state=sidebar)
    security.guard_run()  # host names checked before anything is read
    data.begin_run()  # the data version this run reads (one consistent state per page)
    user = auth.current_user()
    security.allow_uploads(user.can_write)
    st.session_state["user"] = user
    menu = st.sidebar.container()  # drawn first on screen, filled once the filters are known
    f = sidebar_filters.sidebar()
    nav.sidebar_links(user, st.session_state.get("_carried_params", {}), menu)
    return f, user


def header(title: str, subtitle: str = "") -> None:
    st.title(title)
    if subtitle:
        st.caption(subtitle)


def tiles(items: list[tuple[str, str, str | None]], per_row: int = 3) -> None:
    """Big figures, (label, value, help) each, three to a row so that labels and values are never cut
    at 1280×720 with the sidebar open."""
    for start in range(0, len(items), per_row):
        row = items[start : start + per_row]
        cols = st.columns(per_row)
        for col, (label, value, help_) in zip(cols, row, strict=False):
            col.metric(label, value, help=help_, border=True)


def masked_view(user: Caller) -> bool:
    """Small counts of users and carers are hidden for partners and in projection mode."""
    return (not user.can_write) or bool(st.session_state.get("projection"))


def date_fr(value, precision="jour") -> str:
    return fmt.date(value, precision)


TABLE_ROWS = 80  # up to this, a plain HTML table: it draws 8× faster than the grid and reads well projected
GRID_ROWS = 300  # at most this many rows sent to the browser (about 30-60 kB); the exports carry them all


def _inert(df):
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or str(out[col].dtype).startswith(("str", "string")):
            out[col] = out[col].map(lambda v: fmt.md(v) if isinstance(v, str) or fmt.is_missing(v) else v).astype(object)
    return out


def table(df, where=None, **_grid_options) -> None:
    """A table of the page: a static HTML table when short, Streamlit's scrolling grid when long.

    Measured in headless Chromium (benchmarks/pages.py method): a 30-row st.dataframe adds about
    470 ms to a page, the same rows as st.table about 60 ms. Long tables keep the grid (scrolling,
    sorting) so that a page never ships thousands of HTML rows.
    """
    where = where or st
    if len(df) <= TABLE_ROWS:
        # st.table renders its cells as markdown: text from the data goes through fmt.md, or an imported
        # « [x](http://…) » would become a live link (found by tests/test_inert_text.py).
        where.table(_inert(df), hide_index=True)
        return
    where.dataframe(df.head(GRID_ROWS), hide_index=True, width="stretch", height=_grid_options.get("height", "auto"))
    if len(df) > GRID_ROWS:
        where.caption(f"Les {fmt.number(GRID_ROWS)} premières lignes sur {fmt.number(len(df))} sont affichées : "
                      "précisez les filtres, ou téléchargez le tableau complet (CSV ou Excel).")
