"""The presentation mode in real Chromium: keys of a clicker, full-bleed slides, screenshots of every default slide."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import CHROMIUM, ROOT, wait_frames, wait_idle

SHOTS = ROOT / "tests" / "artifacts"
COUNCIL = "Conseil local de santé mentale du territoire messin"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="Debian chromium not installed (make test installs it)"
)


def _page(browser, width: int, height: int):
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
    return ctx, ctx.new_page()


def footer(pg) -> str:
    return pg.locator(".st-key-diapo-footer").inner_text()


def wait_slide(pg, n: int, count: int | None = None) -> None:
    pg.wait_for_function(
        "n => { const f = document.querySelector('.st-key-diapo-footer'); "
        "return f && f.innerText.includes('Diapositive ' + n + ' /'); }", arg=n, timeout=60_000)
    wait_idle(pg)  # the run that drew slide n has finished: nothing of the previous slide is left
    # Images (charts) finished loading before a screenshot.
    pg.wait_for_function("[...document.querySelectorAll('.st-key-diapo-slide img')].every(i => i.complete)",
                         timeout=30_000)


def title(pg) -> str:
    return pg.locator(".st-key-diapo-slide h1").first.inner_text().strip()


# Every element toolbar Streamlit may draw over an element (full screen, download), and the clicker's buttons.
TOOLBARS = ('[data-testid="stElementToolbar"], [data-testid="stElementToolbarButton"], '
            '[data-testid^="stBaseButton-elementToolbar"], .st-key-diapo-keys button')
ENGLISH_KEYS = ("PageDown", "PageUp", "Space", "Home", "End", "Shortcut")

# Boxes of the visible toolbars, the title, the footer's text sizes and colours, the bottom of the slide's content.
_LAYOUT = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const shown = e => { const s = getComputedStyle(e), r = e.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0; };
  const h1 = document.querySelector('.st-key-diapo-slide h1');
  const slide = document.querySelector('.st-key-diapo-slide');
  const foot = document.querySelector('.st-key-diapo-footer');
  const bottoms = [...slide.querySelectorAll('h1, h2, p, img, [data-testid=stMetricValue]')].filter(shown)
    .map(e => e.getBoundingClientRect().bottom);
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  let bg = foot; while (bg && getComputedStyle(bg).backgroundColor === 'rgba(0, 0, 0, 0)') bg = bg.parentElement;
  return {
    title: h1 ? box(h1) : null,
    toolbars: [...document.querySelectorAll('%s')].filter(shown).map(e => [e.dataset.testid || e.innerText, box(e)]),
    kbd: [...document.querySelectorAll('kbd')].filter(shown).map(e => e.innerText),
    keys: document.querySelector('.st-key-diapo-keys').innerText,
    footer: [...foot.querySelectorAll('p')].map(p => [parseFloat(getComputedStyle(p).fontSize), rgb(getComputedStyle(p).color)]),
    footerBg: rgb(getComputedStyle(bg).backgroundColor),
    footerTop: foot.getBoundingClientRect().top,
    contentBottom: Math.max(0, ...bottoms),
  };
}""" % TOOLBARS


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg, bg) -> float:
    """WCAG contrast ratio of two sRGB colours."""
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def check_slide(pg, height: int, where: str) -> None:
    """As clean as a printed slide: nothing of the app over the title, French key hints, a legible footer."""
    pg.mouse.move(pg.viewport_size["width"] / 2, height / 2)  # over the chart: where Streamlit shows its toolbar
    wait_frames(pg)  # the hover has been drawn (a toolbar, if any, is on screen)
    got = pg.evaluate(_LAYOUT)
    if got["title"]:
        over = [name for name, box in got["toolbars"] if _overlap(box, got["title"])]
        assert not over, f"{where}: over the title {got['title']}: {over}"
    # Key hints in French words; Streamlit's own key badge (« PageDown ») is not shown.
    assert not got["kbd"], f"{where}: key badges shown: {got['kbd']}"
    for words in ("Page précédente", "Page suivante", "Écran noir"):
        assert words in got["keys"], (where, got["keys"])
    assert not any(word in got["keys"] for word in ENGLISH_KEYS), (where, got["keys"])
    # The footer (sources) read from the back of a hall: ≥ 2.5 % of the screen height, contrast AA.
    assert got["footer"], where
    for size, color in got["footer"]:
        assert size >= 0.025 * height, f"{where}: footer text {size}px"
        assert contrast(color, got["footerBg"]) >= 4.5, f"{where}: footer {color} on {got['footerBg']}"
    # Nothing of the slide hidden under the footer.
    assert got["contentBottom"] <= got["footerTop"] + 1, f"{where}: content down to {got['contentBottom']}"


