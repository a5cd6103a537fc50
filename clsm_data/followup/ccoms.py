"""The CCOMS état des lieux indicators: what the national survey of CLSM asks each council, from its own data.

The national resource centre (CCOMS) surveys every CLSM on four subjects, in this order: its governance, the
instances it met, its partners by sector, its actions by theme. Each indicator is computed for one council,
from that council's rows alone (`council_id = ?` in every statement, and on PostgreSQL a connection bound to
it), then the network's column adds the councils up where adding means something: counts are summed, a yes/no
becomes « n conseils sur N », a text stays per council. A value the data does not give stays empty: never a
zero that was not counted.

The seeds give no copy of the questionnaire itself: the wording of each line is ours, and says what is counted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from clsm_data.core.tables import SECTORS
from clsm_data.read import statements

SUBJECTS = ("Gouvernance", "Instances réunies", "Partenaires par secteur", "Actions par thème")
NO_SECTOR = "secteur non renseigné"
NO_THEME = "sans thématique"


@dataclass(frozen=True)
class Line:
    """One line of the survey: its subject, its wording, how the network adds it up ("somme", "oui", "texte")."""

    subject: str
    label: str
    total: str


def _one(con, sql: str, params: list):
    row = con.execute(sql, params).fetchone()
    return row[0] if row else None


def council_lines(con, council_id: str, year: int) -> list[tuple[Line, object]]:
    """Every indicator of one council for one year, in the survey's order: [(line, value)]."""
    c = council_id
    out: list[tuple[Line, object]] = []
    name, territory, carrier = con.execute(
        "SELECT name, territory, carrier FROM council WHERE council_id = ?", [c]).fetchone() or (None, None, None)
    kinds = dict(con.execute("SELECT kind, count(*) FROM instance WHERE council_id = ? GROUP BY kind", [c]).fetchall())
    g = "Gouvernance"
    out += [
        (Line(g, "Nom du conseil", "texte"), name),
        (Line(g, "Territoire", "texte"), territory),
        (Line(g, "Structure porteuse", "texte"), carrier),
        (Line(g, "Comité de pilotage constitué", "oui"), "oui" if kinds.get("copil") else "non"),
        (Line(g, "Assemblée plénière constituée", "oui"), "oui" if kinds.get("plénière") else "non"),
        (Line(g, "Groupes de travail constitués (nombre)", "somme"), int(kinds.get("groupe", 0))),
    ]
    i = "Instances réunies"
    met = dict(con.execute(
        "SELECT i.kind, count(*) FROM meeting m JOIN instance i ON i.council_id = m.council_id "
        "AND i.instance_id = m.instance_id WHERE m.council_id = ? AND year(m.date) = ? GROUP BY i.kind",
        [c, year]).fetchall())
    people = _one(con, "SELECT sum(a.count) FROM attendance a JOIN meeting m ON m.council_id = a.council_id "
                       "AND m.meeting_id = a.meeting_id WHERE a.council_id = ? AND year(m.date) = ?", [c, year])
    counted = _one(con, "SELECT count(DISTINCT a.meeting_id) FROM attendance a JOIN meeting m "
                        "ON m.council_id = a.council_id AND m.meeting_id = a.meeting_id "
                        "WHERE a.council_id = ? AND year(m.date) = ?", [c, year])
    validated = con.execute("SELECT validated_on FROM year_validation WHERE council_id = ? AND year = ?",
                            [c, year]).fetchone()
    out += [
        # the figures below are today's: a validated year says so, and what changed since is said beside the table
        (Line(i, f"Chiffres de {year} validés par le COPIL", "oui"), "oui" if validated else "non"),
        (Line(i, f"Réunions du comité de pilotage enregistrées en {year}", "somme"), int(met.get("copil", 0))),
        (Line(i, f"Assemblées plénières enregistrées en {year}", "somme"), int(met.get("plénière", 0))),
        (Line(i, f"Réunions des groupes de travail enregistrées en {year}", "somme"), int(met.get("groupe", 0))),
        (Line(i, f"Autres réunions du conseil enregistrées en {year}", "somme"),
         int(sum(v for k, v in met.items() if k not in ("copil", "plénière", "groupe")))),
        # people counted at the meetings whose attendance was recorded; empty when none was
        (Line(i, f"Participations comptées aux réunions de {year} (réunions dont la présence est notée)", "somme"),
         int(people) if people is not None and counted else None),
    ]
    p = "Partenaires par secteur"
    sectors = dict(con.execute("SELECT coalesce(sector, ?), count(*) FROM structure WHERE council_id = ? "
                               "GROUP BY 1", [NO_SECTOR, c]).fetchall())
    out += [(Line(p, f"Structures nommées : {s}", "somme"), int(sectors.get(s, 0))) for s in (*SECTORS, NO_SECTOR)]
    out.append((Line(p, "Structures nommées : total", "somme"), int(sum(sectors.values()))))
    a = "Actions par thème"
    plan_id = statements.plan_in_force(con, council_id=c)
    plan = con.execute("SELECT coalesce(short_name, name) FROM plan WHERE council_id = ? AND plan_id = ?",
                       [c, plan_id]).fetchone() if plan_id else None
    out.append((Line(a, "Plan en vigueur", "texte"), plan[0] if plan else None))
    themes = con.execute("SELECT theme_id, name FROM theme WHERE council_id = ? ORDER BY position NULLS LAST, name",
                         [c]).fetchall()
    by_theme = dict(con.execute(
        "SELECT coalesce(theme_id, ''), count(*) FROM action WHERE council_id = ? AND plan_id = ? GROUP BY 1",
        [c, plan_id]).fetchall()) if plan_id else {}
    for theme_id, theme in themes:
        out.append((Line(a, f"Actions du plan en vigueur : {theme}", "somme"),
                    int(by_theme.get(theme_id, 0)) if plan_id else None))
    out.append((Line(a, f"Actions du plan en vigueur : {NO_THEME}", "somme"),
                int(by_theme.get("", 0)) if plan_id else None))
    out.append((Line(a, "Actions du plan en vigueur : total", "somme"),
                int(sum(by_theme.values())) if plan_id else None))
    return out


