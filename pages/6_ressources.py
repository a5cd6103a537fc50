"""Ressources: the coordination tools and the resource directory, searchable, on a map and as a list."""

import streamlit as st

from components import data, export, fmt, maps, views
from components import filters as flt

f, user = views.current()
views.header("Ressources", "Outils de coordination du CLSM et annuaire des ressources en santé mentale")
flt.note_scope(f, "resources")


def _said(key: str, names: dict | None = None) -> str | None:
    """A narrowing widget's value before it is drawn, in words (`names`: a selectbox's option → label)."""
    value = flt.bound_value(key)
    if key not in st.session_state:  # from the URL, where a bound selectbox writes its label
        return value if value and (names is None or value in names.values()) else None
    return (names or {}).get(value, value) if value else None


def render_search() -> dict:
    everything = data.resources()
    themes = data.themes()
    theme_labels = dict(zip(themes["theme_id"], themes["name"], strict=True))
    communes = sorted(everything["commune"].dropna().unique())
    query = st.text_input("Rechercher", key="res_q", bind="query-params", placeholder="Mot, structure, public…")
    # Public, theme and commune in a popover that names the choice: closed, its widgets are not drawn
    # (a page with four inputs in a row was among the slowest to open); they stay bound to the URL.
    said = [f"{what} : {_said(key, names) or every}" for what, key, names, every in (
        ("Public", "public", None, "tous"), ("Thématique", "res_theme", theme_labels, "toutes"),
        ("Commune", "commune", {c: c for c in communes}, "toutes"))]
    box = st.popover(" · ".join(said), icon=":material/filter_list:", key="res_affiner")
    public = box.text_input("Public", key="public", bind="query-params", placeholder="ex. jeunes, parents")
    theme = box.selectbox("Thématique", list(theme_labels), index=None, format_func=theme_labels.get,
                          placeholder="Toutes", key="res_theme", bind="query-params")
    commune = box.selectbox("Commune", communes, index=None, placeholder="Toutes", key="commune", bind="query-params")
    return {"search": query or None, "public": public or None, "theme_id": theme or f.theme_id, "commune": commune}


def render_list(rows) -> None:
    shown = rows.assign(
        **{"Mis à jour le": rows["updated_on"].map(lambda d: fmt.date(d)),
           "Créé en": rows["created_year"].map(lambda y: fmt.text(None if fmt.is_missing(y) else int(y)))}
    )
    views.table(
        shown[["kind", "name", "publics", "theme", "structure", "commune", "url", "Créé en", "Mis à jour le"]].rename(
            columns={"kind": "Type", "name": "Ressource", "publics": "Public", "theme": "Thématique",
                     "structure": "Structure", "commune": "Commune", "url": "Lien"}),
        hide_index=True, width="stretch",
        links={"Lien": "ouvrir"},
    )
    export.download_buttons(rows, "ressources", f, False)
    # Drawn only once opened (a click reruns the page): hundreds of hidden paragraphs slowed every visit.
    detail = st.expander("Détail des ressources", key="res_detail", on_change="rerun")
    if detail.open is False:
        return
    with detail:
        for r in rows.itertuples():
            st.markdown(f"**{fmt.md(r.name)}** · {fmt.md(r.kind)}")
            st.text(" · ".join(x for x in (fmt.text(r.description, ""), fmt.text(r.contact, ""),
                                           fmt.text(r.hours, "")) if x) or "Pas de description dans les documents.")


def render_map(rows) -> None:
    placed = rows.dropna(subset=["latitude", "longitude"])
    if placed.empty:
        st.info("Aucune de ces ressources n'a de commune connue : elles ne peuvent pas être placées sur la carte.")
        return
    pts = placed.rename(columns={"structure": "label"}).assign(sector="non renseigné", precision="commune")
    st.pydeck_chart(maps.deck(maps.spread(pts), data.partners(f)["communes"]), height=480, width="stretch")
    st.caption(f"{fmt.number(len(placed))} ressource(s) placée(s) au centre de leur commune.")


args = render_search()
rows = data.resources(**args)
if rows.empty:
    flt.empty(f, "ressource ne correspond à la recherche")
else:
    st.caption(f"{fmt.number(len(rows))} ressource(s).")
    views.lazy_tabs("vue", [("Liste", lambda: render_list(rows)), ("Carte", lambda: render_map(rows))])
