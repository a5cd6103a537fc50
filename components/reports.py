"""The Rapports page's pieces: downloads of the annual report, its outline, the coordinator's texts."""

from __future__ import annotations

import streamlit as st

from clsm_data.followup import ccoms, texts
from clsm_data.present import action_sheet, report

from . import data, fmt
from .export import download_menu
from .writing import write


def default_year() -> int:
    """The latest year with a meeting or an event."""
    return data.report_default_year()


def downloads(year: int, masked: bool) -> None:
    """PDF and .docx, built on click (a few seconds: charts are rendered offline)."""
    councils = data.scope()  # read now: the file may be built on another thread
    suffix = "-partenaires" if masked else ""
    c1, c2, _ = st.columns([1, 1, 2])
    c1.download_button("⬇ Bilan PDF", data=lambda: report.build(data.fresh_cursor(councils), year, "pdf", masked),
                       file_name=f"clsm-bilan-{year}{suffix}.pdf", mime="application/pdf", on_click="ignore",
                       key="bilan_pdf", type="primary", width="stretch")
    c2.download_button("⬇ Bilan Word (.docx)", data=lambda: report.build(data.fresh_cursor(councils), year, "docx", masked),
                       file_name=f"clsm-bilan-{year}{suffix}.docx", on_click="ignore", key="bilan_docx", width="stretch",
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def outline(year: int, masked: bool) -> None:
    """What the report holds: its sections, and what the documents do not give for that year."""
    doc = data.report_outline(year, masked)
    if doc["empty"]:
        st.info(f"Les documents du CLSM ne donnent aucune donnée pour {year} : le bilan le dit et ne contient aucun chiffre.")
        return
    st.markdown("**Sections du bilan** : " + fmt.md(" · ".join(doc["heads"])))
    gaps = doc["gaps"]
    with st.expander("Ce que les documents ne donnent pas pour cette année"):
        for gap in gaps:
            st.text("– " + gap)


def editor(year: int, user) -> None:
    """The coordinator's text per section (plain text: markup is printed as typed), each save audited."""
    cur = data.cursor()
    stored = report.texts(cur, year)
    with st.form(f"bilan_textes_{year}"):
        st.markdown(f"**Textes de la coordination pour {year}** (texte simple : balises et liens sont imprimés tels quels)")
        typed = {key: st.text_area(label, value=stored.get(key, ""), key=f"bilan_{year}_{key}", height=90)
                 for key, label in report.SECTIONS.items()}
        if not st.form_submit_button("Enregistrer les textes", type="primary"):
            return
    changed = {k: v for k, v in typed.items() if (v or "").strip() != (stored.get(k) or "").strip()}
    if not changed:
        st.info("Aucun changement.")
        return
    if write(lambda c: texts.save_texts(c, user, year, changed), "", rerun=False) is not None:
        st.success(f"{len(changed)} texte(s) enregistré(s) au journal, en une écriture.")


def sheet_downloads(action_id: str) -> None:
    """« ⬇ Télécharger la fiche »: PDF and .docx laid out as the council's sheets, built on click (drawn once opened)."""
    councils = data.scope()  # read now: the file may be built on another thread
    pop = download_menu(f"sheet_{action_id}", "⬇ Télécharger la fiche (PDF, Word)")
    if pop is None:
        return
    pop.download_button("⬇ Fiche PDF", data=lambda: action_sheet.build_sheet(data.fresh_cursor(councils), action_id, "pdf"),
                        file_name=f"clsm-{action_id}.pdf", mime="application/pdf", on_click="ignore",
                        key=f"sheet_pdf_{action_id}")
    pop.download_button("⬇ Fiche Word (.docx)", data=lambda: action_sheet.build_sheet(data.fresh_cursor(councils), action_id, "docx"),
                        file_name=f"clsm-{action_id}.docx", on_click="ignore", key=f"sheet_docx_{action_id}",
                        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def _survey(cur, councils: tuple[str, ...], year: int):
    return ccoms.indicators(cur, list(councils), year)


_survey_table = data.cached_query(_survey)


def survey(year: int) -> None:
    """The CCOMS état des lieux of the session's council(s) for a year: the table and its CSV in the survey's order."""
    from . import views
    from .export import download_buttons

    councils, allowed = data.scope(), data.allowed_councils()
    if len(allowed) > 1 and st.toggle(f"Tous les conseils de ce compte ({len(allowed)}), avec le total du réseau",
                                      key="edl_reseau"):
        with st.spinner("Calcul des indicateurs de chaque conseil…"):
            cur = data.fresh_cursor(allowed)  # bound to every council of the account, none other
            try:
                df = ccoms.indicators(cur, list(allowed), year)
            finally:
                cur.close()
    else:
        df = _survey_table(councils, year)
    if df is None or df.empty:
        st.info("Aucun conseil dans la base.")
        return
    st.markdown(fmt.md(f"Indicateurs de l'état des lieux national des CLSM (enquête du CCOMS), {year} : gouvernance, "
                       "instances réunies, partenaires par secteur, actions par thème."))
    shown = df.copy()
    for col in shown.columns[2:]:
        shown[col] = [fmt.number(v) if isinstance(v, int) else ("non renseigné" if v is None else v)
                      for v in shown[col]]
    views.table(shown, label="État des lieux CCOMS")
    if len(df.columns) == 3:  # one council: a validated year says what was written since its validation
        state = data.year_state(year)
        if state and state.get("state") == "validée":
            since = state.get("corrections") or []
            st.info(fmt.md(f"Année {year} validée par le COPIL le {fmt.day(state['validated_on'])}. "
                           "Ces indicateurs sont ceux d'aujourd'hui"
                           + (" ; écrit depuis la validation : " + " ; ".join(since) + "." if since
                              else " : rien n'a été écrit pour cette année depuis sa validation.")))
    st.caption(fmt.md("Calculé sur les données du conseil : réunions et structures enregistrées dans le tableau de "
                      "suivi, actions du plan en vigueur. « non renseigné » : les données ne le disent pas. Les "
                      "intitulés sont ceux du tableau de suivi ; l'ordre est celui de l'enquête."))
    download_buttons(df, f"etat-des-lieux-{year}", None, masked=False)
