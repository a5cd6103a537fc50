"""An action sheet laid out as the council's sheets (n°15, n°32), as a document model, PDF or .docx."""

from __future__ import annotations

import pandas as pd

from . import figures, queries
from .errors import ClsmError
from .office import to_docx, to_pdf


def _yes_no(value) -> str:
    return "non renseigné" if value is None or (not isinstance(value, str) and pd.isna(value)) else (
        "Oui" if value else "Non")


def _txt(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == "":
        return "non renseigné"
    return str(value)


def action_sheet_model(con, action_id: str) -> dict:
    """An action sheet laid out as the council's sheets: a two-column table label | content, in their order.

    Raises:
        ClsmError: no action with that id.
    """
    s = queries.action_sheet(con, action_id)
    if not s:
        raise ClsmError(f"Aucune action « {action_id} ».", "Vérifiez l'identifiant (ex. fiche-15).")
    a = s["action"]
    number = f"Fiche n°{a['sheet_number']}" if _txt(a.get("sheet_number")) != "non renseigné" else "Idée d'action"
    axis = (f"Axe {int(a['axis_number'])} : {a['axis_title']}" if a.get("axis_number") is not None
            and not pd.isna(a.get("axis_number")) else "sans axe")
    partners = s["partners"]
    others = partners[partners["role"] != "porteur"]
    objectives = {r.level: r.text for r in s["objectives"].itertuples()}
    rows = [
        ["Plan", f"{_txt(a['plan_name'])} · {axis}"],
        [number, _txt(a["title"])],
        ["Objectif stratégique", _txt(objectives.get("stratégique"))],
        ["Porteur de l'action (structure)", _txt(a.get("porteur_name"))],
        ["Pilote de la fiche-action", _txt(a.get("pilot"))],
        ["Partenaires principaux de mise en œuvre",
         " ; ".join(dict.fromkeys(coalesce(r.acronym, r.name) for r in others.itertuples())) or "non renseigné"],
        ["Modalité de suivi", _txt(a.get("follow_up"))],
        ["Contexte et enjeux locaux", _txt(a.get("context"))],
        ["Objectif spécifique", _txt(objectives.get("spécifique"))],
        ["Objectifs opérationnels", "\n".join("– " + t for t in s["operational"]["text"]) or "non renseigné"],
        ["Description", _txt(a.get("description"))],
        ["Statut", _txt(a.get("status_label"))],
        ["Période", _txt(a.get("period_label"))],
        ["Durée action", _txt(a.get("duration"))],
        ["Territoire d'intervention", _txt(a.get("territory"))],
        ["Public visé", _txt(a.get("publics"))],
        ["Budget prévisionnel", (figures.num(a["budget_eur"]) + " €" if a.get("budget_eur") is not None
                                 and not pd.isna(a.get("budget_eur")) else "non renseigné")
         + (" · " + a["budget_note"] if isinstance(a.get("budget_note"), str) else "")],
        ["Financements pressentis", _txt(a.get("funders"))],
        ["Déterminants de santé visés", _txt(a.get("health_determinants"))],
        ["Politiques publiques concernées", _txt(a.get("public_policies"))],
        ["Méthode d'évaluation envisagée", _txt(a.get("evaluation_method"))],
        ["Lutte contre les inégalités sociales de santé", _yes_no(a.get("reduces_inequalities"))],
        ["Démarche participative associant les citoyens", _yes_no(a.get("participatory"))],
    ]
    blocks: list[tuple] = [("h1", f"{number} – {_txt(a['title'])}"), ("table", ["Rubrique", "Contenu"], rows)]
    if not s["steps"].empty:
        st = s["steps"]
        blocks += [("h1", "Étapes et objectifs opérationnels"),
                   ("table", ["Étape", "Comment", "Qui", "Quand"],
                    [[_txt(r.title), _txt(r.how), _txt(r.who), _txt(r.planned_period)] for r in st.itertuples()])]
    ind = s["indicators"]
    if not ind.empty:
        values = s["values"]
        table = []
        for r in ind.itertuples():
            v = values[values["indicator_id"] == r.indicator_id]
            shown = " · ".join(f"{x.period_label} : {figures.num(x.value)}" for x in v.itertuples()) or "non renseigné"
            table.append([_txt(r.kind), _txt(r.label), shown])
        blocks += [("h1", "Modalités d'évaluation : indicateurs"), ("table", ["Type", "Indicateur", "Valeurs"], table)]
    blocks.append(("source", figures._sources(con, [a.get("source_id")]) or "non précisée"))
    return {"title": number, "cover": None, "blocks": blocks, "empty": False, "masked": False}


def coalesce(*values) -> str:
    for v in values:
        if isinstance(v, str) and v.strip():
            return v
    return ""


def build_sheet(con, action_id: str, fmt: str = "pdf") -> bytes:
    """An action sheet as PDF or .docx bytes."""
    doc = action_sheet_model(con, action_id)
    return to_pdf(doc) if fmt == "pdf" else to_docx(doc)
