"""Bulk writes: thousands of rows land cell for cell, in one transaction, and a silent rollback is still caught."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from clsm_data import importing as importer
from clsm_data.core.config import DEFAULT_COUNCIL
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.core.tables import ACTION_STATUSES, TABLES
from clsm_data.importing import edits
from clsm_data.store import audit, writes
from clsm_data.store.db import connect, table_checksums

COORD = Caller("coordination", COORDINATOR)
ALL_TABLES = [*TABLES, "audit_log", "app_user"]
ACTION_COLS = TABLES["action"].col_names
# Text a spreadsheet could hold: accents, quotes, semicolons (the CSV separator), markup, a line break.
TRICKY = 'Action n°{i} « été » ; dite "pilote" ; <b>gras</b> & <script>x</script>\nsuite ; =fin'


@pytest.fixture
def con(fresh_db):
    c = connect(fresh_db, read_only=False)
    yield c
    c.close()


def _action(i: int, version: int) -> dict:
    """One action as Python values; every few rows leave cells empty (NULL)."""
    return {
        "action_id": f"bulk-{i:05d}",
        "plan_id": "pistes-2021",
        "axis_id": None if i % 4 == 0 else "p21-a1",
        "title": TRICKY.format(i=i) + (" (v2)" if version == 2 else ""),
        "sheet_number": f"{(i + version) % 1000:03d}",  # "007": a code, not a number
        "status": None if i % 5 == 0 else ACTION_STATUSES[(i + version) % len(ACTION_STATUSES)],
        "start_date": None if i % 3 == 0 else dt.date(2020, 1, 1) + dt.timedelta(days=i + version),
        "budget_eur": None if i % 7 == 0 else i * 10 + 1234.5 + version,
        "position": None if i % 6 == 0 else i,
        "participatory": None if i % 2 == 0 else bool(version % 2),
        "porteur_id": None if i % 3 == 1 else "adoma",
        "description": f"Ligne 1 ; 'apostrophe' ; « {i} »\nLigne 2 ; 50 % ; 1 234,5 €",
    }


def _csv_cell(value: object) -> str:
    """A cell as a French office user would type it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(list(rows[0]))
    writer.writerows([[_csv_cell(v) for v in r.values()] for r in rows])
    return out.getvalue().encode("utf-8")


def _stored(con, table: str) -> dict[tuple, dict]:
    t = TABLES[table]
    cols = ["council_id", *t.col_names] if t.council_scoped else t.col_names
    rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
    return {tuple(r[cols.index(k)] for k in t.key): dict(zip(cols, r, strict=True)) for r in rows}


def _typed(value: object) -> tuple[type, object]:
    return type(value), value


def _assert_plan_landed(con, plan: writes.ImportPlan) -> None:
    """Every planned cell is stored with the same value and the same Python type (NULL stays NULL)."""
    for name, change in plan.changes.items():
        t = TABLES[name]
        stored = _stored(con, name)
        for row in change.added + [after for _, after in change.updated]:
            got = stored[tuple(row[k] for k in t.key)]
            for col in change.columns:
                if col in row:
                    assert _typed(got[col]) == _typed(row[col]), (name, row[t.key[0]], col)
            if t.council_scoped:
                assert got["council_id"] == DEFAULT_COUNCIL


def _assert_actions(con, expected: dict[str, dict]) -> None:
    stored = _stored(con, "action")
    for action_id, row in expected.items():
        got = stored[(action_id,)]
        for col in ACTION_COLS:
            assert _typed(got[col]) == _typed(row.get(col)), (action_id, col)


def _apply_csv(con, rows: list[dict], filename: str) -> tuple[writes.ImportPlan, writes.ImportResult]:
    plan = importer.plan_import(con, _csv(rows), filename)
    return plan, importer.apply_import(con, COORD, plan)


def _import_1000(con) -> dict[str, dict]:
    """1 000 new actions written through a CSV import; returns what each should hold."""
    rows = [_action(i, 1) for i in range(1000)]
    plan, result = _apply_csv(con, rows, "actions-v1.csv")
    assert (result.added, result.updated) == (1000, 0)
    _assert_plan_landed(con, plan)
    return {r["action_id"]: r for r in rows}


def _plan_2000(con) -> tuple[writes.ImportPlan, dict[str, dict]]:
    """1 000 updates of the actions of _import_1000 and 1 000 new ones, from one CSV file."""
    expected = _import_1000(con)
    rows = [_action(i, 2) for i in range(2000)]
    plan = importer.plan_import(con, _csv(rows), "actions-v2.csv")
    assert plan.counts() == {"action": (1000, 1000, 0)}
    for r in rows:
        old = expected.get(r["action_id"], {})
        # An empty cell of an import keeps the stored value; it writes NULL only in a new row.
        expected[r["action_id"]] = {c: (v if v is not None else old.get(c)) for c, v in r.items()}
    return plan, expected


