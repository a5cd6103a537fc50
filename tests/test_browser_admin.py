"""Real Chromium: the coordinator imports spreadsheets through the Administration page.

A good file lands exactly (preview, confirmation, the new meeting on the Participation page, one
line in the journal); a bad one is refused with a French message naming the row and column, and
nothing changes. The files are made here, not taken from the repository.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import CHROMIUM, launch_chromium, served, wait_idle
from test_browser import shot, wait_ready

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="Debian chromium not installed (make test installs it)"
)

HEADER = "identifiant;instance;date;modalité;lieu;intitulé\n"
GOOD = (HEADER + "copil-2022-03-15;copil;15/03/2022;présentiel;Metz;Comité de pilotage de mars\n").encode("cp1252")
MARKUP = (HEADER + "copil-2022-09-13;copil;![x](http://127.0.0.1:9/x.png);présentiel;Metz;COPIL\n").encode("utf-8")
BAD = (HEADER + "copil-2022-06-14;copil;31/02/2022;présentiel;Metz;Comité de pilotage de juin\n").encode("cp1252")


@pytest.fixture(scope="module")
def admin_server(tmp_path_factory, seed_db):
    db = tmp_path_factory.mktemp("admin") / "clsm.duckdb"
    shutil.copy2(seed_db, db)
    with served(db, db.parent / "server.log") as url:
        yield url, db


def _upload(page, name: str, data: bytes) -> None:
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": data}
    )


def _journal_imports(page) -> int:
    page.get_by_role("tab", name="Journal").click()
    summary = page.get_by_text("écriture(s) au journal").first
    summary.wait_for(timeout=30_000)
    text = summary.inner_text()
    return int(text.split("import : ")[1].split(",")[0]) if "import : " in text else 0


@pytest.mark.timeout(300)
def test_import_through_the_page(admin_server):
    from playwright.sync_api import expect, sync_playwright

    url, _ = admin_server
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="fr-FR").new_page()
            page.goto(url + "/administration")
            wait_ready(page, "Télécharger le modèle d'import")

            # a bad file: refused, named, nothing written
            _upload(page, "reunions-juin.csv", BAD)
            page.get_by_text("« 31/02/2022 » n'est pas une date qui existe").wait_for(timeout=30_000)
            body = page.locator('[data-testid="stMain"]').inner_text()
            assert "ligne 2" in body and "date" in body
            assert page.get_by_role("button", name="Confirmer l'import").count() == 0
            shot(page, "administration_import_refuse")

            # markup in a refused cell is quoted as typed: no image, no link
            _upload(page, "reunions-piege.csv", MARKUP)
            page.get_by_text("![x](http", exact=False).first.wait_for(timeout=30_000)  # as typed (a zero-width space breaks the link)
            found = page.locator('img[src*="127.0.0.1:9"], a[href*="127.0.0.1:9"]')
            assert found.count() == 0, [found.nth(i).evaluate("e => e.outerHTML") for i in range(found.count())]

            # a good file: preview, then confirmation
            _upload(page, "reunions-mars.csv", GOOD)
            page.get_by_role("button", name="Confirmer l'import").wait_for(timeout=30_000)
            added = page.locator('[data-testid="stMetric"]', has_text="Ajoutées").first
            expect(added.locator('[data-testid="stMetricValue"]')).to_have_text("1", timeout=30_000)
            shot(page, "administration_import_apercu")
            page.get_by_role("button", name="Confirmer l'import").click()
            page.get_by_text("reunions-mars.csv enregistré", exact=False).wait_for(timeout=30_000)
            expect(page.locator('[data-testid="stAlert"]').first).to_contain_text("1 ajoutée(s)", timeout=30_000)
            assert _journal_imports(page) == 1  # the bad file left no trace, the good one exactly one

            page.goto(url + "/participation")
            wait_ready(page, "Réunions par année")
            # the meetings table: one escaped HTML table (components/views.table)
            cells = page.locator(".clsm-table td")
            cells.filter(has_text="15/03/2022").first.wait_for(state="attached", timeout=30_000)
            assert cells.filter(has_text="Comité de pilotage de mars").count() == 1
            assert cells.filter(has_text="06/2022").count() == 0
        finally:
            browser.close()


def _idle(page) -> None:
    """Wait until the app has finished its run (an upload during a run can be lost)."""
    wait_idle(page)


def _admin_page(browser, url: str):
    """A French 1920x1080 page on the import tab of Administration, ready."""
    page = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="fr-FR").new_page()
    page.goto(url + "/administration")
    wait_ready(page, "Télécharger le modèle d'import")
    return page


def _upload_book(page, name: str, data: bytes) -> None:
    _idle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": name, "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "buffer": data}
    )


@pytest.mark.timeout(300)
def test_names_workbook_accepted_at_first_try_then_a_copy_is_flagged(tmp_path_factory, seed_db):
    """The coordinator's 2022 workbook, typed with the names the app shows, goes through the page at the
    first try; a colleague's copy under other codes is shown as probable duplicates; a bad workbook lists
    every problem at once. The uploader speaks French."""
    from playwright.sync_api import expect, sync_playwright
    from workbooks import bad_sheets, ods, sheets_2022, xlsx

    db = tmp_path_factory.mktemp("admin-names") / "clsm.duckdb"
    shutil.copy2(seed_db, db)
    with served(db, db.parent / "server.log") as url, sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = _admin_page(browser, url)
            zone = page.locator('[data-testid="stFileUploaderDropzone"]')
            zone.wait_for(timeout=30_000)
            seen = zone.inner_text()
            assert "Drag and drop" not in seen and "per file" not in seen, seen
            # Streamlit's English « Upload » is out of the page and of the accessibility tree: the button is named
            # « Parcourir » (its visible text) and the file field « Choisir le fichier à importer »
            assert "Upload" not in seen, seen
            expect(zone.get_by_role("button", name="Parcourir", exact=True)).to_be_visible()
            names = zone.aria_snapshot()
            assert "Upload" not in names and "file upload" not in names, names
            assert 'button "Choisir le fichier à importer"' in names, names
            assert "10 Mo au plus" in page.locator('[data-testid="stMain"]').inner_text()
            # over the limit: Streamlit's English refusal is hidden, ours is shown in its place
            _idle(page)
            _upload(page, "gros.csv", b"a" * 10_000_001)
            chip = page.locator('[data-testid="stFileChip"]')
            chip.wait_for(timeout=30_000)
            assert "Fichier refusé : 10 Mo au plus." in chip.evaluate(
                "e => getComputedStyle(e, '::after').content")
            assert "must be" not in page.locator('[data-testid="stMain"]').inner_text()

            # every problem of a bad workbook at once, with the closest names
            _upload_book(page, "mauvais.xlsx", xlsx(bad_sheets()))
            page.get_by_text("problèmes, tous listés", exact=False).wait_for(timeout=30_000)
            page.get_by_text("Télécharger le fichier annoté", exact=False).wait_for(timeout=30_000)
            assert page.get_by_role("button", name="Confirmer l'import").count() == 0
            assert "vouliez-vous dire" in page.locator('[data-testid="stMain"]').inner_text()
            shot(page, "administration_import_erreurs")

            # the names workbook: accepted at the first try
            _upload_book(page, "annee-2022.xlsx", xlsx(sheets_2022()))
            page.get_by_role("button", name="Confirmer l'import").wait_for(timeout=30_000)
            added = page.locator('[data-testid="stMetric"]', has_text="Ajoutées")
            added.nth(3).wait_for(timeout=30_000)
            values = [added.nth(i).locator('[data-testid="stMetricValue"]').inner_text().strip()
                      for i in range(added.count())]
            assert sorted(values) == ["1", "1", "12", "6"], values  # actions, events, meetings, attendance
            assert "None" not in page.locator('[data-testid="stMain"]').inner_text()
            page.get_by_role("button", name="Confirmer l'import").click()
            page.get_by_text("annee-2022.xlsx enregistré", exact=False).wait_for(timeout=30_000)

            # a colleague's copy of the same meetings under other codes: flagged, to decide before writing
            copy = {"réunions": [["identifiant", "instance", "date", "intitulé"],
                                 ["cs22-copil-mars", "Comité de pilotage", "15/03/2022", "COPIL mars"]]}
            _upload_book(page, "copie.xlsx", xlsx(copy))
            page.get_by_text("doublons probables", exact=False).first.wait_for(timeout=30_000)
            assert page.get_by_role("button", name="Confirmer l'import").is_disabled()
            page.get_by_text("ignorer la ligne du fichier").first.click()
            page.get_by_text("Rien à importer", exact=False).wait_for(timeout=30_000)
            shot(page, "administration_import_doublons")

            # the same year saved by LibreOffice (.ods): read like the .xlsx, already there, nothing to write
            _idle(page)
            page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
                {"name": "annee-2022.ods", "mimeType": "application/vnd.oasis.opendocument.spreadsheet",
                 "buffer": ods(sheets_2022())})
            page.locator('[data-testid="stFileChipName"]', has_text="annee-2022.ods").wait_for(timeout=30_000)
            unchanged = page.locator('[data-testid="stMetric"]', has_text="Inchangées")
            unchanged.nth(3).wait_for(timeout=30_000)  # actions, events, meetings, attendance
            # awaited, not read at once: the four tiles can be drawn before the sentence under them, and a
            # sentence left from the last file stays on screen (stale) until the run ends
            _idle(page)
            expect(page.get_by_text("Rien à importer", exact=False)).to_have_count(1, timeout=30_000)

            # a CSV that could be actions or meetings: the page asks which table it is
            _idle(page)
            _upload(page, "ambigu.csv", "identifiant;intitulé\np22-03;Titre court\n".encode())
            page.get_by_text("Que contient ce fichier ?").wait_for(timeout=30_000)
            page.get_by_text("Actions", exact=True).first.click()
            # the title came from a document: old and new shown in full, the document's kept by default
            page.get_by_text("Texte du document", exact=True).wait_for(timeout=30_000)
            body = page.locator('[data-testid="stMain"]').inner_text()
            assert "Promotion des Premiers secours en santé mentale (PSSM) auprès des professionnels du territoire " \
                   "messin" in body and "Titre court" in body
            assert not page.get_by_role("checkbox", name="Remplacer le texte du document", exact=False).is_checked()
            page.get_by_text("Rien à importer", exact=False).wait_for(timeout=30_000)  # kept: nothing changes
        finally:
            browser.close()


@pytest.mark.timeout(300)
def test_a_sign_in_sheet_is_read_at_the_first_try_its_readings_said_then_remembered(tmp_path_factory, seed_db):
    """A sign-in sheet typed by hand: the meeting from the day in its title, each person's category from their
    function, a short name of one structure read as that structure. The page says what it understood before the
    confirmation, lets it be changed, and the next file written so passes without a word."""
    from playwright.sync_api import expect, sync_playwright
    from workbooks import xlsx

    sheet = {"Émargement": [
        ["Réunion d'information des partenaires du CLSM"], ["jeudi 27 mai 2021, 10h - 11h30"],
        ["N°", "Structure", "Fonction / qualité", "Présent(e)"],
        [1, "Maison des adolescents", "Psychologue", "X"],
        [2, "Ville de Metz", "Adjointe au maire", "X"],
        [3, "GEM L'Albatros", "Adhérent", "X"],
        [4, "CH Jury", "Infirmière", "excusée"]]}
    db = tmp_path_factory.mktemp("admin-sign-in") / "clsm.duckdb"
    shutil.copy2(seed_db, db)
    with served(db, db.parent / "server.log") as url, sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = _admin_page(browser, url)
            _upload_book(page, "emargement.xlsx", xlsx(sheet))
            page.get_by_role("button", name="Confirmer l'import").wait_for(timeout=30_000)
            main = page.locator('[data-testid="stMain"]')
            expect(main).to_contain_text("L'import a compris seul 1 nom de ce fichier", timeout=30_000)
            body = main.inner_text()
            assert "« Maison des adolescents » (feuille « Émargement ») lu comme « Maison des adolescents de Moselle »" \
                in body
            assert "« excusée », personne non comptée" in body and "la fonction n'est pas gardée" in body
            added = page.locator('[data-testid="stMetric"]', has_text="Ajoutées").first
            expect(added.locator('[data-testid="stMetricValue"]')).to_have_text("3", timeout=30_000)
            assert "Psychologue" not in body and "Adjointe" not in body  # functions are never shown back
            shot(page, "administration_import_lu_comme")
            page.get_by_role("button", name="Confirmer l'import").click()
            page.get_by_text("emargement.xlsx enregistré", exact=False).wait_for(timeout=30_000)
            # the same sheet again: the reading is remembered (nothing to say), and nothing is counted twice
            _upload_book(page, "emargement-bis.xlsx", xlsx(sheet))
            page.get_by_text("Rien à importer", exact=False).wait_for(timeout=30_000)
            # the page may still be drawing the rest of its preview (a rerun in flight): wait for it, do not read once
            expect(main).to_contain_text("Correspondances retenues (1)", timeout=30_000)
            assert "L'import a compris seul" not in main.inner_text()
        finally:
            browser.close()
