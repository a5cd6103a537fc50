"""Synthetic data for scale tests and demos: a labelled copy of a seed-built database, never the real one.

`make_synthetic(target, seed_db, factor=1.0)` copies a database built from data/seed to a new file
and adds, in one transaction, thousands of generated rows: structures, actions over the existing
plans / axes / themes, partner links, steps, indicators and their values, meetings over 2015-2026
with their attendance (meeting × structure × role category → count), events and directory entries.

Every generated row is labelled, so nobody can mistake it for a fact:
- its id (or the first column of its key) starts with `synth-`;
- its `note` column says "DONNÉES SYNTHÉTIQUES (test de charge)";
- its `source_id`, where the table has one, is the generated source document `synth-source`;
- build_info holds `synthetic = oui`.
Generated rows reference only other generated rows or the reference tables of the seed (plans,
axes, objectives, themes, instances, communes). They never hold a person's name, an e-mail address
or a phone number: the person-like columns (pilot, who, contact, organiser) stay empty.

The generator is deterministic: the same seed database, factor and rng_seed give the same rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from clsm_data.core.config import DEFAULT_COUNCIL, DEFAULT_DB, SEED_DIR, current_council, db_path, use_council
from clsm_data.core.errors import ClsmError, WriteNotSavedError
from clsm_data.core.roles import Caller
from clsm_data.core.tables import (
    ACTION_DURATIONS,
    ACTION_ORIGINS,
    ACTION_STATUSES,
    ACTION_TYPOLOGIES,
    DATE_PRECISIONS,
    EVENT_KINDS,
    EVENT_MODES,
    INDICATOR_KINDS,
    LOAD_ORDER,
    MEETING_MODES,
    ROLE_CATEGORIES,
    SECTORS,
    TABLES,
)
from clsm_data.store import door
from clsm_data.store.db import connect
from clsm_data.store.door import Done

PREFIX = "synth-"
LABEL = "DONNÉES SYNTHÉTIQUES (test de charge)"
SOURCE_ID = f"{PREFIX}source"
MAX_FACTOR = 20.0

# Rows generated at factor 1 (the scale of a large council over ten years).
BASE_COUNTS: dict[str, int] = {
    "source_document": 1,  # not scaled: the one source every generated row points to
    "structure": 2000,
    "action": 5000,
    "action_partner": 20000,
    "action_step": 2000,
    "indicator": 500,
    "indicator_value": 2000,
    "meeting": 3000,
    "attendance": 30000,
    "event": 2000,
    "resource": 500,
}
# Columns that could name a person (kept empty in generated rows; the tests check it).
PERSON_COLUMNS = ("pilot", "who", "contact", "organiser")

FIRST_DAY, LAST_DAY = dt.date(2015, 1, 1), dt.date(2026, 12, 31)
PARTNER_ROLES = ("partenaire", "partenaire principal", "financeur")
STRUCTURE_TYPES = (
    "association",
    "service de l'État",
    "collectivité",
    "centre médico-psychologique",
    "établissement médico-social",
    "service",
    "GEM",
    "bailleur social",
    "établissement scolaire",
)
PUBLICS = ("jeunes", "adultes", "familles", "personnes âgées", "tout public", "professionnels")
UNITS = ("participants", "réunions", "actions", "structures", None)
STATUS_WEIGHTS = (20, 15, 30, 25, 5, 5)  # idée, conception, mise en œuvre, réalisée, reportée, abandonnée
ROLE_RANGES = {"professionnel": (1, 4), "usager": (1, 15), "aidant": (1, 12), "élu": (1, 2), "bénévole": (1, 3)}

_ARROW = {
    "id": pa.string(),
    "str": pa.string(),
    "text": pa.string(),
    "int": pa.int32(),
    "float": pa.float64(),
    "date": pa.date32(),
    "bool": pa.bool_(),
}


@dataclass
class SyntheticReport:
    """What `make_synthetic` wrote: the file, rows added per table, the parameters and the time taken."""

    path: Path
    counts: dict[str, int]
    factor: float
    rng_seed: int
    seconds: float = 0.0
    totals: dict[str, int] = field(default_factory=dict)
    councils: int = 1

    def summary(self) -> str:
        """French summary for the terminal."""
        added = sum(self.counts.values())
        lines = [
            f"Base synthétique écrite : {self.path} ({added} lignes ajoutées, facteur {_fr(self.factor, 'g')}, "
            f"graine {self.rng_seed}, {_fr(self.seconds, '.1f')} s"
            + (f", {self.councils} conseils" if self.councils > 1 else "") + ")",
            f"  Toutes ces lignes sont marquées « {LABEL} » et leurs identifiants commencent par « {PREFIX} ».",
        ]
        lines += [f"  {name:<16} +{n:>6}  (total {self.totals.get(name, n):>6})" for name, n in self.counts.items()]
        return "\n".join(lines)


def _fr(value: float, spec: str) -> str:
    """A number written the French way (decimal comma)."""
    return format(value, spec).replace(".", ",")


def scaled_counts(factor: float) -> dict[str, int]:
    """Rows asked for per table at this factor (at least one each; the source document is not scaled).

    Raises:
        ClsmError: the factor is not a number in (0, MAX_FACTOR].
    """
    if not isinstance(factor, (int, float)) or isinstance(factor, bool) or not 0 < factor <= MAX_FACTOR:
        raise ClsmError(
            f"Facteur d'échelle refusé : {factor!r}.",
            f"Donnez un nombre strictement positif et au plus égal à {MAX_FACTOR:g} (1 = environ 5 000 actions).",
        )
    return {
        name: base if name == "source_document" else max(1, round(base * factor)) for name, base in BASE_COUNTS.items()
    }


def protected_paths() -> set[Path]:
    """The real database files: the one `CLSM_DB` names and data/clsm.duckdb."""
    return {db_path().expanduser().resolve(), DEFAULT_DB.resolve()}


def check_target(target: Path | str, seed_db: Path | str | None = None) -> Path:
    """Refuse a target that is the real database (or the source copy); returns the resolved target.

    Raises:
        ClsmError: the target is the real database, or the seed database itself.
    """
    resolved = Path(target).expanduser().resolve()
    if resolved in protected_paths():
        raise ClsmError(
            f"Refusé : {resolved} est la base réelle du CLSM ; les données synthétiques n'y sont jamais écrites.",
            "Choisissez un autre fichier, par exemple /tmp/clsm-synthetique.duckdb "
            "(et non celui de CLSM_DB ni data/clsm.duckdb).",
        )
    if seed_db is not None and resolved == Path(seed_db).expanduser().resolve():
        raise ClsmError(
            f"Refusé : {resolved} est la base source ; la base synthétique doit être un nouveau fichier.",
            "Donnez un autre chemin pour la base synthétique.",
        )
    return resolved


def is_synthetic(path: Path | str) -> bool:
    """True when the file is a database whose build_info says `synthetic = oui`."""
    try:
        con = connect(path, read_only=True, check_schema=False)
    except (ClsmError, duckdb.Error):
        return False
    try:
        row = con.execute("SELECT value FROM build_info WHERE key = 'synthetic'").fetchone()
        return bool(row) and row[0] == "oui"
    except duckdb.Error:
        return False
    finally:
        con.close()


def make_synthetic(
    target: Path | str,
    seed_db: Path | str | None = None,
    *,
    factor: float = 1.0,
    rng_seed: int = 42,
    overwrite: bool = False,
    councils: int = 1,
    region: str | None = None,
) -> SyntheticReport:
    """Copy a seed-built database to a new file and add labelled synthetic rows at scale.

    Args:
        target: the new file. Never the real database (CLSM_DB or data/clsm.duckdb).
        seed_db: a database built by `clsm_data.store.build.build` (it is only read). None: one is built
            from data/seed in a temporary folder, then removed.
        factor: scale; 1 gives about 5 000 actions, 2 000 structures, 20 000 partner links,
            3 000 meetings with 30 000 attendance rows, 2 000 events (see BASE_COUNTS).
        rng_seed: seed of the random generator (same inputs, same rows).
        overwrite: replace an existing target, allowed only when that file is itself synthetic.
        councils: 1, the seed's council grows by `factor`; more, a network: the seed's council as it is and
            `councils - 1` synthetic councils sharing `factor` between them (each `factor / councils`), with
            the seed's plans, axes, objectives, themes and instances copied (280 at factor 10: the nation).
        region: the région every synthetic council sits in (None: every région in turn).
    Returns:
        A SyntheticReport (rows added per table).
    Raises:
        ClsmError: the target is the real database, already exists (or is not synthetic when
            overwrite is set), the factor is out of range, the source is missing or already
            synthetic, or the rows did not all land (nothing is then left at the target).
        SchemaError: the source was built by another version of the schema.
    """
    started = time.perf_counter()
    network = network_councils(councils, region) if councils > 1 else None
    counts = scaled_counts(factor / councils if network else factor)
    target = check_target(target, seed_db)
    if target.is_dir():
        raise ClsmError(f"Refusé : {target} est un dossier.", "Donnez le chemin d'un fichier .duckdb à créer.")
    if target.exists():
        if not overwrite:
            raise ClsmError(
                f"Refusé : le fichier {target} existe déjà.",
                "Donnez un nouveau fichier, ou l'option de remplacement s'il s'agit d'une base synthétique.",
            )
        if not is_synthetic(target):
            raise ClsmError(
                f"Refusé : {target} n'est pas une base synthétique ; elle ne sera pas remplacée.",
                "Donnez un nouveau fichier pour la base synthétique.",
            )
    if seed_db is None:
        with tempfile.TemporaryDirectory(prefix="clsm-seed-") as tmp:
            from clsm_data.store.build import build

            seed = Path(tmp) / "seed.duckdb"
            build(seed, SEED_DIR)
            return _make(target, seed, counts, factor, rng_seed, started, network)
    seed = Path(seed_db).expanduser().resolve()
    if not seed.is_file():
        raise ClsmError(
            f"La base source {seed} n'existe pas.",
            "Construisez-la d'abord avec « python -m clsm_data build » (ou laissez la source vide).",
        )
    if is_synthetic(seed):
        raise ClsmError(
            f"Refusé : la base source {seed} contient déjà des données synthétiques.",
            "Partez d'une base construite depuis data/seed.",
        )
    return _make(target, seed, counts, factor, rng_seed, started, network)


def _make(target: Path, seed: Path, counts: dict[str, int], factor: float, rng_seed: int, started: float,
          network: list[dict] | None):
    part = target.with_name(target.name + ".part")
    leftovers = [part, Path(str(part) + ".wal")]
    for path in leftovers:
        path.unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copyfile(seed, part)
        wal = Path(str(seed) + ".wal")
        if wal.exists() and wal.stat().st_size > 0:  # committed rows not yet checkpointed into the file
            shutil.copyfile(wal, Path(str(part) + ".wal"))
        con = connect(part, read_only=False)
        try:
            added, totals = _fill(con, counts, factor, rng_seed, network)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        Path(str(target) + ".wal").unlink(missing_ok=True)  # a stale log must never replay onto the new file
        os.replace(part, target)
    finally:
        for path in leftovers:
            path.unlink(missing_ok=True)
    return SyntheticReport(target, added, factor, rng_seed, time.perf_counter() - started, totals,
                           councils=1 + len(network or []))


def fill_server(con, *, factor: float = 1.0, rng_seed: int = 42, councils: int = 1,
                region: str | None = None) -> SyntheticReport:
    """The same synthetic rows written into a database server (PostgreSQL) built from data/seed, in one
    transaction: the benchmark's PostgreSQL twin of `make_synthetic` (a throwaway cluster, never the real one).

    Raises:
        ClsmError: the database already holds synthetic rows, or the rows did not all land.
    """
    started = time.perf_counter()
    flagged = con.execute("SELECT value FROM build_info WHERE key = 'synthetic'").fetchone()
    if flagged and flagged[0] == "oui":
        raise ClsmError("Refusé : cette base contient déjà des données synthétiques.",
                        "Partez d'une base construite depuis data/seed.")
    network = network_councils(councils, region) if councils > 1 else None
    counts = scaled_counts(factor / councils if network else factor)
    added, totals = _fill(con, counts, factor, rng_seed, network)
    return SyntheticReport(Path("postgresql"), added, factor, rng_seed, time.perf_counter() - started, totals,
                           councils=1 + len(network or []))


# ---------------------------------------------------------------- generation


@dataclass
class _Context:
    """What the seed offers to hang synthetic rows on."""

    plans: list[str]
    axes_by_plan: dict[str, list[str]]
    objectives: list[tuple[str, str, str | None]]  # objective_id, plan_id, axis_id
    themes: list[str]
    instances: list[str]
    communes: list[tuple[str, str, float | None, float | None]]  # insee_code, name, latitude, longitude


def _context(con: duckdb.DuckDBPyConnection) -> _Context:
    axes: dict[str, list[str]] = {}
    for axis_id, plan_id in con.execute("SELECT axis_id, plan_id FROM axis ORDER BY axis_id").fetchall():
        axes.setdefault(plan_id, []).append(axis_id)
    ctx = _Context(
        plans=[r[0] for r in con.execute("SELECT plan_id FROM plan ORDER BY plan_id").fetchall()],
        axes_by_plan=axes,
        objectives=con.execute("SELECT objective_id, plan_id, axis_id FROM objective ORDER BY objective_id").fetchall(),
        themes=[r[0] for r in con.execute("SELECT theme_id FROM theme ORDER BY theme_id").fetchall()],
        instances=[r[0] for r in con.execute("SELECT instance_id FROM instance ORDER BY instance_id").fetchall()],
        communes=con.execute(
            "SELECT insee_code, name, latitude, longitude FROM commune ORDER BY insee_code"
        ).fetchall(),
    )
    if not ctx.plans or not ctx.instances or not ctx.communes:
        raise ClsmError(
            "La base source n'a pas de plans, d'instances ou de communes : impossible d'y rattacher des données "
            "synthétiques.",
            "Partez d'une base construite depuis data/seed.",
        )
    return ctx


def _day(rng: random.Random, first: dt.date = FIRST_DAY, last: dt.date = LAST_DAY) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _maybe(rng: random.Random, share: float, value):
    return value if rng.random() < share else None


def _sample_unique(rng: random.Random, n: int, *sizes: int) -> list[tuple[int, ...]]:
    """n distinct index tuples drawn from the product of ranges of these sizes (capped at the product)."""
    total = 1
    for s in sizes:
        total *= s
    out = []
    for flat in rng.sample(range(total), min(n, total)):
        idx = []
        for s in reversed(sizes):
            flat, r = divmod(flat, s)
            idx.append(r)
        out.append(tuple(reversed(idx)))
    return sorted(out)


def _generate(ctx: _Context, counts: dict[str, int], rng: random.Random,
              council: str | None = None) -> dict[str, list[dict]]:
    """Every synthetic row, per table, as column -> value (columns absent are NULL).

    With `council`, the rows are that council's (no source document: the one of the network is written once);
    without, the seed's own council's, with the source document."""
    rows: dict[str, list[dict]] = {name: [] for name in BASE_COUNTS}
    common = {"note": LABEL, **({"council_id": council} if council else {})}
    if council is None:
        rows["source_document"].append(_SOURCE_ROW)
    return _generate_rows(ctx, counts, rng, rows, common)


_SOURCE_ROW = {
    "source_id": SOURCE_ID,
    "file": "(généré par benchmarks.synthetic)",
    "title": LABEL,
    "published": None,
    "note": "Lignes générées pour les tests de charge ; aucun fait réel.",
}


def _generate_rows(ctx: _Context, counts: dict[str, int], rng: random.Random, rows: dict[str, list[dict]],
                   common: dict) -> dict[str, list[dict]]:
    # Structures: placed at their commune's point when the commune has coordinates.
    metz = [c for c in ctx.communes if c[1] == "Metz"]
    structures = []
    for i in range(counts["structure"]):
        insee, commune, lat, lon = metz[0] if metz and rng.random() < 0.4 else rng.choice(ctx.communes)
        sid = f"{PREFIX}structure-{i + 1:05d}"
        structures.append(sid)
        rows["structure"].append(
            {
                **common,
                "structure_id": sid,
                "name": f"Structure synthétique {i + 1:05d}",
                "acronym": f"SYN{i + 1:05d}",
                "sector": rng.choice(SECTORS) if rng.random() < 0.95 else None,
                "type": rng.choice(STRUCTURE_TYPES),
                "commune": commune,
                "insee_code": insee,
                "latitude": lat,
                "longitude": lon if lat is not None else None,
                "location_precision": "commune" if lat is not None and lon is not None else None,
                "founding_partner": False,
                "member_since": _maybe(rng, 0.5, rng.randint(2015, 2026)),
                "parent_id": structures[rng.randrange(i)] if i and rng.random() < 0.1 else None,
                "source_id": SOURCE_ID,
            }
        )

    # Actions over the existing plans, axes (of the same plan), objectives and themes.
    actions = []
    for i in range(counts["action"]):
        plan = rng.choice(ctx.plans)
        axes = ctx.axes_by_plan.get(plan, [])
        axis = rng.choice(axes) if axes and rng.random() < 0.9 else None
        fitting = [o for o, p, a in ctx.objectives if p == plan and (a is None or a == axis)]
        theme = rng.choice(ctx.themes) if ctx.themes and rng.random() < 0.85 else None
        start = _maybe(rng, 0.8, _day(rng, FIRST_DAY, dt.date(2026, 6, 30)))
        end = start + dt.timedelta(days=rng.randint(30, 1100)) if start else None
        aid = f"{PREFIX}action-{i + 1:05d}"
        actions.append(aid)
        rows["action"].append(
            {
                **common,
                "action_id": aid,
                "plan_id": plan,
                "axis_id": axis,
                "theme_id": theme,
                "objective_id": rng.choice(fitting) if fitting and rng.random() < 0.5 else None,
                "sheet_number": f"S-{i + 1}" if rng.random() < 0.2 else None,
                "position": i + 1,
                "title": f"Action synthétique {i + 1:05d} ({theme or 'sans thématique'})",
                "origin": rng.choice(ACTION_ORIGINS),
                "status": rng.choices(ACTION_STATUSES, STATUS_WEIGHTS)[0] if rng.random() < 0.95 else None,
                "typology": _maybe(rng, 0.6, rng.choice(ACTION_TYPOLOGIES)),
                "duration": _maybe(rng, 0.6, rng.choice(ACTION_DURATIONS)),
                "territory": _maybe(rng, 0.5, "Territoire messin"),
                "publics": _maybe(rng, 0.7, rng.choice(PUBLICS)),
                "porteur_id": rng.choice(structures) if rng.random() < 0.8 else None,
                "period_label": f"{start.year}-{end.year}" if start else None,
                "start_date": start,
                "end_date": end,
                "budget_eur": _maybe(rng, 0.3, float(rng.randrange(500, 50000, 100))),
                "description": "Fiche générée pour les tests de charge : aucun fait réel.",
                "reduces_inequalities": _maybe(rng, 0.5, rng.random() < 0.5),
                "participatory": _maybe(rng, 0.5, rng.random() < 0.5),
                "updated_on": _day(rng, dt.date(2021, 1, 1)),
                "source_id": SOURCE_ID,
            }
        )

    for a, s, r in _sample_unique(rng, counts["action_partner"], len(actions), len(structures), len(PARTNER_ROLES)):
        rows["action_partner"].append(
            {**common, "action_id": actions[a], "structure_id": structures[s], "role": PARTNER_ROLES[r]}
        )

    positions: dict[str, int] = {}
    for i in range(counts["action_step"]):
        aid = rng.choice(actions)
        positions[aid] = positions.get(aid, 0) + 1
        start = _maybe(rng, 0.6, _day(rng))
        rows["action_step"].append(
            {
                **common,
                "step_id": f"{PREFIX}step-{i + 1:05d}",
                "action_id": aid,
                "position": positions[aid],
                "kind": rng.choice(("objectif opérationnel", "jalon")),
                "title": f"Étape synthétique {positions[aid]}",
                "planned_start": start,
                "planned_end": start + dt.timedelta(days=rng.randint(15, 200)) if start else None,
                "done_on": _maybe(rng, 0.3, start) if start else None,
            }
        )

    indicators = []
    for i in range(counts["indicator"]):
        iid = f"{PREFIX}indicator-{i + 1:05d}"
        indicators.append(iid)
        rows["indicator"].append(
            {
                **common,
                "indicator_id": iid,
                "action_id": rng.choice(actions),
                "kind": rng.choice(INDICATOR_KINDS),
                "position": i + 1,
                "label": f"Indicateur synthétique {i + 1:05d}",
                "unit": rng.choice(UNITS),
                "target": _maybe(rng, 0.4, float(rng.randint(5, 500))),
            }
        )
    years = list(range(FIRST_DAY.year, LAST_DAY.year + 1))
    for ind, y in _sample_unique(rng, counts["indicator_value"], len(indicators), len(years)):
        year = years[y]
        rows["indicator_value"].append(
            {
                **common,
                "indicator_id": indicators[ind],
                "period_label": str(year),
                "period_start": dt.date(year, 1, 1),
                "period_end": dt.date(year, 12, 31),
                "value": float(rng.randint(0, 500)),
                "source_id": SOURCE_ID,
            }
        )

    meetings = []
    for i in range(counts["meeting"]):
        mid = f"{PREFIX}meeting-{i + 1:05d}"
        meetings.append(mid)
        rows["meeting"].append(
            {
                **common,
                "meeting_id": mid,
                "instance_id": rng.choice(ctx.instances),
                "date": _day(rng),
                "date_precision": DATE_PRECISIONS[0],
                "mode": _maybe(rng, 0.9, rng.choice(MEETING_MODES)),
                "place": _maybe(rng, 0.5, "Lieu synthétique"),
                "title": f"Réunion synthétique {i + 1:05d}",
                "source_id": SOURCE_ID,
            }
        )
    for m, s, r in _sample_unique(rng, counts["attendance"], len(meetings), len(structures), len(ROLE_CATEGORIES)):
        role = ROLE_CATEGORIES[r]
        rows["attendance"].append(
            {
                **common,
                "meeting_id": meetings[m],
                "structure_id": structures[s],
                "role_category": role,
                "count": rng.randint(*ROLE_RANGES.get(role, (1, 3))),
            }
        )

    for i in range(counts["event"]):
        year = rng.choice(years)
        date = _maybe(rng, 0.7, _day(rng, dt.date(year, 1, 1), dt.date(year, 12, 31)))
        rows["event"].append(
            {
                **common,
                "event_id": f"{PREFIX}event-{i + 1:05d}",
                "kind": rng.choice(EVENT_KINDS),
                "year": year,
                "date": date,
                "date_precision": "jour" if date else "année",
                "title": f"Événement synthétique {i + 1:05d}",
                "theme_id": rng.choice(ctx.themes) if ctx.themes and rng.random() < 0.4 else None,
                "mode": _maybe(rng, 0.8, rng.choice(EVENT_MODES)),
                "sessions_count": _maybe(rng, 0.3, rng.randint(1, 10)),
                "partners_count": _maybe(rng, 0.7, rng.randint(1, 40)),
                "events_count": _maybe(rng, 0.5, rng.randint(1, 20)),
                "participants_count": _maybe(rng, 0.8, rng.randint(5, 800)),
                "source_id": SOURCE_ID,
            }
        )

    by_id = {r["structure_id"]: r for r in rows["structure"]}
    for i in range(counts["resource"]):
        sid = rng.choice(structures)
        rows["resource"].append(
            {
                **common,
                "resource_id": f"{PREFIX}resource-{i + 1:05d}",
                "kind": "annuaire" if rng.random() < 0.95 else "outil de coordination",
                "name": f"Service synthétique {i + 1:05d}",
                "description": "Entrée d'annuaire générée pour les tests de charge.",
                "structure_id": sid,
                "publics": rng.choice(PUBLICS),
                "theme_id": rng.choice(ctx.themes) if ctx.themes and rng.random() < 0.5 else None,
                "commune": by_id[sid]["commune"],
                "hours": _maybe(rng, 0.5, "du lundi au vendredi"),
                "created_year": _maybe(rng, 0.6, rng.randint(2015, 2026)),
                "updated_on": _maybe(rng, 0.5, _day(rng, dt.date(2021, 1, 1))),
                "source_id": SOURCE_ID,
            }
        )
    return rows


def _arrow(name: str, rows: list[dict]) -> tuple[list[str], pa.Table]:
    table = TABLES[name]
    names = (["council_id"] if table.council_scoped else []) + table.col_names
    types = {"council_id": pa.string(), **{c.name: _ARROW[c.type] for c in table.cols}}
    data = {
        col: pa.array([r.get(col, DEFAULT_COUNCIL if col == "council_id" else None) for r in rows], type=types[col])
        for col in names
    }
    return names, pa.table(data)


def _fill(con: duckdb.DuckDBPyConnection, counts: dict[str, int], factor: float, rng_seed: int,
          councils: list[dict] | None = None):
    """Insert every synthetic row in one transaction, then check that all of it landed.

    With `councils`, the rows are theirs (`counts` per council); else the seed council's."""
    rng = random.Random(rng_seed)
    ctx = _context(con)
    rows = _network_rows(con, ctx, counts, rng, councils) if councils else _generate(ctx, counts, rng)
    before = {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in rows}
    added = {name: len(rows[name]) for name in LOAD_ORDER if name in rows}

    def change(con, audit_id) -> Done:
        for name in added:
            names, frame = _arrow(name, rows[name])
            view = f"_synthetic_{name}"
            con.register(view, frame)
            cols = ", ".join(names)
            # Names come from the TABLES allow-list; values travel as a registered Arrow table.
            con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM {view}")
            con.unregister(view)
        info = {
            "synthetic": "oui",
            "synthetic_label": LABEL,
            "synthetic_prefix": PREFIX,
            "synthetic_factor": f"{factor:g}",
            "synthetic_rng_seed": str(rng_seed),
            "synthetic_at": dt.datetime.now().replace(microsecond=0).isoformat(),
            "synthetic_rows": json.dumps(added, sort_keys=True),
            "synthetic_councils": str(len(councils or [])),
        }
        con.executemany("INSERT INTO build_info (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", list(info.items()))
        return Done(added=sum(added.values()), table=", ".join(added),
                    detail={"facteur": factor, "graine": rng_seed, "lignes": added})

    # The journal's entry belongs to a council: a network's goes to its first synthetic council, never to the seed's.
    journal_council = current_council()
    if councils:
        use_council(councils[0]["council_id"])
    # A file nobody sees yet (written as .part, then renamed): no lock to take.
    try:
        door.write(con, Caller("synthetique", "système"), "données synthétiques", change,
                   origin="benchmarks.synthetic", require=None, lock=False, failed=WriteNotSavedError(
                       "Les données synthétiques n'ont pas pu être écrites ; aucun fichier n'a été créé.",
                       "Relancez ; si cela persiste, reconstruisez la base source depuis data/seed."))
    finally:
        use_council(journal_council)
    # After an error inside a transaction DuckDB's COMMIT returns quietly and rolls back: check.
    totals = {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in rows}
    missing = [name for name in rows if totals[name] != before[name] + added[name]]
    flagged = con.execute("SELECT value FROM build_info WHERE key = 'synthetic'").fetchone()
    if missing or not flagged or flagged[0] != "oui":
        raise ClsmError(
            "Les données synthétiques n'ont pas toutes été écrites ; aucun fichier n'a été créé.",
            "Tables incomplètes : " + (", ".join(missing) or "build_info"),
        )
    return added, totals


