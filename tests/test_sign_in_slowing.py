"""Sign-in slowing kept in the database: per login and per address, shared by processes, the client address believed
from X-Forwarded-For only behind the configured proxy, known and unknown logins answered in the same time.

Run as a script (`python tests/test_sign_in_slowing.py`), it prints the time a failing attempt takes for a known and
an unknown login (the figures quoted in docs/network.md); it also runs on the code before the slowing moved to the
database (it uses what that code has).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clsm_data.access import accounts, slowing
from clsm_data.access.client_address import client_address, trusted_proxies
from clsm_data.core.errors import AuthError, ConfigError
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.store.db import connect

ROOT = Path(__file__).resolve().parent.parent
COORD = Caller("coordination", COORDINATOR)
PW = "une phrase de passe"


@pytest.fixture
def con(fresh_db):
    c = connect(fresh_db, read_only=False)
    accounts.add_user(c, COORD, "coordination", COORDINATOR, PW)
    yield c
    c.close()


class Clock:
    """A fake clock that a fake sleep moves forward: the waits are recorded, not slept."""

    def __init__(self) -> None:
        self.now = time.time()
        self.waits: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(round(seconds, 2))
        self.now += seconds


@pytest.fixture
def clock(monkeypatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(slowing.time, "time", c.time)
    return c


# ---------------------------------------------------------------- the client address


@pytest.mark.parametrize(("peer", "forwarded", "proxies", "expected"), [
    ("198.51.100.7", "203.0.113.5", "", "198.51.100.7"),  # no proxy configured: the header is ignored
    ("127.0.0.1", "203.0.113.5", "", "127.0.0.1"),  # not even from this computer
    ("198.51.100.7", "203.0.113.5", "127.0.0.1", "198.51.100.7"),  # forged, from a non-proxy address
    ("127.0.0.1", "203.0.113.5", "127.0.0.1", "203.0.113.5"),  # the proxy says who the client is
    ("127.0.0.1", "1.2.3.4, 203.0.113.5", "127.0.0.1", "203.0.113.5"),  # the proxy's hop, not the browser's
    ("10.0.0.3", ["1.2.3.4, 203.0.113.5", "10.0.0.2"], "10.0.0.0/24", "203.0.113.5"),  # two proxies
    ("127.0.0.1", "[2001:db8::1]:443", "127.0.0.1 ::1", "2001:db8::1"),
    ("127.0.0.1", "pas une adresse", "127.0.0.1", "127.0.0.1"),  # malformed: nothing believed
    ("127.0.0.1", None, "127.0.0.1", "127.0.0.1"),
    ("::ffff:127.0.0.1", "203.0.113.5", "127.0.0.1", "203.0.113.5"),  # IPv4 seen through an IPv6 socket
])
def test_client_address(peer, forwarded, proxies, expected):
    assert client_address(peer, forwarded, trusted_proxies(proxies)) == expected


def test_a_bad_proxy_setting_is_refused_in_french():
    with pytest.raises(ConfigError, match="CLSM_TRUSTED_PROXY : « mandataire » n'est ni une adresse IP"):
        trusted_proxies("127.0.0.1, mandataire")


def _client_seen(peer: str, headers: dict[str, str], proxies: str | None) -> tuple:
    """The (client, scheme) the app sees for a websocket from `peer`, through uvicorn's proxy middleware as serve.py
    leaves it, then components.serving's."""
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    from components.serving import ClientAddress

    seen = {}

    async def app(scope, receive, send):
        seen["client"], seen["scheme"] = scope["client"][0], scope["scheme"]

    stack = ProxyHeadersMiddleware(ClientAddress(app, proxies), trusted_hosts="")  # serve.py: FORWARDED_ALLOW_IPS=""
    scope = {"type": "websocket", "client": (peer, 50000), "scheme": "ws",
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]}
    asyncio.run(stack(scope, None, None))
    return seen["client"], seen["scheme"]


