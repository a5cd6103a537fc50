"""The storage seam's second implementation: a PostgreSQL database through psycopg 3 and a connection pool.

Everything that differs from the DuckDB file lives here, so the code above the store runs unchanged:

- `PgConnection`, a DB-API connection shaped like DuckDB's (`execute(sql, params)` returning something with
  `fetchone`, `fetchall`, `df`, `description`; `executemany`; `cursor()` for a connection of its own),
  translating DuckDB's `?` and `$name` placeholders and turning psycopg's errors into `PostgresError`, a
  `duckdb.Error`, so that every `except duckdb.Error` above the store (French messages) holds on both engines;
- the schema: the same numbered migrations, translated in one function (`migration_sql`), after a prelude of
  compatibility functions (`year`, `month`, `list_contains`, `string_split`, `arg_max`, the `double` type);
- `PostgresEngine`: transactions (SERIALIZABLE for writes, REPEATABLE READ READ ONLY for snapshots), the audit
  sequence, checksums, COPY for many rows, and the writer lock as a PostgreSQL advisory lock (the DuckDB file's
  flock has no file to stand on here).

Why both a lock and SERIALIZABLE: the write door takes the writer lock before its conflict check (the
checksums of the tables a change set was planned on) and keeps it until COMMIT, so two coordinators' change
sets never interleave: the second one sees the first one's rows, or is refused as a conflict, never lost. The
lock is an advisory lock of the database, shared by every process and machine that writes it. SERIALIZABLE is
the second belt: a write that would not take the lock (none does) could still not lose another one silently,
PostgreSQL aborts it (tests/test_postgres_store.py shows both).
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from clsm_data.core.config import ServerDatabase, server_database
from clsm_data.core.errors import ClsmError, DatabaseBusyError, DatabaseMissingError, WriteBusyError

POOL_MAX = 20  # connections per process and mode; a Streamlit process runs a few scripts at once
POOL_TIMEOUT = 30.0  # seconds to wait for a free connection before saying the server is busy
WRITER_LOCK_KEY = 0x434C534D  # « CLSM »: the advisory lock every writer of a database takes
BUILD_SCHEMA = "clsm_build"  # where a build writes before its schema is swapped in
APP_ROLE = "clsm_app"  # the role a council-bound connection reads and writes as: row-level security applies to it
COUNCILS_SETTING = "clsm.councils"  # the councils such a connection may see, comma-separated


class PostgresError(duckdb.Error):
    """A PostgreSQL error seen through the DuckDB-shaped connection (the psycopg error is its __cause__)."""


class SerializationFailure(PostgresError):
    """PostgreSQL aborted a transaction that would have lost another one's write (SQLSTATE 40001/40P01)."""


# ---------------------------------------------------------------- SQL text


_TOKEN = re.compile(
    r"""('(?:[^']|'')*')        # a string
      | ("(?:[^"]|"")*")        # a quoted identifier
      | (--[^\n]*)              # a comment
      | (\$\$.*?\$\$)           # a dollar-quoted body
      | (\$[A-Za-z_]\w*)        # a named parameter ($c)
      | (\?)                    # a positional parameter
      | (%)                     # psycopg's own marker, escaped
    """,
    re.VERBOSE | re.DOTALL,
)


@lru_cache(maxsize=4096)
def translate(sql: str) -> str:
    """DuckDB's placeholders to psycopg's: `?` → `%s`, `$name` → `%(name)s`, a literal `%` → `%%`.

    Placeholders inside quoted strings, quoted names and comments are left as they are; a `%` is doubled
    everywhere, strings included (`ILIKE '%mot%'`): psycopg reads every `%` of a statement sent with parameters.
    """
    return "%s".join(_pieces(sql))


