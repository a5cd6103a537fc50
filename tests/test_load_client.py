"""The load benchmark's client (benchmarks/load.py) speaks Streamlit's websocket as the browser does: page runs of
a served app end without error, a page that does not exist is counted as an error, only this computer is reached."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from benchmarks import load
from benchmarks.pages import serve_process

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def app(seed_db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("load")
    db = folder / "clsm.duckdb"
    shutil.copy2(seed_db, db)
    with serve_process(ROOT / "serve.py", ROOT, dict(os.environ, CLSM_DB=str(db)), folder / "app.log") as (url, proc):
        yield url, proc.pid


def test_concurrent_sessions_run_pages_without_error_and_count_the_servers_cpu(app):
    url, pid = app
    got = load.run_load([url], 3, 2, ["", "participation"], [pid], timeout=90)
    assert len(got.records) == 6
    assert got.errors == 0, got.error_counts()
    assert all(r.finished and r.bytes > 1000 for r in got.records)
    assert got.p50 > 0 and got.throughput > 0 and got.server_cpu_s > 0
    assert got.floor_median > 0 and got.rss_peak_mb[pid] > 50
    assert "0" in load.render({"1 processus": got})


def test_a_page_that_does_not_exist_is_an_error_not_a_success(app):
    url, pid = app
    got = load.run_load([url], 1, 2, ["cette-page-n-existe-pas"], [pid], timeout=90)
    assert got.errors == 2
    assert all("introuvable" in r.error for r in got.records)


def test_only_this_computer_is_reached():
    with pytest.raises(ValueError):
        load.run_load(["http://example.org:8501"], 1, 1, [""], [os.getpid()])
