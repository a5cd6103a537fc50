"""The pages' one way to show an error of the data layer (the command line's is clsm_data.cli.main)."""

from __future__ import annotations

import streamlit as st

from clsm_data.core.errors import ClsmError, DataFileError

from . import fmt


def show_error(exc: ClsmError, *, stop: bool = False) -> None:
    """An error on a page: its message (escaped: it may quote a typed cell), its findings one per line when there
    are a few (an import's many cell problems have their own table, components.admin.show_refusal), its hint.

    Args:
        exc: any ClsmError (every error type is in clsm_data.core.errors).
        stop: end the page's run there (a page that cannot go on without the data).
    """
    st.error(fmt.md(exc.message))
    lines = exc.lines
    if not isinstance(exc, DataFileError) and 1 < len(lines) <= 12:
        st.markdown("\n".join(f"- {fmt.md(line)}" for line in lines))
    if exc.hint:
        st.caption(fmt.md(exc.hint))
    if stop:
        st.stop()
