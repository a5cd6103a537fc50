"""The sidebar filters: widgets bound to the URL, turned into one plain Filters object.

Which filters, their labels, URL names, placeholders and order come from the entries of
clsm_data.read.filters (`ENTRIES`); this module only knows how to draw each widget kind and where the
reference lists of choices come from (`OPTIONS`).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from clsm_data.read import filters as defs
from clsm_data.read.filters import Entry, Filters

from . import data, fmt

# URL parameter names (short, French, stable: shared links rely on them) and labels, per Filters field:
# from the one entry per filter in clsm_data.read.filters.
KEYS = {fld: param for e in defs.ENTRIES for fld, param in zip(e.fields, e.params, strict=True)}
LABELS = defs.field_labels()
PERIOD = next(e for e in defs.ENTRIES if e.widget == "period")


def _labels(df, id_col: str, label_col: str) -> dict[str, str]:
    return dict(zip(df[id_col], df[label_col], strict=True))


def _axes(picked: dict) -> dict[str, str]:
    """The axes of the chosen plan (of every plan, each saying its plan, when none is chosen)."""
    plan = picked.get("plan_id")
    shorts = _labels(data.plans(), "plan_id", "short_name")
    return {r.axis_id: (f"Axe {r.number} – " if not fmt.is_missing(r.number) else "Rubrique ") + f"{r.short_title}"
            + ("" if plan else f" ({shorts.get(r.plan_id, r.plan_id)})") for r in data.axes(plan).itertuples()}


# The reference lists an entry's `options` names: {value: label shown}, given the values picked above it.
OPTIONS = {
    "plans": lambda picked: _labels(data.plans(), "plan_id", "name"),
    "axes": _axes,
    "themes": lambda picked: _labels(data.themes(), "theme_id", "name"),
    "structures": lambda picked: _labels(data.structures(), "structure_id", "label"),
}


def _choices(e: Entry, picked: dict) -> dict[str, str]:
    return OPTIONS[e.options](picked) if e.options else {c: c for c in e.choices}


MEMORY = "_filters_memory"
LAST_PAGE = "_filters_last_page"


def _carry_over() -> None:
    """On a page change inside the session, give the new page the filters of the page just left.

    Measured in Chromium: a click on a menu link opens the next page without the link's query
    string, and the new page's URL-bound widgets then start empty. So on a page change the values
    the last page held are set again before the widgets are drawn, and written into the URL so that
    the address bar can be copied as is. A shared link opens a new session: its URL is used as is.
    """
    ctx = get_script_run_ctx()
    page = ctx.page_script_hash if ctx else ""
    last = st.session_state.get(LAST_PAGE)
    st.session_state[LAST_PAGE] = page
    if last is None or last == page:
        return
    for key, value in st.session_state.get(MEMORY, {}).items():
        st.session_state[key] = value
    carried = st.session_state.get("_carried_params") or {}
    if carried and not any(k in st.query_params for k in (*KEYS.values(), "projection")):
        st.query_params.update(carried)


def _remember() -> None:
    st.session_state[MEMORY] = {key: st.session_state.get(key) for key in (*KEYS.values(), "projection")}


def bound_value(key: str, many: bool = False):
    """A URL-bound widget's value before it is drawn in this run (to name it on the button that opens it):
    the widget's own, kept by the session, or the URL's on a session's first run (a list when `many`)."""
    if key in st.session_state:
        return st.session_state[key]
    return st.query_params.get_all(key) if many else st.query_params.get(key)


def _iso(value) -> dt.date | None:
    """A date from the URL (ISO text) or the session (a date); None when it is neither."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return value if isinstance(value, dt.date) else None


def _period_label() -> str:
    """The period as the popover's label says it."""
    return defs.period_words(*(_iso(bound_value(param)) for param in PERIOD.params)) or "toute"


# The period: month and year lists in French (the date picker's calendar stays in English and covered
# the other date). Its two dates live in the session under the URL's names (`du`, `au`, ISO dates), and
# are written into the URL by hand: a list bound to the URL would write its French label there.
BOUNDS = {"period_start": "De", "period_end": "À"}
ANY_YEAR = 0  # the year lists' « toutes »: no bound


def _last_day(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))


def _bound_day(name: str) -> dt.date | None:
    """The date a bound's month and year lists say: the 1st of the month (De) or its last day (À)."""
    key = KEYS[name]
    year, month = st.session_state.get(f"{key}_annee"), st.session_state.get(f"{key}_mois")
    if not year:  # ANY_YEAR
        return None
    month = month or (1 if name == "period_start" else 12)
    return dt.date(year, month, 1) if name == "period_start" else _last_day(year, month)


def _write_url(key: str, day: dt.date | None) -> None:
    if day is None:
        st.query_params.pop(key, None)
    elif st.query_params.get(key) != PERIOD.format(day):
        st.query_params[key] = PERIOD.format(day)


def _picked(name: str) -> None:
    """A month or year list changed: the bound's date follows it, in the session and in the URL."""
    day = _bound_day(name)
    st.session_state[KEYS[name]] = day
    _write_url(KEYS[name], day)


def _clear_period() -> None:
    for name in BOUNDS:
        st.session_state[KEYS[name]] = None
        _write_url(KEYS[name], None)


