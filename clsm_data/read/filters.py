"""The plain filter object that travels from the sidebar to the SQL, and one definition per filter.

Each filter is defined once (`DEFS`): its URL parameter, its French label, the query families that
apply it, its SQL clause on the actions view and its words. The WHERE builders, the sidebar and the
sentence that states the filters on a slide, an export or a report all read these definitions, so
they cannot drift apart (as datasette's filters carry `where_clause` and `human_clause`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields

from clsm_data.core.config import DEFAULT_COUNCIL


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


@dataclass(frozen=True)
class FilterDef:
    """One filter: where it lives in the URL, what it is called, what SQL it adds, how it reads.

    action_clause: SQL on the actions view with `{a}` for the alias and one `?` for the value.
    dated_clause: SQL on a date column (`{col}`) for the period bounds, else None.
    families: the query families that apply this filter (pages say which ones they ignore).
    """

    name: str
    param: str
    label: str
    action_clause: str
    families: frozenset[str]
    dated_clause: str | None = None
    word: str = ""  # the sentence's prefix ("Plan"); empty when the label itself says it (« Axe 2 »)


_ALL = frozenset({"actions", "meetings", "events", "history"})
# Order = order of the clauses in action_where and of the words in describe.
DEFS: tuple[FilterDef, ...] = (
    FilterDef("plan_id", "plan", "Plan", "{a}.plan_id = ?", frozenset({"actions", "structures"}), word="Plan"),
    FilterDef("axis_id", "axe", "Axe", "{a}.axis_id = ?", frozenset({"actions", "structures"})),
    FilterDef("theme_id", "theme", "Thématique", "{a}.theme_id = ?",
              frozenset({"actions", "meetings", "events", "structures", "resources"}), word="Thématique"),
    FilterDef("status", "statut", "Statut", "{a}.status_label = ?", frozenset({"actions", "structures"}), word="Statut"),
    FilterDef("structure_id", "structure", "Structure",
              "{a}.action_id IN (SELECT action_id FROM v_action_structure WHERE structure_id = ?)",
              frozenset({"actions", "meetings", "structures", "resources"}), word="Structure"),
    FilterDef("period_start", "du", "Période (début)", "({a}.end_date IS NULL OR {a}.end_date >= ?)", _ALL,
              dated_clause="{col} >= ?"),
    FilterDef("period_end", "au", "Période (fin)", "({a}.start_date IS NULL OR {a}.start_date <= ?)", _ALL,
              dated_clause="{col} <= ?"),
)
BY_NAME = {d.name: d for d in DEFS}

# Which filters each family of queries honours; pages say which ones they ignore.
FAMILIES = ("actions", "meetings", "events", "structures", "resources", "history")
APPLIES = {fam: {d.name for d in DEFS if fam in d.families} for fam in FAMILIES}


def action_where(f: Filters, alias: str = "a") -> tuple[str, list]:
    """WHERE clause (bound parameters) selecting the actions of v_action matching `f`.

    Period: an action is kept when its dates overlap the period; actions without dates are kept
    (they cannot be placed in time) and pages say so.
    """
    clauses, params = [f"{alias}.council_id = ?"], [f.council_id]
    for d in DEFS:
        value = getattr(f, d.name)
        if value is not None:
            clauses.append(d.action_clause.format(a=alias))
            params.append(value)
    return " AND ".join(clauses), params


def dated_where(f: Filters, column: str) -> tuple[str, list]:
    """Clause keeping rows whose `column` date lies in the period (always true when unset)."""
    clauses, params = [], []
    for d in DEFS:
        value = getattr(f, d.name)
        if d.dated_clause and value is not None:
            clauses.append(d.dated_clause.format(col=column))
            params.append(value)
    return (" AND ".join(clauses) or "TRUE"), params


def _day(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def period_words(start: dt.date | None, end: dt.date | None) -> str:
    """« 2019 à 2021 » for whole years, « du 01/03/2021 au 30/06/2021 » otherwise; "" when unset."""
    if start and end:
        if (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31):
            return str(start.year) if start.year == end.year else f"{start.year} à {end.year}"
        return f"du {_day(start)} au {_day(end)}"
    if start:
        return f"depuis le {_day(start)}"
    if end:
        return f"jusqu'au {_day(end)}"
    return ""


def describe(f: Filters, labels: dict[str, dict[str, str]] | None = None) -> str:
    """The active filters in one French sentence: « Plan : Pistes 2021 · Axe 2 – Jeunes · 2019 à 2021 ».

    Args:
        f: the filters.
        labels: per filter name, {value: label} (plan names, "Axe 2 – …", structure names); a value
            missing from it is shown as given.
    Returns:
        "" when no filter is set.
    """
    labels = labels or {}
    parts = []
    for d in DEFS:
        value = getattr(f, d.name)
        if value is None or d.dated_clause:
            continue
        shown = labels.get(d.name, {}).get(value, str(value))
        if d.name == "axis_id" and not shown.startswith("Axe"):
            shown = f"Axe {shown}"
        parts.append(f"{d.word} : {shown}" if d.word else shown)
    period = period_words(f.period_start, f.period_end)
    if period:
        parts.append(period[0].upper() + period[1:] if not period[0].isdigit() else period)
    return " · ".join(parts)


def describe_or_all(f: Filters, labels: dict[str, dict[str, str]] | None = None) -> str:
    """Like describe, « Sans filtre (toutes les données) » when none is set."""
    return describe(f, labels) or "Sans filtre (toutes les données)"


def to_params(f: Filters) -> dict[str, str]:
    """The active filters as URL parameters (ids and ISO dates): `{"plan": "pistes-2021", "du": "2019-01-01"}`."""
    return {d.param: (v.isoformat() if isinstance(v, dt.date) else str(v))
            for d in DEFS if (v := getattr(f, d.name)) is not None}


def from_params(params: dict[str, str], base: Filters | None = None) -> Filters:
    """Filters from URL-style parameters (ids and ISO dates) over `base`; unknown names or bad dates raise ValueError."""
    from dataclasses import replace

    by_param = {d.param: d for d in DEFS}
    changes = {}
    for key, value in params.items():
        d = by_param.get(key)
        if d is None:
            raise ValueError(key)
        changes[d.name] = dt.date.fromisoformat(value) if d.dated_clause else value
    return replace(base or Filters(), **changes)


def meeting_where(f: Filters, alias: str = "m") -> tuple[str, list]:
    """WHERE clause on v_meeting for the filters that apply to meetings."""
    clauses, params = [f"{alias}.council_id = ?"], [f.council_id]
    period, pparams = dated_where(f, f"{alias}.date")
    clauses.append(period)
    params += pparams
    if f.theme_id is not None:
        clauses.append(f"{alias}.instance_theme_id = ?")
        params.append(f.theme_id)
    if f.structure_id is not None:
        clauses.append(f"{alias}.meeting_id IN (SELECT meeting_id FROM attendance WHERE structure_id = ?)")
        params.append(f.structure_id)
    return " AND ".join(clauses), params


def counted_where(f: Filters, alias: str = "c") -> tuple[str, list]:
    """WHERE clause on counted_meeting for the filters that apply to meetings (period overlap, theme).

    A structure filter keeps none: a count without attendance cannot say who was there.
    """
    clauses, params = [f"{alias}.council_id = ?"], [f.council_id]
    if f.period_start is not None:
        clauses.append(f"coalesce({alias}.period_end, make_date({alias}.year, 12, 31)) >= ?")
        params.append(f.period_start)
    if f.period_end is not None:
        clauses.append(f"coalesce({alias}.period_start, make_date({alias}.year, 1, 1)) <= ?")
        params.append(f.period_end)
    if f.theme_id is not None:
        clauses.append(f"{alias}.instance_id IN (SELECT instance_id FROM instance WHERE theme_id = ?)")
        params.append(f.theme_id)
    if f.structure_id is not None:
        clauses.append("FALSE")
    return " AND ".join(clauses), params
