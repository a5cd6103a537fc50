"""The annual report (bilan annuel, sheet n°15 « Suivi : bilan annuel ») for one year, as PDF and .docx.

One document model (a list of blocks) is built from the figures (figures.py), then written by two
renderers: fpdf2 for the PDF (DejaVu Sans shipped in static/fonts and embedded, so the narrow
no-break space prints right; text only: it reads no image, no file and no URL from the text) and
python-docx for the editable .docx. The coordinator's text per section is stored in `report_text`
(written through the audited write path) and always printed as plain text: markup stays as typed.
French typography: « », narrow no-break spaces before : ; ! ? and inside guillemets, « 18 novembre 2021 ».
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd

from . import figures, queries
from .db import has_table, table_checksums
from .errors import ClsmError
from .filters import Filters
from .office import to_docx, to_pdf
from .privacy import mask_counts
from .roles import Caller, require_coordinator
from .writes import ImportPlan, ImportResult, TableChange, apply_plan

SECTIONS = {
    "introduction": "Introduction",
    "chiffres": "Le conseil en chiffres",
    "gouvernance": "Gouvernance : les instances réunies",
    "avancement": "Avancement par axe et réalisations",
    "indicateurs": "Indicateurs de la fiche n°15",
    "participation": "Participation et SISM au fil des années",
    "evenements": "Événements et sensibilisations",
    "lacunes": "Ce que les documents ne donnent pas",
}


# ---------------------------------------------------------------- the coordinator's texts


def texts(con, year: int) -> dict[str, str]:
    """The coordinator's text per section for a year (sections without text are absent)."""
    if not has_table(con, "report_text"):
        return {}
    rows = con.execute("SELECT section, text FROM report_text WHERE year = ? AND text IS NOT NULL", [year]).fetchall()
    return {s: t for s, t in rows if str(t).strip()}


def save_text(con: duckdb.DuckDBPyConnection, caller: Caller, year: int, section: str, text: str) -> ImportResult:
    """Store the coordinator's text of one section (one audited write).

    Raises:
        PermissionDenied: the caller is not the coordination.
        ClsmError: an unknown section.
    """
    require_coordinator(caller)
    if section not in SECTIONS:
        raise ClsmError(f"Section inconnue : « {section} ».")
    cols = ["year", "section", "text"]
    row = {"year": int(year), "section": section, "text": (text or "").strip() or None}
    old = con.execute("SELECT year, section, text FROM report_text WHERE year = ? AND section = ?",
                      [int(year), section]).fetchone()
    change = TableChange("report_text", cols)
    if old is None:
        change.added.append(row)
    elif dict(zip(cols, old, strict=True)) == row:
        change.unchanged.append(row)
    else:
        change.updated.append((dict(zip(cols, old, strict=True)), row))
    plan = ImportPlan(origin=f"bilan {year} : texte « {SECTIONS[section]} »", changes={"report_text": change},
                      base=table_checksums(con, ["report_text"]), operation="texte du bilan annuel")
    return apply_plan(con, caller, plan, backup=False)


# ---------------------------------------------------------------- the document model


def _table(df: pd.DataFrame) -> tuple:
    head = [str(c) for c in df.columns]
    rows = [["non renseigné" if v is None or (not isinstance(v, str) and pd.isna(v)) else
             (figures.num(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)) for v in r]
            for r in df.itertuples(index=False, name=None)]
    return ("table", head, rows)


def default_year(con) -> int:
    """The latest year with a meeting or an event (the year a bilan is usually written for)."""
    row = con.execute(
        "SELECT max(y) FROM (SELECT max(year(date)) AS y FROM meeting UNION ALL SELECT max(year) FROM event)"
    ).fetchone()
    return int(row[0]) if row and row[0] else dt.date.today().year


