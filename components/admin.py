"""Administration helpers: the write cursor, French previews of a change set, the import tab."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from clsm_data import importer
from clsm_data.config import db_path
from clsm_data.errors import ClsmError, DataFileError
from clsm_data.roles import Caller
from clsm_data.tables import TABLES
from clsm_data.writes import ImportPlan, ImportResult

from . import data, fmt

PLAN_KEY = "_clsm_import_plan"
DONE_KEY = "_clsm_admin_done"


def write_cursor():
    """A fresh cursor on the app's one read-write process connection (the file opens read-write only once)."""
    return data._connection(str(db_path())).cursor()


def read_cursor():
    """This session's cursor (reads that must not come from the cache)."""
    return data.cursor()


def show_refusal(exc: ClsmError) -> None:
    """A refusal of the data layer, with every bad cell as a table (plain text, never HTML)."""
    st.error(fmt.md(exc.message))  # messages quote cells of the uploaded file: escaped
    if isinstance(exc, DataFileError) and len(exc.problems) > 1:
        st.dataframe(
            pd.DataFrame(
                [
                    {"Fichier": p.file, "Feuille": p.sheet or "", "Ligne": p.line, "Colonne": p.column or "",
                     "Problème": p.message}
                    for p in exc.problems
                ]
            ),
            hide_index=True,
        )
    if exc.hint:
        st.caption(fmt.md(exc.hint))


def _cell_text(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return value


def _frame(table: str, rows: list[dict]) -> pd.DataFrame:
    t = TABLES[table]
    out = pd.DataFrame([{k: _cell_text(v) for k, v in r.items()} for r in rows])
    return out.rename(columns={c.name: importer.header_label(t, c) for c in t.cols})


def preview(plan: ImportPlan) -> None:
    """Counts and rows of a plan: added, updated (before → after), unchanged."""
    for note in plan.messages:
        st.caption(fmt.md(note))
    for table, change in plan.changes.items():
        label = TABLES[table].label
        st.markdown(f"**{label.capitalize()}**")
        a, u, n = st.columns(3)
        a.metric("Ajoutées", len(change.added), border=True)
        u.metric("Mises à jour", len(change.updated), border=True)
        n.metric("Inchangées", len(change.unchanged), border=True)
        if change.added:
            with st.expander(f"Lignes ajoutées ({len(change.added)})"):
                st.dataframe(_frame(table, change.added), hide_index=True)
        if change.updated:
            with st.expander(f"Lignes mises à jour ({len(change.updated)})"):
                rows = []
                for before, after in change.updated:
                    diff = {k: after[k] for k in TABLES[table].key}
                    for col, value in after.items():
                        if col not in TABLES[table].key and value != before.get(col):
                            diff[col] = f"{_cell_text(before.get(col))} → {_cell_text(value)}"
                    rows.append(diff)
                st.dataframe(_frame(table, rows), hide_index=True)
        if change.unchanged:
            with st.expander(f"Lignes inchangées ({len(change.unchanged)})"):
                st.dataframe(_frame(table, change.unchanged), hide_index=True)


def done(result: ImportResult) -> None:
    """Refresh cached results after a write and keep the message for the next run."""
    data.clear()
    st.session_state[DONE_KEY] = result.summary()


def show_done() -> None:
    """The success message of the last write, once."""
    message = st.session_state.pop(DONE_KEY, None)
    if message:
        st.success(fmt.md(message))  # quotes the file name


def render_import(user: Caller) -> None:
    """Tab « Importer »: template, upload, preview, confirmation."""
    st.download_button(
        "Télécharger le modèle d'import (.xlsx)",
        data=importer.template_xlsx(),
        file_name="modele-import-clsm.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
    )
    st.caption(
        "Une feuille par table (actions, réunions, présences, événements, structures, valeurs des indicateurs). "
        "L'import ajoute ou met à jour les lignes par leur identifiant ; il ne supprime jamais rien, "
        "et une cellule vide ne remplace pas une valeur déjà saisie. Une sauvegarde est faite avant chaque import."
    )
    upload = st.file_uploader("Fichier à importer (.xlsx ou .csv, 10 Mo au plus)", type=["xlsx", "csv"],
                              key="clsm_import_file")
    if upload is None:
        st.session_state.pop(PLAN_KEY, None)
        return
    if upload.size > importer.MAX_BYTES:
        st.error("Fichier trop volumineux : 10 Mo au plus.")
        return
    stored = st.session_state.get(PLAN_KEY)
    if not stored or stored[0] != upload.file_id:
        try:
            plan = importer.plan_import(read_cursor(), upload.getvalue(), upload.name)
        except ClsmError as exc:
            show_refusal(exc)
            return
        st.session_state[PLAN_KEY] = stored = (upload.file_id, plan)
    confirm_and_apply(
        stored[1], button="Confirmer l'import", key="clsm_import_confirm", plan_key=PLAN_KEY,
        noop="Rien à importer : ces lignes sont déjà à jour dans la base (0 ajoutée, 0 mise à jour).",
        apply=lambda cur, plan: importer.apply_import(cur, user, plan),
    )


def confirm_and_apply(plan: ImportPlan, *, button: str, key: str, plan_key: str, noop: str, apply) -> None:
    """Preview a plan, then write it on confirmation; the plan is forgotten after any attempt.

    apply(cursor, plan) -> ImportResult runs on a fresh cursor of the process's read-write connection.
    """
    preview(plan)
    if plan.is_noop:
        st.info(noop)
        return
    if not st.button(button, type="primary", key=key):
        return
    cur = write_cursor()
    try:
        result = apply(cur, plan)
    except ClsmError as exc:
        show_refusal(exc)
        return
    finally:
        cur.close()
        st.session_state.pop(plan_key, None)
    done(result)
    st.rerun()
