"""Réseau: the councils an account reads, side by side (département, région, nation), and what adds up across them.

Shown in the menu only to an account that reads several councils (an ARS officer, the national resource centre);
the councils are the account's, decided on the server, and on PostgreSQL the cursor is bound to them.
"""

import datetime as dt

import streamlit as st

from clsm_data.read import network
from components import charts, data, export, fmt, views

f, user = views.current()
views.header("Réseau", "Les conseils que ce compte lit, côte à côte, et ce qui s'additionne entre eux")
allowed = data.allowed_councils()
if len(allowed) < 2:
    st.info("Cette page réunit plusieurs conseils ; ce compte n'en lit qu'un : ses chiffres sont dans les autres pages.")
    st.stop()

st.caption("Les filtres du panneau de gauche ne s'appliquent pas ici. Chaque conseil garde son plan, ses instances et "
           "sa façon de compter : seuls les chiffres qui s'additionnent sont additionnés, sur une année ou sur le plan "
           "en vigueur de chaque conseil, jamais sur deux années ni sur deux plans d'un même conseil.")

perimeters = data.network_perimeters(allowed)
labels = [p.label for p in perimeters]
left, right = st.columns([3, 1])
chosen = left.selectbox("Périmètre", labels, key="reseau_perimetre", bind="query-params")
perimeter = perimeters[labels.index(chosen)] if chosen in labels else perimeters[0]
latest = data.network_latest_year(perimeter.councils) or dt.date.today().year
years = list(range(max(dt.date.today().year, latest), 2014, -1))
year = right.selectbox("Année", years, index=years.index(latest), key="reseau_annee")

with st.spinner("Calcul des chiffres de chaque conseil…"):
    v = data.network_view(perimeter.councils, year)
per, t = v["per_council"], v["totals"]
n = t["councils"]
where = "" if perimeter.kind == "nation" else (f" de la région {perimeter.name}" if perimeter.kind == "région"
                                                 else f" du département {perimeter.name}")
pl = fmt.plural
people = (f"{pl(t['participants'], 'participation comptée', 'participations comptées')}"
          + (f" dans {fmt.number(t['participants_councils'])} d'entre eux" if n > 1 else "")
          if t["participants"] is not None else "aucune participation comptée")
realised = ("dont aucune réalisée à ce jour" if not t["realised"]
            else f"dont {fmt.number(t['realised'])} {'réalisée' if t['realised'] < 2 else 'réalisées'} à ce jour")
if n > 1:
    said = (f"En {year}, les {fmt.number(n)} conseils{where} ont enregistré "
            f"{pl(t['meetings'], 'réunion datée', 'réunions datées')} ({people}). Leurs plans en vigueur, un par conseil "
            f"({pl(t['plans'], 'plan')}), comptent {pl(t['actions'], 'action')}, {realised}.")
else:
    name = per["Conseil"].iloc[0] if len(per) else ""
    plan = (f"Son plan en vigueur compte {pl(t['actions'], 'action')}, {realised}." if t["plans"]
            else "Il n'a pas d'action engagée.")
    said = (f"En {year}, le seul conseil{where}, {name}, a enregistré "
            f"{pl(t['meetings'], 'réunion datée', 'réunions datées')} ({people}). {plan}")
st.markdown(f"**{fmt.md(said)}**")
views.tiles([
    ("Conseils couverts", fmt.number(n), network.covered(per)),
    (f"Réunions datées en {year}", fmt.number(t["meetings"]),
     "Réunions enregistrées avec leur date ; une année validée par le COPIL d'un conseil compte ses chiffres validés"),
    (f"Participations comptées en {year}",
     fmt.number(t["participants"]) if t["participants"] is not None else "non renseigné",
     f"Personnes comptées aux réunions dont la présence est notée, dans {t['participants_councils']} conseil(s) sur {n}"),
    ("Structures nommées", fmt.number(t["structures"]), "Les structures que chaque conseil enregistre, additionnées"),
    ("Actions des plans en vigueur", fmt.number(t["actions"]),
     "Actions du plan en vigueur de chaque conseil (un plan par conseil) ; les propositions ne sont pas comptées"),
    ("dont réalisées à ce jour", fmt.number(t["realised"]), "Statut d'aujourd'hui de ces actions"),
])
notes = []
if t["meetings_counted"]:
    notes.append(f"Les documents de certains conseils comptent aussi {fmt.number(t['meetings_counted'])} réunions "
                 f"en {year} sans les dater ; elles ne sont pas ajoutées aux réunions datées.")
