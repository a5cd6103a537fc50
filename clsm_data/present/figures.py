"""Every figure a slide, a deck or a report shows, in one place, each with the text of its source.

Each builder takes a cursor and plain arguments and returns a plain dict (a `Figure`): a title
sentence that states the finding, big figures and/or a frame with how to chart it, a `source` text
and notes. The slideshow, the COPIL deck and the annual report all read these builders, so a figure
reads the same everywhere; the trust model (realised work, counted meetings, provenance) can replace
a builder's body without touching the screens.

Masked (`masked=True`): counts of 1 to 10 service users and carers are shown as « < 11 » and left
out of the totals that would give them back (see privacy.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pandas as pd

from clsm_data.core.config import current_council
from clsm_data.followup import sequences
from clsm_data.present import headlines
from clsm_data.present.charts import PALETTE, STATUS_COLORS, chart_png, figure_chart  # noqa: F401

# French formatting lives in clsm_data.present.fmt; these names stay importable from here.
from clsm_data.present.fmt import MONTHS, NNBSP, day, long_date, num, plural, stamp  # noqa: F401
from clsm_data.read import queries, statements
from clsm_data.read.filters import Filters
from clsm_data.read.privacy import HIDDEN, mask_counts

TIMES = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf", 10: "dix"}
F15 = ["f15-proc-1", "f15-proc-2", "f15-proc-3", "f15-res-1", "f15-res-2"]


def _sources(con, ids) -> str:
    ids = sorted({i for i in ids if isinstance(i, str) and i})
    if not ids:
        return ""
    df = queries.run(con, "SELECT source_id, title, published FROM source_document WHERE list_contains(?, source_id) "
                     "ORDER BY source_id", [ids])
    return " ; ".join(f"« {r.title} »" + (f" ({r.published})" if isinstance(r.published, str) else "")
                      for r in df.itertuples())


def _event_sources(con, event_ids, council: str) -> str:
    ids = [i for i in event_ids if isinstance(i, str)]
    rows = con.execute("SELECT DISTINCT source_id FROM event WHERE council_id = ? AND list_contains(?, event_id)",
                       [council, ids]).fetchall()
    return _sources(con, [r[0] for r in rows])


def _fig(fid: str, title: str, *, figures=None, frame=None, chart=None, source: str = "", notes=None) -> dict:
    return {"id": fid, "title": title, "figures": figures or [], "frame": frame, "chart": chart or {},
            "source": source, "notes": [n for n in (notes or []) if n]}


# ---------------------------------------------------------------- labels of the filters


def filter_labels(con) -> dict[str, dict[str, str]]:
    """Names for the filter values (plans, axes, themes, structures), for filters.describe."""
    plans = queries.plans(con)
    axes = queries.axes(con)
    short = dict(zip(plans["plan_id"], plans["short_name"], strict=True))
    return {
        "plan_id": dict(zip(plans["plan_id"], plans["short_name"], strict=True)),
        "axis_id": {r.axis_id: (f"Axe {r.number} – " if pd.notna(r.number) else "Rubrique ") + f"{r.short_title} "
                               f"({short.get(r.plan_id, r.plan_id)})"
                    for r in axes.itertuples()},
        "theme_id": dict(zip(*[queries.themes(con)[c] for c in ("theme_id", "name")], strict=True)),
        "structure_id": dict(zip(*[queries.structures(con)[c] for c in ("structure_id", "label")], strict=True)),
    }


def council(con, council_id: str | None = None) -> dict:
    """The council's name, territory and carrier."""
    cid = council_id or Filters().council_id
    row = con.execute("SELECT name, territory, carrier FROM council WHERE council_id = ?", [cid]).fetchone()
    return dict(zip(("name", "territory", "carrier"), row or (cid, None, None), strict=True))


# ---------------------------------------------------------------- the figures


