"""Which host names the app answers to: a DNS-rebinding page must get nothing, least of all the local coordinator."""

from __future__ import annotations

from urllib.parse import urlparse

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def hostname(value: str | None) -> str | None:
    """The host name of a Host header or an Origin URL, lower case, without port; None if malformed."""
    if not value:
        return None
    text = value.strip()
    try:
        parsed = urlparse(text if "://" in text else f"//{text}")
        name = parsed.hostname
        _ = parsed.port  # a bad port is a malformed header
    except ValueError:
        return None
    if not name or parsed.username or parsed.password:
        return None
    return name.lower().rstrip(".")


def allowed(value: str | None, configured: list[str] | tuple[str, ...], accounts: bool) -> bool:
    """Whether a Host (or Origin) names a host this app serves.

    Args:
        value: the Host header or Origin; None when absent (a non-browser client, or AppTest).
        configured: server.allowedHosts (names, or `*.domain`; `*` means any).
        accounts: whether anyone must sign in. Without accounts the caller becomes the coordinator,
            so only this computer's own names are served, whatever is configured.
    Returns:
        True when served.
    """
    if value is None:
        return True
    name = hostname(value)
    if name is None:
        return False
    if not accounts:
        return name in LOCAL_HOSTS
    patterns = [p.strip().lower().rstrip(".") for p in configured if p.strip()] or ["*"]
    for pattern in [*patterns, *LOCAL_HOSTS]:
        if pattern == "*" or name == pattern or (pattern.startswith("*.") and name.endswith(pattern[1:])):
            return True
    return False