@lru_cache(maxsize=4096)
def _pieces(sql: str) -> tuple[str, ...]:
    """The translated text cut at each positional parameter (to write a NULL parameter as NULL)."""
    pieces, current, end = [], [], 0
    for m in _TOKEN.finditer(sql):
        current.append(sql[end:m.start()])
        end = m.end()
        if m.group(6):  # a positional parameter: a new piece starts
            pieces.append("".join(current))
            current = []
        elif m.group(5):
            current.append(f"%({m.group(5)[1:]})s")
        else:
            current.append(m.group(0).replace("%", "%%"))
    current.append(sql[end:])
    pieces.append("".join(current))
    return tuple(pieces)


def _value(v: Any) -> Any:
    """A parameter as psycopg adapts it: numpy scalars and pandas' missing values to Python's."""
    if v is None or isinstance(v, (str, int, float, bool, dt.date, decimal.Decimal)):
        return v
    if isinstance(v, (list, tuple)):
        items = [_value(x) for x in v]
        if items and all(x is None or isinstance(x, str) for x in items) and any(x is not None for x in items):
            return _TextList(items)  # text[], not unknown[]: `unnest(?)` must know its type
        return items
    if v is pd.NaT or v is pd.NA:
        return None
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    item = getattr(v, "item", None)  # numpy scalars
    if callable(item):
        return item()
    return v


class _TextList(list):
    """A list of strings sent as text[] (psycopg sends a string as « unknown », and an array of them too)."""


def _text_array_dumper():
    from psycopg.adapt import Dumper

    class TextArrayDumper(Dumper):
        oid = 1009  # text[]

        def dump(self, obj):
            def one(x):
                if x is None:
                    return "NULL"
                return '"' + x.replace("\\", "\\\\").replace('"', '\\"') + '"'

            return ("{" + ",".join(one(x) for x in obj) + "}").encode()

    return TextArrayDumper


def _params(params: Any) -> Any:
    if isinstance(params, dict):
        return {k: _value(v) for k, v in params.items()}
    return [_value(v) for v in params]


# ---------------------------------------------------------------- connections


_POOLS: dict[tuple[str, bool], Any] = {}
_POOLS_LOCK = threading.Lock()
# PostgreSQL type OIDs -> the dtype DuckDB's `.df()` gives the same SQL type.
_DTYPES = {21: "int16", 23: "int32", 20: "int64", 16: "bool", 700: "float64", 701: "float64",
           1082: "datetime64[us]", 1114: "datetime64[us]"}


def _configure(con) -> None:
    """numeric as float (DuckDB returns floats for averages and sums of doubles, never Decimal)."""
    from psycopg.types.numeric import FloatLoader
    from psycopg.types.string import StrDumper

    con.adapters.register_loader("numeric", FloatLoader)
    # A string parameter is text (psycopg's default, « unknown », leaves `? IS NULL` without a type).
    con.adapters.register_dumper(str, StrDumper)
    con.adapters.register_dumper(_TextList, _text_array_dumper())


def _reset(con) -> None:
    """A connection given back to the pool is nobody's: its role and councils are dropped."""
    con.execute(f"RESET ROLE; RESET {COUNCILS_SETTING}")


def _pool(url: str, read_only: bool):
    key = (url, read_only)
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None:
            import psycopg
            from psycopg_pool import ConnectionPool

            # One direct try first: the server's own reason (no such database, refused) comes back at once,
            # where a pool would retry in the background until its timeout.
            psycopg.connect(url, connect_timeout=5).close()

            options = "-c default_transaction_read_only=on" if read_only else ""
            pool = ConnectionPool(
                url, min_size=0, max_size=POOL_MAX, timeout=POOL_TIMEOUT, open=True, configure=_configure,
                reset=_reset,
                kwargs={"autocommit": True, "options": options, "application_name": "clsm"},
                name=f"clsm-{'ro' if read_only else 'rw'}",
            )
            _POOLS[key] = pool
        return pool


def close_pools() -> None:
    """Close every pool of this process (tests, benchmarks, end of a command)."""
    with _POOLS_LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for pool in pools:
        pool.close()


