"""Architecture rules: UI files hold no SQL and no duckdb; the data layer core never imports Streamlit."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from clsm_data.core.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
UI_FILES = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
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
    for path in UI_FILES:
        assert "duckdb" not in imports(path), path
        assert not SQL.search(path.read_text(encoding="utf-8")), f"SQL in {path}"


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
    import pytest

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
