"""The plain filter object that travels from the sidebar to the SQL, and its WHERE clauses."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields

from .config import DEFAULT_COUNCIL


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the view to; None means "all"."""

    council_id: str = DEFAULT_COUNCIL
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    plan_id: str | None = None
    axis_id: str | None = None
    theme_id: str | None = None
    structure_id: str | None = None
    status: str | None = None

    def active(self) -> dict[str, object]:
        """The filters set by the user (council excluded)."""
        return {k: v for k, v in asdict(self).items() if v is not None and k != "council_id"}

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name != "council_id"]


# Which filters each family of queries honours; pages say which ones they ignore.
APPLIES = {
    "actions": {"period_start", "period_end", "plan_id", "axis_id", "theme_id", "structure_id", "status"},
    "meetings": {"period_start", "period_end", "theme_id", "structure_id"},
    "events": {"period_start", "period_end", "theme_id"},
    "structures": {"plan_id", "axis_id", "theme_id", "structure_id", "status"},
    "resources": {"theme_id", "structure_id"},
    "history": {"period_start", "period_end"},
}


def action_where(f: Filters, alias: str = "a") -> tuple[str, list]:
    """WHERE clause (bound parameters) selecting the actions of v_action matching `f`.

    Period: an action is kept when its dates overlap the period; actions without dates are kept
    (they cannot be placed in time) and pages say so.
    """
    clauses, params = [f"{alias}.council_id = ?"], [f.council_id]
    for col in ("plan_id", "axis_id", "theme_id"):
        value = getattr(f, col)
        if value is not None:
            clauses.append(f"{alias}.{col} = ?")
            params.append(value)
    if f.status is not None:
        clauses.append(f"{alias}.status_label = ?")
        params.append(f.status)
    if f.structure_id is not None:
        clauses.append(f"{alias}.action_id IN (SELECT action_id FROM v_action_structure WHERE structure_id = ?)")
        params.append(f.structure_id)
    if f.period_start is not None:
        clauses.append(f"({alias}.end_date IS NULL OR {alias}.end_date >= ?)")
        params.append(f.period_start)
    if f.period_end is not None:
        clauses.append(f"({alias}.start_date IS NULL OR {alias}.start_date <= ?)")
        params.append(f.period_end)
    return " AND ".join(clauses), params


def dated_where(f: Filters, column: str) -> tuple[str, list]:
    """Clause keeping rows whose `column` date lies in the period (always true when unset)."""
    clauses, params = [], []
    if f.period_start is not None:
        clauses.append(f"{column} >= ?")
        params.append(f.period_start)
    if f.period_end is not None:
        clauses.append(f"{column} <= ?")
        params.append(f.period_end)
    return (" AND ".join(clauses) or "TRUE"), params
