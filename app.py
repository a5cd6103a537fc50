"""Entry point: the menu, built per role on the server and kept by the browser from page to page, and the page it opens.

Each screen is one file under pages/ (Vue d'ensemble is pages/1_vue_d_ensemble.py, served at /). The menu is
Streamlit's own (st.navigation): the browser keeps it drawn while a page reruns, so a quick second or third click
always finds its link (a menu drawn by each page vanished for 60-120 ms at every page change). See components/nav.py.
"""

from components import nav

nav.run()