# ---------------------------------------------------------------- the data lands exactly


def test_a_2000_row_import_lands_cell_for_cell(con):
    plan, expected = _plan_2000(con)
    others = con.execute("SELECT count(*), bit_xor(hash(t)) FROM action t WHERE action_id NOT LIKE 'bulk-%'").fetchone()
    # Values the importer would refuse still pass through the writer untouched (it stores text as is).
    first = plan.changes["action"].added[0]
    first["description"] = "=SOMME(A1:A3)"
    first["title"] = "@cmd|' /C calc'!A0 ; +33 6 00 00 00 00 ; -2"
    expected[first["action_id"]].update(description=first["description"], title=first["title"])
    audit_before = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]

    result = importer.apply_import(con, COORD, plan)

    assert (result.added, result.updated) == (1000, 1000)
    assert result.backup is not None and result.backup.exists()
    _assert_plan_landed(con, plan)
    _assert_actions(con, expected)
    assert con.execute("SELECT count(*) FROM action WHERE action_id LIKE 'bulk-%'").fetchone()[0] == 2000
    assert (
        con.execute("SELECT count(*), bit_xor(hash(t)) FROM action t WHERE action_id NOT LIKE 'bulk-%'").fetchone()
        == others
    )
    assert con.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit_before + 1
    log = audit.recent(con, 1).iloc[0]
    assert (log["audit_id"], log["rows_added"], log["rows_updated"]) == (result.audit_id, 1000, 1000)
    # Spot checks against literal values, so the planner and writer cannot agree on a wrong value.
    row = con.execute(
        "SELECT sheet_number, budget_eur, start_date, position, participatory, title FROM action "
        "WHERE action_id = 'bulk-00005'"
    ).fetchone()
    assert row == ("007", 1286.5, dt.date(2020, 1, 8), 5, False, TRICKY.format(i=5) + " (v2)")
    assert con.execute("SELECT status, budget_eur FROM action WHERE action_id = 'bulk-01990'").fetchone() == (
        None,
        21136.5,
    )


def test_edits_in_bulk_clear_and_set_several_column_groups(con):
    """The editor's path (empty clears): 1 000 rows, each changing its own set of columns, NULLs included."""
    expected = _import_1000(con)
    rows = []
    for i in range(1000):
        row = {
            c: expected[f"bulk-{i:05d}"].get(c)
            for c in ("action_id", "title", "status", "budget_eur", "end_date", "participatory", "sheet_number")
        }
        if i % 4 == 0:
            row.update(budget_eur=None, end_date=dt.date(2030, 12, 31))
        elif i % 4 == 1:
            row.update(title=f"Nouvel intitulé ; « {i} »", sheet_number="0042")
        elif i % 4 == 2:
            row.update(status="réalisée" if row["status"] != "réalisée" else "reportée", participatory=None)
        # i % 4 == 3: unchanged
        rows.append(row)
        expected[row["action_id"]] = expected[row["action_id"]] | row
    plan = edits.save_edits(con, COORD, "action", rows, apply=False)
    assert plan.counts() == {"action": (0, 750, 250)}

    result = edits.save_edits(con, COORD, "action", rows)

    assert result.updated == 750
    _assert_plan_landed(con, plan)
    _assert_actions(con, expected)
    assert (
        con.execute(
            "SELECT count(*) FROM action WHERE action_id LIKE 'bulk-%' AND budget_eur IS NULL "
            "AND end_date = DATE '2030-12-31'"
        ).fetchone()[0]
        == 250
    )


def test_one_transaction_for_several_tables(con):
    """Structures and actions in one plan: both land, with their own types (codes with leading zeros)."""
    structures = [
        {
            "structure_id": f"bulk-s{i:04d}",
            "name": f"Structure « {i} » ; d'essai",
            "sector": "logement",
            "insee_code": f"{7000 + i:05d}",
            "latitude": 49.1 + i / 1000,
            "founding_partner": i % 2 == 0,
            "member_since": 2000 + i % 20,
        }
        for i in range(300)
    ]
    actions = [
        {
            "action_id": f"bulk-a{i:04d}",
            "plan_id": "pistes-2021",
            "title": f"Action {i}",
            "porteur_id": f"bulk-s{i % 300:04d}",
            "start_date": dt.date(2021, 1, 1),
        }
        for i in range(300)
    ]
    plan = importer.plan_tables(con, {"structure": structures, "action": actions}, origin="essai")
    writes.apply_plan(con, COORD, plan, backup=False)
    _assert_plan_landed(con, plan)
    assert con.execute("SELECT insee_code FROM structure WHERE structure_id = 'bulk-s0007'").fetchone() == ("07007",)


