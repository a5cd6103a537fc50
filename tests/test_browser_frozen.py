"""A validated year stays validated (issue 19), through the pages in Chromium, as the coordinator would do it:
validate 2021 on « À compléter », import a December 2021 meeting on « Administration », then read 2021 on the
overview, on a slide and in the bilan PDF: the validated figures, and the correction apart « après validation »."""

from __future__ import annotations

import io
import shutil

from conftest import launch_chromium, served
from test_browser import wait_ready


def _pdf_text(data: bytes) -> str:
    import re

    from pypdf import PdfReader

    return re.sub(r"[ \n]+", " ", "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def test_a_validated_year_does_not_move_after_an_import(tmp_path_factory, seed_db):
    from playwright.sync_api import sync_playwright

    db = tmp_path_factory.mktemp("frozen") / "clsm.duckdb"
    shutil.copy2(seed_db, db)
    sheet = db.parent / "reunion-decembre-2021.csv"
    sheet.write_text("Instance;Date de réunion\nComité de pilotage;10/12/2021\n", encoding="utf-8")
    with served(db, db.parent / "server.log") as url, sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            pg = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="fr-FR",
                                     accept_downloads=True).new_page()
            # 1. the COPIL validates 2021
            pg.goto(url + "/a_completer?suivi=Valider+l%27ann%C3%A9e")
            year = pg.get_by_label("Année", exact=True)
            year.wait_for(timeout=30_000)
            year.fill("2021")
            year.press("Enter")
            pg.get_by_text("Le COPIL a validé les chiffres de 2021").wait_for(timeout=30_000)
            pg.get_by_text("Le COPIL a validé les chiffres de 2021").click()
            pg.get_by_role("button", name="Valider l'année 2021").click()
            pg.get_by_text("validée par le COPIL le").first.wait_for(timeout=30_000)
            # 2. an import into 2021 says so before writing, then writes
            pg.goto(url + "/administration")
            wait_ready(pg, "Télécharger le modèle d'import")
            with pg.expect_file_chooser() as chooser:
                pg.locator('[data-testid="stFileUploaderDropzone"] button').click()
            chooser.value.set_files(str(sheet))
            pg.get_by_text("Cette écriture touche l'année 2021, validée par le COPIL").wait_for(timeout=60_000)
            pg.get_by_role("button", name="Confirmer l'import").click()
            pg.locator('[data-testid="stAlertContentSuccess"]').first.wait_for(timeout=60_000)
            # 3. the overview of 2021: the validated figure, the correction apart
            pg.goto(url + "/?du=2021-01-01&au=2021-12-31")
            wait_ready(pg, "Réunions datées (en 2021)")
            tile = pg.locator(".clsm-tile", has=pg.locator(".clsm-tile-label", has_text="Réunions datées (en 2021)"))
            assert tile.locator(".clsm-tile-value").inner_text().strip() == "2"
            pg.get_by_text("Après validation").first.wait_for(timeout=30_000)
            assert "+1 réunion datée (validé : 2, aujourd'hui : 3)" in pg.locator('[data-testid="stMain"]').inner_text()
            # 4. a slide over 2021
            pg.goto(url + "/diaporama?sequence=copil&du=2021-01-01&au=2021-12-31&diapo=2")
            pg.get_by_text("Diapositive 2 /").first.wait_for(timeout=60_000)
            # the metrics are drawn in columns, which a loaded browser may draw after the footer: wait for them
            pg.get_by_text("réunions datées (en 2021)").first.wait_for(timeout=30_000)
            slide = pg.locator('[data-testid="stMain"]').inner_text()
            assert "réunions datées (en 2021)" in slide and "Chiffres validés par le COPIL le" in slide, slide
            assert "après validation : +1 réunion datée" in slide
            # 5. the bilan PDF of 2021
            pg.goto(url + "/rapports")
            pg.get_by_text("⬇ Bilan PDF").wait_for(timeout=30_000)
            with pg.expect_download(timeout=120_000) as got:
                pg.get_by_text("⬇ Bilan PDF").click()
            text = _pdf_text(got.value.path().read_bytes())
            assert "Année 2021 validée par le COPIL le" in text
            assert "2 réunions datées en 2021" in text
            assert "+1 réunion datée (validé\u202f: 2, aujourd'hui\u202f: 3)" in text
            assert "Comité de pilotage (après validation)" in text
        finally:
            browser.close()
