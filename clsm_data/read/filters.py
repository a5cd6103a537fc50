"""The filters: the plain object that travels from the sidebar to the SQL, and one entry per filter.

Each filter is declared once, as an `Entry` of `ENTRIES`: its URL parameters (parse / format), its widget
(kind, French label, placeholder, choices), its words for the « filtres » line of a slide, an export or a
report, its file-name fragment, and its SQL clause for every query family it claims. The WHERE builder of
each family (`where`, and `action_where`, `meeting_where`, `counted_where`, `dated_where`… over it) is
generated from these entries, as the sidebar (components/filters.py), `describe` and `file_part` are; a
test (tests/test_filter_entries.py) fails when an entry claims a family it has no clause for. (datasette's
filters carry `where_clause` and `human_clause` the same way.)

Adding a filter: a field of `Filters` and one `Entry` here; its widget's list of choices either fixed
(`choices`) or named (`options`, a reference list the sidebar knows).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from clsm_data.core.config import current_council
from clsm_data.core.tables import ACTION_STATUSES


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the view to; None means "all"."""

    council_id: str = field(default_factory=current_council)  # the session's council (one per DuckDB file)
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


# ---------------------------------------------------------------- clauses

# A clause: (alias of the family's table, the entry's value) -> (SQL pieces with `?`, their parameters).
Clause = Callable[[str, Any], tuple[list[str], list]]


def one(template: str) -> Clause:
    """A clause with one bound value: `{a}` is the family's alias (« {a}.plan_id = ? »)."""

    def clause(alias: str, value: Any) -> tuple[list[str], list]:
        return [template.format(a=alias)], [value]

    return clause


def fixed(sql: str) -> Clause:
    """A clause without a value: « FALSE » when a family cannot honour the filter and so keeps nothing."""
    return lambda alias, value: ([sql.format(a=alias)], [])


def span(since: str, until: str, bound: Callable[[dt.date], Any] = lambda d: d) -> Clause:
    """The period's clause: `since` bounds by the start, `until` by the end (each only when set).

    `bound` turns a date into the value the column compares to (the year, for the council's history).
    """

    def clause(alias: str, value: tuple[dt.date | None, dt.date | None]) -> tuple[list[str], list]:
        sql, params = [], []
        for template, day in ((since, value[0]), (until, value[1])):
            if day is not None:
                sql.append(template.format(a=alias))
                params.append(bound(day))
        return sql, params

    return clause


# ---------------------------------------------------------------- words and URL forms


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


def _period_said(value: tuple[dt.date | None, dt.date | None], labels: Mapping[str, str]) -> str:
    words = period_words(*value)
    return words if not words or words[0].isdigit() else words[0].upper() + words[1:]


def _period_file(value: tuple[dt.date | None, dt.date | None]) -> str:
    """`2021`, `2019-2021` (the period's years), `depuis-2021-03-01`, `jusqu-au-2021-12-31`."""
    start, end = value
    if start and end:
        return str(start.year) if start.year == end.year else f"{start.year}-{end.year}"
    return f"depuis-{start.isoformat()}" if start else f"jusqu-au-{end.isoformat()}"


def _axis_said(value: str, labels: Mapping[str, str]) -> str:
    shown = labels.get(value, str(value))
    return shown if shown.startswith("Axe") else f"Axe {shown}"


# ---------------------------------------------------------------- the entry


