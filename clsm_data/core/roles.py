"""Roles and the caller identity every write function checks (the server decides, never the browser)."""

from __future__ import annotations

from dataclasses import dataclass, field

from clsm_data.core.errors import PermissionDenied

COORDINATOR = "coordinator"
PARTNER = "partner"
ROLES = (COORDINATOR, PARTNER)
ROLE_LABELS = {COORDINATOR: "coordination", PARTNER: "partenaire (lecture seule)"}


@dataclass(frozen=True)
class Caller:
    """Who is acting: an account name (never shown with personal data) and a role."""

    name: str
    role: str
    # the council an account is bound to (None: the database's default council); not part of who acts
    council: str | None = field(default=None, compare=False)

    @property
    def can_write(self) -> bool:
        return self.role == COORDINATOR


def require_coordinator(caller: Caller | None) -> Caller:
    """Return the caller when it may write; raise PermissionDenied otherwise."""
    if caller is None or not isinstance(caller, Caller) or caller.role != COORDINATOR:
        raise PermissionDenied(
            "Cette opération est réservée à la coordination du CLSM.",
            "Les comptes partenaires consultent le tableau de bord en lecture seule.",
        )
    return caller


# The app itself writing (the seed build, synthetic data, sign-in bookkeeping): never a person, never a role
# an account can hold; the write door lets it through only where `require=None` says so.
SYSTEM = Caller("build", "système")
