"""An action sheet on screen: the sheet model of clsm_data.present.action_sheet (the one PDF and .docx lay out)
rendered in Streamlit, laid out like the council's own "fiche action" (sections in the same order).

Only what the sheet gives is shown: a field without a value is left out and one line names the rubrics
the documents leave empty (never « nan » nor a column of « non renseigné »). The status is told as dated
facts with their documents, next to what the coordinator wrote (yearly comments, the « pourquoi » of a
status, the remark of a realisation); documents are named by their titles (clsm_data.present.action_sheet).
"""

from __future__ import annotations

import functools
import html

import altair as alt
import pandas as pd
import streamlit as st

from clsm_data.present import action_sheet

from . import charts, fmt, views
from .provenance import period_text

NONE = action_sheet.NONE  # an empty cell in a table that has other values in that column


def _esc(value) -> str:
    return html.escape(str(value))


def _fields_html(items: list[tuple[str, object]]) -> str:
    """The labelled fields that have a value, as HTML paragraphs (every text escaped, its lines kept)."""
    out = []
    for label, value in items:
        if not action_sheet.given(value):
            continue
        lines = [line for line in fmt.text(value).splitlines() if line.strip()] or [fmt.text(value)]
        out.append(f"<p><strong>{_esc(label)}</strong><br>{'<br>'.join(_esc(line) for line in lines)}</p>")
    return "".join(out)


def _section(title: str, body: str, opened: bool = False) -> None:
    """A section of the sheet that opens and closes (a native <details>: reached with Tab, opened with Enter), as one
    HTML element: seven Streamlit expanders cost the page about 80 ms to draw in Chromium, these nothing measurable."""
    if body:
        st.html(f'<details class="clsm-section"{" open" if opened else ""}><summary>{_esc(title)}</summary>'
                f"<div>{body}</div></details>")


def _pre(text) -> str:
    """A free text as written (its line breaks kept), escaped."""
    return f'<p class="clsm-pre">{_esc(str(text).strip())}</p>'


def _bool(value) -> str | None:
    return None if fmt.is_missing(value) else ("Oui" if value else "Non")


@functools.cache
def _follow_up():
    from . import data

    return data.cached_query(action_sheet.follow_up)


def render(content: dict) -> None:
    """The sheet of `content` (queries.action_sheet) on screen, from the same model as its PDF and .docx."""
    a = content["action"]
    model = action_sheet.model_of(content, _follow_up()(a["action_id"]) or {})
    record = model["record"]
    st.subheader(f"{fmt.md(model['number'])} · {fmt.md(a['plan_name'])}")
    # Text values (a status, a theme) wrap in bordered boxes, one HTML element with the title; metric tiles would
    # cut them at 1280×720.
    tiles = [("Statut", a["status_label"] if a.get("status_label") != fmt.MISSING else None),
             ("Origine", a.get("origin")), ("Thématique", a.get("theme_name")),
             ("Budget prévisionnel", fmt.euros(a["budget_eur"]) if action_sheet.given(a.get("budget_eur")) else None)]
    tiles = [(label, value) for label, value in tiles if action_sheet.given(value)]
    boxes = "".join(f'<div class="clsm-fact">{_fields_html([(label, value)])}</div>' for label, value in tiles)
    axis = (_fields_html([("Axe", f"Axe {int(a['axis_number'])} – {a['axis_title']}")])
            if action_sheet.given(a.get("axis_number")) else "")
    st.html(_pre(a["title"]) + (f'<div class="clsm-facts" style="grid-template-columns:repeat({len(tiles)},'
                                f'minmax(0,1fr))">{boxes}</div>' if tiles else "") + axis)
    render_status(model)

    objectives = content["objectives"]
    operational = content["operational"]
    if not objectives.empty or not operational.empty:
        body = _fields_html([(f"Objectif {row.level}", row.text) for row in objectives.itertuples()])
        if not operational.empty:
            body += "<p><strong>Objectifs opérationnels</strong></p>" + views.table_html(
                operational.rename(columns={"text": "Objectif opérationnel"}))
        _section("Objectifs", body, opened=True)

    period = a.get("period_label") if action_sheet.given(a.get("period_label")) else None
    if action_sheet.given(a.get("start_date")):
        # at the precision the documents give: « 2017 – 2020 », never invented exact days
        dates = period_text(a["start_date"], a.get("end_date"), a.get("period_precision"))
        if not period:
            period = dates
        elif dates.replace(" – ", "-") not in period.replace(" ", ""):
            period += f" ({dates})"
    left_items = [("Typologie", a.get("typology")), ("Durée", a.get("duration")),
                  ("Territoire d'intervention", a.get("territory")), ("Public visé", a.get("publics")),
                  ("Personnes concernées", a.get("people_concerned"))]
    right_items = [("Porteur de l'action", a.get("porteur_name")), ("Pilote", a.get("pilot")),
                   ("Modalité de suivi", a.get("follow_up")), ("Période de réalisation", period)]
    if any(action_sheet.given(v) for _, v in left_items + right_items):
        _section("Périmètre et organisation", f'<div class="clsm-two"><div>{_fields_html(left_items)}</div>'
                                              f"<div>{_fields_html(right_items)}</div></div>", opened=True)
    if action_sheet.given(a.get("context")):
        _section("Contexte", _pre(a["context"]))
    if action_sheet.given(a.get("description")):
        _section("Descriptif", _pre(a["description"]))

    render_partners(content["partners"])
    render_steps(content["steps"])
    render_realisations(model)
    render_comments(record)

    money = [("Budget prévisionnel", a.get("budget_note")), ("Financements pressentis", a.get("funders"))]
    _section("Financements", _fields_html(money), opened=True)
    render_indicators(content["indicators"], content["values"], a.get("evaluation_method"))
    policies = [("Déterminants de santé visés", a.get("health_determinants")),
                ("Politiques publiques concernées", a.get("public_policies")),
                ("Lutte contre les inégalités sociales de santé", _bool(a.get("reduces_inequalities"))),
                ("Démarche participative associant les citoyens", _bool(a.get("participatory")))]
    _section("Déterminants de santé et politiques publiques", _fields_html(policies))

    if model["missing"]:
        st.caption(fmt.md(action_sheet.missing_line(model["missing"])))
    render_readings(record, record.get("note"))


