"""Further subcommands (accounts, import, backups) registered on the main parser."""

from __future__ import annotations


def register(sub) -> None:
    """Add the subcommands of the other modules to `sub` (an argparse subparsers object)."""
