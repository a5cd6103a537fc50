"""Kept for callers of the old module: the importer now lives in clsm_data.importing, by stage."""

from __future__ import annotations

from .importing import *  # noqa: F403
from .importing import __all__  # noqa: F401
