"""Avancement par axe: plan → axis → theme → actions, status bars, timeline of dated actions."""

import pandas as pd
import streamlit as st

from components import charts, data, export, fmt, views
from components import filters as flt
from components import followup as fu
from components import provenance as src

f, user = views.current()
views.header("Avancement par axe", "Statut des actions par axe et par thématique, et calendrier des actions datées")
flt.note_scope(f, "actions")


def render_indicator() -> None:
    o = data.overview(f, False)
    sc, real = o["scope"], o["realised"]
    if sc is None:
        flt.empty(f, "action")
        return
    share = real.details["realised"] / real.details["planned"] if real.details["planned"] else None
    st.markdown(f"#### {fmt.md(real.text)}")
    if not sc["chosen"]:
        st.caption("Plan en vigueur à la date des données ; choisissez un autre plan dans le panneau de gauche.")
    views.tiles([
        (f"Actions ({sc['short_name']})", fmt.number(o["actions"].figure), None, "actions"),
        (f"Réalisées / prévues ({sc['period']})",
         f"{fmt.number(real.details['realised'])} / {fmt.number(real.details['planned'])}",
         "Indicateur de processus de la fiche n°15 : actions du plan prévues dans la période et celles que les "
         "documents disent réalisées dans cette même période", "realised"),
        ("Taux de réalisation", fmt.percent(share) if share is not None else "non renseigné",
         "Non renseigné tant qu'aucune action du plan n'est prévue dans la période", "planned"),
    ], f=f)


def render_realisations() -> None:
    st.subheader("Ce qui réalise les actions")
    rows = data.realisations(None, f)
    if rows.empty:
        st.info("Aucune réalisation enregistrée pour les actions retenues par les filtres.")
        return
    when = [fmt.date(d, p) if not fmt.is_missing(d) else str(y)
            for d, p, y in zip(rows["date"], rows["date_precision"], rows["year"], strict=True)]
    done_by = [fmt.text(r, "") + ("" if fmt.is_missing(q) else f" ({fmt.number(q)} {fmt.text(u, '')}".rstrip() + ")")
               for r, q, u in zip(rows["ref_label"], rows["quantity"], rows["unit"], strict=True)]
    cited = [src.document_title(d, "saisie de la coordination") + ("" if fmt.is_missing(q) else f" : {q}")
             for d, q in zip(rows["source_id"], rows["quote"], strict=True)]
    table = rows.assign(Quand=when, Par=done_by, Statut=rows["status_after"].map(lambda v: fmt.text(v, "—")),
                        Document=cited, Remarque=rows["note"].map(lambda v: src.words(v) or "—"))
    views.table(table[["action_label", "Quand", "Par", "Statut", "Document", "Remarque"]].rename(columns={
        "action_label": "Action", "Par": "Réalisé par", "Statut": "Statut établi", "Document": "Document et citation",
        "Remarque": "Source ou remarque"}), hide_index=True, width="stretch")
    st.caption("« Statut établi » : la réalisation qui fixe le statut affiché de l'action (lecture notée dans la "
               "page Sources). Le statut écrit sur la fiche reste visible dans la fiche action.")


def render_written() -> None:
    st.subheader("Ce qu'écrit la coordination")
    rows = data.actions(f)
    notes = fu.written(rows) if not rows.empty else None
    if notes is None or notes.empty:
        st.info("Aucun commentaire de l'année ni « pourquoi » d'un statut daté pour les actions retenues par les filtres. "
                "La coordination les écrit dans la page À compléter › Suivi annuel.")
    else:
        views.table(notes.rename(columns={"Quoi": "Écrit", "Texte": "Ce qu'écrit la coordination"}),
                    hide_index=True, width="stretch")
    if len(rows) > fu.NOTES_LIMIT:
        st.caption(f"Les {fu.NOTES_LIMIT} premières actions de la liste sont lues, sur {fmt.number(len(rows))} : "
                   "précisez les filtres pour voir les autres.")


def render_bars(by: str, title: str) -> None:
    df = data.progress(f, by)
    if df.empty:
        flt.empty(f, "action")
        return
    st.subheader(title)
    groups = df["group_label"].drop_duplicates()
    if len(groups) > BAR_GROUPS:  # a projected chart stays legible; the list below has every action
        st.caption(f"Les {BAR_GROUPS} premiers groupes sur {fmt.number(len(groups))} sont dessinés : "
                   "choisissez un plan dans le panneau de gauche pour voir les siens.")
        df = df[df["group_label"].isin(set(groups.head(BAR_GROUPS)))]
    views.chart(charts.status_bars, df, alt_text=title)
    src.source_popover("status_chart", f)
    export.chart_downloads(f"avancement-par-{'axe' if by == 'axis' else 'thematique'}", f, charts.status_bars, df)


