"""Local accounts: logins (no e-mail, no names), argon2 hashes, failed sign-ins counted and slowed down (never a lock-out).

The slowing itself (per login and per address, in the database) is clsm_data.access.slowing."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from collections.abc import Callable
from functools import lru_cache

import duckdb
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from clsm_data.access import slowing
from clsm_data.core.errors import (
    AccountError,
    AuthError,
    WriteNotSavedError,
)
from clsm_data.core.roles import ROLE_LABELS, ROLES, Caller, require_coordinator
from clsm_data.store import door
from clsm_data.store.door import Done
from clsm_data.store.engine import bound_council

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
MIN_PASSWORD = 10
MAX_PASSWORD = 256
BAD_CREDENTIALS = "Identifiant ou mot de passe incorrect."

_hasher = PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Verified against for unknown logins, so a wrong login costs as long as a wrong password.
    return _hasher.hash("compte-inexistant-0000")


def has_accounts(con: duckdb.DuckDBPyConnection) -> bool:
    """True when at least one account exists (then the app asks everyone to sign in)."""
    return con.execute("SELECT count(*) FROM app_user").fetchone()[0] > 0


def check_username(username: str) -> str:
    """The login, lower-cased; raises AccountError when it is not a short login."""
    name = (username or "").strip().lower()
    if not USERNAME.match(name):
        raise AccountError(
            f"« {username} » n'est pas un identifiant valide.",
            "2 à 40 caractères : lettres minuscules sans accent, chiffres, point, tiret ou souligné "
            "(par ex. « coordination » ou le code d'une structure, « udaf57 »). Pas de nom de personne.",
        )
    return name


def check_password(password: str) -> str:
    """The password, if long enough; raises AccountError otherwise."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise AccountError(
            f"Mot de passe trop court : {MIN_PASSWORD} caractères au moins.",
            "Choisissez une phrase de passe de plusieurs mots.",
        )
    if len(password) > MAX_PASSWORD or "\n" in password or "\x00" in password:
        raise AccountError("Mot de passe refusé (trop long ou caractères de contrôle).")
    return password


def add_user(con: duckdb.DuckDBPyConnection, caller: Caller, username: str, role: str, password: str,
             council: str | None = None, also: list[str] | tuple[str, ...] = ()) -> None:
    """Create an account.

    Args:
        con: a read-write connection or a cursor of the app's process connection.
        caller: must be a coordinator.
        username: a login such as "coordination" or "udaf57".
        role: "coordinator" or "partner".
        password: the clear password (hashed with argon2, never stored as is).
        council: the council the account is bound to (what it reads and writes); by default the one the connection
            is bound to, else the database's default council.
        also: other councils the account may read, one at a time (chosen in the sidebar), and all at once in the
            national survey's table.
    Raises:
        PermissionDenied: the caller is not a coordinator.
        AccountError: bad login, bad role, short password, or the login exists already.
    """
    require_coordinator(caller)
    name = check_username(username)
    if role not in ROLES:
        raise AccountError(
            f"Rôle « {role} » inconnu.", "Rôles possibles : coordinator (coordination), partner (partenaire)."
        )
    digest = _hasher.hash(check_password(password))

    def absent(con) -> None:
        if con.execute("SELECT count(*) FROM app_user WHERE username = ?", [name]).fetchone()[0]:
            raise AccountError(f"Le compte « {name} » existe déjà.", "Pour changer son mot de passe : user passwd.")

    own = council or bound_council(con)
    others = [c for c in dict.fromkeys(also) if c != own]
    _write(
        con, caller, "compte ajouté", name, absent, Done(added=1, detail=f"rôle : {ROLE_LABELS[role]}"),
        "INSERT INTO app_user (username, role, password_hash, created_at, council_id) VALUES (?, ?, ?, ?, ?)",
        [name, role, digest, dt.datetime.now().replace(microsecond=0), own],
        more=[("INSERT INTO account_council (council_id, username) VALUES (?, ?)", [c, name]) for c in others],
    )