@dataclass(frozen=True)
class Entry:
    """One filter, declared once.

    name: the entry's own name (« period », « plan »).
    fields: the `Filters` attributes it sets (the period has two: its start and its end).
    params: the URL parameters, one per field (short, French, stable: shared links rely on them).
    labels: the French name of each field, in notes (« Filtres sans effet sur cette page : Plan »).
    label: the widget's French label; widget: its kind, « select » (one value from a list) or « period ».
    placeholder: the select's text when nothing is chosen; choices: its fixed options, else `options`
        names the reference list the sidebar draws them from (plans, axes, themes, structures).
    rank: the widget's place in the sidebar (the SQL and the words follow the order of ENTRIES).
    families: the query families that apply the filter; `clauses` holds its SQL for each of them.
    word: the prefix of its words (« Plan : … »); said: its words when a prefix is not enough.
    parse / format: one URL value <-> one field's value.
    file_part: its fragment of an output's file name (`clsm-participation-2021.csv`), None: not named there.
    """

    name: str
    fields: tuple[str, ...]
    params: tuple[str, ...]
    labels: tuple[str, ...]
    label: str
    widget: str
    families: frozenset[str]
    clauses: Mapping[str, Clause]
    placeholder: str = ""
    choices: tuple[str, ...] = ()
    options: str = ""
    rank: int = 80
    word: str = ""
    said: Callable[[Any, Mapping[str, str]], str] | None = None
    parse: Callable[[str], Any] = str
    format: Callable[[Any], str] = str
    file_part: Callable[[Any], str] | None = None

    def value(self, f: Filters) -> Any:
        """The entry's value in `f`: the field's, or a tuple for an entry of several fields."""
        values = tuple(getattr(f, name, None) for name in self.fields)
        return values[0] if len(values) == 1 else values

    def active(self, f: Filters) -> bool:
        return any(getattr(f, name, None) is not None for name in self.fields)

    def words(self, f: Filters, labels: Mapping[str, Mapping[str, str]] | None = None) -> str:
        """Its part of the « filtres » line: « Plan : Pistes 2021 », « 2019 à 2021 »."""
        mine = (labels or {}).get(self.fields[0], {})
        value = self.value(f)
        shown = self.said(value, mine) if self.said else mine.get(value, str(value))
        return f"{self.word} : {shown}" if self.word else shown

    def to_url(self, f: Filters) -> dict[str, str]:
        return {param: self.format(v) for param, name in zip(self.params, self.fields, strict=True)
                if (v := getattr(f, name, None)) is not None}


_iso = dt.date.isoformat
_DATED = dict(parse=dt.date.fromisoformat, format=_iso)

# Order = order of the clauses in the WHERE builders and of the words in describe; `rank` orders the sidebar.
ENTRIES: tuple[Entry, ...] = (
    Entry("plan", ("plan_id",), ("plan",), ("Plan",), "Plan", "select", word="Plan", rank=10,
          placeholder="Tous les plans", options="plans",
          families=frozenset({"actions", "structures", "proposals"}),
          clauses={"actions": one("{a}.plan_id = ?"), "proposals": one("{a}.plan_id = ?")}),
    Entry("axis", ("axis_id",), ("axe",), ("Axe",), "Axe", "select", said=_axis_said, rank=20,
          placeholder="Tous les axes", options="axes",
          families=frozenset({"actions", "structures", "proposals"}),
          clauses={"actions": one("{a}.axis_id = ?"), "proposals": one("{a}.axis_id = ?")}),
    Entry("theme", ("theme_id",), ("theme",), ("Thématique",), "Thématique", "select", word="Thématique", rank=30,
          placeholder="Toutes les thématiques", options="themes",
          families=frozenset({"actions", "meetings", "counted", "events", "structures", "resources", "proposals"}),
          clauses={
              "actions": one("{a}.theme_id = ?"),
              "meetings": one("{a}.instance_theme_id = ?"),
              "counted": one("{a}.instance_id IN (SELECT i.instance_id FROM instance i WHERE i.council_id = {a}.council_id "
                                 "AND i.theme_id = ?)"),
              "events": one("({a}.theme_id IS NULL OR {a}.theme_id = ?)"),  # an event of every theme stays
              "resources": one("{a}.theme_id = ?"),
              "proposals": one("{a}.theme_id = ?"),
          }),
    Entry("status", ("status",), ("statut",), ("Statut",), "Statut", "select", word="Statut", rank=50,
          placeholder="Tous les statuts", choices=(*ACTION_STATUSES, "non renseigné"),
          families=frozenset({"actions", "structures"}),
          clauses={"actions": one("{a}.status_label = ?")}),
    Entry("structure", ("structure_id",), ("structure",), ("Structure",), "Structure", "select", word="Structure",
          rank=40, placeholder="Toutes les structures", options="structures",
          families=frozenset({"actions", "meetings", "counted", "structures", "resources"}),
          clauses={
              "actions": one("{a}.action_id IN (SELECT vs.action_id FROM v_action_structure vs "
                                 "WHERE vs.council_id = {a}.council_id AND vs.structure_id = ?)"),
              "meetings": one("{a}.meeting_id IN (SELECT t.meeting_id FROM attendance t "
                                  "WHERE t.council_id = {a}.council_id AND t.structure_id = ?)"),
              "counted": fixed("FALSE"),  # a count without attendance cannot say who was there: it keeps none
              "resources": one("{a}.structure_id = ?"),
          }),
    Entry("period", ("period_start", "period_end"), ("du", "au"), ("Période (début)", "Période (fin)"), "Période",
          "period", said=_period_said, rank=90, file_part=_period_file, **_DATED,
          families=frozenset({"actions", "meetings", "counted", "events", "history", "dated"}),
          clauses={
              # An action is kept when its dates overlap the period; one without dates is kept (pages say so).
              "actions": span("({a}.end_date IS NULL OR {a}.end_date >= ?)", "({a}.start_date IS NULL OR {a}.start_date <= ?)"),
              "meetings": span("{a}.date >= ?", "{a}.date <= ?"),
              "counted": span("coalesce({a}.period_end, make_date({a}.year, 12, 31)) >= ?",
                              "coalesce({a}.period_start, make_date({a}.year, 1, 1)) <= ?"),
              "events": span("coalesce({a}.date, make_date({a}.year, 1, 1)) >= ?",
                             "coalesce({a}.date, make_date({a}.year, 1, 1)) <= ?"),
              "history": span("coalesce({a}.year_end, {a}.year_start) >= ?", "{a}.year_start <= ?", lambda d: d.year),
              "dated": span("{a} >= ?", "{a} <= ?"),  # any date column: `{a}` is the column itself
          }),
)


