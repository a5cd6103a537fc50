"""An action sheet laid out as the council's sheets (n°15, n°32), as a document model, PDF or .docx.

Only what the sheet gives is shown: a rubric without a value is left out, and one short line names the
rubrics the documents leave empty. The status is told as dated facts (what the sheet ticks, what later
documents or the coordinator record, each with its date and document), with what the coordinator wrote:
the comment of each year, the « pourquoi » of a dated status, the remark of a realisation. Documents are
named by their titles, never by their ids. `rubrics` and `follow_up` are shared with the Streamlit page
(components/sheet.py).
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from clsm_data.core.config import current_council
from clsm_data.core.errors import ClsmError
from clsm_data.present import fmt
from clsm_data.present.office import to_docx, to_pdf
from clsm_data.read import queries, statements

MONTHS = fmt.MONTHS
ROLES = {"partenaire principal": "Partenaires principaux de mise en œuvre", "partenaire": "Autres partenaires",
         "financeur": "Financeurs"}
# The sheet's rubrics a reading of common/reading.csv may be about (column of `action` -> label).
COLUMN_LABELS = {
    "status": "Statut", "funders": "Financements pressentis", "period_label": "Période de réalisation",
    "typology": "Typologie", "origin": "Origine", "title": "Intitulé", "publics": "Public visé",
    "territory": "Territoire d'intervention", "duration": "Durée", "budget_eur": "Budget prévisionnel",
}


def given(value) -> bool:
    """True for a value a reader can be shown: not None, NaN, NaT nor blank text."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip()) and value.strip().lower() not in ("nan", "none", "nat")
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


def when(date, precision: str | None = None, year=None) -> str:
    """A date at the precision the documents give: « 18/11/2021 », « octobre 2020 », « 2020 »."""
    if not given(date):
        return str(int(year)) if given(year) else ""
    return fmt.date(date, precision)


def _period(a: dict) -> str:
    text = str(a["period_label"]) if given(a.get("period_label")) else ""
    if given(a.get("start_date")) and a.get("period_precision") not in ("année", None) and not text:
        start, end = when(a["start_date"], a.get("period_precision")), when(a.get("end_date"), a.get("period_precision"))
        text = start if not end or end == start else f"{start} – {end}"
    return text


def _yes_no(value) -> str | None:
    return None if not given(value) else ("Oui" if value else "Non")


def _budget(a: dict) -> str | None:
    parts = []
    if given(a.get("budget_eur")):
        parts.append(fmt.num(a["budget_eur"]) + fmt.NBSP + "€")
    if given(a.get("budget_note")):
        parts.append(str(a["budget_note"]))
    return " · ".join(parts) or None


def _names(partners: pd.DataFrame) -> str:
    """« IREPS ; Ville de Metz »: the acronym when there is one, else the name; never « nan »."""
    shown = [r.acronym if given(r.acronym) else r.name for r in partners.itertuples() if given(r.name) or given(r.acronym)]
    return " ; ".join(dict.fromkeys(str(x) for x in shown))


