"""A filter is one entry: every family it claims has its clause, and a new entry flows everywhere from that one place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from clsm_data.read import filters
from clsm_data.read.filters import Entry, Filters, one
from clsm_data.store.db import connect

# The table (with the family's usual alias) each family's WHERE is written for.
TABLES = {
    "actions": "v_action a", "meetings": "v_meeting m", "counted": "counted_meeting c", "events": "event e",
    "history": "milestone h", "resources": "resource r", "proposals": "proposal p", "structures": "structure s",
}
EVERY = Filters(plan_id="pistes-2021", axis_id="p21-a2", theme_id="jeunes", structure_id="ch-jury", status="réalisée",
                period_start=dt.date(2019, 1, 1), period_end=dt.date(2021, 12, 31))


@pytest.fixture
def con(seed_db):
    c = connect(seed_db)
    yield c
    c.close()


def test_every_claimed_family_has_a_clause():
    assert filters.missing_clauses() == []
    assert set(TABLES) | {"dated"} == set(filters.FAMILIES)


def test_a_claim_without_its_clause_is_caught(monkeypatch):
    loose = Entry("loose", ("theme_id",), ("x",), ("X",), "X", "select", families=frozenset({"actions", "events"}),
                  clauses={"actions": one("{a}.theme_id = ?")})
    monkeypatch.setattr(filters, "ENTRIES", (*filters.ENTRIES, loose))
    assert filters.missing_clauses() == [("loose", "events")]
    with pytest.raises(KeyError, match="events"):
        filters.where("events", Filters(theme_id="jeunes"))


@pytest.mark.parametrize("family", sorted(TABLES))
def test_each_family_where_runs_with_every_filter_set(con, family):
    """Each entry's clause binds as many values as it has `?` and reads in the database, one filter at a time and all."""
    alone = [Filters(**{fld: getattr(EVERY, fld)}) for e in filters.ENTRIES for fld in e.fields]
    for f in [Filters(), *alone, EVERY]:
        sql, params = filters.where(family, f)
        assert sql.count("?") == len(params), (family, f, sql)
        con.execute(f"SELECT count(*) FROM {TABLES[family]} WHERE {sql}", params).fetchone()
    sql, params = filters.dated_where(EVERY, "m.date")
    assert con.execute(f"SELECT count(*) FROM v_meeting m WHERE {sql}", params).fetchone()[0] >= 0


def test_named_builders_are_the_family_builders():
    assert filters.action_where(EVERY, "x") == filters.where("actions", EVERY, "x")
    assert filters.meeting_where(EVERY) == filters.where("meetings", EVERY)
    assert filters.counted_where(EVERY) == filters.where("counted", EVERY)
    sql, params = filters.counted_where(Filters(structure_id="ch-jury"))
    assert sql == "c.council_id = ? AND FALSE" and params == [Filters().council_id]  # a count cannot say who came
    assert filters.where("events", EVERY, skip=("theme",))[0].count("theme_id") == 0


# ---------------------------------------------------------------- a new filter: one entry, nothing else


@dataclass(frozen=True)
class WithCommune(Filters):
    commune: str | None = None


COMMUNE = Entry(
    "commune", ("commune",), ("commune",), ("Commune",), "Commune", "select", word="Commune",
    placeholder="Toutes les communes", choices=("Metz", "Woippy"),
    families=frozenset({"resources", "structures"}),
    clauses={"resources": one("{a}.commune = ?"),
             "actions": one("{a}.action_id IN (SELECT vs.action_id FROM v_action_structure vs "
                            "JOIN structure s USING (structure_id) WHERE s.commune = ?)")},
    file_part=lambda value: value.lower(),
)


def test_a_toy_entry_flows_to_the_where_the_words_and_the_url(monkeypatch, con):
    monkeypatch.setattr(filters, "ENTRIES", (*filters.ENTRIES, COMMUNE))
    f = WithCommune(theme_id="jeunes", period_start=dt.date(2021, 1, 1), period_end=dt.date(2021, 12, 31),
                    commune="Metz")
    assert filters.missing_clauses() == []
    # WHERE: its clause in the families it claims, its value bound; none elsewhere.
    sql, params = filters.where("resources", f)
    assert sql.endswith(" AND r.commune = ?") and params[-1] == "Metz"
    assert "commune" not in filters.meeting_where(f)[0]
    sql, params = filters.where("structures", f)  # through the actions: it needs its clause there
    assert "s.commune = ?" in sql and "Metz" in params
    for family in ("resources", "structures"):
        sql, params = filters.where(family, f)
        con.execute(f"SELECT count(*) FROM {TABLES[family]} WHERE {sql}", params).fetchone()
    assert filters.APPLIES["resources"] == {"theme_id", "structure_id", "commune"}
    assert filters.ignored(f, "meetings") == ["Commune"]
    # Words and the file name.
    assert filters.describe(f, {"theme_id": {"jeunes": "Jeunes"}}) == "Thématique : Jeunes · 2021 · Commune : Metz"
    assert filters.file_part(f) == "2021-metz"
    # URL form, both ways.
    assert filters.to_params(f) == {"theme": "jeunes", "du": "2021-01-01", "au": "2021-12-31", "commune": "Metz"}
    assert filters.from_params({"commune": "Woippy", "du": "2020-01-01"}, WithCommune()) == WithCommune(
        commune="Woippy", period_start=dt.date(2020, 1, 1))
    with pytest.raises(ValueError):
        filters.from_params({"communes": "Metz"}, WithCommune())


def test_file_part_and_words_of_the_period():
    assert filters.file_part(Filters(), dt.date(2026, 11, 30)) == "au-2026-11-30"
    assert filters.file_part(Filters(period_start=dt.date(2019, 1, 1), period_end=dt.date(2021, 12, 31))) == "2019-2021"
    assert filters.file_part(Filters(period_start=dt.date(2021, 3, 1))) == "depuis-2021-03-01"
    assert filters.describe(Filters(period_end=dt.date(2021, 6, 30))) == "Jusqu'au 30/06/2021"


def test_the_sidebar_draws_the_entries(app_db):
    from conftest import ROOT
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    assert not at.exception
    selects = [e for e in sorted(filters.ENTRIES, key=lambda e: e.rank) if e.widget == "select"]
    drawn = {s.key: s for s in at.sidebar.selectbox}
    assert [k for k in drawn if k in {e.params[0] for e in selects}] == [e.params[0] for e in selects]
    for e in selects:
        assert drawn[e.params[0]].label == e.label and drawn[e.params[0]].placeholder == e.placeholder
