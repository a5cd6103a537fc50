"""Real Chromium: an import made through the Administration page is undone from its « Journal » tab.

The database is then, byte for byte in every data table, what it would be with only the other,
later import: the undo took back its own rows and nothing else.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CHROMIUM, launch_chromium, served, wait_frames, wait_idle
from test_browser import shot, wait_ready

from clsm_data.core.tables import TABLES
from clsm_data.store.db import connect, table_checksums

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="Debian chromium not installed (make test installs it)"
)
ROOT = Path(__file__).resolve().parent.parent
HEADER = "identifiant;instance;date;modalité;lieu;intitulé\n"
MARCH = (HEADER + "copil-2022-03-15;copil;15/03/2022;présentiel;Metz;Comité de pilotage de mars\n").encode("cp1252")
OCTOBER = (HEADER + "copil-2022-10-04;copil;04/10/2022;visio;;Comité de pilotage d'octobre\n").encode("utf-8")


def _upload(page, name: str, data: bytes) -> None:
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": data}
    )


def _import(page, name: str, data: bytes) -> None:
    _upload(page, name, data)
    page.get_by_role("button", name="Confirmer l'import").wait_for(timeout=30_000)
    page.get_by_role("button", name="Confirmer l'import").click()
    page.get_by_text(f"{name} enregistré", exact=False).wait_for(timeout=30_000)


@pytest.mark.timeout(300)
def test_import_undone_through_the_page(seed_db, tmp_path):
    from playwright.sync_api import sync_playwright

    db = tmp_path / "clsm.duckdb"
    shutil.copy2(seed_db, db)
    # The reference: the seed with only the October file imported (command line).
    ref = tmp_path / "ref.duckdb"
    shutil.copy2(seed_db, ref)
    (tmp_path / "octobre.csv").write_bytes(OCTOBER)
    out = subprocess.run([sys.executable, "-m", "clsm_data", "import", str(tmp_path / "octobre.csv"), "--db", str(ref)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr

    with served(db, tmp_path / "server.log") as url, sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="fr-FR").new_page()
            page.goto(url + "/administration")
            wait_ready(page, "Télécharger le modèle d'import")
            _import(page, "mars.csv", MARCH)
            page.goto(url + "/administration")  # a fresh uploader
            wait_ready(page, "Télécharger le modèle d'import")
            _import(page, "octobre.csv", OCTOBER)

            page.get_by_role("tab", name="Journal").click()
            page.get_by_text("écriture(s) au journal").first.wait_for(timeout=30_000)
            page.get_by_role("combobox", name="Écriture").click()
            page.get_by_role("option", name=re.compile(r"import — mars\.csv")).click()
            page.get_by_role("button", name="Annuler cette écriture").wait_for(timeout=30_000)
            removed = page.locator('[data-testid="stMetric"]', has_text="Retirées").first
            assert removed.locator('[data-testid="stMetricValue"]').inner_text().strip() == "1"
            shot(page, "administration_journal_annuler")
            page.get_by_role("button", name="Annuler cette écriture").click()
            done = page.locator('[data-testid="stAlert"]', has_text=re.compile(r"annulation de l'écriture n°\d+ enregistré"))
            done.first.wait_for(timeout=30_000)
            assert "1 supprimée(s)" in done.first.inner_text()
        finally:
            browser.close()
    data = list(TABLES)
    got, want = connect(db), connect(ref)
    try:
        assert table_checksums(got, data) == table_checksums(want, data)
        assert got.execute("SELECT count(*) FROM meeting WHERE meeting_id = 'copil-2022-10-04'").fetchone()[0] == 1
    finally:
        got.close()
        want.close()


@pytest.mark.timeout(300)
def test_table_editor_in_french_enter_adds_nothing(seed_db, tmp_path):
    """« Modifier une table » in Chromium: no English toolbar or search box, no « None » in empty cells, and
    Enter on the last row adds no row that the check would then refuse as « Corrigez le fichier »."""
    from playwright.sync_api import sync_playwright

    db = tmp_path / "clsm.duckdb"
    shutil.copy2(seed_db, db)
    with served(db, tmp_path / "server.log") as url, sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="fr-FR").new_page()
            page.goto(url + "/administration?onglet=Modifier+une+table")
            wait_ready(page, "Nouvelles lignes")
            grid = page.locator(".st-key-clsm_edit_grid [data-testid='stDataFrameResizable']").first
            new_grid = page.locator(".st-key-clsm_edit_new [data-testid='stDataFrameResizable']").first
            grid.wait_for(timeout=30_000)
            new_grid.wait_for(timeout=30_000)
            page.locator(".st-key-clsm_edit_grid").hover()
            wait_frames(page)  # the hover has been drawn
            page.locator('[data-testid="stElementToolbar"]').first.wait_for(state="attached", timeout=30_000)  # drawn…
            assert not page.locator('.st-key-clsm_edit_grid [data-testid="stElementToolbar"]').first.is_visible()
            new_grid.scroll_into_view_if_needed()
            wait_frames(page)  # scrolled: the box below is where the grid is drawn
            box = new_grid.bounding_box()
            page.mouse.click(box["x"] + 30, box["y"] + 52)  # the last (only) row of « Nouvelles lignes »
            for key in ("Enter", "Enter", "Escape", "ArrowDown", "Enter", "Escape"):
                page.keyboard.press(key)  # with num_rows="add", Enter on the last row added an empty row
                wait_frames(page)  # the grid has drawn the key's effect (an editor opened or closed, a row added)
                wait_idle(page)  # and a run it started (a row sent to the server) has ended
            page.keyboard.press("Control+f")  # the grid's search box (« Type to search », « 1 of 1 result »)
            wait_frames(page)
            assert not any(bar.is_visible() for bar in page.locator(".gdg-search-bar").all())
            body = page.inner_text("body")
            for english in ("Add row", "Show/hide columns", "Download as CSV", "Type to search", "1 of 1"):
                assert english not in body
            html = page.content()
            assert ">None<" not in html and ">empty<" not in html
            shot(page, "administration_modifier_table")
            page.get_by_role("button", name="Vérifier les modifications").click()
            page.get_by_text("Aucune modification à enregistrer.").wait_for(timeout=30_000)
            after = page.inner_text("body").split("Vérifier les modifications", 1)[1]
            assert "fichier" not in after and "Corrigez" not in after
        finally:
            browser.close()