def _plan_sources(con, plan_id: str | None, council: str) -> str:
    if not plan_id:
        return ""
    rows = con.execute("SELECT DISTINCT source_id FROM action WHERE council_id = ? AND plan_id = ? "
                       "UNION SELECT source_id FROM plan WHERE council_id = ? AND plan_id = ?",
                       [council, plan_id, council, plan_id]).fetchall()
    return _sources(con, [r[0] for r in rows])


def key_figures(con, f: Filters, masked: bool = True) -> dict:
    """One plan (the chosen one, else the plan in force) and one period: its actions, realised / planned, the
    structures in its actions, and the dated meetings of the period; the brainstorm's proposals stay apart."""
    acts = statements.actions(con, f)
    if acts is None:
        return _fig("chiffres", "Aucune action suivie avec ces filtres", source="")
    real = statements.realised(con, f)
    sc = statements.scope(con, f)
    h = dict(queries.headline(con, replace(f, plan_id=sc["plan_id"]), masked))
    fz = headlines.frozen(con, f, sc, real)  # a validated year: its validated figures
    real = fz.get("realised", real)
    h["meetings"] = fz.get("meetings", h["meetings"])
    period = statements.period_words(f.period_start, f.period_end)
    figs = [
        {"label": f"actions ({sc['short_name']})", "value": num(acts.figure)},
        {"label": f"actions réalisées sur {num(real.details['planned'])} prévues ({sc['short_name']}, {sc['period']})",
         "value": num(real.figure)},
        {"label": f"structures impliquées dans ses actions ({sc['short_name']})", "value": num(h["structures"])},
        {"label": f"réunions datées ({period})", "value": num(h["meetings"])},
    ]
    prop = statements.proposals(con)
    # A validated year's note comes first: a slide shows two notes, and this one says what the figures are.
    validated = (f"Chiffres validés par le COPIL le {day(fz['validated'])}"
                 + (" ; après validation : " + " ; ".join(fz["corrections"]) if fz.get("corrections") else "")) if fz else ""
    return _fig("chiffres", acts.text, figures=figs,
                source=" ; ".join(x for x in (_plan_sources(con, sc["plan_id"], f.council_id), "comptes rendus de réunions") if x),
                notes=[validated,
                       "« Prévues » : actions du plan dans la période, en conception, en mise en œuvre, réalisées ou "
                       "reportées ; « réalisées » : celles que les documents disent réalisées dans la période.",
                       (prop.text + " (comptées à part)") if prop else ""])


def status(con, f: Filters, masked: bool = True) -> dict:
    """Actions of one plan per status."""
    acts = statements.actions(con, f)
    if acts is None or not acts.figure:
        return _fig("statuts", "Aucune action avec ces filtres", source="")
    sc = statements.scope(con, f)
    by = pd.DataFrame({"status": list(acts.details["by_status"]), "n": list(acts.details["by_status"].values())})
    by["order"] = by["status"].map({s: i for i, s in enumerate(queries.STATUS_ORDER)})
    by = by.sort_values("order").drop(columns="order")
    frame = by.rename(columns={"status": "Statut", "n": "Actions"})
    words = {"idée": "à l'état d'idée", "non renseigné": "sans statut renseigné"}
    parts = [f"{num(n)} {words.get(st_, 'au stade « ' + st_ + ' »')}" for st_, n in
             sorted(acts.details["by_status"].items(), key=lambda kv: -kv[1])]
    title = f"{sc['short_name']} : où en sont ses {plural(acts.figure, 'action')} ? " + ", ".join(parts)
    return _fig("statuts", title, frame=frame, chart={"kind": "bars", "x": "Actions", "y": "Statut", "color": "status"},
                source=_plan_sources(con, sc["plan_id"], f.council_id) + " ; statut d'après les documents")


