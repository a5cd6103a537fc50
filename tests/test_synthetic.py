"""Synthetic data: labelled, at the asked scale, never in the real database; the benchmark runs and prints."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from benchmarks import queries as bench
from benchmarks import synthetic
from benchmarks.synthetic import LABEL, PERSON_COLUMNS, PREFIX, SOURCE_ID, make_synthetic, scaled_counts
from clsm_data.core.config import DEFAULT_DB
from clsm_data.core.errors import ClsmError
from clsm_data.core.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
FACTOR = 0.05
PHONE = re.compile(r"(?:\+33\s?|\b0)[1-9](?:[\s.\-]?\d{2}){4}\b")
PERSONISH = re.compile(r"mail|phone|t[eé]l[eé]phone|\btel\b|contact|pilot|who|person|organiser|first_?name|last_?name")


@pytest.fixture(scope="module")
def synth(seed_db, tmp_path_factory):
    """A synthetic copy of the seed database at a small factor, and the generator's report."""
    path = tmp_path_factory.mktemp("synth") / "synthetique.duckdb"
    report = make_synthetic(path, seed_db, factor=FACTOR, rng_seed=7)
    return path, report


def _con(path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=True)


def _first_key(name: str) -> str:
    return TABLES[name].key[0]


def test_counts_match_the_factor(synth, seed_db):
    path, report = synth
    asked = scaled_counts(FACTOR)
    assert report.counts == asked
    assert asked["action"] == 250 and asked["structure"] == 100 and asked["action_partner"] == 1000
    assert asked["meeting"] == 150 and asked["attendance"] == 1500 and asked["event"] == 100
    seed, con = _con(seed_db), _con(path)
    try:
        for name in TABLES:
            before = seed.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            after = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            assert after == before + asked.get(name, 0), name
    finally:
        seed.close()
        con.close()


def test_every_synthetic_row_is_labelled_and_seed_rows_untouched(synth, seed_db):
    path, report = synth
    con, seed = _con(path), _con(seed_db)
    try:
        assert con.execute("SELECT value FROM build_info WHERE key = 'synthetic'").fetchone() == ("oui",)
        assert seed.execute("SELECT count(*) FROM build_info WHERE key = 'synthetic'").fetchone()[0] == 0
        for name, table in TABLES.items():
            key = _first_key(name)
            prefixed = con.execute(f"SELECT count(*) FROM {name} WHERE starts_with({key}, ?)", [PREFIX]).fetchone()[0]
            labelled = con.execute(f"SELECT count(*) FROM {name} WHERE note = ?", [LABEL]).fetchone()[0]
            unlabelled = con.execute(
                f"SELECT count(*) FROM {name} WHERE starts_with({key}, ?) AND note IS DISTINCT FROM ?"
                if name != "source_document"
                else f"SELECT count(*) FROM {name} WHERE starts_with({key}, ?) AND title IS DISTINCT FROM ?",
                [PREFIX, LABEL],
            ).fetchone()[0]
            assert prefixed == report.counts.get(name, 0), name
            assert unlabelled == 0, name
            if name != "source_document":
                assert labelled == prefixed, f"{name}: a row carries the label without the prefix"
            if "source_id" in table.col_names:
                wrong = con.execute(
                    f"SELECT count(*) FROM {name} WHERE starts_with({key}, ?) AND source_id IS DISTINCT FROM ?",
                    [PREFIX, SOURCE_ID],
                ).fetchone()[0]
                assert wrong == 0, name
            # The seed's own facts are exactly as built.
            kept = con.execute(
                f"SELECT count(*), coalesce(bit_xor(hash(t)), 0) FROM {name} t WHERE NOT starts_with({key}, ?)",
                [PREFIX],
            ).fetchone()
            assert kept == seed.execute(f"SELECT count(*), coalesce(bit_xor(hash(t)), 0) FROM {name} t").fetchone(), (
                name
            )
        audit = con.execute("SELECT operation, actor FROM audit_log ORDER BY audit_id DESC LIMIT 1").fetchone()
        assert audit == ("données synthétiques", "synthetique")
    finally:
        con.close()
        seed.close()


def test_synthetic_rows_respect_vocabularies_and_references(synth):
    path, _ = synth
    con = _con(path)
    try:
        for name, table in TABLES.items():
            key = _first_key(name)
            for col in table.cols:
                if col.choices:
                    bad = con.execute(
                        f"SELECT DISTINCT {col.name} FROM {name} WHERE starts_with({key}, ?) AND {col.name} IS NOT NULL "
                        f"AND NOT list_contains(?, {col.name})",
                        [PREFIX, list(col.choices)],
                    ).fetchall()
                    assert bad == [], f"{name}.{col.name}: {bad}"
                if col.ref:
                    ref_key = TABLES[col.ref].key[0]
                    dangling = con.execute(
                        f"SELECT count(*) FROM {name} t WHERE starts_with(t.{key}, ?) AND t.{col.name} IS NOT NULL "
                        f"AND t.{col.name} NOT IN (SELECT {ref_key} FROM {col.ref})",
                        [PREFIX],
                    ).fetchone()[0]
                    assert dangling == 0, f"{name}.{col.name}"
        wrong_axis = con.execute(
            "SELECT count(*) FROM action a JOIN axis x USING (axis_id) WHERE starts_with(a.action_id, ?) "
            "AND x.plan_id <> a.plan_id",
            [PREFIX],
        ).fetchone()[0]
        assert wrong_axis == 0
        bad_dates = con.execute(
            "SELECT count(*) FROM meeting WHERE starts_with(meeting_id, ?) AND date NOT BETWEEN '2015-01-01' AND '2026-12-31'",
            [PREFIX],
        ).fetchone()[0]
        assert bad_dates == 0
        # Coordinates only where the structure's commune has them, and then the commune's own.
        misplaced = con.execute(
            "SELECT count(*) FROM structure s LEFT JOIN commune c USING (insee_code) WHERE starts_with(s.structure_id, ?) "
            "AND (c.insee_code IS NULL OR s.latitude IS DISTINCT FROM c.latitude OR s.longitude IS DISTINCT FROM c.longitude)",
            [PREFIX],
        ).fetchone()[0]
        assert misplaced == 0
        assert (
            con.execute(
                "SELECT count(*) FROM attendance WHERE starts_with(meeting_id, ?) AND count < 1", [PREFIX]
            ).fetchone()[0]
            == 0
        )
    finally:
        con.close()


