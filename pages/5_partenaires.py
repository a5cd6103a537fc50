"""Partenaires: map of structures (works offline), filters by sector and type, who works with whom."""

import os

import streamlit as st

from components import charts, data, export, fmt, maps, views
from components import filters as flt

f, user = views.current()
views.header("Partenaires", "Les structures du CLSM sur le territoire, et qui travaille avec qui sur quelles actions")
flt.note_scope(f, "structures")
bundle = data.partners(f)
points = bundle["points"]


def _chosen(key: str, options: list[str]) -> list[str]:
    """A multiselect's values before it is drawn (known options only)."""
    return [v for v in flt.bound_value(key, many=True) or [] if v in options]


def render_filters():
    sectors = sorted(points["sector"].unique())
    types = sorted(t for t in points["type"].dropna().unique())
    # In a popover named after the choice: closed, its two lists are not drawn (the multiselect's code
    # cost the page about 100 ms in Chromium); they stay bound to the URL.
    said = [f"{what} : {', '.join(chosen) if chosen else 'tous'}"
            for what, chosen in (("Secteurs", _chosen("secteurs", sectors)), ("Types", _chosen("types", types)))]
    box = st.popover(" · ".join(said), icon=":material/filter_list:", key="secteurs_types")
    pick_s = box.multiselect("Secteurs", sectors, key="secteurs", bind="query-params", placeholder="Tous les secteurs")
    pick_t = box.multiselect("Types de structure", types, key="types", bind="query-params", placeholder="Tous les types")
    shown = points
    if pick_s:
        shown = shown[shown["sector"].isin(pick_s)]
    if pick_t:
        shown = shown[shown["type"].isin(pick_t)]
    return shown


def render_map(shown, interactive: bool = False) -> None:
    placed = shown.dropna(subset=["latitude", "longitude"])
    said = data.structures_said(f.council_id)
    views.tiles([
        ("Structures nommées dans les documents", fmt.number(len(shown)),
         "Les structures que les documents du CLSM nomment, pas le nombre de ses membres"
         + (f" : la {said.details['counted_source']} en compte {said.details['counted']} identifiées"
            if said.details.get("counted") else "")),
        ("Placées sur la carte", fmt.number(len(placed)), "Seulement celles dont la commune ou l'adresse est connue"),
        ("Sans localisation connue", fmt.number(len(shown) - len(placed)), "Dans l'onglet « Liste des structures »"),
    ])
    if said.details.get("counted"):  # two documents, two different counts: both shown, dated, neither replaces the other
        st.caption(fmt.md(said.text + "."))
    if placed.empty:
        st.info("Aucune structure localisée avec ces filtres.")
    else:
        spread = maps.spread(placed)
        if interactive:
            tiles = os.environ.get("CLSM_TILES_URL") or None
            st.pydeck_chart(maps.deck(spread, bundle["communes"], tiles), height=620, width="stretch")
        else:  # a picture drawn on the server: no map library to load, it shows at once and projects well
            views.chart(maps.static_map, spread, bundle["communes"], alt_text="Carte des structures du CLSM par secteur")
            far = maps.outside_frame(spread)
            if not far.empty:
                st.caption(fmt.md("Hors du cadre de la carte (loin de Metz) : " + ", ".join(
                    f"{name} ({fmt.text(commune)})" for name, commune in zip(far["label"], far["commune"], strict=True)) + "."))
        if len(placed) > maps.MAX_POINTS:
            st.caption(f"Plus de {maps.MAX_POINTS} structures : un point par commune et par secteur, "
                       "sa taille dit combien de structures il regroupe (le détail est dans le tableau).")
        st.caption(
            "Position à la commune (centre de la commune, les structures d'une même commune sont écartées en spirale) : "
            "les documents ne donnent pas les adresses. Fond : communes de l'Eurométropole de Metz "
            "(coordonnées GeoNames, CC BY 4.0), sans serveur de tuiles."
            + ("" if interactive else " Pour zoomer et lire le nom d'un point : onglet « Carte interactive ».")
        )
    if interactive:  # the counts by sector are on the « Carte » tab
        return
    legend = shown.groupby("sector", as_index=False).size().rename(columns={"size": "structures"})
    views.chart(charts.count_bars, legend.sort_values("structures", ascending=False), "structures", "sector",
                color="sector", colors=charts.SECTOR_COLORS, x_title="Structures par secteur", alt_text="Structures par secteur")


def render_list(shown) -> None:
    """The structures retained by the filters, with their position's precision: a tab of its own (drawing the
    list under the map made « Carte » the slowest page to open at the synthetic scale)."""
    st.caption(f"{fmt.number(len(shown))} structure(s).")
    table = shown.assign(Position=shown["precision"].map(fmt.text).replace("non renseigné", "inconnue"))
    views.table(table[["name", "label", "sector", "type", "commune", "Position", "actions"]].rename(columns={
        "name": "Structure", "label": "Sigle", "sector": "Secteur", "type": "Type", "commune": "Commune",
        "actions": "Actions"}), hide_index=True, width="stretch")
    export.download_buttons(shown, "partenaires-structures", f, False)


def render_network() -> None:
    pairs = bundle["pairs"]
    st.subheader("Qui travaille avec qui")
    if pairs.empty:
        flt.empty(f, "collaboration entre structures sur une même action")
        return
    st.caption("Chaque trait relie deux structures engagées dans la même action (porteur ou partenaire) ; "
               "son épaisseur compte les actions communes.")
    views.chart(maps.network, pairs, alt_text="Réseau des collaborations")
    views.table(pairs[["a_label", "b_label", "shared", "actions"]].rename(columns={
        "a_label": "Structure", "b_label": "avec", "shared": "Actions communes", "actions": "Actions"}),
        hide_index=True, width="stretch")
    export.download_buttons(pairs, "partenaires-collaborations", f, False)


if points.empty:
    flt.empty(f, "structure")
else:
    # Only the open tab is computed and drawn (the interactive map and the network are heavy in a browser).
    views.lazy_tabs("vue", [("Carte", lambda: render_map(render_filters())),
                            ("Liste des structures", lambda: render_list(render_filters())),
                            ("Carte interactive", lambda: render_map(render_filters(), interactive=True)),
                            ("Réseau des collaborations", render_network)])
