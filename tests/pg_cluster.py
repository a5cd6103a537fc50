"""A throwaway PostgreSQL cluster for tests and benchmarks: `initdb` + `pg_ctl` in a temporary folder.

Listens on 127.0.0.1 on a free port (trust authentication, loopback only), never on the machine's own
PostgreSQL. PostgreSQL refuses to run as root: when the tests run as root (CI does), the server runs as
the `postgres` user through `runuser`, in a folder that user owns. Binaries are found on PATH or under
/usr/lib/postgresql/*/bin (Debian's `postgresql`, installed by `make postgres`).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest


class ClusterUnavailable(RuntimeError):
    """No PostgreSQL binaries here (run `make postgres`), or the server would not start."""


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if found:
        return found[-1]  # the newest installed version
    path = shutil.which(name)
    if path:
        return path
    raise ClusterUnavailable(f"{name} introuvable : installez PostgreSQL avec « make postgres ».")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One PostgreSQL server in a temporary folder; `url(dbname)` names a database on it."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="clsm-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self.user = "postgres"
        self._started = False

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = list(args)
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=120)

    def start(self) -> Cluster:
        initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
        if self.as_root:
            shutil.chown(self.folder, "postgres", "postgres")
        try:
            self._run(initdb, "-D", str(self.data), "-U", self.user, "--auth=trust", "--encoding=UTF8",
                      "--locale=C.UTF-8", "--no-sync")
            opts = (f"-c port={self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.folder} "
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
            self._run(pg_ctl, "-D", str(self.data), "-o", opts, "-l", str(self.folder / "server.log"), "-w",
                      "-t", "60", "start")
        except subprocess.CalledProcessError as exc:
            log = (self.folder / "server.log")
            detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            self.stop()
            raise ClusterUnavailable(f"PostgreSQL n'a pas démarré : {exc.stderr or exc.stdout}\n{detail}") from exc
        self._started = True
        return self

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str | None = None) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        name = name or f"clsm_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self._started:
            try:
                self._run(_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
            finally:
                self._started = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


# ---------------------------------------------------------------- fixtures (imported by the test modules that use them)

TEMPLATE = "clsm_seed"  # the seed built once per module, copied for each test


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A throwaway cluster for one test module, holding the seed as the template database `clsm_seed`.

    Skips the module when PostgreSQL is absent (fails under CI). Backups and sign-in keys of its databases go to a
    temporary CLSM_LOCAL_DIR, never to data/.
    """
    from clsm_data.core.config import SEED_DIR, database
    from clsm_data.store.build import build
    from clsm_data.store.postgres import close_pools

    local = tmp_path_factory.mktemp("pg-local")
    before = os.environ.get("CLSM_LOCAL_DIR")
    os.environ["CLSM_LOCAL_DIR"] = str(local)
    try:
        c = Cluster().start()
    except ClusterUnavailable as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL absent ({exc}); « make postgres » l'installe")
    try:
        build(database(c.create_database(TEMPLATE)), SEED_DIR)
        close_pools()  # a template database must have no open connection
        yield c
    finally:
        close_pools()
        c.stop()
        if before is None:
            os.environ.pop("CLSM_LOCAL_DIR", None)
        else:
            os.environ["CLSM_LOCAL_DIR"] = before


@pytest.fixture
def pg_url(cluster):
    """A private copy of the seed database on the server (its URL), dropped after the test."""
    import psycopg

    from clsm_data.store.postgres import close_pools

    name = f"t_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(cluster.url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
    yield cluster.url(name)
    close_pools()
    cluster.drop_database(name)


@pytest.fixture
def pg(pg_url):
    """A read-write connection to a private copy of the seed on the server."""
    from clsm_data.store.db import connect

    con = connect(pg_url, read_only=False)
    yield con
    con.close()


if __name__ == "__main__":  # a quick check by hand: python -m tests.pg_cluster
    with Cluster() as c:
        print(c.create_database("clsm"))
        time.sleep(0.1)
