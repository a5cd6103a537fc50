"""Architecture rules (ARCHITECTURE.md): pages and components hold no SQL and no duckdb; clsm_data never imports
Streamlit; no import circle, imports inside functions included; only the store opens a transaction or takes the
writer lock (every write goes through clsm_data.store.door.write)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from clsm_data.core.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
UI_FILES = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
COMPONENTS = sorted((ROOT / "components").glob("*.py"))
PRODUCT = [ROOT / "app.py", ROOT / "serve.py", *sorted((ROOT / "pages").glob("*.py")), *COMPONENTS,
           *sorted((ROOT / "clsm_data").rglob("*.py")), *sorted((ROOT / "benchmarks").glob("*.py"))]
STORE = ROOT / "clsm_data" / "store"
SQL = re.compile(r"\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b.*\b(FROM|SET|VALUES|WHERE)\b", re.S)


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_ui_files_have_no_sql_and_no_duckdb():
    for path in [*UI_FILES, *COMPONENTS]:
        assert "duckdb" not in imports(path), path
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not SQL.search(node.value), f"SQL in {path}:{node.lineno}"


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of clsm_data and components it imports, at the top or inside a function."""
    files = {_module(p): p for top in ("clsm_data", "components") for p in (ROOT / top).rglob("*.py")}
    graph = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([base] if base else []))
                found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names}
        graph[name] = {m for m in found if m in files and m != name}
    return graph


def test_no_import_circle():
    graph = import_graph()
    state: dict[str, int] = {}
    circles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append(" -> ".join(path[path.index(nxt):] + [node, nxt]) if nxt in path else f"{node} -> {nxt}")
            elif nxt not in state:
                visit(nxt, path + [node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    assert not circles, circles


# What each floor of clsm_data may import (ARCHITECTURE.md): the floors below it and itself.
MAY_IMPORT = {
    "core": ("core",),
    "read": ("core", "read"),
    "store": ("core", "read", "store"),
    "followup": ("core", "read", "store", "followup"),
    "present": ("core", "read", "store", "followup", "present"),
    "importing": ("core", "read", "store", "followup", "importing"),
    "access": ("core", "store", "access"),
    "cli": ("core", "read", "store", "followup", "present", "importing", "access", "cli"),
}


def test_the_floors_import_downwards_only():
    """Each package of clsm_data imports only the floors below it; nothing in clsm_data imports components."""
    graph = import_graph()
    wrong = []
    for module, deps in graph.items():
        parts = module.split(".")
        if parts[0] != "clsm_data":
            continue
        assert not any(d.startswith("components") for d in deps), module
        floor = parts[1] if len(parts) > 1 else None
        if floor not in MAY_IMPORT:
            continue
        for dep in deps:
            dep_floor = dep.split(".")[1] if dep.count(".") else None
            if dep_floor is not None and dep_floor not in MAY_IMPORT[floor]:
                wrong.append(f"{module} -> {dep}")
    assert not wrong, wrong


TRANSACTION = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|START\s+TRANSACTION|END\s+TRANSACTION)\b")
LOCKING = {"writer_lock", "flock", "lockf"}
TXN_METHODS = {"begin", "commit", "rollback"}


def test_only_the_store_opens_a_transaction_or_takes_the_lock():
    """Every write goes through the store's one door: outside clsm_data/store, no statement opens or ends a
    transaction, no code takes the writer lock or calls an engine's begin/commit/rollback."""
    found = []
    for path in PRODUCT:
        if STORE in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and TRANSACTION.match(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value.strip()[:30]}")
            elif isinstance(node, ast.Attribute) and (node.attr in LOCKING or node.attr in TXN_METHODS):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
            elif isinstance(node, ast.Name) and node.id in LOCKING:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.id}")
            elif isinstance(node, ast.alias) and node.name in LOCKING:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} import {node.name}")
    assert not found, found


