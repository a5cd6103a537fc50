"""The presentation mode: named sequences of slides, full-bleed for a hall, driven by a clicker.

A sequence is opened once (`open_deck`): every slide's figures and chart are computed then and kept
in the session with their timestamp, so the presentation shows the data as of its opening even if an
import lands meanwhile (« données au … » on every slide). Slides are always masked (projected).
Keys: next PageDown / Right / Space, previous PageUp / Left, Home / End, B blanks the screen; the buttons
name their keys in French (« Page suivante », « Page précédente », « Écran noir »).
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from clsm_data.followup import sequences
from clsm_data.present import figures
from clsm_data.present import render as chart_render
from clsm_data.read import statements
from clsm_data.read.filters import Filters, to_params

from . import data, fmt
from . import filters as flt
from .writing import write

SLIDE_FONT = 34  # chart text in px at the chart's own size (about 1 800 px wide): ≥ 24 px once fitted to 1080p
FROZEN = "_diapo_frozen"

# Constant CSS (no data in it): nothing of the app around the slide, big type sized on the screen height.
CSS = """
<style>
header[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
[data-testid="stAppDeployButton"], footer { display: none !important; }
/* No element toolbar (full screen, download) on a projected slide: at 1280x720 it sat on the title's last letters. */
.st-key-diapo-slide [data-testid="stElementToolbar"], .st-key-diapo-slide [data-testid="stElementToolbarButton"],
.st-key-diapo-slide [data-testid^="stBaseButton-elementToolbar"],
.st-key-diapo-footer [data-testid="stElementToolbar"] { display: none !important; }
/* Top margin: room for the clicker's buttons (about 2.2rem), never over a title. */
[data-testid="stMainBlockContainer"] { padding: max(3vh, 2.8rem) 4vw 0 4vw !important; max-width: 100vw !important; }
[data-testid="stAppViewContainer"], .stApp { background: #ffffff; }
/* The slide and its footer share the screen: the page is one column of the screen's height, the slide takes
   what the footer (one to three lines) leaves, and the chart what the title and notes leave. */
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] { height: calc(100vh - max(3vh, 2.8rem)); gap: 0 !important;
  flex-wrap: nowrap !important; }
[data-testid="stLayoutWrapper"]:has(> .st-key-diapo-slide) { flex: 1 1 0 !important; min-height: 0; }
.st-key-diapo-slide { flex: 1 1 0 !important; min-height: 0; overflow: hidden; gap: 2vh; padding-bottom: 1.5vh; }
.st-key-diapo-slide > * { flex-shrink: 0; }
.st-key-diapo-slide > [data-testid="stElementContainer"]:has([data-testid="stImage"]) { flex: 1 1 0; min-height: 0; }
.st-key-diapo-slide [data-testid="stFullScreenFrame"], .st-key-diapo-slide [data-testid="stFullScreenFrame"] > div,
.st-key-diapo-slide [data-testid="stImage"], .st-key-diapo-slide [data-testid="stImageContainer"] { height: 100%; }
.st-key-diapo-slide [data-testid="stImage"] img { max-height: 100%; max-width: 92vw; width: auto !important;
  height: auto; display: block; margin: 0 auto; object-fit: contain; }
.st-key-diapo-slide h1 { font-size: 6.2vh !important; line-height: 1.15 !important; color: #111 !important;
  padding: 0 !important; font-weight: 700 !important; }
.st-key-diapo-slide h2 { font-size: 4.2vh !important; color: #333 !important; font-weight: 400 !important; }
.st-key-diapo-slide [data-testid="stMetricValue"], .st-key-diapo-slide [data-testid="stMetricValue"] * {
  font-size: 16vh !important; line-height: 1.1 !important; color: #0b4f8a !important; font-weight: 700 !important;
  overflow: visible !important; height: auto !important; }
.st-key-diapo-slide [data-testid="stMetric"] { padding-top: 4vh; }
.st-key-diapo-slide [data-testid="stMetricLabel"] p { font-size: 3.4vh !important; white-space: normal !important;
  line-height: 1.2 !important; color: #222 !important; }
.st-key-diapo-slide [data-testid="stMetricLabel"] { height: auto !important; }
.st-key-diapo-slide [data-testid="stCaptionContainer"], .st-key-diapo-slide [data-testid="stCaptionContainer"] * {
  font-size: 2.6vh !important; color: #333 !important; opacity: 1 !important; }  /* Streamlit's 0.6: under AA */
.st-key-diapo-slide p { font-size: 3vh; }
/* The footer carries the sources: read from the back of a hall (2.6 % of the screen height, #222 on #f3f3f3). */
[data-testid="stLayoutWrapper"]:has(> .st-key-diapo-footer) { flex: 0 0 auto !important; margin: 0 -4vw;
  width: 100vw !important; max-width: 100vw !important; }
.st-key-diapo-footer { padding: 0.8vh 4vw 1.2vh 4vw; background: #f3f3f3; border-top: 1px solid #ccc; gap: 0 !important; }
.st-key-diapo-footer *, .st-key-diapo-footer p { font-size: 2.6vh !important; color: #222 !important;
  margin: 0 !important; line-height: 1.3 !important; }
/* The clicker's buttons, top right, small and grey (#555 on white: contrast AA, no transparency); their keys are
   said in French in the labels (Streamlit's own key badge says « PageDown »: hidden, the shortcut still works). */
.st-key-diapo-keys { position: fixed; top: 0.4vh; right: 0.6vw; z-index: 20; width: auto !important;
  gap: 0.3rem !important; }
.st-key-diapo-keys button, .st-key-diapo-hidden-keys button { min-height: 0 !important; padding: 0.1rem 0.5rem !important;
  background: #fff !important;
  border-color: #e2e2e2 !important; }
.st-key-diapo-keys button p { font-size: 0.8rem !important; color: #555 !important; }
.st-key-diapo-keys kbd, .st-key-diapo-hidden-keys kbd { display: none !important; }
.st-key-diapo-hidden-keys { position: fixed; left: -9999px; top: 0; width: 1px; height: 1px; overflow: hidden; }
/* Reached with Tab, a key's button shows where it is (WCAG 2.4.7), under the visible ones. */
.st-key-diapo-hidden-keys:focus-within { left: auto; right: 0.6vw; top: 2.6rem; width: auto; height: auto;
  overflow: visible; z-index: 20; background: #fff; gap: 0.3rem !important; }
.st-key-diapo-hidden-keys button p { font-size: 0.8rem !important; color: #555 !important; }
.st-key-diapo-blank { position: fixed; inset: 0; background: #000; z-index: 15; }
.stApp:has(.st-key-diapo-blank) .st-key-diapo-keys { z-index: 10; }  /* black means black: B brings the slide back */
</style>
"""


def _escape(text: str) -> str:
    return fmt.md(text) if text else ""


def _compute(cur, sequence_id: str, f: Filters) -> dict | None:
    """Every slide's figures and chart pictures (vl-convert SVG): about a second of work for a sequence."""
    computed = figures.compute(cur, sequence_id, f, masked=True)
    if computed is None:
        return None
    for fig in computed["figures"]:
        c = figures.figure_chart(fig, font=SLIDE_FONT, width=1700, height=700, fill=True)
        if c is not None:
            fig["svg"] = chart_render.svg(c.to_json())
    return computed | {"council": figures.council(cur, f.council_id), "data_date": statements.data_date(cur, f.council_id)}


# Shared by every session for one data version: a second opening (another screen, a reload) is immediate,
# and its « données au » is the moment these figures were read, the data being the same since.
_computed = data.cached_query(_compute)


def open_deck(sequence_id: str, f: Filters) -> dict | None:
    """Compute every slide of a sequence once and keep it in the session (the frozen presentation).

    Returns:
        {"id", "name", "at", "slides": [...], "skipped": [...], "filters"} or None for an unknown sequence.
    """
    key = (sequence_id, f)
    frozen = st.session_state.get(FROZEN)
    if frozen and frozen["key"] == key:
        return frozen
    with st.spinner("Préparation de la présentation (les chiffres sont figés à cet instant)…"):
        computed = _computed(sequence_id, f)
    if computed is None:
        return None
    name, at, slides, skipped, council = (computed[k] for k in ("name", "at", "figures", "skipped", "council"))
    words = flt.describe(f)
    title = {"id": "_titre", "kind": "title", "title": council["name"], "subtitle": name,
             "when": fmt.long_date(at), "skipped": skipped}
    end = {"id": "_fin", "kind": "end", "title": "Merci de votre attention",
           "subtitle": council["name"], "when": ""}
    frozen = {"key": key, "id": sequence_id, "name": name, "at": at, "slides": [title, *slides, end],
              "skipped": skipped, "filters": words, "data_date": computed.get("data_date")}
    st.session_state[FROZEN] = frozen
    return frozen


def forget() -> None:
    """Drop the frozen presentation (the next opening recomputes the figures)."""
    st.session_state.pop(FROZEN, None)


def css() -> None:
    st.html(CSS)


def render(deck: dict, n: int) -> None:
    """Draw slide n (1-based) of a frozen deck, with its footer."""
    slide = deck["slides"][n - 1]
    with st.container(key="diapo-slide"):
        if slide.get("kind") == "title":
            st.html("<div style='height:14vh'></div>")
            st.title(_escape(slide["title"]), anchor=False)
            st.header(_escape(slide["subtitle"] + " · " + slide["when"]), anchor=False)
            st.markdown(_escape(f"Chiffres tirés des documents du CLSM, {fmt.stamp(deck['at'])}."))
            if slide["skipped"]:
                st.warning("Diapositive(s) inconnue(s), non présentée(s) : "
                           + _escape(", ".join(slide["skipped"])) + ".")
        elif slide.get("kind") == "end":
            st.html("<div style='height:22vh'></div>")
            st.title(_escape(slide["title"]), anchor=False)
            st.header(_escape(slide["subtitle"]), anchor=False)
        else:
            _render_figure(slide)
    with st.container(key="diapo-footer"):
        latest = deck.get("data_date")  # the opening time is not the data's date: the latest dated fact is said too
        parts = [f"Diapositive {n} / {len(deck['slides'])}", deck["name"], fmt.stamp(deck["at"])
                 + (f" (dernier fait daté : {fmt.day(latest)})" if latest else ""),
                 slide.get("filters") or deck["filters"] or "sans filtre", "effectifs de 1 à 10 usagers ou aidants masqués"]
        st.markdown(_escape(" · ".join(parts)))
        source = slide.get("source")
        if source:  # a line of its own: the sources are what the hall reads in the footer
            st.markdown(_escape("Source : " + source))


def _render_figure(fig: dict) -> None:
    st.title(_escape(fig["title"]), anchor=False)
    if fig.get("svg"):
        st.image(fig["svg"], alt="Graphique : " + fig["title"])  # the headline says what the chart shows
    elif fig.get("figures"):
        items = fig["figures"][:4]
        cols = st.columns(len(items))
        for col, item in zip(cols, items, strict=True):
            col.metric(_escape(item.get("short") or item["label"]), item["value"])
    else:
        st.markdown(_escape("Les documents ne donnent pas de valeur pour cette vue."))
    for note in fig.get("notes", [])[:2]:
        st.caption(_escape(note))


# ---------------------------------------------------------------- choosing and composing sequences


def _start(sequence_id: str) -> None:
    forget()  # a new opening: the figures are computed again, as of now
    st.query_params["sequence"] = sequence_id
    st.query_params["diapo"] = "1"


def chooser(f: Filters, user, unknown: str | None = None) -> None:
    """The list of sequences (present, download the deck) and, for the coordinator, the composer."""
    st.title("Diaporama")
    st.caption("Une séquence s'ouvre en plein écran, sans rien de l'application autour ; touches : Page suivante, "
               "→ ou Espace (suivante), Page précédente ou ← (précédente), Début / Fin, B (écran noir). "
               "Les chiffres sont figés à l'ouverture et les effectifs de 1 à 10 usagers ou aidants sont masqués. "
               "F11 : plein écran du navigateur.")
    if unknown:
        st.warning(f"Séquence inconnue : « {_escape(unknown)} ». Choisissez-en une ci-dessous.")
    words = flt.describe(f)
    if words:
        st.caption("Filtres appliqués aux diapositives : " + _escape(words) + ".")
    cur = data.cursor()
    names = figures.catalogue(cur)
    for sid, (name, ids) in sequences.all_sequences(cur).items():
        with st.container(border=True):
            left, right = st.columns([3, 1], vertical_alignment="center")
            left.markdown(f"**{_escape(name)}** · adresse : `?sequence={sid}`")
            shown = [_name(names, i) for i in ids]
            left.caption(_escape(" → ".join(shown)))
            right.button("Présenter", key=f"present_{sid}", on_click=_start, args=(sid,), type="primary",
                         width="stretch")
            deck_download(right, sid, f)
    if user.can_write:
        composer(cur, user, names, f)


def _name(names: dict[str, str], slide_id: str) -> str:
    base, _, own = slide_id.partition("@")
    if base not in names:
        return f"« {slide_id} » (inconnue, sera ignorée)"
    return names[base] + (f" (filtres : {own})" if own else "")


def deck_download(where, sequence_id: str, f: Filters) -> None:
    """The sequence as a .pptx, built on click (see clsm_data.present.deck)."""
    councils = data.scope()  # read now: the file may be built on another thread

    def build() -> bytes:
        # python-pptx (and lxml, Pillow: 10 MB) is loaded when a deck is asked for, not by every visit of the page
        from clsm_data.present import deck

        return deck.build_bytes(data.fresh_cursor(councils), sequence_id, f)

    where.download_button("⬇ PowerPoint (.pptx)", data=build, file_name=f"clsm-{sequence_id}.pptx", on_click="ignore",
                          mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                          key=f"deck_{sequence_id}", width="stretch")


def composer(cur, user, names: dict[str, str], f: Filters) -> None:
    """Compose, order and save a sequence (coordinator only; the write checks the role again)."""

    with st.expander("Composer une séquence (coordination)"):
        existing = sequences.all_sequences(cur)
        base = st.selectbox("Partir de", ["(nouvelle)", *existing], key="seq_base",
                            format_func=lambda k: k if k == "(nouvelle)" else existing[k][0])
        name0, ids0 = existing.get(base, ("", []))
        sid = st.text_input("Identifiant (adresse ?sequence=…)", value="" if base == "(nouvelle)" else base,
                            key=f"seq_id_{base}")
        name = st.text_input("Nom", value=name0, key=f"seq_name_{base}")
        options = list(dict.fromkeys([*names, *ids0]))  # slides saved with their own filters stay choosable
        picked = st.multiselect("Diapositives, dans l'ordre de présentation", options,
                                default=[i for i in ids0 if i.partition("@")[0] in names],
                                format_func=lambda i: _name(names, i), key=f"seq_slides_{base}",
                                placeholder="Choisir des diapositives")
        own = to_params(f)
        with_filters = st.checkbox("Fixer les filtres du panneau de gauche sur les diapositives ajoutées ("
                                   + (_escape(flt.describe(f)) or "aucun filtre") + ")", key="seq_own_filters",
                                   disabled=not own)
        if st.button("Enregistrer la séquence", key="seq_save", type="primary"):
            if with_filters and own:
                query = urlencode(own)
                picked = [i if "@" in i else f"{i}@{query}" for i in picked]
            result = write(lambda c: sequences.save(c, user, sid.strip(), name, picked), "", rerun=False)
            if result is None:
                return
            st.success(_escape(result.summary()))
