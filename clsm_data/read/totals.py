"""The totals that must agree, read from the committed data: Participation › Présences by role category and by
sector (people, and structures counted once each). The write door checks them before and after every COMMIT."""

from __future__ import annotations

from clsm_data.read.filters import Filters
from clsm_data.read.queries import attendance_by_role, attendance_by_sector


def attendance_totals(con, council_id: str) -> dict[str, int]:
    """The totals of Participation › Présences that must agree: people by role category and by sector,
    structures present overall and summed over sectors (one structure, one count)."""
    f = Filters(council_id=council_id)
    by_role = attendance_by_role(con, f)
    by_sector = attendance_by_sector(con, f)
    present = con.execute(
        "SELECT count(DISTINCT att.structure_id) FROM attendance att JOIN v_meeting m USING (meeting_id) "
        "WHERE m.council_id = ?", [council_id]).fetchone()[0]
    return {
        "by_role": int(by_role["count"].sum()) if len(by_role) else 0,
        "by_sector": int(by_sector["count"].sum()) if len(by_sector) else 0,
        "structures": int(present or 0),
        "structures_by_sector": int(by_sector["structures"].sum()) if len(by_sector) else 0,
    }


def totals_problems(con) -> list[str]:
    """French sentences for every council whose attendance totals disagree (none when they all agree)."""
    out = []
    councils = [c for (c,) in con.execute("SELECT DISTINCT council_id FROM attendance ORDER BY 1").fetchall()]
    for council in councils:
        n = attendance_totals(con, council)
        if n["by_role"] != n["by_sector"]:
            out.append(f"Présences : {n['by_role']} personne(s) par catégorie mais {n['by_sector']} par secteur")
        if n["structures"] != n["structures_by_sector"]:
            out.append(f"Présences : {n['structures']} structure(s) présente(s) mais {n['structures_by_sector']} "
                       "comptée(s) par secteur (une structure doit compter une fois)")
    return out
