"""Real headless Chromium (Debian's) against a real server: each page shows seed facts; filters survive a reload."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import CHROMIUM, ROOT, wait_idle

SHOTS = ROOT / "tests" / "artifacts"
# A page has drawn its content: a chart (an SVG image drawn on the server), a map or grid (canvas) or an HTML table.
DRAWN = "canvas, .clsm-chart img, .clsm-table table"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="Debian chromium not installed (make test installs it)"
)


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="fr-FR")
    pg = ctx.new_page()
    yield pg
    ctx.close()


def wait_ready(pg, text: str) -> None:
    """`text` is on the page and Streamlit has finished the run that drew it."""
    pg.get_by_text(text, exact=False).first.wait_for(timeout=60_000)  # 2 cores, other tests running
    wait_idle(pg)


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def metric(pg, label: str) -> str:
    """The value shown in the big figure labelled `label` (an HTML tile, views.tiles)."""
    box = pg.locator(".clsm-tile", has=pg.locator(".clsm-tile-label", has_text=label)).first
    return box.locator(".clsm-tile-value").inner_text().strip()


def test_overview_shows_seed_figures(server, page):
    url, _ = server
    page.goto(url + "/")
    wait_ready(page, "Actions (Programme 2022)")
    page.locator(DRAWN).first.wait_for(timeout=30_000)
    assert metric(page, "Actions (Programme 2022)") == "20"
    assert metric(page, "Participants (toutes années)") == "28"
    assert page.get_by_text("Histoire du CLSM").is_visible()
    shot(page, "1_vue_ensemble")


@pytest.mark.parametrize(("path", "ready", "expected"), [
    ("/avancement", "Statut des actions par axe", "0 / 15"),  # Programme 2022, en 2022 (issue 16)
    ("/fiches_actions?q=Coordination+du+Conseil+local", "Fiche n°15", "Bilan annuel"),
    ("/participation", "Réunions par année", "+ 26 réunions de groupes"),
    ("/partenaires", "Placées sur la carte", "66"),
    ("/ressources", "ressource(s)", "15 ressource(s)."),
])
def test_each_page_shows_facts(server, page, path, ready, expected):
    url, _ = server
    page.goto(url + path)
    wait_ready(page, ready)
    page.locator(DRAWN).first.wait_for(timeout=30_000)
    # a chart can show before a metric: widgets appear once their code has loaded
    page.get_by_text(expected, exact=False).first.wait_for(timeout=30_000)
    assert page.get_by_text(expected, exact=False).first.is_visible()
    assert not page.locator('[data-testid="stException"]').count()
    shot(page, path.strip("/").replace("?", "_").replace("=", ""))


def test_a_page_connects_at_the_first_try(server, page):
    """Opened at /avancement, the client asks the server's health once, at the root (serve.py's middleware):
    Streamlit alone first asks /avancement/_stcore/health, gets a 404 and tries again (55-95 ms lost)."""
    url, _ = server
    asked: list[tuple[str, int]] = []
    page.on("response", lambda r: asked.append((r.url, r.status)) if "_stcore/health" in r.url else None)
    page.goto(url + "/avancement")
    wait_ready(page, "Statut des actions par axe")
    assert asked == [(url + "/_stcore/health", 200)]
    assert page.evaluate("window.__streamlit.BACKEND_BASE_URL") == url + "/"


def quiet(pg, requests: list[str], still_ms: int = 500, timeout_ms: int = 15_000) -> None:
    """Wait until the page has asked for nothing new during `still_ms` (a tile would be asked once the style is read)."""
    waited, count = 0, -1
    while count != len(requests):
        assert waited < timeout_ms, f"the page kept asking for files: {requests[-5:]}"
        count = len(requests)
        pg.wait_for_timeout(still_ms)  # a quiet spell, measured by the requests themselves (the loop's condition)
        waited += still_ms


def test_map_draws_without_tiles(server, page):
    url, _ = server
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url + "/partenaires")  # the picture map first: an SVG image drawn on the server
    wait_ready(page, "Placées sur la carte")
    page.locator(".clsm-chart img").first.wait_for(timeout=30_000)
    # The map asks for its basemap style (the app serves a blank one, with no tile source) before it draws.
    with page.expect_request(lambda r: r.url.endswith("/app/static/clsm-fond-blanc.json"), timeout=30_000):
        page.get_by_role("tab", name="Carte interactive").click()
    page.locator('[data-testid="stDeckGlJsonChart"] canvas').first.wait_for(timeout=30_000)
    wait_idle(page)
    quiet(page, requests)
    # Nothing is asked of another host: no tile, and no basemap style.
    outside = [r for r in requests if not r.startswith((url, "data:", "blob:" + url))]  # blob: = workers of the page
    assert not outside, outside[:5]
    assert any(r.endswith("/app/static/clsm-fond-blanc.json") for r in requests)


def test_filters_survive_a_reload(server, page):
    url, _ = server
    page.goto(url + "/")
    wait_ready(page, "Actions (Programme 2022)")
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="Plan stratégique du CLSM (nov. 2020)").click()
    page.wait_for_function("window.location.search.includes('plan=')", timeout=15_000)
    wait_ready(page, "Actions (")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.clsm-tile-value')].some(e => e.innerText.trim() === '3')",
        timeout=30_000)
    shared = page.url
    page.goto(shared)
    wait_ready(page, "Actions (")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.clsm-tile-value')].some(e => e.innerText.trim() === '3')",
        timeout=30_000)
    assert metric(page, "Actions (Axes stratégiques 2020)") == "3"
    # The menu is Streamlit's own: its link opens the page, and the page puts the filters back in its address,
    # which is what a person copies and shares.
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Avancement par axe").click()
    page.wait_for_function("window.location.pathname.endsWith('/avancement') && window.location.search.includes('plan=')",
                           timeout=30_000)
    wait_ready(page, "Statut des actions par axe")
    page.goto(page.url)
    wait_ready(page, "Statut des actions par axe")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.clsm-tile-value')].some(e => e.innerText.trim() === '3')",
        timeout=30_000)


def test_filters_follow_a_click_in_the_menu(server, page):
    """A click on a menu link (same tab, same session) keeps the filters, in the page and in its address."""
    url, _ = server
    page.goto(url + "/?plan=Plan+strat%C3%A9gique+du+CLSM+%28nov.+2020%29")
    wait_ready(page, "Actions (")
    assert metric(page, "Actions (Axes stratégiques 2020)") == "3"
    for name, path, ready in [("Participation", "/participation", "Réunions par année"),
                              ("Avancement par axe", "/avancement", "Statut des actions par axe"),
                              ("Vue d'ensemble", "/?", "Actions (")]:
        page.locator('[data-testid="stSidebar"]').get_by_role("link", name=name).click()
        page.wait_for_function(f"window.location.href.includes({path!r}) && window.location.search.includes('plan=')",
                               timeout=30_000)
        wait_ready(page, ready)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.clsm-tile-value')].some(e => e.innerText.trim() === '3')",
        timeout=30_000)
    assert metric(page, "Actions (Axes stratégiques 2020)") == "3"


@pytest.mark.parametrize(("path", "ready", "expected"), [
    ("/", "Actions (Programme 2022)", "11 (55 %)"),
    ("/avancement", "Statut des actions par axe", "aucune action réalisée sur 15 prévues"),
    ("/fiches_actions?q=Coordination+du+Conseil+local", "Fiche n°15", "Bilan annuel"),
    ("/participation", "Réunions par année", "+ 26 réunions de groupes"),
    ("/partenaires", "Placées sur la carte", "66"),
    ("/ressources", "ressource(s)", "15 ressource(s)."),
    ("/diaporama?sequence=pleniere&diapo=2", "Programme d'actions 2022 (présenté le 18/11/2021)", "Diapositive 2 / 11"),
])
def test_small_screen_shows_facts(server, browser, path, ready, expected):
    """1280×720 (a common projector): the same facts, no error, tile labels not cut."""
    url, _ = server
    ctx = browser.new_context(viewport={"width": 1280, "height": 720}, locale="fr-FR")
    pg = ctx.new_page()
    pg.goto(url + path)
    wait_ready(pg, ready)
    if expected == "11 (55 %)":  # written on the chart: read it from the chart's accessible text
        pg.locator(DRAWN).first.wait_for(timeout=30_000)
        assert metric(pg, "Actions (Programme 2022)") == "20"
    else:
        pg.get_by_text(expected, exact=False).first.wait_for(timeout=30_000)  # visible, or the test fails
    assert not pg.locator('[data-testid="stException"]').count()
    cut = pg.evaluate("""() => [...document.querySelectorAll('.clsm-tile-label, .clsm-tile-value, [data-testid=stMetricLabel] p, [data-testid=stMetricValue] div')]
        .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)""")
    assert not cut, f"cut labels at 1280x720: {cut}"
    shot(pg, path.strip("/").replace("?", "_").replace("=", "").split("&")[0][:40] + "_1280x720")
    ctx.close()


def test_server_log_is_clean(server, page):
    url, log = server
    page.goto(url + "/")
    wait_ready(page, "Actions (")
    text = log.read_text()
    assert "Traceback" not in text and "WARNING" not in text.upper().replace("WARNINGS", ""), text[-2000:]
