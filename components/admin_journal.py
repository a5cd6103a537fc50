"""Administration tab « Journal »: the writes as change sets, « Annuler » one (preview, confirm), delete a row."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from clsm_data.core import validate
from clsm_data.core.errors import ClsmError
from clsm_data.core.roles import ROLE_LABELS, Caller
from clsm_data.core.tables import TABLES
from clsm_data.store import journal, writes
from clsm_data.store.changeset import ImportPlan

from . import fmt
from .admin import read_cursor, show_refusal
from .writing import write

LIMIT = 300


def _cell(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return "non renseigné" if value is None else value


def _rows(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{k: _cell(v) for k, v in r.items()} for r in rows]).astype(str)


def preview_undo(plan: ImportPlan) -> None:
    """What an undo will do, per table: rows removed, rows put back as they were, rows restored."""
    for note in plan.messages:
        st.caption(fmt.md(note))
    for table, change in plan.changes.items():
        spec = TABLES[table]
        st.markdown(f"**{fmt.md(spec.label.capitalize())}**")
        a, b, c = st.columns(3)
        a.metric("Retirées", len(change.deleted), border=True)
        b.metric("Remises comme avant", len(change.updated), border=True)
        c.metric("Rétablies", len(change.added), border=True)
        if change.deleted:
            with st.expander(f"Lignes retirées ({len(change.deleted)})"):
                st.dataframe(_rows(change.deleted), hide_index=True)
        if change.updated:
            with st.expander(f"Lignes remises comme avant ({len(change.updated)})"):
                diffs = []
                for now, old in change.updated:
                    diff = {k: old[k] for k in spec.key}
                    for col, value in old.items():
                        if col not in spec.key and value != now.get(col):
                            diff[col] = f"{_cell(now.get(col))} → {_cell(value)}"
                    diffs.append(diff)
                st.dataframe(_rows(diffs), hide_index=True)
        if change.added:
            with st.expander(f"Lignes rétablies ({len(change.added)})"):
                st.dataframe(_rows(change.added), hide_index=True)


def _apply(action, *, forget: tuple[str, ...] = ()) -> None:
    """Run one write on a fresh read-write cursor; success message and cache refresh on the next run.

    `forget`: the choices to clear once it is done, so that nothing is left selected with its button ready to
    be clicked a second time (the entry just undone, the row just deleted).
    """
    write(action, forget=forget, refused=show_refusal)


def _dependents_preview(plan: ImportPlan, main: str) -> None:
    """What taking the dependent rows along does: rows deleted and references emptied, by name, per table."""
    for note in plan.messages:
        st.caption(fmt.md(note))
    cur = read_cursor()
    for table, change in plan.changes.items():
        if table == main:
            continue
        spec = TABLES[table]
        if change.deleted:
            st.markdown(fmt.md(f"**{spec.label.capitalize()}** : {len(change.deleted)} ligne(s) supprimée(s) avec elle"))
            st.dataframe(pd.DataFrame({"Ligne": [validate.row_label(cur, table, r) for r in change.deleted]}),
                         hide_index=True)
        if change.updated and plan.operation == "suppression":
            st.markdown(fmt.md(f"**{spec.label.capitalize()}** : {len(change.updated)} référence(s) vidée(s)"))
            st.dataframe(pd.DataFrame({"Ligne": [validate.row_label(cur, table, b) for b, _ in change.updated]}),
                         hide_index=True)


def render_undo(user: Caller) -> None:
    """The change sets, newest first, and « Annuler » for one of them after its preview."""
    log = journal.change_sets(read_cursor(), LIMIT)
    if log.empty:
        st.info("Aucune écriture depuis la construction de la base : rien à annuler.")
        return
    st.caption(
        f"{len(log)} écriture(s) au journal (les {LIMIT} dernières au plus) — "
        + ", ".join(f"{op} : {n}" for op, n in log["operation"].value_counts().items())
    )
    st.caption(
        "Chaque écriture peut être annulée seule : les lignes "
        "qu'elle a ajoutées sont retirées, celles qu'elle a modifiées ou supprimées sont remises comme avant. "
        "L'annulation est refusée si une écriture plus récente a touché les mêmes lignes, ou si d'autres lignes "
        "renvoient encore à celles qu'elle retirerait (elles peuvent partir avec elle) ; elle est elle-même "
        "inscrite au journal et peut être annulée : l'écriture est alors rétablie."
    )
    st.dataframe(
        pd.DataFrame({
            "N°": log["audit_id"],
            "Date": log["logged_at"].dt.strftime("%d/%m/%Y %H:%M:%S"),
            "Rôle": log["role"].map(lambda r: ROLE_LABELS.get(r, r)),
            "Opération": log["operation"],
            "Origine": log["origin"].fillna("non renseigné"),
            "Ajoutées": log["rows_added"],
            "Modifiées": log["rows_updated"],
            "Supprimées": log["rows_deleted"],
            "État": log["state"],
        }),
        hide_index=True,
    )
    candidates = log[(log["n_rows"] > 0) & log["undone_by"].isna()]
    if candidates.empty:
        st.info("Aucune écriture annulable pour l'instant.")
        return
    labels = {
        int(r["audit_id"]): f"n°{int(r['audit_id'])} — {r['logged_at']:%d/%m/%Y %H:%M} — {r['operation']} — "
        f"{r['origin'] or ''}"
        for _, r in candidates.iterrows()
    }
    st.markdown("**Annuler une écriture**")
    chosen = st.selectbox("Écriture", list(labels), format_func=labels.get, index=None,
                          placeholder="Choisissez l'écriture à annuler", key="clsm_undo_choice")
    if chosen is None:
        return
    try:
        plan = journal.plan_undo(read_cursor(), chosen)
    except journal.UndoRefused as exc:
        show_refusal(exc)
        if exc.dependents:
            _offer_undo_with_dependents(user, chosen, exc.dependents.count)
        return
    except ClsmError as exc:
        show_refusal(exc)
        return
    st.caption(f"Ce que l'annulation de l'écriture n°{chosen} va faire :")
    preview_undo(plan)
    if st.button("Annuler cette écriture", type="primary", icon=":material/undo:", key="clsm_undo_confirm"):
        _apply(lambda cur: journal.undo(cur, user, chosen), forget=("clsm_undo_choice",))


def _offer_undo_with_dependents(user: Caller, chosen: int, count: int) -> None:
    """The second way out of a refusal: the undo with the rows that point at what it removes, in one write."""
    try:
        plan = journal.plan_undo(read_cursor(), chosen, with_dependents=True)
    except ClsmError as exc:
        show_refusal(exc)
        return
    st.markdown(fmt.md(f"**Ou bien : annuler l'écriture n°{chosen} avec les lignes qui en dépendent**"))
    st.caption("Tout part en une seule écriture du journal, elle-même annulable (les lignes reviendraient ensemble).")
    preview_undo(plan)
    if st.button(f"Annuler avec les {count} ligne(s) qui en dépendent", type="primary",
                 icon=":material/undo:", key="clsm_undo_confirm_deps"):
        _apply(lambda cur: journal.undo(cur, user, chosen, with_dependents=True), forget=("clsm_undo_choice",))


def render_delete(user: Caller) -> None:
    """Delete one row (audited, undoable from the journal above), after seeing it."""
    st.markdown("**Supprimer une ligne**")
    st.caption("La suppression est inscrite au journal avec la ligne entière : elle peut être annulée.")
    table = st.selectbox("Table", list(TABLES), format_func=lambda t: TABLES[t].label.capitalize(),
                         key="clsm_delete_table")
    choices = journal.row_choices(read_cursor(), table)
    if not choices:
        st.info("Cette table est vide.")
        return
    pick = st.selectbox("Ligne", range(len(choices)), format_func=lambda i: choices[i][1], index=None,
                        placeholder="Choisissez une ligne", key="clsm_delete_row")
    if pick is None:
        return
    key = choices[pick][0]
    try:
        plan = writes.delete_rows(read_cursor(), user, table, [key], apply=False)
    except writes.ReferencedRows as exc:
        show_refusal(exc)
        plan = writes.delete_rows(read_cursor(), user, table, [key], apply=False, with_dependents=True)
        st.markdown("**Ou bien : supprimer la ligne avec les lignes qui en dépendent**")
        st.caption("Tout part en une seule écriture du journal, elle-même annulable (les lignes reviendraient "
                   "ensemble) ; une référence facultative (le porteur d'une action…) est seulement vidée.")
        _dependents_preview(plan, table)
        if st.button(f"Supprimer avec les {exc.dependents.count} ligne(s) qui en dépendent", type="primary",
                     icon=":material/delete:", key="clsm_delete_confirm_deps"):
            _apply(lambda cur: writes.delete_rows(cur, user, table, [key], with_dependents=True),
                   forget=("clsm_delete_row",))
        return
    except ClsmError as exc:
        show_refusal(exc)
        return
    st.dataframe(_rows(plan.changes[table].deleted), hide_index=True)  # the whole stored row
    if st.button("Supprimer cette ligne", type="primary", icon=":material/delete:", key="clsm_delete_confirm"):
        _apply(lambda cur: writes.delete_rows(cur, user, table, [key]), forget=("clsm_delete_row",))


def render_journal(user: Caller) -> None:
    """Tab « Journal »."""
    render_undo(user)
    st.divider()
    render_delete(user)
