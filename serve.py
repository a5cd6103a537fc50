"""What `make run` and `make network` serve: app.py and its pages, through Streamlit's own server plus middleware.

`streamlit run serve.py` finds `app` below and serves app.py as usual; components.serving says what the middleware
adds (the client's address believed from X-Forwarded-For only when a configured proxy sends it; the page tells the
browser where the server is).
"""

import os

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from components import serving

# app.py declares the menu itself (st.navigation, components/nav.py); the pages/ folder beside it is only where
# the page files live. Without this, Streamlit would treat the folder as its older automatic menu until app.py
# first runs, and a first visitor arriving on /participation would get that page without the role's menu.
PagesManager.uses_pages_directory = False

# uvicorn (under Streamlit) believes X-Forwarded-For from any connection of this computer by default: off, so
# that the app's own rule (components.serving.ClientAddress, CLSM_TRUSTED_PROXY) is the only one. Read by
# uvicorn when the server starts, after this file is loaded.
os.environ["FORWARDED_ALLOW_IPS"] = ""

app = st.App("app.py", middleware=serving.middleware())
