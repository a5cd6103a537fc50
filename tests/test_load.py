"""Right figures under load: a page never shows a state that no commit produced, and runs share no cursor."""

from __future__ import annotations

import threading
import time

import pytest

from clsm_data import importing as importer
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.read.filters import Filters

COORD = Caller("coordination", COORDINATOR)
IMPORTS = 15


class _Rerun(Exception):
    pass


def _state(cur) -> tuple[int, int]:
    """(structures, meetings) as the pages count them, in one snapshot."""
    cur.execute("BEGIN TRANSACTION")
    try:
        return (cur.execute("SELECT count(*) FROM structure").fetchone()[0],
                cur.execute("SELECT count(*) FROM v_meeting").fetchone()[0])
    finally:
        cur.execute("ROLLBACK")


@pytest.fixture
def page_data(fresh_db, monkeypatch):
    """components.data over a fresh database, outside a Streamlit run (re-runs raise _Rerun)."""
    import streamlit as st

    from components import data

    monkeypatch.setenv("CLSM_DB", str(fresh_db))
    st.cache_data.clear()
    st.cache_resource.clear()

    def rerun():
        raise _Rerun

    monkeypatch.setattr(data, "_rerun", rerun)
    yield data
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.mark.timeout(300)
def test_reader_during_15_imports_sees_only_committed_states(page_data):
    """Each import adds 5 structures and 1 meeting in one commit; a page reads the structure list and the
    meeting count through two cached functions. Every pair it shows must be a state some commit produced."""
    data = page_data
    writer = data.cursor()
    states = {_state(writer)}
    instance = writer.execute("SELECT instance_id FROM instance ORDER BY instance_id LIMIT 1").fetchone()[0]
    seen: list[tuple[int, int]] = []
    reruns = [0]
    errors: list[BaseException] = []
    stop = threading.Event()

    def read():
        try:
            while not stop.is_set():
                data.begin_run()
                try:
                    pair = (len(data.structures()), data.headline(Filters())["meetings"])
                except _Rerun:
                    reruns[0] += 1
                    continue
                seen.append(pair)
        except BaseException as exc:  # noqa: BLE001 - any error fails the test
            errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(2)]
    for t in readers:
        t.start()
    try:
        for i in range(IMPORTS):
            plan = importer.plan_tables(writer, {
                "structure": [{"structure_id": f"charge-{i}-{k}", "name": f"Structure de charge {i}-{k}"}
                              for k in range(5)],
                "meeting": [{"meeting_id": f"charge-{i}", "instance_id": instance, "date": f"2024-01-{i + 1:02d}",
                             "date_precision": "jour"}],
            }, origin=f"charge-{i}.csv")
            importer.apply_import(writer, COORD, plan)
            data.clear()  # what the Administration page does after a write
            states.add(_state(writer))
            read_before = len(seen)
            deadline = time.monotonic() + 30
            # a page read this state before the next import: one more read than there are readers, so that at
            # least one of them began after the import
            while len(seen) < read_before + len(readers) + 1 and not errors:
                assert time.monotonic() < deadline, "the readers read nothing after an import"
                time.sleep(0.005)
    finally:
        stop.set()
        for t in readers:
            t.join(30)
    assert not errors, errors
    assert len(states) == IMPORTS + 1
    assert seen, "the readers read nothing"
    mixed = [p for p in seen if p not in states]
    assert not mixed, f"{len(mixed)} of {len(seen)} page reads mixed two commits, e.g. {mixed[:3]}"
    assert max(seen) == max(states)  # the last state was read too


def test_runs_never_share_a_cursor(page_data):
    """Two threads (two runs) reading at once each get their own cursor: no 'connection is busy'."""
    data = page_data
    errors: list[BaseException] = []
    cursors: list[object] = []

    def burst():
        try:
            for _ in range(30):
                cur = data.cursor()
                cursors.append(cur)
                cur.execute("SELECT count(*) FROM action a, structure s").fetchone()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=burst) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    assert len({id(c) for c in cursors}) == len(cursors) == 120


def test_cache_is_keyed_by_the_data_version(page_data, fresh_db):
    """A result cached before a write is never served after it, even if nobody cleared the cache."""
    data = page_data
    data.begin_run()
    before = len(data.structures())
    writer = data.cursor()
    importer.apply_import(writer, COORD, importer.plan_tables(
        writer, {"structure": [{"structure_id": "apres", "name": "Après l'écriture"}]}, origin="un.csv"))
    data.begin_run()  # the next run: no clear() called on purpose
    assert len(data.structures()) == before + 1
