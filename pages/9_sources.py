"""Sources: the five documents, what came from each, the readings made and the clashes between documents."""

import streamlit as st

from components import data, fmt, views
from components import filters as flt
from components import provenance as src

f, user = views.current()
views.header("Sources", "D'où viennent les chiffres : les cinq documents du CLSM, les lectures faites en les "
                        "transcrivant et les écarts entre documents")
flt.note_scope(f)  # the page lists every source: the sidebar filters do not narrow it
s = data.sources_page()

KIND_WORDS = {"lecture": "Lecture", "correction": "Correction", "écart": "Écart entre documents"}


def render_legend() -> None:
    st.info(src.LEGEND, icon=":material/info:")


def render_documents() -> None:
    docs, counts = s["documents"], s["counts"]
    shown = docs.assign(Lignes=docs["rows"].map(fmt.number), Publié=docs["published"].map(fmt.text))
    views.table(shown[["source_id", "title", "Publié", "Lignes"]].rename(
        columns={"source_id": "Document", "title": "Titre"}), hide_index=True, width="stretch")
    st.caption("Lignes : valeurs transcrites de chaque document (une ligne de table = un fait daté, une action, "
               "une présence…). Les fichiers de data/seed en gardent chacun la trace (fichier et ligne).")
    for doc in docs.itertuples():
        part = counts[counts["source_id"] == doc.source_id]
        with st.expander(f"Ce qui vient de {fmt.md(doc.source_id)} – {fmt.md(doc.title)}"):
            if part.empty:
                st.caption("Aucune ligne transcrite de ce document.")
                continue
            views.table(part.assign(Lignes=part["rows"].map(fmt.number))[["table", "Lignes"]].rename(
                columns={"table": "Table"}), hide_index=True, width="stretch")


def _reading_table(df) -> None:
    table = df.assign(
        Nature=df["kind"].map(KIND_WORDS),
        Où=[" · ".join(x for x in (fmt.text(t, ""), fmt.text(k, ""), fmt.text(c, "")) if x and x != "*")
            for t, k, c in zip(df["table_name"], df["row_key"], df["column_name"], strict=True)],
        Sources=[fmt.text(a, "") + ("" if fmt.is_missing(b) else f" / {b}")
                 for a, b in zip(df["source_id"], df["other_source_id"], strict=True)],
    )
    views.table(table[["Nature", "Sources", "section", "quote", "reason", "Où"]].rename(columns={
        "section": "Rubrique", "quote": "Ce que dit le document", "reason": "Lecture retenue et raison"}),
        hide_index=True, width="stretch")


def render_readings() -> None:
    r = s["readings"]
    st.subheader("Écarts entre documents")
    clashes = r[r["kind"] == "écart"]
    if clashes.empty:
        st.info("Aucun écart entre documents n'est enregistré.")
    else:
        _reading_table(clashes)
    st.subheader("Lectures et corrections")
    st.caption("Ce que la transcription a interprété : chaque lecture dit ce qu'écrit le document et la raison du choix.")
    _reading_table(r[r["kind"] != "écart"])
    notes = s["note_readings"]
    if not notes.empty:
        st.markdown("**Lectures notées ligne par ligne** (colonne « note » des données)")
        views.table(notes.assign(Lignes=notes["rows"].map(fmt.number))[["source_id", "table", "Lignes"]].rename(
            columns={"source_id": "Document", "table": "Table"}), hide_index=True, width="stretch")


def render_writes() -> None:
    st.subheader("Saisies et imports dans l'application")
    w = s["writes"]
    if w.empty:
        st.info("Aucune saisie ni aucun import depuis la construction : tout vient des documents.")
        return
    views.table(w.assign(Quand=w["logged_at"].map(fmt.date), Nature=w["kind"].str.capitalize())[
        ["Quand", "Nature", "table_name", "origin", "operation", "role"]].rename(columns={
            "table_name": "Table", "origin": "Fichier ou écran", "operation": "Opération", "role": "Rôle"}),
        hide_index=True, width="stretch")


render_legend()
views.lazy_tabs("vue", [("Les cinq documents", render_documents), ("Écarts et lectures", render_readings),
                        ("Saisies et imports", render_writes)])