def test_forged_forwarded_for_from_a_non_proxy_is_ignored_by_the_server_stack():
    forged = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}
    assert _client_seen("198.51.100.7", forged, "127.0.0.1") == ("198.51.100.7", "ws")
    assert _client_seen("127.0.0.1", forged, "") == ("127.0.0.1", "ws")  # make run: no proxy, nothing believed
    assert _client_seen("127.0.0.1", forged, "127.0.0.1") == ("203.0.113.9", "wss")  # make network: nginx says


def test_serve_turns_uvicorns_own_forwarded_for_off():
    text = (ROOT / "serve.py").read_text(encoding="utf-8")
    assert 'os.environ["FORWARDED_ALLOW_IPS"] = ""' in text
    assert text.index("FORWARDED_ALLOW_IPS") < text.index("st.App(")


# ---------------------------------------------------------------- the slowing


def test_twenty_rotating_forwarded_addresses_do_not_escape(con, clock):
    """20 guesses, each with another forged X-Forwarded-For, from a client that is not the proxy: one address,
    whose wait grows; the same 20 forged addresses as real ones would each start afresh."""
    proxies = trusted_proxies("127.0.0.1")
    for i in range(20):
        address = client_address("198.51.100.7", f"203.0.113.{i}", proxies)
        with pytest.raises(AuthError, match="^Identifiant ou mot de passe incorrect"):
            accounts.sign_in(con, "coordination", f"essai {i}", address, sleep=clock.sleep)
    assert clock.waits[:8] == [0.0, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0]
    assert clock.waits[8:] == [30.0] * 12
    assert sum(clock.waits) > 400  # 20 guesses take 7 minutes, instead of 20 argon2 checks
    assert slowing.failures(con, address="198.51.100.7") == 20
    assert slowing.failures(con, address="203.0.113.3") == 0


def test_the_owner_is_never_locked_out(con, clock):
    """However many strangers' failures on « coordination », its owner gets in after at most the login's cap."""
    for i in range(30):
        with pytest.raises(AuthError):
            accounts.sign_in(con, "coordination", "faux", f"203.0.113.{i}", sleep=clock.sleep)
    clock.waits.clear()
    assert accounts.sign_in(con, "coordination", PW, "198.51.100.1", sleep=clock.sleep) == COORD
    assert clock.waits == [slowing.LOGIN_MAX_WAIT]
    assert slowing.failures(con, login="coordination") == 0  # a right password forgets the login's failures


def test_parallel_attempts_of_one_address_queue_then_are_refused(con, clock):
    """Attempts sent together from one address do not share one wait: each takes the next turn; a queue longer
    than a minute is refused without a password check."""
    for _ in range(5):
        with pytest.raises(AuthError):
            accounts.sign_in(con, "autre", "faux", "203.0.113.50", sleep=clock.sleep)
    waits = []
    with pytest.raises(slowing.TooManyAttempts, match="Trop de tentatives"):
        for _ in range(20):  # the clock stands still: every attempt arrives before the first is answered
            waits.append(slowing.reserve(con, "autre", "203.0.113.50"))
    assert waits == sorted(waits) and waits[1] - waits[0] == slowing.step(5, slowing.ADDRESS_MAX_STEP)
    assert waits[-1] <= slowing.ADDRESS_MAX_QUEUE


def test_known_and_unknown_logins_wait_alike(con, clock):
    """A known and an unknown login with the same failures get the same waits (fresh addresses each time)."""
    per_login = {}
    for k, login in enumerate(("coordination", "personne")):
        clock.waits.clear()
        for i in range(6):
            with pytest.raises(AuthError):
                accounts.sign_in(con, login, "faux", f"198.51.100.{10 * k + i}", sleep=clock.sleep)
        per_login[login] = list(clock.waits)
    assert per_login["coordination"] == per_login["personne"] == [0.0, 0.5, 1.0, 2.0, 4.0, 4.0]