BAR_GROUPS = 30  # bars one chart can show legibly on a projector
ALL_PLANS = "" if f.plan_id else " (tous les plans, chacun nommé)"  # a chart says which plans it counts
LIST_LIMIT = 2000  # queries.actions' default limit
GANTT_ROWS = 60  # bars a projected calendar can show legibly


def render_drill() -> None:
    st.subheader("Actions")
    rows = data.actions(f)
    if rows.empty:
        flt.empty(f, "action")
        return
    if len(rows) >= LIST_LIMIT:
        st.caption(f"Les {fmt.number(LIST_LIMIT)} premières actions sont listées : précisez les filtres pour voir les autres.")
    else:
        st.caption(f"{fmt.number(len(rows))} action(s). Pour détailler un plan, un axe ou une thématique, choisissez-les "
                   "dans le panneau de gauche (Plan, Axe, Thématique) : la liste, les chiffres et les graphiques suivent. "
                   "Les commentaires de l'année et le « pourquoi » des statuts : onglet « Suivi de la coordination ».")
    table = rows.assign(Axe=[
        (f"Axe {int(n)}" if not fmt.is_missing(n) else fmt.text(t, "")) for n, t in zip(rows["axis_number"], rows["axis_short"], strict=True)])
    # The sheet number goes with the title (« Fiche 15 – … », never a « non renseigné » column); the status comes
    # second, so that it stays in view when the table scrolls sideways at 1280 px.
    shown = table.assign(
        Action=[(f"Fiche {n} – " if not fmt.is_missing(n) else "") + str(t) for n, t in zip(rows["sheet_number"], rows["title"], strict=True)],
        Thématique=rows["theme_name"].map(lambda v: fmt.text(v, "—")), Origine=rows["origin"].map(lambda v: fmt.text(v, "—")))
    views.table(shown[["Action", "status", "plan_short", "Axe", "Thématique", "Origine"]].rename(columns={
        "plan_short": "Plan", "status": "Statut"}), hide_index=True, width="stretch", height=420)
    export.download_buttons(table, "avancement-actions", f, False)


def render_gantt() -> None:
    st.subheader("Calendrier des actions")
    tl = data.timeline(f)
    if tl.empty:
        st.info("Aucune action datée avec ces filtres : seules les fiches actions ont une période dans les documents.")
        return
    views.chart(charts.gantt, tl.head(GANTT_ROWS), alt_text="Calendrier des actions")
    src.source_popover("actions", f)
    more = f" Les {GANTT_ROWS} premières par date de début sont dessinées, sur {fmt.number(len(tl))}" + (
        " au moins" if len(tl) >= 500 else "") + " : précisez les filtres pour voir les autres." if len(tl) > GANTT_ROWS else ""
    st.caption("Les idées d'actions sans période ne figurent pas dans le calendrier." + more)


def render_proposals() -> bool:
    """A brainstorm's plan holds proposals, not actions: its own words, its own list. True if shown."""
    if not f.plan_id:
        return False
    said = data.proposals_said(f.plan_id, f.council_id)
    if said is None:
        return False
    rows = data.proposals(f)
    st.markdown(f"#### {fmt.md(said.text)}")
    st.caption("Des idées recueillies en réunion par les groupes projets, dont certaines répétées d'un axe à l'autre : "
               "elles ne sont pas des actions engagées et ne sont jamais comptées avec elles.")
    views.tiles([("Propositions" + (" (filtres)" if f.axis_id or f.theme_id else ""), fmt.number(len(rows)), None),
                 ("Devenues des actions", fmt.number(int(rows["became"].notna().sum())),
                  "Les propositions reliées à l'action qu'elles sont devenues")])
    if rows.empty:
        flt.empty(f, "proposition")
        return True
    table = pd.DataFrame({
        "Proposition": rows["title"],
        "Axe": [f"Axe {int(n)} – {t}" if not fmt.is_missing(n) else fmt.text(t, "—")
                for n, t in zip(rows["axis_number"], rows["axis_short"], strict=True)],
        "Thématique": rows["theme_name"].map(lambda v: fmt.text(v, "—")),
        "Proposée par": rows["origin"].map(lambda v: "les partenaires" if v == "partenaires" else fmt.text(v, "—")),
        "Devenue l'action": rows["became"].map(lambda v: fmt.text(v, "—"))})
    st.caption(f"{fmt.number(len(rows))} proposition(s).")
    views.table(table, hide_index=True, width="stretch", height=420, label="Propositions des groupes projets")
    export.download_buttons(table, "pistes-d-actions", f, False)
    return True


if not render_proposals():
    render_indicator()
    views.lazy_tabs("vue", [
        ("Par axe", lambda: render_bars("axis", "Statut des actions par axe" + ALL_PLANS)),
        ("Par thématique", lambda: render_bars("theme", "Statut des actions par thématique" + ALL_PLANS)),
        ("Calendrier", render_gantt),
        ("Réalisations", render_realisations),
        ("Suivi de la coordination", render_written),
    ])
    render_drill()