def test_no_personal_data_in_synthetic_rows(synth):
    path, _ = synth
    con = _con(path)
    try:
        checked = 0
        for name, table in TABLES.items():
            key = _first_key(name)
            text_cols = [c.name for c in table.cols if c.type in ("id", "str", "text")]
            rows = con.execute(
                f"SELECT {', '.join(text_cols)} FROM {name} WHERE starts_with({key}, ?)", [PREFIX]
            ).fetchall()
            for row in rows:
                for col, value in zip(text_cols, row, strict=True):
                    if value is None:
                        continue
                    checked += 1
                    assert "@" not in value, f"{name}.{col}: {value!r}"
                    assert not PHONE.search(value), f"{name}.{col}: {value!r}"
                    assert not (PERSONISH.search(col) or col in PERSON_COLUMNS), f"{name}.{col} holds {value!r}"
        assert checked > 10_000
    finally:
        con.close()


def test_same_seed_same_rows(seed_db, tmp_path):
    a = make_synthetic(tmp_path / "a.duckdb", seed_db, factor=0.01, rng_seed=3)
    b = make_synthetic(tmp_path / "b.duckdb", seed_db, factor=0.01, rng_seed=3)
    digests = []
    for report in (a, b):
        con = _con(report.path)
        digests.append(
            [con.execute(f"SELECT count(*), coalesce(bit_xor(hash(t)), 0) FROM {n} t").fetchone() for n in TABLES]
        )
        con.close()
    assert digests[0] == digests[1]


def test_refuses_the_real_database(seed_db, tmp_path, monkeypatch):
    real = tmp_path / "reelle.duckdb"
    monkeypatch.setenv("CLSM_DB", str(real))
    with pytest.raises(ClsmError, match="base réelle du CLSM"):
        make_synthetic(real, seed_db, factor=0.01)
    assert not real.exists()
    # data/clsm.duckdb, named directly, through a relative path or through a symbolic link
    before = DEFAULT_DB.stat().st_mtime_ns if DEFAULT_DB.exists() else None
    link = tmp_path / "lien.duckdb"
    link.symlink_to(DEFAULT_DB)
    for target in (DEFAULT_DB, Path(os.path.relpath(DEFAULT_DB)), link):
        with pytest.raises(ClsmError, match="base réelle du CLSM"):
            make_synthetic(target, seed_db, factor=0.01, overwrite=True)
    assert (DEFAULT_DB.stat().st_mtime_ns if DEFAULT_DB.exists() else None) == before
    assert synthetic.main([str(real), "--source", str(seed_db), "--factor", "0.01"]) == 1
    assert not real.exists()


def test_refuses_other_bad_targets_and_sources(seed_db, fresh_db, tmp_path):
    with pytest.raises(ClsmError, match="base source"):
        make_synthetic(seed_db, seed_db, factor=0.01)
    with pytest.raises(ClsmError, match="existe déjà"):
        make_synthetic(fresh_db, seed_db, factor=0.01)
    with pytest.raises(ClsmError, match="n'est pas une base synthétique"):
        make_synthetic(fresh_db, seed_db, factor=0.01, overwrite=True)
    for factor in (0, -1, 1000):
        with pytest.raises(ClsmError, match="Facteur d'échelle refusé"):
            make_synthetic(tmp_path / "x.duckdb", seed_db, factor=factor)
    with pytest.raises(ClsmError, match="n'existe pas"):
        make_synthetic(tmp_path / "x.duckdb", tmp_path / "absente.duckdb", factor=0.01)
    first = make_synthetic(tmp_path / "s.duckdb", seed_db, factor=0.01)
    with pytest.raises(ClsmError, match="contient déjà des données synthétiques"):
        make_synthetic(tmp_path / "t.duckdb", first.path, factor=0.01)
    again = make_synthetic(first.path, seed_db, factor=0.01, overwrite=True)  # a synthetic file may be replaced
    assert again.counts == first.counts
    assert not list(tmp_path.glob("*.part*")) and not (tmp_path / "x.duckdb").exists()


def test_bench_runs_prints_the_table_and_leaves_nothing(tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    before = DEFAULT_DB.stat().st_mtime_ns if DEFAULT_DB.exists() else None
    env = {**os.environ, "TMPDIR": str(scratch), "CLSM_DB": str(tmp_path / "jamais.duckdb")}
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.queries", "--factor", "0.05", "--runs", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    assert "requête / query" in out and "Durée totale" in out
    for case in bench.CASES:
        assert re.search(rf"^  {re.escape(case.label)}\s", out, re.M), case.label
    assert "ERREUR" not in out
    assert re.search(r"import CSV 1000 lignes.*\+750 / 250 mises à jour", out)
    assert "sauvegarde (backup.create)" in out and "pic RSS" in out
    assert list(scratch.iterdir()) == []  # the temporary folder was removed
    assert not (tmp_path / "jamais.duckdb").exists()
    assert (DEFAULT_DB.stat().st_mtime_ns if DEFAULT_DB.exists() else None) == before
