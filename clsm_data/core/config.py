"""Where things live: the database (CLSM_DB: a DuckDB file, or a PostgreSQL server), the seed folder, the default
council."""

from __future__ import annotations

import os
import re
from contextvars import ContextVar
from pathlib import Path, PosixPath
from urllib.parse import urlsplit

from clsm_data.core.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT / "data" / "seed"
DEFAULT_DB = ROOT / "data" / "clsm.duckdb"
DEFAULT_COUNCIL = "clsm-metz"
# The council the code running now works for: the database's default one, or, in a session of a database of
# several councils, the council its account is bound to (set by the app at the start of each run).
_CURRENT_COUNCIL: ContextVar[str] = ContextVar("clsm_current_council", default=DEFAULT_COUNCIL)


def current_council() -> str:
    """The council a query speaks of when none is named (`Filters().council_id`)."""
    return _CURRENT_COUNCIL.get()


def bound_council(con) -> str:
    """The council whose rows a new row belongs to: the one a PostgreSQL connection is bound to, else the
    session's council (`core.config.current_council`, the database's default council outside the app)."""
    councils = getattr(con, "councils", None)
    return councils[0] if councils and len(councils) == 1 else current_council()


def use_council(council_id: str) -> None:
    """Make `council_id` the current council of this thread's context (the app, once per script run)."""
    _CURRENT_COUNCIL.set(council_id)
SERVER_SCHEMES = ("postgresql", "postgres")
# For a server database, the local folder of what lives beside a database file (backups, the sign-in key);
# data/ by default.
LOCAL_DIR_ENV = "CLSM_LOCAL_DIR"


class ServerDatabase(PosixPath):
    """A database on a PostgreSQL server (CLSM_DB=postgresql://…).

    It is a path for what lives beside a database file (its backups folder, the sign-in cookie key): a
    stand-in in data/ (or CLSM_LOCAL_DIR) named after the database and its server. `str()` gives the URL, so the app's one
    connection factory (`store.db.connect(str(db_path()))`) reaches the server; `os.fspath()` gives the
    stand-in, so no file is ever created under the URL's name (a file named « postgresql: » was once created that way).
    """

    url: str | None = None  # only on the value db_path() returns; paths derived from it are plain stand-ins

    def __str__(self) -> str:
        return self.url if self.url else super().__str__()

    def __fspath__(self) -> str:
        return super().__str__()

    @property
    def label(self) -> str:
        """« clsm sur 127.0.0.1:5432 »: the database as messages name it (never a password)."""
        parts = urlsplit(self.url or "")
        return f"{parts.path.lstrip('/') or '?'} sur {parts.hostname or 'localhost'}:{parts.port or 5432}"


def is_server_url(value: object) -> bool:
    """Whether a CLSM_DB value (or a --db argument) names a PostgreSQL server rather than a file."""
    if isinstance(value, ServerDatabase):
        return value.url is not None
    return isinstance(value, str) and value.split("://", 1)[0].lower() in SERVER_SCHEMES and "://" in value


def server_database(url: str) -> ServerDatabase:
    """The ServerDatabase of a postgresql:// URL.

    Raises:
        ConfigError: the URL holds a password (it would be printed in logs and messages), or is not a
            PostgreSQL URL.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in SERVER_SCHEMES:
        raise ConfigError(
            f"CLSM_DB désigne un serveur de base de données ({parts.scheme}://…) que cette version ne sait pas "
            "joindre : seul PostgreSQL (postgresql://…) est pris en charge.",
            "Donnez à CLSM_DB une adresse postgresql://utilisateur@serveur:port/base, ou le chemin d'un fichier "
            "DuckDB (par exemple data/clsm.duckdb).",
        )
    if parts.password:
        raise ConfigError(
            "CLSM_DB contient un mot de passe : il serait écrit dans les journaux et les messages.",
            "Retirez-le de l'adresse et donnez-le à PostgreSQL par PGPASSWORD ou le fichier ~/.pgpass.",
        )
    host = re.sub(r"[^A-Za-z0-9._-]+", "-", parts.hostname or "localhost")
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", parts.path.lstrip("/") or "postgres")
    folder = Path(os.environ.get(LOCAL_DIR_ENV) or DEFAULT_DB.parent).expanduser().resolve()
    stand_in = ServerDatabase(folder / f"{name}@{host}-{parts.port or 5432}.postgres")
    stand_in.url = url
    return stand_in


def database(value: Path | str | None = None) -> Path:
    """The database a command names: None for CLSM_DB (db_path), a postgresql:// URL, or a DuckDB file path."""
    if value is None or value == "":
        return db_path()
    if isinstance(value, ServerDatabase) and value.url:
        return value
    if is_server_url(str(value)) or "://" in str(value):
        return server_database(str(value))
    return Path(value)


def db_path() -> Path:
    """The database: `CLSM_DB` when set, else data/clsm.duckdb.

    Returns:
        A Path to the DuckDB file, or a ServerDatabase when CLSM_DB is a postgresql:// URL (the network
        edition): its `str()` is the URL.
    Raises:
        ConfigError: CLSM_DB names another kind of server, or holds a password.
    """
    value = os.environ.get("CLSM_DB", "").strip()
    if "://" in value:
        return server_database(value)
    return Path(value).expanduser().resolve() if value else DEFAULT_DB


def database_arg(value: str):
    """A `--db` value of the command line: a file path, or a postgresql:// address (as CLSM_DB takes)."""
    value = (value or "").strip()
    if "://" in value:
        return server_database(value)
    return Path(value).expanduser()


def backup_dir(db: Path | None = None) -> Path:
    """Backups live beside the database, in `<name>.backups/` (for a server: beside its stand-in in data/)."""
    db = db or db_path()
    return Path(os.fspath(db.parent)) / f"{db.stem}.backups"