def proposals_by_axis(con, f: Filters, plan_id: str) -> dict:
    """The proposals of a brainstorm per axis and origin: never counted as actions."""
    st_ = statements.proposals(con, plan_id, f.council_id)
    df = queries.run(con, "SELECT coalesce('Axe ' || ax.number || ' – ' || coalesce(ax.short_title, ax.title), 'Sans axe') "
                          "AS axis, min(coalesce(ax.number, 99)) AS o, count(*) AS n FROM proposal p "
                          "LEFT JOIN axis ax USING (council_id, axis_id) WHERE p.council_id = ? AND p.plan_id = ? "
                          "GROUP BY 1 ORDER BY 2", [f.council_id, plan_id])
    frame = df.rename(columns={"axis": "Axe", "n": "Propositions"})[["Axe", "Propositions"]]
    return _fig(f"avancement:{plan_id}", st_.text, frame=frame, chart={"kind": "bars", "x": "Propositions", "y": "Axe"},
                source=_sources(con, con.execute("SELECT DISTINCT source_id FROM proposal WHERE council_id = ? "
                                                 "AND plan_id = ?", [f.council_id, plan_id]).fetchall()[0]),
                notes=["Des idées recueillies en réunion, dont certaines répétées d'un axe à l'autre : elles ne sont "
                       "pas comptées avec les actions engagées."])


def progress(con, f: Filters, plan_id: str | None, masked: bool = True) -> dict:
    """Actions per axis of one plan, stacked by status (a brainstorm's plan: its proposals per axis)."""
    plans = queries.plans(con)
    row = plans[plans["plan_id"] == plan_id]
    if row.empty:
        return _fig(f"avancement:{plan_id}", "", source="")  # unknown plan: the caller says so
    if not row.iloc[0]["actions"] and con.execute("SELECT count(*) FROM proposal WHERE council_id = ? AND plan_id = ?",
                                                  [f.council_id, plan_id]).fetchone()[0]:
        return proposals_by_axis(con, f, plan_id)
    name = statements.plan_words(statements.plan_row(con, plan_id, f.council_id))
    df = queries.progress(con, replace(f, plan_id=plan_id), "axis")
    if df.empty:
        return _fig(f"avancement:{plan_id}", f"{name} : aucune action avec ces filtres", source="")
    totals = df.groupby("group_label", sort=False)["n"].sum()
    realised = int(df.loc[df["status"] == "réalisée", "n"].sum())
    labels = totals.index[totals.index != "Sans axe"]
    axes_n = int(labels.str.startswith("Axe ").sum())
    rubrics_n = int(labels.str.startswith("Rubrique ").sum())
    spread = (f"sur {plural(axes_n, 'axe')}" if axes_n else
              f"en {plural(rubrics_n, 'rubrique')} du compte rendu" if rubrics_n else "sans axe écrit")
    period = statements.period_words(f.period_start, f.period_end)
    lead = f"{name}, {period}" if f.period_start or f.period_end else name
    title = (f"{lead} : {plural(totals.sum(), 'action')} {spread}, "
             + (f"{num(realised)} réalisée{'s' if realised > 1 else ''}" if realised else "aucune encore réalisée"))
    frame = df[["group_label", "group_order", "status", "n"]].rename(
        columns={"group_label": "Axe", "status": "Statut", "n": "Actions"})
    frame["Axe"] = frame["Axe"].str.replace(r"^Rubrique ", "", regex=True)
    return _fig(f"avancement:{plan_id}", title, frame=frame,
                chart={"kind": "stack", "x": "Actions", "y": "Axe", "color": "Statut"},
                source=_plan_sources(con, plan_id, f.council_id))


