"""Where things live: the database path (CLSM_DB), the seed folder, the default council."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT / "data" / "seed"
DEFAULT_DB = ROOT / "data" / "clsm.duckdb"
DEFAULT_COUNCIL = "clsm-metz"


def db_path() -> Path:
    """The database file: `CLSM_DB` when set, else data/clsm.duckdb."""
    value = os.environ.get("CLSM_DB", "").strip()
    return Path(value).expanduser().resolve() if value else DEFAULT_DB


def backup_dir(db: Path | None = None) -> Path:
    """Backups live beside the database, in `<name>.backups/`."""
    db = db or db_path()
    return db.parent / f"{db.stem}.backups"
