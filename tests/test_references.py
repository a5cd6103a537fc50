"""No write breaks a reference: the week's incident replayed (a duplicate structure added from the table
editor, attendance recorded for it, the first write undone), deletions, the check around COMMIT, the
journal's words after an undo is undone, and the table editor's duplicate choice."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from clsm_data.core import validate
from clsm_data.core.errors import DataFileError
from clsm_data.core.roles import COORDINATOR, Caller
from clsm_data.core.tables import TABLES
from clsm_data.importing import edits
from clsm_data.read import totals
from clsm_data.store import journal, writes
from clsm_data.store.changeset import ImportPlan, TableChange
from clsm_data.store.db import connect, table_checksums

COORD = Caller("coordination", COORDINATOR)
DATA = list(TABLES)
EPE = "École des parents et des éducateurs de Moselle"
# With its code typed: a row without one, named exactly as a stored row, is that row (an update).
NEW_EPE = {"structure_id": "epe-57", "name": EPE, "acronym": "EPE 57", "sector": "éducation"}
MEETING = "Comité de pilotage du 18/11/2021"


@pytest.fixture
def con(fresh_db):
    c = connect(fresh_db, read_only=False)
    yield c
    c.close()


def totals_agree(con) -> dict[str, int]:
    """Participation › Présences: people by category = by sector; structures overall = summed by sector."""
    n = totals.attendance_totals(con, "clsm-metz")
    assert n["by_role"] == n["by_sector"], n
    assert n["structures"] == n["structures_by_sector"], n
    assert validate.dangling(con) == []
    return n


def add_duplicate_structure(con):
    """The incident's first write: « EPE 57 » added from « Modifier une table », the duplicate kept."""
    plan = edits.save_edits(con, COORD, "structure", [], new_rows=[NEW_EPE], apply=False)
    (dup,) = plan.duplicates
    assert dup.choice is None and [d.ident for d in plan.pending] == [dup.ident]
    assert any("1 à décider" in m for m in plan.messages)
    with pytest.raises(Exception, match="doublon\\(s\\) probable\\(s\\) à décider"):
        edits.save_edits(con, COORD, "structure", [], new_rows=[NEW_EPE])
    return edits.save_edits(con, COORD, "structure", [], new_rows=[NEW_EPE], duplicates={dup.ident: "ajouter"})


def record_attendance(con):
    """The later write: a meeting whose attendance points at the new structure (two rows)."""
    return edits.record_meeting(
        con, COORD, {"instance_id": "copil", "date": dt.date(2021, 11, 18), "mode": "présentiel"},
        {("epe-57", "professionnel"): 2, ("epe-57", "bénévole"): 1, ("ville-metz", "élu"): 3},
    )


def test_the_incident_undo_refused_then_taken_with_its_dependents(con):
    start = totals_agree(con)
    added = add_duplicate_structure(con)
    assert con.execute("SELECT name FROM structure WHERE structure_id = 'epe-57'").fetchone() == (EPE,)
    totals_agree(con)
    recorded = record_attendance(con)
    grown = totals_agree(con)
    assert grown["by_role"] == start["by_role"] + 6
    before = table_checksums(con, [*DATA, "audit_log", "change_row"])

    with pytest.raises(journal.UndoRefused) as refused:
        journal.plan_undo(con, added.audit_id)
    text = str(refused.value)
    assert text.startswith(f"Impossible d'annuler l'écriture n°{added.audit_id} (modification du ")
    assert f"Présences renvoyant à la structure « {EPE} »" in text
    assert f"« {MEETING}, {EPE} (professionnel : 2) »" in text
    assert f"« {MEETING}, {EPE} (bénévole : 1) »" in text
    assert f"écrites par l'écriture n°{recorded.audit_id} (saisie réunion" in text
    assert "epe-57" not in text and "copil-2021" not in text  # names, never codes
    assert "--avec-dependances" in text
    assert refused.value.dependents.count == 2
    with pytest.raises(journal.UndoRefused):
        journal.undo(con, COORD, added.audit_id)
    assert table_checksums(con, [*DATA, "audit_log", "change_row"]) == before  # refused: nothing written
    totals_agree(con)

    preview = journal.plan_undo(con, added.audit_id, with_dependents=True)
    assert {t: len(c.deleted) for t, c in preview.changes.items()} == {"structure": 1, "attendance": 2}
    assert any(f"« {MEETING}, {EPE} (professionnel : 2) »" in m for m in preview.messages)
    undone = journal.undo(con, COORD, added.audit_id, with_dependents=True)
    assert undone.deleted_counts == {"structure": 1, "attendance": 2}
    assert con.execute("SELECT count(*) FROM audit_log WHERE undoes = ?", [added.audit_id]).fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM structure WHERE structure_id = 'epe-57'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM attendance WHERE structure_id = 'epe-57'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM attendance WHERE meeting_id = 'copil-2021-11-18'").fetchone()[0] == 1
    assert totals_agree(con)["by_role"] == start["by_role"] + 3

    # The undo is one change set: undoing it puts the structure and its two rows back together.
    redone = journal.undo(con, COORD, undone.audit_id)
    assert redone.counts == {"structure": (1, 0), "attendance": (2, 0)}
    assert con.execute("SELECT count(*) FROM attendance WHERE structure_id = 'epe-57'").fetchone()[0] == 2
    assert totals_agree(con) == grown


