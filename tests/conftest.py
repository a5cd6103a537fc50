"""Shared fixtures: a real database built by the project's own builder, caches cleared per test.

Also the two markers of a quick run (`make test-fast` = `-m "not browser and not slow"`): `browser` is put
here on every test that drives Chromium, `slow` on the non-browser tests listed in SLOW.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import re
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
def fresh_con(fresh_db):
    """A read-write connection to a private copy of the seed database (closed after the test)."""
    from clsm_data.store.db import connect

    c = connect(fresh_db, read_only=False)
    yield c
    c.close()


@pytest.fixture
def rw_con(fresh_db):
    """A read-write connection on a private copy of the seed database, closed after the test."""
    from clsm_data.store.db import connect

    con = connect(fresh_db, read_only=False)
    yield con
    con.close()


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
    """Debian's headless Chromium (never a browser downloaded by Playwright).

    Refuses to start for a test not marked `browser`, so that none can slip into `make test-fast`.
    """
    test = _RUNNING.get("item")
    if test is not None and test.get_closest_marker("browser") is None:
        pytest.fail(f"{test.nodeid} starts Chromium but is not marked `browser`: use the `browser` fixture, call "
                    "launch_chromium in the test function itself, or mark it @pytest.mark.browser (tests/conftest.py)")
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


# What the page is doing, as Streamlit's frontend says it on its root element (the way Streamlit's own e2e tests
# wait): the script run finished, no element left greyed out ("stale") from the previous run, and no element still
# a placeholder ("stSkeleton": its code is loaded on first use, after the run that sent it may have ended).
_IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.dataset.testScriptState === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"], [data-stale="true"], '
                               + '[data-testid="stSkeleton"], [data-testid="stAppSkeleton"]');
}"""


def wait_idle(pg, timeout: float = 60_000) -> None:
    """Wait until Streamlit has finished its run and drawn what it sent (2 cores shared: generous timeout).

    Call it after waiting for an element the expected run draws: right after a click the run may not have
    started yet, and the page is idle with the old content.
    """
    pg.wait_for_function(_IDLE, timeout=timeout)


def wait_frames(pg, frames: int = 2) -> None:
    """Wait until the browser has drawn `frames` more frames: a hover, a key press or a scroll has been painted."""
    pg.evaluate("n => new Promise(done => { const step = k => k ? requestAnimationFrame(() => step(k - 1)) : done();"
                " step(n); })", frames)


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


# ---------------------------------------------------------------- markers: browser, slow