def model(con, year: int, masked: bool = False, now: dt.datetime | None = None, charts: bool = True) -> dict:
    """Every block of the report for `year`: {"title", "blocks": [...], "empty": bool}.

    Blocks: ("h1", text), ("p", text), ("figures", [(value, label)]), ("table", head, rows),
    ("image", png bytes), ("source", text), ("coord", text).
    """
    now = now or dt.datetime.now().replace(second=0, microsecond=0)
    f = Filters(period_start=dt.date(year, 1, 1), period_end=dt.date(year, 12, 31))
    council = figures.council(con)
    words = texts(con, year)
    b: list[tuple] = []

    def section(key: str) -> None:
        b.append(("h1", SECTIONS[key]))
        if key in words:
            b.append(("coord", words[key]))

    h = queries.headline(con, f, masked)
    meetings = queries.meetings(con, f, masked)
    events = queries.events(con, f)
    f15 = queries.indicator_values(con, figures.F15)
    f15_year = f15[pd.to_datetime(f15["period_start"]).dt.year == year].dropna(subset=["value"])
    dated_actions = con.execute("SELECT count(*) FROM v_action WHERE year(start_date) <= ? AND year(end_date) >= ?",
                                [year, year]).fetchone()[0]
    empty = not (len(meetings) or len(events) or len(f15_year) or dated_actions)

    cover = {
        "title": f"Bilan annuel {year}",
        "lines": [council["name"], council.get("territory") or "",
                  "Suivi : bilan annuel (fiche action n°15, coordination du CLSM)",
                  f"Document produit le {figures.long_date(now)}, {figures.stamp(now)}",
                  "Version partenaires : effectifs de 1 à 10 usagers ou aidants masqués" if masked
                  else "Version de la coordination : effectifs complets"],
    }
    if "introduction" in words:
        section("introduction")
    if empty:
        b.append(("h1", "Aucune donnée pour cette année"))
        b.append(("p", f"Les documents du CLSM ne donnent aucune donnée pour {year} : ni réunion, ni événement, "
                       "ni valeur d'indicateur, ni action datée. Ce bilan ne contient donc aucun chiffre."))
        return {"title": cover["title"], "cover": cover, "blocks": b, "empty": True, "masked": masked}

    section("chiffres")
    who = "participants hors usagers et aidants" if masked else "participants aux réunions aux présences comptées"
    b.append(("figures", [(figures.num(len(meetings)), "réunions des instances consignées"),
                          (figures.num(h["participants"]) if h["participants"] is not None else "non renseigné", who),
                          (figures.num(len(events)), "événements (SISM, sensibilisations, séminaires)"),
                          *[(figures.num(r.value), (r.value_text or r.label).replace(figures.num(r.value), "", 1).strip())
                            for r in f15_year.itertuples()]]))
    b.append(("source", "Comptes rendus de réunions, « Avancée des projets » et fiche n°15 (tables meeting, event, "
                        "indicator_value)."))

    section("gouvernance")
    if meetings.empty:
        b.append(("p", f"Aucune réunion des instances n'est consignée pour {year}."))
    else:
        last = figures.last_meeting(con, f, masked)
        if last["figures"]:
            b.append(("p", f"{last['title'].replace(figures.day(meetings['date'].max()), figures.long_date(meetings['date'].max()))}, "
                           f"{last['figures'][1]['value']} structures représentées."))
        table = pd.DataFrame({"Date": [figures.long_date(d) for d in meetings["date"]], "Instance": meetings["instance_name"],
                              "Participants": meetings["participants"], "Structures": meetings["structures"]})
        b.append(_table(table))
        by_role = queries.attendance_by_role(con, f)
        if not by_role.empty:
            shown = mask_counts(by_role) if masked else by_role.assign(shown=by_role["count"].map(figures.num))
            b.append(("p", "Présences par catégorie (réunions aux présences comptées) :"))
            b.append(_table(shown[["role_category", "shown"]].rename(columns={"role_category": "Catégorie",
                                                                            "shown": "Présences"})))
        if masked:
            b.append(("p", "Participants : hors usagers et aidants, dont les effectifs de 1 à 10 sont masqués (« < 11 »)."))
        b.append(("source", "Comptes rendus des réunions ; présence comptée par structure et catégorie, sans nom."))

    section("avancement")
    prog = queries.progress(con, f, "axis")
    if prog.empty:
        b.append(("p", f"Aucune action suivie n'est rattachée à {year}."))
    else:
        wide = prog.pivot_table(index=["group_order", "group_label"], columns="status", values="n", aggfunc="sum",
                                fill_value=0).reset_index().sort_values("group_order").drop(columns="group_order")
        wide.insert(1, "Total", wide.drop(columns="group_label").sum(axis=1))
        b.append(_table(wide.rename(columns={"group_label": "Axe"})))
        done = queries.actions(con, replace_status(f, "réalisée"))
        if done.empty:
            b.append(("p", f"Les documents ne signalent aucune action réalisée en {year}."))
        else:
            b.append(("p", "Actions réalisées : " + " ; ".join(done["title"]) + "."))
        b.append(("source", "Pistes d'actions, programme et fiches actions (table action) ; une action sans dates "
                            "est comptée dans chaque année."))

    section("indicateurs")
    ind = f15.assign(Valeur=f15["value"].map(lambda v: figures.num(v, "non renseigné")))
    b.append(_table(ind[["kind", "label", "period_label", "Valeur"]].fillna("").rename(columns={
        "kind": "Type", "label": "Indicateur", "period_label": "Année"})))
    b.append(("source", "Fiche action n°15 ; valeurs : " + (figures._sources(con, f15["source_id"]) or "aucune")))

    section("participation")
    everything = Filters()
    # Dated meetings and meetings only counted for a year (26 group meetings in 2021) stay in two columns:
    # one sum would say what no document says.
    per_year = queries.meetings_per_year(con, everything).pivot_table(
        index="year", columns="counted", values="meetings", aggfunc="sum").reindex(columns=[False, True])
    per_year = per_year.reset_index().rename(columns={
        "year": "Année", False: "Réunions datées", True: "Réunions comptées sans date (groupes)"})
    per_year.columns.name = None
    for col in per_year.columns[1:]:
        per_year[col] = per_year[col].map(lambda v: "—" if v != v else figures.num(v))
    b.append(_table(per_year.astype(str)))
    sism = figures.sism(con, everything, masked)
    b.append(("p", sism["title"] + "."))
    png = figures.chart_png(sism, scale=2.0, font=26, width=1400, height=420) if charts else None
    if png:
        b.append(("image", png))
    b.append(_table(sism["frame"]))
    b.append(("source", sism["source"]))

    section("evenements")
    if events.empty:
        b.append(("p", f"Aucun événement ni session de sensibilisation consigné pour {year}."))
    else:
        b.append(_table(pd.DataFrame({"Type": events["kind"], "Intitulé": events["title"],
                                      "Sessions": events["sessions_count"], "Participants": events["participants_count"]})))
        b.append(("source", figures._event_sources(con, events["event_id"])))

    section("lacunes")
    gaps = []
    missing = f15[f15["value"].isna()]["label"].drop_duplicates().tolist()
    gaps += [f"Indicateur de la fiche n°15 sans valeur : {m}" for m in missing]
    no_count = meetings[meetings["participants"].isna()]
    gaps += [f"Réunion du {figures.day(r.date)} ({r.instance_name}) : présences non données" for r in no_count.itertuples()]
    sism_year = events[(events["kind"] == "SISM") & events["participants_count"].isna()]
    gaps += [f"SISM {r.year} : nombre de participants non donné" for r in sism_year.itertuples()]
    unknown_status = int((prog["status"] == "non renseigné").sum()) if not prog.empty else 0
    if unknown_status:
        gaps.append("Actions dont le statut n'est pas renseigné")
    b.append(("list", gaps or ["Rien de signalé pour cette année."]))
    return {"title": cover["title"], "cover": cover, "blocks": b, "empty": False, "masked": masked}


def replace_status(f: Filters, status: str) -> Filters:
    from dataclasses import replace

    return replace(f, status=status)


def build(con, year: int, fmt: str = "pdf", masked: bool = False) -> bytes:
    """The report of `year` as PDF or .docx bytes."""
    doc = model(con, year, masked)
    if fmt == "pdf":
        return to_pdf(doc)
    if fmt == "docx":
        return to_docx(doc)
    raise ClsmError(f"Format inconnu : « {fmt} ».", "Choisissez pdf ou docx.")


def write(con, year: int, fmt: str, path: Path, masked: bool = False) -> Path:
    """Write the report to `path`; returns the path."""
    path = Path(path)
    path.write_bytes(build(con, year, fmt, masked))
    return path