# ---------------------------------------------------------------- query families


@dataclass(frozen=True)
class Family:
    """A family of queries over one table or view: its usual alias, its council column, its entries' clauses.

    through: a family whose rows are chosen through another's (the structures of the chosen actions):
        (that family, SQL with `{a}` and `{where}` for its WHERE); an entry claiming it needs a clause there.
    """

    name: str
    alias: str
    council: str | None = "{a}.council_id = ?"
    through: tuple[str, str] | None = None


FAMILIES_SPEC: tuple[Family, ...] = (
    Family("actions", "a"),  # v_action
    Family("meetings", "m"),  # v_meeting
    Family("counted", "c"),  # counted_meeting: meetings known by a count for a period, no dates
    Family("events", "e"),  # event
    Family("history", "h"),  # milestone
    Family("resources", "r"),  # resource
    Family("proposals", "p"),  # proposal (« pistes »)
    # The structures involved in the actions the filters keep. (While one of its own filters is set, the
    # period narrows those actions too, as it always did; alone, it does not narrow the structures.)
    Family("structures", "s", through=("actions", "{a}.structure_id IN (SELECT vs.structure_id FROM v_action_structure vs "
                                                  "WHERE vs.council_id = {a}.council_id "
                                                  "AND vs.action_id IN (SELECT a.action_id FROM v_action a WHERE {where}))")),
    Family("dated", "", council=None),  # a bare date column (dated_where)
)
FAMILIES = tuple(fam.name for fam in FAMILIES_SPEC)


def family(name: str) -> Family:
    for fam in FAMILIES_SPEC:
        if fam.name == name:
            return fam
    raise ValueError(f"famille de requêtes inconnue : {name}")


def claiming(name: str) -> Iterator[Entry]:
    """The entries that claim a family, in order."""
    return (e for e in ENTRIES if name in e.families)


def missing_clauses() -> list[tuple[str, str]]:
    """(entry, family) pairs where an entry claims a family it has no clause for: should be none."""
    out = []
    for e in ENTRIES:
        for name in sorted(e.families):
            fam = family(name)
            if name not in e.clauses and not (fam.through and fam.through[0] in e.clauses):
                out.append((e.name, name))
    return out


def where(name: str, f: Filters, alias: str | None = None, skip: tuple[str, ...] = (),
          _for: str | None = None) -> tuple[str, list]:
    """The WHERE clause (bound parameters) of a query family for `f`: its council, then each active entry's clause.

    Args:
        name: the family (« actions », « meetings »…).
        alias: the alias of its table in the query (the family's usual one by default).
        skip: entries this query deliberately does not apply (named, so a reader sees it).
    Returns:
        (SQL, parameters); "TRUE" when nothing applies.
    Raises:
        KeyError: an active entry claims the family but has no clause for it.
    """
    fam = family(name)
    a = fam.alias if alias is None else alias
    clauses, params = [], []
    if fam.council:
        clauses.append(fam.council.format(a=a))
        params.append(f.council_id)
    # `_for`: this family chooses the rows of another (`through`): that one's entries apply here too.
    active = [e for e in ENTRIES if (name in e.families or _for in e.families) and e.name not in skip and e.active(f)]
    if fam.through and active:
        inner, inner_params = where(fam.through[0], f, _for=name)
        clauses.append(fam.through[1].format(a=a, where=inner))
        params += inner_params
    elif not fam.through:
        for e in active:
            sql, values = e.clauses[name](a, e.value(f))
            clauses += sql
            params += values
    return (" AND ".join(clauses) or "TRUE"), params


