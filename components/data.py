"""Cached data access with one connection discipline.

- One read-write DuckDB connection per server process (the file opens read-write only once).
- No cursor is ever shared: every data call opens its own cursor, reads inside one transaction
  (one snapshot) and closes it. Two runs of one session, or two sessions, never meet in a cursor.
- A page reads one consistent state. At the start of each run the page notes the data version (the
  last audit id: every write, restore and account change leaves one audit row, from a sequence
  that never goes back). Every cached result is keyed by that version, and a computation checks,
  inside its own snapshot, that the version is still the one the run started with. If a write
  landed in between, nothing is cached and the run starts again on the new state: figures of two
  commits never end up side by side, neither on screen nor in the cache.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import streamlit as st

from clsm_data.core.config import DEFAULT_COUNCIL, db_path, use_council
from clsm_data.core.errors import ClsmError, QueryError
from clsm_data.followup import year as _followup
from clsm_data.present import headlines
from clsm_data.read import network as _network
from clsm_data.read import provenance as _provenance
from clsm_data.read import queries, statements
from clsm_data.read.filters import Filters
from clsm_data.store.db import connect
from clsm_data.store.engine import Connection, DatabaseError, engine

from .errors import show_error

SCOPE_KEY = "_clsm_councils"  # the councils the session's account reads (set from the account's rows, on the server)
CHOICE_KEY = "clsm_council_choice"  # the one it reads now, chosen among them in the sidebar
TTL = 600  # seconds; writes clear the cache explicitly, and the version key makes stale entries unreachable

_run = threading.local()  # the data version noted by the script run in progress on this thread


class _StaleRun(Exception):
    """The data changed since this run noted its version: start the run again on the new state."""


@st.cache_resource(show_spinner=False)
def _connection(path: str):
    # One connection for the whole server process: DuckDB lets one process hold the file
    # read-write, and readers of other processes could not open it meanwhile anyway. Reads and
    # writes use cursors of it, never the connection itself.
    return connect(path, read_only=False)


def scope() -> tuple[str, ...]:
    """The council this session reads: its account's council, or the one chosen among the account's councils in the
    sidebar; the database's default council when nobody is signed in (no accounts).

    Decided on the server (the account's rows; a choice outside them is ignored), never by the browser. On
    PostgreSQL every cursor of the session is bound to it: row-level security shows its rows only, whatever a query
    says. One council at a time: the screens add up one council's rows.
    """
    try:
        allowed = st.session_state.get(SCOPE_KEY)
        if not allowed:
            return (DEFAULT_COUNCIL,)
        choice = st.session_state.get(CHOICE_KEY)
        return (choice if choice in allowed else allowed[0],)
    except Exception:  # no session (a thread of its own): the default council, never every council
        return (DEFAULT_COUNCIL,)


def allowed_councils() -> tuple[str, ...]:
    """Every council the session's account may read (one, but for a regional or national account)."""
    try:
        return tuple(st.session_state.get(SCOPE_KEY) or scope())
    except Exception:
        return scope()


def set_scope(councils: tuple[str, ...]) -> None:
    """The councils of the session's account (auth, at each run, from the account's rows), its own first."""
    st.session_state[SCOPE_KEY] = tuple(councils)
    use_council(scope()[0])


def clear_scope() -> None:
    """Signed out: back to the database's default council."""
    st.session_state.pop(SCOPE_KEY, None)
    st.session_state.pop(CHOICE_KEY, None)
    use_council(DEFAULT_COUNCIL)


def council_names() -> dict[str, str]:
    """council id -> name, of every council of the database (names are no council's secret)."""
    cur = _connection(str(db_path())).cursor()
    try:
        return queries.council_names(cur)
    finally:
        cur.close()


def council_selector(where) -> None:
    """« Conseil » in the sidebar, for an account that reads several councils: one at a time."""
    allowed = allowed_councils()
    if len(allowed) < 2:
        return
    names = council_names()
    where.selectbox("Conseil", list(allowed), key=CHOICE_KEY, format_func=lambda c: names.get(c, c),
                    help="Les pages montrent un conseil à la fois ; l'état des lieux national peut les réunir tous.")


def _bound(root, councils: tuple[str, ...] | None):
    """A cursor of the process connection; on PostgreSQL, one bound to these councils (row-level security)."""
    if councils is not None and getattr(root, "clsm_engine", None) == "postgres":
        return root.bound(councils)
    return root.cursor()


@contextmanager
def snapshot(path: str | None = None, councils: tuple[str, ...] | None = None) -> Iterator[Connection]:
    """A cursor of its own inside one read transaction: every statement sees the same committed state."""
    cur = _bound(_connection(path or str(db_path())), councils if councils is not None else scope())
    try:
        with engine(cur).snapshot(cur):
            yield cur
    finally:
        cur.close()


def cursor(bound: bool = True) -> Connection:
    """A fresh cursor of this caller alone (uncached reads, one write of the coordinator).

    Never kept in session state nor reused by another run: each call gets its own. Bound to the session's
    councils; `bound=False` only for sign-in, which reads accounts before anyone's council is known.
    """
    return _bound(_connection(str(db_path())), scope() if bound else None)


def begin_run() -> int:
    """Note the data version this script run reads (every page calls it first, via views.current)."""
    use_council(scope()[0])  # this run's queries speak of the session's council
    try:
        with snapshot() as cur:
            version = engine(cur).data_version(cur)
    except ClsmError as exc:
        show_error(exc, stop=True)
    except DatabaseError as exc:
        show_error(_query_error(exc), stop=True)
    _run.version = version
    return version


def version() -> int:
    """The data version of the run in progress (noted at its start)."""
    found = getattr(_run, "version", None)
    return begin_run() if found is None else found


def clear() -> None:
    """Forget cached results (after a write) and note the new version for the rest of this run."""
    st.cache_data.clear()
    _run.version = None


def _query_error(exc: Exception) -> QueryError:
    return QueryError(
        "La lecture des données a échoué.",
        "Rechargez la page ; si le problème revient, signalez-le à la coordination du CLSM.",
    )


def _rerun() -> None:
    """The whole page again, on the new state (a test replaces it to count the re-runs)."""
    st.rerun()


def _cached(query: Callable, spinner: str | bool = False, bind: Callable[[], tuple[str, ...]] | None = None) -> Callable:
    """Wrap a named query (first argument: a cursor) into a cached, versioned, guarded page-side function.

    Its cursor is bound to the session's council, or to the councils `bind()` names (the network view: every
    council the account reads, decided on the server); they are part of the cache's key."""

    def run(db: str, expected: int, councils: tuple[str, ...], *args):
        with snapshot(db, councils) as cur:
            found = engine(cur).data_version(cur)
            if found != expected:
                raise _StaleRun  # not cached: exceptions never are
            return query(cur, *args)

    # Streamlit keys a cache on module + qualname + source: give each wrapper its own name.
    run.__qualname__ = run.__name__ = f"cached_{query.__name__}"
    cached = st.cache_data(ttl=TTL, show_spinner=spinner)(run)

    def call(*args):
        try:
            return cached(str(db_path()), version(), (bind or scope)(), *args)
        except _StaleRun:
            _run.version = None
            _rerun()
        except ClsmError as exc:
            show_error(exc, stop=True)
        except DatabaseError as exc:
            show_error(_query_error(exc), stop=True)

    call.__name__, call.__doc__ = query.__name__, query.__doc__
    return call


cached_query = _cached  # for the pages' own computations (slides): same snapshot, version and cache rules


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
overview = _cached(headlines.overview, "Calcul des chiffres clés…")
structures_said = _cached(statements.structures)
proposals = _cached(queries.proposals)
proposals_said = _cached(statements.proposals)
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


# ---------------------------------------------------------------- provenance, realised work, follow-up


def _sources_page(cur) -> dict:
    return {
        "documents": _provenance.documents(cur),
        "counts": _provenance.counts_by_document(cur),
        "readings": _provenance.readings(cur),
        "note_readings": _provenance.note_readings(cur),
        "writes": _provenance.writes(cur),
    }


figure_sources = _cached(_provenance.figure_sources)
sources_page = _cached(_sources_page)
realisations = _cached(queries.realisations)
counted_meetings = _cached(queries.counted_meetings)
status_history = _cached(queries.status_history)
missing_data = _cached(queries.missing_data)
realisation_targets = _cached(queries.realisation_targets)
year_figures = _cached(_followup.year_figures)
# the network page: cursors bound to every council the account reads (row-level security on PostgreSQL)
network_view = _cached(_network.view, bind=allowed_councils)
network_perimeters = _cached(_network.perimeters, bind=allowed_councils)
network_latest_year = _cached(_network.latest_year, bind=allowed_councils)
validated_years = _cached(_followup.validated_years)
year_state = _cached(_followup.year_state)
year_table = _cached(_followup.year_table)
# ---------------------------------------------------------------- filters in words, slides, reports
def _filter_labels(cur) -> dict:
    from clsm_data.present.figures import filter_labels

    return filter_labels(cur)


filter_labels = _cached(_filter_labels)


def _report_outline(cur, year: int, masked: bool) -> dict:
    from clsm_data.present import report

    doc = report.model(cur, year, masked, charts=False)
    return {"empty": doc["empty"], "heads": [b[1] for b in doc["blocks"] if b[0] == "h1"],
            "gaps": next((b[1] for b in doc["blocks"] if b[0] == "list"), [])}


def _report_default_year(cur) -> int:
    from clsm_data.present import report

    return report.default_year(cur)


report_outline = _cached(_report_outline)  # the whole report model: 300 ms of queries, once per data version
report_default_year = _cached(_report_default_year)


def fresh_cursor(councils: tuple[str, ...] | None = None):
    """A cursor of its own, for a file built on a download click (Streamlit may run it on another thread: the
    caller passes the councils it read when drawing the button)."""
    return _bound(_connection(str(db_path())), councils if councils is not None else scope())
