"""À compléter (coordinator only): what the data lacks, as a to-do list with the way to fill each gap; yearly follow-up."""

import streamlit as st

from components import admin, auth, data, fmt, views
from components import filters as flt
from components import followup as fu

f, _ = views.current()
# Reachable by its URL: the role is checked again here, on the server, from the account.
user = auth.require_coordinator_page()
views.header("À compléter", "Ce que les documents ne donnent pas : du travail qui peut être fait, et le suivi annuel")
flt.note_scope(f)  # the list covers all the data: the sidebar filters do not narrow it
admin.show_done()
gaps = data.missing_data()

# (key, title, columns shown, how to fill it in the app)
TODO = [
    ("structures", "Structures sans commune", {"name": "Structure", "sector": "Secteur"},
     "Administration › Modifier une table › Structures : colonne « commune » ; ou la feuille « structures » "
     "du modèle d'import. La commune place la structure sur la carte."),
    ("meetings", "Réunions sans présences", {"Date": "Date", "instance_name": "Instance", "title": "Intitulé"},
     "Administration › Saisir une réunion : même instance et même date, puis le nombre de présents par structure "
     "et catégorie (jamais de noms) ; ou la feuille « présences » du modèle d'import."),
    ("actions", "Actions sans statut", {"sheet_number": "Fiche", "title": "Action", "plan_short": "Plan"},
     "Ci-dessous, « Suivi annuel » › Statut daté : le statut et sa date entrent dans l'historique ; "
     "ou Administration › Modifier une table › Actions, colonne « statut »."),
    ("indicators", "Indicateurs sans valeur", {"sheet_number": "Fiche", "kind": "Type", "label": "Indicateur"},
     "Administration › Importer : feuille « valeurs des indicateurs » (indicateur, période, valeur, source) ; "
     "ou Modifier une table › Valeurs des indicateurs."),
    ("events", "Événements sans nombre de participants", {"year": "Année", "kind": "Type", "title": "Intitulé"},
     "Administration › Modifier une table › Événements : colonne « participants », si un bilan le donne ; "
     "sinon laissez vide (jamais d'estimation)."),
]


def render_todo() -> None:
    st.subheader("À faire")
    for key, title, cols, how in TODO:
        rows = gaps[key]
        total = gaps["totals"][key]
        head = f"{title} : {fmt.number(len(rows))} sur {fmt.number(total)}"
        if rows.empty:
            st.success(f"{head} — rien à compléter.")
            continue
        # The list itself is sent once the expander is opened (a click reruns the page): five closed lists
        # of hundreds of rows made this page the slowest to open.
        box = st.expander(head, icon=":material/edit_note:", key=f"todo_{key}", on_change="rerun")
        with box:
            st.markdown(f"**Comment compléter** : {how}")
        if box.open is False:
            continue
        with box:
            shown = rows.assign(Date=[fmt.date(d, p) for d, p in zip(rows["date"], rows["date_precision"], strict=True)]) \
                if "date" in rows else rows
            shown = shown.assign(**{c: shown[c].map(lambda v: fmt.text(v, "")) for c in cols if c != "Date"})
            views.table(shown[list(cols)].rename(columns=cols), hide_index=True, width="stretch")


def render_followup() -> None:
    st.subheader("Suivi annuel")
    # Its forms are drawn once opened (a click reruns the page), or at once from a link to one of its tabs.
    box = st.expander("Statut daté, réalisation, commentaire de l'année, validation par le COPIL",
                      icon=":material/event_available:", key="suivi_ouvert", on_change="rerun",
                      expanded=st.session_state.setdefault("_suivi_par_lien", "suivi" in st.query_params))
    if box.open is False:
        return
    with box:
        _followup_tabs()


def _followup_tabs() -> None:
    views.lazy_tabs("suivi", [("Statut daté", lambda: fu.render_status(user)),
                              ("Réalisation", lambda: fu.render_realisation(user)),
                              ("Commentaire de l'année", lambda: fu.render_comment(user)),
                              ("Valider l'année", lambda: fu.render_validation(user))])


render_todo()
render_followup()
