"""Importing the coordinator's spreadsheets, by stage: reader (file to rows, no database), fmt (the import
format: tables, headers and the ways people write them, template), cells and names (one value read, a name
matched to its code), planner (the plan against the database), report (problems grouped, the questions the
page asks once, the annotated workbook), memory (the answers remembered: column mappings, name aliases)."""

from __future__ import annotations

from clsm_data.importing.cells import formula_like, parse_date
from clsm_data.importing.layout import ALIASES, EXTRA_ALIASES, IMPORTABLE, SHEETS, header_label, norm, template_xlsx
from clsm_data.importing.memory import forget, listing, remember
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
from clsm_data.importing.reader import MAX_BYTES, MAX_UPLOAD_MB, SIZE_TEXT, sniff, too_big
from clsm_data.importing.report import (
    AmbiguousTableError,
    Issue,
    Question,
    annotated_workbook,
    print_lines,
    questions,
    rows_for_table,
)

__all__ = [
    "ADD", "ALIASES", "DUPLICATE_CHOICES", "EXTRA_ALIASES", "IMPORTABLE", "MAX_BYTES", "MAX_UPLOAD_MB", "MERGE",
    "SHEETS", "SIZE_TEXT", "SKIP", "AmbiguousTableError", "CheckedImport", "Duplicate", "Issue", "Names",
    "Question", "RefError", "SourceTextChange", "annotated_workbook", "apply_import", "forget", "formula_like",
    "header_label", "listing", "norm", "parse_date", "plan_import", "plan_rows", "plan_tables", "print_lines",
    "questions", "reference_labels", "remember", "rows_for_table", "sniff", "table_frame", "template_for",
    "template_xlsx", "too_big",
]
