"""Quick clicks: bursts of three page changes within 250 ms never give an error page nor a busy connection."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import CHROMIUM, launch_chromium, served, wait_idle

BURSTS = 25


@pytest.mark.timeout(600)
def test_bursts_of_page_changes(seed_db, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium absent (make test l'installe)")
    db = tmp_path / "clsm.duckdb"
    shutil.copy2(seed_db, db)
    log = tmp_path / "server.log"
    errors: list[str] = []
    with served(db, log) as url, playwright.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            for i in range(BURSTS):
                since = dt.date(2016, 3, 3) + dt.timedelta(days=i)  # a filter not yet cached: real work each time
                page.goto(f"{url}/?du={since.isoformat()}")
                sidebar = page.locator('[data-testid="stSidebar"]')
                sidebar.get_by_role("link", name="Participation").wait_for(timeout=60_000)
                for name in ("Participation", "Partenaires", "Avancement par axe"):
                    sidebar.get_by_role("link", name=name).click(no_wait_after=True)
                    # deliberate: the pace of a person clicking fast (three clicks within 250 ms) is what is tested,
                    # not a wait for the page
                    page.wait_for_timeout(80)
                heading = page.get_by_role("heading", name="Avancement par axe").first
                try:
                    heading.wait_for(timeout=30_000)
                except Exception:  # noqa: BLE001 - a click swallowed by the burst is no error page: click again
                    sidebar.get_by_role("link", name="Avancement par axe").click()
                    heading.wait_for(timeout=60_000)
                wait_idle(page)  # the last run has ended and nothing of an earlier page is left on screen
                if page.locator('[data-testid="stException"]').count() or page.locator(
                        '[data-testid="stAlertContentError"]').count():
                    errors.append(f"burst {i}: {page.locator('body').inner_text()[:300]}")
                if not sidebar.get_by_role("link", name="Ressources").count():
                    errors.append(f"burst {i}: the menu is gone")
        finally:
            browser.close()
    text = log.read_text()
    assert errors == []
    assert "connection is busy" not in text and "Traceback" not in text, text[-2000:]
