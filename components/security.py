"""Process-wide guards of the Streamlit server: host names, uploads, the client's clear-cache message.

Installed from the first run of any page (views.current) and kept for the life of the process.
- Host and Origin of the browser's connection are checked on every run (as well as by Streamlit's
  own `server.allowedHosts`, set in .streamlit/config.toml): with no account only this computer's
  names are served, since whoever is served becomes the coordinator.
- Uploads are accepted only from a session whose caller may write (the coordinator), within a
  per-session cap; Streamlit drops a session's files when the session ends.
- The "clear cache" message that any client can send would flush every session's cache: ignored.
"""

from __future__ import annotations

import threading

import streamlit as st

from clsm_data.access import hosts
from clsm_data.importing import MAX_BYTES

SESSION_CAP_BYTES = 2 * MAX_BYTES  # the file being previewed and the next one

_uploaders: set[str] = set()  # session ids allowed to upload
_lock = threading.Lock()
_installed = False


def _install() -> None:
    """Patch the server once per process (idempotent)."""
    global _installed
    if _installed:
        return
    with _lock:
        if _installed:
            return
        from streamlit.runtime.app_session import AppSession

        def ignore_clear_cache(self) -> None:
            # Streamlit clears the caches of every session when any client asks: a stranger could
            # flush them at will. The app clears its own caches after each write.
            return None

        AppSession._handle_clear_cache_request = ignore_clear_cache
        _gate_uploads()
        _installed = True


def _gate_uploads() -> None:
    from streamlit import runtime

    if not runtime.exists():  # AppTest: no server, no upload route
        return
    gate(runtime.get_instance().uploaded_file_mgr)


def gate(mgr) -> None:
    """Refuse uploads from sessions not allowed to write, and cap each session's stored bytes."""
    from starlette.exceptions import HTTPException

    if getattr(mgr, "_clsm_gated", False):
        return
    add_original, remove_original = mgr.add_file, mgr.remove_session_files

    def add_file(session_id: str, file) -> None:
        with _lock:
            allowed = session_id in _uploaders
        if not allowed:
            raise HTTPException(status_code=403, detail="Envoi de fichier réservé à la coordination connectée.")
        held = sum(len(f.data) for fid, f in getattr(mgr, "file_storage", {}).get(session_id, {}).items()
                   if fid != file.file_id)
        if held + len(file.data) > SESSION_CAP_BYTES:
            raise HTTPException(status_code=413, detail="Trop de fichiers envoyés dans cette session.")
        add_original(session_id=session_id, file=file)

    def remove_session_files(session_id: str) -> None:
        with _lock:
            _uploaders.discard(session_id)
        remove_original(session_id)

    mgr.add_file = add_file
    mgr.remove_session_files = remove_session_files
    mgr._clsm_gated = True


def guard_run(accounts_exist: bool) -> None:
    """Install the guards, then refuse this run if the browser named a host this app does not serve.

    Args:
        accounts_exist: whether signing in is required (components.auth.sign_in_required), which widens the
            host names served beyond this computer's own.
    """
    _install()
    headers = getattr(st.context, "headers", None) or {}
    configured = list(st.get_option("server.allowedHosts") or [])
    for header in ("host", "origin"):
        value = headers.get(header)
        if not hosts.allowed(value, configured, accounts_exist):
            st.error("Adresse refusée : ce tableau de bord ne répond pas sous ce nom d'hôte.")
            st.caption("Ouvrez-le par l'adresse donnée par la coordination du CLSM.")
            st.stop()


def allow_uploads(allowed: bool) -> None:
    """Let this session upload files (a coordinator) or not (everyone else)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is None:
        return
    with _lock:
        if allowed:
            _uploaders.add(ctx.session_id)
        else:
            _uploaders.discard(ctx.session_id)