def remove_user(con: duckdb.DuckDBPyConnection, caller: Caller, username: str) -> None:
    """Delete an account.

    Args:
        con: a read-write connection or a cursor of the app's process connection.
        caller: must be a coordinator.
        username: the login.
    Raises:
        PermissionDenied: the caller is not a coordinator.
        AccountError: no such account, or the last coordinator while other accounts exist.
    """
    require_coordinator(caller)
    name = (username or "").strip().lower()

    def removable(con) -> None:
        _require_exists(con, name)
        coordinators, others = con.execute(
            "SELECT count(*) FILTER (WHERE role = 'coordinator' AND username <> ?), count(*) FILTER (WHERE username <> ?) "
            "FROM app_user", [name, name]).fetchone()
        if others and not coordinators:
            raise AccountError(
                f"« {name} » est le dernier compte de coordination : personne ne pourrait plus administrer.",
                "Créez d'abord un autre compte de coordination.",
            )

    _write(con, caller, "compte supprimé", name, removable, Done(deleted=1), "DELETE FROM app_user WHERE username = ?",
           [name], more=[("DELETE FROM account_council WHERE username = ?", [name])])


def set_password(con: duckdb.DuckDBPyConnection, caller: Caller, username: str, password: str) -> None:
    """Change an account's password (and reset its failure count).

    Args:
        con: a read-write connection or a cursor of the app's process connection.
        caller: must be a coordinator.
        username: the login.
        password: the new clear password.
    Raises:
        PermissionDenied: the caller is not a coordinator.
        AccountError: no such account, or the password is too short.
    """
    require_coordinator(caller)
    name = (username or "").strip().lower()
    digest = _hasher.hash(check_password(password))
    _write(
        con, caller, "mot de passe changé", name, lambda c: _require_exists(c, name), Done(updated=1),
        "UPDATE app_user SET password_hash = ?, failed_count = 0, locked_until = NULL WHERE username = ?",
        [digest, name],
    )


def list_users(con: duckdb.DuckDBPyConnection, caller: Caller) -> list[dict]:
    """Every account, without its hash.

    Args:
        con: any connection or cursor.
        caller: must be a coordinator.
    Returns:
        Dicts of username, role, created_at, disabled, failed_count, locked_until, sorted by login.
    Raises:
        PermissionDenied: the caller is not a coordinator.
    """
    require_coordinator(caller)
    cols = ["username", "role", "created_at", "disabled", "failed_count", "locked_until"]
    rows = con.execute(f"SELECT {', '.join(cols)} FROM app_user ORDER BY username").fetchall()
    return [dict(zip(cols, r, strict=True)) for r in rows]


def _require_exists(con, name: str) -> None:
    if not con.execute("SELECT count(*) FROM app_user WHERE username = ?", [name]).fetchone()[0]:
        raise AccountError(f"Aucun compte « {name} ».", "La liste des comptes : python -m clsm_data user list.")


def _write(con, caller: Caller, operation: str, name: str, prepare, done: Done, sql: str, params: list,
           more: list[tuple[str, list]] = ()) -> None:
    """One account change through the write door: `prepare` checks under the lock, then the statements and the
    audit row in one transaction."""

    def change(c, audit_id):
        c.execute(sql, params)
        for other_sql, other_params in more:
            c.execute(other_sql, other_params)
        return Done(done.added, done.updated, done.deleted, "app_user", done.detail)

    door.write(con, caller, operation, change, origin=f"compte {name}", prepare=prepare,
               failed=WriteNotSavedError("Le changement de compte n'a pas été enregistré.", "Réessayez."))


def account_councils(con: duckdb.DuckDBPyConnection, username: str) -> list[str]:
    """The councils an account reads: its own first, then the others it was given, by name (none: no account)."""
    own = con.execute("SELECT council_id FROM app_user WHERE username = ?", [username]).fetchone()
    if not own:
        return []
    others = con.execute("SELECT a.council_id FROM account_council a LEFT JOIN council c ON c.council_id = a.council_id "
                         "WHERE a.username = ? AND a.council_id <> ? ORDER BY c.name, a.council_id",
                         [username, own[0]]).fetchall()
    return [own[0], *(r[0] for r in others)]


