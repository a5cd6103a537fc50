"""What `make run` serves: app.py and its pages, through Streamlit's own server plus one middleware.

`streamlit run serve.py` finds `app` below and serves app.py as usual; components.serving says
what the middleware adds (the page tells the browser where the server is: faster page loads).
"""

import streamlit as st

from components import serving

app = st.App("app.py", middleware=serving.middleware())
