"""Every query speaks of one council: in a network of councils whose codes collide, each council's figures are
its own (on the DuckDB file, where no row-level security stands behind a query that forgot its council)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from workbooks import xlsx

from benchmarks.synthetic import LABEL, make_synthetic, network_councils
from clsm_data import importing as importer
from clsm_data.core.config import DEFAULT_COUNCIL, current_council, use_council
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.core.tables import TABLES
from clsm_data.followup import ccoms
from clsm_data.present import action_sheet, figures, headlines, report
from clsm_data.read import provenance, queries, statements, totals
from clsm_data.read.filters import Filters
from clsm_data.store import journal
from clsm_data.store.db import connect

COORD = Caller("coordination", COORDINATOR)
COUNCILS = 4  # the seed's and three synthetic ones, whose codes are the same from one council to the next


@pytest.fixture(scope="module")
def network(seed_db, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("network") / "reseau.duckdb"
    make_synthetic(path, seed_db, factor=0.15, rng_seed=3, councils=COUNCILS, region="Grand Est")
    return path


def _plain(value):
    """A comparable form of what a query returns (frames as sorted records, dicts and lists walked)."""
    if isinstance(value, pd.DataFrame):
        records = value.astype(object).where(value.notna(), None).to_dict("records")
        return sorted((tuple(sorted((k, _plain(v)) for k, v in r.items())) for r in records), key=repr)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k not in ("chart", "charts", "generated", "now")}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return _plain(vars(value))
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value


def _figures(db: Path, council: str) -> dict[str, object]:
    """What the pages, slides and bilan of `council` show, read from `db`."""
    con = duckdb.connect(str(db), read_only=True)
    before = current_council()
    use_council(council)
    try:
        f = Filters()
        assert f.council_id == council
        out: dict[str, object] = {
            "plans": queries.plans(con), "axes": queries.axes(con), "themes": queries.themes(con),
            "structures": queries.structures(con), "sectors": queries.sectors(con),
            "headline": queries.headline(con, f), "milestones": queries.milestones(con, f),
            "progress axis": queries.progress(con, f, by="axis"), "progress theme": queries.progress(con, f, by="theme"),
            "actions": queries.actions(con, f), "timeline": queries.timeline(con, f),
            "meetings": queries.meetings(con, f), "meetings per year": queries.meetings_per_year(con, f),
            "by role": queries.attendance_by_role(con, f), "by sector": queries.attendance_by_sector(con, f),
            "events": queries.events(con, f), "typology": queries.actors_typology(con, f),
            "points": queries.structure_points(con, f), "collaborations": queries.collaborations(con, f),
            "resources": queries.resources(con), "realisations": queries.realisations(con, f=f),
            "counted": queries.counted_meetings(con, f), "missing": queries.missing_data(con),
            "targets": queries.realisation_targets(con), "proposals": queries.proposals(con, f),
            "changes": queries.changes_since(con, dt.date(2020, 1, 1)), "last copil": queries.last_meeting_date(con),
            "plans with actions": statements.plans_with_actions(con), "plan in force": statements.plan_in_force(con),
            "structures said": statements.structures(con), "instances 2021": statements.instances(con, 2021),
            "attendance totals": totals.attendance_totals(con, council),
            "overview": headlines.overview(con, f), "filter labels": figures.filter_labels(con),
            "council": figures.council(con), "documents": provenance.documents(con),
            "by document": provenance.counts_by_document(con),
            "ccoms": ccoms.indicators(con, [council], 2021),
        }
        for slide in figures.catalogue(con):
            out[f"slide {slide}"] = figures.build_slide(con, slide, f, masked=True)
        out["bilan 2021"] = report.model(con, 2021, masked=True, now=dt.datetime(2026, 1, 1), charts=False)
        actions = queries.actions(con, f)["action_id"].tolist()[:12]
        for aid in actions:
            out[f"sheet {aid}"] = queries.action_sheet(con, aid)
            out[f"follow-up {aid}"] = action_sheet.follow_up(con, aid)
            out[f"statuses {aid}"] = queries.status_history(con, aid)
        for mid in queries.meetings(con, f)["meeting_id"].tolist()[:12]:
            out[f"attendance {mid}"] = queries.attendance_detail(con, mid)
        return {k: _plain(v) for k, v in out.items()}
    finally:
        use_council(before)
        con.close()


def test_the_generator_builds_a_network_whose_codes_collide(network):
    con = duckdb.connect(str(network), read_only=True)
    try:
        councils = con.execute("SELECT council_id, region, department, note FROM council ORDER BY 1").fetchall()
        assert len(councils) == COUNCILS
        assert {r[1] for r in councils} == {"Grand Est"}
        assert all(r[3] == LABEL for r in councils if r[0] != DEFAULT_COUNCIL)
        # The same structure code in every synthetic council, the seed's plan codes in every council.
        assert con.execute("SELECT count(DISTINCT council_id) FROM structure WHERE structure_id = "
                           "'synth-structure-00001'").fetchone()[0] == COUNCILS - 1
        assert con.execute("SELECT count(DISTINCT council_id) FROM plan").fetchone()[0] == COUNCILS
    finally:
        con.close()
    assert [c["department"] for c in network_councils(3, "Grand Est")] == ["Ardennes", "Aube"]


def test_the_seed_council_reads_the_same_figures_alone_and_in_a_network(seed_db, network):
    alone, among = _figures(seed_db, DEFAULT_COUNCIL), _figures(network, DEFAULT_COUNCIL)
    different = [name for name in alone if alone[name] != among.get(name)]
    assert not different, f"Figures of {DEFAULT_COUNCIL} changed by the other councils: {different}"


def test_a_synthetic_council_counts_its_own_rows(network):
    council = "synth-c002"
    con = duckdb.connect(str(network), read_only=True)
    try:
        people = con.execute("SELECT sum(count) FROM attendance WHERE council_id = ?", [council]).fetchone()[0]
        structures = con.execute("SELECT count(*) FROM structure WHERE council_id = ?", [council]).fetchone()[0]
        actions = con.execute("SELECT count(*) FROM action WHERE council_id = ?", [council]).fetchone()[0]
    finally:
        con.close()
    got = _figures(network, council)
    assert sum(dict(r)["count"] for r in got["by role"]) == people
    assert sum(dict(r)["count"] for r in got["by sector"]) == people
    assert sum(dict(r)["structures"] for r in got["sectors"]) == structures
    assert got["headline"]["actions"] == actions
    assert sum(dict(r)["actions"] for r in got["plans"]) == actions


def _fingerprint(con) -> dict[tuple[str, str], tuple]:
    """(table, council) -> (rows, hash of their contents), for every council's table."""
    out = {}
    for name, table in TABLES.items():
        if table.council_scoped:
            for council, n, h in con.execute(f"SELECT council_id, count(*), sum(hash(x)) FROM {name} x GROUP BY 1"
                                             ).fetchall():
                out[(name, council)] = (n, h)
    return out


