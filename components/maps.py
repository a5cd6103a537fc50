"""Offline maps (no tile server): communes as a base layer, structures placed at their commune or address."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd
import pydeck as pdk

from . import charts

METZ = (49.1193, 6.1757)


def spread(points: pd.DataFrame) -> pd.DataFrame:
    """Structures placed at the same commune point are spread on a small spiral so each stays visible."""
    out = points.copy()
    out["rank"] = out.groupby(["latitude", "longitude"]).cumcount()
    angle = out["rank"] * 2.4  # golden-angle spiral
    radius = 0.0035 * out["rank"].map(math.sqrt)
    out["lat"] = out["latitude"] + radius * angle.map(math.sin)
    out["lon"] = out["longitude"] + radius * angle.map(math.cos) * 1.5
    return out


BLANK_STYLE = "/app/static/clsm-fond-blanc.json"
MAX_POINTS = 400  # above this many structures, the map groups them by commune and sector


def deck(points: pd.DataFrame, communes: pd.DataFrame, tiles_url: str | None = None, color_col: str = "sector") -> pdk.Deck:
    """A pydeck map that needs no internet: commune dots and names under the structure points.

    Args:
        points: rows with lat, lon, label, name, sector, commune, precision.
        communes: rows with name, latitude, longitude (the base layer).
        tiles_url: optional XYZ tile URL (only when configured and online).
    """
    # Beyond a few hundred structures, one dot per commune and sector (its size says how many): every
    # structure as its own dot would send megabytes to each browser and hide the map under them.
    pts = grouped(points, color_col)
    pts["radius"] = pts["n"].map(lambda n: 11 if n == 1 else round(8 + 3 * math.sqrt(n)))
    pts["color"] = pts[color_col].map(lambda s: charts.hex_to_rgb(charts.SECTOR_COLORS.get(s, "#BBBBBB")) + [230])
    pts = pts[["lat", "lon", "color", "radius", "name", color_col, "commune", "precision"]].rename(
        columns={color_col: "sector"} if color_col != "sector" else {})  # only what the map draws is sent
    layers = []
    if tiles_url:
        layers.append(pdk.Layer("TileLayer", data=tiles_url, min_zoom=0, max_zoom=18, tile_size=256))
    layers += [
        pdk.Layer("ScatterplotLayer", data=communes, get_position="[longitude, latitude]", get_radius=260,
                  get_fill_color=[160, 170, 180, 120], pickable=False),
        pdk.Layer("TextLayer", data=communes, get_position="[longitude, latitude]", get_text="name", get_size=15,
                  get_color=[70, 80, 90, 220], get_pixel_offset=[0, 15], character_set=pdk.types.String("auto"),
                  font_family=pdk.types.String("'Source Sans Pro', 'Source Sans 3', Helvetica, Arial, sans-serif")),
        pdk.Layer("ScatterplotLayer", data=pts, get_position="[lon, lat]", get_radius="radius", radius_units=pdk.types.String("pixels"),
                  get_fill_color="color", get_line_color=[255, 255, 255], line_width_min_pixels=2, stroked=True,
                  pickable=True),
    ]
    view = pdk.ViewState(latitude=METZ[0], longitude=METZ[1], zoom=10.4)
    return pdk.Deck(
        # A blank style served by the app itself (static/): without one, Streamlit's front end fetches a
        # Carto basemap style from the internet, which hangs or fails offline.
        layers=layers, initial_view_state=view, map_provider=None, map_style=BLANK_STYLE,
        tooltip={"text": "{name}\n{sector}\n{commune} (position : {precision})"},
    )


def grouped(points: pd.DataFrame, color_col: str = "sector") -> pd.DataFrame:
    """Beyond MAX_POINTS structures, one dot per commune and sector, `n` saying how many it stands for."""
    pts = points.copy()
    pts["n"] = 1
    if len(pts) <= MAX_POINTS:
        return pts
    out = pts.groupby(["commune", color_col], dropna=False, sort=False).agg(
        lat=("lat", "first"), lon=("lon", "first"), n=("name", "size"), precision=("precision", "first"),
    ).reset_index()
    out["name"] = out["n"].map(lambda n: f"{n} structure(s)")
    return out


MAP_W, MAP_H = 820, 620  # the picture map's frame (px), drawn at Metz like the interactive map
MAP_SCALE = 115_000  # Mercator scale: the Eurométropole (about 30 km across) fills the frame


def _xy(lat: float, lon: float) -> tuple[float, float]:
    """Pixels from the frame's centre (Metz) in the picture map's Mercator projection."""
    x = MAP_SCALE * math.radians(lon - METZ[1])
    y = MAP_SCALE * (math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
                     - math.log(math.tan(math.pi / 4 + math.radians(METZ[0]) / 2)))
    return x, y


def outside_frame(points: pd.DataFrame) -> pd.DataFrame:
    """The structures placed too far from Metz for the picture map's frame (said under the map)."""
    inside = [abs(x) < MAP_W / 2 - 10 and abs(y) < MAP_H / 2 - 10 for x, y in map(_xy, points["lat"], points["lon"])]
    return points[[not i for i in inside]]


