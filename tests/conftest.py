"""Shared fixtures: a real database built by the project's own builder, caches cleared per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clsm_data.build import build
from clsm_data.config import SEED_DIR

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
