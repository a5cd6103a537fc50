"""The headline figures over a stated plan and period, and a validated year's frozen figures beside them.

Built from the statements (clsm_data.read.statements) and the years the COPIL validated (clsm_data.followup.year):
what the overview, the slides, the deck and the bilan state for one plan and one period.
"""

from __future__ import annotations

import datetime as dt

from clsm_data.followup import year as followup
from clsm_data.read.filters import Filters
from clsm_data.read.statements import (
    Statement,
    _day,
    actions,
    data_date,
    one_year,
    period_words,
    proposals,
    realised,
    scope,
)


def validation_line(con, year: int, when: dt.date | None = None) -> str:
    """« année validée par le COPIL le 15/03/2022 » or « année non validée, données au 18/11/2021 »."""
    v = followup.validated_year(con, year)
    if v:
        return f"Année {year} validée par le COPIL le {_day(v['validated_on'])}"
    at = when or data_date(con)
    return f"Année {year} non validée" + (f", données au {_day(at)}" if at else "")


def overview(con, f: Filters, masked: bool = False) -> dict:
    """The overview's figures, each over a stated plan or period: the plan's actions and its realised / planned
    (the plan in force unless one is chosen), the proposals apart, and the period's meetings and events."""
    from dataclasses import replace

    from clsm_data.read.provenance import figure_rows

    sc = scope(con, f)
    acts, real = actions(con, f), realised(con, f)
    # Each tile is the count of the rows « D'où vient ce chiffre ? » lists for it (provenance.figure_rows).
    fp = replace(f, plan_id=sc["plan_id"]) if sc else f
    rows = {k: figure_rows(con, k, fp) for k in ("structures", "meetings", "counted", "events", "participants")}
    count = {k: int(r["n"].sum()) for k, r in rows.items()}
    out = {
        "scope": sc, "actions": acts, "realised": real, "proposals": proposals(con, council_id=f.council_id),
        "period": period_words(f.period_start, f.period_end), "structures": count["structures"],
        "meetings": count["meetings"], "meetings_counted": count["counted"], "events": count["events"],
        # no meeting of the period gives its participants: « non renseigné », never 0
        "participants": count["participants"] if len(rows["participants"]) else None,
        "by_status": (acts.details["by_status"] if acts else {}), "validated": None, "corrections": [],
    }
    return out | frozen(con, f, sc, real)


def frozen(con, f: Filters, sc: dict | None, real: Statement | None) -> dict:
    """For a period that is one year the COPIL validated: the validated figures, and what was written since
    (« après validation »), never mixed into them. {} otherwise."""
    year = one_year(f)
    v = followup.validated_year(con, year) if year else None
    if v is None:
        return {}
    out = {"validated": v["validated_on"], "corrections": followup.corrections(con, year),
           "meetings": v.get("meetings"), "meetings_counted": v.get("meetings_counted"), "events": v.get("events"),
           "participants": v.get("participants_all", v.get("participants"))}
    was = v.get("plans", {}).get(sc["plan_id"]) if sc else None
    if was and real is not None:
        out["realised"] = Statement("action", real.subject, was["realised"], real.plan, real.period, was["text"],
                                    real.details | {"planned": was["planned"], "realised": was["realised"]})
    return out
