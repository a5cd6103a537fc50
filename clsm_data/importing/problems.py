"""The problem types of an import, below every stage: a bad cell (Issue: where, what was found, what would
be accepted, and the question that would let it pass), the questions asked once (Question), a header that
fits several tables (AmbiguousTableError). Knows no database."""

from __future__ import annotations

from dataclasses import dataclass, field

from clsm_data.core.errors import AmbiguousTableError, CellProblem, DataFileError  # noqa: F401 (re-exported)
from clsm_data.importing.words import header_key, norm

MAX_PROBLEMS = 2000  # every problem is listed; this only bounds a pathological file


@dataclass
class Question:
    """What the coordinator can answer once, on the page, for a refused file to pass (and the next ones).

    kind "column": an unknown header `text` of a sheet holding `table`; options are the table's columns,
    « add to the note » (+note) and « ignore » (-). kind "name": a value `text` naming no row of `table`
    (a referenced table, or 'table.column' for a closed list); options are the rows' names, closest first.
    """

    kind: str
    table: str
    text: str
    options: list[tuple[str, str]] = field(default_factory=list)  # (value, label shown), labels never codes
    proposed: str | None = None
    sheet: str | None = None
    lines: list[int] = field(default_factory=list)
    # the proposal leaves no doubt (a header sharing a word with one column, a name whose words are all in one
    # row's name and in no other's): the file is read with it at the first try, the preview saying so
    sure: bool = False

    def assumed(self) -> str:
        """The sentence of a preview for a proposal taken without asking (« lu comme … »)."""
        shown = dict(self.options).get(self.proposed, self.proposed or "")
        where = f" (feuille « {self.sheet} »)" if self.sheet else ""
        if self.kind == "column" and self.proposed == "+note":
            return f"Colonne « {self.text} »{where} : sa valeur est ajoutée à la note de chaque ligne (« {self.text} : … »)."
        if self.kind == "column":
            return f"Colonne « {self.text} »{where} lue comme {shown}."
        return f"« {self.text} »{where} lu comme « {shown} »."

    @property
    def ident(self) -> str:
        return f"{self.kind}:{self.table}:{header_key(self.text) if self.kind == 'column' else norm(self.text)}"


class Issue(CellProblem):
    """A bad cell: where (file, sheet, line, column), what was found and what would be accepted."""

    __slots__ = ("found", "expected", "col_index", "question")

    def __init__(
        self,
        file: str,
        line: int | None,
        column: str | None,
        message: str,
        sheet: str | None = None,
        *,
        found: object = None,
        expected: str = "",
        col_index: int | None = None,
        question: Question | None = None,
    ) -> None:
        super().__init__(file, line, column, message, sheet)
        self.found = found
        self.expected = expected
        self.col_index = col_index  # 0-based column of the cell in its sheet, to highlight it
        self.question = question  # what the page may ask to let this file (and the next) pass


def questions(problems: list[CellProblem]) -> list[Question]:
    """The questions of a refusal, one per header or name (a name refused on several lines is asked once)."""
    out: dict[str, Question] = {}
    for p in problems:
        q = getattr(p, "question", None)
        if q is None:
            continue
        if q.ident in out:
            out[q.ident].lines += [n for n in q.lines if n not in out[q.ident].lines]
        else:
            out[q.ident] = q
    return list(out.values())


