"""What serve.py adds to Streamlit's server: the client's address decided by the app, and the page telling the
browser where the server is.

Client address (`ClientAddress`): uvicorn, under Streamlit, would believe an X-Forwarded-For from any
connection of this computer (its default `FORWARDED_ALLOW_IPS`), so a local client could pose as twenty. serve.py
turns that off; this middleware believes the header only from a proxy named in `CLSM_TRUSTED_PROXY`
(clsm_data.access.client_address) and sets the request's client (what `st.context.ip_address` reads) to it.

Base URL (`BaseUrlScript`):

Opened at /avancement (any page but the overview), Streamlit's client first asks
/avancement/_stcore/health, gets a 404, then asks /_stcore/health: 55 to 95 ms lost on every full
load (measured in Chromium, side by side). The client takes `window.__streamlit.BACKEND_BASE_URL`
when the page sets it; this middleware writes it into the HTML page (the server's root, or
`server.baseUrlPath` behind a proxy), so the first try is the right one. Nothing else changes:
assets, the websocket and uploads pass through untouched.
"""

from __future__ import annotations

import json

from starlette.middleware import Middleware
from streamlit import config

from clsm_data.access.client_address import client_address, trusted_proxies

HEAD = b"<head>"


def script(base_path: str) -> bytes:
    """The <script> that goes first in <head>: the server's base URL, from the page's own origin."""
    path = base_path.strip("/")
    base = "/" + (path + "/" if path else "")
    js = ("window.__streamlit = Object.assign({}, window.__streamlit, "
          f"{{BACKEND_BASE_URL: location.origin + {json.dumps(base)}}});")
    return b"<script>" + js.encode() + b"</script>"


def _is_page(scope) -> bool:
    """A GET of a page address (/, /avancement…): Streamlit answers those with its HTML page."""
    path = scope.get("path", "")
    last = path.rsplit("/", 1)[-1]
    return scope["type"] == "http" and scope.get("method") == "GET" and "/_stcore/" not in path and "." not in last


class BaseUrlScript:
    """ASGI middleware adding `script()` to the HTML page; every other request passes as it is."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if not _is_page(scope):
            await self.app(scope, receive, send)
            return
        # The page is asked uncompressed (a few kB on the local network) so that the script can go in.
        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]}
        start: dict = {}
        body = bytearray()

        async def add_script(message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            body.extend(message.get("body", b""))
            if message.get("more_body"):
                return
            out = bytes(body)
            headers = dict(start.get("headers", []))
            if headers.get(b"content-type", b"").startswith(b"text/html") and HEAD in out:
                out = out.replace(HEAD, HEAD + script(config.get_option("server.baseUrlPath") or ""), 1)
            await send({**start, "headers": [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
                        + [(b"content-length", str(len(out)).encode())]})
            await send({"type": "http.response.body", "body": out})

        await self.app(scope, receive, add_script)


class ClientAddress:
    """ASGI middleware: the request's client is the socket's peer, or what a trusted proxy forwarded."""

    def __init__(self, app, proxies: str | None = None) -> None:
        self.app = app
        self.proxies = trusted_proxies(proxies)  # read once: a bad setting stops the server at start

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] in ("http", "websocket"):
            peer, port = scope.get("client") or (None, 0)
            forwarded = [v.decode("latin-1") for k, v in scope["headers"] if k == b"x-forwarded-for"]
            client = client_address(peer, forwarded, self.proxies)
            if client != peer:
                scope = {**scope, "client": (client, 0)}
                proto = next((v.decode("latin-1").strip() for k, v in scope["headers"]
                              if k == b"x-forwarded-proto"), "")
                if proto in ("http", "https"):  # the browser's own scheme, as the proxy saw it
                    scope["scheme"] = proto.replace("http", "ws") if scope["type"] == "websocket" else proto
        await self.app(scope, receive, send)


def middleware() -> list[Middleware]:
    """The middleware of serve.py, outermost first."""
    return [Middleware(ClientAddress), Middleware(BaseUrlScript)]