def meetings_per_year(con, f: Filters, masked: bool = True) -> dict:
    """Meetings of the council's instances per year."""
    df = queries.meetings_per_year(con, f)
    if df.empty:
        return _fig("reunions", "Aucune réunion consignée dans cette période", source="")
    per_year = df.groupby("year")["meetings"].sum()
    dated, counted = int(df.loc[~df["counted"], "meetings"].sum()), int(df.loc[df["counted"], "meetings"].sum())
    title = (f"{num(dated)} réunions datées de {per_year.index.min()} à {per_year.index.max()}"
             + (f", et {num(counted)} réunions de groupes comptées sans date" if counted else ""))
    frame = df.rename(columns={"year": "Année", "instance_name": "Instance", "meetings": "Réunions"})
    # A column adds what it stacks: meetings counted without dates stand in a column of their own, never on
    # top of the dated ones (« 28 » over 2 dated and 26 counted said what no document says).
    frame["Année"] = [f"{y} (comptées)" if c else str(y) for y, c in zip(frame["Année"], df["counted"], strict=True)]
    return _fig("reunions", title, frame=frame[["Année", "Instance", "Réunions"]],
                chart={"kind": "columns", "x": "Année", "y": "Réunions", "color": "Instance"},
                source=_sources(con, ["doc-001", "doc-002"]) or "Comptes rendus et « Avancée des projets »",
                notes=["Les 26 réunions des groupes thématiques de 2021 sont comptées par la fiche n°15, "
                       "pas une à une.", _instances_note(con, f)])


def _instances_note(con, f: Filters) -> str:
    """Whether the COPIL and the plenary met in the slide's year (the period's, else the data's): said, even when not."""
    year = statements.one_year(f) or (statements.data_date(con, f.council_id) or dt.date.today()).year
    return statements.instances(con, year, f.council_id).text + "."


def attendance(con, f: Filters, masked: bool = True) -> dict:
    """Who takes part: attendance per role category (masked: « < 11 » for small user and carer counts)."""
    df = queries.attendance_by_role(con, f)
    if df.empty:
        return _fig("presences", "Les comptes rendus de cette période ne donnent pas les présences",
                    source="")
    shown = mask_counts(df) if masked else df.assign(masked=False, shown=df["count"].map(num))
    prof = shown.loc[shown["role_category"] == "professionnel", "count"]
    meetings = int(df["meetings"].max())
    title = (f"{num(prof.iloc[0])} présences de professionnels sur {num(meetings)} réunion"
             f"{'s' if meetings > 1 else ''} aux présences comptées" if len(prof) and pd.notna(prof.iloc[0])
             else "Qui participe aux réunions")
    frame = shown.rename(columns={"role_category": "Catégorie", "count": "Présences", "shown": "Affiché"})
    hidden = shown.loc[shown["masked"], "role_category"].tolist()
    return _fig("presences", title, frame=frame[["Catégorie", "Présences", "Affiché"]],
                chart={"kind": "bars", "x": "Présences", "y": "Catégorie", "label": "Affiché", "color": "role"},
                source="Listes de présence des comptes rendus, comptées par structure et catégorie ; aucun nom.",
                notes=[f"{', '.join(hidden).capitalize()} : moins de 11 personnes (effectif masqué)." if hidden else ""])


def last_meeting(con, f: Filters, masked: bool = True) -> dict:
    """The latest meeting with counted attendance: its participants (masked: « dont des usagers et des aidants »,
    never a total that leaves them out, which would change what the sentence is about)."""
    df = queries.meetings(con, f, False).dropna(subset=["participants"])
    if df.empty:
        return _fig("derniere-reunion", "Aucune réunion aux présences comptées dans cette période", source="")
    m = df.iloc[-1]
    roles = queries.attendance_detail(con, m["meeting_id"])
    by_role = roles.groupby("role_category")["count"].sum().to_dict() if len(roles) else {}
    said = statements.participants(int(m["participants"]), by_role, masked, f"à la réunion du {day(m['date'])}")
    figs = [{"label": "participants" + (", dont des usagers et des aidants" if "dont des" in said.text else ""),
             "value": num(m["participants"])},
            {"label": "structures représentées", "value": num(m["structures"])}]
    src = _sources(con, [con.execute("SELECT source_id FROM meeting WHERE council_id = ? AND meeting_id = ?",
                                     [f.council_id, m["meeting_id"]]).fetchone()[0]])
    return _fig("derniere-reunion", said.text, figures=figs, source=src,
                notes=[m["instance_name"],
                       "Les effectifs de 1 à 10 usagers ou aidants ne sont pas donnés à l'écran projeté." if masked
                       else ""])


