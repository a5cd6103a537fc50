"""Streamlit side of the data boundary: cached data access, sidebar filters, navigation, charts."""
