"""Charts drawn offline as SVG or PNG, by vl-convert in a process of its own.

vl-convert runs the Vega libraries in V8, which keeps about 70 MB once it has drawn a chart, for the life of the
process. Drawn in the app's process, those 70 MB stayed with every app process for good although charts are drawn
rarely (each page's pictures are cached per data version). The renderer is a child process started at the first
chart and ended after a minute without one (CLSM_CHART_IDLE seconds), so an app at rest holds none of it. Same
vl-convert, same spec, same picture as before; one request at a time per process (vl-convert draws one at a time
anyway).
"""

from __future__ import annotations

import atexit
import json
import struct
import subprocess
import sys
import threading
from pathlib import Path

_WORKER = Path(__file__).with_name("_chart_worker.py")
_LOCK = threading.Lock()
_proc: subprocess.Popen | None = None


class ChartError(ValueError):
    """vl-convert refused the spec (its message), or the renderer could not be started."""


def _start() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-I", str(_WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, bufsize=0)


def _read(stream, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = stream.read(n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def _ask(request: bytes) -> tuple[int, bytes]:
    global _proc
    if _proc is None or _proc.poll() is not None:
        _proc = _start()
    _proc.stdin.write(struct.pack(">I", len(request)) + request)
    _proc.stdin.flush()
    status, size = struct.unpack(">BI", _read(_proc.stdout, 5))
    return status, _read(_proc.stdout, size)


def _draw(spec: str | dict, to: str, scale: float = 2.0) -> bytes:
    request = json.dumps({"to": to, "spec": spec if isinstance(spec, str) else json.dumps(spec),
                          "scale": scale}).encode("utf-8")
    with _LOCK:
        for attempt in (1, 2):  # a renderer that ended on its own (idle) between two charts is started again
            try:
                status, out = _ask(request)
                break
            except (EOFError, BrokenPipeError, OSError) as error:
                stop()
                if attempt == 2:
                    raise ChartError(f"Le moteur de graphiques n'a pas pu dessiner ce graphique ({error}).") from error
    if status:
        raise ChartError(out.decode("utf-8", "replace"))
    return out


def svg(spec: str | dict) -> str:
    """The Vega-Lite spec (JSON text or dict) drawn as SVG text."""
    return _draw(spec, "svg").decode("utf-8")


def png(spec: str | dict, scale: float = 2.0) -> bytes:
    """The Vega-Lite spec drawn as PNG bytes, `scale` times its size."""
    return _draw(spec, "png", scale)


def pid() -> int | None:
    """The renderer's process id while it runs (for the benchmark's memory figures)."""
    return _proc.pid if _proc is not None and _proc.poll() is None else None


def stop() -> None:
    """End the renderer now (it is started again at the next chart)."""
    global _proc
    proc, _proc = _proc, None
    if proc is not None:
        with_pipes = (proc.stdin, proc.stdout)
        for pipe in with_pipes:
            try:
                pipe.close()
            except OSError:
                pass
        try:
            proc.wait(2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


atexit.register(stop)
