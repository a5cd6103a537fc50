"""Diaporama: named sequences of slides for the COPIL and the plenary hall (always masked, frozen data)."""

import streamlit as st

from components import slides, views

presenting = st.query_params.get("sequence")
f, user = views.current(sidebar="collapsed" if presenting else "auto")


def _clamp(n: int, count: int) -> int:
    return min(max(n, 1), count)


def _index(count: int) -> int:
    """The slide shown (1-based), from the URL so that a link reopens the same slide."""
    try:
        return _clamp(int(st.query_params.get("diapo", "1")), count)
    except ValueError:
        return 1


def _go(n: int, count: int) -> None:
    st.query_params["diapo"] = str(_clamp(n, count))
    st.session_state["_diapo_blank"] = False


def _blank() -> None:
    st.session_state["_diapo_blank"] = not st.session_state.get("_diapo_blank", False)


def _quit() -> None:
    for key in ("sequence", "diapo"):
        st.query_params.pop(key, None)
    slides.forget()


def render_keys(n: int, count: int) -> None:
    """Clicker and keyboard: PageDown/Right/Space next, PageUp/Left previous, Home/End, B blank."""
    # The keys are named in the labels, in French: Streamlit's key badge (« PageDown ») is hidden (slides.CSS).
    with st.container(key="diapo-keys", horizontal=True):
        st.button("◀ Page précédente", key="diapo_prev", on_click=_go, args=(n - 1, count), shortcut="PageUp",
                  help="Diapositive précédente (touche Page précédente ou ←)")
        st.button("Page suivante ▶", key="diapo_next", on_click=_go, args=(n + 1, count), shortcut="PageDown",
                  help="Diapositive suivante (touche Page suivante, → ou Espace)")
        st.button("Écran noir (B)", key="diapo_blank", on_click=_blank, shortcut="B",
                  help="Noircir l'écran ou le rallumer (touche B)")
        st.button("✕ Quitter", key="diapo_quit", on_click=_quit, help="Quitter la présentation")
    with st.container(key="diapo-hidden-keys"):
        st.button("Suivante (→)", key="diapo_next_right", on_click=_go, args=(n + 1, count), shortcut="Right")
        st.button("Suivante (Espace)", key="diapo_next_space", on_click=_go, args=(n + 1, count), shortcut="Space")
        st.button("Précédente (←)", key="diapo_prev_left", on_click=_go, args=(n - 1, count), shortcut="Left")
        st.button("Première (Début)", key="diapo_home", on_click=_go, args=(1, count), shortcut="Home")
        st.button("Dernière (Fin)", key="diapo_end", on_click=_go, args=(count, count), shortcut="End")


def present(sequence_id: str) -> None:
    deck = slides.open_deck(sequence_id, f)
    if deck is None:
        st.query_params.pop("sequence", None)
        slides.chooser(f, user, unknown=sequence_id)
        return
    slides.css()
    count = len(deck["slides"])
    n = _index(count)
    render_keys(n, count)
    if st.session_state.get("_diapo_blank"):
        with st.container(key="diapo-blank"):
            st.markdown(" ")
        return
    slides.render(deck, n)


if presenting:
    present(presenting)
else:
    slides.chooser(f, user)