def _error(exc: Exception) -> PostgresError:
    state = getattr(exc, "sqlstate", None)
    kind = SerializationFailure if state in ("40001", "40P01") else PostgresError
    err = kind(str(exc).strip())
    err.sqlstate = state
    return err


class PgResult:
    """What `PgConnection.execute` returns: the rows of the statement, fetched like DuckDB's."""

    def __init__(self, cur) -> None:
        self._cur = cur

    @property
    def description(self):
        return self._cur.description

    def fetchone(self):
        return self._cur.fetchone() if self._cur.description else None

    def fetchall(self) -> list[tuple]:
        return self._cur.fetchall() if self._cur.description else []

    def fetchmany(self, size: int = 1) -> list[tuple]:
        return self._cur.fetchmany(size) if self._cur.description else []

    def df(self) -> pd.DataFrame:
        """The rows as a DataFrame with the dtypes DuckDB's `.df()` gives: integers and booleans as numpy types,
        or pandas' nullable ones when a NULL is there; dates and timestamps as datetime64[us]."""
        desc = self._cur.description or []
        cols = [d.name for d in desc]
        rows = self.fetchall()
        df = pd.DataFrame.from_records(rows, columns=cols, coerce_float=True)
        for i, d in enumerate(desc):
            kind = _DTYPES.get(d.type_code)
            if kind is None or not len(df):
                continue
            col = df.iloc[:, i]
            if kind == "datetime64[us]":
                df[d.name] = pd.to_datetime(col).astype("datetime64[us]")
            elif kind == "float64" or (kind == "int64" and col.isna().any()):
                # bigint with NULLs: mostly sums of integers, which DuckDB gives as float64 (its HUGEINT)
                df[d.name] = col.astype("float64")
            elif col.isna().any():
                df[d.name] = col.astype(kind.capitalize() if kind != "bool" else "boolean")
            else:
                df[d.name] = col.astype(kind)
        return df

    fetchdf = df

    def close(self) -> None:
        self._cur.close()

    def __iter__(self):
        return iter(self.fetchall())