def static_map(points: pd.DataFrame, communes: pd.DataFrame, color_col: str = "sector") -> alt.Chart:
    """The map as a picture drawn on the server: communes under the structures, a colour per sector.

    The same places and frame as the interactive map (deck), without a map library in the browser: it
    draws at once, reads on a projector and goes into exports as it is. Names are written for the
    communes that have structures (all 40 names would cover each other); places beyond the frame are
    left out of the picture and named under it (outside_frame).
    """
    pts = grouped(points, color_col)
    pts = pts.assign(sector=pts[color_col].fillna("non renseigné"), lat=pts["lat"].round(4),
                     lon=pts["lon"].round(4))[["lat", "lon", "sector", "n", "name"]]  # 4 decimals: about 10 m
    base = communes[["name", "latitude", "longitude"]]
    named = base[base["name"].str.lower().isin(set(points["commune"].dropna().str.lower())) | (base["name"] == "Metz")]
    present = set(pts["sector"])
    colour = alt.Color("sector:N", title="Secteur", scale=alt.Scale(
        domain=[s for s in charts.SECTOR_COLORS if s in present], range=[charts.SECTOR_COLORS[s] for s in charts.SECTOR_COLORS if s in present]))
    dots = alt.Chart(base).mark_circle(size=70, color="#a0aab4", opacity=0.6, clip=True, aria=False).encode(
        longitude="longitude:Q", latitude="latitude:Q")
    names = alt.Chart(named).mark_text(dy=-16, fontSize=charts.FONT - 3, color="#46505a", clip=True, aria=False).encode(
        longitude="longitude:Q", latitude="latitude:Q", text="name:N")
    size = alt.Size("n:Q", title="Structures par point", scale=alt.Scale(range=[160, 900]), legend=alt.Legend(orient="bottom"))
    # Beyond MAX_POINTS the dots are groups: no per-dot description (it doubled the picture past 100 kB)
    structures = alt.Chart(pts).mark_circle(stroke="white", strokeWidth=1.5, opacity=0.9, clip=True,
                                            aria=bool(pts["n"].max() == 1)).encode(
        longitude="lon:Q", latitude="lat:Q", color=colour, size=size if pts["n"].max() > 1 else alt.value(190),
        tooltip=[alt.Tooltip("name:N", title="Structure"), alt.Tooltip("sector:N", title="Secteur")])
    chart = alt.layer(dots, names, structures).project(
        type="mercator", scale=MAP_SCALE, center=[METZ[1], METZ[0]], translate=[MAP_W / 2, MAP_H / 2])
    return charts.style(chart.properties(width=MAP_W), MAP_H)


def network(pairs: pd.DataFrame, title: str = "") -> alt.Chart:
    """Who works with whom: structures on a circle (grouped by sector), a line per shared action set."""
    nodes = pd.concat([
        pairs[["a", "a_label", "a_sector"]].set_axis(["id", "label", "sector"], axis=1),
        pairs[["b", "b_label", "b_sector"]].set_axis(["id", "label", "sector"], axis=1),
    ]).drop_duplicates("id").fillna({"sector": "non renseigné"}).sort_values(["sector", "label"]).reset_index(drop=True)
    n = max(len(nodes), 1)
    nodes["angle"] = nodes.index * 2 * math.pi / n
    nodes["x"] = nodes["angle"].map(math.cos)
    nodes["y"] = nodes["angle"].map(math.sin)
    pos = nodes.set_index("id")[["x", "y"]]
    edges = pairs.assign(x=pairs["a"].map(pos["x"]), y=pairs["a"].map(pos["y"]),
                         x2=pairs["b"].map(pos["x"]), y2=pairs["b"].map(pos["y"]))
    scale = alt.Scale(domain=[-1.45, 1.45])
    axis = None
    lines = alt.Chart(edges).mark_rule(color="#4a6a8a", opacity=0.55).encode(
        x=alt.X("x:Q", scale=scale, axis=axis), y=alt.Y("y:Q", scale=scale, axis=axis), x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("shared:Q", scale=alt.Scale(range=[1.5, 8]), legend=None),
        tooltip=[alt.Tooltip("a_label:N", title="Structure"), alt.Tooltip("b_label:N", title="avec"),
                 alt.Tooltip("shared:Q", title="Actions communes"), alt.Tooltip("actions:N", title="Actions")],
    )
    present = nodes["sector"].unique()
    dots = alt.Chart(nodes).mark_circle(size=420, stroke="white", strokeWidth=2, opacity=1).encode(
        x=alt.X("x:Q", scale=scale, axis=axis), y=alt.Y("y:Q", scale=scale, axis=axis),
        color=alt.Color("sector:N", title="Secteur", scale=alt.Scale(
            domain=[s for s in charts.SECTOR_COLORS if s in present],
            range=[charts.SECTOR_COLORS[s] for s in charts.SECTOR_COLORS if s in present])),
        tooltip=[alt.Tooltip("label:N", title="Structure"), alt.Tooltip("sector:N", title="Secteur")],
    )
    names = alt.Chart(nodes.assign(tx=nodes["x"] * 1.13, ty=nodes["y"] * 1.13)).mark_text(
        fontSize=charts.FONT - 2, color="#1a1a1a").encode(x=alt.X("tx:Q", scale=scale, axis=axis),
                                                          y=alt.Y("ty:Q", scale=scale, axis=axis), text="label:N")
    return charts.style(alt.layer(lines, dots, names, title=title), 640)
