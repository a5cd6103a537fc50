"""Data layer of the CLSM follow-up dashboard: schema, seed build, queries, imports (no Streamlit)."""