# Non-browser tests left out of `make test-fast` so that it stays under two minutes on the shared 2-core machine:
# those over about 5 s there, then the next ones down to about 1.5 s (`pytest --durations` and --junitxml, a few
# files at a time, while other work ran: seconds in the value). A name here that no longer exists stops the run,
# so that a rename cannot quietly put a slow test back into `make test-fast`.
SLOW: dict[str, str] = {
    "test_accounts.py::test_cli_user_commands": "4-28 s: five command-line runs, each a new Python",
    "test_accounts.py::test_no_lock_out_a_stranger_could_renew": "5-11 s: argon2 hashes, one per failed sign-in",
    "test_accounts.py::test_accounts_survive_a_rebuild_and_do_not_block_it": "3-6 s: a rebuild from the seed",
    "test_backup.py::test_cli_backup_create_list_restore": "4-6 s: command-line runs",
    "test_concurrency.py::test_kill_9_during_a_cli_import": "4 × 2-4 s: a 3 000-row import in a new Python",
    "test_import_catalogue.py::test_cli_import_exit_codes": "3-7 s: command-line runs",
    "test_inert_text.py::test_no_live_markup_from_data": "10 × 1-6 s: every page and tab over poisoned text",
    "test_inert_text.py::test_no_live_markup_on_the_slides": "26 × 2-6 s: every slide over poisoned text",
    "test_load.py::test_reader_during_15_imports_sees_only_committed_states": "15-17 s: 15 imports under readers",
    "test_load_client.py::test_concurrent_sessions_run_pages_without_error_and_count_the_servers_cpu": "5-10 s: a "
    "served app",
    "test_load_client.py::test_a_page_that_does_not_exist_is_an_error_not_a_success": "the served app",
    "test_network_scope.py::test_the_seed_council_reads_the_same_figures_alone_and_in_a_network": "4-8 s",
    "test_network_scope.py::test_an_import_and_its_undo_touch_the_rows_of_one_council_only": "2-4 s",
    "test_network_view.py::test_the_network_page_shows_an_account_of_several_councils_their_sum": "3-6 s: AppTest "
    "sign-ins over a network of four councils",
    "test_office.py::test_office_files_render_in_libreoffice": "4-6 s: LibreOffice and pdftoppm",
    "test_partner_access.py::test_strangers_failures_do_not_stop_the_coordinator": "8 s: argon2 hashes",
    "test_synthetic.py::test_bench_runs_prints_the_table_and_leaves_nothing": "18 s: the benchmark itself",
    "test_undo.py::test_cli_year_state_validation_and_reopening": "13 s: command-line runs",
    "test_undo.py::test_cli_journal_and_undo_last": "9 s: command-line runs",
    "test_undo.py::test_an_export_of_a_validated_year_keeps_its_figures": "6 s",
    "test_writes_bulk.py::test_a_2000_row_import_lands_cell_for_cell": "8-13 s",
    "test_writes_bulk.py::test_the_check_after_commit_finds_one_wrong_cell": "7 × 9-14 s: 2 000 rows each",
    "test_writes_bulk.py::test_a_silent_rollback_at_commit_is_detected_after_a_bulk_write": "8 s: 2 000 rows",
    "test_writes_bulk.py::test_a_1000_row_apply_with_its_backup_then_without": "7-14 s: 3 000 rows and a backup",
    # under 5 s, over about 1.5 s
    "test_backup.py::test_prepare_keeps_a_restorable_backup_before_migrating": "2.7-4.7 s",
    "test_concurrency.py::test_readers_during_an_import_see_old_or_new": "1.8-2.1 s",
    "test_coordinator_words.py::test_comment_written_in_the_follow_up_shows_on_avancement": "2.0-3.3 s",
    "test_coordinator_words.py::test_period_chosen_in_the_lists_narrows_the_overview_and_stays_in_the_url": "1.5-2 s",
    "test_figure_rowsets.py::test_every_figure_is_the_count_of_its_rows_after_an_import": "2.3 s",
    "test_figure_rowsets.py::test_every_figure_is_the_count_of_its_rows_on_the_seed": "1.5 s",
    "test_import_catalogue.py::test_cli_import_when_app_holds_the_file": "1.5-2.4 s",
    "test_import_catalogue.py::test_template_round_trip": "1.7-2.1 s",
    "test_import_rooms.py::test_cli_lists_problems_grouped_and_asks_about_duplicates": "2.6-3.1 s",
    "test_outputs.py::test_copil_deck_holds_the_sequence_titles_figures_and_sources": "2.0 s",
    "test_outputs.py::test_coordinator_text_is_inert_and_the_pdf_reads_no_file_or_url": "1.7 s",
    "test_outputs.py::test_partner_report_is_masked": "1.7 s",
    "test_outputs.py::test_report_2021_holds_the_documents_figures": "1.8 s",
    "test_pages.py::test_presentation_keeps_its_figures_when_an_import_lands": "2.2-3.2 s",
    "test_pages.py::test_projection_mode_hides_small_counts_and_the_totals_that_reveal_them": "1.6-1.8 s",
    "test_partner_access.py::test_coordinator_signs_in_sees_admin_and_signs_out": "2.1 s",
    "test_partner_access.py::test_idle_session_expires": "1.6 s",
    "test_seed_build.py::test_build_refuses_to_overwrite_changes": "1.8-2.5 s",
    "test_trust.py::test_a_file_migrated_in_place_gets_the_provenance_of_its_rows": "1.5-4.5 s",
    "test_trust.py::test_to_do_page_is_refused_to_a_partner": "1.9-3 s",
    "test_undo.py::test_admin_page_undo_with_dependents_and_nothing_ready_to_click_twice": "1.7-2.9 s",
    "test_undo.py::test_cli_undo_refuses_naming_the_rows_that_point_there": "1.6-4.1 s",
    "test_writes.py::test_admin_page_meeting_edit_backup_and_journal": "1.8-2.8 s",
    "test_office.py::test_sheet_page_shows_dated_statuses_and_no_raw_values": "1.7 s",
    # these share test_office's `files` (every office file, built once: 4-7 s), paid by the first one run
    "test_office.py::test_no_table_name_raw_value_or_document_id_reaches_a_reader": "`files`",
    "test_office.py::test_docx_files_are_a4_french_with_page_numbers": "`files`",
    "test_office.py::test_docx_table_columns_are_fixed_and_hold_their_longest_word": "`files`",
    "test_office.py::test_pdf_is_a4_and_no_table_word_is_cut": "`files`",
    "test_office.py::test_deck_is_16_9_french_and_every_slide_shows_its_source": "`files`",
    "test_office.py::test_sheet_shows_only_the_rubrics_it_has": "`files`",
    "test_office.py::test_sheet_32_tells_both_statuses_with_their_dates_and_documents": "`files`",
}

