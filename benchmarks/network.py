"""The network edition's benchmark: pages, memory and load at four sizes, on the DuckDB file and on PostgreSQL.

`python -m benchmarks.network [--scales seed,conseil,region,nation] [--engines duckdb,postgresql] [--rounds 1]
[--sessions 50] [--runs 3]` (what `make bench` runs after the query benchmark) builds, in a temporary folder and a
throwaway PostgreSQL cluster (tests/pg_cluster.py), each database:

- « seed »: the council's own documents (data/seed);
- « conseil »: one large council (the seed's, plus the synthetic rows of factor 1: 5 000 actions, 30 000 attendance
  rows);
- « region »: a région of 20 councils (the seed's and 19 synthetic ones in Grand Est, factor 0.714 between them);
- « nation »: the nation's 280 councils (the seed's and 279 synthetic ones over every département, factor 10:
  about 20 000 structures, 30 000 meetings, 300 000 attendance rows).

For each database and engine it serves the app (no account: the local coordinator of the seed's council, whose
pages read its own rows among every other council's) and prints:

- every page fully drawn in Chromium against an empty Streamlit page in the same browser (benchmarks.pages), the
  bytes received and the largest message;
- the app process's resident memory after the visits, against an idle empty app's;
- the load: `sessions` concurrent sessions × `runs` page runs through Streamlit's websocket (benchmarks.load), on
  one process, and on PostgreSQL on two processes while an import writes, beside the physical floor.

Targets: every page within 2.5× the empty page, no message over 100 kB, memory within 5× the idle empty
app, 0 errors under load, two processes at least 1.8× the throughput of one, the median within 1.5× of its floor.
DuckDB admits one writing process: its load is measured on one process only. Loopback only; nothing downloaded.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import load, pages

ROOT = Path(__file__).resolve().parent.parent
# name -> (label, councils, factor)
SCALES = {
    "seed": ("documents du CLSM (seed)", 1, 0.0),
    "conseil": ("un conseil, facteur 1", 1, 1.0),
    "region": ("une région, 20 conseils", 20, round(10 * 20 / 280, 3)),
    "nation": ("la nation, 280 conseils, facteur 10", 280, 10.0),
}
ENGINES = ("duckdb", "postgresql")
LOAD_PAGES = ["", "participation", "avancement", "partenaires"]
MEMORY_TARGET = 5.0
SPEEDUP_TARGET = 1.8
FLOOR_TARGET = 1.5


@dataclass
class Measured:
    """What one database on one engine gave."""

    label: str
    engine: str
    build_s: float
    visits: dict | None = None
    empty_rss_mb: float = 0.0
    app_rss_mb: float = 0.0
    renderer_rss_mb: float = 0.0  # the chart renderer, a child of the app alive for a minute after its last chart
    loads: dict[str, load.LoadResult] = field(default_factory=dict)
    import_s: float | None = None
    import_error: str = ""


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MiB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children_rss_mb(pid: int) -> float:
    """Resident memory of a process's children (the chart renderer while it runs), in MiB."""
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    return sum(rss_mb(int(kid)) for kid in kids)


# ---------------------------------------------------------------- the databases


def build_duckdb(folder: Path, seed: Path, scale: str) -> Path:
    from benchmarks.synthetic import make_synthetic

    _, councils, factor = SCALES[scale]
    if factor == 0:
        return seed
    path = folder / f"{scale}.duckdb"
    make_synthetic(path, seed, factor=factor, councils=councils,
                   region="Grand Est" if 1 < councils <= 20 else None, overwrite=True)
    return path


def build_postgres(cluster, scale: str) -> str:
    from benchmarks.synthetic import fill_server
    from clsm_data.core.config import SEED_DIR, database
    from clsm_data.store.build import build
    from clsm_data.store.db import connect
    from clsm_data.store.postgres import close_pools

    _, councils, factor = SCALES[scale]
    url = cluster.create_database(f"bench_{scale}")
    build(database(url), SEED_DIR)
    if factor:
        con = connect(url, read_only=False)
        try:
            fill_server(con, factor=factor, councils=councils, region="Grand Est" if 1 < councils <= 20 else None)
            con.execute("ANALYZE")
        finally:
            con.close()
    close_pools()
    return url