# ---------------------------------------------------------------- nothing is reported done that was not


def test_a_silent_rollback_at_commit_is_detected_after_a_bulk_write(con, monkeypatch):
    """An error swallowed inside the transaction makes DuckDB roll back at COMMIT without raising."""
    plan, _ = _plan_2000(con)
    real_log = audit.log

    def failing_log(c, *args, **kwargs):
        audit_id = real_log(c, *args, **kwargs)
        try:
            c.execute("INSERT INTO action (action_id, plan_id, title) VALUES ('bulk-00001', 'x', 'doublon')")
        except Exception:
            pass  # swallowed on purpose: the transaction is now aborted, COMMIT will roll it back
        return audit_id

    monkeypatch.setattr(writes.audit, "log", failing_log)
    before = table_checksums(con, ALL_TABLES)
    with pytest.raises(writes.WriteNotSavedError, match="n'a pas été enregistrée comme prévu.*journal, action"):
        writes.apply_plan(con, COORD, plan, backup=False)
    assert table_checksums(con, ALL_TABLES) == before


@pytest.mark.parametrize(
    ("column", "value"),
    [("title", None), ("position", "douze")],  # NOT NULL at the flush; not an INTEGER at the conversion
)
def test_a_bad_row_rolls_back_every_table(con, column, value):
    """A row refused by the database in a bulk insert undoes the other tables' rows too."""
    structures = [{"structure_id": f"bulk-s{i:04d}", "name": f"Structure {i}"} for i in range(200)]
    actions = [{"action_id": f"bulk-a{i:04d}", "plan_id": "pistes-2021", "title": f"Action {i}"} for i in range(200)]
    plan = importer.plan_tables(con, {"structure": structures, "action": actions}, origin="essai")
    plan.changes["action"].added[150][column] = value
    before = table_checksums(con, ALL_TABLES)
    with pytest.raises(writes.WriteNotSavedError, match="a échoué et a été annulée"):
        writes.apply_plan(con, COORD, plan, backup=False)
    assert table_checksums(con, ALL_TABLES) == before


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE action SET budget_eur = NULL WHERE action_id = 'bulk-01234'",
        "UPDATE action SET sheet_number = '7' WHERE action_id = 'bulk-00005'",  # planned "007"
        "UPDATE action SET start_date = start_date + 1 WHERE action_id = 'bulk-00001'",
        "UPDATE action SET title = title || ' ' WHERE action_id = 'bulk-01999'",
        "UPDATE action SET participatory = NULL WHERE action_id = 'bulk-00003'",
        "UPDATE action SET action_id = 'bulk-x' WHERE action_id = 'bulk-00010'",  # same count, a row missing
    ],
)
def test_the_check_after_commit_finds_one_wrong_cell(con, tamper):
    plan, _ = _plan_2000(con)
    result = importer.apply_import(con, COORD, plan)
    writes._verify(con, plan, result.audit_id)  # as written: no complaint
    con.execute(tamper)
    with pytest.raises(writes.WriteNotSavedError, match="vérification échouée pour action"):
        writes._verify(con, plan, result.audit_id)


# ---------------------------------------------------------------- with and without a backup first


def test_a_1000_row_apply_with_its_backup_then_without(con, fresh_db):
    """1 000 rows applied with a backup first (500 added, 500 updated), then 1 000 updated without one: both
    land exactly; the first leaves its backup on disk, the second writes none. How long they take is the
    benchmark's business (`make bench`: benchmarks/queries.py times a 1 000-row import and a backup)."""
    from clsm_data.core.config import backup_dir

    _import_1000(con)
    rows = [_action(i, 2) for i in range(500, 1500)]  # 500 updates, 500 new rows
    plan = importer.plan_import(con, _csv(rows), "actions-1000.csv")
    assert plan.counts() == {"action": (500, 500, 0)}
    result = importer.apply_import(con, COORD, plan)
    assert (result.added, result.updated) == (500, 500)
    assert result.backup is not None and result.backup.exists()
    _assert_plan_landed(con, plan)
    backups = sorted(backup_dir(fresh_db).iterdir())
    plan = importer.plan_import(con, _csv([_action(i, 3) for i in range(1000)]), "actions-1000-b.csv")
    assert plan.counts() == {"action": (0, 1000, 0)}
    result = writes.apply_plan(con, COORD, plan, backup=False)
    assert (result.added, result.updated, result.backup) == (0, 1000, None)
    _assert_plan_landed(con, plan)
    assert sorted(backup_dir(fresh_db).iterdir()) == backups
