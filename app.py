"""Entry point and first page (Vue d'ensemble): headline figures, history, what changed since the last COPIL."""

import datetime as dt

import streamlit as st

from clsm_data.filters import Filters
from components import charts, data, export, fmt, views
from components import filters as flt
from components import provenance as src

f, user = views.current()
masked = views.masked_view(user)
views.header("Vue d'ensemble", "Conseil local de santé mentale du territoire messin")
flt.note_scope(f, "actions", "meetings", "events", "history")


def render_figures() -> None:
    h = data.headline(f, masked)
    participants = h["participants"]
    counted = h["meetings_counted"]
    views.tiles([
        ("Actions suivies", fmt.number(h["actions"]), "Idées, fiches et actions des plans retenus par les filtres", "actions"),
        ("Réalisées / prévues", f"{fmt.number(h['realised'])} / {fmt.number(h['planned'])}",
         "Indicateur de processus de la fiche n°15 : actions réalisées par rapport au prévisionnel "
         "(prévues = en conception, en œuvre, réalisées ou reportées). Le statut suit ce que les documents "
         "enregistrent comme réalisé (sessions, éditions, outils, conventions), sinon celui de la fiche", "realised"),
        ("Structures impliquées", fmt.number(h["structures"]), "Porteurs et partenaires des actions retenues", "structures"),
        ("Réunions", fmt.number(h["meetings"]), "Réunions datées dans la période (COPIL, plénières, groupes…)", "meetings"),
        ("Réunions comptées", fmt.number(counted),
         "Réunions comptées sans date : connues par un décompte sur une période (« En 2021, 26 réunions ont été "
         "organisées ») : à ajouter aux réunions datées, jamais confondues avec elles", "counted"),
        ("Participants" + ("*" if masked else ""), fmt.number(participants),
         ("Usagers et aidants non comptés ici : leurs petits effectifs sont masqués à l'écran. " if masked else "")
         + "Participants aux réunions de la période : somme des présences comptées ; « non renseigné » quand les comptes-rendus ne les donnent pas",
         "participants"),
        ("Événements", fmt.number(h["events"]), "SISM, sensibilisations, séminaires…", "events"),
    ], f=f)
    if counted:
        st.caption(f"Réunions : {fmt.number(h['meetings'])} datées + {fmt.number(counted)} comptées sans date "
                   f"= {fmt.number(h['meetings'] + counted)} au total.")
    if masked:
        st.caption("(*) Hors usagers et aidants : leurs petits effectifs sont masqués à l'écran, un total les révélerait.")
    by_status = h["by_status"]
    if by_status.empty:
        flt.empty(f, "action")
        return
    st.subheader("Actions par statut")
    views.chart(charts.status_rows, by_status[["status", "n"]], alt_text="Actions par statut")
    src.source_popover("status_chart", f)


def render_history() -> None:
    ms = data.milestones(f)
    if ms.empty:
        flt.empty(f, "étape de l'histoire du CLSM")
        return
    labels = {"historique": "Étapes", "logement": "Logement", "contribution": "Contributions", "thématiques": "Thématiques"}
    ms["category"] = ms["category"].map(labels).fillna(ms["category"])
    views.chart(charts.history, ms, alt_text="Histoire du CLSM")
    table = ms[["date_label", "category", "title"]].rename(
        columns={"date_label": "Quand", "category": "Catégorie", "title": "Étape"}
    )
    views.table(table, hide_index=True, width="stretch")
    export.download_buttons(table, "histoire", f, masked)


def render_changes() -> None:
    default = data.last_copil() or dt.date(2020, 1, 1)
    pick, note = st.columns([1, 2], vertical_alignment="bottom")
    since = pick.date_input("Depuis le", value=default, format="DD/MM/YYYY", key="depuis",
                            help="Par défaut : le dernier comité de pilotage enregistré.")
    note.caption(f"Dernier COPIL enregistré : {fmt.date(data.last_copil(), 'mois')}.")
    ch = data.changes_since(since, None, masked)
    after = Filters(council_id=f.council_id, period_start=since + dt.timedelta(days=1))  # what changes_since counts
    views.tiles([
        ("Réunions depuis", fmt.number(ch["meetings_n"]), None, "meetings"),
        ("Événements depuis", fmt.number(ch["events_n"]), "SISM, sensibilisations, séminaires… datés après ce jour",
         "events"),
        ("Actions mises à jour", fmt.number(ch["actions_n"]),
         "Fiches ajoutées, modifiées (statut compris) ou supprimées depuis ce jour, d'après le journal",
         "actions_updated"),
        ("Écritures au journal", fmt.number(ch["writes_n"]), "Imports, saisies et modifications enregistrés", "writes"),
    ], per_row=2, f=after)
    meetings = ch["meetings"]
    if not meetings.empty:
        shown = meetings.assign(Date=[fmt.date(d, p) for d, p in zip(meetings["date"], meetings["date_precision"], strict=True)])
        shown = shown.assign(Participants=meetings["participants"].map(fmt.number))
        listing = shown[["Date", "instance_name", "title", "Participants"]].rename(
            columns={"instance_name": "Instance", "title": "Intitulé"})
        views.table(listing, hide_index=True, width="stretch")
        export.download_buttons(listing, f"reunions-depuis-{since.isoformat()}", f, masked)
        if ch["meetings_n"] > len(meetings):
            st.caption(f"Les {fmt.number(len(meetings))} premières réunions sur {fmt.number(ch['meetings_n'])}.")
    if not any(ch[k] for k in ("meetings_n", "events_n", "actions_n", "writes_n")):
        st.info(f"Rien de nouveau depuis le {fmt.date(since)} dans les données.")


render_figures()
views.lazy_tabs("volet", [("Ce qui a changé depuis…", render_changes), ("Histoire du CLSM", render_history)])