def f15_indicators(con, year: int | None = None) -> dict:
    """Process and result indicators of sheet n°15 with their values per year."""
    df = queries.indicator_values(con, F15)
    if year is not None:
        df = df[(df["period_start"].isna()) | (pd.to_datetime(df["period_start"]).dt.year == year)]
    with_value = df.dropna(subset=["value"])
    units = dict(con.execute("SELECT indicator_id, unit FROM indicator WHERE council_id = ? AND list_contains(?, indicator_id)",
                             [current_council(), F15]).fetchall())
    figs = []
    for r in with_value.itertuples():
        label = (r.value_text or r.label).replace(num(r.value), "", 1).strip()
        short = label if len(label) <= 40 or not units.get(r.indicator_id) else f"{units[r.indicator_id]} mobilisés"
        figs.append({"label": label, "short": short, "value": num(r.value), "period": r.period_label})
    years = sorted({r.period_label for r in with_value.itertuples()})
    title = ((f"En {years[0]}, " if len(years) == 1 else "")
             + " et ".join(f"{x['value']} {x['short']}" for x in figs[:2]) + " (fiche n°15)"
             ) if figs else "Fiche n°15 : aucune valeur renseignée"
    table = df[["kind", "label", "period_label", "value", "value_text"]].rename(columns={
        "kind": "Type", "label": "Indicateur", "period_label": "Année", "value": "Valeur", "value_text": "Précision"})
    return _fig("fiche15", title, figures=figs[:4], frame=table, source=_sources(con, df["source_id"]),
                notes=["Indicateurs sans valeur : les documents ne les donnent pas."
                       if df["value"].isna().any() else ""])


def sism(con, f: Filters, masked: bool = True) -> dict:
    """SISM editions: participants per year and the finding of the biggest edition."""
    ev = queries.events(con, f, "SISM")
    counted = ev.dropna(subset=["participants_count"])
    if counted.empty:
        return _fig("sism", "Les documents ne donnent pas les participants des SISM de cette période",
                    source=_event_sources(con, ev["event_id"], f.council_id))
    best = counted.loc[counted["participants_count"].idxmax()]
    before = counted[counted["year"] < best["year"]]
    title = f"La SISM {best['year']} a réuni {num(best['participants_count'])} participants"
    if len(before):
        prev = before.iloc[-1]
        ratio = best["participants_count"] / prev["participants_count"] if prev["participants_count"] else 0
        if ratio >= 2 and float(ratio).is_integer() and int(ratio) in TIMES:
            title += f", {TIMES[int(ratio)]} fois plus qu'en {prev['year']}"
        elif ratio > 1:
            title += f", contre {num(prev['participants_count'])} en {prev['year']}"
    frame = ev[["year", "title", "participants_count", "events_count", "partners_count"]].rename(columns={
        "year": "Année", "title": "Thème", "participants_count": "Participants", "events_count": "Événements",
        "partners_count": "Partenaires"})
    frame["Année"] = frame["Année"].astype(str)
    missing = ev.loc[ev["participants_count"].isna(), "year"].astype(str).tolist()
    return _fig("sism", title, frame=frame, chart={"kind": "bars", "x": "Participants", "y": "Année"},
                source=_event_sources(con, ev["event_id"], f.council_id),
                notes=[f"Participants non renseignés dans les documents : {', '.join(missing)}." if missing else ""])


