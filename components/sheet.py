"""An action sheet laid out like the council's own "fiche action" (sections in the same order)."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from . import charts, fmt, views
from .provenance import period_text


def _md_field(label: str, value) -> str:
    lines = [fmt.md(line) for line in fmt.text(value).splitlines() if line.strip()] or [fmt.md(value)]
    return f"**{fmt.md(label)}**  \n" + "  \n".join(lines)


def _field(label: str, value) -> None:
    """One labelled field as one element; the text from the data goes through fmt.md, so it shows as
    typed, line breaks kept."""
    st.markdown(_md_field(label, value))


def _fields(items: list[tuple[str, object]]) -> None:
    """Several labelled fields as one element: a sheet has some thirty, and each element costs the page
    a message and a render (the sheet sent 135 messages)."""
    st.markdown("\n\n".join(_md_field(label, value) for label, value in items))


def _bool(value) -> str:
    return fmt.MISSING if fmt.is_missing(value) else ("Oui" if value else "Non")


def render(content: dict) -> None:
    a = content["action"]
    number = f"Fiche n°{fmt.md(a['sheet_number'])}" if a.get("sheet_number") else "Idée d'action"
    axis = f"Axe {int(a['axis_number'])} – {a['axis_title']}" if not fmt.is_missing(a.get("axis_number")) else fmt.MISSING
    st.subheader(f"{number} · {fmt.md(a['plan_name'])}")
    st.text(a["title"])
    # Text values (a status, a theme) wrap in bordered boxes; metric tiles would cut them at 1280×720.
    for col, (label, value) in zip(st.columns(4), [
        ("Statut", a["status_label"]), ("Origine", fmt.text(a.get("origin"))),
        ("Thématique", fmt.text(a.get("theme_name"))), ("Budget prévisionnel", fmt.euros(a.get("budget_eur"))),
    ], strict=True):
        with col.container(border=True):
            _field(label, value)
    _field("Axe", axis)

    with st.expander("Objectifs", expanded=True):
        for row in content["objectives"].itertuples():
            _field(f"Objectif {row.level}", row.text)
        if not content["operational"].empty:
            st.markdown("**Objectifs opérationnels**")
            views.table(content["operational"].rename(columns={"text": "Objectif opérationnel"}), hide_index=True,
                         width="stretch")

    with st.expander("Périmètre et organisation", expanded=True):
        left, right = st.columns(2)
        with left:
            _fields([("Typologie", a.get("typology")), ("Durée", a.get("duration")),
                     ("Territoire d'intervention", a.get("territory")), ("Public visé", a.get("publics")),
                     ("Personnes concernées", a.get("people_concerned"))])
        with right:
            period = fmt.text(a.get("period_label"))
            if not fmt.is_missing(a.get("start_date")):
                # at the precision the documents give: « 2017 – 2020 », never invented exact days
                dates = period_text(a["start_date"], a.get("end_date"), a.get("period_precision"))
                if dates.replace(" – ", "-") not in period.replace(" ", ""):
                    period += f" ({dates})"
            _fields([("Porteur de l'action", a.get("porteur_name")), ("Pilote", a.get("pilot")),
                     ("Modalité de suivi", a.get("follow_up")), ("Période de réalisation", period)])
    if not fmt.is_missing(a.get("context")):
        with st.expander("Contexte"):
            st.text(a["context"])
    if not fmt.is_missing(a.get("description")):
        with st.expander("Descriptif"):
            st.text(a["description"])

    render_partners(content["partners"])
    render_steps(content["steps"])
    render_realisations(a["action_id"], a.get("status"), a["status_label"])

    with st.expander("Financements", expanded=True):
        _fields([("Budget prévisionnel", a.get("budget_note")), ("Financements pressentis", a.get("funders"))])
    render_indicators(content["indicators"], content["values"], a.get("evaluation_method"))
    with st.expander("Déterminants de santé et politiques publiques"):
        _fields([("Déterminants de santé visés", a.get("health_determinants")),
                 ("Politiques publiques concernées", a.get("public_policies")),
                 ("Lutte contre les inégalités sociales de santé", _bool(a.get("reduces_inequalities"))),
                 ("Démarche participative associant les citoyens", _bool(a.get("participatory")))])
    if not fmt.is_missing(a.get("note")):
        st.caption("Note de lecture des sources : " + fmt.md(a["note"]))


def render_realisations(action_id: str, sheet_status, shown_status) -> None:
    """What realises the action (sessions, editions, tools, conventions) and its dated statuses, with sources."""
    from . import data

    st.markdown("#### Réalisations et suivi du statut")
    done = data.realisations(action_id)
    history = data.status_history(action_id)
    if not fmt.is_missing(sheet_status) and sheet_status != shown_status:
        st.caption(f"Statut coché sur la fiche : {fmt.md(sheet_status)} ; statut affiché : {fmt.md(shown_status)}, "
                   "d'après ce que les documents enregistrent ci-dessous.")
    if done.empty and history.empty:
        st.info("Aucune réalisation enregistrée pour cette action (ni dans les documents, ni saisie).")
        return
    if not done.empty:
        shown = done.assign(
            Quand=[fmt.date(d, p) if not fmt.is_missing(d) else fmt.text(y) for d, p, y in
                   zip(done["date"], done["date_precision"], done["year"], strict=True)],
            Quantité=[f"{fmt.number(q)} {u or ''}".strip() if not fmt.is_missing(q) else fmt.MISSING
                      for q, u in zip(done["quantity"], done["unit"], strict=True)])
        views.table(shown[["Quand", "ref_label", "Quantité", "source_id", "quote"]].rename(columns={
            "ref_label": "Réalisation", "source_id": "Source", "quote": "Citation"}), hide_index=True, width="stretch")
    if not history.empty:
        hist = history.assign(Date=[fmt.date(d, p) for d, p in zip(history["on_date"], history["date_precision"],
                                                                    strict=True)])
        views.table(hist[["Date", "status", "origin", "source_id"]].rename(columns={
            "status": "Statut", "origin": "Origine", "source_id": "Source"}), hide_index=True, width="stretch")


def render_partners(partners: pd.DataFrame) -> None:
    st.markdown("#### Porteur et partenaires")
    if partners.empty:
        st.info("Aucune structure n'est rattachée à cette action dans les documents.")
        return
    shown = partners.assign(Structure=partners["name"] + partners["acronym"].map(lambda s: f" ({s})" if s else ""))
    views.table(shown[["Structure", "sector", "role"]].rename(columns={"sector": "Secteur", "role": "Rôle"}),
                 hide_index=True, width="stretch")


def render_steps(steps: pd.DataFrame) -> None:
    st.markdown("#### Étapes")
    if steps.empty:
        st.info("Aucune étape décrite pour cette action.")
        return
    shown = steps.assign(Réalisée=steps["done_on"].map(lambda d: fmt.date(d, missing="non")))
    views.table(
        shown[["title", "how", "who", "planned_period", "Réalisée"]].rename(columns={
            "title": "Étape", "how": "Comment ?", "who": "Qui ?", "planned_period": "Quand ?"}),
        hide_index=True, width="stretch",
    )


def _indicator_chart(vals: pd.DataFrame, unit: str) -> alt.Chart:
    chart = alt.Chart(vals).mark_line(point=True).encode(
        x=alt.X("period_label:O", title=None), y=alt.Y("value:Q", title=unit))
    return charts.style(chart, 240)


def render_indicators(indicators: pd.DataFrame, values: pd.DataFrame, method) -> None:
    st.markdown("#### Évaluation")
    if not fmt.is_missing(method):
        st.text("Méthode : " + str(method))
    if indicators.empty:
        st.info("Aucun indicateur défini.")
        return
    for row in indicators.itertuples():
        vals = values[values["indicator_id"] == row.indicator_id]
        st.markdown(f"**Indicateur de {fmt.md(row.kind)}**")
        st.text(row.label)
        if vals.empty:
            st.caption("Valeur : non renseigné (aucune valeur dans les documents).")
            continue
        table = vals.assign(Valeur=vals["value"].map(fmt.number))
        views.table(table[["period_label", "Valeur", "value_text"]].rename(
            columns={"period_label": "Période", "value_text": "Détail"}), hide_index=True, width="stretch")
        if len(vals) > 1:
            views.chart(_indicator_chart, vals[["period_label", "value"]], row.unit or "valeur",
                        alt_text="Valeurs de l'indicateur : " + str(row.label))