def indicators(con, councils: list[str], year: int | None = None) -> pd.DataFrame:
    """The survey's table: one row per line (subject, indicator), one column per council, the network's total.

    Args:
        con: a connection that sees these councils (on PostgreSQL, the owner or one bound to all of them).
        councils: council ids, in the order of their columns.
        year: the year of the instances counted (default: the data's year).
    Returns:
        Columns « Rubrique », « Indicateur », one per council (its name), and « Réseau (N conseils) » when N > 1.
    """
    year = year or (statements.data_date(con) or dt.date.today()).year
    per = {c: council_lines(con, c, year) for c in councils}
    names = {c: (_one(con, "SELECT name FROM council WHERE council_id = ?", [c]) or c) for c in councils}
    order: list[Line] = []
    values: dict[tuple[str, Line], object] = {}
    for c, lines in per.items():
        for line, value in lines:
            if line not in order:
                order.append(line)
            values[(c, line)] = value
    # the survey's order: subject first, then the order the lines were met
    order.sort(key=lambda ln: SUBJECTS.index(ln.subject))
    rows = []
    for line in order:
        row = {"Rubrique": line.subject, "Indicateur": line.label}
        got = [values.get((c, line)) for c in councils]
        for c, v in zip(councils, got, strict=True):
            row[names[c]] = v
        if len(councils) > 1:
            row[f"Réseau ({len(councils)} conseils)"] = _network(line, got)
        rows.append(row)
    return pd.DataFrame(rows)


def _network(line: Line, got: list) -> object:
    if line.total == "somme":
        known = [v for v in got if v is not None]
        return int(sum(known)) if known else None
    if line.total == "oui":
        return f"{sum(1 for v in got if v == 'oui')} conseils sur {len(got)}"
    return None


def councils_of(con) -> list[str]:
    """Every council the connection sees, the default first then by name."""
    from clsm_data.core.config import DEFAULT_COUNCIL

    rows = con.execute("SELECT council_id FROM council ORDER BY council_id <> ?, name", [DEFAULT_COUNCIL]).fetchall()
    return [r[0] for r in rows]
