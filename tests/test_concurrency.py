"""Nothing lost: readers see old or new state (never half), writers are serialised, kill -9 leaves the data intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from clsm_data import importing as importer
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.store import writes
from clsm_data.store.db import connect, table_checksums

ROOT = Path(__file__).resolve().parent.parent
COORD = Caller("coordination", COORDINATOR)


def _structures_csv(n: int, prefix: str = "bulk") -> bytes:
    lines = ["identifiant;nom;secteur;code INSEE"]
    lines += [f"{prefix}-{i:05d};Structure {i};logement;0{57000 + i % 900}" for i in range(n)]
    return ("\n".join(lines) + "\n").encode()


def test_readers_during_an_import_see_old_or_new(fresh_db):
    con = connect(fresh_db, read_only=False)  # like the app: one read-write connection, a cursor per session
    tables = ["structure", "action", "audit_log"]
    before = table_checksums(con, tables)
    text = _structures_csv(400) + b""
    plan = importer.plan_import(con.cursor(), text, "structures.csv")
    stop = threading.Event()
    seen: list[dict] = []
    errors: list[BaseException] = []

    def read():
        cur = con.cursor()
        try:
            while not stop.is_set():
                cur.execute("BEGIN TRANSACTION")  # one snapshot for the three tables
                seen.append(table_checksums(cur, tables))
                cur.execute("COMMIT")
        except BaseException as exc:  # noqa: BLE001 - any error is a failure of the test
            errors.append(exc)
        finally:
            cur.close()

    readers = [threading.Thread(target=read) for _ in range(4)]
    for t in readers:
        t.start()
    try:
        time.sleep(0.2)
        writer = con.cursor()
        importer.apply_import(writer, COORD, plan)
        after = table_checksums(writer, tables)
        time.sleep(0.2)
    finally:  # a failed import must fail the test, not leave the readers spinning forever
        stop.set()
        for t in readers:
            t.join(10)
        con.close()
    assert not errors, errors
    assert after != before and after["structure"][0] == before["structure"][0] + 400
    assert seen and all(s in (before, after) for s in seen)
    assert before in seen and after in seen


def test_two_writers_on_the_same_table(fresh_db):
    con = connect(fresh_db, read_only=False)
    plans = [importer.plan_import(con.cursor(), f"identifiant;statut\nfiche-15;{s}\n".encode(), f"{s}.csv")
             for s in ("réalisée", "reportée")]
    outcomes: list[str] = []

    def write(plan):
        cur = con.cursor()
        try:
            importer.apply_import(cur, COORD, plan)
            outcomes.append("ok")
        except writes.ConflictError:
            outcomes.append("conflit")
        except BaseException as exc:  # noqa: BLE001
            outcomes.append(repr(exc))
        finally:
            cur.close()

    threads = [threading.Thread(target=write, args=(p,)) for p in plans]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes) == ["conflit", "ok"]
    assert con.execute("SELECT count(*) FROM audit_log WHERE operation = 'import'").fetchone()[0] == 1
    con.close()


@pytest.mark.timeout(300)
@pytest.mark.parametrize("delay", [0.0, 0.15, 0.6])
def test_kill_9_during_a_cli_import(fresh_db, tmp_path, delay):
    source = tmp_path / "structures.csv"
    source.write_bytes(_structures_csv(3000))
    con = connect(fresh_db)
    old_count = con.execute("SELECT count(*) FROM structure").fetchone()[0]
    kept = con.execute("SELECT bit_xor(hash(t)) FROM structure t WHERE structure_id NOT LIKE 'bulk-%'").fetchone()[0]
    others = table_checksums(con, ["action", "meeting", "attendance"])
    con.close()
    proc = subprocess.Popen([sys.executable, "-m", "clsm_data", "import", str(source)], cwd=ROOT,
                            env={**os.environ, "CLSM_DB": str(fresh_db)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    for line in proc.stdout:
        if "Écriture en cours" in line:
            break
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    con = connect(fresh_db, read_only=False)  # the file opens (and the lock file does not block)
    try:
        count = con.execute("SELECT count(*) FROM structure").fetchone()[0]
        imports = con.execute("SELECT count(*) FROM audit_log WHERE operation = 'import'").fetchone()[0]
        assert (count, imports) in ((old_count, 0), (old_count + 3000, 1))
        assert con.execute("SELECT bit_xor(hash(t)) FROM structure t WHERE structure_id NOT LIKE 'bulk-%'"
                           ).fetchone()[0] == kept
        assert table_checksums(con, ["action", "meeting", "attendance"]) == others
        with writes.writer_lock(fresh_db, timeout=2):
            pass
    finally:
        con.close()
