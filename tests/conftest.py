"""Shared fixtures: a real database built by the project's own builder, caches cleared per test."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import pytest

from clsm_data.core.config import SEED_DIR
from clsm_data.store.build import build

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """A database built once per test run from data/seed (read-only use only)."""
    path = tmp_path_factory.mktemp("db") / "clsm.duckdb"
    build(path, SEED_DIR)
    return path


@pytest.fixture
def fresh_db(seed_db, tmp_path) -> Path:
    """A private copy of the seed database that a test may write to."""
    path = tmp_path / "clsm.duckdb"
    shutil.copy2(seed_db, path)
    return path


@pytest.fixture
def app_db(fresh_db, monkeypatch):
    """Point the app (CLSM_DB) at a private copy of the seed database, with empty Streamlit caches.

    A copy, because the app holds its file read-write for the whole process.
    """
    import streamlit as st

    monkeypatch.setenv("CLSM_DB", str(fresh_db))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield fresh_db
    st.cache_data.clear()
    st.cache_resource.clear()


@contextlib.contextmanager
def served(db: Path, log: Path):
    """The app served as `make run` serves it (serve.py), on a free port over `db`; yields its URL once it answers."""
    from benchmarks.pages import serve

    with serve(ROOT / "serve.py", ROOT, dict(os.environ, CLSM_DB=str(db)), log) as url:
        yield url


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def launch_chromium(playwright):
    """Debian's headless Chromium (never a browser downloaded by Playwright)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


@pytest.fixture(scope="module")
def server(tmp_path_factory, seed_db):
    """The app served over a copy of the seed database, for one test module: (url, server log)."""
    db = tmp_path_factory.mktemp("served") / "clsm.duckdb"
    shutil.copy2(seed_db, db)
    log = tmp_path_factory.mktemp("log") / "server.log"
    with served(db, log) as url:
        yield url, log


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for a test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()