def account_caller(con: duckdb.DuckDBPyConnection, username: str) -> Caller | None:
    """The Caller of an existing, enabled account (role read from the database), else None."""
    row = con.execute("SELECT role, council_id FROM app_user WHERE username = ? AND NOT disabled",
                      [username]).fetchone()
    return Caller(username, row[0], row[1]) if row and row[0] in ROLES else None


def authenticate(
    con: duckdb.DuckDBPyConnection, username: str, password: str, address: str | None = None
) -> Caller:
    """Check a login and password; count a failure on the server (no lock-out).

    A stranger must not be able to lock the coordinator out, nor learn which logins exist: an
    unknown login, a wrong password and a disabled account give the same answer after the same
    work (one argon2 check, one bookkeeping write); failures only slow the next attempts down
    (clsm_data.access.slowing, per login and per address), and a right password always gets in.
    `sign_in` is what the app calls: it waits for the attempt's turn first.

    Args:
        con: a read-write connection or a cursor of the app's process connection.
        username: the login typed.
        password: the password typed.
        address: the client's address (None for this computer), counted with the login.
    Returns:
        The Caller (login and the role stored for it).
    Raises:
        AuthError: one message for an unknown login, a wrong password or a disabled account.
    """
    name = (username or "").strip().lower()
    row = con.execute(
        "SELECT role, password_hash, disabled FROM app_user WHERE username = ?", [name]
    ).fetchone()
    role, digest, disabled = row if row is not None else (None, _dummy_hash(), True)
    try:
        ok = _hasher.verify(digest, password or "") and not disabled
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if ok:
        fresh = _hasher.hash(password) if _hasher.check_needs_rehash(digest) else digest
        slowing.succeeded(con, name, address, extra=(
            "UPDATE app_user SET failed_count = 0, locked_until = NULL, password_hash = ? WHERE username = ?",
            [fresh, name]))
        return Caller(name, role)
    # The same write for a known and an unknown login (the UPDATE then touches no row): the same time.
    slowing.failed(con, name, address,
                   extra=("UPDATE app_user SET failed_count = failed_count + 1 WHERE username = ?", [name]))
    raise AuthError(BAD_CREDENTIALS, "Vérifiez l'identifiant et le mot de passe reçus de la coordination.")


def sign_in(
    con: duckdb.DuckDBPyConnection, username: str, password: str, address: str | None,
    sleep: Callable[[float], None] = time.sleep,
) -> Caller:
    """The app's sign-in: wait for this attempt's turn (slowing shared by every process), then `authenticate`.

    Args:
        con: a read-write connection or a cursor of the app's process connection.
        username: the login typed.
        password: the password typed.
        address: the client's address (clsm_data.access.client_address; None for this computer).
        sleep: how to wait (tests record the waits instead).
    Returns:
        The Caller.
    Raises:
        AuthError: bad credentials (one message), or slowing.TooManyAttempts for an address queuing attempts.
    """
    sleep(slowing.reserve(con, username, address))
    return authenticate(con, username, password, address)


def password_fingerprint(con: duckdb.DuckDBPyConnection, username: str) -> str | None:
    """A short digest of the account's current hash (a password change revokes sign-in cookies); None if gone."""
    row = con.execute(
        "SELECT password_hash FROM app_user WHERE username = ? AND NOT disabled", [(username or "").strip().lower()]
    ).fetchone()
    return hashlib.sha256(row[0].encode()).hexdigest()[:16] if row else None


def failed_count(con: duckdb.DuckDBPyConnection, username: str) -> int:
    """Consecutive failed sign-ins recorded for a login (0 for an unknown one)."""
    row = con.execute(
        "SELECT failed_count FROM app_user WHERE username = ?", [(username or "").strip().lower()]
    ).fetchone()
    return int(row[0]) if row else 0
