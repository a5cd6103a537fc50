"""The page list, built per role: a partner session never gets the Administration page."""

from __future__ import annotations

import streamlit as st

from clsm_data.roles import Caller

PAGES = [
    ("pages/1_vue_ensemble.py", "Vue d'ensemble", ":material/dashboard:", "vue-ensemble"),
    ("pages/2_avancement.py", "Avancement par axe", ":material/stacked_bar_chart:", "avancement"),
    ("pages/3_fiches_actions.py", "Fiches actions", ":material/description:", "fiches-actions"),
    ("pages/4_participation.py", "Participation", ":material/groups:", "participation"),
    ("pages/5_partenaires.py", "Partenaires", ":material/hub:", "partenaires"),
    ("pages/6_ressources.py", "Ressources", ":material/menu_book:", "ressources"),
]
ADMIN_PAGE = ("pages/7_administration.py", "Administration", ":material/admin_panel_settings:", "administration")


def pages_for(user: Caller) -> list:
    """st.Page objects this user may open (the server never registers the others)."""
    entries = PAGES + ([ADMIN_PAGE] if user.can_write else [])
    return [
        st.Page(path, title=title, icon=icon, url_path=url, default=(i == 0))
        for i, (path, title, icon, url) in enumerate(entries)
    ]
