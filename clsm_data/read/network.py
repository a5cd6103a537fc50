"""The network view: several councils side by side, and the figures that add up across them.

An ARS officer reads the councils of one région, the national resource centre every council; each council keeps its
own plan, its own instances and its own way of counting. So the network adds up only what can be added, and says
over what: meetings dated in one year, the participations counted at them, the structures each council names, and
the actions of each council's plan in force (one plan per council, named beside it), by status and by theme. Never
two years, never two plans of one council, never ideas and engaged actions together.

A year the COPIL of a council validated is read as validated (its frozen figures), as on that council's own pages;
the table says which councils' figures are validated. Every statement lists its councils (`council_id IN (…)`),
and on PostgreSQL the connection is bound to them as well (row-level security).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import pandas as pd

from clsm_data.core.tables import ACTION_STATUSES, SECTORS
from clsm_data.read import statements

NO_SECTOR = "secteur non renseigné"
NO_THEME = "sans thématique"
NO_STATUS = "non renseigné"


@dataclass(frozen=True)
class Perimeter:
    """A set of councils read together: the nation (every council of the account), a région or a département."""

    kind: str  # "nation", "région", "département"
    name: str  # « Grand Est », « Moselle »; "" for the nation
    councils: tuple[str, ...]

    @property
    def label(self) -> str:
        n = len(self.councils)
        count = f"{n} conseil{'s' if n > 1 else ''}"
        if self.kind == "nation":
            return f"Tous les conseils du compte ({count})"
        return f"{'Région' if self.kind == 'région' else 'Département'} {self.name} ({count})"


def _in(councils) -> tuple[str, list]:
    councils = list(councils)
    return ", ".join("?" for _ in councils) or "NULL", councils


def councils(con, ids) -> pd.DataFrame:
    """council_id, name, department, region of these councils, in the order given (unknown ids left out)."""
    marks, params = _in(ids)
    rows = con.execute(f"SELECT council_id, name, department, region FROM council WHERE council_id IN ({marks})",
                       params).fetchall()
    found = {r[0]: r for r in rows}
    return pd.DataFrame([found[c] for c in ids if c in found], columns=["council_id", "name", "department", "region"])


def perimeters(con, ids) -> list[Perimeter]:
    """The nation (all these councils), then each région, then each département that holds some of them, by name.
    A département equal to the whole set is not repeated."""
    info = councils(con, ids)
    every = tuple(info["council_id"])
    out = [Perimeter("nation", "", every)]
    for kind, col in (("région", "region"), ("département", "department")):
        named = info.dropna(subset=[col])
        for name, group in sorted(named.groupby(col), key=lambda kv: str(kv[0])):
            members = tuple(c for c in every if c in set(group["council_id"]))
            if members != every or kind == "région":  # a région is named even when it is the whole set
                out.append(Perimeter(kind, str(name), members))
    return out


def _frozen(con, ids, year: int) -> dict[str, dict]:
    """council_id -> the figures its COPIL validated for `year` (only the councils that validated it)."""
    marks, params = _in(ids)
    rows = con.execute(f"SELECT council_id, figures, validated_on FROM year_validation WHERE council_id IN ({marks}) "
                       "AND year = ?", [*params, int(year)]).fetchall()
    return {c: json.loads(f) | {"validated_on": on} for c, f, on in rows}


def plans_in_force(con, ids) -> dict[str, tuple[str, str]]:
    """council_id -> (plan_id, plan's short name) of its plan in force (councils without engaged actions left out).

    The choice is `statements.plan_in_force`'s, each council at its own data's date; its inputs are read for every
    council at once (two statements, not two per council: 280 councils took 1.6 s one by one)."""
    marks, params = _in(ids)
    plans = con.execute(
        "SELECT p.council_id, p.plan_id, p.name, p.short_name, p.year_start, p.year_end, p.published, p.position, "
        "count(a.action_id) AS actions FROM plan p JOIN action a USING (council_id, plan_id) "
        f"WHERE p.council_id IN ({marks}) GROUP BY p.council_id, p.plan_id, p.name, p.short_name, p.year_start, "
        "p.year_end, p.published, p.position ORDER BY p.council_id, p.position", params).df()
    if plans.empty:
        return {}
    latest = {c: d for c, d in con.execute(
        f"SELECT council_id, max(d) FROM (SELECT council_id, max(date) AS d FROM meeting WHERE council_id IN ({marks}) "
        f"GROUP BY 1 UNION ALL SELECT council_id, max(date) FROM event WHERE council_id IN ({marks}) GROUP BY 1 "
        f"UNION ALL SELECT council_id, max(date) FROM action_realisation WHERE council_id IN ({marks}) GROUP BY 1 "
        f"UNION ALL SELECT council_id, max(date) FROM action_status WHERE council_id IN ({marks}) GROUP BY 1 "
        f"UNION ALL SELECT council_id, max(date) FROM achievement WHERE council_id IN ({marks}) GROUP BY 1) AS dated "
        "GROUP BY council_id", params * 5).fetchall() if d is not None}
    out = {}
    for c, mine in plans.groupby("council_id", sort=False):
        mine = mine.drop(columns="council_id").reset_index(drop=True)
        at = latest.get(c) or dt.date.today()
        pid = statements.choose_plan(mine, at.date() if isinstance(at, dt.datetime) else at)
        row = mine[mine["plan_id"] == pid].iloc[0]
        out[c] = (pid, row["short_name"] if isinstance(row["short_name"], str) else row["name"])
    return {c: out[c] for c in ids if c in out}


def _actions(con, ids, plans: dict[str, tuple[str, str]], by: str) -> pd.DataFrame:
    """council_id, <by>, n: the actions of each council's plan in force, grouped by status or theme."""
    marks, params = _in(ids)
    col = "status_label" if by == "status" else "theme_name"
    df = con.execute(f"SELECT council_id, plan_id, {col} AS key, count(*) AS n FROM v_action "
                     f"WHERE council_id IN ({marks}) GROUP BY 1, 2, 3", params).df()
    keep = [plans.get(c, (None,))[0] == p for c, p in zip(df["council_id"], df["plan_id"], strict=True)]
    df = df[keep].drop(columns="plan_id")
    df["key"] = df["key"].fillna(NO_STATUS if by == "status" else NO_THEME)
    df["n"] = df["n"].astype(int)
    return df


def view(con, ids, year: int) -> dict:
    """Everything the network page shows for these councils and this year.

    Returns:
        dict with
        - per_council: one row per council (council_id, Conseil, Département, Région, Réunions datées,
          Réunions comptées sans date,          Participations comptées, Réunions dont la présence est notée, Structures nommées, Plan en vigueur,
          Actions du plan en vigueur, dont réalisées, Année validée) — None where the data says nothing;
        - totals: the same figures added up (ints; participations None when no council counted any);
        - by_status, by_theme: status / theme, n (actions of the plans in force), then one column per council;
        - by_sector: sector, n (structures named);
        - validated: the councils whose year is validated (their figures are the validated ones);
        - without_plan: the councils with no engaged action.
    """
    ids = list(dict.fromkeys(ids))
    info = councils(con, ids)
    ids = list(info["council_id"])
    marks, params = _in(ids)
    frozen = _frozen(con, ids, year)
    met = {r[0]: r[1:] for r in con.execute(
        f"SELECT council_id, count(*), sum(participants), count(participants) FROM v_meeting "
        f"WHERE council_id IN ({marks}) AND year(date) = ? GROUP BY 1", [*params, int(year)]).fetchall()}
    told = dict(con.execute(f"SELECT council_id, sum(meetings) FROM counted_meeting WHERE council_id IN ({marks}) "
                            "AND year = ? AND meetings IS NOT NULL GROUP BY 1", [*params, int(year)]).fetchall())
    sectors = con.execute(f"SELECT council_id, coalesce(sector, ?) AS key, count(*) AS n FROM structure "
                          f"WHERE council_id IN ({marks}) GROUP BY 1, 2", [NO_SECTOR, *params]).df()
    plans = plans_in_force(con, ids)
    status = _actions(con, ids, plans, "status")
    themes = _actions(con, ids, plans, "theme")
    rows = []
    for c, name, dep, reg in info.itertuples(index=False):
        n_met, people, counted = met.get(c, (0, None, 0))
        n_told = told.get(c)
        v = frozen.get(c)
        if v is not None:  # what its COPIL validated, as its own pages say
            n_met = v.get("meetings", n_met)
            n_told = v.get("meetings_counted", n_told)
            people = v.get("participants_all", v.get("participants"))
            counted = None
        mine = status[status["council_id"] == c]
        rows.append({
            "council_id": c, "Conseil": name, "Département": dep, "Région": reg,
            "Réunions datées": int(n_met or 0),
            # the documents' counts for the year without dates (« En 2021, 26 réunions »), never added to the dated
            "Réunions comptées sans date": int(n_told) if n_told else None,
            "Participations comptées": None if people is None or counted == 0 else int(people),
            "Structures nommées": int(sectors.loc[sectors["council_id"] == c, "n"].sum()),
            "Plan en vigueur": plans[c][1] if c in plans else None,
            "Actions du plan en vigueur": int(mine["n"].sum()) if c in plans else None,
            "dont réalisées": int(mine.loc[mine["key"] == "réalisée", "n"].sum()) if c in plans else None,
            "Année validée": v["validated_on"] if v is not None else None,
        })
    per = pd.DataFrame(rows, columns=["council_id", "Conseil", "Département", "Région", "Réunions datées",
                                      "Réunions comptées sans date", "Participations comptées", "Structures nommées", "Plan en vigueur",
                                      "Actions du plan en vigueur", "dont réalisées", "Année validée"])
    people = [p for p in per["Participations comptées"] if p is not None and p == p]
    totals = {
        "councils": len(per),
        "meetings": int(per["Réunions datées"].sum()),
        "meetings_counted": int(per["Réunions comptées sans date"].fillna(0).sum()),
        "participants": int(sum(people)) if people else None,
        "participants_councils": len(people),
        "structures": int(per["Structures nommées"].sum()),
        "plans": len(plans),
        "actions": int(status["n"].sum()),
        "realised": int(status.loc[status["key"] == "réalisée", "n"].sum()),
    }
    names = dict(zip(info["council_id"], info["name"], strict=True))
    order = {"status": [*ACTION_STATUSES, NO_STATUS], "sector": [*SECTORS, NO_SECTOR]}
    return {
        "per_council": per, "totals": totals, "year": int(year),
        "by_status": _spread(status, "Statut", names, order["status"]),
        "by_theme": _spread(themes, "Thématique", names, None),
        "by_sector": _spread(sectors, "Secteur", names, order["sector"]),
        "validated": [names[c] for c in ids if c in frozen],
        "without_plan": [names[c] for c in ids if c not in plans],
    }


def _spread(df: pd.DataFrame, label: str, names: dict[str, str], order: list[str] | None) -> pd.DataFrame:
    """One row per key (status, theme, sector): the network's total « Réseau », then one column per council."""
    if df.empty:
        return pd.DataFrame(columns=[label, "Réseau"])
    wide = df.pivot_table(index="key", columns="council_id", values="n", aggfunc="sum", fill_value=0)
    wide = wide[[c for c in names if c in wide.columns]].astype(int)
    wide.columns.name = None
    wide.insert(0, "Réseau", wide.sum(axis=1).astype(int))
    keys = list(wide.index)
    if order:
        keys = [k for k in order if k in wide.index] + sorted(k for k in keys if k not in order)
    else:
        keys = sorted(keys, key=lambda k: (k == NO_THEME, -int(wide.loc[k, "Réseau"]), k))
    wide = wide.loc[keys].rename(columns=names)
    wide.index.name = label
    return wide.reset_index()


def covered(per_council: pd.DataFrame, limit: int = 6) -> str:
    """« CLSM de Metz, CLSM synthétique 001 et 2 autres » — the councils a figure or a file covers, in words."""
    names = [str(n) for n in per_council["Conseil"]]
    if len(names) <= limit:
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]
    return ", ".join(names[:limit]) + f" et {len(names) - limit} autres"


def latest_year(con, ids) -> int | None:
    """The latest year in which one of these councils dated a meeting or counted some (the page's first year)."""
    marks, params = _in(ids)
    row = con.execute(f"SELECT max(y) FROM (SELECT max(year(date)) AS y FROM meeting WHERE council_id IN ({marks}) "
                      f"UNION ALL SELECT max(year) FROM counted_meeting WHERE council_id IN ({marks})) AS latest",
                      [*params, *params]).fetchone()
    return int(row[0]) if row and row[0] is not None else None
