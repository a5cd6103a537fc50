"""Named slide sequences (« COPIL », « Plénière »): read, resolved against the catalogue, saved through writes.

A sequence is an ordered list of slide ids of the catalogue (figures.catalogue). Two default
sequences ship in code; a sequence the coordinator saves (same id or a new one) is stored in the
`slide_sequence` table through the one write path (lock, transaction, audit row, check after COMMIT).
"""

from __future__ import annotations

import re

import duckdb
import pandas as pd

from clsm_data.core.config import bound_council
from clsm_data.core.errors import ClsmError
from clsm_data.core.roles import Caller, require_coordinator
from clsm_data.store.db import has_table, table_checksums
from clsm_data.store.writes import ImportPlan, ImportResult, TableChange, apply_plan

DEFAULTS: dict[str, tuple[str, list[str]]] = {
    "copil": ("COPIL", ["chiffres", "statuts", "avancement:pistes-2021", "avancement:programme-2022", "fiche15",
                        "derniere-reunion", "reunions"]),
    "pleniere": ("Plénière", ["chiffres", "fiche15", "sism", "presences", "derniere-reunion", "secteurs",
                              "avancement:pistes-2021", "histoire", "sensibilisation"]),
}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


def _stored(con) -> pd.DataFrame:
    if not has_table(con, "slide_sequence"):
        return pd.DataFrame(columns=["sequence_id", "name", "slides", "position"])
    return con.execute(
        "SELECT sequence_id, name, slides, position FROM slide_sequence WHERE council_id = ? "
        "ORDER BY position NULLS LAST, sequence_id", [bound_council(con)]
    ).df()


def split(slides: str) -> list[str]:
    """'a, b,c' -> ['a', 'b', 'c']."""
    return [s.strip() for s in str(slides or "").split(",") if s.strip()]


def all_sequences(con) -> dict[str, tuple[str, list[str]]]:
    """Every sequence: id -> (name, slide ids); saved ones override the defaults of the same id."""
    out = dict(DEFAULTS)
    for r in _stored(con).itertuples():
        out[r.sequence_id] = (r.name, split(r.slides))
    return out


def get(con, sequence_id: str) -> tuple[str, list[str]] | None:
    """(name, slide ids) of one sequence, or None when it does not exist."""
    return all_sequences(con).get(sequence_id)


def save(con: duckdb.DuckDBPyConnection, caller: Caller, sequence_id: str, name: str, slides: list[str],
         position: int | None = None) -> ImportResult:
    """Save a sequence (new or changed) in one audited write.

    Args:
        con: a cursor of the app's process connection, or a read-write connection.
        caller: must be a coordinator (checked here, on the server).
        sequence_id: lower-case letters, digits and dashes (the URL's ?sequence=…).
        name: shown in the list and on the title slide.
        slides: ordered slide ids of the catalogue.
    Returns:
        ImportResult with one audit row (operation « séquence de diapositives »).
    Raises:
        PermissionDenied, ClsmError (bad id or empty sequence), ConflictError, WriteNotSavedError.
    """
    require_coordinator(caller)
    if not _ID.match(sequence_id or ""):
        raise ClsmError(f"Identifiant de séquence invalide : « {sequence_id} ».",
                        "Lettres minuscules sans accent, chiffres et tirets (ex. « pleniere-2022 »).")
    if not (name or "").strip():
        raise ClsmError("Donnez un nom à la séquence.")
    if not slides:
        raise ClsmError("Une séquence contient au moins une diapositive.")
    row = {"sequence_id": sequence_id, "name": name.strip(), "slides": ",".join(slides), "position": position}
    cols = ["sequence_id", "name", "slides", "position"]
    before = con.execute("SELECT sequence_id, name, slides, position FROM slide_sequence WHERE council_id = ? "
                         "AND sequence_id = ?", [bound_council(con), sequence_id]).fetchone()
    change = TableChange("slide_sequence", cols)
    if before is None:
        change.added.append(row)
    else:
        old = dict(zip(cols, before, strict=True))
        if old == row:
            change.unchanged.append(row)
        else:
            change.updated.append((old, row))
    plan = ImportPlan(origin=f"séquence « {name.strip()} »", changes={"slide_sequence": change},
                      base=table_checksums(con, ["slide_sequence"]), operation="séquence de diapositives")
    return apply_plan(con, caller, plan, backup=False)