# ---------------------------------------------------------------- serving and measuring


@contextlib.contextmanager
def _apps(db: str, folder: Path, n: int, env: dict):
    """n app processes over the same database: yields [(url, pid)]."""
    with contextlib.ExitStack() as stack:
        out = []
        for i in range(n):
            url, proc = stack.enter_context(pages.serve_process(ROOT / "serve.py", ROOT, {**env, "CLSM_DB": db},
                                                                folder / f"app{i + 1}.log"))
            out.append((url, proc.pid))
        yield out


@contextlib.contextmanager
def _importing(db: str, folder: Path, env: dict, out: Measured):
    """An import of 200 actions into the seed's council by the command line, in a process of its own, writing while
    the load runs (the coordinator at work during a plenary); its time or its failure is kept in `out`."""
    from benchmarks.queries import _import_csv

    path = folder / "actions-banc.csv"
    path.write_bytes(_import_csv(db, 200))
    started = time.perf_counter()
    with (folder / "import.log").open("w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "clsm_data", "import", str(path), "--sans-questions"],
                                cwd=ROOT, env={**env, "CLSM_DB": db}, stdout=log, stderr=subprocess.STDOUT)
        try:
            yield
            code = proc.wait(600)
            out.import_s = time.perf_counter() - started
            if code:
                out.import_error = f"code {code} : " + (folder / "import.log").read_text()[-200:]
        finally:
            if proc.poll() is None:
                proc.kill()


def _warm(urls: list[str], pids: list[int]) -> None:
    """One session per new process opens each page of the load, not counted (as the pages' visits did for one)."""
    load.run_load(urls, len(urls), len(LOAD_PAGES), LOAD_PAGES, pids)


def measure(db: str, engine: str, label: str, folder: Path, empty: tuple[str, int], args, build_s: float) -> Measured:
    env = {k: v for k, v in os.environ.items() if k != "CLSM_DB"}
    out = Measured(label, engine, build_s)
    with _apps(db, folder, 1, env) as apps:
        (url, pid), = apps
        print(f"  pages ({label}, {engine})…", file=sys.stderr)
        out.visits = pages.measure({"app": url}, empty[0], args.rounds)
        out.app_rss_mb, out.empty_rss_mb = rss_mb(pid), rss_mb(empty[1])
        out.renderer_rss_mb = children_rss_mb(pid)
        print("  charge, 1 processus…", file=sys.stderr)
        out.loads["1 processus"] = load.run_load([url], args.sessions, args.runs, LOAD_PAGES, [pid])
    if engine == "postgresql":  # DuckDB admits one writing process: two app processes need the server
        with _apps(db, folder, 2, env) as apps:
            urls, pids = [u for u, _ in apps], [p for _, p in apps]
            _warm(urls, pids)
            print("  charge, 2 processus…", file=sys.stderr)
            out.loads["2 processus"] = load.run_load(urls, args.sessions, args.runs, LOAD_PAGES, pids)
            print("  charge, 2 processus pendant un import…", file=sys.stderr)
            with _importing(db, folder, env, out):
                out.loads["2 processus + import"] = load.run_load(urls, args.sessions, args.runs, LOAD_PAGES, pids)
    return out


# ---------------------------------------------------------------- the table