def rubrics(content: dict) -> tuple[list[tuple[str, str]], list[str]]:
    """The sheet's rubrics in the council's order: (label, text) for those with a value, and the labels
    of those without one (for one line « non renseigné dans les documents : … »).

    Args:
        content: queries.action_sheet(con, action_id).
    """
    a = content["action"]
    objectives = {r.level: r.text for r in content["objectives"].itertuples() if given(r.text)}
    operational = [str(t) for t in content["operational"]["text"] if given(t)]
    partners = content["partners"]
    axis = (f"Axe {int(a['axis_number'])} : {a['axis_title']}" if given(a.get("axis_number")) and given(a.get("axis_title"))
            else None)
    items: list[tuple[str, object]] = [
        ("Plan", " · ".join(x for x in (a.get("plan_name"), axis) if given(x))),
        ("Objectif général", objectives.get("général")),
        ("Objectif stratégique", objectives.get("stratégique")),
        ("Origine", a.get("origin")),
        ("Typologie", a.get("typology")),
        ("Public visé", a.get("publics")),
        ("Territoire d'intervention", a.get("territory")),
        ("Nombre de personnes concernées", a.get("people_concerned")),
        ("Contexte et enjeux locaux", a.get("context")),
        ("Objectif spécifique", objectives.get("spécifique")),
        ("Objectifs opérationnels", "\n".join("– " + t for t in operational)),
        ("Porteur de l'action (structure)", a.get("porteur_name")),
        ("Pilote de la fiche-action", a.get("pilot")),
    ]
    others = partners[partners["role"] != "porteur"] if not partners.empty else partners
    for role, label in ROLES.items():
        items.append((label, _names(others[others["role"] == role]) if not others.empty else None))
    if not others.empty:
        rest = others[~others["role"].isin(list(ROLES))]
        for role in dict.fromkeys(rest["role"]):
            if given(role):
                items.append((str(role).capitalize(), _names(rest[rest["role"] == role])))
    items += [
        ("Modalité de suivi", a.get("follow_up")),
        ("Période de réalisation", _period(a)),
        ("Durée de l'action", a.get("duration")),
        ("Descriptif", a.get("description")),
        ("Budget prévisionnel", _budget(a)),
        ("Financements pressentis", a.get("funders")),
        ("Méthode d'évaluation envisagée", a.get("evaluation_method")),
        ("Déterminants de santé visés", a.get("health_determinants")),
        ("Politiques publiques concernées", a.get("public_policies")),
        ("Lutte contre les inégalités sociales de santé", _yes_no(a.get("reduces_inequalities"))),
        ("Démarche participative associant les citoyens", _yes_no(a.get("participatory"))),
    ]
    shown = [(label, str(value)) for label, value in items if given(value)]
    missing = [label for label, value in items if not given(value) and label not in ROLES.values()]
    if not given(a.get("status")) and not content.get("has_status_record"):
        missing.insert(0, "Statut (phase)")
    return shown, missing


# ---------------------------------------------------------------- the dated record of the action


def _documents(con) -> dict[str, str]:
    """source_id -> « Title » (published), as a reader names a document."""
    rows = con.execute("SELECT source_id, title, published FROM source_document").fetchall()
    return {sid: f"« {title} »" + (f" ({published})" if given(published) else "") for sid, title, published in rows}


def readable(text, documents: dict[str, str]) -> str:
    """A note of the record with the document ids (« doc-003 ») replaced by the documents' titles."""
    if not given(text):
        return ""
    return re.sub(r"\bdoc-\d+\b", lambda m: documents.get(m.group(0), "un document du CLSM"), str(text))


