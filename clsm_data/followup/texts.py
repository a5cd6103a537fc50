"""The coordinator's texts of the annual report (introduction, perspectives…): saved together as one change set."""

from __future__ import annotations

from clsm_data.core.config import bound_council
from clsm_data.core.errors import ClsmError
from clsm_data.core.roles import Caller, require_coordinator
from clsm_data.store.changeset import ImportPlan, ImportResult, TableChange
from clsm_data.store.db import table_checksums
from clsm_data.store.writes import apply_plan

# The bilan's sections the coordination writes a text for (clsm_data.present.report lays them out).
SECTIONS = {
    "introduction": "Introduction",
    "chiffres": "Le conseil en chiffres",
    "gouvernance": "Gouvernance : les instances et les réunions de l'année",
    "faits": "Faits marquants de l'année",
    "avancement": "Avancement par axe et réalisations",
    "indicateurs": "Indicateurs de la fiche n°15",
    "participation": "Participation et SISM au fil des années",
    "evenements": "Événements et sensibilisations",
    "lacunes": "Ce que les documents ne donnent pas",
}

COLUMNS = ["year", "section", "text"]


def save_texts(con, caller: Caller, year: int, texts: dict[str, str]) -> ImportResult:
    """Store the coordinator's texts of several sections at once: one audited change set, all or nothing.

    Args:
        con: a read-write connection or a cursor of the app's process connection.
        caller: must be the coordination.
        year: the report's year.
        texts: section key -> text as typed (an empty text clears the section).
    Returns:
        The ImportResult (nothing written when no text changed).
    Raises:
        PermissionDenied: the caller is not the coordination.
        ClsmError: an unknown section.
    """
    require_coordinator(caller)
    unknown = [s for s in texts if s not in SECTIONS]
    if unknown:
        raise ClsmError(f"Section inconnue : « {unknown[0]} ».", "Sections possibles : " + ", ".join(SECTIONS.values()))
    stored = {s: t for s, t in con.execute("SELECT section, text FROM report_text WHERE council_id = ? AND year = ?",
                                                      [bound_council(con), int(year)]).fetchall()}
    change = TableChange("report_text", COLUMNS)
    for section, text in texts.items():
        row = {"year": int(year), "section": section, "text": (text or "").strip() or None}
        if section not in stored:
            if row["text"] is not None:
                change.added.append(row)
        elif stored[section] == row["text"]:
            change.unchanged.append(row)
        else:
            change.updated.append(({"year": int(year), "section": section, "text": stored[section]}, row))
    names = ", ".join(f"« {SECTIONS[s]} »" for s in texts)
    plan = ImportPlan(origin=f"bilan {year} : textes {names}", changes={"report_text": change},
                      base=table_checksums(con, ["report_text"]), operation="textes du bilan annuel")
    return apply_plan(con, caller, plan, backup=False)