def awareness(con, f: Filters, masked: bool = True) -> dict:
    """Awareness sessions and other events (sessions and people reached, as the documents give them)."""
    ev = queries.events(con, f)
    ev = ev[ev["kind"] != "SISM"]
    if ev.empty:
        return _fig("sensibilisation", "Aucune session de sensibilisation ni événement dans cette période", source="")
    aw = ev[ev["kind"] == "sensibilisation"]
    others = ev[ev["kind"] != "sensibilisation"]
    sessions = aw["sessions_count"].sum()
    counted = aw.dropna(subset=["participants_count"])
    people = counted["participants_count"].sum()
    years = sorted(set(aw["year"]))
    span = (f"en {years[0]}" if len(years) == 1 else f"de {years[0]} à {years[-1]}") if years else ""
    title = (f"{plural(sessions, 'session')} de sensibilisation en santé mentale {span}" if len(aw)
             else f"{plural(len(others), 'événement')} sans session de sensibilisation")
    if len(aw) and len(others):
        title += f", et {plural(len(others), 'autre événement', 'autres événements')}"
    counted_years = sorted(set(counted["year"]))
    who = ("personnes sensibilisées en " + ", ".join(map(str, counted_years))
           + ((" (seule année où les documents les comptent)" if len(counted_years) == 1 else " (seules années où les documents les comptent)") if len(counted_years) < len(years) else "")
           if counted_years else "personnes sensibilisées : non données")
    frame = ev[["year", "kind", "title", "sessions_count", "participants_count"]].rename(columns={
        "year": "Année", "kind": "Type", "title": "Intitulé", "sessions_count": "Sessions",
        "participants_count": "Participants"})
    figs = [{"label": "sessions de sensibilisation", "value": num(sessions)},
            {"label": who, "value": num(people) if counted_years else "non renseigné"}]
    return _fig("sensibilisation", title, figures=figs, frame=frame, source=_event_sources(con, ev["event_id"], f.council_id))


def history(con, f: Filters, masked: bool = True) -> dict:
    """The council's milestones per year."""
    ms = queries.milestones(con, f)
    if ms.empty:
        return _fig("histoire", "Aucune étape de l'histoire du CLSM dans cette période", source="")
    per = ms.groupby("year_start").size().reset_index(name="Étapes").rename(columns={"year_start": "Année"})
    per["Année"] = per["Année"].astype(str)
    title = f"Le CLSM de {ms['year_start'].min()} à {ms['year_end'].max()} : {num(len(ms))} étapes marquantes"
    return _fig("histoire", title, frame=per, chart={"kind": "columns", "x": "Année", "y": "Étapes"},
                source=_sources(con, ["doc-001", "doc-002"]))


def sectors(con, f: Filters, masked: bool = True) -> dict:
    """Partner structures per sector."""
    pts = queries.structure_points(con, f)
    if pts.empty:
        return _fig("secteurs", "Aucune structure avec ces filtres", source="")
    per = pts.groupby("sector").size().reset_index(name="Structures").sort_values("Structures", ascending=False)
    per = per.rename(columns={"sector": "Secteur"})
    said = statements.structures(con, f.council_id)
    whole = len(pts) == said.figure
    title = (f"{plural(len(pts), 'structure nommée', 'structures nommées')} dans les documents, "
             f"{plural(len(per), 'secteur')}")
    counted = said.details.get("counted")
    notes = [f"Structures nommées dans les documents, pas le nombre de membres : la {said.details['counted_source']} "
             f"(CLS 2017-2020) compte « {num(counted)} structures identifiées qui composent le CLSM »."
             if counted and whole else ""]
    return _fig("secteurs", title, frame=per, chart={"kind": "bars", "x": "Structures", "y": "Secteur"},
                source="Les structures nommées dans les cinq documents du CLSM", notes=notes)


def meetings_table(con, f: Filters, masked: bool = True) -> dict:
    """The meetings list (participants without users and carers when masked)."""
    df = queries.meetings(con, f, masked)
    frame = pd.DataFrame({"Date": df["date"], "Instance": df["instance_name"], "Intitulé": df["title"],
                          "Participants": df["participants"], "Structures": df["structures"]})
    return _fig("reunions-liste", f"{plural(len(df), 'réunion datée', 'réunions datées')}", frame=frame,
                source=_sources(con, df["source_id"]) if "source_id" in df else "",
                notes=["Participants hors usagers et aidants (petits effectifs masqués)." if masked else ""])


