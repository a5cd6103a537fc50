"""Shared page frame (set-up, sign-in, menu, filters) and small render helpers."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
import threading
import urllib.parse
from collections import OrderedDict
from collections.abc import Callable

import numpy as np
import pandas as pd
import streamlit as st

from clsm_data.core.roles import Caller
from clsm_data.present import render as chart_render
from clsm_data.read.filters import Filters

from . import auth, data, fmt, provenance, security
from . import filters as sidebar_filters


def current(sidebar: str = "auto") -> tuple[Filters, Caller]:
    """Set up the page for this run: who is signed in, the sidebar filters.

    Every page calls it first; it stops the run (sign-in screen) when nobody is signed in.
    `sidebar="collapsed"` opens the page with the sidebar folded (the slideshow).
    """
    st.set_page_config(page_title="CLSM – Tableau de suivi", page_icon="🧠", layout="wide",
                       initial_sidebar_state=sidebar)
    security.guard_run(auth.sign_in_required())  # host names checked before anything is read
    data.begin_run()  # the data version this run reads (one consistent state per page)
    provenance.new_run()
    user = auth.current_user()
    security.allow_uploads(user.can_write)
    st.session_state["user"] = user
    f = sidebar_filters.sidebar()  # below the menu, which app.py declared (components/nav.py)
    style()
    return f, user


def header(title: str, subtitle: str = "") -> None:
    st.title(title)
    if subtitle:
        st.caption(subtitle)


def tiles_html(items: list[tuple[str, str, str | None]], per_row: int = 3) -> str:
    """Big figures as one HTML block: (label, value, help) each, escaped; the help shows on hovering « ? »."""
    cells = []
    for label, value, help_ in items:
        tip = (f' <span class="clsm-help" tabindex="0" title="{html.escape(help_)}" aria-label="{html.escape(help_)}">?</span>'
               if help_ else "")
        cells.append(f'<div class="clsm-tile"><div class="clsm-tile-label">{html.escape(str(label))}{tip}</div>'
                     f'<div class="clsm-tile-value">{html.escape(str(value))}</div></div>')
    return (f'<div class="clsm-tiles" style="grid-template-columns:repeat({per_row},minmax(0,1fr))">'
            + "".join(cells) + "</div>")


def tiles(items: list[tuple], per_row: int = 3, f: Filters | None = None) -> None:
    """Big figures, (label, value, help) or (label, value, help, figure) each, three to a row so that
    labels and values are never cut at 1280×720 with the sidebar open.

    Drawn as one HTML element: as many st.metric (with their columns) cost a page about 10 ms each to
    draw (measured in Chromium). With `f` and figure keys, one « D'où viennent ces chiffres ? » below
    them gives the sources of each figure, under its label.
    """
    st.html(tiles_html([(i[0], i[1], i[2]) for i in items], per_row))
    figures = [(i[0], i[3]) for i in items if len(i) > 3 and i[3]]
    if f is not None and figures:
        provenance.sources_popover(figures, f)


def lazy_tabs(key: str, sections: list[tuple[str, Callable[[], None]]]) -> None:
    """Tabs of which only the open one is computed and drawn: (label, render) each.

    The open tab is kept in the URL under `key` (a shared link opens the same one). Drawing every tab on
    each run made the heaviest pages the slowest to open; a click on a tab reruns the page.
    """
    tabs = st.tabs([label for label, _ in sections], key=key, bind="query-params")
    for tab, (_, render) in zip(tabs, sections, strict=True):
        if tab.open:
            with tab:
                render()


def masked_view(user: Caller) -> bool:
    """Small counts of users and carers are hidden for partners and in projection mode."""
    return (not user.can_write) or bool(st.session_state.get("projection"))


def date_fr(value, precision="jour") -> str:
    return fmt.date(value, precision)


GRID_ROWS = 120  # at most this many rows sent to the browser (under 100 kB at factor 1); the exports carry them all
SCROLL_ROWS = 25  # beyond this, the table scrolls inside a box (its header stays in view)
CHART_WIDTH = 820  # px of a page chart as drawn on the server: the main column at 1280×720, sidebar open
CHART_ZOOM = 1.6  # the browser scales a chart to its column, up to this (1920 wide: text 18 px → about 28 px)

CSS = """<style>
.clsm-table{overflow:auto;margin:0 0 1rem 0;border:1px solid #d5dde6;border-radius:.4rem}
.clsm-table:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px}
.clsm-table table{border-collapse:collapse;width:100%;font-size:1rem;line-height:1.35}
.clsm-table th{position:sticky;top:0;background:#eef3f8;color:#111;text-align:left;font-weight:600;
  padding:.45rem .6rem;border-bottom:2px solid #b8c6d4;vertical-align:bottom}
.clsm-table td{overflow-wrap:break-word;padding:.4rem .6rem;border-bottom:1px solid #e3e8ee;vertical-align:top;color:#111}
.clsm-table tr:nth-child(even) td{background:#f8fafc}
.clsm-table .n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.clsm-chart img{display:block;width:100%;height:auto;margin:0 0 .5rem 0}
.clsm-tiles{display:grid;gap:1rem;margin:0 0 .4rem 0}
.clsm-tile{display:flex;flex-direction:column;justify-content:space-between;border:1px solid #d5dde6;border-radius:.5rem;
  padding:.75rem 1rem;background:#fff;min-width:0}
.clsm-tile-label{font-size:1rem;line-height:1.3;color:#31333f}
.clsm-tile-value{font-size:2.25rem;line-height:1.3;color:#111;overflow-wrap:anywhere;font-variant-numeric:tabular-nums}
.clsm-help{display:inline-block;width:1.2em;height:1.2em;margin-left:.25em;border:1px solid #6b7280;border-radius:50%;
  font-size:.75em;line-height:1.15em;text-align:center;color:#4b5563;cursor:help;vertical-align:.1em}
.clsm-section{border:1px solid #d5dde6;border-radius:.5rem;margin:0 0 1rem 0;background:#fff;color:#111}
.clsm-section>summary{cursor:pointer;padding:.7rem 1rem;font-size:1rem;line-height:1.4;color:#31333f}
.clsm-section>summary:hover{color:#0b4f8a}
.clsm-section>summary:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px;border-radius:.5rem}
.clsm-section>div{padding:0 1rem .4rem 1rem}
.clsm-section p,.clsm-fact p,.clsm-section li{margin:0 0 .7rem 0;line-height:1.5;font-size:1rem}
.clsm-two{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem}
.clsm-facts{display:grid;gap:1rem;margin:.6rem 0 1rem 0}
.clsm-fact{border:1px solid #d5dde6;border-radius:.5rem;padding:.75rem 1rem .1rem 1rem;background:#fff;min-width:0;
  overflow-wrap:anywhere;color:#111}
.clsm-pre{white-space:pre-wrap;margin:0 0 .6rem 0;line-height:1.5;font-size:1rem;color:#111}
.clsm-small{font-size:.875rem;color:#4b5563}
@media (max-width:640px){.clsm-tiles,.clsm-facts,.clsm-two{grid-template-columns:minmax(0,1fr) !important}}
[data-testid="InputInstructions"]{display:none} /* Streamlit's « Press Enter to apply », English whatever the locale */
</style>"""


def style() -> None:
    """The page's shared styles (tables and charts drawn as HTML): once per run, takes no room."""
    st.html(CSS)


def _cell(value, numeric: bool) -> str:
    if numeric:
        if fmt.is_missing(value):
            return ""
        if isinstance(value, bool):
            return "oui" if value else "non"
        if isinstance(value, int | np.integer) or float(value).is_integer():
            return str(int(value))  # as written (a year stays 2021); counts are formatted by the pages
        return fmt.number(value, 2).replace("\u202f", "\u00a0")
    if isinstance(value, dt.date | pd.Timestamp) and not fmt.is_missing(value):
        return fmt.date(value)
    return html.escape(fmt.text(value)).replace("\n", "<br>")


_URL = re.compile(r"https?://[^\s\"'<>]+")


def _link(value, text: str) -> str:
    """A web address from the data as a link that says `text`; anything else stays plain text."""
    if isinstance(value, str) and _URL.fullmatch(value.strip()):
        return f'<a href="{html.escape(value.strip())}" target="_blank" rel="noopener noreferrer nofollow">{html.escape(text)}</a>'
    return _cell(value, False)


def table_label(df: pd.DataFrame) -> str:
    """The name a screen reader gives a table's box when the page gave none: its first columns."""
    cols = [str(c) for c in df.columns]
    return "Tableau : " + ", ".join(cols[:4]) + ("…" if len(cols) > 4 else "")


def table_html(df: pd.DataFrame, rows: int = GRID_ROWS, links: dict[str, str] | None = None,
               label: str | None = None) -> str:
    """An HTML table of the first `rows` rows: every cell escaped (text from the data stays text).

    links: {column: link text} for columns of web addresses (http or https only), shown as links.
    label: what the table is, read by screen readers (default: « Tableau : » and its first columns).
    The box scrolls (rows beyond SCROLL_ROWS, or columns wider than the page): it is a named region
    that the keyboard can reach (tabindex 0), so its scroll can be used without a mouse (WCAG 2.1.1).
    """
    links = links or {}
    numeric = [pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c]) for c in df.columns]
    head = "".join(f'<th{" class=n" if n else ""}>{html.escape(str(c))}</th>' for c, n in zip(df.columns, numeric, strict=True))
    shown = [(links.get(c), n) for c, n in zip(df.columns, numeric, strict=True)]
    body = "".join(
        "<tr>" + "".join(f'<td{" class=n" if n else ""}>{_link(v, link) if link else _cell(v, n)}</td>'
                         for v, (link, n) in zip(row, shown, strict=True)) + "</tr>"
        for row in df.head(rows).itertuples(index=False, name=None))
    box = f' style="max-height:{34 * SCROLL_ROWS}px"' if min(len(df), rows) > SCROLL_ROWS else ""
    name = html.escape(label or table_label(df))
    return (f'<div class="clsm-table" tabindex="0" role="region" aria-label="{name}"{box}><table>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def table(df, where=None, links: dict[str, str] | None = None, label: str | None = None, rows: int = GRID_ROWS,
          rest: str = "précisez les filtres, ou téléchargez le tableau complet (CSV ou Excel)", **_ignored) -> None:
    """A table of the page, drawn as one plain HTML table (scrolling in a box beyond SCROLL_ROWS rows).

    Measured in headless Chromium (benchmarks/pages.py method): a 30-row st.dataframe adds about
    470 ms to a page, the same rows as st.table about 160 ms (each cell is a markdown component),
    as one HTML element nothing measurable. At most `rows` rows are sent (GRID_ROWS); the exports carry all,
    and `rest` says where to find the others.
    """
    where = where or st
    where.html(table_html(df, rows=rows, links=links, label=label))
    if len(df) > rows:
        where.caption(f"Les {fmt.number(rows)} premières lignes sur {fmt.number(len(df))} sont affichées : {rest}.")


_SVG_CACHE: OrderedDict[str, str] = OrderedDict()
_SVG_LOCK = threading.Lock()
_NUMBER = re.compile(r"(\d+\.\d)\d+")
_ROLES = re.compile(r'\s(?:role|aria-roledescription)="[^"]*"')
_GEOMETRY = re.compile(r'(\s(?:d|transform|x|y|x1|x2|y1|y2|cx|cy|r|width|height|points)=")([^"]*)"')
_HIDDEN_TEXT = re.compile(r'<text[^>]*\sopacity="0"[^>]*>[^<]*</text>')  # axis labels Vega hid (overlapping)
_DEFAULTS = re.compile(r'\s(?:opacity="1"|pointer-events="none"|aria-hidden="true")')
_FONT = re.compile(r'\sfont-family="([^"]*)"')
_ARIA = re.compile(r'\saria-label="[^"]*"')


def _fingerprint(value) -> str:
    """A short stable digest of a builder's argument (a frame by its content, anything else by repr)."""
    if isinstance(value, pd.DataFrame):
        body = pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes()
        head = repr((list(value.columns), [str(t) for t in value.dtypes])).encode()
        return hashlib.sha256(head + body).hexdigest()
    if isinstance(value, dict):
        return "{" + ",".join(f"{k!r}:{_fingerprint(v)}" for k, v in sorted(value.items(), key=lambda kv: repr(kv[0]))) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(_fingerprint(v) for v in value) + "]"
    return repr(value)


def _slim(svg: str) -> str:
    """The same picture in fewer bytes: hidden labels and default attributes dropped, one font named once on
    the root when every text uses it (a chart of 16 axes over five plans: 93 kB of SVG before)."""
    svg = _DEFAULTS.sub("", _HIDDEN_TEXT.sub("", svg))
    fonts = set(_FONT.findall(svg))
    if len(fonts) == 1:
        (font,) = fonts
        svg = _FONT.sub("", svg).replace("<svg ", f'<svg font-family="{font}" ', 1)
    return svg


def chart_svg(builder, *args, width: int = CHART_WIDTH, **kwargs) -> str:
    """The chart `builder(*args, **kwargs)` (an Altair chart) drawn on the server as SVG.

    vl-convert draws it, the renderer of the deck, the reports and the image downloads: same spec,
    same picture. The browser has no chart library to run (a Vega chart costs 200-400 ms in a browser
    without GPU, an image nothing measurable). Cached by builder and arguments (frames by content):
    building an Altair chart and its spec costs 50-100 ms of the page's own time, paid once per data.
    """
    key = hashlib.sha256(repr((builder.__module__, builder.__qualname__, width, _fingerprint(list(args)),
                               _fingerprint(kwargs))).encode()).hexdigest()
    with _SVG_LOCK:
        if key in _SVG_CACHE:
            _SVG_CACHE.move_to_end(key)
            return _SVG_CACHE[key]
    spec = builder(*args, **kwargs).to_dict()
    if not any(k in spec for k in ("hconcat", "vconcat", "concat", "facet")):
        spec.setdefault("width", width)
        spec.setdefault("autosize", {"type": "fit-x", "contains": "padding"})
    svg = chart_render.svg(spec)
    # A tenth of a pixel is enough: geometry rounded (never a text or a label), a third less to send.
    svg = _GEOMETRY.sub(lambda m: m.group(1) + _NUMBER.sub(r"\1", m.group(2)) + '"', svg)
    svg = _ROLES.sub("", svg)  # Vega's roles for screen readers: an image is read by its alt text
    svg = _slim(svg)
    with _SVG_LOCK:
        _SVG_CACHE[key] = svg
        while len(_SVG_CACHE) > 200:
            _SVG_CACHE.popitem(last=False)
    return svg


def page_svg(svg: str) -> str:
    """The picture as a page sends it: without Vega's per-mark descriptions (aria-label), which an <img> never
    exposes (it is read by its alt text) and which made half the bytes of a large chart."""
    return _ARIA.sub("", svg)


def chart(builder, *args, alt_text: str, where=None, width: int = CHART_WIDTH, **kwargs) -> None:
    """A page chart: `builder(*args, **kwargs)` drawn on the server (see chart_svg), shown as an SVG image.

    As an <img>, the picture can neither run nor fetch anything, whatever text the data put in it.
    It fills its column, up to CHART_ZOOM times the size it was drawn at (larger text on a large screen).
    """
    where = where or st
    svg = page_svg(chart_svg(builder, *args, width=width, **kwargs))
    w = re.search(r'<svg[^>]*?\swidth="([\d.]+)"', svg)
    limit = f"max-width:{float(w.group(1)) * CHART_ZOOM:.0f}px;" if w else ""
    # Percent-encoded but for the characters the SVG is made of (quotes, slashes, spaces), inside a
    # single-quoted attribute: a fifth larger than the SVG instead of a third. « : » stays encoded, so
    # no web address can be read in the picture's source.
    src = "data:image/svg+xml," + urllib.parse.quote(svg, safe=' =;,()"/')
    where.html(f'<div class="clsm-chart"><img alt="{html.escape(alt_text)}" style="{limit}" src=\'{src}\'></div>')
