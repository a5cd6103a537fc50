"""Failed sign-ins slowed down in the database, per login and per client address, shared by every app process.

Each attempt first takes its turn (`reserve`): the time before which it is not answered, for the login typed
and for the client's address, read and moved forward in one short write (the writer lock makes the turns of
concurrent attempts, in any process, follow one another). The caller waits until then, checks the password,
then records the outcome (`failed` / `succeeded`). So:

- a client that keeps failing waits longer each time: 0.5 s, 1, 2, 4… up to 30 s between two attempts from one
  address, and parallel attempts from one address queue behind each other instead of escaping the wait; an
  address whose queue runs more than a minute ahead is refused at once (`TooManyAttempts`), without a
  password check;
- a login is slowed as well (whoever tries it, from any address), but its share of any wait is capped
  (`LOGIN_MAX_WAIT`): a stranger's failures never keep its owner out for longer than that;
- a login is counted whether it exists or not, so a known and an unknown login answer in the same time.

Keys are digests (see migration 070): the table holds no typed text and no address. Rows whose last attempt is
older than `WINDOW_SECONDS` are deleted at the next attempt. Writes go through the write door without an audit
row, like the rest of the sign-in bookkeeping (clsm_data.store.door).
"""

from __future__ import annotations

import hashlib
import time

from clsm_data.core.errors import AuthError, TooManyAttempts  # noqa: F401 (TooManyAttempts re-exported)
from clsm_data.core.roles import SYSTEM
from clsm_data.store import door
from clsm_data.store.door import Done

WINDOW_SECONDS = 15 * 60  # an address or login with no attempt for this long starts afresh
ADDRESS_MAX_STEP = 30.0  # seconds: the longest gap kept between two attempts of one address
ADDRESS_MAX_QUEUE = 60.0  # seconds: an address whose turn is further away than this is refused at once
LOGIN_MAX_STEP = 4.0  # seconds: the longest gap kept between two attempts on one login
LOGIN_MAX_WAIT = 4.0  # seconds: the most a login's own failures make anyone wait (its owner included)


def step(failures: int, cap: float) -> float:
    """Seconds between two attempts after `failures` failures: 0, then 0.5, 1, 2, 4… up to `cap`."""
    return 0.0 if failures <= 0 else min(cap, 0.5 * 2 ** (failures - 1))


def login_key(login: str) -> str:
    """The stored key of a login as typed (lower-cased, trimmed): a digest, never the text."""
    return _key("login", (login or "").strip().lower())


def address_key(address: str | None) -> str:
    """The stored key of a client address (None, this computer, is "local")."""
    return _key("address", address or "local")


def _key(kind: str, value: str) -> str:
    return f"{kind}:" + hashlib.sha256(f"{kind}\0{value}".encode()).hexdigest()[:32]


def _rows(con, keys: list[str]) -> dict[str, tuple[int, float]]:
    marks = ", ".join("?" for _ in keys)
    found = con.execute(f"SELECT key, failures, next_at FROM sign_in_slowing WHERE key IN ({marks})", keys).fetchall()
    return {k: (int(f), float(n)) for k, f, n in found}


def _put(con, key: str, failures: int, next_at: float, now: float) -> None:
    con.execute(
        "INSERT INTO sign_in_slowing (key, failures, next_at, last_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, next_at = excluded.next_at, "
        "last_at = excluded.last_at",
        [key, failures, next_at, now],
    )


def _bookkeeping(con, change) -> Done:
    """One short write through the door, without an audit row (sign-in bookkeeping)."""
    return door.write(con, SYSTEM, "connexion", change, audit=False, require=None).done


def reserve(con, login: str, address: str | None, now: float | None = None) -> float:
    """Take this attempt's turn for the login and the address; returns the seconds to wait before checking.

    Args:
        con: a read-write connection or a cursor of the app's process connection.
        login: the login typed (known or not: both are counted alike).
        address: the client's address (clsm_data.access.client_address), None for this computer.
        now: epoch seconds (tests).
    Returns:
        Seconds to wait before checking the password (0 for a client with no recent failure).
    Raises:
        TooManyAttempts: this address's turn is more than `ADDRESS_MAX_QUEUE` seconds away.
    """
    now = time.time() if now is None else now
    lk, ak = login_key(login), address_key(address)

    def change(c, _audit_id) -> Done:
        c.execute("DELETE FROM sign_in_slowing WHERE last_at < ?", [now - WINDOW_SECONDS])
        rows = _rows(c, [lk, ak])
        a_failures, a_next = rows.get(ak, (0, 0.0))
        l_failures, l_next = rows.get(lk, (0, 0.0))
        a_turn = max(now, a_next)
        if a_turn - now > ADDRESS_MAX_QUEUE:
            return Done(value=None)
        l_turn = min(max(now, l_next), now + LOGIN_MAX_WAIT)  # never more than the cap for the owner
        # The next attempt of each key comes one step after this one (as if this one fails too): parallel attempts
        # queue. A success clears the login's and the address's rows.
        _put(c, ak, a_failures, a_turn + step(a_failures, ADDRESS_MAX_STEP), now)
        _put(c, lk, l_failures, l_turn + step(l_failures, LOGIN_MAX_STEP), now)
        return Done(value=max(a_turn, l_turn) - now)

    wait = _bookkeeping(con, change).value
    if wait is None:
        raise TooManyAttempts(
            "Trop de tentatives de connexion depuis cette adresse.",
            "Attendez une minute avant de réessayer.",
        )
    return wait


def failed(con, login: str, address: str | None, now: float | None = None, extra=None) -> None:
    """Count one failed sign-in for the login and the address (their next turn moves one step further).

    Args:
        con: a read-write connection or a cursor of the app's process connection.
        login: the login typed.
        address: the client's address, None for this computer.
        now: epoch seconds (tests).
        extra: a statement and its parameters run in the same transaction (the account's own failure count).
    """
    now = time.time() if now is None else now
    keys = [(login_key(login), LOGIN_MAX_STEP), (address_key(address), ADDRESS_MAX_STEP)]

    def change(c, _audit_id) -> None:
        rows = _rows(c, [k for k, _ in keys])
        for key, cap in keys:
            failures, next_at = rows.get(key, (0, 0.0))
            _put(c, key, failures + 1, max(next_at, now + step(failures + 1, cap)), now)
        if extra is not None:
            c.execute(*extra)

    _bookkeeping(con, change)


def succeeded(con, login: str, address: str | None, extra=None) -> None:
    """A right password: the login's and the address's failures are forgotten.

    Args:
        con: a read-write connection or a cursor of the app's process connection.
        login: the login typed.
        address: the client's address, None for this computer.
        extra: a statement and its parameters run in the same transaction (the account's reset, a re-hash).
    """

    def change(c, _audit_id) -> None:
        c.execute("DELETE FROM sign_in_slowing WHERE key IN (?, ?)", [login_key(login), address_key(address)])
        if extra is not None:
            c.execute(*extra)

    _bookkeeping(con, change)


def failures(con, *, login: str | None = None, address: str | None = None) -> int:
    """Failures recorded within the window for a login or an address (any process, any connection)."""
    key = login_key(login) if login is not None else address_key(address)
    row = con.execute("SELECT failures, last_at FROM sign_in_slowing WHERE key = ?", [key]).fetchone()
    return int(row[0]) if row and row[1] >= time.time() - WINDOW_SECONDS else 0
