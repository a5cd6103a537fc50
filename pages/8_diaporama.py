"""Diaporama: the key views one after the other, for the plenary assembly (always in projection mode)."""

import time

import streamlit as st

from components import filters as flt
from components import fmt, slides, views

f, user = views.current(sidebar="collapsed")
flt.note_scope(f, "actions", "meetings", "events", "history", "structures")
deck = slides.deck_for(f)
COUNT = len(deck)
AUTO_SECONDS = 20


def _index() -> int:
    """The slide shown (1-based), from the URL so that a link reopens the same slide."""
    try:
        n = int(st.query_params.get("diapo", "1"))
    except ValueError:
        n = 1
    return min(max(n, 1), COUNT)


def _go(n: int) -> None:
    st.query_params["diapo"] = str((n - 1) % COUNT + 1)
    st.session_state["_diapo_shown_at"] = time.monotonic()


def render_controls() -> bool:
    n = _index()
    back, where, forward, auto_col = st.columns([1, 2, 1, 2], vertical_alignment="center")
    back.button("◀ Précédente", on_click=_go, args=(n - 1,), width="stretch", key="diapo_prev")
    where.markdown(f"**Diapositive {n} / {COUNT}**")
    forward.button("Suivante ▶", on_click=_go, args=(n + 1,), width="stretch", type="primary", key="diapo_next")
    return auto_col.toggle(f"Défilement automatique ({AUTO_SECONDS} s)", key="diapo_auto")


def render_slide() -> None:
    slide = deck[_index() - 1]
    st.title(slide.title)
    slide.render(f)
    active = flt.describe(f)
    st.caption("Plein écran : touche F11. Mode projection : les effectifs de 1 à 10 usagers ou aidants sont masqués."
               + (f" Filtres : {fmt.md(active)}." if active else ""))


auto = render_controls()


@st.fragment(run_every=AUTO_SECONDS if auto else None)
def show() -> None:
    shown_at = st.session_state.setdefault("_diapo_shown_at", time.monotonic())
    if auto and time.monotonic() - shown_at >= AUTO_SECONDS - 0.5:
        _go(_index() + 1)
    render_slide()


show()
