"""Error types of the data layer, each carrying a French message for the user and a hint."""

from __future__ import annotations


class ClsmError(Exception):
    """Base error: `message` is shown to the user as is, `hint` says what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class DatabaseMissingError(ClsmError):
    """The database file does not exist yet."""


class DatabaseBusyError(ClsmError):
    """The database file is held by another process (the app, an import, a build)."""


class SchemaError(ClsmError):
    """The file's schema version is not the one this code expects."""


class QueryError(ClsmError):
    """A query failed; the DuckDB error is kept as the cause, never shown raw."""


class PermissionDenied(ClsmError):
    """The caller's role does not allow this operation."""


class AuthError(ClsmError):
    """Sign-in failed or the account store is unusable."""


class CellProblem:
    """One bad cell: where it is and what was expected (French)."""

    __slots__ = ("file", "sheet", "line", "column", "message")

    def __init__(self, file: str, line: int | None, column: str | None, message: str, sheet: str | None = None):
        self.file, self.sheet, self.line, self.column, self.message = file, sheet, line, column, message

    def __str__(self) -> str:
        where = [self.file]
        if self.sheet:
            where.append(f"feuille « {self.sheet} »")
        if self.line is not None:
            where.append(f"ligne {self.line}")
        if self.column:
            where.append(f"colonne « {self.column} »")
        return ", ".join(where) + " : " + self.message


class DataFileError(ClsmError):
    """A seed or import file is refused; `problems` lists every bad cell found (up to a limit)."""

    def __init__(self, problems: list[CellProblem], hint: str = "") -> None:
        self.problems = problems
        head = str(problems[0]) if problems else "fichier refusé"
        more = f" (et {len(problems) - 1} autre(s) problème(s))" if len(problems) > 1 else ""
        super().__init__(head + more, hint or "Corrigez le fichier puis relancez ; rien n'a été modifié.")

    def details(self) -> list[str]:
        return [str(p) for p in self.problems]
