"""Role-aware navigation: the menu is declared on the server for the caller's role; a partner sees no Administration.

app.py calls `run()`: it builds the list of pages for who is signed in and hands it to Streamlit's own menu
(st.navigation), which the browser keeps drawn from one page to the next. A page a role may not open stays
reachable by its URL but is hidden from the menu, and re-checks the role itself (pages/7_administration.py), so
a typed address and a menu link give the same refusal. Nobody signed in yet (accounts exist): no menu, and the
page asked for draws the sign-in screen.

The `pages/` folder is the client's layout: its files are the pages below. serve.py tells Streamlit not to
build the folder's own automatic menu (which would run a page without this one).
"""

from __future__ import annotations

import streamlit as st

from clsm_data.core.roles import Caller

from . import auth, security

OVERVIEW = "pages/1_vue_d_ensemble.py"
PAGES = [
    (OVERVIEW, "Vue d'ensemble"),
    ("pages/2_avancement.py", "Avancement par axe"),
    ("pages/3_fiches_actions.py", "Fiches actions"),
    ("pages/4_participation.py", "Participation"),
    ("pages/5_partenaires.py", "Partenaires"),
    ("pages/6_ressources.py", "Ressources"),
    ("pages/8_diaporama.py", "Diaporama (plénière)"),
    ("pages/9_sources.py", "Sources"),
    ("pages/11_rapports.py", "Rapports (bilan annuel)"),
]
ADMIN_PAGE = ("pages/7_administration.py", "Administration")
TODO_PAGE = ("pages/10_a_completer.py", "À compléter")  # coordinator only
COORDINATION = [ADMIN_PAGE, TODO_PAGE]
NETWORK_PAGE = ("pages/12_reseau.py", "Réseau (plusieurs conseils)")  # accounts that read several councils


def pages_for(user: Caller) -> list[tuple[str, str]]:
    """(file, label) of the pages this user sees in the menu."""
    from . import data

    network = [NETWORK_PAGE] if len(data.allowed_councils()) > 1 else []
    return PAGES + network + (COORDINATION if user.can_write else [])


def run() -> None:
    """Declare the menu for this session's caller and run the page the address asks for."""
    security.guard_run(auth.sign_in_required())  # host names checked before anything is read
    user = auth.signed_in_user()
    shown = {path for path, _ in pages_for(user)} if user is not None else set()
    # No icons: Streamlit fetches a menu's material icons from fonts.gstatic.com, which an offline council
    # (and the inert-text test, which lists every request) would see as a request outside the server.
    pages = [st.Page(path, title=label, default=path == OVERVIEW,
                     visibility="visible" if path in shown else "hidden")
             for path, label in PAGES + [NETWORK_PAGE] + COORDINATION]
    st.navigation(pages, position="sidebar" if shown else "hidden", expanded=True).run()
