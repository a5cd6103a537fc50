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

from clsm_data.core.config import current_council
from clsm_data.core.errors import ClsmError
from clsm_data.core.roles import Caller, require_coordinator
from clsm_data.followup import year as followup
from clsm_data.followup.texts import SECTIONS  # noqa: F401 (pages read report.SECTIONS)
from clsm_data.present import figures, fmt, headlines
from clsm_data.present.office import to_docx, to_pdf
from clsm_data.read import queries, statements
from clsm_data.read.filters import Filters
from clsm_data.read.privacy import mask_counts
from clsm_data.store.db import has_table, table_checksums
from clsm_data.store.writes import ImportPlan, ImportResult, TableChange, apply_plan

# ---------------------------------------------------------------- the coordinator's texts


def texts(con, year: int) -> dict[str, str]:
    """The coordinator's text per section for a year (sections without text are absent)."""
    if not has_table(con, "report_text"):
        return {}
    rows = con.execute("SELECT section, text FROM report_text WHERE council_id = ? AND year = ? AND text IS NOT NULL",
                       [current_council(), year]).fetchall()
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
    old = con.execute("SELECT year, section, text FROM report_text WHERE council_id = ? AND year = ? AND section = ?",
                      [current_council(), int(year), section]).fetchone()
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
             (fmt.num(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)) for v in r]
            for r in df.itertuples(index=False, name=None)]
    return ("table", head, rows)