if v["validated"]:
    notes.append(f"Année {year} validée par le COPIL de {len(v['validated'])} conseil(s) "
                 f"({', '.join(v['validated'][:5])}{' …' if len(v['validated']) > 5 else ''}) : leurs chiffres "
                 "sont les chiffres validés.")
if v["without_plan"]:
    notes.append(f"{len(v['without_plan'])} conseil(s) sans action engagée : "
                 f"{', '.join(v['without_plan'][:5])}{' …' if len(v['without_plan']) > 5 else ''}.")
for note in notes:
    st.caption(fmt.md(note))

slug = "nation" if perimeter.kind == "nation" else f"{perimeter.kind}-{perimeter.name}"
about = {"Périmètre": perimeter.label, "Conseils couverts": ", ".join(str(c) for c in per["Conseil"]),
         "Filtres": "Ceux du panneau de gauche ne s'appliquent pas à la page Réseau"}
WIDE = 8  # beyond this many councils, the screen shows the network's column; the file keeps one per council


def _shown(df):
    """Counts in French; « non renseigné » where the data says nothing."""
    out = df.copy()
    for col in out.columns:
        if col in ("Conseil", "Département", "Région", "Plan en vigueur"):
            out[col] = [fmt.text(x) if isinstance(x, str) else "non renseigné" for x in out[col]]
        elif col == "Année validée" or col.startswith("Année "):
            out[col] = [f"le {fmt.date(x)}" if x is not None and x == x else "non" for x in out[col]]
        elif col not in ("Statut", "Thématique", "Secteur"):
            out[col] = [fmt.number(x) if x is not None and x == x else "non renseigné" for x in out[col]]
    return out


def _per_council():
    table = per.drop(columns="council_id").rename(columns={
        "Réunions datées": f"Réunions datées en {year}", "Réunions comptées sans date": f"Comptées sans date en {year}",
        "Participations comptées": f"Participations en {year}", "Année validée": f"Année {year} validée"})
    # 50 councils on screen (a région holds about 20); the file carries every one
    views.table(_shown(table), label=f"Chiffres de chaque conseil, {year}", rows=50,
                rest="choisissez une région ou un département, ou téléchargez le tableau complet (CSV ou Excel)")
    export.download_buttons(table, f"reseau-{slug}-{year}", None, masked=False,
                            about_lines=about | {"Année": str(year)})


def _spread(key: str, what: str, what_file: str):
    def render():
        df = v[key]
        if df.empty:
            st.info("Aucune donnée pour ces conseils.")
            return
        label = df.columns[0]
        if key == "by_status":
            views.chart(charts.status_rows, df[[label, "Réseau"]].set_axis(["status", "n"], axis=1),
                        alt_text=f"{what}, {n} conseils")
        else:
            views.chart(charts.count_bars, df[[label, "Réseau"]].set_axis(["key", "n"], axis=1), "n", "key",
                        x_title="Actions" if key == "by_theme" else "Structures", alt_text=f"{what}, {n} conseils")
        shown = df if n <= WIDE else df.iloc[:, :2]
        views.table(_shown(shown), label=what)
        if n > WIDE:
            st.caption(f"Le détail de chacun des {n} conseils est dans le tableau téléchargé.")
        export.download_buttons(df, f"reseau-{what_file}-{slug}", None, masked=False,
                                about_lines=about | {"Actions": "celles du plan en vigueur de chaque conseil, statuts d'aujourd'hui"}
                                if key != "by_sector" else about)
    return render


views.lazy_tabs("reseau_vue", [
    ("Par conseil", _per_council),
    ("Actions par statut", _spread("by_status", "Actions des plans en vigueur, par statut", "statuts")),
    ("Actions par thème", _spread("by_theme", "Actions des plans en vigueur, par thématique", "thematiques")),
    ("Partenaires par secteur", _spread("by_sector", "Structures nommées, par secteur", "secteurs")),
])
st.caption("L'état des lieux national (enquête du CCOMS) de ces conseils est dans « Rapports », onglet « État des lieux "
           "national ».")
