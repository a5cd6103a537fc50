"""The page's tables (one escaped HTML table) and charts (an SVG picture drawn on the server)."""

from __future__ import annotations

import re
from urllib.parse import unquote

import altair as alt
import pandas as pd
from test_pages import html_tables

from components import views


def test_table_cells_are_text_and_numbers_keep_their_form():
    df = pd.DataFrame({
        "Intitulé": ["<b>gras</b> & <img src=x onerror=alert(1)>", None],
        "Année": [2021.0, float("nan")],
        "Participants": [1500, 3],
        "Lien": ["https://www.metz.fr/sante", "javascript:alert(1)"],
    })
    body = views.table_html(df, links={"Lien": "ouvrir"})
    assert "<b>" not in body and "<img" not in body  # escaped, shown as typed
    assert "&lt;b&gt;gras&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;" in body
    assert body.count("<a ") == 1 and 'href="https://www.metz.fr/sante"' in body and "javascript:" in body
    assert 'rel="noopener noreferrer nofollow"' in body
    shown = html_tables(body)[0]
    assert shown["Intitulé"].tolist() == ["<b>gras</b> & <img src=x onerror=alert(1)>", "non renseigné"]
    assert shown["Année"].tolist() == [2021, None]  # a year stays 2021, never « 2 021 » nor « 2021.0 »
    assert shown["Participants"].tolist() == [1500, 3]
    assert shown["Lien"].tolist() == ["ouvrir", "javascript:alert(1)"]


def test_long_tables_send_at_most_grid_rows_and_scroll():
    df = pd.DataFrame({"n": range(500), "texte": ["ligne"] * 500})
    body = views.table_html(df)
    assert len(html_tables(body)[0]) == views.GRID_ROWS
    assert "max-height" in body
    assert "max-height" not in views.table_html(df.head(views.SCROLL_ROWS))


def _bars(df: pd.DataFrame) -> alt.Chart:
    _bars.calls += 1
    return alt.Chart(df).mark_bar().encode(x="n:Q", y="statut:N")


_bars.calls = 0


def test_chart_is_drawn_once_per_data_and_its_text_is_never_markup():
    df = pd.DataFrame({"statut": ["idée", "<a href='http://x'>lien</a>"], "n": [3, 1]})
    before = _bars.calls
    first = views.chart_svg(_bars, df)
    again = views.chart_svg(_bars, df.copy())
    assert first == again and _bars.calls == before + 1  # same data: the picture comes from the cache
    views.chart_svg(_bars, df.assign(n=[4, 1]))
    assert _bars.calls == before + 2  # other data: drawn again
    assert first.startswith("<svg") and "<a " not in first and "&lt;a href=" in first
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", first)
    assert "idée" in texts


def test_chart_goes_to_the_page_as_an_image(monkeypatch):
    sent = []

    class Where:
        def html(self, body):
            sent.append(body)

    df = pd.DataFrame({"statut": ["idée"], "n": [3]})
    views.chart(_bars, df, alt_text="Actions par statut", where=Where())
    (body,) = sent
    assert body.startswith('<div class="clsm-chart"><img alt="Actions par statut"')
    src = re.search(r"src='data:image/svg\+xml,([^']*)'", body).group(1)
    assert "<" not in src and ":" not in src  # percent-encoded: no tag and no address can be read in it
    assert unquote(src) == views.page_svg(views.chart_svg(_bars, df))
    assert "aria-label" not in unquote(src)  # an <img> is read by its alt text: the marks' descriptions stay home


def test_served_page_names_the_server_root():
    """serve.py's middleware: the page's first script gives the client the server's root (or its base path)."""
    from components import serving

    assert serving.script("") == (b'<script>window.__streamlit = Object.assign({}, window.__streamlit, '
                                  b'{BACKEND_BASE_URL: location.origin + "/"});</script>')
    assert b'location.origin + "/clsm/"' in serving.script("/clsm/")


def test_tiles_are_one_escaped_block():
    """Big figures: label and value escaped, the help in a title (never markup), one element for the row."""
    from components.views import tiles_html

    out = tiles_html([("Actions <b>suivies</b>", "146", 'Aide "citée" <img src=x>'), ("Réunions", "8", None)])
    assert out.count('class="clsm-tile"') == 2 and "<b>" not in out and "<img" not in out
    assert "Actions &lt;b&gt;suivies&lt;/b&gt;" in out and 'title="Aide &quot;citée&quot; &lt;img src=x&gt;"' in out
    assert out.count("clsm-help") == 1  # no « ? » where there is no help
