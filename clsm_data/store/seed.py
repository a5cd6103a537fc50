"""Read and check the seed files under data/seed/: every cell, every key, every reference."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from clsm_data.core.config import SEED_DIR
from clsm_data.core.errors import CellProblem, DataFileError
from clsm_data.core.tables import LOAD_ORDER, TABLES, Table
from clsm_data.core.validate import CellError, check_header, parse_cell

MAX_PROBLEMS = 50


@dataclass
class SeedRows:
    """The rows of one table, each with the file and line it came from."""

    table: Table
    rows: list[dict] = field(default_factory=list)
    origins: list[tuple[str, int]] = field(default_factory=list)


def seed_files(seed_dir: Path) -> list[Path]:
    """Every CSV under the seed folder, in a stable order (folder name, then file name)."""
    return sorted(seed_dir.glob("*/*.csv"), key=lambda p: (p.parent.name, p.name))


def read_seed(seed_dir: Path | None = None) -> dict[str, SeedRows]:
    """Read and check every seed file.

    Args:
        seed_dir: the seed folder; data/seed by default.
    Returns:
        For each table of TABLES, its checked rows (Python values, NULL as None).
    Raises:
        DataFileError: naming file, line and column of each problem found (up to 50).
    """
    seed_dir = Path(seed_dir or SEED_DIR)
    problems: list[CellProblem] = []
    data = {name: SeedRows(TABLES[name]) for name in LOAD_ORDER}
    files = seed_files(seed_dir)
    if not files:
        raise DataFileError([CellProblem(str(seed_dir), None, None, "aucun fichier de données trouvé")])
    for path in files:
        rel = str(path.relative_to(seed_dir.parent)) if seed_dir.parent in path.parents else str(path)
        table = TABLES.get(path.stem)
        if table is None:
            problems.append(CellProblem(rel, None, None, f"« {path.stem} » n'est pas une table connue"))
            continue
        _read_file(path, rel, data[table.name], problems)
    if not problems:
        _check_keys_and_refs(data, problems)
    if problems:
        raise DataFileError(problems[:MAX_PROBLEMS])
    return data


def _read_file(path: Path, rel: str, out: SeedRows, problems: list[CellProblem]) -> None:
    table = out.table
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(CellProblem(rel, 1, None, "le fichier commence par une marque BOM : enregistrez-le en UTF-8 sans BOM"))
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(CellProblem(rel, line, None, "le fichier n'est pas en UTF-8"))
        return
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        problems.append(CellProblem(rel, 1, None, "fichier vide : une ligne d'en-tête est attendue"))
        return
    except csv.Error as exc:
        problems.append(CellProblem(rel, 1, None, f"CSV illisible ({exc})"))
        return
    for _col_no, name, message in check_header(table, header):
        problems.append(CellProblem(rel, 1, name, message))
    if problems and problems[-1].file == rel and problems[-1].line == 1:
        return
    cols = [table.col(name) if name != "council_id" else None for name in header]
    while True:
        start = reader.line_num + 1  # a quoted cell may span lines: report where the row starts
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(CellProblem(rel, reader.line_num, None, f"CSV illisible ({exc})"))
            return
        line = start
        if not cells or all(c == "" for c in cells):
            continue
        if len(cells) != len(header):
            problems.append(
                CellProblem(rel, line, None, f"{len(cells)} cellules au lieu de {len(header)} (une virgule en trop ou manquante ?)")
            )
            continue
        row: dict = {}
        for col, name, cell in zip(cols, header, cells, strict=True):
            if col is None:  # council_id is implied by the one council
                row["council_id"] = cell or None
                continue
            try:
                row[name] = parse_cell(col, cell)
            except CellError as exc:
                problems.append(CellProblem(rel, line, name, str(exc)))
        for col in table.cols:
            if col.name not in row:
                row[col.name] = None
        out.rows.append(row)
        out.origins.append((rel, line))


def _check_keys_and_refs(data: dict[str, SeedRows], problems: list[CellProblem]) -> None:
    keys: dict[str, set] = {}
    for name, seed in data.items():
        seen: dict[tuple, tuple[str, int]] = {}
        for row, (file, line) in zip(seed.rows, seed.origins, strict=True):
            key = tuple(row[k] for k in seed.table.key)
            if key in seen:
                first = seen[key]
                problems.append(
                    CellProblem(file, line, seed.table.key[-1], f"clé {key} déjà présente ({first[0]}, ligne {first[1]})")
                )
            seen[key] = (file, line)
        keys[name] = {k[0] for k in seen} if len(seed.table.key) == 1 else set()
    for seed in data.values():
        refs = [c for c in seed.table.cols if c.ref]
        for row, (file, line) in zip(seed.rows, seed.origins, strict=True):
            for col in refs:
                value = row[col.name]
                if value is not None and value not in keys[col.ref]:
                    problems.append(
                        CellProblem(file, line, col.name, f"« {value} » ne correspond à aucune ligne de la table {col.ref}")
                    )