def _attempt_seconds(con, login: str, address: str) -> float:
    start = time.perf_counter()
    try:
        if hasattr(accounts, "sign_in"):
            accounts.sign_in(con, login, "faux", address)
        else:  # the code before: in-memory per-client throttle, and a delay for a known login's own failures
            time.sleep(accounts.login_delay(accounts.failed_count(con, login)))
            accounts.authenticate(con, login, "faux")
    except AuthError:
        pass
    return time.perf_counter() - start


def measure(con, attempts: int = 4, net: int = 100) -> dict[str, list[float]]:
    """Seconds each failing attempt takes, for a known and an unknown login, each from a new address (an attacker
    rotating addresses): the last attempt comes after `attempts - 1` failures of the same login."""
    return {login: [_attempt_seconds(con, login, f"198.51.{net}.{10 * k + i}") for i in range(attempts)]
            for k, login in enumerate(("coordination", "personne"))}


def test_known_and_unknown_logins_answer_in_the_same_time(con):
    """Real clock: after three failures each, the fourth attempt on a known and on an unknown login take the same
    time (the wait, one argon2 check, one bookkeeping write)."""
    tries = []
    for net in (100, 101, 102):  # a busy machine can stretch one argon2 check: up to three rounds, new addresses
        times = measure(con, net=net)
        known, unknown = times["coordination"][-1], times["personne"][-1]
        assert known > 2.0 and unknown > 2.0  # the wait is there for both
        tries.append(times)
        if abs(known - unknown) < 0.25:
            break
    else:
        raise AssertionError(f"known and unknown logins answered apart in three rounds: {tries}")


# ---------------------------------------------------------------- shared by processes (PostgreSQL)


@pytest.fixture(scope="module")
def pg_url():
    from pg_cluster import Cluster, ClusterUnavailable

    try:
        cluster = Cluster().start()
    except ClusterUnavailable as exc:
        pytest.skip(str(exc))
    try:
        url = cluster.create_database("clsm_slowing")
        from clsm_data.store.db import migrate

        c = connect(url, read_only=False, check_schema=False)
        try:
            migrate(c)
            accounts.add_user(c, COORD, "coordination", COORDINATOR, PW)
        finally:
            c.close()
        yield url
    finally:
        from clsm_data.store.postgres import close_pools

        close_pools()
        cluster.stop()


_FAIL_THREE = """
import sys
from clsm_data.access import accounts
from clsm_data.core.errors import AuthError
from clsm_data.store.db import connect
con = connect(sys.argv[1], read_only=False)
for _ in range(3):
    try:
        accounts.authenticate(con, "coordination", "faux", "203.0.113.77")
    except AuthError:
        pass
"""


def test_two_processes_see_the_same_failure_count(pg_url, tmp_path):
    """Three failures in another process: this one counts them, and its next attempt from that address waits."""
    env = {**os.environ, "CLSM_LOCAL_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _FAIL_THREE, pg_url], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    con = connect(pg_url, read_only=False)
    try:
        assert slowing.failures(con, login="coordination") == 3
        assert slowing.failures(con, address="203.0.113.77") == 3
        assert accounts.failed_count(con, "coordination") == 3
        assert 1.0 < slowing.reserve(con, "quelqu'un", "203.0.113.77") <= 2.0  # step(3) = 2 s from the last one
        assert accounts.authenticate(con, "coordination", PW, "198.51.100.1") == COORD  # another address: at once
    finally:
        con.close()


if __name__ == "__main__":  # the figures of docs/network.md: python tests/test_sign_in_slowing.py [ATTEMPTS]
    import shutil
    import tempfile

    from clsm_data.core.config import SEED_DIR
    from clsm_data.store.build import build

    folder = Path(tempfile.mkdtemp())
    db = folder / "clsm.duckdb"
    build(db, SEED_DIR)
    c = connect(db, read_only=False)
    accounts.add_user(c, COORD, "coordination", COORDINATOR, PW)
    try:
        for name, seconds in measure(c, int(sys.argv[1]) if len(sys.argv) > 1 else 4).items():
            print(f"{name:<13} " + "  ".join(f"{s:.2f} s" for s in seconds))
    finally:
        c.close()
        shutil.rmtree(folder, ignore_errors=True)