def test_an_import_and_its_undo_touch_the_rows_of_one_council_only(network, tmp_path):
    """Codes and names are the same in the three synthetic councils: the import of one writes its own rows."""
    path = tmp_path / "reseau.duckdb"
    shutil.copy2(network, path)
    council = "synth-c002"
    workbook = xlsx({
        "actions": [["identifiant", "statut"], ["synth-action-00001", "abandonnée"]],
        "réunions": [["identifiant", "instance", "date", "précision de la date"],
                     ["copil-2026-03-15", "copil", dt.datetime(2026, 3, 15), "jour"]],
        "présences": [["réunion", "structure", "catégorie", "nombre"],
                      ["copil-2026-03-15", "Structure synthétique 00001", "professionnel", 3]],
    })
    before_council = current_council()
    use_council(council)
    con = connect(path, read_only=False)
    try:
        before = _fingerprint(con)
        done = importer.apply_import(con, COORD, importer.plan_import(con, workbook, "classeur.xlsx"))
        assert (done.added, done.updated) == (2, 1)
        after = _fingerprint(con)
        changed = {key for key in after if after[key] != before.get(key)}
        assert changed == {("action", council), ("meeting", council), ("attendance", council)}
        assert con.execute("SELECT council_id, status FROM action WHERE action_id = 'synth-action-00001' "
                           "ORDER BY 1").fetchall()[1] == (council, "abandonnée")
        assert [r[0] for r in con.execute("SELECT council_id FROM audit_log WHERE audit_id = ?",
                                          [done.audit_id]).fetchall()] == [council]
        journal.undo(con, COORD, done.audit_id)
        assert _fingerprint(con) == before
        # Another council's journal does not hold this write: its number is unknown there.
        use_council("synth-c001")
        with pytest.raises(journal.UndoRefused):
            journal.undo(con, COORD, done.audit_id)
    finally:
        con.close()
        use_council(before_council)