def follow_up(con, action_id: str) -> dict:
    """What the record says of an action over time, in words a reader reads.

    Returns:
        statuses: [{when, status, document, how, quote, why}], oldest first: the status written on
            the sheet (its document's date, or « document non daté »), then each dated status (from a
            realisation or recorded by the coordinator, with its « pourquoi »);
        current: the status the dashboard shows (the latest dated one, else the sheet's);
        realisations: [{when, what, quantity, document, quote, remark}];
        comments: [(year, text)]: the coordinator's comment of each year;
        readings: [(rubric, text)]: how the documents were read for this action;
        documents: the titles of every document the sheet draws on;
        note: the transcription note of the action ("" if none).
    """
    docs = _documents(con)
    council = current_council()
    a = con.execute("SELECT status, source_id, period_label, status_label, sheet_number, note FROM v_action "
                    "WHERE council_id = ? AND action_id = ?", [council, action_id]).fetchone()
    if a is None:
        return {}
    sheet_status, sheet_source, period, current, sheet_number, note = a
    used = [sheet_source]
    statuses = []
    if given(sheet_status):
        published = con.execute("SELECT title, published FROM source_document WHERE source_id = ?",
                                [sheet_source]).fetchone()
        dated = bool(published and given(published[1]))
        statuses.append({
            "when": str(published[1]) if dated else "document non daté",
            "status": sheet_status, "document": f"« {published[0]} »" if published else "",
            "how": ("coché sur la fiche" if given(sheet_number) else "écrit dans le document")
            + (f" (période de la fiche : {period})" if given(period) and given(sheet_number) else ""),
            "quote": "", "why": ""})
    records = queries.run(
        con,
        "SELECT r.on_date, r.date_precision, r.status, r.origin, r.source_id, r.quote, r.note, "
        "coalesce(e.title, m.title, res.name) AS what FROM v_action_status_record r "
        "LEFT JOIN action_realisation ar ON ar.council_id = r.council_id AND ar.realisation_id = r.ref "
        "LEFT JOIN event e ON e.council_id = ar.council_id AND e.event_id = ar.event_id "
        "LEFT JOIN milestone m ON m.council_id = ar.council_id AND m.milestone_id = ar.milestone_id "
        "LEFT JOIN resource res ON res.council_id = ar.council_id AND res.resource_id = ar.resource_id "
        "WHERE r.council_id = ? AND r.action_id = ? ORDER BY r.on_date, r.status",
        [council, action_id],
    )
    for r in records.itertuples():
        used.append(r.source_id)
        from_realisation = r.origin == "réalisation"
        statuses.append({
            "when": when(r.on_date, r.date_precision if given(r.date_precision) else "jour"),
            "status": r.status,
            "document": docs.get(r.source_id, "") if given(r.source_id) else "",
            "how": (f"établi par la réalisation « {r.what} »" if from_realisation and given(r.what)
                    else "établi par une réalisation" if from_realisation
                    else "relevé dans le document" if given(r.source_id) else "saisi par la coordination"),
            "quote": str(r.quote) if given(r.quote) else "",
            # a realisation's remark is shown with the realisation; the « pourquoi » of a dated status here
            "why": "" if from_realisation else readable(r.note, docs),
        })
    real = queries.realisations(con, action_id)
    realisations = []
    for r in real.itertuples():
        used.append(r.source_id)
        realisations.append({
            "when": when(r.date, r.date_precision, r.year),
            "what": str(r.ref_label) if given(r.ref_label) else "",
            "quantity": (f"{fmt.num(r.quantity)} {r.unit if given(r.unit) else ''}".strip() if given(r.quantity)
                         else ""),
            "document": docs.get(r.source_id, "") if given(r.source_id) else "saisie de la coordination",
            "quote": str(r.quote) if given(r.quote) else "",
            "remark": readable(r.note, docs),
            "status_after": str(r.status_after) if given(r.status_after) else "",
        })
    comments = [(int(y), str(t)) for y, t in con.execute(
        "SELECT year, comment FROM action_comment WHERE council_id = ? AND action_id = ? ORDER BY year",
        [council, action_id]).fetchall() if given(t)]
    readings = []
    for column, source, other, reason in con.execute(
            "SELECT column_name, source_id, other_source_id, reason FROM reading WHERE council_id = ? "
            "AND table_name = 'action' AND row_key = ? ORDER BY reading_id", [council, action_id]).fetchall():
        used += [source, other]
        readings.append((COLUMN_LABELS.get(column, "Fiche"), readable(reason, docs)))
    values = con.execute("SELECT DISTINCT v.source_id FROM indicator_value v JOIN indicator i "
                         "USING (council_id, indicator_id) WHERE i.council_id = ? AND i.action_id = ?",
                         [council, action_id]).fetchall()
    used += [v[0] for v in values]
    return {
        "statuses": statuses, "current": current if given(current) and current != "non renseigné" else "",
        "realisations": realisations, "comments": comments, "readings": readings,
        "documents": [docs[s] for s in dict.fromkeys(used) if given(s) and s in docs],
        "note": readable(note, docs),
    }


def missing_line(missing: list[str], most: int = 8) -> str:
    """One short line naming the rubrics the documents leave empty (the first `most`, then how many more)."""
    names = [m[0].lower() + m[1:] for m in missing]
    if len(names) > most:
        names = names[:most - 1] + [f"et {len(names) - most + 1} autres rubriques de la fiche"]
    return "Non renseigné dans les documents : " + ", ".join(names) + "."