def test_clicker_keys_move_the_plenary_slides(server, browser):
    url, log = server
    ctx, pg = _page(browser, 1920, 1080)
    pg.goto(url + "/diaporama?sequence=pleniere")
    wait_slide(pg, 1)
    assert title(pg) == COUNCIL
    assert "données au " in footer(pg)
    # Nothing of the app around the slide.
    for testid in ("stHeader", "stSidebar", "stToolbar", "stSidebarCollapsedControl"):
        assert not pg.locator(f'[data-testid="{testid}"]').first.is_visible() if pg.locator(
            f'[data-testid="{testid}"]').count() else True, testid
    pg.mouse.click(960, 500)
    for n in (2, 3, 4):
        pg.keyboard.press("PageDown")
        wait_slide(pg, n)
    pg.keyboard.press("PageUp")
    wait_slide(pg, 3)
    count = int(footer(pg).split("/")[1].split("·")[0])
    assert footer(pg).startswith(f"Diapositive 3 / {count}")
    assert title(pg) == "En 2021, 26 réunions des groupes thématiques et 90 acteurs mobilisés (fiche n°15)"
    assert "sequence=pleniere" in pg.url and "diapo=3" in pg.url
    # Figures at least 8 % of the screen height (the box of the number, drawn).
    sizes = pg.evaluate("[...document.querySelectorAll('[data-testid=stMetricValue]')].map("
                        "e => e.getBoundingClientRect().height)")
    assert sizes and min(sizes) >= 0.08 * 1080, sizes
    pg.keyboard.press("ArrowRight")
    wait_slide(pg, 4)
    assert title(pg) == "La SISM 2018 a réuni 800 participants, quatre fois plus qu'en 2017"
    # Chart text: the chart is drawn with 34 px text; once fitted to the screen it stays >= 24 px.
    ratio = pg.evaluate("(() => { const i = document.querySelector('.st-key-diapo-slide img'); "
                        "return i.getBoundingClientRect().width / i.naturalWidth; })()")
    assert 34 * ratio >= 24, ratio
    pg.keyboard.press("End")
    wait_slide(pg, count)
    assert title(pg) == "Merci de votre attention"
    pg.keyboard.press("Home")
    wait_slide(pg, 1)
    pg.keyboard.press("Space")
    wait_slide(pg, 2)
    pg.keyboard.press("ArrowLeft")
    wait_slide(pg, 1)
    pg.keyboard.press("b")
    pg.locator(".st-key-diapo-blank").wait_for(timeout=30_000)
    assert not pg.locator(".st-key-diapo-slide").count()
    # Black means black: the clicker's buttons are under the black screen too.
    assert pg.evaluate("(() => { const k = document.querySelector('.st-key-diapo-keys button').getBoundingClientRect();"
                       " const e = document.elementFromPoint(k.left + k.width / 2, k.top + k.height / 2);"
                       " return !!e && !!e.closest('.st-key-diapo-blank'); })()")
    pg.keyboard.press("b")
    wait_slide(pg, 1)
    ctx.close()
    assert "Traceback" not in log.read_text()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
@pytest.mark.parametrize("sequence", ["pleniere", "copil"])
def test_screenshots_of_every_default_slide(server, browser, size, sequence):
    url, _ = server
    width, height = size
    ctx, pg = _page(browser, width, height)
    pg.goto(url + f"/diaporama?sequence={sequence}")
    wait_slide(pg, 1)
    count = int(footer(pg).split("/")[1].split("·")[0])
    SHOTS.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        if n > 1:
            pg.keyboard.press("PageDown")
            wait_slide(pg, n)
        assert not pg.locator('[data-testid="stException"]').count()
        # The slide fits the screen: nothing below the footer, no scrolling needed.
        assert pg.evaluate("document.querySelector('.st-key-diapo-slide').scrollHeight") <= height
        check_slide(pg, height, f"{sequence} {n}/{count} at {width}x{height}")
        pg.screenshot(path=str(SHOTS / f"diapo_{sequence}_{n:02d}_{width}x{height}.png"))
    ctx.close()
