"""Administration tab « Sauvegardes » (create, list, restore with confirmation); the journal is admin_journal."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from clsm_data.core.config import db_path
from clsm_data.core.roles import ROLE_LABELS, Caller
from clsm_data.store import backup

from . import fmt
from .admin import show_refusal
from .writing import attempt, write

RESTORED_KEY = "_clsm_restored"


def render_backups(user: Caller) -> None:
    """Create a backup, list them with French dates, restore one after an explicit confirmation."""
    message = st.session_state.pop(RESTORED_KEY, None)
    if message:
        st.success(fmt.md(message))
    if st.button("Créer une sauvegarde maintenant", icon=":material/save:", key="clsm_backup_create"):
        path, exc = attempt(lambda cur: backup.create(cur, user))
        if exc is not None:
            show_refusal(exc)
        else:
            st.success(f"Sauvegarde faite : {fmt.md(path.name)}")
    st.caption(
        "Une sauvegarde est prise avant chaque import et chaque restauration ; elle dit ce qu'elle a précédé "
        "(fichier, rôle, date). Compressée, elle ne pèse que quelques centaines de ko. "
        + _retention()
    )
    found = backup.list_backups(db_path())
    if not found:
        st.info("Aucune sauvegarde pour l'instant : elles sont faites avant chaque import, ou avec ce bouton.")
        return
    st.dataframe(
        pd.DataFrame(
            [{"Date": b.created.strftime("%d/%m/%Y %H:%M:%S"), "Motif": b.reason.replace("-", " "),
              "Avant": b.origin or "non renseigné", "Rôle": ROLE_LABELS.get(b.role, b.role or "non renseigné"),
              "Schéma": "non renseigné" if b.schema is None else f"n°{b.schema}",
              "Taille": b.size_text(), "Fichier": b.name} for b in found]
        ),
        hide_index=True,
    )
    st.caption(f"{len(found)} sauvegarde(s), {_total(found)} en tout. Une sauvegarde d'une version antérieure du "
               "programme est mise au schéma actuel lors de la restauration.")
    st.markdown("**Restaurer une sauvegarde**")
    labels = {b.name: b.label() for b in found}
    name = st.selectbox("Sauvegarde", list(labels), format_func=labels.get, key="clsm_backup_choice")
    sure = st.checkbox(
        "Je confirme : les données actuelles seront remplacées par celles de cette sauvegarde "
        "(elles sont d'abord sauvegardées ; le journal et les comptes sont conservés).",
        key="clsm_backup_confirm",
    )
    if st.button("Restaurer", type="primary", disabled=not sure, key="clsm_backup_restore"):
        # Same connection, new content: clearing the cached results (done by write) is enough for every session.
        before = write(lambda cur: backup.restore(cur, user, name), "", forget=("clsm_backup_confirm",),
                       refused=show_refusal, rerun=False)
        if before is not None:
            st.session_state[RESTORED_KEY] = f"Sauvegarde restaurée. L'état d'avant est gardé : {before.name}."
            st.rerun()


def _retention() -> str:
    """How long backups are kept, in words (the setting's name is for the host, in the README, not for this page)."""
    days = backup.keep_days()
    if days is None:
        return "Toutes les sauvegardes sont conservées, sans limite de durée."
    return (f"Les sauvegardes sont gardées {days} jour{'s' if days > 1 else ''} ; la plus récente et la dernière prise "
            f"avant chaque import des {backup.PROTECTED_DAYS} derniers jours sont gardées plus longtemps.")


def _total(found: list[backup.Backup]) -> str:
    size = sum(b.size for b in found)
    return f"{max(1, round(size / 1024))} ko" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} Mo".replace(".", ",")