class PgConnection:
    """A database connection shaped like DuckDB's, over a pooled psycopg connection.

    The process's root connection (`store.db.connect`) and each of its `cursor()`s hold a physical connection
    of their own, taken from the pool at the first statement and given back at `close()`: a cursor per script
    run has its own transactions, as DuckDB's cursors do.
    """

    clsm_engine = "postgres"  # how store.engine.engine() tells the engines apart

    def __init__(self, target: ServerDatabase, read_only: bool, councils: tuple[str, ...] | None = None) -> None:
        self.target = target
        self.read_only = read_only
        # Bound to councils: every statement runs as APP_ROLE with COUNCILS_SETTING set, so PostgreSQL's
        # row-level security shows and accepts those councils' rows only, whatever the query says.
        self.councils = tuple(councils) if councils is not None else None
        self._con = None
        try:
            self._pool = _pool(target.url, read_only)
        except Exception as exc:  # psycopg.OperationalError
            raise _unreachable(target, exc) from exc
        self._lock = threading.Lock()

    # the physical connection
    def raw(self):
        """The psycopg connection (taken from the pool at first use)."""
        if self._con is None:
            try:
                con = self._pool.getconn()
            except Exception as exc:  # PoolTimeout, OperationalError
                raise _unreachable(self.target, exc) from exc
            if self.councils is not None:
                try:
                    con.execute(f"SELECT set_config('{COUNCILS_SETTING}', %s, false)", [",".join(self.councils)])
                    con.execute(f"SET ROLE {APP_ROLE}")
                except Exception as exc:
                    self._pool.putconn(con)
                    raise _error(exc) from exc
            self._con = con
        return self._con

    def cursor(self) -> PgConnection:
        return PgConnection(self.target, self.read_only, self.councils)

    def bound(self, councils: Sequence[str]) -> PgConnection:
        """A connection of its own that sees and writes the rows of these councils only (row-level security)."""
        return PgConnection(self.target, self.read_only, tuple(councils))

    def close(self) -> None:
        con, self._con = self._con, None
        if con is not None:
            try:
                if con.info.transaction_status != 0:  # not idle: end what was left open
                    con.rollback()
            except Exception:
                pass
            try:
                self._pool.putconn(con)
            except Exception:
                pass

    def __del__(self) -> None:  # a cursor nobody closed gives its connection back
        try:
            self.close()
        except Exception:
            pass

    def __enter__(self) -> PgConnection:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # statements
    def execute(self, sql: str, params: Any = None) -> PgResult:
        import psycopg

        cur = self.raw().cursor()
        try:
            if params is None or (not isinstance(params, dict) and len(params) == 0 and "?" not in sql):
                cur.execute(sql)  # no parameters: the text goes as written (several statements allowed)
            elif isinstance(params, dict):
                cur.execute(translate(sql), _params(params))
            else:
                # A NULL parameter is written in the text: PostgreSQL cannot type `? IS NULL` from a NULL alone.
                pieces = _pieces(sql)
                values = _params(params)
                if None in values and len(pieces) == len(values) + 1:
                    text = pieces[0]
                    for v, piece in zip(values, pieces[1:], strict=True):
                        text += ("NULL" if v is None else "%s") + piece
                    cur.execute(text, [v for v in values if v is not None])
                else:
                    cur.execute(translate(sql), values)
        except psycopg.Error as exc:
            raise _error(exc) from exc
        return PgResult(cur)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> PgResult:
        import psycopg

        cur = self.raw().cursor()
        try:
            cur.executemany(translate(sql), [_params(r) for r in rows])
        except psycopg.Error as exc:
            raise _error(exc) from exc
        return PgResult(cur)

    def register(self, name: str, data: Any) -> PgConnection:
        """DuckDB's `register` (a frame or Arrow table queried by name): a temporary table of this session."""
        import pyarrow as pa

        table = data if isinstance(data, pa.Table) else pa.Table.from_pandas(data, preserve_index=False)
        cols = ", ".join(f'"{f.name}" {_pg_type(f.type)}' for f in table.schema)
        self.execute(f'DROP TABLE IF EXISTS pg_temp."{name}"; CREATE TEMP TABLE "{name}" ({cols})')
        POSTGRES.insert_rows(self, f'pg_temp."{name}"', table.column_names,
                             [list(r.values()) for r in table.to_pylist()])
        return self

    def unregister(self, name: str) -> PgConnection:
        self.execute(f'DROP TABLE IF EXISTS pg_temp."{name}"')
        return self

    def sql(self, *_a, **_k):
        raise ClsmError("Cette opération n'existe que pour un fichier DuckDB.")


def _pg_type(t) -> str:
    """The PostgreSQL column type of an Arrow type (for `register`)."""
    import pyarrow as pa

    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_integer(t):
        return "bigint"
    if pa.types.is_floating(t) or pa.types.is_decimal(t):
        return "double precision"
    if pa.types.is_date(t):
        return "date"
    if pa.types.is_timestamp(t):
        return "timestamp"
    return "text"


def _unreachable(target: ServerDatabase, exc: Exception) -> ClsmError:
    text = str(exc)
    if "does not exist" in text and "database" in text:
        return DatabaseMissingError(
            f"La base de données {target.label} n'existe pas sur le serveur PostgreSQL.",
            "Créez-la (createdb) puis construisez-la avec « python -m clsm_data build ».",
        )
    return DatabaseBusyError(
        f"Le serveur PostgreSQL de la base {target.label} ne répond pas.",
        "Vérifiez qu'il est démarré, l'adresse donnée à CLSM_DB et les droits de l'utilisateur, puis réessayez.",
    )


# ---------------------------------------------------------------- the schema


