"""Participation: meetings per year and instance, attendance by role and sector, SISM, awareness sessions."""

import streamlit as st

from clsm_data.read.privacy import mask_counts
from components import charts, data, export, fmt, views
from components import filters as flt
from components import provenance as src

f, user = views.current()
views.header("Participation", "Réunions des instances, présences par catégorie et par secteur, SISM et sensibilisations")
flt.note_scope(f, "meetings", "events")
masked = views.masked_view(user)
p = data.participation(f, masked)


def render_meetings() -> None:
    st.subheader("Réunions par année et par instance")
    per_year = p["per_year"]
    if per_year.empty:
        flt.empty(f, "réunion datée")
        return
    views.chart(charts.grouped_columns, per_year, "year", "meetings", "instance_name", y_title="Réunions",
                alt_text="Réunions par année et par instance")
    render_counted(per_year)
    src.source_popover("meetings_chart", f)
    export.chart_downloads("reunions-par-annee", f, charts.grouped_columns, per_year, "year", "meetings", "instance_name",
                           y_title="Réunions")
    m = p["meetings"]
    table = m.assign(
        Date=[fmt.date(d, pr) for d, pr in zip(m["date"], m["date_precision"], strict=True)],
        Participants=m["participants"].map(fmt.number),
        Modalité=m["mode"].map(fmt.text),
    )
    if masked:
        st.caption("Participants : hors usagers et aidants (petits effectifs masqués à l'écran).")
    views.table(table[["Date", "instance_name", "title", "Modalité", "Participants"]].rename(
        columns={"instance_name": "Instance", "title": "Intitulé"}), hide_index=True, width="stretch")
    export.download_buttons(p["meetings"], "participation-reunions", f, masked)


def render_counted(per_year) -> None:
    """Say what each column adds: dated meetings, and counts the documents give without dates."""
    counted = per_year[per_year["counted"]]
    for year, group in counted.groupby("year"):
        dated = int(per_year.loc[(per_year["year"] == year) & ~per_year["counted"], "meetings"].sum())
        n = int(group["meetings"].sum())
        st.caption(f"{year} : {fmt.number(dated)} réunion(s) datée(s) + {fmt.number(n)} réunions de groupes, "
                   f"comptées sans date = {fmt.number(dated + n)} (la colonne les additionne ; les réunions comptées "
                   "sans date forment une série à part).")
    loose = data.counted_meetings(f)
    loose = loose[loose["meetings"].isna()]
    if not loose.empty:
        st.caption("Sans nombre dans les documents, donc hors des totaux : " + " ; ".join(
            f"{fmt.md(r.instance_name)} ({fmt.md(r.period_label)}) : {fmt.md(r.count_text)}" for r in loose.itertuples()) + ".")


def render_attendance() -> None:
    by_role, by_sector = p["by_role"], p["by_sector"]
    if by_role.empty:
        st.info("Aucune présence comptée pour ces réunions : les comptes-rendus disponibles ne les donnent pas.")
        return
    st.subheader("Présences par catégorie")
    shown = mask_counts(by_role) if masked else by_role.assign(shown=by_role["count"].map(fmt.number), masked=False)
    chart, table = st.columns([3, 2])
    views.chart(charts.count_bars, shown, "count", "role_category", color="role_category", label="shown",
                colors=charts.ROLE_COLORS, x_title="Personnes présentes", where=chart,
                alt_text="Présences par catégorie", width=480)
    total = "masqué" if shown["masked"].any() else fmt.number(by_role["count"].sum())
    views.table(where=table, df=shown[["role_category", "shown"]].rename(columns={"role_category": "Catégorie", "shown": "Présences"}),
                    hide_index=True, width="stretch")
    export.download_buttons(by_role, "participation-categories", f, masked)
    table.caption(f"Total : {total}. Les effectifs de 1 à 10 usagers ou aidants sont affichés « < 11 » "
                  "hors de la session de coordination." if masked else f"Total : {total}.")
    src.source_popover("participants", f, table)
    # Full width: sector names are long and would leave no room for the bars in half a 1280-pixel screen.
    st.subheader("Présences par secteur")
    if masked:
        st.caption("Hors usagers et aidants : leurs petits effectifs sont masqués, ces sommes les révéleraient.")
    views.chart(charts.count_bars, by_sector, "count", "sector", color="sector", colors=charts.SECTOR_COLORS,
                x_title="Personnes présentes", alt_text="Présences par secteur")


def render_f15() -> None:
    st.subheader("Indicateurs de processus de la fiche n°15")
    f15 = p["f15"]
    for label, group in f15.groupby("label", sort=False):
        vals = group.dropna(subset=["period_label"])
        text = " · ".join(f"{r.period_label} : {fmt.number(r.value)} ({r.value_text})" for r in vals.itertuples()) \
            if not vals.empty else "non renseigné"
        st.markdown(f"**{fmt.md(label)}**")
        st.text(text)
    typ = p["typology"]
    if not typ.empty:
        st.markdown("**Typologie des acteurs représentés (structures distinctes par secteur)**")
        views.chart(charts.count_bars, typ.groupby("sector", as_index=False)["structures"].sum()
                    .sort_values("structures", ascending=False),
                    "structures", "sector", color="sector", colors=charts.SECTOR_COLORS,
                    x_title="Structures représentées", alt_text="Structures représentées par secteur")


def render_events() -> None:
    sism, aw = p["sism"], p["awareness"]
    left, right = st.columns(2)
    with left:
        st.subheader("Semaines d'information sur la santé mentale")
        if sism.empty:
            flt.empty(f, "édition des SISM")
        else:
            table = sism.assign(**{c: sism[c].map(fmt.number) for c in ("partners_count", "events_count", "participants_count")})
            views.table(table[["year", "title", "partners_count", "events_count", "participants_count", "note"]].rename(
                columns={"year": "Année", "title": "Thème", "partners_count": "Partenaires", "events_count": "Événements",
                         "participants_count": "Participants", "note": "Note"}), hide_index=True, width="stretch")
            export.download_buttons(sism, "sism", f, masked)
            counted = sism.dropna(subset=["participants_count"])
            if not counted.empty:
                views.chart(charts.count_bars, counted.assign(year=counted["year"].astype(str)), "participants_count",
                            "year", x_title="Participants", alt_text="Participants aux SISM par année")
                if (counted["year"] == 2019).any():
                    st.caption("2019 : « 250 partenaires » dans le document, lu comme 250 participants "
                               "(forme des autres années) : chiffre à lire avec prudence.")
                src.source_popover("sism_chart", f)
    with right:
        st.subheader("Sensibilisations en santé mentale")
        if aw.empty:
            flt.empty(f, "session de sensibilisation")
        else:
            table = aw.assign(Quand=[fmt.date(d, pr) if not fmt.is_missing(d) else str(y)
                                     for d, pr, y in zip(aw["date"], aw["date_precision"], aw["year"], strict=True)])
            table = table.assign(Sessions=aw["sessions_count"].map(fmt.number),
                                 Participants=aw["participants_count"].map(fmt.number), Modalité=aw["mode"].map(fmt.text))
            views.table(table[["Quand", "title", "Modalité", "Sessions", "Participants"]].rename(
                columns={"title": "Intitulé"}), hide_index=True, width="stretch")
            export.download_buttons(aw, "sensibilisations", f, masked)


# One subject per tab (a projected screen each), only the open one computed and drawn.
views.lazy_tabs("vue", [("Réunions", render_meetings), ("Présences", render_attendance),
                        ("SISM et sensibilisations", render_events), ("Indicateurs de la fiche n°15", render_f15)])