def test_journal_words_after_an_undo_is_undone(con):
    added = add_duplicate_structure(con)
    first = journal.undo(con, COORD, added.audit_id)
    second = journal.undo(con, COORD, first.audit_id)  # the undo undone: the structure is back
    assert con.execute("SELECT count(*) FROM structure WHERE structure_id = 'epe-57'").fetchone()[0] == 1
    log = journal.change_sets(con, 10).set_index("audit_id")
    said = {i: journal.state(log.loc[i]) for i in (added.audit_id, first.audit_id, second.audit_id)}
    assert said == {
        added.audit_id: f"annulée par n°{first.audit_id}, rétablie par n°{second.audit_id}",
        first.audit_id: f"annulation annulée (n°{second.audit_id})",
        second.audit_id: f"rétablit le n°{added.audit_id} (annule l'annulation n°{first.audit_id})",
    }
    assert log["undone_by"].isna()[added.audit_id]  # in effect again
    assert journal.last_undoable(con) == added.audit_id
    # Undone a second time, from its own line: no undo of an undo of an undo needed.
    third = journal.undo(con, COORD, added.audit_id)
    assert con.execute("SELECT count(*) FROM structure WHERE structure_id = 'epe-57'").fetchone()[0] == 0
    log = journal.change_sets(con, 10).set_index("audit_id")
    assert journal.state(log.loc[added.audit_id]) == (
        f"annulée par n°{first.audit_id}, rétablie par n°{second.audit_id}, annulée par n°{third.audit_id}")
    with pytest.raises(journal.UndoRefused, match=f"déjà annulée par l'écriture n°{third.audit_id}"):
        journal.plan_undo(con, added.audit_id)


def test_delete_of_a_referenced_row_refused_with_rows_named_or_taken_along(con):
    add_duplicate_structure(con)
    record_attendance(con)
    before = table_checksums(con, DATA)
    with pytest.raises(writes.ReferencedRows) as refused:
        writes.delete_rows(con, COORD, "structure", [{"structure_id": "epe-57"}])
    text = str(refused.value)
    assert text.startswith(f"Impossible de supprimer « {EPE} » (table structures) : d'autres lignes y renvoient")
    assert f"« {MEETING}, {EPE} (professionnel : 2) »" in text and "epe-57" not in text
    with pytest.raises(writes.ReferencedRows, match=re.escape(f"« {MEETING}, Ville de Metz (élu : 3) »")):
        writes.delete_rows(con, COORD, "meeting", [{"meeting_id": "copil-2021-11-18"}])
    assert table_checksums(con, DATA) == before
    done = writes.delete_rows(con, COORD, "structure", [{"structure_id": "epe-57"}], with_dependents=True)
    assert done.deleted_counts == {"structure": 1, "attendance": 2}
    totals_agree(con)
    journal.undo(con, COORD, done.audit_id)  # one change set: all three back
    assert con.execute("SELECT count(*) FROM attendance WHERE structure_id = 'epe-57'").fetchone()[0] == 2
    totals_agree(con)


