"""Benchmark: the pages' named queries on the seed database and on a synthetic one, an import and a backup.

`python -m benchmarks.queries [--factor F] [--runs N] [--keep DIR]` builds the seed database in a
temporary folder, makes a synthetic copy at scale (benchmarks.synthetic), times every named query the
pages call (no filter, a plan, a period, a structure), cold and warm, counts the rows each returns
(a chart must not ship more than a few thousand), then times a 1 000-row CSV import and a backup on
the synthetic copy, and prints a table of figures. It downloads nothing and, without --keep, leaves
nothing behind. It never touches the real database (CLSM_DB or data/clsm.duckdb).

"Cold" is the first run on a freshly opened database (DuckDB's buffer cache empty; the operating
system's file cache stays warm), timed without filter only. "Warm" is a later run on the same
connection. Both are medians; neither includes Streamlit's cache, which the pages add on top.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from benchmarks.synthetic import LABEL, PREFIX, check_target, make_synthetic
from clsm_data import importing as importer
from clsm_data.core.config import DEFAULT_COUNCIL, SEED_DIR
from clsm_data.core.errors import ClsmError
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.read import queries as q
from clsm_data.read.filters import Filters
from clsm_data.store import backup
from clsm_data.store.build import build
from clsm_data.store.db import connect

MAX_CHART_ROWS = 5000  # above this a page would ship too many rows to the browser
IMPORT_ROWS = 1000
PERIOD = (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
SINCE = dt.date(2020, 1, 1)
CALLER = Caller("banc-essai", COORDINATOR)
COLD_FILTERS = ("aucun", "—")  # filter sets timed cold as well as warm


@dataclass
class Ctx:
    """Ids chosen from the database under test (an action to open, a plan, a structure)."""

    action_id: str
    plan_id: str
    structure_id: str


@dataclass(frozen=True)
class Case:
    """One named query as a page calls it; `filtered` cases run under every filter set."""

    label: str
    run: Callable[[duckdb.DuckDBPyConnection, Filters, Ctx], object]
    filtered: bool = True


CASES: list[Case] = [
    Case("plans", lambda c, f, x: q.plans(c), False),
    Case("axes", lambda c, f, x: q.axes(c), False),
    Case("themes", lambda c, f, x: q.themes(c), False),
    Case("structures", lambda c, f, x: q.structures(c), False),
    Case("headline", lambda c, f, x: q.headline(c, f)),
    Case("headline (masqué)", lambda c, f, x: q.headline(c, f, True)),
    Case("milestones", lambda c, f, x: q.milestones(c, f)),
    Case("changes_since", lambda c, f, x: q.changes_since(c, SINCE), False),
    Case("last_meeting_date", lambda c, f, x: q.last_meeting_date(c), False),
    Case("progress (axis)", lambda c, f, x: q.progress(c, f, "axis")),
    Case("progress (theme)", lambda c, f, x: q.progress(c, f, "theme")),
    Case("actions", lambda c, f, x: q.actions(c, f)),
    Case("actions (recherche)", lambda c, f, x: q.actions(c, f, "jeunes")),
    Case("timeline", lambda c, f, x: q.timeline(c, f)),
    Case("action_sheet", lambda c, f, x: q.action_sheet(c, x.action_id), False),
    Case("meetings", lambda c, f, x: q.meetings(c, f)),
    Case("meetings (masqué)", lambda c, f, x: q.meetings(c, f, True)),
    Case("meetings_per_year", lambda c, f, x: q.meetings_per_year(c, f)),
    Case("attendance_by_role", lambda c, f, x: q.attendance_by_role(c, f)),
    Case("attendance_by_sector", lambda c, f, x: q.attendance_by_sector(c, f)),
    Case("attendance_by_sector (masqué)", lambda c, f, x: q.attendance_by_sector(c, f, True)),
    Case("actors_typology", lambda c, f, x: q.actors_typology(c, f)),
    Case("events", lambda c, f, x: q.events(c, f)),
    Case("events (SISM)", lambda c, f, x: q.events(c, f, "SISM")),
    Case(
        "indicator_values (f15)",
        lambda c, f, x: q.indicator_values(c, ["f15-proc-1", "f15-proc-2", "f15-proc-3"]),
        False,
    ),
    Case("structure_points", lambda c, f, x: q.structure_points(c, f)),
    Case("communes", lambda c, f, x: q.communes(c), False),
    Case("collaborations", lambda c, f, x: q.collaborations(c, f)),
    Case("resources", lambda c, f, x: q.resources(c), False),
    Case("resources (recherche)", lambda c, f, x: q.resources(c, search="jeunes"), False),
]

# What each page asks for on a first visit with no filter (the sidebar lists come on every page).
SIDEBAR = ["plans", "axes", "themes", "structures"]
PAGES = {
    "Vue d'ensemble": [*SIDEBAR, "headline (masqué)", "milestones", "last_meeting_date", "changes_since"],
    "Avancement par axe": [*SIDEBAR, "headline", "progress (axis)", "progress (theme)", "actions", "timeline"],
    "Fiches actions": [*SIDEBAR, "actions", "action_sheet"],
    "Participation": [
        *SIDEBAR,
        "meetings",
        "meetings_per_year",
        "attendance_by_role",
        "attendance_by_sector",
        "actors_typology",
        "events (SISM)",
        "events",
        "indicator_values (f15)",
    ],
    "Partenaires": [*SIDEBAR, "structure_points", "communes", "collaborations"],
    "Ressources": [*SIDEBAR, "resources", "structure_points", "communes"],
}


@dataclass
class Timing:
    """Medians (ms) and rows returned of one case under one filter set on one database."""

    cold: float | None = None
    warm: float | None = None
    rows: int | None = None
    error: str | None = None


@dataclass
class Results:
    """Everything measured, for printing."""

    factor: float
    runs: int
    steps: list[tuple[str, float, str]] = field(default_factory=list)  # label, ms, detail
    timings: dict[tuple[str, str, str], Timing] = field(default_factory=dict)  # (db, case, filter)
    rss: list[tuple[str, int]] = field(default_factory=list)
    filters: dict[str, Filters] = field(default_factory=dict)


# ---------------------------------------------------------------- measuring


def _peak_rss() -> int:
    """Peak resident memory of this process so far, in bytes (ru_maxrss is in KiB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _rows(result: object) -> int:
    """Rows a result would put on a page: a frame's length, the largest frame of a dict, 1 for a scalar."""
    if isinstance(result, pd.DataFrame):
        return len(result)
    if isinstance(result, dict):
        sizes = [len(v) for v in result.values() if isinstance(v, pd.DataFrame)]
        return max(sizes) if sizes else (1 if result else 0)
    return 0 if result is None else 1


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _context(db: Path, synthetic: bool) -> Ctx:
    """The busiest plan, structure and action of the database (synthetic ones on the synthetic copy)."""
    con = connect(db)
    try:
        plan = con.execute("SELECT plan_id FROM action GROUP BY 1 ORDER BY count(*) DESC, plan_id LIMIT 1").fetchone()[
            0
        ]
        # The same real structure on both databases, so the figures compare like with like.
        structure = con.execute(
            "SELECT structure_id FROM v_action_structure WHERE structure_id NOT LIKE ? "
            "GROUP BY 1 ORDER BY count(*) DESC, structure_id LIMIT 1",
            [PREFIX + "%"],
        ).fetchone()[0]
        pattern = PREFIX + "%" if synthetic else "%"
        action = con.execute(
            "SELECT action_id FROM v_action_structure WHERE action_id LIKE ? "
            "GROUP BY 1 ORDER BY count(*) DESC, action_id LIMIT 1",
            [pattern],
        ).fetchone()[0]
    finally:
        con.close()
    return Ctx(action_id=action, plan_id=plan, structure_id=structure)


def _filter_sets(ctx: Ctx) -> dict[str, Filters]:
    return {
        "aucun": Filters(),
        "plan": Filters(plan_id=ctx.plan_id),
        "période": Filters(period_start=PERIOD[0], period_end=PERIOD[1]),
        "structure": Filters(structure_id=ctx.structure_id),
    }


def _combos(filters: dict[str, Filters]) -> list[tuple[Case, str, Filters]]:
    return [
        (case, fname, f) for case in CASES for fname, f in (filters.items() if case.filtered else [("—", Filters())])
    ]


def _time_db(db: Path, ctx: Ctx, filters: dict[str, Filters], runs: int) -> dict[tuple[str, str], Timing]:
    """Cold, then warm medians of every case under every filter set, keyed by (case label, filter name).

    Cold: a fresh connection per run, with no other connection to the file open in this process
    (DuckDB shares one database instance, and its cache, between connections to the same file);
    measured without filter only, since opening the file (~50 ms) would dominate the run time.
    Warm: one connection for every case, each case run once before it is timed.
    """
    out: dict[tuple[str, str], Timing] = {}
    combos = _combos(filters)
    for case, fname, f in combos:
        timing = out[(case.label, fname)] = Timing()
        if fname not in COLD_FILTERS:
            continue
        times = []
        try:
            for _ in range(runs):
                con = connect(db)
                try:
                    start = time.perf_counter()
                    result = case.run(con, f, ctx)
                    times.append(_ms(start))
                finally:
                    con.close()
                timing.rows = _rows(result)
        except Exception as exc:  # noqa: BLE001 - one failing query is reported, the others still run
            timing.error = f"{type(exc).__name__}: {exc}".splitlines()[0][:120]
            continue
        timing.cold = _median(times)
    con = connect(db)
    try:
        for case, fname, f in combos:
            timing = out[(case.label, fname)]
            if timing.error:
                continue
            try:
                result = case.run(con, f, ctx)
                timing.rows = _rows(result)
                times = []
                for _ in range(runs):
                    start = time.perf_counter()
                    case.run(con, f, ctx)
                    times.append(_ms(start))
            except Exception as exc:  # noqa: BLE001
                timing.error = f"{type(exc).__name__}: {exc}".splitlines()[0][:120]
                continue
            timing.warm = _median(times)
    finally:
        con.close()
    return out


def _time_connect(db: Path, runs: int) -> float:
    times = []
    for _ in range(max(runs, 3)):
        start = time.perf_counter()
        con = connect(db)
        times.append(_ms(start))
        con.close()
    return _median(times)


def _import_csv(db: Path, rows: int) -> bytes:
    """A French CSV of `rows` actions: half updates of synthetic actions (a new status), half new ones."""
    con = connect(db)
    try:
        existing = con.execute(
            "SELECT action_id, plan_id, coalesce(status, 'idée') FROM action WHERE council_id = ? AND action_id LIKE ? "
            "ORDER BY action_id LIMIT ?",
            [DEFAULT_COUNCIL, PREFIX + "action-%", rows // 2],
        ).fetchall()
        plan = con.execute("SELECT plan_id FROM plan WHERE council_id = ? ORDER BY position NULLS LAST, plan_id LIMIT 1",
                           [DEFAULT_COUNCIL]).fetchone()[0]
    finally:
        con.close()
    lines = ["identifiant;intitulé;statut;plan;note"]
    for action_id, plan_id, status in existing:
        new_status = "réalisée" if status != "réalisée" else "mise en œuvre"
        title = f"Action synthétique mise à jour ({action_id.removeprefix(PREFIX)})"
        lines.append(f"{action_id};{title};{new_status};{plan_id};{LABEL}")
    for i in range(rows - len(existing)):
        lines.append(f"{PREFIX}import-{i + 1:05d};Action synthétique importée {i + 1:05d};idée;{plan};{LABEL}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def measure(folder: Path, factor: float, runs: int, *, log: Callable[[str], None] = lambda s: None) -> Results:
    """Run every measurement with the files in `folder`; returns the figures.

    Args:
        folder: where the seed and synthetic databases (and the backups) are written.
        factor: scale of the synthetic data (benchmarks.synthetic.BASE_COUNTS × factor).
        runs: runs per query for each median.
        log: progress messages (stderr by default in main).
    Returns:
        Results.
    Raises:
        ClsmError: a database could not be built, copied or written.
    """
    res = Results(factor=factor, runs=runs)
    seed = check_target(folder / "seed.duckdb")
    synth = check_target(folder / "synthetique.duckdb")

    log("Construction de la base depuis data/seed…")
    start = time.perf_counter()
    build(seed, SEED_DIR)
    res.steps.append(("construction depuis data/seed (build)", _ms(start), _size(seed)))
    res.rss.append(("après construction", _peak_rss()))

    log(f"Base synthétique (facteur {factor:g})…")
    start = time.perf_counter()
    report = make_synthetic(synth, seed, factor=factor, overwrite=True)
    added = sum(report.counts.values())
    res.steps.append((f"base synthétique (+{_int(added)} lignes)", _ms(start), _size(synth)))
    res.rss.append(("après base synthétique", _peak_rss()))

    for name, db in (("seed", seed), ("synth", synth)):
        res.steps.append((f"ouverture d'une connexion ({name})", _time_connect(db, runs), ""))
    for name, db in (("seed", seed), ("synth", synth)):
        ctx = _context(db, synthetic=name == "synth")
        filters = _filter_sets(ctx)
        res.filters = res.filters or filters
        log(f"Requêtes sur la base {name} ({runs} passage(s))…")
        for (label, fname), timing in _time_db(db, ctx, filters, runs).items():
            res.timings[(name, label, fname)] = timing
        res.rss.append((f"après requêtes ({name})", _peak_rss()))

    log(f"Import d'un CSV de {IMPORT_ROWS} lignes et sauvegarde…")
    data = _import_csv(synth, IMPORT_ROWS)
    con = connect(synth, read_only=False)
    try:
        start = time.perf_counter()
        plan = importer.plan_import(con, data, "banc-essai.csv")
        res.steps.append(
            (
                f"import CSV {IMPORT_ROWS} lignes : aperçu (plan_import)",
                _ms(start),
                f"+{plan.added} / {plan.updated} mises à jour",
            ),
        )
        start = time.perf_counter()
        result = importer.apply_import(con, CALLER, plan)
        res.steps.append(
            (
                "import : écriture (apply_import, sauvegarde comprise)",
                _ms(start),
                f"{result.added} ajoutées, {result.updated} mises à jour",
            ),
        )
        start = time.perf_counter()
        path = backup.create(con, CALLER, "banc-essai")
        res.steps.append(("sauvegarde (backup.create)", _ms(start), _size(path)))
    finally:
        con.close()
    res.steps.append(("taille de la base synthétique après import", 0.0, _size(synth)))
    res.rss.append(("après import et sauvegarde", _peak_rss()))
    return res


# ---------------------------------------------------------------- printing


def _num(value: float | None, digits: int = 1) -> str:
    """1234.56 -> '1 234,6' (French digits, plain spaces so columns line up in a terminal)."""
    if value is None:
        return "—"
    return f"{value:,.{digits}f}".replace(",", " ").replace(".", ",")


def _int(value: int | None) -> str:
    return "—" if value is None else f"{value:,}".replace(",", " ")


def _size(path: Path) -> str:
    size = path.stat().st_size
    wal = Path(str(path) + ".wal")
    if wal.exists():
        size += wal.stat().st_size
    return f"{_num(size / 1024 / 1024)} Mo"


def render(res: Results, total_s: float) -> str:
    """The figures as a French / English text table."""
    out = []
    add = out.append
    add(
        f"Banc d'essai CLSM / CLSM benchmark — facteur {res.factor:g}, {res.runs} passage(s) par mesure, "
        f"{os.cpu_count()} cœur(s), Python {platform.python_version()}, DuckDB {duckdb.__version__}"
    )
    add("Temps en millisecondes, médianes / times in ms, medians. « froid » (cold) = première exécution sur une base")
    add("fraîchement ouverte (cache DuckDB vide, cache disque du système chaud), sans filtre seulement ; « chaud »")
    add(
        "(warm) = même connexion, après une première exécution. Sans le cache de Streamlit / without Streamlit's cache."
    )
    add("")
    add("Préparation et écritures / setup and writes")
    for label, ms, detail in res.steps:
        add(f"  {label:<55} {_num(ms) if ms else '':>10}  {detail}")
    add("")
    f = res.filters
    add(
        "Filtres / filters : aucun ; plan = " + (f["plan"].plan_id or "") + " ; période = "
        f"{PERIOD[0]:%d/%m/%Y}–{PERIOD[1]:%d/%m/%Y} ; structure = " + (f["structure"].structure_id or "")
    )
    head = (
        f"  {'requête / query':<30} {'filtre':<10} {'seed froid':>10} {'seed chaud':>10} "
        f"{'synth froid':>11} {'synth chaud':>11} {'lignes seed':>11} {'lignes synth':>12}"
    )
    add(head)
    add("  " + "-" * (len(head) - 2))
    for case in CASES:
        names = list(res.filters) if case.filtered else ["—"]
        for fname in names:
            a = res.timings.get(("seed", case.label, fname), Timing())
            b = res.timings.get(("synth", case.label, fname), Timing())
            flag = "  ⚠ > 5 000" if max(a.rows or 0, b.rows or 0) > MAX_CHART_ROWS else ""
            add(
                f"  {case.label:<30} {fname:<10} {_num(a.cold):>10} {_num(a.warm):>10} {_num(b.cold):>11} "
                f"{_num(b.warm):>11} {_int(a.rows):>11} {_int(b.rows):>12}{flag}"
            )
            for db, t in (("seed", a), ("synth", b)):
                if t.error:
                    add(f"      ERREUR ({db}) : {t.error}")
    add("")
    add(f"Lignes renvoyées, maximum par requête / max rows per query (seuil / threshold {_int(MAX_CHART_ROWS)})")
    for case in CASES:
        rows = [t.rows for (_, label, _), t in res.timings.items() if label == case.label and t.rows is not None]
        worst = max(rows) if rows else None
        slow = [t.warm for (db, label, _), t in res.timings.items() if db == "synth" and label == case.label and t.warm]
        flag = (
            "  ⚠ trop de lignes pour un graphique / too many rows for a chart" if (worst or 0) > MAX_CHART_ROWS else ""
        )
        add(
            f"  {case.label:<30} {_int(worst):>8} lignes   synth chaud max {_num(max(slow) if slow else None):>8} ms{flag}"
        )
    add("")
    add("Pages, première visite sans filtre (somme des médianes, sans cache Streamlit) / pages, first visit, no filter")
    add(f"  {'page':<22} {'seed froid':>10} {'seed chaud':>10} {'synth froid':>11} {'synth chaud':>11}")
    for page, labels in PAGES.items():
        cells = []
        for db in ("seed", "synth"):
            for kind in ("cold", "warm"):
                vals = [
                    getattr(res.timings.get((db, lab, "aucun")) or res.timings.get((db, lab, "—")) or Timing(), kind)
                    for lab in labels
                ]
                cells.append(None if any(v is None for v in vals) else sum(vals))
        add(f"  {page:<22} {_num(cells[0]):>10} {_num(cells[1]):>10} {_num(cells[2]):>11} {_num(cells[3]):>11}")
    add("")
    add("Mémoire / memory (pic RSS du processus / process peak RSS)")
    for label, value in res.rss:
        add(f"  {label:<30} {_num(value / 1024 / 1024)} Mo")
    add("")
    add(f"Durée totale / total time : {_num(total_s)} s")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """`python -m benchmarks.queries [--factor F] [--runs N] [--keep DIR]`; exit 0 when every query ran.

    Returns:
        0 when every measurement ran, 1 when a query failed or a database could not be made.
    """
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.queries",
        description="Banc d'essai : temps des requêtes des pages sur la base des données sources et sur une base "
        "synthétique, import de 1 000 lignes et sauvegarde. Ne touche jamais la base réelle.",
    )
    parser.add_argument(
        "--factor", type=float, default=1.0, help="échelle des données synthétiques (1 = ~5 000 actions)"
    )
    parser.add_argument("--runs", type=int, default=3, help="passages par mesure (médiane)")
    parser.add_argument(
        "--keep", type=Path, default=None, help="garder les bases dans ce dossier (sinon tout est effacé)"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs doit être au moins 1")

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    started = time.perf_counter()
    try:
        if args.keep:
            folder = args.keep.expanduser().resolve()
            folder.mkdir(parents=True, exist_ok=True)
            res = measure(folder, args.factor, args.runs, log=log)
        else:
            with tempfile.TemporaryDirectory(prefix="clsm-bench-") as tmp:
                res = measure(Path(tmp), args.factor, args.runs, log=log)
    except ClsmError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 1
    print(render(res, time.perf_counter() - started))
    if args.keep:
        print(f"Bases gardées dans {folder}")
    failed = [key for key, t in res.timings.items() if t.error]
    if failed:
        print(f"Erreur : {len(failed)} mesure(s) en échec (voir ERREUR ci-dessus).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