# ---------------------------------------------------------------- a network of councils

# France's régions and their départements: where the synthetic councils of a network sit (a région of twenty
# councils, the nation's 280 spread over every département in turn).
REGIONS: dict[str, tuple[str, ...]] = {
    "Auvergne-Rhône-Alpes": ("Ain", "Allier", "Ardèche", "Cantal", "Drôme", "Isère", "Loire", "Haute-Loire",
                             "Puy-de-Dôme", "Rhône", "Savoie", "Haute-Savoie"),
    "Bourgogne-Franche-Comté": ("Côte-d'Or", "Doubs", "Jura", "Nièvre", "Haute-Saône", "Saône-et-Loire", "Yonne",
                                "Territoire de Belfort"),
    "Bretagne": ("Côtes-d'Armor", "Finistère", "Ille-et-Vilaine", "Morbihan"),
    "Centre-Val de Loire": ("Cher", "Eure-et-Loir", "Indre", "Indre-et-Loire", "Loir-et-Cher", "Loiret"),
    "Corse": ("Corse-du-Sud", "Haute-Corse"),
    "Grand Est": ("Ardennes", "Aube", "Marne", "Haute-Marne", "Meurthe-et-Moselle", "Meuse", "Moselle", "Bas-Rhin",
                  "Haut-Rhin", "Vosges"),
    "Hauts-de-France": ("Aisne", "Nord", "Oise", "Pas-de-Calais", "Somme"),
    "Île-de-France": ("Paris", "Seine-et-Marne", "Yvelines", "Essonne", "Hauts-de-Seine", "Seine-Saint-Denis",
                      "Val-de-Marne", "Val-d'Oise"),
    "Normandie": ("Calvados", "Eure", "Manche", "Orne", "Seine-Maritime"),
    "Nouvelle-Aquitaine": ("Charente", "Charente-Maritime", "Corrèze", "Creuse", "Dordogne", "Gironde", "Landes",
                           "Lot-et-Garonne", "Pyrénées-Atlantiques", "Deux-Sèvres", "Vienne", "Haute-Vienne"),
    "Occitanie": ("Ariège", "Aude", "Aveyron", "Gard", "Haute-Garonne", "Gers", "Hérault", "Lot", "Lozère",
                  "Hautes-Pyrénées", "Pyrénées-Orientales", "Tarn", "Tarn-et-Garonne"),
    "Pays de la Loire": ("Loire-Atlantique", "Maine-et-Loire", "Mayenne", "Sarthe", "Vendée"),
    "Provence-Alpes-Côte d'Azur": ("Alpes-de-Haute-Provence", "Hautes-Alpes", "Alpes-Maritimes", "Bouches-du-Rhône",
                                   "Var", "Vaucluse"),
    "Guadeloupe": ("Guadeloupe",),
    "Martinique": ("Martinique",),
    "Guyane": ("Guyane",),
    "La Réunion": ("La Réunion",),
    "Mayotte": ("Mayotte",),
}
# What a new council starts from: the seed council's plans, axes, objectives, themes and instances, copied.
REFERENCE_TABLES = ("theme", "plan", "axis", "objective", "instance")


