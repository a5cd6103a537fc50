"""The network edition on one machine: PostgreSQL, two Streamlit processes, nginx in front (docs/network.md).

    python deploy/network.py run    [--port 8501] [--address 127.0.0.1] [--hosts "clsm.exemple.fr"]
    python deploy/network.py start  (the same, in the background)      python deploy/network.py stop | status

`make network` runs `run`: it starts everything, says the address, and stops everything at Ctrl-C.

- the database: `CLSM_DB` when it names a PostgreSQL server (postgresql://…), else a local cluster in
  data/network/pg (initdb on first use, as the `postgres` user when run as root, listening on 127.0.0.1 only);
  the seed is built there when the database is empty (`python -m clsm_data prepare`), never over changes;
- two app processes (`streamlit run serve.py`) on 127.0.0.1 only, on two ports next to the public one, both
  on that database, each believing X-Forwarded-For from nginx alone (CLSM_TRUSTED_PROXY=127.0.0.1), answering
  to the public names (server.allowedHosts), with one shared cookie secret;
- nginx on the public address and port, from deploy/nginx.conf.template: sticky sessions by a cookie, the
  websocket upgrade, names it does not serve refused.

State (pids, logs, the nginx configuration, the local cluster) lives in data/network/ (or --state).
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
DEFAULT_STATE = ROOT / "data" / "network"
LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")
PG_PORT = 5433  # the local cluster's port (127.0.0.1 only); 5432 is left to a PostgreSQL of the machine
DB_NAME = "clsm"


class NetworkError(RuntimeError):
    """A piece would not start; the message says which and where its log is."""


@dataclass
class Settings:
    """What the set-up needs to know. Ports of the app processes default to the public port + 10 and + 11."""

    port: int = 8501
    address: str = "127.0.0.1"
    hosts: list[str] = field(default_factory=list)
    app_ports: tuple[int, int] | None = None
    db: str | None = None  # a postgresql:// URL; None: the local cluster
    state: Path = DEFAULT_STATE
    pg_port: int = PG_PORT
    python: str = sys.executable
    nginx: str | None = None
    max_body: str = "250m"

    def apps(self) -> tuple[int, int]:
        return self.app_ports or (self.port + 10, self.port + 11)


# ---------------------------------------------------------------- small helpers


def _write_pid(state: Path, name: str, pid: int) -> None:
    (state / f"{name}.pid").write_text(str(pid), encoding="ascii")


def _read_pid(state: Path, name: str) -> int | None:
    try:
        pid = int((state / f"{name}.pid").read_text(encoding="ascii").strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    return pid


def _wait_http(url: str, timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise NetworkError(f"{what} ne répond pas sur {url} après {timeout:.0f} s (journal : {log}).")


def _port_free(address: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((address, port))
        except OSError:
            return False
    return True


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    path = found[-1] if found else shutil.which(name)
    if not path:
        raise NetworkError(f"{name} introuvable : installez PostgreSQL (make network le fait, ou apt-get install postgresql).")
    return path


def nginx_binary(given: str | None = None) -> str:
    path = given or shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not path:
        raise NetworkError("nginx introuvable : installez-le (make network le fait, ou apt-get install nginx).")
    return path


# ---------------------------------------------------------------- PostgreSQL


def _as_postgres(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: then its commands run as the `postgres` user."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def start_local_cluster(s: Settings) -> str:
    """The local cluster in STATE/pg, created on first use and started; returns the database's URL."""
    data = s.state / "pg"
    user = "postgres" if os.geteuid() == 0 else os.environ.get("USER") or "postgres"
    if not (data / "PG_VERSION").exists():
        data.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(data, "postgres", "postgres")
            data.chmod(0o700)
        subprocess.run(_as_postgres([_pg_bin("initdb"), "-D", str(data), "-U", user, "--auth=trust",
                                     "--encoding=UTF8", "--locale=C.UTF-8"]), check=True, capture_output=True)
    url = f"postgresql://{user}@127.0.0.1:{s.pg_port}/{DB_NAME}"
    status = subprocess.run(_as_postgres([_pg_bin("pg_ctl"), "-D", str(data), "status"]), capture_output=True)
    if status.returncode != 0:
        log = s.state / "postgres.log"
        if os.geteuid() == 0:
            log.touch()
            shutil.chown(log, "postgres", "postgres")
        opts = (f"-c port={s.pg_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={data} "
                "-c max_connections=100")
        started = subprocess.run(_as_postgres([_pg_bin("pg_ctl"), "-D", str(data), "-o", opts, "-l", str(log), "-w",
                                               "-t", "60", "start"]), capture_output=True, text=True)
        if started.returncode != 0:
            raise NetworkError(f"PostgreSQL n'a pas démarré (journal : {log}) : {started.stderr.strip()}")
    import psycopg

    with psycopg.connect(f"postgresql://{user}@127.0.0.1:{s.pg_port}/postgres", autocommit=True) as con:
        if not con.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone():
            con.execute(f'CREATE DATABASE "{DB_NAME}"')
    return url


