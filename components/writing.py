"""The pages' one way to write and where its refusals are shown.

`write` runs a write of clsm_data (which goes through the store's write door) on a fresh read-write cursor,
shows a refusal where the user clicked, or clears the cached results, keeps the success message for the next
run and reruns. Refusals are shown by components.errors.show_error, the pages' one rendering of an error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from clsm_data.core.config import db_path
from clsm_data.core.errors import ClsmError

from . import data, fmt
from .errors import show_error

DONE_KEY = "_clsm_admin_done"


def write_cursor():
    """A fresh cursor on the app's one read-write process connection (the file opens read-write only once)."""
    return data._bound(data._connection(str(db_path())), data.scope())


def attempt(action: Callable[[Any], Any]) -> tuple[Any, ClsmError | None]:
    """Run `action(cursor)` on a fresh read-write cursor: (its result, None) or (None, the refusal)."""
    cur = write_cursor()
    try:
        return action(cur), None
    except ClsmError as exc:
        return None, exc
    finally:
        cur.close()


def write(
    action: Callable[[Any], Any],
    message: str | Callable[[Any], str] | None = None,
    *,
    forget: tuple[str, ...] = (),
    refused: Callable[[ClsmError], None] | None = None,
    rerun: bool = True,
) -> Any:
    """Write, then show the outcome on the next run.

    Args:
        action: takes a read-write cursor and writes (through clsm_data, hence the store's write door).
        message: the success message, or a function of the result (default: the result's own summary).
        forget: session keys to clear once done (the choice just undone, a filled form), so that nothing is
            left ready to be clicked a second time.
        refused: how to show a refusal (default: show_error, where the user clicked).
        rerun: False inside a widget callback (Streamlit reruns after it anyway).
    Returns:
        The action's result, or None when it was refused.
    """
    result, exc = attempt(action)
    if exc is not None:
        (refused or show_error)(exc)
        return None
    data.clear()
    if callable(message):
        message = message(result)
    elif message is None and hasattr(result, "summary"):
        message = result.summary()
    if message:
        st.session_state[DONE_KEY] = message
    for key in forget:
        st.session_state.pop(key, None)
    if rerun:
        st.rerun()
    return result


def show_done() -> None:
    """The success message of the last write, once."""
    message = st.session_state.pop(DONE_KEY, None)
    if message:
        st.success(fmt.md(message))  # may quote a file name
