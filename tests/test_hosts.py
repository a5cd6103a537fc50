"""Host names: a DNS-rebinding page (foreign Host and Origin) gets no connection, this computer's names do."""

from __future__ import annotations

import base64
import http.client
import os
from urllib.parse import urlparse

import pytest
from conftest import served

from clsm_data.access import hosts


@pytest.mark.parametrize(
    ("value", "configured", "accounts", "expected"),
    [
        ("127.0.0.1:8501", [], False, True),
        ("localhost:8501", [], False, True),
        ("[::1]:8501", [], False, True),
        ("evil.example:8501", [], False, False),
        ("evil.example", ["*"], False, False),  # without accounts only this computer, whatever is configured
        ("10.0.0.5:8501", ["clsm.example.fr"], True, False),
        ("clsm.example.fr", ["clsm.example.fr"], True, True),
        ("http://clsm.example.fr:8501", ["clsm.example.fr"], True, True),  # an Origin
        ("a.clsm.example.fr", ["*.example.fr"], True, True),
        ("user@clsm.example.fr", ["clsm.example.fr"], True, False),
        ("clsm.example.fr:99999", ["clsm.example.fr"], True, False),
        (None, [], False, True),  # no header: a non-browser client or AppTest
    ],
)
def test_allowed(value, configured, accounts, expected):
    assert hosts.allowed(value, configured, accounts) is expected


def _handshake(url: str, host: str, origin: str) -> int:
    """Open Streamlit's websocket with the given Host and Origin; the HTTP status of the answer."""
    port = urlparse(url).port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.putrequest("GET", "/_stcore/stream", skip_host=True)
    for name, value in [("Host", host), ("Origin", origin), ("Upgrade", "websocket"), ("Connection", "Upgrade"),
                        ("Sec-WebSocket-Key", base64.b64encode(os.urandom(16)).decode()),
                        ("Sec-WebSocket-Version", "13"), ("Sec-WebSocket-Protocol", "streamlit")]:
        conn.putheader(name, value)
    conn.endheaders()
    status = conn.getresponse().status
    conn.close()
    return status


def test_foreign_host_refused_by_the_server(fresh_db, tmp_path):
    with served(fresh_db, tmp_path / "server.log") as url:
        port = urlparse(url).port
        assert _handshake(url, f"127.0.0.1:{port}", f"http://127.0.0.1:{port}") == 101
        assert _handshake(url, f"localhost:{port}", f"http://localhost:{port}") == 101
        # the shape of a DNS-rebinding page: its own name in Host and Origin, our address underneath
        assert _handshake(url, f"evil.example:{port}", f"http://evil.example:{port}") != 101
        assert _handshake(url, f"127.0.0.1:{port}", "http://evil.example") != 101