def stop_local_cluster(s: Settings) -> None:
    data = s.state / "pg"
    if (data / "postmaster.pid").exists():
        subprocess.run(_as_postgres([_pg_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                       capture_output=True)


# ---------------------------------------------------------------- the app processes and nginx


def app_env(s: Settings, db: str) -> dict[str, str]:
    """The environment of an app process: the database, the trusted proxy, the shared cookie secret."""
    key = s.state / "cookie-secret"
    if not key.exists():
        key.write_text(secrets.token_hex(32), encoding="ascii")
        key.chmod(0o600)
    return {**os.environ, "CLSM_DB": db, "CLSM_TRUSTED_PROXY": "127.0.0.1 ::1",
            # Streamlit signs its XSRF cookie with it: the same in both processes, so that a browser moved to the
            # other one (its process restarted) is not refused.
            "STREAMLIT_SERVER_COOKIE_SECRET": key.read_text(encoding="ascii").strip(),
            "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}


def start_app(s: Settings, port: int, db: str, name: str) -> int:
    """One Streamlit process on 127.0.0.1:port; returns its pid once /_stcore/health answers."""
    if not _port_free("127.0.0.1", port):
        raise NetworkError(f"Le port {port} est déjà pris : choisissez-en d'autres (--app-ports).")
    log = s.state / f"{name}.log"
    hosts = [*LOCAL_NAMES, *s.hosts]
    cmd = [s.python, "-m", "streamlit", "run", str(ROOT / "serve.py"), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true",
           *[arg for h in hosts for arg in ("--server.allowedHosts", h)]]
    with open(log, "ab") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=app_env(s, db), stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    _write_pid(s.state, name, proc.pid)
    _wait_http(f"http://127.0.0.1:{port}/_stcore/health", 120, f"Le processus {name}", log)
    return proc.pid


def nginx_conf(s: Settings) -> str:
    """The nginx configuration of these settings, from deploy/nginx.conf.template."""
    a, b = s.apps()
    listen = f"[{s.address}]:{s.port}" if ":" in s.address else f"{s.address}:{s.port}"
    names = [n for n in dict.fromkeys([*LOCAL_NAMES, *s.hosts]) if ":" not in n]  # an IPv6 Host has no name form
    values = {"STATE": str(s.state), "MAX_BODY": s.max_body, "APP_PORT_1": str(a), "APP_PORT_2": str(b),
              "LISTEN": listen, "SERVER_NAMES": " ".join(names)}
    # Only ${NAME} in capitals is ours: nginx's own $variables are left as they are.
    return re.sub(r"\$\{([A-Z0-9_]+)\}", lambda m: values[m.group(1)], TEMPLATE.read_text(encoding="utf-8"))


def start_nginx(s: Settings) -> int:
    if not _port_free(s.address, s.port):
        raise NetworkError(f"Le port public {s.address}:{s.port} est déjà pris : choisissez-en un autre (PORT=…).")
    conf = s.state / "nginx.conf"
    conf.write_text(nginx_conf(s), encoding="utf-8")
    (s.state / "nginx-tmp").mkdir(exist_ok=True)
    nginx = nginx_binary(s.nginx)
    base = [nginx, "-p", str(s.state), "-c", str(conf), "-e", str(s.state / "nginx-error.log")]
    tested = subprocess.run([*base, "-t"], capture_output=True, text=True)
    if tested.returncode != 0:
        raise NetworkError(f"Configuration nginx refusée ({conf}) : {tested.stderr.strip()}")
    subprocess.run(base, check=True, capture_output=True)  # forks into the background, writes nginx.pid
    deadline = time.monotonic() + 10
    while (pid := _read_pid(s.state, "nginx")) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if pid is None:
        raise NetworkError(f"nginx n'a pas démarré (journal : {s.state / 'nginx-error.log'}).")
    return pid


def _signal(state: Path, name: str, sig: int) -> None:
    pid = _read_pid(state, name)
    if pid is None:
        return
    try:
        if name.startswith("app"):
            os.killpg(pid, sig)  # the process and anything it started (its own session)
        else:
            os.kill(pid, sig)
    except ProcessLookupError:
        pass


def _stop_pids(state: Path, names: list[str], timeout: float = 10) -> None:
    """Ask each to stop (nginx: a graceful quit; the apps: SIGTERM), wait, then kill what is left."""
    for name in names:
        _signal(state, name, signal.SIGQUIT if name == "nginx" else signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while any(_read_pid(state, n) for n in names) and time.monotonic() < deadline:
        time.sleep(0.1)
    for name in names:
        _signal(state, name, signal.SIGKILL)
        (state / f"{name}.pid").unlink(missing_ok=True)


# ---------------------------------------------------------------- start, stop, status


def start(s: Settings) -> str:
    """Start every piece (those already running are left alone); returns the public URL."""
    s.state.mkdir(parents=True, exist_ok=True)
    (s.state / ".gitignore").write_text("*\n", encoding="ascii")  # pids, logs and the cluster stay out of git
    if s.db and not s.db.startswith(("postgresql://", "postgres://")):
        raise NetworkError("CLSM_DB doit désigner un serveur PostgreSQL (postgresql://…) pour l'édition réseau.")
    db = s.db or start_local_cluster(s)
    env = app_env(s, db)
    for step in (["prepare"], ["serve-check", "--address", s.address, "--hosts", " ".join(s.hosts)]):
        done = subprocess.run([s.python, "-m", "clsm_data", *step], cwd=ROOT, env=env, capture_output=True, text=True)
        sys.stdout.write(done.stdout)
        if done.returncode != 0:
            raise NetworkError(done.stderr.strip() or f"python -m clsm_data {step[0]} a échoué.")
        if done.stderr.strip():
            print(done.stderr.strip(), file=sys.stderr)
    for i, port in enumerate(s.apps(), start=1):
        if _read_pid(s.state, f"app{i}") is None:
            start_app(s, port, db, f"app{i}")
    if _read_pid(s.state, "nginx") is None:
        start_nginx(s)
    host = s.hosts[0] if s.hosts else ("127.0.0.1" if s.address in ("0.0.0.0", "::") else s.address)
    url = f"http://{'[' + host + ']' if ':' in host else host}:{s.port}"
    _wait_http(url + "/_stcore/health", 30, "nginx", s.state / "nginx-error.log")
    return url


def stop(s: Settings) -> None:
    """Stop nginx, both app processes and the local cluster (never a CLSM_DB server)."""
    if not s.state.exists():
        return
    _stop_pids(s.state, ["nginx", "app1", "app2"])
    if not s.db:
        stop_local_cluster(s)


def status(s: Settings) -> dict[str, int | None]:
    return {name: _read_pid(s.state, name) for name in ("nginx", "app1", "app2")}


def _settings(args: argparse.Namespace) -> Settings:
    db = os.environ.get("CLSM_DB", "").strip()
    return Settings(port=args.port, address=args.address, hosts=(args.hosts or "").split(),
                    app_ports=tuple(args.app_ports) if args.app_ports else None,
                    db=db if "://" in db else None, state=Path(args.state).resolve(), pg_port=args.pg_port)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="deploy/network.py", description="L'édition réseau sur cette machine : "
                                     "PostgreSQL, deux processus de l'application, nginx devant.")
    parser.add_argument("action", choices=["run", "start", "stop", "status"])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8501), help="port public (nginx)")
    parser.add_argument("--address", default="127.0.0.1", help="adresse publique de nginx (0.0.0.0 : tout le réseau)")
    parser.add_argument("--hosts", default="", help="noms par lesquels on ouvre le tableau de bord (« clsm.exemple.fr »)")
    parser.add_argument("--app-ports", type=int, nargs=2, metavar="PORT", help="ports des deux processus (127.0.0.1)")
    parser.add_argument("--pg-port", type=int, default=PG_PORT, help="port du PostgreSQL local (sans CLSM_DB)")
    parser.add_argument("--state", default=str(DEFAULT_STATE), help="dossier des pid, journaux et de la base locale")
    args = parser.parse_args(argv)
    s = _settings(args)
    if args.action == "status":
        for name, pid in status(s).items():
            print(f"{name:<6} {'pid ' + str(pid) if pid else 'arrêté'}")
        return 0
    if args.action == "stop":
        stop(s)
        print("Édition réseau arrêtée.")
        return 0
    try:
        url = start(s)
    except BaseException as exc:  # whatever stopped the start (Ctrl-C included): nothing left half-started
        stop(s)
        if not isinstance(exc, (NetworkError, subprocess.CalledProcessError)):
            raise
        print(f"Erreur : {exc}", file=sys.stderr)
        return 1
    a, b = s.apps()
    print(f"Tableau de bord : {url}  (nginx → 127.0.0.1:{a} et 127.0.0.1:{b} ; journaux dans {s.state})")
    if args.action == "start":
        print("Pour arrêter : python deploy/network.py stop")
        return 0
    print("Ctrl-C pour arrêter.")
    try:
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        while all(status(s).values()):
            time.sleep(1)
        print("Un processus s'est arrêté : arrêt de l'ensemble.", file=sys.stderr)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        stop(s)
        print("Édition réseau arrêtée.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