def _fr(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def render(results: list[Measured]) -> str:
    lines = ["", "== Banc réseau : pages, mémoire et charge =="]
    for m in results:
        lines.append(f"\n-- {m.label} · {m.engine} (base construite en {_fr(m.build_s)} s) --")
        if m.visits:
            floor = statistics.median(m.visits["empty"]["times"])
            worst = max((statistics.median(m.visits[p]["times"]) / floor, p) for p, _, _ in pages.PAGES)
            largest = max(m.visits[p]["largest"] for p, _, _ in pages.PAGES)
            sent = sum(m.visits[p]["bytes"] for p, _, _ in pages.PAGES)
            lines.append(pages.render({f"{m.label} · {m.engine}": m.visits}).strip())
            lines.append(f"pire page : {worst[1]} {_fr(worst[0], 2)}× (cible {pages.RATIO_TARGET}×) ; plus gros message "
                         f"{pages._kb(largest)} ; reçu en tout {pages._kb(sent)}")
        ratio = m.app_rss_mb / m.empty_rss_mb if m.empty_rss_mb else float("nan")
        lines.append(f"mémoire du serveur : {_fr(m.app_rss_mb, 0)} Mo après les visites, page vide au repos "
                     f"{_fr(m.empty_rss_mb, 0)} Mo : {_fr(ratio, 2)}× (cible {MEMORY_TARGET:g}×)"
                     + (" ⚠" if ratio > MEMORY_TARGET else ""))
        if m.renderer_rss_mb:
            lines.append(f"  et, le temps de dessiner : moteur de graphiques {_fr(m.renderer_rss_mb, 0)} Mo (un processus "
                         "enfant, arrêté après une minute sans graphique)")
        if m.loads:
            lines.append(load.render(m.loads).rstrip())
            one, two = m.loads.get("1 processus"), m.loads.get("2 processus")
            if one and two and one.throughput and two.throughput:
                gain = two.throughput / one.throughput
                lines.append(f"deux processus / un : {_fr(gain, 2)}× le débit (cible {SPEEDUP_TARGET:g}×)"
                             + (" ⚠" if gain < SPEEDUP_TARGET else ""))
            if m.import_s is not None:
                lines.append(f"import de 200 actions pendant la charge : {_fr(m.import_s)} s")
            if m.import_error:
                lines.append(f"import pendant la charge : ÉCHEC ({m.import_error}) ⚠")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.network",
                                     description="Pages, mémoire et charge aux quatre tailles, sur DuckDB et PostgreSQL.")
    parser.add_argument("--scales", default=",".join(SCALES), help="tailles, parmi " + ", ".join(SCALES))
    parser.add_argument("--engines", default=",".join(ENGINES), help="moteurs, parmi " + ", ".join(ENGINES))
    parser.add_argument("--rounds", type=int, default=1, help="tours de visites mesurés par page (après un d'échauffement)")
    parser.add_argument("--sessions", type=int, default=50, help="sessions simultanées du test de charge")
    parser.add_argument("--runs", type=int, default=3, help="exécutions de page par session")
    args = parser.parse_args(argv)
    scales = [s for s in args.scales.split(",") if s]
    engines = [e for e in args.engines.split(",") if e]
    unknown = [s for s in scales if s not in SCALES] + [e for e in engines if e not in ENGINES]
    if unknown:
        print(f"Inconnu : {', '.join(unknown)}.", file=sys.stderr)
        return 2
    if not Path(pages.CHROMIUM).exists():
        print("chromium absent : make test (ou apt-get install chromium) l'installe.", file=sys.stderr)
        return 2
    from clsm_data.core.config import SEED_DIR
    from clsm_data.store.build import build

    results: list[Measured] = []
    with tempfile.TemporaryDirectory(prefix="clsm-bench-network-") as tmp, contextlib.ExitStack() as stack:
        folder = Path(tmp)
        os.environ.setdefault("CLSM_LOCAL_DIR", str(folder / "local"))  # backups of the PostgreSQL databases
        seed = folder / "seed.duckdb"
        build(seed, SEED_DIR)
        cluster = None
        if "postgresql" in engines:
            from tests.pg_cluster import Cluster

            cluster = stack.enter_context(Cluster())
        (folder / "empty").mkdir()
        script = folder / "empty" / "vide.py"
        script.write_text(pages.EMPTY_SCRIPT, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "CLSM_DB"}
        empty_url, empty_proc = stack.enter_context(pages.serve_process(script, folder / "empty", env,
                                                                          folder / "empty.log"))
        for scale in scales:
            label = SCALES[scale][0]
            for engine in engines:
                print(f"Base « {label} » sur {engine}…", file=sys.stderr)
                started = time.perf_counter()
                db = str(build_duckdb(folder, seed, scale)) if engine == "duckdb" else build_postgres(cluster, scale)
                built = time.perf_counter() - started
                results.append(measure(db, engine, label, folder, (empty_url, empty_proc.pid), args, built))
                print(render(results[-1:]), flush=True)
    print(render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
