"""Administration (coordinator only): placeholder until the import and editing tools land."""

import streamlit as st

from components import views

f, user = views.current()
if not user.can_write:
    st.error("Cette page est réservée à la coordination du CLSM.")
    st.stop()
st.title("Administration")
st.info("Les outils d'administration arrivent bientôt.")