def status_lines(record: dict) -> list[str]:
    """The dated facts of the status, one line each: « octobre 2020 : réalisée – établi par … (« doc »). »."""
    lines = []
    for s in record["statuses"]:
        head = f"{s['when']} : {s['status']}" if s["when"] else s["status"]
        if s["when"] == "document non daté":
            head = f"{s['status']} ({s['when']})"
        text = f"{head} – {s['how']}"
        if s["document"]:
            text += f", {s['document']}"
        if s["quote"]:
            text += f" : {s['quote']}"
        if s["why"]:
            text += f". Pourquoi : {s['why']}"
        lines.append(text.rstrip(".") + ".")
    return lines


# ---------------------------------------------------------------- the sheet model, shared by screen, PDF and .docx

NONE = "—"  # an empty cell in a table that has other values in that column
STEP_HEADS = {"title": "Étape", "how": "Comment ?", "who": "Qui ?", "planned_period": "Quand ?", "done_on": "Réalisée le"}


def sheet_number(a: dict) -> str:
    """« Fiche n°15 », or « Action » for an action without a sheet number."""
    return f"Fiche n°{a['sheet_number']}" if given(a.get("sheet_number")) else "Action"


def retained(record: dict) -> str:
    """The status the dashboard retains and why, when several dated facts say one: « réalisée (le fait daté
    le plus récent) »; "" otherwise."""
    statuses = record.get("statuses") or []
    if not record.get("current") or len(statuses) < 2:
        return ""
    latest = statuses[-1]
    why = ("le fait daté le plus récent" if latest["when"] and latest["when"] != "document non daté"
           else "le statut écrit sur la fiche")
    return f"{record['current']} ({why})"


def realisation_rows(record: dict) -> list[dict[str, str]]:
    """The realisations as table rows: Quand, Réalisation, Quantité, Source, Citation, Remarque (« — » when empty)."""
    return [{"Quand": r["when"] or NONE, "Réalisation": r["what"] or NONE, "Quantité": r["quantity"] or NONE,
             "Source": r["document"] or NONE, "Citation": r["quote"] or NONE, "Remarque": r["remark"] or NONE}
            for r in record.get("realisations") or []]


def kept_columns(rows: list[dict], always: tuple[str, ...]) -> list[str]:
    """The columns of `rows` that have a value somewhere, and the `always` ones."""
    heads = list(rows[0]) if rows else []
    return [h for h in heads if h in always or any(r[h] != NONE for r in rows)]


def sheet_model(con, action_id: str, now: dt.datetime | None = None) -> dict:
    """Everything an action sheet shows, once, for its renderers (the screen, components/sheet.py; PDF and
    .docx, `document`): the sheet's content (queries.action_sheet), its dated record (follow_up), its
    rubrics and the ones the documents leave empty, its number, title and footer.

    Raises:
        ClsmError: no action with that id.
    """
    s = queries.action_sheet(con, action_id)
    if not s:
        raise ClsmError(f"Aucune action « {action_id} ».", "Vérifiez l'identifiant (ex. fiche-15).")
    return model_of(s, follow_up(con, action_id), statements.data_date(con), now)


def model_of(content: dict, record: dict, data: dt.date | None = None, now: dt.datetime | None = None) -> dict:
    """The sheet model from what the queries give (content, record): see sheet_model."""
    now = now or dt.datetime.now().replace(second=0, microsecond=0)
    a = content["action"]
    number = sheet_number(a)
    rows, missing = rubrics(content | {"has_status_record": bool(record.get("statuses"))})
    # the latest dated fact, as the bilan's footer says it
    stamp = (f"données au {fmt.date(data)}, " if data else "") + f"produite le {fmt.date(now)}"
    return {"content": content, "action": a, "record": record, "number": number,
            "title": str(a["title"]) if given(a.get("title")) else "sans intitulé", "rubrics": rows,
            "missing": missing, "status_lines": status_lines(record) if record.get("statuses") else [],
            "retained": retained(record), "realisations": realisation_rows(record),
            "footer": f"{number} · {stamp}"}