def test_the_guard_sees_a_transaction_opened_outside_the_store(tmp_path):
    """The rule above can fail: the same scan finds a BEGIN and a lock in a file like a component's."""
    sample = 'def save(cur):\n    cur.execute("BEGIN TRANSACTION")\n    with writer_lock(db):\n        pass\n'
    tree = ast.parse(sample)
    hits = [n for n in ast.walk(tree) if (isinstance(n, ast.Constant) and isinstance(n.value, str)
                                          and TRANSACTION.match(n.value)) or (isinstance(n, ast.Name) and n.id in LOCKING)]
    assert len(hits) == 2


def test_data_layer_never_imports_streamlit():
    for path in (ROOT / "clsm_data").rglob("*.py"):
        assert "streamlit" not in imports(path), path


def test_pages_stay_short():
    for path in UI_FILES:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 200, path


def test_schema_matches_table_specs(seed_db):
    import duckdb

    con = duckdb.connect(str(seed_db), read_only=True)
    for table in TABLES.values():
        cols = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table.name]).fetchall()]
        expected = (["council_id"] if table.council_scoped else []) + table.col_names
        assert cols == expected, table.name
    con.close()


def test_app_connections_cannot_touch_files(seed_db):
    import duckdb

    from clsm_data.store.db import connect

    con = connect(seed_db)
    with pytest.raises(duckdb.Error):
        con.execute("SELECT * FROM read_csv('/etc/passwd')")
    with pytest.raises(duckdb.Error):
        con.execute("SET enable_external_access = true")
    con.close()


def test_markdown_escape_keeps_the_text_and_defuses_markup():
    from components import fmt

    assert fmt.md("d'actions (2021) : 26 !") == "d\\'actions \\(2021\\) \\: 26 \\!"
    assert fmt.md("![x](http://a/b.png)") == "\\!\\[x\\]\\(http\u200b\\://a/b\\.png\\)"
    assert fmt.md("www.example.org contact@example.org") == "www\u200b\\.example\\.org contact@\u200bexample\\.org"
    assert fmt.md(None) == "non renseigné"
    assert fmt.md("ligne 1\nligne 2") == "ligne 1 ligne 2"


DUCKDB_ONLY = re.compile(r"\bGROUP BY ALL\b|\bbit_xor\s*\(\s*hash\(|\bINSERT OR REPLACE\b", re.I)


def test_sql_outside_the_store_avoids_duckdb_only_forms():
    """The queries speak SQL both engines speak; the few dialect differences live in clsm_data/store (engine.py,
    postgres.py). GROUP BY ALL, hash checksums and INSERT OR REPLACE would not run on PostgreSQL."""
    found = []
    for path in PRODUCT:
        if STORE in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and DUCKDB_ONLY.search(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, found


# DuckDB's shorthand `count(*) FILTER (cond)`: PostgreSQL only reads `FILTER (WHERE cond)`.
FILTER_WITHOUT_WHERE = re.compile(r"\bFILTER\s*\((?!\s*WHERE\b)", re.I)


def test_sql_outside_the_store_writes_filter_where():
    """An aggregate's FILTER clause says WHERE, as both engines read it."""
    found = []
    for path in PRODUCT:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and FILTER_WITHOUT_WHERE.search(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, found


def test_no_issue_numbers_in_the_product_code():
    """Comments say why, not which ticket: the history of each change is in git and docs/decisions.md."""
    found = [f"{p.relative_to(ROOT)}:{n}" for p in PRODUCT for n, line in
             enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if re.search(r"\bissues? \d+", line)]
    assert not found, found


def test_every_error_type_lives_in_core_errors():
    """One error surface: every ClsmError type is declared in clsm_data/core/errors.py with its message and hint."""
    import importlib
    import pkgutil

    import clsm_data
    from clsm_data.core.errors import ClsmError

    for info in pkgutil.walk_packages(clsm_data.__path__, "clsm_data."):
        importlib.import_module(info.name)
    seen, todo = [], [ClsmError]
    while todo:
        kind = todo.pop()
        seen.append(kind)
        todo += kind.__subclasses__()
    assert len(seen) > 15
    assert [k.__qualname__ for k in seen if k.__module__ != "clsm_data.core.errors"] == []
