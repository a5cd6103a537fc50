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
    shown = docs.assign(Lignes=docs["rows"].map(fmt.number), Publié=docs["published"].map(lambda v: fmt.text(v, "non daté")))
    views.table(shown[["title", "Publié", "Lignes"]].rename(columns={"title": "Document"}), hide_index=True, width="stretch")
    st.caption("Lignes : valeurs transcrites de chaque document (une ligne de table = un fait daté, une action, "
               "une présence…). Les fichiers de data/seed en gardent chacun la trace (fichier et ligne).")
    for doc in docs.itertuples():
        part = counts[counts["source_id"] == doc.source_id]
        with st.expander(f"Ce qui vient de « {fmt.md(doc.title)} »"):
            if part.empty:
                st.caption("Aucune ligne transcrite de ce document.")
                continue
            views.table(part.assign(Lignes=part["rows"].map(fmt.number), Données=part["table"].map(src.capital))[
                ["Données", "Lignes"]], hide_index=True, width="stretch")


def _where(table, key, column) -> str:
    """What a reading is about, in words: « actions · Semaines d'information… · statut », never table names or ids."""
    row = src.row_name(table, key)
    parts = [src.capital(src.table_word(table)), row, src.column_word(table, column)]
    every = "toutes les lignes" if not fmt.is_missing(key) and str(key).strip() == "*" else ""
    return " · ".join(x for x in (*parts[:2], every, parts[2]) if x)


def _reading_table(df) -> None:
    table = df.assign(
        Nature=df["kind"].map(KIND_WORDS),
        Où=[_where(t, k, c) for t, k, c in zip(df["table_name"], df["row_key"], df["column_name"], strict=True)],
        Sources=[" / ".join(x for x in (src.document_title(a), src.document_title(b)) if x)
                 for a, b in zip(df["source_id"], df["other_source_id"], strict=True)],
        Cite=[(f"{fmt.text(r, '')} : " if not fmt.is_missing(r) and str(r).strip() else "") + src.words(q)
              for r, q in zip(df["section"], df["quote"], strict=True)],
        Raison=df["reason"].map(src.words),
    )
    views.table(table[["Nature", "Où", "Sources", "Cite", "Raison"]].rename(columns={
        "Où": "Sur", "Cite": "Ce que dit le document (rubrique : citation)", "Raison": "Lecture retenue et raison"}),
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
        views.table(notes.assign(Lignes=notes["rows"].map(fmt.number), Document=notes["source_id"].map(src.document_title),
                                 Données=notes["table"].map(src.capital))[["Document", "Données", "Lignes"]],
                    hide_index=True, width="stretch")


def render_writes() -> None:
    st.subheader("Saisies et imports dans l'application")
    w = s["writes"]
    if w.empty:
        st.info("Aucune saisie ni aucun import depuis la construction : tout vient des documents.")
        return
    views.table(w.assign(Quand=w["logged_at"].map(fmt.date), Nature=w["kind"].str.capitalize(),
                         Données=w["table_name"].map(lambda t: src.capital(src.table_word(t))),
                         Fichier=w["origin"].map(lambda v: fmt.text(v, "")),
                         Opération=w["operation"].map(lambda v: fmt.text(v, "")), Rôle=w["role"].map(src.role_word))[
        ["Quand", "Nature", "Données", "Fichier", "Opération", "Rôle"]].rename(columns={"Fichier": "Fichier ou écran"}),
        hide_index=True, width="stretch")


render_legend()
views.lazy_tabs("vue", [("Les cinq documents", render_documents), ("Écarts et lectures", render_readings),
                        ("Saisies et imports", render_writes)])
