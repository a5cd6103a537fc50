"""Who is using the app: local coordinator when no account is configured (issue 4 adds sign-in)."""

from __future__ import annotations

from clsm_data.roles import COORDINATOR, Caller


def current_user() -> Caller:
    """The signed-in caller; with no account configured, the local user is the coordinator."""
    return Caller("local", COORDINATOR)
