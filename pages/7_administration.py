"""Administration (coordinator only): placeholder until the import and editing tools land."""

import streamlit as st

st.title("Administration")
st.info("Les outils d'administration arrivent bientôt.")