def _years(*days: dt.date | None) -> list[int]:
    """The years the data covers (the council's history and its plans, up to this year), and the years asked."""
    plans = data.plans()
    known = [int(y) for col in ("year_start", "year_end") for y in plans[col] if not fmt.is_missing(y)]
    known += [int(y) for y in data.milestones()["year_start"] if not fmt.is_missing(y)]
    known += [d.year for d in days if d] + [dt.date.today().year]
    return list(range(min(known), max(known) + 1))


def _period(sb) -> tuple[dt.date | None, dt.date | None]:
    """The period's popover, named after the period: « De » and « À », each a French month and a year.

    Returns the period's two dates (None: no bound). A date of the URL that is not a month's first or
    last day (« du 15/03/2021 ») is kept as is until its lists are changed.
    """
    days = {}
    for name in BOUNDS:
        key = KEYS[name]
        if key not in st.session_state:  # a session's first run: the URL's date
            st.session_state[key] = _iso(st.query_params.get(key))  # a date that does not read is no date
        days[name] = _iso(st.session_state[key])
        # The lists show the bound's date (set again on each run: a link, a page change or « Toute la
        # période » may have moved it since they were drawn).
        st.session_state[f"{key}_annee"] = days[name].year if days[name] else ANY_YEAR
        st.session_state[f"{key}_mois"] = days[name].month if days[name] else (1 if name == "period_start" else 12)
    years = _years(*days.values())
    period = sb.popover(f"{PERIOD.label} : " + _period_label(), icon=":material/date_range:", width="stretch", key="periode")
    for name, word in BOUNDS.items():
        key = KEYS[name]
        c1, c2 = period.columns([3, 2])
        c1.selectbox(f"{word} : mois", range(1, 13), format_func=lambda m: fmt.MONTHS[m - 1], key=f"{key}_mois",
                     on_change=_picked, args=(name,), disabled=days[name] is None)
        # « toutes » is an option, not an empty list: Streamlit's Escape key empties a list that may be empty,
        # and so lost the date (seen in Chromium).
        c2.selectbox(f"{word} : année", [ANY_YEAR, *years], format_func=lambda y: str(y) if y else "toutes",
                     key=f"{key}_annee", on_change=_picked, args=(name,))
    if any(days.values()):
        period.button("Toute la période", icon=":material/close:", key="periode_toute", on_click=_clear_period)
    period.caption("Sans année : toute la période. « De » part du premier jour du mois, « À » va jusqu'au dernier. "
                   "Une action compte si ses dates croisent la période.")
    for name in BOUNDS:  # a page change or a link keeps the URL in step with what is shown
        if days[name] is not None:
            _write_url(KEYS[name], days[name])
    return days["period_start"], days["period_end"]


def sidebar() -> Filters:
    """Draw the filters in the sidebar and return what they select."""
    _carry_over()
    asked = {name: st.query_params.get(param) for name, param in KEYS.items()}
    sb = st.sidebar
    sb.markdown("### Filtres")
    picked: dict[str, object] = {}
    shown: dict[str, str | None] = {}  # what the URL holds for each field (a select writes its label there)
    for e in sorted(defs.ENTRIES, key=lambda e: e.rank):
        if e.widget == "period":
            values = _period(sb)
            for fld, value in zip(e.fields, values, strict=True):
                picked[fld] = value
                shown[fld] = e.format(value) if value is not None else None
            continue
        (fld,) = e.fields
        options = _choices(e, picked)
        value = sb.selectbox(e.label, list(options), index=None, format_func=options.get, placeholder=e.placeholder,
                             key=e.params[0], bind="query-params", disabled=not options)
        picked[fld] = value if value in options else None
        shown[fld] = options.get(picked[fld])
    filters = dict(picked)
    start, end = picked["period_start"], picked["period_end"]
    if start and end and start > end:
        sb.warning("La date de début est après la date de fin : la période est ignorée.")
        filters["period_start"] = filters["period_end"] = None
    f = Filters(**filters)
    unknown = [f"{LABELS[name]} « {value} »" for name, value in asked.items() if value and picked[name] is None]
    if unknown:  # a link with a value that no longer exists (renamed plan, typo): say it, do not ignore silently
        sb.warning("Filtre de l'adresse non reconnu, donc ignoré : " + fmt.md(", ".join(unknown)) + ".")
    if f.active():
        sb.caption("Le lien de la page garde ces filtres : copiez l'adresse pour partager cette vue.")
    projection = sb.toggle("Mode projection", key="projection", bind="query-params",
                           help="Pour l'écran d'une salle : les effectifs de 1 à 10 usagers ou aidants sont masqués (« < 11 »).")
    # What the URL holds for these widgets, so that the menu's links can carry the filters to the next page.
    carried = {KEYS[k]: v for k, v in shown.items() if v}
    if projection:
        carried["projection"] = "true"
    st.session_state["_carried_params"] = carried
    _remember()
    return f


def describe(f: Filters) -> str:
    """The active filters in words (names, not codes), for captions, slides and exports."""
    return defs.describe(f, data.filter_labels())


def note_scope(f: Filters, *families: str) -> None:
    """Say which active filters this page does not apply, instead of ignoring them silently."""
    ignored = defs.ignored(f, *families)
    if ignored:
        st.caption("ℹ️ Filtres sans effet sur cette page : " + ", ".join(ignored) + ".")


def empty(f: Filters, what: str) -> None:
    """The message for a filter that matches nothing, with how to widen it."""
    active = describe(f)
    hint = f" avec les filtres {active}" if active else ""
    st.info(fmt.md(f"Aucun(e) {what}{hint}.") + " Élargissez la recherche : retirez un filtre dans le panneau de gauche.")