def render_status(model: dict) -> None:
    """The status as dated facts: what the sheet ticks, what later documents or the coordinator record."""
    lines = model["status_lines"]
    if not lines:
        return
    st.markdown("**Statut : les faits datés**\n\n" + "\n".join("- " + fmt.md(line) for line in lines))
    if model["retained"]:
        st.caption(f"Statut retenu : {fmt.md(model['retained'])}.")


def render_realisations(model: dict) -> None:
    """What realises the action (sessions, editions, tools, conventions), each with its document and remark."""
    done = model["realisations"]
    if not done:
        return
    st.markdown("#### Réalisations")
    keep = action_sheet.kept_columns(done, ("Quand", "Réalisation"))
    views.table(pd.DataFrame(done)[keep], hide_index=True, width="stretch")


def render_comments(record: dict) -> None:
    """The coordinator's comment of each year (written in the yearly follow-up)."""
    comments = record.get("comments") or []
    if comments:
        st.markdown("#### Commentaires de la coordination\n\n"
                    + "\n".join(f"- **{year}** : {fmt.md(text)}" for year, text in comments))


def render_readings(record: dict, note: str | None) -> None:
    """How the documents were read for this action (and the transcription note), documents named by their titles."""
    readings = record.get("readings") or []
    if not readings and not note:
        return
    body = ("<ul>" + "".join(f"<li><strong>{_esc(label)}</strong> : {_esc(text)}</li>" for label, text in readings)
            + "</ul>") if readings else ""
    if note:
        body += f'<p class="clsm-small">Note de transcription : {_esc(note)}</p>'
    _section("Lecture des documents", body)


def render_partners(partners: pd.DataFrame) -> None:
    if partners.empty:
        return
    st.markdown("#### Porteur et partenaires")
    shown = partners.assign(
        Structure=[f"{n} ({s})" if action_sheet.given(s) and s != n else str(n)
                   for n, s in zip(partners["name"], partners["acronym"], strict=True)],
        Secteur=partners["sector"].map(lambda s: s if action_sheet.given(s) else NONE),
    )
    views.table(shown[["Structure", "Secteur", "role"]].rename(columns={"role": "Rôle"}), hide_index=True,
                width="stretch")


def render_steps(steps: pd.DataFrame) -> None:
    heads = action_sheet.STEP_HEADS
    if steps.empty:
        return
    cols = [c for c in heads if steps[c].map(action_sheet.given).any()]
    st.markdown("#### Étapes")
    shown = steps.assign(done_on=steps["done_on"].map(lambda d: fmt.date(d, missing=NONE)))
    shown = shown[cols].apply(lambda col: col.map(lambda v: v if action_sheet.given(v) else NONE))
    views.table(shown.rename(columns=heads), hide_index=True, width="stretch")


def _indicator_chart(vals: pd.DataFrame, unit: str) -> alt.Chart:
    chart = alt.Chart(vals).mark_line(point=True).encode(
        x=alt.X("period_label:O", title=None), y=alt.Y("value:Q", title=unit))
    return charts.style(chart, 240)


def render_indicators(indicators: pd.DataFrame, values: pd.DataFrame, method) -> None:
    if indicators.empty and fmt.is_missing(method):
        return
    st.markdown("#### Évaluation")
    if not fmt.is_missing(method):
        st.text("Méthode : " + str(method))
    for row in indicators.itertuples():
        vals = values[values["indicator_id"] == row.indicator_id]
        st.markdown(f"**Indicateur de {fmt.md(row.kind)}**" if action_sheet.given(row.kind) else "**Indicateur**")
        st.text(row.label)
        if vals.empty:
            st.caption("Aucune valeur dans les documents.")
            continue
        table = vals.assign(Valeur=vals["value"].map(fmt.number),
                            Détail=vals["value_text"].map(lambda t: t if action_sheet.given(t) else NONE))
        views.table(table[["period_label", "Valeur", "Détail"]].rename(columns={"period_label": "Période"}),
                    hide_index=True, width="stretch")
        if len(vals) > 1:
            views.chart(_indicator_chart, vals[["period_label", "value"]],
                        row.unit if action_sheet.given(row.unit) else "valeur",
                        alt_text="Valeurs de l'indicateur : " + str(row.label))