def action_where(f: Filters, alias: str = "a") -> tuple[str, list]:
    """WHERE clause (bound parameters) selecting the actions of v_action matching `f`.

    Period: an action is kept when its dates overlap the period; actions without dates are kept
    (they cannot be placed in time) and pages say so.
    """
    return where("actions", f, alias)


def dated_where(f: Filters, column: str) -> tuple[str, list]:
    """Clause keeping rows whose `column` date lies in the period (always true when unset)."""
    return where("dated", f, column)


def meeting_where(f: Filters, alias: str = "m") -> tuple[str, list]:
    """WHERE clause on v_meeting for the filters that apply to meetings."""
    return where("meetings", f, alias)


def counted_where(f: Filters, alias: str = "c") -> tuple[str, list]:
    """WHERE clause on counted_meeting for the filters that apply to meetings (period overlap, theme).

    A structure filter keeps none: a count without attendance cannot say who was there.
    """
    return where("counted", f, alias)


class _Applies(Mapping):
    """Per family, the `Filters` fields its queries honour (read from ENTRIES when asked)."""

    def __getitem__(self, name: str) -> set[str]:
        family(name)
        return {fld for e in claiming(name) for fld in e.fields}

    def __iter__(self) -> Iterator[str]:
        return iter(FAMILIES)

    def __len__(self) -> int:
        return len(FAMILIES)


# Which filters each family of queries honours; pages say which ones they ignore.
APPLIES: Mapping[str, set[str]] = _Applies()


def ignored(f: Filters, *families: str) -> list[str]:
    """The French names of the active filters none of `families` applies (« Plan », « Période (début) »)."""
    applied = set().union(*(APPLIES[name] for name in families))
    labels = field_labels()
    return [labels[fld] for fld in f.active() if fld in labels and fld not in applied]


def field_labels() -> dict[str, str]:
    """{Filters field: its French name}."""
    return {fld: label for e in ENTRIES for fld, label in zip(e.fields, e.labels, strict=True)}


@dataclass(frozen=True)
class _FieldDef:
    name: str
    param: str
    label: str
    families: frozenset[str] = field(default_factory=frozenset)


# One record per `Filters` field (name, URL parameter, label), read from ENTRIES at import: for older callers.
DEFS: tuple[_FieldDef, ...] = tuple(
    _FieldDef(fld, param, label, e.families)
    for e in ENTRIES for fld, param, label in zip(e.fields, e.params, e.labels, strict=True))
BY_NAME = {d.name: d for d in DEFS}


# ---------------------------------------------------------------- words, file names, URL


def describe(f: Filters, labels: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """The active filters in one French sentence: « Plan : Pistes 2021 · Axe 2 – Jeunes · 2019 à 2021 ».

    Args:
        f: the filters.
        labels: per filter field, {value: label} (plan names, "Axe 2 – …", structure names); a value
            missing from it is shown as given.
    Returns:
        "" when no filter is set.
    """
    return " · ".join(e.words(f, labels) for e in ENTRIES if e.active(f))


def describe_or_all(f: Filters, labels: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """Like describe, « Sans filtre (toutes les données) » when none is set."""
    return describe(f, labels) or "Sans filtre (toutes les données)"


def file_part(f: Filters | None, today: dt.date | None = None) -> str:
    """The filters' fragment of an output's file name: `2021`, `2019-2021`, `depuis-2021-03-01`; `au-<today>` when
    no entry names itself there (the data as of today)."""
    f = f or Filters()
    parts = [e.file_part(e.value(f)) for e in ENTRIES if e.file_part and e.active(f)]
    return "-".join(parts) or f"au-{(today or dt.date.today()).isoformat()}"


def to_params(f: Filters) -> dict[str, str]:
    """The active filters as URL parameters (ids and ISO dates): `{"plan": "pistes-2021", "du": "2019-01-01"}`."""
    return {k: v for e in ENTRIES for k, v in e.to_url(f).items()}


def from_params(params: Mapping[str, str], base: Filters | None = None) -> Filters:
    """Filters from URL-style parameters (ids and ISO dates) over `base`; unknown names or bad dates raise ValueError."""
    by_param = {param: (e, fld) for e in ENTRIES for param, fld in zip(e.params, e.fields, strict=True)}
    changes = {}
    for key, value in params.items():
        if key not in by_param:
            raise ValueError(key)
        e, fld = by_param[key]
        changes[fld] = e.parse(value)
    return replace(base or Filters(), **changes)
