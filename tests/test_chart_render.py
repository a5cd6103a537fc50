"""The chart renderer: vl-convert in a child process, started at the first chart and ended when idle.

The app's process never imports vl-convert (V8's 70 MB stay out of it, docs/benchmarks.md); the picture is the
same as vl-convert's own; a spec vl-convert refuses comes back as its message; a renderer that ended (idle, or
killed) is started again at the next chart.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from clsm_data.present import render

ROOT = Path(__file__).resolve().parent.parent
BARS = {
    "data": {"values": [{"structure": "CH Jury", "n": 12}, {"structure": "UNAFAM Moselle", "n": 3}]},
    "mark": "bar",
    "encoding": {"x": {"field": "n", "type": "quantitative"}, "y": {"field": "structure", "type": "nominal"}},
}


def test_svg_and_png_are_the_pictures_of_the_spec():
    svg = render.svg(BARS)
    assert svg.startswith("<svg") and "CH Jury" in svg and "UNAFAM Moselle" in svg
    png = render.png(BARS, scale=2.0)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    small = render.png(BARS, scale=1.0)
    width = lambda data: int.from_bytes(data[16:20], "big")  # noqa: E731 - the IHDR's width
    assert width(png) == 2 * width(small)


def test_a_refused_spec_comes_back_as_its_message_and_the_renderer_goes_on():
    with pytest.raises(render.ChartError, match="filled"):
        render.svg({"mark": "nope"})
    assert "CH Jury" in render.svg(BARS)


def test_a_renderer_killed_between_two_charts_is_started_again():
    render.svg(BARS)
    first = render.pid()
    assert first is not None
    os.kill(first, signal.SIGKILL)
    assert "CH Jury" in render.svg(BARS)
    assert render.pid() not in (None, first)


def test_the_renderer_ends_when_idle_and_the_process_never_loads_vl_convert():
    code = textwrap.dedent("""
        import os, sys, time
        from clsm_data.present import render
        render.svg({"mark": "point"})
        pid = render.pid()
        time.sleep(1.6)
        state = open(f"/proc/{pid}/status").read().split("State:")[1].split()[0]
        print(state, "vl_convert" in sys.modules, len(render.svg({"mark": "point"})) > 100, render.pid() != pid)
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                         env={**os.environ, "CLSM_CHART_IDLE": "1", "PYTHONPATH": str(ROOT)}, check=True)
    assert out.stdout.split() == ["Z", "False", "True", "True"]  # ended (a zombie until reaped), started again
