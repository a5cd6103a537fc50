"""Rapports: the annual report (bilan annuel) of a year as PDF and .docx; the coordinator writes its texts."""

import datetime as dt

import streamlit as st

from components import fmt, reports, views

f, user = views.current()
views.header("Rapports", "Le bilan annuel d'une année (fiche n°15 « Suivi : bilan annuel »), en PDF et en Word")
st.caption("Les filtres du panneau de gauche ne s'appliquent pas ici : le bilan couvre toute l'année choisie.")

years = list(range(dt.date.today().year, 2014, -1))
year = st.selectbox("Année", years, index=years.index(reports.default_year()) if reports.default_year() in years else 0,
                    key="bilan_annee")
if user.can_write:
    masked = st.toggle("Version partenaires (effectifs de 1 à 10 usagers ou aidants masqués)", key="bilan_masque")
else:
    masked = True
    st.caption("Version partenaires : les effectifs de 1 à 10 usagers ou aidants sont masqués (« < 11 »).")

reports.downloads(year, masked)
if user.can_write:  # the eight text boxes only when asked for (they made the page the slowest to open)
    views.lazy_tabs("vue", [("Contenu du bilan", lambda: reports.outline(year, masked)),
                            ("Textes de la coordination", lambda: reports.editor(year, user)),
                            ("État des lieux national", lambda: reports.survey(year))])
else:
    def _outline() -> None:
        reports.outline(year, masked)
        st.caption(fmt.md("Les textes de chaque section sont rédigés par la coordination du CLSM."))

    views.lazy_tabs("vue", [("Contenu du bilan", _outline), ("État des lieux national", lambda: reports.survey(year))])
