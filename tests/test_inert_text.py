"""Text from the data is inert everywhere: markdown, HTML and LaTeX put into every text column come out as typed.

Every free-text column of every table gets a payload of live markup in front of its value; every page
(and every slide) is drawn; no element that Streamlit renders as markdown may carry the payload
unescaped (a link, an image, a colour, a formula, bold or HTML made by the data). The browser walk
checks the same in Chromium: no link or image from the data, and no request leaves the server.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_pages import open_page

from clsm_data.core.tables import TABLES
from clsm_data.store.db import connect

APP = str(Path(__file__).resolve().parent.parent / "app.py")
OUTSIDE = "http://127.0.0.1:9"  # nothing listens there: any request to it is a leak
PAYLOAD = (f"[lienX]({OUTSIDE}/l) ![imgX]({OUTSIDE}/p.png) :red[rougeX] $\\sqrt{{2}}$ "
           "**grasY** <b>grasX</b> <img src=x onerror=alert(1)> ")
LIVE = [f"]({OUTSIDE}", ":red[", "$\\sqrt{2}$", "**grasY**", "<b>grasX", "<img src=x"]
LIVE_HTML = ["<b>grasX", "<img src=x"]
# Fields that Streamlit renders as markdown, and element types whose option lists are plain text.
MARKDOWN_FIELDS = {"body", "label", "help", "caption", "options", "placeholder"}
PLAIN_OPTIONS = {"selectbox", "multiselect", "select_slider"}
PAGES = [None, "pages/2_avancement.py", "pages/3_fiches_actions.py", "pages/4_participation.py",
         "pages/5_partenaires.py", "pages/6_ressources.py", "pages/7_administration.py", "pages/9_sources.py",
         "pages/10_a_completer.py", "pages/11_rapports.py"]


def poison(db: Path) -> int:
    """Prefix every free-text value of every table with the payload; the number of columns poisoned."""
    con = connect(db, read_only=False)
    done = 0
    try:
        for name, table in TABLES.items():
            for col in table.cols:
                if col.type not in ("str", "text") or col.ref or col.choices or col.name in table.key:
                    continue
                try:
                    con.execute(f"UPDATE {name} SET {col.name} = ? || coalesce({col.name}, '')", [PAYLOAD])
                    done += 1
                except Exception:  # noqa: BLE001 - a CHECK or a unique index refuses: that column stays clean
                    pass
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return done


def _strings(message, field: str = "") -> list[tuple[str, str]]:
    """(field, text) of every string field of a protobuf message, recursively."""
    out = []
    for desc, value in message.ListFields():
        items = value if getattr(desc, "is_repeated", False) or isinstance(value, (list, tuple)) or (
            hasattr(value, "__len__") and not isinstance(value, (str, bytes)) and not hasattr(value, "ListFields")
        ) else [value]
        if desc.type == desc.TYPE_MESSAGE:
            for item in items:
                out += _strings(item, desc.name)
        elif desc.type == desc.TYPE_STRING:
            out += [(desc.name, str(v)) for v in items]
    return out


def live_markup(at: AppTest) -> list[str]:
    """Every markdown-rendered string of the page that carries the payload unescaped."""
    found = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", "")
        if proto is not None and kind not in ("arrow_data_frame", "text", "code", "json", "arrow_vega_lite_chart",
                                               "deck_gl_json_chart", "vega_lite_chart"):
            for field, text in _strings(proto):
                if field not in MARKDOWN_FIELDS or (field == "options" and kind in PLAIN_OPTIONS):
                    continue
                # st.html bodies (tables, charts) are HTML, not markdown: only raw HTML tags would be live there
                if any(marker in text for marker in (LIVE_HTML if kind == "html" else LIVE)):
                    found.append(f"{kind}.{field}: {text[:120]}")
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


@pytest.fixture
def poisoned_db(app_db):
    assert poison(app_db) >= 40  # names, titles, notes, places, agendas, quotes…
    return app_db


def test_payload_reaches_the_pages(poisoned_db):
    """The walk can fail: the payload does show on the pages (escaped), so a raw path would be seen."""
    at = open_page("pages/3_fiches_actions.py", {"q": "Sensibilisation"})
    bodies = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.text] + [
        h.value for h in at.get("html")]
    assert any("lienX" in b for b in bodies)


# The URL key of each page's tabs (views.lazy_tabs): only the open tab is drawn, so the walk opens each one.
TAB_KEYS = {None: "volet", "pages/2_avancement.py": "vue", "pages/4_participation.py": "vue",
            "pages/5_partenaires.py": "vue", "pages/6_ressources.py": "vue", "pages/7_administration.py": "onglet",
            "pages/9_sources.py": "vue", "pages/10_a_completer.py": "suivi", "pages/11_rapports.py": "vue"}


# Pages whose tabs sit in a closed section: a link to one of the tabs opens it.
OPENED_BY = {"pages/10_a_completer.py": {"suivi": "Statut daté"}}


@pytest.mark.parametrize("page", PAGES)
def test_no_live_markup_from_data(poisoned_db, page):
    at = open_page(page)
    assert live_markup(at) == []
    if page in OPENED_BY:
        at = open_page(page, OPENED_BY[page])
        assert live_markup(at) == []
    labels = [t.label for t in at.tabs]
    assert bool(labels) == (page in TAB_KEYS), labels
    for label in labels[1:]:  # every other tab, as a link to it opens it
        tab = open_page(page, {TAB_KEYS[page]: label})
        assert [t.label for t in tab.tabs] == labels
        assert live_markup(tab) == [], label


def test_no_live_markup_on_an_action_sheet(poisoned_db):
    at = open_page("pages/3_fiches_actions.py", {"q": "lienX"})
    assert live_markup(at) == []


@pytest.mark.parametrize(("sequence", "slide"), [(s, n) for s in ("copil", "pleniere") for n in range(1, 14)])
def test_no_live_markup_on_the_slides(poisoned_db, sequence, slide):
    at = open_page("pages/8_diaporama.py", {"sequence": sequence, "diapo": str(slide)})
    assert live_markup(at) == []


def test_no_live_markup_on_the_sequence_list(poisoned_db):
    at = open_page("pages/8_diaporama.py")
    assert live_markup(at) == []


def test_the_walk_sees_live_markup():
    """The detector itself: an element carrying the raw payload is reported."""

    class Node:
        def __init__(self, proto, kind="markdown", children=None):
            self.proto, self.type, self.children = proto, kind, children or {}

    from streamlit.proto.Markdown_pb2 import Markdown

    class At:
        _tree = Node(None, "root", {0: Node(Markdown(body="Fiche " + PAYLOAD))})

    assert live_markup(At()) and live_markup(At())[0].startswith("markdown.body")

    from streamlit.proto.Html_pb2 import Html

    from components.views import table_html

    class Raw:
        _tree = Node(None, "root", {0: Node(Html(body="<td>" + PAYLOAD + "</td>"), "html")})

    class Escaped:
        _tree = Node(None, "root", {0: Node(Html(body=table_html(__import__("pandas").DataFrame({"x": [PAYLOAD]}))), "html")})

    assert live_markup(Raw()) and live_markup(Escaped()) == []


BROWSER_PAGES = [("/", "Vue d'ensemble"), ("/avancement", "Avancement par axe"),
                 ("/fiches_actions?q=lienX", "Fiches actions"), ("/participation", "Participation"),
                 ("/partenaires", "Partenaires"), ("/ressources", "Ressources"), ("/administration", "Administration"),
                 ("/diaporama?sequence=pleniere&diapo=3", "données au"), ("/sources", "Sources"), ("/a_completer", "compléter"), ("/rapports", "Rapports")]


@pytest.mark.timeout(300)
def test_browser_walk_no_link_image_or_request_from_data(fresh_db, tmp_path):
    """Chromium over the poisoned database: no link or image made from data, nothing fetched outside."""
    from conftest import launch_chromium, served, wait_idle

    playwright = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("chromium absent (make test l'installe)")
    assert poison(fresh_db) >= 40
    with served(fresh_db, tmp_path / "server.log") as url, playwright.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            requests: list[str] = []
            shown = 0
            page.on("request", lambda r: requests.append(r.url))
            for path, ready in BROWSER_PAGES:
                page.goto(url + path)
                page.get_by_text(ready, exact=False).first.wait_for(timeout=60_000)
                wait_idle(page)  # the run has ended and drawn everything: an absence below means absent
                shown += page.content().count("lienX")
                assert page.locator('a[href*="127.0.0.1:9"]').count() == 0, path
                assert page.locator('img[src*="127.0.0.1:9"], img[src="x"]').count() == 0, path
                bold = page.locator("b:text-is('grasX'), strong:text-is('grasY')")  # made by the data itself
                assert bold.count() == 0, (path, [bold.nth(i).evaluate("e => e.parentElement.parentElement.outerHTML")[:600]
                                                  for i in range(bold.count())])
                assert page.locator(".katex").count() == 0, path
        finally:
            browser.close()
    assert shown > 0  # the payload was on screen (as text), so a live rendering would have been seen
    outside = [r for r in requests if not r.startswith((url, "data:", "blob:" + url))]
    assert outside == []
