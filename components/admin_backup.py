"""Administration tab « Sauvegardes » (create, list, restore with confirmation); the journal is admin_journal."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from clsm_data import backup
from clsm_data.config import db_path
from clsm_data.errors import ClsmError
from clsm_data.roles import Caller

from . import data, fmt
from .admin import show_refusal, write_cursor

RESTORED_KEY = "_clsm_restored"


def render_backups(user: Caller) -> None:
    """Create a backup, list them with French dates, restore one after an explicit confirmation."""
    message = st.session_state.pop(RESTORED_KEY, None)
    if message:
        st.success(fmt.md(message))
    if st.button("Créer une sauvegarde maintenant", icon=":material/save:", key="clsm_backup_create"):
        cur = write_cursor()
        try:
            path = backup.create(cur, user)
            st.success(f"Sauvegarde faite : {fmt.md(path.name)}")
        except ClsmError as exc:
            show_refusal(exc)
        finally:
            cur.close()
    found = backup.list_backups(db_path())
    if not found:
        st.info("Aucune sauvegarde pour l'instant : elles sont faites avant chaque import, ou avec ce bouton.")
        return
    st.dataframe(
        pd.DataFrame(
            [{"Date": b.created.strftime("%d/%m/%Y %H:%M:%S"), "Motif": b.reason.replace("-", " "),
              "Taille (Mo)": round(b.size / 1024 / 1024, 1), "Fichier": b.name} for b in found]
        ),
        hide_index=True,
    )
    st.markdown("**Restaurer une sauvegarde**")
    labels = {b.name: b.label() for b in found}
    name = st.selectbox("Sauvegarde", list(labels), format_func=labels.get, key="clsm_backup_choice")
    sure = st.checkbox(
        "Je confirme : les données actuelles seront remplacées par celles de cette sauvegarde "
        "(elles sont d'abord sauvegardées ; le journal et les comptes sont conservés).",
        key="clsm_backup_confirm",
    )
    if st.button("Restaurer", type="primary", disabled=not sure, key="clsm_backup_restore"):
        cur = write_cursor()
        try:
            before = backup.restore(cur, user, name)
        except ClsmError as exc:
            show_refusal(exc)
            return
        finally:
            cur.close()
        # Same connection, new content: clearing the cached results is enough for every session.
        data.clear()
        st.session_state[RESTORED_KEY] = f"Sauvegarde restaurée. L'état d'avant est gardé : {before.name}."
        st.session_state.pop("clsm_backup_confirm", None)
        st.rerun()