PRELUDE = r"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'double' AND typnamespace = current_schema()::regnamespace) THEN
    CREATE DOMAIN double AS double precision;  -- DuckDB's DOUBLE in casts (x::DOUBLE)
  END IF;
END $$;
CREATE OR REPLACE FUNCTION year(d date) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT extract(year FROM d)::integer $$;
CREATE OR REPLACE FUNCTION year(d timestamp) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT extract(year FROM d)::integer $$;
CREATE OR REPLACE FUNCTION month(d date) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT extract(month FROM d)::integer $$;
CREATE OR REPLACE FUNCTION month(d timestamp) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT extract(month FROM d)::integer $$;
CREATE OR REPLACE FUNCTION list_contains(l anycompatiblearray, x anycompatible) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT x = ANY(l) $$;
CREATE OR REPLACE FUNCTION string_split(s text, sep text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT string_to_array(s, sep) $$;
CREATE OR REPLACE FUNCTION json_extract_string(j text, path text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT jsonb_path_query_first(j::jsonb, path::jsonpath) #>> '{}' $$;
"""

# arg_max(value, key): DuckDB's aggregate (the value of the row with the greatest key, rows with a NULL key or
# value left out), for the pairs of types the app uses; one composite state type per pair.
_ARG_TYPES = {"text": "text", "date": "date", "int": "integer", "ts": "timestamp", "dbl": "double precision"}
_ARG_PAIRS = [("text", "date"), ("text", "ts"), ("text", "int"), ("text", "text"), ("date", "date"),
              ("int", "date"), ("int", "int"), ("dbl", "date"), ("text", "dbl")]


def _arg_max_sql() -> str:
    out = []
    for v, k in _ARG_PAIRS:
        vt, kt, st = _ARG_TYPES[v], _ARG_TYPES[k], f"_argmax_{v}_{k}"
        out.append(f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = '{st}' AND typnamespace = current_schema()::regnamespace) THEN
    CREATE TYPE {st} AS (v {vt}, k {kt});
  END IF;
END $$;
CREATE OR REPLACE FUNCTION {st}_step(s {st}, v {vt}, k {kt}) RETURNS {st} LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN k IS NULL OR v IS NULL THEN s
              WHEN s IS NULL OR k > (s).k THEN ROW(v, k)::{st} ELSE s END $$;
CREATE OR REPLACE FUNCTION {st}_max_final(s {st}) RETURNS {vt} LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (s).v $$;
CREATE OR REPLACE FUNCTION {st}_min_step(s {st}, v {vt}, k {kt}) RETURNS {st} LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN k IS NULL OR v IS NULL THEN s
              WHEN s IS NULL OR k < (s).k THEN ROW(v, k)::{st} ELSE s END $$;
CREATE OR REPLACE AGGREGATE arg_max({vt}, {kt}) (SFUNC = {st}_step, STYPE = {st}, FINALFUNC = {st}_max_final);
CREATE OR REPLACE AGGREGATE arg_min({vt}, {kt}) (SFUNC = {st}_min_step, STYPE = {st}, FINALFUNC = {st}_max_final);
""")
    return "".join(out)


_VIEW = re.compile(r"CREATE\s+OR\s+REPLACE\s+VIEW\s+(\w+)", re.IGNORECASE)
_DOUBLE = re.compile(r"\bDOUBLE\b(?!\s+PRECISION)", re.IGNORECASE)
_SEQUENCE = re.compile(r"CREATE\s+SEQUENCE\s+(\w+)\s+START\s+(\d+)", re.IGNORECASE)


def migration_sql(sql: str) -> str:
    """A migration's DuckDB SQL as PostgreSQL runs it.

    - `DOUBLE` columns are `DOUBLE PRECISION`;
    - `CREATE OR REPLACE VIEW v` drops v first: PostgreSQL only replaces a view that keeps its columns in
      place, and `a.*` over a table that gained a column (010) moves them;
    - `CREATE SEQUENCE s START n` is written `START WITH n`.
    """
    sql = _DOUBLE.sub("DOUBLE PRECISION", sql)
    sql = _VIEW.sub(lambda m: f"DROP VIEW IF EXISTS {m.group(1)} CASCADE; CREATE VIEW {m.group(1)}", sql)
    return _SEQUENCE.sub(lambda m: f"CREATE SEQUENCE {m.group(1)} START WITH {m.group(2)}", sql)


# ---------------------------------------------------------------- the engine


class PostgresEngine:
    """A PostgreSQL database: many processes (and machines) read and write it; one writer at a time."""

    name = "postgres"

    def connect(self, target: Path | str, read_only: bool) -> PgConnection:
        target = target if isinstance(target, ServerDatabase) and target.url else server_database(str(target))
        con = PgConnection(target, read_only)
        con.raw()  # say now, in French, when the server cannot be reached
        return con

    def file(self, con: PgConnection) -> Path:
        """The database's stand-in path in data/ (its backups folder, the sign-in key live beside it)."""
        return con.target

    @contextmanager
    def lock(self, con: PgConnection, timeout: float) -> Iterator[None]:
        """The writer lock: an advisory lock of the database held by this connection's session."""
        deadline = time.monotonic() + timeout
        while not con.execute("SELECT pg_try_advisory_lock(?)", [WRITER_LOCK_KEY]).fetchone()[0]:
            if time.monotonic() > deadline:
                raise WriteBusyError(
                    "Une autre écriture est en cours (import, saisie ou sauvegarde).",
                    "Patientez quelques secondes puis réessayez.",
                )
            time.sleep(0.05)
        try:
            yield
        finally:
            try:
                con.execute("SELECT pg_advisory_unlock(?)", [WRITER_LOCK_KEY]).fetchall()
            except duckdb.Error:
                con.close()  # the session ends, and its lock with it

    def begin(self, con: PgConnection) -> None:
        con.execute("BEGIN ISOLATION LEVEL SERIALIZABLE")

    def commit(self, con: PgConnection) -> None:
        # After an error inside the transaction PostgreSQL answers COMMIT with ROLLBACK, quietly, as DuckDB
        # does: the door checks the outcome (its audit row) after COMMIT on both engines.
        con.execute("COMMIT")

    def rollback(self, con: PgConnection) -> None:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass

    def next_audit_id(self, con: PgConnection) -> int:
        return int(con.execute("SELECT nextval('audit_seq')").fetchone()[0])

    def checksums(self, con: PgConnection, tables: Sequence[str]) -> dict[str, tuple[int, int]]:
        out = {}
        for name in tables:
            # Names come from the TABLES allow-list. The row's text form (every column, NULLs included) hashed
            # by md5, its first 64 bits XORed over the rows: order-independent; equal when the content is.
            count, digest = con.execute(
                f"SELECT count(*), coalesce(bit_xor(('x' || left(md5(t::text), 16))::bit(64)::bigint), 0) "
                f"FROM {name} t").fetchone()
            out[name] = (int(count), int(digest))
        return out

    def insert_rows(self, con: PgConnection, table: str, columns: list[str], rows: list[list]) -> None:
        if not rows:
            return
        import psycopg

        names = ", ".join(f'"{c}"' for c in columns)
        if getattr(con, "councils", None) is not None:  # COPY does not run under row-level security
            marks = ", ".join("?" for _ in columns)
            con.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", [[_value(v) for v in r] for r in rows])
            return
        try:
            with con.raw().cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([_value(v) for v in row])
        except psycopg.Error as exc:
            raise _error(exc) from exc

    def update_rows(self, con: PgConnection, table: str, key: list[str], columns: list[str],
                    rows: list[list]) -> None:
        sets = ", ".join(f'"{c}" = ?' for c in columns)
        where = " AND ".join(f'"{k}" = ?' for k in key)
        n = len(key)
        con.executemany(f"UPDATE {table} SET {sets} WHERE {where}", [[*r[n:], *r[:n]] for r in rows])

    def has_table(self, con: PgConnection, name: str) -> bool:
        return bool(con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_name = ?", [name]).fetchone()[0])

    def data_version(self, con: PgConnection) -> int:
        return int(con.execute("SELECT coalesce(max(audit_id), 0) FROM audit_log").fetchone()[0])

    @contextmanager
    def snapshot(self, con: PgConnection) -> Iterator[PgConnection]:
        con.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield con
        finally:
            self.rollback(con)

    # the schema
    def prelude(self, con: PgConnection) -> None:
        """The compatibility functions, before the first migration (each statement may run again)."""
        con.execute(PRELUDE + _arg_max_sql())

    def migration_sql(self, sql: str) -> str:
        return migration_sql(sql)

    def secure(self, con: PgConnection) -> None:
        """Row-level security by council on every table holding a `council_id` (idempotent, after migrations).

        A connection bound to councils (`PgConnection.bound`) runs as APP_ROLE, which sees, changes and adds the
        rows of the councils named in its COUNCILS_SETTING only: a partner of one council reads nothing of
        another even through a query that forgot its `WHERE council_id`. The database owner (builds, backups,
        migrations, the command line) is not bound. The role is the cluster's, created once.
        """
        con.execute(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN "
                    f"CREATE ROLE {APP_ROLE} NOLOGIN; END IF; END $$")
        if not con.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]:
            con.execute(f"GRANT {APP_ROLE} TO current_user")  # so that its connections may SET ROLE to it
        schema = con.execute("SELECT current_schema()").fetchone()[0]
        con.execute(f'GRANT USAGE ON SCHEMA "{schema}" TO {APP_ROLE}; '
                    f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{schema}" TO {APP_ROLE}; '
                    f'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "{schema}" TO {APP_ROLE}')
        tables = [r[0] for r in con.execute(
            "SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t "
            "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
            "WHERE c.table_schema = current_schema() AND c.column_name = 'council_id' "
            "AND t.table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        # A view reads its tables with its owner's rights unless told otherwise: the owner is not bound, so every
        # view reads with the rights of whoever queries it (PostgreSQL 15's security_invoker).
        for (view,) in con.execute("SELECT table_name FROM information_schema.views WHERE table_schema = current_schema() "
                                   "ORDER BY 1").fetchall():
            con.execute(f'ALTER VIEW "{view}" SET (security_invoker = true)')
        mine = f"council_id = ANY (string_to_array(current_setting('{COUNCILS_SETTING}', true), ','))"
        for name in tables:
            con.execute(f'ALTER TABLE "{name}" ENABLE ROW LEVEL SECURITY; '
                        f'DROP POLICY IF EXISTS by_council ON "{name}"; '
                        f'CREATE POLICY by_council ON "{name}" USING ({mine}) WITH CHECK ({mine})')

    @contextmanager
    def building(self, con: PgConnection) -> Iterator[PgConnection]:
        """A fresh schema nobody reads, where a build writes (`swap_in` then makes it the database's)."""
        con.execute(f"DROP SCHEMA IF EXISTS {BUILD_SCHEMA} CASCADE; CREATE SCHEMA {BUILD_SCHEMA}; "
                    f"SET search_path = {BUILD_SCHEMA}")
        try:
            yield con
        finally:
            con.execute("RESET search_path")

    def swap_in(self, con: PgConnection) -> None:
        """In one transaction, the built schema becomes `public` (the old one dropped): readers see the old
        database or the new one, never half of one."""
        con.execute("BEGIN")
        try:
            con.execute("DROP SCHEMA IF EXISTS public CASCADE")
            con.execute(f"ALTER SCHEMA {BUILD_SCHEMA} RENAME TO public")
            con.execute("COMMIT")
        except Exception:
            self.rollback(con)
            raise


POSTGRES = PostgresEngine()
