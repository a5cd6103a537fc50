"""Usable without a mouse (issue 19, RGAA): an import and a COPIL sequence done with the keyboard alone.

Only Tab, Shift+Tab, Enter, Space and the clicker's keys are pressed; no click, no mouse move. Each step
waits for what a person would see before the next key.
"""

from __future__ import annotations

from conftest import served, wait_idle


def _focused(pg, js_test: str) -> bool:
    return pg.evaluate(f"(() => {{ const e = document.activeElement; if (!e) return false; return {js_test}; }})()")


def tab_to(pg, js_test: str, what: str, limit: int = 120) -> None:
    """Press Tab until the focused element passes `js_test` (a JS expression on `e`); fail naming `what`."""
    for _ in range(limit):
        pg.keyboard.press("Tab")
        if _focused(pg, js_test):
            return
    raise AssertionError(f"{what} : jamais atteint au clavier en {limit} tabulations")


def test_a_copil_sequence_with_the_keyboard_alone(server, browser):
    url, _ = server
    ctx = browser.new_context(viewport={"width": 1280, "height": 720}, locale="fr-FR")
    pg = ctx.new_page()
    try:
        pg.goto(url + "/diaporama")
        pg.get_by_text("Présenter").first.wait_for(timeout=30_000)
        wait_idle(pg)  # every button drawn before the first Tab
        tab_to(pg, "!!e.closest('.st-key-present_copil')", "le bouton « Présenter » de la séquence COPIL")
        pg.keyboard.press("Enter")
        pg.get_by_text("Diapositive 1 /").first.wait_for(timeout=30_000)
        pg.keyboard.press("PageDown")
        pg.get_by_text("Diapositive 2 /").first.wait_for(timeout=30_000)
        assert pg.get_by_text("Programme d'actions 2022 (présenté le 18/11/2021)").first.is_visible()
        pg.keyboard.press("PageDown")
        pg.get_by_text("Diapositive 3 /").first.wait_for(timeout=30_000)
        pg.keyboard.press("PageUp")
        pg.get_by_text("Diapositive 2 /").first.wait_for(timeout=30_000)
        tab_to(pg, "!!e.closest('.st-key-diapo_quit')", "le bouton « Quitter »")
        pg.keyboard.press("Enter")
        pg.get_by_text("Présenter").first.wait_for(timeout=30_000)  # back to the chooser
    finally:
        ctx.close()


def test_an_import_with_the_keyboard_alone(fresh_db, browser, tmp_path):
    """Served over its own copy of the seed: the import must not change what the module's other tests read."""
    sheet = tmp_path / "reunions-2022.csv"
    sheet.write_text("Instance;Date de réunion\nComité de pilotage;15 mars 2022\n", encoding="utf-8")
    with served(fresh_db, tmp_path / "server.log") as url:
        _import_with_the_keyboard(browser, url, sheet)


BROWSE = "!!e.closest('[data-testid=\"stFileUploaderDropzone\"]') && e.tagName === 'BUTTON'"


def _open_file_chooser(pg, tries: int = 3):
    """Tab to « Parcourir » and press Enter; the chooser it opens.

    On a loaded machine the page may still rerun once after it looked idle, which draws a new button
    and leaves the focus on the page: the key then opens nothing. Each try starts from a quiet page
    and checks the focus is still on the button just before Enter; three Enter presses that open
    nothing fail the test.
    """
    for attempt in range(tries):
        wait_idle(pg)
        if not _focused(pg, BROWSE):
            tab_to(pg, BROWSE, "le bouton « Parcourir » de l'import")
        try:
            with pg.expect_file_chooser(timeout=10_000) as chooser:
                pg.keyboard.press("Enter")
            return chooser.value
        except Exception:  # noqa: BLE001 - a Playwright timeout; the last one is raised
            if attempt == tries - 1:
                raise
    raise AssertionError("unreachable")


def _import_with_the_keyboard(browser, url: str, sheet) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 720}, locale="fr-FR")
    pg = ctx.new_page()
    try:
        pg.goto(url + "/administration")
        pg.get_by_text("Fichier à importer").first.wait_for(timeout=30_000)
        wait_idle(pg)
        _open_file_chooser(pg).set_files(str(sheet))
        pg.get_by_text("Confirmer l'import").first.wait_for(timeout=60_000)
        wait_idle(pg)  # the preview drawn in full
        assert pg.get_by_text("Ajoutées").first.is_visible()
        tab_to(pg, "(e.innerText || '').includes(\"Confirmer l'import\")", "le bouton « Confirmer l'import »")
        pg.keyboard.press("Enter")
        pg.locator('[data-testid="stAlertContentSuccess"]').first.wait_for(timeout=60_000)
        said = pg.locator('[data-testid="stAlertContentSuccess"]').first.inner_text()
        assert "reunions-2022.csv" in said and "1" in said
    finally:
        ctx.close()
