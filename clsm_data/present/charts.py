"""Every chart, for the pages, the slides, the deck and the bilan: one palette, French labels, sizes set on each chart.

Streamlit-free (Altair only): components/charts.py re-exports these builders for the pages and
components/views.py renders them; clsm_data.present.figures draws a figure's chart with `figure_chart`.
Projector-sized fonts are set on the chart itself (the theme font does not scale chart text), with a
`labelLimit` so long French labels are not cut; colours are explicit and colour-blind safe (Okabe–Ito).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from clsm_data.core.tables import ROLE_CATEGORIES, SECTORS
from clsm_data.present import fmt
from clsm_data.read.queries import STATUS_ORDER

FONT = 18
TITLE = 22
LABEL_LIMIT = 420

# Okabe–Ito palette (colour-blind safe): the series colours of every chart.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# One colour per status, fixed so that every page, slide and report uses the same colours.
STATUS_COLORS = {
    "idée": "#BBBBBB",
    "conception": "#56B4E9",
    "mise en œuvre": "#E69F00",
    "réalisée": "#009E73",
    "reportée": "#CC79A7",
    "abandonnée": "#D55E00",
    "non renseigné": "#E4E4E4",  # light, but outlined on the charts so it shows on white
}
ROLE_COLORS = dict(zip(ROLE_CATEGORIES, PALETTE[:5], strict=True))
# Paul Tol's "muted" + extras: distinguishable by colour-blind viewers, one colour per sector.
_SECTOR_HEX = [
    "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255",
    "#44AA99", "#999933", "#AA4499", "#6699CC", "#DD7733",
]
SECTOR_COLORS = dict(zip(SECTORS, _SECTOR_HEX, strict=True)) | {"non renseigné": "#BBBBBB"}


def hex_to_rgb(hex_color: str) -> list[int]:
    """'#CC6677' -> [204, 102, 119] (for pydeck)."""
    h = hex_color.lstrip("#")
    return [int(h[i : i + 2], 16) for i in (0, 2, 4)]


def _scale(mapping: dict[str, str], present) -> alt.Scale:
    domain = [k for k in mapping if k in set(present)]
    return alt.Scale(domain=domain, range=[mapping[k] for k in domain])


def style(chart: alt.Chart, height: int | None = None) -> alt.Chart:
    """Large fonts and no cut labels, set on the chart itself (the theme does not scale them)."""
    chart = chart.configure_axis(
        labelFontSize=FONT, titleFontSize=FONT, labelLimit=LABEL_LIMIT, titleFontWeight="normal", labelColor="#1a1a1a",
        titleColor="#1a1a1a",
    ).configure_legend(
        labelFontSize=FONT, titleFontSize=FONT, labelLimit=340, orient="bottom", columns=2, symbolSize=200,
    ).configure_title(fontSize=TITLE, anchor="start").configure_view(strokeWidth=0)
    return chart.properties(height=height) if height else chart


def status_bars(df: pd.DataFrame, title: str = "") -> alt.Chart:
    """Stacked horizontal bars: one bar per group, segments per status, count (and share) written inside.

    df: group_label, group_order, status, n, total, share (from queries.progress).
    """
    df = df.copy()
    df["status_rank"] = df["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    df["pct"] = (df["share"] * 100).round().astype(int).astype(str) + " %"
    df["tip"] = df["status"] + " : " + df["n"].astype(str) + " (" + df["pct"] + ")"
    # Count and share written in each segment wide enough for both; the count alone in narrow ones.
    wide = df["n"] >= 0.3 * df.groupby("group_label")["n"].transform("sum").max()
    df["label"] = [f"{n} ({p})" if w and share >= 0.2 else str(n)
                   for n, p, share, w in zip(df["n"], df["pct"], df["share"], wide, strict=True)]
    order = df.sort_values("group_order")["group_label"].drop_duplicates().tolist()
    base = alt.Chart(df, title=title).encode(
        y=alt.Y("group_label:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        x=alt.X("n:Q", stack="zero", title="Nombre d'actions", axis=alt.Axis(format="d", tickMinStep=1)),
        order=alt.Order("status_rank:Q"),
    )
    bars = base.mark_bar(stroke="#777777", strokeWidth=0.8).encode(
        # Two columns: the legend starts under the plot, right of the long axis labels.
        color=alt.Color("status:N", scale=_scale(STATUS_COLORS, df["status"]), title="Statut",
                        legend=alt.Legend(columns=2)),
        tooltip=[alt.Tooltip("group_label:N", title="Groupe"), alt.Tooltip("tip:N", title="Statut")],
    )
    text = base.mark_text(dx=-6, align="right", fontSize=FONT, fontWeight="bold", color="#1a1a1a").encode(
        x=alt.X("n:Q", stack="zero", bandPosition=1), text="label:N",
    ).transform_filter("datum.n > 0")
    # The height Streamlit sets includes the axis, its title and the two-column legend (about 230 px):
    # with less, a plan with a single row drew a bar of zero height.
    height = 60 * len(order) + 230
    return style(alt.layer(bars, text), height)


def status_rows(df: pd.DataFrame) -> alt.Chart:
    """One bar per status (count and share written at its end): the overview's "actions by status".

    df: status, n (one row per status present).
    """
    df = df.copy()
    total = df["n"].sum()
    df["rank"] = df["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    df = df.sort_values("rank")
    df["label_fr"] = [
        fmt.number(n) + f"  ({round(100 * n / total)} %)" if total else "" for n in df["n"]
    ]
    order = df["status"].tolist()
    base = alt.Chart(df).encode(
        y=alt.Y("status:N", sort=order, title=None),
        x=alt.X("n:Q", title="Nombre d'actions", axis=alt.Axis(format="d", tickMinStep=1),
                scale=alt.Scale(domainMax=max(1, int(df["n"].max() * 1.25)))),
    )
    bars = base.mark_bar(stroke="#555555", strokeWidth=1).encode(
        color=alt.Color("status:N", scale=_scale(STATUS_COLORS, df["status"]), legend=None),
        tooltip=[alt.Tooltip("status:N", title="Statut"), alt.Tooltip("label_fr:N", title="Actions")],
    )
    text = base.mark_text(align="left", dx=8, fontSize=FONT, fontWeight="bold", color="#1a1a1a").encode(text="label_fr:N")
    return style(alt.layer(bars, text), 56 * len(order) + 80)  # + the axis below the bars


def count_bars(df: pd.DataFrame, x: str, y: str, title: str = "", color: str | None = None,
               colors: dict[str, str] | None = None, x_title: str = "", sort: list | None = None,
               label: str | None = None) -> alt.Chart:
    """Horizontal bars of counts with the value written at the end of each bar.

    label: a text column to write instead of the count (e.g. "< 11" where a count is masked and empty).
    """
    df = df.copy()
    df["label_fr"] = df[label] if label else df[x].map(fmt.number)
    df[x] = df[x].astype("float64").fillna(0.0)
    order = sort or df[y].tolist()
    base = alt.Chart(df, title=title).encode(
        y=alt.Y(f"{y}:N", sort=order, title=None),
        x=alt.X(f"{x}:Q", title=x_title, axis=alt.Axis(format="d", tickMinStep=1)),
    )
    enc = {}
    if color:
        enc["color"] = alt.Color(f"{color}:N", scale=_scale(colors, df[color]) if colors else alt.Undefined, legend=None)
    bars = base.mark_bar(color="#0072B2").encode(**enc, tooltip=[f"{y}:N", alt.Tooltip("label_fr:N", title=x_title or x)])
    text = base.mark_text(align="left", dx=6, fontSize=FONT, fontWeight="bold", color="#1a1a1a").encode(text="label_fr:N")
    return style(alt.layer(bars, text), 52 * len(order) + 80)  # + the axis below the bars


def grouped_columns(df: pd.DataFrame, x: str, y: str, color: str, title: str = "", colors=None,
                    y_title: str = "") -> alt.Chart:
    """Columns per x (a year, say) stacked by `color`, the total written above each column."""
    df = df.copy()
    totals = df.groupby(x, as_index=False)[y].sum()
    base = alt.Chart(df, title=title)
    cols = base.mark_bar().encode(
        x=alt.X(f"{x}:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(format="d", tickMinStep=1)),
        color=alt.Color(f"{color}:N", title=None, scale=_scale(colors, df[color]) if colors else alt.Undefined),
        tooltip=[f"{x}:O", f"{color}:N", f"{y}:Q"],
    )
    text = alt.Chart(totals).mark_text(dy=-12, fontSize=FONT, fontWeight="bold", color="#1a1a1a").encode(
        x=f"{x}:O", y=f"{y}:Q", text=f"{y}:Q"
    )
    return style(alt.layer(cols, text), 380)


def gantt(df: pd.DataFrame, title: str = "") -> alt.Chart:
    """Bars from start to end per action, coloured by status, years as axis labels."""
    df = df.copy()
    df["label"] = df["label"].str.slice(0, 70)
    df["du"] = df["start_date"].map(fmt.date)
    df["au"] = df["end_date"].map(fmt.date)
    chart = alt.Chart(df, title=title).mark_bar(height=26, cornerRadius=4).encode(
        y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        x=alt.X("start_date:T", title=None, axis=alt.Axis(format="%Y", tickCount="year", labelAngle=0)),
        x2="end_date:T",
        color=alt.Color("status:N", scale=_scale(STATUS_COLORS, df["status"]), title="Statut"),
        tooltip=[alt.Tooltip("label:N", title="Action"), alt.Tooltip("du:N", title="Début"),
                 alt.Tooltip("au:N", title="Fin"), alt.Tooltip("status:N", title="Statut")],
    )
    return style(chart, 44 * len(df) + 90)


def history(df: pd.DataFrame, title: str = "") -> alt.Chart:
    """The council's milestones as a timeline: one row per category, a labelled point per year."""
    df = df.copy()
    df["wrapped"] = df["title"].str.slice(0, 60)
    chart = alt.Chart(df, title=title).mark_circle(size=380, opacity=0.9).encode(
        x=alt.X("year_start:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("category:N", title=None),
        color=alt.Color("category:N", legend=None, scale=alt.Scale(range=["#0072B2", "#E69F00", "#009E73", "#CC79A7"])),
        tooltip=[alt.Tooltip("date_label:N", title="Quand"), alt.Tooltip("title:N", title="Étape")],
    )
    count = alt.Chart(df).mark_text(dy=-22, fontSize=FONT - 2, color="#1a1a1a").encode(
        x="year_start:O", y="category:N", text="count():Q"
    )
    return style(alt.layer(chart, count), 300)


# ---------------------------------------------------------------- one chart builder for screen, deck and report

def figure_chart(fig: dict, font: int = 28, width: int = 1500, height: int = 640, fill: bool = False) -> alt.Chart | None:
    """The figure's chart with explicit colours and projector-sized text (`font` px), or None.

    Sizes are set on the chart itself (text at least 24 px at 1080p on the slides); colours are
    explicit (LibreOffice ignores theme colours; images carry their own). `fill`: use the whole height
    (a slide), else a height that follows the number of bars (a report).
    """
    spec, df = fig.get("chart") or {}, fig.get("frame")
    if not spec or df is None or df.empty:
        return None
    df = df.copy()
    kind, x, y = spec["kind"], spec["x"], spec["y"]
    color = spec.get("color")
    if kind == "bars":
        df["_label"] = df[spec["label"]] if spec.get("label") else df[x].map(fmt.num)
        df[x] = df[x].astype("float64").fillna(0.0)
        order = df[y].tolist()
        base = alt.Chart(df).encode(y=alt.Y(f"{y}:N", sort=order, title=None),
                                    x=alt.X(f"{x}:Q", title=x, axis=alt.Axis(format="d", tickMinStep=1, tickCount=5),
                                            scale=alt.Scale(domainMax=max(1.0, df[x].max() * 1.2))))
        if color == "status":
            col = alt.Color("Statut:N", legend=None, scale=alt.Scale(domain=list(STATUS_COLORS),
                                                                      range=list(STATUS_COLORS.values())))
        else:
            col = alt.value(PALETTE[0])
        bars = base.mark_bar(stroke="#444444", strokeWidth=1).encode(color=col)
        text = base.mark_text(align="left", dx=10, fontSize=font, fontWeight="bold", color="#111111").encode(
            text="_label:N")
        layered = alt.layer(bars, text)
        height = height if fill else min(height, max(160, 80 * len(order) + 80))
    elif kind == "stack":
        domain = [s for s in STATUS_COLORS if s in set(df["Statut"])]
        df["_rank"] = df["Statut"].map({s: i for i, s in enumerate(STATUS_COLORS)})
        order = df.sort_values("group_order")[y].drop_duplicates().tolist()
        base = alt.Chart(df).encode(y=alt.Y(f"{y}:N", sort=order, title=None),
                                    x=alt.X(f"{x}:Q", stack="zero", title=x, axis=alt.Axis(format="d", tickMinStep=1, tickCount=5)),
                                    order=alt.Order("_rank:Q"))
        bars = base.mark_bar(stroke="#444444", strokeWidth=1).encode(
            color=alt.Color("Statut:N", title=None, scale=alt.Scale(domain=domain,
                                                                     range=[STATUS_COLORS[s] for s in domain]),
                            legend=alt.Legend(orient="bottom", columns=3)))
        text = base.mark_text(align="right", dx=-8, fontSize=font - 4, fontWeight="bold", color="#111111").encode(
            x=alt.X(f"{x}:Q", stack="zero", bandPosition=1), text=f"{x}:Q").transform_filter(f"datum['{x}'] > 0")
        layered = alt.layer(bars, text)
        height = height if fill else min(height, 70 * len(order) + 180)
    elif kind == "columns":
        totals = df.groupby(x, as_index=False)[y].sum()
        enc = {}
        if color:
            values = list(dict.fromkeys(df[color]))
            enc["color"] = alt.Color(f"{color}:N", title=None, scale=alt.Scale(domain=values,
                                     range=(PALETTE * 3)[: len(values)]),
                                     legend=alt.Legend(orient="bottom",
                                                       columns=1 if max(map(len, values)) > 30 else 2))
        else:
            enc["color"] = alt.value(PALETTE[0])
        cols = alt.Chart(df).mark_bar().encode(
            x=alt.X(f"{x}:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(f"{y}:Q", title=y, axis=alt.Axis(format="d", tickMinStep=1, tickCount=5),
                    scale=alt.Scale(domainMax=max(1.0, float(totals[y].max()) * 1.2))), **enc)
        text = alt.Chart(totals).mark_text(dy=-int(font * 0.7), fontSize=font, fontWeight="bold",
                                           color="#111111").encode(x=f"{x}:O", y=f"{y}:Q", text=f"{y}:Q")
        layered = alt.layer(cols, text)
    else:
        return None
    # "fit": the whole drawing (axis labels included) is width × height, so text keeps its size on screen.
    fitted = layered.properties(width=width, height=height,
                                autosize=alt.AutoSizeParams(type="fit", contains="padding"))
    return fitted.configure(font="DejaVu Sans").configure_axis(
        labelFontSize=font, titleFontSize=font, labelLimit=900, titleFontWeight="normal", labelColor="#111111",
        titleColor="#111111", grid=False,
    ).configure_legend(labelFontSize=font, titleFontSize=font, labelLimit=900, symbolSize=font * 14).configure_view(
        strokeWidth=0)


def chart_png(fig: dict, scale: float = 2.0, **kw) -> bytes | None:
    """The figure's chart as a PNG rendered offline (vl-convert), or None when it has no chart."""
    from clsm_data.present import render

    c = figure_chart(fig, **kw)
    return None if c is None else render.png(c.to_json(), scale=scale)
