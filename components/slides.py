"""The plenary slideshow: a short guided sequence of the key views, one big chart per slide.

Each slide is (title, renderer). Renderers draw from the cached queries with the sidebar filters;
small counts of service users and carers are always masked here, since a slideshow is projected.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace

import streamlit as st

from clsm_data.filters import Filters
from clsm_data.privacy import mask_counts

from . import charts, data, fmt, maps, views

PLANS_SHOWN = 2  # progress slides: the plans with the most actions


@dataclass(frozen=True)
class Slide:
    title: str
    render: Callable[[Filters], None]


def _figures(f: Filters) -> None:
    h = data.headline(f, True)
    views.tiles([
        ("Actions suivies", fmt.number(h["actions"]), None),
        ("Réalisées / prévues", f"{fmt.number(h['realised'])} / {fmt.number(h['planned'])}", None),
        ("Structures impliquées", fmt.number(h["structures"]), None),
        ("Réunions datées", fmt.number(h["meetings"]), None),
        ("Réunions comptées", fmt.number(h["meetings_counted"]), None),
        ("Participants*", fmt.number(h["participants"]), None),
        ("Événements", fmt.number(h["events"]), None),
    ])
    st.caption("(*) Hors usagers et aidants, dont les petits effectifs ne sont jamais projetés. Réalisées : "
               "selon ce que les documents enregistrent (sessions, éditions, outils, conventions).")


def _status(f: Filters) -> None:
    by_status = data.headline(f, True)["by_status"]
    if by_status.empty:
        st.info("Aucune action avec ces filtres.")
        return
    st.altair_chart(charts.status_rows(by_status[["status", "n"]]), width="stretch")


def _progress(plan_id: str) -> Callable[[Filters], None]:
    def render(f: Filters) -> None:
        df = data.progress(replace(f, plan_id=plan_id), "axis")
        if df.empty:
            st.info("Aucune action de ce plan avec ces filtres.")
            return
        st.altair_chart(charts.status_bars(df), width="stretch")

    return render


def _history(f: Filters) -> None:
    ms = data.milestones(f)
    if ms.empty:
        st.info("Aucune étape de l'histoire du CLSM dans cette période.")
        return
    labels = {"historique": "Étapes", "logement": "Logement", "contribution": "Contributions", "thématiques": "Thématiques"}
    ms["category"] = ms["category"].map(labels).fillna(ms["category"])
    st.altair_chart(charts.history(ms), width="stretch")


def _meetings(f: Filters) -> None:
    per_year = data.participation(f, True)["per_year"]
    if per_year.empty:
        st.info("Aucune réunion datée dans cette période.")
        return
    st.altair_chart(charts.grouped_columns(per_year, "year", "meetings", "instance_name", y_title="Réunions"),
                    width="stretch")


def _who(f: Filters) -> None:
    by_role = data.participation(f, True)["by_role"]
    if by_role.empty:
        st.info("Les comptes-rendus de cette période ne donnent pas les présences.")
        return
    shown = mask_counts(by_role)
    st.altair_chart(charts.count_bars(shown, "count", "role_category", color="role_category", label="shown",
                                      colors=charts.ROLE_COLORS, x_title="Personnes présentes"), width="stretch")
    hidden = shown.loc[shown["masked"], "role_category"].tolist()
    if hidden:
        st.caption(f"{', '.join(hidden).capitalize()} : moins de 11 personnes (effectif masqué à l'écran).")


def _sism(f: Filters) -> None:
    sism = data.participation(f, True)["sism"]
    counted = sism.dropna(subset=["participants_count"])
    if counted.empty:
        st.info("Les documents ne donnent pas le nombre de participants aux SISM de cette période.")
        return
    st.altair_chart(charts.count_bars(counted.assign(year=counted["year"].astype(str)), "participants_count", "year",
                                      x_title="Participants"), width="stretch")
    missing = sism.loc[sism["participants_count"].isna(), "year"].astype(str).tolist()
    if missing:
        st.caption(f"Participants non renseignés dans les documents : {', '.join(missing)}.")


def _map(f: Filters) -> None:
    bundle = data.partners(f)
    placed = bundle["points"].dropna(subset=["latitude", "longitude"])
    if placed.empty:
        st.info("Aucune structure localisée avec ces filtres.")
        return
    tiles = os.environ.get("CLSM_TILES_URL") or None
    st.pydeck_chart(maps.deck(maps.spread(placed), bundle["communes"], tiles), height=560, width="stretch")
    st.caption(f"{fmt.number(len(placed))} structures placées à leur commune, "
               f"sur {fmt.number(len(bundle['points']))} ; couleur : secteur.")


def _network(f: Filters) -> None:
    pairs = data.partners(f)["pairs"]
    if pairs.empty:
        st.info("Aucune collaboration entre structures sur une même action avec ces filtres.")
        return
    st.altair_chart(maps.network(pairs), width="stretch")


def deck_for(f: Filters) -> list[Slide]:
    """The slides, in order; one progress slide per plan among the plans with the most actions."""
    plans = data.plans()
    plans = plans[plans["actions"] > 0]
    if f.plan_id:
        plans = plans[plans["plan_id"] == f.plan_id]
    top = plans.sort_values("actions", ascending=False).head(PLANS_SHOWN)
    progress = [Slide(f"Avancement par axe — {fmt.md(r.short_name)}", _progress(r.plan_id)) for r in top.itertuples()]
    return [
        Slide("Le CLSM en chiffres", _figures),
        Slide("Où en sont les actions ?", _status),
        *progress,
        Slide("Histoire du CLSM", _history),
        Slide("Réunions par année et par instance", _meetings),
        Slide("Qui participe aux réunions ?", _who),
        Slide("Semaines d'information sur la santé mentale : participants", _sism),
        Slide("Les partenaires sur le territoire", _map),
        Slide("Qui travaille avec qui", _network),
    ]
