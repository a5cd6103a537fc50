"""Cached data access: one connection per process, one cursor per session, results cached per filter set."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from clsm_data import queries
from clsm_data.config import db_path
from clsm_data.db import connect
from clsm_data.errors import ClsmError
from clsm_data.filters import Filters

from . import fmt

TTL = 600  # seconds; writes clear the cache explicitly


@st.cache_resource(show_spinner=False)
def _connection(path: str):
    # One connection for the whole server process: DuckDB lets one process hold the file
    # read-write, and readers of other processes could not open it meanwhile anyway. Sessions
    # read through their own cursor; writes go through clsm_data functions that check the role.
    return connect(path, read_only=False)


def cursor():
    """This session's cursor on the process connection (a DuckDB connection is not thread-safe)."""
    path = str(db_path())
    key = f"_clsm_cursor::{path}"
    cur = st.session_state.get(key)
    if cur is None:
        cur = _connection(path).cursor()
        st.session_state[key] = cur
    return cur


def clear() -> None:
    """Forget cached results (after a write)."""
    st.cache_data.clear()


def show_error(exc: ClsmError) -> None:
    """The one way a page shows a refusal of the data layer: French message, hint, stop."""
    st.error(fmt.md(exc.message))
    if exc.hint:
        st.caption(fmt.md(exc.hint))
    st.stop()


def _cached(query: Callable, spinner: str | bool = False) -> Callable:
    """Wrap a named query (first argument: a cursor) into a cached, guarded page-side function."""

    def run(db: str, *args):
        return query(cursor(), *args)

    # Streamlit keys a cache on module + qualname + source: give each wrapper its own name.
    run.__qualname__ = run.__name__ = f"cached_{query.__name__}"
    cached = st.cache_data(ttl=TTL, show_spinner=spinner)(run)

    def call(*args):
        try:
            return cached(str(db_path()), *args)
        except ClsmError as exc:
            show_error(exc)

    call.__name__, call.__doc__ = query.__name__, query.__doc__
    return call


def _participation(cur, f: Filters, hide_sensitive: bool = False) -> dict:
    return {
        "meetings": queries.meetings(cur, f, hide_sensitive),
        "per_year": queries.meetings_per_year(cur, f),
        "by_role": queries.attendance_by_role(cur, f),
        "by_sector": queries.attendance_by_sector(cur, f, hide_sensitive),
        "typology": queries.actors_typology(cur, f),
        "sism": queries.events(cur, f, "SISM"),
        "awareness": queries.events(cur, f, "sensibilisation"),
        "events": queries.events(cur, f),
        "f15": queries.indicator_values(cur, ["f15-proc-1", "f15-proc-2", "f15-proc-3"]),
    }


def _partners(cur, f: Filters) -> dict:
    return {
        "points": queries.structure_points(cur, f),
        "communes": queries.communes(cur),
        "pairs": queries.collaborations(cur, f),
    }


def _resources(cur, kwargs: tuple) -> object:
    return queries.resources(cur, **dict(kwargs))


plans = _cached(queries.plans)
axes = _cached(queries.axes)
themes = _cached(queries.themes)
structures = _cached(queries.structures)
headline = _cached(queries.headline, "Calcul des chiffres clés…")
milestones = _cached(queries.milestones)
changes_since = _cached(queries.changes_since)
last_copil = _cached(queries.last_meeting_date)
progress = _cached(queries.progress, "Calcul de l'avancement…")
actions = _cached(queries.actions)
timeline = _cached(queries.timeline)
action_sheet = _cached(queries.action_sheet)
attendance_detail = _cached(queries.attendance_detail)
participation = _cached(_participation, "Calcul de la participation…")
partners = _cached(_partners, "Préparation de la carte…")
_resources_cached = _cached(_resources)
build_info = _cached(queries.build_info)


def resources(**kwargs):
    """The resource directory filtered by keyword arguments of `queries.resources`."""
    return _resources_cached(tuple(sorted(kwargs.items())))


# ---------------------------------------------------------------- issue 10: filters in words, slides, reports
def _filter_labels(cur) -> dict:
    from clsm_data.figures import filter_labels

    return filter_labels(cur)


filter_labels = _cached(_filter_labels)


def fresh_cursor():
    """A cursor of its own, for a file built on a download click (Streamlit runs it on another thread)."""
    return _connection(str(db_path())).cursor()
