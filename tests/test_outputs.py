"""What the council shows and hands out: filters in words, exports, deck and report (issue 10)."""

from __future__ import annotations

import datetime as dt

import pytest

from clsm_data import figures
from clsm_data.db import connect
from clsm_data.filters import APPLIES, DEFS, Filters, action_where, dated_where, describe


@pytest.fixture
def con(seed_db):
    c = connect(seed_db)
    yield c
    c.close()


# ---------------------------------------------------------------- filters in words


def test_filter_sentence_names_values_not_codes(con):
    labels = figures.filter_labels(con)
    f = Filters(plan_id="pistes-2021", axis_id="p21-a2", period_start=dt.date(2019, 1, 1),
                period_end=dt.date(2021, 12, 31))
    text = describe(f, labels)
    assert text.startswith("Plan : Pistes 2021 · Axe 2 – ")
    assert text.endswith(" · 2019 à 2021")
    assert "pistes-2021" not in text
    assert describe(Filters(period_start=dt.date(2021, 3, 1)), labels) == "Depuis le 01/03/2021"
    assert describe(Filters(status="réalisée", theme_id="jeunes"), labels) == "Thématique : Jeunes · Statut : réalisée"
    assert describe(Filters()) == ""


def test_one_definition_drives_sql_and_words():
    f = Filters(plan_id="p", status="réalisée", structure_id="s", period_end=dt.date(2021, 12, 31))
    where, params = action_where(f, "x")
    assert where == ("x.council_id = ? AND x.plan_id = ? AND x.status_label = ? AND x.action_id IN (SELECT action_id "
                     "FROM v_action_structure WHERE structure_id = ?) AND (x.start_date IS NULL OR x.start_date <= ?)")
    assert params == [f.council_id, "p", "réalisée", "s", dt.date(2021, 12, 31)]
    assert dated_where(f, "m.date") == ("m.date <= ?", [dt.date(2021, 12, 31)])
    assert dated_where(Filters(), "m.date") == ("TRUE", [])
    assert {d.name for d in DEFS} == set(Filters.names())
    assert APPLIES["meetings"] == {"period_start", "period_end", "theme_id", "structure_id"}
