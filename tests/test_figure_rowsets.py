"""Each headline figure is the count of the rows « D'où vient ce chiffre ? » lists for it (provenance.figure_rows).

For every key of provenance.FIGURES, the number a page, a slide or the bilan shows equals the sum of
the `n` of its rows, on the seed database and on a database after an import (a meeting, an action's
status, an event dated by its year only).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from clsm_data.present import headlines
from clsm_data.read import provenance, queries
from clsm_data.read.filters import Filters
from clsm_data.store.db import connect

PERIODS = [
    Filters(),
    Filters(period_start=dt.date(2021, 1, 1), period_end=dt.date(2021, 12, 31)),
    Filters(period_start=dt.date(2020, 3, 1)),
    Filters(plan_id="cls-2017-2020"),
]


def shown(con, f: Filters) -> dict[str, int | None]:
    """Every figure as the screens compute it (overview, charts, « Ce qui a changé depuis »), with the filters
    each one's sources are asked with."""
    o = headlines.overview(con, f, masked=False)
    fp = dataclasses.replace(f, plan_id=o["scope"]["plan_id"])  # the overview asks its sources for the plan it states
    by_status = queries.headline(con, fp)["by_status"]
    out = {
        ("actions", fp): o["actions"].figure,
        ("realised", fp): o["realised"].details["realised"],
        ("planned", fp): o["realised"].details["planned"],
        ("structures", fp): o["structures"],
        ("meetings", fp): o["meetings"],
        ("counted", fp): o["meetings_counted"],
        ("participants", fp): o["participants"] or 0,
        ("events", fp): o["events"],
        ("status_chart", fp): int(by_status["n"].sum()),
        ("status_chart", f): int(queries.progress(con, f, "axis")["n"].sum()),
        ("meetings_chart", f): int(queries.meetings_per_year(con, f)["meetings"].sum()),
        ("sism_chart", f): len(queries.events(con, f, "SISM")),
    }
    since = queries.last_meeting_date(con) or dt.date(2020, 1, 1)
    for day in (since, dt.date(2020, 2, 1), dt.date(2019, 6, 1)):
        ch = queries.changes_since(con, day)
        after = Filters(council_id=f.council_id, period_start=day + dt.timedelta(days=1))  # as app.py asks them
        out |= {("meetings", after): ch["meetings_n"], ("events_since", after): ch["events_n"],
                ("actions_updated", after): ch["actions_n"], ("writes", after): ch["writes_n"]}
    return out


def check(con) -> None:
    checked = set()
    for f in PERIODS:
        for (figure, g), value in shown(con, f).items():
            rows = provenance.figure_rows(con, figure, g)
            assert int(rows["n"].sum()) == value, (figure, g, value, rows)
            assert provenance.figure_count(con, figure, g) == value
            checked.add(figure)
    assert checked == set(provenance.FIGURES), set(provenance.FIGURES) - checked


def test_every_figure_is_the_count_of_its_rows_on_the_seed(seed_db):
    con = connect(seed_db, read_only=True)
    try:
        check(con)
    finally:
        con.close()


def test_every_figure_is_the_count_of_its_rows_after_an_import(fresh_db):
    from clsm_data import importing as importer
    from clsm_data.core.roles import Caller

    con = connect(fresh_db, read_only=False)
    try:
        who = Caller("coordination", "coordinator")
        for name, table, text in [
            ("reunions-2021.csv", "meeting", "identifiant;instance;date\ncopil-2021-06-10;copil;10/06/2021\n"),
            ("actions.csv", "action", "identifiant;statut\nfiche-15;réalisée\n"),
            ("evenements.csv", "event", "identifiant;type;année;intitulé\nev-2022-x;sensibilisation;2022;Essai\n"),
        ]:
            importer.apply_import(con, who, importer.plan_import(con, text.encode("utf-8"), name, table=table))
        check(con)
        # « Actions mises à jour » after the import: the figure counts the action the import changed, and its
        # sources list that action and the import (they listed nothing, by the sheet's « mise à jour le » alone).
        after = Filters(period_start=dt.date(2021, 6, 11))
        assert queries.changes_since(con, dt.date(2021, 6, 10))["actions_n"] == 1
        assert provenance.figure_rows(con, "actions_updated", after)["row_key"].tolist() == ["fiche-15"]
        src = provenance.figure_sources(con, "actions_updated", after)
        assert "actions.csv" in src.loc[src["kind"] == "import", "document"].tolist()
        writes = provenance.figure_sources(con, "writes", after)
        assert sorted(writes["document"]) == ["actions.csv", "evenements.csv", "reunions-2021.csv"]
    finally:
        con.close()


def test_an_event_dated_by_its_year_counts_as_changes_since_counts_it(seed_db):
    """« Événements depuis le 01/02/2020 »: a 2020 event without a day is counted (up to 31 December), and listed."""
    con = connect(seed_db, read_only=True)
    try:
        after = Filters(period_start=dt.date(2020, 2, 2))
        n = queries.changes_since(con, dt.date(2020, 2, 1))["events_n"]
        assert provenance.figure_count(con, "events_since", after) == n
    finally:
        con.close()


def test_an_unknown_figure_is_refused(seed_db):
    con = connect(seed_db, read_only=True)
    try:
        with pytest.raises(ValueError, match="nope"):
            provenance.figure_rows(con, "nope", Filters())
    finally:
        con.close()
