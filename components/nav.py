"""Role-aware navigation: links in the sidebar, built on the server; a partner gets no Administration link.

The app uses Streamlit's `pages/` folder (the client asked for it); the folder's own menu is hidden
(`client.showSidebarNavigation = false`) and replaced by these links, so the menu depends on the
role. Pages reachable by URL re-check the role themselves (see pages/7_administration.py).
"""

from __future__ import annotations

import streamlit as st

from clsm_data.core.roles import Caller

PAGES = [
    ("app.py", "Vue d'ensemble", ":material/dashboard:"),
    ("pages/2_avancement.py", "Avancement par axe", ":material/stacked_bar_chart:"),
    ("pages/3_fiches_actions.py", "Fiches actions", ":material/description:"),
    ("pages/4_participation.py", "Participation", ":material/groups:"),
    ("pages/5_partenaires.py", "Partenaires", ":material/hub:"),
    ("pages/6_ressources.py", "Ressources", ":material/menu_book:"),
    ("pages/8_diaporama.py", "Diaporama (plénière)", ":material/slideshow:"),
    ("pages/9_sources.py", "Sources", ":material/source:"),
    ("pages/11_rapports.py", "Rapports (bilan annuel)", ":material/summarize:"),
]
ADMIN_PAGE = ("pages/7_administration.py", "Administration", ":material/admin_panel_settings:")
TODO_PAGE = ("pages/10_a_completer.py", "À compléter", ":material/checklist:")  # coordinator only


def pages_for(user: Caller) -> list[tuple[str, str, str]]:
    """(file, label, icon) of the pages this user may open."""
    return PAGES + ([ADMIN_PAGE, TODO_PAGE] if user.can_write else [])


def sidebar_links(user: Caller, params: dict[str, str], where=None) -> None:
    """The menu: one link per page the user may open, carrying the shared filters as URL parameters."""
    where = where or st.sidebar
    where.markdown("### CLSM · Tableau de suivi")
    for path, label, icon in pages_for(user):
        where.page_link(path, label=label, icon=icon, query_params=params or None)
