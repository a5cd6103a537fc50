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
from clsm_data.core.config import backup_dir
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.store import writes
from clsm_data.store.db import connect, table_checksums

ROOT = Path(__file__).resolve().parent.parent
COORD = Caller("coordination", COORDINATOR)


def _until(condition, what: str, timeout: float = 30.0) -> None:
    """Poll `condition` until it holds; fail naming `what` after `timeout` seconds (2 cores shared)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what}: not within {timeout:.0f} s"
        time.sleep(0.005)


def _waiting_in_writer_lock(thread: threading.Thread) -> bool:
    """The thread is inside writer_lock (wherever the store keeps it), i.e. waiting for the lock held here."""
    frame = sys._current_frames().get(thread.ident)
    while frame is not None:
        if frame.f_code.co_name == "writer_lock":
            return True
        frame = frame.f_back
    return False


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
        _until(lambda: before in seen, "a reader saw the state before the import")
        writer = con.cursor()
        importer.apply_import(writer, COORD, plan)
        after = table_checksums(writer, tables)
        _until(lambda: after in seen or errors, "a reader saw the state after the import")
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
    """Two confirmations of previews made on the same data, at the same time: one lands, the other is told.

    The test holds the writer lock while both writers start, and checks that both are waiting for it at
    once before letting them go: the two really overlap (run one after the other, the second would meet
    the conflict check without any race).
    """
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
    with writes.writer_lock(fresh_db):
        for t in threads:
            t.start()
        _until(lambda: all(_waiting_in_writer_lock(t) for t in threads) or outcomes,
               "both writers waiting for the lock together")
        assert not outcomes, f"a writer finished without waiting for the lock: {outcomes}"
    for t in threads:
        t.join(30)
    assert sorted(outcomes) == ["conflit", "ok"]
    assert con.execute("SELECT count(*) FROM audit_log WHERE operation = 'import'").fetchone()[0] == 1
    con.close()


def _wal_written(db: Path) -> bool:
    try:
        return db.with_name(db.name + ".wal").stat().st_size > 0
    except FileNotFoundError:
        return False


# Moments of an import, as seen from outside the process (in this order): the line « Écriture en cours… »
# printed, its backup being written (a .part file), the backup done and the transaction under way, the COMMIT
# writing the WAL. The kill lands as soon as its moment is seen, or when the import has ended if it was missed.
MOMENTS = {
    "at the line": lambda db: True,
    "during the backup": lambda db: backup_dir(db).exists() and any(backup_dir(db).iterdir()),
    "in the transaction": lambda db: backup_dir(db).exists() and any(backup_dir(db).glob("*.zip")),
    "during the commit": _wal_written,
}


@pytest.mark.timeout(300)
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_kill_9_during_a_cli_import(fresh_db, tmp_path, moment):
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
    deadline = time.monotonic() + 60
    while not MOMENTS[moment](fresh_db) and proc.poll() is None:
        assert time.monotonic() < deadline, f"the import never reached the moment « {moment} »"
        time.sleep(0.002)
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