def network_councils(councils: int, region: str | None = None) -> list[dict]:
    """The synthetic councils of a network of `councils` (the seed's own council is the first, not listed here).

    Each sits in a département of `region` (every région when None), taken in turn.

    Raises:
        ClsmError: fewer than two councils, or a région France does not have.
    """
    if councils < 2:
        raise ClsmError(f"Réseau refusé : {councils} conseil(s).", "Un réseau compte au moins deux conseils.")
    if region is not None and region not in REGIONS:
        raise ClsmError(f"Région inconnue : « {region} ».", "Régions : " + ", ".join(REGIONS) + ".")
    places = [(r, d) for r, deps in REGIONS.items() if region in (None, r) for d in deps]
    out = []
    for i in range(1, councils):
        reg, dep = places[(i - 1) % len(places)]
        out.append({
            "council_id": f"{PREFIX}c{i:03d}",
            "name": f"CLSM synthétique {i:03d} ({dep})",
            "territory": f"Territoire synthétique {i:03d}",
            "carrier": None,
            "department": dep,
            "region": reg,
            "note": LABEL,
        })
    return out


def _network_rows(con, ctx: _Context, counts: dict[str, int], rng: random.Random,
                  councils: list[dict]) -> dict[str, list[dict]]:
    """The network's rows: its councils, each with a copy of the seed's reference rows and its generated rows."""
    rows: dict[str, list[dict]] = {"council": list(councils), **{name: [] for name in REFERENCE_TABLES},
                                   **{name: [] for name in BASE_COUNTS}}
    rows["source_document"].append(_SOURCE_ROW)
    reference = {}
    for name in REFERENCE_TABLES:
        cols = TABLES[name].col_names
        # Names come from the TABLES allow-list.
        found = con.execute(f"SELECT {', '.join(cols)} FROM {name} WHERE council_id = ?", [DEFAULT_COUNCIL]).fetchall()
        reference[name] = [dict(zip(cols, r, strict=True)) for r in found]
    for council in councils:
        cid = council["council_id"]
        for name, found in reference.items():
            copied = [{**r, "council_id": cid, "note": LABEL} for r in found]
            for r in copied:
                if "source_id" in r:
                    r["source_id"] = SOURCE_ID
            rows[name] += copied
        for name, generated in _generate(ctx, counts, rng, council=cid).items():
            rows[name] += generated
    return rows


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    """`python -m benchmarks.synthetic CIBLE [--source BASE] [--factor F] [--seed N] [--replace]`."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.synthetic",
        description="Crée une base de test de charge : copie d'une base construite depuis data/seed, plus des "
        "lignes synthétiques marquées. Jamais la base réelle.",
    )
    parser.add_argument("target", type=Path, help="nouveau fichier .duckdb à créer")
    parser.add_argument("--source", type=Path, default=None, help="base construite depuis data/seed (sinon construite)")
    parser.add_argument("--factor", type=float, default=1.0, help="échelle (1 = environ 5 000 actions)")
    parser.add_argument("--seed", type=int, default=42, help="graine du générateur")
    parser.add_argument("--replace", action="store_true", help="remplacer la cible si c'est déjà une base synthétique")
    parser.add_argument("--councils", type=int, default=1,
                        help="conseils du réseau, celui de la graine compris (1 : la graine seule grandit ; "
                        "280 au facteur 10 : la nation)")
    parser.add_argument("--region", default=None, help="région de tous les conseils synthétiques (sinon toutes)")
    args = parser.parse_args(argv)
    try:
        report = make_synthetic(
            args.target, args.source, factor=args.factor, rng_seed=args.seed, overwrite=args.replace,
            councils=args.councils, region=args.region,
        )
    except ClsmError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
