"""Fiches actions: find an action by text, sheet number, theme or structure, and read its whole sheet."""

import pandas as pd
import streamlit as st

from components import data, fmt, reports, sheet, views
from components import filters as flt

f, user = views.current()
views.header("Fiches actions", "Chercher une action puis lire sa fiche complète, comme dans les documents du CLSM")
flt.note_scope(f, "actions")


OPTIONS = 100  # actions offered in the list at most: typing narrows it


def render_search() -> str | None:
    query = st.text_input(
        "Rechercher", key="q", bind="query-params",
        placeholder="Mot du titre, n° de fiche (ex. 15), structure (ex. IREPS), thématique…",
    )
    found = data.actions(f, query or None)
    if found.empty:
        flt.empty(f, f"action ne correspond à « {query} »" if query else "action")
        return None
    sheets_first = found.sort_values("sheet_number", na_position="last", kind="stable")
    st.caption(f"{fmt.number(len(found))} action(s) trouvée(s)."
               + (f" La liste en propose les {fmt.number(OPTIONS)} premières : précisez la recherche."
                  if len(found) > OPTIONS else ""))
    current = st.query_params.get("fiche")
    # Only the offered actions are labelled and sent: a list of thousands would go to every browser on each run.
    shown = sheets_first.head(OPTIONS)
    if current not in set(shown["action_id"]) and current in set(found["action_id"]):
        shown = pd.concat([found[found["action_id"] == current], shown])
    labels = {
        r.action_id: (f"Fiche n°{r.sheet_number} – " if r.sheet_number else "") + f"{r.title} ({r.plan_short}, "
        + ("statut non renseigné" if r.status == "non renseigné" else r.status) + ")"
        for r in shown.itertuples()
    }
    return st.selectbox("Action", list(labels), format_func=labels.get, key="fiche", bind="query-params")


action_id = render_search()
if action_id:
    content = data.action_sheet(action_id)
    if not content:
        st.warning("Cette action n'existe plus dans la base : elle a peut-être été renommée.")
    else:
        sheet.render(content)
        reports.sheet_downloads(action_id)
