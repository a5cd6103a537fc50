"""The sidebar filters: widgets bound to the URL, turned into one plain Filters object."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from clsm_data import filters as defs
from clsm_data.filters import APPLIES, Filters
from clsm_data.queries import STATUS_ORDER

from . import data, fmt

# URL parameter names (short, French, stable: shared links rely on them) and labels: from the one
# definition per filter in clsm_data.filters.
KEYS = {d.name: d.param for d in defs.DEFS}
LABELS = {d.name: d.label for d in defs.DEFS}


def _labels(df, id_col: str, label_col: str) -> dict[str, str]:
    return dict(zip(df[id_col], df[label_col], strict=True))


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


def _period_label() -> str:
    """The period as the popover's label says it."""
    def day(name: str):
        value = bound_value(KEYS[name])
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                return None
        return value if isinstance(value, dt.date) else None

    return defs.period_words(day("period_start"), day("period_end")) or "toute"


def sidebar() -> Filters:
    """Draw the filters in the sidebar and return what they select."""
    _carry_over()
    asked = {name: st.query_params.get(param) for name, param in KEYS.items()}
    sb = st.sidebar
    sb.markdown("### Filtres")
    plans = _labels(data.plans(), "plan_id", "name")
    plan = sb.selectbox(
        LABELS["plan_id"], list(plans), index=None, format_func=plans.get, placeholder="Tous les plans",
        key=KEYS["plan_id"], bind="query-params",
    )
    axes_df = data.axes(plan)
    shorts = _labels(data.plans(), "plan_id", "short_name")
    axes = {r.axis_id: (f"Axe {r.number} – " if not fmt.is_missing(r.number) else "Rubrique ") + f"{r.short_title}"
            + ("" if plan else f" ({shorts.get(r.plan_id, r.plan_id)})") for r in axes_df.itertuples()}
    axis = sb.selectbox(
        LABELS["axis_id"], list(axes), index=None, format_func=axes.get, placeholder="Tous les axes",
        key=KEYS["axis_id"], bind="query-params", disabled=not axes,
    )
    themes = _labels(data.themes(), "theme_id", "name")
    theme = sb.selectbox(
        LABELS["theme_id"], list(themes), index=None, format_func=themes.get, placeholder="Toutes les thématiques",
        key=KEYS["theme_id"], bind="query-params",
    )
    structures = _labels(data.structures(), "structure_id", "label")
    structure = sb.selectbox(
        LABELS["structure_id"], list(structures), index=None, format_func=structures.get, placeholder="Toutes les structures",
        key=KEYS["structure_id"], bind="query-params",
    )
    status = sb.selectbox(
        LABELS["status"], STATUS_ORDER, index=None, placeholder="Tous les statuts", key=KEYS["status"], bind="query-params",
    )
    # The period's two dates sit in a popover named after the period: closed, its date fields are not
    # drawn, which spares every page the date picker's code (40-90 ms in Chromium); still URL-bound.
    period = sb.popover("Période : " + _period_label(), icon=":material/date_range:", width="stretch", key="periode")
    lo, hi = dt.date(2015, 1, 1), dt.date(2030, 12, 31)
    start = period.date_input("Du", value=None, min_value=lo, max_value=hi, format="DD/MM/YYYY",
                              key=KEYS["period_start"], bind="query-params")
    end = period.date_input("Au", value=None, min_value=lo, max_value=hi, format="DD/MM/YYYY",
                            key=KEYS["period_end"], bind="query-params")
    period.caption("Vides : toute la période. Une action compte si ses dates croisent la période.")
    picked = {"plan_id": plan, "axis_id": axis if axis in axes else None, "theme_id": theme,
              "structure_id": structure, "status": status, "period_start": start, "period_end": end}
    if start and end and start > end:
        sb.warning("La date de début est après la date de fin : la période est ignorée.")
        start = end = None
    f = Filters(period_start=start, period_end=end, plan_id=plan, axis_id=axis if axis in axes else None,
                theme_id=theme, structure_id=structure, status=status)
    unknown = [f"{LABELS[name]} « {value} »" for name, value in asked.items() if value and picked[name] is None]
    if unknown:  # a link with a value that no longer exists (renamed plan, typo): say it, do not ignore silently
        sb.warning("Filtre de l'adresse non reconnu, donc ignoré : " + fmt.md(", ".join(unknown)) + ".")
    if f.active():
        sb.caption("Le lien de la page garde ces filtres : copiez l'adresse pour partager cette vue.")
    projection = sb.toggle("Mode projection", key="projection", bind="query-params",
                           help="Pour l'écran d'une salle : les effectifs de 1 à 10 usagers ou aidants sont masqués (« < 11 »).")
    # What the URL holds for these widgets (Streamlit writes a selectbox's displayed label), so that
    # the menu's links can carry the filters to the next page.
    shown = {"plan_id": plans.get(plan), "axis_id": axes.get(f.axis_id), "theme_id": themes.get(theme),
             "structure_id": structures.get(structure), "status": status,
             "period_start": start.isoformat() if start else None, "period_end": end.isoformat() if end else None}
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
    applied = set().union(*(APPLIES[fam] for fam in families))
    ignored = [LABELS[k] for k in f.active() if k not in applied]
    if ignored:
        st.caption("ℹ️ Filtres sans effet sur cette page : " + ", ".join(ignored) + ".")


def empty(f: Filters, what: str) -> None:
    """The message for a filter that matches nothing, with how to widen it."""
    active = describe(f)
    hint = f" avec les filtres {active}" if active else ""
    st.info(fmt.md(f"Aucun(e) {what}{hint}.") + " Élargissez la recherche : retirez un filtre dans le panneau de gauche.")