def _orphaning_plan(con) -> ImportPlan:
    """A change set made by hand, past delete_rows' and plan_undo's checks: the structure goes, its rows stay."""
    row = writes.stored_rows(con, "structure", [("epe-57",)])[("epe-57",)]
    return ImportPlan(origin="essai", changes={"structure": TableChange("structure", list(row), deleted=[row])},
                      base=table_checksums(con, ["structure"]), operation="suppression")


def test_a_write_that_orphans_rows_is_refused_before_commit(con):
    add_duplicate_structure(con)
    record_attendance(con)
    before = table_checksums(con, [*DATA, "audit_log", "change_row"])
    with pytest.raises(writes.IntegrityError) as refused:
        writes.apply_plan(con, COORD, _orphaning_plan(con), backup=False)
    text = str(refused.value)
    assert text.startswith("Écriture refusée")
    assert f"Présences renvoyant à la structure « {EPE} », qui n'existe plus : « {MEETING}, {EPE} (bénévole" in text
    assert "Participation › Présences : " in text and "personne(s) par catégorie mais" in text
    assert table_checksums(con, [*DATA, "audit_log", "change_row"]) == before
    totals_agree(con)


def test_the_check_after_commit_catches_an_orphan_written_on_purpose(con, monkeypatch):
    add_duplicate_structure(con)
    record_attendance(con)
    n = totals.attendance_totals(con, "clsm-metz")
    monkeypatch.setattr(writes, "_check_before_commit", lambda *args: None)  # bypass the check in the transaction
    with pytest.raises(writes.IntegrityError) as caught:
        writes.apply_plan(con, COORD, _orphaning_plan(con), backup=False)
    text = str(caught.value)
    audit_id = con.execute("SELECT max(audit_id) FROM audit_log").fetchone()[0]
    assert text.startswith(f"L'écriture n°{audit_id} est enregistrée, mais la vérification qui suit")
    assert f"« {MEETING}, {EPE} (bénévole : 1) », « {MEETING}, {EPE} (professionnel : 2) »" in text
    assert (f"Participation › Présences : {n['by_role']} personne(s) par catégorie mais {n['by_role'] - 3} par "
            "secteur") in text
    assert f"undo {audit_id}" in text
    assert len(validate.dangling(con)) == 2  # written indeed: the check says so, by name
    journal.undo(con, COORD, audit_id)  # and the undo repairs it
    totals_agree(con)


def test_editor_duplicate_merged_into_the_stored_row(con):
    code = con.execute("SELECT structure_id FROM structure WHERE name = ?", [EPE]).fetchone()[0]
    n = con.execute("SELECT count(*) FROM structure").fetchone()[0]
    plan = edits.save_edits(con, COORD, "structure", [], new_rows=[NEW_EPE], apply=False)
    ident = plan.duplicates[0].ident
    merged = edits.save_edits(con, COORD, "structure", [], new_rows=[NEW_EPE], duplicates={ident: "fusionner"})
    assert (merged.added, merged.updated) == (0, 1)
    assert con.execute("SELECT count(*) FROM structure").fetchone()[0] == n
    assert con.execute("SELECT acronym FROM structure WHERE structure_id = ?", [code]).fetchone() == ("EPE 57",)
    skipped = edits.save_edits(con, COORD, "structure", [], new_rows=[{**NEW_EPE, "structure_id": "epe"}],
                                duplicates={"structure:epe": "ignorer"}, apply=False)
    assert skipped.is_noop


def test_editor_refusal_speaks_of_the_table_and_blank_rows_are_ignored(con):
    blank = {"name": None, "acronym": "", "sector": None}
    plan = edits.save_edits(con, COORD, "structure", [], new_rows=[
        {**NEW_EPE, "structure_id": None, "name": "Maison des ados 57", "acronym": "MDA 57"}, blank], apply=False)
    assert plan.counts()["structure"] == (1, 0, 0)  # the empty last row adds nothing
    with pytest.raises(DataFileError) as refused:
        edits.save_edits(con, COORD, "structure", [], new_rows=[{"name": None, "acronym": "XYZ", "sector": "éducation"}])
    assert "édition de la table structures, nouvelles lignes, ligne 1" in str(refused.value)
    assert "fichier" not in str(refused.value)
    assert refused.value.hint.startswith("Corrigez les cellules signalées dans le tableau")