def default_year(con) -> int:
    """The latest year with a meeting or an event (the year a bilan is usually written for)."""
    row = con.execute(
        "SELECT max(y) FROM (SELECT max(year(date)) AS y FROM meeting WHERE council_id = $c "
        "UNION ALL SELECT max(year) FROM event WHERE council_id = $c) AS latest", {"c": current_council()}
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

    meetings = queries.meetings(con, f, masked)
    events = queries.events(con, f)
    f15 = queries.indicator_values(con, figures.F15)
    f15_year = f15[pd.to_datetime(f15["period_start"]).dt.year == year].dropna(subset=["value"])
    dated_actions = con.execute("SELECT count(*) FROM v_action WHERE council_id = ? AND year(start_date) <= ? "
                                "AND year(end_date) >= ?", [f.council_id, year, year]).fetchone()[0]
    empty = not (len(meetings) or len(events) or len(f15_year) or dated_actions)

    state = headlines.validation_line(con, year)
    cover = {
        "title": f"Bilan annuel {year}",
        "lines": [council["name"], council.get("territory") or "",
                  "Suivi : bilan annuel (fiche action n°15, coordination du CLSM)",
                  state,
                  f"Document produit le {fmt.long_date(now)}",
                  "Version partenaires : effectifs de 1 à 10 usagers ou aidants masqués" if masked
                  else "Version de la coordination : effectifs complets"],
    }
    footer = f"Bilan annuel {year} · {state[0].lower() + state[1:]}"
    facts = statements.achievements(con, year)
    empty = empty and facts.empty
    if "introduction" in words:
        section("introduction")
    if empty:
        b.append(("h1", "Aucune donnée pour cette année"))
        b.append(("p", f"Les documents du CLSM ne donnent aucune donnée pour {year} : ni réunion, ni événement, "
                       "ni valeur d'indicateur, ni action datée, ni fait marquant. Ce bilan ne contient donc aucun chiffre."))
        return {"title": cover["title"], "cover": cover, "blocks": b, "empty": True, "masked": masked, "footer": footer}

    inst = statements.instances(con, year)
    frozen = followup.validated_year(con, year)  # what the COPIL validated is what the bilan states
    late = followup.corrections(con, year) if frozen else []
    section("chiffres")
    full = queries.meetings(con, f, False)
    total = full["participants"].dropna()
    roles = queries.attendance_by_role(con, f)
    by_role = dict(zip(roles["role_category"], roles["count"], strict=True)) if len(roles) else {}
    said = statements.participants(int(total.sum()) if len(total) else None, by_role, masked,
                                   "aux réunions aux présences comptées")
    n_inst, n_meet, n_part, n_ev, n_facts = inst.figure, len(meetings), said.figure, len(events), len(facts)
    if frozen:
        n_inst, n_meet = frozen.get("instances", n_inst), frozen.get("meetings", n_meet)
        n_part, n_ev, n_facts = frozen.get("participants_all", n_part), frozen.get("events", n_ev), frozen.get("facts", n_facts)
        b.append(("p", f"Chiffres validés par le COPIL le {fmt.day(frozen['validated_on'])}"
                       + (" ; ce qui a été écrit depuis est donné à part, « après validation »." if late else ".")))
    b.append(("p", inst.text + "."))
    def w(n, one: str, many: str) -> str:  # « 1 événement », « 0 réunion », « 2 réunions »
        return one if n is not None and abs(n) < 2 else many

    b.append(("figures", [(fmt.num(n_inst), w(n_inst, "réunion", "réunions")
                           + f" du comité de pilotage ou de l'assemblée plénière en {year}"),
                          (fmt.num(n_meet), w(n_meet, "réunion datée", "réunions datées") + f" en {year} (toutes réunions)"),
                          (fmt.num(n_part) if n_part is not None else "non renseigné",
                           said.text.split(" ", 1)[1] if said.figure is not None else "participants"),
                          (fmt.num(n_ev), w(n_ev, "événement", "événements") + f" en {year} (SISM, sensibilisations, séminaires)"),
                          *[(fmt.num(r.value), (r.value_text or r.label).replace(fmt.num(r.value), "", 1).strip())
                            for r in f15_year.itertuples()],
                          (fmt.num(n_facts), w(n_facts, "fait marquant rapporté", "faits marquants rapportés")
                           + f" par les documents pour {year}")]))
    if late:
        b.append(("p", f"Après validation (écrit depuis le {fmt.day(frozen['validated_on'])}, hors chiffres validés) :"))
        b.append(("list", late))
    b.append(("source", figures._sources(con, list(full.get("source_id", [])) + ["doc-002", "doc-004"])
              or "Comptes rendus de réunions et fiche n°15"))

    section("gouvernance")
    b.append(("p", inst.text + "."))
    if meetings.empty:
        b.append(("p", f"Aucune réunion datée n'est consignée pour {year}."))
    else:
        b.append(("p", f"Les réunions datées de {year}, chacune nommée pour ce qu'elle est (instance, réunion "
                       "d'information, restitution des groupes) :"))
        known = full.set_index("meeting_id")["participants"]
        after = followup.written_after_validation(con, year, "meeting")
        table = pd.DataFrame({
            "Date": [fmt.long_date(d) for d in meetings["date"]],
            "Réunion": [n + (" (après validation)" if m in after else "")
                        for n, m in zip(meetings["instance_name"], meetings["meeting_id"], strict=True)],
            "Participants": [fmt.num(known.get(m)) if pd.notna(known.get(m)) else "non donnés"
                             for m in meetings["meeting_id"]],
            "Structures": [fmt.num(n) if pd.notna(known.get(m)) else "non données"
                           for m, n in zip(meetings["meeting_id"], meetings["structures"], strict=True)]})
        b.append(_table(table))
        if said.figure is not None:
            b.append(("p", cap(said.text) + "."))
        if not roles.empty:
            shown = mask_counts(roles) if masked else roles.assign(shown=roles["count"].map(fmt.num))
            b.append(("p", "Présences par catégorie (réunions aux présences comptées) :"))
            b.append(_table(shown[["role_category", "shown"]].rename(columns={"role_category": "Catégorie",
                                                                            "shown": "Présences"})))
        b.append(("source", "Comptes rendus des réunions ; présence comptée par structure et catégorie, sans nom."))

    section("faits")
    if facts.empty:
        b.append(("p", f"Les documents ne rapportent aucun fait marquant pour {year}."))
    else:
        b.append(("p", statements.achievements_statement(con, year).text + " :"))
        b.append(("list", [_when(r.date, r.date_precision) + r.title + f" (« {r.source_title} »)"
                           for r in facts.itertuples()]))
        b.append(("source", figures._sources(con, facts["source_id"])))

    section("avancement")
    shown_plans = 0
    prog = pd.DataFrame()
    for p in statements.plans_with_actions(con).itertuples():
        pf = Filters(plan_id=p.plan_id, period_start=f.period_start, period_end=f.period_end)
        sc = statements.scope(con, pf)
        acts = statements._plan_actions(con, pf, sc)
        acts = acts[statements._in_period(acts, sc["start"], sc["end"])]
        if acts.empty:
            continue
        shown_plans += 1
        real = statements.realised(con, pf)
        was = (frozen or {}).get("plans", {}).get(p.plan_id)
        b.append(("p", (was["text"] if was else real.text) + "."))
        b.append(_table(pd.DataFrame({"Action": acts["title"], "Statut": acts["status"]})))
        prog = pd.concat([prog, acts])
    written = statements.coordinator_words(con, year)
    if written:  # the year's comments, the « pourquoi » of statuses, the remarks of realisations
        b.append(("p", "Ce qu'écrit la coordination pour " + str(year) + " :"))
        b.append(("list", written))
    if not shown_plans:
        b.append(("p", f"Aucun plan d'actions ne couvre {year} dans les documents : ce qui a été fait cette année "
                       "est dans les faits marquants ci-dessus."))
    upcoming = [p for p in statements.plans_with_actions(con).itertuples() if pd.notna(p.year_start) and p.year_start == year + 1]
    for p in upcoming:
        row = statements.plan_row(con, p.plan_id)
        b.append(("p", f"Préparé pour {year + 1}, hors bilan {year} : {statements.plan_words(row)}, "
                       f"{statements.plural(p.actions, 'action')}."))
    b.append(("source", "Fiches actions, programme et comptes rendus ; une action sans dates est placée dans les "
                        "années de son plan."))

    section("indicateurs")
    ind = f15.assign(Valeur=f15["value"].map(lambda v: fmt.num(v, "non renseigné")))
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
        per_year[col] = per_year[col].map(lambda v: "—" if v != v else fmt.num(v))
    b.append(_table(per_year.astype(str)))
    sism = figures.sism(con, everything, masked)
    this_year = events[events["kind"] == "SISM"] if not events.empty else events
    if this_year.empty:
        b.append(("p", f"Aucune Semaine d'information sur la santé mentale n'est consignée pour {year}."))
    years = queries.events(con, everything, "SISM")["year"]
    if len(years):
        b.append(("p", f"Les SISM de {years.min()} à {years.max()} : " + sism["title"][0].lower() + sism["title"][1:] + "."))
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
        b.append(("source", figures._event_sources(con, events["event_id"], f.council_id)))

    section("lacunes")
    gaps = []
    missing = f15[f15["value"].isna()]["label"].drop_duplicates().tolist()
    gaps += [f"Indicateur de la fiche n°15 sans valeur : {m}" for m in missing]
    no_count = meetings[meetings["participants"].isna()]
    gaps += [f"Réunion du {fmt.day(r.date)} ({r.instance_name}) : présences non données" for r in no_count.itertuples()]
    sism_year = events[(events["kind"] == "SISM") & events["participants_count"].isna()]
    gaps += [f"SISM {r.year} : nombre de participants non donné" for r in sism_year.itertuples()]
    unknown_status = int((prog["status"] == "non renseigné").sum()) if not prog.empty and "status" in prog else 0
    if unknown_status:
        gaps.append("Actions dont le statut n'est pas renseigné")
    b.append(("list", gaps or ["Rien de signalé pour cette année."]))
    return {"title": cover["title"], "cover": cover, "blocks": b, "empty": False, "masked": masked, "footer": footer}


def _when(date, precision) -> str:
    """« 27/05/2021 : », « août 2021 : » or nothing, for a fact of the year."""
    if date is None or pd.isna(date):
        return ""
    if precision == "mois":
        return f"{fmt.MONTHS[pd.Timestamp(date).month - 1]} {pd.Timestamp(date).year} : "
    return f"{fmt.day(date)} : "


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


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
