"""Entry point and first page (Vue d'ensemble): headline figures, history, what changed since the last COPIL."""

import dataclasses
import datetime as dt

import streamlit as st

from clsm_data.read.filters import Filters
from components import charts, data, export, fmt, views
from components import filters as flt
from components import provenance as src

f, user = views.current()
masked = views.masked_view(user)
views.header("Vue d'ensemble", "Conseil local de santé mentale du territoire messin")
flt.note_scope(f, "actions", "meetings", "events", "history")


def render_figures() -> None:
    o = data.overview(f, masked)
    sc, acts, real, prop = o["scope"], o["actions"], o["realised"], o["proposals"]
    if sc is None:
        flt.empty(f, "action")
        return
    # One plan and one period per figure, said in its label: the plan in force unless one is chosen.
    st.markdown(f"#### {fmt.md(acts.text)}")
    if not sc["chosen"]:
        st.caption("Plan en vigueur à la date des données ; choisissez un autre plan dans le panneau de gauche.")
    period = o["period"]
    views.tiles([
        (f"Actions ({sc['short_name']})", fmt.number(acts.figure),
         f"Actions engagées du plan « {sc['name']} » (les pistes d'un remue-méninges n'y sont pas)", "actions"),
        (f"Réalisées / prévues ({sc['short_name']}, {sc['period']})",
         f"{fmt.number(real.details['realised'])} / {fmt.number(real.details['planned'])}",
         "Indicateur de processus de la fiche n°15 : actions du plan prévues dans la période (en conception, en "
         "œuvre, réalisées ou reportées) et celles que les documents disent réalisées dans cette même période",
         "realised"),
        (f"Structures impliquées ({sc['short_name']})", fmt.number(o["structures"]),
         "Porteurs et partenaires des actions de ce plan", "structures"),
        (f"Réunions datées ({period})", fmt.number(o["meetings"]),
         "Réunions datées dans la période : instances (COPIL, plénières), réunions d'information, restitutions…",
         "meetings"),
        (f"Réunions comptées sans date ({period})", fmt.number(o["meetings_counted"]),
         "Réunions connues par un décompte sur une période (« En 2021, 26 réunions ont été organisées ») : "
         "jamais additionnées aux réunions datées", "counted"),
        (f"Participants ({period})", fmt.number(o["participants"]),
         "Somme des présences comptées aux réunions de la période, usagers et aidants compris (leurs effectifs de "
         "1 à 10 ne sont pas donnés à l'écran projeté) ; « non renseigné » quand les comptes-rendus ne les donnent pas",
         "participants"),
        (f"Événements ({period})", fmt.number(o["events"]), "SISM, sensibilisations, séminaires…", "events"),
    ], f=dataclasses.replace(f, plan_id=sc["plan_id"]))  # « D'où viennent ces chiffres ? » lists the plan's rows
    if o["validated"]:
        st.caption(fmt.md(f"Chiffres de {o['period'][3:]} validés par le COPIL le {fmt.date(o['validated'])}."))
    if o["corrections"]:
        st.warning(fmt.md("Après validation (écrit depuis, hors chiffres validés) : " + " ; ".join(o["corrections"])))
    if prop is not None:
        st.caption(fmt.md(prop.text + " : elles sont comptées à part, jamais avec les actions."))
    if not acts.figure:
        return
    st.subheader(fmt.md(f"Statut des actions ({sc['short_name']})"))
    by = o["by_status"]
    by_status = data.headline(dataclasses.replace(f, plan_id=sc["plan_id"]), masked)["by_status"]
    if not by:
        flt.empty(f, "action")
        return
    views.chart(charts.status_rows, by_status[["status", "n"]], alt_text=f"Statut des actions ({sc['short_name']})")
    src.source_popover("status_chart", dataclasses.replace(f, plan_id=sc["plan_id"]))


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
    # A French text field: Streamlit's date picker speaks English (« January », « S M T W T F S »)
    typed = pick.text_input("Depuis le (jj/mm/aaaa)", value=default.strftime("%d/%m/%Y"), key="depuis",
                            help="Par défaut : le dernier comité de pilotage enregistré.")
    try:
        since = dt.datetime.strptime((typed or "").strip(), "%d/%m/%Y").date()
    except ValueError:
        pick.error(fmt.md(f"Date illisible : « {typed} ». Écrivez-la jj/mm/aaaa ; le dernier COPIL est pris."))
        since = default
    note.caption(f"Dernier COPIL enregistré : {fmt.date(data.last_copil(), 'mois')}.")
    ch = data.changes_since(since, None, masked)
    after = Filters(council_id=f.council_id, period_start=since + dt.timedelta(days=1))  # what changes_since counts
    views.tiles([
        ("Réunions depuis", fmt.number(ch["meetings_n"]), None, "meetings"),
        ("Événements depuis", fmt.number(ch["events_n"]), "SISM, sensibilisations, séminaires… datés après ce jour",
         "events_since"),
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