_RUNNING: dict = {}  # the test being run, for launch_chromium's check
_CHROMIUM_CALL = re.compile(r"\b(launch_chromium|sync_playwright|async_playwright)\b")
_BROWSER_FIXTURES = {"browser", "server"}  # Chromium, or the served app that only a browser test reads


def _drives_chromium(item) -> bool:
    """Uses a browser fixture (directly or through another fixture) or starts Chromium in its own body.

    A test that starts it some other way (a helper) fails in launch_chromium until it is marked.
    """
    if _BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    try:
        return bool(_CHROMIUM_CALL.search(inspect.getsource(item.function)))
    except (AttributeError, OSError, TypeError):
        return False


def pytest_addoption(parser):
    parser.addoption("--order", default="", metavar="reverse|SEED",
                     help="run the tests of each file in reverse or shuffled (an integer seed) order, to find a test "
                          "that needs another to have run first")


def _reorder(items, order: str) -> None:
    """Reverse or shuffle the tests inside each file, files in their usual order (module fixtures built once)."""
    import random

    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(str(item.fspath), []).append(item)
    rng = None if order == "reverse" else random.Random(int(order))
    for group in groups.values():
        if rng is None:
            group.reverse()
        else:
            rng.shuffle(group)
    items[:] = [item for group in groups.values() for item in group]


# Whole files that start servers of their own (a throwaway PostgreSQL cluster, app processes behind a proxy): slow.
SLOW_FILES = {
    "test_postgres_store.py": "a PostgreSQL cluster started with initdb + pg_ctl, the seed built in it",
    "test_postgres_pages.py": "every page run against a PostgreSQL cluster",
    "test_network.py": "PostgreSQL, two app processes and nginx started for the test",
    "test_sign_in_slowing.py": "argon2 hashes and the growing waits of failed sign-ins",
}


def pytest_collection_modifyitems(config, items):
    if config.getoption("order"):
        _reorder(items, config.getoption("order"))
    modules = {}
    for item in items:
        if _drives_chromium(item):
            item.add_marker(pytest.mark.browser)
        module = getattr(item, "module", None)
        if module is not None:
            modules[Path(module.__file__).name] = module
        name = f"{Path(str(item.fspath)).name}::{getattr(item, 'originalname', item.name)}"
        if (name in SLOW or Path(str(item.fspath)).name in SLOW_FILES) and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.slow)
    for name in SLOW:
        file, function = name.split("::")
        if file in modules and not hasattr(modules[file], function):
            raise pytest.UsageError(f"tests/conftest.py SLOW names {name}, which does not exist any more")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    _RUNNING["item"] = item


def pytest_runtest_teardown(item):
    _RUNNING.pop("item", None)
