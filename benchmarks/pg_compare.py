"""Issue 18: which road to PostgreSQL? Measures, on this machine, the seed loaded in a throwaway PostgreSQL cluster:

(a) DuckDB attaching PostgreSQL through its postgres extension (one query language, DuckDB's): only installable
    offline as PyPI wheels pinned to DuckDB <= 1.5.5, so it runs in a separate virtual environment
    (--duckpg-venv, default /tmp/duckpg-venv: `python3.11 -m venv /tmp/duckpg-venv && /tmp/duckpg-venv/bin/pip
    install duckdb==1.5.5 duckdb-extension-postgres==1.5.5 pandas`), never in the project's; skipped with a
    message when absent;
(b) psycopg 3 with a pool (clsm_data.store.postgres, the SQL both engines speak), the road taken;
and, for reference, the DuckDB file.

Each query of clsm_data.read.queries is run `--runs` times; the p50 is printed in milliseconds, with a change set
(one action's status edited through the write door, audit row and before-image included).

    .venv/bin/python -m benchmarks.pg_compare --runs 20
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QUERIES = {  # name -> Python expression over q (queries), F (Filters) and c (the connection)
    "headline": "q.headline(c, F())",
    "progress": "q.progress(c, F())",
    "actions": "q.actions(c, F(), 'logement')",
    "meetings": "q.meetings(c, F(), True)",
    "attendance_by_sector": "q.attendance_by_sector(c, F())",
    "actors_typology": "q.actors_typology(c, F())",
    "collaborations": "q.collaborations(c, F())",
}

# Runs in the project's environment (DuckDB file, psycopg) or in the DuckDB 1.5.5 one (the attach); prints JSON.
RUNNER = r'''
import json, statistics, sys, time
sys.path.insert(0, ROOT)
from clsm_data.read import queries as q
from clsm_data.read.filters import Filters as F

def p50(fn, runs):
    fn()  # warm: the first run pays the plans and caches
    times = []
    for _ in range(runs):
        t = time.perf_counter(); fn(); times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 2)

out = {}
for name, expr in QUERIES.items():
    try:
        out[name] = p50(lambda: eval(expr), RUNS)
    except Exception as exc:
        out[name] = "échec : " + type(exc).__name__ + " " + str(exc).splitlines()[0][:80]
'''

ATTACH = RUNNER.replace("out = {}", """import duckdb, shutil, tempfile, os
ext = tempfile.mkdtemp()
src = EXT
shutil.copy(src, os.path.join(ext, "postgres_scanner.duckdb_extension"))  # the extension's entry point name
c = duckdb.connect()
c.execute(f"LOAD '{ext}/postgres_scanner.duckdb_extension'")
c.execute(f"ATTACH '{URL}' AS pg (TYPE postgres)")
c.execute("USE pg")
out = {}""") + r'''
status = ["reportée", "conception"]
def write(i=[0]):
    i[0] += 1
    c.execute("BEGIN")
    c.execute("UPDATE action SET status = ? WHERE action_id = 'fiche-32'", [status[i[0] % 2]])
    c.execute("INSERT INTO audit_log (audit_id, logged_at, actor, role, operation, table_name) "
              "VALUES (?, now(), 'bench', 'coordinator', 'modification', 'action')", [100000 + i[0]])
    c.execute("COMMIT")
try:
    out["change set (UPDATE + audit row)"] = p50(write, max(5, RUNS // 2))
except Exception as exc:
    out["change set (UPDATE + audit row)"] = "échec : " + str(exc).splitlines()[0][:80]
print(json.dumps(out))
'''


def _in_project(con, runs: int) -> dict:
    scope = {"ROOT": str(ROOT), "QUERIES": QUERIES, "RUNS": runs, "c": con}
    exec(RUNNER, scope)  # noqa: S102 (our own text, above)
    out = scope["out"]
    from clsm_data.core.roles import COORDINATOR, Caller
    from clsm_data.importing import edits

    status = ["reportée", "conception"]
    i = [0]

    def write() -> None:
        i[0] += 1
        edits.save_edits(con, Caller("bench", COORDINATOR), "action",
                         [{"action_id": "fiche-32", "status": status[i[0] % 2]}])

    times = []
    write()
    for _ in range(max(5, runs // 2)):
        t = time.perf_counter()
        write()
        times.append((time.perf_counter() - t) * 1000)
    out["change set (door: check, before-image, audit)"] = round(statistics.median(times), 2)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--duckpg-venv", type=Path, default=Path("/tmp/duckpg-venv"))
    args = ap.parse_args(argv)

    from clsm_data.core.config import SEED_DIR, database
    from clsm_data.store.build import build
    from clsm_data.store.db import connect
    from clsm_data.store.postgres import close_pools
    from tests.pg_cluster import Cluster

    folder = Path(tempfile.mkdtemp(prefix="clsm-pgcompare-"))
    os.environ["CLSM_LOCAL_DIR"] = str(folder)
    results: dict[str, dict] = {}
    with Cluster() as cluster:
        try:
            t = time.perf_counter()
            url = cluster.create_database("clsm")
            build(database(url), SEED_DIR)
            build_pg = time.perf_counter() - t
            t = time.perf_counter()
            build(folder / "clsm.duckdb", SEED_DIR)
            build_duck = time.perf_counter() - t

            duck = connect(folder / "clsm.duckdb", read_only=False)
            results["DuckDB 2.0, fichier"] = _in_project(duck, args.runs)
            duck.close()
            pg = connect(url, read_only=False)
            results["(b) psycopg 3 + pool"] = _in_project(pg, args.runs)
            pg.close()
            close_pools()

            py = args.duckpg_venv / "bin" / "python"
            ext = list(args.duckpg_venv.glob("lib/python*/site-packages/duckdb_extension_postgres/extensions/*/"
                                              "postgres.duckdb_extension"))
            if py.exists() and ext:
                text = (f"ROOT = {str(ROOT)!r}\nQUERIES = {QUERIES!r}\nRUNS = {args.runs}\nURL = {url!r}\n"
                        f"EXT = {str(ext[0])!r}\n" + ATTACH)
                done = subprocess.run([str(py), "-c", text], capture_output=True, text=True, timeout=600)
                if done.returncode == 0:
                    results["(a) DuckDB 1.5.5 + ATTACH postgres"] = json.loads(done.stdout.strip().splitlines()[-1])
                else:
                    print("(a) a échoué :", done.stderr[-1500:], file=sys.stderr)
            else:
                print(f"(a) non mesuré : pas d'environnement {args.duckpg_venv} avec duckdb 1.5.5 et "
                      "duckdb-extension-postgres 1.5.5 (voir l'en-tête de ce script)", file=sys.stderr)
        finally:
            close_pools()
            shutil.rmtree(folder, ignore_errors=True)

    names = list(dict.fromkeys(k for r in results.values() for k in r))
    cols = list(results)
    print(f"p50 en ms sur {args.runs} exécutions (graine : {build_duck:.2f} s de construction en fichier, "
          f"{build_pg:.2f} s sur PostgreSQL)")
    print(f"{'requête':<48}" + "".join(f"{c:>36}" for c in cols))
    for n in names:
        print(f"{n:<48}" + "".join(f"{str(results[c].get(n, '—')):>36}" for c in cols))
    return 0


if __name__ == "__main__":
    sys.exit(main())
