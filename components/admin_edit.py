"""Administration tabs « Modifier une table » and « Saisir une réunion »: checked by the importer's rules."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from clsm_data import importing as importer
from clsm_data.core import validate
from clsm_data.core.errors import ClsmError
from clsm_data.core.roles import Caller
from clsm_data.core.tables import MEETING_MODES, ROLE_CATEGORIES, TABLES
from clsm_data.importing import edits
from clsm_data.importing.words import norm
from clsm_data.store import writes

from . import data, fmt
from .admin import confirm_and_apply, read_cursor, show_refusal
from .writing import write

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


# st.data_editor's toolbar (« Show/hide columns », « Download as CSV », « Search », « Fullscreen ») and its search
# box (« Type to search », « 1 of 1 result ») are English in Streamlit 1.67, with no option to translate them:
# they are hidden in the editor's two grids and the meeting's attendance grid, and a French search box above the
# table replaces the search (_searched). Rows are added with the French
# « Ajouter une ligne » below the table (num_rows="fixed": Enter on the last row adds nothing), empty cells are
# blank (placeholder="").
GRID_CSS = """
<style>
.st-key-clsm_edit_grid [data-testid="stElementToolbar"], .st-key-clsm_edit_grid .gdg-search-bar,
.st-key-clsm_edit_new [data-testid="stElementToolbar"], .st-key-clsm_edit_new .gdg-search-bar,
.st-key-clsm_meeting_box [data-testid="stElementToolbar"], .st-key-clsm_meeting_box .gdg-search-bar { display: none; }
</style>
"""
NEW_KEY = "_clsm_edit_new"  # (table, version, rows typed in the « Nouvelles lignes » grid)
DUP_KEY = "_clsm_edit_dups"  # (table, {Duplicate.ident: choice})


def _new_rows(table: str) -> tuple[int, list[dict]]:
    stored = st.session_state.get(NEW_KEY)
    if not stored or stored[0] != table:
        stored = (table, 0, [{}])
        st.session_state[NEW_KEY] = stored
    return stored[1], stored[2]


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{c: _plain(v) for c, v in r.items()} for r in frame.to_dict("records")]


def _searched(frame: pd.DataFrame, table: str) -> tuple[pd.DataFrame, str]:
    """The French search that replaces the grid's English one: the rows holding the words typed (case and accents
    ignored, in any column), and the grid's key (its own per search, so that edits never land on another row)."""
    typed = st.text_input("Rechercher dans la table", key=f"clsm_edit_search_{table}",
                          placeholder="un nom, un sigle, une date, un statut…")
    words = norm(typed or "").split()
    if not words:
        return frame, f"clsm_editor_{table}"
    text = frame.astype(str).apply(lambda col: col.map(norm)).agg(" ".join, axis=1)
    found = frame[text.map(lambda row: all(w in row for w in words))]
    st.caption(f"{fmt.plural(len(found), 'ligne contient', 'lignes contiennent')} « {fmt.md(typed.strip())} » "
               f"(sur {fmt.number(len(frame))}). Vérifiez et enregistrez avant de changer de recherche : une "
               "modification non vérifiée n'est pas gardée d'une recherche à l'autre.")
    return found, f"clsm_editor_{table}_{'_'.join(words)[:40]}"