def document(model: dict) -> dict:
    """The sheet laid out as the council's sheets, as office.to_pdf / to_docx take it: the rubrics the sheet
    gives (a two-column table label | content, in their order), the dated status, realisations, comments,
    steps and indicators."""
    s, record = model["content"], model["record"]
    number, title, missing = model["number"], model["title"], list(model["missing"])
    blocks: list[tuple] = [("h1", f"{number} – {title}")]
    if model["status_lines"]:  # first, as the council's sheets tick their phase next to the title
        blocks.append(("p", "Statut, d'après les faits datés des documents et du suivi :"))
        blocks.append(("list", model["status_lines"]))
        if model["retained"]:
            blocks.append(("p", f"Statut retenu par le tableau de suivi : {model['retained']}."))
    blocks.append(("table", ["Rubrique", "Contenu"], [list(r) for r in model["rubrics"]]))
    at = len(blocks)  # the line of what the documents leave empty goes under the table
    if model["realisations"]:
        blocks.append(("h1", "Réalisations"))
        # on paper the quote follows its document, in one column
        table = [r | {"Source": NONE if r["Source"] == NONE else r["Source"] + (f" : {r['Citation']}" if r["Citation"] != NONE else "")}
                 for r in model["realisations"]]
        table = [{k: v for k, v in r.items() if k != "Citation"} for r in table]
        keep = kept_columns(table, ("Quand", "Réalisation"))
        blocks.append(("table", keep, [[r[k] for k in keep] for r in table]))
    if record["comments"]:
        blocks.append(("h1", "Commentaires de la coordination"))
        blocks.append(("list", [f"{year} : {text}" for year, text in record["comments"]]))

    steps = s["steps"]
    detail = ["how", "who", "planned_period"]
    if not steps.empty and steps[detail + ["done_on"]].map(given).to_numpy().any():
        cols = [c for c in STEP_HEADS if steps[c].map(given).any()]
        blocks += [("h1", "Étapes et objectifs opérationnels"),
                   ("table", [STEP_HEADS[c] for c in cols],
                    [[(when(getattr(r, c)) if c == "done_on" else str(getattr(r, c))) if given(getattr(r, c)) else NONE
                      for c in cols] for r in steps.itertuples()])]
    ind = s["indicators"]
    if not ind.empty:
        values = s["values"]
        table, without = [], 0
        for r in ind.itertuples():
            v = values[values["indicator_id"] == r.indicator_id]
            shown = " · ".join(f"{x.period_label} : {fmt.num(x.value)}" for x in v.itertuples()
                               if given(x.value) and given(x.period_label))
            without += not shown
            table.append([str(r.kind) if given(r.kind) else NONE, str(r.label) if given(r.label) else NONE, shown or NONE])
        blocks += [("h1", "Modalités d'évaluation : indicateurs"), ("table", ["Type", "Indicateur", "Valeurs"], table)]
        if without:
            missing.append(f"valeurs de {fmt.plural(without, 'indicateur')}")
    if missing:
        blocks.insert(at, ("p", missing_line(missing)))
    if record["readings"]:
        blocks.append(("h1", "Lecture des documents"))
        blocks.append(("list", [f"{label} : {text}" for label, text in record["readings"]]))
    blocks.append(("source", " ; ".join(record["documents"])))
    return {"title": f"{number} – {title}", "cover": None, "blocks": blocks, "empty": False, "masked": False,
            "footer": model["footer"]}


def action_sheet_model(con, action_id: str, now: dt.datetime | None = None) -> dict:
    """An action sheet as a document model for office.to_pdf / to_docx (sheet_model laid out by `document`).

    Raises:
        ClsmError: no action with that id.
    """
    return document(sheet_model(con, action_id, now))


def build_sheet(con, action_id: str, fmt: str = "pdf") -> bytes:
    """An action sheet as PDF or .docx bytes."""
    doc = action_sheet_model(con, action_id)
    return to_pdf(doc) if fmt == "pdf" else to_docx(doc)
