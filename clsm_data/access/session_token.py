"""Signed, expiring sign-in tokens for the browser cookie that keeps a local sign-in across a reload.

A token says: this login, signed in until this time, with this password. It is an HMAC-SHA256 over
those three, keyed by a secret kept beside the database (created on first use, readable by its owner
only). A password change, an account removed or disabled, an expired time or a token revoked at
sign-out makes it worthless. It holds no password and no personal data.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
import time
from pathlib import Path

COOKIE_NAME = "clsm_session"
TTL_SECONDS = 12 * 3600  # as long as a session may last at most

_revoked: dict[str, float] = {}  # token MAC -> expiry (in memory: forgotten at restart, expires anyway)
_lock = threading.Lock()


def key_file(db: Path) -> Path:
    """Where the signing secret lives: beside the database file."""
    return db.with_name(db.stem + ".cookie-key")


def load_key(db: Path) -> bytes:
    """The signing secret for this database, created (mode 600) if missing."""
    path = key_file(db)
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (FileNotFoundError, ValueError):
        pass
    value = secrets.token_bytes(32)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(value.hex())
    os.replace(tmp, path)
    return bytes.fromhex(path.read_text(encoding="ascii").strip())


def _mac(key: bytes, username: str, expires: int, fingerprint: str) -> str:
    msg = f"{username}|{expires}|{fingerprint}".encode()
    return hmac.new(key, msg, hashlib.sha256).hexdigest()


def issue(key: bytes, username: str, fingerprint: str, now: float | None = None, ttl: int = TTL_SECONDS) -> str:
    """A token for this login and password fingerprint, valid `ttl` seconds."""
    expires = int((time.time() if now is None else now) + ttl)
    return f"v1.{username}.{expires}.{_mac(key, username, expires, fingerprint)}"


def read(token: str | None, key: bytes, now: float | None = None) -> tuple[str, int, str] | None:
    """(login, expiry, mac) of a well-formed, unexpired, unrevoked token; None otherwise (the signature is
    checked by `valid`, which needs the account's current fingerprint)."""
    if not token or len(token) > 300:
        return None
    parts = token.split(".")
    if len(parts) != 4 or parts[0] != "v1" or not parts[2].isdigit():
        return None
    username, expires, mac = parts[1], int(parts[2]), parts[3]
    now = time.time() if now is None else now
    if expires <= now or expires > now + TTL_SECONDS + 60:
        return None
    with _lock:
        if mac in _revoked:
            return None
    return username, expires, mac


def valid(token: str | None, key: bytes, fingerprint_of, now: float | None = None) -> str | None:
    """The login a token signs in, or None.

    Args:
        token: the cookie's value.
        key: the signing secret.
        fingerprint_of: login -> the account's current password fingerprint, or None if it is gone.
        now: the current time (tests).
    """
    found = read(token, key, now)
    if found is None:
        return None
    username, expires, mac = found
    fingerprint = fingerprint_of(username)
    if fingerprint is None:
        return None
    return username if hmac.compare_digest(mac, _mac(key, username, expires, fingerprint)) else None


def revoke(token: str | None) -> None:
    """Refuse this token from now on (sign-out), until it would have expired anyway."""
    found = read(token, b"", None)
    if found is None:
        return
    _, expires, mac = found
    with _lock:
        now = time.time()
        for old in [m for m, e in _revoked.items() if e <= now]:
            del _revoked[old]
        _revoked[mac] = expires