# ---------------------------------------------------------------- the catalogue of slides

Builder = Callable[..., dict]
CATALOGUE: dict[str, tuple[str, Builder]] = {
    "chiffres": ("Le CLSM en chiffres", key_figures),
    "statuts": ("Où en sont les actions", status),
    "reunions": ("Réunions par année et instance", meetings_per_year),
    "derniere-reunion": ("Dernière réunion aux présences comptées", last_meeting),
    "presences": ("Qui participe aux réunions", attendance),
    "fiche15": ("Indicateurs de la fiche n°15", lambda con, f, masked=True: f15_indicators(con)),
    "sism": ("Semaines d'information sur la santé mentale", sism),
    "sensibilisation": ("Sensibilisation et événements", awareness),
    "histoire": ("Histoire du CLSM", history),
    "secteurs": ("Les partenaires par secteur", sectors),
}
PARAMETRISED = {"avancement": ("Avancement par axe d'un plan", progress)}


def catalogue(con) -> dict[str, str]:
    """Every slide id the coordinator may put in a sequence -> its name (one progress slide per plan)."""
    out = {k: v[0] for k, v in CATALOGUE.items()}
    with_proposals = {r[0] for r in con.execute("SELECT DISTINCT plan_id FROM proposal WHERE council_id = ?",
                                                [current_council()]).fetchall()}
    for r in queries.plans(con).itertuples():
        if r.actions:
            out[f"avancement:{r.plan_id}"] = f"Avancement par axe — {r.short_name}"
        elif r.plan_id in with_proposals:
            out[f"avancement:{r.plan_id}"] = f"Pistes d'actions par axe — {r.short_name}"
    return out


def build_slide(con, slide_id: str, f: Filters, masked: bool = True) -> dict | None:
    """The figure of one catalogue slide, or None when the id is unknown (the caller says it was skipped).

    A slide may carry its own filters after « @ », as URL parameters: `sism@du=2019-01-01&au=2021-12-31`,
    `avancement:pistes-2021@axe=p21-a2`; they apply over `f` and the slide states them (fig["filters"]).
    """
    if "@" in slide_id:
        from urllib.parse import parse_qsl

        from clsm_data.read.filters import describe, from_params

        base_id, _, query = slide_id.partition("@")
        try:
            own = from_params(dict(parse_qsl(query)), f)
        except ValueError:
            return None
        fig = build_slide(con, base_id, own, masked)
        if fig is not None:
            fig["filters"] = describe(own, filter_labels(con))
        return fig
    if slide_id in CATALOGUE:
        return CATALOGUE[slide_id][1](con, f, masked)
    kind, _, param = slide_id.partition(":")
    if kind in PARAMETRISED and param:
        fig = PARAMETRISED[kind][1](con, f, param, masked)
        return fig if fig["title"] else None
    return None


# ---------------------------------------------------------------- charts: clsm_data.present.charts (one palette)

chart = figure_chart  # the name slides, deck and report call


def hidden_label() -> str:
    return HIDDEN


def compute(con, sequence_id: str, f, masked: bool = True) -> dict | None:
    """Every figure of a sequence, computed now: {"id", "name", "at", "figures", "skipped"}; None if unknown.

    Unknown slide ids (a slide removed from the catalogue) are skipped and listed in "skipped".
    """
    found = sequences.get(con, sequence_id)
    if found is None:
        return None
    name, ids = found
    figs, skipped = [], []
    for sid in ids:
        fig = build_slide(con, sid, f, masked=masked)
        if fig is None:
            skipped.append(sid)
        else:
            figs.append(fig)
    return {"id": sequence_id, "name": name, "at": dt.datetime.now().replace(second=0, microsecond=0),
            "figures": figs, "skipped": skipped}