def render_edit(user: Caller) -> None:
    """Tab « Modifier une table »: edit rows, add new ones, check (diff, duplicates to decide), then save."""
    table = st.selectbox("Table", importer.IMPORTABLE, format_func=lambda t: TABLES[t].label.capitalize(),
                         key="clsm_edit_table")
    try:
        frame = importer.table_frame(read_cursor(), table, LIMIT, named=True)  # names, never codes, in references
    except ClsmError as exc:
        show_refusal(exc)
        return
    st.markdown(GRID_CSS, unsafe_allow_html=True)  # no data in it
    if len(frame) >= LIMIT:
        st.caption(f"Seules les {LIMIT} premières lignes sont affichées : pour les autres, passez par un import.")
    st.caption("Modifiez les cellules du tableau ; les nouvelles lignes se saisissent en dessous. Les suppressions "
               "se font dans l'onglet « Journal ». Ne modifiez pas l'identifiant d'une ligne existante : une "
               "nouvelle ligne serait créée.")
    config = _column_config(table)
    frame, grid_key = _searched(frame, table)
    with st.container(key="clsm_edit_grid"):
        edited = st.data_editor(frame, num_rows="fixed", hide_index=True, column_config=config, placeholder="",
                                key=grid_key, alt=f"Table {TABLES[table].label}")
    version, typed = _new_rows(table)
    st.markdown("**Nouvelles lignes**")
    st.caption("Une ligne laissée vide est ignorée. Un identifiant laissé vide est fait à partir du nom "
               "(ou de l'instance et de la date).")
    blank = frame.iloc[0:0].reindex(range(len(typed)))
    for i, row in enumerate(typed):
        for col, value in row.items():
            if value is not None and col in blank:
                blank.at[i, col] = value
    with st.container(key="clsm_edit_new"):
        added = st.data_editor(blank, num_rows="fixed", hide_index=True, column_config=config, placeholder="",
                               key=f"clsm_editor_new_{table}_{version}", alt="Nouvelles lignes")
    if st.button("Ajouter une ligne", icon=":material/add:", key="clsm_edit_add_row"):
        st.session_state[NEW_KEY] = (table, version + 1, [*_records(added), {}])  # what was typed is kept
        st.rerun()
    rows, new = _records(edited), _records(added)
    choices = st.session_state.get(DUP_KEY)
    if not choices or choices[0] != table:
        choices = (table, {})
        st.session_state[DUP_KEY] = choices
    if st.button("Vérifier les modifications", key="clsm_edit_check"):
        choices[1].clear()
        _check(user, table, rows, new, {})
    stored = st.session_state.get(EDIT_PLAN_KEY)
    if not stored or stored[0] != table:
        return
    plan = stored[1]
    if _ask_duplicates(table, plan, stored[2], choices[1]):
        _check(user, table, stored[2], stored[3], choices[1])
        st.rerun()
    pending = getattr(plan, "pending", [])
    confirm_and_apply(
        plan, button="Enregistrer les modifications", key="clsm_edit_apply", plan_key=EDIT_PLAN_KEY,
        noop="Aucune modification à enregistrer.",
        apply=lambda cur, plan: _save(cur, user, plan, table),
        blocked=f"Choisissez d'abord quoi faire des {len(pending)} doublon(s) probable(s) ci-dessus." if pending
        else None,
    )


def _check(user: Caller, table: str, rows: list[dict], new: list[dict], duplicates: dict) -> None:
    """Plan the edits (nothing written) and keep the plan with the rows it was made from."""
    try:
        plan = edits.save_edits(read_cursor(), user, table, rows, apply=False, new_rows=new,
                                 duplicates=duplicates)
    except ClsmError as exc:
        st.session_state.pop(EDIT_PLAN_KEY, None)
        show_refusal(exc)
        return
    st.session_state[EDIT_PLAN_KEY] = (table, plan, rows, new)


def _save(cur, user: Caller, plan, table: str):
    result = writes.apply_plan(cur, user, plan, backup=False)
    st.session_state.pop(NEW_KEY, None)  # the new rows are saved: the grid starts empty again
    st.session_state.pop(DUP_KEY, None)
    return result


