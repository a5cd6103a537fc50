"""Accessibility (WCAG 2.1 A and AA, the base of the RGAA): axe-core on every page and tab, as the coordinator.

axe-core comes bundled with axe-playwright-python (requirements-dev.txt) and runs in Debian's Chromium.
A violation fails the test with its rule, the element and axe's advice. Known exceptions are listed in
KNOWN, one rule and one precise selector each, with the reason and the file that should fix them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import CHROMIUM, wait_idle

from clsm_data.core.roles import COORDINATOR, Caller
from components import nav

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="Debian chromium not installed (make test installs it)"
)

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"]}

# rule id -> selector of the elements whose finding is known and accepted for now (why, and where to fix it).
KNOWN: dict[str, str] = {}  # the uploader's « Parcourir » button is named in its text now (components/admin.py)


def page_url(path: str) -> str:
    """The address Streamlit gives a page file: the overview at the root, pages/2_avancement.py at /avancement."""
    if path == nav.OVERVIEW:
        return "/"
    return "/" + re.sub(r"^\d+_", "", Path(path).stem)


# the network page is in the menu of an account of several councils only: here it says it reads one council, and
# tests/test_network_view.py runs axe on it as such an account reads it
PAGES = [page_url(path) for path, _ in nav.pages_for(Caller("local", COORDINATOR)) + [nav.NETWORK_PAGE]]


# The tab named `name` is selected and its panel holds what the server drew in it: a tab's panel is empty until
# the run its click started has sent the tab's content (views.lazy_tabs draws only the open tab).
_TAB_DRAWN = """name => {
  const tab = [...document.querySelectorAll('[role=tab]')]
    .find(t => t.innerText.trim() === name && t.getAttribute('aria-selected') === 'true');
  const panel = tab && document.getElementById(tab.getAttribute('aria-controls'));
  return !!panel && !!panel.querySelector('[data-testid=stElementContainer]');
}"""


def _open_tab(pg, name: str) -> None:
    """Click a tab, then wait for its content and for the end of the run that drew it."""
    pg.get_by_role("tab", name=name, exact=True).click()
    pg.wait_for_function(_TAB_DRAWN, arg=name, timeout=60_000)
    wait_idle(pg)


def violations(pg) -> list[str]:
    """axe's findings on the page as it is drawn now, one line each (rule, element, advice), less KNOWN."""
    from axe_playwright_python.sync_playwright import Axe

    found = []
    for rule in Axe().run(pg, options=WCAG).response["violations"]:
        for node in rule["nodes"]:
            target = node["target"][-1] if isinstance(node["target"][-1], str) else " ".join(node["target"][-1])
            known = KNOWN.get(rule["id"])
            if known and len(node["target"]) == 1 and pg.evaluate(
                    "([t, k]) => { const e = document.querySelector(t); return !!e && e.matches(k); }", [target, known]):
                continue
            advice = " ".join((node.get("failureSummary") or "").split())
            found.append(f"{rule['id']} ({rule.get('impact')}): {target} :: {node['html'][:200]} :: {advice[:300]}")
    return found


def _open(browser, url: str):
    ctx = browser.new_context(viewport={"width": 1280, "height": 720}, locale="fr-FR")
    pg = ctx.new_page()
    pg.goto(url)
    pg.locator("h1").first.wait_for(timeout=60_000)
    wait_idle(pg)
    return ctx, pg


@pytest.mark.timeout(300)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_and_tab_passes_axe(server, browser, path):
    """Each page the coordinator can open, then each of its tabs (only the open tab is drawn)."""
    url, log = server
    ctx, pg = _open(browser, url + path)
    try:
        problems = [f"{path}: {v}" for v in violations(pg)]
        tabs = pg.get_by_role("tab")
        for name in [tabs.nth(i).inner_text().strip() for i in range(tabs.count())][1:]:
            _open_tab(pg, name)
            problems += [f"{path} › {name}: {v}" for v in violations(pg)]
    finally:
        ctx.close()
    assert not problems, "\n".join(problems)
    assert "Traceback" not in log.read_text()


@pytest.mark.timeout(300)
@pytest.mark.parametrize("slide", ["pleniere&diapo=4", "copil&diapo=2", "copil&diapo=1"])
def test_presentation_mode_passes_axe(server, browser, slide):
    """The slideshow as projected (a chart, big figures, the title slide): its buttons and pictures too."""
    url, _ = server
    ctx, pg = _open(browser, url + f"/diaporama?sequence={slide}")
    try:
        pg.locator(".st-key-diapo-footer").wait_for(timeout=60_000)
        wait_idle(pg)
        problems = violations(pg)
    finally:
        ctx.close()
    assert not problems, "\n".join(problems)


def test_page_list_covers_the_pages_folder():
    """A page added to pages/ without a menu entry would escape the checks above."""
    root = Path(__file__).resolve().parent.parent
    files = {page_url(f"pages/{p.name}") for p in (root / "pages").glob("*.py")} | {"/"}
    assert files == set(PAGES)


def test_table_box_is_a_named_region_the_keyboard_reaches():
    """views.table's scroll box: focusable, a region, named by the page's label or by its columns (escaped)."""
    import pandas as pd

    from components import views

    body = views.table_html(pd.DataFrame({"Date <b>": [1], "Lieu": ["Metz"]}))
    assert '<div class="clsm-table" tabindex="0" role="region" aria-label="Tableau : Date &lt;b&gt;, Lieu"' in body
    assert 'aria-label="Réunions du COPIL"' in views.table_html(pd.DataFrame({"x": [1]}), label="Réunions du COPIL")
