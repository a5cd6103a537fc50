"""Every error type of the app, in one place: each carries a French message for the user and a hint (what to
do), with a default hint per type (harlequin's exception.py is the model).

One way to show them: `components.errors.show_error` on a page (escaped message, hint, the problems listed) and
`clsm_data.cli.main` at the command line (message, hint, exit code 1). Nothing else prints an error.
"""

from __future__ import annotations


class ClsmError(Exception):
    """Base error: `message` is shown to the user as is, `hint` says what to do (the type's HINT when not given).

    `problems` lists the findings one per line (rows named as a person names them), when there are several.
    """

    HINT = ""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint or self.HINT

    @property
    def lines(self) -> list[str]:
        """The findings to list under the message (empty for a one-line error)."""
        problems = getattr(self, "problems", None) or []
        return [str(p) for p in problems]

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class ConfigError(ClsmError):
    """A setting (an environment variable) names something this edition cannot use."""


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


class TooManyAttempts(AuthError):
    """An address queued more attempts than its wait allows: refused without checking the password."""


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


class AmbiguousTableError(DataFileError):
    """A sheet (or CSV) whose header fits several tables: the page asks which one it is."""

    def __init__(self, problems: list[CellProblem], choices: dict[str | None, list[str]], hint: str = "") -> None:
        super().__init__(problems, hint)
        self.choices = choices  # sheet (None for a CSV) -> candidate tables


# ---------------------------------------------------------------- writes (clsm_data.store)


class WriteBusyError(ClsmError):
    """Another write holds the lock for too long."""

    HINT = "Patientez quelques secondes puis réessayez."


class ConflictError(ClsmError):
    """The data changed between the preview and the confirmation."""

    HINT = "Recommencez l'aperçu puis confirmez à nouveau ; rien n'a été écrit."


class WriteNotSavedError(ClsmError):
    """The transaction did not land as planned (it was rolled back): nothing is reported as done."""

    HINT = "Réessayez ; si cela persiste, restaurez la dernière sauvegarde et prévenez l'équipe technique."


class IntegrityError(ClsmError):
    """A write would leave rows pointing at a row that is not there, or attendance totals that disagree.

    `problems` holds one French sentence per finding, rows named as a person names them.
    """

    def __init__(self, message: str, hint: str = "", problems: list[str] | None = None) -> None:
        super().__init__(message, hint)
        self.problems = problems or []


class ReferencedRows(ClsmError):
    """Rows cannot go on their own: other rows point at them. `dependents` says which, and what taking them
    along would delete or empty."""

    def __init__(self, message: str, hint: str, dependents) -> None:
        super().__init__(message, hint)
        self.dependents = dependents


class UndoRefused(ClsmError):
    """This change set cannot be undone on its own (named reason, in French).

    `dependents` is set when it could be undone together with the rows that still point at what it would
    remove (plan_undo(..., with_dependents=True)).
    """

    def __init__(self, message: str, hint: str = "", dependents=None) -> None:
        super().__init__(message, hint)
        self.dependents = dependents


class BackupError(ClsmError):
    """A backup cannot be made, found or restored."""


# ---------------------------------------------------------------- the coordinator's work


class AccountError(ClsmError):
    """An account operation is refused (bad name, short password, unknown account...)."""


class AlreadyValidatedError(ClsmError):
    """The year was validated already: its figures are frozen."""

    HINT = "Pour corriger une année validée, rouvrez-la d'abord (avec une raison) : Suivi annuel ou « annee rouvrir »."


class MemoryNotSavedError(ClsmError):
    """The answers were not stored (the write was rolled back)."""

    HINT = "Réessayez ; rien n'a été retenu."
