"""Entry point: page set-up, who is signed in, the role's pages, the shared sidebar filters."""

import streamlit as st

from components import auth, nav
from components import filters as sidebar_filters

st.set_page_config(page_title="CLSM – Tableau de suivi", page_icon=":material/psychology:", layout="wide")

user = auth.current_user()
page = st.navigation(nav.pages_for(user))
st.session_state["filters"] = sidebar_filters.sidebar()
st.session_state["user"] = user
page.run()
