"""Administration tabs « Modifier une table » and « Saisir une réunion »: checked by the importer's rules."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from clsm_data import importer, writes
from clsm_data.errors import ClsmError
from clsm_data.roles import Caller
from clsm_data.tables import MEETING_MODES, ROLE_CATEGORIES, TABLES

from .admin import confirm_and_apply, done, read_cursor, show_refusal, write_cursor

EDIT_PLAN_KEY = "_clsm_edit_plan"
LIMIT = 2000


def _plain(value: object) -> object:
    """A cell of the editor as a plain Python value (NaN/NaT -> None, Timestamp -> date)."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value.item() if hasattr(value, "item") else value


def _column_config(table: str) -> dict:
    t = TABLES[table]
    config = {}
    for col in t.cols:
        label = importer.header_label(t, col)
        if col.type == "date":
            config[col.name] = st.column_config.DateColumn(label, format="DD/MM/YYYY")
        elif col.choices:
            config[col.name] = st.column_config.SelectboxColumn(label, options=list(col.choices))
        elif col.type == "int":
            config[col.name] = st.column_config.NumberColumn(label, step=1, format="%d")
        else:
            config[col.name] = st.column_config.Column(label)
    return config


def render_edit(user: Caller) -> None:
    """Tab « Modifier une table »: edit or add rows, check (diff), preview, then save."""
    table = st.selectbox("Table", importer.IMPORTABLE, format_func=lambda t: TABLES[t].label.capitalize(),
                         key="clsm_edit_table")
    try:
        frame = importer.table_frame(read_cursor(), table, LIMIT)
    except ClsmError as exc:
        show_refusal(exc)
        return
    if len(frame) >= LIMIT:
        st.caption(f"Seules les {LIMIT} premières lignes sont affichées : pour les autres, passez par un import.")
    st.caption("Ajoutez des lignes en bas du tableau. Les suppressions ne se font pas ici. "
               "Ne modifiez pas l'identifiant d'une ligne existante : une nouvelle ligne serait créée.")
    edited = st.data_editor(frame, num_rows="add", hide_index=True, column_config=_column_config(table),
                            key=f"clsm_editor_{table}")
    if st.button("Vérifier les modifications", key="clsm_edit_check"):
        rows = [{c: _plain(v) for c, v in r.items()} for r in edited.to_dict("records")]
        try:
            plan = writes.save_edits(read_cursor(), user, table, rows, apply=False)
        except ClsmError as exc:
            show_refusal(exc)
            return
        st.session_state[EDIT_PLAN_KEY] = (table, plan)
    stored = st.session_state.get(EDIT_PLAN_KEY)
    if not stored or stored[0] != table:
        return
    confirm_and_apply(
        stored[1], button="Enregistrer les modifications", key="clsm_edit_apply", plan_key=EDIT_PLAN_KEY,
        noop="Aucune modification à enregistrer.",
        apply=lambda cur, plan: writes.apply_plan(cur, user, plan, backup=False),
    )


def render_meeting(user: Caller) -> None:
    """Tab « Saisir une réunion »: instance, date, mode, place, then counts per structure and role category."""
    cur = read_cursor()
    instances = importer.reference_labels(cur, "instance")
    structures = importer.reference_labels(cur, "structure")
    c1, c2, c3 = st.columns(3)
    instance = c1.selectbox("Instance", list(instances), format_func=instances.get, key="clsm_meeting_instance")
    day = c2.date_input("Date", value=dt.date.today(), format="DD/MM/YYYY", key="clsm_meeting_date")
    mode = c3.selectbox("Modalité", MEETING_MODES, index=None, placeholder="non renseignée", key="clsm_meeting_mode")
    place = st.text_input("Lieu", key="clsm_meeting_place")
    title = st.text_input("Intitulé (facultatif)", key="clsm_meeting_title")
    present = st.multiselect("Structures présentes", list(structures), format_func=structures.get,
                             key="clsm_meeting_structures", placeholder="Choisir les structures présentes")
    st.caption("Nombre de personnes par structure et par catégorie : aucun nom n'est saisi.")
    grid = pd.DataFrame({"structure": [structures[s] for s in present]}
                        | {r: [0] * len(present) for r in ROLE_CATEGORIES})
    config = {"structure": st.column_config.Column("Structure", disabled=True)}
    config |= {r: st.column_config.NumberColumn(r.capitalize(), min_value=0, step=1, format="%d")
               for r in ROLE_CATEGORIES}
    counts = st.data_editor(grid, hide_index=True, column_config=config, key="clsm_meeting_grid")
    if st.button("Enregistrer la réunion", type="primary", key="clsm_meeting_save"):
        attendance = {
            (sid, role): int(_plain(counts.iloc[i][role]) or 0)
            for i, sid in enumerate(present)
            for role in ROLE_CATEGORIES
        }
        meeting = {"instance_id": instance, "date": day, "mode": mode, "place": place or None,
                   "title": title or None}
        wcur = write_cursor()
        try:
            result = writes.record_meeting(wcur, user, meeting, attendance)
        except ClsmError as exc:
            show_refusal(exc)
            return
        finally:
            wcur.close()
        done(result)
        st.rerun()