def _ask_duplicates(table: str, plan, rows: list[dict], choices: dict) -> bool:
    """Each probable duplicate beside the stored row it resembles, with the import's three choices.

    Returns True when a choice changed (the plan must be made again).
    """
    found = getattr(plan, "duplicates", [])
    if not found:
        return False
    labels = importer.DUPLICATE_CHOICES
    st.warning(f"{len(found)} nouvelle(s) ligne(s) ressemblent à des lignes déjà enregistrées (doublons "
               "probables) : pour chacune, fusionner avec la ligne existante, l'ignorer ou l'ajouter quand même.")
    cur = read_cursor()
    changed = False
    every = rows + st.session_state[EDIT_PLAN_KEY][3]
    for d in found:
        typed = every[d.line - 1] if d.line and d.line <= len(every) else {}
        name = typed.get("name") or typed.get("title") or (typed.get("instance_id") and
                                                           validate.row_label(cur, table, typed)) or "?"
        if typed.get("acronym"):
            name = f"{name} ({typed['acronym']})"
        existing = validate.row_label(cur, table, {TABLES[table].key[0]: d.existing[0]})
        left, right = st.columns(2)
        left.markdown(fmt.md(f"**Nouvelle ligne** : {name}"))
        right.markdown(fmt.md(f"**Déjà enregistrée** : {existing}"))
        st.caption(fmt.md(f"Pourquoi : {d.reason}."))
        pick = st.radio(
            fmt.md(f"Que faire de « {name} » ?"), list(labels), index=list(labels).index(d.choice)
            if d.choice in labels else None, format_func=labels.get, horizontal=True, key=f"clsm_edit_dup_{d.ident}",
        )
        if pick and choices.get(d.ident) != pick:
            choices[d.ident] = pick
            changed = True
    return changed


def render_meeting(user: Caller) -> None:
    """Tab « Saisir une réunion »: instance, date, mode, place, then counts per structure and role category."""
    cur = read_cursor()
    instances = importer.reference_labels(cur, "instance")
    structures = importer.reference_labels(cur, "structure")
    c1, c2, c3 = st.columns(3)
    instance = c1.selectbox("Instance", list(instances), format_func=instances.get, key="clsm_meeting_instance")
    # A French text field: Streamlit's date picker speaks English (« January », « S M T W T F S »)
    typed = c2.text_input("Date (jj/mm/aaaa)", value=dt.date.today().strftime("%d/%m/%Y"), key="clsm_meeting_date")
    try:
        day = dt.datetime.strptime((typed or "").strip(), "%d/%m/%Y").date()
    except ValueError:
        day = None
        c2.error(fmt.md(f"Date illisible : « {typed} ». Écrivez-la jj/mm/aaaa, ex. 18/11/2021."))
    mode = c3.selectbox("Modalité", MEETING_MODES, index=None, placeholder="non renseignée", key="clsm_meeting_mode")
    place = st.text_input("Lieu", key="clsm_meeting_place")
    title = st.text_input("Intitulé (facultatif)", key="clsm_meeting_title")
    present = st.multiselect("Structures présentes", list(structures), format_func=structures.get,
                             key="clsm_meeting_structures", placeholder="Choisir les structures présentes")
    st.caption("Nombre de personnes par structure et par catégorie : aucun nom n'est saisi.")
    validated = {v["year"]: v for v in data.validated_years()}
    if day is not None and day.year in validated:  # said before anything is written
        st.warning(fmt.md(f"L'année {day.year} est validée par le COPIL (le {fmt.date(validated[day.year]['validated_on'])}) : "
                          "cette réunion sera montrée à part, « après validation », sans changer les chiffres validés."))
    grid = pd.DataFrame({"structure": [structures[s] for s in present]}
                        | {r: [0] * len(present) for r in ROLE_CATEGORIES})
    config = {"structure": st.column_config.Column("Structure", disabled=True)}
    config |= {r: st.column_config.NumberColumn(r.capitalize(), min_value=0, step=1, format="%d")
               for r in ROLE_CATEGORIES}
    st.markdown(GRID_CSS, unsafe_allow_html=True)  # no data in it
    with st.container(key="clsm_meeting_box"):
        counts = st.data_editor(grid, hide_index=True, column_config=config, key="clsm_meeting_grid",
                                placeholder="", alt="Présences par structure et par catégorie")
    if st.button("Enregistrer la réunion", type="primary", key="clsm_meeting_save", disabled=day is None):
        attendance = {
            (sid, role): int(_plain(counts.iloc[i][role]) or 0)
            for i, sid in enumerate(present)
            for role in ROLE_CATEGORIES
        }
        meeting = {"instance_id": instance, "date": day, "mode": mode, "place": place or None,
                   "title": title or None}
        write(lambda cur: edits.record_meeting(cur, user, meeting, attendance), refused=show_refusal)
