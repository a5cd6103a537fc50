"""Importing the coordinator's spreadsheets, by floor (each module imports only those above it in this list):
words (text normalised: norm, header_key), problems (Issue, Question, AmbiguousTableError), reader (file to
rows, no database), names (a name matched to its code), cells (one value read), layout (the import format:
tables, headers and the ways people write them, blocks of rows, template), memory (the answers remembered:
column mappings, name aliases), planner (the plan against the database), report (problems grouped, the
annotated workbook, the command line's rendering), edits (on-screen writes through the planner)."""

from __future__ import annotations

from clsm_data.importing.cells import formula_like, parse_date
from clsm_data.importing.layout import ALIASES, EXTRA_ALIASES, IMPORTABLE, SHEETS, header_label, template_xlsx
from clsm_data.importing.memory import forget, listing, option_for, remember
from clsm_data.importing.names import Names, RefError
from clsm_data.importing.planner import (
    ADD,
    DUPLICATE_CHOICES,
    MERGE,
    SKIP,
    CheckedImport,
    Duplicate,
    SourceTextChange,
    apply_import,
    plan_import,
    plan_rows,
    plan_tables,
    reference_labels,
    table_frame,
    template_for,
)
from clsm_data.importing.problems import AmbiguousTableError, Issue, Question, questions
from clsm_data.importing.reader import MAX_BYTES, MAX_UPLOAD_MB, SIZE_TEXT, sniff, too_big
from clsm_data.importing.report import annotated_workbook, print_lines, rows_for_table
from clsm_data.importing.words import header_key, norm

__all__ = [
    "ADD", "ALIASES", "DUPLICATE_CHOICES", "EXTRA_ALIASES", "IMPORTABLE", "MAX_BYTES", "MAX_UPLOAD_MB", "MERGE",
    "SHEETS", "SIZE_TEXT", "SKIP", "AmbiguousTableError", "CheckedImport", "Duplicate", "Issue", "Names",
    "Question", "RefError", "SourceTextChange", "annotated_workbook", "apply_import", "forget", "formula_like",
    "header_key", "header_label", "listing", "norm", "option_for", "parse_date", "plan_import", "plan_rows", "plan_tables", "print_lines",
    "questions", "reference_labels", "remember", "rows_for_table", "sniff", "table_frame", "template_for",
    "template_xlsx", "too_big",
]
