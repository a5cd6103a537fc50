"""Server guards: uploads only from a coordinator's session, capped and dropped with the session; a client's
clear-cache message flushes nothing; projection mode masks Administration."""

from __future__ import annotations

import pytest
import streamlit as st
from starlette.exceptions import HTTPException
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.uploaded_file_manager import UploadedFileRec

from components import security


def _rec(n: int, file_id: str = "f1") -> UploadedFileRec:
    return UploadedFileRec(file_id=file_id, name="x.csv", type="text/csv", data=b"x" * n)


def test_anonymous_upload_refused_and_memory_kept_free():
    mgr = MemoryUploadedFileManager("/_stcore/upload_file")
    security.gate(mgr)
    with pytest.raises(HTTPException) as refused:
        mgr.add_file(session_id="inconnue", file=_rec(9_900_000))
    assert refused.value.status_code == 403
    assert mgr._total_bytes == 0 and not mgr.file_storage.get("inconnue")


def test_coordinator_upload_capped_then_released(monkeypatch):
    mgr = MemoryUploadedFileManager("/_stcore/upload_file")
    security.gate(mgr)
    monkeypatch.setattr(security, "_uploaders", {"coord"})
    mgr.add_file(session_id="coord", file=_rec(1000, "a"))
    mgr.add_file(session_id="coord", file=_rec(security.SESSION_CAP_BYTES - 1000, "b"))
    with pytest.raises(HTTPException) as capped:
        mgr.add_file(session_id="coord", file=_rec(10, "c"))
    assert capped.value.status_code == 413
    mgr.add_file(session_id="coord", file=_rec(500, "a"))  # replacing a file counts its new size only
    mgr.remove_session_files("coord")  # what Streamlit calls when the session ends
    assert mgr._total_bytes == 0 and "coord" not in security._uploaders
    with pytest.raises(HTTPException):
        mgr.add_file(session_id="coord", file=_rec(10))  # the session is gone: no more uploads


def test_client_clear_cache_message_flushes_nothing():
    from streamlit.runtime.app_session import AppSession

    calls = []

    @st.cache_data
    def counted(x):
        calls.append(x)
        return x

    security._install()
    counted(1)
    AppSession._handle_clear_cache_request(None)  # what any client's "clear cache" message runs
    counted(1)
    assert calls == [1]
    st.cache_data.clear()


def test_projection_mode_masks_administration(app_db):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=30)
    at.query_params["projection"] = "true"
    at.run()
    at.switch_page("pages/7_administration.py")
    at.run()
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Administration"]
    assert any("Mode projection" in w.value for w in at.warning)
    assert not at.tabs and not at.dataframe and not at.table  # no import, no table, no journal on the projector
