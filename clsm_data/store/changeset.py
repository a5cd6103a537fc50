"""The change-set types: what a write plans to do (ImportPlan, TableChange) and what it did (ImportResult).

No database access here: the importer builds these, writes.apply_plan applies them, the pages preview them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from clsm_data.core.tables import TABLES


@dataclass
class TableChange:
    """What a change set does to one table: rows added, updated (before, after), unchanged and deleted.

    `deleted` holds the rows to remove (at least their key columns); the writer reads their whole
    stored row before removing it, to keep it in the change set's before-images.
    """

    table: str
    columns: list[str]
    added: list[dict] = field(default_factory=list)
    updated: list[tuple[dict, dict]] = field(default_factory=list)
    unchanged: list[dict] = field(default_factory=list)
    deleted: list[dict] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, ...]:
        return TABLES[self.table].key


@dataclass
class ImportPlan:
    """A checked change set, ready to preview and apply: nothing is written until apply.

    `base` holds the checksums of the touched tables when the plan was made; apply refuses to
    write when they changed since (another write came in between).
    """

    origin: str
    changes: dict[str, TableChange]
    base: dict[str, tuple[int, int]]
    operation: str = "import"
    messages: list[str] = field(default_factory=list)
    undoes: int | None = None  # the change set (audit_id) this plan reverts, for an undo

    def counts(self) -> dict[str, tuple[int, int, int]]:
        """(added, updated, unchanged) per table."""
        return {t: (len(c.added), len(c.updated), len(c.unchanged)) for t, c in self.changes.items()}

    @property
    def added(self) -> int:
        return sum(len(c.added) for c in self.changes.values())

    @property
    def updated(self) -> int:
        return sum(len(c.updated) for c in self.changes.values())

    @property
    def unchanged(self) -> int:
        return sum(len(c.unchanged) for c in self.changes.values())

    @property
    def deleted(self) -> int:
        return sum(len(c.deleted) for c in self.changes.values())

    @property
    def is_noop(self) -> bool:
        return self.added == 0 and self.updated == 0 and self.deleted == 0


@dataclass
class ImportResult:
    """What a write did: rows added and updated per table, its audit row and the backup taken before."""

    origin: str
    counts: dict[str, tuple[int, int]]
    audit_id: int | None = None
    backup: Path | None = None
    deleted_counts: dict[str, int] = field(default_factory=dict)

    @property
    def added(self) -> int:
        return sum(a for a, _ in self.counts.values())

    @property
    def updated(self) -> int:
        return sum(u for _, u in self.counts.values())

    @property
    def deleted(self) -> int:
        return sum(self.deleted_counts.values())

    def summary(self) -> str:
        """One French sentence for the user."""
        if self.audit_id is None:
            return f"{self.origin} : aucune modification (0 ajoutée, 0 mise à jour) ; rien n'a été écrit."
        parts = []
        for t, (a, u) in self.counts.items():
            part = f"{TABLES[t].label} : {a} ajoutée(s), {u} mise(s) à jour"
            if self.deleted_counts.get(t):
                part += f", {self.deleted_counts[t]} supprimée(s)"
            parts.append(part)
        text = f"{self.origin} enregistré — " + " ; ".join(parts) + f" (écriture n°{self.audit_id} du journal)."
        if self.backup:
            text += f" Sauvegarde prise avant l'écriture : {self.backup.name}."
        return text
