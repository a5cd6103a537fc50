"""Small shared render helpers: page header, metric tiles, safe tables."""

from __future__ import annotations

import streamlit as st

from clsm_data.filters import Filters
from clsm_data.roles import Caller

from . import fmt


def current() -> tuple[Filters, Caller]:
    """The filters and user set by app.py for this run."""
    return st.session_state.get("filters", Filters()), st.session_state["user"]


def header(title: str, subtitle: str = "") -> None:
    st.title(title)
    if subtitle:
        st.caption(subtitle)


def tiles(items: list[tuple[str, str, str | None]]) -> None:
    """A row of big figures: (label, value, help)."""
    cols = st.columns(len(items))
    for col, (label, value, help_) in zip(cols, items, strict=True):
        col.metric(label, value, help=help_, border=True)


def masked_view(user: Caller) -> bool:
    """Small counts of users and carers are hidden for partners and in projection mode."""
    return (not user.can_write) or bool(st.session_state.get("projection"))


def date_fr(value, precision="jour") -> str:
    return fmt.date(value, precision)
