"""Where things live: the database path (CLSM_DB), the seed folder, the default council."""

from __future__ import annotations

import os
from pathlib import Path

from clsm_data.core.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT / "data" / "seed"
DEFAULT_DB = ROOT / "data" / "clsm.duckdb"
DEFAULT_COUNCIL = "clsm-metz"


def db_path() -> Path:
    """The database file: `CLSM_DB` when set, else data/clsm.duckdb.

    Raises:
        ConfigError: CLSM_DB names a database server (postgresql://…): this edition stores one council in one
            DuckDB file, and says so rather than create a file named « postgresql: ».
    """
    value = os.environ.get("CLSM_DB", "").strip()
    if "://" in value:
        raise ConfigError(
            f"CLSM_DB désigne un serveur de base de données ({value.split('://', 1)[0]}://…) : cette version "
            "enregistre les données d'un CLSM dans un fichier DuckDB.",
            "Donnez à CLSM_DB le chemin d'un fichier (par exemple data/clsm.duckdb), ou laissez-la vide.",
        )
    return Path(value).expanduser().resolve() if value else DEFAULT_DB


def backup_dir(db: Path | None = None) -> Path:
    """Backups live beside the database, in `<name>.backups/`."""
    db = db or db_path()
    return db.parent / f"{db.stem}.backups"
